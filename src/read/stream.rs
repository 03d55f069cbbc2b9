//! Reading a text file as a stream in the right encoding, without holding it in memory.
//!
//! The rule is [`crate::model::decode`]'s: a byte-order mark decides; otherwise UTF-8 if the whole file
//! is UTF-8; otherwise GB18030, with a warning (D111). A stream cannot know in advance that the
//! whole file is UTF-8, so a reader first reads the raw bytes as UTF-8 and gives up at the first
//! bytes that are not (returning `None`); the file is then read again, decoded from GB18030.
//! What a pass found is kept only when the pass completes.
//!
//! Both kinds of CSV file, a department's tables and a platform's export, are read through the
//! one CSV reader [`csv_reader`] sets up, and checked for a quote never closed by
//! [`unclosed_quote`].

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use encoding_rs_io::DecodeReaderBytesBuilder;

use crate::findings::diagnostic::Diagnostics;
use crate::findings::error::Error;
use crate::findings::problem::Problem;
use crate::model::location::Location;
use crate::read::quotes::QuoteWatch;

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
        let raw = File::open(file)?;
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

/// The CSV reader of a pass over a text.
pub(crate) type CsvReader = ::csv::Reader<QuoteWatch<Box<dyn Read>>>;

/// The CSV reader every CSV file is read with: no header row (the first record that is not
/// blank is the header, and the caller finds it), records of any length (a short or long row is
/// a finding, not a failure), a buffer large enough for exports of millions of rows, and a
/// [`QuoteWatch`] between the text and the reader to notice a quote never closed.
pub(crate) fn csv_reader(text: Box<dyn Read>) -> CsvReader {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(QuoteWatch::new(text))
}

/// After the whole file was read: the finding for a quote never closed, if there is one. The
/// csv crate reads such a quote as one field running to the end of the file, so whatever the
/// pass found after it means nothing.
pub(crate) fn unclosed_quote(file: &Arc<Path>, reader: CsvReader) -> Option<(Problem, Location)> {
    let at = reader.into_inner().unclosed()?;
    let problem = Problem::CsvSyntax {
        message: "a quoted field is never closed (a `\"` is missing)".to_owned(),
    };
    Some((problem, Location::span(file, at..at + 1)))
}

/// A CSV read error as an I/O error, for the ones that are.
pub(crate) fn io_of(error: ::csv::Error) -> Option<io::Error> {
    if !error.is_io_error() {
        return None;
    }
    match error.into_kind() {
        ::csv::ErrorKind::Io(e) => Some(e),
        _ => None,
    }
}
