//! A sentence's number that repeats a cell of the report's own State Council form → a reference
//! to the cell: "共收到信息公开申请7件", beside a form whose 新收 row totals 7, becomes
//! `共收到信息公开申请{申请表/新收/总计}件`, so that the sentence prints the form's number and
//! cannot drift from it, instead of a second count typed beside the form.
//!
//! Only when the sentence's words name the cell unambiguously: one row (新收, 予以公开,
//! 结转下年度, 行政复议…) named by the words before the number, else by the words after it,
//! else — when those words name a column (其中维持72件) — by the nearest earlier words of its
//! clause; at most one column (自然人, 维持…; 总计 when none); and the cell holds the number.
//! Words that name several cells (不予公开, 行政诉讼, 法人…) name no cell. A number no cell
//! answers for stays a count, marked for checking (D505) like every other.

use std::ops::Range;
use std::sync::LazyLock;

use super::figures::{CLAUSE_BREAKS, Found, WORD_BREAKS, after_last};
use super::tables::PrintedForm;
use crate::model::forms::{self, FormKind};

/// What a word of a sentence names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Names {
    /// A row, by its key; `verb` when the word is a verb (收到, 答复), which names the row only
    /// when no other word beside it names one.
    Row {
        kind: FormKind,
        key: &'static str,
        verb: bool,
    },
    /// A column, by its name on the form.
    Column(FormKind, &'static str),
    /// Several rows or columns (不予公开 is eight rows; 行政诉讼, two).
    Several,
}

/// Words that name more than one cell.
const SEVERAL: &[&str] = &[
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "行政诉讼",
    "法人",
];

/// Words that name a row beside the form's own labels, and whether they are verbs.
const ROW_WORDS: &[(FormKind, &str, &[&str], bool)] = &[
    (FormKind::Requests, "new", &["收到", "受理", "接收"], true),
    (
        FormKind::Requests,
        "carried_over",
        &["上年度结转", "上一年度结转", "上学年结转"],
        false,
    ),
    (FormKind::Requests, "total", &["答复", "办结"], true),
    (
        FormKind::Requests,
        "carried_forward",
        &[
            "结转至下年",
            "结转到下年",
            "顺延到下年",
            "顺延至下年",
            "下年度继续办理",
        ],
        false,
    ),
    (FormKind::Reviews, "lawsuit_direct", &["直接起诉"], false),
    (
        FormKind::Reviews,
        "lawsuit_after_reconsideration",
        &["复议后提起", "行政复议后起诉"],
        false,
    ),
];

/// Words that name a column beside the form's own names.
const COLUMN_WORDS: &[(FormKind, &str, &str)] = &[
    (FormKind::Reviews, "结果维持", "维持"),
    (FormKind::Reviews, "结果纠正", "纠正"),
    (FormKind::Reviews, "其他结果", "其他"),
    (FormKind::Reviews, "尚未审结", "未审结"),
];

/// Units a form's numbers are counted in.
const UNITS: &[&str] = &["件", "个", "项", "次"];

/// The reference (`申请表/新收/总计`) to the cell of `forms` that the figure at `span` of `text`
/// repeats, when its words name that cell unambiguously and it holds the figure's number.
pub(super) fn cell_of(
    forms: &[PrintedForm],
    text: &str,
    span: &Range<usize>,
    found: &Found,
) -> Option<String> {
    if forms.is_empty() || found.qualifier.is_some() || !UNITS.contains(&found.unit.as_str()) {
        return None;
    }
    let number: u64 = found.number.parse().ok()?;
    let breaks = [WORD_BREAKS, CLAUSE_BREAKS, &['）', ')']].concat();
    let head = &text[..span.start];
    let before = &head[after_last(head, &breaks)..];
    let tail = &text[span.end..];
    let after = &tail[..tail.find(&breaks[..]).unwrap_or(tail.len())];
    let sentence = {
        let ends = ['。', '！', '？', '\n'];
        let start = after_last(head, &ends);
        let end = tail.find(ends).map_or(text.len(), |i| span.end + i);
        &text[start..end]
    };
    let about_requests = sentence.contains("申请");
    let named_before = names(before, about_requests);
    let named_after = names(after, about_requests);
    let rows = |named: &[Names]| -> Vec<Names> {
        named
            .iter()
            .copied()
            .filter(|n| !matches!(n, Names::Column(..)))
            .collect()
    };
    let mut row_names = rows(&named_before);
    if row_names.is_empty() {
        row_names = rows(&named_after);
    }
    let columns: Vec<(FormKind, &str)> = named_before
        .iter()
        .chain(&named_after)
        .filter_map(|n| match n {
            Names::Column(kind, c) => Some((*kind, *c)),
            _ => None,
        })
        .collect();
    if row_names.is_empty() {
        if columns.is_empty() {
            return None;
        }
        // 其中维持72件: the row is the one the clause named last, before the column.
        let clause = &head[after_last(head, CLAUSE_BREAKS)..head.len() - before.len()];
        row_names = clause
            .split(&breaks[..])
            .rev()
            .map(|words| rows(&names(words, about_requests)))
            .find(|named| !named.is_empty())?;
    }
    let [Names::Row { kind, key, .. }] = row_names[..] else {
        return None;
    };
    let mut columns: Vec<&str> = columns
        .iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, c)| *c)
        .collect();
    columns.sort_unstable();
    columns.dedup();
    let column = match columns[..] {
        [] => "总计",
        [one] => one,
        _ => return None,
    };
    let form = forms.iter().find(|f| f.kind == kind)?;
    (form.value(key, column)? == number).then(|| reference(kind, key, column))
}

