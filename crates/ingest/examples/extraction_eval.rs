//! Measures main-text extraction (`parallax_ingest::html::extract`) on two public test sets.
//!
//! Default mode: trafilatura's evaluation pages (`evaldata.json`: per page, snippets that must
//! and must not appear in the main text). Reports the share of `with` snippets found, of `without`
//! snippets absent, true/false positives/negatives counted as trafilatura's `tests/comparison.py`
//! does, precision/recall/accuracy/F1, mean per-page accuracy, and pages/s (extraction only, pages
//! read and decoded into memory first, single thread).
//!
//! `--readability` mode: Mozilla Readability's test pages; token 4-gram shingle precision/recall/F1
//! of our text against the text of Readability's `expected.html`, averaged per document as in
//! ScrapingHub's article-extraction-benchmark `evaluate.py`.
//!
//! ```text
//! cargo run --release -p parallax-ingest --example extraction_eval -- [--lang en] [--limit N]
//!     [--data DIR] [--repeat N] [--show-misses] [--dump DIR]
//! cargo run --release -p parallax-ingest --example extraction_eval -- --readability [--data DIR] [--show-worst N]
//! ```

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use scraper::{ElementRef, Html, Node};

mod common;

/// Command-line options.
struct Options {
    readability: bool,
    data: Option<PathBuf>,
    lang: Option<String>,
    limit: usize,
    repeat: usize,
    show_misses: bool,
    show_worst: usize,
    dump: Option<PathBuf>,
}

fn parse_options() -> Result<Options, String> {
    let mut o = Options {
        readability: false,
        data: None,
        lang: None,
        limit: 0,
        repeat: 1,
        show_misses: false,
        show_worst: 0,
        dump: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--readability" => o.readability = true,
            "--data" => o.data = Some(PathBuf::from(value("--data")?)),
            "--lang" => o.lang = Some(value("--lang")?),
            "--limit" => o.limit = value("--limit")?.parse().map_err(|e| format!("--limit: {e}"))?,
            "--repeat" => o.repeat = value("--repeat")?.parse().map_err(|e| format!("--repeat: {e}"))?,
            "--show-misses" => o.show_misses = true,
            "--show-worst" => {
                o.show_worst = value("--show-worst")?.parse().map_err(|e| format!("--show-worst: {e}"))?
            }
            "--dump" => o.dump = Some(PathBuf::from(value("--dump")?)),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(o)
}

fn main() {
    let result = parse_options().and_then(|o| if o.readability { readability_mode(&o) } else { trafilatura_mode(&o) });
    if let Err(e) = result {
        eprintln!("extraction_eval: {e}");
        std::process::exit(1);
    }
}

/// Stop words for guessing a page's language from its snippets (same lists as
/// `tools/extraction_compare.py`).
const STOPWORDS: &[(&str, &str)] = &[
    ("en", "the and of to is that for with was are this have from not but they which their been has were"),
    ("de", "der die und das ist nicht mit sich den auch ein eine für auf dem des sie wird werden bei"),
    ("fr", "le la les et des est une pour dans que qui pas sur par avec sont du au"),
    ("es", "el la los las y de que en por con una para es del se como más pero"),
];

/// Python's `\w+` tokens, approximately.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty())
}

/// The page's language: by stop words in its snippets, else by `<html lang>`.
fn guess_language(snippets: &[String], page: &str) -> String {
    let text = snippets.join(" ").to_lowercase();
    let mut best = ("?", 0usize);
    for (lang, list) in STOPWORDS {
        let list: Vec<&str> = list.split(' ').collect();
        let n = words(&text).filter(|w| list.contains(w)).count();
        if n > best.1 {
            best = (lang, n);
        }
    }
    if best.1 >= 2 {
        return best.0.to_string();
    }
    let head = &page[..page.floor_char_boundary_compat(5000)];
    if let Some(i) = head.find("<html") {
        let tag = &head[i..head[i..].find('>').map_or(head.len(), |j| i + j)];
        if let Some(k) = tag.find("lang=") {
            let code: String =
                tag[k + 5..].trim_start_matches(['"', '\'']).chars().take(2).collect::<String>().to_ascii_lowercase();
            if code.len() == 2 {
                return code;
            }
        }
    }
    if best.1 > 0 {
        best.0.to_string()
    } else {
        "?".to_string()
    }
}

