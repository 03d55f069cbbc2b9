//! Stage 3, compose: submissions → [`Report`], following the year's outline.
//!
//! This is where numbers become sentences. The outline ([`crate::model::outline`]) says which parts the
//! report has; for each part, the office's narrative comes first, then what the part's kind adds:
//! part 二's channel figures and key areas, part 三's request figures, part 五's complaint
//! figures. A figure that is missing (only possible in a draft) becomes a visible placeholder,
//! 【待补充：…】, never a silent gap.

pub mod compare;
pub mod coverage;
mod data;
pub mod phrase;
pub mod report;

use std::fmt::Write as _;
mod proactive;
mod tables;

use crate::compose::report::{Block, ChecklistRow, Data, Part, Report, Signature, Table};
use crate::model::chinese::{append_spaced, chinese_numeral};
use crate::model::facts::{Facts, Point};
use crate::model::figure_ref;
use crate::model::outline::{Numbering, PartKind, PartSpec};
use crate::model::submission::{Department, Figure, Number, Submissions};
use crate::model::year::chinese_date;

use self::phrase::Values;
use crate::model::placement::{self, Placement};

/// Builds the report document for a year.
pub fn compose(subs: &Submissions, draft: bool) -> Report {
    let facts = &subs.facts;
    let placement = placement::place(subs);
    let parts = facts
        .outline
        .parts
        .iter()
        .enumerate()
        .map(|(i, spec)| Part {
            number: chinese_numeral(i + 1),
            heading: heading(facts, spec).to_owned(),
            blocks: blocks(subs, &placement, spec, draft),
        })
        .collect();
    let data = data::collect(subs);
    Report {
        school: facts.school.value.clone(),
        year: facts.year.value.to_string(),
        title: title(facts),
        draft,
        preamble: vec![preamble(facts)],
        parts,
        appendix: if has_kind(facts, PartKind::Checklist) {
            Vec::new()
        } else {
            checklist_table(subs, &data).into_iter().collect()
        },
        signature: Signature {
            signer: facts
                .signed_by
                .as_ref()
                .map_or(&facts.school.value, |s| &s.value)
                .clone(),
            date: facts
                .issued
                .as_ref()
                .map_or_else(|| placeholder("发布日期"), |d| chinese_date(d.value)),
        },
        findings: Vec::new(),
        data,
    }
}

/// The appendix 清单事项公开情况表, when the year has checklist entries: every item of the
/// checklist with its status and where it is published (links, or the channels named), or why it
/// does not apply. Items nobody accounted for say so.
fn checklist_table(subs: &Submissions, data: &Data) -> Option<Table> {
    subs.has_disclosures().then(|| checklist_rows(data))
}

/// Whether the year's outline has a part of this kind.
fn has_kind(facts: &Facts, kind: PartKind) -> bool {
    facts.outline.parts.iter().any(|p| p.kind == kind)
}

fn data_of(subs: &Submissions) -> Data {
    data::collect(subs)
}

