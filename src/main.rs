//! The `disclose` binary: parse the command line, run one command, turn the result into an exit
//! code (0 ok, 1 findings, 2 usage, 3 could not run — see `disclose --help`).

mod cmd;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use disclose::Lang;

use crate::cmd::cli::{Cli, Command};

fn main() -> ExitCode {
    ignore_file_size_signal();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cmd::cli::requested_lang(&args);
    let mut command = Cli::command();
    if lang == Lang::Zh {
        command = cmd::help_zh::translate(command);
    }
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // Help is in the language asked for; clap's own messages about a wrong command line
            // (an unknown option, a missing argument) stay in English: clap has no translations.
            let _ = match lang {
                Lang::Zh => cmd::help_zh::print(&e),
                Lang::En => e.print(),
            };
            return if e.use_stderr() {
                ExitCode::from(cmd::USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let (global, command) = cli.into_parts();
    let result = match &command {
        Command::Compile(args) => cmd::compile::run(&global, args),
        Command::Compare(args) => cmd::compare::run(&global, args),
        Command::Validate(args) => cmd::validate::run(&global, args),
        Command::Rules(args) => cmd::rules::run(&global, args),
        Command::Checklist(args) => cmd::checklist::run(&global, args),
        Command::Outline(args) => cmd::outline::run(&global, args),
        Command::Init(args) => cmd::init::run(&global, args),
        Command::Import(args) => cmd::import::run(&global, args),
        Command::Status(args) => cmd::status::run(&global, args),
        Command::Completions(args) => cmd::completions::completions(&global, args),
        Command::Man(args) => cmd::completions::man(&global, args),
    };
    result.unwrap_or_else(|e| {
        eprintln!("{}", cmd::print::fatal(&e, global.lang));
        ExitCode::from(cmd::FAILED)
    })
}

/// A file-size limit (`ulimit -f`) reached while writing kills a process by default (SIGXFSZ);
/// ignored, the write fails with an error instead, so the run ends with exit code 3 and a
/// message, and the atomic write leaves the old report in place.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_IGN, before any thread is started, installs
    // no handler and touches no memory of ours.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}
