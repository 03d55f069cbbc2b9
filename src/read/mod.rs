//! Stage 1, read: a year folder → [`Submissions`], plus diagnostics for malformed input.
//!
//! A year folder (`data/2019-2020/`) holds `report.toml` (the office's facts and narrative) and
//! one or more files per department (TOML, CSV or Excel `.xlsx`/`.xls`), named after the department:
//! `宣传部.csv`, `宣传部-事件.xlsx` and `宣传部.toml` all belong to 宣传部 (the name is the file
//! name up to the first `-` or `.`). Files are read in name order and merged per department, so
//! the result does not depend on the order the operating system lists them in.
//!
//! Problems in the files are collected as diagnostics and reading goes on; only a folder or file
//! that cannot be read at all is a fatal [`Error`].

mod cells;
pub mod checklist;
pub(crate) mod columns;
mod csv;
mod department;
mod events;
pub mod export;
mod facts;
pub mod formula;
mod header;
pub mod link;
pub mod outline;
pub(crate) mod paths;
pub mod phrase;
pub mod progress;
mod quotes;
mod records;
mod rows;
mod sheet_xml;
pub(crate) mod sheets;
mod stream;
pub(crate) mod table;
pub(crate) mod values;
mod workbook;
mod xlsx;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::de::DeTable;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::Problem;
use crate::findings::rules;
use crate::findings::suggest::did_you_mean;
use crate::model::checklist::Checklist;
use crate::model::decode::{self, Encoding};
use crate::model::facts::Facts;
use crate::model::forms::FormKind;
use crate::model::location::Location;
use crate::model::submission::{Department, Previous, Submissions};
use crate::model::year::AcademicYear;

use self::events::EventSink;
use self::export::Export;
use self::paths::{Admit, Roots};
use self::table::Ctx;

/// The name of the office's file in every year folder.
pub const REPORT_FILE: &str = "report.toml";

/// Reading findings after which some value or row is missing from the model: checks across files
/// would report its absence again (a total whose part was dropped, a table left unread).
const LOSES_DATA: &[&rules::Rule] = &[
    &rules::SYNTAX,
    &rules::UNKNOWN_KEY,
    &rules::MISSING_FIELD,
    &rules::WRONG_TYPE,
    &rules::BAD_COUNT,
    &rules::EMPTY_FILE,
    // A phrase that cannot be read prints as written: whether it shows a total's parts is unknown.
    &rules::BAD_PHRASE,
    &rules::UNKNOWN_DEPARTMENT,
    &rules::UNDECODABLE,
    &rules::BAD_VALUE,
    &rules::BAD_DATE,
    &rules::CELL_OUTSIDE_TABLE,
    &rules::MERGED_CELLS,
    &rules::PATH_OUTSIDE,
    &rules::NOT_A_FILE,
];

/// A year's input and what reading it found.
#[derive(Debug)]
pub struct Loaded {
    /// The model.
    pub submissions: Submissions,
    /// Findings about malformed input.
    pub diagnostics: Diagnostics,
}

/// What the year before `year` carried forward, when `data` has its folder and it reads; its
/// findings are not this year's and are dropped.
pub fn previous(data: &Path, year: AcademicYear) -> Option<Previous> {
    let last = year.previous()?;
    let loaded = self::year(data, last).ok()?;
    let subs = &loaded.submissions;
    let carried_forward = subs
        .departments
        .iter()
        .find_map(|d| d.requests.as_ref())
        .map(|r| r.carried_forward.as_ref().map_or(0, |c| c.value));
    let form_forward = subs
        .departments
        .iter()
        .flat_map(|d| &d.forms)
        .find(|f| f.kind == FormKind::Requests)
        .and_then(|f| f.row("carried_forward"))
        .map(|r| r.values.iter().map(|v| v.value).collect());
    (carried_forward.is_some() || form_forward.is_some()).then(|| Previous {
        year: last.to_string(),
        carried_forward,
        form_forward,
    })
}

impl Loaded {
    /// Every file the year was read from: report.toml, the checklist it names, and each
    /// department's files (platform exports included).
    pub fn inputs(&self) -> Vec<&Path> {
        let subs = &self.submissions;
        let mut inputs: Vec<&Path> = vec![&subs.facts.file];
        inputs.extend(subs.checklist.file.as_deref());
        for department in &subs.departments {
            inputs.extend(department.files.iter().map(|f| &**f));
        }
        inputs
    }
}

