//! `disclose rules`.

use predicates::prelude::*;

use crate::util::disclose;

#[test]
fn lists_every_rule_and_explains_one() {
    disclose()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicate::str::contains("D101  error"))
        .stdout(predicate::str::contains(
            "D301  error    a total does not equal the sum of its parts",
        ));
    disclose()
        .args(["rules", "d301"])
        .assert()
        .success()
        .stdout(predicate::str::contains("学校主页 1481 = 要闻 884"))
        .stdout(predicate::str::contains("D301 = \"warning\""));
    disclose().args(["rules", "D999"]).assert().code(3);
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_line() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        disclose()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("validate"));
    }
    disclose()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie \\n(.g .ds Aq"))
        .stdout(predicate::str::contains("compile"));
    disclose().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn help_is_chinese_under_a_chinese_locale_or_lang_zh() {
    disclose()
        .args(["--lang", "zh", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("用法：disclose"))
        .stdout(predicate::str::contains("退出码："));
    disclose()
        .env("LANG", "zh_CN.UTF-8")
        .args(["validate", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("把警告也当作错误"));
    disclose()
        .args(["validate", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Treat warnings as errors"));
}
