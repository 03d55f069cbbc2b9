//! Every rule `disclose` checks, as data: the single list `disclose rules` prints.
//!
//! A rule has a stable id (`D` + family digit + number), a default level, a one-line summary
//! and a longer explanation for `disclose rules <ID>`. The families are:
//!
//! - `D1xx` input: files that cannot be read as submissions (syntax, keys, types, encodings);
//! - `D2xx` checklist: the Ministry's disclosure checklist, item by item;
//! - `D3xx` consistency: totals and their parts, disclosure-request balances, duplicates;
//! - `D4xx` dates: malformed dates, dates outside the statistics period, the issue date;
//! - `D5xx` report: the outline's parts and the narrative the office writes.
//!
//! Which code emits a rule: [`crate::findings::problem::Problem::rule`] maps every kind of finding to its
//! rule, and the tests beside each check exercise it.

use crate::findings::diagnostic::Level;

/// A rule: what `disclose` checks, and how serious a breach is by default.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, e.g. `D301`.
    pub id: &'static str,
    /// Default level; a year may change it.
    pub level: Level,
    /// One line, English.
    pub summary: &'static str,
    /// One line, Chinese.
    pub summary_zh: &'static str,
    /// Why the rule exists and how to fix a finding.
    pub explanation: &'static str,
}

macro_rules! rules {
    ($( $name:ident = $id:literal, $level:ident, $summary:literal, $zh:literal, $explanation:literal; )*) => {
        $(
            #[doc = $summary]
            pub const $name: Rule = Rule {
                id: $id,
                level: Level::$level,
                summary: $summary,
                summary_zh: $zh,
                explanation: $explanation,
            };
        )*
        /// Every rule, in id order.
        pub const ALL: &[&Rule] = &[$(&$name),*];
    };
}

