//! The disclosure checklist: the items a university must publish and account for one by one.
//!
//! The Ministry's 2014 checklist (教办函〔2014〕23号, 10 categories, 50 items) is compiled into
//! the binary from `checklist.toml`, a data file that can be corrected without touching Rust. A
//! year may name another checklist in report.toml (`checklist = "辽宁省清单.toml"`); it has the
//! same format and is read ([`crate::read`]) with the same diagnostics as any submission.

use std::path::Path;
use std::sync::Arc;

/// The Ministry's checklist, as shipped (read by `crate::read::checklist`).
pub const MINISTRY_2014: &str = include_str!("checklist.toml");

/// A checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checklist {
    /// Its name (高等学校信息公开事项清单).
    pub name: String,
    /// Where it comes from (教办函〔2014〕23号).
    pub source: String,
    /// The items, in order.
    pub items: Vec<Item>,
    /// The file it was read from, if not the built-in one.
    pub file: Option<Arc<Path>>,
}

/// One checklist item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Stable id (1 to 50 for the Ministry's list).
    pub id: String,
    /// Its category (一、基本信息).
    pub category: String,
    /// What must be published.
    pub text: String,
}

impl Checklist {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The categories, in order, each with its items.
    pub fn categories(&self) -> Vec<(&str, Vec<&Item>)> {
        let mut categories: Vec<(&str, Vec<&Item>)> = Vec::new();
        for item in &self.items {
            match categories.iter_mut().find(|(c, _)| *c == item.category) {
                Some((_, items)) => items.push(item),
                None => categories.push((&item.category, vec![item])),
            }
        }
        categories
    }
}
