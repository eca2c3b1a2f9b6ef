//! The weights: the file format, the lookup table used when tagging, and greedy BIO decoding.
//!
//! File format (little-endian): the magic `PLXNER02`, `u32` feature version, `u32` number of
//! tags, `u64` fingerprint of the word clusters file the weights were trained with, `u32`
//! number of passes (1 or 2), `u32` number of features `n`, then `n` rows of a `u32` feature
//! key and one `i16` weight per tag. The second pass's weights share the table under other keys
//! (its feature hashes xor [`PASS2`]). Weights are quantised with one scale per pass, which
//! decoding never needs (the best tag is the same at any positive scale).

use super::features::{
    allowed, tag_context, tag_context_features, transition_features, word_transition_features, Sentence, TokenFeats,
    FEATURE_VERSION, NO_TAG, N_TAGS, O,
};

/// The first bytes of a weights file.
pub const MAGIC: &[u8; 8] = b"PLXNER02";

/// What the second pass's feature hashes are xor-ed with, so its weights live in the same table
/// as the first pass's.
pub const PASS2: u64 = 0x5a17_2e0f_9c3b_d461;

/// The 32-bit key of a feature's second-pass weights is its first-pass key xor this (for every
/// feature hash but those whose upper half is 0 or this, see [`key32`]).
const PASS2_KEY: u32 = (PASS2 >> 32) as u32;

/// The 32-bit key a feature hash is stored under (never 0, which marks an empty slot).
#[inline]
pub(crate) fn key32(h: u64) -> u32 {
    match (h >> 32) as u32 {
        0 => 1,
        k => k,
    }
}

/// The best tag allowed after `prev` (ties go to the lower tag, so decoding is deterministic).
#[inline]
pub(crate) fn best_allowed(scores: &[f32; N_TAGS], prev: u8) -> u8 {
    let mut best = O;
    let mut best_score = scores[0];
    for tag in 1..N_TAGS as u8 {
        if scores[tag as usize] > best_score && allowed(prev, tag) {
            best = tag;
            best_score = scores[tag as usize];
        }
    }
    best
}

/// Quantised weights in an open-addressing table keyed by feature hash (linear probing). The
/// keys are an array of their own, four bytes a slot, so that a feature the model does not
/// know (about half of those looked up) costs a probe of that small array only; the weights of
/// slot `s` are `weights[s]`, and one more row of zeros after the last slot stands for a
/// feature the model does not know ([`Model::absent`]), so that sums need no branch.
///
/// Each slot holds two rows: the weights stored under its key `k`, and those stored under
/// `k ^ PASS2_KEY`, which are the second pass's weights of the feature whose first-pass key is
/// `k`. So one lookup gives a static feature's weights in both passes ([`Model::add_static`]);
/// a key the file has only as the second of these gets a slot whose first row is zeros, as
/// for a feature the model does not know.
#[derive(Clone)]
pub struct Model {
    keys: Vec<u32>,
    weights: Vec<[[i16; N_TAGS]; 2]>,
    mask: usize,
    len: usize,
    /// Per pass (first, second), the summed weights of the features that depend on the two
    /// previous tags only ([`transition_features`]), at `prev2 * N_TAGS + prev`.
    transitions: [Vec<[i32; N_TAGS]>; 2],
    /// The second pass's summed weights of each [`tag_context_features`], at
    /// [`Model::context_index`].
    tag_contexts: Vec<[i32; N_TAGS]>,
    /// The fingerprint of the clusters file the weights were trained with.
    pub clusters_fingerprint: u64,
    /// 2 when the weights include a second, document-level pass; else 1.
    pub passes: u32,
}

