//! The recognised report → the year folder's files, in memory: report.toml (facts, outline,
//! typography, phrases, each part's text, channel groups, key areas) and each department's
//! counts, the office's requests and complaints, the forms and checklist entries.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::place::{self, Builder};
use super::structure::Report;
use super::{OFFICE, period_of, tables, write};
use crate::model::year::AcademicYear;

/// The files of the year, in memory.
pub(super) struct YearFolder {
    /// The files: name and text.
    pub(super) files: Vec<(String, String)>,
    /// How many counts they hold.
    pub(super) counts: usize,
}

/// Builds the year's files from the recognised report.
pub(super) fn build(report: &Report, year: AcademicYear, source: &str) -> YearFolder {
    let mut b = Builder::default();
    for form in report
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .filter_map(|t| tables::form(t))
    {
        if !b.forms.iter().any(|f| f.kind == form.kind) {
            b.forms.push(form);
        }
    }
    let mut keys: Vec<String> = Vec::new();
    let mut outline = String::new();
    let mut appendix_checklist = false;
    for part in &report.parts {
        let key = place::key_of(&part.heading, &keys);
        keys.push(key.clone());
        let entry = place::part_toml(&mut b, part, &key);
        outline.push_str(&entry);
    }
    for table in &report.appendix {
        if let Some(csv) = tables::checklist_csv(table) {
            if !csv.is_empty() {
                b.extra_files.push((format!("{OFFICE}-清单.csv"), csv));
            }
            appendix_checklist = true;
        }
    }
    let mut t = facts_toml(report, year, source, &b);
    outline_toml(&mut t, report, &outline, appendix_checklist, &b);
    t.push_str(&b.parts_toml);
    for c in &b.channels {
        t.push_str(c);
    }
    for a in &b.areas {
        t.push_str(a);
    }
    let mut files = vec![("report.toml".to_owned(), t)];
    let mut office_tables = String::new();
    if b.requests {
        office_tables.push_str("\n[requests]   # 原文：本年度未收到信息公开申请\nreceived = 0\n");
    }
    if b.complaints {
        office_tables.push_str("\n[complaints]   # 原文：没有因信息公开工作受到举报、复议、诉讼\nreports = 0\nreconsiderations = 0\nlawsuits = 0\n");
    }
    let mut counts = 0;
    let mut office_written = false;
    for (department, list) in &b.counts {
        counts += list.len();
        let mut text = write::counts(department, source, list);
        if department == OFFICE {
            text.push_str(&office_tables);
            office_written = true;
        }
        files.push((format!("{department}.toml"), text));
    }
    if !office_written && !office_tables.is_empty() {
        files.push((
            format!("{OFFICE}.toml"),
            format!("# {OFFICE}：由 disclose import 导入。\n{office_tables}"),
        ));
    }
    files.extend(b.extra_files);
    let mut by_name = BTreeMap::new();
    for (name, text) in files {
        by_name.entry(name).or_insert(text);
    }
    let mut files: Vec<(String, String)> = by_name.into_iter().collect();
    files.sort_by_key(|(n, _)| n != "report.toml");
    YearFolder { files, counts }
}

/// report.toml's facts: school, year, dates, title, preamble, period, departments.
fn facts_toml(report: &Report, year: AcademicYear, source: &str, b: &Builder) -> String {
    let school = school_of(report);
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# {school} {year}：由 disclose import 从 {source} 导入。编号、标题和每段文字照原文；\n\
         # 文中的数字都已变为各部门文件中的数量行（{{渠道/类别}} 引用它们，validate 逐条提醒核对，D505），与表格单元格相同的变为对单元格的引用（{{申请表/新收/总计}}）。\n\
         # 各键的含义见 docs/report-toml.md。"
    );
    let _ = writeln!(t, "school = {}", write::quote(&school));
    let _ = writeln!(t, "year = \"{year}\"");
    match report.date {
        Some(date) => {
            let _ = writeln!(t, "issued = {date}");
        }
        None => {
            let _ = writeln!(t, "issued = \"\"   # 原文没有落款日期：请填写发布日期");
        }
    }
    if let Some(signer) = report.signer.as_ref().filter(|s| **s != school) {
        let _ = writeln!(t, "signed_by = {}", write::quote(signer));
    }
    if let Some(title) = &report.title {
        let _ = writeln!(t, "title = {}", write::quote(title));
    }
    if report.preamble.is_empty() {
        // The report opens with its first part: no preamble is made up for it.
        let _ = writeln!(t, "preamble = \"\"");
    } else {
        let _ = writeln!(t, "preamble = {}", write::quote(&report.preamble.join("")));
    }
    let default = year.default_period();
    let period = report
        .preamble
        .iter()
        .find_map(|p| period_of(p))
        .filter(|p| *p != default);
    if let Some(p) = period {
        let _ = writeln!(t, "period = {{ start = {}, end = {} }}", p.start, p.end);
    }
    let mut departments: Vec<String> = b.counts.iter().map(|(d, _)| d.clone()).collect();
    if !b.extra_files.is_empty() && !departments.iter().any(|d| d == OFFICE) {
        departments.push(OFFICE.to_owned());
    }
    if (b.requests || b.complaints) && !departments.iter().any(|d| d == OFFICE) {
        departments.push(OFFICE.to_owned());
    }
    let list: Vec<String> = departments.iter().map(|d| write::quote(d)).collect();
    let _ = writeln!(t, "departments = [{}]", list.join(", "));
    t
}

