//! The same statement quoted by several outlets, in the same or different words.
//!
//! Two quotes align when the story gives them the same speaker, they come from different
//! independent reports (a copy's quotes are its original's and are not aligned with them), and they share enough content words (after folding, stemming and splitting
//! compounds such as "U.S.-Russian"): at least two, making up at least 40% of the shorter
//! quote, and three unless they are all of it. Aligned pairs are joined into groups, best pair
//! first, only where every quote of the group aligns with every other of another article
//! (complete linkage: two statements that each share words with a third are not one; two parts
//! of one statement, quoted apart by one outlet, may be). Groups come in the order of
//! their first quote, and each group's quotes in article order, then order within the article.

use std::collections::BTreeSet;

use parallax_doc::{Doc, QuoteKind};
use serde::Serialize;

use crate::reports::Reports;
use crate::text::content_words;
use crate::StoryEntity;

/// Quotes of one statement across articles.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteGroup {
    /// Index of the speaker in the story's entities.
    pub speaker: usize,
    /// The quotes: `(article index, quote index)`.
    pub quotes: Vec<(usize, usize)>,
}

/// The words one story entity is quoted saying, across the story's articles.
#[derive(Debug, Clone, Serialize)]
pub struct SpeakerQuotes {
    /// Index of the speaker in the story's entities.
    pub speaker: usize,
    /// Its direct and partial quotes, `(article index, quote index)`, in the order of the
    /// entity's members (its per-article entities), then of the quotes in the article.
    pub quotes: Vec<(usize, usize)>,
}

/// Who said what in their own words: for each story entity (in entity order) quoted in direct
/// or partial quotes, those quotes. Reported speech is left out: its words are the reporter's;
/// so are fragments (one word, or only function words: `quotes::is_fragment`).
pub fn quotes_by_speaker(docs: &[Doc], entities: &[StoryEntity]) -> Vec<SpeakerQuotes> {
    entities
        .iter()
        .enumerate()
        .map(|(speaker, entity)| {
            let quotes = entity
                .members
                .iter()
                .flat_map(|&(d, e)| {
                    docs[d]
                        .quotes
                        .iter()
                        .enumerate()
                        .filter(move |(_, q)| {
                            q.speaker_entity == Some(e)
                                && q.kind != QuoteKind::Indirect
                                && !parallax_analyze::quotes::is_fragment(&docs[d], q)
                        })
                        .map(move |(q, _)| (d, q))
                })
                .collect();
            SpeakerQuotes { speaker, quotes }
        })
        .filter(|s| !s.quotes.is_empty())
        .collect()
}

/// Minimum share of the shorter quote's content words that the other must contain.
const MIN_CONTAINMENT: f32 = 0.4;

/// Whether two quotes' content words say one statement: at least two shared words, making up
/// at least [`MIN_CONTAINMENT`] of the shorter quote, and three or more unless they are all of
/// it (two words in common with a long quote do not make "I told my son" the same statement).
/// The number of shared words when they do.
fn alignment(a: &BTreeSet<String>, b: &BTreeSet<String>) -> Option<usize> {
    let shared = a.intersection(b).count();
    let shorter = a.len().min(b.len());
    (shared >= 2 && shared as f32 >= MIN_CONTAINMENT * shorter as f32 && (shared >= 3 || shared == shorter))
        .then_some(shared)
}

/// Groups the quotes of a story's articles that report the same statement.
/// `speaker_of(article, entity)` maps an article entity to its story entity.
pub fn align_quotes(
    docs: &[Doc],
    members: &[usize],
    reports: &Reports,
    speaker_of: impl Fn(usize, usize) -> Option<usize>,
) -> Vec<QuoteGroup> {
    let mut quotes: Vec<(usize, usize, usize, BTreeSet<String>)> = Vec::new();
    // a copy's quotes are its original's: the same statement in the same report
    for &d in members.iter().filter(|&&d| !reports.is_copy(d)) {
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
    // the aligned pairs, by speaker (quotes of one speaker are few), best first
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    let mut aligned: BTreeSet<(usize, usize)> = BTreeSet::new();
    for i in 0..quotes.len() {
        for j in i + 1..quotes.len() {
            let (a, b) = (&quotes[i], &quotes[j]);
            if a.0 == b.0 || a.2 != b.2 {
                continue;
            }
            if let Some(shared) = alignment(&a.3, &b.3) {
                pairs.push((shared, i, j));
                aligned.insert((i, j));
            }
        }
    }
    pairs.sort_by_key(|&(shared, i, j)| (std::cmp::Reverse(shared), i, j));
    // groups whose quotes all align with one another (complete linkage: two statements that
    // each share words with a third, longer quote are not one statement), but for quotes of one
    // article, which may be parts of a statement another outlet quotes whole
    // each quote's group, and each group's quotes
    let mut group: Vec<usize> = (0..quotes.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..quotes.len()).map(|i| vec![i]).collect();
    let together = |x: usize, y: usize| quotes[x].0 == quotes[y].0 || aligned.contains(&(x.min(y), x.max(y)));
    for (_, i, j) in pairs {
        let (gi, gj) = (group[i], group[j]);
        if gi == gj {
            continue;
        }
        if members[gi].iter().all(|&x| members[gj].iter().all(|&y| together(x, y))) {
            let moved = std::mem::take(&mut members[gi]);
            for &x in &moved {
                group[x] = gj;
            }
            members[gj].extend(moved);
        }
    }
    let groups = members.into_iter().map(|mut g| {
        g.sort_unstable();
        g
    });
    // groups in the order of their first quote (article order, then position in the article)
    let mut groups: Vec<Vec<usize>> = groups.filter(|g| g.len() >= 2).collect();
    groups.sort_unstable_by_key(|g| g[0]);
    groups
        .into_iter()
        .map(|g| QuoteGroup {
            speaker: quotes[g[0]].2,
            quotes: g.iter().map(|&i| (quotes[i].0, quotes[i].1)).collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quoted_statement_but_fragments_is_listed_once_under_its_speaker() {
        let analysis = crate::testdata::examples();
        for story in &analysis.stories {
            let listed: Vec<(usize, usize, usize)> = story
                .quoted_speakers
                .iter()
                .flat_map(|s| s.quotes.iter().map(move |&(d, q)| (s.speaker, d, q)))
                .collect();
            let mut expected = Vec::new();
            for &d in &story.articles {
                for (q, quote) in analysis.docs[d].quotes.iter().enumerate() {
                    let speaker = quote.speaker_entity.and_then(|e| story.entity_of(d, e));
                    // fragments ("immediately") are not listed as anyone's words
                    let listed = quote.kind != QuoteKind::Indirect
                        && !parallax_analyze::quotes::is_fragment(&analysis.docs[d], quote);
                    if let (Some(speaker), true) = (speaker, listed) {
                        expected.push((speaker, d, q));
                    }
                }
            }
            let mut sorted = listed.clone();
            sorted.sort_unstable();
            expected.sort_unstable();
            assert_eq!(sorted, expected);
            assert!(story.quoted_speakers.iter().all(|s| !s.quotes.is_empty()));
            assert!(story.quoted_speakers.windows(2).all(|w| w[0].speaker < w[1].speaker));
        }
        assert!(analysis.stories.iter().any(|s| !s.quoted_speakers.is_empty()));
    }
}
