//! The State Council forms compared cell by cell: every row of the template × every column, year
//! A's number beside year B's. A cell is `row/column` (`new/总计`, the row's key in the form's
//! catalogue and the column as the form heads it), named as the form prints it
//! (`一、本年新收信息公开申请数量：总计`). A year without the form has no side in any of its
//! cells, as a year without `[requests]` has none in the request rows: the cells are in the
//! other year only, never compared with zero.

use super::{CASES, Row, Section, Side};
use crate::compose::report::{Data, FormData};
use crate::model::forms::FormKind;

/// Every cell of the form of `kind`, row by row and column by column; none when neither year
/// submitted it.
pub(super) fn cells(kind: FormKind, a: &Data, b: &Data) -> Vec<Row> {
    let (a, b) = (a.form(kind), b.form(kind));
    let Some(frame) = b.or(a) else {
        return Vec::new();
    };
    let section = match kind {
        FormKind::Requests => Section::RequestsForm,
        FormKind::Reviews => Section::ReviewsForm,
    };
    let mut rows = Vec::with_capacity(frame.rows.len() * frame.columns.len());
    for line in &frame.rows {
        for (i, column) in frame.columns.iter().enumerate() {
            let side = |form: Option<&FormData>| form.map(|f| cell(f, &line.key, i));
            rows.push(Row::new(
                section,
                &format!("{}/{column}", line.key),
                &format!("{}：{column}", line.label),
                side(a),
                side(b),
            ));
        }
    }
    rows
}

/// The number in row `key`, column `i` of a form; missing (`None`) if the form lacks the cell.
fn cell(form: &FormData, key: &str, i: usize) -> Side {
    let value = form
        .rows
        .iter()
        .find(|r| r.key == key)
        .and_then(|r| r.values.get(i).copied());
    Side {
        value,
        ..Side::exact(0, CASES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::compare::{Status, compare};
    use crate::compose::report::FormLine;

    fn reviews(reconsideration: [u64; 5]) -> Data {
        let line = |key: &str, label: &str, values: &[u64]| FormLine {
            key: key.to_owned(),
            label: label.to_owned(),
            values: values.to_vec(),
        };
        Data {
            forms: vec![FormData {
                kind: "reviews".to_owned(),
                title: FormKind::Reviews.title().to_owned(),
                columns: FormKind::Reviews
                    .columns()
                    .iter()
                    .map(|&c| c.to_owned())
                    .collect(),
                rows: vec![
                    line("reconsideration", "行政复议", &reconsideration),
                    line("lawsuit_direct", "行政诉讼：未经复议直接起诉", &[0; 5]),
                ],
            }],
            ..Data::default()
        }
    }

    fn form_rows(rows: &[Row]) -> Vec<&Row> {
        rows.iter()
            .filter(|r| r.section == Section::ReviewsForm)
            .collect()
    }

    #[test]
    fn every_cell_is_a_row_and_a_changed_cell_has_its_change() {
        let rows = compare(&reviews([1, 0, 0, 0, 1]), &reviews([1, 1, 0, 0, 2]));
        let cells = form_rows(&rows);
        assert_eq!(cells.len(), 10, "two rows of five columns");
        assert_eq!(cells[0].key, "reconsideration/结果维持");
        assert_eq!(cells[0].name, "行政复议：结果维持");
        assert_eq!(cells[0].unit, "件");
        let changed: Vec<(&str, Option<i64>)> = cells
            .iter()
            .filter(|r| !r.is_unchanged())
            .map(|r| (r.key.as_str(), r.change))
            .collect();
        assert_eq!(
            changed,
            [
                ("reconsideration/结果纠正", Some(1)),
                ("reconsideration/总计", Some(1)),
            ]
        );
        assert_eq!(
            cells[4].percent.map(|p| p.to_string()).as_deref(),
            Some("+100.0%")
        );
    }

    #[test]
    fn a_form_one_year_lacks_is_in_the_other_year_only() {
        let rows = compare(&Data::default(), &reviews([1, 0, 0, 0, 1]));
        let cells = form_rows(&rows);
        assert_eq!(cells.len(), 10);
        assert!(
            cells
                .iter()
                .all(|r| r.status == Status::OnlyB && r.a.is_none())
        );
        assert!(cells.iter().all(|r| r.change.is_none()));
        assert!(
            compare(&Data::default(), &Data::default())
                .iter()
                .all(|r| r.section.form().is_none()),
            "no form in either year: no form rows"
        );
    }
}
