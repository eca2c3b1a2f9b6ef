//! `parallax`: cited, cross-source news intelligence from raw articles.
//!
//! The binary is glue: it reads inputs with `parallax-ingest`, analyses each article with
//! `parallax-analyze` (in parallel), builds stories with `parallax-story`, and writes JSON or
//! Markdown. A bad input is reported on one line and the run goes on; the exit code is 1 when
//! some inputs failed, 2 when nothing could be done.

mod archive;
mod bench;
mod bench_serve;
#[cfg(feature = "queue")]
mod work;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_doc::Doc;
use parallax_story::report;
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

/// Output formats of `quotes`.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum TableFormat {
    /// A Markdown table.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// A JSON array of rows.
    Json,
}

/// Output formats of `timeline`.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum TimelineFormat {
    /// Markdown, one section per date.
    Markdown,
    /// JSON: one object per story with its events.
    Json,
}

/// Quote kinds for filtering.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum QuoteKindArg {
    /// Whole statements in quotation marks.
    Direct,
    /// Quoted fragments inside reported speech.
    Partial,
    /// Reported speech without quotation marks (mixed speech included).
    Indirect,
    /// Reported speech that quotes some of its words.
    Mixed,
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
        /// Treat all inputs as one story instead of clustering them.
        #[arg(long, conflicts_with = "stream")]
        one_story: bool,
        /// Stream: read, analyse and write in bounded memory, for inputs of any size. Writes JSON
        /// Lines: each story's articles (with a `story` field) then the story, as stories close.
        /// Stories close when more than `--max-open` articles are held.
        #[arg(long)]
        stream: bool,
        /// With --stream: most articles held in open stories.
        #[arg(long, value_name = "N", default_value_t = 4096, requires = "stream")]
        max_open: usize,
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
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Treat all inputs as one story instead of clustering them.
        #[arg(long)]
        one_story: bool,
        #[command(flatten)]
        stored: StoredArgs,
    },
    /// List who said what: every quote with its speaker, outlet and date.
    ///
    /// Speakers are canonical names shared across the articles of a story, so `--speaker
    /// Zelensky` also finds quotes attributed to "Zelenskyy". Indirect (reported) speech is
    /// included; `--kind` filters.
    ///
    /// Example: parallax quotes examples/riyadh --speaker Scholz --format csv
    Quotes {
        /// Files, directories or `-` (stdin).
        inputs: Vec<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only quotes by this speaker (any name form, case and accents ignored).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only quotes of this kind.
        #[arg(long, value_enum)]
        kind: Option<QuoteKindArg>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: TableFormat,
        /// Treat all inputs as one story instead of clustering them.
        #[arg(long)]
        one_story: bool,
        #[command(flatten)]
        stored: StoredArgs,
    },
    /// Print each story's dated events in order, with the sentences that report them.
    ///
    /// Example: parallax timeline examples/riyadh --format json
    Timeline {
        /// Files, directories or `-` (stdin).
        inputs: Vec<String>,
        /// Write to FILE instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "markdown")]
        format: TimelineFormat,
        /// Treat all inputs as one story instead of clustering them.
        #[arg(long)]
        one_story: bool,
        #[command(flatten)]
        stored: StoredArgs,
    },
    /// Analyse articles into an archive that grows: stories are extended as articles arrive.
    ///
    /// Every reader of `analyze` works (text, JSON Lines, HTML, feeds, WARC, gzip, directories,
    /// stdin). The archive is an SQLite file: `--db FILE`, else $PARALLAX_DB, else `parallax.db`
    /// in the current folder; or a PostgreSQL database: `--db postgres://USER@HOST[:PORT]/DB`
    /// (the database must exist; its schema is created). An article already stored (same URL or id, or same content) is
    /// skipped; a new version of a stored URL replaces it. Only the stories whose articles
    /// changed are rebuilt. One ingest writes at a time; readers work meanwhile.
    ///
    /// Example: parallax ingest examples/riyadh --db news.db
    Ingest {
        /// Files, directories or `-` (stdin).
        inputs: Vec<String>,
        /// The archive: a file, or a postgres:// URL (default: $PARALLAX_DB, else parallax.db in
        /// the current folder).
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Articles analysed and stored per transaction.
        #[arg(long, value_name = "N", default_value_t = archive::DEFAULT_BATCH)]
        batch: usize,
        /// Instead of analysing: publish each raw article to the work stream on this NATS server
        /// (`nats://HOST:PORT`, JetStream on); `parallax worker` analyses and stores them.
        #[cfg(feature = "queue")]
        #[arg(long, value_name = "URL")]
        queue: Option<String>,
    },
    /// Pull articles from the work stream on NATS, analyse them and store them in the archive.
    ///
    /// Run any number of workers, on any machines: they share one durable consumer. Each batch
    /// is stored in one transaction and acknowledged only after it commits; a message whose
    /// article fails on its last allowed delivery goes, with its error, to the dead-letter
    /// stream (`--failed` lists it). Runs until SIGINT or SIGTERM, or with `--until-empty` until
    /// every queued article is stored.
    ///
    /// Example: parallax worker --queue nats://127.0.0.1:4222 --db postgres://parallax@db/news
    #[cfg(feature = "queue")]
    Worker {
        /// The NATS server (`nats://HOST:PORT`; default: $PARALLAX_QUEUE).
        #[arg(long, value_name = "URL", env = "PARALLAX_QUEUE", hide_env_values = true)]
        queue: String,
        /// The archive: a postgres:// URL, or a file (default: $PARALLAX_DB, else parallax.db).
        #[arg(long, value_name = "DB")]
        db: Option<PathBuf>,
        /// Analysis threads.
        #[arg(long, value_name = "N", default_value_t = 1, env = "PARALLAX_THREADS")]
        threads: usize,
        /// Articles pulled, analysed and stored per transaction.
        #[arg(long, value_name = "N", default_value_t = 64)]
        batch: usize,
        /// Stop once every queued article is stored (acknowledged).
        #[arg(long)]
        until_empty: bool,
        /// Seconds a pulled article may stay unacknowledged before it is delivered again.
        #[arg(long, value_name = "SECS", default_value_t = 60)]
        ack_wait: u64,
        /// Deliveries of a failing article before it goes to the dead-letter stream.
        #[arg(long, value_name = "N", default_value_t = 5)]
        max_deliver: i64,
        /// Instead: list the dead-letter stream (one line per article: sequence, message id,
        /// deliveries, source, error).
        #[arg(long)]
        failed: bool,
    },
    /// Serve the archive as a web UI and a JSON API (under /api/v1/).
    ///
    /// Listens on 127.0.0.1:8080 (loopback only) unless --listen or $PARALLAX_LISTEN says
    /// otherwise; open http://127.0.0.1:8080/ in a browser. Writes (POST /api/v1/articles) need
    /// `Authorization: Bearer TOKEN`, the token read from --token-file ($PARALLAX_TOKEN_FILE) or
    /// $PARALLAX_TOKEN; without one, writes are refused. Runs until SIGINT or SIGTERM.
    ///
    /// Example: parallax ingest examples/riyadh && parallax serve
    Serve {
        /// The archive (default: $PARALLAX_DB, else parallax.db in the current folder).
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Address and port to listen on.
        #[arg(long, value_name = "ADDR", default_value = parallax_server::DEFAULT_LISTEN, env = "PARALLAX_LISTEN")]
        listen: std::net::SocketAddr,
        /// A file holding the bearer token writes need (else $PARALLAX_TOKEN).
        #[arg(long, value_name = "FILE", env = "PARALLAX_TOKEN_FILE")]
        token_file: Option<PathBuf>,
    },
    /// List the archive's stories, latest first.
    ///
    /// Example: parallax stories --db news.db --entity Rubio --since 2025-02-01
    Stories {
        /// The archive (default: $PARALLAX_DB, else parallax.db).
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Only stories with an article published on or after DATE (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Only stories with an article from this outlet.
        #[arg(long, value_name = "NAME")]
        outlet: Option<String>,
        /// Only stories naming this person, organisation or place (any of its names).
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
        /// At most N stories.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: archive::ListFormat,
    },
    /// Full-text search over the archive's titles, texts and quotes, best match first.
    ///
    /// Words must all appear (accents and case ignored); "quoted words" are a phrase.
    ///
    /// Example: parallax search '"restore embassies"' --db news.db --outlet Reuters
    Search {
        /// The query.
        query: String,
        /// The archive (default: $PARALLAX_DB, else parallax.db).
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
        /// Only articles from this outlet.
        #[arg(long, value_name = "NAME")]
        outlet: Option<String>,
        /// Only articles published on or after DATE (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Only articles published on or before DATE (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// Only articles quoting this speaker.
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only articles naming this entity.
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
        /// At most N results.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: archive::ListFormat,
    },
    /// Export the archive: JSON Lines (the analysis contract), CSV or Parquet.
    ///
    /// Example: parallax export --format csv --what quotes -o quotes.csv
    Export {
        /// Output format.
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// What to export (JSON Lines default: articles then stories; CSV and Parquet: articles).
        #[arg(long, value_enum)]
        what: Option<ExportWhat>,
        /// Write to PATH instead of standard output.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
        /// The archive (default: $PARALLAX_DB, else parallax.db).
        #[arg(long, value_name = "FILE")]
        db: Option<PathBuf>,
    },
    /// Measure what `analyze --format json` costs over a corpus, end to end.
    ///
    /// Runs the whole path on one thread (or --threads N): reading, building each article
    /// (decoding, HTML, cleaning, language, outlet), the analysis stages, the story layer
    /// (clustering, copies, stories) and the JSON output (counted, not kept). Reports the time of
    /// each phase, articles/s, words/s, MB/s of input and peak memory (resident set high-water
    /// mark); with --runs N, the median run.
    ///
    /// Example: taskset -c 0 parallax bench ../shared/data/bbc/bbc_fulltext.jsonl --runs 3
    Bench {
        /// Files, directories or `-` (stdin).
        inputs: Vec<String>,
        /// Worker threads.
        #[arg(long, default_value_t = 1)]
        threads: usize,
        /// Run the whole path this many times and report the median run.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        runs: u32,
        /// The story layer is always part of the path now; kept so older command lines work.
        #[arg(long, hide = true)]
        stories: bool,
        /// Also ingest into a fresh archive (a temporary file) and compare with `analyze`.
        #[arg(long)]
        store: bool,
        /// Instead: latency of search and of opening a story over this existing archive.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "stories", "store"])]
        archive: Option<PathBuf>,
        /// Instead: load-test `parallax serve` over this existing archive (in-process, loopback):
        /// requests/s, p50 and p99 of the story and search pages and API at 1, 8 and 64 clients.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "stories", "store", "archive"])]
        serve: Option<PathBuf>,
    },
}

