//! Counting an export's rows, one at a time, as the department's description says: which
//! channel/item a row counts for (its mapped column value), whether its date is inside the
//! statistics period, and whether it repeats an earlier row. The rows not counted are reported:
//! the first few of each kind one by one, the rest as one summary.
//!
//! This is the fast path of reading an export: it looks only at the columns the mapping names
//! and allocates nothing per row, so that counting costs little more than reading.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::problem::{Problem, Skipped};
use crate::model::location::{Located, Location};
use crate::model::submission::EventTally;
use crate::model::year::Period;
use crate::read::stream::Text;

use super::dates::{date_of, ymd};
use super::duplicates::{Seen, fingerprint};
use super::{Export, Scratch};

/// How many rows of each kind not counted are reported one by one.
const SHOWN: u64 = 3;

/// Column indexes of the fields the mapping uses.
pub(super) struct Columns {
    date: usize,
    title: Option<usize>,
    link: Option<usize>,
    column: Option<usize>,
}

/// Finds the mapped columns among the header's names; `None` (with findings) when one is missing.
pub(super) fn header(
    file: &Arc<Path>,
    export: &Export,
    names: &[&str],
    diags: &mut Diagnostics,
) -> Option<Columns> {
    let names: Vec<&str> = names
        .iter()
        .map(|n| n.trim().trim_start_matches('\u{feff}'))
        .collect();
    let mut find = |wanted: &Located<String>| -> Option<usize> {
        let index = names.iter().position(|n| *n == wanted.value.trim());
        if index.is_none() {
            let problem = Problem::ExportColumn {
                column: wanted.value.clone(),
                file: file_name(file),
                headers: names.join(", "),
            };
            diags.push(problem, wanted.location.clone());
        }
        index
    };
    let date = find(&export.date);
    let title = export.title.as_ref().map(&mut find);
    let link = export.link.as_ref().map(&mut find);
    let column = export.column.as_ref().map(&mut find);
    Some(Columns {
        date: date?,
        title: title.map_or(Some(None), |t| t.map(Some))?,
        link: link.map_or(Some(None), |l| l.map(Some))?,
        column: column.map_or(Some(None), |c| c.map(Some))?,
    })
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Findings of one kind about the rows of an export: the first few reported, the rest summed
/// up in one more finding that says how many there were.
pub(super) struct Capped {
    count: u64,
    summary: Option<(Problem, Location)>,
}

impl Capped {
    pub(super) fn new() -> Self {
        Capped {
            count: 0,
            summary: None,
        }
    }

    /// Counts one row; `shown` gives its finding and place, needed only for the first few.
    pub(super) fn add(
        &mut self,
        diags: &mut Diagnostics,
        shown: impl FnOnce() -> (Problem, Location),
    ) {
        self.count += 1;
        if self.count <= SHOWN {
            let (problem, at) = shown();
            diags.push(problem, at);
        } else if self.count == SHOWN + 1 {
            self.summary = Some(shown());
        }
    }

    pub(super) fn finish(&mut self, diags: &mut Diagnostics) {
        if let Some((mut problem, at)) = self.summary.take() {
            let rest = self.count - SHOWN - 1;
            if let Problem::OutsidePeriod { more, .. }
            | Problem::ExportSkipped { more, .. }
            | Problem::RaggedRow { more, .. }
            | Problem::CellOutsideTable { more, .. } = &mut problem
            {
                *more = rest;
            }
            diags.push(problem, at);
        }
    }
}

/// The bytes of a row are not UTF-8: the file must be read again as GB18030.
pub(super) struct NotUtf8;

/// Counts rows, one at a time, as the export's description says.
pub(super) struct Counter<'e> {
    export: &'e Export,
    columns: Columns,
    keys: Vec<(String, String)>,
    by_value: HashMap<Vec<u8>, usize>,
    /// The mapped values, in the map's order, for a quick scan when there are few.
    values: Vec<Vec<u8>>,
    /// The first bytes of each of `values`, as [`prefix`] gives them.
    prefixes: Vec<u64>,
    /// The item each of `values` counts for.
    value_items: Vec<usize>,
    counts: Vec<u64>,
    outside_counts: Vec<u64>,
    first: Vec<Option<Location>>,
    period: Period,
    seen: Seen,
    bad_dates: Capped,
    unmapped: Capped,
    repeated: Capped,
    outside: Capped,
    /// Rows with fewer fields than the header (CSV).
    pub(super) short: Capped,
    /// Rows with a value beyond the header's last column.
    pub(super) extra: Capped,
    pub(super) diags: Diagnostics,
    /// Whether a row was not counted for an empty date or column value.
    emptied: bool,
    /// A CSV row waiting for its duplicate check until the next record is read
    /// ([`Counter::csv_row`]).
    pending: Option<Pending>,
    /// The text the pending row would be reported with, kept only while repeats are shown.
    pending_text: Vec<u8>,
}

