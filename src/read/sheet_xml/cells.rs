//! A worksheet's cells as its XML is read (`<sheetData>`: `<row>`, `<c r=".." t=".." s="..">`,
//! `<v>`, `<is>`), each handed on as it is parsed, with buffers used again for the next.
//!
//! A cell is where its `r` says (read by bytes: `XFD1048576` is one cell, nothing is allocated
//! for the columns and rows before it), or, without `r`, after the cell before it (a row
//! without `r` after the row before). Its value is what calamine made of it: a shared string,
//! an inline string, a formula's saved text (`t="str"`), a boolean, an error value, an ISO
//! date (`t="d"`, as written), or a number, a date when its style's format is one. A formula
//! without a saved value, like a cell with none, holds nothing.

use std::io::BufRead;
use std::ops::ControlFlow;

use calamine::{ExcelDateTime, ExcelDateTimeType};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::strings::{SharedStrings, read_string, read_text};
use super::styles::{Format, Styles};
use super::xml;

/// The error values Excel writes (`t="e"`).
const ERRORS: &[&str] = &[
    "#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!",
];

/// A cell's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum CellValue<'a> {
    /// Text.
    Text(&'a str),
    /// A whole number as its decimal digits, as written (`884`).
    Digits(&'a str),
    /// Any other number.
    Number(f64),
    /// A boolean.
    Bool(bool),
    /// A number with a date or duration format.
    Date(ExcelDateTime),
    /// An error value (`#N/A`).
    Error(&'a str),
}

/// What the cells are read with: the workbook's strings and styles, its date system.
pub(crate) struct Context<'a> {
    /// The shared strings.
    pub(crate) strings: &'a SharedStrings,
    /// The styles' number formats.
    pub(crate) styles: &'a Styles,
    /// Whether dates count from 1904.
    pub(crate) is_1904: bool,
}

/// Reads a worksheet's cells, handing each that holds a value to `each` (row and column
/// 0-based) until it says to stop.
pub(crate) fn read<R: BufRead>(
    xml: &mut Reader<R>,
    context: &Context<'_>,
    mut each: impl FnMut(u32, u32, CellValue<'_>) -> ControlFlow<()>,
) -> Result<(), String> {
    let mut buf = Vec::with_capacity(1024);
    if !sheet_data(xml, &mut buf)? {
        return Ok(());
    }
    let mut cell = CellReader {
        context,
        buf: Vec::with_capacity(1024),
        scratch: String::new(),
        text: String::new(),
    };
    let (mut row, mut column) = (0u32, 0u32);
    loop {
        buf.clear();
        let (event, empty) = match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => (e, false),
            Ok(Event::Empty(e)) => (e, true),
            Ok(Event::End(e)) => {
                match e.local_name().as_ref() {
                    "row" => {
                        row = row.saturating_add(1);
                        column = 0;
                    }
                    "sheetData" => return Ok(()),
                    _ => (),
                }
                continue;
            }
            Ok(Event::Eof) => return Err(xml::eof("sheetData")),
            Err(e) => return Err(xml::error(&e)),
            Ok(_) => continue,
        };
        match event.local_name().as_ref() {
            "row" => {
                if let Some(r) = xml::attribute(event.attributes_raw(), "r") {
                    row = reference(r)?.0;
                }
                if empty {
                    row = row.saturating_add(1);
                    column = 0;
                }
            }
            "c" => {
                let (mut at_row, mut at, mut style, mut kind) = (row, column, None, None);
                for (key, value) in xml::attributes(event.attributes_raw()) {
                    match key {
                        "r" => {
                            let (r, c) = reference(value)?;
                            at_row = r;
                            at = c.ok_or("Range is missing the expected column component.")?;
                            column = at;
                        }
                        "s" => style = Some(value),
                        "t" => kind = Some(value),
                        _ => (),
                    }
                }
                let raw = if empty {
                    None
                } else {
                    cell.read(xml, style, kind)?
                };
                column = column.saturating_add(1);
                if let Some(raw) = raw
                    && each(at_row, at, cell.value_of(raw)?).is_break()
                {
                    return Ok(());
                }
            }
            _ => (),
        }
    }
}

/// Reads up to the start of `<sheetData>`: whether it has anything inside; an error if the
/// part has none.
fn sheet_data<R: BufRead>(xml: &mut Reader<R>, buf: &mut Vec<u8>) -> Result<bool, String> {
    let mut first: Option<String> = None;
    loop {
        buf.clear();
        match xml.read_event_into(buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "sheetData" => return Ok(true),
            Ok(Event::Empty(e)) if e.local_name().as_ref() == "sheetData" => return Ok(false),
            Ok(Event::Start(e) | Event::Empty(e)) => {
                if first.is_none() {
                    first = Some(e.local_name().as_ref().to_owned());
                }
            }
            Ok(Event::Eof) => {
                return Err(match first {
                    Some(kind) => format!("Expecting a worksheet, got {kind}"),
                    None => xml::eof("worksheet"),
                });
            }
            Err(e) => return Err(xml::error(&e)),
            Ok(_) => (),
        }
    }
}

/// A cell's value as read, before it is looked up.
#[derive(Clone, Copy)]
enum Raw {
    /// The text in the reader's buffer.
    Text,
    /// Digits in the reader's buffer.
    Digits,
    Number(f64),
    Bool(bool),
    Date(ExcelDateTime),
    /// Shared string `index`.
    Shared(usize),
    /// An error value in the reader's buffer.
    Error,
}

/// The buffers one cell is read with.
struct CellReader<'c> {
    context: &'c Context<'c>,
    buf: Vec<u8>,
    scratch: String,
    /// The text of the cell (an inline string, a `<v>`).
    text: String,
}

