//! `parallax ingest`: analysed articles into the archive, a batch at a time.
//!
//! An [`Ingest`] holds the one-writer lock for its whole run and the cross-article state the
//! stream path keeps ([`StoryClusterer`], [`Deduper`]), restored from the archive when it starts:
//! the stories most recently extended (at most [`OPEN_ARTICLES`] articles) and the last
//! [`DEDUP_WINDOW`] articles' texts. Each batch is one transaction:
//!
//! 1. every article is looked up by its key (URL, else record id, else source) and content hash:
//!    the same article again is *skipped*, a new version *replaces* the stored one;
//! 2. copies are marked (`duplicate_of`) and each new article joins the story whose centroid it
//!    is most similar to, or starts one ([`StoryClusterer`], as `analyze --stream` does);
//! 3. the articles are inserted with their analysis and rows, then every story whose articles
//!    changed — and only those — is rebuilt by the story layer from the stored analyses
//!    ([`parallax_story::build_marked_story`], in parallel) and written with its JSON, brief,
//!    timeline, entities and each article's view;
//! 4. the transaction commits: a batch lands whole or not at all, so a killed ingest leaves the
//!    archive as it was after its last batch, and running it again completes it.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::time::Instant;

use parallax_doc::Doc;
use parallax_story::cluster::StoryClusterer;
use parallax_story::dedup::Deduper;
use parallax_story::report;
use rayon::prelude::*;

use crate::store::{ArticleView, NewArticle, RunCounts, Store, StoryEntityRecord, StoryRecord, WriterLock};
use crate::{codec, StoreError};

/// Articles of the most recently extended stories an ingest starts from: a new article can join
/// these stories; older ones are closed, as in `analyze --stream`.
pub const OPEN_ARTICLES: usize = 4096;

/// A story with this many articles takes no more: the next article on its subject starts a new
/// story (rebuilding a story costs time in proportion to its articles).
pub const MAX_STORY_ARTICLES: usize = 1000;

/// How many of the latest stored articles a new one is checked against for being a copy.
pub const DEDUP_WINDOW: usize = 10_000;

/// What one batch did.
#[derive(Debug, Clone, Copy, Default)]
pub struct BatchCounts {
    /// Articles in the batch.
    pub read: u64,
    /// Stored as new.
    pub new: u64,
    /// Already stored.
    pub skipped: u64,
    /// Replaced a stored version.
    pub replaced: u64,
}

/// The cross-article state of the stream path: the story clusterer over the open stories and
/// the copy finder over the latest texts, with the archive ids they map to.
///
/// An [`Ingest`] restores it from the archive when it starts. A worker that stores batch after
/// batch keeps it between its runs ([`Ingest::finish_keeping`], [`Ingest::resume`]) and only
/// replays the articles other writers stored in between ([`StreamState::catch_up`]), in id
/// order, as they were assigned: its state is then the one a single ingest of the same articles
/// would hold.
pub struct StreamState {
    clusterer: StoryClusterer,
    deduper: Deduper,
    /// Per deduper index: the article's id and source.
    dedup_articles: Vec<(i64, String)>,
    story_of_cluster: HashMap<usize, i64>,
    cluster_of_story: HashMap<i64, usize>,
    /// Open clusters: their articles and the last article they took.
    open: HashMap<usize, (usize, i64)>,
    /// (last article taken, cluster) of open clusters: the first is the one to close.
    by_age: BTreeSet<(i64, usize)>,
    open_articles: usize,
    /// The first article id the archive had not given out when this state was last in step
    /// with it.
    next_article: i64,
}

impl std::fmt::Debug for StreamState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamState")
            .field("open_articles", &self.open_articles)
            .field("next_article", &self.next_article)
            .finish()
    }
}

/// A worker replays at most this many articles stored by others to catch up; further behind, it
/// restores its state from the archive (which reads at most [`OPEN_ARTICLES`] and
/// [`DEDUP_WINDOW`] articles).
pub const MAX_CATCH_UP: i64 = OPEN_ARTICLES as i64;

