//! Stage 4, render: a [`Report`] → bytes in one output format (text, or a Word file); and a [`Comparison`] of two
//! years → a table, Markdown or JSON.
//!
//! Each format is one file with one `render` function (and a `comparison` function for the
//! formats a comparison comes in); renderers see only the finished document or comparison,
//! never the submissions. Adding a format means adding a file and an arm here.

mod docx;
mod html;
mod json;
mod markdown;
pub mod output;
mod pieces;
mod side_by_side;
mod table;
mod template;
mod text;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use crate::compose::compare::Comparison;
use crate::compose::report::Report;

pub use table::new_table;
pub use template::{TemplateError, read_template, render_template};

/// An output format for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `CommonMark`: headings for parts and sub-parts, one line per paragraph.
    Markdown,
    /// Plain text in the style of a Chinese official document.
    Text,
    /// The report's numbers as terminal tables, for a quick review.
    Table,
    /// The report as a versioned JSON document (docs/json.md), numbers first.
    Json,
    /// One self-contained HTML page (inline CSS, a print stylesheet), every text escaped.
    Html,
    /// A Word document (.docx) in the layout of an official document, to publish as it is.
    /// Binary: for a file, not a terminal.
    Docx,
}

impl Format {
    /// Every format, by name.
    pub const ALL: &'static [(&'static str, Format)] = &[
        ("markdown", Format::Markdown),
        ("text", Format::Text),
        ("table", Format::Table),
        ("json", Format::Json),
        ("html", Format::Html),
        ("docx", Format::Docx),
    ];

    /// Whether the format is binary (a file to open, not text to read on a terminal).
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Docx)
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        by_name(Format::ALL, s)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(name_of(Format::ALL, *self))
    }
}

/// An output format for a comparison of two years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComparisonFormat {
    /// Terminal tables, one per section.
    Table,
    /// GitHub-style Markdown tables.
    Markdown,
    /// A versioned JSON document (docs/json.md).
    Json,
}

impl ComparisonFormat {
    /// Every format, by name.
    pub const ALL: &'static [(&'static str, ComparisonFormat)] = &[
        ("table", ComparisonFormat::Table),
        ("markdown", ComparisonFormat::Markdown),
        ("json", ComparisonFormat::Json),
    ];
}

impl FromStr for ComparisonFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        by_name(ComparisonFormat::ALL, s)
    }
}

impl fmt::Display for ComparisonFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(name_of(ComparisonFormat::ALL, *self))
    }
}

/// The format called `name` (in any case) in `all`, or a message listing the names.
fn by_name<F: Copy>(all: &[(&str, F)], name: &str) -> Result<F, String> {
    all.iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, f)| *f)
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
            format!("unknown format `{name}`; use one of {}", names.join(", "))
        })
}

/// The name of `format` in `all`.
fn name_of<F: Copy + PartialEq>(all: &[(&'static str, F)], format: F) -> &'static str {
    all.iter()
        .find(|(_, f)| *f == format)
        .map_or("?", |(n, _)| *n)
}

/// Writes `report` in `format`.
pub fn render(report: &Report, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Markdown => markdown::render(report, out),
        Format::Text => text::render(report, out),
        Format::Table => table::render(report, out),
        Format::Json => json::render(report, out),
        Format::Html => html::render(report, out),
        Format::Docx => docx::render(report, out),
    }
}

/// Renders to a string (for tests and for callers that need the whole text). A binary format
/// ([`Format::is_binary`]) comes out mangled: use [`render`] for it.
pub fn to_string(report: &Report, format: Format) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(report, format, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// Writes a comparison of two years in `format`.
pub fn comparison(
    cmp: &Comparison,
    format: ComparisonFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        ComparisonFormat::Table => table::comparison(cmp, out),
        ComparisonFormat::Markdown => markdown::comparison(cmp, out),
        ComparisonFormat::Json => json::comparison(cmp, out),
    }
}

/// Renders a comparison to a string.
pub fn comparison_to_string(cmp: &Comparison, format: ComparisonFormat) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = comparison(cmp, format, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
