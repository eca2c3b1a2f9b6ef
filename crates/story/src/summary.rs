//! A short extractive summary of a story, each sentence with the articles that support it, and
//! the story's headline.
//!
//! Sentences are scored by how many of the story's independent reports share their content words
//! (what several outlets report is central; a copy of an article adds nothing), with a bonus for
//! an article's opening sentences (news puts the main facts first), and chosen greedily without
//! repeating one another, within a word budget (about 75 words for a roundup of three reports,
//! what an editor writes; a little more when more outlets cover the story). A sentence's sources
//! are its own article and every other independent report that *supports* it: one of its
//! sentences holds at least [`MIN_SUPPORT`] of the summary sentence's content words. Copies are
//! never cited beside their original. A story none of whose sentences is summary material
//! (each quoted, too short or too long, or a headline) is summed up by its first sentence that
//! is not a quotation, an aside or the title.
//!
//! Everything is ordered: word sets are sorted (so the floating-point score sums run in the same
//! order on every run), ties in score go to the earlier article and sentence, and sources are in
//! article order after the sentence's own article.

use std::borrow::Cow;

use parallax_doc::{Doc, TokenKind};
use serde::Serialize;

use crate::reports::Reports;
use crate::terms::{add_dense, cosine, dot_dense, shared, Terms, Vector};
use crate::text::{fold, fold_span};

/// One summary sentence: `(article index, sentence index)` and its supporting articles.
#[derive(Debug, Clone, Serialize)]
pub struct SummarySentence {
    /// The article the sentence is taken from.
    pub article: usize,
    /// The sentence's index in that article.
    pub sentence: usize,
    /// Articles that support it (its own first).
    pub sources: Vec<usize>,
}

