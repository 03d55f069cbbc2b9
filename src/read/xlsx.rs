//! Excel workbooks (`.xlsx`, and old `.xls`) → rows of the model.
//!
//! Departments keep their figures in Excel; saving a CSV from it is one more step to get wrong
//! (the encoding, the separator), so a workbook can be submitted as it is. Each worksheet is one
//! table, read exactly like a CSV file: the first non-blank row is the header (see
//! [`super::header`]), every later non-blank row is a row of the model, built by the same code
//! (see [`super::cells`]). Empty sheets and instruction sheets (说明, 填写说明, instructions,
//! README) are skipped, so a template can carry its own instructions.
//!
//! Sheets are streamed row by row ([`super::workbook`]), so a sheet of a hundred thousand
//! events costs no more memory than one of ten, and a stray value far from the table costs one
//! cell. The table spans the columns of its header, from its first named cell to its last; a
//! value outside them is not read and is reported at its cell (D117). Merged cells inside the
//! table leave every cell but the first empty: each merged range is one finding (D118), and the
//! empty cells it covers are not reported again one by one.
//!
//! Cells keep their place in the sheet (`宣传部.xlsx[Sheet1]!C7`). Typed values are written out
//! as a department would have typed them (see [`super::workbook`]); an error value (`#N/A`) is
//! reported where it is read. A file that is not a workbook Excel could have written is one
//! syntax finding, not a failure of the run.

use std::borrow::Cow;
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;

use calamine::Dimensions;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::Problem;
use crate::model::location::{Location, Position};
use crate::model::submission::Department;
use crate::model::year::Period;
use crate::read::cells::{self, Cell, CellRow, Cells};
use crate::read::events::EventSink;
use crate::read::header::Header;
use crate::read::workbook::{self, SheetRow, Span, Workbook};

/// Reads one workbook into `department`: every worksheet that is not empty or instructions.
///
/// Only a file that cannot be read at all is an [`Error`]; whatever goes wrong inside the
/// workbook is a finding.
pub(crate) fn read(
    file: &Arc<Path>,
    period: Period,
    diags: &mut Diagnostics,
    department: &mut Department,
) -> Result<(), Error> {
    let Some(mut book) = Workbook::open(file, diags)? else {
        return Ok(());
    };
    let mut events = EventSink::new(period);
    let mut rows = 0;
    let mut unread = false;
    for name in book.tables() {
        let mut found = Diagnostics::new();
        let mut sheet = Sheet {
            file,
            name: &name,
            table: None,
            rows: 0,
            unread: false,
        };
        let read = book.rows(&name, |row| {
            sheet.row(row, &mut found, department, &mut events)
        });
        if let Err(message) = read {
            let problem = Problem::BadWorkbook {
                message: format!("sheet `{name}`: {message}"),
            };
            found.push(problem, Location::file(file));
            sheet.unread = true;
        }
        let merged = match &sheet.table {
            Some((_, span, top)) => merged_in(book.merged(&name), *span, *top),
            None => Vec::new(),
        };
        report_merged(file, &name, &merged, &found, diags);
        rows += sheet.rows;
        unread |= sheet.unread;
    }
    events.finish_file(diags);
    if rows == 0 && !unread {
        diags.push(Problem::EmptyFile, Location::file(file));
    }
    Ok(())
}

/// One worksheet being read.
struct Sheet<'a> {
    /// The workbook.
    file: &'a Arc<Path>,
    /// The sheet's name, as its tab shows it.
    name: &'a str,
    /// The table's header, the columns it spans and its row, once read.
    table: Option<(Header, Span, u32)>,
    /// Data rows read.
    rows: usize,
    /// Whether the sheet could not be read as a table (reported).
    unread: bool,
}

impl Sheet<'_> {
    /// Reads one row that is not blank: the header, or a data row under it.
    fn row(
        &mut self,
        row: &SheetRow<'_>,
        diags: &mut Diagnostics,
        department: &mut Department,
        events: &mut EventSink,
    ) -> ControlFlow<()> {
        let Some((header, span, _)) = &self.table else {
            let Some(span) = row.extent() else {
                return ControlFlow::Continue(());
            };
            let names = span.names(row);
            let at = |i: usize| workbook::cell(self.file, self.name, row.row(), span.column(i));
            let Some(header) = Header::read(&names, at, diags) else {
                self.unread = true;
                return ControlFlow::Break(());
            };
            self.table = Some((header, span, row.row()));
            return ControlFlow::Continue(());
        };
        let span = *span;
        for column in span.outside(row) {
            let problem = Problem::CellOutsideTable {
                columns: span.letters(),
                more: 0,
            };
            diags.push(
                problem,
                workbook::cell(self.file, self.name, row.row(), column),
            );
        }
        if !span.touches(row) {
            // Only stray values, reported above: no row of the table.
            return ControlFlow::Continue(());
        }
        self.rows += 1;
        let cells = SheetCells {
            file: self.file,
            sheet: self.name,
            row,
            span,
        };
        let row = CellRow {
            cells,
            header,
            diags,
        };
        cells::read(row, department, events);
        ControlFlow::Continue(())
    }
}

