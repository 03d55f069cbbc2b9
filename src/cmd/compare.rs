//! `disclose compare YEAR-A YEAR-B`: two years' numbers side by side.

use std::io::Write;
use std::process::ExitCode;

use disclose::compose::compare::{self, Comparison};
use disclose::findings::sources::Sources;
use disclose::render::{self, ComparisonFormat};
use disclose::{AcademicYear, Lang, Loaded, compose, findings};

use crate::cmd::cli::Global;
use crate::cmd::values::{self, Values};

/// Arguments of `disclose compare`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The earlier year, e.g. 2019-2020 (a calendar year: 2023).
    #[arg(value_name = "YEAR-A")]
    pub(crate) year_a: AcademicYear,

    /// The later year, e.g. 2020-2021 (a calendar year: 2024).
    #[arg(value_name = "YEAR-B")]
    pub(crate) year_b: AcademicYear,

    /// Output format.
    #[arg(
        long,
        short = 'f',
        default_value = "table",
        value_parser = values::registry::<ComparisonFormat>()
    )]
    pub(crate) format: ComparisonFormat,
}

impl Values for ComparisonFormat {
    fn all() -> &'static [(&'static str, ComparisonFormat)] {
        ComparisonFormat::ALL
    }

    fn describe(self) -> (&'static str, &'static str) {
        match self {
            ComparisonFormat::Table => ("Terminal tables, one per section", "终端表格，每部分一张"),
            ComparisonFormat::Markdown => (
                "GitHub-style Markdown tables",
                "GitHub 风格的 Markdown 表格",
            ),
            ComparisonFormat::Json => (
                "A versioned JSON document, for other tools (docs/json.md)",
                "带版本号的 JSON 文档，供其他程序使用（见 docs/json.md）",
            ),
        }
    }
}

/// Compares two years.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let a = disclose::load(&global.data, args.year_a)?;
    let b = disclose::load(&global.data, args.year_b)?;
    let mut sources = Sources::new();
    let mut refused = false;
    for (year, loaded) in [(args.year_a, &a), (args.year_b, &b)] {
        refused |= refuse(global, year, loaded, &mut sources)?;
    }
    if refused {
        return Ok(super::findings());
    }
    let comparison = Comparison {
        school: b.submissions.facts.school.value.clone(),
        year_a: args.year_a,
        year_b: args.year_b,
        rows: compare::compare(
            &compose::data(&a.submissions),
            &compose::data(&b.submissions),
        ),
    };
    let text = render::comparison_to_string(&comparison, args.format);
    super::print::stdout(text.as_bytes())?;
    Ok(super::OK)
}

/// If the year has errors, prints its findings (short format) and a line saying why nothing
/// was compared, and returns true.
fn refuse(
    global: &Global,
    year: AcademicYear,
    loaded: &Loaded,
    sources: &mut Sources,
) -> anyhow::Result<bool> {
    let errors = loaded.diagnostics.errors();
    if errors == 0 {
        return Ok(false);
    }
    let mut err = std::io::stderr().lock();
    // Only what stops the comparison; `validate` shows the warnings.
    findings::print::short(
        &loaded.diagnostics.errors_only(),
        sources,
        global.lang,
        &mut err,
    )?;
    let line = match global.lang {
        Lang::Zh => format!(
            "compare：{year} 有 {errors} 个错误，未比较；运行 `disclose validate {year}` 查看每个问题所在的原文"
        ),
        Lang::En => format!(
            "compare: {year} has {errors} error(s); nothing compared. Run `disclose validate {year}` to see each one with its source line"
        ),
    };
    writeln!(err, "{line}")?;
    Ok(true)
}
