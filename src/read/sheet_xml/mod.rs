//! An `.xlsx` workbook read by our own code, in place of calamine's reader, which took twenty
//! times as long as the same rows as CSV (most of it making a `String` of each of millions of
//! shared strings, and its cell reader). The small parts are read with quick-xml; the two that
//! grow with the rows, a sheet's cells and the shared strings, with a tokenizer of our own
//! ([`scan`]) that reads straight from the zip entry.
//!
//! Opening reads what every sheet needs, as calamine did: the package's relationships
//! (`_rels/.rels`, which name the workbook part), the shared strings ([`strings`]), the
//! styles' number formats ([`styles`]), and the workbook's sheets, in order, with their parts
//! (`xl/workbook.xml` and its relationships). A sheet's cells are then streamed as its XML is
//! read ([`cells`]); its merged ranges are read only when asked. Whatever is wrong with the
//! file is an `Err` message, worded as calamine worded it; nothing is allocated from what the
//! file declares (a dimension, a count of strings). The two large parts are inflated on a
//! second thread while this one reads them ([`inflate`]).
//!
//! Old `.xls` workbooks are still read by calamine ([`super::workbook`]).

mod cells;
mod inflate;
mod merged;
mod package;
mod scan;
mod strings;
mod styles;
mod xml;

use std::collections::HashMap;
use std::io::{Read, Seek};
use std::ops::ControlFlow;

use calamine::Dimensions;
use zip::ZipArchive;
use zip::read::ZipFile;
use zip::result::ZipError;

pub(crate) use cells::CellValue;
use package::Sheet;
use scan::Scanner;
use strings::SharedStrings;
use styles::Styles;

/// An open `.xlsx` workbook.
pub(crate) struct XlsxBook<R: Read + Seek> {
    zip: ZipArchive<R>,
    /// The zip's entry names by their lower-case form (with `/`), as Excel finds its parts.
    names: HashMap<String, String>,
    sheets: Vec<Sheet>,
    strings: SharedStrings,
    styles: Styles,
    is_1904: bool,
}

impl<R: Read + Seek + Send> XlsxBook<R> {
    /// Opens a workbook: its sheets, shared strings and styles.
    pub(crate) fn open(reader: R) -> Result<XlsxBook<R>, String> {
        let zip = ZipArchive::new(reader).map_err(|e| zip_error(&e))?;
        let mut names = HashMap::with_capacity(zip.len());
        for name in zip.file_names() {
            let name = name.map_err(|e| zip_error(&e))?;
            names.insert(
                name.replace('\\', "/").to_ascii_lowercase(),
                name.into_owned(),
            );
        }
        let mut zip = zip;
        let (folder, workbook) = match part(&mut zip, &names, "_rels/.rels")? {
            Some(mut xml) => package::main_part(&mut xml)?,
            None => return Err("File not found '_rels/.rels'".to_owned()),
        };
        let strings = match entry(&mut zip, &names, &format!("{folder}sharedStrings.xml"))? {
            Some(entry) => inflate::piped(entry, |r| SharedStrings::read(&mut Scanner::new(r)))?,
            None => SharedStrings::default(),
        };
        let styles = match part(&mut zip, &names, &format!("{folder}styles.xml"))? {
            Some(mut xml) => Styles::read(&mut xml)?,
            None => Styles::default(),
        };
        let rels_path = format!("{folder}_rels/{workbook}.rels");
        let relationships = match part(&mut zip, &names, &rels_path)? {
            Some(mut xml) => package::relationships(&mut xml)?,
            None => return Err(format!("File not found '{rels_path}'")),
        };
        let found = match part(&mut zip, &names, &format!("{folder}{workbook}"))? {
            Some(mut xml) => package::workbook(&mut xml, &relationships, &folder)?,
            None => package::Found {
                sheets: Vec::new(),
                is_1904: false,
            },
        };
        let book = XlsxBook {
            zip,
            names,
            sheets: found.sheets,
            strings,
            styles,
            is_1904: found.is_1904,
        };
        Ok(book)
    }

    /// The names of the worksheets (not chart or dialog sheets), in the workbook's order.
    pub(crate) fn worksheets(&self) -> impl Iterator<Item = &str> {
        self.sheets
            .iter()
            .filter(|s| s.worksheet)
            .map(|s| s.name.as_str())
    }

    /// Hands every cell of sheet `name` that holds a value to `each` (row and column 0-based),
    /// in the order of the sheet's XML, until it says to stop.
    pub(crate) fn cells(
        &mut self,
        name: &str,
        each: impl FnMut(u32, u32, CellValue<'_>) -> ControlFlow<()>,
    ) -> Result<(), String> {
        let path = self.sheet_path(name)?;
        let context = cells::Context {
            strings: &self.strings,
            styles: &self.styles,
            is_1904: self.is_1904,
        };
        let Some(entry) = entry(&mut self.zip, &self.names, &path)? else {
            return Err(format!("Worksheet '{name}' not found"));
        };
        inflate::piped(entry, |r| cells::read(&mut Scanner::new(r), &context, each))
    }

    /// The merged ranges of sheet `name`.
    pub(crate) fn merged(&mut self, name: &str) -> Result<Vec<Dimensions>, String> {
        let path = self.sheet_path(name)?;
        match self.part(&path)? {
            Some(mut xml) => merged::read(&mut xml),
            None => Err(format!("Worksheet '{name}' not found")),
        }
    }

    fn sheet_path(&self, name: &str) -> Result<String, String> {
        self.sheets
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.path.clone())
            .ok_or_else(|| format!("Worksheet '{name}' not found"))
    }

