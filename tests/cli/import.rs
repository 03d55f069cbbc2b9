//! `disclose import`: a published report becomes a year folder that compiles to the same text.
//!
//! The round trips: the published seed report (text) imported and compiled has every sentence of
//! it; every shipped year, compiled to Markdown, text, HTML and Word, imported and compiled
//! again, gives the same report byte for byte. Mutations: one number edited in an imported
//! department file changes exactly that number; a part added to a total breaks its sum (D301).
//! What a figure becomes: a count of its own clause's channel, or the form's cell it repeats.
//! What is no report is refused, with nothing written; `-q` prints only the files written.

use std::fmt::Write as _;
use std::path::Path;

use crate::seed::missing;
use crate::util::{Data, disclose, root, stdout_of};

/// Imports `file` into `data`, which must succeed.
fn import(data: &Data, file: &Path) {
    data.disclose().arg("import").arg(file).assert().success();
}

/// The shipped years and the years written for published reports: data folder and year.
fn years() -> Vec<(String, String)> {
    let mut years = vec![("data".to_owned(), "2019-2020".to_owned())];
    for parent in ["examples", "tests/fixtures/published"] {
        let mut folders: Vec<_> = std::fs::read_dir(root().join(parent))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .collect();
        folders.sort();
        for folder in folders {
            let year = std::fs::read_dir(&folder)
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .find(|n| n.starts_with(|c: char| c.is_ascii_digit()));
            if let Some(year) = year {
                let name = folder
                    .strip_prefix(root())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                years.push((name, year));
            }
        }
    }
    years
}

#[test]
fn the_published_seed_report_imported_compiles_with_every_sentence() {
    let data = Data::empty();
    import(
        &data,
        &root().join("tests/fixtures/reference/2019-2020-report.txt"),
    );
    let out = stdout_of(data.disclose().args(["compile", "2019-2020", "-q"]));
    assert_eq!(missing(&out), Vec::<String>::new());
    // Every figure is data: the report's numbers are counts, listed for review (D505).
    let validate = data
        .disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .output()
        .expect("runs");
    let findings = String::from_utf8_lossy(&validate.stderr);
    let imported = findings.lines().filter(|l| l.contains("[D505]")).count();
    assert_eq!(imported, 17, "{findings}");
    let report = std::fs::read_to_string(data.file("2019-2020", "report.toml")).unwrap();
    for typed in ["1481", "884", "3600", "436", "130"] {
        assert!(
            !report.contains(typed),
            "{typed} still typed into report.toml"
        );
    }
}

