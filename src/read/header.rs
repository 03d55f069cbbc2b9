//! The header row of a table, in a CSV file or a worksheet: what the table holds and which
//! column is which.
//!
//! CSV files and Excel sheets are the same tables written two ways, so their headers are read by
//! the same code, with the same findings: the kind of table follows from the column names (see
//! [`super::columns`]), a misspelt key column is recognised by its likely correction, unknown
//! and repeated columns are reported at their header cell.

use crate::diagnostic::Diagnostics;
use crate::location::Location;
use crate::problem::{Problem, did_you_mean};
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
            .any(|n| n.chars().any(crate::compose::phrase::is_han));
        let mut columns: Vec<Option<&'static Column>> = Vec::with_capacity(names.len());
        let mut unknown = Vec::new();
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
                    let problem = Problem::UnknownKey {
                        key: (*name).to_owned(),
                        suggestion: did_you_mean(name, known),
                        column: true,
                    };
                    diags.push(problem, at(index));
                }
            }
            columns.push(column.filter(|_| !name.is_empty()));
        }
        Some(Header {
            kind,
            columns,
            unknown,
            zh,
            width: names.len(),
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
        self.unknown.iter().any(|name| {
            let column = columns::display_name(field, true);
            did_you_mean(name, [field, column.as_str()]).is_some()
        })
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
