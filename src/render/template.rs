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

use std::ffi::OsStr;
use std::fmt::{self, Write as _};
use std::path::Path;

use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior, escape_formatter};

use crate::compose::report::Report;
use crate::findings::error::Error;
use crate::model::decode::decode;

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
    let error = |e: &minijinja::Error| template_error(e, template_source, template_name);
    let template = env
        .template_from_named_str(template_name, template_source)
        .map_err(|e| error(&e))?;
    template
        .render(Value::from(Serde(report)))
        .map_err(|e| error(&e))
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
