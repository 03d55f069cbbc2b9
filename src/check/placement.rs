//! Everything submitted lands somewhere in the report, and every name points at something (D307,
//! D308; D110 for areas and for figures named in text).

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::findings::suggest::did_you_mean;
use crate::model::figure_ref;
use crate::model::placement;
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

/// D110: a paragraph names a figure (`{渠道/类别}`) that no department submitted.
fn figure_refs(subs: &Submissions, diags: &mut Diagnostics) {
    let keys: Vec<String> = subs
        .figures()
        .map(|(_, f)| format!("{}/{}", f.channel.value, f.item.value))
        .collect();
    for paragraph in figure_ref::paragraphs(subs) {
        for reference in figure_ref::find(&paragraph.text) {
            let Some((channel, item)) = reference.figure() else {
                continue;
            };
            let key = format!("{channel}/{item}");
            if !keys.contains(&key) {
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
}
