//! Line, column and line text for diagnostics, computed only when they are shown.
//!
//! Readers record positions as byte offsets and keep no text. When a diagnostic is printed, its
//! file is read again: a small file is decoded whole and kept for the next diagnostic in it; a
//! large one (a platform export of millions of rows) is streamed once for all the diagnostics
//! that point into it ([`Sources::prefetch`]), keeping only the lines they point at, so that
//! printing findings never needs memory in proportion to a file.
//!
//! The text is decoded by the same rule as when it was read (a byte-order mark; else UTF-8 if
//! the whole file is; else GB18030), so offsets mean the same thing.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::sync::Arc;

use crate::model::location::{Location, Position, Resolved, field_span, resolve_span};

/// Files up to this size are decoded whole; larger ones are streamed.
const WHOLE: u64 = 1 << 20;

/// A decoded text and where its lines start, so that finding a position's line is a binary
/// search, whatever the number of findings in the file.
struct Text {
    text: String,
    /// The byte offset of each line's first character (0 first).
    starts: Vec<usize>,
}

impl Text {
    fn new(text: String) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Text { text, starts }
    }

    /// As [`resolve_span`] resolves it, with the line found by its index: O(log lines) plus the
    /// length of the line up to the position.
    fn resolve(&self, span: std::ops::Range<usize>) -> Resolved {
        let text = &self.text;
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        // The last line starting at or before `start` (a position on a line break belongs to
        // the line the break ends).
        let line = self.starts.partition_point(|&s| s <= start).max(1);
        let line_start = self.starts[line - 1];
        let bytes = text.as_bytes();
        let line_end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(bytes.len(), |i| start + i);
        let column = text[line_start..start].chars().count() + 1;
        let local_start = start - line_start;
        let local_end = (end.min(line_end) - line_start).max(local_start);
        window(Resolved {
            line,
            column,
            line_text: text[line_start..line_end].to_owned(),
            span: local_start..local_end,
        })
    }
}

/// Lines longer than this many bytes are shown cut around the marked part.
const LONGEST_LINE: usize = 400;

/// A resolved position whose line is cut, when it is very long (a header of thousands of
/// columns, a file without line breaks), to about [`LONGEST_LINE`] bytes around the marked part,
/// with `…` where it is cut. The line and column still count from the real line's start.
fn window(mut r: Resolved) -> Resolved {
    if r.line_text.len() <= LONGEST_LINE {
        return r;
    }
    let text = &r.line_text;
    let keep = LONGEST_LINE / 2;
    let from = floor_char_boundary(text, r.span.start.saturating_sub(keep / 2));
    let to = floor_char_boundary(text, (r.span.end.max(r.span.start + keep)).min(text.len()));
    let to = if to < r.span.end { r.span.end } else { to };
    let (head, tail) = (
        if from > 0 { "…" } else { "" },
        if to < text.len() { "…" } else { "" },
    );
    let cut = format!("{head}{}{tail}", &text[from..to]);
    let shift = head.len();
    r.span = (r.span.start - from + shift)..(r.span.end.min(to) - from + shift);
    r.line_text = cut;
    r
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Decoded texts of small files, and resolved positions in large ones.
#[derive(Default)]
pub struct Sources {
    texts: BTreeMap<Arc<Path>, Option<Text>>,
    streamed: BTreeMap<(Arc<Path>, Position), Option<Resolved>>,
}

impl Sources {
    /// An empty cache.
    pub fn new() -> Self {
        Sources::default()
    }

    /// Registers text already in memory, so it need not be read again.
    pub fn insert(&mut self, file: &Arc<Path>, text: String) {
        self.texts.insert(Arc::clone(file), Some(Text::new(text)));
    }

    /// Resolves, in one streaming pass per large file, every location that points into one.
    pub fn prefetch<'a>(&mut self, locations: impl IntoIterator<Item = &'a Location>) {
        let mut wanted: BTreeMap<Arc<Path>, Vec<Position>> = BTreeMap::new();
        for location in locations {
            let position = &location.position;
            let textual = matches!(position, Position::Span { .. } | Position::Field { .. });
            let known = self
                .streamed
                .contains_key(&(location.file.clone(), position.clone()));
            if textual && !known && is_large(&location.file) {
                wanted
                    .entry(location.file.clone())
                    .or_default()
                    .push(position.clone());
            }
        }
        for (file, positions) in wanted {
            let found = scan(&file, &positions);
            for position in positions {
                let resolved = found.get(&position).cloned();
                self.streamed.insert((file.clone(), position), resolved);
            }
        }
    }

    /// Line, column and line text for a location, or `None` for whole-file and cell positions
    /// and for files that can no longer be read.
    pub fn resolve(&mut self, location: &Location) -> Option<Resolved> {
        if matches!(location.position, Position::File | Position::Cell { .. }) {
            // Nothing to resolve: do not read the file (a workbook is not text).
            return None;
        }
        let key = (location.file.clone(), location.position.clone());
        if let Some(resolved) = self.streamed.get(&key) {
            return resolved.clone();
        }
        if !self.texts.contains_key(&location.file) && is_large(&location.file) {
            self.prefetch([location]);
            return self.streamed.get(&key).cloned().flatten();
        }
        let text = self
            .texts
            .entry(Arc::clone(&location.file))
            .or_insert_with(|| {
                std::fs::read(&location.file)
                    .ok()
                    .map(|bytes| Text::new(crate::model::decode::decode(&bytes).text))
            })
            .as_ref()?;
        let span = match location.position {
            Position::File | Position::Cell { .. } => return None,
            Position::Span { start, end } => start..end,
            Position::Field { record, index } => field_span(&text.text, record, index),
        };
        Some(text.resolve(span))
    }
}

