//! `disclose init` and `disclose compile --draft`: starting a new year from the last, and the
//! report while files are missing.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::util::Data;

/// Every file of a folder with its bytes.
fn snapshot(folder: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// The files `init` writes for 2020-2021 from the sample year, in the order it writes them:
/// report.toml, then each department's template in the order of report.toml's `[owners]`.
const NEW_FILES: [&str; 10] = [
    "report.toml",
    "党委办公室.toml",
    "宣传部.csv",
    "教务处.csv",
    "本科招生办.toml",
    "研究生院.toml",
    "财务处.toml",
    "组织部.toml",
    "人事处.toml",
    "招标采购管理中心.toml",
];

/// What `init` prints for 2020-2021: one line per file of [`NEW_FILES`], its path after
/// `prefix`.
fn listing(data: &Data, prefix: &str) -> String {
    let mut out = String::new();
    for name in NEW_FILES {
        let _ = writeln!(out, "{prefix}{}", data.file("2020-2021", name).display());
    }
    out
}

/// The sample year and, made by `init` from it, 2020-2021: every department's template blank.
pub(crate) fn new_year() -> Data {
    let data = Data::sample();
    data.disclose()
        .args(["init", "2020-2021", "--from", "2019-2020"])
        .assert()
        .success()
        .stdout(listing(&data, "created "));
    data
}

#[test]
fn init_writes_templates_with_last_years_rows_and_blank_numbers() {
    let data = new_year();
    let files = snapshot(&data.path().join("2020-2021"));
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "report.toml",
            "人事处.toml",
            "党委办公室.toml",
            "宣传部.csv",
            "招标采购管理中心.toml",
            "教务处.csv",
            "本科招生办.toml",
            "研究生院.toml",
            "组织部.toml",
            "财务处.toml"
        ]
    );
    let csv = String::from_utf8(files["宣传部.csv"].clone()).unwrap();
    assert!(
        csv.contains("学校主页,要闻,,条,,信息,,,,上学年：884条"),
        "{csv}"
    );
    assert!(
        csv.contains("官方微博,信息,,条,约,,,{渠道}发布{数量},,上学年：约3600条"),
        "{csv}"
    );
    let report = String::from_utf8(files["report.toml"].clone()).unwrap();
    assert!(report.contains("year = \"2020-2021\""));
    assert!(report.contains("issued = \"\""));
    assert!(
        report.contains("【待审阅】2019-2020年度，学校坚持"),
        "{report}"
    );
    let toml = String::from_utf8(files["党委办公室.toml"].clone()).unwrap();
    assert!(toml.contains("number = \"\"   # 上学年：103条"), "{toml}");
    assert!(toml.contains("received = \"\""));
}

