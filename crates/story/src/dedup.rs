//! Exact and near-duplicate articles, found in one pass over the stream.
//!
//! Every article is reduced to its normalised words (lower-cased runs of letters and digits).
//! An exact copy has the same hash of that word sequence as an earlier article. A near copy
//! (changed headline, dropped paragraph, added dateline or footer) shares most of its word
//! 5-shingles with an earlier article: each article gets a 128-value MinHash signature, split
//! into 32 bands of 4 values for locality-sensitive hashing; candidates that share a band are
//! kept when their estimated Jaccard similarity reaches [`Deduper::threshold`].
//!
//! A later copy points at the *first* article of its group (`duplicate_of`); copies are grouped,
//! never dropped. Memory per article is one signature (512 bytes) plus its band keys.
//!
//! ```
//! use parallax_story::dedup::Deduper;
//! let mut d = Deduper::default();
//! let a = "Marco Rubio met Sergey Lavrov in Riyadh on Tuesday for talks on Ukraine and on the war.";
//! assert_eq!(d.add(a), None);
//! assert_eq!(d.add(&a.to_uppercase()), Some(0));
//! assert_eq!(d.add("Something else entirely happened in another city today."), None);
//! ```

use std::collections::VecDeque;

use parallax_doc::Doc;

/// Words per shingle.
const SHINGLE: usize = 5;
/// MinHash values per signature.
const PERMS: usize = 128;
/// Values per LSH band.
const ROWS: usize = 4;
/// LSH bands.
const BANDS: usize = PERMS / ROWS;
const _: () = assert!(BANDS * ROWS == PERMS);

/// The streaming duplicate finder. Feed articles in input order with [`Deduper::add`].
#[derive(Debug, Clone)]
pub struct Deduper {
    /// Minimum estimated Jaccard similarity of shingle sets for a near copy (default 0.5).
    pub threshold: f64,
    /// Multipliers and offsets of the hash permutations.
    perms: Vec<(u64, u64)>,
    /// Normalised-content hash → first article with it.
    exact: foldhash::HashMap<u64, u32>,
    /// Band key → articles with that band (only group roots are stored).
    buckets: foldhash::HashMap<u64, Vec<u32>>,
    /// Signature of each article (empty for exact copies and empty texts).
    signatures: Vec<Box<[u32]>>,
    /// The group root of each article.
    root: Vec<u32>,
    /// How many of the latest articles a new one is compared with (default: all). Older group roots
    /// are forgotten, which bounds memory on an endless stream.
    pub window: usize,
    /// Group roots in input order with their content hash, for forgetting the oldest.
    roots: VecDeque<(u32, u64)>,
    /// Scratch space, kept between articles: the word hashes and shingle hashes of the last one.
    words: Vec<u64>,
    shingles: Vec<u64>,
}

impl Default for Deduper {
    fn default() -> Deduper {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let perms = (0..PERMS)
            .map(|_| {
                let a = splitmix(&mut state) | 1;
                let b = splitmix(&mut state);
                (a, b)
            })
            .collect();
        Deduper {
            threshold: 0.5,
            perms,
            exact: foldhash::HashMap::default(),
            buckets: foldhash::HashMap::default(),
            signatures: Vec::new(),
            root: Vec::new(),
            window: usize::MAX,
            roots: VecDeque::new(),
            words: Vec::new(),
            shingles: Vec::new(),
        }
    }
}

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    mix(*state)
}

/// A 64-bit finaliser (splitmix64).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hashes of the normalised words of `text`: lower-cased runs of alphanumeric characters.
fn word_hashes(text: &str, out: &mut Vec<u64>) {
    out.clear();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut in_word = false;
    let feed = |h: &mut u64, b: u8| {
        *h ^= b as u64;
        *h = h.wrapping_mul(0x0100_0000_01b3);
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // most news text is ASCII: a byte is a character, and alphanumeric as an ASCII one
        if b.is_ascii() {
            at += 1;
            if b.is_ascii_alphanumeric() {
                in_word = true;
                feed(&mut h, b.to_ascii_lowercase());
            } else if in_word {
                out.push(mix(h));
                h = 0xcbf2_9ce4_8422_2325;
                in_word = false;
            }
            continue;
        }
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
        at += c.len_utf8();
        if c.is_alphanumeric() {
            in_word = true;
            for l in c.to_lowercase() {
                let mut buf = [0u8; 4];
                for &b in l.encode_utf8(&mut buf).as_bytes() {
                    feed(&mut h, b);
                }
            }
        } else if in_word {
            out.push(mix(h));
            h = 0xcbf2_9ce4_8422_2325;
            in_word = false;
        }
    }
    if in_word {
        out.push(mix(h));
    }
}

