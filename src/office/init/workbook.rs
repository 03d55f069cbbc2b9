//! Excel templates (`disclose init --xlsx`): one workbook per department carrying everything it
//! sends, each kind on a sheet of its own, with Excel's data validation where it helps and an
//! instructions sheet (说明) that says, sheet by sheet, what to fill in.
//!
//! | sheet | holds | as TOML's |
//! |---|---|---|
//! | 数量 | last year's count rows, the numbers blank (marked), last year's value as the remark | `[[count]]` |
//! | 文字 | the texts of the department's key areas, one paragraph a row, marked 【待审阅】 | `[[text]]` |
//! | 依申请公开 | the requests, one number a row, blank | `[requests]` |
//! | 举报复议诉讼 | the complaints, one number a row, blank | `[complaints]` |
//! | 申请情况表, 复议诉讼情况表 | the State Council's forms, their rows labelled, the numbers blank | the forms' CSV |
//! | 清单 | the checklist entries, each item's number with its category and wording beside it | `[[disclosure]]` |
//!
//! Cells to fill are yellow. Numbers are whole numbers ≥ 0, statuses and qualifiers lists, dates
//! dates. On the 清单 sheet the item, its category and its wording are locked (the sheet is
//! protected, without a password), everything else and every new row stays editable. Reading
//! the workbook back ([`crate::read`]) gives the year the TOML templates would: the sheets are
//! the tables the readers know (docs/submissions.md).

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatBorder,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

use super::templates::{COUNT_COLUMNS, count_cells, disclosure_cells};
use super::{NewFile, Options};
use crate::check::REVIEW;
use crate::model::checklist::Checklist;
use crate::model::forms::FormKind;
use crate::model::outline::{Content, Outline};
use crate::model::submission::{Department, Number, Qualifier, Status, Submissions};
use crate::model::year::AcademicYear;
use crate::read::sheets::{COMPLAINT_LINES, request_lines};

/// Rows of a sheet that get data validation (beyond the rows carried over).
const ROWS: u32 = 500;
/// The yellow of the cells to fill.
const TO_FILL: u32 = 0x00FF_F2CC;
/// The grey of the cells that must not change.
const FIXED: u32 = 0x00F2_F2F2;

/// The columns of the 清单 sheet: the checklist template's, with the item's category and
/// wording beside its number.
const CHECKLIST_COLUMNS: [&str; 10] = [
    "事项",
    "类别",
    "事项内容",
    "状态",
    "链接",
    "渠道",
    "公开日期",
    "责任部门",
    "说明",
    "备注",
];

/// Every department's workbook.
pub(crate) fn for_departments(
    subs: &Submissions,
    options: &Options,
    keep: &dyn Fn(&Department) -> bool,
) -> Vec<NewFile> {
    subs.departments
        .iter()
        .filter(|d| keep(d))
        .filter_map(|d| workbook(d, &subs.checklist, options))
        .collect()
}

/// The department's workbook, if it sent anything last year that a department fills in again
/// (events are the platforms' exports, sent as they come).
fn workbook(department: &Department, checklist: &Checklist, options: &Options) -> Option<NewFile> {
    let nothing = department.figures.is_empty()
        && department.texts.is_empty()
        && department.requests.is_none()
        && department.complaints.is_none()
        && department.forms.is_empty()
        && department.disclosures.is_empty();
    if nothing {
        return None;
    }
    let mut sheets = Vec::new();
    sheets.extend((!department.figures.is_empty()).then_some(Sheet::Counts));
    sheets.extend((!department.texts.is_empty()).then_some(Sheet::Texts));
    sheets.extend(department.requests.is_some().then_some(Sheet::Requests));
    sheets.extend(department.complaints.is_some().then_some(Sheet::Complaints));
    sheets.extend(department.forms.iter().map(|f| Sheet::Form(f.kind)));
    sheets.extend((!department.disclosures.is_empty()).then_some(Sheet::Disclosures));
    let bytes = build(department, checklist, options.year, &sheets).ok()?;
    Some(NewFile {
        name: format!("{}.xlsx", department.name),
        bytes,
    })
}

/// The formats of a template: header, cells to fill, cells that must not change, text.
struct Formats {
    bold: Format,
    fill: Format,
    fixed: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Self {
        let thin = |f: Format| {
            f.set_border(FormatBorder::Thin)
                .set_border_color(0x00BF_BFBF)
        };
        Formats {
            bold: Format::new().set_bold(),
            fill: thin(Format::new().set_background_color(TO_FILL).set_unlocked()),
            fixed: thin(Format::new().set_background_color(FIXED)),
            wrap: Format::new().set_text_wrap().set_unlocked(),
        }
    }
}

