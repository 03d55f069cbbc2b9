//! Figures into words: a figure's number as printed, its sentence (its phrase or the year's
//! default, with `{数量}`, `{分项}`, `{占比}`… filled in), and narrative that names figures and
//! facts in braces.
//!
//! | slot | English | filled with |
//! |---|---|---|
//! | `{数量}` | `{number}` | the figure with qualifier and unit: `约3600条` |
//! | `{分项}` | `{parts}` | the breakdown: `要闻884条、校园动态515条` |
//! | `{渠道}` | `{channel}` | the channel |
//! | `{类别}` | `{item}` | the item |
//! | `{占比}` | `{share}` | a part's share of its total: `14.6%` |
//! | `{统计期间}` | `{period}` | the period the figure was counted over |
//! | `{学年}`, `{学校}`, `{单位}` | `{year}`, `{school}`, `{noun}` | the report's year, school, institution noun |

use super::{Composer, placeholder};
use crate::model::figure_ref::{self, Attribute, Fact, FigureRef, Target};
use crate::model::phrase::{Phrase, Piece, Slot};
use crate::model::submission::{Department, Figure, Number};

/// What a phrase's slots are filled with.
struct Values<'a> {
    number: &'a str,
    parts: &'a str,
    channel: &'a str,
    item: &'a str,
    share: &'a str,
    period: &'a str,
}

impl Composer<'_> {
    /// A figure's number as printed, or a placeholder.
    pub(super) fn figure_text(&self, department: &Department, figure: &Figure) -> String {
        let number = match &figure.number {
            Number::Given(count) => Some(count.value.text.clone()),
            Number::FromEvents(_) => department.value_of(figure).map(|v| v.to_string()),
            Number::Missing => None,
        };
        match number {
            Some(number) => self.spell.figure(
                &number,
                &figure.unit.value,
                figure.qualifier.as_ref().map(|q| q.value),
            ),
            None => placeholder(&format!("{} {}", department.name, figure.key())),
        }
    }

    /// A part's share of its total, or a placeholder when there is no total or no number.
    fn share_text(&self, department: &Department, figure: &Figure) -> String {
        let share = self.placement.total_of(figure).and_then(|(d, total)| {
            let part = department.value_of(figure)?;
            self.spell.share(part, d.value_of(total)?)
        });
        share.unwrap_or_else(|| placeholder(&format!("{}的占比", figure.key())))
    }

    /// The period a figure was counted over: its own window, or the report's.
    fn period_text(&self, figure: &Figure) -> String {
        figure.window.as_ref().map_or_else(
            || self.spell.period(&self.facts.period),
            |w| w.value.text.clone(),
        )
    }

    /// The sentence for a figure, its parts included when its sentence prints `{分项}`.
    pub(super) fn sentence(
        &self,
        department: &Department,
        figure: &Figure,
        is_part: bool,
    ) -> String {
        let phrases = &self.facts.phrases;
        let parts = self.placement.parts_of(figure);
        let phrase = figure.phrase.as_ref().map_or_else(
            || match (is_part, parts.is_empty()) {
                (true, _) => &phrases.part,
                (false, true) => &phrases.figure,
                (false, false) => &phrases.total,
            },
            |p| &p.value,
        );
        let breakdown = if phrase.has(Slot::Parts) {
            let join = figure
                .join
                .as_ref()
                .map_or(self.facts.typography.breakdown.as_str(), |j| {
                    j.value.as_str()
                });
            let sentences: Vec<String> = parts
                .iter()
                .map(|(d, part)| self.sentence(d, part, true))
                .collect();
            sentences.join(join)
        } else {
            String::new()
        };
        let number = self.figure_text(department, figure);
        let share = if phrase.has(Slot::Share) {
            self.share_text(department, figure)
        } else {
            String::new()
        };
        let period = if phrase.has(Slot::Period) {
            self.period_text(figure)
        } else {
            String::new()
        };
        self.fill(
            phrase,
            &Values {
                number: &number,
                parts: &breakdown,
                channel: &figure.channel.value,
                item: &figure.item.value,
                share: &share,
                period: &period,
            },
        )
    }

    /// A figure in the year's default sentence and without parts, as the continuation of the
    /// sentence before it when that one is of the same channel: "校级公文188份" after
    /// "办公系统发布通知公告126条" reads "办公系统发布通知公告126条、校级公文188份". Only with the
    /// built-in default sentence, whose shape this knows.
    pub(super) fn continuation(&self, department: &Department, figure: &Figure) -> Option<String> {
        if !self.builtin_figure
            || figure.phrase.is_some()
            || !self.placement.parts_of(figure).is_empty()
        {
            return None;
        }
        let number = self.figure_text(department, figure);
        Some(
            self.spell
                .concat([figure.item.value.as_str(), number.as_str()]),
        )
    }

    /// Fills a phrase's slots.
    fn fill(&self, phrase: &Phrase, values: &Values<'_>) -> String {
        let year = self.facts.year.value.to_string();
        let mut out = String::new();
        for piece in &phrase.pieces {
            let value = match piece {
                Piece::Text(t) => t.as_str(),
                Piece::Slot(Slot::Number) => values.number,
                Piece::Slot(Slot::Parts) => values.parts,
                Piece::Slot(Slot::Channel) => values.channel,
                Piece::Slot(Slot::Item) => values.item,
                Piece::Slot(Slot::Share) => values.share,
                Piece::Slot(Slot::Period) => values.period,
                Piece::Slot(Slot::Year) => year.as_str(),
                Piece::Slot(Slot::School) => self.facts.school.value.as_str(),
                Piece::Slot(Slot::Noun) => self.facts.typography.noun.as_str(),
            };
            self.spell.join(&mut out, value);
        }
        out
    }

    /// A paragraph of narrative with the figures and facts it names printed; a figure nobody
    /// submitted (D110) is a placeholder.
    pub(super) fn narrative(&self, text: &str) -> String {
        figure_ref::fill(
            text,
            |r| self.reference(r),
            |out, next| self.spell.join(out, next),
        )
    }

    fn reference(&self, r: &FigureRef<'_>) -> String {
        let facts = self.facts;
        match &r.target {
            Target::Fact(fact) => match fact {
                Fact::Period => self.spell.period(&facts.period),
                Fact::PeriodStart => self.spell.date(facts.period.start),
                Fact::PeriodEnd => self.spell.date(facts.period.end),
                Fact::School => facts.school.value.clone(),
                Fact::Year => facts.year.value.to_string(),
                Fact::Noun => facts.typography.noun.clone(),
            },
            Target::FormCell(name) => self
                .subs
                .departments
                .iter()
                .flat_map(|d| &d.forms)
                .find(|f| f.kind == name.kind)
                .and_then(|f| f.cell(name).ok())
                .map_or_else(
                    || {
                        placeholder(&format!(
                            "{}/{}/{}",
                            name.kind.name(),
                            name.row,
                            name.column
                        ))
                    },
                    |v| self.spell.digits(&v.value.to_string()),
                ),
            Target::Figure {
                channel,
                item,
                attribute,
            } => match (self.placement.figure(channel, item), attribute) {
                (Some((d, f)), Ok(Attribute::Number)) => self.figure_text(d, f),
                (Some((d, f)), Ok(Attribute::Share)) => self.share_text(d, f),
                (Some((_, f)), Ok(Attribute::Period)) => self.period_text(f),
                _ => placeholder(&format!("{channel}/{item}")),
            },
        }
    }
}
