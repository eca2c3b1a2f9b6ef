//! Story terms, article vectors, and stories grouped as articles stream in.
//!
//! Each article becomes a TF-IDF vector ([`article_vector`]) over its content words, the people,
//! organisations and places it names, and the months it dates things to, weighted against the
//! shipped background corpus ([`crate::background`]). The batch grouping ([`crate::group`])
//! compares these vectors pairwise. For a stream, [`StoryClusterer`] takes articles in order;
//! each joins the story whose centroid it is most similar to (cosine), when that similarity
//! reaches [`StoryClusterer::threshold`], else it starts a new story. Its state is explicit, so
//! a caller can keep feeding it articles.

use std::borrow::Cow;
use std::collections::HashMap;

use parallax_doc::{Doc, EntityKind, Span};

use crate::background::Background;
use crate::text::{fold, fold_span, folded_words, is_stopword, stem_of};

/// How many of an article's strongest terms select the stories it is compared with.
const CANDIDATE_TERMS: usize = 25;

/// How many stories (those sharing most strong terms) an article is compared with.
const MAX_CANDIDATES: usize = 40;

/// Weight of a month the article dates something to, relative to a content word.
const DATE_WEIGHT: f32 = 1.0;

/// Weight of a named entity relative to a content word.
const ENTITY_WEIGHT: f32 = 3.0;

/// How many opening sentences make an article's lead ([`lead_vector`]).
const LEAD_SENTENCES: usize = 2;

/// In [`article_vector`], an entity term's TF-IDF weight is scaled by this: names are already
/// counted as words too, and a name shared by many unrelated stories ("Trump") should not
/// outweigh what happened. Tuned on NeuS train and ECB+ odd topics.
const ENTITY_SCALE: f32 = 0.5;

/// In [`article_terms`], each word of the title counts this many times: a headline names the
/// event the article reports, while the body also carries background and reactions, so two
/// reports of one event share their headlines' words more than the rest. Tuned on NeuS train
/// (B³ of the whole set and of val-sized eighths rose at 2 and 3, 3 barely more) with ECB+ odd
/// topics unchanged (there the title is the first sentence).
const TITLE_WEIGHT: f32 = 2.0;

/// Bytes of text per distinct term, about (what the term maps are sized by before counting).
const TERM_BYTES: usize = 12;

/// An article as a unit vector of TF-IDF weighted story terms (background IDF), sorted by term.
#[derive(Debug, Clone, Default)]
pub struct TermVector {
    terms: Vec<(String, f32)>,
}

impl TermVector {
    /// The content words of `texts` ([`crate::text::content_words`]), weighted against the background
    /// corpus and normalised.
    pub fn of_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> TermVector {
        let folded: Vec<String> = texts.into_iter().map(fold).collect();
        let texts: Vec<(&str, f32)> = folded.iter().map(|t| (t.as_str(), 1.0)).collect();
        TermVector::owned(weigh(count_content_words(&texts), |_| 1.0))
    }

    /// The vector of weighted terms [`weigh`] gave.
    fn owned(terms: Vec<(Cow<str>, f32)>) -> TermVector {
        TermVector { terms: terms.into_iter().map(|(t, w)| (t.into_owned(), w)).collect() }
    }

    /// The `n` strongest terms, strongest first, equal weights in term order.
    pub fn strongest(&self, n: usize) -> Vec<&str> {
        let mut order: Vec<&(String, f32)> = self.terms.iter().collect();
        // a total order (terms are distinct): the best `n` are picked out in linear time, then
        // only they are sorted
        let by_weight = |a: &&(String, f32), b: &&(String, f32)| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0));
        if order.len() > n && n > 0 {
            order.select_nth_unstable_by(n - 1, by_weight);
            order.truncate(n);
        }
        order.sort_unstable_by(by_weight);
        order.into_iter().take(n).map(|(t, _)| t.as_str()).collect()
    }

    /// The terms and their weights, in term order.
    pub fn terms(&self) -> impl Iterator<Item = (&str, f32)> {
        self.terms.iter().map(|(t, w)| (t.as_str(), *w))
    }

    /// The dot product with a sum of vectors given as term weights.
    pub fn dot_sum(&self, sum: &foldhash::HashMap<&str, f32>) -> f32 {
        self.terms.iter().map(|(t, w)| w * sum.get(t.as_str()).copied().unwrap_or(0.0)).sum()
    }

    /// Cosine similarity with `other` (both are unit vectors).
    pub fn cosine(&self, other: &TermVector) -> f32 {
        sparse_dot(&self.terms, &other.terms)
    }
}

