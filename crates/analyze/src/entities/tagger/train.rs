//! Training and evaluation of the tagger on CoNLL-2003-style data (used by the `train_ner` and
//! `eval_ner` examples).
//!
//! Training is a greedy averaged perceptron: each token is tagged left to right with the
//! current weights (the previous two *predicted* tags are features, as when tagging), and a
//! wrong tag moves the weights of its features towards the gold tag. Documents are visited in
//! an order shuffled by a fixed seed, so training is reproducible.
//!
//! The second, document-level pass ([`train`]) learns from first-pass tags that are honest
//! guesses: the training documents are split into folds, and each fold is tagged by a
//! first-pass model trained on the other folds (jackknifing), so the second pass learns how far
//! to trust the first pass on unseen text, not on text it has memorised.

use super::cluster_learning::Rng;
use super::clusters::Clusters;
use super::features::{
    dynamic_features, parse_tag, spans_of, DocContext, DocLabels, IdMap, NerType, Sentence, TokInfo, TokenFeats,
    N_TAGS, O,
};
use super::model::{best_allowed, key32, Model, PASS2};
use super::NerTagger;

/// One sentence of annotated data.
#[derive(Debug, Clone, Default)]
pub struct TaggedSentence {
    /// The words.
    pub words: Vec<String>,
    /// One BIO tag per word (see [`super::features::tag_label`]).
    pub tags: Vec<u8>,
}

/// A document: its sentences in order.
pub type TaggedDoc = Vec<TaggedSentence>;

/// Reads CoNLL-2003 text (`word POS chunk tag` per line, blank lines between sentences,
/// `-DOCSTART-` between documents). IOB1 files are converted to IOB2.
pub fn read_conll(text: &str) -> Result<Vec<TaggedDoc>, String> {
    let mut docs: Vec<TaggedDoc> = Vec::new();
    let mut doc: TaggedDoc = Vec::new();
    let mut sent = TaggedSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            if !sent.words.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        let (Some(word), Some(label)) = (cols.first(), cols.last()) else { continue };
        if *word == "-DOCSTART-" {
            if !sent.words.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if cols.len() < 2 {
            return Err(format!("line {}: expected a word and a tag: {line:?}", n + 1));
        }
        let tag = parse_tag(label).ok_or_else(|| format!("line {}: unknown tag {label:?}", n + 1))?;
        sent.words.push(word.to_string());
        sent.tags.push(tag);
    }
    if !sent.words.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    // IOB1 → IOB2: an I- tag that does not continue an entity of its type becomes B-
    for s in docs.iter_mut().flatten() {
        let mut prev = O;
        for t in s.tags.iter_mut() {
            if !super::features::allowed(prev, *t) {
                *t -= 1;
            }
            prev = *t;
        }
    }
    Ok(docs)
}

/// Weights being trained: current weights, and sums for averaging (updated lazily).
pub struct Trainer {
    index: IdMap<u32>,
    w: Vec<[f32; N_TAGS]>,
    total: Vec<[f64; N_TAGS]>,
    stamp: Vec<[u64; N_TAGS]>,
    /// How many features fired in how many updates, for pruning.
    count: Vec<u32>,
    step: u64,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer::new()
    }
}

