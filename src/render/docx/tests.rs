//! The Word document's XML: page, grid, styles per role, page numbers, tables, forms, links.

use std::io::{Cursor, Read};

use docx_rs::Paragraph;

use super::text::DRAFT_BANNER;
use super::to_bytes;
use crate::compose::report::{self, Block, Data, Part, Report, Signature};

/// Table 四 of the example college, as compose lays it out.
fn reviews() -> report::Form {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/示例学院");
    let loaded = crate::read::year(&data, "2022".parse().unwrap()).unwrap();
    let report = crate::compose::compose(&loaded.submissions, false);
    report
        .parts
        .into_iter()
        .flat_map(|p| p.blocks)
        .find_map(|b| match b {
            Block::Form(form) if form.key == "reviews" => Some(form),
            _ => None,
        })
        .expect("table 四")
}

/// A small report with a preamble, a part with every kind of block, an appendix table.
fn report(draft: bool) -> Report {
    let table = report::Table {
        title: "附件：清单事项公开情况表".to_owned(),
        columns: vec!["编号".to_owned(), "事项".to_owned()],
        rows: vec![vec![
            "1".to_owned(),
            "办学规模 & <基本情况> https://a.edu.cn/x?a=1&b=2".to_owned(),
        ]],
    };
    Report {
        school: "示例大学".to_owned(),
        year: "2022-2023".to_owned(),
        title: "示例大学2022-2023学年信息公开工作年度报告".to_owned(),
        draft,
        preamble: vec!["本年报按照要求编制。".to_owned()],
        parts: vec![Part {
            key: "overview".to_owned(),
            number: "一".to_owned(),
            prefix: "一、".to_owned(),
            heading: "概述".to_owned(),
            blocks: vec![
                Block::Heading {
                    number: "（一）".to_owned(),
                    text: "信息公开渠道和数据".to_owned(),
                },
                Block::Paragraph {
                    lead: Some("1. 招生信息公开情况。".to_owned()),
                    text: "学校主页共发布信息【待补充：学校主页/信息】。".to_owned(),
                },
                Block::Table(report::Table {
                    title: "依申请公开情况".to_owned(),
                    columns: vec!["项目".to_owned(), "件数".to_owned()],
                    rows: vec![vec!["本学年收到申请".to_owned(), "0".to_owned()]],
                }),
                Block::Form(reviews()),
            ],
        }],
        appendix: vec![table],
        signature: Signature {
            signer: "示例大学".to_owned(),
            date: "2023年10月30日".to_owned(),
        },
        findings: if draft {
            vec!["data/2022-2023/宣传部.csv:3:9: error[D105]: …".to_owned()]
        } else {
            Vec::new()
        },
        data: Data::default(),
    }
}

/// The text of one part of the package.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn document(report: &Report) -> String {
    part(&to_bytes(report).unwrap(), "word/document.xml")
}

fn styles(report: &Report) -> String {
    part(&to_bytes(report).unwrap(), "word/styles.xml")
}

/// The XML of the style with this id.
fn style<'x>(styles: &'x str, id: &str) -> &'x str {
    let start = styles
        .find(&format!(r#"w:styleId="{id}""#))
        .unwrap_or_else(|| panic!("style {id}"));
    let end = styles[start..].find("</w:style>").unwrap() + start;
    &styles[start..end]
}

#[test]
fn the_page_is_a4_with_the_margins_of_an_official_document() {
    let xml = document(&report(false));
    assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "{xml}");
    for margin in [
        r#"w:top="2098""#,
        r#"w:bottom="1984""#,
        r#"w:left="1587""#,
        r#"w:right="1474""#,
    ] {
        assert!(xml.contains(margin), "{margin}");
    }
}

