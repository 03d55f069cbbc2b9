//! Year-over-year comparison: two years' numbers side by side, with the change and its
//! percentage, for `disclose compare`.
//!
//! It works on the report's [`Data`] only, like the renderers, so it compares what the two
//! reports print. A figure is the same figure in both years when its `channel/item`
//! ([`FigureRow::key`]) is the same; a figure present in one year only is marked as such, never
//! silently compared with zero. Requests, complaints, the State Council forms (cell by cell,
//! in `forms`) and checklist coverage (counts per status) follow the figures. Rendering a
//! [`Comparison`] is [`crate::render::comparison`]'s job.

mod forms;

use std::fmt;

use serde::{Serialize, Serializer};

use crate::compose::coverage::Coverage;
use crate::compose::report::{ComplaintsRow, Data, FigureRow, Line, RequestsRow};
use crate::model::forms::FormKind;
use crate::model::submission::Qualifier;
use crate::model::year::AcademicYear;

/// Two years' numbers side by side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The university (as year B's report.toml names it).
    pub school: String,
    /// The first year, `2019-2020`.
    pub year_a: AcademicYear,
    /// The second year, `2020-2021`.
    pub year_b: AcademicYear,
    /// Every row, section by section ([`compare`]).
    pub rows: Vec<Row>,
}

/// What a row counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// A figure: a channel's count.
    Figures,
    /// Disclosure requests.
    Requests,
    /// The State Council's requests form, cell by cell.
    RequestsForm,
    /// Complaints, reconsiderations and lawsuits.
    Complaints,
    /// The State Council's reconsiderations and lawsuits form, cell by cell.
    ReviewsForm,
    /// How many checklist items have each status.
    Checklist,
}

impl Section {
    /// Every section, in the order rows come in.
    pub const ALL: [Section; 6] = [
        Section::Figures,
        Section::Requests,
        Section::RequestsForm,
        Section::Complaints,
        Section::ReviewsForm,
        Section::Checklist,
    ];

    /// The section's title, as the report names it (a form's, as its caption).
    pub fn title(self) -> &'static str {
        match self {
            Section::Figures => "信息公开渠道和数据",
            Section::Requests => "依申请公开",
            Section::RequestsForm => FormKind::Requests.title(),
            Section::Complaints => "因信息公开工作受到举报、复议、诉讼的情况",
            Section::ReviewsForm => FormKind::Reviews.title(),
            Section::Checklist => "清单事项公开情况",
        }
    }

    /// The form whose cells the section compares, if it is a form's.
    pub fn form(self) -> Option<FormKind> {
        match self {
            Section::RequestsForm => Some(FormKind::Requests),
            Section::ReviewsForm => Some(FormKind::Reviews),
            _ => None,
        }
    }

    /// The form section that reports what this section reports, for a year whose outline
    /// uses the State Council's forms: requests form for requests, reviews form for
    /// complaints.
    pub fn form_instead(self) -> Option<Section> {
        match self {
            Section::Requests => Some(Section::RequestsForm),
            Section::Complaints => Some(Section::ReviewsForm),
            _ => None,
        }
    }
}

/// Whether a row is in both years or in one only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// In both years.
    Both,
    /// In year A only (a figure dropped, or a section year B did not submit).
    OnlyA,
    /// In year B only (a new figure).
    OnlyB,
}

/// One number in both years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// What it counts.
    pub section: Section,
    /// Its identity: `channel/item` for a figure (`学校主页/信息`), the English key otherwise
    /// (`received`, `granted`, `reports`, `published`).
    pub key: String,
    /// Its name as printed: the key for a figure, 本学年收到申请 or 已公开 otherwise.
    pub name: String,
    /// The unit: year B's, or year A's when the row is in year A only.
    pub unit: String,
    /// The number in year A, if the year has it.
    pub a: Option<Side>,
    /// The number in year B, if the year has it.
    pub b: Option<Side>,
    /// B − A; `None` when either year lacks the number or the units differ.
    pub change: Option<i64>,
    /// The change as a percentage of A; `None` when there is no change to measure or A is 0.
    pub percent: Option<Percent>,
    /// In both years or in one only.
    pub status: Status,
}

/// A number in one year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Side {
    /// The value; `None` when missing (only in drafts).
    pub value: Option<u64>,
    /// The unit.
    pub unit: String,
    /// 约, 近, 余 or 多.
    pub qualifier: Option<String>,
    /// Whether the number is approximate.
    pub approximate: bool,
}

