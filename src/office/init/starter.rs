//! A first year, when there is no year before it to carry over: report.toml written from a
//! preset outline with every paragraph to write marked 【待审阅】, and for each department a TOML
//! file of commented examples to fill in (docs/submissions.md describes every key).
//!
//! Both are made from their inputs alone (school, year, preset, department names), so `status`
//! can tell an untouched starter template from a submission by its bytes.

use std::fmt::Write as _;

use super::NewFile;
use crate::check::REVIEW;
use crate::model::forms::FormKind;
use crate::model::outline::{Content, Outline};
use crate::model::year::AcademicYear;

/// What a first year starts from.
#[derive(Clone, Debug)]
pub struct Starter {
    /// The university (or the unit) whose report it is.
    pub school: String,
    /// The preset outline it follows (`seven-part`, `ministry`, `state-council`).
    pub preset: &'static str,
    /// The departments expected to submit, in order.
    pub departments: Vec<String>,
}

/// The first year's report.toml.
pub(crate) fn report_toml(starter: &Starter, outline: &Outline, year: AcademicYear) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# {} {year} 信息公开工作年度报告 —— 信息公开办公室填写的报告事实与叙述（disclose init 生成）。\n\
         # 各键的含义见 docs/report-toml.md；标有【待审阅】的文字改写后删去该标记（validate 会逐段提醒）。\n",
        starter.school
    );
    let _ = writeln!(t, "school = {}", quote(&starter.school));
    let _ = writeln!(t, "year = \"{year}\"");
    // An example date inside the deadline: October for an academic year, January after a
    // calendar year.
    let example = if year.is_calendar() {
        format!("{}-01-20", year.end() + 1)
    } else {
        format!("{}-10-29", year.end())
    };
    let _ = writeln!(
        t,
        "issued = \"\"   # 请填写本年度报告的发布日期，如 {example}"
    );
    let list: Vec<String> = starter.departments.iter().map(|d| quote(d)).collect();
    let _ = writeln!(t, "departments = [{}]", list.join(", "));
    let _ = writeln!(
        t,
        "\n# 提纲：预置的 \"{}\"。要增删、调换、拆分或合并部分，运行 disclose outline {} 打印它的全部内容，\n\
         # 复制到本文件替换下面这一行，再改动与本校报告不同之处（docs/report-toml.md 的“提纲”）。\n\
         outline = \"{}\"",
        starter.preset, starter.preset, starter.preset
    );
    let _ = writeln!(
        t,
        "\n# 排版（可删去，缺省即如此）：数字与汉字之间不加空格，分项之间用“、”。\n\
         # [typography]\n# space = false\n# breakdown = \"、\"\n# noun = \"学校\"   # 缺省句子中的“学校”，二级学院写“学院”"
    );
    for spec in &outline.parts {
        let generated = spec
            .holds
            .iter()
            .any(|c| !matches!(c, Content::Channels | Content::Areas));
        let heading = spec.heading.replace("{单位}", "学校");
        let _ = writeln!(t, "\n# {heading}");
        let _ = writeln!(t, "[parts.{}]", spec.key);
        if generated {
            let _ = writeln!(
                t,
                "text = \"{REVIEW}本部分的说明文字（可删去：数字由各部门提交，句子由程序生成）。\""
            );
        } else {
            let _ = writeln!(
                t,
                "text = \"{REVIEW}请写“{heading}”的内容；无可报告时写“无”。\""
            );
        }
        if spec.holds(Content::Channels) {
            let _ = writeln!(
                t,
                "\n# 主动公开的渠道和数据：每组一段，数字来自各部门提交的数量行。\n\
                 # [[channels]]\n# title = \"通过学校门户网站公开信息情况\"\n# figures = [\"学校主页\"]"
            );
        }
        if spec.holds(Content::Areas) {
            let _ = writeln!(
                t,
                "\n# 重点领域：文字由负责部门以 [[text]] area = \"招生\" 提交。\n\
                 # [[areas]]\n# key = \"招生\"\n# title = \"招生信息公开情况\""
            );
        }
    }
    t
}

