//! Where each piece of a recognised part goes in the year: its text (its figures made counts,
//! each filed under the department its sentence names), its points, its sub-headings as channel
//! groups and key areas, the sentences that report no requests or complaints as explicit zeros,
//! and its tables as forms or checklist entries.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::figures::{self, Found};
use super::structure::{self, Part, Point};
use super::{OFFICE, tables, write};
use crate::model::forms::FormKind;

/// Where the pieces of a part go.
#[derive(Default)]
pub(super) struct Builder {
    pub(super) taken: HashSet<(String, String)>,
    /// Counts by department, in the order departments are first seen.
    pub(super) counts: Vec<(String, Vec<Found>)>,
    pub(super) channels: Vec<String>,
    pub(super) areas: Vec<String>,
    pub(super) parts_toml: String,
    pub(super) extra_files: Vec<(String, String)>,
    pub(super) requests: bool,
    pub(super) complaints: bool,
    pub(super) requests_none: Option<String>,
    pub(super) complaints_none: Option<String>,
    pub(super) spaced: (usize, usize),
    /// Figures written in full-width digits (１２３条), and in ASCII ones.
    pub(super) full_width: (usize, usize),
    /// The decimals of the shares printed (`14.6%`: 1), for the year's percent style.
    pub(super) share_decimals: Vec<usize>,
    /// Whether a checklist table accounts for no item (the year then hears of D207 as a
    /// warning, as the published report had it).
    pub(super) empty_checklist: bool,
    /// The report's State Council forms, the first of each kind: a sentence's number that
    /// repeats one of their cells names the cell.
    pub(super) forms: Vec<tables::PrintedForm>,
}

impl Builder {
    /// A paragraph with its figures turned into references, and the figures kept.
    fn text(&mut self, text: &str, context: &str) -> String {
        let extracted = figures::extract(text, context, &mut self.taken, &self.forms);
        self.share_decimals.extend(&extracted.share_decimals);
        for span in figures::spans(text) {
            let figure = &text[span];
            if figure.contains(' ') {
                self.spaced.0 += 1;
            } else {
                self.spaced.1 += 1;
            }
            if figure.contains(|c: char| ('０'..='９').contains(&c)) {
                self.full_width.0 += 1;
            } else if figure.contains(|c: char| c.is_ascii_digit()) {
                self.full_width.1 += 1;
            }
        }
        if !extracted.counts.is_empty() {
            let department = department_of(text).unwrap_or_else(|| OFFICE.to_owned());
            match self.counts.iter_mut().find(|(d, _)| *d == department) {
                Some((_, list)) => list.extend(extracted.counts),
                None => self.counts.push((department, extracted.counts)),
            }
        }
        extracted.text
    }

    fn texts(&mut self, list: &[String], context: &str) -> Vec<String> {
        list.iter().map(|t| self.text(t, context)).collect()
    }
}

/// The department a paragraph names first (财务处, 招标采购管理中心, 研究生院…), if any: the words
/// before a department's suffix, without the function words and 学校 before them.
pub(super) fn department_of(text: &str) -> Option<String> {
    use crate::model::chinese::is_han;
    /// Suffixes, each with the fewest characters a name with it has.
    const SUFFIXES: &[(&str, usize)] = &[
        ("办公室", 4),
        ("管理中心", 4),
        ("中心", 4),
        ("委员会", 4),
        ("研究生院", 4),
        ("处", 3),
        ("部", 3),
        ("馆", 3),
        ("办", 3),
    ];
    const NOT: &[&str] = &[
        "干部",
        "全部",
        "内部",
        "外部",
        "局部",
        "本部",
        "基层党支部",
        "之处",
        "好处",
        "各处",
        "校部",
    ];
    const LEADING: &[&str] = &[
        "学校", "通过", "由", "经", "在", "向", "对", "与", "和", "及", "将", "为", "各", "均",
        "已", "都", "并",
    ];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, _)) in chars.iter().enumerate() {
        let rest = &text[at..];
        let Some(&(suffix, min)) = SUFFIXES.iter().find(|(s, _)| rest.starts_with(s)) else {
            continue;
        };
        let end = at + suffix.len();
        // What follows must not make the suffix part of another word (办公, 部分, 处理).
        let next = text[end..].chars().next();
        if next.is_some_and(|c| "公分门署长理事法学好置结".contains(c)) {
            continue;
        }
        let mut start = k;
        while start > 0 && is_han(chars[start - 1].1) && k - (start - 1) < 8 {
            start -= 1;
        }
        let mut name = &text[chars[start].0..end];
        loop {
            let before = name;
            for w in LEADING {
                name = name.strip_prefix(w).unwrap_or(name);
            }
            if name == before {
                break;
            }
        }
        if name.chars().count() >= min && !NOT.iter().any(|n| name.ends_with(n)) {
            return Some(name.to_owned());
        }
    }
    None
}

