//! A Word document (as Word, WPS or `compile` save it) → its blocks: `word/document.xml`'s
//! paragraphs and tables in order, with the numbers Word draws itself (一、 （一） 1.) written
//! back in front of the paragraphs that have them, as a reader sees the page.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use unicode_width::UnicodeWidthChar;

use super::source::{Block, Refusal};
use crate::model::chinese::chinese_numeral;

/// The most of a Word document's part read into memory (a report is far smaller).
const PART_LIMIT: u64 = 64 << 20;

/// A Word document's blocks.
pub(crate) fn blocks(bytes: &[u8]) -> Result<Vec<Block>, Refusal> {
    let refuse = |why: &str| -> Refusal {
        (
            format!(
                "not a Word document that can be read ({why}): save it again from Word or WPS as .docx"
            ),
            format!("不是可以读取的 Word 文档（{why}）：请在 Word 或 WPS 中另存为 .docx"),
        )
    };
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| refuse(&e.to_string()))?;
    let mut part = |name: &str| -> Option<String> {
        let entry = archive.by_name(name).ok()?;
        let mut xml = String::new();
        entry.take(PART_LIMIT).read_to_string(&mut xml).ok()?;
        Some(xml)
    };
    let document = part("word/document.xml").ok_or_else(|| refuse("no word/document.xml"))?;
    let numbering =
        part("word/numbering.xml").map_or_else(Numbering::default, |x| Numbering::read(&x));
    Ok(document_xml(&document, &numbering))
}

/// How one level of a list is numbered: `%1、` with Chinese numerals, `（%1）`, `%1.`.
#[derive(Clone, Debug)]
struct Level {
    text: String,
    chinese: bool,
}

/// The lists of `word/numbering.xml`: for each list id (`w:numId`), its levels.
#[derive(Debug, Default)]
struct Numbering {
    lists: HashMap<String, HashMap<u8, Level>>,
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.into_inner() == name)
        .map(|a| a.value.to_string())
}

