//! The named styles: one paragraph style for every role of the document, Word's built-in names
//! for the headings, and two character styles.
//!
//! Every paragraph names its style and carries almost no formatting of its own (the signature's
//! distance from the margin, a page break), so an office changes the look of every heading, or
//! of all body text, in one place. The part headings are Word's built-in `heading 1`, the
//! sub-headings `heading 2` (and `heading 3` is there for a third level): Word and WPS show
//! them in the navigation pane and build a table of contents from them, under their own
//! localised names (标题 1, 标题 2). The styles' formats follow GB/T 9704: the title in 2号小标宋,
//! headings in 3号黑体 and 楷体, body text in 3号仿宋 on a fixed 28 pt line with a two-character
//! indent, tables in 小四 (the forms in 五号), page numbers in 4号宋体.

use docx_rs::{
    AlignmentType, Docx, LineSpacing, LineSpacingType, SpecialIndentType, Style, StyleType,
};

use super::fonts::{Face, fonts};
use super::package::FIRST_LINE;
use super::page::{CHAR_SPACING, LINE, PAGE_NUMBER_SIZE, TEXT_SIZE};

/// The title (标题): 2号小标宋, centred.
pub(super) const TITLE: &str = "Title";
/// A part heading: 3号黑体, Word's built-in heading 1.
pub(super) const HEADING_1: &str = "Heading1";
/// A sub-heading （一）: 3号楷体, Word's built-in heading 2.
pub(super) const HEADING_2: &str = "Heading2";
/// A third-level heading 1.: 3号仿宋 bold, Word's built-in heading 3.
pub(super) const HEADING_3: &str = "Heading3";
/// Body text: 3号仿宋, justified, first line indented two characters.
pub(super) const BODY: &str = "BodyText";
/// The caption over a table: 3号黑体, centred.
pub(super) const CAPTION: &str = "Caption";
/// Text in a table cell: 小四仿宋.
pub(super) const TABLE_TEXT: &str = "TableText";
/// A table's header cells: 小四仿宋 bold, centred.
pub(super) const TABLE_HEADING: &str = "TableHeading";
/// Text in a form's cells: 五号仿宋, centred.
pub(super) const FORM_TEXT: &str = "FormText";
/// The signer and the date: 3号仿宋, right-aligned.
pub(super) const SIGNATURE: &str = "Signature";
/// 附件 over an attachment: 3号黑体, at the top left of its first page.
pub(super) const ATTACHMENT_LABEL: &str = "AttachmentLabel";
/// The page number: 4号宋体.
pub(super) const FOOTER: &str = "Footer";
/// The draft banner: 3号黑体, red, centred.
pub(super) const BANNER: &str = "DraftBanner";
/// A finding still open in a draft: 小四仿宋.
pub(super) const FINDING: &str = "Finding";
/// A run-in （一） title: 楷体.
pub(super) const RUN_IN_KAI: &str = "RunInKai";
/// A run-in 1. title: 仿宋 bold.
pub(super) const RUN_IN_BOLD: &str = "RunInBold";
/// A link: blue, underlined.
pub(super) const HYPERLINK: &str = "Hyperlink";

/// Table text in half-points: 小四, 12 pt.
pub(super) const TABLE_SIZE: usize = 24;
/// Form text in half-points: 五号, 10.5 pt.
pub(super) const FORM_SIZE: usize = 21;
/// The title's size in half-points: 二号, 22 pt.
pub(super) const TITLE_SIZE: usize = 44;
/// The fixed line of the title in twips: 35 pt, room for 22 pt characters on two lines.
const TITLE_LINE: i32 = 700;
/// The fixed line of table text in twips: 20 pt.
const TABLE_LINE: i32 = 400;
/// The fixed line of form text in twips: 15 pt.
const FORM_LINE: i32 = 300;
/// One character of body text in twips (16 pt).
pub(super) const CHAR: i32 = 320;
/// The red of the draft banner.
const RED: &str = "C00000";
/// The blue of links.
const BLUE: &str = "0563C1";

/// A fixed line spacing of `twips`.
pub(super) fn exact(twips: i32) -> LineSpacing {
    LineSpacing::new()
        .line(twips)
        .line_rule(LineSpacingType::Exact)
}

/// A paragraph style named `name`, based on Normal, in `face` at `size`.
fn paragraph(id: &str, name: &str, face: Face, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next(BODY)
        .fonts(fonts(face))
        .size(size)
}

/// Indented two characters on the first line (in characters too, so the grid keeps it exact:
/// see [`super::package`]).
fn indented(style: Style) -> Style {
    style.indent(
        Some(0),
        Some(SpecialIndentType::FirstLine(FIRST_LINE)),
        None,
        None,
    )
}

