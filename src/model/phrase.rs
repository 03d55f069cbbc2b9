//! Phrases: the sentences that carry the report's numbers, as text with slots in braces.
//!
//! The office decides the wording ("学校印发《辽宁科技大学报》{数量}，报道学校重要新闻、会议、活动"),
//! the tool fills in the number. A submission's phrase is parsed when it is read
//! ([`crate::read`]); the model keeps the pieces, so placement can tell whether a total's sentence
//! prints its parts, and compose fills the slots. `{{` and `}}` are literal braces.

/// A slot of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// `{数量}`: the figure with qualifier and unit.
    Number,
    /// `{分项}`: the breakdown of a total.
    Parts,
    /// `{渠道}`: the channel.
    Channel,
    /// `{类别}`: the item.
    Item,
    /// `{占比}`: a part's share of its total, in per cent.
    Share,
    /// `{统计期间}`: the period the figure was counted over (its own window, or the report's).
    Period,
    /// `{学年}`: the report's year.
    Year,
    /// `{学校}`: the school.
    School,
    /// `{单位}`: the institution noun.
    Noun,
}

impl Slot {
    /// Every slot: its Chinese and English names.
    pub const ALL: &'static [(&'static str, &'static str, Slot)] = &[
        ("数量", "number", Slot::Number),
        ("分项", "parts", Slot::Parts),
        ("渠道", "channel", Slot::Channel),
        ("类别", "item", Slot::Item),
        ("占比", "share", Slot::Share),
        ("统计期间", "period", Slot::Period),
        ("学年", "year", Slot::Year),
        ("学校", "school", Slot::School),
        ("单位", "noun", Slot::Noun),
    ];

    /// The slot a name in braces means, in Chinese or English.
    pub fn parse(name: &str) -> Option<Slot> {
        let name = name.trim();
        Slot::ALL
            .iter()
            .find(|(zh, en, _)| *zh == name || *en == name)
            .map(|(_, _, slot)| *slot)
    }

    /// The Chinese name, as messages and docs write it: `{数量}`.
    pub fn name(self) -> &'static str {
        Slot::ALL
            .iter()
            .find(|(_, _, s)| *s == self)
            .map_or("", |(zh, _, _)| zh)
    }
}

/// A piece of a parsed phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text (braces unescaped).
    Text(String),
    /// A slot to fill.
    Slot(Slot),
}

/// A parsed phrase.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Phrase {
    /// The phrase as written.
    pub text: String,
    /// Its pieces, in order.
    pub pieces: Vec<Piece>,
}

impl Phrase {
    /// Whether the phrase has this slot.
    pub fn has(&self, slot: Slot) -> bool {
        self.pieces.contains(&Piece::Slot(slot))
    }

    /// A phrase printed as written, for one that could not be parsed (already reported).
    pub fn verbatim(text: &str) -> Phrase {
        Phrase {
            text: text.to_owned(),
            pieces: vec![Piece::Text(text.to_owned())],
        }
    }
}
