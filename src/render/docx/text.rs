//! The paragraphs of the document, each in its named style ([`super::styles`]): the title, the
//! headings, body text, captions, the attachment note and label, the signature, a draft's
//! banner and findings; and their runs, with the placeholders a draft holds highlighted and
//! `http://`/`https://` addresses as hyperlinks.

use docx_rs::{BreakType, Hyperlink, HyperlinkData, Paragraph, Run};
use unicode_width::UnicodeWidthStr;

use super::page::LINE;
use super::styles::{
    ATTACHMENT_LABEL, BANNER, BODY, CAPTION, CHAR, FINDING, HEADING_1, HEADING_2, HEADING_3,
    HYPERLINK, RUN_IN_BOLD, RUN_IN_KAI, SIGNATURE, TITLE, exact,
};
use crate::compose::report::{Signature, placeholder_pieces};
use crate::render::pieces;

/// The banner heading a draft, as in the other formats.
pub(super) const DRAFT_BANNER: &str = "【草稿】本稿含有待补充或待修正的内容，不可发布。";
/// The heading of a draft's open findings.
const FINDINGS_HEADING: &str = "待处理的问题";
/// The widest title line, in display columns: 20 characters of 22 pt fill the 156 mm line.
const TITLE_COLUMNS: usize = 40;
/// The date's right margin: four characters (GB/T 9704: 右空四字).
const SIGNATURE_MARGIN: i32 = 4 * CHAR;

/// Builds the paragraphs, numbering them and their links: `docx-rs` would take ids from
/// counters that live as long as the process, so two renders could differ.
#[derive(Default)]
pub(super) struct Writer {
    /// The last paragraph id given out.
    last_id: u32,
    /// The last hyperlink id given out.
    last_link: u32,
}

impl Writer {
    /// A new paragraph with the next id, in `style`.
    pub(super) fn paragraph(&mut self, style: &str) -> Paragraph {
        self.last_id += 1;
        Paragraph::new()
            .id(format!("{:08X}", self.last_id))
            .style(style)
    }

    /// A paragraph of body text, opening with a run-in title when there is one (in 楷体 for a
    /// （一） title, bold for a `1.` one, as official documents number them).
    pub(super) fn body(&mut self, lead: Option<&str>, text: &str) -> Paragraph {
        let mut paragraph = self.paragraph(BODY);
        if let Some(lead) = lead {
            let style = if lead.starts_with('（') {
                RUN_IN_KAI
            } else {
                RUN_IN_BOLD
            };
            paragraph = paragraph.add_run(run(lead).style(style));
        }
        self.add_text(paragraph, text)
    }

    /// `text` added to `paragraph` as runs, placeholders highlighted, links as hyperlinks.
    pub(super) fn add_text(&mut self, mut paragraph: Paragraph, text: &str) -> Paragraph {
        for (placeholder, piece) in placeholder_pieces(text) {
            if placeholder {
                paragraph = paragraph.add_run(run(piece).highlight("yellow"));
                continue;
            }
            for (link, piece) in pieces::links(piece) {
                paragraph = if link {
                    let link = self.hyperlink(piece);
                    paragraph.add_hyperlink(link)
                } else {
                    paragraph.add_run(run(piece))
                };
            }
        }
        paragraph
    }

    /// A hyperlink to `address`, with an id of this document's own.
    fn hyperlink(&mut self, address: &str) -> Hyperlink {
        self.last_link += 1;
        let mut link = Hyperlink::new(address, docx_rs::HyperlinkType::External);
        link.link = HyperlinkData::External {
            rid: format!("rIdLink{}", self.last_link),
            path: escape_address(address),
        };
        link.add_run(run(address).style(HYPERLINK))
    }

    /// A heading of `level` (1 for a part, 2 for a sub-part), in Word's heading style.
    pub(super) fn heading(&mut self, text: &str, level: usize) -> Paragraph {
        let style = match level {
            1 => HEADING_1,
            2 => HEADING_2,
            _ => HEADING_3,
        };
        self.paragraph(style).add_run(run(text))
    }

