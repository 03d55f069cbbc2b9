//! The test years of tests/fixtures/published/, one for each real report of
//! shared/reference/reports/ that gives its part list or figures: each compiles, as Markdown,
//! text and Word, with the report's own part headings in order, and every figure the reference
//! file gives appears character for character. The expected headings and figures are copied
//! from the reference files (without the spaces those files add between digits and Chinese),
//! not from the compiled output.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::util::{Data, disclose, root, stdout_of};

/// One published report and what the compiled test year must show of it.
struct Published {
    /// The folder under tests/fixtures/published/ (the data folder).
    school: &'static str,
    /// The year folder.
    year: &'static str,
    /// The part headings, numbered as published, in order.
    headings: &'static [&'static str],
    /// Figures (with their unit and the words around them where the reference gives them),
    /// each of which must appear in the Markdown exactly.
    figures: &'static [&'static str],
}

const REPORTS: &[Published] = &[
    Published {
        school: "中山大学",
        year: "2019-2020",
        headings: &[
            "一、概述",
            "二、学校主动公开信息情况",
            "三、学校重点领域信息公开情况",
            "四、学校依申请公开信息情况",
            "五、对学校信息公开的评议、举报情况",
            "六、存在的问题和改进措施",
        ],
        figures: &[
            "六个部分",
            "2019年9月1日到2020年8月31日止",
            "教育部令第29号",
            "中办发〔2016〕8号",
            "教办厅〔2017〕3号",
            "教办厅函〔2010〕44号",
            "梳理总结10年来信息公开工作经验",
            "http://xxgk.sysu.edu.cn/index.htm",
        ],
    },
    Published {
        school: "上海科技大学",
        year: "2019-2020",
        headings: &[
            "一、概述",
            "二、信息主动公开情况",
            "三、依申请公开和不予公开情况",
            "四、对信息公开的评议情况",
            "五、因信息公开工作遭到举报的情况",
            "六、信息公开工作主要经验",
            "七、存在的问题和改进措施",
            "八、其他需要报告的事项及附件",
        ],
        figures: &["八个部分", "2019年9月1日至2020年8月31日"],
    },
    Published {
        school: "长江大学",
        year: "2019-2020",
        headings: &[
            "一、信息公开工作概述",
            "二、主动公开情况",
            "三、依申请公开和不予公开情况",
            "四、对信息公开的评议情况",
            "五、因学校信息公开工作遭到举报的情况",
            "六、信息公开工作存在问题及改进措施",
            "七、清单事项公开情况表",
        ],
        figures: &[
            "7个部分",
            "2019年9月1日—2020年10月31日",
            "国务院令第492号",
            "教育部令第29号",
            "教办函〔2014〕23号",
        ],
    },
    Published {
        school: "辽宁中医药大学",
        year: "2020-2021",
        headings: &[
            "一、概述",
            "二、主动公开情况",
            "三、依申请公开与不公开情况",
            "四、对信息公开的评议情况",
            "五、因学校信息公开工作遭到举报的情况",
            "六、信息公开工作存在的主要问题和改进措施",
            "七、其他需要报告事项",
            "八、清单事项公开情况表",
        ],
        figures: &[
            "共八个部分",
            "2020年9月1日至2021年8月31日",
            "教育部令第29号",
            "教办函〔2014〕23号",
            "辽教办电〔2021〕81号",
            "强化组织领导建立健全校内合力工作机制",
        ],
    },
    Published {
        school: "安徽财贸职业学院",
        year: "2021-2022",
        headings: &[
            "一、概述",
            "二、主动公开情况",
            "三、依申请公开和不予公开情况",
            "四、对信息公开的评议情况",
            "五、因学院信息公开工作受到举报、复议、诉讼的情况",
            "六、信息公开工作的经验做法、存在问题和改进措施",
            "七、其他需要报告的事项",
            "八、《清单》事项公开情况表",
        ],
        figures: &[
            "共8个部分",
            "皖教秘〔2022〕457号",
            "统计时限自2021年9月1日起至2022年8月31日止",
            "主动公开信息的方式和数量",
            "3609条",
            "共325条",
            "301条",
        ],
    },
    Published {
        school: "合肥经济学院金融学院",
        year: "2023-2024",
        headings: &[
            "一、信息公开工作展开总体情况概述",
            "二、主动公开情况",
            "三、对信息公开的评议情况",
            "四、存在的主要问题和改进措施",
        ],
        figures: &[
            "四个部分",
            "信息公开工作开展总体情况概述",
            // The reference file: "学院官网 has 9 板块".
            "9个板块",
            "新闻动态265篇",
            "教学实践69篇",
            "学生活动15篇",
            "党建工作107篇",
            "通知公告0篇",
            "共计456篇",
            "查寝32条",
            "日常127条",
            "会议讲座25条",
            "活动比赛迎新54条",
            "共计238条",
            "校园类13篇",
            "国家时政2篇",
            "节日节气10篇",
            "“大美安徽”系列12篇",
            "日常其它12篇",
            "共计49篇",
            "5个工作日",
        ],
    },
    Published {
        school: "未识别高校-szkrzm镜像",
        year: "2021-2022",
        headings: &["一、概述", "二、主动公开情况"],
        figures: &[
            "50条事项",
            "信息公开具体情况",
            "主动公开信息的方式和途径",
            "更新发布信息164项",
            "招生就业工作13项，占7.9%",
            "教务工作10项，占6.1%",
            "财务工作1项，占0.6%",
            "招标工作24项，占14.6%",
            "学生管理工作1项，占0.6%",
            "师资队伍工作1项，占0.6%",
            "资产管理工作5项，占3%",
            "校园安全工作7项，占4.3%",
            // Published as 占8.6% and 占53.6%: 14/164 = 8.54 %, 88/164 = 53.66 %.
            "规章制度工作14项，占8.5%",
            "学校党委常委会、校长办公会情况公开88项，占53.7%",
        ],
    },
    Published {
        school: "安徽农业大学",
        year: "2019-2020",
        headings: &["一、概述"],
        figures: &[
            "2020年度",
            "2019年9月1日-2020年8月31日",
            "（一）进一步完善公开机制",
            "（二）进一步推动《清单》落实",
            "（三）进一步加强工作督促",
            "1次专题线上培训，2次专项督导检查",
        ],
    },
    Published {
        school: "淮安市人民政府",
        year: "2024",
        headings: &[
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        ],
        figures: &[
            "淮安市人民政府2024年政府信息公开工作年度报告",
            "国令第711号",
            "市政府网站主动公开各类政府信息5500余条",
            "新增公开市政府规章1件、市政府及市政府办政策性文件11件",
            "政策解读21个",
            "《淮安市人民政府公报》6期",
            "新闻发布会12场",
            "全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）",
            "行政复议351件",
            "维持72件",
            "纠正64件",
            "其他178件",
            "尚未审结37件",
            "行政诉讼46件",
            "维持25件",
            "纠正5件",
            "其他9件",
            "尚未审结7件",
            "在运维政务新媒体95个",
            "省办2024年四个季度抽查合格率均为100%",
            "4次全覆盖检查",
            "447228",
            "3985758",
            "88283",
            "96171.6万元",
        ],
    },
];

