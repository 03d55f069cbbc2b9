//! End-to-end tests of the `disclose` binary: one test binary, one module per command or theme.
//!
//! - `seed`: the shipped sample year reproduces the published 2019-2020 report, sentence by
//!   sentence, in every format.
//! - `compile`: what compile writes, and that it follows the submissions (edits, events,
//!   determinism).
//! - `errors`: what happens on bad input: messages, exit codes, no panics, no output files.
//! - `docx`: the Word document, read back from its XML: every sentence, the layout, and
//!   LibreOffice's conversion to PDF where LibreOffice is installed.
//! - `compare`: two years side by side; exactly the figures edited show as changed.
//! - `validate`, `rules`: the other commands.
//!
//! Helpers are in `util`. See tests/README.md.

mod broken;
mod checklist;
mod compare;
mod compile;
mod docx;
mod errors;
mod example;
mod fuzz;
mod init;
mod rules;
mod seed;
mod util;
mod validate;
mod workflow;
