//! The analysis JSON: the contract in `../shared/eval/README.md`, plus fields users need.
//!
//! Offsets (`start`, `end`) are byte offsets into the article's `text` as written here.

use parallax_doc::{Doc, Span};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Value};

use crate::{Analysis, Story};

fn span_json(doc: &Doc, span: Span) -> Value {
    json!({ "start": span.start, "end": span.end, "text": doc.slice(span) })
}

fn sentence_text(doc: &Doc, sentence: usize) -> &str {
    doc.sentences.get(sentence).map_or("", |s| doc.slice(s.span))
}

/// One article as JSON. `story` (with the article's index) links entities to story ids.
pub fn article_json(doc: &Doc, story: Option<(&Story, usize)>) -> Value {
    let story_id =
        |e: usize| story.and_then(|(s, d)| s.entity_of(d, e)).map(|i| story.map(|(s, _)| s.entities[i].id.clone()));
    let entities: Vec<Value> = doc
        .entities
        .iter()
        .map(|e| {
            let mentions: Vec<Value> = doc
                .mentions
                .iter()
                .filter(|m| m.entity == e.id)
                .map(|m| json!({ "start": m.span.start, "end": m.span.end, "text": doc.slice(m.span), "kind": m.kind }))
                .collect();
            json!({
                "id": story_id(e.id).flatten(),
                "name": e.name,
                "type": e.kind.as_str(),
                "gender": e.gender.map(|g| g.to_string()),
                "mentions": mentions,
                "roles": e.roles.iter().map(|r| r.text.as_str()).collect::<Vec<_>>(),
            })
        })
        .collect();
    let quotes: Vec<Value> = doc
        .quotes
        .iter()
        .map(|q| {
            json!({
                "text": doc.slice(q.span),
                "speaker": q.speaker_entity.map(|e| doc.entities[e].name.as_str()),
                "speaker_entity": q.speaker_entity.and_then(|e| story_id(e).flatten()),
                "speaker_text": q.speaker_span.map(|s| doc.slice(s)),
                "kind": q.kind,
                "mixed": doc.is_mixed(q),
                "cue": q.cue.map(|c| doc.slice(c)),
                "start": q.span.start,
                "end": q.span.end,
            })
        })
        .collect();
    let times: Vec<Value> = doc
        .times
        .iter()
        .map(|t| json!({ "text": doc.slice(t.span), "value": t.value, "type": t.kind, "start": t.span.start, "end": t.span.end }))
        .collect();
    let events: Vec<Value> = doc
        .events
        .iter()
        .map(|e| {
            json!({
                "kind": e.kind.as_str(),
                "status": e.status,
                "trigger": span_json(doc, e.trigger),
                "date": e.time.and_then(|t| doc.times.get(t)).map(|t| t.value.as_str()),
                "place": e.place.map(|p| doc.entities[p].name.as_str()),
                "participants": e.participants.iter().map(|&p| doc.entities[p].name.as_str()).collect::<Vec<_>>(),
                "sentence": sentence_text(doc, e.sentence),
            })
        })
        .collect();
    json!({
        "source": doc.source,
        "id": doc.meta.id,
        "url": doc.meta.url,
        "title": doc.meta.title,
        "authors": doc.meta.authors,
        "published": doc.meta.published,
        "published_from": doc.meta.published_from,
        "outlet": doc.meta.outlet,
        "outlet_from": doc.meta.outlet_from,
        "language": doc.meta.language,
        "duplicate_of": doc.duplicate_of,
        "text": doc.text,
        "removed": doc.removed,
        "notes": doc.notes,
        "entities": entities,
        "quotes": quotes,
        "times": times,
        "events": events,
    })
}

