//! The quotes stage's word classes (`data/quotes/words.tsv`), matched ignoring ASCII case. The
//! speech cues themselves are in `data/speech_cues.txt` ([`super::cues`]).

use std::sync::OnceLock;

use super::cues::lower_ascii;
use crate::lexicon::WordClasses;

/// The word classes of `data/quotes/words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// Days, months, parts of days: a time word ends a speaker phrase or an object ("said on
    /// Monday").
    TimeWord,
    /// Words that may stand between a subject and its verb ("also", "later").
    Adverb,
    /// Words that end a noun phrase walked over from its head.
    NounPhraseStop,
    /// Auxiliaries and modals that mark a finite clause (for indirect speech without "that").
    Finite,
    /// Nouns (and noun-like adjectives) in -ly that head a speaker's noun phrase ("family").
    LyNoun,
    /// Short function words a title of a work may hold in lower case ("of", "the").
    SmallWord,
    /// Words naming a work or a programme: a quote right after one is a title ("book", "show").
    Work,
    /// Nouns of speech before a colon that introduces a quote ("comment", "message").
    SpeechNoun,
    /// Verbs between a subject and a cue that keep the subject the speaker ("appeared to
    /// suggest", "went on to say").
    Raising,
    /// Occasions of speech after "in", "at", "on", "during" ("in a statement", "at a rally"):
    /// they end an object.
    Occasion,
}

impl WordClass {
    /// The class names of the data file, in the order of the variants.
    const NAMES: [&'static str; 10] = [
        "time_word",
        "adverb",
        "np_stop",
        "finite",
        "ly_noun",
        "small_word",
        "work",
        "speech_noun",
        "raising",
        "occasion",
    ];
}

const WORDS: &str = include_str!("../../data/quotes/words.tsv");

/// True when `word` is in `class`, ignoring ASCII case.
pub(super) fn is(class: WordClass, word: &str) -> bool {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        WordClasses::parse(WORDS, &WordClass::NAMES).unwrap_or_else(|e| panic!("data/quotes/words.tsv: {e}"))
    });
    let mut buf = [0u8; 32];
    match lower_ascii(word, &mut buf) {
        Some(lower) => classes.is(class as usize, lower),
        None => classes.is(class as usize, &word.to_ascii_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_words_and_case_is_ignored() {
        WordClasses::parse(WORDS, &WordClass::NAMES).expect("data/quotes/words.tsv is well formed");
        assert!(is(WordClass::TimeWord, "Monday") && is(WordClass::Finite, "WAS") && is(WordClass::Work, "book"));
        assert!(is(WordClass::Raising, "appeared") && is(WordClass::Occasion, "statement"));
        assert!(!is(WordClass::Work, "statement"));
    }
}
