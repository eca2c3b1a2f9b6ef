//! A statistical named-entity tagger (PER, ORG, LOC, MISC) that Parallax trains itself.
//!
//! A greedy averaged perceptron over BIO tags, trained on CoNLL-2003 by the `train_ner`
//! example and shipped as `data/entities/ner_weights.bin` (compiled in; nothing is downloaded).
//! Features ([`features`]): the word, its lower-cased form, shapes, prefixes and suffixes up to
//! four characters, capitalisation, digits, hyphens and periods, the position in the sentence,
//! words and shapes in a window of ±2, the two previous predicted tags, membership of gazetteer
//! n-grams and lexicons (first names, titles, role words, common words: [`Gazetteer`]), word
//! clusters and capitalisation ratios learnt from unlabelled news ([`clusters`], shipped as
//! `data/entities/ner_clusters.tsv`), document-level consistency ([`DocContext`]: whether the
//! word occurs in lower case in the document, and how it was tagged in earlier sentences), and
//! the document's topic when it opens like a wire headline ("SOCCER - ...": a place name in a
//! sports report is often a team). Decoding is greedy, left to right, never producing an `I-X`
//! that does not continue an `X`.
//!
//! A document is tagged in two passes ([`NerTagger::tag_document`]): the second pass has its
//! own weights and sees, besides the same features, the first pass's tags of each word and of
//! its neighbours, and how the first pass tagged the same word's other capitalised occurrences
//! anywhere in the document, before or after it (non-local features after Ratinov & Roth
//! 2009). The second pass learns from first-pass tags of documents that first pass did not
//! train on (jackknifing, `train.rs`).
//!
//! Its internals are public only with the crate's `train` feature (the `train_ner` and
//! `eval_ner` examples); the pipeline reaches it through [`tag_doc`].
//!
//! ```text
//! let words = ["Olaf", "Scholz", "visited", "Paris", "."];
//! let spans = NerTagger::get().tag_sentence(&words, &mut DocContext::new());
//! assert!(spans.contains(&(0, 2, NerType::Per)));   // tests.rs checks this
//! let doc = [vec!["SOCCER", "-", "HAMBURG", "WIN", "."], vec!["Hamburg", "beat", "Bochum", "."]];
//! let per_sentence = NerTagger::get().tag_document(&doc);
//! ```
//!
//! [`Gazetteer`]: crate::entities::Gazetteer

// The tagger's internals are public only to the training examples (feature `train`).
#[cfg(feature = "train")]
pub mod cluster_learning;
#[cfg(feature = "train")]
pub mod clusters;
#[cfg(not(feature = "train"))]
pub(crate) mod clusters;
#[cfg(feature = "train")]
pub mod features;
#[cfg(not(feature = "train"))]
pub(crate) mod features;
#[cfg(feature = "train")]
pub mod model;
#[cfg(not(feature = "train"))]
pub(crate) mod model;
#[cfg(feature = "train")]
pub mod train;

mod cache;
#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use parallax_doc::{Doc, Span, TokenKind};

pub use clusters::Clusters;
pub use features::{DocContext, NerType};
pub use model::Model;

use cache::WordCache;
use features::{spans_of, DocLabels};

/// The shipped weights. A missing file is a compile error; retrain with
/// `cargo run --release -p parallax-analyze --features train --example train_ner -- ../shared/data/conll2003/train.txt --dev-every 10`
/// (see `data/README.md`).
pub const WEIGHTS: &[u8] = include_bytes!("../../../data/entities/ner_weights.bin");

/// The environment variable that names another weights file for [`NerTagger::get`] to load
/// (for studying the rules over a cross-validated tagger; unset in use).
pub const WEIGHTS_OVERRIDE: &str = "PARALLAX_NER_WEIGHTS";

/// The shipped word clusters the weights were trained with (see [`clusters`]).
pub const CLUSTERS: &str = include_str!("../../../data/entities/ner_clusters.tsv");

/// The named-entity tagger: weights and the word clusters they were trained with.
#[derive(Debug)]
pub struct NerTagger {
    model: Model,
    clusters: Clusters,
    /// A number no other tagger of the process has, naming it to the per-word cache.
    id: u64,
}

