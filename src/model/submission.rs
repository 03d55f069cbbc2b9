//! The typed model of one year's input: the office's report facts and every department's
//! submission.
//!
//! Everything a report prints comes from here, and every value remembers where it was written
//! ([`Located`]), so later stages can point back at the file, line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

use crate::model::checklist::Checklist;
use crate::model::facts::Facts;
use crate::model::forms::{Form, FormKind};
use crate::model::location::{Located, Location};
use crate::model::paragraph::Paragraph;
use crate::model::phrase::Phrase;
use crate::model::year::Period;

/// One academic year's input, ready to check and compose.
#[derive(Clone, Debug)]
pub struct Submissions {
    /// The office's facts and narrative (report.toml).
    pub facts: Facts,
    /// The checklist the year accounts for.
    pub checklist: Checklist,
    /// The departments' submissions, in the order the year lists its departments (departments
    /// it does not list come last, by name).
    pub departments: Vec<Department>,
    /// Whether reading lost some value or row (a syntax error, an unknown key, a missing field, a
    /// bad value…), so that checks across files would report what is merely unread as missing.
    pub incomplete: bool,
    /// What last year's folder, when the data folder has one, carried forward into this year.
    pub previous: Option<Previous>,
}

/// The requests last year's report left open, which this year's report carries over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Previous {
    /// Last year.
    pub year: String,
    /// Its `[requests] carried_forward`, if it reported requests in prose.
    pub carried_forward: Option<u64>,
    /// Its form's 结转下年度继续办理 row, one value per column, if it reported the form.
    pub form_forward: Option<Vec<u64>>,
}

impl Submissions {
    /// The first entry accounting for a checklist item, with its department.
    pub fn disclosure(&self, item: &str) -> Option<(&Department, &Disclosure)> {
        self.departments.iter().find_map(|d| {
            d.disclosures
                .iter()
                .find(|e| e.item.value == item)
                .map(|e| (d, e))
        })
    }

    /// Whether any department submitted checklist entries.
    pub fn has_disclosures(&self) -> bool {
        self.departments.iter().any(|d| !d.disclosures.is_empty())
    }

    /// The form of `kind` the report prints: the first department's that submitted one.
    pub fn form(&self, kind: FormKind) -> Option<&Form> {
        self.departments
            .iter()
            .flat_map(|d| &d.forms)
            .find(|f| f.kind == kind)
    }

    /// Every figure of every department, with the department's name.
    pub fn figures(&self) -> impl Iterator<Item = (&Department, &Figure)> {
        self.departments
            .iter()
            .flat_map(|d| d.figures.iter().map(move |f| (d, f)))
    }
}

/// What one department submitted, merged from all of its files.
#[derive(Clone, Debug, Default)]
pub struct Department {
    /// The department's name, as in its file names (宣传部 for 宣传部.csv).
    pub name: String,
    /// The files it came from, in the order they are read: TOML files by name, then the others
    /// by name.
    pub files: Vec<Arc<Path>>,
    /// Count rows.
    pub figures: Vec<Figure>,
    /// Event tallies, by channel and item.
    pub events: BTreeMap<(String, String), EventTally>,
    /// Narrative for the report's key areas (招生, 财务…).
    pub texts: Vec<AreaText>,
    /// Disclosure requests (section 三), if this department reports them.
    pub requests: Option<Requests>,
    /// Complaints, reconsiderations and lawsuits (section 五), if this department reports them.
    pub complaints: Option<Complaints>,
    /// Checklist entries.
    pub disclosures: Vec<Disclosure>,
    /// The State Council template's forms (申请情况表, 复议诉讼情况表), if this department fills them.
    pub forms: Vec<Form>,
}

impl Department {
    /// Adds what another reading of the same department found (another file).
    pub fn absorb(&mut self, other: Department) {
        self.figures.extend(other.figures);
        for (key, tally) in other.events {
            match self.events.get_mut(&key) {
                Some(mine) => {
                    mine.in_period += tally.in_period;
                    mine.outside += tally.outside;
                }
                None => {
                    self.events.insert(key, tally);
                }
            }
        }
        self.texts.extend(other.texts);
        self.disclosures.extend(other.disclosures);
        self.forms.extend(other.forms);
        if self.requests.is_none() {
            self.requests = other.requests;
        }
        if self.complaints.is_none() {
            self.complaints = other.complaints;
        }
    }

