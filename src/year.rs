//! Academic years and statistics periods.
//!
//! A report covers one academic year, written `2019-2020`, and counts what happened in its
//! statistics period: by default 1 September of the first year to 31 August of the second.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;

/// An academic year such as `2019-2020`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AcademicYear {
    start: i16,
}

impl AcademicYear {
    /// The academic year starting in September of `start`.
    pub fn starting(start: i16) -> Option<AcademicYear> {
        (1900..=9998)
            .contains(&start)
            .then_some(AcademicYear { start })
    }

    /// The calendar year it starts in.
    pub fn start(self) -> i16 {
        self.start
    }

    /// The calendar year it ends in.
    pub fn end(self) -> i16 {
        self.start + 1
    }

    /// The academic year before this one.
    pub fn previous(self) -> Option<AcademicYear> {
        AcademicYear::starting(self.start - 1)
    }

    /// The default statistics period: 1 September to 31 August.
    pub fn default_period(self) -> Period {
        Period {
            start: Date::constant(self.start, 9, 1),
            end: Date::constant(self.end(), 8, 31),
        }
    }
}

impl fmt::Display for AcademicYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end())
    }
}

/// Why a text is not an academic year.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum YearError {
    /// Not two four-digit years joined by a hyphen.
    #[error(
        "`{0}` is not an academic year; write it as two years joined by a hyphen, e.g. 2019-2020"
    )]
    Format(String),
    /// The second year is not the first plus one.
    #[error("`{0}` is not an academic year: the second year must follow the first, e.g. 2019-2020")]
    NotConsecutive(String),
}

impl FromStr for AcademicYear {
    type Err = YearError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let format = || YearError::Format(text.to_owned());
        let (a, b) = text.trim().split_once('-').ok_or_else(format)?;
        let four_digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
        if !four_digits(a) || !four_digits(b) {
            return Err(format());
        }
        let a: i16 = a.parse().map_err(|_| format())?;
        let b: i16 = b.parse().map_err(|_| format())?;
        if b != a + 1 {
            return Err(YearError::NotConsecutive(text.to_owned()));
        }
        AcademicYear::starting(a).ok_or_else(format)
    }
}

/// The days whose events a report counts, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
}

impl Period {
    /// Whether `date` lies inside the period.
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.start, self.end)
    }
}

/// A date the way Chinese documents print it: `2020年10月29日`.
pub fn chinese_date(date: Date) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints() {
        let y: AcademicYear = "2019-2020".parse().unwrap();
        assert_eq!(y.to_string(), "2019-2020");
        assert_eq!(y.previous().unwrap().to_string(), "2018-2019");
    }

    #[test]
    fn rejects_what_is_not_a_year() {
        for bad in ["2019", "2019-2021", "19-20", "2019—2020", "abcd-efgh", ""] {
            assert!(bad.parse::<AcademicYear>().is_err(), "{bad}");
        }
    }

    #[test]
    fn default_period_is_september_to_august() {
        let p = "2019-2020"
            .parse::<AcademicYear>()
            .unwrap()
            .default_period();
        assert_eq!(p.start, Date::constant(2019, 9, 1));
        assert_eq!(p.end, Date::constant(2020, 8, 31));
        assert!(p.contains(Date::constant(2020, 8, 31)));
        assert!(!p.contains(Date::constant(2020, 9, 1)));
        assert!(!p.contains(Date::constant(2019, 8, 31)));
    }

    #[test]
    fn chinese_dates_have_no_leading_zeros() {
        assert_eq!(chinese_date(Date::constant(2020, 10, 29)), "2020年10月29日");
        assert_eq!(chinese_date(Date::constant(2021, 3, 5)), "2021年3月5日");
    }
}
