//! `disclose validate`.

use predicates::prelude::*;

use crate::util::{Data, disclose};

#[test]
fn the_sample_year_has_no_errors() {
    disclose()
        .args(["validate", "2019-2020"])
        .assert()
        .success();
}

#[test]
fn a_changed_part_is_one_error_with_a_caret_under_the_total() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,885");
    data.disclose()
        .args(["validate", "2019-2020"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[D301]: `学校主页/信息` is 1481 but its parts sum to 1482 (要闻 885 + 校园动态 515 + 通知公告 82)",
        ))
        .stderr(predicate::str::contains("宣传部.csv:2:9"))
        .stderr(predicate::str::contains("2 | 学校主页,信息,1481,条,,,,主页各栏目合计"))
        .stderr(predicate::str::contains("  |               ^^^^"));
}

#[test]
fn short_format_is_one_line_per_finding() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,abc");
    data.disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .assert()
        .code(1)
        .stderr(format!(
            "{}: error[D105]: `数量` must be a number written in digits, not `abc` (put the unit in its own column)\n",
            data.file("2019-2020", "宣传部.csv:3:9").display()
        ));
}

/// The errors of a short-format run, one per line (warnings left out).
fn errors_of(data: &Data) -> Vec<String> {
    let output = data
        .disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let prefix = format!("{}/", data.path().display());
    String::from_utf8(output.stderr)
        .unwrap()
        .lines()
        .filter(|l| l.contains(": error["))
        .map(|l| l.replacen(&prefix, "", 1))
        .collect()
}

#[test]
fn what_a_new_user_tries_gives_one_clear_error_each() {
    let cases: [(&str, &str, &str, &str); 5] = [
        (
            "宣传部.csv",
            "要闻,884",
            "要闻,885",
            "2019-2020/宣传部.csv:2:9: error[D301]",
        ),
        (
            "宣传部.csv",
            "要闻,884",
            "要闻,-5",
            "2019-2020/宣传部.csv:3:9: error[D105]",
        ),
        (
            "宣传部.csv",
            "要闻,884",
            "要闻,abc",
            "2019-2020/宣传部.csv:3:9: error[D105]",
        ),
        (
            "report.toml",
            "issued = 2020-10-29",
            "issued = 2018-10-29",
            "2019-2020/report.toml:8:10: error[D403]",
        ),
        (
            "本科招生办.toml",
            "[[disclosure]]\nitem = 7 ",
            "[[ignored]]\nitem = 7 ",
            "2019-2020/本科招生办.toml:15:3: error[D102]",
        ),
    ];
    for (file, from, to, expected) in cases {
        let data = Data::sample();
        data.edit("2019-2020", file, from, to);
        let errors = errors_of(&data);
        assert_eq!(errors.len(), 1, "{to}: {errors:#?}");
        assert!(errors[0].starts_with(expected), "{to}: {}", errors[0]);
    }
}

#[test]
fn deleting_a_departments_checklist_entry_is_an_error_at_its_owner() {
    let data = Data::sample();
    let path = data.file("2019-2020", "财务处.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("[[disclosure]]\nitem = 21").unwrap();
    std::fs::write(&path, &text[..start]).unwrap();
    let errors = errors_of(&data);
    assert_eq!(
        errors,
        [
            "2019-2020/report.toml:44:22: error[D201]: checklist item 21 is not accounted for (owner: 财务处)"
        ]
    );
}

#[test]
fn json_output_is_versioned_and_has_positions() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,885");
    let output = data
        .disclose()
        .args(["validate", "2019-2020", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty());
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["summary"]["errors"], 1);
    let first = &doc["years"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap()
        .clone();
    assert_eq!(first["rule"], "D301");
    assert_eq!(first["line"], 2);
    assert_eq!(first["column"], 9);
    assert!(
        first["file"]
            .as_str()
            .unwrap()
            .ends_with("2019-2020/宣传部.csv")
    );
    let weibo = doc["years"][0]["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["channel"] == "官方微博")
        .unwrap()
        .clone();
    assert_eq!(weibo["value"], 3600);
    assert_eq!(weibo["approximate"], true);
    assert_eq!(weibo["qualifier"], "约");
    assert_eq!(weibo["source"], "given");
    assert_eq!(weibo["line"], 9);
}

#[test]
fn chinese_messages_under_a_chinese_locale_with_the_same_ids() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,885");
    data.disclose()
        .env("LANG", "zh_CN.UTF-8")
        .args(["validate", "2019-2020"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[D301]: `学校主页/信息` 总数为 1481，但分项之和为 1482",
        ))
        .stderr(predicate::str::contains("共 1 个错误"));
}

#[test]
fn strict_makes_warnings_fail() {
    disclose()
        .args(["validate", "2019-2020", "--strict"])
        .assert()
        .code(1);
}

#[test]
fn a_calendar_years_report_is_due_by_31_january_and_says_so() {
    let data = Data::empty().with_year(
        &crate::util::root().join("tests/fixtures/published/淮安市人民政府"),
        "2024",
    );
    let late = |data: &Data| {
        let output = data
            .disclose()
            .args(["--lang", "en", "validate", "2024"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stderr)
            .lines()
            .filter(|l| l.contains("D404"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    // 20 January is in time (an academic year's 31 October would not be the measure).
    assert!(late(&data).is_empty());
    data.edit(
        "2024",
        "report.toml",
        "issued = 2025-01-20",
        "issued = 2025-02-01",
    );
    let found = late(&data);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("after the deadline of 2025-01-31 (31 January for a calendar year)"),
        "{found:?}"
    );
}

#[test]
fn a_misspelt_form_column_is_one_finding_and_its_cells_print_as_blanks() {
    let data = Data::empty().with_year(&crate::util::root().join("examples/示例学院"), "2022");
    data.edit(
        "2022",
        "党政办公室-申请情况表.csv",
        "法律服务机构",
        "法律服务机购",
    );
    let output = data
        .disclose()
        .args(["--lang", "en", "validate", "2022"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let findings: Vec<&str> = stderr.lines().filter(|l| l.contains("[D")).collect();
    assert_eq!(findings.len(), 1, "{stderr}");
    assert!(findings[0].contains("D102"), "{stderr}");
    assert!(
        findings[0].contains("did you mean `法律服务机构`"),
        "{stderr}"
    );
    // A draft prints the column's cells as blanks to fill, not as zeros.
    let draft = crate::util::stdout_of(data.disclose().args(["compile", "2022", "--draft", "-q"]));
    let row = draft
        .lines()
        .find(|l| l.starts_with("| 一、本年新收信息公开申请数量"))
        .expect("the form's first row");
    assert!(row.contains("【待补充：空】"), "{row}");
}
