//! `compile -o`: atomically onto a file, through a link, directly to a device or FIFO, `-` for
//! stdout, never over the year's own files; new files by the umask, a replaced one keeps its
//! mode; a write that fails half-way leaves the old report.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;

use predicates::prelude::*;

use crate::util::{Data, disclose, root};

/// `sh -c SCRIPT` with the binary as `$0`, in the repository root, with a neutral environment.
fn sh(script: &str) -> assert_cmd::Command {
    let binary = assert_cmd::cargo::cargo_bin("disclose");
    let mut cmd = assert_cmd::Command::new("sh");
    cmd.current_dir(root())
        .env_remove("DISCLOSE_DATA")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(["-c", script])
        .arg(binary);
    cmd
}

fn mode(path: &Path) -> u32 {
    path.metadata().unwrap().permissions().mode() & 0o777
}

#[test]
fn a_write_that_fails_half_way_leaves_the_old_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("年报.md");
    std::fs::write(&report, "the old report\n").unwrap();
    // A file-size limit of one block: the report (several KB) cannot be written in full. The
    // signal is ignored as disclose ignores it itself, so the write fails with EFBIG.
    sh("trap '' XFSZ; ulimit -f 1; exec \"$0\" compile 2019-2020 -q -o \"$1\"")
        .arg(&report)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("cannot write"));
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "the old report\n"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
}

#[test]
fn a_full_device_is_an_error_and_stays_a_device() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    disclose()
        .args(["compile", "2019-2020", "-q", "-o", "/dev/full"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("cannot write `/dev/full`"));
    assert!(full.metadata().unwrap().file_type().is_char_device());
    disclose()
        .args(["compile", "2019-2020", "-q", "-o", "/dev/null"])
        .assert()
        .success()
        .stdout("");
    assert!(
        Path::new("/dev/null")
            .metadata()
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn dash_and_dev_stdout_are_standard_output() {
    let expected = crate::util::stdout_of(disclose().args(["compile", "2019-2020", "-q"]));
    for name in ["-", "/dev/stdout"] {
        disclose()
            .args(["compile", "2019-2020", "-q", "-o", name])
            .assert()
            .success()
            .stdout(expected.clone());
    }
}

#[test]
fn a_fifo_is_written_to_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    disclose()
        .args(["compile", "2019-2020", "-q", "-o"])
        .arg(&fifo)
        .assert()
        .success();
    assert!(reader.join().unwrap().starts_with("# "));
    assert!(fifo.metadata().unwrap().file_type().is_fifo());
}

#[test]
fn a_link_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.md");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("年报.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    disclose()
        .args(["compile", "2019-2020", "-q", "-o"])
        .arg(&link)
        .assert()
        .success();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("# "));
}

#[test]
fn the_year_s_own_files_are_refused_and_left_as_they_were() {
    let data = Data::sample();
    let year = data.path().join("2019-2020");
    let link = data.path().join("link.toml");
    std::os::unix::fs::symlink(year.join("report.toml"), &link).unwrap();
    for target in [
        year.join("report.toml"),
        year.join("宣传部.csv"),
        link.clone(),
    ] {
        let before = std::fs::read(&target).unwrap();
        data.disclose()
            .args(["compile", "2019-2020", "-q", "-o"])
            .arg(&target)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("a file the report is made from"));
        assert_eq!(std::fs::read(&target).unwrap(), before);
    }
}

#[test]
fn new_files_follow_the_umask_and_a_replaced_file_keeps_its_mode() {
    let dir = tempfile::tempdir().unwrap();
    for (umask, expected) in [("022", 0o644), ("077", 0o600), ("002", 0o664)] {
        let report = dir.path().join(format!("new-{umask}.md"));
        sh(&format!(
            "umask {umask}; exec \"$0\" compile 2019-2020 -q -o \"$1\""
        ))
        .arg(&report)
        .assert()
        .success();
        assert_eq!(mode(&report), expected, "umask {umask}");
    }
    let report = dir.path().join("kept.md");
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
    sh("umask 077; exec \"$0\" compile 2019-2020 -q -o \"$1\"")
        .arg(&report)
        .assert()
        .success();
    assert_eq!(mode(&report), 0o640);
}

#[test]
fn init_writes_files_by_the_umask() {
    let data = Data::sample();
    sh("umask 022; exec \"$0\" --data \"$1\" init 2020-2021")
        .arg(data.path())
        .assert()
        .success();
    let folder = data.path().join("2020-2021");
    let mut seen = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(mode(&path), 0o644, "{}", path.display());
        seen += 1;
    }
    assert!(seen > 3);
}

#[test]
fn stale_temporary_files_are_removed_on_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let stale = dir.path().join(".disclose-4999999-Zq8xYk.tmp");
    std::fs::write(&stale, "half a report").unwrap();
    disclose()
        .args(["compile", "2019-2020", "-q", "-o"])
        .arg(dir.path().join("年报.md"))
        .assert()
        .success();
    assert!(!stale.exists());
}

#[test]
fn writing_into_a_folder_that_is_not_there_names_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("没有的文件夹").join("年报.md");
    let output = disclose()
        .args(["--lang", "en", "compile", "2019-2020", "-q", "-o"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("the folder") && stderr.contains("没有的文件夹` does not exist"),
        "{stderr}"
    );
    assert!(!stderr.contains(".disclose-"), "{stderr}");
    assert!(!target.exists());
}
