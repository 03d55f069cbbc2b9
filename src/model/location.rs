//! Where a value came from, precise enough to send a department to the right cell.
//!
//! Readers capture a position once, as cheaply as they can (a byte range in a TOML file, a
//! record offset and field number in a CSV file, a cell in a spreadsheet), and the value carries
//! it through every later stage. Lines and columns are computed only when a diagnostic is shown
//! ([`crate::findings::sources::Sources::resolve`]), from the decoded text: lines are counted from line feeds (so CRLF files
//! number their lines correctly) and columns count characters, not bytes (so a column means the
//! same thing under Chinese text as under ASCII).

use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

/// A position inside one file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Position {
    /// The file as a whole (an empty file, a file nobody expected).
    File,
    /// A byte range in the decoded text of a TOML or CSV file.
    Span {
        /// First byte.
        start: usize,
        /// One past the last byte.
        end: usize,
    },
    /// Field `index` (0-based) of the CSV record that starts at byte `record` of the decoded text.
    Field {
        /// Byte offset of the record's first character.
        record: usize,
        /// 0-based field number within the record.
        index: usize,
    },
    /// A spreadsheet cell, 0-based, shown in A1 notation (`Sheet1!C7`).
    Cell {
        /// The sheet's name.
        sheet: String,
        /// 0-based row.
        row: u32,
        /// 0-based column.
        column: u32,
    },
}

/// A file and a position in it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file, as the user named it (data folder + year + file name).
    pub file: Arc<Path>,
    /// Where in the file.
    pub position: Position,
}

impl Location {
    /// The whole of `file`.
    pub fn file(file: &Arc<Path>) -> Self {
        Location {
            file: Arc::clone(file),
            position: Position::File,
        }
    }

    /// A byte range of `file`'s decoded text.
    #[must_use]
    pub fn span(file: &Arc<Path>, span: Range<usize>) -> Self {
        Location {
            file: Arc::clone(file),
            position: Position::Span {
                start: span.start,
                end: span.end,
            },
        }
    }

    /// Field `index` of the CSV record starting at byte `record`.
    pub fn field(file: &Arc<Path>, record: usize, index: usize) -> Self {
        Location {
            file: Arc::clone(file),
            position: Position::Field { record, index },
        }
    }
}

impl Location {
    /// The location of `range` (bytes of `value`), when this location is a quoted value whose
    /// characters are in the file as they are (a span two bytes longer than the value, for the
    /// quotes); otherwise this location.
    pub fn within(&self, value: &str, range: Range<usize>) -> Location {
        match self.position {
            Position::Span { start, end } if end - start == value.len() + 2 => {
                Location::span(&self.file, start + 1 + range.start..start + 1 + range.end)
            }
            _ => self.clone(),
        }
    }
}

/// A value together with where it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub location: Location,
}

