//! Reading a TOML table key by key, collecting every problem instead of stopping at the first.
//!
//! serde's derive stops at the first unknown key or wrong type; a department wants to see all of
//! them at once, each with its line and column. So TOML is parsed into spanned values
//! (`toml::de::DeTable`) and walked with [`Table`]: each accessor marks its key as known, reports
//! a wrong type where the value is, and [`Table::finish`] reports every key nobody asked for,
//! with the closest known key as a suggestion.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::{Expected, Problem};
use crate::findings::suggest::did_you_mean;
use crate::model::location::{Located, Location};
use crate::model::paragraph::{self, Paragraph};
use crate::model::submission::Count;
use crate::read::columns::synonym;
use crate::read::values;

/// The file being read and where its findings go.
pub(crate) struct Ctx<'a> {
    /// The file.
    pub(crate) file: Arc<Path>,
    /// Its decoded text.
    pub(crate) source: &'a str,
    /// Findings.
    pub(crate) diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    /// A location in this file.
    pub(crate) fn at(&self, span: Range<usize>) -> Location {
        Location::span(&self.file, span)
    }

    /// Records a finding at a span of this file.
    pub(crate) fn report(&mut self, problem: Problem, span: Range<usize>) {
        let at = self.at(span);
        self.diags.push(problem, at);
    }
}

/// A TOML table being read.
pub(crate) struct Table<'t, 'i> {
    entries: &'t DeTable<'i>,
    span: Range<usize>,
    /// Whether this is the whole document (which has no header to point at).
    document: bool,
    used: Vec<&'t str>,
}

type Value<'t, 'i> = &'t Spanned<DeValue<'i>>;

impl<'t, 'i> Table<'t, 'i> {
    /// Starts reading `entries`; `span` is where the table is written (its header).
    pub(crate) fn new(entries: &'t DeTable<'i>, span: Range<usize>) -> Self {
        Table {
            entries,
            span,
            document: false,
            used: Vec::new(),
        }
    }

    /// Starts reading a whole document.
    pub(crate) fn document(entries: &'t DeTable<'i>) -> Self {
        Table {
            document: true,
            ..Table::new(entries, 0..0)
        }
    }

    /// Where the table is written.
    pub(crate) fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The raw value of `key`, marking the key as known.
    pub(crate) fn value(&mut self, key: &'t str) -> Option<Value<'t, 'i>> {
        self.used.push(key);
        self.entries
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    /// Where the value of `key` is written, if the table has it (without marking it).
    pub(crate) fn span_of(&self, key: &str) -> Option<Range<usize>> {
        self.entries
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v.span())
    }

    /// Whether `key` holds an empty or blank string (without marking it).
    pub(crate) fn is_blank(&self, key: &str) -> bool {
        self.entries
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .and_then(|(_, v)| v.get_ref().as_str())
            .is_some_and(|s| s.trim().is_empty())
    }