impl Side {
    /// An exact count.
    fn exact(value: u64, unit: &str) -> Side {
        Side {
            value: Some(value),
            unit: unit.to_owned(),
            qualifier: None,
            approximate: false,
        }
    }

    /// A figure's number.
    fn of(figure: &FigureRow) -> Side {
        Side {
            value: figure.value,
            unit: figure.unit.clone(),
            qualifier: figure.qualifier.clone(),
            approximate: figure.approximate,
        }
    }

    /// The number with its qualifier, without the unit: `约 3600`, `2500 余`; `缺` when missing.
    pub fn text(&self) -> String {
        let Some(value) = self.value else {
            return "缺".to_owned();
        };
        match &self.qualifier {
            Some(q) if Qualifier::parse(q).is_some_and(Qualifier::is_prefix) => {
                format!("{q} {value}")
            }
            Some(q) => format!("{value} {q}"),
            None => value.to_string(),
        }
    }
}

/// A percentage with one decimal, held in tenths so that it compares exactly; half a tenth
/// rounds away from zero. In JSON it is a number (`14.7`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Percent {
    /// Tenths of a per cent: 147 is 14.7 %.
    pub tenths: i64,
}

impl Percent {
    /// `change` as a percentage of `base`; `None` when `base` is 0.
    pub fn of(change: i64, base: u64) -> Option<Percent> {
        if base == 0 {
            return None;
        }
        let twice = 2 * i128::from(change) * 1000;
        let base = i128::from(base);
        // Integer division truncates toward zero; adding half the divisor on the side of the
        // sign rounds half away from zero.
        let tenths = (twice + twice.signum() * base) / (2 * base);
        i64::try_from(tenths).ok().map(|tenths| Percent { tenths })
    }
}

impl fmt::Display for Percent {
    /// `+14.7%`, `-3.0%`, `0.0%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = match self.tenths.signum() {
            1 => "+",
            -1 => "-",
            _ => "",
        };
        let abs = self.tenths.unsigned_abs();
        write!(f, "{sign}{}.{}%", abs / 10, abs % 10)
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Exact for any percentage below 2^53 tenths, far beyond any count's change.
        #[allow(clippy::cast_precision_loss)]
        let tenths = self.tenths as f64;
        serializer.serialize_f64(tenths / 10.0)
    }
}

/// How many rows changed, stayed the same, or are in one year only.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Every row.
    pub rows: usize,
    /// In both years, with a different number, unit or qualifier.
    pub changed: usize,
    /// In both years, the same.
    pub unchanged: usize,
    /// In year A only.
    pub only_a: usize,
    /// In year B only.
    pub only_b: usize,
}

impl Summary {
    /// Counts `rows`.
    pub fn of(rows: &[Row]) -> Summary {
        let mut summary = Summary {
            rows: rows.len(),
            ..Summary::default()
        };
        for row in rows {
            let count = match row.status {
                Status::Both if row.is_unchanged() => &mut summary.unchanged,
                Status::Both => &mut summary.changed,
                Status::OnlyA => &mut summary.only_a,
                Status::OnlyB => &mut summary.only_b,
            };
            *count += 1;
        }
        summary
    }
}

impl Row {
    /// A row from the number in each year.
    fn new(section: Section, key: &str, name: &str, a: Option<Side>, b: Option<Side>) -> Row {
        let status = match (&a, &b) {
            (Some(_), None) => Status::OnlyA,
            (None, Some(_)) => Status::OnlyB,
            _ => Status::Both,
        };
        let change = match (&a, &b) {
            (Some(a), Some(b)) if a.unit == b.unit => match (a.value, b.value) {
                (Some(x), Some(y)) => i64::try_from(i128::from(y) - i128::from(x)).ok(),
                _ => None,
            },
            _ => None,
        };
        let percent = match (change, a.as_ref().and_then(|a| a.value)) {
            (Some(change), Some(base)) => Percent::of(change, base),
            _ => None,
        };
        let unit = b.as_ref().or(a.as_ref()).map(|s| s.unit.clone());
        Row {
            section,
            key: key.to_owned(),
            name: name.to_owned(),
            unit: unit.unwrap_or_default(),
            a,
            b,
            change,
            percent,
            status,
        }
    }

    /// In both years, with the same number, unit and qualifier.
    pub fn is_unchanged(&self) -> bool {
        self.status == Status::Both && self.a == self.b
    }
}

