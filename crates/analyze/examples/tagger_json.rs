//! The tagger's own entities on a Parallax input (JSON lines of `id` and `text`), written as an
//! analysis file that `../shared/eval/conll/score.py` scores beside the whole pipeline's:
//!
//! `cargo run --release -p parallax-analyze --features train --example tagger_json -- INPUT.jsonl > OUT.json`
//!
//! Set beside `parallax analyze --format json` on the same input, it shows what the rule layer
//! changes of the tagger's reading.
use std::io::BufRead;

use parallax_analyze::entities::tagger::{tag_doc, NerType};
use parallax_doc::Doc;

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn field<'a>(line: &'a serde_json::Value, key: &str) -> &'a str {
    line.get(key).and_then(|v| v.as_str()).unwrap_or_default()
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tagger_json INPUT.jsonl");
        std::process::exit(2);
    };
    let file = std::fs::File::open(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let mut articles = Vec::new();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("read");
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else { continue };
        let mut doc = Doc::new(field(&value, "id").to_string(), field(&value, "text").to_string());
        parallax_analyze::segment::segment(&mut doc);
        let entities: Vec<String> = tag_doc(&doc)
            .into_iter()
            .enumerate()
            .map(|(k, (span, kind))| {
                let ty = match kind {
                    NerType::Per => "person",
                    NerType::Org => "organization",
                    NerType::Loc => "location",
                    _ => "misc",
                };
                format!(
                    "{{\"id\":\"e{k}\",\"type\":\"{ty}\",\"name\":{},\"mentions\":[{{\"start\":{},\"end\":{},\"kind\":\"name\"}}]}}",
                    json_string(doc.slice(span)),
                    span.start,
                    span.end
                )
            })
            .collect();
        articles.push(format!(
            "{{\"id\":{},\"text\":{},\"entities\":[{}]}}",
            json_string(&doc.source),
            json_string(&doc.text),
            entities.join(",")
        ));
    }
    println!("{{\"articles\":[{}],\"stories\":[]}}", articles.join(",\n"));
}
