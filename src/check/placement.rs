//! Everything submitted lands somewhere in the report, and every name points at something (D307,
//! D308, D313; D110 for areas and for figures named in text; D115 for a share with no total).

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::findings::suggest::did_you_mean;
use crate::model::figure_ref::{self, Attribute, Target};
use crate::model::forms::FormKind;
use crate::model::location::Location;
use crate::model::outline::Content;
use crate::model::phrase::Slot;
use crate::model::placement::{self, Placement};
use crate::model::submission::Submissions;

/// Runs the placement checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    let placement = placement::place(subs);
    for (_, figure) in &placement.unplaced {
        diags.push(
            Problem::UnplacedFigure {
                key: figure.key().to_string(),
            },
            figure.row.clone(),
        );
    }
    for selector in &placement.empty {
        diags.push(
            Problem::EmptySelector {
                selector: selector.value.to_string(),
            },
            selector.location.clone(),
        );
    }
    figure_refs(subs, diags);
    unprinted(subs, diags);
    shares(subs, &placement, diags);
    form_cells(subs, diags);
    let areas = &subs.facts.areas;
    for department in &subs.departments {
        for text in &department.texts {
            if !areas.iter().any(|a| a.key.value == text.area.value) {
                diags.push(
                    Problem::UnknownArea {
                        area: text.area.value.clone(),
                        // The area's title written instead of its key names the key exactly.
                        suggestion: areas
                            .iter()
                            .find(|a| a.title.value == text.area.value.trim())
                            .map(|a| a.key.value.clone())
                            .or_else(|| {
                                did_you_mean(
                                    &text.area.value,
                                    areas.iter().map(|a| a.key.value.as_str()),
                                )
                            }),
                    },
                    text.area.location.clone(),
                );
            }
        }
    }
}

/// D313: data submitted for a content that no part of the outline holds.
fn unprinted(subs: &Submissions, diags: &mut Diagnostics) {
    let facts = &subs.facts;
    let outline = &facts.outline;
    let mut report = |what: &str, content: Content, at: Location| {
        if !outline.holds(content) {
            diags.push(
                Problem::UnprintedData {
                    what: what.to_owned(),
                    content: content.name(),
                },
                at,
            );
        }
    };
    if let Some(group) = facts.channels.first() {
        report(
            "`[[channels]]`",
            Content::Channels,
            group.title.location.clone(),
        );
    }
    if let Some(area) = facts.areas.first() {
        report("`[[areas]]`", Content::Areas, area.key.location.clone());
    }
    for department in &subs.departments {
        if let Some(r) = &department.requests {
            report("`[requests]`", Content::Requests, r.location.clone());
        }
        if let Some(c) = &department.complaints {
            report("`[complaints]`", Content::Complaints, c.location.clone());
        }
        for form in &department.forms {
            let content = match form.kind {
                FormKind::Requests => Content::RequestsForm,
                FormKind::Reviews => Content::ReviewsForm,
            };
            report(form.kind.name(), content, form.location.clone());
        }
    }
}

/// D115 and D110: a share (`{占比}`, `{渠道/类别:占比}`) of a figure that is no part of a total,
/// and a name after `:` that a figure cannot print.
fn shares(subs: &Submissions, placement: &Placement<'_>, diags: &mut Diagnostics) {
    let phrases = &subs.facts.phrases;
    for (_, figure) in subs.figures() {
        let phrase = figure.phrase.as_ref().map_or_else(
            || match (
                figure.parent.is_some(),
                placement.parts_of(figure).is_empty(),
            ) {
                (true, _) => &phrases.part,
                (false, true) => &phrases.figure,
                (false, false) => &phrases.total,
            },
            |p| &p.value,
        );
        if phrase.has(Slot::Share) && placement.total_of(figure).is_none() {
            let at = figure
                .phrase
                .as_ref()
                .map_or_else(|| figure.row.clone(), |p| p.location.clone());
            diags.push(
                Problem::ShareWithoutTotal {
                    key: figure.key().to_string(),
                },
                at,
            );
        }
    }
    let known: Vec<String> = Attribute::ALL
        .iter()
        .map(|(zh, _, _)| format!(":{zh}"))
        .collect();
    for paragraph in figure_ref::paragraphs(subs) {
        for reference in figure_ref::find(&paragraph.text) {
            let Target::Figure {
                channel,
                item,
                attribute,
            } = &reference.target
            else {
                continue;
            };
            let at = || paragraph.locate(reference.range.clone());
            match attribute {
                Err(name) => diags.push(
                    Problem::UnknownAttribute {
                        name: (*name).to_owned(),
                        known: known.join(" "),
                    },
                    at(),
                ),
                Ok(Attribute::Share) => {
                    if let Some((_, figure)) = placement.figure(channel, item)
                        && placement.total_of(figure).is_none()
                    {
                        diags.push(
                            Problem::ShareWithoutTotal {
                                key: format!("{channel}/{item}"),
                            },
                            at(),
                        );
                    }
                }
                Ok(_) => {}
            }
        }
    }
}

