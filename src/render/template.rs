//! Report → text through an office's own template, for `compile --template FILE`: a house style
//! for Markdown, text or HTML that the built-in formats do not give.
//!
//! Templates are written in Jinja2, in the dialect of the `minijinja` crate. Like every renderer, a template sees
//! the finished [`Report`] and nothing else: its fields, serialised, are the template's variables
//! (docs/templates.md lists them). Values are HTML-escaped when the template's name ends in
//! `.html` or `.htm` (a final `.j2`, `.jinja` or `.jinja2` aside), and printed as they are
//! otherwise. Block tags on a line of their own leave no blank line (`trim_blocks`,
//! `lstrip_blocks`), the template's final newline is kept, a value that is absent (`none`: a
//! paragraph without a run-in title, a figure without a qualifier) prints as nothing, and printing
//! a variable that does not exist is an error, so a misspelt name is caught rather than printed
//! as nothing. An error names the template and the line.

use std::cell::Cell;
use std::ffi::OsStr;
use std::fmt::{self, Write as _};
use std::io;
use std::path::Path;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior, escape_formatter};

use crate::compose::report::Report;
use crate::findings::error::Error;
use crate::model::decode::decode;
use crate::read::link;

/// The work a template may do, in minijinja's fuel (about one unit per instruction, and one per
/// 64 bytes it makes): this much, and [`FUEL_PER_ITEM`] more per figure, block and checklist
/// item of the report. The example house styles use about 3,500 on the example year; a loop
/// that never ends runs out in about a second, with an error on its line, and a string too long
/// to afford (`"x" * 100000000`) is refused before it is made.
const FUEL: u64 = 1_000_000;

/// Fuel for each figure, block and checklist item, so that a large year's template may do more.
const FUEL_PER_ITEM: u64 = 200;

/// The fuel a template gets for `report`.
fn fuel_for(report: &Report) -> u64 {
    let blocks: usize = report.parts.iter().map(|p| p.blocks.len()).sum();
    let items = report.data.figures.len() + report.data.checklist.len() + blocks;
    FUEL.saturating_add(FUEL_PER_ITEM.saturating_mul(items as u64))
}

/// The most a template may print: a report is a few hundred kilobytes.
const MAX_OUTPUT: usize = 32 << 20;

/// Why a template could not render the report: a syntax error, or an error while rendering (an
/// unknown variable, a filter given the wrong type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// The template's name, as given (its path).
    pub name: String,
    /// The line of the template the error is on (from 1), when known.
    pub line: Option<usize>,
    /// What is wrong: `syntax error: unexpected end of input, expected end of block`.
    pub message: String,
    /// The text of that line, to print under the message.
    pub source_line: Option<String>,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "template `{}`", self.name)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        write!(f, ": {}", self.message)?;
        if let (Some(line), Some(text)) = (self.line, &self.source_line) {
            write!(f, "\n{line:>5} | {text}")?;
        }
        Ok(())
    }
}

impl std::error::Error for TemplateError {}

/// Reads a template file: UTF-8, UTF-8 with a byte-order mark, UTF-16 or GB18030, by the rule
/// submissions are read by ([`crate::model::decode`]).
pub fn read_template(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(decode(&bytes).text)
}

/// Renders `report` through the template `source`, called `template_name` (its path: the name
/// decides the escaping and is named in errors).
pub fn render_template(
    report: &Report,
    template_source: &str,
    template_name: &str,
) -> Result<String, TemplateError> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(auto_escape);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_formatter(|out, state, value| {
        if value.is_none() {
            Ok(())
        } else {
            escape_formatter(out, state, value)
        }
    });
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
            .unwrap_or_default(),
    );
    env.set_fuel(Some(fuel_for(report)));
    env.add_filter("safe_link", safe_link);
    let error = |e: &minijinja::Error| template_error(e, template_source, template_name);
    let template = env
        .template_from_named_str(template_name, template_source)
        .map_err(|e| error(&e))?;
    let report = with_safe_links(report);
    let full = Cell::new(false);
    let mut out = Limited {
        bytes: Vec::new(),
        full: &full,
    };
    let rendered = template.render_captured_to(Value::from(Serde(&report)), &mut out);
    if full.get() {
        return Err(TemplateError {
            name: template_name.to_owned(),
            line: None,
            message: format!(
                "the template printed more than {} MiB; does a loop run too long?",
                MAX_OUTPUT >> 20
            ),
            source_line: None,
        });
    }
    rendered.map_err(|e| error(&e))?;
    Ok(String::from_utf8_lossy(&out.bytes).into_owned())
}