/// 淮安市人民政府 2024: the cells of each row of its two forms, in the report's order
/// (the row labels are the tool's, see the test).
const HUAIAN_REQUESTS: &[[u32; 7]] = &[
    [3001, 53, 0, 0, 61, 4, 3119],
    [34, 0, 0, 0, 0, 0, 34],
    [1288, 21, 0, 0, 50, 3, 1362],
    [447, 7, 0, 0, 0, 0, 454],
    [2, 0, 0, 0, 0, 0, 2],
    [30, 1, 0, 0, 0, 0, 31],
    [5, 0, 0, 0, 0, 0, 5],
    [6, 0, 0, 0, 0, 0, 6],
    [7, 1, 0, 0, 0, 0, 8],
    [12, 0, 0, 0, 0, 0, 12],
    [9, 0, 0, 0, 0, 0, 9],
    [105, 0, 0, 0, 0, 0, 105],
    [746, 12, 0, 0, 10, 1, 769],
    [11, 0, 0, 0, 0, 0, 11],
    [1, 0, 0, 0, 0, 0, 1],
    [56, 6, 0, 0, 0, 0, 62],
    [25, 0, 0, 0, 0, 0, 25],
    [0, 0, 0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0, 0, 0],
    [1, 0, 0, 0, 0, 0, 1],
    [67, 3, 0, 0, 1, 0, 71],
    [6, 0, 0, 0, 0, 0, 6],
    [108, 2, 0, 0, 0, 0, 110],
    [2932, 53, 0, 0, 61, 4, 3050],
    [103, 0, 0, 0, 0, 0, 103],
];
const HUAIAN_REVIEWS: &[[u32; 5]] = &[[72, 64, 178, 37, 351], [13, 4, 8, 1, 26], [12, 1, 1, 6, 20]];
/// 第二十条第（一）项: 规章 and 行政规范性文件, 本年制发 / 本年废止 / 现行有效.
const HUAIAN_ARTICLE_20: &[&str] = &[
    "规章本年制发1件，本年废止0件，现行有效11件",
    "行政规范性文件本年制发8件，本年废止26件，现行有效66件",
];

fn data_folder(report: &Published) -> PathBuf {
    root()
        .join("tests")
        .join("fixtures")
        .join("published")
        .join(report.school)
}

