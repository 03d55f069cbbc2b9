//! How a year's report spells its figures and joins its sentences: the office's house style,
//! from report.toml's `[typography]` and `[phrases]` (docs/report-toml.md).
//!
//! Published reports differ: "发布信息1481条" or "发布信息 1481 条"; "其中要闻884条、校园动态515条"
//! or "包括要闻 884 条，校园动态 515 条"; "因学院信息公开工作…". The defaults follow what most
//! reports print; [`crate::compose`] spells every figure through one place that reads this.

/// The year's typography.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Typography {
    /// A space between Chinese text and a number (`发布 436 条`), as the sample report's PDF has
    /// it; none by default (`发布436条`).
    pub space: bool,
    /// What separates the parts of a total in `{分项}` (a count's own `join` wins).
    pub breakdown: String,
    /// The institution in default sentences and preset headings (`{单位}`): 学校, 学院.
    pub noun: String,
    /// Full-width digits (１４８１, ％) instead of ASCII ones.
    pub full_width: bool,
    /// How `{占比}` prints a share: `0.0` (one decimal, the default), `0.#` (one decimal, a
    /// trailing zero dropped), `0`, `0.00`.
    pub percent: Percent,
    /// The State Council forms' titles and row labels word for word as the template has them
    /// (收到和处理政府信息公开申请情况, 本机关不掌握相关政府信息), as a college that copies the
    /// template prints them; by default a school's words, without 政府.
    pub template_words: bool,
}

impl Default for Typography {
    fn default() -> Self {
        Typography {
            space: false,
            breakdown: "、".to_owned(),
            noun: "学校".to_owned(),
            full_width: false,
            percent: Percent::default(),
            template_words: false,
        }
    }
}

/// How a share prints: its decimals, and whether trailing zeros are dropped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Percent {
    /// Digits after the decimal point (at most 4).
    pub decimals: u8,
    /// Whether trailing zeros after the point are dropped (`0.#`: 3.0 → 3).
    pub trim: bool,
}

impl Default for Percent {
    fn default() -> Self {
        Percent {
            decimals: 1,
            trim: false,
        }
    }
}

impl Percent {
    /// Reads a pattern as an office writes it, Excel-style: `0`, `0.0`, `0.00`, `0.#`, `0.##`.
    pub fn parse(pattern: &str) -> Option<Percent> {
        let pattern = pattern.trim().trim_end_matches(['%', '％']);
        let (whole, fraction) = pattern.split_once('.').unwrap_or((pattern, ""));
        if whole != "0" || fraction.len() > 4 {
            return None;
        }
        if fraction.chars().all(|c| c == '0') {
            return Some(Percent {
                decimals: u8::try_from(fraction.len()).ok()?,
                trim: false,
            });
        }
        if fraction.chars().all(|c| c == '#') {
            return Some(Percent {
                decimals: u8::try_from(fraction.len()).ok()?,
                trim: true,
            });
        }
        None
    }

    /// `part` of `total` in per cent, rounded half up (四舍五入) at the last decimal, computed
    /// exactly in integers; `None` when the total is 0.
    pub fn share(self, part: u64, total: u64) -> Option<String> {
        if total == 0 {
            return None;
        }
        let scale = 10u128.pow(u32::from(self.decimals));
        // part × 100 × scale / total, rounded half up.
        let numerator = u128::from(part) * 100 * scale * 2 + u128::from(total);
        let scaled = numerator / (u128::from(total) * 2);
        let whole = scaled / scale;
        let fraction = scaled % scale;
        let mut text = whole.to_string();
        if self.decimals > 0 {
            let mut digits = format!("{fraction:0width$}", width = usize::from(self.decimals));
            if self.trim {
                while digits.ends_with('0') {
                    digits.pop();
                }
            }
            if !digits.is_empty() {
                text.push('.');
                text.push_str(&digits);
            }
        }
        text.push('%');
        Some(text)
    }
}

/// The built-in default sentences of figures, which `[phrases]` may replace for a year.
pub const FIGURE: &str = "{渠道}发布{类别}{数量}";
/// The built-in sentence of a total with its parts.
pub const TOTAL: &str = "{渠道}共发布{类别}{数量}，其中{分项}";
/// The built-in text of one part inside `{分项}`.
pub const PART: &str = "{类别}{数量}";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up_from_exact_integers() {
        let one = Percent::default();
        // A published report printed 8.6% and 53.6% for these; the shares are 8.5% and 53.7%.
        assert_eq!(one.share(14, 164).as_deref(), Some("8.5%"));
        assert_eq!(one.share(88, 164).as_deref(), Some("53.7%"));
        assert_eq!(one.share(13, 164).as_deref(), Some("7.9%"));
        assert_eq!(one.share(5, 164).as_deref(), Some("3.0%"));
        assert_eq!(one.share(1, 8).as_deref(), Some("12.5%"));
        assert_eq!(one.share(1, 16).as_deref(), Some("6.3%"), "6.25 rounds up");
        assert_eq!(one.share(0, 7).as_deref(), Some("0.0%"));
        assert_eq!(one.share(3, 0), None);
        let trimmed = Percent::parse("0.#").unwrap();
        assert_eq!(trimmed.share(5, 164).as_deref(), Some("3%"));
        assert_eq!(trimmed.share(24, 164).as_deref(), Some("14.6%"));
        assert_eq!(
            Percent::parse("0").unwrap().share(1, 3).as_deref(),
            Some("33%")
        );
        assert_eq!(
            Percent::parse("0.00%").unwrap().share(2, 3).as_deref(),
            Some("66.67%")
        );
        assert_eq!(Percent::parse("0.0#"), None);
        assert_eq!(Percent::parse("1.0"), None);
        assert_eq!(Percent::parse("0.00000"), None);
    }
}