impl Trainer {
    /// No weights yet.
    pub fn new() -> Trainer {
        Trainer {
            index: IdMap::default(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            count: Vec::new(),
            step: 0,
        }
    }

    /// Adds the weights of `feat` to `scores`.
    #[inline]
    fn add(&self, feat: u64, scores: &mut [f32; N_TAGS]) {
        if let Some(&i) = self.index.get(&feat) {
            for (s, w) in scores.iter_mut().zip(&self.w[i as usize]) {
                *s += w;
            }
        }
    }

    /// Number of features seen in updates.
    pub fn n_features(&self) -> usize {
        self.w.len()
    }

    fn update(&mut self, feat: u64, tag: usize, delta: f32) {
        let next = self.w.len() as u32;
        let i = *self.index.entry(feat).or_insert(next) as usize;
        if i == self.w.len() {
            self.w.push([0.0; N_TAGS]);
            self.total.push([0.0; N_TAGS]);
            self.stamp.push([0; N_TAGS]);
            self.count.push(0);
        }
        let elapsed = (self.step - self.stamp[i][tag]) as f64;
        self.total[i][tag] += elapsed * self.w[i][tag] as f64;
        self.stamp[i][tag] = self.step;
        self.w[i][tag] += delta;
        self.count[i] = self.count[i].saturating_add(1);
    }

    /// One pass over the documents, in an order shuffled by `seed`. Returns the share of
    /// tokens tagged wrongly during the pass.
    pub fn epoch(&mut self, docs: &[TaggedDoc], seed: u64, clusters: &Clusters) -> f64 {
        let order = shuffled(docs.len(), seed);
        let (mut wrong, mut total) = (0usize, 0usize);
        for &d in &order {
            let doc = &docs[d];
            let mut ctx = DocContext::new();
            for s in doc {
                ctx.observe(&s.words);
            }
            for s in doc {
                let sent = Sentence::new(&s.words, &ctx, clusters);
                let tags = self.learn_sentence(&sent, None, &s.tags, &mut wrong);
                total += tags.len();
                ctx.record(&sent.infos, &tags);
            }
        }
        wrong as f64 / total.max(1) as f64
    }

    /// One pass of the second-pass weights over prepared documents, in an order shuffled by
    /// `seed`. Returns the share of tokens tagged wrongly during the pass.
    pub fn epoch_second(&mut self, docs: &[Prepared], seed: u64) -> f64 {
        let (mut wrong, mut total) = (0usize, 0usize);
        for d in shuffled(docs.len(), seed) {
            let doc = &docs[d];
            for ((sent, extra), gold) in doc.sents.iter().zip(&doc.extra).zip(&doc.gold) {
                total += self.learn_sentence(sent, Some(extra), gold, &mut wrong).len();
            }
        }
        wrong as f64 / total.max(1) as f64
    }

    /// Tags a sentence with the current weights, updating them at each wrong tag; counts the
    /// wrong tags in `wrong` and returns the predicted tags.
    fn learn_sentence(
        &mut self,
        sent: &Sentence,
        extra: Option<&TokenFeats>,
        gold: &[u8],
        wrong: &mut usize,
    ) -> Vec<u8> {
        let mut tags = Vec::with_capacity(sent.infos.len());
        let (mut prev, mut prev2) = (O, O);
        for (i, info) in sent.infos.iter().enumerate() {
            let pred = self.learn_token(sent, extra, i, info, prev, prev2, gold[i]);
            if pred != gold[i] {
                *wrong += 1;
            }
            tags.push(pred);
            prev2 = prev;
            prev = pred;
        }
        tags
    }

    #[allow(clippy::too_many_arguments)]
    fn learn_token(
        &mut self,
        sent: &Sentence,
        extra: Option<&TokenFeats>,
        i: usize,
        info: &TokInfo,
        prev: u8,
        prev2: u8,
        gold: u8,
    ) -> u8 {
        self.step += 1;
        let dynamic = dynamic_features(info, prev, prev2);
        let extra: &[u64] = extra.map_or(&[], |e| e.token(i));
        let mut scores = [0f32; N_TAGS];
        for &f in sent.token_feats(i).iter().chain(extra).chain(&dynamic) {
            self.add(f, &mut scores);
        }
        let pred = best_allowed(&scores, prev);
        if pred != gold {
            for &f in sent.token_feats(i).iter().chain(extra).chain(&dynamic) {
                self.update(f, gold as usize, 1.0);
                self.update(f, pred as usize, -1.0);
            }
        }
        pred
    }

    /// The averaged weights, pruned (features updated fewer than `min_count` times, or whose
    /// averaged weights are all below `min_weight` in magnitude, are dropped) and quantised,
    /// keyed by feature hash xor `salt` ([`PASS2`] for the second pass, else 0).
    pub fn export(&self, min_count: u32, min_weight: f32, salt: u64) -> Vec<(u32, [i16; N_TAGS])> {
        quantise(&self.averaged(min_count, min_weight), salt)
    }

    /// The averaged weights of several trainers (an ensemble folded into one weight vector:
    /// each feature's weights averaged over the trainers that kept it, divided by their
    /// number), pruned and quantised as by [`Trainer::export`].
    pub fn export_all(trainers: &[Trainer], min_count: u32, min_weight: f32, salt: u64) -> Vec<(u32, [i16; N_TAGS])> {
        let mut all: Vec<(u64, [f32; N_TAGS])> =
            trainers.iter().flat_map(|t| t.averaged(min_count, min_weight)).collect();
        all.sort_by_key(|e| e.0);
        let n = trainers.len().max(1) as f32;
        let mut merged: Vec<(u64, [f32; N_TAGS])> = Vec::with_capacity(all.len());
        for (feat, a) in all {
            match merged.last_mut() {
                Some((f, m)) if *f == feat => m.iter_mut().zip(a).for_each(|(x, y)| *x += y / n),
                _ => merged.push((feat, a.map(|y| y / n))),
            }
        }
        quantise(&merged, salt)
    }

    /// The averaged weights of the features kept (see [`Trainer::export`]), sorted by feature.
    fn averaged(&self, min_count: u32, min_weight: f32) -> Vec<(u64, [f32; N_TAGS])> {
        let step = self.step.max(1) as f64;
        let mut avg: Vec<(u64, [f32; N_TAGS])> = Vec::new();
        let mut keys: Vec<(&u64, &u32)> = self.index.iter().collect();
        keys.sort_unstable();
        for (&feat, &i) in keys {
            let i = i as usize;
            if self.count[i] < min_count {
                continue;
            }
            let a: [f32; N_TAGS] = std::array::from_fn(|t| {
                let total = self.total[i][t] + (self.step - self.stamp[i][t]) as f64 * self.w[i][t] as f64;
                (total / step) as f32
            });
            if a.iter().all(|x| x.abs() < min_weight) {
                continue;
            }
            avg.push((feat, a));
        }
        avg
    }
}

/// Quantises averaged weights to `i16` with one scale (the largest weight becomes 32767), keyed
/// by feature hash xor `salt`; features sharing a 32-bit key are summed.
fn quantise(avg: &[(u64, [f32; N_TAGS])], salt: u64) -> Vec<(u32, [i16; N_TAGS])> {
    let max_abs = avg.iter().flat_map(|(_, a)| a.iter()).fold(0f32, |m, x| m.max(x.abs()));
    let scale = if max_abs > 0.0 { 32767.0 / max_abs } else { 1.0 };
    let mut merged: IdMap<[i32; N_TAGS]> = IdMap::default();
    for (feat, a) in avg {
        let row = merged.entry(key32(*feat ^ salt) as u64).or_insert([0; N_TAGS]);
        for t in 0..N_TAGS {
            row[t] += (a[t] * scale).round() as i32;
        }
    }
    let mut rows: Vec<(u32, [i16; N_TAGS])> = merged
        .into_iter()
        .map(|(k, r)| (k as u32, r.map(|x| x.clamp(i16::MIN as i32, i16::MAX as i32) as i16)))
        .collect();
    rows.sort_unstable_by_key(|r| r.0);
    rows
}

/// `0..n` in an order shuffled by `seed` (Fisher-Yates with a fixed generator).
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    for i in (1..order.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// A training document prepared for the second pass: its sentences' features and first-pass
/// tags (by a model that did not learn from it), the second pass's extra features, gold tags.
pub struct Prepared {
    sents: Vec<Sentence>,
    extra: Vec<TokenFeats>,
    gold: Vec<Vec<u8>>,
}

impl Prepared {
    /// Tags a document with a first-pass tagger and prepares the second pass's features.
    pub fn new(first: &NerTagger, doc: &TaggedDoc) -> Prepared {
        let mut ctx = DocContext::new();
        for s in doc {
            ctx.observe(&s.words);
        }
        let words: Vec<&[String]> = doc.iter().map(|s| s.words.as_slice()).collect();
        let (sents, tags) = first.first_pass(&words, &mut ctx);
        let labels = DocLabels::new(&sents, &tags);
        let extra = sents.iter().zip(&tags).map(|(s, t)| labels.features(s, t, true)).collect();
        Prepared { sents, extra, gold: doc.iter().map(|s| s.tags.clone()).collect() }
    }
}

/// How to train: epochs, the folds of the second pass, pruning.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Epochs of the first pass.
    pub epochs: usize,
    /// Epochs of the second pass.
    pub second_epochs: usize,
    /// Folds for the first-pass tags the second pass learns from; below 2, no second pass.
    pub folds: usize,
    /// Features updated fewer times than this are dropped from the weights.
    pub min_count: u32,
    /// Features whose averaged weights are all smaller than this are dropped.
    pub min_weight: f32,
    /// Every this many documents, an upper-cased copy is added to the training documents (so
    /// all-caps headlines and datelines are tagged by the tagger's own features); 0, none.
    pub upper_every: usize,
    /// Trainers per pass, each visiting the documents in another order, whose averaged weights
    /// are averaged again into one weight vector (no cost when tagging); 1, a single one.
    pub ensemble: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 16,
            second_epochs: 16,
            folds: 5,
            min_count: 2,
            min_weight: 0.01,
            upper_every: 0,
            ensemble: 3,
        }
    }
}

