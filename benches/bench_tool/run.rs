//! The benchmark driver: generates the data, runs each command in alternation, and prints
//! every figure benches/README.md reports.
//!
//! Each comparison runs its commands once to warm up (the page cache, the binary), then in
//! rounds, one run of each per round, the order reversed every other round, so that drift on a
//! shared machine falls on both sides alike. A ratio is taken within each round (this run of
//! disclose against this run of the floor) and reported as the median of the rounds with their
//! minimum and maximum. CPU time is user + system time of the process (from `wait4`), which two
//! threads would add up; wall time is also measured with the whole process pinned to one core.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Where generated data is kept between runs.
const DATA: &str = "target/bench-data";

/// One run of a command.
#[derive(Clone, Copy, Debug)]
struct Sample {
    wall: f64,
    cpu: f64,
    peak_kib: i64,
}

/// A command to measure.
struct Cmd {
    program: PathBuf,
    args: Vec<String>,
}

impl Cmd {
    fn new(program: &Path, args: &[&str]) -> Cmd {
        Cmd {
            program: program.to_path_buf(),
            args: args.iter().map(|a| (*a).to_owned()).collect(),
        }
    }
}

/// Runs a command once; stdout and stderr are discarded.
fn once(cmd: &Cmd) -> Sample {
    let start = Instant::now();
    let child = Command::new(&cmd.program)
        .args(&cmd.args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the program starts");
    let pid = i32::try_from(child.id()).expect("a pid");
    let mut status = 0;
    // SAFETY: `rusage` is plain data, and `wait4` writes it for the child just started, which
    // std has not reaped.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
    assert_eq!(reaped, pid, "wait4 reaps the child");
    let wall = start.elapsed().as_secs_f64();
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Sample {
        wall,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak_kib: usage.ru_maxrss,
    }
}

/// Pins this process, and so the commands it starts, to the first core (or lets it run on all
/// again: the machine's cores, as `available_parallelism` would count only the one pinned to).
fn pin(one_core: bool) {
    // SAFETY: a zeroed cpu_set_t is the empty set; the calls only read and write it.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        let cores = if one_core {
            1
        } else {
            usize::try_from(libc::sysconf(libc::_SC_NPROCESSORS_ONLN)).map_or(1, |n| n.max(1))
        };
        for core in 0..cores {
            libc::CPU_SET(core, &mut set);
        }
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &raw const set);
    }
}

/// Runs every command once to warm up, then `rounds` times in alternation; the samples of each.
fn alternate(cmds: &[Cmd], rounds: usize) -> Vec<Vec<Sample>> {
    for cmd in cmds {
        once(cmd);
    }
    let mut samples = vec![Vec::with_capacity(rounds); cmds.len()];
    for round in 0..rounds {
        let order: Vec<usize> = if round % 2 == 0 {
            (0..cmds.len()).collect()
        } else {
            (0..cmds.len()).rev().collect()
        };
        for i in order {
            samples[i].push(once(&cmds[i]));
        }
    }
    samples
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        f64::midpoint(xs[n / 2 - 1], xs[n / 2])
    }
}

/// A figure of each run: its median.
fn med(samples: &[Sample], f: fn(&Sample) -> f64) -> f64 {
    median(samples.iter().map(f).collect())
}

/// `a / b` round by round: "median [min–max]".
fn ratio(a: &[Sample], b: &[Sample], f: fn(&Sample) -> f64) -> String {
    let ratios: Vec<f64> = a.iter().zip(b).map(|(x, y)| f(x) / f(y)).collect();
    let min = ratios.iter().copied().fold(f64::INFINITY, f64::min);
    let max = ratios.iter().copied().fold(0.0, f64::max);
    format!("{:.2} [{min:.2}–{max:.2}]", median(ratios))
}

fn peak_mib(samples: &[Sample]) -> f64 {
    samples.iter().map(|s| s.peak_kib).max().unwrap_or(0) as f64 / 1024.0
}

fn wall(s: &Sample) -> f64 {
    s.wall
}

fn cpu(s: &Sample) -> f64 {
    s.cpu
}

