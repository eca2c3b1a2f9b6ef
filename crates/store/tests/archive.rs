//! The archive through its API: ingest, re-ingest, new versions, search, export, locks, schema
//! versions. Articles are the example story and our own fixtures, analysed for real.
//!
//! Every test runs on both backends: [`both!`] makes `sqlite::NAME` (a file in a temporary
//! folder) and `postgres::NAME` (a fresh database: see `parallax_store::testing`) of each.

use std::path::{Path, PathBuf};

use parallax_doc::Doc;
use parallax_store::export::{self, Format, What};
use parallax_store::{Ingest, SearchFilter, Store, StoreError, StoryFilter, StreamState};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Makes each test function (taking a maker of fresh archives) a test on SQLite and one on
/// PostgreSQL.
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    super::$name(&|n: &str| super::temp_db(&format!("{}-{n}", stringify!($name))));
                }
            )*
        }
        #[cfg(feature = "postgres")]
        mod postgres {
            $(
                #[test]
                fn $name() {
                    if !parallax_store::testing::postgres_available() {
                        return;
                    }
                    super::$name(&|n: &str| {
                        parallax_store::testing::postgres_database(&format!("{}_{n}", stringify!($name)))
                            .expect("PostgreSQL went away")
                    });
                }
            )*
        }
    };
}

both!(
    ingesting_twice_changes_nothing_and_articles_join_their_story,
    a_new_version_of_an_article_replaces_it_and_its_story_is_rebuilt,
    search_ranks_highlights_and_filters,
    exports_hold_every_row,
    one_writer_at_a_time_and_readers_meanwhile,
    a_newer_schema_is_refused_and_an_older_one_migrated,
    writers_taking_turns_with_kept_state_store_what_one_ingest_stores,
);

/// Gives the location of a fresh, empty archive, named after its argument.
type Fresh<'a> = &'a dyn Fn(&str) -> PathBuf;

/// A fresh archive path in a temporary directory of its own.
fn temp_db(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-store-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("archive.db")
}

fn read(inputs: &[&str]) -> Vec<Doc> {
    let inputs: Vec<String> = inputs.iter().map(|i| root().join(i).to_string_lossy().into_owned()).collect();
    let mut docs: Vec<Doc> = parallax_ingest::read_inputs(&inputs).filter_map(Result::ok).collect();
    docs.iter_mut().for_each(parallax_analyze::analyze);
    docs
}

fn ingest(store: &mut Store, docs: Vec<Doc>, batch: usize) -> parallax_store::RunCounts {
    let mut ingest = Ingest::start(store, &["test".into()], parallax_analyze::analyze).unwrap();
    let mut docs = docs.into_iter().peekable();
    while docs.peek().is_some() {
        ingest.add_batch(docs.by_ref().take(batch).collect()).unwrap();
    }
    ingest.finish().unwrap().0
}

fn all_stories(store: &Store) -> Vec<parallax_store::StoryListing> {
    store.stories(&StoryFilter { limit: 1000, ..StoryFilter::default() }).unwrap()
}

