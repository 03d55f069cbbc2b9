//! The wording of every finding, in English and Chinese together.
//!
//! One uniform registry: one arm per kind of [`Problem`], each yielding the pair (English,
//! Chinese), so a finding without its Chinese text does not compile. Messages are lowercase,
//! name values in backticks, and say what to do when that is not obvious. Rule ids stay the
//! same in both languages. (Over 500 lines because it is this one table.)

use std::fmt::Write as _;

use crate::findings::diagnostic::{CAP, Lang};
use crate::findings::problem::{CountError, EmptyFix, LinkFault, Problem, Skipped, Special};
use crate::model::phrase::Slot;

/// The (English, Chinese) message of a finding.
#[allow(clippy::too_many_lines)] // one arm per kind of finding, each short
pub fn wording(problem: &Problem) -> (String, String) {
    use Problem as P;
    let suggest = |s: &Option<String>, zh: bool| match (s, zh) {
        (Some(s), false) => format!("; did you mean `{s}`?"),
        (Some(s), true) => format!("；是否应为 `{s}`？"),
        (None, _) => String::new(),
    };
    match problem {
            // TOML allows only ASCII letters, digits, - and _ in a bare key.
            P::TomlSyntax { message } if message.contains("unquoted key") => (
                format!(
                    "syntax error: {message}; a key in Chinese must be quoted (in [owners]: \"本科招生办\" = [7, 8]), and a department's keys are English (channel, item, number…); if this line is text, the string above it ended too early"
                ),
                format!(
                    "语法错误：{message}；中文的键须加引号（如 [owners] 中的 \"本科招生办\" = [7, 8]），部门文件的键用英文（channel、item、number……）；若这一行本是文字，是上面的字符串提前结束了"
                ),
            ),
            P::TomlSyntax { message } if message == "recursion limit" => (
                "syntax error: this key is nested too deep (TOML's recursion limit is 80 levels); write it with fewer dotted parts".to_owned(),
                "语法错误：这个键嵌套过深（TOML 最多 80 层）；请减少用点号连接的部分".to_owned(),
            ),
            P::TomlSyntax { message } | P::CsvSyntax { message } => (
                format!("syntax error: {message}"),
                format!("语法错误：{message}"),
            ),
            P::RaggedRow { fields, header, more } if fields > header => (
                format!(
                    "syntax error: this row has {fields} fields but the header has {header}{}",
                    more_rows(*more, false)
                ),
                format!(
                    "语法错误：这一行有 {fields} 个字段，而表头只有 {header} 列{}",
                    more_rows(*more, true)
                ),
            ),
            P::RaggedRow { fields, header, more } => (
                format!(
                    "this row has {fields} fields but the header has {header}: a cell is missing, so the cells after it may be in the wrong columns; write an empty cell where a value is left blank{}",
                    more_rows(*more, false)
                ),
                format!(
                    "这一行只有 {fields} 个字段，而表头有 {header} 列：少了单元格，其后各列可能错位；留空的值也要保留它的逗号{}",
                    more_rows(*more, true)
                ),
            ),
            P::BadWorkbook { message } => (
                format!(
                    "cannot open the Excel workbook: {message}; save it again from Excel as an .xlsx file"
                ),
                format!("无法打开 Excel 工作簿：{message}；请在 Excel 中另存为 .xlsx 文件"),
            ),
            P::NotDecimal { field, written, value, .. } => {
                let base = match written.get(..2) {
                    Some("0x") => ("hexadecimal", "十六进制"),
                    Some("0o") => ("octal", "八进制"),
                    _ => ("binary", "二进制"),
                };
                let (en_value, zh_value) = match value {
                    Some(n) => (format!(", which TOML reads as {n}"), format!("，TOML 读作 {n}")),
                    None => (String::new(), String::new()),
                };
                (
                    format!(
                        "`{field}` is written in {} (`{written}`{en_value}): write it in decimal digits",
                        base.0
                    ),
                    format!(
                        "`{field}` 用{}书写（`{written}`{zh_value}）：请用十进制数字书写",
                        base.1
                    ),
                )
            }
            P::CellOutsideTable { columns, more } => (
                format!(
                    "this value is outside the table, whose header spans columns {columns}: it is not read; move it into the column it belongs to, or delete it{}",
                    more_rows(*more, false)
                ),
                format!(
                    "这个值在表格之外（表头占 {columns} 列），不会被读取；请把它移到所属的列中，或者删除{}",
                    more_rows(*more, true)
                ),
            ),
            P::MergedCells { range } => (
                format!(
                    "cells {range} are merged: only the first holds the value and the others read as empty, so their rows lack it; unmerge the cells and fill the value into each of them"
                ),
                format!(
                    "单元格 {range} 已合并：只有第一个单元格有值，其余都读作空，相应各行就缺了这个值；请取消合并，并在每个单元格中填入该值"
                ),
            ),
            P::UnknownKey { key, suggestion, column } => both(|zh| match (zh, column) {
                (false, false) => format!("unknown key `{key}`{}", suggest(suggestion, zh)),
                (false, true) => format!("unknown column `{key}`{}", suggest(suggestion, zh)),
                (true, false) => format!("未知的键 `{key}`{}", suggest(suggestion, zh)),
                (true, true) => format!("未知的列名 `{key}`{}", suggest(suggestion, zh)),
            }),
            P::UnknownCsv { headers } => (
                format!(
                    "cannot tell what this table holds: the header `{headers}` has no `number`/`数量` (counts), `date`/`日期` (events) or `item_id`/`事项` (checklist) column"
                ),
                format!(
                    "无法判断这是哪种表格：表头 `{headers}` 中没有 `数量`（数量表）、`日期`（事件表）或 `事项`（清单表）"
                ),
            ),
            P::ExportSkipped { reason, value, more } => both(|zh| skipped_message(*reason, value, *more, zh)),
            P::ExportColumn { column, file, headers } => (
                format!(
                    "the export {file} has no column `{column}`; its columns are: {headers}"
                ),
                format!("导出文件 {file} 没有 `{column}` 列；它的列是：{headers}"),
            ),
            P::ExportMissing { file } => (
                format!("the export file `{file}` is not in the year folder"),
                format!("年度文件夹中没有导出文件 `{file}`"),
            ),
            P::UnknownFormRow { label, suggestion } => (
                format!("the form has no row `{label}`{}", suggest(suggestion, false)),
                format!("表中没有 `{label}` 这一行{}", suggest(suggestion, true)),
            ),
            P::AmbiguousCsv => (
                "the header has both a number and a date column: submit counts and events as separate files".to_owned(),
                "表头同时有 `数量` 和 `日期`：数量表和事件表请分开提交".to_owned(),
            ),
            P::MissingField { field } => (
                format!("missing `{field}`"),
                format!("缺少 `{field}`"),
            ),
            P::WrongType { field, expected } => (
                format!("`{field}` must be {}", expected.name(Lang::En)),
                format!("`{field}` 应为{}", expected.name(Lang::Zh)),
            ),
            P::CellError { field, error } => (
                format!(
                    "`{field}` holds the Excel error `{error}`; type the value, or fix the formula"
                ),
                format!("`{field}` 单元格是 Excel 错误值 `{error}`；请填写数值，或修正公式"),
            ),
            P::BadCount { field, value, reason } => both(|zh| count_message(field, value, *reason, zh)),
            P::EmptyFile => (
                "the file holds no data".to_owned(),
                "文件中没有数据".to_owned(),
            ),
            P::DuplicateFigure { key, .. } => (
                format!("`{key}` is reported twice"),
                format!("`{key}` 重复填报"),
            ),
            P::DuplicateColumn { column } => (
                format!("the column `{column}` appears twice"),
                format!("列 `{column}` 重复出现"),
            ),
            P::DuplicateTable { table, .. } => (
                format!("`[{table}]` is reported twice; one department reports it, once"),
                format!("`[{table}]` 只能由一个部门填报一次"),
            ),
            P::UnknownDepartment { name, suggestion } => (
                format!(
                    "department `{name}` is not listed in report.toml's `departments`{}",
                    suggest(suggestion, false)
                ),
                format!("部门 `{name}` 不在 report.toml 的 `departments` 名单中{}", suggest(suggestion, true)),
            ),
            P::UnknownItem { id } => (
                format!("the checklist has no item `{id}`"),
                format!("清单中没有编号为 `{id}` 的事项"),
            ),
            P::UnknownFigureRef { key, suggestion } => (
                format!(
                    "the text names the figure `{{{key}}}`, which no department submitted: a reference must be a count's channel/item exactly{}",
                    suggest(suggestion, false)
                ),
                format!(
                    "文字中引用的数据 `{{{key}}}` 无人填报：引用须与某个数量行的“渠道/类别”完全一致{}",
                    suggest(suggestion, true)
                ),
            ),
            P::UnknownParent { channel, parent, suggestion } => (
                format!(
                    "parent `{parent}` is not an item of channel `{channel}`{}",
                    suggest(suggestion, false)
                ),
                format!(
                    "渠道 `{channel}` 中没有上级项目 `{parent}`{}",
                    suggest(suggestion, true)
                ),
            ),
            P::UnknownArea { area, suggestion } => (
                format!(
                    "area `{area}` is not defined in report.toml's `[[areas]]`{}",
                    suggest(suggestion, false)
                ),
                format!(
                    "report.toml 的 `[[areas]]` 中没有领域 `{area}`{}",
                    suggest(suggestion, true)
                ),
            ),
            P::UnknownOutline { id, known } => (
                format!("unknown outline `{id}`; known: {known}"),
                format!("未知的提纲 `{id}`；可选：{known}"),
            ),
            P::UnknownRule { id } => (
                format!("there is no rule `{id}` (see `disclose rules`)"),
                format!("没有编号为 `{id}` 的规则（见 `disclose rules`）"),
            ),
            P::NotUtf8 { encoding } => (
                format!("the file is not UTF-8; read as {encoding}"),
                format!("文件不是 UTF-8 编码，已按 {encoding} 读取"),
            ),
            P::Undecodable => (
                "the file is neither UTF-8 nor GB18030 and was not read; save it again as UTF-8 (in Excel: \"CSV UTF-8\")".to_owned(),
                "文件既不是 UTF-8 也不是 GB18030 编码，未能读取；请以 UTF-8 编码重新保存（Excel：另存为“CSV UTF-8”）".to_owned(),
            ),
            P::BadValue { field, value, allowed, suggestion } => (
                format!(
                    "`{value}` is not a valid `{field}`; use one of {allowed}{}",
                    suggest(suggestion, false)
                ),
                format!(
                    "`{field}` 的值 `{value}` 无效；可选：{allowed}{}",
                    suggest(suggestion, true)
                ),
            ),
            P::IgnoredFile => (
                {
                    "this file is not read: only report.toml and department .toml, .csv, .xlsx and .xls files are"
                        .to_owned()
                },
                "此文件未被读取：只读取 report.toml 和各部门的 .toml、.csv、.xlsx、.xls 文件".to_owned(),
            ),
            P::ReversedPeriod { start, end } => (
                format!("the statistics period starts on {start}, after it ends on {end}"),
                format!("统计期的开始日 {start} 晚于结束日 {end}"),
            ),
            P::NumberWithEvents { field } => (
                format!(
                    "a count from events (source = 事件) has no number of its own; leave `{field}` empty"
                ),
                format!("按事件统计的数量（来源 = 事件）不能另填 `{field}`；请留空"),
            ),
            P::BadPhrase { slot } => {
                let known = |sep: &str| {
                    let names: Vec<String> = Slot::ALL.iter().map(|(zh, _, _)| format!("{{{zh}}}")).collect();
                    names.join(sep)
                };
                (
                    format!("unknown slot `{{{slot}}}` in the phrase; known: {}", known(", ")),
                    format!("措辞中的占位符 `{{{slot}}}` 未知；可用：{}", known("、")),
                )
            }
            P::UnbalancedBrace => (
                "unbalanced brace in the phrase; write a literal brace as {{ or }}".to_owned(),
                "措辞中的花括号不配对；字面的括号请写作 {{ 或 }}".to_owned(),
            ),
            P::PhraseWithoutNumber => (
                "the phrase has no {数量}, so the report would leave the number out; write {数量} where it belongs".to_owned(),
                "措辞中没有 {数量}，报告会漏掉这个数字；请在数字应出现的位置写 {数量}".to_owned(),
            ),
            P::ChecklistUnaccounted { items, owner } => both(|zh| {
                let list = items.join(", ");
                match (zh, owner, items.len()) {
                    (true, Some(o), _) => format!("清单事项 {list} 未说明公开情况（责任部门：{o}）"),
                    (true, None, _) => format!("清单事项 {list} 未说明公开情况"),
                    (false, Some(o), 1) => format!("checklist item {list} is not accounted for (owner: {o})"),
                    (false, Some(o), _) => format!("checklist items {list} are not accounted for (owner: {o})"),
                    (false, None, 1) => format!("checklist item {list} is not accounted for"),
                    (false, None, _) => format!("checklist items {list} are not accounted for"),
                }
            }),
            P::ChecklistNoAccount { missing, total } => (
                format!(
                    "the year gives no item-by-item account of the checklist: {missing} of its {total} items are not accounted for"
                ),
                format!(
                    "本年度未逐项说明清单事项：{total} 项中有 {missing} 项没有任何说明"
                ),
            ),
            P::ChecklistTwice { item, .. } => (
                format!("checklist item {item} is accounted for twice"),
                format!("清单事项 {item} 重复说明"),
            ),
            P::ChecklistNoLink { item, status } => (
                format!("checklist item {item} is marked {status} but has no link"),
                format!("清单事项 {item} 标为“{status}”，但没有链接"),
            ),
            P::ChecklistNoReason { item, partly, remark } => both(|zh| {
                let base = match (partly, zh) {
                    (false, true) => format!("清单事项 {item} 标为不适用，但没有说明理由（说明 / note）"),
                    (false, false) => format!(
                        "checklist item {item} is marked not applicable without a reason (说明 / note)"
                    ),
                    (true, true) => format!(
                        "清单事项 {item} 标为部分公开，但没有说明哪些未公开、为什么（说明 / note）"
                    ),
                    (true, false) => format!(
                        "checklist item {item} is marked partly published without saying what is not published and why (说明 / note)"
                    ),
                };
                match (remark, zh) {
                    (false, _) => base,
                    (true, true) => format!("{base}；“备注”列不会被读取，理由请写在“说明”列"),
                    (true, false) => format!(
                        "{base}; the 备注 column is never read: move the reason to 说明"
                    ),
                }
            }),
            P::ChecklistBadLink { link, fault } => both(|zh| link_message(link, fault, zh)),
            P::BadEventLink { link, fault } => both(|zh| {
                let base = link_message(link, fault, zh);
                if zh {
                    format!("事件的链接有误：{base}")
                } else {
                    format!("the event's link: {base}")
                }
            }),
            P::ChecklistForeignLink { link, domains } => (
                format!(
                    "the link `{link}` is not on the university's domains ({domains})"
                ),
                format!("链接 `{link}` 不在学校域名（{domains}）下"),
            ),
            P::TotalMismatch { key, total, sum, parts } => (
                format!(
                    "`{key}` is {total} but its parts sum to {sum} ({parts})"
                ),
                format!(
                    "`{key}` 总数为 {total}，但分项之和为 {sum}（{parts}）"
                ),
            ),
            P::PartsExceed { key, total, sum } => (
                format!(
                    "`{key}` is {total} but its (partial) parts already sum to {sum}"
                ),
                format!(
                    "`{key}` 总数为 {total}，但其部分分项之和已达 {sum}"
                ),
            ),
            P::RequestsBalance { total_in, answered, forward } => (
                format!(
                    "requests do not balance: received + carried over = {total_in}, but answered {answered} + carried forward {forward} = {}",
                    answered + forward
                ),
                format!(
                    "依申请公开数据不平衡：本年收到加上年结转共 {total_in} 件，办理完毕 {answered} 件加结转下年 {forward} 件共 {} 件",
                    answered + forward
                ),
            ),
            P::UnitMismatch { part, unit, total_unit } => (
                format!(
                    "the part `{part}` counts in `{unit}` but its total in `{total_unit}`"
                ),
                format!(
                    "分项 `{part}` 的单位是 `{unit}`，而总数的单位是 `{total_unit}`"
                ),
            ),
            P::NoEvents { key } => (
                format!(
                    "`{key}` is counted from events, but there are none of that channel and item in the period; it is 0"
                ),
                format!("`{key}` 按事件统计，但统计期内没有该渠道和类别的事件，计为 0"),
            ),
            P::UnusedEvents { key, count } => (
                format!(
                    "{count} `{key}` event(s) are not used by any count (source = events) and do not reach the report"
                ),
                format!(
                    "{count} 条 `{key}` 事件没有对应的数量行（来源 = 事件），不会进入报告"
                ),
            ),
            P::UnplacedFigure { key } => (
                format!(
                    "`{key}` is in no channel group of report.toml (`[[channels]]`), so the report does not print it"
                ),
                format!(
                    "`{key}` 不在 report.toml 的任何渠道分组（`[[channels]]`）中，报告中不会出现"
                ),
            ),
            P::EmptySelector { selector } => (
                format!("no department reports `{selector}`"),
                format!("没有部门填报 `{selector}`"),
            ),
            P::MissingData { table } => (
                format!(
                    "no department reports `[{table}]`, which the report's outline needs"
                ),
                format!("没有部门填报 `[{table}]`，报告缺少这部分数据"),
            ),
            P::MissingForm { form, first_column } => (
                format!(
                    "no department sent the {form}, which the report's outline prints: the department that handles it sends a CSV file or Excel sheet whose first row is 项目,{first_column},… (docs/submissions.md, “State Council forms”)"
                ),
                format!(
                    "没有部门提交报告提纲所需的{form}：由负责的部门提交 CSV 文件或 Excel 工作表，第一行为 项目,{first_column},…（见 docs/submissions.md 的“State Council forms”）"
                ),
            ),
            P::FormBalance { column, total_in, total_out } => (
                format!(
                    "the column `{column}` does not balance: new + carried over = {total_in}, but total + carried forward = {total_out}"
                ),
                format!(
                    "“{column}”列不平衡：新收加上年结转为 {total_in}，总计加结转下年为 {total_out}"
                ),
            ),
            P::FormOutcomes { column, total, sum } => (
                format!(
                    "the column `{column}` totals {total}, but its outcomes sum to {sum}"
                ),
                format!("“{column}”列的总计为 {total}，但各办理结果之和为 {sum}"),
            ),
            P::FormColumnTotal { row, total, sum } => (
                format!("the row `{row}` totals {total}, but its columns sum to {sum}"),
                format!("“{row}”一行的总计为 {total}，但各列之和为 {sum}"),
            ),
            P::BadDate { value } => (
                format!("`{value}` is not a date; write dates as 2020-10-29"),
                format!("无法识别的日期 `{value}`；请写作 2020-10-29"),
            ),
            P::OutsidePeriod { date, period, more } => both(|zh| match (zh, more) {
                (true, 0) => format!("日期 {date} 不在统计期（{period}）内，不计入"),
                (true, n) => format!(
                    "日期 {date} 不在统计期（{period}）内，不计入；本文件另有 {n} 条同类情况"
                ),
                (false, 0) => format!(
                    "{date} is outside the statistics period ({period}) and is not counted"
                ),
                (false, n) => format!(
                    "{date} is outside the statistics period ({period}) and is not counted; {n} more in this file"
                ),
            }),
            P::PublishedOutsidePeriod { date, period, before: false } => (
                format!(
                    "the publication date {date} is after the statistics period ({period}) ends, so it belongs to next year's report; is the date mistyped?"
                ),
                format!("公开日期 {date} 晚于统计期（{period}）结束，应列入下一年度的报告；日期是否写错？"),
            ),
            P::PublishedOutsidePeriod { date, period, before: true } => (
                format!(
                    "the publication date {date} is before the statistics period ({period}); give only dates inside it. An item published earlier and still published needs no date; if it was updated this year, give the update's date"
                ),
                format!(
                    "公开日期 {date} 早于统计期（{period}）；公开日期只填统计期内的。早已公开、本年度仍在公开的事项不填公开日期，本年度有更新的填更新日期"
                ),
            ),
            P::IssuedEarly { issued, end } => (
                format!(
                    "the report is dated {issued}, before its statistics period ends on {end}"
                ),
                format!("报告日期 {issued} 早于统计期结束日 {end}"),
            ),
            P::IssuedLate { issued, deadline } => (
                format!(
                    "the report is dated {issued}, after the deadline of {deadline} ({})",
                    if deadline.month() == 1 {
                        "31 January for a calendar year"
                    } else {
                        "31 October for an academic year"
                    }
                ),
                format!(
                    "报告日期 {issued} 晚于发布期限 {}",
                    crate::model::year::chinese_date(*deadline)
                ),
            ),
            P::UnusualPeriod { period, usual } => (
                format!("the statistics period {period} is not the year's usual {usual}"),
                format!("统计期 {period} 不是本年度通常的 {usual}"),
            ),
            P::EmptyPart { heading, fix: EmptyFix::Part(key) } => (
                format!(
                    "the part “{heading}” of the report is empty: write it in report.toml as [parts.{key}] text = \"…\" (\"无\" if there is nothing to report)"
                ),
                format!(
                    "报告的“{heading}”部分没有内容：请在 report.toml 的 [parts.{key}] 中写 text = \"……\"（无可报告时写“无”）"
                ),
            ),
            P::EmptyPart { heading, fix: EmptyFix::Area(key) } => (
                format!(
                    "the key area “{heading}” has no text: the responsible department submits [[text]] with area = \"{key}\", or give this [[areas]] entry a text"
                ),
                format!(
                    "重点领域“{heading}”没有文字：由负责部门提交 [[text]] area = \"{key}\"，或在这条 [[areas]] 中写 text"
                ),
            ),
            P::CountInText { text, title: false } => (
                format!(
                    "the count `{text}` is written into narrative text; submit it as a count and name it in the text as {{渠道/类别}}"
                ),
                format!(
                    "叙述中直接写了数量 `{text}`；请作为数量行提交，并在文字中写 {{渠道/类别}} 引用它"
                ),
            ),
            P::CountInText { text, title: true } => (
                format!(
                    "a title cannot hold the count `{text}`; move the number into the text, where {{渠道/类别}} names a submitted count"
                ),
                format!(
                    "标题中不能写数量 `{text}`；请把数字移到正文，在正文中用 {{渠道/类别}} 引用提交的数量"
                ),
            ),
            P::Unreviewed => (
                "this paragraph is still marked 【待审阅】 (`disclose init` carried it over from last year, or wrote it as a starter): rewrite it for this year, then delete the marker".to_owned(),
                "这段文字仍标有【待审阅】（由 disclose init 沿用上年文字或写出的示例）：请按本年度的情况改写后删去标记".to_owned(),
            ),
            P::FormCell { row, column, value } if value.is_empty() => (
                format!("the cell of `{row}` under `{column}` is empty; an empty cell is not a zero: write 0 if there were none"),
                format!("“{row}”一行“{column}”列的单元格为空；空单元格不等于零：没有的请填 0"),
            ),
            P::FormCell { row, column, value } => (
                format!("the cell of `{row}` under `{column}` holds `{value}`; write the number, 0 if there were none"),
                format!("“{row}”一行“{column}”列填的是 `{value}`；请填数字，没有的填 0"),
            ),
            P::FormRows { form, missing } => (
                format!("{form} has no row {}: every row of the form is filled in, with 0 where there were none", missing.join(", ")),
                format!("{form}缺少以下各行：{}；表格的每一行都要填写，没有的填 0", missing.join("、")),
            ),
            P::FormCount { key, cell, count, form } => (
                format!("`{key}` is {count}, but the form's cell `{cell}` it repeats is {form}"),
                format!("`{key}` 为 {count}，而它对应的表格单元格 `{cell}` 为 {form}"),
            ),
            P::UnknownFormCell { name, reason } => (
                format!("`{{{name}}}` names no cell of a submitted form: {}", reason.0),
                format!("`{{{name}}}` 不是已提交表格中的单元格：{}", reason.1),
            ),
            P::CarriedOver { column, this_year, last_year, last } => (
                format!("{this_year} request(s) carried over from last year ({column}), but last year's report ({last}) carried {last_year} forward"),
                format!("本年“上年结转”为 {this_year} 件（{column}），而上一年度报告（{last}）的“结转下年度”为 {last_year} 件"),
            ),
            P::RequestDetails { what, total, sum, of } => (
                format!("the {what} of requests sum to {sum}, but `{of}` is {total}"),
                format!("依申请公开的{}之和为 {sum}，而 `{of}` 为 {total}", match *what {
                    "grounds" => "不予公开理由",
                    "arrivals" => "申请方式",
                    _ => "减免费用",
                }),
            ),
            P::Imported { key, source } => (
                format!(
                    "`{key}` was imported from «{source}»: check the number, its unit and what it is called, then delete `imported`"
                ),
                format!("`{key}` 由导入得到，出自“{source}”：请核对数字、单位和名称，然后删去 `imported`"),
            ),
            P::UnprintedData { what, content } => (
                format!(
                    "{what} is submitted, but no part of the outline holds `{content}`, so the report would not print it: add \"{content}\" to a part's `holds` in report.toml's [outline], or leave it out"
                ),
                format!(
                    "提交了{what}，但提纲中没有哪一部分收录 `{content}`，报告不会印出：请在 report.toml 的 [outline] 中把 \"{content}\" 加到某一部分的 `holds`，或不要提交"
                ),
            ),
            P::OwnWindow { key, window, period } => (
                format!(
                    "`{key}` is counted over {window}, not the statistics period ({period}); the report prints it as counted"
                ),
                format!("`{key}` 按 {window} 统计，而不是按统计期间（{period}）；报告照此印出"),
            ),
            P::ShareWithoutTotal { key } => (
                format!(
                    "`{key}` has no total to take a share of: {{占比}} is a part's share of its total, for a row with a `parent`"
                ),
                format!("`{key}` 没有总数，无法计算占比：{{占比}} 是分项占其总数的比例，只用于有“上级”的行"),
            ),
            P::UnknownAttribute { name, known } => (
                format!("`:{name}` is not something a figure can print; known: {known}"),
                format!("`:{name}` 不是数字可以印出的内容；可用：{known}"),
            ),
            P::StaleYear { found, expected } => (
                format!(
                    "the text names {found}, but this is the {expected} report; carried over from another year?"
                ),
                format!("文字提到 {found}，而本报告是 {expected} 年度的；是否沿用了往年文字？"),
            ),
            P::More { rule, count } => (
                format!(
                    "{count} more finding(s) of this kind ({}: {}) in this file; only the first {CAP} are shown, from here on",
                    rule.id, rule.summary
                ),
                format!(
                    "本文件自此处起另有 {count} 处同类问题（{}：{}），只列出前 {CAP} 处",
                    rule.id, rule.summary_zh
                ),
            ),
            P::FormulaText { text } => (
                format!(
                    "`{text}` starts like a spreadsheet formula, which Excel would run when the file is opened; if it is meant as text, put a word before it"
                ),
                format!(
                    "`{text}` 开头像电子表格公式，用 Excel 打开文件时会被当作公式执行；如果它本是文字，请在前面加上文字"
                ),
            ),
            P::PathOutside { key, name } => (
                format!(
                    "`{key}` names `{name}`, which is not in the year folder, and it is not read; put the file in the year folder and give its name alone"
                ),
                format!(
                    "`{key}` 指向 `{name}`，不在本年度文件夹中，未读取；请把文件放进本年度文件夹，只写文件名"
                ),
            ),
            P::LinkOutside { target } => (
                format!(
                    "this file is a link to `{target}`, outside the data folder, and is not read; copy the file into the year folder instead"
                ),
                format!("此文件是指向数据文件夹以外 `{target}` 的链接，未读取；请把文件本身复制到本年度文件夹"),
            ),
            P::DanglingLink => (
                "this file is a link to nothing (its target is gone), and is not read".to_owned(),
                "此文件是一个链接，但它指向的文件不存在，未读取".to_owned(),
            ),
            P::NotAFile { kind } => {
                let (en, zh) = match kind {
                    Special::Fifo => ("a named pipe (FIFO)", "命名管道（FIFO）"),
                    Special::Device => ("a device", "设备文件"),
                    Special::Socket => ("a socket", "套接字"),
                };
                (
                    format!("this is {en}, not a file, and is not read"),
                    format!("这是{zh}，不是普通文件，未读取"),
                )
            }
    }
}

