//! `parallax bench`: analysis throughput and peak memory over a corpus.

use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;

/// The resident-set high-water mark of this process in KiB, where the OS reports it.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Reads `inputs`, analyses them on `threads` threads and prints the figures.
pub fn run(inputs: &[String], threads: usize, stories: bool, store: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let (mut docs, failures) = crate::read_all(inputs, &[]);
    let read_secs = started.elapsed().as_secs_f64();
    let n_docs = docs.len();
    let n_words: usize = docs.iter().map(|d| d.word_count()).sum();
    let n_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .build()
        .context("cannot start the worker threads")?;
    // each stage timed on its own: per-stage cost is summed over worker threads
    let pipeline = parallax_analyze::pipeline();
    let names: Vec<&str> = pipeline.stage_names();
    let started = Instant::now();
    let stage_nanos: Vec<u128> = pool.install(|| {
        docs.par_iter_mut()
            .map(|doc| {
                // as `analyze` does: articles not in English are segmented only
                let english = parallax_analyze::is_english(doc);
                pipeline
                    .stages()
                    .map(|stage| {
                        if !parallax_analyze::runs_on(stage, english) {
                            return 0;
                        }
                        let t = Instant::now();
                        parallax_doc::Pipeline::run_stage(stage, doc);
                        t.elapsed().as_nanos()
                    })
                    .collect::<Vec<u128>>()
            })
            .reduce(|| vec![0; names.len()], |a, b| a.iter().zip(&b).map(|(x, y)| x + y).collect())
    });
    let analyze_secs = started.elapsed().as_secs_f64().max(1e-9);
    println!(
        "inputs read:     {n_docs} articles, {n_words} words, {:.1} MB of text in {read_secs:.2} s ({failures} failed)",
        n_bytes as f64 / 1e6
    );
    println!("analysis:        {analyze_secs:.3} s on {} thread(s)", threads.max(1));
    println!("articles/s:      {:.0}", n_docs as f64 / analyze_secs);
    println!("words/s:         {:.0}", n_words as f64 / analyze_secs);
    let total: u128 = stage_nanos.iter().sum::<u128>().max(1);
    let shares: Vec<String> = names
        .iter()
        .zip(&stage_nanos)
        .map(|(name, &n)| format!("{name} {:.1}%", 100.0 * n as f64 / total as f64))
        .collect();
    println!("time per stage:  {}", shares.join(", "));
    let n_quotes: usize = docs.iter().map(|d| d.quotes.len()).sum();
    let n_entities: usize = docs.iter().map(|d| d.entities.len()).sum();
    let n_times: usize = docs.iter().map(|d| d.times.len()).sum();
    println!("found:           {n_entities} entities, {n_quotes} quotes, {n_times} times");
    // with --store, the two parts compared are timed REPEATS times, in turn (so a busy spell of
    // the machine falls on both), and the medians compared: one run of either varies by a tenth
    let repeats = if store { REPEATS } else { 1 };
    let db = std::env::temp_dir().join(format!("parallax-bench-{}.db", std::process::id()));
    if stories || store {
        let mut story_runs = Vec::new();
        let mut store_runs = Vec::new();
        let mut found = 0;
        for _ in 0..repeats {
            let copy = docs.clone();
            let started = Instant::now();
            let analysis = pool.install(|| parallax_story::build(copy));
            let build = started.elapsed().as_secs_f64();
            // what `analyze` does next: write the JSON (here to nowhere)
            let started = Instant::now();
            serde_json::to_writer(std::io::sink(), &parallax_story::report::AnalysisJson(&analysis))
                .context("writing the analysis")?;
            story_runs.push((build, started.elapsed().as_secs_f64()));
            found = analysis.stories.len();
            drop(analysis);
            if store {
                store_runs.push(pool.install(|| ingest_into(&db, inputs, docs.clone()))?);
            }
        }
        story_runs.sort_by(|a, b| (a.0 + a.1).total_cmp(&(b.0 + b.1)));
        let (secs, write_secs) = story_runs[story_runs.len() / 2];
        println!("stories:         {found} in {secs:.3} s{}", median_note(repeats));
        println!("JSON written:    {write_secs:.3} s");
        let stories_secs = secs + write_secs;
        store_runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        if !store_runs.is_empty() {
            let (secs, counts, size) = store_runs.swap_remove(store_runs.len() / 2);
            let analyze_total = analyze_secs + stories_secs;
            let ingest_total = analyze_secs + secs;
            println!(
                "ingest:          store part {secs:.3} s{} (copies, stories, story builds, writes) for {} new articles, {} stories; archive {:.1} MB",
                median_note(repeats),
                counts.new,
                counts.stories_new,
                size as f64 / 1e6
            );
            println!(
                "vs analyze:      analyze = analysis + stories + JSON {analyze_total:.3} s ({:.0} articles/s); ingest = analysis + store {ingest_total:.3} s ({:.0} articles/s)",
                n_docs as f64 / analyze_total,
                n_docs as f64 / ingest_total
            );
            println!(
                "store overhead:  ingest takes {:+.1}% of analyze's time; the store part is {:.1}% of the analysis stages' time",
                100.0 * (ingest_total - analyze_total) / analyze_total,
                100.0 * secs / analyze_secs
            );
        }
    }
    match peak_rss_kib() {
        Some(kib) => println!("peak memory:     {:.1} MiB (VmHWM)", kib as f64 / 1024.0),
        None => println!("peak memory:     not reported by this OS"),
    }
    Ok(ExitCode::SUCCESS)
}

