//! The parts of a .docx package that `docx-rs` cannot be told enough about, and the packing.
//!
//! [`docx`](super::docx) lays the document out with `docx-rs`; this file finishes the package:
//!
//! - the font table (`word/fontTable.xml`): `docx-rs` always writes the same three Latin fonts.
//!   Ours declares every Chinese face with its character set (GB2312), its family and the names
//!   to look for when it is not installed: 方正小标宋简体, the title face of official documents,
//!   does not ship with Windows, and falls back to 宋体.
//! - the document properties (`docProps/core.xml`): `docx-rs` writes no title and an author of
//!   `unknown`. Ours carry the title, the school, and the report's own date as the time the
//!   document was created and modified, so the same report always gives the same bytes.
//! - header rows: `docx-rs` has no way to mark a table row as a header that Word repeats at the
//!   top of every page (`w:tblHeader`). Header rows are given a height no other row has
//!   ([`HEADER_ROW_HEIGHT`]); the mark is added after each such height.
//!
//! The zip entries are written by `docx-rs` with no time of their own (1 January 1980): the
//! `zip` crate's `time` feature, which would stamp the current time, is off; a test checks.

use std::fmt::Write as _;
use std::io::{self, Cursor};

use docx_rs::Docx;

use super::docx::HEADER_ROW_HEIGHT;
use crate::compose::report::Report;

/// The font of Latin letters and digits in every run.
pub(super) const LATIN: &str = "Times New Roman";

/// A typeface of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Face {
    /// The title: 方正小标宋简体, falling back to 宋体.
    Title,
    /// Part headings, table titles, the draft banner: 黑体.
    Heading,
    /// Sub-headings and （一） run-in titles: 楷体.
    Kai,
    /// Body text, tables, the signature: 仿宋.
    Body,
    /// Page numbers: 宋体 (GB/T 9704: 4号半角宋体阿拉伯数字).
    Song,
}

/// How the font table describes a face: (name, the names to fall back to, family, pitch).
///
/// The body, sub-heading and heading faces are named as Windows and WPS ship them (仿宋, 楷体,
/// 黑体); the `_GB2312` names older templates use are the same designs and are
/// listed as alternatives, so a machine that has only those finds them.
const FACES: &[(Face, &str, &str, &str, &str)] = &[
    (Face::Title, "方正小标宋简体", "宋体", "roman", "variable"),
    (Face::Heading, "黑体", "SimHei", "modern", "fixed"),
    (Face::Kai, "楷体", "KaiTi,楷体_GB2312", "modern", "fixed"),
    (
        Face::Body,
        "仿宋",
        "FangSong,仿宋_GB2312",
        "modern",
        "fixed",
    ),
    (Face::Song, "宋体", "SimSun", "auto", "variable"),
];

impl Face {
    /// The font's name, as runs give it in `w:eastAsia`.
    pub(super) fn name(self) -> &'static str {
        FACES
            .iter()
            .find(|(face, ..)| *face == self)
            .map_or("宋体", |(_, name, ..)| name)
    }
}

/// Builds the package and writes it to bytes, with our font table, document properties and
/// header rows.
pub(super) fn pack(docx: Docx, report: &Report) -> io::Result<Vec<u8>> {
    let mut parts = docx.build();
    parts.font_table = font_table().into_bytes();
    parts.doc_props.core = core_properties(report).into_bytes();
    parts.document = repeat_header_rows(&parts.document);
    let mut bytes = Cursor::new(Vec::new());
    parts.pack(&mut bytes).map_err(io::Error::other)?;
    Ok(bytes.into_inner())
}

/// `word/fontTable.xml`: the Latin font and every face.
fn font_table() -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    xml.push_str(
        r#"<w:font w:name="Times New Roman"><w:charset w:val="00" /><w:family w:val="roman" /><w:pitch w:val="variable" /></w:font>"#,
    );
    for (_, name, alternatives, family, pitch) in FACES {
        let _ = write!(
            xml,
            r#"<w:font w:name="{name}"><w:altName w:val="{alternatives}" /><w:charset w:val="86" /><w:family w:val="{family}" /><w:pitch w:val="{pitch}" /></w:font>"#
        );
    }
    xml.push_str("</w:fonts>");
    xml
}

/// `docProps/core.xml`: title, author (the school), language, and the report's date as the
/// document's (none when the date is not a date yet, as in a draft).
fn core_properties(report: &Report) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
    );
    let _ = write!(
        xml,
        "<dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>{}</cp:lastModifiedBy><dc:language>zh-CN</dc:language>",
        escape(&report.title),
        escape(&report.school),
        escape(&report.school),
    );
    if let Some(date) = w3c_date(&report.signature.date) {
        let _ = write!(
            xml,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified>"#
        );
    }
    xml.push_str("<cp:revision>1</cp:revision></cp:coreProperties>");
    xml
}

/// `2020年10月29日` → `2020-10-29T00:00:00Z`; `None` for anything else.
fn w3c_date(date: &str) -> Option<String> {
    let (year, rest) = date.trim().split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let number = |s: &str| {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let date = jiff::civil::Date::new(
        i16::try_from(number(year)?).ok()?,
        i8::try_from(number(month)?).ok()?,
        i8::try_from(number(day)?).ok()?,
    )
    .ok()?;
    Some(format!("{date}T00:00:00Z"))
}

/// Marks every header row (the rows [`HEADER_ROW_HEIGHT`] tall) as one Word repeats on each
/// page.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let height = format!(r#"<w:trHeight w:val="{HEADER_ROW_HEIGHT}" w:hRule="atLeast" />"#);
    let marked = format!("{height}<w:tblHeader />");
    match std::str::from_utf8(document) {
        Ok(xml) => xml.replace(&height, &marked).into_bytes(),
        // docx-rs writes UTF-8; were it not to, the document is left as it is.
        Err(_) => document.to_vec(),
    }
}

/// Text escaped for XML content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_printed_and_nothing_else() {
        assert_eq!(
            w3c_date("2020年10月29日").as_deref(),
            Some("2020-10-29T00:00:00Z")
        );
        assert_eq!(
            w3c_date("2023年1月5日").as_deref(),
            Some("2023-01-05T00:00:00Z")
        );
        assert_eq!(w3c_date("【待补充：日期】"), None);
        assert_eq!(w3c_date("2020年2月30日"), None);
        assert_eq!(w3c_date("2020年+1月3日"), None);
        assert_eq!(w3c_date(""), None);
    }

    #[test]
    fn the_font_table_declares_every_face_with_its_fallback() {
        let xml = font_table();
        assert!(
            xml.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体" />"#),
            "{xml}"
        );
        for face in [Face::Heading, Face::Kai, Face::Body, Face::Song] {
            assert!(xml.contains(&format!(r#"w:name="{}""#, face.name())));
        }
        assert_eq!(
            xml.matches(r#"<w:charset w:val="86" />"#).count(),
            FACES.len()
        );
    }

    #[test]
    fn properties_escape_their_text() {
        let xml = core_properties(&crate::compose::report::Report {
            school: "A&B<大学>".to_owned(),
            year: "2022-2023".to_owned(),
            title: "报告".to_owned(),
            draft: true,
            preamble: Vec::new(),
            parts: Vec::new(),
            appendix: Vec::new(),
            signature: crate::compose::report::Signature {
                signer: String::new(),
                date: String::new(),
            },
            findings: Vec::new(),
            data: crate::compose::report::Data::default(),
        });
        assert!(xml.contains("<dc:creator>A&amp;B&lt;大学&gt;</dc:creator>"));
        assert!(!xml.contains("dcterms:created"));
    }
}
