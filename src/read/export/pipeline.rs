//! The two threads of reading a CSV export: this one reads records, in batches, while another
//! counts them, so that counting costs little more than reading. The batches are made once and
//! passed back and forth, so memory is a few batches, whatever the size of the file.

use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use crate::model::location::Location;
use crate::read::stream::{self, Text};

use super::count::Counter;

/// Records per batch handed from the reading thread to the counting thread.
const BATCH: usize = 1024;

/// Batches in all: one being read into, one waiting, one being counted. They are made once and
/// passed back and forth, so memory does not grow with the file.
const POOL: usize = 3;

/// Reads records on this thread and counts them on another, in batches, so that counting costs
/// little more than reading: the two overlap. The counting thread sees the records in file
/// order, so the result is the same as counting them one after another. `None` when a row is
/// not UTF-8 (read again as GB18030).
pub(super) fn pipeline<'e, R: Read>(
    file: &Arc<Path>,
    reader: &mut ::csv::Reader<R>,
    mut counter: Counter<'e>,
    kind: Text,
) -> io::Result<Option<Counter<'e>>> {
    use std::sync::mpsc::sync_channel;

    type Batch = Vec<::csv::ByteRecord>;
    let (full, to_count) = sync_channel::<(Batch, usize)>(1);
    let (empty, to_fill) = sync_channel::<Batch>(POOL);
    for _ in 0..POOL {
        // The channel has room for the whole pool.
        let _ = empty.send(vec![::csv::ByteRecord::new(); BATCH]);
    }
    std::thread::scope(|scope| {
        let counting = scope.spawn(move || {
            for (batch, filled) in to_count {
                for record in &batch[..filled] {
                    if record.iter().all(|f| f.trim_ascii().is_empty()) {
                        continue;
                    }
                    let offset = record
                        .position()
                        .and_then(|p| usize::try_from(p.byte()).ok())
                        .unwrap_or(0);
                    let at = |i| Location::field(file, offset, i);
                    if counter.row(|i| record.get(i), at, kind).is_err() {
                        // Dropping `empty` here stops the reader.
                        return None;
                    }
                }
                if empty.send(batch).is_err() {
                    break;
                }
            }
            Some(counter)
        });
        let read = (|| -> io::Result<()> {
            // Each batch comes back from the counting thread; none is left when it stopped.
            while let Ok(mut batch) = to_fill.recv() {
                let mut filled = 0;
                let mut done = false;
                while filled < BATCH {
                    match reader.read_byte_record(&mut batch[filled]) {
                        Ok(true) => filled += 1,
                        Ok(false) => {
                            done = true;
                            break;
                        }
                        Err(e) => {
                            if let Some(e) = stream::io_of(e) {
                                return Err(e);
                            }
                        }
                    }
                }
                if full.send((batch, filled)).is_err() || done {
                    break;
                }
            }
            Ok(())
        })();
        // The counting thread ends when the channel closes, even after a read error.
        drop(full);
        let result = match counting.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        read?;
        Ok(result)
    })
}
