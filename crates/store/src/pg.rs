//! The PostgreSQL backend: the same statements as the SQLite one, in PostgreSQL's dialect, over
//! one `tokio-postgres` connection. [`crate::Store`] dispatches to it when the archive is named
//! by a `postgres://` (or `postgresql://`) URL.
//!
//! The store's API is synchronous. Each connection's I/O runs as a task of one small background
//! runtime ([`runtime`]); a call waits for its answer with a plain executor ([`wait`]), never
//! with a tokio `block_on`, so a store works the same from a plain thread and from inside a
//! tokio runtime (the server opens its pool there).
//!
//! What differs from SQLite, and why the results are the same:
//! - numbers are `BIGINT`, analyses `BYTEA`, text compared byte by byte (`COLLATE "C"`);
//! - full-text search is a `tsvector` column (`search`) under a GIN index, built from the title
//!   (weight A), the quotes (B) and the text (C) after Parallax folded their accents and case;
//!   a query's words and phrases are folded the same way and must all match; hits are ranked by
//!   `ts_rank` with the same 4 : 2 : 1 weights as SQLite's BM25 (the rank returned is negated:
//!   lower is better on both backends);
//! - the one-writer lock is a session advisory lock held by a connection of its own (released
//!   when the lock is dropped, or by the server when the process dies);
//! - the schema version is the row of `schema_version`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::OnceLock;

use futures_util::StreamExt;
use parallax_doc::Doc;
use tokio_postgres::error::SqlState;
use tokio_postgres::types::{ToSql, Type};
use tokio_postgres::{Client, NoTls, Row, Statement, Transaction};

use crate::store::{
    fallback_fields, name_key, query_terms, snippet, ArticleView, Known, NewArticle, QuoteRecord, RunCounts,
    SearchFilter, SearchHit, StoredDoc, StoredStory, StoryFilter, StoryListing, StoryRecord, RANK_WINDOW,
};
use crate::{codec, pg_message, schema, StoreError};

/// The URL with its password (if any) replaced by `***`: what messages show.
pub fn redacted(url: &str) -> String {
    crate::shown_location(std::path::Path::new(url))
}

/// The advisory lock key of the one writer (`PRLX`).
const WRITER_LOCK_KEY: i64 = 0x5052_4c58;

/// The advisory lock key of the workers' turns (`PRLT`): see [`crate::TurnLock`].
const TURN_LOCK_KEY: i64 = 0x5052_4c54;

/// How many times (100 ms apart) the writer lock is tried before the archive is called busy.
const LOCK_TRIES: usize = 10;

/// The advisory lock key migrations take, so that two processes never migrate at once.
const MIGRATION_LOCK_KEY: i64 = 0x5052_4c4d;

/// The longest text (bytes) indexed for search per field: a `tsvector` holds at most 1 MiB.
const MAX_INDEXED: usize = 256 * 1024;

/// The weights of `ts_rank` for D, C, B, A: texts 1, quotes 2, titles 4 (SQLite's BM25 weights).
const RANK_WEIGHTS: &str = "'{0.1, 0.25, 0.5, 1.0}'";

/// A quote's words cut from its article's text by byte offsets (as SQLite's `substr` over a blob).
const QUOTE_TEXT: &str =
    "convert_from(substring(convert_to(a.text, 'UTF8') FROM (q.start + 1)::int FOR (q.\"end\" - q.start)::int), 'UTF8')";

/// The columns [`read_article`] reads (as the SQLite backend's).
const ARTICLE_COLUMNS: &str = "SELECT id, source, record_id, url, title, authors, outlet, outlet_from, published,
    published_from, language, text, removed, analysis, analysis_format FROM articles";

/// The columns of an article listing.
const ARTICLE_LISTING: &str =
    "SELECT a.id, a.source, a.title, a.outlet, a.published, a.url, a.language, a.duplicate_of, a.story_id, a.words FROM articles a";

/// Typed parameters of a statement built at run time.
type Args = Vec<Box<dyn ToSql + Sync>>;

fn refs(args: &Args) -> Vec<&(dyn ToSql + Sync)> {
    args.iter().map(|a| a.as_ref()).collect()
}

/// The runtime that drives every connection's I/O (one worker thread: it only moves bytes).
fn runtime() -> Result<&'static tokio::runtime::Runtime, StoreError> {
    static RUNTIME: OnceLock<Result<tokio::runtime::Runtime, String>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .thread_name("parallax-postgres")
                .enable_all()
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| StoreError::Io(format!("cannot start the PostgreSQL client's runtime: {e}")))
}

/// Waits for a client call (answered by the connection's task on [`runtime`]).
fn wait<F: Future>(f: F) -> F::Output {
    futures_executor::block_on(f)
}

/// A connection whose I/O runs on [`runtime`].
pub(crate) fn connect_client(url: &str) -> Result<Client, StoreError> {
    let owned = url.to_string();
    let task = runtime()?.spawn(async move {
        let (client, connection) = tokio_postgres::connect(&owned, NoTls).await?;
        // ends when the client is dropped (or the server goes away)
        tokio::spawn(connection);
        Ok::<Client, tokio_postgres::Error>(client)
    });
    match wait(task) {
        Ok(Ok(client)) => Ok(client),
        Ok(Err(e)) if e.code() == Some(&SqlState::INVALID_CATALOG_NAME) => {
            Err(StoreError::Connect { url: redacted(url), reason: format!("{} (create it first)", pg_message(&e)) })
        }
        Ok(Err(e)) => Err(StoreError::Connect { url: redacted(url), reason: pg_message(&e) }),
        Err(e) => Err(StoreError::Io(format!("connecting to {}: {e}", redacted(url)))),
    }
}

/// Whether a database exists at `url` (false: the server says there is no such database).
fn database_exists(url: &str) -> Result<bool, StoreError> {
    let owned = url.to_string();
    let task = runtime()?.spawn(async move {
        match tokio_postgres::connect(&owned, NoTls).await {
            Ok(_) => Ok(true),
            Err(e) if e.code() == Some(&SqlState::INVALID_CATALOG_NAME) => Ok(false),
            Err(e) => Err(e),
        }
    });
    match wait(task) {
        Ok(Ok(exists)) => Ok(exists),
        Ok(Err(e)) => Err(StoreError::Connect { url: redacted(url), reason: pg_message(&e) }),
        Err(e) => Err(StoreError::Io(format!("connecting to {}: {e}", redacted(url)))),
    }
}

