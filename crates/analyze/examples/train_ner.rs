//! Trains the named-entity tagger and writes its weights file.
//!
//! `cargo run --release -p parallax-analyze --features train --example train_ner -- TRAIN.txt
//! [--dev-every N [--cv] [--dev-only]] [--valid VALID.txt] [--epochs N] [--second-epochs N] [--folds K]
//! [--min-count N] [--upper-every N] [--out FILE] [--clusters FILE] [--unlabeled FILE]... [--clusters-out FILE]`
//!
//! TRAIN is CoNLL-2003 text; several files may be given. The default output is the shipped
//! `crates/analyze/data/entities/ner_weights.bin`. Training is deterministic: same data, same
//! weights.
//!
//! Honest measurement: `--dev-every N` first holds every `N`-th training document out as a dev
//! part (documents `N-1`, `2N-1`, ...), trains on the others with the same settings and scores the
//! dev part (first pass alone and both passes); `--cv` does so for each of the `N` offsets and
//! pools the counts (an `N`-fold cross-validation of TRAIN); `--dev-only` stops there. Then the
//! weights are trained on all of TRAIN and written. Settings are chosen on the dev part.
//! `--valid FILE` scores the written weights on another file; its documents must not be among
//! the training documents (the trainer refuses overlapping data). The shipped weights are
//! trained on CoNLL-2003 `train.txt` only, so `valid.txt` stays a held-out set.
//!
//! `--min-count N` (default 2) drops features updated fewer than `N` times; `--upper-every N`
//! adds an upper-cased copy of every `N`-th training document (default 0, none: it measured
//! worse on CoNLL). `--folds K` (default 5; below 2, no second pass) splits the training documents into `K`
//! folds for the first-pass tags the second, document-level pass learns from.
//!
//! The tagger's word clusters (`data/entities/ner_clusters.tsv`) are used as shipped, unless
//! `--unlabeled FILE` is given (repeatable): then they are rebuilt from the words of TRAIN and
//! the texts of those files (JSON Lines with a `text` field, or plain text), written beside the
//! weights, and used for training. `--clusters-out FILE` writes them elsewhere; `--clusters FILE`
//! trains with another clusters file as it stands (the weights then only load with that file).
use std::collections::HashSet;
use std::time::Instant;

use parallax_analyze::entities::tagger::cluster_learning;
use parallax_analyze::entities::tagger::clusters::Clusters;
use parallax_analyze::entities::tagger::train::{evaluate, read_conll, train, Evaluation, Settings, TaggedDoc};
use parallax_analyze::entities::tagger::{Model, NerTagger, NerType, CLUSTERS};

