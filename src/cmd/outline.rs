//! `disclose outline [ID]`: the preset outlines, listed, or one printed as the `[outline]` table
//! to copy into a year's report.toml and change what differs.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::bail;
use disclose::model::outline;
use disclose::read::outline::preset_outline;

use crate::cmd::cli::Global;

/// Arguments of `disclose outline`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A preset's id, such as ministry, to print it as TOML for report.toml.
    #[arg(value_parser = preset_ids())]
    pub(crate) id: Option<String>,
}

/// The presets' ids, from the registry, for `--help`, completions and usage errors.
fn preset_ids() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(outline::PRESETS.iter().map(|p| p.id))
}

/// Lists the presets, or prints one.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    match &args.id {
        None => {
            for preset in outline::PRESETS {
                let read = preset_outline(preset);
                let headings: Vec<&str> = read.parts.iter().map(|p| p.heading.as_str()).collect();
                let _ = writeln!(text, "{:<14} {}", preset.id, read.description);
                let _ = writeln!(text, "{:<14} {}", "", headings.join(" · "));
            }
        }
        Some(id) => {
            let Some(preset) = outline::preset(id) else {
                let known: Vec<&str> = outline::PRESETS.iter().map(|p| p.id).collect();
                bail!(super::pick(
                    global.lang,
                    format!("there is no outline `{id}`; known: {}", known.join(", ")),
                    format!("没有名为 `{id}` 的提纲；可选：{}", known.join("、")),
                ));
            };
            text.push_str(preset.text);
        }
    }
    super::print::stdout(text.as_bytes())?;
    Ok(super::OK)
}
