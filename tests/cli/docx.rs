//! `disclose compile --format docx`: the Word document holds every sentence of the published
//! report, in official-document layout, and LibreOffice (where installed) reads it.
//!
//! A .docx file is a zip of XML; the text of `word/document.xml` is read back paragraph by
//! paragraph (the `w:t` runs of each `w:p`) and compared as `seed.rs` compares the text
//! formats.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::seed::missing;
use crate::tools;
use crate::util::root;
use crate::util::{Data, EXAMPLE_YEAR, SHIPPED, disclose, example};

/// How long LibreOffice may take to convert the report (its first start makes a profile).
const CONVERSION_TIME: Duration = Duration::from_secs(180);

/// Compiles the shipped sample year to `report.docx` in `dir`.
fn compile(dir: &Path) -> PathBuf {
    compile_with(dir, disclose(), "2019-2020", &[])
}

/// Runs `cmd compile year --format docx -q -o dir/report.docx` with `more` arguments.
fn compile_with(dir: &Path, mut cmd: assert_cmd::Command, year: &str, more: &[&str]) -> PathBuf {
    let path = dir.join("report.docx");
    let output = cmd
        .args(["compile", year, "--format", "docx", "-q"])
        .args(more)
        .arg("-o")
        .arg(&path)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "exit {:?}\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stdout.is_empty(), "nothing on stdout with -o");
    path
}

/// One part of the package, as text.
fn part(docx: &Path, name: &str) -> String {
    let file = std::fs::File::open(docx).expect("the .docx file");
    let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} in the package"))
        .read_to_string(&mut text)
        .expect("UTF-8 XML");
    text
}

/// The text of each paragraph of a WordprocessingML part, in order (table cells included).
fn paragraphs(xml: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut rest = xml;
    while let Some(start) = find_element(rest, "w:p") {
        let body = &rest[start..];
        let end = body
            .find("</w:p>")
            .map_or(body.len(), |i| i + "</w:p>".len());
        paragraphs.push(texts(&body[..end]));
        rest = &body[end..];
    }
    paragraphs
}

/// The contents of the `w:t` elements of `xml`, concatenated and unescaped.
fn texts(xml: &str) -> String {
    let mut text = String::new();
    let mut rest = xml;
    while let Some(start) = find_element(rest, "w:t") {
        let element = &rest[start..];
        let Some(open_end) = element.find('>') else {
            break;
        };
        if element[..open_end].ends_with('/') {
            rest = &element[open_end..];
            continue;
        }
        let content = &element[open_end + 1..];
        let close = content.find("</w:t>").unwrap_or(content.len());
        text.push_str(&unescape(&content[..close]));
        rest = &content[close..];
    }
    text
}

/// Where the next element named exactly `name` opens (`<w:t>` or `<w:t …`, not `<w:tbl>`).
fn find_element(xml: &str, name: &str) -> Option<usize> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(i) = xml[from..].find(&open) {
        let at = from + i;
        match xml[at + open.len()..].chars().next() {
            Some('>' | ' ' | '/') => return Some(at),
            _ => from = at + open.len(),
        }
    }
    None
}

/// XML's five entities and the line feed `docx-rs` writes as a character reference.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#xA;", "\n")
        .replace("&amp;", "&")
}

#[test]
fn the_text_reader_sees_text_runs_only() {
    let xml = r#"<w:body><w:p w14:paraId="1"><w:r><w:t xml:space="preserve">甲 &amp; </w:t></w:r><w:r><w:tab/><w:t>乙</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:pPr/></w:body>"#;
    assert_eq!(paragraphs(xml), ["甲 & 乙", "丙"]);
}

#[test]
fn the_word_document_has_every_sentence_of_the_published_report() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let docx = compile(dir.path());
    let document = part(&docx, "word/document.xml");
    let paragraphs = paragraphs(&document);
    assert_eq!(
        paragraphs.first().map(String::as_str),
        Some("辽宁科技大学2019-2020学年信息公开工作年度报告")
    );
    assert_eq!(missing(&paragraphs.join("\n")), Vec::<String>::new());
}

