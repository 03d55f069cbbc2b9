//! One data row of a table, a CSV record or a worksheet row, read as a submission [`Row`]
//! through its header.
//!
//! A CSV field and a spreadsheet cell differ only in where they are and in what a cell can hold
//! besides text (an error value such as `#N/A`). Each format says that through [`Cells`]; the
//! [`Row`] on top, and so every value's parsing and every message, is this one.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::findings::suggest::did_you_mean;
use crate::model::forms::{self, Form, FormKind, FormRow};
use crate::model::location::{Located, Location};
use crate::model::submission::{Count, Department};
use crate::read::columns::TableKind;
use crate::read::events::EventSink;
use crate::read::header::Header;
use crate::read::rows::{self, Got, Row};
use crate::read::sheets;
use crate::read::values;

/// What one cell holds.
pub(crate) enum Cell<'a> {
    /// Text; for a spreadsheet, the value written out as text (numbers as digits, dates as
    /// `2020-03-01`).
    Text(Cow<'a, str>),
    /// A spreadsheet error value, as Excel shows it (`#N/A`).
    Error(String),
}

/// The cells of one row, as a file format stores them.
pub(crate) trait Cells {
    /// Cell `index` (0-based, counted from the header's first cell); `None` past the row's end.
    fn cell(&self, index: usize) -> Option<Cell<'_>>;
    /// Where cell `index` is, or would be.
    fn at(&self, index: usize) -> Location;
}

/// A row of cells under a header.
pub(crate) struct CellRow<'a, C> {
    /// The row's cells.
    pub(crate) cells: C,
    /// The table's header.
    pub(crate) header: &'a Header,
    /// Findings.
    pub(crate) diags: &'a mut Diagnostics,
}

/// Reads one data row into `department` (or, for an event, into `events`), as its table's
/// header says.
pub(crate) fn read<C: Cells>(
    mut row: CellRow<'_, C>,
    department: &mut Department,
    events: &mut EventSink,
) {
    match row.header.kind {
        TableKind::Counts => department.figures.extend(rows::figure(&mut row)),
        TableKind::Events => {
            if let Some(event) = rows::event(&mut row) {
                events.add(row.diags, department, event);
            }
        }
        TableKind::Disclosures => department.disclosures.extend(rows::disclosure(&mut row)),
        TableKind::Texts => sheets::text(&mut row, department),
        TableKind::Requests => sheets::requests(&mut row, department),
        TableKind::Complaints => sheets::complaints(&mut row, department),
        TableKind::Form(kind) => form_row(&mut row, kind, department),
    }
}

/// Reads one row of a State Council form into the department's form of this table.
fn form_row<C: Cells>(row: &mut CellRow<'_, C>, kind: FormKind, department: &mut Department) {
    let label = match row.cells.cell(0) {
        Some(Cell::Text(text)) => text.trim().to_owned(),
        _ => String::new(),
    };
    // The template's group row (三、本年度办理结果) holds no numbers of its own.
    if forms::normalise(&label) == "本年度办理结果" {
        return;
    }
    let Some(spec) = kind.row(&label) else {
        let names: Vec<String> = kind
            .rows()
            .iter()
            .map(|r| forms::normalise(r.label))
            .collect();
        let suggestion = did_you_mean(&forms::normalise(&label), names.iter().map(String::as_str))
            .and_then(|n| kind.rows().iter().find(|r| forms::normalise(r.label) == n))
            .map(|r| r.label.to_owned());
        row.diags.push(
            Problem::UnknownFormRow { label, suggestion },
            row.cells.at(0),
        );
        return;
    };
    let mut values = Vec::with_capacity(kind.columns().len());
    let mut blank = Vec::new();
    for j in 0..kind.columns().len() {
        let index = row.header.form.iter().position(|c| *c == Some(j));
        // A column the header lacks (or misspells) is reported once, at the header; its cells
        // are blank, not each an empty cell of its own.
        let Some(index) = index else {
            blank.push(j);
            values.push(Located::new(0, row.cells.at(0)));
            continue;
        };
        let at = row.cells.at(index);
        let value = form_cell(row, kind, spec, j, index);
        if value.is_none() {
            blank.push(j);
        }
        values.push(Located::new(value.unwrap_or(0), at));
    }
    let location = row.cells.at(0);
    let origin = &row.header.origin;
    let form = match department
        .forms
        .iter_mut()
        .position(|f| f.location == *origin)
    {
        Some(i) => &mut department.forms[i],
        None => {
            department.forms.push(Form {
                kind,
                rows: Vec::new(),
                location: origin.clone(),
            });
            let last = department.forms.len() - 1;
            &mut department.forms[last]
        }
    };
    if let Some(first) = form.rows.iter().find(|r| r.spec.key == spec.key) {
        let problem = Problem::DuplicateFigure {
            key: spec.label.to_owned(),
            first: first.location.clone(),
        };
        row.diags.push(problem, location);
        return;
    }
    form.rows.push(FormRow {
        spec,
        values,
        blank,
        location,
    });
}

