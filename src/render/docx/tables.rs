//! Tables and forms as Word tables: the width of the text block, single ½ pt borders, no row
//! split across pages, header rows that repeat at the top of every page.
//!
//! A table (the checklist) has one bold header row and columns shared by content; its links are
//! hyperlinks. A form (the State Council's tables 三 and 四) is laid out cell for cell as its
//! template prints it: merged header cells (`w:gridSpan`), labels merged down the side
//! (`w:vMerge`), in 五号 with narrow cell margins so that a number column holds its heading in
//! lines of two or three characters, and the label columns share what is left.

use docx_rs::{
    BorderType, BreakType, Docx, HeightRule, Run, Table, TableAlignmentType, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};
use unicode_width::UnicodeWidthStr;

use super::columns::{SHORT_CELL, column_widths};
use super::page::TEXT_WIDTH;
use super::styles::{FORM_TEXT, TABLE_HEADING, TABLE_TEXT};
use super::text::Writer;
use crate::compose::report::{self, Form};
use crate::render::pieces;

/// A header row is at least this tall, in twips (8 mm); no other row is given a height, which is
/// how [`super::package`] finds the header rows to mark as repeating.
pub(super) const HEADER_ROW_HEIGHT: u16 = 454;
/// Table borders: single lines of ½ pt (eighths of a point).
const BORDER_SIZE: usize = 4;
/// A form cell's left and right margins, in twips (1 mm).
const FORM_MARGIN: usize = 57;
/// One character of form text in twips (10.5 pt).
const FORM_CHAR: usize = 210;

/// Adds `table` to `docx`, unless it has no columns (Word cannot open a table row without
/// cells).
pub(super) fn add_table(w: &mut Writer, docx: Docx, table: &report::Table) -> Docx {
    if table.columns.is_empty() {
        docx
    } else {
        docx.add_table(self::table(w, table))
    }
}

