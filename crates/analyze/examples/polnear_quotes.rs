//! Measures the quotes stage against PolNeAR (dev split), over the full per-article pipeline
//! (segment, entities, times, quotes, events), so speakers resolve as in production.
//!
//! ```text
//! cargo run --release -p parallax-analyze --example polnear_quotes [PATH]
//! VERBOSE=1 cargo run --release -p parallax-analyze --example polnear_quotes   # misses and extras on stderr
//! VERBOSE=1 IHIT=1 cargo run ...   # also the reported speech found (IHIT), for recall by cue
//! GOLD_CUES=old_cues.txt cargo run ...   # gold reported speech from another lexicon (fixed gold)
//! ```
//!
//! PATH defaults to `../shared/data/polnear/polnear_dev.jsonl` (relative to the workspace). One
//! annotator file per text is used. PolNeAR has no entity layer, so speakers are scored by span.
//! Two quotes *match* as the seed scorer matches them: the shared words are >= 80% of the gold
//! words and >= half of the system's words.
//!
//! * **(a) quoted**: *segment*: each quoted segment inside a gold content span (the words between
//!   a pair of quotation marks) against system quotes of kind direct or partial; *content*: a gold
//!   content with quotation marks is found when the system quotes overlapping it cover >= 80% of its
//!   quoted words; a system quote is right when >= 80% of its words lie inside quoted segments.
//! * **(a') direct-like**: PolNeAR does not tell direct quotes from partial ones, so gold
//!   segments that read as whole statements (a capital first letter, four words or more) stand
//!   in for direct quotes; recall of those by system quotes of kind direct, and precision of
//!   direct quotes against any quoted segment.
//! * **(b) reported speech**: gold = attributions without quotation marks whose cue holds a speech
//!   cue of `data/speech_cues.txt` (PolNeAR also marks beliefs, findings, polls); recall of those
//!   contents by our indirect quotes; precision of our indirect quotes against those contents, and
//!   against any attribution content (PolNeAR's whole layer).
//! * **all kinds, seed-scorer rules**: the units the seed gold would hold (each quoted segment,
//!   and each speech-cue content without quotation marks), each matched by its best single quote
//!   at 80% of its words (and half of the quote's); an unmatched quote that repeats part of a unit
//!   is not counted, as in `eval/score.py`.
//! * **(c) speaker**: for matched quotes, how often our speaker span overlaps the gold source span,
//!   by kind (direct / partial from (a) segments, indirect from (b)); "span or entity" also counts
//!   a speaker whose entity has a mention inside the gold source (a pronoun or role resolved to the
//!   named source), and "unresolved he/she" counts pronoun speakers without an entity.
//! * **all kinds**: gold = every speech-cue content plus every content with quotation marks; a gold
//!   content is found by a system quote matching it, or (with quotation marks) by the content
//!   criterion of (a); a system quote is right when it matches a gold content or a quoted segment.
//! * **(d) speaker as a reader names it**: for matched quotes with a gold source, the speaker the
//!   user gets (`quotes::named_speaker`, as in the JSON's `speaker`) against the gold source named
//!   as a reader would: a *person* or *organization* when the source is a name (a person or
//!   organisation mention of the entity layer opens or closes it, no preposition before it), a
//!   *pronoun*, else a *description*. A name is right when the speaker's entity has a mention in
//!   the source or its name holds the source name's last word; a description when the speaker's
//!   words overlap the source and name someone (the description, or the entity it resolves to);
//!   a pronoun when the speaker names its antecedent, taken as the nearest gold source before it
//!   that is not a pronoun (the speaker's name holds that source's last word, or its entity has a
//!   mention there). No speaker, or a bare pronoun, is wrong. Reported overall, by gold kind, by
//!   quote kind, and on the two halves of the texts (A: even positions, B: odd); `READER=1`
//!   prints the errors of half A only, so B stays unread.
//! * **time**: the quote stage's share of the pipeline's time.

#[path = "../tests/common/mod.rs"]
mod common;

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use parallax_analyze::{entities, events, quotes, segment, times};
use parallax_doc::{Doc, Quote, QuoteKind, Span, Stage};

/// A tiny JSON value, enough for the PolNeAR JSONL.
#[derive(Debug, Clone)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

