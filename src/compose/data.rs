//! The report's numbers as data: every figure, the request and complaint numbers, the State
//! Council forms' cells, and how each checklist item is accounted for. Tables, JSON and year-over-year comparisons are made from
//! this, never from the submissions directly.

use super::Composer;
use crate::compose::report::{
    ChecklistRow, ComplaintsRow, Data, FeesRow, FigureRow, FormData, FormLine, Outcome, RequestsRow,
};
use crate::model::forms::{Form, FormKind};
use crate::model::location::Located;
use crate::model::submission::Detail;

/// Collects the year's numbers.
pub(super) fn collect(c: &Composer<'_>) -> Data {
    let subs = c.subs;
    Data {
        figures: subs
            .figures()
            .map(|(department, figure)| FigureRow {
                department: department.name.clone(),
                channel: figure.channel.value.clone(),
                item: figure.item.value.clone(),
                parent: figure.parent.as_ref().map(|p| p.value.clone()),
                value: department.value_of(figure),
                unit: figure.unit.value.clone(),
                qualifier: figure
                    .qualifier
                    .as_ref()
                    .map(|q| q.value.as_str().to_owned()),
                approximate: figure.qualifier.is_some(),
                text: c.figure_text(department, figure),
                source: figure.number.source().to_owned(),
            })
            .collect(),
        requests: subs
            .departments
            .iter()
            .find_map(|d| d.requests.as_ref())
            .map(|r| RequestsRow {
                received: r.received.value,
                carried_over: r.carried_over.as_ref().map_or(0, |c| c.value),
                outcomes: r
                    .outcomes
                    .iter()
                    .map(|(outcome, n)| Outcome {
                        key: outcome.key().to_owned(),
                        name: outcome.as_str().to_owned(),
                        number: n.value,
                    })
                    .collect(),
                carried_forward: r.carried_forward.as_ref().map_or(0, |c| c.value),
                grounds: details(&r.grounds),
                arrivals: details(&r.arrivals),
                fees: r.fees.as_ref().map(|f| FeesRow {
                    charged: f.charged.value,
                    waived: f.waived.value,
                }),
            }),
        complaints: subs
            .departments
            .iter()
            .find_map(|d| d.complaints.as_ref())
            .map(|c| ComplaintsRow {
                reports: c.reports.value,
                reconsiderations: c.reconsiderations.value,
                lawsuits: c.lawsuits.value,
            }),
        forms: FormKind::ALL
            .into_iter()
            .filter_map(|kind| subs.form(kind))
            .map(form_data)
            .collect(),
        checklist: subs
            .checklist
            .items
            .iter()
            .map(|item| {
                let entry = subs.disclosure(&item.id);
                let departments = match entry {
                    Some((department, e)) => std::iter::once(department.name.clone())
                        .chain(e.owners.iter().map(|o| o.value.clone()))
                        .collect(),
                    None => subs
                        .facts
                        .owners
                        .iter()
                        .filter(|o| o.items.iter().any(|i| i.value == item.id))
                        .map(|o| o.department.value.clone())
                        .collect(),
                };
                let texts = |list: &[crate::model::location::Located<String>]| -> Vec<String> {
                    list.iter().map(|l| l.value.clone()).collect()
                };
                ChecklistRow {
                    id: item.id.clone(),
                    category: item.category.clone(),
                    text: item.text.clone(),
                    status: entry.map(|(_, e)| e.status.value.as_str().to_owned()),
                    departments,
                    links: entry.map(|(_, e)| texts(&e.links)).unwrap_or_default(),
                    channels: entry.map(|(_, e)| texts(&e.channels)).unwrap_or_default(),
                    note: entry.and_then(|(_, e)| e.note.as_ref().map(|n| n.value.clone())),
                }
            })
            .collect(),
    }
}

/// A breakdown of requests as data.
fn details(list: &[(&Detail, Located<u64>)]) -> Vec<Outcome> {
    list.iter()
        .map(|(d, n)| Outcome {
            key: d.key.to_owned(),
            name: d.name.to_owned(),
            number: n.value,
        })
        .collect()
}

/// A form's numbers: every row of the template in its order (a row not submitted, which only a
/// draft may have, is zeros, as the report prints it).
fn form_data(form: &Form) -> FormData {
    FormData {
        kind: form.kind.key().to_owned(),
        title: form.kind.title().to_owned(),
        columns: form.kind.columns().iter().map(|&c| c.to_owned()).collect(),
        rows: form
            .kind
            .rows()
            .iter()
            .map(|spec| FormLine {
                key: spec.key.to_owned(),
                label: spec.label.to_owned(),
                values: form.values(spec.key),
            })
            .collect(),
    }
}