/// The calls of a client or a transaction, waited for.
pub(crate) trait Blocking {
    /// The rows of a query.
    fn query_b(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, tokio_postgres::Error>;
    /// The one row of a query.
    fn query_one_b(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Row, tokio_postgres::Error>;
    /// The row of a query, if any.
    fn query_opt_b(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Option<Row>, tokio_postgres::Error>;
    /// Runs a statement; the rows it changed.
    fn execute_b(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64, tokio_postgres::Error>;
    /// Prepares a statement.
    fn prepare_b(&self, sql: &str) -> Result<Statement, tokio_postgres::Error>;
    /// Runs statements separated by `;`, without parameters.
    fn batch_execute_b(&self, sql: &str) -> Result<(), tokio_postgres::Error>;
}

macro_rules! blocking {
    ($t:ty) => {
        impl Blocking for $t {
            fn query_b(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, tokio_postgres::Error> {
                wait(self.query(sql, params))
            }
            fn query_one_b(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Row, tokio_postgres::Error> {
                wait(self.query_one(sql, params))
            }
            fn query_opt_b(
                &self,
                sql: &str,
                params: &[&(dyn ToSql + Sync)],
            ) -> Result<Option<Row>, tokio_postgres::Error> {
                wait(self.query_opt(sql, params))
            }
            fn execute_b(&self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64, tokio_postgres::Error> {
                wait(self.execute(sql, params))
            }
            fn prepare_b(&self, sql: &str) -> Result<Statement, tokio_postgres::Error> {
                wait(self.prepare(sql))
            }
            fn batch_execute_b(&self, sql: &str) -> Result<(), tokio_postgres::Error> {
                wait(self.batch_execute(sql))
            }
        }
    };
}

blocking!(Client);
blocking!(Transaction<'_>);

/// Calls `f` with each row of `sql` (no parameters) as it arrives.
fn for_each_raw(
    client: &Client,
    sql: &str,
    mut f: impl FnMut(&Row) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let rows = wait(client.query_raw(sql, std::iter::empty::<i64>()))?;
    let mut rows = std::pin::pin!(rows);
    while let Some(row) = wait(rows.next()) {
        f(&row?)?;
    }
    Ok(())
}

/// A connection to a PostgreSQL archive.
pub struct Pg {
    client: Client,
    url: String,
    /// The statements of the lookups every ingested article makes, prepared once.
    prepared: RefCell<HashMap<&'static str, Statement>>,
}

/// The writer lock of a PostgreSQL archive: a connection holding the advisory lock.
pub struct PgLock {
    _client: Client,
}

impl std::fmt::Debug for PgLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgLock")
    }
}

/// The turn lock of a PostgreSQL archive: a connection of its own taking an advisory lock for
/// each turn.
pub struct PgTurn {
    client: Client,
}

impl std::fmt::Debug for PgTurn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgTurn")
    }
}

impl PgTurn {
    /// `TurnLock::try_hold` on PostgreSQL.
    pub fn try_hold<R>(&mut self, f: impl FnOnce() -> R) -> Result<Option<R>, StoreError> {
        let got: bool = self.client.query_one_b("SELECT pg_try_advisory_lock($1)", &[&TURN_LOCK_KEY])?.get(0);
        if !got {
            return Ok(None);
        }
        let r = f();
        self.client.query_one_b("SELECT pg_advisory_unlock($1)", &[&TURN_LOCK_KEY])?;
        Ok(Some(r))
    }
}

impl Pg {
    /// Connects and migrates (creating the schema in an empty database, as SQLite does in an
    /// empty file). A database that does not exist is [`StoreError::Missing`] for a reader
    /// (`create` false); the writer's error says so too (PostgreSQL creates no database on
    /// connection: `createdb` does). `version` stops the migrations there (tests of upgrades).
    pub fn open(url: &str, create: bool, version: Option<i64>) -> Result<Pg, StoreError> {
        let client = match connect_client(url) {
            // no such database: for a reader, no archive there (as a missing file)
            Err(e @ StoreError::Connect { .. }) if !create => {
                if database_exists(url)? {
                    return Err(e);
                }
                return Err(StoreError::MissingDatabase(redacted(url)));
            }
            other => other?,
        };
        let mut pg = Pg { client, url: url.to_string(), prepared: RefCell::new(HashMap::new()) };
        let found = pg.schema_version()?;
        if found > schema::LATEST {
            return Err(StoreError::NewerSchema { path: redacted(url).into(), found, supported: schema::LATEST });
        }
        if found < version.unwrap_or(schema::LATEST) {
            pg.migrate(version.unwrap_or(schema::LATEST))?;
        }
        Ok(pg)
    }

    fn c(&self) -> &Client {
        &self.client
    }

    /// The version in `schema_version` (0: no archive here yet).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        let c = self.c();
        let exists: bool = c.query_one_b("SELECT to_regclass('schema_version') IS NOT NULL", &[])?.get(0);
        if !exists {
            return Ok(0);
        }
        Ok(c.query_opt_b("SELECT version FROM schema_version", &[])?.map_or(0, |r| r.get(0)))
    }

    fn migrate(&mut self, target: i64) -> Result<(), StoreError> {
        let tx = wait(self.client.transaction())?;
        tx.execute_b("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK_KEY])?;
        tx.batch_execute_b("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")?;
        // another process may have migrated while this one waited for the lock
        let now: i64 = tx.query_opt_b("SELECT version FROM schema_version", &[])?.map_or(0, |r| r.get(0));
        if now > schema::LATEST {
            return Err(StoreError::NewerSchema {
                path: redacted(&self.url).into(),
                found: now,
                supported: schema::LATEST,
            });
        }
        for (v, sql) in
            schema::POSTGRES_MIGRATIONS.iter().enumerate().take(target.max(0) as usize).skip(now.max(0) as usize)
        {
            let version = v as i64 + 1;
            tx.batch_execute_b(sql).map_err(|e| StoreError::Migration { version, source: pg_message(&e).into() })?;
            tx.execute_b("DELETE FROM schema_version", &[])?;
            tx.execute_b("INSERT INTO schema_version (version) VALUES ($1)", &[&version])?;
        }
        wait(tx.commit())?;
        Ok(())
    }

    /// Takes the writer lock on a connection of its own, or says who holds it.
    pub fn lock_writer(&self) -> Result<PgLock, StoreError> {
        let client = connect_client(&self.url)?;
        // a writer killed a moment ago may hold the lock until the server notices its connection
        // closed (at its next read or write): a short wait tells it from a live writer
        for _ in 0..LOCK_TRIES {
            let got: bool = client.query_one_b("SELECT pg_try_advisory_lock($1)", &[&WRITER_LOCK_KEY])?.get(0);
            if got {
                return Ok(PgLock { _client: client });
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        Err(StoreError::Busy(redacted(&self.url).into()))
    }

    /// `Store::turn_lock` on PostgreSQL.
    pub fn turn_lock(&self) -> Result<PgTurn, StoreError> {
        Ok(PgTurn { client: connect_client(&self.url)? })
    }

    /// "ok" when the server answers and the schema is there (PostgreSQL checks its own pages).
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let v = self.schema_version()?;
        Ok(if v == schema::LATEST { "ok".into() } else { format!("schema version {v}") })
    }

    /// `Store::next_ids` on PostgreSQL.
    pub fn next_ids(&self) -> Result<(i64, i64), StoreError> {
        let c = self.c();
        let a: i64 = c.query_one_b("SELECT coalesce(max(id), 0) + 1 FROM articles", &[])?.get(0);
        let s: i64 = c.query_one_b("SELECT coalesce(max(id), 0) + 1 FROM stories", &[])?.get(0);
        Ok((a, s))
    }

    /// `Store::start_run` on PostgreSQL.
    pub fn start_run(&self, inputs: &[String]) -> Result<i64, StoreError> {
        let inputs = serde_json::to_string(inputs).unwrap_or_default();
        let row = self.c().query_one_b(
            "INSERT INTO runs (started, inputs)
             VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), $1) RETURNING id",
            &[&inputs],
        )?;
        Ok(row.get(0))
    }

    /// `Store::finish_run` on PostgreSQL.
    pub fn finish_run(&self, run: i64, counts: &RunCounts, seconds: f64) -> Result<(), StoreError> {
        self.c().execute_b(
            "UPDATE runs SET finished = to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), read = $2,
             new = $3, skipped = $4, replaced = $5, failed = $6, stories_new = $7, stories_updated = $8, seconds = $9
             WHERE id = $1",
            &[
                &run,
                &(counts.read as i64),
                &(counts.new as i64),
                &(counts.skipped as i64),
                &(counts.replaced as i64),
                &(counts.failed as i64),
                &(counts.stories_new as i64),
                &(counts.stories_updated as i64),
                &seconds,
            ],
        )?;
        Ok(())
    }

    /// `sql` prepared once per connection.
    fn prepared(&self, sql: &'static str) -> Result<Statement, StoreError> {
        if let Some(s) = self.prepared.borrow().get(sql) {
            return Ok(s.clone());
        }
        let statement = self.client.prepare_b(sql)?;
        self.prepared.borrow_mut().insert(sql, statement.clone());
        Ok(statement)
    }

    /// `Store::find_key` on PostgreSQL.
    pub fn find_key(&self, key: &str) -> Result<Option<Known>, StoreError> {
        let statement = self.prepared("SELECT id, content_hash, story_id FROM articles WHERE key = $1")?;
        let row = wait(self.client.query_opt(&statement, &[&key]))?;
        Ok(row.map(|r| Known { id: r.get(0), content_hash: r.get(1), story_id: r.get(2) }))
    }

    /// `Store::find_content` on PostgreSQL.
    pub fn find_content(&self, content_hash: i64) -> Result<Option<i64>, StoreError> {
        let statement = self.prepared("SELECT id FROM articles WHERE content_hash = $1 LIMIT 1")?;
        let row = wait(self.client.query_opt(&statement, &[&content_hash]))?;
        Ok(row.map(|r| r.get(0)))
    }

    /// `Store::recent_story_articles` on PostgreSQL.
    pub fn recent_story_articles(&self, max_articles: usize, max_story: usize) -> Result<Vec<(i64, i64)>, StoreError> {
        let rows = self.c().query_b(
            "SELECT s.id, a.id FROM stories s JOIN articles a ON a.story_id = s.id
             WHERE s.articles < $1 ORDER BY s.updated_run DESC, s.id DESC, a.id",
            &[&(max_story as i64)],
        )?;
        crate::store::whole_stories(rows.iter().map(|r| Ok((r.get(0), r.get(1)))), max_articles)
    }

    /// `Store::recent_texts` on PostgreSQL.
    pub fn recent_texts(&self, n: usize) -> Result<Vec<(i64, String, String)>, StoreError> {
        let rows =
            self.c().query_b("SELECT id, source, text FROM articles ORDER BY id DESC LIMIT $1", &[&(n as i64)])?;
        let mut out: Vec<(i64, String, String)> = rows.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect();
        out.reverse();
        Ok(out)
    }

    /// `Store::article_stories_from` on PostgreSQL.
    pub fn article_stories_from(&self, first: i64) -> Result<Vec<(i64, Option<i64>)>, StoreError> {
        let rows = self.c().query_b("SELECT id, story_id FROM articles WHERE id >= $1 ORDER BY id", &[&first])?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    /// `Store::story_docs` on PostgreSQL.
    pub fn story_docs(&self, story: i64) -> Result<Vec<StoredDoc>, StoreError> {
        let rows = self.c().query_b(&format!("{ARTICLE_COLUMNS} WHERE story_id = $1 ORDER BY id"), &[&story])?;
        rows.iter().map(read_article).collect()
    }

    /// `Store::article_doc` on PostgreSQL.
    pub fn article_doc(&self, id: i64) -> Result<Option<StoredDoc>, StoreError> {
        let row = self.c().query_opt_b(&format!("{ARTICLE_COLUMNS} WHERE id = $1"), &[&id])?;
        row.as_ref().map(read_article).transpose()
    }

    /// Starts a write transaction.
    pub fn write(&mut self) -> Result<PgBatch<'_>, StoreError> {
        Ok(PgBatch {
            tx: wait(self.client.transaction())?,
            prepared: RefCell::new(HashMap::new()),
            queued: RefCell::new(Vec::new()),
        })
    }

    /// `Store::stories` on PostgreSQL.
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StoryListing>, StoreError> {
        let mut sql = String::from(
            "SELECT s.id, s.headline, s.articles, s.outlets, s.first_published, s.last_published FROM stories s WHERE true",
        );
        let mut args: Args = Vec::new();
        if let Some(since) = &filter.since {
            args.push(Box::new(since.clone()));
            sql += &format!(" AND s.last_published >= ${}", args.len());
        }
        if let Some(outlet) = &filter.outlet {
            args.push(Box::new(outlet.clone()));
            sql += &format!(
                " AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND lower(a.outlet) = lower(${}))",
                args.len()
            );
        }
        if let Some(entity) = &filter.entity {
            args.push(Box::new(format!("%{}%", name_key(entity))));
            sql += &format!(
                " AND EXISTS (SELECT 1 FROM story_entities e WHERE e.story_id = s.id AND (e.name_key LIKE ${n} OR e.aliases LIKE ${n}))",
                n = args.len()
            );
        }
        if let Some(until) = &filter.until {
            args.push(Box::new(until.clone()));
            sql += &format!(" AND s.first_published <= ${}", args.len());
        }
        if let Some(language) = &filter.language {
            args.push(Box::new(language.clone()));
            sql += &format!(
                " AND EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.language = ${})",
                args.len()
            );
        }
        sql += &format!(
            " ORDER BY s.last_published DESC NULLS LAST, s.id DESC LIMIT {} OFFSET {}",
            filter.limit.max(1),
            filter.offset
        );
        let rows = self.c().query_b(&sql, &refs(&args))?;
        Ok(rows.iter().map(|r| read_listing(r, 0)).collect())
    }

    /// `Store::story` on PostgreSQL.
    pub fn story(&self, id: i64) -> Result<Option<StoredStory>, StoreError> {
        let row = self.c().query_opt_b(
            "SELECT id, headline, articles, outlets, first_published, last_published, json, brief, timeline, timeline_json
             FROM stories WHERE id = $1",
            &[&id],
        )?;
        Ok(row.map(|r| StoredStory {
            listing: read_listing(&r, 0),
            json: r.get(6),
            brief: r.get(7),
            timeline: r.get(8),
            timeline_json: r.get(9),
        }))
    }

    /// `Store::search` on PostgreSQL.
    pub fn search(&self, query: &str, filter: &SearchFilter) -> Result<Vec<SearchHit>, StoreError> {
        let parts = ts_parts(query);
        if parts.is_empty() {
            return Ok(Vec::new());
        }
        let mut args: Args = Vec::new();
        let mut tsquery = Vec::new();
        for p in parts {
            args.push(Box::new(p));
            tsquery.push(format!("phraseto_tsquery('simple', ${})", args.len()));
        }
        let tsquery = tsquery.join(" && ");
        // a query matching more than RANK_WINDOW articles ranks the latest RANK_WINDOW of them,
        // as on SQLite
        args.push(Box::new(RANK_WINDOW - 1));
        let floor_sql = format!(
            "SELECT a.id FROM articles a WHERE a.search @@ ({tsquery}) ORDER BY a.id DESC LIMIT 1 OFFSET ${}",
            args.len()
        );
        let floor: i64 = self.c().query_opt_b(&floor_sql, &refs(&args))?.map_or(0, |r| r.get(0));
        args.pop();
        args.push(Box::new(floor));
        let mut top = format!(
            "SELECT a.id AS id, ts_rank({RANK_WEIGHTS}, a.search, ({tsquery}))::float8 AS rank FROM articles a
             WHERE a.search @@ ({tsquery}) AND a.id >= ${}",
            args.len()
        );
        push_article_filters(&mut top, &mut args, filter);
        top += &format!(" ORDER BY rank DESC, a.id DESC LIMIT {} OFFSET {}", filter.limit.max(1), filter.offset);
        let sql = format!(
            "WITH top AS ({top})
             SELECT a.id, a.source, a.story_id, a.title, a.outlet, a.published, a.url, a.text, a.quote_text, -top.rank
             FROM top JOIN articles a ON a.id = top.id ORDER BY top.rank DESC, a.id DESC"
        );
        let terms = query_terms(query);
        let rows = self.c().query_b(&sql, &refs(&args))?;
        Ok(rows
            .iter()
            .map(|r| {
                let text: String = r.get(7);
                let quotes: String = r.get(8);
                let title: Option<String> = r.get(3);
                let snippet = snippet(&text, &terms)
                    .or_else(|| snippet(&quotes, &terms))
                    .or_else(|| title.as_deref().and_then(|t| snippet(t, &terms)))
                    .unwrap_or_default();
                SearchHit {
                    article: r.get(0),
                    source: r.get(1),
                    story: r.get(2),
                    title,
                    outlet: r.get(4),
                    published: r.get(5),
                    url: r.get(6),
                    snippet,
                    rank: r.get(9),
                }
            })
            .collect())
    }

    /// `Store::quotes` on PostgreSQL.
    pub fn quotes(&self, story: Option<i64>, filter: &SearchFilter) -> Result<Vec<QuoteRecord>, StoreError> {
        let mut args: Args = Vec::new();
        let mut sql = format!(
            "SELECT q.speaker, {QUOTE_TEXT}, q.kind, q.cue, q.speaker_text,
                    a.outlet, a.published, a.url, a.source, a.id, a.story_id
             FROM quotes q JOIN articles a ON a.id = q.article_id WHERE true"
        );
        if let Some(story) = story {
            args.push(Box::new(story));
            sql += &format!(" AND a.story_id = ${}", args.len());
        }
        push_article_filters(&mut sql, &mut args, filter);
        sql += " ORDER BY a.id, q.idx";
        if filter.limit > 0 {
            sql += &format!(" LIMIT {} OFFSET {}", filter.limit, filter.offset);
        }
        let rows = self.c().query_b(&sql, &refs(&args))?;
        Ok(rows.iter().map(quote_record).collect())
    }

    /// `Store::sample_titles` on PostgreSQL.
    pub fn sample_titles(&self, n: usize) -> Result<Vec<String>, StoreError> {
        let c = self.c();
        let total: i64 = c.query_one_b("SELECT count(*) FROM articles", &[])?.get(0);
        let step = (total / n.max(1) as i64).max(1);
        let rows = c.query_b(
            "SELECT title FROM articles WHERE title IS NOT NULL AND id % $1 = 0 ORDER BY id LIMIT $2",
            &[&step, &(n as i64)],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// `Store::outlets` on PostgreSQL.
    pub fn outlets(&self) -> Result<Vec<String>, StoreError> {
        let rows = self.c().query_b(
            "SELECT outlet FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet",
            &[],
        )?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// `Store::story_ids` on PostgreSQL.
    pub fn story_ids(&self) -> Result<Vec<i64>, StoreError> {
        let rows = self.c().query_b("SELECT id FROM stories ORDER BY id", &[])?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    /// `Store::for_each_story_json` on PostgreSQL.
    pub fn for_each_story_json(&self, mut f: impl FnMut(&str) -> Result<(), StoreError>) -> Result<(), StoreError> {
        for_each_raw(self.c(), "SELECT json FROM stories ORDER BY id", |r| f(r.try_get(0)?))
    }

    /// `Store::for_each_row` on PostgreSQL.
    pub fn for_each_row(
        &self,
        sql: &str,
        mut f: impl FnMut(&[Option<String>]) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut values: Vec<Option<String>> = Vec::new();
        for_each_raw(self.c(), sql, |r| {
            values.clear();
            for (i, column) in r.columns().iter().enumerate() {
                let t = column.type_();
                let v = if *t == Type::INT8 {
                    r.try_get::<_, Option<i64>>(i)?.map(|x| x.to_string())
                } else if *t == Type::INT4 {
                    r.try_get::<_, Option<i32>>(i)?.map(|x| x.to_string())
                } else if *t == Type::FLOAT8 {
                    r.try_get::<_, Option<f64>>(i)?.map(|x| x.to_string())
                } else if *t == Type::BYTEA {
                    r.try_get::<_, Option<Vec<u8>>>(i)?.map(|x| String::from_utf8_lossy(&x).into_owned())
                } else {
                    r.try_get::<_, Option<String>>(i)?
                };
                values.push(v);
            }
            f(&values)
        })
    }

    /// `Store::counts` on PostgreSQL.
    pub fn counts(&self) -> Result<(i64, i64, i64), StoreError> {
        let c = self.c();
        let count = |t: &str| -> Result<i64, StoreError> {
            Ok(c.query_one_b(&format!("SELECT count(*) FROM {t}"), &[])?.get(0))
        };
        Ok((count("articles")?, count("stories")?, count("quotes")?))
    }

    /// `Store::orphan_articles` on PostgreSQL.
    pub fn orphan_articles(&self) -> Result<i64, StoreError> {
        Ok(self
            .c()
            .query_one_b(
                "SELECT count(*) FROM articles a WHERE a.story_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)",
                &[],
            )?
            .get(0))
    }

    /// `Store::sources` on PostgreSQL.
    pub fn sources(&self) -> Result<Vec<String>, StoreError> {
        let rows = self.c().query_b("SELECT source FROM articles ORDER BY source", &[])?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    // --- what the web UI and the API read (browse.rs) ---

    /// `Store::story_articles` on PostgreSQL.
    pub fn story_articles(&self, story: i64) -> Result<Vec<crate::ArticleListing>, StoreError> {
        let rows = self.c().query_b(
            &format!("{ARTICLE_LISTING} WHERE a.story_id = $1 ORDER BY a.published NULLS LAST, a.id"),
            &[&story],
        )?;
        Ok(rows.iter().map(read_article_listing).collect())
    }

    /// `Store::articles` on PostgreSQL.
    pub fn articles(&self, filter: &crate::ArticleFilter) -> Result<Vec<crate::ArticleListing>, StoreError> {
        let mut sql = format!("{ARTICLE_LISTING} WHERE true");
        let mut args: Args = Vec::new();
        if let Some(story) = filter.story {
            args.push(Box::new(story));
            sql += &format!(" AND a.story_id = ${}", args.len());
        }
        push_article_filters(&mut sql, &mut args, &filter.filter);
        sql += &format!(" ORDER BY a.id DESC LIMIT {} OFFSET {}", filter.filter.limit.max(1), filter.filter.offset);
        let rows = self.c().query_b(&sql, &refs(&args))?;
        Ok(rows.iter().map(read_article_listing).collect())
    }

    /// An article's listing, record id, authors (JSON), outlet and date provenance.
    pub fn article_meta(&self, id: i64) -> Result<Option<crate::browse::ArticleMeta>, StoreError> {
        let row = self.c().query_opt_b(
            "SELECT a.id, a.source, a.title, a.outlet, a.published, a.url, a.language, a.duplicate_of, a.story_id, a.words,
                    a.record_id, a.authors, a.outlet_from, a.published_from
             FROM articles a WHERE a.id = $1",
            &[&id],
        )?;
        Ok(row.map(|r| (read_article_listing(&r), r.get(10), r.get(11), r.get(12), r.get(13))))
    }

    /// `Store::entity_appearances` on PostgreSQL.
    pub fn entity_appearances(
        &self,
        key: &str,
        max_stories: usize,
    ) -> Result<Vec<crate::EntityAppearance>, StoreError> {
        let rows = self.c().query_b(
            "SELECT s.id, s.headline, s.articles, s.outlets, s.first_published, s.last_published,
                    e.name, e.kind, e.aliases, e.roles
             FROM story_entities e JOIN stories s ON s.id = e.story_id
             WHERE e.name_key = $1
             ORDER BY s.last_published DESC NULLS LAST, s.id DESC LIMIT $2",
            &[&key, &(max_stories.max(1) as i64)],
        )?;
        Ok(rows
            .iter()
            .map(|r| crate::EntityAppearance {
                story: read_listing(r, 0),
                name: r.get(6),
                kind: r.get(7),
                aliases: serde_json::from_str(r.get::<_, &str>(8)).unwrap_or_default(),
                roles: serde_json::from_str(r.get::<_, &str>(9)).unwrap_or_default(),
            })
            .collect())
    }

    /// `Store::entities` on PostgreSQL.
    pub fn entities(
        &self,
        pattern: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<crate::EntityListing>, StoreError> {
        let rows = self.c().query_b(
            "SELECT name_key, max(name), max(kind), count(DISTINCT story_id) AS n FROM story_entities
             WHERE name_key LIKE $1 GROUP BY name_key ORDER BY n DESC, name_key LIMIT $2 OFFSET $3",
            &[&pattern, &(limit.max(1) as i64), &(offset as i64)],
        )?;
        Ok(rows
            .iter()
            .map(|r| crate::EntityListing { key: r.get(0), name: r.get(1), kind: r.get(2), stories: r.get(3) })
            .collect())
    }

    /// `Store::story_listing` on PostgreSQL.
    pub fn story_listing(&self, id: i64) -> Result<Option<StoryListing>, StoreError> {
        let row = self.c().query_opt_b(
            "SELECT id, headline, articles, outlets, first_published, last_published FROM stories WHERE id = $1",
            &[&id],
        )?;
        Ok(row.map(|r| read_listing(&r, 0)))
    }

    /// `Store::outlet_listing` on PostgreSQL.
    pub fn outlet_listing(&self, name: &str) -> Result<Option<crate::OutletListing>, StoreError> {
        let r = self.c().query_one_b(
            "SELECT max(outlet), count(*), count(DISTINCT story_id), min(published), max(published) FROM articles
             WHERE lower(outlet) = lower($1)",
            &[&name],
        )?;
        let listing = crate::OutletListing {
            name: r.get::<_, Option<String>>(0).unwrap_or_default(),
            articles: r.get(1),
            stories: r.get(2),
            first_published: r.get(3),
            last_published: r.get(4),
        };
        Ok((listing.articles > 0).then_some(listing))
    }

    /// `Store::speaker_quotes` on PostgreSQL.
    pub fn speaker_quotes(&self, name: &str, limit: usize) -> Result<Vec<QuoteRecord>, StoreError> {
        let rows = self.c().query_b(
            &format!(
                "SELECT q.speaker, {QUOTE_TEXT}, q.kind, q.cue, q.speaker_text, a.outlet, a.published, a.url, a.source,
                        a.id, a.story_id
                 FROM quotes q JOIN articles a ON a.id = q.article_id
                 WHERE q.speaker_key = $1 AND q.kind != 'partial'
                 ORDER BY a.published NULLS LAST, a.id, q.idx LIMIT $2"
            ),
            &[&name_key(name), &(limit.max(1) as i64)],
        )?;
        Ok(rows.iter().map(quote_record).collect())
    }

    /// `Store::outlet_listings` on PostgreSQL.
    pub fn outlet_listings(&self) -> Result<Vec<crate::OutletListing>, StoreError> {
        let rows = self.c().query_b(
            "SELECT min(outlet), count(*) AS n, count(DISTINCT story_id), min(published), max(published) FROM articles
             WHERE outlet IS NOT NULL GROUP BY lower(outlet) ORDER BY n DESC, min(outlet)",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| crate::OutletListing {
                name: r.get(0),
                articles: r.get(1),
                stories: r.get(2),
                first_published: r.get(3),
                last_published: r.get(4),
            })
            .collect())
    }
}

/// One write transaction on a PostgreSQL archive.
pub struct PgBatch<'a> {
    tx: Transaction<'a>,
    /// Statements prepared in this transaction, by their text (each article reuses them).
    prepared: RefCell<HashMap<&'static str, Statement>>,
    /// Writes not sent yet, in order: sent together, in one pipeline, before the next read and
    /// at the commit ([`PgBatch::flush`]). PostgreSQL runs them in the order sent.
    queued: RefCell<Vec<(Statement, Vec<Param>)>>,
}

/// A parameter of a queued write, owned.
type Param = Box<dyn ToSql + Sync + Send>;

/// `v` as a [`Param`].
fn param(v: impl ToSql + Sync + Send + 'static) -> Param {
    Box::new(v)
}

/// Queued writes beyond this many are sent before more are queued (memory stays bounded).
const MOST_QUEUED: usize = 4096;

impl PgBatch<'_> {
    /// Queues a write (sending what is queued first when that is a lot).
    fn queue(&self, sql: &'static str, params: Vec<Param>) -> Result<(), StoreError> {
        let statement = self.prepared(sql)?;
        let full = {
            let mut queued = self.queued.borrow_mut();
            queued.push((statement, params));
            queued.len() >= MOST_QUEUED
        };
        if full {
            self.flush()?;
        }
        Ok(())
    }

    /// Sends every queued write, all before the first answer is awaited.
    fn flush(&self) -> Result<(), StoreError> {
        let queued = std::mem::take(&mut *self.queued.borrow_mut());
        if queued.is_empty() {
            return Ok(());
        }
        let params: Vec<Vec<&(dyn ToSql + Sync)>> =
            queued.iter().map(|(_, ps)| ps.iter().map(|p| p.as_ref() as &(dyn ToSql + Sync)).collect()).collect();
        let runs = queued.iter().zip(&params).map(|((statement, _), ps)| self.tx.execute(statement, ps));
        wait(futures_util::future::try_join_all(runs))?;
        Ok(())
    }

    /// `sql` prepared once per transaction.
    fn prepared(&self, sql: &'static str) -> Result<Statement, StoreError> {
        if let Some(s) = self.prepared.borrow().get(sql) {
            return Ok(s.clone());
        }
        let statement = self.tx.prepare_b(sql)?;
        self.prepared.borrow_mut().insert(sql, statement.clone());
        Ok(statement)
    }

    /// `Batch::insert_article` on PostgreSQL: queued ([`PgBatch::flush`]).
    pub fn insert_article(&self, a: &NewArticle<'_>) -> Result<(), StoreError> {
        let d = a.doc;
        let quote_text: Vec<&str> = d.quotes.iter().map(|q| d.slice(q.span)).collect();
        let quote_text = quote_text.join("\n");
        let words = d.text.split_whitespace().count() as i64;
        let search = (indexed(d.meta.title.as_deref().unwrap_or("")), indexed(&quote_text), indexed(&d.text));
        self.queue(
            "INSERT INTO articles (id, key, source, record_id, url, title, authors, outlet, outlet_from, published,
               published_from, language, text, words, content_hash, duplicate_of, removed, notes, quote_text,
               analysis, analysis_format, story_id, run_id, search)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
               setweight(to_tsvector('simple', $24), 'A') || setweight(to_tsvector('simple', $25), 'B')
                 || setweight(to_tsvector('simple', $26), 'C'))",
            vec![
                param(a.id),
                param(a.key.to_string()),
                param(d.source.clone()),
                param(d.meta.id.clone()),
                param(d.meta.url.clone()),
                param(d.meta.title.clone()),
                param(serde_json::to_string(&d.meta.authors).unwrap_or_default()),
                param(d.meta.outlet.clone()),
                param(crate::store::provenance_name(d.meta.outlet_from)),
                param(d.meta.published.clone()),
                param(crate::store::provenance_name(d.meta.published_from)),
                param(d.meta.language.clone()),
                param(d.text.clone()),
                param(words),
                param(a.content_hash),
                param(a.duplicate_of),
                param(serde_json::to_string(&d.removed).unwrap_or_default()),
                param(serde_json::to_string(&d.notes().collect::<Vec<_>>()).unwrap_or_default()),
                param(quote_text),
                param(a.analysis.to_vec()),
                param(codec::ANALYSIS_FORMAT),
                param(a.story_id),
                param(a.run_id),
                param(search.0),
                param(search.1),
                param(search.2),
            ],
        )?;
        // the rows of the layers
        let mentions = d.mention_counts();
        for (i, e) in d.entities.iter().enumerate() {
            let n = mentions.get(e.id).copied().unwrap_or(0) as i64;
            self.queue(
                "INSERT INTO entities (article_id, idx, kind, name, name_key, mentions) VALUES ($1, $2, $3, $4, $5, $6)",
                vec![param(a.id), param(i as i64), param(e.kind.as_str()), param(e.name.clone()), param(name_key(&e.name)), param(n)],
            )?;
        }
        for (i, q) in d.quotes.iter().enumerate() {
            // the speaker as a reader names it: an entity's name, else the description
            let speaker = parallax_story::report::named_speaker(d, q).name.map(|n| n.into_owned());
            let key = speaker.as_deref().map(name_key);
            let kind = if d.is_mixed(q) { "mixed" } else { crate::store::quote_kind(q.kind) };
            self.queue(
                "INSERT INTO quotes (article_id, idx, start, \"end\", kind, speaker, speaker_key, speaker_text, cue)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                vec![
                    param(a.id),
                    param(i as i64),
                    param(q.span.start as i64),
                    param(q.span.end as i64),
                    param(kind),
                    param(speaker),
                    param(key),
                    param(q.speaker_span.map(|s| d.slice(s).to_string())),
                    param(q.cue.map(|c| d.slice(c).to_string())),
                ],
            )?;
        }
        for (i, t) in d.times.iter().enumerate() {
            self.queue(
                "INSERT INTO times (article_id, idx, start, \"end\", kind, value) VALUES ($1, $2, $3, $4, $5, $6)",
                vec![
                    param(a.id),
                    param(i as i64),
                    param(t.span.start as i64),
                    param(t.span.end as i64),
                    param(t.kind),
                    param(t.value.clone()),
                ],
            )?;
        }
        for (i, e) in d.events.iter().enumerate() {
            let c = crate::store::EventColumns::of(d, e);
            self.queue(
                "INSERT INTO events (article_id, idx, kind, status, date, place, participants, start, \"end\")
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                vec![
                    param(a.id),
                    param(i as i64),
                    param(e.kind.as_str()),
                    param(crate::store::event_status(e.status)),
                    param(c.date.map(str::to_string)),
                    param(c.place.map(str::to_string)),
                    param(c.participants),
                    param(c.sentence.start as i64),
                    param(c.sentence.end as i64),
                ],
            )?;
        }
        Ok(())
    }

    /// `Batch::story_docs_before` on PostgreSQL (sends the queued writes first).
    pub fn story_docs_before(&self, story: i64, below: i64) -> Result<Vec<StoredDoc>, StoreError> {
        self.flush()?;
        let rows = self
            .tx
            .query_b(&format!("{ARTICLE_COLUMNS} WHERE story_id = $1 AND id < $2 ORDER BY id"), &[&story, &below])?;
        rows.iter().map(read_article).collect()
    }

    /// `Batch::delete_article` on PostgreSQL: queued.
    pub fn delete_article(&self, id: i64) -> Result<(), StoreError> {
        // its rows go with it (ON DELETE CASCADE), its search entry is a column of its row
        self.queue("DELETE FROM articles WHERE id = $1", vec![param(id)])
    }

    /// `Batch::create_story` on PostgreSQL: queued.
    pub fn create_story(&self, id: i64, run: i64) -> Result<(), StoreError> {
        self.queue(
            "INSERT INTO stories (id, headline, articles, outlets, created_run, updated_run, json, brief, timeline, timeline_json)
             VALUES ($1, '', 0, '[]', $2, $2, '{}', '', '', '{}')",
            vec![param(id), param(run)],
        )
    }

    /// `Batch::put_story` on PostgreSQL: queued.
    pub fn put_story(&self, s: &StoryRecord, run: i64) -> Result<(), StoreError> {
        self.queue(
            "UPDATE stories SET headline = $2, first_published = $3, last_published = $4, articles = $5, outlets = $6,
               updated_run = $7, json = $8, brief = $9, timeline = $10, timeline_json = $11 WHERE id = $1",
            vec![
                param(s.id),
                param(s.headline.clone()),
                param(s.first_published.clone()),
                param(s.last_published.clone()),
                param(s.articles.len() as i64),
                param(serde_json::to_string(&s.outlets).unwrap_or_default()),
                param(run),
                param(s.json.clone()),
                param(s.brief.clone()),
                param(s.timeline.clone()),
                param(s.timeline_json.clone()),
            ],
        )?;
        self.queue("DELETE FROM story_entities WHERE story_id = $1", vec![param(s.id)])?;
        for (i, e) in s.entities.iter().enumerate() {
            let aliases: Vec<String> = e.aliases.iter().map(|a| name_key(a)).collect();
            self.queue(
                "INSERT INTO story_entities (story_id, idx, kind, name, name_key, aliases, roles) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                vec![
                    param(s.id),
                    param(i as i64),
                    param(e.kind.clone()),
                    param(e.name.clone()),
                    param(name_key(&e.name)),
                    param(serde_json::to_string(&aliases).unwrap_or_default()),
                    param(serde_json::to_string(&e.roles).unwrap_or_default()),
                ],
            )?;
        }
        for ArticleView { id, speakers } in &s.articles {
            for (i, name) in speakers {
                self.queue(
                    "UPDATE quotes SET speaker = $3, speaker_key = $4 WHERE article_id = $1 AND idx = $2",
                    vec![param(*id), param(*i as i64), param(name.clone()), param(name.as_deref().map(name_key))],
                )?;
            }
        }
        Ok(())
    }

    /// `Batch::delete_story` on PostgreSQL: queued.
    pub fn delete_story(&self, id: i64) -> Result<(), StoreError> {
        self.queue("UPDATE articles SET story_id = NULL WHERE story_id = $1", vec![param(id)])?;
        self.queue("DELETE FROM stories WHERE id = $1", vec![param(id)])
    }

    /// `Batch::commit` on PostgreSQL: sends the queued writes and commits.
    pub fn commit(self) -> Result<(), StoreError> {
        self.flush()?;
        Ok(wait(self.tx.commit())?)
    }
}

/// A field as the search index takes it: accents and case folded, at most [`MAX_INDEXED`] bytes.
fn indexed(text: &str) -> String {
    let mut end = text.len().min(MAX_INDEXED);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    parallax_story::text::fold(&text[..end])
}

/// A user's query as folded phrases, each a part every hit must match: its `"quoted phrases"`,
/// and each other word alone. Every other character separates words, so no input is an error.
fn ts_parts(query: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for (i, chunk) in query.split('"').enumerate() {
        let words: Vec<String> =
            chunk.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(name_key).collect();
        let words: Vec<String> = words.into_iter().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
        if words.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            parts.push(words.join(" "));
        } else {
            parts.extend(words);
        }
    }
    parts
}