fn main() {
    let mut train_paths = Vec::new();
    let mut valid_path = None;
    let (mut dev_every, mut cv, mut dev_only) = (0usize, false, false);
    let mut settings = Settings::default();
    let mut unlabeled = Vec::new();
    let mut clusters_in: Option<String> = None;
    let mut clusters_out = concat!(env!("CARGO_MANIFEST_DIR"), "/data/entities/ner_clusters.tsv").to_string();
    let mut out = concat!(env!("CARGO_MANIFEST_DIR"), "/data/entities/ner_weights.bin").to_string();
    let mut args = std::env::args().skip(1);
    let number = |a: Option<String>, default: usize| a.and_then(|e| e.parse().ok()).unwrap_or(default);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--valid" => valid_path = args.next(),
            "--dev-every" => dev_every = number(args.next(), 0),
            "--cv" => cv = true,
            "--dev-only" => dev_only = true,
            "--unlabeled" => unlabeled.extend(args.next()),
            "--clusters" => clusters_in = args.next(),
            "--clusters-out" => clusters_out = args.next().unwrap_or(clusters_out),
            "--out" => out = args.next().unwrap_or(out),
            "--epochs" => settings.epochs = number(args.next(), settings.epochs),
            "--second-epochs" => settings.second_epochs = number(args.next(), settings.second_epochs),
            "--folds" => settings.folds = number(args.next(), settings.folds),
            "--min-count" => settings.min_count = number(args.next(), settings.min_count as usize) as u32,
            "--ensemble" => settings.ensemble = number(args.next(), settings.ensemble),
            "--upper-every" => settings.upper_every = number(args.next(), settings.upper_every),
            _ => train_paths.push(a),
        }
    }
    if train_paths.is_empty() {
        eprintln!("usage: train_ner TRAIN.txt... [--dev-every N [--cv] [--dev-only]] [--valid VALID.txt] [--epochs N] [--second-epochs N] [--folds K] [--out FILE]");
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
    let valid = valid_path.as_deref().map(load);
    if let Some(valid) = &valid {
        let key = |d: &TaggedDoc| d.iter().map(|s| s.words.join(" ")).collect::<Vec<_>>().join("\n");
        let trained: HashSet<String> = docs.iter().map(key).collect();
        let shared = valid.iter().filter(|d| trained.contains(&key(d))).count();
        if shared > 0 {
            eprintln!(
                "{shared} documents of {} are also training documents: refusing to train on held-out data",
                valid_path.as_deref().unwrap_or_default()
            );
            std::process::exit(1);
        }
    }
    let tokens: usize = docs.iter().flatten().map(|s| s.words.len()).sum();
    eprintln!("{} training documents, {tokens} tokens; {settings:?}", docs.len());
    let start = Instant::now();
    let clusters = if let Some(path) = clusters_in.as_deref().filter(|_| unlabeled.is_empty()) {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}")).and_then(|t| Clusters::parse(&t))
    } else if unlabeled.is_empty() {
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
    let mut log = |line: String| eprintln!("{line} ({:.0}s)", start.elapsed().as_secs_f64());
    let fail = |e: String| -> ! {
        eprintln!("{e}");
        std::process::exit(1);
    };
    if dev_every > 1 {
        let offsets: Vec<usize> = if cv { (0..dev_every).collect() } else { vec![dev_every - 1] };
        let (mut first, mut both) = (Evaluation::default(), Evaluation::default());
        for &offset in &offsets {
            let (mut part, mut dev) = (Vec::new(), Vec::new());
            for (i, d) in docs.iter().enumerate() {
                if i % dev_every == offset {
                    dev.push(d.clone());
                } else {
                    part.push(d.clone());
                }
            }
            log(format!("dev part {offset} of every {dev_every}: {} documents held out", dev.len()));
            let trained = train(&part, &clusters, &settings, &mut log).unwrap_or_else(|e| fail(e));
            for (ev, bytes) in [(&mut first, &trained.first_pass), (&mut both, &trained.weights)] {
                let tagger = Model::from_bytes(bytes).map(|m| NerTagger::from_model(m, clusters.clone()));
                ev.merge(&evaluate(&tagger.unwrap_or_else(|e| fail(e)), &dev));
            }
        }
        report("dev, first pass", &first);
        report("dev, both passes", &both);
        if dev_only {
            return;
        }
    }
    let trained = train(&docs, &clusters, &settings, &mut log).unwrap_or_else(|e| fail(e));
    if let Err(e) = std::fs::write(&out, &trained.weights) {
        fail(format!("{out}: {e}"));
    }
    let model = Model::from_bytes(&trained.weights).unwrap_or_else(|e| fail(e));
    eprintln!(
        "wrote {out}: {} features, {} bytes, trained in {:.0}s",
        model.len(),
        trained.weights.len(),
        start.elapsed().as_secs_f64()
    );
    if let Some(valid) = &valid {
        report("valid", &evaluate(&NerTagger::from_model(model, clusters), valid));
    }
}

/// Prints F1 per type, over PER/ORG/LOC and over all four types.
fn report(name: &str, ev: &Evaluation) {
    let types: Vec<String> =
        NerType::ALL.iter().zip(ev.per_type).map(|(t, c)| format!("{} {:.4}", t.as_str(), c.f1())).collect();
    eprintln!(
        "{name}: {}; PER/ORG/LOC {:.4}; all {:.4} ({} tokens)",
        types.join(", "),
        ev.per_org_loc().f1(),
        ev.overall().f1(),
        ev.tokens
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