#[test]
fn the_word_document_is_a4_in_the_fonts_of_an_official_document() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let docx = compile(dir.path());
    let document = part(&docx, "word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838""#));
    // The fonts are the styles': every role's, East Asian and Latin.
    let styles = part(&docx, "word/styles.xml");
    for font in ["方正小标宋简体", "黑体", "楷体", "仿宋", "宋体"] {
        assert!(
            styles.contains(&format!(r#"w:eastAsia="{font}""#)),
            "{font}"
        );
    }
    assert!(styles.contains(r#"w:line="560" w:lineRule="exact""#));
    let fonts = part(&docx, "word/fontTable.xml");
    assert!(fonts.contains(r#"<w:altName w:val="宋体" />"#), "{fonts}");
    let footer = part(&docx, "word/footer1.xml");
    assert!(footer.contains("<w:instrText>PAGE</w:instrText>"));
    let core = part(&docx, "docProps/core.xml");
    assert!(core.contains("2020-10-29T00:00:00Z"), "{core}");
}

#[test]
fn the_checklist_appendix_is_a_word_table_after_the_signature() {
    let dir = tempfile::tempdir().expect("temporary directory");
    // The example university accounts for every item; the sample year's published report
    // carries no table, and neither does its compiled report.
    let sample = part(&compile(dir.path()), "word/document.xml");
    assert!(!sample.contains("附件"));
    let mut cmd = disclose();
    cmd.arg("--data").arg(root().join("examples/示例大学"));
    let docx = compile_with(dir.path(), cmd, "2022-2023", &[]);
    let document = part(&docx, "word/document.xml");
    let note = document
        .find(">附件：清单事项公开情况表<")
        .expect("the attachment note");
    let date = document.find("2023年10月20日").expect("the date");
    assert!(note < date, "the note ends the body, before the signature");
    let label = document
        .find(">附件</w:t>")
        .expect("the attachment's label");
    assert!(date < label, "the attachment follows the signature");
    let table = &document[label..];
    assert!(table[..table.find("<w:tbl>").unwrap()].contains(">清单事项公开情况表</w:t>"));
    let table = &table[table.find("<w:tbl>").expect("a table")..];
    let table = &table[..table.find("</w:tbl>").expect("its end")];
    // A header row and one row per checklist item.
    assert_eq!(table.matches("<w:tr>").count(), 51);
    assert_eq!(table.matches("<w:tblHeader />").count(), 1);
    let header = paragraphs(table);
    assert_eq!(
        header[..5],
        ["编号", "类别", "事项", "公开情况", "公开网址或渠道"]
    );
}

#[test]
fn the_same_submissions_give_the_same_bytes() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let first = std::fs::read(compile(dir.path())).expect("first");
    let output = disclose()
        .env("TZ", "Asia/Shanghai")
        .env("LANG", "zh_CN.UTF-8")
        .args(["compile", "2019-2020", "--format", "docx", "-q"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    assert!(output.stdout.starts_with(b"PK"), "a zip on stdout");
    assert!(first == output.stdout, "byte-identical");
}

#[test]
fn the_example_university_renders() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut cmd = disclose();
    cmd.arg("--data").arg(example());
    let docx = compile_with(dir.path(), cmd, EXAMPLE_YEAR, &[]);
    let text = paragraphs(&part(&docx, "word/document.xml")).join("\n");
    assert!(text.contains("示例大学"), "{text}");
}

#[test]
fn a_draft_shows_its_banner_placeholders_and_findings() {
    let data = Data::sample();
    data.edit("2019-2020", "宣传部.csv", "要闻,884", "要闻,");
    let dir = tempfile::tempdir().expect("temporary directory");
    let docx = compile_with(dir.path(), data.disclose(), "2019-2020", &["--draft"]);
    let document = part(&docx, "word/document.xml");
    let text = paragraphs(&document);
    assert!(text[0].starts_with("【草稿】"), "{}", text[0]);
    assert!(document.contains(r#"<w:highlight w:val="yellow" />"#));
    assert!(text.iter().any(|p| p == "待处理的问题"));
    assert!(text.iter().any(|p| p.contains("宣传部.csv")), "{text:?}");
}

#[test]
fn docx_is_not_written_to_a_terminal() {
    // `script` (util-linux) runs the command with a terminal for stdout; without it there is
    // no terminal to test with.
    let util_linux = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("util-linux"));
    if !util_linux {
        eprintln!("note: no util-linux `script`; the terminal check is not exercised");
        return;
    }
    let binary = assert_cmd::cargo::cargo_bin("disclose");
    let command = format!("'{}' compile 2019-2020 --format docx", binary.display());
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(crate::util::root())
        .env("LANG", "C")
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    assert_eq!(output.status.code(), Some(2));
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("binary format"), "{shown}");
    assert!(!shown.contains("PK"), "{shown}");
}

/// Every shipped year as a .docx in `dir`, and the path of each.
fn shipped_documents(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    SHIPPED
        .iter()
        .map(|(data, year)| {
            let mut cmd = disclose();
            cmd.arg("--data").arg(root().join(data));
            let name = data.replace('/', "-");
            let folder = dir.join(&name);
            std::fs::create_dir_all(&folder).expect("a folder");
            let docx = compile_with(&folder, cmd, year, &[]);
            let named = dir.join(format!("{name}.docx"));
            std::fs::rename(&docx, &named).expect("renamed");
            (*data, named)
        })
        .collect()
}

/// Converts every document to PDF beside it with LibreOffice, in one run with a profile of its
/// own; fails on any error.
fn convert(soffice: &Path, dir: &Path, documents: &[PathBuf]) {
    let profile = dir.join("profile");
    let mut child = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .args(documents)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("LibreOffice starts");
    let deadline = Instant::now() + CONVERSION_TIME;
    let status = loop {
        if let Some(status) = child.try_wait().expect("LibreOffice runs") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("LibreOffice took more than {CONVERSION_TIME:?}");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let mut said = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut said);
    }
    assert!(status.success(), "{status}\n{said}");
    assert!(!said.to_lowercase().contains("error"), "{said}");
    for docx in documents {
        let pdf = docx.with_extension("pdf");
        let bytes =
            std::fs::read(&pdf).unwrap_or_else(|_| panic!("{}: no PDF\n{said}", pdf.display()));
        assert!(bytes.starts_with(b"%PDF"), "{said}");
    }
}

/// The lines of a PDF page's text, white space removed, empty lines left out.
fn lines(page: &str) -> Vec<String> {
    page.lines()
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_shipped_year_converts_with_libreoffice_and_reads_as_laid_out() {
    let Some(found) = tools::all(
        "LibreOffice layout",
        &[&["soffice", "libreoffice"], &["pdftotext"], &["pdfinfo"]],
    ) else {
        return;
    };
    let dir = tempfile::tempdir().expect("temporary directory");
    let documents = shipped_documents(dir.path());
    // And a government's report, whose forms hold four-digit numbers.
    let huaian = root().join("tests/fixtures/published/淮安市人民政府");
    let folder = dir.path().join("huaian");
    std::fs::create_dir_all(&folder).expect("a folder");
    let mut cmd = disclose();
    cmd.arg("--data").arg(&huaian);
    let forms = dir.path().join("huaian.docx");
    std::fs::rename(compile_with(&folder, cmd, "2024", &[]), &forms).expect("renamed");
    let mut paths: Vec<PathBuf> = documents.iter().map(|(_, p)| p.clone()).collect();
    paths.push(forms.clone());
    convert(&found[0], dir.path(), &paths);
    // No number of a form wraps inside its cell (300 over 1 would read as two numbers): each
    // one is a word of the page's text as laid out.
    let markdown = crate::util::stdout_of(
        disclose()
            .arg("--data")
            .arg(&huaian)
            .args(["compile", "2024", "-q"]),
    );
    let laid_out = tools::pdf_text(&forms.with_extension("pdf"));
    let words: std::collections::BTreeSet<&str> = laid_out.split_whitespace().collect();
    let numbers: std::collections::BTreeSet<&str> = markdown
        .lines()
        .filter(|l| l.starts_with("| "))
        .flat_map(|l| l.split('|').map(str::trim))
        .filter(|c| c.len() >= 3 && c.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert!(numbers.contains("3119"), "{numbers:?}");
    let broken: Vec<&&str> = numbers.iter().filter(|n| !words.contains(**n)).collect();
    assert!(broken.is_empty(), "wrapped in their cells: {broken:?}");
    for (data, docx) in &documents {
        let pdf = docx.with_extension("pdf");
        if let Some(shots) = std::env::var_os("DISCLOSE_SCREENSHOTS") {
            let _ = std::fs::create_dir_all(&shots);
            let name = format!("{}-docx.pdf", data.replace('/', "-"));
            let _ = std::fs::copy(&pdf, PathBuf::from(shots).join(name));
        }
        let pages = tools::pdf_pages(&pdf);
        assert!(pages >= 2, "{data}: {pages} pages");
        tools::assert_page_numbers_alternate(&pdf);
        let text = tools::pdf_text(&pdf);
        let page_texts: Vec<&str> = text.split('\u{c}').collect();
        match *data {
            "data" => {
                let body = tools::pdf_body_text(&pdf);
                assert_eq!(
                    missing(&body),
                    Vec::<String>::new(),
                    "the sample year's PDF"
                );
                // The title on two balanced lines.
                let first = lines(page_texts[0]);
                assert_eq!(
                    first[..2],
                    ["辽宁科技大学2019-2020学年", "信息公开工作年度报告"]
                );
                // 28 characters a line of body text: the longest line of Chinese alone, a
                // full stop hanging at its end aside.
                let longest = page_texts
                    .iter()
                    .flat_map(|p| lines(p))
                    .filter(|l| l.chars().all(|c| !c.is_ascii()))
                    .map(|l| {
                        l.trim_end_matches(['。', '，', '、', '；', '：'])
                            .chars()
                            .count()
                    })
                    .max()
                    .unwrap_or_default();
                assert_eq!(longest, 28, "characters on the longest line");
            }
            "examples/示例大学" => {
                // The body ends with the attachment note; the attachment starts a page with
                // 附件 at its top left and its title under it.
                assert!(lines(&text).iter().any(|l| l == "附件：清单事项公开情况表"));
                let attachment = page_texts
                    .iter()
                    .find(|p| lines(p).first().is_some_and(|l| l == "附件"))
                    .expect("a page that starts with 附件");
                assert_eq!(lines(attachment)[1], "清单事项公开情况表");
            }
            "examples/示例学院" => {
                let all: String = lines(&text).concat();
                for label in [
                    "申请人情况",
                    "法人或其他组织",
                    "四、结转下年度继续办理",
                    "未经复议直接起诉",
                    "复议后起诉",
                    "行政复议",
                    "行政诉讼",
                ] {
                    assert!(all.contains(label), "{label}");
                }
            }
            _ => {}
        }
    }
}

#[test]
fn the_word_documents_xml_has_its_styles_grid_links_and_merged_cells() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let documents = shipped_documents(dir.path());
    for (data, docx) in &documents {
        let document = part(docx, "word/document.xml");
        let styles = part(docx, "word/styles.xml");
        for (id, name) in [
            ("Title", "Title"),
            ("Heading1", "heading 1"),
            ("Heading2", "heading 2"),
            ("BodyText", "Body Text"),
            ("Signature", "Signature"),
        ] {
            assert!(
                styles.contains(&format!(r#"w:styleId="{id}"><w:name w:val="{name}" />"#)),
                "{data}: style {id}"
            );
        }
        for id in ["Title", "Heading1", "BodyText", "Signature"] {
            assert!(
                document.contains(&format!(r#"<w:pStyle w:val="{id}" />"#)),
                "{data}: {id} used"
            );
        }
        assert!(
            document.contains(r#"<w:docGrid w:type="lines" w:linePitch="560" />"#),
            "{data}"
        );
        assert!(
            styles.contains(r#"<w:spacing w:val="-6" />"#),
            "{data}: 28 characters a line"
        );
        let rels = part(docx, "word/_rels/document.xml.rels");
        let links = rels.matches("relationships/hyperlink").count();
        match *data {
            "examples/示例大学" => {
                assert!(links >= 40, "{data}: {links} hyperlinks");
                assert_eq!(document.matches("<w:hyperlink ").count(), links, "{data}");
                assert!(!rels.contains("javascript:"), "{data}");
            }
            "examples/示例学院" => {
                assert!(
                    document.contains(r#"<w:gridSpan w:val="10" />"#),
                    "{data}: 行政诉讼 over ten columns"
                );
                assert!(
                    document.contains(r#"<w:gridSpan w:val="7" />"#),
                    "{data}: 申请人情况 over seven"
                );
                assert!(
                    document.contains(r#"<w:vMerge w:val="restart" />"#),
                    "{data}"
                );
                assert!(
                    document.contains(r#"<w:vMerge w:val="continue" />"#),
                    "{data}"
                );
                assert!(document.contains(
                    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
                ));
            }
            _ => {}
        }
    }
}
