//! The word lists of Parallax, each defined once, with one lookup API and one case-folding rule.
//!
//! Every list is a plain-text data file in `crates/lexicon/data/` (one entry per line, `#` comments,
//! tab-separated columns where an entry has attributes; `data/README.md` gives each file's origin,
//! licence and how to rebuild it). The files are compiled in with `include_str!` and parsed once, on
//! first use, into hash sets and maps; nothing is read at run time.
//!
//! - [`closed`]: the closed word classes — pronouns (person, number, gender, case), determiners,
//!   auxiliaries and modals, prepositions, subordinators (with named sub-classes), conjunctions,
//!   months, weekdays, irregular verbs — behind [`closed::is`] and a few typed lookups
//!   ([`closed::month`], [`closed::weekday`], [`closed::pronoun`], [`closed::irregular_verb`]).
//! - [`words`]: open lists several stages share: reporting verbs, future markers.
//! - [`gazetteer`]: the entity gazetteer (countries, places, organisations, first names with
//!   gender, role words, common words).
//! - [`names`]: the spelling-tolerant key of a name word ([`names::name_word_key`]).
//! - [`outlets`]: news outlets (names, aliases, domains) and the photo agencies of photo credits.
//!
//! # Case folding
//!
//! Every lookup takes a word in any case and folds it with [`fold`], the one rule all callers use:
//! each character whose lower-case form is a single character of the same UTF-8 length is
//! lower-cased, other characters are kept as they are, and the curly apostrophe `’` becomes `'`
//! (so "’ll" and "'ll" are one entry). Data files are written folded. Folding a word that is
//! already folded does not allocate.
//!
//! ```
//! use parallax_lexicon::closed::{self, Class, Gender};
//! assert!(closed::is(Class::Subordinator, "Although"));
//! assert!(closed::is(Class::SubordinatorLookahead, "until"));
//! assert_eq!(closed::month("Sept."), Some(9));
//! assert_eq!(closed::weekday("TUESDAY"), Some(2));
//! assert_eq!(closed::pronoun("She").and_then(|p| p.gender), Some(Gender::Feminine));
//! assert!(parallax_lexicon::words::is_reporting_verb("Said"));
//! assert_eq!(parallax_lexicon::names::first_name_gender_code("Terry"), None); // unisex
//! assert_eq!(parallax_lexicon::names::first_name_gender_code("Angela"), Some('f'));
//! assert_eq!(parallax_lexicon::outlets::outlets().canonical("BBC News"), Some("BBC"));
//! ```

#![warn(missing_docs)]

use std::borrow::Cow;

pub mod closed;
pub mod gazetteer;
pub mod names;
pub mod outlets;
pub mod words;

pub use gazetteer::{GazEntry, Gazetteer, NameGender};
pub use names::name_word_key;

/// The hash map of the lexicon's lookups: foldhash, much cheaper than the standard library's
/// SipHash on the short words looked up here (the lists are compiled in, so flooding
/// resistance buys nothing). Iteration order is as unspecified as with the standard hasher.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// The hash set of the lexicon's lookups (see [`HashMap`]).
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

/// The folded form of one character (see [`fold`]).
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == '’' {
        return '\'';
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    }
}

/// The folded form of `word`: the lexicon's one case-folding rule. Each character whose
/// lower-case form is a single character of the same UTF-8 length is lower-cased ("Über" →
/// "über", "MARCH" → "march"), others are kept ("İ" stays), and `’` becomes `'`. Borrows when
/// `word` is already folded.
pub fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        // the same rule, byte by byte: ASCII lower-cases ASCII only
        return match word.bytes().any(|b| b.is_ascii_uppercase()) {
            false => Cow::Borrowed(word),
            true => Cow::Owned(word.to_ascii_lowercase()),
        };
    }
    match word.char_indices().find(|&(_, c)| fold_char(c) != c) {
        None => Cow::Borrowed(word),
        Some((at, _)) => {
            let mut out = String::with_capacity(word.len());
            out.push_str(&word[..at]);
            out.extend(word[at..].chars().map(fold_char));
            Cow::Owned(out)
        }
    }
}

