//! Learning the word clusters from unlabelled news text (training only: feature `train`); the
//! method is described in [`super::clusters`].

use std::collections::HashMap;

use super::features::normalize;

/// Number of fine clusters.
pub const FINE: usize = 512;
/// Number of coarse clusters (groups of fine ones).
pub const COARSE: usize = 64;
/// Words seen fewer times are not clustered.
const MIN_COUNT: u32 = 3;
/// At most this many words are clustered (the most frequent).
const MAX_WORDS: usize = 60_000;
/// Context words: the most frequent ones; the others count as their shape.
const CONTEXTS: usize = 2000;
/// k-means iterations.
const ITERATIONS: usize = 12;

/// Splits plain text into words roughly as CoNLL does: punctuation off the ends of words,
/// possessive `'s` on its own, abbreviations ("U.S.") kept whole. Curly quotes become ASCII.
pub fn tokenize(text: &str, out: &mut Vec<String>) {
    const OPEN: &[char] = &['"', '\'', '(', '[', '{'];
    const CLOSE: &[char] = &['"', '\'', ')', ']', '}', ',', ';', ':', '!', '?', '.'];
    for chunk in text.split_whitespace() {
        let chunk = normalize(chunk);
        let mut rest: &str = &chunk;
        while let Some(c) = rest.chars().next().filter(|c| OPEN.contains(c)) {
            out.push(c.to_string());
            rest = &rest[c.len_utf8()..];
        }
        let mut tail = Vec::new();
        while let Some(c) = rest.chars().next_back().filter(|c| CLOSE.contains(c)) {
            // keep the period of an abbreviation ("U.S.", "Corp.")
            if c == '.' && (rest[..rest.len() - 1].contains('.') || rest.len() <= 4 && rest.len() > 1) {
                break;
            }
            tail.push(c.to_string());
            rest = &rest[..rest.len() - c.len_utf8()];
        }
        if let Some(stem) = rest.strip_suffix("'s").filter(|s| !s.is_empty()) {
            out.push(stem.to_string());
            out.push("'s".to_string());
        } else if !rest.is_empty() {
            out.push(rest.to_string());
        }
        out.extend(tail.into_iter().rev());
    }
}

fn shape_class(w: &str) -> usize {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            if chars.all(|c| !c.is_lowercase()) {
                1
            } else {
                2
            }
        }
        Some(c) if c.is_lowercase() => 3,
        Some(c) if c.is_ascii_digit() => 4,
        _ => 5,
    }
}

/// A small xorshift generator: the fixed shuffles and initialisations of clustering and training.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

type Sparse = Vec<(u32, f32)>;

fn dot(a: &Sparse, centroid: &[f32]) -> f32 {
    a.iter().map(|&(i, v)| v * centroid[i as usize]).sum()
}

fn normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

/// Spherical k-means over sparse unit vectors (k-means++ seeding from a fixed seed); returns
/// each vector's cluster and the centroids.
fn kmeans(vectors: &[Sparse], dims: usize, k: usize, weights: &[f64], seed: u64) -> (Vec<usize>, Vec<Vec<f32>>) {
    let mut rng = Rng(seed | 1);
    let mut centroids: Vec<Vec<f32>> = Vec::with_capacity(k);
    let dense = |v: &Sparse| {
        let mut d = vec![0f32; dims];
        v.iter().for_each(|&(i, x)| d[i as usize] = x);
        d
    };
    // k-means++ on cosine distance, weighting words by frequency
    let first = (rng.next() % vectors.len() as u64) as usize;
    centroids.push(dense(&vectors[first]));
    let mut dist: Vec<f64> = vectors.iter().map(|v| (1.0 - dot(v, &centroids[0]) as f64).max(0.0)).collect();
    while centroids.len() < k.min(vectors.len()) {
        let total: f64 = dist.iter().zip(weights).map(|(d, w)| d * w).sum();
        let mut target = rng.unit() * total;
        let mut pick = vectors.len() - 1;
        for (i, (d, w)) in dist.iter().zip(weights).enumerate() {
            target -= d * w;
            if target <= 0.0 {
                pick = i;
                break;
            }
        }
        let c = dense(&vectors[pick]);
        for (d, v) in dist.iter_mut().zip(vectors) {
            *d = d.min((1.0 - dot(v, &c) as f64).max(0.0));
        }
        centroids.push(c);
    }
    let mut assign = vec![0usize; vectors.len()];
    for _ in 0..ITERATIONS {
        for (a, v) in assign.iter_mut().zip(vectors) {
            let mut best = (f32::MIN, 0);
            for (c, cen) in centroids.iter().enumerate() {
                let s = dot(v, cen);
                if s > best.0 {
                    best = (s, c);
                }
            }
            *a = best.1;
        }
        let mut sums = vec![vec![0f32; dims]; centroids.len()];
        for (&a, v) in assign.iter().zip(vectors) {
            v.iter().for_each(|&(i, x)| sums[a][i as usize] += x);
        }
        for (c, mut s) in sums.into_iter().enumerate() {
            if s.iter().any(|&x| x != 0.0) {
                normalise(&mut s);
                centroids[c] = s;
            }
        }
    }
    (assign, centroids)
}