/// D110: a paragraph names a cell of a form that nobody submitted, or that the form does not have.
fn form_cells(subs: &Submissions, diags: &mut Diagnostics) {
    for paragraph in figure_ref::paragraphs(subs) {
        for reference in figure_ref::find(&paragraph.text) {
            let Target::FormCell(name) = &reference.target else {
                continue;
            };
            let form = subs
                .departments
                .iter()
                .flat_map(|d| &d.forms)
                .find(|f| f.kind == name.kind);
            let reason = match form {
                Some(form) => form.cell(name).err(),
                None => Some((
                    format!("nobody submitted the form {}", name.kind.name()),
                    format!("没有部门提交{}", name.kind.name()),
                )),
            };
            if let Some(reason) = reason {
                diags.push(
                    Problem::UnknownFormCell {
                        name: paragraph.text[reference.range.start + 1..reference.range.end - 1]
                            .to_owned(),
                        reason,
                    },
                    paragraph.locate(reference.range.clone()),
                );
            }
        }
    }
}

/// D110: a paragraph names a figure (`{渠道/类别}`) that no department submitted.
fn figure_refs(subs: &Submissions, diags: &mut Diagnostics) {
    let keys: Vec<String> = subs
        .figures()
        .map(|(_, f)| format!("{}/{}", f.channel.value, f.item.value))
        .collect();
    let known: std::collections::HashSet<&str> = keys.iter().map(String::as_str).collect();
    for paragraph in figure_ref::paragraphs(subs) {
        for reference in figure_ref::find(&paragraph.text) {
            let Some((channel, item)) = reference.figure() else {
                continue;
            };
            let key = format!("{channel}/{item}");
            if !known.contains(key.as_str()) {
                diags.push(
                    Problem::UnknownFigureRef {
                        suggestion: did_you_mean(&key, keys.iter().map(String::as_str)),
                        key,
                    },
                    paragraph.locate(reference.range),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

    const GROUP: &str =
        "[[channels]]\ntitle = \"网站\"\nfigures = [\"学校主页\", \"办公系统/通知公告\"]\n";

    #[test]
    fn placed_figures_pass() {
        let found = Year::new()
            .facts(GROUP)
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位\n学校主页,信息,3,条\n办公系统,通知公告,4,条\n",
            )
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn d307_a_figure_no_group_names() {
        let found = Year::new()
            .facts(GROUP)
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位\n学校主页,信息,3,条\n办公系统,通知公告,4,条\n官方微信,信息,5,条\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D307"]);
        assert_eq!(found.at(0), "宣传部.csv:4:1");
    }

    #[test]
    fn a_figure_a_paragraph_names_is_placed_and_a_misnamed_one_is_d110() {
        let overview =
            "[parts.overview]\ntext = \"组织专题培训{培训/专题培训}，覆盖{ 培训/ 参训人次 }。\"\n";
        let csv =
            "渠道,类别,数量,单位\n学校主页,信息,3,条\n办公系统,通知公告,4,条\n培训,专题培训,2,次\n";
        let found = Year::new()
            .facts(&(GROUP.to_owned() + overview))
            .file("宣传部.csv", csv)
            .check_with(super::check);
        assert_eq!(ids(&found), ["D110"], "{}", found.dump());
        assert_eq!(found.at(0), "report.toml:8:27");
        assert!(
            found.message(0).contains("`{培训/参训人次}`"),
            "{}",
            found.dump()
        );
        let found = Year::new()
            .facts(&(GROUP.to_owned() + &overview.replace("覆盖{ 培训/ 参训人次 }", "效果良好")))
            .file("宣传部.csv", csv)
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn d307_the_parts_of_a_total_named_only_in_text() {
        let found = Year::new()
            .facts("[parts.overview]\ntext = \"学校主页发布信息{学校主页/信息}。\"\n")
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位,上级\n学校主页,信息,3,条,\n学校主页,要闻,2,条,信息\n学校主页,通知,1,条,信息\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D307", "D307"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.csv:3:1");
    }

    #[test]
    fn d308_a_selector_nobody_reports() {
        let found = Year::new()
            .facts(GROUP)
            .file("宣传部.csv", "渠道,类别,数量,单位\n学校主页,信息,3,条\n")
            .check_with(super::check);
        assert_eq!(ids(&found), ["D308"]);
        assert_eq!(found.at(0), "report.toml:6:20");
    }

    #[test]
    fn d110_a_text_for_an_area_report_toml_does_not_define() {
        let found = Year::new()
            .facts("[[areas]]\nkey = \"招生\"\ntitle = \"招生信息公开情况\"\n")
            .file(
                "招生办.toml",
                "[[text]]\narea = \"招声\"\ntext = \"公开招生章程。\"\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D110"]);
        assert_eq!(found.at(0), "招生办.toml:2:8");
        assert!(
            found.message(0).contains("did you mean `招生`"),
            "{}",
            found.message(0)
        );
    }

    #[test]
    fn d307_parts_of_a_total_whose_phrase_leaves_out_its_breakdown() {
        // The defect this catches: the total printed "学校主页发布信息3条" and its parts vanished
        // with validate --strict clean.
        let found = Year::new()
            .facts(GROUP)
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位,上级,措辞\n学校主页,信息,3,条,,学校主页发布信息{数量}\n学校主页,要闻,2,条,信息,\n学校主页,通知,1,条,信息,\n办公系统,通知公告,4,条,,\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D307", "D307"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.csv:3:1");
        assert_eq!(found.at(1), "宣传部.csv:4:1");
        // With {分项} in the phrase they print, and nothing is reported.
        let found = Year::new()
            .facts(GROUP)
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位,上级,措辞\n学校主页,信息,3,条,,学校主页发布信息{数量}，其中{分项}\n学校主页,要闻,2,条,信息,\n学校主页,通知,1,条,信息,\n办公系统,通知公告,4,条,,\n",
            )
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
    }

    #[test]
    fn d307_a_years_default_total_phrase_without_its_breakdown() {
        let found = Year::new()
            .facts(&format!("{GROUP}[phrases]\ntotal = \"{{渠道}}共发布{{类别}}{{数量}}\"\n"))
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位,上级\n学校主页,信息,3,条,\n学校主页,要闻,3,条,信息\n办公系统,通知公告,4,条,\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D307"], "{}", found.dump());
    }

    #[test]
    fn d313_data_no_part_of_the_outline_holds() {
        let outline = "[outline]\nparts = [\"overview\", \"appraisal\"]\n";
        let found = Year::new()
            .facts(outline)
            .file(
                "党政办公室.toml",
                "[requests]\nreceived = 0\n\n[complaints]\nreports = 0\nreconsiderations = 0\nlawsuits = 0\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D313", "D313"], "{}", found.dump());
        assert_eq!(found.at(0), "党政办公室.toml:1:1");
        assert!(found.message(0).contains("`requests`"), "{}", found.dump());
        let found = Year::new()
            .facts(&format!("{outline}{GROUP}"))
            .file("宣传部.csv", "渠道,类别,数量,单位\n学校主页,信息,3,条\n")
            .check_with(super::check);
        assert_eq!(ids(&found), ["D313", "D308", "D307"], "{}", found.dump());
    }

    #[test]
    fn d115_a_share_with_no_total_and_d110_an_unknown_attribute() {
        let found = Year::new()
            .facts(&format!(
                "{GROUP}[parts.overview]\ntext = \"信息{{学校主页/信息:占比}}，{{学校主页/信息:站比}}。\"\n"
            ))
            .file(
                "宣传部.csv",
                "渠道,类别,数量,单位,措辞\n学校主页,信息,3,条,\n办公系统,通知公告,4,条,发布{数量}，占{占比}\n",
            )
            .check_with(super::check);
        assert_eq!(ids(&found), ["D115", "D110", "D115"], "{}", found.dump());
        assert_eq!(found.at(0), "report.toml:8:11");
        assert_eq!(found.at(1), "report.toml:8:24");
        assert_eq!(found.at(2), "宣传部.csv:3:15");
    }
}
