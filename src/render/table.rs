//! Report or comparison → terminal tables, for a quick review.
//!
//! Of a report only its [`Data`] is shown: the figures (parts indented under their total), the
//! disclosure requests, the complaints, the State Council forms (each row of the template with
//! its number in every column, under the form's title), and checklist coverage by category. A comparison is one
//! table per section, each number of two years side by side. Columns stay aligned with Chinese
//! text (comfy-table measures display width). When stdout is not a terminal the tables are 120
//! columns wide, so the output is the same everywhere.

use std::io::{self, Write};

use comfy_table::{CellAlignment, ContentArrangement, Table, presets};

use super::side_by_side::{self, Shown};
use crate::compose::compare::{Comparison, Section};
use crate::compose::coverage::Coverage;
use crate::compose::report::{ComplaintsRow, Data, FigureRow, FormData, Line, Report, RequestsRow};
use crate::model::forms::FormKind;
use crate::model::year::AcademicYear;

/// The width of a table when stdout is not a terminal.
const WIDTH: u16 = 120;

/// Writes the report's numbers as tables.
pub(crate) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", report.title)?;
    let data = &report.data;
    section(out, "信息公开渠道和数据", figures(data))?;
    // Its names are an academic year's (本学年收到申请): a calendar year's say 本年度.
    let year = report.year.parse::<AcademicYear>().ok();
    let requests = data.requests.as_ref().map(|r| requests(r, year));
    topic(out, "依申请公开", requests, data.form(FormKind::Requests))?;
    let complaints = data.complaints.as_ref().map(|c| complaints(c, year));
    topic(
        out,
        "因信息公开工作受到举报、复议、诉讼的情况",
        complaints,
        data.form(FormKind::Reviews),
    )?;
    // The checklist's coverage where the report prints the checklist table; a report without
    // one (`checklist = "none"`) is not shown a page of 未说明.
    if prints_checklist(report) {
        section(out, "清单事项公开情况（按类别）", checklist(data))?;
    } else {
        writeln!(
            out,
            "\n清单事项公开情况（按类别）：本年度报告不附清单事项表（各项的公开情况见 disclose checklist {}）",
            report.year
        )?;
    }
    Ok(())
}

/// Whether the report prints a checklist table: as an appendix, or as a table in a part.
fn prints_checklist(report: &Report) -> bool {
    !report.appendix.is_empty()
        || report
            .parts
            .iter()
            .flat_map(|p| &p.blocks)
            .any(|b| matches!(b, crate::compose::report::Block::Table(_)))
}

/// Writes a section that a year fills in prose (`[requests]`, `[complaints]`) or with a State
/// Council form, or both: the prose's numbers, then the form under its title. It says 未填报
/// only when the year has neither.
fn topic(
    out: &mut dyn Write,
    title: &str,
    prose: Option<Table>,
    form: Option<&FormData>,
) -> io::Result<()> {
    let Some(form) = form else {
        return section(out, title, prose);
    };
    writeln!(out, "\n{title}")?;
    if let Some(prose) = prose {
        writeln!(out, "{prose}")?;
    }
    writeln!(out, "{}\n{}", form.title, form_table(form))
}

/// Writes a comparison as one table per section, then the summary line.
pub(crate) fn comparison(cmp: &Comparison, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}", side_by_side::title(cmp))?;
    for section in Section::ALL {
        let (rows, note) = match side_by_side::shown(cmp, section) {
            Shown::Nothing => continue,
            Shown::Line(line) => {
                writeln!(out, "\n{line}")?;
                continue;
            }
            Shown::Table(rows, note) => (rows, note),
        };
        writeln!(out, "\n{}", section.title())?;
        if !rows.is_empty() {
            let mut table = new_table();
            table.set_header(side_by_side::header(cmp));
            for row in rows {
                table.add_row(side_by_side::cells(cmp, row));
            }
            for column in table
                .column_iter_mut()
                .take(side_by_side::LAST_NUMBER + 1)
                .skip(side_by_side::FIRST_NUMBER)
            {
                column.set_cell_alignment(CellAlignment::Right);
            }
            writeln!(out, "{table}")?;
        }
        if let Some(note) = note {
            writeln!(out, "{note}")?;
        }
    }
    writeln!(out, "\n{}", side_by_side::summary_line(cmp))
}

/// A new table in the style every table of `disclose` uses: 120 columns wide when not on a
/// terminal, so the output is the same everywhere.
pub fn new_table() -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if table.width().is_none() {
        // Not a terminal: wrap at a width that prints and pastes well, the same everywhere.
        table.set_width(WIDTH);
    }
    table
}

