//! What a department's TOML file holds besides rows, as tables of one row each: the texts of its
//! key areas (`[[text]]`), its disclosure requests (`[requests]`) and its complaints
//! (`[complaints]`). `disclose init --xlsx` writes them as sheets of the department's workbook
//! (文字, 依申请公开, 举报复议诉讼), so that a department fills in one workbook for everything it
//! sends; a CSV file with the same header reads the same.
//!
//! - Texts: `领域 | 文字`, a row for each paragraph or more (every line of a cell is a paragraph);
//!   rows of the same area one after the other are one text.
//! - Requests: `申请情况 | 件数`, a row for each number: 本学年收到申请, 上学年结转, each outcome by
//!   its name (同意公开 …), 结转下学年继续办理. The first column may also hold the TOML key
//!   (`received`). A blank number is not written (as a key left out of `[requests]`), but
//!   本学年收到申请 must be filled.
//! - Complaints: `举报复议诉讼 | 件数`: 举报, 行政复议, 行政诉讼, each to be filled.
//!
//! The table is the department's `[requests]` or `[complaints]`: where its header is is where the
//! table is, and a second one, in another sheet or file, is reported as TOML reports a second
//! table.

use crate::findings::problem::Problem;
use crate::findings::suggest::did_you_mean;
use crate::model::location::{Located, Location};
use crate::model::paragraph::Paragraph;
use crate::model::submission::{AreaText, Complaints, Department, Outcome, Requests};
use crate::read::cells::{Cell, CellRow, Cells};
use crate::read::rows::{Got, Row};

/// A line of the requests table: its key and its name.
const RECEIVED: (&str, &str) = ("received", "本学年收到申请");
const CARRIED_OVER: (&str, &str) = ("carried_over", "上学年结转");
const CARRIED_FORWARD: (&str, &str) = ("carried_forward", "结转下学年继续办理");

/// The lines of the complaints table: key and name.
pub(crate) const COMPLAINT_LINES: [(&str, &str); 3] = [
    ("reports", "举报"),
    ("reconsiderations", "行政复议"),
    ("lawsuits", "行政诉讼"),
];

/// The lines of the requests table, in order: key and name.
pub(crate) fn request_lines() -> Vec<(&'static str, &'static str)> {
    let mut lines = vec![RECEIVED, CARRIED_OVER];
    lines.extend(Outcome::ALL.iter().map(|o| (o.key(), o.as_str())));
    lines.push(CARRIED_FORWARD);
    lines
}

/// One row of a texts table.
pub(crate) fn text<C: Cells>(row: &mut CellRow<'_, C>, department: &mut Department) {
    let area = row.text("area");
    let text = row.text("text");
    let (Some(area), Some(text)) = (area, text) else {
        for field in ["area", "text"] {
            if !row.present(field) {
                let problem = Problem::MissingField {
                    field: row.name(field),
                };
                let at = row.field_location(field);
                row.report(problem, at);
            }
        }
        return;
    };
    let paragraphs = text
        .value
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| Paragraph::unmapped(l.to_owned(), text.location.clone()));
    match department.texts.last_mut() {
        Some(last) if last.area.value == area.value && same_table(&last.area.location, row) => {
            last.paragraphs.extend(paragraphs);
        }
        _ => department.texts.push(AreaText {
            area,
            paragraphs: paragraphs.collect(),
        }),
    }
}

/// Whether `at` is in the table this row is read from (the same file and, for a workbook, sheet).
fn same_table<C: Cells>(at: &Location, row: &CellRow<'_, C>) -> bool {
    use crate::model::location::Position;
    let sheet = |l: &Location| match &l.position {
        Position::Cell { sheet, .. } => Some(sheet.clone()),
        _ => None,
    };
    at.file == row.header.origin.file && sheet(at) == sheet(&row.header.origin)
}

