//! The State Council forms' arithmetic, as printed under the forms (D310, D311, D312), and D309
//! when an outline that prints a form has none.

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::model::forms::{Form, FormKind, REQUEST_ROWS};
use crate::model::location::Location;
use crate::model::outline::Content;
use crate::model::submission::Submissions;

/// Runs the form checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    let outline = &subs.facts.outline;
    for (kind, part) in [
        (FormKind::Requests, Content::RequestsForm),
        (FormKind::Reviews, Content::ReviewsForm),
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
            None if outline.holds(part) => diags.push(
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

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

    const REQUESTS: &str = "项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n\
        一、本年新收信息公开申请数量,5,1,0,0,0,0,6\n\
        二、上年结转信息公开申请数量,1,0,0,0,0,0,1\n\
        （一）予以公开,4,1,0,0,0,0,5\n\
        （四）无法提供：1.本机关不掌握相关信息,2,0,0,0,0,0,2\n\
        （七）总计,6,1,0,0,0,0,7\n\
        四、结转下年度继续办理,0,0,0,0,0,0,0\n";
    const REVIEWS: &str = "项目,结果维持,结果纠正,其他结果,尚未审结,总计\n行政复议,1,0,0,0,1\n";

    fn year(requests: &str) -> Year {
        Year::new()
            .facts("outline = \"state-council\"")
            .file("办公室-申请.csv", requests)
            .file("办公室-复议.csv", REVIEWS)
    }

    #[test]
    fn a_balanced_form_passes() {
        assert!(ids(&year(REQUESTS).check_with(super::check)).is_empty());
    }

    #[test]
    fn d312_the_total_column() {
        let found =
            year(&REQUESTS.replace("5,1,0,0,0,0,6", "5,1,0,0,0,0,7")).check_with(super::check);
        assert_eq!(ids(&found), ["D312", "D310"], "{}", found.dump());
        assert_eq!(found.at(0), "办公室-申请.csv:2:28");
    }

    #[test]
    fn d311_outcomes_and_d310_balance_per_column() {
        let found = year(
            &REQUESTS
                .replace("（一）予以公开,4,1", "（一）予以公开,3,1")
                .replace("3,1,0,0,0,0,5", "3,1,0,0,0,0,4"),
        )
        .check_with(super::check);
        assert_eq!(ids(&found), ["D311", "D311"], "{}", found.dump());
        assert!(
            found
                .message(0)
                .contains("`自然人` totals 6, but its outcomes sum to 5"),
            "{}",
            found.message(0)
        );
        let found = year(&REQUESTS.replace(
            "四、结转下年度继续办理,0,0,0,0,0,0,0",
            "四、结转下年度继续办理,1,0,0,0,0,0,1",
        ))
        .check_with(super::check);
        assert_eq!(ids(&found), ["D310", "D310"], "{}", found.dump());
        assert_eq!(found.at(0), "办公室-申请.csv:7:13");
    }

    #[test]
    fn d309_the_outline_needs_its_forms() {
        let found = Year::new()
            .facts("outline = \"state-council\"")
            .check_with(super::check);
        assert_eq!(ids(&found), ["D309", "D309"]);
    }

    #[test]
    fn d102_a_row_the_form_does_not_have() {
        let found = year(&REQUESTS.replace("（一）予以公开", "（一）予以公布")).read();
        assert_eq!(ids(&found), ["D102"], "{}", found.dump());
        assert!(
            found.message(0).contains("did you mean `（一）予以公开`"),
            "{}",
            found.message(0)
        );
    }
}
