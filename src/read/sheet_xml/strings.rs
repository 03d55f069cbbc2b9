//! The workbook's shared strings (`xl/sharedStrings.xml`), where Excel keeps the text of its
//! cells: read once when the workbook is opened, into one buffer of text and one offset per
//! string, so two million titles and links cost their bytes and four more each, not a
//! `String` apiece.
//!
//! A string is read as calamine reads it (so cells read as they did): the runs of rich text
//! (`<r><t>`) joined, phonetic guides (`<rPh>`) left out, entities and character references
//! resolved, the ASCII white space around a `<t>` trimmed unless it says
//! `xml:space="preserve"`, and Excel's `_xHHHH_` escapes undone. Inline strings (`<is>`) are
//! read the same way.

use std::io::Read;

use super::scan::{Scanner, Token, attribute};
use super::xml;

/// The shared-string table.
#[derive(Default)]
pub(crate) struct SharedStrings {
    /// Every string, one after another.
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<u32>,
}

impl SharedStrings {
    /// String `index`, if the table has it.
    pub(crate) fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)? as usize;
        let start = match index {
            0 => 0,
            i => self.ends[i - 1] as usize,
        };
        self.text.get(start..end)
    }

    /// Reads the table from its part.
    pub(crate) fn read<R: Read>(xml: &mut Scanner<R>) -> Result<SharedStrings, String> {
        let mut table = SharedStrings::default();
        let mut scratch = String::new();
        loop {
            match xml.next()? {
                Token::Start(t) if t.name == b"sst" => break,
                Token::Empty(t) if t.name == b"sst" => return Ok(table),
                Token::Eof => return Err(xml::eof("sst")),
                _ => (),
            }
        }
        loop {
            match xml.next()? {
                Token::Start(t) if t.name == b"si" => {
                    read_string(xml, b"si", &mut scratch, &mut table.text)?;
                    table.push()?;
                }
                Token::Empty(t) if t.name == b"si" => table.push()?,
                Token::End(b"sst") => break,
                Token::Eof => return Err(xml::eof("sst")),
                _ => (),
            }
        }
        table.text.shrink_to_fit();
        table.ends.shrink_to_fit();
        Ok(table)
    }

    /// Ends the string just written into `text`.
    fn push(&mut self) -> Result<(), String> {
        let end = u32::try_from(self.text.len())
            .map_err(|_| "the shared strings hold more than 4 GiB of text".to_owned())?;
        self.ends.push(end);
        Ok(())
    }
}

/// Reads a string (`<si>` or `<is>`, whose start, named `closing` without its prefix, has just
/// been read) up to its end, appending its text to `out`.
pub(crate) fn read_string<R: Read>(
    xml: &mut Scanner<R>,
    closing: &[u8],
    scratch: &mut String,
    out: &mut String,
) -> Result<(), String> {
    let mut phonetic = false;
    loop {
        match xml.next()? {
            Token::End(name) if name == closing => return Ok(()),
            Token::Start(t) if t.name == b"rPh" => phonetic = true,
            Token::End(b"rPh") => phonetic = false,
            Token::Start(t) if t.name == b"t" && !phonetic => {
                let preserve = attribute(t.attributes, b"xml:space") == Some(&b"preserve"[..]);
                scratch.clear();
                read_text(xml, b"t", scratch)?;
                let text = if preserve {
                    scratch.as_str()
                } else {
                    scratch.trim_matches([' ', '\t', '\r', '\n'])
                };
                xml::push_unescaped(text, out);
            }
            Token::Eof => return Err(xml::eof("")),
            _ => (),
        }
    }
}

/// Reads the text of an element (`name`, without its prefix, just started) up to its end,
/// references resolved and line ends read as XML 1.0 has them.
pub(crate) fn read_text<R: Read>(
    xml: &mut Scanner<R>,
    name: &[u8],
    out: &mut String,
) -> Result<(), String> {
    loop {
        match xml.next()? {
            Token::Text(t) | Token::CData(t) => xml::push_text(t, out),
            Token::Ref(r) => xml::push_reference(r, out)?,
            Token::End(n) if n == name => return Ok(()),
            Token::Eof => return Err(xml::eof(&String::from_utf8_lossy(name))),
            _ => (),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(xml: &str) -> Result<Vec<String>, String> {
        let table = SharedStrings::read(&mut Scanner::new(xml.as_bytes()))?;
        Ok((0..table.ends.len())
            .map(|i| table.get(i).unwrap_or("?").to_owned())
            .collect())
    }

    #[test]
    fn strings_are_read_as_calamine_reads_them() {
        let found = table(concat!(
            r#"<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="9">"#,
            "<si><t>学校要闻</t></si>",
            "<si><r><rPr><b/></rPr><t>富</t></r><r><t xml:space=\"preserve\"> 文本 </t></r></si>",
            "<si><t>  trimmed\n</t></si>",
            "<si><t xml:space=\"preserve\">  kept </t></si>",
            "<si><t>A &amp; B &lt;c&gt; &#x4E2D;&#25991;</t></si>",
            "<si><t>line_x000D_end _x005F_x000D_</t></si>",
            "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si>",
            "<si/>",
            "<si><t/></si>",
            "</sst>"
        ))
        .unwrap();
        assert_eq!(
            found,
            [
                "学校要闻",
                "富 文本 ",
                "trimmed",
                "  kept ",
                "A & B <c> 中文",
                "line\rend _x000D_",
                "漢字",
                "",
                ""
            ]
        );
    }

    #[test]
    fn a_table_cut_short_or_with_an_unknown_entity_is_an_error() {
        assert_eq!(
            table("<sst><si><t>open").unwrap_err(),
            "Unexpected end of xml, expecting '</t>'"
        );
        assert!(
            table("<sst><si><t>&nbsp;</t></si></sst>")
                .unwrap_err()
                .starts_with("Xml error")
        );
        assert_eq!(
            table("").unwrap_err(),
            "Unexpected end of xml, expecting '</sst>'"
        );
    }

    #[test]
    fn an_index_past_the_table_is_none() {
        let table =
            SharedStrings::read(&mut Scanner::new("<sst><si><t>a</t></si></sst>".as_bytes()))
                .unwrap();
        assert_eq!(table.get(0), Some("a"));
        assert_eq!(table.get(1), None);
        assert_eq!(table.get(usize::MAX), None);
    }
}
