//! Department templates for a new year: last year's rows, numbers left blank, last year's value
//! beside each, and instructions in Chinese.
//!
//! Each of last year's files that held counts or checklist entries gets a template of the same
//! name and format (CSV stays CSV, TOML stays TOML); event files are not carried over, since
//! events are this year's export. With `--xlsx`, [`super::workbook`] makes one Excel workbook per
//! department instead.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use super::{NewFile, Options};
use crate::check::REVIEW;
use crate::compose::spell::Spelling;
use crate::model::forms::FormKind;
use crate::model::submission::{Department, Disclosure, Figure, Number, Outcome, Submissions};
use crate::model::typography::Typography;
use crate::model::year::AcademicYear;
use crate::read::formula;

/// The templates for every department of last year that `keep` keeps.
pub(crate) fn for_departments(
    subs: &Submissions,
    options: &Options,
    keep: &dyn Fn(&Department) -> bool,
) -> Vec<NewFile> {
    let mut files = Vec::new();
    for department in subs.departments.iter().filter(|d| keep(d)) {
        for file in &department.files {
            let name = file_name(file);
            let figures: Vec<&Figure> = department
                .figures
                .iter()
                .filter(|f| f.row.file == *file)
                .collect();
            let disclosures: Vec<&Disclosure> = department
                .disclosures
                .iter()
                .filter(|d| d.location.file == *file)
                .collect();
            if name.to_lowercase().ends_with(".toml") {
                let first_toml = department
                    .files
                    .iter()
                    .find(|f| file_name(f).to_lowercase().ends_with(".toml"))
                    == Some(file);
                // Texts, requests and complaints go into the department's first TOML file.
                if first_toml || !figures.is_empty() || !disclosures.is_empty() {
                    let template = toml_file(
                        name,
                        department,
                        &figures,
                        &disclosures,
                        first_toml,
                        options,
                    );
                    files.push(template);
                }
            } else if !figures.is_empty() {
                files.push(NewFile {
                    bytes: counts_csv(department, &figures, options.year),
                    name,
                });
            } else if !disclosures.is_empty() {
                files.push(NewFile {
                    bytes: disclosures_csv(&disclosures),
                    name,
                });
            } else if let Some(form) = department.forms.iter().find(|f| *f.location.file == **file)
            {
                files.push(NewFile {
                    bytes: form_csv(form.kind),
                    name,
                });
            }
        }
    }
    files
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// How last year's value is described beside the blank.
pub(crate) fn last_year(department: &Department, figure: &Figure, year: AcademicYear) -> String {
    let typography = Typography::default();
    let spell = Spelling::new(&typography);
    let qualifier = figure.qualifier.as_ref().map(|q| q.value);
    let value = department.value_of(figure).map_or_else(
        || "未填".to_owned(),
        |v| spell.figure(&v.to_string(), &figure.unit.value, qualifier),
    );
    year.say(&match figure.number {
        Number::FromEvents(_) => {
            format!("上学年由事件统计：{value}；本学年请提交事件文件，数量留空")
        }
        _ => format!("上学年：{value}"),
    })
}

/// The columns of a counts template, CSV or Excel.
pub(crate) const COUNT_COLUMNS: [&str; 10] = [
    "渠道",
    "类别",
    "数量",
    "单位",
    "限定词",
    "上级",
    "分项不全",
    "措辞",
    "来源",
    "备注",
];

/// Last year's count as a template row: the number left blank, last year's value as the remark.
pub(crate) fn count_cells(
    department: &Department,
    figure: &Figure,
    year: AcademicYear,
) -> [String; 10] {
    let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
    [
        figure.channel.value.clone(),
        figure.item.value.clone(),
        String::new(),
        figure.unit.value.clone(),
        text(figure.qualifier.as_ref().map(|q| q.value.as_str())),
        text(figure.parent.as_ref().map(|p| p.value.as_str())),
        text(figure.partial.then_some("是")),
        text(figure.phrase.as_ref().map(|p| p.value.text.as_str())),
        text(matches!(figure.number, Number::FromEvents(_)).then_some("事件")),
        last_year(department, figure, year),
    ]
}

fn counts_csv(department: &Department, figures: &[&Figure], year: AcademicYear) -> Vec<u8> {
    let rows = figures
        .iter()
        .map(|f| count_cells(department, f, year).to_vec());
    csv_for_people(&COUNT_COLUMNS, rows)
}

/// A CSV file a department opens in Excel: UTF-8 with a byte-order mark, as Excel's own "CSV
/// UTF-8" is (without it, Excel on a Chinese Windows reads the file as GBK), and every cell a
/// spreadsheet would run as a formula behind an apostrophe, so that it shows as text (reading
/// takes the apostrophe off again).
fn csv_for_people(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer("\u{feff}".as_bytes().to_vec());
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(row.iter().map(|cell| formula::escape(cell).into_owned()));
    }
    writer.into_inner().unwrap_or_default()
}

