//! The quotes stage over `tests/cases/quotes.txt`: the three seed articles against their hand
//! annotations, and hard cases from other (invented) news. A case runs the whole pipeline, or,
//! with `pipeline: quotes-only`, segmentation and the quote stage alone over an entity layer
//! made by hand from its `person:` lines (so that the case does not depend on the entity stage).
//! Expectations (see `tests/cases/README.md`):
//!
//! - `quote: TEXT [(KIND)] [<- NAME|none] [span SPAN|none|some]`: some quote's text matches TEXT (a
//!   matcher, or `*` for any), and every quote whose text matches has that kind, speaker entity
//!   and speaker span;
//! - `no-quote: TEXT [(KIND)] [<- NAME|none] [span SPAN|none|some]`: no quote matches all of it
//!   (with conditions, there must be some quote to check);
//! - `quotes [(KIND|KIND)]: TEXT, …`, `: N` or `: none`: the quotes (of those kinds), in order;
//! - `gold: "TEXT" <- NAME [| ALSO]…` or `<- none` (a scare quote): the article's quotes, scored
//!   as the seed scorer does — each found (80% of its words) and attributed, and no quote that
//!   is not gold (indirect quotes aside).

mod common;

use common::{quoted, Case, Failure, Matcher};
use parallax_doc::{Doc, Entity, EntityKind, Mention, MentionKind, QuoteKind, Span, Stage};

/// One quote as the expectations see it.
#[derive(Debug)]
struct Row {
    /// The quoted words.
    text: String,
    /// `direct`, `partial` or `indirect`.
    kind: &'static str,
    /// The name of the speaker's entity.
    entity: Option<String>,
    /// The words naming the speaker.
    span: Option<String>,
    /// The speaker as a reader names it (`quotes::named_speaker`) and its kind.
    named: (Option<String>, &'static str),
    /// A fragment (`quotes::is_fragment`).
    fragment: bool,
}

/// A person of the hand-made entity layer (`person:`): the name, the name forms (every
/// occurrence is a name mention) and `(context, word, kind)` references (a mention of `word`
/// inside every occurrence of `context`).
struct Person {
    name: String,
    forms: Vec<String>,
    references: Vec<(String, String, MentionKind)>,
}

/// The one place this harness calls the library: the whole pipeline, or with `people`
/// segmentation, the hand-made entity layer and the quote stage alone.
fn find_quotes(text: &str, published: Option<&str>, people: Option<&[Person]>) -> Vec<Row> {
    let mut doc = Doc::new("case", text.to_string());
    doc.meta.published = published.map(str::to_string);
    match people {
        None => parallax_analyze::analyze(&mut doc),
        Some(people) => {
            parallax_analyze::segment::segment(&mut doc);
            add_people(&mut doc, people);
            parallax_analyze::quotes::QuoteFinder.run(&mut doc);
        }
    }
    let kind = |k: QuoteKind| match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    };
    doc.quotes
        .iter()
        .map(|q| Row {
            text: doc.slice(q.span).to_string(),
            kind: kind(q.kind),
            entity: q.speaker_entity.map(|e| doc.entities[e].name.clone()),
            span: q.speaker_span.map(|s| doc.slice(s).to_string()),
            named: {
                let n = parallax_analyze::quotes::named_speaker(&doc, q);
                (n.name.map(|x| x.into_owned()), n.kind.as_str())
            },
            fragment: parallax_analyze::quotes::is_fragment(&doc, q),
        })
        .collect()
}

/// True when `start..end` of `text` is not inside a word.
fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
    let after = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
    before && after
}

/// Adds each person as an entity with its mentions: name forms longest first, then the
/// references; a mention overlapping an earlier one is skipped.
fn add_people(doc: &mut Doc, people: &[Person]) {
    let text = doc.text.clone();
    for person in people {
        let id = doc.entities.len();
        doc.entities.push(Entity {
            id,
            kind: EntityKind::Person,
            name: person.name.clone(),
            roles: vec![],
            gender: None,
        });
        let mut forms: Vec<(&str, &str, MentionKind)> =
            person.forms.iter().map(|n| (n.as_str(), n.as_str(), MentionKind::Name)).collect();
        forms.sort_by_key(|f| std::cmp::Reverse(f.0.len()));
        forms.extend(person.references.iter().map(|(c, w, k)| (c.as_str(), w.as_str(), *k)));
        for (context, word, kind) in forms {
            let Some(offset) = context.find(word) else { continue };
            for (at, _) in text.match_indices(context) {
                let span = Span::new(at + offset, at + offset + word.len());
                if at_word_boundaries(&text, at, at + context.len())
                    && !doc.mentions.iter().any(|m| m.span.overlaps(span))
                {
                    doc.mentions.push(Mention { span, entity: id, kind });
                }
            }
        }
    }
    doc.mentions.sort_by_key(|m| m.span.start);
}

