//! The document's typefaces: which face each role is set in, how every run and style names it
//! (the East Asian font as well as the Latin ones), and the font table with the faces'
//! fallbacks.
//!
//! Word and WPS pick the font of Chinese text from `w:eastAsia` alone and fall back to a
//! default (宋体, 等线) where it is missing, so every style names it. `docx-rs` always writes the
//! same three Latin fonts as the font table; ours declares every Chinese face with its
//! character set (GB2312), its family and the names to look for when it is not installed:
//! 方正小标宋简体, the title face of official documents, does not ship with Windows, and falls
//! back to 宋体.

use std::fmt::Write as _;

use docx_rs::RunFonts;

/// The font of Latin letters and digits in every run.
pub(super) const LATIN: &str = "Times New Roman";

/// A typeface of the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Face {
    /// The title: 方正小标宋简体, falling back to 宋体.
    Title,
    /// Part headings, table titles, the draft banner: 黑体.
    Heading,
    /// Sub-headings and （一） run-in titles: 楷体.
    Kai,
    /// Body text, tables, the signature: 仿宋.
    Body,
    /// Page numbers: 宋体 (GB/T 9704: 4号半角宋体阿拉伯数字).
    Song,
}

/// How the font table describes a face: (name, the names to fall back to, family, pitch).
///
/// The body, sub-heading and heading faces are named as Windows and WPS ship them (仿宋, 楷体,
/// 黑体); the `_GB2312` names older templates use are the same designs and are
/// listed as alternatives, so a machine that has only those finds them.
const FACES: &[(Face, &str, &str, &str, &str)] = &[
    (Face::Title, "方正小标宋简体", "宋体", "roman", "variable"),
    (Face::Heading, "黑体", "SimHei", "modern", "fixed"),
    (Face::Kai, "楷体", "KaiTi,楷体_GB2312", "modern", "fixed"),
    (
        Face::Body,
        "仿宋",
        "FangSong,仿宋_GB2312",
        "modern",
        "fixed",
    ),
    (Face::Song, "宋体", "SimSun", "auto", "variable"),
];

impl Face {
    /// The font's name, as runs give it in `w:eastAsia`.
    pub(super) fn name(self) -> &'static str {
        FACES
            .iter()
            .find(|(face, ..)| *face == self)
            .map_or("宋体", |(_, name, ..)| name)
    }
}

/// Every font of a style in `face`: the East Asian one for Chinese, Times New Roman for Latin
/// letters and digits; `hint` makes characters both scripts share (“” ‘’ …) Chinese.
pub(super) fn fonts(face: Face) -> RunFonts {
    RunFonts::new()
        .east_asia(face.name())
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .cs(LATIN)
        .hint("eastAsia")
}

/// `word/fontTable.xml`: the Latin font and every face.
pub(super) fn font_table() -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    xml.push_str(
        r#"<w:font w:name="Times New Roman"><w:charset w:val="00" /><w:family w:val="roman" /><w:pitch w:val="variable" /></w:font>"#,
    );
    for (_, name, alternatives, family, pitch) in FACES {
        let _ = write!(
            xml,
            r#"<w:font w:name="{name}"><w:altName w:val="{alternatives}" /><w:charset w:val="86" /><w:family w:val="{family}" /><w:pitch w:val="{pitch}" /></w:font>"#
        );
    }
    xml.push_str("</w:fonts>");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_table_declares_every_face_with_its_fallback() {
        let xml = font_table();
        assert!(
            xml.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体" />"#),
            "{xml}"
        );
        for face in [Face::Heading, Face::Kai, Face::Body, Face::Song] {
            assert!(xml.contains(&format!(r#"w:name="{}""#, face.name())));
        }
        assert_eq!(
            xml.matches(r#"<w:charset w:val="86" />"#).count(),
            FACES.len()
        );
    }
}
