//! Reading a phrase: text with slots in braces (`{数量}`, `{分项}`…, [`Slot`]), `{{` and `}}` for
//! literal braces, into the model's [`Phrase`]; what is wrong with one is a finding at its
//! character.

use crate::findings::problem::Problem;
use crate::model::phrase::{Phrase, Piece, Slot};

/// What is wrong with a phrase, and at which byte of it.
#[derive(Debug)]
pub struct PhraseError {
    /// The finding.
    pub problem: Problem,
    /// Byte offset in the phrase.
    pub offset: usize,
}

/// Reads a phrase: its pieces, or what is wrong with it. A phrase must print `{数量}`, or the
/// submitted number would be lost.
pub fn read(template: &str) -> Result<Phrase, PhraseError> {
    let phrase = Phrase {
        text: template.to_owned(),
        pieces: parse(template)?,
    };
    if phrase.has(Slot::Number) {
        Ok(phrase)
    } else {
        Err(PhraseError {
            problem: Problem::PhraseWithoutNumber,
            offset: 0,
        })
    }
}

/// Splits a phrase into text and slots, or says what is wrong and where.
fn parse(template: &str) -> Result<Vec<Piece>, PhraseError> {
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
        let e = read("发布{数目}").unwrap_err();
        assert_eq!(e.offset, "发布".len());
        assert!(matches!(e.problem, Problem::BadPhrase { ref slot } if slot == "数目"));
        assert!(matches!(
            read("发布{数量").unwrap_err().problem,
            Problem::UnbalancedBrace
        ));
        assert!(matches!(
            read("发布}").unwrap_err().problem,
            Problem::UnbalancedBrace
        ));
        assert!(read("发布{数量}，{{注}}").is_ok());
    }
}
