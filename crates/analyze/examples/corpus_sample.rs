//! Prints what the temporal tagger or the event stage finds in a corpus of JSON lines (a `text`
//! field each), for inspection:
//!
//! ```text
//! cargo run --release -p parallax-analyze --example corpus_sample -- times [CORPUS]
//! cargo run --release -p parallax-analyze --example corpus_sample -- events [CORPUS]
//! ```
//!
//! `CORPUS` is the BBC corpus (`../shared/data/bbc/bbc_fulltext.jsonl`) by default; ECB+
//! (`../shared/data/ecbplus/ecbplus_docs.jsonl`) has news of shootings, elections and
//! acquisitions. Every article is dated 2005-03-16 (a Wednesday), as the BBC corpus gives no
//! dates.
//!
//! - `times`: a sample of 100 expressions (every one with `TIMES_ALL=1`), each with its value,
//!   kind and sentence, then the speed of segmenting and tagging.
//! - `events`: every election, attack, agreement and vote with its trigger, date, place,
//!   participants, status and sentence, then the count of each kind.

use std::collections::BTreeMap;
use std::time::Instant;

use parallax_analyze::segment::segment;
use parallax_doc::Doc;

/// The publication date given to every article.
const PUBLISHED: &str = "2005-03-16";

/// The string value of a field of a JSON line.
fn json_field(line: &str, field: &str) -> Option<String> {
    let record: serde_json::Value = serde_json::from_str(line).ok()?;
    record.get(field)?.as_str().map(str::to_string)
}

/// A dated document of `text`.
fn dated(text: String) -> Doc {
    let mut doc = Doc::new("corpus", text);
    doc.meta.published = Some(PUBLISHED.into());
    doc
}

/// Prints a sample of the time expressions of `texts` and the speed.
fn times(texts: &[String]) {
    let mut found = Vec::new();
    let started = Instant::now();
    for text in texts {
        let mut doc = dated(text.clone());
        segment(&mut doc);
        for t in parallax_analyze::times::tag(&doc) {
            let sentence = doc.sentence_at(t.span.start).map(|i| doc.slice(doc.sentences[i].span)).unwrap_or("");
            let around: String = sentence.chars().take(100).collect();
            found.push(format!("{:26} {:14} {:8} | {}", doc.slice(t.span), t.value, t.kind, around));
        }
    }
    let elapsed = started.elapsed();
    let every = std::env::var_os("TIMES_ALL").is_some();
    let step = if every { 1 } else { (found.len() / 100).max(1) };
    for f in found.iter().step_by(step).take(if every { usize::MAX } else { 100 }) {
        println!("{f}");
    }
    println!(
        "{} articles, {} expressions, {:.0} articles/s (segment + times)",
        texts.len(),
        found.len(),
        texts.len() as f64 / elapsed.as_secs_f64()
    );
}

/// Prints the elections, attacks, agreements and votes of `texts`, with their sentences.
fn events(texts: &[String]) {
    let mut counts = BTreeMap::new();
    for text in texts {
        let mut doc = dated(text.clone());
        parallax_analyze::analyze(&mut doc);
        for e in &doc.events {
            let kind = e.kind.as_str();
            if !["election", "attack", "agreement", "vote"].contains(&kind) {
                continue;
            }
            *counts.entry(kind).or_insert(0) += 1;
            let who: Vec<&str> = e.participants.iter().map(|&p| doc.entities[p].name.as_str()).collect();
            let sentence: String = doc.slice(doc.sentences[e.sentence].span).chars().take(160).collect();
            println!(
                "{kind:9} {:12} {:14} {:?} [{}] {:?} | {sentence}",
                doc.slice(e.trigger),
                e.time.map_or("-", |t| doc.times[t].value.as_str()),
                e.place.map(|p| doc.entities[p].name.as_str()),
                who.join(", "),
                e.status
            );
        }
    }
    println!("{counts:?}");
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let path = args.next().unwrap_or_else(|| "../shared/data/bbc/bbc_fulltext.jsonl".to_string());
    let run: fn(&[String]) = match mode.as_str() {
        "times" => times,
        "events" => events,
        _ => {
            eprintln!("usage: corpus_sample times|events [CORPUS.jsonl]");
            std::process::exit(2);
        }
    };
    let data = match std::fs::read_to_string(&path) {
        Ok(data) => data,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let texts: Vec<String> = data.lines().filter_map(|line| json_field(line, "text")).collect();
    run(&texts);
}
