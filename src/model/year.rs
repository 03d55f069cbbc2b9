//! Report years and statistics periods.
//!
//! A report covers an academic year, written `2019-2020`, and counts what happened in its
//! statistics period: by default 1 September of the first year to 31 August of the second. A
//! college that follows the State Council's template reports on a calendar year instead,
//! written `2020`, by default 1 January to 31 December.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;

/// The year a report covers: an academic year such as `2019-2020`, or a calendar year such as
/// `2020`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AcademicYear {
    start: i16,
    calendar: bool,
}

impl AcademicYear {
    /// The academic year starting in September of `start`.
    pub fn starting(start: i16) -> Option<AcademicYear> {
        (1900..=9998).contains(&start).then_some(AcademicYear {
            start,
            calendar: false,
        })
    }

    /// The calendar year `year`.
    pub fn calendar(year: i16) -> Option<AcademicYear> {
        (1900..=9998).contains(&year).then_some(AcademicYear {
            start: year,
            calendar: true,
        })
    }

    /// Whether this is a calendar year (`2020`) rather than an academic year (`2019-2020`).
    pub fn is_calendar(self) -> bool {
        self.calendar
    }

    /// The word Chinese writes after the year's number for its kind: 学年 (2019-2020学年) for an
    /// academic year, 年度 (2022年度) for a calendar year.
    pub fn noun(self) -> &'static str {
        if self.calendar { "年度" } else { "学年" }
    }

    /// Words written for an academic year (本学年, 上学年, 2019-2020 学年) said for this year's
    /// kind: for a calendar year 本年度, 上年度, 2024 年度. Only for the tool's own sentences
    /// (instructions, comments); never for a text someone wrote.
    pub fn say(self, words: &str) -> String {
        if self.calendar {
            words.replace("学年", "年度")
        } else {
            words.to_owned()
        }
    }

    /// The calendar year it starts in.
    pub fn start(self) -> i16 {
        self.start
    }

    /// The calendar year it ends in.
    pub fn end(self) -> i16 {
        if self.calendar {
            self.start
        } else {
            self.start + 1
        }
    }

    /// The year before this one, of the same kind.
    pub fn previous(self) -> Option<AcademicYear> {
        let start = self.start - 1;
        (1900..=9998)
            .contains(&start)
            .then_some(AcademicYear { start, ..self })
    }

    /// The default statistics period: 1 September to 31 August, or the calendar year.
    pub fn default_period(self) -> Period {
        if self.calendar {
            Period {
                start: Date::constant(self.start, 1, 1),
                end: Date::constant(self.start, 12, 31),
            }
        } else {
            Period {
                start: Date::constant(self.start, 9, 1),
                end: Date::constant(self.end(), 8, 31),
            }
        }
    }

    /// The last day to publish the report for a period ending on `end`: 31 October for an
    /// academic year (《高等学校信息公开办法》), 31 January of the next year for a calendar year
    /// (《政府信息公开条例》).
    pub fn deadline(self, end: Date) -> Option<Date> {
        if self.calendar {
            Date::new(end.year() + 1, 1, 31).ok()
        } else {
            Date::new(end.year(), 10, 31).ok()
        }
    }
}

impl fmt::Display for AcademicYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.calendar {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end())
        }
    }
}

/// Why a text is not a report year.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum YearError {
    /// Neither two four-digit years joined by a hyphen nor one four-digit year.
    #[error(
        "`{0}` is not a year; write an academic year as two years joined by a hyphen (2019-2020), or a calendar year as one (2020)"
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
        let four_digits = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
        let text = text.trim();
        if four_digits(text) {
            return AcademicYear::calendar(text.parse().map_err(|_| format())?).ok_or_else(format);
        }
        let (a, b) = text.split_once('-').ok_or_else(format)?;
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
        for bad in ["2019-2021", "19-20", "2019—2020", "abcd-efgh", "", "20200"] {
            assert!(bad.parse::<AcademicYear>().is_err(), "{bad}");
        }
    }

    #[test]
    fn calendar_years_for_the_state_council_template() {
        let y: AcademicYear = "2020".parse().unwrap();
        assert!(y.is_calendar());
        assert_eq!(y.to_string(), "2020");
        assert_eq!(y.noun(), "年度");
        assert_eq!("2019-2020".parse::<AcademicYear>().unwrap().noun(), "学年");
        assert_eq!(y.previous().unwrap().to_string(), "2019");
        let p = y.default_period();
        assert_eq!(
            (p.start, p.end),
            (Date::constant(2020, 1, 1), Date::constant(2020, 12, 31))
        );
        assert_eq!(y.deadline(p.end), Some(Date::constant(2021, 1, 31)));
        let a: AcademicYear = "2019-2020".parse().unwrap();
        assert_eq!(
            a.deadline(a.default_period().end),
            Some(Date::constant(2020, 10, 31))
        );
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