    /// Whether the table has `key` (without marking it).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.entries
            .iter()
            .any(|(k, _)| k.get_ref().as_ref() == key)
    }

    /// A text value (a whole number is taken as its digits, so `item = 7` means item "7"); a
    /// wrong type is reported.
    pub(crate) fn string(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<Located<String>> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(Located::new(s.to_string(), ctx.at(v.span()))),
            DeValue::Integer(i) => {
                let digits = decimal(ctx, key, i, v.span(), false)?;
                Some(Located::new(digits, ctx.at(v.span())))
            }
            _ => {
                ctx.report(wrong(key, Expected::Text), v.span());
                None
            }
        }
    }

    /// A non-empty text value; missing or empty is reported.
    pub(crate) fn required_string(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'t str,
    ) -> Option<Located<String>> {
        let present = self.has(key);
        let value = self.string(ctx, key);
        match value {
            Some(s) if !s.value.trim().is_empty() => {
                Some(Located::new(s.value.trim().to_owned(), s.location))
            }
            Some(s) => {
                ctx.diags.push(
                    Problem::MissingField {
                        field: key.to_owned(),
                    },
                    s.location,
                );
                None
            }
            None => {
                if !present {
                    self.missing(ctx, key);
                }
                None
            }
        }
    }

    /// A count: a non-negative TOML integer, or text such as `"1万"`. An empty string (how a
    /// template leaves a number to fill in) is no count, and not reported here.
    pub(crate) fn count(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<Located<Count>> {
        let v = self.value(key)?;
        if v.get_ref().as_str().is_some_and(|s| s.trim().is_empty()) {
            return None;
        }
        let at = ctx.at(v.span());
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => values::parse_count(&decimal(ctx, key, i, v.span(), true)?),
            DeValue::Float(f) => values::parse_count(f.as_str()),
            DeValue::String(s) => values::parse_count(s),
            _ => {
                ctx.report(wrong(key, Expected::Integer), v.span());
                return None;
            }
        };
        match parsed {
            Ok(count) => Some(Located::new(count, at)),
            Err(reason) => {
                let value = match v.get_ref().as_str() {
                    Some(s) => s.to_owned(),
                    None => ctx.source.get(v.span()).unwrap_or_default().to_owned(),
                };
                ctx.diags.push(
                    Problem::BadCount {
                        field: key.to_owned(),
                        value,
                        reason,
                    },
                    at,
                );
                None
            }
        }
    }

    /// A count that must be present.
    pub(crate) fn required_count(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'t str,
    ) -> Option<Located<u64>> {
        if !self.has(key) || self.is_blank(key) {
            self.missing(ctx, key);
            self.used.push(key);
            return None;
        }
        self.count(ctx, key)
            .map(|c| Located::new(c.value.value, c.location))
    }

    /// A date: a TOML date, or text in one of the accepted spellings. An empty string (a
    /// template's blank) is no date, and not reported here.
    pub(crate) fn date(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<Located<Date>> {
        let v = self.value(key)?;
        if v.get_ref().as_str().is_some_and(|s| s.trim().is_empty()) {
            return None;
        }
        date_value(ctx, key, v)
    }

    /// A flag: TOML `true`/`false`, or text such as 是/否.
    pub(crate) fn flag(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<bool> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            DeValue::String(s) if values::parse_flag(s).is_some() => values::parse_flag(s),
            _ => {
                ctx.report(wrong(key, Expected::Bool), v.span());
                None
            }
        }
    }

    /// Text or a list of texts.
    pub(crate) fn strings(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Vec<Located<String>> {
        let Some(v) = self.value(key) else {
            return Vec::new();
        };
        let one = |v: Value<'_, '_>, ctx: &mut Ctx<'_>| match v.get_ref() {
            DeValue::String(s) => Some(Located::new(s.trim().to_owned(), ctx.at(v.span()))),
            DeValue::Integer(i) => {
                let digits = decimal(ctx, key, i, v.span(), false)?;
                Some(Located::new(digits, ctx.at(v.span())))
            }
            _ => {
                ctx.report(wrong(key, Expected::TextList), v.span());
                None
            }
        };
        match v.get_ref() {
            DeValue::Array(items) => items.iter().filter_map(|i| one(i, ctx)).collect(),
            _ => one(v, ctx).into_iter().collect(),
        }
    }

    /// Text or a list of texts under a key that is data, not a known name (a department in
    /// `[owners]`).
    pub(crate) fn strings_for(&mut self, ctx: &mut Ctx<'_>, key: &str) -> Vec<Located<String>> {
        let Some((name, _)) = self
            .entries
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
        else {
            return Vec::new();
        };
        let name: &'t str = name.get_ref().as_ref();
        self.strings(ctx, name)
    }

    /// A date or a list of dates.
    pub(crate) fn dates(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Vec<Located<Date>> {
        let Some(v) = self.value(key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|i| date_value(ctx, key, i))
                .collect(),
            _ => date_value(ctx, key, v).into_iter().collect(),
        }
    }

    /// Narrative text, split into paragraphs that can point back into the file.
    pub(crate) fn paragraphs(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Vec<Paragraph> {
        let Some(v) = self.value(key) else {
            return Vec::new();
        };
        let one = |v: Value<'_, '_>, ctx: &mut Ctx<'_>| match v.get_ref() {
            DeValue::String(s) => {
                let origin = string_origin(ctx.source, v.span(), s);
                paragraph::split(s, origin, &ctx.at(v.span()))
            }
            _ => {
                ctx.report(wrong(key, Expected::TextList), v.span());
                Vec::new()
            }
        };
        match v.get_ref() {
            DeValue::Array(items) => items.iter().flat_map(|i| one(i, ctx)).collect(),
            _ => one(v, ctx),
        }
    }

    /// A sub-table (`[a.b]` or an inline table).
    pub(crate) fn table(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<Table<'t, 'i>> {
        let v = self.value(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(Table::new(t, v.span())),
            _ => {
                ctx.report(wrong(key, Expected::Table), v.span());
                None
            }
        }
    }

    /// A sub-table under a key that is data, not a known name (a part's key in `[parts]`).
    pub(crate) fn table_for(&mut self, ctx: &mut Ctx<'_>, key: &str) -> Option<Table<'t, 'i>> {
        let (name, _) = self
            .entries
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)?;
        let name: &'t str = name.get_ref().as_ref();
        self.table(ctx, name)
    }

    /// An array of tables (`[[key]]`).
    pub(crate) fn tables(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Vec<Table<'t, 'i>> {
        let Some(v) = self.value(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            ctx.report(wrong(key, Expected::Tables), v.span());
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| match item.get_ref() {
                DeValue::Table(t) => Some(Table::new(t, item.span())),
                _ => {
                    ctx.report(wrong(key, Expected::Tables), item.span());
                    None
                }
            })
            .collect()
    }

    /// Reports `key` as missing from this table (at its header; for the document, at the file),
    /// unless the table has a misspelling of it, which is reported as an unknown key instead.
    pub(crate) fn missing(&self, ctx: &mut Ctx<'_>, key: &str) {
        if self.misspelt(key) {
            return;
        }
        let at = match self.span_of(key) {
            Some(span) => ctx.at(span),
            None if self.document => Location::file(&ctx.file),
            None => ctx.at(self.span()),
        };
        ctx.diags.push(
            Problem::MissingField {
                field: key.to_owned(),
            },
            at,
        );
    }

    /// Whether the table has a key, other than `key`, that is a likely misspelling of it.
    pub(crate) fn misspelt(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| {
            let name = k.get_ref().as_ref();
            name != key && did_you_mean(name, [key]).is_some()
        })
    }

    /// Every entry whose key was not asked for (for tables whose keys are data, like `[rules]`).
    pub(crate) fn rest(
        &self,
    ) -> impl Iterator<Item = (&'t Spanned<std::borrow::Cow<'i, str>>, Value<'t, 'i>)> {
        let used = self.used.clone();
        self.entries
            .iter()
            .filter(move |(k, _)| !used.contains(&k.get_ref().as_ref()))
    }

    /// Reports every key that no accessor asked for, suggesting the closest known key.
    pub(crate) fn finish(self, ctx: &mut Ctx<'_>) {
        self.finish_knowing(ctx, &[]);
    }

    /// [`Table::finish`], with more keys the table may have (keys that are data, like a part's
    /// key in `[parts]`) to suggest.
    pub(crate) fn finish_knowing(self, ctx: &mut Ctx<'_>, known: &[&str]) {
        for (key, _) in self.entries {
            let name = key.get_ref().as_ref();
            if !self.used.contains(&name) {
                let candidates = || self.used.iter().copied().chain(known.iter().copied());
                let suggestion =
                    did_you_mean(name, candidates()).or_else(|| synonym(name, candidates()));
                ctx.report(
                    Problem::UnknownKey {
                        key: name.to_owned(),
                        suggestion,
                        column: false,
                    },
                    key.span(),
                );
            }
        }
    }
}

