//! `disclose rules [ID]`: the rule registry, printed.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::bail;
use disclose::Lang;
use disclose::findings::rules;

use crate::cmd::cli::Global;

/// Arguments of `disclose rules`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A rule id such as D301, to explain that rule.
    pub(crate) id: Option<String>,
}

/// Lists every rule, or explains one.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    match &args.id {
        None => {
            for rule in rules::ALL {
                let summary = match global.lang {
                    Lang::Zh => rule.summary_zh,
                    Lang::En => rule.summary,
                };
                let _ = writeln!(text, "{}  {:<7}  {summary}", rule.id, rule.level.as_str());
            }
        }
        Some(id) => {
            let id = id.trim().to_uppercase();
            let Some(rule) = rules::ALL.iter().find(|r| r.id == id) else {
                bail!(super::pick(
                    global.lang,
                    format!("there is no rule `{id}`; `disclose rules` lists them all"),
                    format!("没有编号为 `{id}` 的规则；`disclose rules` 列出全部规则"),
                ));
            };
            let (id, level) = (rule.id, rule.level.as_str());
            let _ = match global.lang {
                Lang::En => write!(
                    text,
                    "{id}: {}\n{id}: {}\ndefault level: {level}\n\n{}\n\n\
                     A year can change the level in report.toml:\n\n\
                     [rules]\n{id} = \"warning\"   # or \"allow\", \"error\"\n",
                    rule.summary, rule.summary_zh, rule.explanation
                ),
                Lang::Zh => write!(
                    text,
                    "{id}：{}\n默认级别：{level}\n\n{}\n\n\
                     各学年可以在 report.toml 中改变这条规则的级别：\n\n\
                     [rules]\n{id} = \"warning\"   # 或 \"allow\"、\"error\"\n",
                    rule.summary_zh, rule.explanation_zh
                ),
            };
        }
    }
    super::print::stdout(text.as_bytes())?;
    Ok(super::OK)
}
