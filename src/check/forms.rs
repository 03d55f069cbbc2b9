//! The State Council forms' arithmetic, as printed under the forms (D310, D311, D312); every
//! cell written (D314); counts that repeat a cell equal to it (D315); and D309 when an outline
//! that prints a form has none.

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::Problem;
use crate::model::forms::{self, Form, FormKind, REQUEST_ROWS};
use crate::model::location::Location;
use crate::model::outline::Content;
use crate::model::submission::Submissions;

/// Runs the form checks.
pub(crate) fn check(subs: &Submissions, diags: &mut Diagnostics) {
    repeated_cells(subs, diags);
    let outline = &subs.facts.outline;
    for (kind, part) in [
        (FormKind::Requests, Content::RequestsForm),
        (FormKind::Reviews, Content::ReviewsForm),
    ] {
        let forms: Vec<&Form> = subs
            .departments
            .iter()
            .flat_map(|d| &d.forms)
            .filter(|f| f.kind == kind)
            .collect();
        for extra in forms.iter().skip(1) {
            diags.push(
                Problem::DuplicateTable {
                    table: kind.name().to_owned(),
                    first: forms[0].location.clone(),
                },
                extra.location.clone(),
            );
        }
        match forms.first() {
            Some(form) => {
                missing_rows(form, diags);
                column_totals(form, diags);
                if kind == FormKind::Requests {
                    requests(form, diags);
                }
            }
            None if outline.holds(part) => diags.push(
                Problem::MissingForm {
                    form: kind.name(),
                    first_column: kind.columns()[0],
                },
                Location::file(&subs.facts.file),
            ),
            None => {}
        }
    }
}

/// D315: a count that names the form's cell it repeats equals it (D110 when the cell is none).
fn repeated_cells(subs: &Submissions, diags: &mut Diagnostics) {
    for (department, figure) in subs.figures() {
        let Some(name) = &figure.form else {
            continue;
        };
        let Some(cell) = forms::cell_name(&name.value) else {
            let known: Vec<&str> = FormKind::NAMES.iter().map(|(n, _)| *n).collect();
            diags.push(
                Problem::UnknownFormCell {
                    name: name.value.clone(),
                    reason: (
                        format!(
                            "write the form ({}), the row and the column: 申请表/新收/总计",
                            known.join(", ")
                        ),
                        format!("请写表名（{}）、行和列：申请表/新收/总计", known.join("、")),
                    ),
                },
                name.location.clone(),
            );
            continue;
        };
        let form = subs
            .departments
            .iter()
            .flat_map(|d| &d.forms)
            .find(|f| f.kind == cell.kind);
        let value = match form.map(|f| f.cell(&cell)) {
            Some(Ok(v)) => v.value,
            Some(Err(reason)) => {
                diags.push(
                    Problem::UnknownFormCell {
                        name: name.value.clone(),
                        reason,
                    },
                    name.location.clone(),
                );
                continue;
            }
            None => {
                diags.push(
                    Problem::UnknownFormCell {
                        name: name.value.clone(),
                        reason: (
                            format!("nobody submitted the form {}", cell.kind.name()),
                            format!("没有部门提交{}", cell.kind.name()),
                        ),
                    },
                    name.location.clone(),
                );
                continue;
            }
        };
        if let Some(count) = department.value_of(figure)
            && count != value
        {
            diags.push(
                Problem::FormCount {
                    key: figure.key().to_string(),
                    cell: name.value.clone(),
                    count,
                    form: value,
                },
                name.location.clone(),
            );
        }
    }
}

/// D314: every row of the form is written; a row left out is not a row of zeros.
fn missing_rows(form: &Form, diags: &mut Diagnostics) {
    let missing: Vec<String> = form
        .kind
        .rows()
        .iter()
        .filter(|spec| form.row(spec.key).is_none())
        .map(|spec| spec.label.to_owned())
        .collect();
    if !missing.is_empty() {
        diags.push(
            Problem::FormRows {
                form: form.kind.name(),
                missing,
            },
            form.location.clone(),
        );
    }
}

/// D312: the last column is the sum of the others, in every row.
fn column_totals(form: &Form, diags: &mut Diagnostics) {
    for row in &form.rows {
        let Some((total, parts)) = row.values.split_last() else {
            continue;
        };
        let sum: u64 = parts.iter().map(|v| v.value).sum();
        if sum != total.value {
            diags.push(
                Problem::FormColumnTotal {
                    row: row.spec.label,
                    total: total.value,
                    sum,
                },
                total.location.clone(),
            );
        }
    }
}

