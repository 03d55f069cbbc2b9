//! A zip entry inflated on a thread of its own while the calling thread reads its XML.
//!
//! Inflating a large part (a sheet's cells, the shared strings) takes about a fifth of the time
//! of reading it. Done on a second thread, it overlaps the tokenizing: the time a user waits
//! falls, the processor time does not. The inflating thread fills a few buffers of a fixed size
//! and hands each over a bounded channel; the reader hands each back once it has read it, so
//! memory stays at those few buffers however large the part is. The bytes and any error reach
//! the reader in the order the entry gives them, so what is read (and what is reported) is what
//! reading on one thread gives. If no thread can be started, the entry is read on this one.

use std::io::{self, Read};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::thread;

/// The size of each buffer.
const CHUNK: usize = 1 << 18;

/// How many buffers there are: one being filled, one being read, and some in between.
const BUFFERS: usize = 4;

/// Runs `read` on the bytes of `entry`, inflated on a second thread.
pub(crate) fn piped<E, T>(entry: E, read: impl FnOnce(&mut dyn Read) -> T) -> T
where
    E: Read + Send,
{
    // Where the thread takes the entry from, and where it is still found if no thread starts.
    let slot = Mutex::new(Some(entry));
    let left = thread::scope(|scope| {
        let (full_tx, full_rx) = sync_channel::<io::Result<Vec<u8>>>(BUFFERS);
        let (empty_tx, empty_rx) = channel::<Vec<u8>>();
        let slot = &slot;
        let spawned = thread::Builder::new()
            .name("inflate".to_owned())
            .spawn_scoped(scope, move || {
                let taken = slot.lock().ok().and_then(|mut s| s.take());
                if let Some(mut entry) = taken {
                    inflate(&mut entry, &empty_rx, &full_tx);
                }
            });
        if spawned.is_err() {
            return Err(read);
        }
        for _ in 0..BUFFERS {
            // The inflating thread holds the receiver until it has ended.
            let _ = empty_tx.send(Vec::with_capacity(CHUNK));
        }
        let mut pipe = Pipe {
            full: full_rx,
            empty: empty_tx,
            chunk: Vec::new(),
            at: 0,
            done: false,
        };
        // The pipe is dropped before the scope waits for the thread, which then stops at its
        // next hand-over.
        Ok(read(&mut pipe))
    });
    match left {
        Ok(done) => done,
        Err(read) => {
            let entry = slot.into_inner().ok().flatten();
            match entry {
                Some(mut entry) => read(&mut entry),
                None => read(&mut io::empty()),
            }
        }
    }
}

/// The inflating thread: fills each buffer it is given from `entry` and sends it on, until the
/// entry ends, fails, or the reader has gone.
fn inflate(
    entry: &mut impl Read,
    empty: &Receiver<Vec<u8>>,
    full: &SyncSender<io::Result<Vec<u8>>>,
) {
    while let Ok(mut buf) = empty.recv() {
        // Zeroed once: a buffer comes back as long as it went, but for the last.
        buf.resize(CHUNK, 0);
        let mut len = 0;
        let failed = loop {
            match entry.read(&mut buf[len..]) {
                Ok(0) => break None,
                Ok(n) => {
                    len += n;
                    if len == CHUNK {
                        break None;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => (),
                Err(e) => break Some(e),
            }
        };
        buf.truncate(len);
        let ended = len < CHUNK;
        if (len > 0 && full.send(Ok(buf)).is_err()) || ended {
            if let Some(e) = failed {
                let _ = full.send(Err(e));
            }
            return;
        }
    }
}

/// The reader's end: the bytes of the buffers as they come.
struct Pipe {
    full: Receiver<io::Result<Vec<u8>>>,
    empty: Sender<Vec<u8>>,
    /// The buffer being read.
    chunk: Vec<u8>,
    /// How far it has been read.
    at: usize,
    /// Whether the entry has ended (or failed, its error given once).
    done: bool,
}

impl Read for Pipe {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.at == self.chunk.len() {
            if self.done {
                return Ok(0);
            }
            let read = std::mem::take(&mut self.chunk);
            if read.capacity() > 0 {
                let _ = self.empty.send(read);
            }
            self.at = 0;
            match self.full.recv() {
                Ok(Ok(chunk)) => self.chunk = chunk,
                Ok(Err(e)) => {
                    self.done = true;
                    return Err(e);
                }
                // The thread has sent all there is.
                Err(_) => self.done = true,
            }
        }
        let n = out.len().min(self.chunk.len() - self.at);
        out[..n].copy_from_slice(&self.chunk[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives `len` bytes counting up, a few at a time, then fails if told to.
    struct Counting {
        len: usize,
        at: usize,
        fail: bool,
    }

    impl Read for Counting {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            if self.at == self.len {
                return if self.fail {
                    Err(io::Error::other("bad entry"))
                } else {
                    Ok(0)
                };
            }
            let n = out.len().min(self.len - self.at).min(1000);
            for (i, b) in out[..n].iter_mut().enumerate() {
                *b = byte(self.at + i);
            }
            self.at += n;
            Ok(n)
        }
    }

    /// Byte `i` of what [`Counting`] gives.
    fn byte(i: usize) -> u8 {
        u8::try_from(i % 251).unwrap_or_default()
    }

    fn expected(len: usize) -> Vec<u8> {
        (0..len).map(byte).collect()
    }

    #[test]
    fn the_bytes_come_through_whole_and_in_order() {
        for len in [
            0,
            1,
            CHUNK - 1,
            CHUNK,
            CHUNK + 1,
            3 * CHUNK + 17,
            11 * CHUNK,
        ] {
            let entry = Counting {
                len,
                at: 0,
                fail: false,
            };
            let got = piped(entry, |r| {
                let mut all = Vec::new();
                r.read_to_end(&mut all).map(|_| all)
            });
            assert!(got.unwrap() == expected(len), "{len} bytes");
        }
    }

    #[test]
    fn an_error_comes_after_the_bytes_before_it() {
        let len = 2 * CHUNK + 5;
        let entry = Counting {
            len,
            at: 0,
            fail: true,
        };
        let (bytes, error) = piped(entry, |r| {
            let mut all = vec![0; len];
            let whole = r.read_exact(&mut all).map(|()| all);
            let mut more = [0; 8];
            (whole, r.read(&mut more).map_err(|e| e.to_string()))
        });
        assert!(bytes.unwrap() == expected(len));
        assert_eq!(error, Err("bad entry".to_owned()));
    }

    #[test]
    fn a_reader_may_stop_early() {
        let entry = Counting {
            len: 20 * CHUNK,
            at: 0,
            fail: false,
        };
        let first = piped(entry, |r| {
            let mut one = [0; 3];
            r.read_exact(&mut one).map(|()| one)
        });
        assert_eq!(first.unwrap(), [0, 1, 2]);
    }
}
