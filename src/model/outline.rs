//! Report outlines: which parts a report has, in what order, with what default headings.
//!
//! This is the one place that knows an outline. [`crate::compose`] walks an outline part by part
//! and asks the year's facts and submissions for each part's content; adding an outline means
//! adding a constant here (and, for a new kind of part, one arm in `compose`).

/// What a part of the report contains, which decides how it is composed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// Only the office's narrative (paragraphs and numbered points).
    Narrative,
    /// Part 二: narrative, then (一) the channel figures and (二) the key areas.
    Proactive,
    /// Part 三: narrative, then the disclosure-request figures.
    Requests,
    /// Part 五: narrative, then the complaint, reconsideration and lawsuit figures.
    Complaints,
    /// The checklist, item by item with status and link (清单事项公开情况表), as a part of its own.
    Checklist,
    /// Narrative, then the State Council's table of disclosure requests by applicant and outcome.
    RequestsTable,
    /// Narrative, then the State Council's table of administrative reconsiderations and lawsuits.
    ReviewsTable,
}

/// How a part's numbered points are numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numbering {
    /// （一）（二）（三）: second-level points.
    Parenthesised,
    /// 1. 2. 3.: third-level points.
    Arabic,
}

/// One part of an outline.
#[derive(Debug)]
pub struct PartSpec {
    /// The key report.toml uses for the part's narrative (`[parts.overview]`).
    pub key: &'static str,
    /// What the part contains.
    pub kind: PartKind,
    /// The default heading, without its number.
    pub heading: &'static str,
    /// How the part's points are numbered.
    pub numbering: Numbering,
}

/// A report outline.
#[derive(Debug)]
pub struct Outline {
    /// The id a year names in report.toml (`outline = "seven-part"`).
    pub id: &'static str,
    /// A one-line description for documentation.
    pub description: &'static str,
    /// The default title; slots `{学校}` and `{学年}`.
    pub title: &'static str,
    /// The default preamble; slots `{学校}`, `{学年}` and `{内容}` (the parts' names).
    pub preamble: &'static str,
    /// The parts, in order.
    pub parts: &'static [PartSpec],
    /// Default sub-headings of part 二, by sub-part key.
    pub subheadings: &'static [(&'static str, &'static str)],
}

impl Outline {
    /// The part with this key.
    pub fn part(&self, key: &str) -> Option<&'static PartSpec> {
        self.parts.iter().find(|p| p.key == key)
    }

    /// The default sub-heading for a sub-part key.
    pub fn subheading(&self, key: &str) -> Option<&'static str> {
        self.subheadings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, heading)| *heading)
    }
}

const PREAMBLE_2014: &str = "本年报按照《高等学校信息公开办法》（教育部令第29号）及《关于公布〈高等学校信息公开事项清单〉的通知》（教办函〔2014〕23号）要求，根据{学校}{学年}学年信息公开工作执行情况，形成年度工作报告。主要内容包括：{内容}等。";

/// A part of an outline.
const fn part(
    key: &'static str,
    kind: PartKind,
    heading: &'static str,
    numbering: Numbering,
) -> PartSpec {
    PartSpec {
        key,
        kind,
        heading,
        numbering,
    }
}

// The parts the seven-part and the Ministry's outlines share (the State Council's shares 其他).
const OVERVIEW: PartSpec = part(
    "overview",
    PartKind::Narrative,
    "概述",
    Numbering::Parenthesised,
);
const PROACTIVE: PartSpec = part(
    "proactive",
    PartKind::Proactive,
    "主动公开情况",
    Numbering::Parenthesised,
);
const REQUESTS: PartSpec = part(
    "requests",
    PartKind::Requests,
    "依申请公开和不予公开情况",
    Numbering::Arabic,
);
const APPRAISAL: PartSpec = part(
    "appraisal",
    PartKind::Narrative,
    "对信息公开的评议情况",
    Numbering::Arabic,
);
const COMPLAINTS: PartSpec = part(
    "complaints",
    PartKind::Complaints,
    "因学校信息公开工作受到举报、复议、诉讼的情况",
    Numbering::Arabic,
);
const OTHER: PartSpec = part(
    "other",
    PartKind::Narrative,
    "其他需要报告的事项",
    Numbering::Arabic,
);

