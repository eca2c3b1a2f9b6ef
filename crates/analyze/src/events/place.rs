//! Where an event happens: the place named after "in", "at", "to" nearest the trigger, and
//! the destinations of a visit to several places.

use parallax_doc::{EntityKind, TokenKind};

use super::tokens::is_capitalised;
use super::vocabulary::{is, WordClass};
use super::Finder;

impl<'d> Finder<'d> {
    /// Places after "to", "for", "in" following a visit trigger, or its direct object.
    pub(super) fn destinations(&self, start: usize, end: usize, sentence_end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut k = end;
        // direct object: "visit Saudi Arabia"
        if k < sentence_end && self.entity_kind(k) == Some(EntityKind::Location) {
            if let Some(m) = self.mention(k) {
                out.push((k, m.entity));
            }
        }
        while k < sentence_end && k < end + 16 {
            let w = self.lower(k);
            if matches!(w, "to" | "for" | "in") {
                // skip "the" and adjectives: "to the Saudi capital"
                let mut j = k + 1;
                while j < sentence_end
                    && j <= k + 3
                    && self.entity_kind(j).is_none()
                    && self.token_kind(j) == Some(TokenKind::Word)
                    && !is_capitalised(self.word(j))
                {
                    j += 1;
                }
                if j < sentence_end && self.entity_kind(j) == Some(EntityKind::Location) {
                    if let Some(m) = self.mention(j) {
                        if !out.iter().any(|&(_, e)| e == m.entity) {
                            out.push((j, m.entity));
                        }
                    }
                }
            }
            if matches!(w, "but" | "while" | "where" | "which" | ";" | "said" | "says")
                || self.word(k) == "," && !out.is_empty() && k > end + 8
            {
                break;
            }
            k += 1;
        }
        let _ = start;
        out
    }

    pub(super) fn nearest_place(&self, trigger: usize, range: std::ops::Range<usize>) -> Option<usize> {
        self.nearest_place_of(trigger, range, &["in", "at", "to", "the"])
    }

    /// The place nearest the trigger named after one of `preps`.
    pub(super) fn nearest_place_of(
        &self,
        trigger: usize,
        range: std::ops::Range<usize>,
        preps: &[&str],
    ) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for k in range.clone() {
            if self.quoted(k) {
                continue;
            }
            let Some(m) = self.mention(k) else { continue };
            if self.in_role(m.span) || self.after_topic_noun(k) {
                continue;
            }
            if self.possessive_owner(m.span.end) {
                continue;
            }
            // "who was studying in South Wales and was on a weekend visit home": a place before
            // "and" and another verb belongs to the first verb, not to the trigger after
            let coordinated = k < trigger
                && (k + 1..trigger).any(|j| {
                    use parallax_lexicon::closed::{is, Class};
                    let next = self.lower(j + 1);
                    self.lower(j) == "and" && (is(Class::Auxiliary, next) || is(Class::Modal, next))
                });
            if coordinated {
                continue;
            }
            let kind = self.doc.entities[m.entity].kind;
            let prep = k > range.start && preps.contains(&self.lower(k - 1));
            let prep = prep
                && (k < 2
                    || self.lower(k - 1) != "the"
                    || matches!(self.lower(k - 2), "in" | "at" | "to" | "international"));
            let venue = kind == EntityKind::Organization
                && self.doc.entities[m.entity].name.split(' ').count() >= 2
                && self.doc.entities[m.entity].name.ends_with("Conference");
            if (venue || kind == EntityKind::Location && prep) && k.abs_diff(trigger) <= 12 {
                let distance = k.abs_diff(trigger);
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, m.entity));
                }
            }
        }
        best.map(|(_, e)| e)
    }

    /// Whether a place mention ending at byte `end` is a possessive that names an owner, not
    /// where something happens: "in Kyiv's absence", but not "in Indonesia's Aceh province" or
    /// "Iran's southern area" (a place or a part of one follows).
    fn possessive_owner(&self, end: usize) -> bool {
        let after = self.doc.text.get(end..).unwrap_or("");
        let Some(rest) = after.strip_prefix("'s").or_else(|| after.strip_prefix("’s")) else {
            return false;
        };
        let next = rest.trim_start().split(|c: char| !(c.is_alphanumeric() || c == '-')).next().unwrap_or("");
        !(next.starts_with(char::is_uppercase) || is(WordClass::Region, &next.to_lowercase()))
    }
}
