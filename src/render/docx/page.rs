//! The page: A4, GB/T 9704's margins, the document grid, and the page numbers.
//!
//! The text block is 156 × 225 mm: 22 lines of 28 characters of 三号 text. Lines come from the
//! document grid (`w:docGrid`, a line pitch of 28 pt). 28 characters of 16 pt would need 158 mm,
//! so body text is set 0.3 pt tighter ([`CHAR_SPACING`], in the Normal style): 28 fit and a 29th
//! does not, where without it Word, WPS and LibreOffice fit only 27. At 0.25 pt the line is so
//! nearly full that LibreOffice leaves a full stop hanging at its end out of the PDF. Word's
//! character grid (`linesAndChars` with a negative `w:charSpace`) would do the same in Word,
//! but LibreOffice then puts every character in two cells of the grid, 14 to a line.
//! Page numbers are 4号 half-width 宋体 digits between two dashes, `— 1 —`, 7 mm under the
//! text block: right on odd pages and left on even ones, one character in from its edge.

use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE, InstrText,
    PageMargin, Paragraph, Run,
};

use super::styles::FOOTER;
use super::text::Writer;

/// A4 width in twips (twentieths of a point): 210 mm.
pub(super) const PAGE_WIDTH: u32 = 11906;
/// A4 height in twips: 297 mm.
pub(super) const PAGE_HEIGHT: u32 = 16838;
/// Top margin: 37 mm.
pub(super) const MARGIN_TOP: i32 = 2098;
/// Bottom margin: 35 mm.
pub(super) const MARGIN_BOTTOM: i32 = 1984;
/// Left margin: 28 mm.
pub(super) const MARGIN_LEFT: i32 = 1587;
/// Right margin: 26 mm.
pub(super) const MARGIN_RIGHT: i32 = 1474;
/// From the top edge to the header: 15 mm (there is no header; Word wants a value).
const HEADER_DISTANCE: i32 = 851;
/// From the bottom edge to the page number: 23 mm, which puts the number's top about 7 mm
/// under the text block, as GB/T 9704 has it.
const FOOTER_DISTANCE: i32 = 1304;
/// The width of the text block: 156 mm.
pub(super) const TEXT_WIDTH: i32 = PAGE_WIDTH.cast_signed() - MARGIN_LEFT - MARGIN_RIGHT;

/// The fixed line of body text in twips: 28 pt, 22 lines to the page.
pub(super) const LINE: i32 = 560;
/// The size of body text in half-points: 三号, 16 pt.
pub(super) const TEXT_SIZE: usize = 32;
/// The page number in half-points: 四号, 14 pt.
pub(super) const PAGE_NUMBER_SIZE: usize = 28;
/// One character of the page number in twips (14 pt): its distance from the text block's edge.
pub(super) const PAGE_NUMBER_INDENT: i32 = 280;

/// The spacing of body text in twentieths of a point: each character 0.3 pt tighter, so that
/// 28 characters of 16 pt fit the 156 mm line.
pub(super) const CHAR_SPACING: i32 = -6;

/// A4, the margins, the grid, and the two footers with the page number.
pub(super) fn setup(docx: Docx, w: &mut Writer) -> Docx {
    let mut docx = docx
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TOP)
                .bottom(MARGIN_BOTTOM)
                .left(MARGIN_LEFT)
                .right(MARGIN_RIGHT)
                .header(HEADER_DISTANCE)
                .footer(FOOTER_DISTANCE),
        )
        .footer(Footer::new().add_paragraph(page_number(w, true)))
        .even_footer(Footer::new().add_paragraph(page_number(w, false)));
    docx.document.section_property = docx.document.section_property.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(LINE.unsigned_abs() as usize),
    );
    docx
}

/// The footer's page number, `— 1 —`: a PAGE field between two dashes, right-aligned one
/// character in from the right on odd pages, left-aligned one in from the left on even ones.
fn page_number(w: &mut Writer, odd: bool) -> Paragraph {
    let field = Run::new()
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    let (align, left, right) = if odd {
        (AlignmentType::Right, 0, PAGE_NUMBER_INDENT)
    } else {
        (AlignmentType::Left, PAGE_NUMBER_INDENT, 0)
    };
    w.paragraph(FOOTER)
        .align(align)
        .indent(Some(left), None, Some(right), None)
        .add_run(Run::new().add_text("— "))
        .add_run(field)
        .add_run(Run::new().add_text(" —"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters on a line of body text.
    const CHARS_PER_LINE: i32 = 28;

    #[test]
    fn twenty_eight_characters_fit_the_line_and_a_twenty_ninth_does_not() {
        // In twentieths of a point (twips): a character of 16 pt with its spacing.
        let advance = i32::try_from(TEXT_SIZE).unwrap() * 10 + CHAR_SPACING;
        assert!(CHARS_PER_LINE * advance <= TEXT_WIDTH, "{advance}");
        assert!((CHARS_PER_LINE + 1) * advance > TEXT_WIDTH, "{advance}");
        // 22 lines to the text block (225 mm).
        assert_eq!(
            (PAGE_HEIGHT.cast_signed() - MARGIN_TOP - MARGIN_BOTTOM) / LINE,
            22
        );
    }
}
