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
//! documents in parallel. The [`pipeline`] is the only door: every stage runs behind its guard
//! (a stage that panics is cleared and leaves a failed diagnostic; the others go on), and the
//! language gate lives here, in [`analyze`] and [`reanalyze`]: every stage after segmenting reads
//! English, so an article whose [`Meta::language`](parallax_doc::Meta::language) is another
//! language is only segmented, with a diagnostic saying so (no language means English).
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

use parallax_doc::{Diagnostic, DiagnosticKind, Doc, Layer, Pipeline, Stage};

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

/// Runs every per-article stage on `doc`, each behind the pipeline's guard; a non-English
/// article is only segmented (see [`is_english`]) and gets a diagnostic naming the stages skipped.
pub fn analyze(doc: &mut Doc) {
    analyze_timed(doc);
}

/// [`analyze`], returning the time each stage of [`pipeline`] took on `doc`, in order (zero for
/// a stage the language gate skipped): what `parallax bench` reports.
pub fn analyze_timed(doc: &mut Doc) -> Vec<std::time::Duration> {
    let english = is_english(doc);
    let times = pipeline()
        .stages()
        .map(|stage| {
            if !runs_on(stage, english) {
                return std::time::Duration::ZERO;
            }
            let started = std::time::Instant::now();
            parallax_doc::Pipeline::run_stage(stage, doc);
            started.elapsed()
        })
        .collect();
    if english {
        return times;
    }
    let skipped: Vec<&str> = pipeline().stages().filter(|s| !runs_on(*s, false)).map(|s| s.name()).collect();
    let language = doc.meta.language.as_deref().unwrap_or_default();
    doc.diagnostics.push(Diagnostic {
        stage: "language".into(),
        kind: DiagnosticKind::Skipped,
        message: format!("language is {language}: English-only stages ({}) skipped", skipped.join(", ")),
    });
    times
}

/// Recomputes the stages of an analysed `doc` that depend on the `changed` layers or inputs
/// (e.g. [`Layer::Published`] after the story layer inferred a publication date), respecting
/// the language gate: the stages an article in another language skipped stay skipped. Returns
/// the stages re-run.
pub fn reanalyze(doc: &mut Doc, changed: &[Layer]) -> Vec<&'static str> {
    let english = is_english(doc);
    pipeline().rerun_after(doc, changed, |stage| runs_on(stage, english))
}

/// The language gate: whether `stage` runs on an article that is (or is not) in English.
pub fn runs_on(stage: &dyn Stage, english: bool) -> bool {
    english || stage.language_independent()
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
            d.notes().collect::<Vec<_>>(),
            vec!["language is de: English-only stages (entities, times, quotes, events) skipped"]
        );
        assert_eq!(d.diagnostics[0].kind, DiagnosticKind::Skipped);
    }

    #[test]
    fn reanalysis_after_a_new_date_respects_the_language_gate() {
        let text = "Die Konferenz beginnt am Montag in Berlin. Scholz said on Monday: “We will talk.”";
        let mut german = doc(text, Some("de"));
        german.meta.published = None;
        analyze(&mut german);
        german.meta.published = Some("2025-03-03".into());
        assert!(reanalyze(&mut german, &[Layer::Published]).is_empty());
        assert!(german.times.is_empty() && german.events.is_empty());

        let mut english = doc("Scholz met Macron in Berlin on Monday.", Some("en"));
        english.meta.published = None;
        analyze(&mut english);
        assert!(english.times.iter().all(|t| !t.value.starts_with("2025")));
        english.meta.published = Some("2025-03-05".into());
        assert_eq!(reanalyze(&mut english, &[Layer::Published]), vec!["times", "events"]);
        let values: Vec<&str> = english.times.iter().map(|t| t.value.as_str()).collect();
        assert_eq!(values, vec!["2025-03-03"]);
    }

    #[test]
    fn english_and_unknown_language_are_analysed() {
        for language in [Some("en"), Some("en-GB"), None] {
            let mut d = doc("“The bridge is safe,” Mayor Anna Weber said on Monday in Berlin.", language);
            analyze(&mut d);
            assert_eq!(d.quotes.len(), 1, "{language:?}");
            assert!(!d.times.is_empty() && !d.entities.is_empty(), "{language:?}");
            assert!(d.diagnostics.is_empty());
        }
    }
}