/// Every checklist item with its status and where it is published.
fn checklist_rows(data: &Data) -> Table {
    let rows = data
        .checklist
        .iter()
        .map(|row| {
            vec![
                row.id.clone(),
                row.category.clone(),
                row.text.clone(),
                row.status.clone().unwrap_or_else(|| "未说明".to_owned()),
                where_published(row),
                row.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    Table {
        title: "附件：清单事项公开情况表".to_owned(),
        columns: ["编号", "类别", "事项", "公开情况", "公开网址或渠道", "说明"]
            .map(str::to_owned)
            .to_vec(),
        rows,
    }
}

/// Where a checklist item is published: its links (separated by spaces), then the channels
/// named (separated by 、), the two separated by ；. The note has a column of its own.
pub fn where_published(row: &ChecklistRow) -> String {
    let links = row.links.join(" ");
    let channels = row.channels.join("、");
    match (links.is_empty(), channels.is_empty()) {
        (false, false) => format!("{links}；{channels}"),
        (true, _) => channels,
        (false, true) => links,
    }
}

/// The year's numbers as data, without composing the text.
pub fn data(subs: &Submissions) -> Data {
    data::collect(subs)
}

/// The visible mark of a missing piece in a draft.
pub fn placeholder(what: &str) -> String {
    format!("【待补充：{what}】")
}

fn title(facts: &Facts) -> String {
    let template = facts
        .title
        .as_ref()
        .map_or(facts.outline.title, |t| t.value.as_str());
    fill_facts(template, facts, "")
}

fn preamble(facts: &Facts) -> String {
    let contents: Vec<&str> = facts
        .outline
        .parts
        .iter()
        .map(|spec| {
            let text = facts.parts.get(spec.key);
            text.and_then(|t| t.summary.as_ref())
                .map_or_else(|| heading(facts, spec), |s| s.value.as_str())
        })
        .collect();
    let template = facts
        .preamble
        .as_ref()
        .map_or(facts.outline.preamble, |p| p.value.as_str());
    fill_facts(template, facts, &contents.join("，"))
}

fn fill_facts(template: &str, facts: &Facts, contents: &str) -> String {
    template
        .replace("{学校}", &facts.school.value)
        .replace("{学年}", &facts.year.value.to_string())
        .replace("{内容}", contents)
        .replace("{统计起}", &chinese_date(facts.period.start))
        .replace("{统计止}", &chinese_date(facts.period.end))
}

fn heading<'f>(facts: &'f Facts, spec: &'static PartSpec) -> &'f str {
    facts
        .parts
        .get(spec.key)
        .and_then(|t| t.heading.as_ref())
        .map_or(spec.heading, |h| h.value.as_str())
}

fn blocks(
    subs: &Submissions,
    placement: &Placement<'_>,
    spec: &'static PartSpec,
    draft: bool,
) -> Vec<Block> {
    let facts = &subs.facts;
    let text = facts.parts.get(spec.key);
    let mut blocks: Vec<Block> = text
        .map(|t| {
            t.paragraphs
                .iter()
                .map(|p| plain(narrative(subs, &p.text)))
                .collect()
        })
        .unwrap_or_default();
    let points: &[Point] = text.map_or(&[], |t| t.points.as_slice());
    let mut number = 0;
    for point in points {
        number += 1;
        let lead = lead(&numbered(spec.numbering, number), &point.title.value);
        push_led(
            &mut blocks,
            lead,
            point.paragraphs.iter().map(|p| narrative(subs, &p.text)),
        );
    }
    match spec.kind {
        PartKind::Narrative => {
            if draft && blocks.is_empty() {
                blocks.push(plain(placeholder(heading(facts, spec))));
            }
        }
        PartKind::Proactive => {
            proactive::compose(subs, placement, text, &mut number, draft, &mut blocks);
        }
        PartKind::Checklist => {
            // The table under its own name, as the Ministry's notices call it, not a second
            // copy of the part's heading.
            let mut table = checklist_rows(&data_of(subs));
            "清单事项公开情况表".clone_into(&mut table.title);
            blocks.push(Block::Table(table));
        }
        PartKind::RequestsTable => {
            tables::requests(subs, draft, &mut blocks);
        }
        PartKind::ReviewsTable => {
            tables::reviews(subs, draft, &mut blocks);
        }
        PartKind::Requests => continue_with(&mut blocks, requests_sentence(subs)),
        PartKind::Complaints => continue_with(&mut blocks, complaints_sentence(subs)),
    }
    blocks
}

fn plain(text: String) -> Block {
    Block::Paragraph { lead: None, text }
}

/// Adds paragraphs, the first opening with `lead`.
fn push_led(blocks: &mut Vec<Block>, lead: String, paragraphs: impl Iterator<Item = String>) {
    let mut lead = Some(lead);
    for text in paragraphs {
        blocks.push(Block::Paragraph {
            lead: lead.take(),
            text,
        });
    }
    if let Some(lead) = lead {
        blocks.push(Block::Paragraph {
            lead: Some(lead),
            text: String::new(),
        });
    }
}

/// Appends a generated sentence to the part's last plain paragraph, or as a paragraph of its own.
fn continue_with(blocks: &mut Vec<Block>, sentence: String) {
    if let Some(Block::Paragraph { lead: None, text }) = blocks.last_mut() {
        text.push_str(&sentence);
    } else {
        blocks.push(plain(sentence));
    }
}

/// `（三）` or `3.`.
fn numbered(numbering: Numbering, n: usize) -> String {
    match numbering {
        Numbering::Parenthesised => format!("（{}）", chinese_numeral(n)),
        Numbering::Arabic => format!("{n}. "),
    }
}

/// A run-in title with its number and a full stop.
fn lead(number: &str, title: &str) -> String {
    let mut lead = format!("{number}{}", title.trim());
    end_sentence(&mut lead);
    lead
}

/// Adds `。` unless the text already ends a sentence (or is empty).
fn end_sentence(text: &mut String) {
    if let Some(last) = text.chars().last()
        && !matches!(last, '。' | '！' | '？' | '：' | '；' | '…')
    {
        text.push('。');
    }
}

/// A figure's number as printed, or a placeholder.
fn figure_text(department: &Department, figure: &Figure) -> String {
    let number = match &figure.number {
        Number::Given(count) => Some(count.value.text.clone()),
        Number::FromEvents(_) => department.value_of(figure).map(|v| v.to_string()),
        Number::Missing => None,
    };
    match number {
        Some(number) => phrase::figure_text(
            &number,
            &figure.unit.value,
            figure.qualifier.as_ref().map(|q| q.value),
        ),
        None => placeholder(&format!("{} {}", department.name, figure.key())),
    }
}

/// The sentence for a top-level figure, its parts included.
fn sentence(subs: &Submissions, department: &Department, figure: &Figure) -> String {
    let parts: Vec<String> = placement::parts_of(subs, figure)
        .into_iter()
        .map(|(d, part)| {
            let number = figure_text(d, part);
            let template = part
                .phrase
                .as_ref()
                .map_or(phrase::DEFAULT_PART, |p| &p.value);
            phrase::fill(template, &values(part, &number, ""))
        })
        .collect();
    let parts = parts.join("，");
    let number = figure_text(department, figure);
    let default = if parts.is_empty() {
        phrase::DEFAULT
    } else {
        phrase::DEFAULT_WITH_PARTS
    };
    let template = figure.phrase.as_ref().map_or(default, |p| &p.value);
    phrase::fill(template, &values(figure, &number, &parts))
}

/// A paragraph of narrative with the figures it names (`{渠道/类别}`) printed as `{数量}`
/// prints them; a figure nobody submitted (D110) is a placeholder.
fn narrative(subs: &Submissions, text: &str) -> String {
    figure_ref::fill(text, |r| {
        subs.figures()
            .find(|(_, f)| f.channel.value == r.channel && f.item.value == r.item)
            .map_or_else(
                || placeholder(&format!("{}/{}", r.channel, r.item)),
                |(department, figure)| figure_text(department, figure),
            )
    })
}

/// A figure in its default sentence and without parts, as the continuation of the sentence
/// before it when that one is of the same channel: "校级公文 188 份" after
/// "办公系统发布通知公告 126 条" reads "办公系统发布通知公告 126 条、校级公文 188 份".
fn continuation(subs: &Submissions, department: &Department, figure: &Figure) -> Option<String> {
    if figure.phrase.is_some() || !placement::parts_of(subs, figure).is_empty() {
        return None;
    }
    let number = figure_text(department, figure);
    Some(phrase::fill(
        phrase::DEFAULT_PART,
        &values(figure, &number, ""),
    ))
}

fn values<'a>(figure: &'a Figure, number: &'a str, parts: &'a str) -> Values<'a> {
    Values {
        number,
        parts,
        channel: &figure.channel.value,
        item: &figure.item.value,
    }
}

/// Part 三's sentence on disclosure requests.
fn requests_sentence(subs: &Submissions) -> String {
    let Some(requests) = subs.departments.iter().find_map(|d| d.requests.as_ref()) else {
        return placeholder("依申请公开情况（[requests]）");
    };
    if requests.total_in() == 0 {
        return "本学年未收到社会公众和师生员工的相关信息公开申请。".to_owned();
    }
    let mut text = format!("本学年共收到信息公开申请 {} 件", requests.received.value);
    if let Some(over) = requests.carried_over.as_ref().filter(|c| c.value > 0) {
        append_spaced(&mut text, &format!("，上学年结转 {} 件", over.value));
    }
    text.push('。');
    let answered: u64 = requests.outcomes.iter().map(|(_, n)| n.value).sum();
    let outcomes: Vec<String> = requests
        .outcomes
        .iter()
        .filter(|(_, n)| n.value > 0)
        .map(|(o, n)| format!("{} {} 件", o.as_str(), n.value))
        .collect();
    if answered > 0 {
        let _ = write!(text, "已办结 {answered} 件，其中{}", outcomes.join("，"));
    }
    if let Some(forward) = requests.carried_forward.as_ref().filter(|c| c.value > 0) {
        if answered > 0 {
            text.push('；');
        }
        let _ = write!(text, "结转下学年继续办理 {} 件", forward.value);
    }
    end_sentence(&mut text);
    text
}

/// Part 五's sentence on complaints, reconsiderations and lawsuits.
fn complaints_sentence(subs: &Submissions) -> String {
    let Some(c) = subs.departments.iter().find_map(|d| d.complaints.as_ref()) else {
        return placeholder("举报、复议、诉讼情况（[complaints]）");
    };
    if c.reports.value + c.reconsiderations.value + c.lawsuits.value == 0 {
        return "本学年学校无因信息公开工作遭到举报、复议、诉讼的情况。".to_owned();
    }
    format!(
        "本学年学校因信息公开工作受到举报 {} 件、行政复议 {} 件、行政诉讼 {} 件。",
        c.reports.value, c.reconsiderations.value, c.lawsuits.value
    )
}
