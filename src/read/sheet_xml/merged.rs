//! A worksheet's merged ranges (`<mergeCells><mergeCell ref="A3:A5"/>`), read from its XML
//! only when they are asked for.

use std::io::BufRead;

use calamine::Dimensions;
use quick_xml::Reader;
use quick_xml::events::Event;

use super::cells::reference;
use super::xml;

/// The merged ranges of a sheet; an error for a range that is not one.
pub(crate) fn read<R: BufRead>(xml: &mut Reader<R>) -> Result<Vec<Dimensions>, String> {
    let mut ranges = Vec::new();
    let mut inside = false;
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "mergeCells" => inside = true,
            Ok(Event::Start(e) | Event::Empty(e))
                if inside && e.local_name().as_ref() == "mergeCell" =>
            {
                if let Some(r) = xml::attribute(e.attributes_raw(), "ref") {
                    ranges.push(range(r)?);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == "mergeCells" => return Ok(ranges),
            Ok(Event::Eof) => return Ok(ranges),
            Err(e) => return Err(xml::error(&e)),
            _ => (),
        }
    }
}

/// A range (`A3:A5`, or one cell `B2`).
fn range(r: &str) -> Result<Dimensions, String> {
    let cell = |c: &str| -> Result<(u32, u32), String> {
        let (row, column) = reference(c.as_bytes())?;
        Ok((
            row,
            column.ok_or("Range is missing the expected column component.")?,
        ))
    };
    let mut parts = r.split(':');
    let start = cell(parts.next().unwrap_or_default())?;
    let end = match parts.next() {
        Some(end) => cell(end)?,
        None => start,
    };
    if parts.next().is_some() {
        return Err(format!(
            "Range dimension must be lower than 2. Got {}",
            r.split(':').count()
        ));
    }
    Ok(Dimensions { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_ranges_are_read_from_the_sheet() {
        let sheet = concat!(
            r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>"#,
            r#"<mergeCells count="2"><mergeCell ref="A3:A5"/><mergeCell ref="B2"/></mergeCells></worksheet>"#
        );
        let ranges = read(&mut xml::reader(sheet.as_bytes())).unwrap();
        assert_eq!(
            ranges,
            [
                Dimensions {
                    start: (2, 0),
                    end: (4, 0)
                },
                Dimensions {
                    start: (1, 1),
                    end: (1, 1)
                }
            ]
        );
        let bad = "<worksheet><mergeCells><mergeCell ref=\"A1:B2:C3\"/></mergeCells></worksheet>";
        assert!(read(&mut xml::reader(bad.as_bytes())).is_err());
    }
}