/// The dot product of two sparse vectors sorted by key.
pub fn sparse_dot<K: Ord>(a: &[(K, f32)], b: &[(K, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += x.1 * y.1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// The terms of an article: content words (the title's [`TITLE_WEIGHT`] times) and entity names,
/// with counts.
pub fn article_terms(doc: &Doc) -> foldhash::HashMap<String, f32> {
    let title = fold(doc.meta.title.as_deref().unwrap_or(""));
    let text = fold_span(doc, Span { start: 0, end: doc.text.len() });
    borrowed_article_terms(doc, &title, &text).into_iter().map(|(t, n)| (t.into_owned(), n)).collect()
}

/// [`article_terms`] over the folded title and text, the words borrowed from them.
fn borrowed_article_terms<'a>(doc: &Doc, title: &'a str, text: &'a str) -> foldhash::HashMap<Cow<'a, str>, f32> {
    let mut terms = count_content_words(&[(title, TITLE_WEIGHT), (text, 1.0)]);
    terms.reserve(doc.entities.len() + doc.times.len());
    let mentions = doc.mention_counts();
    // a nationality ("American", "Germans") is shared by too many stories to tell them apart
    for e in doc.entities.iter().filter(|e| e.kind != EntityKind::Group) {
        let key = match e.kind {
            EntityKind::Person => format!("@p:{}", fold(e.name.rsplit(' ').next().unwrap_or(&e.name))),
            _ => format!("@e:{}", fold(&e.name)),
        };
        let n = mentions.get(e.id).copied().unwrap_or(0).max(1) as f32;
        *terms.entry(Cow::Owned(key)).or_default() += ENTITY_WEIGHT * n.sqrt();
    }
    // when: months the article dates things to (two events of one kind a year apart differ here)
    for t in &doc.times {
        let month = t.value.get(..7).filter(|m| m.as_bytes().get(4) == Some(&b'-'));
        if let (true, Some(month)) = (t.kind == "date", month) {
            *terms.entry(Cow::Owned(format!("@t:{month}"))).or_default() += DATE_WEIGHT;
        }
    }
    terms
}

/// Counts the content words of folded texts, each word `weight` times (the words of
/// [`crate::text::content_words`], the counts of [`crate::text::count_word`] over them). Each distinct word is checked
/// against the stopwords and stemmed once, and kept borrowed unless its stem is a new string.
/// The counts are sums of small whole numbers, exact in any order.
fn count_content_words<'a>(texts: &[(&'a str, f32)]) -> foldhash::HashMap<Cow<'a, str>, f32> {
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    let mut words: foldhash::HashMap<&'a str, f32> =
        foldhash::HashMap::with_capacity_and_hasher(bytes / TERM_BYTES, foldhash::fast::RandomState::default());
    for &(text, weight) in texts {
        for w in folded_words(text) {
            *words.entry(w).or_insert(0.0) += weight;
        }
    }
    let mut stems: foldhash::HashMap<Cow<'a, str>, f32> =
        foldhash::HashMap::with_capacity_and_hasher(words.len(), foldhash::fast::RandomState::default());
    for (w, n) in words {
        if !is_stopword(w) {
            *stems.entry(stem_of(w)).or_insert(0.0) += n;
        }
    }
    stems
}