/// Reads the folder for `year` inside `data`.
pub fn year(data: &Path, year: AcademicYear) -> Result<Loaded, Error> {
    let folder = data.join(year.to_string());
    if !folder.is_dir() {
        return Err(Error::YearNotFound {
            year: year.to_string(),
            path: folder,
            hint: years_hint(data),
        });
    }
    let report = folder.join(REPORT_FILE);
    if report.symlink_metadata().is_err() {
        return Err(Error::NoReportFacts { path: report });
    }
    let roots = Roots::new(data, &folder);
    let mut diags = Diagnostics::new();
    let facts = read_facts(&report, &roots, year, &mut diags)?;
    let (mut checklist, checklist_path) = read_checklist(&folder, &roots, &facts, &mut diags)?;
    reword(&mut checklist, &facts, &mut diags);
    let mut departments: BTreeMap<String, Department> = BTreeMap::new();
    let paths: Vec<PathBuf> = files(&folder, &roots, &mut diags, |p| {
        p.file_name().is_some_and(|n| n == REPORT_FILE) || checklist_path.as_deref() == Some(p)
    })?;
    let listed: HashSet<&str> = facts.departments.iter().map(|d| d.value.as_str()).collect();
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let progress = progress::progress();
    progress.start_year(paths.iter().map(|p| size(p)).sum());
    // TOML files first: they may describe platform exports, which the other files may be.
    let mut exports: Vec<(String, Export)> = Vec::new();
    for path in paths.iter().filter(|p| extension(p) == "toml") {
        progress.start_file(path);
        progress.finish_file(size(path));
        let file: Arc<Path> = Arc::from(path.as_path());
        let department = department_for(&mut departments, &facts, &listed, &file, &mut diags);
        let Some(text) = read_text(&file, &mut diags)? else {
            continue;
        };
        let (doc, errors) = DeTable::parse_recoverable(&text);
        let mut ctx = Ctx {
            file: file.clone(),
            source: &text,
            diags: &mut diags,
        };
        if errors.is_empty() {
            let mut events = EventSink::new(facts.period);
            let mut found = Vec::new();
            department::read(&mut ctx, doc.get_ref(), department, &mut events, &mut found);
            events.finish_file(ctx.diags);
            let name = department.name.clone();
            exports.extend(found.into_iter().map(|e| (name.clone(), e)));
        } else {
            report_toml_errors(&mut ctx, &errors);
        }
    }
    for path in paths.iter().filter(|p| extension(p) != "toml") {
        progress.start_file(path);
        let file: Arc<Path> = Arc::from(path.as_path());
        let kind = extension(path);
        if !matches!(kind.as_str(), "csv" | "xlsx" | "xls") {
            diags.push(Problem::IgnoredFile, Location::file(&file));
            continue;
        }
        let export = exports
            .iter()
            .find(|(_, e)| folder.join(e.file.value.trim()) == *path);
        if let Some((owner, export)) = export {
            let department = departments.entry(owner.clone()).or_default();
            department.files.push(file.clone());
            export::read(&file, export, facts.period, &mut diags, department)?;
            progress.finish_file(size(path));
            continue;
        }
        let department = department_for(&mut departments, &facts, &listed, &file, &mut diags);
        if kind == "csv" {
            csv::read(&file, facts.period, &mut diags, department)?;
        } else {
            xlsx::read(&file, facts.period, &mut diags, department)?;
        }
        progress.finish_file(size(path));
    }
    check_export_files(&exports, &folder, &paths, &mut diags);
    let departments = in_report_order(departments, &facts);
    let incomplete = diags.iter().any(|d| LOSES_DATA.contains(&d.rule()));
    Ok(Loaded {
        submissions: Submissions {
            previous: None,
            facts,
            checklist,
            departments,
            incomplete,
        },
        diagnostics: diags,
    })
}

