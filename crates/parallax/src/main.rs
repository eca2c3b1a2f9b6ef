//! `parallax`: cited, cross-source news intelligence from raw articles.
//!
//! The binary is glue: it reads inputs with `parallax-ingest`, analyses each article with
//! `parallax-analyze` (in parallel), builds stories with `parallax-story`, and writes JSON or
//! Markdown. A bad input is reported on one line and the run goes on; the exit code is 1 when
//! some inputs failed, 2 when nothing could be done.

mod bench;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_doc::Doc;
use rayon::prelude::*;

/// Parallax turns raw news articles from many outlets into cited, cross-source intelligence:
/// stories, people and their roles, who said what, when, what happened, and how outlets differ.
#[derive(Parser, Debug)]
#[command(name = "parallax", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output formats of `analyze`.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object: `{"articles": [...], "stories": [...]}`.
    Json,
    /// One JSON object per line: each article, then each story (`{"story": {...}}`).
    Jsonl,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles and write the analysis as JSON.
    ///
    /// INPUT is a file, a directory (read recursively) or `-` for standard input; with no INPUT,
    /// standard input is read. Formats are told by extension, then by content: .txt (plain text;
    /// a leading line such as ` date 2025-02-16` is metadata), .jsonl/.ndjson (fields id, url,
    /// title, text or html, published, outlet; news-please names too), .html/.htm, .gz.
    ///
    /// Example: parallax analyze examples/riyadh -o analysis.json
    Analyze {
        /// Files, directories or `-` (stdin).
        inputs: Vec<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
    /// Write a readable Markdown brief of each story to standard output.
    ///
    /// Each brief has a headline, cited summary sentences, who's who, who said what, a timeline
    /// and how the outlets differ (corroborated, reported once, conflicting).
    ///
    /// Example: parallax brief examples/riyadh
    Brief {
        /// Files, directories or `-` (stdin).
        inputs: Vec<String>,
    },
    /// Measure analysis speed and memory over a corpus.
    ///
    /// Reads every input first, then analyses all articles on one thread (or --threads N) and
    /// reports articles/s, words/s and peak memory (resident set high-water mark).
    ///
    /// Example: parallax bench ../shared/data/bbc/bbc_fulltext.jsonl
    Bench {
        /// Files, directories or `-` (stdin).
        inputs: Vec<String>,
        /// Worker threads for the analysis.
        #[arg(long, default_value_t = 1)]
        threads: usize,
        /// Also build the cross-article layer and time it.
        #[arg(long)]
        stories: bool,
    },
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("parallax: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze { inputs, output, format } => {
            let (docs, failures) = read_and_analyze(&inputs);
            let analysis = parallax_story::build(docs);
            let mut out: Box<dyn Write> = match &output {
                Some(path) => Box::new(io::BufWriter::new(
                    std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
                )),
                None => Box::new(io::BufWriter::new(io::stdout().lock())),
            };
            match format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &parallax_story::report::analysis_json(&analysis))?;
                    writeln!(out)?;
                }
                Format::Jsonl => write_jsonl(&mut out, &analysis)?,
            }
            out.flush()?;
            Ok(exit_code(failures))
        }
        Command::Brief { inputs } => {
            let (docs, failures) = read_and_analyze(&inputs);
            let analysis = parallax_story::build(docs);
            let mut out = io::stdout().lock();
            write!(out, "{}", parallax_story::brief::brief(&analysis))?;
            out.flush()?;
            Ok(exit_code(failures))
        }
        Command::Bench { inputs, threads, stories } => bench::run(&inputs, threads, stories),
    }
}

fn exit_code(failures: usize) -> ExitCode {
    if failures > 0 {
        eprintln!("parallax: {failures} input(s) could not be read");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn write_jsonl(out: &mut dyn Write, analysis: &parallax_story::Analysis) -> Result<()> {
    let value = parallax_story::report::analysis_json(analysis);
    for article in value["articles"].as_array().into_iter().flatten() {
        serde_json::to_writer(&mut *out, article)?;
        writeln!(out)?;
    }
    for story in value["stories"].as_array().into_iter().flatten() {
        serde_json::to_writer(&mut *out, &serde_json::json!({ "story": story }))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Reads every input, reporting bad ones on stderr, and analyses the articles in parallel.
/// Returns the documents in input order and the number of inputs that failed.
pub(crate) fn read_and_analyze(inputs: &[String]) -> (Vec<Doc>, usize) {
    let (mut docs, failures) = read_all(inputs);
    let progress = progress_bar(docs.len() as u64);
    docs.par_iter_mut().for_each(|doc| {
        parallax_analyze::analyze(doc);
        progress.inc(1);
    });
    progress.finish_and_clear();
    (docs, failures)
}

/// Reads every input; errors are printed, one line each, and counted.
pub(crate) fn read_all(inputs: &[String]) -> (Vec<Doc>, usize) {
    let stdin = ["-".to_string()];
    let inputs = if inputs.is_empty() { &stdin[..] } else { inputs };
    let mut docs = Vec::new();
    let mut failures = 0;
    for item in parallax_ingest::read_inputs(inputs) {
        match item {
            Ok(doc) => docs.push(doc),
            Err(err) => {
                eprintln!("parallax: {err}");
                failures += 1;
            }
        }
    }
    (docs, failures)
}

fn progress_bar(len: u64) -> ProgressBar {
    if !io::stderr().is_terminal() || len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} articles {per_sec} eta {eta}") {
        bar.set_style(style);
    }
    bar
}