/// The documents with an upper-cased copy of every `every`-th one appended (none when `every`
/// is 0).
fn with_upper_copies(docs: &[TaggedDoc], every: usize) -> Vec<TaggedDoc> {
    let mut out = docs.to_vec();
    if every == 0 {
        return out;
    }
    out.extend(docs.iter().step_by(every).map(upper_cased));
    out
}

/// A document with every word upper-cased.
fn upper_cased(doc: &TaggedDoc) -> TaggedDoc {
    doc.iter()
        .map(|s| TaggedSentence { words: s.words.iter().map(|w| w.to_uppercase()).collect(), tags: s.tags.clone() })
        .collect()
}

/// Trained weights files: the whole tagger, and its first pass alone (for comparison).
#[derive(Debug, Clone)]
pub struct Trained {
    /// The weights file (two passes when `folds >= 2`).
    pub weights: Vec<u8>,
    /// The weights file of the first pass alone.
    pub first_pass: Vec<u8>,
}

/// Trains the first pass on `docs` for `epochs` epochs and returns its exported rows.
fn train_first(
    docs: &[TaggedDoc],
    clusters: &Clusters,
    s: &Settings,
    log: &mut dyn FnMut(String),
) -> Vec<(u32, [i16; N_TAGS])> {
    let docs = &with_upper_copies(docs, s.upper_every)[..];
    let mut trainers = Vec::new();
    for member in 0..s.ensemble.max(1) {
        let mut trainer = Trainer::new();
        for epoch in 0..s.epochs {
            let err = trainer.epoch(docs, (epoch + 100 * member) as u64 + 1, clusters);
            if epoch + 1 == s.epochs {
                log(format!(
                    "  first pass: {} documents, token error {err:.4} in the last epoch, {} features",
                    docs.len(),
                    trainer.n_features()
                ));
            }
        }
        trainers.push(trainer);
    }
    Trainer::export_all(&trainers, s.min_count, s.min_weight, 0)
}

