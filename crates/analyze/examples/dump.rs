//! Prints the layers of one plain-text article (`-` reads standard input):
//!
//! ```text
//! cargo run -p parallax-analyze --example dump -- [--sentences] [--tokens] [--quotes-only] FILE [PUBLISHED]
//! ```
//!
//! - `--sentences`: every sentence first;
//! - `--tokens`: every token with its kind, on one line;
//! - `--quotes-only`: segmentation and the quote stage alone, without entities (what the quote
//!   rules find by themselves), e.g. on a seed article:
//!   `cargo run -p parallax-analyze --example dump -- --quotes-only examples/riyadh/000_b4f3670344740dac.txt`.
use std::io::Read;

use parallax_doc::{Doc, EntityKind, Stage};

fn main() {
    let mut flags = Vec::new();
    let mut positional = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg.starts_with("--") {
            flags.push(arg);
        } else {
            positional.push(arg);
        }
    }
    let known = ["--sentences", "--tokens", "--quotes-only"];
    let (Some(path), true) = (positional.first(), flags.iter().all(|f| known.contains(&f.as_str()))) else {
        eprintln!("usage: dump [--sentences] [--tokens] [--quotes-only] FILE|- [PUBLISHED]");
        std::process::exit(2);
    };
    let flag = |name: &str| flags.iter().any(|f| f == name);
    let read = if path == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    let text = match read {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut doc = Doc::new(path.clone(), text);
    doc.meta.published = positional.get(1).cloned();
    if flag("--quotes-only") {
        parallax_analyze::segment::segment(&mut doc);
        parallax_analyze::quotes::QuoteFinder.run(&mut doc);
    } else {
        parallax_analyze::analyze(&mut doc);
    }
    if flag("--sentences") {
        for s in &doc.sentences {
            println!("SENTENCE {:?}", doc.slice(s.span));
        }
    }
    if flag("--tokens") {
        let tokens: Vec<String> = doc.tokens.iter().map(|t| format!("{}/{:?}", doc.slice(t.span), t.kind)).collect();
        println!("TOKENS {}", tokens.join(" "));
    }
    for e in &doc.entities {
        let mentions: Vec<String> = doc
            .mentions
            .iter()
            .filter(|m| m.entity == e.id)
            .map(|m| format!("{}:{:?}", doc.slice(m.span), m.kind))
            .collect();
        if e.kind == EntityKind::Person {
            let roles: Vec<&str> = e.roles.iter().map(|r| r.text.as_str()).collect();
            println!("PERSON {} {:?} roles={roles:?}\n    {}", e.name, e.gender, mentions.join(" | "));
        } else {
            println!("{:?} {} ({})", e.kind, e.name, mentions.len());
        }
    }
    for q in &doc.quotes {
        let who = q.speaker_entity.map(|e| doc.entities[e].name.as_str());
        let span = q.speaker_span.map(|s| doc.slice(s));
        println!("QUOTE {:?} {:?} <- {:?} ({:?})", q.kind, doc.slice(q.span), who, span);
    }
    for t in &doc.times {
        println!("TIME {:?} = {} ({})", doc.slice(t.span), t.value, t.kind);
    }
}
