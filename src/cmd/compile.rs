//! `disclose compile YEAR`: validate, then compose and render the report.
//!
//! A binary format (docx) is refused on a terminal, before anything is read: it would garble
//! the screen. That is a usage error, exit code 2, like any other wrong command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use disclose::findings::sources::Sources;
use disclose::render::output;
use disclose::render::{self, Format, TemplateError};
use disclose::{AcademicYear, Lang, compose, findings};

use crate::cmd::cli::Global;
use crate::cmd::values::{self, Values};

/// Arguments of `disclose compile`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The year: an academic year such as 2019-2020, or a calendar year such as 2024.
    pub(crate) year: AcademicYear,

    /// Output format.
    #[arg(
        long,
        short = 'f',
        default_value = "markdown",
        value_parser = values::registry::<Format>()
    )]
    pub(crate) format: Format,

    /// Render the report through FILE, an office's own Jinja2 template, instead of a built-in
    /// format: a house style for Markdown, text or HTML. Values are HTML-escaped when FILE ends
    /// in .html or .htm (a final .j2 aside). See docs/templates.md for the variables. An error in
    /// the template names its line, and exits 3.
    #[arg(long, value_name = "FILE", conflicts_with = "format")]
    pub(crate) template: Option<PathBuf>,

    /// Write the report to FILE instead of stdout: atomically (complete or not at all) onto a
    /// file, through a link to its target, directly to a device or FIFO; `-` is stdout. A file
    /// the year is read from is refused (exit 2).
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// Write a draft even while submissions are missing or wrong: every missing figure becomes
    /// a visible placeholder (【待补充：…】), a banner heads the document, and the open findings
    /// are listed at its end (in the language of --lang, Chinese without it; each file named
    /// from the data folder, so that the draft is the same whatever the locale and wherever the
    /// data is). Exits 0 once the draft is written.
    #[arg(long)]
    pub(crate) draft: bool,
}

impl Values for Format {
    fn all() -> &'static [(&'static str, Format)] {
        Format::ALL
    }

    fn describe(self) -> (&'static str, &'static str) {
        match self {
            Format::Markdown => (
                "CommonMark: a heading for each part, a line for each paragraph",
                "CommonMark：每部分一个标题，每段一行",
            ),
            Format::Text => (
                "Plain text in the style of an official document",
                "公文格式的纯文本",
            ),
            Format::Table => (
                "The figures, requests, complaints and checklist coverage as tables, for a quick review",
                "数字、依申请公开、举报复议诉讼和清单事项的表格，供核对",
            ),
            Format::Json => (
                "The compiled year as versioned JSON, for other tools (docs/json.md)",
                "带版本号的 JSON，供其他程序使用（见 docs/json.md）",
            ),
            Format::Html => (
                "One self-contained web page with a print stylesheet",
                "一个自成一体的网页，带打印样式",
            ),
            Format::Docx => (
                "A Word document in official-document layout, to publish as it is; binary, so give -o FILE or redirect stdout",
                "公文版式的 Word 文档，可直接发布；须用 -o 写入文件",
            ),
        }
    }
}

/// Compiles a year's report.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    if binary_to_terminal(
        args.format,
        args.output.as_deref(),
        std::io::stdout().is_terminal(),
    ) {
        eprintln!("{}", not_to_a_terminal(args.format, global.lang));
        return Ok(ExitCode::from(super::USAGE));
    }
    let template = args
        .template
        .as_deref()
        .map(|path| render::read_template(path).map(|source| (path, source)))
        .transpose()?;
    let loaded = {
        let _line = super::validate::ProgressLine::start(global.quiet);
        disclose::load(&global.data, args.year)?
    };
    if let Some(line) = overwrites_input(args.output.as_deref(), &loaded, global.lang) {
        eprintln!("{line}");
        return Ok(ExitCode::from(super::USAGE));
    }
    let diags = &loaded.diagnostics;
    let mut sources = Sources::new();
    let errors = diags.errors();
    // A draft lists the findings in the document; otherwise errors always go to stderr.
    if (errors > 0 && !args.draft) || !global.quiet {
        let mut err = std::io::stderr().lock();
        if global.quiet {
            findings::print::short(&diags.errors_only(), &mut sources, global.lang, &mut err)?;
        } else {
            findings::print::short(diags, &mut sources, global.lang, &mut err)?;
        }
        if errors > 0 && !args.draft {
            let line = match global.lang {
                Lang::Zh => format!(
                    "compile：{errors} 个错误，未生成报告；运行 `disclose validate {}` 查看每个问题所在的原文",
                    args.year
                ),
                Lang::En => format!(
                    "compile: {errors} error(s); no report written. Run `disclose validate {}` to see each one with its source line",
                    args.year
                ),
            };
            writeln!(err, "{line}")?;
            return Ok(super::findings());
        }
    }
    let mut report = compose::compose(&loaded.submissions, args.draft);
    // Whatever the year's rule levels let through, a final report holds no placeholder and no
    // empty part.
    let unfinished = report.unfinished();
    if !args.draft && !unfinished.is_empty() {
        writeln!(
            std::io::stderr().lock(),
            "{}",
            not_finished(&unfinished, global.lang)
        )?;
        return Ok(super::findings());
    }
    if args.draft {
        // The same draft whatever the locale and wherever the data folder is: the findings in
        // the language `--lang` names (Chinese, the report's, without it), each file named
        // from the data folder.
        let lang = global.lang_given.unwrap_or(Lang::Zh);
        report.findings = findings::print::short_relative(diags, &mut sources, lang, &global.data);
    }
    let bytes = match &template {
        Some((path, source)) => {
            render::render_template(&report, source, &path.display().to_string())
                .map_err(|e| anyhow::anyhow!(template_error(&e, global.lang)))?
                .into_bytes()
        }
        None => {
            let mut bytes = Vec::new();
            render::render(&report, args.format, &mut bytes)?;
            bytes
        }
    };
    let written = match &args.output {
        Some(path) => output::write_output(path, &bytes)?,
        None => false,
    };
    if !written {
        super::print::stdout(&bytes)?;
    } else if let Some(path) = &args.output
        && !global.quiet
    {
        eprintln!("{}", written_to(path, bytes.len(), args.draft, global.lang));
    }
    Ok(super::OK)
}

