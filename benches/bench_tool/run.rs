//! The benchmark driver: generates the data, runs each command, measures time and memory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Where generated data is kept between runs.
const DATA: &str = "target/bench-data";

/// One measured command: wall-clock seconds of each run, and the largest peak resident memory.
struct Measure {
    seconds: Vec<f64>,
    peak_kib: i64,
}

impl Measure {
    fn median(&self) -> f64 {
        let mut s = self.seconds.clone();
        s.sort_by(f64::total_cmp);
        s[s.len() / 2]
    }
}

/// Runs `program args` `runs` times; stdout and stderr are discarded.
fn measure(program: &Path, args: &[&str], runs: usize) -> Measure {
    let mut seconds = Vec::with_capacity(runs);
    let mut peak_kib = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let child = Command::new(program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the program starts");
        let pid = i32::try_from(child.id()).expect("a pid");
        let mut status = 0;
        // SAFETY: `rusage` is plain data, and `wait4` writes it for the child we just started,
        // which std has not reaped.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
        assert_eq!(reaped, pid, "wait4 reaps the child");
        seconds.push(start.elapsed().as_secs_f64());
        peak_kib = peak_kib.max(usage.ru_maxrss);
    }
    Measure { seconds, peak_kib }
}

/// A year folder with an export of `rows` rows and the mapping that counts it.
fn year_folder(rows: u64) -> PathBuf {
    let data = PathBuf::from(DATA).join(rows.to_string());
    let year = data.join("2019-2020");
    let export = year.join("宣传部-网站导出.csv");
    if !export.is_file() {
        std::fs::create_dir_all(&year).expect("the folder");
        eprintln!("generating {rows} rows…");
        super::generate(rows, export.to_str().expect("a UTF-8 path")).expect("the export");
    }
    std::fs::write(year.join("report.toml"), REPORT).expect("report.toml");
    std::fs::write(year.join("宣传部.toml"), MAPPING).expect("the mapping");
    data
}

const REPORT: &str = r#"school = "示例大学"
year = "2019-2020"
issued = 2020-10-20
departments = ["宣传部"]
[rules]
D207 = "allow"
D309 = "allow"
[parts.overview]
text = "基准测试。"
[parts.appraisal]
text = "无"
[parts.improvements]
text = "无"
[parts.other]
text = "无"
[[channels]]
title = "通过学校主页公开信息情况"
figures = ["学校主页"]
"#;

const MAPPING: &str = r#"[[export]]
file = "宣传部-网站导出.csv"
date = "发布时间"
title = "标题"
link = "链接"
column = "栏目"
[export.map]
"学校要闻" = "学校主页/要闻"
"通知公告" = "学校主页/通知公告"
"校园动态" = "学校主页/校园动态"
"学术动态" = "学校主页/学术动态"
"媒体聚焦" = "学校主页/媒体聚焦"

[[count]]
channel = "学校主页"
item = "要闻"
source = "事件"
unit = "条"

[[count]]
channel = "学校主页"
item = "通知公告"
source = "事件"
unit = "条"

[[count]]
channel = "学校主页"
item = "校园动态"
source = "事件"
unit = "条"

[[count]]
channel = "学校主页"
item = "学术动态"
source = "事件"
unit = "条"

[[count]]
channel = "学校主页"
item = "媒体聚焦"
source = "事件"
unit = "条"
"#;

/// The benchmark.
pub(crate) fn main(args: &[String]) {
    let mut runs = 5;
    let mut frictionless: Option<PathBuf> = None;
    let mut sizes: Vec<u64> = Vec::new();
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--runs" => runs = words.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--frictionless" => frictionless = words.next().map(PathBuf::from),
            size => sizes.push(size.parse().expect("a number of rows")),
        }
    }
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000, 1_000_000, 10_000_000];
    }
    let disclose = PathBuf::from("target/release/disclose");
    let tool = std::env::current_exe().expect("this program");
    println!(
        "rows | MB | floor: rows/s, MB/s | validate: rows/s, MB/s, of floor, peak MiB | compile: rows/s, of floor, peak MiB"
    );
    println!("---|---|---|---|---");
    let mut peaks = Vec::new();
    for &rows in &sizes {
        let data = year_folder(rows);
        let export = data.join("2019-2020/宣传部-网站导出.csv");
        let mb = std::fs::metadata(&export).expect("the export").len() as f64 / 1e6;
        let data = data.to_str().expect("a UTF-8 path");
        let floor = measure(&tool, &["floor", export.to_str().expect("a path")], runs);
        let validate = measure(&disclose, &["--data", data, "validate", "2019-2020"], runs);
        let compile = measure(
            &disclose,
            &["--data", data, "compile", "2019-2020", "-q"],
            runs,
        );
        let rate = |m: &Measure| rows as f64 / m.median();
        println!(
            "{rows} | {mb:.0} | {:.2} M, {:.0} | {:.2} M, {:.0}, {:.0}%, {:.1} | {:.2} M, {:.0}%, {:.1}",
            rate(&floor) / 1e6,
            mb / floor.median(),
            rate(&validate) / 1e6,
            mb / validate.median(),
            100.0 * floor.median() / validate.median(),
            validate.peak_kib as f64 / 1024.0,
            rate(&compile) / 1e6,
            100.0 * floor.median() / compile.median(),
            compile.peak_kib as f64 / 1024.0,
        );
        peaks.push((rows, validate.peak_kib.max(compile.peak_kib)));
        if rows == 100_000
            && let Some(frictionless) = &frictionless
        {
            let other = measure(
                frictionless,
                &["validate", export.to_str().expect("a path")],
                runs.min(3),
            );
            println!(
                "  frictionless validate on the same {rows}-row file: {:.2} s, peak {:.1} MiB (disclose validate: {:.3} s, {:.1} MiB; {:.0}× faster)",
                other.median(),
                other.peak_kib as f64 / 1024.0,
                validate.median(),
                validate.peak_kib as f64 / 1024.0,
                other.median() / validate.median()
            );
        }
    }
    let peak = |n: u64| peaks.iter().find(|(r, _)| *r == n).map(|(_, p)| *p as f64);
    if let (Some(small), Some(large)) = (peak(100_000), peak(10_000_000)) {
        println!(
            "\npeak memory at 10^7 rows / at 10^5 rows: {:.2}",
            large / small
        );
    }
    let version = measure(&disclose, &["--version"], 21);
    let sample = measure(&disclose, &["compile", "2019-2020", "-q"], 21);
    println!(
        "startup: `disclose --version` {:.1} ms, `disclose compile 2019-2020` (the sample year) {:.1} ms (medians of 21)",
        version.median() * 1e3,
        sample.median() * 1e3
    );
}
