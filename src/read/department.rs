//! One department's TOML submission → its part of the model.
//!
//! A department file may hold `[[count]]` rows, `[[event]]` rows, `[[text]]` paragraphs for the
//! report's key areas, `[[disclosure]]` checklist entries, and (for the office that handles
//! them) the `[requests]` and `[complaints]` tables. docs/submissions.md describes every key.

use jiff::civil::Date;
use toml::de::DeTable;

use crate::findings::problem::Problem;
use crate::model::location::{Located, Location};
use crate::model::submission::{
    AreaText, Complaints, Count, Department, Detail, Fees, Outcome, Requests,
};
use crate::read::events::EventSink;
use crate::read::export::Export;
use crate::read::rows::{self, Got, Row};
use crate::read::table::{Ctx, Table};

/// Reads a parsed department TOML file into `department`.
pub(crate) fn read(
    ctx: &mut Ctx<'_>,
    doc: &DeTable<'_>,
    department: &mut Department,
    events: &mut EventSink,
    exports: &mut Vec<Export>,
) {
    let mut top = Table::document(doc);
    let mut rows = 0;
    for table in top.tables(ctx, "export") {
        rows += 1;
        exports.extend(export(ctx, table));
    }
    for table in top.tables(ctx, "count") {
        rows += 1;
        let mut row = TomlRow { table, ctx };
        if let Some(figure) = rows::figure(&mut row) {
            department.figures.push(figure);
        }
        row.table.finish(row.ctx);
    }
    for table in top.tables(ctx, "event") {
        rows += 1;
        let mut row = TomlRow { table, ctx };
        if let Some(event) = rows::event(&mut row) {
            events.add(row.ctx.diags, department, event);
        }
        row.table.finish(row.ctx);
    }
    for mut table in top.tables(ctx, "text") {
        rows += 1;
        let area = table.required_string(ctx, "area");
        let paragraphs = table.paragraphs(ctx, "text");
        if paragraphs.is_empty() {
            match table.value("text") {
                Some(v) if v.get_ref().as_str().is_some() => {
                    let problem = Problem::MissingField {
                        field: "text".into(),
                    };
                    ctx.report(problem, v.span());
                }
                Some(_) => {}
                None => table.missing(ctx, "text"),
            }
        }
        if let Some(area) = area {
            department.texts.push(AreaText { area, paragraphs });
        }
        table.finish(ctx);
    }
    for table in top.tables(ctx, "disclosure") {
        rows += 1;
        let mut row = TomlRow { table, ctx };
        if let Some(disclosure) = rows::disclosure(&mut row) {
            department.disclosures.push(disclosure);
        }
        row.table.finish(row.ctx);
    }
    if let Some(table) = top.table(ctx, "requests") {
        rows += 1;
        let read = requests(ctx, table);
        match &department.requests {
            Some(first) => ctx.diags.push(
                Problem::DuplicateTable {
                    table: "requests".into(),
                    first: first.location.clone(),
                },
                read.location,
            ),
            None => department.requests = Some(read),
        }
    }
    if let Some(mut table) = top.table(ctx, "complaints") {
        rows += 1;
        let location = ctx.at(table.span());
        let reports = table.required_count(ctx, "reports");
        let reconsiderations = table.required_count(ctx, "reconsiderations");
        let lawsuits = table.required_count(ctx, "lawsuits");
        table.finish(ctx);
        if let Some(first) = &department.complaints {
            ctx.diags.push(
                Problem::DuplicateTable {
                    table: "complaints".into(),
                    first: first.location.clone(),
                },
                location,
            );
        } else if let (Some(reports), Some(reconsiderations), Some(lawsuits)) =
            (reports, reconsiderations, lawsuits)
        {
            department.complaints = Some(Complaints {
                reports,
                reconsiderations,
                lawsuits,
                location,
            });
        }
    }
    top.finish(ctx);
    if rows == 0 {
        let at = Location::file(&ctx.file);
        ctx.diags.push(Problem::EmptyFile, at);
    }
}