/// The merged ranges that reach into a table: into its header row or below it, and into its
/// columns (a title merged above the header is no part of it).
fn merged_in(ranges: Vec<Dimensions>, span: Span, top: u32) -> Vec<Dimensions> {
    ranges
        .into_iter()
        .filter(|r| r.end.0 >= top && r.start.1 <= span.last && r.end.1 >= span.first)
        .filter(|r| r.start != r.end)
        .collect()
}

/// Moves a sheet's findings into `diags`, each merged range as one finding instead of one for
/// each empty cell it covers.
fn report_merged(
    file: &Arc<Path>,
    sheet: &str,
    merged: &[Dimensions],
    found: &Diagnostics,
    diags: &mut Diagnostics,
) {
    let covered = |location: &Location| match &location.position {
        Position::Cell {
            sheet: s,
            row,
            column,
        } if s == sheet => merged.iter().any(|r| {
            (r.start.0..=r.end.0).contains(row)
                && (r.start.1..=r.end.1).contains(column)
                && (*row, *column) != r.start
        }),
        _ => false,
    };
    for d in found {
        if !d.location.as_ref().is_some_and(covered) {
            diags.push(d.problem.clone(), d.location.clone());
        }
    }
    for range in merged {
        let problem = Problem::MergedCells {
            range: workbook::range_name(range),
        };
        diags.push(
            problem,
            workbook::cell(file, sheet, range.start.0, range.start.1),
        );
    }
}

/// The cells of one row of a sheet, under its table's header.
struct SheetCells<'a> {
    /// The workbook.
    file: &'a Arc<Path>,
    /// The sheet's name.
    sheet: &'a str,
    /// The row.
    row: &'a SheetRow<'a>,
    /// The table's columns.
    span: Span,
}