/// Compares year A with year B: the figures in year B's order, then those of year A only in
/// year A's order; then requests (received, carried over, each outcome, carried forward), the
/// requests form (every cell), complaints, the reviews form (every cell), and checklist coverage
/// (items per status).
pub fn compare(a: &Data, b: &Data) -> Vec<Row> {
    let mut rows = figures(&a.figures, &b.figures);
    rows.extend(requests(a.requests.as_ref(), b.requests.as_ref()));
    rows.extend(forms::cells(FormKind::Requests, a, b));
    rows.extend(complaints(a.complaints.as_ref(), b.complaints.as_ref()));
    rows.extend(forms::cells(FormKind::Reviews, a, b));
    rows.extend(checklist(a, b));
    rows
}

/// Figures matched by key. If a year has the same key twice (which the checks reject), the
/// first of A goes with the first of B, and so on.
fn figures(a: &[FigureRow], b: &[FigureRow]) -> Vec<Row> {
    let mut used = vec![false; a.len()];
    let mut rows = Vec::with_capacity(b.len());
    for figure in b {
        let key = figure.key();
        let matched = (0..a.len()).find(|&i| !used[i] && a[i].key() == key);
        if let Some(i) = matched {
            used[i] = true;
        }
        let side_a = matched.map(|i| Side::of(&a[i]));
        rows.push(Row::new(
            Section::Figures,
            &key,
            &key,
            side_a,
            Some(Side::of(figure)),
        ));
    }
    for (figure, _) in a.iter().zip(&used).filter(|(_, used)| !**used) {
        let key = figure.key();
        rows.push(Row::new(
            Section::Figures,
            &key,
            &key,
            Some(Side::of(figure)),
            None,
        ));
    }
    rows
}

/// The unit of requests and complaints.
const CASES: &str = "件";

/// The unit of checklist items.
const ITEMS: &str = "项";

/// Requests: received, carried over, every outcome either year wrote (B's order, then A's
/// others), carried forward. An outcome a year did not write is 0 in that year, as in the
/// report; a year without `[requests]` has no side at all.
fn requests(a: Option<&RequestsRow>, b: Option<&RequestsRow>) -> Vec<Row> {
    if a.is_none() && b.is_none() {
        return Vec::new();
    }
    let (a_lines, b_lines) = (a.map(RequestsRow::lines), b.map(RequestsRow::lines));
    let mut keys: Vec<(&str, &str)> = vec![RequestsRow::RECEIVED, RequestsRow::CARRIED_OVER];
    for outcome in b.into_iter().chain(a).flat_map(|r| &r.outcomes) {
        if !keys.iter().any(|(key, _)| *key == outcome.key) {
            keys.push((&outcome.key, &outcome.name));
        }
    }
    keys.push(RequestsRow::CARRIED_FORWARD);
    let side = |lines: &Option<Vec<Line<'_>>>, key: &str| {
        lines.as_ref().map(|lines| {
            let number = lines.iter().find(|(k, _, _)| *k == key).map_or(0, |l| l.2);
            Side::exact(number, CASES)
        })
    };
    keys.into_iter()
        .map(|(key, name)| {
            Row::new(
                Section::Requests,
                key,
                name,
                side(&a_lines, key),
                side(&b_lines, key),
            )
        })
        .collect()
}