/// The article filters of a search or quote listing, over `a` (articles).
fn push_article_filters(sql: &mut String, args: &mut Args, filter: &SearchFilter) {
    if let Some(outlet) = &filter.outlet {
        args.push(Box::new(outlet.clone()));
        *sql += &format!(" AND lower(a.outlet) = lower(${})", args.len());
    }
    if let Some(since) = &filter.since {
        args.push(Box::new(since.clone()));
        *sql += &format!(" AND a.published >= ${}", args.len());
    }
    if let Some(until) = &filter.until {
        // a timestamp on the last day is still within it
        args.push(Box::new(format!("{until}\u{10ffff}")));
        *sql += &format!(" AND a.published <= ${}", args.len());
    }
    if let Some(speaker) = &filter.speaker {
        args.push(Box::new(format!("%{}%", name_key(speaker))));
        *sql += &format!(
            " AND EXISTS (SELECT 1 FROM quotes sq WHERE sq.article_id = a.id AND sq.speaker_key LIKE ${})",
            args.len()
        );
    }
    if let Some(entity) = &filter.entity {
        args.push(Box::new(format!("%{}%", name_key(entity))));
        *sql += &format!(
            " AND EXISTS (SELECT 1 FROM entities se WHERE se.article_id = a.id AND se.name_key LIKE ${})",
            args.len()
        );
    }
}

