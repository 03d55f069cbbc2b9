//! The package around the sheets: which part is the workbook (`_rels/.rels`), which sheets it
//! has, in order, what kind each is and where its part is (`xl/workbook.xml` and
//! `xl/_rels/workbook.xml.rels`), and its date system (`date1904`).

use std::collections::HashMap;
use std::io::BufRead;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::xml;

/// One sheet of the workbook.
pub(crate) struct Sheet {
    /// Its name, as its tab shows it.
    pub(crate) name: String,
    /// Its part in the zip.
    pub(crate) path: String,
    /// Whether it is a worksheet (not a chart or dialog sheet).
    pub(crate) worksheet: bool,
}

/// The sheets of a workbook and its date system.
pub(crate) struct Found {
    /// The sheets, in the workbook's order.
    pub(crate) sheets: Vec<Sheet>,
    /// Whether dates count from 1904.
    pub(crate) is_1904: bool,
}

/// A part's relationships: by id, the target and the type.
pub(crate) type Relationships = HashMap<String, (String, String)>;

/// The workbook part named by the package's relationships: its folder (`xl/`) and its file
/// name (`workbook.xml`).
pub(crate) fn main_part<R: BufRead>(xml: &mut Reader<R>) -> Result<(String, String), String> {
    let mut target = None;
    let mut buf = Vec::with_capacity(1024);
    let mut inside = false;
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "Relationships" => inside = true,
            Ok(Event::Start(e) | Event::Empty(e))
                if inside && e.local_name().as_ref() == "Relationship" =>
            {
                let raw = e.attributes_raw();
                let document = xml::attribute(raw, "Type")
                    .is_some_and(|t| t.ends_with("/relationships/officeDocument"));
                if let (true, Some(t)) = (document, xml::attribute(raw, "Target")) {
                    target = Some(xml::decoded(t)?.into_owned());
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "Relationships" => break,
            Ok(Event::Eof) => return Err(xml::eof("Relationships")),
            Err(e) => return Err(xml::error(&e)),
            _ => (),
        }
    }
    let target = target.ok_or_else(|| "Relationship not found".to_owned())?;
    let (folder, name) = match target.rfind('/') {
        Some(i) => target.split_at(i + 1),
        None => ("", target.as_str()),
    };
    let folder = folder.strip_prefix('/').unwrap_or(folder).to_owned();
    let name = if name.is_empty() {
        "workbook.xml"
    } else {
        name
    };
    Ok((folder, name.to_owned()))
}

/// The workbook's relationships.
pub(crate) fn relationships<R: BufRead>(xml: &mut Reader<R>) -> Result<Relationships, String> {
    let mut found = Relationships::new();
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let raw = e.attributes_raw();
                if let Some(id) = xml::attribute(raw, "Id") {
                    let target = xml::attribute(raw, "Target").unwrap_or_default();
                    let kind = xml::attribute(raw, "Type").unwrap_or_default();
                    found.insert(id.to_owned(), (target.to_owned(), kind.to_owned()));
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "Relationships" => {
                return Ok(found);
            }
            Ok(Event::Eof) => return Err(xml::eof("Relationships")),
            Err(e) => return Err(xml::error(&e)),
            _ => (),
        }
    }
}

/// The workbook's sheets, in order, and its date system.
pub(crate) fn workbook<R: BufRead>(
    xml: &mut Reader<R>,
    relationships: &Relationships,
    folder: &str,
) -> Result<Found, String> {
    let mut found = Found {
        sheets: Vec::new(),
        is_1904: false,
    };
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "sheet" => {
                let mut name = String::new();
                let mut id = "";
                for (key, value) in xml::attributes(e.attributes_raw()) {
                    match key {
                        "name" => name = xml::decoded(value)?.into_owned(),
                        "state" if !matches!(value, "visible" | "hidden" | "veryHidden") => {
                            return Err(format!("Unrecognized sheet:state: {value}"));
                        }
                        key if xml::local_is(key, "id") => id = value,
                        _ => (),
                    }
                }
                let (target, kind) = relationships
                    .get(id)
                    .ok_or_else(|| "Relationship not found".to_owned())?;
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_owned(),
                    None => format!("{folder}{target}"),
                };
                let worksheet = match kind.rsplit('/').next() {
                    Some("worksheet") => true,
                    Some("chartsheet" | "dialogsheet") => false,
                    _ => return Err(format!("Unrecognized sheet:type: {path}")),
                };
                found.sheets.push(Sheet {
                    name,
                    path,
                    worksheet,
                });
            }
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "workbookPr" => {
                if let Some(v) = xml::attribute(e.attributes_raw(), "date1904") {
                    found.is_1904 = v == "1" || v == "true";
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "workbook" => return Ok(found),
            Ok(Event::Eof) => return Err(xml::eof("workbook")),
            Err(e) => return Err(xml::error(&e)),
            _ => (),
        }
    }
}