/// A sheet a workbook has, in the order they come.
#[derive(Clone, Copy, PartialEq)]
enum Sheet {
    Counts,
    Texts,
    Requests,
    Complaints,
    Form(FormKind),
    Disclosures,
}

/// A first year's workbook for `department` (no year before it): the sheets for counts, texts
/// and checklist entries with their headers and nothing else, and the requests' and complaints'
/// sheets (or the State Council forms, as the outline has them) when `office` (the first
/// department named) handles them.
pub(crate) fn starter(
    department: &str,
    year: AcademicYear,
    outline: &Outline,
    office: bool,
) -> NewFile {
    let mut sheets = vec![Sheet::Counts, Sheet::Texts];
    if office {
        sheets.extend(outline.holds(Content::Requests).then_some(Sheet::Requests));
        sheets.extend(
            outline
                .holds(Content::Complaints)
                .then_some(Sheet::Complaints),
        );
        sheets.extend(outline_forms(outline).into_iter().map(Sheet::Form));
    }
    sheets.push(Sheet::Disclosures);
    let empty = Department {
        name: department.to_owned(),
        ..Department::default()
    };
    let checklist = crate::read::checklist::ministry();
    NewFile {
        name: format!("{department}.xlsx"),
        bytes: build(&empty, &checklist, year, &sheets).unwrap_or_default(),
    }
}

/// The State Council forms an outline prints.
pub(crate) fn outline_forms(outline: &Outline) -> Vec<FormKind> {
    [
        (Content::RequestsForm, FormKind::Requests),
        (Content::ReviewsForm, FormKind::Reviews),
    ]
    .into_iter()
    .filter(|(content, _)| outline.holds(*content))
    .map(|(_, kind)| kind)
    .collect()
}

fn build(
    department: &Department,
    checklist: &Checklist,
    year: AcademicYear,
    which: &[Sheet],
) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation date, so the same input makes the same file.
    let created = ExcelDateTime::from_ymd(year.start().cast_unsigned(), 9, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let f = Formats::new();
    let mut sheets = Vec::new();
    for sheet in which {
        let book = &mut workbook;
        match *sheet {
            Sheet::Counts => counts(book.add_worksheet(), department, year, &f)?,
            Sheet::Texts => texts(book.add_worksheet(), department, &f)?,
            Sheet::Requests => requests(book.add_worksheet(), department, year, &f)?,
            Sheet::Complaints => complaints(book.add_worksheet(), &f)?,
            Sheet::Form(kind) => form_sheet(book.add_worksheet(), kind, &f)?,
            Sheet::Disclosures => {
                disclosures(book.add_worksheet(), department, checklist, year, &f)?;
            }
        }
        sheets.push(sheet_name(*sheet));
    }
    instructions(workbook.add_worksheet(), department, year, &sheets, &f)?;
    workbook.save_to_buffer()
}

