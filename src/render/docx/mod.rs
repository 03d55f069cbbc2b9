//! Report → Word (.docx), laid out as a Chinese official document (GB/T 9704-2012), for an
//! office to publish as it is.
//!
//! One file per concept:
//!
//! - [`page`]: A4 with the standard's margins, the document grid of 22 lines of 28 characters,
//!   page numbers `— 1 —` in 4号宋体, right on odd pages and left on even ones, one character in
//!   from the edge of the text block.
//! - [`styles`]: a named paragraph style for every role — the title (标题), Word's built-in
//!   heading styles for each heading level (so the navigation pane and a table of contents work
//!   in Word and WPS), body text, table text, captions, the signature, the attachment's label —
//!   and character styles for run-in titles and links. Paragraphs name their style and carry
//!   no fonts of their own, so an office restyles all headings at once.
//! - [`fonts`]: the faces (小标宋, 黑体, 楷体, 仿宋, 宋体), each named as the East Asian font
//!   (`w:eastAsia`) as well as the Latin ones, and the font table with their fallbacks.
//! - [`text`]: the paragraphs: the title broken at a natural point on balanced lines, headings,
//!   body text with placeholders highlighted, the attachment note, the signature; links as
//!   hyperlinks.
//! - [`tables`]: tables (a bold header row that repeats on every page, columns shared by
//!   content) and the State Council's forms cell for cell, with their merged cells.
//! - [`package`]: what `docx-rs` cannot be told (the font table, document properties, header
//!   rows, the order of relationships), and the zip.
//!
//! The appendix follows the standard: the body ends with the attachment note
//! (附件：清单事项公开情况表), and the attachment starts on a new page with 附件 in 3号黑体 at the top
//! left and its title centred on the third line. The output is byte-identical for the same
//! report: paragraph and link ids are numbered here, the zip entries carry no time, and the
//! document's date is the report's.

mod columns;
mod fonts;
mod package;
mod page;
mod styles;
mod tables;
mod text;

use std::io::{self, Write};

use docx_rs::Docx;

use crate::compose::report::{Block, Report};

/// Writes the report as a .docx file.
pub(crate) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(&to_bytes(report)?)
}

/// The .docx file's bytes.
fn to_bytes(report: &Report) -> io::Result<Vec<u8>> {
    let mut w = text::Writer::default();
    let mut docx = page::setup(styles::add(Docx::new()), &mut w);
    if report.draft {
        docx = docx.add_paragraph(w.banner());
    }
    docx = docx.add_paragraph(w.title(&report.title, &report.school));
    for paragraph in &report.preamble {
        docx = docx.add_paragraph(w.body(None, paragraph));
    }
    for part in &report.parts {
        let heading = format!("{}{}", part.prefix, part.heading);
        docx = docx.add_paragraph(w.heading(&heading, 1));
        for block in &part.blocks {
            docx = match block {
                Block::Heading { number, text } => {
                    docx.add_paragraph(w.heading(&format!("{number}{text}"), 2))
                }
                Block::Paragraph { lead, text } => {
                    docx.add_paragraph(w.body(lead.as_deref(), text))
                }
                Block::Table(table) => {
                    let caption = w.caption(&table.title);
                    tables::add_table(&mut w, docx.add_paragraph(caption), table)
                }
                Block::Form(form) => {
                    // Under a heading that is its title already, a form needs no caption.
                    let docx = if crate::render::pieces::needs_caption(&heading, &form.title) {
                        docx.add_paragraph(w.caption(&form.title))
                    } else {
                        docx
                    };
                    docx.add_table(tables::form(&mut w, form))
                }
            };
        }
    }
    let note = crate::render::pieces::attachment_note(&report.appendix);
    for (i, line) in note.iter().enumerate() {
        docx = docx.add_paragraph(w.attachment_note(line, i == 0));
    }
    for paragraph in w.signature(&report.signature) {
        docx = docx.add_paragraph(paragraph);
    }
    let count = report.appendix.len();
    for (i, table) in report.appendix.iter().enumerate() {
        let label = crate::render::pieces::attachment_label(i, count);
        docx = docx
            .add_paragraph(w.attachment_label(&label))
            .add_paragraph(w.attachment_title(crate::render::pieces::attachment_title(table)));
        docx = tables::add_table(&mut w, docx, table);
    }
    if !report.findings.is_empty() {
        docx = docx.add_paragraph(w.findings_heading());
        for finding in &report.findings {
            docx = docx.add_paragraph(w.finding(finding));
        }
    }
    package::pack(docx, report)
}

#[cfg(test)]
mod tests;