/// Why a link is not one to publish. The link is shown with its hidden characters spelt out.
fn link_message(link: &str, fault: &LinkFault, zh: bool) -> String {
    let link = visible(link);
    match (fault, zh) {
        // A host written without its scheme (xxgk.example.edu.cn/41.htm): say what to add.
        (LinkFault::NotHttp, false) if looks_like_host(&link) => {
            format!("`{link}` is not an http(s) URL: write it with its scheme, `https://{link}`")
        }
        (LinkFault::NotHttp, true) if looks_like_host(&link) => {
            format!("`{link}` 不是 http(s) 网址：请写完整，如 `https://{link}`")
        }
        (LinkFault::NotHttp, false) => format!("`{link}` is not an http(s) URL"),
        (LinkFault::NotHttp, true) => format!("`{link}` 不是 http(s) 网址"),
        (LinkFault::Invalid(reason), false) => {
            format!("`{link}` is not a valid http(s) URL ({reason})")
        }
        (LinkFault::Invalid(reason), true) => {
            format!("`{link}` 不是有效的 http(s) 网址（{reason}）")
        }
        (LinkFault::Space, false) => format!("`{link}` has white space in it; a URL has none"),
        (LinkFault::Space, true) => format!("`{link}` 中有空白；网址中不能有空格"),
        (LinkFault::Backslash, false) => format!(
            "`{link}` has a backslash, which a browser reads as `/` and so may open another site; write `/`"
        ),
        (LinkFault::Backslash, true) => {
            format!("`{link}` 中有反斜杠，浏览器会当作 `/`，可能打开别的网站；请写 `/`")
        }
        (LinkFault::Credentials, false) => format!(
            "`{link}` carries a user name or password before its host (`…@`): a browser opens the host after the `@`; link to the page itself"
        ),
        (LinkFault::Credentials, true) => format!(
            "`{link}` 在主机名前带有用户名或密码（`…@`）：浏览器打开的是 `@` 之后的主机；请直接链接到页面"
        ),
        (LinkFault::Hidden(_), false) => format!(
            "`{link}` holds an invisible or control character, so the link shown is not the address opened; type the link again"
        ),
        (LinkFault::Hidden(_), true) => {
            format!(
                "`{link}` 中含有不可见字符或控制字符，显示的链接与实际打开的地址不同；请重新输入链接"
            )
        }
        (LinkFault::NoDomain, false) => {
            format!("`{link}` names no domain (a host with a dot, such as www.example.edu.cn)")
        }
        (LinkFault::NoDomain, true) => {
            format!("`{link}` 没有域名（应是带点的主机名，如 www.example.edu.cn）")
        }
    }
}

