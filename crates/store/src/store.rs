//! The archive: opening (pragmas, migrations, the one-writer lock) and every statement that reads
//! or writes it. No other module of Parallax writes SQL. An archive is an SQLite file (the
//! statements here) or, named by a `postgres://` URL, a PostgreSQL database (the same statements
//! in its dialect, `pg.rs`): every method dispatches on the [`Backend`] first.

use std::fs::File;
use std::path::{Path, PathBuf};

use parallax_doc::{Doc, EventStatus, QuoteKind};
use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use crate::{codec, schema, StoreError};

/// An open archive.
pub struct Store {
    pub(crate) backend: Backend,
    path: PathBuf,
}

/// The database behind a [`Store`]: the same logical schema and the same API on each.
pub(crate) enum Backend {
    /// An SQLite file (the default).
    Sqlite(Connection),
    /// A PostgreSQL database.
    #[cfg(feature = "postgres")]
    Postgres(Box<crate::pg::Pg>),
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// The lock an ingest holds for its whole run: one writer per archive. Released when dropped
/// (and by the operating system when the process dies, so a killed ingest never leaves it).
/// On PostgreSQL it is a session advisory lock held by a connection of its own, released when
/// dropped or when the process dies (its connection closes).
#[derive(Debug)]
pub struct WriterLock {
    _held: Held,
}

#[derive(Debug)]
enum Held {
    File(#[allow(dead_code)] File),
    #[cfg(feature = "postgres")]
    Postgres(#[allow(dead_code)] Box<crate::pg::PgLock>),
}

/// A lock the writers of one archive take in turns for a moment, apart from the writer lock.
/// Workers pull from the work stream while holding it, so that each pull takes a run of
/// consecutive messages: JetStream hands the messages to pulls waiting at the same time in turn,
/// one each, and workers that store in the stream's order would then store a few articles per
/// transaction. Opened once ([`Store::turn_lock`]) and held for each turn ([`TurnLock::try_hold`]);
/// released by the operating system or the server when its process dies.
#[derive(Debug)]
pub struct TurnLock {
    turn: Turn,
}

#[derive(Debug)]
enum Turn {
    File(File),
    #[cfg(feature = "postgres")]
    Postgres(Box<crate::pg::PgTurn>),
}

impl TurnLock {
    /// Runs `f` while holding the lock, or returns `None` at once when another process holds it.
    pub fn try_hold<R>(&mut self, f: impl FnOnce() -> R) -> Result<Option<R>, StoreError> {
        match &mut self.turn {
            Turn::File(file) => match file.try_lock() {
                Ok(()) => {
                    let r = f();
                    file.unlock().map_err(|e| StoreError::Io(format!("releasing the turn lock: {e}")))?;
                    Ok(Some(r))
                }
                Err(std::fs::TryLockError::WouldBlock) => Ok(None),
                Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Io(format!("the turn lock: {e}"))),
            },
            #[cfg(feature = "postgres")]
            Turn::Postgres(pg) => pg.try_hold(f),
        }
    }
}

/// How a story is listed: `parallax stories`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoryListing {
    /// The story's id.
    pub id: i64,
    /// Its headline.
    pub headline: String,
    /// How many articles it has.
    pub articles: i64,
    /// Its outlets, most articles first.
    pub outlets: Vec<String>,
    /// The earliest publication date of its articles.
    pub first_published: Option<String>,
    /// The latest publication date of its articles.
    pub last_published: Option<String>,
}

/// What `parallax stories` keeps.
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    /// Stories with an article published on or after this day (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Stories with an article from this outlet (case ignored).
    pub outlet: Option<String>,
    /// Stories naming this entity (any of its names, case and accents ignored).
    pub entity: Option<String>,
    /// Stories with an article published on or before this day (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// Stories with an article in this language (ISO 639-1 code).
    pub language: Option<String>,
    /// At most this many, latest first.
    pub limit: usize,
    /// Skip this many first (pagination).
    pub offset: usize,
}

/// A stored story as rendered at its last build.
#[derive(Debug, Clone)]
pub struct StoredStory {
    /// Its listing.
    pub listing: StoryListing,
    /// The story's JSON object in the analysis contract.
    pub json: String,
    /// Its Markdown brief.
    pub brief: String,
    /// Its timeline in Markdown.
    pub timeline: String,
    /// Its timeline as JSON.
    pub timeline_json: String,
}

/// An article to insert: the analysed document and where it goes.
#[derive(Debug)]
pub struct NewArticle<'a> {
    /// Its id (assigned by the one writer).
    pub id: i64,
    /// What identifies it across ingests: its URL, else its record id, else its source.
    pub key: &'a str,
    /// Hash of its content (text, title, outlet).
    pub content_hash: i64,
    /// The article it copies, when it is a copy.
    pub duplicate_of: Option<i64>,
    /// Its story.
    pub story_id: i64,
    /// The run that brought it.
    pub run_id: i64,
    /// Its analysis as written by `parallax-analyze` (with `duplicate_of` set).
    pub doc: &'a Doc,
    /// The analysis encoded ([`codec::encode`]).
    pub analysis: &'a [u8],
}

/// A story as built by the story layer, ready to store.
#[derive(Debug, Default)]
pub struct StoryRecord {
    /// Its id.
    pub id: i64,
    /// Its headline.
    pub headline: String,
    /// Earliest and latest publication day of its articles.
    pub first_published: Option<String>,
    /// Latest publication day.
    pub last_published: Option<String>,
    /// Its outlets, most articles first.
    pub outlets: Vec<String>,
    /// The story's JSON (contract).
    pub json: String,
    /// The Markdown brief.
    pub brief: String,
    /// The timeline in Markdown.
    pub timeline: String,
    /// The timeline as JSON.
    pub timeline_json: String,
    /// Its entities: kind, name, aliases, roles.
    pub entities: Vec<StoryEntityRecord>,
    /// Per article: its id and its quotes' story-level speakers.
    pub articles: Vec<ArticleView>,
}

/// A story entity to store.
#[derive(Debug, Default)]
pub struct StoryEntityRecord {
    /// Person, organisation, place...
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Other names used.
    pub aliases: Vec<String>,
    /// Roles given.
    pub roles: Vec<String>,
}

