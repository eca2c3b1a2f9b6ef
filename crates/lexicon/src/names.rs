//! Names: the spelling-tolerant key of a name word, and the gender a first name gives.

use crate::HashSet;
use std::sync::OnceLock;

use crate::gazetteer::{Gazetteer, NameGender};
use crate::{data_lines, with_folded};

const CORPORATE_SUFFIXES: &str = include_str!("../data/entities/corporate_suffixes.txt");

/// True when `word` (any case, a final full stop ignored) is a legal-form word that ends a
/// company's name ("LLC", "Corp.", "Inc", "Group").
pub fn is_corporate_suffix(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| data_lines(CORPORATE_SUFFIXES).map(|(_, l)| l).collect());
    with_folded(word.trim_end_matches('.'), |w| set.contains(w))
}

/// The words of an organisation's name that say whom it names: trailing legal-form words
/// dropped while a word is left ("General Motors Corporation" → "General Motors", "Chrysler
/// LLC" → "Chrysler", "Group" stays "Group"). A slice of `name`.
pub fn organisation_key(name: &str) -> &str {
    let mut key = name.trim_end();
    while let Some((rest, last)) = key.rsplit_once(' ') {
        if !is_corporate_suffix(last) || rest.trim().is_empty() {
            break;
        }
        key = rest.trim_end().trim_end_matches(',');
    }
    key
}

/// A word without a possessive ending: "Trump’s" → "Trump", "allies’" → "allies".
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).or_else(|| word.strip_suffix('’')).unwrap_or(word)
}

/// True when `short` (2 to 8 capital letters, "USAF", "SIA") abbreviates the name `long`
/// ("United States Air Force", "Singapore Airlines"), as Schwartz and Hearst (2003) match an
/// abbreviation to its definition: every letter of `short` occurs in `long` in order, its first
/// letter opens `long`'s first word, and every word of `long` that carries a capital gives at
/// least one letter, legal forms aside (so "SA" abbreviates no "Singapore Airlines Cargo", and
/// "EADS" does "European Aeronautic Defence and Space Company").
pub fn abbreviates(short: &str, long: &str) -> bool {
    let letters: Vec<char> = short.chars().collect();
    if !(2..=8).contains(&letters.len()) || !letters.iter().all(char::is_ascii_uppercase) {
        return false;
    }
    let long_words: Vec<&str> = long.split_whitespace().collect();
    let words: Vec<Vec<char>> = long_words.iter().map(|w| w.to_uppercase().chars().collect()).collect();
    let capitalised: Vec<bool> = long_words.iter().map(|w| w.chars().next().is_some_and(char::is_uppercase)).collect();
    if words.len() < 2 || words[0].first() != letters.first() {
        return false;
    }
    // letters are taken left to right, each word's first letter must be taken when the word
    // opens a letter (a word gives letters from its start), greedily word by word
    let mut at = 0; // next letter of `short`
    for (w, word) in words.iter().enumerate() {
        if word.first() != letters.get(at) {
            if capitalised[w] && !is_corporate_suffix(long_words[w]) {
                return false; // a capitalised word gives no letter ("Company" may not)
            }
            continue;
        }
        at += 1;
        // the rest of this word may give more letters, in order, before the next word's
        let next_first = words.get(w + 1).and_then(|n| n.first());
        for c in word.iter().skip(1) {
            match letters.get(at) {
                Some(l) if l == c && (Some(l) != next_first || letters.get(at + 1) == Some(l)) => at += 1,
                _ => {}
            }
        }
    }
    at == letters.len()
}

