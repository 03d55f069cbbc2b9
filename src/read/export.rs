//! Platform exports: a CMS article list, a 微信 or 微博 post list, an OA document list,
//! submitted as the platform wrote it, and counted by a mapping in the department's TOML.
//!
//! ```toml
//! [[export]]
//! file = "宣传部-网站导出.csv"   # the export, unchanged, in the year folder
//! date = "发布时间"               # the column with the date (and time)
//! title = "标题"                  # optional: for finding duplicates
//! link = "链接"                   # optional: for finding duplicates
//! column = "栏目"                 # the column whose values say what a row counts as
//! [export.map]
//! "学校要闻" = "学校主页/要闻"
//! "通知公告" = "学校主页/通知公告"
//! ```
//!
//! Every row inside the statistics period counts once for the channel/item its column value
//! maps to; a count row of the department with `source = "事件"` for that channel/item gets the
//! number. Rows outside the period (D402), with a date that cannot be read (D406), whose value
//! is not mapped (D407) or that repeat an earlier row (D408) are not counted, and are reported:
//! the first three of each kind one by one, the rest as one summary.
//!
//! The file is streamed: one thread reads records, in batches, while another counts them in a
//! fast path that looks only at the columns the mapping names and allocates nothing per row, so
//! counting costs little more than reading. Memory is a few batches of records, the per-item
//! counters, and the duplicate finder, which is bounded: it remembers the fingerprints (64-bit hashes) of the
//! last [`DUPLICATE_WINDOW`] to twice that many distinct rows, in two generations, so a
//! duplicate is found when it comes within that many rows of its twin — always, in an export
//! of a university year's size, and for the rows listed together in larger ones.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::{Problem, Skipped};
use crate::model::location::{Located, Location};
use crate::model::submission::{Department, EventTally};
use crate::model::year::Period;
use crate::read::quotes::QuoteWatch;
use crate::read::stream::{self, Text};
use crate::read::{values, xlsx};

/// Rows remembered per generation of the duplicate finder.
pub const DUPLICATE_WINDOW: usize = 1 << 16;

/// How many rows of each kind not counted are reported one by one.
const SHOWN: u64 = 3;

/// A department's description of one export file.
#[derive(Clone, Debug)]
pub struct Export {
    /// The export's file name, in the year folder.
    pub file: Located<String>,
    /// The header of the date column.
    pub date: Located<String>,
    /// A strftime-style format for the dates (`%Y年%m月%d日 %H:%M`), when they are not in one
    /// of the usual spellings.
    pub date_format: Option<Located<String>>,
    /// The header of the title column.
    pub title: Option<Located<String>>,
    /// The header of the link column.
    pub link: Option<Located<String>>,
    /// The header of the column whose values are mapped; without it every row counts for
    /// `channel`/`item`.
    pub column: Option<Located<String>>,
    /// What each value counts as: (value, channel, item).
    pub map: Vec<(String, String, String)>,
    /// The `[[export]]` table.
    pub location: Location,
}

/// Reads an export file with its description, adding its rows to the department's tallies.
pub(crate) fn read(
    file: &Arc<Path>,
    export: &Export,
    period: Period,
    diags: &mut Diagnostics,
    department: &mut Department,
) -> Result<(), Error> {
    let is_workbook = file
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let found = if is_workbook {
        Some(workbook(file, export, period)?)
    } else {
        stream::read_text(file, diags, |text, kind| {
            pass(file, export, period, text, kind)
        })?
    };
    if let Some(scratch) = found {
        for ((channel, item), tally) in scratch.tallies {
            let entry = department
                .events
                .entry((channel, item))
                .or_insert_with(|| EventTally {
                    in_period: 0,
                    outside: 0,
                    first: tally.first.clone(),
                });
            entry.in_period += tally.in_period;
            entry.outside += tally.outside;
        }
        diags.extend(scratch.diags);
    }
    Ok(())
}

/// What one pass found.
struct Scratch {
    tallies: Vec<((String, String), EventTally)>,
    diags: Diagnostics,
}

