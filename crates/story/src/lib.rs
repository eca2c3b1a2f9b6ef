//! The cross-article layer of Parallax: stories, identity across articles, comparison, brief.
//!
//! Per-article analysis (`parallax-analyze`) is a pure function of one article. Everything that
//! needs several articles lives here, with its state explicit:
//!
//! - [`dedup`] marks exact and near copies of earlier articles (`duplicate_of`);
//! - [`cluster::StoryClusterer`] groups articles into stories as they stream in;
//! - [`published::infer_published`] dates undated articles from their story, after which the
//!   stages that read the publication date are re-run by `parallax_analyze::reanalyze`;
//! - [`reports::Reports`] maps each copy to the article it copies: every cross-source count
//!   counts independent reports, never a copy as a second source;
//! - [`identity::link_entities`] makes one entity per person across articles and spellings;
//! - [`timeline::build_timeline`] merges events into one timeline and finds date conflicts;
//! - [`align::align_quotes`] groups one statement quoted by several outlets, and
//!   [`align::quotes_by_speaker`] gathers who said what;
//! - [`summary::summarize`] picks cited summary sentences and [`summary::headline`] the headline;
//! - [`comparison::compare`] tells which events several outlets report, which one only, and
//!   where they conflict;
//! - [`report`] writes the JSON contract and [`brief`] the Markdown brief: both only render the
//!   facts computed here, so they cannot disagree;
//! - [`stream::StoryStream`] does the same over an endless stream in bounded memory, handing out
//!   stories as they close.
//!
//! ```
//! use parallax_doc::Doc;
//! let mut a = Doc::new("a", "Marco Rubio met Sergey Lavrov in Riyadh on Tuesday.".into());
//! a.meta.published = Some("2025-02-19".into());
//! parallax_analyze::analyze(&mut a);
//! let analysis = parallax_story::build(vec![a]);
//! assert_eq!(analysis.stories.len(), 1);
//! ```

pub mod align;
pub mod background;
pub mod brief;
pub mod cluster;
pub mod comparison;
pub mod dedup;
pub mod group;
pub mod identity;
pub mod published;
pub mod quantities;
pub mod report;
pub mod reports;
pub mod stream;
pub mod summary;
mod terms;
pub mod text;
pub mod timeline;

#[cfg(test)]
mod testdata;

use parallax_doc::{Diagnostic, DiagnosticKind, Doc, Layer};
use rayon::prelude::*;

pub use align::{QuoteGroup, SpeakerQuotes};
pub use comparison::Comparison;
pub use identity::StoryEntity;
pub use summary::SummarySentence;
pub use timeline::{Conflict, StoryEvent};

/// A story: articles about the same events and what they say together.
#[derive(Debug, Clone, Default)]
pub struct Story {
    /// Indices of its articles in [`Analysis::docs`], in input order.
    pub articles: Vec<usize>,
    /// One entity per person, organisation, place across the articles.
    pub entities: Vec<StoryEntity>,
    /// The merged timeline.
    pub events: Vec<StoryEvent>,
    /// Facts the articles disagree on.
    pub conflicts: Vec<Conflict>,
    /// Figures that later reports update (a rising toll, a count completed after a provisional
    /// one): not conflicts.
    pub updates: Vec<Conflict>,
    /// Different values of one fact that the articles give to different sources ("police said
    /// 5", "organisers said 20"): the sources disagree, not the outlets.
    pub attributed: Vec<Conflict>,
    /// Statements quoted by several articles.
    pub aligned_quotes: Vec<QuoteGroup>,
    /// Who said what in their own words: each entity's direct and partial quotes.
    pub quoted_speakers: Vec<SpeakerQuotes>,
    /// The story's people (indices into `entities`), the most mentioned first.
    pub people: Vec<usize>,
    /// Cited summary sentences.
    pub summary: Vec<SummarySentence>,
    /// The headline: the first article's title, else the best summary sentence, shortened.
    pub headline: String,
    /// The outlet of each article, in the order of [`Story::articles`] (`None` when unknown).
    pub outlets: Vec<Option<String>>,
    /// How the outlets differ: corroborated, single-source and conflicting facts.
    pub comparison: Comparison,
}

impl Story {
    /// The story entity an article entity belongs to.
    pub fn entity_of(&self, article: usize, entity: usize) -> Option<usize> {
        self.entities.iter().position(|e| e.members.contains(&(article, entity)))
    }
}

/// Analysed articles and the stories they form.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The articles, in input order, with all their layers.
    pub docs: Vec<Doc>,
    /// The stories.
    pub stories: Vec<Story>,
}

/// Builds the cross-article layer over analysed documents, grouping them into stories.
pub fn build(docs: Vec<Doc>) -> Analysis {
    build_timed(docs).0
}

