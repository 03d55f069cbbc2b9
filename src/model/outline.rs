//! Report outlines: which parts a report has, in what order, with what headings, and what each
//! part holds.
//!
//! An outline is data. A year's report.toml either names a preset (`outline = "ministry"`) or
//! declares its own parts in an `[outline]` table, starting from a preset and changing what
//! differs (docs/report-toml.md). The presets are TOML files compiled into the binary
//! (`src/model/outlines/*.toml`, printed by `disclose outline ID`) and read by the same code as a
//! year's own declaration ([`crate::read`]), so a preset is exactly what an office could have
//! written. [`crate::compose`] walks the parts in order and composes what each holds.

/// Something a part holds, after the office's own text for it (which every part may have).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Content {
    /// The channel figures: one numbered paragraph per `[[channels]]` group.
    Channels,
    /// The key areas: one numbered paragraph per `[[areas]]` entry, with the departments' texts.
    Areas,
    /// The sentence on disclosure requests (`[requests]`).
    Requests,
    /// The State Council's form of disclosure requests by applicant and outcome.
    RequestsForm,
    /// The State Council's form of administrative reconsiderations and lawsuits.
    ReviewsForm,
    /// The sentence on complaints, reconsiderations and lawsuits (`[complaints]`).
    Complaints,
    /// The checklist table, item by item (清单事项公开情况表).
    Checklist,
}

impl Content {
    /// Every content, with the name report.toml writes in a part's `holds`.
    pub const ALL: &'static [(&'static str, Content)] = &[
        ("channels", Content::Channels),
        ("areas", Content::Areas),
        ("requests", Content::Requests),
        ("requests-form", Content::RequestsForm),
        ("reviews-form", Content::ReviewsForm),
        ("complaints", Content::Complaints),
        ("checklist", Content::Checklist),
    ];

    /// The content a name means.
    pub fn parse(name: &str) -> Option<Content> {
        Content::ALL
            .iter()
            .find(|(n, _)| *n == name.trim())
            .map(|(_, c)| *c)
    }

    /// The name report.toml writes.
    pub fn name(self) -> &'static str {
        Content::ALL
            .iter()
            .find(|(_, c)| *c == self)
            .map_or("", |(n, _)| n)
    }
}

/// One part of an outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartSpec {
    /// The key: `[parts.<key>]` holds the part's text, and JSON, `compare` and templates name the
    /// part by it.
    pub key: String,
    /// The heading, without its number.
    pub heading: String,
    /// What the part holds after its text, in order.
    pub holds: Vec<Content>,
    /// How the part's numbered points are numbered: a pattern such as `（{一}）` or `{1}. `.
    pub points: String,
}

impl PartSpec {
    /// Whether the part holds this content.
    pub fn holds(&self, content: Content) -> bool {
        self.holds.contains(&content)
    }
}

/// Where the checklist table goes when no part holds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChecklistPlace {
    /// After the signature, as the attachment 附件：清单事项公开情况表 (when the year has entries).
    Appendix,
    /// Nowhere: the report does not carry the table (D207 still reports items not accounted for).
    None,
}

/// A report outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    /// The preset it is, or starts from (`seven-part`).
    pub id: String,
    /// A one-line description for `disclose outline` and the docs.
    pub description: String,
    /// The default title; slots `{学校}` and `{学年}`.
    pub title: String,
    /// The default preamble; slots `{学校}`, `{学年}`, `{内容}` (the parts' names),
    /// `{部分数}` (how many parts, in Chinese), `{统计期间}`, `{统计起}`, `{统计止}`.
    pub preamble: String,
    /// How a part's number prints before its heading: `{一}、`.
    pub number: String,
    /// What separates the parts' names in the preamble's `{内容}`.
    pub contents: String,
    /// The parts, in order.
    pub parts: Vec<PartSpec>,
    /// Sub-headings of a part that holds both channels and areas, by content name
    /// (`channels`, `areas`).
    pub subheadings: Vec<(String, String)>,
    /// Where the checklist table goes when no part holds it.
    pub checklist: ChecklistPlace,
}

impl Outline {
    /// The part with this key.
    pub fn part(&self, key: &str) -> Option<&PartSpec> {
        self.parts.iter().find(|p| p.key == key)
    }

    /// The default sub-heading for a content.
    pub fn subheading(&self, content: Content) -> Option<&str> {
        self.subheadings
            .iter()
            .find(|(k, _)| k == content.name())
            .map(|(_, heading)| heading.as_str())
    }

    /// Whether some part holds this content.
    pub fn holds(&self, content: Content) -> bool {
        self.parts.iter().any(|p| p.holds(content))
    }
}

/// A preset as shipped: its id and its TOML text, read like a year's `[outline]` table.
#[derive(Debug)]
pub struct Preset {
    /// The id a year names: `outline = "ministry"`.
    pub id: &'static str,
    /// The TOML text (an `[outline]` table, with comments).
    pub text: &'static str,
}

/// Every preset, the default first.
pub const PRESETS: &[Preset] = &[
    Preset {
        id: "seven-part",
        text: include_str!("outlines/seven-part.toml"),
    },
    Preset {
        id: "ministry",
        text: include_str!("outlines/ministry.toml"),
    },
    Preset {
        id: "state-council",
        text: include_str!("outlines/state-council.toml"),
    },
];

/// The id of the preset a year follows when it names none.
pub const DEFAULT: &str = "seven-part";

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id.trim())
}

/// A part number (or point number) printed by a pattern: `{一}` is the Chinese numeral, `{1}` the
/// Arabic one; `（{一}）` with 3 prints `（三）`, `{1}. ` prints `3. `.
pub fn numbered(pattern: &str, n: usize) -> String {
    pattern
        .replace("{一}", &crate::model::chinese::chinese_numeral(n))
        .replace("{1}", &n.to_string())
}

/// Whether a numbering pattern prints a number at all.
pub fn is_pattern(pattern: &str) -> bool {
    pattern.contains("{一}") || pattern.contains("{1}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_number_parts_and_points() {
        assert_eq!(numbered("{一}、", 7), "七、");
        assert_eq!(numbered("（{一}）", 12), "（十二）");
        assert_eq!(numbered("{1}. ", 3), "3. ");
        assert_eq!(numbered("第{一}部分　", 2), "第二部分　");
        assert!(is_pattern("{1}、") && !is_pattern("一、"));
    }

    #[test]
    fn content_names_round_trip() {
        for (name, content) in Content::ALL {
            assert_eq!(Content::parse(name), Some(*content));
            assert_eq!(content.name(), *name);
        }
        assert_eq!(Content::parse("text"), None);
    }

    #[test]
    fn preset_ids_are_unique_and_found() {
        let mut ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), PRESETS.len());
        assert!(preset(DEFAULT).is_some());
        assert!(preset("nine-part").is_none());
    }
}
