//! Tests of reading platform exports: counting, findings, and the memory of a reading.

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
    let csv = "标题,时间\n一,2020年03月01日 08时\n二,2020年03月02日 09时\n三,2019年01月01日 00时\n";
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