/// Reading `brief`, `quotes` or `timeline` from an archive instead of analysing inputs.
#[derive(clap::Args, Debug)]
struct StoredArgs {
    /// Read the stored analysis from this archive instead of analysing INPUT.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "one_story"])]
    db: Option<PathBuf>,
    /// With --db: only this story (an id from `parallax stories`).
    #[arg(long, value_name = "ID", requires = "db")]
    story: Option<i64>,
    /// With --db and no --story: the latest N stories.
    #[arg(long, value_name = "N", default_value_t = 10, requires = "db")]
    limit: usize,
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// JSON Lines.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// Apache Parquet.
    Parquet,
}

/// What to export.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportWhat {
    /// Articles.
    Articles,
    /// Quotes: speaker, quote, kind, outlet, date, url, story.
    Quotes,
    /// Story entities with aliases and roles.
    Entities,
    /// Events per article.
    Events,
    /// Stories.
    Stories,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        // the reader of our output closed it (`parallax quotes . | head`): not an error
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("parallax: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// True when `err` is a write to a closed pipe, anywhere in its chain.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
            || e.downcast_ref::<parallax_store::StoreError>().is_some_and(parallax_store::StoreError::is_broken_pipe)
    })
}

/// The files this command writes, which are never read as its inputs: `-o FILE` when it exists
/// already, and standard output when it is redirected to a file (`brief . > brief.md`).
fn own_outputs(output: Option<&std::path::Path>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = output.map(std::path::Path::to_path_buf).into_iter().collect();
    if let Ok(path) = std::fs::canonicalize("/dev/stdout") {
        if path.is_file() {
            out.push(path);
        }
    }
    out
}

