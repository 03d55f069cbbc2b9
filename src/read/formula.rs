//! Texts a spreadsheet would take for a formula: what `disclose init` writes behind an
//! apostrophe in a CSV template, what reading takes the apostrophe off again, and what
//! validate warns about (D123, in `check::formulas`).

/// Whether a spreadsheet would take `text` for a formula.
pub fn looks_like_formula(text: &str) -> bool {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some('=' | '@'), Some(_)) => true,
        (Some('+' | '-'), Some(next)) => {
            !(next.is_ascii_digit() || next.is_whitespace() || next == '-' || next == '.')
        }
        _ => false,
    }
}

/// `text` as a CSV template cell: behind an apostrophe when a spreadsheet would run it, so that
/// it shows as text; reading takes the apostrophe off ([`unescape`]).
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if looks_like_formula(text) || (text.starts_with('\'') && looks_like_formula(&text[1..])) {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A cell's text with [`escape`]'s apostrophe taken off.
pub fn unescape(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest)
            if looks_like_formula(rest)
                || rest.starts_with('\'') && looks_like_formula(&rest[1..]) =>
        {
            rest
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips() {
        for text in ["=SUM(A1)", "'=SUM(A1)", "学校主页", "-5", "'引号", "@x"] {
            assert_eq!(unescape(&escape(text)), text, "{text}");
        }
        assert_eq!(escape("=1+1"), "'=1+1");
        assert_eq!(escape("学校主页"), "学校主页");
    }
}