#[test]
fn the_grid_holds_22_lines_of_28_characters() {
    let report = report(false);
    let xml = document(&report);
    assert!(
        xml.contains(r#"<w:docGrid w:type="lines" w:linePitch="560" />"#),
        "{}",
        &xml[xml.find("<w:sectPr").unwrap()..]
    );
    // Characters 0.3 pt tighter: 28 of them fit the 156 mm line (page.rs has the arithmetic).
    assert!(style(&styles(&report), "Normal").contains(r#"<w:spacing w:val="-6" />"#));
}

#[test]
fn every_role_has_its_named_style_and_paragraphs_name_theirs() {
    let report = report(true);
    let styles = styles(&report);
    for (id, name, font) in [
        ("Title", "Title", "方正小标宋简体"),
        ("Heading1", "heading 1", "黑体"),
        ("Heading2", "heading 2", "楷体"),
        ("Heading3", "heading 3", "仿宋"),
        ("BodyText", "Body Text", "仿宋"),
        ("TableText", "表格文字", "仿宋"),
        ("Caption", "caption", "黑体"),
        ("Signature", "Signature", "仿宋"),
        ("AttachmentLabel", "附件标识", "黑体"),
        ("Footer", "footer", "宋体"),
    ] {
        let xml = style(&styles, id);
        assert!(
            xml.contains(&format!(r#"<w:name w:val="{name}" />"#)),
            "{xml}"
        );
        assert!(xml.contains(&format!(r#"w:eastAsia="{font}""#)), "{xml}");
        assert!(xml.contains(r#"w:ascii="Times New Roman""#), "{xml}");
    }
    assert!(style(&styles, "Heading1").contains(r#"<w:outlineLvl w:val="0" />"#));
    assert!(style(&styles, "Heading2").contains(r#"<w:outlineLvl w:val="1" />"#));
    let body = style(&styles, "BodyText");
    assert!(body.contains(r#"<w:sz w:val="32" />"#), "{body}");
    assert!(body.contains(r#"w:firstLineChars="200""#), "{body}");
    assert!(style(&styles, "Normal").contains(r#"w:line="560" w:lineRule="exact""#));
    assert_eq!(styles.matches(r#"w:styleId="Normal""#).count(), 1);
    assert!(style(&styles, "Title").contains(r#"<w:sz w:val="44" />"#));
    let xml = document(&report);
    for id in [
        "Title",
        "Heading1",
        "Heading2",
        "BodyText",
        "Caption",
        "Signature",
        "TableText",
        "DraftBanner",
        "AttachmentLabel",
    ] {
        assert!(
            xml.contains(&format!(r#"<w:pStyle w:val="{id}" />"#)),
            "{id}"
        );
    }
    // Runs carry no fonts of their own: the styles do.
    assert!(!xml.contains("<w:rFonts"), "{xml}");
}

#[test]
fn a_long_title_breaks_at_its_natural_point() {
    let mut report = report(false);
    report.title = "辽宁科技大学2019-2020学年信息公开工作年度报告".to_owned();
    report.school = "辽宁科技大学".to_owned();
    let xml = document(&report);
    let title = &xml[xml.find(r#"<w:pStyle w:val="Title" />"#).unwrap()..];
    let title = &title[..title.find("</w:p>").unwrap()];
    assert!(title.contains("辽宁科技大学2019-2020学年</w:t>"), "{title}");
    assert!(
        title.contains(
            r#"<w:br w:type="textWrapping" /><w:t xml:space="preserve">信息公开工作年度报告"#
        ),
        "{title}"
    );
}

#[test]
fn tables_are_word_tables_with_a_repeating_bold_header_and_links() {
    let bytes = to_bytes(&report(false)).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert_eq!(xml.matches("<w:tbl>").count(), 3);
    // One header row for each table, three for the form.
    assert_eq!(xml.matches("<w:tblHeader />").count(), 5);
    assert!(xml.contains("办学规模 &amp; &lt;基本情况&gt; "));
    assert!(xml.contains(r#"<w:insideV w:val="single""#), "{xml}");
    assert!(xml.contains(r#"<w:hyperlink r:id="rIdLink1""#), "{xml}");
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    assert!(
        rels.contains(r#"Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://a.edu.cn/x?a=1&amp;b=2" TargetMode="External""#),
        "{rels}"
    );
}

#[test]
fn a_form_merges_its_cells_as_the_template_does() {
    let xml = document(&report(false));
    let start = xml.find(">行政复议</w:t>").unwrap();
    let form = &xml[xml[..start].rfind("<w:tbl>").unwrap()..];
    let form = &form[..form.find("</w:tbl>").unwrap()];
    // 行政复议 over five columns, 行政诉讼 over ten, each kind of lawsuit over five.
    assert!(form.contains(r#"<w:gridSpan w:val="5" />"#), "{form}");
    assert!(form.contains(r#"<w:gridSpan w:val="10" />"#), "{form}");
    // The five results of 行政复议 span two header rows.
    assert_eq!(
        form.matches(r#"<w:vMerge w:val="restart" />"#).count(),
        5,
        "{form}"
    );
    assert_eq!(
        form.matches(r#"<w:vMerge w:val="continue" />"#).count(),
        5,
        "{form}"
    );
    assert_eq!(form.matches("<w:tr>").count(), 4);
}

#[test]
fn the_attachment_starts_a_page_with_its_label_and_title_and_the_body_notes_it() {
    let xml = document(&report(false));
    let note = xml.find("附件：清单事项公开情况表").expect("the note");
    let date = xml.find("2023年10月30日").expect("the date");
    assert!(note < date, "the note before the signature");
    let label = xml.find(r#"<w:pStyle w:val="AttachmentLabel" />"#).unwrap();
    assert!(label > date);
    let label_paragraph = &xml[label..label + xml[label..].find("</w:p>").unwrap()];
    assert!(
        label_paragraph.contains("<w:pageBreakBefore />"),
        "{label_paragraph}"
    );
    assert!(label_paragraph.contains(">附件</w:t>"), "{label_paragraph}");
    let title = &xml[label..];
    let title = &title[title.find(r#"<w:pStyle w:val="Title" />"#).unwrap()..];
    assert!(title[..title.find("</w:p>").unwrap()].contains(">清单事项公开情况表</w:t>"));
}

#[test]
fn page_numbers_alternate_sides_one_character_in() {
    let bytes = to_bytes(&report(false)).unwrap();
    let odd = part(&bytes, "word/footer1.xml");
    let even = part(&bytes, "word/footer2.xml");
    for footer in [&odd, &even] {
        assert!(
            footer.contains("<w:instrText>PAGE</w:instrText>"),
            "{footer}"
        );
        assert!(footer.contains("— "), "{footer}");
        assert!(
            footer.contains(r#"<w:pStyle w:val="Footer" />"#),
            "{footer}"
        );
    }
    assert!(odd.contains(r#"<w:jc w:val="right" />"#), "{odd}");
    assert!(odd.contains(r#"w:right="280""#), "{odd}");
    assert!(even.contains(r#"<w:jc w:val="left" />"#), "{even}");
    assert!(even.contains(r#"w:left="280""#), "{even}");
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains(r#"<w:footerReference w:type="even""#), "{xml}");
    let settings = part(&bytes, "word/settings.xml");
    assert!(settings.contains("<w:evenAndOddHeaders />"), "{settings}");
    assert!(style(&styles(&report(false)), "Footer").contains(r#"<w:sz w:val="28" />"#));
}

#[test]
fn a_draft_has_its_banner_its_placeholders_marked_and_its_findings() {
    let xml = document(&report(true));
    assert!(xml.contains(DRAFT_BANNER));
    assert!(xml.contains(r#"<w:highlight w:val="yellow" />"#));
    assert!(xml.contains("error[D105]"));
    let clean = document(&report(false));
    assert!(!clean.contains(DRAFT_BANNER));
}

#[test]
fn two_renders_are_byte_identical_and_carry_no_time() {
    let report = report(true);
    let first = to_bytes(&report).unwrap();
    // Paragraphs and links made in between must not shift the ids.
    let _ = Paragraph::new();
    let _ = docx_rs::Hyperlink::new("https://x.cn", docx_rs::HyperlinkType::External);
    let second = std::thread::spawn(move || to_bytes(&report).unwrap())
        .join()
        .unwrap();
    assert!(first == second);
    let mut archive = zip::ZipArchive::new(Cursor::new(first.as_slice())).unwrap();
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        let time = file.last_modified().unwrap();
        assert_eq!((time.year(), time.month(), time.day()), (1980, 1, 1));
    }
    let core = part(&first, "docProps/core.xml");
    assert!(core.contains("2023-10-30T00:00:00Z"), "{core}");
}

#[test]
fn control_characters_do_not_reach_the_xml() {
    assert_eq!(super::text::clean("a\u{0}b\u{1b}c\u{FFFF}\td"), "a b c d");
}
