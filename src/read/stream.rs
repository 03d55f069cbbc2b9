//! Reading a text file as a stream in the right encoding, without holding it in memory.
//!
//! The rule is [`crate::model::decode`]'s: a byte-order mark decides; otherwise UTF-8 if the whole file
//! is UTF-8; otherwise GB18030, with a warning (D111). A stream cannot know in advance that the
//! whole file is UTF-8, so a reader first reads the raw bytes as UTF-8 and gives up at the first
//! bytes that are not (returning `None`); the file is then read again, decoded from GB18030.
//! What a pass found is kept only when the pass completes.
//!
//! Both kinds of CSV file, a department's tables and a platform's export, are read through the
//! one CSV reader, [`csv_records`], and checked for a quote never closed by [`unclosed_quote`].

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::Problem;
use crate::model::location::Location;
use crate::read::progress::{self, Counted};
use crate::read::records::{Broken, MAX_RECORD, Records};

/// How a pass reads the stream.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Text {
    /// Raw bytes that should be UTF-8: give up (return `None`) at the first that are not.
    Utf8,
    /// Bytes decoded to UTF-8 from another encoding: give up if the decoder had to replace
    /// anything (U+FFFD).
    Decoded,
}

/// Runs `pass` over the file's text, in the encoding the rule picks; reports D111 when the file
/// was read as GB18030 and D112 when it could not be read at all (and then returns `None`).
pub(crate) fn read_text<T>(
    file: &Arc<Path>,
    diags: &mut Diagnostics,
    mut pass: impl FnMut(Box<dyn Read>, Text) -> io::Result<Option<T>>,
) -> Result<Option<T>, Error> {
    let io_error = |source| Error::Read {
        path: file.to_path_buf(),
        source,
    };
    let mut head = [0u8; 4];
    let n = read_prefix(file, &mut head).map_err(io_error)?;
    let open = |encoding: Option<&'static encoding_rs::Encoding>| -> io::Result<Box<dyn Read>> {
        progress::progress().start_file(file);
        let raw = Counted(File::open(file)?);
        Ok(match encoding {
            None => Box::new(raw),
            Some(encoding) => Box::new(
                DecodeReaderBytesBuilder::new()
                    .encoding(Some(encoding))
                    .bom_sniffing(true)
                    .strip_bom(true)
                    .build(raw),
            ),
        })
    };
    let by_bom = encoding_rs::Encoding::for_bom(&head[..n]).map(|(encoding, _)| encoding);
    let found = match by_bom {
        Some(encoding) => pass(open(Some(encoding)).map_err(io_error)?, Text::Decoded),
        None => match pass(open(None).map_err(io_error)?, Text::Utf8) {
            Ok(None) => {
                let found = pass(
                    open(Some(encoding_rs::GB18030)).map_err(io_error)?,
                    Text::Decoded,
                );
                if matches!(found, Ok(Some(_))) {
                    let problem = Problem::NotUtf8 {
                        encoding: crate::model::decode::Encoding::Gb18030.name(),
                    };
                    diags.push(problem, Location::file(file));
                }
                found
            }
            other => other,
        },
    }
    .map_err(io_error)?;
    if found.is_none() {
        diags.push(Problem::Undecodable, Location::file(file));
    }
    Ok(found)
}

fn read_prefix(file: &Path, head: &mut [u8]) -> io::Result<usize> {
    let mut f = File::open(file)?;
    let mut n = 0;
    while n < head.len() {
        match f.read(&mut head[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// The CSV records of a pass over a text.
pub(crate) type CsvRecords = Records<Box<dyn Read>>;

/// The reader every CSV file is read with: records of any length (a short or long row is a
/// finding, not a failure), each with its offset, and a quote never closed noticed on the way
/// (see [`super::records`]). The first record that is not blank is the header; the caller finds
/// it.
pub(crate) fn csv_records(text: Box<dyn Read>) -> CsvRecords {
    Records::new(text)
}

/// After the whole file was read: the finding for a quote never closed (or a record too long to
/// be one), if there is one. The csv crate would read such a quote as one field running to the
/// end of the file, so whatever the pass found after it means nothing.
pub(crate) fn unclosed_quote(
    file: &Arc<Path>,
    records: &CsvRecords,
) -> Option<(Problem, Location)> {
    let (message, at) = match records.broken()? {
        Broken::Unclosed(at) => (
            "a quoted field is never closed (a `\"` is missing)".to_owned(),
            at,
        ),
        Broken::TooLong(at) => (
            format!(
                "a record longer than {} MiB; it is not read, nor anything after it",
                MAX_RECORD >> 20
            ),
            at,
        ),
    };
    Some((
        Problem::CsvSyntax { message },
        Location::span(file, at..at + 1),
    ))
}
