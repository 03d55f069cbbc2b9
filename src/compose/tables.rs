//! The State Council template's tables: disclosure requests by applicant and outcome (三), and
//! administrative reconsiderations and lawsuits (四), laid out as the 2021 template
//! (国办公开办函〔2021〕30号) prints them, cell for cell: header rows with their merged cells, the
//! labels of table 三 in up to three columns (三、本年度办理结果 down the side of the outcomes,
//! each group of outcomes under its name), a row for every line of the form; a cell nobody filled
//! in is a placeholder, never a 0.

use super::{Composer, placeholder};
use crate::compose::report::{Block, Form as FormBlock, FormCell, FormRow};
use crate::model::forms::{self, Form, FormKind, REQUEST_COLUMNS, REVIEW_COLUMNS, RowSpec};

/// The note in the top-left cell of table 三.
pub(crate) const REQUESTS_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// The label down the side of table 三's outcomes.
const RESULTS: &str = "三、本年度办理结果";
/// Table 三's label columns: the part (一、…四、), the outcome group, the ground.
const LABEL_COLUMNS: usize = 3;

/// Adds table 三.
pub(super) fn requests(c: &Composer<'_>, blocks: &mut Vec<Block>) {
    add(c, FormKind::Requests, blocks);
}

/// Adds table 四.
pub(super) fn reviews(c: &Composer<'_>, blocks: &mut Vec<Block>) {
    add(c, FormKind::Reviews, blocks);
}

fn add(c: &Composer<'_>, kind: FormKind, blocks: &mut Vec<Block>) {
    match c.subs.form(kind) {
        Some(form) => blocks.push(Block::Form(form_block(
            form,
            c.facts.typography.template_words,
        ))),
        None if c.draft => blocks.push(Block::Paragraph {
            lead: None,
            text: placeholder(kind.name()),
        }),
        None => {}
    }
}

/// A form as the template lays it out; with `template_words`, its title and labels in the
/// template's own words (政府信息).
pub(crate) fn form_block(form: &Form, template_words: bool) -> FormBlock {
    let (label_columns, mut header, mut body) = match form.kind {
        FormKind::Requests => (LABEL_COLUMNS, requests_header(), requests_body(form)),
        FormKind::Reviews => (0, reviews_header(), reviews_body(form)),
    };
    let mut title = form.kind.title().to_owned();
    if template_words {
        title = forms::template_words(&title);
        let cells = header.iter_mut().flatten();
        for cell in cells.chain(body.iter_mut().flat_map(|r| &mut r.cells)) {
            cell.text = forms::template_words(&cell.text);
        }
    }
    let mut block = FormBlock {
        key: form.kind.key().to_owned(),
        title,
        label_columns,
        header,
        body,
        columns: Vec::new(),
        rows: Vec::new(),
    };
    flatten(&mut block);
    block
}

fn cell(text: &str, rows: usize, columns: usize) -> FormCell {
    FormCell::new(text, rows, columns)
}

/// Table 三's header, three rows deep: the note over the labels, 申请人情况 over every number
/// column, 自然人 · 法人或其他组织 · 总计 under it, and the five kinds of organisation.
fn requests_header() -> Vec<Vec<FormCell>> {
    let applicants = REQUEST_COLUMNS.len();
    let organisations = &REQUEST_COLUMNS[1..applicants - 1];
    vec![
        vec![
            cell(REQUESTS_NOTE, 3, LABEL_COLUMNS),
            cell("申请人情况", 1, applicants),
        ],
        vec![
            cell(REQUEST_COLUMNS[0], 2, 1),
            cell("法人或其他组织", 1, organisations.len()),
            cell(REQUEST_COLUMNS[applicants - 1], 2, 1),
        ],
        organisations.iter().map(|c| cell(c, 1, 1)).collect(),
    ]
}

/// A row label of table 三 split as the template prints it: the group (（三）不予公开) and the
/// ground (1.属于国家秘密), or the label alone.
fn split_label(spec: &RowSpec) -> (&'static str, Option<&'static str>) {
    match spec.label.split_once('：') {
        Some((group, ground)) => (group, Some(ground)),
        None => (spec.label, None),
    }
}

/// Table 三's body: 一 and 二 across the label columns; 三 down the side of the outcomes, each
/// group of grounds under its group's name; the total; 四.
fn requests_body(form: &Form) -> Vec<FormRow> {
    let specs = form.kind.rows();
    let results = specs.iter().filter(|s| s.label.starts_with('（')).count();
    let mut body = Vec::with_capacity(specs.len());
    for (i, spec) in specs.iter().enumerate() {
        let (group, ground) = split_label(spec);
        let mut cells = Vec::new();
        if spec.label.starts_with('（') {
            if !body.iter().any(starts_results) {
                cells.push(cell(RESULTS, results, 1));
            }
            match ground {
                None => cells.push(cell(group, 1, LABEL_COLUMNS - 1)),
                Some(ground) => {
                    let same = specs[i..]
                        .iter()
                        .take_while(|s| split_label(s).0 == group)
                        .count();
                    let previous = i > 0 && split_label(&specs[i - 1]).0 == group;
                    if !previous {
                        cells.push(cell(group, same, 1));
                    }
                    cells.push(cell(ground, 1, 1));
                }
            }
        } else {
            cells.push(cell(spec.label, 1, LABEL_COLUMNS));
        }
        cells.extend(values(form, spec.key));
        body.push(FormRow {
            key: spec.key.to_owned(),
            cells,
        });
    }
    body
}

