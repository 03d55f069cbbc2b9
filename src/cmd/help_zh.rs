//! `--help` in Chinese, for `--lang zh` or a Chinese locale.
//!
//! The English help is the doc comments in `cli.rs` and `cmd/*.rs`, with the lists of values
//! clap reads from the registries ([`crate::cmd::values`]). The Chinese help replaces, on the
//! same clap command (built first, so that every command has the global options, `--help` and
//! `--version`), each command's description, each argument's help, the section headings and the
//! exit-code table. An argument's values, default and environment variable are read from the
//! argument itself and listed in Chinese, each value with its Chinese description from its
//! registry, so the Chinese help lists exactly what the command line accepts. Tests check that
//! every command, argument and described value has a translation, so none is left in English.
//!
//! clap breaks help lines only at spaces, and Chinese has none: [`breakable`] puts a space after
//! each punctuation mark and before each opening bracket, where a line may break, and [`print`]
//! takes out the ones clap did not break at. clap's own messages about a wrong command line (an
//! unknown option, a missing argument, an invalid value) stay in English: clap has no
//! translations of them.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write as _};

use clap::{Arg, Command};
use disclose::render::{ComparisonFormat, Format};

use crate::cmd::checklist::ChecklistFormat;
use crate::cmd::cli::{ColorArg, LangArg};
use crate::cmd::status::StatusFormat;
use crate::cmd::validate::StyleArg;
use crate::cmd::values;

/// Exit codes, in Chinese (each line within 80 columns).
const EXIT_CODES: &str = "\
退出码：
  0  成功（可以有警告；加 --strict 时警告也算失败）
  1  提交的数据有错误（或 --strict 时有警告）；没有写出任何文件
  2  命令行有误（未知选项、缺少参数、把 docx 输出到终端）
  3  无法运行：文件夹或文件无法读取，或输出无法写入；
     或 --template 模板有错误（会指出所在行）";

/// Descriptions of commands, by name (`""` is the program itself): the line lists and `-h`
/// show, and what `--help` adds to it.
const COMMANDS: &[(&str, &str, &str)] = &[
    (
        "",
        "根据各部门提交的数据，编写高等学校信息公开工作年度报告。",
        "",
    ),
    (
        "compile",
        "把一个学年的提交文件编写成年度报告。",
        "先运行全部检查，有错误时不写出任何内容。报告写到标准输出；用 -o 时写入文件，完整写完才替换原文件。",
    ),
    (
        "compare",
        "比较两个学年：逐项列出每个数字及其变化量和百分比。",
        "数字按渠道和类别对应，只在一个学年出现的数字单独标出；其后是依申请公开、举报复议诉讼、国务院模板两张表（逐格）和清单事项的比较。先检查两个学年，任何一年有错误时不作比较。",
    ),
    (
        "validate",
        "检查一个学年的提交文件，列出每个问题所在的文件、行和列。",
        "问题写到标准错误；用 --format json 时写到标准输出。不写学年时，检查数据文件夹中的每个学年。",
    ),
    (
        "rules",
        "列出 validate 检查的所有规则，或解释其中一条。",
        "",
    ),
    (
        "checklist",
        "列出信息公开事项清单；写学年时，显示每一项的公开情况。",
        "",
    ),
    (
        "import",
        "从已发布的报告开始一个学年：把 Word 文件、网页或文本变为学年文件夹，编写出来是同样的文字，其中每个数字都成为待核对的数量行。",
        "从不写入已有的学年文件夹；文件无法读取时不写出任何内容。",
    ),
    (
        "outline",
        "列出预置的报告提纲，或打印其中一个的 [outline] 表，供复制到 report.toml 中修改。",
        "",
    ),
    (
        "init",
        "根据上一学年新建本学年的文件夹：沿用 report.toml 供审阅，并为每个部门写一份模板，保留上年各行，数量留空。",
        "不覆盖已有文件：重复运行不会改动任何内容。",
    ),
    (
        "status",
        "显示一个学年的进度：每个部门一行（是否提交、行数、错误、警告、负责的清单事项已说明几项），并给出合计。",
        "文件仍是 disclose init 生成的空模板的部门，算作未提交。只要还有列入名单的部门未提交，或仍有错误，就以退出码 1 结束，便于脚本发送提醒。",
    ),
    (
        "completions",
        "打印 shell 补全脚本，如 disclose completions bash > /etc/bash_completion.d/disclose。",
        "",
    ),
    (
        "man",
        "打印手册页（roff 格式），如 disclose man > disclose.1、disclose man compile > disclose-compile.1，或用 disclose man --dir man1 把所有手册页写入文件夹。",
        "",
    ),
    ("help", "打印本帮助，或所给命令的帮助。", ""),
];

