//! Events: meetings, calls, visits, speeches and statements, elections, attacks, agreements,
//! votes, deaths, arrests, disasters, acquisitions and appointments (with resignations and
//! dismissals), with participants, place and date.
//!
//! A trigger word opens an event (`data/events/triggers.tsv`): "talks", "met", "summit" for
//! meetings; "phone call", "spoke with" + person, "phoned" for calls; "visit", "travel to",
//! "heading to" for visits; "speech", "addressed" for speeches; a reporting verb with a person
//! or a body as subject and a date ("Vance criticised … on Friday", "Airbus announced on
//! Tuesday …") is a statement. Its arguments come from
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
//! Deaths ("died", "killed", "the death of"), arrests ("arrested", "charged with"), trials ("convicted",
//! "pleaded guilty", "sentenced"), acquisitions ("acquire",
//! "takeover") and appointments ("appointed", "resigned", "sacked") need someone they happen to
//! (an acquisition, an organisation); a disaster ("earthquake", "flood") needs a date or a place.
//! A transitive trigger ("arrested", "killed", "appointed") happens to its object in the active
//! voice ("police arrested X") and to the name right before its auxiliary in the passive ("X was
//! arrested"); without such a person it opens no event.
//! None of them is negated or conditional ("did not acquire", "would have been sacked"), and a
//! capitalised trigger inside a sentence names a work ("Takeover"), not an event.
//!
//! Event anaphora is resolved within the article: an event without date or place right after
//! one of its kind ("They will meet …") is that event; "before the meeting" dates an event by
//! the meeting it refers to. Events announced ("will meet") are `Planned`, others `Happened`.

mod anaphora;
mod assemble;
mod date;
mod filters;
mod place;
mod tokens;
mod triggers;
mod vocabulary;

use parallax_doc::{Doc, EntityKind, Event, EventKind, Layer, Stage, TokenKind};

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

/// What every pass of the stage reads about one article: the document, the spans of roles, the
/// mention starting at each token, and which tokens are quoted.
struct Finder<'d> {
    doc: &'d Doc,
    /// Spans of roles ("special envoy to the Middle East"): places and people inside them are
    /// part of a title, not of an event.
    role_spans: Vec<parallax_doc::Span>,
    /// Mentions by first token, for persons and places.
    mention_at_token: Vec<Option<usize>>,
    /// Per token: inside quotation marks or a direct or partial quote.
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
    // an election, attack, vote or disaster needs a date or a place; an agreement, a date, a
    // place or someone taking part; a death, arrest, appointment or acquisition, someone it
    // happens to ("deaths rose", "an acquisition spree" are no event)
    events.retain(|e| match e.kind {
        EventKind::Election | EventKind::Attack | EventKind::Vote | EventKind::Disaster => {
            e.time.is_some() || e.place.is_some()
        }
        EventKind::Agreement => e.time.is_some() || e.place.is_some() || !e.participants.is_empty(),
        EventKind::Death | EventKind::Arrest | EventKind::Trial | EventKind::Appointment => !e.participants.is_empty(),
        // a company buys a company
        EventKind::Acquisition => {
            e.participants.iter().any(|&p| doc.entities.get(p).is_some_and(|x| x.kind == EntityKind::Organization))
        }
        _ => true,
    });
    events
}

impl<'d> Finder<'d> {
    /// The context of `doc`'s passes.
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
            for (t, token) in doc.tokens.iter().enumerate().take(s.tokens.end).skip(s.tokens.start) {
                match token.kind {
                    TokenKind::OpenQuote => open = true,
                    TokenKind::CloseQuote if doc.slice(token.span) != "’" || open => open = false,
                    _ => {
                        if let Some(flag) = in_quote.get_mut(t) {
                            *flag = open;
                        }
                    }
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
}
