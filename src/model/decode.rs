//! Turning a submitted file's bytes into text.
//!
//! Departments send what their software saves: UTF-8 from a text editor, UTF-8 with a byte-order
//! mark from Excel's "CSV UTF-8", GB18030/GBK from Excel on a Chinese Windows, UTF-16 from
//! "Unicode text". The rule is the one an office would guess: a byte-order mark decides; otherwise
//! UTF-8 if the whole file is valid UTF-8; otherwise GB18030 (a superset of GBK and GB2312).
//!
//! Positions are always counted in the decoded text, so a line and column mean the same thing
//! whichever encoding the file was in.

use std::borrow::Cow;

/// The encoding a file was decoded from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark (Excel's "CSV UTF-8").
    Utf8Bom,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// GB18030 (which includes GBK and GB2312), guessed because the file is not valid UTF-8.
    Gb18030,
}

impl Encoding {
    /// The name people know the encoding by.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

/// A file's text together with how it was decoded.
#[derive(Clone, Debug)]
pub struct Decoded {
    /// The decoded text, without any byte-order mark.
    pub text: String,
    /// The encoding the bytes were read as.
    pub encoding: Encoding,
    /// Whether some bytes could not be decoded and were replaced by U+FFFD.
    pub malformed: bool,
}

/// Decodes a file's bytes by the rule in the module documentation.
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        let kind = if encoding == encoding_rs::UTF_8 {
            Encoding::Utf8Bom
        } else if encoding == encoding_rs::UTF_16LE {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        };
        return Decoded {
            text: text.into_owned(),
            encoding: kind,
            malformed,
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            malformed: false,
        },
        Err(_) => {
            let (text, malformed) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            Decoded {
                text: match text {
                    Cow::Borrowed(s) => s.to_owned(),
                    Cow::Owned(s) => s,
                },
                encoding: Encoding::Gb18030,
                malformed,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_is_utf8() {
        let d = decode("渠道,数量\n".as_bytes());
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.text, "渠道,数量\n");
        assert!(!d.malformed);
    }

    #[test]
    fn bom_is_removed_and_decides() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("渠道".as_bytes());
        let d = decode(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, "渠道");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "学校".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        let d = decode(&bytes);
        assert_eq!(d.encoding, Encoding::Utf16Le);
        assert_eq!(d.text, "学校");
    }

    #[test]
    fn gbk_falls_back_to_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("学校主页,884");
        let d = decode(&bytes);
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.text, "学校主页,884");
        assert!(!d.malformed);
    }

    #[test]
    fn undecodable_bytes_are_flagged() {
        // 0x80 alone is invalid UTF-8 and not a valid GB18030 sequence start followed by a
        // terminator.
        let d = decode(&[b'a', 0xFF, 0xFF, 0xFF]);
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert!(d.malformed);
    }
}
