//! Turning one row, from whichever file format, into the model: a count, an event or a checklist
//! entry.
//!
//! TOML tables, CSV records and spreadsheet rows all implement [`Row`]; the builders here are
//! written once against it, so a count means the same thing and gets the same diagnostics in
//! every format.

use jiff::civil::Date;

use crate::findings::problem::Problem;
use crate::findings::suggest::did_you_mean;
use crate::model::location::{Located, Location};
use crate::model::phrase::Phrase;
use crate::model::submission::{Count, Disclosure, Figure, Number, Qualifier, Status, Window};
use crate::read::phrase;
use crate::read::values;

/// The result of reading one field.
pub(crate) enum Got<T> {
    /// The field is absent or empty.
    Absent,
    /// The field has a value that could not be read (already reported).
    Bad,
    /// The value.
    Value(T),
}

/// One row of a submission, whatever the file format.
pub(crate) trait Row {
    /// The trimmed text of a field; `None` when absent or empty (or of the wrong type, reported).
    fn text(&mut self, field: &'static str) -> Option<Located<String>>;
    /// A count.
    fn count(&mut self, field: &'static str) -> Got<Located<Count>>;
    /// A date.
    fn date(&mut self, field: &'static str) -> Got<Located<Date>>;
    /// A yes/no flag (absent is no).
    fn flag(&mut self, field: &'static str) -> bool;
    /// A list of texts.
    fn texts(&mut self, field: &'static str) -> Vec<Located<String>>;
    /// A list of dates.
    fn dates(&mut self, field: &'static str) -> Vec<Located<Date>>;
    /// How the submission spells a field's name (its header, or the TOML key).
    fn name(&self, field: &'static str) -> String;
    /// The row as a whole.
    fn location(&self) -> Location;
    /// Where a field is or would be (for a missing field: its empty cell, or the row).
    fn field_location(&self, field: &'static str) -> Location;
    /// Whether the row has a value for `field` (of whatever type; an empty text is no value).
    fn present(&self, field: &'static str) -> bool;
    /// Whether the row has an unknown key or column that is a misspelling of `field`.
    fn misspelt(&self, field: &'static str) -> bool;
    /// Records a finding.
    fn report(&mut self, problem: Problem, location: Location);
}

fn required_text<R: Row + ?Sized>(row: &mut R, field: &'static str) -> Option<Located<String>> {
    let value = row.text(field);
    if value.is_none() && !row.present(field) {
        missing(row, field);
    }
    value
}

/// Reports a missing field, unless the row has a misspelling of it: then the unknown-key finding,
/// which suggests the right name, says it all.
fn missing<R: Row + ?Sized>(row: &mut R, field: &'static str) {
    if row.misspelt(field) {
        return;
    }
    let name = row.name(field);
    let at = row.field_location(field);
    row.report(Problem::MissingField { field: name }, at);
}

/// Reads a count row.
pub(crate) fn figure<R: Row + ?Sized>(row: &mut R) -> Option<Figure> {
    let channel = required_text(row, "channel");
    let item = required_text(row, "item");
    let source = row.text("source");
    let from_events = match &source {
        Some(s) if matches!(s.value.as_str(), "事件" | "events" | "event") => true,
        Some(s) => {
            let problem = Problem::BadValue {
                field: row.name("source"),
                value: s.value.clone(),
                allowed: "事件 (events)".to_owned(),
                suggestion: None,
            };
            row.report(problem, s.location.clone());
            false
        }
        None => false,
    };
    let number = match (row.count("number"), &source) {
        (Got::Value(count), _) if from_events => {
            let problem = Problem::NumberWithEvents {
                field: row.name("number"),
            };
            row.report(problem, count.location);
            Number::Missing
        }
        (_, Some(s)) if from_events => Number::FromEvents(s.location.clone()),
        (Got::Value(count), _) => Number::Given(count),
        (Got::Bad, _) => Number::Missing,
        (Got::Absent, _) => {
            if source.is_none() {
                missing(row, "number");
            }
            Number::Missing
        }
    };
    // A figure may have no unit: 获赞3.6244万.
    let unit = row.text("unit");
    let qualifier = row
        .text("qualifier")
        .and_then(|q| match Qualifier::parse(&q.value) {
            Some(parsed) => Some(Located::new(parsed, q.location)),
            None => {
                let problem = Problem::BadValue {
                    field: row.name("qualifier"),
                    value: q.value.clone(),
                    allowed: Qualifier::ALL.join(" / "),
                    suggestion: None,
                };
                row.report(problem, q.location);
                None
            }
        });
    let parent = row.text("parent");
    let partial = row.flag("partial");
    let phrase = row.text("phrase").map(|p| match phrase::read(&p.value) {
        Ok(phrase) => Located::new(phrase, p.location),
        Err(e) => {
            let width = p.value[e.offset..].chars().next().map_or(0, char::len_utf8);
            let at = p.location.within(&p.value, e.offset..e.offset + width);
            row.report(e.problem, at);
            Located::new(Phrase::verbatim(&p.value), p.location)
        }
    });
    let join = row.text("join");
    let window = row.text("window").and_then(|w| window(row, w));
    let form = row.text("form");
    let imported = row.text("imported");
    let _ = row.text("remark");
    let row_location = row.location();
    Some(Figure {
        channel: channel?,
        item: item?,
        number,
        unit: unit.unwrap_or_else(|| Located::new(String::new(), row_location.clone())),
        qualifier,
        parent,
        partial,
        phrase,
        join,
        window,
        form,
        imported,
        row: row_location,
    })
}

/// A count's own counting window, or a finding when it cannot be read.
fn window<R: Row + ?Sized>(row: &mut R, w: Located<String>) -> Option<Located<Window>> {
    match values::parse_window(&w.value) {
        Some(period) => Some(Located::new(
            Window {
                period,
                text: w.value.trim().to_owned(),
            },
            w.location,
        )),
        None => {
            let problem = Problem::BadValue {
                field: row.name("window"),
                value: w.value.clone(),
                allowed: "two dates or months joined by 至 (2016年9月至2017年9月, 2016-09-01至2017-08-31)"
                    .to_owned(),
                suggestion: None,
            };
            row.report(problem, w.location);
            None
        }
    }
}

/// One event row.
pub(crate) struct Event {
    /// When.
    pub(crate) date: Located<Date>,
    /// Channel.
    pub(crate) channel: String,
    /// Item.
    pub(crate) item: String,
}

/// Reads an event row.
pub(crate) fn event<R: Row + ?Sized>(row: &mut R) -> Option<Event> {
    let date = match row.date("date") {
        Got::Value(d) => Some(d),
        Got::Bad => None,
        Got::Absent => {
            missing(row, "date");
            None
        }
    };
    let channel = required_text(row, "channel");
    let item = required_text(row, "item");
    let _ = row.text("title");
    if let Some(link) = row.text("link")
        && let Err(fault) = crate::read::link::host(&link.value)
    {
        let problem = Problem::BadEventLink {
            link: link.value,
            fault,
        };
        row.report(problem, link.location);
    }
    let _ = row.text("remark");
    Some(Event {
        date: date?,
        channel: channel?.value,
        item: item?.value,
    })
}

/// A checklist item id as written, with a number's leading zeros and full-width digits undone
/// (`07`, `７` → `7`), so that it matches the checklist.
pub(crate) fn item_id(text: &str) -> String {
    let text = text.trim();
    // 第16项 is item 16, as the checklist is often cited.
    let bare = text
        .strip_prefix('第')
        .and_then(|t| t.strip_suffix('项'))
        .unwrap_or(text)
        .trim();
    let digits: String = bare
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    match digits.parse::<u32>() {
        Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) => n.to_string(),
        _ => text.to_owned(),
    }
}

/// Reads a checklist entry.
pub(crate) fn disclosure<R: Row + ?Sized>(row: &mut R) -> Option<Disclosure> {
    let item = required_text(row, "item").map(|i| Located::new(item_id(&i.value), i.location));
    let status = required_text(row, "status").and_then(|s| match Status::parse(&s.value) {
        Some(status) => Some(Located::new(status, s.location)),
        None => {
            let problem = Problem::BadValue {
                field: row.name("status"),
                value: s.value.clone(),
                allowed: Status::ALL.join(" / "),
                suggestion: did_you_mean(&s.value, Status::ALL.iter().copied()),
            };
            row.report(problem, s.location);
            None
        }
    });
    let links = row.texts("links");
    let channels = row.texts("channels");
    let published = row.dates("published");
    let owners = row.texts("owners");
    let note = row.text("note");
    let has_remark = row.text("remark").is_some();
    Some(Disclosure {
        item: item?,
        status: status?,
        links,
        channels,
        published,
        owners,
        note,
        has_remark,
        location: row.location(),
    })
}
