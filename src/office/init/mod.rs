//! `disclose init`: a new year's folder, made from last year's.
//!
//! The office's report.toml is carried over as text — comments and layout kept — with the new
//! year, the issue date left to fill in, and every paragraph marked 【待审阅】 (validate warns on
//! each until it is rewritten, D504). Each department gets a template of last year's rows with
//! the numbers left blank and last year's value beside each, commented in Chinese, as CSV/TOML
//! like last year or, with `--xlsx`, as one Excel workbook per department that carries
//! everything the department sends (counts, texts, requests, complaints, forms, checklist
//! entries), each on a sheet of its own. Existing files are never overwritten, so
//! running init again changes nothing.

mod report_toml;
mod starter;
mod templates;
mod workbook;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::findings::error::Error;
use crate::model::facts::Facts;
use crate::model::outline;
use crate::model::year::AcademicYear;

pub use self::starter::Starter;
use crate::read;
use crate::render::output::create_new;

/// What `init` is asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    /// The folder holding the year folders.
    pub data: PathBuf,
    /// The year to create.
    pub year: AcademicYear,
    /// The year to start from.
    pub from: AcademicYear,
    /// What a first year starts from, when there is no year to carry over.
    pub starter: Option<Starter>,
    /// Whether to write Excel templates for counts and checklist entries.
    pub xlsx: bool,
}

/// What `init` did, file by file.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Files that existed already and were left as they were.
    pub kept: Vec<PathBuf>,
}

/// One file to create: its name in the new year folder and its content.
pub(crate) struct NewFile {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
}

/// Creates the new year's folder from the previous one, or, with a starter, a first year.
pub fn run(options: &Options) -> Result<Outcome, Error> {
    if let Some(starter) = &options.starter {
        let folder = options.data.join(options.year.to_string());
        return write_all(&folder, first_year(starter, options.year, options.xlsx));
    }
    let previous = read::year(&options.data, options.from)?;
    let subs = &previous.submissions;
    let folder = options.data.join(options.year.to_string());
    std::fs::create_dir_all(&folder).map_err(|source| Error::Write {
        path: folder.clone(),
        source,
    })?;
    let report_path = options
        .data
        .join(options.from.to_string())
        .join(read::REPORT_FILE);
    let report_text = std::fs::read(&report_path)
        .map(|b| crate::model::decode::decode(&b).text)
        .map_err(|source| Error::Read {
            path: report_path,
            source,
        })?;
    let mut files = vec![NewFile {
        name: read::REPORT_FILE.to_owned(),
        bytes: report_toml::carry_over(&report_text, subs, options.year).into_bytes(),
    }];
    files.extend(department_files(subs, options, &|_| true));
    write_all(&folder, files)
}

/// The files of a first year.
fn first_year(starter: &Starter, year: AcademicYear, xlsx: bool) -> Vec<NewFile> {
    let preset = outline::preset(starter.preset).unwrap_or(&outline::PRESETS[0]);
    let outline = read::outline::preset_outline(preset);
    let mut files = vec![NewFile {
        name: read::REPORT_FILE.to_owned(),
        bytes: starter::report_toml(starter, &outline, year).into_bytes(),
    }];
    files.extend(starter::department_files(
        &starter.departments,
        &outline,
        year,
        xlsx,
    ));
    files
}

/// Writes the files that do not exist yet into `folder` (made if missing).
fn write_all(folder: &Path, files: Vec<NewFile>) -> Result<Outcome, Error> {
    std::fs::create_dir_all(folder).map_err(|source| Error::Write {
        path: folder.to_owned(),
        source,
    })?;
    let mut outcome = Outcome::default();
    for file in files {
        let path = folder.join(&file.name);
        // Written only where nothing is yet, not even a link: never over a file.
        if create_new(&path, &file.bytes)? {
            outcome.written.push(path);
        } else {
            outcome.kept.push(path);
        }
    }
    Ok(outcome)
}

/// The names of the files in `year`'s folder that are still, byte for byte, a department
/// template `init` makes from the year before (CSV/TOML or Excel), or a first year's starter
/// template: sent out, not yet filled in.
pub fn unchanged_templates(data: &Path, facts: &Facts) -> BTreeSet<String> {
    let year = facts.year.value;
    let folder = data.join(year.to_string());
    // The names of the folder's regular files (a FIFO would stall a read), so that only the
    // templates of departments with a file of a template's name are made and compared.
    let present: BTreeSet<String> = std::fs::read_dir(&folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| std::fs::metadata(e.path()).is_ok_and(|m| m.is_file()))
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .collect();
    let mut unchanged = BTreeSet::new();
    // A first year's starter files, as made from the year's outline or from any preset (the
    // office may have changed the outline since), only for departments with a file there.
    let mut outlines = vec![facts.outline.clone()];
    outlines.extend(outline::PRESETS.iter().map(read::outline::preset_outline));
    for (n, department) in facts.departments.iter().enumerate() {
        let name = &department.value;
        let has = |ext: &str| present.contains(&format!("{name}.{ext}"));
        for (xlsx, wanted) in [(false, has("toml")), (true, has("xlsx"))] {
            if !wanted {
                continue;
            }
            for outline in &outlines {
                for file in starter::files_for(name, n == 0, outline, year, xlsx) {
                    if present.contains(&file.name)
                        && std::fs::read(folder.join(&file.name))
                            .is_ok_and(|bytes| bytes == file.bytes)
                    {
                        unchanged.insert(file.name);
                    }
                }
            }
        }
    }
    let Some(from) = year.previous() else {
        return unchanged;
    };
    let Ok(previous) = read::year(data, from) else {
        return unchanged;
    };
    for xlsx in [false, true] {
        let options = Options {
            data: data.to_owned(),
            year,
            from,
            xlsx,
            starter: None,
        };
        // A template is made only where a file of its name is there to compare with.
        let has_file = |d: &crate::model::submission::Department| {
            if xlsx {
                ["xlsx", "toml"]
                    .iter()
                    .any(|ext| present.contains(&format!("{}.{ext}", d.name)))
            } else {
                d.files.iter().any(|f| {
                    f.file_name()
                        .is_some_and(|n| present.contains(&*n.to_string_lossy()))
                })
            }
        };
        for file in department_files(&previous.submissions, &options, &has_file) {
            if present.contains(&file.name)
                && std::fs::read(folder.join(&file.name)).is_ok_and(|bytes| bytes == file.bytes)
            {
                unchanged.insert(file.name);
            }
        }
    }
    unchanged
}

/// The departments' templates: CSV and TOML files like last year's, or one workbook each; only
/// of the departments `keep` keeps.
fn department_files(
    subs: &crate::model::submission::Submissions,
    options: &Options,
    keep: &dyn Fn(&crate::model::submission::Department) -> bool,
) -> Vec<NewFile> {
    if options.xlsx {
        workbook::for_departments(subs, options, keep)
    } else {
        templates::for_departments(subs, options, keep)
    }
}