/// Trains the tagger on `docs` with `clusters` (deterministic: same data and settings, same
/// bytes), reporting progress through `log`.
pub fn train(
    docs: &[TaggedDoc],
    clusters: &Clusters,
    s: &Settings,
    log: &mut dyn FnMut(String),
) -> Result<Trained, String> {
    let first_rows = train_first(docs, clusters, s, log);
    let first_pass = Model::to_bytes(&mut first_rows.clone(), clusters.fingerprint, 1);
    if s.folds < 2 {
        return Ok(Trained { weights: first_pass.clone(), first_pass });
    }
    let mut prepared: Vec<Option<Prepared>> = (0..docs.len()).map(|_| None).collect();
    let mut upper_prepared: Vec<(usize, Prepared)> = Vec::new();
    for fold in 0..s.folds {
        let rest: Vec<TaggedDoc> =
            docs.iter().enumerate().filter(|(i, _)| i % s.folds != fold).map(|(_, d)| d.clone()).collect();
        let mut rows = train_first(&rest, clusters, s, log);
        let model = Model::from_bytes(&Model::to_bytes(&mut rows, clusters.fingerprint, 1))?;
        let tagger = NerTagger::from_model(model, clusters.clone());
        for (i, doc) in docs.iter().enumerate().filter(|(i, _)| i % s.folds == fold) {
            prepared[i] = Some(Prepared::new(&tagger, doc));
            if s.upper_every > 0 && i % s.upper_every == 0 {
                upper_prepared.push((i, Prepared::new(&tagger, &upper_cased(doc))));
            }
        }
    }
    let mut prepared: Vec<Prepared> = prepared.into_iter().flatten().collect();
    upper_prepared.sort_by_key(|p| p.0);
    prepared.extend(upper_prepared.into_iter().map(|p| p.1));
    let mut trainers = Vec::new();
    for member in 0..s.ensemble.max(1) {
        let mut second = Trainer::new();
        for epoch in 0..s.second_epochs {
            let err = second.epoch_second(&prepared, (epoch + 100 * member) as u64 + 1001);
            if epoch + 1 == s.second_epochs {
                log(format!("  second pass: token error {err:.4} in the last epoch, {} features", second.n_features()));
            }
        }
        trainers.push(second);
    }
    let mut rows = first_rows;
    rows.extend(Trainer::export_all(&trainers, s.min_count, s.min_weight, PASS2));
    // a key shared by both passes (rare) keeps the sum of the two rows
    rows.sort_unstable_by_key(|r| r.0);
    let mut merged: Vec<(u32, [i16; N_TAGS])> = Vec::with_capacity(rows.len());
    for (key, w) in rows {
        match merged.last_mut() {
            Some((k, m)) if *k == key => {
                for (a, b) in m.iter_mut().zip(w) {
                    *a = a.saturating_add(b);
                }
            }
            _ => merged.push((key, w)),
        }
    }
    Ok(Trained { weights: Model::to_bytes(&mut merged, clusters.fingerprint, 2), first_pass })
}