/// Column indexes of the fields the mapping uses.
struct Columns {
    date: usize,
    title: Option<usize>,
    link: Option<usize>,
    column: Option<usize>,
}

/// A hasher for values that are already hashes.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Fingerprints = HashSet<u64, BuildHasherDefault<Identity>>;

/// Remembers recent rows, in two generations of at most [`DUPLICATE_WINDOW`] each.
struct Seen {
    current: Fingerprints,
    previous: Fingerprints,
}

impl Seen {
    /// Both generations are made at their full size once and cleared in turn, never grown or
    /// dropped, so the finder takes the same memory for a thousand rows as for ten million.
    fn new() -> Self {
        let table = || {
            Fingerprints::with_capacity_and_hasher(DUPLICATE_WINDOW, BuildHasherDefault::default())
        };
        Seen {
            current: table(),
            previous: table(),
        }
    }

    /// Whether `print` was seen; remembers it.
    fn repeat(&mut self, print: u64) -> bool {
        if self.previous.contains(&print) {
            return true;
        }
        if self.current.len() >= DUPLICATE_WINDOW && !self.current.contains(&print) {
            std::mem::swap(&mut self.current, &mut self.previous);
            self.current.clear();
            if self.previous.contains(&print) {
                return true;
            }
        }
        !self.current.insert(print)
    }
}

/// The rows of one kind not counted: the first few reported, the rest summed up.
struct NotCounted {
    reason: Skipped,
    /// For rows outside the period: the period, for the message.
    period: Option<String>,
    count: u64,
    summary: Option<(String, Location)>,
}

impl NotCounted {
    fn new(reason: Skipped) -> Self {
        NotCounted {
            reason,
            period: None,
            count: 0,
            summary: None,
        }
    }

    fn problem(&self, value: String, more: u64) -> Problem {
        match &self.period {
            Some(period) => Problem::OutsidePeriod {
                date: value,
                period: period.clone(),
                more,
            },
            None => Problem::ExportSkipped {
                reason: self.reason,
                value,
                more,
            },
        }
    }

    /// Counts one row; `shown` gives its value and place, needed only for the first few.
    fn add(&mut self, diags: &mut Diagnostics, shown: impl FnOnce() -> (String, Location)) {
        self.count += 1;
        if self.count <= SHOWN {
            let (value, at) = shown();
            diags.push(self.problem(value, 0), at);
        } else if self.count == SHOWN + 1 {
            self.summary = Some(shown());
        }
    }

    fn finish(mut self, diags: &mut Diagnostics) {
        if let Some((value, at)) = self.summary.take() {
            let more = self.count - SHOWN - 1;
            diags.push(self.problem(value, more), at);
        }
    }
}

/// The bytes of a row are not UTF-8: the file must be read again as GB18030.
struct NotUtf8;

/// Counts rows, one at a time, as the export's description says.
struct Counter<'e> {
    export: &'e Export,
    columns: Columns,
    keys: Vec<(String, String)>,
    by_value: HashMap<Vec<u8>, usize>,
    /// The mapped values, in the map's order, for a quick scan when there are few.
    values: Vec<Vec<u8>>,
    /// The item each of `values` counts for.
    value_items: Vec<usize>,
    counts: Vec<u64>,
    outside_counts: Vec<u64>,
    first: Vec<Option<Location>>,
    start: u32,
    end: u32,
    seen: Seen,
    bad_dates: NotCounted,
    unmapped: NotCounted,
    repeated: NotCounted,
    outside: NotCounted,
    diags: Diagnostics,
}

