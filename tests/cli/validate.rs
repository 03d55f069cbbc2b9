//! `disclose validate`.

use predicates::prelude::*;

use crate::util::{Data, disclose};

#[test]
fn the_sample_year_has_no_errors() {
    disclose()
        .args(["validate", "2019-2020"])
        .assert()
        .success();
}

#[test]
fn a_changed_part_is_one_error_with_a_caret_under_the_total() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,885");
    data.disclose()
        .args(["validate", "2019-2020"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[D301]: `学校主页/信息` is 1481 but its parts sum to 1482 (要闻 885 + 校园动态 515 + 通知公告 82)",
        ))
        .stderr(predicate::str::contains("宣传部.csv:2:9"))
        .stderr(predicate::str::contains("2 | 学校主页,信息,1481,条,,,,主页各栏目合计"))
        .stderr(predicate::str::contains("  |               ^^^^"));
}

#[test]
fn short_format_is_one_line_per_finding() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,abc");
    data.disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "\n{}: error[D105]: `数量` must be a number written in digits, not `abc`",
            data.file("2019-2020", "宣传部.csv:3:9").display()
        )));
}
