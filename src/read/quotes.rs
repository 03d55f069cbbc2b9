//! Watching a CSV stream for a quote that is never closed.
//!
//! The csv crate reads an unclosed quote as one field running to the end of the file, silently.
//! [`QuoteWatch`] sits between the file and the CSV reader and follows the same quoting rules,
//! jumping from one interesting byte to the next with `memchr`, so it costs little even on a
//! file of millions of rows. At the end it knows whether the file ended inside a quoted field,
//! and where that field began.

use std::io::{self, Read};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Outside a quoted field: a quote opens one only at the start of a field.
    Outside,
    /// Inside a quoted field.
    Quoted,
    /// Just after a quote inside a quoted field: it either closes the field or is doubled.
    QuoteSeen,
}

/// A reader that passes bytes through and follows CSV quoting.
///
/// Only quotes matter, so it jumps from one `"` to the next with `memchr`: a file without
/// quotes (most platform exports) costs one fast scan. A quote opens a field when the byte
/// before it ends a field (`,`, a line ending) or it starts the file; elsewhere it is literal,
/// as the csv crate reads it.
pub(crate) struct QuoteWatch<R> {
    inner: R,
    state: State,
    offset: usize,
    opened_at: usize,
    /// The last byte seen, to tell whether a quote at the start of a buffer starts a field.
    last: u8,
}

impl<R: Read> QuoteWatch<R> {
    /// Watches `inner`, whose bytes are UTF-8 text.
    pub(crate) fn new(inner: R) -> Self {
        QuoteWatch {
            inner,
            state: State::Outside,
            offset: 0,
            opened_at: 0,
            last: b'\n',
        }
    }

    /// After the whole stream was read: the offset of the quote that was never closed.
    pub(crate) fn unclosed(&self) -> Option<usize> {
        (self.state == State::Quoted).then_some(self.opened_at)
    }

    fn scan(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            match self.state {
                State::Outside => match memchr::memchr(b'"', &bytes[i..]) {
                    Some(at) => {
                        let quote = i + at;
                        let before = if quote == 0 {
                            self.last
                        } else {
                            bytes[quote - 1]
                        };
                        if matches!(before, b',' | b'\n' | b'\r') {
                            self.state = State::Quoted;
                            self.opened_at = self.offset + quote;
                        }
                        i = quote + 1;
                    }
                    None => i = bytes.len(),
                },
                State::Quoted => match memchr::memchr(b'"', &bytes[i..]) {
                    Some(at) => {
                        i += at + 1;
                        self.state = State::QuoteSeen;
                    }
                    None => i = bytes.len(),
                },
                State::QuoteSeen => {
                    // A doubled quote stays inside the field; anything else closed it.
                    self.state = if bytes[i] == b'"' {
                        State::Quoted
                    } else {
                        State::Outside
                    };
                    if self.state == State::Quoted {
                        i += 1;
                    }
                }
            }
        }
        if let Some(&last) = bytes.last() {
            self.last = last;
        }
        self.offset += bytes.len();
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.scan(&buf[..n]);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unclosed(text: &str) -> Option<usize> {
        let mut watch = QuoteWatch::new(text.as_bytes());
        let mut sink = Vec::new();
        watch.read_to_end(&mut sink).unwrap();
        assert_eq!(sink, text.as_bytes());
        watch.unclosed()
    }

    #[test]
    fn finds_the_quote_that_is_never_closed() {
        assert_eq!(unclosed("a,b\n\"x,y\n"), Some(4));
        assert_eq!(unclosed("a,\"b\"\"c\"\n"), None);
        assert_eq!(unclosed("a,b\"c\n"), None);
        assert_eq!(unclosed("\"多行\n文字\",3\n"), None);
        assert_eq!(unclosed("a,\"\"\n"), None);
    }

    #[test]
    fn works_across_read_boundaries() {
        let text = "a,\"b\nc\"\"d\",e\n\"f";
        let mut watch = QuoteWatch::new(io::BufReader::with_capacity(3, text.as_bytes()));
        let mut buf = [0u8; 2];
        while watch.read(&mut buf).unwrap() > 0 {}
        assert_eq!(watch.unclosed(), Some(text.len() - 2));
    }
}