/// The refusal to write a binary format to a terminal.
fn not_to_a_terminal(format: impl std::fmt::Display, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "错误：{format} 是二进制格式，不输出到终端；请用 -o 文件名.{format} 写入文件，或把标准输出重定向到文件"
        ),
        Lang::En => format!(
            "error: {format} is a binary format and is not written to a terminal; give -o FILE.{format}, or redirect stdout to a file"
        ),
    }
}

/// The refusal to write a final report that is not finished, with what it lacks.
fn not_finished(unfinished: &[String], lang: Lang) -> String {
    let missing = unfinished.join("\n  ");
    match lang {
        Lang::Zh => {
            format!(
                "compile：报告尚未完成，未生成报告（可用 --draft 生成草稿）；缺少：\n  {missing}"
            )
        }
        Lang::En => format!(
            "compile: the report is not finished, so none was written (--draft writes a draft); missing:\n  {missing}"
        ),
    }
}

/// The line that ends a run with `-o`: what was written, and where.
fn written_to(path: &Path, bytes: usize, draft: bool, lang: Lang) -> String {
    let path = path.display();
    match (lang, draft) {
        (Lang::Zh, false) => format!("已写入报告 {path}（{bytes} 字节）"),
        (Lang::Zh, true) => format!("已写入草稿 {path}（{bytes} 字节）"),
        (Lang::En, false) => format!("wrote the report to {path} ({bytes} bytes)"),
        (Lang::En, true) => format!("wrote the draft to {path} ({bytes} bytes)"),
    }
}

/// The message refusing `-o` when it names one of the files the year is read from.
fn overwrites_input(
    output: Option<&Path>,
    loaded: &disclose::Loaded,
    lang: Lang,
) -> Option<String> {
    let input = output::overwrites(output?, loaded.inputs())?;
    Some(super::pick(
        lang,
        format!(
            "error: -o would write over `{}`, a file the report is made from; name another file",
            input.display()
        ),
        format!(
            "错误：-o 会覆盖 `{}`，而报告正是由它生成的；请换一个文件名",
            input.display()
        ),
    ))
}

/// An error in the office's template, in `lang`: the template, the line and its text, with
/// minijinja's own description of the error (English in both).
fn template_error(e: &TemplateError, lang: Lang) -> String {
    let source_line = match (e.line, &e.source_line) {
        (Some(line), Some(text)) => format!("\n{line:>5} | {text}"),
        _ => String::new(),
    };
    let (en, zh) = match e.line {
        Some(line) => (
            format!("template `{}`, line {line}: {}", e.name, e.message),
            format!("模板 `{}` 第 {line} 行：{}", e.name, e.message),
        ),
        None => (
            format!("template `{}`: {}", e.name, e.message),
            format!("模板 `{}`：{}", e.name, e.message),
        ),
    };
    super::pick(lang, en, zh) + &source_line
}

/// Whether the command asks for a binary format on a terminal, where it would only garble the
/// screen: a usage error (exit code 2), found before any work is done.
fn binary_to_terminal(format: Format, output: Option<&Path>, stdout_is_terminal: bool) -> bool {
    format.is_binary() && output.is_none_or(output::is_stdout) && stdout_is_terminal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_error_reads_as_the_library_words_it_or_in_chinese() {
        let e = TemplateError {
            name: "t.md.j2".to_owned(),
            line: Some(3),
            message: "undefined value".to_owned(),
            source_line: Some("{{ nope }}".to_owned()),
        };
        assert_eq!(template_error(&e, Lang::En), e.to_string());
        assert_eq!(
            template_error(&e, Lang::Zh),
            "模板 `t.md.j2` 第 3 行：undefined value\n    3 | {{ nope }}"
        );
        let e = TemplateError {
            line: None,
            source_line: None,
            ..e
        };
        assert_eq!(template_error(&e, Lang::En), e.to_string());
        assert_eq!(
            template_error(&e, Lang::Zh),
            "模板 `t.md.j2`：undefined value"
        );
    }

    #[test]
    fn only_a_binary_format_to_a_terminal_is_refused() {
        let file = Some(Path::new("report.docx"));
        assert!(binary_to_terminal(Format::Docx, None, true));
        assert!(!binary_to_terminal(Format::Docx, None, false));
        assert!(!binary_to_terminal(Format::Docx, file, true));
        assert!(binary_to_terminal(Format::Docx, Some(Path::new("-")), true));
        assert!(!binary_to_terminal(Format::Markdown, None, true));
        assert!(!binary_to_terminal(Format::Text, None, true));
    }
}
