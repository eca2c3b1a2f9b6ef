//! Batch story grouping: average-link agglomerative clustering over a sparse similarity graph.
//!
//! Each article is a unit vector of its story terms ([`crate::cluster::article_terms`]) weighted
//! by TF-IDF against the shipped background corpus ([`crate::background`]), so an article's
//! vector does not depend on the other articles of the input. Two articles are compared when
//! they share one of their strongest terms; their similarity is the cosine of their vectors,
//! lowered when both carry publication dates far apart (a sequel months later is another story).
//! Stories are then merged pairwise, the two with the highest *average* similarity over all
//! their article pairs first, while that average reaches [`Grouping::threshold`]: a story grows
//! only when its articles are close to each other on average, not through one chain of
//! neighbours.
//!
//! Deterministic: terms, candidates and merges are taken in a fixed order, ties to the lower
//! article index.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use chrono::Datelike;
use parallax_doc::{Doc, Provenance};
use rayon::prelude::*;

use crate::background::{short_term, ShortTerm};
use crate::cluster::{packed_vectors, PackedVector};

/// How many of an article's strongest terms select the articles it is compared with.
const CANDIDATE_TERMS: usize = 25;

/// At most this many earlier articles (those sharing most strong terms) are compared with each
/// article: the cost per article is bounded whatever the input holds.
const MAX_CANDIDATES: usize = 100;

/// Two articles are as similar as their whole texts, or as their leads (title and opening
/// sentences) times this, whichever is higher: two long reports of one event may differ in
/// their background yet state the same event in their first lines.
const LEAD_WEIGHT: f32 = 0.6;

/// Of the earlier articles sharing one strong term, only the last this many are looked at.
const MAX_POSTING: usize = 2000;

/// Pairs less similar than this are not kept in the graph.
const MIN_EDGE: f32 = 0.1;

/// Publication dates this many days apart or fewer do not lower a pair's similarity.
const SAME_NEWS_DAYS: i64 = 3;

/// Beyond [`SAME_NEWS_DAYS`], the similarity halves every this many days.
const HALF_LIFE_DAYS: f32 = 7.0;

/// Batch grouping with its one parameter.
#[derive(Debug, Clone, Copy)]
pub struct Grouping {
    /// Minimum average similarity between two stories' articles for them to merge. The default
    /// is tuned on NeuS train and ECB+ odd topics (see `examples/ecb_stories.rs`).
    pub threshold: f32,
}

impl Default for Grouping {
    fn default() -> Self {
        Grouping { threshold: 0.28 }
    }
}

impl Grouping {
    /// Groups `docs` into stories: each a list of article indices in input order; stories in
    /// the order of their first article.
    pub fn group(&self, docs: &[Doc]) -> Vec<Vec<usize>> {
        // each article's vectors on its own (in parallel), then their terms numbered in input
        // order, so the ids (and every tie broken by them) do not depend on the threads
        let measured: Vec<(PackedVector, PackedVector)> = docs.par_iter().map(packed_vectors).collect();
        let mut vocabulary = Vocabulary::default();
        let vectors: Vec<Article> = measured
            .iter()
            .map(|(whole, lead)| {
                let strongest: Vec<u32> =
                    whole.strongest(CANDIDATE_TERMS).into_iter().map(|t| term_id(&mut vocabulary, t)).collect();
                Article { whole: to_ids(whole, &mut vocabulary), lead: to_ids(lead, &mut vocabulary), strongest }
            })
            .collect();
        let days: Vec<Option<i64>> = docs.iter().map(publication_day).collect();
        let edges = similarity_graph(&vectors, &days, vocabulary.len());
        average_link(docs.len(), edges, self.threshold)
    }
}

/// The day number of an article's publication date, when the input gave one (an inferred date
/// is not evidence of which story it belongs to).
fn publication_day(doc: &Doc) -> Option<i64> {
    if doc.meta.published_from == Provenance::Inferred {
        return None;
    }
    let (y, m, d) = doc.meta.published_ymd()?;
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|date| i64::from(date.num_days_from_ce()))
}

