//! `disclose import FILE [--year YEAR]`: a new year folder from a report already published.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use disclose::AcademicYear;
use disclose::office::import;

use crate::cmd::cli::Global;

/// Arguments of `disclose import`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The published report: a Word file (.docx), a web page (.html) or text (.txt, .md).
    pub(crate) file: PathBuf,

    /// The year, when the report does not say it (2019-2020, or 2022 for a calendar year).
    #[arg(long, value_name = "YEAR")]
    pub(crate) year: Option<AcademicYear>,
}

/// Imports the report; lists the files written, then (unless `-q`) what to do next.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let outcome = import::run(&import::Options {
        data: global.data.clone(),
        file: args.file.clone(),
        year: args.year,
    })?;
    let text = super::print::created(&outcome.written, global.lang);
    super::print::stdout(text.as_bytes())?;
    if !global.quiet {
        let next = super::pick(
            global.lang,
            format!(
                "imported {} and {}; next: `disclose validate {}` lists every figure to check (D505), `disclose compile {}` prints the report back (docs/import.md)\n",
                counted(outcome.parts, "part"),
                counted(outcome.counts, "figure"),
                outcome.year,
                outcome.year
            ),
            format!(
                "已导入 {} 个部分、{} 个数字；下一步：`disclose validate {}` 列出每个需要核对的数字（D505），`disclose compile {}` 重新生成报告（见 docs/import.md）\n",
                outcome.parts, outcome.counts, outcome.year, outcome.year
            ),
        );
        let _ = std::io::stderr().write_all(next.as_bytes());
        if outcome.tables_as_text > 0 {
            let kept = super::pick(
                global.lang,
                format!(
                    "{} kept as text, a paragraph a row (neither a State Council form nor a checklist table): check them in report.toml\n",
                    match outcome.tables_as_text {
                        1 => "1 table".to_owned(),
                        n => format!("{n} tables"),
                    }
                ),
                format!(
                    "{} 个表格既不是国务院格式的表格也不是清单事项表，已按行作为文字保留：请在 report.toml 中核对\n",
                    outcome.tables_as_text
                ),
            );
            let _ = std::io::stderr().write_all(kept.as_bytes());
        }
        if let Some(said) = outcome.report_says {
            let note = super::pick(
                global.lang,
                format!(
                    "the report names the year {said}, imported as {} as --year says: check the title and the period\n",
                    outcome.year
                ),
                format!(
                    "报告写的是 {said}，已按 --year 导入为 {}：请核对标题和统计期间\n",
                    outcome.year
                ),
            );
            let _ = std::io::stderr().write_all(note.as_bytes());
        }
        // A table copied one cell per line (as from some PDFs) reads as lines of numbers.
        if outcome.bare_numbers >= 5 {
            let cells = super::pick(
                global.lang,
                format!(
                    "{} paragraphs are a number alone: a table copied one cell per line, which cannot be read as a table; import the Word file or the web page instead, or copy the table again with its cells separated by tabs\n",
                    outcome.bare_numbers
                ),
                format!(
                    "有 {} 段只是一个数字：这是按一格一行复制的表格，无法还原为表格；请改为导入 Word 文件或网页，或重新复制表格，使同一行的单元格以制表符分隔\n",
                    outcome.bare_numbers
                ),
            );
            let _ = std::io::stderr().write_all(cells.as_bytes());
        }
    }
    Ok(super::OK)
}

/// `1 part`, `2 parts`.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
