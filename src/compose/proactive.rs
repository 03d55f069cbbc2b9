//! Part 二 (主动公开情况): (一) one numbered paragraph per channel group, its figures turned into
//! sentences; (二) one numbered paragraph per key area, the departments' texts in order.

use super::{
    continuation, end_sentence, lead, narrative, numbered, placeholder, push_led, sentence,
};
use crate::compose::report::Block;
use crate::model::facts::PartText;
use crate::model::outline::Numbering;
use crate::model::placement::Placement;
use crate::model::submission::Submissions;

/// Adds the channel and area sub-parts to `blocks`; `number` is the last sub-part number used.
pub(super) fn compose(
    subs: &Submissions,
    placement: &Placement<'_>,
    text: Option<&PartText>,
    number: &mut usize,
    draft: bool,
    blocks: &mut Vec<Block>,
) {
    let facts = &subs.facts;
    let sub = |key: &str| {
        text.and_then(|t| t.subheadings.get(key))
            .map(|h| h.value.clone())
            .or_else(|| facts.outline.subheading(key).map(str::to_owned))
            .unwrap_or_default()
    };
    if !facts.channels.is_empty() {
        *number += 1;
        blocks.push(Block::Heading {
            number: numbered(Numbering::Parenthesised, *number),
            text: sub("channels"),
        });
        for (i, (group, placed)) in facts.channels.iter().zip(&placement.groups).enumerate() {
            let mut pieces: Vec<String> = Vec::new();
            let mut printed = vec![false; placed.len()];
            // The channel of the last piece, when it is a default sentence another figure of
            // the same channel can continue.
            let mut open: Option<&str> = None;
            for selector in &group.figures {
                for (k, (department, figure)) in placed.iter().enumerate() {
                    let s = &selector.value;
                    if !printed[k] && s.matches(&figure.channel.value, &figure.item.value) {
                        printed[k] = true;
                        let channel = figure.channel.value.as_str();
                        match (continuation(subs, department, figure), pieces.last_mut()) {
                            (Some(more), Some(last)) if open == Some(channel) => {
                                last.push('、');
                                last.push_str(&more);
                            }
                            (more, _) => {
                                pieces.push(sentence(subs, department, figure));
                                open = more.map(|_| channel);
                            }
                        }
                    }
                }
                // A placeholder where the selector names nothing submitted (D308); one whose
                // figures another selector printed already is not missing anything.
                if draft && placement.empty.iter().any(|e| std::ptr::eq(*e, selector)) {
                    pieces.push(placeholder(&selector.value.to_string()));
                    open = None;
                }
            }
            if let Some(then) = &group.then {
                pieces.push(narrative(subs, &then.text));
            }
            let mut body = pieces.join(&group.join);
            end_sentence(&mut body);
            for after in &group.after {
                body.push_str(&narrative(subs, &after.text));
            }
            let title = lead(&numbered(Numbering::Arabic, i + 1), &group.title.value);
            blocks.push(Block::Paragraph {
                lead: Some(title),
                text: body,
            });
        }
    }
    if !facts.areas.is_empty() {
        *number += 1;
        blocks.push(Block::Heading {
            number: numbered(Numbering::Parenthesised, *number),
            text: sub("areas"),
        });
        for (i, area) in facts.areas.iter().enumerate() {
            let mut paragraphs: Vec<String> = area
                .paragraphs
                .iter()
                .map(|p| narrative(subs, &p.text))
                .collect();
            let texts = subs.departments.iter().flat_map(|d| &d.texts);
            for text in texts.filter(|t| t.area.value == area.key.value) {
                paragraphs.extend(text.paragraphs.iter().map(|p| narrative(subs, &p.text)));
            }
            if paragraphs.is_empty() {
                paragraphs.push(placeholder(&area.title.value));
            }
            let title = lead(&numbered(Numbering::Arabic, i + 1), &area.title.value);
            push_led(blocks, title, paragraphs.into_iter());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::Year;
    use crate::compose::report::Block;

    /// The text of part 二's first channel paragraph.
    fn channels_paragraph(group: &str, csv: &str) -> String {
        draft_paragraph(group, csv, false)
    }

    /// The same, composed as a draft or not.
    fn draft_paragraph(group: &str, csv: &str, draft: bool) -> String {
        let (subs, _) = Year::new().facts(group).file("党政办公室.csv", csv).load();
        let report = super::super::compose(&subs, draft);
        report
            .parts
            .iter()
            .flat_map(|p| &p.blocks)
            .find_map(|b| match b {
                Block::Paragraph {
                    lead: Some(lead),
                    text,
                } if lead.contains("办公系统") => Some(text.clone()),
                _ => None,
            })
            .expect("the channel paragraph")
    }

    const GROUP: &str =
        "[[channels]]\ntitle = \"通过办公系统公开信息情况\"\nfigures = [\"办公系统\", \"校报\"]\n";

    #[test]
    fn figures_of_one_channel_in_default_sentences_share_one_sentence() {
        let text = channels_paragraph(
            GROUP,
            "渠道,类别,数量,单位\n办公系统,通知公告,126,条\n办公系统,校级公文,188,份\n校报,《示例报》,20,期\n",
        );
        assert_eq!(
            text,
            "办公系统发布通知公告 126 条、校级公文 188 份；校报发布《示例报》20 期。"
        );
    }

    #[test]
    fn a_draft_marks_only_selectors_that_name_nothing() {
        let group = "[[channels]]\ntitle = \"通过办公系统公开信息情况\"\nfigures = [\"办公系统\", \"办公系统/校级公文\", \"校报\"]\n";
        let text = draft_paragraph(
            group,
            "渠道,类别,数量,单位\n办公系统,通知公告,126,条\n办公系统,校级公文,188,份\n",
            true,
        );
        assert_eq!(
            text,
            "办公系统发布通知公告 126 条、校级公文 188 份；【待补充：校报】。"
        );
    }

    #[test]
    fn a_figure_with_its_own_phrase_starts_its_own_sentence() {
        let text = channels_paragraph(
            GROUP,
            "渠道,类别,数量,单位,措辞\n办公系统,通知公告,126,条,\n办公系统,校级公文,188,份,同时印发{类别}{数量}\n",
        );
        assert_eq!(
            text,
            "办公系统发布通知公告 126 条；同时印发校级公文 188 份。"
        );
    }
}
