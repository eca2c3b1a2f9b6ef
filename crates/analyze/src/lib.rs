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
//! documents in parallel. Every stage after segmenting reads English; an article whose
//! [`Meta::language`](parallax_doc::Meta::language) is another language is only segmented, with a
//! note saying so (no language means English).
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

use parallax_doc::{Doc, Pipeline, Stage};

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

/// Runs every per-article stage on `doc`; a non-English article is only segmented (see [`is_english`]).
pub fn analyze(doc: &mut Doc) {
    if is_english(doc) {
        pipeline().run(doc);
        return;
    }
    segment::Segmenter.run(doc);
    let skipped: Vec<&str> = pipeline().stage_names().into_iter().filter(|&n| n != segment::Segmenter.name()).collect();
    let language = doc.meta.language.as_deref().unwrap_or_default();
    doc.notes.push(format!("language is {language}: English-only stages ({}) skipped", skipped.join(", ")));
}

/// True when `doc` is English or of unknown language (`en`, `en-GB`, `eng`, `English`, or none).
pub fn is_english(doc: &Doc) -> bool {
    let Some(language) = doc.meta.language.as_deref() else {
        return true;
    };
    let primary = language.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    primary.is_empty() || matches!(primary.as_str(), "en" | "eng" | "english")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str, language: Option<&str>) -> Doc {
        let mut doc = Doc::new("t", text.to_string());
        doc.meta.language = language.map(str::to_string);
        doc.meta.published = Some("2025-03-03".into());
        doc
    }

    #[test]
    fn a_german_article_is_segmented_and_noted_not_analysed() {
        let mut d = doc(
            "„Die Brücke ist sicher“, sagte Bürgermeisterin Anna Weber am Montag in Berlin. Sie wird im Juni geöffnet.",
            Some("de"),
        );
        analyze(&mut d);
        assert_eq!(d.sentences.len(), 2);
        assert!(d.entities.is_empty() && d.quotes.is_empty() && d.times.is_empty() && d.events.is_empty());
        assert_eq!(
            d.notes,
            vec!["language is de: English-only stages (entities, times, quotes, events) skipped".to_string()]
        );
    }

    #[test]
    fn english_and_unknown_language_are_analysed() {
        for language in [Some("en"), Some("en-GB"), None] {
            let mut d = doc("“The bridge is safe,” Mayor Anna Weber said on Monday in Berlin.", language);
            analyze(&mut d);
            assert_eq!(d.quotes.len(), 1, "{language:?}");
            assert!(!d.times.is_empty() && !d.entities.is_empty(), "{language:?}");
            assert!(d.notes.is_empty());
        }
    }
}
