//! Names: the spelling-tolerant key of a name word, and the gender a first name gives.

use crate::gazetteer::{Gazetteer, NameGender};

/// A spelling-tolerant key for one name word: "Zelenskyy", "Zelensky", "Zelenskiy" → "zelenski";
/// "Sergey" and "Sergei" → "sergei"; "Erdoğan" → "erdogan". (Transliterated and lower-cased
/// with `deunicode`, not [`crate::fold`]: the key compares spellings, not words.)
pub fn name_word_key(word: &str) -> String {
    let folded = deunicode::deunicode(word).to_lowercase();
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
    use super::*;

    #[test]
    fn transliterations_share_a_key() {
        assert_eq!(name_word_key("Zelenskyy"), name_word_key("Zelensky"));
        assert_eq!(name_word_key("Zelenskiy"), name_word_key("Zelensky"));
        assert_eq!(name_word_key("Sergey"), name_word_key("Sergei"));
        assert_eq!(name_word_key("Erdoğan"), name_word_key("Erdogan"));
        assert_ne!(name_word_key("Trump"), name_word_key("Tusk"));
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
