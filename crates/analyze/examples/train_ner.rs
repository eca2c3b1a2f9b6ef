//! Trains the named-entity tagger and writes its weights file.
//!
//! `cargo run --release -p parallax-analyze --features train --example train_ner -- TRAIN.txt [--dev-every N]
//! [--valid VALID.txt] [--epochs N] [--out FILE]`
//!
//! TRAIN is CoNLL-2003 text; several files may be given. The default output is the shipped
//! `crates/analyze/data/entities/ner_weights.bin`. Training is deterministic: same data, same
//! weights.
//!
//! Honest measurement: `--dev-every N` holds every `N`-th training document out as a dev part
//! (documents `N-1`, `2N-1`, ...), trains on the others and scores the dev part after every
//! epoch; settings are chosen on that dev part. `--valid FILE` scores another file after every
//! epoch (its documents must not be among the training documents: the trainer refuses
//! overlapping data). The shipped weights are trained on CoNLL-2003 `train.txt` only, so
//! `valid.txt` stays a held-out set.
//!
//! The tagger's word clusters (`data/entities/ner_clusters.tsv`) are used as shipped, unless
//! `--unlabeled FILE` is given (repeatable): then they are rebuilt from the words of TRAIN and
//! the texts of those files (JSON Lines with a `text` field, or plain text), written beside the
//! weights, and used for training. `--clusters-out FILE` writes them elsewhere.
use std::time::Instant;

use std::collections::HashSet;

use parallax_analyze::entities::tagger::cluster_learning;
use parallax_analyze::entities::tagger::clusters::Clusters;
use parallax_analyze::entities::tagger::train::{evaluate, read_conll, TaggedDoc, Trainer};
use parallax_analyze::entities::tagger::{Model, NerTagger, NerType, CLUSTERS};

/// Epochs over the training data.
const EPOCHS: usize = 16;
/// Features updated fewer times than this are dropped from the weights file.
const MIN_COUNT: u32 = 2;
/// Features whose averaged weights are all smaller than this are dropped.
const MIN_WEIGHT: f32 = 0.01;

