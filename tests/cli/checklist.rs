//! `disclose checklist`.

use std::fmt::Write as _;

use predicates::prelude::*;

use crate::util::{Data, EXAMPLE_YEAR, disclose, example, root, stdout_of};

#[test]
fn prints_the_fifty_items() {
    let out = stdout_of(disclose().arg("checklist"));
    assert!(out.starts_with("高等学校信息公开事项清单（教育部办公厅 教办函〔2014〕23号）"));
    assert!(out.contains("│ 50   ┆ 十、其他"), "{out}");
    assert!(out.contains("学校章程及制定的各项规章制度"));
}

#[test]
fn with_a_year_shows_status_owners_and_where() {
    disclose()
        .args(["checklist", "2019-2020"])
        .assert()
        .success()
        .stdout(predicate::str::contains("未说明"))
        .stdout(predicate::str::contains("组织部、人事处"));
    let out = stdout_of(
        disclose()
            .arg("--data")
            .arg(example())
            .args(["checklist", EXAMPLE_YEAR]),
    );
    assert!(!out.contains("未说明"), "{out}");
    assert!(out.contains("不适用"));
}

/// A province's checklist of three items, the second in a category of its own.
const PROVINCE: &str = r#"name = "某省高等学校信息公开事项清单"
source = "某省教育厅（虚构）"

[[item]]
id = "1"
category = "一、基本信息"
text = "办学基本情况"

[[item]]
id = "2"
category = "二、本省补充事项"
text = "校园安全信息"

[[item]]
id = "3"
category = "二、本省补充事项"
text = "后勤服务收费信息"
"#;

/// A checklist CSV accounting for items `1..=last`, each published at `N.htm`.
fn entries(last: u32) -> String {
    let mut csv = String::from("事项,状态,链接,公开日期\n");
    for n in 1..=last {
        let _ = writeln!(
            csv,
            "{n},已公开,https://xxgk.test.edu.cn/{n}.htm,2020-03-01"
        );
    }
    csv
}

/// The base test year using the province's checklist, with entries for items 1 and 2 of it.
fn province_year() -> Data {
    let data = Data::empty().with_year(&root().join("tests/fixtures/base"), "2019-2020");
    data.edit(
        "2019-2020",
        "report.toml",
        "[owners]\n\"党政办公室\" = [1, 2, 3, 4, 5, 6]",
        "checklist = \"省清单.toml\"\n\n[owners]\n\"党政办公室\" = [1, 2, 3]",
    );
    data.write("2019-2020", "省清单.toml", PROVINCE);
    data.write("2019-2020", "党政办公室-清单.csv", entries(2));
    data
}

#[test]
fn a_year_can_name_its_province_s_checklist() {
    let data = province_year();
    // Item 3 is the province's, and nobody accounted for it.
    data.disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .assert()
        .code(1)
        .stderr(format!(
            "{}: error[D201]: checklist item 3 is not accounted for (owner: 党政办公室)\n",
            data.file("2019-2020", "report.toml:11:18").display()
        ));
    data.write("2019-2020", "党政办公室-清单.csv", entries(3));
    data.disclose()
        .args(["validate", "2019-2020", "--strict"])
        .assert()
        .success();
    let listing = stdout_of(data.disclose().args(["checklist", "2019-2020"]));
    assert!(
        listing.starts_with("测试大学 2019-2020 学年 · 某省高等学校信息公开事项清单"),
        "{listing}"
    );
    let report = stdout_of(data.disclose().args(["compile", "2019-2020"]));
    assert!(
        report.contains(
            "| 2 | 二、本省补充事项 | 校园安全信息 | 已公开 | https://xxgk.test.edu.cn/2.htm |  |"
        ),
        "{report}"
    );
    assert!(
        !report.contains("学校章程"),
        "no item of the Ministry's list"
    );
}

#[test]
fn an_entry_for_an_item_the_province_does_not_have_is_an_error() {
    let data = province_year();
    data.write("2019-2020", "党政办公室-清单.csv", entries(4));
    data.disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .assert()
        .code(1)
        .stderr(format!(
            "{}: error[D109]: the checklist has no item `4`\n",
            data.file("2019-2020", "党政办公室-清单.csv:5:1").display()
        ));
}

#[test]
fn a_mistake_in_the_province_s_checklist_is_shown_at_its_line() {
    let data = province_year();
    data.write(
        "2019-2020",
        "省清单.toml",
        PROVINCE.replace("text = \"校园安全信息\"", "txt = \"校园安全信息\""),
    );
    data.disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .assert()
        .code(1)
        .stderr(format!(
            "{}: error[D102]: unknown key `txt`; did you mean `text`?\n",
            data.file("2019-2020", "省清单.toml:12:1").display()
        ));
}

#[test]
fn a_checklist_file_that_is_not_there_is_named() {
    let data = province_year();
    std::fs::remove_file(data.file("2019-2020", "省清单.toml")).expect("remove");
    data.disclose()
        .args(["validate", "2019-2020"])
        .assert()
        .code(3)
        .stderr(format!(
            "error: checklist `{}` is not usable: no such file (named by `checklist` in report.toml)\n",
            data.file("2019-2020", "省清单.toml").display()
        ));
}

#[test]
fn the_checklist_as_json_for_scripts() {
    let doc: serde_json::Value =
        serde_json::from_str(&stdout_of(disclose().args(["checklist", "-f", "json"]))).unwrap();
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["items"].as_array().unwrap().len(), 50);
    assert_eq!(doc["items"][0]["category"], "一、基本信息");
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(disclose().args([
        "checklist",
        "2019-2020",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(doc["year"], "2019-2020");
    let seventh = &doc["accounted"][6];
    assert_eq!(seventh["id"], "7");
    assert_eq!(seventh["status"], "已公开");
    assert_eq!(seventh["departments"][0], "本科招生办");
}
