//! One story's words numbered as they are first seen, and short texts as vectors over those
//! numbers: what the summary compares its sentences with.
//!
//! A [`Terms`] vector holds exactly the weights of [`crate::cluster::TermVector::of_texts`], in
//! the same (term) order, so every sum over it runs in the same order and comes out the same;
//! only the terms are numbers, so summing and comparing vectors hashes and allocates no strings,
//! and each distinct word is looked up in the background table once per story.

use std::rc::Rc;

use crate::background::{short_term, Background, ShortTerm};
use crate::text::{folded_words, is_stopword, stem_of};

/// A text's vector: `(term id, weight)` in the order of the terms' text, a unit vector.
pub(crate) type Vector = Vec<(u32, f32)>;

/// One story's terms and words, numbered in first-seen order.
#[derive(Debug, Default)]
pub(crate) struct Terms {
    /// Stemmed content word → id (short ones held in place: a lookup reads no other memory).
    ids: foldhash::HashMap<ShortTerm, u32>,
    /// The same for longer stems.
    long_ids: foldhash::HashMap<Rc<str>, u32>,
    /// Per id: the term's text (for ordering; one allocation shared with `ids`) and its
    /// background IDF.
    terms: Vec<(Rc<str>, f32)>,
    /// Word as written (folded) → its term id and its own word id, `None` for a stopword: each
    /// distinct word of the story is checked against the stopwords, stemmed and numbered once.
    /// Short words are held in place, without an allocation each.
    seen: foldhash::HashMap<ShortTerm, Option<(u32, u32)>>,
    /// The same for longer words.
    long_seen: foldhash::HashMap<String, Option<(u32, u32)>>,
    /// How many unstemmed words have ids.
    words: u32,
}

impl Terms {
    /// How many terms have ids (every id is below this).
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// The id of stemmed content word `term`, numbered when new.
    fn id(&mut self, term: &str) -> u32 {
        let short = short_term(term);
        let known = match &short {
            Some(short) => self.ids.get(short),
            None => self.long_ids.get(term),
        };
        if let Some(&id) = known {
            return id;
        }
        let id = self.terms.len() as u32;
        let text: Rc<str> = Rc::from(term);
        match short {
            Some(short) => self.ids.insert(short, id),
            None => self.long_ids.insert(Rc::clone(&text), id),
        };
        self.terms.push((text, Background::shipped().idf(term)));
        id
    }

    /// Calls `f` with the term id and the word id of each content word of folded text `folded`
    /// (the words of [`crate::text::unstemmed_content_words`], stemmed for the term id, as
    /// written for the word id).
    fn each_word(&mut self, folded: &str, mut f: impl FnMut(u32, u32)) {
        for w in folded_words(folded) {
            let short = short_term(w);
            let known = match &short {
                Some(short) => self.seen.get(short),
                None => self.long_seen.get(w),
            };
            let ids = match known {
                Some(&ids) => ids,
                None => {
                    let ids = if is_stopword(w) {
                        None
                    } else {
                        self.words += 1;
                        Some((self.id(&stem_of(w)), self.words - 1))
                    };
                    match short {
                        Some(short) => self.seen.insert(short, ids),
                        None => self.long_seen.insert(w.to_string(), ids),
                    };
                    ids
                }
            };
            if let Some((term, word)) = ids {
                f(term, word);
            }
        }
    }

    /// The vector of folded text `folded`: its content words counted, weighted by TF-IDF
    /// against the background corpus, in term order, normalised (the weights of
    /// `TermVector::of_texts`).
    pub(crate) fn vector(&mut self, folded: &str) -> Vector {
        let mut ids: Vec<u32> = Vec::new();
        self.each_word(folded, |term, _| ids.push(term));
        self.vector_of_terms(ids)
    }