/// An `[[export]]` table: which file, which columns, what each value counts as.
fn export(ctx: &mut Ctx<'_>, mut table: Table<'_, '_>) -> Option<Export> {
    let location = ctx.at(table.span());
    let file = table.required_string(ctx, "file");
    let date = table.required_string(ctx, "date");
    let date_format = table.string(ctx, "date_format");
    let title = table.string(ctx, "title");
    let link = table.string(ctx, "link");
    let column = table.string(ctx, "column");
    let channel = table.string(ctx, "channel");
    let item = table.string(ctx, "item");
    let mut map = Vec::new();
    if let Some(mut entries) = table.table(ctx, "map") {
        let keys: Vec<String> = entries
            .rest()
            .map(|(k, _)| k.get_ref().to_string())
            .collect();
        for value in keys {
            for target in entries.strings_for(ctx, &value) {
                let (ch, it) = match target.value.split_once('/') {
                    Some((ch, it)) => (ch.trim().to_owned(), it.trim().to_owned()),
                    None => match &channel {
                        Some(ch) => (ch.value.clone(), target.value.trim().to_owned()),
                        None => {
                            let problem = Problem::BadValue {
                                field: "map".into(),
                                value: target.value.clone(),
                                allowed: "\"渠道/类别\", or \"类别\" with `channel` set".into(),
                                suggestion: None,
                            };
                            ctx.diags.push(problem, target.location.clone());
                            continue;
                        }
                    },
                };
                map.push((value.clone(), ch, it));
            }
        }
    }
    if column.is_some() && map.is_empty() {
        table.missing(ctx, "map");
    }
    if column.is_none() {
        match (&channel, &item) {
            (Some(ch), Some(it)) => map.push((String::new(), ch.value.clone(), it.value.clone())),
            _ => {
                for key in ["channel", "item"] {
                    if !table.has(key) {
                        table.missing(ctx, key);
                    }
                }
            }
        }
    }
    table.finish(ctx);
    Some(Export {
        file: file?,
        date: date?,
        date_format,
        title,
        link,
        column,
        map,
        location,
    })
}

fn requests(ctx: &mut Ctx<'_>, mut table: Table<'_, '_>) -> Requests {
    let location = ctx.at(table.span());
    let received = table
        .required_count(ctx, "received")
        .unwrap_or_else(|| Located::new(0, location.clone()));
    let carried_over = optional_count(ctx, &mut table, "carried_over");
    let mut outcomes = Vec::new();
    for &outcome in Outcome::ALL {
        if let Some(n) = optional_count(ctx, &mut table, outcome.key()) {
            outcomes.push((outcome, n));
        }
    }
    let carried_forward = optional_count(ctx, &mut table, "carried_forward");
    let grounds = details(ctx, &mut table, "grounds", Detail::GROUNDS);
    let arrivals = details(ctx, &mut table, "arrivals", Detail::ARRIVALS);
    let fees = table.table(ctx, "fees").map(|mut fees| {
        let at = ctx.at(fees.span());
        let charged = fees
            .required_count(ctx, "charged")
            .unwrap_or_else(|| Located::new(0, at.clone()));
        let waived =
            optional_count(ctx, &mut fees, "waived").unwrap_or_else(|| Located::new(0, at.clone()));
        fees.finish(ctx);
        Fees {
            charged,
            waived,
            location: at,
        }
    });
    table.finish(ctx);
    Requests {
        received,
        carried_over,
        outcomes,
        carried_forward,
        grounds,
        arrivals,
        fees,
        location,
    }
}

/// A breakdown of requests (`[requests.grounds]`, `[requests.arrivals]`): a count per known key.
fn details(
    ctx: &mut Ctx<'_>,
    table: &mut Table<'_, '_>,
    key: &'static str,
    kinds: &'static [Detail],
) -> Vec<(&'static Detail, Located<u64>)> {
    let Some(mut sub) = table.table(ctx, key) else {
        return Vec::new();
    };
    let found = kinds
        .iter()
        .filter_map(|kind| optional_count(ctx, &mut sub, kind.key).map(|n| (kind, n)))
        .collect();
    sub.finish(ctx);
    found
}

fn optional_count(
    ctx: &mut Ctx<'_>,
    table: &mut Table<'_, '_>,
    key: &'static str,
) -> Option<Located<u64>> {
    table
        .count(ctx, key)
        .map(|c| Located::new(c.value.value, c.location))
}

/// A TOML table read as a submission row.
pub(crate) struct TomlRow<'c, 'a, 't, 'i> {
    /// The table.
    pub(crate) table: Table<'t, 'i>,
    /// The file.
    pub(crate) ctx: &'c mut Ctx<'a>,
}

impl Row for TomlRow<'_, '_, '_, '_> {
    fn text(&mut self, field: &'static str) -> Option<Located<String>> {
        self.table
            .string(self.ctx, field)
            .filter(|s| !s.value.trim().is_empty())
            .map(|s| Located::new(s.value.trim().to_owned(), s.location))
    }

    fn count(&mut self, field: &'static str) -> Got<Located<Count>> {
        if is_blank(&mut self.table, field) {
            return Got::Absent;
        }
        match self.table.count(self.ctx, field) {
            Some(c) => Got::Value(c),
            None => Got::Bad,
        }
    }

    fn date(&mut self, field: &'static str) -> Got<Located<Date>> {
        if is_blank(&mut self.table, field) {
            return Got::Absent;
        }
        match self.table.date(self.ctx, field) {
            Some(d) => Got::Value(d),
            None => Got::Bad,
        }
    }

