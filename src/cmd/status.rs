//! `disclose status YEAR`: one row per department, and an exit code for scripts.

use std::process::ExitCode;

use disclose::office::status;
use disclose::render::new_table;
use disclose::{AcademicYear, Lang};
use serde::Serialize;

use crate::cmd::cli::Global;
use crate::cmd::values::values;

/// Arguments of `disclose status`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The year: an academic year such as 2020-2021, or a calendar year such as 2024.
    pub(crate) year: AcademicYear,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub(crate) format: StatusFormat,
}

values! {
    /// Output formats.
    pub(crate) enum StatusFormat {
        Table = "table", "A table, for people", "表格，供人阅读";
        Json = "json",
            "A versioned JSON document, for scripts (docs/json.md)",
            "带版本号的 JSON 文档，供脚本使用（见 docs/json.md）";
    }
}

#[derive(Serialize)]
struct JsonStatus<'a> {
    version: u32,
    #[serde(flatten)]
    status: &'a status::Status,
}

/// Prints the year's state; exits 1 while a department is missing or an error remains.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let loaded = disclose::load(&global.data, args.year)?;
    let templates =
        disclose::office::init::unchanged_templates(&global.data, &loaded.submissions.facts);
    let state = status::of(&loaded, &templates);
    let text = match args.format {
        StatusFormat::Json => {
            let mut json = serde_json::to_string_pretty(&JsonStatus {
                version: 1,
                status: &state,
            })?;
            json.push('\n');
            json
        }
        StatusFormat::Table => table(global.lang, &state),
    };
    super::print::stdout(text.as_bytes())?;
    Ok(if state.complete {
        super::OK
    } else {
        super::findings()
    })
}

fn table(lang: Lang, state: &status::Status) -> String {
    let zh = lang == Lang::Zh;
    let mut table = new_table();
    table.set_header(if zh {
        [
            "部门",
            "已提交",
            "文件",
            "行数",
            "错误",
            "警告",
            "清单事项（已说明/负责）",
        ]
    } else {
        [
            "department",
            "received",
            "files",
            "rows",
            "errors",
            "warnings",
            "checklist (covered/owned)",
        ]
    });
    let received = |d: &status::DepartmentStatus| match (d.received, d.template, zh) {
        (true, _, true) => "是",
        (true, _, false) => "yes",
        (false, true, true) => "否（空模板）",
        (false, true, false) => "no (blank template)",
        (false, false, true) => "否",
        (false, false, false) => "no",
    };
    for d in &state.departments {
        let name = if d.listed {
            d.name.clone()
        } else if zh {
            format!("{}（未列入名单）", d.name)
        } else {
            format!("{} (not listed)", d.name)
        };
        table.add_row([
            name,
            received(d).to_owned(),
            d.files.to_string(),
            d.rows.to_string(),
            d.errors.to_string(),
            d.warnings.to_string(),
            format!("{}/{}", d.checklist_covered, d.checklist_owned),
        ]);
    }
    table.add_row([
        "report.toml".to_owned(),
        String::new(),
        String::new(),
        String::new(),
        state.office_errors.to_string(),
        state.office_warnings.to_string(),
        String::new(),
    ]);
    let received = state.departments.iter().filter(|d| d.received).count();
    table.add_row([
        if zh { "合计" } else { "total" }.to_owned(),
        format!("{received}/{}", state.departments.len()),
        state
            .departments
            .iter()
            .map(|d| d.files)
            .sum::<usize>()
            .to_string(),
        state
            .departments
            .iter()
            .map(|d| d.rows)
            .sum::<u64>()
            .to_string(),
        state.errors.to_string(),
        state.warnings.to_string(),
        String::new(),
    ]);
    format!("{table}\n{}\n", summary(zh, state))
}

/// The line under the table: complete, or what is missing.
fn summary(zh: bool, state: &status::Status) -> String {
    match (zh, state.complete) {
        (true, true) => format!("{} 学年：所有部门均已提交，没有错误。", state.year),
        (false, true) => format!("{}: every department has submitted; no errors.", state.year),
        (true, false) if state.missing.is_empty() => {
            format!("{} 学年：还有 {} 个错误。", state.year, state.errors)
        }
        (false, false) if state.missing.is_empty() => {
            format!("{}: {} error(s) remain.", state.year, state.errors)
        }
        (true, false) => format!(
            "{} 学年：尚未提交：{}；错误 {} 个。",
            state.year,
            state.missing.join("、"),
            state.errors
        ),
        (false, false) => format!(
            "{}: not yet submitted: {}; {} error(s).",
            state.year,
            state.missing.join(", "),
            state.errors
        ),
    }
}
