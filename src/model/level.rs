//! The level a rule runs at, as a year may set it in report.toml's `[rules]`.

/// The level a rule runs at: a year may change it in `report.toml`'s `[rules]` table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// The rule is switched off.
    Allow,
    /// Findings are warnings.
    Warning,
    /// Findings are errors.
    Error,
}

impl Level {
    /// Parses a level as written in `report.toml`: `allow`, `warning` (`warn`) or `error`
    /// (`deny`), or the Chinese `忽略`, `警告`, `错误`.
    pub fn parse(text: &str) -> Option<Level> {
        match text.trim() {
            "allow" | "忽略" => Some(Level::Allow),
            "warning" | "warn" | "警告" => Some(Level::Warning),
            "error" | "deny" | "错误" => Some(Level::Error),
            _ => None,
        }
    }

    /// The level's name in `report.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}