fn is_large(file: &Path) -> bool {
    std::fs::metadata(file).is_ok_and(|m| m.len() > WHOLE)
}

/// The offset a position is anchored at.
fn anchor(position: &Position) -> usize {
    match position {
        Position::Span { start, .. } => *start,
        Position::Field { record, .. } => *record,
        Position::File | Position::Cell { .. } => 0,
    }
}

/// Streams a file once and resolves `positions` in it; decoded as the readers decode it.
fn scan(file: &Path, positions: &[Position]) -> BTreeMap<Position, Resolved> {
    let Ok(mut head) = File::open(file) else {
        return BTreeMap::new();
    };
    let mut prefix = [0u8; 4];
    let n = head.read(&mut prefix).unwrap_or(0);
    let bom = encoding_rs::Encoding::for_bom(&prefix[..n]).map(|(e, _)| e);
    let open = |encoding: Option<&'static encoding_rs::Encoding>| -> Option<Box<dyn Read>> {
        let raw = File::open(file).ok()?;
        Some(match encoding {
            None => Box::new(raw),
            Some(encoding) => Box::new(
                encoding_rs_io::DecodeReaderBytesBuilder::new()
                    .encoding(Some(encoding))
                    .bom_sniffing(true)
                    .strip_bom(true)
                    .build(raw),
            ),
        })
    };
    let attempt = match bom {
        Some(encoding) => open(Some(encoding)).and_then(|s| lines(s, positions, false)),
        None => open(None).and_then(|s| lines(s, positions, true)),
    };
    attempt
        .or_else(|| open(Some(encoding_rs::GB18030)).and_then(|s| lines(s, positions, false)))
        .unwrap_or_default()
}

