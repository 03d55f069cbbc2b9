//! Finding rows that repeat an earlier row of the same export (D408), in bounded memory.
//!
//! A row is remembered by a fingerprint, a 64-bit hash of its link (or of its date, item and
//! title when it has no link). The finder keeps the fingerprints of the last
//! [`DUPLICATE_WINDOW`] to twice that many distinct rows, in two generations, so a duplicate is
//! found when it comes within that many rows of its twin — always, in an export of a university
//! year's size, and for the rows listed together in larger ones — and memory does not grow with
//! the file.
//!
//! Every row asks the finder once, and the fingerprints of two generations do not fit in a
//! core's cache, so the finder is built to wait for memory as little as possible:
//!
//! - the two generations share one open-addressing table of slot pairs (linear probing, a
//!   pair's first slot for one generation and its second for the other), so that looking a
//!   fingerprint up in both reads one cache line, not the four of two hash sets;
//! - a small filter in front of it, two bits per entry (one per generation, a bit set for every
//!   fingerprint the generation holds), says for most new rows that they are new without
//!   reading the table: a bit never set means the fingerprint is in neither generation;
//! - such rows are written to the table in batches, whose cache lines are fetched together
//!   first, instead of one row at a time waiting for each.
//!
//! Only a row whose bit is set (a repeat, or about one row in eight that shares its bit with
//! another) reads the table at once. Turning a generation over swaps which slot and bit of each
//! entry is whose, and empties the newer one's.

/// Rows remembered per generation of the duplicate finder.
pub const DUPLICATE_WINDOW: usize = 1 << 16;

/// Slot pairs in the table: twice the window, so that a full generation fills half its slots.
const SLOTS: usize = 2 * DUPLICATE_WINDOW;

/// Entries of the filter, two bits each: sixteen times the window, so that a full generation
/// has one entry in sixteen set.
const MARKS: usize = 16 * DUPLICATE_WINDOW;

/// New rows written to the table at a time.
const BATCH: usize = 32;

/// A slot no fingerprint is in.
const EMPTY: u64 = 0;

/// What is stored for the fingerprint 0, which would read as an empty slot.
const ZERO: u64 = 0x9E37_79B9_7F4A_7C15;

/// One generation: which slot of each pair (and bit of each filter entry) is its own, and how
/// many fingerprints it holds.
#[derive(Clone, Copy)]
struct Generation {
    side: usize,
    len: usize,
}

impl Generation {
    /// The number of fingerprints remembered.
    fn len(self) -> usize {
        self.len
    }
}

/// Remembers recent rows, in two generations of at most [`DUPLICATE_WINDOW`] each.
pub(super) struct Seen {
    /// The table, made once at its full size.
    slots: Vec<[u64; 2]>,
    /// The filter: entry `i` is bits `2i` (side 0) and `2i + 1` (side 1), 32 entries a word.
    marks: Vec<u64>,
    /// Fingerprints of the current generation not yet in `slots` (their bits are set).
    pending: Vec<u64>,
    current: Generation,
    previous: Generation,
}

impl Seen {
    /// The table and the filter are made at their full size once and their halves cleared in
    /// turn, never grown or dropped, so the finder takes the same memory for a thousand rows as
    /// for ten million.
    pub(super) fn new() -> Self {
        Seen {
            slots: vec![[EMPTY; 2]; SLOTS],
            marks: vec![0; MARKS / 32],
            pending: Vec::with_capacity(BATCH),
            current: Generation { side: 0, len: 0 },
            previous: Generation { side: 1, len: 0 },
        }
    }

    /// Starts fetching what [`Seen::repeat`] will read for `print` (its filter entry and its
    /// slots), so that asking a little later does not wait for memory.
    pub(super) fn prefetch(&self, print: u64) {
        let print = if print == EMPTY { ZERO } else { print };
        let (word, _) = mark(print);
        prefetch(&self.marks[word]);
        prefetch(&self.slots[home(print)]);
    }

    /// Whether `print` was seen; remembers it.
    pub(super) fn repeat(&mut self, print: u64) -> bool {
        let print = if print == EMPTY { ZERO } else { print };
        let (word, shift) = mark(print);
        if self.marks[word] >> shift & 0b11 != 0 {
            self.settle();
            if self.find(print) {
                return true;
            }
        }
        // In neither generation: remembered in the current one.
        if self.current.len() >= DUPLICATE_WINDOW {
            self.turn_over();
        }
        self.marks[word] |= 1 << (shift + self.current.side);
        self.current.len += 1;
        self.pending.push(print);
        if self.pending.len() == BATCH {
            self.settle();
        }
        false
    }

