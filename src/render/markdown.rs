//! Report → `CommonMark`.
//!
//! Parts are `##` headings and sub-parts `###`; a numbered run-in title is bold at the start of
//! its paragraph. Paragraphs are single lines: Chinese must not be hard-wrapped, since a line
//! break inside a paragraph becomes a space in most Markdown renderers. Text is escaped, so a
//! submitted `*` or `<` prints as itself.

use std::io::{self, Write};

use super::pieces;
use super::side_by_side::{self, Shown};
use crate::compose::compare::{Comparison, Section};
use crate::compose::report::{Block, Form, Report, Table};

/// Writes the report as Markdown.
pub(crate) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_title(out, &report.title)?;
    if report.draft {
        writeln!(
            out,
            "\n> **草稿**：本稿含有待补充或待修正的内容，不可发布。"
        )?;
    }
    for paragraph in &report.preamble {
        writeln!(out, "\n{}", escape_start(paragraph))?;
    }
    for part in &report.parts {
        writeln!(
            out,
            "\n## {}{}",
            escape(&part.prefix),
            escape(&part.heading)
        )?;
        for block in &part.blocks {
            match block {
                Block::Heading { number, text } => {
                    writeln!(out, "\n### {number}{}", escape(text))?;
                }
                Block::Paragraph {
                    lead: Some(lead),
                    text,
                } => {
                    writeln!(out, "\n{}{}", bold_lead(lead), escape(text))?;
                }
                Block::Paragraph { lead: None, text } => {
                    writeln!(out, "\n{}", escape_start(text))?;
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
        // The attachment note ends the body, its lines held together by hard breaks.
        writeln!(
            out,
            "\n{}",
            note.iter()
                .map(|l| escape_start(l))
                .collect::<Vec<_>>()
                .join("\\\n")
        )?;
    }
    writeln!(out, "\n{}", escape_start(&report.signature.signer))?;
    writeln!(out, "\n{}", escape_start(&report.signature.date))?;
    for (i, table) in report.appendix.iter().enumerate() {
        writeln!(
            out,
            "\n---\n\n{}",
            pieces::attachment_label(i, report.appendix.len())
        )?;
        writeln!(out, "\n## {}", escape(pieces::attachment_title(table)))?;
        write_rows(out, table)?;
    }
    if !report.findings.is_empty() {
        writeln!(out, "\n## 待处理的问题\n")?;
        for finding in &report.findings {
            writeln!(out, "- {}", escape(finding))?;
        }
    }
    Ok(())
}

/// Writes a comparison: a title, a GitHub-style table per section (numbers right-aligned; of a
/// form, the cells that differ), and the summary line.
pub(crate) fn comparison(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "# {}", escape(&side_by_side::title(cmp)))?;
    for section in Section::ALL {
        let (rows, note) = match side_by_side::shown(cmp, section) {
            Shown::Nothing => continue,
            Shown::Line(line) => (Vec::new(), Some(line)),
            Shown::Table(rows, note) => (rows, note),
        };
        writeln!(out, "\n## {}", escape(section.title()))?;
        if !rows.is_empty() {
            let header = side_by_side::header(cmp);
            writeln!(out, "\n{}", table_row(&header))?;
            let rule: String = (0..header.len())
                .map(|i| {
                    if (side_by_side::FIRST_NUMBER..=side_by_side::LAST_NUMBER).contains(&i) {
                        " ---: |"
                    } else {
                        " --- |"
                    }
                })
                .collect();
            writeln!(out, "|{rule}")?;
            for row in rows {
                writeln!(out, "{}", table_row(&side_by_side::cells(cmp, row)))?;
            }
        }
        if let Some(note) = note {
            writeln!(out, "\n{}", escape_start(&note))?;
        }
    }
    writeln!(out, "\n{}", escape_start(&side_by_side::summary_line(cmp)))
}

/// The title as an ATX heading; a title with line breaks of its own as a setext heading, its
/// lines held together by hard breaks (a backslash at the end of a line).
fn write_title(out: &mut dyn Write, title: &str) -> io::Result<()> {
    let lines: Vec<String> = title
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_start)
        .collect();
    if lines.len() > 1 {
        writeln!(out, "{}\n===", lines.join("\\\n"))
    } else {
        writeln!(out, "# {}", escape(title.trim()))
    }
}