/// Counted terms weighted by TF-IDF against the background corpus times `scale(term)`,
/// normalised, in term order.
fn weigh<'a>(
    counts: impl IntoIterator<Item = (Cow<'a, str>, f32)>,
    scale: impl Fn(&str) -> f32,
) -> Vec<(Cow<'a, str>, f32)> {
    let background = Background::shipped();
    let mut terms: Vec<(Cow<'a, str>, f32)> = counts
        .into_iter()
        .map(|(term, tf)| {
            let w = scale(&term) * (1.0 + tf.ln()) * background.idf(&term);
            (term, w)
        })
        .collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        terms.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    terms
}

/// True for the terms of entity names ([`article_terms`]), which [`article_vector`] scales by
/// [`ENTITY_SCALE`].
fn is_entity_term(term: &str) -> bool {
    term.starts_with("@e:") || term.starts_with("@p:")
}

/// The scale of a term's weight in [`article_vector`].
fn article_scale(term: &str) -> f32 {
    if is_entity_term(term) {
        ENTITY_SCALE
    } else {
        1.0
    }
}

/// An article's story terms weighted by TF-IDF against the shipped background corpus and
/// normalised: the same vector whatever else is in the input.
pub fn article_vector(doc: &Doc) -> TermVector {
    let title = fold(doc.meta.title.as_deref().unwrap_or(""));
    let text = fold_span(doc, Span { start: 0, end: doc.text.len() });
    TermVector::owned(weigh(borrowed_article_terms(doc, &title, &text), article_scale))
}

/// A hash map keyed by small integer ids (term ids, story numbers), hashed by one
/// multiplication: the clusterer's lookups are most of its time, and these keys need no
/// protection against chosen collisions.
type IdMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<IdHasher>>;

/// The hasher of [`IdMap`]: Fibonacci hashing of the integer written.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// Incremental story clustering with its state.
#[derive(Debug)]
pub struct StoryClusterer {
    /// Minimum cosine similarity to a story's centroid for an article to join it (0.25 by
    /// default).
    pub threshold: f32,
    vocabulary: foldhash::HashMap<String, u32>,
    /// Per story: summed term weights, their norm, and member articles.
    stories: Vec<StoryState>,
    /// For each term, the stories whose centroid has it.
    postings: IdMap<u32, Vec<usize>>,
}

#[derive(Debug)]
struct StoryState {
    centroid: IdMap<u32, f32>,
    /// The squared norm of the centroid, kept as terms are added.
    norm_sq: f32,
    norm: f32,
    members: Vec<usize>,
}

impl Default for StoryClusterer {
    fn default() -> Self {
        StoryClusterer {
            threshold: 0.25,
            vocabulary: foldhash::HashMap::default(),
            stories: Vec::new(),
            postings: IdMap::default(),
        }
    }
}

/// The lead's texts of an article, folded: its title and first [`LEAD_SENTENCES`] sentences.
fn folded_lead(doc: &Doc) -> Vec<Cow<'_, str>> {
    let title = doc.meta.title.as_deref().unwrap_or("");
    let lead = doc.sentences.iter().take(LEAD_SENTENCES).map(|s| fold_span(doc, s.span));
    std::iter::once(Cow::Owned(fold(title))).chain(lead).collect()
}

/// The weighted terms of an article's lead ([`lead_vector`]), borrowed from its folded texts.
fn lead_terms<'a>(folded: &'a [Cow<'a, str>]) -> Vec<(Cow<'a, str>, f32)> {
    let texts: Vec<(&str, f32)> = folded.iter().map(|t| (&**t, 1.0)).collect();
    weigh(count_content_words(&texts), |_| 1.0)
}

/// The vector of an article's lead: its title and first [`LEAD_SENTENCES`] sentences, content
/// words only, weighted against the background corpus. News states what happened first, so two
/// reports of one event are often closer here than over their whole texts.
pub fn lead_vector(doc: &Doc) -> TermVector {
    TermVector::owned(lead_terms(&folded_lead(doc)))
}

/// A term vector with its terms' text in one buffer: what batch grouping keeps of an article
/// (two allocations, not one per term).
#[derive(Debug, Default)]
pub(crate) struct PackedVector {
    /// The terms' text, one after another in term order.
    text: String,
    /// Per term: where its text ends in `text` and its weight, in term order.
    terms: Vec<(u32, f32)>,
}

impl PackedVector {
    /// Packs weighted terms (in term order).
    fn pack(terms: &[(Cow<str>, f32)]) -> PackedVector {
        let mut text = String::with_capacity(terms.iter().map(|(t, _)| t.len()).sum());
        let terms = terms
            .iter()
            .map(|(t, w)| {
                text.push_str(t);
                (text.len() as u32, *w)
            })
            .collect();
        PackedVector { text, terms }
    }

    /// The terms and their weights, in term order.
    pub(crate) fn terms(&self) -> impl Iterator<Item = (&str, f32)> {
        let mut start = 0;
        self.terms.iter().map(move |&(end, w)| {
            let term = self.text.get(start..end as usize).unwrap_or("");
            start = end as usize;
            (term, w)
        })
    }

    /// The `n` strongest terms, strongest first, equal weights in term order (as
    /// [`TermVector::strongest`]).
    pub(crate) fn strongest(&self, n: usize) -> Vec<&str> {
        let mut order: Vec<(&str, f32)> = self.terms().collect();
        let by_weight = |a: &(&str, f32), b: &(&str, f32)| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0));
        if order.len() > n && n > 0 {
            order.select_nth_unstable_by(n - 1, by_weight);
            order.truncate(n);
        }
        order.sort_unstable_by(by_weight);
        order.into_iter().take(n).map(|(t, _)| t).collect()
    }
}

