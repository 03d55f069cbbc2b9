//! Which figures each channel group of part 二 (一) reports, in which order.
//!
//! A group names figures by channel (`学校主页`: every top-level figure of the channel) or by
//! channel and item (`办公系统/通知公告`). Each figure is placed once, by the first selector
//! that names it, in the order the selectors are written; figures one selector names come in
//! department order, then in the order of their rows. Parts of a breakdown (rows with a
//! `parent`) are printed inside their total's sentence, never on their own.
//!
//! Composing and checking both use this, so what validate calls unplaced is exactly what compile
//! leaves out.

use crate::model::facts::Selector;
use crate::model::figure_ref;
use crate::model::location::Located;
use crate::model::submission::{Department, Figure, Submissions};

/// A placed figure.
pub type Placed<'s> = (&'s Department, &'s Figure);

/// The result of placing every figure of a year.
pub struct Placement<'s> {
    /// For each channel group, its figures in order.
    pub groups: Vec<Vec<Placed<'s>>>,
    /// Top-level figures no group names.
    pub unplaced: Vec<Placed<'s>>,
    /// Selectors that name no figure.
    pub empty: Vec<&'s Located<Selector>>,
}

/// Places the year's figures into its channel groups.
pub fn place(subs: &Submissions) -> Placement<'_> {
    let top: Vec<Placed<'_>> = subs.figures().filter(|(_, f)| f.parent.is_none()).collect();
    let mut taken = vec![false; top.len()];
    let mut groups = Vec::new();
    let mut empty = Vec::new();
    for group in &subs.facts.channels {
        let mut placed = Vec::new();
        for selector in &group.figures {
            let mut any = false;
            for (i, (department, figure)) in top.iter().enumerate() {
                if selector
                    .value
                    .matches(&figure.channel.value, &figure.item.value)
                {
                    any = true;
                    if !taken[i] {
                        taken[i] = true;
                        placed.push((*department, *figure));
                    }
                }
            }
            if !any {
                empty.push(selector);
            }
        }
        groups.push(placed);
    }
    // A figure a paragraph names ({渠道/类别}) is printed there.
    let named: Vec<(&str, &str)> = figure_ref::paragraphs(subs)
        .into_iter()
        .flat_map(|p| figure_ref::find(&p.text))
        .map(|r| (r.channel, r.item))
        .collect();
    let is_named = |f: &Figure| named.contains(&(f.channel.value.as_str(), f.item.value.as_str()));
    let mut unplaced = Vec::new();
    for ((department, figure), taken) in top.into_iter().zip(taken) {
        if taken {
            continue;
        }
        if is_named(figure) {
            // A total named in text prints its number alone: its parts, printed only in a
            // group's sentence, are printed nowhere unless named themselves.
            unplaced.extend(
                parts_of(subs, figure)
                    .into_iter()
                    .filter(|(_, p)| !is_named(p)),
            );
        } else {
            unplaced.push((department, figure));
        }
    }
    Placement {
        groups,
        unplaced,
        empty,
    }
}

/// The parts of a total, in department and row order.
pub fn parts_of<'s>(subs: &'s Submissions, total: &Figure) -> Vec<Placed<'s>> {
    subs.figures()
        .filter(|(_, f)| {
            f.channel.value == total.channel.value
                && f.parent
                    .as_ref()
                    .is_some_and(|p| p.value == total.item.value)
                && f.item.value != total.item.value
        })
        .collect()
}