fn main() {
    let mut train_paths = Vec::new();
    let mut valid_path = None;
    let mut dev_every = 0usize;
    let mut epochs = EPOCHS;
    let mut unlabeled = Vec::new();
    let mut clusters_out = concat!(env!("CARGO_MANIFEST_DIR"), "/data/entities/ner_clusters.tsv").to_string();
    let mut out = concat!(env!("CARGO_MANIFEST_DIR"), "/data/entities/ner_weights.bin").to_string();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--valid" => valid_path = args.next(),
            "--dev-every" => dev_every = args.next().and_then(|e| e.parse().ok()).unwrap_or(0),
            "--unlabeled" => unlabeled.extend(args.next()),
            "--clusters-out" => clusters_out = args.next().unwrap_or(clusters_out),
            "--out" => out = args.next().unwrap_or(out),
            "--epochs" => epochs = args.next().and_then(|e| e.parse().ok()).unwrap_or(epochs),
            _ => train_paths.push(a),
        }
    }
    if train_paths.is_empty() {
        eprintln!("usage: train_ner TRAIN.txt... [--dev-every N] [--valid VALID.txt] [--epochs N] [--out FILE]");
        std::process::exit(2);
    }
    let load = |path: &str| {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        });
        read_conll(&text).unwrap_or_else(|e| {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        })
    };
    let mut docs = Vec::new();
    for p in &train_paths {
        docs.extend(load(p));
    }
    let mut dev = Vec::new();
    if dev_every > 1 {
        let all = std::mem::take(&mut docs);
        for (i, d) in all.into_iter().enumerate() {
            if (i + 1) % dev_every == 0 {
                dev.push(d);
            } else {
                docs.push(d);
            }
        }
        eprintln!("holding out every {dev_every}th document: {} dev documents", dev.len());
    }
    let valid = valid_path.as_deref().map(load);
    if let Some(valid) = &valid {
        let key = |d: &TaggedDoc| d.iter().map(|s| s.words.join(" ")).collect::<Vec<_>>().join("\n");
        let trained: HashSet<String> = docs.iter().map(key).collect();
        let shared = valid.iter().filter(|d| trained.contains(&key(d))).count();
        if shared > 0 {
            eprintln!("{shared} documents of {} are also training documents: refusing to train on held-out data", valid_path.as_deref().unwrap_or_default());
            std::process::exit(1);
        }
    }
    let tokens: usize = docs.iter().flatten().map(|s| s.words.len()).sum();
    eprintln!("training on {} documents, {tokens} tokens, {epochs} epochs", docs.len());
    let start = Instant::now();
    let clusters = if unlabeled.is_empty() {
        Clusters::parse(CLUSTERS)
    } else {
        let mut sentences: Vec<Vec<String>> = docs.iter().flatten().map(|s| s.words.clone()).collect();
        let mut seen = HashSet::new();
        for path in &unlabeled {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            });
            for t in texts(&text, path.ends_with("jsonl")) {
                if !seen.insert(t.clone()) {
                    continue;
                }
                for line in t.lines() {
                    let mut words = Vec::new();
                    cluster_learning::tokenize(line, &mut words);
                    if !words.is_empty() {
                        sentences.push(words);
                    }
                }
            }
        }
        let words: usize = sentences.iter().map(Vec::len).sum();
        eprintln!("clustering the words of {} lines, {words} words", sentences.len());
        let mut provenance = format!(
            "Built by `train_ner` from {} words: the words of {} and the texts of {}.",
            words,
            train_paths.join(", "),
            unlabeled.join(", ")
        );
        provenance.push_str("\nOnly words, cluster numbers and capitalisation ratios; no text.");
        let text = cluster_learning::build(&sentences, &provenance);
        if let Err(e) = std::fs::write(&clusters_out, &text) {
            eprintln!("{clusters_out}: {e}");
            std::process::exit(1);
        }
        eprintln!("wrote {clusters_out} ({} bytes) in {:.0}s", text.len(), start.elapsed().as_secs_f64());
        Clusters::parse(&text)
    };
    let clusters = clusters.unwrap_or_else(|e| {
        eprintln!("clusters: {e}");
        std::process::exit(1);
    });
    let mut trainer = Trainer::new();
    for epoch in 0..epochs {
        let err = trainer.epoch(&docs, epoch as u64 + 1, &clusters);
        eprint!(
            "epoch {:2}: token error {:.4}, {} features, {:.0}s",
            epoch + 1,
            err,
            trainer.n_features(),
            start.elapsed().as_secs_f64()
        );
        let last = epoch + 1 == epochs;
        let sets = [("dev", (!dev.is_empty()).then_some(&dev)), ("valid", valid.as_ref())];
        for (name, set) in sets {
            let Some(set) = set else { continue };
            let mut rows = trainer.export(MIN_COUNT, MIN_WEIGHT);
            match Model::from_bytes(&Model::to_bytes(&mut rows, clusters.fingerprint)) {
                Ok(model) => {
                    let tagger = NerTagger::from_model(model, clusters.clone());
                    let ev = evaluate(&tagger, set);
                    eprint!("; {name} F1 {:.4} (PER/ORG/LOC {:.4})", ev.overall().f1(), ev.per_org_loc().f1());
                    if last {
                        eprintln!();
                        let f: Vec<String> = NerType::ALL
                            .iter()
                            .zip(ev.per_type)
                            .map(|(t, c)| format!("{} {:.4}", t.as_str(), c.f1()))
                            .collect();
                        eprint!("  {name}: {}", f.join(", "));
                    }
                }
                Err(e) => eprint!("; {e}"),
            }
        }
        eprintln!();
    }
    let mut rows = trainer.export(MIN_COUNT, MIN_WEIGHT);
    let bytes = Model::to_bytes(&mut rows, clusters.fingerprint);
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("{out}: {e}");
        std::process::exit(1);
    }
    eprintln!(
        "wrote {out}: {} features, {} bytes, trained in {:.0}s",
        rows.len(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
}

/// The texts of a file: the `text` field of each JSON line, or the whole file.
fn texts(file: &str, jsonl: bool) -> Vec<String> {
    if !jsonl {
        return vec![file.to_string()];
    }
    file.lines().filter_map(json_text).collect()
}

/// The string value of the first `"text"` field of a JSON object on one line.
fn json_text(line: &str) -> Option<String> {
    let at = line.find("\"text\"")? + 6;
    let rest = line[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' | 'r' | 't' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16).ok()?;
                    out.push(char::from_u32(code).unwrap_or(' '));
                }
                c => out.push(c),
            },
            c => out.push(c),
        }
    }
    None
}