impl<'e> Counter<'e> {
    fn new(export: &'e Export, columns: Columns, period: Period, diags: Diagnostics) -> Self {
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
            values,
            value_items,
            counts: vec![0; n],
            outside_counts: vec![0; n],
            first: vec![None; n],
            start: ymd(period.start),
            end: ymd(period.end),
            seen: Seen::new(),
            bad_dates: NotCounted::new(Skipped::BadDate),
            unmapped: NotCounted::new(Skipped::Unmapped),
            repeated: NotCounted::new(Skipped::Duplicate),
            outside: NotCounted {
                period: Some(period.to_string()),
                ..NotCounted::new(Skipped::Outside)
            },
            diags,
        }
    }

    /// Counts one row: `field(i)` is the text of column `i`, `at(i)` where it is.
    fn row<'r>(
        &mut self,
        field: impl Fn(usize) -> Option<&'r [u8]>,
        at: impl Fn(usize) -> Location,
        kind: Text,
    ) -> Result<(), NotUtf8> {
        let get = |index: Option<usize>| index.and_then(&field).map(<[u8]>::trim_ascii);
        // Which item the row counts for.
        let index = match self.columns.column {
            None => 0,
            Some(c) => {
                let value = get(Some(c)).unwrap_or_default();
                let known = if self.values.len() <= 16 {
                    self.values.iter().position(|v| v.as_slice() == value)
                } else {
                    self.by_value.get(value).copied()
                };
                match known {
                    Some(index) => self.value_items[index],
                    None => {
                        let text = text_of(value, kind).ok_or(NotUtf8)?;
                        let shown = || (text.to_owned(), at(c));
                        self.unmapped.add(&mut self.diags, shown);
                        return Ok(());
                    }
                }
            }
        };
        if self.keys.is_empty() {
            return Ok(());
        }
        // When.
        let date_column = self.columns.date;
        let raw_date = get(Some(date_column)).unwrap_or_default();
        let Some(date) = date_of(raw_date, self.export) else {
            let text = text_of(raw_date, kind).ok_or(NotUtf8)?;
            let shown = || (text.to_owned(), at(date_column));
            self.bad_dates.add(&mut self.diags, shown);
            return Ok(());
        };
        if date < self.start || date > self.end {
            self.outside_counts[index] += 1;
            let shown = || {
                (
                    String::from_utf8_lossy(raw_date).into_owned(),
                    at(date_column),
                )
            };
            self.outside.add(&mut self.diags, shown);
            return Ok(());
        }
        // Once only. (The title is hashed as bytes: a file that is not UTF-8 was already found
        // out by its header or its column values.)
        let title = get(self.columns.title);
        let print = match get(self.columns.link).filter(|l| !l.is_empty()) {
            Some(link) => fingerprint(0, link),
            None => {
                let key = u64::from(date) << 16 | (index as u64 & 0xffff);
                fingerprint(key | 1 << 63, title.unwrap_or_default())
            }
        };
        if self.seen.repeat(print) {
            let column = self
                .columns
                .link
                .or(self.columns.title)
                .unwrap_or(date_column);
            let text = title.unwrap_or(raw_date);
            let shown = || (String::from_utf8_lossy(text).into_owned(), at(column));
            self.repeated.add(&mut self.diags, shown);
            return Ok(());
        }
        self.counts[index] += 1;
        if self.first[index].is_none() {
            self.first[index] = Some(at(date_column));
        }
        Ok(())
    }

    /// The tallies and the findings.
    fn finish(mut self) -> Scratch {
        self.bad_dates.finish(&mut self.diags);
        self.unmapped.finish(&mut self.diags);
        self.repeated.finish(&mut self.diags);
        self.outside.finish(&mut self.diags);
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
        }
    }
}

/// A scratch with only findings (the file could not be counted).
fn findings(diags: Diagnostics) -> Scratch {
    Scratch {
        tallies: Vec::new(),
        diags,
    }
}

