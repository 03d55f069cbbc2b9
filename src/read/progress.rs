//! How far reading has got: the bytes of the year's files read so far, and the file being
//! read, for a progress line that the binary may draw on a terminal during a long run.
//!
//! Reading updates one process-wide record as it goes (a few atomic additions per buffer read,
//! nothing per row); whoever draws the line looks at it from another thread. The library never
//! prints anything itself.

use std::io::{self, Read};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// The reading progress of this process.
pub struct Progress {
    /// Bytes of the year's files, all told.
    total: AtomicU64,
    /// Bytes of the files already read.
    finished: AtomicU64,
    /// Bytes of the current file read so far (in its latest pass).
    current: AtomicU64,
    /// The current file's name.
    file: Mutex<String>,
}

/// What [`Progress::now`] shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// Bytes read, of [`Snapshot::total`].
    pub done: u64,
    /// Bytes of the year's files.
    pub total: u64,
    /// The file being read.
    pub file: String,
}

static PROGRESS: Progress = Progress {
    total: AtomicU64::new(0),
    finished: AtomicU64::new(0),
    current: AtomicU64::new(0),
    file: Mutex::new(String::new()),
};

/// This process's reading progress.
pub fn progress() -> &'static Progress {
    &PROGRESS
}

impl Progress {
    /// How far reading has got.
    pub fn now(&self) -> Snapshot {
        let total = self.total.load(Ordering::Relaxed);
        let done = self.finished.load(Ordering::Relaxed) + self.current.load(Ordering::Relaxed);
        let file = self.file.lock().map(|f| f.clone()).unwrap_or_default();
        Snapshot {
            done: done.min(total),
            total,
            file,
        }
    }

    /// A year of `total` bytes starts.
    pub(crate) fn start_year(&self, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.finished.store(0, Ordering::Relaxed);
        self.current.store(0, Ordering::Relaxed);
    }

    /// Reading `file` starts (or starts again, for a second pass in another encoding).
    pub(crate) fn start_file(&self, file: &Path) {
        self.current.store(0, Ordering::Relaxed);
        if let Ok(mut name) = self.file.lock() {
            name.clear();
            if let Some(n) = file.file_name() {
                name.push_str(&n.to_string_lossy());
            }
        }
    }

    /// The current file is read, all `size` bytes of it.
    pub(crate) fn finish_file(&self, size: u64) {
        self.current.store(0, Ordering::Relaxed);
        self.finished.fetch_add(size, Ordering::Relaxed);
    }
}

/// A reader that adds what it reads to the current file's progress.
pub(crate) struct Counted<R>(pub(crate) R);

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.read(buf)?;
        PROGRESS.current.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

impl<R: io::Seek> io::Seek for Counted<R> {
    fn seek(&mut self, to: io::SeekFrom) -> io::Result<u64> {
        self.0.seek(to)
    }
}
