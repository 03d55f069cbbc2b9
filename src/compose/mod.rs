//! Stage 3, compose: submissions → [`Report`], following the year's outline.
//!
//! This is where numbers become sentences. The outline says which parts the report has, in
//! which order; each part prints the office's text for it, then what it holds: the channel
//! figures and key areas, the requests and complaints sentences, the State Council forms, the
//! checklist table. Where each figure prints was decided once, by placement
//! ([`crate::model::placement`]); how it is spelled is decided once, by [`spell`]. A figure that
//! is missing (only possible in a draft) becomes a visible placeholder, 【待补充：…】, never a
//! silent gap, and a final report with a placeholder or an empty part is refused
//! ([`Report::unfinished`]).

mod checklist;
pub mod compare;
pub mod coverage;
mod data;
mod figures;
mod proactive;
pub mod report;
mod requests;
pub mod spell;
mod tables;

use crate::model::chinese::chinese_numeral;
use crate::model::facts::{Facts, Point};
use crate::model::outline::{self, ChecklistPlace, Content, PartSpec};
use crate::model::placement::{self, Placement};
use crate::model::submission::Submissions;
use crate::model::typography;
use crate::model::year::chinese_date;

pub use self::checklist::where_published;
use self::report::{Block, Data, Part, Report, Signature};
use self::spell::Spelling;

/// What composing one year needs at hand: the submissions, where each figure goes, and how
/// figures are spelled.
pub(crate) struct Composer<'s> {
    subs: &'s Submissions,
    facts: &'s Facts,
    placement: Placement<'s>,
    spell: Spelling<'s>,
    draft: bool,
    /// Whether the year's default sentence of a figure is the built-in one, which a figure of the
    /// same channel can continue.
    builtin_figure: bool,
}

impl<'s> Composer<'s> {
    fn new(subs: &'s Submissions, draft: bool) -> Self {
        Composer {
            subs,
            facts: &subs.facts,
            placement: placement::place(subs),
            spell: Spelling::new(&subs.facts.typography),
            draft,
            builtin_figure: crate::read::phrase::read(typography::FIGURE)
                .is_ok_and(|p| p.pieces == subs.facts.phrases.figure.pieces),
        }
    }
}

/// Builds the report document for a year.
pub fn compose(subs: &Submissions, draft: bool) -> Report {
    let c = Composer::new(subs, draft);
    let facts = &subs.facts;
    let outline = &facts.outline;
    let data = data::collect(&c);
    let parts = outline
        .parts
        .iter()
        .enumerate()
        .map(|(i, spec)| Part {
            key: spec.key.clone(),
            number: chinese_numeral(i + 1),
            prefix: outline::numbered(&outline.number, i + 1),
            heading: c.heading(spec),
            blocks: c.blocks(spec, &data),
        })
        .collect();
    let appendix = !outline.holds(Content::Checklist)
        && outline.checklist == ChecklistPlace::Appendix
        && subs.has_disclosures();
    Report {
        school: facts.school.value.clone(),
        year: facts.year.value.to_string(),
        title: c.fill_facts(
            facts.title.as_ref().map_or(&outline.title, |t| &t.value),
            "",
        ),
        draft,
        // `preamble = ""` is a report that opens with its first part.
        preamble: Some(c.preamble())
            .filter(|p| !p.trim().is_empty())
            .into_iter()
            .collect(),
        parts,
        appendix: if appendix {
            vec![checklist::table(&data, "附件：清单事项公开情况表")]
        } else {
            Vec::new()
        },
        signature: Signature {
            signer: facts
                .signed_by
                .as_ref()
                .map_or(&facts.school.value, |s| &s.value)
                .clone(),
            date: facts
                .issued
                .as_ref()
                .map_or_else(|| placeholder("发布日期"), |d| chinese_date(d.value)),
        },
        findings: Vec::new(),
        data,
    }
}

/// The year's numbers as data, without composing the text.
pub fn data(subs: &Submissions) -> Data {
    data::collect(&Composer::new(subs, false))
}

/// The visible mark of a missing piece in a draft.
pub fn placeholder(what: &str) -> String {
    format!("【待补充：{what}】")
}

