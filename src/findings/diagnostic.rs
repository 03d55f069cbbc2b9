//! Findings about the data: what is wrong, how bad it is, and where.
//!
//! A [`Diagnostic`] is never thrown. Readers and checks push diagnostics into a list and keep
//! going, so one run shows a department every problem in its file. What *kind* of problem it is
//! lives in [`Problem`] (structured data, with all wording in one place); *where* it is comes
//! from the [`Location`] captured when the value was read.
//!
//! Fatal problems (a folder that does not exist, a file that cannot be read) are not diagnostics:
//! they are [`crate::Error`]s.

use std::collections::BTreeMap;

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

/// Findings collected while reading and checking one year.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    list: Vec<Diagnostic>,
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
        self.list.push(Diagnostic {
            problem,
            severity,
            location: location.into(),
        });
    }

    /// The errors alone, in the same order: what a command prints when warnings are not asked
    /// for.
    pub fn errors_only(&self) -> Diagnostics {
        Diagnostics {
            list: self
                .list
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .cloned()
                .collect(),
        }
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
    }

    /// Number of findings that are errors.
    pub fn errors(&self) -> usize {
        self.list
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of findings that are warnings.
    pub fn warnings(&self) -> usize {
        self.list
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Whether there are no findings at all.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The findings, in the order recorded (or sorted, after [`Diagnostics::sort`]).
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.list.iter()
    }

    /// Moves every finding of `other` into this list.
    pub fn extend(&mut self, other: Diagnostics) {
        self.list.extend(other.list);
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}
