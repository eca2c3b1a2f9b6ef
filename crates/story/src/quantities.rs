//! Number conflicts: independent reports stating one quantity with different values.
//!
//! A *quantity* is a number written in digits (with a `$`, a scale word such as "million", a
//! hedge such as "about") and the word it counts ("12 soldiers", "$82 million contract",
//! "86 yards", "90%" and "50 per cent" count "percent"), read from one sentence outside
//! quotation marks (a quoted figure is its speaker's, not the outlet's) and outside any time
//! expression (years, days and clock times are the timeline's), except a number opening a
//! duration ("after 30 hours of deliberation" counts "hours"). Two quantities of different
//! independent reports state the *same fact* when they count the same word and either
//! - their sentences otherwise say the same thing: the shorter sentence shares at least
//!   [`SAME_STATEMENT`] of its content words (numbers left out) with the other; or
//! - they share a *frame*: the same nearest event word (its family: "deliberated" and
//!   "deliberation", "killed" and "kill"), each article states one figure of that counted word
//!   and frame, and the sentences name the same places and, when both name some, a common
//!   person or body (the source giving the figure left out): "12 houses damaged in Takala" is a
//!   part of "40 houses damaged by the quake", not a rival figure.
//!
//! Each is the other's best match in its article. Same fact, different value: a conflict,
//! unless
//! - the two values are close and one is hedged ("about 350" and "352");
//! - the articles give the values to different sources ("police said 5,000", "organisers said
//!   20,000"): an *attributed* disagreement, listed apart ([`NumberFindings::attributed`]);
//!   a source that names no one in particular ("authorities", "officials", `generic_source`
//!   in the data) is the same kind as any other official source;
//! - one figure is marked provisional ("so far", "as of 4 p.m.": `provisional` in the data)
//!   and is the lower: an *update* ([`NumberFindings::updates`]);
//! - the count is one that grows as news comes in (killed, injured, cases: `accumulate` in the
//!   data): the report published later (by a date the input or the article gives) with the
//!   higher figure updates the earlier; without both days (an inferred day is no evidence)
//!   which came later is unknown, and the pair is an update of unknown order, never a conflict.
//!   Only two reports of the same day (or a later, lower figure) conflict.
//!
//! Only figures of what happened are compared: counts whose word or context names an event
//! (killed, arrested, captured, votes: `accumulate` and `event` in the data). Sums of money are
//! read but not compared yet: on ECB+ most money pairs were different offers, revenues of
//! different companies or one sum in two currencies.
//! An article that states both values (a 32-bit and a 64-bit version) disagrees with no one.
//! A sentence listing [`MAX_NUMBERS_IN_SENTENCE`] or more numbers (a line of statistics) and an
//! age ("a 36-year-old") are not compared: too many different facts share their words.
//! Copies take part: a copy that changes a figure of its original disagrees with it.
//!
//! The words around numbers are data: `data/quantities.tsv`.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::LazyLock;

use parallax_doc::{Doc, Provenance, TokenKind};

use crate::text::{content_words, day_of, fold, for_each_content_word, stem};
use crate::timeline::{places_compatible, Conflict, SourceRef};

/// Share of the shorter sentence's content words the other must hold for two quantities to
/// state the same fact.
pub const SAME_STATEMENT: f32 = 0.6;

/// A sentence with fewer content words than this says too little to match another.
const MIN_STATEMENT_WORDS: usize = 5;

/// How many tokens either side of a number make its context.
pub const CONTEXT_TOKENS: usize = 8;

/// Two quantities state one fact only when their contexts share this many words (and each is
/// the other's best match in its article).
const MIN_SHARED_CONTEXT: usize = 2;

/// A sentence with this many numbers or more is a list of figures; its quantities are not
/// compared.
pub const MAX_NUMBERS_IN_SENTENCE: usize = 3;

/// Hedged values this close (relative difference) are compatible.
const HEDGE_TOLERANCE: f64 = 0.15;

