//! A published report's file → its blocks of text in reading order: paragraphs and tables.
//!
//! Plain text and Markdown (as `compile` writes them, or as an office copies a report), an HTML
//! page (as a browser saves the article, the CMS's menus and footers around it), and a Word
//! document (as Word, WPS or `compile` save it). What cannot be a report (a PDF, an image, an
//! empty file) is refused here, with what to do instead.

use crate::model::decode::decode;

/// A block of the report's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph, its white space as written (trimmed at both ends).
    Paragraph(String),
    /// A table: rows of cells.
    Table(Vec<Vec<String>>),
}

/// The kinds of file import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Plain text.
    Text,
    /// Markdown.
    Markdown,
    /// An HTML page.
    Html,
    /// A Word document.
    Docx,
}

/// Why a file cannot be read as a report: English and Chinese.
pub(crate) type Refusal = (String, String);

/// Reads a file's bytes into blocks; `name` decides the kind where the bytes do not.
pub(crate) fn blocks(name: &str, bytes: &[u8]) -> Result<(Kind, Vec<Block>), Refusal> {
    let ext = std::path::Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ext = ext.as_str();
    if bytes.starts_with(b"%PDF") || ext == "pdf" {
        return Err((
            "a PDF cannot be imported: its text is laid out for print, not stored as paragraphs. Open it and save it as a Word file (.docx), or copy its text into a .txt file, and import that".to_owned(),
            "无法导入 PDF：其中的文字是按版面排好的，而不是按段落保存的。请打开它另存为 Word 文件（.docx），或把文字复制到 .txt 文件中，再导入".to_owned(),
        ));
    }
    if is_image(bytes) {
        return Err((
            "this is an image, not a report's text: a scanned report has no text to read; import the Word file or the web page it was made from, or type its text into a .txt file".to_owned(),
            "这是图片，不是报告的文字：扫描件中没有可读的文字；请导入原来的 Word 文件或网页，或把文字录入 .txt 文件".to_owned(),
        ));
    }
    if ext == "doc" || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err((
            "an old Word document (.doc) cannot be read: open it in Word or WPS and save it as .docx".to_owned(),
            "无法读取旧版 Word 文档（.doc）：请在 Word 或 WPS 中打开，另存为 .docx".to_owned(),
        ));
    }
    let (kind, blocks) = if bytes.starts_with(b"PK") || ext == "docx" {
        (Kind::Docx, super::word::blocks(bytes)?)
    } else {
        let text = decode(bytes).text;
        let head = text
            .trim_start()
            .get(..512.min(text.trim_start().len()))
            .unwrap_or("");
        let head = head.to_lowercase();
        if matches!(ext, "html" | "htm" | "xhtml")
            || head.starts_with("<!doctype html")
            || head.starts_with("<html")
        {
            (Kind::Html, html(&text))
        } else if matches!(ext, "md" | "markdown") {
            (Kind::Markdown, markdown(&text))
        } else {
            (Kind::Text, plain(&text))
        }
    };
    if blocks.is_empty() {
        return Err((
            "the file holds no text to import".to_owned(),
            "文件中没有可导入的文字".to_owned(),
        ));
    }
    Ok((kind, blocks))
}

fn is_image(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x89, b'P', b'N', b'G'])
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
        || bytes.starts_with(b"BM")
        || (bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP")
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
}

/// Plain text: a paragraph per line (blank lines separate nothing more), leading full-width
/// indentation dropped; lines of cells separated by tabs (as `compile -f text` writes a table,
/// and as a table copied from Word or Excel pastes) make a table.
fn plain(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    for line in text.lines() {
        if line.contains('\t') {
            let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_owned()).collect();
            // A line of tabs and spaces only is a blank line.
            if cells.iter().any(|c| !c.is_empty()) {
                table.push(cells);
                continue;
            }
        }
        if !table.is_empty() {
            blocks.push(Block::Table(std::mem::take(&mut table)));
        }
        let line = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        if !line.is_empty() {
            blocks.push(Block::Paragraph(line.to_owned()));
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Table(table));
    }
    blocks
}

/// Markdown: headings, paragraphs and GitHub-style tables, with the markup of emphasis, headings,
/// block quotes and escapes taken off.
fn markdown(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('|') && line.ends_with('|') && line.len() > 1 {
            let inner = &line[1..line.len() - 1];
            let cells: Vec<String> = split_cells(inner)
                .iter()
                .map(|c| unmark(c.trim()))
                .collect();
            let rule = cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
            if !rule {
                table.push(cells);
            }
            continue;
        }
        if !table.is_empty() {
            blocks.push(Block::Table(std::mem::take(&mut table)));
        }
        let line = line.trim_start_matches('#').trim_start_matches('>').trim();
        if line.is_empty() || line.chars().all(|c| matches!(c, '-' | '*' | '_' | '=')) {
            continue;
        }
        let text = unmark(line);
        if !text.is_empty() {
            blocks.push(Block::Paragraph(text));
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Table(table));
    }
    blocks
}

/// The cells of a table row, split at `|` not escaped by `\`.
fn split_cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                if let Some(s) = cells.last_mut() {
                    s.push('|');
                }
            }
            '|' => cells.push(String::new()),
            _ => {
                if let Some(s) = cells.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    cells
}

