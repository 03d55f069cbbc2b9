//! The channel figures (one numbered paragraph per channel group, its figures turned into
//! sentences) and the key areas (one numbered paragraph per area, the departments' texts in
//! order), in whichever part holds them.
//!
//! A part that holds both gives each a sub-heading, （一）信息公开渠道和数据 and （二）重点领域公开情况
//! (numbered after the part's own points), with the paragraphs under it numbered 1. 2. …; a part
//! that holds one of them numbers its paragraphs as it numbers its points, unless the year names
//! a sub-heading for it.

use super::{Composer, end_sentence, lead, placeholder, push_led};
use crate::compose::report::Block;
use crate::model::outline::{self, Content, PartSpec};

/// The numbering of paragraphs under a sub-heading.
const UNDER_SUBHEADING: &str = "{1}. ";
/// The numbering of sub-headings.
const SUBHEADING: &str = "（{一}）";

/// Adds the sub-heading of `content` if the part has one, and returns the numbering of the
/// paragraphs that follow.
fn subheading(
    c: &Composer<'_>,
    spec: &PartSpec,
    content: Content,
    number: &mut usize,
    blocks: &mut Vec<Block>,
) -> String {
    let own = c
        .facts
        .parts
        .get(&spec.key)
        .and_then(|t| t.subheadings.get(content.name()))
        .map(|h| h.value.clone());
    // Two sub-headings when the part has both to show.
    let both = spec.holds(Content::Channels)
        && spec.holds(Content::Areas)
        && !c.facts.channels.is_empty()
        && !c.facts.areas.is_empty();
    let text = own.or_else(|| {
        both.then(|| {
            c.facts
                .outline
                .subheading(content)
                .unwrap_or_default()
                .to_owned()
        })
    });
    match text {
        Some(text) => {
            *number += 1;
            blocks.push(Block::Heading {
                number: outline::numbered(SUBHEADING, *number),
                text,
            });
            UNDER_SUBHEADING.to_owned()
        }
        None => spec.points.clone(),
    }
}

/// The channel groups: one numbered paragraph each.
pub(super) fn channels(
    c: &Composer<'_>,
    spec: &PartSpec,
    number: &mut usize,
    blocks: &mut Vec<Block>,
) {
    let facts = c.facts;
    if facts.channels.is_empty() {
        return;
    }
    let numbering = subheading(c, spec, Content::Channels, number, blocks);
    let mut item = if numbering == spec.points { *number } else { 0 };
    for (group, placed) in facts.channels.iter().zip(&c.placement.groups) {
        let mut pieces: Vec<String> = Vec::new();
        // The channel of the last piece, when it is a default sentence another figure of the
        // same channel can continue.
        let mut open: Option<&str> = None;
        for selector in &group.figures {
            let s = &selector.value;
            for (department, figure) in placed
                .iter()
                .filter(|(_, f)| s.matches(&f.channel.value, &f.item.value))
            {
                // Each figure once, under the first selector that names it.
                if !first_selector(group, selector, figure) {
                    continue;
                }
                let channel = figure.channel.value.as_str();
                match (c.continuation(department, figure), pieces.last_mut()) {
                    (Some(more), Some(last)) if open == Some(channel) => {
                        last.push('、');
                        last.push_str(&more);
                    }
                    (more, _) => {
                        pieces.push(c.sentence(department, figure, false));
                        open = more.map(|_| channel);
                    }
                }
            }
            // A placeholder where the selector names nothing submitted (D308); one whose
            // figures another selector printed already is not missing anything.
            if c.draft && c.placement.empty.iter().any(|e| std::ptr::eq(*e, selector)) {
                pieces.push(placeholder(&selector.value.to_string()));
                open = None;
            }
        }
        if let Some(then) = &group.then {
            pieces.push(c.narrative(&then.text));
        }
        let mut body = pieces.join(&group.join);
        end_sentence(&mut body);
        for after in &group.after {
            body.push_str(&c.narrative(&after.text));
        }
        item += 1;
        let title = lead(&outline::numbered(&numbering, item), &group.title.value);
        blocks.push(Block::Paragraph {
            lead: Some(title),
            text: body,
        });
    }
    if numbering == spec.points {
        *number = item;
    }
}

/// Whether `selector` is the first of its group to name `figure` (placement put the figure in
/// this group under the first selector naming it).
fn first_selector(
    group: &crate::model::facts::ChannelGroup,
    selector: &crate::model::location::Located<crate::model::facts::Selector>,
    figure: &crate::model::submission::Figure,
) -> bool {
    group
        .figures
        .iter()
        .find(|s| s.value.matches(&figure.channel.value, &figure.item.value))
        .is_some_and(|first| std::ptr::eq(first, selector))
}

/// The key areas: one numbered paragraph (or several) each.
pub(super) fn areas(
    c: &Composer<'_>,
    spec: &PartSpec,
    number: &mut usize,
    blocks: &mut Vec<Block>,
) {
    let facts = c.facts;
    if facts.areas.is_empty() {
        return;
    }
    let numbering = subheading(c, spec, Content::Areas, number, blocks);
    let mut item = if numbering == spec.points { *number } else { 0 };
    for area in &facts.areas {
        let mut paragraphs: Vec<String> = area
            .paragraphs
            .iter()
            .map(|p| c.narrative(&p.text))
            .collect();
        let texts = c.subs.departments.iter().flat_map(|d| &d.texts);
        for text in texts.filter(|t| t.area.value == area.key.value) {
            paragraphs.extend(text.paragraphs.iter().map(|p| c.narrative(&p.text)));
        }
        if paragraphs.is_empty() {
            paragraphs.push(placeholder(&area.title.value));
        }
        item += 1;
        let title = lead(&outline::numbered(&numbering, item), &area.title.value);
        push_led(blocks, title, paragraphs.into_iter());
    }
    if numbering == spec.points {
        *number = item;
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
            "办公系统发布通知公告126条、校级公文188份；校报发布《示例报》20期。"
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
            "办公系统发布通知公告126条、校级公文188份；【待补充：校报】。"
        );
    }

    #[test]
    fn a_figure_with_its_own_phrase_starts_its_own_sentence() {
        let text = channels_paragraph(
            GROUP,
            "渠道,类别,数量,单位,措辞\n办公系统,通知公告,126,条,\n办公系统,校级公文,188,份,同时印发{类别}{数量}\n",
        );
        assert_eq!(text, "办公系统发布通知公告126条；同时印发校级公文188份。");
    }
}
