//! The archive of Parallax: articles, their analysis and their stories, kept in an embedded
//! SQLite file that grows as articles arrive — or, to share one archive between machines, in a
//! PostgreSQL database (`--db postgres://user@host/db`; cargo feature `postgres`, on by default).
//!
//! Both backends have the same logical [`schema`] (versioned alike, migrations for each) and
//! the same API: [`Store::open`] picks the backend from what names the archive (a URL with the
//! `postgres://` or `postgresql://` scheme, else a file path), and every method of [`Store`] and
//! [`Batch`] answers the same on either, so the CLI and the server never know which it is.
//!
//! This crate is the only one that knows SQL. The story layer stays storage-agnostic: the store
//! persists what it produces and never changes an article's analysis (the per-article layers
//! are written once, as `parallax-analyze` made them; a story's inferences live in the story's
//! rows and in each article's *view*, rewritten when the story is rebuilt).
//!
//! - [`Store`] opens a file (WAL, foreign keys, versioned [`schema`] with migrations; a file of
//!   a newer schema is refused), and holds every statement: lookups for ingest, stories,
//!   full-text [`Store::search`] (FTS5 with accents folded, BM25, highlighted snippets), quotes,
//!   export queries;
//! - [`archive::Ingest`] is `parallax ingest`: one writer at a time (a lock file), each batch
//!   one transaction, stories rebuilt only when their articles change;
//! - [`export`] writes JSON Lines (the analysis contract), CSV and Parquet;
//! - [`codec`] is the stored form of an article's analysis.
//!
//! ```no_run
//! use parallax_store::{Store, StoryFilter};
//! let store = Store::open_existing(std::path::Path::new("parallax.db"))?;
//! for story in store.stories(&StoryFilter { limit: 10, ..StoryFilter::default() })? {
//!     println!("{} {}", story.id, story.headline);
//! }
//! # Ok::<(), parallax_store::StoreError>(())
//! ```

// Built without PostgreSQL, the dispatch on the backend has one arm.
#![cfg_attr(not(feature = "postgres"), allow(clippy::infallible_destructuring_match))]

/// The SQLite connection of a [`Store`] (`$store.backend`), or — on PostgreSQL — return at once
/// what the PostgreSQL backend answers (`$pg` bound to it in `$e`).
macro_rules! sqlite {
    ($store:expr, $pg:ident => $e:expr) => {
        match &$store.backend {
            crate::store::Backend::Sqlite(c) => c,
            #[cfg(feature = "postgres")]
            crate::store::Backend::Postgres($pg) => return $e,
        }
    };
}

pub mod archive;
mod browse;
pub mod codec;
pub mod export;
#[cfg(feature = "postgres")]
mod pg;
pub mod schema;
mod store;
#[cfg(feature = "postgres")]
#[doc(hidden)]
pub mod testing;

use std::path::PathBuf;

pub use archive::{Ingest, StreamState};
pub use browse::{
    ArticleFilter, ArticleListing, EntityAppearance, EntityListing, EntityProfile, OutletListing, StoredArticle,
};
pub use store::{
    name_key, ArticleView, Batch, Known, NewArticle, QuoteRecord, RunCounts, SearchFilter, SearchHit, Store, StoredDoc,
    StoredStory, StoryEntityRecord, StoryFilter, StoryListing, StoryRecord, TurnLock, WriterLock,
};

/// The default archive file, in the current folder.
pub const DEFAULT_DB: &str = "parallax.db";

/// The environment variable that names the archive when `--db` is not given.
pub const DB_ENV: &str = "PARALLAX_DB";

/// How messages show an archive's location: its path, or its URL with the password (if any)
/// replaced by `***`.
pub fn shown_location(location: &std::path::Path) -> String {
    let text = location.to_string_lossy();
    if !is_postgres_url(&text) {
        return location.display().to_string();
    }
    let Some((scheme, rest)) = text.split_once("://") else { return text.into_owned() };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => text.into_owned(),
        },
        None => text.into_owned(),
    }
}

/// Whether `location` (what `--db` got) names a PostgreSQL database rather than an SQLite file:
/// a URL with the `postgres://` or `postgresql://` scheme.
pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

impl StoreError {
    /// True when the reader of an export closed its end (`parallax export | head`): not an
    /// error for a command-line tool.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, StoreError::Write(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// What can go wrong with an archive.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be opened as a database.
    #[error("cannot open the archive {path}: {source}")]
    Open {
        /// The file.
        path: PathBuf,
        /// Why.
        source: rusqlite::Error,
    },
    /// No archive at this path.
    #[error("no archive at {0}: create one with `parallax ingest INPUT --db {0}`")]
    Missing(PathBuf),
    /// No such PostgreSQL database.
    #[error(
        "no archive at {0}: the database does not exist; create it (`createdb`), then \
         `parallax ingest INPUT --db {0}`"
    )]
    MissingDatabase(String),
    /// Written by a newer Parallax.
    #[error(
        "the archive {path} has schema version {found}, newer than this Parallax understands ({supported}): \
         use a newer Parallax, or another file"
    )]
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: i64,
        /// The newest this build knows.
        supported: i64,
    },
    /// A migration failed (the archive is left at the version before it).
    #[error("upgrading the archive to schema version {version} failed: {source}")]
    Migration {
        /// The version it was going to.
        version: i64,
        /// Why (the backend's error).
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The PostgreSQL server could not be reached, or refused the connection.
    #[error("cannot connect to the archive {url}: {reason}")]
    Connect {
        /// The URL (password hidden).
        url: String,
        /// Why, as the client or the server said.
        reason: String,
    },
    /// Any other PostgreSQL error, as the server or the client said.
    #[error("database: {0}")]
    Postgres(String),
    /// Another ingest holds the writer lock.
    #[error("another `parallax ingest` is writing to {0}; wait for it to finish (readers are not blocked)")]
    Busy(PathBuf),
    /// A stored analysis could not be encoded or decoded.
    #[error("stored analysis: {0}")]
    Codec(String),
    /// A file next to the archive (its lock, an export).
    #[error("{0}")]
    Io(String),
    /// Writing an export failed (a full disk; a reader that closed the pipe: see
    /// [`StoreError::is_broken_pipe`]).
    #[error("writing the export: {0}")]
    Write(std::io::Error),
    /// Any other database error.
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// A PostgreSQL error with what the server or the connection said (the client's own `Display`
/// says only "db error").
#[cfg(feature = "postgres")]
#[doc(hidden)]
pub fn pg_message(e: &tokio_postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut s = format!("{}: {}", db.severity(), db.message());
        if let Some(detail) = db.detail() {
            s += &format!(" ({detail})");
        }
        return s;
    }
    match std::error::Error::source(e) {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
    }
}

#[cfg(feature = "postgres")]
impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> StoreError {
        StoreError::Postgres(pg_message(&e))
    }
}

impl StoreError {
    fn open(path: &std::path::Path, source: rusqlite::Error) -> StoreError {
        StoreError::Open { path: path.to_path_buf(), source }
    }
}
