//! The State Council forms' arithmetic, as printed under the forms (D310, D311, D312), and D309
//! when an outline that prints a form has none.

use crate::diagnostic::Diagnostics;
use crate::forms::{Form, FormKind, REQUEST_ROWS};
use crate::location::Location;
use crate::outline::PartKind;
use crate::problem::Problem;
use crate::submission::Submissions;

/// Runs the form checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    let kinds: Vec<PartKind> = subs.facts.outline.parts.iter().map(|p| p.kind).collect();
    for (kind, part) in [
        (FormKind::Requests, PartKind::RequestsTable),
        (FormKind::Reviews, PartKind::ReviewsTable),
    ] {
        let forms: Vec<&Form> = subs
            .departments
            .iter()
            .flat_map(|d| &d.forms)
            .filter(|f| f.kind == kind)
            .collect();
        for extra in forms.iter().skip(1) {
            diags.push(
                Problem::DuplicateTable {
                    table: kind.name().to_owned(),
                    first: forms[0].location.clone(),
                },
                extra.location.clone(),
            );
        }
        match forms.first() {
            Some(form) => {
                column_totals(form, diags);
                if kind == FormKind::Requests {
                    requests(form, diags);
                }
            }
            None if kinds.contains(&part) => diags.push(
                Problem::MissingData { table: kind.name() },
                Location::file(&subs.facts.file),
            ),
            None => {}
        }
    }
}

/// D312: the last column is the sum of the others, in every row.
fn column_totals(form: &Form, diags: &mut Diagnostics) {
    for row in &form.rows {
        let Some((total, parts)) = row.values.split_last() else {
            continue;
        };
        let sum: u64 = parts.iter().map(|v| v.value).sum();
        if sum != total.value {
            diags.push(
                Problem::FormColumnTotal {
                    row: row.spec.label,
                    total: total.value,
                    sum,
                },
                total.location.clone(),
            );
        }
    }
}

/// D310, D311: each column of the requests form balances, and its total is its outcomes' sum.
fn requests(form: &Form, diags: &mut Diagnostics) {
    let outcomes: Vec<&str> = REQUEST_ROWS
        .iter()
        .map(|r| r.key)
        .filter(|k| !matches!(*k, "new" | "carried_over" | "total" | "carried_forward"))
        .collect();
    let (new, over) = (form.values("new"), form.values("carried_over"));
    let (total, forward) = (form.values("total"), form.values("carried_forward"));
    let at = |key: &str, column: usize| {
        form.row(key)
            .and_then(|r| r.values.get(column))
            .map_or_else(|| form.location.clone(), |v| v.location.clone())
    };
    for (c, column) in form.kind.columns().iter().enumerate() {
        let sum: u64 = outcomes.iter().map(|k| form.values(k)[c]).sum();
        if sum != total[c] {
            diags.push(
                Problem::FormOutcomes {
                    column,
                    total: total[c],
                    sum,
                },
                at("total", c),
            );
        }
        if new[c] + over[c] != total[c] + forward[c] {
            diags.push(
                Problem::FormBalance {
                    column,
                    total_in: new[c] + over[c],
                    total_out: total[c] + forward[c],
                },
                at("carried_forward", c),
            );
        }
    }
}
