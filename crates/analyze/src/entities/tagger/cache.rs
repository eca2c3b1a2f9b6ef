//! What the tagger computes once per distinct word rather than once per token: the word's
//! [`TokInfo`] values, and the summed weights of the static features that depend on the word
//! alone ([`word_features`]), that a token gets from it as a neighbour
//! ([`neighbour_features`]) or that it gets late in a sentence ([`late_position_features`]),
//! and of its tag-dependent features after an `O` ([`word_transition_features`]), for both
//! passes. About half of a token's features are of these kinds, and most tokens are words seen
//! before, so this saves most lookups in the weights table and most of the per-token string
//! work.
//!
//! Each thread keeps one cache, for one tagger at a time, emptied between documents once it
//! holds [`CAPACITY`] words. The sums are exact (integers), so the tags are the same as
//! without the cache.

use std::borrow::Cow;
use std::cell::RefCell;

use super::features::{
    edge_mark, hash_str, late_position_features, neighbour_features, normalize, word_features,
    word_transition_features, DocContext, IdMap, Seen, Sentence, TokInfo, LATE_POSITION, NEIGHBOURS, N_TAGS, O,
};
use super::model::add_row;
use super::NerTagger;

/// Most words a cache keeps across documents (about seven hundred bytes each).
const CAPACITY: usize = 1 << 14;

/// The summed weights of one word's features for one pass.
#[derive(Clone, Copy)]
struct Sums {
    /// Its own ([`word_features`]).
    own: [i32; N_TAGS],
    /// What it gives as the neighbour at each offset of [`NEIGHBOURS`].
    neighbours: [[i32; N_TAGS]; NEIGHBOURS.len()],
    /// Its [`late_position_features`], the word not occurring and occurring in lower case in
    /// the document.
    late: [[i32; N_TAGS]; 2],
    /// Its [`word_transition_features`] after an `O`.
    after_outside: [i32; N_TAGS],
}

/// A thread's cache of per-word values (see the module's documentation), by word id: the
/// words' texts one after the other in `text`, and in parallel vectors their spans there, their
/// values and their sums, each pass's apart, so that what a sentence reads is close together.
pub(crate) struct WordCache {
    /// The [`NerTagger::id`] of the tagger the entries were computed with.
    tagger: u64,
    /// [`hash_str`] of a word → its id (the word is checked against `text`).
    index: IdMap<u32>,
    text: String,
    spans: Vec<(u32, u32)>,
    infos: Vec<TokInfo>,
    sums: [Vec<Sums>; 2],
    /// Per pass, the summed weights of the [`neighbour_features`] a token gets from a
    /// sentence's start or end marks, by offset (of [`NEIGHBOURS`]) and mark ([`edge_mark`]).
    edges: [[[[i32; N_TAGS]; 2]; NEIGHBOURS.len()]; 2],
}