/// Reads lines until every position is resolved; `None` when `utf8` and a line is not UTF-8.
fn lines(
    stream: Box<dyn Read>,
    positions: &[Position],
    utf8: bool,
) -> Option<BTreeMap<Position, Resolved>> {
    let mut pending: Vec<&Position> = positions.iter().collect();
    pending.sort_by_key(|p| anchor(p));
    let mut found = BTreeMap::new();
    let mut reader = BufReader::with_capacity(1 << 16, stream);
    let mut buffer = Vec::new();
    let (mut offset, mut line) = (0usize, 1usize);
    while !pending.is_empty() {
        buffer.clear();
        let read = reader.read_until(b'\n', &mut buffer).ok()?;
        let content_end = offset + buffer.trim_ascii_end().len().min(buffer.len());
        let next = offset + read;
        // Positions anchored in this line's text (not in its line ending).
        let here = pending
            .iter()
            .take_while(|p| anchor(p) < content_end.max(offset + 1))
            .count();
        if here > 0 || read == 0 {
            let text = match std::str::from_utf8(&buffer) {
                Ok(text) => text.to_owned(),
                Err(_) if utf8 => return None,
                Err(_) => String::from_utf8_lossy(&buffer).into_owned(),
            };
            for position in pending.drain(..here.max(usize::from(read == 0) * pending.len())) {
                let local = |at: usize| at.saturating_sub(offset).min(text.len());
                let span = match position {
                    Position::Span { start, end } => local(*start)..local(*end),
                    Position::Field { record, index } => field_span(&text, local(*record), *index),
                    Position::File | Position::Cell { .. } => continue,
                };
                let mut resolved = window(resolve_span(&text, span));
                resolved.line += line - 1;
                found.insert(position.clone(), resolved);
            }
        }
        if read == 0 {
            break;
        }
        offset = next;
        line += 1;
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[test]
    fn streaming_finds_the_same_lines_and_columns_as_reading_whole() {
        let text =
            "编号,标题,栏目\r\n1,学校要闻,专题\r\n2,\"多行\n标题\",通知\r\n3,第三行,学术\r\n";
        let positions = [
            Position::Field {
                record: text.find("1,").unwrap(),
                index: 2,
            },
            Position::Field {
                record: text.find("3,").unwrap() - 1,
                index: 1,
            },
            Position::Span {
                start: text.find("学术").unwrap(),
                end: text.find("学术").unwrap() + 6,
            },
        ];
        let streamed = lines(Box::new(text.as_bytes()), &positions, true).unwrap();
        for position in &positions {
            let span = match position {
                Position::Span { start, end } => *start..*end,
                Position::Field { record, index } => field_span(text, *record, *index),
                _ => unreachable!(),
            };
            let whole = resolve_span(text, span);
            assert_eq!(streamed[position], whole, "{position:?}");
        }
    }

    #[test]
    fn the_index_finds_the_lines_resolve_span_finds() {
        let text = "a,b\r\n学校,要闻\n\rx\ry,\"多\n行\"\n\nlast";
        let indexed = Text::new(text.to_owned());
        for start in 0..=text.len() {
            if !text.is_char_boundary(start) {
                continue;
            }
            let end = (start + 3).min(text.len());
            assert_eq!(
                indexed.resolve(start..end),
                window(resolve_span(text, start..end)),
                "{start}"
            );
        }
    }

    #[test]
    fn a_very_long_line_is_shown_around_its_mark() {
        let line = (0..5000).fold(String::new(), |mut s, n| {
            let _ = write!(s, "列{n},");
            s
        });
        let text = format!("{line}\n1,2\n");
        let at = text.find("列4000,").unwrap();
        let r = Text::new(text.clone()).resolve(at..at + "列4000".len());
        assert_eq!(r.line, 1);
        assert_eq!(r.column, text[..at].chars().count() + 1);
        assert!(
            r.line_text.len() < 2 * LONGEST_LINE,
            "{}",
            r.line_text.len()
        );
        assert!(r.line_text.starts_with('…') && r.line_text.ends_with('…'));
        assert_eq!(&r.line_text[r.span.clone()], "列4000");
    }

    #[test]
    fn many_findings_in_one_file_cost_no_rescan() {
        // 100,000 lines, a position on each: linear, not quadratic (a rescan per position
        // would take minutes here).
        let text = (0..100_000).fold(String::new(), |mut s, n| {
            let _ = writeln!(s, "{n},x");
            s
        });
        let indexed = Text::new(text.clone());
        let started = std::time::Instant::now();
        let mut offset = 0;
        for (n, line) in text.lines().enumerate() {
            let r = indexed.resolve(offset..offset + 1);
            assert_eq!(r.line, n + 1);
            offset += line.len() + 1;
        }
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn not_utf8_gives_up_for_a_second_reading() {
        let bytes: &[u8] = b"a,b\n\xb1\xea,c\n";
        let positions = [Position::Field {
            record: 4,
            index: 1,
        }];
        assert!(lines(Box::new(bytes), &positions, true).is_none());
        assert!(lines(Box::new(bytes), &positions, false).is_some());
    }
}
