//! Platform exports: a CMS article list, a 微信 or 微博 post list, an OA document list,
//! submitted as the platform wrote it, and counted by a mapping in the department's TOML.
//!
//! ```toml
//! [[export]]
//! file = "宣传部-网站导出.csv"   # the export, unchanged, in the year folder
//! date = "发布时间"               # the column with the date (and time)
//! title = "标题"                  # optional: for finding duplicates
//! link = "链接"                   # optional: for finding duplicates
//! column = "栏目"                 # the column whose values say what a row counts as
//! [export.map]
//! "学校要闻" = "学校主页/要闻"
//! "通知公告" = "学校主页/通知公告"
//! ```
//!
//! Every row inside the statistics period counts once for the channel/item its column value
//! maps to; a count row of the department with `source = "事件"` for that channel/item gets the
//! number. Rows outside the period (D402), with a date that cannot be read (D406), whose value
//! is not mapped (D407) or that repeat an earlier row (D408) are not counted, and are reported:
//! the first three of each kind one by one, the rest as one summary.
//!
//! The file is streamed on one thread (but for inflating an .xlsx workbook's zip entries, done
//! on a second one, `sheet_xml/inflate.rs`): each record is counted as it is read, in a fast path
//! that looks only at the columns the mapping names and allocates nothing per row, so counting
//! costs little more than reading. Memory is the reader's buffer, the per-item counters, and
//! the duplicate finder, which is bounded: it remembers the fingerprints (64-bit
//! hashes) of the last [`DUPLICATE_WINDOW`] to twice that many distinct rows, in two
//! generations, so a duplicate is found when it comes within that many rows of its twin —
//! always, in an export of a university year's size, and for the rows listed together in
//! larger ones.
//!
//! Counting an export that fast takes a few pieces, each with reasons of its own, so the module
//! is a folder with a file for each:
//!
//! - `mod.rs`, here: what a department's description of an export says ([`Export`]), and
//!   reading an export, CSV (streamed) or Excel, into the department's tallies.
//! - `count.rs`: counting one row at a time as the description says — which item it counts for,
//!   whether its date is in the period, whether it came before — and reporting the rows not
//!   counted.
//! - `duplicates.rs`: the bounded duplicate finder and the row fingerprints it remembers.
//! - `dates.rs`: the date of a row, read without allocating in the usual spellings.

mod count;
mod dates;
mod duplicates;

use std::io::{self, Read};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::Problem;
use crate::model::location::{Located, Location};
use crate::model::submission::{Department, EventTally};
use crate::model::year::Period;
use crate::read::records::Ragged;
use crate::read::stream::{self, Text};
use crate::read::workbook::{self, Span, Workbook};

use self::count::{Counter, header, text_of};

pub use self::duplicates::DUPLICATE_WINDOW;

/// A department's description of one export file.
#[derive(Clone, Debug)]
pub struct Export {
    /// The export's file name, in the year folder.
    pub file: Located<String>,
    /// The header of the date column.
    pub date: Located<String>,
    /// A strftime-style format for the dates (`%Y年%m月%d日 %H:%M`), when they are not in one
    /// of the usual spellings.
    pub date_format: Option<Located<String>>,
    /// The header of the title column.
    pub title: Option<Located<String>>,
    /// The header of the link column.
    pub link: Option<Located<String>>,
    /// The header of the column whose values are mapped; without it every row counts for
    /// `channel`/`item`.
    pub column: Option<Located<String>>,
    /// What each value counts as: (value, channel, item).
    pub map: Vec<(String, String, String)>,
    /// The `[[export]]` table.
    pub location: Location,
}

/// Reads an export file with its description, adding its rows to the department's tallies.
pub(crate) fn read(
    file: &Arc<Path>,
    export: &Export,
    period: Period,
    diags: &mut Diagnostics,
    department: &mut Department,
) -> Result<(), Error> {
    let is_workbook = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xls"));
    let found = if is_workbook {
        Some(workbook(file, export, period)?)
    } else {
        stream::read_text(file, diags, |text, kind| {
            pass(file, export, period, text, kind)
        })?
    };
    if let Some(scratch) = found {
        for ((channel, item), tally) in scratch.tallies {
            let entry = department
                .events
                .entry((channel, item))
                .or_insert_with(|| EventTally {
                    in_period: 0,
                    outside: 0,
                    first: tally.first.clone(),
                });
            entry.in_period += tally.in_period;
            entry.outside += tally.outside;
        }
        diags.extend(scratch.diags);
    }
    Ok(())
}

/// What one pass found.
struct Scratch {
    tallies: Vec<((String, String), EventTally)>,
    diags: Diagnostics,
    /// Whether some row was not counted for an empty date or column value.
    emptied: bool,
}

/// A scratch with only findings (the file could not be counted).
fn findings(diags: Diagnostics) -> Scratch {
    Scratch {
        tallies: Vec::new(),
        diags,
        emptied: false,
    }
}

