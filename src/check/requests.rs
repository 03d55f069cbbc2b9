//! Disclosure requests and complaints: submitted once, stated even when zero, balanced, and
//! carrying over what last year carried forward (D303, D309, D316, D107 for the tables).

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::model::forms::FormKind;
use crate::model::location::Location;
use crate::model::outline::Content;
use crate::model::submission::{Outcome, Requests, Submissions};

/// D317: the grounds of refusals add up to the refused requests, the ways of arrival to the
/// requests received.
fn details(requests: &Requests, diags: &mut Diagnostics) {
    let refused = requests
        .outcomes
        .iter()
        .find(|(o, _)| *o == Outcome::Refused)
        .map_or(0, |(_, n)| n.value);
    for (what, list, total, of) in [
        ("grounds", &requests.grounds, refused, "refused"),
        (
            "arrivals",
            &requests.arrivals,
            requests.received.value,
            "received",
        ),
    ] {
        let Some((_, first)) = list.first() else {
            continue;
        };
        let sum: u64 = list.iter().map(|(_, n)| n.value).sum();
        if sum != total {
            diags.push(
                Problem::RequestDetails {
                    what,
                    total,
                    sum,
                    of,
                },
                first.location.clone(),
            );
        }
    }
}

/// D316: this year's carried-over requests are last year's carried-forward ones, when last
/// year's folder is there: per column when both years report the form, else in total.
fn carried_over(subs: &Submissions, diags: &mut Diagnostics) {
    let Some(previous) = &subs.previous else {
        return;
    };
    let last_total = previous
        .form_forward
        .as_ref()
        .and_then(|v| v.last().copied())
        .or(previous.carried_forward);
    let mut differs = |column: &str, this_year: u64, last_year: u64, at: Location| {
        if this_year != last_year {
            diags.push(
                Problem::CarriedOver {
                    column: column.to_owned(),
                    this_year,
                    last_year,
                    last: previous.year.clone(),
                },
                at,
            );
        }
    };
    if let Some(requests) = subs.departments.iter().find_map(|d| d.requests.as_ref())
        && let Some(last) = last_total
    {
        let (value, at) = requests.carried_over.as_ref().map_or_else(
            || (0, requests.location.clone()),
            |c| (c.value, c.location.clone()),
        );
        differs("carried_over", value, last, at);
    }
    let form = subs
        .departments
        .iter()
        .flat_map(|d| &d.forms)
        .find(|f| f.kind == FormKind::Requests);
    if let Some(row) = form.and_then(|f| f.row("carried_over")) {
        match &previous.form_forward {
            Some(last) => {
                for ((value, last), column) in row
                    .values
                    .iter()
                    .zip(last)
                    .zip(FormKind::Requests.columns())
                {
                    differs(column, value.value, *last, value.location.clone());
                }
            }
            None => {
                if let (Some(total), Some(last)) = (row.values.last(), previous.carried_forward) {
                    differs("总计", total.value, last, total.location.clone());
                }
            }
        }
    }
}

/// Runs the request and complaint checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    carried_over(subs, diags);
    let outline = &subs.facts.outline;
    let report = Location::file(&subs.facts.file);

    let mut first: Option<&Location> = None;
    for requests in subs.departments.iter().filter_map(|d| d.requests.as_ref()) {
        if let Some(first) = first {
            diags.push(
                Problem::DuplicateTable {
                    table: "requests".into(),
                    first: first.clone(),
                },
                requests.location.clone(),
            );
            continue;
        }
        first = Some(&requests.location);
        details(requests, diags);
        let answered: u64 = requests.outcomes.iter().map(|(_, n)| n.value).sum();
        let forward = requests.carried_forward.as_ref().map_or(0, |c| c.value);
        if requests.total_in() != requests.total_out() {
            diags.push(
                Problem::RequestsBalance {
                    total_in: requests.total_in(),
                    answered,
                    forward,
                },
                requests.location.clone(),
            );
        }
    }
    if first.is_none() && outline.holds(Content::Requests) {
        diags.push(Problem::MissingData { table: "requests" }, report.clone());
    }

    let mut first: Option<&Location> = None;
    for complaints in subs
        .departments
        .iter()
        .filter_map(|d| d.complaints.as_ref())
    {
        if let Some(first) = first {
            diags.push(
                Problem::DuplicateTable {
                    table: "complaints".into(),
                    first: first.clone(),
                },
                complaints.location.clone(),
            );
        } else {
            first = Some(&complaints.location);
        }
    }
    if first.is_none() && outline.holds(Content::Complaints) {
        diags.push(
            Problem::MissingData {
                table: "complaints",
            },
            report,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

    const ZERO: &str = "[requests]\nreceived = 0\n\n[complaints]\nreports = 0\nreconsiderations = 0\nlawsuits = 0\n";

    #[test]
    fn explicit_zeros_pass() {
        let found = Year::new()
            .file("信息公开办公室.toml", ZERO)
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn d309_nothing_submitted_is_not_zero() {
        let found = Year::new().check_with(super::check);
        assert_eq!(ids(&found), ["D309", "D309"]);
        assert_eq!(found.at(0), "report.toml");
    }

    #[test]
    fn d303_requests_must_balance() {
        let toml = "[requests]\nreceived = 5\ncarried_over = 1\ngranted = 3\nnot_held = 1\ncarried_forward = 1\n\n[complaints]\nreports = 0\nreconsiderations = 0\nlawsuits = 0\n";
        let found = Year::new()
            .file("信息公开办公室.toml", toml)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D303"]);
        assert_eq!(found.at(0), "信息公开办公室.toml:1:1");
        assert!(found.message(0).contains("= 6"), "{}", found.message(0));
        let balanced = toml.replace("granted = 3", "granted = 4");
        let found = Year::new()
            .file("信息公开办公室.toml", &balanced)
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn d107_requests_reported_by_two_departments() {
        let found = Year::new()
            .file("信息公开办公室.toml", ZERO)
            .file("党委办公室.toml", "[requests]\nreceived = 0\n")
            .check_with(super::check);
        assert_eq!(ids(&found), ["D107"]);
        assert_eq!(found.at(0), "党委办公室.toml:1:1");
    }
}
