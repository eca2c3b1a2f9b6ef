//! The JSON of one story: its articles, entities, timeline, conflicts, aligned quotes, summary
//! and comparison, rendered from the facts [`crate::build`] computed.
//!
//! Fields are declared in alphabetical order of their JSON names: the report has always written
//! its keys sorted, and it must keep doing so byte for byte.

use parallax_doc::{Doc, EventStatus};
use serde::Serialize;

use super::article::sentence_text;
use crate::{Analysis, Conflict, Story, StoryEntity, StoryEvent};

/// One story of the analysis.
#[derive(Debug, Clone, Serialize)]
pub struct StoryJson<'a> {
    /// Statements quoted by several articles, in the same or different words.
    pub aligned_quotes: Vec<AlignedQuotesJson<'a>>,
    /// The sources of the story's articles, in input order.
    pub articles: Vec<&'a str>,
    /// Different values of one fact that the articles give to different sources ("police said
    /// 5", "organisers said 20"): the sources disagree, not the outlets (not in `conflicts`).
    pub attributed_disagreements: Vec<ConflictJson<'a>>,
    /// How the outlets differ.
    pub comparison: ComparisonJson<'a>,
    /// Facts the articles disagree on.
    pub conflicts: Vec<ConflictJson<'a>>,
    /// One entity per person, organisation, place across the articles.
    pub entities: Vec<StoryEntityJson<'a>>,
    /// The listed events of the merged timeline (those with a date or a place).
    pub events: Vec<EventJson<'a>>,
    /// The story's headline.
    pub headline: &'a str,
    /// The story's number: its index in the analysis, or in a stream its number there.
    pub id: usize,
    /// The outlet of each article, in the order of `articles`.
    pub outlets: Vec<Option<&'a str>>,
    /// Cited summary sentences.
    pub summary: Vec<SummaryJson<'a>>,
    /// Figures that later reports update (a rising toll; the earlier claim first when the order
    /// is known): not conflicts.
    pub updates: Vec<ConflictJson<'a>>,
}

/// An entity of a story, across its articles.
#[derive(Debug, Clone, Serialize)]
pub struct StoryEntityJson<'a> {
    /// Every name form used for it.
    pub aliases: &'a [String],
    /// The sources of the articles that name it, in input order.
    pub articles: Vec<&'a str>,
    /// Its story-level id: kind and the name folded to ASCII ("person:volodymyr-zelensky").
    pub id: &'a str,
    /// Its canonical name.
    pub name: &'a str,
    /// Each role with the articles that give it.
    pub role_sources: Vec<RoleSourcesJson<'a>>,
    /// Its roles.
    pub roles: Vec<&'a str>,
    /// person, organization, location, ...
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// A role of a story entity and the articles that give it.
#[derive(Debug, Clone, Serialize)]
pub struct RoleSourcesJson<'a> {
    /// The sources of the articles giving the role.
    pub articles: Vec<&'a str>,
    /// The role as written.
    pub role: &'a str,
}

/// An event of a story's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct EventJson<'a> {
    /// Its date (a TimeML value), when some article gives it.
    pub date: Option<&'a str>,
    /// Meeting, call, visit, speech, ...
    pub kind: &'static str,
    /// The participants' story-level names.
    pub participants: Vec<&'a str>,
    /// The most specific place given.
    pub place: Option<&'a str>,
    /// The sentences that report it.
    pub sources: Vec<EventSourceJson<'a>>,
    /// Planned or happened.
    pub status: EventStatus,
}

/// A sentence of an article that reports a story event.
#[derive(Debug, Clone, Serialize)]
pub struct EventSourceJson<'a> {
    /// The article's source.
    pub article: &'a str,
    /// The article's outlet, when known.
    pub outlet: Option<&'a str>,
    /// The sentence.
    pub sentence: &'a str,
}

/// Articles disagreeing on a fact.
#[derive(Debug, Clone, Serialize)]
pub struct ConflictJson<'a> {
    /// What the disagreement is about.
    pub about: &'a str,
    /// Each claim, with where it is made.
    pub claims: Vec<ClaimJson<'a>>,
}

/// One article's claim in a conflict.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimJson<'a> {
    /// The article's source.
    pub article: &'a str,
    /// The article's outlet, when known.
    pub outlet: Option<&'a str>,
    /// The sentence making the claim.
    pub sentence: &'a str,
    /// The value claimed ("2025-02-17").
    pub value: &'a str,
}

/// One statement quoted by several articles.
#[derive(Debug, Clone, Serialize)]
pub struct AlignedQuotesJson<'a> {
    /// Each article's version of the statement.
    pub quotes: Vec<AlignedQuoteJson<'a>>,
    /// The speaker's canonical name.
    pub speaker: &'a str,
    /// The speaker's story-level id.
    pub speaker_entity: &'a str,
}

/// One article's version of an aligned statement.
#[derive(Debug, Clone, Serialize)]
pub struct AlignedQuoteJson<'a> {
    /// The article's source.
    pub article: &'a str,
    /// The article's outlet, when known.
    pub outlet: Option<&'a str>,
    /// The quoted words.
    pub text: &'a str,
}

/// A summary sentence and the articles that support it.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryJson<'a> {
    /// The sentence.
    pub sentence: &'a str,
    /// The sources of the supporting articles, the sentence's own first.
    pub sources: Vec<&'a str>,
}

/// How the outlets of a story differ ([`crate::Comparison`]).
#[derive(Debug, Clone, Serialize)]
pub struct ComparisonJson<'a> {
    /// Facts the articles disagree on (the story's conflicts).
    pub conflicting: Vec<ConflictJson<'a>>,
    /// Events reported by two or more articles.
    pub corroborated: Vec<EventJson<'a>>,
    /// Events reported by one article only, in a story of several.
    pub single_source: Vec<EventJson<'a>>,
}