impl Composer<'_> {
    /// A part's heading: the year's `[parts.<key>] heading`, else the outline's, with `{单位}`
    /// filled in.
    fn heading(&self, spec: &PartSpec) -> String {
        let heading = self
            .facts
            .parts
            .get(&spec.key)
            .and_then(|t| t.heading.as_ref())
            .map_or(spec.heading.as_str(), |h| h.value.as_str());
        heading.replace("{单位}", &self.facts.typography.noun)
    }

    fn preamble(&self) -> String {
        let facts = self.facts;
        let contents: Vec<String> = facts
            .outline
            .parts
            .iter()
            .map(|spec| {
                facts
                    .parts
                    .get(&spec.key)
                    .and_then(|t| t.summary.as_ref())
                    .map_or_else(|| self.heading(spec), |s| s.value.clone())
            })
            .collect();
        let template = facts
            .preamble
            .as_ref()
            .map_or(&facts.outline.preamble, |p| &p.value);
        self.fill_facts(template, &contents.join(&facts.outline.contents))
    }

    /// A title or preamble with the report's facts filled in.
    fn fill_facts(&self, template: &str, contents: &str) -> String {
        let facts = self.facts;
        template
            .replace("{学校}", &facts.school.value)
            .replace("{学年}", &facts.year.value.to_string())
            .replace("{内容}", contents)
            .replace("{部分数}", &chinese_numeral(facts.outline.parts.len()))
            .replace("{部分数字}", &facts.outline.parts.len().to_string())
            .replace("{统计期间}", &self.spell.period(&facts.period))
            .replace("{统计起}", &chinese_date(facts.period.start))
            .replace("{统计止}", &chinese_date(facts.period.end))
            .replace("{单位}", &facts.typography.noun)
    }

    fn blocks(&self, spec: &PartSpec, data: &Data) -> Vec<Block> {
        let text = self.facts.parts.get(&spec.key);
        let mut blocks: Vec<Block> = text
            .map(|t| {
                t.paragraphs
                    .iter()
                    .map(|p| plain(self.narrative(&p.text)))
                    .collect()
            })
            .unwrap_or_default();
        let points: &[Point] = text.map_or(&[], |t| t.points.as_slice());
        let mut number = 0;
        for point in points {
            number += 1;
            let numbered = outline::numbered(&spec.points, number);
            let paragraphs = point.paragraphs.iter().map(|p| self.narrative(&p.text));
            if point.heading {
                blocks.push(Block::Heading {
                    number: numbered,
                    text: point.title.value.trim().to_owned(),
                });
                blocks.extend(paragraphs.map(plain));
            } else {
                push_led(&mut blocks, lead(&numbered, &point.title.value), paragraphs);
            }
        }
        for content in &spec.holds {
            match content {
                Content::Channels => proactive::channels(self, spec, &mut number, &mut blocks),
                Content::Areas => proactive::areas(self, spec, &mut number, &mut blocks),
                Content::Requests => continue_with(&mut blocks, self.requests_sentence()),
                Content::Complaints => continue_with(&mut blocks, self.complaints_sentence()),
                Content::RequestsForm => tables::requests(self, &mut blocks),
                Content::ReviewsForm => tables::reviews(self, &mut blocks),
                Content::Checklist => {
                    // The table under its own name, as the Ministry's notices call it, not a
                    // second copy of the part's heading.
                    blocks.push(Block::Table(checklist::table(data, "清单事项公开情况表")));
                }
            }
        }
        if self.draft && blocks.is_empty() {
            blocks.push(plain(placeholder(&self.heading(spec))));
        }
        blocks
    }
}

fn plain(text: String) -> Block {
    Block::Paragraph { lead: None, text }
}

/// Adds paragraphs, the first opening with `lead`.
fn push_led(blocks: &mut Vec<Block>, lead: String, paragraphs: impl Iterator<Item = String>) {
    let mut lead = Some(lead);
    for text in paragraphs {
        blocks.push(Block::Paragraph {
            lead: lead.take(),
            text,
        });
    }
    if let Some(lead) = lead {
        blocks.push(Block::Paragraph {
            lead: Some(lead),
            text: String::new(),
        });
    }
}

/// Appends a generated sentence to the part's last plain paragraph, or as a paragraph of its own.
fn continue_with(blocks: &mut Vec<Block>, sentence: String) {
    if let Some(Block::Paragraph { lead: None, text }) = blocks.last_mut() {
        text.push_str(&sentence);
    } else {
        blocks.push(plain(sentence));
    }
}

/// A run-in title with its number and a full stop.
fn lead(number: &str, title: &str) -> String {
    let mut lead = format!("{number}{}", title.trim());
    end_sentence(&mut lead);
    lead
}

/// Adds `。` unless the text already ends a sentence (or is empty).
fn end_sentence(text: &mut String) {
    if let Some(last) = text.chars().last()
        && !matches!(last, '。' | '！' | '？' | '：' | '；' | '…')
    {
        text.push('。');
    }
}
