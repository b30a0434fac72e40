//! A fast hasher for the maps and sets of per-document analyses, which hash many short keys (words,
//! indices): std's SipHash costs more than the lookups themselves there. The seed is random per
//! process, like std's, so iteration order is no more predictable than before.

use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;

/// A `HashMap` with [`FastState`].
pub type FastMap<K, V> = HashMap<K, V, FastState>;
/// A `HashSet` with [`FastState`].
pub type FastSet<T> = HashSet<T, FastState>;

/// Builds [`FastHasher`]s seeded once per process.
#[derive(Clone, Copy, Debug, Default)]
pub struct FastState;

impl BuildHasher for FastState {
    type Hasher = FastHasher;

    fn build_hasher(&self) -> FastHasher {
        static SEED: OnceLock<u64> = OnceLock::new();
        let seed = *SEED.get_or_init(|| RandomState::new().hash_one(0u64));
        FastHasher(seed)
    }
}

/// FxHash (rustc's hasher): a rotate, xor and multiply per 8 bytes.
#[derive(Clone, Copy, Debug)]
pub struct FastHasher(u64);

const K: u64 = 0xf135_7aea_2e62_a9c5;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The low bits pick the bucket and the high 7 the tag: mix the high bits down.
        self.0.rotate_left(20)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_with_string_keys() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for (i, w) in ["kyiv", "kiev", "kyiv ", "k", ""].iter().enumerate() {
            map.insert(w.to_string(), i);
        }
        assert_eq!(map.len(), 5);
        assert_eq!(map.get("kyiv "), Some(&2));
        assert_eq!(map.get(""), Some(&4));
        let set: FastSet<&str> = ["a", "b", "a"].into_iter().collect();
        assert_eq!(set.len(), 2);
    }
}
