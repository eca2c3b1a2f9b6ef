//! `parallax bench`: the whole path of `analyze` over a corpus, phase by phase, and peak memory.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use parallax_ingest::{BuildTimes, Record};
use parallax_story::StoryTimes;
use rayon::prelude::*;

/// The resident-set high-water mark of this process in KiB, where the OS reports it.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// One run of the whole path `analyze --format json` takes, phase by phase.
struct PathRun {
    /// Wall-clock seconds from the first read to the last byte of JSON.
    total: f64,
    /// Wall-clock seconds splitting the inputs into records (one thread, as `analyze` does).
    read: f64,
    /// Wall-clock seconds building and analysing the articles (all threads).
    build_and_analyze: f64,
    /// Thread-seconds of building, by phase.
    build: BuildTimes,
    /// Thread-seconds of each analysis stage.
    stages: Vec<Duration>,
    /// The story layer's parts (wall-clock).
    stories: StoryTimes,
    /// Wall-clock seconds writing the JSON.
    output: f64,
    /// Bytes of JSON written.
    output_bytes: u64,
    articles: usize,
    words: usize,
    text_bytes: usize,
    failed: usize,
    entities: usize,
    quotes: usize,
    times: usize,
    stories_found: usize,
}

/// Runs the whole path of `analyze --format json` over `inputs` on `pool`; returns its phases
/// and, when `keep`, a copy of the analysed articles (made outside the timed path).
fn whole_path(inputs: &[String], pool: &rayon::ThreadPool, keep: bool) -> Result<(PathRun, Vec<parallax_doc::Doc>)> {
    let stages = parallax_analyze::pipeline().stage_names().len();
    let started = Instant::now();
    let records: Vec<Record> = parallax_ingest::read_records_except(inputs, &[]).collect();
    let read = started.elapsed().as_secs_f64();
    let built_at = Instant::now();
    let built: Vec<_> = pool.install(|| {
        records
            .into_par_iter()
            .map(|record| {
                let (built, times) = record.build_timed();
                match built {
                    Ok(mut doc) => {
                        let stages = parallax_analyze::analyze_timed(&mut doc);
                        (Ok(doc), times, stages)
                    }
                    Err(e) => (Err(e), times, Vec::new()),
                }
            })
            .collect()
    });
    let build_and_analyze = built_at.elapsed().as_secs_f64();
    let mut build = BuildTimes::default();
    let mut stage_times = vec![Duration::ZERO; stages];
    let mut docs = Vec::with_capacity(built.len());
    let mut failed = 0;
    for (doc, times, stages) in built {
        build.add(&times);
        for (sum, t) in stage_times.iter_mut().zip(&stages) {
            *sum += *t;
        }
        match doc {
            Ok(doc) => docs.push(doc),
            Err(err) => {
                eprintln!("parallax: {err}");
                failed += 1;
            }
        }
    }
    let (articles, words, text_bytes) =
        (docs.len(), docs.iter().map(|d| d.word_count()).sum(), docs.iter().map(|d| d.text.len()).sum());
    let (entities, quotes, times) = (
        docs.iter().map(|d| d.entities.len()).sum(),
        docs.iter().map(|d| d.quotes.len()).sum(),
        docs.iter().map(|d| d.times.len()).sum(),
    );
    let copied_at = Instant::now();
    let kept = if keep { docs.clone() } else { Vec::new() };
    let copying = copied_at.elapsed().as_secs_f64();
    let (analysis, stories) = pool.install(|| parallax_story::build_timed(docs));
    let output_at = Instant::now();
    let mut out = Counter(0);
    serde_json::to_writer_pretty(&mut out, &parallax_story::report::AnalysisJson(&analysis))
        .context("writing the analysis")?;
    let output = output_at.elapsed().as_secs_f64();
    let total = started.elapsed().as_secs_f64() - copying;
    let run = PathRun {
        total,
        read,
        build_and_analyze,
        build,
        stages: stage_times,
        stories,
        output,
        output_bytes: out.0,
        articles,
        words,
        text_bytes,
        failed,
        entities,
        quotes,
        times,
        stories_found: analysis.stories.len(),
    };
    Ok((run, kept))
}

/// A writer that only counts bytes.
struct Counter(u64);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes of the files `inputs` name (directories walked); standard input counts nothing.
fn input_bytes(inputs: &[String]) -> u64 {
    fn size(path: &std::path::Path) -> u64 {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => std::fs::read_dir(path)
                .map(|entries| entries.filter_map(|e| e.ok()).map(|e| size(&e.path())).sum())
                .unwrap_or(0),
            Ok(m) => m.len(),
            Err(_) => 0,
        }
    }
    inputs.iter().filter(|i| *i != "-").map(|i| size(std::path::Path::new(i))).sum()
}