    /// The value of one of this department's figures: as written, or counted from its events;
    /// `None` when missing.
    pub fn value_of(&self, figure: &Figure) -> Option<u64> {
        match &figure.number {
            Number::Given(count) => Some(count.value.value),
            Number::FromEvents(_) => Some(
                self.events
                    .get(&(figure.channel.value.clone(), figure.item.value.clone()))
                    .map_or(0, |tally| tally.in_period),
            ),
            Number::Missing => None,
        }
    }
}

/// A whole number as written in a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// The value.
    pub value: u64,
    /// How the report prints it: digits, or as written when the submission used 万 (`1万`).
    pub text: String,
}

impl Count {
    /// A count printed in digits.
    pub fn new(value: u64) -> Self {
        Count {
            value,
            text: value.to_string(),
        }
    }
}

/// A word that marks a figure as approximate or bounded, kept as written and put where Chinese
/// puts it: 约3600条, 近300人次, 超过90个 (before the number); 2500余件, 1200多条 (between the
/// number and the unit); 300人以上, 3600条左右 (after the unit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Qualifier {
    word: &'static str,
    position: QualifierPosition,
}

/// Where a qualifier goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualifierPosition {
    /// Before the number: 约3600条.
    Before,
    /// Between the number and the unit: 2500余件.
    Between,
    /// After the unit: 300人以上.
    After,
}

impl Qualifier {
    /// Every qualifier, as written, with its position.
    const KNOWN: &'static [(&'static str, QualifierPosition)] = &[
        ("约", QualifierPosition::Before),
        ("近", QualifierPosition::Before),
        ("将近", QualifierPosition::Before),
        ("超过", QualifierPosition::Before),
        ("超", QualifierPosition::Before),
        ("逾", QualifierPosition::Before),
        ("达", QualifierPosition::Before),
        ("不足", QualifierPosition::Before),
        ("不到", QualifierPosition::Before),
        ("余", QualifierPosition::Between),
        ("多", QualifierPosition::Between),
        ("以上", QualifierPosition::After),
        ("左右", QualifierPosition::After),
        ("以下", QualifierPosition::After),
    ];

    /// Every qualifier, as written.
    pub const ALL: &'static [&'static str] = &[
        "约", "近", "将近", "超过", "超", "逾", "达", "不足", "不到", "余", "多", "以上", "左右",
        "以下",
    ];

    /// Parses a qualifier as written.
    pub fn parse(text: &str) -> Option<Qualifier> {
        let text = text.trim();
        Qualifier::KNOWN
            .iter()
            .find(|(word, _)| *word == text)
            .map(|&(word, position)| Qualifier { word, position })
    }

    /// The word.
    pub fn as_str(self) -> &'static str {
        self.word
    }

    /// Where it goes.
    pub fn position(self) -> QualifierPosition {
        self.position
    }

    /// Whether the word goes before the number (约 3600) rather than after it (1万余).
    pub fn is_prefix(self) -> bool {
        self.position == QualifierPosition::Before
    }
}

/// Where a figure's number comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Number {
    /// Written in the submission.
    Given(Located<Count>),
    /// The number of the department's events of the same channel and item inside the period.
    FromEvents(Location),
    /// Not written (yet): an error, or a placeholder in a draft.
    Missing,
}

impl Number {
    /// Where it comes from, as JSON names it: `given`, `events` or `missing`.
    pub fn source(&self) -> &'static str {
        match self {
            Number::Given(_) => "given",
            Number::FromEvents(_) => "events",
            Number::Missing => "missing",
        }
    }
}

/// One count row: a channel, an item, a number and its unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The channel (学校主页, 办公系统, 官方微信…).
    pub channel: Located<String>,
    /// The item counted (要闻, 通知公告, 校级公文…).
    pub item: Located<String>,
    /// The number, or where it comes from.
    pub number: Number,
    /// The unit (条, 篇, 期, 份, 次…).
    pub unit: Located<String>,
    /// Marks an approximate figure.
    pub qualifier: Option<Located<Qualifier>>,
    /// The item of the same channel this figure is a part of.
    pub parent: Option<Located<String>>,
    /// Whether this total's parts are deliberately incomplete.
    pub partial: bool,
    /// The sentence the report prints for this figure, with slots such as `{数量}`.
    pub phrase: Option<Located<Phrase>>,
    /// What separates this total's parts in `{分项}`, if not the year's `breakdown`.
    pub join: Option<Located<String>>,
    /// The period this figure was counted over, when it is not the report's (a back-end that
    /// counts 2016年9月至2017年9月).
    pub window: Option<Located<Window>>,
    /// The cell of a State Council form this figure repeats (`申请表/新收/总计`), checked to be
    /// equal to it.
    pub form: Option<Located<String>>,
    /// Where `disclose import` found this figure in a published report, until the office has
    /// checked it (D505 reminds).
    pub imported: Option<Located<String>>,
    /// The row as a whole.
    pub row: Location,
}

