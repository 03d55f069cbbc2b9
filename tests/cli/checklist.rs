//! `disclose checklist`.

use predicates::prelude::*;

use crate::util::{EXAMPLE_YEAR, disclose, example, stdout_of};

#[test]
fn prints_the_fifty_items() {
    let out = stdout_of(disclose().arg("checklist"));
    assert!(out.starts_with("高等学校信息公开事项清单（教育部办公厅 教办函〔2014〕23号）"));
    assert!(out.contains("│ 50   ┆ 十、其他"), "{out}");
    assert!(out.contains("学校章程及制定的各项规章制度"));
}

#[test]
fn with_a_year_shows_status_owners_and_where() {
    disclose()
        .args(["checklist", "2019-2020"])
        .assert()
        .success()
        .stdout(predicate::str::contains("未说明"))
        .stdout(predicate::str::contains("组织部、人事处"));
    let out = stdout_of(
        disclose()
            .arg("--data")
            .arg(example())
            .args(["checklist", EXAMPLE_YEAR]),
    );
    assert!(!out.contains("未说明"), "{out}");
    assert!(out.contains("不适用"));
}
