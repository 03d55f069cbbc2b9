//! The State Council template's forms (国办公开办函〔2021〕30号), for colleges that report with it.
//!
//! Two tables a department fills in as a spreadsheet: 三、收到和处理政府信息公开申请情况 (rows of
//! outcomes, columns of applicants) and 四、政府信息公开行政复议、行政诉讼情况 (rows of proceedings,
//! columns of results). This module is the catalogue of their rows and columns — what each is
//! called, by which names a submission may call it — and the arithmetic the form prints under
//! itself; the readers fill a [`Form`], the checks test the arithmetic, compose prints the table.

use crate::model::location::{Located, Location};

/// Which form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// 收到和处理政府信息公开申请情况.
    Requests,
    /// 政府信息公开行政复议、行政诉讼情况.
    Reviews,
}

/// One row of a form's catalogue.
#[derive(Debug, PartialEq, Eq)]
pub struct RowSpec {
    /// Stable key, used in JSON.
    pub key: &'static str,
    /// The label printed in the report, numbered as on the form.
    pub label: &'static str,
    /// Other names a submission may use (the label without numbering always works).
    pub aliases: &'static [&'static str],
}

macro_rules! rows {
    ($($key:literal => $label:literal $(| $alias:literal)*),* $(,)?) => {
        &[$(RowSpec { key: $key, label: $label, aliases: &[$($alias),*] }),*]
    };
}

/// The rows of form 三, in order.
pub const REQUEST_ROWS: &[RowSpec] = rows![
    "new" => "一、本年新收信息公开申请数量" | "本年新收申请数量" | "新收申请" | "新收",
    "carried_over" => "二、上年结转信息公开申请数量" | "上年结转申请数量" | "上年结转",
    "granted" => "（一）予以公开",
    "partly_granted" => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" | "部分公开",
    "refused_secret" => "（三）不予公开：1.属于国家秘密" | "属于国家秘密",
    "refused_law" => "（三）不予公开：2.其他法律行政法规禁止公开" | "其他法律行政法规禁止公开",
    "refused_safety" => "（三）不予公开：3.危及“三安全一稳定”" | "危及三安全一稳定" | "危及“三安全一稳定”",
    "refused_third_party" => "（三）不予公开：4.保护第三方合法权益" | "保护第三方合法权益",
    "refused_internal" => "（三）不予公开：5.属于三类内部事务信息" | "属于三类内部事务信息",
    "refused_process" => "（三）不予公开：6.属于四类过程性信息" | "属于四类过程性信息",
    "refused_enforcement" => "（三）不予公开：7.属于行政执法案卷" | "属于行政执法案卷",
    "refused_query" => "（三）不予公开：8.属于行政查询事项" | "属于行政查询事项",
    "unable_not_held" => "（四）无法提供：1.本机关不掌握相关信息" | "本机关不掌握相关信息" | "本机关不掌握相关政府信息",
    "unable_to_create" => "（四）无法提供：2.没有现成信息需要另行制作" | "没有现成信息需要另行制作",
    "unable_unclear" => "（四）无法提供：3.补正后申请内容仍不明确" | "补正后申请内容仍不明确",
    "not_handled_petition" => "（五）不予处理：1.信访举报投诉类申请" | "信访举报投诉类申请",
    "not_handled_repeated" => "（五）不予处理：2.重复申请" | "重复申请",
    "not_handled_publication" => "（五）不予处理：3.要求提供公开出版物" | "要求提供公开出版物",
    "not_handled_excessive" => "（五）不予处理：4.无正当理由大量反复申请" | "无正当理由大量反复申请",
    "not_handled_confirm" => "（五）不予处理：5.要求行政机关确认或重新出具已获取信息" | "要求行政机关确认或重新出具已获取信息" | "要求确认或重新出具已获取信息",
    "other_no_correction" => "（六）其他处理：1.申请人无正当理由逾期不补正、行政机关不再处理其信息公开申请" | "申请人无正当理由逾期不补正" | "逾期不补正",
    "other_no_fee" => "（六）其他处理：2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其信息公开申请" | "申请人逾期未按收费通知要求缴纳费用" | "逾期未缴纳费用",
    "other_other" => "（六）其他处理：3.其他" | "其他处理",
    "total" => "（七）总计" | "总计",
    "carried_forward" => "四、结转下年度继续办理" | "结转下年度继续办理" | "结转下年",
];

