//! The temporal tagger: finds temporal expressions and normalises them to TimeML-style values.
//!
//! Expressions are read off the token layer, one sentence at a time, left to right:
//!
//! * explicit dates ("Feb. 24, 2022", "24 February 2022", "February 24", "2025-02-17"), months
//!   ("February 2025", "in May", "early March"), years in a date context ("in 2014",
//!   "since 2014", "2014's", "mid-2024") and decades ("the 1990s");
//! * weekdays ("on Tuesday", "Tuesday's talks", "last Friday", "next Monday", "every Monday");
//! * relative expressions ("today", "yesterday", "last week", "later this month", "next year",
//!   "at the weekend", "nearly three years ago", "in the coming days", "recently", "now");
//! * durations ("two weeks", "20-minute", "more than three years") and clock times ("3pm",
//!   "15:00 GMT").
//!
//! Relative expressions are anchored on the publication date; without one, on the last explicit
//! full date seen earlier in the article; without that, they are left out rather than guessed.
//! A weekday or month named without "last"/"next" is resolved by the tense of its clause: a
//! future marker ("will", "scheduled", "is to") points forward, a past marker ("said", "met",
//! an "-ed" verb) back, and with neither the nearest occurrence wins. The marker nearest to the
//! expression decides, so in "said he would visit on Wednesday" it is "would" that counts.

mod calendar;
mod lexicon;

use chrono::{Datelike, NaiveDate};
use parallax_doc::{Doc, Layer, Span, Stage, TimeExpr, TokenKind};

use calendar::{Rel, Tense, Value};
use lexicon::{Marker, Unit};

/// The temporal tagging stage: fills [`Doc::times`] from the sentence and token layers.
#[derive(Debug, Default, Clone, Copy)]
pub struct TimeTagger;

impl Stage for TimeTagger {
    fn name(&self) -> &'static str {
        "times"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Times]
    }
    fn run(&self, doc: &mut Doc) {
        doc.times = tag(doc);
    }
}

/// The temporal expressions of `doc`, in text order, without overlaps. Needs the sentence and
/// token layers.
pub fn tag(doc: &Doc) -> Vec<TimeExpr> {
    let lower = doc.text.to_ascii_lowercase();
    let published = doc.meta.published_ymd().and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    let mut t =
        Tagger { doc, lower: &lower, anchor: published, fixed: published.is_some(), s0: 0, s1: 0, out: Vec::new() };
    for s in &doc.sentences {
        t.s0 = s.tokens.start.min(doc.tokens.len());
        t.s1 = s.tokens.end.min(doc.tokens.len());
        let mut i = t.s0;
        while i < t.s1 {
            match t.match_at(i) {
                Some(found) if found.next > i => {
                    if let Some(value) = found.value {
                        if !t.fixed {
                            if let Value::Day(d) = value {
                                if found.explicit {
                                    t.anchor = Some(d);
                                }
                            }
                        }
                        let (value, kind) = value.render();
                        let span = found.span;
                        if span.start < span.end && doc.text.get(span.start..span.end).is_some() {
                            t.out.push(TimeExpr { span, value, kind });
                        }
                    }
                    i = found.next;
                }
                _ => i += 1,
            }
        }
    }
    t.out
}

/// A match: the token after it, its span, its value (`None`: recognised but not resolvable),
/// and whether it is an explicit full date (which may serve as an anchor).
struct Found {
    next: usize,
    span: Span,
    value: Option<Value>,
    explicit: bool,
}

impl Found {
    fn new(next: usize, span: Span, value: Option<Value>) -> Found {
        Found { next, span, value, explicit: false }
    }
}

/// Where a token stops a clause when looking for tense markers.
#[derive(PartialEq)]
enum Stop {
    None,
    Comma,
    Hard,
}

struct Tagger<'a> {
    doc: &'a Doc,
    /// `doc.text`, ASCII-lowercased (same byte offsets).
    lower: &'a str,
    anchor: Option<NaiveDate>,
    /// True when the anchor is the publication date (it never moves).
    fixed: bool,
    /// The current sentence's token range.
    s0: usize,
    s1: usize,
    out: Vec<TimeExpr>,
}

fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["'s", "’s"] {
        if let Some(b) = w.strip_suffix(suffix) {
            if !b.is_empty() {
                return (b, true);
            }
        }
    }
    (w, false)
}

