//! What is not an event: mentions of a kind of event ("any deal", "free elections"), wishes and
//! failures, attack words without violence, deals without a verb of agreeing, votes that are
//! not votes.

use parallax_doc::{EntityKind, EventKind};

use super::tokens::is_capitalised;
use super::vocabulary::{is, WordClass};
use super::Finder;

impl<'d> Finder<'d> {
    /// True for a trigger naming a kind of event rather than one event: "peace talks", "any
    /// meeting", "future visits".
    pub(super) fn is_generic(&self, t: usize) -> bool {
        (t.saturating_sub(2)..t).any(|k| is(WordClass::Generic, self.lower(k)))
    }

    /// True for a mention of a kind of election, attack, agreement or vote rather than one: "any
    /// deal", "a future election", "free and fair elections", "wants a deal", "calls for a vote".
    pub(super) fn is_generic_collective(&self, t: usize, kind: EventKind) -> bool {
        let s = self.doc.sentences.iter().find(|s| s.tokens.contains(&t)).map_or(0, |s| s.tokens.start);
        let near = |n: usize| (t.saturating_sub(n).max(s)..t).map(|k| self.lower(k));
        if near(2).any(|w| is(WordClass::GenericCollective, w)) {
            return true;
        }
        // "heart attack", "panic attack", "an attack on democracy" is not armed; "deal with"
        let prev = if t > s { self.lower(t - 1) } else { "" };
        let next = self.doc.tokens.get(t + 1).map(|_| self.lower(t + 1)).unwrap_or_default();
        let wish = near(5).any(|w| is(WordClass::Wish, w));
        // "a deal could be reached", "a bombing might happen"
        let modal_after =
            (t + 1..(t + 4).min(self.doc.tokens.len())).any(|k| matches!(self.lower(k), "could" | "might" | "may"));
        // "the Central Election Commission", "Vote Leave": names
        let name = t > s
            && is_capitalised(self.word(t))
            && self.doc.tokens.get(t + 1).is_some_and(|_| is_capitalised(self.word(t + 1)));
        if name {
            return true;
        }
        match kind {
            EventKind::Attack => {
                wish || modal_after
                    || matches!(prev, "heart" | "panic" | "asthma" | "anxiety" | "personal" | "verbal" | "cyber")
            }
            EventKind::Agreement => next == "with" && prev != "a" && prev != "the" || wish || modal_after,
            EventKind::Election => {
                wish || matches!(
                    next,
                    "campaign"
                        | "campaigns"
                        | "promise"
                        | "promises"
                        | "pledge"
                        | "manifesto"
                        | "manifestos"
                        | "watchdog"
                        | "successes"
                        | "stance"
                        | "coverage"
                )
            }
            EventKind::Vote => {
                // "Vote No" (a campaign's name), "a yes vote", "the public vote"
                let name = is_capitalised(self.word(t)) && t > s;
                wish || name
                    || matches!(prev, "yes" | "dissenting" | "public" | "popular" | "postal" | "protest" | "tactical")
            }
            _ => wish,
        }
    }

    /// The violent-attack rule: a cue of violence in the clause, or a place right after the
    /// trigger ("an attack on Kharkiv", "shelling in Donetsk").
    pub(super) fn violent(&self, start: usize, end: usize, range: std::ops::Range<usize>) -> bool {
        let w = self.lower(start);
        // "struck a deal", "struck a chord"
        if w == "struck"
            && (end..(end + 4).min(range.end)).any(|k| {
                matches!(self.lower(k), "deal" | "agreement" | "accord" | "chord" | "note" | "balance" | "tone")
            })
        {
            return false;
        }
        let from = start.saturating_sub(12).max(range.start);
        // "an earthquake struck", "the storm hit": nature, not an attack
        if (start.saturating_sub(5).max(range.start)..start).any(|k| is(WordClass::Hazard, self.lower(k))) {
            return false;
        }
        let until = (end + 12).min(range.end);
        let cue = (from..until).any(|k| !self.quoted(k) && is(WordClass::Violence, self.lower(k)));
        let place_after = end < range.end
            && matches!(self.lower(end), "on" | "in" | "against" | "at" | "near")
            && (end + 1..(end + 3).min(range.end)).any(|j| self.entity_kind(j) == Some(EntityKind::Location));
        cue || place_after
    }

    /// The agreement rule: a verb of agreeing within four words before the noun, or right after
    /// it ("the accord was signed", "the deal reached on Friday").
    pub(super) fn agreed(&self, start: usize, end: usize, range: std::ops::Range<usize>) -> bool {
        let before = (start.saturating_sub(5).max(range.start)..start).any(|k| is(WordClass::Agreeing, self.lower(k)));
        let after = (end..(end + 3).min(range.end)).any(|k| is(WordClass::Agreeing, self.lower(k)));
        before || after
    }

    /// The vote rule: not passive "was voted best film", not "of the vote" (a share of votes).
    pub(super) fn a_vote(&self, t: usize, range: std::ops::Range<usize>) -> bool {
        let prev = |n: usize| if t >= range.start + n { self.lower(t - n) } else { "" };
        if self.lower(t) == "voted" {
            return !matches!(prev(1), "was" | "were" | "been" | "be" | "is" | "are" | "being");
        }
        // the noun: "a vote", "the vote", "Wednesday's vote", "will vote"
        let p = prev(1);
        if p == "the" && matches!(prev(2), "of" | "won" | "win" | "split" | "share") {
            return false;
        }
        !matches!(p, "popular" | "postal" | "protest" | "tactical" | "youth" | "female" | "black")
    }

    /// True when the place at token `k` belongs to a topic rather than to an event: "the war in
    /// Ukraine", "peace in Europe".
    pub(super) fn after_topic_noun(&self, k: usize) -> bool {
        let mut j = k;
        while j > 0 && matches!(self.lower(j - 1), "in" | "on" | "for" | "with" | "of" | "over" | "the" | "to") {
            j -= 1;
        }
        j < k && j > 0 && is(WordClass::Topic, self.lower(j - 1))
    }
}