impl Figure {
    /// `channel/item`, the figure's name in messages.
    pub fn key(&self) -> FigureKey {
        FigureKey {
            channel: self.channel.value.clone(),
            item: self.item.value.clone(),
        }
    }
}

/// The period a figure was counted over, when it is not the report's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Window {
    /// The days it covers.
    pub period: Period,
    /// As written, which is how the report prints it: 2016年9月至2017年9月.
    pub text: String,
}

/// A figure's identity: its channel and item.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureKey {
    /// The channel.
    pub channel: String,
    /// The item.
    pub item: String,
}

impl fmt::Display for FigureKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.channel, self.item)
    }
}

/// The events of one channel and item that one department submitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventTally {
    /// How many are dated inside the statistics period.
    pub in_period: u64,
    /// How many are dated outside it (not counted).
    pub outside: u64,
    /// The first event row, for messages.
    pub first: Location,
}

/// A department's narrative for one of the report's key areas.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaText {
    /// The area's key, as defined in report.toml's `[[areas]]`.
    pub area: Located<String>,
    /// The paragraphs.
    pub paragraphs: Vec<Paragraph>,
}

/// How a disclosure request was answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Outcome {
    /// 同意公开 (including "already published; told where").
    Granted,
    /// 部分公开 (counted under this outcome only).
    Partial,
    /// 不予公开.
    Refused,
    /// 信息不存在.
    NotHeld,
    /// 非本校信息 (not the university's; referred).
    NotOurs,
    /// 申请内容不明确.
    Unclear,
    /// 重复申请.
    Repeated,
    /// 其他.
    Other,
}

impl Outcome {
    /// Every outcome, in report order.
    pub const ALL: &'static [Outcome] = &[
        Outcome::Granted,
        Outcome::Partial,
        Outcome::Refused,
        Outcome::NotHeld,
        Outcome::NotOurs,
        Outcome::Unclear,
        Outcome::Repeated,
        Outcome::Other,
    ];

    /// The outcome's name, as written in submissions and printed in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Granted => "同意公开",
            Outcome::Partial => "部分公开",
            Outcome::Refused => "不予公开",
            Outcome::NotHeld => "信息不存在",
            Outcome::NotOurs => "非本校信息",
            Outcome::Unclear => "申请内容不明确",
            Outcome::Repeated => "重复申请",
            Outcome::Other => "其他",
        }
    }

    /// The outcome's key in a `[requests]` table.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Granted => "granted",
            Outcome::Partial => "partly_granted",
            Outcome::Refused => "refused",
            Outcome::NotHeld => "not_held",
            Outcome::NotOurs => "not_ours",
            Outcome::Unclear => "unclear",
            Outcome::Repeated => "repeated",
            Outcome::Other => "other",
        }
    }

    /// Parses an outcome's name.
    pub fn parse(text: &str) -> Option<Outcome> {
        Outcome::ALL
            .iter()
            .copied()
            .find(|o| o.as_str() == text.trim())
    }
}