/// At most this many sentences.
const MAX_SENTENCES: usize = 6;
const BUDGET_BASE: usize = 55;
const BUDGET_PER_REPORT: usize = 5;
/// The last sentence may run past the budget by this many words.
const BUDGET_OVERRUN: usize = 15;
/// Sentences shorter or longer than these (in words) are not summary material.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 60;
/// Added to an article's first sentence's score: news states the main facts first.
const LEAD_BONUS: f32 = 0.05;
/// A sentence opening with a pronoun keeps this share of its score.
const PRONOUN_PENALTY: f32 = 0.7;
/// A sentence more similar than this (cosine) to one already chosen repeats it. Only near
/// restatements are left out: two outlets stating the main fact in their own words is what a
/// roundup says too (on NeuS train, with the gold stories, ROUGE-1 rose 0.3 from 0.5 to 0.7
/// and no more above).
const MAX_OVERLAP: f32 = 0.7;
/// A line whose words of four letters or more are capitalised at least this often is in Title
/// Case: a headline.
const TITLE_CASE_SHARE: f32 = 0.7;
/// A line without closing punctuation this long or longer is a sentence cut short (a feed's
/// excerpt, a lead cut at a length), not a headline: headlines are shorter, or in Title Case.
/// On NeuS train (leads cut mid-sentence), admitting them raised ROUGE-1 0.5 (0.6 at 15
/// words, 0.5 at 25).
const CUT_SENTENCE_WORDS: usize = 15;
/// Pronouns that make an opening sentence dangle out of its article.
const OPENING_PRONOUNS: &[&str] = &["he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "those"];

/// The summary's length in words for a story of `reports` independent reports: about what an
/// editor writes for a roundup of a few articles, a little more for a story many outlets cover.
fn word_budget(reports: usize) -> usize {
    BUDGET_BASE + BUDGET_PER_REPORT * reports.min(8)
}

/// The share of a summary sentence's content words that one sentence of another article must
/// hold for that article to be cited for it: a citation says the article says this, not that
/// it shares a few words with it.
pub const MIN_SUPPORT: f32 = 0.7;

/// True when a sentence with the words `sentence` supports one with the words `claim` (each
/// its distinct unstemmed content words as sorted ids): it holds at least [`MIN_SUPPORT`] of
/// the claim's words.
fn supports(sentence: &[u32], claim: &[u32]) -> bool {
    !claim.is_empty() && shared(claim, sentence) as f32 >= MIN_SUPPORT * claim.len() as f32
}

/// Summarises the story made of `members`; `reports` says which members are copies of others.
pub fn summarize(docs: &[Doc], members: &[usize], reports: &Reports) -> Vec<SummarySentence> {
    /// A sentence or title of an independent report: its article, its sentence (`None` for the
    /// title), and, computed when first needed, its vector and its unstemmed content words.
    struct Unit<'a> {
        article: usize,
        sentence: Option<usize>,
        text: &'a str,
        vector: Option<Vector>,
        words: Option<Vec<u32>>,
    }
    /// Computes the vector of `units[at]` unless it already has one, and a sentence's words with
    /// it (one pass over the text: a story of several reports needs both of most sentences).
    fn vector_of(docs: &[Doc], units: &mut [Unit], terms: &mut Terms, at: usize) {
        if let Some(unit) = units.get_mut(at) {
            if unit.vector.is_none() {
                let folded = folded(docs, unit);
                if unit.sentence.is_some() && unit.words.is_none() {
                    let (vector, words) = terms.vector_and_words(&folded);
                    unit.vector = Some(vector);
                    unit.words = Some(words);
                } else {
                    unit.vector = Some(terms.vector(&folded));
                }
            }
        }
    }
    /// A unit's text folded: a sentence's borrowed from its article's lower-cased view when it
    /// can be ([`fold_span`]).
    fn folded<'a>(docs: &'a [Doc], unit: &Unit<'a>) -> Cow<'a, str> {
        let doc = docs.get(unit.article);
        match (doc, unit.sentence.and_then(|s| doc.and_then(|doc| doc.sentences.get(s)))) {
            (Some(doc), Some(s)) => fold_span(doc, s.span),
            _ => Cow::Owned(fold(unit.text)),
        }
    }
    struct Candidate {
        /// Index in `units`.
        unit: usize,
        article: usize,
        sentence: usize,
        length: usize,
        score: f32,
    }
    // a copy's sentences are its original's
    let independent: Vec<usize> = members.iter().copied().filter(|&d| !reports.is_copy(d)).collect();
    // every sentence and title of every independent report (their vectors are computed when
    // needed: a story of one report compares only the sentences it chooses); an article's units
    // are next to each other
    let mut units: Vec<Unit> = Vec::new();
    for &d in &independent {
        let doc = &docs[d];
        let unit = |sentence, text| Unit { article: d, sentence, text, vector: None, words: None };
        if let Some(title) = doc.meta.title.as_deref() {
            units.push(unit(None, title));
        }
        for (s_idx, s) in doc.sentences.iter().enumerate() {
            units.push(unit(Some(s_idx), doc.slice(s.span)));
        }
    }
    let mut terms = Terms::default();
    // the sum of all units' vectors, spread out by term id (with one report there are no
    // others: every sentence's centrality is 0)
    let several = independent.len() > 1;
    let mut total: Vec<f32> = Vec::new();
    if several {
        for at in 0..units.len() {
            vector_of(docs, &mut units, &mut terms, at);
        }
        total = vec![0.0; terms.len()];
        for unit in &units {
            add_dense(unit.vector.as_deref().unwrap_or(&[]), &mut total);
        }
    }
    // per article in turn: the sum of its own units' vectors, and how many it has
    let mut own: Vec<f32> = vec![0.0; total.len()];
    let mut candidates = Vec::new();
    let mut first = 0;
    while first < units.len() {
        let d = units[first].article;
        let end = units[first..].iter().position(|u| u.article != d).map_or(units.len(), |n| first + n);
        let own_units = &units[first..end];
        if several {
            for unit in own_units {
                add_dense(unit.vector.as_deref().unwrap_or(&[]), &mut own);
            }
        }
        let others = if several { units.len() - own_units.len() } else { 0 };
        for (at, unit) in own_units.iter().enumerate().map(|(i, u)| (first + i, u)) {
            let Some(s_idx) = unit.sentence else { continue };
            let doc = &docs[d];
            let s = &doc.sentences[s_idx];
            let text = unit.text;
            let n_words = word_count(text);
            let opens_with_quote = doc.tokens.get(s.tokens.start).is_some_and(|t| t.kind == TokenKind::OpenQuote);
            if !(MIN_WORDS..=MAX_WORDS).contains(&n_words)
                || opens_with_quote
                || is_question(text)
                || is_headline(doc, text)
            {
                continue;
            }
            // centrality across outlets: mean similarity to the other reports' sentences and
            // titles (cosines of unit vectors are dot products, so the mean is one dot product
            // with the sum of the other reports' vectors: linear in the story's size)
            let mut score = match unit.vector.as_ref().filter(|_| others > 0) {
                Some(vector) => (dot_dense(vector, &total) - dot_dense(vector, &own)) / others as f32,
                None => 0.0,
            };
            if s_idx == 0 {
                score += LEAD_BONUS;
            }
            if opens_with_pronoun(text) {
                score *= PRONOUN_PENALTY;
            }
            candidates.push(Candidate { unit: at, article: d, sentence: s_idx, length: n_words, score });
        }
        if several {
            for unit in own_units {
                for &(id, _) in unit.vector.as_deref().unwrap_or(&[]) {
                    if let Some(slot) = own.get_mut(id as usize) {
                        *slot = 0.0;
                    }
                }
            }
        }
        first = end;
    }
    // when no sentence is summary material (every one too long, quoted, or cut short), the
    // first sentence of the story that is not a quotation, an aside or the title stands for it:
    // a story is never left without a summary while it has a sentence to say
    if candidates.is_empty() {
        let fallback = units.iter().enumerate().find(|(_, unit)| {
            let Some(s_idx) = unit.sentence else { return false };
            let doc = &docs[unit.article];
            let text = unit.text.trim();
            let title = doc.meta.title.as_deref().map(str::trim).unwrap_or("");
            let opens_with_quote = doc
                .sentences
                .get(s_idx)
                .and_then(|s| doc.tokens.get(s.tokens.start))
                .is_some_and(|t| t.kind == TokenKind::OpenQuote);
            word_count(text) >= MIN_WORDS
                && !opens_with_quote
                && !text.starts_with(['(', '['])
                && (title.is_empty() || !text.starts_with(title))
        });
        if let Some((at, unit)) = fallback {
            let length = word_count(unit.text);
            let (article, sentence) = (unit.article, unit.sentence.unwrap_or(0));
            candidates.push(Candidate { unit: at, article, sentence, length, score: 0.0 });
        }
    }
    // best first; equal scores in article then sentence order
    candidates
        .sort_by(|a, b| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)).then(a.sentence.cmp(&b.sentence)));
    let budget = word_budget(independent.len());
    let mut chosen: Vec<&Candidate> = Vec::new();
    let mut length = 0;
    for c in &candidates {
        if chosen.len() >= MAX_SENTENCES || length >= budget {
            break;
        }
        // the first sentence always; then only what does not overrun the budget by much
        if !chosen.is_empty() && length + c.length > budget + BUDGET_OVERRUN {
            continue;
        }
        vector_of(docs, &mut units, &mut terms, c.unit);
        let vector = |at: usize| units[at].vector.as_deref().unwrap_or(&[]);
        let repeats = chosen.iter().any(|p| cosine(vector(p.unit), vector(c.unit)) > MAX_OVERLAP);
        if !repeats {
            length += c.length;
            chosen.push(c);
        }
    }
    // the most recent state first: sentences of later reports before earlier ones, undated
    // reports last (a stable sort: equal days keep the order of choice)
    let day = |d: usize| docs[d].meta.published.as_deref().map(crate::text::day_of);
    chosen.sort_by_key(|c| std::cmp::Reverse(day(c.article)));
    // each sentence's unstemmed content words, computed when first needed (a title's are
    // none: it supports nothing)
    let ensure_words = |unit: &mut Unit, terms: &mut Terms| {
        if unit.words.is_none() && unit.sentence.is_some() {
            unit.words = Some(terms.words(&folded(docs, unit)));
        }
    };
    let mut summary = Vec::with_capacity(chosen.len());
    for c in chosen {
        ensure_words(&mut units[c.unit], &mut terms);
        let mut sources = vec![c.article];
        for at in 0..units.len() {
            if units[at].sentence.is_none() || sources.contains(&units[at].article) {
                continue;
            }
            ensure_words(&mut units[at], &mut terms);
            if supports(units[at].words.as_deref().unwrap_or(&[]), units[c.unit].words.as_deref().unwrap_or(&[])) {
                sources.push(units[at].article);
            }
        }
        summary.push(SummarySentence { article: c.article, sentence: c.sentence, sources });
    }
    summary
}

