//! Report → Word (.docx), laid out as a Chinese official document (GB/T 9704-2012), for an
//! office to publish as it is.
//!
//! A4 with the standard's margins; the title in 小标宋 二号, centred; part headings in 黑体,
//! sub-headings and run-in （一） titles in 楷体, body text in 仿宋 三号 with a two-character
//! first-line indent on a fixed 28 pt line; the signature and date right-aligned, the signer
//! centred over the date; page numbers `— 1 —` centred in the footer. Every run names its East
//! Asian font (`w:eastAsia`) as well as its Latin ones: Word and WPS pick the font of Chinese
//! text from that attribute alone, and fall back to a default (宋体, 等线) where it is missing.
//! Tables (the figures, the checklist appendix) are real Word tables with a bold header row that
//! repeats on every page.
//!
//! `docx-rs` writes the package; [`docx_parts`](super::docx_parts) replaces the two parts it
//! cannot be told enough about (the font table with its fallbacks, the document properties)
//! and marks the header rows. The output is byte-identical for the same report: paragraph ids
//! are numbered here, the zip entries carry no time, and the document's date is the report's.

use std::io::{self, Write};

use docx_rs::{
    AlignmentType, BorderType, Docx, FieldCharType, Footer, HeightRule, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Table,
    TableAlignmentType, TableBorder, TableBorderPosition, TableBorders, TableCell, TableLayoutType,
    TableRow, VAlignType, WidthType,
};
use unicode_width::UnicodeWidthStr;

use super::docx_parts::{self, Face};
use crate::compose::report::{self, Block, Report, placeholder_pieces};

/// A4 width in twips (twentieths of a point): 210 mm.
const PAGE_WIDTH: u32 = 11906;
/// A4 height in twips: 297 mm.
const PAGE_HEIGHT: u32 = 16838;
/// Top margin: 37 mm.
const MARGIN_TOP: i32 = 2098;
/// Bottom margin: 35 mm.
const MARGIN_BOTTOM: i32 = 1984;
/// Left margin: 28 mm.
const MARGIN_LEFT: i32 = 1587;
/// Right margin: 26 mm.
const MARGIN_RIGHT: i32 = 1474;
/// From the top edge to the header: 15 mm (there is no header; Word wants a value).
const HEADER_DISTANCE: i32 = 851;
/// From the bottom edge to the page number: 23 mm, which puts the number's top about 7 mm
/// under the text block, as GB/T 9704 has it.
const FOOTER_DISTANCE: i32 = 1304;
/// The width of the text block: 156 mm.
const TEXT_WIDTH: i32 = PAGE_WIDTH.cast_signed() - MARGIN_LEFT - MARGIN_RIGHT;

/// The title's size in half-points: 二号, 22 pt.
const TITLE_SIZE: usize = 44;
/// Body text, headings and signature in half-points: 三号, 16 pt.
const TEXT_SIZE: usize = 32;
/// Table text in half-points: 小四, 12 pt.
const TABLE_SIZE: usize = 24;
/// The page number in half-points: 四号, 14 pt.
const PAGE_NUMBER_SIZE: usize = 28;

/// The fixed line of body text in twips: 28 pt, 22 lines to the page.
const LINE: i32 = 560;
/// The fixed line of the title in twips: 35 pt, room for 22 pt characters on two lines.
const TITLE_LINE: i32 = 700;
/// The fixed line of table text in twips: 20 pt.
const TABLE_LINE: i32 = 400;
/// One character of body text in twips (16 pt); body paragraphs indent their first line by two.
/// (`docx-rs` does not write `w:firstLineChars`, the indent in characters; in twips it is the
/// same at this size.)
const CHAR: i32 = 320;
/// The date's right margin: four characters (GB/T 9704: 右空四字).
const SIGNATURE_MARGIN: i32 = 4 * CHAR;
/// A header row is at least this tall, in twips (8 mm).
pub(super) const HEADER_ROW_HEIGHT: u16 = 454;
/// Table borders: single lines of ½ pt (eighths of a point).
const BORDER_SIZE: usize = 4;
/// A column is centred when none of its cells is wider than this, in display columns (numbers,
/// statuses, short codes).
const SHORT_CELL: usize = 8;
/// Half a character of table text in twips (12 pt characters): one display column.
const HALF_WIDTH: usize = 120;
/// What a cell needs beside its text, in twips: Word's default cell margins (2 × 108) and a
/// little room.
const CELL_PADDING: usize = 300;
/// No column's share of the width counts more than this many display columns.
const WIDEST_COLUMN: usize = 40;
/// The red of the draft banner.
const RED: &str = "C00000";

