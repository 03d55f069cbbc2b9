//! Where a year stands, department by department: who has submitted, how much, with how many
//! errors and warnings, and how many of the checklist items they own are accounted for.
//!
//! `disclose status` prints this while submissions come in, and exits non-zero while anything
//! is missing or wrong, so that a script can send reminders.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::findings::diagnostic::{Diagnostics, Severity};
use crate::read::Loaded;

/// One department's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DepartmentStatus {
    /// The department.
    pub name: String,
    /// Whether report.toml lists it among the departments expected to submit.
    pub listed: bool,
    /// Whether it has sent something: a file in the year folder that is not an unchanged
    /// template of `disclose init`.
    pub received: bool,
    /// Whether its files are all still the templates `disclose init` wrote, with blanks that
    /// findings report (a number to fill, a text marked 【待审阅】): not filled in.
    pub template: bool,
    /// Its files (templates included).
    pub files: usize,
    /// Rows read: counts, events, texts, checklist entries, and the requests and complaints
    /// tables.
    pub rows: u64,
    /// Errors in its files.
    pub errors: usize,
    /// Warnings in its files.
    pub warnings: usize,
    /// Checklist items it owns: assigned in report.toml's `[owners]` or accounted for by it.
    pub checklist_owned: usize,
    /// Of those, the items accounted for (by it or a co-owner).
    pub checklist_covered: usize,
}

/// The whole year's state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Status {
    /// The academic year.
    pub year: String,
    /// One entry per department: the listed ones in order, then any others.
    pub departments: Vec<DepartmentStatus>,
    /// Errors and warnings not in a department's file (report.toml, the checklist, the year).
    pub office_errors: usize,
    /// See `office_errors`.
    pub office_warnings: usize,
    /// Listed departments that have sent nothing (no file, or only the unchanged templates).
    pub missing: Vec<String>,
    /// All errors.
    pub errors: usize,
    /// All warnings.
    pub warnings: usize,
    /// Whether every listed department has submitted and there are no errors.
    pub complete: bool,
}

/// Works out the state of a loaded and checked year. `templates` names the year folder's files
/// that are still unchanged templates ([`crate::office::init::unchanged_templates`]).
pub fn of(loaded: &Loaded, templates: &BTreeSet<String>) -> Status {
    let subs = &loaded.submissions;
    let diags = &loaded.diagnostics;
    let mut names: Vec<String> = subs
        .facts
        .departments
        .iter()
        .map(|d| d.value.clone())
        .collect();
    for d in &subs.departments {
        if !names.contains(&d.name) {
            names.push(d.name.clone());
        }
    }
    let departments: Vec<DepartmentStatus> = names
        .iter()
        .map(|name| {
            let department = subs.departments.iter().find(|d| &d.name == name);
            let files = department.map_or(&[][..], |d| d.files.as_slice());
            let count = |severity| {
                diags
                    .iter()
                    .filter(|d| d.severity == severity)
                    .filter(|d| d.location.as_ref().is_some_and(|l| files.contains(&l.file)))
                    .count()
            };
            let mut owned: Vec<&str> = subs
                .facts
                .owners
                .iter()
                .filter(|o| &o.department.value == name)
                .flat_map(|o| o.items.iter().map(|i| i.value.as_str()))
                .collect();
            if let Some(d) = department {
                owned.extend(d.disclosures.iter().map(|e| e.item.value.as_str()));
            }
            owned.sort_unstable();
            owned.dedup();
            let covered = owned
                .iter()
                .filter(|id| subs.disclosure(id).is_some())
                .count();
            let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
            // Still init's template, with blanks it reports (numbers, 【待审阅】 texts): nothing
            // sent yet. An unchanged template without findings (checklist entries that need no
            // change) is a valid answer.
            let template = !files.is_empty()
                && errors + warnings > 0
                && files.iter().all(|f| {
                    f.file_name()
                        .is_some_and(|n| templates.contains(&*n.to_string_lossy()))
                });
            DepartmentStatus {
                name: name.clone(),
                listed: subs.facts.departments.iter().any(|d| &d.value == name),
                received: !files.is_empty() && !template,
                template,
                files: files.len(),
                rows: department.map_or(0, rows),
                errors,
                warnings,
                checklist_owned: owned.len(),
                checklist_covered: covered,
            }
        })
        .collect();
    let in_departments = |severity: Severity| -> usize {
        departments
            .iter()
            .map(|d| match severity {
                Severity::Error => d.errors,
                Severity::Warning => d.warnings,
            })
            .sum()
    };
    let missing: Vec<String> = departments
        .iter()
        .filter(|d| d.listed && !d.received)
        .map(|d| d.name.clone())
        .collect();
    let (errors, warnings) = (diags.errors(), diags.warnings());
    Status {
        year: subs.facts.year.value.to_string(),
        office_errors: errors - in_departments(Severity::Error),
        office_warnings: warnings - in_departments(Severity::Warning),
        complete: missing.is_empty() && errors == 0,
        missing,
        errors,
        warnings,
        departments,
    }
}

fn rows(d: &crate::model::submission::Department) -> u64 {
    let events: u64 = d.events.values().map(|t| t.in_period + t.outside).sum();
    let tables = u64::from(d.requests.is_some()) + u64::from(d.complaints.is_some());
    (d.figures.len() + d.texts.len() + d.disclosures.len()) as u64 + events + tables
}

/// Errors and warnings of a list, for callers that only have the list.
pub fn totals(diags: &Diagnostics) -> (usize, usize) {
    (diags.errors(), diags.warnings())
}
