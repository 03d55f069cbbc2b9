//! CSV tables → rows of the model.
//!
//! The first non-blank record is the header; its column names (English or Chinese) decide what
//! the table holds (see [`super::columns`]). Every later record is one row; blank records (a row
//! of empty cells, as Excel leaves at the end) are skipped. Positions are record offsets plus
//! field numbers, resolved to line and column only when shown — never `csv::Position::line()`,
//! which miscounts CRLF files.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diagnostic::Diagnostics;
use crate::location::{Located, Location};
use crate::problem::{Problem, did_you_mean};
use crate::read::columns::{Column, TableKind};
use crate::read::events::EventSink;
use crate::read::rows::{self, Got, Row};
use crate::read::values;
use crate::submission::{Count, Department};

/// Reads one CSV file's decoded text into `department`.
pub(crate) fn read(
    file: &Arc<Path>,
    text: &str,
    diags: &mut Diagnostics,
    department: &mut Department,
    events: &mut EventSink,
) {
    if let Some(at) = unclosed_quote(text) {
        diags.push(
            Problem::CsvSyntax {
                message: "a quoted field is never closed (a `\"` is missing)".to_owned(),
            },
            Location::span(file, at..at + 1),
        );
        return;
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let Some(header) = header(file, &mut records, diags) else {
        return;
    };
    let mut rows = 0;
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let problem = Problem::CsvSyntax {
                    message: e.to_string(),
                };
                diags.push(problem, Location::file(file));
                continue;
            }
        };
        if is_blank(&record) {
            continue;
        }
        rows += 1;
        let at = offset(&record);
        if let Some(extra) = (header.width..record.len()).find(|&i| !record[i].trim().is_empty()) {
            let problem = Problem::CsvSyntax {
                message: format!(
                    "this row has {} fields but the header has {}",
                    record.len(),
                    header.width
                ),
            };
            diags.push(problem, Location::field(file, at, extra));
        }
        let mut row = CsvRow {
            file,
            record: &record,
            offset: at,
            columns: &header.columns,
            zh: header.zh,
            diags,
        };
        match header.kind {
            TableKind::Counts => department.figures.extend(rows::figure(&mut row)),
            TableKind::Events => {
                if let Some(event) = rows::event(&mut row) {
                    events.add(diags, department, event);
                }
            }
            TableKind::Disclosures => department.disclosures.extend(rows::disclosure(&mut row)),
        }
    }
    events.finish_file(diags);
    if rows == 0 {
        diags.push(Problem::EmptyFile, Location::file(file));
    }
}

/// What a CSV file's header says about its columns.
struct Header {
    kind: TableKind,
    /// The column of each field, `None` for an empty or unknown header cell.
    columns: Vec<Option<&'static Column>>,
    /// Whether the header is written in Chinese (for naming fields in messages).
    zh: bool,
    /// Number of header cells.
    width: usize,
}

/// Reads the first non-blank record as the header; reports unknown and repeated columns.
fn header(
    file: &Arc<Path>,
    records: &mut ::csv::StringRecordsIter<'_, &[u8]>,
    diags: &mut Diagnostics,
) -> Option<Header> {
    let header = loop {
        match records.next() {
            None => {
                diags.push(Problem::EmptyFile, Location::file(file));
                return None;
            }
            Some(Err(e)) => {
                let problem = Problem::CsvSyntax {
                    message: e.to_string(),
                };
                diags.push(problem, Location::file(file));
                return None;
            }
            Some(Ok(record)) if is_blank(&record) => {}
            Some(Ok(record)) => break record,
        }
    };
    let at = offset(&header);
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    let kind = match TableKind::of_header(&names) {
        Ok(kind) => kind,
        Err(ambiguous) => {
            let problem = if ambiguous {
                Problem::AmbiguousCsv
            } else {
                Problem::UnknownCsv {
                    headers: names.join(","),
                }
            };
            diags.push(problem, Location::field(file, at, 0));
            return None;
        }
    };
    let zh = names
        .iter()
        .any(|n| n.chars().any(crate::compose::phrase::is_han));
    let mut columns: Vec<Option<&'static Column>> = Vec::with_capacity(names.len());
    for (index, name) in names.iter().enumerate() {
        let column = kind.columns().iter().find(|c| c.is_named(name));
        match column {
            _ if name.is_empty() => {}
            Some(c) if columns.iter().flatten().any(|seen| seen.key == c.key) => {
                let problem = Problem::DuplicateColumn {
                    column: (*name).to_owned(),
                };
                diags.push(problem, Location::field(file, at, index));
                columns.push(None);
                continue;
            }
            Some(_) => {}
            None => {
                let known = kind.columns().iter().map(|c| c.zh_or_key(zh));
                let problem = Problem::UnknownKey {
                    key: (*name).to_owned(),
                    suggestion: did_you_mean(name, known),
                    column: true,
                };
                diags.push(problem, Location::field(file, at, index));
            }
        }
        columns.push(column.filter(|_| !name.is_empty()));
    }
    Some(Header {
        kind,
        columns,
        zh,
        width: names.len(),
    })
}

