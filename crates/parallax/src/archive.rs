//! The archive commands: `ingest`, `stories`, `search`, `export`, and `brief` / `quotes` /
//! `timeline` over a stored archive (`--db`). Glue over `parallax-store`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax_store::{Ingest, SearchFilter, Store, StoryFilter};

/// Articles analysed and stored per transaction by default.
pub const DEFAULT_BATCH: usize = 2048;

/// The archive: `--db`, else `$PARALLAX_DB`, else `parallax.db` in the current folder. A file
/// path, or a `postgres://` URL (`parallax_store::Store::open` picks the backend).
pub fn db_path(db: Option<PathBuf>) -> PathBuf {
    db.or_else(|| std::env::var_os(parallax_store::DB_ENV).map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(parallax_store::DEFAULT_DB))
}

/// `parallax ingest`: reads, analyses (in parallel) and stores a batch at a time.
pub fn ingest(inputs: &[String], db: &Path, batch_size: usize) -> Result<ExitCode> {
    let mut store = Store::open(db)?;
    let mut ingest = Ingest::start(&mut store, inputs, parallax_analyze::analyze)?;
    let progress = spinner();
    let mut degraded = 0;
    let mut failed = 0;
    // the archive's own files are never inputs
    crate::for_each_analysed_batch(
        inputs,
        &Store::files_of(db),
        batch_size,
        &ProgressBar::hidden(),
        |err| {
            progress.suspend(|| eprintln!("parallax: {err}"));
            failed += 1;
        },
        |batch| {
            degraded += progress.suspend(|| crate::report_degraded(&batch));
            let n = batch.len() as u64;
            ingest.add_batch(batch).context("storing a batch")?;
            progress.inc(n);
            Ok(())
        },
    )?;
    ingest.add_failures(failed);
    progress.finish_and_clear();
    let (counts, seconds) = ingest.finish()?;
    eprintln!(
        "parallax: {}: read {}, new {}, skipped {}, replaced {}, failed {}; stories {} new, {} updated; {seconds:.1} s",
        parallax_store::shown_location(db),
        counts.read,
        counts.new,
        counts.skipped,
        counts.replaced,
        counts.failed,
        counts.stories_new,
        counts.stories_updated
    );
    Ok(crate::exit_code(counts.failed as usize, degraded))
}

fn spinner() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos} articles stored {per_sec} {elapsed}") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// Output formats of the archive's listings.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ListFormat {
    /// Readable lines.
    Text,
    /// JSON.
    Json,
}