/// A year folder for an export of `rows` rows of `kind`, with the mapping that counts it.
fn export_year(kind: &str, rows: u64) -> (PathBuf, PathBuf) {
    let data = PathBuf::from(DATA).join(format!("{kind}-{rows}"));
    let year = data.join("2019-2020");
    let extension = if kind == "xlsx" { "xlsx" } else { "csv" };
    let export = year.join(format!("宣传部-网站导出.{extension}"));
    if !export.is_file() {
        std::fs::create_dir_all(&year).expect("the folder");
        eprintln!("generating {rows} rows ({kind})…");
        // In a process of its own: a child's peak memory, as wait4 reports it, starts from its
        // parent's resident memory at the fork, so this process stays small.
        let tool = std::env::current_exe().expect("this program");
        let made = Command::new(tool)
            .args(["gen", kind, &rows.to_string(), path_str(&export)])
            .status()
            .expect("the generator runs");
        assert!(made.success(), "the generator failed");
    }
    std::fs::write(year.join("report.toml"), REPORT).expect("report.toml");
    let mapping = MAPPING.replace("EXT", extension);
    std::fs::write(year.join("宣传部.toml"), mapping).expect("the mapping");
    (data, export)
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
file = "宣传部-网站导出.EXT"
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

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

/// The benchmark.
pub(crate) fn main(args: &[String]) {
    let mut rounds = 7;
    let mut quick = false;
    let mut excel_only = false;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match word.as_str() {
            "--runs" => rounds = words.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--quick" => quick = true,
            "--excel" => excel_only = true,
            other => panic!("unknown argument {other}"),
        }
    }
    let disclose = PathBuf::from("target/release/disclose");
    let tool = std::env::current_exe().expect("this program");
    if excel_only {
        excel_exports(&disclose, &tool, rounds, quick);
        return;
    }
    csv_exports(&disclose, &tool, rounds, quick);
    excel_exports(&disclose, &tool, rounds, quick);
    departments(&disclose, rounds);
    startup(&disclose);
}

/// CSV exports of each kind against the floor.
fn csv_exports(disclose: &Path, tool: &Path, rounds: usize, quick: bool) {
    let cat = PathBuf::from("cat");
    let rows: u64 = if quick { 100_000 } else { 1_000_000 };
    let one_core_rounds = rounds.min(5);

    println!("## CSV exports, {rows} rows: disclose validate against the floor (a bare csv pass)");
    println!();
    println!(
        "Medians of {rounds} alternated rounds after a warm-up; ratios round by round, median [min–max]; one core: {one_core_rounds} rounds pinned to CPU 0."
    );
    println!();
    println!(
        "| input | MB | cat | floor wall | floor CPU | validate wall | validate CPU | validate peak | CPU ratio | wall ratio | one-core wall ratio |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for kind in ["plain", "quoted", "gb18030", "ymd"] {
        let (data, export) = export_year(kind, rows);
        let mb = std::fs::metadata(&export).expect("the export").len() as f64 / 1e6;
        let mut floor_args = vec!["floor", path_str(&export)];
        if kind == "gb18030" {
            floor_args.push("gb18030");
        }
        let cmds = [
            Cmd::new(&cat, &[path_str(&export)]),
            Cmd::new(tool, &floor_args),
            Cmd::new(
                disclose,
                &["--data", path_str(&data), "validate", "2019-2020"],
            ),
        ];
        let all = alternate(&cmds, rounds);
        pin(true);
        let one = alternate(&cmds[1..], one_core_rounds);
        pin(false);
        let (cat_s, floor, validate) = (&all[0], &all[1], &all[2]);
        println!(
            "| {kind} | {mb:.0} | {:.3} s | {:.3} s | {:.3} s | {:.3} s | {:.3} s | {:.1} MiB | {} | {} | {} |",
            med(cat_s, wall),
            med(floor, wall),
            med(floor, cpu),
            med(validate, wall),
            med(validate, cpu),
            peak_mib(validate),
            ratio(validate, floor, cpu),
            ratio(validate, floor, wall),
            ratio(&one[1], &one[0], wall),
        );
    }
}

