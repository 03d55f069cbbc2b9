//! A report's blocks → its structure: title, preamble, parts (with their paragraphs, numbered
//! points, sub-headings and tables), signature and appendix.
//!
//! Reports are recognised by how they are written, not by one template: a part heading is a
//! short line `一、…` (or `第一部分 …`); a point opens with `（一）…。` or `1. …。` and runs on; a
//! sub-heading is a short `（一）…` line of its own; the signature is the date 2020年10月29日 and
//! the line before it. Text broken across a page (a paragraph that stops without punctuation and
//! goes on in the next) is joined again. What comes before the title (a CMS's menus) is dropped.

use jiff::civil::Date;

use super::source::{Block, Kind};
use super::tables;
use crate::model::chinese::{chinese_numeral, is_han};

/// The recognised report.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// The title line, if the file has one.
    pub(crate) title: Option<String>,
    /// Paragraphs between the title and part 一.
    pub(crate) preamble: Vec<String>,
    /// How part numbers print: `{一}、`.
    pub(crate) number: String,
    /// The parts.
    pub(crate) parts: Vec<Part>,
    /// The signature's signer line.
    pub(crate) signer: Option<String>,
    /// The signature's date.
    pub(crate) date: Option<Date>,
    /// Tables after the signature (the checklist appendix).
    pub(crate) appendix: Vec<Vec<Vec<String>>>,
    /// Tables in the parts that are neither a State Council form nor a checklist table (the
    /// State Council's 主动公开 table, a table of the office's own): kept as text, a paragraph
    /// a row, for the office to check; how many there were.
    pub(crate) kept_as_text: usize,
    /// How many paragraphs are a bare number (`7`, `2856.4`): a table copied one cell per
    /// line, which import cannot put back together.
    pub(crate) bare_numbers: usize,
}

/// One part.
#[derive(Debug, Default)]
pub(crate) struct Part {
    /// The heading, without its number.
    pub(crate) heading: String,
    /// Paragraphs before any point or sub-heading.
    pub(crate) paragraphs: Vec<String>,
    /// Numbered points directly in the part.
    pub(crate) points: Vec<Point>,
    /// How those points are numbered: `（{一}）`, `{1}. `.
    pub(crate) pattern: Option<String>,
    /// Sub-headings, each with its numbered paragraphs.
    pub(crate) sections: Vec<Section>,
    /// Tables in the part.
    pub(crate) tables: Vec<Vec<Vec<String>>>,
}

/// A sub-heading of a part: （一）信息公开渠道和数据, and what follows it.
#[derive(Debug, Default)]
pub(crate) struct Section {
    /// The heading, without its number.
    pub(crate) heading: String,
    /// Paragraphs before any item.
    pub(crate) paragraphs: Vec<String>,
    /// The numbered paragraphs under it.
    pub(crate) items: Vec<Point>,
}

/// A numbered run-in point: （一）加强组织领导，完善工作机制。学校高度重视……
#[derive(Debug, Default, Clone)]
pub(crate) struct Point {
    /// The run-in title, without its number and full stop.
    pub(crate) title: String,
    /// The paragraphs; the first continues the title's line.
    pub(crate) paragraphs: Vec<String>,
}

/// A part heading's number and text: `一、概述` → (1, 概述, `{一}、`).
fn part_heading(line: &str) -> Option<(usize, String, String)> {
    let line = line.trim();
    if line.chars().count() > 40
        || line.ends_with(['。', '；', '，'])
        || line.contains('\t')
        || line.ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    if let Some(rest) = line.strip_prefix('第')
        && let Some((numeral, heading)) = rest.split_once("部分")
        && let Some(n) = numeral_value(numeral)
    {
        let heading = heading.trim_start_matches([' ', '\u{3000}', '：', ':', '、']);
        let sep = &rest[numeral.len() + "部分".len()..rest.len() - heading.len()];
        return (!heading.is_empty())
            .then(|| (n, heading.to_owned(), format!("第{{一}}部分{sep}")));
    }
    let end = line
        .char_indices()
        .find(|(_, c)| !"一二三四五六七八九十".contains(*c))?
        .0;
    let n = numeral_value(&line[..end])?;
    let rest = &line[end..];
    let heading = rest
        .strip_prefix('、')
        .or_else(|| rest.strip_prefix('.'))?
        .trim();
    (!heading.is_empty() && !heading.starts_with(['（', '(']))
        .then(|| (n, heading.to_owned(), "{一}、".to_owned()))
}