fn ingesting_twice_changes_nothing_and_articles_join_their_story(fresh: Fresh) {
    let db = fresh("twice");
    let mut store = Store::open(&db).unwrap();
    let counts = ingest(&mut store, read(&["examples/riyadh"]), 1);
    assert_eq!((counts.read, counts.new, counts.skipped), (3, 3, 0));
    let stories = all_stories(&store);
    assert_eq!(stories.len(), 1, "the three reports of the Riyadh talks are one story, one article at a time");
    assert_eq!(stories[0].articles, 3);
    let story = store.story(stories[0].id).unwrap().unwrap();
    assert!(story.brief.contains("Marco Rubio"), "{}", story.brief);
    let json: serde_json::Value = serde_json::from_str(&story.json).unwrap();
    assert_eq!(json["articles"].as_array().map(Vec::len), Some(3));

    let again = ingest(&mut store, read(&["examples/riyadh"]), 2);
    assert_eq!((again.read, again.new, again.skipped, again.stories_updated), (3, 0, 3, 0));
    assert_eq!(store.counts().unwrap().0, 3);
    assert_eq!(store.orphan_articles().unwrap(), 0);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

fn a_new_version_of_an_article_replaces_it_and_its_story_is_rebuilt(fresh: Fresh) {
    let db = fresh("replace");
    let mut store = Store::open(&db).unwrap();
    let mut docs = read(&["examples/riyadh"]);
    for (i, d) in docs.iter_mut().enumerate() {
        d.meta.url = Some(format!("https://example.org/riyadh/{i}"));
    }
    ingest(&mut store, docs.clone(), 10);
    let before = store.search("Lavrov", &SearchFilter { limit: 10, ..SearchFilter::default() }).unwrap();
    let mut edited = docs[0].clone();
    edited.text = edited.text.replace("Lavrov", "Lavrov (corrected)");
    edited.meta.title = Some("Corrected: talks in Riyadh".into());
    parallax_analyze::analyze(&mut edited);
    let counts = ingest(&mut store, vec![edited], 10);
    assert_eq!((counts.new, counts.replaced, counts.skipped), (0, 1, 0));
    assert_eq!(counts.stories_updated + counts.stories_new, 1, "its story is rebuilt");
    assert_eq!(store.counts().unwrap().0, 3, "replaced, not added");
    let hits = store.search("corrected", &SearchFilter { limit: 10, ..SearchFilter::default() }).unwrap();
    assert_eq!(hits.len(), 1, "the new version is searchable");
    let after = store.search("Lavrov", &SearchFilter { limit: 10, ..SearchFilter::default() }).unwrap();
    assert_eq!(after.len(), before.len(), "the old version left the index");
    assert_eq!(store.orphan_articles().unwrap(), 0);
    assert!(all_stories(&store).iter().all(|s| s.articles > 0));
}

fn search_ranks_highlights_and_filters(fresh: Fresh) {
    let db = fresh("search");
    let mut store = Store::open(&db).unwrap();
    ingest(&mut store, read(&["examples/riyadh", "tests/fixtures/nairobi"]), 4);
    let all = SearchFilter { limit: 20, ..SearchFilter::default() };
    let hits = store.search("Lavrov", &all).unwrap();
    assert!(hits.len() >= 2);
    assert!(hits.iter().all(|h| h.snippet.contains("[Lavrov]")), "{hits:?}");
    assert!(hits.iter().all(|h| h.story.is_some()));
    // accents and case are ignored; a phrase must appear as written
    assert_eq!(store.search("lavróv", &all).unwrap().len(), hits.len());
    assert!(store.search("\"Lavrov Riyadh\"", &all).unwrap().len() < hits.len());
    // filters
    let bbc = SearchFilter { outlet: Some("bbc".into()), ..all.clone() };
    assert!(store.search("Lavrov", &bbc).unwrap().iter().all(|h| h.outlet.as_deref() == Some("BBC")));
    let by_speaker = SearchFilter { speaker: Some("rubio".into()), ..all.clone() };
    assert!(!store.search("Ukraine", &by_speaker).unwrap().is_empty());
    let nobody = SearchFilter { speaker: Some("nobody at all".into()), ..all.clone() };
    assert!(store.search("Ukraine", &nobody).unwrap().is_empty());
    let entity = SearchFilter { entity: Some("Abiy".into()), ..all.clone() };
    assert!(store.search("Ukraine", &entity).unwrap().is_empty());
    assert!(!store.search("Nairobi", &entity).unwrap().is_empty());
    // syntax never fails
    assert!(store.search("AND ( * \"", &all).is_ok());
    // story filters
    let rubio =
        store.stories(&StoryFilter { entity: Some("Rubio".into()), limit: 10, ..StoryFilter::default() }).unwrap();
    assert_eq!(rubio.len(), 1);
}

fn exports_hold_every_row(fresh: Fresh) {
    let db = fresh("export");
    let mut store = Store::open(&db).unwrap();
    ingest(&mut store, read(&["examples/riyadh"]), 3);
    let (articles, stories, quotes) = store.counts().unwrap();
    let mut jsonl = Vec::new();
    let rows = export::export(&store, None, Format::Jsonl, &mut jsonl, parallax_analyze::analyze).unwrap();
    assert_eq!(rows as i64, articles + stories);
    let text = String::from_utf8(jsonl).unwrap();
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // each story's articles, then the story (as `analyze --stream` writes them)
    let story = lines.iter().position(|v| v.get("story").is_some_and(|s| s.is_object())).unwrap();
    assert_eq!(story as i64, articles);
    assert!(lines[..story].iter().all(|a| a["story"] == lines[story]["story"]["id"] && a["text"].is_string()));
    let mut csv = Vec::new();
    let rows = export::export(&store, Some(What::Quotes), Format::Csv, &mut csv, parallax_analyze::analyze).unwrap();
    assert_eq!(rows as i64, quotes);
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("speaker,quote,kind,cue,speaker_text,outlet,date,url,article,article_id,story\n"));
    #[cfg(feature = "parquet")]
    {
        let mut parquet = Vec::new();
        let rows = export::export(&store, Some(What::Events), Format::Parquet, &mut parquet, parallax_analyze::analyze)
            .unwrap();
        assert!(rows > 0);
        assert!(parquet.starts_with(b"PAR1") && parquet.ends_with(b"PAR1"));
    }
}

