//! The versioned schema: one migration per version, applied in order inside a transaction.
//!
//! `PRAGMA user_version` holds the version of a database file. Opening a file runs the
//! migrations it lacks (an older file is upgraded in place); a file written by a newer Parallax
//! (a version above [`LATEST`]) is refused, never guessed at.
//!
//! The logical model (what a second backend maps onto):
//! - `runs`: one row per ingest run, with its counts;
//! - `articles`: the article as read (source, key, url, outlet, published, language, title,
//!   text, content hash, `duplicate_of`, removed noise, notes), its analysis (`analysis`: the
//!   per-article layers as written by `parallax-analyze`, never edited by the store) and its
//!   story;
//! - `entities`, `quotes`, `times`, `events`: the article layers as rows, for filtering and
//!   export (quotes carry the story-level speaker name);
//! - `stories`: headline, dates, counts, and the story's JSON, brief and timeline as of its last
//!   build; `story_entities`: its entities with aliases and roles;
//! - `articles_fts`: full-text index over titles, texts and quotes (FTS5, accents folded).

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Migration `i` takes a database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema
    r#"
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    inputs TEXT NOT NULL,
    read INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    replaced INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    stories_new INTEGER NOT NULL DEFAULT 0,
    stories_updated INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE stories (
    id INTEGER PRIMARY KEY,
    headline TEXT NOT NULL,
    first_published TEXT,
    last_published TEXT,
    articles INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    created_run INTEGER REFERENCES runs(id),
    updated_run INTEGER REFERENCES runs(id),
    json TEXT NOT NULL,
    brief TEXT NOT NULL,
    timeline TEXT NOT NULL,
    timeline_json TEXT NOT NULL
);
CREATE INDEX stories_last ON stories(last_published);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    record_id TEXT,
    url TEXT,
    title TEXT,
    authors TEXT NOT NULL,
    outlet TEXT,
    outlet_from TEXT NOT NULL,
    published TEXT,
    published_from TEXT NOT NULL,
    language TEXT,
    text TEXT NOT NULL,
    words INTEGER NOT NULL,
    content_hash INTEGER NOT NULL,
    duplicate_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,
    removed TEXT NOT NULL,
    notes TEXT NOT NULL,
    quote_text TEXT NOT NULL,
    analysis BLOB NOT NULL,
    analysis_format INTEGER NOT NULL,
    story_id INTEGER REFERENCES stories(id),
    run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
CREATE TABLE entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX entities_key ON entities(name_key);
CREATE TABLE quotes (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_key TEXT,
    speaker_text TEXT,
    cue TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE TABLE times (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    place TEXT,
    participants TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE story_entities (
    story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    aliases TEXT NOT NULL,
    roles TEXT NOT NULL,
    PRIMARY KEY (story_id, idx)
);
CREATE INDEX story_entities_key ON story_entities(name_key);
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, quote_text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- rank: BM25 with titles weighing 4, texts 1, quotes 2
INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0)');
"#,
    // 2: how long each run took, and the articles of a run found fast
    r#"
ALTER TABLE runs ADD COLUMN seconds REAL;
CREATE INDEX articles_run ON articles(run_id);
"#,
];

/// The same migrations for a PostgreSQL archive, version for version: migration `i` of
/// [`POSTGRES_MIGRATIONS`] makes the same change as migration `i` of [`MIGRATIONS`]. The logical
/// model is the same; what differs is the dialect: `BIGINT` numbers, `BYTEA` analyses, text
/// compared byte by byte (`COLLATE "C"`, as SQLite does), outlets matched through `lower()`,
/// `"end"` quoted, and the full-text index a `tsvector` column of `articles` (`search`: titles
/// weighted A, quotes B, texts C, accents folded by Parallax before indexing) under a GIN index
/// instead of the FTS5 table. The version is kept in the one-row table `schema_version`.
pub const POSTGRES_MIGRATIONS: &[&str] = &[
    // 1: the first schema
    r#"
CREATE TABLE runs (
    id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    started TEXT COLLATE "C" NOT NULL,
    finished TEXT COLLATE "C",
    inputs TEXT NOT NULL,
    read BIGINT NOT NULL DEFAULT 0,
    new BIGINT NOT NULL DEFAULT 0,
    skipped BIGINT NOT NULL DEFAULT 0,
    replaced BIGINT NOT NULL DEFAULT 0,
    failed BIGINT NOT NULL DEFAULT 0,
    stories_new BIGINT NOT NULL DEFAULT 0,
    stories_updated BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE stories (
    id BIGINT PRIMARY KEY,
    headline TEXT COLLATE "C" NOT NULL,
    first_published TEXT COLLATE "C",
    last_published TEXT COLLATE "C",
    articles BIGINT NOT NULL,
    outlets TEXT COLLATE "C" NOT NULL,
    created_run BIGINT REFERENCES runs(id),
    updated_run BIGINT REFERENCES runs(id),
    json TEXT NOT NULL,
    brief TEXT NOT NULL,
    timeline TEXT NOT NULL,
    timeline_json TEXT NOT NULL
);
CREATE INDEX stories_last ON stories(last_published);
CREATE TABLE articles (
    id BIGINT PRIMARY KEY,
    key TEXT COLLATE "C" NOT NULL UNIQUE,
    source TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C",
    url TEXT COLLATE "C",
    title TEXT COLLATE "C",
    authors TEXT NOT NULL,
    outlet TEXT COLLATE "C",
    outlet_from TEXT COLLATE "C" NOT NULL,
    published TEXT COLLATE "C",
    published_from TEXT COLLATE "C" NOT NULL,
    language TEXT COLLATE "C",
    text TEXT NOT NULL,
    words BIGINT NOT NULL,
    content_hash BIGINT NOT NULL,
    duplicate_of BIGINT REFERENCES articles(id) ON DELETE SET NULL,
    removed TEXT NOT NULL,
    notes TEXT NOT NULL,
    quote_text TEXT NOT NULL,
    analysis BYTEA NOT NULL,
    analysis_format BIGINT NOT NULL,
    story_id BIGINT REFERENCES stories(id),
    run_id BIGINT REFERENCES runs(id),
    search TSVECTOR NOT NULL
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(lower(outlet));
CREATE INDEX articles_search ON articles USING GIN (search);
CREATE TABLE entities (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    name_key TEXT COLLATE "C" NOT NULL,
    mentions BIGINT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX entities_key ON entities(name_key);
CREATE TABLE quotes (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    speaker TEXT COLLATE "C",
    speaker_key TEXT COLLATE "C",
    speaker_text TEXT COLLATE "C",
    cue TEXT COLLATE "C",
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE TABLE times (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events (
    article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    status TEXT COLLATE "C" NOT NULL,
    date TEXT COLLATE "C",
    place TEXT COLLATE "C",
    participants TEXT COLLATE "C" NOT NULL,
    start BIGINT NOT NULL,
    "end" BIGINT NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE story_entities (
    story_id BIGINT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    idx BIGINT NOT NULL,
    kind TEXT COLLATE "C" NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    name_key TEXT COLLATE "C" NOT NULL,
    aliases TEXT COLLATE "C" NOT NULL,
    roles TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (story_id, idx)
);
CREATE INDEX story_entities_key ON story_entities(name_key);
"#,
    // 2: how long each run took, and the articles of a run found fast
    r#"
ALTER TABLE runs ADD COLUMN seconds DOUBLE PRECISION;
CREATE INDEX articles_run ON articles(run_id);
"#,
];

// every SQLite version has its PostgreSQL counterpart
const _: () = assert!(POSTGRES_MIGRATIONS.len() == MIGRATIONS.len());