/// A Word table: columns shared by content, a bold header row.
fn table(w: &mut Writer, table: &report::Table) -> Table {
    let widths = column_widths(table);
    let centred: Vec<bool> = (0..table.columns.len())
        .map(|i| {
            table
                .rows
                .iter()
                .all(|row| row.get(i).is_none_or(|c| c.width() <= SHORT_CELL))
        })
        .collect();
    let header = table
        .columns
        .iter()
        .zip(&widths)
        .map(|(text, width)| cell(w, text, *width, TABLE_HEADING, None))
        .collect();
    let mut rows = vec![header_row(header)];
    for cells in &table.rows {
        let cells = (0..table.columns.len())
            .map(|i| {
                let text = cells.get(i).map_or("", String::as_str);
                let align = (!centred[i]).then_some(docx_rs::AlignmentType::Left);
                let style = TABLE_TEXT;
                let mut c = cell(w, text, widths[i], style, align);
                if centred[i] {
                    c = centred_cell(w, text, widths[i], style);
                }
                c
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    finish(Table::new(rows), &widths)
}

/// A row marked as a header (by its height, see [`HEADER_ROW_HEIGHT`]).
fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells)
        .cant_split()
        .row_height(f32::from(HEADER_ROW_HEIGHT))
        .height_rule(HeightRule::AtLeast)
}

/// The table's grid, width, borders and place.
fn finish(table: Table, widths: &[usize]) -> Table {
    let border = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(BORDER_SIZE)
            .color("000000")
    };
    let borders = [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(TableBorders::new(), |borders, position| {
        borders.set(border(position))
    });
    table
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(TableAlignmentType::Center)
        .set_borders(borders)
}

/// One table cell, `width` twips wide, its text in `style` (aligned as `align` says, or as the
/// style does), vertically centred; links as hyperlinks.
fn cell(
    w: &mut Writer,
    text: &str,
    width: usize,
    style: &str,
    align: Option<docx_rs::AlignmentType>,
) -> TableCell {
    let mut paragraph = w.paragraph(style);
    if let Some(align) = align {
        paragraph = paragraph.align(align);
    }
    let paragraph = w.add_text(paragraph, text);
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(paragraph)
}

/// A cell of a short column (numbers, statuses): centred.
fn centred_cell(w: &mut Writer, text: &str, width: usize, style: &str) -> TableCell {
    cell(w, text, width, style, Some(docx_rs::AlignmentType::Center))
}

/// A form cell for cell: the header rows (repeated on every page), then the body, every merged
/// cell as Word merges cells: across with `w:gridSpan`, down with `w:vMerge`.
pub(super) fn form(w: &mut Writer, form: &Form) -> Table {
    let widths = form_widths(form);
    let mut rows = Vec::new();
    for (header, grid) in [(true, form.header_grid()), (false, form.body_grid())] {
        for places in grid {
            let mut cells = Vec::new();
            let mut column = 0;
            while column < places.len() {
                let Some(place) = places[column] else {
                    cells.push(cell(w, "", widths[column], FORM_TEXT, None));
                    column += 1;
                    continue;
                };
                let span = place.cell.columns.max(1).min(places.len() - column);
                let width: usize = widths[column..column + span].iter().sum();
                let label = !header && column < form.label_columns;
                let align = label.then_some(docx_rs::AlignmentType::Left);
                let text = if place.top {
                    place.cell.text.as_str()
                } else {
                    ""
                };
                let mut c = if header {
                    heading_cell(w, text, width)
                } else {
                    cell(w, text, width, FORM_TEXT, align)
                };
                if span > 1 {
                    c = c.grid_span(span);
                }
                if place.cell.rows > 1 {
                    c = c.vertical_merge(if place.top {
                        VMergeType::Restart
                    } else {
                        VMergeType::Continue
                    });
                }
                cells.push(c);
                column += span;
            }
            rows.push(if header {
                header_row(cells)
            } else {
                TableRow::new(cells).cant_split()
            });
        }
    }
    let margins = TableCellMargins::new()
        .margin_left(FORM_MARGIN, WidthType::Dxa)
        .margin_right(FORM_MARGIN, WidthType::Dxa);
    finish(Table::new(rows), &widths).margins(margins)
}

/// A form's heading cell: centred, its text on lines of two characters (商业/企业, 社会/公益/组织)
/// when it does not fit on one, rather than broken wherever the line ends (商业企/业).
fn heading_cell(w: &mut Writer, text: &str, width: usize) -> TableCell {
    let fits = width.saturating_sub(2 * FORM_MARGIN) / FORM_CHAR;
    let mut paragraph = w.paragraph(FORM_TEXT).align(docx_rs::AlignmentType::Center);
    for (i, line) in heading_lines(text, fits).iter().enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        paragraph = paragraph.add_run(run.add_text(line.as_str()));
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(paragraph)
}

/// A heading's lines in a cell that holds `fits` characters: one line when it fits, else its
/// words ([`pieces::heading_words`]) a line each.
fn heading_lines(text: &str, fits: usize) -> Vec<String> {
    if text.chars().count() <= fits.max(1) || fits < 2 {
        return vec![text.to_owned()];
    }
    pieces::heading_words(text)
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// A form's column widths in twips, adding up to the text block: every number column wide
/// enough for the widest number and for its heading in lines of two characters, the label
/// columns sharing the rest: the first two
/// (三、本年度办理结果 down the side, and the groups) narrow, the last the widest.
fn form_widths(form: &Form) -> Vec<usize> {
    let text = usize::try_from(TEXT_WIDTH).unwrap_or_default();
    let width = form.width();
    let numbers = width - form.label_columns;
    if numbers == 0 {
        return vec![text / width.max(1); width];
    }
    let widest_number = form
        .body
        .iter()
        .flat_map(|r| r.cells.iter().skip(r.cells.len().saturating_sub(numbers)))
        .map(|c| c.text.width())
        .max()
        .unwrap_or(1);
    // Characters a number column holds on a line: two (商业/企业), more for a long number,
    // which gets a spare character of room: a number must never wrap (300 over 1 reads as two
    // numbers), and a substitute font's digits may be wider than half a character.
    let chars = 2.max((widest_number + 2).div_ceil(2));
    let number = chars * FORM_CHAR + 2 * FORM_MARGIN + 20;
    let labels = text.saturating_sub(number * numbers);
    if form.label_columns == 0 || labels < form.label_columns * 2 * FORM_CHAR {
        return vec![text / width; width];
    }
    let mut widths = Vec::with_capacity(width);
    match form.label_columns {
        1 => widths.push(labels),
        n => {
            // Two characters for the side label, four for the groups, the rest for the grounds.
            let side = 2 * FORM_CHAR + 2 * FORM_MARGIN;
            let group = 4 * FORM_CHAR + 2 * FORM_MARGIN;
            let fixed = side + group * (n - 2);
            if fixed * 2 > labels {
                widths.extend(std::iter::repeat_n(labels / n, n));
            } else {
                widths.push(side);
                widths.extend(std::iter::repeat_n(group, n - 2));
                widths.push(labels - fixed);
            }
        }
    }
    widths.extend(std::iter::repeat_n(number, numbers));
    widths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::report::{FormCell, FormRow};

    fn form(label_columns: usize, numbers: usize) -> Form {
        let mut cells: Vec<FormCell> = (0..label_columns)
            .map(|_| FormCell::new("项", 1, 1))
            .collect();
        cells.extend((0..numbers).map(|_| FormCell::new("12", 1, 1)));
        Form {
            key: "f".to_owned(),
            title: String::new(),
            label_columns,
            header: vec![
                (0..label_columns + numbers)
                    .map(|_| FormCell::new("总计", 1, 1))
                    .collect(),
            ],
            body: vec![FormRow {
                key: "a".to_owned(),
                cells,
            }],
            columns: Vec::new(),
            rows: Vec::new(),
        }
    }

    #[test]
    fn form_columns_fill_the_block_with_numbers_never_one_character_wide() {
        for (labels, numbers) in [(3, 7), (0, 15)] {
            let widths = form_widths(&form(labels, numbers));
            let total: usize = widths.iter().sum();
            assert!(total <= 8845 && total > 8800, "{widths:?}");
            for width in &widths[labels..] {
                assert!(*width >= 2 * FORM_CHAR + 2 * FORM_MARGIN, "{widths:?}");
            }
        }
        let widths = form_widths(&form(3, 7));
        assert!(widths[2] > widths[1] && widths[1] > widths[0], "{widths:?}");
    }

    #[test]
    fn a_heading_too_long_for_its_cell_breaks_between_two_character_words() {
        assert_eq!(heading_lines("商业企业", 3), ["商业", "企业"]);
        assert_eq!(heading_lines("社会公益组织", 3), ["社会", "公益", "组织"]);
        assert_eq!(heading_lines("自然人", 3), ["自然人"]);
        assert_eq!(heading_lines("商业企业", 4), ["商业企业"]);
        assert_eq!(heading_lines("总计", 1), ["总计"]);
        assert_eq!(heading_lines("Total", 2), ["Total"]);
        let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
        assert_eq!(heading_lines(note, 12), [note]);
    }

    #[test]
    fn a_four_digit_number_has_room_to_spare_in_its_column() {
        let mut form = form(3, 7);
        for row in &mut form.body {
            let last = row.cells.len() - 1;
            row.cells[last].text = "3119".to_owned();
        }
        let widths = form_widths(&form);
        // Four digits are two characters; the column holds three, besides its margins.
        assert!(widths[3] >= 3 * FORM_CHAR + 2 * FORM_MARGIN, "{widths:?}");
    }
}