/// What the words name, every word once: a word inside a longer one (行政复议 in
/// 行政复议后起诉) names nothing of its own, and verbs name a row only when no other word does.
/// Rows of the requests form only in a sentence about requests (申请).
fn names(words: &str, about_requests: bool) -> Vec<Names> {
    let mut found: Vec<(Range<usize>, Names)> = Vec::new();
    for (word, names) in VOCABULARY.iter() {
        for (at, _) in words.match_indices(word.as_str()) {
            found.push((at..at + word.len(), *names));
        }
    }
    let inside = |a: &Range<usize>, b: &Range<usize>| {
        b.start <= a.start && a.end <= b.end && b.len() > a.len()
    };
    let mut named: Vec<Names> = found
        .iter()
        .filter(|(r, _)| !found.iter().any(|(other, _)| inside(r, other)))
        .map(|(_, n)| *n)
        .filter(|n| {
            about_requests
                || !matches!(
                    n,
                    Names::Row {
                        kind: FormKind::Requests,
                        ..
                    }
                )
        })
        .collect();
    let verb = |n: &Names| matches!(n, Names::Row { verb: true, .. });
    if named
        .iter()
        .any(|n| matches!(n, Names::Row { .. } | Names::Several) && !verb(n))
    {
        named.retain(|n| !verb(n));
    }
    if !words.contains("申请") {
        // 收到 and 受理 say 新收 only of requests: 收到意见建议3条 is no request.
        named.retain(|n| {
            !matches!(
                n,
                Names::Row {
                    key: "new",
                    verb: true,
                    ..
                }
            )
        });
    }
    let mut once = Vec::new();
    for n in named {
        if !once.contains(&n) {
            once.push(n);
        }
    }
    once
}

/// Every word that names a row, a column or several, with what it names.
static VOCABULARY: LazyLock<Vec<(String, Names)>> = LazyLock::new(vocabulary);

/// The forms' labels and the names a submission may use (without those that name several), and
/// the words above.
fn vocabulary() -> Vec<(String, Names)> {
    let mut words: Vec<(String, Names)> = SEVERAL
        .iter()
        .map(|w| ((*w).to_owned(), Names::Several))
        .collect();
    for kind in [FormKind::Requests, FormKind::Reviews] {
        for row in kind.rows() {
            let names = Names::Row {
                kind,
                key: row.key,
                verb: false,
            };
            for word in std::iter::once(forms::normalise(row.label))
                .chain(row.aliases.iter().map(|a| forms::normalise(a)))
            {
                // 总计 and 其他 name a column as often as a row.
                if !matches!(word.as_str(), "总计" | "其他") && !SEVERAL.contains(&word.as_str())
                {
                    words.push((word, names));
                }
            }
        }
        for column in kind.columns() {
            if !matches!(*column, "总计" | "其他") {
                words.push(((*column).to_owned(), Names::Column(kind, column)));
            }
        }
    }
    for (kind, key, list, verb) in ROW_WORDS {
        for word in *list {
            let names = Names::Row {
                kind: *kind,
                key,
                verb: *verb,
            };
            words.push(((*word).to_owned(), names));
        }
    }
    for (kind, column, word) in COLUMN_WORDS {
        words.push(((*word).to_owned(), Names::Column(*kind, column)));
    }
    words
}