impl Json {
    fn get(&self, key: &str) -> &Json {
        static NULL: Json = Json::Null;
        match self {
            Json::Obj(m) => m.get(key).unwrap_or(&NULL),
            _ => &NULL,
        }
    }
    fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            _ => "",
        }
    }
    fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(a) => a,
            _ => &[],
        }
    }
    fn num(&self) -> usize {
        match self {
            Json::Num(n) => *n as usize,
            _ => 0,
        }
    }
    fn truthy(&self) -> bool {
        matches!(self, Json::Bool(true))
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn value(&mut self) -> Option<Json> {
        self.ws();
        match *self.s.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut m = BTreeMap::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        return Some(Json::Obj(m));
                    }
                    let Json::Str(k) = self.value()? else {
                        return None;
                    };
                    self.ws();
                    self.i += 1; // ':'
                    let v = self.value()?;
                    m.insert(k, v);
                    self.ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Some(Json::Arr(a));
                    }
                    a.push(self.value()?);
                    self.ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
            }
            b'"' => {
                self.i += 1;
                let mut out = String::new();
                loop {
                    let c = *self.s.get(self.i)?;
                    self.i += 1;
                    match c {
                        b'"' => return Some(Json::Str(out)),
                        b'\\' => {
                            let e = *self.s.get(self.i)?;
                            self.i += 1;
                            match e {
                                b'n' => out.push('\n'),
                                b't' => out.push('\t'),
                                b'r' => out.push('\r'),
                                b'b' => out.push('\u{8}'),
                                b'f' => out.push('\u{c}'),
                                b'u' => {
                                    let mut cp = self.hex4()?;
                                    if (0xD800..0xDC00).contains(&cp) && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                                    {
                                        self.i += 2;
                                        let lo = self.hex4()?;
                                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                                    }
                                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                                }
                                other => out.push(other as char),
                            }
                        }
                        _ => {
                            // copy one UTF-8 sequence
                            let start = self.i - 1;
                            let mut end = self.i;
                            while end < self.s.len() && (self.s[end] & 0xC0) == 0x80 {
                                end += 1;
                            }
                            out.push_str(std::str::from_utf8(&self.s[start..end]).ok()?);
                            self.i = end;
                        }
                    }
                }
            }
            b't' => {
                self.i += 4;
                Some(Json::Bool(true))
            }
            b'f' => {
                self.i += 5;
                Some(Json::Bool(false))
            }
            b'n' => {
                self.i += 4;
                Some(Json::Null)
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len() && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    self.i += 1;
                }
                std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok().map(Json::Num)
            }
        }
    }
    fn hex4(&mut self) -> Option<u32> {
        let h = std::str::from_utf8(self.s.get(self.i..self.i + 4)?).ok()?;
        self.i += 4;
        u32::from_str_radix(h, 16).ok()
    }
}