/// True when `sentence` is a headline or an aside rather than a sentence of the story: the
/// article's title (or a part of it, or the title glued to a dateline), a line in brackets, a
/// short line without closing punctuation (a longer one is a sentence cut short), or a
/// line in Title Case ("Warren Jeffs, Polygamist Leader, Convicted In Child Sexual Assault Case").
fn is_headline(doc: &Doc, sentence: &str) -> bool {
    let sentence = sentence.trim();
    let title = doc.meta.title.as_deref().map(str::trim).unwrap_or("");
    let bare = sentence.trim_end_matches(['.', '!', '?']);
    if !title.is_empty() && (sentence.starts_with(title) || (word_count(bare) >= 3 && title.starts_with(bare))) {
        return true;
    }
    // an aside in brackets ("(Will Texas have better luck with Warren Jeffs?)")
    if sentence.starts_with(['(', '[']) {
        return true;
    }
    let closed = sentence.trim_end_matches(['"', '\'', '”', '’', ')']);
    if !closed.ends_with(['.', '!', '?']) && word_count(sentence) < CUT_SENTENCE_WORDS {
        return true;
    }
    // words of four letters or more, and how many of them are capitalised
    let (mut long, mut capitalised) = (0usize, 0usize);
    if sentence.is_ascii() {
        // the same count over bytes: for ASCII, a letter is an ASCII letter and a capital an
        // ASCII capital
        for w in sentence.as_bytes().split(|&b| is_ascii_space(b)).filter(|w| !w.is_empty()) {
            if w.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 4 {
                long += 1;
                capitalised += usize::from(w[0].is_ascii_uppercase());
            }
        }
    } else {
        for w in sentence.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4) {
            long += 1;
            capitalised += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    long >= 4 && capitalised as f32 >= TITLE_CASE_SHARE * long as f32
}

/// True when `sentence` asks rather than tells ("But why did AMD buy SeaMicro?"): a summary
/// states what the reports say.
fn is_question(sentence: &str) -> bool {
    sentence.trim_end().trim_end_matches(['"', '\'', '”', '’', ')']).ends_with('?')
}

/// True for the bytes that are whitespace as `char::is_whitespace` has it among ASCII
/// characters: space, tab, line feed, vertical tab, form feed, carriage return.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// How many words `text` has, split at whitespace: `text.split_whitespace().count()`, counted
/// over bytes when the text is ASCII (most news), without decoding it character by character.
fn word_count(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let (mut words, mut in_word) = (0, false);
    for &b in text.as_bytes() {
        let space = is_ascii_space(b);
        words += usize::from(!space && !in_word);
        in_word = !space;
    }
    words
}

/// True when `sentence` opens with a pronoun that points outside it ("He said…", "They…"):
/// out of its article such a sentence dangles.
fn opens_with_pronoun(sentence: &str) -> bool {
    let first = sentence.split_whitespace().next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    // the pronouns are ASCII: comparing without case is lower-casing without allocating
    OPENING_PRONOUNS.iter().any(|p| first.eq_ignore_ascii_case(p))
}

/// The story's headline: the first of its articles' titles, else its best summary sentence cut
/// to about 110 characters, else "Untitled story".
pub fn headline(docs: &[Doc], members: &[usize], summary: &[SummarySentence]) -> String {
    if let Some(title) = members.iter().find_map(|&d| docs[d].meta.title.clone()) {
        return title;
    }
    summary
        .first()
        .and_then(|s| docs[s.article].sentences.get(s.sentence).map(|x| docs[s.article].slice(x.span)))
        .map(|s| shorten(s, 110))
        .unwrap_or_else(|| "Untitled story".to_string())
}

/// `text` cut at a word boundary to at most about `max` characters, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_counted_as_split_at_whitespace() {
        for text in [
            "",
            "  ",
            "One",
            " Two  words ",
            "tab\tline\nfeed\x0bvertical\x0cform\rreturn",
            "no\x1cspace\x1fhere",
            "Über café\u{a0}nbsp\u{2003}em",
        ] {
            assert_eq!(super::word_count(text), text.split_whitespace().count(), "{text:?}");
        }
    }

    use super::*;

    /// Articles of made-up words drawn by a fixed generator: many sentences with close scores,
    /// whose float sums come out differently when summed in another order.
    fn generated_articles() -> Vec<Doc> {
        const SYLLABLES: [&str; 8] = ["ka", "lo", "mi", "ru", "te", "zo", "ban", "dul"];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as usize
        };
        (0..6)
            .map(|a| {
                let sentences: Vec<String> = (0..12)
                    .map(|_| {
                        let words: Vec<String> = (0..14)
                            .map(|_| format!("{}{}{}", SYLLABLES[next(8)], SYLLABLES[next(8)], SYLLABLES[next(8)]))
                            .collect();
                        let sentence = words.join(" ");
                        format!("{}{}.", sentence[..1].to_uppercase(), &sentence[1..])
                    })
                    .collect();
                let mut doc = Doc::new(format!("article{a}").as_str(), sentences.join(" "));
                parallax_analyze::analyze(&mut doc);
                doc
            })
            .collect()
    }

    fn key(summary: &[SummarySentence]) -> Vec<(usize, usize, Vec<usize>)> {
        summary.iter().map(|s| (s.article, s.sentence, s.sources.clone())).collect()
    }

    #[test]
    fn the_same_story_gets_the_same_summary_every_time() {
        let docs = generated_articles();
        let members: Vec<usize> = (0..docs.len()).collect();
        let sentences: Vec<usize> = docs.iter().map(|d| d.sentences.len()).collect();
        assert!(sentences.iter().all(|&n| n == 12), "sentences per generated article: {sentences:?}");
        let first = key(&summarize(&docs, &members, &Reports::default()));
        assert!(!first.is_empty());
        for _ in 0..30 {
            assert_eq!(key(&summarize(&docs, &members, &Reports::default())), first);
        }
    }

    fn article(source: &str, text: &str) -> Doc {
        let mut doc = Doc::new(source, text.into());
        parallax_analyze::analyze(&mut doc);
        doc
    }

    #[test]
    fn a_sentence_cites_the_articles_that_say_it_and_no_copy() {
        let lead = "Rebels attacked the northern town of Kalo on Monday, killing twelve soldiers, officials said.";
        let mut docs = vec![
            article("a", lead),
            article("copy", lead),
            article(
                "c",
                "Twelve soldiers were killed when rebels attacked the northern town of Kalo on Monday, officials said.",
            ),
            // shares a few words, says something else
            article(
                "d",
                "The football league opened its northern season on Monday with twelve matches, officials said.",
            ),
        ];
        docs[1].duplicate_of = Some("a".into());
        let members = [0, 1, 2, 3];
        let summary = summarize(&docs, &members, &Reports::of(&docs, &members));
        assert!(!summary.is_empty());
        for sentence in &summary {
            assert!(!sentence.sources.contains(&1), "a copy is cited: {summary:?}");
            assert!(
                sentence.article == 3 || !sentence.sources.contains(&3),
                "an article that does not say it is cited: {summary:?}"
            );
        }
        assert!(summary.iter().any(|s| s.sources.contains(&0) && s.sources.contains(&2)), "{summary:?}");
    }

    #[test]
    fn questions_are_not_summary_sentences() {
        assert!(is_question("But why did the firm buy its rival?"));
        assert!(is_question("\"Who will pay for it?\""));
        assert!(!is_question("He asked why the firm bought its rival."));
    }

    #[test]
    fn headlines_and_asides_are_not_summary_sentences() {
        let mut doc = article("a", "Jeffs charged again. He was charged on Tuesday in Texas.");
        doc.meta.title = Some("Jeffs charged againJuly 23, 2008".into());
        assert!(is_headline(&doc, "Jeffs charged again."));
        assert!(is_headline(&doc, "Warren Jeffs, Polygamist Leader, Convicted In Child Sexual Assault Case"));
        assert!(is_headline(&doc, "(Will Texas have better luck with Warren Jeffs?)"));
        assert!(is_headline(&doc, "Prophet to pedophile: Jeffs sentenced to life in prison"));
        assert!(!is_headline(&doc, "He was charged on Tuesday in Texas with sexual assault."));
        assert!(!is_headline(&doc, "\"We stand ready to try him,\" said Jerry Strickland, a spokesman."));
        // a sentence cut short is not a headline
        assert!(!is_headline(
            &doc,
            "The polygamist leader was charged on Tuesday in Texas with sexual assault of a child, according to a"
        ));
    }

    #[test]
    fn a_story_whose_sentences_are_all_cut_short_or_quoted_still_gets_one() {
        let docs = vec![
            article("a", "\"We will ban every one of these weapons in this country,\" the prime minister said."),
            article("b", "The government is banning assault rifles and military-style weapons after the attack, the"),
        ];
        let summary = summarize(&docs, &[0, 1], &Reports::default());
        assert_eq!(summary.len(), 1, "{summary:?}");
        assert_eq!((summary[0].article, summary[0].sentence), (1, 0));
    }
}
