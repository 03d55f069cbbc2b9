//! The few pieces of XML reading every part of an `.xlsx` package needs: a reader over a zip
//! entry, attributes read as they are written, entities resolved, Excel's `_xHHHH_` escapes
//! undone, and errors worded as calamine words them (so findings read as they did before
//! this reader was ours).

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Read};

use quick_xml::Reader;
use quick_xml::escape::{resolve_xml_entity, unescape};
use quick_xml::events::Event;

/// The size of the buffer between a zip entry's inflater and the XML reader.
const BUFFER: usize = 1 << 16;

/// An XML reader over any bytes (a zip entry, or a test's text).
pub(crate) type Xml<R> = Reader<BufReader<R>>;

/// An XML reader set up as calamine sets it up: no checks of end names or comments, text
/// kept as it is (white space included).
pub(crate) fn reader<R: Read>(bytes: R) -> Xml<R> {
    let mut xml = Reader::from_reader(BufReader::with_capacity(BUFFER, bytes));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    xml
}

/// A quick-xml error as a message.
pub(crate) fn error(e: &quick_xml::Error) -> String {
    format!("Xml error: {e}")
}

/// The message for a part that ended before the element `name` closed.
pub(crate) fn eof(name: &str) -> String {
    format!("Unexpected end of xml, expecting '</{name}>'")
}

/// The attributes of a tag, as written (`key="value"` or `key='value'`, values not
/// unescaped); anything malformed ends them.
pub(crate) fn attributes(raw: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n', '/']);
        let eq = trimmed.find('=')?;
        let key = trimmed[..eq].trim_end();
        let after = trimmed[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let value_end = after[1..].find(quote)?;
        let value = &after[1..=value_end];
        rest = &after[value_end + 2..];
        Some((key, value))
    })
}

/// The first attribute named `name`.
pub(crate) fn attribute<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    attributes(raw).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Whether an attribute's key is `name`, with or without a namespace prefix (`r:id`).
pub(crate) fn local_is(key: &str, name: &str) -> bool {
    key == name
        || key
            .strip_suffix(name)
            .is_some_and(|prefix| prefix.ends_with(':'))
}

/// An attribute's value with its entities resolved.
pub(crate) fn decoded(value: &str) -> Result<Cow<'_, str>, String> {
    unescape(value).map_err(|e| error(&quick_xml::Error::from(e)))
}

/// Appends what an entity or character reference stands for (`amp` of `&amp;`, `#x4E2D`).
pub(crate) fn push_reference(name: &str, out: &mut String) -> Result<(), String> {
    if let Some(text) = resolve_xml_entity(name) {
        out.push_str(text);
        return Ok(());
    }
    let Some(number) = name.strip_prefix('#') else {
        return Err(format!("Xml error: unrecognized entity `&{name};`"));
    };
    let code = match number.strip_prefix('x') {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => number.parse(),
    };
    match code.ok().filter(|c| *c != 0).and_then(char::from_u32) {
        Some(c) => {
            out.push(c);
            Ok(())
        }
        None => Err(format!("Xml error: invalid character reference `&{name};`")),
    }
}

/// Appends text with its line ends as XML 1.0 reads them (`\r\n` and `\r` as `\n`).
pub(crate) fn push_text(text: &str, out: &mut String) {
    if !text.contains('\r') {
        out.push_str(text);
        return;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            chars.next_if_eq(&'\n');
            out.push('\n');
        } else {
            out.push(c);
        }
    }
}

/// The length of an `_xHHHH_` escape.
const ESCAPE: usize = 7;

