//! Events: meetings, calls, visits, speeches and statements, elections, attacks, agreements and
//! votes, with participants, place and date.
//!
//! A trigger word opens an event (`data/events/triggers.tsv`): "talks", "met", "summit" for
//! meetings; "phone call", "spoke with" + person, "phoned" for calls; "visit", "travel to",
//! "heading to" for visits; "speech", "addressed" for speeches; a reporting verb with a person
//! subject and a date ("Vance criticised … on Friday") is a statement. Its arguments come from
//! the same sentence: participants are the people named outside quotes (minus the source of a
//! trailing attribution, "…, Tammy Bruce said"), the place is the place named after "in", "at",
//! "to" nearest the trigger, the date is the nearest date. A visit to several places ("to Turkey
//! on Monday and to Saudi Arabia on Wednesday") gives one visit per place, each with its date.
//!
//! Elections ("election", "go to the polls"), votes ("voted", "a vote", "referendum"), attacks
//! ("attack", "air strike", "shelled" — only with a cue of violence or a place attacked) and
//! agreements ("deal", "treaty" — only with a verb of agreeing: "signed", "reached") take as
//! participants the people named, else the organisations and countries acting ("Russia launched
//! an attack on Kharkiv"); mentions of a kind of event ("any deal", "a future election", "free
//! elections"), wishes and failures ("wants a deal", "failed to reach agreement") are not events;
//! an election, attack or vote needs a date or a place, an agreement a date, a place or a
//! participant.
//!
//! Event anaphora is resolved within the article: an event without date or place right after
//! one of its kind ("They will meet …") is that event; "before the meeting" dates an event by
//! the meeting it refers to. Events announced ("will meet") are `Planned`, others `Happened`.

use std::collections::HashMap;
use std::sync::OnceLock;

use parallax_doc::{Doc, EntityKind, Event, EventKind, EventStatus, Layer, MentionKind, Stage, TokenKind};

use crate::lexicon::{is_future_marker, is_reporting_verb};

/// The event stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct EventFinder;

impl Stage for EventFinder {
    fn name(&self) -> &'static str {
        "events"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Entities, Layer::Times]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, doc: &mut Doc) {
        doc.events = find_events(doc);
    }
}

/// How a trigger opens an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TriggerRule {
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
}

const TRIGGERS: &str = include_str!("../../data/events/triggers.tsv");

fn triggers() -> &'static HashMap<String, (EventKind, TriggerRule)> {
    static MAP: OnceLock<HashMap<String, (EventKind, TriggerRule)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
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
                _ => continue,
            };
            let rule = match cols.get(2).copied() {
                Some("with-person") => TriggerRule::WithPerson,
                Some("to-place") => TriggerRule::ToPlace,
                Some("violent") => TriggerRule::Violent,
                Some("agreed") => TriggerRule::Agreed,
                Some("vote") => TriggerRule::Vote,
                _ => TriggerRule::Word,
            };
            map.insert(cols[0].to_string(), (kind, rule));
        }
        map
    })
}

/// Nouns that refer back to an event of a kind ("before the meeting").
fn anaphor_kind(word: &str) -> Option<EventKind> {
    match word {
        "meeting" | "talks" | "summit" => Some(EventKind::Meeting),
        "call" | "conversation" => Some(EventKind::Call),
        "visit" | "trip" => Some(EventKind::Visit),
        "speech" | "address" => Some(EventKind::Speech),
        "election" | "elections" => Some(EventKind::Election),
        "attack" | "attacks" => Some(EventKind::Attack),
        "deal" | "agreement" | "accord" | "treaty" => Some(EventKind::Agreement),
        "vote" | "referendum" => Some(EventKind::Vote),
        _ => None,
    }
}

/// The kinds added for issue 6, whose participants may be organisations and countries.
fn is_collective(kind: EventKind) -> bool {
    matches!(kind, EventKind::Election | EventKind::Attack | EventKind::Agreement | EventKind::Vote)
}