fn offset(record: &::csv::StringRecord) -> usize {
    record
        .position()
        .and_then(|p| usize::try_from(p.byte()).ok())
        .unwrap_or(0)
}

fn is_blank(record: &::csv::StringRecord) -> bool {
    record.iter().all(|f| f.trim().is_empty())
}

/// The offset of a quote that opens a field and is never closed, if any.
fn unclosed_quote(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut field_start = true;
    while i < bytes.len() {
        match bytes[i] {
            b'"' if field_start => {
                let open = i;
                i += 1;
                loop {
                    match bytes.get(i) {
                        None => return Some(open),
                        Some(b'"') if bytes.get(i + 1) == Some(&b'"') => i += 2,
                        Some(b'"') => break,
                        Some(_) => i += 1,
                    }
                }
                field_start = false;
            }
            b',' | b'\n' => field_start = true,
            b'\r' => {}
            _ => field_start = false,
        }
        i += 1;
    }
    None
}

/// One CSV record read as a submission row.
struct CsvRow<'a> {
    file: &'a Arc<Path>,
    record: &'a ::csv::StringRecord,
    offset: usize,
    columns: &'a [Option<&'static Column>],
    zh: bool,
    diags: &'a mut Diagnostics,
}

impl CsvRow<'_> {
    fn index(&self, field: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.is_some_and(|c| c.key == field))
    }

    fn at(&self, index: usize) -> Location {
        Location::field(self.file, self.offset, index)
    }

    fn separated(&mut self, field: &'static str, extra: &[char]) -> Vec<(String, Location)> {
        let Some(index) = self.index(field) else {
            return Vec::new();
        };
        let Some(value) = self.record.get(index) else {
            return Vec::new();
        };
        let at = self.at(index);
        value
            .split(|c: char| matches!(c, ';' | '；' | '、' | '\n' | '|') || extra.contains(&c))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| (s.to_owned(), at.clone()))
            .collect()
    }
}

impl Row for CsvRow<'_> {
    fn text(&mut self, field: &'static str) -> Option<Located<String>> {
        let index = self.index(field)?;
        let value = self.record.get(index)?.trim();
        (!value.is_empty()).then(|| Located::new(value.to_owned(), self.at(index)))
    }

    fn count(&mut self, field: &'static str) -> Got<Located<Count>> {
        let Some(text) = self.text(field) else {
            return Got::Absent;
        };
        match values::parse_count(&text.value) {
            Ok(count) => Got::Value(Located::new(count, text.location)),
            Err(reason) => {
                let problem = Problem::BadCount {
                    field: self.name(field),
                    value: text.value,
                    reason,
                };
                self.diags.push(problem, text.location);
                Got::Bad
            }
        }
    }

    fn date(&mut self, field: &'static str) -> Got<Located<Date>> {
        let Some(text) = self.text(field) else {
            return Got::Absent;
        };
        match values::parse_date(&text.value) {
            Some(date) => Got::Value(Located::new(date, text.location)),
            None => {
                self.diags
                    .push(Problem::BadDate { value: text.value }, text.location);
                Got::Bad
            }
        }
    }

    fn flag(&mut self, field: &'static str) -> bool {
        let Some(text) = self.text(field) else {
            return false;
        };
        values::parse_flag(&text.value).unwrap_or_else(|| {
            let problem = Problem::BadValue {
                field: self.name(field),
                value: text.value.clone(),
                allowed: "是 / 否".to_owned(),
                suggestion: None,
            };
            self.diags.push(problem, text.location);
            false
        })
    }

    fn texts(&mut self, field: &'static str) -> Vec<Located<String>> {
        let extra: &[char] = if field == "links" {
            &[' ', '\t', ',']
        } else {
            &[]
        };
        self.separated(field, extra)
            .into_iter()
            .map(|(s, at)| Located::new(s, at))
            .collect()
    }

    fn dates(&mut self, field: &'static str) -> Vec<Located<Date>> {
        let mut dates = Vec::new();
        for (text, at) in self.separated(field, &[' ', ',']) {
            match values::parse_date(&text) {
                Some(date) => dates.push(Located::new(date, at)),
                None => self.diags.push(Problem::BadDate { value: text }, at),
            }
        }
        dates
    }

    fn name(&self, field: &'static str) -> String {
        let column = self.index(field).and_then(|i| self.columns[i]);
        match column {
            Some(c) => c.zh_or_key(self.zh).to_owned(),
            None => crate::read::columns::display_name(field, self.zh),
        }
    }

    fn location(&self) -> Location {
        self.at(0)
    }

    fn field_location(&self, field: &'static str) -> Location {
        self.index(field)
            .map_or_else(|| self.location(), |i| self.at(i))
    }

    fn report(&mut self, problem: Problem, location: Location) {
        self.diags.push(problem, location);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unclosed_quotes_are_found() {
        assert_eq!(unclosed_quote("a,b\n\"x,y\n"), Some(4));
        assert_eq!(unclosed_quote("a,\"b\"\"c\"\n"), None);
        assert_eq!(unclosed_quote("a,b\"c\n"), None);
    }
}
