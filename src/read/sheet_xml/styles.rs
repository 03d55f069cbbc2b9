//! Which cell styles show a number as a date (`xl/styles.xml`): a date in Excel is a number
//! of days with a date format, so a cell's style decides whether `43891` reads as
//! `2020-03-01`.
//!
//! Only each style's number format is read (`cellXfs`/`xf` `numFmtId`, and the workbook's own
//! formats in `numFmts`). The built-in date formats are those ECMA-376 numbers as dates; a
//! custom format is a date when its code shows a date or a time (the rules at
//! [`custom_format`], written from the format-code syntax, and tested on the codes Excel and
//! WPS write), so that cells read as they did when calamine read them.

use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::xml;

/// What a number format makes of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// A number.
    Number,
    /// A date, a time, or both.
    Date,
    /// A duration (`[h]:mm:ss`).
    Duration,
}

/// The number format of each cell style, by the style's index (a cell's `s`).
#[derive(Default)]
pub(crate) struct Styles {
    formats: Vec<Format>,
}

impl Styles {
    /// The format of style `index` (`None` for a style the workbook does not have).
    pub(crate) fn get(&self, index: usize) -> Option<Format> {
        self.formats.get(index).copied()
    }

    /// Reads the styles part.
    pub(crate) fn read<R: BufRead>(xml: &mut Reader<R>) -> Result<Styles, String> {
        let mut styles = Styles::default();
        let mut custom: Vec<(String, Format)> = Vec::new();
        let mut buf = Vec::with_capacity(1024);
        let mut inner = Vec::with_capacity(1024);
        let mut section = "";
        loop {
            buf.clear();
            let (event, empty) = match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => (e, false),
                Ok(Event::Empty(e)) => (e, true),
                Ok(Event::End(e)) => {
                    match e.local_name().as_ref() {
                        "styleSheet" => return Ok(styles),
                        "numFmts" | "cellXfs" => section = "",
                        _ => (),
                    }
                    continue;
                }
                Ok(Event::Eof) => return Err(xml::eof("styleSheet")),
                Err(e) => return Err(xml::error(&e)),
                Ok(_) => continue,
            };
            match (event.local_name().as_ref(), section) {
                ("numFmts", _) if !empty => section = "numFmts",
                ("cellXfs", _) if !empty => section = "cellXfs",
                ("numFmt", "numFmts") => {
                    let raw = event.attributes_raw();
                    if let (Some(id), Some(code)) = (
                        xml::attribute(raw, "numFmtId"),
                        xml::attribute(raw, "formatCode"),
                    ) {
                        let format = custom_format(&xml::decoded(code)?);
                        custom.retain(|(known, _)| known != id);
                        custom.push((id.to_owned(), format));
                    }
                }
                ("xf", "cellXfs") => {
                    let format = xml::attribute(event.attributes_raw(), "numFmtId").map_or(
                        Format::Number,
                        |id| match custom.iter().find(|(known, _)| known == id) {
                            Some((_, format)) => *format,
                            None => builtin_format(id),
                        },
                    );
                    styles.formats.push(format);
                    if !empty {
                        xml::skip(xml, "xf", &mut inner)?;
                    }
                }
                _ => (),
            }
        }
    }
}

/// The built-in formats that are dates (14–22, 45, 47 and the East Asian 27–36, 50–58) or a
/// duration (46).
fn builtin_format(id: &str) -> Format {
    match id {
        "14" | "15" | "16" | "17" | "18" | "19" | "20" | "21" | "22" | "45" | "47" | "27"
        | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" | "50" | "51" | "52"
        | "53" | "54" | "55" | "56" | "57" | "58" => Format::Date,
        "46" => Format::Duration,
        _ => Format::Number,
    }
}

/// Whether a format code of the workbook's own shows a date, a duration or a number.
///
/// Only the code's first section (the one for positive numbers, before any `;`) decides, as
/// Excel shows a date whatever its sign. What a format prints literally does not count: a
/// quoted text (`"年"`), a character after `\\`, `_` (a space as wide as it) or `*` (a fill). A
/// bracket holding only one of h, m or s, repeated (`[h]`, `[mm]`), is an elapsed time: a
/// duration. Any other bracket is a colour, a condition or a locale (`[Red]`, `[>=100]`,
/// `[$-404]`). Then the first letter of a date or a time (d, m, y, h, s, or AM/PM, A/P) makes
/// it a date.
fn custom_format(code: &str) -> Format {
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c.to_ascii_lowercase() {
            ';' => break,
            '"' => {
                while i < chars.len() && chars[i] != '"' {
                    i += 1;
                }
                i += 1;
            }
            '\\' | '_' | '*' => i += 1,
            '[' => {
                let start = i;
                while i < chars.len() && chars[i] != ']' {
                    i += 1;
                }
                let inside = &chars[start..i.min(chars.len())];
                i += 1;
                let elapsed = inside.first().is_some_and(|first| {
                    matches!(first.to_ascii_lowercase(), 'h' | 'm' | 's')
                        && inside.iter().all(|c| c.eq_ignore_ascii_case(first))
                });
                if elapsed {
                    return Format::Duration;
                }
            }
            'd' | 'm' | 'y' | 'h' | 's' => return Format::Date,
            'a' => {
                let rest: String = chars[i..]
                    .iter()
                    .take(4)
                    .collect::<String>()
                    .to_ascii_lowercase();
                if rest.starts_with("m/pm") || rest.starts_with("/p") {
                    return Format::Date;
                }
            }
            _ => {}
        }
    }
    Format::Number
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_formats_are_told_from_their_codes() {
        for (code, format) in [
            ("DD/MM/YY", Format::Date),
            ("yyyy\"年\"m\"月\"d\"日\"", Format::Date),
            ("H:MM:SS;@", Format::Date),
            ("m\"M\"d\"D\";@", Format::Date),
            ("[$-404]e\"\\xfc\"m\"\\xfc\"d\"\\xfc\"", Format::Date),
            ("ha/p\\\\m", Format::Date),
            ("*-yyyy-mm-dd", Format::Date),
            ("[h]:mm:ss", Format::Duration),
            ("[mm]", Format::Duration),
            ("[h]:mm;[=0]\\-", Format::Duration),
            ("#,##0\\ [$\\u20bd-46D]", Format::Number),
            ("\"$\"#,##0_);[Red](\"$\"#,##0)", Format::Number),
            ("0_ ;[Red]\\-0\\ ", Format::Number),
            ("\\Y000000", Format::Number),
            ("#,##0.0####\" YMD\"", Format::Number),
            ("[>=100][Magenta]General", Format::Number),
            ("#,##0*y", Format::Number),
            ("0.00", Format::Number),
        ] {
            assert_eq!(custom_format(code), format, "{code}");
        }
    }

    #[test]
    fn each_style_has_its_format_custom_formats_before_built_in_ones() {
        let part = concat!(
            r#"<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>"#,
            r#"<numFmt numFmtId="14" formatCode="0.00"/></numFmts>"#,
            r#"<cellStyleXfs><xf numFmtId="22"/></cellStyleXfs>"#,
            r#"<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164"><alignment/></xf>"#,
            r#"<xf numFmtId="14"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="46"/><xf/></cellXfs>"#,
            "</styleSheet>"
        );
        let styles = Styles::read(&mut xml::reader(part.as_bytes())).unwrap();
        assert_eq!(
            styles.formats,
            [
                Format::Number,
                Format::Date,
                Format::Number,
                Format::Date,
                Format::Duration,
                Format::Number
            ]
        );
        assert_eq!(styles.get(6), None);
    }
}
