//! Platform exports: a generated export with known counts gives exactly those counts, in every
//! encoding and as a workbook; what is not counted is summed up by validate.

use std::fmt::Write as _;

use crate::util::{Data, csv_to_xlsx};

const MAPPING: &str = r#"
[[export]]
file = "宣传部-网站导出.EXT"
date = "发布时间"
title = "标题"
link = "链接"
column = "栏目"
[export.map]
"学校要闻" = "学校主页/要闻"
"通知公告" = "学校主页/通知公告"
"#;

/// What an export must count to.
#[derive(Default, Debug)]
struct Expected {
    news: u64,
    notices: u64,
    outside: u64,
    unmapped: u64,
    duplicates: u64,
}

/// An export of `rows` rows in a fixed pattern (every 50th row repeats the one before it), and
/// what it must count to.
fn export(rows: u32) -> (String, Expected) {
    let mut csv = String::from("编号,标题,栏目,发布时间,链接,浏览量\n");
    let mut expected = Expected::default();
    let mut previous = (0, "", "");
    for n in 0..rows {
        let (source, column, date) = if n % 50 == 49 {
            previous
        } else {
            let column = ["学校要闻", "通知公告", "专题报道"][(n % 3) as usize];
            let date = if n % 7 == 0 {
                "2020-09-02 08:00:00"
            } else {
                "2020-01-15 10:30:00"
            };
            (n, column, date)
        };
        let _ = writeln!(
            csv,
            "{n},第{source}条新闻,{column},{date},https://www.example.edu.cn/{source}.htm,{n}"
        );
        let repeat = source != n;
        match (column, date.starts_with("2020-09")) {
            ("专题报道", _) => expected.unmapped += 1,
            (_, true) => expected.outside += 1,
            _ if repeat => expected.duplicates += 1,
            ("学校要闻", _) => expected.news += 1,
            _ => expected.notices += 1,
        }
        previous = (source, column, date);
    }
    (csv, expected)
}

/// The messages of a rule in `validate --format json`.
fn messages(doc: &serde_json::Value, rule: &str) -> Vec<String> {
    doc["years"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .filter_map(|d| d["message"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn a_generated_export_counts_exactly_what_it_should_in_every_form() {
    let (csv, expected) = export(3000);
    assert!(expected.duplicates > 10 && expected.outside > 10 && expected.unmapped > 10);
    let (gbk, _, _) = encoding_rs::GB18030.encode(&csv);
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("宣传部-网站导出.csv", csv.clone().into_bytes()),
        ("宣传部-网站导出.csv", gbk.into_owned()),
        (
            "宣传部-网站导出.csv",
            csv.replace('\n', "\r\n").into_bytes(),
        ),
        ("宣传部-网站导出.xlsx", csv_to_xlsx(&csv)),
    ];
    for (name, bytes) in variants {
        let data = Data::sample();
        let extension = name.rsplit('.').next().unwrap();
        data.write(
            "2019-2020",
            "宣传部.toml",
            MAPPING.replace("EXT", extension),
        );
        data.write("2019-2020", name, &bytes);
        let output = data
            .disclose()
            .args(["validate", "2019-2020", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{name}");
        let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        // No count uses the tallies, so D306 names each with its number.
        let unused = messages(&doc, "D306");
        let tally = |key: &str| {
            unused
                .iter()
                .find(|m| m.contains(&format!("`{key}`")))
                .and_then(|m| m.split(' ').next())
                .and_then(|n| n.parse::<u64>().ok())
        };
        assert_eq!(
            tally("学校主页/要闻"),
            Some(expected.news),
            "{name}: {unused:?}"
        );
        assert_eq!(
            tally("学校主页/通知公告"),
            Some(expected.notices),
            "{name}: {unused:?}"
        );
        for (rule, total) in [
            ("D402", expected.outside),
            ("D407", expected.unmapped),
            ("D408", expected.duplicates),
        ] {
            let found = messages(&doc, rule);
            assert_eq!(found.len(), 4, "{name} {rule}: three shown, then a summary");
            assert!(
                found
                    .iter()
                    .any(|m| m.contains(&format!("{} more", total - 4))),
                "{name} {rule} ({total}): {found:?}"
            );
        }
    }
}

/// A small export whose third row has an unmapped column value, and whose rows are dated on
/// the first and last days of the statistics period and the days around them.
const EDGES: &str = "标题,栏目,发布时间\n开学,学校要闻,2019-09-01 00:00:00\n专题,专题报道,2020-03-01\n去年,学校要闻,2019-08-31 23:59:59\n暑假,通知公告,2020-08-31 23:59:59\n秋季,学校要闻,2020-09-01\n年末,通知公告,2020年8月31日\n";

#[test]
fn an_excel_export_names_exact_cells_and_counts_the_periods_last_day() {
    for (name, bytes) in [
        ("宣传部-网站导出.csv", EDGES.as_bytes().to_vec()),
        ("宣传部-网站导出.xlsx", csv_to_xlsx(EDGES)),
    ] {
        let data = Data::sample();
        let extension = name.rsplit('.').next().unwrap();
        let mapping = MAPPING
            .replace("EXT", extension)
            .replace("link = \"链接\"\n", "");
        data.write("2019-2020", "宣传部.toml", mapping);
        data.write("2019-2020", name, &bytes);
        let output = data
            .disclose()
            .args(["validate", "2019-2020", "--format", "json"])
            .output()
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        let unused = messages(&doc, "D306");
        assert!(
            unused
                .iter()
                .any(|m| m.starts_with("1 ") && m.contains("`学校主页/要闻`")),
            "{name}: {unused:?}"
        );
        assert!(
            unused
                .iter()
                .any(|m| m.starts_with("2 ") && m.contains("`学校主页/通知公告`")),
            "{name}: {unused:?}"
        );
        let output = data
            .disclose()
            .args(["validate", "2019-2020", "--format", "short"])
            .output()
            .unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        let place = if extension == "xlsx" {
            "宣传部-网站导出.xlsx[Sheet1]!B3"
        } else {
            "宣传部-网站导出.csv:3:4"
        };
        let line = format!(
            "{}: warning[D407]: `专题报道` is not in the export's mapping (`[export.map]`); the row is not counted",
            data.file("2019-2020", place).display()
        );
        assert!(stderr.lines().any(|l| l == line), "{name}:\n{stderr}");
        let outside: Vec<&str> = stderr.lines().filter(|l| l.contains("[D402]")).collect();
        assert_eq!(outside.len(), 2, "{name}:\n{stderr}");
    }
}
