//! Findings about the data: what is wrong, how bad it is, and where.
//!
//! A [`Diagnostic`] is never thrown. Readers and checks push diagnostics into a list and keep
//! going, so one run shows a department every problem in its file. What *kind* of problem it is
//! lives in [`Problem`] (structured data, with all wording in one place); *where* it is comes
//! from the [`Location`] captured when the value was read.
//!
//! Fatal problems (a folder that does not exist, a file that cannot be read) are not diagnostics:
//! they are [`crate::Error`]s.
//!
//! A file with a mistake on every row must not make a list that grows with the file: of one
//! rule's findings in one file, the first [`CAP`] are kept in full, and the rest are counted in
//! one more finding of that rule ([`Problem::More`]), placed at the first of them. Counts
//! ([`Diagnostics::errors`], the JSON summary) stay exact.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

use crate::findings::problem::Problem;
use crate::findings::rules::Rule;
use crate::model::location::Location;

/// How serious a finding is, once the year's rule levels are applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; does not stop a report (unless `--strict`).
    Warning,
    /// Must be fixed before a report is written.
    Error,
}

impl Severity {
    /// `warning` or `error`, as printed and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

pub use crate::model::level::Level;

/// The language messages for people are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

/// One finding about the submitted data.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// What is wrong.
    pub problem: Problem,
    /// How serious, after the year's rule levels.
    pub severity: Severity,
    /// Where, if the problem has a place.
    pub location: Option<Location>,
}

impl Diagnostic {
    /// The rule this finding belongs to.
    pub fn rule(&self) -> &'static Rule {
        self.problem.rule()
    }
}

impl Diagnostic {
    /// How many findings this one stands for: 1, or the count a [`Problem::More`] summarises.
    pub fn weight(&self) -> usize {
        match self.problem {
            Problem::More { count, .. } => usize::try_from(count).unwrap_or(usize::MAX),
            _ => 1,
        }
    }
}

/// How many findings of one rule in one file are kept in full; the rest are counted.
pub const CAP: usize = 100;