/// Help of arguments, by (command, argument id); `""` for global arguments. Values, defaults
/// and environment variables are added from the argument itself.
const ARGS: &[(&str, &str, &str)] = &[
    (
        "",
        "data",
        "存放各年度文件夹的文件夹（data/2019-2020/…；自然年度为 data/2024/…）",
    ),
    (
        "",
        "lang",
        "提示信息的语言。缺省时，LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头则用中文，否则用英文。规则编号和 JSON 键名在两种语言中相同",
    ),
    ("", "color", "何时给提示信息加颜色"),
    (
        "",
        "quiet",
        "在标准错误上少显示：不显示警告、读取进度，也不显示写入了什么、下一步做什么；错误总会显示（JSON 仍列出全部问题）",
    ),
    ("compile", "year", "年度：学年如 2019-2020，自然年度如 2024"),
    ("compile", "format", "输出格式"),
    (
        "compile",
        "output",
        "把报告写入文件 FILE（完整写完才替换），而不是标准输出",
    ),
    (
        "compile",
        "template",
        "用 Jinja2 模板文件 FILE 代替内置格式输出报告，排出本单位自己的 Markdown、文本或 HTML 版式。FILE 以 .html 或 .htm 结尾（可再加 .j2）时，变量的值按 HTML 转义。变量见 docs/templates.md。模板有错误时指出所在行，以退出码 3 结束",
    ),
    (
        "compile",
        "draft",
        "即使数据缺失或有误也写出草稿：缺的数字显示为【待补充：…】，开头标明草稿，末尾列出尚待处理的问题。写出草稿后以 0 结束",
    ),
    (
        "validate",
        "year",
        "年度：学年如 2019-2020，自然年度如 2024；不写则检查所有年度",
    ),
    ("validate", "format", "问题的显示方式"),
    ("validate", "strict", "把警告也当作错误（退出码 1）"),
    ("rules", "id", "规则编号，如 D301，显示该规则的说明"),
    (
        "checklist",
        "year",
        "年度（学年如 2019-2020，自然年度如 2024），显示每一项的状态、责任部门和链接",
    ),
    (
        "import",
        "file",
        "已发布的报告：Word 文件（.docx）、网页（.html）或文本（.txt、.md）",
    ),
    (
        "import",
        "year",
        "报告中看不出学年时指明学年（2019-2020；自然年度如 2022）",
    ),
    (
        "outline",
        "id",
        "预置提纲的名称，如 ministry，把它打印为 report.toml 中的 TOML",
    ),
    (
        "init",
        "school",
        "新建第一个学年（数据文件夹中没有上一学年）时：学校名称",
    ),
    (
        "init",
        "outline",
        "新建第一个学年时：从哪个预置提纲开始（见 disclose outline）",
    ),
    (
        "init",
        "departments",
        "新建第一个学年时：报送部门，用逗号分隔（宣传部,教务处）",
    ),
    (
        "init",
        "departments_file",
        "新建第一个学年时：列出报送部门的文本文件，每行一个",
    ),
    ("checklist", "format", "输出格式"),
    (
        "man",
        "command",
        "要打印哪个命令的手册页（compile、validate……）；不写则打印 disclose 本身的手册页",
    ),
    (
        "man",
        "dir",
        "把所有手册页写入文件夹 DIR：disclose.1 和每个命令一页（disclose-compile.1……）",
    ),
    (
        "init",
        "year",
        "要新建的年度：学年如 2020-2021，自然年度如 2024",
    ),
    ("init", "from", "沿用哪个学年（缺省为上一学年）"),
    (
        "init",
        "xlsx",
        "为每个部门写一个 Excel 工作簿（.xlsx），包含该部门报送的全部内容（数量、文字、依申请公开、举报复议诉讼、清单事项），而不是 CSV/TOML",
    ),
    ("status", "year", "年度：学年如 2020-2021，自然年度如 2024"),
    ("status", "format", "输出格式"),
    (
        "compare",
        "year_a",
        "较早的年度，如 2019-2020（自然年度如 2023）",
    ),
    (
        "compare",
        "year_b",
        "较晚的年度，如 2020-2021（自然年度如 2024）",
    ),
    ("compare", "format", "输出格式"),
    ("completions", "shell", "为哪种 shell 生成补全脚本"),
    ("help", "subcommand", "要显示帮助的命令"),
];