/// How much a pair's similarity is kept when its articles were published `days` apart.
fn date_factor(days: Option<i64>) -> f32 {
    match days {
        Some(d) if d.abs() > SAME_NEWS_DAYS => 0.5f32.powf((d.abs() - SAME_NEWS_DAYS) as f32 / HALF_LIFE_DAYS),
        _ => 1.0,
    }
}

/// A term vector with its terms as ids of one batch's vocabulary, sorted by id: comparing two
/// is a merge of integers.
type IdVector = Vec<(u32, f32)>;

/// One batch's terms numbered in first-seen order: short terms held in place (a lookup reads no
/// other memory), longer ones borrowed from the articles' term vectors.
#[derive(Default)]
struct Vocabulary<'a> {
    short: foldhash::HashMap<ShortTerm, u32>,
    long: foldhash::HashMap<&'a str, u32>,
}

impl Vocabulary<'_> {
    /// How many terms have ids.
    fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }
}

/// The id of `term` in `vocabulary`, the next one when the term is new.
fn term_id<'a>(vocabulary: &mut Vocabulary<'a>, term: &'a str) -> u32 {
    let next = vocabulary.len() as u32;
    match short_term(term) {
        Some(short) => *vocabulary.short.entry(short).or_insert(next),
        None => *vocabulary.long.entry(term).or_insert(next),
    }
}

/// `v`'s terms as ids of `vocabulary` (new terms added in first-seen order).
fn to_ids<'a>(v: &'a PackedVector, vocabulary: &mut Vocabulary<'a>) -> IdVector {
    let mut out: IdVector = v.terms().map(|(term, w)| (term_id(vocabulary, term), w)).collect();
    out.sort_unstable_by_key(|&(id, _)| id);
    out
}

/// What grouping keeps of an article: its whole and lead vectors and its strongest terms.
struct Article {
    whole: IdVector,
    lead: IdVector,
    strongest: Vec<u32>,
}

