//! The events stage's words: the trigger table (`data/events/triggers.tsv`) with the rule each
//! trigger needs, nouns that refer back to an event, and the cue words of violence and agreeing.

use std::sync::OnceLock;

use foldhash::HashMap;

use parallax_doc::EventKind;

use crate::lexicon::WordClasses;

/// How a trigger opens an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TriggerRule {
    /// The word alone.
    Word,
    /// Only when a person follows within three tokens after "with"/"to"/"by" ("spoke with Trump").
    WithPerson,
    /// Only when followed by "to", "for" or "in" and a place ("heading to Kyiv").
    ToPlace,
    /// Only with a cue of violence in the clause or a place right after ("an attack on Kharkiv").
    Violent,
    /// Only with a verb of agreeing near ("signed a deal", "the accord was reached").
    Agreed,
    /// A vote, not "was voted best film" nor "won 40% of the vote".
    Vote,
    /// A verb whose object is whom the event happens to in the active voice ("police arrested
    /// X", "the jury convicted X"), its subject in the passive ("X was arrested").
    Transitive,
}

pub(super) const TRIGGERS: &str = include_str!("../../data/events/triggers.tsv");

/// The trigger table, by trigger (lower case, words separated by one space). Looked up for
/// every word of every sentence, hence a fast (not DoS-resistant) hash.
pub(super) fn triggers() -> &'static HashMap<String, (EventKind, TriggerRule)> {
    static MAP: OnceLock<HashMap<String, (EventKind, TriggerRule)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::default();
        for line in TRIGGERS.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let kind = match cols.get(1).copied() {
                Some("meeting") => EventKind::Meeting,
                Some("call") => EventKind::Call,
                Some("visit") => EventKind::Visit,
                Some("speech") => EventKind::Speech,
                Some("election") => EventKind::Election,
                Some("attack") => EventKind::Attack,
                Some("agreement") => EventKind::Agreement,
                Some("vote") => EventKind::Vote,
                Some("death") => EventKind::Death,
                Some("arrest") => EventKind::Arrest,
                Some("trial") => EventKind::Trial,
                Some("disaster") => EventKind::Disaster,
                Some("acquisition") => EventKind::Acquisition,
                Some("appointment") => EventKind::Appointment,
                _ => continue,
            };
            let rule = match cols.get(2).copied() {
                Some("with-person") => TriggerRule::WithPerson,
                Some("to-place") => TriggerRule::ToPlace,
                Some("violent") => TriggerRule::Violent,
                Some("agreed") => TriggerRule::Agreed,
                Some("vote") => TriggerRule::Vote,
                Some("transitive") => TriggerRule::Transitive,
                _ => TriggerRule::Word,
            };
            map.insert(cols[0].to_string(), (kind, rule));
        }
        map
    })
}

/// Nouns that refer back to an event of a kind ("before the meeting").
pub(super) fn anaphor_kind(word: &str) -> Option<EventKind> {
    match word {
        "meeting" | "talks" | "summit" => Some(EventKind::Meeting),
        "call" | "conversation" => Some(EventKind::Call),
        "visit" | "trip" => Some(EventKind::Visit),
        "speech" | "address" => Some(EventKind::Speech),
        "election" | "elections" => Some(EventKind::Election),
        "attack" | "attacks" => Some(EventKind::Attack),
        "deal" | "agreement" | "accord" | "treaty" => Some(EventKind::Agreement),
        "vote" | "referendum" => Some(EventKind::Vote),
        "death" => Some(EventKind::Death),
        "arrest" => Some(EventKind::Arrest),
        "trial" | "verdict" => Some(EventKind::Trial),
        "earthquake" | "quake" => Some(EventKind::Disaster),
        "acquisition" | "takeover" => Some(EventKind::Acquisition),
        "appointment" | "nomination" | "resignation" => Some(EventKind::Appointment),
        _ => None,
    }
}

/// The kinds added for issue 6, whose participants may be organisations and countries.
pub(super) fn is_collective(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Election | EventKind::Attack | EventKind::Agreement | EventKind::Vote | EventKind::Acquisition
    )
}

/// The word classes of `data/events/words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordClass {
    /// Before a trigger, makes it a kind of event, not one ("peace talks", "any meeting").
    Generic,
    /// Before an election, attack, agreement or vote, makes it a kind of one ("free elections").
    GenericCollective,
    /// A wish or attempt: "wants a deal" is no deal.
    Wish,
    /// Natural hazards: "an earthquake struck" is no attack.
    Hazard,
    /// Weapons, casualties, armed forces, targets: what makes an attack word violent.
    Violence,
    /// Verbs of agreeing that make "deal", "treaty", "accord" an agreement made.
    Agreeing,
    /// Topic nouns: a place after one belongs to the topic, not to an event ("the war in
    /// Ukraine").
    Topic,
    /// Before a trigger, makes the event a topic of something else ("updates on the talks").
    TopicPreposition,
    /// Besides the lexicon's reporting verbs, verbs that make the person before them a source
    /// ("quoting Peskov, reported that …").
    SourceVerb,
    /// Words of a part of a place: after a place's possessive they keep it the event's place
    /// ("Indonesia's northwestern Aceh"), where other words make it an owner ("in Kyiv's absence").
    Region,
    /// Words that end a verb's object: after "fired three shots at X", X is no object.
    ObjectEnd,
    /// Auxiliaries of the passive right before a past participle ("was arrested", "got fired").
    PassiveAuxiliary,
    /// Between a reporting verb and a date after it, put the date in another clause ("said
    /// relatives would hold a vigil Thursday": the date is the vigil's, not the statement's).
    ClauseBarrier,
    /// Plural nouns for women ("both women"): the people of the sentence before that they
    /// stand for are women.
    WomenPlural,
    /// Plural nouns for men ("the two men").
    MenPlural,
    /// Words before a year that make it a time of the clause ("in 2013"); after another word
    /// and before a word, a year modifies a noun ("the 2013 roadmap").
    YearPreposition,
}

impl WordClass {
    /// The class names of `data/events/words.tsv`, in the order of the variants.
    const NAMES: [&'static str; 16] = [
        "generic",
        "generic_collective",
        "wish",
        "hazard",
        "violence",
        "agreeing",
        "topic",
        "topic_preposition",
        "source_verb",
        "region",
        "object_end",
        "passive_auxiliary",
        "clause_barrier",
        "women_plural",
        "men_plural",
        "year_preposition",
    ];
}

const WORDS: &str = include_str!("../../data/events/words.tsv");

/// True when `word` (lower case) is in `class`.
pub(super) fn is(class: WordClass, word: &str) -> bool {
    static CLASSES: OnceLock<WordClasses> = OnceLock::new();
    CLASSES
        .get_or_init(|| {
            WordClasses::parse(WORDS, &WordClass::NAMES).unwrap_or_else(|e| panic!("data/events/words.tsv: {e}"))
        })
        .is(class as usize, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_words() {
        WordClasses::parse(WORDS, &WordClass::NAMES).expect("data/events/words.tsv is well formed");
        assert!(is(WordClass::Generic, "any") && is(WordClass::Violence, "killed") && is(WordClass::Topic, "war"));
        assert!(
            is(WordClass::Wish, "wants") && is(WordClass::Agreeing, "signed") && is(WordClass::Hazard, "earthquake")
        );
        assert!(is(WordClass::GenericCollective, "free") && !is(WordClass::Generic, "free"));
    }
}