/// The key a part's heading suggests: 概述 → overview, 主动公开 → proactive…
pub(super) fn key_of(heading: &str, used: &[String]) -> String {
    let key = if heading.contains("概述") || heading.contains("总体情况") {
        "overview"
    } else if heading.contains("重点领域") || heading.contains("专项") {
        "key-areas"
    } else if heading.contains("主动公开") {
        "proactive"
    } else if heading.contains("评议") && heading.contains("举报") {
        "feedback"
    } else if heading.contains("复议")
        && heading.contains("诉讼")
        && heading.contains("行政")
        && !heading.contains("举报")
    {
        "reviews"
    } else if heading.contains("申请") {
        "requests"
    } else if heading.contains("评议") {
        "appraisal"
    } else if heading.contains("举报") || heading.contains("复议") {
        "complaints"
    } else if heading.contains("经验") || heading.contains("做法") {
        "experience"
    } else if heading.contains("问题")
        || heading.contains("不足")
        || heading.contains("改进")
        || heading.contains("计划")
    {
        "improvements"
    } else if heading.contains("清单") {
        "checklist"
    } else if heading.contains("其他") {
        "other"
    } else {
        "part"
    };
    let mut candidate = key.to_owned();
    let mut n = 1;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{key}-{n}");
    }
    candidate
}

/// The sentence that reports no requests, or no complaints, at the end of a paragraph.
pub(super) fn none_sentence(text: &str, complaints: bool) -> Option<(String, String)> {
    let body = text.trim_end_matches('。');
    let start = body.rfind(['。', '；']).map_or(0, |i| i + 3);
    let sentence = &text[start..];
    let none = ["未收到", "没有收到", "未发生", "无", "没有"]
        .iter()
        .any(|w| sentence.contains(w));
    let about = if complaints {
        ["举报", "复议", "诉讼"]
            .iter()
            .any(|w| sentence.contains(w))
    } else {
        sentence.contains("申请")
    };
    (none && about && !sentence.chars().any(|c| c.is_ascii_digit()))
        .then(|| (text[..start].to_owned(), sentence.to_owned()))
}

