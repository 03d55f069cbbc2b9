//! Report → plain text in the style of a Chinese official document (GB/T 9704).
//!
//! The title is centred on a 28-character line; every paragraph and heading starts with two
//! full-width spaces and is one line (no hard wrapping: the text is pasted into Word or a CMS,
//! which wrap it themselves); the signature and date are right-aligned. No markup. Tables (the
//! checklist appendix, after the signature as 附件 are in official documents) are one row per
//! line, cells separated by tabs, which Word and Excel turn into a table on paste.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use crate::compose::report::{Block, Report, Table};

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
    writeln!(out, "{}\n", centred(&report.title))?;
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
            }
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", right_aligned(&report.signature.signer))?;
    writeln!(out, "{}", right_aligned(&report.signature.date))?;
    for table in &report.appendix {
        write_table(out, table)?;
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
    writeln!(out, "{}", table.columns.join("\t"))?;
    for row in &table.rows {
        writeln!(out, "{}", row.join("\t"))?;
    }
    Ok(())
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
