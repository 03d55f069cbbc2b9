//! A worksheet's cells as its XML is read (`<sheetData>`: `<row>`, `<c r=".." t=".." s="..">`,
//! `<v>`, `<is>`), each handed on as it is parsed, with buffers used again for the next.
//!
//! A cell is where its `r` says (read by bytes: `XFD1048576` is one cell, nothing is allocated
//! for the columns and rows before it), or, without `r`, after the cell before it (a row
//! without `r` after the row before). Its value is what calamine made of it: a shared string,
//! an inline string, a formula's saved text (`t="str"`), a boolean, an error value, an ISO
//! date (`t="d"`, as written), or a number, a date when its style's format is one. A formula
//! without a saved value, like a cell with none, holds nothing.

use std::io::Read;
use std::ops::ControlFlow;

use calamine::{ExcelDateTime, ExcelDateTimeType};

use super::scan::{Scanner, Token, attribute, attributes};
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

/// A cell's type (its `t`).
#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// No `t`: a number, or text if it is not one.
    Unsaid,
    /// `n`.
    Number,
    /// `s`.
    Shared,
    /// `b`.
    Bool,
    /// `e`.
    Error,
    /// `str`: a formula's text.
    Formula,
    /// `d`: an ISO date.
    Date,
    /// `inlineStr`.
    Inline,
    /// Anything else.
    Unknown(String),
}

impl Kind {
    fn of(t: &[u8]) -> Kind {
        match t {
            b"n" => Kind::Number,
            b"s" => Kind::Shared,
            b"b" => Kind::Bool,
            b"e" => Kind::Error,
            b"str" => Kind::Formula,
            b"d" => Kind::Date,
            b"inlineStr" | b"is" => Kind::Inline,
            other => Kind::Unknown(String::from_utf8_lossy(other).into_owned()),
        }
    }
}

