//! Pieces of text every renderer treats alike: the title's lines, the links inside a text, the
//! appendix's note and titles.
//!
//! A title may carry a line break of its own (`title = "辽宁科技大学\n2019-2020学年…"` in
//! report.toml), which every format honours. Where it has none and is too long for a line, the
//! Word document and the web page break it at a natural point ([`title_lines`]): between the
//! school and the year, after the year, or before 信息公开, whichever gives the most balanced
//! lines, never inside a word. Links are `http://` and `https://` addresses only (the checks
//! reject other schemes), found in the text as written.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::compose::report::Table;

/// The title's lines: its own line breaks, else, when it is wider than `columns` display
/// columns, two lines broken at the natural point that balances them best.
pub(crate) fn title_lines(title: &str, school: &str, columns: usize) -> Vec<String> {
    let own: Vec<String> = title
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    if own.len() > 1 || title.width() <= columns {
        return if own.is_empty() {
            vec![title.trim().to_owned()]
        } else {
            own
        };
    }
    let title = title.trim();
    let mut breaks: Vec<usize> = Vec::new();
    if !school.is_empty() && title.starts_with(school) && title.len() > school.len() {
        breaks.push(school.len());
    }
    for word in ["学年", "年度"] {
        if let Some(at) = title.find(word) {
            breaks.push(at + word.len());
        }
    }
    if let Some(at) = title.find("信息公开").filter(|at| *at > 0) {
        // 政府信息公开 is one term: the break goes before 政府.
        let at = if title[..at].ends_with("政府") {
            at - "政府".len()
        } else {
            at
        };
        breaks.push(at);
    }
    // Neither line shorter than four characters: 年度 alone on a line is no natural break.
    breaks.retain(|at| {
        let (first, second) = title.split_at(*at);
        first.width().min(second.width()) >= 8
    });
    let best = breaks.into_iter().min_by_key(|at| {
        let (first, second) = title.split_at(*at);
        let (a, b) = (first.width(), second.width());
        // Lines that fit come first, then the most balanced; at equal balance the upper line is
        // the shorter (a trapezoid, as GB/T 9704 has it).
        (a.max(b) > columns, a.abs_diff(b), a > b)
    });
    match best {
        Some(at) => {
            let (first, second) = title.split_at(at);
            vec![first.to_owned(), second.to_owned()]
        }
        None => vec![title.to_owned()],
    }
}

/// The title on one line, for where a line break cannot be (a page title, document
/// properties): its lines joined, with a space only between two Latin letters or digits.
pub(crate) fn title_on_one_line(title: &str) -> String {
    let mut out = String::new();
    for line in title.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if latin(out.chars().last()) && latin(line.chars().next()) {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// `text` in pieces, each an `http://` or `https://` link (`true`) or plain text (`false`). A
/// link ends at white space, at a full-width character, at `<`, `>` or `"`, and without the
/// punctuation that closes a sentence around it (`.`, `,`, `;`, `)` … at its end). The pieces
/// put together give `text` back.
pub(crate) fn links(text: &str) -> Vec<(bool, &str)> {
    let lower = text.to_ascii_lowercase();
    let mut ranges = Vec::new();
    let mut from = 0;
    while from < text.len() {
        let next = ["http://", "https://"]
            .iter()
            .filter_map(|scheme| lower[from..].find(scheme).map(|i| (from + i, scheme.len())))
            .min();
        let Some((start, scheme)) = next else { break };
        let tail = &text[start..];
        let mut end = tail
            .find(|c: char| c.is_whitespace() || !c.is_ascii() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(tail.len());
        while end > scheme && tail[..end].ends_with(['.', ',', ';', ':', ')', '!', '?', '\'']) {
            end -= 1;
        }
        let inside_a_word = text[..start]
            .chars()
            .last()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        if end > scheme && !inside_a_word {
            ranges.push((start, start + end));
        }
        from = start + end.max(scheme);
    }
    let mut pieces = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for (start, end) in ranges {
        if start > at {
            pieces.push((false, &text[at..start]));
        }
        pieces.push((true, &text[start..end]));
        at = end;
    }
    if at < text.len() || pieces.is_empty() {
        pieces.push((false, &text[at..]));
    }
    pieces
}

/// Whether a table or form inside a part needs its caption: not when the part's heading already
/// is its title (三、收到和处理信息公开申请情况 over the form of that name), with or without the
/// word 政府 (a government's report says 收到和处理政府信息公开申请情况).
pub(crate) fn needs_caption(heading: &str, title: &str) -> bool {
    let plain = |s: &str| s.trim().replace("政府", "");
    let title = plain(title);
    !(title.is_empty() || plain(heading).ends_with(&title))
}

/// A form's column heading in the pieces a line may break between: two characters each, the
/// length of most Chinese words (商业|企业, 社会|公益|组织), so that no format breaks it as 商业企|业.
/// A heading that is not all Chinese (a word of Latin letters) or longer than a column heading
/// (a note, wrapped as any text) is one piece.
pub(crate) fn heading_words(text: &str) -> Vec<&str> {
    let chinese = text.chars().all(|c| c.width().unwrap_or(0) == 2);
    if !chinese || text.chars().count() > 8 {
        return vec![text];
    }
    let mut words = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.char_indices().nth(2).map_or(rest.len(), |(at, _)| at);
        words.push(&rest[..end]);
        rest = &rest[end..];
    }
    words
}

/// The appendix's tables: each one's title without its `附件：` (the attachment's own title).
pub(crate) fn attachment_title(table: &Table) -> &str {
    let title = table.title.trim();
    title
        .strip_prefix("附件：")
        .or_else(|| title.strip_prefix("附件:"))
        .unwrap_or(title)
        .trim()
}

/// The attachment note that ends the body (GB/T 9704 7.3.4): `附件：清单事项公开情况表`, or with
/// several attachments `附件：1.…`, one per line, numbered.
pub(crate) fn attachment_note(appendix: &[Table]) -> Vec<String> {
    match appendix {
        [] => Vec::new(),
        [one] => vec![format!("附件：{}", attachment_title(one))],
        many => many
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let head = if i == 0 {
                    "附件："
                } else {
                    "\u{3000}\u{3000}\u{3000}"
                };
                format!("{head}{}.{}", i + 1, attachment_title(t))
            })
            .collect(),
    }
}

