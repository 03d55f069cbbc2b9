//! Figures: each reported once, totals equal to their parts, counts derived from events that
//! exist (D107, D110, D301, D302, D304, D305, D306).

use std::collections::{BTreeMap, BTreeSet};

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::findings::rules;
use crate::findings::suggest::did_you_mean;
use crate::model::location::Location;
use crate::model::submission::{Department, Figure, FigureKey, Number, Submissions};

/// Runs the figure checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    let (by_key, twice) = duplicates(subs, diags);
    breakdowns(subs, &by_key, &twice, diags);
    events(subs, diags);
}

/// The first figure of each channel/item.
type ByKey<'s> = BTreeMap<FigureKey, (&'s Department, &'s Figure)>;

/// D107: a channel/item reported twice. Returns the first figure of each key, and the channels
/// where some key was reported twice.
fn duplicates<'s>(subs: &'s Submissions, diags: &mut Diagnostics) -> (ByKey<'s>, BTreeSet<String>) {
    let mut first: ByKey<'s> = BTreeMap::new();
    let mut twice = BTreeSet::new();
    for (department, figure) in subs.figures() {
        let key = figure.key();
        if let Some((_, earlier)) = first.get(&key) {
            diags.push(
                Problem::DuplicateFigure {
                    key: key.to_string(),
                    first: earlier.row.clone(),
                },
                figure.row.clone(),
            );
            twice.insert(key.channel);
        } else {
            first.insert(key, (department, figure));
        }
    }
    (first, twice)
}

/// D110, D301, D302, D304: parents exist, and totals equal the sum of their parts.
fn breakdowns(
    subs: &Submissions,
    by_key: &ByKey<'_>,
    twice: &BTreeSet<String>,
    diags: &mut Diagnostics,
) {
    let mut parts: BTreeMap<FigureKey, Vec<(&Department, &Figure)>> = BTreeMap::new();
    // Channels where a figure is reported twice (D107) or a part names a parent that does not
    // exist (D110): their totals are not checked, since the sum would repeat the mistake.
    let mut stray: BTreeSet<&str> = twice.iter().map(String::as_str).collect();
    for (department, figure) in subs.figures() {
        let Some(parent) = &figure.parent else {
            continue;
        };
        if twice.contains(&figure.channel.value) {
            continue;
        }
        let key = FigureKey {
            channel: figure.channel.value.clone(),
            item: parent.value.clone(),
        };
        if by_key.contains_key(&key) && key != figure.key() {
            parts.entry(key).or_default().push((department, figure));
        } else {
            stray.insert(&figure.channel.value);
            // Only a finding kept in full is worth a suggestion (a file of thousands of them
            // would cost thousands of searches).
            let suggestion = if diags.saturated(&parent.location, &rules::UNKNOWN_REFERENCE) {
                None
            } else {
                let from = FigureKey {
                    channel: figure.channel.value.clone(),
                    item: String::new(),
                };
                let items = by_key
                    .range(from..)
                    .map(|(k, _)| k)
                    .take_while(|k| k.channel == figure.channel.value)
                    .filter(|k| k.item != figure.item.value)
                    .map(|k| k.item.as_str());
                did_you_mean(&parent.value, items)
            };
            diags.push(
                Problem::UnknownParent {
                    channel: figure.channel.value.clone(),
                    parent: parent.value.clone(),
                    suggestion,
                },
                parent.location.clone(),
            );
        }
    }
    for (key, children) in &parts {
        if stray.contains(&key.channel.as_str()) {
            continue;
        }
        let (department, total) = by_key[key];
        for (_, child) in children {
            if child.unit.value != total.unit.value && !child.unit.value.is_empty() {
                diags.push(
                    Problem::UnitMismatch {
                        part: child.key().to_string(),
                        unit: child.unit.value.clone(),
                        total_unit: total.unit.value.clone(),
                    },
                    child.unit.location.clone(),
                );
            }
        }
        let Some(total_value) = department.value_of(total) else {
            continue;
        };
        let values: Option<Vec<u64>> = children.iter().map(|(d, f)| d.value_of(f)).collect();
        let Some(values) = values else {
            continue;
        };
        let sum: u64 = values.iter().sum();
        let at = number_location(total);
        if total.partial {
            if sum > total_value {
                diags.push(
                    Problem::PartsExceed {
                        key: key.to_string(),
                        total: total_value,
                        sum,
                    },
                    at,
                );
            }
        } else if sum != total_value {
            let listed: Vec<String> = children
                .iter()
                .zip(&values)
                .map(|((_, f), v)| format!("{} {v}", f.item.value))
                .collect();
            diags.push(
                Problem::TotalMismatch {
                    key: key.to_string(),
                    total: total_value,
                    sum,
                    parts: listed.join(" + "),
                },
                at,
            );
        }
    }
}

/// Where a figure's number is written (or its row).
fn number_location(figure: &Figure) -> Location {
    match &figure.number {
        Number::Given(count) => count.location.clone(),
        Number::FromEvents(at) => at.clone(),
        Number::Missing => figure.row.clone(),
    }
}