/// `str::floor_char_boundary` for older toolchains.
trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, i: usize) -> usize {
        let mut i = i.min(self.len());
        while !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// One evaluation page.
struct EvalPage {
    url: String,
    file: String,
    page: String,
    with: Vec<String>,
    without: Vec<String>,
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn trafilatura_mode(o: &Options) -> Result<(), String> {
    let dir = o.data.clone().unwrap_or_else(|| PathBuf::from("/work/shared/data/extraction/trafilatura-eval"));
    let index_path = dir.join("evaldata.json");
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(&index_path).map_err(|e| format!("{}: {e}", index_path.display()))?)
            .map_err(|e| format!("{}: {e}", index_path.display()))?;
    let entries = index.as_object().ok_or("evaldata.json is not an object")?;
    let mut pages = Vec::new();
    for (url, item) in entries {
        let Some(file) = item.get("file").and_then(|f| f.as_str()).filter(|f| !f.is_empty()) else { continue };
        let path = dir.join("html").join(format!("{file}.gz"));
        if !path.is_file() {
            continue;
        }
        let page = common::read_page(&path)?;
        let with = item.get("with").map(strings).unwrap_or_default();
        let without = item.get("without").map(strings).unwrap_or_default();
        if let Some(lang) = &o.lang {
            let snippets: Vec<String> = with.iter().chain(&without).cloned().collect();
            if &guess_language(&snippets, &page) != lang {
                continue;
            }
        }
        pages.push(EvalPage { url: url.clone(), file: file.to_string(), page, with, without });
        if o.limit > 0 && pages.len() >= o.limit {
            break;
        }
    }
    if let Some(d) = &o.dump {
        fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let (mut tp, mut fn_, mut fp, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut page_accuracy = Vec::new();
    let mut elapsed = Duration::ZERO;
    let cpu_start = cpu_seconds();
    for round in 0..o.repeat.max(1) {
        for p in &pages {
            let start = Instant::now();
            let extracted = parallax_ingest::html::extract(&p.page, Some(&p.url));
            elapsed += start.elapsed();
            if round > 0 {
                continue;
            }
            let text = &extracted.text;
            let found: Vec<bool> = p.with.iter().map(|s| text.contains(s.as_str())).collect();
            let leaked: Vec<bool> = p.without.iter().map(|s| text.contains(s.as_str())).collect();
            let (p_tp, p_fp) = (found.iter().filter(|b| **b).count(), leaked.iter().filter(|b| **b).count());
            let (p_fn, p_tn) = (p.with.len() - p_tp, p.without.len() - p_fp);
            tp += p_tp;
            fn_ += p_fn;
            fp += p_fp;
            tn += p_tn;
            let total = p_tp + p_fn + p_fp + p_tn;
            if total > 0 {
                page_accuracy.push((p_tp + p_tn) as f64 / total as f64);
            }
            if o.show_misses && (p_fn > 0 || p_fp > 0) {
                println!("== {} ({})  len={}", p.file, p.url, text.len());
                for (s, f) in p.with.iter().zip(&found) {
                    if !f {
                        println!("   missing: {s}");
                    }
                }
                for (s, l) in p.without.iter().zip(&leaked) {
                    if *l {
                        println!("   leaked:  {s}");
                    }
                }
            }
            if let Some(d) = &o.dump {
                let out = d.join(format!("{}.txt", p.file));
                fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))?;
            }
        }
    }
    let cpu = cpu_start.zip(cpu_seconds()).map(|(a, b)| b - a);
    let n = pages.len();
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("parallax: {n} pages{}", o.lang.as_ref().map(|l| format!(" (lang {l})")).unwrap_or_default());
    println!("  with snippets found:      {tp}/{} = {:.3}", tp + fn_, ratio(tp, tp + fn_));
    println!("  without snippets absent:  {tn}/{} = {:.3}", tn + fp, ratio(tn, tn + fp));
    println!("  tp={tp} fn={fn_} fp={fp} tn={tn}");
    println!(
        "  precision={:.3} recall={:.3} accuracy={:.3} f1={:.3}",
        ratio(tp, tp + fp),
        ratio(tp, tp + fn_),
        ratio(tp + tn, tp + tn + fp + fn_),
        ratio(2 * tp, 2 * tp + fp + fn_)
    );
    if !page_accuracy.is_empty() {
        println!("  mean per-page accuracy:   {:.3}", page_accuracy.iter().sum::<f64>() / page_accuracy.len() as f64);
    }
    let runs = n * o.repeat.max(1);
    let secs = elapsed.as_secs_f64();
    println!(
        "  extraction time {secs:.2} s for {runs} extractions, {:.1} pages/s (single thread)",
        if secs > 0.0 { runs as f64 / secs } else { 0.0 }
    );
    if let Some(cpu) = cpu.filter(|c| *c > 0.0) {
        println!("  CPU time {cpu:.2} s, {:.1} pages per CPU second (scoring included)", runs as f64 / cpu);
    }
    Ok(())
}

/// User + system CPU time of this process, from `/proc/self/stat` (Linux; 100 ticks a second).
fn cpu_seconds() -> Option<f64> {
    let stat = fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Text of an HTML fragment, with a space at every element boundary.
fn html_text(html: &str) -> String {
    fn walk(el: ElementRef, out: &mut String) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if matches!(e.name(), "script" | "style") => {}
                Node::Element(_) => {
                    out.push(' ');
                    if let Some(c) = ElementRef::wrap(child) {
                        walk(c, out);
                    }
                    out.push(' ');
                }
                _ => {}
            }
        }
    }
    let doc = Html::parse_document(html);
    let mut out = String::new();
    walk(doc.root_element(), &mut out);
    out
}

