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
//! The file is streamed: one thread reads records, in batches, while another counts them in a
//! fast path that looks only at the columns the mapping names and allocates nothing per row, so
//! counting costs little more than reading. Memory is a few batches of records, the per-item
//! counters, and the duplicate finder, which is bounded: it remembers the fingerprints (64-bit
//! hashes) of the last [`DUPLICATE_WINDOW`] to twice that many distinct rows, in two
//! generations, so a duplicate is found when it comes within that many rows of its twin —
//! always, in an export of a university year's size, and for the rows listed together in
//! larger ones.
//!
//! Counting an export that fast takes four pieces, each with reasons of its own, so the module
//! is a folder with a file for each:
//!
//! - `mod.rs`, here: what a department's description of an export says ([`Export`]), and
//!   reading an export, CSV (streamed) or Excel, into the department's tallies.
//! - `count.rs`: counting one row at a time as the description says — which item it counts for,
//!   whether its date is in the period, whether it came before — and reporting the rows not
//!   counted.
//! - `duplicates.rs`: the bounded duplicate finder and the row fingerprints it remembers.
//! - `pipeline.rs`: the two threads, one reading records in batches while the other counts them.
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
        if counter.row(|i| record.get(i), at, kind).is_err() {
            return Ok(None);
        }
    }
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
mod tests {
    use std::fmt::Write as _;

    use crate::check::testing::{Year, ids};

    const MAPPING: &str = "[[export]]\nfile = \"宣传部-网站导出.csv\"\ndate = \"发布时间\"\ntitle = \"标题\"\nlink = \"链接\"\ncolumn = \"栏目\"\n[export.map]\n\"学校要闻\" = \"学校主页/要闻\"\n\"通知公告\" = \"学校主页/通知公告\"\n\n[[count]]\nchannel = \"学校主页\"\nitem = \"要闻\"\nsource = \"事件\"\nunit = \"条\"\n\n[[count]]\nchannel = \"学校主页\"\nitem = \"通知公告\"\nsource = \"事件\"\nunit = \"条\"\n";

    /// An export with known contents: `news` news rows and `notices` notices in the period,
    /// then rows that must not count: 2 outside the period, 5 unmapped, 2 with bad dates, 2
    /// repeating a link.
    fn export(news: usize, notices: usize) -> String {
        let mut csv = String::from("编号,标题,栏目,发布时间,链接,浏览量\n");
        let mut n = 0;
        let mut row = |title: &str, column: &str, date: &str, link: String| {
            n += 1;
            let _ = writeln!(csv, "{n},{title},{column},{date},{link},{}", n * 7);
        };
        for i in 0..news {
            row(
                "示例大学召开工作会议",
                "学校要闻",
                "2020-03-01 10:00:00",
                format!("https://www.example.edu.cn/n/{i}.htm"),
            );
        }
        for i in 0..notices {
            row(
                "关于放假的通知",
                "通知公告",
                "2020/5/1",
                format!("https://www.example.edu.cn/t/{i}.htm"),
            );
        }
        row(
            "去年的要闻",
            "学校要闻",
            "2019-08-31",
            "https://www.example.edu.cn/o/1.htm".into(),
        );
        row(
            "今年秋季的要闻",
            "学校要闻",
            "2020-09-01",
            "https://www.example.edu.cn/o/2.htm".into(),
        );
        for i in 0..4 {
            row(
                "专题报道",
                "专题",
                "2020-03-02",
                format!("https://www.example.edu.cn/z/{i}.htm"),
            );
        }
        row(
            "媒体报道",
            "媒体聚焦",
            "2020-03-02",
            "https://www.example.edu.cn/m/1.htm".into(),
        );
        row(
            "草稿",
            "学校要闻",
            "",
            "https://www.example.edu.cn/d/1.htm".into(),
        );
        row(
            "日期写错",
            "学校要闻",
            "2020-02-30",
            "https://www.example.edu.cn/d/2.htm".into(),
        );
        row(
            "示例大学召开工作会议",
            "学校要闻",
            "2020-03-01 10:00:00",
            "https://www.example.edu.cn/n/0.htm".into(),
        );
        row(
            "关于放假的通知",
            "通知公告",
            "2020/5/1",
            "https://www.example.edu.cn/t/1.htm".into(),
        );
        csv
    }

