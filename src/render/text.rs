//! Report → plain text in the style of a Chinese official document (GB/T 9704).
//!
//! The title is centred on a 28-character line; every paragraph and heading starts with two
//! full-width spaces and is one line (no hard wrapping: the text is pasted into Word or a CMS,
//! which wrap it themselves); the signature and date are right-aligned. No markup. Tables (the
//! checklist appendix, after the signature as 附件 are in official documents) are one row per
//! line, cells separated by tabs, which Word and Excel turn into a table on paste.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::pieces;
use crate::compose::report::{Block, Form, Placed, Report, Table};

/// Width of a line in display columns: 28 full-width characters.
const LINE: usize = 56;
/// Right margin of the signature, in display columns (four characters, as GB/T 9704 has it).
const SIGNATURE_MARGIN: usize = 8;
/// Paragraph indent: two full-width spaces.
const INDENT: &str = "\u{3000}\u{3000}";

/// Writes the report as plain text.
pub(crate) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if report.draft {
        writeln!(out, "【草稿】本稿含有待补充或待修正的内容，不可发布。\n")?;
    }
    for line in report
        .title
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        writeln!(out, "{}", centred(line))?;
    }
    writeln!(out)?;
    for paragraph in &report.preamble {
        writeln!(out, "{INDENT}{paragraph}")?;
    }
    for part in &report.parts {
        writeln!(out, "{INDENT}{}{}", part.prefix, part.heading)?;
        for block in &part.blocks {
            match block {
                Block::Heading { number, text } => writeln!(out, "{INDENT}{number}{text}")?,
                Block::Paragraph { lead, text } => {
                    writeln!(out, "{INDENT}{}{text}", lead.as_deref().unwrap_or_default())?;
                }
                Block::Table(table) => write_table(out, table)?,
                Block::Form(form) => {
                    let heading = format!("{}{}", part.prefix, part.heading);
                    write_form(out, form, pieces::needs_caption(&heading, &form.title))?;
                }
            }
        }
    }
    let note = pieces::attachment_note(&report.appendix);
    if !note.is_empty() {
        writeln!(out)?;
        for line in &note {
            writeln!(out, "{INDENT}{line}")?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", right_aligned(&report.signature.signer))?;
    writeln!(out, "{}", right_aligned(&report.signature.date))?;
    for (i, table) in report.appendix.iter().enumerate() {
        writeln!(
            out,
            "\n{}",
            pieces::attachment_label(i, report.appendix.len())
        )?;
        writeln!(out, "\n{}\n", centred(pieces::attachment_title(table)))?;
        write_rows(out, table)?;
    }
    if !report.findings.is_empty() {
        writeln!(out, "\n待处理的问题：")?;
        for finding in &report.findings {
            writeln!(out, "{finding}")?;
        }
    }
    Ok(())
}

fn write_table(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    writeln!(out, "\n{}", table.title)?;
    write_rows(out, table)
}

fn write_rows(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    writeln!(out, "{}", table.columns.join("\t"))?;
    for row in &table.rows {
        writeln!(out, "{}", row.join("\t"))?;
    }
    Ok(())
}

/// A form cell for cell in its grid, one row a line, cells separated by tabs: a merged cell's
/// text where it starts, the places it covers empty. Pasted into Word or Excel it is the form's
/// grid, ready to merge.
fn write_form(out: &mut dyn Write, form: &Form, caption: bool) -> io::Result<()> {
    if caption {
        writeln!(out, "\n{}", form.title)?;
    }
    for row in form.header_grid().into_iter().chain(form.body_grid()) {
        let cells: Vec<&str> = row.iter().map(|p| origin_text(p.as_ref())).collect();
        writeln!(out, "{}", cells.join("\t"))?;
    }
    Ok(())
}

fn origin_text<'f>(place: Option<&Placed<'f>>) -> &'f str {
    match place {
        Some(p) if p.top && p.left => &p.cell.text,
        _ => "",
    }
}

fn centred(text: &str) -> String {
    let width = text.width();
    let pad = LINE.saturating_sub(width) / 2;
    format!("{}{text}", " ".repeat(pad))
}

fn right_aligned(text: &str) -> String {
    let pad = (LINE - SIGNATURE_MARGIN).saturating_sub(text.width());
    format!("{}{text}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn centring_counts_display_columns() {
        // 10 full-width characters are 20 columns: (56 - 20) / 2 = 18 spaces.
        assert_eq!(
            centred("信息公开工作年度报告"),
            format!("{}信息公开工作年度报告", " ".repeat(18))
        );
        assert_eq!(
            right_aligned("2020年10月29日").width(),
            LINE - SIGNATURE_MARGIN
        );
    }
}