/// The next [`NerTagger::id`].
fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl NerTagger {
    /// The shared tagger, loaded from the compiled-in weights on first use.
    ///
    /// # Panics
    ///
    /// When the compiled-in weights file is malformed or was trained with other feature
    /// templates (a build problem, caught by this module's tests).
    ///
    /// For studying the rules' errors only: when the environment variable named by
    /// [`WEIGHTS_OVERRIDE`] names a weights file, that file is loaded instead (weights trained
    /// on part of CoNLL `train.txt` by the `train_ner` example with `--out`, so that the rest of
    /// it can be read as text the tagger has not seen; see `data/README.md`).
    pub fn get() -> &'static NerTagger {
        static TAGGER: OnceLock<NerTagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            if let Some(path) = std::env::var_os(WEIGHTS_OVERRIDE) {
                let weights = std::fs::read(&path)
                    .unwrap_or_else(|e| panic!("{WEIGHTS_OVERRIDE}={}: {e}", path.to_string_lossy()));
                return match NerTagger::from_parts(&weights, CLUSTERS) {
                    Ok(tagger) => tagger,
                    Err(e) => panic!("{WEIGHTS_OVERRIDE}={}: {e}", path.to_string_lossy()),
                };
            }
            match NerTagger::from_parts(WEIGHTS, CLUSTERS) {
                Ok(tagger) => tagger,
                Err(e) => panic!("data/entities/ner_weights.bin: {e}"),
            }
        })
    }

    /// A tagger from a weights file's bytes and the text of the clusters file they were
    /// trained with.
    pub fn from_parts(weights: &[u8], clusters: &str) -> Result<NerTagger, String> {
        let model = Model::from_bytes(weights)?;
        let clusters = Clusters::parse(clusters)?;
        if model.clusters_fingerprint != clusters.fingerprint {
            return Err(
                "the weights were trained with another clusters file: retrain with the train_ner example".into()
            );
        }
        Ok(NerTagger { model, clusters, id: next_id() })
    }

    #[cfg(feature = "train")]
    /// A tagger from weights and clusters already parsed (while training).
    pub fn from_model(model: Model, clusters: Clusters) -> NerTagger {
        NerTagger { model, clusters, id: next_id() }
    }

    #[cfg(feature = "train")]
    /// The word clusters.
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    #[cfg(any(test, feature = "train"))]
    /// The weights.
    pub fn model(&self) -> &Model {
        &self.model
    }

    #[cfg(any(test, feature = "train"))]
    /// Tags one sentence, given as its words (CoNLL-style tokens: possessive `'s` split off),
    /// and records the result in `ctx` for later sentences of the same document. Returns the
    /// entities as word ranges `(start, end, type)`, `end` exclusive, in order. The second,
    /// document-level pass sees this sentence only: prefer [`NerTagger::tag_document`] when the
    /// whole document is at hand.
    pub fn tag_sentence<S: AsRef<str>>(&self, words: &[S], ctx: &mut DocContext) -> Vec<(usize, usize, NerType)> {
        spans_of(&self.tag_sentence_bio(words, ctx))
    }

    #[cfg(any(test, feature = "train"))]
    /// As [`NerTagger::tag_sentence`], returning one BIO tag per word (see
    /// [`features::tag_label`]).
    pub fn tag_sentence_bio<S: AsRef<str>>(&self, words: &[S], ctx: &mut DocContext) -> Vec<u8> {
        ctx.observe(words);
        self.tag_passes(std::slice::from_ref(&words), ctx).pop().unwrap_or_default()
    }

    /// Tags a whole document, given as its sentences' words (CoNLL-style tokens), in two
    /// passes: the first tags each sentence in order (seeing how words were tagged in earlier
    /// sentences), the second tags them again seeing the first pass's tags of the same words
    /// anywhere in the document. Returns each sentence's entities as word ranges
    /// `(start, end, type)`, `end` exclusive.
    pub fn tag_document<W: AsRef<[S]>, S: AsRef<str>>(&self, sentences: &[W]) -> Vec<Vec<(usize, usize, NerType)>> {
        self.tag_document_bio(sentences).iter().map(|tags| spans_of(tags)).collect()
    }

    /// As [`NerTagger::tag_document`], returning one BIO tag per word of each sentence.
    pub fn tag_document_bio<W: AsRef<[S]>, S: AsRef<str>>(&self, sentences: &[W]) -> Vec<Vec<u8>> {
        let mut ctx = DocContext::new();
        for words in sentences {
            ctx.observe(words.as_ref());
        }
        self.tag_passes(sentences, &mut ctx)
    }

    #[cfg(feature = "train")]
    /// The first pass over sentences, in order, without the per-word cache: their sentences
    /// with all their static features (what training learns from), and their tags.
    pub(crate) fn first_pass<W: AsRef<[S]>, S: AsRef<str>>(
        &self,
        sentences: &[W],
        ctx: &mut DocContext,
    ) -> (Vec<features::Sentence>, Vec<Vec<u8>>) {
        let mut sents = Vec::with_capacity(sentences.len());
        let mut tags = Vec::with_capacity(sentences.len());
        for words in sentences {
            let sent = features::Sentence::new(words.as_ref(), ctx, &self.clusters);
            let mut base = vec![[0; features::N_TAGS]; sent.infos.len()];
            self.model.add_static(&sent, &mut base, None);
            let t = self.model.decode(false, &sent, base, None, None);
            ctx.record(&sent.infos, &t);
            sents.push(sent);
            tags.push(t);
        }
        (sents, tags)
    }

    /// The first pass over sentences, in order, then the second pass (when the weights have
    /// one): each sentence's tags. The static features' weights of both passes are summed
    /// while the first pass prepares each sentence, with one lookup a feature.
    fn tag_passes<W: AsRef<[S]>, S: AsRef<str>>(&self, sentences: &[W], ctx: &mut DocContext) -> Vec<Vec<u8>> {
        let two_passes = self.model.passes >= 2;
        WordCache::with(self, |cache| {
            let mut sents = Vec::with_capacity(sentences.len());
            let mut tags = Vec::with_capacity(sentences.len());
            for words in sentences {
                let (sent, ids) = cache.sentence(words.as_ref(), ctx, self);
                let mut base = cache.sums(&sent, &ids, false, self);
                let mut second = two_passes.then(|| cache.sums(&sent, &ids, true, self));
                self.model.add_static(&sent, &mut base, second.as_deref_mut());
                let after_outside = cache.after_outside(&ids, false);
                let t = self.model.decode(false, &sent, base, Some(&after_outside), None);
                ctx.record(&sent.infos, &t);
                sents.push((sent, ids, second.unwrap_or_default()));
                tags.push(t);
            }
            if !two_passes {
                return tags;
            }
            let labels = DocLabels::new(sents.iter().map(|(sent, _, _)| sent), &tags);
            sents
                .into_iter()
                .zip(&tags)
                .map(|((sent, ids, mut base), t)| {
                    self.model.add_tag_context(t, &mut base);
                    let after_outside = cache.after_outside(&ids, true);
                    self.model.decode(true, &sent, base, Some(&after_outside), Some(&labels.features(&sent, t, false)))
                })
                .collect()
        })
    }
}

