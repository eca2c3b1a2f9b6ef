//! The quotes stage's word lists, read once from `data/quotes/vocabulary.tsv` (one
//! `class<TAB>word` a line). Each list is a [`Words`] static named for what it holds; the rule
//! code tests membership with `is_in`, which ignores ASCII case.

use std::sync::LazyLock;

use foldhash::HashSet;

/// The vocabulary file, compiled in.
const DATA: &str = include_str!("../../data/quotes/vocabulary.tsv");

/// One list of the vocabulary file: its words in file order, parsed on first use.
#[derive(Clone, Copy)]
pub(super) struct Words(&'static LazyLock<WordSet>);

/// A list's words in file order, and the same words as a set for lookups in long lists.
pub(super) struct WordSet {
    words: Vec<&'static str>,
    set: HashSet<&'static str>,
    /// The shortest and longest word's length in bytes, and which bytes open a word: most
    /// words looked up are in no list, and most of those are told so by these alone.
    lengths: (usize, usize),
    first_bytes: [bool; 256],
}

impl WordSet {
    fn new(words: Vec<&'static str>) -> WordSet {
        let set = words.iter().copied().collect();
        let lengths = words.iter().fold((usize::MAX, 0), |(lo, hi), w| (lo.min(w.len()), hi.max(w.len())));
        let mut first_bytes = [false; 256];
        for w in &words {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[b as usize] = true;
            }
        }
        WordSet { words, set, lengths, first_bytes }
    }
}

impl Words {
    /// Whether the list holds `lower` (a word already in lower case).
    pub(super) fn contains_lower(&self, lower: &str) -> bool {
        let list: &WordSet = self.0;
        let (shortest, longest) = list.lengths;
        if lower.len() < shortest || lower.len() > longest {
            return false;
        }
        if lower.as_bytes().first().is_some_and(|&b| !list.first_bytes[b as usize]) {
            return false;
        }
        // a short list is scanned faster than a word is hashed
        if list.words.len() <= 12 {
            list.words.contains(&lower)
        } else {
            list.set.contains(lower)
        }
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];
    fn deref(&self) -> &[&'static str] {
        &self.0.words
    }
}

/// The words of class `class`, in file order (blank lines and `#` comments skipped).
fn class(class: &str) -> Vec<&'static str> {
    DATA.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
        .filter(|(name, _)| *name == class)
        .map(|(_, word)| word)
        .collect()
}

/// Declares one [`Words`] static per class of the vocabulary file.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident = $class:literal;)*) => {
        $(
            $(#[$doc])*
            pub(super) static $name: Words = Words({
                static WORDS: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(class($class)));
                &WORDS
            });
        )*
        /// Every list with its class name (for the tests).
        #[cfg(test)]
        pub(super) fn all() -> Vec<(&'static str, Words)> {
            vec![$(($class, $name)),*]
        }
    };
}

