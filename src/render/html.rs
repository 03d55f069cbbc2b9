//! Report → one self-contained HTML page, to publish as is or paste into a CMS.
//!
//! Everything the page needs is in it: one `<style>` block with system Chinese font stacks (仿宋
//! for the text, 黑体 and 楷体 for the headings, as an official document has them) and a print
//! stylesheet (A4, GB/T 9704 margins, no background, table rows kept whole, the appendix on a new
//! page). No script, no image, no web font, no link to anything. Parts are `<h2>`, sub-parts
//! `<h3>`, paragraphs `<p>` with a 2em first-line indent and run-in titles in `<strong>`; every
//! table is a `<table>`. Apart from the page background, every style sits under `.report`, so
//! pasted into a CMS the page leaves the rest of the CMS page alone.
//!
//! Every piece of text from the report, in an element or an attribute, goes through [`escape`]:
//! a submitted `<script>` prints as text. The same report always gives the same bytes.

use std::io::{self, Write};

use crate::compose::report::{Block, Report, Table, placeholder_pieces};

/// The stylesheet: screen first, then print.
const STYLE: &str = r#"body { margin: 0; background: #f2f2f2; color: #000; }
.report { box-sizing: border-box; max-width: 52em; margin: 2em auto; padding: 3em 3.5em; background: #fff;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "华文仿宋", serif;
  font-size: 16pt; line-height: 1.75; text-align: justify; }
