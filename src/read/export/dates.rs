//! Reading the date of an export's row.
//!
//! Every row of an export has a date, so the usual spellings (`2020-03-01`, `2020/3/1`,
//! `2020.3.1`, `2020年3月1日`, with or without a time) are read straight from the bytes, without
//! allocating ([`values::quick_date`], the same reading every date of a submission gets first);
//! anything else goes through the export's `date_format` or the general date parser. Whether the
//! date is inside the statistics period is [`crate::model::year::Period::contains`]'s to say, as
//! for every other date.

use jiff::civil::Date;

use crate::read::values;

use super::Export;

/// Reads a date field: with the export's `date_format` if it has one, otherwise in the usual
/// spellings quickly, and every other accepted spelling through the general parser.
pub(super) fn date_of(bytes: &[u8], export: &Export) -> Option<Date> {
    if let Some(format) = &export.date_format {
        let text = std::str::from_utf8(bytes).ok()?;
        let parsed = jiff::fmt::strtime::BrokenDownTime::parse_prefix(&format.value, text).ok()?;
        return parsed.0.to_date().ok();
    }
    values::quick_date(bytes).or_else(|| values::parse_date(std::str::from_utf8(bytes).ok()?))
}

/// A date as one number, `20200301`, for a row's fingerprint.
pub(super) fn ymd(date: Date) -> u64 {
    let number = |n: i16| u64::try_from(n).unwrap_or(0);
    number(date.year()) * 10_000 + number(date.month().into()) * 100 + number(date.day().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unreadable_literal)] // dates as yyyymmdd
    fn dates_as_numbers() {
        assert_eq!(ymd(Date::constant(2020, 3, 1)), 20200301);
        assert_eq!(ymd(Date::constant(2020, 12, 31)), 20201231);
    }
}
