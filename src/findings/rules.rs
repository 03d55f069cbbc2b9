//! Every rule `disclose` checks, as data: the single list `disclose rules` prints.
//!
//! A rule has a stable id (`D` + family digit + number), a default level, a one-line summary
//! and a longer explanation for `disclose rules <ID>`, the last two in English and in Chinese
//! (the `rules!` macro takes all four, so a rule cannot be added without its Chinese). The
//! families are:
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
    /// Why the rule exists and how to fix a finding, English.
    pub explanation: &'static str,
    /// The same, Chinese.
    pub explanation_zh: &'static str,
}

macro_rules! rules {
    ($(
        $name:ident = $id:literal, $level:ident,
        $summary:literal, $zh:literal, $explanation:literal, $explanation_zh:literal;
    )*) => {
        $(
            #[doc = $summary]
            pub const $name: Rule = Rule {
                id: $id,
                level: Level::$level,
                summary: $summary,
                summary_zh: $zh,
                explanation: $explanation,
                explanation_zh: $explanation_zh,
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
         reported at the file: open it in Excel and save it again as .xlsx.",
        "文件无法解析。TOML 的错误指向解析器无法接受的第一个字符，CSV 的错误指向出错的\
         那条记录。请改正语法：TOML 文件能够解析之前，其中其他内容都不检查；CSV 文件中出错\
         的记录会被跳过。.xlsx 文件如果不是 Excel 能写出的工作簿（文件已损坏，或是其他格式\
         改了扩展名），问题会标在文件上：请用 Excel 打开，再另存为 .xlsx。";
    UNKNOWN_KEY = "D102", Error,
        "an unknown key or column",
        "未知的键或列名",
        "A key in a TOML file or a column in a CSV header that disclose does not know. This is \
         almost always a typo, and the value would otherwise be silently ignored. The message \
         suggests the closest known name. docs/submissions.md lists every key and column.",
        "TOML 文件中的键或 CSV 表头中的列名，是 disclose 不认识的。这几乎总是拼写错误；\
         如果不报出，这个值就会被悄悄忽略。提示信息会给出最接近的已知名称。所有的键和列名\
         见 docs/submissions.md。";
    MISSING_FIELD = "D103", Error,
        "a required field is missing or empty",
        "缺少必填字段",
        "A row or table lacks a field disclose needs, such as a count's channel, item or unit, or \
         the report's school name. Add the field. A count that is not known yet is still a \
         missing field: compile with --draft to see a placeholder instead.",
        "某一行或某个表缺少 disclose 需要的字段，例如数量的渠道、类别或单位，或报告的\
         学校名称。请补上该字段。尚不知道的数量也算缺少字段：用 --draft 编写草稿，可以先看\
         到占位符。";
    WRONG_TYPE = "D104", Error,
        "a value has the wrong type",
        "值的类型不正确",
        "A value is of a different kind than the key expects: text where a number or date is \
         expected, a single value where a list is expected, and so on. In an Excel sheet, a cell \
         showing an error value (#N/A, #VALUE!, #REF!) holds no value: type the value, or fix \
         the formula.",
        "值的类型与键的要求不符：该填数字或日期的地方填了文字，该填列表的地方只填了一\
         个值，等等。在 Excel 工作表中，显示错误值（#N/A、#VALUE!、#REF!）的单元格没有值：\
         请填入数值，或改正公式。";
    BAD_COUNT = "D105", Error,
        "a count is negative, fractional or not a number",
        "数量为负数、小数或不是数字",
        "Counts are whole numbers of zero or more, written with digits (884), optionally with \
         thousands separators (1,481) or 万 (1万). Approximate figures keep their number and \
         say so in the qualifier column: 约 / 近 / 余 / 多.",
        "数量是零或正整数，用阿拉伯数字书写（884），可以带千位分隔符（1,481）或用“万”\
         （1万）。约数仍写出数字，并在限定词一列注明：约、近、余、多。";
    EMPTY_FILE = "D106", Error,
        "a submission file is empty",
        "提交的文件为空",
        "The file has no rows (or, for a CSV, only a header). A department that has nothing to \
         report this year should still say so explicitly, e.g. with a count of 0.",
        "文件中没有任何行（CSV 文件则是只有表头）。本年度没有内容可报告的部门，也应明\
         确说明，例如填报数量 0。";
    DUPLICATE = "D107", Error,
        "the same figure or row is reported twice",
        "同一数据重复填报",
        "Each channel/item pair is one figure of the report and may be reported once, by one \
         department. Two rows with the same channel and item, in one file or in two \
         departments' files, would make the report ambiguous: keep one.",
        "每一对渠道和类别是报告中的一个数字，只能由一个部门填报一次。渠道和类别都相同\
         的两行，无论在同一文件中还是在两个部门的文件中，都会使报告含义不明：请只保留一行。";
    UNKNOWN_DEPARTMENT = "D108", Error,
        "a file or reference names a department the year does not list",
        "未列入本年度部门名单的部门",
        "A year's report.toml lists its departments in `departments`; every submission file is \
         named after one of them (宣传部.csv, 宣传部-微信.csv), and owners named in checklist \
         entries must be listed too. Add the department to the list or rename the file.",
        "每个学年的 report.toml 在 `departments` 中列出本年度的部门；每个提交文件都以\
         其中一个部门命名（宣传部.csv、宣传部-微信.csv），清单条目中写到的责任部门也必须在\
         名单中。请把该部门加入名单，或给文件改名。";
    UNKNOWN_ITEM = "D109", Error,
        "a checklist item id that the checklist does not have",
        "清单中不存在的事项编号",
        "Checklist entries name an item of the year's checklist by its id (1 to 50 for the \
         Ministry's 2014 checklist). `disclose checklist` prints the ids.",
        "清单条目用编号指明本年度清单中的事项（教育部 2014 年的清单为 1 至 50）。`disclose checklist` 会\
         列出所有编号。";
    UNKNOWN_REFERENCE = "D110", Error,
        "a reference to something that does not exist",
        "引用了不存在的对象",
        "A count's `parent` names an item that its channel does not have, a department text \
         names an `area` that report.toml does not define, or a paragraph names a figure \
         `{渠道/类别}` that no department submitted. Fix the name.",
        "数量的 `parent` 指向其渠道中没有的类别，部门文字的 `area` 是 report.toml 中没\
         有定义的领域，或者段落引用的数字 `{渠道/类别}` 没有任何部门提交。请改正名称。";
    NOT_UTF8 = "D111", Warning,
        "a file is not UTF-8 and was read as GB18030",
        "文件不是 UTF-8 编码，已按 GB18030 读取",
        "Excel on a Chinese Windows saves CSV files in GBK. disclose reads them as GB18030 (which \
         contains GBK) when the file is not valid UTF-8. Check that the Chinese text in the \
         report looks right; save as \"CSV UTF-8\" to silence this warning.",
        "中文版 Windows 上的 Excel 以 GBK 编码保存 CSV 文件。文件不是有效的 UTF-8 时，\
         disclose 按 GB18030（包含 GBK）读取。请核对报告中的中文是否正确；另存为“CSV UTF-\
         8（逗号分隔）”格式即可消除此警告。";
    UNDECODABLE = "D112", Error,
        "a file is neither UTF-8 nor GB18030",
        "文件既不是 UTF-8 也不是 GB18030 编码",
        "Some bytes are not valid in UTF-8 or in GB18030, so the file is probably not a text \
         file, or is in another encoding. Save it again as \"CSV UTF-8\".",
        "文件中有些字节在 UTF-8 和 GB18030 中都无效，因此它可能不是文本文件，或者使用\
         了其他编码。请重新另存为“CSV UTF-8（逗号分隔）”格式。";
    BAD_VALUE = "D113", Error,
        "a value is not one of the allowed values",
        "取值不在允许范围内",
        "Some fields take one of a few values: a qualifier (约, 近, 余, 多), a source (事件), a \
         status (已公开, 部分公开, 不适用), a request outcome. The message lists what is allowed.",
        "有些字段只能取几个值之一：限定词（约、近、余、多）、来源（事件）、状态（已公\
         开、部分公开、不适用）、申请的办理结果。提示信息会列出允许的值。";
    IGNORED_FILE = "D114", Warning,
        "a file in the year folder is not read",
        "年度文件夹中的文件未被读取",
        "Only report.toml and department files ending in .toml, .csv, .xlsx or .xls are read. \
         Anything else (a Word draft, a PDF, a WPS .et sheet) is ignored: move it elsewhere \
         if it is not a submission, or convert it (save a sheet from Excel or WPS as .xlsx).",
        "只读取 report.toml 和以 .toml、.csv、.xlsx 或 .xls 结尾的部门文件。其他文件（Word \
         草稿、PDF、WPS 的 .et 表格）都会被忽略：不是提交文件的，请移到别处；是提交文件的，\
         请转换格式（在 Excel 或 WPS 中另存为 .xlsx）。";
    BAD_PHRASE = "D115", Error,
        "a phrase has an unknown slot, unbalanced braces or no {数量}",
        "措辞模板中有未知的占位符、括号不配对或没有 {数量}",
        "A phrase is the sentence the report prints for a figure, with slots in braces: \
         {数量} (the figure with its unit), {分项} (its breakdown), {渠道}, {类别}. Write \
         a literal brace as {{ or }}. Every phrase prints its number: {数量} must be in it.",
        "措辞模板是报告为一个数字写出的句子，其中用花括号标出占位符：{数量}（数字及其\
         单位）、{分项}（分项明细）、{渠道}、{类别}。花括号本身写作 {{ 或 }}。每个措辞模板\
         都要写出数字，所以其中必须有 {数量}。";
    RAGGED_ROW = "D116", Warning,
        "a CSV row has fewer cells than its header",
        "CSV 文件中某行的单元格少于表头的列数",
        "A row with fewer cells than the header is read with the missing cells empty: a row \
         written by hand that stops early loses its last fields (the phrase, the remark) without \
         a word. Excel always writes every cell; a row typed in a text editor should keep a comma \
         for each empty cell. If the missing cells are meant to be empty, add the commas; if a \
         cell in the middle was forgotten, the cells after it are in the wrong columns.",
        "少于表头列数的行按缺少的单元格为空来读：在文本编辑器中手写、提前结束的一行会悄悄丢掉最后几个\
         字段（措辞、备注）。Excel 总会写出每个单元格；手写的行应为每个空单元格保留一个逗号。缺少的单元格\
         本来就应为空时，补上逗号；如果是中间漏了一个单元格，其后各列都已错位。";
    CELL_OUTSIDE_TABLE = "D117", Error,
        "a value in a sheet lies outside its table's columns",
        "工作表中有值位于表格各列之外",
        "A sheet's table spans the columns of its header, from its first named cell to its \
         last. A value to the left or right of them belongs to no column and is not read: a \
         note typed beside the table, a total in a spare column, or a stray value far away \
         (in XFD1048576, say) after a slip of the keyboard. The finding names its cell. Move \
         the value into the column it belongs to (and give the column a header if it has none), \
         or delete it; notes belong on a sheet named 说明.",
        "工作表中表格的范围是表头的各列，从第一个有名称的单元格到最后一个。其左侧或右侧的值\
         不属于任何一列，不会被读取：例如在表格旁边写的备注、多出一列的合计，或者误触键盘在很\
         远处（如 XFD1048576）留下的值。问题会标出它所在的单元格。请把它移到所属的列中（没有表\
         头的列请补上表头），或者删除；说明文字请放在名为“说明”的工作表中。";
    MERGED_CELLS = "D118", Error,
        "merged cells in a sheet's table",
        "工作表的表格中有合并单元格",
        "Merged cells show one value across several cells, but only the first of them holds \
         it: every other cell of the range is empty. In a table, the rows under a merged 渠道 \
         (channel) cell would have no channel, and a merged header leaves a column without a \
         name. The finding names the range once. Unmerge it (Excel: Home → Merge & Center → \
         Unmerge Cells) and fill the value into every cell of it (select the range, Ctrl+D).",
        "合并单元格把一个值显示在几个单元格上，但只有第一个单元格真正有值，其余都是空的。在表格\
         中，合并了“渠道”单元格的各行就没有渠道，合并了的表头会使某一列没有名称。问题会标出合并\
         区域，每个区域一次。请取消合并（Excel：开始 → 合并后居中 → 取消单元格合并），再在区域的\
         每个单元格中填入该值（选中区域后按 Ctrl+D）。";
    PATH_OUTSIDE = "D120", Error,
        "a file named in report.toml or a submission is outside the year folder",
        "report.toml 或提交文件中写的文件不在本学年文件夹中",
        "`checklist` in report.toml and an export's `file` name a file of the year folder by its \
         name alone (省清单.toml, 宣传部-网站导出.csv). A path that is absolute (/etc/…) or climbs \
         out of the folder (../) is not read, so that a year reads only its own files and \
         never prints another file's lines. Copy the file into the year folder and name it.",
        "report.toml 中的 `checklist` 和导出文件的 `file` 只写本学年文件夹中的文件名（省清单.toml、\
         宣传部-网站导出.csv）。绝对路径（/etc/…）或跳出文件夹的路径（../）不会被读取：每个学年只读\
         自己的文件，也绝不印出别处文件的内容。请把文件复制到学年文件夹，再写它的文件名。";
    NOT_A_FILE = "D121", Error,
        "an entry of the year folder is a link out of the data folder, a dangling link, a FIFO or a device",
        "学年文件夹中有指向数据文件夹以外的链接、失效的链接、命名管道或设备文件",
        "Only files are read. A symbolic link is followed while it stays inside the data folder; \
         one leading elsewhere (a file of the system, another user's folder) is not, nor a link \
         whose target is gone, nor a named pipe, a device or a socket, which are never opened. \
         Each is named, so that nothing is skipped without a word: copy the file itself into the \
         year folder, or remove the entry.",
        "只读取普通文件。符号链接只在指向数据文件夹以内时才会跟随；指向别处（系统文件、他人的文件夹）\
         的链接、目标已不存在的链接，以及命名管道、设备文件和套接字都不会被打开。每一个都会报出，\
         不会被悄悄跳过：请把文件本身复制到学年文件夹，或删去这一项。";
    BAD_EVENT_LINK = "D122", Warning,
        "an event's link is not a valid http(s) URL",
        "事件的链接不是有效的 http(s) 网址",
        "An event row's link (链接) is checked as checklist links are (D205): an http(s) address \
         as a browser reads it, with no user name or password, no backslash and no invisible \
         character. It is not printed in the report, but it identifies the event: copy it again \
         from the browser's address bar.",
        "事件行的链接（链接）与清单事项的链接（D205）一样检查：按浏览器的规则解析的 http(s) 网址，不带用户名或\
         密码，没有反斜杠和不可见字符。链接不会印在报告中，但它标识这条事件：请从浏览器地址栏重新复制。";
    FORMULA_TEXT = "D123", Warning,
        "a submitted text starts like a spreadsheet formula",
        "提交的文字开头像电子表格公式",
        "A text starting with `=`, `@`, or `+` or `-` before anything but a number is run by \
         Excel as a formula when a CSV holding it is opened (`=HYPERLINK(…)` can send a click \
         anywhere, `-cmd|…` can start a program). `disclose init` writes such texts into CSV \
         templates behind an apostrophe, so that a spreadsheet shows them as text; but a text \
         like that is almost always pasted from a spreadsheet by mistake. Check it, and if it is \
         meant, put a word before it.",
        "以 `=`、`@` 开头，或以 `+`、`-` 开头而后面不是数字的文字，在用 Excel 打开含有它的 CSV 文件时会被当作\
         公式执行（`=HYPERLINK(…)` 可以把点击引到任何地方，`-cmd|…` 可以启动程序）。`disclose init` 把这样的\
         文字写入 CSV 模板时会在前面加一个单引号，使电子表格把它显示为文字；但这样的文字几乎总是从电子表格中\
         误粘贴来的。请核对；如果确实要这样写，请在前面加上文字。";
    CHECKLIST_UNACCOUNTED = "D201", Error,
        "a checklist item is not accounted for",
        "清单事项未说明公开情况",
        "The annual report must account for every item of the disclosure checklist: published \
         (with its link) or not applicable (with the reason). Add a `[[disclosure]]` entry for \
         the item to the owning department's submission.",
        "年度报告必须逐项说明信息公开事项清单中每一项的情况：已公开（附链接），或不适\
         用（附理由）。请在负责部门的提交文件中，为该事项加一条 `[[disclosure]]`。";
    CHECKLIST_TWICE = "D202", Error,
        "a checklist item is accounted for more than once",
        "清单事项重复说明",
        "One entry per checklist item: list every owner and link in that one entry rather than \
         repeating the item in several departments' files.",
        "每个清单事项只写一条：把所有责任部门和链接都写在这一条中，不要在几个部门的文\
         件中重复同一事项。";
    CHECKLIST_NO_LINK = "D203", Warning,
        "a published checklist item has no link",
        "已公开的清单事项没有链接",
        "The Ministry asks for the link where each checklist item is published. Add the URL of \
         the page on the university's 信息公开专栏.",
        "教育部要求写明每个清单事项公开所在的链接。请补上学校信息公开专栏中相应页面的\
         网址。";
    CHECKLIST_NO_REASON = "D204", Error,
        "a checklist item marked not applicable or partly published gives no reason",
        "不适用或部分公开的清单事项没有说明理由",
        "\"Not applicable\" must say why (e.g. 学校无校办企业), so a reader can tell an exemption \
         from an omission; \"partly published\" must say what is not published and why (e.g. \
         涉及个人隐私的部分不予公开).",
        "“不适用”必须说明理由（如：学校无校办企业），读者才能分辨这是免于公开还是遗漏；\
         “部分公开”必须说明哪些内容未公开及其原因（如：涉及个人隐私的部分不予公开）。";
    CHECKLIST_BAD_LINK = "D205", Error,
        "a checklist link is not a valid http(s) URL",
        "清单事项链接不是有效的 http(s) 网址",
        "Links must be full web addresses starting with http:// or https://, as a browser reads \
         them (the WHATWG URL rules): a valid host and port, no user name or password before the \
         host (`https://name@evil.com/` opens evil.com), no backslash (read as `/`), no white \
         space and no invisible, control or direction-changing character (U+202E), which make \
         the link shown differ from the address opened. The domain check (D206) looks at the \
         host a browser would open.",
        "链接必须是以 http:// 或 https:// 开头的完整网址，并按浏览器的规则（WHATWG URL 标准）解析：主机名\
         和端口有效；主机名前不能带用户名或密码（`https://name@evil.com/` 打开的是 evil.com）；不能有反斜杠\
         （会被当作 `/`）、空白，以及不可见字符、控制字符或改变文字方向的字符（U+202E），它们会使显示的\
         链接与实际打开的地址不同。域名检查（D206）看的是浏览器实际打开的主机。";
    CHECKLIST_FOREIGN_LINK = "D206", Warning,
        "a checklist link points outside the university's own domains",
        "清单事项链接不在学校自有域名下",
        "When report.toml lists the university's domains, a link elsewhere is suspicious: \
         university pages are often mirrored on unrelated sites. Link to the original.",
        "report.toml 列出了学校的域名时，指向其他网站的链接就值得怀疑：学校的网页常被\
         无关网站转载。请链接到原始页面。";
    CHECKLIST_NO_ACCOUNT = "D207", Error,
        "the year gives no item-by-item account of the checklist",
        "本年度未逐项说明清单事项的公开情况",
        "More than half of the checklist's items are accounted for by nobody, and report.toml \
         assigns them to no department: the report gives no item-by-item account, which the \
         Ministry requires (教办厅函〔2017〕41号). Add `[[disclosure]]` entries, and assign items \
         in report.toml's `[owners]` so that each missing item is reported at its owner.",
        "清单中过半数的事项没有任何部门说明，report.toml 也没有把它们分配给任何部门：\
         报告因而没有逐项说明清单事项的公开情况，而这是教育部的要求（教办厅函〔2017〕41号）。\
         请添加 `[[disclosure]]` 条目，并在 report.toml 的 `[owners]` 中分配事项，这样每个\
         未说明的事项都会在其责任部门处报出。";
    TOTAL_MISMATCH = "D301", Error,
        "a total does not equal the sum of its parts",
        "总数与分项之和不一致",
        "A count with parts (rows naming it as their `parent`) must equal their sum, e.g. 学校主页 \
         1481 = 要闻 884 + 校园动态 515 + 通知公告 82. If the parts are deliberately incomplete, \
         mark the total `partial = true` (分项不全 = 是).",
        "有分项的数量（即被其他行用 `parent` 指为上级的数量）必须等于各分项之和，例如：\
         学校主页 1481 = 要闻 884 + 校园动态 515 + 通知公告 82。如果分项有意不全，请把总数\
         标为 `partial = true`（分项不全 = 是）。";
    PARTS_EXCEED = "D302", Error,
        "the parts of a partial breakdown exceed its total",
        "部分分项之和超过总数",
        "A total marked partial may have parts that do not add up to it, but their sum cannot be \
         larger than the total.",
        "标为分项不全的总数，其分项之和可以小于总数，但不能大于总数。";
    REQUESTS_BALANCE = "D303", Error,
        "disclosure requests do not balance",
        "依申请公开数据不平衡",
        "Requests received this year plus those carried over from last year must equal the \
         requests answered (each counted under one outcome only) plus those carried forward \
         to next year.",
        "本年度收到的申请加上上年结转的申请，必须等于已答复的申请（每件只计入一种办理\
         结果）加上结转下年的申请。";
    UNIT_MISMATCH = "D304", Warning,
        "a part's unit differs from its total's",
        "分项与总数的单位不一致",
        "A total and its parts are added up, so they should count the same thing: 条 and 条, \
         not 条 and 篇.",
        "总数与分项要相加，所以计量的应是同一种东西：条与条，而不是条与篇。";
    NO_EVENTS = "D305", Warning,
        "a count derived from events has no events",
        "按事件统计的数量没有任何事件",
        "The count says its number comes from event rows (来源 = 事件), but the department \
         submitted no events of that channel and item inside the statistics period, so it is 0.",
        "该数量注明由事件行统计（来源 = 事件），但该部门在统计期内没有提交这一渠道和类\
         别的事件，因此数量为 0。";
    UNUSED_EVENTS = "D306", Warning,
        "events that no count uses",
        "未被任何数量使用的事件",
        "Event rows of a channel and item that no count of the same department derives from \
         (来源 = 事件) do not reach the report. Add the count row, or fix the channel or item.",
        "某一渠道和类别的事件行，如果同一部门没有任何数量据此统计（来源 = 事件），就不\
         会进入报告。请补上数量行，或改正渠道或类别。";
    UNPLACED_FIGURE = "D307", Warning,
        "a figure that the report does not print",
        "报告中未使用的数据",
        "Every figure should appear in the report. A figure is printed when a channel group in \
         report.toml (`[[channels]]`, `figures = [...]`) names its channel, or its channel and \
         item, or when a paragraph names it as `{渠道/类别}`. Add it to a group, or name it.",
        "每个数字都应出现在报告中。report.toml 中的渠道分组（`[[channels]]`、`figures \
         = [...]`）写出了它的渠道，或渠道和类别，或者某段文字以 `{渠道/类别}` 引用了它，这\
         个数字才会写入报告。请把它加入一个分组，或在文字中引用它。";
    EMPTY_SELECTOR = "D308", Warning,
        "a channel group names figures nobody submitted",
        "渠道分组引用了无人填报的数据",
        "A `figures` entry of a channel group in report.toml matches no submitted figure; the \
         sentence it stands for is missing from the report.",
        "report.toml 中某个渠道分组的 `figures` 条目与提交的任何数字都不匹配；它所代表\
         的句子在报告中缺失。";
    MISSING_DATA = "D309", Error,
        "figures the outline needs were not submitted",
        "报告所需数据未提交",
        "The outline's parts on disclosure requests and on complaints, reconsiderations and \
         lawsuits print numbers, and zero must be stated, not assumed: one department (usually \
         the 信息公开办公室) submits `[requests]` and `[complaints]`, or, under the State \
         Council's outline, the two forms (申请情况表, 复议诉讼情况表) as CSV files or Excel sheets.",
        "提纲中依申请公开和举报、复议、诉讼这两部分要写出数字，而且零也必须明确填报，\
         不能默认：由一个部门（通常是信息公开办公室）提交 `[requests]` 和 `[complaints]`；\
         采用国务院办公厅模板提纲的，提交两张表格（申请情况表、复议诉讼情况表）的 CSV 文件或 \
         Excel 工作表。";
    FORM_BALANCE = "D310", Error,
        "a column of the requests form does not balance",
        "申请情况表某一列不平衡",
        "In every column of the State Council's requests form (信息公开申请情况表): new requests \
         (一) plus those carried over (二) equal the total answered (三(七)) plus those carried \
         forward (四). The form prints this identity under itself.",
        "在国务院模板的信息公开申请情况表中，每一列都应满足：本年新收申请（一）加上年\
         结转申请（二），等于办理结果总计（三(七)）加结转下年度继续办理的申请（四）。表格\
         下方会写出这一等式。";
    FORM_OUTCOMES = "D311", Error,
        "the requests form's total is not the sum of its outcomes",
        "申请情况表的总计不等于各办理结果之和",
        "Row 三(七) 总计 is the sum of every outcome row above it, (一) to (六), in every column. \
         A request handled in parts is counted once, under 部分公开.",
        "三(七) 总计一行，在每一列中都是其上各办理结果行（一）至（六）之和。区分处理的\
         申请只计一次，计入“部分公开”。";
    FORM_COLUMN_TOTAL = "D312", Error,
        "a form's 总计 column is not the sum of the other columns",
        "表中“总计”列不等于其他各列之和",
        "In both State Council forms, the last column is the total of the columns before it, in \
         every row: the applicants (自然人 … 其他) in the requests form, the results (结果维持 … \
         尚未审结) in the reconsiderations and lawsuits form.",
        "国务院模板的两张表中，每一行的最后一列都是前面各列的合计：申请情况表中是各类\
         申请人（自然人……其他），行政复议和诉讼情况表中是各种结果（结果维持……尚未审结）。";
    UNPRINTED_DATA = "D313", Error,
        "submitted data that no part of the outline prints",
        "提交的数据在提纲的任何部分中都不会印出",
        "Requests, complaints, the State Council forms, channel groups and key areas reach the \
         report only through a part that holds them (`holds` in report.toml's outline). A year \
         whose outline has no such part would drop the data silently: add the content to a \
         part's `holds`, or leave the data out if the report does not carry it.",
        "依申请公开、举报复议诉讼、国务院模板表格、渠道分组和重点领域，只有通过收录它们的部分（report.toml \
         提纲中的 `holds`）才会进入报告。提纲中没有这样的部分时，这些数据会被悄悄丢掉：请把相应内容加到\
         某一部分的 `holds` 中；如果报告确实不写这些内容，就不要提交这些数据。";
    FORM_CELL = "D314", Error,
        "a cell or row of a State Council form is left empty",
        "国务院模板表格中有空单元格或缺行",
        "An empty cell is not a zero: the form's totals would be computed from what nobody \
         wrote. Write 0 where the number is zero, in every row and column of the form.",
        "空单元格不等于零：表格的合计会按没人填写的数计算。数字为零的地方请写 0，表格的每一行、每一列\
         都要填写。";
    FORM_COUNT = "D315", Error,
        "a number named as a form's cell differs from the form",
        "与表格单元格对应的数字和表格不一致",
        "A count that says which cell of a State Council form it repeats (`form = \"申请/新收/总计\"`) \
         must equal that cell, so the prose and the table print the same number. Better still, \
         name the cell in the text itself: {申请/新收/总计}.",
        "写明对应国务院模板表格哪个单元格的数量行（`form = \"申请/新收/总计\"`）必须与该单元格相等，这样\
         正文和表格印出的是同一个数。更好的做法是在文字中直接引用单元格：{申请/新收/总计}。";
    CARRIED_OVER = "D316", Error,
        "requests carried over differ from last year's carried forward",
        "本年的“上年结转”与上一年度的“结转下年度”不一致",
        "Requests left open at the end of last year are this year's carried-over requests. When \
         last year's folder is in the data folder, its carried-forward number (结转下年度继续办理) \
         must equal this year's carried-over number (上年结转), per applicant in the form.",
        "上一年度结束时尚未办结的申请，就是本年度的上年结转申请。数据文件夹中有上一年度的文件夹时，\
         其“结转下年度继续办理”必须等于本年度的“上年结转”，表格中按各类申请人分别比较。";
    REQUEST_DETAILS = "D317", Error,
        "the grounds, ways of arrival or fees of requests do not add up",
        "依申请公开的不予公开理由、申请方式或收费情况与数量不符",
        "The grounds of refused requests ([requests.grounds]) must add up to `refused`, and the \
         ways requests arrived ([requests.arrivals]) to `received`; fees waived cannot exceed the \
         fees due.",
        "不予公开的理由（[requests.grounds]）之和必须等于 `refused`，申请方式（[requests.arrivals]）之和\
         必须等于 `received`；减免的费用不能超过应收费用。";
    BAD_DATE = "D401", Error,
        "a date cannot be read",
        "日期无法识别",
        "Dates are written 2020-10-29, 2020/10/29, 2020.10.29 or 2020年10月29日, optionally \
         followed by a time.",
        "日期写作 2020-10-29、2020/10/29、2020.10.29 或 2020年10月29日，后面可以带时间。";
    OUTSIDE_PERIOD = "D402", Warning,
        "a date lies outside the statistics period",
        "日期不在统计期内",
        "Events dated outside the statistics period (by default 1 September to 31 August) are not \
         counted. Check the date: it may be a typo, or the row belongs to another year. A \
         checklist item's publication dates are this year's: an item published years ago and \
         still published gives no date, or the date of this year's update.",
        "日期在统计期（缺省为 9 月 1 日至次年 8 月 31 日）之外的事件不计入。请核对日期：\
         可能是笔误，也可能这一行属于其他学年。清单事项的公开日期应在本学年：多年前公开、\
         至今仍在公开的事项不写日期，或写本学年更新的日期。";
    ISSUED_EARLY = "D403", Error,
        "the report is dated before its statistics period ends",
        "报告发布日期早于统计期结束",
        "A report about a period cannot be issued before the period is over. Check `issued` and \
         `period` in report.toml.",
        "报告不能在其统计期结束之前发布。请核对 report.toml 中的 `issued` 和 `period`。";
    ISSUED_LATE = "D404", Warning,
        "the report is dated after its deadline (31 October; 31 January for a calendar year)",
        "报告发布日期晚于发布期限（10月31日；自然年度为次年1月31日）",
        "Universities publish the annual report of an academic year by 31 October (《高等学校信息公开办法》); a report of a calendar year, as the State Council's template has it, by 31 January of the next year (《政府信息公开条例》第五十条).",
        "高校应在每年 10 月 31 日前发布学年的年度报告（《高等学校信息公开办法》）；按国务院办公厅模板以自然年度统计的报告，应在次年 1 月 31 日前发布（《政府信息公开条例》第五十条）。";
    UNUSUAL_PERIOD = "D405", Warning,
        "the statistics period is not the year's usual one",
        "统计期不是本年度通常的统计期",
        "An academic year's report covers 1 September to 31 August; a calendar year's (a folder \
         named `2024`, as the State Council's template counts) 1 January to 31 December. \
         Another period is allowed (set `period` in report.toml) but should be deliberate.",
        "学年报告的统计期是 9 月 1 日至次年 8 月 31 日；自然年度的报告（文件夹名如 `2024`，国务院\
         办公厅模板即按自然年度统计）是 1 月 1 日至 12 月 31 日。可以使用其他统计期（在 report\
         .toml 中设置 `period`），但应是有意为之。";
    EXPORT_BAD_DATE = "D406", Warning,
        "rows of a platform export whose date cannot be read are not counted",
        "平台导出文件中日期无法识别的行不计入",
        "A platform export is counted row by row; a row whose date column cannot be read (empty, \
         or in a format the export's `date_format` does not describe) is left out. Check the \
         date format, or whether these rows are drafts the platform never published.",
        "平台导出文件逐行计数；日期列无法识别的行（为空，或格式与导出文件的 `date_format` 所\
         写不符）不计入。请核对日期格式，或查看这些行是否为平台上从未发布的草稿。";
    EXPORT_UNMAPPED = "D407", Warning,
        "rows of a platform export whose column value is not mapped are not counted",
        "平台导出文件中栏目未映射的行不计入",
        "Each value of the export's mapped column (e.g. the CMS column 学校要闻) must say what it \
         counts as in `[export.map]`. Rows with other values are left out: add the value to the \
         map if it belongs in the report.",
        "导出文件中用于映射的那一列（例如 CMS 的栏目“学校要闻”），每个值都要在 `[export\
         .map]` 中写明计作什么。其他值的行不计入：如果应当写入报告，请把这个值加入映射。";
    EXPORT_DUPLICATE = "D408", Warning,
        "rows of a platform export that repeat an earlier row are not counted",
        "平台导出文件中的重复行不计入",
        "A row with the same link as an earlier one (or, without links, the same title and date) \
         is counted once. Exports repeat rows when an article is listed under two columns.",
        "与前面某行链接相同（没有链接时，标题和日期都相同）的行只计一次。一篇文章列在\
         两个栏目下时，导出文件中就会出现重复的行。";
    OWN_WINDOW = "D409", Warning,
        "a figure is counted over a period other than the report's",
        "某个数字的统计期间与报告的统计期间不同",
        "A figure with a `window` (统计期间) was counted over that window, not the report's \
         statistics period: a back-end that counts 2016年9月至2017年9月, say. The report can print \
         the window ({统计期间} in its phrase); this warning makes sure it is meant.",
        "写了 `window`（统计期间）的数字是按该期间统计的，不是按报告的统计期间：例如某后台按 2016年9月至\
         2017年9月统计。报告可以印出这个期间（措辞中写 {统计期间}）；这条警告用来确认这是有意为之。";
    EMPTY_PART = "D501", Error,
        "a part of the report's outline is empty",
        "报告提纲中的某一部分为空",
        "Every part of the outline must say something; a part with nothing to report says so \
         (e.g. 无). Write the part's text in report.toml under `[parts.<key>]`.",
        "提纲的每一部分都必须有内容；没有内容可报告的部分也要写明（如“无”）。请在 report\
         .toml 的 `[parts.<key>]` 下写出该部分的文字。";
    COUNT_IN_TEXT = "D502", Error,
        "a count is written inside narrative text",
        "叙述文字中直接写入了数量",
        "Numbers in the report come from submissions, so that they can be checked and compared \
         from year to year. A number followed by a unit (条, 篇, 期, 份, 件, 项, 次, 人次…) \
         inside a paragraph is a figure: submit it as a count, and write `{渠道/类别}` in the \
         text where it belongs (组织专题培训{培训/专题培训} prints 组织专题培训 2 次), or put it \
         in a channel group.",
        "报告中的数字都来自提交的数据，以便核对，并逐年比较。段落中数字后跟单位（条、\
         篇、期、份、件、项、次、人次……）的，就是一个数字：请把它作为数量提交，并在文字中\
         相应位置写 `{渠道/类别}`（组织专题培训{培训/专题培训} 会写出“组织专题培训 2 次”），\
         或者把它放入一个渠道分组。";
    STALE_YEAR = "D503", Warning,
        "narrative text names a different academic year",
        "叙述文字提到了其他学年",
        "Text that names another academic year (e.g. 2018-2019学年 in the 2019-2020 report) was \
         probably carried over from last year's report without review.",
        "提到其他学年的文字（例如 2019-2020 学年报告中的“2018-2019学年”），很可能是从\
         上年报告沿用而未经审阅。";
    UNREVIEWED = "D504", Warning,
        "text written by `disclose init` is still marked for review",
        "disclose init 写出的文字仍标有【待审阅】",
        "`disclose init` copies last year's narrative into the new year (or, for a first year, \
         writes a starter sentence for each part) and starts every paragraph with 【待审阅】. \
         Rewrite the paragraph for this year, then delete the marker. The marker is printed in \
         the report until then.",
        "`disclose init` 把上年的叙述文字复制到新的年度（第一年则为每一部分写出示例句子），\
         并在每段开头加上【待审阅】。请按本年度的情况改写该段，然后删去这个标记。在此之前，\
         标记会印在报告中。";
    IMPORTED = "D505", Warning,
        "a figure made by `disclose import` is not checked yet",
        "由 disclose import 生成的数字尚未核对",
        "`disclose import` turns every number of a published report into a count, and names it \
         where the report printed it. It cannot know for sure what each number counts, so every \
         count it writes carries `imported` (导入自): the paragraph it came from. Check the number, \
         its unit and its channel and item (rename them so that next year's figures match), then \
         delete the `imported` line.",
        "disclose import 把已发布报告中的每个数字都变为数量行，并在原处引用它。程序无法确知每个数字\
         统计的是什么，所以它写出的每个数量行都带有 `imported`（导入自）：数字所在的原段落。请核对数字、\
         单位以及渠道和类别（可改名，以便与下一年的数字对应），然后删去 `imported` 这一行。";
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
            let han = |text: &str| text.chars().filter(|c| *c >= '\u{4e00}').count();
            assert!(
                han(rule.explanation_zh) >= 10 && rule.explanation_zh.ends_with('。'),
                "{}: the Chinese explanation is written in Chinese sentences",
                rule.id
            );
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
