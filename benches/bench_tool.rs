//! Helper for the benchmark (benches/run.sh): generates the inputs and measures the floors.
//!
//! - `bench_tool gen KIND ROWS FILE` writes a CMS-like export of ROWS rows: an id, a Chinese
//!   title, a column (栏目), a publish time, a link, an author and a view count. Rows fall in and
//!   out of the 2019-2020 statistics period, a few columns are unmapped, and one row in a
//!   thousand repeats an earlier link, as in real exports. KIND is `plain` (no quotes),
//!   `quoted` (every field quoted, as some platforms write them), `gb18030` (plain, in GB18030),
//!   `ymd` (plain, dates written `2020年3月1日 10:00`) or `xlsx` (the plain rows as a workbook,
//!   text in shared strings, as platforms write them).
//! - `bench_tool floor FILE [gb18030]` reads every record with `csv::Reader::read_byte_record`
//!   (after decoding GB18030 as disclose does, when asked) and prints the number of records: the
//!   least any CSV-based counting can cost.
//! - `bench_tool open-xlsx FILE` opens a workbook with calamine (which reads its shared strings)
//!   and reads no sheet: its peak memory is about that of the shared-string table.
//! - `bench_tool departments N DIR` writes a year of N departments, each with a CSV of ten counts.
//! - `bench_tool run [--runs N] [--quick] [--excel]` is the benchmark itself (see benches/README.md);
//!   `--excel` runs only its .xlsx rows.

// Measurement code: rates and megabytes are floats made from counts, exactly enough; children
// are reaped with `libc::wait4` (for their CPU time and peak memory), which clippy cannot see.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::zombie_processes
)]

#[path = "bench_tool/run.rs"]
mod run;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::Path;

const COLUMNS: &[&str] = &[
    "学校要闻",
    "通知公告",
    "校园动态",
    "学术动态",
    "媒体聚焦",
    "专题报道",
];
const WORDS: &[&str] = &[
    "示例大学",
    "召开",
    "学术报告会",
    "本科教学",
    "工作会议",
    "研究生",
    "招生",
    "就业",
    "创新创业",
    "实验室",
    "党委",
    "理论学习",
    "国际交流",
    "合作协议",
    "校园文化",
    "志愿服务",
    "表彰大会",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    match arg(1) {
        "gen" => {
            let rows: u64 = arg(3).parse().expect("a number of rows");
            generate(arg(2), rows, Path::new(arg(4))).expect("the export is written");
        }
        "run" => run::main(&args[2..]),
        "floor" => println!("{}", floor(Path::new(arg(2)), arg(3) == "gb18030")),
        "open-xlsx" => {
            use calamine::Reader;
            let book: calamine::Xlsx<_> =
                calamine::open_workbook(arg(2)).expect("a workbook calamine opens");
            println!("{} sheets", book.sheet_names().len());
        }
        "departments" => {
            let n: usize = arg(2).parse().expect("a number of departments");
            departments(n, Path::new(arg(3))).expect("the year is written");
        }
        _ => eprintln!(
            "usage: bench_tool gen KIND ROWS FILE | floor FILE [gb18030] | open-xlsx FILE | departments N DIR | run [--runs N] [--quick] [--excel]"
        ),
    }
}

/// A bare pass of the csv crate over every record.
fn floor(path: &Path, gb18030: bool) -> u64 {
    let file = std::fs::File::open(path).expect("the file opens");
    let text: Box<dyn std::io::Read> = if gb18030 {
        Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding_rs::GB18030))
                .build(file),
        )
    } else {
        Box::new(file)
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let mut n = 0u64;
    while reader.read_byte_record(&mut record).expect("a record") {
        n += 1;
    }
    n
}

/// One generated row's fields.
fn row(id: u64, next: &mut impl FnMut() -> u64, ymd: bool) -> [String; 7] {
    let r = next();
    let words = 3 + (r % 4) as usize;
    let mut title = String::new();
    for k in 0..words {
        title.push_str(WORDS[((r >> (8 * k)) % WORDS.len() as u64) as usize]);
    }
    let column = COLUMNS[((r >> 40) % COLUMNS.len() as u64) as usize];
    // 2019-06 .. 2020-11: most rows in the period, some outside.
    let day = (r >> 20) % 540;
    let (year, month, dom) = date(day);
    let (hour, minute) = ((r >> 50) % 24, (r >> 55) % 60);
    let when = if ymd {
        format!("{year}年{month}月{dom}日 {hour:02}:{minute:02}")
    } else {
        format!("{year}-{month:02}-{dom:02} {hour:02}:{minute:02}:00")
    };
    let link_id = if id > 1000 && r.is_multiple_of(1000) {
        id - 1000
    } else {
        id
    };
    [
        id.to_string(),
        title,
        column.to_owned(),
        when,
        format!("https://www.example.edu.cn/info/{link_id}.htm"),
        "宣传部".to_owned(),
        (r % 5000).to_string(),
    ]
}

const HEADER: [&str; 7] = ["编号", "标题", "栏目", "发布时间", "链接", "作者", "浏览量"];