.report h1 { margin: 0 0 1em; font-size: 22pt; font-weight: normal; line-height: 1.5; text-align: center;
  font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", "STSong", "华文宋体", serif; }
.report h2 { margin: 0; font-size: 16pt; font-weight: bold; text-indent: 2em;
  font-family: "SimHei", "黑体", "Heiti SC", "STHeiti", "华文黑体", sans-serif; }
.report h3 { margin: 0; font-size: 16pt; font-weight: bold; text-indent: 2em;
  font-family: "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "华文楷体", serif; }
.report p { margin: 0; text-indent: 2em; }
.report strong { font-weight: bold; }
.report mark { background: #ff0; color: inherit; }
.report .signature { margin: 2em 4em 0 0; text-align: right; }
.report .signature p { text-indent: 0; }
.report .draft { margin: 0 0 1em; padding: 0.5em 1em; border: 2px solid #c00; color: #c00; text-indent: 0; }
.report .scroll { overflow-x: auto; margin: 1em 0; }
.report table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.5; text-align: left; }
.report caption { padding: 0.5em 0; font-weight: bold; text-align: center; }
.report th, .report td { padding: 0.25em 0.5em; border: 1px solid #000; vertical-align: top; }
.report th { font-weight: bold; text-align: center; white-space: nowrap; }
.report td.number { text-align: right; white-space: nowrap; }
.report .findings ul { margin: 0; font-size: 12pt; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  body { background: none; }
  .report { max-width: none; margin: 0; padding: 0; background: none; }
  .report .scroll { overflow: visible; }
  .report thead { display: table-header-group; }
  .report tr { break-inside: avoid; page-break-inside: avoid; }
  .report h2, .report h3, .report caption { break-after: avoid; page-break-after: avoid; }
  .report .appendix { break-before: page; page-break-before: always; }
  .report .draft { border-color: #000; color: #000; }
  .report mark { background: none; border-bottom: 1px dashed #000; }
}
"#;

/// The draft banner.
const DRAFT: &str = "草稿：本稿含有待补充或待修正的内容，不可发布。";

/// Writes the report as an HTML page.
pub(crate) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"zh-CN\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<meta name=\"author\" content=\"{}\">",
        escape(&report.signature.signer)
    )?;
    writeln!(out, "<title>{}</title>", escape(&report.title))?;
    write!(out, "<style>\n{STYLE}</style>\n")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<article class=\"report\">")?;
    if report.draft {
        writeln!(out, "<p class=\"draft\" role=\"note\">{DRAFT}</p>")?;
    }
    writeln!(out, "<h1>{}</h1>", escape(&report.title))?;
    for paragraph in &report.preamble {
        writeln!(out, "<p>{}</p>", escape(paragraph))?;
    }
    for part in &report.parts {
        writeln!(out, "<section>")?;
        writeln!(
            out,
            "<h2>{}{}</h2>",
            escape(&part.prefix),
            escape(&part.heading)
        )?;
        for block in &part.blocks {
            write_block(out, block)?;
        }
        writeln!(out, "</section>")?;
    }
    writeln!(out, "<div class=\"signature\">")?;
    writeln!(out, "<p>{}</p>", escape(&report.signature.signer))?;
    writeln!(out, "<p>{}</p>", escape(&report.signature.date))?;
    writeln!(out, "</div>")?;
    if !report.appendix.is_empty() {
        writeln!(out, "<section class=\"appendix\">")?;
        for table in &report.appendix {
            write_table(out, table)?;
        }
        writeln!(out, "</section>")?;
    }
    if !report.findings.is_empty() {
        writeln!(out, "<section class=\"findings\">")?;
        writeln!(out, "<h2>待处理的问题</h2>")?;
        writeln!(out, "<ul>")?;
        for finding in &report.findings {
            writeln!(out, "<li>{}</li>", escape(finding))?;
        }
        writeln!(out, "</ul>")?;
        writeln!(out, "</section>")?;
    }
    writeln!(out, "</article>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// Writes one block of a part.
fn write_block(out: &mut dyn Write, block: &Block) -> io::Result<()> {
    match block {
        Block::Heading { number, text } => {
            writeln!(out, "<h3>{}{}</h3>", escape(number), escape(text))
        }
        Block::Paragraph {
            lead: Some(lead),
            text,
        } => writeln!(
            out,
            "<p><strong>{}</strong>{}</p>",
            escape(lead),
            marked(text)
        ),
        Block::Paragraph { lead: None, text } => writeln!(out, "<p>{}</p>", marked(text)),
        Block::Table(table) => write_table(out, table),
    }
}

/// Writes a table with its caption and header row, in a box that scrolls sideways on a narrow
/// screen.
fn write_table(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    writeln!(out, "<div class=\"scroll\">")?;
    writeln!(out, "<table>")?;
    writeln!(out, "<caption>{}</caption>", escape(&table.title))?;
    write!(out, "<thead><tr>")?;
    for column in &table.columns {
        write!(out, "<th scope=\"col\">{}</th>", escape(column))?;
    }
    writeln!(out, "</tr></thead>")?;
    writeln!(out, "<tbody>")?;
    for row in &table.rows {
        write!(out, "<tr>")?;
        for cell in row {
            if is_number(cell) {
                write!(out, "<td class=\"number\">{}</td>", escape(cell))?;
            } else {
                write!(out, "<td>{}</td>", marked(cell))?;
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</div>")
}

/// Whether a cell is a plain number (right-aligned).
fn is_number(cell: &str) -> bool {
    !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit())
}

/// Escapes text for an element, with the placeholders a draft still holds (【待补充：…】,
/// 【待审阅】) in `<mark>`, so they are seen and replaced.
fn marked(text: &str) -> String {
    placeholder_pieces(text)
        .into_iter()
        .map(|(placeholder, piece)| {
            if placeholder {
                format!("<mark>{}</mark>", escape(piece))
            } else {
                escape(piece)
            }
        })
        .collect()
}

/// Escapes text for an HTML element or a quoted attribute value: `&`, `<`, `>`, `"` and `'`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::report::{Data, Part, Signature};

    const SCRIPT: &str = "<script>alert(1)</script>";
    const IMG: &str = "\"><img src=x onerror=alert(1)>";
    const SCRIPT_ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt;";
    const IMG_ESCAPED: &str = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;";

    /// A small report shaped like the sample year's: a preamble, a part with a sub-heading, a
    /// run-in paragraph, a plain one and a table, a signature and the checklist appendix.
    fn sample(title: &str, narrative: &str, cell: &str) -> Report {
        let table = |title: &str, cell: &str| Table {
            title: title.to_owned(),
            columns: vec!["编号".to_owned(), "事项".to_owned()],
            rows: vec![vec!["1".to_owned(), cell.to_owned()]],
        };
        Report {
            school: "辽宁科技大学".to_owned(),
            year: "2019-2020".to_owned(),
            title: title.to_owned(),
            draft: false,
            preamble: vec!["根据《高等学校信息公开办法》，现将年度报告公布如下。".to_owned()],
            parts: vec![Part {
                key: "overview".to_owned(),
                number: "一".to_owned(),
                prefix: "一、".to_owned(),
                heading: "主动公开情况".to_owned(),
                blocks: vec![
                    Block::Heading {
                        number: "（一）".to_owned(),
                        text: "信息公开渠道和数据".to_owned(),
                    },
                    Block::Paragraph {
                        lead: Some("1. 招生信息公开情况。".to_owned()),
                        text: narrative.to_owned(),
                    },
                    Block::Paragraph {
                        lead: None,
                        text: "学校主页共发布信息 1481 条。".to_owned(),
                    },
                    Block::Table(table("依申请公开情况", cell)),
                ],
            }],
            appendix: vec![table("附件：清单事项公开情况表", "学校章程")],
            signature: Signature {
                signer: "辽宁科技大学".to_owned(),
                date: "2020年10月29日".to_owned(),
            },
            findings: Vec::new(),
            data: Data::default(),
        }
    }

    fn html(report: &Report) -> String {
        let mut buf = Vec::new();
        render(report, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    /// Asserts that `payload` shows as escaped text and never as markup.
    fn assert_escaped(out: &str) {
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("\"><"), "{out}");
    }

    #[test]
    fn the_escaping_function_escapes_the_five_characters() {
        assert_eq!(escape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
        assert_eq!(escape("&lt;"), "&amp;lt;");
        assert_eq!(escape("辽宁科技大学"), "辽宁科技大学");
    }

    #[test]
    fn markup_in_a_narrative_prints_as_text() {
        let out = html(&sample(
            "年度报告",
            &format!("正文{SCRIPT}{IMG}"),
            "学校章程",
        ));
        assert_escaped(&out);
        assert!(
            out.contains(&format!("正文{SCRIPT_ESCAPED}{IMG_ESCAPED}</p>")),
            "{out}"
        );
    }

    #[test]
    fn markup_in_a_table_cell_prints_as_text() {
        let out = html(&sample("年度报告", "正文", &format!("{SCRIPT}{IMG}")));
        assert_escaped(&out);
        assert!(
            out.contains(&format!("<td>{SCRIPT_ESCAPED}{IMG_ESCAPED}</td>")),
            "{out}"
        );
    }

    #[test]
    fn markup_in_the_title_and_signer_prints_as_text() {
        let mut report = sample(&format!("年度报告{SCRIPT}{IMG}"), "正文", "学校章程");
        report.signature.signer = format!("学校{IMG}");
        let out = html(&report);
        assert_escaped(&out);
        assert!(out.contains(&format!(
            "<title>年度报告{SCRIPT_ESCAPED}{IMG_ESCAPED}</title>"
        )));
        assert!(out.contains(&format!("<h1>年度报告{SCRIPT_ESCAPED}{IMG_ESCAPED}</h1>")));
        assert!(out.contains(&format!(
            "<meta name=\"author\" content=\"学校{IMG_ESCAPED}\">"
        )));
    }

    #[test]
    fn the_page_is_self_contained() {
        let out = html(&sample("年度报告", "正文", "学校章程"));
        for needle in [
            "http",
            "src=",
            "<script",
            "@import",
            "url(",
            "<link",
            "@font-face",
        ] {
            assert!(!out.contains(needle), "`{needle}` in:\n{out}");
        }
        assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"));
        assert!(out.contains("<meta charset=\"utf-8\">"));
        assert_eq!(out.matches("<style>").count(), 1);
        assert!(out.contains("@media print"));
        assert!(out.contains("size: A4"));
        assert!(out.ends_with("</html>\n"));
    }

    /// The shipped sample year, compiled.
    fn shipped(data: &str, year: &str) -> Report {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(data);
        let loaded = crate::load(&data, year.parse().unwrap()).unwrap();
        crate::compose::compose(&loaded.submissions, false)
    }

    #[test]
    fn the_sample_report_is_self_contained_and_has_its_tables() {
        let out = html(&shipped("data", "2019-2020"));
        for needle in [
            "http", "src=", "<script", "@import", "url(", "<link", "href",
        ] {
            assert!(!out.contains(needle), "`{needle}` in the sample report");
        }
        // The published report carries no checklist table, and neither does its year.
        assert!(!out.contains("<table"), "no table in the sample report");
        assert!(out.contains("<h1>辽宁科技大学2019-2020学年信息公开工作年度报告</h1>"));
        // The example year's checklist links are text, not links or resources.
        let out = html(&shipped("examples/示例大学", "2022-2023"));
        for needle in ["src=", "<script", "@import", "url(", "<link", "href", "<a "] {
            assert!(!out.contains(needle), "`{needle}` in the example report");
        }
        assert!(out.contains("<caption>附件：清单事项公开情况表</caption>"));
        assert_eq!(
            out.matches("<tr>").count(),
            51,
            "a header and 50 checklist rows"
        );
    }

    #[test]
    fn parts_paragraphs_signature_and_tables_have_their_elements() {
        let out = html(&sample("年度报告", "正文", "学校章程"));
        assert!(out.contains("<h2>一、主动公开情况</h2>"), "{out}");
        assert!(out.contains("<h3>（一）信息公开渠道和数据</h3>"), "{out}");
        assert!(out.contains("<p><strong>1. 招生信息公开情况。</strong>正文</p>"));
        assert!(out.contains("<p>学校主页共发布信息 1481 条。</p>"));
        assert_eq!(out.matches("<table>").count(), 2, "{out}");
        assert!(out.contains("<caption>依申请公开情况</caption>"));
        assert!(out.contains("<caption>附件：清单事项公开情况表</caption>"));
        assert!(out.contains("<th scope=\"col\">编号</th>"));
        assert!(out.contains("<td class=\"number\">1</td><td>学校章程</td>"));
        assert!(
            out.contains("<div class=\"signature\">\n<p>辽宁科技大学</p>\n<p>2020年10月29日</p>")
        );
        assert!(!out.contains(DRAFT));
    }

    #[test]
    fn a_draft_has_its_banner_and_findings() {
        let mut report = sample("年度报告", "正文", "学校章程");
        report.draft = true;
        report.findings = vec!["宣传部.csv:3:9: error[D105]: <bad>".to_owned()];
        let out = html(&report);
        assert!(out.contains(DRAFT));
        assert!(out.contains("<li>宣传部.csv:3:9: error[D105]: &lt;bad&gt;</li>"));
    }

    #[test]
    fn placeholders_are_marked_and_still_escaped() {
        let out = html(&sample(
            "年度报告",
            "共【待补充：<数>】条",
            "【待审阅】章程",
        ));
        assert!(
            out.contains("共<mark>【待补充：&lt;数&gt;】</mark>条</p>"),
            "{out}"
        );
        assert!(
            out.contains("<td><mark>【待审阅】</mark>章程</td>"),
            "{out}"
        );
    }

    #[test]
    fn the_same_report_gives_the_same_bytes() {
        let report = sample("年度报告", "正文", "学校章程");
        assert_eq!(html(&report), html(&report));
    }
}