/// One pass over a CSV export, streaming.
fn pass(
    file: &Arc<Path>,
    export: &Export,
    period: Period,
    stream: Box<dyn Read>,
    kind: Text,
) -> io::Result<Option<Scratch>> {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(QuoteWatch::new(stream));
    let mut diags = Diagnostics::new();
    let mut record = ::csv::ByteRecord::new();
    let columns = loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) if record.iter().all(|f| f.trim_ascii().is_empty()) => {}
            Ok(true) => {
                let names: Option<Vec<&str>> = record
                    .iter()
                    .map(|f| match std::str::from_utf8(f) {
                        Ok(name) => Some(name),
                        Err(_) if matches!(kind, Text::Utf8) => None,
                        Err(_) => Some(""),
                    })
                    .collect();
                let Some(names) = names else {
                    return Ok(None);
                };
                break header(file, export, &names, &mut diags);
            }
            Ok(false) => {
                diags.push(Problem::EmptyFile, Location::file(file));
                return Ok(Some(findings(diags)));
            }
            Err(e) => match stream::io_of(e) {
                Some(e) => return Err(e),
                None => break None,
            },
        }
    };
    let Some(columns) = columns else {
        return Ok(Some(findings(diags)));
    };
    let counter = Counter::new(export, columns, period, diags);
    let Some(counter) = pipeline(file, &mut reader, counter, kind)? else {
        return Ok(None);
    };
    if let Some(offset) = reader.into_inner().unclosed() {
        let mut diags = Diagnostics::new();
        let problem = Problem::CsvSyntax {
            message: "a quoted field is never closed (a `\"` is missing)".to_owned(),
        };
        diags.push(problem, Location::span(file, offset..offset + 1));
        return Ok(Some(findings(diags)));
    }
    Ok(Some(counter.finish()))
}

/// Records per batch handed from the reading thread to the counting thread.
const BATCH: usize = 1024;

/// Batches in all: one being read into, one waiting, one being counted. They are made once and
/// passed back and forth, so memory does not grow with the file.
const POOL: usize = 3;

/// Reads records on this thread and counts them on another, in batches, so that counting costs
/// little more than reading: the two overlap. The counting thread sees the records in file
/// order, so the result is the same as counting them one after another. `None` when a row is
/// not UTF-8 (read again as GB18030).
fn pipeline<'e, R: Read>(
    file: &Arc<Path>,
    reader: &mut ::csv::Reader<R>,
    mut counter: Counter<'e>,
    kind: Text,
) -> io::Result<Option<Counter<'e>>> {
    use std::sync::mpsc::sync_channel;

    type Batch = Vec<::csv::ByteRecord>;
    let (full, to_count) = sync_channel::<(Batch, usize)>(1);
    let (empty, to_fill) = sync_channel::<Batch>(POOL);
    for _ in 0..POOL {
        // The channel has room for the whole pool.
        let _ = empty.send(vec![::csv::ByteRecord::new(); BATCH]);
    }
    std::thread::scope(|scope| {
        let counting = scope.spawn(move || {
            for (batch, filled) in to_count {
                for record in &batch[..filled] {
                    if record.iter().all(|f| f.trim_ascii().is_empty()) {
                        continue;
                    }
                    let offset = record
                        .position()
                        .and_then(|p| usize::try_from(p.byte()).ok())
                        .unwrap_or(0);
                    let at = |i| Location::field(file, offset, i);
                    if counter.row(|i| record.get(i), at, kind).is_err() {
                        // Dropping `empty` here stops the reader.
                        return None;
                    }
                }
                if empty.send(batch).is_err() {
                    break;
                }
            }
            Some(counter)
        });
        let read = (|| -> io::Result<()> {
            // Each batch comes back from the counting thread; none is left when it stopped.
            while let Ok(mut batch) = to_fill.recv() {
                let mut filled = 0;
                let mut done = false;
                while filled < BATCH {
                    match reader.read_byte_record(&mut batch[filled]) {
                        Ok(true) => filled += 1,
                        Ok(false) => {
                            done = true;
                            break;
                        }
                        Err(e) => {
                            if let Some(e) = stream::io_of(e) {
                                return Err(e);
                            }
                        }
                    }
                }
                if full.send((batch, filled)).is_err() || done {
                    break;
                }
            }
            Ok(())
        })();
        // The counting thread ends when the channel closes, even after a read error.
        drop(full);
        let result = match counting.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        read?;
        Ok(result)
    })
}

