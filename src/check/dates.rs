//! The report's own dates: statistics period and issue date (D403, D404, D405), and figures
//! counted over a window of their own (D409). Dates of
//! events and checklist entries are checked where they are read or used.

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::model::submission::Submissions;

/// Runs the date checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    let facts = &subs.facts;
    let period = facts.period;
    if period != facts.year.value.default_period() {
        diags.push(
            Problem::UnusualPeriod {
                period: period.to_string(),
                usual: facts.year.value.default_period().to_string(),
            },
            facts.period_location.clone(),
        );
    }
    for (_, figure) in subs.figures() {
        if let Some(window) = &figure.window
            && window.value.period != period
        {
            diags.push(
                Problem::OwnWindow {
                    key: figure.key().to_string(),
                    window: window.value.text.clone(),
                    period: period.to_string(),
                },
                window.location.clone(),
            );
        }
    }
    let Some(issued) = &facts.issued else {
        return;
    };
    if issued.value < period.end {
        diags.push(
            Problem::IssuedEarly {
                issued: issued.value.to_string(),
                end: period.end.to_string(),
            },
            issued.location.clone(),
        );
        return;
    }
    let deadline = facts.year.value.deadline(period.end).unwrap_or(period.end);
    if deadline > period.end && issued.value > deadline {
        diags.push(
            Problem::IssuedLate {
                issued: issued.value.to_string(),
                deadline,
            },
            issued.location.clone(),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{REPORT, Year, ids};

    fn with_issued(date: &str) -> Year {
        Year::new().report(&REPORT.replace("2020-10-20", date))
    }

    #[test]
    fn an_october_report_passes() {
        assert!(ids(&with_issued("2020-10-31").check_with(super::check)).is_empty());
        assert!(ids(&with_issued("2020-09-01").check_with(super::check)).is_empty());
    }

    #[test]
    fn d403_issued_before_the_period_ends() {
        let found = with_issued("2020-08-30").check_with(super::check);
        assert_eq!(ids(&found), ["D403"]);
        assert_eq!(found.at(0), "report.toml:3:10");
    }

    #[test]
    fn d404_issued_after_october() {
        let found = with_issued("2020-11-01").check_with(super::check);
        assert_eq!(ids(&found), ["D404"]);
    }

    #[test]
    fn d405_a_calendar_year_period() {
        let found = Year::new()
            .report(&REPORT.replace("2020-10-20", "2021-01-20"))
            .facts("[period]\nstart = 2020-01-01\nend = 2020-12-31\n")
            .check_with(super::check);
        assert_eq!(ids(&found), ["D405"]);
        assert_eq!(found.at(0), "report.toml:4:1");
    }

    #[test]
    fn d401_a_malformed_issue_date() {
        let found = with_issued("\"2020-10-32\"").read();
        assert_eq!(ids(&found), ["D401"]);
    }
}
