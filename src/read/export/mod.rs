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

    /// A workbook of one sheet, `Sheet1`, from rows of text cells (empty text: no cell).
    fn workbook(rows: &[Vec<String>]) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("Sheet1").unwrap();
        for (r, row) in (0u32..).zip(rows) {
            for (c, text) in (0u16..).zip(row) {
                if !text.is_empty() {
                    sheet.write_string(r, c, text).unwrap();
                }
            }
        }
        book.save_to_buffer().unwrap()
    }

    /// The rows of a CSV text, as cells.
    fn cells(csv: &str) -> Vec<Vec<String>> {
        csv.lines()
            .map(|l| l.split(',').map(str::to_owned).collect())
            .collect()
    }

    const XLSX_MAPPING: &str = "[[export]]\nfile = \"宣传部-导出.xlsx\"\ndate = \"发布时间\"\ncolumn = \"栏目\"\n[export.map]\n\"学校要闻\" = \"学校主页/要闻\"\n\n[[count]]\nchannel = \"学校主页\"\nitem = \"要闻\"\nsource = \"事件\"\nunit = \"条\"\n";

    #[test]
    fn an_excel_export_counts_as_its_csv_and_points_at_exact_cells() {
        let csv = export(10, 3);
        let year = Year::new()
            .file(
                "宣传部.toml",
                &MAPPING.replace("网站导出.csv", "网站导出.xlsx"),
            )
            .bytes("宣传部-网站导出.xlsx", &workbook(&cells(&csv)));
        assert_eq!(
            values(&year),
            [
                ("学校主页/要闻".to_owned(), Some(10)),
                ("学校主页/通知公告".to_owned(), Some(3))
            ]
        );
        let found = year.read();
        let dump = found.dump();
        // Row 17 of the CSV is row 17 of the sheet; 栏目 is the third column, C.
        assert!(
            dump.contains(
                "D407 宣传部-网站导出.xlsx[Sheet1]!C17 `专题` is not in the export's mapping"
            ),
            "{dump}"
        );
        assert!(
            dump.contains("D406 宣传部-网站导出.xlsx[Sheet1]!D22 the date is empty"),
            "{dump}"
        );
        assert!(
            dump.contains("D402 宣传部-网站导出.xlsx[Sheet1]!D15 2019-08-31 "),
            "{dump}"
        );
    }

    #[test]
    fn the_first_and_last_days_of_the_period_count_and_the_days_around_them_do_not() {
        let csv = "栏目,发布时间\n学校要闻,2019-08-31 23:59\n学校要闻,2019-09-01 00:00\n学校要闻,2020年8月31日\n学校要闻,2020/8/31 23:59:59\n学校要闻,2020-09-01\n";
        let toml = XLSX_MAPPING.replace("导出.xlsx", "导出.csv");
        for year in [
            Year::new()
                .file("宣传部.toml", &toml)
                .file("宣传部-导出.csv", csv),
            Year::new()
                .file("宣传部.toml", XLSX_MAPPING)
                .bytes("宣传部-导出.xlsx", &workbook(&cells(csv))),
        ] {
            assert_eq!(values(&year), [("学校主页/要闻".to_owned(), Some(3))]);
            let found = year.read();
            assert_eq!(ids(&found), ["D402", "D402"], "{}", found.dump());
        }
    }

    #[test]
    fn ragged_rows_of_a_csv_export_are_reported_three_by_three() {
        let mut csv = String::from("栏目,发布时间,标题\n");
        for _ in 0..5 {
            csv.push_str("学校要闻,2020-03-01\n");
        }
        for _ in 0..2 {
            csv.push_str("学校要闻,2020-03-02,标题,多余\n");
        }
        let year = Year::new()
            .file(
                "宣传部.toml",
                &XLSX_MAPPING.replace("导出.xlsx", "导出.csv"),
            )
            .file("宣传部-导出.csv", &csv);
        assert_eq!(values(&year), [("学校主页/要闻".to_owned(), Some(7))]);
        let found = year.read();
        assert_eq!(
            ids(&found),
            ["D116", "D116", "D116", "D116", "D101", "D101"],
            "{}",
            found.dump()
        );
        assert_eq!(found.at(0), "宣传部-导出.csv:2:6");
        assert!(
            found
                .message(3)
                .ends_with("; 1 more such rows in this file"),
            "{}",
            found.message(3)
        );
        assert_eq!(found.at(4), "宣传部-导出.csv:7:20");
    }

    #[test]
    fn a_stray_cell_far_from_an_excel_export_is_one_finding_at_its_address() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (c, text) in (0u16..).zip(["栏目", "发布时间"]) {
            sheet.write_string(0, c, text).unwrap();
        }
        for (c, text) in (0u16..).zip(["学校要闻", "2020-03-01"]) {
            sheet.write_string(1, c, text).unwrap();
        }
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
        let year = Year::new()
            .file("宣传部.toml", XLSX_MAPPING)
            .bytes("宣传部-导出.xlsx", &book.save_to_buffer().unwrap());
        assert_eq!(values(&year), [("学校主页/要闻".to_owned(), Some(1))]);
        let found = year.read();
        assert_eq!(ids(&found), ["D117"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部-导出.xlsx[Sheet1]!XFD1048576");
    }

    /// Counting each thread's live allocations, to see the peak of one reading.
    mod peak {
        use std::alloc::{GlobalAlloc, Layout, System};
        use std::cell::Cell;

        thread_local! {
            static LIVE: Cell<isize> = const { Cell::new(0) };
            static PEAK: Cell<isize> = const { Cell::new(0) };
        }

        pub(super) struct Counting;

        fn add(bytes: isize) {
            let _ = LIVE.try_with(|live| {
                let now = live.get() + bytes;
                live.set(now);
                let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
            });
        }

        fn size(n: usize) -> isize {
            isize::try_from(n).unwrap_or(isize::MAX)
        }

        // SAFETY: every call goes to the system allocator as it is; only sizes are counted.
        unsafe impl GlobalAlloc for Counting {
            unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
                let p = unsafe { System.alloc(layout) };
                if !p.is_null() {
                    add(size(layout.size()));
                }
                p
            }

            unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
                unsafe { System.dealloc(p, layout) };
                add(-size(layout.size()));
            }

            unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
                let q = unsafe { System.realloc(p, layout, new_size) };
                if !q.is_null() {
                    add(size(new_size) - size(layout.size()));
                }
                q
            }
        }

        /// Runs `f`; the most this thread had allocated at once meanwhile, beyond what it had
        /// before.
        pub(super) fn of<T>(f: impl FnOnce() -> T) -> (T, usize) {
            let start = LIVE.with(Cell::get);
            PEAK.with(|p| p.set(start));
            let out = f();
            let peak = PEAK.with(Cell::get) - start;
            (out, usize::try_from(peak).unwrap_or(0))
        }
    }

    #[global_allocator]
    static COUNTING: peak::Counting = peak::Counting;

    /// An export of `rows` rows in a few repeated values (so that a workbook's shared strings
    /// are the same whatever its length), as CSV.
    fn repetitive(rows: usize) -> String {
        let mut csv = String::from("栏目,发布时间,浏览量\n");
        for n in 0..rows {
            let column = ["学校要闻", "通知公告", "专题"][n % 3];
            let date = ["2020-03-01", "2021-01-01", "2020/5/1"][n % 3 / 2];
            let _ = writeln!(csv, "{column},{date},{}", n % 100);
        }
        csv
    }

    #[test]
    fn reading_an_export_takes_the_same_memory_for_ten_times_the_rows() {
        let peak = |rows: usize, xlsx: bool| {
            let csv = repetitive(rows);
            let year = if xlsx {
                Year::new()
                    .file("宣传部.toml", XLSX_MAPPING)
                    .bytes("宣传部-导出.xlsx", &workbook(&cells(&csv)))
            } else {
                Year::new()
                    .file(
                        "宣传部.toml",
                        &XLSX_MAPPING.replace("导出.xlsx", "导出.csv"),
                    )
                    .file("宣传部-导出.csv", &csv)
            };
            let ((subs, _), peak) = peak::of(|| year.load());
            let counted = subs.departments[0]
                .events
                .values()
                .map(|t| t.in_period)
                .sum::<u64>();
            assert_eq!(counted, (rows as u64).div_ceil(3), "{rows} rows");
            peak
        };
        for xlsx in [false, true] {
            let small = peak(3_000, xlsx);
            let large = peak(30_000, xlsx);
            assert!(
                large <= small + (16 << 10),
                "xlsx {xlsx}: {small} bytes at most for 3,000 rows, {large} for 30,000"
            );
        }
    }
}