fn header(sheet: &mut Worksheet, columns: &[&str], f: &Formats) -> Result<(), XlsxError> {
    for (c, name) in (0u16..).zip(columns) {
        sheet.write_string_with_format(0, c, *name, &f.bold)?;
        let width = match *name {
            "备注" | "说明" | "事项内容" => 40,
            "文字" => 80,
            "申请情况" | "举报复议诉讼" | "项目" => 24,
            _ => 14,
        };
        sheet.set_column_width(c, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn list(sheet: &mut Worksheet, column: u16, values: &[&str], title: &str) -> Result<(), XlsxError> {
    let validation = DataValidation::new()
        .allow_list_strings(values)?
        .set_input_title(title)?
        .set_input_message(values.join(" / "))?;
    sheet.add_data_validation(1, column, ROWS, column, &validation)?;
    Ok(())
}

/// Whole numbers of 0 or more in `column`, from row 1.
fn whole(sheet: &mut Worksheet, column: u16, title: &str) -> Result<(), XlsxError> {
    let validation = DataValidation::new()
        .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        .set_input_title(title)?
        .set_input_message("0 或正整数，不写单位")?
        .set_error_message("请填写 0 或正整数")?;
    sheet.add_data_validation(1, column, ROWS, column, &validation)?;
    Ok(())
}

fn counts(
    sheet: &mut Worksheet,
    department: &Department,
    year: AcademicYear,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(Sheet::Counts))?;
    header(sheet, &COUNT_COLUMNS, f)?;
    for (row, figure) in (1u32..).zip(&department.figures) {
        let cells = count_cells(department, figure, year);
        for (c, cell) in (0u16..).zip(&cells) {
            if !cell.is_empty() {
                sheet.write_string(row, c, cell)?;
            }
        }
        if !matches!(figure.number, Number::FromEvents(_)) {
            sheet.write_blank(row, 2, &f.fill)?;
        }
    }
    whole(sheet, 2, "数量")?;
    list(sheet, 4, Qualifier::ALL, "限定词（约数时填写）")?;
    list(sheet, 6, &["是", "否"], "分项不全")?;
    list(sheet, 8, &["事件"], "来源（按事件统计时填写）")?;
    Ok(())
}

fn texts(sheet: &mut Worksheet, department: &Department, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(Sheet::Texts))?;
    header(sheet, &["领域", "文字", "备注"], f)?;
    let mut row = 1u32;
    for text in &department.texts {
        for paragraph in &text.paragraphs {
            let marked = if paragraph.text.starts_with(REVIEW) {
                paragraph.text.clone()
            } else {
                format!("{REVIEW}{}", paragraph.text)
            };
            sheet.write_string(row, 0, &text.area.value)?;
            sheet.write_string_with_format(row, 1, &marked, &f.wrap)?;
            row += 1;
        }
    }
    Ok(())
}

fn requests(
    sheet: &mut Worksheet,
    department: &Department,
    year: AcademicYear,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(Sheet::Requests))?;
    header(sheet, &["申请情况", "件数", "备注"], f)?;
    let last = department.requests.as_ref();
    for (row, (key, name)) in (1u32..).zip(request_lines()) {
        // A calendar year's lines say 本年度收到申请; the reader takes either.
        sheet.write_string(row, 0, year.say(name))?;
        sheet.write_blank(row, 1, &f.fill)?;
        let remark = match (key, last) {
            ("received", None) => "必填".to_owned(),
            ("received", Some(last)) => format!("必填；上学年：{}", last.received.value),
            ("carried_over", None) => "上年度报告的“结转下年度”；没有填 0".to_owned(),
            ("carried_over", Some(last)) => format!(
                "上学年报告的“结转下学年”：{}",
                last.carried_forward.as_ref().map_or(0, |c| c.value)
            ),
            _ => "没有可填 0 或留空".to_owned(),
        };
        sheet.write_string(row, 2, year.say(&remark))?;
    }
    whole(sheet, 1, "件数")?;
    Ok(())
}

fn complaints(sheet: &mut Worksheet, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(Sheet::Complaints))?;
    header(sheet, &["举报复议诉讼", "件数", "备注"], f)?;
    for (row, (_, name)) in (1u32..).zip(COMPLAINT_LINES) {
        sheet.write_string(row, 0, name)?;
        sheet.write_blank(row, 1, &f.fill)?;
        sheet.write_string(row, 2, "必填；没有填 0")?;
    }
    whole(sheet, 1, "件数")?;
    Ok(())
}

/// A sheet's name, which the reader knows it by.
fn sheet_name(sheet: Sheet) -> &'static str {
    match sheet {
        Sheet::Counts => "数量",
        Sheet::Texts => "文字",
        Sheet::Requests => "依申请公开",
        Sheet::Complaints => "举报复议诉讼",
        Sheet::Form(FormKind::Requests) => "申请情况表",
        Sheet::Form(FormKind::Reviews) => "复议诉讼情况表",
        Sheet::Disclosures => "清单",
    }
}

/// A State Council form: its rows labelled, its numbers blank.
fn form_sheet(sheet: &mut Worksheet, kind: FormKind, f: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(Sheet::Form(kind)))?;
    let mut columns = vec!["项目"];
    columns.extend(kind.columns());
    header(sheet, &columns, f)?;
    for (row, spec) in (1u32..).zip(kind.rows()) {
        sheet.write_string(row, 0, spec.label)?;
        for c in 1..u16::try_from(columns.len()).unwrap_or(1) {
            sheet.write_blank(row, c, &f.fill)?;
        }
    }
    for c in 1..u16::try_from(columns.len()).unwrap_or(1) {
        whole(sheet, c, columns[usize::from(c)])?;
    }
    Ok(())
}