/// Whether a link without a scheme starts with a host name (a word with a dot, before any `/`):
/// `xxgk.example.edu.cn/41.htm`, `www.example.edu.cn`.
fn looks_like_host(link: &str) -> bool {
    let host = link.split('/').next().unwrap_or_default();
    !link.contains("://")
        && host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

/// Whether a character makes a text shown differ from what it is: controls (NUL, newline), the
/// bidirectional overrides and marks, zero-width characters and the byte-order mark.
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{061C}'
                | '\u{FEFF}'
        )
}

/// `text` with its hidden characters ([`is_hidden`]) written as `\u{…}`, so a message shows them.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A message written once with a `zh` switch inside, in both languages.
/// "; 3 more such rows in this file", or nothing for none.
fn more_rows(more: u64, zh: bool) -> String {
    match (more, zh) {
        (0, _) => String::new(),
        (n, false) => format!("; {n} more such rows in this file"),
        (n, true) => format!("；本文件另有 {n} 行同类情况"),
    }
}

fn both(message: impl Fn(bool) -> String) -> (String, String) {
    (message(false), message(true))
}

fn skipped_message(reason: Skipped, value: &str, more: u64, zh: bool) -> String {
    let base = match (reason, zh) {
        (Skipped::BadDate, false) if value.is_empty() => {
            "the date is empty; the row is not counted".to_owned()
        }
        (Skipped::BadDate, true) if value.is_empty() => "日期为空，此行不计入".to_owned(),
        (Skipped::BadDate, false) => {
            format!("the date `{value}` cannot be read; the row is not counted")
        }
        (Skipped::BadDate, true) => format!("无法识别日期 `{value}`，此行不计入"),
        (Skipped::Unmapped, false) => {
            format!(
                "`{value}` is not in the export's mapping (`[export.map]`); the row is not counted"
            )
        }
        (Skipped::Unmapped, true) => {
            format!("`{value}` 不在导出映射（`[export.map]`）中，此行不计入")
        }
        (Skipped::Duplicate, false) => {
            format!("`{value}` repeats an earlier row; not counted twice")
        }
        (Skipped::Duplicate, true) => format!("`{value}` 与前面某行重复，不重复计入"),
        (Skipped::Outside, false) => {
            format!("{value} is outside the statistics period; the row is not counted")
        }
        (Skipped::Outside, true) => format!("{value} 不在统计期内，此行不计入"),
    };
    format!("{base}{}", more_rows(more, zh))
}