/// D310, D311: each column of the requests form balances, and its total is its outcomes' sum.
fn requests(form: &Form, diags: &mut Diagnostics) {
    let outcomes: Vec<&str> = REQUEST_ROWS
        .iter()
        .map(|r| r.key)
        .filter(|k| !matches!(*k, "new" | "carried_over" | "total" | "carried_forward"))
        .collect();
    let (new, over) = (form.values("new"), form.values("carried_over"));
    let (total, forward) = (form.values("total"), form.values("carried_forward"));
    let at = |key: &str, column: usize| {
        form.row(key)
            .and_then(|r| r.values.get(column))
            .map_or_else(|| form.location.clone(), |v| v.location.clone())
    };
    for (c, column) in form.kind.columns().iter().enumerate() {
        let sum: u64 = outcomes.iter().map(|k| form.values(k)[c]).sum();
        if sum != total[c] {
            diags.push(
                Problem::FormOutcomes {
                    column,
                    total: total[c],
                    sum,
                },
                at("total", c),
            );
        }
        if new[c] + over[c] != total[c] + forward[c] {
            diags.push(
                Problem::FormBalance {
                    column,
                    total_in: new[c] + over[c],
                    total_out: total[c] + forward[c],
                },
                at("carried_forward", c),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

    const REQUESTS: &str = "项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n\
        一、本年新收信息公开申请数量,5,1,0,0,0,0,6\n\
        二、上年结转信息公开申请数量,1,0,0,0,0,0,1\n\
        （一）予以公开,4,1,0,0,0,0,5\n\
        （二）部分公开,0,0,0,0,0,0,0\n\
        1.属于国家秘密,0,0,0,0,0,0,0\n\
        2.其他法律行政法规禁止公开,0,0,0,0,0,0,0\n\
        3.危及“三安全一稳定”,0,0,0,0,0,0,0\n\
        4.保护第三方合法权益,0,0,0,0,0,0,0\n\
        5.属于三类内部事务信息,0,0,0,0,0,0,0\n\
        6.属于四类过程性信息,0,0,0,0,0,0,0\n\
        7.属于行政执法案卷,0,0,0,0,0,0,0\n\
        8.属于行政查询事项,0,0,0,0,0,0,0\n\
        （四）无法提供：1.本机关不掌握相关信息,2,0,0,0,0,0,2\n\
        2.没有现成信息需要另行制作,0,0,0,0,0,0,0\n\
        3.补正后申请内容仍不明确,0,0,0,0,0,0,0\n\
        1.信访举报投诉类申请,0,0,0,0,0,0,0\n\
        2.重复申请,0,0,0,0,0,0,0\n\
        3.要求提供公开出版物,0,0,0,0,0,0,0\n\
        4.无正当理由大量反复申请,0,0,0,0,0,0,0\n\
        5.要求行政机关确认或重新出具已获取信息,0,0,0,0,0,0,0\n\
        1.申请人无正当理由逾期不补正,0,0,0,0,0,0,0\n\
        2.申请人逾期未按收费通知要求缴纳费用,0,0,0,0,0,0,0\n\
        （六）其他处理：3.其他,0,0,0,0,0,0,0\n\
        （七）总计,6,1,0,0,0,0,7\n\
        四、结转下年度继续办理,0,0,0,0,0,0,0\n";
    const REVIEWS: &str = "项目,结果维持,结果纠正,其他结果,尚未审结,总计\n行政复议,1,0,0,0,1\n\
        未经复议直接起诉,0,0,0,0,0\n复议后起诉,0,0,0,0,0\n";

    fn year(requests: &str) -> Year {
        Year::new()
            .facts("outline = \"state-council\"")
            .file("办公室-申请.csv", requests)
            .file("办公室-复议.csv", REVIEWS)
    }

    #[test]
    fn a_balanced_form_passes() {
        assert!(ids(&year(REQUESTS).check_with(super::check)).is_empty());
    }

    #[test]
    fn d312_the_total_column() {
        let found =
            year(&REQUESTS.replace("5,1,0,0,0,0,6", "5,1,0,0,0,0,7")).check_with(super::check);
        assert_eq!(ids(&found), ["D312", "D310"], "{}", found.dump());
        assert_eq!(found.at(0), "办公室-申请.csv:2:28");
    }

    #[test]
    fn d311_outcomes_and_d310_balance_per_column() {
        let found = year(
            &REQUESTS
                .replace("（一）予以公开,4,1", "（一）予以公开,3,1")
                .replace("3,1,0,0,0,0,5", "3,1,0,0,0,0,4"),
        )
        .check_with(super::check);
        assert_eq!(ids(&found), ["D311", "D311"], "{}", found.dump());
        assert!(
            found
                .message(0)
                .contains("`自然人` totals 6, but its outcomes sum to 5"),
            "{}",
            found.message(0)
        );
        let found = year(&REQUESTS.replace(
            "四、结转下年度继续办理,0,0,0,0,0,0,0",
            "四、结转下年度继续办理,1,0,0,0,0,0,1",
        ))
        .check_with(super::check);
        assert_eq!(ids(&found), ["D310", "D310"], "{}", found.dump());
        assert_eq!(found.at(0), "办公室-申请.csv:26:13");
    }

    #[test]
    fn d309_the_outline_needs_its_forms() {
        let found = Year::new()
            .facts("outline = \"state-council\"")
            .check_with(super::check);
        assert_eq!(ids(&found), ["D309", "D309"]);
    }

    #[test]
    fn d102_a_row_the_form_does_not_have() {
        let found = year(&REQUESTS.replace("（一）予以公开", "（一）予以公布")).read();
        assert_eq!(ids(&found), ["D102"], "{}", found.dump());
        assert!(
            found.message(0).contains("did you mean `（一）予以公开`"),
            "{}",
            found.message(0)
        );
    }

    #[test]
    fn d314_an_empty_cell_or_a_missing_row_is_not_a_zero() {
        let found = year(&REQUESTS.replace(
            "（二）部分公开,0,0,0,0,0,0,0",
            "（二）部分公开,0,,0,/,0,0,0",
        ))
        .read();
        assert_eq!(ids(&found), ["D314", "D314"], "{}", found.dump());
        assert_eq!(found.at(0), "办公室-申请.csv:5:11");
        assert!(
            found.message(0).contains("`商业企业` is empty"),
            "{}",
            found.dump()
        );
        let found =
            year(&REQUESTS.replace("2.重复申请,0,0,0,0,0,0,0\n", "")).check_with(super::check);
        assert_eq!(ids(&found), ["D314"], "{}", found.dump());
        assert!(
            found.message(0).contains("（五）不予处理：2.重复申请"),
            "{}",
            found.dump()
        );
    }

    #[test]
    fn d315_a_count_that_repeats_a_cell_equals_it() {
        let count = |n: u32| {
            format!(
                "[[count]]\nchannel = \"依申请公开\"\nitem = \"收到申请\"\nnumber = {n}\nunit = \"件\"\nform = \"申请表/新收/总计\"\n"
            )
        };
        let found = year(REQUESTS)
            .file("办公室.toml", &count(6))
            .check_with(super::check);
        assert!(ids(&found).is_empty(), "{}", found.dump());
        let found = year(REQUESTS)
            .file("办公室.toml", &count(3))
            .check_with(super::check);
        assert_eq!(ids(&found), ["D315"], "{}", found.dump());
        assert!(
            found
                .message(0)
                .contains("is 3, but the form's cell `申请表/新收/总计` it repeats is 6")
        );
        let found = year(REQUESTS)
            .file("办公室.toml", &count(6).replace("总计\"", "合计\""))
            .check_with(super::check);
        assert_eq!(ids(&found), ["D110"], "{}", found.dump());
    }

    #[test]
    fn narrative_names_a_forms_cell_and_a_wrong_name_is_d110() {
        let text = "[parts.requests]\ntext = \"本年度共收到申请{申请表/新收}件，其中自然人{申请表/本年新收申请数量/自然人}件。\"\n";
        let y = year(REQUESTS).facts(text);
        let (subs, _) = y.load();
        let report = crate::compose::compose(&subs, false);
        let printed: Vec<String> = report
            .parts
            .iter()
            .flat_map(|p| &p.blocks)
            .filter_map(|b| match b {
                crate::compose::report::Block::Paragraph { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert!(
            printed.contains(&"本年度共收到申请6件，其中自然人5件。".to_owned()),
            "{printed:?}"
        );
        let found = year(REQUESTS)
            .facts(&text.replace("/自然人}", "/个人}"))
            .check_with(crate::check::placement::check);
        assert_eq!(ids(&found), ["D110"], "{}", found.dump());
        assert!(
            found.message(0).contains("no column `个人`"),
            "{}",
            found.dump()
        );
    }
}
