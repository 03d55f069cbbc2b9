//! `disclose status`: one row per department of a year being collected — received, a blank
//! template still, or missing — and an exit code that says whether the year is complete.

use crate::init::new_year;
use crate::util::{Data, EXAMPLE_YEAR, example, root};

/// `status --format json` of a year that is not complete yet (exit code 1).
fn status_json(data: &Data, year: &str) -> serde_json::Value {
    let output = data
        .disclose()
        .args(["status", year, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// One department's entry of a status document.
fn department_of(doc: &serde_json::Value, name: &str) -> serde_json::Value {
    doc["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == name)
        .unwrap()
        .clone()
}

#[test]
fn status_lists_every_department_and_fails_while_anything_is_missing() {
    let data = new_year();
    let status = |data: &Data| status_json(data, "2020-2021");
    // Right after init, every department has its blank template, and none has sent anything.
    let doc = status(&data);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["complete"], false);
    assert_eq!(doc["missing"].as_array().unwrap().len(), 9, "{doc}");
    let office = &doc["departments"][0];
    assert_eq!(office["name"], "党委办公室");
    assert_eq!(office["received"], false);
    assert_eq!(office["template"], true);
    assert_eq!(office["files"], 1);
    assert_eq!(office["errors"], 9);

    // 教务处 sends its file back filled in; 招标采购管理中心's template is gone.
    data.write(
        "2020-2021",
        "教务处.csv",
        std::fs::read(root().join("data/2019-2020/教务处.csv")).unwrap(),
    );
    std::fs::remove_file(data.file("2020-2021", "招标采购管理中心.toml")).unwrap();
    let doc = status(&data);
    let names: Vec<&str> = doc["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.len(), 9);
    let department = |name: &str| department_of(&doc, name);
    assert_eq!(department("教务处")["received"], true);
    assert_eq!(department("教务处")["template"], false);
    assert_eq!(department("招标采购管理中心")["received"], false);
    assert_eq!(department("招标采购管理中心")["template"], false);
    assert_eq!(department("招标采购管理中心")["files"], 0);
    let missing = doc["missing"].as_array().unwrap();
    assert_eq!(missing.len(), 8, "{doc}");
    assert!(!missing.contains(&serde_json::json!("教务处")));

    let table = data
        .disclose()
        .args(["status", "2020-2021"])
        .output()
        .unwrap();
    assert_eq!(table.status.code(), Some(1));
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("│ 宣传部           ┆ no (blank template) ┆ 1 "),
        "{table}"
    );
    assert!(
        table.contains("│ 教务处           ┆ yes                 ┆ 1 "),
        "{table}"
    );
    assert!(
        table.contains("│ 招标采购管理中心 ┆ no                  ┆ 0 "),
        "{table}"
    );
    assert!(table.contains("│ total            ┆ 1/9 "), "{table}");
    assert!(
        table.contains("not yet submitted: 党委办公室, 宣传部, 本科招生办"),
        "{table}"
    );
    data.disclose()
        .args(["status", "2019-2020"])
        .assert()
        .success();
}

#[test]
fn an_unchanged_template_with_nothing_to_fill_is_an_answer() {
    // 学生处 of the example university accounts for checklist items only: its template has no
    // blank that needs filling, and sent back as it is, it is a submission.
    let data = Data::empty().with_year(&example(), EXAMPLE_YEAR);
    data.disclose()
        .args(["init", "2023-2024"])
        .assert()
        .success();
    let doc = status_json(&data, "2023-2024");
    let department = |name: &str| department_of(&doc, name);
    assert_eq!(department("学生处")["errors"], 0, "{doc}");
    assert_eq!(department("学生处")["received"], true, "{doc}");
    assert_eq!(department("学生处")["template"], false, "{doc}");
    assert_eq!(department("宣传部")["template"], true, "{doc}");
}

#[test]
fn excel_templates_are_recognised_as_not_filled_in_too() {
    let data = Data::sample();
    data.disclose()
        .args(["init", "2020-2021", "--xlsx"])
        .assert()
        .success();
    let doc = status_json(&data, "2020-2021");
    assert_eq!(doc["missing"].as_array().unwrap().len(), 9, "{doc}");
    assert!(
        doc["departments"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["template"] == true),
        "{doc}"
    );
}
