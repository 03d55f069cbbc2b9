//! The report's own facts: what the disclosure office writes in a year's `report.toml`.
//!
//! School, academic year, statistics period, issue date and signature; the departments expected
//! to submit; the narrative of each part of the outline; how the figures of part 二 are grouped
//! into sentences; the key areas of part 二 (二); rule levels; and, optionally, another checklist
//! and the university's own web domains.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::model::level::Level;
use crate::model::location::{Located, Location};
use crate::model::outline::{ChecklistPlace, Content, Outline};
use crate::model::paragraph::Paragraph;
use crate::model::phrase::Phrase;
use crate::model::typography::Typography;
use crate::model::year::{AcademicYear, Period};

/// Everything report.toml says.
#[derive(Clone, Debug)]
pub struct Facts {
    /// The report.toml file.
    pub file: Arc<Path>,
    /// The university's name (辽宁科技大学).
    pub school: Located<String>,
    /// The academic year the report covers.
    pub year: Located<AcademicYear>,
    /// The statistics period (by default 1 September – 31 August).
    pub period: Period,
    /// Where the period was written, or report.toml when it is the default.
    pub period_location: Location,
    /// The date the report is issued and signed.
    pub issued: Option<Located<Date>>,
    /// Who signs the report (by default the school).
    pub signed_by: Option<Located<String>>,
    /// The outline the report follows: a preset, or the year's own.
    pub outline: Outline,
    /// How figures are spelled and sentences joined (`[typography]`).
    pub typography: Typography,
    /// The default sentences of figures (`[phrases]`).
    pub phrases: Phrases,
    /// A title replacing the outline's (slots `{学校}`, `{学年}`).
    pub title: Option<Located<String>>,
    /// A preamble replacing the outline's (slots `{学校}`, `{学年}`, `{内容}`).
    pub preamble: Option<Located<String>>,
    /// The departments expected to submit, in the order their texts appear in the report.
    pub departments: Vec<Located<String>>,
    /// Rule levels set by the year (`[rules]`), by rule id.
    pub rules: BTreeMap<String, Located<Level>>,
    /// The university's own web domains, for checking checklist links.
    pub domains: Vec<Located<String>>,
    /// Another checklist file to use instead of the Ministry's, relative to the year folder.
    pub checklist: Option<Located<String>>,
    /// Checklist items assigned to departments (`[owners]`), in file order.
    pub owners: Vec<Owner>,
    /// Checklist items whose printed wording the year replaces (`[checklist_wording]`): item id
    /// and the wording, in file order.
    pub checklist_wording: Vec<(Located<String>, Located<String>)>,
    /// Narrative for each part of the outline, by part key.
    pub parts: BTreeMap<String, PartText>,
    /// How part 二 (一)'s figures are grouped into numbered paragraphs.
    pub channels: Vec<ChannelGroup>,
    /// The key areas of part 二 (二), in order.
    pub areas: Vec<Area>,
}

impl Facts {
    /// Every paragraph of narrative the office writes: the parts' texts and points, the channel
    /// groups' `then` and `after`, the key areas' own texts.
    pub fn paragraphs(&self) -> Vec<&Paragraph> {
        let mut all: Vec<&Paragraph> = Vec::new();
        for part in self.parts.values() {
            all.extend(&part.paragraphs);
            for point in &part.points {
                all.extend(&point.paragraphs);
            }
        }
        for group in &self.channels {
            all.extend(group.then.iter().chain(&group.after));
        }
        for area in &self.areas {
            all.extend(&area.paragraphs);
        }
        all
    }

    /// The rule levels as plain values. A year whose report carries no checklist table
    /// (`[outline] checklist = "none"`, and no part holding `checklist`) still hears of items
    /// nobody accounted for (D207), as a warning unless it says otherwise.
    pub fn levels(&self) -> BTreeMap<String, Level> {
        let mut levels: BTreeMap<String, Level> = self
            .rules
            .iter()
            .map(|(id, level)| (id.clone(), level.value))
            .collect();
        if self.outline.checklist == ChecklistPlace::None && !self.outline.holds(Content::Checklist)
        {
            levels.entry("D207".to_owned()).or_insert(Level::Warning);
        }
        levels
    }
}