/// A heading style of Word's: kept with what follows, at outline level `level` (0 for heading 1).
fn heading(id: &str, name: &str, face: Face, level: usize) -> Style {
    let mut style = indented(paragraph(id, name, face, TEXT_SIZE))
        .align(AlignmentType::Both)
        .line_spacing(exact(LINE))
        .outline_lvl(level)
        .ui_priority(9);
    style.paragraph_property = style.paragraph_property.keep_next(true);
    style
}

/// Off the character grid: text of another size than the grid's (the title, tables, page
/// numbers) keeps its own spacing.
fn off_grid(style: Style) -> Style {
    style.snap_to_grid(false)
}

/// Every style of the document, added to `docx`.
pub(super) fn add(docx: Docx) -> Docx {
    let mut normal = Style::new("Normal", StyleType::Paragraph)
        .name("Normal")
        .fonts(fonts(Face::Body))
        .size(TEXT_SIZE)
        .align(AlignmentType::Both)
        .line_spacing(exact(LINE));
    normal.run_property = normal.run_property.character_spacing(CHAR_SPACING);
    let mut title = off_grid(paragraph(TITLE, "Title", Face::Title, TITLE_SIZE))
        .align(AlignmentType::Center)
        .line_spacing(exact(TITLE_LINE).after(LINE.unsigned_abs()))
        .ui_priority(10);
    title.paragraph_property = title.paragraph_property.keep_next(true);
    let mut caption = paragraph(CAPTION, "caption", Face::Heading, TEXT_SIZE)
        .align(AlignmentType::Center)
        .line_spacing(exact(LINE).after(LINE.unsigned_abs() / 2));
    caption.paragraph_property = caption.paragraph_property.keep_next(true);
    let mut label = paragraph(ATTACHMENT_LABEL, "附件标识", Face::Heading, TEXT_SIZE)
        .align(AlignmentType::Left)
        .line_spacing(exact(LINE));
    label.paragraph_property = label.paragraph_property.keep_next(true);
    let table_text = off_grid(paragraph(TABLE_TEXT, "表格文字", Face::Body, TABLE_SIZE))
        .align(AlignmentType::Left)
        .line_spacing(exact(TABLE_LINE));
    let table_heading = off_grid(paragraph(TABLE_HEADING, "表头文字", Face::Body, TABLE_SIZE))
        .based_on(TABLE_TEXT)
        .bold()
        .align(AlignmentType::Center)
        .line_spacing(exact(TABLE_LINE));
    let form_text = off_grid(paragraph(FORM_TEXT, "表单文字", Face::Body, FORM_SIZE))
        .align(AlignmentType::Center)
        .line_spacing(exact(FORM_LINE));
    let banner = paragraph(BANNER, "草稿标记", Face::Heading, TEXT_SIZE)
        .align(AlignmentType::Center)
        .color(RED)
        .line_spacing(exact(LINE).after(LINE.unsigned_abs()));
    let finding = off_grid(paragraph(FINDING, "待处理问题", Face::Body, TABLE_SIZE))
        .align(AlignmentType::Left)
        .line_spacing(exact(TABLE_LINE));
    let footer = off_grid(paragraph(FOOTER, "footer", Face::Song, PAGE_NUMBER_SIZE));
    let character = |id: &str, name: &str| Style::new(id, StyleType::Character).name(name);
    docx.default_fonts(fonts(Face::Body))
        .default_size(TEXT_SIZE)
        .add_style(normal)
        .add_style(title)
        .add_style(heading(HEADING_1, "heading 1", Face::Heading, 0))
        .add_style(heading(HEADING_2, "heading 2", Face::Kai, 1))
        .add_style(heading(HEADING_3, "heading 3", Face::Body, 2).bold())
        .add_style(indented(paragraph(
            BODY,
            "Body Text",
            Face::Body,
            TEXT_SIZE,
        )))
        .add_style(caption)
        .add_style(table_text)
        .add_style(table_heading)
        .add_style(form_text)
        .add_style(
            paragraph(SIGNATURE, "Signature", Face::Body, TEXT_SIZE).align(AlignmentType::Right),
        )
        .add_style(label)
        .add_style(footer)
        .add_style(banner)
        .add_style(finding)
        .add_style(character(RUN_IN_KAI, "楷体小标题").fonts(fonts(Face::Kai)))
        .add_style(character(RUN_IN_BOLD, "加粗小标题").bold())
        .add_style(
            character(HYPERLINK, "Hyperlink")
                .color(BLUE)
                .underline("single"),
        )
}
