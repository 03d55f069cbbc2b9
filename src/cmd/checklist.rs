//! `disclose checklist [YEAR]`: the checklist's items, and with a year, how each is accounted for.

use std::process::ExitCode;

use comfy_table::{ColumnConstraint, Width};
use disclose::compose::report::ChecklistRow;
use disclose::compose::{self, where_published};
use disclose::render::new_table;
use disclose::{AcademicYear, read};
use serde::Serialize;

use crate::cmd::cli::Global;
use crate::cmd::values::values;

/// Arguments of `disclose checklist`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A year (2019-2020, or a calendar year such as 2024), to show each item's status, owners
    /// and links.
    pub(crate) year: Option<AcademicYear>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value = "table")]
    pub(crate) format: ChecklistFormat,
}

values! {
    /// Output formats of `disclose checklist`.
    pub(crate) enum ChecklistFormat {
        Table = "table", "A table for the terminal", "终端表格";
        Json = "json",
            "A versioned JSON document, for scripts (docs/json.md)",
            "带版本号的 JSON 文档，供脚本使用（见 docs/json.md）";
    }
}

/// The schema version of `checklist --format json`.
const VERSION: u32 = 1;

/// `checklist --format json`.
#[derive(Serialize)]
struct Document<'c> {
    version: u32,
    /// The checklist's name and source.
    checklist: Named<'c>,
    /// With a year: the school and the year.
    #[serde(skip_serializing_if = "Option::is_none")]
    school: Option<&'c str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<String>,
    /// Without a year: the items.
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<Vec<Item<'c>>>,
    /// With a year: each item and how the year accounts for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    accounted: Option<Vec<ChecklistRow>>,
}

#[derive(Serialize)]
struct Named<'c> {
    name: &'c str,
    source: &'c str,
}

#[derive(Serialize)]
struct Item<'c> {
    id: &'c str,
    category: &'c str,
    text: &'c str,
}

/// Prints the checklist as JSON.
fn json(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let text = match args.year {
        None => {
            let checklist = disclose::read::checklist::ministry();
            let items = checklist
                .items
                .iter()
                .map(|i| Item {
                    id: &i.id,
                    category: &i.category,
                    text: &i.text,
                })
                .collect();
            serde_json::to_string_pretty(&Document {
                version: VERSION,
                checklist: Named {
                    name: &checklist.name,
                    source: &checklist.source,
                },
                school: None,
                year: None,
                items: Some(items),
                accounted: None,
            })?
        }
        Some(year) => {
            let loaded = read::year(&global.data, year)?;
            let subs = &loaded.submissions;
            serde_json::to_string_pretty(&Document {
                version: VERSION,
                checklist: Named {
                    name: &subs.checklist.name,
                    source: &subs.checklist.source,
                },
                school: Some(&subs.facts.school.value),
                year: Some(year.to_string()),
                items: None,
                accounted: Some(compose::data(subs).checklist),
            })?
        }
    };
    super::print::stdout(format!("{text}\n").as_bytes())?;
    Ok(super::OK)
}

/// Prints the checklist as a table, or as JSON.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    if args.format == ChecklistFormat::Json {
        return json(global, args);
    }
    let mut table = new_table();
    let title;
    match args.year {
        None => {
            let checklist = disclose::read::checklist::ministry();
            title = format!("{}（{}）", checklist.name, checklist.source);
            table.set_header(["编号", "类别", "事项"]);
            for item in &checklist.items {
                table.add_row([&item.id, &item.category, &item.text]);
            }
        }
        Some(year) => {
            let loaded = read::year(&global.data, year)?;
            let subs = &loaded.submissions;
            title = format!(
                "{} {year} 学年 · {}",
                subs.facts.school.value, subs.checklist.name
            );
            table.set_header(["编号", "事项", "状态", "责任部门", "公开网址或渠道 / 说明"]);
            let mut longest_link = 0;
            for row in compose::data(subs).checklist {
                longest_link = row
                    .links
                    .iter()
                    .map(String::len)
                    .fold(longest_link, usize::max);
                table.add_row([
                    row.id.clone(),
                    row.text.clone(),
                    row.status.clone().unwrap_or_else(|| "未说明".to_owned()),
                    row.departments.join("、"),
                    // The note on a line of its own, under the links: five columns fit a
                    // terminal, six would squeeze the item's text.
                    [where_published(&row), row.note.clone().unwrap_or_default()]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ]);
            }
            // A link broken across lines cannot be copied: the column is at least as wide as
            // the longest link (up to 60 columns).
            if let Some(column) = table.column_mut(4) {
                let width = u16::try_from(longest_link.min(60) + 2).unwrap_or(62); // + padding
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
            }
        }
    }
    let text = format!("{title}\n{table}\n");
    super::print::stdout(text.as_bytes())?;
    Ok(super::OK)
}
