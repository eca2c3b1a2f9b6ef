//! Folding one entity of an article into another once a later pass has learnt they are one
//! (an abbreviation and its full name; a first name and the award named after it).

use parallax_doc::{Entity, Mention, MentionKind};

/// Folds each entity `id` with `target_of[id] == Some(target)` into `target`: its name mentions
/// and roles go to `target`, its pronoun and nominal mentions too when `keep_references` (else
/// they are dropped: what they resolved to was not what the name names). Folded entities are
/// removed and the others renumbered in order; a chain is not followed (an entity others fold
/// into stays itself). Mentions are left in text order.
pub(super) fn fold_entities(
    entities: &mut Vec<Entity>,
    mentions: &mut Vec<Mention>,
    mut target_of: Vec<Option<usize>>,
    keep_references: bool,
) {
    target_of.resize(entities.len(), None);
    for id in 0..target_of.len() {
        if let Some(target) = target_of[id] {
            if target >= entities.len() || target == id || target_of[target].is_some() {
                target_of[id] = None;
            }
        }
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    if target_of.iter().all(Option::is_none) {
        return;
    }
    for (id, target) in target_of.iter().enumerate() {
        if let Some(target) = *target {
            let roles = std::mem::take(&mut entities[id].roles);
            entities[target].roles.extend(roles);
        }
    }
    mentions.retain(|m| {
        keep_references || m.kind == MentionKind::Name || target_of.get(m.entity).is_none_or(Option::is_none)
    });
    for m in mentions.iter_mut() {
        if let Some(target) = target_of.get(m.entity).copied().flatten() {
            m.entity = target;
        }
    }
    let mut new_id = vec![usize::MAX; entities.len()];
    let mut kept = 0;
    for (id, target) in target_of.iter().enumerate() {
        if target.is_none() {
            new_id[id] = kept;
            kept += 1;
        }
    }
    let mut id = 0;
    entities.retain(|_| {
        let keep = target_of[id].is_none();
        id += 1;
        keep
    });
    for m in mentions.iter_mut() {
        m.entity = new_id.get(m.entity).copied().unwrap_or(m.entity);
    }
}
