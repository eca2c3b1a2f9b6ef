//! How the outlets of a story differ: which events several articles report, which only one
//! reports, and which facts they contradict one another on.
//!
//! The comparison is computed once per story, by [`compare`] in [`crate::build`], and the JSON
//! report and the Markdown brief both render it, so they cannot disagree on it.
//!
//! It covers the events the story lists ([`StoryEvent::is_listed`]: those with a date or a place;
//! an event with neither is too vague to compare) and splits them by the number of distinct
//! articles that report them: two or more make it *corroborated*, one makes it *single source*.
//! A story of one article has nothing to compare an event with, so none of its events is single
//! source. Every conflict of the story is *conflicting*.
//!
//! Independent reports are counted ([`Reports`]), not outlet names and not copies: an article
//! whose outlet is unknown still counts as a source of its own, and a copy of another article
//! of the story (a wire story re-run, a press release reposted) adds nothing to its original.

use crate::reports::Reports;
use crate::timeline::{Conflict, StoryEvent};
use crate::Story;

/// The comparison of a story's outlets, as indices into the story's events and conflicts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Listed events reported by two or more independent reports, indices into [`crate::Story::events`] in
    /// timeline order.
    pub corroborated: Vec<usize>,
    /// Listed events reported by one report only, when the story has several; indices
    /// into [`crate::Story::events`] in timeline order.
    pub single_source: Vec<usize>,
    /// Facts the articles disagree on: indices into [`crate::Story::conflicts`].
    pub conflicting: Vec<usize>,
}

/// Compares the outlets of a story of `articles`, given its merged timeline `events`, its
/// `conflicts` and which articles are copies of which (`reports`).
pub fn compare(events: &[StoryEvent], conflicts: &[Conflict], reports: &Reports, articles: &[usize]) -> Comparison {
    let mut comparison = Comparison::default();
    let report_count = reports.count(articles.iter().copied());
    for (index, event) in events.iter().enumerate() {
        if !event.is_listed() {
            continue;
        }
        match reports.count(event.articles()) {
            0 => {}
            1 if report_count > 1 => comparison.single_source.push(index),
            1 => {}
            _ => comparison.corroborated.push(index),
        }
    }
    comparison.conflicting = (0..conflicts.len()).collect();
    comparison
}

impl Story {
    /// The position of an article (an index into the corpus) among the story's articles, from 0;
    /// `None` when the article is not one of the story's.
    pub fn position_of(&self, article: usize) -> Option<usize> {
        self.articles.iter().position(|&a| a == article)
    }

    /// The outlet of one of the story's articles (an index into the corpus), when known.
    pub fn outlet_of(&self, article: usize) -> Option<&str> {
        self.position_of(article).and_then(|i| self.outlets.get(i)).and_then(|o| o.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use parallax_doc::{EventKind, EventStatus};

    use super::*;

    fn event(date: Option<&str>, place: Option<&str>, sources: &[(usize, usize)]) -> StoryEvent {
        StoryEvent {
            kind: EventKind::Meeting,
            date: date.map(str::to_string),
            place: place.map(str::to_string),
            participants: vec![0],
            status: EventStatus::Happened,
            sources: sources.to_vec(),
        }
    }

    #[test]
    fn events_split_by_distinct_articles_not_by_sentences() {
        let events = vec![
            // two sentences of one article: still one source
            event(Some("2025-02-18"), None, &[(0, 1), (0, 4)]),
            event(Some("2025-02-18"), Some("Riyadh"), &[(0, 1), (2, 3)]),
            // undated but placed: listed, so compared
            event(None, Some("Kyiv"), &[(1, 2)]),
            // neither date nor place: not listed, not compared
            event(None, None, &[(1, 5)]),
            event(None, None, &[(0, 5), (1, 5)]),
        ];
        let conflicts = vec![Conflict { about: "date".into(), claims: Vec::new() }];
        let no_copies = Reports::default();
        let comparison = compare(&events, &conflicts, &no_copies, &[0, 1, 2]);
        assert_eq!(comparison.corroborated, vec![1]);
        assert_eq!(comparison.single_source, vec![0, 2]);
        assert_eq!(comparison.conflicting, vec![0]);
    }

    #[test]
    fn a_copy_does_not_corroborate_its_original() {
        let mut docs: Vec<parallax_doc::Doc> =
            ["a", "b", "c"].iter().map(|s| parallax_doc::Doc::new(*s, String::new())).collect();
        docs[1].duplicate_of = Some("a".into());
        let reports = Reports::of(&docs, &[0, 1, 2]);
        let events = vec![
            // reported by an article and its copy: one report
            event(Some("2025-02-18"), None, &[(0, 1), (1, 1)]),
            // by the copy and an independent article: two
            event(Some("2025-02-19"), None, &[(1, 2), (2, 2)]),
        ];
        let comparison = compare(&events, &[], &reports, &[0, 1, 2]);
        assert_eq!(comparison.corroborated, vec![1]);
        assert_eq!(comparison.single_source, vec![0]);
        // an article and its copy alone are one report: nothing to compare
        let comparison = compare(&events[..1], &[], &reports, &[0, 1]);
        assert!(comparison.single_source.is_empty() && comparison.corroborated.is_empty());
    }

    /// The bullets under a bold `heading` of a brief's "How the outlets differ" section.
    fn brief_bullets<'b>(brief: &'b str, heading: &str) -> Vec<&'b str> {
        let Some(section) = brief.split("## How the outlets differ").nth(1) else { return Vec::new() };
        let Some(after) = section.split(&format!("**{heading}**")).nth(1) else { return Vec::new() };
        after.lines().skip_while(|l| l.trim().is_empty()).take_while(|l| l.starts_with("- ")).map(|l| &l[2..]).collect()
    }

