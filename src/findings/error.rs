//! Fatal errors: `disclose` could not do its job at all.
//!
//! Problems *in* the data are [`crate::Diagnostic`]s, collected and reported together. An
//! [`Error`] is different: the year folder does not exist, a file cannot be read, the output
//! cannot be written. Each variant carries the path it is about; the binary prints it with its
//! cause and exits with code 3.

use std::io;
use std::path::PathBuf;

/// Why `disclose` could not run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data folder has no folder for the requested year.
    #[error("no folder for academic year {year} at `{}`{hint}", path.display())]
    YearNotFound {
        /// The academic year asked for.
        year: String,
        /// The folder looked for.
        path: PathBuf,
        /// Which years the data folder does have, for the message.
        hint: String,
    },
    /// The year folder has no report.toml.
    #[error("`{}` not found: every year folder needs a report.toml with the report's own facts (see docs/report-toml.md)", path.display())]
    NoReportFacts {
        /// The report.toml looked for.
        path: PathBuf,
    },
    /// A folder or file exists but cannot be read.
    #[error("cannot read `{}`", path.display())]
    Read {
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The output cannot be written.
    #[error("cannot write `{}`", path.display())]
    Write {
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// A checklist file named by the year cannot be used.
    #[error("checklist `{}` is not usable: {message}", path.display())]
    Checklist {
        /// The checklist file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}
