//! The narrative the office and departments write: every part says something, no counts are
//! typed into sentences, no text is left over from another year or unreviewed (D501–D504).

use std::ops::Range;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::{EmptyFix, Problem};
use crate::model::figure_ref;
use crate::model::location::{Located, Location};
use crate::model::outline::Content;
use crate::model::submission::Submissions;
use crate::model::year::AcademicYear;

/// Units that make a number a count. (个 is left out: "15个工作日" is a deadline, not a count.)
const UNITS: &[&str] = &["人次", "条", "篇", "期", "份", "件", "项", "次", "人", "场"];

/// The marker `disclose init` puts on every paragraph it carries over from last year.
pub const REVIEW: &str = "【待审阅】";

/// D505: a figure `disclose import` wrote, not checked yet.
fn imported(subs: &Submissions, diags: &mut Diagnostics) {
    for (_, figure) in subs.figures() {
        if let Some(source) = &figure.imported {
            diags.push(
                Problem::Imported {
                    key: figure.key().to_string(),
                    source: source.value.clone(),
                },
                source.location.clone(),
            );
        }
    }
}

/// D502–D505: what is written in the narrative, paragraph by paragraph, and imported figures.
pub(crate) fn text(subs: &Submissions, diags: &mut Diagnostics) {
    imported(subs, diags);
    let year = subs.facts.year.value;
    visit(subs, &mut |text, locate, title| {
        for range in counts(text) {
            diags.push(
                Problem::CountInText {
                    text: text[range.clone()].to_owned(),
                    title,
                },
                locate(range),
            );
        }
        // A title is printed as written: a figure named there would print as braces.
        if title {
            for reference in figure_ref::find(text) {
                diags.push(
                    Problem::CountInText {
                        text: text[reference.range.clone()].to_owned(),
                        title,
                    },
                    locate(reference.range),
                );
            }
        }
        if let Some(at) = text.find(REVIEW) {
            diags.push(Problem::Unreviewed, locate(at..at + REVIEW.len()));
        }
        for (range, found) in other_years(text, year) {
            diags.push(
                Problem::StaleYear {
                    found,
                    expected: year.to_string(),
                },
                locate(range),
            );
        }
    });
}

/// Runs every narrative check (for tests).
#[cfg(test)]
fn check(subs: &Submissions, diags: &mut Diagnostics) {
    parts(subs, diags);
    text(subs, diags);
}

/// D501: parts of the outline, and key areas, with nothing in them.
pub(crate) fn parts(subs: &Submissions, diags: &mut Diagnostics) {
    let facts = &subs.facts;
    for spec in &facts.outline.parts {
        let text = facts.parts.get(&spec.key);
        let narrative = text.is_some_and(|t| !t.paragraphs.is_empty() || !t.points.is_empty());
        let held = spec.holds.iter().any(|content| match content {
            Content::Channels => !facts.channels.is_empty(),
            Content::Areas => !facts.areas.is_empty(),
            Content::Requests
            | Content::Complaints
            | Content::Checklist
            | Content::RequestsForm
            | Content::ReviewsForm => true,
        });
        let empty = !narrative && !held;
        if empty {
            let heading = text
                .and_then(|t| t.heading.as_ref())
                .map_or(spec.heading.as_str(), |h| h.value.as_str())
                .replace("{单位}", &facts.typography.noun);
            let at = text
                .and_then(|t| t.location.clone())
                .unwrap_or_else(|| Location::file(&facts.file));
            diags.push(
                Problem::EmptyPart {
                    heading,
                    fix: EmptyFix::Part(spec.key.clone()),
                },
                at,
            );
        }
    }
    let areas = &facts.areas;
    let stray = subs
        .departments
        .iter()
        .flat_map(|d| &d.texts)
        .any(|t| !areas.iter().any(|a| a.key.value == t.area.value));
    if stray {
        // A text for an area that does not exist (D110) is probably meant for an empty one.
        return;
    }
    for area in areas {
        let written = !area.paragraphs.is_empty()
            || subs
                .departments
                .iter()
                .flat_map(|d| &d.texts)
                .any(|t| t.area.value == area.key.value && !t.paragraphs.is_empty());
        if !written {
            diags.push(
                Problem::EmptyPart {
                    heading: area.title.value.clone(),
                    fix: EmptyFix::Area(area.key.value.clone()),
                },
                area.key.location.clone(),
            );
        }
    }
}

/// Finds the location of a byte range of a piece of narrative.
type Locate<'a> = &'a dyn Fn(Range<usize>) -> Location;

/// Calls `f` with every piece of narrative of the year, a way to locate a range of it, and
/// whether it is a title or heading (printed as written) rather than a paragraph.
fn visit(subs: &Submissions, f: &mut dyn FnMut(&str, Locate<'_>, bool)) {
    for p in figure_ref::paragraphs(subs) {
        f(&p.text, &|r| p.locate(r), false);
    }
    let facts = &subs.facts;
    let mut plain = |s: &Located<String>| f(&s.value, &|r| s.location.within(&s.value, r), true);
    for part in facts.parts.values() {
        part.points.iter().for_each(|p| plain(&p.title));
        part.heading.iter().for_each(&mut plain);
    }
    facts.channels.iter().for_each(|g| plain(&g.title));
    facts.areas.iter().for_each(|a| plain(&a.title));
}

/// Byte ranges of counts written into text: digits (ASCII or full-width, with `,` `.` or 万), an
/// optional 余/多, an optional space, then a unit. Ordinals (第7条, 第3期) are not counts.
pub(crate) fn counts(text: &str) -> Vec<Range<usize>> {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (start, c) = chars[k];
        let before = k.checked_sub(1).map(|j| chars[j].1);
        if !digit(c) || before.is_some_and(|b| b.is_ascii_alphanumeric() || digit(b) || b == '第')
        {
            k += 1;
            continue;
        }
        while k < chars.len()
            && (digit(chars[k].1) || matches!(chars[k].1, ',' | '.' | '，' | '．'))
        {
            k += 1;
        }
        let after_digits = chars.get(k).map_or(text.len(), |(i, _)| *i);
        let mut rest = &text[after_digits..];
        for prefix in ["万", "余", "多"] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        rest = rest.trim_start_matches([' ', '\u{3000}']);
        if let Some(unit) = UNITS.iter().find(|u| rest.starts_with(*u)) {
            let end = text.len() - rest.len() + unit.len();
            found.push(start..end);
            while k < chars.len() && chars[k].0 < end {
                k += 1;
            }
        }
    }
    found
}

