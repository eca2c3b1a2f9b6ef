//! The JSON of one article: its metadata, text and layers, with story-level entity ids.
//!
//! Fields are declared in alphabetical order of their JSON names: the report has always written
//! its keys sorted, and it must keep doing so byte for byte.

use std::borrow::Cow;

use parallax_doc::{Diagnostic, Doc, EventStatus, MentionKind, Provenance, QuoteKind, Removed, Span};
use serde::Serialize;

use crate::Story;

/// The text of sentence `sentence` of `doc`, or `""` when there is no such sentence.
pub(crate) fn sentence_text(doc: &Doc, sentence: usize) -> &str {
    doc.sentences.get(sentence).map_or("", |s| doc.slice(s.span))
}

/// One article of the analysis.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleJson<'a> {
    /// Author names, when known.
    pub authors: &'a [String],
    /// What happened to the article on its way: notes, stages skipped, stages that failed.
    pub diagnostics: &'a [Diagnostic],
    /// The source of the earlier article this one copies, when it is a copy.
    pub duplicate_of: Option<&'a str>,
    /// The entities the article names.
    pub entities: Vec<EntityJson<'a>>,
    /// The events the article reports.
    pub events: Vec<ArticleEventJson<'a>>,
    /// The record's own id, when the input gave one.
    pub id: Option<&'a str>,
    /// ISO 639-1 language code, when detected.
    pub language: Option<&'a str>,
    /// Notes for the user about the article.
    pub notes: Vec<&'a str>,
    /// The publisher, when known.
    pub outlet: Option<&'a str>,
    /// Where `outlet` came from.
    pub outlet_from: Provenance,
    /// Publication date or timestamp, when known.
    pub published: Option<&'a str>,
    /// Where `published` came from.
    pub published_from: Provenance,
    /// Quotes and reported speech.
    pub quotes: Vec<QuoteJson<'a>>,
    /// What cleaning removed from the input.
    pub removed: &'a [Removed],
    /// Where the article came from: record id, URL or path.
    pub source: &'a str,
    /// The number of the article's story in a stream (`analyze --stream`); left out otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub story: Option<usize>,
    /// The cleaned article text; every offset indexes it.
    pub text: &'a str,
    /// Temporal expressions.
    pub times: Vec<TimeJson<'a>>,
    /// The headline, when known.
    pub title: Option<&'a str>,
    /// The article's URL, when known.
    pub url: Option<&'a str>,
}

/// An entity named in an article.
#[derive(Debug, Clone, Serialize)]
pub struct EntityJson<'a> {
    /// `m` or `f`, when the article tells.
    pub gender: Option<char>,
    /// The story-level id of the entity, shared by the story's articles; `None` outside a story.
    pub id: Option<&'a str>,
    /// Every mention of the entity, in text order.
    pub mentions: Vec<MentionJson<'a>>,
    /// The canonical full name within the article.
    pub name: &'a str,
    /// Roles the article gives it.
    pub roles: Vec<&'a str>,
    /// person, organization, location, group, misc: the story entity's type when the article
    /// is in a story (the type most of its articles give).
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// One mention of an entity.
#[derive(Debug, Clone, Serialize)]
pub struct MentionJson<'a> {
    /// End byte offset in the article text.
    pub end: usize,
    /// Name, nominal ("the president") or pronoun.
    pub kind: MentionKind,
    /// Start byte offset in the article text.
    pub start: usize,
    /// The words of the mention.
    pub text: &'a str,
}

/// A quote or piece of reported speech of an article.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteJson<'a> {
    /// The cue ("said", "told"), when there is one.
    pub cue: Option<&'a str>,
    /// End byte offset of the quoted words.
    pub end: usize,
    /// A fragment too small to show as someone's words (one word, or only function words): kept
    /// here, left out of the brief.
    pub fragment: bool,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Reported speech that quotes some of its words.
    pub mixed: bool,
    /// The speaker as a reader names it: the entity's canonical name within the article ("A and
    /// B" for joint speakers), else the description as written ("a spokesperson for the
    /// ministry"), else `None` (no speaker, or a pronoun left unresolved).
    pub speaker: Option<Cow<'a, str>>,
    /// The story-level ids of every speaker named (two or more for joint speakers).
    pub speaker_entities: Vec<&'a str>,
    /// The speaker's story-level id.
    pub speaker_entity: Option<&'a str>,
    /// `person`, `organization`, `description` or `none`.
    pub speaker_kind: &'static str,
    /// The words naming the speaker ("he", "the ministry").
    pub speaker_text: Option<&'a str>,
    /// Start byte offset of the quoted words.
    pub start: usize,
    /// The quoted words, without quotation marks.
    pub text: &'a str,
}

/// A temporal expression of an article.
#[derive(Debug, Clone, Serialize)]
pub struct TimeJson<'a> {
    /// End byte offset.
    pub end: usize,
    /// Start byte offset.
    pub start: usize,
    /// The expression as written ("on Tuesday").
    pub text: &'a str,
    /// `date`, `time`, `duration` or `set`, as in TimeML.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The normalised TimeML value ("2025-02-18").
    pub value: &'a str,
}