/// 一 → 1, 十二 → 12.
fn numeral_value(text: &str) -> Option<usize> {
    if text.is_empty() {
        return None;
    }
    (1..=99).find(|&n| chinese_numeral(n) == text)
}

/// A point's number, pattern and the rest of its line: `（三）…` → ("（{一}）", rest), `2. …` →
/// ("{1}. ", rest).
fn point_number(line: &str) -> Option<(String, &str)> {
    if let Some(rest) = line.strip_prefix('（').or_else(|| line.strip_prefix('('))
        && let Some(close) = rest.find(['）', ')'])
        && numeral_value(&rest[..close]).is_some()
    {
        let close_char = &rest[close..].chars().next()?.to_string();
        let open = if line.starts_with('（') { "（" } else { "(" };
        return Some((
            format!("{open}{{一}}{close_char}"),
            &rest[close + close_char.len()..],
        ));
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &line[digits..];
    let mark = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '．' | '、'))?;
    let after = &rest[mark.len_utf8()..];
    let trimmed = after.trim_start_matches(' ');
    let spaces = &after[..after.len() - trimmed.len()];
    Some((format!("{{1}}{mark}{spaces}"), trimmed))
}

/// Whether a whole line is a sub-heading: `（一）学院官网`, or `一、公开渠道和信息数量` inside a
/// part headed 第一部分 (a heading numbered as parts are, but not the next part).
fn is_subheading_line(line: &str) -> bool {
    point_number(line)
        .is_some_and(|(pattern, rest)| pattern.contains("{一}") && is_subheading(rest.trim()))
        || part_heading(line).is_some_and(|(_, heading, _)| is_subheading(&heading))
}

/// A sub-heading line: a number and a short heading with no sentence after it.
fn is_subheading(rest: &str) -> bool {
    !rest.contains('。') && rest.chars().count() <= 30 && !rest.ends_with(['；', '，', '：'])
}

