//! "Did you mean": the likely intended name for a misspelt key, column, department or item.

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo: at most one
/// edit (insertion, deletion, substitution or swap of neighbours) per three characters, and at
/// least one.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let lower = word.to_lowercase();
    let limit = (lower.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| (strsim::osa_distance(&lower, &c.to_lowercase()), c))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, c)| c.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_typos_only() {
        assert_eq!(
            did_you_mean("chanel", ["channel", "item"]),
            Some("channel".into())
        );
        assert_eq!(
            did_you_mean("Nubmer", ["number", "unit"]),
            Some("number".into())
        );
        assert_eq!(did_you_mean("数目", ["数量", "单位"]), Some("数量".into()));
        assert_eq!(did_you_mean("渠到", ["渠道", "单位"]), Some("渠道".into()));
        assert_eq!(did_you_mean("zzzz", ["channel", "item"]), None);
    }
}