/// The year's default sentences of figures, parsed: `[phrases]` over the built-in ones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrases {
    /// A figure without parts: `{渠道}发布{类别}{数量}`.
    pub figure: Phrase,
    /// A total with its parts: `{渠道}共发布{类别}{数量}，其中{分项}`.
    pub total: Phrase,
    /// One part inside `{分项}`: `{类别}{数量}`.
    pub part: Phrase,
    /// The sentence when no request was received or carried over, if not the built-in one.
    pub requests_none: Option<String>,
    /// The sentence when there were no complaints, reconsiderations or lawsuits, if not the
    /// built-in one.
    pub complaints_none: Option<String>,
}

/// The checklist items one department is responsible for.
#[derive(Clone, Debug)]
pub struct Owner {
    /// The department.
    pub department: Located<String>,
    /// The item ids.
    pub items: Vec<Located<String>>,
}

/// What the office writes for one part of the outline.
#[derive(Clone, Debug, Default)]
pub struct PartText {
    /// A heading replacing the outline's.
    pub heading: Option<Located<String>>,
    /// The part's name in the preamble's list of contents, replacing the heading.
    pub summary: Option<Located<String>>,
    /// Paragraphs before any points.
    pub paragraphs: Vec<Paragraph>,
    /// Numbered points, each with a run-in title.
    pub points: Vec<Point>,
    /// Sub-headings replacing the outline's, by content name (`channels`, `areas`).
    pub subheadings: BTreeMap<String, Located<String>>,
    /// Where the part's table starts (or report.toml).
    pub location: Option<Location>,
}

/// A numbered point with a run-in title: "（一）加强组织领导，完善工作机制。学校高度重视…".
#[derive(Clone, Debug)]
pub struct Point {
    /// The run-in title.
    pub title: Located<String>,
    /// The paragraphs; the first continues the title's line.
    pub paragraphs: Vec<Paragraph>,
    /// Whether the title is a sub-heading on a line of its own (（一）学院官网), the paragraphs
    /// below it, rather than run in.
    pub heading: bool,
}

/// One numbered paragraph of part 二 (一): a title and the figures it reports.
#[derive(Clone, Debug)]
pub struct ChannelGroup {
    /// The run-in title (通过校园网、办公自动化系统等公开信息情况).
    pub title: Located<String>,
    /// Which figures it reports, in order.
    pub figures: Vec<Located<Selector>>,
    /// What separates the figures' sentences (default `；`).
    pub join: String,
    /// Text that continues the sentence after the figures, joined like another figure.
    pub then: Option<Paragraph>,
    /// Sentences that follow, in the same paragraph.
    pub after: Vec<Paragraph>,
}

/// Names figures: a channel (all its top-level figures) or a channel and item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    /// The channel.
    pub channel: String,
    /// The item, if only one figure of the channel is meant.
    pub item: Option<String>,
}

impl Selector {
    /// Parses `channel` or `channel/item`.
    pub fn parse(text: &str) -> Selector {
        match text.split_once('/') {
            Some((channel, item)) => Selector {
                channel: channel.trim().to_owned(),
                item: Some(item.trim().to_owned()),
            },
            None => Selector {
                channel: text.trim().to_owned(),
                item: None,
            },
        }
    }

    /// Whether the selector names this channel and item.
    pub fn matches(&self, channel: &str, item: &str) -> bool {
        self.channel == channel && self.item.as_deref().is_none_or(|i| i == item)
    }
}

impl std::fmt::Display for Selector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.item {
            Some(item) => write!(f, "{}/{}", self.channel, item),
            None => f.write_str(&self.channel),
        }
    }
}

/// A key area of part 二 (二) (招生, 财务…): a title, and the texts departments submit for it.
#[derive(Clone, Debug)]
pub struct Area {
    /// The key departments use in their `[[text]]` entries.
    pub key: Located<String>,
    /// The run-in title (招生信息公开情况).
    pub title: Located<String>,
    /// The office's own paragraphs, before the departments'.
    pub paragraphs: Vec<Paragraph>,
}