/// The columns of form 三: the applicants, then the total.
pub const REQUEST_COLUMNS: &[&str] = &[
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// The rows of form 四.
pub const REVIEW_ROWS: &[RowSpec] = rows![
    "reconsideration" => "行政复议",
    "lawsuit_direct" => "行政诉讼：未经复议直接起诉" | "未经复议直接起诉",
    "lawsuit_after_reconsideration" => "行政诉讼：复议后起诉" | "复议后起诉",
];

/// The columns of form 四: the results, then the total.
pub const REVIEW_COLUMNS: &[&str] = &["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// A form's title or row label in the template's own words: 政府信息 where a school's form
/// says 信息 (信息公开申请数量, 相关信息, 其信息公开申请, the two titles).
pub fn template_words(text: &str) -> String {
    if text.contains("政府信息") {
        return text.to_owned();
    }
    let text = text
        .replace("信息公开申请", "政府信息公开申请")
        .replace("相关信息", "相关政府信息");
    match text.strip_prefix("信息公开行政复议") {
        Some(rest) => format!("政府信息公开行政复议{rest}"),
        None => text,
    }
}

impl FormKind {
    /// Both forms, in the order the template prints them.
    pub const ALL: [FormKind; 2] = [FormKind::Requests, FormKind::Reviews];

    /// The form's key in JSON: `requests`, `reviews`.
    pub fn key(self) -> &'static str {
        match self {
            FormKind::Requests => "requests",
            FormKind::Reviews => "reviews",
        }
    }

    /// The form's rows.
    pub fn rows(self) -> &'static [RowSpec] {
        match self {
            FormKind::Requests => REQUEST_ROWS,
            FormKind::Reviews => REVIEW_ROWS,
        }
    }

    /// The form's columns, the total last.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            FormKind::Requests => REQUEST_COLUMNS,
            FormKind::Reviews => REVIEW_COLUMNS,
        }
    }

    /// The form's title as the report prints it.
    pub fn title(self) -> &'static str {
        match self {
            FormKind::Requests => "收到和处理信息公开申请情况",
            FormKind::Reviews => "信息公开行政复议、行政诉讼情况",
        }
    }

    /// The name of the table in messages.
    pub fn name(self) -> &'static str {
        match self {
            FormKind::Requests => "信息公开申请情况表",
            FormKind::Reviews => "行政复议、行政诉讼情况表",
        }
    }

    /// The row a label names: numbering, spaces and the word 政府 are ignored.
    pub fn row(self, label: &str) -> Option<&'static RowSpec> {
        let wanted = normalise(label);
        self.rows().iter().find(|row| {
            normalise(row.label) == wanted
                || row.aliases.iter().any(|a| normalise(a) == wanted)
                || normalise(row.label).ends_with(&wanted) && wanted.chars().count() >= 4
        })
    }
}

/// A cell of a form as narrative names it: `申请表/新收/总计` (the form, the row as a submission
/// may call it, the column; the column defaults to 总计) or `复议诉讼表/行政复议/结果维持`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellName<'t> {
    /// Which form.
    pub kind: FormKind,
    /// The row, as written.
    pub row: &'t str,
    /// The column, as written (总计 when not written).
    pub column: &'t str,
}

impl FormKind {
    /// The names narrative uses for the form: `申请表`, `复议诉讼表`.
    pub const NAMES: &'static [(&'static str, FormKind)] = &[
        ("申请表", FormKind::Requests),
        ("申请情况表", FormKind::Requests),
        ("复议诉讼表", FormKind::Reviews),
        ("复议诉讼情况表", FormKind::Reviews),
    ];

    /// The form a name means.
    pub fn named(name: &str) -> Option<FormKind> {
        FormKind::NAMES
            .iter()
            .find(|(n, _)| *n == name.trim())
            .map(|(_, k)| *k)
    }
}

/// Parses `申请表/新收/总计` or `申请表/新收`; `None` when it does not start with a form's name.
pub fn cell_name(text: &str) -> Option<CellName<'_>> {
    let mut parts = text.split('/');
    let kind = FormKind::named(parts.next()?)?;
    let row = parts.next()?.trim();
    let column = parts.next().map_or("总计", str::trim);
    (parts.next().is_none() && !row.is_empty()).then_some(CellName { kind, row, column })
}

/// A label without numbering (一、 （一） 1.), spaces, quotes and the word 政府.
pub fn normalise(label: &str) -> String {
    let cleaned: String = label
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"'))
        .collect::<String>()
        .replace("政府", "");
    let mut text = cleaned.as_str();
    loop {
        let before = text;
        for prefix in ["一、", "二、", "三、", "四、", "五、"] {
            text = text.strip_prefix(prefix).unwrap_or(text);
        }
        if let Some(rest) = text.strip_prefix('（')
            && let Some(close) = rest.find('）')
            && rest[..close]
                .chars()
                .all(|c| "一二三四五六七八九十".contains(c))
        {
            text = &rest[close + '）'.len_utf8()..];
        }
        for group in [
            "不予公开：",
            "无法提供：",
            "不予处理：",
            "其他处理：",
            "行政诉讼：",
        ] {
            text = text.strip_prefix(group).unwrap_or(text);
        }
        let digits = text.chars().take_while(char::is_ascii_digit).count();
        if digits > 0
            && let Some(mark) = text[digits..].chars().next()
            && matches!(mark, '.' | '．' | '、')
        {
            text = &text[digits + mark.len_utf8()..];
        }
        if text == before {
            return text.to_owned();
        }
    }
}

