//! `disclose compile`: the report follows the submissions, deterministically.

use std::process::Command as Process;

use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

use crate::util::{Data, disclose, root, stdout_of, terminal_table};

#[test]
fn editing_a_number_changes_that_number_in_the_report() {
    let data = Data::sample();
    let before = stdout_of(data.disclose().args(["compile", "2019-2020"]));
    assert!(before.contains("要闻 884 条"));
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,885");
    data.edit("2019-2020", "宣传部.csv", "信息,1481", "信息,1482");
    let after = stdout_of(data.disclose().args(["compile", "2019-2020"]));
    assert!(
        after.contains("学校主页共发布信息 1482 条，包括要闻 885 条"),
        "{after}"
    );
    assert!(!after.contains("884"));
    let changed: Vec<_> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "only the homepage paragraph changes");
}

#[test]
fn a_qualifier_prints_as_an_approximate_figure() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "3600,条,约", "3600,条,余");
    let out = stdout_of(data.disclose().args(["compile", "2019-2020"]));
    assert!(out.contains("官方微博发布 3600 余条"), "{out}");
}

#[test]
fn a_zero_becomes_a_sentence_and_a_number_becomes_another() {
    let data = Data::sample();
    data.edit(
        "2019-2020",
        "党委办公室.toml",
        "received = 0 ",
        "received = 3\ngranted = 2\nnot_held = 1\n",
    );
    let out = stdout_of(data.disclose().args(["compile", "2019-2020"]));
    assert!(!out.contains("本学年未收到"));
    assert!(
        out.contains(
            "本学年共收到信息公开申请 3 件。已办结 3 件，其中同意公开 2 件，信息不存在 1 件。"
        ),
        "{out}"
    );
}

