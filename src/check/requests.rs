//! Disclosure requests and complaints: submitted once, stated even when zero, and balanced
//! (D303, D309, D107 for the tables).

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::model::location::Location;
use crate::model::outline::Content;
use crate::model::submission::Submissions;

/// Runs the request and complaint checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
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