/// The Chinese description of a value, by its name, from the value's registry.
type Describe = fn(&str) -> Option<&'static str>;

/// Chinese descriptions of the values of arguments, by (command, argument id).
const VALUES: &[(&str, &str, Describe)] = &[
    ("compile", "format", values::zh::<Format>),
    ("compare", "format", values::zh::<ComparisonFormat>),
    ("validate", "format", values::zh::<StyleArg>),
    ("status", "format", values::zh::<StatusFormat>),
    ("checklist", "format", values::zh::<ChecklistFormat>),
    ("", "lang", values::zh::<LangArg>),
    ("", "color", values::zh::<ColorArg>),
];

/// Applies the Chinese help to the whole command tree.
pub(crate) fn translate(mut command: Command) -> Command {
    command.build();
    localise(command, "")
}

/// The row of `table` for an argument of `command`, its own or a global one.
fn lookup<T>(
    table: &'static [(&'static str, &'static str, T)],
    command: &str,
    id: &str,
) -> Option<&'static (&'static str, &'static str, T)> {
    table
        .iter()
        .find(|(c, a, _)| *a == id && *c == command)
        .or_else(|| table.iter().find(|(c, a, _)| *a == id && c.is_empty()))
}

/// Translates one command, its arguments, and the commands under it (the `help` command holds
/// a copy of every other, for `disclose help <COMMAND>`).
fn localise(mut command: Command, name: &str) -> Command {
    if let Some((_, about, more)) = COMMANDS.iter().find(|(n, _, _)| *n == name) {
        command = command.about(breakable(about));
        command = if more.is_empty() {
            command.long_about(None)
        } else {
            command.long_about(breakable(&format!("{about}\n\n{more}")))
        };
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(&id, |arg| localise_arg(arg, name));
    }
    let mut template = String::from("{about-with-newline}\n用法：{usage}\n");
    if command.has_subcommands() {
        template.push_str("\n命令：\n{subcommands}\n");
    }
    if command.get_positionals().next().is_some() {
        template.push_str("\n参数：\n{positionals}\n");
    }
    template.push_str("\n选项：\n{options}{after-help}");
    command = command.help_template(template);
    if command.get_after_help().is_some() {
        command = command.after_help(EXIT_CODES);
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for sub in names {
        command = command.mut_subcommand(&sub, |c| localise(c, &sub));
    }
    command
}

/// One argument's help, in Chinese: its own words, then what it accepts.
fn localise_arg(arg: Arg, command: &str) -> Arg {
    let id = arg.get_id().as_str();
    if id == "help" {
        return if arg.get_long_help().is_some() {
            arg.help("打印帮助（--help 显示更多）")
                .long_help("打印帮助（-h 显示摘要）")
        } else {
            arg.help("打印帮助")
        };
    }
    if id == "version" {
        return arg.help("打印版本");
    }
    let Some((_, _, words)) = lookup(ARGS, command, id) else {
        return arg;
    };
    let describe = lookup(VALUES, command, id).map(|(_, _, f)| *f);
    let (short, long) = described(&arg, words, describe);
    arg.help(breakable(&short))
        .long_help(breakable(&long))
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true)
}

