//! Excel workbooks as streams of rows: the one reader of worksheets, for departments' sheets
//! ([`super::xlsx`]) and for platform exports ([`super::export`]) alike.
//!
//! An `.xlsx` sheet is read as its XML is parsed (our own reader, [`super::sheet_xml`], over
//! the zip entry): each row's cells are written out as text into one buffer, handed on, and
//! the buffer is used again for the next row. The workbook's shared strings are kept once, in
//! one buffer; nothing else grows with the rows, and nothing is allocated from the extent a
//! sheet declares or from where its cells are: a single value in `XFD1048576` costs one cell,
//! like any other.
//!
//! An old `.xls` workbook (Excel 97–2003) is read by calamine as a whole, sheet by sheet, and
//! then handed on row by row in the same way, so both kinds give the same rows, cells and
//! positions. The kind is told by the file's first bytes (a zip or an OLE compound file), not
//! by its name.
//!
//! Cells are written out as a department would have typed them: numbers as their digits
//! (`884`, never `884.0`), dates as `2020-03-01` (any time of day dropped), booleans as
//! `true`/`false`; an error value (`#N/A`) keeps its text and says it is one.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufReader, Read};
use std::ops::ControlFlow;
use std::path::Path;
use std::sync::Arc;

use calamine::{CellErrorType, Data, Dimensions, ExcelDateTime, Reader, SheetType, Xls};

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::Problem;
use crate::model::location::{Location, Position, column_letters};
use crate::read::progress::Counted;
use crate::read::sheet_xml::{CellValue, XlsxBook};

/// Names of sheets that explain how to fill in a template, compared without case.
const INSTRUCTIONS: &[&str] = &["说明", "填写说明", "instructions", "readme"];

/// An open workbook.
pub(crate) struct Workbook {
    book: Book,
}

/// The file, through a reader that counts its bytes for the progress line.
type Source = BufReader<Counted<File>>;

enum Book {
    Xlsx(Box<XlsxBook<Source>>),
    Xls(Box<Xls<Source>>),
}

impl Workbook {
    /// Opens a workbook; `None`, reported (D101), when the file is not one Excel could have
    /// written. Only a file that cannot be read at all is an [`Error`].
    pub(crate) fn open(
        file: &Arc<Path>,
        diags: &mut Diagnostics,
    ) -> Result<Option<Workbook>, Error> {
        let read_error = |source| Error::Read {
            path: file.to_path_buf(),
            source,
        };
        let mut head = [0u8; 8];
        let mut opened = File::open(file).map_err(read_error)?;
        let n = read_up_to(&mut opened, &mut head).map_err(read_error)?;
        let reader = BufReader::new(Counted(File::open(file).map_err(read_error)?));
        let book = if head[..n] == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            Xls::new(reader)
                .map(|b| Book::Xls(Box::new(b)))
                .map_err(|e| e.to_string())
        } else {
            XlsxBook::open(reader).map(|b| Book::Xlsx(Box::new(b)))
        };
        match book {
            Ok(book) => Ok(Some(Workbook { book })),
            Err(message) => {
                diags.push(Problem::BadWorkbook { message }, Location::file(file));
                Ok(None)
            }
        }
    }

    /// The worksheets that hold tables: every worksheet but those named as instructions
    /// (说明, 填写说明, instructions, README), in the workbook's order.
    pub(crate) fn tables(&self) -> Vec<String> {
        match &self.book {
            Book::Xlsx(book) => book
                .worksheets()
                .filter(|name| !is_instructions(name))
                .map(str::to_owned)
                .collect(),
            Book::Xls(book) => book
                .sheets_metadata()
                .iter()
                .filter(|s| s.typ == SheetType::WorkSheet && !is_instructions(&s.name))
                .map(|s| s.name.clone())
                .collect(),
        }
    }

    /// Hands every row of sheet `name` that is not blank to `each`, in order, until it says
    /// to stop; `Err` with a message (calamine's wording) when the sheet cannot be read
    /// (after the rows read before).
    pub(crate) fn rows(
        &mut self,
        name: &str,
        mut each: impl FnMut(&SheetRow<'_>) -> ControlFlow<()>,
    ) -> Result<(), String> {
        let mut row = RowBuffer::default();
        match &mut self.book {
            Book::Xlsx(book) => {
                let mut stopped = false;
                book.cells(name, |r, c, value| {
                    if row.row != r && row.flush(&mut each).is_break() {
                        stopped = true;
                        return ControlFlow::Break(());
                    }
                    row.row = r;
                    row.push(c, Value::of_xlsx(value));
                    ControlFlow::Continue(())
                })?;
                if stopped {
                    return Ok(());
                }
            }
            Book::Xls(book) => {
                let range = book.worksheet_range(name).map_err(|e| e.to_string())?;
                let (top, left) = range.start().unwrap_or_default();
                for (r, c, data) in range.used_cells() {
                    let r = top.saturating_add(u32::try_from(r).unwrap_or(u32::MAX));
                    let c = left.saturating_add(u32::try_from(c).unwrap_or(u32::MAX));
                    if row.row != r && row.flush(&mut each).is_break() {
                        return Ok(());
                    }
                    row.row = r;
                    row.push(c, Value::of_data(data));
                }
            }
        }
        let _ = row.flush(&mut each);
        Ok(())
    }

    /// The merged ranges of sheet `name` (none when they cannot be read). For an `.xlsx` sheet
    /// this reads its XML once more, so it is asked only when needed.
    pub(crate) fn merged(&mut self, name: &str) -> Vec<Dimensions> {
        match &mut self.book {
            Book::Xlsx(book) => book.merged(name).unwrap_or_default(),
            Book::Xls(book) => book.merge_cells_by_sheet_name(name).unwrap_or_default(),
        }
    }
}

