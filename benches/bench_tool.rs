//! Helper for the export benchmark (benches/run.sh): generates platform exports, and measures
//! the floor — a bare pass of the csv crate over every record of a file.
//!
//! `bench_tool gen ROWS FILE` writes a CMS-like export of ROWS rows: an id, a Chinese title, a
//! column (栏目), a publish time, a link, an author and a view count. Rows fall in and out of the
//! 2019-2020 statistics period, a few columns are unmapped, and one row in a thousand repeats an
//! earlier link, as in real exports.
//!
//! `bench_tool floor FILE` reads every record with `csv::Reader::read_byte_record` and prints the
//! number of records: the least any CSV-based counting can cost.
//!
//! `bench_tool run [--runs N] [--frictionless PATH] SIZE…` is the benchmark itself (see
//! benches/README.md): for each size, a year folder with an export of that many rows and its
//! mapping; then, measured in the same run on the same file, the floor, `disclose validate` and
//! `disclose compile`, each the median of N runs, with the peak memory of each process (from
//! `wait4`); then the cost of starting disclose against compiling the sample year.

// Measurement code: rates and megabytes are floats made from counts, exactly enough; children
// are reaped with `libc::wait4` (for their peak memory), which clippy cannot see.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::zombie_processes
)]

#[path = "bench_tool/run.rs"]
mod run;

use std::io::{BufWriter, Write};

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
    match args.get(1).map(String::as_str) {
        Some("gen") => {
            let rows: u64 = args[2].parse().expect("a number of rows");
            generate(rows, &args[3]).expect("the export is written");
        }
        Some("run") => run::main(&args[2..]),
        Some("floor") => {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(true)
                .from_path(&args[2])
                .expect("the file opens");
            let mut record = csv::ByteRecord::new();
            let mut n = 0u64;
            while reader.read_byte_record(&mut record).expect("a record") {
                n += 1;
            }
            println!("{n}");
        }
        _ => eprintln!(
            "usage: bench_tool gen ROWS FILE | bench_tool floor FILE | bench_tool run SIZE…"
        ),
    }
}

pub(crate) fn generate(rows: u64, path: &str) -> std::io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    writeln!(out, "编号,标题,栏目,发布时间,链接,作者,浏览量")?;
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for id in 0..rows {
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
        let link_id = if id > 1000 && r % 1000 == 0 {
            id - 1000
        } else {
            id
        };
        writeln!(
            out,
            "{id},{title},{column},{year}-{month:02}-{dom:02} {:02}:{:02}:00,https://www.example.edu.cn/info/{link_id}.htm,宣传部,{}",
            (r >> 50) % 24,
            (r >> 55) % 60,
            r % 5000
        )?;
    }
    out.flush()
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
