//! The analysis JSON: the contract in `../shared/eval/README.md`, plus fields users need.
//!
//! Every JSON object is a typed struct deriving `Serialize`, one per kind of object: the
//! articles ([`ArticleJson`] and its entities, mentions, quotes, times and events) and the
//! stories ([`StoryJson`] and its entities, events, conflicts, aligned quotes, summary and
//! comparison). They borrow from the [`Analysis`] and only render facts the story layer computed.
//! Their fields are declared in alphabetical order of their JSON names, which is the order the
//! report has always written.
//!
//! Offsets (`start`, `end`) are byte offsets into the article's `text` as written here.

mod article;
mod quote_rows;
mod story;

use serde::ser::{Serialize, SerializeMap, Serializer};

pub use article::{ArticleEventJson, ArticleJson, EntityJson, MentionJson, QuoteJson, SpanJson, TimeJson};
pub use parallax_analyze::quotes::{is_fragment, named_speaker, NamedSpeaker, SpeakerKind};
pub use quote_rows::{quote_rows, speaker_matches, QuoteRow};
pub use story::{
    AlignedQuoteJson, AlignedQuotesJson, ClaimJson, ComparisonJson, ConflictJson, EventJson, EventSourceJson,
    RoleSourcesJson, StoryEntityJson, StoryJson, StoryLineJson, SummaryJson, TimelineJson,
};

use crate::Analysis;

/// Each article's JSON ([`ArticleJson`] with its story), in input order, built one at a time.
pub fn article_values(analysis: &Analysis) -> impl Iterator<Item = ArticleJson<'_>> + '_ {
    let mut story_of = vec![None; analysis.docs.len()];
    for (s, story) in analysis.stories.iter().enumerate() {
        for &d in &story.articles {
            if let Some(slot) = story_of.get_mut(d) {
                *slot = Some(s);
            }
        }
    }
    analysis
        .docs
        .iter()
        .enumerate()
        .map(move |(d, doc)| ArticleJson::new(doc, story_of[d].map(|s| (&analysis.stories[s], d))))
}

/// Each story's JSON ([`StoryJson`]), in order, built one at a time.
pub fn story_values(analysis: &Analysis) -> impl Iterator<Item = StoryJson<'_>> + '_ {
    (0..analysis.stories.len()).map(|s| StoryJson::new(analysis, s))
}

/// The whole analysis as JSON, `{"articles": [...], "stories": [...]}`, serialised one article
/// and one story at a time, so that writing it needs memory for one article's JSON, not for the
/// whole tree.
pub struct AnalysisJson<'a>(pub &'a Analysis);

impl Serialize for AnalysisJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// A JSON array written from an iterator made on demand.
        struct Lazy<F>(F);
        impl<F: Fn() -> I, I: Iterator<Item = T>, T: Serialize> Serialize for Lazy<F> {
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

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    /// `value` written as JSON, then read back into a `serde_json::Value` (whose objects keep
    /// their keys sorted) and written again: the same bytes when every key was already in order.
    fn assert_keys_sorted(value: &impl Serialize, what: &str) {
        let written = serde_json::to_string_pretty(value).unwrap_or_else(|e| panic!("{what}: {e}"));
        let tree: Value = serde_json::from_str(&written).unwrap_or_else(|e| panic!("{what}: {e}"));
        let rewritten = serde_json::to_string_pretty(&tree).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(written == rewritten, "{what}: keys out of alphabetical order (or a value changed on a round trip)");
    }

    #[test]
    fn every_object_writes_its_keys_in_alphabetical_order() {
        let analysis = crate::testdata::examples();
        assert_keys_sorted(&AnalysisJson(analysis), "the analysis");
        for (d, doc) in analysis.docs.iter().enumerate() {
            let story = analysis.stories.iter().find(|s| s.articles.contains(&d));
            let mut article = ArticleJson::new(doc, story.map(|s| (s, d)));
            article.story = Some(7);
            assert_keys_sorted(&article, &format!("article {} in a stream", doc.source));
        }
        for story in story_values(analysis) {
            assert_keys_sorted(&StoryLineJson { story: story.clone() }, "a story line");
            assert_keys_sorted(&story.timeline(), "a timeline");
        }
    }

    #[test]
    fn the_whole_analysis_is_its_articles_and_its_stories() {
        let analysis = crate::testdata::examples();
        let whole = serde_json::to_value(AnalysisJson(analysis)).unwrap_or_else(|e| panic!("{e}"));
        let articles: Vec<Value> =
            article_values(analysis).map(|a| serde_json::to_value(a).unwrap_or_else(|e| panic!("{e}"))).collect();
        let stories: Vec<Value> =
            story_values(analysis).map(|s| serde_json::to_value(s).unwrap_or_else(|e| panic!("{e}"))).collect();
        assert_eq!(whole["articles"], Value::Array(articles));
        assert_eq!(whole["stories"], Value::Array(stories));
        // outside a stream an article has no `story` field
        assert!(whole["articles"][0].get("story").is_none());
    }

    #[test]
    fn article_entities_carry_the_ids_of_their_story_entities() {
        let analysis = crate::testdata::examples();
        for story in story_values(analysis) {
            let ids: Vec<&str> = story.entities.iter().map(|e| e.id).collect();
            for (d, doc) in analysis.docs.iter().enumerate() {
                if !story.articles.contains(&doc.source.as_str()) {
                    continue;
                }
                let stories = &analysis.stories;
                let article = ArticleJson::new(doc, stories.iter().find(|s| s.articles.contains(&d)).map(|s| (s, d)));
                for entity in &article.entities {
                    let id = entity.id.unwrap_or_else(|| panic!("{} in {} has no story id", entity.name, doc.source));
                    assert!(ids.contains(&id), "{id} of {} is no entity of its story", doc.source);
                }
            }
        }
    }

    #[test]
    fn a_timeline_is_the_story_s_number_headline_articles_and_events() {
        let analysis = crate::testdata::examples();
        for story in story_values(analysis) {
            let whole = serde_json::to_value(&story).unwrap_or_else(|e| panic!("{e}"));
            let timeline = serde_json::to_value(story.timeline()).unwrap_or_else(|e| panic!("{e}"));
            for key in ["id", "headline", "articles", "events"] {
                assert_eq!(timeline[key], whole[key], "{key}");
            }
            assert_eq!(timeline.as_object().map(|o| o.len()), Some(4));
        }
    }
}
