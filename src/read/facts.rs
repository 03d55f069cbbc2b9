//! A year's `report.toml` → [`Facts`].
//!
//! docs/report-toml.md describes every key. Reading never stops early: a missing school name or
//! a misspelt part is reported, a default is used, and the departments' files are still read, so
//! one run shows everything that needs fixing.

use std::collections::BTreeMap;

use toml::de::DeTable;

use crate::findings::problem::Problem;
use crate::findings::rules;
use crate::model::facts::{Area, ChannelGroup, Facts, Owner, PartText, Phrases, Point, Selector};
use crate::model::level::Level;
use crate::model::location::{Located, Location};
use crate::model::outline::{Content, Outline};
use crate::model::paragraph::Paragraph;
use crate::model::phrase::Phrase;
use crate::model::typography::{self, Percent, Typography};
use crate::model::year::{AcademicYear, Period};
use crate::read::table::{Ctx, Table};
use crate::read::{outline, phrase, rows};

/// Reads a parsed report.toml. `year` is the year folder's, which wins over the file's.
pub(crate) fn read(ctx: &mut Ctx<'_>, doc: &DeTable<'_>, year: AcademicYear) -> Facts {
    let file_location = Location::file(&ctx.file);
    let mut top = Table::document(doc);
    let school = top
        .required_string(ctx, "school")
        .unwrap_or_else(|| Located::new(String::new(), file_location.clone()));
    let year = read_year(ctx, &mut top, year, &file_location);
    let (period, period_location) = read_period(ctx, &mut top, year.value, &file_location);
    let issued = top.date(ctx, "issued");
    if issued.is_none() && (!top.has("issued") || top.is_blank("issued")) {
        top.missing(ctx, "issued");
    }
    let signed_by = top.string(ctx, "signed_by");
    let outline = outline::read(ctx, &mut top);
    let typography = top
        .table(ctx, "typography")
        .map(|table| read_typography(ctx, table))
        .unwrap_or_default();
    let phrases = read_phrases(ctx, &mut top);
    let title = top.string(ctx, "title");
    let preamble = top.string(ctx, "preamble");
    let departments = top.strings(ctx, "departments");
    let domains = top.strings(ctx, "domains");
    let checklist = top.string(ctx, "checklist");
    let owners = top
        .table(ctx, "owners")
        .map(|mut table| read_owners(ctx, &mut table))
        .unwrap_or_default();
    let checklist_wording = top
        .table(ctx, "checklist_wording")
        .map(|mut table| read_wording(ctx, &mut table))
        .unwrap_or_default();
    let rules = top
        .table(ctx, "rules")
        .map(|table| read_rules(ctx, &table))
        .unwrap_or_default();
    let parts = top
        .table(ctx, "parts")
        .map(|table| read_parts(ctx, table, &outline))
        .unwrap_or_default();
    let channels = top
        .tables(ctx, "channels")
        .into_iter()
        .filter_map(|table| read_channel_group(ctx, table))
        .collect();
    let areas = top
        .tables(ctx, "areas")
        .into_iter()
        .filter_map(|mut table| {
            let key = table.required_string(ctx, "key");
            let title = table.required_string(ctx, "title");
            let paragraphs = table.paragraphs(ctx, "text");
            table.finish(ctx);
            Some(Area {
                key: key?,
                title: title?,
                paragraphs,
            })
        })
        .collect();
    top.finish(ctx);
    Facts {
        file: ctx.file.clone(),
        school,
        year,
        period,
        period_location,
        issued,
        signed_by,
        outline,
        typography,
        phrases,
        title,
        preamble,
        departments,
        rules,
        domains,
        checklist,
        owners,
        checklist_wording,
        parts,
        channels,
        areas,
    }
}

/// `[period]`, or the academic year's default; a period that ends before it starts is reported
/// and replaced by the default.
fn read_period(
    ctx: &mut Ctx<'_>,
    top: &mut Table<'_, '_>,
    year: AcademicYear,
    file_location: &Location,
) -> (Period, Location) {
    let default = year.default_period();
    let Some(mut table) = top.table(ctx, "period") else {
        return (default, file_location.clone());
    };
    let at = ctx.at(table.span());
    let start = table.date(ctx, "start").map_or(default.start, |d| d.value);
    let end = table.date(ctx, "end").map_or(default.end, |d| d.value);
    table.finish(ctx);
    if start > end {
        let problem = Problem::ReversedPeriod {
            start: start.to_string(),
            end: end.to_string(),
        };
        ctx.diags.push(problem, at.clone());
        return (default, at);
    }
    (Period { start, end }, at)
}

