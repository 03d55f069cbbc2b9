//! The fictional example year (示例大学 2022-2023): complete, clean, and partly counted from
//! event rows.

use crate::util::{Data, EXAMPLE_YEAR, disclose, example, stdout_of};

fn copy() -> Data {
    Data::empty().with_year(&example(), EXAMPLE_YEAR)
}

#[test]
fn the_example_year_has_no_findings_at_all() {
    disclose()
        .arg("--data")
        .arg(example())
        .args(["validate", EXAMPLE_YEAR, "--strict"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn the_example_year_compiles_with_counts_from_events() {
    let out = stdout_of(
        disclose()
            .arg("--data")
            .arg(example())
            .args(["compile", EXAMPLE_YEAR]),
    );
    assert!(
        out.contains("学校主页共发布信息120条，其中要闻40条、通知公告80条"),
        "{out}"
    );
    assert!(out.contains("学校官方微信公众号发布推文25条"), "{out}");
    assert!(out.contains("| 17 | 三、财务、资产及收费信息 | 校办企业资产、负债、国有资产保值增值等信息 | 不适用 |  | 学校无校办企业 |"));
    // 宣传部.csv's 备注 column is the department's own: never printed.
    assert!(!out.contains("主页各栏目合计"), "{out}");
}

#[test]
fn an_event_row_added_inside_the_period_is_counted() {
    let data = copy();
    let file = data.file(EXAMPLE_YEAR, "宣传部-微信后台导出.csv");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("26,【示大】五四青年节,示例大学,2023/05/04 12:00:00,999,9,https://mp.weixin.qq.com/s/demo0026\n");
    // The same post exported twice counts once.
    text.push_str("27,【示大】五四青年节,示例大学,2023/05/04 12:00:00,999,9,https://mp.weixin.qq.com/s/demo0026\n");
    std::fs::write(&file, text).unwrap();
    let out = stdout_of(data.disclose().args(["compile", EXAMPLE_YEAR]));
    assert!(out.contains("发布推文26条"), "{out}");
}

#[test]
fn an_event_dated_outside_the_period_is_not_counted_and_is_reported() {
    let data = copy();
    data.edit(
        EXAMPLE_YEAR,
        "宣传部-微信后台导出.csv",
        "2023/08/10 20:24",
        "2023/09/10 20:24",
    );
    let out = stdout_of(data.disclose().args(["compile", EXAMPLE_YEAR, "-q"]));
    assert!(out.contains("发布推文24条"), "{out}");
    data.disclose()
        .args(["validate", EXAMPLE_YEAR, "--format", "short"])
        .assert()
        .success()
        .stderr(format!(
            "{}: warning[D402]: 2023/09/10 20:24:00 is outside the statistics period (2022-09-01 – 2023-08-31) and is not counted\n",
            data.file(EXAMPLE_YEAR, "宣传部-微信后台导出.csv:26:17").display()
        ));
}

#[test]
fn a_derived_part_that_changes_makes_its_total_disagree() {
    let data = copy();
    let file = data.file(EXAMPLE_YEAR, "宣传部-主页要闻.csv");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("2023-06-01,学校主页,要闻,示例大学举行毕业典礼,https://www.example.edu.cn/info/1001/4000.htm\n");
    std::fs::write(&file, text).unwrap();
    data.disclose()
        .args(["validate", EXAMPLE_YEAR, "--format", "short"])
        .assert()
        .code(1)
        .stderr(format!(
            "{}: error[D301]: `学校主页/信息` is 120 but its parts sum to 121 (要闻 41 + 通知公告 80)\n",
            data.file(EXAMPLE_YEAR, "宣传部.csv:2:9").display()
        ));
}

/// A shipped example year: checks that it has no finding at all (`--strict`, nothing on stderr),
/// and returns its report in `format`.
fn clean_and_compiled(folder: &str, year: &str, format: &str) -> String {
    let data = crate::util::root().join(folder);
    disclose()
        .arg("--data")
        .arg(&data)
        .args(["validate", year, "--strict"])
        .assert()
        .success()
        .stderr("");
    stdout_of(
        disclose()
            .arg("--data")
            .arg(&data)
            .args(["compile", year, "-f", format]),
    )
}

#[test]
fn the_state_council_example_reports_a_calendar_year_with_its_two_forms() {
    let out = clean_and_compiled("examples/示例学院", "2022", "text");
    assert!(
        out.contains("示例学院2022年度信息公开工作年度报告"),
        "{out}"
    );
    assert!(
        out.contains("统计期限自2022年1月1日起至2022年12月31日止"),
        "{out}"
    );
    assert!(out.contains("　　三、收到和处理信息公开申请情况"), "{out}");
    // The forms cell for cell, as the template lays them out: a merged cell's text where it
    // starts, the places it covers empty.
    assert!(out.contains("\t（七）总计\t\t6\t1\t0\t0\t0\t0\t7"), "{out}");
    assert!(
        out.contains("\n\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"),
        "{out}"
    );
    assert!(out.contains("行政复议\t\t\t\t\t行政诉讼\t"), "{out}");
    assert!(out.contains("\n1\t0\t0\t0\t1\t0\t0"), "{out}");
    assert!(out.contains("2023年1月18日"));
}

#[test]
fn the_ministry_example_has_eight_parts_the_last_the_checklist_table() {
    let out = clean_and_compiled("examples/示例师范大学", "2023-2024", "markdown");
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## 一、概述",
            "## 二、主动公开情况",
            "## 三、依申请公开和不予公开情况",
            "## 四、对信息公开的评议情况",
            "## 五、因学校信息公开工作遭到举报的情况",
            "## 六、信息公开工作存在的主要问题及改进措施",
            "## 七、其他需要报告的事项",
            "## 八、清单事项公开情况",
        ],
        "{out}"
    );
    // Part 八 is the table under its own name, every item once, and no appendix repeats it.
    let part_eight = &out[out.find("## 八、").unwrap()..];
    assert!(part_eight.contains("**清单事项公开情况表**"), "{out}");
    let rows = part_eight.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(rows, 52, "header, rule and 50 items");
    assert!(!out.contains("附件"), "{out}");
    assert!(
        part_eight.contains("| 8 | 二、招生考试信息 | 保送、自主选拔录取、高水平运动员和艺术特长生招生等特殊类型招生入选考生资格及测试结果 | 不适用 |  | 学校本学年无保送、高水平运动员和艺术特长生等特殊类型招生 |"),
        "{out}"
    );
    assert!(out.contains("学校官方微信公众号发布推文约900条，官方微博发布博文3000余条。"));
    assert!(out.contains("本学年未收到社会公众和师生员工的相关信息公开申请。"));
    // A number of the narrative, submitted as a count and named in the text.
    assert!(
        out.contains("学校组织二级单位信息公开联络员专题培训2次，"),
        "{out}"
    );
}

#[test]
fn the_ministry_outline_accounts_for_the_checklist_as_part_eight() {
    let data = copy();
    data.edit(
        EXAMPLE_YEAR,
        "report.toml",
        "domains = ",
        "outline = \"ministry\"\ndomains = ",
    );
    let out = stdout_of(data.disclose().args(["compile", EXAMPLE_YEAR]));
    assert!(
        out.contains("## 六、信息公开工作存在的主要问题及改进措施"),
        "{out}"
    );
    assert!(out.contains("## 八、清单事项公开情况"), "{out}");
    assert_eq!(
        out.matches("| 17 | 三、财务、资产及收费信息 |").count(),
        1,
        "the table once, as part 八"
    );
}