/// Disclosure requests (依申请公开) in the statistics period.
#[derive(Clone, Debug, PartialEq)]
pub struct Requests {
    /// Received this year.
    pub received: Located<u64>,
    /// Carried over from last year (0 when not written).
    pub carried_over: Option<Located<u64>>,
    /// Answered, by outcome, each request under one outcome only.
    pub outcomes: Vec<(Outcome, Located<u64>)>,
    /// Carried forward to next year (0 when not written).
    pub carried_forward: Option<Located<u64>>,
    /// The grounds of the refused requests (`[requests.grounds]`), in the order of
    /// [`Detail::GROUNDS`].
    pub grounds: Vec<(&'static Detail, Located<u64>)>,
    /// How requests arrived (`[requests.arrivals]`), in the order of [`Detail::ARRIVALS`].
    pub arrivals: Vec<(&'static Detail, Located<u64>)>,
    /// Fees charged and waived, in yuan (`[requests.fees]`).
    pub fees: Option<Fees>,
    /// The `[requests]` table.
    pub location: Location,
}

/// One kind of a breakdown of requests: a ground of refusal, a way of arrival.
#[derive(Debug, PartialEq, Eq)]
pub struct Detail {
    /// The key in report.toml's tables.
    pub key: &'static str,
    /// As printed.
    pub name: &'static str,
}

impl Detail {
    /// The grounds on which requests are refused (不予公开), as reports name them.
    pub const GROUNDS: &'static [Detail] = &[
        Detail {
            key: "state_secret",
            name: "属于国家秘密",
        },
        Detail {
            key: "law",
            name: "其他法律行政法规禁止公开",
        },
        Detail {
            key: "safety",
            name: "危及“三安全一稳定”",
        },
        Detail {
            key: "third_party",
            name: "保护第三方合法权益",
        },
        Detail {
            key: "privacy",
            name: "涉及个人隐私",
        },
        Detail {
            key: "commercial",
            name: "涉及商业秘密",
        },
        Detail {
            key: "internal",
            name: "属于内部事务信息",
        },
        Detail {
            key: "process",
            name: "属于过程性信息",
        },
        Detail {
            key: "other",
            name: "其他",
        },
    ];

    /// The ways requests arrive, as reports name them.
    pub const ARRIVALS: &'static [Detail] = &[
        Detail {
            key: "in_person",
            name: "当面申请",
        },
        Detail {
            key: "letter",
            name: "信函申请",
        },
        Detail {
            key: "email",
            name: "电子邮件申请",
        },
        Detail {
            key: "online",
            name: "网上申请",
        },
        Detail {
            key: "fax",
            name: "传真申请",
        },
        Detail {
            key: "phone",
            name: "电话申请",
        },
        Detail {
            key: "other",
            name: "其他方式",
        },
    ];
}

/// Fees for answering requests (依申请公开的收费及减免情况), in yuan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fees {
    /// Charged.
    pub charged: Located<u64>,
    /// Waived.
    pub waived: Located<u64>,
    /// The `[requests.fees]` table.
    pub location: Location,
}

impl Requests {
    /// Received plus carried over.
    pub fn total_in(&self) -> u64 {
        self.received.value + self.carried_over.as_ref().map_or(0, |c| c.value)
    }

    /// Answered plus carried forward.
    pub fn total_out(&self) -> u64 {
        self.outcomes.iter().map(|(_, n)| n.value).sum::<u64>()
            + self.carried_forward.as_ref().map_or(0, |c| c.value)
    }
}

/// Complaints (举报), administrative reconsiderations (复议) and lawsuits (诉讼) about the
/// university's disclosure work.
#[derive(Clone, Debug, PartialEq)]
pub struct Complaints {
    /// 举报.
    pub reports: Located<u64>,
    /// 复议.
    pub reconsiderations: Located<u64>,
    /// 诉讼.
    pub lawsuits: Located<u64>,
    /// The `[complaints]` table.
    pub location: Location,
}

/// A checklist item's disclosure status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// 已公开.
    Published,
    /// 部分公开.
    PartlyPublished,
    /// 不适用 (needs a reason).
    NotApplicable,
}

impl Status {
    /// Every status, as written.
    pub const ALL: &'static [&'static str] = &["已公开", "部分公开", "不适用"];

    /// Parses a status as written (also `published`, `partly-published`, `not-applicable`).
    pub fn parse(text: &str) -> Option<Status> {
        match text.trim() {
            "已公开" | "published" => Some(Status::Published),
            "部分公开" | "partly-published" => Some(Status::PartlyPublished),
            "不适用" | "not-applicable" => Some(Status::NotApplicable),
            _ => None,
        }
    }

    /// The status as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Published => "已公开",
            Status::PartlyPublished => "部分公开",
            Status::NotApplicable => "不适用",
        }
    }

    /// The status's JSON name.
    pub fn key(self) -> &'static str {
        match self {
            Status::Published => "published",
            Status::PartlyPublished => "partly-published",
            Status::NotApplicable => "not-applicable",
        }
    }
}

/// How one checklist item was disclosed.
#[derive(Clone, Debug, PartialEq)]
pub struct Disclosure {
    /// The checklist item's id.
    pub item: Located<String>,
    /// Its status.
    pub status: Located<Status>,
    /// Where it is published.
    pub links: Vec<Located<String>>,
    /// Channels named instead of (or besides) links, e.g. 阳光高考平台.
    pub channels: Vec<Located<String>>,
    /// Publication dates.
    pub published: Vec<Located<jiff::civil::Date>>,
    /// Departments that own the item besides the submitting one.
    pub owners: Vec<Located<String>>,
    /// Why the item does not apply, or a note (说明): printed.
    pub note: Option<Located<String>>,
    /// Whether the entry has a remark (备注), which is never read: only to say so when the
    /// reason is missing.
    pub has_remark: bool,
    /// The entry as a whole.
    pub location: Location,
}
