//! Stories over an endless stream of articles, in bounded memory.
//!
//! [`crate::build`] holds every article until the end. [`StoryStream`] instead takes analysed
//! articles one at a time and hands back stories as they *close*: the articles it keeps are
//! those of open stories, at most [`StoryStream::max_open_articles`] of them; past that, the
//! story that has gone longest without a new article is closed, built (identity, timeline,
//! aligned quotes, summary) and returned with its articles, and its memory is freed. A later
//! article on the same subject starts a new story.
//!
//! Duplicates are found over the last [`StoryStream::dedup_window`] articles, and story terms are
//! weighted by their frequency among the articles seen so far, so memory does not grow with the
//! length of the stream beyond a few bytes per article (the duplicate finder's group index).
//!
//! ```
//! use parallax_doc::Doc;
//! use parallax_story::stream::StoryStream;
//! let mut stream = StoryStream::new(1000);
//! let mut a = Doc::new("a", "Marco Rubio met Sergey Lavrov in Riyadh on Tuesday.".into());
//! a.meta.published = Some("2025-02-19".into());
//! parallax_analyze::analyze(&mut a);
//! assert!(stream.push(a).is_empty());
//! let closed = stream.finish();
//! assert_eq!(closed.len(), 1);
//! assert_eq!(closed[0].analysis.docs[0].source, "a");
//! ```

use std::collections::{BTreeSet, HashMap, VecDeque};

use parallax_doc::Doc;

use crate::cluster::StoryClusterer;
use crate::dedup::Deduper;
use crate::Analysis;

/// A story that will take no more articles, built over its articles.
#[derive(Debug)]
pub struct ClosedStory {
    /// The story's number in the stream (in order of its first article).
    pub id: usize,
    /// Its articles (in stream order) and the story itself, as `analysis.stories[0]`.
    pub analysis: Analysis,
}

/// The streaming cross-article layer, with its state explicit.
#[derive(Debug)]
pub struct StoryStream {
    /// Most articles held in open stories; past it the least recently extended story closes.
    pub max_open_articles: usize,
    /// How many of the latest articles a new one is checked against for being a copy.
    pub dedup_window: usize,
    clusterer: StoryClusterer,
    deduper: Deduper,
    /// Articles seen so far.
    seen: usize,
    /// Source of each article a later one may copy (group roots in the dedup window).
    sources: HashMap<usize, String>,
    /// The same articles in stream order, for forgetting them.
    source_order: VecDeque<usize>,
    /// Open stories by number: their articles and when they last took one.
    open: HashMap<usize, OpenStory>,
    /// (last article taken, story) of open stories: the first is the one to close.
    by_age: BTreeSet<(usize, usize)>,
    open_articles: usize,
}

#[derive(Debug, Default)]
struct OpenStory {
    docs: Vec<Doc>,
    last: usize,
}

impl StoryStream {
    /// A stream holding at most `max_open_articles` articles in open stories; copies are looked
    /// for among the last 100,000 articles.
    pub fn new(max_open_articles: usize) -> StoryStream {
        let dedup_window = 100_000;
        StoryStream {
            max_open_articles: max_open_articles.max(1),
            dedup_window,
            clusterer: StoryClusterer::default(),
            deduper: Deduper::with_window(dedup_window),
            seen: 0,
            sources: HashMap::new(),
            source_order: VecDeque::new(),
            open: HashMap::new(),
            by_age: BTreeSet::new(),
            open_articles: 0,
        }
    }

    /// Takes the next analysed article; returns the stories that closed to make room.
    pub fn push(&mut self, mut doc: Doc) -> Vec<ClosedStory> {
        let idx = self.seen;
        self.seen += 1;
        self.deduper.window = self.dedup_window;
        match self.deduper.add(&doc.text) {
            Some(first) => doc.duplicate_of = self.sources.get(&first).cloned(),
            None => {
                self.sources.insert(idx, doc.source.clone());
                self.source_order.push_back(idx);
            }
        }
        while let Some(&old) = self.source_order.front() {
            if idx - old <= self.dedup_window {
                break;
            }
            self.source_order.pop_front();
            self.sources.remove(&old);
        }

        let story = self.clusterer.push(idx, &doc);
        let entry = self.open.entry(story).or_default();
        if !entry.docs.is_empty() {
            self.by_age.remove(&(entry.last, story));
        }
        entry.docs.push(doc);
        entry.last = idx;
        self.by_age.insert((idx, story));
        self.open_articles += 1;

        let mut closed = Vec::new();
        while self.open_articles > self.max_open_articles {
            let Some(&(_, oldest)) = self.by_age.iter().next() else { break };
            closed.push(self.close(oldest));
        }
        closed
    }

    /// Closes every open story, in order of their numbers.
    pub fn finish(mut self) -> Vec<ClosedStory> {
        let mut ids: Vec<usize> = self.open.keys().copied().collect();
        ids.sort_unstable();
        ids.into_iter().map(|id| self.close(id)).collect()
    }

    fn close(&mut self, id: usize) -> ClosedStory {
        let story = self.open.remove(&id).unwrap_or_default();
        self.by_age.remove(&(story.last, id));
        self.open_articles -= story.docs.len();
        self.clusterer.close(id);
        let members = (0..story.docs.len()).collect();
        ClosedStory { id, analysis: crate::build_stories_of_marked(story.docs, vec![members]) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Doc {
        let mut d = Doc::new(id, text.into());
        d.meta.published = Some("2025-02-19".into());
        parallax_analyze::analyze(&mut d);
        d
    }

    const RIYADH: &str = "Secretary of State Marco Rubio met Russian Foreign Minister Sergey Lavrov in Riyadh on \
        Tuesday for talks on ending the war in Ukraine. The delegations agreed to restore embassies.";
    const FLOODS: &str = "Floods in Valencia killed dozens of people on Tuesday after torrential rain swept \
        through towns south of the Spanish city. Rescue teams searched for the missing.";

    #[test]
    fn stories_close_when_memory_is_full_and_copies_are_marked() {
        let mut s = StoryStream::new(2);
        assert!(s.push(doc("a", RIYADH)).is_empty());
        assert!(s.push(doc("b", FLOODS)).is_empty());
        // a copy of a: joins a's story, which now holds 2 articles; the floods story is older
        let closed = s.push(doc("c", RIYADH));
        assert_eq!(closed.len(), 1);
        assert_eq!(closed[0].analysis.docs[0].source, "b");
        assert_eq!(closed[0].analysis.stories.len(), 1);
        let rest = s.finish();
        assert_eq!(rest.len(), 1);
        let sources: Vec<&str> = rest[0].analysis.docs.iter().map(|d| d.source.as_str()).collect();
        assert_eq!(sources, ["a", "c"]);
        assert_eq!(rest[0].analysis.docs[1].duplicate_of.as_deref(), Some("a"));
        assert!(rest[0].analysis.stories[0].entities.iter().any(|e| e.name.contains("Rubio")));
    }

    #[test]
    fn closed_story_takes_no_more_articles() {
        let mut s = StoryStream::new(1);
        assert!(s.push(doc("a", RIYADH)).is_empty());
        let closed = s.push(doc("b", FLOODS));
        assert_eq!(closed.len(), 1);
        // a new report on the talks starts a new story: the first one is closed
        let closed = s.push(doc("c", RIYADH));
        assert_eq!(closed[0].analysis.docs[0].source, "b");
        let rest = s.finish();
        assert_eq!(rest[0].analysis.docs[0].source, "c");
        assert_ne!(rest[0].id, 0);
    }
}
