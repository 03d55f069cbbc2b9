//! Where every figure of a year is printed, decided once for composing and checking alike.
//!
//! A channel group of report.toml names figures by channel (`学校主页`: every top-level figure of
//! the channel) or by channel and item (`办公系统/通知公告`). Each top-level figure is placed once,
//! by the first selector that names it, in the order the selectors are written; figures one
//! selector names come in department order, then in the order of their rows. A part of a total
//! (a row with a `parent`) is printed inside its total's sentence when that sentence prints
//! `{分项}`, whatever wrote the sentence (the row's phrase or the year's default). A paragraph
//! that names a figure (`{渠道/类别}`) prints its number alone there.
//!
//! What is printed nowhere is [`Placement::unplaced`], and validate reports each (D307): a figure
//! is never dropped silently, whatever its phrase says or whichever parts the outline has. Figures
//! and their parts are found through indexes, so placing a year is linear in its figures.

use std::collections::{HashMap, HashSet};

use crate::model::facts::Selector;
use crate::model::figure_ref;
use crate::model::location::Located;
use crate::model::outline::Content;
use crate::model::paragraph::Paragraph;
use crate::model::phrase::Slot;
use crate::model::submission::{Department, Figure, Submissions};

/// A placed figure.
pub type Placed<'s> = (&'s Department, &'s Figure);

/// Values by channel, then item.
type Index<'s, V> = HashMap<&'s str, HashMap<&'s str, V>>;

fn lookup<'m, V>(index: &'m Index<'_, V>, channel: &str, item: &str) -> Option<&'m V> {
    index.get(channel)?.get(item)
}

/// The result of placing every figure of a year.
pub struct Placement<'s> {
    /// For each channel group, its top-level figures in order (empty when no part of the outline
    /// holds the channel groups).
    pub groups: Vec<Vec<Placed<'s>>>,
    /// Figures printed nowhere, in department and row order.
    pub unplaced: Vec<Placed<'s>>,
    /// Selectors that name no figure.
    pub empty: Vec<&'s Located<Selector>>,
    /// Each total's parts, in department and row order, by channel and item of the total.
    parts: Index<'s, Vec<Placed<'s>>>,
    /// The first figure of each channel and item.
    by_key: Index<'s, Placed<'s>>,
}

impl<'s> Placement<'s> {
    /// The parts of a total.
    pub fn parts_of(&self, total: &Figure) -> &[Placed<'s>] {
        lookup(&self.parts, &total.channel.value, &total.item.value).map_or(&[], Vec::as_slice)
    }

    /// The (first) figure of a channel and item.
    pub fn figure(&self, channel: &str, item: &str) -> Option<Placed<'s>> {
        lookup(&self.by_key, channel, item).copied()
    }

    /// The total a part belongs to.
    pub fn total_of(&self, part: &Figure) -> Option<Placed<'s>> {
        let parent = part.parent.as_ref()?;
        self.figure(&part.channel.value, &parent.value)
    }
}

/// Whether a figure printed in a sentence prints its parts there: its phrase, or the year's
/// default sentence for it, has `{分项}`. (A part's default is `[phrases] part`; a top-level
/// figure's the total phrase.)
pub fn shows_parts(subs: &Submissions, figure: &Figure, is_part: bool) -> bool {
    let phrases = &subs.facts.phrases;
    match &figure.phrase {
        Some(phrase) => phrase.value.has(Slot::Parts),
        None if is_part => phrases.part.has(Slot::Parts),
        None => phrases.total.has(Slot::Parts),
    }
}

/// The paragraphs of narrative the report prints: every part's text; the channel groups' `then`
/// and `after` when a part holds the channel groups; the key areas' texts when a part holds the
/// key areas.
pub fn printed_paragraphs(subs: &Submissions) -> Vec<&Paragraph> {
    let facts = &subs.facts;
    let mut all: Vec<&Paragraph> = Vec::new();
    for part in facts.parts.values() {
        all.extend(&part.paragraphs);
        for point in &part.points {
            all.extend(&point.paragraphs);
        }
    }
    if facts.outline.holds(Content::Channels) {
        for group in &facts.channels {
            all.extend(group.then.iter().chain(&group.after));
        }
    }
    if facts.outline.holds(Content::Areas) {
        for area in &facts.areas {
            all.extend(&area.paragraphs);
        }
        for department in &subs.departments {
            for text in &department.texts {
                if facts.areas.iter().any(|a| a.key.value == text.area.value) {
                    all.extend(&text.paragraphs);
                }
            }
        }
    }
    all
}

