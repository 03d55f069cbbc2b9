//! `disclose import`: a report an office already published (Word, a web page, text or Markdown)
//! → a new year folder that compiles to the same text, with every figure as data.
//!
//! The stages: [`source`] reads the file into paragraphs and tables; [`structure`] finds the
//! title, preamble, parts, points, sub-headings and signature; [`figures`] turns the numbers of
//! each sentence into counts and the sentence into narrative that names them (or names the cells
//! of the report's own forms they repeat, [`cells`]); this module decides the outline and where
//! each piece goes, and [`write`] writes the files. Nothing is written until everything has been
//! read, and an existing year folder is never touched.
//!
//! What import cannot know for sure it writes anyway and marks: every count carries `imported`
//! (the paragraph it came from), which validate lists (D505) until the office has checked it.

mod build;
mod cells;
mod figures;
mod place;
mod source;
mod structure;
mod tables;
mod word;
mod write;

use std::path::PathBuf;

use self::structure::Report;
use crate::findings::error::Error;
use crate::model::year::{AcademicYear, Period};
use crate::render::output::write_atomically;

/// What `import` is asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    /// The folder holding the year folders.
    pub data: PathBuf,
    /// The published report.
    pub file: PathBuf,
    /// The year, when the report does not say it clearly.
    pub year: Option<AcademicYear>,
}

/// What `import` wrote.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// The new year folder.
    pub folder: PathBuf,
    /// Every file written, in order.
    pub written: Vec<PathBuf>,
    /// The year.
    pub year: AcademicYear,
    /// How many parts the outline has.
    pub parts: usize,
    /// How many counts were made, each to be checked.
    pub counts: usize,
    /// How many tables were kept as text (neither a State Council form nor a checklist table).
    pub tables_as_text: usize,
    /// How many paragraphs are a bare number: a table copied one cell per line.
    pub bare_numbers: usize,
    /// The year the report itself names, when `--year` gave another.
    pub report_says: Option<AcademicYear>,
}

/// The office's own file, for figures the report does not attribute to a department.
const OFFICE: &str = "信息公开办公室";