impl Deduper {
    /// A deduper that compares each article with the `window` articles before it only.
    pub fn with_window(window: usize) -> Deduper {
        Deduper { window, ..Deduper::default() }
    }

    /// Number of articles seen.
    pub fn len(&self) -> usize {
        self.root.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.root.is_empty()
    }

    /// Adds the next article; returns the index of the first article it copies, if any.
    pub fn add(&mut self, text: &str) -> Option<usize> {
        let mut words = std::mem::take(&mut self.words);
        word_hashes(text, &mut words);
        let found = self.add_words(&words);
        self.words = words;
        found
    }

    /// Forgets the group roots that fell out of the window before article `me`.
    fn forget_old(&mut self, me: u32) {
        while let Some(&(old, full)) = self.roots.front() {
            if (me - old) as usize <= self.window {
                break;
            }
            self.roots.pop_front();
            if self.exact.get(&full) == Some(&old) {
                self.exact.remove(&full);
            }
            let sig = std::mem::take(&mut self.signatures[old as usize]);
            for key in band_keys(&sig) {
                if let Some(list) = self.buckets.get_mut(&key) {
                    list.retain(|&a| a != old);
                    if list.is_empty() {
                        self.buckets.remove(&key);
                    }
                }
            }
        }
    }

    fn add_words(&mut self, words: &[u64]) -> Option<usize> {
        let me = self.root.len() as u32;
        if self.window != usize::MAX {
            self.forget_old(me);
        }
        if words.is_empty() {
            self.root.push(me);
            self.signatures.push(Box::new([]));
            return None;
        }
        // exact: the hash of the whole word sequence
        let full = words.iter().fold(words.len() as u64, |acc, &w| mix(acc.rotate_left(5) ^ w));
        if let Some(&first) = self.exact.get(&full) {
            let r = self.root[first as usize];
            self.root.push(r);
            self.signatures.push(Box::new([]));
            return Some(r as usize);
        }
        self.exact.insert(full, me);
        if self.window != usize::MAX {
            self.roots.push_back((me, full));
        }
        // near: MinHash over word shingles; each permutation's minimum over all shingles in
        // turn, its two constants held in registers (the same minima as shingle by shingle)
        let k = SHINGLE.min(words.len());
        let mut shingles = std::mem::take(&mut self.shingles);
        shingles.clear();
        shingles.extend(words.windows(k).map(|win| {
            let mut s = win[0];
            for &w in &win[1..] {
                s = s.rotate_left(17) ^ w;
            }
            mix(s)
        }));
        let sig: Box<[u32]> = self.perms.iter().map(|&(a, b)| (min_hash(&shingles, a, b) >> 32) as u32).collect();
        self.shingles = shingles;
        let keys = band_keys(&sig);
        let mut best: Option<(f64, u32)> = None;
        for key in &keys {
            if let Some(list) = self.buckets.get(key) {
                for &other in list {
                    if best.is_some_and(|(_, b)| b == other) {
                        continue;
                    }
                    let sim = similarity(&sig, &self.signatures[other as usize]);
                    if sim >= self.threshold && best.is_none_or(|(s, b)| sim > s || (sim == s && other < b)) {
                        best = Some((sim, other));
                    }
                }
            }
        }
        match best {
            Some((_, other)) => {
                let r = self.root[other as usize];
                self.root.push(r);
                self.signatures.push(Box::new([]));
                Some(r as usize)
            }
            None => {
                for key in keys {
                    self.buckets.entry(key).or_default().push(me);
                }
                self.root.push(me);
                self.signatures.push(sig);
                None
            }
        }
    }
}

/// The least of `s * a + b` (wrapping) over `shingles`: four running minima side by side, so
/// the comparisons do not wait on one another (the minimum is the same in any order).
fn min_hash(shingles: &[u64], a: u64, b: u64) -> u64 {
    let mut lanes = [u64::MAX; 4];
    let mut chunks = shingles.chunks_exact(4);
    for chunk in &mut chunks {
        for (lane, &s) in lanes.iter_mut().zip(chunk) {
            *lane = (*lane).min(s.wrapping_mul(a).wrapping_add(b));
        }
    }
    let min = lanes[0].min(lanes[1]).min(lanes[2].min(lanes[3]));
    chunks.remainder().iter().fold(min, |m, &s| m.min(s.wrapping_mul(a).wrapping_add(b)))
}