/// Complaints: reports, reconsiderations, lawsuits.
fn complaints(a: Option<&ComplaintsRow>, b: Option<&ComplaintsRow>) -> Vec<Row> {
    let (a_lines, b_lines) = (a.map(ComplaintsRow::lines), b.map(ComplaintsRow::lines));
    let Some(frame) = b_lines.or(a_lines) else {
        return Vec::new();
    };
    frame
        .iter()
        .enumerate()
        .map(|(i, (key, name, _))| {
            let side = |lines: Option<[Line<'_>; 3]>| lines.map(|l| Side::exact(l[i].2, CASES));
            Row::new(Section::Complaints, key, name, side(a_lines), side(b_lines))
        })
        .collect()
}

/// Checklist coverage: how many items are 已公开, 部分公开, 不适用, 未说明 in each year.
fn checklist(a: &Data, b: &Data) -> Vec<Row> {
    let (a, b) = (Coverage::of(&a.checklist), Coverage::of(&b.checklist));
    a.counts()
        .into_iter()
        .zip(b.counts())
        .map(|((key, name, x), (_, _, y))| {
            Row::new(
                Section::Checklist,
                key,
                name,
                Some(Side::exact(x, ITEMS)),
                Some(Side::exact(y, ITEMS)),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::report::{ChecklistRow, Outcome};

    fn figure(channel: &str, item: &str, value: u64) -> FigureRow {
        FigureRow {
            department: "宣传部".to_owned(),
            channel: channel.to_owned(),
            item: item.to_owned(),
            parent: None,
            value: Some(value),
            unit: "条".to_owned(),
            qualifier: None,
            approximate: false,
            text: format!("{value} 条"),
            source: "given".to_owned(),
        }
    }

    fn data(figures: Vec<FigureRow>) -> Data {
        Data {
            figures,
            ..Data::default()
        }
    }

    fn find<'r>(rows: &'r [Row], key: &str) -> &'r Row {
        rows.iter().find(|r| r.key == key).unwrap()
    }

    #[test]
    fn a_figure_in_both_years_has_its_change_and_percentage() {
        let a = data(vec![figure("官方微信", "信息", 436)]);
        let b = data(vec![figure("官方微信", "信息", 500)]);
        let rows = compare(&a, &b);
        let row = find(&rows, "官方微信/信息");
        assert_eq!(row.status, Status::Both);
        assert_eq!(row.change, Some(64));
        assert_eq!(row.percent, Some(Percent { tenths: 147 }));
        assert_eq!(row.percent.unwrap().to_string(), "+14.7%");
        assert_eq!(row.unit, "条");
        assert!(!row.is_unchanged());
    }

    #[test]
    fn a_decrease_is_negative_and_no_change_is_zero() {
        let a = data(vec![figure("校报", "期", 17), figure("简报", "期", 9)]);
        let b = data(vec![figure("校报", "期", 16), figure("简报", "期", 9)]);
        let rows = compare(&a, &b);
        let down = find(&rows, "校报/期");
        assert_eq!(down.change, Some(-1));
        assert_eq!(down.percent.unwrap().to_string(), "-5.9%");
        let same = find(&rows, "简报/期");
        assert_eq!(same.change, Some(0));
        assert_eq!(same.percent.unwrap().to_string(), "0.0%");
        assert!(same.is_unchanged());
    }

    #[test]
    fn percentages_round_half_away_from_zero_to_one_decimal() {
        let p = |change, base| Percent::of(change, base).map(|p| p.to_string());
        assert_eq!(p(1, 3).as_deref(), Some("+33.3%"));
        assert_eq!(p(2, 3).as_deref(), Some("+66.7%"));
        assert_eq!(p(-2, 3).as_deref(), Some("-66.7%"));
        assert_eq!(p(1, 16).as_deref(), Some("+6.3%"));
        assert_eq!(p(-1, 16).as_deref(), Some("-6.3%"));
        assert_eq!(p(1, 1481).as_deref(), Some("+0.1%"));
        assert_eq!(p(1, 100_000).as_deref(), Some("0.0%"));
        assert_eq!(p(-436, 436).as_deref(), Some("-100.0%"));
        assert_eq!(p(i64::MAX, 1), None, "too large to hold is no percentage");
        assert_eq!(
            serde_json::to_string(&Percent::of(64, 436)).unwrap(),
            "14.7"
        );
    }

    #[test]
    fn a_zero_base_has_a_change_but_no_percentage() {
        let a = data(vec![figure("官方抖音", "短视频", 0)]);
        let b = data(vec![figure("官方抖音", "短视频", 130)]);
        let rows = compare(&a, &b);
        let row = find(&rows, "官方抖音/短视频");
        assert_eq!(row.change, Some(130));
        assert_eq!(row.percent, None);
    }

    #[test]
    fn figures_in_one_year_only_are_marked_and_not_compared() {
        let a = data(vec![
            figure("学校主页", "信息", 1481),
            figure("官方B站", "视频", 31),
        ]);
        let b = data(vec![
            figure("视频号", "视频", 12),
            figure("学校主页", "信息", 1482),
        ]);
        let rows = compare(&a, &b);
        let keys: Vec<(&str, Status)> = rows
            .iter()
            .filter(|r| r.section == Section::Figures)
            .map(|r| (r.key.as_str(), r.status))
            .collect();
        assert_eq!(
            keys,
            [
                ("视频号/视频", Status::OnlyB),
                ("学校主页/信息", Status::Both),
                ("官方B站/视频", Status::OnlyA),
            ],
            "B's order, then A's others"
        );
        let new = find(&rows, "视频号/视频");
        assert_eq!((new.change, new.percent), (None, None));
        assert!(new.a.is_none());
        let gone = find(&rows, "官方B站/视频");
        assert_eq!(gone.change, None);
        assert_eq!(gone.unit, "条");
        assert!(gone.b.is_none());
        assert_eq!(
            Summary::of(&rows),
            Summary {
                rows: rows.len(),
                changed: 1,
                unchanged: rows.len() - 3,
                only_a: 1,
                only_b: 1,
            }
        );
    }

    #[test]
    fn a_figure_whose_unit_changed_is_not_compared() {
        let mut was = figure("对外宣传", "报道", 577);
        was.unit = "篇".to_owned();
        let rows = compare(
            &data(vec![was]),
            &data(vec![figure("对外宣传", "报道", 600)]),
        );
        let row = find(&rows, "对外宣传/报道");
        assert_eq!(row.status, Status::Both);
        assert_eq!((row.change, row.percent), (None, None));
        assert_eq!(row.unit, "条");
        assert!(!row.is_unchanged());
    }

    #[test]
    fn approximate_figures_keep_their_qualifier() {
        let mut about = figure("官方微博", "信息", 3600);
        about.qualifier = Some("约".to_owned());
        about.approximate = true;
        let mut over = figure("官方微博", "信息", 4000);
        over.qualifier = Some("余".to_owned());
        over.approximate = true;
        let rows = compare(&data(vec![about]), &data(vec![over]));
        let row = find(&rows, "官方微博/信息");
        assert_eq!(row.a.as_ref().unwrap().text(), "约 3600");
        assert_eq!(row.b.as_ref().unwrap().text(), "4000 余");
        assert_eq!(row.change, Some(400));
    }

    #[test]
    fn requests_compare_every_outcome_either_year_wrote() {
        let requests = |received, outcomes: &[(&str, &str, u64)]| RequestsRow {
            received,
            carried_over: 0,
            outcomes: outcomes
                .iter()
                .map(|(key, name, number)| Outcome {
                    key: (*key).to_owned(),
                    name: (*name).to_owned(),
                    number: *number,
                })
                .collect(),
            carried_forward: 0,
            grounds: Vec::new(),
            arrivals: Vec::new(),
            fees: None,
        };
        let a = Data {
            requests: Some(requests(
                3,
                &[("not_held", "信息不存在", 1), ("granted", "同意公开", 2)],
            )),
            ..Data::default()
        };
        let b = Data {
            requests: Some(requests(4, &[("granted", "同意公开", 4)])),
            ..Data::default()
        };
        let rows = compare(&a, &b);
        let requests: Vec<(&str, Option<i64>)> = rows
            .iter()
            .filter(|r| r.section == Section::Requests)
            .map(|r| (r.key.as_str(), r.change))
            .collect();
        assert_eq!(
            requests,
            [
                ("received", Some(1)),
                ("carried_over", Some(0)),
                ("granted", Some(2)),
                ("not_held", Some(-1)),
                ("carried_forward", Some(0)),
            ]
        );
        assert_eq!(find(&rows, "not_held").status, Status::Both);
        assert_eq!(find(&rows, "received").name, "本学年收到申请");
        assert_eq!(find(&rows, "received").unit, "件");
    }

    #[test]
    fn a_section_one_year_lacks_is_in_the_other_year_only() {
        let a = Data {
            complaints: Some(ComplaintsRow {
                reports: 1,
                reconsiderations: 0,
                lawsuits: 0,
            }),
            ..Data::default()
        };
        let rows = compare(&a, &Data::default());
        let complaints: Vec<&Row> = rows
            .iter()
            .filter(|r| r.section == Section::Complaints)
            .collect();
        assert_eq!(complaints.len(), 3);
        assert!(complaints.iter().all(|r| r.status == Status::OnlyA));
        assert!(rows.iter().all(|r| r.section != Section::Requests));
    }

    #[test]
    fn checklist_coverage_is_compared_per_status() {
        let item = |status: Option<&str>| ChecklistRow {
            id: "1".to_owned(),
            category: "一、基本信息".to_owned(),
            text: String::new(),
            status: status.map(str::to_owned),
            departments: Vec::new(),
            links: Vec::new(),
            channels: Vec::new(),
            note: None,
        };
        let a = Data {
            checklist: vec![item(Some("已公开")), item(None)],
            ..Data::default()
        };
        let b = Data {
            checklist: vec![item(Some("已公开")), item(Some("已公开"))],
            ..Data::default()
        };
        let rows = compare(&a, &b);
        let coverage: Vec<(&str, Option<i64>)> = rows
            .iter()
            .filter(|r| r.section == Section::Checklist)
            .map(|r| (r.key.as_str(), r.change))
            .collect();
        assert_eq!(
            coverage,
            [
                ("published", Some(1)),
                ("partly-published", Some(0)),
                ("not-applicable", Some(0)),
                ("unaccounted", Some(-1)),
            ]
        );
        assert_eq!(find(&rows, "unaccounted").percent.unwrap().tenths, -1000);
    }
}
