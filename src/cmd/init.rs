//! `disclose init YEAR [--from PREV] [--xlsx]`: a new year's folder from last year's.

use std::io::Write as _;
use std::process::ExitCode;

use disclose::model::outline;
use disclose::office::init;
use disclose::{AcademicYear, Lang};

use crate::cmd::cli::Global;

/// Arguments of `disclose init`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The year to create: an academic year such as 2020-2021, or a calendar year such as 2024.
    pub(crate) year: AcademicYear,

    /// The year to start from (default: the year before).
    #[arg(long, value_name = "YEAR")]
    pub(crate) from: Option<AcademicYear>,

    /// Write one Excel workbook (.xlsx) per department, carrying everything it sends (counts,
    /// texts, requests, complaints, checklist entries), instead of CSV/TOML.
    #[arg(long)]
    pub(crate) xlsx: bool,

    /// A first year (no year before it in the data folder): the university's name.
    #[arg(long, value_name = "NAME")]
    pub(crate) school: Option<String>,

    /// A first year: the preset outline to start from (see `disclose outline`).
    #[arg(long, value_name = "ID", default_value = "seven-part", value_parser = preset_ids())]
    pub(crate) outline: String,

    /// A first year: the departments that submit, separated by commas (宣传部,教务处).
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    pub(crate) departments: Vec<String>,

    /// A first year: a text file listing the departments, one per line.
    #[arg(long, value_name = "FILE")]
    pub(crate) departments_file: Option<std::path::PathBuf>,
}

/// The presets' ids, from the registry.
fn preset_ids() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(outline::PRESETS.iter().map(|p| p.id))
}

/// The starter of a first year, when `--school` is given: the departments from the command line
/// and the list file, in order, each once.
fn starter(args: &Args) -> anyhow::Result<Option<init::Starter>> {
    let Some(school) = &args.school else {
        return Ok(None);
    };
    let mut departments: Vec<String> = Vec::new();
    let listed = match &args.departments_file {
        Some(path) => std::fs::read(path)
            .map(|b| disclose::model::decode::decode(&b).text)
            .map_err(|source| disclose::Error::Read {
                path: path.clone(),
                source,
            })?,
        None => String::new(),
    };
    let names = args
        .departments
        .iter()
        .flat_map(|d| d.split(['、', '，']))
        .map(str::to_owned)
        .chain(listed.lines().map(str::to_owned));
    for name in names {
        let name = name.trim().to_owned();
        if !name.is_empty() && !name.starts_with('#') && !departments.contains(&name) {
            departments.push(name);
        }
    }
    let preset = outline::preset(&args.outline).map_or(outline::DEFAULT, |p| p.id);
    Ok(Some(init::Starter {
        school: school.trim().to_owned(),
        preset,
        departments,
    }))
}

/// Creates the year folder; lists what was written and what was already there.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let starter = starter(args)?;
    let missing = args
        .year
        .previous()
        .filter(|p| !global.data.join(p.to_string()).is_dir());
    if let (None, None, Some(previous)) = (&starter, args.from, missing) {
        anyhow::bail!(super::pick(
            global.lang,
            format!(
                "there is no {previous} folder to start {} from; for a first year, say whose report it is and who submits: disclose init {} --school 某大学 --departments 宣传部,教务处 [--outline ministry] (or --from YEAR to start from another year)",
                args.year, args.year
            ),
            format!(
                "数据文件夹中没有 {previous} 文件夹，无法据以新建 {}；新建第一个学年，请写明学校和报送部门：disclose init {} --school 某大学 --departments 宣传部,教务处 [--outline ministry]（或用 --from 指定从哪个学年开始）",
                args.year, args.year
            ),
        ));
    }
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
        starter: starter.clone(),
    })?;
    let mut text = super::print::created(&outcome.written, global.lang);
    for path in &outcome.kept {
        let line = match global.lang {
            Lang::Zh => format!("已存在，未改动 {}\n", path.display()),
            Lang::En => format!("exists, left as it was: {}\n", path.display()),
        };
        text.push_str(&line);
    }
    let next = match (&starter, global.lang) {
        (Some(_), Lang::Zh) => format!(
            "下一步：在 report.toml 中填写各部分文字（删去【待审阅】）、[[channels]] 和 [[areas]]，如需改动提纲运行 disclose outline；把各部门的模板发出，收回后运行 disclose validate {}\n",
            args.year
        ),
        (Some(_), Lang::En) => format!(
            "next: write each part's text in report.toml (and delete 【待审阅】), its [[channels]] and [[areas]] (`disclose outline` prints the outline to change); send each department its template, then run `disclose validate {}`\n",
            args.year
        ),
        (None, Lang::Zh) => format!(
            "下一步：审阅 report.toml 中标有【待审阅】的文字，把模板发给各部门，收回后运行 disclose validate {}\n",
            args.year
        ),
        (None, Lang::En) => format!(
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
