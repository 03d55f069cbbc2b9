//! Bad input: a clear message naming the file and position, a documented exit code, no panic,
//! no output file.

use std::fmt::Write as _;

use predicates::prelude::*;

use crate::util::{Data, disclose};

#[test]
fn a_missing_year_folder_names_the_path_and_the_years_there_are() {
    disclose()
        .args(["compile", "2018-2019"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("data/2018-2019"))
        .stderr(predicate::str::contains("data` has 2019-2020"))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
}

#[test]
fn a_missing_data_folder_says_how_to_name_another() {
    disclose()
        .args(["--data", "no-such-folder", "compile", "2019-2020"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no-such-folder"))
        .stderr(predicate::str::contains("DISCLOSE_DATA"));
}

#[test]
fn a_year_that_is_not_a_year_is_a_usage_error() {
    disclose()
        .args(["compile", "2019-21"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("2019-2020"));
    disclose().args(["compile"]).assert().code(2);
    disclose().args(["frobnicate"]).assert().code(2);
}

#[test]
fn malformed_toml_names_file_line_and_column_and_writes_nothing() {
    let data = Data::sample();
    data.edit(
        "2019-2020",
        "党委办公室.toml",
        "number = 103",
        "number = 103 条",
    );
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("report.md");
    data.disclose()
        .args(["compile", "2019-2020", "-o"])
        .arg(&target)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "党委办公室.toml:7:10: error[D101]",
        ))
        .stderr(predicate::function(|s: &str| s.lines().count() == 2));
    assert!(!target.exists());
}

#[test]
fn malformed_csv_names_file_line_and_column() {
    let data = Data::sample();
    data.edit("2019-2020", "教务处.csv", "简报,《领导", "简报,\"《领导");
    data.disclose()
        .args(["compile", "2019-2020"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("教务处.csv:2:4: error[D101]"));
}

#[test]
fn a_bad_count_points_at_its_cell() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,-5");
    data.disclose()
        .args(["compile", "2019-2020"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("宣传部.csv:3:9: error[D105]"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_stops_the_run_with_exit_code_3() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        // Root reads a file whatever its mode: nothing to test here.
        return;
    }
    let data = Data::sample();
    let file = data.file("2019-2020", "宣传部.csv");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    data.disclose()
        .args(["compile", "2019-2020"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("cannot read"))
        .stderr(predicate::str::contains("宣传部.csv"));
}

/// A secret that must never be printed, in a file outside the data folder.
const SECRET: &str = "SECRET-4f1c2b";

#[cfg(unix)]
#[test]
fn a_link_out_of_the_data_folder_is_named_and_never_followed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.toml");
    std::fs::write(&secret, format!("{SECRET} = [\n{SECRET}\n")).unwrap();
    let data = Data::sample();
    let link = data.file("2019-2020", "宣传部-链接.toml");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    std::os::unix::fs::symlink(
        "/proc/self/environ",
        data.file("2019-2020", "宣传部-环境.csv"),
    )
    .unwrap();
    std::os::unix::fs::symlink("nothing.csv", data.file("2019-2020", "宣传部-失效.csv")).unwrap();
    let output = data
        .disclose()
        .env("DISCLOSE_TEST_SECRET", SECRET)
        .args(["validate", "2019-2020", "--format", "short"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains(SECRET), "{stderr}");
    let year = data.path().join("2019-2020");
    let at = |name: &str| format!("{}: error[D121]: ", year.join(name).display());
    assert!(
        stderr.contains(&format!(
            "{}this file is a link to `{}`, outside the data folder, and is not read",
            at("宣传部-链接.toml"),
            secret.canonicalize().unwrap().display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&at("宣传部-环境.csv")), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}this file is a link to nothing (its target is gone), and is not read",
            at("宣传部-失效.csv")
        )),
        "{stderr}"
    );
}

#[test]
fn a_checklist_outside_the_year_folder_is_a_finding_and_never_printed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("passwd");
    std::fs::write(&secret, format!("root:x:0:0:{SECRET}:/root:/bin/sh\n")).unwrap();
    for name in [secret.display().to_string(), "../../passwd".to_owned()] {
        let data = Data::sample();
        std::fs::copy(&secret, data.path().join("passwd")).unwrap();
        data.edit(
            "2019-2020",
            "report.toml",
            "departments = [",
            &format!("checklist = {name:?}\ndepartments = ["),
        );
        let output = data
            .disclose()
            .args(["validate", "2019-2020"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(!stderr.contains(SECRET), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "error[D120]: `checklist` names `{name}`, which is not in the year folder"
            )),
            "{stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_year_folder_is_named_and_never_opened() {
    let data = Data::sample();
    let fifo = data.file("2019-2020", "宣传部-管道.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        return;
    }
    // Opening the FIFO would wait for a writer for ever: the timeout fails the test.
    data.disclose()
        .timeout(std::time::Duration::from_secs(20))
        .args(["validate", "2019-2020", "--format", "short"])
        .assert()
        .code(1)
        .stderr(format!(
            "{}: error[D121]: this is a named pipe (FIFO), not a file, and is not read\n",
            fifo.display()
        ));
    for args in [
        &["status", "2019-2020"][..],
        &["compile", "2019-2020", "--draft"],
    ] {
        data.disclose()
            .timeout(std::time::Duration::from_secs(20))
            .args(args)
            .assert()
            .code(predicate::in_iter([0, 1]));
    }
}

#[test]
fn binary_garbage_in_a_submission_is_a_finding_not_a_crash() {
    let data = Data::sample();
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| i.wrapping_mul(2_654_435_761).to_le_bytes()[2])
        .collect();
    data.write("2019-2020", "宣传部.csv", &garbage);
    data.write("2019-2020", "财务处.toml", &garbage);
    let output = data
        .disclose()
        .args(["validate", "2019-2020"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn under_lang_zh_a_fatal_error_is_chinese_and_exits_3() {
    let data = Data::empty();
    data.disclose()
        .args(["--lang", "zh", "compile", "1999-2000"])
        .assert()
        .code(3)
        .stdout("")
        .stderr(format!(
            "错误：找不到 1999-2000 学年的文件夹 `{}`；`{}` 中没有学年文件夹\n",
            data.path().join("1999-2000").display(),
            data.path().display()
        ));
    disclose()
        .args([
            "--lang",
            "zh",
            "--data",
            "no-such-folder",
            "compile",
            "2019-2020",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::starts_with(
            "错误：找不到 2019-2020 学年的文件夹",
        ))
        .stderr(predicate::str::contains(
            "数据文件夹 `no-such-folder` 也不存在（可用 --data 或环境变量 DISCLOSE_DATA 指定）",
        ));
    disclose()
        .env("LANG", "zh_CN.UTF-8")
        .args(["--data", "no-such-folder", "validate"])
        .assert()
        .code(3)
        .stderr(predicate::str::starts_with(
            "错误：无法读取 `no-such-folder`：",
        ));
}

#[test]
fn under_lang_zh_a_command_says_why_it_stopped_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let template = dir.path().join("t.txt");
    std::fs::write(&template, "{{ title }}\n{{ shcool }}\n").unwrap();
    disclose()
        .args(["--lang", "zh", "compile", "2019-2020", "-q", "--template"])
        .arg(&template)
        .assert()
        .code(3)
        .stderr(predicate::str::starts_with(format!(
            "错误：模板 `{}` 第 2 行：undefined value",
            template.display()
        )));
    disclose()
        .args(["--lang", "zh", "init", "1900-1901"])
        .assert()
        .code(3)
        .stderr("错误：1900-1901 没有上一学年；请用 --from 指定从哪个学年开始\n");
    let data = Data::empty();
    data.disclose()
        .args(["--lang", "zh", "validate"])
        .assert()
        .code(3)
        .stderr(format!(
            "错误：`{}` 中没有学年文件夹（名称形如 2019-2020）\n",
            data.path().display()
        ));
}

#[test]
fn a_mistake_on_every_row_shows_the_first_hundred_and_counts_the_rest() {
    let data = Data::sample();
    let mut csv = String::from("日期,渠道,类别,标题\n");
    for n in 0..20_000 {
        let _ = writeln!(csv, "2020-13-{:02},官方微博,博文,第{n}条", n % 28 + 1);
    }
    data.write("2019-2020", "宣传部-坏日期.csv", &csv);
    let file = data.file("2019-2020", "宣传部-坏日期.csv");
    let output = data
        .disclose()
        .args(["validate", "2019-2020", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("宣传部-坏日期.csv"))
        .collect();
    assert_eq!(lines.len(), 101, "{stderr}");
    assert_eq!(
        lines[100],
        format!(
            "{}:102:1: error[D401]: 19900 more finding(s) of this kind (D401: a date cannot be read) in this file; only the first 100 are shown, from here on",
            file.display()
        )
    );
    let output = data
        .disclose()
        .args(["validate", "2019-2020", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["summary"]["errors"], 20_000);
    let more: Vec<&serde_json::Value> = json["years"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d.get("more").is_some())
        .collect();
    assert_eq!(more.len(), 1);
    assert_eq!(more[0]["more"], 19_900);
    assert_eq!(more[0]["line"], 102);
}
