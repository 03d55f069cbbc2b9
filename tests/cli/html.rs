//! `disclose compile --format html`: the published report's every sentence is on the page, and
//! markup in submitted text prints as text.

use crate::seed::missing;
use crate::util::{Data, disclose, stdout_of};

/// A script tag, as someone might paste it into a narrative.
const SCRIPT: &str = "<script>alert(1)</script>";
/// An attribute break-out.
const IMG: &str = "\"><img onerror=alert(1)>";

/// The text a reader sees: the `<style>` block dropped, tags removed, entities decoded.
pub(crate) fn visible_text(html: &str) -> String {
    let mut rest = html;
    let mut text = String::new();
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        if rest.starts_with("<style") {
            let end = rest.find("</style>").expect("a closed style block");
            rest = &rest[end..];
        }
        let close = rest.find('>').expect("a closed tag");
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn html_output_has_every_sentence_of_the_published_report() {
    let html = stdout_of(disclose().args(["compile", "2019-2020", "--format", "html"]));
    assert!(html.starts_with("<!DOCTYPE html>\n"), "{html}");
    assert_eq!(missing(&visible_text(&html)), Vec::<String>::new());
    assert!(html.contains("<title>辽宁科技大学2019-2020学年信息公开工作年度报告</title>"));
    // The published report carries no checklist table, and neither does its year.
    assert!(!html.contains("<table>"), "no table in the sample report");
}

#[test]
fn the_text_extraction_used_above_sees_only_what_a_reader_sees() {
    let text = visible_text(
        "<style>p { color: red; }</style><p class=\"a\">甲&lt;b&gt;&amp;lt;</p><td>乙</td>",
    );
    assert_eq!(text, "甲<b>&lt;乙");
}

#[test]
fn markup_in_a_narrative_or_a_department_text_prints_as_text() {
    let data = Data::sample();
    data.edit(
        "2019-2020",
        "report.toml",
        "有力保障了师生员工和社会公众的知情权",
        &format!("有力保障了{SCRIPT}{IMG}师生员工和社会公众的知情权"),
    );
    data.edit(
        "2019-2020",
        "组织部.toml",
        "广泛接受广大师生监督。",
        &format!("广泛接受广大师生监督{IMG}{SCRIPT}。"),
    );
    let html = stdout_of(
        data.disclose()
            .args(["compile", "2019-2020", "-f", "html", "-q"]),
    );
    for raw in ["<script", "<img", "onerror=alert(1)>", "\"><"] {
        assert!(!html.contains(raw), "`{raw}` in:\n{html}");
    }
    assert!(html.contains(
        "有力保障了&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img onerror=alert(1)&gt;师生员工"
    ));
    assert!(html.contains(
        "广泛接受广大师生监督&quot;&gt;&lt;img onerror=alert(1)&gt;&lt;script&gt;alert(1)&lt;/script&gt;。"
    ));
    let text = visible_text(&html);
    assert!(text.contains(&format!("有力保障了{SCRIPT}{IMG}师生员工")));
    assert!(text.contains(&format!("广泛接受广大师生监督{IMG}{SCRIPT}。")));
}

#[test]
fn html_output_is_byte_identical_across_runs() {
    let first = stdout_of(disclose().args(["compile", "2019-2020", "-f", "html"]));
    let second = stdout_of(
        disclose()
            .args(["compile", "2019-2020", "-f", "html"])
            .env("TZ", "Pacific/Kiritimati")
            .env("LANG", "zh_CN.UTF-8"),
    );
    assert_eq!(first, second);
}

#[test]
fn a_draft_page_has_its_banner_and_findings() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,885");
    let html =
        stdout_of(
            data.disclose()
                .args(["compile", "2019-2020", "-f", "html", "--draft", "-q"]),
        );
    assert!(
        html.contains("<p class=\"draft\" role=\"note\">草稿："),
        "{html}"
    );
    assert!(html.contains("<h2>待处理的问题</h2>"), "{html}");
    assert!(html.contains("error[D301]"), "{html}");
}

/// Markup appended to every string of a year: a tag, both quotes and an ampersand.
const MARK: &str = "<x-live q=\"1\" a='2'>&";

/// Values that are a fixed vocabulary (a status, a qualifier, a flag): marked, they would only
/// be refused, and the rows holding them left out of the page.
const WORDS: &[&str] = &[
    "已公开",
    "部分公开",
    "不适用",
    "约",
    "近",
    "余",
    "多",
    "事件",
    "是",
    "否",
    "true",
    "false",
];

