//! Rebuilds the story layer's background term frequencies (`crates/story/data/background_df.tsv`):
//!
//! ```text
//! cargo run --release -p parallax-story --example background -- OUT INPUT...
//! ```
//!
//! Analyses every article of the inputs, takes its story terms
//! ([`parallax_story::cluster::article_terms`]: content words, entity keys, months) and writes in
//! how many articles each term occurs, for terms in at least [`MIN_DF`] articles, most frequent
//! first. The first data line is `#articles<TAB>N`.

use std::collections::HashMap;
use std::io::Write;

/// Terms rarer than this are left out (an absent term counts as never seen).
const MIN_DF: u32 = 3;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: background OUT INPUT...");
        std::process::exit(2);
    };
    let inputs: Vec<String> = args.collect();
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut n = 0u32;
    for doc in parallax_ingest::read_inputs(&inputs) {
        let Ok(mut doc) = doc else { continue };
        parallax_analyze::analyze(&mut doc);
        n += 1;
        for term in parallax_story::cluster::article_terms(&doc).into_keys() {
            *df.entry(term).or_default() += 1;
        }
    }
    let mut rows: Vec<(String, u32)> = df.into_iter().filter(|&(_, c)| c >= MIN_DF).collect();
    rows.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut file = std::io::BufWriter::new(std::fs::File::create(&out)?);
    writeln!(file, "# In how many articles each story term occurs; see README.md. Rebuild:")?;
    writeln!(file, "# cargo run --release -p parallax-story --example background -- {out} {}", inputs.join(" "))?;
    writeln!(file, "#articles\t{n}")?;
    for (term, count) in &rows {
        writeln!(file, "{term}\t{count}")?;
    }
    eprintln!("{n} articles, {} terms -> {out}", rows.len());
    Ok(())
}