/// An article as its story shows it.
#[derive(Debug, Default)]
pub struct ArticleView {
    /// The article's id.
    pub id: i64,
    /// Its quotes whose story-level speaker name differs from the article's own: quote index and
    /// name (`None`: no speaker).
    pub speakers: Vec<(usize, Option<String>)>,
}

/// An article already in the archive, as ingest looks it up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    /// Its id.
    pub id: i64,
    /// Its content hash.
    pub content_hash: i64,
    /// Its story.
    pub story_id: Option<i64>,
}

/// One row of a search result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SearchHit {
    /// The article's id.
    pub article: i64,
    /// Its source.
    pub source: String,
    /// Its story.
    pub story: Option<i64>,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// The matching passage, matches between `[` and `]`.
    pub snippet: String,
    /// BM25 rank (lower is better).
    pub rank: f64,
}

/// What `parallax search` keeps besides the query.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// Only this outlet (case ignored).
    pub outlet: Option<String>,
    /// Published on or after (`YYYY-MM-DD`).
    pub since: Option<String>,
    /// Published on or before (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// Only articles quoting this speaker.
    pub speaker: Option<String>,
    /// Only articles naming this entity.
    pub entity: Option<String>,
    /// At most this many hits.
    pub limit: usize,
    /// Skip this many first (pagination).
    pub offset: usize,
}

/// One stored quote with its article's metadata: a row of `quotes --db` and of the export.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteRecord {
    /// Story-level speaker name.
    pub speaker: Option<String>,
    /// The quoted words.
    pub quote: String,
    /// direct, partial, indirect.
    pub kind: String,
    /// The cue.
    pub cue: Option<String>,
    /// The words naming the speaker.
    pub speaker_text: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// The article's source.
    pub article: String,
    /// The article's id.
    pub article_id: i64,
    /// The story's id.
    pub story: Option<i64>,
}

/// Counts of an ingest run, as stored.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct RunCounts {
    /// Articles read.
    pub read: u64,
    /// New articles stored.
    pub new: u64,
    /// Already stored, unchanged.
    pub skipped: u64,
    /// New versions that replaced a stored article.
    pub replaced: u64,
    /// Inputs that could not be read.
    pub failed: u64,
    /// Stories started.
    pub stories_new: u64,
    /// Existing stories rebuilt.
    pub stories_updated: u64,
}

/// What the writer lock's file adds to the archive's name.
const WRITER_LOCK_SUFFIX: &str = ".writer-lock";

/// The file of a SQLite archive's turn lock ([`Store::turn_lock`]), beside the archive.
const TURN_LOCK_SUFFIX: &str = ".turn-lock";

/// Page size of a new archive file, in bytes.
const PAGE_SIZE: i64 = 8 * 1024;

/// Page cache of one connection, in KiB (SQLite's default is 2 MiB).
const CACHE_KIB: i64 = 32 * 1024;