/// Imports a published report into a new year folder.
pub fn run(options: &Options) -> Result<Outcome, Error> {
    let path = &options.file;
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    let refuse = |(en, zh): (String, String)| Error::Import {
        path: path.clone(),
        en,
        zh,
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (kind, blocks) = source::blocks(&name, &bytes).map_err(refuse)?;
    let report = structure::recognise(blocks, kind);
    if report.parts.is_empty() {
        return Err(refuse((
            "no part headings (一、… 二、…) found: this does not read as an annual report; if it is one, check that each part's heading is a line of its own".to_owned(),
            "没有找到部分标题（一、…… 二、……）：看不出这是年度报告；如果是，请确认每一部分的标题单独成行".to_owned(),
        )));
    }
    let said = year_of(&report);
    let year = options.year.or(said).ok_or_else(|| {
        refuse((
            "the report does not say its year clearly: give it with --year 2019-2020 (or --year 2022 for a calendar year)".to_owned(),
            "报告中看不出是哪一学年：请用 --year 2019-2020 指明（自然年度用 --year 2022）".to_owned(),
        ))
    })?;
    let folder = options.data.join(year.to_string());
    if folder.symlink_metadata().is_ok() {
        return Err(refuse((
            format!(
                "`{}` exists already: import writes a new year folder and never changes one; move it away, or import with another --year",
                folder.display()
            ),
            format!(
                "`{}` 已经存在：import 只新建学年文件夹，从不改动已有的；请先移走它，或用 --year 指定其他学年",
                folder.display()
            ),
        )));
    }
    let source_name = format!("《{name}》");
    let year_folder = build::build(&report, year, &source_name);
    std::fs::create_dir_all(&folder).map_err(|source| Error::Write {
        path: folder.clone(),
        source,
    })?;
    let mut written = Vec::new();
    for (file, bytes) in &year_folder.files {
        let path = folder.join(file);
        if let Err(e) = write_atomically(&path, bytes.as_bytes()) {
            // Nothing half-written: the new folder goes again.
            let _ = std::fs::remove_dir_all(&folder);
            return Err(e);
        }
        written.push(path);
    }
    Ok(Outcome {
        folder,
        written,
        year,
        parts: report.parts.len(),
        counts: year_folder.counts,
        tables_as_text: report.kept_as_text,
        bare_numbers: report.bare_numbers,
        report_says: said.filter(|said| *said != year),
    })
}

/// The year of a report: from its title, else its preamble (2019-2020学年, 2019—2020学年,
/// 2020年度 for the academic year ending in 2020, or a statistics period).
fn year_of(report: &Report) -> Option<AcademicYear> {
    let mut texts: Vec<&str> = report.title.iter().map(String::as_str).collect();
    texts.extend(report.preamble.iter().map(String::as_str));
    for text in &texts {
        if let Some(year) = academic_year(text) {
            return Some(year);
        }
    }
    for text in &texts {
        if let Some(period) = period_of(text) {
            return Some(if period.start.month() == 1 && period.end.month() == 12 {
                AcademicYear::calendar(period.start.year())?
            } else {
                AcademicYear::starting(period.start.year())?
            });
        }
    }
    None
}

/// `2019-2020学年`, `2019—2020年度`, `2019 - 2020`.
fn academic_year(text: &str) -> Option<AcademicYear> {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        let four = |at: usize| -> Option<i16> {
            let s: String = chars.get(at..at + 4)?.iter().collect();
            (s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse().ok())?
        };
        let Some(a) = four(i) else { continue };
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        let mut j = i + 4;
        while chars.get(j) == Some(&' ') {
            j += 1;
        }
        if !matches!(
            chars.get(j),
            Some('-' | '—' | '–' | '－' | '~' | '～' | '至')
        ) {
            continue;
        }
        j += 1;
        while matches!(chars.get(j), Some(' ' | '—')) {
            j += 1;
        }
        if four(j) == Some(a + 1) {
            return AcademicYear::starting(a);
        }
    }
    None
}

/// A statistics period written in a sentence: 2019年9月1日至2020年8月31日 (至, 到, —, -).
pub(super) fn period_of(text: &str) -> Option<Period> {
    let dates: Vec<(usize, jiff::civil::Date)> = text
        .match_indices('日')
        .filter_map(|(end, _)| {
            let head = &text[..end + '日'.len_utf8()];
            let start = head
                .rfind(|c: char| !(c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | ' ')))
                .map_or(0, |i| {
                    i + head[i..].chars().next().map_or(1, char::len_utf8)
                });
            structure::signature_date(&head[start..]).map(|d| (end, d))
        })
        .collect();
    dates.windows(2).find_map(|w| {
        let between = &text[w[0].0..w[1].0];
        let close = between.chars().count() <= 16
            && (between.contains('至')
                || between.contains('到')
                || between.contains('—')
                || between.contains('-'));
        (close && w[0].1 < w[1].1).then_some(Period {
            start: w[0].1,
            end: w[1].1,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_from_titles_and_periods() {
        let y = |t: &str| academic_year(t).map(|y| y.to_string());
        assert_eq!(
            y("辽宁科技大学2019-2020学年信息公开工作年度报告").as_deref(),
            Some("2019-2020")
        );
        assert_eq!(y("中山大学2019—2020学年").as_deref(), Some("2019-2020"));
        assert_eq!(y("2019- 2020").as_deref(), Some("2019-2020"));
        assert_eq!(y("2019年和2021年"), None);
        let p = period_of("统计时限自2021年9月1日起至2022年8月31日止。").unwrap();
        assert_eq!(
            (p.start.to_string(), p.end.to_string()),
            ("2021-09-01".into(), "2022-08-31".into())
        );
    }
}
