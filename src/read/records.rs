//! Reading CSV records: the one reader of every CSV file, a department's table and a
//! platform's export alike.
//!
//! A record is read by the rules of the csv crate (RFC 4180 as Excel writes it: `,` between
//! fields, `"` quoting a field that starts with it, `""` for a quote inside one, CR, LF or CRLF
//! ending a record, blank lines skipped), with any number of fields. Most records of an export
//! have no quote at all: such a line is split at its commas with `memchr`, in place, which costs
//! a fraction of the csv crate's byte-by-byte state machine. A line with a quote in it is handed
//! to that state machine (`csv_core`), so quoted fields, doubled quotes and line breaks inside
//! quotes read exactly as the csv crate reads them.
//!
//! The same pass notices a quote that is never closed, which the csv crate would read as one
//! field running to the end of the file, silently: only the file's last record can end inside
//! quotes, and only when it reached the end of the file, so that one record's raw bytes are
//! scanned ([`super::quotes`]) and nothing else. A record may be at most [`MAX_RECORD`] bytes:
//! memory stays bounded when a quote is left open near the start of a large file.

use std::io::{self, Read};

use csv_core::ReadRecordResult;

use crate::read::quotes;

/// Bytes read from the file at a time.
const CHUNK: usize = 1 << 18;

/// The longest record read, in bytes; a longer one ends the file ([`Broken::TooLong`]).
pub(crate) const MAX_RECORD: usize = 64 << 20;

/// Why a file could not be read to its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Broken {
    /// A quoted field is never closed; the offset of its opening quote.
    Unclosed(usize),
    /// A record longer than [`MAX_RECORD`] bytes, at this offset: nothing from it on is read.
    TooLong(usize),
}

/// CSV records from a stream of UTF-8 text, one at a time, in a buffer reused for each.
pub(crate) struct Records<R> {
    inner: R,
    buf: Vec<u8>,
    /// The next byte to read.
    pos: usize,
    /// The end of the bytes read into `buf`.
    end: usize,
    /// The offset in the text of `buf[0]`.
    base: usize,
    eof: bool,
    core: csv_core::Reader,
    /// A quoted record's fields, as `csv_core` writes them.
    out: Vec<u8>,
    ends: Vec<usize>,
    /// The current record's fields, as ranges of its bytes: the first `count` of this
    /// scratch space, which only grows.
    fields: Vec<(usize, usize)>,
    count: usize,
    broken: Option<Broken>,
}

/// One record: its fields, and where it starts in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Record<'a> {
    bytes: &'a [u8],
    fields: &'a [(usize, usize)],
    offset: usize,
}

/// How a record's length differs from its header's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ragged {
    /// Fewer fields than the header: the missing cells would silently be empty, and optional
    /// fields (the phrase) would vanish from the report.
    Short,
    /// A field beyond the header's last column is not empty (its index): it is not read.
    Extra(usize),
}

impl<'a> Record<'a> {
    /// The number of fields.
    pub(crate) fn len(&self) -> usize {
        self.fields.len()
    }

    /// Field `index`, without its quotes.
    pub(crate) fn get(&self, index: usize) -> Option<&'a [u8]> {
        let &(start, end) = self.fields.get(index)?;
        self.bytes.get(start..end)
    }

    /// Every field, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'a [u8]> + use<'a> {
        let bytes = self.bytes;
        self.fields
            .iter()
            .map(move |&(start, end)| bytes.get(start..end).unwrap_or_default())
    }

    /// Whether every field is empty or white space.
    pub(crate) fn is_blank(&self) -> bool {
        self.iter().all(|f| f.trim_ascii().is_empty())
    }

    /// The byte offset of the record's first character in the text.
    pub(crate) fn offset(&self) -> usize {
        self.offset
    }

    /// How the record's length differs from a header `width` fields wide, if it does.
    pub(crate) fn ragged(&self, width: usize) -> Option<Ragged> {
        if self.len() > width {
            let extra = (width..self.len())
                .find(|&i| self.get(i).is_some_and(|f| !f.trim_ascii().is_empty()));
            return extra.map(Ragged::Extra);
        }
        (self.len() < width).then_some(Ragged::Short)
    }
}