fn disclosures(
    sheet: &mut Worksheet,
    department: &Department,
    checklist: &Checklist,
    year: AcademicYear,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(sheet_name(Sheet::Disclosures))?;
    header(sheet, &CHECKLIST_COLUMNS, f)?;
    // Everything editable but the carried items' number, category and wording.
    for c in 0..u16::try_from(CHECKLIST_COLUMNS.len()).unwrap_or_default() {
        sheet.set_column_format(c, &f.wrap)?;
    }
    for (row, d) in (1u32..).zip(&department.disclosures) {
        let [item, status, links, channels, published, owners, note] = disclosure_cells(d);
        let entry = checklist.item(&item);
        match item.parse::<u32>() {
            Ok(n) => sheet.write_number_with_format(row, 0, n, &f.fixed)?,
            Err(_) => sheet.write_string_with_format(row, 0, &item, &f.fixed)?,
        };
        let category = entry.map_or("", |e| e.category.as_str());
        let wording = entry.map_or("", |e| e.text.as_str());
        sheet.write_string_with_format(row, 1, category, &f.fixed.clone().set_text_wrap())?;
        sheet.write_string_with_format(row, 2, wording, &f.fixed.clone().set_text_wrap())?;
        for (c, text) in [
            (3u16, status),
            (4, links),
            (5, channels),
            (7, owners),
            (8, note),
        ] {
            sheet.write_string_with_format(row, c, &text, &f.wrap)?;
        }
        // The publication dates are this year's: blank, to fill.
        debug_assert!(published.is_empty());
        sheet.write_blank(row, 6, &f.fill)?;
    }
    list(sheet, 3, Status::ALL, "状态")?;
    let from = ExcelDateTime::from_ymd(year.start().cast_unsigned().saturating_sub(1), 1, 1)?;
    let to = ExcelDateTime::from_ymd(year.end().cast_unsigned().saturating_add(1), 12, 31)?;
    let dates = DataValidation::new()
        .allow_date(DataValidationRule::Between(from, to))
        .set_input_title("公开日期")?
        .set_input_message("本学年的公开日期，如 2021-03-01")?
        .set_error_message("请填写日期，如 2021-03-01")?;
    sheet.add_data_validation(1, 6, ROWS, 6, &dates)?;
    let options = ProtectionOptions {
        format_columns: true,
        format_rows: true,
        insert_rows: true,
        delete_rows: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
    Ok(())
}

fn instructions(
    sheet: &mut Worksheet,
    department: &Department,
    year: AcademicYear,
    sheets: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name("说明")?;
    sheet.set_column_width(0, 110)?;
    let mut lines = vec![
        year.say(&format!(
            "{} {} 学年信息公开数据：填写说明",
            department.name, year
        )),
        "黄色单元格是要填写的；灰色单元格不要改动。每张表的第一行是表头，不要修改。".to_owned(),
    ];
    for name in sheets {
        let line = match *name {
            "数量" => {
                "“数量”表：每行是报告中的一个数字。请在“数量”列填写本学年的数量（0 或正整数，不写单位）；“备注”列是上学年的数量，仅供参考；约数请在“限定词”列保留 约、近、余 或 多。“来源”为“事件”的行不填数量：数量由本部门提交的事件文件（日期、渠道、类别、标题）统计。"
            }
            "文字" => {
                "“文字”表：本部门负责的重点领域的文字，每行一段，同一领域的各段依次排列。沿用上学年的文字开头标有【待审阅】：请改写为本学年的内容，再删去标记。"
            }
            "依申请公开" => {
                "“依申请公开”表：本学年收到和办理的信息公开申请，每行一个数字。“本学年收到申请”必填；收到 + 上学年结转 = 各办理结果之和 + 结转下学年。"
            }
            "举报复议诉讼" => {
                "“举报复议诉讼”表：因信息公开工作受到的举报、行政复议、行政诉讼，每行一个数字，没有填 0。"
            }
            "申请情况表" | "复议诉讼情况表" => {
                "“申请情况表”“复议诉讼情况表”：国务院办公厅模板的表格，按行填写本年度的数字；没有的填 0，不要留空（空格不当作 0，会被指出）。"
            }
            _ => {
                "“清单”表：每行是《高等学校信息公开事项清单》的一项，编号、类别和内容不要改动。请核对链接，在“公开日期”填写本学年的公开日期；状态填 已公开、部分公开 或 不适用，不适用时须在“说明”写明理由。“说明”会印在报告的清单事项表中，仅供内部参考的话请写在“备注”列（不会被读取）。"
            }
        };
        lines.push(year.say(line));
    }
    lines.push(format!(
        "填好后交信息公开办公室，或自行运行 disclose validate {year} 检查。"
    ));
    lines.push("本“说明”表不会被读取，可以保留。".to_owned());
    for (row, line) in (0u32..).zip(&lines) {
        if row == 0 {
            sheet.write_string_with_format(row, 0, line, &f.bold)?;
        } else {
            sheet.write_string_with_format(row, 0, line, &f.wrap)?;
        }
    }
    Ok(())
}