/// The help of `arg` for `-h` and for `--help`: `words`, then the values the argument takes
/// (with their descriptions, for `--help`), its environment variable and its default, which
/// clap would otherwise print in English.
fn described(arg: &Arg, words: &str, describe: Option<Describe>) -> (String, String) {
    let takes_values = arg.get_action().takes_values();
    let values: Vec<String> = if takes_values {
        arg.get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_owned())
            .collect()
    } else {
        Vec::new()
    };
    let mut notes = Vec::new();
    let mut long = words.to_owned();
    if !values.is_empty() {
        let list = format!("可选值：{}", values.join("、"));
        long.push_str("\n\n");
        let descriptions: Vec<Option<&str>> = values
            .iter()
            .map(|value| describe.and_then(|f| f(value)))
            .collect();
        if descriptions.iter().all(Option::is_none) {
            long.push_str(&list);
        } else {
            // A table, as clap lists values with their descriptions in English.
            long.push_str("可选值：");
            let width = values.iter().map(String::len).max().unwrap_or(0);
            for (value, description) in values.iter().zip(descriptions) {
                let _ = write!(long, "\n- {value:<width$}  {}", description.unwrap_or(""));
            }
        }
        notes.push(list);
    }
    let mut specs = Vec::new();
    if let Some(env) = arg.get_env() {
        specs.push(format!("环境变量：{}", env.to_string_lossy()));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() {
        specs.push(format!("缺省值：{}", defaults.join("、")));
    }
    notes.extend(specs.iter().cloned());
    if !specs.is_empty() {
        long.push_str("\n\n");
        long.push_str(&specs.join("\n"));
    }
    let short = if notes.is_empty() {
        words.to_owned()
    } else {
        format!("{words}（{}）", notes.join("；"))
    };
    (short, long)
}

/// Punctuation a line of Chinese may break after.
const BREAK_AFTER: &[char] = &[
    '，', '、', '；', '：', '。', '！', '？', '）', '】', '》', '」',
];

/// What may not begin a line: marks that close what comes before them.
const NO_LINE_START: &[char] = &[
    '，', '、', '；', '：', '。', '！', '？', '）', '】', '》', '」', '…',
];

/// Brackets that open: a line may break before them.
const OPENING: &[char] = &['（', '【', '《', '「'];

/// Whether a line of Chinese may break between `before` and `after`: after a punctuation mark
/// or before an opening bracket, unless `after` may not begin a line (a space between them is
/// one [`breakable`] put in).
fn is_break(before: char, after: char) -> bool {
    if before.is_whitespace() || after.is_whitespace() || NO_LINE_START.contains(&after) {
        return false;
    }
    BREAK_AFTER.contains(&before) || (OPENING.contains(&after) && !OPENING.contains(&before))
}

/// `text` with a space wherever a line may break ([`is_break`]), for clap, which breaks lines
/// only at spaces.
fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if chars.peek().is_some_and(|&next| is_break(c, next)) {
            out.push(' ');
        }
    }
    out
}

/// Help as clap wrapped it, without the spaces of [`breakable`] that it did not break at.
pub(crate) fn unbreak(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut before = '\n';
    while let Some(c) = chars.next() {
        if c == ' ' && chars.peek().is_some_and(|&after| is_break(before, after)) {
            before = c;
            continue;
        }
        out.push(c);
        before = c;
    }
    out
}