/// Right-aligns the columns from `first` on (the numbers).
pub(crate) fn align_numbers(table: &mut Table, first: usize) {
    for column in table.column_iter_mut().skip(first) {
        column.set_cell_alignment(CellAlignment::Right);
    }
}

/// Writes a titled table, or one line saying the section has nothing to show.
pub(crate) fn section(out: &mut dyn Write, title: &str, table: Option<Table>) -> io::Result<()> {
    match table {
        Some(table) => writeln!(out, "\n{title}\n{table}"),
        None => writeln!(out, "\n{title}：未填报"),
    }
}

/// The figures, each part under its total.
fn figures(data: &Data) -> Option<Table> {
    if data.figures.is_empty() {
        return None;
    }
    let mut table = new_table();
    table.set_header(["部门", "渠道", "类别", "数量", "来源"]);
    for (depth, figure) in nested(&data.figures) {
        let item = match (&figure.parent, depth) {
            (Some(parent), 0) => format!("{}（属于{parent}）", figure.item),
            (_, 0) => figure.item.clone(),
            _ => format!("{}└ {}", "  ".repeat(depth - 1), figure.item),
        };
        table.add_row([
            figure.department.clone(),
            figure.channel.clone(),
            item,
            figure.text.clone(),
            source(&figure.source).to_owned(),
        ]);
    }
    if let Some(column) = table.column_mut(3) {
        column.set_cell_alignment(CellAlignment::Right);
    }
    Some(table)
}

/// The figures in the order to show them, with their depth: every total is followed by its
/// parts (and theirs), in submission order. A part whose total is not there, or that is caught
/// in a loop of parents, stays at depth 0 where it is.
fn nested(figures: &[FigureRow]) -> Vec<(usize, &FigureRow)> {
    let parent_of = |figure: &FigureRow| {
        figure.parent.as_ref().and_then(|parent| {
            figures
                .iter()
                .position(|f| f.channel == figure.channel && f.item == *parent)
        })
    };
    let parents: Vec<Option<usize>> = figures.iter().map(parent_of).collect();
    let mut shown = vec![false; figures.len()];
    let mut order = Vec::with_capacity(figures.len());
    for root in 0..figures.len() {
        if parents[root].is_none() {
            push_with_parts(root, 0, &parents, figures, &mut shown, &mut order);
        }
    }
    for rest in 0..figures.len() {
        if !shown[rest] {
            push_with_parts(rest, 0, &parents, figures, &mut shown, &mut order);
        }
    }
    order
}

/// Adds figure `i` at `depth`, then its parts one level deeper.
fn push_with_parts<'f>(
    i: usize,
    depth: usize,
    parents: &[Option<usize>],
    figures: &'f [FigureRow],
    shown: &mut [bool],
    order: &mut Vec<(usize, &'f FigureRow)>,
) {
    if shown[i] {
        return;
    }
    shown[i] = true;
    order.push((depth, &figures[i]));
    for part in 0..figures.len() {
        if parents[part] == Some(i) {
            push_with_parts(part, depth + 1, parents, figures, shown, order);
        }
    }
}

/// Where a figure's number comes from, in words.
fn source(source: &str) -> &str {
    match source {
        "given" => "填报",
        "events" => "事件",
        "missing" => "缺",
        other => other,
    }
}

/// The requests: received, carried over, each outcome, carried forward.
fn requests(requests: &RequestsRow, year: Option<AcademicYear>) -> Table {
    numbers(&requests.lines(), year)
}

/// Complaints, reconsiderations and lawsuits.
fn complaints(complaints: &ComplaintsRow, year: Option<AcademicYear>) -> Table {
    numbers(&complaints.lines(), year)
}