/// True positives, false positives and false negatives of one entity type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Predicted entities that match a gold entity exactly (span and type).
    pub tp: usize,
    /// Predicted entities that match none.
    pub fp: usize,
    /// Gold entities that were not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another count.
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Exact-match entity scores, per type (in [`NerType::ALL`] order).
#[derive(Debug, Clone, Copy, Default)]
pub struct Evaluation {
    /// Counts per type.
    pub per_type: [Counts; 4],
    /// Tokens tagged.
    pub tokens: usize,
}

impl Evaluation {
    /// Micro-average over all four types.
    pub fn overall(&self) -> Counts {
        let mut c = Counts::default();
        self.per_type.iter().for_each(|x| c.add(*x));
        c
    }

    /// Micro-average over PER, ORG and LOC (the bar of the issue).
    pub fn per_org_loc(&self) -> Counts {
        let mut c = Counts::default();
        self.per_type[..3].iter().for_each(|x| c.add(*x));
        c
    }

    /// Adds another evaluation's counts (pooling folds).
    pub fn merge(&mut self, o: &Evaluation) {
        for (a, b) in self.per_type.iter_mut().zip(o.per_type) {
            a.add(b);
        }
        self.tokens += o.tokens;
    }

    /// Adds the comparison of one sentence's gold and predicted tags.
    pub fn add_sentence(&mut self, gold: &[u8], pred: &[u8]) {
        self.tokens += gold.len();
        let g = spans_of(gold);
        let p = spans_of(pred);
        for e in &p {
            let c = &mut self.per_type[type_index(e.2)];
            if g.contains(e) {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        for e in &g {
            if !p.contains(e) {
                self.per_type[type_index(e.2)].fn_ += 1;
            }
        }
    }
}

fn type_index(t: NerType) -> usize {
    NerType::ALL.iter().position(|&x| x == t).unwrap_or(3)
}

/// Tags every document ([`NerTagger::tag_document_bio`]) and returns the predicted tags, in
/// order.
pub fn tag_docs(tagger: &NerTagger, docs: &[TaggedDoc]) -> Vec<Vec<Vec<u8>>> {
    docs.iter()
        .map(|doc| {
            let words: Vec<&[String]> = doc.iter().map(|s| s.words.as_slice()).collect();
            tagger.tag_document_bio(&words)
        })
        .collect()
}

/// Scores a tagger on annotated documents.
pub fn evaluate(tagger: &NerTagger, docs: &[TaggedDoc]) -> Evaluation {
    let mut ev = Evaluation::default();
    for (doc, pred) in docs.iter().zip(tag_docs(tagger, docs)) {
        for (s, p) in doc.iter().zip(pred) {
            ev.add_sentence(&s.tags, &p);
        }
    }
    ev
}

#[cfg(test)]
mod tests {
    use super::super::features::{begin_tag, inside_tag, O};
    use super::super::NerType;
    use super::*;

    #[test]
    fn evaluation_counts_spans_as_conlleval_does() {
        let (b_org, i_org, b_loc) = (begin_tag(NerType::Org), inside_tag(NerType::Org), begin_tag(NerType::Loc));
        let mut ev = Evaluation::default();
        ev.add_sentence(&[b_org, i_org, O, b_loc, b_loc, i_org], &[b_org, i_org, O, b_loc, O, O]);
        assert_eq!((ev.overall().tp, ev.overall().fp, ev.overall().fn_), (2, 0, 2));
    }

    #[test]
    fn conll_reader_reads_documents_and_converts_iob1() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\n\n-DOCSTART- -X- O O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n";
        let docs = read_conll(text).expect("valid CoNLL");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0][0].tags, vec![begin_tag(NerType::Org), O]);
        assert_eq!(docs[1][0].words, vec!["Peter", "Blackburn"]);
        assert!(read_conll("EU NNP B-NP X-ORG\n").is_err());
    }
}