/// The words of `data/quantities.tsv`.
struct Words {
    scales: BTreeMap<&'static str, f64>,
    hedges: BTreeMap<&'static str, Hedge>,
    skips: BTreeSet<&'static str>,
    accumulating: BTreeSet<&'static str>,
    provisional: Vec<String>,
    generic_sources: BTreeSet<&'static str>,
    events: BTreeSet<&'static str>,
    /// The accumulating and the event stems together: what [`event_family`] looks prefixes up in.
    families: foldhash::HashSet<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Words {
        scales: BTreeMap::new(),
        hedges: BTreeMap::new(),
        skips: BTreeSet::new(),
        accumulating: BTreeSet::new(),
        provisional: Vec::new(),
        generic_sources: BTreeSet::new(),
        events: BTreeSet::new(),
        families: foldhash::HashSet::default(),
    };
    for line in parallax_lexicon::entries(include_str!("../data/quantities.tsv")) {
        let mut fields = line.split('\t');
        match (fields.next(), fields.next(), fields.next()) {
            (Some("scale"), Some(word), Some(factor)) => {
                if let Ok(f) = factor.parse() {
                    words.scales.insert(word, f);
                }
            }
            (Some("hedge"), Some(word), Some(side)) => {
                let hedge = match side {
                    "below" => Hedge::AtMost,
                    "above" => Hedge::AtLeast,
                    _ => Hedge::About,
                };
                words.hedges.insert(word, hedge);
            }
            (Some("skip"), Some(word), None) => {
                words.skips.insert(word);
            }
            (Some("accumulate"), Some(word), None) => {
                words.accumulating.insert(word);
            }
            (Some("generic_source"), Some(word), None) => {
                words.generic_sources.insert(word);
            }
            (Some("provisional"), Some(phrase), None) => {
                words.provisional.push(format!(" {phrase} "));
            }
            (Some("event"), Some(word), None) => {
                words.events.insert(word);
            }
            _ => {}
        }
    }
    words.families = words.accumulating.iter().chain(&words.events).copied().collect();
    words
});

/// How a hedge bounds the value it stands before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// "about 350": close to it on either side.
    About,
    /// "nearly $80 million", "less than 25 km": at most the value.
    AtMost,
    /// "more than 300", "at least 12": at least the value.
    AtLeast,
}

/// One quantity read from a sentence.
#[derive(Debug, Clone)]
pub struct Quantity {
    /// Where it is stated.
    pub source: SourceRef,
    /// The value, scaled ("82 million" is 82,000,000).
    pub value: f64,
    /// True when money (`$`, `€`, `£` before the number).
    pub money: bool,
    /// Its hedge, when hedged ("about", "nearly", "more than").
    pub hedge: Option<Hedge>,
    /// The counted word as written, lower-cased ("soldiers", "yard" of "86-yard": a single
    /// play's length and a season's yards are different facts).
    pub counts: String,
    /// The number as written, with its scale and counted word ("$82 million contract").
    pub text: String,
    /// Content words within [`CONTEXT_TOKENS`] tokens of the number, in its sentence, without
    /// numbers and the counted word: what the figure is about.
    pub context: BTreeSet<String>,
    /// Who the article says gave the figure, when it stands in reported speech ("police said
    /// 12 were killed"): the speaker's entity name, else the words naming the speaker, folded.
    /// `None`: the outlet states it in its own voice.
    pub said_by: Option<String>,
    /// The event family of the event word nearest the number in its context ("killed" in "killed
    /// 12 soldiers", "injured" in "70 others were injured"): the happening it counts.
    pub frame: Option<String>,
    /// The people and bodies, and the places, its sentence names (entity names, the source of
    /// the figure left out): a figure of a named place or person may be a part of another's
    /// total, or another's fact.
    pub names: (BTreeSet<String>, BTreeSet<String>),
    /// True when its sentence marks the figure provisional ("so far", "as of 4 p.m.",
    /// "preliminary": `provisional` in the data): a higher figure elsewhere may complete it.
    pub provisional: bool,
}

/// The quantities stated in `doc`'s article `article`.
pub fn quantities(doc: &Doc, article: usize) -> Vec<Quantity> {
    quantities_where(doc, article, |_, _, _| true)
}

