//! Publication-date accuracy of `parallax_ingest::html::extract` on htmldate's test pages.
//!
//! `cargo run --release -p parallax-ingest --example date_eval -- [--verbose] [--latest] [--half 0|1] [DIR]`
//!
//! `DIR` (default `../shared/data/extraction/htmldate-eval`) holds `eval_default.json` and
//! `eval_mediacloud_2020.json` (url -> {file, date}) and the pages in `html/<file>.gz`. Prints, per
//! file and overall: accuracy (predicted day equals gold / pages), precision (right / predicted),
//! coverage (predicted / pages), F1 as htmldate's own evaluation counts it (precision as above,
//! recall = right / (right + missing)) and pages per second; `--verbose` lists every wrong or missing page.
//! Pages without a gold date (`NaN` in the file) are left out.
//!
//! `--half 0` or `--half 1` keeps one of two fixed halves of the pages, split by a hash (64-bit
//! FNV-1a) of each page's URL: half 0 is the half rules are tuned on, half 1 is held back to
//! check that they generalise.
//!
//! `--latest` scores the page's latest date instead (its update date when the page gives one,
//! else its publication date), as htmldate's default mode (`original_date=False`) would; the
//! gold dates mostly follow the original date, so the default scores `published`.

use std::path::Path;
use std::time::Instant;

use serde_json::Value;

mod common;

/// Counts for one evaluation file.
#[derive(Default)]
struct Tally {
    pages: usize,
    right: usize,
    wrong: usize,
    missing: usize,
    seconds: f64,
}

impl Tally {
    fn print(&self, name: &str) {
        let predicted = self.right + self.wrong;
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{name:<28} pages {:>4}  right {:>4}  wrong {:>3}  missing {:>3}  accuracy {:.3}  precision {:.3}  coverage {:.3}  F1 {:.3}  {:.0} pages/s",
            self.pages,
            self.right,
            self.wrong,
            self.missing,
            ratio(self.right, self.pages),
            ratio(self.right, predicted),
            ratio(predicted, self.pages),
            {
                let (p, r) = (ratio(self.right, predicted), ratio(self.right, self.right + self.missing));
                if p + r > 0.0 {
                    2.0 * p * r / (p + r)
                } else {
                    0.0
                }
            },
            if self.seconds > 0.0 { self.pages as f64 / self.seconds } else { 0.0 },
        );
    }

    fn add(&mut self, other: &Tally) {
        self.pages += other.pages;
        self.right += other.right;
        self.wrong += other.wrong;
        self.missing += other.missing;
        self.seconds += other.seconds;
    }
}

/// The half (0 or 1) a page falls in: the low bit of the 64-bit FNV-1a hash of its URL.
fn half_of(url: &str) -> u8 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in url.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h & 1) as u8
}

fn run(dir: &Path, name: &str, verbose: bool, latest: bool, half: Option<u8>) -> Result<Tally, String> {
    let json_path = dir.join(name);
    let raw = std::fs::read_to_string(&json_path).map_err(|e| format!("{}: {e}", json_path.display()))?;
    // Python wrote `NaN` for pages without a gold date; those pages are left out.
    let gold: Value =
        serde_json::from_str(&raw.replace(": NaN", ": null")).map_err(|e| format!("{}: {e}", json_path.display()))?;
    let Value::Object(entries) = gold else {
        return Err(format!("{}: not a JSON object", json_path.display()));
    };
    let mut tally = Tally::default();
    for (url, entry) in &entries {
        let (Some(file), Some(date)) = (entry["file"].as_str(), entry["date"].as_str()) else {
            continue;
        };
        if half.is_some_and(|h| half_of(url) != h) {
            continue;
        }
        let page = common::read_page(&dir.join("html").join(format!("{file}.gz")))?;
        let start = Instant::now();
        let extracted = parallax_ingest::html::extract(&page, Some(url));
        tally.seconds += start.elapsed().as_secs_f64();
        tally.pages += 1;
        let published = extracted.published.as_ref().and_then(|(d, _)| d.get(..10));
        let predicted = if latest { extracted.updated.as_deref().or(published) } else { published };
        match predicted {
            Some(p) if p == date => tally.right += 1,
            Some(p) => {
                tally.wrong += 1;
                if verbose {
                    let from = extracted.published.as_ref().map(|(_, p)| format!("{p:?}")).unwrap_or_default();
                    println!("WRONG\t{date}\t{p}\t{from}\t{file}\t{url}");
                }
            }
            None => {
                tally.missing += 1;
                if verbose {
                    println!("MISSING\t{date}\t-\t\t{file}\t{url}");
                }
            }
        }
    }
    Ok(tally)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    let latest = args.iter().any(|a| a == "--latest");
    args.retain(|a| a != "--verbose" && a != "-v" && a != "--latest");
    let half = match args.iter().position(|a| a == "--half") {
        Some(i) => {
            let h = match args.get(i + 1).map(String::as_str) {
                Some("0") => 0,
                Some("1") => 1,
                _ => {
                    eprintln!("date_eval: --half takes 0 (the tuning half) or 1 (the held-back half)");
                    std::process::exit(2);
                }
            };
            args.drain(i..i + 2);
            Some(h)
        }
        None => None,
    };
    let dir = args.first().cloned().unwrap_or_else(|| "../shared/data/extraction/htmldate-eval".to_string());
    let dir = Path::new(&dir);
    let mut total = Tally::default();
    for name in ["eval_default.json", "eval_mediacloud_2020.json"] {
        match run(dir, name, verbose, latest, half) {
            Ok(t) => {
                t.print(name);
                total.add(&t);
            }
            Err(e) => {
                eprintln!("date_eval: {e}");
                std::process::exit(1);
            }
        }
    }
    total.print("overall");
}