/// Markdown inline markup off: `**`, `__`, backslash escapes.
fn unmark(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            }
            '*' => {}
            _ => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// Block-level elements: each starts and ends a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "caption",
    "dt",
    "dd",
    "center",
];
/// Elements whose text is never the report's.
const HIDDEN: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "svg",
];

/// An HTML page: the text of its block elements, and its tables, in document order.
fn html(text: &str) -> Vec<Block> {
    use html5gum::{Token, Tokenizer};
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    let mut hidden = 0usize;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    let mut tables = 0usize;
    let flush = |paragraph: &mut String, blocks: &mut Vec<Block>| {
        let text = collapse(paragraph);
        if !text.is_empty() {
            blocks.push(Block::Paragraph(text));
        }
        paragraph.clear();
    };
    for token in Tokenizer::new(text).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_lowercase();
                if HIDDEN.contains(&name.as_str()) && !tag.self_closing {
                    hidden += 1;
                } else if name == "table" {
                    flush(&mut paragraph, &mut blocks);
                    tables += 1;
                } else if tables > 0 && name == "tr" {
                    rows.push(Vec::new());
                } else if tables > 0 && (name == "td" || name == "th") {
                    cell = Some(String::new());
                } else if name == "br" {
                    match &mut cell {
                        Some(c) => c.push('\n'),
                        None => flush(&mut paragraph, &mut blocks),
                    }
                } else if BLOCKS.contains(&name.as_str()) && cell.is_none() {
                    flush(&mut paragraph, &mut blocks);
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_lowercase();
                if HIDDEN.contains(&name.as_str()) {
                    hidden = hidden.saturating_sub(1);
                } else if name == "table" && tables > 0 {
                    tables -= 1;
                    if tables == 0 {
                        rows.retain(|r| !r.is_empty());
                        if !rows.is_empty() {
                            blocks.push(Block::Table(std::mem::take(&mut rows)));
                        }
                    }
                } else if (name == "td" || name == "th") && tables > 0 {
                    if let (Some(text), Some(row)) = (cell.take(), rows.last_mut()) {
                        row.push(collapse(&text));
                    }
                } else if BLOCKS.contains(&name.as_str()) && cell.is_none() {
                    flush(&mut paragraph, &mut blocks);
                }
            }
            Token::String(s) if hidden == 0 => {
                let s = String::from_utf8_lossy(&s);
                match &mut cell {
                    Some(c) => c.push_str(&s),
                    None if tables == 0 => paragraph.push_str(&s),
                    None => {}
                }
            }
            _ => {}
        }
    }
    flush(&mut paragraph, &mut blocks);
    blocks
}

/// HTML white space collapsed as a browser shows it; a non-breaking or full-width space at the
/// start (an indent) dropped.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() || c == '\u{a0}' {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(blocks: &[Block]) -> Vec<&str> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.as_str()),
                Block::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn what_is_not_a_report_is_refused_with_advice() {
        let (en, zh) = blocks("年报.pdf", b"%PDF-1.7\n...").unwrap_err();
        assert!(en.contains("save it as a Word file (.docx)"), "{en}");
        assert!(zh.contains("另存为 Word 文件"), "{zh}");
        assert!(blocks("scan.png", &[0x89, b'P', b'N', b'G', 0, 0]).is_err());
        assert!(blocks("empty.txt", b"  \n\n").is_err());
        assert!(blocks("x.docx", b"PK\x03\x04garbage").is_err());
    }

    #[test]
    fn text_markdown_and_html_give_the_same_paragraphs() {
        let (_, text) = blocks(
            "a.txt",
            "  某大学年度报告\n\n\u{3000}\u{3000}一、概述\n学校发布信息1481条。\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(
            paragraphs(&text),
            ["某大学年度报告", "一、概述", "学校发布信息1481条。"]
        );
        let (_, md) = blocks("a.md", "# 某大学年度报告\n\n## 一、概述\n\n**1. 标题**。学校发布信息1481条\\*。\n\n| 编号 | 事项 |\n| --- | --- |\n| 1 | a\\|b |\n".as_bytes()).unwrap();
        assert_eq!(
            paragraphs(&md),
            [
                "某大学年度报告",
                "一、概述",
                "1. 标题。学校发布信息1481条*。"
            ]
        );
        assert_eq!(
            md.last(),
            Some(&Block::Table(vec![
                vec!["编号".into(), "事项".into()],
                vec!["1".into(), "a|b".into()]
            ]))
        );
        let page = "<html><head><title>x</title><style>p{}</style></head><body><nav><a>首页</a></nav>\
            <div class=\"article\"><h1>某大学年度报告</h1><p>一、概述</p><p>&nbsp;学校发布信息<b>1481</b>条。</p>\
            <table><tr><td>编号</td><td>事项</td></tr><tr><td>1</td><td>办学规模</td></tr></table></div>\
            <script>var a = '不是正文';</script></body></html>";
        let (kind, html) = blocks("a.htm", page.as_bytes()).unwrap();
        assert_eq!(kind, Kind::Html);
        assert_eq!(
            paragraphs(&html),
            ["首页", "某大学年度报告", "一、概述", "学校发布信息1481条。"]
        );
        assert!(matches!(html.last(), Some(Block::Table(rows)) if rows.len() == 2));
    }
}