/// Token 4-gram shingle counts.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = words(text).collect();
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let n = 4;
    for i in 0..tokens.len().saturating_sub(n) + 1 {
        let shingle = tokens[i..(i + n).min(tokens.len())].to_vec();
        *out.entry(shingle).or_insert(0) += 1;
    }
    out
}

/// Normalised (tp, fp, fn) of predicted against true shingles, as `string_shingle_matching`.
fn shingle_matching(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (t, p) = (shingles(truth), shingles(pred));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fn_ += tc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(tc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

fn readability_mode(o: &Options) -> Result<(), String> {
    let dir =
        o.data.clone().unwrap_or_else(|| PathBuf::from("/work/shared/data/extraction/mozilla-readability-testpages"));
    let pages_dir = dir.join("pages");
    let mut names: Vec<String> = fs::read_dir(&pages_dir)
        .map_err(|e| format!("{}: {e}", pages_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let mut loaded = Vec::new();
    for name in names {
        let (src, exp) = (pages_dir.join(&name).join("source.html.gz"), pages_dir.join(&name).join("expected.html.gz"));
        if !src.is_file() || !exp.is_file() {
            continue;
        }
        loaded.push((name, common::read_page(&src)?, html_text(&common::read_page(&exp)?)));
        if o.limit > 0 && loaded.len() >= o.limit {
            break;
        }
    }
    let mut scores = Vec::new();
    let mut elapsed = Duration::ZERO;
    for (name, source, truth) in &loaded {
        let start = Instant::now();
        let extracted = parallax_ingest::html::extract(source, None);
        elapsed += start.elapsed();
        scores.push((name.as_str(), shingle_matching(truth, &extracted.text)));
    }
    let precision_of = |(tp, fp, fn_): (f64, f64, f64)| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if tp == 0.0 && fp == 0.0 {
            0.0
        } else {
            tp / (tp + fp)
        }
    };
    let recall_of = |(tp, fp, fn_): (f64, f64, f64)| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if tp == 0.0 && fn_ == 0.0 {
            0.0
        } else {
            tp / (tp + fn_)
        }
    };
    let mean = |v: Vec<f64>| if v.is_empty() { 0.0 } else { v.iter().sum::<f64>() / v.len() as f64 };
    let precision = mean(scores.iter().filter(|(_, s)| s.0 + s.1 > 0.0).map(|(_, s)| precision_of(*s)).collect());
    let recall = mean(scores.iter().filter(|(_, s)| s.0 + s.2 > 0.0).map(|(_, s)| recall_of(*s)).collect());
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    println!("parallax vs Readability expected.html: {} pages", scores.len());
    println!("  shingle precision={precision:.3} recall={recall:.3} F1={f1:.3}");
    let secs = elapsed.as_secs_f64();
    println!("  {:.1} pages/s (single thread)", if secs > 0.0 { scores.len() as f64 / secs } else { 0.0 });
    if o.show_worst > 0 {
        let mut per_page: Vec<(f64, f64, f64, &str)> = scores
            .iter()
            .map(|(n, s)| {
                let (p, r) = (precision_of(*s), recall_of(*s));
                (if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 }, p, r, *n)
            })
            .collect();
        per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (f, p, r, n) in per_page.iter().take(o.show_worst) {
            println!("  {n:<40} F1={f:.3} P={p:.3} R={r:.3}");
        }
    }
    Ok(())
}