    /// How the brief describes an event of the JSON: "visit in Kyiv on 2025-02-19".
    fn brief_prefix(event: &serde_json::Value) -> String {
        let mut text = event["kind"].as_str().unwrap_or_default().to_string();
        if let Some(place) = event["place"].as_str() {
            text += &format!(" in {place}");
        }
        if let Some(date) = event["date"].as_str() {
            text += &format!(" on {date}");
        }
        text
    }

    #[test]
    fn the_json_and_the_brief_show_the_same_comparison() {
        let analysis = crate::testdata::examples();
        assert!(analysis.stories.len() >= 2, "stories: {}", analysis.stories.len());
        let mut undated_compared = 0;
        for (s, story) in analysis.stories.iter().enumerate() {
            let json = serde_json::to_value(crate::report::StoryJson::new(analysis, s))
                .unwrap_or_else(|e| panic!("story {s} as JSON: {e}"));
            let brief = crate::brief::story_brief(analysis, story);
            for (key, heading) in
                [("corroborated", "Corroborated by several outlets"), ("single_source", "Reported by one outlet only")]
            {
                let events = json["comparison"][key].as_array().cloned().unwrap_or_default();
                let bullets = brief_bullets(&brief, heading);
                assert_eq!(events.len(), bullets.len(), "story {s}, {key}: brief {bullets:#?}");
                for (event, bullet) in events.iter().zip(&bullets) {
                    assert!(bullet.starts_with(&brief_prefix(event)), "story {s}, {key}: {event} / {bullet}");
                    // every compared event is one the JSON lists
                    assert!(json["events"].as_array().is_some_and(|listed| listed.contains(event)));
                    undated_compared += usize::from(event["date"].is_null());
                }
            }
            let conflicts = json["comparison"]["conflicting"].as_array().cloned().unwrap_or_default();
            let bullets = brief_bullets(&brief, "Conflicting");
            assert_eq!(conflicts.len(), bullets.len(), "story {s}: conflicts");
            for (conflict, bullet) in conflicts.iter().zip(&bullets) {
                assert!(bullet.starts_with(conflict["about"].as_str().unwrap_or("?")), "{conflict} / {bullet}");
            }
            assert_eq!(json["comparison"]["conflicting"], json["conflicts"]);
        }
        // the case the two renderers once disagreed on: events with a place and no date
        assert!(undated_compared > 0, "no undated event compared: the test misses the case it guards");
    }

    #[test]
    fn the_seed_story_compares_every_listed_event_it_can() {
        let analysis = crate::testdata::examples();
        let story = analysis
            .stories
            .iter()
            .find(|s| s.articles.iter().any(|&d| analysis.docs[d].source.contains("riyadh")))
            .unwrap_or_else(|| panic!("no seed story"));
        assert!(story.articles.len() > 1);
        let compared: Vec<usize> =
            story.comparison.corroborated.iter().chain(&story.comparison.single_source).copied().collect();
        let listed: Vec<usize> = (0..story.events.len()).filter(|&i| story.events[i].is_listed()).collect();
        let mut sorted = compared.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, listed, "in a story of several articles every listed event is compared once");
        assert!(!story.comparison.conflicting.is_empty(), "the seed story has its Zelenskyy date conflict");
    }

    #[test]
    fn a_story_of_one_article_has_no_single_source_events() {
        let events = vec![event(Some("2025-02-18"), None, &[(0, 1)]), event(None, Some("Kyiv"), &[(0, 2)])];
        let comparison = compare(&events, &[], &Reports::default(), &[0]);
        assert!(comparison.corroborated.is_empty());
        assert!(comparison.single_source.is_empty());
        assert!(comparison.conflicting.is_empty());
    }
}
