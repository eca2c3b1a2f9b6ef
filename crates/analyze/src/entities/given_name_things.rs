//! A first name alone that opens the name of a thing in the same article names that thing: "a
//! Tony" beside "the Tony Awards", "Oscar host" beside "the Oscars". Prizes, shows and firms are
//! named after people, and a bare first name with no surname anywhere in the article is read as a
//! person only for want of anything better.

use parallax_doc::{Doc, Entity, EntityKind, Mention, MentionKind};

use super::fold::fold_entities;
use super::tokens::strip_possessive;
use super::vocabulary::{is, WordClass};
use crate::lexicon::is_reporting_verb;

/// Folds each lone first-name "person" into the award, show or organisation whose name it opens
/// ("Tony" → "Tony Awards") or whose plural it is ("Oscar" → "Oscars"), when the person has no
/// role, no mention but that first name, and no sign of a person at any mention (an age after
/// it: "Oscar, 8"; a kin noun before it: "son Oscar"; a reporting verb after it). Pronouns that
/// were resolved to it are dropped.
pub(super) fn fold_given_names_of_things(doc: &Doc, entities: &mut Vec<Entity>, mentions: &mut Vec<Mention>) {
    let gaz = parallax_lexicon::gazetteer::Gazetteer::get();
    let lone_first_name = |e: &Entity| {
        e.kind == EntityKind::Person && !e.name.contains(' ') && e.roles.is_empty() && gaz.is_given_name(&e.name)
    };
    if !entities.iter().any(lone_first_name) {
        return;
    }
    // people named otherwise somewhere (a longer name, another spelling), or with a person's
    // sign, keep their reading
    let mut only_first_name = vec![true; entities.len()];
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Name) {
        if let (Some(flag), Some(e)) = (only_first_name.get_mut(m.entity), entities.get(m.entity)) {
            *flag &= strip_possessive(doc.slice(m.span)) == e.name;
        }
    }
    // a person's signs at a mention: an age after it, a kin noun before it, a reporting verb
    // after it
    let token_at = |byte: usize| doc.tokens.partition_point(|t| t.span.start < byte);
    let text_of = |k: usize| doc.tokens.get(k).map_or("", |t| doc.slice(t.span));
    let person_sign = |m: &Mention| {
        let k = token_at(m.span.start);
        let after = token_at(m.span.end);
        let aged = text_of(after) == ","
            && text_of(after + 1).chars().all(|c| c.is_ascii_digit())
            && !text_of(after + 1).is_empty();
        let kin = k > 0 && is(WordClass::KinWord, text_of(k - 1));
        aged || kin || is_reporting_verb(text_of(after))
    };
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Name) {
        if person_sign(m) {
            if let Some(flag) = only_first_name.get_mut(m.entity) {
                *flag = false;
            }
        }
    }
    let things: Vec<(usize, &str)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EntityKind::Misc | EntityKind::Organization))
        .map(|(i, e)| (i, e.name.as_str()))
        .collect();
    let mut target_of: Vec<Option<usize>> = vec![None; entities.len()];
    for (id, e) in entities.iter().enumerate() {
        if !lone_first_name(e) || !only_first_name[id] {
            continue;
        }
        let named_after = |thing: &str| {
            thing.split_once(' ').is_some_and(|(first, _)| first == e.name)
                || thing.strip_suffix('s').is_some_and(|singular| singular == e.name)
        };
        target_of[id] = things.iter().find(|(_, thing)| named_after(thing)).map(|&(i, _)| i);
    }
    fold_entities(entities, mentions, target_of, false);
}
