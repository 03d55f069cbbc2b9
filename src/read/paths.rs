//! Which files a year may be read from: only what belongs to it.
//!
//! A path that report.toml or a department file names (`checklist`, an export's `file`) is a
//! name in the year folder: relative, without `..`, so `checklist = "/etc/passwd"` or
//! `"../../x"` is a finding (D120) and nothing is read. A file in the year folder is read when
//! it is a regular file, or a link to one inside the data folder (or the year folder itself,
//! should that be a link to elsewhere); a link leading out of them, a dangling link, a FIFO, a
//! device or a socket is a finding naming it (D121), and is never opened, so that neither the
//! content of a file elsewhere on the machine is printed nor a FIFO stalls the run.

use std::path::{Component, Path, PathBuf};

use crate::findings::problem::{Problem, Special};

/// The folders a year's files may lead into, resolved once.
#[derive(Clone, Debug)]
pub(crate) struct Roots {
    roots: Vec<PathBuf>,
}

impl Roots {
    /// The data folder and the year folder, resolved (links followed).
    pub(crate) fn new(data: &Path, year: &Path) -> Self {
        let roots = [data, year]
            .into_iter()
            .filter_map(|p| std::fs::canonicalize(p).ok())
            .collect();
        Roots { roots }
    }

    fn contain(&self, path: &Path) -> bool {
        self.roots.iter().any(|root| path.starts_with(root))
    }
}

/// What to do with an entry of the year folder.
#[derive(Debug, PartialEq)]
pub(crate) enum Admit {
    /// Read it.
    File,
    /// Not a file to read, and nothing to say: a folder (or a link to one).
    Skip,
    /// Not read, and said why.
    Refuse(Problem),
}

/// Whether `path`, an entry of the year folder, may be read. Never opens it.
pub(crate) fn admit(path: &Path, roots: &Roots) -> Admit {
    let Ok(own) = path.symlink_metadata() else {
        return Admit::Refuse(Problem::DanglingLink);
    };
    if own.file_type().is_symlink() {
        let Ok(target) = std::fs::canonicalize(path) else {
            return Admit::Refuse(Problem::DanglingLink);
        };
        if !roots.contain(&target) {
            return Admit::Refuse(Problem::LinkOutside {
                target: target.display().to_string(),
            });
        }
        return match std::fs::metadata(&target) {
            Ok(meta) => kind(meta.file_type()),
            Err(_) => Admit::Refuse(Problem::DanglingLink),
        };
    }
    kind(own.file_type())
}

fn kind(kind: std::fs::FileType) -> Admit {
    if kind.is_file() {
        return Admit::File;
    }
    if kind.is_dir() {
        return Admit::Skip;
    }
    Admit::Refuse(Problem::NotAFile {
        kind: special(kind),
    })
}

#[cfg(unix)]
fn special(kind: std::fs::FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        Special::Fifo
    } else if kind.is_char_device() || kind.is_block_device() {
        Special::Device
    } else {
        Special::Socket
    }
}

#[cfg(not(unix))]
fn special(_: std::fs::FileType) -> Special {
    Special::Device
}

/// Whether a name written in report.toml or a department file names a file in the year folder:
/// relative, and never climbing out of it (`..`).
pub(crate) fn in_year_folder(name: &str) -> bool {
    let name = name.trim();
    !name.is_empty()
        && !name.contains('\0')
        && Path::new(name)
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_in_the_year_folder() {
        for name in ["省清单.toml", "./省清单.toml", "清单/省清单.toml"] {
            assert!(in_year_folder(name), "{name}");
        }
        for name in [
            "/etc/passwd",
            "../2018-2019/x.toml",
            "清单/../../x",
            "",
            "a\0b",
        ] {
            assert!(!in_year_folder(name), "{name}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_out_dangling_links_and_fifos_are_refused() {
        let data = tempfile::tempdir().unwrap();
        let year = data.path().join("2019-2020");
        std::fs::create_dir(&year).unwrap();
        std::fs::write(year.join("宣传部.csv"), "x").unwrap();
        std::fs::write(data.path().join("共用.csv"), "x").unwrap();
        let link = |name: &str, to: &Path| std::os::unix::fs::symlink(to, year.join(name)).unwrap();
        link("in.csv", &data.path().join("共用.csv"));
        link("out.csv", Path::new("/etc/hostname"));
        link("dangling.csv", &data.path().join("nothing.csv"));
        link("folder", data.path());
        let roots = Roots::new(data.path(), &year);
        let admit = |name: &str| admit(&year.join(name), &roots);
        assert_eq!(admit("宣传部.csv"), Admit::File);
        assert_eq!(admit("in.csv"), Admit::File);
        assert!(matches!(
            admit("out.csv"),
            Admit::Refuse(Problem::LinkOutside { .. })
        ));
        assert_eq!(admit("dangling.csv"), Admit::Refuse(Problem::DanglingLink));
        assert_eq!(admit("folder"), Admit::Skip);
        if std::process::Command::new("mkfifo")
            .arg(year.join("pipe.csv"))
            .status()
            .is_ok_and(|s| s.success())
        {
            assert_eq!(
                admit("pipe.csv"),
                Admit::Refuse(Problem::NotAFile {
                    kind: Special::Fifo
                })
            );
        }
    }
}