/// Whether a body row is the one that opened 三、本年度办理结果.
fn starts_results(row: &FormRow) -> bool {
    row.cells.first().is_some_and(|c| c.text == RESULTS)
}

/// Table 四's header: 行政复议 and 行政诉讼 as column groups, 行政诉讼 split into 未经复议直接起诉
/// and 复议后起诉, each with its five results.
fn reviews_header() -> Vec<Vec<FormCell>> {
    let results = REVIEW_COLUMNS.len();
    let lawsuits = &FormKind::Reviews.rows()[1..];
    let mut second: Vec<FormCell> = REVIEW_COLUMNS.iter().map(|c| cell(c, 2, 1)).collect();
    second.extend(
        lawsuits
            .iter()
            .map(|spec| cell(split_label(spec).1.unwrap_or(spec.label), 1, results)),
    );
    vec![
        vec![
            cell("行政复议", 1, results),
            cell("行政诉讼", 1, results * lawsuits.len()),
        ],
        second,
        (0..lawsuits.len())
            .flat_map(|_| REVIEW_COLUMNS.iter().map(|c| cell(c, 1, 1)))
            .collect(),
    ]
}

/// Table 四's one row of numbers: 行政复议's five, then each kind of lawsuit's.
fn reviews_body(form: &Form) -> Vec<FormRow> {
    let cells = form
        .kind
        .rows()
        .iter()
        .flat_map(|spec| values(form, spec.key))
        .collect();
    vec![FormRow {
        key: "all".to_owned(),
        cells,
    }]
}

/// A row's cells as submitted: an empty cell, or a row not submitted, is a placeholder (which a
/// final report refuses), never a 0.
fn values(form: &Form, key: &str) -> Vec<FormCell> {
    form.submitted(key)
        .iter()
        .map(|v| match v {
            Some(v) => cell(&v.to_string(), 1, 1),
            None => cell(&placeholder("空"), 1, 1),
        })
        .collect()
}

