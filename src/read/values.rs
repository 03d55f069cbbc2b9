//! Reading single values the way departments write them: counts, dates and yes/no flags.
//!
//! Office staff type into Excel: full-width digits from a Chinese input method, thousands
//! separators, 万 for ten thousand, dates as 2020/9/1 or 2020年9月1日, 是/否 for yes and no.
//! These parsers accept all of that and nothing ambiguous.

use jiff::civil::Date;

use crate::findings::problem::CountError;
use crate::model::submission::Count;
use crate::model::year::Period;

/// Parses a count: digits (full-width allowed), optional thousands separators, or a number of
/// 万 (`1万`, `1.5万`), which the report prints as written.
pub(crate) fn parse_count(text: &str) -> Result<Count, CountError> {
    let normal: String = text.trim().chars().map(halfwidth).collect();
    if normal.is_empty() {
        return Err(CountError::NotNumber);
    }
    if let Some(rest) = normal.strip_prefix('-') {
        return match parse_count(rest) {
            Ok(c) if c.value == 0 => Ok(c),
            Ok(_) | Err(CountError::Fraction) => Err(CountError::Negative),
            Err(e) => Err(e),
        };
    }
    if let Some(wan) = normal.strip_suffix('万') {
        // 万 with up to four decimals is a whole number of units.
        let (whole, frac) = parse_decimal(wan)?;
        let units = whole
            .checked_mul(10_000)
            .and_then(|w| w.checked_add(frac))
            .ok_or(CountError::TooLarge)?;
        return Ok(Count {
            value: units,
            text: format!("{}万", wan.trim()),
        });
    }
    let (whole, frac) = parse_decimal(&normal)?;
    if frac != 0 {
        return Err(CountError::Fraction);
    }
    Ok(Count::new(whole))
}

/// Parses `123`, `1,234` or `1.5` into whole units and ten-thousandths (for 万).
fn parse_decimal(text: &str) -> Result<(u64, u64), CountError> {
    let text = text.trim();
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f),
        None => (text, ""),
    };
    let grouped = int.contains(',');
    let digits: String = int.chars().filter(|&c| c != ',').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CountError::NotNumber);
    }
    if grouped && !valid_grouping(int) {
        return Err(CountError::NotNumber);
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CountError::NotNumber);
    }
    let whole: u64 = digits.parse().map_err(|_| CountError::TooLarge)?;
    let trimmed = frac.trim_end_matches('0');
    if trimmed.len() > 4 {
        return Err(CountError::Fraction);
    }
    let frac_units: u64 = if trimmed.is_empty() {
        0
    } else {
        format!("{trimmed:0<4}")
            .parse()
            .map_err(|_| CountError::NotNumber)?
    };
    // The caller decides whether ten-thousandths are allowed (only with 万).
    Ok((whole, frac_units))
}

fn valid_grouping(int: &str) -> bool {
    let groups: Vec<&str> = int.split(',').collect();
    !groups[0].is_empty() && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
}

