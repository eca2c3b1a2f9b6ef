//! The speaker a reader would write down for a quote, from what the stage found: the entity's
//! canonical name (both names for joint speakers), else the description as written ("a
//! spokesperson for the ministry"), else none (no speaker, or a pronoun left unresolved). Also
//! which quotes are fragments, too small to show as someone's words.
//!
//! These are views of the quote layer (it points, this names), shared by the JSON report, the
//! brief and `parallax quotes` so that all three say the same.

use std::borrow::Cow;

use parallax_doc::{Doc, EntityKind, Quote};

use super::tokens::is_in;
use super::vocabulary::{ADVERBS, DETERMINERS, ECHO_WORDS, NON_SPEAKERS, QUANTIFIER_SPEAKERS};
use parallax_lexicon::closed::{self, Class};

/// What kind of speaker a quote has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpeakerKind {
    /// A person entity.
    Person,
    /// An organisation entity (a country or a group speaking as one counts as one).
    Organization,
    /// A description that names no entity ("police", "a senior official").
    Description,
    /// No speaker the text supports (none given, or a pronoun left unresolved).
    None,
}

impl SpeakerKind {
    /// The name used in the JSON contract's `speaker_kind`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Description => "description",
            SpeakerKind::None => "none",
        }
    }
}

/// A quote's speaker as a reader names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedSpeaker<'a> {
    /// Its kind.
    pub kind: SpeakerKind,
    /// The canonical name (joint speakers: "A and B") or the description; `None` for
    /// [`SpeakerKind::None`].
    pub name: Option<Cow<'a, str>>,
    /// Every entity named, in text order (one, or several for joint speakers).
    pub entities: Vec<usize>,
}

/// The speaker of `q` as a reader would write it down.
pub fn named_speaker<'a>(doc: &'a Doc, q: &Quote) -> NamedSpeaker<'a> {
    let none = NamedSpeaker { kind: SpeakerKind::None, name: None, entities: Vec::new() };
    let Some(span) = q.speaker_span else {
        return match q.speaker_entity.and_then(|e| doc.entities.get(e)) {
            Some(e) => NamedSpeaker { kind: kind_of(e.kind), name: Some(Cow::Borrowed(&e.name)), entities: vec![e.id] },
            None => none,
        };
    };
    if let Some(entity) = q.speaker_entity.and_then(|e| doc.entities.get(e)) {
        // joint speakers ("Ana Ruiz and Karl Veit said"): every entity named in the span
        let mut ids = vec![entity.id];
        if doc.slice(span).contains(" and ") {
            for m in doc.mentions.iter().filter(|m| span.contains(m.span)) {
                let kind = doc.entities.get(m.entity).map(|e| e.kind);
                if !ids.contains(&m.entity)
                    && matches!(
                        kind,
                        Some(EntityKind::Person | EntityKind::Organization | EntityKind::Group | EntityKind::Misc)
                    )
                {
                    ids.push(m.entity);
                }
            }
        }
        let name = if ids.len() == 1 {
            Cow::Borrowed(entity.name.as_str())
        } else {
            let names: Vec<&str> = ids.iter().filter_map(|&i| doc.entities.get(i)).map(|e| e.name.as_str()).collect();
            // "Ana Ruiz, Karl Veit and Tom Reed"
            let (last, rest) = names.split_last().unwrap_or((&"", &[]));
            Cow::Owned(format!("{} and {last}", rest.join(", ")))
        };
        return NamedSpeaker { kind: kind_of(entity.kind), name: Some(name), entities: ids };
    }
    match description(doc, q.speaker_antecedent.unwrap_or(span)) {
        Some(d) => NamedSpeaker { kind: SpeakerKind::Description, name: Some(d), entities: Vec::new() },
        None => none,
    }
}

/// The kind of speaker an entity of kind `kind` is.
fn kind_of(kind: EntityKind) -> SpeakerKind {
    match kind {
        EntityKind::Person => SpeakerKind::Person,
        EntityKind::Organization | EntityKind::Location | EntityKind::Group | EntityKind::Misc => {
            SpeakerKind::Organization
        }
    }
}

/// The words at `span` as a description, lightly normalised (one space between words; a
/// capital that only opens the sentence lowered: "The company" → "the company"), or `None`
/// when they are a pronoun or another word that names no one.
pub(super) fn description(doc: &Doc, span: parallax_doc::Span) -> Option<Cow<'_, str>> {
    let text = doc.slice(span).trim();
    let first = text.split_whitespace().next()?;
    // (a quantifier alone names its speakers: "Some say …", "another says …")
    if text.split_whitespace().count() == 1
        && (closed::is(Class::Pronoun, first) || closed::is(Class::Determiner, first) || is_in(first, &NON_SPEAKERS))
        && !is_in(first, &QUANTIFIER_SPEAKERS)
    {
        return None;
    }
    let mut out = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let opens_sentence = doc.sentence_at(span.start).and_then(|s| doc.sentences.get(s)).is_some_and(|s| {
        doc.text.get(s.span.start..span.start).is_some_and(|b| b.chars().all(|c| !c.is_alphanumeric()))
    });
    let in_name = doc.mentions.iter().any(|m| m.span.start == span.start);
    // "The company", "His officials": a capital that only opens the sentence ("Turkish
    // officials" and "Police" keep theirs)
    let function_word = is_in(first, &DETERMINERS) || closed::is(Class::PossessiveDeterminer, first);
    if function_word && opens_sentence && !in_name && first.chars().next().is_some_and(char::is_uppercase) {
        let mut chars = out.chars();
        if let Some(c) = chars.next() {
            out = c.to_lowercase().chain(chars).collect();
        }
    }
    if out == text {
        Some(Cow::Borrowed(text))
    } else {
        Some(Cow::Owned(out))
    }
}

/// The closed classes of function words ("any", "behind", "that", "would"): a quote of nothing
/// else is a fragment. Irregular verbs, months and weekdays are content words.
const FUNCTION_CLASSES: [Class; 9] = [
    Class::Pronoun,
    Class::PossessiveDeterminer,
    Class::Determiner,
    Class::Auxiliary,
    Class::Modal,
    Class::Preposition,
    Class::Subordinator,
    Class::Conjunction,
    Class::CoordinatingConjunction,
];

/// Whether `q` is a fragment too small to show as someone's words: one word, or nothing but
/// closed-class words, adverbs and echoes ("immediately", "that it", "very shortly", "the same"). Kept in the JSON (marked), left out of the
/// brief.
pub fn is_fragment(doc: &Doc, q: &Quote) -> bool {
    let words: Vec<&str> = doc
        .slice(q.span)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    // an adverb in -ly ("very shortly") is no statement either
    let ly_adverb = |w: &str| w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_lowercase());
    words.len() < 2
        || words.iter().all(|w| {
            FUNCTION_CLASSES.iter().any(|&c| closed::is(c, w))
                || is_in(w, &NON_SPEAKERS)
                || is_in(w, &ADVERBS)
                || is_in(w, &ECHO_WORDS)
                || ly_adverb(w)
        })
}
