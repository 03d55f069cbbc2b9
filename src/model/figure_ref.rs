//! What narrative names in braces: figures (`{渠道/类别}`) and the report's own facts
//! (`{统计期间}`).
//!
//! A number that belongs in a paragraph of the narrative (培训 2 次 in 概述) is still a figure:
//! a department submits it as a count, and the paragraph names it, `组织专题培训{培训/专题培训}`,
//! where the report prints it as a phrase's `{数量}` does: `组织专题培训2次`. The number is then
//! checked and compared like any other, and never typed into text (D502). `{渠道/类别:占比}`
//! prints the figure's share of its total, `{渠道/类别:统计期间}` the period it was counted over.
//! A paragraph can also name the statistics period (`{统计期间}`, `{统计起}`, `{统计止}`), the
//! school (`{学校}`), the year (`{学年}`), the institution noun (`{单位}`), and any cell of the
//! State Council forms (`{申请表/新收/总计}`, `{复议诉讼表/行政复议/结果维持}`), so that
//! "依申请公开0件" is the form's number, not a second one typed beside it.
//!
//! [`crate::model::facts::Facts::paragraphs`] lists where the office may write them.
//!
//! Braces holding one `/` with text on both sides name a figure; braces holding one of the
//! names above name that fact; any other brace is printed as written, and `{{` `}}` print one
//! brace each (as in phrases), so `{{2023/2024}}` prints `{2023/2024}`.

use std::ops::Range;

use crate::model::forms::{self, CellName};
use crate::model::paragraph::Paragraph;
use crate::model::submission::Submissions;

/// What a figure reference prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attribute {
    /// The number with qualifier and unit, as `{数量}`.
    Number,
    /// The share of its total, as `{占比}`.
    Share,
    /// The period it was counted over, as `{统计期间}`.
    Period,
}

impl Attribute {
    /// The names after `:`, Chinese and English.
    pub const ALL: &'static [(&'static str, &'static str, Attribute)] = &[
        ("数量", "number", Attribute::Number),
        ("占比", "share", Attribute::Share),
        ("统计期间", "period", Attribute::Period),
    ];

    fn parse(name: &str) -> Option<Attribute> {
        let name = name.trim();
        Attribute::ALL
            .iter()
            .find(|(zh, en, _)| *zh == name || *en == name)
            .map(|(_, _, a)| *a)
    }
}

/// A fact of the report a paragraph can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// `{统计期间}`: 2019年9月1日至2020年8月31日.
    Period,
    /// `{统计起}`: the period's first day.
    PeriodStart,
    /// `{统计止}`: the period's last day.
    PeriodEnd,
    /// `{学校}`: the school's name.
    School,
    /// `{学年}`: the academic year.
    Year,
    /// `{单位}`: the institution noun (学校, 学院).
    Noun,
}

impl Fact {
    /// Every fact, by name.
    pub const ALL: &'static [(&'static str, Fact)] = &[
        ("统计期间", Fact::Period),
        ("统计起", Fact::PeriodStart),
        ("统计止", Fact::PeriodEnd),
        ("学校", Fact::School),
        ("学年", Fact::Year),
        ("单位", Fact::Noun),
    ];

    /// The fact a name in braces means.
    pub fn parse(name: &str) -> Option<Fact> {
        let name = name.trim();
        Fact::ALL.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
    }
}

/// What a pair of braces names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target<'t> {
    /// A submitted figure.
    Figure {
        /// The channel named.
        channel: &'t str,
        /// The item named.
        item: &'t str,
        /// What to print of it; `Err` holds an unknown name after `:`.
        attribute: Result<Attribute, &'t str>,
    },
    /// A fact of the report.
    Fact(Fact),
    /// A cell of a State Council form: `{申请表/新收/总计}`.
    FormCell(CellName<'t>),
}

/// One reference in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRef<'t> {
    /// The bytes of the reference, braces included.
    pub range: Range<usize>,
    /// What it names.
    pub target: Target<'t>,
}

impl<'t> FigureRef<'t> {
    /// The figure named, as `(channel, item)`, if it names one.
    pub fn figure(&self) -> Option<(&'t str, &'t str)> {
        match self.target {
            Target::Figure { channel, item, .. } => Some((channel, item)),
            Target::Fact(_) | Target::FormCell(_) => None,
        }
    }
}

/// The references in `text`, in order. `{{` and `}}` are literal braces, as in phrases.
pub fn find(text: &str) -> Vec<FigureRef<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(['{', '}']).map(|i| from + i) {
        if text[open..].starts_with("{{") || text[open..].starts_with("}}") {
            from = open + 2;
            continue;
        }
        if text[open..].starts_with('}') {
            from = open + 1;
            continue;
        }
        let inner_start = open + 1;
        let Some(close) = text[inner_start..]
            .find(['{', '}'])
            .map(|i| inner_start + i)
        else {
            break;
        };
        if text[close..].starts_with('{') {
            from = close;
            continue;
        }
        if let Some(target) = target(&text[inner_start..close]) {
            found.push(FigureRef {
                range: open..close + 1,
                target,
            });
        }
        from = close + 1;
    }
    found
}

