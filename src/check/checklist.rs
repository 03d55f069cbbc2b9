//! The disclosure checklist, item by item (D108, D109, D201–D207, D402 for publication dates).
//!
//! Every item must be accounted for exactly once: published, with the link where (the Ministry
//! asks for it), or not applicable, with the reason. report.toml may assign items to departments
//! (`[owners]`); an item nobody accounted for is then reported at its assignment, so the office
//! knows whom to ask.

use std::collections::BTreeMap;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::findings::suggest::did_you_mean;
use crate::model::facts::Facts;
use crate::model::location::{Located, Location};
use crate::model::submission::{Disclosure, Status, Submissions};
use crate::read::link;

/// Runs the checklist checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    let facts = &subs.facts;
    let checklist = &subs.checklist;
    let mut accounted: BTreeMap<&str, &Disclosure> = BTreeMap::new();
    for department in &subs.departments {
        for disclosure in &department.disclosures {
            let id = disclosure.item.value.as_str();
            if checklist.item(id).is_none() {
                diags.push(
                    Problem::UnknownItem { id: id.to_owned() },
                    disclosure.item.location.clone(),
                );
                continue;
            }
            if let Some(first) = accounted.get(id) {
                diags.push(
                    Problem::ChecklistTwice {
                        item: id.to_owned(),
                        first: first.item.location.clone(),
                    },
                    disclosure.item.location.clone(),
                );
                continue;
            }
            accounted.insert(id, disclosure);
            entry(facts, disclosure, diags);
        }
    }
    let mut unassigned = Vec::new();
    for item in &checklist.items {
        if accounted.contains_key(item.id.as_str()) {
            continue;
        }
        let assignment = facts.owners.iter().find_map(|owner| {
            owner
                .items
                .iter()
                .find(|i| i.value == item.id)
                .map(|at| (owner, at))
        });
        match assignment {
            Some((owner, at)) => diags.push(
                Problem::ChecklistUnaccounted {
                    items: vec![item.id.clone()],
                    owner: Some(owner.department.value.clone()),
                },
                at.location.clone(),
            ),
            None => unassigned.push(item.id.clone()),
        }
    }
    if !unassigned.is_empty() {
        let report = Location::file(&facts.file);
        let total = checklist.items.len();
        let problem = if unassigned.len() * 2 > total {
            // All the items not accounted for, those reported at their owner's line included.
            Problem::ChecklistNoAccount {
                missing: total - accounted.len(),
                total,
            }
        } else {
            Problem::ChecklistUnaccounted {
                items: unassigned,
                owner: None,
            }
        };
        diags.push(problem, report);
    }
    owners(subs, diags);
}