/// Reads a worksheet's cells, handing each that holds a value to `each` (row and column
/// 0-based) until it says to stop.
pub(crate) fn read<R: Read>(
    xml: &mut Scanner<R>,
    context: &Context<'_>,
    mut each: impl FnMut(u32, u32, CellValue<'_>) -> ControlFlow<()>,
) -> Result<(), String> {
    if !sheet_data(xml)? {
        return Ok(());
    }
    let mut cell = CellReader {
        context,
        scratch: String::new(),
        text: String::new(),
    };
    let (mut row, mut column) = (0u32, 0u32);
    loop {
        let (tag, empty) = match xml.next()? {
            Token::Start(t) => (t, false),
            Token::Empty(t) => (t, true),
            Token::End(b"row") => {
                row = row.saturating_add(1);
                column = 0;
                continue;
            }
            Token::End(b"sheetData") => return Ok(()),
            Token::Eof => return Err(xml::eof("sheetData")),
            _ => continue,
        };
        match tag.name {
            b"row" => {
                if let Some(r) = attribute(tag.attributes, b"r") {
                    row = reference(r)?.0;
                }
                if empty {
                    row = row.saturating_add(1);
                    column = 0;
                }
            }
            b"c" => {
                let (mut at_row, mut at, mut style, mut kind) = (row, column, None, Kind::Unsaid);
                for (key, value) in attributes(tag.attributes) {
                    match key {
                        b"r" => {
                            let (r, c) = reference(value)?;
                            at_row = r;
                            at = c.ok_or("Range is missing the expected column component.")?;
                            column = at;
                        }
                        b"s" => style = Some(number(value)),
                        b"t" => kind = Kind::of(value),
                        _ => (),
                    }
                }
                let raw = if empty {
                    None
                } else {
                    cell.read(xml, style, &kind)?
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
fn sheet_data<R: Read>(xml: &mut Scanner<R>) -> Result<bool, String> {
    let mut first: Option<String> = None;
    loop {
        match xml.next()? {
            Token::Start(t) if t.name == b"sheetData" => return Ok(true),
            Token::Empty(t) if t.name == b"sheetData" => return Ok(false),
            Token::Start(t) | Token::Empty(t) if first.is_none() => {
                first = Some(String::from_utf8_lossy(t.name).into_owned());
            }
            Token::Eof => {
                return Err(match first {
                    Some(kind) => format!("Expecting a worksheet, got {kind}"),
                    None => xml::eof("worksheet"),
                });
            }
            _ => (),
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
    scratch: String,
    /// The text of the cell (an inline string, a `<v>`).
    text: String,
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
    fn of(name: &[u8]) -> Result<Child, String> {
        match name {
            b"v" => Ok(Child::Value),
            b"f" => Ok(Child::Formula),
            b"is" => Ok(Child::Inline),
            _ => Err("Expecting 'v, f, or is' node".to_owned()),
        }
    }
}

impl CellReader<'_> {
    /// Reads the inside of a `<c>` up to its end: its value, if it has one (the last of its
    /// `<v>` and `<is>`, as calamine has it).
    fn read<R: Read>(
        &mut self,
        xml: &mut Scanner<R>,
        style: Option<usize>,
        kind: &Kind,
    ) -> Result<Option<Raw>, String> {
        if *kind != Kind::Inline
            && let Some(v) = xml.plain_value()
        {
            self.text.clear();
            self.text.push_str(v);
            return self.value(style, kind);
        }
        let mut value = None;
        loop {
            let (child, empty) = match xml.next()? {
                Token::Start(t) => (Child::of(t.name)?, false),
                Token::Empty(t) => (Child::of(t.name)?, true),
                Token::End(b"c") => return Ok(value),
                Token::Eof => return Err(xml::eof("c")),
                _ => continue,
            };
            value = match child {
                Child::Inline => {
                    self.text.clear();
                    if !empty {
                        read_string(xml, b"is", &mut self.scratch, &mut self.text)?;
                    }
                    Some(Raw::Text)
                }
                Child::Value | Child::Formula if empty => None,
                Child::Value if *kind == Kind::Inline => {
                    xml.skip(b"v")?;
                    None
                }
                Child::Value => {
                    self.text.clear();
                    read_text(xml, b"v", &mut self.text)?;
                    self.value(style, kind)?
                }
                Child::Formula => {
                    xml.skip(b"f")?;
                    None
                }
            };
        }
    }

    /// What a `<v>`'s text (in `text`) means, by the cell's type and style.
    fn value(&mut self, style: Option<usize>, kind: &Kind) -> Result<Option<Raw>, String> {
        let v = self.text.as_str();
        Ok(Some(match kind {
            Kind::Shared => {
                if v.is_empty() {
                    return Ok(None);
                }
                Raw::Shared(number(v.as_bytes()))
            }
            Kind::Bool => match v.trim() {
                "" => return Ok(None),
                "0" => Raw::Bool(false),
                "1" => Raw::Bool(true),
                t if t.eq_ignore_ascii_case("false") => Raw::Bool(false),
                t if t.eq_ignore_ascii_case("true") => Raw::Bool(true),
                _ => return Err(format!("Unrecognized boolean cell value: {v}")),
            },
            Kind::Date | Kind::Inline => Raw::Text,
            Kind::Error if ERRORS.contains(&v) => Raw::Error,
            Kind::Error => return Err(format!("Unsupported cell error value '{v}'")),
            Kind::Formula => {
                self.scratch.clear();
                xml::push_unescaped(v, &mut self.scratch);
                std::mem::swap(&mut self.text, &mut self.scratch);
                Raw::Text
            }
            Kind::Number | Kind::Unsaid => {
                if v.is_empty() {
                    return Ok(None);
                }
                let format = match style {
                    Some(s) => self.context.styles.get(s),
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
                        Err(_) if *kind == Kind::Unsaid => Raw::Text,
                        Err(e) => return Err(format!("Parse float error: {e}")),
                    },
                }
            }
            Kind::Unknown(t) => return Err(format!("Unknown cell 't' attribute: {t:?}")),
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

/// Whether a number is written as plain decimal digits whose value `f64` holds exactly and
/// writes back the same (no sign, no leading zero, at most 15 digits).
fn is_digits(v: &str) -> bool {
    let b = v.as_bytes();
    !b.is_empty()
        && b.len() <= 15
        && b.iter().all(u8::is_ascii_digit)
        && (b[0] != b'0' || b.len() == 1)
}

/// A number written in decimal digits (a style, a shared string's index); 0 for anything
/// else, as calamine reads it.
fn number(digits: &[u8]) -> usize {
    let mut n: usize = 0;
    for &b in digits {
        if !b.is_ascii_digit() {
            return 0;
        }
        n = match n
            .checked_mul(10)
            .and_then(|n| n.checked_add(usize::from(b - b'0')))
        {
            Some(n) => n,
            None => return 0,
        };
    }
    n
}

/// A cell reference (`B7`, or a row's `7`) as its row and column, 0-based; the column is
/// `None` when the reference has none.
pub(crate) fn reference(bytes: &[u8]) -> Result<(u32, Option<u32>), String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::sheet_xml::scan::Trickle;

    /// The cells of a sheet's XML, each as `row,column=value`, read with shared strings
    /// `a`, `b` and styles 0 (a number), 1 (built-in date 14), 2 (a custom date format).
    fn cells(sheet_data: &str) -> Result<Vec<String>, String> {
        let strings = SharedStrings::read(&mut Scanner::new(
            "<sst><si><t>a</t></si><si><r><t>b</t></r><r><t>c</t></r></si></sst>".as_bytes(),
        ))?;
        let styles = Styles::read(&mut xml::reader(
            concat!(
                r#"<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>"#,
                r#"<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="46"/></cellXfs></styleSheet>"#
            )
            .as_bytes(),
        ))?;
        let context = Context {
            strings: &strings,
            styles: &styles,
            is_1904: false,
        };
        let xml = format!(
            r#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>{sheet_data}</sheetData></worksheet>"#
        );
        let whole = read_all(Scanner::new(xml.as_bytes()), &context)?;
        let trickled = read_all(Scanner::new(Trickle(xml.as_bytes())), &context)?;
        assert_eq!(whole, trickled, "read whole and byte by byte");
        Ok(whole)
    }

    fn read_all<R: Read>(
        mut xml: Scanner<R>,
        context: &Context<'_>,
    ) -> Result<Vec<String>, String> {
        let mut found = Vec::new();
        read(&mut xml, context, |row, column, value| {
            let value = match value {
                CellValue::Date(d) if d.is_duration() => format!("duration {}", d.as_f64()),
                CellValue::Date(d) => {
                    let (y, m, day, ..) = d.to_ymd_hms_milli();
                    format!("date {y}-{m:02}-{day:02}")
                }
                other => format!("{other:?}"),
            };
            found.push(format!("{row},{column}={value}"));
            ControlFlow::Continue(())
        })?;
        Ok(found)
    }

    #[test]
    fn values_are_what_calamine_made_of_them() {
        let found = cells(concat!(
            r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>"#,
            r#"<c r="C1"><v>884</v></c><c r="D1"><v>2.5</v></c><c r="E1"><v>1E3</v></c>"#,
            r#"<c r="F1" t="n"><v>-0</v></c><c r="G1"><v>007</v></c></row>"#,
            r#"<row r="2"><c r="A2" t="inlineStr"><is><t>内联 &amp; _x0041_</t></is></c>"#,
            r#"<c r="B2" t="str"><f>A1&amp;"x"</f><v>ax_x000D_</v></c>"#,
            r#"<c r="C2" t="b"><v>1</v></c><c r="D2" t="b"><v>0</v></c>"#,
            r#"<c r="E2" t="e"><v>#N/A</v></c><c r="F2" t="d"><v>2020-03-01T10:00:00</v></c>"#,
            r#"<c r="G2"><f>SUM(A1:B1)</f></c><c r="H2" s="1"/><c r="I2" t="s"><v></v></c></row>"#,
            r#"<row r="3"><c r="A3" s="1"><v>43891</v></c><c r="B3" s="2"><v>43891.5</v></c>"#,
            r#"<c r="C3" s="3"><v>1.5</v></c><c r="D3" s="9"><v>12</v></c><c r="E3"><v>text</v></c></row>"#,
        ))
        .unwrap();
        assert_eq!(
            found,
            [
                "0,0=Text(\"a\")",
                "0,1=Text(\"bc\")",
                "0,2=Digits(\"884\")",
                "0,3=Number(2.5)",
                "0,4=Number(1000.0)",
                "0,5=Number(-0.0)",
                "0,6=Number(7.0)",
                "1,0=Text(\"内联 & A\")",
                "1,1=Text(\"ax\\r\")",
                "1,2=Bool(true)",
                "1,3=Bool(false)",
                "1,4=Error(\"#N/A\")",
                "1,5=Text(\"2020-03-01T10:00:00\")",
                "2,0=date 2020-03-01",
                "2,1=date 2020-03-01",
                "2,2=duration 1.5",
                "2,3=Digits(\"12\")",
                "2,4=Text(\"text\")",
            ]
        );
    }

    #[test]
    fn cells_and_rows_without_r_follow_the_ones_before() {
        let found = cells(concat!(
            r#"<row r="3"><c r="B3"><v>1</v></c><c><v>2</v></c><c/><c><v>4</v></c></row>"#,
            r#"<row><c><v>5</v></c></row><row r="9"/><row><c r="C10"><v>6</v></c><c><v>7</v></c></row>"#,
        ))
        .unwrap();
        assert_eq!(
            found,
            [
                "2,1=Digits(\"1\")",
                "2,2=Digits(\"2\")",
                "2,4=Digits(\"4\")",
                "3,0=Digits(\"5\")",
                "9,2=Digits(\"6\")",
                "9,3=Digits(\"7\")",
            ]
        );
    }

    #[test]
    fn the_last_cell_of_a_sheet_is_one_cell() {
        let found = cells(r#"<row r="1048576"><c r="XFD1048576" t="s"><v>0</v></c></row>"#);
        assert_eq!(found.unwrap(), ["1048575,16383=Text(\"a\")"]);
    }

    #[test]
    fn what_cannot_be_read_is_an_error_not_a_panic() {
        for (cells_xml, message) in [
            (
                r#"<row><c r="A1" t="s"><v>2</v></c></row>"#,
                "Cell string index not found in shared strings table",
            ),
            (
                r#"<row><c r="A1" t="b"><v>yes</v></c></row>"#,
                "Unrecognized boolean cell value: yes",
            ),
            (
                r#"<row><c r="A1" t="e"><v>#OOPS</v></c></row>"#,
                "Unsupported cell error value '#OOPS'",
            ),
            (
                r#"<row><c r="A1" t="x"><v>1</v></c></row>"#,
                "Unknown cell 't' attribute: \"x\"",
            ),
            (
                r#"<row><c r="A1" t="n"><v>abc</v></c></row>"#,
                "Parse float error: invalid float literal",
            ),
            (
                r#"<row><c r="1"><v>1</v></c></row>"#,
                "Range is missing the expected column component.",
            ),
            (
                r#"<row><c r="A0"><v>1</v></c></row>"#,
                "Range is missing the expected row component.",
            ),
            (
                r#"<row><c r="A-1"><v>1</v></c></row>"#,
                "Expecting alphanumeric character, got 2D",
            ),
            (
                r#"<row><c r="AAAAAAAAAAAAA1"><v>1</v></c></row>"#,
                "column number overflow",
            ),
            (
                r#"<row><c r="A99999999999"><v>1</v></c></row>"#,
                "row number overflow",
            ),
            (
                r#"<row><c r="A1"><x/></c></row>"#,
                "Expecting 'v, f, or is' node",
            ),
        ] {
            assert_eq!(cells(cells_xml).unwrap_err(), message, "{cells_xml}");
        }
        // An index that is not a number is 0, as calamine reads it.
        let found = cells(r#"<row><c r="A1" t="s"><v>99999999999999999999999</v></c></row>"#);
        assert_eq!(found.unwrap(), ["0,0=Text(\"a\")"]);
    }

    #[test]
    fn a_part_without_cells_says_what_it_is() {
        let strings = SharedStrings::default();
        let styles = Styles::default();
        let context = Context {
            strings: &strings,
            styles: &styles,
            is_1904: false,
        };
        let mut none = |_: u32, _: u32, _: CellValue<'_>| ControlFlow::Continue(());
        let chart = "<chartsheet><sheetPr/></chartsheet>";
        assert_eq!(
            read(&mut Scanner::new(chart.as_bytes()), &context, &mut none).unwrap_err(),
            "Expecting a worksheet, got chartsheet"
        );
        let empty = "<worksheet><sheetData/></worksheet>";
        assert!(read(&mut Scanner::new(empty.as_bytes()), &context, &mut none).is_ok());
        let cut = "<worksheet><sheetData><row><c><v>1";
        assert_eq!(
            read(&mut Scanner::new(cut.as_bytes()), &context, &mut none).unwrap_err(),
            "Unexpected end of xml, expecting '</v>'"
        );
    }
}