rules! {
    SYNTAX = "D101", Error,
        "a TOML, CSV or Excel file has a syntax error",
        "TOML、CSV 或 Excel 文件有语法错误",
        "The file cannot be parsed. TOML errors point at the first character the parser could not \
         accept; CSV errors at the record. Fix the syntax; nothing else in the file is checked \
         until it parses (for TOML), or the bad record is skipped (for CSV). An .xlsx file that \
         is not a workbook Excel could have written (damaged, or another format renamed) is \
         reported at the file: open it in Excel and save it again as .xlsx.";
    UNKNOWN_KEY = "D102", Error,
        "an unknown key or column",
        "未知的键或列名",
        "A key in a TOML file or a column in a CSV header that disclose does not know. This is \
         almost always a typo, and the value would otherwise be silently ignored. The message \
         suggests the closest known name. docs/submissions.md lists every key and column.";
    MISSING_FIELD = "D103", Error,
        "a required field is missing or empty",
        "缺少必填字段",
        "A row or table lacks a field disclose needs, such as a count's channel, item or unit, or \
         the report's school name. Add the field. A count that is not known yet is still a \
         missing field: compile with --draft to see a placeholder instead.";
    WRONG_TYPE = "D104", Error,
        "a value has the wrong type",
        "值的类型不正确",
        "A value is of a different kind than the key expects: text where a number or date is \
         expected, a single value where a list is expected, and so on. In an Excel sheet, a cell \
         showing an error value (#N/A, #VALUE!, #REF!) holds no value: type the value, or fix \
         the formula.";
    BAD_COUNT = "D105", Error,
        "a count is negative, fractional or not a number",
        "数量为负数、小数或不是数字",
        "Counts are whole numbers of zero or more, written with digits (884), optionally with \
         thousands separators (1,481) or 万 (1万). Approximate figures keep their number and \
         say so in the qualifier column: 约 / 近 / 余 / 多.";
    EMPTY_FILE = "D106", Error,
        "a submission file is empty",
        "提交的文件为空",
        "The file has no rows (or, for a CSV, only a header). A department that has nothing to \
         report this year should still say so explicitly, e.g. with a count of 0.";
    DUPLICATE = "D107", Error,
        "the same figure or row is reported twice",
        "同一数据重复填报",
        "Each channel/item pair is one figure of the report and may be reported once, by one \
         department. Two rows with the same channel and item, in one file or in two \
         departments' files, would make the report ambiguous: keep one.";
    UNKNOWN_DEPARTMENT = "D108", Error,
        "a file or reference names a department the year does not list",
        "未列入本年度部门名单的部门",
        "A year's report.toml lists its departments in `departments`; every submission file is \
         named after one of them (宣传部.csv, 宣传部-微信.csv), and owners named in checklist \
         entries must be listed too. Add the department to the list or rename the file.";
    UNKNOWN_ITEM = "D109", Error,
        "a checklist item id that the checklist does not have",
        "清单中不存在的事项编号",
        "Checklist entries name an item of the year's checklist by its id (1 to 50 for the \
         Ministry's 2014 checklist). `disclose checklist` prints the ids.";
    UNKNOWN_REFERENCE = "D110", Error,
        "a reference to something that does not exist",
        "引用了不存在的对象",
        "A count's `parent` names an item that its channel does not have, a department text \
         names an `area` that report.toml does not define, or a paragraph names a figure \
         `{渠道/类别}` that no department submitted. Fix the name.";
    NOT_UTF8 = "D111", Warning,
        "a file is not UTF-8 and was read as GB18030",
        "文件不是 UTF-8 编码，已按 GB18030 读取",
        "Excel on a Chinese Windows saves CSV files in GBK. disclose reads them as GB18030 (which \
         contains GBK) when the file is not valid UTF-8. Check that the Chinese text in the \
         report looks right; save as \"CSV UTF-8\" to silence this warning.";
    UNDECODABLE = "D112", Error,
        "a file is neither UTF-8 nor GB18030",
        "文件既不是 UTF-8 也不是 GB18030 编码",
        "Some bytes are not valid in UTF-8 or in GB18030, so the file is probably not a text \
         file, or is in another encoding. Save it again as \"CSV UTF-8\".";
    BAD_VALUE = "D113", Error,
        "a value is not one of the allowed values",
        "取值不在允许范围内",
        "Some fields take one of a few values: a qualifier (约, 近, 余, 多), a source (事件), a \
         status (已公开, 部分公开, 不适用), a request outcome. The message lists what is allowed.";
    IGNORED_FILE = "D114", Warning,
        "a file in the year folder is not read",
        "年度文件夹中的文件未被读取",
        "Only report.toml and department files ending in .toml, .csv or .xlsx are read. \
         Anything else (a Word draft, a PDF, an old .xls workbook) is ignored: move it elsewhere \
         if it is not a submission, or convert it (in Excel, save an .xls file as .xlsx).";
    BAD_PHRASE = "D115", Error,
        "a phrase has an unknown slot, unbalanced braces or no {数量}",
        "措辞模板中有未知的占位符、括号不配对或没有 {数量}",
        "A phrase is the sentence the report prints for a figure, with slots in braces: \
         {数量} (the figure with its unit), {分项} (its breakdown), {渠道}, {类别}. Write \
         a literal brace as {{ or }}. Every phrase prints its number: {数量} must be in it.";
    RAGGED_ROW = "D116", Warning,
        "a CSV row has fewer cells than its header",
        "CSV 文件中某行的单元格少于表头的列数",
        "A row with fewer cells than the header is read with the missing cells empty: a row \
         written by hand that stops early loses its last fields (the phrase, the remark) without \
         a word. Excel always writes every cell; a row typed in a text editor should keep a comma \
         for each empty cell. If the missing cells are meant to be empty, add the commas; if a \
         cell in the middle was forgotten, the cells after it are in the wrong columns.";
    CHECKLIST_UNACCOUNTED = "D201", Error,
        "a checklist item is not accounted for",
        "清单事项未说明公开情况",
        "The annual report must account for every item of the disclosure checklist: published \
         (with its link) or not applicable (with the reason). Add a `[[disclosure]]` entry for \
         the item to the owning department's submission.";
    CHECKLIST_TWICE = "D202", Error,
        "a checklist item is accounted for more than once",
        "清单事项重复说明",
        "One entry per checklist item: list every owner and link in that one entry rather than \
         repeating the item in several departments' files.";
    CHECKLIST_NO_LINK = "D203", Warning,
        "a published checklist item has no link",
        "已公开的清单事项没有链接",
        "The Ministry asks for the link where each checklist item is published. Add the URL of \
         the page on the university's 信息公开专栏.";
    CHECKLIST_NO_REASON = "D204", Error,
        "a checklist item marked not applicable or partly published gives no reason",
        "不适用或部分公开的清单事项没有说明理由",
        "\"Not applicable\" must say why (e.g. 学校无校办企业), so a reader can tell an exemption \
         from an omission; \"partly published\" must say what is not published and why (e.g. \
         涉及个人隐私的部分不予公开).";
    CHECKLIST_BAD_LINK = "D205", Error,
        "a checklist link is not an http(s) URL",
        "清单事项链接不是 http(s) 网址",
        "Links must be full web addresses starting with http:// or https://.";
    CHECKLIST_FOREIGN_LINK = "D206", Warning,
        "a checklist link points outside the university's own domains",
        "清单事项链接不在学校自有域名下",
        "When report.toml lists the university's domains, a link elsewhere is suspicious: \
         university pages are often mirrored on unrelated sites. Link to the original.";
    CHECKLIST_NO_ACCOUNT = "D207", Error,
        "the year gives no item-by-item account of the checklist",
        "本年度未逐项说明清单事项的公开情况",
        "More than half of the checklist's items are accounted for by nobody, and report.toml \
         assigns them to no department: the report gives no item-by-item account, which the \
         Ministry requires (教办厅函〔2017〕41号). Add `[[disclosure]]` entries, and assign items \
         in report.toml's `[owners]` so that each missing item is reported at its owner.";
    TOTAL_MISMATCH = "D301", Error,
        "a total does not equal the sum of its parts",
        "总数与分项之和不一致",
        "A count with parts (rows naming it as their `parent`) must equal their sum, e.g. 学校主页 \
         1481 = 要闻 884 + 校园动态 515 + 通知公告 82. If the parts are deliberately incomplete, \
         mark the total `partial = true` (分项不全 = 是).";
    PARTS_EXCEED = "D302", Error,
        "the parts of a partial breakdown exceed its total",
        "部分分项之和超过总数",
        "A total marked partial may have parts that do not add up to it, but their sum cannot be \
         larger than the total.";
    REQUESTS_BALANCE = "D303", Error,
        "disclosure requests do not balance",
        "依申请公开数据不平衡",
        "Requests received this year plus those carried over from last year must equal the \
         requests answered (each counted under one outcome only) plus those carried forward \
         to next year.";
    UNIT_MISMATCH = "D304", Warning,
        "a part's unit differs from its total's",
        "分项与总数的单位不一致",
        "A total and its parts are added up, so they should count the same thing: 条 and 条, \
         not 条 and 篇.";
    NO_EVENTS = "D305", Warning,
        "a count derived from events has no events",
        "按事件统计的数量没有任何事件",
        "The count says its number comes from event rows (来源 = 事件), but the department \
         submitted no events of that channel and item inside the statistics period, so it is 0.";
    UNUSED_EVENTS = "D306", Warning,
        "events that no count uses",
        "未被任何数量使用的事件",
        "Event rows of a channel and item that no count of the same department derives from \
         (来源 = 事件) do not reach the report. Add the count row, or fix the channel or item.";
    UNPLACED_FIGURE = "D307", Warning,
        "a figure that the report does not print",
        "报告中未使用的数据",
        "Every figure should appear in the report. A figure is printed when a channel group in \
         report.toml (`[[channels]]`, `figures = [...]`) names its channel, or its channel and \
         item, or when a paragraph names it as `{渠道/类别}`. Add it to a group, or name it.";
    EMPTY_SELECTOR = "D308", Warning,
        "a channel group names figures nobody submitted",
        "渠道分组引用了无人填报的数据",
        "A `figures` entry of a channel group in report.toml matches no submitted figure; the \
         sentence it stands for is missing from the report.";
    MISSING_DATA = "D309", Error,
        "figures the outline needs were not submitted",
        "报告所需数据未提交",
        "The outline's parts on disclosure requests and on complaints, reconsiderations and \
         lawsuits print numbers, and zero must be stated, not assumed: one department (usually \
         the 信息公开办公室) submits `[requests]` and `[complaints]`.";
    FORM_BALANCE = "D310", Error,
        "a column of the requests form does not balance",
        "申请情况表某一列不平衡",
        "In every column of the State Council's requests form (信息公开申请情况表): new requests \
         (一) plus those carried over (二) equal the total answered (三(七)) plus those carried \
         forward (四). The form prints this identity under itself.";
    FORM_OUTCOMES = "D311", Error,
        "the requests form's total is not the sum of its outcomes",
        "申请情况表的总计不等于各办理结果之和",
        "Row 三(七) 总计 is the sum of every outcome row above it, (一) to (六), in every column. \
         A request handled in parts is counted once, under 部分公开.";
    FORM_COLUMN_TOTAL = "D312", Error,
        "a form's 总计 column is not the sum of the other columns",
        "表中“总计”列不等于其他各列之和",
        "In both State Council forms, the last column is the total of the columns before it, in \
         every row: the applicants (自然人 … 其他) in the requests form, the results (结果维持 … \
         尚未审结) in the reconsiderations and lawsuits form.";
    UNPRINTED_DATA = "D313", Error,
        "submitted data that no part of the outline prints",
        "提交的数据在提纲的任何部分中都不会印出",
        "Requests, complaints, the State Council forms, channel groups and key areas reach the \
         report only through a part that holds them (`holds` in report.toml's outline). A year \
         whose outline has no such part would drop the data silently: add the content to a \
         part's `holds`, or leave the data out if the report does not carry it.";
    FORM_CELL = "D314", Error,
        "a cell or row of a State Council form is left empty",
        "国务院模板表格中有空单元格或缺行",
        "An empty cell is not a zero: the form's totals would be computed from what nobody \
         wrote. Write 0 where the number is zero, in every row and column of the form.";
    FORM_COUNT = "D315", Error,
        "a number named as a form's cell differs from the form",
        "与表格单元格对应的数字和表格不一致",
        "A count that says which cell of a State Council form it repeats (`form = \"申请/新收/总计\"`) \
         must equal that cell, so the prose and the table print the same number. Better still, \
         name the cell in the text itself: {申请/新收/总计}.";
    CARRIED_OVER = "D316", Error,
        "requests carried over differ from last year's carried forward",
        "本年的“上年结转”与上一年度的“结转下年度”不一致",
        "Requests left open at the end of last year are this year's carried-over requests. When \
         last year's folder is in the data folder, its carried-forward number (结转下年度继续办理) \
         must equal this year's carried-over number (上年结转), per applicant in the form.";
    REQUEST_DETAILS = "D317", Error,
        "the grounds, ways of arrival or fees of requests do not add up",
        "依申请公开的不予公开理由、申请方式或收费情况与数量不符",
        "The grounds of refused requests ([requests.grounds]) must add up to `refused`, and the \
         ways requests arrived ([requests.arrivals]) to `received`; fees waived cannot exceed the \
         fees due.";
    BAD_DATE = "D401", Error,
        "a date cannot be read",
        "日期无法识别",
        "Dates are written 2020-10-29, 2020/10/29, 2020.10.29 or 2020年10月29日, optionally \
         followed by a time.";
    OUTSIDE_PERIOD = "D402", Warning,
        "a date lies outside the statistics period",
        "日期不在统计期内",
        "Events dated outside the statistics period (by default 1 September to 31 August) are not \
         counted. Check the date: it may be a typo, or the row belongs to another year. A \
         checklist item's publication dates are this year's: an item published years ago and \
         still published gives no date, or the date of this year's update.";
    ISSUED_EARLY = "D403", Error,
        "the report is dated before its statistics period ends",
        "报告发布日期早于统计期结束",
        "A report about a period cannot be issued before the period is over. Check `issued` and \
         `period` in report.toml.";
    ISSUED_LATE = "D404", Warning,
        "the report is dated after 31 October",
        "报告发布日期晚于10月31日",
        "Universities publish the annual report by 31 October (《高等学校信息公开办法》).";
    UNUSUAL_PERIOD = "D405", Warning,
        "the statistics period is not 1 September to 31 August",
        "统计期不是9月1日至次年8月31日",
        "The academic-year report covers 1 September to 31 August. Another period is allowed \
         (set `period` in report.toml) but should be deliberate.";
    EXPORT_BAD_DATE = "D406", Warning,
        "rows of a platform export whose date cannot be read are not counted",
        "平台导出文件中日期无法识别的行不计入",
        "A platform export is counted row by row; a row whose date column cannot be read (empty, \
         or in a format the export's `date_format` does not describe) is left out. Check the \
         date format, or whether these rows are drafts the platform never published.";
    EXPORT_UNMAPPED = "D407", Warning,
        "rows of a platform export whose column value is not mapped are not counted",
        "平台导出文件中栏目未映射的行不计入",
        "Each value of the export's mapped column (e.g. the CMS column 学校要闻) must say what it \
         counts as in `[export.map]`. Rows with other values are left out: add the value to the \
         map if it belongs in the report.";
    EXPORT_DUPLICATE = "D408", Warning,
        "rows of a platform export that repeat an earlier row are not counted",
        "平台导出文件中的重复行不计入",
        "A row with the same link as an earlier one (or, without links, the same title and date) \
         is counted once. Exports repeat rows when an article is listed under two columns.";
    OWN_WINDOW = "D409", Warning,
        "a figure is counted over a period other than the report's",
        "某个数字的统计期间与报告的统计期间不同",
        "A figure with a `window` (统计期间) was counted over that window, not the report's \
         statistics period: a back-end that counts 2016年9月至2017年9月, say. The report can print \
         the window ({统计期间} in its phrase); this warning makes sure it is meant.";
    EMPTY_PART = "D501", Error,
        "a part of the report's outline is empty",
        "报告提纲中的某一部分为空",
        "Every part of the outline must say something; a part with nothing to report says so \
         (e.g. 无). Write the part's text in report.toml under `[parts.<key>]`.";
    COUNT_IN_TEXT = "D502", Error,
        "a count is written inside narrative text",
        "叙述文字中直接写入了数量",
        "Numbers in the report come from submissions, so that they can be checked and compared \
         from year to year. A number followed by a unit (条, 篇, 期, 份, 件, 项, 次, 人次…) \
         inside a paragraph is a figure: submit it as a count, and write `{渠道/类别}` in the \
         text where it belongs (组织专题培训{培训/专题培训} prints 组织专题培训 2 次), or put it \
         in a channel group.";
    STALE_YEAR = "D503", Warning,
        "narrative text names a different academic year",
        "叙述文字提到了其他学年",
        "Text that names another academic year (e.g. 2018-2019学年 in the 2019-2020 report) was \
         probably carried over from last year's report without review.";
    UNREVIEWED = "D504", Warning,
        "text carried over from last year is still marked for review",
        "沿用上年的文字仍标有【待审阅】",
        "`disclose init` copies last year's narrative into the new year and starts every \
         paragraph with 【待审阅】. Rewrite the paragraph for this year, then delete the marker. \
         The marker is printed in the report until then.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_sorted_and_well_formed() {
        for pair in ALL.windows(2) {
            assert!(
                pair[0].id < pair[1].id,
                "{} before {}",
                pair[0].id,
                pair[1].id
            );
        }
        for rule in ALL {
            assert_eq!(rule.id.len(), 4);
            assert!(rule.id.starts_with('D'));
            assert!(rule.id[1..].bytes().all(|b| b.is_ascii_digit()));
            assert!(!rule.summary.ends_with('.'));
            assert!(rule.explanation.len() > rule.summary.len());
        }
    }

    #[test]
    fn docs_rules_md_lists_every_rule_as_the_program_does() {
        let docs = include_str!("../../docs/rules.md");
        for rule in ALL {
            let row = format!(
                "| {} | {} | {} | {} |",
                rule.id,
                rule.level.as_str(),
                rule.summary,
                rule.summary_zh
            );
            assert!(docs.contains(&row), "docs/rules.md lacks: {row}");
        }
    }
}
