//! Scores the shipped named-entity tagger on CoNLL-2003 data and measures its speed.
//!
//! `cargo run --release -p parallax-analyze --features train --example eval_ner -- VALID.txt [--weights FILE]
//! [--clusters FILE] [--errors]`
//!
//! Prints exact-match precision, recall and F1 per type, over all types and over PER/ORG/LOC,
//! then words per second of tagging on one thread (best of three passes over the file). With
//! `--errors`, first prints every sentence with a wrong entity: `+` predicted only, `-` gold only.
use std::time::Instant;

use parallax_analyze::entities::tagger::features::spans_of;
use parallax_analyze::entities::tagger::train::{evaluate, read_conll, tag_docs, TaggedDoc};
use parallax_analyze::entities::tagger::{NerTagger, NerType, CLUSTERS, WEIGHTS};

fn main() {
    let mut path = None;
    let mut weights = None;
    let mut clusters = None;
    let mut errors = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--weights" => weights = args.next(),
            "--clusters" => clusters = args.next(),
            "--errors" => errors = true,
            _ => path = Some(a),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: eval_ner DATA.txt [--weights FILE] [--clusters FILE] [--errors]");
        std::process::exit(2);
    };
    let docs = std::fs::read_to_string(&path).map_err(|e| e.to_string()).and_then(|t| read_conll(&t));
    let docs = docs.unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let read = |path: &str| {
        std::fs::read(path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        })
    };
    let weights = weights.as_deref().map_or_else(|| WEIGHTS.to_vec(), read);
    let clusters = clusters.as_deref().map_or_else(|| CLUSTERS.as_bytes().to_vec(), read);
    let clusters = String::from_utf8_lossy(&clusters);
    let tagger = NerTagger::from_parts(&weights, &clusters).unwrap_or_else(|e| {
        eprintln!("weights: {e}");
        std::process::exit(1);
    });
    let tagger = &tagger;
    if errors {
        print_errors(tagger, &docs);
    }
    let ev = evaluate(tagger, &docs);
    println!("{path}: {} documents, {} tokens, {} weights", docs.len(), ev.tokens, tagger.model().len());
    println!("{:<14} {:>9} {:>9} {:>9} {:>7} {:>7} {:>7}", "type", "precision", "recall", "F1", "tp", "fp", "fn");
    let row = |name: &str, c: parallax_analyze::entities::tagger::train::Counts| {
        println!(
            "{name:<14} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>7} {:>7}",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    };
    for (t, c) in NerType::ALL.iter().zip(ev.per_type) {
        row(t.as_str(), c);
    }
    row("PER/ORG/LOC", ev.per_org_loc());
    row("overall", ev.overall());
    // speed: wall time (best of three passes) and, on Linux, CPU time of the process over ten
    let mut best = f64::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let tagged = tag_docs(tagger, &docs);
        std::hint::black_box(&tagged);
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "speed: {:.0} words/s on one thread, wall clock ({} words in {:.3}s)",
        ev.tokens as f64 / best,
        ev.tokens,
        best
    );
    if let Some(before) = cpu_seconds() {
        for _ in 0..10 {
            std::hint::black_box(tag_docs(tagger, &docs));
        }
        if let Some(after) = cpu_seconds() {
            let secs = (after - before).max(0.01);
            println!(
                "speed: {:.0} words/s on one thread, CPU time ({} words in {secs:.2}s)",
                10.0 * ev.tokens as f64 / secs,
                10 * ev.tokens
            );
        }
    }
}

/// User + system CPU seconds of this process, from `/proc/self/stat` (Linux; 100 ticks/s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn print_errors(tagger: &NerTagger, docs: &[TaggedDoc]) {
    for (doc, pred) in docs.iter().zip(tag_docs(tagger, docs)) {
        for (s, p) in doc.iter().zip(pred) {
            let (g, p) = (spans_of(&s.tags), spans_of(&p));
            let show = |e: &(usize, usize, NerType)| format!("{}:{}", s.words[e.0..e.1].join(" "), e.2.as_str());
            let extra: Vec<String> = p.iter().filter(|e| !g.contains(e)).map(show).collect();
            let missed: Vec<String> = g.iter().filter(|e| !p.contains(e)).map(show).collect();
            if !extra.is_empty() || !missed.is_empty() {
                println!("{}\n  + {}\n  - {}", s.words.join(" "), extra.join(" | "), missed.join(" | "));
            }
        }
    }
}
