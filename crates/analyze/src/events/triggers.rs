//! Finding events in a sentence: trigger words and the rule each needs, and statements (a
//! reporting verb with a person subject and a date).

use parallax_doc::{EntityKind, Event, EventKind, TokenKind};

use super::tokens::is_capitalised;
use super::vocabulary::{is, is_collective, triggers, TriggerRule, WordClass};
use super::Finder;
use crate::lexicon::is_reporting_verb;

impl<'d> Finder<'d> {
    pub(super) fn sentence_events(&self, s: usize, events: &mut Vec<Event>) {
        let range = self.sentence_tokens(s);
        let map = triggers();
        let mut found: Vec<(usize, usize, EventKind, TriggerRule)> = Vec::new();
        let mut statements = Vec::new();
        let mut phrase = String::new();
        let mut t = range.start;
        while t < range.end {
            if self.quoted(t) || self.token_kind(t) != Some(TokenKind::Word) {
                t += 1;
                continue;
            }
            // longer triggers first ("to the polls", "phone call")
            let lower = self.lower(t);
            let mut pair = None;
            let mut triple = None;
            if t + 1 < range.end {
                // the two and three words from `t`, space-separated, built in one reused buffer
                phrase.clear();
                phrase.push_str(lower);
                phrase.push(' ');
                phrase.push_str(self.lower(t + 1));
                pair = map.get(phrase.as_str()).copied();
                if t + 2 < range.end {
                    phrase.push(' ');
                    phrase.push_str(self.lower(t + 2));
                    triple = map.get(phrase.as_str()).copied();
                }
            }
            let (trigger, width) = match (triple, pair) {
                (Some(x), _) => (Some(x), 3),
                (None, Some(x)) => (Some(x), 2),
                (None, None) => (map.get(lower).copied(), 1),
            };
            if let Some((kind, rule)) = trigger {
                // a capitalised "Takeover" or "Arrested" inside a sentence names a work, not an event
                let about_someone = matches!(
                    kind,
                    EventKind::Death
                        | EventKind::Arrest
                        | EventKind::Trial
                        | EventKind::Acquisition
                        | EventKind::Appointment
                );
                let titled = about_someone && t > range.start && is_capitalised(self.word(t));
                // "did not acquire", "would have been sacked": no such event
                let unreal = about_someone
                    && (t.saturating_sub(3).max(range.start)..t).any(|k| {
                        matches!(self.lower(k), "not" | "n't" | "never" | "would" | "could" | "might" | "may" | "if")
                    });
                // "had not bombed", "never met": negated, whatever the kind
                let negated = (t.saturating_sub(2).max(range.start)..t).any(|k| {
                    let w = self.lower(k);
                    matches!(w, "not" | "n't" | "never") || w.ends_with("n't") || w.ends_with("n’t")
                });
                let hypothetical = (t.saturating_sub(3).max(range.start)..t)
                    .any(|k| matches!(self.lower(k), "could" | "might" | "may" | "if" | "whether"));
                let rule_ok = match rule {
                    TriggerRule::WithPerson => self.person_follows(t + width, range.end),
                    TriggerRule::Violent => self.violent(t, t + width, range.clone()),
                    TriggerRule::Agreed => self.agreed(t, t + width, range.clone()),
                    TriggerRule::Vote => self.a_vote(t, range.clone()),
                    TriggerRule::Word | TriggerRule::ToPlace | TriggerRule::Transitive => true,
                };
                let generic =
                    if is_collective(kind) { self.is_generic_collective(t, kind) } else { self.is_generic(t) };
                // "met at a summit", "held talks at a meeting": one event
                let repeats = found.last().is_some_and(|&(_, e, k, _)| k == kind && t >= e && t - e <= 3);
                if !generic && !hypothetical && rule_ok && !repeats && !titled && !unreal && !negated {
                    found.push((t, t + width, kind, rule));
                }
                t += width;
                continue;
            }
            // a statement: a reporting verb with a person subject and a date in the clause
            if is_reporting_verb(lower) && !lower.ends_with("ing") {
                statements.push(t);
            }
            t += 1;
        }
        // "a drone attack killed two people on Saturday": a verb whose object is no person opens
        // no event, and leaves the sentence's date to the trigger before it
        found.retain(|&(start, end, _, rule)| {
            rule != TriggerRule::Transitive || self.active_object(start, end, range.clone()) != Some(None)
        });
        // each trigger takes its arguments from its own part of the sentence
        for (i, &(start, end, kind, rule)) in found.iter().enumerate() {
            let from = if i == 0 { range.start } else { (found[i - 1].1 + start) / 2 };
            let until = found.get(i + 1).map_or(range.end, |next| (end + next.0).div_ceil(2));
            // places and dates may be shared with a neighbouring trigger ("heading to Kyiv for
            // talks"); people are not
            let wide_from = if i == 0 { range.start } else { found[i - 1].0 };
            let wide_until = found.get(i + 1).map_or(range.end, |next| next.1);
            self.trigger_events(s, start, end, kind, rule, (from..until, wide_from..wide_until), events);
        }
        for verb in statements {
            self.statement_event(s, verb, events);
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn trigger_events(
        &self,
        s: usize,
        start: usize,
        end: usize,
        kind: EventKind,
        rule: TriggerRule,
        (range, wide): (std::ops::Range<usize>, std::ops::Range<usize>),
        events: &mut Vec<Event>,
    ) {
        if kind == EventKind::Visit {
            // one visit per destination: "to Turkey on Monday and to Saudi Arabia on Wednesday"
            let destinations = self.destinations(start, end, range.end);
            if rule == TriggerRule::ToPlace && destinations.is_empty() {
                return;
            }
            if !destinations.is_empty() {
                for (i, &(place_tok, place)) in destinations.iter().enumerate() {
                    let until = destinations.get(i + 1).map_or(wide.end, |d| d.0);
                    // "to Turkey on Monday and to Saudi Arabia on Wednesday": a date follows its place
                    let time = self.nearest_time(s, place_tok, place_tok, until).or_else(|| {
                        if i == 0 {
                            self.nearest_time(s, start, wide.start, until)
                        } else {
                            None
                        }
                    });
                    events.push(self.event(s, start, end, kind, Some(place), time, range.clone()));
                }
                return;
            }
        }
        // "to pave the way for a meeting between …": an event the article introduces as a new
        // one takes its place from its own words, after it, not from the sentence before it
        let introduced = start > 0 && matches!(self.lower(start - 1), "a" | "an");
        let wide = if introduced { start..wide.end } else { wide };
        let place = if is_collective(kind) {
            // "Hamas attacked Israel", "shelled Kherson": the place attacked
            let object = (kind == EventKind::Attack && self.lower(start).ends_with("ed"))
                .then(|| self.mention(end).filter(|_| self.entity_kind(end) == Some(EntityKind::Location)))
                .flatten()
                .map(|m| m.entity);
            object.or_else(|| {
                self.nearest_place_of(
                    start,
                    wide.clone(),
                    &["in", "at", "to", "the", "on", "near", "across", "against"],
                )
            })
        } else {
            self.nearest_place(start, wide.clone())
        };
        let time = self.nearest_time_of(s, start, wide.start, wide.end, is_collective(kind));
        events.push(self.event(s, start, end, kind, place, time, range));
    }

    pub(super) fn statement_event(&self, s: usize, verb: usize, events: &mut Vec<Event>) {
        let range = self.sentence_tokens(s);
        // a person or a body right before the verb (allowing a few words: "Vance sharply
        // criticised", "DaimlerChrysler announced today"), not a possessive: "Ruto's office
        // said" is the office speaking
        let subject = (verb.saturating_sub(4).max(range.start)..verb).rev().find(|&k| {
            matches!(self.entity_kind(k), Some(EntityKind::Person | EntityKind::Organization))
                && !self.is_possessive_mention(k)
        });
        let Some(mention) = subject.and_then(|k| self.mention(k)) else { return };
        // the person is the subject, not a word of it: "an attorney for the Brown family said"
        // is the attorney speaking
        let after_name = self.doc.token_at_or_after(mention.span.end);
        if (after_name..verb).any(|k| self.modifies_a_noun(k)) {
            return;
        }
        let subject = mention.entity;
        let Some(time) = self.nearest_time(s, verb, range.start, range.end) else { return };
        // the date must be near the verb: within its clause
        let time_tok = self.doc.token_at_or_after(self.doc.times[time].span.start);
        let comma_between = (time_tok.min(verb)..time_tok.max(verb)).any(|k| self.word(k) == ",");
        let trigger_between =
            (time_tok.min(verb) + 1..time_tok.max(verb)).any(|k| triggers().contains_key(self.lower(k)));
        // "said relatives would hold a vigil Thursday": the date is in the reported clause
        let other_clause = (verb + 1..time_tok).any(|k| is(WordClass::ClauseBarrier, self.lower(k)));
        if time_tok.abs_diff(verb) > 8 || (time_tok < verb && comma_between) || trigger_between || other_clause {
            return;
        }
        let place = self.nearest_place(verb, range.clone());
        let mut event = self.event(s, verb, verb + 1, EventKind::Speech, place, Some(time), range);
        event.participants = vec![subject];
        events.push(event);
    }

    /// True when token `k`, between a name and a reporting verb, makes the name a modifier of a
    /// noun ("the Brown family"): a lower-case word that is no adverb in -ly and no part of a
    /// date ("Lee on Friday said").
    fn modifies_a_noun(&self, k: usize) -> bool {
        let word = self.word(k);
        let start = self.doc.tokens.get(k).map_or(0, |t| t.span.start);
        let in_time = self.doc.times.iter().any(|t| t.span.start <= start && start < t.span.end);
        word.starts_with(|c: char| c.is_lowercase())
            && !word.ends_with("ly")
            && !in_time
            && !matches!(word, "on" | "also" | "again" | "then" | "later" | "earlier")
    }
}
