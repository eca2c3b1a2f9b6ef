//! The work stream (`--queue nats://...`, feature `queue`): `parallax ingest --queue` publishes
//! raw articles to NATS JetStream; `parallax worker` pulls them, analyses them and stores them.
//! Glue over `parallax-queue` and `parallax-store`.
//!
//! A worker acknowledges a message only after the transaction that stored its article has
//! committed: a worker killed at any moment loses nothing (its unacknowledged messages are
//! delivered again after the ack wait) and doubles nothing (the store skips an article it already
//! holds, by key and content hash). Story assignment runs under the store's writer lock (an
//! advisory lock on PostgreSQL): one worker's batch at a time, over the archive as it is.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use parallax_doc::Doc;
use parallax_queue::{Delivery, Queue, Settings};
use parallax_store::{Ingest, Store, StoreError, StreamState};
use rayon::prelude::*;

/// A runtime for the NATS client: its connection runs on one thread of its own while this
/// thread reads, analyses and writes.
fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .context("cannot start the queue's runtime")
}

/// The message id of an article: its key's hash and its content hash, so that the same article
/// sent again is dropped by JetStream's duplicate window.
pub fn message_id(doc: &Doc) -> String {
    let key = parallax_store::archive::article_key(doc);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}-{:016x}", parallax_store::archive::content_hash(doc) as u64)
}

