//! The report as a document, free of any output format.
//!
//! [`crate::compose`] builds it from the submissions; every renderer in [`crate::render`] gets
//! this and nothing else. It holds finished text: numbers are already in their sentences,
//! headings already numbered.

use serde::Serialize;

use crate::model::forms::FormKind;

/// A composed annual report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The university.
    pub school: String,
    /// The academic year, `2019-2020`.
    pub year: String,
    /// The title (辽宁科技大学2019-2020学年信息公开工作年度报告).
    pub title: String,
    /// Whether this is a draft with placeholders.
    pub draft: bool,
    /// The paragraphs before part 一.
    pub preamble: Vec<String>,
    /// The numbered parts.
    pub parts: Vec<Part>,
    /// Tables after the parts (the checklist appendix).
    pub appendix: Vec<Table>,
    /// Who signs, and when.
    pub signature: Signature,
    /// In a draft, the findings still open, one line each.
    pub findings: Vec<String>,
    /// The figures the report prints, as data (for tables, JSON and comparisons).
    pub data: Data,
}

/// The report's numbers as data: what `--format table` and `--format json` show and what
/// `disclose compare` compares.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Data {
    /// Every count, in department and row order.
    pub figures: Vec<FigureRow>,
    /// Disclosure requests, if submitted.
    pub requests: Option<RequestsRow>,
    /// Complaints, reconsiderations and lawsuits, if submitted.
    pub complaints: Option<ComplaintsRow>,
    /// The State Council forms submitted (outline `state-council`): the requests form, then the
    /// reviews form, each only when submitted.
    pub forms: Vec<FormData>,
    /// Every checklist item and how it is accounted for.
    pub checklist: Vec<ChecklistRow>,
}

impl Data {
    /// The form of `kind`, if submitted.
    pub fn form(&self, kind: FormKind) -> Option<&FormData> {
        self.forms.iter().find(|f| f.kind == kind.key())
    }
}

/// One count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FigureRow {
    /// The department that submitted it.
    pub department: String,
    /// The channel.
    pub channel: String,
    /// The item.
    pub item: String,
    /// The item of the same channel it is a part of.
    pub parent: Option<String>,
    /// The value; `None` when missing (only in drafts).
    pub value: Option<u64>,
    /// The unit.
    pub unit: String,
    /// 约, 近, 余 or 多.
    pub qualifier: Option<String>,
    /// Whether the figure is approximate.
    pub approximate: bool,
    /// As printed: `约 3600 条`.
    pub text: String,
    /// `given`, `events` or `missing`.
    pub source: String,
}

impl FigureRow {
    /// `channel/item`, the figure's identity across years.
    pub fn key(&self) -> String {
        format!("{}/{}", self.channel, self.item)
    }
}

/// Disclosure requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RequestsRow {
    /// Received this year.
    pub received: u64,
    /// Carried over from last year.
    pub carried_over: u64,
    /// Answered, by outcome: (key, name, number), in the order of `[requests]`'s keys.
    pub outcomes: Vec<Outcome>,
    /// Carried forward to next year.
    pub carried_forward: u64,
    /// The grounds of refused requests, where submitted: (key, name, number).
    pub grounds: Vec<Outcome>,
    /// How requests arrived, where submitted.
    pub arrivals: Vec<Outcome>,
    /// Fees charged and waived, in yuan, where submitted.
    pub fees: Option<FeesRow>,
}

/// Fees for answering requests, in yuan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FeesRow {
    /// Charged.
    pub charged: u64,
    /// Waived.
    pub waived: u64,
}

/// One number of the requests or complaints, as the tables list it: (key, name, number).
pub type Line<'r> = (&'r str, &'r str, u64);

impl RequestsRow {
    /// Key and name of the number received.
    pub const RECEIVED: (&'static str, &'static str) = ("received", "本学年收到申请");
    /// Key and name of the number carried over from last year.
    pub const CARRIED_OVER: (&'static str, &'static str) = ("carried_over", "上学年结转");
    /// Key and name of the number carried forward to next year.
    pub const CARRIED_FORWARD: (&'static str, &'static str) =
        ("carried_forward", "结转下学年继续办理");