/// Byte offset of each char offset (plus one past the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Word spans (runs of alphanumerics and inner apostrophes) of `text`.
fn word_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    let mut prev_alnum = false;
    while let Some((i, c)) = chars.next() {
        // an apostrophe is part of a word only inside it ("don't"), so ''Quoted'' marks are not
        let next_alnum = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let w = c.is_alphanumeric() || ((c == '\'' || c == '’') && prev_alnum && next_alnum);
        prev_alnum = c.is_alphanumeric();
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// The quoted segments (between paired double marks, else single curly marks) inside `span`.
fn quoted_segments(text: &str, span: Span) -> Vec<Span> {
    let piece = &text[span.start..span.end];
    let mut out = Vec::new();
    if piece.contains("''") {
        let marks: Vec<usize> = piece.match_indices("''").map(|(i, _)| i).collect();
        for pair in marks.chunks(2) {
            let end = pair.get(1).map_or(span.end, |&e| span.start + e);
            out.push(Span::new(span.start + pair[0] + 2, end));
        }
        return out;
    }
    for (open, close) in [(&['“', '"'][..], &['”', '"'][..]), (&['‘'][..], &['’'][..])] {
        let mut at: Option<usize> = None;
        for (i, c) in piece.char_indices() {
            match at {
                None if open.contains(&c) => at = Some(i + c.len_utf8()),
                Some(s)
                    if close.contains(&c)
                        && !(c == '’' && piece[i + c.len_utf8()..].starts_with(char::is_alphanumeric)) =>
                {
                    out.push(Span::new(span.start + s, span.start + i));
                    at = None;
                }
                _ => {}
            }
        }
        if let Some(s) = at {
            out.push(Span::new(span.start + s, span.end));
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

fn words_in(words: &[Span], span: Span) -> Vec<Span> {
    let a = words.partition_point(|w| w.start < span.start);
    words[a..].iter().take_while(|w| w.end <= span.end).copied().collect()
}

fn lower_words(text: &str, ws: &[Span]) -> Vec<String> {
    ws.iter().map(|w| text[w.start..w.end].to_lowercase().replace('’', "'")).collect()
}

/// The speech cues of `data/speech_cues.txt` (or of the file named by `GOLD_CUES`, to score two
/// lexicons against the same gold), as word sequences.
fn speech_cues() -> Vec<Vec<String>> {
    let text = match std::env::var("GOLD_CUES") {
        Ok(path) => std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}")),
        Err(_) => include_str!("../data/speech_cues.txt").to_string(),
    };
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(|p| p.split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect())
        .collect()
}

/// Whether the gold cue text holds a speech cue of the lexicon.
fn is_speech_cue(cue: &str, lex: &[Vec<String>]) -> bool {
    let words: Vec<String> = cue
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    lex.iter().any(|p| !p.is_empty() && words.windows(p.len()).any(|w| w == &p[..]))
}

/// One gold attribution.
struct Gold {
    /// Words of the whole content.
    words: Vec<String>,
    /// The quoted segments inside the content.
    segs: Vec<Span>,
    source: Vec<Span>,
    /// From the first to the last of source, cue and content.
    whole: Span,
    quoted: bool,
    speech: bool,
    /// The cue's text.
    cue: String,
}

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    sys: usize,
    sys_ok: usize,
}

impl Tally {
    fn line(&self, name: &str) -> String {
        let p = pct(self.sys_ok, self.sys);
        let r = pct(self.found, self.gold);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!(
            "{name}: precision {p:.1}% ({}/{})  recall {r:.1}% ({}/{})  F1 {f:.1}",
            self.sys_ok, self.sys, self.found, self.gold
        )
    }
}

#[derive(Default)]
struct SpeakerTally {
    n: usize,
    ok: usize,
    none: usize,
    /// Right by span, or by entity: our speaker's entity is that of a mention inside the gold source.
    ok_entity: usize,
    /// Pronoun speakers ("he", "she") the entity layer left unresolved.
    bare_pronoun: usize,
}

impl SpeakerTally {
    fn add(&mut self, doc: &Doc, q: &Quote, source: &[Span]) {
        if source.is_empty() {
            return;
        }
        self.n += 1;
        let by_entity = q
            .speaker_entity
            .is_some_and(|e| doc.mentions.iter().any(|m| m.entity == e && source.iter().any(|s| s.overlaps(m.span))));
        match q.speaker_span {
            Some(sp) if source.iter().any(|s| s.overlaps(sp)) => {
                self.ok += 1;
                self.ok_entity += 1;
            }
            Some(_) if by_entity => self.ok_entity += 1,
            Some(_) => {}
            None => self.none += 1,
        }
        if q.speaker_entity.is_none()
            && q.speaker_span.is_some_and(|sp| matches!(doc.slice(sp).to_lowercase().as_str(), "he" | "she"))
        {
            self.bare_pronoun += 1;
        }
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name} {:.1}% ({}/{}, {} without speaker; span or entity {:.1}%, {} unresolved he/she)",
            pct(self.ok, self.n),
            self.ok,
            self.n,
            self.none,
            pct(self.ok_entity, self.n),
            self.bare_pronoun
        )
    }
}

/// The gold source's kind, as a reader names it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum GoldKind {
    Person,
    Organization,
    Description,
    Pronoun,
}

const GOLD_PRONOUNS: &[&str] =
    &["he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "who", "which", "that"];

/// The kind of the gold source `source` and the span naming it (the name's mention, else the
/// source).
fn gold_kind(doc: &Doc, source: &[Span]) -> (GoldKind, Span) {
    let Some(&first) = source.first() else { return (GoldKind::Description, Span::new(0, 0)) };
    let whole = source.iter().fold(first, |a, &b| a.cover(b));
    let text = doc.slice(whole).trim().to_lowercase();
    if GOLD_PRONOUNS.contains(&text.as_str()) {
        return (GoldKind::Pronoun, whole);
    }
    let preps = ["for", "of", "at", "with", "from", "to", "by", "in"];
    let mut best: Option<(GoldKind, Span)> = None;
    for m in doc.mentions.iter().filter(|m| whole.contains(m.span)) {
        let Some(e) = doc.entities.get(m.entity) else { continue };
        let kind = match e.kind {
            parallax_doc::EntityKind::Person => GoldKind::Person,
            _ => GoldKind::Organization,
        };
        // the head: the name that ends the source, or comes before an appositive or a label
        let after = doc.slice(Span::new(m.span.end, whole.end)).trim_start();
        let edge = after.is_empty() || after.starts_with(',') || after.starts_with('(') || after.starts_with('-');
        let before = doc.slice(Span::new(whole.start, m.span.start)).to_lowercase();
        let prep = before.split(|c: char| !c.is_alphanumeric()).any(|w| preps.contains(&w));
        if edge && !prep && m.kind == parallax_doc::MentionKind::Name && best.is_none_or(|(k, _)| kind < k) {
            best = Some((kind, m.span));
        }
    }
    best.unwrap_or((GoldKind::Description, whole))
}

fn last_word(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric()).rfind(|w| !w.is_empty()).unwrap_or("").to_lowercase()
}

