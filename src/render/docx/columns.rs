//! How a Word table's width is shared among its columns.
//!
//! Word keeps the widths it is given, so they decide how tall a table is: a column of links
//! squeezed to eight characters wraps every address over five lines, and a checklist appendix
//! of 50 rows runs to ten pages. The widths are chosen here from the cells themselves, by
//! estimating how each cell wraps (Chinese at any character, Latin text at spaces and after
//! the slashes of an address, a word too long for its line at any character, as LibreOffice and
//! Word do) and handing out the room so that the rows take as few lines as they can.

use unicode_width::UnicodeWidthChar;

use super::page::TEXT_WIDTH;
use crate::compose::report;

/// A column is centred, and kept at its natural width, when none of its cells is wider than
/// this, in display columns (numbers, statuses, short codes).
pub(super) const SHORT_CELL: usize = 8;
/// Half a character of table text in twips (12 pt characters): one display column.
const HALF_WIDTH: usize = 120;
/// What a cell needs beside its text, in twips: Word's default cell margins (2 × 108) and a
/// little room.
const CELL_PADDING: usize = 300;
/// No column's natural width counts more than this many display columns.
const WIDEST_COLUMN: usize = 40;
/// A wide column is never narrower than this many display columns (two characters).
const NARROWEST: usize = 4;
/// How many rows the estimate looks at: enough to see what a table holds, few enough that a
/// table of ten thousand rows costs no more.
const SAMPLED_ROWS: usize = 400;

/// Column widths in twips, adding up to the text block.
///
/// A column's natural width is the display width of its widest cell, at least its heading's
/// and at most [`WIDEST_COLUMN`]. Narrow columns ([`SHORT_CELL`] or less) get exactly their
/// natural width, so that they do not wrap a character to a line. The wide ones share what is
/// left ([`share`]). If every column is narrow, or the narrow ones alone fill the page, all
/// share the width in proportion to their natural widths.
pub(super) fn column_widths(table: &report::Table) -> Vec<usize> {
    let count = table.columns.len();
    let rows = table.rows.len().min(SAMPLED_ROWS);
    // Every sampled cell of column `i`, the heading first.
    let cells = |i: usize| -> Vec<&str> {
        let heading = table.columns.get(i).map_or("", String::as_str);
        let body = table.rows[..rows]
            .iter()
            .map(move |row| row.get(i).map_or("", String::as_str));
        std::iter::once(heading).chain(body).collect()
    };
    let natural: Vec<usize> = (0..count)
        .map(|i| {
            let widest = cells(i).iter().map(|c| width(c)).max().unwrap_or(0);
            widest.clamp(2, WIDEST_COLUMN)
        })
        .collect();
    let text = usize::try_from(TEXT_WIDTH).unwrap_or_default();
    let fixed = |columns: usize| columns * HALF_WIDTH + CELL_PADDING;
    let narrow: usize = natural
        .iter()
        .filter(|n| **n <= SHORT_CELL)
        .map(|n| fixed(*n))
        .sum();
    let wide: Vec<usize> = (0..count).filter(|i| natural[*i] > SHORT_CELL).collect();
    let room = text.saturating_sub(narrow + wide.len() * CELL_PADDING) / HALF_WIDTH;
    if wide.is_empty() || narrow * 2 > text || room < wide.len() * NARROWEST {
        let total: usize = natural.iter().sum();
        return natural.iter().map(|n| text * n / total.max(1)).collect();
    }
    let cells: Vec<Vec<&str>> = wide.iter().map(|i| cells(*i)).collect();
    let shares = share(&cells, room);
    let mut widths: Vec<usize> = natural.iter().map(|n| fixed(*n)).collect();
    for (i, columns) in wide.iter().zip(&shares) {
        widths[*i] = fixed(*columns);
    }
    // What rounding to whole display columns leaves goes to the first wide column.
    let given: usize = widths.iter().sum();
    widths[wide[0]] += text.saturating_sub(given);
    widths
}

/// Shares `room` display columns among columns whose cells are `cells` (one list per column,
/// row by row, the heading first), so that the rows take as few lines as they can: a row is as
/// tall as its tallest cell. Each column starts wide enough for its heading on one line (when
/// the room allows that for all; else at [`NARROWEST`]), so that no heading is broken as
/// 公开网址或渠 / 道; then, as long as room is left, the
/// column that saves the most lines for the room it takes gets it (looking as far ahead as
/// the room allows, since a link saves a line only when a whole part of it fits). When no
/// more room saves a line, the rest goes in proportion to the widest cells.
fn share(cells: &[Vec<&str>], room: usize) -> Vec<usize> {
    let headings: Vec<usize> = cells
        .iter()
        .map(|c| c.first().map_or(0, |h| width(h)).max(NARROWEST))
        .collect();
    let mut columns = if headings.iter().sum::<usize>() <= room {
        headings
    } else {
        vec![NARROWEST; cells.len()]
    };
    let rows = cells.first().map_or(0, Vec::len);
    // lines[k][r] at width w: memoised per column and width.
    let mut memo: Vec<std::collections::HashMap<usize, Vec<usize>>> =
        vec![std::collections::HashMap::new(); cells.len()];
    let mut lines_of = |k: usize, w: usize| -> Vec<usize> {
        memo[k]
            .entry(w)
            .or_insert_with(|| cells[k].iter().map(|c| lines(c, w)).collect())
            .clone()
    };
    let total = |per_column: &[Vec<usize>]| -> usize {
        (0..rows)
            .map(|r| per_column.iter().map(|l| l[r]).max().unwrap_or(1))
            .sum()
    };
    let mut left = room.saturating_sub(columns.iter().sum());
    loop {
        let now: Vec<Vec<usize>> = (0..cells.len()).map(|k| lines_of(k, columns[k])).collect();
        let before = total(&now);
        // (saved, spent, column): the best saving per display column spent.
        let mut best: Option<(usize, usize, usize)> = None;
        for k in 0..cells.len() {
            let mut tried = now.clone();
            for spent in (2..=left).step_by(2) {
                tried[k] = lines_of(k, columns[k] + spent);
                let saved = before - total(&tried).min(before);
                if saved > 0 {
                    let better = best.is_none_or(|(s, c, _)| saved * c > s * spent);
                    if better {
                        best = Some((saved, spent, k));
                    }
                    break;
                }
            }
        }
        let Some((_, spent, k)) = best else { break };
        columns[k] += spent;
        left -= spent;
    }
    let widest: Vec<usize> = cells
        .iter()
        .map(|c| c.iter().map(|t| width(t)).max().unwrap_or(0))
        .collect();
    let sum: usize = widest.iter().sum();
    let extra: Vec<usize> = widest.iter().map(|w| left * w / sum.max(1)).collect();
    for (column, extra) in columns.iter_mut().zip(extra) {
        *column += extra;
    }
    columns
}