#[test]
fn every_shipped_year_compiles_imports_and_compiles_to_the_same_report() {
    let years = years();
    assert!(years.len() >= 14, "{years:?}");
    for (folder, year) in &years {
        let source = root().join(folder);
        let original = stdout_of(
            disclose()
                .arg("--data")
                .arg(&source)
                .args(["compile", year, "-q"]),
        );
        for (format, ext) in [
            ("markdown", "md"),
            ("text", "txt"),
            ("html", "html"),
            ("docx", "docx"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join(format!("报告.{ext}"));
            disclose()
                .arg("--data")
                .arg(&source)
                .args(["compile", year, "-q", "-f", format, "-o"])
                .arg(&file)
                .assert()
                .success();
            let data = Data::empty();
            import(&data, &file);
            let again = stdout_of(data.disclose().args(["compile", year, "-q"]));
            assert_eq!(again, original, "{folder} {year} through {format}");
        }
    }
}

#[test]
fn editing_an_imported_number_changes_exactly_that_number() {
    let data = Data::empty();
    import(
        &data,
        &root().join("tests/fixtures/reference/2019-2020-report.txt"),
    );
    let before = stdout_of(data.disclose().args(["compile", "2019-2020", "-q"]));
    data.edit(
        "2019-2020",
        "信息公开办公室.toml",
        "number = 436",
        "number = 437",
    );
    let after = stdout_of(data.disclose().args(["compile", "2019-2020", "-q"]));
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(after.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(
        changed[0].0.replace("发布 436 条", "发布 437 条"),
        changed[0].1
    );
}

#[test]
fn a_part_added_to_an_imported_total_breaks_its_sum() {
    let data = Data::empty();
    import(
        &data,
        &root().join("tests/fixtures/reference/2019-2020-report.txt"),
    );
    let office = data.file("2019-2020", "信息公开办公室.toml");
    let text = std::fs::read_to_string(&office).unwrap();
    assert!(text.contains("parent = \"信息\""), "{text}");
    std::fs::write(
        &office,
        text + "\n[[count]]\nchannel = \"学校主页\"\nitem = \"媒体报道\"\nnumber = 10\nunit = \"条\"\nparent = \"信息\"\n",
    )
    .unwrap();
    let output = data
        .disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .output()
        .unwrap();
    let findings = String::from_utf8_lossy(&output.stderr);
    assert!(
        findings.contains("error[D301]: `学校主页/信息` is 1481 but its parts sum to 1491"),
        "{findings}"
    );
}

#[test]
fn a_web_page_with_menus_around_the_article_imports_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.htm");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>信息公开网</title></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/xxgk\">信息公开</a></div>\
         <div class=\"article\"><h2>示例学院2023-2024学年信息公开工作年度报告</h2>\
         <p>本报告统计期限为2023年9月1日至2024年8月31日。</p>\
         <p>一、概述</p><p>学院高度重视信息公开工作。</p>\
         <p>二、主动公开情况</p><p>学院官网发布新闻265篇，公众号推送49篇。</p>\
         <p>三、其他需要报告的事项</p><p>无</p>\
         <p>示例学院</p><p>2024年10月20日</p></div>\
         <div class=\"footer\">版权所有 © 示例学院 电话 0551-12345678</div></body></html>",
    )
    .unwrap();
    let data = Data::empty();
    import(&data, &page);
    let out = stdout_of(data.disclose().args(["compile", "2023-2024", "-q"]));
    assert!(
        out.starts_with("# 示例学院2023-2024学年信息公开工作年度报告\n"),
        "{out}"
    );
    assert!(
        out.contains("学院官网发布新闻265篇，公众号推送49篇。"),
        "{out}"
    );
    assert!(out.contains("## 三、其他需要报告的事项\n\n无\n"), "{out}");
    assert!(!out.contains("首页") && !out.contains("版权所有"), "{out}");
    assert!(out.ends_with("示例学院\n\n2024年10月20日\n"), "{out}");
}

#[test]
fn a_page_listing_other_years_reports_imports_its_own_with_its_tables_and_qualifiers() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html><body><ul><li>信息公开年度报告</li><li>2020-2021学年信息公开工作年度报告</li></ul>\
         <p>当前位置: 首页 >> 信息公开年度报告 >> 正文</p>\
         <h1>示例学院2021-2022学年信息公开工作年度报告</h1>\
         <p>发布时间：2022-10-28 作者：党政办公室 点击数：1268</p>\
         <p>一、概述</p><p>学院高度重视信息公开工作。</p>\
         <p>二、主动公开情况</p><p>公众号推送图文182篇，阅读量达1.2万余次。</p>\
         <p>第二十条第（一）项</p>\
         <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table>\
         <p>三、其他需要报告的事项</p><p>无</p><p>示例学院</p><p>2022年10月20日</p></body></html>",
    )
    .unwrap();
    let data = Data::empty();
    let assert = data.disclose().arg("import").arg(&page).assert().success();
    let note = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(note.contains("1 table kept as text"), "{note}");
    // The year is the title's, not a menu's.
    let out = stdout_of(data.disclose().args(["compile", "2021-2022", "-q"]));
    assert!(
        out.starts_with("# 示例学院2021-2022学年信息公开工作年度报告\n\n## 一、概述"),
        "{out}"
    );
    assert!(
        !out.contains("发布时间") && !out.contains("当前位置"),
        "{out}"
    );
    assert!(out.contains("阅读量达1.2万余次。"), "{out}");
    assert!(
        out.contains("第二十条第（一）项\n\n信息内容 本年制发件数\n\n规章 0\n"),
        "{out}"
    );
}

