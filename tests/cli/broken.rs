//! The corpus of broken submissions: `tests/fixtures/broken/<case>/`.
//!
//! Every case starts from the base year (`tests/fixtures/base/2019-2020`, which has no findings),
//! lays its own files over it (same name: replaced; new name: added), deletes the files its
//! `remove` file lists, runs `disclose validate 2019-2020 --format short`, and compares the exit
//! code and the whole of stderr with its `expect` file: the exact rule ids, files, lines,
//! columns and messages a user sees. `SNAPSHOTS=overwrite cargo test broken` rewrites the
//! `expect` files; review the diff before committing.

use std::path::{Path, PathBuf};

use crate::util::{disclose, root};

fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/broken"))
        .expect("the corpus folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

/// Builds the case's data folder in `into`: the base year with the case's files laid over it.
fn build(case: &Path, into: &Path) {
    let year = into.join("data/2019-2020");
    std::fs::create_dir_all(&year).expect("year folder");
    for source in [
        root().join("tests/fixtures/base/2019-2020"),
        case.to_path_buf(),
    ] {
        for entry in std::fs::read_dir(&source).expect("read folder") {
            let path = entry.expect("entry").path();
            let name = path.file_name().expect("name");
            if name == "expect" || name == "remove" || name == "README.md" {
                continue;
            }
            std::fs::copy(&path, year.join(name)).expect("copy");
        }
    }
    if let Ok(remove) = std::fs::read_to_string(case.join("remove")) {
        for name in remove.lines().map(str::trim).filter(|l| !l.is_empty()) {
            std::fs::remove_file(year.join(name)).expect("a file the case removes");
        }
    }
}

/// Runs a case: `exit N` and the whole of stderr.
fn run(case: &Path) -> String {
    let dir = tempfile::tempdir().expect("temporary directory");
    build(case, dir.path());
    let output = disclose()
        .current_dir(dir.path())
        .args([
            "--data",
            "data",
            "validate",
            "2019-2020",
            "--format",
            "short",
        ])
        .output()
        .expect("runs");
    let code = output
        .status
        .code()
        .map_or("signal".to_owned(), |c| c.to_string());
    format!("exit {code}\n{}", String::from_utf8_lossy(&output.stderr))
}

#[test]
fn the_base_year_has_no_findings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("empty-case")).unwrap();
    build(&dir.path().join("empty-case"), dir.path());
    disclose()
        .current_dir(dir.path())
        .args(["--data", "data", "validate", "2019-2020", "--strict"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn every_broken_case_gives_exactly_its_diagnostics() {
    let overwrite = std::env::var("SNAPSHOTS").is_ok_and(|v| v == "overwrite");
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let actual = run(case);
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            !actual.starts_with("exit 101"),
            "{name} panicked:\n{actual}"
        );
        let expect_path = case.join("expect");
        if overwrite {
            std::fs::write(&expect_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expect_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!("── {name}\nexpected:\n{expected}actual:\n{actual}"));
        }
        let lines = expected.lines().count();
        assert!(lines >= 2, "{name}: a case expects at least one finding");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(cases.len() >= 40, "the corpus has {} cases", cases.len());
}