fn read_up_to(file: &mut File, head: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Whether a sheet's name marks it as instructions for the people filling in the template.
fn is_instructions(name: &str) -> bool {
    let name = name.trim().to_lowercase();
    INSTRUCTIONS.contains(&name.as_str())
}

/// A cell's value, from either kind of workbook.
#[derive(Clone, Copy)]
enum Value<'a> {
    Empty,
    Text(&'a str),
    /// A whole number written as its digits, kept as they are.
    Digits(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(ExcelDateTime),
    Error(&'a CellErrorType),
    /// An error value as Excel writes it (`#N/A`).
    ErrorText(&'a str),
}

impl<'a> Value<'a> {
    fn of_xlsx(value: CellValue<'a>) -> Value<'a> {
        match value {
            CellValue::Text(s) => Value::Text(s),
            CellValue::Digits(s) => Value::Digits(s),
            CellValue::Number(x) => Value::Float(x),
            CellValue::Bool(b) => Value::Bool(b),
            CellValue::Date(d) => Value::Date(d),
            CellValue::Error(e) => Value::ErrorText(e),
        }
    }

    fn of_data(data: &'a Data) -> Value<'a> {
        match data {
            Data::Empty => Value::Empty,
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s),
            Data::Int(n) => Value::Int(*n),
            Data::Float(x) => Value::Float(*x),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(d) => Value::Date(*d),
            Data::Error(e) => Value::Error(e),
        }
    }
}

/// One cell of a row, as text.
#[derive(Clone, Copy, Debug)]
struct CellText {
    column: u32,
    start: usize,
    end: usize,
    error: bool,
}

/// The row being gathered, its cells' texts in one buffer.
#[derive(Default)]
struct RowBuffer {
    row: u32,
    text: String,
    cells: Vec<CellText>,
    unordered: bool,
}

impl RowBuffer {
    fn push(&mut self, column: u32, value: Value<'_>) {
        let start = self.text.len();
        let mut error = false;
        // Writing into a String cannot fail.
        let _ = match value {
            Value::Empty => return,
            Value::Text(s) | Value::Digits(s) => {
                self.text.push_str(s);
                Ok(())
            }
            Value::Int(n) => write!(self.text, "{n}"),
            Value::Float(x) => number(&mut self.text, x),
            Value::Bool(b) => {
                self.text.push_str(if b { "true" } else { "false" });
                Ok(())
            }
            Value::Date(d) if d.is_duration() => number(&mut self.text, d.as_f64()),
            Value::Date(d) => {
                let (year, month, day, ..) = d.to_ymd_hms_milli();
                write!(self.text, "{year:04}-{month:02}-{day:02}")
            }
            Value::Error(e) => {
                error = true;
                write!(self.text, "{e}")
            }
            Value::ErrorText(e) => {
                error = true;
                self.text.push_str(e);
                Ok(())
            }
        };
        if self.text.len() == start && !error {
            return;
        }
        if self.cells.last().is_some_and(|c| c.column >= column) {
            self.unordered = true;
        }
        self.cells.push(CellText {
            column,
            start,
            end: self.text.len(),
            error,
        });
    }

    /// Hands the row on, unless it is blank, and empties the buffer.
    fn flush(
        &mut self,
        each: &mut impl FnMut(&SheetRow<'_>) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        if self.unordered {
            // Cells out of order (not as Excel writes them): in column order, the last of
            // two cells at one address winning, as a sheet can show only one.
            self.cells.sort_by_key(|c| c.column);
            let mut kept: Vec<CellText> = Vec::with_capacity(self.cells.len());
            for cell in self.cells.drain(..) {
                match kept.last_mut() {
                    Some(last) if last.column == cell.column => *last = cell,
                    _ => kept.push(cell),
                }
            }
            self.cells = kept;
        }
        let row = SheetRow {
            row: self.row,
            text: &self.text,
            cells: &self.cells,
        };
        let flow = if row.is_blank() {
            ControlFlow::Continue(())
        } else {
            each(&row)
        };
        self.text.clear();
        self.cells.clear();
        self.unordered = false;
        flow
    }
}

/// A number as digits: whole numbers without a decimal point (`884`), others in full (`2.5`),
/// never in exponent notation, and never `-0`.
fn number(text: &mut String, x: f64) -> std::fmt::Result {
    if x == 0.0 {
        text.push('0');
        return Ok(());
    }
    // `f64`'s `Display` writes the shortest digits that read back as `x`: `884`, `2.5`.
    write!(text, "{x}")
}

/// One row of a sheet that is not blank: its cells that hold something, in column order.
pub(crate) struct SheetRow<'a> {
    row: u32,
    text: &'a str,
    cells: &'a [CellText],
}

/// One cell of a [`SheetRow`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct SheetCell<'a> {
    /// The column, 0-based.
    pub(crate) column: u32,
    /// The value as text (an error value as Excel shows it).
    pub(crate) text: &'a str,
    /// Whether the cell holds an error value (`#N/A`).
    pub(crate) error: bool,
}

impl<'a> SheetRow<'a> {
    /// The row, 0-based, in the sheet.
    pub(crate) fn row(&self) -> u32 {
        self.row
    }

    /// The cells that hold something, in column order.
    pub(crate) fn cells(&self) -> impl Iterator<Item = SheetCell<'a>> + use<'a> {
        let text = self.text;
        self.cells.iter().map(move |c| SheetCell {
            column: c.column,
            text: text.get(c.start..c.end).unwrap_or_default(),
            error: c.error,
        })
    }

    /// The cell in `column`, if it holds something.
    pub(crate) fn get(&self, column: u32) -> Option<SheetCell<'a>> {
        let i = self
            .cells
            .binary_search_by_key(&column, |c| c.column)
            .ok()?;
        let c = self.cells[i];
        Some(SheetCell {
            column,
            text: self.text.get(c.start..c.end).unwrap_or_default(),
            error: c.error,
        })
    }

    /// Whether every cell is empty or white space.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells().all(|c| !c.error && c.text.trim().is_empty())
    }

    /// The columns of the row's first and last cells that are not blank; `None` for a blank
    /// row.
    pub(crate) fn extent(&self) -> Option<Span> {
        let mut used = self
            .cells()
            .filter(|c| c.error || !c.text.trim().is_empty())
            .map(|c| c.column);
        let first = used.next()?;
        let last = used.last().unwrap_or(first);
        Some(Span { first, last })
    }
}

/// The columns a table spans: those of its header, from its first to its last named cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Span {
    /// The first column, 0-based.
    pub(crate) first: u32,
    /// The last column, 0-based.
    pub(crate) last: u32,
}