/// Full-width ASCII (from a Chinese input method) to ASCII; `，` (a full-width comma used as a
/// thousands separator) to `,`.
fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Parses a date: `2020-10-29`, `2020/10/29`, `2020.10.29`, `2020年10月29日`, with or without
/// leading zeros, optionally followed by a time (`2020-10-29 14:30`, `2020-10-29T14:30:00`),
/// which is ignored. Dates are calendar dates: no time zone is involved.
///
/// The usual spellings, in ASCII digits, are read straight from the bytes ([`quick_date`]);
/// only others (full-width digits, white space around the parts) go through the general reading.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    if let Some(date) = quick_date(text.as_bytes()) {
        return Some(date);
    }
    let normal: String = text.chars().map(halfwidth).collect();
    let date_part = normal.split([' ', 'T']).next().unwrap_or_default();
    let (numbers, chinese) = if date_part.contains('年') {
        let s = date_part
            .strip_suffix('日')
            .or_else(|| date_part.strip_suffix('号'))?;
        (s.replace(['年', '月'], "-"), true)
    } else {
        (date_part.replace(['/', '.'], "-"), false)
    };
    let mut parts = numbers.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.is_empty() || d.is_empty() {
        return None;
    }
    if m.len() > 2 || d.len() > 2 || (chinese && date_part.split('年').count() != 2) {
        return None;
    }
    if ![y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// A date in one of the usual spellings, read from the bytes without allocating: four digits of
/// year, then month and day of one or two digits each, separated by `-`, `/` or `.` (the same
/// twice), or written `2020年3月1日` (or `号`); then the end, or a space or `T` and anything
/// (a time, ignored). `None` for anything else, including a day the calendar does not have.
pub(crate) fn quick_date(bytes: &[u8]) -> Option<Date> {
    const YEAR: &[u8] = "年".as_bytes();
    const MONTH: &[u8] = "月".as_bytes();
    const DAY: &[u8] = "日".as_bytes();
    const HAO: &[u8] = "号".as_bytes();
    let year = bytes.get(..4)?;
    if !year.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let year = year.iter().fold(0i16, |n, d| n * 10 + i16::from(d - b'0'));
    let rest = &bytes[4..];
    let (month, day, rest) = if let Some(rest) = rest.strip_prefix(YEAR) {
        let (month, rest) = one_or_two_digits(rest)?;
        let (day, rest) = one_or_two_digits(rest.strip_prefix(MONTH)?)?;
        let rest = rest.strip_prefix(DAY).or_else(|| rest.strip_prefix(HAO))?;
        (month, day, rest)
    } else {
        let separator = *rest.first()?;
        if !matches!(separator, b'-' | b'/' | b'.') {
            return None;
        }
        let (month, rest) = one_or_two_digits(&rest[1..])?;
        let (day, rest) = one_or_two_digits(rest.strip_prefix(&[separator])?)?;
        (month, day, rest)
    };
    if !matches!(rest.first(), None | Some(b' ' | b'T')) {
        return None;
    }
    Date::new(year, month, day).ok()
}

/// One or two ASCII digits at the start of `bytes`, and what follows them.
fn one_or_two_digits(bytes: &[u8]) -> Option<(i8, &[u8])> {
    let digit = |i: usize| {
        bytes
            .get(i)
            .filter(|b| b.is_ascii_digit())
            .map(|b| b - b'0')
    };
    let first = digit(0)?;
    // Both digits are below 10, so the number fits in an i8.
    #[allow(clippy::cast_possible_wrap)]
    match digit(1) {
        Some(second) => Some(((first * 10 + second) as i8, &bytes[2..])),
        None => Some((first as i8, &bytes[1..])),
    }
}

/// Parses a counting window as a department writes it: two dates or two months joined by
/// 至, 到, ~ or a dash (`2016-09-01至2017-09-30`, `2016年9月至2017年9月`, `2016/9~2017/9`). A month
/// means all of it. `None` when it cannot be read or ends before it starts.
pub(crate) fn parse_window(text: &str) -> Option<Period> {
    let normal: String = text.trim().chars().map(halfwidth).collect();
    let (start, end) = ["至", "到", "~", "—", "－", " - "]
        .iter()
        .find_map(|sep| normal.split_once(sep))?;
    let start = parse_date(start)
        .or_else(|| parse_month(start).and_then(|(y, m)| Date::new(y, m, 1).ok()))?;
    let end = parse_date(end).or_else(|| {
        let (y, m) = parse_month(end)?;
        let first = Date::new(y, m, 1).ok()?;
        Some(first.last_of_month())
    })?;
    (start <= end).then_some(Period { start, end })
}

/// `2016年9月`, `2016-09`, `2016/9`, `2016.9` → (2016, 9).
fn parse_month(text: &str) -> Option<(i16, i8)> {
    let text = text.trim();
    let text = text.strip_suffix('月').unwrap_or(text);
    let (y, m) = text.split_once(['年', '-', '/', '.'])?;
    let (y, m) = (y.trim(), m.trim());
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return None;
    }
    if !(y.bytes().all(|b| b.is_ascii_digit()) && m.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let month: i8 = m.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then_some((y.parse().ok()?, month))
}

/// Parses a yes/no flag: `是`/`否`, `true`/`false`, `yes`/`no`, `y`/`n`, `1`/`0`; an empty
/// text is "no".
pub(crate) fn parse_flag(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "是" | "true" | "yes" | "y" | "1" | "对" => Some(true),
        "否" | "false" | "no" | "n" | "0" | "" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(text: &str) -> Result<(u64, String), CountError> {
        parse_count(text).map(|c| (c.value, c.text))
    }

    #[test]
    fn counts_as_written() {
        assert_eq!(count("884"), Ok((884, "884".into())));
        assert_eq!(count(" 1,481 "), Ok((1481, "1481".into())));
        assert_eq!(count("１４８１"), Ok((1481, "1481".into())));
        assert_eq!(count("0"), Ok((0, "0".into())));
        assert_eq!(count("-0"), Ok((0, "0".into())));
        assert_eq!(count("3.0"), Ok((3, "3".into())));
        assert_eq!(count("1万"), Ok((10_000, "1万".into())));
        assert_eq!(count("1.5万"), Ok((15_000, "1.5万".into())));
    }

    #[test]
    fn bad_counts_say_why() {
        assert_eq!(count("-5"), Err(CountError::Negative));
        assert_eq!(count("-2.5"), Err(CountError::Negative));
        assert_eq!(count("2.5"), Err(CountError::Fraction));
        assert_eq!(count("abc"), Err(CountError::NotNumber));
        assert_eq!(count("884条"), Err(CountError::NotNumber));
        assert_eq!(count(""), Err(CountError::NotNumber));
        assert_eq!(count("1,48"), Err(CountError::NotNumber));
        assert_eq!(count("1.00001万"), Err(CountError::Fraction));
        assert_eq!(count("99999999999999999999999"), Err(CountError::TooLarge));
    }

    #[test]
    fn dates_in_the_usual_spellings() {
        let d = Date::constant(2020, 10, 29);
        for text in [
            "2020-10-29",
            "2020/10/29",
            "2020.10.29",
            "2020年10月29日",
            "2020-10-29 14:30",
            "2020-10-29T14:30:00",
            "２０２０-１０-２９",
        ] {
            assert_eq!(parse_date(text), Some(d), "{text}");
        }
        assert_eq!(parse_date("2020/9/1"), Some(Date::constant(2020, 9, 1)));
        assert_eq!(
            parse_date("2020年3月1日 08时"),
            Some(Date::constant(2020, 3, 1))
        );
        assert_eq!(
            parse_date("2020年03月01号"),
            Some(Date::constant(2020, 3, 1))
        );
        for bad in [
            "2020-13-01",
            "2020年3月1",
            "2020年3月1日08时",
            "2020-03-011",
            "2019-02-29",
            "2020-02-30",
            "20-10-29",
            "yesterday",
            "2020-10",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_quick_reading_agrees_with_the_general_one() {
        for text in [
            "2020-03-01",
            "2020/3/1 08:30",
            "2020.12.31T23:59:59",
            "2020-02-29",
            "2019-02-29",
            "2020-13-01",
            "2020-03-01x",
            "2020年3月1日",
            "2020年12月31号 10:00",
            "2020年3月",
            "2020-3",
            "",
        ] {
            let quick = quick_date(text.as_bytes());
            if quick.is_some() {
                assert_eq!(quick, parse_date(text), "{text}");
            }
        }
        assert_eq!(
            quick_date("2020年3月1日".as_bytes()),
            Some(Date::constant(2020, 3, 1))
        );
        assert_eq!(quick_date(b"2020/3/1"), Some(Date::constant(2020, 3, 1)));
        assert_eq!(quick_date(b"2019-02-29"), None);
        assert_eq!(
            quick_date("２０２０-１０-２９".as_bytes()),
            None,
            "left to the general reading"
        );
    }

    #[test]
    fn flags() {
        assert_eq!(parse_flag("是"), Some(true));
        assert_eq!(parse_flag("TRUE"), Some(true));
        assert_eq!(parse_flag(""), Some(false));
        assert_eq!(parse_flag("否"), Some(false));
        assert_eq!(parse_flag("maybe"), None);
    }

    #[test]
    fn windows_as_departments_write_them() {
        let w = |t: &str| parse_window(t).map(|p| (p.start.to_string(), p.end.to_string()));
        let pair = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(w("2016年9月至2017年9月"), pair("2016-09-01", "2017-09-30"));
        assert_eq!(
            w("2016-09-01至2017-08-31"),
            pair("2016-09-01", "2017-08-31")
        );
        assert_eq!(w("2016/9~2017/2"), pair("2016-09-01", "2017-02-28"));
        assert_eq!(
            w("2016年9月1日到2017年1月15日"),
            pair("2016-09-01", "2017-01-15")
        );
        assert_eq!(w("2017年9月至2016年9月"), None);
        assert_eq!(w("2016年9月"), None);
        assert_eq!(w("去年至今年"), None);
    }
}
