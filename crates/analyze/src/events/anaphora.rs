//! Event anaphora within an article: an event without date or place right after one of its kind
//! is that event; "before the meeting" dates an event by the meeting it refers to.

use parallax_doc::Event;

use super::vocabulary::anaphor_kind;
use super::Finder;

impl<'d> Finder<'d> {
    /// An event lacking date and place right after one of its kind and status (planned or
    /// happened) is that event, unless it is a bare noun after a preposition; an event
    /// lacking a date in a sentence that refers to "the meeting" takes that meeting's date. An
    /// event an indefinite article introduces as a new one ("to pave the way for a meeting
    /// between Trump and Putin") takes nothing from the others.
    pub(super) fn resolve_anaphora(&self, events: &mut [Event]) {
        for i in 0..events.len() {
            if events[i].time.is_some() {
                continue;
            }
            let (kind, sentence) = (events[i].kind, events[i].sentence);
            let trigger_tok = self.doc.token_at_or_after(events[i].trigger.start);
            let introduced = trigger_tok > 0 && matches!(self.lower(trigger_tok - 1), "a" | "an");
            if introduced {
                continue;
            }
            // a bare noun after a preposition ("would be involved in talks", "for talks") may be
            // any such event: it does not refer back
            let bare = trigger_tok > 0
                && matches!(self.lower(trigger_tok - 1), "in" | "for" | "of" | "on" | "into" | "to" | "at" | "about");
            if events[i].place.is_none() && !bare {
                // the same event is planned in both mentions or has happened in both: "the
                // upcoming talks" are not the meeting just held
                let status = events[i].status;
                let near = |j: usize| {
                    events[j].kind == kind
                        && events[j].status == status
                        && events[j].sentence < sentence
                        && sentence - events[j].sentence <= 2
                };
                let prev =
                    (0..i).rev().find(|&j| near(j) && events[j].time.is_some() && events[j].place.is_some()).or_else(
                        || (0..i).rev().find(|&j| near(j) && (events[j].time.is_some() || events[j].place.is_some())),
                    );
                if let Some(prev) = prev {
                    events[i].time = events[prev].time;
                    events[i].place = events[prev].place;
                    continue;
                }
            }
            // "Shortly before the meeting, …": the date of the meeting referred to
            let range = self.sentence_tokens(sentence);
            let referred = range
                .clone()
                .filter(|&k| k != trigger_tok && k > range.start && self.lower(k - 1) == "the")
                .find_map(|k| anaphor_kind(self.lower(k)));
            if let Some(ref_kind) = referred {
                if let Some(prev) = (0..i)
                    .rev()
                    .find(|&j| events[j].kind == ref_kind && events[j].time.is_some() && events[j].sentence < sentence)
                {
                    events[i].time = events[prev].time;
                }
            }
        }
    }
}