    fn values(year: &Year) -> Vec<(String, Option<u64>)> {
        let (subs, _) = year.load();
        subs.figures()
            .map(|(d, f)| (f.key().to_string(), d.value_of(f)))
            .collect()
    }

    #[test]
    fn an_export_counts_exactly_the_rows_of_the_period_once() {
        let year = Year::new()
            .file("宣传部.toml", MAPPING)
            .file("宣传部-网站导出.csv", &export(10, 3));
        assert_eq!(
            values(&year),
            [
                ("学校主页/要闻".to_owned(), Some(10)),
                ("学校主页/通知公告".to_owned(), Some(3))
            ]
        );
        let found = year.read();
        let kinds = ids(&found);
        let count = |id: &str| kinds.iter().filter(|k| *k == id).count();
        assert_eq!(count("D402"), 2, "{}", found.dump());
        assert_eq!(
            count("D407"),
            4,
            "three unmapped rows shown, and a summary: {}",
            found.dump()
        );
        assert_eq!(count("D406"), 2, "{}", found.dump());
        assert_eq!(count("D408"), 2, "{}", found.dump());
        let dump = found.dump();
        assert!(
            dump.contains("D407 宣传部-网站导出.csv:17:9 `专题` is not in the export's mapping"),
            "{dump}"
        );
        assert!(dump.contains("`专题` is not in the export's mapping (`[export.map]`); the row is not counted; 1 more such rows in this file"), "{dump}");
        assert!(
            dump.contains("D406 宣传部-网站导出.csv:22:12 the date is empty"),
            "{dump}"
        );
        assert!(dump.contains("D408 宣传部-网站导出.csv:24:"), "{dump}");
    }

    #[test]
    fn the_same_export_in_gbk_counts_the_same() {
        let text = export(7, 2);
        let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
        let year = Year::new()
            .file("宣传部.toml", MAPPING)
            .bytes("宣传部-网站导出.csv", &gbk);
        assert_eq!(
            values(&year),
            [
                ("学校主页/要闻".to_owned(), Some(7)),
                ("学校主页/通知公告".to_owned(), Some(2))
            ]
        );
        assert!(ids(&year.read()).contains(&"D111".to_owned()));
    }

    #[test]
    fn a_mapping_naming_a_missing_column_or_file_is_an_error_at_the_mapping() {
        let found = Year::new()
            .file(
                "宣传部.toml",
                &MAPPING.replace("\"发布时间\"", "\"发布日期\""),
            )
            .file("宣传部-网站导出.csv", &export(1, 1))
            .read();
        assert_eq!(ids(&found), ["D110"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.toml:3:8");
        assert!(found.message(0).contains(
            "has no column `发布日期`; its columns are: 编号, 标题, 栏目, 发布时间, 链接, 浏览量"
        ));
        let found = Year::new().file("宣传部.toml", MAPPING).read();
        assert_eq!(ids(&found), ["D110"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.toml:2:8");
    }

    #[test]
    fn a_date_format_reads_platform_dates() {
        let csv =
            "标题,时间\n一,2020年03月01日 08时\n二,2020年03月02日 09时\n三,2019年01月01日 00时\n";
        let toml = "[[export]]\nfile = \"宣传部-微信.csv\"\ndate = \"时间\"\ndate_format = \"%Y年%m月%d日\"\nchannel = \"官方微信\"\nitem = \"推文\"\n\n[[count]]\nchannel = \"官方微信\"\nitem = \"推文\"\nsource = \"事件\"\nunit = \"条\"\n";
        let year = Year::new()
            .file("宣传部.toml", toml)
            .file("宣传部-微信.csv", csv);
        assert_eq!(values(&year), [("官方微信/推文".to_owned(), Some(2))]);
    }
}
