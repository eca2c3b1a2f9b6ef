//! Abbreviations an article defines: "the United States Air Force (USAF)", "Singapore Airlines
//! (SIA)". The abbreviation in brackets, and every later use of it, names the entity before the
//! brackets, whatever the tagger made of it (another organisation, a person "PAG").

use parallax_doc::{Doc, Entity, EntityKind, Mention, MentionKind, TokenKind};
use parallax_lexicon::names::abbreviates;

use super::fold::fold_entities;
use super::tokens::strip_possessive;

/// Joins each abbreviation the article defines to the organisation or place it stands for: its
/// uses become name mentions of that entity, and entities named only by it are folded in (their
/// roles kept; see [`fold_entities`]).
pub(super) fn join_defined_abbreviations(doc: &Doc, entities: &mut Vec<Entity>, mentions: &mut Vec<Mention>) {
    let definitions = definitions(doc, entities, mentions);
    if definitions.is_empty() {
        return;
    }
    // per entity, the one text all its name mentions have (possessives aside), if they agree
    let mut sole_name: Vec<Option<Option<&str>>> = vec![None; entities.len()];
    for m in mentions.iter().filter(|m| m.kind == MentionKind::Name) {
        let text = strip_possessive(doc.slice(m.span));
        if let Some(slot) = sole_name.get_mut(m.entity) {
            *slot = match *slot {
                None => Some(Some(text)),
                Some(Some(t)) if t == text => Some(Some(t)),
                _ => Some(None),
            };
        }
    }
    // entities named only by a defined abbreviation are the entity it stands for
    let mut target_of: Vec<Option<usize>> = vec![None; entities.len()];
    for (id, name) in sole_name.iter().enumerate() {
        if let Some(Some(text)) = name {
            target_of[id] = definitions.get(text).copied().filter(|&target| target != id);
        }
    }
    // uses of an abbreviation the earlier passes left unnamed
    let gaz = parallax_lexicon::gazetteer::Gazetteer::get();
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    let mut reach = 0; // the furthest end of the mentions starting before the current token
    let mut next = 0;
    let mut added = Vec::new();
    for tok in &doc.tokens {
        while let Some(m) = mentions.get(next).filter(|m| m.span.start < tok.span.end) {
            reach = reach.max(m.span.end);
            next += 1;
        }
        if tok.kind != TokenKind::Word || reach > tok.span.start {
            continue;
        }
        let word = strip_possessive(doc.slice(tok.span));
        // an abbreviation that is also a word ("IN", "IT") is that word in a line of capitals
        if let Some(&target) = definitions.get(word).filter(|_| !gaz.is_common_word(&word.to_lowercase())) {
            added.push(Mention { span: tok.span, entity: target, kind: MentionKind::Name });
        }
    }
    mentions.extend(added);
    fold_entities(entities, mentions, target_of, true);
}

/// The abbreviations the article defines: abbreviation → entity, for each name mention of an
/// organisation or place followed by its abbreviation in brackets (the first definition wins).
fn definitions<'d>(doc: &'d Doc, entities: &[Entity], mentions: &[Mention]) -> foldhash::HashMap<&'d str, usize> {
    let mut out: foldhash::HashMap<&'d str, usize> = foldhash::HashMap::default();
    let tokens = &doc.tokens;
    // name mentions by where they end: the one ending last before a bracket is found by search
    let mut names: Vec<&Mention> = mentions.iter().filter(|m| m.kind == MentionKind::Name).collect();
    names.sort_by_key(|m| (m.span.end, m.span.start));
    for (k, tok) in tokens.iter().enumerate() {
        if doc.slice(tok.span) != "(" {
            continue;
        }
        let (Some(short), Some(close)) = (tokens.get(k + 1), tokens.get(k + 2)) else { continue };
        if doc.slice(close.span) != ")" {
            continue;
        }
        let short = doc.slice(short.span);
        // the name right before the bracket
        let before = names[..names.partition_point(|m| m.span.end <= tok.span.start)]
            .last()
            .filter(|m| doc.text.get(m.span.end..tok.span.start).is_some_and(|gap| gap.trim().is_empty()));
        let Some(long) = before else { continue };
        let Some(entity) = entities.get(long.entity) else { continue };
        if !matches!(entity.kind, EntityKind::Organization | EntityKind::Location) {
            continue;
        }
        let stands_for = abbreviates(short, doc.slice(long.span)) || abbreviates(short, &entity.name);
        if stands_for {
            out.entry(short).or_insert(long.entity);
        }
    }
    out
}