#[test]
fn the_new_year_validates_to_its_missing_figures_not_a_crash() {
    let data = new_year();
    let output = data
        .disclose()
        .args(["validate", "2020-2021", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("2020-2021/宣传部.csv:3:9: error[D103]: missing `数量`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2020-2021/report.toml:11:10: error[D103]: missing `issued`"),
        "{stderr}"
    );
    assert!(stderr.contains("warning[D504]"), "{stderr}");
    assert!(
        stderr.contains("error[D103]: missing `received`"),
        "{stderr}"
    );
}

#[test]
fn a_draft_has_placeholders_a_banner_and_the_findings() {
    let data = new_year();
    data.disclose()
        .args(["compile", "2020-2021"])
        .assert()
        .code(1)
        .stdout("");
    let output = data
        .disclose()
        .args(["compile", "2020-2021", "--draft", "-q"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        output.stderr.is_empty(),
        "with -q the findings are only in the draft"
    );
    let out = String::from_utf8(output.stdout).unwrap();
    assert!(
        out.starts_with("# 辽宁科技大学2020-2021学年信息公开工作年度报告\n\n> **草稿**"),
        "{out}"
    );
    assert!(
        out.contains("学校主页共发布信息【待补充：宣传部 学校主页/信息】"),
        "{out}"
    );
    assert!(
        out.contains("【待补充：依申请公开情况（\\[requests\\]）】") || out.contains("【待补充：")
    );
    assert!(out.contains("## 待处理的问题"), "{out}");
    assert!(out.contains("error\\[D103\\]: 缺少 \\`数量\\`"), "{out}");
    assert!(out.contains("\n- 2020-2021/宣传部.csv:2:"), "{out}");
    assert!(out.contains("【待补充：发布日期】"));
}

/// `compile --draft` of the new year, as bytes, run with `lang` in `LANG` and `extra` options.
fn draft(data: &Data, lang: &str, extra: &[&str]) -> Vec<u8> {
    let output = data
        .disclose()
        .env("LANG", lang)
        .args(["compile", "2020-2021", "--draft", "-q"])
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success());
    output.stdout
}

#[test]
fn a_draft_is_the_same_whatever_the_locale_and_wherever_the_data_is() {
    let data = new_year();
    let c = draft(&data, "C", &[]);
    assert_eq!(
        c,
        draft(&data, "zh_CN.UTF-8", &[]),
        "LANG changes the draft"
    );
    assert_eq!(c, draft(&data, "en_US.UTF-8", &["--lang", "zh"]));
    // The same year in another data folder: the same bytes.
    let elsewhere = Data::empty().with_year(data.path(), "2019-2020");
    let elsewhere = elsewhere.with_year(data.path(), "2020-2021");
    assert_eq!(
        c,
        draft(&elsewhere, "C", &[]),
        "the data folder's path is in the draft"
    );
    let text = String::from_utf8(c).unwrap();
    assert!(!text.contains(&*data.path().to_string_lossy()), "{text}");
    // What may differ is what is asked for: `--lang en` writes the findings in English.
    let english = String::from_utf8(draft(&data, "zh_CN.UTF-8", &["--lang", "en"])).unwrap();
    assert!(
        english.contains("error\\[D103\\]: missing \\`数量\\`"),
        "{english}"
    );
    assert_eq!(
        english,
        String::from_utf8(draft(&data, "C", &["--lang", "en"])).unwrap()
    );
}

#[test]
fn running_init_again_changes_nothing() {
    let data = new_year();
    let folder = data.path().join("2020-2021");
    data.edit(
        "2020-2021",
        "宣传部.csv",
        "学校主页,信息,,条",
        "学校主页,信息,1500,条",
    );
    let before = snapshot(&folder);
    data.disclose()
        .args(["init", "2020-2021"])
        .assert()
        .success()
        .stdout(listing(&data, "exists, left as it was: "));
    assert_eq!(snapshot(&folder), before);
}

#[test]
fn init_xlsx_writes_one_workbook_per_department_texts_included() {
    let data = Data::sample();
    data.disclose()
        .args(["init", "2020-2021", "--xlsx"])
        .assert()
        .success();
    let files = snapshot(&data.path().join("2020-2021"));
    assert!(files.contains_key("宣传部.xlsx"));
    assert!(!files.contains_key("宣传部.csv"));
    assert!(
        files.contains_key("本科招生办.xlsx"),
        "checklist entries go into the workbook"
    );
    assert!(
        !files.contains_key("本科招生办.toml"),
        "texts go into the workbook too"
    );
    assert!(files["宣传部.xlsx"].starts_with(b"PK"), "a zip file");
    let output = data
        .disclose()
        .args(["validate", "2020-2021", "--format", "short"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("2020-2021/宣传部.xlsx[数量]!C2: error[D103]: missing `数量`"),
        "{stderr}"
    );
    let again = Data::sample();
    again
        .disclose()
        .args(["init", "2020-2021", "--xlsx"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read(again.file("2020-2021", "宣传部.xlsx")).unwrap(),
        files["宣传部.xlsx"],
        "the same input makes the same workbook"
    );
}

#[test]
fn a_csv_template_has_a_byte_order_mark_and_shows_formulas_as_text() {
    let data = Data::sample();
    data.edit(
        "2019-2020",
        "宣传部.csv",
        "学校主页,要闻,884",
        "学校主页,=1+1,884",
    );
    data.disclose()
        .args(["init", "2020-2021"])
        .assert()
        .success();
    let template = std::fs::read(data.file("2020-2021", "宣传部.csv")).unwrap();
    assert!(template.starts_with("\u{feff}渠道,类别,数量".as_bytes()));
    let text = std::fs::read_to_string(data.file("2020-2021", "宣传部.csv")).unwrap();
    assert!(text.contains("学校主页,'=1+1,,条"), "{text}");
    // Read back, the apostrophe is not part of the value: validate warns about the formula at
    // its cell, and status still sees the untouched template as a blank one.
    let output = data
        .disclose()
        .args(["validate", "2020-2021", "--format", "short"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning[D123]: `=1+1` starts like a spreadsheet formula"),
        "{stderr}"
    );
    let status = data
        .disclose()
        .args(["status", "2020-2021", "-f", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    let department = json["departments"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "宣传部")
        .unwrap();
    assert_eq!(department["template"], true, "{department}");
}