/// Excel exports against the same rows as CSV.
fn excel_exports(disclose: &Path, tool: &Path, rounds: usize, quick: bool) {
    println!();
    println!("## Excel exports: the same rows as .xlsx against them as CSV (validate)");
    println!();
    println!(
        "| rows | MB xlsx | CSV wall | CSV CPU | CSV peak | xlsx wall | xlsx CPU | xlsx peak | shared strings (calamine open) | xlsx/CSV CPU | xlsx/CSV wall | peak target 1.5×CSV + strings |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let sizes: &[u64] = if quick {
        &[10_000, 100_000]
    } else {
        &[10_000, 100_000, 1_000_000]
    };
    for &n in sizes {
        let (csv_data, _) = export_year("plain", n);
        let (xlsx_data, xlsx) = export_year("xlsx", n);
        let mb = std::fs::metadata(&xlsx).expect("the workbook").len() as f64 / 1e6;
        let cmds = [
            Cmd::new(
                disclose,
                &["--data", path_str(&csv_data), "validate", "2019-2020"],
            ),
            Cmd::new(
                disclose,
                &["--data", path_str(&xlsx_data), "validate", "2019-2020"],
            ),
            Cmd::new(tool, &["open-xlsx", path_str(&xlsx)]),
        ];
        let all = alternate(
            &cmds,
            if n >= 1_000_000 {
                rounds.min(3)
            } else {
                rounds.min(5)
            },
        );
        let (csv, book, open) = (&all[0], &all[1], &all[2]);
        let target = 1.5 * peak_mib(csv) + peak_mib(open);
        println!(
            "| {n} | {mb:.1} | {:.3} s | {:.3} s | {:.1} MiB | {:.3} s | {:.3} s | {:.1} MiB | {:.1} MiB | {} | {} | {target:.1} MiB: {} |",
            med(csv, wall),
            med(csv, cpu),
            peak_mib(csv),
            med(book, wall),
            med(book, cpu),
            peak_mib(book),
            peak_mib(open),
            ratio(book, csv, cpu),
            ratio(book, csv, wall),
            if peak_mib(book) <= target {
                "met"
            } else {
                "not met"
            },
        );
    }
}

/// A year of 100 and of 1000 departments.
fn departments(disclose: &Path, rounds: usize) {
    println!();
    println!("## A year of many departments (ten counts each): compile and validate");
    println!();
    println!("| departments | validate wall | compile wall | compile CPU | compile peak |");
    println!("|---:|---:|---:|---:|---:|");
    let mut compiles = Vec::new();
    for n in [100usize, 1000] {
        let data = PathBuf::from(DATA).join(format!("departments-{n}"));
        let year = data.join("2019-2020");
        if !year.join("report.toml").is_file() {
            let tool = std::env::current_exe().expect("this program");
            let made = Command::new(tool)
                .args(["departments", &n.to_string(), path_str(&year)])
                .status()
                .expect("the generator runs");
            assert!(made.success(), "the generator failed");
        }
        let cmds = [
            Cmd::new(
                disclose,
                &["--data", path_str(&data), "validate", "2019-2020"],
            ),
            Cmd::new(
                disclose,
                &["--data", path_str(&data), "compile", "2019-2020", "-q"],
            ),
        ];
        let all = alternate(&cmds, rounds.min(5));
        println!(
            "| {n} | {:.3} s | {:.3} s | {:.3} s | {:.1} MiB |",
            med(&all[0], wall),
            med(&all[1], wall),
            med(&all[1], cpu),
            peak_mib(&all[1]),
        );
        compiles.push(all[1].clone());
    }
    println!();
    println!(
        "compile, 1000 departments / 100: {} (wall, round by round)",
        ratio(&compiles[1], &compiles[0], wall)
    );
}

/// Starting disclose, against compiling the sample year.
fn startup(disclose: &Path) {
    println!();
    let cmds = [
        Cmd::new(disclose, &["--version"]),
        Cmd::new(disclose, &["compile", "2019-2020", "-q"]),
    ];
    let all = alternate(&cmds, 21);
    println!(
        "startup: `disclose --version` {:.1} ms, `disclose compile 2019-2020` (the sample year) {:.1} ms (medians of 21 alternated runs)",
        med(&all[0], wall) * 1e3,
        med(&all[1], wall) * 1e3
    );
}