/// The date of a signature line: 2020年10月29日 (spaces allowed).
pub(crate) fn signature_date(line: &str) -> Option<Date> {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let rest = compact.strip_suffix('日')?;
    let (y, rest) = rest.split_once('年')?;
    let (m, d) = rest.split_once('月')?;
    let number = |s: &str| -> Option<i16> {
        let half: String = s
            .chars()
            .map(|c| {
                if ('０'..='９').contains(&c) {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
        half.parse().ok()
    };
    let (y, m, d) = (number(y)?, number(m)?, number(d)?);
    Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()
}

/// Whether a paragraph looks like the title of a disclosure report.
fn is_title(text: &str) -> bool {
    text.chars().count() <= 60
        && (text.contains("信息公开") || text.contains("年度报告"))
        && (text.ends_with("报告") || text.ends_with("年报") || text.contains("年度报告"))
        && !text.ends_with('。')
}

/// Whether a paragraph stops mid-sentence (and a page break cut it).
fn unfinished(text: &str) -> bool {
    !text.ends_with([
        '。', '！', '？', '：', '；', '…', '”', '」', '）', ')', '】', '》', '!', '?', '.', ':',
        ';',
    ])
}

/// Whether `before`, which stops without punctuation, and `next` are one paragraph that a page
/// cut. Never a table's row kept as text (cells separated by spaces: 信息内容 本年制发件数): a
/// space between two Chinese characters is not prose. In a Word document or a web page, whose
/// paragraphs are the author's own, only a long paragraph is taken as cut (a short one without
/// a full stop is a line of its own: 本学年学院信息公开工作平稳有序).
fn cut(before: &str, next: &str, kind: Kind) -> bool {
    let row = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        chars
            .windows(3)
            .any(|w| is_han(w[0]) && w[1] == ' ' && is_han(w[2]))
    };
    let own_paragraphs = matches!(kind, Kind::Docx | Kind::Html);
    !row(before)
        && !row(next)
        && !is_subheading_line(before)
        && !before.starts_with("附件")
        && (!own_paragraphs || before.chars().count() >= 30)
}

/// Recognises the structure of a report's blocks.
pub(crate) fn recognise(blocks: Vec<Block>, kind: Kind) -> Report {
    let mut report = Report {
        number: "{一}、".to_owned(),
        ..Report::default()
    };
    let mut blocks = strip_title(&mut report, blocks);
    take_signature(&mut report, &mut blocks);
    let mut current: Option<Part> = None;
    let mut last_number = 0;
    let mut pending: Option<String> = None;
    for block in blocks {
        let text = match block {
            Block::Table(t)
                if tables::form(&t).is_none() && tables::checklist_csv(&t).is_none() =>
            {
                // A table the year cannot hold as data: its rows as text, in place, under
                // its caption, so that nothing the report printed is lost.
                if let Some(p) = pending.take() {
                    push(&mut report, &mut current, p);
                }
                for row in &t {
                    let cells: Vec<&str> = row
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .collect();
                    if !cells.is_empty() {
                        push(&mut report, &mut current, cells.join(" "));
                    }
                }
                report.kept_as_text += 1;
                continue;
            }
            Block::Table(t) => {
                // A short line without a full stop just before a table is its caption, which
                // the report prints again from the table's kind.
                if let Some(p) = pending.take()
                    && (p.chars().count() > 30 || p.contains('。'))
                {
                    push(&mut report, &mut current, p);
                }
                match &mut current {
                    Some(part) => part.tables.push(t),
                    None => report.appendix.push(t),
                }
                continue;
            }
            Block::Paragraph(p) => p,
        };
        if text.chars().all(|c| c.is_ascii_digit() || c == '.') {
            report.bare_numbers += 1;
        }
        if let Some((n, heading, pattern)) = part_heading(&text)
            && n == last_number + 1
        {
            if let Some(p) = pending.take() {
                push(&mut report, &mut current, p);
            }
            if let Some(part) = current.take() {
                report.parts.push(part);
            }
            last_number = n;
            report.number = pattern;
            current = Some(Part {
                heading,
                ..Part::default()
            });
            continue;
        }
        // A paragraph a page break cut goes on in the next one.
        let starts_block = point_number(&text).is_some();
        match pending.take() {
            Some(mut before) if !starts_block && cut(&before, &text, kind) => {
                before.push_str(&text);
                pending = Some(before);
            }
            Some(before) => {
                push(&mut report, &mut current, before);
                pending = Some(text);
            }
            None => pending = Some(text),
        }
        // A finished paragraph, or a sub-heading line (which has no full stop), goes now.
        if pending
            .as_deref()
            .is_some_and(|p| !unfinished(p) || is_subheading_line(p))
            && let Some(p) = pending.take()
        {
            push(&mut report, &mut current, p);
        }
    }
    if let Some(p) = pending.take() {
        push(&mut report, &mut current, p);
    }
    if let Some(part) = current.take() {
        report.parts.push(part);
    }
    report
}

/// The blocks after the title (what comes before it, a CMS's menus, is dropped), the title kept
/// in the report.
fn strip_title(report: &mut Report, blocks: Vec<Block>) -> Vec<Block> {
    // Drop what comes before the title (a CMS's menus), when there is a title. A web page's
    // menus and lists of other years' reports (信息公开年度报告, 2020-2021学年信息公开工作年度报告)
    // read as titles too: the report's own is the last one before its first part heading, the
    // one nearest its text (or the first one, when no part heading follows any).
    let first_part = blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph(p) if part_heading(p).is_some_and(|h| h.0 == 1)))
        .unwrap_or(blocks.len());
    let start = blocks[..first_part]
        .iter()
        .rposition(|b| matches!(b, Block::Paragraph(p) if is_title(p)))
        .or_else(|| {
            blocks
                .iter()
                .position(|b| matches!(b, Block::Paragraph(p) if is_title(p)))
        });
    match start {
        Some(i) => {
            let line = |at: usize| match blocks.get(at) {
                Some(Block::Paragraph(p)) => Some(p.as_str()),
                _ => None,
            };
            let mut title = line(i).unwrap_or_default().to_owned();
            // A title broken over two lines (the Word document's and the web page's title is):
            // the school or the year on the line before it, a bracketed year on the line after.
            if let Some(before) = i.checked_sub(1).and_then(line)
                && title_line_before(before)
            {
                title.insert_str(0, before);
            }
            let mut skip = i + 1;
            if let Some(after) = line(i + 1)
                && title_line_after(after)
            {
                title.push_str(after);
                skip += 1;
            }
            report.title = Some(title);
            // A CMS's line under the title (发布时间：…　来源：…　点击数：…) is not the report's.
            while line(skip).is_some_and(is_page_details) {
                skip += 1;
            }
            blocks.into_iter().skip(skip).collect()
        }
        // Without a title, a short first line that is no sentence is what is left of one (a
        // title broken in a PDF's copy): not a paragraph of the report.
        None => match blocks.first() {
            Some(Block::Paragraph(p))
                if p.chars().count() <= 30 && !p.contains('。') && part_heading(p).is_none() =>
            {
                blocks.into_iter().skip(1).collect()
            }
            _ => blocks,
        },
    }
}

