//! Names: the spelling-tolerant key of a name word, and the gender a first name gives.

use crate::HashSet;
use std::sync::OnceLock;

use crate::gazetteer::{Gazetteer, NameGender};
use crate::{data_lines, fold};

const CORPORATE_SUFFIXES: &str = include_str!("../data/entities/corporate_suffixes.txt");

/// True when `word` (any case, a final full stop ignored) is a legal-form word that ends a
/// company's name ("LLC", "Corp.", "Inc", "Group").
pub fn is_corporate_suffix(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| data_lines(CORPORATE_SUFFIXES).map(|(_, l)| l).collect());
    set.contains(fold(word.trim_end_matches('.')).as_ref())
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
