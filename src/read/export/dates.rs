//! Reading the date of an export's row, as one number (`20200301`) to compare with the
//! statistics period.
//!
//! Every row of an export has a date, so the usual spellings (`2020-03-01`, `2020/3/1`,
//! `2020.3.1`, with or without a time) are read straight from the bytes, without allocating;
//! anything else goes through the export's `date_format` or the general date parser.

use jiff::civil::Date;

use crate::read::values;

use super::Export;

/// A date as one number, `20200301`, for quick comparison.
pub(super) fn ymd(date: Date) -> u32 {
    let y = u32::try_from(date.year()).unwrap_or(0);
    let m = u32::try_from(date.month()).unwrap_or(0);
    let d = u32::try_from(date.day()).unwrap_or(0);
    y * 10_000 + m * 100 + d
}

/// Reads a date field: with the export's `date_format` if it has one, otherwise the common
/// `2020-03-01`, `2020/3/1` and `2020.3.1` (optionally with a time) quickly, and every other
/// accepted spelling (2020年3月1日) through the general parser.
pub(super) fn date_of(bytes: &[u8], export: &Export) -> Option<u32> {
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
    use super::*;

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
}