impl Numbering {
    fn read(xml: &str) -> Numbering {
        let mut reader = Reader::from_str(xml);
        let mut abstracts: HashMap<String, HashMap<u8, Level>> = HashMap::new();
        let mut nums: Vec<(String, String)> = Vec::new();
        let (mut abs, mut level, mut num): (Option<String>, Option<u8>, Option<String>) =
            (None, None, None);
        loop {
            let event = reader.read_event();
            let (e, empty) = match &event {
                Ok(Event::Start(e)) => (e.clone(), false),
                Ok(Event::Empty(e)) => (e.clone(), true),
                Ok(Event::End(e)) => {
                    match e.name().into_inner() {
                        "w:abstractNum" => abs = None,
                        "w:lvl" => level = None,
                        "w:num" => num = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                _ => continue,
            };
            match e.name().into_inner() {
                "w:abstractNum" if !empty => abs = attribute(&e, "w:abstractNumId"),
                "w:lvl" if !empty => level = attribute(&e, "w:ilvl").and_then(|l| l.parse().ok()),
                "w:num" if !empty => num = attribute(&e, "w:numId"),
                "w:abstractNumId" => {
                    if let (Some(n), Some(a)) = (&num, attribute(&e, "w:val")) {
                        nums.push((n.clone(), a));
                    }
                }
                "w:numFmt" | "w:lvlText" => {
                    if let (Some(a), Some(l), Some(val)) = (&abs, level, attribute(&e, "w:val")) {
                        let entry =
                            abstracts
                                .entry(a.clone())
                                .or_default()
                                .entry(l)
                                .or_insert(Level {
                                    text: String::new(),
                                    chinese: false,
                                });
                        if e.name().into_inner() == "w:lvlText" {
                            entry.text = val;
                        } else {
                            entry.chinese =
                                val.starts_with("chinese") || val.starts_with("ideograph");
                        }
                    }
                }
                _ => {}
            }
        }
        let lists = nums
            .into_iter()
            .filter_map(|(n, a)| abstracts.get(&a).map(|levels| (n, levels.clone())))
            .collect();
        Numbering { lists }
    }

    /// The number Word draws before a paragraph of list `num` at level `ilvl`, counting on from
    /// the paragraphs before it.
    fn label(
        &self,
        counters: &mut HashMap<String, Vec<usize>>,
        num: &str,
        ilvl: u8,
    ) -> Option<String> {
        let level = self.lists.get(num)?.get(&ilvl)?;
        let counts = counters.entry(num.to_owned()).or_default();
        let i = usize::from(ilvl);
        if counts.len() <= i {
            counts.resize(i + 1, 0);
        }
        counts[i] += 1;
        counts.truncate(i + 1);
        let n = counts[i];
        let shown = if level.chinese {
            chinese_numeral(n)
        } else {
            n.to_string()
        };
        Some(level.text.replace(&format!("%{}", i + 1), &shown))
    }
}

/// What a `w:br` adds to the paragraph so far: in a table's cell a break only wraps a heading
/// (商业 / 企业), so the cell's text goes on (after a space between Latin words); elsewhere it
/// ends a line.
fn line_break(in_cell: bool, paragraph: &str) -> &'static str {
    if !in_cell {
        "\n"
    } else if paragraph
        .chars()
        .last()
        .is_some_and(|c| c.width().unwrap_or(0) < 2)
    {
        " "
    } else {
        ""
    }
}

/// The blocks of `word/document.xml`: a `w:p` is a paragraph (its `w:t` runs joined, `w:tab`
/// and `w:br` as breaks, its list number in front), a `w:tbl` a table of its `w:tc` cells.
fn document_xml(xml: &str, numbering: &Numbering) -> Vec<Block> {
    let mut reader = Reader::from_str(xml);
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut depth_tables = 0usize;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    let mut counters: HashMap<String, Vec<usize>> = HashMap::new();
    let (mut num, mut ilvl): (Option<String>, u8) = (None, 0);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().into_inner() {
                "w:t" => in_text = true,
                "w:tbl" => depth_tables += 1,
                "w:tr" if depth_tables == 1 => rows.push(Vec::new()),
                "w:tc" if depth_tables == 1 => cell = Some(String::new()),
                "w:p" => (num, ilvl) = (None, 0),
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.name().into_inner() {
                "w:tab" => paragraph.push('\t'),
                // In a table's cell a break only wraps a heading (商业 / 企业): the cell's text
                // goes on, after a space between Latin words; elsewhere it ends a line.
                "w:br" | "w:cr" => paragraph.push_str(line_break(cell.is_some(), &paragraph)),
                "w:numId" => num = attribute(&e, "w:val").filter(|v| v != "0"),
                "w:ilvl" => {
                    ilvl = attribute(&e, "w:val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                }
                "w:tc" if depth_tables == 1 => {
                    if let Some(row) = rows.last_mut() {
                        row.push(String::new());
                    }
                }
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => paragraph.push_str(&t),
            Ok(Event::GeneralRef(r)) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    paragraph.push(c);
                } else {
                    paragraph.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Ok(Event::End(e)) => match e.name().into_inner() {
                "w:t" => in_text = false,
                "w:p" => {
                    let mut text = paragraph
                        .trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
                        .to_owned();
                    paragraph.clear();
                    if let Some(n) = num.take()
                        && !text.is_empty()
                        && let Some(label) = numbering.label(&mut counters, &n, ilvl)
                    {
                        text = format!("{label}{text}");
                    }
                    match &mut cell {
                        Some(c) => {
                            if !c.is_empty() && !text.is_empty() {
                                c.push('\n');
                            }
                            c.push_str(&text);
                        }
                        None if depth_tables == 0 => {
                            for line in text.split('\n').map(str::trim).filter(|l| !l.is_empty()) {
                                blocks.push(Block::Paragraph(line.to_owned()));
                            }
                        }
                        None => {}
                    }
                }
                "w:tc" if depth_tables == 1 => {
                    if let (Some(text), Some(row)) = (cell.take(), rows.last_mut()) {
                        row.push(text);
                    }
                }
                "w:tbl" => {
                    depth_tables = depth_tables.saturating_sub(1);
                    if depth_tables == 0 {
                        rows.retain(|r| !r.is_empty());
                        if !rows.is_empty() {
                            blocks.push(Block::Table(std::mem::take(&mut rows)));
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_runs_and_tables() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">概述</w:t></w:r></w:p>
            <w:p><w:r><w:t>A&amp;B</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>编号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>事项</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#;
        let blocks = document_xml(xml, &Numbering::default());
        assert_eq!(blocks[0], Block::Paragraph("一、概述".into()));
        assert_eq!(blocks[1], Block::Paragraph("A&B".into()));
        assert_eq!(
            blocks[2],
            Block::Table(vec![vec!["编号".into(), "事项".into()]])
        );
    }

    #[test]
    fn numbers_word_draws_itself_are_written_back() {
        let numbering = Numbering::read(
            r#"<w:numbering><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        );
        let p = |lvl: u8, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let xml = format!(
            "<w:document><w:body>{}{}{}{}</w:body></w:document>",
            p(0, "概述"),
            p(1, "加强组织领导"),
            p(1, "创新公开形式"),
            p(0, "主动公开情况")
        );
        let blocks = document_xml(&xml, &numbering);
        let texts: Vec<&Block> = blocks.iter().collect();
        assert_eq!(
            texts,
            [
                &Block::Paragraph("一、概述".into()),
                &Block::Paragraph("（一）加强组织领导".into()),
                &Block::Paragraph("（二）创新公开形式".into()),
                &Block::Paragraph("二、主动公开情况".into()),
            ]
        );
    }
}