/// Reads report.toml; with syntax errors, the facts are the defaults (and the errors reported).
fn read_facts(
    report: &Path,
    roots: &Roots,
    year: AcademicYear,
    diags: &mut Diagnostics,
) -> Result<Facts, Error> {
    let file: Arc<Path> = Arc::from(report);
    let text = match paths::admit(report, roots) {
        Admit::File => read_text(&file, diags)?.unwrap_or_default(),
        Admit::Skip => {
            return Err(Error::NoReportFacts {
                path: report.to_path_buf(),
            });
        }
        Admit::Refuse(problem) => {
            diags.push(problem, Location::file(&file));
            String::new()
        }
    };
    let (doc, errors) = DeTable::parse_recoverable(&text);
    let mut ctx = Ctx {
        file: file.clone(),
        source: &text,
        diags,
    };
    if errors.is_empty() {
        Ok(facts::read(&mut ctx, doc.get_ref(), year))
    } else {
        report_toml_errors(&mut ctx, &errors);
        // The defaults, without reporting as missing what the unparsed file may well have.
        let mut unread = Diagnostics::new();
        let mut quiet = Ctx {
            file: file.clone(),
            source: &text,
            diags: &mut unread,
        };
        Ok(facts::read(&mut quiet, &DeTable::default(), year))
    }
}

/// The year's own wording of checklist items (`[checklist_wording]`), over the checklist's.
fn reword(checklist: &mut Checklist, facts: &Facts, diags: &mut Diagnostics) {
    for (id, text) in &facts.checklist_wording {
        match checklist.items.iter_mut().find(|i| i.id == id.value) {
            Some(item) => text.value.trim().clone_into(&mut item.text),
            None => diags.push(
                Problem::UnknownItem {
                    id: id.value.clone(),
                },
                id.location.clone(),
            ),
        }
    }
}

/// The year's checklist: the file report.toml names (relative to the year folder), or the
/// Ministry's. Returns the file's path too, so that it is not read as a department's.
fn read_checklist(
    folder: &Path,
    roots: &Roots,
    facts: &Facts,
    diags: &mut Diagnostics,
) -> Result<(Checklist, Option<PathBuf>), Error> {
    let Some(name) = &facts.checklist else {
        return Ok((checklist::ministry(), None));
    };
    if !paths::in_year_folder(&name.value) {
        let problem = Problem::PathOutside {
            key: "checklist",
            name: name.value.clone(),
        };
        diags.push(problem, name.location.clone());
        return Ok((checklist::ministry(), None));
    }
    let name: PathBuf = Path::new(name.value.trim())
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    let path = folder.join(name);
    let there = path.symlink_metadata().is_ok();
    match paths::admit(&path, roots) {
        Admit::Refuse(problem) if there => {
            diags.push(problem, Location::file(&Arc::from(path.as_path())));
            return Ok((checklist::ministry(), Some(path)));
        }
        _ => {}
    }
    if !path.is_file() {
        return Err(Error::Checklist {
            path,
            message: "no such file (named by `checklist` in report.toml)".to_owned(),
        });
    }
    let file: Arc<Path> = Arc::from(path.as_path());
    let text = read_text(&file, diags)?.unwrap_or_default();
    Ok((checklist::parse(&file, &text, diags), Some(path)))
}

/// Reports each export mapping whose `file` is a path out of the year folder (D120), or names
/// no file of it (unless the file was refused already, D121).
fn check_export_files(
    exports: &[(String, Export)],
    folder: &Path,
    paths: &[PathBuf],
    diags: &mut Diagnostics,
) {
    for (_, export) in exports {
        let name = export.file.value.trim();
        if !paths::in_year_folder(name) {
            let problem = Problem::PathOutside {
                key: "file",
                name: export.file.value.clone(),
            };
            diags.push(problem, export.file.location.clone());
            continue;
        }
        let path = folder.join(name);
        let refused = diags.iter().any(|d| {
            d.rule() == &rules::NOT_A_FILE && d.location.as_ref().is_some_and(|l| *l.file == *path)
        });
        if !refused && !paths.contains(&path) {
            let problem = Problem::ExportMissing {
                file: export.file.value.clone(),
            };
            diags.push(problem, export.file.location.clone());
        }
    }
}

/// Departments in the order report.toml lists them; unlisted ones last, by name.
fn in_report_order(departments: BTreeMap<String, Department>, facts: &Facts) -> Vec<Department> {
    let mut position: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, d) in facts.departments.iter().enumerate() {
        position.entry(d.value.as_str()).or_insert(i);
    }
    let order = |name: &str| position.get(name).copied().unwrap_or(usize::MAX);
    let mut departments: Vec<Department> = departments.into_values().collect();
    departments.sort_by_cached_key(|d| (order(&d.name), d.name.clone()));
    departments
}