/// [`quantities`] whose counted word, context words and money flag pass `keep`: the rest of a
/// quantity (its speaker, frame, names, provisional flag, text) is read only for those.
fn quantities_where(doc: &Doc, article: usize, keep: impl Fn(&str, &BTreeSet<String>, bool) -> bool) -> Vec<Quantity> {
    let words = &*WORDS;
    let tokens = &doc.tokens;
    // which tokens lie in a time expression, marked once (not a scan of the times per number)
    let mut in_time = vec![false; tokens.len()];
    // a number opening a duration ("after 30 hours of deliberation") measures what happened: it
    // is read as a quantity counting its unit ("hours"); dates and clock times are not
    let mut opens_duration = vec![false; tokens.len()];
    for time in &doc.times {
        let first = doc.token_at_or_after(time.span.start);
        if time.kind == "duration" && tokens.get(first).is_some_and(|t| t.kind == TokenKind::Number) {
            opens_duration[first] = true;
        }
        for (k, tok) in tokens.iter().enumerate().skip(first) {
            if tok.span.start >= time.span.end {
                break;
            }
            in_time[k] = true;
        }
    }
    // who gave the figures of reported speech: the quote's speaker, by entity name, else words
    let speaker_of = |q: &parallax_doc::Quote| -> Option<String> {
        q.speaker_entity
            .and_then(|e| doc.entities.get(e))
            .map(|e| e.name.clone())
            .or_else(|| q.speaker_antecedent.or(q.speaker_span).map(|s| doc.slice(s).to_string()))
            .map(|name| fold(&name))
    };
    let lower = |i: usize| tokens.get(i).map(|t| doc.slice(t.span).to_lowercase());
    let mut numbers_in_sentence: BTreeMap<usize, usize> = BTreeMap::new();
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Number) {
        *numbers_in_sentence.entry(t.sentence).or_default() += 1;
    }
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Number
            || t.in_quote
            || (in_time.get(i).copied().unwrap_or(false) && !opens_duration.get(i).copied().unwrap_or(false))
        {
            continue;
        }
        if numbers_in_sentence.get(&t.sentence).copied().unwrap_or(0) >= MAX_NUMBERS_IN_SENTENCE {
            continue;
        }
        // an age ("a 36 - year - old", "36-year-old") belongs to a person, not to the event
        let is_age = |k: usize| {
            tokens.get(k..k + 3).is_some_and(|w| {
                doc.slice(w[0].span).starts_with("year") && doc.slice(w[1].span) == "-" && doc.slice(w[2].span) == "old"
            }) || tokens.get(k).is_some_and(|w| doc.slice(w.span).contains("-old"))
        };
        if is_age(i + 2) || is_age(i) || doc.slice(t.span).ends_with("-year-old") {
            continue;
        }
        // "86-yard" is one token: the number and the word it counts
        // "90%" may be one token too: a share, counted as "percent"
        let (digits, joined) = match doc.slice(t.span).split_once('-') {
            Some((n, w)) if w.chars().all(|c| c.is_ascii_alphabetic()) && !w.is_empty() => (n, Some(w)),
            Some(_) => continue,
            None => match doc.slice(t.span).strip_suffix('%') {
                Some(n) => (n, Some("percent")),
                None => (doc.slice(t.span), None),
            },
        };
        let Ok(mut value) = digits.replace(',', "").parse::<f64>() else { continue };
        let text_of = |k: usize| tokens.get(k).map(|x| doc.slice(x.span));
        // "4, 051" (a thousands separator spaced out): the second part is not a number of its own
        if i >= 2
            && text_of(i - 1) == Some(",")
            && tokens.get(i - 2).is_some_and(|x| x.kind == TokenKind::Number)
            && digits.len() == 3
        {
            continue;
        }
        if text_of(i + 1) == Some(",")
            && text_of(i + 2).is_some_and(|n| n.len() == 3 && n.bytes().all(|b| b.is_ascii_digit()))
        {
            let Ok(rest) = text_of(i + 2).unwrap_or_default().parse::<f64>() else { continue };
            value = value * 1000.0 + rest;
        }
        // a score or range ("20 - 13", "2009-2011"): no count of one thing
        let dash_number = |k: Option<usize>, l: Option<usize>| {
            k.and_then(text_of) == Some("-")
                && l.and_then(|l| tokens.get(l)).is_some_and(|x| x.kind == TokenKind::Number)
        };
        if dash_number(Some(i + 1), Some(i + 2)) || dash_number(i.checked_sub(1), i.checked_sub(2)) {
            continue;
        }
        let before = i.checked_sub(1).and_then(lower);
        let money = before.as_deref().is_some_and(|w| matches!(w, "$" | "€" | "£"));
        let hedge_at = if money { i.checked_sub(2) } else { i.checked_sub(1) };
        // "more than 80", "up to 80": the hedge is the word before "than" or "to"
        let hedge_at = match hedge_at.and_then(lower).as_deref() {
            Some("than" | "to") => hedge_at.and_then(|k| k.checked_sub(1)),
            _ => hedge_at,
        };
        let hedge = hedge_at.and_then(lower).and_then(|w| words.hedges.get(w.as_str()).copied());
        let mut next = i + 1;
        if joined.is_none() {
            if let Some(factor) = lower(next).and_then(|w| words.scales.get(w.as_str()).copied()) {
                value *= factor;
                next += 1;
            }
        }
        // what the number counts, and where its words end: the word joined to it ("86-yard"),
        // the currency of a sum of money, else the next word of the same sentence ("-" skipped)
        let (counts, end) = if let Some(word) = joined {
            (word.to_lowercase(), t.span.end)
        } else if money {
            (before.clone().unwrap_or_default(), tokens.get(next - 1).map_or(t.span.end, |m| m.span.end))
        } else {
            if tokens.get(next).is_some_and(|n| doc.slice(n.span) == "-") {
                next += 1;
            }
            // a share: "90 %", "50 per cent" count percent
            let percent = match text_of(next) {
                Some("%") => Some(next),
                Some(w)
                    if w.eq_ignore_ascii_case("per")
                        && text_of(next + 1).is_some_and(|c| c.eq_ignore_ascii_case("cent")) =>
                {
                    Some(next + 1)
                }
                _ => None,
            };
            if let Some(last) = percent {
                let end = tokens.get(last).map_or(t.span.end, |x| x.span.end);
                ("percent".to_string(), end)
            } else {
                let Some(counted) = tokens.get(next).filter(|n| n.kind == TokenKind::Word && n.sentence == t.sentence)
                else {
                    continue;
                };
                (doc.slice(counted.span).to_lowercase(), counted.span.end)
            }
        };
        if !money && (words.skips.contains(counts.as_str()) || counts.len() < 2) {
            continue;
        }
        let start = if money { tokens.get(i - 1).map_or(t.span.start, |m| m.span.start) } else { t.span.start };
        // the value as a reader must see it: with its hedge ("almost 90%", "more than 80")
        let start = match hedge.and(hedge_at).and_then(|k| tokens.get(k)) {
            Some(h) if h.span.start < start => h.span.start,
            _ => start,
        };
        let context_word = if money { String::new() } else { stem(&counts) };
        let context = context(doc, i, &context_word);
        if !keep(&counts, &context, money) {
            continue;
        }
        let quote = doc.quotes.iter().find(|q| q.span.start <= t.span.start && t.span.end <= q.span.end);
        let said_by = quote.and_then(speaker_of);
        let speaker_words = quote.and_then(|q| q.speaker_span);
        out.push(Quantity {
            source: (article, t.sentence),
            value,
            money,
            hedge,
            said_by,
            provisional: provisional(doc, t.sentence),
            frame: frame(doc, i),
            names: sentence_names(doc, t.sentence, speaker_words),
            context,
            counts,
            text: doc.text.get(start..end).unwrap_or_default().to_string(),
        });
    }
    out
}