/// A part: its entry in `[outline] parts`, and its `[parts.<key>]` text, channel groups, areas.
pub(super) fn part_toml(b: &mut Builder, part: &Part, key: &str) -> String {
    let context = part.heading.clone();
    let mut holds: Vec<&str> = Vec::new();
    let mut paragraphs = b.texts(&part.paragraphs, &context);
    zeros(b, part, &mut paragraphs, &mut holds);
    let mut toml = format!("\n[parts.{}]\n", quote_key(key));
    if !paragraphs.is_empty() {
        let _ = writeln!(toml, "text = {}", write::paragraphs(&paragraphs));
    } else if part.points.is_empty()
        && part.sections.is_empty()
        && part.tables.is_empty()
        && holds.is_empty()
    {
        toml.push_str("text = \"无\"   # 原文此部分没有文字\n");
    }
    for point in &part.points {
        point_toml(b, &mut toml, key, point, &context);
    }
    let sections_as_points = sections(b, part, key, &mut holds, &mut toml);
    for table in &part.tables {
        if let Some(form) = tables::form(table) {
            let (held, file) = match form.kind {
                FormKind::Requests => ("requests-form", "申请情况表"),
                FormKind::Reviews => ("reviews-form", "复议诉讼情况表"),
            };
            holds.push(held);
            b.extra_files
                .push((format!("{OFFICE}-{file}.csv"), tables::form_csv(&form)));
        } else if let Some(csv) = tables::checklist_csv(table) {
            holds.push("checklist");
            b.empty_checklist |= csv.is_empty();
            if !csv.is_empty() {
                b.extra_files.push((format!("{OFFICE}-清单.csv"), csv));
            }
        }
    }
    b.parts_toml.push_str(&toml);
    let holds: Vec<String> = holds.iter().map(|h| format!("\"{h}\"")).collect();
    // Sub-headings made points are numbered as sub-headings are: （一）（二）.
    let pattern = part
        .pattern
        .clone()
        .or_else(|| sections_as_points.then(|| "（{一}）".to_owned()));
    let points = pattern
        .map(|p| format!(", points = {}", write::quote(&p)))
        .unwrap_or_default();
    format!(
        "  {{ key = \"{key}\", heading = {}, holds = [{}]{points} }},\n",
        write::quote(&part.heading),
        holds.join(", ")
    )
}

/// The sentences that say there were no requests or complaints, at the end of a part with no
/// points, become explicit zeros and the year's own wording of those sentences.
fn zeros(b: &mut Builder, part: &Part, paragraphs: &mut Vec<String>, holds: &mut Vec<&str>) {
    if part.points.is_empty()
        && part.sections.is_empty()
        && let Some(last) = paragraphs.last().cloned()
    {
        for complaints in [false, true] {
            let Some((rest, sentence)) = none_sentence(&last, complaints) else {
                continue;
            };
            if complaints && !b.complaints {
                b.complaints = true;
                b.complaints_none = Some(sentence);
                holds.push("complaints");
            } else if !complaints && !b.requests {
                b.requests = true;
                b.requests_none = Some(sentence);
                holds.push("requests");
            } else {
                continue;
            }
            if rest.is_empty() {
                paragraphs.pop();
            } else if let Some(p) = paragraphs.last_mut() {
                *p = rest;
            }
            break;
        }
    }
}

/// A part's sub-headings: one or two become its channel groups and key areas, under their
/// sub-headings; more become points of the part.
/// Returns whether they became points.
fn sections(
    b: &mut Builder,
    part: &Part,
    key: &str,
    holds: &mut Vec<&str>,
    toml: &mut String,
) -> bool {
    let items = part.sections.iter().all(|s| !s.items.is_empty());
    if part.sections.is_empty() {
        return false;
    }
    if items && part.sections.len() <= 2 {
        let mut subheadings = String::new();
        for (i, section) in part.sections.iter().enumerate() {
            let channels = i == 0 && part.sections.len() == 2
                || part.sections.len() == 1 && section_has_figures(section);
            if channels {
                holds.push("channels");
                let _ = writeln!(subheadings, "channels = {}", write::quote(&section.heading));
                for item in section_items(section) {
                    let body = b.texts(&item.paragraphs, &item.title).join("");
                    let mut group = String::from("\n[[channels]]\n");
                    let _ = writeln!(group, "title = {}", write::quote(&item.title));
                    let _ = writeln!(group, "figures = []");
                    if !body.is_empty() {
                        let _ = writeln!(group, "then = {}", write::quote(&body));
                    }
                    b.channels.push(group);
                }
            } else {
                holds.push("areas");
                let _ = writeln!(subheadings, "areas = {}", write::quote(&section.heading));
                for (n, item) in section_items(section).iter().enumerate() {
                    let texts = b.texts(&item.paragraphs, &item.title);
                    let mut area = String::from("\n[[areas]]\n");
                    let _ = writeln!(area, "key = \"{}-{}\"", key, n + 1);
                    let _ = writeln!(area, "title = {}", write::quote(&item.title));
                    if !texts.is_empty() {
                        let _ = writeln!(area, "text = {}", write::paragraphs(&texts));
                    }
                    b.areas.push(area);
                }
            }
        }
        let _ = write!(
            *toml,
            "\n[parts.{}.subheadings]\n{subheadings}",
            quote_key(key)
        );
        return false;
    }
    // Sub-headings with paragraphs under them, or more than two: each is a point of the part
    // whose title is a sub-heading of its own, its numbered paragraphs in its text.
    for section in &part.sections {
        let mut paragraphs = section.paragraphs.clone();
        for (n, item) in section.items.iter().enumerate() {
            let mut first = format!("{}. {}", n + 1, item.title);
            if !item.title.is_empty() {
                first.push('。');
            }
            first.push_str(item.paragraphs.first().map_or("", String::as_str));
            paragraphs.push(first);
            paragraphs.extend(item.paragraphs.iter().skip(1).cloned());
        }
        let texts = b.texts(&paragraphs, &section.heading);
        let _ = writeln!(*toml, "\n[[parts.{}.points]]", quote_key(key));
        let _ = writeln!(*toml, "title = {}", write::quote(&section.heading));
        let _ = writeln!(*toml, "heading = true");
        if !texts.is_empty() {
            let _ = writeln!(*toml, "text = {}", write::paragraphs(&texts));
        }
    }
    true
}