fn compile(data: &Path, year: &str, format: &str) -> String {
    stdout_of(
        disclose()
            .arg("--data")
            .arg(data)
            .args(["compile", year, "-q", "-f", format]),
    )
}

/// Whether a line (or paragraph) is a part heading: a Chinese number, then 、.
fn is_part_heading(line: &str) -> bool {
    let numeral = line
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    numeral > 0 && line.chars().nth(numeral) == Some('、')
}

/// The part headings of the Markdown: its `## ` lines.
fn markdown_headings(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter_map(|line| line.strip_prefix("## "))
        .map(str::to_owned)
        .collect()
}

/// The part headings of the text: paragraphs (indented by two full-width spaces) that start
/// with a part number, and are no table row (table cells are separated by tabs).
fn text_headings(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.trim_start_matches('\u{3000}'))
        .filter(|line| is_part_heading(line) && !line.contains('\t'))
        .map(str::to_owned)
        .collect()
}

/// The part headings of the Word document: the paragraphs at outline level 0.
fn docx_headings(docx: &Path) -> Vec<String> {
    let file = std::fs::File::open(docx).expect("the .docx file");
    let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("word/document.xml in the package")
        .read_to_string(&mut xml)
        .expect("UTF-8 XML");
    let mut headings = Vec::new();
    let mut rest = xml.as_str();
    while let Some(start) = next_paragraph(rest) {
        let body = &rest[start..];
        let end = body
            .find("</w:p>")
            .map_or(body.len(), |i| i + "</w:p>".len());
        let paragraph = &body[..end];
        // A part heading: Word's Heading 1 style (its outline level 0 is in styles.xml).
        if paragraph.contains(r#"<w:pStyle w:val="Heading1""#)
            || paragraph.contains(r#"<w:outlineLvl w:val="0""#)
        {
            headings.push(texts(paragraph));
        }
        rest = &body[end..];
    }
    headings
}

/// Where the next `<w:p>` or `<w:p …>` opens (not `<w:pPr>`).
fn next_paragraph(xml: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = xml[from..].find("<w:p") {
        let at = from + i;
        match xml[at + 4..].chars().next() {
            Some('>' | ' ') => return Some(at),
            _ => from = at + 4,
        }
    }
    None
}

/// The contents of a paragraph's `w:t` elements, concatenated and unescaped.
fn texts(paragraph: &str) -> String {
    let mut text = String::new();
    let mut rest = paragraph;
    while let Some(i) = rest.find("<w:t") {
        let element = &rest[i..];
        let Some(open_end) = element.find('>') else {
            break;
        };
        let name_end = element[4..].chars().next();
        if !matches!(name_end, Some('>' | ' ')) || element[..open_end].ends_with('/') {
            rest = &element[open_end..];
            continue;
        }
        let content = &element[open_end + 1..];
        let close = content.find("</w:t>").unwrap_or(content.len());
        text.push_str(&content[..close]);
        rest = &content[close..];
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn compile_docx(data: &Path, year: &str, dir: &Path) -> PathBuf {
    let path = dir.join("report.docx");
    let output = disclose()
        .arg("--data")
        .arg(data)
        .args(["compile", year, "-q", "-f", "docx", "-o"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "exit {:?}\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    path
}

#[test]
fn every_test_year_validates_without_error() {
    for report in REPORTS {
        let output = disclose()
            .arg("--data")
            .arg(data_folder(report))
            .args(["validate", report.year, "--format", "short"])
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{}: {stderr}", report.school);
        // Only 长江大学's period (to 31 October) is warned about: its report says so.
        let expected = usize::from(report.school == "长江大学");
        assert_eq!(
            stderr.lines().count(),
            expected,
            "{}: {stderr}",
            report.school
        );
        assert!(
            stderr.lines().all(|line| line.contains("warning[D405]")),
            "{stderr}"
        );
    }
}

#[test]
fn markdown_has_the_published_headings_and_figures() {
    for report in REPORTS {
        let markdown = compile(&data_folder(report), report.year, "markdown");
        assert_eq!(
            markdown_headings(&markdown),
            report.headings,
            "{}",
            report.school
        );
        let missing: Vec<_> = report
            .figures
            .iter()
            .filter(|figure| !markdown.contains(**figure))
            .collect();
        assert!(missing.is_empty(), "{}: missing {missing:?}", report.school);
    }
}

#[test]
fn text_has_the_published_headings() {
    for report in REPORTS {
        let text = compile(&data_folder(report), report.year, "text");
        assert_eq!(text_headings(&text), report.headings, "{}", report.school);
    }
}

#[test]
fn word_has_the_published_headings() {
    for report in REPORTS {
        let dir = tempfile::tempdir().expect("temporary directory");
        let docx = compile_docx(&data_folder(report), report.year, dir.path());
        assert_eq!(docx_headings(&docx), report.headings, "{}", report.school);
    }
}

#[test]
fn the_wrong_published_shares_are_printed_right() {
    let report = &REPORTS[6];
    assert_eq!(report.school, "未识别高校-szkrzm镜像");
    let markdown = compile(&data_folder(report), report.year, "markdown");
    for wrong in ["占8.6%", "占53.6%"] {
        assert!(!markdown.contains(wrong), "{wrong}");
    }
}

#[test]
fn huaian_forms_have_every_cell_of_the_published_forms() {
    let report = &REPORTS[8];
    assert_eq!(report.school, "淮安市人民政府");
    let markdown = compile(&data_folder(report), report.year, "markdown");
    // Each body row of the forms ends in its numbers; header rows (bold labels) have none.
    let numbers: Vec<Vec<u32>> = markdown
        .lines()
        .filter(|line| {
            line.starts_with("| ") && !line.starts_with("| ---") && !line.starts_with("| :")
        })
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            let trailing = cells
                .iter()
                .rev()
                .take_while(|c| c.parse::<u32>().is_ok())
                .count();
            cells[cells.len() - trailing..]
                .iter()
                .map(|c| c.parse().expect("a number"))
                .collect()
        })
        .filter(|row: &Vec<u32>| !row.is_empty())
        .collect();
    // The requests form's 25 rows of 7, then the reviews form's one row of 15 (three groups of 5).
    let mut expected: Vec<Vec<u32>> = HUAIAN_REQUESTS.iter().map(|r| r.to_vec()).collect();
    expected.push(HUAIAN_REVIEWS.iter().flatten().copied().collect());
    assert_eq!(numbers, expected);
    for figure in HUAIAN_ARTICLE_20 {
        assert!(markdown.contains(figure), "{figure}");
    }
    // Its labels as the report printed them: the template's words (forms = "template").
    for label in [
        "一、本年新收政府信息公开申请数量",
        "1.本机关不掌握相关政府信息",
    ] {
        assert!(markdown.contains(label), "{label}");
    }
}

#[test]
fn editing_one_number_changes_exactly_that_number() {
    let report = &REPORTS[4];
    assert_eq!(report.school, "安徽财贸职业学院");
    let data = Data::empty().with_year(&data_folder(report), report.year);
    let before = stdout_of(data.disclose().args(["compile", report.year, "-q"]));
    assert_eq!(before.matches("3609条").count(), 1);
    data.edit(
        report.year,
        "宣传部.csv",
        "校园门户网站,信息,3609,",
        "校园门户网站,信息,3610,",
    );
    let after = stdout_of(data.disclose().args(["compile", report.year, "-q"]));
    assert_eq!(after, before.replace("3609条", "3610条"));
}

#[test]
fn moving_a_part_moves_it_and_renumbers_the_rest() {
    let report = &REPORTS[1];
    assert_eq!(report.school, "上海科技大学");
    let data = Data::empty().with_year(&data_folder(report), report.year);
    let experience = "  { key = \"experience\", heading = \"信息公开工作主要经验\" },\n";
    data.edit(report.year, "report.toml", experience, "");
    let overview = "  { key = \"overview\", heading = \"概述\" },\n";
    data.edit(
        report.year,
        "report.toml",
        overview,
        &format!("{overview}{experience}"),
    );
    let expected = [
        "一、概述",
        "二、信息公开工作主要经验",
        "三、信息主动公开情况",
        "四、依申请公开和不予公开情况",
        "五、对信息公开的评议情况",
        "六、因信息公开工作遭到举报的情况",
        "七、存在的问题和改进措施",
        "八、其他需要报告的事项及附件",
    ];
    let markdown = stdout_of(data.disclose().args(["compile", report.year, "-q"]));
    assert_eq!(markdown_headings(&markdown), expected);
    assert!(
        markdown.contains("全文共八个部分：概述、信息公开工作主要经验、信息主动公开情况、"),
        "the preamble lists the parts in their new order"
    );
    let text = stdout_of(
        data.disclose()
            .args(["compile", report.year, "-q", "-f", "text"]),
    );
    assert_eq!(text_headings(&text), expected);
    let dir = tempfile::tempdir().expect("temporary directory");
    let docx = compile_docx(data.path(), report.year, dir.path());
    assert_eq!(docx_headings(&docx), expected);
}

#[test]
fn the_heading_readers_see_part_numbers_only() {
    assert!(is_part_heading("十一、其他"));
    assert!(!is_part_heading("（一）主动公开"));
    assert!(!is_part_heading("一是学校信息门户"));
    assert_eq!(
        text_headings("　　一、概述\n　　一、本年新收\t1\t2\n　　正文"),
        ["一、概述"]
    );
}
