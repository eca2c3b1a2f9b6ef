//! One timeline per story: the articles' events merged, and the dates they disagree on.
//!
//! Two event reports are the same event when they have the same kind, compatible places (the
//! same place, or a city and the country it lies in), compatible dates (equal, or one unknown)
//! and share a participant; when one of them names no one, they must share the place or the day
//! (an undated, unplaced "meeting between Trump and Putin" is not the talks in Paris). Reports that agree on kind, participants
//! and place but give different dates are kept apart and become a [`Conflict`].

use parallax_doc::{Doc, EventKind, EventStatus};
use parallax_lexicon::Gazetteer;
use serde::Serialize;

/// Where an event report comes from: `(article index, sentence index)`.
pub type SourceRef = (usize, usize);

/// An event of the story's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct StoryEvent {
    /// Meeting, call, visit, speech.
    pub kind: EventKind,
    /// The date (TimeML value), when some article gives it.
    pub date: Option<String>,
    /// The most specific place given, canonical.
    pub place: Option<String>,
    /// Participants: indices into the story's entities.
    pub participants: Vec<usize>,
    /// Planned or happened (happened wins when reports differ).
    pub status: EventStatus,
    /// The sentences that report it.
    pub sources: Vec<SourceRef>,
}

impl StoryEvent {
    /// True when the story lists the event: it has a date or a place. An event with neither is
    /// too vague to put on the report's event list or to compare across outlets.
    pub fn is_listed(&self) -> bool {
        self.date.is_some() || self.place.is_some()
    }

    /// The articles that report the event: indices into the corpus, in input order, each once.
    pub fn articles(&self) -> Vec<usize> {
        let mut articles: Vec<usize> = self.sources.iter().map(|&(article, _)| article).collect();
        articles.sort_unstable();
        articles.dedup();
        articles
    }

    /// How many distinct articles report the event.
    pub fn article_count(&self) -> usize {
        self.articles().len()
    }
}

/// Outlets disagreeing on a fact.
#[derive(Debug, Clone, Serialize)]
pub struct Conflict {
    /// What the disagreement is about ("date of Volodymyr Zelenskyy's visit to Turkey").
    pub about: String,
    /// Each claim: the value and where it is made.
    pub claims: Vec<(String, SourceRef)>,
}

/// True when the two places can be the same place (equal, or one lies in the other).
pub fn places_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let gaz = Gazetteer::get();
    let country = |p: &str| gaz.lookup(p).and_then(|e| e.country.clone());
    country(a).as_deref() == Some(b) || country(b).as_deref() == Some(a)
}

/// The more specific of two compatible places (the city rather than its country).
fn more_specific(a: &str, b: &str) -> String {
    let gaz = Gazetteer::get();
    let is_country = |p: &str| gaz.lookup(p).and_then(|e| e.country.as_deref()) == Some(p);
    if is_country(a) && !is_country(b) {
        b.to_string()
    } else {
        a.to_string()
    }
}

fn opt_compatible(a: &Option<String>, b: &Option<String>, f: impl Fn(&str, &str) -> bool) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => f(x, y),
        _ => true,
    }
}

/// What a date conflict is about: "date of the visit of Volodymyr Zelenskyy to Turkey".
fn conflict_about(a: &StoryEvent, b: &StoryEvent, names: &dyn Fn(usize) -> String) -> String {
    let who: Vec<String> = a.participants.iter().filter(|p| b.participants.contains(p)).map(|&p| names(p)).collect();
    let place = match (&a.place, &b.place) {
        (Some(pa), Some(pb)) => format!(" in {}", more_specific(pa, pb)),
        _ => String::new(),
    };
    format!("date of the {} ({}){}", a.kind.as_str(), who.join(", "), place)
}

