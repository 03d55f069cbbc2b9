//! The disclosure checklist: the items a university must publish and account for one by one.
//!
//! The Ministry's 2014 checklist (教办函〔2014〕23号, 10 categories, 50 items) is compiled into
//! the binary from `checklist.toml`, a data file that can be corrected without touching Rust. A
//! year may name another checklist in report.toml (`checklist = "辽宁省清单.toml"`); it has the
//! same format and is read with the same diagnostics as any submission.

use std::path::Path;
use std::sync::Arc;

use toml::de::DeTable;

use crate::diagnostic::Diagnostics;
use crate::location::{Located, Location};
use crate::problem::Problem;
use crate::read::table::{Ctx, Table};

/// The Ministry's checklist, as shipped.
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
    /// The built-in Ministry checklist.
    pub fn ministry() -> Checklist {
        let mut diags = Diagnostics::new();
        let file: Arc<Path> = Arc::from(Path::new("checklist.toml"));
        let mut checklist = parse(&file, MINISTRY_2014, &mut diags);
        checklist.file = None;
        debug_assert!(diags.is_empty(), "the built-in checklist reads cleanly");
        checklist
    }

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

/// Reads a checklist file's text; problems are reported, and what could be read is kept.
pub fn parse(file: &Arc<Path>, text: &str, diags: &mut Diagnostics) -> Checklist {
    let (doc, errors) = DeTable::parse_recoverable(text);
    let mut ctx = Ctx {
        file: file.clone(),
        source: text,
        diags,
    };
    let mut checklist = Checklist {
        name: String::new(),
        source: String::new(),
        items: Vec::new(),
        file: Some(file.clone()),
    };
    if !errors.is_empty() {
        for error in &errors {
            let at = error
                .span()
                .map_or_else(|| Location::file(file), |s| ctx.at(s));
            ctx.diags.push(
                Problem::TomlSyntax {
                    message: error.message().trim().to_owned(),
                },
                at,
            );
        }
        return checklist;
    }
    let mut top = Table::document(doc.get_ref());
    checklist.name = top
        .required_string(&mut ctx, "name")
        .map(|s| s.value)
        .unwrap_or_default();
    checklist.source = top
        .string(&mut ctx, "source")
        .map(|s| s.value)
        .unwrap_or_default();
    let mut seen: Vec<Located<String>> = Vec::new();
    for mut table in top.tables(&mut ctx, "item") {
        let id = table.required_string(&mut ctx, "id");
        let category = table.required_string(&mut ctx, "category");
        let text = table.required_string(&mut ctx, "text");
        table.finish(&mut ctx);
        let (Some(id), Some(category), Some(text)) = (id, category, text) else {
            continue;
        };
        if let Some(first) = seen.iter().find(|s| s.value == id.value) {
            ctx.diags.push(
                Problem::DuplicateFigure {
                    key: format!("item {}", id.value),
                    first: first.location.clone(),
                },
                id.location.clone(),
            );
            continue;
        }
        checklist.items.push(Item {
            id: id.value.clone(),
            category: category.value,
            text: text.value,
        });
        seen.push(id);
    }
    top.finish(&mut ctx);
    if checklist.items.is_empty() {
        ctx.diags.push(Problem::EmptyFile, Location::file(file));
    }
    checklist
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ministry_checklist_has_ten_categories_and_fifty_items() {
        let mut diags = Diagnostics::new();
        let file: Arc<Path> = Arc::from(Path::new("checklist.toml"));
        let list = parse(&file, MINISTRY_2014, &mut diags);
        assert!(diags.is_empty());
        assert_eq!(list.items.len(), 50);
        let counts: Vec<usize> = list.categories().iter().map(|(_, i)| i.len()).collect();
        assert_eq!(counts, [6, 8, 7, 5, 9, 4, 3, 4, 2, 2]);
        let ids: Vec<String> = list.items.iter().map(|i| i.id.clone()).collect();
        let expected: Vec<String> = (1..=50).map(|n: u32| n.to_string()).collect();
        assert_eq!(ids, expected);
        assert_eq!(
            list.item("18").unwrap().category,
            "三、财务、资产及收费信息"
        );
    }

    #[test]
    fn a_broken_checklist_is_reported_like_a_submission() {
        let mut diags = Diagnostics::new();
        let file: Arc<Path> = Arc::from(Path::new("省清单.toml"));
        let text = "name = \"省清单\"\n[[item]]\nid = \"A1\"\ncategory = \"一\"\ntext = \"x\"\n[[item]]\nid = \"A1\"\ncategory = \"一\"\ntext = \"y\"\ntxet = \"z\"\n";
        let list = parse(&file, text, &mut diags);
        assert_eq!(list.items.len(), 1);
        let mut ids: Vec<&str> = diags.iter().map(|d| d.rule().id).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["D102", "D107"]);
    }
}