/// Reads a `person:` line: `NAME [= FORM | FORM | pronoun "WORD" [in "CONTEXT"] | nominal "WORD"
/// [in "CONTEXT"]]`; without `=` the name is the only form.
fn parse_person(value: &str) -> Result<Person, String> {
    let Some((name, parts)) = value.split_once('=') else {
        return Ok(Person { name: value.to_string(), forms: vec![value.to_string()], references: vec![] });
    };
    let mut person = Person { name: name.trim().to_string(), forms: vec![], references: vec![] };
    for part in parts.split(" | ").map(str::trim) {
        let (kind, rest) = match part.split_once(' ') {
            Some(("pronoun", rest)) => (MentionKind::Pronoun, rest),
            Some(("nominal", rest)) => (MentionKind::Nominal, rest),
            _ => {
                person.forms.push(part.to_string());
                continue;
            }
        };
        let (word, rest) = quoted(rest.trim())?;
        let context = match rest.trim().strip_prefix("in ") {
            Some(context) => quoted(context.trim())?.0,
            None if rest.trim().is_empty() => word.clone(),
            None => return Err(format!("expected `in \"CONTEXT\"` at {rest:?}")),
        };
        if !context.contains(&word) {
            return Err(format!("{word:?} is not inside {context:?}"));
        }
        person.references.push((context, word, kind));
    }
    Ok(person)
}

/// What a `quote:` or `no-quote:` line asks of a quote.
struct QuoteSpec {
    /// The quote's text; `None` for `*`, any quote.
    text: Option<Matcher>,
    /// `direct`, `partial` or `indirect`.
    kind: Option<String>,
    /// The speaker entity's name; `Some(None)` for `<- none`.
    entity: Option<Option<String>>,
    /// The speaker span.
    span: Option<SpanSpec>,
}

/// What a quote's speaker span should be.
enum SpanSpec {
    /// No span (`span none`).
    None,
    /// Any span (`span some`).
    Some,
    /// A span that matches.
    Matches(Matcher),
}

impl QuoteSpec {
    /// Reads `TEXT [(KIND)] [<- NAME|none] [span SPAN|none|some]`.
    fn parse(value: &str) -> Result<QuoteSpec, String> {
        let (text, mut rest) = match value.strip_prefix('*') {
            Some(rest) => (None, rest.trim_start()),
            None => Matcher::parse(value).map(|(m, rest)| (Some(m), rest))?,
        };
        let mut spec = QuoteSpec { text, kind: None, entity: None, span: None };
        while !rest.is_empty() {
            if let Some(after) = rest.strip_prefix('(') {
                let (kind, after) = after.split_once(')').ok_or("no `)` after the kind")?;
                spec.kind = Some(kind.trim().to_string());
                rest = after.trim_start();
            } else if let Some(after) = rest.strip_prefix("<-") {
                let end = [after.find(" span "), after.find(" (")].into_iter().flatten().min().unwrap_or(after.len());
                let name = after[..end].trim();
                spec.entity = Some((name != "none").then(|| name.to_string()));
                rest = after[end..].trim_start();
            } else if let Some(after) = rest.strip_prefix("span ") {
                let after = after.trim_start();
                if let Some(after) = after.strip_prefix("none") {
                    spec.span = Some(SpanSpec::None);
                    rest = after.trim_start();
                } else if let Some(after) = after.strip_prefix("some") {
                    spec.span = Some(SpanSpec::Some);
                    rest = after.trim_start();
                } else {
                    let (matcher, after) = Matcher::parse(after)?;
                    spec.span = Some(SpanSpec::Matches(matcher));
                    rest = after;
                }
            } else {
                return Err(format!("expected `(KIND)`, `<- NAME` or `span …` at {rest:?}"));
            }
        }
        Ok(spec)
    }

    /// True when the quote's text matches (any text for `*`).
    fn text_matches(&self, row: &Row) -> bool {
        self.text.as_ref().is_none_or(|m| m.matches(&row.text))
    }

    /// True when the quote has the kind, speaker entity and speaker span asked for.
    fn conditions_hold(&self, row: &Row) -> bool {
        self.kind.as_ref().is_none_or(|k| k == row.kind)
            && self.entity.as_ref().is_none_or(|e| *e == row.entity)
            && self.span.as_ref().is_none_or(|want| match (want, &row.span) {
                (SpanSpec::None, None) | (SpanSpec::Some, Some(_)) => true,
                (SpanSpec::Matches(m), Some(s)) => m.matches(s),
                _ => false,
            })
    }

    /// True when the line asks something beyond the text.
    fn has_conditions(&self) -> bool {
        self.kind.is_some() || self.entity.is_some() || self.span.is_some()
    }
}