/// Academic years named in text (`2018-2019学年`, `2018—2019年度`) other than `year`.
fn other_years(text: &str, year: AcademicYear) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digits_at = |k: usize| {
        (k + 4 <= chars.len() && chars[k..k + 4].iter().all(|(_, c)| c.is_ascii_digit()))
            .then(|| chars[k..k + 4].iter().map(|(_, c)| c).collect::<String>())
    };
    let mut k = 0;
    while k < chars.len() {
        let before_ok = k == 0 || !chars[k - 1].1.is_ascii_digit();
        let (Some(first), true) = (digits_at(k), before_ok) else {
            k += 1;
            continue;
        };
        let mut j = k + 4;
        while j < chars.len() && chars[j].1 == ' ' {
            j += 1;
        }
        if j < chars.len() && matches!(chars[j].1, '-' | '—' | '–' | '～' | '~' | '至') {
            j += 1;
            while j < chars.len() && chars[j].1 == ' ' {
                j += 1;
            }
            if let Some(second) = digits_at(j) {
                let (a, b): (i32, i32) = (first.parse().unwrap_or(0), second.parse().unwrap_or(0));
                let end = j + 4;
                let after_ok = end == chars.len() || !chars[end].1.is_ascii_digit();
                if b == a + 1 && after_ok && (a != i32::from(year.start())) {
                    let start_byte = chars[k].0;
                    let end_byte = chars.get(end).map_or(text.len(), |(b, _)| *b);
                    found.push((start_byte..end_byte, format!("{a}-{b}")));
                }
                k = end;
                continue;
            }
        }
        k += 1;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{Year, ids};

    #[test]
    fn counts_are_found_with_their_units() {
        let text =
            "发布党委常委会会议纪要 39 次，约3600余条；2020 年招生章程；教育部令第29号；15个工作日";
        let got: Vec<&str> = counts(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(got, ["39 次", "3600余条"]);
    }

    #[test]
    fn other_academic_years_are_found() {
        let year: AcademicYear = "2019-2020".parse().unwrap();
        let text = "2019-2020年度，学校…；2018—2019学年；2019 年决算和 2020 年预算";
        let got: Vec<String> = other_years(text, year)
            .into_iter()
            .map(|(_, y)| y)
            .collect();
        assert_eq!(got, ["2018-2019"]);
    }

    #[test]
    fn d502_d503_point_into_the_paragraph() {
        let found = Year::new()
            .facts("[parts.overview]\ntext = '''\n2018-2019学年，学校\n发布纪要 39 次。\n'''\n")
            .check_with(super::check);
        let ids = ids(&found);
        assert!(
            ids.contains(&"D502".to_owned()) && ids.contains(&"D503".to_owned()),
            "{}",
            found.dump()
        );
        let dump = found.dump();
        assert!(dump.contains("D503 report.toml:6:1"), "{dump}");
        assert!(dump.contains("D502 report.toml:7:6"), "{dump}");
    }

    #[test]
    fn d502_a_title_holds_neither_a_count_nor_a_figure_name() {
        let found = Year::new()
            .facts(
                "[[parts.overview.points]]\ntitle = \"开展专题培训2次\"\ntext = \"无\"\n\n\
                 [[parts.overview.points]]\ntitle = \"开展培训{培训/专题培训}\"\ntext = \"无\"\n",
            )
            .check_with(super::check);
        let dump = found.dump();
        assert!(
            dump.contains("D502 report.toml:5:16 a title cannot hold the count `2次`"),
            "{dump}"
        );
        assert!(
            dump.contains("D502 report.toml:9:14 a title cannot hold the count `{培训/专题培训}`"),
            "{dump}"
        );
    }

    #[test]
    fn d504_each_paragraph_still_marked_for_review() {
        let found = Year::new()
            .facts("[parts.other]\ntext = '''\n【待审阅】无\n\n【待审阅】另有说明。\n'''\n")
            .check_with(super::check);
        let dump = found.dump();
        assert!(dump.contains("D504 report.toml:6:1"), "{dump}");
        assert!(dump.contains("D504 report.toml:8:1"), "{dump}");
    }

    #[test]
    fn d501_a_key_area_nobody_writes_about() {
        let found = Year::new()
            .facts("[[areas]]\nkey = \"财务\"\ntitle = \"财务信息公开情况\"\n")
            .check_with(super::check);
        assert!(
            found
                .dump()
                .contains("D501 report.toml:5:7 the key area “财务信息公开情况” has no text: the responsible department submits [[text]] with area = \"财务\""),
            "{}",
            found.dump()
        );
    }

    #[test]
    fn d501_every_narrative_part_needs_text() {
        let found = Year::new().check_with(super::check);
        // overview, proactive, appraisal, improvements, other
        assert_eq!(ids(&found), ["D501"; 5]);
    }
}