/// The cell as narrative names it: the form, the shortest name of the row that means it, the
/// column.
fn reference(kind: FormKind, key: &str, column: &str) -> String {
    let form = match kind {
        FormKind::Requests => "申请表",
        FormKind::Reviews => "复议诉讼表",
    };
    let spec = kind.rows().iter().find(|r| r.key == key);
    let mut names: Vec<String> = spec
        .into_iter()
        .flat_map(|r| {
            std::iter::once(forms::normalise(r.label))
                .chain(r.aliases.iter().map(|a| (*a).to_owned()))
        })
        .collect();
    names.sort_by_key(|n| n.chars().count());
    let row = names
        .into_iter()
        .find(|n| kind.row(n).is_some_and(|r| r.key == key))
        .unwrap_or_default();
    format!("{form}/{row}/{column}")
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::office::import::figures::extract;

    /// The forms of a small year: 7 requests received (6 from people, 1 from a law firm), 4
    /// granted, 2 carried forward; 3 reconsiderations (1 upheld, 2 corrected), 1 lawsuit after
    /// one.
    fn forms() -> Vec<PrintedForm> {
        let requests = [
            ("new", [6, 0, 0, 0, 1, 0, 7]),
            ("granted", [3, 0, 0, 0, 1, 0, 4]),
            ("total", [5, 0, 0, 0, 0, 0, 5]),
            ("carried_forward", [1, 0, 0, 0, 1, 0, 2]),
        ];
        let reviews = [
            ("reconsideration", [1, 2, 0, 0, 3]),
            ("lawsuit_direct", [0, 0, 0, 0, 0]),
            ("lawsuit_after_reconsideration", [1, 0, 0, 0, 1]),
        ];
        let row = |kind: FormKind, key: &str| kind.rows().iter().find(|r| r.key == key).unwrap();
        vec![
            PrintedForm {
                kind: FormKind::Requests,
                rows: requests
                    .iter()
                    .map(|(k, v)| (row(FormKind::Requests, k), v.to_vec()))
                    .collect(),
            },
            PrintedForm {
                kind: FormKind::Reviews,
                rows: reviews
                    .iter()
                    .map(|(k, v)| (row(FormKind::Reviews, k), v.to_vec()))
                    .collect(),
            },
        ]
    }

    fn text(sentence: &str) -> String {
        extract(sentence, "依申请公开", &mut HashSet::new(), &forms()).text
    }

    #[test]
    fn numbers_whose_words_name_a_cell_become_the_cell() {
        let cases = [
            (
                "共收到信息公开申请7件，其中自然人6件，予以公开4件。",
                "共收到信息公开申请{申请表/新收/总计}件，其中自然人{申请表/新收/自然人}件，予以公开{申请表/予以公开/总计}件。",
            ),
            (
                "答复申请5件，另有2件结转下年度继续办理。",
                "答复申请{申请表/总计/总计}件，另有{申请表/结转下年/总计}件结转下年度继续办理。",
            ),
            // A total and its parts, every one a cell.
            (
                "发生行政复议3件，其中维持1件、纠正2件；复议后起诉1件。",
                "发生行政复议{复议诉讼表/行政复议/总计}件，其中维持{复议诉讼表/行政复议/结果维持}件、纠正{复议诉讼表/行政复议/结果纠正}件；复议后起诉{复议诉讼表/复议后起诉/总计}件。",
            ),
            (
                "收到信息公开申请 7 件",
                "收到信息公开申请 {申请表/新收/总计} 件",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(text(sentence), expected, "{sentence}");
        }
    }

    #[test]
    fn numbers_no_words_name_one_cell_of_stay_counts() {
        for sentence in [
            // 行政诉讼 is two rows; the number is their sum, whichever cell holds it.
            "行政诉讼1件。",
            // Not a request, and not the form's number.
            "收到意见建议7件。",
            "共收到信息公开申请8件。",
            "共收到信息公开申请约7件。",
            // Words that name no row or column (7 is the 新收 total, but 涉及 does not say so).
            "共收到信息公开申请8件，涉及7个部门。",
            // Parts that are no cells keep their total a count too.
            "共收到信息公开申请7件，其中网上申请5件、信函申请2件。",
            // Two rows named.
            "予以公开和部分公开申请4件。",
        ] {
            let e = extract(sentence, "依申请公开", &mut HashSet::new(), &forms());
            assert!(!e.text.contains("表/"), "{sentence} → {}", e.text);
            assert_eq!(
                e.counts.len(),
                crate::office::import::figures::spans(sentence).len(),
                "{sentence} → {}",
                e.text
            );
        }
    }

    #[test]
    fn every_row_has_a_name_that_means_it() {
        for kind in [FormKind::Requests, FormKind::Reviews] {
            for row in kind.rows() {
                let name = reference(kind, row.key, "总计");
                let cell = forms::cell_name(&name).unwrap();
                assert_eq!(cell.kind, kind);
                assert_eq!(kind.row(cell.row).map(|r| r.key), Some(row.key), "{name}");
            }
        }
        assert_eq!(
            reference(FormKind::Requests, "new", "总计"),
            "申请表/新收/总计"
        );
    }
}
