//! The parts of a .docx package that `docx-rs` cannot be told enough about, and the packing.
//!
//! The rest of [`docx`](super) lays the document out with `docx-rs`; this file finishes the
//! package:
//!
//! - the font table (`word/fontTable.xml`), from [`super::fonts`].
//! - the document properties (`docProps/core.xml`): `docx-rs` writes no title and an author of
//!   `unknown`. Ours carry the title, the school, and the report's own date as the time the
//!   document was created and modified, so the same report always gives the same bytes.
//! - header rows: `docx-rs` has no way to mark a table row as a header that Word repeats at the
//!   top of every page (`w:tblHeader`). Header rows are given a height no other row has
//!   ([`HEADER_ROW_HEIGHT`]); the mark is added after each such height.
//!
//! - indents in characters: `docx-rs` keeps a style's `firstLineChars` but does not write it.
//!   A two-character indent in twips is not two characters of the grid (whose pitch is a
//!   little under 16 pt, see [`super::page`]) and would push a character off the first line;
//!   `w:firstLineChars="200"` is added to every indent of [`FIRST_LINE`] twips.
//! - the Normal style: `docx-rs` always writes an empty one before the styles it is given; ours
//!   ([`super::styles`]) follows it and the empty one is dropped, so the id is defined once.
//! - the relationships of the document (`word/_rels/document.xml.rels`): `docx-rs` lists a
//!   hyperlink's in the order of a hash map, which changes from run to run; they are sorted.
//!
//! The zip entries are written by `docx-rs` with no time of their own (1 January 1980): the
//! `zip` crate's `time` feature, which would stamp the current time, is off; a test checks.

use std::fmt::Write as _;
use std::io::{self, Cursor};

use docx_rs::Docx;

use super::fonts::font_table;
use super::tables::HEADER_ROW_HEIGHT;
use crate::compose::report::Report;

/// Builds the package and writes it to bytes, with our font table, document properties and
/// header rows.
pub(super) fn pack(docx: Docx, report: &Report) -> io::Result<Vec<u8>> {
    let mut parts = docx.build();
    parts.font_table = font_table().into_bytes();
    parts.doc_props.core = core_properties(report).into_bytes();
    parts.document = repeat_header_rows(&parts.document);
    parts.document_rels = sorted_relationships(&parts.document_rels);
    parts.styles = indent_in_characters(&parts.styles);
    let mut bytes = Cursor::new(Vec::new());
    parts.pack(&mut bytes).map_err(io::Error::other)?;
    Ok(bytes.into_inner())
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
        escape(&crate::render::pieces::title_on_one_line(&report.title)),
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

/// The two-character first-line indent in twips (two characters of 16 pt).
pub(super) const FIRST_LINE: i32 = 640;

/// The empty Normal style `docx-rs` writes of its own.
const EMPTY_NORMAL: &str = r#"<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal" /><w:rPr /><w:pPr><w:rPr /></w:pPr><w:qFormat /></w:style>"#;

/// Every first-line indent of [`FIRST_LINE`] twips also given in characters (two), and the
/// empty Normal style dropped (once: ours is the second).
fn indent_in_characters(styles: &[u8]) -> Vec<u8> {
    let twips = format!(r#"w:firstLine="{FIRST_LINE}""#);
    let both = format!(r#"{twips} w:firstLineChars="200""#);
    match std::str::from_utf8(styles) {
        Ok(xml) => xml
            .replacen(
                EMPTY_NORMAL,
                "",
                usize::from(xml.matches(r#"w:styleId="Normal""#).count() > 1),
            )
            .replace(&twips, &both)
            .into_bytes(),
        Err(_) => styles.to_vec(),
    }
}

/// The relationships in order of their ids, each `<Relationship …/>` as it was written.
fn sorted_relationships(rels: &[u8]) -> Vec<u8> {
    let Ok(xml) = std::str::from_utf8(rels) else {
        return rels.to_vec();
    };
    let Some(first) = xml.find("<Relationship ") else {
        return rels.to_vec();
    };
    let Some(last) = xml.rfind("</Relationships>") else {
        return rels.to_vec();
    };
    let mut items: Vec<&str> = xml[first..last]
        .split_inclusive("/>")
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    items.sort_by_key(|item| {
        let id = item
            .split("Id=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default();
        // rId2 before rId10: the digits as a number.
        let digits: String = id.chars().filter(char::is_ascii_digit).collect();
        let letters: String = id.chars().filter(|c| !c.is_ascii_digit()).collect();
        (
            letters,
            digits.parse::<u64>().unwrap_or_default(),
            id.to_owned(),
        )
    });
    format!("{}{}{}", &xml[..first], items.concat(), &xml[last..]).into_bytes()
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
    fn relationships_are_sorted_by_id() {
        let rels = br#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rIdLink10" Target="b" /><Relationship Id="rId2" Target="s" /><Relationship Id="rIdLink9" Target="a" /></Relationships>"#;
        let sorted = String::from_utf8(sorted_relationships(rels)).unwrap();
        assert_eq!(
            sorted,
            r#"<?xml version="1.0"?><Relationships xmlns="x"><Relationship Id="rId2" Target="s" /><Relationship Id="rIdLink9" Target="a" /><Relationship Id="rIdLink10" Target="b" /></Relationships>"#
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