/// `[checklist_wording]`: item id → the wording the year prints for it.
fn read_wording(
    ctx: &mut Ctx<'_>,
    table: &mut Table<'_, '_>,
) -> Vec<(Located<String>, Located<String>)> {
    let keys: Vec<(String, std::ops::Range<usize>)> = table
        .rest()
        .map(|(k, _)| (k.get_ref().to_string(), k.span()))
        .collect();
    keys.into_iter()
        .filter_map(|(id, span)| {
            let text = table.strings_for(ctx, &id).into_iter().next()?;
            Some((Located::new(rows::item_id(&id), ctx.at(span)), text))
        })
        .collect()
}

/// `[owners]`: department → checklist item ids.
fn read_owners(ctx: &mut Ctx<'_>, table: &mut Table<'_, '_>) -> Vec<Owner> {
    let keys: Vec<(String, std::ops::Range<usize>)> = table
        .rest()
        .map(|(k, _)| (k.get_ref().to_string(), k.span()))
        .collect();
    keys.into_iter()
        .map(|(department, span)| Owner {
            items: table
                .strings_for(ctx, &department)
                .into_iter()
                .map(|i| Located::new(rows::item_id(&i.value), i.location))
                .collect(),
            department: Located::new(department, ctx.at(span)),
        })
        .collect()
}

fn read_year(
    ctx: &mut Ctx<'_>,
    top: &mut Table<'_, '_>,
    folder: AcademicYear,
    file_location: &Location,
) -> Located<AcademicYear> {
    match top.required_string(ctx, "year") {
        Some(written) => {
            if written.value.parse::<AcademicYear>().ok() != Some(folder) {
                ctx.diags.push(
                    Problem::BadValue {
                        field: "year".into(),
                        value: written.value.clone(),
                        allowed: format!("`{folder}` (the year folder's name)"),
                        suggestion: None,
                    },
                    written.location.clone(),
                );
            }
            Located::new(folder, written.location)
        }
        None => Located::new(folder, file_location.clone()),
    }
}

fn read_rules(ctx: &mut Ctx<'_>, table: &Table<'_, '_>) -> BTreeMap<String, Located<Level>> {
    let mut levels = BTreeMap::new();
    for (key, value) in table.rest() {
        let id = key.get_ref().trim().to_uppercase();
        if !rules::ALL.iter().any(|r| r.id == id) {
            ctx.report(Problem::UnknownRule { id }, key.span());
            continue;
        }
        let level = value.get_ref().as_str().and_then(Level::parse);
        match level {
            Some(level) => {
                levels.insert(id, Located::new(level, ctx.at(value.span())));
            }
            None => ctx.report(
                Problem::BadValue {
                    field: id,
                    value: value
                        .get_ref()
                        .as_str()
                        .unwrap_or_else(|| ctx.source.get(value.span()).unwrap_or_default())
                        .to_owned(),
                    allowed: "\"allow\" / \"warning\" / \"error\"".into(),
                    suggestion: None,
                },
                value.span(),
            ),
        }
    }
    levels
}

fn read_parts(
    ctx: &mut Ctx<'_>,
    mut table: Table<'_, '_>,
    outline: &Outline,
) -> BTreeMap<String, PartText> {
    let mut parts = BTreeMap::new();
    for spec in &outline.parts {
        let Some(mut part) = table.table_for(ctx, &spec.key) else {
            continue;
        };
        let mut text = PartText {
            heading: part.string(ctx, "heading"),
            summary: part.string(ctx, "summary"),
            paragraphs: part.paragraphs(ctx, "text"),
            location: Some(ctx.at(part.span())),
            ..PartText::default()
        };
        for mut point in part.tables(ctx, "points") {
            let title = point.required_string(ctx, "title");
            let paragraphs = point.paragraphs(ctx, "text");
            let heading = point.flag(ctx, "heading").unwrap_or(false);
            point.finish(ctx);
            if let Some(title) = title {
                text.points.push(Point {
                    title,
                    paragraphs,
                    heading,
                });
            }
        }
        if let Some(mut subs) = part.table(ctx, "subheadings") {
            for content in [Content::Channels, Content::Areas] {
                if let Some(heading) = subs.string(ctx, content.name()) {
                    text.subheadings.insert(content.name().to_owned(), heading);
                }
            }
            subs.finish(ctx);
        }
        part.finish(ctx);
        parts.insert(spec.key.clone(), text);
    }
    let keys: Vec<&str> = outline.parts.iter().map(|p| p.key.as_str()).collect();
    table.finish_knowing(ctx, &keys);
    parts
}

