//! Figures named inside narrative: `{渠道/类别}`.
//!
//! A number that belongs in a paragraph of the narrative (培训 2 次 in 概述) is still a figure:
//! a department submits it as a count, and the paragraph names it, `组织专题培训{培训/专题培训}`,
//! where the report prints it as a phrase's `{数量}` does: `组织专题培训 2 次`. The number is then
//! checked and compared like any other, and never typed into text (D502).
//!
//! [`crate::model::facts::Facts::paragraphs`] lists where the office may write them.
//!
//! Only braces holding exactly one `/` with text on both sides are references; any other brace
//! in a paragraph is printed as written, and `{{` `}}` print one brace each (as in phrases), so
//! `{{2023/2024}}` prints `{2023/2024}`.

use std::ops::Range;

use crate::model::chinese::append_spaced;
use crate::model::paragraph::Paragraph;
use crate::model::submission::Submissions;

/// One `{渠道/类别}` in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRef<'t> {
    /// The bytes of the reference, braces included.
    pub range: Range<usize>,
    /// The channel named.
    pub channel: &'t str,
    /// The item named.
    pub item: &'t str,
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
        let inner = &text[inner_start..close];
        let mut halves = inner.split('/');
        if let (Some(channel), Some(item), None) = (halves.next(), halves.next(), halves.next()) {
            let (channel, item) = (channel.trim(), item.trim());
            if !channel.is_empty() && !item.is_empty() {
                found.push(FigureRef {
                    range: open..close + 1,
                    channel,
                    item,
                });
            }
        }
        from = close + 1;
    }
    found
}

/// `text` with every reference replaced by `value(reference)`, and `{{` `}}` by single braces.
pub fn fill(text: &str, value: impl Fn(&FigureRef<'_>) -> String) -> String {
    let unescape = |s: &str| s.replace("{{", "{").replace("}}", "}");
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for reference in find(text) {
        append_spaced(&mut out, &unescape(&text[last..reference.range.start]));
        append_spaced(&mut out, &value(&reference));
        last = reference.range.end;
    }
    append_spaced(&mut out, &unescape(&text[last..]));
    out
}

/// Every paragraph of narrative that may name figures: the office's ([`Facts::paragraphs`])
/// and the departments' texts.
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

    #[test]
    fn only_a_channel_and_an_item_make_a_reference() {
        let refs = find("组织培训{培训/专题培训}，发布{ 官方微信 / 信息 }。");
        assert_eq!(refs.len(), 2);
        assert_eq!((refs[0].channel, refs[0].item), ("培训", "专题培训"));
        assert_eq!((refs[1].channel, refs[1].item), ("官方微信", "信息"));
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
        assert_eq!(refs[0].channel, "学校主页");
    }

    #[test]
    fn references_are_replaced_with_spacing_as_in_phrases() {
        let text = fill(
            "组织专题培训{培训/专题培训}，效果良好。",
            |r| {
                assert_eq!(r.item, "专题培训");
                "2 次".to_owned()
            },
        );
        assert_eq!(text, "组织专题培训 2 次，效果良好。");
        assert_eq!(fill("无引用{注}", |_| unreachable!()), "无引用{注}");
        assert_eq!(
            fill(
                "另见{{2023/2024}}学年，{{学校主页/信息}}",
                |_| unreachable!()
            ),
            "另见{2023/2024}学年，{学校主页/信息}"
        );
        assert!(find("{{培训/专题培训}}").is_empty());
        assert_eq!(find("{{注}}{培训/专题培训}").len(), 1);
    }
}