/// `parallax bench`: runs the whole path of `analyze --format json` over `inputs` `runs` times
/// on `threads` threads and prints the median run, phase by phase; with `store`, also the store
/// part of `parallax ingest` against the story part of `analyze`.
pub fn run(inputs: &[String], threads: usize, runs: usize, store: bool) -> Result<ExitCode> {
    let args: Vec<String> = std::env::args().collect();
    println!("command:         {}", args.join(" "));
    let threads = threads.max(1);
    let pool =
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("cannot start the worker threads")?;
    let mut all = Vec::new();
    let mut docs = Vec::new();
    for _ in 0..runs.max(1) {
        let (run, kept) = whole_path(inputs, &pool, store)?;
        all.push(run);
        docs = kept;
    }
    let totals: Vec<String> = all.iter().map(|r| format!("{:.3}", r.total)).collect();
    all.sort_by(|a, b| a.total.total_cmp(&b.total));
    let run = all.swap_remove(all.len() / 2);
    let bytes = input_bytes(inputs);
    let per = |secs: f64| secs.max(1e-9);
    println!(
        "input:           {} articles ({} failed), {} words, {:.1} MB of files, {:.1} MB of text",
        run.articles,
        run.failed,
        run.words,
        bytes as f64 / 1e6,
        run.text_bytes as f64 / 1e6
    );
    println!(
        "end to end:      {:.3} s on {threads} thread(s){}: {:.0} articles/s, {:.0} words/s, {:.1} MB/s of input",
        run.total,
        if totals.len() > 1 {
            format!(" (median of {} runs: {})", totals.len(), totals.join(", "))
        } else {
            String::new()
        },
        run.articles as f64 / per(run.total),
        run.words as f64 / per(run.total),
        bytes as f64 / 1e6 / per(run.total)
    );
    let stage_secs: f64 = run.stages.iter().map(Duration::as_secs_f64).sum();
    let b = &run.build;
    let build_secs = b.total.as_secs_f64();
    println!("phases (wall-clock s; building and the stages are thread-seconds, their sum over threads):");
    println!("  read           {:>8.3}  splitting the inputs into records", run.read);
    println!(
        "  build          {:>8.3}  parse {:.3}, html {:.3}, clean {:.3}, language {:.3}, outlet+dates {:.3}; {:.1} MB/s of input per thread",
        build_secs,
        b.parse().as_secs_f64(),
        b.html.as_secs_f64(),
        b.clean.as_secs_f64(),
        b.language.as_secs_f64(),
        b.metadata.as_secs_f64(),
        bytes as f64 / 1e6 / per(build_secs + run.read)
    );
    let names = parallax_analyze::pipeline().stage_names();
    let shares: Vec<String> = names
        .iter()
        .zip(&run.stages)
        .map(|(name, t)| format!("{name} {:.3} ({:.0}%)", t.as_secs_f64(), 100.0 * t.as_secs_f64() / per(stage_secs)))
        .collect();
    println!(
        "  analysis       {stage_secs:>8.3}  {}; {:.0} words/s per thread",
        shares.join(", "),
        run.words as f64 / per(stage_secs)
    );
    println!("  (build+analysis wall-clock {:.3} s)", run.build_and_analyze);
    let st = &run.stories;
    let story_secs = (st.clustering + st.dedup + st.stories).as_secs_f64();
    println!(
        "  stories        {story_secs:>8.3}  clustering {:.3}, copies {:.3}, stories {:.3}; {} stories; {:.0}% of the analysis stages",
        st.clustering.as_secs_f64(),
        st.dedup.as_secs_f64(),
        st.stories.as_secs_f64(),
        run.stories_found,
        100.0 * story_secs / per(stage_secs)
    );
    println!("  output         {:>8.3}  {:.1} MB of JSON", run.output, run.output_bytes as f64 / 1e6);
    println!("found:           {} entities, {} quotes, {} times", run.entities, run.quotes, run.times);
    if store {
        compare_store(inputs, &pool, docs, run.total - run.read - run.build_and_analyze)?;
    }
    match peak_rss_kib() {
        Some(kib) => println!("peak memory:     {:.1} MiB (VmHWM)", kib as f64 / 1024.0),
        None => println!("peak memory:     not reported by this OS"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `bench --store`: the store part of `parallax ingest` (copies, stories, writes) over the
/// analysed `docs`, timed [`REPEATS`] times, against `stories_secs`, the part of `analyze` after
/// the analysis (stories and JSON).
fn compare_store(
    inputs: &[String],
    pool: &rayon::ThreadPool,
    docs: Vec<parallax_doc::Doc>,
    stories_secs: f64,
) -> Result<()> {
    let db = std::env::temp_dir().join(format!("parallax-bench-{}.db", std::process::id()));
    let mut runs = Vec::new();
    for _ in 0..REPEATS {
        runs.push(pool.install(|| ingest_into(&db, inputs, docs.clone()))?);
    }
    runs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (secs, counts, size) = runs.swap_remove(runs.len() / 2);
    println!(
        "ingest:          store part {secs:.3} s{} (copies, stories, story builds, writes) for {} new articles, {} stories; archive {:.1} MB",
        median_note(REPEATS),
        counts.new,
        counts.stories_new,
        size as f64 / 1e6
    );
    println!(
        "store overhead:  the store part takes {:+.1}% of the time analyze spends after the analysis ({stories_secs:.3} s)",
        100.0 * (secs - stories_secs) / stories_secs.max(1e-9)
    );
    Ok(())
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
