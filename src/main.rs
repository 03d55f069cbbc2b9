//! The `disclose` binary: parse the command line, run one command, turn the result into an exit
//! code (0 ok, 1 findings, 2 usage, 3 could not run — see `disclose --help`).

mod cli;
mod cmd;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
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
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e:#}");
        ExitCode::from(cmd::FAILED)
    })
}