/// D305, D306: counts derived from events have events; events are used by a count.
fn events(subs: &Submissions, diags: &mut Diagnostics) {
    for department in &subs.departments {
        for figure in &department.figures {
            if let Number::FromEvents(at) = &figure.number {
                let key = (figure.channel.value.clone(), figure.item.value.clone());
                if department.events.get(&key).is_none_or(|t| t.in_period == 0) {
                    diags.push(
                        Problem::NoEvents {
                            key: figure.key().to_string(),
                        },
                        at.clone(),
                    );
                }
            }
        }
        for ((channel, item), tally) in &department.events {
            let used = department.figures.iter().any(|f| {
                matches!(f.number, Number::FromEvents(_))
                    && &f.channel.value == channel
                    && &f.item.value == item
            });
            if !used && tally.in_period > 0 {
                diags.push(
                    Problem::UnusedEvents {
                        key: format!("{channel}/{item}"),
                        count: tally.in_period,
                    },
                    tally.first.clone(),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

    const HOMEPAGE: &str = "渠道,类别,数量,单位,上级\n\
        学校主页,信息,1481,条,\n\
        学校主页,要闻,884,条,信息\n\
        学校主页,校园动态,515,条,信息\n\
        学校主页,通知公告,82,条,信息\n";

    #[test]
    fn parts_that_add_up_pass() {
        let found = Year::new()
            .file("宣传部.csv", HOMEPAGE)
            .check_with(super::check);
        assert_eq!(ids(&found), Vec::<String>::new());
    }

    #[test]
    fn d301_a_changed_part_is_pointed_at_the_total() {
        let found = Year::new()
            .file("宣传部.csv", &HOMEPAGE.replace("884", "885"))
            .check_with(super::check);
        assert_eq!(ids(&found), ["D301"]);
        assert_eq!(found.at(0), "宣传部.csv:2:9");
        assert!(found.message(0).contains("1481"), "{}", found.message(0));
        assert!(found.message(0).contains("1482"), "{}", found.message(0));
    }

    #[test]
    fn d301_parts_that_sum_to_less_than_their_total_are_reported_too() {
        // Both ways: a check made one-sided (`sum > total`) would pass parts that fall short.
        for (part, sum) in [("883", 1480), ("1", 598), ("885", 1482)] {
            let found = Year::new()
                .file("宣传部.csv", &HOMEPAGE.replace("884", part))
                .check_with(super::check);
            assert_eq!(ids(&found), ["D301"], "要闻 = {part}: {}", found.dump());
            assert_eq!(found.at(0), "宣传部.csv:2:9");
            assert_eq!(
                found.message(0),
                format!(
                    "`学校主页/信息` is 1481 but its parts sum to {sum} (要闻 {part} + 校园动态 515 + 通知公告 82)"
                )
            );
        }
        // A total larger than its parts, and one smaller, in the same year: two findings.
        let csv = format!(
            "{HOMEPAGE}官方微信,信息,10,条,\n官方微信,推文,4,条,信息\n官方微信,视频,5,条,信息\n"
        )
        .replace("884", "900");
        let found = Year::new()
            .file("宣传部.csv", &csv)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D301", "D301"], "{}", found.dump());
    }

    #[test]
    fn d302_partial_breakdowns_may_not_exceed_their_total() {
        let csv = "渠道,类别,数量,单位,上级,分项不全\n\
            学校主页,信息,100,条,,是\n\
            学校主页,要闻,60,条,信息,\n";
        assert!(ids(&Year::new().file("宣传部.csv", csv).check_with(super::check)).is_empty());
        let found = Year::new()
            .file("宣传部.csv", &csv.replace(",60,", ",160,"))
            .check_with(super::check);
        assert_eq!(ids(&found), ["D302"]);
    }

    #[test]
    fn d107_the_same_figure_in_two_departments() {
        let found = Year::new()
            .file("宣传部.csv", HOMEPAGE)
            .file(
                "党委办公室.csv",
                "渠道,类别,数量,单位\n学校主页,要闻,3,条\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D107"]);
        assert_eq!(found.at(0), "宣传部.csv:3:1");
    }

    #[test]
    fn d110_unknown_parent_suggests_a_sibling() {
        let found = Year::new()
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位,上级\n学校主页,信息,5,条,\n学校主页,要闻,5,条,信 息\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D110"]);
        assert_eq!(found.at(0), "宣传部.csv:3:13");
    }

    #[test]
    fn d304_units_of_parts_and_totals() {
        let found = Year::new()
            .file("宣传部.csv", &HOMEPAGE.replace("884,条", "884,篇"))
            .check_with(super::check);
        assert_eq!(ids(&found), ["D304"]);
    }

    #[test]
    fn d305_d306_events_and_the_counts_derived_from_them() {
        let found = Year::new()
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位,来源\n官方微信,推文,,条,事件\n",
            )
            .file(
                "宣传部-事件.csv",
                "日期,渠道,类别,标题\n2019-10-01,官方微博,博文,国庆\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D306", "D305"]);
    }
}