fn read_listing(r: &Row, at: usize) -> StoryListing {
    StoryListing {
        id: r.get(at),
        headline: r.get(at + 1),
        articles: r.get(at + 2),
        outlets: serde_json::from_str(r.get::<_, &str>(at + 3)).unwrap_or_default(),
        first_published: r.get(at + 4),
        last_published: r.get(at + 5),
    }
}

fn read_article_listing(r: &Row) -> crate::ArticleListing {
    crate::ArticleListing {
        id: r.get(0),
        source: r.get(1),
        title: r.get(2),
        outlet: r.get(3),
        published: r.get(4),
        url: r.get(5),
        language: r.get(6),
        duplicate_of: r.get(7),
        story: r.get(8),
        words: r.get(9),
    }
}

fn quote_record(r: &Row) -> QuoteRecord {
    QuoteRecord {
        speaker: r.get(0),
        quote: r.get::<_, Option<String>>(1).unwrap_or_default(),
        kind: r.get(2),
        cue: r.get(3),
        speaker_text: r.get(4),
        outlet: r.get(5),
        published: r.get(6),
        url: r.get(7),
        article: r.get(8),
        article_id: r.get(9),
        story: r.get(10),
    }
}

/// An article row (columns of [`ARTICLE_COLUMNS`]): its decoded analysis, or a document with its
/// text and metadata to analyse again.
fn read_article(r: &Row) -> Result<StoredDoc, StoreError> {
    let id: i64 = r.try_get(0)?;
    let text: String = r.try_get(11)?;
    let format: i64 = r.try_get(14)?;
    if format == codec::ANALYSIS_FORMAT {
        if let Ok(doc) = codec::decode_layers(r.try_get::<_, &[u8]>(13)?) {
            return Ok((id, Ok(codec::with_text(doc, text))));
        }
    }
    let doc: Doc = fallback_fields(
        r.try_get(1)?,
        text,
        r.try_get(2)?,
        r.try_get(3)?,
        r.try_get(4)?,
        r.try_get(5)?,
        r.try_get(6)?,
        r.try_get(7)?,
        r.try_get(8)?,
        r.try_get(9)?,
        r.try_get(10)?,
    );
    Ok((id, Err(doc)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show_and_urls_are_told_from_paths() {
        assert_eq!(redacted("postgres://u:secret@h:5432/db"), "postgres://u:***@h:5432/db");
        assert_eq!(redacted("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redacted("postgresql://h/db?user=u"), "postgresql://h/db?user=u");
        assert!(crate::is_postgres_url("postgres://h/db") && crate::is_postgres_url("postgresql://h/db"));
        assert!(!crate::is_postgres_url("parallax.db") && !crate::is_postgres_url("/tmp/postgres/x.db"));
    }

    #[test]
    fn queries_become_folded_phrases() {
        assert_eq!(ts_parts("Lavróv RIYADH"), vec!["lavrov", "riyadh"]);
        assert_eq!(ts_parts("\"restore embassies\" Riyadh"), vec!["restore embassies", "riyadh"]);
        assert!(ts_parts("  ;; ( * \"").is_empty());
    }
}
