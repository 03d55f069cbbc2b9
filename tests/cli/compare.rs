//! `disclose compare`: between the sample year and a copy with a few figures changed, added and
//! removed, exactly those show, in every format; between a State Council year and a copy with
//! one cell of a form changed, exactly that cell.

use predicates::prelude::*;
use serde_json::Value;

use crate::util::{Data, root, stdout_of, terminal_table};

/// The sample year, and a copy as 2020-2021 in which 官方微信 went from 436 to 500, 学校主页 from
/// 1481 to 1482 together with its part 要闻 (884 → 885), 官方视频号 is new and 官方B站 is gone.
fn two_years() -> Data {
    let data = Data::sample().with_copy("2019-2020", "2020-2021");
    let next = "2020-2021";
    data.edit(
        next,
        "report.toml",
        "year = \"2019-2020\"",
        "year = \"2020-2021\"",
    );
    data.edit(
        next,
        "report.toml",
        "issued = 2020-10-29",
        "issued = 2021-10-20",
    );
    data.edit(
        next,
        "宣传部.csv",
        "官方微信,信息,436,",
        "官方微信,信息,500,",
    );
    data.edit(
        next,
        "宣传部.csv",
        "学校主页,信息,1481,",
        "学校主页,信息,1482,",
    );
    data.edit(
        next,
        "宣传部.csv",
        "学校主页,要闻,884,",
        "学校主页,要闻,885,",
    );
    data.edit(next, "宣传部.csv", "官方B站,视频,31,条,,,,\n", "");
    data.edit(
        next,
        "宣传部.csv",
        "官方抖音,短视频,130,条,,,{渠道}发布{数量},\n",
        "官方抖音,短视频,130,条,,,{渠道}发布{数量},\n官方视频号,视频,12,条,,,{渠道}发布{数量},\n",
    );
    data.edit(
        next,
        "report.toml",
        "\"官方B站\", \"官方抖音\"]",
        "\"官方抖音\", \"官方视频号\"]",
    );
    data
}

fn json(data: &Data, a: &str, b: &str) -> Value {
    let out = stdout_of(data.disclose().args(["compare", a, b, "--format", "json"]));
    assert!(out.ends_with("}\n"), "a final newline");
    serde_json::from_str(&out).expect("valid JSON")
}

fn rows(doc: &Value) -> &Vec<Value> {
    doc["rows"].as_array().expect("rows")
}

/// The keys of the rows with `status`, in order.
fn keys_with_status<'d>(doc: &'d Value, status: &str) -> Vec<&'d str> {
    rows(doc)
        .iter()
        .filter(|r| r["status"] == status)
        .filter_map(|r| r["key"].as_str())
        .collect()
}

#[test]
fn the_copy_is_a_clean_year() {
    let data = two_years();
    data.disclose()
        .args(["validate", "2020-2021", "--format", "short"])
        .assert()
        .success()
        .stderr(predicate::str::contains("error").not());
}