/// A file's extension, lower-case.
fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The department a file belongs to by its name, created on first use; reports a name that
/// report.toml does not list.
fn department_for<'d>(
    departments: &'d mut BTreeMap<String, Department>,
    facts: &Facts,
    names: &HashSet<&str>,
    file: &Arc<Path>,
    diags: &mut Diagnostics,
) -> &'d mut Department {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let department_name = department_of(&name);
    let listed = &facts.departments;
    if !listed.is_empty() && !names.contains(department_name.as_str()) {
        let suggestion = did_you_mean(&department_name, listed.iter().map(|d| d.value.as_str()));
        let problem = Problem::UnknownDepartment {
            name: department_name.clone(),
            suggestion,
        };
        diags.push(problem, Location::file(file));
    }
    let department = departments
        .entry(department_name.clone())
        .or_insert_with(|| Department {
            name: department_name,
            ..Department::default()
        });
    department.files.push(file.clone());
    department
}

/// The department a file belongs to: its name up to the first `-` or `.`.
fn department_of(file_name: &str) -> String {
    let name = file_name
        .split(['-', '.'])
        .next()
        .unwrap_or(file_name)
        .trim();
    if name.is_empty() {
        // `-事件.csv` names no department: keep the whole name, so the message shows it.
        return file_name.to_owned();
    }
    name.to_owned()
}

/// The files of a folder to read, sorted by name, without hidden files, Office lock files
/// (`~$…`), sub-folders and the entries `skip` says are read otherwise (report.toml, the
/// checklist). An entry that is not a file to read ([`paths::admit`]: a link out of the data
/// folder, a FIFO…) is a finding, and is never opened.
fn files(
    folder: &Path,
    roots: &Roots,
    diags: &mut Diagnostics,
    skip: impl Fn(&Path) -> bool,
) -> Result<Vec<PathBuf>, Error> {
    let read_error = |source| Error::Read {
        path: folder.to_path_buf(),
        source,
    };
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with("~$") {
            continue;
        }
        entries.push(entry.path());
    }
    entries.sort();
    let mut files = Vec::new();
    for path in entries.into_iter().filter(|p| !skip(p)) {
        match paths::admit(&path, roots) {
            Admit::File => files.push(path),
            Admit::Skip => {}
            Admit::Refuse(problem) => {
                diags.push(problem, Location::file(&Arc::from(path.as_path())));
            }
        }
    }
    Ok(files)
}

/// Reads and decodes a file, reporting its encoding when it is not UTF-8; `None` when it cannot
/// be decoded (reported).
fn read_text(file: &Arc<Path>, diags: &mut Diagnostics) -> Result<Option<String>, Error> {
    let bytes = std::fs::read(file).map_err(|source| Error::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let decoded = decode::decode(&bytes);
    if decoded.malformed {
        diags.push(Problem::Undecodable, Location::file(file));
        return Ok(None);
    }
    if decoded.encoding == Encoding::Gb18030 {
        diags.push(
            Problem::NotUtf8 {
                encoding: decoded.encoding.name(),
            },
            Location::file(file),
        );
    }
    Ok(Some(decoded.text))
}

fn report_toml_errors(ctx: &mut Ctx<'_>, errors: &[toml::de::Error]) {
    for error in errors {
        let location = table::error_location(ctx, error);
        ctx.diags.push(
            Problem::TomlSyntax {
                message: error.message().trim().to_owned(),
            },
            location,
        );
    }
}

/// "; this folder has 2019-2020, 2020-2021" for the year-not-found message.
fn years_hint(data: &Path) -> String {
    let Ok(entries) = std::fs::read_dir(data) else {
        return format!(
            "; the data folder `{}` does not exist either (use --data or DISCLOSE_DATA)",
            data.display()
        );
    };
    let mut years: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().join(REPORT_FILE).is_file())
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| n.parse::<AcademicYear>().is_ok())
        .collect();
    years.sort();
    if years.is_empty() {
        format!("; `{}` has no year folders", data.display())
    } else {
        format!("; `{}` has {}", data.display(), years.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn department_names_come_from_file_names() {
        assert_eq!(department_of("宣传部.csv"), "宣传部");
        assert_eq!(department_of("宣传部-事件.csv"), "宣传部");
        assert_eq!(department_of("党委办公室.toml"), "党委办公室");
    }
}
