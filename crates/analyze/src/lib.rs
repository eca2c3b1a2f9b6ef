//! Per-article analysis: the stages that annotate one [`Doc`] in place.
//!
//! Each stage lives in its own module and implements [`parallax_doc::Stage`]:
//!
//! | stage | module | requires | provides |
//! |---|---|---|---|
//! | [`segment::Segmenter`] | `segment` | — | paragraphs, tokens, sentences |
//! | [`entities::EntityTagger`] | `entities` | sentences, tokens | entities (roles, coreference) |
//! | [`times::TimeTagger`] | `times` | sentences, tokens | times |
//! | [`quotes::QuoteFinder`] | `quotes` | sentences, tokens, entities | quotes |
//! | [`events::EventFinder`] | `events` | sentences, entities, times | events |
//!
//! Analysis of one article is a pure function of that article: [`analyze`] can run on many
//! documents in parallel.
//!
//! ```
//! let mut doc = parallax_doc::Doc::new("x", "Marco Rubio said on Monday: “We will talk.”".into());
//! doc.meta.published = Some("2025-02-17".into());
//! parallax_analyze::analyze(&mut doc);
//! assert!(!doc.sentences.is_empty());
//! ```

pub mod entities;
pub mod events;
pub mod lexicon;
pub mod quotes;
pub mod segment;
pub mod times;

use std::sync::OnceLock;

use parallax_doc::{Doc, Pipeline};

/// The standard pipeline, built (and checked) once.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| {
        Pipeline::new(vec![
            Box::new(segment::Segmenter),
            Box::new(entities::EntityTagger),
            Box::new(times::TimeTagger),
            Box::new(quotes::QuoteFinder),
            Box::new(events::EventFinder),
        ])
        .expect("the standard stages are listed in dependency order")
    })
}

/// Runs every per-article stage on `doc`.
pub fn analyze(doc: &mut Doc) {
    pipeline().run(doc);
}
