//! Measures duplicate detection: reads articles (any format ingest knows), runs the one-pass
//! deduper over their cleaned texts and reports articles/s; `--out FILE` writes one line
//! `SOURCE<TAB>DUPLICATE_OF` per copy found.
//!
//! cargo run --release -p parallax-story --example dedup_bench -- INPUT... [--out pairs.tsv] [--repeat 5]

use std::io::Write;
use std::time::Instant;

use parallax_story::dedup::Deduper;

fn main() {
    let mut inputs = Vec::new();
    let mut out = None;
    let mut repeat = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next(),
            "--repeat" => repeat = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1),
            _ => inputs.push(a),
        }
    }
    let mut docs = Vec::new();
    for item in parallax_ingest::read_inputs(&inputs) {
        match item {
            Ok(d) => docs.push(d),
            Err(e) => eprintln!("{e}"),
        }
    }
    let mut best = f64::MAX;
    let mut found = Vec::new();
    for _ in 0..repeat {
        let t = Instant::now();
        let mut d = Deduper::default();
        found = docs.iter().map(|doc| d.add(&doc.text)).collect::<Vec<_>>();
        best = best.min(t.elapsed().as_secs_f64());
    }
    let copies = found.iter().filter(|f| f.is_some()).count();
    println!(
        "{} articles, {} copies, {:.1} ms, {:.0} articles/s (best of {repeat})",
        docs.len(),
        copies,
        best * 1000.0,
        docs.len() as f64 / best
    );
    if let Some(path) = out {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("cannot create --out file"));
        for (i, fnd) in found.iter().enumerate() {
            if let Some(j) = fnd {
                writeln!(f, "{}\t{}", docs[i].source, docs[*j].source).expect("write");
            }
        }
    }
}