/// Splits a possessive ending off a word token: `Trump’s` → (`Trump`, `’s`), `allies’` →
/// (`allies`, `’`). Returns the byte length of the stem when there is one.
fn possessive_stem(word: &str) -> Option<usize> {
    for suffix in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.chars().any(char::is_alphanumeric) {
                return Some(stem.len());
            }
        }
    }
    for suffix in ["s’", "s'", "S’", "S'"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            return Some(word.len() - suffix.len() + 1);
        }
    }
    None
}

/// Tags a segmented document (it needs the sentence and token layers) and returns every
/// entity's span and type, in text order. A possessive ending is not part of the span
/// ("Trump’s" gives "Trump"). The document's layers are not changed.
pub fn tag_doc(doc: &Doc) -> Vec<(Span, NerType)> {
    let tagger = NerTagger::get();
    let mut sentences: Vec<(Vec<&str>, Vec<Span>)> = Vec::with_capacity(doc.sentences.len());
    for s in &doc.sentences {
        let tokens = doc.tokens.get(s.tokens.clone()).unwrap_or_default();
        // (a possessive adds a word: rare enough to leave to growth)
        let mut words = Vec::with_capacity(tokens.len());
        let mut spans = Vec::with_capacity(tokens.len());
        for t in tokens {
            let text = doc.slice(t.span);
            if text.is_empty() {
                continue;
            }
            match possessive_stem(text).filter(|_| t.kind == TokenKind::Word) {
                Some(stem) => {
                    let cut = t.span.start + stem;
                    words.push(&text[..stem]);
                    spans.push(Span::new(t.span.start, cut));
                    words.push(&text[stem..]);
                    spans.push(Span::new(cut, t.span.end));
                }
                None => {
                    words.push(text);
                    spans.push(t.span);
                }
            }
        }
        sentences.push((words, spans));
    }
    let words: Vec<&[&str]> = sentences.iter().map(|(w, _)| w.as_slice()).collect();
    let mut out = Vec::new();
    for ((_, spans), found) in sentences.iter().zip(tagger.tag_document(&words)) {
        for (start, end, ty) in found {
            out.push((Span::new(spans[start].start, spans[end - 1].end), ty));
        }
    }
    out
}