    /// Every number in the order the tables list them: received, carried over, each outcome
    /// written, carried forward.
    pub fn lines(&self) -> Vec<Line<'_>> {
        let (received, carried_over, carried_forward) =
            (Self::RECEIVED, Self::CARRIED_OVER, Self::CARRIED_FORWARD);
        let mut lines = vec![
            (received.0, received.1, self.received),
            (carried_over.0, carried_over.1, self.carried_over),
        ];
        lines.extend(
            self.outcomes
                .iter()
                .map(|o| (o.key.as_str(), o.name.as_str(), o.number)),
        );
        lines.push((carried_forward.0, carried_forward.1, self.carried_forward));
        lines
    }
}

/// Requests answered with one outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The key in `[requests]` (`granted`).
    pub key: String,
    /// The outcome's name (同意公开).
    pub name: String,
    /// How many.
    pub number: u64,
}

/// Complaints, reconsiderations and lawsuits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ComplaintsRow {
    /// 举报.
    pub reports: u64,
    /// 行政复议.
    pub reconsiderations: u64,
    /// 行政诉讼.
    pub lawsuits: u64,
}

impl ComplaintsRow {
    /// The three numbers: (key, name, number).
    pub fn lines(&self) -> [Line<'static>; 3] {
        [
            ("reports", "举报", self.reports),
            ("reconsiderations", "行政复议", self.reconsiderations),
            ("lawsuits", "行政诉讼", self.lawsuits),
        ]
    }
}

/// A State Council form's numbers: every row of the template, one number per column. The same
/// numbers as the form's [`Block::Form`], without its layout.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormData {
    /// Which form: `requests` (申请情况表) or `reviews` (复议诉讼情况表), as the block's `key`.
    pub kind: String,
    /// The caption, as the report prints it.
    pub title: String,
    /// The column headings, the total last: 自然人 … 总计, or 结果维持 … 总计.
    pub columns: Vec<String>,
    /// Every row of the template, in its order.
    pub rows: Vec<FormLine>,
}

/// One row of a form's numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormLine {
    /// The row's key, as in the form's catalogue (`new`, `granted`, `reconsideration`).
    pub key: String,
    /// The row's label as the template prints it: `（三）不予公开：1.属于国家秘密`.
    pub label: String,
    /// One number per column, in the order of `columns`.
    pub values: Vec<u64>,
}

/// One checklist item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChecklistRow {
    /// The item's id.
    pub id: String,
    /// Its category.
    pub category: String,
    /// What must be published.
    pub text: String,
    /// 已公开, 部分公开 or 不适用; `None` when nobody accounted for it.
    pub status: Option<String>,
    /// The departments responsible: the one that accounted for it and its co-owners, or else the
    /// owner report.toml assigns.
    pub departments: Vec<String>,
    /// Links.
    pub links: Vec<String>,
    /// Channels named.
    pub channels: Vec<String>,
    /// The reason it does not apply, or a note.
    pub note: Option<String>,
}

/// One numbered part: 一、概述.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The part's key in the outline (`overview`, or the year's own: `experience`).
    pub key: String,
    /// The number, as a Chinese numeral (一).
    pub number: String,
    /// The number as printed before the heading, by the outline's pattern: `一、`.
    pub prefix: String,
    /// The heading.
    pub heading: String,
    /// What the part holds, in order.
    pub blocks: Vec<Block>,
}

/// A piece of a part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Block {
    /// A sub-heading on its own line: （一）信息公开渠道和数据.
    Heading {
        /// （一）
        number: String,
        /// The heading text.
        text: String,
    },
    /// A paragraph, possibly opening with a numbered run-in title.
    Paragraph {
        /// The run-in title with its number and full stop: `1. 招生信息公开情况。`.
        lead: Option<String>,
        /// The text.
        text: String,
    },
    /// A table.
    Table(Table),
    /// A form laid out as its template prints it (the State Council's tables 三 and 四): header
    /// rows and labels as merged cells.
    Form(Form),
}