#[test]
fn json_lists_exactly_the_changed_new_and_removed_figures() {
    let doc = json(&two_years(), "2019-2020", "2020-2021");
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["school"], "辽宁科技大学");
    assert_eq!(doc["year_a"], "2019-2020");
    assert_eq!(doc["year_b"], "2020-2021");

    assert_eq!(keys_with_status(&doc, "only-b"), ["官方视频号/视频"]);
    assert_eq!(keys_with_status(&doc, "only-a"), ["官方B站/视频"]);
    let changed: Vec<(&str, &Value, &Value, &Value, &Value)> = rows(&doc)
        .iter()
        .filter(|r| r["status"] == "both" && r["a"] != r["b"])
        .map(|r| {
            (
                r["key"].as_str().unwrap_or_default(),
                &r["a"]["value"],
                &r["b"]["value"],
                &r["change"],
                &r["percent"],
            )
        })
        .collect();
    assert_eq!(
        changed,
        [
            (
                "学校主页/信息",
                &1481.into(),
                &1482.into(),
                &1.into(),
                &0.1.into()
            ),
            (
                "学校主页/要闻",
                &884.into(),
                &885.into(),
                &1.into(),
                &0.1.into()
            ),
            (
                "官方微信/信息",
                &436.into(),
                &500.into(),
                &64.into(),
                &14.7.into()
            ),
        ]
    );
    for row in rows(&doc).iter().filter(|r| r["status"] == "both") {
        let changed = ["学校主页/信息", "学校主页/要闻", "官方微信/信息"]
            .contains(&row["key"].as_str().unwrap_or_default());
        assert_eq!(row["change"] == 0, !changed, "{row}");
    }

    let new = rows(&doc)
        .iter()
        .find(|r| r["key"] == "官方视频号/视频")
        .expect("the new figure");
    assert_eq!(new["a"], Value::Null);
    assert_eq!(new["b"]["value"], 12);
    assert_eq!(new["change"], Value::Null);
    assert_eq!(new["percent"], Value::Null);
    let weibo = rows(&doc)
        .iter()
        .find(|r| r["key"] == "官方微博/信息")
        .expect("官方微博");
    assert_eq!(weibo["a"]["approximate"], true);
    assert_eq!(weibo["b"]["qualifier"], "约");

    let sections: Vec<&str> = rows(&doc)
        .iter()
        .filter(|r| r["section"] != "figures")
        .filter_map(|r| r["key"].as_str())
        .collect();
    assert_eq!(
        sections,
        [
            "received",
            "carried_over",
            "carried_forward",
            "reports",
            "reconsiderations",
            "lawsuits",
            "published",
            "partly-published",
            "not-applicable",
            "unaccounted",
        ]
    );
    let total = rows(&doc).len();
    assert_eq!(
        doc["summary"],
        serde_json::json!({
            "rows": total,
            "changed": 3,
            "unchanged": total - 5,
            "only_a": 1,
            "only_b": 1,
        })
    );
}

#[test]
fn figures_come_in_year_b_order_then_those_of_year_a_only() {
    let doc = json(&two_years(), "2019-2020", "2020-2021");
    let figures: Vec<&str> = rows(&doc)
        .iter()
        .filter(|r| r["section"] == "figures")
        .filter_map(|r| r["key"].as_str())
        .collect();
    let new = figures.iter().position(|k| *k == "官方视频号/视频");
    let douyin = figures.iter().position(|k| *k == "官方抖音/短视频");
    assert_eq!(new, douyin.map(|i| i + 1), "{figures:?}");
    assert_eq!(figures.last(), Some(&"官方B站/视频"));
}

#[test]
fn swapping_the_years_swaps_new_and_removed_and_negates_the_changes() {
    let doc = json(&two_years(), "2020-2021", "2019-2020");
    assert_eq!(keys_with_status(&doc, "only-a"), ["官方视频号/视频"]);
    assert_eq!(keys_with_status(&doc, "only-b"), ["官方B站/视频"]);
    let wechat = rows(&doc)
        .iter()
        .find(|r| r["key"] == "官方微信/信息")
        .expect("官方微信");
    assert_eq!(wechat["change"], -64);
    assert_eq!(wechat["percent"], -12.8);
}

#[test]
fn a_year_compared_with_itself_is_unchanged_throughout() {
    let doc = json(&Data::sample(), "2019-2020", "2019-2020");
    assert!(rows(&doc).iter().all(|r| r["status"] == "both"));
    assert_eq!(doc["summary"]["changed"], 0);
    assert_eq!(doc["summary"]["unchanged"], doc["summary"]["rows"]);
}

#[test]
fn the_table_shows_changes_percentages_and_one_year_figures() {
    let out = stdout_of(
        two_years()
            .disclose()
            .args(["compare", "2019-2020", "2020-2021"]),
    );
    assert!(
        out.starts_with("辽宁科技大学 2019-2020 与 2020-2021 学年信息公开数据对比\n"),
        "{out}"
    );
    let line = |key: &str| {
        out.lines()
            .find(|l| l.contains(key))
            .unwrap_or_else(|| panic!("no line for {key}:\n{out}"))
            .to_owned()
    };
    let wechat = line("官方微信/信息");
    for cell in ["436", "500", "+64", "+14.7%", "增加"] {
        assert!(wechat.contains(cell), "{wechat}");
    }
    assert!(line("官方视频号/视频").contains("仅 2020-2021 有"));
    assert!(line("官方B站/视频").contains("仅 2019-2020 有"));
    assert!(line("官方微博/信息").contains("约 3600"));
    assert!(line("学校主页/校园动态").contains("不变"));
    assert!(out.contains("\n依申请公开\n"), "{out}");
    assert!(out.contains("本学年收到申请"), "{out}");
    assert!(out.contains("\n清单事项公开情况\n"), "{out}");
    assert!(
        out.ends_with("仅 2019-2020 有 1 项，仅 2020-2021 有 1 项。\n"),
        "{out}"
    );
}

