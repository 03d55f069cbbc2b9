//! CSV tables → rows of the model.
//!
//! The first non-blank record is the header; its column names (English or Chinese) decide what
//! the table holds (see [`super::columns`]). Every later record is one row; blank records (a row
//! of empty cells, as Excel leaves at the end) are skipped. Positions are record offsets plus
//! field numbers in the decoded text, resolved to line and column only when shown — never
//! `csv::Position::line()`, which miscounts CRLF files.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use encoding_rs_io::DecodeReaderBytesBuilder;

use jiff::civil::Date;

use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::location::{Located, Location};
use crate::problem::{Problem, did_you_mean};
use crate::read::columns::{Column, TableKind};
use crate::read::events::EventSink;
use crate::read::quotes::QuoteWatch;
use crate::read::rows::{self, Got, Row};
use crate::read::values;
use crate::submission::{Count, Department};
use crate::year::Period;

/// Reads one CSV file into `department`, streaming: rows are turned into figures, event tallies
/// and checklist entries one at a time, so memory does not grow with the number of rows.
///
/// The encoding rule is the one in [`crate::decode`]: a byte-order mark decides; otherwise the
/// file is read as UTF-8, and if a record turns out not to be UTF-8, read again from the start
/// as GB18030. What a pass found is kept only when the pass completes.
pub(crate) fn read(
    file: &Arc<Path>,
    period: Period,
    diags: &mut Diagnostics,
    department: &mut Department,
) -> Result<(), Error> {
    let io_error = |source| Error::Read {
        path: file.to_path_buf(),
        source,
    };
    let mut head = [0u8; 4];
    let n = read_prefix(file, &mut head).map_err(io_error)?;
    let by_bom = encoding_rs::Encoding::for_bom(&head[..n]).map(|(encoding, _)| encoding);
    let scratch = match by_bom {
        Some(encoding) => pass(file, Some(encoding), period).map_err(io_error)?,
        None => match pass(file, None, period).map_err(io_error)? {
            Some(scratch) => Some(scratch),
            None => {
                let scratch = pass(file, Some(encoding_rs::GB18030), period).map_err(io_error)?;
                if scratch.is_some() {
                    let problem = Problem::NotUtf8 {
                        encoding: crate::decode::Encoding::Gb18030.name(),
                    };
                    diags.push(problem, Location::file(file));
                }
                scratch
            }
        },
    };
    let Some(Scratch {
        department: part,
        diags: found,
    }) = scratch
    else {
        diags.push(Problem::Undecodable, Location::file(file));
        return Ok(());
    };
    department.absorb(part);
    diags.extend(found);
    Ok(())
}

/// What one pass over a file found.
struct Scratch {
    department: Department,
    diags: Diagnostics,
}

