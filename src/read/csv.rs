//! CSV tables → rows of the model.
//!
//! The first non-blank record is the header; its column names (English or Chinese) decide what
//! the table holds (see [`super::header`], shared with Excel sheets). Every later record is one row; blank records (a row
//! of empty cells, as Excel leaves at the end) are skipped. Positions are record offsets plus
//! field numbers in the decoded text, resolved to line and column only when shown — never
//! `csv::Position::line()`, which miscounts CRLF files.

use std::borrow::Cow;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::Problem;
use crate::model::location::Location;
use crate::model::submission::Department;
use crate::model::year::Period;
use crate::read::cells::{self, Cell, CellRow, Cells};
use crate::read::events::EventSink;
use crate::read::header::Header;
use crate::read::records::{Ragged, Record};
use crate::read::stream::{self, Text};

/// Reads one CSV file into `department`, streaming: rows are turned into figures, event tallies
/// and checklist entries one at a time, so memory does not grow with the number of rows. The
/// encoding is decided as [`super::stream`] says.
pub(crate) fn read(
    file: &Arc<Path>,
    period: Period,
    diags: &mut Diagnostics,
    department: &mut Department,
) -> Result<(), Error> {
    let found = stream::read_text(file, diags, |text, kind| pass(file, text, kind, period))?;
    if let Some(Scratch {
        department: part,
        diags: found,
    }) = found
    {
        department.absorb(part);
        diags.extend(found);
    }
    Ok(())
}

/// What one pass over a file found.
struct Scratch {
    department: Department,
    diags: Diagnostics,
}

/// Reads the whole file once; `None` when it turns out not to be in the encoding assumed.
fn pass(
    file: &Arc<Path>,
    stream: Box<dyn Read>,
    kind: Text,
    period: Period,
) -> io::Result<Option<Scratch>> {
    let mut records = stream::csv_records(stream);
    let mut scratch = Scratch {
        department: Department::default(),
        diags: Diagnostics::new(),
    };
    let mut events = EventSink::new(period);
    let mut header: Option<Header> = None;
    let mut rows = 0;
    while let Some(record) = records.next_record()? {
        let Some(fields) = Fields::of(record, kind) else {
            return Ok(None);
        };
        if fields.is_blank() {
            continue;
        }
        if let Some(header) = &header {
            rows += 1;
            row(file, header, &fields, &mut scratch, &mut events);
        } else {
            header = read_header(file, &fields, &mut scratch.diags);
            if header.is_none() {
                return Ok(Some(scratch));
            }
        }
    }
    events.finish_file(&mut scratch.diags);
    if let Some((problem, at)) = stream::unclosed_quote(file, &records) {
        scratch.diags = Diagnostics::new();
        scratch.department = Department::default();
        scratch.diags.push(problem, at);
        return Ok(Some(scratch));
    }
    if rows == 0 {
        scratch.diags.push(Problem::EmptyFile, Location::file(file));
    }
    Ok(Some(scratch))
}

/// A record whose fields are text.
struct Fields<'a> {
    record: Record<'a>,
}

impl<'a> Fields<'a> {
    /// The record, if every field is UTF-8 (and, in text decoded from another encoding, holds no
    /// character the decoder had to replace).
    fn of(record: Record<'a>, kind: Text) -> Option<Fields<'a>> {
        for field in record.iter() {
            let text = std::str::from_utf8(field).ok()?;
            if matches!(kind, Text::Decoded) && text.contains('\u{FFFD}') {
                return None;
            }
        }
        Some(Fields { record })
    }

    fn len(&self) -> usize {
        self.record.len()
    }

    /// Field `index` (UTF-8, as [`Fields::of`] checked).
    fn get(&self, index: usize) -> Option<&'a str> {
        self.record
            .get(index)
            .map(|f| std::str::from_utf8(f).unwrap_or_default())
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.record
            .iter()
            .map(|f| std::str::from_utf8(f).unwrap_or_default())
    }

    fn is_blank(&self) -> bool {
        self.record.is_blank()
    }

    fn offset(&self) -> usize {
        self.record.offset()
    }
}

/// Reads one data record.
fn row(
    file: &Arc<Path>,
    header: &Header,
    record: &Fields<'_>,
    scratch: &mut Scratch,
    events: &mut EventSink,
) {
    let at = record.offset();
    let diags = &mut scratch.diags;
    if let Some(problem) = record.record.ragged(header.width) {
        let index = match problem {
            Ragged::Extra(index) => index,
            Ragged::Short => record.len().saturating_sub(1),
        };
        let problem = Problem::RaggedRow {
            fields: record.len(),
            header: header.width,
            more: 0,
        };
        diags.push(problem, Location::field(file, at, index));
    }
    let row = CellRow {
        cells: CsvCells {
            file,
            record,
            offset: at,
        },
        header,
        diags,
    };
    cells::read(row, &mut scratch.department, events);
}

/// Reads the header record (see [`Header::read`]).
fn read_header(file: &Arc<Path>, header: &Fields<'_>, diags: &mut Diagnostics) -> Option<Header> {
    let at = header.offset();
    let names: Vec<&str> = header.iter().collect();
    Header::read(&names, |index| Location::field(file, at, index), diags)
}

/// The fields of one CSV record, as cells: positions are the record's offset and the field's
/// number.
struct CsvCells<'a> {
    /// The file.
    file: &'a Arc<Path>,
    /// The record.
    record: &'a Fields<'a>,
    /// Byte offset of the record in the decoded text.
    offset: usize,
}

impl Cells for CsvCells<'_> {
    fn cell(&self, index: usize) -> Option<Cell<'_>> {
        self.record.get(index).map(|f| Cell::Text(Cow::Borrowed(f)))
    }

    fn at(&self, index: usize) -> Location {
        Location::field(self.file, self.offset, index)
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

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
        assert_eq!(ids(&found), ["D116", "D101"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.csv:2:9");
        assert!(
            found
                .message(0)
                .contains("has 3 fields but the header has 4")
        );
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