impl StreamState {
    fn empty(next_article: i64) -> StreamState {
        StreamState {
            clusterer: StoryClusterer::default(),
            deduper: Deduper::with_window(DEDUP_WINDOW),
            dedup_articles: Vec::new(),
            story_of_cluster: HashMap::new(),
            cluster_of_story: HashMap::new(),
            open: HashMap::new(),
            by_age: BTreeSet::new(),
            open_articles: 0,
            next_article,
        }
    }

    /// The state of the archive as it is: the stories most recently extended (at most
    /// [`OPEN_ARTICLES`] articles) and the last [`DEDUP_WINDOW`] texts.
    pub fn restore(store: &Store, analyse: fn(&mut Doc)) -> Result<StreamState, StoreError> {
        let (next_article, _) = store.next_ids()?;
        let mut state = StreamState::empty(next_article);
        let open = store.recent_story_articles(OPEN_ARTICLES, MAX_STORY_ARTICLES)?;
        // oldest story first, so cluster numbers follow story age
        for &(story, article) in open.iter().rev() {
            let Some((id, doc)) = store.article_doc(article)? else { continue };
            let doc = crate::store::analysed(doc, analyse);
            let cluster = state.cluster_for(story);
            state.clusterer.join(cluster, id as usize, &doc);
            state.took(cluster, id);
        }
        for (id, source, text) in store.recent_texts(DEDUP_WINDOW)? {
            state.deduper.add(&text);
            state.dedup_articles.push((id, source));
        }
        Ok(state)
    }

    /// Replays, in id order, the articles other writers stored since this state was last in
    /// step with the archive: each is added to the copy finder and joins its stored story's
    /// cluster. Needs no lock (it reads committed rows); returns `false`, leaving the state as it
    /// was, when more than [`MAX_CATCH_UP`] articles came in between (restore instead).
    pub fn catch_up(&mut self, store: &Store, analyse: fn(&mut Doc)) -> Result<bool, StoreError> {
        let (next_article, _) = store.next_ids()?;
        if next_article < self.next_article || next_article - self.next_article > MAX_CATCH_UP {
            return Ok(false);
        }
        for (article, story) in store.article_stories_from(self.next_article)? {
            let Some((id, doc)) = store.article_doc(article)? else { continue };
            let doc = crate::store::analysed(doc, analyse);
            self.deduper.add(&doc.text);
            self.dedup_articles.push((id, doc.source.clone()));
            if let Some(story) = story {
                let cluster = self.cluster_for(story);
                self.clusterer.join(cluster, id as usize, &doc);
                self.took(cluster, id);
            }
            self.next_article = self.next_article.max(id + 1);
        }
        self.next_article = self.next_article.max(next_article);
        Ok(true)
    }

    /// `kept` caught up with the archive ([`StreamState::catch_up`]), or the archive's state
    /// restored when there is none or it is too far behind.
    pub fn up_to_date(
        kept: Option<StreamState>,
        store: &Store,
        analyse: fn(&mut Doc),
    ) -> Result<StreamState, StoreError> {
        if let Some(mut kept) = kept {
            if kept.catch_up(store, analyse)? {
                return Ok(kept);
            }
        }
        StreamState::restore(store, analyse)
    }

    /// The cluster of a stored story, a new one the first time it is seen.
    fn cluster_for(&mut self, story: i64) -> usize {
        if let Some(&cluster) = self.cluster_of_story.get(&story) {
            return cluster;
        }
        let cluster = self.clusterer.new_story();
        self.story_of_cluster.insert(cluster, story);
        self.cluster_of_story.insert(story, cluster);
        cluster
    }

    /// Notes that `cluster` took article `id`; closes the least recently extended stories while
    /// more than [`OPEN_ARTICLES`] articles are open, and a story that reached
    /// [`MAX_STORY_ARTICLES`]: memory stays bounded whatever the archive holds.
    fn took(&mut self, cluster: usize, id: i64) {
        let entry = self.open.entry(cluster).or_insert((0, id));
        self.by_age.remove(&(entry.1, cluster));
        entry.0 += 1;
        entry.1 = id;
        let full = entry.0 >= MAX_STORY_ARTICLES;
        self.by_age.insert((id, cluster));
        self.open_articles += 1;
        if full {
            self.close(cluster);
        }
        while self.open_articles > OPEN_ARTICLES {
            let Some(&(_, oldest)) = self.by_age.iter().next() else { break };
            self.close(oldest);
        }
    }

