//! Every kind of finding and the rule it belongs to; its wording, in both languages at once, is in
//! [`crate::findings::wording`].
//!
//! Checks build a [`Problem`] from the facts they found (names, numbers); only the wording file
//! turns it into words.

use crate::findings::diagnostic::Lang;
use crate::findings::rules::{self, Rule};
use crate::model::location::Location;

/// What fills an empty part (D501): the part's text in report.toml, or a key area's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmptyFix {
    /// `[parts.<key>] text = "…"`.
    Part(String),
    /// A department's `[[text]]` with `area = "<key>"`.
    Area(String),
}

/// What a finding is about, with the data its message needs.
#[derive(Clone, Debug, PartialEq)]
#[allow(missing_docs)] // the variants are documented by their messages below
pub enum Problem {
    TomlSyntax {
        message: String,
    },
    CsvSyntax {
        message: String,
    },
    RaggedRow {
        fields: usize,
        header: usize,
        /// More such rows in the file, not reported one by one (in a platform export).
        more: u64,
    },
    BadWorkbook {
        message: String,
    },
    CellOutsideTable {
        /// The header's columns, in letters (`A–D`).
        columns: String,
        /// More such cells in the file, not reported one by one (in a platform export).
        more: u64,
    },
    MergedCells {
        /// The range, in A1 notation (`A3:A5`).
        range: String,
    },
    UnknownKey {
        key: String,
        suggestion: Option<String>,
        column: bool,
    },
    ExportSkipped {
        reason: Skipped,
        value: String,
        more: u64,
    },
    ExportColumn {
        column: String,
        file: String,
        headers: String,
    },
    ExportMissing {
        file: String,
    },
    UnknownFormRow {
        label: String,
        suggestion: Option<String>,
    },
    UnknownCsv {
        headers: String,
    },
    AmbiguousCsv,
    MissingField {
        field: String,
    },
    WrongType {
        field: String,
        expected: Expected,
    },
    CellError {
        field: String,
        error: String,
    },
    BadCount {
        field: String,
        value: String,
        reason: CountError,
    },
    NotDecimal {
        field: String,
        /// As written: `0x10`.
        written: String,
        /// The value TOML reads, if it fits.
        value: Option<u64>,
        /// Whether the key is a count (else a text, such as a checklist item).
        count: bool,
    },
    EmptyFile,
    DuplicateFigure {
        key: String,
        first: Location,
    },
    DuplicateColumn {
        column: String,
    },
    DuplicateTable {
        table: String,
        first: Location,
    },
    UnknownDepartment {
        name: String,
        suggestion: Option<String>,
    },
    UnknownItem {
        id: String,
    },
    UnknownParent {
        channel: String,
        parent: String,
        suggestion: Option<String>,
    },
    UnknownFigureRef {
        key: String,
        suggestion: Option<String>,
    },
    UnknownArea {
        area: String,
        suggestion: Option<String>,
    },
    UnknownOutline {
        id: String,
        known: String,
    },
    UnknownRule {
        id: String,
    },
    NotUtf8 {
        encoding: &'static str,
    },
    Undecodable,
    BadValue {
        field: String,
        value: String,
        allowed: String,
        suggestion: Option<String>,
    },
    IgnoredFile,
    NumberWithEvents {
        field: String,
    },
    ReversedPeriod {
        start: String,
        end: String,
    },
    BadPhrase {
        slot: String,
    },
    UnbalancedBrace,
    PhraseWithoutNumber,
    ChecklistUnaccounted {
        items: Vec<String>,
        owner: Option<String>,
    },
    ChecklistTwice {
        item: String,
        first: Location,
    },
    ChecklistNoLink {
        item: String,
        status: &'static str,
    },
    ChecklistNoReason {
        item: String,
        partly: bool,
        /// The entry has a 备注, which is not read: the reason may be there.
        remark: bool,
    },
    ChecklistBadLink {
        link: String,
        fault: LinkFault,
    },
    BadEventLink {
        link: String,
        fault: LinkFault,
    },
    ChecklistForeignLink {
        link: String,
        domains: String,
    },
    ChecklistNoAccount {
        missing: usize,
        total: usize,
    },
    TotalMismatch {
        key: String,
        total: u64,
        sum: u64,
        parts: String,
    },
    PartsExceed {
        key: String,
        total: u64,
        sum: u64,
    },
    RequestsBalance {
        total_in: u64,
        answered: u64,
        forward: u64,
    },
    UnitMismatch {
        part: String,
        unit: String,
        total_unit: String,
    },
    NoEvents {
        key: String,
    },
    UnusedEvents {
        key: String,
        count: u64,
    },
    UnplacedFigure {
        key: String,
    },
    EmptySelector {
        selector: String,
    },
    MissingData {
        table: &'static str,
    },
    /// A State Council form the outline prints that no department sent.
    MissingForm {
        form: &'static str,
        /// The form's first number column, by which a file is known to hold it.
        first_column: &'static str,
    },
    FormBalance {
        column: &'static str,
        total_in: u64,
        total_out: u64,
    },
    FormOutcomes {
        column: &'static str,
        total: u64,
        sum: u64,
    },
    FormColumnTotal {
        row: &'static str,
        total: u64,
        sum: u64,
    },
    BadDate {
        value: String,
    },
    OutsidePeriod {
        date: String,
        period: String,
        more: u64,
    },
    PublishedOutsidePeriod {
        date: String,
        period: String,
        before: bool,
    },
    IssuedEarly {
        issued: String,
        end: String,
    },
    IssuedLate {
        issued: String,
        /// The last day: 31 October for an academic year, 31 January for a calendar year.
        deadline: jiff::civil::Date,
    },
    UnusualPeriod {
        period: String,
        /// The year's usual period: 1 September – 31 August, or 1 January – 31 December for a
        /// calendar year.
        usual: String,
    },
    EmptyPart {
        heading: String,
        fix: EmptyFix,
    },
    CountInText {
        text: String,
        /// In a title or heading, where no figure can be named.
        title: bool,
    },
    Unreviewed,
    FormCell {
        row: String,
        column: String,
        value: String,
    },
    FormRows {
        form: &'static str,
        missing: Vec<String>,
    },
    FormCount {
        key: String,
        cell: String,
        count: u64,
        form: u64,
    },
    UnknownFormCell {
        name: String,
        /// Why, in English and Chinese.
        reason: (String, String),
    },
    CarriedOver {
        column: String,
        this_year: u64,
        last_year: u64,
        last: String,
    },
    RequestDetails {
        what: &'static str,
        total: u64,
        sum: u64,
        of: &'static str,
    },
    Imported {
        key: String,
        source: String,
    },
    UnprintedData {
        what: String,
        content: &'static str,
    },
    OwnWindow {
        key: String,
        window: String,
        period: String,
    },
    ShareWithoutTotal {
        key: String,
    },
    UnknownAttribute {
        name: String,
        known: String,
    },
    StaleYear {
        found: String,
        expected: String,
    },
    /// Findings of `rule` in this file beyond the first [`crate::findings::diagnostic::CAP`],
    /// counted, not kept.
    More {
        rule: &'static Rule,
        count: u64,
    },
    FormulaText {
        text: String,
    },
    PathOutside {
        key: &'static str,
        name: String,
    },
    LinkOutside {
        target: String,
    },
    DanglingLink,
    NotAFile {
        kind: Special,
    },
}