#[test]
fn markdown_is_a_github_table_per_section() {
    let out = stdout_of(two_years().disclose().args([
        "compare",
        "2019-2020",
        "2020-2021",
        "-f",
        "markdown",
    ]));
    assert!(out.starts_with("# 辽宁科技大学 2019-2020 与 2020-2021 学年信息公开数据对比\n"));
    assert!(out.contains("\n## 信息公开渠道和数据\n"), "{out}");
    assert!(
        out.contains("| 项目 | 单位 | 2019-2020 | 2020-2021 | 变化 | 幅度 | 说明 |\n| --- | --- | ---: | ---: | ---: | ---: | --- |\n"),
        "{out}"
    );
    assert!(
        out.contains("\n| 官方微信/信息 | 条 | 436 | 500 | +64 | +14.7% | 增加 |\n"),
        "{out}"
    );
    assert!(
        out.contains("\n| 官方视频号/视频 | 条 | — | 12 | — | — | 仅 2020-2021 有 |\n"),
        "{out}"
    );
}

#[test]
fn a_year_with_errors_is_not_compared() {
    let data = two_years();
    data.edit(
        "2020-2021",
        "宣传部.csv",
        "学校主页,要闻,885,",
        "学校主页,要闻,886,",
    );
    data.disclose()
        .args(["compare", "2019-2020", "2020-2021"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("宣传部.csv:2:9: error[D301]"))
        .stderr(predicate::str::contains(
            "compare: 2020-2021 has 1 error(s); nothing compared",
        ))
        .stderr(predicate::str::contains("2019-2020 has").not())
        .stderr(predicate::str::contains("warning[").not());
}

#[test]
fn a_missing_year_folder_cannot_be_compared() {
    Data::sample()
        .disclose()
        .args(["compare", "2019-2020", "2020-2021"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("2020-2021"));
}

#[test]
fn the_command_line_needs_two_years_and_a_known_format() {
    let data = Data::sample();
    data.disclose()
        .args(["compare", "2019-2020"])
        .assert()
        .code(2);
    data.disclose()
        .args(["compare", "2019-2020", "2019-2020", "-f", "text"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use one of table, markdown, json"));
    data.disclose()
        .args(["compare", "2019-21", "2019-2020"])
        .assert()
        .code(2);
}

/// examples/示例学院 2022, and a copy as 2024 (not 2023, whose 上年结转 would have to be 2022's
/// 结转下年度, D316) whose report.toml lowers `rules` to warnings, so that a form edited by
/// hand can differ from its year in one cell.
fn two_form_years(rules: &[&str]) -> Data {
    let data = Data::empty()
        .with_year(&root().join("examples/示例学院"), "2022")
        .with_copy("2022", "2024");
    data.edit("2024", "report.toml", "year = \"2022\"", "year = \"2024\"");
    data.edit(
        "2024",
        "report.toml",
        "issued = 2023-01-18",
        "issued = 2025-01-18",
    );
    let lowered: Vec<String> = rules.iter().map(|r| format!("{r} = \"warning\"")).collect();
    data.edit(
        "2024",
        "report.toml",
        "D207 = \"allow\"",
        &format!("D207 = \"allow\"\n{}", lowered.join("\n")),
    );
    data
}

/// The form rows of a comparison document, by section.
fn section<'d>(doc: &'d Value, name: &str) -> Vec<&'d Value> {
    rows(doc).iter().filter(|r| r["section"] == name).collect()
}

#[test]
fn a_form_cell_changed_is_the_one_row_that_changed() {
    // 一、本年新收 总计 6 → 7: one cell, so the form's own sums no longer hold (D310, D312).
    let data = two_form_years(&["D310", "D311", "D312"]);
    data.edit(
        "2024",
        "党政办公室-申请情况表.csv",
        "一、本年新收信息公开申请数量,5,1,0,0,0,0,6",
        "一、本年新收信息公开申请数量,5,1,0,0,0,0,7",
    );

    let doc = json(&data, "2022", "2024");
    let changed: Vec<(&Value, &Value, &Value, &Value, &Value)> = rows(&doc)
        .iter()
        .filter(|r| r["a"] != r["b"])
        .map(|r| {
            (
                &r["section"],
                &r["key"],
                &r["a"]["value"],
                &r["b"]["value"],
                &r["change"],
            )
        })
        .collect();
    assert_eq!(
        changed,
        [(
            &"requests-form".into(),
            &"new/总计".into(),
            &6.into(),
            &7.into(),
            &1.into()
        )]
    );
    let requests = section(&doc, "requests-form");
    assert_eq!(requests.len(), 25 * 7, "every cell of the requests form");
    assert_eq!(requests[0]["key"], "new/自然人");
    assert_eq!(requests[0]["name"], "一、本年新收信息公开申请数量：自然人");
    assert_eq!(section(&doc, "reviews-form").len(), 3 * 5);
    let total = rows(&doc).len();
    assert_eq!(
        doc["summary"],
        serde_json::json!({
            "rows": total,
            "changed": 1,
            "unchanged": total - 1,
            "only_a": 0,
            "only_b": 0,
        })
    );

    let out = stdout_of(data.disclose().args(["compare", "2022", "2024"]));
    assert!(
        out.starts_with("示例学院 2022 与 2024 年度信息公开数据对比\n"),
        "{out}"
    );
    assert!(!out.contains("未填报"), "{out}");
    let (_, listed) = terminal_table(&out, "收到和处理信息公开申请情况");
    assert_eq!(
        listed,
        [[
            "一、本年新收信息公开申请数量：总计",
            "件",
            "6",
            "7",
            "+1",
            "+16.7%",
            "增加"
        ]]
    );
    assert!(out.contains("\n其余 174 格两个年度相同。\n"), "{out}");
    assert!(
        out.contains("\n信息公开行政复议、行政诉讼情况\n全部 15 格两个年度相同。\n"),
        "{out}"
    );
    assert!(
        out.ends_with(&format!(
            "共 {total} 项：变化 1 项，不变 {} 项，仅 2022 有 0 项，仅 2024 有 0 项。\n",
            total - 1
        )),
        "{out}"
    );
}

#[test]
fn a_form_one_year_did_not_submit_is_that_years_gap_in_every_cell() {
    // 2024 without its reviews form (D309 lowered, so the year can still be compared).
    let data = two_form_years(&["D309"]);
    std::fs::remove_file(data.file("2024", "党政办公室-复议诉讼情况表.csv")).unwrap();

    let doc = json(&data, "2022", "2024");
    let reviews = section(&doc, "reviews-form");
    assert_eq!(reviews.len(), 15);
    assert!(
        reviews
            .iter()
            .all(|r| r["status"] == "only-a" && r["b"].is_null() && r["change"].is_null()),
        "{reviews:?}"
    );
    assert_eq!(reviews[0]["key"], "reconsideration/结果维持");
    assert_eq!(reviews[0]["a"]["value"], 1);
    assert_eq!(doc["summary"]["only_a"], 15);
    assert_eq!(doc["summary"]["changed"], 0);

    let out = stdout_of(data.disclose().args(["compare", "2022", "2024"]));
    let (_, listed) = terminal_table(&out, "信息公开行政复议、行政诉讼情况");
    assert_eq!(listed.len(), 15, "{out}");
    assert_eq!(
        listed[0],
        ["行政复议：结果维持", "件", "1", "—", "—", "—", "仅 2022 有"]
    );
    assert!(listed.iter().all(|r| r[3] == "—" && r[6] == "仅 2022 有"));
    assert!(!out.contains("未填报"), "2022 has the form:\n{out}");
}

#[test]
fn the_title_calls_each_year_by_its_kind() {
    let out = stdout_of(
        Data::sample()
            .disclose()
            .args(["compare", "2019-2020", "2019-2020"]),
    );
    assert!(
        out.starts_with("辽宁科技大学 2019-2020 与 2019-2020 学年信息公开数据对比\n"),
        "{out}"
    );
    let data = Data::empty().with_year(&root().join("examples/示例学院"), "2022");
    let out = stdout_of(
        data.disclose()
            .args(["compare", "2022", "2022", "-f", "markdown"]),
    );
    assert!(
        out.starts_with("# 示例学院 2022 与 2022 年度信息公开数据对比\n"),
        "{out}"
    );
}
