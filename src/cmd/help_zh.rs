//! `--help` in Chinese, for `--lang zh` or a Chinese locale.
//!
//! The English help is the doc comments in `cli.rs` and `cmd/*.rs`. The Chinese help replaces,
//! on the same clap command, each command's description, each argument's help, the section
//! headings and the exit-code table; a test checks that every command and argument has a
//! translation, so a new option cannot be left in English.

use clap::Command;

/// Exit codes, in Chinese.
const EXIT_CODES: &str = "\
退出码：
  0  成功（可以有警告；加 --strict 时警告也算失败）
  1  提交的数据有错误（或 --strict 时有警告）；没有写出任何文件
  2  命令行有误（未知选项、缺少参数、把 docx 输出到终端）
  3  无法运行：文件夹或文件无法读取，或输出无法写入；或 --template 模板有错误（会指出所在行）";

/// Descriptions of commands, by name (`""` is the program itself).
const COMMANDS: &[(&str, &str)] = &[
    (
        "",
        "根据各部门提交的数据，编写高等学校信息公开工作年度报告。",
    ),
    (
        "compile",
        "把一个学年的提交文件编写成年度报告。先运行全部检查，有错误时不写出任何内容；报告写到标准输出，或用 -o 写入文件（写完才替换原文件）。",
    ),
    (
        "validate",
        "检查一个学年的提交文件，列出每个问题所在的文件、行和列。问题写到标准错误（human、short）或标准输出（json）；不写学年时检查所有学年。",
    ),
    ("rules", "列出 validate 检查的所有规则，或解释其中一条。"),
    (
        "checklist",
        "列出信息公开事项清单；写学年时显示每一项的公开情况。",
    ),
    (
        "init",
        "根据上一学年新建本学年的文件夹：report.toml 的文字沿用并标为【待审阅】，各部门得到一份保留上年各行、数量留空的模板。不覆盖已有文件，重复运行不会改动任何内容。",
    ),
    (
        "status",
        "显示一个学年的进度：每个部门一行（是否提交、行数、错误、警告、清单事项），并给出合计。文件仍是 disclose init 生成的空模板的部门算作未提交。只要还有部门未提交或仍有错误，就以退出码 1 结束，便于脚本发提醒。",
    ),
    (
        "compare",
        "逐项比较两个学年的数字：变化量和百分比，只在一个学年出现的数字单独标出。",
    ),
    (
        "completions",
        "打印命令行补全脚本，如 disclose completions bash > /etc/bash_completion.d/disclose。",
    ),
    (
        "man",
        "打印手册页（roff 格式），如 disclose man > disclose.1。",
    ),
    ("help", "打印帮助。"),
];

/// Help of arguments, by (command, argument id); `""` for global arguments.
const ARGS: &[(&str, &str, &str)] = &[
    (
        "",
        "data",
        "存放各学年文件夹的文件夹（data/2019-2020/…）；也可用环境变量 DISCLOSE_DATA 指定",
    ),
    (
        "",
        "lang",
        "提示信息的语言：en 或 zh。缺省时，LC_ALL、LC_MESSAGES 或 LANG 以 zh 开头则用中文。规则编号和 JSON 键名两种语言都相同",
    ),
    ("", "color", "何时给提示信息加颜色"),
    ("compile", "year", "学年，如 2019-2020"),
    (
        "compile",
        "format",
        "输出格式：markdown、text（公文格式的纯文本）、table（数字表格，供核对）、json（供其他程序使用，见 docs/json.md）或 docx（公文版式的 Word 文档，可直接发布；二进制格式，须用 -o 指定文件或重定向标准输出）",
    ),
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
    ("compile", "quiet", "不显示警告"),
    (
        "compile",
        "draft",
        "即使数据缺失或有误也写出草稿：缺的数字显示为【待补充：…】，开头标明草稿，末尾列出尚待处理的问题。写出草稿后以 0 结束",
    ),
    ("validate", "year", "学年，如 2019-2020；不写则检查所有学年"),
    (
        "validate",
        "format",
        "问题的显示方式：human（标准错误）、short（标准错误，每个问题一行）或 json（标准输出）",
    ),
    ("validate", "strict", "把警告也当作错误（退出码 1）"),
    ("rules", "id", "规则编号，如 D301，显示该规则的说明"),
    (
        "checklist",
        "year",
        "学年，如 2019-2020，显示每一项的状态、责任部门和链接",
    ),
    ("init", "year", "要新建的学年，如 2020-2021"),
    ("init", "from", "沿用哪个学年（缺省为上一学年）"),
    (
        "init",
        "xlsx",
        "为数量和清单事项写 Excel 模板（.xlsx），而不是 CSV/TOML",
    ),
    ("status", "year", "学年，如 2020-2021"),
    (
        "status",
        "format",
        "table（给人看）或 json（给脚本用，见 docs/json.md）",
    ),
    ("compare", "year_a", "较早的学年，如 2019-2020"),
    ("compare", "year_b", "较晚的学年，如 2020-2021"),
    ("compare", "format", "输出格式"),
    (
        "completions",
        "shell",
        "命令行：bash、zsh、fish、elvish 或 powershell",
    ),
];

/// Applies the Chinese help to the whole command tree.
pub(crate) fn translate(command: Command) -> Command {
    let mut command = localise(command, "");
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| localise(sub, &name));
    }
    command
}

fn localise(mut command: Command, name: &str) -> Command {
    if let Some((_, about)) = COMMANDS.iter().find(|(n, _)| *n == name) {
        command = command.about(*about).long_about(None);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = ARGS
            .iter()
            .find(|(c, a, _)| *a == id && (*c == name || c.is_empty()))
            .map(|(_, _, h)| *h)
            .or(match id.as_str() {
                "help" => Some("打印帮助"),
                "version" => Some("打印版本"),
                _ => None,
            });
        if let Some(help) = help {
            command = command.mut_arg(&id, |a| a.help(help).long_help(None));
        }
    }
    let has_positionals = command.get_positionals().next().is_some();
    let has_subcommands = command.has_subcommands();
    let mut template = String::from("{about-with-newline}\n用法：{usage}\n");
    if has_subcommands {
        template.push_str("\n命令：\n{subcommands}\n");
    }
    if has_positionals {
        template.push_str("\n参数：\n{positionals}\n");
    }
    template.push_str("\n选项：\n{options}{after-help}");
    command = command
        .help_template(template)
        .disable_help_subcommand(false);
    if command.get_after_help().is_some() {
        command = command.after_help(EXIT_CODES);
    }
    command
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cmd::cli::Cli;

    #[test]
    fn every_command_and_argument_has_a_translation() {
        let command = Cli::command();
        let mut missing = Vec::new();
        for sub in command.get_subcommands() {
            let name = sub.get_name();
            if !COMMANDS.iter().any(|(n, _)| *n == name) {
                missing.push(name.to_owned());
            }
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                if !ARGS
                    .iter()
                    .any(|(c, a, _)| *a == id && (*c == name || c.is_empty()))
                {
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

    #[test]
    fn the_translated_command_is_well_formed() {
        translate(Cli::command()).debug_assert();
    }
}