/// A table with a title and a header row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The caption.
    pub title: String,
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells.
    pub rows: Vec<Vec<String>>,
}

/// A form as its template lays it out, cell for cell: header rows whose cells span rows and
/// columns, then labelled body rows whose label cells may span rows and columns too.
///
/// Cells are listed as HTML lists them: each row names only the cells that start in it, left to
/// right; a cell spanning down from a row above takes its place in the rows it covers.
/// [`Form::place`] puts every cell in its grid. `columns` and `rows` hold the same form as a
/// plain table (each column's headings and each row's labels joined by `：`), for a reader that
/// knows only tables.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Form {
    /// Which form: `requests` (三) or `reviews` (四).
    pub key: String,
    /// The caption.
    pub title: String,
    /// How many columns on the left hold the rows' labels (0 when the form has none).
    pub label_columns: usize,
    /// The header rows, top first.
    pub header: Vec<Vec<FormCell>>,
    /// The body rows: each row's label cells that start in it, then one cell per value.
    pub body: Vec<FormRow>,
    /// The form as a plain table: the column headings.
    pub columns: Vec<String>,
    /// The form as a plain table: the rows, label first.
    pub rows: Vec<Vec<String>>,
}

/// One cell of a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormCell {
    /// The text.
    pub text: String,
    /// How many rows it spans (1 for most).
    pub rows: usize,
    /// How many columns it spans (1 for most).
    pub columns: usize,
}

impl FormCell {
    /// A cell spanning `rows` rows and `columns` columns.
    pub fn new(text: impl Into<String>, rows: usize, columns: usize) -> Self {
        FormCell {
            text: text.into(),
            rows,
            columns,
        }
    }
}

/// One body row of a form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FormRow {
    /// The row's key (`granted`), as in the submission; `all` for a form of one row.
    pub key: String,
    /// The cells that start in this row, left to right: labels, then values.
    pub cells: Vec<FormCell>,
}

/// A cell in its place in a form's grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed<'f> {
    /// The cell covering this place.
    pub cell: &'f FormCell,
    /// Whether this is the cell's top row.
    pub top: bool,
    /// Whether this is the cell's left column.
    pub left: bool,
}

impl Form {
    /// The number of columns of the grid.
    pub fn width(&self) -> usize {
        self.header
            .first()
            .or(self.body.first().map(|r| &r.cells))
            .map_or(0, |cells| cells.iter().map(|c| c.columns).sum())
    }

    /// Every place of the grid of `rows` (the header's, or the body's cells), row by row and
    /// column by column, with the cell covering it; `None` where no cell does (a form written
    /// short).
    pub fn place<'f>(
        rows: impl IntoIterator<Item = &'f [FormCell]>,
        width: usize,
    ) -> Vec<Vec<Option<Placed<'f>>>> {
        let mut grid: Vec<Vec<Option<Placed<'f>>>> = Vec::new();
        for (r, cells) in rows.into_iter().enumerate() {
            if grid.len() <= r {
                grid.push(vec![None; width]);
            }
            let mut column = 0;
            for cell in cells {
                while column < width && grid[r][column].is_some() {
                    column += 1;
                }
                for dr in 0..cell.rows.max(1) {
                    while grid.len() <= r + dr {
                        grid.push(vec![None; width]);
                    }
                    for dc in 0..cell.columns.max(1) {
                        if let Some(place) = grid[r + dr].get_mut(column + dc) {
                            *place = Some(Placed {
                                cell,
                                top: dr == 0,
                                left: dc == 0,
                            });
                        }
                    }
                }
                column += cell.columns.max(1);
            }
        }
        grid
    }

    /// The header's grid ([`Form::place`]).
    pub fn header_grid(&self) -> Vec<Vec<Option<Placed<'_>>>> {
        Self::place(self.header.iter().map(Vec::as_slice), self.width())
    }

    /// The body's grid ([`Form::place`]).
    pub fn body_grid(&self) -> Vec<Vec<Option<Placed<'_>>>> {
        Self::place(self.body.iter().map(|r| r.cells.as_slice()), self.width())
    }
}

