//! `disclose` compiles a university's per-department submissions into its annual
//! information-disclosure report (信息公开工作年度报告).
//!
//! The pipeline has four stages, each a module:
//!
//! 1. [`read`]: a year folder of TOML/CSV files → [`Submissions`], plus diagnostics for
//!    malformed input, each with a [`Location`].
//! 2. [`check`]: submissions → more [`Diagnostic`]s (totals and parts, duplicates, dates,
//!    narrative), each with a rule id from [`rules`].
//! 3. [`compose`]: submissions → [`Report`], a format-free document that follows an
//!    [`outline`].
//! 4. [`render`]: report → Markdown, plain text, terminal tables, JSON or Word (.docx).
//!
//! [`load`] runs stages 1 and 2; `compile` refuses to compose while any finding is an error.
//! [`compare`] sets two years' numbers ([`report::Data`]) side by side for `disclose compare`.
//! Findings ([`Diagnostic`]) are collected and never thrown; an [`Error`] means `disclose`
//! could not run at all (a missing folder, an unreadable file).

pub mod check;
pub mod checklist;
pub mod compare;
pub mod compose;
pub mod coverage;
pub mod decode;
pub mod diagnostic;
pub mod emit;
pub mod error;
pub mod facts;
pub mod figure_ref;
pub mod forms;
pub mod init;
pub mod location;
pub mod outline;
pub mod output;
pub mod paragraph;
pub mod problem;
pub mod read;
pub mod render;
pub mod report;
pub mod rules;
pub mod sources;
pub mod status;
pub mod submission;
pub mod year;

#[cfg(test)]
mod testing;

use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics, Lang, Severity};
pub use error::Error;
pub use location::Location;
pub use read::Loaded;
pub use report::Report;
pub use submission::Submissions;
pub use year::AcademicYear;

/// Reads a year folder and runs every check: stages 1 and 2 of the pipeline.
pub fn load(data: &Path, year: AcademicYear) -> Result<Loaded, Error> {
    let mut loaded = read::year(data, year)?;
    check::run(&loaded.submissions, &mut loaded.diagnostics);
    Ok(loaded)
}
