//! One submission, every format: each department CSV of the sample year, sent instead as an
//! Excel workbook (.xlsx, or an old .xls that LibreOffice saved from the same CSV:
//! tests/fixtures/workbooks/), as CSV in GB18030 (Excel's plain "CSV" on a Chinese Windows) or as
//! CSV with CRLF line ends, compiles to a byte-identical report; and a wrong value in each is
//! reported at its line and column, or at its cell.

use crate::util::{Data, csv_to_xlsx, root, stdout_of};

const YEAR: &str = "2019-2020";

/// The sample year's department CSV files, by department name.
const DEPARTMENTS: &[&str] = &["宣传部", "教务处"];

/// How a department sends its CSV file.
#[derive(Clone, Copy, Debug)]
enum Variant {
    Xlsx,
    Xls,
    Gb18030,
    Crlf,
}

const VARIANTS: &[Variant] = &[Variant::Xlsx, Variant::Xls, Variant::Gb18030, Variant::Crlf];

/// The sample CSV file of a department.
fn sample_csv(department: &str) -> String {
    let path = root()
        .join("data")
        .join(YEAR)
        .join(format!("{department}.csv"));
    std::fs::read_to_string(path).expect("the sample CSV")
}

/// Replaces a department's CSV file in `data` with `csv` sent as `variant`.
fn send(data: &Data, department: &str, csv: &str, variant: Variant) {
    let name = format!("{department}.csv");
    match variant {
        Variant::Xlsx => {
            std::fs::remove_file(data.file(YEAR, &name)).expect("remove the CSV");
            data.write(YEAR, &format!("{department}.xlsx"), csv_to_xlsx(csv));
        }
        Variant::Xls => {
            // LibreOffice saved these from the sample CSV, and from it with the value WRONG
            // puts in (tests/fixtures/workbooks/make.sh).
            let fixture = if csv == sample_csv(department) {
                format!("{department}.xls")
            } else {
                assert!(
                    WRONG
                        .iter()
                        .any(|w| csv == sample_csv(w.0).replacen(w.1, w.2, 1))
                );
                format!("{department}-abc.xls")
            };
            let bytes = std::fs::read(root().join("tests/fixtures/workbooks").join(fixture))
                .expect("the .xls fixture");
            std::fs::remove_file(data.file(YEAR, &name)).expect("remove the CSV");
            data.write(YEAR, &format!("{department}.xls"), bytes);
        }
        Variant::Gb18030 => {
            let (bytes, _, unmappable) = encoding_rs::GB18030.encode(csv);
            assert!(!unmappable);
            data.write(YEAR, &name, bytes);
        }
        Variant::Crlf => data.write(YEAR, &name, csv.replace('\n', "\r\n")),
    }
}

/// The compiled report of `data`, as text and as Markdown.
fn reports(data: &Data) -> [String; 2] {
    [
        stdout_of(data.disclose().args(["compile", YEAR, "-f", "text"])),
        stdout_of(data.disclose().args(["compile", YEAR])),
    ]
}

#[test]
fn every_format_compiles_to_the_same_report() {
    let original = reports(&Data::sample());
    assert!(original[0].contains("1481"), "{}", original[0]);
    for &variant in VARIANTS {
        let data = Data::sample();
        for department in DEPARTMENTS {
            send(&data, department, &sample_csv(department), variant);
        }
        let compiled = reports(&data);
        assert!(compiled == original, "{variant:?}: the report differs");
    }
}

/// A wrong value: the department, the text it replaces, and where it is as line:column and
/// as a cell.
const WRONG: &[(&str, &str, &str, &str, &str)] = &[
    ("宣传部", "要闻,884,", "要闻,abc,", "3:9", "C3"),
    ("教务处", "》,5,", "》,abc,", "2:17", "C2"),
];