/// Why a link is not one to publish, as `read::link` finds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkFault {
    /// Not http(s).
    NotHttp,
    /// Refused by the URL parser, with its reason.
    Invalid(String),
    /// White space inside.
    Space,
    /// A backslash.
    Backslash,
    /// A user name or password.
    Credentials,
    /// A hidden character.
    Hidden(char),
    /// No dot in the host.
    NoDomain,
}

/// What a year folder's entry is, when it is not a file to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    /// A named pipe: opening it would wait for a writer.
    Fifo,
    /// A character or block device.
    Device,
    /// A socket.
    Socket,
}

/// The kind of value a key expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// Text.
    Text,
    /// A whole number.
    Integer,
    /// A date.
    Date,
    /// true/false, 是/否.
    Bool,
    /// A table.
    Table,
    /// A list of tables (`[[name]]`).
    Tables,
    /// Text or a list of texts.
    TextList,
    /// A list of dates.
    DateList,
}

impl Expected {
    /// What the key expected, in one language.
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Expected::Text, Lang::En) => "text",
            (Expected::Text, Lang::Zh) => "文字",
            (Expected::Integer, Lang::En) => "a whole number",
            (Expected::Integer, Lang::Zh) => "整数",
            (Expected::Date, Lang::En) => "a date",
            (Expected::Date, Lang::Zh) => "日期",
            (Expected::Bool, Lang::En) => "true or false",
            (Expected::Bool, Lang::Zh) => "true 或 false",
            (Expected::Table, Lang::En) => "a table",
            (Expected::Table, Lang::Zh) => "表",
            (Expected::Tables, Lang::En) => "a list of tables ([[...]])",
            (Expected::Tables, Lang::Zh) => "表数组（[[...]]）",
            (Expected::TextList, Lang::En) => "text or a list of texts",
            (Expected::TextList, Lang::Zh) => "文字或文字列表",
            (Expected::DateList, Lang::En) => "a date or a list of dates",
            (Expected::DateList, Lang::Zh) => "日期或日期列表",
        }
    }
}

