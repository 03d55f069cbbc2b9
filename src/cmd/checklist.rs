//! `disclose checklist [YEAR]`: the checklist's items, and with a year, how each is accounted for.

use std::process::ExitCode;

use comfy_table::{ContentArrangement, Table, presets};
use disclose::checklist::Checklist;
use disclose::compose::where_published;
use disclose::{AcademicYear, read};

use crate::cli::Global;

/// Arguments of `disclose checklist`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// An academic year, e.g. 2019-2020, to show each item's status, owners and links.
    pub(crate) year: Option<AcademicYear>,
}

/// Prints the checklist as a table.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if table.width().is_none() {
        // Not a terminal: wrap at a width that prints and pastes well, the same everywhere.
        table.set_width(120);
    }
    let title;
    match args.year {
        None => {
            let checklist = Checklist::ministry();
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
            table.set_header(["编号", "事项", "状态", "责任部门", "公开网址或渠道"]);
            for item in &subs.checklist.items {
                let row = match subs.disclosure(&item.id) {
                    None => [
                        item.id.clone(),
                        item.text.clone(),
                        "未说明".into(),
                        owner_of(subs, &item.id),
                        String::new(),
                    ],
                    Some((department, entry)) => {
                        let mut owners = vec![department.name.clone()];
                        owners.extend(entry.owners.iter().map(|o| o.value.clone()));
                        [
                            item.id.clone(),
                            item.text.clone(),
                            entry.status.value.as_str().to_owned(),
                            owners.join("、"),
                            where_published(entry),
                        ]
                    }
                };
                table.add_row(row);
            }
        }
    }
    let text = format!("{title}\n{table}\n");
    super::print::stdout(text.as_bytes())?;
    Ok(super::OK)
}

/// The department report.toml assigns an item to, for items nobody accounted for.
fn owner_of(subs: &disclose::Submissions, item: &str) -> String {
    subs.facts
        .owners
        .iter()
        .filter(|o| o.items.iter().any(|i| i.value == item))
        .map(|o| o.department.value.clone())
        .collect::<Vec<_>>()
        .join("、")
}
