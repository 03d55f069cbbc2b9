//! The State Council template's tables: disclosure requests by applicant and outcome (三), and
//! administrative reconsiderations and lawsuits (四), printed as the forms print them, with a
//! row for every line of the form (an empty line is 0).

use super::placeholder;
use crate::compose::report::{Block, Table};
use crate::model::forms::{Form, FormKind};
use crate::model::submission::Submissions;

/// Adds table 三.
pub(super) fn requests(subs: &Submissions, draft: bool, blocks: &mut Vec<Block>) {
    add(subs, FormKind::Requests, draft, blocks);
}

/// Adds table 四.
pub(super) fn reviews(subs: &Submissions, draft: bool, blocks: &mut Vec<Block>) {
    add(subs, FormKind::Reviews, draft, blocks);
}

fn add(subs: &Submissions, kind: FormKind, draft: bool, blocks: &mut Vec<Block>) {
    let form = subs
        .departments
        .iter()
        .flat_map(|d| &d.forms)
        .find(|f| f.kind == kind);
    match form {
        Some(form) => blocks.push(Block::Table(table(form))),
        None if draft => blocks.push(Block::Paragraph {
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