fn count_message(field: &str, value: &str, reason: CountError, zh: bool) -> String {
    // An approximate figure written into the number: its qualifier has a field of its own, in
    // the language of the number's field (a CSV header or a TOML key).
    // Only a count row's number has a qualifier beside it.
    let qualifier = ["约", "近", "余", "多"]
        .into_iter()
        .find(|q| value.contains(q))
        .filter(|_| matches!(field, "number" | "数量" | "数值"));
    if let (CountError::NotNumber, Some(q)) = (reason, qualifier) {
        let own = if field.is_ascii() {
            "qualifier"
        } else {
            "限定词"
        };
        return if zh {
            format!(
                "`{field}` 必须是阿拉伯数字，而不是 `{value}`（“{q}”请填在 `{own}`，这里只填数字）"
            )
        } else {
            format!(
                "`{field}` must be a number written in digits, not `{value}` (write `{q}` in `{own}` and only the digits here)"
            )
        };
    }
    // Only a count row's number with words in it needs the hint about the unit's column.
    let has_words =
        value.chars().any(char::is_alphabetic) && matches!(field, "number" | "数量" | "数值");
    match (reason, zh) {
        (CountError::Negative, false) => format!("`{field}` cannot be negative: `{value}`"),
        (CountError::Negative, true) => format!("`{field}` 不能为负数：`{value}`"),
        (CountError::Fraction, false) => {
            format!("`{field}` must be a whole number: `{value}`")
        }
        (CountError::Fraction, true) => format!("`{field}` 必须是整数：`{value}`"),
        (CountError::NotNumber, false) if has_words => format!(
            "`{field}` must be a number written in digits, not `{value}` (put the unit in its own column)"
        ),
        (CountError::NotNumber, true) if has_words => {
            format!("`{field}` 必须是阿拉伯数字，而不是 `{value}`（单位请填在单位列）")
        }
        (CountError::NotNumber, false) => {
            format!("`{field}` must be a number written in digits, not `{value}`")
        }
        (CountError::NotNumber, true) => format!("`{field}` 必须是阿拉伯数字，而不是 `{value}`"),
        (CountError::TooLarge, false) => format!("`{field}` is too large: `{value}`"),
        (CountError::TooLarge, true) => format!("`{field}` 数值过大：`{value}`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_without_its_scheme_is_told_what_to_add() {
        let message = link_message("xxgk.example.edu.cn/41.htm", &LinkFault::NotHttp, false);
        assert!(
            message.ends_with("`https://xxgk.example.edu.cn/41.htm`"),
            "{message}"
        );
        for other in [
            "ftp://example.edu.cn/a",
            "mailto:a@b.cn",
            "javascript:void(0)",
            "附件",
        ] {
            let message = link_message(other, &LinkFault::NotHttp, false);
            assert!(!message.contains("https://"), "{message}");
        }
    }
}
