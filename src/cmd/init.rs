//! `disclose init YEAR [--from PREV] [--xlsx]`: a new year's folder from last year's.

use std::io::Write as _;
use std::process::ExitCode;

use disclose::office::init;
use disclose::{AcademicYear, Lang};

use crate::cmd::cli::Global;

/// Arguments of `disclose init`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The academic year to create, e.g. 2020-2021.
    pub(crate) year: AcademicYear,

    /// The year to start from (default: the year before).
    #[arg(long, value_name = "YEAR")]
    pub(crate) from: Option<AcademicYear>,

    /// Write one Excel workbook (.xlsx) per department, carrying everything it sends (counts,
    /// texts, requests, complaints, checklist entries), instead of CSV/TOML.
    #[arg(long)]
    pub(crate) xlsx: bool,
}

/// Creates the year folder; lists what was written and what was already there.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let Some(from) = args.from.or_else(|| args.year.previous()) else {
        anyhow::bail!(super::pick(
            global.lang,
            format!(
                "there is no year before {}; name one with --from",
                args.year
            ),
            format!("{} 没有上一学年；请用 --from 指定从哪个学年开始", args.year),
        ));
    };
    let outcome = init::run(&init::Options {
        data: global.data.clone(),
        year: args.year,
        from,
        xlsx: args.xlsx,
    })?;
    let mut text = String::new();
    for path in &outcome.written {
        let line = match global.lang {
            Lang::Zh => format!("已创建 {}\n", path.display()),
            Lang::En => format!("created {}\n", path.display()),
        };
        text.push_str(&line);
    }
    for path in &outcome.kept {
        let line = match global.lang {
            Lang::Zh => format!("已存在，未改动 {}\n", path.display()),
            Lang::En => format!("exists, left as it was: {}\n", path.display()),
        };
        text.push_str(&line);
    }
    let next = match global.lang {
        Lang::Zh => format!(
            "下一步：审阅 report.toml 中标有【待审阅】的文字，把模板发给各部门，收回后运行 disclose validate {}\n",
            args.year
        ),
        Lang::En => format!(
            "next: review the paragraphs marked 【待审阅】 in report.toml, send the templates to the departments, then run `disclose validate {}`\n",
            args.year
        ),
    };
    super::print::stdout(text.as_bytes())?;
    if !global.quiet {
        let _ = std::io::stderr().write_all(next.as_bytes());
    }
    Ok(super::OK)
}
