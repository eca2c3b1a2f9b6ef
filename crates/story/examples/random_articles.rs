//! A fast, uninstrumented robustness sweep: random token sequences (drawn from the words a real
//! article of the corpus uses, plus the marks and cues the rules react to) through every analysis
//! stage and the story build, for a given time. Each distinct failure (stage and panic location)
//! is printed once with the shortest article that caused it, and written to `OUT_DIR` as a text
//! file, ready to become a regression case in `tests/fixtures/crash/`.
//!
//! ```text
//! cargo run --release -p parallax-story --example random_articles -- [SECONDS] [CORPUS.jsonl|DIR] [OUT_DIR]
//! ```
//!
//! Defaults: 60 seconds, words from `examples/riyadh`, findings in `target/random_articles/`.
//! The exit code is 1 when anything failed. The coverage-guided counterpart is the `analyze`
//! target in `fuzz/`.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use parallax_doc::Doc;

/// Marks, cues and function words that the rules look for, added to the corpus words.
const RULE_WORDS: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "-",
    "(",
    ")",
    "\n\n",
    "\n",
    "said",
    "told",
    "accused",
    "of",
    "according",
    "to",
    "he",
    "she",
    "it",
    "they",
    "who",
    "the",
    "a",
    "Mr.",
    "on",
    "in",
    "at",
    "by",
    "Monday",
    "last",
    "next",
    "week",
    "2025",
    "will",
    "was",
    "met",
    "talks",
    "visit",
    "called",
    "saying",
    "adding",
];

/// A small xorshift generator: reproducible sweeps without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The vocabulary: every distinct whitespace-separated word of the corpus, split from its
/// punctuation, plus [`RULE_WORDS`].
fn vocabulary(corpus: &str) -> Vec<String> {
    let mut words: Vec<String> = RULE_WORDS.iter().map(|w| w.to_string()).collect();
    for doc in parallax_ingest::read_inputs(&[corpus.to_string()]).flatten().take(500) {
        for word in doc.text.split_whitespace() {
            let core = word.trim_matches(|c: char| !c.is_alphanumeric());
            if !core.is_empty() {
                words.push(core.to_string());
            }
        }
    }
    words.sort();
    words.dedup();
    words
}

/// One random article of up to `max_words` tokens.
fn article(rng: &mut Rng, words: &[String], max_words: usize) -> String {
    let n = 1 + rng.below(max_words);
    let mut text = String::new();
    for _ in 0..n {
        let word = words.get(rng.below(words.len())).map_or("", String::as_str);
        if !text.is_empty() && !matches!(word, "," | "." | ":" | ";" | "?" | "!" | "”") {
            text.push(' ');
        }
        text.push_str(word);
    }
    text
}

/// What tells failures apart: the stage and where it panicked ("quotes at crates/…/mod.rs:531"),
/// else the whole message.
fn failure_key(stage: &str, message: &str) -> String {
    match message.rsplit_once(" at ") {
        Some((_, rest)) => format!("{stage} at {}", rest.split(')').next().unwrap_or(rest)),
        None => format!("{stage}: {message}"),
    }
}

/// The failures of one batch: (stage and panic location, the article's text).
fn failures(texts: &[String], published: Option<&str>) -> Vec<(String, String)> {
    let docs: Vec<Doc> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut doc = Doc::new(format!("random-{i}"), text.clone());
            doc.meta.published = published.map(str::to_string);
            parallax_analyze::analyze(&mut doc);
            doc
        })
        .collect();
    let analysis = parallax_story::build(docs);
    let mut out = Vec::new();
    for doc in &analysis.docs {
        for d in doc.diagnostics.iter().filter(|d| d.is_failure()) {
            out.push((failure_key(&d.stage, &d.message), doc.text.clone()));
        }
    }
    out
}

fn main() {
    parallax_doc::capture_panic_locations();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seconds: u64 = args.first().and_then(|s| s.parse().ok()).unwrap_or(60);
    let corpus = args.get(1).cloned().unwrap_or_else(|| "examples/riyadh".to_string());
    let out_dir = args.get(2).cloned().unwrap_or_else(|| "target/random_articles".to_string());
    let words = vocabulary(&corpus);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    let started = Instant::now();
    let mut runs = 0u64;
    while started.elapsed() < Duration::from_secs(seconds) {
        let n_articles = 1 + rng.below(3);
        let texts: Vec<String> = (0..n_articles).map(|_| article(&mut rng, &words, 60)).collect();
        let published = if rng.below(2) == 0 { Some("2025-02-19") } else { None };
        for (failure, text) in failures(&texts, published) {
            let slot = found.entry(failure).or_insert_with(|| text.clone());
            if text.len() < slot.len() {
                *slot = text;
            }
        }
        runs += 1;
    }
    println!("{runs} runs of 1-3 random articles in {seconds} s; {} distinct failures", found.len());
    if found.is_empty() {
        return;
    }
    if let Err(err) = std::fs::create_dir_all(&out_dir) {
        eprintln!("cannot create {out_dir}: {err}");
    }
    for (i, (failure, text)) in found.iter().enumerate() {
        println!("\n{failure}\n    {text:?}");
        let path = format!("{out_dir}/failure_{i:03}.txt");
        if let Err(err) = std::fs::write(&path, text) {
            eprintln!("cannot write {path}: {err}");
        }
    }
    std::process::exit(1);
}
