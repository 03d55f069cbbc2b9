//! The vocabulary of submission rows: every field, by its English key and its Chinese name.
//!
//! TOML files use the English keys (`channel = "学校主页"`). CSV and Excel headers may use either
//! spelling, or a common alias, because office staff write Chinese headers. The kind of a CSV
//! file follows from its header: a `数量`/`来源` column makes a table of counts, a `日期` column a
//! table of events, an `事项` column a table of checklist entries; `领域` and `文字` a table of
//! texts, a `申请情况` column the disclosure requests, a `举报复议诉讼` column the complaints (the
//! sheets `init --xlsx` writes for what TOML's `[[text]]`, `[requests]` and `[complaints]` hold).

use crate::model::forms::FormKind;

/// One field of a row.
#[derive(Debug)]
pub(crate) struct Column {
    /// The English key, used in TOML and JSON.
    pub(crate) key: &'static str,
    /// The Chinese header.
    pub(crate) zh: &'static str,
    /// Other headers accepted for it.
    pub(crate) aliases: &'static [&'static str],
}

impl Column {
    /// Whether a header cell names this column (English case-insensitively).
    pub(crate) fn is_named(&self, header: &str) -> bool {
        let header = header.trim();
        header.eq_ignore_ascii_case(self.key)
            || header == self.zh
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(header))
    }
}

impl Column {
    /// The Chinese header when `zh`, else the English key.
    pub(crate) fn zh_or_key(&self, zh: bool) -> &'static str {
        if zh { self.zh } else { self.key }
    }
}

/// The key of a column whose Chinese header (or another accepted header) is `header`.
pub(crate) fn key_of_header(header: &str) -> Option<&'static str> {
    [COUNTS, EVENTS, DISCLOSURES, TEXTS]
        .iter()
        .flat_map(|columns| columns.iter())
        .find(|c| c.zh == header.trim() || c.aliases.contains(&header.trim()))
        .map(|c| c.key)
}

/// How to name a field in a message: its Chinese header when the file's header is Chinese.
pub(crate) fn display_name(key: &str, zh: bool) -> String {
    [COUNTS, EVENTS, DISCLOSURES, TEXTS, REQUESTS, COMPLAINTS]
        .iter()
        .flat_map(|columns| columns.iter())
        .find(|c| c.key == key)
        .map_or_else(|| key.to_owned(), |c| c.zh_or_key(zh).to_owned())
}

macro_rules! columns {
    ($($key:literal = $zh:literal $(| $alias:literal)*),* $(,)?) => {
        &[$(Column { key: $key, zh: $zh, aliases: &[$($alias),*] }),*]
    };
}

/// Count rows.
pub(crate) const COUNTS: &[Column] = columns![
    "channel" = "渠道" | "平台",
    "item" = "类别" | "项目" | "栏目",
    "number" = "数量" | "数值",
    "unit" = "单位",
    "qualifier" = "限定词" | "约数",
    "parent" = "上级" | "所属",
    "partial" = "分项不全",
    "phrase" = "措辞" | "表述",
    "source" = "来源",
    "join" = "分隔" | "分项分隔",
    "window" = "统计期间" | "统计时段",
    "form" = "表格单元格" | "对应表格",
    "imported" = "导入自",
    "remark" = "备注",
];

/// Event rows.
pub(crate) const EVENTS: &[Column] = columns![
    "date" = "日期" | "发布日期" | "发布时间",
    "channel" = "渠道" | "平台",
    "item" = "类别" | "项目" | "栏目",
    "title" = "标题",
    "link" = "链接" | "网址" | "url",
    "remark" = "备注",
];

/// Checklist entries.
pub(crate) const DISCLOSURES: &[Column] = columns![
    "item" = "事项" | "事项编号" | "清单事项",
    "status" = "状态" | "公开状态",
    "links" = "链接" | "网址" | "link",
    "channels" = "渠道" | "公开渠道",
    "published" = "公开日期" | "发布日期",
    "owners" = "责任部门" | "共同责任部门",
    "note" = "说明" | "理由",
    "remark" = "备注",
    "category" = "类别" | "事项类别",
    "wording" = "事项内容",
];

/// Texts of the key areas, one paragraph or more per row (`[[text]]` in TOML).
pub(crate) const TEXTS: &[Column] = columns![
    "area" = "领域" | "重点领域",
    "text" = "文字" | "正文",
    "remark" = "备注",
];

/// Disclosure requests, one number a row (`[requests]` in TOML).
pub(crate) const REQUESTS: &[Column] = columns![
    "line" = "申请情况" | "依申请公开",
    "number" = "件数" | "数量",
    "remark" = "备注",
];

/// Complaints, reconsiderations and lawsuits, one number a row (`[complaints]` in TOML).
pub(crate) const COMPLAINTS: &[Column] = columns![
    "line" = "举报复议诉讼" | "举报、复议、诉讼",
    "number" = "件数" | "数量",
    "remark" = "备注",
];

/// The kinds of table a CSV or sheet can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TableKind {
    /// Count rows.
    Counts,
    /// Event rows.
    Events,
    /// Checklist entries.
    Disclosures,
    /// Texts of the key areas.
    Texts,
    /// Disclosure requests.
    Requests,
    /// Complaints, reconsiderations and lawsuits.
    Complaints,
    /// A State Council form (申请情况表, 复议诉讼情况表): a label column, then fixed columns.
    Form(FormKind),
}