#[test]
fn output_is_byte_identical_across_runs_locales_and_time_zones() {
    let first = disclose().args(["compile", "2019-2020"]).output().unwrap();
    let second = disclose()
        .args(["compile", "2019-2020"])
        .env("TZ", "Pacific/Kiritimati")
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(first.status.success() && second.status.success());
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn output_does_not_depend_on_the_order_files_were_created_in() {
    let forward = Data::sample();
    let backward = Data::empty();
    let source = root().join("data/2019-2020");
    let mut names: Vec<_> = std::fs::read_dir(&source)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    names.reverse();
    for name in names {
        backward.write(
            "2019-2020",
            name.to_str().unwrap(),
            std::fs::read(source.join(&name)).unwrap(),
        );
    }
    let a = stdout_of(
        forward
            .disclose()
            .args(["compile", "2019-2020", "-f", "text"]),
    );
    let b = stdout_of(
        backward
            .disclose()
            .args(["compile", "2019-2020", "-f", "text"]),
    );
    assert_eq!(a, b);
}

#[test]
fn a_text_prints_the_count_it_names_and_follows_its_edits() {
    let data = Data::empty().with_year(&root().join("tests/fixtures/base"), "2019-2020");
    data.write(
        "2019-2020",
        "教务处.toml",
        "[[count]]\nchannel = \"招生咨询\"\nitem = \"咨询电话\"\nnumber = 2600\nunit = \"人次\"\nqualifier = \"余\"\n\n\
         [[text]]\narea = \"招生\"\ntext = \"招生期间接听咨询电话{招生咨询/咨询电话}。\"\n",
    );
    data.disclose()
        .args(["validate", "2019-2020", "--strict"])
        .assert()
        .success();
    let out = stdout_of(data.disclose().args(["compile", "2019-2020"]));
    assert!(out.contains("招生期间接听咨询电话2600余人次。"), "{out}");
    data.edit("2019-2020", "教务处.toml", "number = 2600", "number = 2700");
    let out = stdout_of(data.disclose().args(["compile", "2019-2020"]));
    assert!(out.contains("招生期间接听咨询电话2700余人次。"), "{out}");
}

#[test]
fn warnings_go_to_stderr_unless_quiet_and_errors_always_do() {
    let data = Data::sample();
    data.disclose()
        .args(["compile", "2019-2020", "-o"])
        .arg(data.path().join("年报.md"))
        .assert()
        .success()
        .stderr(predicate::str::contains("warning[D203]"));
    data.disclose()
        .args(["compile", "2019-2020", "-q"])
        .assert()
        .success()
        .stderr("");
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,885");
    data.disclose()
        .args(["compile", "2019-2020", "-q"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(format!(
            "{}: error[D301]: `学校主页/信息` is 1481 but its parts sum to 1482 (要闻 885 + 校园动态 515 + 通知公告 82)\n\
             compile: 1 error(s); no report written. Run `disclose validate 2019-2020` to see each one with its source line\n",
            data.file("2019-2020", "宣传部.csv:2:9").display()
        ));
}

#[test]
fn dash_o_writes_the_file_and_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("年报.txt");
    disclose()
        .args(["compile", "2019-2020", "-f", "text", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("辽宁科技大学2019-2020学年信息公开工作年度报告"));
    let entries = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 1, "no temporary file left behind");
}

#[test]
fn the_data_folder_can_come_from_the_environment() {
    let data = Data::sample();
    disclose()
        .env("DISCLOSE_DATA", data.path())
        .current_dir(std::env::temp_dir())
        .args(["compile", "2019-2020"])
        .assert()
        .success()
        .stdout(predicate::str::contains("辽宁科技大学"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let bin = assert_cmd::cargo::cargo_bin("disclose");
    let status = Process::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' compile 2019-2020 | head -c 10 >/dev/null",
            bin.display()
        ))
        .current_dir(root())
        .output()
        .unwrap();
    // Its warnings are captured, not printed among the tests' results.
    assert!(status.status.success());
    let said = String::from_utf8_lossy(&status.stderr);
    assert!(!said.contains("error"), "{said}");
}

#[test]
fn format_json_is_a_versioned_document_with_the_figures_and_the_text() {
    let out = stdout_of(disclose().args(["compile", "2019-2020", "--format", "json"]));
    assert!(out.ends_with("}\n"), "a final newline");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["school"], "辽宁科技大学");
    assert_eq!(doc["year"], "2019-2020");
    assert_eq!(doc["draft"], false);
    let figures = doc["figures"].as_array().expect("figures");
    let homepage = figures
        .iter()
        .find(|f| f["channel"] == "学校主页" && f["item"] == "信息")
        .expect("学校主页/信息");
    assert_eq!(homepage["value"], 1481);
    assert_eq!(homepage["text"], "1481 条");
    let weibo = figures
        .iter()
        .find(|f| f["channel"] == "官方微博")
        .expect("官方微博");
    assert_eq!(weibo["approximate"], true);
    assert_eq!(weibo["qualifier"], "约");
    assert_eq!(doc["requests"]["received"], 0);
    assert_eq!(doc["complaints"]["lawsuits"], 0);
    assert_eq!(doc["checklist"].as_array().map(Vec::len), Some(50));
    assert_eq!(doc["report"]["parts"][0]["number"], "一");
    assert_eq!(doc["report"]["signature"]["date"], "2020年10月29日");
}

#[test]
fn format_json_of_a_year_with_requests_lists_each_outcome() {
    let out = stdout_of(disclose().arg("--data").arg(crate::util::example()).args([
        "compile",
        crate::util::EXAMPLE_YEAR,
        "-f",
        "json",
    ]));
    let doc: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(doc["requests"]["received"], 4);
    assert_eq!(doc["requests"]["outcomes"][0]["key"], "granted");
    assert_eq!(doc["requests"]["outcomes"][0]["number"], 2);
}

#[test]
fn format_table_shows_the_figures_requests_complaints_and_checklist_coverage() {
    let out = stdout_of(disclose().args(["compile", "2019-2020", "--format", "table"]));
    assert!(out.starts_with("辽宁科技大学2019-2020学年信息公开工作年度报告\n"));
    assert!(out.contains("1481 条"), "{out}");
    assert!(out.contains("约 3600 条"), "{out}");
    assert!(out.contains("└ 要闻"), "parts under their total:\n{out}");
    assert!(out.contains("\n依申请公开\n"), "{out}");
    assert!(out.contains("本学年收到申请"), "{out}");
    assert!(out.contains("行政诉讼"), "{out}");
    // The seed's report carries no checklist table: no page of 未说明, a pointer instead.
    assert!(!out.contains("未说明"), "{out}");
    assert!(out.contains("本年度报告不附清单事项表"), "{out}");
    assert!(
        out.lines().all(|l| UnicodeWidthStr::width(l) <= 120),
        "at most 120 columns when not a terminal:\n{out}"
    );
    // A report with the checklist appendix shows its coverage by category.
    let out = stdout_of(disclose().arg("--data").arg(crate::util::example()).args([
        "compile",
        crate::util::EXAMPLE_YEAR,
        "-f",
        "table",
    ]));
    assert!(out.contains("清单事项公开情况（按类别）\n"), "{out}");
    assert!(out.contains("合计"), "{out}");
    assert!(!out.contains("本年度报告不附清单事项表"), "{out}");
}

/// A form's CSV as (header, rows), each row its label and numbers.
fn form_csv(path: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(root().join(path)).expect("the form's CSV");
    let mut rows: Vec<Vec<String>> = text
        .lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    let header = rows.remove(0);
    (header, rows)
}

#[test]
fn format_table_shows_every_cell_of_the_state_council_forms() {
    let out = stdout_of(
        disclose()
            .arg("--data")
            .arg(root().join("examples/示例学院"))
            .args(["compile", "2022", "-f", "table"]),
    );
    assert!(!out.contains("未填报"), "both forms were submitted:\n{out}");
    assert!(
        out.contains("\n依申请公开\n收到和处理信息公开申请情况\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "\n因信息公开工作受到举报、复议、诉讼的情况\n信息公开行政复议、行政诉讼情况\n"
        ),
        "{out}"
    );
    for (caption, csv) in [
        (
            "收到和处理信息公开申请情况",
            "examples/示例学院/2022/党政办公室-申请情况表.csv",
        ),
        (
            "信息公开行政复议、行政诉讼情况",
            "examples/示例学院/2022/党政办公室-复议诉讼情况表.csv",
        ),
    ] {
        // The submitted sheet, row for row and cell for cell.
        assert_eq!(terminal_table(&out, caption), form_csv(csv), "{caption}");
    }
    assert!(
        out.lines().all(|l| UnicodeWidthStr::width(l) <= 120),
        "at most 120 columns when not a terminal:\n{out}"
    );
}

/// The numbers of the Markdown table under `heading`, in reading order (the cells that are
/// whole numbers: header cells are bold, labels are words).
fn markdown_numbers(markdown: &str, heading: &str) -> Vec<u64> {
    markdown
        .lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with('|'))
        .flat_map(|l| l.split('|').map(str::trim))
        .filter_map(|cell| cell.parse().ok())
        .collect()
}