fn one_writer_at_a_time_and_readers_meanwhile(fresh: Fresh) {
    let db = fresh("lock");
    let mut first = Store::open(&db).unwrap();
    let mut second = Store::open(&db).unwrap();
    let reader = Store::open_existing(&db).unwrap();
    let mut running = Ingest::start(&mut first, &[], parallax_analyze::analyze).unwrap();
    running.add_batch(read(&["examples/riyadh"])).unwrap();
    match Ingest::start(&mut second, &[], parallax_analyze::analyze) {
        Err(StoreError::Busy(path)) => assert_eq!(path, db),
        other => panic!("a second writer must be refused, got {other:?}"),
    }
    // a reader sees what has been committed
    assert_eq!(reader.counts().unwrap().0, 3);
    assert!(!reader.search("Rubio", &SearchFilter { limit: 5, ..SearchFilter::default() }).unwrap().is_empty());
    running.finish().unwrap();
    // the lock is free again
    Ingest::start(&mut second, &[], parallax_analyze::analyze).unwrap().finish().unwrap();
}

fn a_newer_schema_is_refused_and_an_older_one_migrated(fresh: Fresh) {
    let db = fresh("newer");
    {
        let store = Store::open(&db).unwrap();
        assert_eq!(store.schema_version().unwrap(), parallax_store::schema::LATEST);
    }
    // mark the archive as written by a future version
    set_schema_version(&db, parallax_store::schema::LATEST + 1);
    match Store::open(&db) {
        Err(StoreError::NewerSchema { found, supported, .. }) => {
            assert_eq!((found, supported), (parallax_store::schema::LATEST + 1, parallax_store::schema::LATEST));
        }
        other => panic!("a newer schema must be refused, got {other:?}"),
    }

    // a file of the first schema version, with an article and its story, is upgraded in place
    let old = fresh("v1");
    {
        let mut store = Store::create_at_version(&old, 1).unwrap();
        let mut docs = read(&["examples/riyadh"]);
        let doc = &mut docs[0];
        let analysis = parallax_store::codec::encode(doc).unwrap();
        let run = store.start_run(&["v1".into()]).unwrap();
        let batch = store.write().unwrap();
        batch.create_story(1, run).unwrap();
        batch
            .insert_article(&parallax_store::NewArticle {
                id: 1,
                key: "k",
                content_hash: 7,
                duplicate_of: None,
                story_id: 1,
                run_id: run,
                doc,
                analysis: &analysis,
            })
            .unwrap_or_else(|e| panic!("{e}"));
        batch.commit().unwrap();
    }
    let store = Store::open(&old).unwrap();
    assert_eq!(store.schema_version().unwrap(), parallax_store::schema::LATEST);
    assert_eq!(store.counts().unwrap().0, 1);
    assert_eq!(store.search("Rubio", &SearchFilter { limit: 5, ..SearchFilter::default() }).unwrap().len(), 1);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

/// Marks an archive as of schema version `v`, behind the store's back.
fn set_schema_version(db: &Path, v: i64) {
    let location = db.to_str().unwrap_or_default();
    if parallax_store::is_postgres_url(location) {
        #[cfg(feature = "postgres")]
        parallax_store::testing::execute(location, &format!("UPDATE schema_version SET version = {v}"));
    } else {
        rusqlite::Connection::open(db).unwrap().pragma_update(None, "user_version", v).unwrap();
    }
}

/// The same articles ingested into each backend make the same archive: every export byte for
/// byte, and every reader of the API (listings, search hits, quotes, entities, outlets) alike.
#[cfg(feature = "postgres")]
#[test]
fn both_backends_hold_the_same_archive() {
    use parallax_store::ArticleFilter;
    let Some(pg) = parallax_store::testing::postgres_database("same_archive") else { return };
    let sqlite = temp_db("same-archive");
    let docs = read(&["examples/riyadh", "tests/fixtures/nairobi", "tests/fixtures/ingest"]);
    let mut stores = Vec::new();
    for db in [&sqlite, &pg] {
        let mut store = Store::open(db).unwrap();
        ingest(&mut store, docs.clone(), 3);
        // the same again: nothing doubles
        let again = ingest(&mut store, docs.clone(), 5);
        assert_eq!(again.new, 0);
        stores.push(store);
    }
    let [lite, pg] = [&stores[0], &stores[1]];
    assert!(!lite.is_postgres() && pg.is_postgres());
    let json = |v: &dyn erased::Json| v.json();
    assert_eq!(lite.counts().unwrap(), pg.counts().unwrap());
    let exported = |store: &Store, what: Option<What>, format: Format| {
        let mut out = Vec::new();
        export::export(store, what, format, &mut out, parallax_analyze::analyze).unwrap();
        String::from_utf8(out).unwrap()
    };
    assert_eq!(exported(lite, None, Format::Jsonl), exported(pg, None, Format::Jsonl));
    for what in [What::Articles, What::Quotes, What::Entities, What::Events, What::Stories] {
        assert_eq!(exported(lite, Some(what), Format::Csv), exported(pg, Some(what), Format::Csv), "{what:?}");
    }
    let all = StoryFilter { limit: 1000, ..StoryFilter::default() };
    assert_eq!(json(&lite.stories(&all).unwrap()), json(&pg.stories(&all).unwrap()));
    let rubio = StoryFilter { entity: Some("rubio".into()), ..all.clone() };
    assert_eq!(json(&lite.stories(&rubio).unwrap()), json(&pg.stories(&rubio).unwrap()));
    let filter = SearchFilter { limit: 50, ..SearchFilter::default() };
    for query in ["Lavrov", "\"restore embassies\"", "nairobi ruto", "lavróv RIYADH"] {
        let ids = |store: &Store| {
            let mut hits: Vec<(i64, String)> =
                store.search(query, &filter).unwrap().into_iter().map(|h| (h.article, h.snippet)).collect();
            hits.sort();
            hits
        };
        assert_eq!(ids(lite), ids(pg), "{query}");
    }
    assert_eq!(json(&lite.quotes(None, &filter).unwrap()), json(&pg.quotes(None, &filter).unwrap()));
    assert_eq!(json(&lite.entities(None, 100, 0).unwrap()), json(&pg.entities(None, 100, 0).unwrap()));
    assert_eq!(json(&lite.entity("Marco Rubio", 10).unwrap()), json(&pg.entity("Marco Rubio", 10).unwrap()));
    assert_eq!(
        json(&lite.speaker_quotes("Marco Rubio", 50).unwrap()),
        json(&pg.speaker_quotes("Marco Rubio", 50).unwrap())
    );
    assert_eq!(json(&lite.outlet_listings().unwrap()), json(&pg.outlet_listings().unwrap()));
    let articles = ArticleFilter { filter: filter.clone(), ..ArticleFilter::default() };
    assert_eq!(json(&lite.articles(&articles).unwrap()), json(&pg.articles(&articles).unwrap()));
    for id in lite.story_ids().unwrap() {
        assert_eq!(json(&lite.story_articles(id).unwrap()), json(&pg.story_articles(id).unwrap()));
        let (a, b) = (lite.story(id).unwrap().unwrap(), pg.story(id).unwrap().unwrap());
        assert_eq!((a.json, a.brief, a.timeline), (b.json, b.brief, b.timeline));
    }
    let first = lite.article(1, parallax_analyze::analyze).unwrap().unwrap();
    let same = pg.article(1, parallax_analyze::analyze).unwrap().unwrap();
    assert_eq!(format!("{:?}", first.doc), format!("{:?}", same.doc));
    assert_eq!(json(&first.listing), json(&same.listing));
}

/// Values compared by their JSON.
#[cfg(feature = "postgres")]
mod erased {
    /// Anything serializable, as JSON.
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap()
        }
    }
}

