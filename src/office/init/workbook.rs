//! Excel templates (`disclose init --xlsx`): one workbook per department with a sheet of count
//! rows (数量), a sheet of checklist entries (清单) and an instructions sheet (说明), with Excel's
//! data validation where it helps: whole numbers ≥ 0 for counts, lists for qualifiers, sources
//! and statuses.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, Workbook, Worksheet,
    XlsxError,
};

use super::templates::{COUNT_COLUMNS, DISCLOSURE_COLUMNS, count_cells, disclosure_cells};
use super::{NewFile, Options};
use crate::model::submission::{Department, Qualifier, Status};

/// Rows of a sheet that get data validation (beyond the rows carried over).
const ROWS: u32 = 500;

/// The department's workbook, if it had counts or checklist entries last year.
pub(crate) fn for_department(department: &Department, options: &Options) -> Option<NewFile> {
    if department.figures.is_empty() && department.disclosures.is_empty() {
        return None;
    }
    let bytes = build(department, options).ok()?;
    Some(NewFile {
        name: format!("{}.xlsx", department.name),
        bytes,
    })
}

fn build(department: &Department, options: &Options) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    // A fixed creation date, so the same input makes the same file.
    let created = ExcelDateTime::from_ymd(options.year.start().cast_unsigned(), 9, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold();
    if !department.figures.is_empty() {
        counts(workbook.add_worksheet(), department, &bold)?;
    }
    if !department.disclosures.is_empty() {
        disclosures(workbook.add_worksheet(), department, &bold)?;
    }
    instructions(workbook.add_worksheet(), department, options, &bold)?;
    workbook.save_to_buffer()
}

fn header(sheet: &mut Worksheet, columns: &[&str], bold: &Format) -> Result<(), XlsxError> {
    for (c, name) in (0u16..).zip(columns) {
        sheet.write_string_with_format(0, c, *name, bold)?;
        let width = if matches!(*name, "备注" | "说明") {
            40
        } else {
            14
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

fn counts(sheet: &mut Worksheet, department: &Department, bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name("数量")?;
    header(sheet, &COUNT_COLUMNS, bold)?;
    for (row, figure) in (1u32..).zip(&department.figures) {
        let cells = count_cells(department, figure);
        for (c, cell) in (0u16..).zip(&cells) {
            if !cell.is_empty() {
                sheet.write_string(row, c, cell)?;
            }
        }
    }
    let whole = DataValidation::new()
        .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
        .set_input_title("数量")?
        .set_input_message("本学年的数量：0 或正整数，不写单位")?
        .set_error_message("数量必须是 0 或正整数")?;
    sheet.add_data_validation(1, 2, ROWS, 2, &whole)?;
    list(sheet, 4, Qualifier::ALL, "限定词（约数时填写）")?;
    list(sheet, 6, &["是", "否"], "分项不全")?;
    list(sheet, 8, &["事件"], "来源（按事件统计时填写）")?;
    Ok(())
}

fn disclosures(
    sheet: &mut Worksheet,
    department: &Department,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("清单")?;
    header(sheet, &DISCLOSURE_COLUMNS, bold)?;
    for (row, d) in (1u32..).zip(&department.disclosures) {
        let cells = disclosure_cells(d);
        for (c, cell) in (0u16..).zip(&cells) {
            if !cell.is_empty() {
                sheet.write_string(row, c, cell)?;
            }
        }
    }
    list(sheet, 1, Status::ALL, "状态")?;
    Ok(())
}

fn instructions(
    sheet: &mut Worksheet,
    department: &Department,
    options: &Options,
    bold: &Format,
) -> Result<(), XlsxError> {
    sheet.set_name("说明")?;
    sheet.set_column_width(0, 100)?;
    let lines = [
        format!("{} {} 学年信息公开数据：填写说明", department.name, options.year),
        "“数量”表：每行是报告中的一个数字。请在“数量”列填写本学年的数量（0 或正整数，不写单位）。".to_owned(),
        "“备注”列是上学年的数量，仅供参考；约数请在“限定词”列保留 约、近、余 或 多。".to_owned(),
        "“来源”为“事件”的行不填数量：数量由本部门提交的事件文件（日期、渠道、类别、标题）统计。".to_owned(),
        "“清单”表：每行是《高等学校信息公开事项清单》的一项。请核对链接，并在“公开日期”填写本学年的公开日期。".to_owned(),
        "状态填 已公开、部分公开 或 不适用；不适用时须在“说明”写明理由。“说明”会印在报告的清单事项表中，仅供内部参考的话请写在“备注”列（不会被读取）。".to_owned(),
        format!("填好后交信息公开办公室，或自行运行 disclose validate {} 检查。", options.year),
        "本“说明”表不会被读取，可以保留。".to_owned(),
    ];
    for (row, line) in (0u32..).zip(&lines) {
        if row == 0 {
            sheet.write_string_with_format(row, 0, line, bold)?;
        } else {
            sheet.write_string(row, 0, line)?;
        }
    }
    Ok(())
}