/// The sub-headings of part 二 every outline uses.
const SUBHEADINGS: &[(&str, &str)] = &[
    ("channels", "信息公开渠道和数据"),
    ("areas", "重点领域公开情况"),
];

/// The seven parts most universities used for academic-year reports after 2014, as in the
/// 2019-2020 report of 辽宁科技大学.
pub const SEVEN_PART: Outline = Outline {
    id: "seven-part",
    description: "七部分：概述、主动公开、依申请公开、评议、举报复议诉讼、不足与改进、其他",
    title: "{学校}{学年}学年信息公开工作年度报告",
    preamble: PREAMBLE_2014,
    parts: &[
        OVERVIEW,
        PROACTIVE,
        REQUESTS,
        APPRAISAL,
        COMPLAINTS,
        part(
            "improvements",
            PartKind::Narrative,
            "信息公开工作存在不足及下一步工作措施",
            Numbering::Arabic,
        ),
        OTHER,
    ],
    subheadings: SUBHEADINGS,
};

/// The Ministry's outline (教办厅函〔2013〕48号, 〔2017〕41号, 〔2018〕80号): the seven parts, with
/// the problems part named as the notices name it, and the checklist accounted for item by item
/// as part 八.
pub const MINISTRY: Outline = Outline {
    id: "ministry",
    description: "教育部通知的八部分：七部分之后附清单事项公开情况表",
    title: "{学校}{学年}学年信息公开工作年度报告",
    preamble: PREAMBLE_2014,
    parts: &[
        OVERVIEW,
        PROACTIVE,
        REQUESTS,
        APPRAISAL,
        COMPLAINTS,
        part(
            "improvements",
            PartKind::Narrative,
            "信息公开工作存在的主要问题及改进措施",
            Numbering::Arabic,
        ),
        OTHER,
        part(
            "checklist",
            PartKind::Checklist,
            "清单事项公开情况",
            Numbering::Arabic,
        ),
    ],
    subheadings: SUBHEADINGS,
};

/// The State Council's template (国办公开办函〔2019〕60号, revised 〔2021〕30号) that some colleges
/// follow: a calendar year, the requests and the reconsiderations and lawsuits as tables.
pub const STATE_COUNCIL: Outline = Outline {
    id: "state-council",
    description: "国务院办公厅模板的六部分（自然年度）：申请情况表、行政复议和诉讼情况表",
    title: "{学校}{学年}年度信息公开工作年度报告",
    preamble: "本报告依据《中华人民共和国政府信息公开条例》和《高等学校信息公开办法》编制，主要内容包括：{内容}。本报告中所列数据的统计期限自{统计起}起至{统计止}止。",
    parts: &[
        part(
            "overview",
            PartKind::Narrative,
            "总体情况",
            Numbering::Parenthesised,
        ),
        part(
            "proactive",
            PartKind::Proactive,
            "主动公开信息情况",
            Numbering::Parenthesised,
        ),
        part(
            "requests",
            PartKind::RequestsTable,
            "收到和处理信息公开申请情况",
            Numbering::Arabic,
        ),
        part(
            "reviews",
            PartKind::ReviewsTable,
            "信息公开行政复议、行政诉讼情况",
            Numbering::Arabic,
        ),
        part(
            "improvements",
            PartKind::Narrative,
            "存在的主要问题及改进情况",
            Numbering::Parenthesised,
        ),
        OTHER,
    ],
    subheadings: SUBHEADINGS,
};

/// Every outline, the default first.
pub const ALL: &[&Outline] = &[&SEVEN_PART, &MINISTRY, &STATE_COUNCIL];

/// The outline with this id.
pub fn find(id: &str) -> Option<&'static Outline> {
    ALL.iter().copied().find(|o| o.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_keys_are_unique() {
        for outline in ALL {
            let mut keys: Vec<_> = outline.parts.iter().map(|p| p.key).collect();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), outline.parts.len(), "{}", outline.id);
        }
        assert!(find("seven-part").is_some());
        assert!(find("ministry").is_some());
        assert!(find("state-council").is_some());
        assert!(find("nine-part").is_none());
    }
}