/// Articles of several stories: the example story and the ingest fixtures.
fn several_stories() -> Vec<Doc> {
    read(&[
        "examples/riyadh",
        "crates/ingest/tests/fixtures/bbc_style.txt",
        "crates/ingest/tests/fixtures/cnn_style.txt",
        "crates/ingest/tests/fixtures/guardian_style.txt",
        "crates/ingest/tests/fixtures/local_paper.txt",
        "crates/ingest/tests/fixtures/reuters_wire.txt",
    ])
}

fn exported(store: &Store) -> String {
    let mut out = Vec::new();
    export::export(store, None, Format::Jsonl, &mut out, parallax_analyze::analyze).unwrap();
    String::from_utf8(out).unwrap()
}

/// Two writers (as two workers) store alternate batches, each keeping its clustering state
/// between its runs and catching up with the other's articles: the archive is the one a single
/// ingest of the same articles in the same order makes.
fn writers_taking_turns_with_kept_state_store_what_one_ingest_stores(fresh: Fresh) {
    let mut docs = several_stories();
    assert!(docs.len() >= 8, "{} fixtures", docs.len());
    // a syndicated copy of an article the other writer stores: found only if that writer's
    // articles were caught up with
    let original = &docs[2];
    let mut copy = Doc::new("syndicated-copy.txt", format!("{}\nDistributed by a wire service.", original.text));
    copy.meta.outlet = Some("Another Outlet".into());
    parallax_analyze::analyze(&mut copy);
    docs.insert(4, copy);
    let one = fresh("one");
    let mut store = Store::open(&one).unwrap();
    ingest(&mut store, docs.clone(), 2);
    let expected = exported(&store);
    assert!(all_stories(&store).len() >= 3, "the fixtures are several stories");

    let turns = fresh("turns");
    let mut writers = [Store::open(&turns).unwrap(), Store::open(&turns).unwrap()];
    let mut states: [Option<StreamState>; 2] = [None, None];
    for (i, batch) in docs.chunks(2).enumerate() {
        // batches 0, 2, 4, ... to the first writer; the copy (article 4) comes after the
        // original (article 2), which the second writer stored
        let w = i % 2;
        if let Some(state) = states[w].as_mut() {
            // reading what the other stored needs no lock
            assert!(state.catch_up(&writers[w], parallax_analyze::analyze).unwrap());
        }
        let mut ingest =
            Ingest::resume(&mut writers[w], &["turn".into()], parallax_analyze::analyze, &mut states[w]).unwrap();
        ingest.add_batch(batch.to_vec()).unwrap();
        states[w] = ingest.finish_keeping().unwrap().2;
        assert!(states[w].is_some(), "a run whose batches were stored keeps its state");
    }
    let got = exported(&writers[0]);
    assert!(got.contains("\"duplicate_of\":\""), "the copy is marked");
    assert_eq!(got, expected);
}