/// The number in a form's cell `index` (column `j` of the form), or `None` with a finding: an
/// empty cell (no zero: the form's totals would count what nobody wrote), an error value, or
/// what is no whole number.
fn form_cell<C: Cells>(
    row: &mut CellRow<'_, C>,
    kind: FormKind,
    spec: &forms::RowSpec,
    j: usize,
    index: usize,
) -> Option<u64> {
    let at = row.cells.at(index);
    let field = kind.columns()[j].to_owned();
    let text = match row.cells.cell(index) {
        Some(Cell::Text(text)) => text.trim().to_owned(),
        Some(Cell::Error(error)) => {
            row.diags.push(Problem::CellError { field, error }, at);
            return None;
        }
        None => String::new(),
    };
    if text.is_empty() || matches!(text.as_str(), "/" | "／" | "-" | "—") {
        let problem = Problem::FormCell {
            row: spec.label.to_owned(),
            column: field,
            value: text,
        };
        row.diags.push(problem, at);
        return None;
    }
    match values::parse_count(&text) {
        Ok(count) => Some(count.value),
        Err(reason) => {
            let problem = Problem::BadCount {
                field,
                value: text,
                reason,
            };
            row.diags.push(problem, at);
            None
        }
    }
}

impl<C: Cells> CellRow<'_, C> {
    /// The trimmed text of `field`'s cell, with where it is; absent when the row has no such
    /// cell or it is blank. An error value is reported, and is a bad value.
    fn value(&mut self, field: &'static str) -> Got<(String, Location)> {
        let Some(index) = self.header.index(field) else {
            return Got::Absent;
        };
        let text = match self.cells.cell(index) {
            None => return Got::Absent,
            Some(Cell::Text(text)) => text.trim().to_owned(),
            Some(Cell::Error(error)) => {
                let problem = Problem::CellError {
                    field: self.header.name(field),
                    error,
                };
                let at = self.cells.at(index);
                self.diags.push(problem, at);
                return Got::Bad;
            }
        };
        if text.is_empty() {
            return Got::Absent;
        }
        // `disclose init` writes a formula-like text behind an apostrophe, so that a spreadsheet
        // shows it as text: the apostrophe is not part of the value.
        let text = match crate::read::formula::unescape(&text) {
            unescaped if unescaped.len() < text.len() => unescaped.to_owned(),
            _ => text,
        };
        Got::Value((text, self.cells.at(index)))
    }

    /// The parts of a cell holding several values, split at `;` `；` `、` `|`, line breaks and
    /// `extra`.
    fn separated(&mut self, field: &'static str, extra: &[char]) -> Vec<(String, Location)> {
        let Got::Value((value, at)) = self.value(field) else {
            return Vec::new();
        };
        value
            .split(|c: char| matches!(c, ';' | '；' | '、' | '\n' | '|') || extra.contains(&c))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| (s.to_owned(), at.clone()))
            .collect()
    }
}

impl<C: Cells> Row for CellRow<'_, C> {
    fn text(&mut self, field: &'static str) -> Option<Located<String>> {
        match self.value(field) {
            Got::Value((text, at)) => Some(Located::new(text, at)),
            Got::Absent | Got::Bad => None,
        }
    }

    fn count(&mut self, field: &'static str) -> Got<Located<Count>> {
        let text = match self.value(field) {
            Got::Value((text, at)) => Located::new(text, at),
            Got::Absent => return Got::Absent,
            Got::Bad => return Got::Bad,
        };
        match values::parse_count(&text.value) {
            Ok(count) => Got::Value(Located::new(count, text.location)),
            Err(reason) => {
                let problem = Problem::BadCount {
                    field: self.name(field),
                    value: text.value,
                    reason,
                };
                self.diags.push(problem, text.location);
                Got::Bad
            }
        }
    }

    fn date(&mut self, field: &'static str) -> Got<Located<Date>> {
        let text = match self.value(field) {
            Got::Value((text, at)) => Located::new(text, at),
            Got::Absent => return Got::Absent,
            Got::Bad => return Got::Bad,
        };
        match values::parse_date(&text.value) {
            Some(date) => Got::Value(Located::new(date, text.location)),
            None => {
                self.diags
                    .push(Problem::BadDate { value: text.value }, text.location);
                Got::Bad
            }
        }
    }

    fn flag(&mut self, field: &'static str) -> bool {
        let Some(text) = self.text(field) else {
            return false;
        };
        values::parse_flag(&text.value).unwrap_or_else(|| {
            let problem = Problem::BadValue {
                field: self.name(field),
                value: text.value.clone(),
                allowed: "是 / 否".to_owned(),
                suggestion: None,
            };
            self.diags.push(problem, text.location);
            false
        })
    }

    fn texts(&mut self, field: &'static str) -> Vec<Located<String>> {
        let extra: &[char] = if field == "links" {
            &[' ', '\t', ',']
        } else {
            &[]
        };
        self.separated(field, extra)
            .into_iter()
            .map(|(s, at)| Located::new(s, at))
            .collect()
    }

    fn dates(&mut self, field: &'static str) -> Vec<Located<Date>> {
        let mut dates = Vec::new();
        for (text, at) in self.separated(field, &[' ', ',']) {
            match values::parse_date(&text) {
                Some(date) => dates.push(Located::new(date, at)),
                None => self.diags.push(Problem::BadDate { value: text }, at),
            }
        }
        dates
    }

    fn name(&self, field: &'static str) -> String {
        self.header.name(field)
    }

    fn location(&self) -> Location {
        self.cells.at(0)
    }

    fn field_location(&self, field: &'static str) -> Location {
        self.header
            .index(field)
            .map_or_else(|| self.location(), |i| self.cells.at(i))
    }

    fn present(&self, field: &'static str) -> bool {
        let cell = self.header.index(field).and_then(|i| self.cells.cell(i));
        match cell {
            Some(Cell::Text(text)) => !text.trim().is_empty(),
            Some(Cell::Error(_)) => true,
            None => false,
        }
    }

    fn misspelt(&self, field: &'static str) -> bool {
        self.header.misspelt(field)
    }

    fn report(&mut self, problem: Problem, location: Location) {
        self.diags.push(problem, location);
    }
}