/// The banner heading a draft, as in the other formats.
const DRAFT_BANNER: &str = "【草稿】本稿含有待补充或待修正的内容，不可发布。";
/// The heading of a draft's open findings.
const FINDINGS_HEADING: &str = "待处理的问题";

/// Writes the report as a .docx file.
pub(crate) fn render(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(&to_bytes(report)?)
}

/// The .docx file's bytes.
fn to_bytes(report: &Report) -> io::Result<Vec<u8>> {
    let mut writer = Writer::default();
    let mut docx = Docx::new()
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
        .default_fonts(fonts(Face::Body))
        .default_size(TEXT_SIZE)
        .footer(Footer::new().add_paragraph(writer.page_number()));
    if report.draft {
        docx = docx.add_paragraph(writer.banner());
    }
    docx = docx.add_paragraph(writer.title(&report.title));
    for text in &report.preamble {
        docx = docx.add_paragraph(writer.body(None, text));
    }
    for part in &report.parts {
        let heading = format!("{}{}", part.prefix, part.heading);
        docx = docx.add_paragraph(writer.heading(&heading, Face::Heading, 0));
        for block in &part.blocks {
            docx = match block {
                Block::Heading { number, text } => {
                    docx.add_paragraph(writer.heading(&format!("{number}{text}"), Face::Kai, 1))
                }
                Block::Paragraph { lead, text } => {
                    docx.add_paragraph(writer.body(lead.as_deref(), text))
                }
                Block::Table(table) => {
                    let caption = writer.caption(&table.title, false);
                    writer.add_table(docx.add_paragraph(caption), table)
                }
            };
        }
    }
    let [signer, date] = writer.signature(&report.signature);
    docx = docx.add_paragraph(signer).add_paragraph(date);
    for table in &report.appendix {
        let caption = writer.caption(&table.title, true);
        docx = writer.add_table(docx.add_paragraph(caption), table);
    }
    if !report.findings.is_empty() {
        docx = docx.add_paragraph(writer.findings_heading());
        for finding in &report.findings {
            docx = docx.add_paragraph(writer.finding(finding));
        }
    }
    docx_parts::pack(docx, report)
}

/// Builds the paragraphs, numbering them: `docx-rs` would take ids from a counter that lives
/// as long as the thread, so two renders could differ.
#[derive(Default)]
struct Writer {
    /// The last paragraph id given out.
    last_id: u32,
}

impl Writer {
    /// A new paragraph with the next id, its mark in `face` at `size` (the mark sets the height
    /// of an empty line and the look of the pilcrow).
    fn paragraph(&mut self, face: Face, size: usize) -> Paragraph {
        self.last_id += 1;
        Paragraph::new()
            .id(format!("{:08X}", self.last_id))
            .fonts(fonts(face))
            .size(size)
    }