word_lists! {
    /// Subject pronouns, "it" included.
    PRONOUNS = "pronouns";
    /// Nouns for a man ("man", "spokesman"): what "he" may stand for.
    MALE_NOUNS = "male_nouns";
    /// Nouns for a woman ("woman", "spokeswoman"): what "she" may stand for.
    FEMALE_NOUNS = "female_nouns";
    /// Reporting verbs that go on with the speaker just quoted ("She added: …").
    CONTINUING_VERBS = "continuing_verbs";
    /// Pronouns that stand for people (not "it").
    PERSONAL_PRONOUNS = "personal_pronouns";
    /// Object pronouns ("him", "them", …).
    OBJECT_PRONOUNS = "object_pronouns";
    /// Reflexive pronouns: after a verb cue, an object that is no speech ("admitted herself").
    REFLEXIVE_PRONOUNS = "reflexive_pronouns";
    /// Articles, possessive determiners and demonstratives that open a noun phrase.
    DETERMINERS = "determiners";
    /// Days, months (with their abbreviations) and other time words that may stand between a
    /// subject and its verb or after a cue.
    TIME_WORDS = "time_words";
    /// Words that may stand between a subject and its verb.
    ADVERBS = "adverbs";
    /// Adverbs of place between a subject and its cue ("Officials there said").
    PLACE_ADVERBS = "place_adverbs";
    /// Nouns of fixed adverbial phrases after "in" ("in turn", "in fact").
    IN_PHRASE_NOUNS = "in_phrase_nouns";
    /// Words that end a noun phrase walked over from its head.
    NP_STOP = "np_stop";
    /// Auxiliaries and modals that mark a finite clause (for indirect speech without "that").
    FINITE = "finite";
    /// Stems of verbs that name what something is ("called", "dubs", "described"): matched as
    /// prefixes.
    NAMING_STEMS = "naming_stems";
    /// Nouns (and noun-like adjectives) in -ly that head a speaker's noun phrase.
    LY_NOUNS = "ly_nouns";
    /// Contractions of "be" after a pronoun ("He’s", "they're"), tried in file order.
    BE_CONTRACTIONS = "be_contractions";
    /// Prepositions that do not open a clause.
    PREPOSITIONS = "prepositions";
    /// Common irregular past forms (a finite verb without an auxiliary).
    IRREGULAR_PAST = "irregular_past";
    /// Small words a quoted title may hold in lower case ("The Art of the Deal").
    TITLE_SMALL_WORDS = "title_small_words";
    /// Words before a quoted title that name it as a work or a programme ("book", "show", …).
    WORKS = "works";
    /// Nouns of speech before a colon that introduce a quote ("made the following comment: …").
    SPEECH_NOUNS = "speech_nouns";
    /// Verbs that stand right after a quote in an inverted attribution even without a comma
    /// ("“…” said Ortiz").
    INVERSION_VERBS = "inversion_verbs";
    /// Adverbs that stand before a verb ("officers still patrol"): the word after one, in lower
    /// case, is the verb of a bare clause.
    PREVERBAL_ADVERBS = "preverbal_adverbs";
    /// Speech verbs that also report a score ("added 16 points").
    SCORING_VERBS = "scoring_verbs";
    /// Cues that report a question ("asked whether …").
    ASKING_CUES = "asking_cues";
    /// Words opening a reported question ("if", "whether", "who", …).
    QUESTION_WORDS = "question_words";
    /// Words before "asked" that open a reduced clause of a question put to the subject ("when
    /// asked whether …", "after being asked if …").
    REDUCED_QUESTION_OPENERS = "reduced_question_openers";
    /// Words before a number that make it approximate ("about 4 in 10", "nearly 40%").
    APPROXIMATORS = "approximators";
    /// Words that bound a number with "than" ("more than 4 in 10", "fewer than half").
    COMPARATIVES = "comparatives";
    /// Numbers written as words, counted like digits in a poll's share ("four in 10").
    NUMBER_WORDS = "number_words";
    /// One-word answers a "say" verb reports as its content ("75 percent said yes").
    ANSWER_WORDS = "answer_words";
    /// Words that echo what someone else said ("the same"): a quote of these alone is a fragment.
    ECHO_WORDS = "echo_words";
    /// The forms of "say", whose object "the same" or an answer word is speech.
    SAY_FORMS = "say_forms";
    /// Quantifiers that name a speaker alone ("Some say …", "another says …").
    QUANTIFIER_SPEAKERS = "quantifier_speakers";
    /// Nouns that may speak as one lower-case word although they end like a participle or an
    /// adjective ("executive", "critic"; not "named", "exclusive").
    BARE_SPEAKERS = "bare_speakers";
    /// Words that open no speaker's noun phrase: a verb's particle ("carried out two …"),
    /// "including", a superlative's "least".
    NON_SPEAKER_WORDS = "non_speaker_words";
    /// Endings of a lone lower-case word that is a participle or an adjective, not a speaker
    /// ("named", "exclusive", "post-traumatic").
    NON_SPEAKER_SUFFIXES = "non_speaker_suffixes";
    /// Conjunctions opening a fronted subordinate clause before an inserted attribution.
    INSERTION_SUBORDINATORS = "insertion_subordinators";
    /// Words opening a subordinate clause whose subject is the speaker.
    SUBORDINATE_OPENERS = "subordinate_openers";
    /// Conjunctions opening a fronted subordinate clause that belongs to the report.
    FRONTED_SUBORDINATORS = "fronted_subordinators";
    /// Conjunctions that end a reported object ("… when he ran").
    OBJECT_SUBORDINATORS = "object_subordinators";
    /// Days that end a reported object ("… a “disgrace” Wednesday").
    DAY_WORDS = "day_words";
    /// Occasions after "in a" / "at a" that end a reported object ("in a statement").
    OCCASIONS = "occasions";
    /// Raising verbs before "to" and a cue ("appeared to suggest", "went on to say").
    RAISING = "raising";
    /// Things one calls that are convened, not said ("called an emergency meeting", "called off").
    CONVENED = "convened";
    /// Verbs of declining or giving after "but" / "and" ("…, but declined to elaborate", "and gave no
    /// details"): the speaker's own predicate, told by the writer, which ends the reported clause.
    WITHHOLDING_VERBS = "withholding_verbs";
    /// Cues that take the listener as their object before the reported clause ("told reporters …").
    TELLING_CUES = "telling_cues";
    /// Participles of naming verbs that may stand in the passive ("was dubbed", "being described as").
    NAMING_PARTICIPLES = "naming_participles";
    /// Lower-case words that join the parts of a name ("Duke of York", "van der Leyen", "bin Salman").
    NAME_PARTICLES = "name_particles";
    /// Words that open an unnamed source after an inverted cue ("said one diplomat", "said senior officials").
    SOURCE_MODIFIERS = "source_modifiers";
    /// Words that name no one when they stand alone where a speaker would ("who", "this"), and
    /// that make no quote on their own.
    NON_SPEAKERS = "non_speakers";
    /// Head nouns of a description that stands for an organisation named before ("the company",
    /// "the ministry"): it resolves to that organisation.
    ORG_HEADS = "org_heads";
    /// Organisation pronouns ("it", "its"): a speaker so named is an organisation.
    ORG_PRONOUNS = "org_pronouns";
    /// Plural pronouns that stand for an organisation when no person is named nearer ("they").
    PLURAL_PRONOUNS = "plural_pronouns";
    /// Organisation nouns of businesses: "the company said" with no company of that name stands
    /// for the nearest organisation named before.
    COMPANY_HEADS = "company_heads";
    /// Prepositions that join a speaker's role to whom it serves ("a spokesperson for the
    /// ministry", "the head of Sony Pictures").
    ROLE_PREPOSITIONS = "role_prepositions";
    /// Quantifiers that open an unnamed source like a determiner ("one of", "some of").
    SOURCE_OPENERS = "source_openers";
    /// Cues whose plain object is news, not speech, unless it names an utterance ("announced
    /// plans", "proposed a budget").
    PLAIN_OBJECT_CUES = "plain_object_cues";
    /// Verb cues in -s that are as often plural nouns ("the Paris attacks", "his claims"): a
    /// noun after a determiner and a word when punctuation or "of", "in", "on" follows.
    NOUN_LIKE_CUES = "noun_like_cues";
    /// Nouns of utterances: an object cue's object holding one is speech ("announced a warning").
    UTTERANCE_NOUNS = "utterance_nouns";
    /// Demonstratives and quantifiers that open a reported clause's subject right after "said"
    /// ("said this was …", "said most of the money …", "said as many as 40 …").
    CLAUSE_QUANTIFIERS = "clause_quantifiers";
    /// Words opening a fronted condition or concession right after "said", before the reported
    /// clause's subject ("said if elected he would …", "says despite being an alumna, she …").
    COMPLEMENT_SUBORDINATORS = "complement_subordinators";
    /// Relative words after a comma that lead from a reported clause to the quote a colon
    /// introduces ("…, to which O'Malley interjected: “…”").
    RELATIVE_LEAD_INS = "relative_lead_ins";
    /// Adjectives that take an infinitive of their own ("hard to say", "willing to tell"): no
    /// infinitive of purpose after them.
    INFINITIVE_ADJECTIVES = "infinitive_adjectives";
    /// Adjectives after "be" whose infinitive has the subject as its own subject ("voters were
    /// more likely to say …", "she was not willing to say …").
    CONTROL_ADJECTIVES = "control_adjectives";
    /// Participles of reporting that report hearsay after "be" and before an infinitive ("are
    /// said to be urging", "is reported to have met").
    HEARSAY_PARTICIPLES = "hearsay_participles";
    /// Nouns an infinitive describes ("one thing to say", "nothing to add"): no infinitive of
    /// purpose after them.
    INFINITIVE_HEADS = "infinitive_heads";
    /// Forms of "be" before a passive participle ("was asked", "were accused").
    BE_FORMS = "be_forms";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_has_words_and_every_class_a_list() {
        let lists = all();
        for (name, words) in &lists {
            assert!(!words.is_empty(), "no words in class {name}");
        }
        for line in DATA.lines().filter(|line| !line.starts_with('#') && !line.is_empty()) {
            let (name, word) = line.split_once('\t').unwrap_or_else(|| panic!("no tab in {line:?}"));
            assert!(lists.iter().any(|(known, _)| *known == name), "unknown class {name}");
            assert!(!word.is_empty() && word.trim() == word, "bad word {word:?}");
        }
    }
}