/// Words that make an attack word violent: weapons, casualties, armed forces, targets.
const VIOLENCE: &[&str] = &[
    "killed",
    "killing",
    "kills",
    "dead",
    "died",
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "casualties",
    "missile",
    "missiles",
    "drone",
    "drones",
    "rocket",
    "rockets",
    "bomb",
    "bombs",
    "artillery",
    "troops",
    "soldiers",
    "forces",
    "militants",
    "militant",
    "gunmen",
    "gunman",
    "army",
    "military",
    "targets",
    "targeted",
    "launched",
    "civilians",
    "explosion",
    "explosives",
    "insurgents",
    "rebels",
    "terrorist",
    "terror",
    "jihadist",
    "jets",
    "warplanes",
    "airstrikes",
    "overnight",
];

/// Verbs of agreeing that make "deal", "treaty", "accord" an agreement made.
const AGREEING: &[&str] = &[
    "signed",
    "sign",
    "signs",
    "signing",
    "reached",
    "reach",
    "reaches",
    "struck",
    "strike",
    "strikes",
    "agreed",
    "agree",
    "agrees",
    "clinched",
    "clinch",
    "sealed",
    "seal",
    "finalised",
    "finalized",
    "concluded",
    "inked",
    "secured",
    "brokered",
    "ratified",
    "ratify",
    "approved",
    "announced",
];

struct Finder<'d> {
    doc: &'d Doc,
    /// Spans of roles ("special envoy to the Middle East"): places and people inside them are
    /// part of a title, not of an event.
    role_spans: Vec<parallax_doc::Span>,
    /// Mentions by first token, for persons and places.
    mention_at_token: Vec<Option<usize>>,
    in_quote: Vec<bool>,
}

/// Finds the events of `doc` (which must have sentences, entities and times).
pub fn find_events(doc: &Doc) -> Vec<Event> {
    let finder = Finder::new(doc);
    let mut events = Vec::new();
    for s in 0..doc.sentences.len() {
        finder.sentence_events(s, &mut events);
    }
    finder.resolve_anaphora(&mut events);
    // an election or attack needs a date or a place; a vote or agreement, a date, a place or
    // someone taking part
    events.retain(|e| match e.kind {
        EventKind::Election | EventKind::Attack => e.time.is_some() || e.place.is_some(),
        EventKind::Vote => e.time.is_some() || e.place.is_some(),
        EventKind::Agreement => e.time.is_some() || e.place.is_some() || !e.participants.is_empty(),
        _ => true,
    });
    events
}

impl<'d> Finder<'d> {
    fn new(doc: &'d Doc) -> Finder<'d> {
        let mut mention_at_token = vec![None; doc.tokens.len()];
        for (i, m) in doc.mentions.iter().enumerate() {
            let t = doc.token_at_or_after(m.span.start);
            if t < mention_at_token.len() && mention_at_token[t].is_none() {
                mention_at_token[t] = Some(i);
            }
        }
        let mut in_quote = vec![false; doc.tokens.len()];
        for s in &doc.sentences {
            let mut open = false;
            for t in s.tokens.clone() {
                match doc.tokens[t].kind {
                    TokenKind::OpenQuote => open = true,
                    TokenKind::CloseQuote if doc.slice(doc.tokens[t].span) != "’" || open => open = false,
                    _ => in_quote[t] = open,
                }
            }
        }
        for q in doc.quotes.iter().filter(|q| q.kind != parallax_doc::QuoteKind::Indirect) {
            let (a, b) = (doc.token_at_or_after(q.span.start), doc.token_at_or_after(q.span.end));
            for flag in in_quote.iter_mut().take(b).skip(a) {
                *flag = true;
            }
        }
        let role_spans = doc.entities.iter().flat_map(|e| e.roles.iter().map(|r| r.span)).collect();
        Finder { doc, role_spans, mention_at_token, in_quote }
    }

    fn word(&self, t: usize) -> &'d str {
        self.doc.slice(self.doc.tokens[t].span)
    }