    /// A paragraph of body text: justified, first line indented two characters, fixed lines;
    /// opening with a run-in title when there is one.
    fn body(&mut self, lead: Option<&str>, text: &str) -> Paragraph {
        let mut paragraph = self
            .paragraph(Face::Body, TEXT_SIZE)
            .align(AlignmentType::Both)
            .line_spacing(exact(LINE))
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(2 * CHAR)),
                None,
                None,
            );
        if let Some(lead) = lead {
            let (face, bold) = lead_face(lead);
            let mut run = run(lead, face, TEXT_SIZE);
            if bold {
                run = run.bold();
            }
            paragraph = paragraph.add_run(run);
        }
        for run in runs(text, Face::Body, TEXT_SIZE) {
            paragraph = paragraph.add_run(run);
        }
        paragraph
    }

    /// A heading on its own line, indented like body text, kept with what follows; `level` is
    /// its outline level (0 for a part), which Word's navigation pane shows.
    fn heading(&mut self, text: &str, face: Face, level: usize) -> Paragraph {
        self.paragraph(face, TEXT_SIZE)
            .align(AlignmentType::Both)
            .line_spacing(exact(LINE))
            .indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(2 * CHAR)),
                None,
                None,
            )
            .keep_next(true)
            .outline_lvl(level)
            .add_run(run(text, face, TEXT_SIZE))
    }

    /// The title: centred, 小标宋 二号, a blank line under it.
    fn title(&mut self, title: &str) -> Paragraph {
        self.paragraph(Face::Title, TITLE_SIZE)
            .align(AlignmentType::Center)
            .line_spacing(exact(TITLE_LINE).after(LINE.unsigned_abs()))
            .keep_next(true)
            .add_run(run(title, Face::Title, TITLE_SIZE))
    }

    /// The draft banner: red 黑体, centred, above the title.
    fn banner(&mut self) -> Paragraph {
        self.paragraph(Face::Heading, TEXT_SIZE)
            .align(AlignmentType::Center)
            .line_spacing(exact(LINE).after(LINE.unsigned_abs()))
            .add_run(run(DRAFT_BANNER, Face::Heading, TEXT_SIZE).color(RED))
    }

    /// A table's title, centred in 黑体 and kept with the table; an appendix's starts a page,
    /// as an attachment to an official document does.
    fn caption(&mut self, title: &str, new_page: bool) -> Paragraph {
        self.paragraph(Face::Heading, TEXT_SIZE)
            .align(AlignmentType::Center)
            .line_spacing(exact(LINE).after(LINE.unsigned_abs() / 2))
            .keep_next(true)
            .page_break_before(new_page)
            .outline_lvl(usize::from(!new_page))
            .add_run(run(title, Face::Heading, TEXT_SIZE))
    }

    /// The signer and the date, a blank line under the text: the date four characters from
    /// the right margin, the signer centred over it (or the date under the signer, if the
    /// signer is the longer).
    fn signature(&mut self, signature: &report::Signature) -> [Paragraph; 2] {
        let widest = signature.signer.width().max(signature.date.width());
        let mut line = |text: &str, spacing: LineSpacing, keep_next: bool| {
            // Half the difference in display columns, each half a character wide.
            let shift = i32::try_from((widest - text.width()) / 2).unwrap_or_default();
            self.paragraph(Face::Body, TEXT_SIZE)
                .align(AlignmentType::Right)
                .line_spacing(spacing)
                .indent(None, None, Some(SIGNATURE_MARGIN + shift * CHAR / 2), None)
                .keep_next(keep_next)
                .add_run(run(text, Face::Body, TEXT_SIZE))
        };
        [
            line(
                &signature.signer,
                exact(LINE).before(LINE.unsigned_abs()),
                true,
            ),
            line(&signature.date, exact(LINE), false),
        ]
    }

    /// The heading of a draft's open findings, on a page of its own.
    fn findings_heading(&mut self) -> Paragraph {
        self.paragraph(Face::Heading, TEXT_SIZE)
            .line_spacing(exact(LINE))
            .page_break_before(true)
            .keep_next(true)
            .outline_lvl(0)
            .add_run(run(FINDINGS_HEADING, Face::Heading, TEXT_SIZE))
    }

    /// One open finding, as `disclose validate --format short` prints it.
    fn finding(&mut self, finding: &str) -> Paragraph {
        self.paragraph(Face::Body, TABLE_SIZE)
            .line_spacing(exact(TABLE_LINE))
            .add_run(run(finding, Face::Body, TABLE_SIZE))
    }

    /// The footer's page number, `— 1 —`, centred: a PAGE field between two dashes.
    fn page_number(&mut self) -> Paragraph {
        let field = Run::new()
            .fonts(fonts(Face::Song))
            .size(PAGE_NUMBER_SIZE)
            .add_field_char(FieldCharType::Begin, false)
            .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
            .add_field_char(FieldCharType::Separate, false)
            .add_text("1")
            .add_field_char(FieldCharType::End, false);
        self.paragraph(Face::Song, PAGE_NUMBER_SIZE)
            .align(AlignmentType::Center)
            .add_run(run("— ", Face::Song, PAGE_NUMBER_SIZE))
            .add_run(field)
            .add_run(run(" —", Face::Song, PAGE_NUMBER_SIZE))
    }

    /// Adds `table` to `docx`, unless it has no columns (Word cannot open a table row without
    /// cells).
    fn add_table(&mut self, docx: Docx, table: &report::Table) -> Docx {
        if table.columns.is_empty() {
            docx
        } else {
            docx.add_table(self.table(table))
        }
    }

    /// A Word table: the width of the text block, columns shared by content, a bold header
    /// row that repeats on every page, single borders, no row split across pages.
    fn table(&mut self, table: &report::Table) -> Table {
        let widths = column_widths(table);
        let centred: Vec<bool> = (0..table.columns.len())
            .map(|i| {
                table
                    .rows
                    .iter()
                    .all(|row| row.get(i).is_none_or(|c| c.width() <= SHORT_CELL))
            })
            .collect();
        let header = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(text, width)| self.cell(text, *width, true, true))
            .collect();
        let mut rows = vec![
            TableRow::new(header)
                .cant_split()
                .row_height(f32::from(HEADER_ROW_HEIGHT))
                .height_rule(HeightRule::AtLeast),
        ];
        for cells in &table.rows {
            let cells = (0..table.columns.len())
                .map(|i| {
                    let text = cells.get(i).map_or("", String::as_str);
                    self.cell(text, widths[i], centred[i], false)
                })
                .collect();
            rows.push(TableRow::new(cells).cant_split());
        }
        let border = |position| {
            TableBorder::new(position)
                .border_type(BorderType::Single)
                .size(BORDER_SIZE)
                .color("000000")
        };
        let borders = [
            TableBorderPosition::Top,
            TableBorderPosition::Left,
            TableBorderPosition::Bottom,
            TableBorderPosition::Right,
            TableBorderPosition::InsideH,
            TableBorderPosition::InsideV,
        ]
        .into_iter()
        .fold(TableBorders::new(), |borders, position| {
            borders.set(border(position))
        });
        Table::new(rows)
            .set_grid(widths.clone())
            .width(widths.iter().sum(), WidthType::Dxa)
            .layout(TableLayoutType::Fixed)
            .align(TableAlignmentType::Center)
            .set_borders(borders)
    }

    /// One table cell, `width` twips wide, its text vertically centred.
    fn cell(&mut self, text: &str, width: usize, centred: bool, header: bool) -> TableCell {
        let mut paragraph = self
            .paragraph(Face::Body, TABLE_SIZE)
            .line_spacing(exact(TABLE_LINE))
            .align(if centred {
                AlignmentType::Center
            } else {
                AlignmentType::Left
            });
        for mut run in runs(text, Face::Body, TABLE_SIZE) {
            if header {
                run = run.bold();
            }
            paragraph = paragraph.add_run(run);
        }
        TableCell::new()
            .width(width, WidthType::Dxa)
            .vertical_align(VAlignType::Center)
            .add_paragraph(paragraph)
    }
}

