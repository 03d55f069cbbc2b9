//! `disclose validate [YEAR]`: every finding, with file, line and column.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use disclose::compose::report::FigureRow;
use disclose::findings;
use disclose::findings::print::{Place, Style};
use disclose::findings::sources::Sources;
use disclose::{AcademicYear, Diagnostics, Submissions};
use serde::Serialize;

use crate::cmd::cli::Global;
use crate::cmd::values::values;

/// Arguments of `disclose validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The year: an academic year such as 2019-2020, or a calendar year such as 2024. Without
    /// it, every year folder is checked.
    pub(crate) year: Option<AcademicYear>,

    /// How to print findings.
    #[arg(long, short = 'f', value_enum, default_value = "human")]
    pub(crate) format: StyleArg,

    /// Treat warnings as errors (exit code 1).
    #[arg(long)]
    pub(crate) strict: bool,
}

values! {
    /// Output styles.
    pub(crate) enum StyleArg {
        Human = "human",
            "rustc-style, with the source line and a caret, on stderr",
            "仿照 rustc：列出原文所在行并用 ^ 指出位置，写到标准错误";
        Short = "short",
            "One line each, path:line:col: severity[id]: message, on stderr",
            "每个问题一行（文件:行:列、级别、规则编号和说明），写到标准错误";
        Json = "json",
            "A versioned JSON document on stdout (docs/json.md)",
            "带版本号的 JSON 文档，写到标准输出（见 docs/json.md）";
    }
}

#[derive(Serialize)]
struct JsonYear {
    year: String,
    diagnostics: Vec<findings::print::JsonDiagnostic>,
    figures: Vec<JsonFigure>,
    summary: findings::print::Summary,
}

/// One figure of the year, as `validate --format json` lists it (docs/json.md): the report's
/// figure row ([`FigureRow`], which says what each field is) without its printed `text`, then
/// where the row is in its submission.
#[derive(Serialize)]
struct JsonFigure {
    department: String,
    channel: String,
    item: String,
    parent: Option<String>,
    value: Option<u64>,
    unit: String,
    qualifier: Option<String>,
    approximate: bool,
    source: String,
    #[serde(flatten)]
    place: Place,
}

impl JsonFigure {
    /// Every field of the row is named here, so that a field added to [`FigureRow`] does not
    /// compile until someone decides whether this document (versioned on its own) shows it.
    fn new(row: FigureRow, place: Place) -> JsonFigure {
        let FigureRow {
            department,
            channel,
            item,
            parent,
            value,
            unit,
            qualifier,
            approximate,
            text: _,
            source,
        } = row;
        JsonFigure {
            department,
            channel,
            item,
            parent,
            value,
            unit,
            qualifier,
            approximate,
            source,
            place,
        }
    }
}

#[derive(Serialize)]
struct JsonDoc {
    version: u32,
    years: Vec<JsonYear>,
    summary: findings::print::Summary,
}

/// Validates one year or all of them.
pub(crate) fn run(global: &Global, args: &Args) -> anyhow::Result<ExitCode> {
    let years = match args.year {
        Some(year) => vec![year],
        None => all_years(global)?,
    };
    let style = match args.format {
        StyleArg::Human => Style::Human,
        StyleArg::Short => Style::Short,
        StyleArg::Json => Style::Json,
    };
    let mut sources = Sources::new();
    let mut json_years = Vec::new();
    let (mut errors, mut warnings) = (0, 0);
    for year in years {
        let loaded = {
            let _line = ProgressLine::start(global.quiet);
            disclose::load(&global.data, year)?
        };
        let diags: &Diagnostics = &loaded.diagnostics;
        errors += diags.errors();
        warnings += diags.warnings();
        // With -q, errors only.
        let errors_only = diags.errors_only();
        let shown = if global.quiet { &errors_only } else { diags };
        match style {
            Style::Human => super::print::human(global, shown, &mut sources)?,
            Style::Short => {
                findings::print::short(
                    shown,
                    &mut sources,
                    global.lang,
                    &mut std::io::stderr().lock(),
                )?;
            }
            Style::Json => json_years.push(JsonYear {
                year: year.to_string(),
                diagnostics: findings::print::json_diagnostics(diags, &mut sources, global.lang),
                figures: json_figures(&loaded.submissions, &mut sources),
                summary: findings::print::Summary {
                    errors: diags.errors(),
                    warnings: diags.warnings(),
                },
            }),
        }
    }
    if style == Style::Json {
        let doc = JsonDoc {
            version: findings::print::JSON_VERSION,
            years: json_years,
            summary: findings::print::Summary { errors, warnings },
        };
        let mut text = serde_json::to_string_pretty(&doc)?;
        text.push('\n');
        super::print::stdout(text.as_bytes())?;
    }
    if errors > 0 || (args.strict && warnings > 0) {
        Ok(super::findings())
    } else {
        Ok(super::OK)
    }
}

/// Every figure of a year, in department and row order: the rows the report's data lists
/// ([`disclose::compose::data`], one for each of [`Submissions::figures`], in its order), each with
/// the place of its row.
fn json_figures(subs: &Submissions, sources: &mut Sources) -> Vec<JsonFigure> {
    let rows = disclose::compose::data(subs).figures;
    rows.into_iter()
        .zip(subs.figures())
        .map(|(row, (_, figure))| JsonFigure::new(row, Place::of(&figure.row, sources)))
        .collect()
}

fn all_years(global: &Global) -> anyhow::Result<Vec<AcademicYear>> {
    let entries = std::fs::read_dir(&global.data).map_err(|source| disclose::Error::Read {
        path: global.data.clone(),
        source,
    })?;
    let mut years: Vec<AcademicYear> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.parse().ok()))
        .collect();
    years.sort();
    if years.is_empty() {
        let data = global.data.display();
        anyhow::bail!(super::pick(
            global.lang,
            format!("`{data}` has no year folders (named like 2019-2020)"),
            format!("`{data}` 中没有学年文件夹（名称形如 2019-2020）"),
        ));
    }
    Ok(years)
}

/// A progress line on stderr while a year is read, drawn only when reading takes longer than
/// about a second and stderr is a terminal (never into a file or a pipe), and never with `-q`;
/// cleared when reading ends, before anything else is printed.
pub(crate) struct ProgressLine {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl ProgressLine {
    /// Starts watching the reading progress (no thread at all unless a line may be drawn).
    pub(crate) fn start(quiet: bool) -> ProgressLine {
        let stop = Arc::new(AtomicBool::new(false));
        let thread = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || draw(&stop))
        });
        ProgressLine { stop, thread }
    }
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}

/// Draws the line until told to stop: nothing for the first second (most runs are over by
/// then), then the file being read and the bytes of the year read so far.
fn draw(stop: &AtomicBool) {
    let started = Instant::now();
    let second = Duration::from_secs(1);
    while started.elapsed() < second {
        if stop.load(Ordering::Relaxed) {
            return;
        }
        std::thread::park_timeout(second.saturating_sub(started.elapsed()));
    }
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} {msg} {wide_bar} {bytes}/{total_bytes} {bytes_per_sec} {eta}",
    ) {
        bar.set_style(style);
    }
    while !stop.load(Ordering::Relaxed) {
        let now = disclose::read::progress::progress().now();
        bar.set_length(now.total);
        bar.set_position(now.done);
        bar.set_message(now.file);
        std::thread::park_timeout(Duration::from_millis(100));
    }
    bar.finish_and_clear();
}
