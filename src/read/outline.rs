//! A year's outline: `outline = "ministry"` (a preset as it is) or an `[outline]` table that
//! starts from a preset and changes what differs: the parts in order (each a preset part's key,
//! or a table with its own key, heading and contents), the title, the preamble, the numbering,
//! where the checklist table goes.
//!
//! The presets themselves are `[outline]` tables (`src/model/outlines/*.toml`) read by the same
//! code, so a preset is exactly what an office could write.

use std::path::Path;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::{Expected, Problem};
use crate::findings::suggest::did_you_mean;
use crate::model::location::Location;
use crate::model::outline::{self, ChecklistPlace, Content, Outline, PartSpec, Preset};
use crate::read::table::{Ctx, Table};

/// The numbering of a part's points when neither the part nor its preset says.
const POINTS: &str = "{1}. ";

/// Reads the `outline` key of report.toml; a mistake is reported and the default preset used
/// for what could not be read.
pub(crate) fn read(ctx: &mut Ctx<'_>, top: &mut Table<'_, '_>) -> Outline {
    let Some(value) = top.value("outline") else {
        return preset_outline(default_preset());
    };
    match value.get_ref() {
        DeValue::String(id) => match outline::preset(id) {
            Some(preset) => preset_outline(preset),
            None => {
                unknown_preset(ctx, id, ctx.at(value.span()));
                preset_outline(default_preset())
            }
        },
        DeValue::Table(entries) => {
            let mut table = Table::new(entries, value.span());
            let base = match table.string(ctx, "from") {
                Some(id) => outline::preset(&id.value).unwrap_or_else(|| {
                    unknown_preset(ctx, &id.value, id.location.clone());
                    default_preset()
                }),
                None => default_preset(),
            };
            declared(ctx, table, preset_outline(base))
        }
        _ => {
            ctx.report(
                Problem::WrongType {
                    field: "outline".into(),
                    expected: Expected::Table,
                },
                value.span(),
            );
            preset_outline(default_preset())
        }
    }
}

fn default_preset() -> &'static Preset {
    // The registry always has its default; the first preset stands in if it ever did not.
    outline::preset(outline::DEFAULT).unwrap_or(&outline::PRESETS[0])
}

fn unknown_preset(ctx: &mut Ctx<'_>, id: &str, at: Location) {
    let known: Vec<&str> = outline::PRESETS.iter().map(|p| p.id).collect();
    ctx.diags.push(
        Problem::UnknownOutline {
            id: id.to_owned(),
            known: known.join(", "),
        },
        at,
    );
}

/// A preset, read from its TOML text.
pub fn preset_outline(preset: &Preset) -> Outline {
    let mut diags = Diagnostics::new();
    let file: Arc<Path> = Arc::from(Path::new(preset.id));
    let mut ctx = Ctx {
        file,
        source: preset.text,
        diags: &mut diags,
    };
    let empty = Outline {
        id: preset.id.to_owned(),
        description: String::new(),
        title: String::new(),
        preamble: String::new(),
        number: "{一}、".to_owned(),
        contents: "，".to_owned(),
        parts: Vec::new(),
        subheadings: Vec::new(),
        checklist: ChecklistPlace::Appendix,
    };
    let outline = match DeTable::parse(preset.text) {
        Ok(doc) => {
            let mut top = Table::document(doc.get_ref());
            let outline = top
                .table(&mut ctx, "outline")
                .map_or_else(|| empty.clone(), |t| declared(&mut ctx, t, empty.clone()));
            top.finish(&mut ctx);
            outline
        }
        Err(_) => empty,
    };
    debug_assert!(diags.is_empty(), "the preset {} reads cleanly", preset.id);
    outline
}

/// An `[outline]` table over `base`: what it gives replaces the base's.
fn declared(ctx: &mut Ctx<'_>, mut table: Table<'_, '_>, base: Outline) -> Outline {
    let mut outline = base;
    if let Some(d) = table.string(ctx, "description") {
        outline.description = d.value;
    }
    if let Some(t) = table.string(ctx, "title") {
        outline.title = t.value;
    }
    if let Some(p) = table.string(ctx, "preamble") {
        outline.preamble = p.value;
    }
    if let Some(n) = table.string(ctx, "number") {
        if outline::is_pattern(&n.value) {
            outline.number = n.value;
        } else {
            bad_pattern(ctx, "number", &n.value, n.location);
        }
    }
    if let Some(c) = table.string(ctx, "contents") {
        outline.contents = c.value;
    }
    if let Some(place) = table.string(ctx, "checklist") {
        match place.value.trim() {
            "appendix" | "附件" => outline.checklist = ChecklistPlace::Appendix,
            "none" | "不附" | "无" => outline.checklist = ChecklistPlace::None,
            other => ctx.diags.push(
                Problem::BadValue {
                    field: "checklist".into(),
                    value: other.to_owned(),
                    allowed:
                        "\"appendix\" / \"none\" (a part that holds \"checklist\" puts it there)"
                            .into(),
                    suggestion: did_you_mean(other, ["appendix", "none"]),
                },
                place.location,
            ),
        }
    }
    if let Some(mut subs) = table.table(ctx, "subheadings") {
        for content in [Content::Channels, Content::Areas] {
            if let Some(heading) = subs.string(ctx, content.name()) {
                outline.subheadings.retain(|(k, _)| k != content.name());
                outline
                    .subheadings
                    .push((content.name().to_owned(), heading.value));
            }
        }
        subs.finish(ctx);
    }
    if let Some(value) = table.value("parts") {
        match value.get_ref() {
            DeValue::Array(items) => {
                let base_parts = std::mem::take(&mut outline.parts);
                for item in items {
                    if let Some(part) = part(ctx, item, &base_parts)
                        && !duplicate(ctx, &outline.parts, &part, item.span())
                    {
                        outline.parts.push(part);
                    }
                }
            }
            _ => ctx.report(
                Problem::WrongType {
                    field: "parts".into(),
                    expected: Expected::Tables,
                },
                value.span(),
            ),
        }
    }
    table.finish(ctx);
    outline
}

