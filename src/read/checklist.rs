//! Reading a checklist: the Ministry's, compiled in, or one a year names in report.toml, with the
//! same diagnostics as any submission.

use std::path::Path;
use std::sync::Arc;

use toml::de::DeTable;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::model::checklist::{Checklist, Item, MINISTRY_2014};
use crate::model::location::{Located, Location};
use crate::read::table::{Ctx, Table};

/// The built-in Ministry checklist.
pub fn ministry() -> Checklist {
    let mut diags = Diagnostics::new();
    let file: Arc<Path> = Arc::from(Path::new("checklist.toml"));
    let mut checklist = parse(&file, MINISTRY_2014, &mut diags);
    checklist.file = None;
    debug_assert!(diags.is_empty(), "the built-in checklist reads cleanly");
    checklist
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
            let at = crate::read::table::error_location(&ctx, error);
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
