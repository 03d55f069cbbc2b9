//! Narrative text as the office and departments write it: paragraphs that remember where each
//! part of them came from.
//!
//! Narrative is written in TOML strings, hard-wrapped or not. A blank line separates paragraphs;
//! the lines of one paragraph are joined without a space (Chinese has no spaces between words),
//! except between two Latin letters or digits. Leading indentation, including the full-width
//! spaces of a pasted Word document, is dropped: indentation is the renderer's business.
//!
//! Each paragraph keeps a map from its own byte offsets back to the source file, so that a check
//! can point at the exact characters of a number written inside a sentence.

use std::ops::Range;

use crate::model::location::{Location, Position};

/// One paragraph of narrative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The text, joined and trimmed.
    pub text: String,
    /// Where the paragraph (or, when it cannot be mapped, the whole string) was written.
    pub location: Location,
    /// `(offset in text, offset in file)` at the start of each joined line; empty when the
    /// string used escapes and offsets cannot be mapped.
    segments: Vec<(usize, usize)>,
}

impl Paragraph {
    /// A paragraph with no position mapping (e.g. text built by a program).
    pub fn unmapped(text: String, location: Location) -> Self {
        Paragraph {
            text,
            location,
            segments: Vec::new(),
        }
    }

    /// Where the paragraph's first character is in the file, when its characters can be mapped.
    pub fn origin(&self) -> Option<usize> {
        self.segments.first().map(|&(_, file_at)| file_at)
    }

    /// The location of `range` (bytes of [`Paragraph::text`]), as precisely as known.
    pub fn locate(&self, range: Range<usize>) -> Location {
        let Some(&(text_at, file_at)) = self
            .segments
            .iter()
            .rev()
            .find(|(text_at, _)| *text_at <= range.start)
        else {
            return self.location.clone();
        };
        let start = file_at + (range.start - text_at);
        Location {
            file: self.location.file.clone(),
            position: Position::Span {
                start,
                end: start + range.len(),
            },
        }
    }
}

/// Splits a string value into paragraphs.
///
/// `origin` is the byte offset in the file of the string's first character when the file holds
/// the characters as they are (a TOML literal string, or a basic string without escapes);
/// otherwise `None`, and every paragraph points at `whole` (the string literal).
pub fn split(value: &str, origin: Option<usize>, whole: &Location) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut offset = 0;
    for raw_line in value.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let line = raw_line.trim_end_matches(['\n', '\r']);
        let trimmed_start = line.trim_start_matches(is_indent);
        let lead = line.len() - trimmed_start.len();
        let content = trimmed_start.trim_end_matches(is_indent);
        if content.is_empty() {
            if let Some(p) = current.take() {
                paragraphs.push(p);
            }
            continue;
        }
        let paragraph = current.get_or_insert_with(|| Paragraph {
            text: String::new(),
            location: whole.clone(),
            segments: Vec::new(),
        });
        if let (Some(prev), Some(next)) = (paragraph.text.chars().last(), content.chars().next())
            && prev.is_ascii_alphanumeric()
            && next.is_ascii_alphanumeric()
        {
            paragraph.text.push(' ');
        }
        if let Some(origin) = origin {
            paragraph
                .segments
                .push((paragraph.text.len(), origin + line_start + lead));
        }
        paragraph.text.push_str(content);
    }
    if let Some(p) = current {
        paragraphs.push(p);
    }
    for p in &mut paragraphs {
        if let (Some(&(_, first)), Some(&(last_text, last_file))) =
            (p.segments.first(), p.segments.last())
        {
            p.location = Location::span(&whole.file, first..last_file + (p.text.len() - last_text));
        }
    }
    paragraphs
}

fn is_indent(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;

    fn whole() -> Location {
        let file: Arc<Path> = Arc::from(Path::new("report.toml"));
        Location::file(&file)
    }

    fn texts(value: &str) -> Vec<String> {
        split(value, None, &whole())
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_lines_join_without_spaces() {
        assert_eq!(
            texts("学校高度重视\n信息公开工作。\n\n　　第二段。\n"),
            ["学校高度重视信息公开工作。", "第二段。"]
        );
    }

    #[test]
    fn latin_words_keep_a_space_across_lines() {
        assert_eq!(
            texts("通过 WeChat\nOfficial 发布"),
            ["通过 WeChat Official 发布"]
        );
    }

    #[test]
    fn locate_maps_back_through_joined_lines() {
        let file_text = "text = '''\n第一行\n  第二行 39 次\n'''";
        let origin = file_text.find("第一行").unwrap();
        let value = &file_text[origin..file_text.rfind("'''").unwrap()];
        let ps = split(value, Some(origin), &whole());
        assert_eq!(ps.len(), 1);
        let at = ps[0].text.find("39").unwrap();
        let loc = ps[0].locate(at..at + 2);
        let Position::Span { start, end } = loc.position else {
            panic!("expected a span")
        };
        assert_eq!(&file_text[start..end], "39");
    }
}