/// A note on stderr when standard input is read from a terminal: the user may not know the
/// command is waiting for them.
pub(crate) fn note_terminal_stdin(inputs: &[String]) {
    if (inputs.is_empty() || inputs.iter().any(|i| i == "-")) && io::stdin().is_terminal() {
        eprintln!("parallax: reading articles from standard input (end with Ctrl-D); give files or folders to read those instead");
    }
}

fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    // a stage that panics on one article is reported in that article's diagnostics, not on stderr
    parallax_doc::capture_panic_locations();
    match cli.command {
        Command::Analyze { inputs, output, format: _, one_story: _, stream: true, max_open } => {
            let mut out = open_output(output.as_deref())?;
            let (failures, degraded) = analyze_stream(&inputs, &own_outputs(output.as_deref()), max_open, &mut out)?;
            out.flush()?;
            Ok(exit_code(failures, degraded))
        }
        Command::Analyze { inputs, output, format, one_story, stream: false, max_open: _ } => {
            let (docs, failures) = read_and_analyze(&inputs, &own_outputs(output.as_deref()))?;
            let analysis = build(docs, one_story);
            let mut out = open_output(output.as_deref())?;
            match format {
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &report::AnalysisJson(&analysis))
                        .context("writing the analysis")?;
                    writeln!(out)?;
                }
                Format::Jsonl => write_jsonl(&mut out, &analysis)?,
            }
            out.flush()?;
            Ok(exit_code(failures, report_degraded(&analysis.docs)))
        }
        Command::Brief { stored: StoredArgs { db: Some(db), story, limit }, output, .. } => {
            archive::brief(&db, story, limit, &mut open_output(output.as_deref())?)
        }
        Command::Timeline { stored: StoredArgs { db: Some(db), story, limit }, format, output, .. } => {
            archive::timeline(
                &db,
                story,
                limit,
                matches!(format, TimelineFormat::Json),
                &mut open_output(output.as_deref())?,
            )
        }
        Command::Quotes {
            stored: StoredArgs { db: Some(db), story, limit: _ }, speaker, kind, format, output, ..
        } => {
            let rows: Vec<_> = archive::quotes(&db, story, &parallax_store::SearchFilter::default())?
                .into_iter()
                .filter(|r| {
                    speaker.as_deref().is_none_or(|name| {
                        r.speaker
                            .as_deref()
                            .is_some_and(|s| parallax_store::name_key(s).contains(&parallax_store::name_key(name)))
                    })
                })
                .filter(|r| kind.is_none_or(|k| stored_kind_matches(k, &r.kind)))
                .collect();
            write_stored_quotes(&rows, format, &mut open_output(output.as_deref())?)?;
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "queue")]
        Command::Ingest { inputs, queue: Some(url), .. } => work::publish(&inputs, &url),
        #[cfg(feature = "queue")]
        Command::Ingest { inputs, db, batch, queue: None } => archive::ingest(&inputs, &archive::db_path(db), batch),
        #[cfg(not(feature = "queue"))]
        Command::Ingest { inputs, db, batch } => archive::ingest(&inputs, &archive::db_path(db), batch),
        #[cfg(feature = "queue")]
        Command::Worker { queue, failed: true, .. } => work::list_failed(&queue),
        #[cfg(feature = "queue")]
        Command::Worker { queue, db, threads, batch, until_empty, ack_wait, max_deliver, failed: false } => {
            let options = work::WorkerOptions {
                url: queue,
                threads,
                batch,
                until_empty,
                settings: parallax_queue::Settings { ack_wait: std::time::Duration::from_secs(ack_wait), max_deliver },
            };
            work::work(&archive::db_path(db), &options)
        }
        Command::Serve { db, listen, token_file } => {
            archive::serve(&archive::db_path(db), listen, token_file.as_deref())
        }
        Command::Stories { db, since, outlet, entity, limit, format } => {
            let filter = parallax_store::StoryFilter { since, outlet, entity, limit, ..Default::default() };
            archive::stories(&archive::db_path(db), &filter, format)
        }
        Command::Search { query, db, outlet, since, until, speaker, entity, limit, format } => {
            let filter = parallax_store::SearchFilter { outlet, since, until, speaker, entity, limit, offset: 0 };
            archive::search(&archive::db_path(db), &query, &filter, format)
        }
        Command::Export { format, what, output, db } => {
            use parallax_store::export::{Format as F, What as W};
            let format = match format {
                ExportFormat::Jsonl => F::Jsonl,
                ExportFormat::Csv => F::Csv,
                ExportFormat::Parquet => F::Parquet,
            };
            let what = what.map(|w| match w {
                ExportWhat::Articles => W::Articles,
                ExportWhat::Quotes => W::Quotes,
                ExportWhat::Entities => W::Entities,
                ExportWhat::Events => W::Events,
                ExportWhat::Stories => W::Stories,
            });
            archive::export(&archive::db_path(db), what, format, output.as_deref())
        }
        Command::Brief { inputs, one_story, stored: _, output } => {
            let (docs, failures) = read_and_analyze(&inputs, &own_outputs(output.as_deref()))?;
            let analysis = build(docs, one_story);
            let mut out = open_output(output.as_deref())?;
            write!(out, "{}", parallax_story::brief::brief(&analysis))?;
            out.flush()?;
            Ok(exit_code(failures, report_degraded(&analysis.docs)))
        }
        Command::Quotes { inputs, speaker, kind, format, one_story, stored: _, output } => {
            let (docs, failures) = read_and_analyze(&inputs, &own_outputs(output.as_deref()))?;
            let analysis = build(docs, one_story);
            let rows: Vec<_> = report::quote_rows(&analysis)
                .into_iter()
                .filter(|r| speaker.as_deref().is_none_or(|name| report::speaker_matches(&analysis, r, name)))
                .filter(|r| kind.is_none_or(|k| quote_kind_matches(k, r.kind, r.mixed)))
                .collect();
            let mut out = open_output(output.as_deref())?;
            match format {
                TableFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &rows).context("writing the quotes")?;
                    writeln!(out)?;
                }
                TableFormat::Csv => {
                    writeln!(out, "speaker,quote,kind,cue,outlet,published,article,speaker_text")?;
                    for r in &rows {
                        let kind = if r.mixed { "mixed".to_string() } else { format!("{:?}", r.kind).to_lowercase() };
                        let fields = [
                            r.speaker.as_deref().unwrap_or(""),
                            r.quote,
                            &kind,
                            r.cue.unwrap_or(""),
                            r.outlet.unwrap_or(""),
                            r.published.unwrap_or(""),
                            r.article,
                            r.speaker_text.unwrap_or(""),
                        ];
                        writeln!(out, "{}", fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","))?;
                    }
                }
                TableFormat::Table => {
                    writeln!(out, "| speaker | quote | outlet | date | article |")?;
                    writeln!(out, "|---|---|---|---|---|")?;
                    for r in &rows {
                        let date = r.published.map(parallax_story::text::day_of).unwrap_or("");
                        let quote = r.quote.replace('|', "\\|").replace('\n', " ");
                        let mark = if r.kind == parallax_doc::QuoteKind::Indirect { "" } else { "“" };
                        let close = if mark.is_empty() { "" } else { "”" };
                        writeln!(
                            out,
                            "| {} | {mark}{quote}{close} | {} | {date} | {} |",
                            r.speaker.as_deref().map_or_else(
                                || r.speaker_text.map_or_else(|| "—".to_string(), |t| format!("({t})")),
                                str::to_string
                            ),
                            r.outlet.unwrap_or("—"),
                            r.article.replace('|', "\\|")
                        )?;
                    }
                }
            }
            out.flush()?;
            Ok(exit_code(failures, report_degraded(&analysis.docs)))
        }
        Command::Timeline { inputs, format, one_story, stored: _, output } => {
            let (docs, failures) = read_and_analyze(&inputs, &own_outputs(output.as_deref()))?;
            let analysis = build(docs, one_story);
            let mut out = open_output(output.as_deref())?;
            match format {
                TimelineFormat::Markdown => {
                    for story in &analysis.stories {
                        writeln!(out, "{}", parallax_story::brief::timeline_markdown(&analysis, story))?;
                    }
                }
                TimelineFormat::Json => {
                    let stories: Vec<report::TimelineJson<'_>> =
                        report::story_values(&analysis).map(report::StoryJson::timeline).collect();
                    serde_json::to_writer_pretty(&mut out, &stories).context("writing the timelines")?;
                    writeln!(out)?;
                }
            }
            out.flush()?;
            Ok(exit_code(failures, report_degraded(&analysis.docs)))
        }
        Command::Bench { serve: Some(db), .. } => bench_serve::run(&db),
        Command::Bench { archive: Some(db), .. } => bench::archive_latency(&db),
        Command::Bench { inputs, threads, runs, stories: _, store, archive: None, serve: None } => {
            bench::run(&inputs, threads, runs as usize, store)
        }
    }
}