/// D108, D203–D206, D402 for one entry.
fn entry(facts: &Facts, disclosure: &Disclosure, diags: &mut Diagnostics) {
    let id = &disclosure.item.value;
    for owner in &disclosure.owners {
        unknown_department(facts, owner, diags);
    }
    let no_note = disclosure
        .note
        .as_ref()
        .is_none_or(|n| n.value.trim().is_empty());
    if no_note && disclosure.status.value != Status::Published {
        diags.push(
            Problem::ChecklistNoReason {
                item: id.clone(),
                partly: disclosure.status.value == Status::PartlyPublished,
                remark: disclosure.has_remark,
            },
            disclosure.status.location.clone(),
        );
    }
    match disclosure.status.value {
        Status::Published | Status::PartlyPublished => {
            if disclosure.links.is_empty() {
                diags.push(
                    Problem::ChecklistNoLink {
                        item: id.clone(),
                        status: disclosure.status.value.as_str(),
                    },
                    disclosure.status.location.clone(),
                );
            }
        }
        Status::NotApplicable => {}
    }
    for link in &disclosure.links {
        match link::host(&link.value) {
            Err(fault) => diags.push(
                Problem::ChecklistBadLink {
                    link: link.value.clone(),
                    fault,
                },
                link.location.clone(),
            ),
            Ok(host) if !facts.domains.is_empty() && !on_domains(&host, facts) => diags.push(
                Problem::ChecklistForeignLink {
                    link: link.value.clone(),
                    domains: facts
                        .domains
                        .iter()
                        .map(|d| d.value.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                },
                link.location.clone(),
            ),
            Ok(_) => {}
        }
    }
    // Publication dates are this year's. An item published years ago and still published (a
    // school's 章程 of 2017) gives no date, or the date of this year's update; a date after the
    // period belongs to next year's report.
    for date in &disclosure.published {
        if !facts.period.contains(date.value) {
            diags.push(
                Problem::PublishedOutsidePeriod {
                    date: date.value.to_string(),
                    period: facts.period.to_string(),
                    before: date.value < facts.period.start,
                },
                date.location.clone(),
            );
        }
    }
}

/// D108, D109 for `[owners]` in report.toml.
fn owners(subs: &Submissions, diags: &mut Diagnostics) {
    for owner in &subs.facts.owners {
        unknown_department(&subs.facts, &owner.department, diags);
        for item in &owner.items {
            if subs.checklist.item(&item.value).is_none() {
                diags.push(
                    Problem::UnknownItem {
                        id: item.value.clone(),
                    },
                    item.location.clone(),
                );
            }
        }
    }
}

fn unknown_department(facts: &Facts, name: &Located<String>, diags: &mut Diagnostics) {
    let listed = &facts.departments;
    if !listed.is_empty() && !listed.iter().any(|d| d.value == name.value) {
        diags.push(
            Problem::UnknownDepartment {
                name: name.value.clone(),
                suggestion: did_you_mean(&name.value, listed.iter().map(|d| d.value.as_str())),
            },
            name.location.clone(),
        );
    }
}

/// Whether `host` (as [`link::host`] gives it) is one of the year's domains or a subdomain of
/// one.
fn on_domains(host: &str, facts: &Facts) -> bool {
    facts.domains.iter().any(|d| {
        let domain = link::domain(&d.value);
        host == domain || host.ends_with(&format!(".{domain}"))
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use crate::check::testing::{Year, ids};

    /// One department accounting for every item but `skip`, with links on example.edu.cn.
    fn all_items_but(skip: &[u32]) -> String {
        let mut csv = String::from("事项,状态,链接,公开日期,说明\n");
        for n in (1..=50).filter(|n| !skip.contains(n)) {
            let _ = writeln!(
                csv,
                "{n},已公开,https://xxgk.example.edu.cn/{n}.htm,2020-03-01,"
            );
        }
        csv
    }

    const DOMAINS: &str = "domains = [\"example.edu.cn\"]";

    #[test]
    fn a_complete_account_passes() {
        let found = Year::new()
            .facts(DOMAINS)
            .file("党政办公室.csv", &all_items_but(&[]))
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn d201_an_item_nobody_accounts_for_is_reported_at_its_owner() {
        let found = Year::new()
            .facts(DOMAINS)
            .facts("[owners]\n\"财务处\" = [15, 19, 20, 21]")
            .file("党政办公室.csv", &all_items_but(&[21]))
            .check_with(super::check);
        assert_eq!(ids(&found), ["D201"]);
        assert_eq!(found.at(0), "report.toml:6:22");
        assert_eq!(
            found.message(0),
            "checklist item 21 is not accounted for (owner: 财务处)"
        );
    }

    #[test]
    fn d201_unassigned_items_are_listed_together() {
        let found = Year::new()
            .file("党政办公室.csv", &all_items_but(&[3, 4]))
            .check_with(super::check);
        assert_eq!(ids(&found), ["D201"]);
        assert_eq!(
            found.message(0),
            "checklist items 3, 4 are not accounted for"
        );
        let found = Year::new().check_with(super::check);
        assert_eq!(ids(&found), ["D207"]);
        assert_eq!(
            found.message(0),
            "the year gives no item-by-item account of the checklist: 50 of its 50 items are not accounted for"
        );
    }

    #[test]
    fn d202_d109_twice_and_unknown() {
        let mut csv = all_items_but(&[]);
        csv.push_str(
            "7,已公开,https://zs.example.edu.cn/,,\n51,已公开,https://example.edu.cn/,,\n",
        );
        let found = Year::new()
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D202", "D109"]);
        assert_eq!(found.at(0), "党政办公室.csv:52:1");
    }

    #[test]
    fn d203_d204_d205_d206_links_and_reasons() {
        let csv = all_items_but(&[16, 17, 18, 19])
            + "16,已公开,,,\n17,不适用,,,\n18,已公开,www.example.edu.cn/zb,,\n19,已公开,https://mirror.example.com/19.htm,,\n";
        let found = Year::new()
            .facts(DOMAINS)
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert_eq!(
            ids(&found),
            ["D203", "D204", "D205", "D206"],
            "{}",
            found.dump()
        );
        assert_eq!(found.at(0), "党政办公室.csv:48:4");
        let csv = all_items_but(&[17]) + "17,不适用,,,学校无校办企业\n";
        let found = Year::new()
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn d205_d206_links_are_read_as_a_browser_reads_them() {
        let links = [
            "https://evil.com\\@xxgk.example.edu.cn/16.htm",
            "https://user:pass@xxgk.example.edu.cn/17.htm",
            "https://xxgk.example.edu.cn:99999/18.htm",
            "https://xxgk.example.edu.cn/\u{202e}mth.91",
            "https://xxgk.example.edu.cn/20\u{0}.htm",
            "https://xxgk.example.edu.cn@evil.com/21.htm",
        ];
        let mut csv = all_items_but(&[16, 17, 18, 19, 20, 21]);
        for (n, link) in (16..).zip(links) {
            let _ = writeln!(csv, "{n},已公开,{link},,");
        }
        let found = Year::new()
            .facts(DOMAINS)
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D205"; 6], "{}", found.dump());
        assert_eq!(found.at(0), "党政办公室.csv:46:8");
        assert!(found.message(0).contains("backslash"), "{}", found.dump());
        assert!(found.message(1).contains("user name or password"));
        assert!(found.message(2).contains("invalid port number"));
        assert!(
            found.message(3).contains("\\u{202e}"),
            "{}",
            found.message(3)
        );
        assert!(!found.message(3).contains('\u{202e}'));
        assert!(found.message(4).contains("\\u{0000}"));
        assert!(found.message(5).contains("user name or password"));
    }

    #[test]
    fn d204_partly_published_says_what_is_not() {
        let csv =
            all_items_but(&[12]) + "12,部分公开,https://yjs.example.edu.cn/12.htm,2020-03-01,\n";
        let found = Year::new()
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D204"], "{}", found.dump());
        assert!(
            found.message(0).contains("partly published"),
            "{}",
            found.dump()
        );
        let csv = all_items_but(&[12])
            + "12,部分公开,https://yjs.example.edu.cn/12.htm,2020-03-01,考生个人成绩仅本人可查\n";
        let found = Year::new()
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn a_remark_is_not_a_reason() {
        // 备注 is the department's own remark, never printed: it cannot be the reason either.
        let csv = all_items_but(&[17])
            .replace("说明\n", "说明,备注\n")
            .replace(",\n", ",,\n")
            + "17,不适用,,,,学校无校办企业\n";
        let found = Year::new()
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D204"], "{}", found.dump());
        assert!(
            found
                .message(0)
                .ends_with("the 备注 column is never read: move the reason to 说明"),
            "{}",
            found.dump()
        );
    }

    #[test]
    fn item_ids_are_read_as_numbers() {
        let csv = all_items_but(&[7, 8, 9])
            + "07,已公开,https://zs.example.edu.cn/7.htm,2020-03-01,\n\
               ８,已公开,https://zs.example.edu.cn/8.htm,2020-03-01,\n\
               第9项,已公开,https://zs.example.edu.cn/9.htm,2020-03-01,\n";
        let found = Year::new()
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn d402_a_publication_date_after_the_period() {
        let csv = all_items_but(&[]).replacen("2020-03-01", "2020-09-15", 1);
        let found = Year::new()
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D402"]);
        assert_eq!(found.at(0), "党政办公室.csv:2:41");
        // A date before the period says what to write instead.
        let csv = all_items_but(&[]).replacen("2020-03-01", "2017-03-01", 1);
        let found = Year::new()
            .file("党政办公室.csv", &csv)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D402"]);
        assert!(
            found
                .message(0)
                .contains("An item published earlier and still published needs no date"),
            "{}",
            found.dump()
        );
    }

    #[test]
    fn d108_owners_must_be_departments_of_the_year() {
        let toml = "[[disclosure]]\nitem = 25\nstatus = \"已公开\"\nlinks = [\"https://zzb.example.edu.cn/\"]\nowners = [\"人士处\"]\n";
        let found = Year::new()
            .facts("departments = [\"组织部\", \"人事处\"]")
            .file("组织部.toml", toml)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D207", "D108"]);
        assert!(
            found.message(1).contains("did you mean `人事处`"),
            "{}",
            found.message(1)
        );
    }
}