/// A row counted but for its duplicate check: its fingerprint, its item, and where it starts.
struct Pending {
    print: u64,
    index: usize,
    offset: usize,
}

impl<'e> Counter<'e> {
    pub(super) fn new(
        export: &'e Export,
        columns: Columns,
        period: Period,
        diags: Diagnostics,
    ) -> Self {
        let mut keys: Vec<(String, String)> = Vec::new();
        let mut by_value: HashMap<Vec<u8>, usize> = HashMap::new();
        let (mut values, mut value_items) = (Vec::new(), Vec::new());
        for (value, channel, item) in &export.map {
            let key = (channel.clone(), item.clone());
            let index = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
                keys.push(key);
                keys.len() - 1
            });
            by_value.insert(value.as_bytes().to_vec(), index);
            values.push(value.as_bytes().to_vec());
            value_items.push(index);
        }
        let n = keys.len();
        Counter {
            export,
            columns,
            keys,
            by_value,
            prefixes: values.iter().map(|v| prefix(v)).collect(),
            values,
            value_items,
            counts: vec![0; n],
            outside_counts: vec![0; n],
            first: vec![None; n],
            period,
            seen: Seen::new(),
            bad_dates: Capped::new(),
            unmapped: Capped::new(),
            repeated: Capped::new(),
            outside: Capped::new(),
            short: Capped::new(),
            extra: Capped::new(),
            diags,
            emptied: false,
            pending: None,
            pending_text: Vec::new(),
        }
    }

    /// Counts one row: `field(i)` is the text of column `i`, `at(i)` where it is.
    pub(super) fn row<'r>(
        &mut self,
        field: impl Fn(usize) -> Option<&'r [u8]>,
        at: impl Fn(usize) -> Location,
        kind: Text,
    ) -> Result<(), NotUtf8> {
        self.count_row(field, at, None, kind)
    }

    /// Counts one row of a CSV file, the record at `offset`, as [`Counter::row`] does, but for
    /// its duplicate check, which waits until [`Counter::settle`] is called, once the next
    /// record is read: the duplicate finder's memory is fetched meanwhile. Nothing about the
    /// row is recorded before that, so findings come in the order of the rows all the same.
    pub(super) fn csv_row<'r>(
        &mut self,
        field: impl Fn(usize) -> Option<&'r [u8]>,
        at: impl Fn(usize) -> Location,
        offset: usize,
        kind: Text,
    ) -> Result<(), NotUtf8> {
        self.count_row(field, at, Some(offset), kind)
    }

    /// Finishes the row left waiting by [`Counter::csv_row`], if there is one: before anything
    /// about the next row is recorded, and before [`Counter::finish`].
    pub(super) fn settle(&mut self, file: &Arc<Path>) {
        let Some(Pending {
            print,
            index,
            offset,
        }) = self.pending.take()
        else {
            return;
        };
        let text = std::mem::take(&mut self.pending_text);
        self.count_once(print, index, &text, |i| Location::field(file, offset, i));
        self.pending_text = text;
    }

    fn count_row<'r>(
        &mut self,
        field: impl Fn(usize) -> Option<&'r [u8]>,
        at: impl Fn(usize) -> Location,
        offset: Option<usize>,
        kind: Text,
    ) -> Result<(), NotUtf8> {
        let get = |index: Option<usize>| index.and_then(&field).map(<[u8]>::trim_ascii);
        // Which item the row counts for.
        let index = match self.columns.column {
            None => 0,
            Some(c) => {
                let value = get(Some(c)).unwrap_or_default();
                let known = if self.values.len() <= 16 {
                    // Mapped values are often of one length (four characters): their first
                    // eight bytes tell them apart without a call to compare them.
                    let head = prefix(value);
                    self.values
                        .iter()
                        .zip(&self.prefixes)
                        .position(|(v, &p)| p == head && v.as_slice() == value)
                } else {
                    self.by_value.get(value).copied()
                };
                match known {
                    Some(index) => self.value_items[index],
                    None => {
                        self.emptied |= value.is_empty();
                        let text = text_of(value, kind).ok_or(NotUtf8)?;
                        let shown = || (skipped(Skipped::Unmapped, text), at(c));
                        self.unmapped.add(&mut self.diags, shown);
                        return Ok(());
                    }
                }
            }
        };
        if self.keys.is_empty() {
            return Ok(());
        }
        // A link's fingerprint is known before the date is read: the duplicate finder's memory
        // can be on its way meanwhile.
        let link = get(self.columns.link).filter(|l| !l.is_empty());
        let link_print = link.map(|link| fingerprint(0, link));
        if let Some(print) = link_print {
            self.seen.prefetch(print);
        }
        // When.
        let date_column = self.columns.date;
        let raw_date = get(Some(date_column)).unwrap_or_default();
        let Some(date) = date_of(raw_date, self.export) else {
            self.emptied |= raw_date.is_empty();
            let text = text_of(raw_date, kind).ok_or(NotUtf8)?;
            let shown = || (skipped(Skipped::BadDate, text), at(date_column));
            self.bad_dates.add(&mut self.diags, shown);
            return Ok(());
        };
        if !self.period.contains(date) {
            self.outside_counts[index] += 1;
            let period = self.period;
            let shown = || {
                let problem = Problem::OutsidePeriod {
                    date: String::from_utf8_lossy(raw_date).into_owned(),
                    period: period.to_string(),
                    more: 0,
                };
                (problem, at(date_column))
            };
            self.outside.add(&mut self.diags, shown);
            return Ok(());
        }
        // Once only, when the mapping names something that tells rows apart (a title or a
        // link): without either, two posts of one day are two posts. (The title is hashed as
        // bytes: a file that is not UTF-8 was already found out by its header or its column
        // values.)
        if self.columns.title.is_some() || self.columns.link.is_some() {
            let title = get(self.columns.title);
            let print = match link_print {
                Some(print) => print,
                None => {
                    let key = ymd(date) << 16 | (index as u64 & 0xffff);
                    fingerprint(key | 1 << 63, title.unwrap_or_default())
                }
            };
            let text = title.unwrap_or(raw_date);
            match offset {
                Some(offset) => {
                    // Only the first few repeats are reported with their text.
                    self.pending_text.clear();
                    if self.repeated.count <= SHOWN {
                        self.pending_text.extend_from_slice(text);
                    }
                    self.pending = Some(Pending {
                        print,
                        index,
                        offset,
                    });
                }
                None => self.count_once(print, index, text, at),
            }
            return Ok(());
        }
        self.counts[index] += 1;
        if self.first[index].is_none() {
            self.first[index] = Some(at(date_column));
        }
        Ok(())
    }

    /// Counts a row for item `index` unless its fingerprint `print` repeats an earlier row's;
    /// `text` is what a repeat is reported with.
    fn count_once(
        &mut self,
        print: u64,
        index: usize,
        text: &[u8],
        at: impl Fn(usize) -> Location,
    ) {
        let date_column = self.columns.date;
        if self.seen.repeat(print) {
            let column = self
                .columns
                .link
                .or(self.columns.title)
                .unwrap_or(date_column);
            let shown = || {
                let value = String::from_utf8_lossy(text);
                (skipped(Skipped::Duplicate, &value), at(column))
            };
            self.repeated.add(&mut self.diags, shown);
            return;
        }
        self.counts[index] += 1;
        if self.first[index].is_none() {
            self.first[index] = Some(at(date_column));
        }
    }

    /// The tallies and the findings.
    pub(super) fn finish(mut self) -> Scratch {
        self.bad_dates.finish(&mut self.diags);
        self.unmapped.finish(&mut self.diags);
        self.repeated.finish(&mut self.diags);
        self.outside.finish(&mut self.diags);
        self.short.finish(&mut self.diags);
        self.extra.finish(&mut self.diags);
        let location = &self.export.location;
        let tallies = self
            .keys
            .into_iter()
            .zip(self.counts)
            .zip(self.outside_counts)
            .zip(self.first)
            .map(|(((key, in_period), outside), first)| {
                let first = first.unwrap_or_else(|| location.clone());
                let tally = EventTally {
                    in_period,
                    outside,
                    first,
                };
                (key, tally)
            })
            .collect();
        Scratch {
            tallies,
            diags: self.diags,
            emptied: self.emptied,
        }
    }
}

/// The first eight bytes of a value (zero after its end) and its length, as one number.
fn prefix(bytes: &[u8]) -> u64 {
    let mut head = [0u8; 8];
    let n = bytes.len().min(8);
    head[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(head) ^ (bytes.len() as u64).rotate_right(8)
}

/// The finding for a row not counted.
fn skipped(reason: Skipped, value: &str) -> Problem {
    Problem::ExportSkipped {
        reason,
        value: value.to_owned(),
        more: 0,
    }
}

/// The text of a field, or `None` when reading raw UTF-8 and the bytes are not (so the file must
/// be read again in GB18030).
pub(super) fn text_of(bytes: &[u8], kind: Text) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(_) if matches!(kind, Text::Utf8) => None,
        Err(_) => Some(""),
    }
}