/// report.toml's outline, rules, typography and phrases.
fn outline_toml(
    t: &mut String,
    report: &Report,
    outline: &str,
    appendix_checklist: bool,
    b: &Builder,
) {
    let _ = writeln!(*t, "\n[outline]\nnumber = {}", write::quote(&report.number));
    let _ = writeln!(
        *t,
        "checklist = \"{}\"",
        if appendix_checklist {
            "appendix"
        } else {
            "none"
        }
    );
    let _ = writeln!(*t, "parts = [\n{outline}]");
    let items = checklist_items(report);
    if b.empty_checklist {
        let _ = writeln!(
            *t,
            "\n[rules]\n# 原报告的清单事项公开情况表没有逐项说明任何事项：validate 仍提醒，但不阻止编写。\nD207 = \"warning\""
        );
    } else if items > 0 && items < 50 {
        let _ = writeln!(
            *t,
            "\n[rules]\n# 原报告的清单事项公开情况表只列了 {items} 项：validate 仍提醒其余各项，但不阻止编写。\nD207 = \"warning\""
        );
    }
    let reworded: Vec<(String, String)> = report
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .chain(&report.appendix)
        .flat_map(|table| tables::checklist_wording(table))
        .collect();
    if !reworded.is_empty() {
        let _ = writeln!(
            *t,
            "\n[checklist_wording]\n# 原报告清单事项表的措辞与《高等学校信息公开事项清单》不同的事项，照原文；请核对编号是否对应。"
        );
        for (id, text) in &reworded {
            let _ = writeln!(*t, "{} = {}", write::quote(id), write::quote(text));
        }
    }
    let spaced = b.spaced.0 > b.spaced.1;
    let _ = writeln!(*t, "\n[typography]\nspace = {spaced}");
    if b.full_width.0 > b.full_width.1 {
        let _ = writeln!(*t, "digits = \"full\"");
    }
    // The forms in the template's own words (本机关不掌握相关政府信息), as the report printed them.
    let words: String = report
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .filter(|table| tables::form(table).is_some())
        .flatten()
        .flatten()
        .map(String::as_str)
        .collect();
    if words.contains("政府信息") {
        let _ = writeln!(*t, "forms = \"template\"");
    }
    // Shares as the report printed them: 14.6%, and 3% where the decimal is 0.
    let most = b.share_decimals.iter().copied().max().unwrap_or(1);
    if !b.share_decimals.is_empty() && (most != 1 || b.share_decimals.iter().any(|&d| d < most)) {
        let trim = b.share_decimals.iter().any(|&d| d < most);
        let digit = if trim { "#" } else { "0" };
        let pattern = if most == 0 {
            "0".to_owned()
        } else {
            format!("0.{}", digit.repeat(most.min(4)))
        };
        let _ = writeln!(*t, "percent = \"{pattern}\"");
    }
    if b.requests_none.is_some() || b.complaints_none.is_some() {
        let _ = writeln!(*t, "\n[phrases]");
        if let Some(s) = &b.requests_none {
            let _ = writeln!(*t, "requests_none = {}", write::quote(s));
        }
        if let Some(s) = &b.complaints_none {
            let _ = writeln!(*t, "complaints_none = {}", write::quote(s));
        }
    }
}

/// How many items the report's checklist tables account for, row by row.
fn checklist_items(report: &Report) -> usize {
    report
        .parts
        .iter()
        .flat_map(|p| &p.tables)
        .chain(&report.appendix)
        .filter_map(|table| tables::checklist_csv(table))
        .map(|csv| csv.lines().count().saturating_sub(1))
        .sum()
}

/// The school: the title before its year, else the signature.
pub(super) fn school_of(report: &Report) -> String {
    let from_title = report.title.as_ref().and_then(|t| {
        let end = t.find(|c: char| c.is_ascii_digit())?;
        let school = t[..end].trim();
        (!school.is_empty()).then(|| school.to_owned())
    });
    from_title
        .or_else(|| report.signer.clone())
        .unwrap_or_default()
}