/// Similar pairs `(i, j, similarity)` with `i < j`; term ids are below `terms`.
fn similarity_graph(vectors: &[Article], days: &[Option<i64>], terms: usize) -> Vec<(usize, usize, f32)> {
    // per term id, the articles with it among their strongest terms, in input order
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); terms];
    // the current article's vectors spread out by term id: a candidate's dot product with it is
    // one pass over the candidate's terms (the same sum, in the same order, as merging the two)
    let mut whole = vec![0f32; terms];
    let mut lead = vec![0f32; terms];
    // per earlier article, how many strong terms it shares with the current one
    let mut shared = vec![0u32; vectors.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut edges = Vec::new();
    for (i, article) in vectors.iter().enumerate() {
        for term in &article.strongest {
            let list = postings.get(*term as usize).map_or(&[][..], Vec::as_slice);
            // the most recent articles sharing the term: a term that half the input shares
            // does not make the cost per article grow with the input
            for &j in &list[list.len().saturating_sub(MAX_POSTING)..] {
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        let mut candidates: Vec<(u32, usize)> = touched.iter().map(|&j| (shared[j], j)).collect();
        for &j in &touched {
            shared[j] = 0;
        }
        touched.clear();
        // most shared strong terms first, then the earlier article (a total order: the best
        // MAX_CANDIDATES are picked out in linear time, then only they are sorted)
        let order = |a: &(u32, usize), b: &(u32, usize)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if candidates.len() > MAX_CANDIDATES {
            candidates.select_nth_unstable_by(MAX_CANDIDATES, order);
            candidates.truncate(MAX_CANDIDATES);
        }
        candidates.sort_unstable_by(order);
        spread(&article.whole, &mut whole);
        spread(&article.lead, &mut lead);
        for &(_, j) in candidates.iter().take(MAX_CANDIDATES) {
            let apart = days[i].zip(days[j]).map(|(a, b)| a - b);
            let other = &vectors[j];
            let s =
                spread_dot(&whole, &other.whole).max(LEAD_WEIGHT * spread_dot(&lead, &other.lead)) * date_factor(apart);
            if s >= MIN_EDGE {
                edges.push((j, i, s));
            }
        }
        clear(&article.whole, &mut whole);
        clear(&article.lead, &mut lead);
        for &term in &article.strongest {
            if let Some(list) = postings.get_mut(term as usize) {
                list.push(i);
            }
        }
    }
    edges
}

/// Writes `v`'s weights into `dense` at their term ids.
fn spread(v: &IdVector, dense: &mut [f32]) {
    for &(id, w) in v {
        if let Some(slot) = dense.get_mut(id as usize) {
            *slot = w;
        }
    }
}

/// Zeroes what [`spread`] wrote of `v`.
fn clear(v: &IdVector, dense: &mut [f32]) {
    for &(id, _) in v {
        if let Some(slot) = dense.get_mut(id as usize) {
            *slot = 0.0;
        }
    }
}

/// The dot product of a spread-out vector and `v`.
fn spread_dot(dense: &[f32], v: &IdVector) -> f32 {
    let mut sum = 0.0f32;
    for &(id, w) in v {
        sum += dense.get(id as usize).copied().unwrap_or(0.0) * w;
    }
    sum
}

/// Average-link clustering of `n` items over `edges` (absent pairs count as similarity 0).
fn average_link(n: usize, edges: Vec<(usize, usize, f32)>, threshold: f32) -> Vec<Vec<usize>> {
    // per cluster (named by its lowest item): summed similarity to each neighbouring cluster
    let mut links: Vec<BTreeMap<usize, f32>> = vec![BTreeMap::new(); n];
    for (i, j, s) in edges {
        *links[i].entry(j).or_default() += s;
        *links[j].entry(i).or_default() += s;
    }
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let average = |sum: f32, a: usize, b: usize| sum / (a * b) as f32;
    // best average first; equal averages to the lower pair (similarities are non-negative, so
    // their bit patterns order like the values)
    let mut heap: BinaryHeap<(u32, Reverse<usize>, Reverse<usize>)> = BinaryHeap::new();
    for (i, l) in links.iter().enumerate() {
        for (&j, &sum) in l.range(i + 1..) {
            if sum >= threshold {
                heap.push((sum.to_bits(), Reverse(i), Reverse(j)));
            }
        }
    }
    while let Some((bits, Reverse(a), Reverse(b))) = heap.pop() {
        if members[a].is_empty() || members[b].is_empty() {
            continue;
        }
        let current = links[a].get(&b).map(|&sum| average(sum, members[a].len(), members[b].len()));
        if current.map(f32::to_bits) != Some(bits) {
            continue; // stale: one of the two has merged since
        }
        // merge b into a
        let moved = std::mem::take(&mut links[b]);
        links[a].remove(&b);
        for (k, sum) in moved {
            if k == a {
                continue;
            }
            links[k].remove(&b);
            *links[k].entry(a).or_default() += sum;
            *links[a].entry(k).or_default() += sum;
        }
        let taken = std::mem::take(&mut members[b]);
        members[a].extend(taken);
        members[a].sort_unstable();
        for (&k, &sum) in &links[a] {
            let avg = average(sum, members[a].len(), members[k].len());
            if avg >= threshold {
                let (lo, hi) = (a.min(k), a.max(k));
                heap.push((avg.to_bits(), Reverse(lo), Reverse(hi)));
            }
        }
    }
    let mut stories: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    stories.sort_unstable_by_key(|m| m[0]);
    stories
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_link_merges_close_groups_and_keeps_a_chain_apart() {
        // 0-1-2 close to each other; 3 close to 2 only: on average too far from {0, 1, 2}
        let edges = vec![(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85), (2, 3, 0.6)];
        assert_eq!(average_link(4, edges, 0.3), vec![vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn articles_published_weeks_apart_are_less_alike() {
        assert_eq!(date_factor(Some(2)), 1.0);
        assert!(date_factor(Some(-10)) < 0.6);
        assert!(date_factor(Some(60)) < 0.01);
        assert_eq!(date_factor(None), 1.0);
    }
}