/// The event family of the event word nearest token `at` within [`CONTEXT_TOKENS`] tokens of
/// its sentence, not past another number (the nearer side first when tied: before).
fn frame(doc: &Doc, at: usize) -> Option<String> {
    let sentence = doc.tokens.get(at)?.sentence;
    let family = |k: usize| {
        let t = doc.tokens.get(k).filter(|t| t.sentence == sentence && t.kind == TokenKind::Word)?;
        // the first content word of the token with a family (no word list is built)
        let mut found = None;
        for_each_content_word(doc.slice(t.span), |w| {
            if found.is_none() {
                found = event_family(w);
            }
        });
        found
    };
    let number = |k: usize| doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Number);
    let (mut before_open, mut after_open) = (true, true);
    for d in 1..=CONTEXT_TOKENS {
        if before_open {
            match at.checked_sub(d) {
                Some(k) if !number(k) && doc.tokens.get(k).is_some_and(|t| t.sentence == sentence) => {
                    if let Some(f) = family(k) {
                        return Some(f);
                    }
                }
                _ => before_open = false,
            }
        }
        if after_open {
            let k = at + d;
            if !number(k) && doc.tokens.get(k).is_some_and(|t| t.sentence == sentence) {
                if let Some(f) = family(k) {
                    return Some(f);
                }
            } else {
                after_open = false;
            }
        }
    }
    None
}

/// The names of the people and bodies, and of the places, that sentence `sentence` of `doc`
/// mentions, leaving out the words naming the speaker who gives the figure (`speaker`): the
/// source is no part of the fact.
fn sentence_names(
    doc: &Doc,
    sentence: usize,
    speaker: Option<parallax_doc::Span>,
) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut people = BTreeSet::new();
    let mut places = BTreeSet::new();
    let Some(span) = doc.sentences.get(sentence).map(|s| s.span) else { return (people, places) };
    let by_speaker =
        |m: &parallax_doc::Mention| speaker.is_some_and(|s| m.span.start >= s.start && m.span.end <= s.end);
    for m in doc.mentions.iter().filter(|m| m.span.start >= span.start && m.span.end <= span.end && !by_speaker(m)) {
        let Some(e) = doc.entities.get(m.entity) else { continue };
        match e.kind {
            parallax_doc::EntityKind::Person | parallax_doc::EntityKind::Organization => people.insert(e.name.clone()),
            parallax_doc::EntityKind::Location => places.insert(e.name.clone()),
            _ => false,
        };
    }
    (people, places)
}

/// True when a speaker's words name no particular source ("authorities", "the officials",
/// "reports"): its last word is a `generic_source` of the data.
fn generic_source(speaker: &str) -> bool {
    speaker
        .split(|c: char| !c.is_ascii_alphanumeric())
        .rfind(|w| !w.is_empty())
        .is_some_and(|w| WORDS.generic_sources.contains(w))
}

/// True when sentence `sentence` of `doc` holds a `provisional` phrase of the data.
fn provisional(doc: &Doc, sentence: usize) -> bool {
    let Some(s) = doc.sentences.get(sentence) else { return false };
    let words: Vec<String> = fold(doc.slice(s.span))
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let padded = format!(" {} ", words.join(" "));
    WORDS.provisional.iter().any(|p| padded.contains(p.as_str()))
}

