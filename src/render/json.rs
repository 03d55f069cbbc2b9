//! Report or comparison → JSON, for other tools (a province's summary, a dashboard).
//!
//! Each document is versioned and documented in docs/json.md ("compile --format json", "compare
//! --format json"): a change that removes or renames a key increments its version. In a report
//! the numbers come first, as data; the finished text follows under `report`. Keys are in a fixed order (the order of the fields
//! below) and the output is pretty-printed with a final newline, so the same year always gives
//! the same bytes.

use std::io::{self, Write};

use serde::Serialize;

use crate::compose::compare::{Comparison, Row, Summary};
use crate::compose::report::{
    ChecklistRow, ComplaintsRow, FigureRow, FormData, Part, Report, RequestsRow, Signature, Table,
};

/// The schema version of `compile --format json`.
pub(crate) const VERSION: u32 = 1;

/// The schema version of `compare --format json`.
pub(crate) const COMPARISON_VERSION: u32 = 1;

/// The whole document.
#[derive(Serialize)]
struct Document<'r> {
    /// [`VERSION`].
    version: u32,
    /// The university.
    school: &'r str,
    /// The academic year.
    year: &'r str,
    /// The report's title.
    title: &'r str,
    /// Whether the report is a draft.
    draft: bool,
    /// Every count.
    figures: &'r [FigureRow],
    /// Disclosure requests, or null.
    requests: Option<&'r RequestsRow>,
    /// Complaints, or null.
    complaints: Option<&'r ComplaintsRow>,
    /// The State Council forms submitted, every cell as a number.
    forms: &'r [FormData],
    /// Every checklist item.
    checklist: &'r [ChecklistRow],
    /// The text.
    report: Text<'r>,
}

/// The report's text.
#[derive(Serialize)]
struct Text<'r> {
    /// Paragraphs before part 一.
    preamble: &'r [String],
    /// The numbered parts.
    parts: &'r [Part],
    /// Tables after the parts.
    appendix: &'r [Table],
    /// Signer and date.
    signature: &'r Signature,
    /// In a draft, the findings still open.
    findings: &'r [String],
}

/// Writes the report as one pretty-printed JSON document.
pub(crate) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let document = Document {
        version: VERSION,
        school: &report.school,
        year: &report.year,
        title: &report.title,
        draft: report.draft,
        figures: &report.data.figures,
        requests: report.data.requests.as_ref(),
        complaints: report.data.complaints.as_ref(),
        forms: &report.data.forms,
        checklist: &report.data.checklist,
        report: Text {
            preamble: &report.preamble,
            parts: &report.parts,
            appendix: &report.appendix,
            signature: &report.signature,
            findings: &report.findings,
        },
    };
    write_pretty(&document, out)
}

/// A comparison's document.
#[derive(Serialize)]
struct ComparisonDocument<'c> {
    /// [`COMPARISON_VERSION`].
    version: u32,
    /// The university.
    school: &'c str,
    /// The first year.
    year_a: String,
    /// The second year.
    year_b: String,
    /// Every row.
    rows: &'c [Row],
    /// The rows counted.
    summary: Summary,
}

/// Writes a comparison as one pretty-printed JSON document.
pub(crate) fn comparison(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    let document = ComparisonDocument {
        version: COMPARISON_VERSION,
        school: &cmp.school,
        year_a: cmp.year_a.to_string(),
        year_b: cmp.year_b.to_string(),
        rows: &cmp.rows,
        summary: Summary::of(&cmp.rows),
    };
    write_pretty(&document, out)
}

/// Writes `value` as pretty-printed JSON and a newline.
pub(crate) fn write_pretty(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