impl Model {
    /// Parses a weights file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or("not a Parallax NER weights file (bad magic)")?;
        let u32_at = |b: &[u8], at: usize| -> Option<u32> {
            b.get(at..at + 4).and_then(|s| s.try_into().ok()).map(u32::from_le_bytes)
        };
        let (Some(version), Some(n_tags), Some(lo), Some(hi), Some(passes), Some(n)) =
            (u32_at(rest, 0), u32_at(rest, 4), u32_at(rest, 8), u32_at(rest, 12), u32_at(rest, 16), u32_at(rest, 20))
        else {
            return Err("truncated weights header".into());
        };
        let clusters_fingerprint = (hi as u64) << 32 | lo as u64;
        if version != FEATURE_VERSION {
            return Err(format!(
                "weights trained with feature version {version}, the code has {FEATURE_VERSION}: retrain with the train_ner example"
            ));
        }
        if n_tags as usize != N_TAGS {
            return Err(format!("weights have {n_tags} tags, expected {N_TAGS}"));
        }
        if !(1..=2).contains(&passes) {
            return Err(format!("weights have {passes} passes, expected 1 or 2"));
        }
        let n = n as usize;
        let row_bytes = 4 + 2 * N_TAGS;
        let body = &rest[24..];
        if body.len() != n * row_bytes {
            return Err(format!("weights body is {} bytes, expected {}", body.len(), n * row_bytes));
        }
        let rows: Vec<(u32, [i16; N_TAGS])> = body
            .chunks_exact(row_bytes)
            .map(|chunk| {
                let key = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
                let mut w = [0i16; N_TAGS];
                for (t, wt) in w.iter_mut().enumerate() {
                    *wt = i16::from_le_bytes([chunk[4 + 2 * t], chunk[5 + 2 * t]]);
                }
                (key, w)
            })
            .collect();
        let n_slots = count_distinct(rows.iter().flat_map(|&(key, _)| [key, key ^ PASS2_KEY]).filter(|&k| k != 0));
        let cap = (n_slots + n_slots / 3).next_power_of_two().max(16);
        let mut model = Model {
            keys: vec![0; cap],
            weights: vec![[[0; N_TAGS]; 2]; cap + 1],
            mask: cap - 1,
            len: 0,
            transitions: [Vec::new(), Vec::new()],
            tag_contexts: Vec::new(),
            clusters_fingerprint,
            passes,
        };
        let mut filled = vec![false; cap];
        for (key, w) in rows {
            if key == 0 {
                return Err("weights file has a zero key".into());
            }
            let slot = model.insert(key);
            if std::mem::replace(&mut filled[slot], true) {
                return Err(format!("weights file repeats key {key}"));
            }
            model.weights[slot][0] = w;
            model.len += 1;
            if key != PASS2_KEY {
                let slot = model.insert(key ^ PASS2_KEY);
                model.weights[slot][1] = w;
            }
        }
        for (pass, salt) in [0, PASS2].into_iter().enumerate() {
            let mut table = vec![[0; N_TAGS]; N_TAGS * N_TAGS];
            for (at, sum) in table.iter_mut().enumerate() {
                let (prev2, prev) = ((at / N_TAGS) as u8, (at % N_TAGS) as u8);
                for f in transition_features(prev, prev2) {
                    add_row(sum, &model.weights[model.slot_or_absent(key32(f ^ salt))][0]);
                }
            }
            model.transitions[pass] = table;
        }
        let codes = || (0..=N_TAGS as u64).map(|t| if t == N_TAGS as u64 { NO_TAG } else { t });
        let mut tag_contexts = vec![[0; N_TAGS]; (N_TAGS + 1) * N_TAGS * (N_TAGS + 1)];
        for prev in codes() {
            for me in 0..N_TAGS as u64 {
                for next in codes() {
                    if let Some(at) = Model::context_index(prev, me, next) {
                        tag_contexts[at] = model.sum(true, &tag_context_features(prev, me, next));
                    }
                }
            }
        }
        model.tag_contexts = tag_contexts;
        Ok(model)
    }

    /// The slot of a (non-zero) key, taken when the key has none yet. The table never fills:
    /// it has a third more slots than keys.
    fn insert(&mut self, key: u32) -> usize {
        let mut slot = key as usize & self.mask;
        loop {
            if self.keys[slot] == 0 {
                self.keys[slot] = key;
                return slot;
            }
            if self.keys[slot] == key {
                return slot;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    #[cfg(any(test, feature = "train"))]
    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.len
    }

    #[cfg(feature = "train")]
    /// True when the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[cfg(any(test, feature = "train"))]
    /// Serialises rows `(key, weights)` as a weights file (rows are written sorted by key), for
    /// the clusters file with `clusters_fingerprint`, with `passes` passes (1 or 2).
    pub fn to_bytes(rows: &mut [(u32, [i16; N_TAGS])], clusters_fingerprint: u64, passes: u32) -> Vec<u8> {
        rows.sort_unstable_by_key(|r| r.0);
        let mut out = Vec::with_capacity(24 + rows.len() * (4 + 2 * N_TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&clusters_fingerprint.to_le_bytes());
        out.extend_from_slice(&passes.to_le_bytes());
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (key, w) in rows.iter() {
            out.extend_from_slice(&key.to_le_bytes());
            for x in w {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model").field("features", &self.len).field("passes", &self.passes).finish_non_exhaustive()
    }
}

impl Model {
    /// The slot holding `key`'s weights, if the model knows it.
    #[inline]
    fn slot(&self, key: u32) -> Option<usize> {
        let mut slot = key as usize & self.mask;
        loop {
            match self.keys[slot] {
                k if k == key => return Some(slot),
                0 => return None,
                _ => slot = (slot + 1) & self.mask,
            }
        }
    }

    /// The row of zeros that stands for a feature the model does not know.
    #[inline]
    fn absent(&self) -> usize {
        self.keys.len()
    }

    /// The slot holding `key`'s weights, or [`Model::absent`].
    #[inline]
    fn slot_or_absent(&self, key: u32) -> usize {
        self.slot(key).unwrap_or(self.absent())
    }

    /// The summed weights of `feats` in the first pass's weights, or the second's (`second`).
    pub(crate) fn sum(&self, second: bool, feats: &[u64]) -> [i32; N_TAGS] {
        let salt = if second { PASS2 } else { 0 };
        let mut sum = [0; N_TAGS];
        for &f in feats {
            if let Some(slot) = self.slot(key32(f ^ salt)) {
                add_row(&mut sum, &self.weights[slot][0]);
            }
        }
        sum
    }

    /// The summed weights of `feats` in both passes' weights, with one lookup a feature (only
    /// for weights with two passes).
    pub(crate) fn sum_both(&self, feats: &[u64]) -> [[i32; N_TAGS]; 2] {
        let mut sums = [[0; N_TAGS]; 2];
        for &f in feats {
            let hi = (f >> 32) as u32;
            if hi == 0 || hi == PASS2_KEY {
                // the two halves whose keys are not apart by PASS2_KEY (see `key32`)
                sums[0] = add(sums[0], self.sum(false, &[f]));
                sums[1] = add(sums[1], self.sum(true, &[f]));
            } else if let Some(slot) = self.slot(hi) {
                let [first, second] = &self.weights[slot];
                add_row(&mut sums[0], first);
                add_row(&mut sums[1], second);
            }
        }
        sums
    }

    /// Adds each token's summed weights of the static features of `sent` to `first` (the first
    /// pass's) and, when given, to `second` (the second pass's: for weights with two passes).
    pub(crate) fn add_static(
        &self,
        sent: &Sentence,
        first: &mut [[i32; N_TAGS]],
        second: Option<&mut [[i32; N_TAGS]]>,
    ) {
        let feats = |i: usize| &sent.feats[sent.offsets[i]..sent.offsets[i + 1]];
        match second {
            Some(second) => {
                for (i, (a, b)) in first.iter_mut().zip(second.iter_mut()).enumerate() {
                    let [x, y] = self.sum_both(feats(i));
                    add_row(a, &x);
                    add_row(b, &y);
                }
            }
            None => {
                for (i, a) in first.iter_mut().enumerate() {
                    add_row(a, &self.sum(false, feats(i)));
                }
            }
        }
    }

    /// Where [`Model::tag_contexts`] holds the sums of a [`tag_context`]: tags are below
    /// [`N_TAGS`], a neighbour may also be [`NO_TAG`].
    fn context_index(prev: u64, me: u64, next: u64) -> Option<usize> {
        let code = |t: u64| match t {
            NO_TAG => Some(N_TAGS),
            t if t < N_TAGS as u64 => Some(t as usize),
            _ => None,
        };
        let me = (me < N_TAGS as u64).then_some(me as usize)?;
        Some((code(prev)? * N_TAGS + me) * (N_TAGS + 1) + code(next)?)
    }

    /// Adds to each token's sums the second pass's weights of its [`tag_context_features`],
    /// given the sentence's first-pass `tags`.
    pub(crate) fn add_tag_context(&self, tags: &[u8], sums: &mut [[i32; N_TAGS]]) {
        for (i, sum) in sums.iter_mut().enumerate() {
            let (prev, me, next) = tag_context(tags, i);
            match Model::context_index(prev, me, next).and_then(|at| self.tag_contexts.get(at)) {
                Some(row) => add_row(sum, row),
                None => add_row(sum, &self.sum(true, &tag_context_features(prev, me, next))),
            }
        }
    }

    /// Greedy left-to-right decoding of a sentence under the BIO constraints, with the first
    /// pass's weights, or the second's (`second`) with the document-level features `extra`.
    /// `base` holds each token's summed weights of all its static features: those of `sent`
    /// ([`Model::add_static`]) and those it leaves out (the per-word ones the tagger caches);
    /// `after_outside`, when given, each token's summed weights of its
    /// [`word_transition_features`] after an `O` (the tagger caches them per word too).
    pub(crate) fn decode(
        &self,
        second: bool,
        sent: &Sentence,
        base: Vec<[i32; N_TAGS]>,
        after_outside: Option<&[[i32; N_TAGS]]>,
        extra: Option<&TokenFeats>,
    ) -> Vec<u8> {
        let salt = if second { PASS2 } else { 0 };
        let transitions = &self.transitions[second as usize];
        let mut tags = Vec::with_capacity(sent.infos.len());
        let (mut prev, mut prev2) = (O, O);
        for (i, (info, mut sum)) in sent.infos.iter().zip(base).enumerate() {
            // weights are whole numbers well inside f32's exact range: summing them in
            // integers, in any order, gives the scores that adding them one by one in f32 gives
            if let Some(extra) = extra {
                add_row(&mut sum, &self.sum(second, &extra.feats[extra.offsets[i]..extra.offsets[i + 1]]));
            }
            add_row(&mut sum, &transitions[prev2 as usize * N_TAGS + prev as usize]);
            match after_outside.and_then(|rows| rows.get(i)).filter(|_| prev == O) {
                Some(row) => add_row(&mut sum, row),
                None => {
                    for f in word_transition_features(info, prev) {
                        add_row(&mut sum, &self.weights[self.slot_or_absent(key32(f ^ salt))][0]);
                    }
                }
            }
            let tag = best_allowed(&sum.map(|s| s as f32), prev);
            tags.push(tag);
            prev2 = prev;
            prev = tag;
        }
        tags
    }
}

/// How many distinct keys `keys` gives: the slots [`Model`] needs (every key of the file, and
/// every key xor [`PASS2_KEY`]). The keys are sorted by their upper 16 bits (a counting sort),
/// then each such bucket on its own, which costs less than sorting them all at once.
fn count_distinct(keys: impl Iterator<Item = u32> + Clone) -> usize {
    const BUCKETS: usize = 1 << 16;
    let mut starts = vec![0usize; BUCKETS + 1];
    for key in keys.clone() {
        starts[(key >> 16) as usize + 1] += 1;
    }
    for b in 0..BUCKETS {
        starts[b + 1] += starts[b];
    }
    let mut next = starts.clone();
    let mut sorted = vec![0u32; starts[BUCKETS]];
    for key in keys {
        let at = &mut next[(key >> 16) as usize];
        sorted[*at] = key;
        *at += 1;
    }
    let mut distinct = 0;
    for b in 0..BUCKETS {
        let bucket = &mut sorted[starts[b]..starts[b + 1]];
        bucket.sort_unstable();
        distinct += bucket.iter().enumerate().filter(|&(i, key)| i == 0 || bucket[i - 1] != *key).count();
    }
    distinct
}

/// Two rows of sums added.
#[inline]
fn add(mut a: [i32; N_TAGS], b: [i32; N_TAGS]) -> [i32; N_TAGS] {
    add_row(&mut a, &b);
    a
}

/// Adds a row of weights to a row of sums.
#[inline]
pub(crate) fn add_row<W: Copy + Into<i32>>(sum: &mut [i32; N_TAGS], row: &[W; N_TAGS]) {
    for (s, &w) in sum.iter_mut().zip(row) {
        *s += w.into();
    }
}