impl<T> Located<T> {
    /// Pairs a value with its location.
    pub fn new(value: T, location: Location) -> Self {
        Located { value, location }
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// A position turned into what people read: line, column and the line's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The text of the line, without its line ending.
    pub line_text: String,
    /// The marked part of `line_text`, in bytes (may be empty, e.g. at the end of a short row).
    pub span: Range<usize>,
}

/// A spreadsheet column number (0-based) in letters: 0 → `A`, 27 → `AB`.
pub fn column_letters(mut column: u32) -> String {
    let mut letters = Vec::new();
    loop {
        // The remainder is below 26, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation)]
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8_lossy(&letters).into_owned()
}

/// Line, column and line text for a byte range of `text`. Lines end at a line feed, or at a
/// carriage return not followed by one (old Mac files); a CRLF ends one line.
pub fn resolve_span(text: &str, span: Range<usize>) -> Resolved {
    let start = floor_char_boundary(text, span.start.min(text.len()));
    let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
    let bytes = text.as_bytes();
    let is_break =
        |i: usize| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
    let line_start = (0..start).rev().find(|&i| is_break(i)).map_or(0, |i| i + 1);
    let line_end = (start..bytes.len())
        .find(|&i| bytes[i] == b'\n' || bytes[i] == b'\r')
        .unwrap_or(bytes.len());
    let line_text = &text[line_start..line_end];
    let line = (0..line_start).filter(|&i| is_break(i)).count() + 1;
    let column = text[line_start..start].chars().count() + 1;
    let local_start = (start - line_start).min(line_text.len());
    let local_end = (end.min(line_end) - line_start).max(local_start);
    Resolved {
        line,
        column,
        line_text: line_text.to_owned(),
        span: local_start..local_end,
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte range of field `index` of the CSV record starting at `record`, found by scanning the
/// record the way a CSV reader does (commas, double quotes, `""` escapes). A field the record
/// does not have (a short row) is the empty range at the record's end.
pub fn field_span(text: &str, record: usize, index: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let mut i = record.min(bytes.len());
    // The csv crate may place a CRLF file's record just after the `\r`, on the `\n`.
    while i < bytes.len() && matches!(bytes[i], b'\r' | b'\n') {
        i += 1;
    }
    let mut field = 0;
    loop {
        let start = i;
        if i < bytes.len() && bytes[i] == b'"' {
            i += 1;
            while i < bytes.len() {
                if bytes[i] == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 2;
                        continue;
                    }
                    i += 1;
                    break;
                }
                i += 1;
            }
        }
        while i < bytes.len() && !matches!(bytes[i], b',' | b'\n' | b'\r') {
            i += 1;
        }
        if field == index {
            return start..i;
        }
        if i < bytes.len() && bytes[i] == b',' {
            i += 1;
            field += 1;
        } else {
            return i..i;
        }
    }
}

impl fmt::Display for Position {
    /// Cells as `[Sheet1]!C7`; other positions need the text and print nothing.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Position::Cell { sheet, row, column } = self {
            write!(f, "[{sheet}]!{}{}", column_letters(*column), row + 1)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "渠道,类别,数量\n学校主页,要闻,885\n";
        let start = text.find("885").unwrap();
        let r = resolve_span(text, start..start + 3);
        assert_eq!((r.line, r.column), (2, 9));
        assert_eq!(r.line_text, "学校主页,要闻,885");
        assert_eq!(&r.line_text[r.span.clone()], "885");
    }

    #[test]
    fn crlf_lines_are_counted_once() {
        let text = "a,b\r\nc,d\r\ne,f\r\n";
        let start = text.find('e').unwrap();
        let r = resolve_span(text, start..start + 1);
        assert_eq!((r.line, r.column), (3, 1));
        assert_eq!(r.line_text, "e,f");
    }

    #[test]
    fn csv_fields_are_found_through_quotes() {
        let text = "x\n\"a,\"\"b\"\",c\",要闻,885\n";
        let record = 2;
        assert_eq!(&text[field_span(text, record, 0)], "\"a,\"\"b\"\",c\"");
        assert_eq!(&text[field_span(text, record, 1)], "要闻");
        assert_eq!(&text[field_span(text, record, 2)], "885");
        let missing = field_span(text, record, 5);
        assert_eq!(missing.start, text.len() - 1);
        assert!(missing.is_empty());
    }

    #[test]
    fn old_mac_line_ends_are_lines_too() {
        let text = "a,b\rc,d\re,f\r";
        let start = text.find('e').unwrap();
        let r = resolve_span(text, start..start + 1);
        assert_eq!((r.line, r.column), (3, 1));
        assert_eq!(r.line_text, "e,f");
    }

    #[test]
    fn quoted_newlines_move_the_line() {
        let text = "\"a\nb\",885\n";
        let r = resolve_span(text, field_span(text, 0, 1));
        assert_eq!((r.line, r.column), (2, 4));
    }

    #[test]
    fn spreadsheet_columns_in_letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