/// An Excel export: the first worksheet that is not instructions, row by row.
fn workbook(file: &Arc<Path>, export: &Export, period: Period) -> Result<Scratch, Error> {
    let mut diags = Diagnostics::new();
    let Some(sheet) = xlsx::first_sheet(file, &mut diags)? else {
        return Ok(findings(diags));
    };
    let mut rows = sheet
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
    let Some(head) = rows.next() else {
        diags.push(Problem::EmptyFile, Location::file(file));
        return Ok(findings(diags));
    };
    let names: Vec<&str> = head.cells.iter().map(String::as_str).collect();
    let Some(columns) = header(file, export, &names, &mut diags) else {
        return Ok(findings(diags));
    };
    let mut counter = Counter::new(export, columns, period, diags);
    for row in rows {
        let at = |i: usize| sheet.at(file, row.row, i);
        let _ = counter.row(
            |i| row.cells.get(i).map(String::as_bytes),
            at,
            Text::Decoded,
        );
    }
    Ok(counter.finish())
}

/// A 64-bit fingerprint of `bytes`, seeded: a multiply-xorshift hash over 8-byte words, much
/// cheaper than `SipHash` and plenty to tell rows apart (a collision would merge two rows one time
/// in 2^64).
fn fingerprint(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K);
        h ^= h >> 29;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 32)
}

/// The text of a field, or `None` when reading raw UTF-8 and the bytes are not (so the file must
/// be read again in GB18030).
fn text_of(bytes: &[u8], kind: Text) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(_) if matches!(kind, Text::Utf8) => None,
        Err(_) => Some(""),
    }
}

