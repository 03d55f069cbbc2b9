//! A year's own shape, end to end: its typography, its wording of checklist items, forms carried
//! across years, and a first year started from a preset.

use crate::util::{Data, root, stdout_of};

#[test]
fn the_years_typography_spells_every_figure() {
    let data = Data::sample();
    let spaced = stdout_of(data.disclose().args(["compile", "2019-2020", "-q"]));
    assert!(spaced.contains("学校主页共发布信息 1481 条，包括要闻 884 条，校园动态 515 条"));
    data.edit(
        "2019-2020",
        "report.toml",
        "space = true\nbreakdown = \"，\"",
        "space = false\nbreakdown = \"、\"",
    );
    let tight = stdout_of(data.disclose().args(["compile", "2019-2020", "-q"]));
    assert!(
        tight.contains("学校主页共发布信息1481条，包括要闻884条、校园动态515条、通知公告82条；"),
        "{tight}"
    );
    assert!(tight.contains("官方微博发布约3600条"), "{tight}");
    // Nothing else changed: the same lines, but for the figures' spelling.
    assert_eq!(spaced.lines().count(), tight.lines().count());
}

#[test]
fn a_year_rewords_a_checklist_item_without_a_checklist_of_its_own() {
    let data = Data::sample();
    data.edit(
        "2019-2020",
        "report.toml",
        "[rules]",
        "[checklist_wording]\n\"25\" = \"校内中层干部任免信息、人员招聘信息\"\n\"99\" = \"不存在的事项\"\n\n[rules]",
    );
    let output = data
        .disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .output()
        .unwrap();
    let findings = String::from_utf8_lossy(&output.stderr);
    assert!(
        findings.contains("error[D109]: the checklist has no item `99`"),
        "{findings}"
    );
    data.edit(
        "2019-2020",
        "report.toml",
        "\"99\" = \"不存在的事项\"\n",
        "",
    );
    let json = stdout_of(
        data.disclose()
            .args(["compile", "2019-2020", "-q", "-f", "json"]),
    );
    assert!(
        json.contains("\"text\": \"校内中层干部任免信息、人员招聘信息\""),
        "{json}"
    );
}