/// Every quote, one per line, for messages.
fn listed(rows: &[Row]) -> String {
    let all: Vec<String> =
        rows.iter().map(|r| format!("\n      {:?} ({}) <- {:?} span {:?}", r.text, r.kind, r.entity, r.span)).collect();
    if all.is_empty() {
        " none".to_string()
    } else {
        all.concat()
    }
}

/// Checks a `quote:` line.
fn check_quote(value: &str, rows: &[Row]) -> Result<(), String> {
    let spec = QuoteSpec::parse(value)?;
    let hits: Vec<&Row> = rows.iter().filter(|r| spec.text_matches(r)).collect();
    if hits.is_empty() {
        return Err(format!("no quote {value}; quotes:{}", listed(rows)));
    }
    if hits.iter().any(|r| !spec.conditions_hold(r)) {
        return Err(format!("want {value}; quotes:{}", listed(rows)));
    }
    Ok(())
}

/// Checks a `no-quote:` line.
fn check_no_quote(value: &str, rows: &[Row]) -> Result<(), String> {
    let spec = QuoteSpec::parse(value)?;
    if spec.has_conditions() && rows.is_empty() {
        return Err("no quotes at all: a `no-quote:` with conditions needs some quote to check".into());
    }
    match rows.iter().any(|r| spec.text_matches(r) && spec.conditions_hold(r)) {
        true => Err(format!("want no quote {value}; quotes:{}", listed(rows))),
        false => Ok(()),
    }
}

/// Checks a `quotes [(KIND|KIND)]:` line: `key` is the whole key.
fn check_quote_list(key: &str, value: &str, rows: &[Row]) -> Result<(), String> {
    let kinds: Option<Vec<&str>> = match key.strip_prefix("quotes").map(str::trim) {
        Some("") => None,
        Some(kinds) => {
            let kinds =
                kinds.strip_prefix('(').and_then(|k| k.strip_suffix(')')).ok_or("expected `quotes (KIND|KIND):`")?;
            Some(kinds.split('|').map(str::trim).collect())
        }
        None => return Err(format!("unknown expectation `{key}:`")),
    };
    let rows: Vec<&Row> = rows.iter().filter(|r| kinds.as_ref().is_none_or(|k| k.contains(&r.kind))).collect();
    let fits = if value == "none" {
        rows.is_empty()
    } else if let Ok(count) = value.parse::<usize>() {
        rows.len() == count
    } else {
        let want = Matcher::parse_list(value)?;
        want.len() == rows.len() && want.iter().zip(&rows).all(|(m, r)| m.matches(&r.text))
    };
    let found: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    match fits {
        true => Ok(()),
        false => Err(format!("want {key}: {value}; got {found:?}")),
    }
}

/// Lower-case words, with curly apostrophes folded, as the seed scorer counts them.
fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A `gold:` line: the quote's text and the speakers accepted (none for a scare quote).
struct Gold {
    number: usize,
    text: String,
    speakers: Vec<String>,
}

/// Reads `"TEXT" <- NAME [| ALSO]…` or `"TEXT" <- none`.
fn parse_gold(number: usize, value: &str) -> Result<Gold, String> {
    let (text, rest) = quoted(value)?;
    let names = rest.trim().strip_prefix("<-").ok_or("expected `<- NAME` or `<- none`")?.trim();
    let speakers = if names == "none" { vec![] } else { names.split('|').map(|n| n.trim().to_string()).collect() };
    Ok(Gold { number, text, speakers })
}

/// Scores the direct and partial quotes against the gold as the seed scorer does: each gold
/// quote with a speaker is found (80% of its words, half of the quote's) and attributed; a quote
/// that is neither found nor half a gold quote (scare quotes included) is extra.
fn check_gold(case: &Case, gold: &[Gold], rows: &[Row]) -> Vec<Failure> {
    let quoted: Vec<&Row> = rows.iter().filter(|r| r.kind != "indirect").collect();
    let quoted_words: Vec<Vec<String>> = quoted.iter().map(|r| words(&r.text)).collect();
    let mut used = vec![false; quoted.len()];
    let mut failures = Vec::new();
    for g in gold.iter().filter(|g| !g.speakers.is_empty()) {
        let gold_words = words(&g.text);
        let best = quoted_words
            .iter()
            .enumerate()
            .map(|(i, w)| (common::overlap(&gold_words, w), i))
            .filter(|&(o, i)| o * 10 >= gold_words.len() * 8 && o * 2 >= quoted_words[i].len() && o > 0)
            .max();
        match best {
            None => failures.push((g.number, "not found".to_string())),
            Some((_, i)) => {
                used[i] = true;
                let got = quoted[i].entity.clone().unwrap_or_default();
                if !g.speakers.contains(&got) {
                    let span = &quoted[i].span;
                    failures.push((
                        g.number,
                        format!("speaker: want {}, got {got:?} (span {span:?})", g.speakers.join(" | ")),
                    ));
                }
            }
        }
    }
    for (i, w) in quoted_words.iter().enumerate() {
        let repeats = gold.iter().any(|g| common::overlap(w, &words(&g.text)) * 2 >= w.len().max(1));
        if !used[i] && !repeats {
            failures.push((case.line, format!("a quote not in the gold: {:?}", quoted[i])));
        }
    }
    failures
}

