//! Another given name the text gives a person ("Kathryn Jenkin, known as Katie") names that
//! person: alone ("Katie said") or with the surname ("Katie Jenkin"). Read once every name is
//! found, so the order in which the passes met the names does not matter.

use parallax_doc::{Doc, Entity, EntityKind, Mention, MentionKind};

use super::fold::fold_entities;
use super::tokens::is_capitalised;

/// Folds each person named by another given name of a person the text introduces with "known
/// as" (", known as X", ", also known as X", "(better known as X"; one word between the comma or
/// bracket and "known") into that person: a person called X alone, or X and the person's
/// surname, or a place or body of that name no list knows (the tagger's reading of a name it
/// has not seen). The name before the comma must be a person's full name (two words or more).
pub(super) fn fold_other_given_names(doc: &Doc, entities: &mut Vec<Entity>, mentions: &mut Vec<Mention>) {
    let text_of = |k: usize| doc.tokens.get(k).map_or("", |t| doc.slice(t.span));
    let mut given: Vec<(&str, usize)> = Vec::new();
    for k in 3..doc.tokens.len() {
        if text_of(k - 1) != "as" || text_of(k - 2) != "known" {
            continue;
        }
        let word = text_of(k);
        // one capitalised word, not the first of a longer name
        if !is_capitalised(word) || is_capitalised(text_of(k + 1)) || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let opener = if matches!(text_of(k - 3), "," | "(") {
            k - 3
        } else if k >= 5 && text_of(k - 3).starts_with(char::is_lowercase) && matches!(text_of(k - 4), "," | "(") {
            k - 4
        } else {
            continue;
        };
        let Some(name_end) = opener.checked_sub(1).and_then(|t| doc.tokens.get(t)).map(|t| t.span.end) else {
            continue;
        };
        let person = mentions
            .iter()
            .find(|m| m.kind == MentionKind::Name && m.span.end == name_end)
            .map(|m| m.entity)
            .filter(|&e| entities.get(e).is_some_and(|e| e.kind == EntityKind::Person && e.name.contains(' ')));
        if let Some(person) = person {
            given.push((word, person));
        }
    }
    if given.is_empty() {
        return;
    }
    // the tagger may have read the unfamiliar name as a place ("known as Della"): a name the
    // gazetteer does not know is the person's, whatever its type
    let gaz = parallax_lexicon::gazetteer::Gazetteer::get();
    let mut target_of: Vec<Option<usize>> = vec![None; entities.len()];
    for (id, e) in entities.iter().enumerate() {
        if e.kind != EntityKind::Person && (e.kind == EntityKind::Group || gaz.lookup(&e.name).is_some()) {
            continue;
        }
        let (first, rest) = e.name.split_once(' ').unwrap_or((e.name.as_str(), ""));
        target_of[id] = given
            .iter()
            .find(|&&(word, person)| {
                let surname = entities[person].name.rsplit(' ').next().unwrap_or("");
                person != id && first == word && (rest.is_empty() || rest == surname)
            })
            .map(|&(_, person)| person);
    }
    fold_entities(entities, mentions, target_of, true);
}
