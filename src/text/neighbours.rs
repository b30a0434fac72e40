//! Candidate pairs of similar spellings without comparing all pairs: every spelling is indexed
//! under itself and each form with one letter deleted (two letters for long spellings), so two
//! spellings within one edit (two for long ones) always share a key. Cost grows with the number of
//! spellings times their length, not with its square.

/// FNV-1a over the chars of `chars` except the positions in `skip`: a deletion key without
/// allocating. A collision only adds a candidate pair, which the caller verifies anyway.
fn key_hash(chars: &[char], skip: [usize; 2]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, c) in chars.iter().enumerate() {
        if i == skip[0] || i == skip[1] {
            continue;
        }
        hash ^= u64::from(u32::from(*c));
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The deletion keys of a spelling: itself, with one letter deleted, and (from `two_edit_length`
/// letters on) with two letters deleted.
fn keys(spelling: &str, two_edit_length: usize, out: &mut Vec<u64>) {
    let chars: Vec<char> = spelling.chars().collect();
    let none = usize::MAX;
    out.push(key_hash(&chars, [none, none]));
    for i in 0..chars.len() {
        out.push(key_hash(&chars, [i, none]));
        if chars.len() >= two_edit_length {
            for j in i + 1..chars.len() {
                out.push(key_hash(&chars, [i, j]));
            }
        }
    }
}

/// Pairs `(a, b)` with `a < b` of items whose spellings may be within one edit (two for spellings
/// of at least `two_edit_length` letters). Each item may have several spellings.
pub fn candidate_pairs<'s>(
    items: impl IntoIterator<Item = Vec<&'s str>>,
    two_edit_length: usize,
) -> Vec<(usize, usize)> {
    // (key, item) for every key of every item, sorted: items sharing a key are neighbours.
    let mut index: Vec<(u64, usize)> = Vec::new();
    let mut item_keys = Vec::new();
    for (item, spellings) in items.into_iter().enumerate() {
        item_keys.clear();
        for spelling in spellings {
            keys(spelling, two_edit_length, &mut item_keys);
        }
        item_keys.sort_unstable();
        item_keys.dedup();
        index.extend(item_keys.iter().map(|&key| (key, item)));
    }
    index.sort_unstable();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for run in index.chunk_by(|a, b| a.0 == b.0) {
        for (k, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[k + 1..] {
                if a != b {
                    pairs.push((a.min(b), a.max(b)));
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