    /// The title, centred: its own line breaks, or a long title broken at its natural point on
    /// two balanced lines.
    pub(super) fn title(&mut self, title: &str, school: &str) -> Paragraph {
        let mut paragraph = self.paragraph(TITLE);
        for (i, line) in pieces::title_lines(title, school, TITLE_COLUMNS)
            .iter()
            .enumerate()
        {
            let mut run = Run::new();
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            paragraph = paragraph.add_run(run.add_text(clean(line)));
        }
        paragraph
    }

    /// The draft banner: red 黑体, centred, above the title.
    pub(super) fn banner(&mut self) -> Paragraph {
        self.paragraph(BANNER).add_run(run(DRAFT_BANNER))
    }

    /// A table's title, centred in 黑体 and kept with the table.
    pub(super) fn caption(&mut self, title: &str) -> Paragraph {
        self.paragraph(CAPTION).add_run(run(title))
    }

    /// A line of the attachment note under the body (GB/T 9704 7.3.4: a blank line under the
    /// text, two characters in): `附件：清单事项公开情况表`.
    pub(super) fn attachment_note(&mut self, line: &str, first: bool) -> Paragraph {
        let mut paragraph = self.paragraph(BODY);
        if first {
            paragraph = paragraph.line_spacing(exact(LINE).before(LINE.unsigned_abs()));
        }
        paragraph.add_run(run(line))
    }

    /// 附件 at the top left of the attachment's first page, in 3号黑体 (GB/T 9704 8).
    pub(super) fn attachment_label(&mut self, label: &str) -> Paragraph {
        self.paragraph(ATTACHMENT_LABEL)
            .page_break_before(true)
            .add_run(run(label))
    }

    /// The attachment's title, centred on its third line, in the title's style; in the
    /// navigation pane at the level of a part.
    pub(super) fn attachment_title(&mut self, title: &str) -> Paragraph {
        self.paragraph(TITLE)
            .line_spacing(exact(2 * LINE).before(0).after(LINE.unsigned_abs()))
            .outline_lvl(0)
            .add_run(run(title))
    }

    /// The signer and the date, a blank line under the text: the date four characters from
    /// the right margin, the signer centred over it (or the date under the signer, if the
    /// signer is the longer).
    pub(super) fn signature(&mut self, signature: &Signature) -> [Paragraph; 2] {
        let widest = signature.signer.width().max(signature.date.width());
        let mut line = |text: &str, first: bool| {
            // Half the difference in display columns, each half a character wide.
            let shift = i32::try_from((widest - text.width()) / 2).unwrap_or_default();
            let spacing = if first {
                exact(LINE).before(LINE.unsigned_abs())
            } else {
                exact(LINE)
            };
            self.paragraph(SIGNATURE)
                .line_spacing(spacing)
                .indent(None, None, Some(SIGNATURE_MARGIN + shift * CHAR / 2), None)
                .keep_next(first)
                .add_run(run(text))
        };
        [line(&signature.signer, true), line(&signature.date, false)]
    }

    /// The heading of a draft's open findings, on a page of its own.
    pub(super) fn findings_heading(&mut self) -> Paragraph {
        self.paragraph(HEADING_1)
            .page_break_before(true)
            .add_run(run(FINDINGS_HEADING))
    }

    /// One open finding, as `disclose validate --format short` prints it.
    pub(super) fn finding(&mut self, finding: &str) -> Paragraph {
        self.paragraph(FINDING).add_run(run(finding))
    }
}

/// A run of `text`, in its paragraph's style.
pub(super) fn run(text: &str) -> Run {
    Run::new().add_text(clean(text))
}

/// Text as XML 1.0 can hold it: control characters (which no report should have, but a
/// submission might) become spaces, the two non-characters U+FFFE and U+FFFF go.
pub(super) fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// An address as a relationship's target holds it (`docx-rs` writes it as it is): `&`, `<`, `>`
/// and `"` escaped.
fn escape_address(address: &str) -> String {
    clean(address)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
