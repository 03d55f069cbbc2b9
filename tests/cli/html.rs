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
