//! `disclose init --xlsx`: one workbook per department carries everything it sends, and the year
//! filled in as a clerk would fill it in (in a spreadsheet program: cells typed into, the rest
//! left as it was) reads as the same year as the TOML and CSV templates filled in with the same
//! numbers and texts: it validates, and compiles to the same report.
//!
//! The filling: every count gets last year's number (from `compile -f json` of the sample year),
//! every carried-over text loses its 【待审阅】, requests and complaints get the same numbers in
//! both, report.toml is the same file for both.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data as Cell, Reader, Xlsx, open_workbook};
use rust_xlsxwriter::Workbook;

use crate::util::Data;

/// The requests both twins report: (key, name in the sheet, number).
const REQUESTS: &[(&str, &str, u64)] = &[
    ("received", "本学年收到申请", 3),
    ("carried_over", "上学年结转", 0),
    ("granted", "同意公开", 2),
    ("not_ours", "非本校信息", 1),
    ("carried_forward", "结转下学年继续办理", 0),
];

/// Last year's number of every count: (department, channel, item) → value.
fn last_years_numbers(data: &Data) -> BTreeMap<(String, String, String), u64> {
    let json =
        crate::util::stdout_of(
            data.disclose()
                .args(["compile", "2019-2020", "-q", "-f", "json"]),
        );
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    doc["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (
                (text("department"), text("channel"), text("item")),
                f["value"].as_u64().expect("a value"),
            )
        })
        .collect()
}

/// The text of a cell as calamine reads it.
fn text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A workbook of `init --xlsx`, filled in: every sheet copied cell for cell, with the blanks to
/// fill typed in and the review markers deleted.
fn fill_workbook(path: &Path, department: &str, numbers: &BTreeMap<(String, String, String), u64>) {
    let mut template: Xlsx<_> = open_workbook(path).expect("a workbook");
    let mut filled = Workbook::new();
    for name in template.sheet_names() {
        let range = template.worksheet_range(&name).expect("a sheet");
        let sheet = filled.add_worksheet();
        sheet.set_name(&name).expect("a sheet name");
        let (top, left) = range.start().unwrap_or((0, 0));
        for (r, row) in range.rows().enumerate() {
            let r = top + u32::try_from(r).unwrap();
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(left as usize + c).unwrap();
                match cell {
                    Cell::Empty => {}
                    Cell::Float(x) => drop(sheet.write_number(r, c, *x).unwrap()),
                    Cell::Int(n) => drop(
                        sheet
                            .write_number(r, c, f64::from(i32::try_from(*n).unwrap()))
                            .unwrap(),
                    ),
                    other => {
                        let mut value = text(other);
                        if name == "文字" {
                            value = value.replace("【待审阅】", "");
                        }
                        sheet.write_string(r, c, value).unwrap();
                    }
                }
            }
            if r == 0 {
                continue;
            }
            let first = text(&row[0]);
            match name.as_str() {
                "数量" if text(&row[8]).is_empty() => {
                    let key = (department.to_owned(), first, text(&row[1]));
                    let value = numbers[&key];
                    sheet
                        .write_number(r, 2, f64::from(u32::try_from(value).unwrap()))
                        .unwrap();
                }
                "依申请公开" => {
                    if let Some((_, _, n)) = REQUESTS.iter().find(|(_, label, _)| *label == first) {
                        sheet
                            .write_number(r, 1, f64::from(u32::try_from(*n).unwrap()))
                            .unwrap();
                    }
                }
                "举报复议诉讼" => drop(sheet.write_number(r, 1, 0.0).unwrap()),
                _ => {}
            }
        }
    }
    let bytes = filled.save_to_buffer().expect("the filled workbook");
    std::fs::write(path, bytes).expect("written");
}

/// A TOML or CSV template of plain `init`, filled in with the same numbers and texts.
fn fill_text_template(
    path: &Path,
    department: &str,
    numbers: &BTreeMap<(String, String, String), u64>,
) {
    let text = std::fs::read_to_string(path).expect("a template");
    let mut out = String::new();
    if path.extension().is_some_and(|e| e == "csv") {
        for (i, line) in text.lines().enumerate() {
            let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
            if i > 0 && cells.get(8).is_some_and(String::is_empty) {
                let key = (department.to_owned(), cells[0].clone(), cells[1].clone());
                cells[2] = numbers[&key].to_string();
            }
            out.push_str(&cells.join(","));
            out.push('\n');
        }
    } else {
        let (mut channel, mut item) = (String::new(), String::new());
        for line in text.lines() {
            let value = |l: &str| {
                l.split_once(" = ")
                    .map(|(_, v)| v.trim_matches('"').to_owned())
            };
            let mut line = line.replace("【待审阅】", "");
            if line.starts_with("channel = ") {
                channel = value(&line).unwrap_or_default();
            } else if line.starts_with("item = ") {
                item = value(&line).unwrap_or_default();
            } else if line.starts_with("number = \"\"") {
                let key = (department.to_owned(), channel.clone(), item.clone());
                line = format!("number = {}", numbers[&key]);
            } else if let Some((key, _, n)) = REQUESTS.iter().find(|(key, _, _)| {
                line.starts_with(&format!("{key} = \"\""))
                    || line.starts_with(&format!("# {key} = 0"))
            }) {
                line = format!("{key} = {n}");
            } else if ["reports", "reconsiderations", "lawsuits"]
                .iter()
                .any(|k| line.starts_with(&format!("{k} = \"\"")))
            {
                line = format!("{} = 0", line.split(' ').next().unwrap_or_default());
            }
            out.push_str(&line);
            out.push('\n');
        }
    }
    std::fs::write(path, out).expect("written");
}