    fn close(&mut self, cluster: usize) {
        if let Some((articles, last)) = self.open.remove(&cluster) {
            self.by_age.remove(&(last, cluster));
            self.open_articles -= articles;
        }
        self.clusterer.close(cluster);
    }
}

/// One ingest run into an archive.
pub struct Ingest<'s> {
    store: &'s mut Store,
    _lock: WriterLock,
    run: i64,
    state: StreamState,
    /// No batch failed: the state matches the archive.
    sound: bool,
    next_story: i64,
    counts: RunCounts,
    touched: BTreeSet<i64>,
    created: BTreeSet<i64>,
    started: Instant,
    analyse: fn(&mut Doc),
}

impl std::fmt::Debug for Ingest<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ingest").field("run", &self.run).field("counts", &self.counts).finish()
    }
}

impl<'s> Ingest<'s> {
    /// Starts a run: takes the writer lock (or fails at once, naming the archive), records the
    /// run and restores the clustering and copy-finding state. `analyse` is the per-article
    /// analysis (`parallax_analyze::analyze`), used only for stored rows whose analysis was
    /// written in another format.
    pub fn start(store: &'s mut Store, inputs: &[String], analyse: fn(&mut Doc)) -> Result<Ingest<'s>, StoreError> {
        Ingest::resume(store, inputs, analyse, &mut None)
    }

    /// [`Ingest::start`] from the state an earlier run on this archive kept
    /// ([`Ingest::finish_keeping`]), brought up to date with what others stored since
    /// ([`StreamState::catch_up`]); restored from the archive when there is none or it is too far
    /// behind. The state is taken out of `state` only once the lock is held: a caller told
    /// [`StoreError::Busy`] still has it.
    pub fn resume(
        store: &'s mut Store,
        inputs: &[String],
        analyse: fn(&mut Doc),
        state: &mut Option<StreamState>,
    ) -> Result<Ingest<'s>, StoreError> {
        let lock = store.lock_writer()?;
        let mut state = StreamState::up_to_date(state.take(), store, analyse)?;
        let run = store.start_run(inputs)?;
        let (next_article, next_story) = store.next_ids()?;
        state.next_article = next_article;
        Ok(Ingest {
            store,
            _lock: lock,
            run,
            state,
            sound: true,
            next_story,
            counts: RunCounts::default(),
            touched: BTreeSet::new(),
            created: BTreeSet::new(),
            started: Instant::now(),
            analyse,
        })
    }

    /// Stores one batch of analysed articles in one transaction; returns what it did.
    pub fn add_batch(&mut self, docs: Vec<Doc>) -> Result<BatchCounts, StoreError> {
        let result = self.add_batch_unchecked(docs);
        self.sound &= result.is_ok();
        result
    }