/// The output of a template, refused past [`MAX_OUTPUT`] bytes.
struct Limited<'a> {
    bytes: Vec<u8>,
    full: &'a Cell<bool>,
}

impl io::Write for Limited<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT {
            self.full.set(true);
            return Err(io::Error::other("output too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The report as a template sees it: a checklist item's `links` are only those a page may point
/// at ([`link::is_safe`]); in a draft, a link that failed D205 is left out (it is still in the
/// appendix table's text, and in the findings).
fn with_safe_links(report: &Report) -> Report {
    let mut report = report.clone();
    for item in &mut report.data.checklist {
        item.links.retain(|l| link::is_safe(l));
    }
    report
}

/// `{{ text | safe_link }}`: the text when it is a link a page may point at (http or https, as a
/// browser reads it, with no credentials or hidden characters), nothing otherwise; for an
/// `href` built from any other text.
fn safe_link(text: &str) -> Value {
    if link::is_safe(text) {
        Value::from(text.trim())
    } else {
        Value::from(())
    }
}

/// HTML escaping for a template named `….html` or `….htm` (any case), with or without a final
/// `.j2`, `.jinja` or `.jinja2`; none for any other.
fn auto_escape(name: &str) -> AutoEscape {
    let extension = |path: &Path| {
        path.extension()
            .and_then(OsStr::to_str)
            .map(str::to_ascii_lowercase)
    };
    let mut path = Path::new(name);
    if matches!(extension(path).as_deref(), Some("j2" | "jinja" | "jinja2")) {
        path = path.file_stem().map_or(path, Path::new);
    }
    match extension(path).as_deref() {
        Some("html" | "htm") => AutoEscape::Html,
        _ => AutoEscape::None,
    }
}

/// A `minijinja` error as a [`TemplateError`], with the line's text from the source.
fn template_error(e: &minijinja::Error, source: &str, name: &str) -> TemplateError {
    let mut message = match e.detail() {
        Some(detail) => format!("{}: {detail}", e.kind()),
        None => e.kind().to_string(),
    };
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let _ = write!(message, ": {c}");
        cause = c.source();
    }
    let line = e.line();
    TemplateError {
        name: name.to_owned(),
        line,
        message,
        source_line: line
            .and_then(|n| source.lines().nth(n.checked_sub(1)?))
            .map(|l| l.trim_end().to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::report::{Block, Data, Part, Signature, Table};

    fn report(narrative: &str) -> Report {
        Report {
            school: "辽宁科技大学".to_owned(),
            year: "2019-2020".to_owned(),
            title: "辽宁科技大学2019-2020学年信息公开工作年度报告".to_owned(),
            draft: false,
            preamble: vec!["前言。".to_owned()],
            parts: vec![Part {
                key: "overview".to_owned(),
                number: "一".to_owned(),
                prefix: "一、".to_owned(),
                heading: "概述".to_owned(),
                blocks: vec![
                    Block::Heading {
                        number: "（一）".to_owned(),
                        text: "渠道".to_owned(),
                    },
                    Block::Paragraph {
                        lead: Some("1. 标题。".to_owned()),
                        text: narrative.to_owned(),
                    },
                    Block::Table(Table {
                        title: "表".to_owned(),
                        columns: vec!["甲".to_owned()],
                        rows: vec![vec!["1".to_owned()]],
                    }),
                ],
            }],
            appendix: Vec::new(),
            signature: Signature {
                signer: "辽宁科技大学".to_owned(),
                date: "2020年10月29日".to_owned(),
            },
            findings: Vec::new(),
            data: Data::default(),
        }
    }

    fn render(source: &str, name: &str) -> Result<String, TemplateError> {
        render_template(&report("正文<script>alert(1)</script>"), source, name)
    }

    #[test]
    fn the_report_s_fields_are_the_variables() {
        let source = "\
# {{ title }}（{{ school }}，{{ year }}）
{% for part in parts %}
## {{ part.prefix }}{{ part.heading }}
{% for block in part.blocks %}
{% if block.type == \"heading\" %}
### {{ block.number }}{{ block.text }}
{% elif block.type == \"paragraph\" %}
{{ block.lead }}{{ block.text }}
{% else %}
{{ block.title }}: {{ block.columns | join(\",\") }} / {{ block.rows | length }}
{% endif %}
{% endfor %}
{% endfor %}
{{ signature.signer }} {{ signature.date }} {{ draft }} {{ data.figures | length }}
";
        let out = render(source, "house.md.j2").unwrap();
        assert_eq!(
            out,
            "\
# 辽宁科技大学2019-2020学年信息公开工作年度报告（辽宁科技大学，2019-2020）
## 一、概述
### （一）渠道
1. 标题。正文<script>alert(1)</script>
表: 甲 / 1
辽宁科技大学 2020年10月29日 False 0
"
        );
    }

    #[test]
    fn an_html_template_escapes_and_others_do_not() {
        let source = "<p>{{ parts[0].blocks[1].text }}</p>";
        for name in ["a.html", "a.HTM", "a.html.j2", "dir/公告栏.html.jinja"] {
            assert_eq!(
                render(source, name).unwrap(),
                "<p>正文&lt;script&gt;alert(1)&lt;&#x2f;script&gt;</p>",
                "{name}"
            );
        }
        for name in ["a.md", "a.md.j2", "a.txt", "html", "a.html.txt"] {
            assert_eq!(
                render(source, name).unwrap(),
                "<p>正文<script>alert(1)</script></p>",
                "{name}"
            );
        }
    }

    #[test]
    fn a_syntax_error_names_the_template_and_line() {
        let e = render("第一行\n第二行\n{% for part in parts %\n", "t.md.j2").unwrap_err();
        assert_eq!(e.name, "t.md.j2");
        assert_eq!(e.line, Some(3));
        assert!(e.message.starts_with("syntax error"), "{e}");
        let shown = e.to_string();
        assert!(
            shown.starts_with("template `t.md.j2`, line 3: syntax error"),
            "{shown}"
        );
        assert!(
            shown.ends_with("\n    3 | {% for part in parts %"),
            "{shown}"
        );
    }

    #[test]
    fn an_absent_value_prints_as_nothing() {
        let source = "[{{ data.requests }}][{{ data.complaints }}][{{ none }}]";
        assert_eq!(render(source, "t.md").unwrap(), "[][][]");
    }

    #[test]
    fn an_unknown_variable_is_an_error_on_its_line() {
        let e = render("{{ title }}\n{{ shcool }}\n", "t.md").unwrap_err();
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("undefined"), "{e}");
        // Testing a missing value in an `if` is allowed.
        assert_eq!(render("{% if nothing %}x{% endif %}", "t.md").unwrap(), "");
    }

    #[test]
    fn a_runtime_error_names_its_line() {
        let e = render("{{ title }}\n\n{{ year + 1 }}\n", "t.txt").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.to_string().contains("line 3"), "{e}");
    }

    #[test]
    fn a_loop_that_never_ends_runs_out_of_fuel() {
        let source =
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}";
        let e = render(source, "t.md").unwrap_err();
        assert!(e.message.contains("fuel"), "{e}");
        assert_eq!(e.line, Some(1), "{e}");
    }

    #[test]
    fn a_template_printing_without_end_is_stopped() {
        let source = "{% for a in range(1000) %}{{ \"x\" * 100000000 }}{% endfor %}";
        let e = render(source, "t.md").unwrap_err();
        assert!(
            e.message.contains("more than 32 MiB") || e.message.contains("fuel"),
            "{e}"
        );
    }

    #[test]
    fn only_safe_links_reach_a_template() {
        let mut report = report("正文");
        report
            .data
            .checklist
            .push(crate::compose::report::ChecklistRow {
                id: "1".to_owned(),
                category: String::new(),
                text: String::new(),
                status: Some("已公开".to_owned()),
                departments: Vec::new(),
                links: vec![
                    "javascript:alert(1)".to_owned(),
                    "https://xxgk.example.edu.cn/1.htm".to_owned(),
                    "https://evil.com\\@xxgk.example.edu.cn/".to_owned(),
                ],
                channels: Vec::new(),
                note: None,
            });
        let source = "{% for i in data.checklist %}{% for l in i.links %}<a href=\"{{ l }}\">{% endfor %}{% endfor %}|{{ \"javascript:x\" | safe_link }}|{{ \"https://a.edu.cn/\" | safe_link }}";
        assert_eq!(
            render_template(&report, source, "t.html").unwrap(),
            "<a href=\"https:&#x2f;&#x2f;xxgk.example.edu.cn&#x2f;1.htm\">||https:&#x2f;&#x2f;a.edu.cn&#x2f;"
        );
    }

    #[test]
    fn a_template_is_read_in_the_encodings_submissions_are() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.md.j2");
        let (gbk, _, _) = encoding_rs::GB18030.encode("{{ school }}年报");
        std::fs::write(&path, &gbk).unwrap();
        assert_eq!(read_template(&path).unwrap(), "{{ school }}年报");
        assert!(matches!(
            read_template(&dir.path().join("missing.j2")),
            Err(Error::Read { .. })
        ));
    }
}
