//! Candidate pairs of similar spellings without comparing all pairs: every spelling is indexed
//! under itself and each form with one letter deleted (two letters for long spellings), so two
//! spellings within one edit (two for long ones) always share a key. Cost grows with the number of
//! spellings times their length, not with its square.

use super::hash::FastMap;
use std::collections::hash_map::Entry;

/// Multiplier of the polynomial key hash (odd, so invertible modulo 2^64).
const BASE: u64 = 0x0000_0100_0000_01b3;
/// The inverse of `BASE` modulo 2^64: dividing by it shifts the letters after a deletion down.
const BASE_INVERSE: u64 = inverse(BASE);

/// The multiplicative inverse of odd `x` modulo 2^64 (Newton's iteration).
const fn inverse(x: u64) -> u64 {
    let mut y = x;
    let mut i = 0;
    while i < 6 {
        y = y.wrapping_mul(2u64.wrapping_sub(x.wrapping_mul(y)));
        i += 1;
    }
    y
}

/// The deletion keys of a spelling: itself, with one letter deleted, and (from `two_edit_length`
/// letters on) with two letters deleted. A key is the polynomial hash Σ letter·BASE^position of
/// the shortened spelling, computed in constant time from prefix sums, so a spelling costs its
/// number of keys, not that times its length. A collision only adds a candidate pair, which the
/// caller verifies anyway. `prefix` is a reusable buffer for the prefix sums.
fn keys_with(spelling: &str, two_edit_length: usize, prefix: &mut Vec<u64>, out: &mut Vec<u64>) {
    // prefix[k]: the hash of the first k letters.
    prefix.clear();
    prefix.push(0);
    let mut power = 1u64;
    for c in spelling.chars() {
        let letter = (u64::from(c) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let last = prefix[prefix.len() - 1];
        prefix.push(last.wrapping_add(letter.wrapping_mul(power)));
        power = power.wrapping_mul(BASE);
    }
    let n = prefix.len() - 1;
    let part = |a: usize, b: usize| prefix[b].wrapping_sub(prefix[a]);
    let shifted = BASE_INVERSE.wrapping_mul(BASE_INVERSE);
    out.push(prefix[n]);
    for (i, &before) in prefix[..n].iter().enumerate() {
        let after = part(i + 1, n);
        out.push(before.wrapping_add(after.wrapping_mul(BASE_INVERSE)));
        if n >= two_edit_length {
            for j in i + 1..n {
                out.push(
                    before
                        .wrapping_add(part(i + 1, j).wrapping_mul(BASE_INVERSE))
                        .wrapping_add(part(j + 1, n).wrapping_mul(shifted)),
                );
            }
        }
    }
}

/// The end of a list in `candidate_pairs`.
const NONE: usize = usize::MAX;

/// Pairs `(a, b)` with `a < b` of items whose spellings may be within one edit (two for spellings
/// of at least `two_edit_length` letters). Each item may have several spellings.
pub fn candidate_pairs<'s>(
    items: impl IntoIterator<Item = Vec<&'s str>>,
    two_edit_length: usize,
) -> Vec<(usize, usize)> {
    // Every item's keys first (`ends[item]` closes its run in `all_keys`), so that the map is
    // sized once instead of growing through rehashes.
    let mut all_keys: Vec<u64> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut prefix = Vec::new();
    for spellings in items {
        for spelling in spellings {
            keys_with(spelling, two_edit_length, &mut prefix, &mut all_keys);
        }
        ends.push(all_keys.len());
    }
    // Key → the items that have it, newest first, as linked lists in `nodes` (item, next node).
    let mut heads: FastMap<u64, usize> =
        FastMap::with_capacity_and_hasher(all_keys.len(), Default::default());
    let mut nodes: Vec<(usize, usize)> = Vec::with_capacity(all_keys.len());
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (item, &end) in ends.iter().enumerate() {
        let item_keys = &all_keys[start..end];
        start = end;
        for &key in item_keys {
            let new = nodes.len();
            match heads.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(new);
                    nodes.push((item, NONE));
                }
                Entry::Occupied(mut slot) => {
                    let head = *slot.get();
                    // The same key twice in one item.
                    if nodes[head].0 == item {
                        continue;
                    }
                    let mut at = head;
                    while at != NONE {
                        pairs.push((nodes[at].0, item));
                        at = nodes[at].1;
                    }
                    slot.insert(new);
                    nodes.push((item, head));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(spelling: &str, two_edit_length: usize, out: &mut Vec<u64>) {
        keys_with(spelling, two_edit_length, &mut Vec::new(), out);
    }

    #[test]
    fn deletion_keys_equal_the_keys_of_the_shortened_spellings() {
        assert_eq!(BASE.wrapping_mul(BASE_INVERSE), 1);
        let key = |s: &str| {
            let mut out = Vec::new();
            keys(s, usize::MAX, &mut out);
            out[0]
        };
        let mut all = Vec::new();
        keys("brandenburg", 9, &mut all);
        assert_eq!(all.len(), 1 + 11 + 55);
        assert!(all.contains(&key("brandenbug")));
        assert!(all.contains(&key("randenburg")));
        assert!(all.contains(&key("brndnburg")));
        assert!(all.contains(&key("brandenbu")));
    }

    #[test]
    fn finds_single_edits_and_long_double_edits_only() {
        let words = [
            "veldt",
            "veld",
            "vledt",
            "veldtt",
            "merkel",
            "brandenburg",
            "brandebourg",
            "mertens",
            "martins",
        ];
        let pairs = candidate_pairs(words.iter().map(|w| vec![*w]), 9);
        let named: Vec<(&str, &str)> = pairs.iter().map(|&(a, b)| (words[a], words[b])).collect();
        for expected in [
            ("veldt", "veld"),
            ("veldt", "vledt"),
            ("veldt", "veldtt"),
            ("brandenburg", "brandebourg"),
        ] {
            assert!(named.contains(&expected), "{expected:?} in {named:?}");
        }
        assert!(!named.iter().any(|p| p.0 == "merkel" || p.1 == "merkel"));
        // Two 7-letter spellings two edits apart share no key. (A 9-letter spelling such as
        // "australia" does share a two-deletion key with "austria": candidates are a superset,
        // which the caller verifies.)
        assert!(
            !named.contains(&("mertens", "martins")),
            "7 letters: one edit only"
        );
    }
}
