//! How Chinese text is written, for every stage: which characters are Han, where a space goes
//! between Chinese and digits, and Chinese numerals.

/// Appends `next`, with a space where Chinese text (or a Latin letter) meets a digit.
pub fn append_spaced(out: &mut String, next: &str) {
    if let (Some(prev), Some(first)) = (out.chars().last(), next.chars().next()) {
        let wordy = |c: char| is_han(c) || c.is_ascii_alphabetic();
        if (wordy(prev) && first.is_ascii_digit()) || (prev.is_ascii_digit() && is_han(first)) {
            out.push(' ');
        }
    }
    out.push_str(next);
}

/// Whether `c` is a Chinese character (CJK unified ideographs and extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Chinese numerals for part numbers: 1 → 一, 10 → 十, 12 → 十二.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0 => "〇".to_owned(),
        1..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", DIGITS[n % 10]),
        20..=99 => format!("{}十{}", DIGITS[n / 10], DIGITS[n % 10]),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let got: Vec<String> = [1, 7, 10, 11, 20, 23]
            .iter()
            .map(|&n| chinese_numeral(n))
            .collect();
        assert_eq!(got, ["一", "七", "十", "十一", "二十", "二十三"]);
    }
}