/// The cross-article layer over `docs`: clustered into stories, or all one story when the user
/// says they belong together (`--one-story`).
fn build(docs: Vec<Doc>, one_story: bool) -> parallax_story::Analysis {
    if one_story {
        parallax_story::build_one_story(docs)
    } else {
        parallax_story::build(docs)
    }
}

fn quote_kind_matches(wanted: QuoteKindArg, kind: parallax_doc::QuoteKind, mixed: bool) -> bool {
    use parallax_doc::QuoteKind;
    matches!(
        (wanted, kind),
        (QuoteKindArg::Direct, QuoteKind::Direct)
            | (QuoteKindArg::Partial, QuoteKind::Partial)
            | (QuoteKindArg::Indirect, QuoteKind::Indirect)
    ) || wanted == QuoteKindArg::Mixed && mixed
}

fn stored_kind_matches(wanted: QuoteKindArg, kind: &str) -> bool {
    match wanted {
        QuoteKindArg::Direct => kind == "direct",
        QuoteKindArg::Partial => kind == "partial",
        QuoteKindArg::Indirect => kind == "indirect" || kind == "mixed",
        QuoteKindArg::Mixed => kind == "mixed",
    }
}

/// Quotes read from an archive, as `quotes` writes them.
fn write_stored_quotes(rows: &[parallax_store::QuoteRecord], format: TableFormat, out: &mut dyn Write) -> Result<()> {
    match format {
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, rows).context("writing the quotes")?;
            writeln!(out)?;
        }
        TableFormat::Csv => {
            writeln!(out, "speaker,quote,kind,cue,outlet,published,article,speaker_text,url,story")?;
            for r in rows {
                let story = r.story.map(|s| s.to_string()).unwrap_or_default();
                let fields = [
                    r.speaker.as_deref().unwrap_or(""),
                    &r.quote,
                    &r.kind,
                    r.cue.as_deref().unwrap_or(""),
                    r.outlet.as_deref().unwrap_or(""),
                    r.published.as_deref().unwrap_or(""),
                    &r.article,
                    r.speaker_text.as_deref().unwrap_or(""),
                    r.url.as_deref().unwrap_or(""),
                    &story,
                ];
                writeln!(out, "{}", fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","))?;
            }
        }
        TableFormat::Table => {
            writeln!(out, "| speaker | quote | outlet | date | story | article |")?;
            writeln!(out, "|---|---|---|---|---|---|")?;
            for r in rows {
                let date = r.published.as_deref().map(parallax_story::text::day_of).unwrap_or("");
                let quote = r.quote.replace('|', "\\|").replace('\n', " ");
                let (open, close) = if r.kind == "indirect" || r.kind == "mixed" { ("", "") } else { ("“", "”") };
                let speaker = r
                    .speaker
                    .clone()
                    .unwrap_or_else(|| r.speaker_text.as_deref().map_or_else(|| "—".to_string(), |t| format!("({t})")));
                let story = r.story.map(|s| s.to_string()).unwrap_or_default();
                writeln!(
                    out,
                    "| {speaker} | {open}{quote}{close} | {} | {date} | {story} | {} |",
                    r.outlet.as_deref().unwrap_or("—"),
                    r.article_id
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

use parallax_store::export::csv_field;

/// The exit code: 1 when some inputs could not be read, else 3 when some articles were read but
/// their analysis is degraded (a stage failed on them), else 0.
pub(crate) fn exit_code(failures: usize, degraded: usize) -> ExitCode {
    if degraded > 0 {
        eprintln!("parallax: {degraded} article(s) degraded: a stage failed on them (see their diagnostics)");
    }
    if failures > 0 {
        eprintln!("parallax: {failures} input(s) could not be read");
        ExitCode::from(1)
    } else if degraded > 0 {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints one line per failed stage of each degraded article (naming its source) and returns
/// how many articles are degraded.
fn report_degraded(docs: &[Doc]) -> usize {
    let mut degraded = 0;
    for doc in docs.iter().filter(|d| d.is_degraded()) {
        degraded += 1;
        for d in doc.diagnostics.iter().filter(|d| d.is_failure()) {
            eprintln!("parallax: {}: {}", doc.source, d.message);
        }
    }
    degraded
}

/// Writes each article, then each story (`{"story": {...}}`), one JSON object per line, one at a time.
fn write_jsonl(out: &mut impl Write, analysis: &parallax_story::Analysis) -> Result<()> {
    for article in report::article_values(analysis) {
        serde_json::to_writer(&mut *out, &article).with_context(|| format!("writing article {}", article.source))?;
        writeln!(out)?;
    }
    for story in report::story_values(analysis) {
        let id = story.id;
        serde_json::to_writer(&mut *out, &report::StoryLineJson { story })
            .with_context(|| format!("writing story {id}"))?;
        writeln!(out)?;
    }
    Ok(())
}

/// The output file, or standard output, buffered. The buffer is the outer, concrete writer:
/// serde_json writes a document as many small pieces, which a `BufWriter` takes inline, where
/// a `dyn Write` would cost a call each; only full buffers reach the file or standard output.
fn open_output(path: Option<&std::path::Path>) -> Result<io::BufWriter<Box<dyn Write>>> {
    let sink: Box<dyn Write> = match path {
        Some(path) => {
            Box::new(std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?)
        }
        None => Box::new(io::stdout().lock()),
    };
    Ok(io::BufWriter::new(sink))
}

/// Articles analysed in parallel at a time by `analyze --stream`.
const STREAM_BATCH: usize = 1024;

/// `analyze --stream`: reads inputs lazily, analyses them a batch at a time in parallel, feeds
/// the story stream and writes each story as it closes. Returns the number of failed inputs and
/// of degraded articles.
fn analyze_stream(inputs: &[String], skip: &[PathBuf], max_open: usize, out: &mut dyn Write) -> Result<(usize, usize)> {
    let mut stream = parallax_story::stream::StoryStream::new(max_open);
    let mut failures = 0;
    let mut degraded = 0;
    for_each_analysed_batch(
        inputs,
        skip,
        STREAM_BATCH,
        &ProgressBar::hidden(),
        |err| {
            eprintln!("parallax: {err}");
            failures += 1;
        },
        |batch| {
            for doc in batch {
                for closed in stream.push(doc) {
                    degraded += report_degraded(&closed.analysis.docs);
                    write_closed_story(out, &closed)?;
                }
            }
            Ok(())
        },
    )?;
    for closed in stream.finish() {
        degraded += report_degraded(&closed.analysis.docs);
        write_closed_story(out, &closed)?;
    }
    Ok((failures, degraded))
}

/// Reads `inputs` (standard input when none) lazily, a batch of at most `size` articles at a
/// time; each batch is built and analysed in parallel and handed to `each`, in input order. A
/// bad input goes to `on_error` and the reading goes on.
pub(crate) fn for_each_analysed_batch(
    inputs: &[String],
    skip: &[PathBuf],
    size: usize,
    progress: &ProgressBar,
    mut on_error: impl FnMut(parallax_ingest::IngestError),
    mut each: impl FnMut(Vec<Doc>) -> Result<()>,
) -> Result<()> {
    let mut records = read_records(inputs, skip).peekable();
    while records.peek().is_some() {
        let batch: Vec<_> = records.by_ref().take(size.max(1)).collect();
        let mut docs = Vec::with_capacity(batch.len());
        for built in build_and_analyze(batch, progress) {
            match built {
                Ok(doc) => docs.push(doc),
                Err(err) => on_error(err),
            }
        }
        each(docs)?;
    }
    Ok(())
}

/// The records of `inputs` (standard input when none), never reading the files in `skip`.
pub(crate) fn read_records(inputs: &[String], skip: &[PathBuf]) -> parallax_ingest::Records {
    note_terminal_stdin(inputs);
    let stdin = ["-".to_string()];
    let inputs = if inputs.is_empty() { &stdin[..] } else { inputs };
    parallax_ingest::read_records_except(inputs, skip)
}

/// Builds each record's Doc and analyses it, in parallel on the current thread pool; the results
/// come back in the records' order.
fn build_and_analyze(
    records: Vec<parallax_ingest::Record>,
    progress: &ProgressBar,
) -> Vec<Result<Doc, parallax_ingest::IngestError>> {
    records
        .into_par_iter()
        .map(|record| {
            let built = record.build().map(|mut doc| {
                parallax_analyze::analyze(&mut doc);
                doc
            });
            progress.inc(1);
            built
        })
        .collect()
}

/// One closed story as JSON Lines: its articles, each with a `story` field, then `{"story": ...}`.
fn write_closed_story(out: &mut dyn Write, closed: &parallax_story::stream::ClosedStory) -> Result<()> {
    let analysis = &closed.analysis;
    if let Some(story) = analysis.stories.first() {
        for (d, doc) in analysis.docs.iter().enumerate() {
            let mut article = report::ArticleJson::new(doc, Some((story, d)));
            article.story = Some(closed.id);
            serde_json::to_writer(&mut *out, &article)
                .with_context(|| format!("writing article {}", article.source))?;
            writeln!(out)?;
        }
        let mut story = report::StoryJson::new(analysis, 0);
        story.id = closed.id;
        serde_json::to_writer(&mut *out, &report::StoryLineJson { story })
            .with_context(|| format!("writing story {}", closed.id))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Reads every input, reporting bad ones on stderr, and builds and analyses the articles in
/// parallel, a batch at a time (so raw pages never pile up). Returns the documents in input
/// order and the number of inputs that failed.
pub(crate) fn read_and_analyze(inputs: &[String], skip: &[PathBuf]) -> Result<(Vec<Doc>, usize)> {
    let progress = progress_counter();
    let mut docs = Vec::new();
    let mut failures = 0;
    for_each_analysed_batch(
        inputs,
        skip,
        ANALYSIS_BATCH,
        &progress,
        |err| {
            progress.suspend(|| eprintln!("parallax: {err}"));
            failures += 1;
        },
        |batch| {
            docs.extend(batch);
            Ok(())
        },
    )?;
    progress.finish_and_clear();
    Ok((docs, failures))
}

/// Articles read, built and analysed at a time by `analyze`: enough that the threads stay busy
/// to the end of a batch, few enough that raw pages waiting to be built stay small.
const ANALYSIS_BATCH: usize = 4096;

/// A count of the articles analysed, on stderr when it is a terminal.
fn progress_counter() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} articles analysed, {per_sec}") {
        bar.set_style(style);
    }
    bar
}