#[test]
fn format_json_carries_every_cell_of_the_state_council_forms_as_the_report_prints_them() {
    for (data, year) in [
        ("examples/示例学院", "2022"),
        ("tests/fixtures/published/淮安市人民政府", "2024"),
    ] {
        let run = |format: &str| {
            stdout_of(
                disclose()
                    .arg("--data")
                    .arg(root().join(data))
                    .args(["compile", year, "-f", format]),
            )
        };
        let doc: serde_json::Value = serde_json::from_str(&run("json")).expect("valid JSON");
        let markdown = run("markdown");
        let forms = doc["forms"].as_array().expect("forms");
        let kinds: Vec<&str> = forms.iter().filter_map(|f| f["kind"].as_str()).collect();
        assert_eq!(kinds, ["requests", "reviews"], "{data}");
        for form in forms {
            let kind = &form["kind"];
            let columns = form["columns"].as_array().expect("columns");
            let rows = form["rows"].as_array().expect("rows");
            assert_eq!(rows.len(), if kind == "requests" { 25 } else { 3 });
            let mut values = Vec::new();
            for row in rows {
                let cells = row["values"].as_array().expect("values");
                assert_eq!(cells.len(), columns.len(), "{row}");
                values.extend(cells.iter().map(|v| v.as_u64().expect("a number")));
            }
            // The part that prints the form, and the numbers under its heading.
            let part = doc["report"]["parts"]
                .as_array()
                .expect("parts")
                .iter()
                .find(|p| {
                    p["blocks"]
                        .as_array()
                        .is_some_and(|b| b.iter().any(|b| b["type"] == "form" && b["key"] == *kind))
                })
                .expect("a part prints the form");
            let heading = format!(
                "## {}{}",
                part["prefix"].as_str().expect("prefix"),
                part["heading"].as_str().expect("heading")
            );
            assert_eq!(
                values,
                markdown_numbers(&markdown, &heading),
                "{data}: {heading}"
            );
        }
    }
}

