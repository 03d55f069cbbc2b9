//! Writing output files without ever leaving a partial one, and without replacing what is not a
//! file.
//!
//! What `-o PATH` names decides how it is written ([`write_output`]):
//!
//! - a regular file, or a path where nothing is yet: **atomically**. The bytes go to a temporary
//!   file in the target's folder (`.disclose-<pid>-XXXXXX.tmp`), which is renamed over the
//!   target only once everything is written and flushed, so a failure half-way (a full disk, a
//!   file-size limit, a kill) leaves the old file, or no file, in place. A new file gets the
//!   mode any tool would give it (0666 less the umask); a replaced file keeps its mode (and, when
//!   it can, its owner).
//! - a symbolic link: the file it points to, written as above; the link stays a link.
//! - a character device (`/dev/null`, a terminal) or a FIFO: **directly**, as `>` in a shell
//!   does; such a thing is never replaced by a file. `/dev/stdout` (and `/dev/fd/1`) is the
//!   process's own standard output.
//! - anything else (a folder, a block device, a socket): an error, and nothing is written.
//!
//! A run that is killed while writing leaves its temporary file behind. Every atomic write first
//! removes the `.disclose-*.tmp` files in the target's folder whose process is no longer running
//! (on systems without `/proc`, those older than a day), so they cannot accumulate.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::findings::error::Error;

/// The prefix of our temporary files.
const PREFIX: &str = ".disclose-";

/// The suffix of our temporary files.
const SUFFIX: &str = ".tmp";

/// Where `-o PATH` sends the bytes, decided from what is at the path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// The process's standard output (`-`, `/dev/stdout`, `/dev/fd/1`).
    Stdout,
    /// A character device or FIFO, written to as it is.
    Direct(PathBuf),
    /// A regular file (or a new path), replaced atomically: the path after following links.
    Atomic(PathBuf),
}

/// Whether `path` names standard output: `-`, `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`.
pub fn is_stdout(path: &Path) -> bool {
    matches!(
        path.to_str(),
        Some("-" | "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1")
    )
}

/// How `path` is to be written; an error for what cannot hold a report (a folder, a block
/// device, a socket, a loop of links).
pub fn target(path: &Path) -> Result<Target, Error> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if is_stdout(path) {
        return Ok(Target::Stdout);
    }
    let resolved = follow_links(path).map_err(error)?;
    match std::fs::metadata(&resolved) {
        Ok(meta) if meta.is_file() => Ok(Target::Atomic(resolved)),
        Ok(meta) if is_stream(meta.file_type()) => Ok(Target::Direct(resolved)),
        Ok(meta) if meta.is_dir() => Err(error(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a folder",
        ))),
        Ok(_) => Err(error(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is neither a file, a character device nor a FIFO",
        ))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // A new file: its folder must be there (the temporary file's own error would name
            // the temporary file, not the folder).
            let folder = folder_of(&resolved);
            if folder.is_dir() {
                Ok(Target::Atomic(resolved))
            } else {
                Err(Error::NoFolder {
                    path: path.to_path_buf(),
                    folder: folder.to_path_buf(),
                })
            }
        }
        Err(e) => Err(error(e)),
    }
}

/// Writes `bytes` where `path` says ([`target`]); standard output is the caller's to write
/// (`Ok(false)`), so that a closed pipe is handled once, by the caller.
pub fn write_output(path: &Path, bytes: &[u8]) -> Result<bool, Error> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    match target(path)? {
        Target::Stdout => Ok(false),
        Target::Direct(device) => {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&device)
                .map_err(error)?;
            file.write_all(bytes)
                .and_then(|()| file.flush())
                .map_err(error)?;
            Ok(true)
        }
        Target::Atomic(file) => {
            replace(&file, bytes).map_err(error)?;
            Ok(true)
        }
    }
}

/// Writes `bytes` to `path` atomically (temporary file + rename): a new file, or one that may
/// replace a regular file. Links are followed; a device or FIFO is refused (use
/// [`write_output`] to write to one).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    match target(path)? {
        Target::Atomic(file) => replace(&file, bytes).map_err(error),
        Target::Stdout | Target::Direct(_) => Err(error(io::Error::new(
            io::ErrorKind::InvalidInput,
            "is not a regular file",
        ))),
    }
}

/// Writes a new file atomically, refusing to replace anything already at `path` (a file, a
/// link, dangling or not): `Ok(false)` then, and nothing is written.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<bool, Error> {
    let error = |source| Error::Write {
        path: path.to_path_buf(),
        source,
    };
    if path.symlink_metadata().is_ok() {
        return Ok(false);
    }
    let folder = folder_of(path);
    remove_stale(folder);
    let mut file = temporary(folder).map_err(error)?;
    file.write_all(bytes).map_err(error)?;
    file.as_file().sync_all().map_err(error)?;
    match file.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(error(e.error)),
    }
}

/// A temporary file of ours in `folder`, with the mode a new file gets.
fn temporary(folder: &Path) -> io::Result<tempfile::NamedTempFile> {
    let prefix = format!("{PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(SUFFIX);
    new_file_mode(&mut builder);
    builder.tempfile_in(folder)
}

/// The first of `inputs` that `path` would write over (the same file, through a link or a hard
/// link too): a report must never replace the files it is made from.
pub fn overwrites<'a>(path: &Path, inputs: impl IntoIterator<Item = &'a Path>) -> Option<&'a Path> {
    let target = std::fs::metadata(follow_links(path).ok()?).ok()?;
    inputs
        .into_iter()
        .find(|input| std::fs::metadata(input).is_ok_and(|meta| same_file(&meta, &target)))
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len()
        && a.modified().ok() == b.modified().ok()
        && a.created().ok() == b.created().ok()
}

