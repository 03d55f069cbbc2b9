//! Finding rows that repeat an earlier row of the same export (D408), in bounded memory.
//!
//! A row is remembered by a fingerprint, a 64-bit hash of its link (or of its date, item and
//! title when it has no link). The finder keeps the fingerprints of the last
//! [`DUPLICATE_WINDOW`] to twice that many distinct rows, in two generations, so a duplicate is
//! found when it comes within that many rows of its twin — always, in an export of a university
//! year's size, and for the rows listed together in larger ones — and memory does not grow with
//! the file.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Rows remembered per generation of the duplicate finder.
pub const DUPLICATE_WINDOW: usize = 1 << 16;

/// A hasher for values that are already hashes.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Fingerprints = HashSet<u64, BuildHasherDefault<Identity>>;

/// Remembers recent rows, in two generations of at most [`DUPLICATE_WINDOW`] each.
pub(super) struct Seen {
    current: Fingerprints,
    previous: Fingerprints,
}

impl Seen {
    /// Both generations are made at their full size once and cleared in turn, never grown or
    /// dropped, so the finder takes the same memory for a thousand rows as for ten million.
    pub(super) fn new() -> Self {
        let table = || {
            Fingerprints::with_capacity_and_hasher(DUPLICATE_WINDOW, BuildHasherDefault::default())
        };
        Seen {
            current: table(),
            previous: table(),
        }
    }

    /// Whether `print` was seen; remembers it.
    pub(super) fn repeat(&mut self, print: u64) -> bool {
        if self.previous.contains(&print) {
            return true;
        }
        if self.current.len() >= DUPLICATE_WINDOW && !self.current.contains(&print) {
            std::mem::swap(&mut self.current, &mut self.previous);
            self.current.clear();
            if self.previous.contains(&print) {
                return true;
            }
        }
        !self.current.insert(print)
    }
}

/// A 64-bit fingerprint of `bytes`, seeded: a multiply-xorshift hash over 8-byte words, much
/// cheaper than `SipHash` and plenty to tell rows apart (a collision would merge two rows one time
/// in 2^64).
pub(super) fn fingerprint(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K);
        h ^= h >> 29;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_duplicate_finder_forgets_only_beyond_its_window() {
        let mut seen = Seen::new();
        assert!(!seen.repeat(1));
        assert!(seen.repeat(1));
        for n in 2..=(DUPLICATE_WINDOW as u64) {
            assert!(!seen.repeat(n));
        }
        // 1 is in the previous generation now, still found.
        assert!(seen.repeat(1));
        for n in 0..=(DUPLICATE_WINDOW as u64) {
            seen.repeat(1_000_000 + n);
        }
        assert!(!seen.repeat(1), "two generations later it is forgotten");
        assert!(seen.current.len() + seen.previous.len() <= 2 * DUPLICATE_WINDOW);
    }
}
