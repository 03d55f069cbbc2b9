//! `disclose rules`.

use predicates::prelude::*;

use disclose::findings::rules;

use crate::util::{disclose, stdout_of};

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

#[test]
fn under_lang_zh_a_rule_is_explained_in_chinese() {
    disclose()
        .args(["--lang", "zh", "rules", "D301"])
        .assert()
        .success()
        .stdout(format!(
            "D301：总数与分项之和不一致\n默认级别：error\n\n{}\n\n\
             各学年可以在 report.toml 中改变这条规则的级别：\n\n\
             [rules]\nD301 = \"warning\"   # 或 \"allow\"、\"error\"\n",
            rules::TOTAL_MISMATCH.explanation_zh
        ));
    disclose()
        .args(["--lang", "zh", "rules", "D999"])
        .assert()
        .code(3)
        .stderr("错误：没有编号为 `D999` 的规则；`disclose rules` 列出全部规则\n");
}

#[test]
fn every_rule_is_explained_in_the_language_asked_for() {
    for rule in rules::ALL {
        let english = stdout_of(disclose().args(["rules", rule.id]));
        assert!(english.contains(rule.explanation), "{english}");
        assert!(!english.contains(rule.explanation_zh), "{english}");
        let chinese = stdout_of(disclose().args(["--lang", "zh", "rules", rule.id]));
        assert!(chinese.contains(rule.explanation_zh), "{chinese}");
        assert!(!chinese.contains(rule.explanation), "{chinese}");
    }
}