/// How many times `bench --store` times the story part of `analyze` and the store part of `ingest`.
const REPEATS: usize = 3;

/// " (median of N runs)" when a figure is a median.
fn median_note(runs: usize) -> String {
    if runs > 1 {
        format!(" (median of {runs} runs)")
    } else {
        String::new()
    }
}

/// Ingests analysed `docs` into a fresh archive at `path` (removed afterwards), a batch at a time
/// as `parallax ingest` does; returns the seconds the store part took, its counts and the file size.
fn ingest_into(
    path: &std::path::Path,
    inputs: &[String],
    docs: Vec<parallax_doc::Doc>,
) -> Result<(f64, parallax_store::RunCounts, u64)> {
    let remove = |p: &std::path::Path| {
        for file in parallax_store::Store::files_of(p) {
            let _ = std::fs::remove_file(file);
        }
    };
    remove(path);
    let started = Instant::now();
    let mut store = parallax_store::Store::open(path)?;
    let mut ingest = parallax_store::Ingest::start(&mut store, inputs, parallax_analyze::analyze)?;
    let mut docs = docs.into_iter().peekable();
    while docs.peek().is_some() {
        let batch: Vec<_> = docs.by_ref().take(crate::archive::DEFAULT_BATCH).collect();
        ingest.add_batch(batch)?;
    }
    let (counts, _) = ingest.finish()?;
    drop(store);
    let secs = started.elapsed().as_secs_f64();
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    remove(path);
    Ok((secs, counts, size))
}

/// Queries per kind in `bench --archive`.
const LATENCY_QUERIES: usize = 200;

/// `parallax bench --archive FILE`: latency of `search` (1-word, 3-word and phrase queries, with
/// and without filters) and of opening a story, over an existing archive. Query words are taken
/// from the archive's own titles (a fixed pseudo-random sample), so every query can match.
pub fn archive_latency(db: &std::path::Path) -> Result<ExitCode> {
    let store = parallax_store::Store::open_existing(db)?;
    let (articles, stories, quotes) = store.counts()?;
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
    println!(
        "archive:         {} — {articles} articles, {stories} stories, {quotes} quotes, {:.1} MB",
        db.display(),
        size as f64 / 1e6
    );
    let titles = store.sample_titles(LATENCY_QUERIES * 3)?;
    let words: Vec<Vec<String>> = titles
        .iter()
        .map(|t| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 3)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|w: &Vec<String>| w.len() >= 3)
        .collect();
    let outlets = store.outlets()?;
    let some_outlet = outlets.first().cloned();
    let plain = parallax_store::SearchFilter { limit: 20, ..Default::default() };
    let filtered = parallax_store::SearchFilter {
        outlet: some_outlet.clone(),
        since: Some("2000-01-01".into()),
        limit: 20,
        ..Default::default()
    };
    let kinds: [(&str, MakeQuery); 3] = [
        ("1 word", |w| w[0].clone()),
        ("3 words", |w| w[..3].join(" ")),
        ("phrase", |w| format!("\"{} {}\"", w[0], w[1])),
    ];
    for (name, make) in kinds {
        for (label, filter) in [("", &plain), (" + filters", &filtered)] {
            let mut times = Vec::new();
            let mut hits = 0usize;
            for w in words.iter().take(LATENCY_QUERIES) {
                let q = make(w);
                let started = Instant::now();
                hits += store.search(&q, filter)?.len();
                times.push(started.elapsed());
            }
            let (p50, p99) = percentiles(&mut times);
            println!(
                "search {name}{label}:{}p50 {:.2} ms, p99 {:.2} ms ({} queries, {:.1} hits each)",
                " ".repeat(20usize.saturating_sub(name.len() + label.len())),
                p50,
                p99,
                times.len(),
                hits as f64 / times.len().max(1) as f64
            );
        }
    }
    let ids = store.story_ids()?;
    let mut times = Vec::new();
    let step = (ids.len() / LATENCY_QUERIES).max(1);
    for &id in ids.iter().step_by(step).take(LATENCY_QUERIES) {
        let started = Instant::now();
        let story = store.story(id)?;
        let quotes = store.quotes(Some(id), &parallax_store::SearchFilter::default())?;
        std::hint::black_box((story, quotes));
        times.push(started.elapsed());
    }
    let (p50, p99) = percentiles(&mut times);
    println!(
        "open a story:                p50 {p50:.2} ms, p99 {p99:.2} ms ({} stories: row, brief, timeline, quotes)",
        times.len()
    );
    if let Some(o) = some_outlet {
        println!("(filters: outlet {o:?}, since 2000-01-01)");
    }
    Ok(ExitCode::SUCCESS)
}

/// Builds a query from a title's words.
type MakeQuery = fn(&[String]) -> String;

/// p50 and p99 of `times`, in milliseconds.
fn percentiles(times: &mut [std::time::Duration]) -> (f64, f64) {
    times.sort_unstable();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    (at(0.5), at(0.99))
}
