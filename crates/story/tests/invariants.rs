//! ARCHITECTURE.md's per-article invariants, checked over every article the repository ships
//! (the example story and `tests/fixtures/`):
//!
//! - every span of every layer lies inside `Doc::text`, on character boundaries, and every index
//!   a layer holds into another layer is in range;
//! - per-article analysis is a pure function of the article: analysing a fresh copy gives the same
//!   layers, and the story layer only adds (an inferred date re-runs what depends on it).

use std::path::Path;

use parallax_doc::{Doc, Span};

/// The articles under `dirs` of the repository, read and analysed.
fn articles(dirs: &[&str]) -> Vec<Doc> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let inputs: Vec<String> = dirs.iter().map(|d| root.join(d).to_string_lossy().into_owned()).collect();
    let mut docs: Vec<Doc> = parallax_ingest::read_inputs(&inputs).filter_map(Result::ok).collect();
    for doc in &mut docs {
        parallax_analyze::analyze(doc);
    }
    assert!(docs.len() > dirs.len(), "only {} articles read", docs.len());
    docs
}

/// Every problem with the spans and cross-layer indices of `doc`.
fn span_problems(doc: &Doc) -> Vec<String> {
    let text = &doc.text;
    let bad_span = |s: Span| {
        s.start > s.end || s.end > text.len() || !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end)
    };
    let mut problems = Vec::new();
    let mut check = |what: &str, s: Span| {
        if bad_span(s) {
            problems.push(format!("{}: {what} {s:?}", doc.source));
        }
    };
    doc.paragraphs.iter().for_each(|&p| check("paragraph", p));
    doc.sentences.iter().for_each(|s| check("sentence", s.span));
    doc.tokens.iter().for_each(|t| check("token", t.span));
    doc.mentions.iter().for_each(|m| check("mention", m.span));
    doc.entities.iter().flat_map(|e| &e.roles).for_each(|r| check("role", r.span));
    for q in &doc.quotes {
        check("quote", q.span);
        q.cue.into_iter().for_each(|c| check("cue", c));
        q.speaker_span.into_iter().for_each(|c| check("speaker", c));
        q.speaker_antecedent.into_iter().for_each(|c| check("speaker antecedent", c));
    }
    doc.times.iter().for_each(|t| check("time", t.span));
    doc.events.iter().for_each(|e| check("event trigger", e.trigger));
    let (n_tokens, n_sentences, n_entities, n_times) =
        (doc.tokens.len(), doc.sentences.len(), doc.entities.len(), doc.times.len());
    if doc.lower.len() != text.len() {
        problems.push(format!(
            "{}: lower-cased view of {} bytes for {} bytes of text",
            doc.source,
            doc.lower.len(),
            text.len()
        ));
    }
    for s in &doc.sentences {
        if s.tokens.end > n_tokens || s.tokens.start > s.tokens.end {
            problems.push(format!("{}: sentence tokens {:?} of {n_tokens}", doc.source, s.tokens));
        }
    }
    for (i, t) in doc.tokens.iter().enumerate() {
        let sentence_holds_it = doc.sentences.get(t.sentence).is_some_and(|s| s.tokens.contains(&i));
        if !sentence_holds_it {
            problems.push(format!("{}: token {i} says sentence {} but is not in it", doc.source, t.sentence));
        }
    }
    for r in &doc.quote_regions {
        if r.open >= n_tokens || r.end > n_tokens || r.close.is_some_and(|c| c >= n_tokens) {
            problems.push(format!("{}: quote region {r:?} of {n_tokens} tokens", doc.source));
        }
    }
    if doc.mentions.iter().any(|m| m.entity >= n_entities)
        || doc.quotes.iter().any(|q| q.speaker_entity.is_some_and(|e| e >= n_entities))
    {
        problems.push(format!("{}: an entity index out of range", doc.source));
    }
    for e in &doc.events {
        let bad = e.sentence >= n_sentences
            || e.participants.iter().any(|&p| p >= n_entities)
            || e.place.is_some_and(|p| p >= n_entities)
            || e.time.is_some_and(|t| t >= n_times);
        if bad {
            problems.push(format!("{}: event index out of range {e:?}", doc.source));
        }
    }
    problems
}

#[test]
fn every_span_points_into_the_text_and_every_index_is_in_range() {
    let analysis =
        parallax_story::build(articles(&["examples/riyadh", "tests/fixtures/nairobi", "tests/fixtures/ingest"]));
    let problems: Vec<String> = analysis.docs.iter().flat_map(span_problems).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let quotes: usize = analysis.docs.iter().map(|d| d.quotes.len()).sum();
    let regions: usize = analysis.docs.iter().map(|d| d.quote_regions.len()).sum();
    assert!(quotes > 0 && regions > 0, "the check saw quotes ({quotes}) and quotation regions ({regions})");
}

#[test]
fn analysis_is_a_pure_function_of_the_article() {
    for doc in articles(&["examples/riyadh", "tests/fixtures/nairobi"]) {
        let mut again = Doc::new(doc.source.clone(), doc.text.clone());
        again.meta = doc.meta.clone();
        again.diagnostics = doc.diagnostics.iter().filter(|d| d.stage == "ingest").cloned().collect();
        parallax_analyze::analyze(&mut again);
        assert_eq!(again.tokens, doc.tokens, "{}", doc.source);
        assert_eq!(again.entities, doc.entities, "{}", doc.source);
        assert_eq!(again.mentions, doc.mentions, "{}", doc.source);
        assert_eq!(again.quotes, doc.quotes, "{}", doc.source);
        assert_eq!(again.times, doc.times, "{}", doc.source);
        assert_eq!(again.events, doc.events, "{}", doc.source);
    }
}
