//! Checklist coverage: how many of a year's checklist items are 已公开, 部分公开, 不适用 or not
//! accounted for at all.
//!
//! The summary is counted from the report's [`ChecklistRow`]s, so that `compile --format table`
//! (per category) and `disclose compare` (per year) count the same way.

use crate::compose::report::ChecklistRow;
use crate::model::submission::Status;

/// How many checklist items have each status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Every item counted.
    pub items: u64,
    /// 已公开.
    pub published: u64,
    /// 部分公开.
    pub partly_published: u64,
    /// 不适用.
    pub not_applicable: u64,
    /// Nobody accounted for the item (未说明).
    pub unaccounted: u64,
}

/// The name printed for an item nobody accounted for.
pub const UNACCOUNTED: &str = "未说明";

impl Coverage {
    /// Counts `rows`.
    pub fn of<'r>(rows: impl IntoIterator<Item = &'r ChecklistRow>) -> Coverage {
        let mut coverage = Coverage::default();
        for row in rows {
            coverage.add(row);
        }
        coverage
    }

    /// Counts one more item. A status that is not one of the three (which compose never writes)
    /// counts as not accounted for.
    pub fn add(&mut self, row: &ChecklistRow) {
        self.items += 1;
        let count = match row.status.as_deref().and_then(Status::parse) {
            Some(Status::Published) => &mut self.published,
            Some(Status::PartlyPublished) => &mut self.partly_published,
            Some(Status::NotApplicable) => &mut self.not_applicable,
            None => &mut self.unaccounted,
        };
        *count += 1;
    }

    /// The coverage of each category, in the order categories first appear.
    pub fn by_category(rows: &[ChecklistRow]) -> Vec<(String, Coverage)> {
        let mut categories: Vec<(String, Coverage)> = Vec::new();
        for row in rows {
            match categories.iter_mut().find(|(c, _)| *c == row.category) {
                Some((_, coverage)) => coverage.add(row),
                None => categories.push((row.category.clone(), Coverage::of([row]))),
            }
        }
        categories
    }

    /// Each status's count, with its JSON key and its printed name, in the order of the
    /// checklist table's columns.
    pub fn counts(&self) -> [(&'static str, &'static str, u64); 4] {
        [
            (
                Status::Published.key(),
                Status::Published.as_str(),
                self.published,
            ),
            (
                Status::PartlyPublished.key(),
                Status::PartlyPublished.as_str(),
                self.partly_published,
            ),
            (
                Status::NotApplicable.key(),
                Status::NotApplicable.as_str(),
                self.not_applicable,
            ),
            ("unaccounted", UNACCOUNTED, self.unaccounted),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(category: &str, status: Option<&str>) -> ChecklistRow {
        ChecklistRow {
            id: "1".to_owned(),
            category: category.to_owned(),
            text: String::new(),
            status: status.map(str::to_owned),
            departments: Vec::new(),
            links: Vec::new(),
            channels: Vec::new(),
            note: None,
        }
    }

    #[test]
    fn counts_each_status_per_category_in_order_of_appearance() {
        let rows = [
            row("基本信息", Some("已公开")),
            row("招生考试信息", Some("部分公开")),
            row("基本信息", None),
            row("基本信息", Some("不适用")),
        ];
        let categories = Coverage::by_category(&rows);
        assert_eq!(categories.len(), 2);
        assert_eq!(categories[0].0, "基本信息");
        assert_eq!(
            categories[0].1,
            Coverage {
                items: 3,
                published: 1,
                partly_published: 0,
                not_applicable: 1,
                unaccounted: 1,
            }
        );
        assert_eq!(categories[1].1.partly_published, 1);
        let total = Coverage::of(&rows);
        assert_eq!(total.items, 4);
        assert_eq!(
            total.counts().map(|(key, _, n)| (key, n)),
            [
                ("published", 1),
                ("partly-published", 1),
                ("not-applicable", 1),
                ("unaccounted", 1)
            ]
        );
    }
}
