//! Stories: articles about the same events, grouped as they stream in.
//!
//! Each article becomes a TF-IDF vector over its content words and, weighted higher, the people,
//! organisations and places it names. Articles are taken in input order; each joins the story
//! whose centroid it is most similar to (cosine), when that similarity reaches
//! [`StoryClusterer::threshold`], else it starts a new story. The state is explicit
//! ([`StoryClusterer`]), so a caller can keep feeding it articles.

use std::collections::HashMap;

use parallax_doc::{Doc, EntityKind};

use crate::text::{content_words, cosine, fold};

/// Weight of a named entity relative to a content word.
const ENTITY_WEIGHT: f32 = 3.0;

/// Incremental story clustering with its state.
#[derive(Debug)]
pub struct StoryClusterer {
    /// Minimum cosine similarity to a story's centroid for an article to join it.
    pub threshold: f32,
    vocabulary: HashMap<String, u32>,
    /// Per story: summed term weights and member articles.
    stories: Vec<(HashMap<u32, f32>, Vec<usize>)>,
}

impl Default for StoryClusterer {
    fn default() -> Self {
        StoryClusterer { threshold: 0.22, vocabulary: HashMap::new(), stories: Vec::new() }
    }
}

/// The terms of an article: content words and entity names, with counts.
pub fn article_terms(doc: &Doc) -> HashMap<String, f32> {
    let mut terms: HashMap<String, f32> = HashMap::new();
    let title = doc.meta.title.as_deref().unwrap_or("");
    for w in content_words(title).into_iter().chain(content_words(&doc.text)) {
        *terms.entry(w).or_default() += 1.0;
    }
    for e in &doc.entities {
        let key = match e.kind {
            EntityKind::Person => format!("@p:{}", fold(e.name.rsplit(' ').next().unwrap_or(&e.name))),
            _ => format!("@e:{}", fold(&e.name)),
        };
        let n = doc.mentions.iter().filter(|m| m.entity == e.id).count().max(1) as f32;
        *terms.entry(key).or_default() += ENTITY_WEIGHT * n.sqrt();
    }
    terms
}

impl StoryClusterer {
    /// Groups `docs` into stories; `idf` weights terms (see [`document_frequencies`]).
    pub fn cluster(&mut self, docs: &[Doc]) -> Vec<Vec<usize>> {
        let df = document_frequencies(docs);
        let n = docs.len() as f32;
        for (idx, doc) in docs.iter().enumerate() {
            let vector = self.vector(doc, &df, n);
            self.add(idx, vector);
        }
        self.stories.iter().map(|(_, members)| members.clone()).collect()
    }

    fn vector(&mut self, doc: &Doc, df: &HashMap<String, usize>, n: f32) -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> = article_terms(doc)
            .into_iter()
            .map(|(term, tf)| {
                let idf = ((n + 1.0) / (*df.get(&term).unwrap_or(&1) as f32 + 1.0)).ln() + 1.0;
                let next = self.vocabulary.len() as u32;
                let id = *self.vocabulary.entry(term).or_insert(next);
                (id, (1.0 + tf.ln()) * idf)
            })
            .collect();
        v.sort_unstable_by_key(|&(id, _)| id);
        v
    }

    fn add(&mut self, idx: usize, vector: Vec<(u32, f32)>) {
        let best = self
            .stories
            .iter()
            .enumerate()
            .map(|(s, (centroid, _))| {
                let mut c: Vec<(u32, f32)> = centroid.iter().map(|(&k, &v)| (k, v)).collect();
                c.sort_unstable_by_key(|&(k, _)| k);
                (s, cosine(&vector, &c))
            })
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((s, sim)) if sim >= self.threshold => {
                let (centroid, members) = &mut self.stories[s];
                for (k, v) in vector {
                    *centroid.entry(k).or_default() += v;
                }
                members.push(idx);
            }
            _ => self.stories.push((vector.into_iter().collect(), vec![idx])),
        }
    }
}

/// In how many documents each term occurs.
pub fn document_frequencies(docs: &[Doc]) -> HashMap<String, usize> {
    let mut df: HashMap<String, usize> = HashMap::new();
    for doc in docs {
        for term in article_terms(doc).into_keys() {
            *df.entry(term).or_default() += 1;
        }
    }
    df
}