/// The departments' first files ([`files_for`]); the first department named handles requests.
pub(crate) fn department_files(
    departments: &[String],
    outline: &Outline,
    year: AcademicYear,
    xlsx: bool,
) -> Vec<NewFile> {
    departments
        .iter()
        .enumerate()
        .flat_map(|(n, department)| files_for(department, n == 0, outline, year, xlsx))
        .collect()
}

/// A department's first files: a TOML file of commented examples (or, with `xlsx`, a workbook
/// of empty sheets); the `office` that handles requests also gets the State Council forms the
/// outline prints, as CSV files (or sheets of its workbook).
pub(crate) fn files_for(
    department: &str,
    office: bool,
    outline: &Outline,
    year: AcademicYear,
    xlsx: bool,
) -> Vec<NewFile> {
    if xlsx {
        return vec![super::workbook::starter(department, year, outline, office)];
    }
    let mut files = vec![template(department, year, outline, office)];
    if office {
        for kind in super::workbook::outline_forms(outline) {
            files.push(NewFile {
                name: format!("{department}-{}.csv", form_file(kind)),
                bytes: super::templates::form_csv(kind),
            });
        }
    }
    files
}

/// The name a form's file has after the department's: 党政办公室-申请情况表.csv.
fn form_file(kind: FormKind) -> &'static str {
    match kind {
        FormKind::Requests => "申请情况表",
        FormKind::Reviews => "复议诉讼情况表",
    }
}

/// A department's first template: every kind of entry, commented out.
fn template(department: &str, year: AcademicYear, outline: &Outline, office: bool) -> NewFile {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# {department} {year} 信息公开数据（disclose init 生成的空模板）。删去行首的 # 后填写，\n\
         # 用不到的部分删去即可；每个键的含义见 docs/submissions.md。也可以改交 CSV 或 Excel 文件。\n\
         #\n\
         # 数量：报告中的每一个数字。\n\
         # [[count]]\n\
         # channel = \"学校主页\"   # 渠道\n\
         # item = \"信息\"          # 类别\n\
         # number = 0             # 数量\n\
         # unit = \"条\"            # 单位\n\
         #\n\
         # 重点领域的文字（area 为 report.toml 中 [[areas]] 的 key）。\n\
         # [[text]]\n\
         # area = \"招生\"\n\
         # text = '''……'''\n\
         #\n\
         # 清单事项（教办函〔2014〕23号 的编号，disclose checklist 可列出）。\n\
         # [[disclosure]]\n\
         # item = 1\n\
         # status = \"已公开\"\n\
         # links = [\"https://……\"]"
    );
    let forms = super::workbook::outline_forms(outline);
    if !forms.is_empty() {
        let names: Vec<String> = forms
            .iter()
            .map(|k| format!("{department}-{}.csv", form_file(*k)))
            .collect();
        let _ = writeln!(
            t,
            "#\n# 依申请公开和行政复议、行政诉讼按国务院办公厅模板的表格填写（见 docs/submissions.md 的\n\
             # “State Council forms”），由负责的一个部门另交 CSV 或 Excel 文件，不写在本文件中。"
        );
        if office {
            let _ = writeln!(t, "# 本部门的空白表格已写出：{}。", names.join("、"));
        }
    }
    if outline.holds(Content::Requests) {
        let _ = writeln!(
            t,
            "#\n# 依申请公开（只由负责的一个部门填写，没有也要写 0）。\n\
             # [requests]\n\
             # received = 0"
        );
    }
    if outline.holds(Content::Complaints) {
        let _ = writeln!(
            t,
            "#\n# 举报复议诉讼（只由负责的一个部门填写，没有也要写 0）。\n\
             # [complaints]\n\
             # reports = 0\n\
             # reconsiderations = 0\n\
             # lawsuits = 0"
        );
    }
    NewFile {
        name: format!("{department}.toml"),
        bytes: t.into_bytes(),
    }
}