#[test]
fn this_years_carried_over_requests_are_last_years_carried_forward() {
    let data = Data::empty()
        .with_year(&root().join("examples/示例学院"), "2022")
        .with_copy("2022", "2023");
    data.edit("2023", "report.toml", "year = \"2022\"", "year = \"2023\"");
    data.edit(
        "2023",
        "report.toml",
        "issued = 2023-01-18",
        "issued = 2024-01-18",
    );
    // 2022 carried nothing forward, but its copy says one request came over from last year.
    let output = data
        .disclose()
        .args(["validate", "2023", "--format", "short"])
        .output()
        .unwrap();
    let findings = String::from_utf8_lossy(&output.stderr);
    assert!(
        findings.contains("error[D316]: 1 request(s) carried over from last year (自然人), but last year's report (2022) carried 0 forward"),
        "{findings}"
    );
    // Without last year's folder there is nothing to compare with.
    std::fs::remove_dir_all(data.path().join("2022")).unwrap();
    let output = data
        .disclose()
        .args(["validate", "2023", "--format", "short"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("D316"));
}

#[test]
fn a_first_year_starts_from_a_preset_and_its_blank_templates_are_not_submissions() {
    let data = Data::empty();
    data.disclose()
        .args([
            "init",
            "2024-2025",
            "--school",
            "示例新校",
            "--departments",
            "宣传部、教务处",
            "--outline",
            "ministry",
        ])
        .assert()
        .success();
    let report = std::fs::read_to_string(data.file("2024-2025", "report.toml")).unwrap();
    assert!(report.contains("school = \"示例新校\""));
    assert!(report.contains("departments = [\"宣传部\", \"教务处\"]"));
    assert!(report.contains("outline = \"ministry\""));
    assert!(report.contains("[parts.checklist]"), "{report}");
    let output = data
        .disclose()
        .args(["status", "2024-2025"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let table = String::from_utf8_lossy(&output.stdout);
    assert_eq!(table.matches("no (blank template)").count(), 2, "{table}");
    // A department that fills its template in has submitted.
    data.write(
        "2024-2025",
        "宣传部.toml",
        "[[count]]\nchannel = \"学校主页\"\nitem = \"信息\"\nnumber = 120\nunit = \"条\"\n",
    );
    let output = data
        .disclose()
        .args(["status", "2024-2025"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&output.stdout);
    assert_eq!(table.matches("no (blank template)").count(), 1, "{table}");
}

#[test]
fn a_first_state_council_year_gets_the_forms_to_fill_in_as_csv_or_as_sheets() {
    let init = |data: &Data, more: &[&str]| {
        data.disclose()
            .args([
                "init",
                "2024",
                "--school",
                "示例职业学院",
                "--departments",
                "党政办公室,宣传部",
                "--outline",
                "state-council",
            ])
            .args(more)
            .assert()
            .success();
    };
    let data = Data::empty();
    init(&data, &[]);
    // The first department named handles requests: it gets both forms, blank, by their labels.
    let form = std::fs::read_to_string(data.file("2024", "党政办公室-申请情况表.csv")).unwrap();
    let lines: Vec<&str> = form.lines().collect();
    assert_eq!(
        lines[0],
        "\u{feff}项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计"
    );
    assert_eq!(lines[1], "一、本年新收信息公开申请数量,,,,,,,");
    assert!(data.file("2024", "党政办公室-复议诉讼情况表.csv").exists());
    assert!(!data.file("2024", "宣传部-申请情况表.csv").exists());
    // No department is told to write [requests] or [complaints], which this outline refuses.
    for name in ["党政办公室.toml", "宣传部.toml"] {
        let template = std::fs::read_to_string(data.file("2024", name)).unwrap();
        assert!(!template.contains("[requests]"), "{name}: {template}");
        assert!(!template.contains("[complaints]"), "{name}: {template}");
        assert!(template.contains("State Council forms"), "{name}");
    }
    // A calendar year's report is due by 31 January: the example date is inside it.
    let report = std::fs::read_to_string(data.file("2024", "report.toml")).unwrap();
    assert!(report.contains("如 2025-01-20"), "{report}");
    let status = |data: &Data| {
        let output = data.disclose().args(["status", "2024"]).output().unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    assert_eq!(status(&data).matches("no (blank template)").count(), 2);
    // Filled in, the form is read: its empty cells are no longer reported.
    let filled: String = form
        .lines()
        .map(|l| l.replace(",,,,,,,", ",0,0,0,0,0,0,0") + "\n")
        .collect();
    data.write("2024", "党政办公室-申请情况表.csv", filled);
    let output = data.disclose().args(["validate", "2024"]).output().unwrap();
    let findings = String::from_utf8_lossy(&output.stderr);
    assert!(
        !findings
            .lines()
            .any(|l| l.contains("申请情况表.csv") && l.contains("D314")),
        "{findings}"
    );
    assert_eq!(status(&data).matches("no (blank template)").count(), 1);

    // With --xlsx, one workbook each, the forms as sheets of the first department's.
    let data = Data::empty();
    init(&data, &["--xlsx"]);
    assert!(!data.file("2024", "党政办公室.toml").exists());
    let sheets = |name: &str| {
        use calamine::Reader;
        let workbook: calamine::Xlsx<_> = calamine::open_workbook(data.file("2024", name)).unwrap();
        workbook.sheet_names()
    };
    let office = sheets("党政办公室.xlsx");
    for sheet in [
        "数量",
        "文字",
        "申请情况表",
        "复议诉讼情况表",
        "清单",
        "说明",
    ] {
        assert!(office.iter().any(|s| s == sheet), "{sheet}: {office:?}");
    }
    let other = sheets("宣传部.xlsx");
    assert!(!other.iter().any(|s| s == "申请情况表"), "{other:?}");
    assert_eq!(status(&data).matches("no (blank template)").count(), 2);
}

#[test]
fn the_next_year_gets_blank_copies_of_last_years_forms() {
    let data = Data::empty().with_year(&root().join("examples/示例学院"), "2022");
    data.disclose().args(["init", "2023"]).assert().success();
    for name in ["党政办公室-申请情况表.csv", "党政办公室-复议诉讼情况表.csv"]
    {
        let template = std::fs::read_to_string(data.file("2023", name)).unwrap();
        let last = std::fs::read_to_string(data.file("2022", name)).unwrap();
        // The same rows by the same labels, every number blank.
        let labels = |text: &str| -> Vec<String> {
            text.lines()
                .skip(1)
                .map(|l| l.split(',').next().unwrap_or_default().to_owned())
                .collect()
        };
        assert_eq!(labels(&template), labels(&last), "{name}");
        assert!(
            template
                .lines()
                .skip(1)
                .all(|l| l.split(',').skip(1).all(str::is_empty)),
            "{template}"
        );
    }
}
