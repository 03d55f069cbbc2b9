//! Where a year stands, department by department: who has submitted, how much, with how many
//! errors and warnings, and how many of the checklist items they own are accounted for.
//!
//! `disclose status` prints this while submissions come in, and exits non-zero while anything
//! is missing or wrong, so that a script can send reminders.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde::Serialize;

use crate::findings::diagnostic::{Diagnostics, Severity};
use crate::model::submission::Department;
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
///
/// Linear in departments, files and findings: everything looked up is indexed once.
pub fn of(loaded: &Loaded, templates: &BTreeSet<String>) -> Status {
    let subs = &loaded.submissions;
    let diags = &loaded.diagnostics;
    let listed: HashSet<&str> = subs
        .facts
        .departments
        .iter()
        .map(|d| d.value.as_str())
        .collect();
    let names = names(loaded);
    let by_name: HashMap<&str, &Department> = subs
        .departments
        .iter()
        .map(|d| (d.name.as_str(), d))
        .collect();
    let by_file = by_file(diags);
    let mut assigned: HashMap<&str, Vec<&str>> = HashMap::new();
    for owner in &subs.facts.owners {
        assigned
            .entry(owner.department.value.as_str())
            .or_default()
            .extend(owner.items.iter().map(|i| i.value.as_str()));
    }
    let accounted: HashSet<&str> = subs
        .departments
        .iter()
        .flat_map(|d| d.disclosures.iter().map(|e| e.item.value.as_str()))
        .collect();
    let departments: Vec<DepartmentStatus> = names
        .iter()
        .map(|&name| {
            let department = by_name.get(name).copied();
            let files = department.map_or(&[][..], |d| d.files.as_slice());
            let (mut errors, mut warnings) = (0, 0);
            for file in files {
                if let Some((e, w)) = by_file.get(&**file) {
                    errors += e;
                    warnings += w;
                }
            }
            let mut owned: Vec<&str> = assigned.get(name).cloned().unwrap_or_default();
            if let Some(d) = department {
                owned.extend(d.disclosures.iter().map(|e| e.item.value.as_str()));
            }
            owned.sort_unstable();
            owned.dedup();
            let covered = owned.iter().filter(|id| accounted.contains(*id)).count();
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
                name: name.to_owned(),
                listed: listed.contains(name),
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
        office_errors: errors.saturating_sub(in_departments(Severity::Error)),
        office_warnings: warnings.saturating_sub(in_departments(Severity::Warning)),
        complete: missing.is_empty() && errors == 0,
        missing,
        errors,
        warnings,
        departments,
    }
}

/// The departments: the listed ones in order, then any others, each once.
fn names(loaded: &Loaded) -> Vec<&str> {
    let subs = &loaded.submissions;
    let mut names = Vec::new();
    let mut seen = HashSet::new();
    for name in subs
        .facts
        .departments
        .iter()
        .map(|d| d.value.as_str())
        .chain(subs.departments.iter().map(|d| d.name.as_str()))
    {
        if seen.insert(name) {
            names.push(name);
        }
    }
    names
}

/// Errors and warnings by file.
fn by_file(diags: &Diagnostics) -> HashMap<&Path, (usize, usize)> {
    let mut by_file: HashMap<&Path, (usize, usize)> = HashMap::new();
    for d in diags {
        if let Some(location) = &d.location {
            let counts = by_file.entry(&location.file).or_default();
            match d.severity {
                Severity::Error => counts.0 += d.weight(),
                Severity::Warning => counts.1 += d.weight(),
            }
        }
    }
    by_file
}

fn rows(d: &Department) -> u64 {
    let events: u64 = d.events.values().map(|t| t.in_period + t.outside).sum();
    let tables = u64::from(d.requests.is_some()) + u64::from(d.complaints.is_some());
    (d.figures.len() + d.texts.len() + d.disclosures.len()) as u64 + events + tables
}

/// Errors and warnings of a list, for callers that only have the list.
pub fn totals(diags: &Diagnostics) -> (usize, usize) {
    (diags.errors(), diags.warnings())
}
