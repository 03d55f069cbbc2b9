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
    check::run(&loaded.submissions, &mut loaded.diagnostics);
    Ok(loaded)
}
