//! The command line: clap's view of the arguments, and nothing else.
//!
//! Only the binary (`cmd/`) knows clap, not the library. Each subcommand's own arguments live
//! beside the code that runs it, in `cmd/<name>.rs`; what is shared by all of them (the data
//! folder, the message language, colour) is here, turned into a plain [`Global`] before any
//! command runs.
//!
//! The `///` comments on arguments are the English `--help` text, written for office staff;
//! they name environment variables without Markdown backticks, which `--help` would print
//! literally. The values an option takes are not written there: clap lists them from their
//! registries ([`crate::cmd::values`]). The Chinese help is `cmd/help_zh.rs`.
#![allow(clippy::doc_markdown)]

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use disclose::Lang;

use crate::cmd;
use crate::cmd::values::values;

/// Exit codes, shown at the end of `--help`.
pub(crate) const EXIT_CODES: &str = "\
Exit codes:
  0  success (warnings allowed, unless --strict)
  1  the submissions have errors (or warnings, with --strict); nothing was written
  2  the command line is wrong (unknown option, missing argument, docx to a terminal)
  3  disclose could not run: a folder or file could not be read, or the output not written;
     or the --template has an error (its line is named)";

/// Compile a university's annual information-disclosure report (信息公开工作年度报告) from the
/// departments' submissions.
#[derive(Debug, Parser)]
#[command(name = "disclose", version, after_help = EXIT_CODES, propagate_version = true)]
pub(crate) struct Cli {
    /// The folder that holds one folder per year (data/2019-2020/…, or data/2024/… for a
    /// calendar year).
    #[arg(
        long,
        global = true,
        env = "DISCLOSE_DATA",
        default_value = "data",
        value_name = "DIR"
    )]
    pub(crate) data: PathBuf,

    /// Language of messages for people. Default: zh when LC_ALL, LC_MESSAGES or LANG starts with
    /// "zh", otherwise en. Rule ids and JSON keys are the same in both.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub(crate) lang: Option<LangArg>,

    /// When to colour diagnostics.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub(crate) color: ColorArg,

    /// Print less on stderr: no warnings, no progress line and no notes (what was written,
    /// what to do next); errors always show (JSON output keeps every finding).
    #[arg(long, short = 'q', global = true)]
    pub(crate) quiet: bool,

    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Compile a year's submissions into the annual report.
    ///
    /// Runs every check first and writes nothing while errors remain. The report goes to stdout,
    /// or, with -o, to a file that is replaced only once it is completely written.
    #[command(after_help = EXIT_CODES)]
    Compile(cmd::compile::Args),
    /// Compare two years: every figure side by side with its change and percentage.
    ///
    /// Figures are matched by channel and item; one present in one year only is marked as such.
    /// Requests, complaints, the State Council forms (cell by cell) and checklist coverage
    /// follow. Both years are checked first; if either has errors, nothing is compared.
    #[command(after_help = EXIT_CODES)]
    Compare(cmd::compare::Args),
    /// Check a year's submissions and print every finding, with file, line and column.
    ///
    /// Findings go to stderr, or with --format json to stdout. Without a year, every year folder
    /// in the data folder is checked.
    #[command(after_help = EXIT_CODES)]
    Validate(cmd::validate::Args),
    /// List the rules validate checks, or explain one.
    Rules(cmd::rules::Args),
    /// Print the disclosure checklist; with a year, how each item is accounted for.
    Checklist(cmd::checklist::Args),
    /// List the preset outlines, or print one as the [outline] table to copy into report.toml.
    Outline(cmd::outline::Args),
    /// Create a new year's folder from last year's: report.toml carried over for review, and a
    /// template per department with last year's rows and the numbers left blank.
    ///
    /// Never overwrites a file: running it again changes nothing.
    #[command(after_help = EXIT_CODES)]
    Init(cmd::init::Args),
    /// Start a year from a report already published: a Word file, a web page or text becomes a
    /// year folder that compiles to the same text, every figure a count to check.
    ///
    /// Never writes into an existing year folder; writes nothing when the file cannot be read.
    #[command(after_help = EXIT_CODES)]
    Import(cmd::import::Args),
    /// Show where a year stands: one row per department (received, rows, errors, warnings,
    /// checklist items covered), with totals.
    ///
    /// A department whose files are still the blank templates of `disclose init` has not
    /// submitted. Exits 1 while a listed department has submitted nothing or an error remains,
    /// so a script can send reminders.
    #[command(after_help = EXIT_CODES)]
    Status(cmd::status::Args),
    /// Print a shell completion script: `disclose completions bash > /etc/bash_completion.d/disclose`.
    Completions(cmd::completions::Args),
    /// Print the manual page (roff): `disclose man > disclose.1`, `disclose man compile >
    /// disclose-compile.1`, or every page into a folder: `disclose man --dir man1`.
    Man(cmd::completions::ManArgs),
}

values! {
    /// Message languages.
    pub(crate) enum LangArg {
        En = "en", "English", "英文";
        Zh = "zh", "Simplified Chinese (简体中文)", "简体中文";
    }
}

values! {
    /// Colour choices.
    pub(crate) enum ColorArg {
        Auto = "auto",
            "Colour when stderr is a terminal and NO_COLOR is not set",
            "标准错误是终端且未设置 NO_COLOR 时加颜色";
        Always = "always", "Always colour", "总是加颜色";
        Never = "never", "Never colour", "从不加颜色";
    }
}

/// What every command needs, with clap gone.
#[derive(Debug)]
pub(crate) struct Global {
    /// The data folder.
    pub(crate) data: PathBuf,
    /// Message language.
    pub(crate) lang: Lang,
    /// The language `--lang` asked for, if it was given: what a document (a draft's findings)
    /// is written in, so that it does not change with the locale.
    pub(crate) lang_given: Option<Lang>,
    /// Whether to colour diagnostics on stderr.
    pub(crate) color: bool,
    /// Whether to print less on stderr (`-q`).
    pub(crate) quiet: bool,
}

impl Cli {
    /// Splits the parsed command line into shared settings and the command.
    pub(crate) fn into_parts(self) -> (Global, Command) {
        let lang_given = match self.lang {
            Some(LangArg::Zh) => Some(Lang::Zh),
            Some(LangArg::En) => Some(Lang::En),
            None => None,
        };
        let lang = lang_given.unwrap_or_else(lang_from_env);
        let color = match self.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
            }
        };
        (
            Global {
                data: self.data,
                lang,
                lang_given,
                color,
                quiet: self.quiet,
            },
            self.command,
        )
    }
}

/// The language asked for before the command line is parsed (to translate `--help`):
/// `--lang zh` / `--lang=zh` on the command line, else the locale.
pub(crate) fn requested_lang(args: &[std::ffi::OsString]) -> Lang {
    let mut words = args.iter().filter_map(|a| a.to_str());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang=") {
            Some(value) => Some(value),
            None if word == "--lang" => words.next(),
            None => None,
        };
        match value {
            Some("zh") => return Lang::Zh,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    lang_from_env()
}

/// The message language from the POSIX locale variables, in their order of precedence.
fn lang_from_env() -> Lang {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(value) = std::env::var(var)
            && !value.is_empty()
        {
            return if value.starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            };
        }
    }
    Lang::En
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
