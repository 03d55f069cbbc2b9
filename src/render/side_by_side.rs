//! A comparison laid out side by side, shared by its table and Markdown renderings: the title, the
//! header, what each section shows and each row's cells, and the closing summary line. The JSON
//! rendering uses the comparison's data as it is.
//!
//! A section shows every row, except a State Council form's: of its cells (175 in the requests
//! form, mostly 0) only those that changed or are in one year only are listed, and one line
//! counts the cells that are the same in both years. The summary line counts every row.

use crate::compose::compare::{Comparison, Row, Section, Status, Summary};

/// `辽宁科技大学 2019-2020 与 2020-2021 学年信息公开数据对比`; for calendar years
/// `示例学院 2022 与 2023 年度信息公开数据对比` (each year with its own word if they differ).
pub(crate) fn title(cmp: &Comparison) -> String {
    let (a, b) = (cmp.year_a, cmp.year_b);
    let years = if a.noun() == b.noun() {
        format!("{a} 与 {b} {}", a.noun())
    } else {
        format!("{a} {}与 {b} {}", a.noun(), b.noun())
    };
    format!("{} {years}信息公开数据对比", cmp.school)
}

/// The column headings: the two years are named.
pub(crate) fn header(cmp: &Comparison) -> Vec<String> {
    vec![
        "项目".to_owned(),
        "单位".to_owned(),
        cmp.year_a.to_string(),
        cmp.year_b.to_string(),
        "变化".to_owned(),
        "幅度".to_owned(),
        "说明".to_owned(),
    ]
}

/// The index of the first column holding numbers (right-aligned in a table).
pub(crate) const FIRST_NUMBER: usize = 2;

/// The index of the last column holding numbers.
pub(crate) const LAST_NUMBER: usize = 5;

/// A row's cells: name, unit, the two numbers (约 3600; — when the year does not have it; with
/// the unit when the units differ), the change (+64), the percentage (+14.7%) and a remark
/// (增加, 减少, 不变, 仅 2019-2020 有…).
pub(crate) fn cells(cmp: &Comparison, row: &Row) -> Vec<String> {
    let units_differ = matches!((&row.a, &row.b), (Some(a), Some(b)) if a.unit != b.unit);
    let number = |side: Option<&crate::compose::compare::Side>| match side {
        Some(side) if units_differ => format!("{} {}", side.text(), side.unit),
        Some(side) => side.text(),
        None => "—".to_owned(),
    };
    let change = row.change.map_or_else(
        || "—".to_owned(),
        |c| {
            if c > 0 {
                format!("+{c}")
            } else {
                c.to_string()
            }
        },
    );
    let percent = row
        .percent
        .map_or_else(|| "—".to_owned(), |p| p.to_string());
    vec![
        row.name.clone(),
        row.unit.clone(),
        number(row.a.as_ref()),
        number(row.b.as_ref()),
        change,
        percent,
        remark(cmp, row),
    ]
}

/// 增加, 减少, 不变, 限定词变化 (the same number, now 约 or no longer), 不可比 (a unit changed,
/// or a number is missing), 仅 2019-2020 有.
fn remark(cmp: &Comparison, row: &Row) -> String {
    match (row.status, row.change) {
        (Status::OnlyA, _) => format!("仅 {} 有", cmp.year_a),
        (Status::OnlyB, _) => format!("仅 {} 有", cmp.year_b),
        (Status::Both, Some(c)) if c > 0 => "增加".to_owned(),
        (Status::Both, Some(c)) if c < 0 => "减少".to_owned(),
        (Status::Both, Some(_)) if row.is_unchanged() => "不变".to_owned(),
        (Status::Both, Some(_)) => "限定词变化".to_owned(),
        (Status::Both, None) => "不可比".to_owned(),
    }
}

/// The rows of one section.
pub(crate) fn rows_of(cmp: &Comparison, section: Section) -> impl Iterator<Item = &Row> {
    cmp.rows.iter().filter(move |r| r.section == section)
}

/// What a section shows.
pub(crate) enum Shown<'c> {
    /// Nothing: a form neither year submitted, or numbers neither year wrote in prose where a
    /// year's form reports them.
    Nothing,
    /// One line instead of the section: neither year has its numbers.
    Line(String),
    /// The section's title, a table of these rows (none when a form's cells are all the same),
    /// then for a form a line counting the cells not listed.
    Table(Vec<&'c Row>, Option<String>),
}

