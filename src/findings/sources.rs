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

/// Decoded texts of small files, and resolved positions in large ones.
#[derive(Default)]
pub struct Sources {
    texts: BTreeMap<Arc<Path>, Option<String>>,
    streamed: BTreeMap<(Arc<Path>, Position), Option<Resolved>>,
}

impl Sources {
    /// An empty cache.
    pub fn new() -> Self {
        Sources::default()
    }

    /// Registers text already in memory, so it need not be read again.
    pub fn insert(&mut self, file: &Arc<Path>, text: String) {
        self.texts.insert(Arc::clone(file), Some(text));
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
                    .map(|bytes| crate::model::decode::decode(&bytes).text)
            })
            .as_deref()?;
        let span = match location.position {
            Position::File | Position::Cell { .. } => return None,
            Position::Span { start, end } => start..end,
            Position::Field { record, index } => field_span(text, record, index),
        };
        Some(resolve_span(text, span))
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
                let mut resolved = resolve_span(&text, span);
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
