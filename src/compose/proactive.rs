//! Part 二 (主动公开情况): (一) one numbered paragraph per channel group, its figures turned into
//! sentences; (二) one numbered paragraph per key area, the departments' texts in order.

use super::placement::Placement;
use super::{end_sentence, lead, numbered, placeholder, push_led, sentence};
use crate::facts::PartText;
use crate::outline::Numbering;
use crate::report::Block;
use crate::submission::Submissions;

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
            for selector in &group.figures {
                let before = pieces.len();
                for (k, (department, figure)) in placed.iter().enumerate() {
                    let s = &selector.value;
                    if !printed[k] && s.matches(&figure.channel.value, &figure.item.value) {
                        printed[k] = true;
                        pieces.push(sentence(subs, department, figure));
                    }
                }
                if draft && pieces.len() == before {
                    pieces.push(placeholder(&selector.value.to_string()));
                }
            }
            if let Some(then) = &group.then {
                pieces.push(then.text.clone());
            }
            let mut body = pieces.join(&group.join);
            end_sentence(&mut body);
            for after in &group.after {
                body.push_str(&after.text);
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
            let mut paragraphs: Vec<String> =
                area.paragraphs.iter().map(|p| p.text.clone()).collect();
            let texts = subs.departments.iter().flat_map(|d| &d.texts);
            for text in texts.filter(|t| t.area.value == area.key.value) {
                paragraphs.extend(text.paragraphs.iter().map(|p| p.text.clone()));
            }
            if paragraphs.is_empty() {
                paragraphs.push(placeholder(&area.title.value));
            }
            let title = lead(&numbered(Numbering::Arabic, i + 1), &area.title.value);
            push_led(blocks, title, paragraphs.into_iter());
        }
    }
}
