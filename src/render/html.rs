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

use super::pieces;
use crate::compose::report::{Block, Form, Placed, Report, Table, placeholder_pieces};

/// The widest title, in display columns, that the page prints on one line at its widest (22 pt
/// characters in a 156 mm line, as on paper); a longer one is broken at a natural point, where
/// a narrower screen breaks it too.
const TITLE_COLUMNS: usize = 40;

/// The stylesheet: screen first, then print.
const STYLE: &str = r#"body { margin: 0; background: #f2f2f2; color: #000; }
.report { box-sizing: border-box; max-width: 52em; margin: 2em auto; padding: 3em 3.5em; background: #fff;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "华文仿宋", serif;
  font-size: 16pt; line-height: 1.75; text-align: justify; overflow-wrap: break-word; }
.report h1 { margin: 0 0 1em; font-size: 22pt; font-weight: normal; line-height: 1.5; text-align: center;
  font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", "STSong", "华文宋体", serif; }
.report h1 span { display: inline-block; }
.report h2 { margin: 0; font-size: 16pt; font-weight: bold; text-indent: 2em;
  font-family: "SimHei", "黑体", "Heiti SC", "STHeiti", "华文黑体", sans-serif; }
.report h3 { margin: 0; font-size: 16pt; font-weight: bold; text-indent: 2em;
  font-family: "KaiTi", "楷体", "KaiTi_GB2312", "楷体_GB2312", "STKaiti", "华文楷体", serif; }
.report p { margin: 0; text-indent: 2em; }
.report strong { font-weight: bold; }
.report mark { background: #ff0; color: inherit; }
.report a { color: #00e; overflow-wrap: anywhere; }
.report .note { margin-top: 1.75em; }
.report .signature { margin: 2em 4em 0 0; text-align: right; }
.report .signature p { text-indent: 0; white-space: nowrap; }
.report .draft { margin: 0 0 1em; padding: 0.5em 1em; border: 2px solid #c00; color: #c00; text-indent: 0; }
.report .attachment { margin-top: 3em; }
.report .attachment .label { text-indent: 0; font-family: "SimHei", "黑体", "Heiti SC", "STHeiti", "华文黑体", sans-serif; }
.report .attachment h2 { margin: 1.75em 0 0.5em; font-size: 22pt; font-weight: normal; line-height: 1.5; text-align: center; text-indent: 0;
  font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Songti SC", "STSong", "华文宋体", serif; }
.report .scroll { overflow-x: auto; max-width: 100%; margin: 1em 0; }
.report table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.5; text-align: left; }
.report caption { padding: 0.5em 0; font-weight: bold; text-align: center; }
.report th, .report td { padding: 0.25em 0.5em; border: 1px solid #000; vertical-align: top; }
.report th { font-weight: bold; text-align: center; white-space: nowrap; }
.report td.number { text-align: right; white-space: nowrap; }
.report td.short { white-space: nowrap; }
.report table.form { font-size: 10.5pt; }
.report table.form th { font-weight: normal; white-space: normal; vertical-align: middle; }
.report table.form th, .report table.form td { padding: 0.25em 0.3em; }
.report table.form thead th { min-width: 2em; }
.report table.form thead th .word { white-space: nowrap; }
.report table.form tbody th { text-align: left; }
.report table.form td.number { text-align: center; vertical-align: middle; }
.report .findings ul { margin: 0; font-size: 12pt; }
@media screen and (max-width: 40em) {
  .report { margin: 0; padding: 1.25em 1em; font-size: 13pt; text-align: left; }
  .report h1 { font-size: 18pt; }
  .report h2, .report h3 { font-size: 13pt; }
  .report .attachment h2 { font-size: 16pt; }
  .report .signature { margin-right: 0; }
  .report table { font-size: 10.5pt; min-width: 36em; }
  .report table.form { min-width: 44em; }
}
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  @page :right { @bottom-right { content: "— " counter(page) " —"; vertical-align: top; padding: 7mm 14pt 0 0;
    font-family: "SimSun", "宋体", "Songti SC", serif; font-size: 14pt; } }
  @page :left { @bottom-left { content: "— " counter(page) " —"; vertical-align: top; padding: 7mm 0 0 14pt;
    font-family: "SimSun", "宋体", "Songti SC", serif; font-size: 14pt; } }
  body { background: none; }
  .report { max-width: none; margin: 0; padding: 0 1px 0 0; background: none; }
  .report .scroll { overflow: visible; }
  .report a { color: inherit; text-decoration: none; }
  .report table { table-layout: auto; }
  .report th { white-space: normal; }
  .report table { font-size: 10.5pt; }
  .report table.form tr { break-inside: auto; page-break-inside: auto; }
  .report thead { display: table-header-group; }
  .report tr { break-inside: avoid; page-break-inside: avoid; }
  .report h2, .report h3, .report caption { break-after: avoid; page-break-after: avoid; }
  .report .attachment { margin-top: 0; break-before: page; page-break-before: always; }
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
    writeln!(
        out,
        "<title>{}</title>",
        escape(&pieces::title_on_one_line(&report.title))
    )?;
    write!(out, "<style>\n{STYLE}</style>\n")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")?;
    writeln!(out, "<article class=\"report\">")?;
    if report.draft {
        writeln!(out, "<p class=\"draft\" role=\"note\">{DRAFT}</p>")?;
    }
    writeln!(out, "<h1>{}</h1>", title(report))?;
    for paragraph in &report.preamble {
        writeln!(out, "<p>{}</p>", marked(paragraph))?;
    }
    for part in &report.parts {
        writeln!(out, "<section>")?;
        writeln!(
            out,
            "<h2>{}{}</h2>",
            escape(&part.prefix),
            escape(&part.heading)
        )?;
        let heading = format!("{}{}", part.prefix, part.heading);
        for block in &part.blocks {
            write_block(out, block, &heading)?;
        }
        writeln!(out, "</section>")?;
    }
    let note = pieces::attachment_note(&report.appendix);
    if !note.is_empty() {
        let lines: Vec<String> = note.iter().map(|l| escape(l)).collect();
        writeln!(out, "<p class=\"note\">{}</p>", lines.join("<br>"))?;
    }
    writeln!(out, "<div class=\"signature\">")?;
    writeln!(out, "<p>{}</p>", escape(&report.signature.signer))?;
    writeln!(out, "<p>{}</p>", escape(&report.signature.date))?;
    writeln!(out, "</div>")?;
    for (i, table) in report.appendix.iter().enumerate() {
        let id = format!("attachment-{}", i + 1);
        writeln!(
            out,
            "<section class=\"attachment appendix\" aria-labelledby=\"{id}\">"
        )?;
        writeln!(
            out,
            "<p class=\"label\">{}</p>",
            pieces::attachment_label(i, report.appendix.len())
        )?;
        writeln!(
            out,
            "<h2 id=\"{id}\">{}</h2>",
            escape(pieces::attachment_title(table))
        )?;
        write_rows(out, table, None)?;
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
fn write_block(out: &mut dyn Write, block: &Block, heading: &str) -> io::Result<()> {
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
        Block::Table(table) => write_rows(out, table, Some(&table.title)),
        Block::Form(form) => write_form(out, form, pieces::needs_caption(heading, &form.title)),
    }
}

/// The title: its own lines, or a long title's natural halves, each kept whole where the
/// screen allows (`display: inline-block`).
fn title(report: &Report) -> String {
    let lines = pieces::title_lines(&report.title, &report.school, TITLE_COLUMNS);
    let own_break = report.title.trim().contains('\n');
    if lines.len() == 1 {
        return escape(&lines[0]);
    }
    let spans: Vec<String> = lines
        .iter()
        .map(|l| format!("<span>{}</span>", escape(l)))
        .collect();
    spans.join(if own_break { "<br>" } else { "" })
}

/// Writes a table with its caption (if any) and header row, in a box that scrolls sideways on a
/// narrow screen.
fn write_rows(out: &mut dyn Write, table: &Table, caption: Option<&str>) -> io::Result<()> {
    writeln!(out, "<div class=\"scroll\">")?;
    writeln!(out, "<table>")?;
    if let Some(caption) = caption {
        writeln!(out, "<caption>{}</caption>", escape(caption))?;
    }
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
            } else if is_short(cell) {
                write!(out, "<td class=\"short\">{}</td>", marked(cell))?;
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

/// Writes a form cell for cell: header cells and row labels as `<th>` with their spans, the
/// numbers as `<td>`, in a box that scrolls sideways on a narrow screen. Under a heading that
/// is its title already, the title is the table's label rather than a caption of its own.
fn write_form(out: &mut dyn Write, form: &Form, caption: bool) -> io::Result<()> {
    writeln!(out, "<div class=\"scroll\">")?;
    if caption {
        writeln!(out, "<table class=\"form\">")?;
        writeln!(out, "<caption>{}</caption>", escape(&form.title))?;
    } else {
        writeln!(
            out,
            "<table class=\"form\" aria-label=\"{}\">",
            escape(&form.title)
        )?;
    }
    writeln!(out, "<thead>")?;
    for row in &form.header {
        write!(out, "<tr>")?;
        for cell in row {
            let scope = if cell.columns > 1 { "colgroup" } else { "col" };
            write!(
                out,
                "<th scope=\"{scope}\"{}>{}</th>",
                spans(cell.rows, cell.columns),
                heading_words(&cell.text)
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</thead>")?;
    writeln!(out, "<tbody>")?;
    let grid = form.body_grid();
    for (row, places) in form.body.iter().zip(&grid) {
        write!(out, "<tr>")?;
        let labels = starting(places, form.label_columns);
        let mut cells = row.cells.iter();
        for _ in 0..labels {
            if let Some(cell) = cells.next() {
                let scope = if cell.rows > 1 { "rowgroup" } else { "row" };
                write!(
                    out,
                    "<th scope=\"{scope}\"{}>{}</th>",
                    spans(cell.rows, cell.columns),
                    marked(&cell.text)
                )?;
            }
        }
        for cell in cells {
            write!(
                out,
                "<td class=\"number\"{}>{}</td>",
                spans(cell.rows, cell.columns),
                escape(&cell.text)
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</div>")
}

/// A form's column heading, escaped, its two-character words kept whole on a narrow column
/// ([`pieces::heading_words`]): 商业/企业, never 商业企/业.
fn heading_words(text: &str) -> String {
    let words = pieces::heading_words(text);
    if words.len() < 2 {
        return escape(text);
    }
    let mut out = String::new();
    for word in words {
        out.push_str("<span class=\"word\">");
        out.push_str(&escape(word));
        out.push_str("</span>");
    }
    out
}

/// How many cells start in the label columns of a row of the grid.
fn starting(places: &[Option<Placed<'_>>], label_columns: usize) -> usize {
    places
        .iter()
        .take(label_columns)
        .flatten()
        .filter(|p| p.top && p.left)
        .count()
}

/// The `rowspan` and `colspan` attributes a cell needs.
fn spans(rows: usize, columns: usize) -> String {
    let rows = if rows > 1 {
        format!(" rowspan=\"{rows}\"")
    } else {
        String::new()
    };
    let columns = if columns > 1 {
        format!(" colspan=\"{columns}\"")
    } else {
        String::new()
    };
    rows + &columns
}

/// Whether a cell is a short word that should not break (a status: 已公开, 部分公开).
fn is_short(cell: &str) -> bool {
    let n = cell.chars().count();
    n > 0 && n <= 4 && !cell.contains(char::is_whitespace)
}

/// Whether a cell is a plain number (right-aligned).
fn is_number(cell: &str) -> bool {
    !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit())
}

/// Escapes text for an element, with the placeholders a draft still holds (【待补充：…】,
/// 【待审阅】) in `<mark>`, so they are seen and replaced, and `http://` and `https://`
/// addresses as links.
fn marked(text: &str) -> String {
    placeholder_pieces(text)
        .into_iter()
        .map(|(placeholder, piece)| {
            if placeholder {
                format!("<mark>{}</mark>", escape(piece))
            } else {
                linked(piece)
            }
        })
        .collect()
}

/// Escapes text, with its `http://` and `https://` addresses as links.
fn linked(text: &str) -> String {
    pieces::links(text)
        .into_iter()
        .map(|(link, piece)| {
            if link {
                // A long address breaks after a slash, not inside a word.
                let shown = escape(piece).replace('/', "/<wbr>");
                format!("<a href=\"{}\">{shown}</a>", escape(piece))
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
        assert!(out.contains(
            "<h1><span>辽宁科技大学2019-2020学年</span><span>信息公开工作年度报告</span></h1>"
        ));
        // The example year's checklist links are links, and load nothing.
        let out = html(&shipped("examples/示例大学", "2022-2023"));
        for needle in ["src=", "<script", "@import", "url(", "<link"] {
            assert!(!out.contains(needle), "`{needle}` in the example report");
        }
        assert!(out.contains("<a href=\"https://"), "links");
        assert!(!out.contains("<a href=\"javascript"), "links");
        assert!(out.contains("<p class=\"note\">附件：清单事项公开情况表</p>"));
        assert!(out.contains(
            "<p class=\"label\">附件</p>\n<h2 id=\"attachment-1\">清单事项公开情况表</h2>"
        ));
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
        assert!(
            out.contains("<p class=\"note\">附件：清单事项公开情况表</p>"),
            "{out}"
        );
        assert!(out.contains("<caption>依申请公开情况</caption>"));
        assert!(out.contains("<h2 id=\"attachment-1\">清单事项公开情况表</h2>"));
        assert!(out.contains("<th scope=\"col\">编号</th>"));
        assert!(out.contains("<td class=\"number\">1</td><td class=\"short\">学校章程</td>"));
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
