//! Reads inputs with `parallax-ingest` and reports what ingest did: documents, errors,
//! removals by reason, outlets and dates found, notes.
//!
//! `cargo run -p parallax-ingest --example ingest_report -- [-v] PATH...`
//! (`-v` prints every removal and note; `-j` prints one JSON line per document instead).

use std::collections::BTreeMap;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.first().is_some_and(|a| a == "-v");
    let json = args.first().is_some_and(|a| a == "-j");
    if verbose || json {
        args.remove(0);
    }
    let (mut docs, mut errors) = (0usize, 0usize);
    let mut removed: BTreeMap<&str, usize> = BTreeMap::new();
    let mut outlets: BTreeMap<String, usize> = BTreeMap::new();
    let mut published: BTreeMap<String, usize> = BTreeMap::new();
    let mut notes = 0usize;
    for item in parallax_ingest::read_inputs(&args) {
        match item {
            Ok(doc) if json => {
                let v = serde_json::json!({
                    "source": doc.source, "meta": doc.meta, "text": doc.text,
                    "removed": doc.removed, "notes": doc.notes().collect::<Vec<_>>(),
                });
                println!("{v}");
            }
            Err(e) if json => {
                println!("{}", serde_json::json!({"error": e.to_string()}));
            }
            Ok(doc) => {
                docs += 1;
                for r in &doc.removed {
                    *removed.entry(r.reason).or_default() += 1;
                    if verbose {
                        println!("{}\tremoved {}\t{}", doc.source, r.reason, r.text);
                    }
                }
                for n in doc.notes() {
                    notes += 1;
                    if verbose {
                        println!("{}\tnote\t{}", doc.source, n);
                    }
                }
                let o = format!("{:?} ({:?})", doc.meta.outlet, doc.meta.outlet_from);
                *outlets.entry(o).or_default() += 1;
                let p = format!("{:?}", doc.meta.published_from);
                *published.entry(p).or_default() += 1;
                if verbose && doc.meta.outlet.is_some() {
                    println!("{}\toutlet\t{:?} {:?}", doc.source, doc.meta.outlet, doc.meta.outlet_from);
                }
            }
            Err(e) => {
                errors += 1;
                println!("ERROR {e}");
            }
        }
    }
    println!("documents: {docs}\nerrors: {errors}\nnotes: {notes}");
    println!("removed by reason: {removed:?}");
    println!("outlets: {outlets:?}");
    println!("published from: {published:?}");
}