#[test]
fn a_table_copied_one_cell_per_line_is_pointed_out() {
    let dir = tempfile::tempdir().unwrap();
    let file = short_report(dir.path(), "规章\n0\n0\n0\n行政规范性文件\n3\n1\n12");
    let data = Data::empty();
    let assert = data.disclose().arg("import").arg(&file).assert().success();
    let note = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(
        note.contains("6 paragraphs are a number alone: a table copied one cell per line"),
        "{note}"
    );
}

#[test]
fn what_is_no_report_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "年报.pdf",
            b"%PDF-1.7\n1 0 obj\n",
            "save it as a Word file (.docx)",
        ),
        ("scan.png", b"\x89PNG\r\n\x1a\n....", "this is an image"),
        ("empty.txt", b"\n\n", "no text to import"),
        (
            "news.html",
            b"<html><body><p>\xe6\xa0\xa1\xe5\x9b\xad\xe6\x96\xb0\xe9\x97\xbb</p></body></html>",
            "no part headings",
        ),
        (
            "broken.docx",
            b"PK\x03\x04not really",
            "not a Word document that can be read",
        ),
    ];
    for (name, bytes, says) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let data = Data::empty();
        let output = data.disclose().arg("import").arg(&file).output().unwrap();
        assert_eq!(output.status.code(), Some(3), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{name}: {stderr}");
        assert_eq!(
            std::fs::read_dir(data.path()).unwrap().count(),
            0,
            "{name}: nothing written"
        );
    }
}

