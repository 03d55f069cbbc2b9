//! Test helpers: a year folder written to a temporary directory, read and checked, with each
//! finding resolved to `file:line:col` as a user would see it.

use std::fmt::Write as _;

use crate::findings::diagnostic::{Diagnostics, Lang};
use crate::findings::sources::Sources;
use crate::model::location::{Position, column_letters};
use crate::model::submission::Submissions;

/// The smallest report.toml that reads without findings.
pub(crate) const REPORT: &str =
    "school = \"示例大学\"\nyear = \"2019-2020\"\nissued = 2020-10-20\n";

/// A year folder under construction.
pub(crate) struct Year {
    dir: tempfile::TempDir,
    report: String,
}

impl Year {
    /// A folder with the minimal report.toml.
    pub(crate) fn new() -> Self {
        Year {
            dir: tempfile::tempdir().expect("a temporary directory"),
            report: REPORT.to_owned(),
        }
    }

    /// Appends lines to report.toml.
    pub(crate) fn facts(mut self, toml: &str) -> Self {
        self.report.push_str(toml);
        self.report.push('\n');
        self
    }

    /// Replaces report.toml entirely.
    pub(crate) fn report(mut self, toml: &str) -> Self {
        toml.clone_into(&mut self.report);
        self
    }

    /// Adds a file to the year folder.
    pub(crate) fn file(self, name: &str, content: &str) -> Self {
        self.bytes(name, content.as_bytes())
    }

    /// Adds a file with exact bytes.
    pub(crate) fn bytes(self, name: &str, content: &[u8]) -> Self {
        let folder = self.dir.path().join("2019-2020");
        std::fs::create_dir_all(&folder).expect("year folder");
        std::fs::write(folder.join(name), content).expect("write file");
        self
    }

    /// Reads the folder; returns the model and the reading findings.
    pub(crate) fn load(&self) -> (Submissions, Diagnostics) {
        let folder = self.dir.path().join("2019-2020");
        std::fs::create_dir_all(&folder).expect("year folder");
        std::fs::write(folder.join("report.toml"), &self.report).expect("report.toml");
        let loaded = crate::read::year(self.dir.path(), "2019-2020".parse().expect("year"))
            .expect("the year reads");
        (loaded.submissions, loaded.diagnostics)
    }

    /// Reads the folder and runs one family of checks.
    pub(crate) fn check_with(&self, check: fn(&Submissions, &mut Diagnostics)) -> Found {
        let (subs, mut diags) = self.load();
        check(&subs, &mut diags);
        Found::new(diags)
    }

    /// Reads the folder only.
    pub(crate) fn read(&self) -> Found {
        Found::new(self.load().1)
    }

    /// Reads the folder and runs every check, with the year's rule levels.
    pub(crate) fn check_all(&self) -> Found {
        let (subs, mut diags) = self.load();
        crate::check::run(&subs, &mut diags);
        Found::new(diags)
    }
}

/// Findings resolved for assertions.
pub(crate) struct Found {
    list: Vec<(String, String, String)>,
}

impl Found {
    fn new(mut diags: Diagnostics) -> Self {
        diags.sort();
        let mut sources = Sources::new();
        let list = diags
            .iter()
            .map(|d| {
                let mut at = String::new();
                if let Some(loc) = &d.location {
                    let name = loc
                        .file
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    at.push_str(&name);
                    match (&loc.position, sources.resolve(loc)) {
                        (_, Some(r)) => {
                            let _ = write!(at, ":{}:{}", r.line, r.column);
                        }
                        (Position::Cell { sheet, row, column }, None) => {
                            let _ = write!(at, "[{sheet}]!{}{}", column_letters(*column), row + 1);
                        }
                        _ => {}
                    }
                }
                (d.rule().id.to_owned(), at, d.problem.message(Lang::En))
            })
            .collect();
        Found { list }
    }

    /// The location of finding `i`, as `file:line:col`.
    pub(crate) fn at(&self, i: usize) -> &str {
        &self.list[i].1
    }

    /// The message of finding `i`.
    pub(crate) fn message(&self, i: usize) -> &str {
        &self.list[i].2
    }

    /// Every finding as `id file:line:col message`, for failure output.
    pub(crate) fn dump(&self) -> String {
        self.list
            .iter()
            .fold(String::new(), |mut out, (id, at, m)| {
                let _ = writeln!(out, "{id} {at} {m}");
                out
            })
    }
}

/// The rule ids of the findings, in order.
pub(crate) fn ids(found: &Found) -> Vec<String> {
    found.list.iter().map(|(id, _, _)| id.clone()).collect()
}
