//! A reader of XML tokens for the two parts that are large: a sheet's cells and the shared
//! strings (hundreds of megabytes at a million rows). quick-xml's event reader took about half
//! of the time of reading an export; this one does less: it finds a tag's end and its name,
//! hands on its attributes as written, and text and references as they come. It reads from
//! the zip entry through one buffer, grown only as far as one token needs.
//!
//! It reads all of XML that Excel and the platforms write: comments, processing instructions,
//! CDATA, a doctype without an internal subset, `>` inside attribute values, both quotes, any
//! namespace prefix. What is not XML (a tag that never ends, text that is not UTF-8) is an
//! error with its byte position.

use std::io::Read;

use memchr::{memchr, memchr2, memchr3, memmem};

/// What a buffer starts at, and grows by.
const BUFFER: usize = 1 << 16;

/// One token of XML.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// `<name attributes>`.
    Start(Tag<'a>),
    /// `<name attributes/>`.
    Empty(Tag<'a>),
    /// `</name>`, the name without its prefix.
    End(&'a [u8]),
    /// Character data between tags, up to a reference (not unescaped, line ends as written).
    Text(&'a str),
    /// `&name;` or `&#…;`: what is between `&` and `;`.
    Ref(&'a str),
    /// The inside of `<![CDATA[…]]>`.
    CData(&'a str),
    /// The end of the part.
    Eof,
}

/// A start tag.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Tag<'a> {
    /// The name without its prefix (`c` for `x:c`).
    pub(crate) name: &'a [u8],
    /// The attributes as written.
    pub(crate) attributes: &'a [u8],
}

/// Tokens read from bytes.
pub(crate) struct Scanner<R> {
    reader: R,
    buf: Vec<u8>,
    pos: usize,
    end: usize,
    eof: bool,
    /// Bytes dropped from the front of the buffer so far (for positions in messages).
    dropped: u64,
}

impl<R: Read> Scanner<R> {
    /// A scanner of the bytes `reader` gives.
    pub(crate) fn new(reader: R) -> Scanner<R> {
        Scanner {
            reader,
            buf: vec![0; BUFFER],
            pos: 0,
            end: 0,
            eof: false,
            dropped: 0,
        }
    }

    /// The next token.
    pub(crate) fn next(&mut self) -> Result<Token<'_>, String> {
        loop {
            if self.pos == self.end && !self.fill()? {
                return Ok(Token::Eof);
            }
            match self.buf[self.pos] {
                b'<' => {
                    while self.end - self.pos < 2 {
                        if !self.fill()? {
                            return Err(self.error("a tag that does not end"));
                        }
                    }
                    match self.buf[self.pos + 1] {
                        b'/' => {
                            let gt = self
                                .find(2, |b| short(b, |c| c == b'>').or_else(|| memchr(b'>', b)))?;
                            let start = self.pos;
                            self.pos += gt + 1;
                            let name = self.buf[start + 2..start + gt].trim_ascii_end();
                            return Ok(Token::End(local(name)));
                        }
                        b'?' => {
                            let at = self.find(2, |b| memmem::find(b, b"?>"))?;
                            self.pos += at + 2;
                        }
                        b'!' => {
                            if self.starts_with(b"<!--")? {
                                let at = self.find(4, |b| memmem::find(b, b"-->"))?;
                                self.pos += at + 3;
                            } else if self.starts_with(b"<![CDATA[")? {
                                let at = self.find(9, |b| memmem::find(b, b"]]>"))?;
                                let start = self.pos;
                                self.pos += at + 3;
                                let text = utf8(&self.buf[start + 9..start + at])
                                    .map_err(|()| self.error_at(start, "text that is not UTF-8"))?;
                                return Ok(Token::CData(text));
                            } else {
                                let gt = self.find(2, |b| memchr(b'>', b))?;
                                self.pos += gt + 1;
                            }
                        }
                        _ => return self.start_tag(),
                    }
                }
                b'&' => {
                    let semi = self.find(1, |b| memchr2(b';', b'<', b))?;
                    if self.buf[self.pos + semi] != b';' {
                        return Err(self.error("a reference without its `;`"));
                    }
                    let start = self.pos;
                    self.pos += semi + 1;
                    let name = utf8(&self.buf[start + 1..start + semi])
                        .map_err(|()| self.error_at(start, "a reference that is not UTF-8"))?;
                    return Ok(Token::Ref(name));
                }
                _ => {
                    let len = match self.find(0, |b| {
                        short(b, |c| c == b'<' || c == b'&').or_else(|| memchr2(b'<', b'&', b))
                    }) {
                        Ok(len) => len,
                        // Text at the very end (white space after the root).
                        Err(_) if self.eof => self.end - self.pos,
                        Err(e) => return Err(e),
                    };
                    let start = self.pos;
                    self.pos += len;
                    let text = utf8(&self.buf[start..start + len])
                        .map_err(|()| self.error_at(start, "text that is not UTF-8"))?;
                    return Ok(Token::Text(text));
                }
            }
        }
    }

    /// A start or empty tag at `pos`: its end is the first `>` outside quotes.
    fn start_tag(&mut self) -> Result<Token<'_>, String> {
        let mut i = 1;
        loop {
            let rest = &self.buf[self.pos + i..self.end];
            let special = |c: u8| c == b'>' || c == b'"' || c == b'\'';
            match short(rest, special).or_else(|| memchr3(b'>', b'"', b'\'', rest)) {
                Some(at) if self.buf[self.pos + i + at] == b'>' => {
                    let start = self.pos;
                    let gt = i + at;
                    self.pos += gt + 1;
                    let inside = &self.buf[start + 1..start + gt];
                    let (inside, empty) = match inside.strip_suffix(b"/") {
                        Some(inside) => (inside, true),
                        None => (inside, false),
                    };
                    let split = inside
                        .iter()
                        .position(u8::is_ascii_whitespace)
                        .unwrap_or(inside.len());
                    let tag = Tag {
                        name: local(&inside[..split]),
                        attributes: &inside[split..],
                    };
                    return Ok(if empty {
                        Token::Empty(tag)
                    } else {
                        Token::Start(tag)
                    });
                }
                Some(at) => {
                    // A quoted value: on past its closing quote.
                    let quote = self.buf[self.pos + i + at];
                    let open = i + at + 1;
                    let close = self.find(open, |b| {
                        short(b, |c| c == quote).or_else(|| memchr(quote, b))
                    })?;
                    i = close + 1;
                }
                None => {
                    i = self.end - self.pos;
                    if !self.fill()? {
                        return Err(self.error("a tag that does not end"));
                    }
                }
            }
        }
    }

    /// Where `search` first finds something in the bytes from `pos + skip` on, relative to
    /// `pos`; reads on as far as it takes.
    fn find(
        &mut self,
        skip: usize,
        search: impl Fn(&[u8]) -> Option<usize>,
    ) -> Result<usize, String> {
        let mut from = skip;
        loop {
            if self.pos + from <= self.end
                && let Some(at) = search(&self.buf[self.pos + from..self.end])
            {
                return Ok(from + at);
            }
            // What was searched may end in part of what is looked for (`--` of `-->`).
            let searched = (self.end - self.pos).saturating_sub(2).max(skip);
            if !self.fill()? {
                return Err(self.error("a part that ends inside a tag, a reference or a comment"));
            }
            from = searched;
        }
    }

    /// Whether the bytes at `pos` start with `prefix` (reading on as far as it takes).
    fn starts_with(&mut self, prefix: &[u8]) -> Result<bool, String> {
        while self.end - self.pos < prefix.len() {
            if !self.fill()? {
                return Ok(false);
            }
        }
        Ok(self.buf[self.pos..].starts_with(prefix))
    }

    /// A cell's value as Excel writes it, `<v>text</v></c>`, right at the reader's position
    /// and whole in its buffer: the text (with no reference and no `\r` in it), the reader
    /// moved past the `</c>`. `None`, and nothing read, for anything else, which [`Self::next`]
    /// reads token by token.
    pub(crate) fn plain_value(&mut self) -> Option<&str> {
        let inner = self.buf[self.pos..self.end].strip_prefix(b"<v>")?;
        let special = |c: u8| c == b'<' || c == b'&' || c == b'\r';
        let len = short(inner, special).or_else(|| memchr3(b'<', b'&', b'\r', inner))?;
        if !inner[len..].starts_with(b"</v></c>") {
            return None;
        }
        let text = std::str::from_utf8(&inner[..len]).ok()?;
        self.pos += 3 + len + 8;
        Some(text)
    }

    /// Skips everything up to the end of the element just started (`name`, without its
    /// prefix).
    pub(crate) fn skip(&mut self, name: &[u8]) -> Result<(), String> {
        let mut depth = 0usize;
        loop {
            match self.next()? {
                Token::Start(t) if t.name == name => depth += 1,
                Token::End(n) if n == name => match depth.checked_sub(1) {
                    Some(d) => depth = d,
                    None => return Ok(()),
                },
                Token::Eof => return Err(super::xml::eof(&String::from_utf8_lossy(name))),
                _ => (),
            }
        }
    }

    /// Reads more bytes after those in the buffer; `false` at the end of the part.
    fn fill(&mut self) -> Result<bool, String> {
        if self.eof {
            return Ok(false);
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.dropped += self.pos as u64;
            self.pos = 0;
        }
        if self.end == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        loop {
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(false);
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(true);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => (),
                Err(e) => return Err(format!("I/O error: {e}")),
            }
        }
    }

    fn error(&self, what: &str) -> String {
        self.error_at(self.pos, what)
    }

    /// An error about what starts at byte `at` of the buffer.
    fn error_at(&self, at: usize, what: &str) -> String {
        format!("Xml error: {what} at position {}", self.dropped + at as u64)
    }
}

/// Bytes as text, if they are UTF-8.
fn utf8(bytes: &[u8]) -> Result<&str, ()> {
    std::str::from_utf8(bytes).map_err(|_| ())
}

/// Where `wanted` is first true among the first few bytes (the usual distance to the next
/// delimiter, shorter than it takes memchr to start).
fn short(bytes: &[u8], wanted: impl Fn(u8) -> bool) -> Option<usize> {
    bytes.iter().take(16).position(|&b| wanted(b))
}

/// A name without its namespace prefix.
fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|b| *b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    }
}

