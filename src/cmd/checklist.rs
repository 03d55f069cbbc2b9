//! `disclose checklist [YEAR]`: the checklist's items, and with a year, how each is accounted for.

use std::process::ExitCode;

use comfy_table::{ColumnConstraint, Width};
use disclose::compose::{self, where_published};
use disclose::render::new_table;
use disclose::{AcademicYear, read};

use crate::cmd::cli::Global;

/// Arguments of `disclose checklist`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// An academic year, e.g. 2019-2020, to show each item's status, owners and links.
    pub(crate) year: Option<AcademicYear>,
}

/// Prints the checklist as a table.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
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