/// A stretch of an article's text with its offsets.
#[derive(Debug, Clone, Serialize)]
pub struct SpanJson<'a> {
    /// End byte offset.
    pub end: usize,
    /// Start byte offset.
    pub start: usize,
    /// The text it covers.
    pub text: &'a str,
}

impl<'a> SpanJson<'a> {
    /// The span `span` of `doc`'s text.
    pub fn new(doc: &'a Doc, span: Span) -> SpanJson<'a> {
        SpanJson { end: span.end, start: span.start, text: doc.slice(span) }
    }
}

/// An event as one article reports it.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleEventJson<'a> {
    /// The value of the event's date expression, when it has one.
    pub date: Option<&'a str>,
    /// Meeting, call, visit, speech, ...
    pub kind: &'static str,
    /// The participants' names within the article.
    pub participants: Vec<&'a str>,
    /// The place's name, when given.
    pub place: Option<&'a str>,
    /// The sentence that reports it.
    pub sentence: &'a str,
    /// Planned or happened.
    pub status: EventStatus,
    /// The word that tells of the event ("met", "call").
    pub trigger: SpanJson<'a>,
}

impl<'a> ArticleJson<'a> {
    /// The JSON of `doc`. With `story` (the article's story and the article's index in the
    /// corpus), entities and speakers carry their story-level ids.
    pub fn new(doc: &'a Doc, story: Option<(&'a Story, usize)>) -> ArticleJson<'a> {
        let story_id = |entity: usize| {
            story.and_then(|(s, d)| s.entity_of(d, entity).and_then(|i| s.entities.get(i)).map(|e| e.id.as_str()))
        };
        // the story's type for it: one identity, one type across the story's articles
        let story_kind = |entity: usize| {
            story.and_then(|(s, d)| s.entity_of(d, entity).and_then(|i| s.entities.get(i)).map(|e| e.kind))
        };
        let entity_name = |entity: usize| doc.entities[entity].name.as_str();
        let entities = doc
            .entities
            .iter()
            .map(|e| EntityJson {
                gender: e.gender,
                id: story_id(e.id),
                mentions: doc
                    .mentions
                    .iter()
                    .filter(|m| m.entity == e.id)
                    .map(|m| MentionJson {
                        end: m.span.end,
                        kind: m.kind,
                        start: m.span.start,
                        text: doc.slice(m.span),
                    })
                    .collect(),
                name: &e.name,
                roles: e.roles.iter().map(|r| r.text.as_str()).collect(),
                kind: story_kind(e.id).unwrap_or(e.kind).as_str(),
            })
            .collect();
        let named: Vec<_> = doc.quotes.iter().map(|q| parallax_analyze::quotes::named_speaker(doc, q)).collect();
        let quotes = doc
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| QuoteJson {
                cue: q.cue.map(|c| doc.slice(c)),
                end: q.span.end,
                kind: q.kind,
                mixed: doc.is_mixed(q),
                speaker: named[i].name.clone(),
                speaker_kind: named[i].kind.as_str(),
                speaker_entity: q.speaker_entity.and_then(story_id),
                speaker_entities: named[i].entities.iter().filter_map(|&e| story_id(e)).collect(),
                fragment: parallax_analyze::quotes::is_fragment(doc, q),
                speaker_text: q.speaker_span.map(|s| doc.slice(s)),
                start: q.span.start,
                text: doc.slice(q.span),
            })
            .collect();
        let times = doc
            .times
            .iter()
            .map(|t| TimeJson {
                end: t.span.end,
                start: t.span.start,
                text: doc.slice(t.span),
                kind: t.kind,
                value: &t.value,
            })
            .collect();
        let events = doc
            .events
            .iter()
            .map(|e| ArticleEventJson {
                date: e.time.and_then(|t| doc.times.get(t)).map(|t| t.value.as_str()),
                kind: e.kind.as_str(),
                participants: e.participants.iter().map(|&p| entity_name(p)).collect(),
                place: e.place.map(entity_name),
                sentence: sentence_text(doc, e.sentence),
                status: e.status,
                trigger: SpanJson::new(doc, e.trigger),
            })
            .collect();
        let meta = &doc.meta;
        ArticleJson {
            authors: &meta.authors,
            duplicate_of: doc.duplicate_of.as_deref(),
            entities,
            events,
            id: meta.id.as_deref(),
            language: meta.language.as_deref(),
            notes: doc.notes().collect(),
            diagnostics: &doc.diagnostics,
            outlet: meta.outlet.as_deref(),
            outlet_from: meta.outlet_from,
            published: meta.published.as_deref(),
            published_from: meta.published_from,
            quotes,
            removed: &doc.removed,
            source: &doc.source,
            story: None,
            text: &doc.text,
            times,
            title: meta.title.as_deref(),
            url: meta.url.as_deref(),
        }
    }
}