/// The time each part of [`build`] took, for `parallax bench`.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct StoryTimes {
    /// Grouping the articles into stories.
    pub clustering: std::time::Duration,
    /// Marking copies.
    pub dedup: std::time::Duration,
    /// Building each story: identities, timeline, quotes, comparison, summary.
    pub stories: std::time::Duration,
}

/// [`build`], with the time each of its parts took.
pub fn build_timed(mut docs: Vec<Doc>) -> (Analysis, StoryTimes) {
    let started = std::time::Instant::now();
    let clusters = group::Grouping::default().group(&docs);
    let clustering = started.elapsed();
    let started = std::time::Instant::now();
    dedup::mark_duplicates(&mut docs);
    let dedup = started.elapsed();
    let started = std::time::Instant::now();
    let analysis = build_stories_of_marked(docs, clusters);
    (analysis, StoryTimes { clustering, dedup, stories: started.elapsed() })
}

/// Builds the cross-article layer treating all documents as one story (the caller knows they
/// belong together).
pub fn build_one_story(docs: Vec<Doc>) -> Analysis {
    let all = if docs.is_empty() { Vec::new() } else { vec![(0..docs.len()).collect()] };
    build_with_stories(docs, all)
}

fn build_with_stories(mut docs: Vec<Doc>, clusters: Vec<Vec<usize>>) -> Analysis {
    // copies stay articles of their story; later copies point at the first
    dedup::mark_duplicates(&mut docs);
    build_stories_of_marked(docs, clusters)
}

/// One story over `docs` whose copies are already marked (`duplicate_of`): what an archive
/// does when a story's articles change. The documents are the articles' own analyses; the
/// story's inferences (dates of undated articles) are made on these copies.
pub fn build_marked_story(docs: Vec<Doc>) -> Analysis {
    let all = if docs.is_empty() { Vec::new() } else { vec![(0..docs.len()).collect()] };
    build_stories_of_marked(docs, all)
}

/// The stories `clusters` over documents whose copies are already marked.
pub(crate) fn build_stories_of_marked(mut docs: Vec<Doc>, clusters: Vec<Vec<usize>>) -> Analysis {
    for members in &clusters {
        for d in published::infer_published(&mut docs, members) {
            // the anchor changed: the stages that read it (and what reads them) run again, behind
            // the analysis's own language gate
            if let Some(doc) = docs.get_mut(d) {
                parallax_analyze::reanalyze(doc, &[Layer::Published]);
            }
        }
    }
    // one story's failure costs that story its facts, never the batch
    let mut failed = Vec::new();
    // stories are built in parallel, each from the articles alone, and kept in cluster order
    let built: Vec<(Vec<usize>, Result<Story, String>)> = clusters
        .into_par_iter()
        .map(|members| {
            let story = parallax_doc::guarded(|| build_story(&docs, members.clone()));
            (members, story)
        })
        .collect();
    let stories = built
        .into_iter()
        .map(|(members, story)| match story {
            Ok(story) => story,
            Err(panic) => {
                failed.push((members.clone(), panic));
                Story { articles: members, ..Story::default() }
            }
        })
        .collect();
    for (members, panic) in failed {
        for d in members {
            if let Some(doc) = docs.get_mut(d) {
                doc.diagnostics.push(Diagnostic {
                    stage: "story".into(),
                    kind: DiagnosticKind::Failed,
                    message: format!(
                        "building this article's story failed ({panic}); the story lists its articles only"
                    ),
                });
            }
        }
    }
    Analysis { docs, stories }
}

fn build_story(docs: &[Doc], articles: Vec<usize>) -> Story {
    let entities = identity::link_entities(docs, &articles);
    let index = identity::member_index(&entities);
    let entity_of = |d: usize, e: usize| index.get(&(d, e)).copied();
    let names = |i: usize| entities[i].name.clone();
    let (events, mut conflicts) = timeline::build_timeline(docs, &articles, entity_of, &names);
    let reports = reports::Reports::of(docs, &articles);
    let numbers = quantities::number_findings(docs, &articles);
    conflicts.extend(numbers.conflicts);
    let aligned_quotes = align::align_quotes(docs, &articles, &reports, entity_of);
    let quoted_speakers = align::quotes_by_speaker(docs, &entities);
    let people = identity::people_by_mentions(docs, &entities);
    let summary = summary::summarize(docs, &articles, &reports);
    let headline = summary::headline(docs, &articles, &summary);
    let outlets = articles.iter().map(|&d| docs[d].meta.outlet.clone()).collect();
    let comparison = comparison::compare(&events, &conflicts, &reports, &articles);
    Story {
        articles,
        entities,
        events,
        conflicts,
        updates: numbers.updates,
        attributed: numbers.attributed,
        aligned_quotes,
        quoted_speakers,
        people,
        summary,
        headline,
        outlets,
        comparison,
    }
}
