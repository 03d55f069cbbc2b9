//! `--help` in both languages: the values listed for an option are the values of the registry
//! it parses (`Format::ALL`, `ComparisonFormat::ALL`), the same in English and in Chinese, every
//! one accepted; the Chinese help is Chinese, and fits 80 columns.

use disclose::render::{ComparisonFormat, Format};
use unicode_width::UnicodeWidthStr;

use crate::util::{Data, disclose, stdout_of};

/// Help printed for `args`, 80 columns wide.
fn help(args: &[&str]) -> String {
    stdout_of(disclose().env("COLUMNS", "80").args(args))
}

/// The commands `disclose --help` lists, `help` aside.
fn commands() -> Vec<String> {
    help(&["--help"])
        .lines()
        .skip_while(|l| *l != "Commands:")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

/// The arguments of a long help, by their heading line (`-f, --format <FORMAT>`, `<YEAR>`), each
/// with the lines under it.
fn arguments(help: &str) -> Vec<(String, Vec<String>)> {
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    let mut inside = false;
    for line in help.lines() {
        let indent = line.len() - line.trim_start().len();
        let head = line.trim_start();
        if (indent == 2 || indent == 6) && (head.starts_with('-') || head.starts_with('<')) {
            found.push((head.to_owned(), Vec::new()));
            inside = true;
        } else if inside && (indent >= 10 || head.is_empty()) {
            if let Some((_, lines)) = found.last_mut() {
                lines.push(head.to_owned());
            }
        } else {
            // A heading (`Options:`, `选项：`) or the exit codes.
            inside = false;
        }
    }
    found
}

/// The values a long help lists for the argument headed `head`: the `- name` lines under
/// `Possible values:` (or `可选值：`), or the inline `[possible values: a, b]` (`可选值：a、b`).
fn listed(help: &str, head: &str) -> Vec<String> {
    let Some((_, lines)) = arguments(help).into_iter().find(|(h, _)| h == head) else {
        panic!("no argument `{head}` in:\n{help}");
    };
    let mut values = Vec::new();
    let mut in_list = false;
    for line in &lines {
        if let Some(inline) = line
            .strip_prefix("[possible values: ")
            .and_then(|l| l.strip_suffix(']'))
        {
            values.extend(inline.split(", ").map(str::to_owned));
        } else if let Some(inline) = line.strip_prefix("可选值：").filter(|l| !l.is_empty()) {
            values.extend(inline.split('、').map(str::to_owned));
        } else if line == "Possible values:" || line == "可选值：" {
            in_list = true;
        } else if in_list && let Some(item) = line.strip_prefix("- ") {
            let name = item.split([':', ' ']).next().unwrap_or(item);
            values.push(name.to_owned());
        } else if line.is_empty() {
            in_list = false;
        }
    }
    values
}

fn names<T>(all: &[(&str, T)]) -> Vec<String> {
    all.iter().map(|(name, _)| (*name).to_owned()).collect()
}

#[test]
fn compile_lists_every_format_of_the_registry_in_both_languages() {
    for lang in ["en", "zh"] {
        let help = help(&["--lang", lang, "compile", "--help"]);
        assert_eq!(
            listed(&help, "-f, --format <FORMAT>"),
            names(Format::ALL),
            "--lang {lang} compile --help:\n{help}"
        );
    }
}

#[test]
fn every_format_compile_lists_is_one_it_accepts() {
    let data = Data::sample();
    let out = tempfile::tempdir().unwrap();
    let help = help(&["--lang", "zh", "compile", "--help"]);
    for format in listed(&help, "-f, --format <FORMAT>") {
        data.disclose()
            .args(["compile", "2019-2020", "-q", "-f", &format, "-o"])
            .arg(out.path().join(&format))
            .assert()
            .success();
    }
    data.disclose()
        .args(["compile", "2019-2020", "-f", "pdf"])
        .assert()
        .code(2);
}

#[test]
fn compare_lists_every_comparison_format_of_the_registry_in_both_languages() {
    for lang in ["en", "zh"] {
        let help = help(&["--lang", lang, "compare", "--help"]);
        assert_eq!(
            listed(&help, "-f, --format <FORMAT>"),
            names(ComparisonFormat::ALL),
            "--lang {lang} compare --help:\n{help}"
        );
    }
}

#[test]
fn validate_lists_its_styles_in_both_languages_and_accepts_each() {
    let english = listed(&help(&["validate", "--help"]), "-f, --format <FORMAT>");
    let chinese = listed(
        &help(&["--lang", "zh", "validate", "--help"]),
        "-f, --format <FORMAT>",
    );
    assert_eq!(english, ["human", "short", "json"]);
    assert_eq!(chinese, english);
    for style in english {
        disclose()
            .args(["validate", "2019-2020", "--format", &style])
            .assert()
            .success();
    }
}

/// Every argument of every command that lists values lists the same ones in Chinese: `--lang`,
/// `--color`, the shells of `completions`, `status --format`…
#[test]
fn every_list_of_values_is_the_same_in_both_languages() {
    let mut checked = Vec::new();
    for command in commands() {
        let english = help(&[&command, "--help"]);
        let chinese = help(&["--lang", "zh", &command, "--help"]);
        for (head, _) in arguments(&english) {
            let values = listed(&english, &head);
            assert_eq!(
                listed(&chinese, &head),
                values,
                "`{command}` {head}:\n{chinese}"
            );
            if !values.is_empty() {
                checked.push(format!("{command} {head}"));
            }
        }
    }
    for expected in [
        "compile --lang <LANG>",
        "validate --color <WHEN>",
        "status -f, --format <FORMAT>",
        "completions <SHELL>",
    ] {
        assert!(
            checked.iter().any(|c| c.contains(expected)),
            "{expected} not among {checked:?}"
        );
    }
}

#[test]
fn chinese_help_fits_80_columns_and_has_no_english_left_from_clap() {
    let mut commands = commands();
    commands.push(String::new());
    for command in &commands {
        for flag in ["--help", "-h"] {
            let mut args = vec!["--lang", "zh"];
            if !command.is_empty() {
                args.push(command);
            }
            args.push(flag);
            let text = help(&args);
            for line in text.lines() {
                assert!(
                    line.width() <= 80,
                    "`disclose {}` has a line of {} columns:\n{line}",
                    args.join(" "),
                    line.width()
                );
            }
            for english in [
                "Possible values",
                "[default:",
                "[env:",
                "Print help",
                "Usage:",
            ] {
                assert!(
                    !text.contains(english),
                    "`disclose {}` says {english:?}:\n{text}",
                    args.join(" ")
                );
            }
        }
    }
}

#[test]
fn chinese_help_wraps_at_punctuation_without_adding_spaces() {
    let text = help(&["--lang", "zh", "compile", "--help"]);
    assert!(
        text.contains("先运行全部检查，有错误时不写出任何内容。"),
        "{text}"
    );
    assert!(!text.contains("， "), "{text}");
    assert!(!text.contains("。 "), "{text}");
}

#[test]
fn completions_offer_the_formats_and_the_years_of_the_data_folder() {
    let script = crate::util::stdout_of(crate::util::disclose().args(["completions", "bash"]));
    assert!(
        script.contains("markdown text table json html docx"),
        "the values of -f"
    );
    assert!(script.contains("2019-2020"), "the year folder of data/");
    let data = crate::util::Data::sample().with_copy("2019-2020", "2020-2021");
    let script = crate::util::stdout_of(data.disclose().args(["completions", "zsh"]));
    assert!(script.contains("2020-2021"), "a year folder of --data");
}

#[test]
fn man_writes_a_page_for_disclose_and_for_every_command_in_either_language() {
    let page = crate::util::stdout_of(crate::util::disclose().args(["man", "compile"]));
    assert!(page.contains(".TH disclose-compile 1"), "{page}");
    let dir = tempfile::tempdir().expect("temporary directory");
    for (lang, folder) in [("en", "en"), ("zh", "zh")] {
        let out = dir.path().join(folder);
        let output = crate::util::disclose()
            .args(["--lang", lang, "man", "--dir"])
            .arg(&out)
            .output()
            .expect("runs");
        assert!(output.status.success());
        let mut pages: Vec<String> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        pages.sort();
        assert_eq!(
            pages,
            [
                "disclose-checklist.1",
                "disclose-compare.1",
                "disclose-compile.1",
                "disclose-completions.1",
                "disclose-import.1",
                "disclose-init.1",
                "disclose-man.1",
                "disclose-outline.1",
                "disclose-rules.1",
                "disclose-status.1",
                "disclose-validate.1",
                "disclose.1"
            ]
        );
        let main = std::fs::read_to_string(out.join("disclose.1")).unwrap();
        // Every page the main page points to is there.
        for sub in ["compile", "validate", "init", "status"] {
            assert!(main.contains(&format!("disclose\\-{sub}(1)")), "{main}");
        }
        let compile = std::fs::read_to_string(out.join("disclose-compile.1")).unwrap();
        if lang == "zh" {
            assert!(
                compile.contains("把一个学年的提交文件编写成年度报告。"),
                "{compile}"
            );
            assert!(!compile.contains("， "), "no spaces left after punctuation");
        } else {
            assert!(compile.contains("Compile a year"), "{compile}");
        }
    }
}

#[test]
fn quiet_is_accepted_by_every_command() {
    let data = crate::util::Data::sample();
    for args in [
        &["-q", "validate", "2019-2020"][..],
        &["compile", "2019-2020", "-q"],
        &["compare", "2019-2020", "2019-2020", "-q"],
        &["checklist", "-q"],
        &["rules", "-q"],
        &["status", "2019-2020", "-q"],
        &["completions", "bash", "-q"],
        &["man", "-q"],
        &["init", "2020-2021", "-q"],
    ] {
        let output = data.disclose().args(args).output().expect("runs");
        assert_ne!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(
            !said.contains("warning"),
            "{args:?} -q prints no warnings: {said}"
        );
    }
}
