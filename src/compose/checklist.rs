//! The checklist table (清单事项公开情况表): every item of the year's checklist with its status
//! and where it is published (links, or the channels named), or why it does not apply. Items
//! nobody accounted for say so.

use crate::compose::report::{ChecklistRow, Data, Table};

/// The table, under `title`.
pub(super) fn table(data: &Data, title: &str) -> Table {
    let rows = data
        .checklist
        .iter()
        .map(|row| {
            vec![
                row.id.clone(),
                row.category.clone(),
                row.text.clone(),
                row.status.clone().unwrap_or_else(|| "未说明".to_owned()),
                where_published(row),
                row.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    Table {
        title: title.to_owned(),
        columns: ["编号", "类别", "事项", "公开情况", "公开网址或渠道", "说明"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    }
}

/// Where a checklist item is published: its links (separated by spaces), then the channels
/// named (separated by 、), the two separated by ；. The note has a column of its own.
pub fn where_published(row: &ChecklistRow) -> String {
    let links = row.links.join(" ");
    let channels = row.channels.join("、");
    match (links.is_empty(), channels.is_empty()) {
        (false, false) => format!("{links}；{channels}"),
        (true, _) => channels,
        (false, true) => links,
    }
}