/// Places the year's figures.
pub fn place(subs: &Submissions) -> Placement<'_> {
    let all: Vec<Placed<'_>> = subs.figures().collect();
    let mut by_key: Index<'_, Placed<'_>> = HashMap::new();
    let mut by_channel: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut parts: Index<'_, Vec<Placed<'_>>> = HashMap::new();
    for (i, &(department, figure)) in all.iter().enumerate() {
        let (channel, item) = (figure.channel.value.as_str(), figure.item.value.as_str());
        by_key
            .entry(channel)
            .or_default()
            .entry(item)
            .or_insert((department, figure));
        match &figure.parent {
            None => by_channel.entry(channel).or_default().push(i),
            Some(parent) if parent.value != figure.item.value => parts
                .entry(channel)
                .or_default()
                .entry(parent.value.as_str())
                .or_default()
                .push((department, figure)),
            Some(_) => {}
        }
    }
    // Figures in a sentence of their own (a group's, or a total's breakdown), and figures whose
    // number alone is printed in a paragraph, by index in `all`.
    let mut printed = vec![false; all.len()];
    let mut in_sentence: Vec<usize> = Vec::new();
    let mut groups = Vec::new();
    let mut empty = Vec::new();
    let channels_printed = subs.facts.outline.holds(Content::Channels);
    for group in &subs.facts.channels {
        let mut placed = Vec::new();
        for selector in &group.figures {
            let s = &selector.value;
            let candidates = by_channel
                .get(s.channel.as_str())
                .map_or(&[][..], Vec::as_slice);
            let mut any = false;
            for &i in candidates {
                let (department, figure) = all[i];
                if s.matches(&figure.channel.value, &figure.item.value) {
                    any = true;
                    if channels_printed && !printed[i] {
                        printed[i] = true;
                        in_sentence.push(i);
                        placed.push((department, figure));
                    }
                }
            }
            if !any {
                empty.push(selector);
            }
        }
        groups.push(placed);
    }
    breakdowns(subs, &all, &parts, &mut printed, in_sentence);
    // A figure a printed paragraph names is printed there.
    let named: HashSet<(&str, &str)> = printed_paragraphs(subs)
        .into_iter()
        .flat_map(|p| figure_ref::find(&p.text))
        .filter_map(|r| r.figure())
        .collect();
    for (i, (_, figure)) in all.iter().enumerate() {
        if named.contains(&(figure.channel.value.as_str(), figure.item.value.as_str())) {
            printed[i] = true;
        }
    }
    let unplaced = all
        .iter()
        .zip(&printed)
        .filter(|((_, figure), printed)| {
            // A part of a total nobody submitted is reported as such (D110), not again here.
            let orphan = figure
                .parent
                .as_ref()
                .is_some_and(|p| lookup(&by_key, &figure.channel.value, &p.value).is_none());
            !**printed && !orphan
        })
        .map(|(placed, _)| *placed)
        .collect();
    Placement {
        groups,
        unplaced,
        empty,
        parts,
        by_key,
    }
}

/// Marks as printed the parts of every figure in a sentence that prints `{分项}`, and so on
/// down (a part's own parts, when its sentence prints them).
fn breakdowns<'s>(
    subs: &Submissions,
    all: &[Placed<'s>],
    parts: &Index<'s, Vec<Placed<'s>>>,
    printed: &mut [bool],
    mut in_sentence: Vec<usize>,
) {
    let index: HashMap<*const Figure, usize> = all
        .iter()
        .enumerate()
        .map(|(i, (_, f))| (std::ptr::from_ref::<Figure>(f), i))
        .collect();
    let mut next = 0;
    while next < in_sentence.len() {
        let i = in_sentence[next];
        next += 1;
        let (_, figure) = all[i];
        if !shows_parts(subs, figure, figure.parent.is_some()) {
            continue;
        }
        let own = lookup(parts, &figure.channel.value, &figure.item.value);
        for (_, part) in own.map_or(&[][..], Vec::as_slice) {
            if let Some(&j) = index.get(&std::ptr::from_ref::<Figure>(part))
                && !printed[j]
            {
                printed[j] = true;
                in_sentence.push(j);
            }
        }
    }
}