/// The display width of a cell's text.
fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// How many lines `text` takes in a column `columns` display columns wide (at least one).
///
/// A Chinese character can start a line anywhere; a Latin word only after a space or after the
/// `/`, `?`, `&` or `-` of an address, unless it is longer than the line, when it breaks
/// anywhere.
fn lines(text: &str, columns: usize) -> usize {
    let columns = columns.max(1);
    let mut lines = 1;
    let mut used = 0;
    let mut word = 0;
    let place = |used: &mut usize, lines: &mut usize, piece: usize| {
        if *used + piece <= columns {
            *used += piece;
        } else if piece <= columns {
            *lines += 1;
            *used = piece;
        } else {
            // Too long for any line: it starts a line of its own and fills lines.
            if *used > 0 {
                *lines += 1;
            }
            *lines += (piece - 1) / columns;
            *used = piece - (piece - 1) / columns * columns;
        }
    };
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if w >= 2 || c == ' ' {
            place(&mut used, &mut lines, word);
            word = 0;
            place(&mut used, &mut lines, w);
        } else {
            word += w;
            if matches!(c, '/' | '?' | '&' | '-' | '、' | '，') {
                place(&mut used, &mut lines, word);
                word = 0;
            }
        }
    }
    place(&mut used, &mut lines, word);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: &[&str], rows: &[&[&str]]) -> report::Table {
        report::Table {
            title: String::new(),
            columns: columns.iter().map(|c| (*c).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| (*c).to_owned()).collect())
                .collect(),
        }
    }

    #[test]
    fn columns_share_the_text_block_by_content() {
        let long = "很".repeat(50);
        let widths = column_widths(&table(&["编号", "事项"], &[&["1", &long]]));
        let text = usize::try_from(TEXT_WIDTH).unwrap();
        assert_eq!(widths.iter().sum::<usize>(), text);
        // 编号 keeps room for its heading on one line, 事项 has the rest.
        assert_eq!(widths[0], 4 * HALF_WIDTH + CELL_PADDING, "{widths:?}");
        let numbers = table(&["项目", "件数"], &[&["收到", "0"]]);
        assert_eq!(column_widths(&numbers), [4422, 4422]);
        assert!(column_widths(&table(&[], &[])).is_empty());
    }

    #[test]
    fn a_column_of_links_is_not_squeezed_by_its_prose_neighbours() {
        let link = "https://xxgk.example.edu.cn/xxgk/05.htm";
        let item = "学校发展规划、年度工作计划及重点工作安排";
        let rows: Vec<[&str; 6]> = (0..20)
            .map(|_| ["5", "一、基本信息", item, "已公开", link, ""])
            .collect();
        let rows: Vec<&[&str]> = rows.iter().map(|r| &r[..]).collect();
        let headings = ["编号", "类别", "事项", "公开情况", "公开网址或渠道", "说明"];
        let widths = column_widths(&table(&headings, &rows));
        let columns = |twips: usize| (twips - CELL_PADDING) / HALF_WIDTH;
        // Shared by natural width (the link column capped), the link took five lines. Here no
        // cell takes more than three: the most the 42 columns left by the narrow ones allow.
        assert!(lines(link, columns(widths[4])) <= 3, "{widths:?}");
        assert!(lines(item, columns(widths[2])) <= 3, "{widths:?}");
        assert!(lines("一、基本信息", columns(widths[1])) <= 3, "{widths:?}");
        // Every heading on one line.
        for (heading, width) in headings.iter().zip(&widths) {
            assert_eq!(
                lines(heading, columns(*width)),
                1,
                "{heading} in {widths:?}"
            );
        }
    }

    #[test]
    fn wrapping_is_estimated_as_word_processors_wrap() {
        assert_eq!(lines("", 10), 1);
        assert_eq!(lines("很很很很很", 10), 1);
        assert_eq!(lines("很很很很很很", 10), 2);
        // An address breaks after its slashes, a long host anywhere.
        assert_eq!(lines("https://a.cn/xxgk/1.htm", 14), 2);
        assert_eq!(lines("https://a.cn/xxgk/1.htm", 12), 3);
        assert_eq!(lines("https://xxgk.example.edu.cn/", 10), 3);
        assert_eq!(lines("https://xxgk.example.edu.cn/xxgk/05.htm", 18), 3);
    }
}