/// A TOML integer's decimal digits, the value TOML reads (`+5` is `5`, `1_000` is `1000`); an
/// integer written in another base (`0x10`, `0o17`, `0b101`) is reported and read as nothing:
/// the report prints numbers as departments write them, and a department that writes `0x10`
/// may well mean ten.
fn decimal(
    ctx: &mut Ctx<'_>,
    key: &str,
    integer: &toml::de::DeInteger<'_>,
    span: Range<usize>,
    count: bool,
) -> Option<String> {
    let digits: String = integer.as_str().chars().filter(|&c| c != '_').collect();
    if integer.radix() == 10 {
        return Some(digits.trim_start_matches('+').to_owned());
    }
    let problem = Problem::NotDecimal {
        field: key.to_owned(),
        written: ctx.source.get(span.clone()).unwrap_or_default().to_owned(),
        value: u64::from_str_radix(&digits, integer.radix()).ok(),
        count,
    };
    ctx.report(problem, span);
    None
}

/// Where a TOML syntax error is: its span, or for a key nested too deep (which the parser
/// reports without a place) the first key with that many parts; else the file.
pub(crate) fn error_location(ctx: &Ctx<'_>, error: &toml::de::Error) -> Location {
    if let Some(span) = error.span() {
        return ctx.at(span);
    }
    match deepest_key(ctx.source) {
        Some(span) if error.message().contains("recursion") => ctx.at(span),
        _ => Location::file(&ctx.file),
    }
}

