//! Whether a CSV record ends inside a quoted field: a quote that is never closed.
//!
//! The csv crate reads an unclosed quote as one field running to the end of the file, silently.
//! Only the file's last record can end that way, so [`super::records`] asks this about that one
//! record's raw bytes, following the same quoting rules and jumping from one quote to the next
//! with `memchr`.

/// The offset, in `record`, of the quote that opens a field never closed; `record` starts at
/// the start of a record. A quote opens a field only at the field's start (after `,`, a line
/// end or at the record's start); elsewhere it is a character, as the csv crate reads it.
pub(crate) fn unclosed(record: &[u8]) -> Option<usize> {
    let mut i = 0;
    let mut opened = None;
    while i < record.len() {
        match opened {
            None => {
                let quote = i + memchr::memchr(b'"', &record[i..])?;
                let starts_field = quote == 0 || matches!(record[quote - 1], b',' | b'\n' | b'\r');
                if starts_field {
                    opened = Some(quote);
                }
                i = quote + 1;
            }
            Some(_) => match memchr::memchr(b'"', &record[i..]) {
                // A doubled quote stays inside the field; a single one closes it.
                Some(at) if record.get(i + at + 1) == Some(&b'"') => i += at + 2,
                Some(at) => {
                    opened = None;
                    i += at + 1;
                }
                None => return opened,
            },
        }
    }
    opened
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_quote_that_is_never_closed() {
        assert_eq!(unclosed(b"\"x,y\n"), Some(0));
        assert_eq!(unclosed(b"a,\"x,y\nz"), Some(2));
        assert_eq!(unclosed(b"a,\"b\"\"c\"\n"), None);
        assert_eq!(unclosed(b"a,b\"c\n"), None);
        assert_eq!(unclosed("\"多行\n文字\",3\n".as_bytes()), None);
        assert_eq!(unclosed(b"a,\"\"\n"), None);
        assert_eq!(
            unclosed(b"a,\"b\"\""),
            Some(2),
            "a doubled quote at the end"
        );
        assert_eq!(unclosed(b"\"a\"x,\"b"), Some(5));
    }
}
