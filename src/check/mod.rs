//! Stage 2, check: the rules that reading alone cannot apply.
//!
//! Reading has already reported what is wrong inside single files (syntax, keys, types, counts,
//! dates). The checks here look across rows, files and departments: totals against their parts,
//! the same figure reported twice, requests that do not balance, the report's dates, the
//! narrative, and the checklist. Each family is one file; every rule's tests sit beside it.

mod checklist;
mod dates;
mod figures;
mod forms;
pub mod formulas;
pub(crate) mod narrative;

pub use narrative::REVIEW;
mod placement;
mod requests;
#[cfg(test)]
pub(crate) mod testing;

use crate::findings::diagnostic::Diagnostics;
use crate::model::submission::Submissions;

/// Runs every check on a year, adds the findings to `diags`, then applies the year's rule levels
/// and sorts the findings.
///
/// The checks of single values (dates, narrative text) always run. When reading lost a value or
/// a row (a syntax error, an unknown key, a missing field, a bad value), the checks across files
/// wait: they would report the loss again, as a total that does not add up or a table nobody
/// submitted. They run once every file reads cleanly.
pub fn run(subs: &Submissions, diags: &mut Diagnostics) {
    dates::check(subs, diags);
    narrative::text(subs, diags);
    formulas::check(subs, diags);
    if !subs.incomplete {
        figures::check(subs, diags);
        checklist::check(subs, diags);
        placement::check(subs, diags);
        requests::check(subs, diags);
        forms::check(subs, diags);
        narrative::parts(subs, diags);
    }
    diags.apply_levels(&subs.facts.levels());
    diags.sort();
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

    #[test]
    fn a_syntax_error_hides_what_would_only_be_missing_because_of_it() {
        let found = Year::new()
            .file("党委办公室.toml", "[requests]\nreceived = 0 件\n")
            .check_all();
        assert_eq!(ids(&found), ["D101"], "{}", found.dump());
    }

    #[test]
    fn a_year_can_lower_or_silence_a_rule() {
        let year = Year::new().file("宣传部.csv", "渠道,类别,数量,单位\n学校主页,信息,1,条\n");
        let all = ids(&year.check_all());
        assert!(all.contains(&"D501".to_owned()) && all.contains(&"D307".to_owned()));
        let quiet = Year::new()
            .facts("[rules]\nD501 = \"allow\"\nd307 = \"error\"\nD309 = \"warning\"\n")
            .file("宣传部.csv", "渠道,类别,数量,单位\n学校主页,信息,1,条\n")
            .check_all();
        let found = ids(&quiet);
        assert!(!found.contains(&"D501".to_owned()), "{}", quiet.dump());
        assert!(quiet.dump().contains("D307"));
    }
}
