//! The story layer's JSON for an input, without the binary: `cargo run --release -p
//! parallax-story --example conflicts -- INPUT.jsonl > OUT.json` (what `parallax analyze --format
//! json` writes, for a quick loop on the conflicts measure in `../shared/eval/conflicts/`).

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conflicts INPUT");
        std::process::exit(2);
    };
    let mut docs: Vec<parallax_doc::Doc> = parallax_ingest::read_inputs(&[path]).filter_map(Result::ok).collect();
    docs.iter_mut().for_each(parallax_analyze::analyze);
    let analysis = parallax_story::build(docs);
    if std::env::var_os("QDEBUG").is_some() {
        for story in &analysis.stories {
            eprintln!(
                "=== story {:?}",
                story.articles.iter().map(|&d| analysis.docs[d].source.as_str()).collect::<Vec<_>>()
            );
            for &d in &story.articles {
                let doc = &analysis.docs[d];
                for q in parallax_story::quantities::quantities(doc, d) {
                    let s = doc.sentences.get(q.source.1).map(|s| doc.slice(s.span)).unwrap_or_default();
                    eprintln!(
                        "  {} | {} | {:?} | {:?} | {}",
                        doc.source,
                        q.text,
                        q.counts,
                        q.context,
                        s.replace('\n', " ")
                    );
                }
            }
        }
    }
    let out = std::io::stdout().lock();
    if let Err(e) = serde_json::to_writer(out, &parallax_story::report::AnalysisJson(&analysis)) {
        eprintln!("conflicts: {e}");
        std::process::exit(1);
    }
}