fn parse_year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn parse_day(s: &str) -> Option<u32> {
    let digits = s
        .strip_suffix("st")
        .or_else(|| s.strip_suffix("nd"))
        .or_else(|| s.strip_suffix("rd"))
        .or_else(|| s.strip_suffix("th"))
        .unwrap_or(s);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A plain count: "3", "2,225", "1.5" (kept as written, without separators).
fn parse_count(s: &str) -> Option<String> {
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') || !s.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let v: String = s.chars().filter(|&c| c != ',').collect();
    let v = v.trim_end_matches('.').to_string();
    (!v.is_empty() && v.len() <= 7).then_some(v)
}

fn duration(n: &str, unit: Unit) -> Value {
    let v = match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Fortnight => match n.parse::<u32>() {
            Ok(k) => format!("P{}W", 2 * k),
            Err(_) => "PXW".to_string(),
        },
        Unit::Month => format!("P{n}M"),
        Unit::Year => format!("P{n}Y"),
        // decades and centuries in years, as TimeML corpora write them ("P10Y")
        Unit::Decade => match n.parse::<u32>() {
            Ok(k) => format!("P{}Y", 10 * k),
            Err(_) => "PXDE".to_string(),
        },
        Unit::Century => match n.parse::<u32>() {
            Ok(k) => format!("P{}Y", 100 * k),
            Err(_) => "PXCE".to_string(),
        },
    };
    Value::Duration(v)
}

impl<'a> Tagger<'a> {
    fn in_sentence(&self, i: usize) -> bool {
        i >= self.s0 && i < self.s1
    }

