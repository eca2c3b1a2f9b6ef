//! End-to-end tests of the archive through the binary: `ingest`, the reading commands, bad
//! input during ingest, and `kill -9` at random moments (nothing lost, nothing doubled).
//!
//! Each runs on both backends ([`both!`]): an SQLite file, and a fresh PostgreSQL database
//! (`parallax_store::testing`) named by `--db postgres://...`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).current_dir(root()).output().expect("parallax runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-e2e-archive-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ok(out: &Output, what: &str) -> String {
    assert!(out.status.success(), "{what} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Makes each test function (taking a maker of fresh archive locations) a test on SQLite and one
/// on PostgreSQL.
macro_rules! both {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    let dir = super::temp_dir(stringify!($name));
                    super::$name(&|n: &str| dir.join(format!("{n}.db")));
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    if !parallax_store::testing::postgres_available() {
                        return;
                    }
                    super::$name(&|n: &str| {
                        parallax_store::testing::postgres_database(&format!("cli_{}_{n}", stringify!($name)))
                            .expect("PostgreSQL went away")
                    });
                }
            )*
        }
    };
}

both!(
    ingest_then_read_the_archive,
    bad_input_during_ingest_is_one_line_and_the_rest_is_stored,
    kill_9_at_random_moments_loses_nothing_and_doubles_nothing,
);

/// Gives the location of a fresh, empty archive, named after its argument.
type Fresh<'a> = &'a dyn Fn(&str) -> PathBuf;

/// The corpus of these tests: the example story and our own fixtures in every input format.
const CORPUS: &[&str] = &["examples/riyadh", "tests/fixtures/nairobi", "tests/fixtures/ingest"];

fn ingest_then_read_the_archive(fresh: Fresh) {
    let db = fresh("news");
    let db = db.to_str().unwrap();
    let dir = temp_dir(if parallax_store::is_postgres_url(db) { "read-postgres" } else { "read" });
    let out = parallax(&["ingest", "examples/riyadh", "tests/fixtures/nairobi", "--db", db]);
    ok(&out, "ingest");
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("read 6, new 6, skipped 0"), "{summary}");

    let again = parallax(&["ingest", "examples/riyadh", "--db", db]);
    ok(&again, "ingest again");
    assert!(String::from_utf8_lossy(&again.stderr).contains("read 3, new 0, skipped 3"));

    let listing: serde_json::Value =
        serde_json::from_str(&ok(&parallax(&["stories", "--db", db, "--format", "json"]), "stories")).unwrap();
    let stories = listing.as_array().unwrap();
    let riyadh = stories.iter().find(|s| s["articles"] == 3).expect("the three Riyadh reports are one story");
    let id = riyadh["id"].as_i64().unwrap().to_string();

    let brief = ok(&parallax(&["brief", "--db", db, "--story", &id]), "brief --db");
    assert!(brief.contains("## Summary") && brief.contains("Marco Rubio"), "{brief}");
    // the stored brief is the brief `brief` writes for the same articles
    let unstored = ok(&parallax(&["brief", "examples/riyadh"]), "brief");
    assert_eq!(
        brief.lines().filter(|l| l.starts_with("- **")).count(),
        unstored.lines().filter(|l| l.starts_with("- **")).count()
    );

    let quotes =
        ok(&parallax(&["quotes", "--db", db, "--story", &id, "--speaker", "Rubio", "--format", "csv"]), "quotes");
    assert!(quotes.lines().count() > 1 && quotes.lines().skip(1).all(|l| l.starts_with("Marco Rubio,")), "{quotes}");
    let timeline = ok(&parallax(&["timeline", "--db", db, "--story", &id, "--format", "json"]), "timeline");
    let timeline: serde_json::Value = serde_json::from_str(&timeline).unwrap();
    assert_eq!(timeline[0]["id"].as_i64().map(|i| i.to_string()), Some(id.clone()));

    let hits = ok(&parallax(&["search", "Lavrov", "--db", db, "--format", "json"]), "search");
    let hits: serde_json::Value = serde_json::from_str(&hits).unwrap();
    assert!(hits.as_array().is_some_and(|h| h.len() >= 2 && h.iter().all(|x| x["story"].as_i64().is_some())));
    let entity = ok(&parallax(&["stories", "--db", db, "--entity", "Ruto"]), "stories --entity");
    assert!(!entity.contains("Saudi Arabia"), "{entity}");

    let csv = dir.join("quotes.csv");
    ok(
        &parallax(&["export", "--db", db, "--format", "csv", "--what", "quotes", "-o", csv.to_str().unwrap()]),
        "export",
    );
    let csv = std::fs::read_to_string(csv).unwrap();
    assert!(csv.starts_with("speaker,quote,kind,"));

    // no such file, or no such database
    let missing = if parallax_store::is_postgres_url(db) {
        format!("{db}_none")
    } else {
        dir.join("none.db").to_string_lossy().into_owned()
    };
    let missing = parallax(&["stories", "--db", &missing]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("parallax ingest"));
}

