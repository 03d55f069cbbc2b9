//! Tables of a published report as data: the checklist table as checklist entries, the State
//! Council forms as the forms' CSV, every row found by its label.

use super::write;
use crate::model::forms::{FormKind, RowSpec};

/// A checklist table (编号 · 事项 · 公开情况 · 网址…) as a checklist-entries CSV; `Some("")` for
/// a checklist table in which no item is accounted for.
pub(super) fn checklist_csv(table: &[Vec<String>]) -> Option<String> {
    let header = table.first()?;
    let find = |names: &[&str]| column(header, names);
    let id = find(&["编号", "序号"])?;
    let status = find(&["公开情况", "状态"])?;
    let link = find(&["网址", "链接", "渠道"]);
    let note = find(&["说明", "备注"]);
    let mut rows = vec![vec![
        "事项".to_owned(),
        "状态".to_owned(),
        "链接".to_owned(),
        "渠道".to_owned(),
        "说明".to_owned(),
    ]];
    for row in &table[1..] {
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map_or("", |s| s.trim());
        // A status may carry its reason: 不适用（学校无校办企业）.
        let (status_text, reason) = split_status(cell(Some(status)));
        if !matches!(status_text, "已公开" | "部分公开" | "不适用") {
            continue;
        }
        let note_text = match (cell(note), reason) {
            ("", Some(reason)) => reason,
            (note, _) => note,
        };
        let where_text = cell(link);
        let (links, channels): (Vec<&str>, Vec<&str>) = where_text
            .split(|c: char| c.is_whitespace() || matches!(c, '；' | ';'))
            .filter(|s| !s.is_empty())
            .partition(|s| s.starts_with("http://") || s.starts_with("https://"));
        let channels: Vec<&str> = channels.iter().flat_map(|c| c.split('、')).collect();
        rows.push(vec![
            cell(Some(id)).to_owned(),
            status_text.to_owned(),
            links.join(" "),
            channels.join("、"),
            note_text.to_owned(),
        ]);
    }
    Some(if rows.len() > 1 {
        write::csv(&rows)
    } else {
        String::new()
    })
}

/// The first column whose heading contains one of `names`.
fn column(header: &[String], names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|h| names.iter().any(|n| h.contains(n)))
}

/// A status cell as its status and the reason written after it in brackets or after a colon:
/// `不适用（学校无校办企业）` → (不适用, 学校无校办企业).
fn split_status(text: &str) -> (&str, Option<&str>) {
    for status in ["已公开", "部分公开", "不适用"] {
        if let Some(rest) = text.strip_prefix(status) {
            let reason = rest
                .trim()
                .trim_start_matches(['（', '(', '：', ':', '，', ','])
                .trim_end_matches(['）', ')'])
                .trim();
            return (status, (!reason.is_empty()).then_some(reason));
        }
    }
    (text, None)
}

/// The items a checklist table words otherwise than the Ministry's checklist: (编号, the
/// wording printed), for `[checklist_wording]`, so that the table prints as published.
/// Spaces and punctuation do not count as a difference.
pub(super) fn checklist_wording(table: &[Vec<String>]) -> Vec<(String, String)> {
    let Some(header) = table.first() else {
        return Vec::new();
    };
    let find = |names: &[&str]| column(header, names);
    let (Some(id), Some(text)) = (find(&["编号", "序号"]), find(&["事项", "内容"])) else {
        return Vec::new();
    };
    if checklist_csv(table).is_none() {
        return Vec::new();
    }
    let ministry = crate::read::checklist::ministry();
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && !"，、,；;。（）()《》".contains(*c))
            .collect()
    };
    let mut reworded = Vec::new();
    for row in &table[1..] {
        let (Some(number), Some(printed)) = (row.get(id), row.get(text)) else {
            continue;
        };
        let (number, printed) = (number.trim(), printed.trim());
        if let Some(item) = ministry.item(number)
            && !printed.is_empty()
            && bare(printed) != bare(&item.text)
        {
            reworded.push((number.to_owned(), printed.to_owned()));
        }
    }
    reworded
}

/// A State Council form as the report printed it: which form, and each row found with its
/// numbers, one per column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct PrintedForm {
    /// Which form.
    pub(super) kind: FormKind,
    /// The rows found, in the order printed.
    pub(super) rows: Vec<(&'static RowSpec, Vec<u64>)>,
}

impl PrintedForm {
    /// The number printed in a row (by its key) and a column (by its name).
    pub(super) fn value(&self, row: &str, column: &str) -> Option<u64> {
        let c = self.kind.columns().iter().position(|c| *c == column)?;
        let (_, values) = self.rows.iter().find(|(spec, _)| spec.key == row)?;
        values.get(c).copied()
    }
}

/// A State Council form in a table: every row found by its label, its numbers in order.
pub(super) fn form(table: &[Vec<String>]) -> Option<PrintedForm> {
    let text: String = table.iter().flatten().map(String::as_str).collect();
    let kind = if text.contains("自然人") {
        FormKind::Requests
    } else if text.contains("结果维持") {
        FormKind::Reviews
    } else {
        return None;
    };
    let columns = kind.columns().len();
    let number = |c: &str| c.trim().parse::<u64>().ok();
    let mut rows = Vec::new();
    for row in table {
        let numbers: Vec<u64> = row.iter().filter_map(|c| number(c)).collect();
        let label = row
            .iter()
            .rev()
            .find(|c| number(c).is_none() && kind.row(c).is_some());
        if let Some(label) = label
            && numbers.len() >= columns
            && let Some(spec) = kind.row(label)
        {
            rows.push((spec, numbers[numbers.len() - columns..].to_vec()));
        } else if kind == FormKind::Reviews && numbers.len() == 15 {
            for (i, spec) in kind.rows().iter().enumerate() {
                rows.push((spec, numbers[i * 5..i * 5 + 5].to_vec()));
            }
        }
    }
    (!rows.is_empty()).then_some(PrintedForm { kind, rows })
}

/// A State Council form as the form's CSV: every row found by its label, its numbers in order.
pub(super) fn form_csv(form: &PrintedForm) -> String {
    let mut rows = vec![
        std::iter::once("项目".to_owned())
            .chain(form.kind.columns().iter().map(|c| (*c).to_owned()))
            .collect::<Vec<_>>(),
    ];
    for (spec, values) in &form.rows {
        let mut cells = vec![spec.label.to_owned()];
        cells.extend(values.iter().map(u64::to_string));
        rows.push(cells);
    }
    write::csv(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
            .collect()
    }

    #[test]
    fn an_item_worded_otherwise_is_kept_as_printed() {
        let t = table(&[
            &["编号", "事项", "公开情况"],
            // The Ministry's wording, with other spaces and commas: not a difference.
            &["6", "信息公开年度报告", "已公开"],
            &["2", "学校章程及学校制定的各项规章制度", "已公开"],
        ]);
        assert_eq!(
            checklist_wording(&t),
            [(
                "2".to_owned(),
                "学校章程及学校制定的各项规章制度".to_owned()
            )]
        );
        assert_eq!(
            split_status("不适用（学校无校办企业）"),
            ("不适用", Some("学校无校办企业"))
        );
        assert_eq!(split_status("已公开"), ("已公开", None));
        // No 事项 column: nothing to compare.
        let t = table(&[&["编号", "公开情况"], &["2", "已公开"]]);
        assert!(checklist_wording(&t).is_empty());
    }
}