/// One entry of `parts`: a key the base outline has, or a table.
fn part(
    ctx: &mut Ctx<'_>,
    item: &toml::Spanned<DeValue<'_>>,
    base: &[PartSpec],
) -> Option<PartSpec> {
    match item.get_ref() {
        DeValue::String(key) => {
            let key = key.trim();
            let found = base.iter().find(|p| p.key == key).cloned();
            if found.is_none() {
                let keys: Vec<&str> = base.iter().map(|p| p.key.as_str()).collect();
                ctx.report(
                    Problem::BadValue {
                        field: "parts".into(),
                        value: key.to_owned(),
                        allowed: format!(
                            "a key of the preset ({}), or a table with its own key and heading: {{ key = \"{key}\", heading = \"…\" }}",
                            keys.join(", ")
                        ),
                        suggestion: did_you_mean(key, keys.iter().copied()),
                    },
                    item.span(),
                );
            }
            found
        }
        DeValue::Table(entries) => {
            let mut table = Table::new(entries, item.span());
            let key = table.required_string(ctx, "key")?;
            let from_base = base.iter().find(|p| p.key == key.value.trim()).cloned();
            let heading = table.string(ctx, "heading");
            if heading.is_none() && from_base.is_none() {
                table.missing(ctx, "heading");
            }
            let mut spec = from_base.unwrap_or_else(|| PartSpec {
                key: key.value.trim().to_owned(),
                heading: String::new(),
                holds: Vec::new(),
                points: POINTS.to_owned(),
            });
            if let Some(heading) = heading {
                spec.heading = heading.value;
            }
            if table.has("holds") {
                spec.holds = table
                    .strings(ctx, "holds")
                    .into_iter()
                    .filter_map(|name| {
                        let content = Content::parse(&name.value);
                        if content.is_none() {
                            let names: Vec<&str> = Content::ALL.iter().map(|(n, _)| *n).collect();
                            ctx.diags.push(
                                Problem::BadValue {
                                    field: "holds".into(),
                                    value: name.value.clone(),
                                    allowed: names.join(" / "),
                                    suggestion: did_you_mean(&name.value, names.iter().copied()),
                                },
                                name.location,
                            );
                        }
                        content
                    })
                    .collect();
            }
            if let Some(points) = table.string(ctx, "points") {
                if outline::is_pattern(&points.value) {
                    spec.points = points.value;
                } else {
                    bad_pattern(ctx, "points", &points.value, points.location);
                }
            }
            table.finish(ctx);
            Some(spec)
        }
        _ => {
            ctx.report(
                Problem::WrongType {
                    field: "parts".into(),
                    expected: Expected::TextList,
                },
                item.span(),
            );
            None
        }
    }
}

/// Whether `part` repeats a key, or a content, of the parts before it (reported).
fn duplicate(
    ctx: &mut Ctx<'_>,
    before: &[PartSpec],
    part: &PartSpec,
    span: std::ops::Range<usize>,
) -> bool {
    let key = before.iter().any(|p| p.key == part.key);
    let content = part
        .holds
        .iter()
        .find(|c| before.iter().any(|p| p.holds(**c)));
    let what = match (key, content) {
        (true, _) => format!("part `{}`", part.key),
        (false, Some(c)) => format!("`holds = [\"{}\"]`", c.name()),
        (false, None) => return false,
    };
    ctx.report(
        Problem::BadValue {
            field: "parts".into(),
            value: what,
            allowed: "each part and each content once".into(),
            suggestion: None,
        },
        span,
    );
    true
}

fn bad_pattern(ctx: &mut Ctx<'_>, field: &str, value: &str, at: Location) {
    ctx.diags.push(
        Problem::BadValue {
            field: field.to_owned(),
            value: value.to_owned(),
            allowed: "a pattern with {一} (一、二、三) or {1} (1. 2. 3.): \"{一}、\", \"（{一}）\", \"{1}. \""
                .into(),
            suggestion: None,
        },
        at,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::outline::PRESETS;

    #[test]
    fn every_preset_reads_cleanly_with_its_parts() {
        for preset in PRESETS {
            let outline = preset_outline(preset);
            assert!(!outline.parts.is_empty(), "{}", preset.id);
            assert!(!outline.title.is_empty() && !outline.preamble.is_empty());
            assert!(outline.parts.iter().all(|p| !p.heading.is_empty()));
        }
        let seven = preset_outline(outline::preset("seven-part").unwrap());
        let keys: Vec<&str> = seven.parts.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "overview",
                "proactive",
                "requests",
                "appraisal",
                "complaints",
                "improvements",
                "other"
            ]
        );
        assert_eq!(seven.parts[1].holds, [Content::Channels, Content::Areas]);
        assert_eq!(seven.parts[0].points, "（{一}）");
        assert_eq!(seven.parts[2].points, "{1}. ");
    }
}
