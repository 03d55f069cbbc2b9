//! Printing findings: for people (rustc-style, with the source line and a caret), for `grep`
//! and editors (one `path:line:col: severity[id]: message` line each), and for scripts (JSON).
//!
//! The JSON format is versioned and documented in docs/json.md; its keys never depend on the
//! message language.

use std::io::{self, Write};
use std::path::Path;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use serde::Serialize;

use crate::findings::diagnostic::{Diagnostic, Diagnostics, Lang, Severity};
use crate::findings::sources::Sources;
use crate::model::location::{Location, Position, column_letters};

/// How findings are printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// rustc-style, for people.
    Human,
    /// One line per finding.
    Short,
    /// A JSON document (see docs/json.md).
    Json,
}

/// The version of the JSON document `validate --format json` prints.
pub const JSON_VERSION: u32 = 1;

/// Where a finding is, resolved for printing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The file, as given on the command line (data folder + year + name).
    pub file: String,
    /// 1-based line, for text files.
    pub line: Option<usize>,
    /// 1-based column in characters, for text files.
    pub column: Option<usize>,
    /// The cell in A1 notation with its sheet (`Sheet1!C7`), for spreadsheets.
    pub cell: Option<String>,
}

impl Place {
    /// Resolves a location.
    pub fn of(location: &Location, sources: &mut Sources) -> Place {
        let file = location.file.display().to_string();
        if let Position::Cell { sheet, row, column } = &location.position {
            return Place {
                file,
                line: None,
                column: None,
                cell: Some(format!("{sheet}!{}{}", column_letters(*column), row + 1)),
            };
        }
        let resolved = sources.resolve(location);
        Place {
            file,
            line: resolved.as_ref().map(|r| r.line),
            column: resolved.as_ref().map(|r| r.column),
            cell: None,
        }
    }
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.cell, self.line, self.column) {
            (Some(cell), _, _) => {
                // A sheet's name may hold a `!`; a cell's A1 name never does.
                let (sheet, cell) = cell.rsplit_once('!').unwrap_or(("", cell));
                write!(f, "{}[{sheet}]!{cell}", self.file)
            }
            (None, Some(line), Some(column)) => write!(f, "{}:{line}:{column}", self.file),
            _ => f.write_str(&self.file),
        }
    }
}

/// Resolves, in one pass per large file, every place the findings point at.
fn prefetch(diags: &Diagnostics, sources: &mut Sources, lang: Lang) {
    let related: Vec<Location> = diags
        .iter()
        .filter_map(|d| d.problem.related(lang).map(|(l, _)| l.clone()))
        .collect();
    sources.prefetch(
        diags
            .iter()
            .filter_map(|d| d.location.as_ref())
            .chain(&related),
    );
}

/// Writes findings rustc-style. `color` adds ANSI colours (for terminals).
pub fn human(
    diags: &Diagnostics,
    sources: &mut Sources,
    lang: Lang,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    prefetch(diags, sources, lang);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in diags {
        let text = one_human(d, sources, lang, &renderer);
        writeln!(out, "{text}\n")?;
    }
    Ok(())
}

fn one_human(d: &Diagnostic, sources: &mut Sources, lang: Lang, renderer: &Renderer) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = d.problem.message(lang);
    let title = level.primary_title(message).id(d.rule().id);
    let mut group = Group::with_title(title);
    if let Some(location) = &d.location {
        let place = Place::of(location, sources);
        match (sources.resolve(location), &place.cell) {
            (Some(resolved), _) => {
                group = group.element(
                    Snippet::source(resolved.line_text.clone())
                        .line_start(resolved.line)
                        .path(place.file.clone())
                        .annotation(AnnotationKind::Primary.span(resolved.span.clone())),
                );
            }
            (None, _) => group = group.element(Origin::path(place.to_string())),
        }
    }
    if let Some((related, label)) = d.problem.related(lang) {
        let place = Place::of(related, sources);
        group = group.element(Level::NOTE.message(format!("{label}: {place}")));
    }
    renderer.render(&[group])
}