#[test]
fn a_wrong_value_points_at_its_line_or_cell_in_every_format() {
    for &(department, from, to, line_column, cell) in WRONG {
        let csv = sample_csv(department);
        assert!(csv.contains(from), "{department}: {from}");
        let csv = csv.replacen(from, to, 1);
        for &variant in VARIANTS {
            let data = Data::sample();
            send(&data, department, &csv, variant);
            let place = match variant {
                Variant::Xlsx => format!("{department}.xlsx[Sheet1]!{cell}"),
                Variant::Xls => format!("{department}.xls[Sheet1]!{cell}"),
                Variant::Gb18030 | Variant::Crlf => format!("{department}.csv:{line_column}"),
            };
            let expected = format!(
                "{}: error[D105]: `数量` must be a number written in digits, not `abc` (put the unit in its own column)\n",
                data.file(YEAR, &place).display()
            );
            let output = data
                .disclose()
                .args(["validate", YEAR, "--format", "short"])
                .output()
                .expect("runs");
            assert_eq!(output.status.code(), Some(1), "{department} {variant:?}");
            let stderr = String::from_utf8(output.stderr).expect("UTF-8");
            let errors: Vec<&str> = stderr.lines().filter(|l| l.contains(": error[")).collect();
            assert_eq!(errors.len(), 1, "{department} {variant:?}:\n{stderr}");
            assert_eq!(
                format!("{}\n", errors[0]),
                expected,
                "{department} {variant:?}"
            );
        }
    }
}

#[test]
fn a_cell_is_shown_in_a1_notation_for_people_and_for_scripts() {
    let data = Data::sample();
    let csv = sample_csv("宣传部").replacen("要闻,884,", "要闻,abc,", 1);
    send(&data, "宣传部", &csv, Variant::Xlsx);
    let human = data
        .disclose()
        .args(["validate", YEAR])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(human.stderr).expect("UTF-8");
    assert!(stderr.contains("宣传部.xlsx[Sheet1]!C3"), "{stderr}");
    let json = data
        .disclose()
        .args(["validate", YEAR, "--format", "json"])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let error = doc["years"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["severity"] == "error")
        .expect("an error")
        .clone();
    assert_eq!(error["rule"], "D105");
    assert_eq!(error["cell"], "Sheet1!C3");
    assert_eq!(error["line"], serde_json::Value::Null);
}

#[test]
fn a_line_break_written_in_the_title_is_kept_in_every_format() {
    let data = crate::util::Data::sample();
    data.edit(
        "2019-2020",
        "report.toml",
        "school = \"辽宁科技大学\"",
        "school = \"辽宁科技大学\"\ntitle = \"辽宁科技大学\\n2019-2020学年信息公开工作年度报告\"",
    );
    let compiled = |format: &str| {
        crate::util::stdout_of(
            data.disclose()
                .args(["compile", "2019-2020", "-q", "-f", format]),
        )
    };
    let markdown = compiled("markdown");
    assert!(
        markdown.starts_with("辽宁科技大学\\\n2019-2020学年信息公开工作年度报告\n===\n"),
        "{markdown}"
    );
    let text = compiled("text");
    let lines: Vec<&str> = text.lines().take(2).map(str::trim).collect();
    assert_eq!(lines, ["辽宁科技大学", "2019-2020学年信息公开工作年度报告"]);
    let html = compiled("html");
    assert!(html.contains(
        "<h1><span>辽宁科技大学</span><br><span>2019-2020学年信息公开工作年度报告</span></h1>"
    ));
    assert!(html.contains("<title>辽宁科技大学2019-2020学年信息公开工作年度报告</title>"));
    let dir = tempfile::tempdir().expect("temporary directory");
    let docx = dir.path().join("年报.docx");
    let output = data
        .disclose()
        .args(["compile", "2019-2020", "-q", "-f", "docx", "-o"])
        .arg(&docx)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(
        xml.contains(r#">辽宁科技大学</w:t></w:r><w:r><w:rPr /><w:br w:type="textWrapping" /><w:t xml:space="preserve">2019-2020学年"#),
        "{xml}"
    );
}