impl Cells for SheetCells<'_> {
    fn cell(&self, index: usize) -> Option<Cell<'_>> {
        if index >= self.span.width() {
            return None;
        }
        let cell = self.row.get(self.span.column(index))?;
        Some(if cell.error {
            Cell::Error(cell.text.to_owned())
        } else {
            Cell::Text(Cow::Borrowed(cell.text))
        })
    }

    fn at(&self, index: usize) -> Location {
        workbook::cell(
            self.file,
            self.sheet,
            self.row.row(),
            self.span.column(index),
        )
    }
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

    use crate::check::testing::{Year, ids};
    use crate::model::submission::Number;

    /// A cell to write.
    enum V<'a> {
        /// Text.
        S(&'a str),
        /// A number.
        N(f64),
        /// A date cell (year, month, day), formatted as a date.
        D(u16, u8, u8),
        /// A formula whose cached result is an error value.
        E(&'a str),
        /// A boolean.
        B(bool),
    }

    use V::{B, D, E, N, S};

    /// A sheet to write: its name, its top-left cell (row, column, 0-based) and its rows.
    type Sheet<'a> = (&'a str, (u32, u16), &'a [&'a [V<'a>]]);

    /// A workbook of sheets.
    fn book(sheets: &[Sheet]) -> Vec<u8> {
        let mut workbook = Workbook::new();
        let date = Format::new().set_num_format("yyyy-mm-dd");
        for (name, (top, left), rows) in sheets {
            let sheet = workbook.add_worksheet();
            sheet.set_name(*name).unwrap();
            for (r, cells) in (*top..).zip(rows.iter()) {
                for (c, value) in (*left..).zip(cells.iter()) {
                    match value {
                        S("") => {}
                        S(s) => drop(sheet.write_string(r, c, *s).unwrap()),
                        N(n) => drop(sheet.write_number(r, c, *n).unwrap()),
                        D(y, m, d) => {
                            let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                            sheet.write_datetime_with_format(r, c, &day, &date).unwrap();
                        }
                        E(e) => {
                            let formula = Formula::new("=NA()").set_result(*e);
                            sheet.write_formula(r, c, formula).unwrap();
                        }
                        B(b) => drop(sheet.write_boolean(r, c, *b).unwrap()),
                    }
                }
            }
        }
        workbook.save_to_buffer().unwrap()
    }

    const HEADER: &[V] = &[S("渠道"), S("类别"), S("数量"), S("单位")];

    #[test]
    fn a_bad_count_is_reported_at_its_cell() {
        let bytes = book(&[(
            "Sheet1",
            (0, 0),
            &[
                HEADER,
                &[S("学校主页"), S("要闻"), N(884.0), S("条")],
                &[S("官方微信"), S("信息"), N(-5.0), S("条")],
            ],
        )]);
        let found = Year::new().bytes("宣传部.xlsx", &bytes).read();
        assert_eq!(ids(&found), ["D105"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.xlsx[Sheet1]!C3");
        assert_eq!(found.message(0), "`数量` cannot be negative: `-5`");
    }

    #[test]
    fn cells_keep_their_place_when_the_table_does_not_start_at_a1() {
        let bytes = book(&[(
            "数量",
            (2, 1),
            &[
                HEADER,
                &[S(""), S(""), S(""), S("")],
                &[S("学校主页"), S("要闻"), S("abc"), S("条")],
                &[S("官方微信"), S("信息"), N(-5.0), S("条")],
            ],
        )]);
        let found = Year::new().bytes("宣传部.xlsx", &bytes).read();
        assert_eq!(ids(&found), ["D105", "D105"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.xlsx[数量]!D5");
        assert_eq!(found.at(1), "宣传部.xlsx[数量]!D6");
    }

    #[test]
    fn numbers_read_the_same_typed_as_numbers_or_as_text() {
        let values = |rows: &[&[V]]| {
            let year = Year::new().bytes("宣传部.xlsx", &book(&[("Sheet1", (0, 0), rows)]));
            let (subs, diags) = year.load();
            assert!(diags.is_empty(), "{}", year.read().dump());
            subs.figures()
                .map(|(_, f)| match &f.number {
                    Number::Given(c) => (c.value.value, c.value.text.clone()),
                    other => panic!("{other:?}"),
                })
                .collect::<Vec<_>>()
        };
        let typed = values(&[
            HEADER,
            &[S("学校主页"), S("信息"), N(1481.0), S("条")],
            &[S("学校主页"), S("要闻"), N(0.0), S("条")],
        ]);
        let text = values(&[
            HEADER,
            &[S("学校主页"), S("信息"), S("1481"), S("条")],
            &[S("学校主页"), S("要闻"), S("0"), S("条")],
        ]);
        assert_eq!(typed, [(1481, "1481".to_owned()), (0, "0".to_owned())]);
        assert_eq!(typed, text);
        let fraction = book(&[(
            "Sheet1",
            (0, 0),
            &[HEADER, &[S("学校主页"), S("信息"), N(2.5), S("条")]],
        )]);
        let found = Year::new().bytes("宣传部.xlsx", &fraction).read();
        assert_eq!(ids(&found), ["D105"]);
        assert_eq!(found.message(0), "`数量` must be a whole number: `2.5`");
    }

    #[test]
    fn date_cells_read_as_dates() {
        let bytes = book(&[
            (
                "数量",
                (0, 0),
                &[
                    &[S("渠道"), S("类别"), S("数量"), S("单位"), S("来源")],
                    &[S("官方微信"), S("推文"), S(""), S("条"), S("事件")],
                ],
            ),
            (
                "事件",
                (0, 0),
                &[
                    &[S("日期"), S("渠道"), S("类别")],
                    &[D(2020, 3, 1), S("官方微信"), S("推文")],
                    &[S("2020/3/2"), S("官方微信"), S("推文")],
                    &[D(2021, 3, 1), S("官方微信"), S("推文")],
                ],
            ),
        ]);
        let year = Year::new().bytes("宣传部.xlsx", &bytes);
        let found = year.read();
        assert_eq!(ids(&found), ["D402"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.xlsx[事件]!A4");
        assert!(
            found.message(0).starts_with("2021-03-01 "),
            "{}",
            found.message(0)
        );
        let (subs, _) = year.load();
        let (department, figure) = subs.figures().next().unwrap();
        assert_eq!(department.value_of(figure), Some(2));
    }

    #[test]
    fn checklist_sheets_and_flags_read_from_typed_cells() {
        let bytes = book(&[
            (
                "数量",
                (0, 0),
                &[
                    &[
                        S("渠道"),
                        S("类别"),
                        S("数量"),
                        S("单位"),
                        S("上级"),
                        S("分项不全"),
                    ],
                    &[S("学校主页"), S("信息"), N(1481.0), S("条"), S(""), B(true)],
                    &[
                        S("学校主页"),
                        S("要闻"),
                        N(884.0),
                        S("条"),
                        S("信息"),
                        B(false),
                    ],
                ],
            ),
            (
                "清单",
                (0, 0),
                &[
                    &[S("事项"), S("状态"), S("链接"), S("公开日期")],
                    &[
                        N(21.0),
                        S("已公开"),
                        S("https://a.edu.cn/21"),
                        D(2020, 3, 1),
                    ],
                ],
            ),
        ]);
        let year = Year::new().bytes("财务处.xlsx", &bytes);
        let (subs, diags) = year.load();
        assert!(diags.is_empty(), "{}", year.read().dump());
        let partial: Vec<bool> = subs.figures().map(|(_, f)| f.partial).collect();
        assert_eq!(partial, [true, false]);
        let disclosure = &subs.departments[0].disclosures[0];
        assert_eq!(disclosure.item.value, "21");
        let published: Vec<String> = disclosure.published.iter().map(|d| d.to_string()).collect();
        assert_eq!(published, ["2020-03-01"]);
    }

    #[test]
    fn error_values_are_reported_where_they_are() {
        let bytes = book(&[(
            "Sheet1",
            (0, 0),
            &[HEADER, &[S("学校主页"), S("信息"), E("#N/A"), S("条")]],
        )]);
        let found = Year::new().bytes("宣传部.xlsx", &bytes).read();
        assert_eq!(ids(&found), ["D104"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.xlsx[Sheet1]!C2");
        assert!(found.message(0).contains("`#N/A`"), "{}", found.message(0));
    }

    #[test]
    fn instruction_and_empty_sheets_are_skipped() {
        let bytes = book(&[
            (
                "填写说明",
                (0, 0),
                &[&[S("请在“数量”表中填写本部门的数据。")]],
            ),
            ("README", (1, 1), &[&[S("Fill in the sheet 数量.")]]),
            ("空白", (0, 0), &[]),
            (
                "数量",
                (0, 0),
                &[HEADER, &[S("学校主页"), S("信息"), N(1481.0), S("条")]],
            ),
        ]);
        let year = Year::new().bytes("宣传部.xlsx", &bytes);
        let found = year.read();
        assert_eq!(ids(&found), Vec::<String>::new(), "{}", found.dump());
        assert_eq!(year.load().0.figures().count(), 1);
    }

    #[test]
    fn a_sheet_that_is_no_table_is_reported_at_its_header() {
        let bytes = book(&[("Sheet1", (0, 0), &[&[S("名称"), S("备注")], &[S("x")]])]);
        let found = Year::new().bytes("宣传部.xlsx", &bytes).read();
        assert_eq!(ids(&found), ["D102"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.xlsx[Sheet1]!A1");
    }

    #[test]
    fn a_workbook_without_rows_is_empty() {
        let bytes = book(&[("Sheet1", (0, 0), &[HEADER])]);
        let found = Year::new().bytes("宣传部.xlsx", &bytes).read();
        assert_eq!(ids(&found), ["D106"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.xlsx");
    }

    #[test]
    fn a_corrupt_workbook_is_one_syntax_finding() {
        let mut bytes = book(&[(
            "Sheet1",
            (0, 0),
            &[HEADER, &[S("学校主页"), S("信息"), N(1481.0), S("条")]],
        )]);
        for (name, bytes) in [
            ("not a zip", b"PK\x03\x04 not really a workbook".to_vec()),
            ("empty", Vec::new()),
            ("truncated", bytes.split_off(bytes.len() / 2)),
        ] {
            let found = Year::new().bytes("宣传部.xlsx", &bytes).read();
            assert_eq!(ids(&found), ["D101"], "{name}: {}", found.dump());
            assert_eq!(found.at(0), "宣传部.xlsx", "{name}");
            assert!(
                found
                    .message(0)
                    .starts_with("cannot open the Excel workbook"),
                "{name}: {}",
                found.message(0)
            );
        }
    }

    #[test]
    fn a_value_far_from_the_table_is_one_finding_at_its_cell_and_costs_one_cell() {
        for (row, column, cell) in [
            (1_048_575, 16_383, "XFD1048576"),
            (1_048_575, 99, "CV1048576"),
            (99_999, 701, "ZZ100000"),
        ] {
            let mut workbook = Workbook::new();
            let sheet = workbook.add_worksheet();
            sheet.set_name("Sheet1").unwrap();
            for (c, text) in (0u16..).zip(["渠道", "类别", "数量", "单位"]) {
                sheet.write_string(0, c, text).unwrap();
            }
            for (c, text) in (0u16..).zip(["学校主页", "信息", "1481", "条"]) {
                sheet.write_string(1, c, text).unwrap();
            }
            sheet.write_number(row, column, 7.0).unwrap();
            let bytes = workbook.save_to_buffer().unwrap();
            let year = Year::new().bytes("宣传部.xlsx", &bytes);
            let found = year.read();
            assert_eq!(ids(&found), ["D117"], "{cell}: {}", found.dump());
            assert_eq!(found.at(0), format!("宣传部.xlsx[Sheet1]!{cell}"));
            assert!(
                found.message(0).contains("columns A–D"),
                "{}",
                found.message(0)
            );
            assert_eq!(year.load().0.figures().count(), 1, "{cell}");
        }
    }

    #[test]
    fn values_beside_the_table_are_reported_and_the_row_is_still_read() {
        let bytes = book(&[(
            "Sheet1",
            (0, 1),
            &[
                &[S("渠道"), S("类别"), S("数量"), S("单位")],
                &[
                    S("学校主页"),
                    S("信息"),
                    N(1481.0),
                    S("条"),
                    S(""),
                    S("备注"),
                ],
            ],
        )]);
        let found = Year::new().bytes("宣传部.xlsx", &bytes).read();
        assert_eq!(ids(&found), ["D117"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.xlsx[Sheet1]!G2");
        assert!(found.message(0).contains("columns B–E"));
    }

    #[test]
    fn merged_cells_in_a_table_are_one_finding_per_range() {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Sheet1").unwrap();
        sheet
            .merge_range(0, 0, 0, 3, "2020年宣传部数据", &Format::new())
            .unwrap();
        for (c, text) in (0u16..).zip(["渠道", "类别", "数量", "单位"]) {
            sheet.write_string(1, c, text).unwrap();
        }
        sheet
            .merge_range(2, 0, 4, 0, "学校主页", &Format::new())
            .unwrap();
        for (r, item) in (2u32..).zip(["信息", "要闻", "通知公告"]) {
            sheet.write_string(r, 1, item).unwrap();
            sheet.write_number(r, 2, 5.0).unwrap();
            sheet.write_string(r, 3, "条").unwrap();
        }
        let bytes = workbook.save_to_buffer().unwrap();
        let found = Year::new().bytes("宣传部.xlsx", &bytes).read();
        // The title merged above the table is its own row, read as the header: the table must
        // start at its header.
        assert_eq!(ids(&found), ["D102"], "{}", found.dump());
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Sheet1").unwrap();
        for (c, text) in (0u16..).zip(["渠道", "类别", "数量", "单位"]) {
            sheet.write_string(0, c, text).unwrap();
        }
        sheet
            .merge_range(1, 0, 3, 0, "学校主页", &Format::new())
            .unwrap();
        sheet.merge_range(4, 3, 5, 3, "条", &Format::new()).unwrap();
        for (r, item) in (1u32..).zip(["信息", "要闻", "通知公告", "动态", "专题"]) {
            sheet.write_string(r, 1, item).unwrap();
            sheet.write_number(r, 2, 5.0).unwrap();
        }
        sheet.write_string(4, 0, "官方微信").unwrap();
        sheet.write_string(5, 0, "官方微博").unwrap();
        let bytes = workbook.save_to_buffer().unwrap();
        let year = Year::new().bytes("宣传部.xlsx", &bytes);
        let found = year.read();
        assert_eq!(ids(&found), ["D118", "D118"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.xlsx[Sheet1]!A2");
        assert_eq!(
            found.message(0),
            "cells A2:A4 are merged: only the first holds the value and the others read as empty, so their rows lack it; unmerge the cells and fill the value into each of them"
        );
        assert_eq!(found.at(1), "宣传部.xlsx[Sheet1]!D5");
        // The rows whose channel is under the merge are not read: nothing says what they are.
        assert_eq!(year.load().0.figures().count(), 3);
    }
}