/// Writes findings one per line: `path:line:col: severity[id]: message`.
pub fn short(
    diags: &Diagnostics,
    sources: &mut Sources,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    short_from(diags, sources, lang, None, out)
}

/// The findings one per line, as [`short`] writes them, with each file named relative to
/// `base` (the data folder): what a draft lists, the same wherever the data folder is.
pub fn short_relative(
    diags: &Diagnostics,
    sources: &mut Sources,
    lang: Lang,
    base: &Path,
) -> Vec<String> {
    let mut bytes = Vec::new();
    // Writing into memory does not fail.
    let _ = short_from(diags, sources, lang, Some(base), &mut bytes);
    String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_owned)
        .collect()
}

fn short_from(
    diags: &Diagnostics,
    sources: &mut Sources,
    lang: Lang,
    base: Option<&Path>,
    out: &mut dyn Write,
) -> io::Result<()> {
    prefetch(diags, sources, lang);
    for d in diags {
        let message = d.problem.message(lang);
        let (severity, id) = (d.severity.as_str(), d.rule().id);
        match &d.location {
            Some(location) => {
                let mut place = Place::of(location, sources);
                if let Some(relative) = base.and_then(|b| location.file.strip_prefix(b).ok()) {
                    place.file = relative.display().to_string();
                }
                writeln!(out, "{place}: {severity}[{id}]: {message}")?;
            }
            None => writeln!(out, "{severity}[{id}]: {message}")?,
        }
    }
    Ok(())
}

/// One finding in the JSON document.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic {
    /// Rule id.
    pub rule: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// The message, in the chosen language.
    pub message: String,
    /// Where, if the finding has a place.
    #[serde(flatten)]
    pub place: Option<Place>,
    /// A second place the finding refers to.
    pub related: Option<Place>,
    /// For the finding that stands for a rule's findings in a file beyond the first
    /// [`crate::findings::diagnostic::CAP`]: how many it stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more: Option<u64>,
}

/// Totals.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
}

/// The findings as JSON values.
pub fn json_diagnostics(
    diags: &Diagnostics,
    sources: &mut Sources,
    lang: Lang,
) -> Vec<JsonDiagnostic> {
    prefetch(diags, sources, lang);
    diags
        .iter()
        .map(|d| JsonDiagnostic {
            rule: d.rule().id,
            severity: d.severity.as_str(),
            message: d.problem.message(lang),
            place: d.location.as_ref().map(|l| Place::of(l, sources)),
            related: d.problem.related(lang).map(|(l, _)| Place::of(l, sources)),
            more: match d.problem {
                crate::findings::problem::Problem::More { count, .. } => Some(count),
                _ => None,
            },
        })
        .collect()
}

/// The one-line summary printed after human findings.
pub fn summary_line(diags: &Diagnostics, lang: Lang) -> Option<String> {
    let (errors, warnings) = (diags.errors(), diags.warnings());
    if errors + warnings == 0 {
        return None;
    }
    Some(match lang {
        Lang::Zh => format!("共 {errors} 个错误，{warnings} 个警告"),
        Lang::En => {
            let plural = |n: usize, word: &str| {
                if n == 1 {
                    format!("1 {word}")
                } else {
                    format!("{n} {word}s")
                }
            };
            format!(
                "{} and {}",
                plural(errors, "error"),
                plural(warnings, "warning")
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;

    #[test]
    fn cells_are_shown_with_their_sheet_in_a1_notation() {
        let file: Arc<Path> = Arc::from(Path::new("宣传部.xlsx"));
        let place = |sheet: &str| {
            let location = Location {
                file: Arc::clone(&file),
                position: Position::Cell {
                    sheet: sheet.to_owned(),
                    row: 6,
                    column: 2,
                },
            };
            Place::of(&location, &mut Sources::new())
        };
        assert_eq!(place("Sheet1").cell.as_deref(), Some("Sheet1!C7"));
        assert_eq!(place("Sheet1").to_string(), "宣传部.xlsx[Sheet1]!C7");
        assert_eq!(place("数量!").to_string(), "宣传部.xlsx[数量!]!C7");
    }
}
