//! Event cases written from other news.

use parallax_doc::Doc;

fn events(text: &str, published: &str) -> (Doc, Vec<String>) {
    let mut doc = Doc::new("t", text.to_string());
    doc.meta.published = Some(published.to_string());
    crate::analyze(&mut doc);
    let lines = doc
        .events
        .iter()
        .map(|e| {
            let who: Vec<&str> = e.participants.iter().map(|&p| doc.entities[p].name.as_str()).collect();
            format!(
                "{} {} {} [{}] {:?}",
                e.kind.as_str(),
                e.time.map_or("-", |t| doc.times[t].value.as_str()),
                e.place.map_or("-", |p| doc.entities[p].name.as_str()),
                who.join(", "),
                e.status
            )
        })
        .collect();
    (doc, lines)
}

#[test]
fn a_call_between_two_leaders() {
    let (_, ev) = events(
        "Indian Prime Minister Narendra Modi spoke with Japanese Prime Minister Shigeru Ishiba on Thursday.",
        "2025-03-08",
    );
    assert_eq!(ev, vec!["call 2025-03-06 - [Narendra Modi, Shigeru Ishiba] Happened"]);
}

#[test]
fn one_visit_per_destination_with_its_own_date() {
    let (_, ev) = events(
        "Chancellor Friedrich Merz said he would travel to Poland on Friday and to Lithuania on Saturday.",
        "2025-05-12",
    );
    assert_eq!(
        ev,
        vec!["visit 2025-05-16 Poland [Friedrich Merz] Planned", "visit 2025-05-17 Lithuania [Friedrich Merz] Planned"]
    );
}

#[test]
fn the_source_of_an_attribution_is_not_a_participant() {
    let (_, ev) = events(
        "Secretary of State Antony Blinken will meet Chinese Foreign Minister Wang Yi in Beijing on Tuesday, \
         State Department spokesman Matthew Miller said.",
        "2024-04-21",
    );
    assert_eq!(ev, vec!["meeting 2024-04-23 Beijing [Antony Blinken, Wang Yi] Planned"]);
}

#[test]
fn a_following_sentence_continues_the_event() {
    let (_, ev) = events(
        "Officials from both countries will hold talks in Geneva on Monday. They will meet Ambassador John Smith.",
        "2025-06-13",
    );
    assert_eq!(ev[1], "meeting 2025-06-16 Geneva [John Smith] Planned");
}

#[test]
fn phone_called_a_meeting_is_not_a_call() {
    let (_, ev) = events("Spain called an emergency meeting of EU countries on Monday.", "2025-02-17");
    assert_eq!(ev, vec!["meeting 2025-02-17 - [] Happened"]);
}

#[test]
#[ignore]
fn debug_dump() {
    let mut doc = Doc::new("t", std::env::var("TEXT").unwrap_or_default());
    doc.meta.published = Some("2025-05-12".into());
    crate::analyze(&mut doc);
    for m in &doc.mentions {
        eprintln!("M {:?} {:?}", doc.slice(m.span), doc.entities[m.entity].kind);
    }
    for t in &doc.times {
        eprintln!("T {:?} {} {}", doc.slice(t.span), t.value, t.kind);
    }
    for e in &doc.events {
        eprintln!("E {:?}", e);
    }
}