impl TableKind {
    /// The columns of this kind.
    pub(crate) fn columns(self) -> &'static [Column] {
        match self {
            TableKind::Counts => COUNTS,
            TableKind::Events => EVENTS,
            TableKind::Disclosures => DISCLOSURES,
            TableKind::Texts => TEXTS,
            TableKind::Requests => REQUESTS,
            TableKind::Complaints => COMPLAINTS,
            TableKind::Form(_) => &[],
        }
    }

    /// Decides the kind from a header row: `Err(true)` when it could be several, `Err(false)`
    /// when it is none.
    pub(crate) fn of_header(headers: &[&str]) -> Result<TableKind, bool> {
        for form in [FormKind::Requests, FormKind::Reviews] {
            if headers.iter().any(|h| h.trim() == form.columns()[0]) {
                return Ok(TableKind::Form(form));
            }
        }
        let has = |columns: &[Column], key: &str| {
            let column = columns.iter().find(|c| c.key == key);
            column.is_some_and(|c| headers.iter().any(|h| c.is_named(h)))
        };
        // The tables of one number a row name themselves in their first column.
        if has(REQUESTS, "line") {
            return Ok(TableKind::Requests);
        }
        if has(COMPLAINTS, "line") {
            return Ok(TableKind::Complaints);
        }
        if has(TEXTS, "area") && has(TEXTS, "text") {
            return Ok(TableKind::Texts);
        }
        let counts = has(COUNTS, "number") || has(COUNTS, "source");
        let events = has(EVENTS, "date");
        let disclosures = has(DISCLOSURES, "item") && has(DISCLOSURES, "status");
        match (counts, events, disclosures) {
            (true, false, false) => Ok(TableKind::Counts),
            (false, true, false) => Ok(TableKind::Events),
            (false, false, true) => Ok(TableKind::Disclosures),
            (false, false, false) => Err(false),
            _ => Err(true),
        }
    }
}

/// Words a user writes for a TOML key or table that has another name here: `[[checklist]]`
/// for `[[disclosure]]`, `reason` for `note`.
const SYNONYMS: &[(&str, &str)] = &[
    ("checklist", "disclosure"),
    ("item_disclosure", "disclosure"),
    ("counts", "count"),
    ("figure", "count"),
    ("figures", "count"),
    ("events", "event"),
    ("area_text", "text"),
    ("texts", "text"),
    ("request", "requests"),
    ("complaint", "complaints"),
    ("reports_received", "requests"),
    ("reason", "note"),
    ("explanation", "note"),
    ("link", "links"),
    ("url", "links"),
    ("urls", "links"),
    ("date", "published"),
    ("dates", "published"),
    ("comment", "remark"),
    ("remarks", "remark"),
    ("note", "remark"),
    ("department", "owners"),
];

/// The name used here for a word with another name, if it is among `candidates`: a synonym
/// above, or a CSV header (渠道) written as a TOML key (`channel`).
pub(crate) fn synonym<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let lower = word.to_lowercase();
    let header = key_of_header(word);
    let named = SYNONYMS.iter().find(|(w, _)| *w == lower).map(|(_, t)| *t);
    let targets: Vec<&str> = named.into_iter().chain(header).collect();
    candidates
        .into_iter()
        .find(|c| targets.contains(c))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_name_the_key_used_here() {
        assert_eq!(
            synonym("checklist", ["count", "disclosure"]),
            Some("disclosure".into())
        );
        assert_eq!(synonym("reason", ["item", "note"]), Some("note".into()));
        assert_eq!(synonym("checklist", ["count"]), None);
        assert_eq!(synonym("channel", ["channel"]), None);
        assert_eq!(synonym("渠道", ["channel", "item"]), Some("channel".into()));
        assert_eq!(
            synonym("note", ["channel", "remark"]),
            Some("remark".into())
        );
    }

    #[test]
    fn kinds_follow_from_headers() {
        assert_eq!(
            TableKind::of_header(&["渠道", "类别", "数量", "单位"]),
            Ok(TableKind::Counts)
        );
        assert_eq!(
            TableKind::of_header(&["Channel", "Item", "Number", "Unit"]),
            Ok(TableKind::Counts)
        );
        assert_eq!(
            TableKind::of_header(&["日期", "渠道", "类别", "标题"]),
            Ok(TableKind::Events)
        );
        assert_eq!(
            TableKind::of_header(&["事项", "状态", "链接"]),
            Ok(TableKind::Disclosures)
        );
        assert_eq!(TableKind::of_header(&["数量", "日期"]), Err(true));
        assert_eq!(
            TableKind::of_header(&["领域", "文字", "备注"]),
            Ok(TableKind::Texts)
        );
        assert_eq!(
            TableKind::of_header(&["申请情况", "件数"]),
            Ok(TableKind::Requests)
        );
        assert_eq!(
            TableKind::of_header(&["举报复议诉讼", "件数"]),
            Ok(TableKind::Complaints)
        );
        assert_eq!(
            TableKind::of_header(&["事项", "类别", "事项内容", "状态"]),
            Ok(TableKind::Disclosures)
        );
        assert_eq!(TableKind::of_header(&["名称", "备注"]), Err(false));
    }

    #[test]
    fn every_column_has_distinct_names_within_its_kind() {
        for kind in [
            TableKind::Counts,
            TableKind::Events,
            TableKind::Disclosures,
            TableKind::Texts,
            TableKind::Requests,
            TableKind::Complaints,
        ] {
            let mut names: Vec<String> = kind
                .columns()
                .iter()
                .flat_map(|c| {
                    std::iter::once(c.key.to_lowercase())
                        .chain(std::iter::once(c.zh.to_owned()))
                        .chain(c.aliases.iter().map(|a| a.to_lowercase()))
                })
                .collect();
            let n = names.len();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), n, "{kind:?}");
        }
    }
}