/// Why a row of a platform export is not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skipped {
    /// Its date cannot be read.
    BadDate,
    /// Its column value is not in the mapping.
    Unmapped,
    /// It repeats an earlier row (same link, or same title and date).
    Duplicate,
    /// Its date is outside the statistics period.
    Outside,
}

/// Why a count could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountError {
    /// Below zero.
    Negative,
    /// Has a fractional part.
    Fraction,
    /// Not a number at all.
    NotNumber,
    /// Too large to be a count.
    TooLarge,
}

impl Problem {
    /// The rule this finding belongs to.
    pub fn rule(&self) -> &'static Rule {
        use Problem as P;
        match self {
            P::RaggedRow { fields, header, .. } if fields < header => &rules::RAGGED_ROW,
            P::TomlSyntax { .. }
            | P::CsvSyntax { .. }
            | P::RaggedRow { .. }
            | P::BadWorkbook { .. } => &rules::SYNTAX,
            P::CellOutsideTable { .. } => &rules::CELL_OUTSIDE_TABLE,
            P::MergedCells { .. } => &rules::MERGED_CELLS,
            P::ExportSkipped { reason, .. } => match reason {
                Skipped::BadDate => &rules::EXPORT_BAD_DATE,
                Skipped::Unmapped => &rules::EXPORT_UNMAPPED,
                Skipped::Duplicate => &rules::EXPORT_DUPLICATE,
                Skipped::Outside => &rules::OUTSIDE_PERIOD,
            },
            P::UnknownKey { .. }
            | P::UnknownCsv { .. }
            | P::AmbiguousCsv
            | P::UnknownFormRow { .. } => &rules::UNKNOWN_KEY,
            P::MissingField { .. } => &rules::MISSING_FIELD,
            P::BadCount { .. } | P::NotDecimal { count: true, .. } => &rules::BAD_COUNT,
            P::WrongType { .. } | P::CellError { .. } | P::NotDecimal { .. } => &rules::WRONG_TYPE,
            P::EmptyFile => &rules::EMPTY_FILE,
            P::DuplicateFigure { .. } | P::DuplicateColumn { .. } | P::DuplicateTable { .. } => {
                &rules::DUPLICATE
            }
            P::UnknownDepartment { .. } => &rules::UNKNOWN_DEPARTMENT,
            P::UnknownItem { .. } => &rules::UNKNOWN_ITEM,
            P::UnknownParent { .. }
            | P::UnknownFigureRef { .. }
            | P::UnknownArea { .. }
            | P::ExportColumn { .. }
            | P::ExportMissing { .. }
            | P::UnknownAttribute { .. }
            | P::UnknownFormCell { .. } => &rules::UNKNOWN_REFERENCE,
            P::UnknownOutline { .. }
            | P::UnknownRule { .. }
            | P::BadValue { .. }
            | P::NumberWithEvents { .. }
            | P::ReversedPeriod { .. } => &rules::BAD_VALUE,
            P::NotUtf8 { .. } => &rules::NOT_UTF8,
            P::Undecodable => &rules::UNDECODABLE,
            P::IgnoredFile => &rules::IGNORED_FILE,
            P::BadPhrase { .. }
            | P::UnbalancedBrace
            | P::PhraseWithoutNumber
            | P::ShareWithoutTotal { .. } => &rules::BAD_PHRASE,
            P::ChecklistUnaccounted { .. } => &rules::CHECKLIST_UNACCOUNTED,
            P::ChecklistNoAccount { .. } => &rules::CHECKLIST_NO_ACCOUNT,
            P::ChecklistTwice { .. } => &rules::CHECKLIST_TWICE,
            P::ChecklistNoLink { .. } => &rules::CHECKLIST_NO_LINK,
            P::ChecklistNoReason { .. } => &rules::CHECKLIST_NO_REASON,
            P::ChecklistBadLink { .. } => &rules::CHECKLIST_BAD_LINK,
            P::BadEventLink { .. } => &rules::BAD_EVENT_LINK,
            P::ChecklistForeignLink { .. } => &rules::CHECKLIST_FOREIGN_LINK,
            P::TotalMismatch { .. } => &rules::TOTAL_MISMATCH,
            P::PartsExceed { .. } => &rules::PARTS_EXCEED,
            P::RequestsBalance { .. } => &rules::REQUESTS_BALANCE,
            P::UnitMismatch { .. } => &rules::UNIT_MISMATCH,
            P::NoEvents { .. } => &rules::NO_EVENTS,
            P::UnusedEvents { .. } => &rules::UNUSED_EVENTS,
            P::UnplacedFigure { .. } => &rules::UNPLACED_FIGURE,
            P::EmptySelector { .. } => &rules::EMPTY_SELECTOR,
            P::MissingData { .. } | P::MissingForm { .. } => &rules::MISSING_DATA,
            P::FormBalance { .. } => &rules::FORM_BALANCE,
            P::FormOutcomes { .. } => &rules::FORM_OUTCOMES,
            P::FormColumnTotal { .. } => &rules::FORM_COLUMN_TOTAL,
            P::BadDate { .. } => &rules::BAD_DATE,
            P::OutsidePeriod { .. } | P::PublishedOutsidePeriod { .. } => &rules::OUTSIDE_PERIOD,
            P::IssuedEarly { .. } => &rules::ISSUED_EARLY,
            P::IssuedLate { .. } => &rules::ISSUED_LATE,
            P::UnusualPeriod { .. } => &rules::UNUSUAL_PERIOD,
            P::EmptyPart { .. } => &rules::EMPTY_PART,
            P::CountInText { .. } => &rules::COUNT_IN_TEXT,
            P::StaleYear { .. } => &rules::STALE_YEAR,
            P::Unreviewed => &rules::UNREVIEWED,
            P::UnprintedData { .. } => &rules::UNPRINTED_DATA,
            P::Imported { .. } => &rules::IMPORTED,
            P::FormCell { .. } | P::FormRows { .. } => &rules::FORM_CELL,
            P::FormCount { .. } => &rules::FORM_COUNT,
            P::CarriedOver { .. } => &rules::CARRIED_OVER,
            P::RequestDetails { .. } => &rules::REQUEST_DETAILS,
            P::OwnWindow { .. } => &rules::OWN_WINDOW,
            P::More { rule, .. } => rule,
            P::PathOutside { .. } => &rules::PATH_OUTSIDE,
            P::FormulaText { .. } => &rules::FORMULA_TEXT,
            P::LinkOutside { .. } | P::DanglingLink | P::NotAFile { .. } => &rules::NOT_A_FILE,
        }
    }

    /// A second place the finding refers to (the first of two duplicates), with its label.
    pub fn related(&self, lang: Lang) -> Option<(&Location, &'static str)> {
        let label = match lang {
            Lang::En => "first reported here",
            Lang::Zh => "首次填报于此",
        };
        match self {
            Problem::DuplicateFigure { first, .. }
            | Problem::DuplicateTable { first, .. }
            | Problem::ChecklistTwice { first, .. } => Some((first, label)),
            _ => None,
        }
    }

    /// The message, in one language.
    pub fn message(&self, lang: Lang) -> String {
        let (en, zh) = crate::findings::wording::wording(self);
        match lang {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages() {
        let samples = [
            Problem::EmptyFile,
            Problem::MissingField {
                field: "unit".into(),
            },
            Problem::TotalMismatch {
                key: "学校主页/信息".into(),
                total: 1481,
                sum: 1482,
                parts: "要闻 885 + 校园动态 515 + 通知公告 82".into(),
            },
        ];
        for p in samples {
            let en = p.message(Lang::En);
            let zh = p.message(Lang::Zh);
            assert_ne!(en, zh);
            assert!(!en.is_empty() && !zh.is_empty());
        }
    }
}