/// Whether a line is a web page's details of the article (发布时间：2022-10-28　作者：党政办公室
/// 点击数：1268), or where the page sits (当前位置：首页 >> …), not a sentence of the report.
fn is_page_details(line: &str) -> bool {
    const DETAILS: [&str; 14] = [
        "发布时间",
        "发布日期",
        "发布者",
        "发布人",
        "来源",
        "作者",
        "点击",
        "浏览",
        "阅读",
        "编辑",
        "审核",
        "更新时间",
        "当前位置",
        "您的位置",
    ];
    line.chars().count() <= 100
        && !line.contains('。')
        && DETAILS.iter().any(|d| {
            line.starts_with(d)
                || line.contains(&format!("{d}："))
                || line.contains(&format!("{d}:"))
        })
}

/// Whether a short line just above the title is its first line: the school, or the school and
/// the year, without a sentence's punctuation.
fn title_line_before(line: &str) -> bool {
    line.chars().count() <= 30
        && !line.contains(['。', '，', '：', '>', '|', '/'])
        && ["学年", "年度", "年", "大学", "学院", "学校", "分校", "政府"]
            .iter()
            .any(|end| line.ends_with(end))
}

/// Whether a short line just under the title is its last line: the year in brackets.
fn title_line_after(line: &str) -> bool {
    line.chars().count() <= 16
        && (line.starts_with('（') && line.ends_with('）')
            || line.starts_with('(') && line.ends_with(')'))
        && line.contains(|c: char| c.is_ascii_digit())
}

/// The signature: the last date line, with the short line before it as the signer; tables after
/// it are the appendix. Taken off the end of `blocks`.
fn take_signature(report: &mut Report, blocks: &mut Vec<Block>) {
    // The signature: the last date line with a short line before it; the rest is the appendix.
    if let Some(d) = blocks
        .iter()
        .rposition(|b| matches!(b, Block::Paragraph(p) if signature_date(p).is_some()))
    {
        if let Block::Paragraph(p) = &blocks[d] {
            report.date = signature_date(p);
        }
        if d > 0
            && let Block::Paragraph(signer) = &blocks[d - 1]
            && signer.chars().count() <= 30
            && !signer.ends_with(['。', '；', '，'])
            && part_heading(signer).is_none()
        {
            report.signer = Some(signer.clone());
        }
        let after: Vec<Block> = blocks.split_off(d);
        report.appendix = after
            .into_iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                Block::Paragraph(_) => None,
            })
            .collect();
        if report.signer.is_some() {
            blocks.pop();
        }
    }
    // The attachment note under the body (附件：清单事项公开情况表) is printed again from the
    // outline's checklist place; it is no paragraph of the last part.
    while matches!(blocks.last(), Some(Block::Paragraph(p)) if is_attachment_note(p)) {
        blocks.pop();
    }
}

/// Whether a line is the attachment note under a report's body: `附件：` and a short title.
fn is_attachment_note(line: &str) -> bool {
    line.chars().count() <= 40
        && !line.contains('。')
        && ["附件：", "附件:", "附件 "]
            .iter()
            .any(|start| line.starts_with(start))
}