/// What `section` shows of the comparison.
pub(crate) fn shown(cmp: &Comparison, section: Section) -> Shown<'_> {
    let rows: Vec<&Row> = rows_of(cmp, section).collect();
    if rows.is_empty() {
        let form_instead = section
            .form_instead()
            .is_some_and(|form| rows_of(cmp, form).next().is_some());
        return if form_instead || section.form().is_some() {
            Shown::Nothing
        } else {
            Shown::Line(format!("{}：两个{}均未填报", section.title(), noun(cmp)))
        };
    }
    if section.form().is_none() {
        return Shown::Table(rows, None);
    }
    let (same, listed): (Vec<&Row>, Vec<&Row>) = rows.into_iter().partition(|r| r.is_unchanged());
    let note = match (same.len(), listed.is_empty()) {
        (0, _) => None,
        (n, true) => Some(format!("全部 {n} 格两个{}相同。", noun(cmp))),
        (n, false) => Some(format!("其余 {n} 格两个{}相同。", noun(cmp))),
    };
    Shown::Table(listed, note)
}

/// 学年 or 年度, as the two years are called together (年度 when they are of two kinds).
fn noun(cmp: &Comparison) -> &'static str {
    if cmp.year_a.noun() == cmp.year_b.noun() {
        cmp.year_a.noun()
    } else {
        "年度"
    }
}

/// `共 45 项：变化 3 项，不变 40 项，仅 2019-2020 有 1 项，仅 2020-2021 有 1 项。`
pub(crate) fn summary_line(cmp: &Comparison) -> String {
    let s = Summary::of(&cmp.rows);
    format!(
        "共 {} 项：变化 {} 项，不变 {} 项，仅 {} 有 {} 项，仅 {} 有 {} 项。",
        s.rows, s.changed, s.unchanged, cmp.year_a, s.only_a, cmp.year_b, s.only_b
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::compare::compare;
    use crate::compose::report::{Data, FigureRow};

    fn figure(value: u64, unit: &str, qualifier: Option<&str>) -> FigureRow {
        FigureRow {
            department: "宣传部".to_owned(),
            channel: "官方微博".to_owned(),
            item: "信息".to_owned(),
            parent: None,
            value: Some(value),
            unit: unit.to_owned(),
            qualifier: qualifier.map(str::to_owned),
            approximate: qualifier.is_some(),
            text: String::new(),
            source: "given".to_owned(),
        }
    }

    fn first_cells(a: FigureRow, b: FigureRow) -> Vec<String> {
        let data = |f| Data {
            figures: vec![f],
            ..Data::default()
        };
        let cmp = Comparison {
            school: "示例大学".to_owned(),
            year_a: "2021-2022".parse().unwrap(),
            year_b: "2022-2023".parse().unwrap(),
            rows: compare(&data(a), &data(b)),
        };
        cells(&cmp, &cmp.rows[0])
    }

    #[test]
    fn the_title_calls_each_year_by_its_kind() {
        let title = |a: &str, b: &str| {
            title(&Comparison {
                school: "示例学院".to_owned(),
                year_a: a.parse().unwrap(),
                year_b: b.parse().unwrap(),
                rows: Vec::new(),
            })
        };
        assert_eq!(
            title("2021-2022", "2022-2023"),
            "示例学院 2021-2022 与 2022-2023 学年信息公开数据对比"
        );
        assert_eq!(
            title("2022", "2023"),
            "示例学院 2022 与 2023 年度信息公开数据对比"
        );
        assert_eq!(
            title("2021-2022", "2022"),
            "示例学院 2021-2022 学年与 2022 年度信息公开数据对比"
        );
    }

    #[test]
    fn a_qualifier_that_came_or_went_is_not_called_unchanged() {
        assert_eq!(
            first_cells(figure(3600, "条", Some("约")), figure(3600, "条", None)),
            [
                "官方微博/信息",
                "条",
                "约 3600",
                "3600",
                "0",
                "0.0%",
                "限定词变化"
            ]
        );
    }

    #[test]
    fn numbers_in_different_units_carry_their_unit_and_are_not_compared() {
        assert_eq!(
            first_cells(figure(50, "篇", None), figure(3600, "条", Some("余"))),
            [
                "官方微博/信息",
                "条",
                "50 篇",
                "3600 余 条",
                "—",
                "—",
                "不可比"
            ]
        );
    }
}