/// The sample year with 2020-2021 made by `init` (`--xlsx` or not) and filled in.
fn filled_year(xlsx: bool) -> Data {
    let data = Data::sample();
    let numbers = last_years_numbers(&data);
    let mut init = data.disclose();
    init.args(["init", "2020-2021"]);
    if xlsx {
        init.arg("--xlsx");
    }
    let output = init.output().expect("init runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let folder = data.path().join("2020-2021");
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        let path = folder.join(name);
        if name == "report.toml" {
            let text = std::fs::read_to_string(&path)
                .unwrap()
                .replace("【待审阅】", "");
            let text = text
                .lines()
                .map(|l| {
                    if l.starts_with("issued = ") {
                        "issued = 2021-10-29"
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            std::fs::write(&path, text + "\n").unwrap();
            continue;
        }
        let department = name.rsplit_once('.').map_or(name.as_str(), |(d, _)| d);
        if xlsx {
            assert!(
                Path::new(name).extension().is_some_and(|e| e == "xlsx"),
                "init --xlsx writes workbooks only: {names:?}"
            );
            fill_workbook(&path, department, &numbers);
        } else {
            fill_text_template(&path, department, &numbers);
        }
    }
    data
}

#[test]
fn an_xlsx_year_filled_in_reads_as_its_toml_twin() {
    let workbooks = filled_year(true);
    let twin = filled_year(false);
    for data in [&workbooks, &twin] {
        let output = data
            .disclose()
            .args(["validate", "2020-2021", "--format", "short"])
            .output()
            .expect("validate runs");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{said}");
        assert!(!said.contains("error"), "{said}");
    }
    for format in ["markdown", "json"] {
        let compiled = |data: &Data| {
            crate::util::stdout_of(data.disclose().args([
                "compile",
                "2020-2021",
                "-q",
                "-f",
                format,
            ]))
        };
        let (from_workbooks, from_twin) = (compiled(&workbooks), compiled(&twin));
        assert_eq!(from_workbooks, from_twin, "{format}");
        if format == "json" {
            assert!(
                from_workbooks.contains("\"received\": 3,"),
                "{from_workbooks}"
            );
        }
    }
    // The texts and the requests came from the workbooks.
    let report = crate::util::stdout_of(workbooks.disclose().args(["compile", "2020-2021", "-q"]));
    assert!(!report.contains("【待审阅】"), "{report}");
}

#[test]
fn every_department_gets_one_workbook_with_a_sheet_for_each_thing_it_sends() {
    let data = Data::sample();
    let output = data
        .disclose()
        .args(["init", "2020-2021", "--xlsx"])
        .output()
        .expect("init runs");
    assert!(output.status.success());
    let folder = data.path().join("2020-2021");
    let sheets = |name: &str| -> Vec<String> {
        let book: Xlsx<_> = open_workbook(folder.join(name)).expect("a workbook");
        book.sheet_names()
    };
    assert_eq!(
        sheets("党委办公室.xlsx"),
        ["数量", "依申请公开", "举报复议诉讼", "说明"]
    );
    assert!(sheets("人事处.xlsx").contains(&"文字".to_owned()));
    let toml: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "toml") && n != "report.toml")
        .collect();
    assert!(toml.is_empty(), "no TOML beside the workbooks: {toml:?}");
    // The checklist sheet shows each item's category and wording beside its number.
    let example = Data::empty().with_year(&crate::util::example(), "2022-2023");
    let output = example
        .disclose()
        .args(["init", "2023-2024", "--xlsx"])
        .output()
        .expect("init runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut book: Xlsx<_> =
        open_workbook(example.path().join("2023-2024/招生办.xlsx")).expect("a workbook");
    let range = book.worksheet_range("清单").expect("the 清单 sheet");
    let header: Vec<String> = range.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(header[..4], ["事项", "类别", "事项内容", "状态"]);
    let first: Vec<String> = range.rows().nth(1).unwrap().iter().map(text).collect();
    assert!(first[1].contains("招生考试信息"), "{first:?}");
    assert!(!first[2].is_empty(), "{first:?}");
}