    fn lower(&self, t: usize) -> String {
        self.word(t).to_lowercase()
    }

    fn mention(&self, t: usize) -> Option<&'d parallax_doc::Mention> {
        self.mention_at_token.get(t).copied().flatten().map(|i| &self.doc.mentions[i])
    }

    fn entity_kind(&self, t: usize) -> Option<EntityKind> {
        self.mention(t).filter(|m| !self.in_role(m.span)).map(|m| self.doc.entities[m.entity].kind)
    }

    /// The clause around token `t` when `range` holds relative clauses or dashes: ", where …",
    /// ", which …", "; …", "— …".
    fn clause_around(&self, t: usize, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let is_boundary = |k: usize| {
            let w = self.word(k);
            matches!(w, ";" | "—" | "–")
                || (w == ","
                    && k + 1 < range.end
                    && matches!(self.lower(k + 1).as_str(), "where" | "when" | "which" | "who" | "while" | "but"))
        };
        let start = (range.start..t).rev().find(|&k| is_boundary(k)).map_or(range.start, |k| k + 1);
        let end = (t..range.end).find(|&k| is_boundary(k)).unwrap_or(range.end);
        (start > range.start || end < range.end).then_some(start..end)
    }

    /// True when "with", "to" or "by" and then a person follow token `end` closely ("spoke with
    /// Trump", "phoned Zelenskyy's office" does not count).
    fn person_follows(&self, end: usize, sentence_end: usize) -> bool {
        (end..(end + 4).min(sentence_end)).any(|k| {
            matches!(self.lower(k).as_str(), "with" | "to" | "by")
                && (k + 1..(k + 6).min(sentence_end)).any(|j| self.entity_kind(j) == Some(EntityKind::Person))
        })
    }

    /// True when the mention starting at token `t` is a possessive ("Ruto's").
    fn is_possessive_mention(&self, t: usize) -> bool {
        self.mention(t).is_some_and(|m| {
            let end = self.doc.token_at_or_after(m.span.end).saturating_sub(1);
            let last = self.word(end.max(t));
            last.ends_with("'s") || last.ends_with("’s")
        })
    }

    /// True when `span` lies inside a role phrase.
    fn in_role(&self, span: parallax_doc::Span) -> bool {
        self.role_spans.iter().any(|r| r.contains(span) && r.len() > span.len())
    }

    fn sentence_events(&self, s: usize, events: &mut Vec<Event>) {
        let range = self.doc.sentences[s].tokens.clone();
        let map = triggers();
        let mut found: Vec<(usize, usize, EventKind, TriggerRule)> = Vec::new();
        let mut statements = Vec::new();
        let mut t = range.start;
        while t < range.end {
            if self.in_quote[t] || self.doc.tokens[t].kind != TokenKind::Word {
                t += 1;
                continue;
            }
            // longer triggers first ("to the polls", "phone call")
            let lower = self.lower(t);
            let pair = (t + 1 < range.end).then(|| format!("{lower} {}", self.lower(t + 1)));
            let triple =
                (t + 2 < range.end).then(|| format!("{} {}", pair.as_deref().unwrap_or(""), self.lower(t + 2)));
            let (trigger, width) =
                match (triple.as_ref().and_then(|p| map.get(p)), pair.as_ref().and_then(|p| map.get(p))) {
                    (Some(x), _) => (Some(*x), 3),
                    (None, Some(x)) => (Some(*x), 2),
                    (None, None) => (map.get(&lower).copied(), 1),
                };
            if let Some((kind, rule)) = trigger {
                let hypothetical = (t.saturating_sub(3).max(range.start)..t)
                    .any(|k| matches!(self.lower(k).as_str(), "could" | "might" | "may" | "if" | "whether"));
                let rule_ok = match rule {
                    TriggerRule::WithPerson => self.person_follows(t + width, range.end),
                    TriggerRule::Violent => self.violent(t, t + width, range.clone()),
                    TriggerRule::Agreed => self.agreed(t, t + width, range.clone()),
                    TriggerRule::Vote => self.a_vote(t, range.clone()),
                    TriggerRule::Word | TriggerRule::ToPlace => true,
                };
                let generic =
                    if is_collective(kind) { self.is_generic_collective(t, kind) } else { self.is_generic(t) };
                // "met at a summit", "held talks at a meeting": one event
                let repeats = found.last().is_some_and(|&(_, e, k, _)| k == kind && t >= e && t - e <= 3);
                if !generic && !hypothetical && rule_ok && !repeats {
                    found.push((t, t + width, kind, rule));
                }
                t += width;
                continue;
            }
            // a statement: a reporting verb with a person subject and a date in the clause
            if is_reporting_verb(&lower) && !lower.ends_with("ing") {
                statements.push(t);
            }
            t += 1;
        }
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
    fn trigger_events(
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

    fn statement_event(&self, s: usize, verb: usize, events: &mut Vec<Event>) {
        let range = self.doc.sentences[s].tokens.clone();
        // a person right before the verb (allowing a few words: "Vance sharply criticised")
        // not a possessive: "Ruto's office said" is the office speaking
        let subject = (verb.saturating_sub(4).max(range.start)..verb)
            .rev()
            .find(|&k| self.entity_kind(k) == Some(EntityKind::Person) && !self.is_possessive_mention(k));
        let Some(subject) = subject.and_then(|k| self.mention(k)).map(|m| m.entity) else { return };
        let Some(time) = self.nearest_time(s, verb, range.start, range.end) else { return };
        // the date must be near the verb: within its clause
        let time_tok = self.doc.token_at_or_after(self.doc.times[time].span.start);
        let comma_between = (time_tok.min(verb)..time_tok.max(verb)).any(|k| self.word(k) == ",");
        let trigger_between =
            (time_tok.min(verb) + 1..time_tok.max(verb)).any(|k| triggers().contains_key(&self.lower(k)));
        if time_tok.abs_diff(verb) > 8 || (time_tok < verb && comma_between) || trigger_between {
            return;
        }
        let place = self.nearest_place(verb, range.clone());
        let mut event = self.event(s, verb, verb + 1, EventKind::Speech, place, Some(time), range);
        event.participants = vec![subject];
        events.push(event);
    }

    /// Places after "to", "for", "in" following a visit trigger, or its direct object.
    fn destinations(&self, start: usize, end: usize, sentence_end: usize) -> Vec<(usize, usize)> {
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
            if matches!(w.as_str(), "to" | "for" | "in") {
                // skip "the" and adjectives: "to the Saudi capital"
                let mut j = k + 1;
                while j < sentence_end
                    && j <= k + 3
                    && self.entity_kind(j).is_none()
                    && self.doc.tokens[j].kind == TokenKind::Word
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
            if matches!(w.as_str(), "but" | "while" | "where" | "which" | ";" | "said" | "says")
                || self.word(k) == "," && !out.is_empty() && k > end + 8
            {
                break;
            }
            k += 1;
        }
        let _ = start;
        out
    }

    fn nearest_place(&self, trigger: usize, range: std::ops::Range<usize>) -> Option<usize> {
        self.nearest_place_of(trigger, range, &["in", "at", "to", "the"])
    }

    /// The place nearest the trigger named after one of `preps`.
    fn nearest_place_of(&self, trigger: usize, range: std::ops::Range<usize>, preps: &[&str]) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for k in range.clone() {
            if self.in_quote[k] {
                continue;
            }
            let Some(m) = self.mention(k) else { continue };
            if self.in_role(m.span) || self.after_topic_noun(k) {
                continue;
            }
            let kind = self.doc.entities[m.entity].kind;
            let prep = k > range.start && preps.contains(&self.lower(k - 1).as_str());
            let prep = prep
                && (k < 2
                    || self.lower(k - 1) != "the"
                    || matches!(self.lower(k - 2).as_str(), "in" | "at" | "to" | "international"));
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

    /// The date (a day) nearest to token `from` within the sentence, between `lower_bound` and
    /// `until`, at most ten tokens away, and not across a reporting verb ("said Monday … the
    /// upcoming talks": Monday is when it was said).
    fn nearest_time(&self, s: usize, from: usize, lower_bound: usize, until: usize) -> Option<usize> {
        self.nearest_time_of(s, from, lower_bound, until, false)
    }

    /// As [`Finder::nearest_time`]; `coarse`: a month ("last December") or a year ("in 2022")
    /// will do.
    fn nearest_time_of(&self, s: usize, from: usize, lower_bound: usize, until: usize, coarse: bool) -> Option<usize> {
        let range = self.doc.sentences[s].tokens.clone();
        let lower_bound = lower_bound.max(range.start);
        let until = until.min(range.end);
        self.doc
            .times
            .iter()
            .enumerate()
            // a day ("2025-02-14"), or a part of one ("2025-02-14TNI": "Friday night")
            .filter(|(_, t)| {
                let v = t.value.as_bytes();
                let digits = |r: std::ops::Range<usize>| v.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
                let day = v.len() >= 10 && v[4] == b'-' && v[7] == b'-' && (v.len() == 10 || v[10] == b'T');
                let month = v.len() == 7 && v[4] == b'-' && digits(0..4) && digits(5..7);
                let year = v.len() == 4 && digits(0..4);
                day || (coarse && (month || year))
            })
            .filter_map(|(i, t)| {
                let tok = self.doc.token_at_or_after(t.span.start);
                if tok < lower_bound || tok >= until || self.in_quote.get(tok).copied().unwrap_or(true) {
                    return None;
                }
                let (a, b) = (tok.min(from), tok.max(from));
                let across =
                    (a + 1..b).any(|k| is_reporting_verb(self.word(k)) || matches!(self.word(k), ";" | "—" | "–"));
                (tok.abs_diff(from) <= 10 && !across).then_some((tok.abs_diff(from), i))
            })
            .min()
            .map(|(_, i)| i)
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        s: usize,
        start: usize,
        end: usize,
        kind: EventKind,
        place: Option<usize>,
        time: Option<usize>,
        window: std::ops::Range<usize>,
    ) -> Event {
        let range = window;
        let mut participants = Vec::new();
        let clause = self.clause_around(start, range.clone());
        // the event noun in a phrase such as "after the summit" attaches to the reporting verb
        let in_adjunct = (start.saturating_sub(3)..start)
            .any(|k| matches!(self.lower(k).as_str(), "after" | "before" | "at" | "during" | "ahead"));
        for k in range.clone() {
            if self.in_quote[k] {
                continue;
            }
            let Some(m) = self.mention(k) else { continue };
            if self.doc.entities[m.entity].kind != EntityKind::Person || self.in_role(m.span) {
                continue;
            }
            // the source of an attribution is not a participant ("…, Tammy Bruce said",
            // "Bruce said the meeting …"), unless the event is where they spoke ("told
            // reporters after the summit")
            let after = self.doc.token_at_or_after(m.span.end);
            let reports = after < range.end && is_reporting_verb(self.word(after)) && !(start..end).contains(&after);
            let attribution = reports && kind != EventKind::Speech && (k > start || !in_adjunct);
            let according = (k.saturating_sub(6)..k).any(|j| self.lower(j) == "according");
            let outside_clause = clause.as_ref().is_some_and(|c| !c.contains(&k));
            if self.is_possessive_mention(k) || outside_clause {
                continue;
            }
            if (attribution || according) && m.kind != MentionKind::Pronoun {
                continue;
            }
            if !participants.contains(&m.entity) {
                participants.push(m.entity);
            }
        }
        // "Russia launched an attack on Kharkiv": with no person named, the organisations and
        // countries acting
        if participants.is_empty() && is_collective(kind) {
            for k in range.clone() {
                if self.in_quote[k] {
                    continue;
                }
                let Some(m) = self.mention(k) else { continue };
                let e = &self.doc.entities[m.entity];
                if e.kind == EntityKind::Person || Some(m.entity) == place || self.in_role(m.span) {
                    continue;
                }
                let after = self.doc.token_at_or_after(m.span.end);
                let reports = after < range.end && is_reporting_verb(self.word(after));
                let according = (k.saturating_sub(6)..k).any(|j| self.lower(j) == "according");
                let prep = k > range.start
                    && matches!(
                        self.lower(k - 1).as_str(),
                        "in" | "at" | "on" | "near" | "from" | "across" | "into" | "of" | "over" | "to" | "against"
                    );
                let outside_clause = clause.as_ref().is_some_and(|c| !c.contains(&k));
                // "(Reuters)" in a dateline
                let aside = k > 0 && self.word(k - 1) == "(";
                if reports || according || prep || outside_clause || aside || self.is_possessive_mention(k) {
                    continue;
                }
                if !participants.contains(&m.entity) {
                    participants.push(m.entity);
                }
            }
        }
        // "the two leaders spoke by phone": the people of the sentence before
        if participants.is_empty() && kind != EventKind::Speech && !is_collective(kind) && s > 0 {
            let plural = range.clone().any(|k| {
                let w = self.lower(k);
                w == "they" || w == "both" || (w == "two" && k > 0 && self.lower(k - 1) == "the")
            });
            if plural {
                for k in self.doc.sentences[s - 1].tokens.clone() {
                    let Some(m) = self.mention(k) else { continue };
                    let is_person = self.doc.entities[m.entity].kind == EntityKind::Person;
                    if is_person && !self.in_quote[k] && !self.in_role(m.span) && !participants.contains(&m.entity) {
                        participants.push(m.entity);
                    }
                }
            }
        }
        let future = (range.start..end).rev().take(12).any(|k| is_future_marker(&self.lower(k)));
        let after_publication = time.and_then(|t| {
            // compared at the value's own precision: "2025-05" is not after "2025-05-16"
            let value = &self.doc.times[t].value;
            let value = value.get(..10).unwrap_or(value);
            let (y, m, d) = self.doc.meta.published_ymd()?;
            let published = format!("{y:04}-{m:02}-{d:02}");
            Some(value > published.get(..value.len()).unwrap_or(&published))
        });
        // "Romania will hold an election": the country is where it is held, not a participant
        let mut place = place;
        if kind == EventKind::Election {
            let is_place = |e: &usize| self.doc.entities[*e].kind == EntityKind::Location;
            if place.is_none() {
                place = participants.iter().copied().find(is_place);
            }
            participants.retain(|e| !is_place(e));
        }
        let status =
            if future || after_publication == Some(true) { EventStatus::Planned } else { EventStatus::Happened };
        Event {
            kind,
            trigger: parallax_doc::Span::new(self.doc.tokens[start].span.start, self.doc.tokens[end - 1].span.end),
            sentence: s,
            participants,
            place,
            time,
            status,
        }
    }

    /// True for a trigger naming a kind of event rather than one event: "peace talks", "any
    /// meeting", "future visits".
    fn is_generic(&self, t: usize) -> bool {
        const GENERIC: &[&str] = &[
            "peace",
            "ceasefire",
            "any",
            "future",
            "possible",
            "bilateral",
            "previous",
            "such",
            "direct",
            "more",
            "further",
            "no",
            "every",
            "regular",
            "many",
        ];
        (t.saturating_sub(2)..t).any(|k| GENERIC.contains(&self.lower(k).as_str()))
    }

    /// True for a mention of a kind of election, attack, agreement or vote rather than one: "any
    /// deal", "a future election", "free and fair elections", "wants a deal", "calls for a vote".
    fn is_generic_collective(&self, t: usize, kind: EventKind) -> bool {
        const GENERIC: &[&str] = &[
            "any",
            "all",
            "future",
            "possible",
            "potential",
            "such",
            "no",
            "every",
            "more",
            "further",
            "many",
            "free",
            "fair",
            "democratic",
            "early",
            "new",
            "fresh",
            "eventual",
            "hypothetical",
            "lasting",
            "comprehensive",
        ];
        const WISH: &[&str] = &[
            "want",
            "wants",
            "wanted",
            "hope",
            "hopes",
            "hoping",
            "seek",
            "seeks",
            "seeking",
            "sought",
            "try",
            "trying",
            "push",
            "pushing",
            "pushed",
            "urge",
            "urged",
            "urging",
            "demand",
            "demanded",
            "demanding",
            "need",
            "needs",
            "aim",
            "aims",
            "without",
            "against",
            "oppose",
            "opposes",
            "opposed",
            "threatened",
            "threatens",
            "threaten",
            "never",
            "unable",
            "failed",
            "fail",
            "fails",
            "prevent",
            "prevented",
            "plotting",
            "plot",
            "plotted",
            "foiled",
            "foil",
            "avert",
            "averted",
            "register",
            "talks",
            "negotiations",
            "negotiate",
            "negotiating",
            "pressure",
            "bid",
            "effort",
            "efforts",
            "attempt",
            "attempts",
            "closer",
            "right",
            "eligible",
            "entitled",
            "allowed",
            "able",
            "rejected",
            "reject",
            "rejects",
            "pursue",
            "pursuing",
        ];
        let s = self.doc.sentences.iter().find(|s| s.tokens.contains(&t)).map_or(0, |s| s.tokens.start);
        let near = |n: usize| (t.saturating_sub(n).max(s)..t).map(|k| self.lower(k));
        if near(2).any(|w| GENERIC.contains(&w.as_str())) {
            return true;
        }
        // "heart attack", "panic attack", "an attack on democracy" is not armed; "deal with"
        let prev = if t > s { self.lower(t - 1) } else { String::new() };
        let next = self.doc.tokens.get(t + 1).map(|_| self.lower(t + 1)).unwrap_or_default();
        let wish = near(5).any(|w| WISH.contains(&w.as_str()));
        // "a deal could be reached", "a bombing might happen"
        let modal_after = (t + 1..(t + 4).min(self.doc.tokens.len()))
            .any(|k| matches!(self.lower(k).as_str(), "could" | "might" | "may"));
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
                    || matches!(
                        prev.as_str(),
                        "heart" | "panic" | "asthma" | "anxiety" | "personal" | "verbal" | "cyber"
                    )
            }
            EventKind::Agreement => next == "with" && prev != "a" && prev != "the" || wish || modal_after,
            EventKind::Election => {
                wish || matches!(
                    next.as_str(),
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
                    || matches!(
                        prev.as_str(),
                        "yes" | "dissenting" | "public" | "popular" | "postal" | "protest" | "tactical"
                    )
            }
            _ => wish,
        }
    }

    /// The violent-attack rule: a cue of violence in the clause, or a place right after the
    /// trigger ("an attack on Kharkiv", "shelling in Donetsk").
    fn violent(&self, start: usize, end: usize, range: std::ops::Range<usize>) -> bool {
        let w = self.lower(start);
        // "struck a deal", "struck a chord"
        if w == "struck"
            && (end..(end + 4).min(range.end)).any(|k| {
                matches!(
                    self.lower(k).as_str(),
                    "deal" | "agreement" | "accord" | "chord" | "note" | "balance" | "tone"
                )
            })
        {
            return false;
        }
        let from = start.saturating_sub(12).max(range.start);
        // "an earthquake struck", "the storm hit": nature, not an attack
        const HAZARDS: &[&str] = &[
            "earthquake",
            "quake",
            "tsunami",
            "storm",
            "hurricane",
            "typhoon",
            "cyclone",
            "tornado",
            "flood",
            "floods",
            "lightning",
            "avalanche",
            "landslide",
            "wildfire",
            "aftershock",
            "disease",
            "virus",
            "outbreak",
        ];
        if (start.saturating_sub(5).max(range.start)..start).any(|k| HAZARDS.contains(&self.lower(k).as_str())) {
            return false;
        }
        let until = (end + 12).min(range.end);
        let cue = (from..until).any(|k| !self.in_quote[k] && VIOLENCE.contains(&self.lower(k).as_str()));
        let place_after = end < range.end
            && matches!(self.lower(end).as_str(), "on" | "in" | "against" | "at" | "near")
            && (end + 1..(end + 3).min(range.end)).any(|j| self.entity_kind(j) == Some(EntityKind::Location));
        cue || place_after
    }

    /// The agreement rule: a verb of agreeing within four words before the noun, or right after
    /// it ("the accord was signed", "the deal reached on Friday").
    fn agreed(&self, start: usize, end: usize, range: std::ops::Range<usize>) -> bool {
        let before =
            (start.saturating_sub(5).max(range.start)..start).any(|k| AGREEING.contains(&self.lower(k).as_str()));
        let after = (end..(end + 3).min(range.end)).any(|k| AGREEING.contains(&self.lower(k).as_str()));
        before || after
    }

    /// The vote rule: not passive "was voted best film", not "of the vote" (a share of votes).
    fn a_vote(&self, t: usize, range: std::ops::Range<usize>) -> bool {
        let prev = |n: usize| if t >= range.start + n { self.lower(t - n) } else { String::new() };
        if self.lower(t) == "voted" {
            return !matches!(prev(1).as_str(), "was" | "were" | "been" | "be" | "is" | "are" | "being");
        }
        // the noun: "a vote", "the vote", "Wednesday's vote", "will vote"
        let p = prev(1);
        if p == "the" && matches!(prev(2).as_str(), "of" | "won" | "win" | "split" | "share") {
            return false;
        }
        !matches!(p.as_str(), "popular" | "postal" | "protest" | "tactical" | "youth" | "female" | "black")
    }

    /// True when the place at token `k` belongs to a topic rather than to an event: "the war in
    /// Ukraine", "peace in Europe".
    fn after_topic_noun(&self, k: usize) -> bool {
        const TOPICS: &[&str] = &[
            "war",
            "conflict",
            "peace",
            "crisis",
            "invasion",
            "fighting",
            "situation",
            "security",
            "ceasefire",
            "settlement",
            "aggression",
            "involvement",
            "support",
            "troops",
            "policy",
            "relations",
            "ties",
            "capital",
            "border",
            "borders",
            "influence",
            "presence",
        ];
        let mut j = k;
        while j > 0 && matches!(self.lower(j - 1).as_str(), "in" | "on" | "for" | "with" | "of" | "over" | "the" | "to")
        {
            j -= 1;
        }
        j < k && j > 0 && TOPICS.contains(&self.lower(j - 1).as_str())
    }

    /// An event lacking date and place right after one of its kind is that event; an event
    /// lacking a date in a sentence that refers to "the meeting" takes that meeting's date.
    fn resolve_anaphora(&self, events: &mut [Event]) {
        for i in 0..events.len() {
            if events[i].time.is_some() {
                continue;
            }
            let (kind, sentence) = (events[i].kind, events[i].sentence);
            if events[i].place.is_none() {
                let near = |j: usize| {
                    events[j].kind == kind && events[j].sentence < sentence && sentence - events[j].sentence <= 2
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
            let range = self.doc.sentences[sentence].tokens.clone();
            let trigger_tok = self.doc.token_at_or_after(events[i].trigger.start);
            let referred = range
                .clone()
                .filter(|&k| k != trigger_tok && k > range.start && self.lower(k - 1) == "the")
                .find_map(|k| anaphor_kind(&self.lower(k)));
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

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}
