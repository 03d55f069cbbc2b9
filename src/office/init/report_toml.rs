//! Carrying report.toml over to a new year as text, so the office's comments and layout stay.
//!
//! Three kinds of edit, placed by the positions reading recorded: the `year` value becomes the
//! new year; the `issued` date becomes `""` (to be filled in; validate reports it missing); every
//! paragraph of narrative starts with 【待审阅】.

use crate::check::REVIEW;
use crate::model::location::Position;
use crate::model::paragraph::Paragraph;
use crate::model::submission::Submissions;
use crate::model::year::AcademicYear;

/// The new year's report.toml.
pub(crate) fn carry_over(text: &str, subs: &Submissions, year: AcademicYear) -> String {
    let facts = &subs.facts;
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    if let Position::Span { start, end } = facts.year.location.position {
        edits.push((start, end, format!("\"{year}\"")));
    }
    if let Some(issued) = &facts.issued
        && let Position::Span { start, end } = issued.location.position
    {
        edits.push((
            start,
            end,
            "\"\"   # 请填写本年度报告的发布日期，如 2021-10-29"
                .replace("2021", &year.end().to_string()),
        ));
    }
    for paragraph in facts.paragraphs() {
        if paragraph.text.starts_with(REVIEW) {
            continue;
        }
        if let Some(at) = paragraph.origin().or_else(|| string_start(text, paragraph)) {
            edits.push((at, at, REVIEW.to_owned()));
        }
    }
    edits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    edits.dedup_by_key(|e| e.0);
    let mut out = text.to_owned();
    for (start, end, new) in edits {
        if start <= end
            && end <= out.len()
            && out.is_char_boundary(start)
            && out.is_char_boundary(end)
        {
            out.replace_range(start..end, &new);
        }
    }
    let header = facts.year.value.say(&format!(
        "# 本文件由 disclose init 根据 {} 学年的 report.toml 生成。沿用的每段文字开头标有【待审阅】：\n\
         # 请逐段改写为本学年的内容后删去标记；issued 请填写发布日期。disclose validate {year} 会列出尚未完成的地方。\n\n",
        facts.year.value
    ));
    format!("{header}{out}")
}

/// For a paragraph whose characters could not be mapped (a string with escapes): just after the
/// string's opening quotes.
fn string_start(text: &str, paragraph: &Paragraph) -> Option<usize> {
    let Position::Span { start, .. } = paragraph.location.position else {
        return None;
    };
    let rest = text.get(start..)?;
    let quotes = ["'''", "\"\"\"", "'", "\""]
        .iter()
        .find(|q| rest.starts_with(*q))?;
    let mut at = start + quotes.len();
    if quotes.len() == 3 {
        if text[at..].starts_with("\r\n") {
            at += 2;
        } else if text[at..].starts_with('\n') {
            at += 1;
        }
    }
    Some(at)
}
