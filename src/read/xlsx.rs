//! Excel workbooks (`.xlsx`) → rows of the model.
//!
//! Departments keep their figures in Excel; saving a CSV from it is one more step to get wrong
//! (the encoding, the separator), so a workbook can be submitted as it is. Each worksheet is one
//! table, read exactly like a CSV file: the first non-blank row is the header (see
//! [`super::header`]), every later non-blank row is a row of the model, built by the same code
//! (see [`super::cells`]). Empty sheets and instruction sheets (说明, 填写说明, instructions,
//! README) are skipped, so a template can carry its own instructions.
//!
//! Cells keep their place in the sheet (`宣传部.xlsx[Sheet1]!C7`), whatever the first used cell
//! of the sheet is. Typed values are written out as a department would have typed them: numbers
//! as their digits (`884`, never `884.0`), dates as `2020-03-01`, booleans as `true`/`false`; an
//! error value (`#N/A`) is reported where it is read. A file that is not a workbook Excel could
//! have written is one syntax finding, not a failure of the run.

use std::borrow::Cow;
use std::io::Cursor;
use std::path::Path;
use std::sync::Arc;

use calamine::{Data, ExcelDateTime, Range, Reader, SheetType, Xlsx};

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::Problem;
use crate::model::location::{Location, Position};
use crate::model::submission::Department;
use crate::model::year::Period;
use crate::read::cells::{self, Cell, CellRow, Cells};
use crate::read::events::EventSink;
use crate::read::header::Header;

/// Names of sheets that explain how to fill in a template, compared without case.
const INSTRUCTIONS: &[&str] = &["说明", "填写说明", "instructions", "readme"];

/// Reads one workbook into `department`: every worksheet that is not empty or instructions.
///
/// The file is read into memory first, so that only a file that cannot be read at all is an
/// [`Error`]; whatever goes wrong inside the workbook is a finding.
pub(crate) fn read(
    file: &Arc<Path>,
    period: Period,
    diags: &mut Diagnostics,
    department: &mut Department,
) -> Result<(), Error> {
    let bytes = std::fs::read(file).map_err(|source| Error::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let mut workbook = match Xlsx::new(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(e) => {
            let problem = Problem::BadWorkbook {
                message: e.to_string(),
            };
            diags.push(problem, Location::file(file));
            return Ok(());
        }
    };
    let names: Vec<String> = workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet && !is_instructions(&s.name))
        .map(|s| s.name.clone())
        .collect();
    let mut events = EventSink::new(period);
    let mut rows = 0;
    let mut unread = false;
    for name in names {
        let range = match workbook.worksheet_range(&name) {
            Ok(range) => range,
            Err(e) => {
                let problem = Problem::BadWorkbook {
                    message: format!("sheet `{name}`: {e}"),
                };
                diags.push(problem, Location::file(file));
                unread = true;
                continue;
            }
        };
        let sheet = Sheet {
            file,
            name: &name,
            range: &range,
        };
        match sheet.read(diags, department, &mut events) {
            Some(n) => rows += n,
            None => unread = true,
        }
    }
    events.finish_file(diags);
    if rows == 0 && !unread {
        diags.push(Problem::EmptyFile, Location::file(file));
    }
    Ok(())
}

/// A worksheet as text: each row's cells as the text a person would read in them.
pub(crate) struct SheetText {
    /// The sheet's name.
    pub(crate) name: String,
    /// The sheet column of each row's first cell, 0-based.
    pub(crate) first_column: u32,
    /// The rows.
    pub(crate) rows: Vec<RowText>,
}

/// One row of a [`SheetText`].
pub(crate) struct RowText {
    /// The row, 0-based, in the sheet.
    pub(crate) row: u32,
    /// The cells' texts (an error value reads as written).
    pub(crate) cells: Vec<String>,
}

impl SheetText {
    /// Where cell `index` of a row is.
    pub(crate) fn at(&self, file: &Arc<Path>, row: u32, index: usize) -> Location {
        let offset = u32::try_from(index).unwrap_or(u32::MAX);
        Location {
            file: Arc::clone(file),
            position: Position::Cell {
                sheet: self.name.clone(),
                row,
                column: self.first_column.saturating_add(offset),
            },
        }
    }
}