/// A story's timeline as `parallax timeline --format json` writes it.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineJson<'a> {
    /// The sources of the story's articles, in input order.
    pub articles: Vec<&'a str>,
    /// The listed events, in timeline order.
    pub events: Vec<EventJson<'a>>,
    /// The story's headline.
    pub headline: &'a str,
    /// The story's number.
    pub id: usize,
}

/// A story as one line of JSON Lines output: `{"story": {...}}`.
#[derive(Debug, Clone, Serialize)]
pub struct StoryLineJson<'a> {
    /// The story.
    pub story: StoryJson<'a>,
}

/// Renders the parts of one story, which borrow from the analysis.
struct StoryRenderer<'a> {
    docs: &'a [Doc],
    story: &'a Story,
}

impl<'a> StoryRenderer<'a> {
    fn source(&self, article: usize) -> &'a str {
        &self.docs[article].source
    }

    fn sources(&self, articles: impl IntoIterator<Item = usize>) -> Vec<&'a str> {
        articles.into_iter().map(|d| self.source(d)).collect()
    }

    fn outlet(&self, article: usize) -> Option<&'a str> {
        self.story.outlet_of(article)
    }

    fn name(&self, entity: usize) -> &'a str {
        &self.story.entities[entity].name
    }

    fn entity(&self, entity: &'a StoryEntity) -> StoryEntityJson<'a> {
        StoryEntityJson {
            aliases: &entity.aliases,
            articles: self.sources(entity.articles()),
            id: &entity.id,
            name: &entity.name,
            role_sources: entity
                .roles
                .iter()
                .map(|r| RoleSourcesJson { articles: self.sources(r.articles.iter().copied()), role: &r.role })
                .collect(),
            roles: entity.roles.iter().map(|r| r.role.as_str()).collect(),
            kind: entity.kind.as_str(),
        }
    }

    fn event(&self, event: &'a StoryEvent) -> EventJson<'a> {
        EventJson {
            date: event.date.as_deref(),
            kind: event.kind.as_str(),
            participants: event.participants.iter().map(|&p| self.name(p)).collect(),
            place: event.place.as_deref(),
            sources: event
                .sources
                .iter()
                .map(|&(d, s)| EventSourceJson {
                    article: self.source(d),
                    outlet: self.outlet(d),
                    sentence: sentence_text(&self.docs[d], s),
                })
                .collect(),
            status: event.status,
        }
    }

    fn events_at(&self, indices: &[usize]) -> Vec<EventJson<'a>> {
        indices.iter().filter_map(|&i| self.story.events.get(i)).map(|e| self.event(e)).collect()
    }

    fn listed_events(&self) -> Vec<EventJson<'a>> {
        self.story.events.iter().filter(|e| e.is_listed()).map(|e| self.event(e)).collect()
    }

    fn conflict(&self, conflict: &'a Conflict) -> ConflictJson<'a> {
        ConflictJson {
            about: &conflict.about,
            claims: conflict
                .claims
                .iter()
                .map(|(value, (d, s))| ClaimJson {
                    article: self.source(*d),
                    outlet: self.outlet(*d),
                    sentence: sentence_text(&self.docs[*d], *s),
                    value,
                })
                .collect(),
        }
    }
}

impl<'a> StoryJson<'a> {
    /// The JSON of story `story_idx` of `analysis`, numbered `story_idx`.
    pub fn new(analysis: &'a Analysis, story_idx: usize) -> StoryJson<'a> {
        let story = &analysis.stories[story_idx];
        let docs = &analysis.docs;
        let render = StoryRenderer { docs, story };
        let conflicts: Vec<ConflictJson<'a>> = story.conflicts.iter().map(|c| render.conflict(c)).collect();
        let comparison = ComparisonJson {
            conflicting: story
                .comparison
                .conflicting
                .iter()
                .filter_map(|&i| story.conflicts.get(i))
                .map(|c| render.conflict(c))
                .collect(),
            corroborated: render.events_at(&story.comparison.corroborated),
            single_source: render.events_at(&story.comparison.single_source),
        };
        StoryJson {
            aligned_quotes: story
                .aligned_quotes
                .iter()
                .map(|g| AlignedQuotesJson {
                    quotes: g
                        .quotes
                        .iter()
                        .map(|&(d, q)| AlignedQuoteJson {
                            article: render.source(d),
                            outlet: render.outlet(d),
                            text: docs[d].slice(docs[d].quotes[q].span),
                        })
                        .collect(),
                    speaker: render.name(g.speaker),
                    speaker_entity: &story.entities[g.speaker].id,
                })
                .collect(),
            articles: render.sources(story.articles.iter().copied()),
            attributed_disagreements: story.attributed.iter().map(|c| render.conflict(c)).collect(),
            comparison,
            conflicts,
            entities: story.entities.iter().map(|e| render.entity(e)).collect(),
            events: render.listed_events(),
            headline: &story.headline,
            id: story_idx,
            outlets: story.outlets.iter().map(|o| o.as_deref()).collect(),
            summary: story
                .summary
                .iter()
                .map(|s| SummaryJson {
                    sentence: sentence_text(&docs[s.article], s.sentence),
                    sources: render.sources(s.sources.iter().copied()),
                })
                .collect(),
            updates: story.updates.iter().map(|c| render.conflict(c)).collect(),
        }
    }

    /// The story's timeline: its number, headline, articles and events.
    pub fn timeline(self) -> TimelineJson<'a> {
        TimelineJson { articles: self.articles, events: self.events, headline: self.headline, id: self.id }
    }
}