fn read_prefix(file: &Path, head: &mut [u8]) -> io::Result<usize> {
    let mut f = File::open(file)?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Reads the whole file once: as raw UTF-8 when `encoding` is `None` (returning `None` at the
/// first record that is not UTF-8), otherwise decoded from `encoding` (returning `None` if
/// some bytes cannot be decoded).
fn pass(
    file: &Arc<Path>,
    encoding: Option<&'static encoding_rs::Encoding>,
    period: Period,
) -> io::Result<Option<Scratch>> {
    let raw = File::open(file)?;
    let stream: Box<dyn Read> = match encoding {
        None => Box::new(raw),
        Some(encoding) => Box::new(
            DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding))
                .bom_sniffing(true)
                .strip_bom(true)
                .build(raw),
        ),
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(QuoteWatch::new(stream));
    let mut scratch = Scratch {
        department: Department::default(),
        diags: Diagnostics::new(),
    };
    let mut events = EventSink::new(period);
    let mut header: Option<Header> = None;
    let mut rows = 0;
    let mut bytes = ::csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut bytes) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) if e.is_io_error() => {
                return Err(match e.into_kind() {
                    ::csv::ErrorKind::Io(e) => e,
                    _ => io::Error::other("CSV read error"),
                });
            }
            Err(e) => {
                let problem = Problem::CsvSyntax {
                    message: e.to_string(),
                };
                scratch.diags.push(problem, Location::file(file));
                continue;
            }
        }
        let Ok(record) = ::csv::StringRecord::from_byte_record(std::mem::take(&mut bytes)) else {
            return Ok(None);
        };
        if encoding.is_some() && record.iter().any(|f| f.contains('\u{FFFD}')) {
            return Ok(None);
        }
        if !is_blank(&record) {
            if let Some(header) = &header {
                rows += 1;
                row(file, header, &record, &mut scratch, &mut events);
            } else {
                header = read_header(file, &record, &mut scratch.diags);
                if header.is_none() {
                    return Ok(Some(scratch));
                }
            }
        }
        // Give the allocation back to the next record.
        bytes = record.into_byte_record();
    }
    events.finish_file(&mut scratch.diags);
    if let Some(at) = reader.into_inner().unclosed() {
        let problem = Problem::CsvSyntax {
            message: "a quoted field is never closed (a `\"` is missing)".to_owned(),
        };
        scratch.diags = Diagnostics::new();
        scratch.department = Department::default();
        scratch
            .diags
            .push(problem, Location::span(file, at..at + 1));
        return Ok(Some(scratch));
    }
    if rows == 0 {
        scratch.diags.push(Problem::EmptyFile, Location::file(file));
    }
    Ok(Some(scratch))
}

/// Reads one data record.
fn row(
    file: &Arc<Path>,
    header: &Header,
    record: &::csv::StringRecord,
    scratch: &mut Scratch,
    events: &mut EventSink,
) {
    let at = offset(record);
    let diags = &mut scratch.diags;
    let department = &mut scratch.department;
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
        record,
        offset: at,
        columns: &header.columns,
        unknown: &header.unknown,
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

/// What a CSV file's header says about its columns.
struct Header {
    kind: TableKind,
    /// The column of each field, `None` for an empty or unknown header cell.
    columns: Vec<Option<&'static Column>>,
    /// Header cells that name no column.
    unknown: Vec<String>,
    /// Whether the header is written in Chinese (for naming fields in messages).
    zh: bool,
    /// Number of header cells.
    width: usize,
}

/// Reads the header record; reports unknown and repeated columns.
fn read_header(
    file: &Arc<Path>,
    header: &::csv::StringRecord,
    diags: &mut Diagnostics,
) -> Option<Header> {
    let at = offset(header);
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    let kind =
        match TableKind::of_header(&names).or_else(|_| TableKind::of_header(&corrected(&names))) {
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
    let mut unknown = Vec::new();
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
                unknown.push((*name).to_owned());
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
        unknown,
        zh,
        width: names.len(),
    })
}

/// Header names with each unknown name replaced by the known name it is a likely typo of, to
/// tell what a table holds when its key column is misspelt (数目 for 数量).
fn corrected<'a>(names: &[&'a str]) -> Vec<&'a str> {
    let known: Vec<&'static str> = [TableKind::Counts, TableKind::Events, TableKind::Disclosures]
        .iter()
        .flat_map(|k| k.columns())
        .flat_map(|c| [c.key, c.zh])
        .collect();
    names
        .iter()
        .map(|&name| {
            if known.contains(&name) {
                return name;
            }
            did_you_mean(name, known.iter().copied())
                .and_then(|s| known.iter().copied().find(|k| *k == s))
                .unwrap_or(name)
        })
        .collect()
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

