//! End-to-end tests of the `disclose` binary: one test binary, one module per command or theme.
//!
//! - `seed`: the shipped sample year reproduces the published 2019-2020 report, sentence by
//!   sentence, in every format.
//! - `compile`: what compile writes, and that it follows the submissions (edits, events,
//!   determinism).
//! - `errors`: what happens on bad input: messages, exit codes, no panics, no output files.
//! - `docs`: docs/commands.md, run command by command: the page shows what each prints.
//! - `docx`: the Word document, read back from its XML: every sentence, the layout, and
//!   LibreOffice's conversion to PDF where LibreOffice is installed.
//! - `compare`: two years side by side; exactly the figures edited show as changed.
//! - `formats`: one submission as CSV, CSV in GB18030, CSV with CRLF or Excel: the same report,
//!   and a wrong value reported at its line or cell.
//! - `html`: the HTML page has every sentence of the published report, and escapes markup.
//! - `template`: `compile --template`: the example templates, escaping, errors naming a line.
//! - `help`: `--help` in both languages lists what the registries hold, and fits 80 columns.
//! - `validate`, `rules`: the other commands.
//!
//! Helpers are in `util`. See tests/README.md.

mod broken;
mod checklist;
mod compare;
mod compile;
mod docs;
mod docx;
mod errors;
mod example;
mod exports;
mod formats;
mod fuzz;
mod help;
mod html;
mod init;
mod rules;
mod seed;
mod template;
mod util;
mod validate;
mod workflow;
