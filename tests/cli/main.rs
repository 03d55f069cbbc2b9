//! End-to-end tests of the `disclose` binary: one test binary, one module per command or theme.
//!
//! The list below is every module, each with what it tests: a new test goes in the module whose
//! line fits it (a new command gets a module of its own). tests/README.md describes the helpers
//! and the fixtures.

// `compile --format html` in headless Chromium: every shipped year at 1280 and 390 px, and printed.
mod browser;
// The corpus of broken submissions (tests/fixtures/broken/): each case's exact findings.
mod broken;
// `checklist`, with and without a year; a year that names its province's checklist.
mod checklist;
// `compare`: two years side by side; exactly the figures and form cells edited show, in every format.
mod compare;
// `compile`: the report follows the submissions, deterministically; `-o`, `-q`, json, table.
mod compile;
// docs/commands.md, run command by command: the page shows what each command prints.
mod docs;
// `compile --format docx`: every sentence, the layout, LibreOffice's PDF where installed.
mod docx;
// Bad input and bad command lines: messages, exit codes, no panic, no output file.
mod errors;
// The example universities of examples/: clean, partly counted from events, their outlines.
mod example;
// Platform exports: a generated export counts exactly right, in every encoding and as Excel.
mod exports;
// One submission as Excel, GB18030 or CRLF CSV: the same report; a wrong value at its place.
mod formats;
// Random bytes and mutated sample files through the whole pipeline: no panic.
mod fuzz;
// `--help` in both languages lists what the registries hold, and fits 80 columns.
mod help;
// `import`: a published report becomes a year that compiles back to it; what is no report.
mod import;
// `compile --format html`: every sentence on the page, markup in submitted text escaped.
mod html;
// `init`: a new year from the last, harmless when run again; and `compile --draft` of it.
mod init;
// The published reports of tests/fixtures/published/: their headings, in order, and figures, exactly.
mod published;
// `rules`: every rule, and one explained.
mod rules;
// `compile -o`: atomic onto files, direct to devices and FIFOs, never over inputs, modes by umask.
#[cfg(unix)]
mod output;
// The published 2019-2020 report, sentence by sentence; the comparison every format uses.
mod seed;
// A year's own shape: typography, reworded checklist items, forms across years, a first year.
mod shapes;
// `status`: who has submitted, who sent back a blank template; exit 1 until complete.
mod status;
// `compile --template`: the example templates, escaping by file name, errors naming a line.
mod template;
// The programs the layout tests look through (LibreOffice, Chromium, poppler): found, or skipped.
mod tools;
// Helpers: the binary in a neutral environment, temporary copies of year folders to edit.
mod util;
// `validate`: findings for people, for editors (short) and for scripts (JSON), in two languages.
mod validate;
// `init --xlsx`: one workbook per department, filled in, reads as its TOML twin.
mod workbooks;
// examples/office-workflow.sh, end to end: collect, check, draft, compile.
mod workflow;