/// The line a row names (by its name or its key), or a finding at its first cell.
fn line<C: Cells>(
    row: &mut CellRow<'_, C>,
    lines: &[(&'static str, &'static str)],
) -> Option<(&'static str, &'static str, Location)> {
    let label = match row.cells.cell(0) {
        Some(Cell::Text(text)) => text.trim().to_owned(),
        _ => String::new(),
    };
    let at = row.cells.at(0);
    // A calendar year's office writes 本年度收到申请 for 本学年收到申请.
    let said = label.replace("年度", "学年");
    if let Some((key, name)) = lines
        .iter()
        .find(|(key, name)| label == *name || said == *name || label.eq_ignore_ascii_case(key))
    {
        return Some((key, name, at));
    }
    let suggestion = did_you_mean(&label, lines.iter().map(|(_, n)| *n));
    row.report(Problem::UnknownFormRow { label, suggestion }, at);
    None
}

/// The number of a row, or `None` when it is blank (a finding when `required`) or wrong.
fn number<C: Cells>(row: &mut CellRow<'_, C>, required: bool) -> Option<Located<u64>> {
    match row.count("number") {
        Got::Value(count) => Some(Located::new(count.value.value, count.location)),
        Got::Absent => {
            if required {
                let problem = Problem::MissingField {
                    field: row.name("number"),
                };
                let at = row.field_location("number");
                row.report(problem, at);
            }
            None
        }
        Got::Bad => None,
    }
}

/// One row of a requests table.
pub(crate) fn requests<C: Cells>(row: &mut CellRow<'_, C>, department: &mut Department) {
    let Some((key, name, at)) = line(row, &request_lines()) else {
        return;
    };
    let value = number(row, key == RECEIVED.0);
    let origin = row.header.origin.clone();
    let requests = department.requests.get_or_insert_with(|| Requests {
        received: Located::new(0, origin.clone()),
        carried_over: None,
        outcomes: Vec::new(),
        carried_forward: None,
        grounds: Vec::new(),
        arrivals: Vec::new(),
        fees: None,
        location: origin.clone(),
    });
    if requests.location != origin {
        if key == RECEIVED.0 {
            let problem = Problem::DuplicateTable {
                table: "requests".into(),
                first: requests.location.clone(),
            };
            row.report(problem, at);
        }
        return;
    }
    let first = match key {
        "received" => {
            (requests.received.location != origin).then(|| requests.received.location.clone())
        }
        "carried_over" => requests.carried_over.as_ref().map(|v| v.location.clone()),
        "carried_forward" => requests
            .carried_forward
            .as_ref()
            .map(|v| v.location.clone()),
        _ => requests
            .outcomes
            .iter()
            .find(|(o, _)| o.key() == key)
            .map(|(_, v)| v.location.clone()),
    };
    if let Some(first) = first {
        let problem = Problem::DuplicateFigure {
            key: name.to_owned(),
            first,
        };
        row.report(problem, at);
        return;
    }
    let Some(value) = value else { return };
    match key {
        "received" => requests.received = value,
        "carried_over" => requests.carried_over = Some(value),
        "carried_forward" => requests.carried_forward = Some(value),
        _ => {
            if let Some(outcome) = Outcome::ALL.iter().find(|o| o.key() == key) {
                requests.outcomes.push((*outcome, value));
                // In the order of `[requests]`'s keys, as TOML reads them, whatever the rows'.
                requests.outcomes.sort_by_key(|(o, _)| *o);
            }
        }
    }
}