/// The first worksheet of a workbook that is not instructions, as text (for platform exports,
/// which are one table); `None`, reported, when the workbook cannot be read or has no sheet.
pub(crate) fn first_sheet(
    file: &Arc<Path>,
    diags: &mut Diagnostics,
) -> Result<Option<SheetText>, Error> {
    let bytes = std::fs::read(file).map_err(|source| Error::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let bad = |diags: &mut Diagnostics, message: String| {
        diags.push(Problem::BadWorkbook { message }, Location::file(file));
    };
    let mut workbook = match Xlsx::new(Cursor::new(bytes)) {
        Ok(workbook) => workbook,
        Err(e) => {
            bad(diags, e.to_string());
            return Ok(None);
        }
    };
    let name = workbook
        .sheets_metadata()
        .iter()
        .find(|s| s.typ == SheetType::WorkSheet && !is_instructions(&s.name))
        .map(|s| s.name.clone());
    let Some(name) = name else {
        diags.push(Problem::EmptyFile, Location::file(file));
        return Ok(None);
    };
    let range = match workbook.worksheet_range(&name) {
        Ok(range) => range,
        Err(e) => {
            bad(diags, format!("sheet `{name}`: {e}"));
            return Ok(None);
        }
    };
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .zip(first_row..)
        .map(|(cells, row)| RowText {
            row,
            cells: cells.iter().map(header_text).collect(),
        })
        .collect();
    Ok(Some(SheetText {
        name,
        first_column,
        rows,
    }))
}

/// Whether a sheet's name marks it as instructions for the people filling in the template.
fn is_instructions(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    INSTRUCTIONS.contains(&name.as_str())
}

/// One worksheet of a workbook.
struct Sheet<'a> {
    /// The workbook.
    file: &'a Arc<Path>,
    /// The sheet's name, as its tab shows it.
    name: &'a str,
    /// Its cells, from the first used one.
    range: &'a Range<Data>,
}

impl Sheet<'_> {
    /// Reads the sheet's table; returns its number of data rows, or `None` when its header does
    /// not tell what it holds (reported).
    fn read(
        &self,
        diags: &mut Diagnostics,
        department: &mut Department,
        events: &mut EventSink,
    ) -> Option<usize> {
        let Some((first_row, first_column)) = self.range.start() else {
            return Some(0);
        };
        let mut header: Option<Header> = None;
        let mut rows = 0;
        for (index, cells) in self.range.rows().enumerate() {
            if cells.iter().all(is_blank) {
                continue;
            }
            let row = first_row.saturating_add(u32::try_from(index).unwrap_or(u32::MAX));
            let cells = XlsxCells {
                file: self.file,
                sheet: self.name,
                row,
                first_column,
                cells,
            };
            match &header {
                Some(header) => {
                    rows += 1;
                    let row = CellRow {
                        cells,
                        header,
                        diags: &mut *diags,
                    };
                    cells::read(row, department, events);
                }
                None => {
                    let texts: Vec<String> = cells.cells.iter().map(header_text).collect();
                    let names: Vec<&str> = texts.iter().map(String::as_str).collect();
                    header = Some(Header::read(&names, |i| cells.at(i), diags)?);
                }
            }
        }
        Some(rows)
    }
}

/// The cells of one row of a sheet, at their place in the sheet.
struct XlsxCells<'a> {
    /// The workbook.
    file: &'a Arc<Path>,
    /// The sheet's name.
    sheet: &'a str,
    /// The row, 0-based, in the sheet.
    row: u32,
    /// The sheet column of the row's first cell (the range's first column), 0-based.
    first_column: u32,
    /// The row's cells, from the range's first column.
    cells: &'a [Data],
}

impl Cells for XlsxCells<'_> {
    fn cell(&self, index: usize) -> Option<Cell<'_>> {
        self.cells.get(index).map(cell)
    }

    fn at(&self, index: usize) -> Location {
        let offset = u32::try_from(index).unwrap_or(u32::MAX);
        Location {
            file: Arc::clone(self.file),
            position: Position::Cell {
                sheet: self.sheet.to_owned(),
                row: self.row,
                column: self.first_column.saturating_add(offset),
            },
        }
    }
}

/// A cell's value as the text a department would have typed.
fn cell(data: &Data) -> Cell<'_> {
    let text = match data {
        Data::Empty => Cow::Borrowed(""),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cow::Borrowed(s.as_str()),
        Data::Int(n) => Cow::Owned(n.to_string()),
        Data::Float(x) => Cow::Owned(number(*x)),
        Data::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        Data::DateTime(d) => Cow::Owned(date(d)),
        Data::Error(e) => return Cell::Error(e.to_string()),
    };
    Cell::Text(text)
}

/// A header cell's text (an error value reads as written, and so names no column).
fn header_text(data: &Data) -> String {
    match cell(data) {
        Cell::Text(text) => text.into_owned(),
        Cell::Error(error) => error,
    }
}

/// A number as digits: whole numbers without a decimal point (`884`), others in full (`2.5`),
/// never in exponent notation.
fn number(x: f64) -> String {
    if x == 0.0 {
        // Not `-0`.
        return "0".to_owned();
    }
    // `f64`'s `Display` writes the shortest digits that read back as `x`: `884`, `2.5`.
    x.to_string()
}

/// A date cell as `2020-03-01` (any time of day dropped: dates here are calendar days); a
/// duration as its number of days.
fn date(d: &ExcelDateTime) -> String {
    if d.is_duration() {
        return number(d.as_f64());
    }
    let (year, month, day, ..) = d.to_ymd_hms_milli();
    format!("{year:04}-{month:02}-{day:02}")
}

/// Whether a cell is empty or holds only white space.
fn is_blank(data: &Data) -> bool {
    match data {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
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
}