fn bad_input_during_ingest_is_one_line_and_the_rest_is_stored(fresh: Fresh) {
    let db = fresh("news");
    let out = parallax(&["ingest", "tests/fixtures/bad", "examples/riyadh", "--db", db.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some inputs failed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.lines().any(|l| l.contains("empty.txt")), "{stderr}");
    let listing = ok(&parallax(&["search", "Rubio", "--db", db.to_str().unwrap(), "--format", "json"]), "search");
    assert!(listing.contains("riyadh"));
}

/// Sources of the stored articles, checked sound: integrity, no article outside a story.
fn check_sound(db: &Path) -> Vec<String> {
    let store = parallax_store::Store::open_existing(db).expect("the archive opens");
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.orphan_articles().unwrap(), 0, "an article outside a story");
    let stories = store.stories(&parallax_store::StoryFilter { limit: 100_000, ..Default::default() }).unwrap();
    assert!(stories.iter().all(|s| s.articles > 0 && !s.headline.is_empty()), "a half-written story");
    let total: i64 = stories.iter().map(|s| s.articles).sum();
    assert_eq!(total, store.counts().unwrap().0, "every article is in exactly one story");
    store.sources().unwrap()
}

fn kill_9_at_random_moments_loses_nothing_and_doubles_nothing(fresh: Fresh) {
    let clean = fresh("clean");
    let mut args: Vec<&str> = vec!["ingest", "--batch", "1", "--db"];
    let clean_str = clean.to_str().unwrap().to_string();
    let mut clean_args = args.clone();
    clean_args.push(&clean_str);
    clean_args.extend(CORPUS);
    let started = Instant::now();
    let out = parallax(&clean_args);
    let full = started.elapsed();
    assert!(out.status.code() == Some(0) || out.status.code() == Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = check_sound(&clean);
    assert!(expected.len() >= 10, "the corpus is real: {} articles", expected.len());

    let db = fresh("killed");
    let db_str = db.to_str().unwrap().to_string();
    args.push(&db_str);
    args.extend(CORPUS);
    // a fixed sequence of moments spread over the length of a clean run
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for round in 0..8 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let at = Duration::from_micros(state % (full.as_micros() as u64).max(1));
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(&args)
            .current_dir(root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("parallax starts");
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        if !parallax_store::is_postgres_url(&db_str) && !db.exists() {
            // killed before it created the archive file: nothing stored, nothing to check
            continue;
        }
        let stored = check_sound(&db);
        assert!(stored.iter().all(|s| expected.contains(s)), "round {round}: an article a clean run does not store");
    }
    let out = parallax(&args);
    assert!(out.status.code() == Some(0) || out.status.code() == Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(check_sound(&db), expected, "the re-run completes the archive exactly");
}