/// Writes an export of `rows` rows of `kind` to `path`.
fn generate(kind: &str, rows: u64, path: &Path) -> std::io::Result<()> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    if kind == "xlsx" {
        return xlsx(rows, path, &mut next);
    }
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    let mut line = String::new();
    for id in 0..=rows {
        line.clear();
        let fields = if id == 0 {
            HEADER.map(str::to_owned)
        } else {
            row(id - 1, &mut next, kind == "ymd")
        };
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                line.push(',');
            }
            if kind == "quoted" {
                let _ = write!(line, "\"{field}\"");
            } else {
                line.push_str(field);
            }
        }
        line.push('\n');
        if kind == "gb18030" {
            let (bytes, _, _) = encoding_rs::GB18030.encode(&line);
            out.write_all(&bytes)?;
        } else {
            out.write_all(line.as_bytes())?;
        }
    }
    out.flush()
}

/// The plain rows as a workbook of one sheet, `Sheet1`: numbers as number cells, text in the
/// shared-string table, written as a stream (`rust_xlsxwriter` would hold every cell in memory).
fn xlsx(rows: u64, path: &Path, next: &mut impl FnMut() -> u64) -> std::io::Result<()> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path)?);
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut strings: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    zip.start_file("xl/worksheets/sheet1.xml", options)?;
    {
        let mut sheet = BufWriter::with_capacity(1 << 20, &mut zip);
        sheet.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")?;
        let mut line = String::new();
        for r in 0..=rows {
            let fields = if r == 0 {
                HEADER.map(str::to_owned)
            } else {
                row(r - 1, next, false)
            };
            line.clear();
            let _ = write!(line, "<row r=\"{}\">", r + 1);
            for (c, field) in fields.into_iter().enumerate() {
                let cell = format!("{}{}", (b'A' + c as u8) as char, r + 1);
                let numeric = r > 0 && (c == 0 || c == 6);
                if numeric {
                    let _ = write!(line, "<c r=\"{cell}\"><v>{field}</v></c>");
                } else {
                    let n = strings.len();
                    let index = *strings.entry(field.clone()).or_insert_with(|| {
                        order.push(field);
                        n
                    });
                    let _ = write!(line, "<c r=\"{cell}\" t=\"s\"><v>{index}</v></c>");
                }
            }
            line.push_str("</row>");
            sheet.write_all(line.as_bytes())?;
        }
        sheet.write_all(b"</sheetData></worksheet>")?;
        sheet.flush()?;
    }
    zip.start_file("xl/sharedStrings.xml", options)?;
    {
        let mut sst = BufWriter::with_capacity(1 << 20, &mut zip);
        write!(
            sst,
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"{0}\" uniqueCount=\"{0}\">",
            order.len()
        )?;
        for s in &order {
            write!(sst, "<si><t>{s}</t></si>")?;
        }
        sst.write_all(b"</sst>")?;
        sst.flush()?;
    }
    let parts: [(&str, &str); 4] = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.finish()?;
    Ok(())
}

/// Day `n` after 2019-06-01, as (year, month, day).
fn date(mut n: u64) -> (u64, u64, u64) {
    let months = [
        (2019, 6, 30),
        (2019, 7, 31),
        (2019, 8, 31),
        (2019, 9, 30),
        (2019, 10, 31),
        (2019, 11, 30),
        (2019, 12, 31),
        (2020, 1, 31),
        (2020, 2, 29),
        (2020, 3, 31),
        (2020, 4, 30),
        (2020, 5, 31),
        (2020, 6, 30),
        (2020, 7, 31),
        (2020, 8, 31),
        (2020, 9, 30),
        (2020, 10, 31),
        (2020, 11, 30),
    ];
    for (y, m, days) in months {
        if n < days {
            return (y, m, n + 1);
        }
        n -= days;
    }
    (2020, 11, 30)
}

/// A year of `n` departments in `dir`, each with a CSV of ten counts under a channel of its own,
/// all in one channel group of the report.
fn departments(n: usize, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let names: Vec<String> = (1..=n).map(|k| format!("部门{k:04}")).collect();
    let mut report = String::from(
        "school = \"示例大学\"\nyear = \"2019-2020\"\nissued = 2020-10-20\ndepartments = [\n",
    );
    for name in &names {
        let _ = writeln!(report, "  \"{name}\",");
    }
    report.push_str("]\n[rules]\nD207 = \"allow\"\n[parts.overview]\ntext = \"基准测试。\"\n[parts.appraisal]\ntext = \"无\"\n[parts.improvements]\ntext = \"无\"\n[parts.other]\ntext = \"无\"\n[[channels]]\ntitle = \"通过各部门平台公开信息情况\"\nfigures = [\n");
    for name in &names {
        let _ = writeln!(report, "  \"{name}平台\",");
    }
    report.push_str("]\n");
    std::fs::write(dir.join("report.toml"), report)?;
    for name in &names {
        let mut csv = String::from("渠道,类别,数量,单位\n");
        for item in 1..=10 {
            let _ = writeln!(csv, "{name}平台,栏目{item},{},条", item * 7);
        }
        std::fs::write(dir.join(format!("{name}.csv")), csv)?;
    }
    Ok(())
}