/// `parallax ingest --queue URL`: reads the inputs and publishes each raw article.
pub fn publish(inputs: &[String], url: &str) -> Result<ExitCode> {
    let rt = runtime()?;
    let queue = rt.block_on(Queue::connect(url))?;
    let mut producer = queue.producer();
    let mut failed = 0usize;
    let mut sent = 0usize;
    crate::note_terminal_stdin(inputs);
    let stdin = ["-".to_string()];
    let inputs = if inputs.is_empty() { &stdin[..] } else { inputs };
    for item in parallax_ingest::read_inputs_except(inputs, &[]) {
        let doc = match item {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("parallax: {err}");
                failed += 1;
                continue;
            }
        };
        let payload = serde_json::to_vec(&doc).with_context(|| format!("serialising {}", doc.source))?;
        match rt.block_on(producer.send(&message_id(&doc), payload)) {
            Ok(()) => sent += 1,
            Err(e @ parallax_queue::QueueError::TooLarge { .. }) => {
                eprintln!("parallax: {}: {e}", doc.source);
                failed += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
    let (stored, duplicates) = rt.block_on(producer.finish())?;
    eprintln!(
        "parallax: {}: published {sent} article(s): {stored} queued, {duplicates} already queued; {failed} failed",
        queue.url()
    );
    Ok(crate::exit_code(failed, 0))
}

/// What `parallax worker` is told.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// The NATS server.
    pub url: String,
    /// Analysis threads.
    pub threads: usize,
    /// Messages per batch (one transaction).
    pub batch: usize,
    /// Stop once every message is acknowledged.
    pub until_empty: bool,
    /// The consumer's settings.
    pub settings: Settings,
}

/// `parallax worker --failed`: the dead-letter stream, one line per message.
pub fn list_failed(url: &str) -> Result<ExitCode> {
    let rt = runtime()?;
    let failed = rt.block_on(async {
        let queue = Queue::connect(url).await?;
        queue.failed().await
    })?;
    for f in &failed {
        let source = serde_json::from_slice::<Doc>(&f.payload)
            .map(|d| d.source)
            .unwrap_or_else(|_| format!("({} bytes, not an article)", f.payload.len()));
        println!("{}\t{}\t{} deliveries\t{}\t{}", f.sequence, f.id, f.deliveries, source, f.error);
    }
    eprintln!("parallax: {}: {} failed message(s)", parallax_queue::redacted(url), failed.len());
    Ok(ExitCode::SUCCESS)
}

/// `parallax worker`: pulls, analyses and stores until told to stop (SIGINT, SIGTERM) or, with
/// `until_empty`, until every message is acknowledged.
pub fn work(db: &Path, options: &WorkerOptions) -> Result<ExitCode> {
    let rt = runtime()?;
    let stop = Arc::new(AtomicBool::new(false));
    {
        let stop = stop.clone();
        rt.spawn(async move {
            use tokio::signal::unix::{signal, SignalKind};
            let (Ok(mut term), Ok(mut int)) = (signal(SignalKind::terminate()), signal(SignalKind::interrupt())) else {
                return;
            };
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
            stop.store(true, Ordering::SeqCst);
        });
    }
    let mut store = Store::open(db)?;
    let queue = rt.block_on(Queue::connect(&options.url))?;
    let mut worker = rt.block_on(queue.worker(options.settings))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads.max(1))
        .build()
        .context("cannot start the analysis threads")?;
    let label = [format!("worker {}", queue.url())];
    let (mut stored, mut dead) = (0u64, 0u64);
    let mut unreachable_since: Option<Instant> = None;
    let started = Instant::now();
    // analysed articles waiting for their turn, by stream sequence
    let mut held: BTreeMap<u64, (Delivery, Doc)> = BTreeMap::new();
    let most_held = options.batch.max(1) * 4;
    let mut waiting_since: Option<Instant> = None;
    let mut last_progress = Instant::now();
    // the clustering and copy-finding state kept from batch to batch
    let mut state: Option<StreamState> = None;
    let mut turn = store.turn_lock().ok();
    let mut turn_retry = Instant::now();
    while !stop.load(Ordering::SeqCst) {
        // 1. pull more while there is room (also while waiting: a message another worker lost
        //    may come here)
        let room = most_held.saturating_sub(held.len()).min(options.batch.max(1));
        let mut fetched = 0;
        if room > 0 {
            // an idle worker waits at the server for work to come; one that holds work, or that
            // stops once the stream is drained, only looks
            let wait = if held.is_empty() && !options.until_empty {
                Duration::from_secs(1)
            } else if held.is_empty() {
                Duration::from_millis(200)
            } else {
                Duration::from_millis(50)
            };
            // one worker pulls at a time (the archive's turn lock), so that a pull takes
            // consecutive messages; without the lock (it failed) pulls still work, interleaved
            if turn.is_none() && turn_retry.elapsed() > Duration::from_secs(5) {
                turn = store.turn_lock().ok();
                turn_retry = Instant::now();
            }
            let pulled = match turn.as_mut().map(|t| t.try_hold(|| rt.block_on(worker.fetch(room, wait)))) {
                None => Some(rt.block_on(worker.fetch(room, wait))),
                Some(Ok(pulled)) => pulled,
                Some(Err(e)) => {
                    eprintln!("parallax: worker: the turn lock failed ({e}); pulling without it");
                    turn = None;
                    turn_retry = Instant::now();
                    Some(rt.block_on(worker.fetch(room, wait)))
                }
            };
            let pulled = match pulled {
                Some(pulled) => pulled,
                // another worker is pulling: store what is ready meanwhile, or wait a moment
                None if held.is_empty() => {
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
                None => Ok(Vec::new()),
            };
            match pulled {
                Ok(deliveries) => {
                    unreachable_since = None;
                    fetched = deliveries.len();
                    dead += analyse_into(&rt, &pool, deliveries, &mut held);
                }
                Err(e) => {
                    // NATS away for a moment: the client reconnects; give up after PATIENCE
                    let since = *unreachable_since.get_or_insert_with(Instant::now);
                    if since.elapsed() > parallax_queue::PATIENCE {
                        return Err(e.into());
                    }
                    std::thread::sleep(Duration::from_millis(200));
                    continue;
                }
            }
        }
        if held.is_empty() {
            if fetched == 0 && options.until_empty && rt.block_on(worker.drained()).unwrap_or(false) {
                break;
            }
            continue;
        }
        // 2. store, in one transaction, the held articles that come next in the stream's order
        let Ok(floor) = rt.block_on(worker.ack_floor()) else {
            std::thread::sleep(Duration::from_millis(200));
            continue;
        };
        let done: Vec<u64> = held.range(..=floor).map(|(&seq, _)| seq).collect();
        for seq in done {
            // stored by another worker already (this one got it again after the ack wait)
            if let Some((d, _)) = held.remove(&seq) {
                ack_or_warn(&rt, &d);
            }
        }
        let mut next: Vec<(Delivery, Doc)> = Vec::new();
        while let Some(entry) = held.first_entry() {
            if *entry.key() != floor + 1 + next.len() as u64 {
                break;
            }
            next.push(entry.remove());
        }
        if next.is_empty() {
            // an earlier article is being worked on elsewhere: wait for it
            let since = *waiting_since.get_or_insert_with(Instant::now);
            if last_progress.elapsed() > options.settings.ack_wait / 3 {
                for (d, _) in held.values() {
                    let _ = rt.block_on(d.in_progress());
                }
                last_progress = Instant::now();
            }
            if held.len() >= most_held && since.elapsed() > options.settings.ack_wait {
                // full, and the article waited for is overdue (its worker died): give back the
                // later half to make room, so that it can be delivered here when its ack wait ends
                let later: Vec<u64> = held.keys().skip(held.len() / 2).copied().collect();
                for seq in later {
                    if let Some((d, _)) = held.remove(&seq) {
                        let _ = rt.block_on(d.release());
                    }
                }
                waiting_since = Some(Instant::now());
            } else if since.elapsed() > options.settings.ack_wait * 3 {
                // nothing moves: let every held article go (delivered again, maybe here)
                eprintln!(
                    "parallax: worker: waited {:.0} s for article {} of the stream; releasing {} article(s)",
                    since.elapsed().as_secs_f64(),
                    floor + 1,
                    held.len()
                );
                for (_, (d, _)) in std::mem::take(&mut held) {
                    let _ = rt.block_on(d.release());
                }
                waiting_since = None;
            }
            std::thread::sleep(Duration::from_millis(20));
            continue;
        }
        waiting_since = None;
        let (deliveries, docs): (Vec<Delivery>, Vec<Doc>) = next.into_iter().unzip();
        let mut bad: Vec<(Delivery, String)> = Vec::new();
        match store_or_reconnect(&mut store, db, &label, docs.clone(), &rt, &deliveries, &mut state)? {
            Ok(()) => {
                for d in &deliveries {
                    ack_or_warn(&rt, d);
                }
                stored += deliveries.len() as u64;
            }
            // a batch that cannot be stored: each article alone, to find the one at fault
            Err(e) if deliveries.len() > 1 => {
                eprintln!("parallax: worker: a batch could not be stored ({e:#}); storing its articles one by one");
                for (doc, d) in docs.into_iter().zip(deliveries) {
                    match store_or_reconnect(
                        &mut store,
                        db,
                        &label,
                        vec![doc],
                        &rt,
                        std::slice::from_ref(&d),
                        &mut state,
                    )? {
                        Ok(()) => {
                            ack_or_warn(&rt, &d);
                            stored += 1;
                        }
                        Err(e) => bad.push((d, format!("{e:#}"))),
                    }
                }
            }
            Err(e) => bad.extend(deliveries.into_iter().map(|d| (d, format!("{e:#}")))),
        }
        for (d, error) in bad {
            dead += u64::from(fail(&rt, &d, &error));
        }
    }
    // what this worker still holds goes back to the stream at once
    for (_, (d, _)) in held {
        let _ = rt.block_on(d.release());
    }
    eprintln!(
        "parallax: worker: {} ← {}: stored {stored} article(s), {dead} dead-lettered; {:.1} s",
        parallax_store::shown_location(db),
        queue.url(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// Decodes and analyses (in parallel) fetched messages into `held`; a message that is not an
/// article fails at once. Returns how many were dead-lettered.
fn analyse_into(
    rt: &tokio::runtime::Runtime,
    pool: &rayon::ThreadPool,
    deliveries: Vec<Delivery>,
    held: &mut BTreeMap<u64, (Delivery, Doc)>,
) -> u64 {
    let mut dead = 0;
    let mut fresh = Vec::with_capacity(deliveries.len());
    for d in deliveries {
        if d.worn_out() {
            let error = format!(
                "delivered {} times and never stored (a worker died on it, or gave it up, each time)",
                d.deliveries()
            );
            dead += u64::from(fail(rt, &d, &error));
            continue;
        }
        match serde_json::from_slice::<Doc>(d.payload()) {
            Ok(doc) => fresh.push((d, doc)),
            Err(e) => dead += u64::from(fail(rt, &d, &format!("not an article: {e}"))),
        }
    }
    pool.install(|| fresh.par_iter_mut().for_each(|(_, doc)| parallax_analyze::analyze(doc)));
    for (d, doc) in fresh {
        // delivered again (the ack wait passed): the newer delivery is the one to acknowledge
        held.insert(d.sequence(), (d, doc));
    }
    dead
}

/// A message whose article failed: delivered again, or dead-lettered on its last delivery
/// (returns whether it was).
fn fail(rt: &tokio::runtime::Runtime, d: &Delivery, error: &str) -> bool {
    match rt.block_on(d.fail(error, Duration::from_millis(200))) {
        Ok(true) => {
            eprintln!(
                "parallax: worker: message {} dead-lettered after {} deliveries: {error}",
                d.id(),
                d.deliveries()
            );
            true
        }
        Ok(false) => {
            eprintln!("parallax: worker: message {} failed (delivery {}): {error}", d.id(), d.deliveries());
            false
        }
        Err(e) => {
            eprintln!("parallax: worker: {e}");
            false
        }
    }
}

fn ack_or_warn(rt: &tokio::runtime::Runtime, d: &Delivery) {
    // an ack lost here only means the message comes again: the store skips it then
    if let Err(e) = rt.block_on(d.ack()) {
        eprintln!("parallax: worker: {e}");
    }
}

/// [`store_batch`]; when it fails, the archive is opened again (the server may have restarted:
/// tried for [`parallax_queue::PATIENCE`]) and the batch tried once more. The outer error: the
/// archive cannot be opened (the worker stops; its articles are delivered again); the inner one:
/// this batch cannot be stored.
fn store_or_reconnect(
    store: &mut Store,
    db: &Path,
    label: &[String],
    docs: Vec<Doc>,
    rt: &tokio::runtime::Runtime,
    deliveries: &[Delivery],
    state: &mut Option<StreamState>,
) -> Result<Result<()>> {
    let Err(first) = store_batch(store, label, docs.clone(), rt, deliveries, state) else { return Ok(Ok(())) };
    eprintln!("parallax: worker: storing failed ({first:#}); opening the archive again");
    let started = Instant::now();
    *store = loop {
        match Store::open(db) {
            Ok(s) => break s,
            Err(e) if started.elapsed() > parallax_queue::PATIENCE => {
                return Err(e).context("the archive cannot be opened again");
            }
            Err(_) => {
                for d in deliveries {
                    let _ = rt.block_on(d.in_progress());
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        }
    };
    Ok(store_batch(store, label, docs, rt, deliveries, state))
}

/// Stores analysed articles in one transaction under the writer lock, waiting for the lock while
/// another worker holds it (and telling the server that `deliveries` are still being worked on).
///
/// `state` is the clustering and copy-finding state this worker kept from its last batch: it is
/// brought up to date with what other workers stored since before the lock is taken (reading
/// committed rows needs no lock), so that the serialised part only replays the last few.
fn store_batch(
    store: &mut Store,
    label: &[String],
    docs: Vec<Doc>,
    rt: &tokio::runtime::Runtime,
    deliveries: &[Delivery],
    state: &mut Option<StreamState>,
) -> Result<()> {
    let analyse = parallax_analyze::analyze;
    *state = Some(StreamState::up_to_date(state.take(), store, analyse)?);
    let mut last_progress = Instant::now();
    let mut ingest = loop {
        match Ingest::resume(store, label, analyse, state) {
            Ok(i) => break i,
            Err(StoreError::Busy(_)) => {
                if last_progress.elapsed() > Duration::from_secs(5) {
                    for d in deliveries {
                        let _ = rt.block_on(d.in_progress());
                    }
                    last_progress = Instant::now();
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(e).context("opening the archive for writing"),
        }
    };
    ingest.add_batch(docs).context("storing a batch")?;
    *state = ingest.finish_keeping().context("recording the run")?.2;
    Ok(())
}