impl CellReader<'_> {
    /// Reads the inside of a `<c>` up to its end: its value, if it has one (the last of its
    /// `<v>` and `<is>`, as calamine has it).
    fn read<R: BufRead>(
        &mut self,
        xml: &mut Reader<R>,
        style: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Option<Raw>, String> {
        let mut value = None;
        loop {
            self.buf.clear();
            let (child, empty) = match xml.read_event_into(&mut self.buf) {
                Ok(Event::Start(e)) => (Child::of(&e)?, false),
                Ok(Event::Empty(e)) => (Child::of(&e)?, true),
                Ok(Event::End(e)) if e.local_name().as_ref() == "c" => return Ok(value),
                Ok(Event::Eof) => return Err(xml::eof("c")),
                Err(e) => return Err(xml::error(&e)),
                Ok(_) => continue,
            };
            value = match child {
                Child::Inline => {
                    self.text.clear();
                    if !empty {
                        read_string(xml, "is", &mut self.buf, &mut self.scratch, &mut self.text)?;
                    }
                    Some(Raw::Text)
                }
                Child::Value | Child::Formula if empty => None,
                Child::Value if matches!(kind, Some("inlineStr" | "is")) => {
                    xml::skip(xml, "v", &mut self.buf)?;
                    None
                }
                Child::Value => {
                    self.text.clear();
                    read_text(xml, "v", &mut self.buf, &mut self.text)?;
                    self.value(style, kind)?
                }
                Child::Formula => {
                    xml::skip(xml, "f", &mut self.buf)?;
                    None
                }
            };
        }
    }

    /// What a `<v>`'s text (in `text`) means, by the cell's type and style.
    fn value(&mut self, style: Option<&str>, kind: Option<&str>) -> Result<Option<Raw>, String> {
        let v = self.text.as_str();
        Ok(Some(match kind {
            Some("s") => {
                if v.is_empty() {
                    return Ok(None);
                }
                Raw::Shared(v.parse().unwrap_or(0))
            }
            Some("b") => match v.trim() {
                "" => return Ok(None),
                "0" => Raw::Bool(false),
                "1" => Raw::Bool(true),
                t if t.eq_ignore_ascii_case("false") => Raw::Bool(false),
                t if t.eq_ignore_ascii_case("true") => Raw::Bool(true),
                _ => return Err(format!("Unrecognized boolean cell value: {v}")),
            },
            Some("d") => Raw::Text,
            Some("e") if ERRORS.contains(&v) => Raw::Error,
            Some("e") => return Err(format!("Unsupported cell error value '{v}'")),
            Some("str") => {
                self.scratch.clear();
                xml::push_unescaped(v, &mut self.scratch);
                std::mem::swap(&mut self.text, &mut self.scratch);
                Raw::Text
            }
            Some("n") | None => {
                if v.is_empty() {
                    return Ok(None);
                }
                let format = match style {
                    Some(s) => self.context.styles.get(s.parse().unwrap_or(0)),
                    None => Some(Format::Number),
                };
                match format {
                    Some(Format::Number) | None if is_digits(v) => Raw::Digits,
                    _ => match v.parse::<f64>() {
                        Ok(x) => match format {
                            Some(Format::Date) => Raw::Date(ExcelDateTime::new(
                                x,
                                ExcelDateTimeType::DateTime,
                                self.context.is_1904,
                            )),
                            Some(Format::Duration) => Raw::Date(ExcelDateTime::new(
                                x,
                                ExcelDateTimeType::TimeDelta,
                                self.context.is_1904,
                            )),
                            _ => Raw::Number(x),
                        },
                        Err(_) if kind.is_none() => Raw::Text,
                        Err(e) => return Err(format!("Parse float error: {e}")),
                    },
                }
            }
            Some(t) => return Err(format!("Unknown cell 't' attribute: {t:?}")),
        }))
    }

    /// The value a [`Raw`] stands for.
    fn value_of(&self, raw: Raw) -> Result<CellValue<'_>, String> {
        Ok(match raw {
            Raw::Text => CellValue::Text(&self.text),
            Raw::Digits => CellValue::Digits(&self.text),
            Raw::Number(x) => CellValue::Number(x),
            Raw::Bool(b) => CellValue::Bool(b),
            Raw::Date(d) => CellValue::Date(d),
            Raw::Error => CellValue::Error(&self.text),
            Raw::Shared(i) => CellValue::Text(
                self.context
                    .strings
                    .get(i)
                    .ok_or("Cell string index not found in shared strings table")?,
            ),
        })
    }
}

