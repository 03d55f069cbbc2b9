//! `disclose compile YEAR`: validate, then compose and render the report.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use disclose::location::Sources;
use disclose::render::{self, Format};
use disclose::{AcademicYear, Lang, compose, emit, output};

use crate::cli::Global;

/// Arguments of `disclose compile`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The academic year, e.g. 2019-2020.
    pub(crate) year: AcademicYear,

    /// Output format: markdown, text (official-document style), table (the figures, requests,
    /// complaints and checklist coverage as tables, for a quick review) or json (for other tools;
    /// see docs/json.md). Also html: one self-contained web page with a print stylesheet.
    #[arg(long, short = 'f', default_value = "markdown")]
    pub(crate) format: Format,

    /// Render the report through FILE, an office's own Jinja2 template, instead of a built-in
    /// format: a house style for Markdown, text or HTML. Values are HTML-escaped when FILE ends
    /// in .html or .htm (a final .j2 aside). See docs/templates.md for the variables. An error in
    /// the template names its line, and exits 3.
    #[arg(long, value_name = "FILE", conflicts_with = "format")]
    pub(crate) template: Option<PathBuf>,

    /// Write the report to FILE (atomically: complete or not at all) instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// Do not print warnings.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,

    /// Write a draft even while submissions are missing or wrong: every missing figure becomes
    /// a visible placeholder (【待补充：…】), a banner heads the document, and the open findings
    /// are listed at its end. Exits 0 once the draft is written.
    #[arg(long)]
    pub(crate) draft: bool,
}

/// Compiles a year's report.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let template = args
        .template
        .as_deref()
        .map(|path| render::read_template(path).map(|source| (path, source)))
        .transpose()?;
    let loaded = disclose::load(&global.data, args.year)?;
    let diags = &loaded.diagnostics;
    let mut sources = Sources::new();
    let errors = diags.errors();
    // A draft lists the findings in the document; otherwise errors always go to stderr.
    if (errors > 0 && !args.draft) || !args.quiet {
        let mut err = std::io::stderr().lock();
        emit::short(diags, &mut sources, global.lang, &mut err)?;
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
    if args.draft {
        let mut lines = Vec::new();
        emit::short(diags, &mut sources, global.lang, &mut lines)?;
        report.findings = String::from_utf8_lossy(&lines)
            .lines()
            .map(str::to_owned)
            .collect();
    }
    let text = match &template {
        Some((path, source)) => {
            render::render_template(&report, source, &path.display().to_string())?
        }
        None => render::to_string(&report, args.format),
    };
    match &args.output {
        Some(path) => output::write_atomically(path, text.as_bytes())?,
        None => super::print::stdout(text.as_bytes())?,
    }
    Ok(super::OK)
}