/// A spelling-tolerant key for one name word: "Zelenskyy", "Zelensky", "Zelenskiy" → "zelenski";
/// "al-Bashir" and "Bashir" → "bashir";
/// "Sergey" and "Sergei" → "sergei"; "Erdoğan" → "erdogan". (Transliterated and lower-cased
/// with `deunicode`, not [`crate::fold`]: the key compares spellings, not words.)
pub fn name_word_key(word: &str) -> String {
    let folded = deunicode::deunicode(word).to_lowercase();
    // the Arabic article is written or left out: "al-Bashir", "Bashir"
    let folded = match folded.split_once('-') {
        Some(("al" | "el", rest)) if rest.len() >= 3 => rest.to_string(),
        _ => folded,
    };
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars().filter(char::is_ascii_alphabetic) {
        let c = if c == 'y' { 'i' } else { c };
        if out.ends_with(c) {
            continue; // doubled letters: "zelenskii" → "zelenski"
        }
        out.push(c);
    }
    // "-ei" / "-ii" / "-iy" endings of transliterated names
    if out.len() > 4 && out.ends_with("ei") {
        out.truncate(out.len() - 2);
        out.push('i');
    }
    out
}

/// What the shipped first-name list says of `first_name`'s gender (exact spelling, "Kaja"):
/// male, female, unisex (borne by women and men alike: "Terry", "Kim"), or `None` when the name
/// is not listed.
pub fn first_name_gender(first_name: &str) -> Option<NameGender> {
    Gazetteer::get().name_gender(first_name)
}

/// The gender a first name gives to a person, as `'m'` / `'f'`: `None` for a unisex name or one
/// not listed. This is the lookup the entities stage uses for *he* / *she*.
pub fn first_name_gender_code(first_name: &str) -> Option<char> {
    Gazetteer::get().gender(first_name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn organisation_keys_drop_legal_forms() {
        use super::organisation_key;
        for (name, key) in [
            ("General Motors Corporation", "General Motors"),
            ("Chrysler LLC", "Chrysler"),
            ("Apple Inc.", "Apple"),
            ("Fiat Group SpA", "Fiat"),
            ("Acme, Inc.", "Acme"),
            ("Group", "Group"),
            ("Ford Motor", "Ford Motor"),
        ] {
            assert_eq!(organisation_key(name), key, "{name}");
        }
    }

    use super::*;

    #[test]
    fn abbreviations_match_their_definitions() {
        for (short, long) in [
            ("USAF", "United States Air Force"),
            ("SIA", "Singapore Airlines"),
            ("PAG", "Penske Automotive Group"),
            ("GAO", "Government Accountability Office"),
            ("NATO", "North Atlantic Treaty Organization"),
            ("FBI", "Federal Bureau of Investigation"),
            ("EADS", "European Aeronautic Defence and Space Company"),
        ] {
            assert!(abbreviates(short, long), "{short} {long}");
        }
        for (short, long) in [
            ("SA", "Singapore Airlines Cargo"),
            ("IBM", "General Motors"),
            ("GM", "Motors General"),
            ("A", "Apple Inc"),
            ("Sia", "Singapore Airlines"),
            ("SIA", "Singapore"),
        ] {
            assert!(!abbreviates(short, long), "{short} {long}");
        }
    }

    #[test]
    fn transliterations_share_a_key() {
        assert_eq!(name_word_key("Zelenskyy"), name_word_key("Zelensky"));
        assert_eq!(name_word_key("Zelenskiy"), name_word_key("Zelensky"));
        assert_eq!(name_word_key("Sergey"), name_word_key("Sergei"));
        assert_eq!(name_word_key("Erdoğan"), name_word_key("Erdogan"));
        assert_ne!(name_word_key("Trump"), name_word_key("Tusk"));
        assert_eq!(name_word_key("al-Bashir"), name_word_key("Bashir"));
        assert_eq!(name_word_key("El-Sisi"), name_word_key("Sisi"));
        assert_ne!(name_word_key("Hillary"), name_word_key("Bill"));
    }

    #[test]
    fn unisex_first_names_give_no_gender() {
        for name in ["Terry", "Kim", "Jordan", "Jean", "Andrea", "Jan"] {
            assert_eq!(first_name_gender(name), Some(NameGender::Unisex), "{name}");
            assert_eq!(first_name_gender_code(name), None, "{name}");
        }
        assert_eq!(first_name_gender_code("Kaja"), Some('f'));
        assert_eq!(first_name_gender_code("Sergey"), Some('m'));
        assert_eq!(first_name_gender("Zzyzx"), None);
    }
}