/// What a cell holds inside.
#[derive(Clone, Copy)]
enum Child {
    /// `<v>`.
    Value,
    /// `<f>`.
    Formula,
    /// `<is>`.
    Inline,
}

impl Child {
    fn of(e: &BytesStart<'_>) -> Result<Child, String> {
        match e.local_name().as_ref() {
            "v" => Ok(Child::Value),
            "f" => Ok(Child::Formula),
            "is" => Ok(Child::Inline),
            _ => Err("Expecting 'v, f, or is' node".to_owned()),
        }
    }
}

/// Whether a number is written as plain decimal digits whose value `f64` holds exactly and
/// writes back the same (no sign, no leading zero, at most 15 digits).
fn is_digits(v: &str) -> bool {
    let b = v.as_bytes();
    !b.is_empty()
        && b.len() <= 15
        && b.iter().all(u8::is_ascii_digit)
        && (b[0] != b'0' || b.len() == 1)
}

/// A cell reference (`B7`, or a row's `7`) as its row and column, 0-based; the column is
/// `None` when the reference has none.
pub(crate) fn reference(r: &str) -> Result<(u32, Option<u32>), String> {
    let bytes = r.as_bytes();
    let mut i = 0;
    let mut column: u32 = 0;
    while let Some(&b) = bytes.get(i) {
        let letter = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a',
            _ => break,
        };
        column = column
            .checked_mul(26)
            .and_then(|c| c.checked_add(u32::from(letter) + 1))
            .ok_or("column number overflow")?;
        i += 1;
    }
    let mut row: u32 = 0;
    for &b in &bytes[i..] {
        if !b.is_ascii_digit() {
            return Err(format!("Expecting alphanumeric character, got {b:X}"));
        }
        row = row
            .checked_mul(10)
            .and_then(|r| r.checked_add(u32::from(b - b'0')))
            .ok_or("row number overflow")?;
    }
    let row = row
        .checked_sub(1)
        .ok_or("Range is missing the expected row component.")?;
    Ok((row, column.checked_sub(1)))
}
