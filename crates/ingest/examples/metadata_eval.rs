//! Title, author and date accuracy of `parallax_ingest::html::extract` on trafilatura's test
//! pages (the pages whose gold gives that field).
//!
//! `cargo run --release -p parallax-ingest --example metadata_eval -- [--verbose] [DIR]`
//!
//! `DIR` (default `../shared/data/extraction/trafilatura-eval`) holds `evaldata.json`
//! (url -> {file, title, author, date, ...}) and the pages in `html/<file>.gz`. A title or author
//! is right when it equals the gold after lower-casing and keeping only letters, digits and
//! single spaces (several authors are joined with spaces); a date when its day equals the gold.
//! Prints, per field: pages with gold, right, wrong, missing, accuracy and precision.

use std::path::Path;

use serde_json::Value;

mod common;

/// Counts for one field.
#[derive(Default)]
struct Tally {
    right: usize,
    wrong: usize,
    missing: usize,
}

impl Tally {
    fn add(&mut self, gold: &str, predicted: Option<&str>, same: fn(&str, &str) -> bool) -> bool {
        match predicted {
            Some(p) if same(gold, p) => {
                self.right += 1;
                true
            }
            Some(_) => {
                self.wrong += 1;
                false
            }
            None => {
                self.missing += 1;
                false
            }
        }
    }

    fn print(&self, name: &str) {
        let pages = self.right + self.wrong + self.missing;
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{name:<7} pages {pages:>4}  right {:>4}  wrong {:>3}  missing {:>3}  accuracy {:.3}  precision {:.3}",
            self.right,
            self.wrong,
            self.missing,
            ratio(self.right, pages),
            ratio(self.right, self.right + self.wrong),
        );
    }
}

/// Lower-case letters and digits, words separated by single spaces.
fn normal(s: &str) -> String {
    let kept: String =
        s.chars().map(|c| if c.is_alphanumeric() { c.to_lowercase().next().unwrap_or(c) } else { ' ' }).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn same_text(gold: &str, predicted: &str) -> bool {
    normal(gold) == normal(predicted)
}

fn same_day(gold: &str, predicted: &str) -> bool {
    predicted.get(..10) == Some(gold)
}

fn run(dir: &Path, verbose: bool) -> Result<(), String> {
    let json_path = dir.join("evaldata.json");
    let raw = std::fs::read_to_string(&json_path).map_err(|e| format!("{}: {e}", json_path.display()))?;
    let gold: Value =
        serde_json::from_str(&raw.replace(": NaN", ": null")).map_err(|e| format!("{}: {e}", json_path.display()))?;
    let Value::Object(entries) = gold else {
        return Err(format!("{}: not a JSON object", json_path.display()));
    };
    let (mut title, mut author, mut date) = (Tally::default(), Tally::default(), Tally::default());
    for (url, entry) in &entries {
        let Some(file) = entry["file"].as_str() else { continue };
        let gold_field = |k: &str| entry[k].as_str().map(str::trim).filter(|v| !v.is_empty());
        let (gold_title, gold_author, gold_date) = (gold_field("title"), gold_field("author"), gold_field("date"));
        if gold_title.is_none() && gold_author.is_none() && gold_date.is_none() {
            continue;
        }
        let page = common::read_page(&dir.join("html").join(format!("{file}.gz")))?;
        let e = parallax_ingest::html::extract(&page, Some(url));
        let show = |field: &str, gold: &str, got: Option<&str>, ok: bool| {
            if verbose && !ok {
                println!("{field}\t{gold}\t{}\t{file}", got.unwrap_or("-"));
            }
        };
        if let Some(g) = gold_title {
            let ok = title.add(g, e.title.as_deref(), same_text);
            show("TITLE", g, e.title.as_deref(), ok);
        }
        if let Some(g) = gold_author {
            let joined = (!e.authors.is_empty()).then(|| e.authors.join(" "));
            let ok = author.add(g, joined.as_deref(), same_text);
            show("AUTHOR", g, joined.as_deref(), ok);
        }
        if let Some(g) = gold_date {
            let got = e.published.as_ref().map(|p| p.0.as_str());
            let ok = date.add(g, got, same_day);
            show("DATE", g, got, ok);
        }
    }
    title.print("title");
    author.print("author");
    date.print("date");
    Ok(())
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose" || a == "-v");
    args.retain(|a| a != "--verbose" && a != "-v");
    let dir = args.first().cloned().unwrap_or_else(|| "../shared/data/extraction/trafilatura-eval".to_string());
    if let Err(e) = run(Path::new(&dir), verbose) {
        eprintln!("metadata_eval: {e}");
        std::process::exit(1);
    }
}