/// Fills the plain-table view: each column's headings joined by `：` (the note left out), each
/// row's labels joined by `：`, then its values.
fn flatten(block: &mut FormBlock) {
    let width = block.width();
    let header = block.header_grid();
    let mut columns = Vec::with_capacity(width.saturating_sub(block.label_columns) + 1);
    if block.label_columns > 0 {
        columns.push("项目".to_owned());
    }
    for column in block.label_columns..width {
        let mut names: Vec<&str> = Vec::new();
        for row in &header {
            if let Some(Some(placed)) = row.get(column)
                && names.last() != Some(&placed.cell.text.as_str())
            {
                names.push(&placed.cell.text);
            }
        }
        columns.push(names.join("："));
    }
    let body = block.body_grid();
    let rows = body
        .iter()
        .map(|places| {
            let mut labels: Vec<&str> = Vec::new();
            for placed in places.iter().take(block.label_columns).flatten() {
                if labels.last() != Some(&placed.cell.text.as_str()) {
                    labels.push(&placed.cell.text);
                }
            }
            let mut row = Vec::new();
            if block.label_columns > 0 {
                row.push(labels.join("："));
            }
            row.extend(
                places
                    .iter()
                    .skip(block.label_columns)
                    .map(|p| p.map_or_else(String::new, |p| p.cell.text.clone())),
            );
            row
        })
        .collect();
    block.columns = columns;
    block.rows = rows;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::location::{Located, Location};

    fn empty(kind: FormKind) -> Form {
        Form {
            kind,
            rows: Vec::new(),
            location: Location::file(&std::sync::Arc::from(std::path::Path::new("表.csv"))),
        }
    }

    /// A form with every row submitted, every cell 0.
    fn zeros(kind: FormKind) -> Form {
        let mut form = empty(kind);
        let at = form.location.clone();
        form.rows = kind
            .rows()
            .iter()
            .map(|spec| crate::model::forms::FormRow {
                spec,
                values: vec![Located::new(0, at.clone()); kind.columns().len()],
                blank: Vec::new(),
                location: at.clone(),
            })
            .collect();
        form
    }

    #[test]
    fn the_template_words_say_zheng_fu_xin_xi() {
        let block = form_block(&zeros(FormKind::Requests), true);
        assert_eq!(block.title, "收到和处理政府信息公开申请情况");
        let labels: Vec<&str> = block.rows.iter().map(|r| r[0].as_str()).collect();
        assert!(
            labels.contains(&"一、本年新收政府信息公开申请数量"),
            "{labels:?}"
        );
        assert!(
            labels
                .iter()
                .any(|l| l.ends_with("1.本机关不掌握相关政府信息")),
            "{labels:?}"
        );
        assert!(!labels.iter().any(|l| l.contains("政府政府")), "{labels:?}");
        let reviews = form_block(&zeros(FormKind::Reviews), true);
        assert_eq!(reviews.title, "政府信息公开行政复议、行政诉讼情况");
        assert_eq!(
            form_block(&zeros(FormKind::Requests), false).title,
            "收到和处理信息公开申请情况"
        );
    }

    #[test]
    fn a_cell_nobody_filled_in_is_a_placeholder_never_a_zero() {
        let mut form = zeros(FormKind::Requests);
        form.rows[0].blank.push(2);
        form.rows.remove(1);
        let block = form_block(&form, false);
        let first: Vec<&str> = block.rows[0].iter().map(String::as_str).collect();
        assert_eq!(first[1..4], ["0", "0", "【待补充：空】"]);
        assert!(block.rows[1][1..].iter().all(|c| c == "【待补充：空】"));
        assert!(block.rows[2][1..].iter().all(|c| c == "0"));
    }

    /// The grid's text, row by row: a merged cell's text where it starts, `^` under it, `<` to
    /// its right.
    fn drawn(grid: &[Vec<Option<crate::compose::report::Placed<'_>>>]) -> Vec<String> {
        grid.iter()
            .map(|row| {
                row.iter()
                    .map(|p| match p {
                        None => "·".to_owned(),
                        Some(p) if p.top && p.left => p.cell.text.clone(),
                        Some(p) if p.left => "^".to_owned(),
                        Some(_) => "<".to_owned(),
                    })
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn the_requests_form_has_the_templates_merged_header_and_labels() {
        let block = form_block(&zeros(FormKind::Requests), false);
        assert_eq!(block.width(), 10);
        let header = drawn(&block.header_grid());
        assert_eq!(
            header,
            [
                format!("{REQUESTS_NOTE}|<|<|申请人情况|<|<|<|<|<|<"),
                "^|<|<|自然人|法人或其他组织|<|<|<|<|总计".to_owned(),
                "^|<|<|^|商业企业|科研机构|社会公益组织|法律服务机构|其他|^".to_owned(),
            ]
        );
        let body = drawn(&block.body_grid());
        assert_eq!(body.len(), 25);
        assert!(
            body[0].starts_with("一、本年新收信息公开申请数量|<|<|0|"),
            "{}",
            body[0]
        );
        assert!(
            body[2].starts_with("三、本年度办理结果|（一）予以公开|<|0"),
            "{}",
            body[2]
        );
        assert!(
            body[4].starts_with("^|（三）不予公开|1.属于国家秘密|0"),
            "{}",
            body[4]
        );
        assert!(
            body[5].starts_with("^|^|2.其他法律行政法规禁止公开|0"),
            "{}",
            body[5]
        );
        assert!(body[12].starts_with("^|（四）无法提供|1."), "{}", body[12]);
        assert!(body[23].starts_with("^|（七）总计|<|0"), "{}", body[23]);
        assert!(
            body[24].starts_with("四、结转下年度继续办理|<|<|0"),
            "{}",
            body[24]
        );
        assert!(body.iter().all(|r| !r.contains('·')), "{body:#?}");
    }

    #[test]
    fn the_reviews_form_has_reconsideration_and_lawsuits_as_column_groups() {
        let block = form_block(&empty(FormKind::Reviews), false);
        assert_eq!(block.width(), 15);
        let header = drawn(&block.header_grid());
        assert_eq!(header[0], "行政复议|<|<|<|<|行政诉讼|<|<|<|<|<|<|<|<|<");
        assert_eq!(
            header[1],
            "结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|<|<|<|<|复议后起诉|<|<|<|<"
        );
        assert_eq!(
            header[2],
            "^|^|^|^|^|结果维持|结果纠正|其他结果|尚未审结|总计|结果维持|结果纠正|其他结果|尚未审结|总计"
        );
        assert_eq!(block.body.len(), 1);
        assert_eq!(block.body[0].cells.len(), 15);
    }

    #[test]
    fn the_plain_view_joins_headings_and_labels() {
        let block = form_block(&zeros(FormKind::Requests), false);
        assert_eq!(block.columns[0], "项目");
        assert_eq!(block.columns[1], "申请人情况：自然人");
        assert_eq!(block.columns[2], "申请人情况：法人或其他组织：商业企业");
        assert_eq!(
            block.rows[4][0],
            "三、本年度办理结果：（三）不予公开：1.属于国家秘密"
        );
        assert_eq!(block.rows[0][0], "一、本年新收信息公开申请数量");
        let reviews = form_block(&zeros(FormKind::Reviews), false);
        assert_eq!(reviews.columns[0], "行政复议：结果维持");
        assert_eq!(reviews.columns[14], "行政诉讼：复议后起诉：总计");
        assert_eq!(reviews.rows, [vec!["0".to_owned(); 15]]);
    }
}
