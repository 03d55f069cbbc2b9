//! `disclose` compiles a university's per-department submissions into its annual
//! information-disclosure report (信息公开工作年度报告).
//!
//! The pipeline has four stages, each a folder, each importing only the layers above it in this
//! list (a unit test, `tests::imports_flow_one_way`, keeps it so):
//!
//! - [`model`]: the year as typed data, every value with its [`Location`]; below every stage.
//! - [`findings`]: diagnostics, the rule registry, their wording in two languages, printing.
//! 1. [`read`]: a year folder of TOML/CSV/Excel files → [`Submissions`] plus diagnostics for
//!    malformed input.
//! 2. [`check`]: submissions → more diagnostics (totals and parts, duplicates, dates,
//!    narrative), each with a rule id.
//! 3. [`compose`]: submissions → [`Report`], a format-free document following an outline; and
//!    two years side by side ([`compose::compare`]).
//! 4. [`render`]: report → Markdown, plain text, terminal tables, JSON, HTML or Word (.docx).
//! - [`office`]: services built on the stages (`init`, `status`).
//!
//! [`load`] runs stages 1 and 2; `compile` refuses to compose while any finding is an error.
//! Findings ([`Diagnostic`]) are collected and never thrown; an [`Error`] means `disclose`
//! could not run at all (a missing folder, an unreadable file).

pub mod model;

pub mod findings;

pub mod read;

pub mod check;

pub mod compose;

pub mod render;

pub mod office;

use std::path::Path;

pub use compose::report::Report;
pub use findings::diagnostic::{Diagnostic, Diagnostics, Lang, Severity};
pub use findings::error::Error;
pub use model::location::Location;
pub use model::submission::Submissions;
pub use model::year::AcademicYear;
pub use read::Loaded;

/// The layers of the library, lowest first: a module may import only its own layer and those
/// before it. The binary (`src/cmd/`) sits after all of them.
pub const LAYERS: &[&str] = &[
    "model", "findings", "read", "check", "compose", "render", "office",
];

/// Reads a year folder and runs every check: stages 1 and 2 of the pipeline.
pub fn load(data: &Path, year: AcademicYear) -> Result<Loaded, Error> {
    let mut loaded = read::year(data, year)?;
    loaded.submissions.previous = read::previous(data, year);
    check::run(&loaded.submissions, &mut loaded.diagnostics);
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::LAYERS;

    /// The `crate::` paths in a file's code, with their line numbers: comments and everything
    /// from the first `#[cfg(test)]` on (the tests at the bottom of a file) are left out.
    fn crate_paths(text: &str) -> Vec<(usize, String)> {
        let mut found = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("#[cfg(test)]") {
                break;
            }
            if code.starts_with("//") {
                continue;
            }
            let code = code.split(" //").next().unwrap_or(code);
            let mut rest = code;
            while let Some(at) = rest.find("crate::") {
                let before = rest[..at].chars().last();
                rest = &rest[at + "crate::".len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
                    group
                        .split('}')
                        .next()
                        .unwrap_or("")
                        .split(',')
                        .map(|s| s.trim().split("::").next().unwrap_or(""))
                        .collect()
                } else {
                    vec![
                        rest.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                            .next()
                            .unwrap_or(""),
                    ]
                };
                for name in names.into_iter().filter(|n| !n.is_empty()) {
                    found.push((n + 1, name.to_owned()));
                }
            }
        }
        found
    }

    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("src/ is readable")
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Every `crate::` path in the library names a layer (no shortcut through a re-export at the
    /// crate root) at or before the importing file's own, in the order of [`LAYERS`].
    #[test]
    fn imports_flow_one_way() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut wrong = Vec::new();
        for file in &files {
            let relative = file.strip_prefix(&src).expect("under src/");
            let top = relative
                .components()
                .next()
                .and_then(|c| c.as_os_str().to_str())
                .unwrap_or("")
                .trim_end_matches(".rs");
            // The binary's own `crate::` is the binary; the crate root re-exports by design. A
            // module's tests in a file of their own (`tests.rs`, declared under `#[cfg(test)]`)
            // are test code, as a `mod tests` block is.
            if matches!(top, "main" | "cmd" | "lib") || file.ends_with("tests.rs") {
                continue;
            }
            let own = LAYERS
                .iter()
                .position(|l| *l == top)
                .unwrap_or_else(|| panic!("{} is in no layer of LAYERS", relative.display()));
            let text = std::fs::read_to_string(file).expect("a readable source file");
            for (line, name) in crate_paths(&text) {
                match LAYERS.iter().position(|l| *l == name) {
                    Some(theirs) if theirs <= own => {}
                    Some(_) => wrong.push(format!(
                        "src/{}:{line}: `{top}` imports `crate::{name}`, a later layer",
                        relative.display()
                    )),
                    None => wrong.push(format!(
                        "src/{}:{line}: `crate::{name}` is not a layer; write the full path",
                        relative.display()
                    )),
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "imports against the layer order {LAYERS:?}:\n{}",
            wrong.join("\n")
        );
    }

    #[test]
    fn the_import_scan_sees_grouped_and_plain_paths_but_not_comments_or_tests() {
        let text = "use crate::model::x;\nuse crate::{read, check::y};\n// crate::render\nlet a = crate::compose::f();\n#[cfg(test)]\nuse crate::office;\n";
        let names: Vec<String> = crate_paths(text).into_iter().map(|(_, n)| n).collect();
        assert_eq!(names, ["model", "read", "check", "compose"]);
    }
}