impl<R: Read> Records<R> {
    /// Reads records from `inner`, whose bytes are UTF-8 text (or meant to be).
    pub(crate) fn new(inner: R) -> Self {
        Records {
            inner,
            buf: vec![0; CHUNK],
            pos: 0,
            end: 0,
            base: 0,
            eof: false,
            core: csv_core::Reader::new(),
            out: vec![0; 1 << 12],
            ends: vec![0; 64],
            fields: vec![(0, 0); 64],
            count: 0,
            broken: None,
        }
    }

    /// After the last record: why the file was not read to its end, if it was not.
    pub(crate) fn broken(&self) -> Option<Broken> {
        self.broken
    }

    /// The next record; `None` at the end of the file (or where it broke, see
    /// [`Records::broken`]).
    // Inlined into each loop over records: returned through memory, the record's fields were
    // written as words and read back as pairs of them, a store the processor cannot forward,
    // which cost an export's reading about a tenth of its time.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn next_record(&mut self) -> io::Result<Option<Record<'_>>> {
        if self.broken.is_some() {
            return Ok(None);
        }
        // Line ends at the start of a record are blank lines, or the LF of a CRLF.
        loop {
            while self.pos < self.end && matches!(self.buf[self.pos], b'\n' | b'\r') {
                self.pos += 1;
            }
            if self.pos < self.end {
                break;
            }
            if self.eof {
                return Ok(None);
            }
            self.fill(self.pos)?;
        }
        let mut start = self.pos;
        let mut scanned = start;
        let stop = loop {
            match memchr::memchr3(b'"', b'\n', b'\r', &self.buf[scanned..self.end]) {
                Some(i) => break scanned + i,
                None if self.eof => break self.end,
                None => {
                    if self.end - start >= MAX_RECORD {
                        self.broken = Some(Broken::TooLong(self.base + start));
                        return Ok(None);
                    }
                    // Everything up to the end was scanned; go on from there.
                    let scanned_to = self.end;
                    let shift = self.fill(start)?;
                    start -= shift;
                    scanned = scanned_to - shift;
                }
            }
        };
        if stop < self.end && self.buf[stop] == b'"' {
            if let Some(end) = self.simply_quoted(start) {
                self.pos = end;
                return Ok(Some(Record {
                    bytes: &self.buf[start..end],
                    fields: &self.fields[..self.count],
                    offset: self.base + start,
                }));
            }
            return self.quoted(start);
        }
        self.count = split(&self.buf[start..stop], &mut self.fields);
        self.pos = stop;
        Ok(Some(Record {
            bytes: &self.buf[start..stop],
            fields: &self.fields[..self.count],
            offset: self.base + start,
        }))
    }

    /// A record whose quoted fields hold no quote and close right before a `,` or the line's
    /// end (as platforms quote every field), read in place: its fields in `fields`, and where
    /// it ends. `None`, with nothing consumed, for anything else (a doubled quote, a quote
    /// inside an unquoted field, a record running past the bytes read so far), which
    /// [`Records::quoted`] reads as the csv crate does.
    fn simply_quoted(&mut self, start: usize) -> Option<usize> {
        let (buf, end) = (&self.buf[..self.end], self.end);
        let mut n = 0;
        let mut i = start;
        let mut field = |n: &mut usize, from: usize, to: usize| {
            let range = (from - start, to - start);
            match self.fields.get_mut(*n) {
                Some(slot) => *slot = range,
                None => self.fields.push(range),
            }
            *n += 1;
        };
        let record_end = loop {
            if buf.get(i) == Some(&b'"') {
                let close = i + 1 + memchr::memchr(b'"', &buf[i + 1..])?;
                field(&mut n, i + 1, close);
                match buf.get(close + 1) {
                    Some(b',') => i = close + 2,
                    Some(b'\n' | b'\r') => break close + 1,
                    None if self.eof => break end,
                    _ => return None,
                }
            } else {
                let stop = match memchr::memchr3(b',', b'\n', b'\r', &buf[i..]) {
                    Some(at) => i + at,
                    None if self.eof => end,
                    None => return None,
                };
                if memchr::memchr(b'"', &buf[i..stop]).is_some() {
                    return None;
                }
                field(&mut n, i, stop);
                match buf.get(stop) {
                    Some(b',') => i = stop + 1,
                    _ => break stop,
                }
            }
        };
        self.count = n;
        Some(record_end)
    }

    /// A record with a quote in it, starting at `buf[start]`, read by `csv_core`.
    fn quoted(&mut self, mut start: usize) -> io::Result<Option<Record<'_>>> {
        self.core.reset();
        let (mut read, mut written, mut ended) = (start, 0, 0);
        loop {
            let (result, n_in, n_out, n_ends) = self.core.read_record(
                &self.buf[read..self.end],
                &mut self.out[written..],
                &mut self.ends[ended..],
            );
            read += n_in;
            written += n_out;
            ended += n_ends;
            match result {
                ReadRecordResult::InputEmpty if self.eof => {}
                ReadRecordResult::InputEmpty => {
                    if self.end - start >= MAX_RECORD {
                        self.broken = Some(match quotes::unclosed(&self.buf[start..self.end]) {
                            Some(at) => Broken::Unclosed(self.base + start + at),
                            None => Broken::TooLong(self.base + start),
                        });
                        return Ok(None);
                    }
                    let shift = self.fill(start)?;
                    start -= shift;
                    read -= shift;
                }
                ReadRecordResult::OutputFull => {
                    let grown = self.out.len() * 2;
                    self.out.resize(grown, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let grown = self.ends.len() * 2;
                    self.ends.resize(grown, 0);
                }
                ReadRecordResult::Record | ReadRecordResult::End => break,
            }
        }
        // Only the last record can end inside quotes, and only at the end of the file.
        if self.eof
            && read >= self.end
            && let Some(at) = quotes::unclosed(&self.buf[start..self.end])
        {
            self.broken = Some(Broken::Unclosed(self.base + start + at));
        }
        self.pos = read;
        if self.fields.len() < ended {
            self.fields.resize(ended, (0, 0));
        }
        let mut from = 0;
        for (field, &to) in self.fields.iter_mut().zip(&self.ends[..ended]) {
            *field = (from, to);
            from = to;
        }
        self.count = ended;
        Ok(Some(Record {
            bytes: &self.out[..written],
            fields: &self.fields[..ended],
            offset: self.base + start,
        }))
    }

    /// Reads more of the file, keeping `buf[keep..]`: moves it to the front (or grows the buffer
    /// when it is all to keep). Returns how far the kept bytes moved.
    fn fill(&mut self, keep: usize) -> io::Result<usize> {
        if keep > 0 {
            self.buf.copy_within(keep..self.end, 0);
            self.end -= keep;
            self.pos -= keep.min(self.pos);
            self.base += keep;
        }
        if self.end == self.buf.len() {
            let grown = self.buf.len() * 2;
            self.buf.resize(grown, 0);
        }
        loop {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(n) => {
                    self.end += n;
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(keep)
    }
}

/// Splits a line without quotes at its commas into `fields`, eight bytes at a time: commas in
/// an export come every few bytes, too often for a search that starts afresh at each, and too
/// irregularly for a branch on each byte. A word's first comma is written whether or not there
/// is one (and kept only if there is), so the usual word, with one comma or none, costs no
/// branch the processor can mispredict.
///
/// `fields` is scratch space, grown (never shrunk) to room for every write; returns the number
/// of fields written at its start.
fn split(line: &[u8], fields: &mut Vec<(usize, usize)>) -> usize {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const COMMAS: u64 = 0x2C2C_2C2C_2C2C_2C2C;
    // At most one field per byte, plus one, plus the write past the last.
    if fields.len() < line.len() + 2 {
        fields.resize(line.len() + 2, (0, 0));
    }
    let mut n = 0;
    let mut from = 0;
    let mut at = 0;
    let mut words = line.chunks_exact(8);
    for word in &mut words {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        // The high bit of each byte that is a comma, exactly (no carry crosses bytes).
        let x = u64::from_le_bytes(bytes) ^ COMMAS;
        let mut found = !(((x & LOW) + LOW) | x | LOW);
        let comma = at + (found.trailing_zeros() / 8) as usize;
        fields[n] = (from, comma);
        let any = usize::from(found != 0);
        n += any;
        from = if any == 1 { comma + 1 } else { from };
        found &= found.wrapping_sub(1);
        while found != 0 {
            let comma = at + (found.trailing_zeros() / 8) as usize;
            fields[n] = (from, comma);
            n += 1;
            from = comma + 1;
            found &= found - 1;
        }
        at += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b == b',' {
            fields[n] = (from, at + i);
            n += 1;
            from = at + i + 1;
        }
    }
    fields[n] = (from, line.len());
    n + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of `text`, read through a reader that hands out `chunk` bytes at a time, as
    /// (offset, fields).
    fn read(text: &[u8], chunk: usize) -> (Vec<(usize, Vec<String>)>, Option<Broken>) {
        struct Trickle<'a>(&'a [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.1.min(buf.len()).min(self.0.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut records = Records::new(Trickle(text, chunk));
        let mut found = Vec::new();
        while let Some(record) = records.next_record().unwrap() {
            let fields = record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            found.push((record.offset(), fields));
        }
        (found, records.broken())
    }

    /// The same text through the csv crate, as the reference.
    fn reference(text: &[u8]) -> Vec<(usize, Vec<String>)> {
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        let mut record = ::csv::ByteRecord::new();
        let mut found = Vec::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let fields = record
                .iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect();
            let mut offset = usize::try_from(record.position().unwrap().byte()).unwrap();
            // The csv crate may start a CRLF file's record on the LF.
            while matches!(text.get(offset), Some(b'\r' | b'\n')) {
                offset += 1;
            }
            found.push((offset, fields));
        }
        found
    }

    #[test]
    fn lines_split_at_every_comma() {
        for line in [
            "",
            ",",
            "a",
            ",,,,,,,,,,,,,,,,,",
            "编号,标题,栏目,发布时间,链接,作者,浏览量",
            "1,示例大学召开工作会议,学校要闻,2020-03-01 10:00:00,https://a.edu.cn/1.htm,-,-5",
            "-,-,-,--,,-,,,-",
        ] {
            let mut fields = vec![(7, 7); 3];
            let n = split(line.as_bytes(), &mut fields);
            let parts: Vec<&str> = fields[..n].iter().map(|&(a, b)| &line[a..b]).collect();
            assert_eq!(parts, line.split(',').collect::<Vec<_>>(), "{line}");
        }
    }

    const TEXTS: &[&str] = &[
        "a,b,c\n1,2,3\n",
        "a,b\r\n1,2\r\n\r\n3,4",
        "a,b\r1,2\r",
        "\n\n标题,栏目\n示例,\"学校,要闻\"\n",
        "a,\"b\nc\",d\n\"x\"\"y\",z\n",
        "a,b\"c,d\n\"\",e\n",
        "\"q\"x,y\n,,\n",
        "only",
        "",
        "a,\"b\",\n",
        "\"1\",\"标题\",\"\",\"2020-03-01\"\n\"2\",\"多\n行\",\"x\"\r\n",
        "\"a\"\"b\",c\n\"d\"e,f\n\"g\" ,h\n",
        "\"a\",\"b\"",
        "\"a\",\"b\"\r",
        "x,\"y\"\n\"z\",w,\"\"\n,\"\",\n",
        "\"\"\n\"\",\"\"\n",
    ];

    #[test]
    fn records_read_as_the_csv_crate_reads_them_whatever_the_chunks() {
        for text in TEXTS {
            for chunk in [1, 2, 3, 7, 1 << 20] {
                let (found, broken) = read(text.as_bytes(), chunk);
                assert_eq!(
                    found,
                    reference(text.as_bytes()),
                    "{text:?} in chunks of {chunk}"
                );
                assert_eq!(broken, None, "{text:?}");
            }
        }
    }

    #[test]
    fn a_quote_never_closed_is_found_at_its_opening() {
        for chunk in [1, 5, 1 << 20] {
            let (found, broken) = read(b"a,b\n\"x,y\nz\n", chunk);
            assert_eq!(broken, Some(Broken::Unclosed(4)), "chunks of {chunk}");
            assert_eq!(found.len(), 2);
            let (_, broken) = read("a,\"b\"\"c\"\n1,\"多行\n文字\"".as_bytes(), chunk);
            assert_eq!(broken, None);
            let (_, broken) = read(b"a,b\"c\n", chunk);
            assert_eq!(broken, None, "a quote inside a field is a character");
        }
    }

    #[test]
    fn a_record_too_long_stops_the_file_without_growing_memory_further() {
        let mut text = b"a,b\n\"".to_vec();
        text.resize(MAX_RECORD + CHUNK * 2, b'x');
        let mut records = Records::new(text.as_slice());
        assert!(records.next_record().unwrap().is_some());
        assert!(records.next_record().unwrap().is_none());
        assert_eq!(records.broken(), Some(Broken::Unclosed(4)));
        assert!(records.buf.len() <= 2 * MAX_RECORD);
    }
}