/// Adds a paragraph where it belongs: the preamble before part 一; else a sub-heading, a point,
/// or the current point's or part's paragraphs.
fn push(report: &mut Report, current: &mut Option<Part>, text: String) {
    let Some(part) = current else {
        report.preamble.push(text);
        return;
    };
    if let Some((pattern, rest)) = point_number(&text) {
        let rest = rest.trim();
        if pattern.contains("{一}") && is_subheading(rest) {
            part.sections.push(Section {
                heading: rest.to_owned(),
                ..Section::default()
            });
            return;
        }
        let (title, body) = match rest.find(['。', '：']) {
            Some(i) if rest[..i].chars().count() <= 40 => {
                let stop = rest[i..].chars().next().map_or(0, char::len_utf8);
                (rest[..i].to_owned(), rest[i + stop..].trim().to_owned())
            }
            _ => (String::new(), rest.to_owned()),
        };
        let point = Point {
            title,
            paragraphs: if body.is_empty() {
                Vec::new()
            } else {
                vec![body]
            },
        };
        match part.sections.last_mut() {
            Some(section) => section.items.push(point),
            None => {
                part.pattern.get_or_insert(pattern);
                part.points.push(point);
            }
        }
        return;
    }
    let last_point = match part.sections.last_mut() {
        Some(section) if section.items.is_empty() => {
            section.paragraphs.push(text);
            return;
        }
        Some(section) => section.items.last_mut(),
        None => part.points.last_mut(),
    };
    match last_point {
        Some(point) => point.paragraphs.push(text),
        None => part.paragraphs.push(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(lines: &[&str]) -> Vec<Block> {
        lines
            .iter()
            .map(|l| Block::Paragraph((*l).to_owned()))
            .collect()
    }

    #[test]
    fn headings_points_sections_and_the_signature() {
        let report = recognise(
            paragraphs(&[
                "首页 > 信息公开",
                "某大学2019-2020学年信息公开工作年度报告",
                "本年报根据……编制。",
                "一、概述",
                "学校高度重视。",
                "（一）加强组织领导，完善工作机制。学校成立领导小组，统一",
                "组织和协调全校信息公开工作。",
                "二、主动公开情况",
                "（一）信息公开渠道和数据",
                "1. 通过校园网公开信息情况。学校主页共发布信息1481条。",
                "（二）重点领域公开情况",
                "1. 招生信息公开情况。公开招生章程。",
                "研究生招生信息公开情况：公开招生简章。",
                "三、其他需要报告的事项",
                "无",
                "某大学",
                "2020年10月29日",
            ]),
            Kind::Text,
        );
        assert_eq!(
            report.title.as_deref(),
            Some("某大学2019-2020学年信息公开工作年度报告")
        );
        assert_eq!(report.preamble, ["本年报根据……编制。"]);
        let headings: Vec<&str> = report.parts.iter().map(|p| p.heading.as_str()).collect();
        assert_eq!(headings, ["概述", "主动公开情况", "其他需要报告的事项"]);
        let overview = &report.parts[0];
        assert_eq!(overview.paragraphs, ["学校高度重视。"]);
        assert_eq!(overview.points[0].title, "加强组织领导，完善工作机制");
        assert_eq!(
            overview.points[0].paragraphs,
            ["学校成立领导小组，统一组织和协调全校信息公开工作。"]
        );
        assert_eq!(overview.pattern.as_deref(), Some("（{一}）"));
        let proactive = &report.parts[1];
        assert_eq!(proactive.sections.len(), 2);
        assert_eq!(
            proactive.sections[1].items[0].paragraphs,
            ["公开招生章程。", "研究生招生信息公开情况：公开招生简章。"]
        );
        assert_eq!(report.signer.as_deref(), Some("某大学"));
        assert_eq!(report.date, Date::new(2020, 10, 29).ok());
    }

    #[test]
    fn a_web_pages_menus_and_article_details_are_not_the_report() {
        let mut blocks = paragraphs(&[
            "清单事项",
            "信息公开年度报告",
            "2020-2021学年信息公开工作年度报告",
            "当前位置: 首页 >> 信息公开年度报告 >> 正文",
            "某大学2021-2022学年信息公开工作年度报告",
            "发布时间：2022-10-28 作者：党政办公室 点击数：1268",
            "根据《高等学校信息公开办法》编制本报告。",
            "一、概述",
            "学校高度重视。",
            "二、主动公开信息情况",
        ]);
        // A table that is neither a form nor a checklist table: its rows kept as text.
        blocks.push(Block::Table(vec![
            vec!["信息内容".into(), "本年制发件数".into()],
            vec!["规章".into(), "0".into()],
        ]));
        let report = recognise(blocks, Kind::Html);
        assert_eq!(
            report.title.as_deref(),
            Some("某大学2021-2022学年信息公开工作年度报告")
        );
        assert_eq!(
            report.preamble,
            ["根据《高等学校信息公开办法》编制本报告。"]
        );
        assert_eq!(
            report.parts[1].paragraphs,
            ["信息内容 本年制发件数", "规章 0"]
        );
        assert_eq!(report.kept_as_text, 1);
    }

    #[test]
    fn numbers_and_patterns() {
        assert_eq!(
            part_heading("十二、其他"),
            Some((12, "其他".into(), "{一}、".into()))
        );
        assert_eq!(
            part_heading("第三部分　依申请公开情况"),
            Some((3, "依申请公开情况".into(), "第{一}部分　".into()))
        );
        assert_eq!(part_heading("一、本年新收信息公开申请数量\t5\t1"), None);
        assert_eq!(part_heading("一、本年新收信息公开申请数量，"), None);
        assert_eq!(point_number("2.招生").map(|p| p.0), Some("{1}.".into()));
        assert_eq!(point_number("3、 招生").map(|p| p.0), Some("{1}、 ".into()));
        assert_eq!(
            point_number("（十）其他").map(|p| p.0),
            Some("（{一}）".into())
        );
        assert_eq!(
            signature_date("2020 年 10 月 29 日"),
            Date::new(2020, 10, 29).ok()
        );
    }
}