/// One story as JSON.
pub fn story_json(analysis: &Analysis, story_idx: usize) -> Value {
    let story = &analysis.stories[story_idx];
    let docs = &analysis.docs;
    let source = |d: usize| docs[d].source.as_str();
    let name = |i: usize| story.entities[i].name.as_str();
    let entities: Vec<Value> = story
        .entities
        .iter()
        .map(|e| {
            json!({
                "id": e.id,
                "name": e.name,
                "type": e.kind.as_str(),
                "aliases": e.aliases,
                "roles": e.roles.iter().map(|r| r.role.as_str()).collect::<Vec<_>>(),
                "role_sources": e.roles.iter().map(|r| json!({
                    "role": r.role, "articles": r.articles.iter().map(|&d| source(d)).collect::<Vec<_>>()
                })).collect::<Vec<_>>(),
                "articles": e.articles().into_iter().map(source).collect::<Vec<_>>(),
            })
        })
        .collect();
    let event_json = |e: &crate::StoryEvent| {
        json!({
            "kind": e.kind.as_str(),
            "date": e.date,
            "place": e.place,
            "participants": e.participants.iter().map(|&p| name(p)).collect::<Vec<_>>(),
            "status": e.status,
            "sources": e.sources.iter().map(|&(d, s)| json!({
                "article": source(d), "outlet": docs[d].meta.outlet, "sentence": sentence_text(&docs[d], s)
            })).collect::<Vec<_>>(),
        })
    };
    let events: Vec<Value> = story.events.iter().filter(|e| e.is_listed()).map(event_json).collect();
    let conflicts: Vec<Value> = story
        .conflicts
        .iter()
        .map(|c| {
            json!({
                "about": c.about,
                "claims": c.claims.iter().map(|(value, (d, s))| json!({
                    "article": source(*d), "outlet": docs[*d].meta.outlet, "value": value, "sentence": sentence_text(&docs[*d], *s)
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let aligned: Vec<Value> = story
        .aligned_quotes
        .iter()
        .map(|g| {
            json!({
                "speaker": name(g.speaker),
                "speaker_entity": story.entities[g.speaker].id,
                "quotes": g.quotes.iter().map(|&(d, q)| json!({
                    "article": source(d), "outlet": docs[d].meta.outlet, "text": docs[d].slice(docs[d].quotes[q].span)
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let summary: Vec<Value> = story
        .summary
        .iter()
        .map(|s| {
            json!({
                "sentence": sentence_text(&docs[s.article], s.sentence),
                "sources": s.sources.iter().map(|&d| source(d)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let events_at = |indices: &[usize]| -> Vec<Value> {
        indices.iter().filter_map(|&i| story.events.get(i)).map(event_json).collect()
    };
    let corroborated = events_at(&story.comparison.corroborated);
    let single = events_at(&story.comparison.single_source);
    json!({
        "id": story_idx,
        "articles": story.articles.iter().map(|&d| source(d)).collect::<Vec<_>>(),
        "outlets": story.outlets,
        "headline": story.headline,
        "entities": entities,
        "events": events,
        "conflicts": conflicts,
        "aligned_quotes": aligned,
        "summary": summary,
        "comparison": { "corroborated": corroborated, "single_source": single, "conflicting": conflicts },
    })
}

/// The whole analysis as JSON.
pub fn analysis_json(analysis: &Analysis) -> Value {
    json!({ "articles": article_values(analysis).collect::<Vec<_>>(), "stories": story_values(analysis).collect::<Vec<_>>() })
}

/// Each article as JSON ([`article_json`] with its story), in input order, built one at a time.
pub fn article_values(analysis: &Analysis) -> impl Iterator<Item = Value> + '_ {
    let mut story_of = vec![None; analysis.docs.len()];
    for (s, story) in analysis.stories.iter().enumerate() {
        for &d in &story.articles {
            story_of[d] = Some(s);
        }
    }
    analysis
        .docs
        .iter()
        .enumerate()
        .map(move |(d, doc)| article_json(doc, story_of[d].map(|s| (&analysis.stories[s], d))))
}

/// Each story as JSON ([`story_json`]), built one at a time.
pub fn story_values(analysis: &Analysis) -> impl Iterator<Item = Value> + '_ {
    (0..analysis.stories.len()).map(|s| story_json(analysis, s))
}

/// The same JSON as [`analysis_json`], serialised one article and one story at a time, so that
/// writing it needs memory for one article's JSON, not for the whole tree.
pub struct AnalysisJson<'a>(pub &'a Analysis);

impl Serialize for AnalysisJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// A JSON array written from an iterator made on demand.
        struct Lazy<F>(F);
        impl<F: Fn() -> I, I: Iterator<Item = Value>> Serialize for Lazy<F> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq((self.0)())
            }
        }
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("articles", &Lazy(|| article_values(self.0)))?;
        map.serialize_entry("stories", &Lazy(|| story_values(self.0)))?;
        map.end()
    }
}

/// One row of the quotes table: who said what, where and when.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteRow<'a> {
    /// The speaker's canonical name across the story, or `None` when the text names no speaker.
    pub speaker: Option<&'a str>,
    /// The speaker's story-level id.
    pub speaker_entity: Option<&'a str>,
    /// The words that name the speaker in the article ("the ministry", "he"), also when they name
    /// no known entity.
    pub speaker_text: Option<&'a str>,
    /// The quoted words.
    pub quote: &'a str,
    /// Direct, partial or indirect.
    pub kind: parallax_doc::QuoteKind,
    /// Reported speech that quotes some of its words (an indirect quote holding a partial one).
    pub mixed: bool,
    /// The cue ("said", "told").
    pub cue: Option<&'a str>,
    /// The article's outlet.
    pub outlet: Option<&'a str>,
    /// The article's publication date.
    pub published: Option<&'a str>,
    /// The article's source.
    pub article: &'a str,
    /// Byte offsets of the quote in the article text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// Every quote of the analysis, in article order, with story-level speaker names.
pub fn quote_rows(analysis: &Analysis) -> Vec<QuoteRow<'_>> {
    let mut story_of = vec![None; analysis.docs.len()];
    for story in &analysis.stories {
        for &d in &story.articles {
            story_of[d] = Some(story);
        }
    }
    let mut rows = Vec::new();
    for (d, doc) in analysis.docs.iter().enumerate() {
        for q in &doc.quotes {
            let story_entity =
                q.speaker_entity.and_then(|e| story_of[d].and_then(|s| s.entity_of(d, e).map(|i| &s.entities[i])));
            let speaker = story_entity
                .map(|e| e.name.as_str())
                .or_else(|| q.speaker_entity.map(|e| doc.entities[e].name.as_str()));
            rows.push(QuoteRow {
                speaker,
                speaker_entity: story_entity.map(|e| e.id.as_str()),
                speaker_text: q.speaker_span.map(|s| doc.slice(s)),
                quote: doc.slice(q.span),
                kind: q.kind,
                mixed: doc.is_mixed(q),
                cue: q.cue.map(|c| doc.slice(c)),
                outlet: doc.meta.outlet.as_deref(),
                published: doc.meta.published.as_deref(),
                article: &doc.source,
                start: q.span.start,
                end: q.span.end,
            });
        }
    }
    rows
}

/// True when `name` names the speaker of `row`: its canonical name or any alias, ignoring case and
/// accents ("zelensky" finds "Volodymyr Zelenskyy").
pub fn speaker_matches(analysis: &Analysis, row: &QuoteRow<'_>, name: &str) -> bool {
    let wanted = crate::text::fold(name);
    let hit = |candidate: &str| {
        let c = crate::text::fold(candidate);
        c == wanted || c.split_whitespace().any(|w| w == wanted) || c.contains(&wanted)
    };
    if row.speaker.is_some_and(hit) {
        return true;
    }
    let Some(id) = row.speaker_entity else { return false };
    analysis.stories.iter().flat_map(|s| &s.entities).filter(|e| e.id == id).any(|e| e.aliases.iter().any(|a| hit(a)))
}
