//! Word-level helpers shared by the cross-article stages: folding, content words, name keys.

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
    deunicode::deunicode(text).to_lowercase()
}

/// A light stem: plural and common inflection endings removed, British/American spellings joined.
pub fn stem(word: &str) -> String {
    // British "-ise" spellings join American "-ize" ones
    let joined = ["isation", "ising", "ised", "ises", "ise"]
        .iter()
        .find_map(|s| word.strip_suffix(s).map(|base| format!("{base}iz{}", &s[2..])));
    let w = joined.as_deref().unwrap_or(word);
    for suffix in ["ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.len() >= 4 {
                return base.to_string();
            }
        }
    }
    joined.unwrap_or_else(|| word.to_string())
}

/// Content words of a text: folded, split on anything but letters and digits, stopwords dropped, stemmed.
pub fn content_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 1 && !is_stopword(w))
        .map(stem)
        .collect()
}

/// Content words of a text as written: folded, split on anything but letters and digits,
/// stopwords dropped, not stemmed ("placed" and "place" differ). What a citation's support is
/// checked on: stricter than [`content_words`].
pub fn unstemmed_content_words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() > 1 && !is_stopword(w))
        .map(str::to_string)
        .collect()
}

pub use parallax_lexicon::name_word_key;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_fold_and_stem() {
        assert_eq!(content_words("Organising the meetings"), vec!["organiz", "meet"]);
        assert_eq!(content_words("organizing a meeting"), vec!["organiz", "meet"]);
    }
}