/// The content words of the tokens around token `at` in its sentence, without numbers and
/// the counted word.
fn context(doc: &Doc, at: usize, counted: &str) -> BTreeSet<String> {
    let sentence = doc.tokens.get(at).map(|t| t.sentence);
    let from = at.saturating_sub(CONTEXT_TOKENS);
    let to = (at + CONTEXT_TOKENS + 1).min(doc.tokens.len());
    doc.tokens
        .get(from..to)
        .unwrap_or_default()
        .iter()
        .filter(|t| Some(t.sentence) == sentence && t.kind == TokenKind::Word)
        .flat_map(|t| content_words(doc.slice(t.span)))
        .filter(|w| w != counted && !w.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// A sentence's content words without numbers: what it says besides its figures.
fn statement(doc: &Doc, sentence: usize) -> BTreeSet<String> {
    doc.sentences
        .get(sentence)
        .map(|s| {
            content_words(doc.slice(s.span)).into_iter().filter(|w| !w.chars().all(|c| c.is_ascii_digit())).collect()
        })
        .unwrap_or_default()
}

/// The event family of a stem: the shortest event or growing-count stem of the data that begins
/// it ("deliberat" and "deliber" are one family, "killed" is "kill"); `None` for other words.
fn event_family(word: &str) -> Option<String> {
    let families = &WORDS.families;
    (3..=word.len()).filter_map(|n| word.get(..n)).find(|prefix| families.contains(prefix)).map(str::to_string)
}

/// True when two statements say the same thing: the shorter shares [`SAME_STATEMENT`] of its
/// words with the other.
fn same_statement(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    let shorter = a.len().min(b.len());
    shorter >= MIN_STATEMENT_WORDS && a.intersection(b).count() as f32 >= SAME_STATEMENT * shorter as f32
}

/// True when two values disagree: different, and not compatible with a hedge ("about 350"
/// and 352 agree; "nearly $80 million" and "$82 million" do not; "more than 300" and 320 agree).
fn values_differ(a: &Quantity, b: &Quantity) -> bool {
    if a.value == b.value {
        return false;
    }
    let close = (a.value - b.value).abs() / a.value.abs().max(b.value.abs()) <= HEDGE_TOLERANCE;
    // does `q`'s hedge admit `other`'s value?
    let admits = |q: &Quantity, other: &Quantity| match q.hedge {
        Some(Hedge::About) => close,
        Some(Hedge::AtMost) => other.value <= q.value,
        Some(Hedge::AtLeast) => other.value >= q.value,
        None => false,
    };
    !(admits(a, b) || admits(b, a))
}

/// The number conflicts among the story's articles `articles`, copies included: a copy that
/// changes a figure disagrees with its original (an identical copy states the same values and
/// adds nothing).
pub fn number_conflicts(docs: &[Doc], articles: &[usize]) -> Vec<Conflict> {
    number_findings(docs, articles).conflicts
}

/// What the number check finds among a story's articles: conflicts between outlets, figures
/// that later reports update, and figures the articles give to different sources.
#[derive(Debug, Clone, Default)]
pub struct NumberFindings {
    /// One fact, different values, stated by the outlets themselves (or by the same source).
    pub conflicts: Vec<Conflict>,
    /// One fact whose figure a later report (or a complete count after a provisional one)
    /// replaces: the earlier claim first when the order is known, else the lower first.
    pub updates: Vec<Conflict>,
    /// One fact whose different values the articles attribute to different sources ("police
    /// said 5", "organisers said 20"): the sources disagree, not the outlets.
    pub attributed: Vec<Conflict>,
}

/// The number conflicts, updates and attributed disagreements among the story's articles
/// `articles` (see [`number_conflicts`]).
pub fn number_findings(docs: &[Doc], articles: &[usize]) -> NumberFindings {
    // only what happened is compared: a count of the killed, the arrested, the votes (a
    // distance, a player's statistics, a list of seized items is background; sums of money are
    // not compared yet: offers from several bidders and currency conversions look alike)
    let about_event = |counts: &str, context: &BTreeSet<String>, money: bool| {
        let words = &*WORDS;
        let stem_of = stem(counts);
        let event_word = |w: &str| words.accumulating.contains(w) || words.events.contains(w);
        !money && (event_word(&stem_of) || context.iter().any(|w| event_word(w)))
    };
    let mut all: Vec<(Quantity, BTreeSet<String>)> = Vec::new();
    for &d in articles {
        for q in quantities_where(&docs[d], d, about_event) {
            let words = statement(&docs[d], q.source.1);
            all.push((q, words));
        }
    }
    // the day an article was published, when the input or the article says so (an inferred day
    // is no evidence of which report came later)
    let published = |d: usize| {
        let meta = &docs[d].meta;
        meta.published.as_deref().filter(|_| meta.published_from != Provenance::Inferred).map(day_of)
    };
    let accumulating = |q: &Quantity| {
        let words = &*WORDS;
        words.accumulating.contains(stem(&q.counts).as_str())
            || q.context.iter().any(|w| words.accumulating.contains(w.as_str()))
    };
    // pairs of the same fact with different values, joined into groups (union-find)
    let mut parent: Vec<usize> = (0..all.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    // how many figures of an article share a frame (counted word and nearest event word): one
    // fact is matched by its frame only when each article states one figure of it (an article
    // with 12 hours and 40 hours of deliberation leaves open which one another article's
    // figure is about)
    let mut frames: BTreeMap<(usize, &str, &str), usize> = BTreeMap::new();
    for (q, _) in &all {
        if let Some(f) = &q.frame {
            *frames.entry((q.source.0, q.counts.as_str(), f.as_str())).or_default() += 1;
        }
    }
    let lone = |q: &Quantity, f: &str| frames.get(&(q.source.0, q.counts.as_str(), f)) == Some(&1);
    // the sentences name the same people or bodies (when both name some) and the same places: a
    // figure of one town, or of another person, may be a part of a total or another fact
    let names_agree = |a: &Quantity, b: &Quantity| {
        let ((pa, la), (pb, lb)) = (&a.names, &b.names);
        let people = pa.is_empty() || pb.is_empty() || pa.intersection(pb).next().is_some();
        let places = la.len() == lb.len() && la.iter().all(|x| lb.iter().any(|y| places_compatible(x, y)));
        people && places
    };
    // how well two quantities of different articles match as one fact (None: not at all):
    // shared context words, then the share of statement words. Either the sentences say the
    // same thing ([`same_statement`]) and the contexts share [`MIN_SHARED_CONTEXT`] words, or
    // the figures share a frame (same counted word, same nearest event word) that each article
    // states once, in sentences naming the same people and places.
    let matching = |i: usize, j: usize| -> Option<(usize, u32)> {
        let ((qa, wa), (qb, wb)) = (&all[i], &all[j]);
        if qa.source.0 == qb.source.0 {
            return None;
        }
        let shared = qa.context.intersection(&qb.context).count();
        let overlap = wa.intersection(wb).count() as f32 / wa.len().min(wb.len()).max(1) as f32;
        let statement = same_statement(wa, wb) && shared >= MIN_SHARED_CONTEXT;
        let frame = match (&qa.frame, &qb.frame) {
            (Some(fa), Some(fb)) => {
                fa == fb
                    && event_family(&stem(&qa.counts)).as_ref() != Some(fa)
                    && lone(qa, fa)
                    && lone(qb, fb)
                    && names_agree(qa, qb)
            }
            _ => false,
        };
        (statement || frame).then_some((shared, (overlap * 1000.0) as u32))
    };
    // only quantities counting the same word can state one fact
    let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (q, _)) in all.iter().enumerate() {
        by_word.entry(q.counts.as_str()).or_default().push(i);
    }
    // each quantity's best match in each other article
    let mut best: BTreeMap<(usize, usize), (usize, u32, usize)> = BTreeMap::new();
    for group in by_word.values() {
        for &i in group {
            for &j in group {
                if let Some((shared, overlap)) = matching(i, j) {
                    let key = (i, all[j].0.source.0);
                    if best.get(&key).is_none_or(|&(s, o, _)| (shared, overlap) > (s, o)) {
                        best.insert(key, (shared, overlap, j));
                    }
                }
            }
        }
    }
    // (article, counted word, value) of every quantity: an article that also states the other's
    // value for the same word does not deny it (a 32-bit and a 64-bit version; a day's haul
    // and the season's total)
    let stated: HashSet<(usize, &str, u64)> =
        all.iter().map(|(q, _)| (q.source.0, q.counts.as_str(), q.value.to_bits())).collect();
    let states = |article: usize, q: &Quantity| stated.contains(&(article, q.counts.as_str(), q.value.to_bits()));
    let mut in_conflict = vec![false; all.len()];
    let mut updates = Vec::new();
    let mut attributed = Vec::new();
    let claim = |k: usize| (all[k].0.text.clone(), all[k].0.source);
    for (&(i, db), &(_, _, j)) in &best {
        let ((a, _), (b, _)) = (&all[i], &all[j]);
        let da = a.source.0;
        // one fact: each is the other's best match in its article (each pair taken once)
        if i > j || best.get(&(j, da)).map(|&(_, _, k)| k) != Some(i) {
            continue;
        }
        if states(da, b) || states(db, a) || !values_differ(a, b) {
            continue;
        }
        let about = format!("number of {}", a.counts);
        // figures the articles give to different sources ("police said 5", "organisers said
        // 20") are the sources' disagreement, not the outlets'
        // ("authorities", "officials" name no particular source: the same kind as any official
        // body, so their figure against another official's is still a conflict)
        if let (Some(x), Some(y)) = (&a.said_by, &b.said_by) {
            if x != y && !generic_source(x) && !generic_source(y) {
                let claims = vec![
                    (format!("{} (according to {x})", a.text), a.source),
                    (format!("{} (according to {y})", b.text), b.source),
                ];
                attributed.push(Conflict { about, claims });
                continue;
            }
        }
        // a provisional figure ("so far", "as of 4 p.m.") that a higher one completes
        let provisional_lower = (a.provisional && a.value < b.value) || (b.provisional && b.value < a.value);
        if provisional_lower {
            let (earlier, later) = if a.value < b.value { (i, j) } else { (j, i) };
            updates.push(Conflict { about, claims: vec![claim(earlier), claim(later)] });
            continue;
        }
        // a growing count (a death toll): the later report's higher figure updates the
        // earlier one; without both publication days, which came later is unknown, and a
        // higher figure may be the later one: an update as far as anyone can tell, never a
        // conflict
        if accumulating(a) && accumulating(b) {
            match (published(da), published(db)) {
                (Some(x), Some(y)) if x == y => {}
                (Some(x), Some(y)) => {
                    let (earlier, later) = if x < y { (i, j) } else { (j, i) };
                    if all[later].0.value > all[earlier].0.value {
                        updates.push(Conflict { about, claims: vec![claim(earlier), claim(later)] });
                        continue;
                    }
                }
                _ => {
                    let (lower, higher) = if a.value < b.value { (i, j) } else { (j, i) };
                    updates.push(Conflict {
                        about: format!("{about} (update or disagreement: which report came later is unknown)"),
                        claims: vec![claim(lower), claim(higher)],
                    });
                    continue;
                }
            }
        }
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        parent[ri.max(rj)] = ri.min(rj);
        in_conflict[i] = true;
        in_conflict[j] = true;
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, _) in in_conflict.iter().enumerate().filter(|(_, &c)| c) {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let conflicts = groups
        .into_values()
        .map(|members| {
            let first = &all[members[0]].0;
            let about = format!("number of {}", first.counts);
            let claims = members.iter().map(|&m| claim(m)).collect();
            Conflict { about, claims }
        })
        .collect();
    NumberFindings { conflicts, updates, attributed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(source: &str, text: &str) -> Doc {
        let mut doc = Doc::new(source, text.into());
        parallax_analyze::analyze(&mut doc);
        doc
    }

    fn conflicts(texts: &[&str]) -> Vec<Conflict> {
        let docs: Vec<Doc> = texts.iter().enumerate().map(|(i, t)| article(&format!("a{i}"), t)).collect();
        let members: Vec<usize> = (0..docs.len()).collect();
        number_conflicts(&docs, &members)
    }

    /// What the number check finds among articles published on the days given.
    fn findings(texts: &[(&str, Option<&str>)]) -> NumberFindings {
        let docs: Vec<Doc> = texts
            .iter()
            .enumerate()
            .map(|(i, (t, day))| {
                let mut doc = Doc::new(format!("a{i}"), (*t).into());
                doc.meta.published = day.map(str::to_string);
                if day.is_some() {
                    doc.meta.published_from = Provenance::Given;
                }
                parallax_analyze::analyze(&mut doc);
                doc
            })
            .collect();
        let members: Vec<usize> = (0..docs.len()).collect();
        number_findings(&docs, &members)
    }

    #[test]
    fn one_fact_with_two_values_is_a_conflict() {
        // a growing count (killed) reported the same day
        let found = findings(&[
            (
                "Rebels killed 12 soldiers in an attack on the northern town of Kalo on Monday, officials said.",
                Some("2024-05-06"),
            ),
            (
                "The army said rebels had killed 15 soldiers in Monday's attack on the northern town of Kalo.",
                Some("2024-05-06"),
            ),
        ])
        .conflicts;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].about, "number of soldiers");
        assert_eq!(found[0].claims.len(), 2);
        // a hedge that excludes the other value: "nearly 80" is at most 80
        // (the same day; "a spokesman" names no source apart from the police)
        let day = Some("2024-05-11");
        let found = findings(&[
            ("Police said they arrested nearly 80 protesters after the march through the city centre on Friday.", day),
            ("Police arrested 95 protesters after Friday's march through the city centre, a spokesman said.", day),
        ]);
        assert_eq!(found.conflicts.len(), 1, "{found:?}");
        // "more than 80" admits 95
        let found = findings(&[
            (
                "Police said they arrested more than 80 protesters after the march through the city centre on Friday.",
                day,
            ),
            ("Police arrested 95 protesters after Friday's march through the city centre, a spokesman said.", day),
        ]);
        assert!(found.conflicts.is_empty() && found.updates.is_empty() && found.attributed.is_empty(), "{found:?}");
    }

    #[test]
    fn figures_that_are_not_about_the_event_are_not_compared() {
        // two bidders' offers
        assert!(conflicts(&[
            "The Orioles have offered the first baseman a seven-year deal worth $140 million, reports said.",
            "The Nationals have offered the first baseman an eight-year deal worth $160 million, reports said.",
        ])
        .is_empty());
        // a distance differs between reports without a disagreement about what happened
        assert!(conflicts(&[
            "The quake struck about 75 kilometers west of the main city early on Sunday morning.",
            "The quake struck 135 kilometers west of the main city early on Sunday morning.",
        ])
        .is_empty());
    }

    #[test]
    fn different_facts_hedged_values_and_quotes_are_not() {
        // different statements that share a counted word
        assert!(conflicts(&[
            "The rebels killed 12 soldiers in an attack on the northern town of Kalo on Monday.",
            "The army said 40 soldiers had been deployed to guard the southern border crossing.",
        ])
        .is_empty());
        // a hedged value close to the exact one
        assert!(conflicts(&[
            "About 350 people were sheltering in the school when the shells hit the building.",
            "Some 352 people were sheltering in the school when the shells hit the building.",
        ])
        .is_empty());
        // a figure inside a quotation is its speaker's
        assert!(conflicts(&[
            "\"We counted 350 people sheltering in the school when the shells hit,\" Ging said.",
            "\"We counted 1,000 people sheltering in the school when the shells hit,\" Gunness said.",
        ])
        .is_empty());
    }

    #[test]
    fn a_growing_count_without_dates_is_an_update_of_unknown_order() {
        let found = findings(&[
            ("Rebels killed 12 soldiers in an attack on the northern town of Kalo on Monday, officials said.", None),
            ("The army said rebels had killed 15 soldiers in Monday's attack on the northern town of Kalo.", None),
        ]);
        assert!(found.conflicts.is_empty(), "{found:?}");
        assert_eq!(found.updates.len(), 1, "{found:?}");
        assert!(found.updates[0].about.contains("unknown"), "{found:?}");
        // the lower figure first
        assert_eq!(found.updates[0].claims[0].0, "12 soldiers");
    }

    #[test]
    fn a_duration_of_what_happened_is_compared_by_its_frame() {
        // the sentences share few words, but both give the hours of one deliberation
        let found = conflicts(&[
            "Jurors deliberated for 12 hours over two days before they reached a verdict in the fraud case.",
            "The panel returned its verdict on Friday after 20 hours of deliberation.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].about, "number of hours");
        // an article giving two figures of the frame leaves open which one the other denies
        assert!(conflicts(&[
            "Jurors deliberated for 12 hours over two days before they reached a verdict in the fraud case.",
            "The panel returned its verdict on Friday after 20 hours of deliberation. A first jury had deliberated for 30 hours in March before it was dismissed.",
        ])
        .is_empty());
        // a length of time that is no measure of what happened is not compared
        assert!(conflicts(&[
            "The minister will visit the region for 3 days next month, her office said.",
            "The minister is expected to spend 5 days in the region, officials said.",
        ])
        .is_empty());
    }

    #[test]
    fn a_frame_needs_the_same_people_and_places() {
        // a town's count is a part of the quake's total
        assert!(conflicts(&[
            "Ten people were hurt and 12 houses were damaged in Takala, the capital of the district.",
            "Around 40 houses were damaged by the quake, including some that were flattened.",
        ])
        .is_empty());
        // the nearest event word is what the figure counts: the trapped are not the injured
        assert!(conflicts(&[
            "The quake killed six children and left 14 others trapped when a school collapsed.",
            "The landslide killed two people and 70 others were injured in the villages.",
        ])
        .is_empty());
    }

    #[test]
    fn figures_of_different_sources_are_attributed_not_conflicting() {
        let found = findings(&[
            ("Police said a crowd of 5,000 people gathered in the main square on Saturday.", None),
            ("Organisers said a crowd of 20,000 people gathered in the main square on Saturday.", None),
        ]);
        assert!(found.conflicts.is_empty(), "{found:?}");
        assert_eq!(found.attributed.len(), 1, "{found:?}");
        assert!(found.attributed[0].claims[0].0.contains("according to police"), "{found:?}");
        // "authorities" name no particular source: against the commission's figure, a conflict
        let found = findings(&[
            ("Authorities said turnout in the election reached 68 percent on Sunday.", None),
            ("The Central Election Commission said turnout in the election was more than 72%.", None),
        ]);
        assert_eq!(found.conflicts.len(), 1, "{found:?}");
        assert!(found.attributed.is_empty(), "{found:?}");
        // a hedged value keeps its hedge
        let values: Vec<&str> = found.conflicts[0].claims.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(values, ["68 percent", "more than 72%"]);
    }

    #[test]
    fn a_provisional_figure_is_updated_by_a_higher_one() {
        let found = findings(&[
            ("Turnout in the election was 61 percent as of 4 p.m., the commission said.", None),
            ("Turnout in the election reached 68 percent, the commission said on Monday.", None),
        ]);
        assert!(found.conflicts.is_empty(), "{found:?}");
        assert_eq!(found.updates.len(), 1, "{found:?}");
        assert_eq!(found.updates[0].claims[0].0, "61 percent");
    }

    #[test]
    fn a_later_figure_is_an_update_not_a_conflict() {
        let mut a = article("a", "The earthquake killed 12 people in the mountain villages south of the capital.");
        let mut b = article("b", "The earthquake killed 40 people in the mountain villages south of the capital.");
        a.meta.published = Some("2024-03-01".into());
        b.meta.published = Some("2024-03-03".into());
        let docs = vec![a, b];
        assert!(number_conflicts(&docs, &[0, 1]).is_empty());
    }
}