fn write_table(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    writeln!(out, "\n**{}**", escape(&table.title))?;
    write_rows(out, table)
}

/// A table's header and rows, after a blank line.
fn write_rows(out: &mut dyn Write, table: &Table) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "{}", table_row(&table.columns))?;
    writeln!(out, "|{}", " --- |".repeat(table.columns.len()))?;
    for cells in &table.rows {
        writeln!(out, "{}", table_row(cells))?;
    }
    Ok(())
}

/// A form as a GitHub-style table, cell for cell in its grid: a merged cell's text where it
/// starts, the places it covers left empty, as a printed form shows them. The first header row
/// is the table's header; the others follow it, in bold.
fn write_form(out: &mut dyn Write, form: &Form, caption: bool) -> io::Result<()> {
    if caption {
        writeln!(out, "\n**{}**", escape(&form.title))?;
    }
    writeln!(out)?;
    let text = |grid: Vec<Vec<Option<crate::compose::report::Placed<'_>>>>, bold: bool| {
        grid.into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|place| match place {
                        Some(p) if p.top && p.left && bold => {
                            format!("**{}**", escape(&p.cell.text))
                        }
                        Some(p) if p.top && p.left => escape(&p.cell.text),
                        _ => String::new(),
                    })
                    .collect::<Vec<String>>()
            })
            .collect::<Vec<_>>()
    };
    let header = text(form.header_grid(), true);
    let body = text(form.body_grid(), false);
    let width = form.width();
    let mut rows = header.into_iter();
    let first = rows.next().unwrap_or_else(|| vec![String::new(); width]);
    writeln!(out, "{}", raw_row(&first))?;
    let rule: String = (0..width)
        .map(|i| {
            if i < form.label_columns {
                " --- |"
            } else {
                " :---: |"
            }
        })
        .collect();
    writeln!(out, "|{rule}")?;
    for row in rows.chain(body) {
        writeln!(out, "{}", raw_row(&row))?;
    }
    Ok(())
}

/// A row of cells already escaped (`|` is escaped here).
fn raw_row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
    format!("| {} |", cells.join(" | "))
}

/// One row of a GitHub-style table, its cells escaped (`|` too).
fn table_row(cells: &[String]) -> String {
    let cells: Vec<String> = cells
        .iter()
        .map(|c| escape(c).replace('|', "\\|"))
        .collect();
    format!("| {} |", cells.join(" | "))
}

/// A run-in title in bold. Its closing full stop goes outside the `**`: `CommonMark` does not
/// close emphasis after punctuation when a letter follows, which is always the case in Chinese
/// (`**标题。**正文` shows its asterisks; `**标题**。正文` is bold).
fn bold_lead(lead: &str) -> String {
    let lead = lead.trim_end();
    let (title, stop) = match lead.chars().last() {
        Some(c) if matches!(c, '。' | '：' | '；' | '！' | '？' | '.') => {
            (&lead[..lead.len() - c.len_utf8()], c.to_string())
        }
        _ => (lead, String::new()),
    };
    format!("**{}**{stop}", escape(title.trim_end()))
}

/// Escapes characters Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// Escapes, and keeps a paragraph from opening as a list (`1. `, `- `, `+ `).
fn escape_start(text: &str) -> String {
    let escaped = escape(text);
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &escaped[..digits], &escaped[digits..]);
    }
    if escaped.starts_with(['-', '+']) {
        return format!("\\{escaped}");
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_in_titles_close_their_bold_before_the_full_stop() {
        assert_eq!(
            bold_lead("（一）加强组织领导。"),
            "**（一）加强组织领导**。"
        );
        assert_eq!(
            bold_lead("1. 招生信息公开情况："),
            "**1. 招生信息公开情况**："
        );
        assert_eq!(bold_lead("1. 标题"), "**1. 标题**");
    }

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape("a*b_c<d>[e]#"), "a\\*b\\_c\\<d\\>\\[e\\]\\#");
        assert_eq!(escape_start("1. 不是列表"), "1\\. 不是列表");
        assert_eq!(escape_start("- 不是列表"), "\\- 不是列表");
        assert_eq!(escape_start("2019-2020年度"), "2019-2020年度");
    }
}