/// A State Council form to fill in, as CSV: the form's columns, a row for each of its rows by
/// its label, every number blank (an empty cell is no zero: validate asks for each one).
pub(crate) fn form_csv(kind: FormKind) -> Vec<u8> {
    let mut header = vec!["项目"];
    header.extend(kind.columns());
    let blanks = kind.columns().len();
    let rows = kind.rows().iter().map(|spec| {
        let mut row = vec![spec.label.to_owned()];
        row.extend(std::iter::repeat_n(String::new(), blanks));
        row
    });
    csv_for_people(&header, rows)
}

/// The columns of a checklist template, CSV or Excel.
pub(crate) const DISCLOSURE_COLUMNS: [&str; 7] = [
    "事项",
    "状态",
    "链接",
    "渠道",
    "公开日期",
    "责任部门",
    "说明",
];

/// Last year's entry as a template row: the publication date left to fill in.
pub(crate) fn disclosure_cells(d: &Disclosure) -> [String; 7] {
    let join = |list: &[crate::model::location::Located<String>]| {
        list.iter()
            .map(|l| l.value.as_str())
            .collect::<Vec<_>>()
            .join("；")
    };
    [
        d.item.value.clone(),
        d.status.value.as_str().to_owned(),
        join(&d.links),
        join(&d.channels),
        String::new(),
        join(&d.owners),
        d.note.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
    ]
}

fn disclosures_csv(disclosures: &[&Disclosure]) -> Vec<u8> {
    let rows = disclosures.iter().map(|d| disclosure_cells(d).to_vec());
    csv_for_people(&DISCLOSURE_COLUMNS, rows)
}

/// A TOML string literal.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A TOML multi-line literal string for narrative, one paragraph per blank-line block.
fn multiline(paragraphs: &[String]) -> String {
    let body = paragraphs.join("\n\n");
    if body.contains("'''") || body.chars().any(|c| c.is_control() && c != '\n') {
        return quoted(&body);
    }
    format!("'''\n{body}\n'''")
}

/// A TOML template with the given counts and checklist entries, and, when `rest`, the
/// department's texts, requests and complaints.
fn toml_file(
    name: String,
    department: &Department,
    figures: &[&Figure],
    disclosures: &[&Disclosure],
    rest: bool,
    options: &Options,
) -> NewFile {
    let mut t = String::new();
    let header = format!(
        "# {} {} 学年信息公开数据（由 disclose init 根据 {} 学年生成）\n\
         # 填写说明：\n\
         #   - 每个 [[count]] 是报告中的一个数字：在 number = \"\" 的引号处填写本学年的数量（整数，不写单位），\n\
         #     例如 number = 1481；约数保留 qualifier（约、近、余、多）。行尾注释是上学年的数量，仅供参考。\n\
         #   - 沿用上学年的文字开头标有【待审阅】：请改写为本学年的内容，再删去标记。\n\
         #   - [[disclosure]] 是清单事项：请核对链接是否仍有效，在 published 填写本学年的公开日期。\n\
         #   - 填好后运行 disclose validate {} 检查；各字段的含义见 docs/submissions.md。",
        department.name, options.year, options.from, options.year
    );
    // The instructions in the year's words; `from` is the year before, of the same kind.
    let _ = writeln!(t, "{}", options.year.say(&header));
    toml_counts(&mut t, department, figures, options.year);
    if rest {
        toml_texts(&mut t, department);
    }
    toml_disclosures(&mut t, disclosures, options);
    if rest {
        // Numbers and the tool's comments only: said in the year's words.
        let mut tables = String::new();
        toml_tables(&mut tables, department);
        t.push_str(&options.year.say(&tables));
    }
    NewFile {
        name,
        bytes: t.into_bytes(),
    }
}