/// Builds a clusters file from tokenised sentences of unlabelled text.
pub fn build(sentences: &[Vec<String>], provenance: &str) -> String {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    // lower-cased word → (mid-sentence occurrences, capitalised ones)
    let mut caps: HashMap<String, (u32, u32)> = HashMap::new();
    for s in sentences {
        for (i, w) in s.iter().enumerate() {
            *counts.entry(w.as_str()).or_default() += 1;
            let initial = i == 0 || matches!(s[i - 1].as_str(), "." | "!" | "?" | "\"" | ":" | "(" | "-" | "--");
            let alpha = w.chars().any(char::is_alphabetic);
            if !initial && alpha && !w.chars().all(|c| !c.is_lowercase()) {
                let e = caps.entry(w.to_lowercase()).or_default();
                e.0 += 1;
                if w.chars().next().is_some_and(char::is_uppercase) {
                    e.1 += 1;
                }
            }
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts.iter().map(|(w, c)| (*w, *c)).filter(|(_, c)| *c >= MIN_COUNT).collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.truncate(MAX_WORDS);
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i)).collect();
    // context ids: the most frequent words, then six shape classes (0 = sentence boundary)
    let n_ctx = CONTEXTS.min(vocab.len()) + 6;
    let ctx_of = |w: Option<&String>| -> usize {
        match w {
            None => CONTEXTS.min(vocab.len()),
            Some(w) => match index.get(w.as_str()) {
                Some(&i) if i < CONTEXTS => i,
                _ => CONTEXTS.min(vocab.len()) + shape_class(w),
            },
        }
    };
    let dims = 4 * n_ctx;
    let mut cooc: Vec<HashMap<u32, f32>> = vec![HashMap::new(); vocab.len()];
    for s in sentences {
        for (i, w) in s.iter().enumerate() {
            let Some(&wi) = index.get(w.as_str()) else { continue };
            let left = ctx_of(i.checked_sub(1).and_then(|j| s.get(j)));
            let right = n_ctx + ctx_of(s.get(i + 1));
            let left2 = 2 * n_ctx + ctx_of(i.checked_sub(2).and_then(|j| s.get(j)));
            let right2 = 3 * n_ctx + ctx_of(s.get(i + 2));
            *cooc[wi].entry(left as u32).or_default() += 1.0;
            *cooc[wi].entry(right as u32).or_default() += 1.0;
            *cooc[wi].entry(left2 as u32).or_default() += 0.5;
            *cooc[wi].entry(right2 as u32).or_default() += 0.5;
        }
    }
    // PPMI (rows sorted first, so every sum is taken in the same order: reproducible)
    let cooc: Vec<Sparse> = cooc
        .into_iter()
        .map(|row| {
            let mut row: Sparse = row.into_iter().collect();
            row.sort_unstable_by_key(|e| e.0);
            row
        })
        .collect();
    let mut ctx_total = vec![0f64; dims];
    let mut total = 0f64;
    for row in &cooc {
        for &(c, x) in row {
            ctx_total[c as usize] += x as f64;
            total += x as f64;
        }
    }
    let vectors: Vec<Sparse> = cooc
        .iter()
        .map(|row| {
            let row_total: f64 = row.iter().map(|&(_, x)| x as f64).sum();
            let mut v: Sparse = row
                .iter()
                .filter_map(|&(c, x)| {
                    let pmi = ((x as f64 * total) / (row_total * ctx_total[c as usize])).ln();
                    (pmi > 0.0).then_some((c, pmi as f32))
                })
                .collect();
            let n = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
            if n > 0.0 {
                v.iter_mut().for_each(|e| e.1 /= n);
            }
            v
        })
        .collect();
    let weights: Vec<f64> = vocab.iter().map(|(_, c)| (*c as f64).ln_1p()).collect();
    let (fine, centroids) = kmeans(&vectors, dims, FINE, &weights, 0x5eed_0001);
    let cen_sparse: Vec<Sparse> = centroids
        .iter()
        .map(|c| c.iter().enumerate().filter(|e| *e.1 != 0.0).map(|(i, &x)| (i as u32, x)).collect())
        .collect();
    let (coarse, _) = kmeans(&cen_sparse, dims, COARSE, &vec![1.0; cen_sparse.len()], 0x5eed_0002);
    let mut out = String::new();
    out.push_str("# Word clusters for the NER tagger (see crates/analyze/src/entities/tagger/clusters.rs).\n");
    for line in provenance.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("# word\tfine\tcoarse\tcap\n");
    for (i, (w, _)) in vocab.iter().enumerate() {
        if w.starts_with('#') {
            continue;
        }
        let cap = caps
            .get(&w.to_lowercase())
            .filter(|(n, _)| *n >= MIN_COUNT)
            .map(|(n, c)| {
                let r = *c as f64 / *n as f64;
                if r < 0.1 {
                    '0'
                } else if r < 0.5 {
                    '1'
                } else if r < 0.9 {
                    '2'
                } else {
                    '3'
                }
            })
            .unwrap_or('-');
        out.push_str(&format!("{w}\t{}\t{}\t{cap}\n", fine[i], coarse[fine[i]]));
    }
    out
}