fn target(inner: &str) -> Option<Target<'_>> {
    if let Some(fact) = Fact::parse(inner) {
        return Some(Target::Fact(fact));
    }
    if let Some(cell) = forms::cell_name(inner) {
        return Some(Target::FormCell(cell));
    }
    let mut halves = inner.split('/');
    let (Some(channel), Some(rest), None) = (halves.next(), halves.next(), halves.next()) else {
        return None;
    };
    let (item, attribute) = match rest.split_once([':', '：']) {
        Some((item, name)) => (item, Attribute::parse(name).ok_or(name.trim())),
        None => (rest, Ok(Attribute::Number)),
    };
    let (channel, item) = (channel.trim(), item.trim());
    (!channel.is_empty() && !item.is_empty()).then_some(Target::Figure {
        channel,
        item,
        attribute,
    })
}

/// `text` with every reference replaced by `value(reference)`, and `{{` `}}` by single braces;
/// `join` puts each piece after what is already written (the year's spacing).
pub fn fill(
    text: &str,
    value: impl Fn(&FigureRef<'_>) -> String,
    join: impl Fn(&mut String, &str),
) -> String {
    let unescape = |s: &str| s.replace("{{", "{").replace("}}", "}");
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for reference in find(text) {
        join(&mut out, &unescape(&text[last..reference.range.start]));
        join(&mut out, &value(&reference));
        last = reference.range.end;
    }
    join(&mut out, &unescape(&text[last..]));
    out
}

/// Every paragraph of narrative that may name figures: the office's ([`Facts::paragraphs`])
/// and the departments' texts.
///
/// [`Facts::paragraphs`]: crate::model::facts::Facts::paragraphs
pub fn paragraphs(subs: &Submissions) -> Vec<&Paragraph> {
    let mut all = subs.facts.paragraphs();
    for department in &subs.departments {
        for text in &department.texts {
            all.extend(&text.paragraphs);
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(out: &mut String, next: &str) {
        out.push_str(next);
    }

    #[test]
    fn only_a_channel_and_an_item_make_a_figure_reference() {
        let refs = find("组织培训{培训/专题培训}，发布{ 官方微信 / 信息 }。");
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].figure(), Some(("培训", "专题培训")));
        assert_eq!(refs[1].figure(), Some(("官方微信", "信息")));
        assert_eq!(
            &"组织培训{培训/专题培训}"[refs[0].range.clone()],
            "{培训/专题培训}"
        );
        for plain in [
            "{注}",
            "{a/b/c}",
            "{/信息}",
            "{学校主页/}",
            "{未闭合/项",
            "}{",
        ] {
            assert!(find(plain).is_empty(), "{plain}");
        }
        // A brace opened again before it closes starts over.
        let refs = find("{x{学校主页/信息}");
        assert_eq!(refs.len(), 1);
        assert_eq!(refs[0].figure(), Some(("学校主页", "信息")));
    }

    #[test]
    fn attributes_and_facts() {
        let refs = find("占{信息网/招标:占比}，{统计期间}，{官方微信/推文：统计期间}，{a/b:站比}");
        let targets: Vec<&Target<'_>> = refs.iter().map(|r| &r.target).collect();
        assert_eq!(
            targets,
            [
                &Target::Figure {
                    channel: "信息网",
                    item: "招标",
                    attribute: Ok(Attribute::Share)
                },
                &Target::Fact(Fact::Period),
                &Target::Figure {
                    channel: "官方微信",
                    item: "推文",
                    attribute: Ok(Attribute::Period)
                },
                &Target::Figure {
                    channel: "a",
                    item: "b",
                    attribute: Err("站比")
                },
            ]
        );
    }

    #[test]
    fn references_are_replaced_and_braces_unescaped() {
        let text = fill(
            "组织专题培训{培训/专题培训}，效果良好。",
            |r| {
                assert_eq!(r.figure(), Some(("培训", "专题培训")));
                "2次".to_owned()
            },
            plain,
        );
        assert_eq!(text, "组织专题培训2次，效果良好。");
        assert_eq!(fill("无引用{注}", |_| unreachable!(), plain), "无引用{注}");
        assert_eq!(
            fill(
                "另见{{2023/2024}}学年，{{学校主页/信息}}",
                |_| unreachable!(),
                plain
            ),
            "另见{2023/2024}学年，{学校主页/信息}"
        );
        assert!(find("{{培训/专题培训}}").is_empty());
        assert_eq!(find("{{注}}{培训/专题培训}").len(), 1);
    }
}
