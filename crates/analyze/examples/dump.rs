//! Prints the layers of one plain-text article: `cargo run -p parallax-analyze --example dump FILE [PUBLISHED]`.
use parallax_doc::{Doc, EntityKind};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: dump FILE [PUBLISHED]");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut doc = Doc::new(path, text);
    doc.meta.published = args.next();
    parallax_analyze::analyze(&mut doc);
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
        println!("TIME {:?} = {}", doc.slice(t.span), t.value);
    }
}
