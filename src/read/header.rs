//! The header row of a table, in a CSV file or a worksheet: what the table holds and which
//! column is which.
//!
//! CSV files and Excel sheets are the same tables written two ways, so their headers are read by
//! the same code, with the same findings: the kind of table follows from the column names (see
//! [`super::columns`]), a misspelt key column is recognised by its likely correction, unknown
//! and repeated columns are reported at their header cell.

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::findings::suggest::did_you_mean;
use crate::model::forms::FormKind;
use crate::model::location::Location;
use crate::read::columns::{self, Column, TableKind};

/// What a table's header says about its columns.
pub(crate) struct Header {
    /// What the table holds.
    pub(crate) kind: TableKind,
    /// The column of each header cell, `None` for an empty, unknown or repeated one.
    pub(crate) columns: Vec<Option<&'static Column>>,
    /// Header cells that name no column.
    pub(crate) unknown: Vec<String>,
    /// Whether the header is written in Chinese (for naming fields in messages).
    pub(crate) zh: bool,
    /// Number of header cells.
    pub(crate) width: usize,
    /// Where the header's first cell is (a form's identity, for its rows).
    pub(crate) origin: Location,
    /// For a form: the form column each header cell is (`None` for the label column).
    pub(crate) form: Vec<Option<usize>>,
    /// Fields whose column was renamed: reported once at the header, not again in every row.
    pub(crate) renamed: Vec<&'static str>,
}

impl Header {
    /// Reads a header row from its cells' texts; `at(i)` is where cell `i` is. Reports unknown
    /// and repeated columns; `None` (reported at the first cell) when the header does not tell
    /// what the table holds.
    pub(crate) fn read(
        cells: &[&str],
        at: impl Fn(usize) -> Location,
        diags: &mut Diagnostics,
    ) -> Option<Header> {
        let names: Vec<&str> = cells.iter().map(|c| c.trim()).collect();
        let kind = match TableKind::of_header(&names)
            .or_else(|_| TableKind::of_header(&corrected(&names)))
        {
            Ok(kind) => kind,
            Err(ambiguous) => {
                let problem = if ambiguous {
                    Problem::AmbiguousCsv
                } else {
                    Problem::UnknownCsv {
                        headers: names.join(","),
                    }
                };
                diags.push(problem, at(0));
                return None;
            }
        };
        let zh = names
            .iter()
            .any(|n| n.chars().any(crate::model::chinese::is_han));
        if let TableKind::Form(form) = kind {
            return Some(form_header(form, &names, &at, diags));
        }
        let mut columns: Vec<Option<&'static Column>> = Vec::with_capacity(names.len());
        let mut unknown = Vec::new();
        let mut pending = Vec::new();
        for (index, name) in names.iter().enumerate() {
            let column = kind.columns().iter().find(|c| c.is_named(name));
            match column {
                _ if name.is_empty() => {}
                Some(c) if columns.iter().flatten().any(|seen| seen.key == c.key) => {
                    let problem = Problem::DuplicateColumn {
                        column: (*name).to_owned(),
                    };
                    diags.push(problem, at(index));
                    columns.push(None);
                    continue;
                }
                Some(_) => {}
                None => {
                    unknown.push((*name).to_owned());
                    let known = kind.columns().iter().map(|c| c.zh_or_key(zh));
                    pending.push((index, did_you_mean(name, known)));
                }
            }
            columns.push(column.filter(|_| !name.is_empty()));
        }
        // A table of counts without its number column, but with a column of a name not known:
        // that is the number's, renamed (本学年数量 for 数量). One finding, at that header
        // cell, names the column expected; the rows do not each say the number is missing.
        let mut renamed = Vec::new();
        let has_number = columns.iter().flatten().any(|c| c.key == "number");
        if kind == TableKind::Counts && !has_number && !pending.is_empty() {
            let likely = pending
                .iter()
                .position(|(i, _)| {
                    names[*i].contains('数') || names[*i].to_lowercase().contains("num")
                })
                .or_else(|| pending.iter().position(|(_, s)| s.is_none()))
                .unwrap_or(0);
            pending[likely].1 = Some(columns::display_name("number", zh));
            renamed.push("number");
        }
        for (index, suggestion) in pending {
            let problem = Problem::UnknownKey {
                key: names[index].to_owned(),
                suggestion,
                column: true,
            };
            diags.push(problem, at(index));
        }
        Some(Header {
            kind,
            columns,
            unknown,
            zh,
            width: names.len(),
            origin: at(0),
            form: Vec::new(),
            renamed,
        })
    }

    /// The index of the cell holding `field`, if the header has its column.
    pub(crate) fn index(&self, field: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| c.is_some_and(|c| c.key == field))
    }

    /// How the table spells a field's name: its header in the header's language.
    pub(crate) fn name(&self, field: &'static str) -> String {
        let column = self.index(field).and_then(|i| self.columns[i]);
        match column {
            Some(c) => c.zh_or_key(self.zh).to_owned(),
            None => columns::display_name(field, self.zh),
        }
    }

    /// Whether an unknown header cell is a misspelling of `field`.
    pub(crate) fn misspelt(&self, field: &'static str) -> bool {
        self.renamed.contains(&field)
            || self.unknown.iter().any(|name| {
                let column = columns::display_name(field, true);
                did_you_mean(name, [field, column.as_str()]).is_some()
            })
    }
}

/// A form's header: the first cell labels the rows (项目), the others are the form's columns.
/// Unknown cells are reported with a suggestion; a missing column is reported at the header.
fn form_header(
    form: FormKind,
    names: &[&str],
    at: &impl Fn(usize) -> Location,
    diags: &mut Diagnostics,
) -> Header {
    let known = form.columns();
    let mut mapped: Vec<Option<usize>> = Vec::with_capacity(names.len());
    let mut unknown = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let column = known.iter().position(|c| c == name);
        if index > 0 && column.is_none() && !name.is_empty() {
            unknown.push((*name).to_owned());
            let problem = Problem::UnknownKey {
                key: (*name).to_owned(),
                suggestion: did_you_mean(name, known.iter().copied()),
                column: true,
            };
            diags.push(problem, at(index));
        }
        mapped.push(column);
    }
    for (j, column) in known.iter().enumerate() {
        let misspelt = unknown.iter().any(|u| did_you_mean(u, [*column]).is_some());
        if !mapped.contains(&Some(j)) && !misspelt {
            let problem = Problem::MissingField {
                field: (*column).to_owned(),
            };
            diags.push(problem, at(0));
        }
    }
    Header {
        kind: TableKind::Form(form),
        columns: vec![None; names.len()],
        unknown,
        zh: true,
        width: names.len(),
        origin: at(0),
        form: mapped,
        renamed: Vec::new(),
    }
}

/// Header names with each unknown name replaced by the known name it is a likely typo of, to
/// tell what a table holds when its key column is misspelt (数目 for 数量).
fn corrected<'a>(names: &[&'a str]) -> Vec<&'a str> {
    let known: Vec<&'static str> = [TableKind::Counts, TableKind::Events, TableKind::Disclosures]
        .iter()
        .flat_map(|k| k.columns())
        .flat_map(|c| [c.key, c.zh])
        .collect();
    names
        .iter()
        .map(|&name| {
            if known.contains(&name) {
                return name;
            }
            did_you_mean(name, known.iter().copied())
                .and_then(|s| known.iter().copied().find(|k| *k == s))
                .unwrap_or(name)
        })
        .collect()
}