    fn flag(&mut self, field: &'static str) -> bool {
        self.table.flag(self.ctx, field).unwrap_or(false)
    }

    fn texts(&mut self, field: &'static str) -> Vec<Located<String>> {
        self.table
            .strings(self.ctx, field)
            .into_iter()
            .filter(|s| !s.value.is_empty())
            .collect()
    }

    fn dates(&mut self, field: &'static str) -> Vec<Located<Date>> {
        self.table.dates(self.ctx, field)
    }

    fn name(&self, field: &'static str) -> String {
        field.to_owned()
    }

    fn location(&self) -> Location {
        self.ctx.at(self.table.span())
    }

    fn field_location(&self, field: &'static str) -> Location {
        self.table
            .span_of(field)
            .map_or_else(|| self.location(), |span| self.ctx.at(span))
    }

    fn present(&self, field: &'static str) -> bool {
        self.table.has(field) && !self.table.is_blank(field)
    }

    fn misspelt(&self, field: &'static str) -> bool {
        self.table.misspelt(field)
    }

    fn report(&mut self, problem: Problem, location: Location) {
        self.ctx.diags.push(problem, location);
    }
}

/// Whether a field is absent or an empty string (how a template leaves a number to fill in).
fn is_blank(table: &mut Table<'_, '_>, field: &'static str) -> bool {
    match table.value(field) {
        None => true,
        Some(v) => v.get_ref().as_str().is_some_and(|s| s.trim().is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{Year, ids};

    #[test]
    fn a_misspelt_key_is_one_finding_with_a_suggestion() {
        let found = Year::new()
            .file(
                "宣传部.toml",
                "[[count]]\nchanel = \"学校主页\"\nitem = \"信息\"\nnumber = 3\nunit = \"条\"\n",
            )
            .read();
        assert_eq!(ids(&found), ["D102"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.toml:2:1");
        assert_eq!(
            found.message(0),
            "unknown key `chanel`; did you mean `channel`?"
        );
    }

    #[test]
    fn wrong_types_point_at_the_value() {
        let found = Year::new()
            .file("宣传部.toml", "[[count]]\nchannel = \"学校主页\"\nitem = \"信息\"\nnumber = true\nunit = \"条\"\n")
            .read();
        assert_eq!(ids(&found), ["D104"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.toml:4:10");
        assert_eq!(found.message(0), "`number` must be a whole number");
    }

    #[test]
    fn a_blank_number_is_missing_and_a_bad_one_is_not_a_count() {
        let toml = "[[count]]\nchannel = \"学校主页\"\nitem = \"信息\"\nnumber = \"\"\nunit = \"条\"\n\n[[count]]\nchannel = \"官方微信\"\nitem = \"信息\"\nnumber = -5\nunit = \"条\"\n";
        let found = Year::new().file("宣传部.toml", toml).read();
        assert_eq!(ids(&found), ["D103", "D105"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.toml:4:10", "the blank value itself");
        assert_eq!(found.at(1), "宣传部.toml:10:10");
    }

    #[test]
    fn an_empty_file_says_so() {
        assert_eq!(
            ids(&Year::new().file("宣传部.toml", "# 暂无\n").read()),
            ["D106"]
        );
    }

    #[test]
    fn requests_twice_in_one_department() {
        let found = Year::new()
            .file("党委办公室.toml", "[requests]\nreceived = 0\n")
            .file("党委办公室-补充.toml", "[requests]\nreceived = 1\n")
            .read();
        assert_eq!(ids(&found), ["D107"], "{}", found.dump());
    }

    #[test]
    fn integers_in_another_base_are_refused_with_the_value_toml_reads() {
        let toml = "[[disclosure]]\nitem = 0x10\nstatus = \"已公开\"\nlinks = [\"https://a.edu.cn/16\"]\n\n[[count]]\nchannel = \"学校主页\"\nitem = \"信息\"\nnumber = 0o17\nunit = \"条\"\n\n[[count]]\nchannel = \"学校主页\"\nitem = \"要闻\"\nnumber = +1_000\nunit = \"条\"\n";
        let year = Year::new().file("宣传部.toml", toml);
        let found = year.read();
        assert_eq!(ids(&found), ["D104", "D105"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.toml:2:8");
        assert_eq!(
            found.message(0),
            "`item` is written in hexadecimal (`0x10`, which TOML reads as 16): write it in decimal digits"
        );
        assert_eq!(found.at(1), "宣传部.toml:9:10");
        let (subs, _) = year.load();
        let values: Vec<Option<u64>> = subs.figures().map(|(d, f)| d.value_of(f)).collect();
        assert_eq!(values, [None, Some(1000)]);
    }
}