impl Store {
    /// Opens the archive at `path`, creating it when missing and migrating an older one. A `path`
    /// that is a `postgres://` or `postgresql://` URL opens that PostgreSQL database instead
    /// (creating the schema in an empty one).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(url) = postgres_url(path) {
            return Store::open_postgres(url, true, None);
        }
        let conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        let mut store = Store { backend: Backend::Sqlite(conn), path: path.to_path_buf() };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing archive for reading (a reader works while an ingest writes): a file
    /// that exists, or a PostgreSQL database that exists (an empty one gets the schema, as an empty file).
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        if let Some(url) = postgres_url(path) {
            return Store::open_postgres(url, false, None);
        }
        if !path.exists() {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        Store::open(path)
    }

    #[cfg(feature = "postgres")]
    fn open_postgres(url: &str, create: bool, version: Option<i64>) -> Result<Store, StoreError> {
        let pg = crate::pg::Pg::open(url, create, version)?;
        Ok(Store { backend: Backend::Postgres(Box::new(pg)), path: PathBuf::from(crate::pg::redacted(url)) })
    }

    #[cfg(not(feature = "postgres"))]
    fn open_postgres(_url: &str, _create: bool, _version: Option<i64>) -> Result<Store, StoreError> {
        Err(StoreError::Io("this Parallax was built without PostgreSQL (cargo feature `postgres`)".into()))
    }

    /// The file of this archive; for a PostgreSQL archive, its URL (password hidden).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this archive is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        !matches!(self.backend, Backend::Sqlite(_))
    }

    fn sqlite_mut(&mut self) -> &mut Connection {
        match &mut self.backend {
            Backend::Sqlite(c) => c,
            #[cfg(feature = "postgres")]
            Backend::Postgres(_) => unreachable!("SQLite set-up on a PostgreSQL archive"),
        }
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        let conn = self.sqlite_mut();
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // a new file only (the page size of an existing one is fixed): an article row with its
        // text and analysis fills a few 16 KiB pages rather than a chain of 4 KiB overflow pages
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    /// The schema version of the archive (`PRAGMA user_version`; on PostgreSQL, the row of
    /// `schema_version`).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        let conn = sqlite!(self, pg => pg.schema_version());
        Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let found = self.schema_version()?;
        if found > schema::LATEST {
            return Err(StoreError::NewerSchema { path: self.path.clone(), found, supported: schema::LATEST });
        }
        if found == schema::LATEST {
            return Ok(());
        }
        let tx = self.sqlite_mut().transaction_with_behavior(TransactionBehavior::Immediate)?;
        // another process may have migrated while this one waited for the lock
        let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        for (v, sql) in schema::MIGRATIONS.iter().enumerate().skip(now.max(0) as usize) {
            tx.execute_batch(sql).map_err(|e| StoreError::Migration { version: v as i64 + 1, source: Box::new(e) })?;
            tx.pragma_update(None, "user_version", v as i64 + 1)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Applies only the first `version` migrations to a new file: for tests of upgrades.
    #[doc(hidden)]
    pub fn create_at_version(path: &Path, version: i64) -> Result<Store, StoreError> {
        if let Some(url) = postgres_url(path) {
            return Store::open_postgres(url, true, Some(version));
        }
        let conn = Connection::open(path).map_err(|e| StoreError::open(path, e))?;
        let mut store = Store { backend: Backend::Sqlite(conn), path: path.to_path_buf() };
        store.configure()?;
        let conn = store.sqlite_mut();
        for (v, sql) in schema::MIGRATIONS.iter().enumerate().take(version.max(0) as usize) {
            conn.execute_batch(sql)?;
            conn.pragma_update(None, "user_version", v as i64 + 1)?;
        }
        Ok(store)
    }

    /// Every file an archive at `path` keeps: the database, SQLite's write-ahead log and shared
    /// memory beside it, and the writer and turn locks ([`Store::lock_writer`],
    /// [`Store::turn_lock`]). None for a PostgreSQL URL.
    pub fn files_of(path: &Path) -> Vec<PathBuf> {
        if postgres_url(path).is_some() {
            return Vec::new();
        }
        ["", "-wal", "-shm", WRITER_LOCK_SUFFIX, TURN_LOCK_SUFFIX]
            .iter()
            .map(|suffix| {
                let mut name = path.as_os_str().to_owned();
                name.push(suffix);
                PathBuf::from(name)
            })
            .collect()
    }

    /// Takes the writer lock of this archive, or says who holds it.
    pub fn lock_writer(&self) -> Result<WriterLock, StoreError> {
        #[cfg(feature = "postgres")]
        if let Backend::Postgres(pg) = &self.backend {
            return Ok(WriterLock { _held: Held::Postgres(Box::new(pg.lock_writer()?)) });
        }
        let file = self.lock_file(WRITER_LOCK_SUFFIX)?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _held: Held::File(file) }),
            Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::Busy(self.path.clone())),
            Err(std::fs::TryLockError::Error(e)) => Err(StoreError::Io(format!("{}: {e}", self.path.display()))),
        }
    }

    /// Opens this archive's [`TurnLock`] (a file beside a SQLite archive; a connection of its own
    /// to PostgreSQL, taking an advisory lock).
    pub fn turn_lock(&self) -> Result<TurnLock, StoreError> {
        #[cfg(feature = "postgres")]
        if let Backend::Postgres(pg) = &self.backend {
            return Ok(TurnLock { turn: Turn::Postgres(Box::new(pg.turn_lock()?)) });
        }
        Ok(TurnLock { turn: Turn::File(self.lock_file(TURN_LOCK_SUFFIX)?) })
    }

    /// The lock file beside a SQLite archive with `suffix` (created when missing), not yet locked.
    fn lock_file(&self, suffix: &str) -> Result<File, StoreError> {
        let mut lock_path = self.path.clone().into_os_string();
        lock_path.push(suffix);
        File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| StoreError::Io(format!("{}: {e}", PathBuf::from(&lock_path).display())))
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound. On PostgreSQL (which checks its
    /// own pages): "ok" when the server answers and the schema is current.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let conn = sqlite!(self, pg => pg.integrity_check());
        Ok(conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// The next free article and story ids (the one writer assigns them).
    pub fn next_ids(&self) -> Result<(i64, i64), StoreError> {
        let conn = sqlite!(self, pg => pg.next_ids());
        let a: i64 = conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM articles", [], |r| r.get(0))?;
        let s: i64 = conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM stories", [], |r| r.get(0))?;
        Ok((a, s))
    }

    /// Starts an ingest run; returns its id.
    pub fn start_run(&self, inputs: &[String]) -> Result<i64, StoreError> {
        let conn = sqlite!(self, pg => pg.start_run(inputs));
        conn.execute(
            "INSERT INTO runs (started, inputs) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?1)",
            params![serde_json::to_string(inputs).unwrap_or_default()],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// Records a run's counts and duration.
    pub fn finish_run(&self, run: i64, counts: &RunCounts, seconds: f64) -> Result<(), StoreError> {
        let conn = sqlite!(self, pg => pg.finish_run(run, counts, seconds));
        conn.execute(
            "UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), read = ?2, new = ?3, skipped = ?4,
             replaced = ?5, failed = ?6, stories_new = ?7, stories_updated = ?8, seconds = ?9 WHERE id = ?1",
            params![
                run,
                counts.read as i64,
                counts.new as i64,
                counts.skipped as i64,
                counts.replaced as i64,
                counts.failed as i64,
                counts.stories_new as i64,
                counts.stories_updated as i64,
                seconds
            ],
        )?;
        Ok(())
    }

    /// The stored article with this key.
    pub fn find_key(&self, key: &str) -> Result<Option<Known>, StoreError> {
        let conn = sqlite!(self, pg => pg.find_key(key));
        Ok(conn
            .prepare_cached("SELECT id, content_hash, story_id FROM articles WHERE key = ?1")?
            .query_row(params![key], |r| Ok(Known { id: r.get(0)?, content_hash: r.get(1)?, story_id: r.get(2)? }))
            .optional()?)
    }

    /// A stored article with this content hash.
    pub fn find_content(&self, content_hash: i64) -> Result<Option<i64>, StoreError> {
        let conn = sqlite!(self, pg => pg.find_content(content_hash));
        Ok(conn
            .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1 LIMIT 1")?
            .query_row(params![content_hash], |r| r.get(0))
            .optional()?)
    }

    /// (story, article) of the stories most recently extended, newest first, until `max_articles`
    /// articles: what an ingest's story clustering starts from.
    /// Stories of `max_story` articles or more are left out (they take no more).
    pub fn recent_story_articles(&self, max_articles: usize, max_story: usize) -> Result<Vec<(i64, i64)>, StoreError> {
        let conn = sqlite!(self, pg => pg.recent_story_articles(max_articles, max_story));
        let mut stmt = conn.prepare(
            "SELECT s.id, a.id FROM stories s JOIN articles a ON a.story_id = s.id
             WHERE s.articles < ?1 ORDER BY s.updated_run DESC, s.id DESC, a.id",
        )?;
        let rows = stmt.query_map(params![max_story as i64], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(whole_stories(rows, max_articles)?)
    }

    /// (article id, story id) of every article with an id from `first` on, in id order: what
    /// other writers stored since a worker's last batch.
    pub fn article_stories_from(&self, first: i64) -> Result<Vec<(i64, Option<i64>)>, StoreError> {
        let conn = sqlite!(self, pg => pg.article_stories_from(first));
        let mut stmt = conn.prepare_cached("SELECT id, story_id FROM articles WHERE id >= ?1 ORDER BY id")?;
        let rows = stmt.query_map(params![first], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// (id, source, text) of the last `n` articles, oldest first: what copies are looked for in.
    pub fn recent_texts(&self, n: usize) -> Result<Vec<(i64, String, String)>, StoreError> {
        let conn = sqlite!(self, pg => pg.recent_texts(n));
        let mut stmt = conn.prepare("SELECT id, source, text FROM articles ORDER BY id DESC LIMIT ?1")?;
        let mut out: Vec<(i64, String, String)> =
            stmt.query_map(params![n as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<Result<_, _>>()?;
        out.reverse();
        Ok(out)
    }

    /// The analysed articles of a story, in id order. A row whose analysis cannot be decoded
    /// (written by another format) is returned as `Err` with its text and metadata so the caller
    /// can analyse it again.
    pub fn story_docs(&self, story: i64) -> Result<Vec<StoredDoc>, StoreError> {
        let conn = sqlite!(self, pg => pg.story_docs(story));
        story_docs(conn, story)
    }

    /// One analysed article by id (see [`Store::story_docs`]).
    pub fn article_doc(&self, id: i64) -> Result<Option<StoredDoc>, StoreError> {
        let conn = sqlite!(self, pg => pg.article_doc(id));
        let mut stmt = conn.prepare_cached(&format!("{ARTICLE_COLUMNS} WHERE id = ?1"))?;
        Ok(stmt.query_row(params![id], read_article).optional()?)
    }

    /// Starts a write transaction (waits for readers to finish their statements, never for
    /// another writer: the caller holds the [`WriterLock`]).
    pub fn write(&mut self) -> Result<Batch<'_>, StoreError> {
        Ok(Batch {
            tx: match &mut self.backend {
                Backend::Sqlite(c) => Tx::Sqlite(c.transaction_with_behavior(TransactionBehavior::Immediate)?),
                #[cfg(feature = "postgres")]
                Backend::Postgres(pg) => Tx::Postgres(pg.write()?),
            },
        })
    }

    /// Stories, latest first.
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StoryListing>, StoreError> {
        let conn = sqlite!(self, pg => pg.stories(filter));
        let mut sql = String::from(
            "SELECT s.id, s.headline, s.articles, s.outlets, s.first_published, s.last_published FROM stories s WHERE 1",
        );
        let mut args: Vec<String> = Vec::new();
        if let Some(since) = &filter.since {
            args.push(since.clone());
            sql += &format!(" AND s.last_published >= ?{}", args.len());
        }
        if let Some(outlet) = &filter.outlet {
            args.push(outlet.clone());
            sql += &format!(
                " AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.outlet = ?{} COLLATE NOCASE)",
                args.len()
            );
        }
        if let Some(entity) = &filter.entity {
            args.push(format!("%{}%", name_key(entity)));
            sql += &format!(
                " AND EXISTS (SELECT 1 FROM story_entities e WHERE e.story_id = s.id AND (e.name_key LIKE ?{n} OR e.aliases LIKE ?{n}))",
                n = args.len()
            );
        }
        if let Some(until) = &filter.until {
            args.push(until.clone());
            sql += &format!(" AND s.first_published <= ?{}", args.len());
        }
        if let Some(language) = &filter.language {
            args.push(language.clone());
            sql += &format!(
                " AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.language = ?{})",
                args.len()
            );
        }
        sql += &format!(
            " ORDER BY s.last_published DESC NULLS LAST, s.id DESC LIMIT {} OFFSET {}",
            filter.limit.max(1),
            filter.offset
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), read_listing)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One stored story.
    pub fn story(&self, id: i64) -> Result<Option<StoredStory>, StoreError> {
        let conn = sqlite!(self, pg => pg.story(id));
        let mut stmt = conn.prepare_cached(
            "SELECT id, headline, articles, outlets, first_published, last_published, json, brief, timeline, timeline_json
             FROM stories WHERE id = ?1",
        )?;
        Ok(stmt
            .query_row(params![id], |r| {
                Ok(StoredStory {
                    listing: read_listing(r)?,
                    json: r.get(6)?,
                    brief: r.get(7)?,
                    timeline: r.get(8)?,
                    timeline_json: r.get(9)?,
                })
            })
            .optional()?)
    }

    /// Full-text search over titles, texts and quotes, best first.
    pub fn search(&self, query: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>, StoreError> {
        let conn = sqlite!(self, pg => pg.search(query, filter));
        let fts = fts_query(query);
        if fts.is_empty() {
            return Ok(Vec::new());
        }
        // a query matching more than RANK_WINDOW articles ranks the latest RANK_WINDOW of them
        // (ids grow with ingest): walking ids from the newest stops early, ranking all would not
        let floor: i64 = conn
            .prepare_cached(
                "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?2",
            )?
            .query_row(params![fts, RANK_WINDOW - 1], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let mut args: Vec<String> = vec![fts, floor.to_string()];
        // the best matches first (ranked inside the index, then filtered: CROSS JOIN keeps the
        // index as the outer loop, never one match per filtered article), then snippets for
        // those only: a snippet costs more than a rank
        let mut top = String::from(
            "SELECT f.rowid AS id, f.rank AS rank FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid
             WHERE articles_fts MATCH ?1 AND f.rowid >= CAST(?2 AS INTEGER)",
        );
        push_article_filters(&mut top, &mut args, filter);
        top += &format!(" ORDER BY f.rank LIMIT {} OFFSET {}", filter.limit.max(1), filter.offset);
        let sql = format!(
            "WITH top AS ({top})
             SELECT a.id, a.source, a.story_id, a.title, a.outlet, a.published, a.url, a.text, a.quote_text, top.rank
             FROM top JOIN articles a ON a.id = top.id ORDER BY top.rank"
        );
        let terms = query_terms(query);
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let text: String = r.get(7)?;
            let quotes: String = r.get(8)?;
            let title: Option<String> = r.get(3)?;
            let snippet = snippet(&text, &terms)
                .or_else(|| snippet(&quotes, &terms))
                .or_else(|| title.as_deref().and_then(|t| snippet(t, &terms)))
                .unwrap_or_default();
            Ok(SearchHit {
                article: r.get(0)?,
                source: r.get(1)?,
                story: r.get(2)?,
                title,
                outlet: r.get(4)?,
                published: r.get(5)?,
                url: r.get(6)?,
                snippet,
                rank: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Quotes, filtered like a search, optionally of one story; in article order.
    pub fn quotes(&self, story: Option<i64>, filter: &SearchFilter) -> Result<Vec<QuoteRecord>, StoreError> {
        let conn = sqlite!(self, pg => pg.quotes(story, filter));
        let mut args: Vec<String> = Vec::new();
        let mut sql = String::from(
            "SELECT q.speaker, CAST(substr(CAST(a.text AS BLOB), q.start + 1, q.end - q.start) AS TEXT), q.kind, q.cue, q.speaker_text,
                    a.outlet, a.published, a.url, a.source, a.id, a.story_id
             FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1",
        );
        if let Some(story) = story {
            args.push(story.to_string());
            sql += &format!(" AND a.story_id = ?{}", args.len());
        }
        push_article_filters(&mut sql, &mut args, filter);
        sql += " ORDER BY a.id, q.idx";
        if filter.limit > 0 {
            sql += &format!(" LIMIT {} OFFSET {}", filter.limit, filter.offset);
        }
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), quote_record)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Titles of `n` articles spread over the archive (every k-th by id): for benchmarks.
    pub fn sample_titles(&self, n: usize) -> Result<Vec<String>, StoreError> {
        let conn = sqlite!(self, pg => pg.sample_titles(n));
        let total: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        let step = (total / n.max(1) as i64).max(1);
        let mut stmt =
            conn.prepare("SELECT title FROM articles WHERE title IS NOT NULL AND id % ?1 = 0 ORDER BY id LIMIT ?2")?;
        let rows = stmt.query_map(params![step, n as i64], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Outlets by number of articles, most first.
    pub fn outlets(&self) -> Result<Vec<String>, StoreError> {
        let conn = sqlite!(self, pg => pg.outlets());
        let mut stmt = conn
            .prepare("SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every story id, in order.
    pub fn story_ids(&self) -> Result<Vec<i64>, StoreError> {
        let conn = sqlite!(self, pg => pg.story_ids());
        let mut stmt = conn.prepare("SELECT id FROM stories ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Calls `f` with each story's JSON, in id order, one at a time.
    pub fn for_each_story_json(&self, mut f: impl FnMut(&str) -> Result<(), StoreError>) -> Result<(), StoreError> {
        let conn = sqlite!(self, pg => pg.for_each_story_json(f));
        let mut stmt = conn.prepare("SELECT json FROM stories ORDER BY id")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            f(r.get_ref(0)?.as_str().unwrap_or("{}"))?;
        }
        Ok(())
    }

    /// Runs `sql` (a query of this crate's export module, in the backend's dialect) and calls `f` with each row's values
    /// as text (NULL as `None`).
    pub(crate) fn for_each_row(
        &self,
        sql: &crate::export::Query,
        mut f: impl FnMut(&[Option<String>]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let conn = sqlite!(self, pg => pg.for_each_row(sql.postgres, f));
        let mut stmt = conn.prepare(sql.sqlite)?;
        let n = stmt.column_count();
        let mut rows = stmt.query([])?;
        let mut values = vec![None; n];
        while let Some(r) = rows.next()? {
            for (i, v) in values.iter_mut().enumerate() {
                *v = match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => None,
                    rusqlite::types::ValueRef::Integer(x) => Some(x.to_string()),
                    rusqlite::types::ValueRef::Real(x) => Some(x.to_string()),
                    rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                        Some(String::from_utf8_lossy(t).into_owned())
                    }
                };
            }
            f(&values)?;
        }
        Ok(())
    }

    /// Number of articles, stories and quotes.
    pub fn counts(&self) -> Result<(i64, i64, i64), StoreError> {
        let conn = sqlite!(self, pg => pg.counts());
        let count = |t: &str| -> Result<i64, StoreError> {
            Ok(conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?)
        };
        Ok((count("articles")?, count("stories")?, count("quotes")?))
    }

    /// Articles that are in no story, or whose story row is missing: none in a sound archive.
    pub fn orphan_articles(&self) -> Result<i64, StoreError> {
        let conn = sqlite!(self, pg => pg.orphan_articles());
        Ok(conn.query_row(
            "SELECT count(*) FROM articles a WHERE a.story_id IS NULL
               OR NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Sources of every stored article, sorted.
    pub fn sources(&self) -> Result<Vec<String>, StoreError> {
        let conn = sqlite!(self, pg => pg.sources());
        let mut stmt = conn.prepare("SELECT source FROM articles ORDER BY source")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// The URL when `path` names a PostgreSQL database (`postgres://` or `postgresql://`).
/// The (story, article) rows of whole stories, in order, until `max_articles` are reached: a
/// story is never cut, but none starts once the limit is met. Rows are read no further.
pub(crate) fn whole_stories<E>(
    rows: impl IntoIterator<Item = Result<(i64, i64), E>>,
    max_articles: usize,
) -> Result<Vec<(i64, i64)>, E> {
    let mut out = Vec::new();
    let mut current = None;
    for row in rows {
        let (story, article) = row?;
        if current != Some(story) {
            if out.len() >= max_articles {
                break;
            }
            current = Some(story);
        }
        out.push((story, article));
    }
    Ok(out)
}

fn postgres_url(path: &Path) -> Option<&str> {
    path.to_str().filter(|s| crate::is_postgres_url(s))
}

/// A stored article: its id, and its decoded analysis or (`Err`, when the stored analysis is of
/// another format) a document with its text and metadata to analyse again.
pub type StoredDoc = (i64, Result<Doc, Doc>);

/// A stored analysis, or the document analysed again with `analyse` when its analysis was
/// written in another format (the `Err` of a [`StoredDoc`]).
pub fn analysed(doc: Result<Doc, Doc>, analyse: fn(&mut Doc)) -> Doc {
    doc.unwrap_or_else(|mut d| {
        analyse(&mut d);
        d
    })
}

/// A search matching more articles than this ranks the latest this many (by BM25).
pub const RANK_WINDOW: i64 = 5000;

/// The columns [`read_article`] reads.
const ARTICLE_COLUMNS: &str = "SELECT id, source, record_id, url, title, authors, outlet, outlet_from, published,
    published_from, language, text, removed, analysis, analysis_format FROM articles";

/// The stored articles of a story, in id order, as `conn` sees them.
fn story_docs(conn: &Connection, story: i64) -> Result<Vec<StoredDoc>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{ARTICLE_COLUMNS} WHERE story_id = ?1 ORDER BY id"))?;
    let rows = stmt.query_map(params![story], read_article)?;
    rows.map(|r| r.map_err(StoreError::from)).collect()
}

/// An article row: its decoded analysis, or (when it cannot be decoded) a document with its
/// text and metadata to analyse again.
fn read_article(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredDoc> {
    let id: i64 = r.get(0)?;
    let text: String = r.get(11)?;
    let format: i64 = r.get(14)?;
    if format == codec::ANALYSIS_FORMAT {
        if let Ok(doc) = codec::decode_layers(r.get_ref(13)?.as_blob()?) {
            return Ok((id, Ok(codec::with_text(doc, text))));
        }
    }
    Ok((id, Err(fallback_doc(r, text)?)))
}

/// An article row's text and metadata as a document to analyse again.
fn fallback_doc(r: &rusqlite::Row<'_>, text: String) -> rusqlite::Result<Doc> {
    Ok(fallback_fields(
        r.get(1)?,
        text,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
    ))
}

/// A document from an article row's stored fields (authors as JSON, provenances by name), to
/// analyse again: the columns of `ARTICLE_COLUMNS` from `source` to `language`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn fallback_fields(
    source: String,
    text: String,
    record_id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    authors: String,
    outlet: Option<String>,
    outlet_from: String,
    published: Option<String>,
    published_from: String,
    language: Option<String>,
) -> Doc {
    let mut doc = Doc::new(source, text);
    doc.meta.id = record_id;
    doc.meta.url = url;
    doc.meta.title = title;
    doc.meta.authors = serde_json::from_str(&authors).unwrap_or_default();
    doc.meta.outlet = outlet;
    doc.meta.outlet_from = provenance(&outlet_from);
    doc.meta.published = published;
    doc.meta.published_from = provenance(&published_from);
    doc.meta.language = language;
    doc
}

fn provenance(s: &str) -> parallax_doc::Provenance {
    use parallax_doc::Provenance::*;
    match s {
        "given" => Given,
        "markup" => Markup,
        "text" => Text,
        "inferred" => Inferred,
        "url" => Url,
        _ => Unknown,
    }
}

pub(crate) fn provenance_name(p: parallax_doc::Provenance) -> &'static str {
    use parallax_doc::Provenance::*;
    match p {
        Given => "given",
        Markup => "markup",
        Text => "text",
        Inferred => "inferred",
        Unknown => "unknown",
        Url => "url",
    }
}

pub(crate) fn read_listing(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoryListing> {
    Ok(StoryListing {
        id: r.get(0)?,
        headline: r.get(1)?,
        articles: r.get(2)?,
        outlets: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or_default(),
        first_published: r.get(4)?,
        last_published: r.get(5)?,
    })
}

/// A quote row selected as `speaker, quote text, kind, cue, speaker_text, outlet, published, url,
/// source, article id, story id`.
pub(crate) fn quote_record(r: &rusqlite::Row<'_>) -> rusqlite::Result<QuoteRecord> {
    Ok(QuoteRecord {
        speaker: r.get(0)?,
        quote: quote_text(r.get_ref(1)?),
        kind: r.get(2)?,
        cue: r.get(3)?,
        speaker_text: r.get(4)?,
        outlet: r.get(5)?,
        published: r.get(6)?,
        url: r.get(7)?,
        article: r.get(8)?,
        article_id: r.get(9)?,
        story: r.get(10)?,
    })
}

fn quote_text(v: rusqlite::types::ValueRef<'_>) -> String {
    match v {
        rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
            String::from_utf8_lossy(t).into_owned()
        }
        _ => String::new(),
    }
}

/// The article filters of a search or quote listing, as SQL over `a` (articles).
pub(crate) fn push_article_filters(sql: &mut String, args: &mut Vec<String>, filter: &SearchFilter) {
    if let Some(outlet) = &filter.outlet {
        args.push(outlet.clone());
        *sql += &format!(" AND a.outlet = ?{} COLLATE NOCASE", args.len());
    }
    if let Some(since) = &filter.since {
        args.push(since.clone());
        *sql += &format!(" AND a.published >= ?{}", args.len());
    }
    if let Some(until) = &filter.until {
        // a timestamp on the last day is still within it
        args.push(format!("{until}\u{10ffff}"));
        *sql += &format!(" AND a.published <= ?{}", args.len());
    }
    if let Some(speaker) = &filter.speaker {
        args.push(format!("%{}%", name_key(speaker)));
        *sql += &format!(
            " AND EXISTS (SELECT 1 FROM quotes sq WHERE sq.article_id = a.id AND sq.speaker_key LIKE ?{})",
            args.len()
        );
    }
    if let Some(entity) = &filter.entity {
        args.push(format!("%{}%", name_key(entity)));
        *sql += &format!(
            " AND EXISTS (SELECT 1 FROM entities se WHERE se.article_id = a.id AND se.name_key LIKE ?{})",
            args.len()
        );
    }
}

/// A name folded for matching: lower-case ASCII transliteration, one space between words.
pub fn name_key(name: &str) -> String {
    parallax_story::text::fold(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words around the best passage of a hit, on either side of its first match.
const SNIPPET_WORDS: usize = 8;

/// The folded words of a query (what the index matched).
pub(crate) fn query_terms(query: &str) -> Vec<String> {
    query.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(name_key).collect()
}

/// The passage of `text` where most query terms meet (a phrase, or the words of a query close
/// together; the earliest such place), matches in `[brackets]`, cut with `…`; `None` when no
/// word matches.
pub fn snippet(text: &str, terms: &[String]) -> Option<String> {
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    // which query term each word is, if any
    let term_of: Vec<Option<usize>> = words
        .iter()
        .map(|&(s, e)| {
            let key = name_key(&text[s..e]);
            terms.iter().position(|t| *t == key)
        })
        .collect();
    let is_match = |i: usize| term_of.get(i).copied().flatten().is_some();
    // the matching word that opens the window holding the most distinct terms
    let mut best: Option<(usize, usize)> = None;
    for m in (0..words.len()).filter(|&i| is_match(i)) {
        let mut seen: Vec<usize> = Vec::new();
        for t in term_of[m..(m + 2 * SNIPPET_WORDS).min(words.len())].iter().flatten() {
            if !seen.contains(t) {
                seen.push(*t);
            }
        }
        if best.is_none_or(|(n, _)| seen.len() > n) {
            best = Some((seen.len(), m));
        }
        if seen.len() == terms.len() {
            break;
        }
    }
    let (_, first) = best?;
    let from = first.saturating_sub(SNIPPET_WORDS / 2);
    let to = (first + 2 * SNIPPET_WORDS).min(words.len() - 1);
    let (cut_start, cut_end) = (words[from].0, words[to].1);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = cut_start;
    for (i, w) in words.iter().enumerate().take(to + 1).skip(from) {
        out.push_str(&text[at..w.0]);
        if is_match(i) {
            out.push('[');
            out.push_str(&text[w.0..w.1]);
            out.push(']');
        } else {
            out.push_str(&text[w.0..w.1]);
        }
        at = w.1;
    }
    debug_assert_eq!(at, cut_end);
    if to + 1 < words.len() {
        out.push('…');
    } else {
        // the end of the text: its closing punctuation too
        out.push_str(&text[at..]);
    }
    Some(out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A user's query as an FTS5 query: words and `"quoted phrases"` kept, every other character
/// treated as a separator, so no input is an FTS5 syntax error. Words must all match (AND).
pub fn fts_query(query: &str) -> String {
    let mut parts = Vec::new();
    for (i, chunk) in query.split('"').enumerate() {
        let words: Vec<String> =
            chunk.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_string()).collect();
        if words.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            // inside quotation marks: a phrase
            parts.push(format!("\"{}\"", words.join(" ")));
        } else {
            parts.extend(words.into_iter().map(|w| format!("\"{w}\"")));
        }
    }
    parts.join(" ")
}

/// One write transaction of an ingest: everything in it lands, or nothing does.
pub struct Batch<'a> {
    tx: Tx<'a>,
}

enum Tx<'a> {
    Sqlite(Transaction<'a>),
    #[cfg(feature = "postgres")]
    Postgres(crate::pg::PgBatch<'a>),
}

impl Batch<'_> {
    /// Inserts an analysed article and its layers as rows, and indexes it for search.
    pub fn insert_article(&self, a: &NewArticle<'_>) -> Result<(), StoreError> {
        let tx = match &self.tx {
            Tx::Sqlite(tx) => tx,
            #[cfg(feature = "postgres")]
            Tx::Postgres(b) => return b.insert_article(a),
        };
        let d = a.doc;
        let quote_text: Vec<&str> = d.quotes.iter().map(|q| d.slice(q.span)).collect();
        let quote_text = quote_text.join("\n");
        let words = d.text.split_whitespace().count() as i64;
        tx
            .prepare_cached(
                "INSERT INTO articles (id, key, source, record_id, url, title, authors, outlet, outlet_from, published,
                   published_from, language, text, words, content_hash, duplicate_of, removed, notes, quote_text,
                   analysis, analysis_format, story_id, run_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
            )?
            .execute(params![
                a.id,
                a.key,
                d.source,
                d.meta.id,
                d.meta.url,
                d.meta.title,
                serde_json::to_string(&d.meta.authors).unwrap_or_default(),
                d.meta.outlet,
                provenance_name(d.meta.outlet_from),
                d.meta.published,
                provenance_name(d.meta.published_from),
                d.meta.language,
                d.text,
                words,
                a.content_hash,
                a.duplicate_of,
                serde_json::to_string(&d.removed).unwrap_or_default(),
                serde_json::to_string(&d.notes().collect::<Vec<_>>()).unwrap_or_default(),
                quote_text,
                a.analysis,
                codec::ANALYSIS_FORMAT,
                a.story_id,
                a.run_id
            ])?;
        tx.prepare_cached("INSERT INTO articles_fts (rowid, title, text, quote_text) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![a.id, d.meta.title.as_deref().unwrap_or(""), d.text, quote_text])?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO entities (article_id, idx, kind, name, name_key, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        let mentions = d.mention_counts();
        for (i, e) in d.entities.iter().enumerate() {
            let n = mentions.get(e.id).copied().unwrap_or(0) as i64;
            stmt.execute(params![a.id, i as i64, e.kind.as_str(), e.name, name_key(&e.name), n])?;
        }
        let mut stmt = tx.prepare_cached(
            "INSERT INTO quotes (article_id, idx, start, end, kind, speaker, speaker_key, speaker_text, cue)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, q) in d.quotes.iter().enumerate() {
            // the speaker as a reader names it: an entity's name, else the description
            let named = parallax_story::report::named_speaker(d, q);
            let speaker = named.name.as_deref();
            let kind = if d.is_mixed(q) { "mixed" } else { quote_kind(q.kind) };
            stmt.execute(params![
                a.id,
                i as i64,
                q.span.start as i64,
                q.span.end as i64,
                kind,
                speaker,
                speaker.map(name_key),
                q.speaker_span.map(|s| d.slice(s)),
                q.cue.map(|c| d.slice(c))
            ])?;
        }
        let mut stmt = tx.prepare_cached(
            "INSERT INTO times (article_id, idx, start, end, kind, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (i, t) in d.times.iter().enumerate() {
            stmt.execute(params![a.id, i as i64, t.span.start as i64, t.span.end as i64, t.kind, t.value])?;
        }
        let mut stmt = tx.prepare_cached(
            "INSERT INTO events (article_id, idx, kind, status, date, place, participants, start, end)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )?;
        for (i, e) in d.events.iter().enumerate() {
            let c = EventColumns::of(d, e);
            stmt.execute(params![
                a.id,
                i as i64,
                e.kind.as_str(),
                event_status(e.status),
                c.date,
                c.place,
                c.participants,
                c.sentence.start as i64,
                c.sentence.end as i64
            ])?;
        }
        Ok(())
    }

    /// The analysed articles of a story with ids below `below`, in id order (see
    /// [`Store::story_docs`]): those stored before
    /// the articles this transaction is adding, which the caller holds already.
    pub fn story_docs_before(&self, story: i64, below: i64) -> Result<Vec<StoredDoc>, StoreError> {
        let tx = match &self.tx {
            Tx::Sqlite(tx) => tx,
            #[cfg(feature = "postgres")]
            Tx::Postgres(b) => return b.story_docs_before(story, below),
        };
        let mut stmt = tx.prepare_cached(&format!("{ARTICLE_COLUMNS} WHERE story_id = ?1 AND id < ?2 ORDER BY id"))?;
        let rows = stmt.query_map(params![story, below], read_article)?;
        rows.map(|r| r.map_err(StoreError::from)).collect()
    }

    /// Deletes an article, its rows and its search entry.
    pub fn delete_article(&self, id: i64) -> Result<(), StoreError> {
        let tx = match &self.tx {
            Tx::Sqlite(tx) => tx,
            #[cfg(feature = "postgres")]
            Tx::Postgres(b) => return b.delete_article(id),
        };
        let old: Option<(String, String, String)> = tx
            .query_row("SELECT coalesce(title, ''), text, quote_text FROM articles WHERE id = ?1", params![id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((title, text, quotes)) = old {
            tx.execute(
                "INSERT INTO articles_fts (articles_fts, rowid, title, text, quote_text) VALUES ('delete', ?1, ?2, ?3, ?4)",
                params![id, title, text, quotes],
            )?;
            tx.execute("DELETE FROM articles WHERE id = ?1", params![id])?;
        }
        Ok(())
    }

    /// Creates an empty story row (filled by [`Batch::put_story`] in the same transaction).
    pub fn create_story(&self, id: i64, run: i64) -> Result<(), StoreError> {
        let tx = match &self.tx {
            Tx::Sqlite(tx) => tx,
            #[cfg(feature = "postgres")]
            Tx::Postgres(b) => return b.create_story(id, run),
        };
        tx.execute(
            "INSERT INTO stories (id, headline, articles, outlets, created_run, updated_run, json, brief, timeline, timeline_json)
             VALUES (?1, '', 0, '[]', ?2, ?2, '{}', '', '', '{}')",
            params![id, run],
        )?;
        Ok(())
    }

    /// Writes a built story: its row, its entities, and its articles' story-level speakers.
    pub fn put_story(&self, s: &StoryRecord, run: i64) -> Result<(), StoreError> {
        let tx = match &self.tx {
            Tx::Sqlite(tx) => tx,
            #[cfg(feature = "postgres")]
            Tx::Postgres(b) => return b.put_story(s, run),
        };
        tx.execute(
            "UPDATE stories SET headline = ?2, first_published = ?3, last_published = ?4, articles = ?5, outlets = ?6,
               updated_run = ?7, json = ?8, brief = ?9, timeline = ?10, timeline_json = ?11 WHERE id = ?1",
            params![
                s.id,
                s.headline,
                s.first_published,
                s.last_published,
                s.articles.len() as i64,
                serde_json::to_string(&s.outlets).unwrap_or_default(),
                run,
                s.json,
                s.brief,
                s.timeline,
                s.timeline_json
            ],
        )?;
        tx.execute("DELETE FROM story_entities WHERE story_id = ?1", params![s.id])?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO story_entities (story_id, idx, kind, name, name_key, aliases, roles) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for (i, e) in s.entities.iter().enumerate() {
            let aliases: Vec<String> = e.aliases.iter().map(|a| name_key(a)).collect();
            stmt.execute(params![
                s.id,
                i as i64,
                e.kind,
                e.name,
                name_key(&e.name),
                serde_json::to_string(&aliases).unwrap_or_default(),
                serde_json::to_string(&e.roles).unwrap_or_default()
            ])?;
        }
        let mut speaker =
            tx.prepare_cached("UPDATE quotes SET speaker = ?3, speaker_key = ?4 WHERE article_id = ?1 AND idx = ?2")?;
        for a in &s.articles {
            for (i, name) in &a.speakers {
                speaker.execute(params![a.id, *i as i64, name, name.as_deref().map(name_key)])?;
            }
        }
        Ok(())
    }

    /// Deletes a story left without articles.
    pub fn delete_story(&self, id: i64) -> Result<(), StoreError> {
        let tx = match &self.tx {
            Tx::Sqlite(tx) => tx,
            #[cfg(feature = "postgres")]
            Tx::Postgres(b) => return b.delete_story(id),
        };
        tx.execute("UPDATE articles SET story_id = NULL WHERE story_id = ?1", params![id])?;
        tx.execute("DELETE FROM stories WHERE id = ?1", params![id])?;
        Ok(())
    }

    /// Makes every write of the batch durable at once.
    pub fn commit(self) -> Result<(), StoreError> {
        match self.tx {
            Tx::Sqlite(tx) => Ok(tx.commit()?),
            #[cfg(feature = "postgres")]
            Tx::Postgres(b) => b.commit(),
        }
    }
}

pub(crate) fn quote_kind(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

/// What an event's row holds beyond its own fields, read from its article (both backends): its
/// participants' names as JSON, its place and date, and the span of its sentence.
pub(crate) struct EventColumns<'d> {
    pub(crate) participants: String,
    pub(crate) place: Option<&'d str>,
    pub(crate) date: Option<&'d str>,
    pub(crate) sentence: parallax_doc::Span,
}

impl<'d> EventColumns<'d> {
    pub(crate) fn of(d: &'d Doc, e: &parallax_doc::Event) -> EventColumns<'d> {
        let names: Vec<&str> =
            e.participants.iter().filter_map(|&p| d.entities.get(p)).map(|x| x.name.as_str()).collect();
        EventColumns {
            participants: serde_json::to_string(&names).unwrap_or_default(),
            place: e.place.and_then(|p| d.entities.get(p)).map(|x| x.name.as_str()),
            date: e.time.and_then(|t| d.times.get(t)).map(|t| t.value.as_str()),
            sentence: d.sentences.get(e.sentence).map(|s| s.span).unwrap_or(e.trigger),
        }
    }
}

pub(crate) fn event_status(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Happened => "happened",
        EventStatus::Planned => "planned",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_user_query_is_a_valid_fts_query() {
        assert_eq!(fts_query("Rubio Lavrov"), "\"Rubio\" \"Lavrov\"");
        assert_eq!(fts_query("\"restore embassies\" Riyadh"), "\"restore embassies\" \"Riyadh\"");
        assert_eq!(fts_query("AND OR NOT ( * ^"), "\"AND\" \"OR\" \"NOT\"");
        assert_eq!(fts_query("  ;; "), "");
    }

    #[test]
    fn snippets_bracket_the_matched_words_accents_and_case_ignored() {
        let terms = query_terms("lavrov RIYADH");
        let text = "Marco Rubio met Sergey Lavróv in Riyadh on Tuesday.";
        assert_eq!(snippet(text, &terms).unwrap(), "Marco Rubio met Sergey [Lavróv] in [Riyadh] on Tuesday.");
        assert_eq!(snippet("nothing here", &terms), None);
        let long = format!("{} Lavrov {}", "word ".repeat(30), "more ".repeat(30));
        let s = snippet(&long, &terms).unwrap();
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("[Lavrov]"), "{s}");
    }
}