/// Prints what clap has to say (help, the version, or what is wrong with the command line) in
/// a Chinese session, with the spaces that only let clap break lines taken out.
pub(crate) fn print(error: &clap::Error) -> std::io::Result<()> {
    let to_stderr = error.use_stderr();
    let terminal = if to_stderr {
        std::io::stderr().is_terminal()
    } else {
        std::io::stdout().is_terminal()
    };
    let rendered = error.render();
    let text = if terminal && std::env::var_os("NO_COLOR").is_none() {
        rendered.ansi().to_string()
    } else {
        rendered.to_string()
    };
    let text = unbreak(&text);
    if to_stderr {
        std::io::stderr().lock().write_all(text.as_bytes())
    } else {
        super::print::stdout(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cmd::cli::Cli;
    use crate::cmd::values::Values;

    #[test]
    fn every_command_and_argument_has_a_translation() {
        let command = Cli::command();
        let mut missing = Vec::new();
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            if !COMMANDS.iter().any(|(n, _, _)| *n == name) {
                missing.push(name.to_owned());
            }
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                if lookup(ARGS, name, id).is_none() {
                    missing.push(format!("{name} {id}"));
                }
            }
        }
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if !ARGS.iter().any(|(c, a, _)| c.is_empty() && *a == id) {
                missing.push(id.to_owned());
            }
        }
        assert!(missing.is_empty(), "no Chinese help for: {missing:?}");
    }

    /// Every command of the built tree (`help` and its copies included), every argument
    /// (`--help`, `--version`, the global options in each command) and every value that has an
    /// English description reads in Chinese.
    #[test]
    fn the_translated_tree_has_chinese_for_everything_it_describes() {
        fn han(text: &str) -> bool {
            text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        }
        fn walk(command: &Command, name: &str, english: &Command, missing: &mut Vec<String>) {
            if !command.get_about().is_some_and(|a| han(&a.to_string())) {
                missing.push(format!("command `{name}`"));
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if !arg.get_help().is_some_and(|h| han(&h.to_string())) {
                    missing.push(format!("`{name}` argument `{id}`"));
                }
                let english_arg = english.get_arguments().find(|a| a.get_id() == id);
                for value in english_arg
                    .map(Arg::get_possible_values)
                    .unwrap_or_default()
                {
                    let described = lookup(VALUES, name, id)
                        .and_then(|(_, _, zh)| zh(value.get_name()))
                        .is_some_and(han);
                    if value.get_help().is_some() && !described {
                        missing.push(format!("`{name} {id}` value `{}`", value.get_name()));
                    }
                }
            }
            for sub in command.get_subcommands() {
                let english_sub = english.find_subcommand(sub.get_name()).unwrap_or(english);
                walk(sub, sub.get_name(), english_sub, missing);
            }
        }
        let mut english = Cli::command();
        english.build();
        let chinese = translate(Cli::command());
        let mut missing = Vec::new();
        walk(&chinese, "", &english, &mut missing);
        assert!(missing.is_empty(), "still English: {missing:#?}");
    }

    #[test]
    fn the_translated_command_is_well_formed() {
        translate(Cli::command()).debug_assert();
    }

    fn described<T: Values>() -> impl Iterator<Item = &'static str> {
        T::all().iter().map(|(_, value)| value.describe().1)
    }

    #[test]
    fn break_spaces_come_out_again_and_only_they() {
        let mut texts: Vec<&str> = vec![EXIT_CODES];
        texts.extend(COMMANDS.iter().flat_map(|(_, a, b)| [*a, *b]));
        texts.extend(ARGS.iter().map(|(_, _, h)| *h));
        texts.extend(described::<Format>());
        texts.extend(described::<ComparisonFormat>());
        texts.extend(described::<StyleArg>());
        texts.extend(described::<StatusFormat>());
        texts.extend(described::<LangArg>());
        texts.extend(described::<ColorArg>());
        for text in texts {
            assert_eq!(unbreak(&breakable(text)), text);
        }
        assert_eq!(breakable("先检查，再编写。"), "先检查， 再编写。");
        assert_eq!(
            breakable("显示为【待补充：…】，开头"),
            "显示为 【待补充：…】， 开头"
        );
        assert_eq!(unbreak("先检查，\n再编写。 好"), "先检查，\n再编写。好");
        assert_eq!(unbreak("a, b"), "a, b");
    }
}