/// One row of a complaints table.
pub(crate) fn complaints<C: Cells>(row: &mut CellRow<'_, C>, department: &mut Department) {
    let Some((key, name, at)) = line(row, &COMPLAINT_LINES) else {
        return;
    };
    let value = number(row, true);
    let origin = row.header.origin.clone();
    let zero = || Located::new(0, origin.clone());
    let complaints = department.complaints.get_or_insert_with(|| Complaints {
        reports: zero(),
        reconsiderations: zero(),
        lawsuits: zero(),
        location: origin.clone(),
    });
    if complaints.location != origin {
        if key == COMPLAINT_LINES[0].0 {
            let problem = Problem::DuplicateTable {
                table: "complaints".into(),
                first: complaints.location.clone(),
            };
            row.report(problem, at);
        }
        return;
    }
    let slot = match key {
        "reports" => &mut complaints.reports,
        "reconsiderations" => &mut complaints.reconsiderations,
        _ => &mut complaints.lawsuits,
    };
    if slot.location != origin {
        let problem = Problem::DuplicateFigure {
            key: name.to_owned(),
            first: slot.location.clone(),
        };
        row.report(problem, at);
        return;
    }
    if let Some(value) = value {
        *slot = value;
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

    #[test]
    fn texts_requests_and_complaints_read_from_csv_as_from_toml() {
        let year = Year::new()
            .file(
                "党委办公室-文字.csv",
                "领域,文字\n招生,第一段。\n招生,\"第二段。\n第三段。\"\n财务,财务段。\n",
            )
            .file(
                "党委办公室-申请.csv",
                "申请情况,件数\n本学年收到申请,4\n上学年结转,\n非本校信息,1\n同意公开,3\n结转下学年继续办理,0\n",
            )
            .file("党委办公室-投诉.csv", "举报复议诉讼,件数\n举报,0\n行政复议,1\n行政诉讼,0\n");
        let found = year.read();
        assert!(ids(&found).is_empty(), "{}", found.dump());
        let (subs, _) = year.load();
        let department = subs
            .departments
            .iter()
            .find(|d| d.name == "党委办公室")
            .expect("the department");
        let texts: Vec<(&str, Vec<&str>)> = department
            .texts
            .iter()
            .map(|t| {
                (
                    t.area.value.as_str(),
                    t.paragraphs.iter().map(|p| p.text.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            texts,
            [
                ("招生", vec!["第一段。", "第二段。", "第三段。"]),
                ("财务", vec!["财务段。"])
            ]
        );
        let requests = department.requests.as_ref().expect("requests");
        assert_eq!(requests.received.value, 4);
        assert!(requests.carried_over.is_none());
        let outcomes: Vec<(&str, u64)> = requests
            .outcomes
            .iter()
            .map(|(o, n)| (o.key(), n.value))
            .collect();
        assert_eq!(outcomes, [("granted", 3), ("not_ours", 1)]);
        let complaints = department.complaints.as_ref().expect("complaints");
        assert_eq!(complaints.reconsiderations.value, 1);
    }

    #[test]
    fn a_calendar_years_lines_say_nian_du() {
        let year = Year::new().file(
            "党委办公室-申请.csv",
            "申请情况,件数\n本年度收到申请,5\n上年度结转,2\n同意公开,6\n结转下年度继续办理,1\n",
        );
        let found = year.read();
        assert!(ids(&found).is_empty(), "{}", found.dump());
        let (subs, _) = year.load();
        let requests = subs.departments[0].requests.as_ref().expect("requests");
        assert_eq!(requests.received.value, 5);
        assert_eq!(requests.carried_over.as_ref().map(|c| c.value), Some(2));
        assert_eq!(requests.carried_forward.as_ref().map(|c| c.value), Some(1));
    }

    #[test]
    fn a_wrong_line_a_blank_required_number_and_a_repeated_line_are_found_where_they_are() {
        let year = Year::new().file(
            "党委办公室-申请.csv",
            "申请情况,件数\n本学年收到申请,\n同意公开,1\n同意公开,2\n同意公布,1\n",
        );
        let found = year.read();
        assert_eq!(
            found.dump(),
            "D103 党委办公室-申请.csv:2:9 missing `件数`\n\
             D107 党委办公室-申请.csv:4:1 `同意公开` is reported twice\n\
             D102 党委办公室-申请.csv:5:1 the form has no row `同意公布`; did you mean `同意公开`?\n"
        );
    }
}
