//! The one place that decides how a figure is spelled and how pieces of a sentence meet, for
//! every format: the year's [`Typography`] applied to a number, its qualifier and unit, a share,
//! a date or a period.
//!
//! `1481条` or `1481 条`; `约3600条`, `2500余件`, `300人以上`; `占14.6%`; `１４８１条` in full-width
//! digits. Spacing, when the year asks for it, puts a space where Chinese text (or a Latin
//! letter) meets a digit, and none after punctuation (`《辽宁科技大学报》17 期`).

use jiff::civil::Date;

use crate::model::chinese::append_spaced;
use crate::model::submission::{Qualifier, QualifierPosition};
use crate::model::typography::Typography;
use crate::model::year::{Period, chinese_date};

/// Spells figures by a year's typography.
#[derive(Clone, Copy, Debug)]
pub struct Spelling<'t> {
    typography: &'t Typography,
}

impl<'t> Spelling<'t> {
    /// Spelling by `typography`.
    pub fn new(typography: &'t Typography) -> Self {
        Spelling { typography }
    }

    /// The typography spelled by.
    pub fn typography(&self) -> &'t Typography {
        self.typography
    }

    /// Appends `next` to `out`, with a space where the year sets one between Chinese and digits.
    pub fn join(&self, out: &mut String, next: &str) {
        if self.typography.space {
            append_spaced(out, next);
        } else {
            out.push_str(next);
        }
    }

    /// Pieces put together as [`Spelling::join`] joins them.
    pub fn concat<S: AsRef<str>>(&self, pieces: impl IntoIterator<Item = S>) -> String {
        let mut out = String::new();
        for piece in pieces {
            self.join(&mut out, piece.as_ref());
        }
        out
    }

    /// A figure as printed: its number as written (`1481`, `1万`, `338.8647万`) with its
    /// qualifier where Chinese puts it and its unit (which may be empty).
    pub fn figure(&self, number: &str, unit: &str, qualifier: Option<Qualifier>) -> String {
        let number = self.digits(number);
        let word = qualifier.map(Qualifier::as_str);
        let position = qualifier.map(Qualifier::position);
        let mut pieces: Vec<&str> = Vec::new();
        if position == Some(QualifierPosition::Before) {
            pieces.extend(word);
        }
        pieces.push(number.as_str());
        // 余 and 多 sit between the number and the unit, written together with the unit.
        let mut tail = String::new();
        if position == Some(QualifierPosition::Between) {
            tail.push_str(word.unwrap_or_default());
        }
        tail.push_str(unit);
        if position == Some(QualifierPosition::After) {
            tail.push_str(word.unwrap_or_default());
        }
        pieces.push(&tail);
        self.concat(pieces)
    }

    /// `part` of `total` as a percentage (`14.6%`), by the year's percent style; `None` when the
    /// total is 0.
    pub fn share(&self, part: u64, total: u64) -> Option<String> {
        self.typography
            .percent
            .share(part, total)
            .map(|s| self.digits(&s))
    }

    /// A date as reports print it: 2020年10月29日.
    pub fn date(&self, date: Date) -> String {
        chinese_date(date)
    }

    /// A period as reports print it: 2019年9月1日至2020年8月31日.
    pub fn period(&self, period: &Period) -> String {
        format!("{}至{}", self.date(period.start), self.date(period.end))
    }

    /// `text` with its ASCII digits, decimal point and per cent sign in full width when the year
    /// asks for it.
    pub fn digits(&self, text: &str) -> String {
        if !self.typography.full_width {
            return text.to_owned();
        }
        text.chars()
            .map(|c| match c {
                '0'..='9' | '.' | '%' => char::from_u32(c as u32 - 0x20 + 0xFF00).unwrap_or(c),
                _ => c,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(typography: &Typography, number: &str, unit: &str, q: Option<&str>) -> String {
        Spelling::new(typography).figure(number, unit, q.and_then(Qualifier::parse))
    }

    #[test]
    fn qualifiers_sit_where_chinese_puts_them() {
        let t = Typography::default();
        assert_eq!(spelled(&t, "3600", "条", Some("约")), "约3600条");
        assert_eq!(spelled(&t, "2500", "件", Some("余")), "2500余件");
        assert_eq!(spelled(&t, "1万", "条", Some("余")), "1万余条");
        assert_eq!(
            spelled(&t, "338.8647万", "人", Some("近")),
            "近338.8647万人"
        );
        assert_eq!(spelled(&t, "1200", "条", Some("多")), "1200多条");
        assert_eq!(spelled(&t, "90", "个", Some("超过")), "超过90个");
        assert_eq!(spelled(&t, "300", "", Some("以上")), "300以上");
        assert_eq!(spelled(&t, "300", "人", Some("以上")), "300人以上");
        assert_eq!(spelled(&t, "3.6244万", "", None), "3.6244万");
    }

    #[test]
    fn the_sample_years_spaces() {
        let t = Typography {
            space: true,
            ..Typography::default()
        };
        assert_eq!(spelled(&t, "3600", "条", Some("约")), "约 3600 条");
        assert_eq!(spelled(&t, "2500", "件", Some("余")), "2500 余件");
        assert_eq!(spelled(&t, "300", "人次", Some("近")), "近 300 人次");
        assert_eq!(spelled(&t, "1万", "条", Some("余")), "1万余条");
        let s = Spelling::new(&t);
        assert_eq!(
            s.concat(["学校印发《辽宁科技大学报》", "17 期"]),
            "学校印发《辽宁科技大学报》17 期"
        );
        assert_eq!(s.concat(["发布", "436 条"]), "发布 436 条");
    }

    #[test]
    fn full_width_digits_and_shares() {
        let t = Typography {
            full_width: true,
            ..Typography::default()
        };
        let s = Spelling::new(&t);
        assert_eq!(spelled(&t, "1481", "条", None), "１４８１条");
        assert_eq!(s.share(24, 164).as_deref(), Some("１４．６％"));
        let plain = Typography::default();
        assert_eq!(
            Spelling::new(&plain).share(24, 164).as_deref(),
            Some("14.6%")
        );
    }
}