/// Finds the mapped columns among the header's names; `None` (with findings) when one is missing.
fn header(
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

/// A date as one number, `20200301`, for quick comparison.
fn ymd(date: Date) -> u32 {
    let y = u32::try_from(date.year()).unwrap_or(0);
    let m = u32::try_from(date.month()).unwrap_or(0);
    let d = u32::try_from(date.day()).unwrap_or(0);
    y * 10_000 + m * 100 + d
}

/// Reads a date field: with the export's `date_format` if it has one, otherwise the common
/// `2020-03-01`, `2020/3/1` and `2020.3.1` (optionally with a time) quickly, and every other
/// accepted spelling (2020年3月1日) through the general parser.
fn date_of(bytes: &[u8], export: &Export) -> Option<u32> {
    if let Some(format) = &export.date_format {
        let text = std::str::from_utf8(bytes).ok()?;
        let parsed = jiff::fmt::strtime::BrokenDownTime::parse_prefix(&format.value, text).ok()?;
        return parsed.0.to_date().ok().map(ymd);
    }
    quick_date(bytes).or_else(|| values::parse_date(std::str::from_utf8(bytes).ok()?).map(ymd))
}

/// `YYYY-M-D`, `YYYY/M/D` or `YYYY.M.D` at the start of `bytes`, validated.
fn quick_date(bytes: &[u8]) -> Option<u32> {
    // The usual case first: `YYYY-MM-DD`, ten bytes, then the end or a time.
    if let Some(b) = bytes.get(..10)
        && b[4] == b[7]
        && matches!(b[4], b'-' | b'/' | b'.')
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
        && bytes.get(10).is_none_or(|c| matches!(c, b' ' | b'T'))
    {
        let n = |i: usize| u32::from(b[i] - b'0');
        let year = n(0) * 1000 + n(1) * 100 + n(2) * 10 + n(3);
        return valid(year, n(5) * 10 + n(6), n(8) * 10 + n(9));
    }
    let digits = |b: &[u8]| -> Option<u32> {
        if b.is_empty() || b.len() > 4 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let separator = *bytes.get(4)?;
    if !matches!(separator, b'-' | b'/' | b'.') {
        return None;
    }
    let year = digits(&bytes[..4])?;
    let rest = &bytes[5..];
    let m_end = rest.iter().position(|&b| b == separator)?;
    let month = digits(&rest[..m_end])?;
    let rest = &rest[m_end + 1..];
    let d_end = rest
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(rest.len());
    if d_end < rest.len() && !matches!(rest[d_end], b' ' | b'T') {
        return None;
    }
    let day = digits(&rest[..d_end])?;
    valid(year, month, day)
}

/// `year * 10000 + month * 100 + day`, if that is a day of the calendar.
fn valid(year: u32, month: u32, day: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days)
        .contains(&day)
        .then_some(year * 10_000 + month * 100 + day)
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;
    use crate::check::testing::{Year, ids};

    const MAPPING: &str = "[[export]]\nfile = \"宣传部-网站导出.csv\"\ndate = \"发布时间\"\ntitle = \"标题\"\nlink = \"链接\"\ncolumn = \"栏目\"\n[export.map]\n\"学校要闻\" = \"学校主页/要闻\"\n\"通知公告\" = \"学校主页/通知公告\"\n\n[[count]]\nchannel = \"学校主页\"\nitem = \"要闻\"\nsource = \"事件\"\nunit = \"条\"\n\n[[count]]\nchannel = \"学校主页\"\nitem = \"通知公告\"\nsource = \"事件\"\nunit = \"条\"\n";

    /// An export with known contents: `news` news rows and `notices` notices in the period,
    /// then rows that must not count: 2 outside the period, 5 unmapped, 2 with bad dates, 2
    /// repeating a link.
    fn export(news: usize, notices: usize) -> String {
        let mut csv = String::from("编号,标题,栏目,发布时间,链接,浏览量\n");
        let mut n = 0;
        let mut row = |title: &str, column: &str, date: &str, link: String| {
            n += 1;
            let _ = writeln!(csv, "{n},{title},{column},{date},{link},{}", n * 7);
        };
        for i in 0..news {
            row(
                "示例大学召开工作会议",
                "学校要闻",
                "2020-03-01 10:00:00",
                format!("https://www.example.edu.cn/n/{i}.htm"),
            );
        }
        for i in 0..notices {
            row(
                "关于放假的通知",
                "通知公告",
                "2020/5/1",
                format!("https://www.example.edu.cn/t/{i}.htm"),
            );
        }
        row(
            "去年的要闻",
            "学校要闻",
            "2019-08-31",
            "https://www.example.edu.cn/o/1.htm".into(),
        );
        row(
            "今年秋季的要闻",
            "学校要闻",
            "2020-09-01",
            "https://www.example.edu.cn/o/2.htm".into(),
        );
        for i in 0..4 {
            row(
                "专题报道",
                "专题",
                "2020-03-02",
                format!("https://www.example.edu.cn/z/{i}.htm"),
            );
        }
        row(
            "媒体报道",
            "媒体聚焦",
            "2020-03-02",
            "https://www.example.edu.cn/m/1.htm".into(),
        );
        row(
            "草稿",
            "学校要闻",
            "",
            "https://www.example.edu.cn/d/1.htm".into(),
        );
        row(
            "日期写错",
            "学校要闻",
            "2020-02-30",
            "https://www.example.edu.cn/d/2.htm".into(),
        );
        row(
            "示例大学召开工作会议",
            "学校要闻",
            "2020-03-01 10:00:00",
            "https://www.example.edu.cn/n/0.htm".into(),
        );
        row(
            "关于放假的通知",
            "通知公告",
            "2020/5/1",
            "https://www.example.edu.cn/t/1.htm".into(),
        );
        csv
    }

    fn values(year: &Year) -> Vec<(String, Option<u64>)> {
        let (subs, _) = year.load();
        subs.figures()
            .map(|(d, f)| (f.key().to_string(), d.value_of(f)))
            .collect()
    }

    #[test]
    fn an_export_counts_exactly_the_rows_of_the_period_once() {
        let year = Year::new()
            .file("宣传部.toml", MAPPING)
            .file("宣传部-网站导出.csv", &export(10, 3));
        assert_eq!(
            values(&year),
            [
                ("学校主页/要闻".to_owned(), Some(10)),
                ("学校主页/通知公告".to_owned(), Some(3))
            ]
        );
        let found = year.read();
        let kinds = ids(&found);
        let count = |id: &str| kinds.iter().filter(|k| *k == id).count();
        assert_eq!(count("D402"), 2, "{}", found.dump());
        assert_eq!(
            count("D407"),
            4,
            "three unmapped rows shown, and a summary: {}",
            found.dump()
        );
        assert_eq!(count("D406"), 2, "{}", found.dump());
        assert_eq!(count("D408"), 2, "{}", found.dump());
        let dump = found.dump();
        assert!(
            dump.contains("D407 宣传部-网站导出.csv:17:9 `专题` is not in the export's mapping"),
            "{dump}"
        );
        assert!(dump.contains("`专题` is not in the export's mapping (`[export.map]`); the row is not counted; 1 more such rows in this file"), "{dump}");
        assert!(
            dump.contains("D406 宣传部-网站导出.csv:22:12 the date is empty"),
            "{dump}"
        );
        assert!(dump.contains("D408 宣传部-网站导出.csv:24:"), "{dump}");
    }

    #[test]
    fn the_same_export_in_gbk_counts_the_same() {
        let text = export(7, 2);
        let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
        let year = Year::new()
            .file("宣传部.toml", MAPPING)
            .bytes("宣传部-网站导出.csv", &gbk);
        assert_eq!(
            values(&year),
            [
                ("学校主页/要闻".to_owned(), Some(7)),
                ("学校主页/通知公告".to_owned(), Some(2))
            ]
        );
        assert!(ids(&year.read()).contains(&"D111".to_owned()));
    }

    #[test]
    fn a_mapping_naming_a_missing_column_or_file_is_an_error_at_the_mapping() {
        let found = Year::new()
            .file(
                "宣传部.toml",
                &MAPPING.replace("\"发布时间\"", "\"发布日期\""),
            )
            .file("宣传部-网站导出.csv", &export(1, 1))
            .read();
        assert_eq!(ids(&found), ["D110"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.toml:3:8");
        assert!(found.message(0).contains(
            "has no column `发布日期`; its columns are: 编号, 标题, 栏目, 发布时间, 链接, 浏览量"
        ));
        let found = Year::new().file("宣传部.toml", MAPPING).read();
        assert_eq!(ids(&found), ["D110"], "{}", found.dump());
        assert_eq!(found.at(0), "宣传部.toml:2:8");
    }

    #[test]
    fn a_date_format_reads_platform_dates() {
        let csv =
            "标题,时间\n一,2020年03月01日 08时\n二,2020年03月02日 09时\n三,2019年01月01日 00时\n";
        let toml = "[[export]]\nfile = \"宣传部-微信.csv\"\ndate = \"时间\"\ndate_format = \"%Y年%m月%d日\"\nchannel = \"官方微信\"\nitem = \"推文\"\n\n[[count]]\nchannel = \"官方微信\"\nitem = \"推文\"\nsource = \"事件\"\nunit = \"条\"\n";
        let year = Year::new()
            .file("宣传部.toml", toml)
            .file("宣传部-微信.csv", csv);
        assert_eq!(values(&year), [("官方微信/推文".to_owned(), Some(2))]);
    }

    #[test]
    #[allow(clippy::unreadable_literal)] // dates as yyyymmdd
    fn quick_dates() {
        assert_eq!(quick_date(b"2020-03-01"), Some(20200301));
        assert_eq!(quick_date(b"2020/3/1 08:30"), Some(20200301));
        assert_eq!(quick_date(b"2020.12.31T23:59:59"), Some(20201231));
        assert_eq!(quick_date(b"2020-02-29"), Some(20200229));
        assert_eq!(quick_date(b"2019-02-29"), None);
        assert_eq!(quick_date(b"2020-13-01"), None);
        assert_eq!(quick_date(b"2020-03-01x"), None);
        assert_eq!(quick_date("2020年3月1日".as_bytes()), None);
        assert_eq!(quick_date(b""), None);
    }

    #[test]
    fn the_duplicate_finder_forgets_only_beyond_its_window() {
        let mut seen = Seen::new();
        assert!(!seen.repeat(1));
        assert!(seen.repeat(1));
        for n in 2..=(DUPLICATE_WINDOW as u64) {
            assert!(!seen.repeat(n));
        }
        // 1 is in the previous generation now, still found.
        assert!(seen.repeat(1));
        for n in 0..=(DUPLICATE_WINDOW as u64) {
            seen.repeat(1_000_000 + n);
        }
        assert!(!seen.repeat(1), "two generations later it is forgotten");
        assert!(seen.current.len() + seen.previous.len() <= 2 * DUPLICATE_WINDOW);
    }
}