    /// Whether `print` is in either generation's slots.
    fn find(&self, print: u64) -> bool {
        let (cur, prev) = (self.current.side, self.previous.side);
        let (mut in_current, mut in_previous) = (true, true);
        let mut i = home(print);
        while in_current || in_previous {
            let pair = self.slots[i];
            if (in_current && pair[cur] == print) || (in_previous && pair[prev] == print) {
                return true;
            }
            in_current &= pair[cur] != EMPTY;
            in_previous &= pair[prev] != EMPTY;
            i = (i + 1) % SLOTS;
        }
        false
    }

    /// Writes the pending fingerprints to the current generation's slots.
    fn settle(&mut self) {
        let side = self.current.side;
        // Fetch their cache lines together: loads that nothing waits on are all under way at
        // once, so the writes below find the lines in the cache.
        let fetched = self
            .pending
            .iter()
            .fold(0, |acc, &print| acc ^ self.slots[home(print)][side]);
        std::hint::black_box(fetched);
        for print in self.pending.drain(..) {
            let mut i = home(print);
            while self.slots[i][side] != EMPTY {
                i = (i + 1) % SLOTS;
            }
            self.slots[i][side] = print;
        }
    }

    /// The previous generation is forgotten; the current one becomes it.
    fn turn_over(&mut self) {
        self.settle();
        std::mem::swap(&mut self.current, &mut self.previous);
        self.current.len = 0;
        let side = self.current.side;
        for pair in &mut self.slots {
            pair[side] = EMPTY;
        }
        let keep = !(0x5555_5555_5555_5555 << side);
        for word in &mut self.marks {
            *word &= keep;
        }
    }
}

/// Asks the processor to bring `value`'s cache line in, without waiting for it.
#[inline]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing and cannot fault; SSE, which has it, is part of x86_64.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(value).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Where a fingerprint's run of slots starts. Fingerprints are hashes already, but the finder
/// is given any numbers (its tests count 1, 2, 3 …), so they are mixed once more.
fn home(print: u64) -> usize {
    top_bits(print.wrapping_mul(0x9E37_79B9_7F4A_7C15), SLOTS)
}

/// A fingerprint's filter entry: its word and the shift of its two bits, from bits of the
/// fingerprint mixed apart from the ones [`home`] takes (another multiplier, its top bits).
fn mark(print: u64) -> (usize, usize) {
    let entry = top_bits(print.wrapping_mul(0xC2B2_AE3D_27D4_EB4F), MARKS);
    (entry / 32, 2 * (entry % 32))
}

/// The top bits of `mixed`, as many as index `n` things (a power of two).
fn top_bits(mixed: u64, n: usize) -> usize {
    // The shift leaves fewer bits than `n` has, so this fits in a usize.
    #[allow(clippy::cast_possible_truncation)]
    let index = (mixed >> (64 - n.trailing_zeros())) as usize;
    index
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

    /// The finder as it was first written, two hash sets: the table of pairs must answer as it
    /// does, row for row.
    struct TwoSets {
        current: std::collections::HashSet<u64>,
        previous: std::collections::HashSet<u64>,
    }

    impl TwoSets {
        fn repeat(&mut self, print: u64) -> bool {
            if self.previous.contains(&print) {
                return true;
            }
            if self.current.len() >= DUPLICATE_WINDOW && !self.current.contains(&print) {
                std::mem::swap(&mut self.current, &mut self.previous);
                self.current.clear();
            }
            !self.current.insert(print)
        }
    }

    #[test]
    fn the_duplicate_finder_answers_as_two_hash_sets_would() {
        let mut seen = Seen::new();
        let mut sets = TwoSets {
            current: std::collections::HashSet::new(),
            previous: std::collections::HashSet::new(),
        };
        // Rows repeating rows 1 to 3 windows back, over several turns of the generations,
        // with 0 among the fingerprints.
        let mut state = 1u64;
        let mut rows = Vec::new();
        let mut repeats = 0;
        for n in 0..5 * DUPLICATE_WINDOW as u64 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let back = state % (3 * DUPLICATE_WINDOW as u64);
            let print = if state.is_multiple_of(7) && back < n {
                rows[usize::try_from(n - back).unwrap()]
            } else {
                fingerprint(0, &n.to_le_bytes()) * u64::from(n != 12_345)
            };
            rows.push(print);
            let found = seen.repeat(print);
            assert_eq!(found, sets.repeat(print), "row {n}");
            repeats += usize::from(found);
        }
        assert!(repeats > DUPLICATE_WINDOW / 4, "{repeats} repeats");
    }
}