/// One pass over a CSV export, streaming: each record is counted as it is read, in the
/// reader's buffer.
fn pass(
    file: &Arc<Path>,
    export: &Export,
    period: Period,
    stream: Box<dyn Read>,
    kind: Text,
) -> io::Result<Option<Scratch>> {
    let mut records = stream::csv_records(stream);
    let mut diags = Diagnostics::new();
    let (columns, width) = loop {
        let Some(record) = records.next_record()? else {
            if let Some((problem, at)) = stream::unclosed_quote(file, &records) {
                diags.push(problem, at);
            } else {
                diags.push(Problem::EmptyFile, Location::file(file));
            }
            return Ok(Some(findings(diags)));
        };
        if record.is_blank() {
            continue;
        }
        let names: Option<Vec<&str>> = record.iter().map(|f| text_of(f, kind)).collect();
        let Some(names) = names else {
            return Ok(None);
        };
        break (header(file, export, &names, &mut diags), names.len());
    };
    let Some(columns) = columns else {
        return Ok(Some(findings(diags)));
    };
    let mut counter = Counter::new(export, columns, period, diags);
    while let Some(record) = records.next_record()? {
        counter.settle(file);
        if record.is_blank() {
            continue;
        }
        let offset = record.offset();
        let at = |i| Location::field(file, offset, i);
        if let Some(ragged) = record.ragged(width) {
            let fields = record.len();
            let (capped, index) = match ragged {
                Ragged::Short => (&mut counter.short, fields.saturating_sub(1)),
                Ragged::Extra(index) => (&mut counter.extra, index),
            };
            let problem = Problem::RaggedRow {
                fields,
                header: width,
                more: 0,
            };
            capped.add(&mut counter.diags, || (problem, at(index)));
        }
        if counter
            .csv_row(|i| record.get(i), at, offset, kind)
            .is_err()
        {
            return Ok(None);
        }
    }
    counter.settle(file);
    if let Some((problem, at)) = stream::unclosed_quote(file, &records) {
        let mut diags = Diagnostics::new();
        diags.push(problem, at);
        return Ok(Some(findings(diags)));
    }
    Ok(Some(counter.finish()))
}

/// An Excel export: the first worksheet that is not instructions, streamed row by row, each
/// row counted as it is read.
fn workbook(file: &Arc<Path>, export: &Export, period: Period) -> Result<Scratch, Error> {
    let mut diags = Diagnostics::new();
    let Some(mut book) = Workbook::open(file, &mut diags)? else {
        return Ok(findings(diags));
    };
    let Some(name) = book.tables().into_iter().next() else {
        diags.push(Problem::EmptyFile, Location::file(file));
        return Ok(findings(diags));
    };
    let mut table: Option<Table<'_>> = None;
    let mut unread = false;
    let read = book.rows(&name, |row| {
        let Some(table) = &mut table else {
            let Some(span) = row.extent() else {
                return ControlFlow::Continue(());
            };
            let names = span.names(row);
            let Some(columns) = header(file, export, &names, &mut diags) else {
                unread = true;
                return ControlFlow::Break(());
            };
            let counter = Counter::new(export, columns, period, std::mem::take(&mut diags));
            table = Some(Table {
                counter,
                span,
                top: row.row(),
            });
            return ControlFlow::Continue(());
        };
        let (span, counter) = (table.span, &mut table.counter);
        let at = |column: u32| workbook::cell(file, &name, row.row(), column);
        for column in span.outside(row) {
            let problem = Problem::CellOutsideTable {
                columns: span.letters(),
                more: 0,
            };
            counter
                .extra
                .add(&mut counter.diags, || (problem, at(column)));
        }
        if span.touches(row) {
            let field = |i: usize| row.get(span.column(i)).map(|c| c.text.as_bytes());
            // Decoded text cannot fail to be UTF-8.
            let _ = counter.row(field, |i| at(span.column(i)), Text::Decoded);
        }
        ControlFlow::Continue(())
    });
    if let Err(message) = read {
        diags.push(Problem::BadWorkbook { message }, Location::file(file));
        return Ok(findings(diags));
    }
    match table {
        None if unread => Ok(findings(diags)),
        None => {
            diags.push(Problem::EmptyFile, Location::file(file));
            Ok(findings(diags))
        }
        Some(table) => {
            let mut scratch = table.counter.finish();
            // Rows left without a date or a column value may be under merged cells: say so
            // once per range (reading the sheet's XML again only then).
            if scratch.emptied {
                let ranges = book.merged(&name);
                for range in ranges
                    .iter()
                    .filter(|r| r.start != r.end && r.end.0 > table.top)
                {
                    let problem = Problem::MergedCells {
                        range: workbook::range_name(range),
                    };
                    let at = workbook::cell(file, &name, range.start.0, range.start.1);
                    scratch.diags.push(problem, at);
                }
            }
            Ok(scratch)
        }
    }
}

/// An Excel export's table, once its header is read.
struct Table<'e> {
    counter: Counter<'e>,
    /// The columns of its header.
    span: Span,
    /// The header's row.
    top: u32,
}

#[cfg(test)]
mod tests;