/// A section's items; a section with paragraphs but no numbered items is one item.
fn section_items(section: &structure::Section) -> Vec<Point> {
    let mut items = section.items.clone();
    if !section.paragraphs.is_empty() {
        match items.first_mut() {
            Some(first) => {
                let mut paragraphs = section.paragraphs.clone();
                paragraphs.append(&mut first.paragraphs);
                first.paragraphs = paragraphs;
            }
            None => items.push(Point {
                title: section.heading.clone(),
                paragraphs: section.paragraphs.clone(),
            }),
        }
    }
    items
}

fn section_has_figures(section: &structure::Section) -> bool {
    section
        .items
        .iter()
        .flat_map(|i| &i.paragraphs)
        .chain(&section.paragraphs)
        .any(|p| !figures::spans(p).is_empty())
}

fn point_toml(b: &mut Builder, toml: &mut String, key: &str, point: &Point, context: &str) {
    let texts = b.texts(
        &point.paragraphs,
        if point.title.is_empty() {
            context
        } else {
            &point.title
        },
    );
    let _ = writeln!(toml, "\n[[parts.{}.points]]", quote_key(key));
    let _ = writeln!(toml, "title = {}", write::quote(&point.title));
    if !texts.is_empty() {
        let _ = writeln!(toml, "text = {}", write::paragraphs(&texts));
    }
}

/// A key as a TOML key: bare when it can be.
fn quote_key(key: &str) -> String {
    if key
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        key.to_owned()
    } else {
        write::quote(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_named_in_a_sentence() {
        assert_eq!(
            department_of("财务处将学校财务管理制度公开。").as_deref(),
            Some("财务处")
        );
        assert_eq!(
            department_of("在学校招标采购管理中心网站上公开").as_deref(),
            Some("招标采购管理中心")
        );
        assert_eq!(department_of("各单位通过本单位网站主动公开信息。"), None);
        // 办结 is done, not a department.
        assert_eq!(department_of("申请均已办结回复。"), None);
    }

    #[test]
    fn a_no_requests_sentence_is_split_off() {
        let (rest, sentence) = none_sentence(
            "学校公布了受理机构。本学年未收到社会公众的相关信息公开申请。",
            false,
        )
        .unwrap();
        assert_eq!(rest, "学校公布了受理机构。");
        assert_eq!(sentence, "本学年未收到社会公众的相关信息公开申请。");
        assert!(none_sentence("本学年共收到申请4件。", false).is_none());
    }
}