    /// The token's text, lower case; "" outside the sentence.
    fn w(&self, i: usize) -> &'a str {
        if !self.in_sentence(i) {
            return "";
        }
        let s = self.doc.tokens[i].span;
        self.lower.get(s.start..s.end).unwrap_or("")
    }

    /// The token's text as written; "" outside the sentence.
    fn orig(&self, i: usize) -> &'a str {
        if !self.in_sentence(i) {
            return "";
        }
        let s = self.doc.tokens[i].span;
        self.doc.text.get(s.start..s.end).unwrap_or("")
    }

    /// Lower case, without a possessive "'s", and whether there was one.
    fn base(&self, i: usize) -> (&'a str, bool) {
        strip_possessive(self.w(i))
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.in_sentence(i).then(|| self.doc.tokens[i].kind)
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.orig(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn prev(&self, i: usize) -> &'a str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }

    /// The span from the start of token `a` to the end of token `b` (inclusive), leaving out a
    /// possessive "'s" on `b`.
    fn span(&self, a: usize, b: usize) -> Span {
        let start = self.doc.tokens[a].span.start;
        let tb = self.doc.tokens[b].span;
        let w = self.w(b);
        let (base, _) = strip_possessive(w);
        Span::new(start, (tb.end - (w.len() - base.len())).max(start))
    }

    fn anchor(&self) -> Option<NaiveDate> {
        self.anchor
    }

    fn match_at(&self, i: usize) -> Option<Found> {
        if self.is_number(i) {
            return self.quantity(i, i).or_else(|| self.number(i));
        }
        if !self.is_word(i) {
            return None;
        }
        let (w, possessive) = self.base(i);
        if lexicon::weekday(w).is_some() {
            return self.weekday(i, i, Rel::Bare);
        }
        if let Some(wd) = lexicon::weekday_plural(w) {
            if self.capitalised(i) {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Set(format!("XXXX-WXX-{wd}")))));
            }
            return None;
        }
        if lexicon::month(w).is_some() {
            return self.month(i, i, false);
        }
        match w {
            "last" | "next" | "this" | "past" | "coming" => return self.relative(i, i),
            "earlier" | "later" | "early" | "late" => return self.prefixed(i),
            "every" | "each" => return self.every(i),
            "the" => return self.the(i),
            "today" | "tonight" => return self.day_offset(i, 0),
            "yesterday" => return self.day_offset(i, -1),
            "tomorrow" => return self.day_offset(i, 1),
            "recently" | "lately" => return Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("PAST_REF")))),
            "currently" | "nowadays" | "presently" => {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("PRESENT_REF"))))
            }
            "now" if !possessive => return Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("PRESENT_REF")))),
            "soon"
                if !matches!(self.prev(i), "as" | "too" | "so" | "how") && !matches!(self.w(i + 1), "as" | "after") =>
            {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("FUTURE_REF"))))
            }
            "recent" if matches!(self.prev(i), "in" | "over") => {
                if let Some(Unit::Day | Unit::Week | Unit::Month | Unit::Year) = lexicon::unit(self.w(i + 1)) {
                    return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Ref("PAST_REF"))));
                }
                return None;
            }
            _ => {}
        }
        if lexicon::quantity_modifier(w) || matches!(w, "more" | "less" | "fewer" | "at" | "up") {
            return self.modified_quantity(i);
        }
        if let Some(f) = self.quantity(i, i) {
            return Some(f);
        }
        if w.contains('-') {
            return self.hyphenated(i);
        }
        None
    }

    // ---- tense -------------------------------------------------------------------------------

    fn stop(&self, j: usize) -> Stop {
        let tok = &self.doc.tokens[j];
        match tok.kind {
            TokenKind::OpenQuote | TokenKind::CloseQuote => Stop::Hard,
            TokenKind::Punct => match self.w(j) {
                "," => Stop::Comma,
                ";" | ":" | "(" | ")" | "[" | "]" | "–" | "—" | "-" | "?" | "!" | "…" => Stop::Hard,
                _ => Stop::None,
            },
            TokenKind::Word => {
                let w = self.w(j);
                if matches!(w, "before" | "after" | "until") {
                    // a conjunction only before a clause ("before heading", "after he left")
                    let n = self.w(j + 1);
                    let opens = n.ends_with("ing")
                        || matches!(n, "he" | "she" | "they" | "it" | "we" | "i" | "you" | "his" | "their");
                    return if opens { Stop::Hard } else { Stop::None };
                }
                if lexicon::clause_opener(w) {
                    Stop::Hard
                } else {
                    Stop::None
                }
            }
            TokenKind::Number => Stop::None,
        }
    }

    /// The tense marker at token `j`, reading its neighbours for multi-word markers.
    fn marker_at(&self, j: usize) -> Option<Marker> {
        if !self.is_word(j) {
            return None;
        }
        let w = self.w(j);
        let next = self.w(j + 1);
        if matches!(
            w,
            "is" | "are"
                | "am"
                | "was"
                | "were"
                | "going"
                | "set"
                | "plans"
                | "plan"
                | "planned"
                | "aims"
                | "hopes"
                | "intends"
                | "wants"
        ) && next == "to"
        {
            return Some(Marker::Future);
        }
        if j != self.s0 && self.capitalised(j) {
            return None; // "United", "Will", "Ahmed": names, not verbs
        }
        let m = lexicon::marker(w)?;
        // "has been scheduled for": the participle tells
        if w == "been" && lexicon::marker(next) == Some(Marker::Future) {
            return None;
        }
        if m == Marker::Past && matches!(w.as_bytes().last(), Some(b'd' | b'n' | b't')) {
            // a participle after "be": "to be held" looks ahead, "is held", "will be held" defer
            let p = self.prev(j);
            if matches!(p, "be" | "being" | "is" | "are" | "am" | "get" | "gets") {
                if p == "be" && j >= 2 && self.w(j - 2) == "to" {
                    return Some(Marker::Future);
                }
                return None;
            }
        }
        Some(m)
    }

    /// The tense of the clause around tokens `a..b`: the nearest marker decides.
    fn tense(&self, a: usize, b: usize, possessive: bool) -> Option<Tense> {
        const REACH: usize = 30;
        const COMMA: usize = 8;
        let to_tense = |m: Marker| match m {
            Marker::Future => Tense::Future,
            Marker::Past | Marker::Reporting => Tense::Past,
        };
        let mut best: Option<(usize, Tense)> = None;
        let mut dist = 0;
        let mut j = a;
        while j > self.s0 && dist < REACH {
            j -= 1;
            dist += 1;
            match self.stop(j) {
                Stop::Hard => break,
                Stop::Comma => {
                    dist += COMMA;
                    continue;
                }
                Stop::None => {}
            }
            if let Some(m) = self.marker_at(j) {
                // "said Tuesday's talks would...": the reporting verb does not date its object
                if m == Marker::Reporting && possessive {
                    continue;
                }
                best = Some((dist, to_tense(m)));
                break;
            }
        }
        let mut dist = 0;
        let mut j = b;
        while j < self.s1 && dist < REACH {
            dist += 1;
            match self.stop(j) {
                Stop::Hard => break,
                Stop::Comma => {
                    dist += COMMA;
                    j += 1;
                    continue;
                }
                Stop::None => {}
            }
            if let Some(m) = self.marker_at(j) {
                if best.is_none_or(|(d, _)| dist < d) {
                    best = Some((dist, to_tense(m)));
                }
                break;
            }
            j += 1;
        }
        best.map(|(_, t)| t)
    }

    // ---- weekdays ----------------------------------------------------------------------------

    /// A weekday at `i`; the expression starts at `a` ("last" in "last Friday").
    fn weekday(&self, a: usize, i: usize, rel: Rel) -> Option<Found> {
        let (w, possessive) = self.base(i);
        let wd = lexicon::weekday(w)?;
        if !self.capitalised(i) {
            return None;
        }
        let skip = Some(Found::new(i + 1, self.span(a, i), None));
        // named days and titles: "Good Friday", "Sunday Times", "the Sunday Telegraph"
        if a == i && i > self.s0 && self.capitalised(i - 1) && lexicon::weekday_name_leader(self.w(i - 1)) {
            return skip;
        }
        // "the Mail on Sunday"
        if a == i
            && self.prev(i) == "on"
            && i >= self.s0 + 2
            && self.capitalised(i - 2)
            && lexicon::paper_on_sunday(self.w(i - 2))
        {
            return skip;
        }
        // "on a Friday night": any Friday, not a date
        if a == i && matches!(self.prev(i), "a" | "any") {
            return skip;
        }
        if !possessive && self.is_word(i + 1) && self.capitalised(i + 1) {
            let n = self.w(i + 1);
            let date_word = lexicon::month(n).is_some() || lexicon::weekday(n).is_some();
            if lexicon::weekday_name_follower(n) || (!date_word && matches!(self.prev(i), "the" | "a")) {
                return skip;
            }
        }
        // "Sunday, Feb. 23, 2025", "Tuesday 18 February": the explicit date decides
        if !possessive {
            let j = if self.w(i + 1) == "," { i + 2 } else { i + 1 };
            let explicit = if self.is_number(j) {
                self.day_month(j)
            } else if self.is_word(j) && lexicon::month(self.w(j)).is_some() {
                self.month_day(j)
            } else {
                None
            };
            if let Some(f) = explicit {
                return Some(Found { span: Span::new(self.doc.tokens[a].span.start, f.span.end), ..f });
            }
        }
        // "Friday night", "Tuesday morning"
        let mut last = i;
        if !possessive && matches!(self.orig(i + 1), "morning" | "afternoon" | "evening" | "night") {
            last = i + 1;
        }
        let Some(anchor) = self.anchor() else {
            return Some(Found::new(last + 1, self.span(a, last), None));
        };
        let tense = match rel {
            // "closed until Friday": a deadline ahead
            Rel::Bare if matches!(self.prev(a), "until" | "till") => Some(Tense::Future),
            Rel::Bare | Rel::This if calendar::iso_weekday(anchor) != wd => self.tense(a, last + 1, possessive),
            _ => None,
        };
        let date = calendar::weekday(anchor, wd, rel, tense);
        Some(Found::new(last + 1, self.span(a, last), date.map(Value::Day)))
    }

    // ---- months and explicit dates -------------------------------------------------------------

    /// "Feb. 24", "February 24, 2022", "Feb 24 2022" with the month at `i`.
    fn month_day(&self, i: usize) -> Option<Found> {
        let (m, _) = lexicon::month(self.w(i))?;
        if !self.capitalised(i) || !self.is_number(i + 1) {
            return None;
        }
        let d = parse_day(self.w(i + 1))?;
        // "May 10 people": a count, not a day
        if lexicon::unit(self.w(i + 2)).is_some() || self.w(i + 2) == "%" {
            return None;
        }
        let year_at = if self.w(i + 2) == "," { i + 3 } else { i + 2 };
        if let Some(y) = self.is_number(year_at).then(|| parse_year(self.w(year_at))).flatten() {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Found {
                explicit: true,
                ..Found::new(year_at + 1, self.span(i, year_at), Some(Value::Day(date)))
            });
        }
        Some(self.yearless(i, i + 1, m, d))
    }

    /// "24 February 2022", "24th of February", "24 Feb" with the day at `i`.
    fn day_month(&self, i: usize) -> Option<Found> {
        let d = parse_day(self.w(i))?;
        let j = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        let (m, _) = lexicon::month(self.w(j))?;
        if !self.capitalised(j) {
            return None;
        }
        let year_at = if self.w(j + 1) == "," && parse_year(self.w(j + 2)).is_some() { j + 2 } else { j + 1 };
        if let Some(y) = self.is_number(year_at).then(|| parse_year(self.w(year_at))).flatten() {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Found {
                explicit: true,
                ..Found::new(year_at + 1, self.span(i, year_at), Some(Value::Day(date)))
            });
        }
        Some(self.yearless(i, j, m, d))
    }

    /// A day and month without a year, tokens `a..=b`.
    fn yearless(&self, a: usize, b: usize, m: u32, d: u32) -> Found {
        // "September 11 attacks": the well-known date, not this year's
        let nine_eleven = m == 9
            && d == 11
            && self.anchor().is_none_or(|d| d.year() > 2001)
            && (matches!(self.prev(a), "the" | "since" | "after" | "post" | "pre" | "following")
                || matches!(
                    self.w(b + 1),
                    "attack"
                        | "attacks"
                        | "attackers"
                        | "hijackers"
                        | "hijackings"
                        | "terror"
                        | "terrorist"
                        | "commission"
                ));
        if nine_eleven {
            return Found::new(b + 1, self.span(a, b), NaiveDate::from_ymd_opt(2001, 9, 11).map(Value::Day));
        }
        let value = self.anchor().and_then(|anchor| {
            let tense = self.tense(a, b + 1, false);
            calendar::month_day(anchor, m, d, tense).map(Value::Day)
        });
        Found::new(b + 1, self.span(a, b), value)
    }

    /// A month name at `i`: with a day, a year, or alone in a date context. `context`: a
    /// preceding word ("early", "late") already makes it a date; the expression starts at `a`.
    fn month(&self, a: usize, i: usize, context: bool) -> Option<Found> {
        let (w, possessive) = self.base(i);
        let (m, strict) = lexicon::month(w)?;
        if !self.capitalised(i) {
            return None;
        }
        if !possessive {
            if a == i {
                if let Some(f) = self.month_day(i) {
                    return Some(f);
                }
            }
            // "February 2025", "February of 2025"
            let y_at = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
            if let Some(y) = self.is_number(y_at).then(|| parse_year(self.w(y_at))).flatten() {
                return Some(Found::new(y_at + 1, self.span(a, y_at), Some(Value::Month(y, m))));
            }
        }
        // "May last year", "March this year", "June next year"
        let r = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if !possessive && matches!(self.w(r), "last" | "this" | "next") && self.base(r + 1).0 == "year" {
            let delta = match self.w(r) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let value = self.anchor().map(|d| Value::Month(d.year() + delta, m));
            return Some(Found::new(r + 2, self.span(a, r + 1), value));
        }
        // alone: only after a date preposition, and not an abbreviation
        if !lexicon::full_month_name(w) {
            return None;
        }
        let p = self.prev(i);
        let ok = context
            || if strict {
                lexicon::date_preposition(p)
                    || (p == "of" && i >= 2 && (lexicon::period_word(self.w(i - 2)) || self.w(i - 2) == "as"))
                    // "between April and June", "from March to May"
                    || (matches!(p, "and" | "to" | "or" | "-" | "–")
                        && i >= self.s0 + 2
                        && lexicon::month(self.w(i - 2)).is_some_and(|(_, s)| s)
                        && self.capitalised(i - 2))
            } else {
                !possessive && matches!(p, "in" | "since" | "until" | "till" | "during" | "early" | "late" | "mid")
            };
        if !ok {
            return None;
        }
        // "June Carter"
        if !possessive && self.is_word(i + 1) && self.capitalised(i + 1) {
            let n = self.w(i + 1);
            if lexicon::month(n).is_none() && lexicon::weekday(n).is_none() {
                return None;
            }
        }
        let rel = match p {
            "last" => Rel::Last,
            "next" => Rel::Next,
            "this" => Rel::This,
            _ => Rel::Bare,
        };
        let value = self.anchor().map(|anchor| {
            let tense = if rel == Rel::Bare { self.tense(a, i + 1, possessive) } else { None };
            Value::Month(calendar::month_year(anchor, m, rel, tense), m)
        });
        Some(Found::new(i + 1, self.span(a, i), value))
    }

    // ---- numbers -----------------------------------------------------------------------------

    fn number(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if w.contains('-') && w.len() != 10 {
            return self.hyphenated(i);
        }
        // ISO date
        if w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-' {
            let y = parse_year(&w[0..4])?;
            let m = w[5..7].parse().ok()?;
            let d = w[8..10].parse().ok()?;
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            return Some(Found { explicit: true, ..Found::new(i + 1, self.span(i, i), Some(Value::Day(date))) });
        }
        if let Some(f) = self.day_month(i) {
            return Some(f);
        }
        if let Some(f) = self.clock(i) {
            return Some(f);
        }
        let (b, possessive) = strip_possessive(w);
        // decades: "1990s", "the 2010s", "the 80s"
        if let Some(d) = b.strip_suffix('s').and_then(parse_year) {
            if d % 10 == 0 && (1000..=2100).contains(&d) {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Decade(d / 10))));
            }
        }
        if let Some(d) = b.strip_suffix('s').filter(|d| d.len() == 2 && d.ends_with('0')) {
            if let (Ok(d), "the" | "'" | "’" | "early" | "late" | "mid" | "in") = (d.parse::<i32>(), self.prev(i)) {
                if d >= 20 {
                    return Some(Found::new(i + 1, self.span(i, i), Some(Value::Decade(190 + d / 10))));
                }
            }
        }
        let y = parse_year(b)?;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        if possessive || self.year_context(i) {
            // "spring 2014"
            if let Some(s) = (i > self.s0).then(|| lexicon::season(self.w(i - 1))).flatten() {
                return Some(Found::new(i + 1, self.span(i - 1, i), Some(Value::Season(y, s))));
            }
            return Some(Found::new(i + 1, self.span(i, i), Some(Value::Year(y))));
        }
        None
    }

    /// Whether a bare four-digit number at `i` stands in a date context ("in 2014").
    fn year_context(&self, i: usize) -> bool {
        let p = self.prev(i);
        let before = |k: usize| i >= k + self.s0 && parse_year(self.w(i - k)).is_some();
        let ctx = lexicon::date_preposition(p)
            || lexicon::season(p).is_some()
            || matches!(p, "of" | "the")
            || (matches!(p, "and" | "to" | "or" | "-" | "–") && before(2));
        if !ctx {
            return false;
        }
        // "since 2000 troops were sent": a count
        let n = self.w(i + 1);
        let plural_noun = self.is_word(i + 1)
            && !self.capitalised(i + 1)
            && n.len() > 3
            && n.ends_with('s')
            && !n.ends_with("ss")
            && !n.ends_with("us")
            && !matches!(n, "was" | "has" | "this" | "its" | "his" | "always" | "does" | "goes" | "says");
        !plural_noun && lexicon::unit(n).is_none() && n != "%"
    }

    /// "3pm", "3 p.m.", "3.30pm", "15:00 GMT".
    fn clock(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let (digits, mut last, mut meridiem) = if let Some(d) = w.strip_suffix("pm") {
            (d, i, Some(true))
        } else if let Some(d) = w.strip_suffix("am") {
            (d, i, Some(false))
        } else {
            match self.w(i + 1) {
                "pm" | "p.m." => (w, i + 1, Some(true)),
                "am" | "a.m." => (w, i + 1, Some(false)),
                _ => (w, i, None),
            }
        };
        let (h, mut min) = match digits.split_once('.') {
            Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
            None => (digits.parse::<u32>().ok()?, 0),
        };
        let h = match meridiem {
            Some(pm) => {
                if !(1..=12).contains(&h) {
                    return None;
                }
                (h % 12) + if pm { 12 } else { 0 }
            }
            None if digits.len() == 4 && matches!(self.w(i + 1), "gmt" | "utc" | "bst") => {
                // "0800 UTC"
                min = digits[2..].parse().ok()?;
                let h: u32 = digits[..2].parse().ok()?;
                if h > 23 {
                    return None;
                }
                h
            }
            None => {
                // "15:00": only with the colon
                if self.w(i + 1) != ":" || !self.is_number(i + 2) || self.w(i + 2).len() != 2 || h > 23 {
                    return None;
                }
                min = self.w(i + 2).parse().ok()?;
                last = i + 2;
                meridiem = Some(false);
                h
            }
        };
        let _ = meridiem;
        if min > 59 {
            return None;
        }
        let mut utc = false;
        if matches!(self.w(last + 1), "gmt" | "bst" | "utc" | "cet" | "est" | "edt" | "et" | "pst" | "msk") {
            utc = matches!(self.w(last + 1), "gmt" | "utc");
            last += 1;
        }
        let value = self.anchor().filter(|_| self.fixed).map(|d| Value::Time(d, h, min, utc));
        Some(Found::new(last + 1, self.span(i, last), value))
    }

    // ---- quantities: durations and "ago" ---------------------------------------------------------

    /// A number and a unit at `i` ("three years", "10 days ago", "a few weeks"); the expression
    /// starts at `a`.
    fn quantity(&self, a: usize, i: usize) -> Option<Found> {
        let w = self.w(i);
        let (count, unit_at): (Option<String>, usize) = if self.is_number(i) {
            (Some(parse_count(w)?), i + 1)
        } else if w == "a" && self.w(i + 1) == "few" {
            (None, i + 2)
        } else if w == "a" && self.w(i + 1) == "couple" && self.w(i + 2) == "of" {
            (None, i + 3)
        } else if lexicon::vague_number(w) && w != "some" {
            (None, i + 1)
        } else if let Some(n) = lexicon::number_word(w) {
            (Some(n.to_string()), i + 1)
        } else {
            return None;
        };
        let u = self.w(unit_at);
        let unit = lexicon::unit(u)?;
        let ago = self.w(unit_at + 1) == "ago";
        // "a year" only as "a year ago" or "for a year"
        let relative_to_event = matches!(self.w(unit_at + 1), "after" | "before" | "later" | "earlier");
        if matches!(w, "a" | "an")
            && count.is_some()
            && !ago
            && !relative_to_event
            && !matches!(self.prev(i), "for" | "within" | "than" | "over")
        {
            return None;
        }
        // "many years" needs a plural; "a second" is an ordinal ("a second term")
        let ordinal = unit == Unit::Second && !self.is_number(i) && w != "one";
        if !ago && ((count.is_none() && !u.ends_with('s')) || ordinal) {
            return None;
        }
        if ago {
            let end = unit_at + 1;
            let span = self.span(a, end);
            let n: Option<i64> = count.as_deref().and_then(|c| c.parse().ok());
            let value = match (n, unit) {
                (None, _) | (_, Unit::Decade | Unit::Century | Unit::Hour | Unit::Minute | Unit::Second) => {
                    Some(Value::Ref("PAST_REF"))
                }
                (Some(n), unit) => self.anchor().and_then(|anchor| match unit {
                    Unit::Year => Some(Value::Year(anchor.year() - n as i32)),
                    Unit::Month => {
                        let (y, m) = calendar::add_months(anchor, -n);
                        Some(Value::Month(y, m))
                    }
                    Unit::Week => calendar::shift(anchor, -7 * n).map(Value::Week),
                    Unit::Fortnight => calendar::shift(anchor, -14 * n).map(Value::Week),
                    Unit::Day => calendar::shift(anchor, -n).map(Value::Day),
                    _ => None,
                }),
            };
            return Some(Found::new(end + 1, span, value));
        }
        let n = count.unwrap_or_else(|| "X".to_string());
        Some(Found::new(unit_at + 1, self.span(a, unit_at), Some(duration(&n, unit))))
    }

    /// "nearly three years ago", "more than three years", "at least two weeks".
    fn modified_quantity(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let j = match w {
            "more" | "less" | "fewer" if self.w(i + 1) == "than" => i + 2,
            "at" if matches!(self.w(i + 1), "least" | "most") => i + 2,
            "up" if self.w(i + 1) == "to" => i + 2,
            _ if lexicon::quantity_modifier(w) && !matches!(w, "least" | "most" | "up") => i + 1,
            _ => return None,
        };
        let f = self.quantity(i, j)?;
        // keep an unmodified reading of "some": "some years" is vague, "some three years" is not
        Some(f)
    }

    /// "20-minute", "three-year", "mid-2024", "mid-February".
    fn hyphenated(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if w.ends_with("-old") || self.w(i + 1) == "-" {
            return None;
        }
        let (head, tail) = w.split_once('-')?;
        if matches!(head, "mid" | "early" | "late") {
            let (tail, _) = strip_possessive(tail);
            if let Some(y) = parse_year(tail) {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Year(y))));
            }
            if let Some(d) = tail.strip_suffix('s').and_then(parse_year) {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Decade(d / 10))));
            }
            if let Some((m, _)) = lexicon::month(tail) {
                let value = self.anchor().map(|anchor| {
                    let tense = self.tense(i, i + 1, false);
                    Value::Month(calendar::month_year(anchor, m, Rel::Bare, tense), m)
                });
                return Some(Found::new(i + 1, self.span(i, i), value));
            }
            return None;
        }
        let unit = lexicon::unit(tail)?;
        let n = if head.bytes().all(|b| b.is_ascii_digit()) && head.len() <= 4 {
            head.to_string()
        } else {
            lexicon::number_word(head).filter(|_| head != "a" && head != "an")?.to_string()
        };
        Some(Found::new(i + 1, self.span(i, i), Some(duration(&n, unit))))
    }

    // ---- relative expressions ----------------------------------------------------------------

    fn day_offset(&self, i: usize, days: i64) -> Option<Found> {
        let mut last = i;
        if days != 0 && matches!(self.w(i + 1), "morning" | "afternoon" | "evening" | "night") {
            last = i + 1;
        }
        let value = self.anchor().and_then(|a| calendar::shift(a, days)).map(Value::Day);
        Some(Found::new(last + 1, self.span(i, last), value))
    }

    /// "last"/"next"/"this"/"past"/"coming" at `i`; the expression starts at `a`
    /// ("later" in "later this month").
    fn relative(&self, a: usize, i: usize) -> Option<Found> {
        let w = self.w(i);
        let after_the = a == i && self.prev(i) == "the";
        if after_the || matches!(w, "past" | "coming") {
            return self.stretch(i);
        }
        let rel = match w {
            "last" => Rel::Last,
            "next" => Rel::Next,
            _ => Rel::This,
        };
        let k = i + 1;
        let (t, possessive) = self.base(k);
        if lexicon::weekday(t).is_some() {
            return self.weekday(a, k, rel);
        }
        if lexicon::month(t).is_some() {
            return self.month(a, k, true);
        }
        let delta = match rel {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => 0,
        };
        let anchor = self.anchor();
        let value = match t {
            "week" => anchor.and_then(|d| calendar::shift(d, 7 * delta)).map(Value::Week),
            "month" => anchor.map(|d| {
                let (y, m) = calendar::add_months(d, delta);
                Value::Month(y, m)
            }),
            "year" => anchor.map(|d| Value::Year(d.year() + delta as i32)),
            "weekend" => {
                let tense = if rel == Rel::This { self.tense(a, k + 1, possessive) } else { None };
                anchor.and_then(|d| calendar::weekend(d, rel, tense)).map(Value::Weekend)
            }
            "morning" | "afternoon" | "evening" if rel == Rel::This => anchor.map(Value::Day),
            "night" if rel != Rel::Next => anchor.and_then(|d| calendar::shift(d, delta)).map(Value::Day),
            "decade" | "century" => return None,
            _ => {
                let s = lexicon::season(t)?;
                anchor.map(|d| {
                    let y = d.year();
                    let year = match rel {
                        Rel::Last => y - 1,
                        Rel::Next => y + 1,
                        _ => y,
                    };
                    Value::Season(year, s)
                })
            }
        };
        Some(Found::new(k + 1, self.span(a, k), value))
    }

    /// "the past two weeks", "the last year", "the coming days": stretches of time around now.
    fn stretch(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let a = if self.prev(i) == "the" { i - 1 } else { i };
        if let Some(f) = self.quantity(a, i + 1) {
            if a == i {
                return None;
            }
            // "the coming few days" is vague; "the next 10 days" a duration
            let vague = matches!(&f.value, Some(Value::Duration(v)) if v.contains('X'));
            if vague {
                let r = if matches!(w, "coming" | "next") { "FUTURE_REF" } else { "PAST_REF" };
                return Some(Found { value: Some(Value::Ref(r)), ..f });
            }
            return Some(f);
        }
        let u = self.base(i + 1).0;
        let unit = lexicon::unit(u)?;
        // "the last minute", "the next day": idioms and event-relative days, not stretches
        if a == i
            || !matches!(unit, Unit::Week | Unit::Fortnight | Unit::Month | Unit::Year | Unit::Decade)
                && !u.ends_with('s')
        {
            return None;
        }
        let value = if u.ends_with('s') {
            Value::Ref(if matches!(w, "coming" | "next") { "FUTURE_REF" } else { "PAST_REF" })
        } else if matches!(w, "past" | "last") {
            duration("1", unit)
        } else {
            return None; // "the next day": relative to an event, not to now
        };
        Some(Found::new(i + 2, self.span(a, i + 1), Some(value)))
    }

    /// "earlier this week", "later this month", "late last year", "early February", "late 2024".
    fn prefixed(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        if matches!(n, "this" | "last" | "next") {
            let f = self.relative(i, i + 1)?;
            return Some(f);
        }
        let w = self.w(i);
        if matches!(w, "early" | "late") {
            if lexicon::month(strip_possessive(n).0).is_some() {
                return self.month(i, i + 1, true);
            }
            if let Some(y) = self.is_number(i + 1).then(|| parse_year(n)).flatten() {
                return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Year(y))));
            }
        }
        None
    }

    /// "every Monday", "every two weeks", "each year".
    fn every(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        if let Some(wd) = lexicon::weekday(n) {
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Set(format!("XXXX-WXX-{wd}")))));
        }
        let (count, at) = match lexicon::number_word(n).filter(|_| n != "a" && n != "an") {
            Some(c) => (c.to_string(), i + 2),
            None if self.is_number(i + 1) => (parse_count(n)?, i + 2),
            None => ("1".to_string(), i + 1),
        };
        let unit = lexicon::unit(self.w(at))?;
        let Value::Duration(v) = duration(&count, unit) else {
            return None;
        };
        Some(Found::new(at + 1, self.span(i, at), Some(Value::Set(v))))
    }

    /// Expressions opening with "the": "the weekend", "the coming days", "the past two weeks",
    /// "the future", "the past", "the 1990s".
    fn the(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        let p = self.prev(i);
        match n {
            "weekend" if matches!(p, "at" | "over" | "on" | "during" | "for" | "across" | "by" | "until" | "this") => {
                let tense = self.tense(i, i + 2, false);
                let value = self.anchor().and_then(|d| calendar::weekend(d, Rel::Bare, tense)).map(Value::Weekend);
                Some(Found::new(i + 2, self.span(i, i + 1), value))
            }
            "past" | "last" | "next" | "coming" => {
                if let Some(f) = self.stretch(i + 1) {
                    return Some(f);
                }
                if n == "past" && matches!(p, "in") {
                    return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Ref("PAST_REF"))));
                }
                None
            }
            "future" if p == "in" && !self.is_word(i + 2) => {
                Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Ref("FUTURE_REF"))))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