/// Keys whose strings name things that must match outside the file (the year, the outline, a
/// file, an export's columns, departments, which name files): left as they are in the careful
/// run.
const NAMES: &[&str] = &[
    "year",
    "outline",
    "from",
    "checklist",
    "file",
    "date",
    "date_format",
    "title_column",
    "link",
    "column",
    "departments",
    "holds",
    "source",
    "status",
    "qualifier",
    "partial",
    "period",
    "owners",
    "levels",
    "window",
    "map",
];

fn is_plain(text: &str) -> bool {
    text.is_empty()
        || text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ':' | ' ' | ','))
        || WORDS.contains(&text.trim())
}

/// Every string value of a TOML document, marked (in the careful run, not those under [`NAMES`]).
fn mark_toml(value: &mut toml::Value, key: &str, careful: bool) {
    if careful && NAMES.contains(&key) {
        return;
    }
    match value {
        toml::Value::String(s) if !is_plain(s) => s.push_str(MARK),
        toml::Value::Array(items) => {
            for item in items {
                mark_toml(item, key, careful);
            }
        }
        toml::Value::Table(table) => {
            for (k, v) in table.iter_mut() {
                mark_toml(v, k, careful);
            }
        }
        _ => {}
    }
}

/// Every field of a CSV file but its header, marked (in the careful run, not an export's, whose
/// values are mapped by name).
fn mark_csv(text: &str) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for (n, record) in reader.records().enumerate() {
        let record = record.expect("a CSV record");
        let fields: Vec<String> = record
            .iter()
            .map(|f| {
                if n == 0 || is_plain(f) {
                    f.to_owned()
                } else {
                    format!("{f}{MARK}")
                }
            })
            .collect();
        writer.write_record(&fields).expect("a record");
    }
    String::from_utf8(writer.into_inner().expect("written")).expect("UTF-8")
}

/// A copy of a year with markup in its strings: all of them, or (careful) all but names.
fn marked_year(from: &std::path::Path, year: &str, careful: bool) -> Data {
    let data = Data::empty().with_year(from, year);
    for entry in std::fs::read_dir(data.path().join(year)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let extension = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let text = std::fs::read_to_string(&path).unwrap();
        let marked = if extension.as_deref() == Some("toml") {
            let mut value: toml::Value = toml::from_str(&text).unwrap();
            mark_toml(&mut value, "", careful);
            toml::to_string(&value).unwrap()
        } else if extension.as_deref() == Some("csv") && !(careful && name.contains("导出")) {
            mark_csv(&text)
        } else {
            continue;
        };
        std::fs::write(&path, marked).unwrap();
    }
    data
}

/// Asserts that no markup of the year comes out live on `page`, and that it came out as text at
/// least `min` times.
fn assert_no_live_markup(page: &str, min: usize, what: &str) {
    assert!(!page.contains("<x-live"), "{what}: live markup\n{page}");
    assert!(
        !page.contains("q=\"1\""),
        "{what}: a quote not escaped\n{page}"
    );
    assert!(
        !page.contains("a='2'"),
        "{what}: a quote not escaped\n{page}"
    );
    let shown = page.matches("&lt;x-live").count();
    assert!(
        shown >= min,
        "{what}: the markup shows {shown} times\n{page}"
    );
}

#[test]
fn markup_in_every_string_of_a_year_prints_as_text() {
    for (from, year) in [
        (crate::util::root().join("data"), "2019-2020"),
        (crate::util::example(), crate::util::EXAMPLE_YEAR),
    ] {
        for careful in [false, true] {
            let data = marked_year(&from, year, careful);
            let page = stdout_of(
                data.disclose()
                    .args(["compile", year, "-f", "html", "--draft", "-q"]),
            );
            let what = format!("{year}, careful: {careful}");
            assert_no_live_markup(&page, 20, &what);
            if careful {
                // The text of the page carries the markup, run-in titles and table cells too.
                let in_strong = page.split("<strong>").skip(1).any(|s| {
                    s.split("</strong>")
                        .next()
                        .is_some_and(|t| t.contains("&lt;x-live"))
                });
                assert!(in_strong, "{what}: no run-in title carries it\n{page}");
                let template = crate::util::root().join("examples/templates/公告栏.html.j2");
                let page = stdout_of(
                    data.disclose()
                        .args(["compile", year, "--draft", "-q", "--template"])
                        .arg(&template),
                );
                assert_no_live_markup(&page, 20, &format!("{what}, template"));
            }
        }
    }
}
