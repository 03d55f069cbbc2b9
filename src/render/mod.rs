//! Stage 4, render: a [`Report`] → bytes in one output format.
//!
//! Each format is one file with one `render` function; renderers see only the finished document,
//! never the submissions. Adding a format means adding a file and an arm here.

mod json;
mod markdown;
mod table;
mod text;

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use crate::report::Report;

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
}

impl Format {
    /// Every format, by name.
    pub const ALL: &'static [(&'static str, Format)] = &[
        ("markdown", Format::Markdown),
        ("text", Format::Text),
        ("table", Format::Table),
        ("json", Format::Json),
    ];
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
    }
}

/// Renders to a string (for tests and for callers that need the whole text).
pub fn to_string(report: &Report, format: Format) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(report, format, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
