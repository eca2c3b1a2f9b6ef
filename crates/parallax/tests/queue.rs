//! The work stream end to end, on real servers: a throwaway `nats-server -js`
//! (`parallax_queue::testing`) and a fresh PostgreSQL database (`parallax_store::testing`).
//! Skipped, with one line, when either server is missing; with `$CI` set they fail instead.
//!
//! - `parallax ingest --queue` and three `parallax worker`s give exactly the articles and stories
//!   of an embedded `parallax ingest --db` on the same input (the exported JSON Lines, article and
//!   story ids aside: a story is named by its articles' sources);
//! - a worker killed with SIGKILL mid-stream and started again: nothing lost, nothing doubled;
//! - NATS stopped for a few seconds mid-run: producer and workers retry and finish;
//! - PostgreSQL restarted mid-run: workers open the archive again and finish;
//! - a message that is not an article goes to the dead-letter stream and `worker --failed` shows it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use parallax_queue::testing::{nats_server, NatsServer};
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).current_dir(root()).output().expect("parallax runs")
}

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("parallax starts")
}

fn ok(out: &Output, what: &str) -> String {
    assert!(out.status.success(), "{what} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn finished(child: Child, what: &str) {
    let out = child.wait_with_output().expect("parallax ends");
    eprintln!("{what}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{what} failed: {}", String::from_utf8_lossy(&out.stderr));
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-e2e-queue-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// The tests of this file run one at a time: each starts several processes, and their timing
/// (a kill mid-stream, an outage mid-run) means something only on a machine they do not share.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The servers of one test, or `None` when one is missing (and `$CI` is not set); the guard
/// keeps the other tests of this file waiting.
fn servers(name: &str) -> Option<(std::sync::MutexGuard<'static, ()>, NatsServer, String, String)> {
    let guard = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let nats = nats_server(name)?;
    if !parallax_store::testing::postgres_available() {
        return None;
    }
    let embedded = parallax_store::testing::postgres_database(&format!("queue_{name}_embedded"))?;
    let queued = parallax_store::testing::postgres_database(&format!("queue_{name}_queued"))?;
    Some((guard, nats, embedded.to_string_lossy().into_owned(), queued.to_string_lossy().into_owned()))
}

/// The input: the example story, and the first `bbc` articles of the BBC corpus when
/// `../shared` is beside the checkout.
fn input(dir: &Path, bbc: usize) -> Vec<String> {
    let mut inputs = vec![root().join("examples/riyadh").to_string_lossy().into_owned()];
    let corpus = root().join("../shared/data/bbc/bbc_fulltext.jsonl");
    if let Ok(text) = std::fs::read_to_string(&corpus) {
        let slice: Vec<&str> = text.lines().take(bbc).collect();
        let path = dir.join("bbc.jsonl");
        std::fs::write(&path, slice.join("\n") + "\n").expect("the slice is written");
        inputs.push(path.to_string_lossy().into_owned());
    }
    inputs
}

/// The archive's JSON Lines export with ids taken out: each article by its source, its story
/// named by the sorted sources of the story's articles; each story under that name.
fn normalised_export(db: &str) -> (BTreeMap<String, Value>, BTreeMap<Vec<String>, Value>) {
    let out = ok(&parallax(&["export", "--format", "jsonl", "--db", db]), "export");
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let mut members: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for line in lines.iter().filter(|l| !l["story"].is_object()) {
        let story = line["story"].as_i64().expect("a stored article has a story");
        members.entry(story).or_default().insert(line["source"].as_str().expect("a source").to_string());
    }
    let name = |id: i64| -> Vec<String> { members.get(&id).map(|m| m.iter().cloned().collect()).unwrap_or_default() };
    let mut articles = BTreeMap::new();
    let mut stories = BTreeMap::new();
    for mut line in lines {
        if line["story"].is_object() {
            let id = line["story"]["id"].as_i64().expect("a story id");
            line["story"]["id"] = Value::Null;
            assert!(stories.insert(name(id), line).is_none(), "two stories with the same articles");
        } else {
            let id = line["story"].as_i64().expect("a story id");
            line["story"] = serde_json::json!(name(id));
            let source = line["source"].as_str().expect("a source").to_string();
            assert!(articles.insert(source.clone(), line).is_none(), "article {source} stored twice");
        }
    }
    (articles, stories)
}

/// Asserts both archives hold the same articles (each with the same analysis and the same
/// story-mates) and the same stories, field for field (ids aside).
fn assert_same(embedded: &str, queued: &str) {
    let (a1, s1) = normalised_export(embedded);
    let (a2, s2) = normalised_export(queued);
    let missing: Vec<&String> = a1.keys().filter(|k| !a2.contains_key(*k)).collect();
    let extra: Vec<&String> = a2.keys().filter(|k| !a1.contains_key(*k)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "missing {missing:?}, extra {extra:?}");
    for (source, article) in &a1 {
        assert_same_fields(article, &a2[source], &format!("article {source}"));
    }
    let missing: Vec<&Vec<String>> = s1.keys().filter(|k| !s2.contains_key(*k)).collect();
    let extra: Vec<&Vec<String>> = s2.keys().filter(|k| !s1.contains_key(*k)).collect();
    assert!(missing.is_empty() && extra.is_empty(), "stories missing {missing:?}, extra {extra:?}");
    for (name, story) in &s1 {
        assert_same_fields(&story["story"], &s2[name]["story"], &format!("the story of {name:?}"));
    }
}

/// Asserts two JSON objects are equal, naming the first field that differs.
fn assert_same_fields(a: &Value, b: &Value, what: &str) {
    let fields: Vec<&String> =
        a.as_object().map(|o| o.keys().filter(|k| a[k.as_str()] != b[k.as_str()]).collect()).unwrap_or_default();
    if let Some(first) = fields.first() {
        panic!("{what} differs in {fields:?}: {} / {}", a[first.as_str()], b[first.as_str()]);
    }
    assert_eq!(a, b, "{what}");
}

/// Waits (at most 30 s) until the archive holds `n` stories.
fn wait_for_stories(db: &str, n: usize) {
    let started = Instant::now();
    loop {
        let out = parallax(&["stories", "--db", db, "--format", "json", "--limit", "1000"]);
        let stored = serde_json::from_slice::<Vec<Value>>(&out.stdout).map(|v| v.len()).unwrap_or(0);
        if stored >= n || started.elapsed() > Duration::from_secs(30) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn with_inputs<'a>(head: &[&'a str], inputs: &'a [String]) -> Vec<&'a str> {
    head.iter().copied().chain(inputs.iter().map(String::as_str)).collect()
}

#[test]
fn three_workers_store_what_an_embedded_ingest_stores() {
    let Some((_one, nats, embedded, queued)) = servers("three") else { return };
    let dir = temp_dir("three");
    let inputs = input(&dir, 60);
    ok(&parallax(&with_inputs(&["ingest", "--db", &embedded], &inputs)), "embedded ingest");
    let url = nats.url();
    ok(&parallax(&with_inputs(&["ingest", "--queue", &url], &inputs)), "ingest --queue");
    // sent again: dropped by the duplicate window
    let again = parallax(&with_inputs(&["ingest", "--queue", &url], &inputs));
    assert!(String::from_utf8_lossy(&again.stderr).contains(" 0 queued"), "{}", String::from_utf8_lossy(&again.stderr));
    let workers: Vec<Child> =
        (0..3).map(|_| spawn(&["worker", "--queue", &url, "--db", &queued, "--until-empty", "--batch", "4"])).collect();
    for w in workers {
        finished(w, "worker");
    }
    assert_same(&embedded, &queued);
    let failed = parallax(&["worker", "--queue", &url, "--failed"]);
    assert!(ok(&failed, "worker --failed").is_empty());
}

#[test]
fn a_worker_killed_mid_stream_loses_nothing_and_doubles_nothing() {
    let Some((_one, nats, embedded, queued)) = servers("kill") else { return };
    let dir = temp_dir("kill");
    let inputs = input(&dir, 80);
    ok(&parallax(&with_inputs(&["ingest", "--db", &embedded], &inputs)), "embedded ingest");
    let url = nats.url();
    ok(&parallax(&with_inputs(&["ingest", "--queue", &url], &inputs)), "ingest --queue");
    let args = ["worker", "--queue", &url, "--db", &queued, "--until-empty", "--batch", "2", "--ack-wait", "2"];
    let mut victim = spawn(&args);
    let other = spawn(&args);
    // mid-stream: once some articles are stored, the victim is killed with SIGKILL
    wait_for_stories(&queued, 5);
    victim.kill().expect("SIGKILL");
    let _ = victim.wait();
    let restarted = spawn(&args);
    finished(other, "the other worker");
    finished(restarted, "the restarted worker");
    assert_same(&embedded, &queued);
}

#[test]
fn nats_stopped_for_a_few_seconds_mid_run_producer_and_workers_retry_and_finish() {
    let Some((_one, mut nats, embedded, queued)) = servers("outage") else { return };
    let dir = temp_dir("outage");
    let inputs = input(&dir, 60);
    ok(&parallax(&with_inputs(&["ingest", "--db", &embedded], &inputs)), "embedded ingest");
    let url = nats.url();
    ok(&parallax(&with_inputs(&["ingest", "--queue", &url], &inputs)), "ingest --queue");
    let args = ["worker", "--queue", &url, "--db", &queued, "--until-empty", "--batch", "2", "--ack-wait", "2"];
    let workers: Vec<Child> = (0..2).map(|_| spawn(&args)).collect();
    wait_for_stories(&queued, 5);
    nats.stop();
    // a producer sending the same input again starts while NATS is down, and waits for it
    let producer = spawn(&with_inputs(&["ingest", "--queue", &url], &inputs));
    std::thread::sleep(Duration::from_secs(3));
    nats.start();
    finished(producer, "ingest --queue across the outage");
    for w in workers {
        finished(w, "a worker across the outage");
    }
    assert_same(&embedded, &queued);
}

#[test]
fn postgres_restarted_mid_run_workers_open_the_archive_again_and_finish() {
    let Some((_one, nats, embedded, queued)) = servers("pgrestart") else { return };
    let dir = temp_dir("pgrestart");
    let inputs = input(&dir, 60);
    ok(&parallax(&with_inputs(&["ingest", "--db", &embedded], &inputs)), "embedded ingest");
    let url = nats.url();
    ok(&parallax(&with_inputs(&["ingest", "--queue", &url], &inputs)), "ingest --queue");
    let args = ["worker", "--queue", &url, "--db", &queued, "--until-empty", "--batch", "2", "--ack-wait", "5"];
    let workers: Vec<Child> = (0..2).map(|_| spawn(&args)).collect();
    wait_for_stories(&queued, 5);
    // (a server named by $PARALLAX_TEST_POSTGRES is not restarted: the run is then plain)
    parallax_store::testing::restart_postgres(Duration::from_secs(2));
    for w in workers {
        finished(w, "a worker across the restart");
    }
    assert_same(&embedded, &queued);
}

#[test]
fn a_message_that_is_not_an_article_is_dead_lettered_and_listed() {
    let Some((_one, nats, _, queued)) = servers("poison") else { return };
    let url = nats.url();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("runtime");
    runtime.block_on(async {
        let queue = parallax_queue::Queue::connect(&url).await.expect("connects");
        let mut producer = queue.producer();
        producer.send("poison-1", b"{not an article".to_vec()).await.expect("sends");
        producer.finish().await.expect("acknowledged");
    });
    ok(&parallax(&["ingest", "--queue", &url, "examples/riyadh"]), "ingest --queue");
    let out = parallax(&["worker", "--queue", &url, "--db", &queued, "--until-empty", "--max-deliver", "2"]);
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{log}");
    assert!(log.contains("dead-lettered after 2 deliveries"), "{log}");
    assert!(log.contains("stored 3 article(s), 1 dead-lettered"), "{log}");
    let listed = ok(&parallax(&["worker", "--queue", &url, "--failed"]), "worker --failed");
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 1, "{listed}");
    assert!(lines[0].contains("poison-1") && lines[0].contains("not an article"), "{listed}");
}

#[test]
fn an_unreachable_server_is_one_line_naming_it() {
    let out = parallax(&["ingest", "--queue", "redis://127.0.0.1:1", "examples/riyadh"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not a NATS URL: redis://127.0.0.1:1"), "{err}");
}

#[test]
fn a_worker_is_configured_by_environment_variables_and_ingest_never_queues_by_one() {
    let Some((_one, nats, _, queued)) = servers("env") else { return };
    let url = nats.url();
    let dir = temp_dir("env");
    let file = dir.join("local.db");
    let env_parallax = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .current_dir(root())
            .env("PARALLAX_QUEUE", &url)
            .env("PARALLAX_DB", &queued)
            .env("PARALLAX_THREADS", "2")
            .output()
            .expect("parallax runs")
    };
    // `ingest` queues only when told by `--queue`: with $PARALLAX_QUEUE set it still analyses
    // into its archive (here a file given by --db)
    let local = env_parallax(&["ingest", "examples/riyadh", "--db", file.to_str().expect("utf-8 path")]);
    let log = String::from_utf8_lossy(&local.stderr).into_owned();
    assert!(local.status.success() && log.contains("new 3"), "{log}");
    ok(&parallax(&["ingest", "--queue", &url, "examples/riyadh"]), "ingest --queue");
    // the worker: queue, archive and threads from the environment
    let out = env_parallax(&["worker", "--until-empty"]);
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{log}");
    assert!(log.contains("stored 3 article(s)") && log.contains(&url), "{log}");
    let stories = ok(&parallax(&["stories", "--db", &queued, "--format", "json"]), "stories");
    assert!(stories.contains("\"articles\": 3"), "{stories}");
    let failed = env_parallax(&["worker", "--failed"]);
    assert!(ok(&failed, "worker --failed").is_empty());
    // a bad value in the environment is refused naming the flag
    let bad = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["worker", "--failed"])
        .env("PARALLAX_QUEUE", &url)
        .env("PARALLAX_THREADS", "many")
        .output()
        .expect("parallax runs");
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(!bad.status.success() && err.contains("--threads"), "{err}");
}