/// Every font of a run in `face`: the East Asian one for Chinese, Times New Roman for Latin
/// letters and digits; `hint` makes characters both scripts share (“” ‘’ …) Chinese.
fn fonts(face: Face) -> RunFonts {
    RunFonts::new()
        .east_asia(face.name())
        .ascii(docx_parts::LATIN)
        .hi_ansi(docx_parts::LATIN)
        .cs(docx_parts::LATIN)
        .hint("eastAsia")
}

/// A run of `text` in `face` at `size` half-points.
fn run(text: &str, face: Face, size: usize) -> Run {
    Run::new()
        .fonts(fonts(face))
        .size(size)
        .add_text(clean(text))
}

/// The runs of `text`: placeholders a draft still holds (【待补充：…】, 【待审阅】) highlighted
/// in yellow, so they are seen and replaced.
fn runs(text: &str, face: Face, size: usize) -> Vec<Run> {
    placeholder_pieces(text)
        .into_iter()
        .map(|(placeholder, piece)| {
            let run = run(piece, face, size);
            if placeholder {
                run.highlight("yellow")
            } else {
                run
            }
        })
        .collect()
}

/// Text as XML 1.0 can hold it: control characters (which no report should have, but a
/// submission might) become spaces, the two non-characters U+FFFE and U+FFFF go.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The font of a run-in title, and whether it is bold: a （一） title is a second-level heading
/// (楷体), a `1.` one a third-level heading (仿宋, bold), as official documents number them.
fn lead_face(lead: &str) -> (Face, bool) {
    if lead.starts_with('（') {
        (Face::Kai, false)
    } else {
        (Face::Body, true)
    }
}

/// A fixed line spacing of `twips`.
fn exact(twips: i32) -> LineSpacing {
    LineSpacing::new()
        .line(twips)
        .line_rule(LineSpacingType::Exact)
}