/// The LSH band keys of a signature (none for an empty one).
fn band_keys(sig: &[u32]) -> Vec<u64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| rows.iter().fold(mix(band as u64 + 1), |acc, &v| mix(acc ^ v as u64)))
        .collect()
}

/// Estimated Jaccard similarity: the share of equal MinHash values.
fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// For each document in order, the index of the earlier document it copies, if any.
pub fn find_duplicates(docs: &[Doc]) -> Vec<Option<usize>> {
    let mut d = Deduper::default();
    docs.iter().map(|doc| d.add(&doc.text)).collect()
}

/// Sets [`Doc::duplicate_of`] on every later copy to the source of the first copy.
pub fn mark_duplicates(docs: &mut [Doc]) {
    let found = find_duplicates(docs);
    for (i, f) in found.into_iter().enumerate() {
        docs[i].duplicate_of = f.map(|j| docs[j].source.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(seed: usize, paragraphs: usize) -> Vec<String> {
        let words = [
            "minister",
            "talks",
            "Riyadh",
            "ceasefire",
            "officials",
            "said",
            "Tuesday",
            "delegation",
            "agreed",
            "sanctions",
            "energy",
            "prices",
            "Kyiv",
            "Moscow",
            "Washington",
            "meeting",
            "summit",
            "troops",
            "border",
            "statement",
            "economy",
            "budget",
            "vote",
            "parliament",
            "election",
            "court",
            "ruling",
        ];
        let mut state = seed as u64 * 7919 + 1;
        (0..paragraphs)
            .map(|_| {
                (0..40)
                    .map(|_| words[(splitmix(&mut state) % words.len() as u64) as usize])
                    .collect::<Vec<_>>()
                    .join(" ")
                    + "."
            })
            .collect()
    }

    #[test]
    fn exact_and_near_copies_are_grouped() {
        let a = article(1, 6);
        let b = article(2, 6);
        let mut d = Deduper::default();
        assert_eq!(d.add(&a.join("\n\n")), None);
        assert_eq!(d.add(&b.join("\n\n")), None);
        // exact copy up to case and punctuation
        assert_eq!(d.add(&a.join(" ").to_uppercase()), Some(0));
        // dropped paragraph, added dateline and footer
        let mut edited = a.clone();
        edited.remove(2);
        let edited = format!("LONDON (Reuters) - {}\n\nSign up for our newsletter.", edited.join("\n\n"));
        assert_eq!(d.add(&edited), Some(0));
        // changed headline on b
        let mut b2 = b.clone();
        b2.insert(0, "A different headline entirely".into());
        assert_eq!(d.add(&b2.join("\n\n")), Some(1));
        assert_eq!(d.add(&article(3, 6).join("\n\n")), None);
        assert_eq!(d.add(""), None);
        assert_eq!(d.len(), 7);
    }

    #[test]
    fn marks_sources() {
        let text = article(5, 3).join("\n\n");
        let mut docs =
            vec![Doc::new("a", text.clone()), Doc::new("b", "Other words here.".into()), Doc::new("c", text)];
        mark_duplicates(&mut docs);
        assert_eq!(docs[0].duplicate_of, None);
        assert_eq!(docs[1].duplicate_of, None);
        assert_eq!(docs[2].duplicate_of.as_deref(), Some("a"));
    }

    #[test]
    fn window_forgets_old_articles() {
        let a = article(1, 6).join("\n\n");
        let mut d = Deduper::with_window(2);
        assert_eq!(d.add(&a), None);
        assert_eq!(d.add(&article(2, 6).join("\n\n")), None);
        assert_eq!(d.add(&a), Some(0), "within the window");
        assert_eq!(d.add(&article(3, 6).join("\n\n")), None);
        assert_eq!(d.add(&article(4, 6).join("\n\n")), None);
        // article 0 is now 5 articles back: forgotten, with its band keys and content hash
        assert_eq!(d.add(&a), None);
        assert!(d.buckets.values().all(|list| !list.contains(&0)));
        assert!(!d.exact.values().any(|&i| i == 0));
    }
}