    fn add_batch_unchecked(&mut self, docs: Vec<Doc>) -> Result<BatchCounts, StoreError> {
        let mut counts = BatchCounts::default();
        let mut deletes: Vec<i64> = Vec::new();
        let mut dirty: BTreeSet<i64> = BTreeSet::new();
        let mut new_stories: Vec<i64> = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();
        let mut batch_keys: HashSet<String> = HashSet::new();
        let mut batch_hashes: HashSet<i64> = HashSet::new();
        for mut doc in docs {
            counts.read += 1;
            let key = article_key(&doc);
            let hash = content_hash(&doc);
            if batch_keys.contains(&key) || batch_hashes.contains(&hash) {
                counts.skipped += 1;
                continue;
            }
            match self.store.find_key(&key)? {
                Some(known) if known.content_hash == hash => {
                    counts.skipped += 1;
                    continue;
                }
                Some(known) => {
                    deletes.push(known.id);
                    dirty.extend(known.story_id);
                    counts.replaced += 1;
                }
                None => {
                    if self.store.find_content(hash)?.is_some() {
                        counts.skipped += 1;
                        continue;
                    }
                    counts.new += 1;
                }
            }
            batch_keys.insert(key.clone());
            batch_hashes.insert(hash);
            let id = self.state.next_article;
            self.state.next_article += 1;
            let duplicate_of =
                match self.state.deduper.add(&doc.text).and_then(|first| self.state.dedup_articles.get(first)) {
                    Some((first_id, first_source)) if !deletes.contains(first_id) => {
                        doc.duplicate_of = Some(first_source.clone());
                        Some(*first_id)
                    }
                    _ => None,
                };
            self.state.dedup_articles.push((id, doc.source.clone()));
            let cluster = self.state.clusterer.push(id as usize, &doc);
            self.state.took(cluster, id);
            let story = match self.state.story_of_cluster.get(&cluster) {
                Some(&s) => s,
                None => {
                    let s = self.next_story;
                    self.next_story += 1;
                    self.state.story_of_cluster.insert(cluster, s);
                    self.state.cluster_of_story.insert(s, cluster);
                    new_stories.push(s);
                    s
                }
            };
            dirty.insert(story);
            let analysis = codec::encode(&mut doc)?;
            pending.push(Pending { id, key, hash, duplicate_of, story, analysis, doc });
        }
        self.counts.read += counts.read;
        self.counts.new += counts.new;
        self.counts.skipped += counts.skipped;
        self.counts.replaced += counts.replaced;
        if pending.is_empty() && deletes.is_empty() {
            return Ok(counts);
        }

        let run = self.run;
        let analyse = self.analyse;
        // ids from here on are this batch's: older articles of a dirty story are read back
        let first_new = pending.first().map_or(self.state.next_article, |p| p.id);
        let batch = self.store.write()?;
        for &id in &deletes {
            batch.delete_article(id)?;
        }
        for &s in &new_stories {
            batch.create_story(s, run)?;
        }
        for p in &pending {
            batch.insert_article(&NewArticle {
                id: p.id,
                key: &p.key,
                content_hash: p.hash,
                duplicate_of: p.duplicate_of,
                story_id: p.story,
                run_id: run,
                doc: &p.doc,
                analysis: &p.analysis,
            })?;
        }
        // the batch's own articles go to their stories' rebuilds as they are, not read back
        let mut fresh: HashMap<i64, Vec<(i64, Doc)>> = HashMap::new();
        for p in pending {
            fresh.entry(p.story).or_default().push((p.id, p.doc));
        }
        let mut loaded = Vec::with_capacity(dirty.len());
        for &s in &dirty {
            let mut docs: Vec<(i64, Doc)> = batch
                .story_docs_before(s, first_new)?
                .into_iter()
                .map(|(id, doc)| {
                    let doc = crate::store::analysed(doc, analyse);
                    (id, doc)
                })
                .collect();
            docs.extend(fresh.remove(&s).unwrap_or_default());
            loaded.push((s, docs));
        }
        let records: Vec<StoryRecord> = loaded.into_par_iter().map(|(s, docs)| story_record(s, docs)).collect();
        for record in &records {
            if record.articles.is_empty() {
                batch.delete_story(record.id)?;
            } else {
                batch.put_story(record, run)?;
            }
        }
        batch.commit()?;

        self.created.extend(new_stories.iter().copied());
        self.touched.extend(dirty);
        Ok(counts)
    }

    /// Counts `n` inputs that could not be read.
    pub fn add_failures(&mut self, n: u64) {
        self.counts.failed += n;
    }

    /// Ends the run: records its counts and duration and returns them.
    pub fn finish(self) -> Result<(RunCounts, f64), StoreError> {
        self.finish_keeping().map(|(counts, seconds, _)| (counts, seconds))
    }