/// A file and a rule: what [`CAP`] counts by.
type Kind = (Arc<Path>, &'static str);

/// Findings collected while reading and checking one year.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
    /// Findings seen so far, by file and rule.
    seen: HashMap<Kind, usize>,
    /// Where in `list` each kind's [`Problem::More`] is.
    more: HashMap<Kind, usize>,
}

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Diagnostics::default()
    }

    /// Records a finding at a location, at its rule's default level.
    pub fn push(&mut self, problem: Problem, location: impl Into<Option<Location>>) {
        let severity = match problem.rule().level {
            Level::Error => Severity::Error,
            // `Allow` by default means "only when a year asks for it"; record it as a warning so
            // a year's `[rules]` table can raise it.
            Level::Warning | Level::Allow => Severity::Warning,
        };
        self.add(Diagnostic {
            problem,
            severity,
            location: location.into(),
        });
    }

    /// Whether a finding of `rule` at `location` would only be counted, not kept ([`CAP`]): a
    /// check can then spare the work of wording it (a suggestion, a list).
    pub fn saturated(&self, location: &Location, rule: &'static Rule) -> bool {
        let kind = (Arc::clone(&location.file), rule.id);
        self.seen.get(&kind).is_some_and(|&n| n >= CAP)
    }

    /// Keeps a finding, or counts it in its kind's [`Problem::More`] once [`CAP`] are kept.
    fn add(&mut self, d: Diagnostic) {
        let Some(location) = &d.location else {
            self.list.push(d);
            return;
        };
        let kind = (Arc::clone(&location.file), d.rule().id);
        let weight = d.weight();
        let seen = self.seen.entry(kind.clone()).or_insert(0);
        let before = *seen;
        *seen += weight;
        if before < CAP && !matches!(d.problem, Problem::More { .. }) {
            self.list.push(d);
            return;
        }
        let count = weight as u64;
        match self.more.get(&kind) {
            Some(&at) => {
                if let Problem::More { count: n, .. } = &mut self.list[at].problem {
                    *n += count;
                }
            }
            None => {
                self.more.insert(kind, self.list.len());
                self.list.push(Diagnostic {
                    problem: Problem::More {
                        rule: d.rule(),
                        count,
                    },
                    severity: d.severity,
                    location: d.location,
                });
            }
        }
    }

    /// Finds each kind's [`Problem::More`] again after the list was reordered or filtered.
    fn reindex(&mut self) {
        self.more.clear();
        for (at, d) in self.list.iter().enumerate() {
            if let (Problem::More { rule, .. }, Some(location)) = (&d.problem, &d.location) {
                self.more.insert((Arc::clone(&location.file), rule.id), at);
            }
        }
    }

    /// The errors alone, in the same order: what a command prints when warnings are not asked
    /// for.
    pub fn errors_only(&self) -> Diagnostics {
        let mut errors = Diagnostics::new();
        for d in self.list.iter().filter(|d| d.severity == Severity::Error) {
            errors.add(d.clone());
        }
        errors
    }

    /// Applies the year's rule levels: drops allowed rules, changes the severity of the others.
    pub fn apply_levels(&mut self, levels: &BTreeMap<String, Level>) {
        self.list.retain_mut(|d| {
            let level = levels.get(d.rule().id).copied().unwrap_or(d.rule().level);
            match level {
                Level::Allow => false,
                Level::Warning => {
                    d.severity = Severity::Warning;
                    true
                }
                Level::Error => {
                    d.severity = Severity::Error;
                    true
                }
            }
        });
        self.reindex();
    }

    /// Sorts findings by file, position and rule, so output does not depend on reading order.
    pub fn sort(&mut self) {
        self.list.sort_by(|a, b| {
            let key = |d: &Diagnostic| {
                (
                    d.location
                        .as_ref()
                        .map(|l| (l.file.clone(), l.position.clone())),
                    d.rule().id,
                )
            };
            key(a).cmp(&key(b)).then_with(|| {
                a.problem
                    .message(Lang::En)
                    .cmp(&b.problem.message(Lang::En))
            })
        });
        self.list.dedup();
        self.reindex();
    }

    /// Number of findings that are errors, those only counted ([`CAP`]) included.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of findings that are warnings, those only counted included.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.list
            .iter()
            .filter(|d| d.severity == severity)
            .map(Diagnostic::weight)
            .sum()
    }

    /// Whether there are no findings at all.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The findings, in the order recorded (or sorted, after [`Diagnostics::sort`]).
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.list.iter()
    }

    /// Moves every finding of `other` into this list (kept or counted by [`CAP`] as if pushed
    /// here).
    pub fn extend(&mut self, other: Diagnostics) {
        for d in other.list {
            self.add(d);
        }
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::Position;

    fn bad_date(file: &Arc<Path>, row: usize) -> (Problem, Location) {
        let location = Location {
            file: Arc::clone(file),
            position: Position::Field {
                record: row * 10,
                index: 0,
            },
        };
        let problem = Problem::BadDate {
            value: format!("第{row}天"),
        };
        (problem, location)
    }

    #[test]
    fn a_finding_on_every_row_keeps_the_first_and_counts_the_rest() {
        let file: Arc<Path> = Arc::from(Path::new("宣传部-事件.csv"));
        let other: Arc<Path> = Arc::from(Path::new("教务处.csv"));
        let mut diags = Diagnostics::new();
        for row in 0..10_000 {
            let (problem, location) = bad_date(&file, row);
            diags.push(problem, location);
        }
        let (problem, location) = bad_date(&other, 1);
        diags.push(problem, location);
        assert_eq!(diags.iter().count(), CAP + 2);
        assert_eq!(diags.errors(), 10_001);
        diags.sort();
        let more: Vec<_> = diags
            .iter()
            .filter(|d| matches!(d.problem, Problem::More { .. }))
            .collect();
        assert_eq!(more.len(), 1);
        assert_eq!(more[0].rule().id, "D401");
        assert_eq!(more[0].weight(), 10_000 - CAP);
        assert_eq!(
            more[0].location,
            Some(bad_date(&file, CAP).1),
            "at the first finding not shown"
        );
        // Pushed after sorting, and merged from another list, still counted in the one summary.
        let (problem, location) = bad_date(&file, 20_000);
        diags.push(problem, location);
        let mut more_diags = Diagnostics::new();
        let (problem, location) = bad_date(&file, 20_001);
        more_diags.push(problem, location);
        diags.extend(more_diags);
        assert_eq!(diags.iter().count(), CAP + 2);
        assert_eq!(diags.errors(), 10_003);
        assert_eq!(diags.errors_only().errors(), 10_003);
        let mut levels = BTreeMap::new();
        levels.insert("D401".to_owned(), Level::Warning);
        diags.apply_levels(&levels);
        assert_eq!((diags.errors(), diags.warnings()), (0, 10_003));
    }
}
