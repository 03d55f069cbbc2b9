//! `disclose completions SHELL` and `disclose man`: shell completions and the manual pages,
//! generated from the same command-line definition as `--help`.
//!
//! The completions offer every option's values (`-f markdown|text|…`, from their registries)
//! and, for a year, the year folders found in the data folder when the script is made
//! (`--data` or `DISCLOSE_DATA`): make it again after `disclose init` adds a year. The manual
//! is one page for `disclose` and one for each command (`disclose-compile.1`, …), in Chinese
//! under `--lang zh`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;
use disclose::{AcademicYear, Lang};

use crate::cmd::cli::{Cli, Global};

/// Arguments of `disclose completions`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The shell to complete commands for.
    pub(crate) shell: Shell,
}

/// Arguments of `disclose man`.
#[derive(Debug, clap::Args)]
pub(crate) struct ManArgs {
    /// The command whose page to print (compile, validate, …); without it, the page of
    /// disclose itself.
    pub(crate) command: Option<String>,

    /// Write every page into DIR instead: disclose.1 and one per command (disclose-compile.1, …).
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub(crate) dir: Option<PathBuf>,
}

/// The arguments that take a year folder's name, by command.
const YEAR_ARGUMENTS: &[(&str, &str)] = &[
    ("compile", "year"),
    ("validate", "year"),
    ("checklist", "year"),
    ("status", "year"),
    ("compare", "year_a"),
    ("compare", "year_b"),
    ("init", "from"),
];

/// Prints the completion script for a shell.
pub(crate) fn completions(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    // clap takes a value's name as `&'static str`; the process ends when the script is out.
    let years: Vec<&'static str> = years(&global.data)
        .into_iter()
        .map(|y| &*Box::leak(y.into_boxed_str()))
        .collect();
    if !years.is_empty() {
        for (name, id) in YEAR_ARGUMENTS {
            let years = years.clone();
            command = command.mut_subcommand(*name, |sub| {
                sub.mut_arg(*id, |arg| {
                    arg.value_parser(PossibleValuesParser::new(years))
                })
            });
        }
    }
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "disclose", &mut out);
    super::print::stdout(&out)?;
    Ok(super::OK)
}

/// The year folders of the data folder, in order; none when it cannot be read.
fn years(data: &Path) -> Vec<String> {
    let mut years: Vec<String> = std::fs::read_dir(data)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|name| name.parse::<AcademicYear>().is_ok())
        .collect();
    years.sort();
    years
}

/// Prints a manual page (roff), or writes every page into a folder.
pub(crate) fn man(global: &Global, args: &ManArgs) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    if global.lang == Lang::Zh {
        command = super::help_zh::translate(command);
    }
    command.build();
    // Every command but `help`, which `--help` is on each page.
    let pages: Vec<clap::Command> = std::iter::once(command.clone())
        .chain(
            command
                .get_subcommands()
                .filter(|s| s.get_name() != "help")
                .cloned(),
        )
        .collect();
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir)?;
        for page in &pages {
            let man = clap_mangen::Man::new(page.clone());
            // Each page whole or not at all, with the mode the umask gives, as every output.
            disclose::render::output::write_atomically(
                &dir.join(man.get_filename()),
                &render(&man, global.lang)?,
            )?;
        }
        if !global.quiet {
            let line = super::pick(
                global.lang,
                format!("wrote {} manual pages to {}", pages.len(), dir.display()),
                format!("已写入 {} 个手册页到 {}", pages.len(), dir.display()),
            );
            eprintln!("{line}");
        }
        return Ok(super::OK);
    }
    let page = match &args.command {
        None => command,
        Some(name) => match pages.iter().skip(1).find(|p| p.get_name() == name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = pages.iter().skip(1).map(clap::Command::get_name).collect();
                let line = super::pick(
                    global.lang,
                    format!(
                        "error: no command `{name}`; the commands are {}",
                        names.join(", ")
                    ),
                    format!("错误：没有 `{name}` 命令；命令有 {}", names.join("、")),
                );
                eprintln!("{line}");
                return Ok(ExitCode::from(super::USAGE));
            }
        },
    };
    super::print::stdout(&render(&clap_mangen::Man::new(page), global.lang)?)?;
    Ok(super::OK)
}

/// A page in roff; in Chinese, without the spaces that only let `--help` break its lines.
fn render(man: &clap_mangen::Man, lang: Lang) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    man.render(&mut out)?;
    Ok(match lang {
        Lang::Zh => super::help_zh::unbreak(&String::from_utf8_lossy(&out)).into_bytes(),
        Lang::En => out,
    })
}