#[test]
fn an_existing_year_folder_is_never_touched() {
    let data = Data::sample();
    let before = std::fs::read(data.file("2019-2020", "report.toml")).unwrap();
    let output = data
        .disclose()
        .arg("import")
        .arg(root().join("tests/fixtures/reference/2019-2020-report.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("exists already"));
    assert_eq!(
        std::fs::read(data.file("2019-2020", "report.toml")).unwrap(),
        before
    );
    // Under another year it goes ahead.
    data.disclose()
        .arg("import")
        .arg(root().join("tests/fixtures/reference/2019-2020-report.txt"))
        .args(["--year", "2018-2019"])
        .assert()
        .success();
    assert!(data.file("2018-2019", "report.toml").exists());
}

#[test]
fn quiet_import_lists_the_files_it_wrote_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("年报.txt");
    std::fs::write(
        &file,
        "示例学院2023-2024学年信息公开工作年度报告\n一、概述\n学院官网发布新闻265篇。\n\
         二、其他需要报告的事项\n无\n示例学院\n2024年10月20日\n",
    )
    .unwrap();
    let listing = |data: &Data| {
        let mut out = String::new();
        for name in ["report.toml", "信息公开办公室.toml"] {
            let _ = writeln!(out, "created {}", data.file("2023-2024", name).display());
        }
        out
    };
    let data = Data::empty();
    data.disclose()
        .args(["import", "-q"])
        .arg(&file)
        .assert()
        .success()
        .stdout(listing(&data))
        .stderr("");
    // Without -q, the note on what to do next follows on stderr.
    let data = Data::empty();
    data.disclose()
        .arg("import")
        .arg(&file)
        .assert()
        .success()
        .stdout(listing(&data))
        .stderr(
            "imported 2 parts and 1 figure; next: `disclose validate 2023-2024` lists every figure to check (D505), `disclose compile 2023-2024` prints the report back (docs/import.md)\n",
        );
}

/// A short report as a text file in `dir`, its part 二 holding `proactive`.
fn short_report(dir: &Path, proactive: &str) -> std::path::PathBuf {
    let file = dir.join("年报.txt");
    std::fs::write(
        &file,
        format!(
            "示例学院2023-2024学年信息公开工作年度报告\n一、概述\n学院高度重视信息公开工作。\n\
             二、主动公开情况\n{proactive}\n三、其他需要报告的事项\n无\n示例学院\n2024年10月20日\n"
        ),
    )
    .unwrap();
    file
}

#[test]
fn each_clause_of_a_sentence_gives_its_figures_its_own_channel() {
    let dir = tempfile::tempdir().unwrap();
    let sentence = "办公系统发布通知公告103条；教务系统发布教学通知286条、通知公告1540条。";
    let file = short_report(
        dir.path(),
        &format!("（一）通过办公系统、教务系统等公开信息情况。{sentence}"),
    );
    let data = Data::empty();
    import(&data, &file);
    let office = std::fs::read_to_string(data.file("2023-2024", "信息公开办公室.toml")).unwrap();
    let counts: Vec<String> = office
        .split("[[count]]")
        .skip(1)
        .map(|c| {
            let field = |key: &str| {
                c.lines()
                    .find_map(|l| l.strip_prefix(key))
                    .unwrap_or_default()
                    .trim_matches(['"', ' '])
                    .to_owned()
            };
            format!(
                "{}/{} {}",
                field("channel = "),
                field("item = "),
                field("number = ")
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            "办公系统/通知公告 103",
            "教务系统/教学通知 286",
            "教务系统/通知公告 1540"
        ],
        "{office}"
    );
    let out = stdout_of(data.disclose().args(["compile", "2023-2024", "-q"]));
    assert!(out.contains(sentence), "{out}");
}

#[test]
fn a_sentence_repeating_a_cell_of_the_form_names_the_cell() {
    // The State Council example year, its 依申请公开 point saying the forms' numbers (6 new, 5
    // from people, 4 granted, 1 reconsideration) and one no cell holds alone (行政诉讼 is two
    // rows of the form).
    let data = Data::empty().with_year(&root().join("examples/示例学院"), "2022");
    let sentence = "本年度共收到信息公开申请{申请表/新收/总计}件，其中自然人{申请表/新收/自然人}件，予以公开{申请表/予以公开/总计}件；行政复议{复议诉讼表/行政复议/总计}件，行政诉讼{诉讼/行政诉讼}。";
    data.edit(
        "2022",
        "report.toml",
        "学院按规定时限答复信息公开申请，答复情况见第三部分。",
        sentence,
    );
    let department = data.file("2022", "宣传部.toml");
    let text = std::fs::read_to_string(&department).unwrap();
    std::fs::write(
        &department,
        text + "\n[[count]]\nchannel = \"诉讼\"\nitem = \"行政诉讼\"\nnumber = 0\nunit = \"件\"\n",
    )
    .unwrap();
    let original = stdout_of(data.disclose().args(["compile", "2022", "-q"]));
    assert!(
        original.contains(
            "本年度共收到信息公开申请6件，其中自然人5件，予以公开4件；行政复议1件，行政诉讼0件。"
        ),
        "{original}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("年报.txt");
    data.disclose()
        .args(["compile", "2022", "-q", "-f", "text", "-o"])
        .arg(&file)
        .assert()
        .success();
    let imported = Data::empty();
    import(&imported, &file);
    let report = std::fs::read_to_string(imported.file("2022", "report.toml")).unwrap();
    assert!(
        report.contains("本年度共收到信息公开申请{申请表/新收/总计}件，其中自然人{申请表/新收/自然人}件，予以公开{申请表/予以公开/总计}件；行政复议{复议诉讼表/行政复议/总计}件，行政诉讼{"),
        "{report}"
    );
    // The one number no cell answers for alone is a count, to check (D505), beside the year's
    // two channel figures.
    let office = std::fs::read_to_string(imported.file("2022", "信息公开办公室.toml")).unwrap();
    assert_eq!(office.matches("[[count]]").count(), 3, "{office}");
    assert!(
        office.contains("item = \"行政诉讼\"\nnumber = 0\nunit = \"件\"\nimported = \"行政复议1件，行政诉讼0件。\"\n"),
        "{office}"
    );
    let again = stdout_of(imported.disclose().args(["compile", "2022", "-q"]));
    assert_eq!(again, original);
    let validate = imported
        .disclose()
        .args(["validate", "2022", "--format", "short"])
        .output()
        .unwrap();
    let findings = String::from_utf8_lossy(&validate.stderr);
    assert!(!findings.contains("error["), "{findings}");
    assert_eq!(findings.matches("[D505]").count(), 3, "{findings}");
}