/// Calls `f` with the folded form of `word` ([`fold`]): a short ASCII word is folded on the
/// stack rather than in a new string, for the word-list lookups run on most tokens.
#[inline]
pub fn with_folded<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 32 && bytes.is_ascii() {
        if !bytes.iter().any(u8::is_ascii_uppercase) {
            return f(word);
        }
        let mut buf = [0u8; 32];
        let out = &mut buf[..bytes.len()];
        for (o, &b) in out.iter_mut().zip(bytes) {
            *o = b.to_ascii_lowercase();
        }
        if let Ok(folded) = std::str::from_utf8(out) {
            return f(folded);
        }
    }
    f(&fold(word))
}

/// The entries of a plain word-list data file, in file order: one per line, `#` comment lines
/// and blank lines skipped, trailing whitespace trimmed (leading whitespace is kept). The
/// shared parser of the one-column lists of every crate (`include_str!` them, then call this
/// once, e.g. in a `LazyLock`).
pub fn entries(text: &'static str) -> Vec<&'static str> {
    data_lines(text).map(|(_, l)| l).collect()
}

/// The problems of a plain word-list data file read with [`entries`]: an entry with a tab or
/// leading whitespace, or one that repeats an earlier entry, each as "line N: ...". Empty when
/// the file is well formed; for the tests of every crate that ships such lists.
pub fn list_problems(text: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (n, line) in data_lines(text) {
        if line.contains('\t') || line.starts_with(char::is_whitespace) {
            out.push(format!("line {n}: {line:?} has a tab or leading whitespace"));
        }
        if !seen.insert(line) {
            out.push(format!("line {n}: {line:?} repeats an earlier entry"));
        }
    }
    out
}

/// The problems of every plain word list (`*.txt`) under `dir`, each as "PATH: line N: ...",
/// and how many lists were read; for the tests of every crate that ships such lists. A file
/// that cannot be read is a problem too.
pub fn dir_problems(dir: &std::path::Path) -> (usize, Vec<String>) {
    let mut dirs = vec![dir.to_path_buf()];
    let (mut checked, mut problems) = (0, Vec::new());
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            problems.push(format!("{}: cannot be read", dir.display()));
            continue;
        };
        for path in entries.flatten().map(|entry| entry.path()) {
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                match std::fs::read_to_string(&path) {
                    Ok(text) => {
                        problems.extend(list_problems(&text).into_iter().map(|p| format!("{}: {p}", path.display())))
                    }
                    Err(err) => problems.push(format!("{}: {err}", path.display())),
                }
                checked += 1;
            }
        }
    }
    (checked, problems)
}

/// The entry lines of a data file: trailing whitespace trimmed, blank lines and `#` comments
/// skipped, each with its 1-based line number.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lower_cases_and_borrows_when_it_can() {
        assert!(matches!(fold("march"), Cow::Borrowed("march")));
        assert_eq!(fold("MARCH"), "march");
        for word in ["march", "MARCH", "Über", "’ll", "İstanbul", "A-Very-Long-Hyphenated-Word-Of-Many-Letters"] {
            assert_eq!(with_folded(word, str::to_string), fold(word), "{word}");
        }
        assert_eq!(fold("Über"), "über");
        assert_eq!(fold("’ll"), "'ll");
        assert_eq!(fold("Марта"), "марта");
        // a lower-case form of another length is not taken
        assert_eq!(fold("İstanbul"), "İstanbul");
        assert_eq!(fold("\u{212a}"), "\u{212a}");
    }

    #[test]
    fn lists_parse_and_problems_are_found() {
        assert_eq!(entries("# c\nalpha\n\nbeta  \n"), vec!["alpha", "beta"]);
        assert!(list_problems("a\nb\n").is_empty());
        assert_eq!(list_problems("a\nb\na\n\tc\n").len(), 2);
    }
}