/// Column widths in twips, adding up to the text block.
///
/// A column's natural width is the display width of its widest cell, at least its heading's
/// and at most [`WIDEST_COLUMN`]. Narrow columns (numbers, statuses: [`SHORT_CELL`] or less)
/// get exactly their natural width, so that they do not wrap a character to a line; the wide
/// ones share what is left in proportion to theirs. If every column is narrow, or the narrow
/// ones alone fill the page, all share the width in proportion.
fn column_widths(table: &report::Table) -> Vec<usize> {
    let natural: Vec<usize> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, heading)| {
            let widest = table
                .rows
                .iter()
                .filter_map(|row| row.get(i))
                .map(|cell| cell.width())
                .max()
                .unwrap_or_default()
                .min(WIDEST_COLUMN);
            widest.max(heading.width()).max(2)
        })
        .collect();
    let text = usize::try_from(TEXT_WIDTH).unwrap_or_default();
    let fixed = |columns: usize| columns * HALF_WIDTH + CELL_PADDING;
    let narrow: usize = natural
        .iter()
        .filter(|n| **n <= SHORT_CELL)
        .map(|n| fixed(*n))
        .sum();
    let wide: usize = natural.iter().filter(|n| **n > SHORT_CELL).sum();
    if wide == 0 || narrow * 2 > text {
        let total: usize = natural.iter().sum();
        return natural.iter().map(|n| text * n / total.max(1)).collect();
    }
    natural
        .iter()
        .map(|n| {
            if *n <= SHORT_CELL {
                fixed(*n)
            } else {
                (text - narrow) * n / wide
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;
    use crate::compose::report::{Data, Part, Signature};

    /// A small report with a preamble, a part with every kind of block, an appendix table.
    fn report(draft: bool) -> Report {
        let table = report::Table {
            title: "附件：清单事项公开情况表".to_owned(),
            columns: vec!["编号".to_owned(), "事项".to_owned()],
            rows: vec![vec!["1".to_owned(), "办学规模 & <基本情况>".to_owned()]],
        };
        Report {
            school: "示例大学".to_owned(),
            year: "2022-2023".to_owned(),
            title: "示例大学2022-2023学年信息公开工作年度报告".to_owned(),
            draft,
            preamble: vec!["本年报按照要求编制。".to_owned()],
            parts: vec![Part {
                key: "overview".to_owned(),
                number: "一".to_owned(),
                prefix: "一、".to_owned(),
                heading: "概述".to_owned(),
                blocks: vec![
                    Block::Heading {
                        number: "（一）".to_owned(),
                        text: "信息公开渠道和数据".to_owned(),
                    },
                    Block::Paragraph {
                        lead: Some("1. 招生信息公开情况。".to_owned()),
                        text: "学校主页共发布信息【待补充：学校主页/信息】。".to_owned(),
                    },
                    Block::Table(report::Table {
                        title: "依申请公开情况".to_owned(),
                        columns: vec!["项目".to_owned(), "件数".to_owned()],
                        rows: vec![vec!["本学年收到申请".to_owned(), "0".to_owned()]],
                    }),
                ],
            }],
            appendix: vec![table],
            signature: Signature {
                signer: "示例大学".to_owned(),
                date: "2023年10月30日".to_owned(),
            },
            findings: if draft {
                vec!["data/2022-2023/宣传部.csv:3:9: error[D105]: …".to_owned()]
            } else {
                Vec::new()
            },
            data: Data::default(),
        }
    }

    /// The text of one part of the package.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    fn document(report: &Report) -> String {
        part(&to_bytes(report).unwrap(), "word/document.xml")
    }

    #[test]
    fn the_page_is_a4_with_the_margins_of_an_official_document() {
        let xml = document(&report(false));
        assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838""#), "{xml}");
        for margin in [
            r#"w:top="2098""#,
            r#"w:bottom="1984""#,
            r#"w:left="1587""#,
            r#"w:right="1474""#,
        ] {
            assert!(xml.contains(margin), "{margin}");
        }
    }

    #[test]
    fn every_run_names_its_east_asian_font() {
        let xml = document(&report(true));
        let runs: Vec<&str> = xml
            .split("<w:r>")
            .skip(1)
            .map(|run| &run[..run.find("</w:rPr>").unwrap_or(0)])
            .collect();
        assert!(runs.len() > 10, "{}", runs.len());
        for properties in runs {
            assert!(
                properties.contains(r#"w:ascii="Times New Roman""#)
                    && properties.contains(r#"w:hAnsi="Times New Roman""#)
                    && properties.contains("w:eastAsia="),
                "{properties}"
            );
        }
        for face in [Face::Title, Face::Heading, Face::Kai, Face::Body] {
            assert!(
                xml.contains(&format!(r#"w:eastAsia="{}""#, face.name())),
                "{}",
                face.name()
            );
        }
    }

    #[test]
    fn body_text_is_16_pt_on_a_fixed_28_pt_line_indented_two_characters() {
        let xml = document(&report(false));
        assert!(xml.contains(r#"<w:sz w:val="32" />"#));
        assert!(xml.contains(r#"w:line="560" w:lineRule="exact""#));
        assert!(xml.contains(r#"w:firstLine="640""#));
        assert!(xml.contains(r#"<w:sz w:val="44" />"#), "the title is 22 pt");
    }

    #[test]
    fn tables_are_word_tables_with_a_repeating_bold_header() {
        let xml = document(&report(false));
        assert_eq!(xml.matches("<w:tbl>").count(), 2);
        assert_eq!(xml.matches("<w:tblHeader />").count(), 2);
        assert!(xml.contains("办学规模 &amp; &lt;基本情况&gt;"));
        assert!(xml.contains(r#"<w:insideV w:val="single""#), "{xml}");
    }

    #[test]
    fn the_footer_holds_a_page_field() {
        let footer = part(&to_bytes(&report(false)).unwrap(), "word/footer1.xml");
        assert!(
            footer.contains("<w:instrText>PAGE</w:instrText>"),
            "{footer}"
        );
        assert!(footer.contains("— "), "{footer}");
    }

    #[test]
    fn a_draft_has_its_banner_its_placeholders_marked_and_its_findings() {
        let xml = document(&report(true));
        assert!(xml.contains(DRAFT_BANNER));
        assert!(xml.contains(r#"<w:highlight w:val="yellow" />"#));
        assert!(xml.contains("error[D105]"));
        let clean = document(&report(false));
        assert!(!clean.contains(DRAFT_BANNER));
    }

    #[test]
    fn two_renders_are_byte_identical_and_carry_no_time() {
        let report = report(true);
        let first = to_bytes(&report).unwrap();
        // Paragraphs made in between must not shift the ids.
        let _ = Paragraph::new();
        let second = std::thread::spawn(move || to_bytes(&report).unwrap())
            .join()
            .unwrap();
        assert_eq!(first, second);
        let mut archive = zip::ZipArchive::new(Cursor::new(first.as_slice())).unwrap();
        for i in 0..archive.len() {
            let file = archive.by_index(i).unwrap();
            let time = file.last_modified().unwrap();
            assert_eq!((time.year(), time.month(), time.day()), (1980, 1, 1));
        }
        let core = part(&first, "docProps/core.xml");
        assert!(core.contains("2023-10-30T00:00:00Z"), "{core}");
    }

    #[test]
    fn placeholders_split_into_their_own_runs() {
        assert_eq!(runs("无占位", Face::Body, TEXT_SIZE).len(), 1);
        assert_eq!(runs("", Face::Body, TEXT_SIZE).len(), 1);
        assert_eq!(runs("共【待补充：数】条", Face::Body, TEXT_SIZE).len(), 3);
        assert_eq!(runs("【待审阅】文字", Face::Body, TEXT_SIZE).len(), 2);
        assert_eq!(runs("未闭合【待补充", Face::Body, TEXT_SIZE).len(), 2);
    }

    #[test]
    fn control_characters_do_not_reach_the_xml() {
        assert_eq!(clean("a\u{0}b\u{1b}c\u{FFFF}\td"), "a b c d");
    }

    #[test]
    fn columns_share_the_text_block_by_content() {
        let table = report::Table {
            title: String::new(),
            columns: vec!["编号".to_owned(), "事项".to_owned()],
            rows: vec![vec!["1".to_owned(), "很".repeat(50)]],
        };
        let widths = column_widths(&table);
        assert!(widths.iter().sum::<usize>() <= 8845);
        assert!(widths.iter().sum::<usize>() > 8800);
        // 编号 keeps room for its heading on one line, 事项 has the rest.
        assert_eq!(widths[0], 4 * HALF_WIDTH + CELL_PADDING, "{widths:?}");
        let numbers = report::Table {
            title: String::new(),
            columns: vec!["项目".to_owned(), "件数".to_owned()],
            rows: vec![vec!["收到".to_owned(), "0".to_owned()]],
        };
        assert_eq!(column_widths(&numbers), [4422, 4422]);
        let empty = report::Table {
            title: String::new(),
            columns: Vec::new(),
            rows: Vec::new(),
        };
        assert!(column_widths(&empty).is_empty());
    }
}