/// Builds the timeline of the story made of `members`; `entity_of(article, entity)` maps an
/// article entity to its story entity and `names(story entity)` gives its name.
pub fn build_timeline(
    docs: &[Doc],
    members: &[usize],
    entity_of: impl Fn(usize, usize) -> Option<usize>,
    names: &dyn Fn(usize) -> String,
) -> (Vec<StoryEvent>, Vec<Conflict>) {
    let mut reports: Vec<StoryEvent> = Vec::new();
    for &d in members {
        let doc = &docs[d];
        for e in &doc.events {
            let mut participants: Vec<usize> = e.participants.iter().filter_map(|&p| entity_of(d, p)).collect();
            participants.sort_unstable();
            participants.dedup();
            // a part of a day ("2025-02-14TNI", Friday night) is dated by its day on the timeline
            let date = e.time.and_then(|t| doc.times.get(t)).map(|t| match t.value.get(..10) {
                Some(day) if t.value.as_bytes().get(10) == Some(&b'T') => day.to_string(),
                _ => t.value.clone(),
            });
            let place = e.place.map(|p| doc.entities[p].name.clone());
            reports.push(StoryEvent {
                kind: e.kind,
                date,
                place,
                participants,
                status: e.status,
                sources: vec![(d, e.sentence)],
            });
        }
    }
    // dated, placed, well-attended reports first: they anchor the merge (a stable sort, so equal
    // reports stay in article order, then their order in the article)
    reports.sort_by_key(|r| (r.date.is_none(), r.place.is_none(), std::cmp::Reverse(r.participants.len())));
    let mut events: Vec<StoryEvent> = Vec::new();
    let mut conflicts: Vec<Conflict> = Vec::new();
    for r in reports {
        let same = events.iter_mut().find(|e| {
            let shared = e.participants.iter().filter(|p| r.participants.contains(p)).count();
            let same_place_undated = e.place.is_some() && e.place == r.place && (e.date.is_none() || r.date.is_none());
            // when one of the two names no one, something else must tie them: the same place or
            // the same day ("a meeting between Trump and Putin", undated and unplaced, is not the
            // Paris talks)
            let same_date = e.date.is_some() && e.date == r.date;
            let same_place = matches!((&e.place, &r.place), (Some(a), Some(b)) if places_compatible(a, b));
            let people_ok = if e.participants.is_empty() || r.participants.is_empty() {
                same_date || same_place
            } else {
                shared > 0 || same_place_undated
            };
            let undated_needs_more = r.date.is_none() && shared < 2.min(r.participants.len()) && r.place.is_none();
            // people speak often: two statements are one only on the same day
            let speech_apart = r.kind == EventKind::Speech && (r.date.is_none() || e.date != r.date);
            e.kind == r.kind
                && opt_compatible(&e.date, &r.date, |a, b| a == b)
                && opt_compatible(&e.place, &r.place, places_compatible)
                && people_ok
                && !undated_needs_more
                && !speech_apart
        });
        match same {
            Some(e) => {
                for p in r.participants {
                    if !e.participants.contains(&p) {
                        e.participants.push(p);
                    }
                }
                if e.date.is_none() {
                    e.date = r.date;
                }
                e.place = match (e.place.take(), r.place) {
                    (Some(a), Some(b)) => Some(more_specific(&a, &b)),
                    (a, b) => a.or(b),
                };
                if r.status == EventStatus::Happened {
                    e.status = EventStatus::Happened;
                }
                for s in r.sources {
                    if !e.sources.contains(&s) {
                        e.sources.push(s);
                    }
                }
            }
            None => events.push(r),
        }
    }
    // conflicts: same kind, place and participants, different dates, different articles
    for i in 0..events.len() {
        for j in i + 1..events.len() {
            let (a, b) = (&events[i], &events[j]);
            let (Some(da), Some(db)) = (&a.date, &b.date) else { continue };
            let shared = a.participants.iter().filter(|p| b.participants.contains(p)).count();
            // the same event: same place and a shared participant, or no place and the same
            // (two or more) participants, as for a call
            let same_event = match (&a.place, &b.place) {
                (Some(pa), Some(pb)) => places_compatible(pa, pb) && shared >= 1,
                (None, None) => shared >= 2,
                _ => false,
            };
            let articles_differ = a.sources.iter().all(|s| b.sources.iter().all(|t| t.0 != s.0));
            let days = da.len() == 10 && db.len() == 10;
            if a.kind == b.kind && da != db && days && same_event && articles_differ {
                let mut claims: Vec<(String, SourceRef)> = Vec::new();
                for (date, sources) in [(da, &a.sources), (db, &b.sources)] {
                    for &s in sources {
                        claims.push((date.clone(), s));
                    }
                }
                conflicts.push(Conflict { about: conflict_about(a, b, names), claims });
            }
        }
    }
    // by date, the best attested first, then by the earliest report (article, sentence)
    events.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(b.sources.len().cmp(&a.sources.len()))
            .then_with(|| a.sources.iter().min().cmp(&b.sources.iter().min()))
    });
    (events, conflicts)
}