/// One CSV record read as a submission row.
struct CsvRow<'a> {
    file: &'a Arc<Path>,
    record: &'a ::csv::StringRecord,
    offset: usize,
    columns: &'a [Option<&'static Column>],
    unknown: &'a [String],
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

    fn present(&self, field: &'static str) -> bool {
        self.index(field)
            .and_then(|i| self.record.get(i))
            .is_some_and(|v| !v.trim().is_empty())
    }

    fn misspelt(&self, field: &'static str) -> bool {
        self.unknown.iter().any(|name| {
            let column = crate::read::columns::display_name(field, true);
            did_you_mean(name, [field, column.as_str()]).is_some()
        })
    }

    fn report(&mut self, problem: Problem, location: Location) {
        self.diags.push(problem, location);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{Year, ids};

    const CSV: &str = "渠道,类别,数量,单位\n学校主页,要闻,884,条\n官方微信,信息,-5,条\n";

    fn encodings() -> Vec<(&'static str, Vec<u8>)> {
        let crlf = CSV.replace('\n', "\r\n");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(CSV.as_bytes());
        let (gbk, _, _) = encoding_rs::GB18030.encode(&crlf);
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in CSV.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        vec![
            ("utf-8", CSV.as_bytes().to_vec()),
            ("crlf", crlf.as_bytes().to_vec()),
            ("bom", bom),
            ("gbk+crlf", gbk.into_owned()),
            ("utf-16", utf16),
        ]
    }

    #[test]
    fn every_encoding_gives_the_same_rows_and_positions() {
        for (name, bytes) in encodings() {
            let year = Year::new().bytes("宣传部.csv", &bytes);
            let (subs, _) = year.load();
            let figures: Vec<String> = subs.figures().map(|(_, f)| f.key().to_string()).collect();
            assert_eq!(figures, ["学校主页/要闻", "官方微信/信息"], "{name}");
            let found = year.read();
            let expected: &[&str] = if name == "gbk+crlf" {
                &["D111", "D105"]
            } else {
                &["D105"]
            };
            assert_eq!(ids(&found), expected, "{name}: {}", found.dump());
            assert_eq!(found.at(expected.len() - 1), "宣传部.csv:3:9", "{name}");
        }
    }

    #[test]
    fn bytes_that_are_not_text_are_reported_once() {
        let found = Year::new()
            .bytes("宣传部.csv", &[0x81, 0x20, 0xFF, 0xFE, 0x00, b'\n'])
            .read();
        assert_eq!(ids(&found), ["D112"], "{}", found.dump());
    }

    #[test]
    fn an_unclosed_quote_is_a_syntax_error_at_the_quote() {
        let found = Year::new()
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位\n学校主页,\"要闻,884,条\n官方微信,信息,5,条\n",
            )
            .read();
        assert_eq!(ids(&found), ["D101"]);
        assert_eq!(found.at(0), "宣传部.csv:2:6");
    }

    #[test]
    fn unknown_and_repeated_columns() {
        let found = Year::new()
            .file(
                "宣传部.csv",
                "渠道,类别,数目,单位,渠道\n学校主页,要闻,884,条,x\n",
            )
            .read();
        assert_eq!(ids(&found), ["D102", "D107"], "{}", found.dump());
        assert!(
            found.message(0).contains("did you mean `数量`"),
            "{}",
            found.message(0)
        );
        assert_eq!(found.at(0), "宣传部.csv:1:7");
    }

    #[test]
    fn header_language_decides_how_fields_are_named() {
        let found = Year::new()
            .file(
                "宣传部.csv",
                "channel,item,number,unit\n学校主页,要闻,,条\n",
            )
            .read();
        assert_eq!(found.message(0), "missing `number`");
        let found = Year::new()
            .file("宣传部.csv", "渠道,类别,数量,单位\n学校主页,要闻,,条\n")
            .read();
        assert_eq!(found.message(0), "missing `数量`");
        assert_eq!(found.at(0), "宣传部.csv:2:9");
    }

    #[test]
    fn short_rows_and_extra_fields() {
        let found = Year::new()
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位\n学校主页,要闻,884\n学校主页,动态,5,条,多余\n",
            )
            .read();
        assert_eq!(ids(&found), ["D103", "D101"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.csv:2:12");
        assert_eq!(found.at(1), "宣传部.csv:3:13");
    }

    #[test]
    fn an_empty_file_and_a_header_only_file() {
        assert_eq!(ids(&Year::new().file("宣传部.csv", "").read()), ["D106"]);
        assert_eq!(
            ids(&Year::new()
                .file("宣传部.csv", "渠道,类别,数量,单位\n,,,\n")
                .read()),
            ["D106"]
        );
    }
}