/// One filled-in row.
#[derive(Clone, Debug, PartialEq)]
pub struct FormRow {
    /// Which row.
    pub spec: &'static RowSpec,
    /// One value per column; an empty cell is 0 here, and in `blank`.
    pub values: Vec<Located<u64>>,
    /// The columns whose cell holds nothing (or is in no column of the header): no zero, but a
    /// number nobody wrote (D314).
    pub blank: Vec<usize>,
    /// The row as a whole.
    pub location: Location,
}

/// A filled-in form.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    /// Which form.
    pub kind: FormKind,
    /// The rows submitted, in the order written.
    pub rows: Vec<FormRow>,
    /// The file or table it came from.
    pub location: Location,
}

impl Form {
    /// The values of a row (zeros when the row was not submitted).
    pub fn values(&self, key: &str) -> Vec<u64> {
        self.rows.iter().find(|r| r.spec.key == key).map_or_else(
            || vec![0; self.kind.columns().len()],
            |r| r.values.iter().map(|v| v.value).collect(),
        )
    }

    /// The numbers of a row as submitted: `None` for a cell left empty, and for every cell of
    /// a row not submitted at all. What the report prints, so that no one's silence prints as 0.
    pub fn submitted(&self, key: &str) -> Vec<Option<u64>> {
        match self.rows.iter().find(|r| r.spec.key == key) {
            Some(row) => row
                .values
                .iter()
                .enumerate()
                .map(|(j, v)| (!row.blank.contains(&j)).then_some(v.value))
                .collect(),
            None => vec![None; self.kind.columns().len()],
        }
    }

    /// The submitted row with this key.
    pub fn row(&self, key: &str) -> Option<&FormRow> {
        self.rows.iter().find(|r| r.spec.key == key)
    }

    /// The value of a named cell, or why there is none (in English and Chinese).
    pub fn cell(&self, name: &CellName<'_>) -> Result<&Located<u64>, (String, String)> {
        let Some(spec) = self.kind.row(name.row) else {
            return Err((
                format!("the form has no row `{}`", name.row),
                format!("表中没有“{}”这一行", name.row),
            ));
        };
        let columns = self.kind.columns();
        let Some(c) = columns.iter().position(|c| *c == name.column) else {
            return Err((
                format!(
                    "the form has no column `{}`; its columns are {}",
                    name.column,
                    columns.join(", ")
                ),
                format!(
                    "表中没有“{}”列；可用的列：{}",
                    name.column,
                    columns.join("、")
                ),
            ));
        };
        self.row(spec.key)
            .and_then(|r| r.values.get(c))
            .ok_or_else(|| {
                (
                    format!("the row `{}` is not filled in", spec.label),
                    format!("“{}”一行没有填写", spec.label),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_with_or_without_numbering() {
        let row = |label| FormKind::Requests.row(label).map(|r| r.key);
        assert_eq!(row("一、本年新收政府信息公开申请数量"), Some("new"));
        assert_eq!(row("本年新收申请数量"), Some("new"));
        assert_eq!(row("（一）予以公开"), Some("granted"));
        assert_eq!(row("1.属于国家秘密"), Some("refused_secret"));
        assert_eq!(
            row("（三）不予公开：1.属于国家秘密"),
            Some("refused_secret")
        );
        assert_eq!(row("危及“三安全一稳定”"), Some("refused_safety"));
        assert_eq!(row("（七）总计"), Some("total"));
        assert_eq!(row("四、结转下年度继续办理"), Some("carried_forward"));
        assert_eq!(row("予以公布"), None);
        assert_eq!(
            FormKind::Reviews.row("复议后起诉").map(|r| r.key),
            Some("lawsuit_after_reconsideration")
        );
    }

    #[test]
    fn every_row_is_found_by_its_own_label() {
        for kind in [FormKind::Requests, FormKind::Reviews] {
            for spec in kind.rows() {
                assert_eq!(
                    kind.row(spec.label).map(|r| r.key),
                    Some(spec.key),
                    "{}",
                    spec.label
                );
                for alias in spec.aliases {
                    assert_eq!(kind.row(alias).map(|r| r.key), Some(spec.key), "{alias}");
                }
            }
        }
    }
}
