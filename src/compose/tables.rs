//! The State Council template's tables: disclosure requests by applicant and outcome (三), and
//! administrative reconsiderations and lawsuits (四), printed as the forms print them, with a
//! row for every line of the form (an empty line is 0).

use super::{Composer, placeholder};
use crate::compose::report::{Block, Table};
use crate::model::forms::{Form, FormKind};

/// Adds table 三.
pub(super) fn requests(c: &Composer<'_>, blocks: &mut Vec<Block>) {
    add(c, FormKind::Requests, blocks);
}

/// Adds table 四.
pub(super) fn reviews(c: &Composer<'_>, blocks: &mut Vec<Block>) {
    add(c, FormKind::Reviews, blocks);
}

fn add(c: &Composer<'_>, kind: FormKind, blocks: &mut Vec<Block>) {
    let form = c
        .subs
        .departments
        .iter()
        .flat_map(|d| &d.forms)
        .find(|f| f.kind == kind);
    match form {
        Some(form) => blocks.push(Block::Table(table(form))),
        None if c.draft => blocks.push(Block::Paragraph {
            lead: None,
            text: placeholder(kind.name()),
        }),
        None => {}
    }
}

/// A form as a table: the row labels, then one column per applicant or result and the total.
pub(crate) fn table(form: &Form) -> Table {
    let mut columns = vec!["项目".to_owned()];
    columns.extend(form.kind.columns().iter().map(|c| (*c).to_owned()));
    let rows = form
        .kind
        .rows()
        .iter()
        .map(|spec| {
            let mut row = vec![spec.label.to_owned()];
            row.extend(form.values(spec.key).iter().map(u64::to_string));
            row
        })
        .collect();
    Table {
        title: form.kind.title().to_owned(),
        columns,
        rows,
    }
}
