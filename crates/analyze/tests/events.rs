//! The event stage over `tests/cases/events.txt`: elections, attacks, agreements and votes; calls,
//! visits and meetings; past and future weekdays; year boundaries; articles dated only by their
//! dateline; and generic mentions that are not events. Each event is written as one line,
//! `KIND DATE PLACE [PARTICIPANTS] STATUS` (`-` for no date or place). Expectations:
//!
//! - `event: LINE` (or a matcher, `"…"...`): the case's events, in order, are exactly its `event:`
//!   lines;
//! - `events: none`: there is no event;
//! - `kinds: KIND …`: only events of these kinds are compared.
//!
//! Inputs that must merely not panic stay in Rust below. Printing the events of a corpus is an
//! example: `cargo run --release -p parallax-analyze --example corpus_sample -- events`.

mod common;

use common::{Case, Failure, Matcher};

/// The one place this harness calls the library: runs the whole per-article pipeline and writes
/// each event as `KIND DATE PLACE [PARTICIPANTS] STATUS`.
fn events(text: &str, published: Option<&str>) -> Vec<String> {
    let mut doc = parallax_doc::Doc::new("case", text.to_string());
    doc.meta.published = published.map(str::to_string);
    parallax_analyze::analyze(&mut doc);
    doc.events
        .iter()
        .map(|e| {
            let who: Vec<&str> = e.participants.iter().map(|&p| doc.entities[p].name.as_str()).collect();
            format!(
                "{} {} {} [{}] {}",
                e.kind.as_str(),
                e.time.map_or("-", |t| doc.times[t].value.as_str()),
                e.place.map_or("-", |p| doc.entities[p].name.as_str()),
                who.join(", "),
                format!("{:?}", e.status).to_lowercase()
            )
        })
        .collect()
}

/// An `event:` line: a matcher if it starts with a double quote or `...`, else the whole line.
fn event_matcher(value: &str) -> Result<Matcher, String> {
    if value.starts_with('"') || value.starts_with("...") {
        let (matcher, rest) = Matcher::parse(value)?;
        match rest.is_empty() {
            true => Ok(matcher),
            false => Err(format!("unexpected {rest:?} after the matcher")),
        }
    } else {
        Ok(Matcher::Is(value.to_string()))
    }
}

/// Checks every expectation of one case.
fn check(case: &Case) -> Vec<Failure> {
    let mut found = events(&case.text, case.date.as_deref());
    let mut failures = Vec::new();
    let mut want = Vec::new();
    let mut none = None;
    for line in &case.lines {
        match line.key.as_str() {
            "kinds" => {
                let kinds: Vec<&str> = line.value.split_whitespace().collect();
                found.retain(|e| kinds.iter().any(|k| e.split(' ').next() == Some(k)));
            }
            "event" => match event_matcher(&line.value) {
                Ok(matcher) => want.push((line.number, matcher)),
                Err(message) => failures.push((line.number, message)),
            },
            "events" if line.value == "none" => none = Some(line.number),
            key => failures.push((
                line.number,
                format!("unknown expectation `{key}: {}` (event, events: none, kinds)", line.value),
            )),
        }
    }
    if let Some(number) = none {
        if !want.is_empty() {
            failures.push((number, "`events: none` with `event:` lines".into()));
        } else if !found.is_empty() {
            failures.push((number, format!("want no events, got {found:?}")));
        }
    }
    for (i, (number, matcher)) in want.iter().enumerate() {
        match found.get(i) {
            Some(event) if matcher.matches(event) => {}
            Some(event) => {
                failures.push((*number, format!("event {}: want {matcher}, got {event:?}; all: {found:?}", i + 1)))
            }
            None => failures.push((*number, format!("event {}: want {matcher}, got only {found:?}", i + 1))),
        }
    }
    if none.is_none() && want.len() < found.len() {
        let number = want.last().map_or(case.line, |w| w.0);
        failures.push((number, format!("unexpected events {:?}", &found[want.len()..])));
    }
    failures
}

#[test]
fn cases() {
    common::check_all("events", check);
}

/// Wrong expectations fail, each on its own line: the harness cannot pass on anything.
#[test]
fn wrong_expectations_fail() {
    let lines = common::failing_lines(
        "text: Lawmakers voted on Tuesday to reject the bill.\ndate: 2025-05-16\nevents: none\n\n\
         text: Lawmakers voted on Tuesday to reject the bill.\ndate: 2025-05-16\nkinds: vote\n\
         event: vote 2025-05-20 - [] planned\n\n\
         text: Lawmakers voted on Tuesday to reject the bill.\ndate: 2025-05-16\nkinds: election\n\
         event: election - - [] planned\n",
        check,
    );
    assert_eq!(lines, [3, 8, 13]);
}

#[test]
fn odd_input_does_not_panic() {
    for text in ["", "to the polls", "voted", "attack", "deal", "the the the", "Election.", "Q3 FY24 '8"] {
        let _ = events(text, Some("2025-05-16"));
        let _ = events(text, None);
    }
}

/// Random sentences of the words the time and event rules look at: nothing panics.
#[test]
fn random_word_salad_does_not_panic() {
    // the words, separated by spaces
    const WORDS: &str =
        "the a last next this quarter third Q3 FY24 fiscal 2024 ' 82 7 / 8 07 10 : 30 a.m. p.m. noon at \
         on in Friday night morning earlier later once was current recent years for two and half 60 to \
         days Christmas New Year's Eve deal signed attack on Kyiv Russia voted vote election polls \
         struck targets killed , . \" ( ) said will could of previous day for weekly spring Autumn 70s \
         80s time being near term";
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..400 {
        let mut text = String::new();
        let n = (seed % 24) as usize + 1;
        for _ in 0..n {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            text.push_str(words[(seed >> 33) as usize % words.len()]);
            text.push(if seed.is_multiple_of(5) { '\n' } else { ' ' });
        }
        let _ = events(&text, Some("2025-01-02"));
        let _ = events(&text, None);
    }
}