/// Checks a `speaker: TEXT = NAME|none (KIND) [fragment]` line: a quote matches TEXT, and every
/// quote that does is named NAME (`none`: no speaker) of KIND (`person`, `organization`,
/// `description`, `none`), and is a fragment exactly when the line says so.
fn check_speaker(value: &str, rows: &[Row]) -> Result<(), String> {
    let (text, rest) = Matcher::parse(value)?;
    let rest = rest.trim_start().strip_prefix('=').ok_or("expected `= NAME (KIND)` after the quote")?;
    let (name, rest) = rest.split_once('(').ok_or("expected `(KIND)` after the name")?;
    let (kind, rest) = rest.split_once(')').ok_or("no `)` after the kind")?;
    let name = name.trim();
    let name = (name != "none").then(|| name.trim_matches('"').to_string());
    let fragment = rest.trim() == "fragment";
    let hits: Vec<&Row> = rows.iter().filter(|r| text.matches(&r.text)).collect();
    if hits.is_empty() {
        return Err(format!("no quote matches; quotes: {:?}", rows.iter().map(|r| &r.text).collect::<Vec<_>>()));
    }
    for r in hits {
        if r.named.0 != name || r.named.1 != kind.trim() || r.fragment != fragment {
            return Err(format!(
                "{:?} is named {:?} ({}){}, words {:?}",
                r.text,
                r.named.0,
                r.named.1,
                if r.fragment { " fragment" } else { "" },
                r.span
            ));
        }
    }
    Ok(())
}

/// Checks every expectation of one case.
fn check(case: &Case) -> Vec<Failure> {
    let mut failures = Vec::new();
    let mut quotes_only = false;
    let mut people = Vec::new();
    let mut gold = Vec::new();
    for line in &case.lines {
        match line.key.as_str() {
            "pipeline" if line.value == "quotes-only" => quotes_only = true,
            "person" => match parse_person(&line.value) {
                Ok(person) => people.push(person),
                Err(message) => failures.push((line.number, message)),
            },
            "gold" => match parse_gold(line.number, &line.value) {
                Ok(g) => gold.push(g),
                Err(message) => failures.push((line.number, message)),
            },
            _ => {}
        }
    }
    if !people.is_empty() && !quotes_only {
        failures.push((case.line, "`person:` lines need `pipeline: quotes-only`".into()));
    }
    let rows = find_quotes(&case.text, case.date.as_deref(), quotes_only.then_some(people.as_slice()));
    for line in &case.lines {
        let result = match line.key.as_str() {
            "pipeline" if line.value != "quotes-only" => Err("the only other pipeline is `quotes-only`".into()),
            "pipeline" | "person" | "gold" => Ok(()),
            "quote" => check_quote(&line.value, &rows),
            "no-quote" => check_no_quote(&line.value, &rows),
            "speaker" => check_speaker(&line.value, &rows),
            key if key.starts_with("quotes") => check_quote_list(key, &line.value, &rows),
            key => Err(format!(
                "unknown expectation `{key}:` (quote, no-quote, speaker, quotes, gold, person, pipeline: quotes-only)"
            )),
        };
        if let Err(message) = result {
            failures.push((line.number, message));
        }
    }
    if !gold.is_empty() {
        failures.extend(check_gold(case, &gold, &rows));
    }
    failures
}

#[test]
fn cases() {
    common::check_all("quotes", check);
}

/// Wrong expectations fail, each on its own line: the harness cannot pass on anything.
#[test]
fn wrong_expectations_fail() {
    let lines = common::failing_lines(
        "text: “We will respond,” the Kremlin said.\ndate: 2025-02-17\nquote: \"We will respond\" (partial)\n\
         quote: * <- none\nno-quote: * span some\nquotes: none\n\
         gold: \"We will not respond at all\" <- Kremlin\n\n\
         text: Nothing was said.\nno-quote: * span none\n\n\
         text: “Prices will rise,” Ana Ruiz said.\ngold: \"Nothing of the kind was said here\" <- Ana Ruiz\n",
        check,
    );
    // the last case: its gold is not found (line 13), and its quote is not gold (the case's line)
    assert_eq!(lines, [3, 4, 5, 6, 7, 10, 13, 12]);
}