/// The attributes of a tag, as written (`key="value"` or `key='value'`, values not
/// unescaped); anything malformed ends them.
pub(crate) fn attributes(raw: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut rest = raw;
    std::iter::from_fn(move || {
        let eq = memchr(b'=', rest)?;
        let key = rest[..eq].trim_ascii();
        let after = rest[eq + 1..].trim_ascii_start();
        let (&quote, value) = after.split_first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let end = memchr(quote, value)?;
        rest = &value[end + 1..];
        Some((key, &value[..end]))
    })
}

/// The first attribute named `name`.
pub(crate) fn attribute<'a>(raw: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    attributes(raw).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// A reader that gives one byte at a time, so every token crosses a refill (and no value is
/// ever whole in the buffer when it starts).
#[cfg(test)]
pub(crate) struct Trickle<'a>(pub(crate) &'a [u8]);

#[cfg(test)]
impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((b, rest)), Some(out)) => {
                *out = *b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn describe(token: &Token<'_>) -> String {
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        match token {
            Token::Start(t) => format!("<{} {}>", text(t.name), text(t.attributes).trim()),
            Token::Empty(t) => format!("<{} {}/>", text(t.name), text(t.attributes).trim()),
            Token::End(name) => format!("</{}>", text(name)),
            Token::Text(t) => format!("{t:?}"),
            Token::Ref(r) => format!("&{r};"),
            Token::CData(t) => format!("CDATA {t:?}"),
            Token::Eof => "Eof".to_owned(),
        }
    }

    fn tokens(xml: &str) -> Result<Vec<String>, String> {
        let mut whole = Scanner::new(xml.as_bytes());
        let mut trickled = Scanner::new(Trickle(xml.as_bytes()));
        let mut all = Vec::new();
        loop {
            let a = describe(&whole.next()?);
            let b = describe(&trickled.next()?);
            assert_eq!(a, b, "read whole and byte by byte");
            if a == "Eof" {
                return Ok(all);
            }
            all.push(a);
        }
    }

    #[test]
    fn tokens_are_read_whole_across_refills() {
        let found = tokens(concat!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE x><x:row r=\"1\" a='>' b=\"'\">",
            "<!-- a -- comment --><c r=\"A1\"/>A &amp; B&#x4E2D;<![CDATA[<raw>]]></x:row> "
        ))
        .unwrap();
        assert_eq!(
            found,
            [
                "\"\\n\"",
                "<row r=\"1\" a='>' b=\"'\">",
                "<c r=\"A1\"/>",
                "\"A \"",
                "&amp;",
                "\" B\"",
                "&#x4E2D;",
                "CDATA \"<raw>\"",
                "</row>",
                "\" \"",
            ]
        );
    }

    #[test]
    fn attributes_are_read_as_written() {
        let raw = br#" r="A1" s='3'  t = "s" x:id="rId1" "#;
        let found: Vec<(&[u8], &[u8])> = attributes(raw).collect();
        assert_eq!(
            found,
            [
                (&b"r"[..], &b"A1"[..]),
                (b"s", b"3"),
                (b"t", b"s"),
                (b"x:id", b"rId1")
            ]
        );
        assert_eq!(attribute(raw, b"t"), Some(&b"s"[..]));
        assert_eq!(attribute(b" broken=\"", b"broken"), None);
    }

    #[test]
    fn what_is_not_xml_is_an_error_with_its_position() {
        for (xml, message) in [
            (
                "<row r=\"1\"",
                "Xml error: a tag that does not end at position 0",
            ),
            (
                "<a>&amp</a>",
                "Xml error: a reference without its `;` at position 3",
            ),
            (
                "<!-- open",
                "Xml error: a part that ends inside a tag, a reference or a comment at position 0",
            ),
        ] {
            assert_eq!(tokens(xml).unwrap_err(), message, "{xml}");
        }
        let mut bad = Scanner::new(&b"<a>\xff</a>"[..]);
        assert!(matches!(bad.next(), Ok(Token::Start(_))));
        assert_eq!(
            bad.next().unwrap_err(),
            "Xml error: text that is not UTF-8 at position 3"
        );
    }
}