fn read_channel_group(ctx: &mut Ctx<'_>, mut table: Table<'_, '_>) -> Option<ChannelGroup> {
    let title = table.required_string(ctx, "title");
    let figures: Vec<Located<Selector>> = table
        .strings(ctx, "figures")
        .into_iter()
        .map(|s| Located::new(Selector::parse(&s.value), s.location))
        .collect();
    if figures.is_empty() && !table.has("figures") {
        table.missing(ctx, "figures");
    }
    let join = table
        .string(ctx, "join")
        .map_or_else(|| "；".to_owned(), |j| j.value);
    let then = joined(table.paragraphs(ctx, "then"));
    let after = table.paragraphs(ctx, "after");
    table.finish(ctx);
    Some(ChannelGroup {
        title: title?,
        figures,
        join,
        then,
        after,
    })
}

/// Several paragraphs as one (for text that continues a sentence).
fn joined(mut paragraphs: Vec<Paragraph>) -> Option<Paragraph> {
    let first = paragraphs.first()?.clone();
    if paragraphs.len() == 1 {
        return paragraphs.pop();
    }
    let text: String = paragraphs.iter().map(|p| p.text.as_str()).collect();
    Some(Paragraph::unmapped(text, first.location))
}

/// `[typography]`: the year's house style; what it leaves out keeps its default.
fn read_typography(ctx: &mut Ctx<'_>, mut table: Table<'_, '_>) -> Typography {
    let mut typography = Typography::default();
    if let Some(space) = table.flag(ctx, "space") {
        typography.space = space;
    }
    if let Some(breakdown) = table.string(ctx, "breakdown") {
        typography.breakdown = breakdown.value;
    }
    if let Some(noun) = table.string(ctx, "noun") {
        noun.value.trim().clone_into(&mut typography.noun);
    }
    if let Some(digits) = table.string(ctx, "digits") {
        match digits.value.trim() {
            "half" | "半角" => typography.full_width = false,
            "full" | "全角" => typography.full_width = true,
            other => ctx.diags.push(
                Problem::BadValue {
                    field: "digits".into(),
                    value: other.to_owned(),
                    allowed: "\"half\" (1481) / \"full\" (１４８１)".into(),
                    suggestion: None,
                },
                digits.location,
            ),
        }
    }
    if let Some(percent) = table.string(ctx, "percent") {
        match Percent::parse(&percent.value) {
            Some(p) => typography.percent = p,
            None => ctx.diags.push(
                Problem::BadValue {
                    field: "percent".into(),
                    value: percent.value.clone(),
                    allowed: "\"0.0\" (14.6%), \"0.#\" (3%, 14.6%), \"0\", \"0.00\"".into(),
                    suggestion: None,
                },
                percent.location,
            ),
        }
    }
    if let Some(forms) = table.string(ctx, "forms") {
        match forms.value.trim() {
            "school" | "学校" => typography.template_words = false,
            "template" | "模板" => typography.template_words = true,
            other => ctx.diags.push(
                Problem::BadValue {
                    field: "forms".into(),
                    value: other.to_owned(),
                    allowed: "\"school\" (本机关不掌握相关信息) / \"template\" (本机关不掌握相关政府信息)".into(),
                    suggestion: None,
                },
                forms.location,
            ),
        }
    }
    table.finish(ctx);
    typography
}

/// `[phrases]`: the year's default sentences of figures, each checked as a phrase is.
fn read_phrases(ctx: &mut Ctx<'_>, top: &mut Table<'_, '_>) -> Phrases {
    let builtin = |text: &str| phrase::read(text).unwrap_or_else(|_| Phrase::verbatim(text));
    let mut phrases = Phrases {
        figure: builtin(typography::FIGURE),
        total: builtin(typography::TOTAL),
        part: builtin(typography::PART),
        requests_none: None,
        complaints_none: None,
    };
    let Some(mut table) = top.table(ctx, "phrases") else {
        return phrases;
    };
    for (key, slot) in [
        ("figure", &mut phrases.figure),
        ("total", &mut phrases.total),
        ("part", &mut phrases.part),
    ] {
        if let Some(text) = table.string(ctx, key) {
            match phrase::read(&text.value) {
                Ok(p) => *slot = p,
                Err(e) => {
                    let width = text.value[e.offset..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                    let at = text
                        .location
                        .within(&text.value, e.offset..e.offset + width);
                    ctx.diags.push(e.problem, at);
                }
            }
        }
    }
    phrases.requests_none = table.string(ctx, "requests_none").map(|s| s.value);
    phrases.complaints_none = table.string(ctx, "complaints_none").map(|s| s.value);
    table.finish(ctx);
    phrases
}