/// The label over attachment `index` (0-based) of `count`: 附件, or 附件1, 附件2 ….
pub(crate) fn attachment_label(index: usize, count: usize) -> String {
    if count > 1 {
        format!("附件{}", index + 1)
    } else {
        "附件".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_breaks_at_its_most_balanced_natural_point() {
        let title = "辽宁科技大学2019-2020学年信息公开工作年度报告";
        assert_eq!(
            title_lines(title, "辽宁科技大学", 40),
            ["辽宁科技大学2019-2020学年", "信息公开工作年度报告"]
        );
        assert_eq!(
            title_lines("示例学院2022年度信息公开工作年度报告", "示例学院", 40),
            ["示例学院2022年度信息公开工作年度报告"]
        );
        assert_eq!(
            title_lines("示例学院2022年度信息公开工作年度报告", "示例学院", 30),
            ["示例学院2022年度", "信息公开工作年度报告"]
        );
        assert_eq!(title_lines("短标题", "学校", 40), ["短标题"]);
    }

    #[test]
    fn a_column_heading_breaks_between_two_character_words_only() {
        assert_eq!(heading_words("商业企业"), ["商业", "企业"]);
        assert_eq!(heading_words("社会公益组织"), ["社会", "公益", "组织"]);
        assert_eq!(heading_words("自然人"), ["自然", "人"]);
        assert_eq!(heading_words("Total"), ["Total"]);
        let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
        assert_eq!(heading_words(note), [note]);
    }

    #[test]
    fn a_form_under_a_heading_of_its_name_has_no_caption() {
        let title = "收到和处理信息公开申请情况";
        assert!(!needs_caption("三、收到和处理信息公开申请情况", title));
        assert!(!needs_caption("三、收到和处理政府信息公开申请情况", title));
        assert!(needs_caption("三、依申请公开情况", title));
        assert!(!needs_caption("三、依申请公开情况", ""));
    }

    #[test]
    fn a_title_never_breaks_inside_zhengfu_xinxi_gongkai() {
        assert_eq!(
            title_lines(
                "淮安市人民政府2024年政府信息公开工作年度报告",
                "淮安市人民政府",
                40
            ),
            ["淮安市人民政府2024年", "政府信息公开工作年度报告"]
        );
    }

    #[test]
    fn a_line_break_in_the_title_is_kept_everywhere() {
        assert_eq!(
            title_lines("某大学\n2020年报告", "某大学", 40),
            ["某大学", "2020年报告"]
        );
        assert_eq!(title_on_one_line("某大学\n2020年报告"), "某大学2020年报告");
        assert_eq!(title_on_one_line("Annual\nReport"), "Annual Report");
    }

    #[test]
    fn links_are_found_with_their_scheme_and_without_closing_punctuation() {
        assert_eq!(
            links("见 https://a.edu.cn/x?id=1。再见"),
            [
                (false, "见 "),
                (true, "https://a.edu.cn/x?id=1"),
                (false, "。再见")
            ]
        );
        assert_eq!(
            links("http://a.cn, http://b.cn；渠道"),
            [
                (true, "http://a.cn"),
                (false, ", "),
                (true, "http://b.cn"),
                (false, "；渠道")
            ]
        );
        assert_eq!(
            links("ftp://a.cn javascript:alert(1)"),
            [(false, "ftp://a.cn javascript:alert(1)")]
        );
        assert_eq!(links("xhttp://a.cn"), [(false, "xhttp://a.cn")]);
        assert_eq!(links("http://"), [(false, "http://")]);
        assert_eq!(links(""), [(false, "")]);
    }
}