/// The signature block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// The signing body.
    pub signer: String,
    /// The date, as printed (2020年10月29日).
    pub date: String,
}

impl Report {
    /// What keeps the report from being final, one line each: every placeholder a piece of it
    /// still holds (【待补充：…】, 【待审阅】) and every part with nothing in it. `compile` refuses to
    /// write a final report while this is not empty, whatever the year's rule levels.
    pub fn unfinished(&self) -> Vec<String> {
        let found = std::cell::RefCell::new(Vec::new());
        let look = |place: &str, text: &str| {
            for (marked, piece) in placeholder_pieces(text) {
                if marked {
                    found.borrow_mut().push(format!("{place}：{piece}"));
                }
            }
        };
        look("标题", &self.title);
        for p in &self.preamble {
            look("引言", p);
        }
        for part in &self.parts {
            let place = format!("{}{}", part.prefix, part.heading);
            look(&place, &part.heading);
            let mut empty = true;
            for block in &part.blocks {
                match block {
                    Block::Heading { text, .. } => look(&place, text),
                    Block::Paragraph { lead, text } => {
                        empty &= text.trim().is_empty() && lead.is_none();
                        look(&place, lead.as_deref().unwrap_or_default());
                        look(&place, text);
                    }
                    Block::Table(table) => {
                        empty = false;
                        table_pieces(table, &mut |t| look(&place, t));
                    }
                    Block::Form(form) => {
                        empty = false;
                        look(&place, &form.title);
                        for cell in form.header.iter().flatten() {
                            look(&place, &cell.text);
                        }
                        for cell in form.body.iter().flat_map(|r| &r.cells) {
                            look(&place, &cell.text);
                        }
                    }
                }
            }
            if empty {
                found.borrow_mut().push(format!("{place}：（空）"));
            }
        }
        for table in &self.appendix {
            table_pieces(table, &mut |t| look(&table.title, t));
        }
        look("落款", &self.signature.signer);
        look("落款", &self.signature.date);
        found.into_inner()
    }
}

fn table_pieces(table: &Table, f: &mut dyn FnMut(&str)) {
    f(&table.title);
    for cell in table.columns.iter().chain(table.rows.iter().flatten()) {
        f(cell);
    }
}

/// Splits `text` into pieces, each marked as a placeholder a draft still holds (【待补充：…】,
/// 【待审阅】) or as ordinary text, so a renderer can make the placeholders stand out. The pieces
/// put together give `text` back; an unclosed 【待 runs to the end.
pub fn placeholder_pieces(text: &str) -> Vec<(bool, &str)> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("【待") {
        let end = rest[start..]
            .find('】')
            .map_or(rest.len(), |i| start + i + '】'.len_utf8());
        if start > 0 {
            pieces.push((false, &rest[..start]));
        }
        pieces.push((true, &rest[start..end]));
        rest = &rest[end..];
    }
    if !rest.is_empty() || pieces.is_empty() {
        pieces.push((false, rest));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::placeholder_pieces;

    #[test]
    fn placeholders_are_split_from_the_text_around_them() {
        assert_eq!(
            placeholder_pieces("共【待补充：数】条，【待审阅】"),
            vec![
                (false, "共"),
                (true, "【待补充：数】"),
                (false, "条，"),
                (true, "【待审阅】")
            ]
        );
        assert_eq!(placeholder_pieces("无"), vec![(false, "无")]);
        assert_eq!(placeholder_pieces(""), vec![(false, "")]);
        assert_eq!(
            placeholder_pieces("未闭合【待补充"),
            vec![(false, "未闭合"), (true, "【待补充")]
        );
        assert_eq!(placeholder_pieces("【注】"), vec![(false, "【注】")]);
    }
}
