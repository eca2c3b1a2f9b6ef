//! The same statement quoted by several outlets, in the same or different words.
//!
//! Two quotes align when the story gives them the same speaker, they come from different
//! articles, and they share enough content words (after folding, stemming and splitting
//! compounds such as "U.S.-Russian"): at least two, making up at least 40% of the shorter
//! quote. Aligned pairs are joined into groups (connected components). Groups come in the order
//! of their first quote, and each group's quotes in article order, then order within the article.

use std::collections::{BTreeMap, BTreeSet};

use parallax_doc::{Doc, QuoteKind};
use serde::Serialize;

use crate::text::content_words;

/// Quotes of one statement across articles.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteGroup {
    /// Index of the speaker in the story's entities.
    pub speaker: usize,
    /// The quotes: `(article index, quote index)`.
    pub quotes: Vec<(usize, usize)>,
}

/// Minimum share of the shorter quote's content words that the other must contain.
const MIN_CONTAINMENT: f32 = 0.4;

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Groups the quotes of a story's articles that report the same statement.
/// `speaker_of(article, entity)` maps an article entity to its story entity.
pub fn align_quotes(
    docs: &[Doc],
    members: &[usize],
    speaker_of: impl Fn(usize, usize) -> Option<usize>,
) -> Vec<QuoteGroup> {
    let mut quotes: Vec<(usize, usize, usize, BTreeSet<String>)> = Vec::new();
    for &d in members {
        for (q_idx, q) in docs[d].quotes.iter().enumerate() {
            if q.kind == QuoteKind::Indirect {
                continue;
            }
            let Some(speaker) = q.speaker_entity.and_then(|e| speaker_of(d, e)) else { continue };
            let words: BTreeSet<String> = content_words(docs[d].slice(q.span)).into_iter().collect();
            if !words.is_empty() {
                quotes.push((d, q_idx, speaker, words));
            }
        }
    }
    let mut parent: Vec<usize> = (0..quotes.len()).collect();
    for i in 0..quotes.len() {
        for j in i + 1..quotes.len() {
            let (a, b) = (&quotes[i], &quotes[j]);
            if a.0 == b.0 || a.2 != b.2 {
                continue;
            }
            let shared = a.3.intersection(&b.3).count();
            let shorter = a.3.len().min(b.3.len()) as f32;
            if shared >= 2 && shared as f32 >= MIN_CONTAINMENT * shorter {
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                parent[ri] = rj;
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..quotes.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    // groups in the order of their first quote (article order, then position in the article)
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() >= 2).collect();
    groups.sort_unstable_by_key(|g| g[0]);
    groups
        .into_iter()
        .map(|g| QuoteGroup {
            speaker: quotes[g[0]].2,
            quotes: g.iter().map(|&i| (quotes[i].0, quotes[i].1)).collect(),
        })
        .collect()
}
