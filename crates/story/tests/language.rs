//! The language gate holds across the story layer: an article in another language in a story of
//! English articles gets an inferred publication date like any other, but the English-only stages
//! it skipped stay skipped when the story layer re-runs what depends on that date.

use parallax_doc::{DiagnosticKind, Doc, Provenance};

fn article(source: &str, text: &str, language: &str, published: Option<&str>) -> Doc {
    let mut doc = Doc::new(source, text.to_string());
    doc.meta.language = Some(language.to_string());
    doc.meta.published = published.map(str::to_string);
    parallax_analyze::analyze(&mut doc);
    doc
}

#[test]
fn a_german_article_dated_from_its_story_gets_no_english_layers() {
    let english = [
        "Marco Rubio met Sergey Lavrov in Riyadh on Tuesday. The talks were held at the Diriyah Palace.",
        "Russian and American officials met in Riyadh on Tuesday, the foreign ministry said.",
    ];
    let german = "Die Gespräche in Riad seien gut verlaufen, schrieb der Sprecher am Dienstagabend auf \
                  Englisch: „Talks were held on Tuesday in Riyadh.“ Weitere Treffen sollen folgen.";
    let docs = vec![
        article("en-1", english[0], "en", Some("2025-02-19")),
        article("en-2", english[1], "en", Some("2025-02-19")),
        article("de-1", german, "de", None),
    ];
    assert!(docs[2].times.is_empty(), "not in English: the times stage was skipped");
    let analysis = parallax_story::build_one_story(docs);
    let de = &analysis.docs[2];
    assert_eq!(de.meta.published_from, Provenance::Inferred, "dated from its story: {:?}", de.meta.published);
    assert!(de.times.is_empty() && de.events.is_empty() && de.quotes.is_empty() && de.entities.is_empty());
    let kinds: Vec<DiagnosticKind> = de.diagnostics.iter().map(|d| d.kind).collect();
    assert_eq!(kinds, vec![DiagnosticKind::Skipped], "{:?}", de.diagnostics);
    let english_times: usize = analysis.docs[..2].iter().map(|d| d.times.len()).sum();
    assert!(english_times >= 2, "the English articles keep their times");
}
