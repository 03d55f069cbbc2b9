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