/// Whether a file type is written to as a stream: a character device or a FIFO.
#[cfg(unix)]
fn is_stream(kind: std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_char_device() || kind.is_fifo()
}

#[cfg(not(unix))]
fn is_stream(_: std::fs::FileType) -> bool {
    false
}

/// The path a chain of symbolic links ends at (which need not exist: a dangling link names the
/// file to create). Gives up after 40 links, as the system does.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if link.is_relative() => folder.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

/// The folder a file is in (`.` for a bare name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The atomic write proper, onto `path` (no link).
fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = folder_of(path);
    remove_stale(folder);
    let old = std::fs::metadata(path).ok();
    let mut file = temporary(folder)?;
    file.write_all(bytes)?;
    if let Some(old) = &old {
        keep_mode_and_owner(file.as_file(), old)?;
    }
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A new file is created as `open(2)` with mode 0666 creates it: the umask applies.
#[cfg(unix)]
fn new_file_mode(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn new_file_mode(_: &mut tempfile::Builder<'_, '_>) {}

/// The replacement takes the replaced file's mode, and its owner where allowed.
#[cfg(unix)]
fn keep_mode_and_owner(file: &std::fs::File, old: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    file.set_permissions(old.permissions())?;
    // Only root may give a file away; for anyone else this is a no-op or refused, and either
    // way the report is written.
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    Ok(())
}

#[cfg(not(unix))]
fn keep_mode_and_owner(file: &std::fs::File, old: &std::fs::Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// Removes the temporary files of our own runs that ended without removing them (killed while
/// writing). A file whose process still runs is another run's, in progress: it is left alone.
fn remove_stale(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .filter(|rest| rest.ends_with(SUFFIX))
            .and_then(|rest| rest.split('-').next())
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        // A regular file of ours only: never follow a link planted under such a name.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if meta.is_file() && is_stale(pid, &meta) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Whether a temporary file written by process `pid` is left over: that process is gone (or,
/// where that cannot be known, the file is a day old).
fn is_stale(pid: u32, meta: &std::fs::Metadata) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    if proc.join("self").exists() {
        return !proc.join(pid.to_string()).exists();
    }
    meta.modified()
        .ok()
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age.as_secs() > 24 * 3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1);
    }

    #[test]
    fn a_missing_folder_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/folder/report.md");
        assert!(matches!(
            write_atomically(&path, b"x"),
            Err(Error::NoFolder { .. })
        ));
        assert!(!path.exists());
    }

    #[test]
    fn standard_output_by_its_names() {
        for name in ["-", "/dev/stdout", "/dev/fd/1"] {
            assert_eq!(target(Path::new(name)).unwrap(), Target::Stdout, "{name}");
        }
        assert!(!is_stdout(Path::new("./-")));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("real.md", &link).unwrap();
        assert!(write_output(&link, b"new").unwrap());
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A dangling link names the file to create.
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink("new.md", &dangling).unwrap();
        write_output(&dangling, b"created").unwrap();
        assert_eq!(
            std::fs::read(dir.path().join("new.md")).unwrap(),
            b"created"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_to_never_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        if !null.exists() {
            return;
        }
        assert_eq!(target(null).unwrap(), Target::Direct(null.to_path_buf()));
        assert!(write_output(null, b"x").unwrap());
        assert!(null.metadata().unwrap().file_type().is_char_device());
        assert!(write_atomically(null, b"x").is_err());
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(target(dir.path()), Err(Error::Write { .. })));
    }

    #[cfg(unix)]
    #[test]
    fn an_input_is_found_through_links() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("report.toml");
        std::fs::write(&input, "x").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let inputs = [input.as_path()];
        assert_eq!(overwrites(&link, inputs), Some(input.as_path()));
        assert_eq!(overwrites(&input, inputs), Some(input.as_path()));
        assert_eq!(overwrites(&dir.path().join("new.md"), inputs), None);
    }

    #[test]
    fn a_new_file_never_replaces_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("宣传部.csv");
        assert!(create_new(&path, b"one").unwrap());
        assert!(!create_new(&path, b"two").unwrap());
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        std::fs::write(&path, "old").unwrap();
        for mode in [0o644, 0o640, 0o600] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
            write_atomically(&path, b"new").unwrap();
            let got = path.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(got, mode);
        }
    }

    #[cfg(unix)]
    #[test]
    fn stale_temporary_files_of_dead_runs_are_removed_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        // No process has a pid this large (the kernel's limit is 2^22).
        let stale = dir.path().join(".disclose-4999999-abcdef.tmp");
        let live = dir
            .path()
            .join(format!(".disclose-{}-abcdef.tmp", std::process::id()));
        let other = dir.path().join(".disclose-notes.txt");
        for path in [&stale, &live, &other] {
            std::fs::write(path, "x").unwrap();
        }
        write_atomically(&dir.path().join("report.md"), b"x").unwrap();
        assert!(!stale.exists());
        assert!(live.exists());
        assert!(other.exists());
    }
}