    /// An XML reader over a part of the package; `None` if there is no such part.
    fn part(&mut self, path: &str) -> Result<Option<xml::Xml<ZipFile<'_, R>>>, String> {
        part(&mut self.zip, &self.names, path)
    }
}

/// An XML reader over the part at `path`; `None` if there is no such part.
fn part<'z, R: Read + Seek>(
    zip: &'z mut ZipArchive<R>,
    names: &HashMap<String, String>,
    path: &str,
) -> Result<Option<xml::Xml<ZipFile<'z, R>>>, String> {
    Ok(entry(zip, names, path)?.map(xml::reader))
}

/// The part at `path` (found without regard to case, as Excel finds it); `None` if there is no
/// such part.
fn entry<'z, R: Read + Seek>(
    zip: &'z mut ZipArchive<R>,
    names: &HashMap<String, String>,
    path: &str,
) -> Result<Option<ZipFile<'z, R>>, String> {
    let name = names
        .get(&path.to_ascii_lowercase())
        .map_or(path, String::as_str);
    match zip.by_name(name) {
        Ok(entry) => Ok(Some(entry)),
        Err(ZipError::FileNotFound) => Ok(None),
        Err(e) => Err(zip_error(&e)),
    }
}

fn zip_error(e: &ZipError) -> String {
    format!("Zip error: {e}")
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Write};

    use zip::write::SimpleFileOptions;

    use super::*;

    const RELS: &str = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

    const WORKBOOK_RELS: &str = r#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#;

    const WORKBOOK: &str = r#"<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="数据 &amp; 表" sheetId="1" r:id="rId3"/><sheet name="图" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="3" r:id="rId1" state="hidden"/></sheets></workbook>"#;

    const STYLES: &str =
        r#"<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>"#;

    const SHEET: &str = r#"<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>"#;

    /// A workbook of the given parts, zipped.
    fn zipped(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in parts {
            zip.start_file(*name, options).unwrap();
            zip.write_all(text.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn book() -> Vec<(&'static str, &'static str)> {
        vec![
            ("_rels/.rels", RELS),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/styles.xml", STYLES),
            ("xl/sharedStrings.xml", "<sst><si><t>值</t></si></sst>"),
            // Found without regard to case, as Excel finds its parts.
            ("XL/Worksheets/Sheet2.xml", SHEET),
        ]
    }

    #[test]
    fn a_workbook_has_its_worksheets_in_order_strings_styles_and_date_system() {
        let mut book = XlsxBook::open(Cursor::new(zipped(&book()))).unwrap();
        assert_eq!(book.worksheets().collect::<Vec<_>>(), ["数据 & 表", "说明"]);
        let mut cells = Vec::new();
        book.cells("数据 & 表", |row, column, value| {
            cells.push(match value {
                CellValue::Date(d) => format!("{row},{column} {:?}", d.to_ymd_hms_milli()),
                other => format!("{row},{column} {other:?}"),
            });
            ControlFlow::Continue(())
        })
        .unwrap();
        // Day 0 of the 1904 date system.
        assert_eq!(cells, ["0,0 (1904, 1, 1, 0, 0, 0, 0)", "0,1 Text(\"值\")"]);
        assert_eq!(
            book.merged("数据 & 表").unwrap(),
            [Dimensions {
                start: (0, 0),
                end: (0, 1)
            }]
        );
        let none = |_: u32, _: u32, _: CellValue<'_>| ControlFlow::Continue(());
        assert_eq!(
            book.cells("说明", none).unwrap_err(),
            "Worksheet '说明' not found"
        );
        assert_eq!(
            book.cells("其他", none).unwrap_err(),
            "Worksheet '其他' not found"
        );
    }

    #[test]
    fn a_package_without_its_parts_is_an_error() {
        for (missing, message) in [
            ("_rels/.rels", "File not found '_rels/.rels'"),
            (
                "xl/_rels/workbook.xml.rels",
                "File not found 'xl/_rels/workbook.xml.rels'",
            ),
        ] {
            let parts: Vec<_> = book().into_iter().filter(|(n, _)| *n != missing).collect();
            let opened = XlsxBook::open(Cursor::new(zipped(&parts)));
            assert_eq!(opened.err().as_deref(), Some(message), "{missing}");
        }
        let mut parts = book();
        parts[4] = ("xl/sharedStrings.xml", "<sst><si><t>cut");
        let opened = XlsxBook::open(Cursor::new(zipped(&parts)));
        assert_eq!(
            opened.err().as_deref(),
            Some("Unexpected end of xml, expecting '</t>'")
        );
        let opened = XlsxBook::open(Cursor::new(b"not a zip".to_vec()));
        assert!(opened.err().is_some_and(|e| e.starts_with("Zip error: ")));
    }
}
