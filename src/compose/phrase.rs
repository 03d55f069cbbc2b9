//! Phrases: the sentences that carry the report's numbers.
//!
//! The office decides the wording ("学校印发《辽宁科技大学报》{数量}，报道学校重要新闻、会议、活动"),
//! the tool fills in the number. A phrase is text with slots in braces:
//!
//! | slot | English | filled with |
//! |---|---|---|
//! | `{数量}` | `{number}` | the figure with qualifier and unit: `约 3600 条` |
//! | `{分项}` | `{parts}` | the breakdown: `要闻 884 条，校园动态 515 条` |
//! | `{渠道}` | `{channel}` | the channel |
//! | `{类别}` | `{item}` | the item |
//!
//! `{{` and `}}` are literal braces. A figure without a phrase gets a default sentence.
//!
//! Spacing follows the published reports: a space between Chinese text and a number
//! (`发布 436 条`), none after punctuation (`《辽宁科技大学报》17 期`).

use crate::model::chinese::append_spaced;
use crate::model::submission::Qualifier;
use crate::read::phrase::{Piece, Slot, parse};

/// The default sentence for a figure with parts.
pub const DEFAULT_WITH_PARTS: &str = "{渠道}共发布{类别}{数量}，包括{分项}";
/// The default sentence for a figure without parts.
pub const DEFAULT: &str = "{渠道}发布{类别}{数量}";
/// The default text of one part inside `{分项}`.
pub const DEFAULT_PART: &str = "{类别}{数量}";

/// The values a phrase's slots are filled with.
#[derive(Debug, Default)]
pub struct Values<'a> {
    /// `{数量}`: the figure, from [`figure_text`] (or a placeholder).
    pub number: &'a str,
    /// `{分项}`: the breakdown.
    pub parts: &'a str,
    /// `{渠道}`.
    pub channel: &'a str,
    /// `{类别}`.
    pub item: &'a str,
}

/// Fills a phrase's slots. An invalid phrase (reported when it was read) is printed as written.
pub fn fill(template: &str, values: &Values<'_>) -> String {
    let Ok(pieces) = parse(template) else {
        return template.to_owned();
    };
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(t) => append_spaced(&mut out, &t),
            Piece::Slot(slot) => {
                let value = match slot {
                    Slot::Number => values.number,
                    Slot::Parts => values.parts,
                    Slot::Channel => values.channel,
                    Slot::Item => values.item,
                };
                append_spaced(&mut out, value);
            }
        }
    }
    out
}

/// A figure as printed: `1481 条`, `约 3600 条`, `2500 余件`, `1万余条`.
pub fn figure_text(number: &str, unit: &str, qualifier: Option<Qualifier>) -> String {
    let mut out = String::new();
    if let Some(q) = qualifier.filter(|q| q.is_prefix()) {
        out.push_str(q.as_str());
    }
    append_spaced(&mut out, number);
    let mut tail = String::new();
    if let Some(q) = qualifier.filter(|q| !q.is_prefix()) {
        tail.push_str(q.as_str());
    }
    tail.push_str(unit);
    append_spaced(&mut out, &tail);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values<'a>(number: &'a str, parts: &'a str) -> Values<'a> {
        Values {
            number,
            parts,
            channel: "学校主页",
            item: "信息",
        }
    }

    #[test]
    fn default_sentences_read_like_the_published_report() {
        let number = figure_text("1481", "条", None);
        let parts = "要闻 884 条，校园动态 515 条，通知公告 82 条";
        assert_eq!(
            fill(DEFAULT_WITH_PARTS, &values(&number, parts)),
            "学校主页共发布信息 1481 条，包括要闻 884 条，校园动态 515 条，通知公告 82 条"
        );
        assert_eq!(
            fill(DEFAULT, &values(&number, "")),
            "学校主页发布信息 1481 条"
        );
    }

    #[test]
    fn phrases_place_the_number_where_the_office_wants_it() {
        let number = figure_text("17", "期", None);
        assert_eq!(
            fill(
                "学校印发《辽宁科技大学报》{数量}，报道学校重要新闻、会议、活动",
                &values(&number, "")
            ),
            "学校印发《辽宁科技大学报》17 期，报道学校重要新闻、会议、活动"
        );
        assert_eq!(fill("{{{number}}}", &values("5 次", "")), "{5 次}");
    }

    #[test]
    fn qualifiers_sit_where_chinese_puts_them() {
        assert_eq!(
            figure_text("3600", "条", Some(Qualifier::About)),
            "约 3600 条"
        );
        assert_eq!(
            figure_text("2500", "件", Some(Qualifier::Over)),
            "2500 余件"
        );
        assert_eq!(figure_text("1万", "条", Some(Qualifier::Over)), "1万余条");
        assert_eq!(
            figure_text("300", "人次", Some(Qualifier::Nearly)),
            "近 300 人次"
        );
        assert_eq!(
            fill(
                "官方微博发布{数量}",
                &values(&figure_text("3600", "条", Some(Qualifier::About)), "")
            ),
            "官方微博发布约 3600 条"
        );
    }
}