#[derive(Default)]
struct ReaderTally {
    /// (right, total) per gold kind, per quote kind, per half.
    by_kind: BTreeMap<String, (usize, usize)>,
}

impl ReaderTally {
    #[allow(clippy::too_many_arguments)]
    fn add(&mut self, doc: &Doc, q: &Quote, source: &[Span], earlier: &[Span], half: usize, verbose: bool) {
        if source.is_empty() {
            return;
        }
        let (kind, name_span) = gold_kind(doc, source);
        let mut out = quotes::named_speaker(doc, q);
        // ENTITY_ONLY=1: the JSON's `speaker` before descriptions were speakers (an entity or null)
        if std::env::var_os("ENTITY_ONLY").is_some() && out.entities.is_empty() {
            out = quotes::NamedSpeaker { kind: quotes::SpeakerKind::None, name: None, entities: Vec::new() };
        }
        let out_words: Vec<String> = out
            .name
            .as_deref()
            .unwrap_or("")
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let entity_in = |span: Span| {
            out.entities.iter().any(|&e| doc.mentions.iter().any(|m| m.entity == e && span.overlaps(m.span)))
        };
        let names = |span: Span| entity_in(span) || out_words.contains(&last_word(doc.slice(span)));
        let overlaps = q.speaker_span.is_some_and(|sp| source.iter().any(|s| s.overlaps(sp)));
        let named = out.kind != quotes::SpeakerKind::None;
        let right = named
            && match kind {
                GoldKind::Person | GoldKind::Organization => names(name_span),
                GoldKind::Description => overlaps || entity_in(name_span),
                // a relative pronoun ("an architect who said"): the phrase right before it
                GoldKind::Pronoun
                    if matches!(doc.slice(name_span).trim().to_lowercase().as_str(), "who" | "which" | "that") =>
                {
                    q.speaker_span
                        .or_else(|| {
                            out.entities.first().and_then(|&e| {
                                doc.mentions
                                    .iter()
                                    .rev()
                                    .find(|m| m.entity == e && m.span.end <= name_span.start)
                                    .map(|m| m.span)
                            })
                        })
                        .is_some_and(|sp| {
                            sp.end <= name_span.start
                                && doc.slice(Span::new(sp.end, name_span.start)).chars().all(|c| !c.is_alphanumeric())
                        })
                }
                GoldKind::Pronoun => {
                    // the nearest earlier source that can be the pronoun's: a named person of the
                    // pronoun's gender for he/she, something other than one person for it/they
                    let pronoun = doc.slice(name_span).trim().to_lowercase();
                    let gender = match pronoun.as_str() {
                        "he" | "his" => Some('m'),
                        "she" | "her" => Some('f'),
                        _ => None,
                    };
                    let fits = |s: &Span| {
                        let (k, n) = gold_kind(doc, &[*s]);
                        match (k, pronoun.as_str()) {
                            (GoldKind::Pronoun, _) => false,
                            (_, "i" | "you") => true,
                            (GoldKind::Person, _) if gender.is_some() => doc
                                .mentions
                                .iter()
                                .filter(|m| n.contains(m.span))
                                .filter_map(|m| doc.entities.get(m.entity))
                                .all(|e| e.gender.is_none() || e.gender == gender),
                            (_, _) if gender.is_some() => false,
                            (GoldKind::Person, _) => false,
                            _ => true,
                        }
                    };
                    let antecedent = earlier.iter().rev().find(|s| fits(s));
                    match antecedent {
                        Some(&a) => {
                            let (_, a_name) = gold_kind(doc, &[a]);
                            names(a_name) || names(a)
                        }
                        None => true,
                    }
                }
            };
        let qk = format!("{:?}", q.kind).to_lowercase();
        let gk = format!("{kind:?}").to_lowercase();
        for key in [
            "all".to_string(),
            format!("kind {gk}"),
            format!("quote {qk}"),
            format!("half {}", ["A", "B"][half]),
            format!("half {} {gk}", ["A", "B"][half]),
        ] {
            let e = self.by_kind.entry(key).or_default();
            e.0 += usize::from(right);
            e.1 += 1;
        }
        if verbose && half == 0 && !right {
            eprintln!(
                "READER [{gk}/{qk}] got {:?} ({:?}, words {:?}) want {:?}\n    QUOTE {}\n    CONTEXT {}",
                out.name,
                out.kind,
                q.speaker_span.map(|s| doc.slice(s)),
                source.iter().map(|s| doc.slice(*s)).collect::<Vec<_>>(),
                doc.slice(q.span).chars().take(70).collect::<String>(),
                context(doc, q.span)
            );
        }
    }
    fn lines(&self) -> String {
        self.by_kind
            .iter()
            .map(|(k, (r, n))| format!("(d) speaker as a reader names it, {k}: {:.1}% ({r}/{n})", pct(*r, *n)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The sentences holding `span`, on one line (for VERBOSE output).
fn sentences_of(doc: &Doc, span: Span) -> String {
    let first = doc.sentence_at(span.start).unwrap_or(0);
    let last = doc.sentence_at(span.end.saturating_sub(1)).unwrap_or(first);
    match (doc.sentences.get(first), doc.sentences.get(last)) {
        (Some(x), Some(y)) => doc.text[x.span.start..y.span.end.max(x.span.start)].replace('\n', " / "),
        _ => String::new(),
    }
}

/// The sentences around `span`, on one line (for VERBOSE output).
fn context(doc: &Doc, span: Span) -> String {
    let first = doc.sentence_at(span.start).unwrap_or(0);
    let last = doc.sentence_at(span.end.saturating_sub(1)).unwrap_or(first);
    let (a, b) = (first.saturating_sub(1), (last + 1).min(doc.sentences.len().saturating_sub(1)));
    match (doc.sentences.get(a), doc.sentences.get(b)) {
        (Some(x), Some(y)) => doc.text[x.span.start..y.span.end.max(x.span.start)].replace('\n', " / "),
        _ => String::new(),
    }
}

/// The gold sources that start before `source`, in text order.
fn sources_before(gold: &[Gold], source: &[Span]) -> Vec<Span> {
    let Some(start) = source.iter().map(|s| s.start).min() else { return Vec::new() };
    let mut v: Vec<Span> = gold.iter().flat_map(|g| g.source.iter().copied()).filter(|s| s.end <= start).collect();
    v.sort_by_key(|s| s.start);
    v.dedup();
    v
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The seed scorer's match: shared words >= 80% of the gold's and >= half of the system's.
fn matches(gw: &[String], sw: &[String]) -> bool {
    let o = common::overlap(gw, sw);
    o > 0 && o * 10 >= gw.len() * 8 && o * 2 >= sw.len()
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| format!("{}/../../../shared/data/polnear/polnear_dev.jsonl", env!("CARGO_MANIFEST_DIR")));
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let lex = speech_cues();
    let mut seen = HashSet::new();
    let (mut seg, mut con, mut ind, mut all) = (Tally::default(), Tally::default(), Tally::default(), Tally::default());
    let mut direct = Tally::default();
    let mut strict = Tally::default();
    let mut ind_any_ok = 0;
    let (mut spk_direct, mut spk_partial, mut spk_indirect) =
        (SpeakerTally::default(), SpeakerTally::default(), SpeakerTally::default());
    let mut docs = 0;
    let (mut quote_time, mut total_time) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    let mut words_total = 0;
    let verbose = std::env::var_os("VERBOSE").is_some();
    let reader_verbose = std::env::var_os("READER").is_some();
    let mut reader = ReaderTally::default();
    for line in data.lines() {
        let Some(rec) = (Parser { s: line.as_bytes(), i: 0 }).value() else {
            continue;
        };
        let name = rec.get("doc").str().to_string();
        if !seen.insert(name.clone()) {
            continue; // one annotator per text
        }
        let half = (seen.len() - 1) % 2;
        let text = rec.get("text").str().to_string();
        let c2b = char_to_byte(&text);
        let to_span = |pair: &Json| {
            let a = pair.arr();
            let s = c2b.get(a.first().map_or(0, Json::num)).copied().unwrap_or(text.len());
            let e = c2b.get(a.get(1).map_or(0, Json::num)).copied().unwrap_or(text.len());
            Span::new(s.min(e), e)
        };
        let words = word_spans(&text);
        let mut gold: Vec<Gold> = Vec::new();
        for a in rec.get("attributions").arr() {
            let content: Vec<Span> = a.get("content").get("spans").arr().iter().map(to_span).collect();
            let quoted = a.get("content_has_quote_marks").truthy();
            let segs: Vec<Span> =
                if quoted { content.iter().flat_map(|&c| quoted_segments(&text, c)).collect() } else { Vec::new() };
            let source: Vec<Span> = a.get("source").get("spans").arr().iter().map(to_span).collect();
            let cw: Vec<Span> = content.iter().flat_map(|&c| words_in(&words, c)).collect();
            let cue: Vec<Span> = a.get("cue").get("spans").arr().iter().map(to_span).collect();
            let all_spans = || content.iter().chain(&source).chain(&cue);
            let whole = Span::new(
                all_spans().map(|s| s.start).min().unwrap_or(0),
                all_spans().map(|s| s.end).max().unwrap_or(0),
            );
            let speech = is_speech_cue(a.get("cue").get("text").str(), &lex);
            // NYT texts quote with doubled apostrophes, which the conversion did not count as marks
            let quoted = quoted || content.iter().any(|c| text[c.start..c.end].contains("''"));
            let segs: Vec<Span> =
                if quoted { content.iter().flat_map(|&c| quoted_segments(&text, c)).collect() } else { segs };
            let cue = a.get("cue").get("text").str().to_string();
            gold.push(Gold { words: lower_words(&text, &cw), segs, source, whole, quoted, speech, cue });
        }

        let mut doc = Doc::new(name.clone(), text.clone());
        let t0 = Instant::now();
        segment::Segmenter.run(&mut doc);
        entities::EntityTagger.run(&mut doc);
        times::TimeTagger.run(&mut doc);
        let t1 = Instant::now();
        quotes::QuoteFinder.run(&mut doc);
        let t2 = Instant::now();
        events::EventFinder.run(&mut doc);
        total_time += t2.elapsed() + (t2 - t0);
        quote_time += t2 - t1;
        docs += 1;
        words_total += doc.tokens.len();

        let quoted_sys: Vec<&Quote> = doc.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).collect();
        let q_words: Vec<Vec<String>> =
            doc.quotes.iter().map(|q| lower_words(&text, &words_in(&words, q.span))).collect();
        let idx_of = |q: &Quote| doc.quotes.iter().position(|x| std::ptr::eq(x, q)).unwrap_or(0);

        // (a) segment level
        let all_segs: Vec<(usize, Span)> =
            gold.iter().enumerate().flat_map(|(g, x)| x.segs.iter().map(move |&s| (g, s))).collect();
        let seg_words: Vec<Vec<String>> =
            all_segs.iter().map(|(_, s)| lower_words(&text, &words_in(&words, *s))).collect();

        // (a') direct-like: gold segments that read as whole statements (a capital first letter,
        // four words or more) against system quotes of kind direct
        let direct_like: Vec<&Vec<String>> = all_segs
            .iter()
            .zip(&seg_words)
            .filter(|((_, s), w)| {
                w.len() >= 4
                    && text[s.start..s.end]
                        .trim_start_matches(|c: char| !c.is_alphanumeric())
                        .starts_with(char::is_uppercase)
            })
            .map(|(_, w)| w)
            .collect();
        let direct_sys: Vec<&Quote> = doc.quotes.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        for gw in &direct_like {
            direct.gold += 1;
            direct.found += usize::from(direct_sys.iter().any(|q| matches(gw, &q_words[idx_of(q)])));
        }
        for q in &direct_sys {
            direct.sys += 1;
            direct.sys_ok += usize::from(seg_words.iter().any(|gw| !gw.is_empty() && matches(gw, &q_words[idx_of(q)])));
        }
        for (k, gw) in seg_words.iter().enumerate() {
            if gw.is_empty() {
                continue;
            }
            seg.gold += 1;
            let hit = quoted_sys.iter().find(|q| matches(gw, &q_words[idx_of(q)]));
            if let Some(q) = hit {
                seg.found += 1;
                let src = &gold[all_segs[k].0].source;
                let tally = if q.kind == QuoteKind::Direct { &mut spk_direct } else { &mut spk_partial };
                tally.add(&doc, q, src);
                let earlier: Vec<Span> = sources_before(&gold, src);
                reader.add(&doc, q, src, &earlier, half, reader_verbose);
                let right = q.speaker_span.is_some_and(|sp| src.iter().any(|s| s.overlaps(sp)));
                if verbose && !src.is_empty() && !right {
                    eprintln!(
                        "SPEAKER {name}: {:?} got {:?} want {:?}\n    CONTEXT {}",
                        &doc.slice(q.span).chars().take(60).collect::<String>(),
                        q.speaker_span.map(|s| doc.slice(s)),
                        src.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>(),
                        context(&doc, q.span)
                    );
                }
            } else if verbose {
                eprintln!("MISS {name}: {}", &text[all_segs[k].1.start..all_segs[k].1.end]);
            }
        }
        for q in &quoted_sys {
            seg.sys += 1;
            if seg_words.iter().any(|gw| !gw.is_empty() && matches(gw, &q_words[idx_of(q)])) {
                seg.sys_ok += 1;
            } else if verbose {
                eprintln!("EXTRA {name}: {} [{:?}]", doc.slice(q.span), q.speaker_span.map(|s| doc.slice(s)));
            }
        }

        // (a) content level
        let content_found: Vec<bool> = gold
            .iter()
            .map(|g| {
                let gw: Vec<Span> = g.segs.iter().flat_map(|&s| words_in(&words, s)).collect();
                let covered = gw.iter().filter(|w| quoted_sys.iter().any(|q| q.span.contains(**w))).count();
                !gw.is_empty() && covered * 10 >= gw.len() * 8
            })
            .collect();
        for (g, &found) in gold.iter().zip(&content_found) {
            if g.segs.iter().any(|&s| !words_in(&words, s).is_empty()) {
                con.gold += 1;
                con.found += usize::from(found);
            }
        }
        for q in &quoted_sys {
            con.sys += 1;
            let qw = words_in(&words, q.span);
            let inside = qw.iter().filter(|w| all_segs.iter().any(|(_, s)| s.contains(**w))).count();
            if !qw.is_empty() && inside * 10 >= qw.len() * 8 {
                con.sys_ok += 1;
            }
        }

        // (b) reported speech without quotation marks
        for g in gold.iter().filter(|g| g.speech && !g.quoted && !g.words.is_empty()) {
            ind.gold += 1;
            let hit =
                doc.quotes.iter().find(|q| q.kind == QuoteKind::Indirect && matches(&g.words, &q_words[idx_of(q)]));
            match hit {
                Some(q) => {
                    ind.found += 1;
                    if verbose && std::env::var_os("IHIT").is_some() {
                        eprintln!("IHIT {name}: [{}] {}", g.cue, g.words.join(" "));
                    }
                    spk_indirect.add(&doc, q, &g.source);
                    let earlier: Vec<Span> = sources_before(&gold, &g.source);
                    reader.add(&doc, q, &g.source, &earlier, half, reader_verbose);
                    let right = q.speaker_span.is_some_and(|sp| g.source.iter().any(|s| s.overlaps(sp)));
                    if verbose && !g.source.is_empty() && !right {
                        eprintln!(
                            "ISPEAKER {name}: {:?} got {:?} want {:?}",
                            &doc.slice(q.span).chars().take(60).collect::<String>(),
                            q.speaker_span.map(|s| doc.slice(s)),
                            g.source.iter().map(|s| &text[s.start..s.end]).collect::<Vec<_>>()
                        );
                    }
                }
                None if verbose => {
                    let near: Vec<String> = doc
                        .quotes
                        .iter()
                        .filter(|q| q.span.overlaps(g.whole))
                        .map(|q| format!("{:?}:{}", q.kind, doc.slice(q.span)))
                        .collect();
                    eprintln!(
                        "IMISS {name}: [{}] {} || {} || {near:?} || IN {}",
                        g.cue,
                        g.words.join(" "),
                        text[g.whole.start..g.whole.end].replace('\n', " "),
                        sentences_of(&doc, g.whole)
                    )
                }
                None => {}
            }
        }
        for (i, q) in doc.quotes.iter().enumerate().filter(|(_, q)| q.kind == QuoteKind::Indirect) {
            ind.sys += 1;
            let sw = &q_words[i];
            if gold.iter().any(|g| g.speech && matches(&g.words, sw)) {
                ind.sys_ok += 1;
            }
            let any_ok = gold.iter().any(|g| matches(&g.words, sw));
            if any_ok {
                ind_any_ok += 1;
            }
            if verbose && (!any_ok || std::env::var_os("IOK").is_some()) {
                // the quote with up to 120 bytes either side, for reading
                let mut from = q.span.start.saturating_sub(120);
                while !text.is_char_boundary(from) {
                    from -= 1;
                }
                let mut to = (q.span.end + 120).min(text.len());
                while !text.is_char_boundary(to) {
                    to += 1;
                }
                eprintln!(
                    "{} {name}: {{{}}} {} [{:?}] || {}«{}»{}",
                    if any_ok { "IOK" } else { "IEXTRA" },
                    q.cue.map_or("", |c| doc.slice(c)),
                    doc.slice(q.span),
                    q.speaker_span.map(|s| doc.slice(s)),
                    text[from..q.span.start].replace('\n', " "),
                    doc.slice(q.span),
                    text[q.span.end..to].replace('\n', " ")
                );
            }
        }

        // all kinds
        for (g, &cfound) in gold.iter().zip(&content_found) {
            if !(g.speech || g.quoted) || g.words.is_empty() {
                continue;
            }
            all.gold += 1;
            if cfound || q_words.iter().any(|sw| matches(&g.words, sw)) {
                all.found += 1;
            }
        }
        // all kinds as the seed gold counts them, under the seed scorer's rules: the units are the
        // quoted segments and the speech-cue contents without quotation marks; each unit takes its
        // best single matching quote; an unmatched quote that repeats part of a unit is not counted
        let units: Vec<&Vec<String>> = seg_words
            .iter()
            .chain(gold.iter().filter(|g| g.speech && !g.quoted).map(|g| &g.words))
            .filter(|w| !w.is_empty())
            .collect();
        let mut used = vec![false; q_words.len()];
        for gw in &units {
            strict.gold += 1;
            let best = q_words
                .iter()
                .enumerate()
                .filter(|(_, sw)| matches(gw, sw))
                .max_by_key(|(_, sw)| common::overlap(gw, sw))
                .map(|(i, _)| i);
            if let Some(i) = best {
                strict.found += 1;
                used[i] = true;
            }
        }
        for (i, sw) in q_words.iter().enumerate() {
            if used[i] {
                strict.sys += 1;
                strict.sys_ok += 1;
            } else if !units.iter().any(|gw| common::overlap(sw, gw) * 2 >= sw.len().max(1)) {
                strict.sys += 1;
            }
        }
        for sw in &q_words {
            all.sys += 1;
            let ok = gold.iter().any(|g| (g.speech || g.quoted) && matches(&g.words, sw))
                || seg_words.iter().any(|gw| !gw.is_empty() && matches(gw, sw));
            all.sys_ok += usize::from(ok);
        }
    }
    println!("PolNeAR {path}: {docs} texts (one annotator each), {words_total} tokens");
    println!("(a) {}", seg.line("quoted segments (seed-scorer match), direct+partial"));
    println!("(a) {}", con.line("quoted contents (80% word cover)"));
    println!(
        "(a') {}",
        direct
            .line("direct-like segments (capitalised, 4+ words) vs direct quotes (right when they match any segment)")
    );
    println!("(b) {}", ind.line("reported speech, speech-cue contents without quotation marks vs indirect"));
    println!(
        "(b) indirect precision against any attribution content: {:.1}% ({ind_any_ok}/{})",
        pct(ind_any_ok, ind.sys),
        ind.sys
    );
    println!("all {}", all.line("kinds (speech-cue or quoted contents vs every quote)"));
    println!("all {}", strict.line("kinds as quoted segments + speech-cue contents, seed-scorer rules (best quote per unit, parts not counted)"));
    println!(
        "(c) speaker span overlaps gold source, matched quotes: {}; {}; {}",
        spk_direct.line("direct"),
        spk_partial.line("partial"),
        spk_indirect.line("indirect")
    );
    println!("{}", reader.lines());
    println!(
        "time: quote stage {:.2} ms total, {:.1} µs per text, {:.1}% of the pipeline ({:.1} ms)",
        quote_time.as_secs_f64() * 1e3,
        quote_time.as_secs_f64() * 1e6 / docs.max(1) as f64,
        100.0 * quote_time.as_secs_f64() / total_time.as_secs_f64().max(1e-9),
        total_time.as_secs_f64() * 1e3
    );
}
