//! Word clusters learnt from unlabelled news text, so the tagger generalises beyond the words of
//! its training data: words used in similar contexts ("Volgograd", "Togliatti") share a cluster.
//!
//! Each word seen often enough is represented by the positive pointwise mutual information of
//! the words just before and after it (the most frequent words; others by their shape), and
//! the vectors are grouped by spherical k-means (512 fine clusters, seeded deterministically),
//! whose centroids are grouped again into 64 coarse clusters (`cluster_learning`, built with
//! the `train` feature). The file also gives, per word,
//! how often its lower-cased form is written capitalised away from the start of a sentence
//! (in four buckets), a strong hint that a word is a name.
//!
//! File format (`data/entities/ner_clusters.tsv`): `#` comment lines, then
//! `word<TAB>fine<TAB>coarse<TAB>cap` per word, `cap` being `0`-`3` or `-`.

use super::features::{hash_str, IdMap};

/// What the clusters file says about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordClass {
    /// Fine cluster, `0..512`.
    pub fine: u16,
    /// Coarse cluster, `0..64`.
    pub coarse: u16,
    /// How often the lower-cased word is capitalised mid-sentence: 0 (< 10%), 1 (< 50%),
    /// 2 (< 90%), 3; `None` when seen too rarely.
    pub cap: Option<u8>,
}

/// Word clusters, keyed by the hash of the (normalised) word.
#[derive(Clone, Default)]
pub struct Clusters {
    words: IdMap<WordClass>,
    /// A fingerprint of the file, recorded in the weights so the two always match.
    pub fingerprint: u64,
}

impl std::fmt::Debug for Clusters {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Clusters").field("words", &self.words.len()).finish_non_exhaustive()
    }
}

impl Clusters {
    /// Parses a clusters file.
    pub fn parse(text: &str) -> Result<Clusters, String> {
        let mut words = IdMap::default();
        for (n, line) in text.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let bad = || format!("clusters line {}: {line:?}", n + 1);
            let [word, fine, coarse, cap] = cols[..] else { return Err(bad()) };
            let fine: u16 = fine.parse().map_err(|_| bad())?;
            let coarse: u16 = coarse.parse().map_err(|_| bad())?;
            let cap = if cap == "-" { None } else { Some(cap.parse().map_err(|_| bad())?) };
            words.insert(hash_str(word), WordClass { fine, coarse, cap });
        }
        Ok(Clusters { words, fingerprint: hash_str(text) })
    }

    /// The class of a word given its hash ([`hash_str`] of the normalised word).
    pub(crate) fn get(&self, word_hash: u64) -> Option<WordClass> {
        self.words.get(&word_hash).copied()
    }

    #[cfg(feature = "train")]
    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    #[cfg(feature = "train")]
    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}
