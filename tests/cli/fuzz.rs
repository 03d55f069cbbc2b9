//! No input makes disclose panic: random bytes, and random mutations of the sample year's files,
//! go through reading, checking, composing and rendering. Deterministic (a fixed seed), so a
//! failure reproduces; the binary itself is run on a few of them too, to see no exit code 101.

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
                year_a: "2018-2019".to_owned(),
                year_b: report.year.clone(),
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
