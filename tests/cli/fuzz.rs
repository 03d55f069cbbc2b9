//! No input makes disclose panic: random bytes, and random mutations of the sample year's files,
//! go through reading, checking, composing and rendering; generated links pass only as a browser
//! reads them, generated paths never read outside the year, and a mistake on every row keeps
//! the findings bounded. Deterministic (a fixed seed), so a
//! failure reproduces; the binary itself is run on a few of them too, to see no exit code 101.

use std::fmt::Write as _;
use std::path::Path;

use disclose::render::{self, ComparisonFormat, Format};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use crate::util::{Data, csv_to_xlsx, root};

/// A mutation of a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Duplicate { at: usize, len: usize },
    Replace { at: usize, byte: u8 },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = 0usize..4096;
    prop_oneof![
        (at.clone(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            at.clone(),
            prop::collection::vec(
                prop_oneof![
                    any::<u8>(),
                    Just(b','),
                    Just(b'"'),
                    Just(b'\n'),
                    Just(b'='),
                    Just(b'['),
                    Just(b'{'),
                    Just(b'-'),
                    Just(b'9')
                ],
                1..12
            )
        )
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (at.clone(), 1usize..80).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (at.clone(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
        at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let clamp = |at: usize, len: usize| at.min(len);
    match m {
        Mutation::Delete { at, len } => {
            let start = clamp(*at, bytes.len());
            let end = (start + len).min(bytes.len());
            bytes.drain(start..end);
        }
        Mutation::Insert { at, bytes: new } => {
            let at = clamp(*at, bytes.len());
            bytes.splice(at..at, new.iter().copied());
        }
        Mutation::Duplicate { at, len } => {
            let start = clamp(*at, bytes.len());
            let end = (start + len).min(bytes.len());
            let copy = bytes[start..end].to_vec();
            bytes.splice(end..end, copy);
        }
        Mutation::Replace { at, byte } => {
            if !bytes.is_empty() {
                let at = at % bytes.len();
                bytes[at] = *byte;
            }
        }
        Mutation::Truncate { at } => bytes.truncate(clamp(*at, bytes.len())),
    }
}

/// Runs the whole pipeline; it may report anything, but must not panic.
fn pipeline(data: &Path) {
    let year = "2019-2020".parse().unwrap();
    if let Ok(loaded) = disclose::load(data, year) {
        let report = disclose::compose::compose(&loaded.submissions, true);
        for (_, format) in Format::ALL {
            let _ = render::to_string(&report, *format);
        }
        // Compared with itself and with an empty year, both ways round.
        let empty = disclose::compose::report::Data::default();
        for (a, b) in [
            (&report.data, &report.data),
            (&report.data, &empty),
            (&empty, &report.data),
        ] {
            let comparison = disclose::compose::compare::Comparison {
                school: report.school.clone(),
                year_a: "2018-2019".parse().unwrap(),
                year_b: year,
                rows: disclose::compose::compare::compare(a, b),
            };
            for (_, format) in ComparisonFormat::ALL {
                let _ = render::comparison_to_string(&comparison, *format);
            }
        }
        let mut sources = disclose::findings::sources::Sources::new();
        let mut sink = Vec::new();
        let _ = disclose::findings::print::human(
            &loaded.diagnostics,
            &mut sources,
            disclose::Lang::Zh,
            false,
            &mut sink,
        );
    }
}

/// `cases` test cases, or `FUZZ_CASES` of them when set (for a longer run by hand).
fn runner(cases: u32) -> TestRunner {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
}

fn sample_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("data/2019-2020"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn mutated_sample_files_never_panic() {
    let names = sample_files();
    let strategy = (0..names.len(), prop::collection::vec(mutation(), 1..6));
    runner(300)
        .run(&strategy, |(file, mutations)| {
            let data = Data::sample();
            let path = data.file("2019-2020", &names[file]);
            let mut bytes = std::fs::read(&path).unwrap();
            for m in &mutations {
                apply(&mut bytes, m);
            }
            std::fs::write(&path, &bytes).unwrap();
            pipeline(data.path());
            Ok(())
        })
        .unwrap();
}

#[test]
fn random_bytes_never_panic() {
    let strategy = (
        prop::collection::vec(any::<u8>(), 0..2048),
        prop_oneof![
            Just("宣传部.csv"),
            Just("党委办公室.toml"),
            Just("report.toml")
        ],
    );
    runner(200)
        .run(&strategy, |(bytes, name)| {
            let data = Data::sample();
            std::fs::write(data.file("2019-2020", name), &bytes).unwrap();
            pipeline(data.path());
            Ok(())
        })
        .unwrap();
}

#[test]
fn mutated_workbooks_never_panic() {
    let csv = std::fs::read_to_string(root().join("data/2019-2020/宣传部.csv")).unwrap();
    let workbook = csv_to_xlsx(&csv);
    runner(200)
        .run(&prop::collection::vec(mutation(), 1..6), |mutations| {
            let data = Data::sample();
            std::fs::remove_file(data.file("2019-2020", "宣传部.csv")).unwrap();
            let mut bytes = workbook.clone();
            for m in &mutations {
                apply(&mut bytes, m);
            }
            data.write("2019-2020", "宣传部.xlsx", &bytes);
            pipeline(data.path());
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_binary_never_exits_101_on_mutated_input() {
    let names = sample_files();
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    for round in 0..12 {
        let data = Data::sample();
        for name in &names {
            let path = data.file("2019-2020", name);
            let mut bytes = std::fs::read(&path).unwrap();
            let m = mutation().new_tree(&mut runner).unwrap().current();
            apply(&mut bytes, &m);
            std::fs::write(&path, &bytes).unwrap();
        }
        for args in [
            &["validate", "2019-2020"][..],
            &["compile", "2019-2020"][..],
        ] {
            let output = data.disclose().args(args).output().unwrap();
            assert_ne!(
                output.status.code(),
                Some(101),
                "round {round}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}

/// A count row of 宣传部 with `number` written as `literal`.
fn count_toml(literal: &str) -> String {
    format!(
        "[[count]]\nchannel = \"学校主页\"\nitem = \"专栏\"\nnumber = {literal}\nunit = \"条\"\n"
    )
}

#[test]
fn integers_in_any_notation_read_as_toml_reads_them_or_are_refused() {
    let strategy = (0u64..100_000, 0usize..6);
    runner(40)
        .run(&strategy, |(n, form)| {
            let (literal, decimal) = match form {
                0 => (format!("0x{n:x}"), false),
                1 => (format!("0o{n:o}"), false),
                2 => (format!("0b{n:b}"), false),
                3 => (format!("+{n}"), true),
                4 => {
                    let digits = n.to_string();
                    let grouped = digits
                        .as_bytes()
                        .chunks(2)
                        .map(|c| std::str::from_utf8(c).unwrap())
                        .collect::<Vec<_>>()
                        .join("_");
                    (grouped, true)
                }
                _ => (n.to_string(), true),
            };
            let data = Data::sample();
            data.write("2019-2020", "宣传部-专栏.toml", count_toml(&literal));
            let year = "2019-2020".parse().unwrap();
            let loaded = disclose::load(data.path(), year).unwrap();
            let value = loaded
                .submissions
                .figures()
                .find(|(_, f)| f.item.value == "专栏")
                .map(|(d, f)| d.value_of(f));
            let refused = loaded.diagnostics.iter().any(|d| {
                d.rule().id == "D105" && d.problem.message(disclose::Lang::En).contains("decimal")
            });
            if decimal {
                prop_assert_eq!(value, Some(Some(n)), "{}", literal);
                prop_assert!(!refused);
            } else {
                prop_assert!(refused, "{} is not refused", literal);
                prop_assert_eq!(value.flatten(), None, "{}", literal);
            }
            Ok(())
        })
        .unwrap();
}

/// A link made of pieces that fool hand-written parsers: user information, backslashes, odd
/// ports, hidden characters, upper case, internationalised hosts.
fn link() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        Just("https://"),
        Just("http://"),
        Just("HTTPS://"),
        Just("ftp://"),
        Just("javascript:"),
        Just("https:/"),
        Just("")
    ];
    let userinfo = prop_oneof![
        Just(""),
        Just("user@"),
        Just("user:pass@"),
        Just("xxgk.test.edu.cn@"),
        Just("evil.com\\@"),
        Just(":@")
    ];
    let host = prop_oneof![
        Just("xxgk.test.edu.cn"),
        Just("evil.com"),
        Just("test.edu.cn.evil.com"),
        Just("信息.test.edu.cn"),
        Just("XXGK.Test.EDU.cn"),
        Just("127.0.0.1"),
        Just("[::1]"),
        Just("intranet"),
        Just("")
    ];
    let port = prop_oneof![
        Just(""),
        Just(":8080"),
        Just(":99999"),
        Just(":"),
        Just(":-1")
    ];
    let path = prop::collection::vec(
        prop_oneof![
            Just("/"),
            Just("a"),
            Just("\u{202e}"),
            Just("\0"),
            Just("\u{200b}"),
            Just(" "),
            Just("\\"),
            Just("@evil.com"),
            Just("%2e%2e"),
            Just("?q=1"),
            Just("#x")
        ],
        0..5,
    );
    (scheme, userinfo, host, port, path)
        .prop_map(|(s, u, h, p, path)| format!("{s}{u}{h}{p}{}", path.concat()))
}

#[test]
fn a_link_passes_only_as_a_browser_reads_it() {
    runner(2000)
        .run(&link(), |text| {
            if let Ok(host) = disclose::read::link::host(&text) {
                // What passes is an http(s) URL whose host is the one a browser opens, with no
                // user information and nothing hidden.
                let url = url::Url::parse(text.trim()).expect("a link that passed parses");
                prop_assert!(matches!(url.scheme(), "http" | "https"), "{text}");
                prop_assert_eq!(url.host_str(), Some(host.as_str()), "{}", text);
                prop_assert!(
                    url.username().is_empty() && url.password().is_none(),
                    "{text}"
                );
                prop_assert!(!text.contains('\\'), "{text}");
                prop_assert!(
                    !text.chars().any(|c| c.is_control() || c == '\u{202e}'),
                    "{text}"
                );
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_value_anywhere_in_a_sheet_is_one_cell_and_never_an_abort() {
    let strategy = (0u32..1_048_576, 0u16..16_384);
    runner(24)
        .run(&strategy, |(row, column)| {
            let mut workbook = rust_xlsxwriter::Workbook::new();
            let sheet = workbook.add_worksheet();
            sheet.set_name("Sheet1").unwrap();
            for (c, text) in (0u16..).zip(["渠道", "类别", "数量", "单位"]) {
                sheet.write_string(0, c, text).unwrap();
            }
            for (c, text) in (0u16..).zip(["学校主页", "专栏", "3", "条"]) {
                sheet.write_string(1, c, text).unwrap();
            }
            let stray = row > 1 || column > 3;
            if stray {
                sheet.write_string(row, column, "x").unwrap();
            }
            let data = Data::sample();
            data.write(
                "2019-2020",
                "宣传部-专栏.xlsx",
                workbook.save_to_buffer().unwrap(),
            );
            let started = std::time::Instant::now();
            let year = "2019-2020".parse().unwrap();
            let loaded = disclose::load(data.path(), year).unwrap();
            prop_assert!(
                started.elapsed().as_secs() < 20,
                "far cells must not cost their extent"
            );
            pipeline(data.path());
            let outside = loaded
                .diagnostics
                .iter()
                .filter(|d| d.rule().id == "D117")
                .count();
            prop_assert_eq!(
                outside,
                usize::from(stray && column > 3),
                "({}, {})",
                row,
                column
            );
            Ok(())
        })
        .unwrap();
}

#[test]
fn ragged_rows_are_findings_at_their_row_and_never_a_panic() {
    let header = "渠道,类别,数量,单位,限定词,上级,措辞,备注";
    let strategy = prop::collection::vec((1usize..12, any::<bool>()), 1..20);
    runner(40)
        .run(&strategy, |rows| {
            let mut csv = format!("{header}\n");
            for (i, (width, quoted)) in rows.iter().enumerate() {
                let cells: Vec<String> = (0..*width)
                    .map(|c| match c {
                        0 => "学校主页".to_owned(),
                        1 => format!("栏目{i}"),
                        2 => (i + 1).to_string(),
                        3 => "条".to_owned(),
                        c if *quoted => format!("\"x,{c}\""),
                        _ => String::new(),
                    })
                    .collect();
                csv.push_str(&cells.join(","));
                csv.push('\n');
            }
            let data = Data::sample();
            data.write("2019-2020", "宣传部-专栏.csv", &csv);
            pipeline(data.path());
            let year = "2019-2020".parse().unwrap();
            let loaded = disclose::load(data.path(), year).unwrap();
            let ragged = |id: &str| {
                loaded
                    .diagnostics
                    .iter()
                    .filter(|d| {
                        d.rule().id == id
                            && d.location
                                .as_ref()
                                .is_some_and(|l| l.file.ends_with("宣传部-专栏.csv"))
                    })
                    .count()
            };
            let short = rows.iter().filter(|(w, _)| *w < 8).count();
            let long = rows.iter().filter(|(w, q)| *w > 8 && *q).count();
            prop_assert_eq!(ragged("D116"), short);
            prop_assert_eq!(ragged("D101"), long);
            Ok(())
        })
        .unwrap();
}

#[test]
fn generated_links_in_the_checklist_never_panic() {
    let strategy = prop::collection::vec(link(), 1..6);
    runner(40)
        .run(&strategy, |links| {
            let data = Data::sample();
            let mut csv = String::from("事项,状态,链接,说明\n");
            for (n, link) in (1..).zip(&links) {
                let quoted = link.replace('"', "\"\"");
                let _ = writeln!(csv, "{n},已公开,\"{quoted}\",");
            }
            data.write("2019-2020", "党委办公室-清单.csv", &csv);
            pipeline(data.path());
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_path_in_report_toml_never_reads_outside_the_year() {
    let secret = "SECRET-fuzz-7d3e";
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("passwd"), format!("{secret} = [\n")).unwrap();
    let piece = prop_oneof![
        Just(".."),
        Just("."),
        Just(""),
        Just("passwd"),
        Just("省清单.toml"),
        Just("/"),
        Just("\\"),
        Just("~"),
        Just("%2e%2e")
    ];
    let strategy = (prop::collection::vec(piece, 1..6), any::<bool>());
    runner(60)
        .run(&strategy, |(pieces, absolute)| {
            let data = Data::sample();
            std::fs::copy(outside.path().join("passwd"), data.path().join("passwd")).unwrap();
            let mut name = pieces.join("/");
            if absolute {
                name = format!("{}/{name}", outside.path().display());
            }
            data.edit(
                "2019-2020",
                "report.toml",
                "departments = [",
                &format!("checklist = {name:?}\ndepartments = ["),
            );
            let year = "2019-2020".parse().unwrap();
            if let Ok(loaded) = disclose::load(data.path(), year) {
                let mut sources = disclose::findings::sources::Sources::new();
                let mut shown = Vec::new();
                let _ = disclose::findings::print::human(
                    &loaded.diagnostics,
                    &mut sources,
                    disclose::Lang::En,
                    false,
                    &mut shown,
                );
                let shown = String::from_utf8_lossy(&shown);
                prop_assert!(!shown.contains(secret), "{name}: {shown}");
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_mistake_on_every_row_keeps_the_findings_bounded_and_the_count_exact() {
    let bad = prop_oneof![
        Just("2020-13-01"),
        Just("昨天"),
        Just(""),
        Just("2020/02/30"),
        Just("=1+1")
    ];
    let strategy = (1usize..2500, bad);
    runner(12)
        .run(&strategy, |(rows, bad)| {
            let data = Data::sample();
            let mut csv = String::from("日期,渠道,类别,标题\n");
            for n in 0..rows {
                let _ = writeln!(csv, "{bad},官方微博,博文,第{n}条");
            }
            data.write("2019-2020", "宣传部-事件.csv", &csv);
            let year = "2019-2020".parse().unwrap();
            let loaded = disclose::load(data.path(), year).unwrap();
            let file = data.file("2019-2020", "宣传部-事件.csv");
            let in_file: Vec<_> = loaded
                .diagnostics
                .iter()
                .filter(|d| d.location.as_ref().is_some_and(|l| *l.file == *file))
                .collect();
            let shown = disclose::findings::diagnostic::CAP + 1;
            let mut by_rule = std::collections::BTreeMap::new();
            for d in &in_file {
                *by_rule.entry(d.rule().id).or_insert(0usize) += 1;
            }
            prop_assert!(by_rule.values().all(|&n| n <= shown), "{by_rule:?}");
            let weight: usize = in_file.iter().map(|d| d.weight()).sum();
            prop_assert!(weight >= rows, "{weight} findings for {rows} bad rows");
            Ok(())
        })
        .unwrap();
}