impl Span {
    /// The number of columns.
    pub(crate) fn width(self) -> usize {
        usize::try_from(self.last - self.first).map_or(usize::MAX, |w| w.saturating_add(1))
    }

    /// The sheet column of the table's column `index`.
    pub(crate) fn column(self, index: usize) -> u32 {
        self.first
            .saturating_add(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// Whether a sheet column is one of the table's.
    pub(crate) fn contains(self, column: u32) -> bool {
        (self.first..=self.last).contains(&column)
    }

    /// The columns in letters: `A–D`, or `C` for one.
    pub(crate) fn letters(self) -> String {
        if self.first == self.last {
            column_letters(self.first)
        } else {
            format!(
                "{}–{}",
                column_letters(self.first),
                column_letters(self.last)
            )
        }
    }

    /// The texts of a header row's cells, one per column of the span (empty where a cell is).
    pub(crate) fn names<'a>(self, row: &SheetRow<'a>) -> Vec<&'a str> {
        (self.first..=self.last)
            .map(|c| row.get(c).map_or("", |cell| cell.text))
            .collect()
    }

    /// The cells of a row outside the span that hold something.
    pub(crate) fn outside<'r>(self, row: &'r SheetRow<'_>) -> impl Iterator<Item = u32> + 'r {
        row.cells()
            .filter(move |c| !self.contains(c.column) && (c.error || !c.text.trim().is_empty()))
            .map(|c| c.column)
    }

    /// Whether a row has anything inside the span.
    pub(crate) fn touches(self, row: &SheetRow<'_>) -> bool {
        row.cells()
            .any(|c| self.contains(c.column) && (c.error || !c.text.trim().is_empty()))
    }
}

/// Where a cell of a sheet is.
pub(crate) fn cell(file: &Arc<Path>, sheet: &str, row: u32, column: u32) -> Location {
    Location {
        file: Arc::clone(file),
        position: Position::Cell {
            sheet: sheet.to_owned(),
            row,
            column,
        },
    }
}

/// A merged range in A1 notation: `A3:A5`.
pub(crate) fn range_name(range: &Dimensions) -> String {
    format!(
        "{}{}:{}{}",
        column_letters(range.start.1),
        range.start.0.saturating_add(1),
        column_letters(range.end.1),
        range.end.0.saturating_add(1)
    )
}