/// Appends `text` with Excel's escapes undone: `_x000D_` is a UTF-16 code unit (a pair of them
/// a character beyond the BMP; a lone surrogate U+FFFD), and `_x005F_` an underscore, as
/// calamine reads them.
pub(crate) fn push_unescaped(text: &str, out: &mut String) {
    let mut copied = 0;
    let mut from = 0;
    while let Some((at, unit)) = find_escape(text, from) {
        out.push_str(&text[copied..at]);
        let mut next = at + ESCAPE;
        let c = match unit {
            0xD800..=0xDBFF => match parse_escape(text, next) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    next += ESCAPE;
                    let point =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    char::from_u32(point).unwrap_or(char::REPLACEMENT_CHARACTER)
                }
                _ => char::REPLACEMENT_CHARACTER,
            },
            _ => char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER),
        };
        out.push(c);
        copied = next;
        from = next;
    }
    out.push_str(&text[copied..]);
}

/// The first `_xHHHH_` escape at or after byte `from`: where it is and its code unit.
fn find_escape(text: &str, mut from: usize) -> Option<(usize, u16)> {
    while let Some(offset) = text.get(from..)?.find('_') {
        let at = from + offset;
        if let Some(unit) = parse_escape(text, at) {
            return Some((at, unit));
        }
        from = at + 1;
    }
    None
}

/// The code unit of an `_xHHHH_` escape at byte `at`, if there is one.
fn parse_escape(text: &str, at: usize) -> Option<u16> {
    let bytes = text.as_bytes().get(at..at + ESCAPE)?;
    if bytes[0] != b'_' || bytes[1] != b'x' || bytes[6] != b'_' {
        return None;
    }
    let hex = std::str::from_utf8(&bytes[2..6]).ok()?;
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(hex, 16).ok()
}

/// Skips everything up to the end of the element just started (`name`, without its prefix).
pub(crate) fn skip<R: BufRead>(
    xml: &mut Reader<R>,
    name: &str,
    buf: &mut Vec<u8>,
) -> Result<(), String> {
    let mut depth = 0usize;
    loop {
        buf.clear();
        match xml.read_event_into(buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == name => depth += 1,
            Ok(Event::End(e)) if e.local_name().as_ref() == name => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return Ok(()),
            },
            Ok(Event::Eof) => return Err(eof(name)),
            Err(e) => return Err(error(&e)),
            Ok(_) => (),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unescaped(text: &str) -> String {
        let mut out = String::new();
        push_unescaped(text, &mut out);
        out
    }

    #[test]
    fn excel_escapes_are_undone_as_calamine_undoes_them() {
        for (text, expected) in [
            ("plain", "plain"),
            ("a_x000D_b", "a\rb"),
            ("_x005F_x000D_", "_x000D_"),
            ("_xD83D__xDCF7_", "\u{1F4F7}"),
            ("_xD83D_", "\u{FFFD}"),
            ("_xDCF7_x", "\u{FFFD}x"),
            ("_x00_", "_x00_"),
            ("_xZZZZ_", "_xZZZZ_"),
            ("中_x0041_文", "中A文"),
            ("trailing_", "trailing_"),
        ] {
            assert_eq!(unescaped(text), expected, "{text}");
        }
    }

    #[test]
    fn attributes_are_read_as_written() {
        let raw = r#" r="A1" s='3'  t = "s" "#;
        assert_eq!(
            attributes(raw).collect::<Vec<_>>(),
            [("r", "A1"), ("s", "3"), ("t", "s")]
        );
        assert_eq!(attribute(raw, "t"), Some("s"));
        assert_eq!(attribute(" broken=\"", "broken"), None);
        assert!(local_is("r:id", "id"));
        assert!(local_is("id", "id"));
        assert!(!local_is("rid", "id"));
    }

    #[test]
    fn references_and_line_ends_are_read_as_xml_has_them() {
        let mut out = String::new();
        for name in [
            "amp", "lt", "gt", "quot", "apos", "#x4E2D", "#25991", "#xA0",
        ] {
            push_reference(name, &mut out).unwrap();
        }
        assert_eq!(out, "&<>\"'中文\u{A0}");
        for name in ["nbsp", "#0", "#xD800", "#x", "#12a"] {
            assert!(push_reference(name, &mut out).is_err(), "{name}");
        }
        let mut out = String::new();
        push_text("a\r\nb\rc\n", &mut out);
        assert_eq!(out, "a\nb\nc\n");
    }
}