    /// [`Ingest::finish`], handing back the stream state for the next run of this writer
    /// ([`Ingest::resume`]); none when a batch failed (its clusterer may have taken articles
    /// that were never stored).
    pub fn finish_keeping(mut self) -> Result<(RunCounts, f64, Option<StreamState>), StoreError> {
        self.counts.stories_new = self.created.len() as u64;
        self.counts.stories_updated = self.touched.difference(&self.created).count() as u64;
        let seconds = self.started.elapsed().as_secs_f64();
        self.store.finish_run(self.run, &self.counts, seconds)?;
        Ok((self.counts, seconds, self.sound.then_some(self.state)))
    }
}

/// An article waiting for the batch's transaction.
struct Pending {
    id: i64,
    key: String,
    hash: i64,
    duplicate_of: Option<i64>,
    story: i64,
    analysis: Vec<u8>,
    doc: Doc,
}

/// What identifies an article across ingests: its URL, else its record id, else its source.
pub fn article_key(doc: &Doc) -> String {
    doc.meta.url.clone().or_else(|| doc.meta.id.clone()).unwrap_or_else(|| doc.source.clone())
}

/// A stable 64-bit hash (FNV-1a) of what makes an article's content: its text, title and outlet.
pub fn content_hash(doc: &Doc) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let parts = [doc.text.as_str(), doc.meta.title.as_deref().unwrap_or(""), doc.meta.outlet.as_deref().unwrap_or("")];
    for part in parts {
        for &b in part.as_bytes().iter().chain(std::iter::once(&0xffu8)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h as i64
}

/// The story layer over a story's stored articles, rendered for storage.
fn story_record(id: i64, docs: Vec<(i64, Doc)>) -> StoryRecord {
    if docs.is_empty() {
        return StoryRecord { id, ..StoryRecord::default() };
    }
    let ids: Vec<i64> = docs.iter().map(|(i, _)| *i).collect();
    let analysis = parallax_story::build_marked_story(docs.into_iter().map(|(_, d)| d).collect());
    let Some(story) = analysis.stories.first() else {
        return StoryRecord { id, ..StoryRecord::default() };
    };
    let mut story_json = report::StoryJson::new(&analysis, 0);
    story_json.id = id as usize;
    let json = serde_json::to_string(&story_json).unwrap_or_default();
    let rows = report::quote_rows(&analysis);
    let mut rows = rows.iter();
    let articles = analysis
        .docs
        .iter()
        .zip(&ids)
        .map(|(doc, &article)| {
            // the quote rows were stored with the article's own speaker names: only the quotes
            // whose story-level name differs are rewritten
            let speakers = rows
                .by_ref()
                .take(doc.quotes.len())
                .zip(&doc.quotes)
                .enumerate()
                .filter(|(_, (row, q))| row.speaker != parallax_story::report::named_speaker(doc, q).name)
                .map(|(i, (row, _))| (i, row.speaker.as_deref().map(str::to_string)))
                .collect();
            ArticleView { id: article, speakers }
        })
        .collect();
    let days: Vec<&str> =
        analysis.docs.iter().filter_map(|d| d.meta.published.as_deref()).map(parallax_story::text::day_of).collect();
    let mut outlets: Vec<(usize, String)> = Vec::new();
    for o in story.outlets.iter().flatten() {
        match outlets.iter_mut().find(|(_, name)| name == o) {
            Some(entry) => entry.0 += 1,
            None => outlets.push((1, o.clone())),
        }
    }
    outlets.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    StoryRecord {
        id,
        headline: story.headline.clone(),
        first_published: days.iter().min().map(|d| d.to_string()),
        last_published: days.iter().max().map(|d| d.to_string()),
        outlets: outlets.into_iter().map(|(_, o)| o).collect(),
        json,
        brief: parallax_story::brief::story_brief(&analysis, story),
        timeline: parallax_story::brief::timeline_markdown(&analysis, story),
        timeline_json: serde_json::to_string(&story_json.timeline()).unwrap_or_default(),
        entities: story
            .entities
            .iter()
            .map(|e| StoryEntityRecord {
                kind: e.kind.as_str().to_string(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                roles: e.roles.iter().map(|r| r.role.clone()).collect(),
            })
            .collect(),
        articles,
    }
}