    /// [`Terms::vector`] and [`Terms::words`] of folded text `folded` in one pass over its
    /// words.
    pub(crate) fn vector_and_words(&mut self, folded: &str) -> (Vector, Vec<u32>) {
        let mut ids: Vec<u32> = Vec::new();
        let mut words: Vec<u32> = Vec::new();
        self.each_word(folded, |term, word| {
            ids.push(term);
            words.push(word);
        });
        words.sort_unstable();
        words.dedup();
        (self.vector_of_terms(ids), words)
    }

    /// The vector of a text whose content words have the term ids `ids` (in any order).
    fn vector_of_terms(&self, mut ids: Vec<u32>) -> Vector {
        ids.sort_unstable();
        let mut counts: Vec<(u32, f32)> = Vec::with_capacity(ids.len());
        for id in ids {
            match counts.last_mut() {
                Some((last, n)) if *last == id => *n += 1.0,
                _ => counts.push((id, 1.0)),
            }
        }
        let terms = &self.terms;
        let idf = |id: u32| terms.get(id as usize).map_or(1.0, |t| t.1);
        let mut vector: Vector = counts.into_iter().map(|(id, tf)| (id, (1.0 + tf.ln()) * idf(id))).collect();
        let text_of = |id: u32| terms.get(id as usize).map_or("", |t| &*t.0);
        vector.sort_unstable_by(|a, b| text_of(a.0).cmp(text_of(b.0)));
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            vector.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        vector
    }

    /// The distinct unstemmed content words of folded text `folded`
    /// ([`crate::text::unstemmed_content_words`]) as ids, sorted by id.
    pub(crate) fn words(&mut self, folded: &str) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        self.each_word(folded, |_, word| out.push(word));
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The dot product of `v` with a sum of vectors spread out by term id, in `v`'s order.
pub(crate) fn dot_dense(v: &[(u32, f32)], dense: &[f32]) -> f32 {
    v.iter().map(|&(id, w)| w * dense.get(id as usize).copied().unwrap_or(0.0)).sum()
}

/// Adds `v` into `dense` at its term ids.
pub(crate) fn add_dense(v: &[(u32, f32)], dense: &mut [f32]) {
    for &(id, w) in v {
        if let Some(slot) = dense.get_mut(id as usize) {
            *slot += w;
        }
    }
}

/// Cosine similarity of two vectors (unit vectors): their shared terms' products summed in
/// term order.
pub(crate) fn cosine(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let mut sum = 0.0f32;
    for &(id, x) in a {
        if let Some(&(_, y)) = b.iter().find(|&&(other, _)| other == id) {
            sum += x * y;
        }
    }
    sum
}

/// How many ids two sorted id lists share.
pub(crate) fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::TermVector;
    use crate::text::fold;

    #[test]
    fn vectors_weigh_terms_as_term_vectors_do() {
        let texts = [
            "Rebels attacked the northern town of Kalo on Monday, killing twelve soldiers, officials said.",
            "Twelve soldiers were killed when rebels attacked the town; the rebels organised the attack.",
        ];
        let mut terms = Terms::default();
        for text in texts {
            let v = terms.vector(&fold(text));
            let expected: Vec<(String, f32)> =
                TermVector::of_texts([text]).terms().map(|(t, w)| (t.into(), w)).collect();
            let got: Vec<(String, f32)> =
                v.iter().map(|&(id, w)| (terms.terms[id as usize].0.to_string(), w)).collect();
            assert_eq!(got, expected);
        }
        let (a, b) = (terms.vector(&fold(texts[0])), terms.vector(&fold(texts[1])));
        assert_eq!(cosine(&a, &b), TermVector::of_texts([texts[0]]).cosine(&TermVector::of_texts([texts[1]])));
    }

    #[test]
    fn words_are_distinct_and_shared_counts_them() {
        let mut terms = Terms::default();
        let a = terms.words(&fold("Rebels attacked the town, the rebels said."));
        let b = terms.words(&fold("The town was attacked."));
        assert_eq!(a.len(), 3); // rebels, attacked, town ("said" and "the" are stopwords)
        assert_eq!(shared(&a, &b), 2);
    }
}
