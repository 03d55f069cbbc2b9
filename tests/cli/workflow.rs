//! The office's shell script (examples/office-workflow.sh) runs end to end on the documented
//! exit codes and JSON: a new year is started, departments' files arrive in a shared folder, the
//! draft is written while something is missing, the final report once everything is in.

use std::process::Command;

use crate::util::{Data, root};

fn script(data: &Data, inbox: &std::path::Path) -> (i32, String) {
    let output = Command::new("bash")
        .arg(root().join("examples/office-workflow.sh"))
        .args(["2019-2020"])
        .arg(inbox)
        .arg(data.path())
        .env("DISCLOSE", assert_cmd::cargo::cargo_bin("disclose"))
        .env("LANG", "C")
        .output()
        .expect("bash runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.code().unwrap_or(-1), text)
}

#[test]
fn the_office_script_collects_checks_drafts_and_compiles() {
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("python3 is not installed; the script needs it to read JSON");
        return;
    }
    let data = Data::sample();
    let inbox = tempfile::tempdir().unwrap();
    let year = data.path().join("2019-2020");
    // The departments' files start in the shared folder, not the year folder.
    for name in ["宣传部.csv", "教务处.csv"] {
        std::fs::rename(year.join(name), inbox.path().join(name)).unwrap();
    }
    let bad = std::fs::read_to_string(inbox.path().join("宣传部.csv"))
        .unwrap()
        .replace("要闻,884", "要闻,abc");
    std::fs::write(inbox.path().join("宣传部.csv"), bad).unwrap();
    std::fs::remove_file(inbox.path().join("教务处.csv")).unwrap();

    let (code, out) = script(&data, inbox.path());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("新收到或更新的文件：1 个"), "{out}");
    assert!(out.contains("宣传部.csv：1 个问题"), "{out}");
    assert!(out.contains("error[D105] 3:9"), "{out}");
    assert!(out.contains("提醒：教务处 尚未提交"), "{out}");
    assert!(out.contains("暂不生成正式报告"), "{out}");
    let draft = std::fs::read_to_string(data.path().join("out/2019-2020-草稿.md")).unwrap();
    assert!(
        draft.contains("【待补充：宣传部 学校主页/要闻】"),
        "{draft}"
    );

    // The departments send corrected and missing files: the final report is written.
    let fixed = std::fs::read_to_string(inbox.path().join("宣传部.csv"))
        .unwrap()
        .replace("要闻,abc", "要闻,884");
    std::fs::write(inbox.path().join("宣传部.csv"), fixed).unwrap();
    std::fs::copy(
        root().join("data/2019-2020/教务处.csv"),
        inbox.path().join("教务处.csv"),
    )
    .unwrap();
    let (code, out) = script(&data, inbox.path());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("新收到或更新的文件：2 个"), "{out}");
    assert!(out.contains("宣传部.csv：没有问题"), "{out}");
    let report =
        std::fs::read_to_string(data.path().join("out/2019-2020-信息公开工作年度报告.txt"))
            .unwrap();
    assert!(report.contains("学校主页共发布信息 1481 条"));
}