#[test]
fn an_unknown_format_is_a_usage_error_naming_the_formats() {
    disclose()
        .args(["compile", "2019-2020", "-f", "pdf"])
        .assert()
        .code(2)
        .stderr(
            "error: invalid value 'pdf' for '--format <FORMAT>': unknown format `pdf`; use one of markdown, text, table, json, html, docx\n\n\
             For more information, try '--help'.\n",
        );
}

#[test]
fn a_final_report_with_an_empty_part_is_refused_whatever_the_rule_levels() {
    let data = Data::sample();
    data.edit(
        "2019-2020",
        "report.toml",
        "D207 = \"warning\"",
        "D207 = \"warning\"\nD501 = \"allow\"",
    );
    data.edit(
        "2019-2020",
        "report.toml",
        "[parts.other]\ntext = \"无\"",
        "",
    );
    let output = data
        .disclose()
        .args(["compile", "2019-2020", "-q"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "nothing on stdout");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("the report is not finished"), "{stderr}");
    assert!(
        stderr.contains("七、其他需要报告的事项：（空）"),
        "{stderr}"
    );
    // A draft is written, with the placeholder where the part is empty.
    let draft = stdout_of(
        data.disclose()
            .args(["compile", "2019-2020", "-q", "--draft"]),
    );
    assert!(draft.contains("【待补充：其他需要报告的事项】"), "{draft}");
}

#[test]
fn a_final_report_with_a_placeholder_is_refused_whatever_the_rule_levels() {
    let data = Data::sample();
    data.edit(
        "2019-2020",
        "report.toml",
        "D207 = \"warning\"",
        "D207 = \"warning\"\nD103 = \"allow\"",
    );
    data.edit(
        "2019-2020",
        "宣传部.csv",
        "官方微信,信息,436,条",
        "官方微信,信息,,条",
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("年报.md");
    let output = data
        .disclose()
        .args(["compile", "2019-2020", "-q", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("【待补充：宣传部 官方微信/信息】"),
        "{stderr}"
    );
    assert!(!out.exists(), "no report written");
}

#[test]
fn writing_a_file_ends_with_one_line_saying_so_unless_quiet() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("年报.docx");
    let output = disclose()
        .args(["compile", "2019-2020", "-f", "docx", "-o"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    let bytes = std::fs::metadata(&file).unwrap().len();
    let last = said.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        format!("wrote the report to {} ({bytes} bytes)", file.display())
    );
    let output = disclose()
        .args(["compile", "2019-2020", "-q", "-f", "docx", "-o"])
        .arg(&file)
        .output()
        .expect("runs");
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