impl WordCache {
    /// Runs `f` with this thread's cache for `tagger`, ready for a new document.
    pub fn with<R>(tagger: &NerTagger, f: impl FnOnce(&mut WordCache) -> R) -> R {
        thread_local! {
            static CACHE: RefCell<WordCache> = RefCell::new(WordCache {
                tagger: 0,
                index: IdMap::default(),
                text: String::new(),
                spans: Vec::new(),
                infos: Vec::new(),
                sums: [Vec::new(), Vec::new()],
                edges: [[[[0; N_TAGS]; 2]; NEIGHBOURS.len()]; 2],
            });
        }
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if cache.tagger != tagger.id {
                for (pass, edges) in cache.edges.iter_mut().enumerate() {
                    for (at, &k) in NEIGHBOURS.iter().enumerate() {
                        for (mark, sum) in edges[at].iter_mut().enumerate() {
                            *sum = tagger.model.sum(pass == 1, &neighbour_features(Seen::mark(k < 0, mark), k));
                        }
                    }
                }
            }
            if cache.tagger != tagger.id || cache.infos.len() >= CAPACITY {
                cache.tagger = tagger.id;
                cache.index.clear();
                cache.text.clear();
                cache.spans.clear();
                cache.infos.clear();
                cache.sums.iter_mut().for_each(Vec::clear);
            }
            f(&mut cache)
        })
    }

    /// The id of a normalised word, its values computed on first sight.
    fn id(&mut self, word: &str, tagger: &NerTagger) -> u32 {
        let hash = hash_str(word);
        let known = self.index.get(&hash).copied();
        if let Some(id) = known {
            let (start, end) = self.spans[id as usize];
            if self.text.get(start as usize..end as usize) == Some(word) {
                return id;
            }
        }
        let info = TokInfo::of_word(word, &tagger.clusters);
        let mut own = Vec::with_capacity(32);
        word_features(&info, &mut own);
        let seen = Seen::of(&info);
        // each pass's sums of the features (the second's zeros for weights with one pass)
        let model = &tagger.model;
        let both = |feats: &[u64]| match model.passes {
            2.. => model.sum_both(feats),
            _ => [model.sum(false, feats), [0; N_TAGS]],
        };
        let zeros = [0; N_TAGS];
        let mut pass =
            [Sums { own: zeros, neighbours: [zeros; NEIGHBOURS.len()], late: [zeros; 2], after_outside: zeros }; 2];
        [pass[0].own, pass[1].own] = both(&own);
        for (at, &k) in NEIGHBOURS.iter().enumerate() {
            [pass[0].neighbours[at], pass[1].neighbours[at]] = both(&neighbour_features(seen, k));
        }
        for (at, lower_in_doc) in [false, true].into_iter().enumerate() {
            [pass[0].late[at], pass[1].late[at]] = both(&late_position_features(&info, lower_in_doc));
        }
        [pass[0].after_outside, pass[1].after_outside] = both(&word_transition_features(&info, O));
        for (sums, pass) in self.sums.iter_mut().zip(pass) {
            sums.push(pass);
        }
        let id = self.infos.len() as u32;
        self.infos.push(info);
        let start = self.text.len() as u32;
        self.text.push_str(word);
        self.spans.push((start, self.text.len() as u32));
        // two words with one hash (not known to happen): the second is not indexed, and gets
        // an entry of its own each time it is seen
        if known.is_none() {
            self.index.insert(hash, id);
        }
        id
    }

    /// Prepares a sentence for tagging: the ids of its words, and the sentence with the
    /// static features this cache does not give.
    pub fn sentence<S: AsRef<str>>(
        &mut self,
        words: &[S],
        ctx: &DocContext,
        tagger: &NerTagger,
    ) -> (Sentence, Vec<u32>) {
        let norm: Vec<Cow<'_, str>> = words.iter().map(|w| normalize(w.as_ref())).collect();
        let ids: Vec<u32> = norm.iter().map(|w| self.id(w, tagger)).collect();
        let infos = ids.iter().map(|&id| self.infos[id as usize].clone()).collect();
        (Sentence::from_words(&norm, infos, ctx, false), ids)
    }

    /// For each token of a sentence prepared by [`WordCache::sentence`], the summed weights of
    /// the static features the sentence leaves out, in the first pass or the second (`second`).
    pub fn sums(&self, sent: &Sentence, ids: &[u32], second: bool, tagger: &NerTagger) -> Vec<[i32; N_TAGS]> {
        let sums = &self.sums[second as usize];
        let edges = &self.edges[second as usize];
        let n = ids.len();
        (0..n)
            .map(|i| {
                let word = &sums[ids[i] as usize];
                let mut sum = word.own;
                if i >= LATE_POSITION {
                    add_row(&mut sum, &word.late[sent.infos[i].lower_in_doc() as usize]);
                }
                for (at, &k) in NEIGHBOURS.iter().enumerate() {
                    match edge_mark(i, k, n) {
                        None => match ids.get(i.wrapping_add_signed(k)) {
                            Some(&j) => add_row(&mut sum, &sums[j as usize].neighbours[at]),
                            None => add_row(
                                &mut sum,
                                &tagger.model.sum(second, &neighbour_features(Seen::at(&sent.infos, i, k), k)),
                            ),
                        },
                        // the sentence's start or end marks
                        Some(mark) => add_row(&mut sum, &edges[at][mark]),
                    }
                }
                sum
            })
            .collect()
    }

    /// For each word of a sentence (by id), the summed weights of its
    /// [`word_transition_features`] after an `O`, in the first pass or the second (`second`).
    pub fn after_outside(&self, ids: &[u32], second: bool) -> Vec<[i32; N_TAGS]> {
        let sums = &self.sums[second as usize];
        ids.iter().map(|&id| sums[id as usize].after_outside).collect()
    }
}