/// [`article_vector`] and [`lead_vector`] of an article, packed: the words stay borrowed from
/// the folded text until they are packed.
pub(crate) fn packed_vectors(doc: &Doc) -> (PackedVector, PackedVector) {
    let title = fold(doc.meta.title.as_deref().unwrap_or(""));
    let text = fold_span(doc, Span { start: 0, end: doc.text.len() });
    let whole = PackedVector::pack(&weigh(borrowed_article_terms(doc, &title, &text), article_scale));
    let lead = PackedVector::pack(&lead_terms(&folded_lead(doc)));
    (whole, lead)
}

impl StoryClusterer {
    /// Streaming: adds article `idx` and returns the index of its story. Terms are weighted
    /// against the background corpus, so a stream is clustered without holding it.
    pub fn push(&mut self, idx: usize, doc: &Doc) -> usize {
        let v = self.id_vector(doc);
        self.add(idx, v)
    }

    /// The article's vector over vocabulary ids, sorted by id.
    fn id_vector(&mut self, doc: &Doc) -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> =
            article_vector(doc).terms.into_iter().map(|(term, w)| (self.term_id(term), w)).collect();
        v.sort_unstable_by_key(|&(id, _)| id);
        v
    }

    /// Restoring saved state: a new, empty story, which [`StoryClusterer::push`] may then choose.
    /// Returns its index.
    pub fn new_story(&mut self) -> usize {
        self.stories.push(StoryState { centroid: IdMap::default(), norm_sq: 0.0, norm: 0.0, members: Vec::new() });
        self.stories.len() - 1
    }

    /// Restoring saved state: adds article `idx` to `story` (from [`StoryClusterer::new_story`])
    /// without choosing, as when it was first pushed.
    pub fn join(&mut self, story: usize, idx: usize, doc: &Doc) {
        if story >= self.stories.len() {
            return;
        }
        let v = self.id_vector(doc);
        self.extend(story, idx, v);
    }

    /// Streaming: closes a story, so no later article joins it, and frees its centroid.
    pub fn close(&mut self, story: usize) {
        let Some(state) = self.stories.get_mut(story) else { return };
        let centroid = std::mem::take(&mut state.centroid);
        state.members = Vec::new();
        state.norm = 0.0;
        state.norm_sq = 0.0;
        let mut terms: Vec<u32> = centroid.into_keys().collect();
        terms.sort_unstable();
        for term in terms {
            if let Some(list) = self.postings.get_mut(&term) {
                list.retain(|&s| s != story);
                if list.is_empty() {
                    self.postings.remove(&term);
                }
            }
        }
    }

    /// The vocabulary id of `term`, added when new.
    fn term_id(&mut self, term: String) -> u32 {
        let next = self.vocabulary.len() as u32;
        *self.vocabulary.entry(term).or_insert(next)
    }

    fn add(&mut self, idx: usize, vector: Vec<(u32, f32)>) -> usize {
        // candidate stories: those whose centroid has one of the article's strongest terms
        let mut strongest: Vec<&(u32, f32)> = vector.iter().collect();
        // strongest first, equal weights in term-id order
        strongest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut shared: IdMap<usize, usize> = IdMap::default();
        for (term, _) in strongest.iter().take(CANDIDATE_TERMS) {
            for &story in self.postings.get(term).map_or(&[][..], Vec::as_slice) {
                *shared.entry(story).or_default() += 1;
            }
        }
        // the stories sharing most strong terms are the only ones that can be similar enough
        let mut candidates: Vec<(usize, usize)> = shared.into_iter().map(|(story, n)| (n, story)).collect();
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        let candidates: Vec<usize> = candidates.into_iter().take(MAX_CANDIDATES).map(|(_, story)| story).collect();
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        let best = candidates
            .into_iter()
            .map(|story| {
                let state = &self.stories[story];
                let dot: f32 = vector.iter().filter_map(|(t, w)| state.centroid.get(t).map(|c| c * w)).sum();
                (story, dot / (norm * state.norm).max(f32::MIN_POSITIVE))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let story = match best {
            Some((story, sim)) if sim >= self.threshold => story,
            _ => self.new_story(),
        };
        self.extend(story, idx, vector);
        story
    }

    /// Adds an article's vector to a story's centroid.
    fn extend(&mut self, story: usize, idx: usize, vector: Vec<(u32, f32)>) {
        let Some(state) = self.stories.get_mut(story) else { return };
        for (term, weight) in vector {
            let entry = state.centroid.entry(term).or_insert_with(|| {
                self.postings.entry(term).or_default().push(story);
                0.0
            });
            // the squared norm changes by the new square less the old one
            let old = *entry;
            *entry += weight;
            state.norm_sq += *entry * *entry - old * old;
        }
        state.norm = state.norm_sq.max(0.0).sqrt();
        state.members.push(idx);
    }
}