/// A two-column table of named numbers, named for the year's kind.
fn numbers(lines: &[Line<'_>], year: Option<AcademicYear>) -> Table {
    let mut table = new_table();
    table.set_header(["项目", "件数"]);
    for (_, name, number) in lines {
        let name = year.map_or_else(|| (*name).to_owned(), |y| y.say(name));
        table.add_row([name, number.to_string()]);
    }
    align_numbers(&mut table, 1);
    table
}

/// A form as its template's grid: each row's label, then its number in every column. The
/// columns are named as the form's sheet names them (自然人 … 总计, 结果维持 … 总计), which
/// is how the department filled it in and how the office checks it.
fn form_table(form: &FormData) -> Table {
    let mut table = new_table();
    table.set_header(std::iter::once("项目").chain(form.columns.iter().map(String::as_str)));
    for row in &form.rows {
        table.add_row(
            std::iter::once(row.label.clone()).chain(row.values.iter().map(u64::to_string)),
        );
    }
    align_numbers(&mut table, 1);
    table
}

/// Checklist coverage by category, with a total row.
fn checklist(data: &Data) -> Option<Table> {
    if data.checklist.is_empty() {
        return None;
    }
    let mut table = new_table();
    let mut header = vec!["类别", "事项"];
    header.extend(Coverage::default().counts().map(|(_, name, _)| name));
    table.set_header(header);
    let row = |name: &str, coverage: &Coverage| {
        let mut cells = vec![name.to_owned(), coverage.items.to_string()];
        cells.extend(coverage.counts().map(|(_, _, n)| n.to_string()));
        cells
    };
    for (category, coverage) in Coverage::by_category(&data.checklist) {
        table.add_row(row(&category, &coverage));
    }
    table.add_row(row("合计", &Coverage::of(&data.checklist)));
    align_numbers(&mut table, 1);
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(channel: &str, item: &str, parent: Option<&str>) -> FigureRow {
        FigureRow {
            department: "宣传部".to_owned(),
            channel: channel.to_owned(),
            item: item.to_owned(),
            parent: parent.map(str::to_owned),
            value: Some(1),
            unit: "条".to_owned(),
            qualifier: None,
            approximate: false,
            text: "1 条".to_owned(),
            source: "given".to_owned(),
        }
    }

    fn order(figures: &[FigureRow]) -> Vec<(usize, &str)> {
        nested(figures)
            .into_iter()
            .map(|(depth, f)| (depth, f.item.as_str()))
            .collect()
    }

    #[test]
    fn a_section_with_nothing_to_show_is_one_line() {
        let report = Report {
            school: "示例大学".to_owned(),
            year: "2022-2023".to_owned(),
            title: "示例大学2022-2023学年信息公开工作年度报告".to_owned(),
            draft: true,
            preamble: Vec::new(),
            parts: Vec::new(),
            appendix: Vec::new(),
            signature: crate::compose::report::Signature {
                signer: "示例大学".to_owned(),
                date: String::new(),
            },
            findings: Vec::new(),
            data: Data::default(),
        };
        let mut out = Vec::new();
        render(&report, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "示例大学2022-2023学年信息公开工作年度报告\n\n\
             信息公开渠道和数据：未填报\n\n\
             依申请公开：未填报\n\n\
             因信息公开工作受到举报、复议、诉讼的情况：未填报\n\n\
             清单事项公开情况（按类别）：本年度报告不附清单事项表（各项的公开情况见 disclose checklist 2022-2023）\n"
        );
    }

    #[test]
    fn a_form_fills_its_section_and_the_section_without_one_is_not_filled_in() {
        let data = Data {
            forms: vec![FormData {
                kind: "reviews".to_owned(),
                title: "信息公开行政复议、行政诉讼情况".to_owned(),
                columns: vec!["结果维持".to_owned(), "总计".to_owned()],
                rows: vec![crate::compose::report::FormLine {
                    key: "reconsideration".to_owned(),
                    label: "行政复议".to_owned(),
                    values: vec![2, 2],
                }],
            }],
            ..Data::default()
        };
        let mut out = Vec::new();
        topic(&mut out, "依申请公开", None, data.form(FormKind::Requests)).unwrap();
        topic(&mut out, "复议诉讼", None, data.form(FormKind::Reviews)).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            out.starts_with("\n依申请公开：未填报\n\n复议诉讼\n信息公开行政复议、行政诉讼情况\n┌"),
            "{out}"
        );
        assert!(out.contains("│ 项目     ┆ 结果维持 ┆ 总计 │"), "{out}");
        assert!(out.contains("│ 行政复议 ┆        2 ┆    2 │"), "{out}");
    }

    #[test]
    fn parts_follow_their_total_wherever_they_were_written() {
        let figures = [
            figure("学校主页", "要闻", Some("信息")),
            figure("官方微信", "信息", None),
            figure("学校主页", "信息", None),
            figure("学校主页", "通知公告", Some("信息")),
        ];
        assert_eq!(
            order(&figures),
            [(0, "信息"), (0, "信息"), (1, "要闻"), (1, "通知公告")]
        );
    }

    #[test]
    fn a_part_without_its_total_or_in_a_loop_stays_where_it_is() {
        let figures = [
            figure("学校主页", "要闻", Some("没有的总数")),
            figure("校报", "甲", Some("乙")),
            figure("校报", "乙", Some("甲")),
        ];
        assert_eq!(order(&figures), [(0, "要闻"), (0, "甲"), (1, "乙")]);
    }
}