fn toml_counts(t: &mut String, department: &Department, figures: &[&Figure], year: AcademicYear) {
    for figure in figures {
        let _ = writeln!(t, "\n[[count]]");
        let _ = writeln!(t, "channel = {}", quoted(&figure.channel.value));
        let _ = writeln!(t, "item = {}", quoted(&figure.item.value));
        if matches!(figure.number, Number::FromEvents(_)) {
            let _ = writeln!(
                t,
                "source = \"事件\"   # {}",
                last_year(department, figure, year)
            );
        } else {
            let _ = writeln!(
                t,
                "number = \"\"   # {}",
                last_year(department, figure, year)
            );
        }
        let _ = writeln!(t, "unit = {}", quoted(&figure.unit.value));
        if let Some(q) = &figure.qualifier {
            let _ = writeln!(t, "qualifier = {}", quoted(q.value.as_str()));
        }
        if let Some(p) = &figure.parent {
            let _ = writeln!(t, "parent = {}", quoted(&p.value));
        }
        if figure.partial {
            let _ = writeln!(t, "partial = true");
        }
        if let Some(p) = &figure.phrase {
            let _ = writeln!(t, "phrase = {}", quoted(&p.value.text));
        }
    }
}

fn toml_texts(t: &mut String, department: &Department) {
    for text in &department.texts {
        let paragraphs: Vec<String> = text
            .paragraphs
            .iter()
            .map(|p| {
                if p.text.starts_with(REVIEW) {
                    p.text.clone()
                } else {
                    format!("{REVIEW}{}", p.text)
                }
            })
            .collect();
        let _ = writeln!(t, "\n[[text]]\narea = {}", quoted(&text.area.value));
        let _ = writeln!(t, "text = {}", multiline(&paragraphs));
    }
}

fn toml_disclosures(t: &mut String, disclosures: &[&Disclosure], options: &Options) {
    for d in disclosures {
        let _ = writeln!(t, "\n[[disclosure]]");
        let _ = writeln!(t, "item = {}", quoted(&d.item.value));
        let _ = writeln!(t, "status = {}", quoted(d.status.value.as_str()));
        let list = |items: &[crate::model::location::Located<String>]| {
            let quoted: Vec<String> = items.iter().map(|i| quoted(&i.value)).collect();
            format!("[{}]", quoted.join(", "))
        };
        if !d.links.is_empty() {
            let _ = writeln!(t, "links = {}", list(&d.links));
        }
        if !d.channels.is_empty() {
            let _ = writeln!(t, "channels = {}", list(&d.channels));
        }
        let _ = writeln!(
            t,
            "{}",
            options.year.say(&format!(
                "published = []   # 本学年的公开日期，如 [{}-03-01]",
                options.year.end()
            ))
        );
        if !d.owners.is_empty() {
            let _ = writeln!(t, "owners = {}", list(&d.owners));
        }
        if let Some(note) = &d.note {
            let _ = writeln!(t, "note = {}", quoted(&note.value));
        }
    }
}

fn toml_tables(t: &mut String, department: &Department) {
    if let Some(requests) = &department.requests {
        let _ = writeln!(
            t,
            "\n# 三、依申请公开：没有也要填 0。收到 + 上年结转 = 各办理结果之和 + 结转下年。"
        );
        let _ = writeln!(t, "[requests]");
        let _ = writeln!(
            t,
            "received = \"\"          # 本学年收到的申请（上学年：{}）",
            requests.received.value
        );
        let _ = writeln!(
            t,
            "carried_over = \"\"      # 上学年结转（上学年报告的“结转下学年”：{}）",
            requests.carried_forward.as_ref().map_or(0, |c| c.value)
        );
        let names: BTreeMap<&str, &str> =
            Outcome::ALL.iter().map(|o| (o.key(), o.as_str())).collect();
        for outcome in Outcome::ALL {
            let _ = writeln!(t, "# {} = 0   # {}", outcome.key(), names[outcome.key()]);
        }
        let _ = writeln!(t, "carried_forward = \"\"   # 结转下学年继续办理");
    }
    if department.complaints.is_some() {
        let _ = writeln!(
            t,
            "\n# 五、因信息公开工作受到举报、复议、诉讼的情况：没有也要填 0。"
        );
        let _ = writeln!(t, "[complaints]");
        let _ = writeln!(t, "reports = \"\"            # 举报");
        let _ = writeln!(t, "reconsiderations = \"\"   # 行政复议");
        let _ = writeln!(t, "lawsuits = \"\"           # 行政诉讼");
    }
}