/// `parallax stories`.
pub fn stories(db: &Path, filter: &StoryFilter, format: ListFormat) -> Result<ExitCode> {
    let store = Store::open_existing(db)?;
    let listing = store.stories(filter)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &listing)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
            for s in &listing {
                let dates = match (&s.first_published, &s.last_published) {
                    (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                    (Some(a), _) => a.clone(),
                    _ => "undated".into(),
                };
                let outlets = if s.outlets.is_empty() { "unknown outlets".into() } else { s.outlets.join(", ") };
                writeln!(
                    out,
                    "{:>6}  {}  ({} article{}; {dates}; {outlets})",
                    s.id,
                    one_line(&s.headline),
                    s.articles,
                    if s.articles == 1 { "" } else { "s" }
                )?;
            }
            if listing.is_empty() {
                writeln!(out, "No stories match.")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `parallax search`.
pub fn search(db: &Path, query: &str, filter: &SearchFilter, format: ListFormat) -> Result<ExitCode> {
    let store = Store::open_existing(db)?;
    let hits = store.search(query, filter)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &hits)?;
            writeln!(out)?;
        }
        ListFormat::Text => {
            for h in &hits {
                let date = h.published.as_deref().map(parallax_story::text::day_of).unwrap_or("undated");
                writeln!(
                    out,
                    "article {} (story {}) · {} · {date} · {}",
                    h.article,
                    h.story.map_or_else(|| "—".to_string(), |s| s.to_string()),
                    h.outlet.as_deref().unwrap_or("unknown outlet"),
                    h.title.as_deref().map(one_line).unwrap_or_else(|| h.source.clone())
                )?;
                writeln!(out, "    {}", one_line(&h.snippet))?;
            }
            if hits.is_empty() {
                writeln!(out, "No articles match.")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `parallax export`.
pub fn export(
    db: &Path,
    what: Option<parallax_store::export::What>,
    format: parallax_store::export::Format,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let store = Store::open_existing(db)?;
    if format == parallax_store::export::Format::Parquet && output.is_none() && io::stdout().is_terminal() {
        bail!("Parquet is binary: write it to a file with -o PATH");
    }
    let rows = match output {
        Some(path) => {
            let file = std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
            let mut out = io::BufWriter::new(file);
            parallax_store::export::export(&store, what, format, &mut out, parallax_analyze::analyze)?
        }
        None => {
            let mut out = io::BufWriter::new(io::stdout());
            parallax_store::export::export(&store, what, format, &mut out, parallax_analyze::analyze)?
        }
    };
    eprintln!("parallax: exported {rows} row(s) from {}", parallax_store::shown_location(db));
    Ok(ExitCode::SUCCESS)
}

/// The stories `brief`, `quotes` and `timeline` show from an archive: one, or the latest.
fn chosen_stories(store: &Store, story: Option<i64>, limit: usize) -> Result<Vec<parallax_store::StoredStory>> {
    match story {
        Some(id) => match store.story(id)? {
            Some(s) => Ok(vec![s]),
            None => bail!("no story {id} in {}", store.path().display()),
        },
        None => {
            let listing = store.stories(&StoryFilter { limit, ..StoryFilter::default() })?;
            let mut out = Vec::new();
            for s in listing {
                out.extend(store.story(s.id)?);
            }
            Ok(out)
        }
    }
}

/// `parallax brief --db`: the stored briefs.
pub fn brief(db: &Path, story: Option<i64>, limit: usize, out: &mut dyn Write) -> Result<ExitCode> {
    let store = Store::open_existing(db)?;
    let stories = chosen_stories(&store, story, limit)?;
    let briefs: Vec<&str> = stories.iter().map(|s| s.brief.as_str()).collect();
    write!(out, "{}", briefs.join("\n---\n\n"))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `parallax timeline --db`: the stored timelines, Markdown or JSON.
pub fn timeline(db: &Path, story: Option<i64>, limit: usize, json: bool, out: &mut dyn Write) -> Result<ExitCode> {
    let store = Store::open_existing(db)?;
    let stories = chosen_stories(&store, story, limit)?;
    if json {
        let values: Vec<serde_json::Value> =
            stories.iter().map(|s| serde_json::from_str(&s.timeline_json)).collect::<Result<_, _>>()?;
        serde_json::to_writer_pretty(&mut *out, &values)?;
        writeln!(out)?;
    } else {
        for s in &stories {
            writeln!(out, "{}", s.timeline)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `parallax quotes --db`: stored quotes, filtered.
pub fn quotes(db: &Path, story: Option<i64>, filter: &SearchFilter) -> Result<Vec<parallax_store::QuoteRecord>> {
    let store = Store::open_existing(db)?;
    if let Some(id) = story {
        if store.story(id)?.is_none() {
            bail!("no story {id} in {}", parallax_store::shown_location(db));
        }
    }
    Ok(store.quotes(story, filter)?)
}

/// A headline or snippet on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `parallax serve`: the web UI and API over the archive at `db`, until Ctrl-C.
pub fn serve(db: &Path, listen: std::net::SocketAddr, token_file: Option<&Path>) -> Result<ExitCode> {
    let token = match token_file {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("cannot read the token file {}", file.display()))?;
            let token = text.trim().to_string();
            if token.is_empty() {
                anyhow::bail!("the token file {} is empty", file.display());
            }
            Some(token)
        }
        None => std::env::var(parallax_server::TOKEN_ENV).ok().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()),
    };
    let writes = if token.is_some() { "writes need the bearer token" } else { "writes are off (no token)" };
    let mut config = parallax_server::Config::new(db.to_path_buf());
    config.listen = listen;
    config.token = token;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(async {
        let state = parallax_server::AppState::open(&config)?;
        let listener =
            tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
        eprintln!(
            "parallax: serving {} on http://{listen}/ ({writes}); Ctrl-C stops",
            parallax_store::shown_location(db)
        );
        parallax_server::serve_on(listener, state).await?;
        Ok(ExitCode::SUCCESS)
    })
}
