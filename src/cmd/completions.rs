//! `disclose completions SHELL` and `disclose man`: shell completions and the manual page,
//! generated from the same command-line definition as `--help`.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cmd::cli::Cli;

/// Arguments of `disclose completions`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell to complete commands for.
    pub(crate) shell: Shell,
}

/// Prints the completion script for a shell.
pub(crate) fn completions(args: &Args) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "disclose", &mut out);
    super::print::stdout(&out)?;
    Ok(super::OK)
}

/// Prints the manual page (roff), e.g. `disclose man > /usr/local/share/man/man1/disclose.1`.
pub(crate) fn man() -> anyhow::Result<ExitCode> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    super::print::stdout(&out)?;
    Ok(super::OK)
}
