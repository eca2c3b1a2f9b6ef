//! The temporal tagger over `tests/cases/times.txt`: the three seed articles (hand-annotated
//! values) and hard cases written from other news. Expectations:
//!
//! - `time: MATCHER = VALUE [(KIND)]`: the expressions whose text matches carry VALUE (and the
//!   kind `date`, `time`, `duration` or `set`); there is at least one, and exactly one for a
//!   whole-text matcher;
//! - `no-time: MATCHER`: no expression's text matches;
//! - `times: MATCHER, …` or `times: none`: the texts of all expressions, in order.
//!
//! Evaluations on real data are examples: `--example times_meantime`, `--example corpus_sample`.

mod common;

use common::{Case, Failure, Matcher};

/// One tagged expression: its text, TimeML value and kind.
#[derive(Debug)]
struct Time {
    text: String,
    value: String,
    kind: &'static str,
}

/// The one place this harness calls the library: segments `text` and tags its times.
fn tag_times(text: &str, published: Option<&str>) -> Vec<Time> {
    let mut doc = parallax_doc::Doc::new("case", text.to_string());
    doc.meta.published = published.map(str::to_string);
    parallax_analyze::segment::segment(&mut doc);
    parallax_analyze::times::tag(&doc)
        .into_iter()
        .map(|t| Time { text: doc.slice(t.span).to_string(), value: t.value, kind: t.kind })
        .collect()
}

/// The expressions, one `text = value (kind)` each, for messages.
fn listed(times: &[Time]) -> String {
    let all: Vec<String> = times.iter().map(|t| format!("{:?} = {} ({})", t.text, t.value, t.kind)).collect();
    format!("[{}]", all.join(", "))
}

/// Checks one `time:` line against the tagged expressions.
fn check_time(value: &str, times: &[Time]) -> Result<(), String> {
    let (matcher, rest) = Matcher::parse(value)?;
    let rest = rest.strip_prefix('=').ok_or("expected `= VALUE` after the text")?.trim();
    let (want, kind) = match rest.split_once(' ') {
        Some((want, kind)) => {
            let kind = kind.trim().strip_prefix('(').and_then(|k| k.strip_suffix(')')).ok_or("expected `(KIND)`")?;
            (want, Some(kind))
        }
        None => (rest, None),
    };
    let hits: Vec<&Time> = times.iter().filter(|t| matcher.matches(&t.text)).collect();
    if hits.is_empty() {
        return Err(format!("{matcher} not tagged; found {}", listed(times)));
    }
    if matcher.is_exact() && hits.len() > 1 {
        return Err(format!("{matcher} tagged {} times: {}", hits.len(), listed(times)));
    }
    if hits.iter().any(|t| t.value != want || kind.is_some_and(|k| k != t.kind)) {
        let kind = kind.map(|k| format!(" ({k})")).unwrap_or_default();
        let found: Vec<Time> =
            hits.iter().map(|t| Time { text: t.text.clone(), value: t.value.clone(), kind: t.kind }).collect();
        return Err(format!("{matcher}: want {want}{kind}, got {}", listed(&found)));
    }
    Ok(())
}

/// Checks every expectation of one case.
fn check(case: &Case) -> Vec<Failure> {
    let times = tag_times(&case.text, case.date.as_deref());
    let mut failures = Vec::new();
    for line in &case.lines {
        let result = match line.key.as_str() {
            "time" => check_time(&line.value, &times),
            "no-time" => Matcher::parse(&line.value).and_then(|(matcher, _)| {
                match times.iter().any(|t| matcher.matches(&t.text)) {
                    true => Err(format!("{matcher} tagged: {}", listed(&times))),
                    false => Ok(()),
                }
            }),
            "times" => {
                let want = if line.value == "none" { Ok(Vec::new()) } else { Matcher::parse_list(&line.value) };
                want.and_then(|want| {
                    let same = want.len() == times.len() && want.iter().zip(&times).all(|(m, t)| m.matches(&t.text));
                    match same {
                        true => Ok(()),
                        false => Err(format!("want times {}, got {}", line.value, listed(&times))),
                    }
                })
            }
            key => Err(format!("unknown expectation `{key}:` (time, no-time, times)")),
        };
        if let Err(message) = result {
            failures.push((line.number, message));
        }
    }
    failures
}

#[test]
fn cases() {
    common::check_all("times", check);
}

/// Wrong expectations fail, each on its own line: the harness cannot pass on anything.
#[test]
fn wrong_expectations_fail() {
    let lines = common::failing_lines(
        "text: The strike began last Friday.\ndate: 2024-03-14\ntime: \"last Friday\" = 2024-03-09\n\
         time: \"Friday\" = 2024-03-08\nno-time: \"last Friday\"\ntimes: none\nweekday: Friday\n",
        check,
    );
    assert_eq!(lines, [3, 4, 5, 6, 7]);
}
