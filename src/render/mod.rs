//! Stage 4, render: a [`Report`] → bytes in one output format.
//!
//! Each format is one file with one `render` function; renderers see only the finished document,
//! never the submissions. Adding a format means adding a file and an arm here.

mod markdown;
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
}

impl Format {
    /// Every format, by name.
    pub const ALL: &'static [(&'static str, Format)] =
        &[("markdown", Format::Markdown), ("text", Format::Text)];
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(s))
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
                format!("unknown format `{s}`; use one of {}", names.join(", "))
            })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = Format::ALL
            .iter()
            .find(|(_, format)| format == self)
            .map_or("?", |(n, _)| *n);
        f.write_str(name)
    }
}

/// Writes `report` in `format`.
pub fn render(report: &Report, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Markdown => markdown::render(report, out),
        Format::Text => text::render(report, out),
    }
}

/// Renders to a string (for tests and for callers that need the whole text).
pub fn to_string(report: &Report, format: Format) -> String {
    let mut buf = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render(report, format, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}