/// The span of the first key, in a table header or before an `=`, with the most dotted parts
/// (at least 32), counting dots outside quotes.
fn deepest_key(source: &str) -> Option<Range<usize>> {
    let mut best: Option<(usize, Range<usize>)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let start = offset + (line.len() - line.trim_start().len());
        offset += line.len();
        let text = line.trim_start();
        let key = match text.strip_prefix('[') {
            Some(rest) => rest.trim_start_matches('[').split(']').next().unwrap_or(""),
            None => text.split('=').next().unwrap_or(""),
        };
        let (mut dots, mut quote) = (0, None);
        for c in key.chars() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '.') => dots += 1,
                _ => {}
            }
        }
        let end = start + (text.len() - text.trim_start_matches('[').len()) + key.len();
        if dots >= 32 && best.as_ref().is_none_or(|(d, _)| dots > *d) {
            best = Some((dots, start..end.min(offset)));
        }
    }
    best.map(|(_, span)| span)
}

fn wrong(key: &str, expected: Expected) -> Problem {
    Problem::WrongType {
        field: key.to_owned(),
        expected,
    }
}

fn date_value(ctx: &mut Ctx<'_>, key: &str, v: Value<'_, '_>) -> Option<Located<Date>> {
    let at = ctx.at(v.span());
    match v.get_ref() {
        DeValue::Datetime(dt) => match dt.date {
            Some(d) if dt.offset.is_none() => {
                match Date::new(
                    i16::try_from(d.year).ok()?,
                    d.month.cast_signed(),
                    d.day.cast_signed(),
                ) {
                    Ok(date) => Some(Located::new(date, at)),
                    Err(_) => {
                        ctx.diags.push(
                            Problem::BadDate {
                                value: dt.to_string(),
                            },
                            at,
                        );
                        None
                    }
                }
            }
            _ => {
                ctx.diags.push(
                    Problem::BadDate {
                        value: dt.to_string(),
                    },
                    at,
                );
                None
            }
        },
        DeValue::String(s) => {
            if let Some(date) = values::parse_date(s) {
                Some(Located::new(date, at))
            } else {
                ctx.diags.push(
                    Problem::BadDate {
                        value: s.to_string(),
                    },
                    at,
                );
                None
            }
        }
        _ => {
            ctx.report(wrong(key, Expected::Date), v.span());
            None
        }
    }
}

/// Where the characters of a string value start in the file, when the file holds them as they
/// are: literal strings (`'…'`, `'''…'''`) and basic strings without escapes. A multi-line
/// string's first newline, right after the opening quotes, is not part of the value.
fn string_origin(source: &str, span: Range<usize>, value: &str) -> Option<usize> {
    let raw = source.get(span.clone())?;
    let quote = if raw.starts_with("'''") || raw.starts_with("\"\"\"") {
        3
    } else {
        1
    };
    let inner = raw.get(quote..raw.len().checked_sub(quote)?)?;
    let (skip, inner) = if quote == 3 {
        if let Some(rest) = inner.strip_prefix("\r\n") {
            (2, rest)
        } else if let Some(rest) = inner.strip_prefix('\n') {
            (1, rest)
        } else {
            (0, inner)
        }
    } else {
        (0, inner)
    };
    (inner == value).then_some(span.start + quote + skip)
}
