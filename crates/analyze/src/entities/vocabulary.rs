//! The entity stage's word classes (`data/entities/words.tsv`): name particles, organisation and
//! place suffixes, calendar words and the words joining the parts of a role.

use std::sync::OnceLock;

use crate::lexicon::WordClasses;

/// The word classes of `data/entities/words.tsv`; lookups are case-sensitive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// Particles that may stand inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
    NameParticle,
    /// Last words that make an unknown capitalised block an organisation ("Ministry").
    OrgSuffix,
    /// Last words that make a capitalised block a place, even after a first name ("Rodney
    /// Parade").
    PlaceSuffix,
    /// Day and month names: never part of a person's name ("on Saturday Kellogg said").
    CalendarWord,
    /// Words that join the parts of a role: "Secretary of State", "envoy to the Middle East".
    RoleConnector,
    /// Capitalised function words that mark a title-case headline ("Checks Into", "Out Of").
    HeadlineWord,
    /// Words that open a sentence before a name and are no part of it ("So Stefanski said").
    SentenceOpener,
    /// Last words of names of laws, events and prizes ("Protection Act", "NBA Playoffs"):
    /// neither people nor organisations.
    MiscSuffix,
    /// Words after a surname that tell one generation from another ("Bozell III", "King Jr.").
    GenerationalSuffix,
    /// Function words a title-case headline leaves in lower case ("Returns to Host the Oscars",
    /// "Dies at 91").
    HeadlineLowerWord,
    /// Kin nouns: before a lone first name they make it a person ("son Oscar").
    KinWord,
    /// Lower-case nouns after a name that make it a place ("the Maple Grove resident").
    PlaceNoun,
    /// Prepositions before a name that, with a known place after a comma or an age before, make
    /// it a place ("in Palm Springs, California", "Smith, 40, of Glen Ellyn").
    PlacePreposition,
    /// Words after "press" in a headline that make the article a review of the press ("PRESS
    /// DIGEST"): its lines in capitals name newspapers.
    PressReview,
    /// Words of a press review's lines in capitals that name a section, not a paper ("FRONT
    /// PAGE").
    PressSection,
    /// Festivals and holidays ("Ramadan", "Christmas"): alone or opening a name, a time of year,
    /// not a place, body or person.
    Festival,
    /// Last words of streets ("Byberry Road"): the name is a place even where the tagger reads a
    /// body.
    StreetSuffix,
    /// Honorifics before a person's name ("Mrs", "Miss", "Dr."): with a first name after them,
    /// a person whatever the tagger says ("Miss Rachel Bates, court clerk"; not "Miss Universe").
    Honorific,
    /// Words for a body that are no body's name's last word alone ("Charlotte Church" is a
    /// singer) but are one before "of" and its name ("Church of England").
    BodyBeforeOf,
    /// Last words of landforms and geological features ("Maacama Fault", "Napa Valley"): the
    /// name is a place even where the tagger reads a body.
    LandformSuffix,
    /// Lower-case nouns right after a name the tagger calls a person or a product that make it a
    /// body ("Specia unit", "Les Echos newspaper", "SOLIDERE shares").
    OrgHeadAfter,
    /// Lower-case nouns right before a name that make it a body ("packaging manufacturer Super
    /// Indah Makmur", "investment bank Rothschild").
    OrgApposition,
    /// Verbs of a share price after a name, a price or a change after them ("Mosenergo closed at
    /// $ 0.958"): the name is a listed company.
    PriceVerb,
    /// Endings of a nationality's or a region's adjective ("European", "Danish"): one such word
    /// is no company's name before a company's noun ("European firm").
    DemonymEnding,
    /// Words and signs that cannot follow a possessive "'s": after them the "'s" is part of the
    /// name before it ("Lloyd 's and", "Moody 's .").
    NotAfterPossessive,
}

impl WordClass {
    /// The class names of the data file, in the order of the variants.
    const NAMES: [&'static str; 25] = [
        "name_particle",
        "org_suffix",
        "place_suffix",
        "calendar_word",
        "role_connector",
        "headline_word",
        "sentence_opener",
        "misc_suffix",
        "generational_suffix",
        "headline_lower_word",
        "kin_word",
        "place_noun",
        "place_preposition",
        "press_review",
        "press_section",
        "festival",
        "street_suffix",
        "honorific",
        "body_before_of",
        "landform_suffix",
        "org_head_after",
        "org_apposition",
        "price_verb",
        "demonym_ending",
        "not_after_possessive",
    ];
}

const WORDS: &str = include_str!("../../data/entities/words.tsv");

/// True when `word` (as written) is in `class`.
pub(super) fn is(class: WordClass, word: &str) -> bool {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    CLASSES
        .get_or_init(|| {
            WordClasses::parse(WORDS, &WordClass::NAMES).unwrap_or_else(|e| panic!("data/entities/words.tsv: {e}"))
        })
        .is(class as usize, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_words() {
        WordClasses::parse(WORDS, &WordClass::NAMES).expect("data/entities/words.tsv is well formed");
        assert!(is(WordClass::NameParticle, "von") && is(WordClass::OrgSuffix, "Ministry"));
        assert!(is(WordClass::CalendarWord, "Monday") && is(WordClass::RoleConnector, "of"));
        assert!(!is(WordClass::OrgSuffix, "ministry"), "case matters");
    }
}
