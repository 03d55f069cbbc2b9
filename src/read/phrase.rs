//! The grammar of a phrase: text with slots in braces (`{数量}`, `{分项}`…), `{{` and `}}` for
//! literal braces. Read checks it when a submission is read; compose fills it
//! ([`crate::compose::phrase`] lists the slots).

use crate::findings::problem::Problem;

/// A slot of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// `{数量}`: the figure with qualifier and unit.
    Number,
    /// `{分项}`: the breakdown of a total.
    Parts,
    /// `{渠道}`: the channel.
    Channel,
    /// `{类别}`: the item.
    Item,
}

impl Slot {
    /// The slot a name in braces means, in Chinese or English.
    pub fn parse(name: &str) -> Option<Slot> {
        match name.trim() {
            "数量" | "number" => Some(Slot::Number),
            "分项" | "parts" => Some(Slot::Parts),
            "渠道" | "channel" => Some(Slot::Channel),
            "类别" | "item" => Some(Slot::Item),
            _ => None,
        }
    }
}

/// A piece of a parsed phrase.
pub enum Piece {
    /// Literal text (braces unescaped).
    Text(String),
    /// A slot to fill.
    Slot(Slot),
}

/// What is wrong with a phrase, and at which byte of it.
#[derive(Debug)]
pub struct PhraseError {
    /// The finding.
    pub problem: Problem,
    /// Byte offset in the phrase.
    pub offset: usize,
}

/// Checks a phrase's slots and braces.
pub fn validate(template: &str) -> Result<(), PhraseError> {
    let pieces = parse(template)?;
    // The phrase prints a submitted number: without {数量} the number would be lost.
    if pieces
        .iter()
        .any(|p| matches!(p, Piece::Slot(Slot::Number)))
    {
        Ok(())
    } else {
        Err(PhraseError {
            problem: Problem::PhraseWithoutNumber,
            offset: 0,
        })
    }
}

/// Splits a phrase into text and slots, or says what is wrong and where.
pub fn parse(template: &str) -> Result<Vec<Piece>, PhraseError> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|&(_, c)| c) == Some('{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek().map(|&(_, c)| c) == Some('}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let rest = &template[i + 1..];
                let Some(close) = rest.find('}') else {
                    return Err(PhraseError {
                        problem: Problem::UnbalancedBrace,
                        offset: i,
                    });
                };
                let name = &rest[..close];
                if name.contains('{') {
                    return Err(PhraseError {
                        problem: Problem::UnbalancedBrace,
                        offset: i,
                    });
                }
                let Some(slot) = Slot::parse(name) else {
                    return Err(PhraseError {
                        problem: Problem::BadPhrase {
                            slot: name.to_owned(),
                        },
                        offset: i,
                    });
                };
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Slot(slot));
                for _ in 0..=name.chars().count() {
                    chars.next();
                }
            }
            '}' => {
                return Err(PhraseError {
                    problem: Problem::UnbalancedBrace,
                    offset: i,
                });
            }
            _ => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_phrases_say_where() {
        let e = validate("发布{数目}").unwrap_err();
        assert_eq!(e.offset, "发布".len());
        assert!(matches!(e.problem, Problem::BadPhrase { ref slot } if slot == "数目"));
        assert!(matches!(
            validate("发布{数量").unwrap_err().problem,
            Problem::UnbalancedBrace
        ));
        assert!(matches!(
            validate("发布}").unwrap_err().problem,
            Problem::UnbalancedBrace
        ));
        assert!(validate("发布{数量}，{{注}}").is_ok());
    }
}
