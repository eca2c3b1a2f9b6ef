//! Word-level helpers shared by the cross-article stages: folding, content words, name keys.

use std::borrow::Cow;

use parallax_doc::{Doc, Span};

/// True for an English function word (`parallax_lexicon::words::is_stopword`, the list
/// `crates/lexicon/data/stopwords.txt`).
pub fn is_stopword(word: &str) -> bool {
    parallax_lexicon::words::is_stopword(word)
}

/// The day of a publication date or timestamp: its first ten bytes ("2025-02-16" of
/// "2025-02-16T09:30:00Z"), or all of it when it is shorter or cannot be cut there.
pub fn day_of(published: &str) -> &str {
    published.get(..10).unwrap_or(published)
}

/// Lower-cased ASCII transliteration with curly quotes folded: "Zelenskyy’s" → "zelenskyy's".
pub fn fold(text: &str) -> String {
    // most news text is ASCII: one pass, one allocation
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    // the transliteration is ASCII: lower-cased in place, without a second copy
    let mut folded = deunicode::deunicode(text);
    folded.make_ascii_lowercase();
    folded
}

/// [`fold`] of `doc`'s text in `span`, borrowed from the document's lower-cased view
/// ([`Doc::lower`]) when the text there is ASCII: lower-casing ASCII is folding it, so the bytes
/// are the same without a copy. Out-of-range spans fold `""`, as [`Doc::slice`] reads them.
pub fn fold_span(doc: &Doc, span: Span) -> Cow<'_, str> {
    let text = doc.slice(span);
    if text.is_ascii() && doc.lower.len() == doc.text.len() {
        if let Some(lower) = doc.lower.get(span.start..span.end).filter(|l| l.is_ascii()) {
            return Cow::Borrowed(lower);
        }
    }
    Cow::Owned(fold(text))
}

/// A light stem: plural and common inflection endings removed, British/American spellings joined.
pub fn stem(word: &str) -> String {
    stem_of(word).into_owned()
}

/// [`stem`], borrowing from `word` unless a British spelling is joined.
pub(crate) fn stem_of(word: &str) -> Cow<'_, str> {
    // British "-ise" spellings join American "-ize" ones
    let joined = ["isation", "ising", "ised", "ises", "ise"]
        .iter()
        .find_map(|s| word.strip_suffix(s).map(|base| format!("{base}iz{}", &s[2..])));
    let Some(joined) = joined else { return Cow::Borrowed(strip_inflection(word).unwrap_or(word)) };
    match strip_inflection(&joined) {
        Some(base) => Cow::Owned(base.to_string()),
        None => Cow::Owned(joined),
    }
}

/// `word` without its plural or inflection ending, when at least four bytes remain.
fn strip_inflection(word: &str) -> Option<&str> {
    ["ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix).filter(|base| base.len() >= 4))
}

/// Content words of a text: folded, split on anything but letters and digits, stopwords dropped, stemmed.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_content_word(text, |w| out.push(w.to_string()));
    out
}

/// The words of folded text: split on anything but letters and digits, one-letter pieces dropped
/// (stopwords are not: see [`is_stopword`]).
pub(crate) fn folded_words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| w.len() > 1)
}

/// Calls `f` with each of [`content_words`] in turn, allocating only the folded text (and a
/// word whose British spelling is joined): for callers that count words rather than keep them.
pub fn for_each_content_word(text: &str, mut f: impl FnMut(&str)) {
    for w in fold(text).split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| w.len() > 1 && !is_stopword(w)) {
        f(&stem_of(w));
    }
}

/// Adds `by` to the count of `word` in `counts`, allocating the key only for a new word.
pub fn count_word(counts: &mut foldhash::HashMap<String, f32>, word: &str, by: f32) {
    match counts.get_mut(word) {
        Some(n) => *n += by,
        None => {
            counts.insert(word.to_string(), by);
        }
    }
}

/// Content words of a text as written: folded, split on anything but letters and digits,
/// stopwords dropped, not stemmed ("placed" and "place" differ). What a citation's support is
/// checked on: stricter than [`content_words`].
pub fn unstemmed_content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_unstemmed_content_word(text, |w| out.push(w.to_string()));
    out
}

/// Calls `f` with each of [`unstemmed_content_words`] in turn, allocating only the folded text.
pub fn for_each_unstemmed_content_word(text: &str, f: impl FnMut(&str)) {
    fold(text).split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| w.len() > 1 && !is_stopword(w)).for_each(f);
}

pub use parallax_lexicon::name_word_key;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_fold_and_stem() {
        assert_eq!(content_words("Organising the meetings"), vec!["organiz", "meet"]);
        assert_eq!(content_words("organizing a meeting"), vec!["organiz", "meet"]);
        assert_eq!(content_words("Organisation revised ties"), vec!["organiz", "reviz", "ties"]);
        assert_eq!(stem("realise"), "realize");
    }
}
