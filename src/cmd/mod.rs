//! One file per subcommand: its arguments (clap) and the code that runs it.
//!
//! Each `run` returns the process's exit code for findings (0 or 1) or an error that stops the
//! run (exit code 3). Printing helpers shared by the commands are in [`print`]; the values an
//! option takes, as help lists them, in [`values`]; the Chinese help in [`help_zh`].
//!
//! Everything a command prints for people is written beside the code that prints it, in both
//! languages side by side (a `match` on the language, or [`pick`]).

pub(crate) mod checklist;
pub(crate) mod cli;
pub(crate) mod compare;
pub(crate) mod compile;
pub(crate) mod completions;
pub(crate) mod help_zh;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod outline;
pub(crate) mod print;
pub(crate) mod rules;
pub(crate) mod status;
pub(crate) mod validate;
pub(crate) mod values;

use std::process::ExitCode;

use disclose::Lang;

/// The submissions were fine (warnings allowed).
pub(crate) const OK: ExitCode = ExitCode::SUCCESS;

/// The submissions have errors (or warnings, with --strict).
pub(crate) fn findings() -> ExitCode {
    ExitCode::from(1)
}

/// The command line is wrong.
pub(crate) const USAGE: u8 = 2;

/// disclose could not run.
pub(crate) const FAILED: u8 = 3;

/// Of a message's two wordings, English and Chinese, the one in `lang`.
pub(crate) fn pick<T>(lang: Lang, en: T, zh: T) -> T {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}
