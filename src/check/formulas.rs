//! Texts that a spreadsheet would run as a formula (D123).
//!
//! A text that starts with `=`, `@`, or `+`/`-` before anything but a number, is evaluated by
//! Excel when the CSV it is in is opened (`=HYPERLINK(…)`, `@SUM(…)`, `-cmd|…`): a department's
//! copy-paste from a spreadsheet, or worse. `disclose init` writes such a text into a CSV
//! template behind an apostrophe, so that a spreadsheet shows it as text (and reading takes the
//! apostrophe off again); this check warns about every submitted text that starts so, at its
//! place, so that the office sees it before the text reaches next year's templates.

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::model::location::Location;
use crate::model::submission::Submissions;
use crate::read::formula::looks_like_formula;

/// Runs the check over every text a department submitted.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    let mut warn = |text: &str, location: &Location| {
        if looks_like_formula(text) {
            let problem = Problem::FormulaText {
                text: text.chars().take(40).collect(),
            };
            diags.push(problem, location.clone());
        }
    };
    for department in &subs.departments {
        for figure in &department.figures {
            for text in [&figure.channel, &figure.item, &figure.unit]
                .into_iter()
                .chain(&figure.parent)
                .chain(&figure.join)
            {
                warn(&text.value, &text.location);
            }
            if let Some(phrase) = &figure.phrase {
                warn(&phrase.value.text, &phrase.location);
            }
        }
        for disclosure in &department.disclosures {
            for text in disclosure
                .channels
                .iter()
                .chain(&disclosure.owners)
                .chain(&disclosure.note)
            {
                warn(&text.value, &text.location);
            }
        }
        for text in &department.texts {
            for paragraph in &text.paragraphs {
                warn(&paragraph.text, &paragraph.location);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{Year, ids};

    #[test]
    fn what_a_spreadsheet_would_run() {
        for text in [
            "=HYPERLINK(\"http://x\")",
            "@SUM(A1)",
            "+A1",
            "-cmd|' /C calc'!A0",
            "=1",
        ] {
            assert!(looks_like_formula(text), "{text}");
        }
        for text in [
            "-5",
            "+86 10 1234",
            "- 列表",
            "学校主页",
            "=",
            "--",
            "",
            "-0.5",
        ] {
            assert!(!looks_like_formula(text), "{text}");
        }
    }

    #[test]
    fn d123_a_submitted_formula_is_warned_about_at_its_cell() {
        let found = Year::new()
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位,措辞\n学校主页,=HYPERLINK(\"http://evil.example/\"),3,条,\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D123"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.csv:2:6");
        assert_eq!(
            found.message(0),
            "`=HYPERLINK(\"http://evil.example/\")` starts like a spreadsheet formula, which Excel would run when the file is opened; if it is meant as text, put a word before it"
        );
    }
}
