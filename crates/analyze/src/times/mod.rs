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
//! * durations ("two weeks", "20-minute", "more than three years", "two and a half years", "six
//!   straight days", "for years") and clock times ("3pm", "15:00 GMT", "10:30 a.m.", "noon"; on
//!   the date that follows: "at 16:15 UTC, June 1");
//! * quarters, halves and fiscal years ("Q3 2024", "the third quarter of last year",
//!   "third-quarter", "the first half of 2024", "fiscal 2024"), parts of days as TimeML writes
//!   them ("this morning" `…TMO`, "Friday night" `…TNI`), seasons ("in the spring"), holidays
//!   ("Christmas", "New Year's Day"), numeric dates ("7/8/07", month first);
//! * sets ("every Monday", "each year", "weekly", "annual") and the references TempEval counts
//!   ("currently", "the current crisis", "recent", "once" as "formerly", "earlier" ending a
//!   clause, "the past", "in the near term", "for the time being", "the previous year", "a day
//!   earlier", "for the day" in market reports).
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
        &[Layer::Sentences, Layer::Tokens, Layer::Published]
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
        Unit::Quarter => format!("P{n}Q"),
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
        if let Some(f) = self.other_word(i, w, possessive) {
            return Some(f);
        }
        match w {
            "last" | "next" | "this" | "past" | "coming" => return self.relative(i, i),
            "earlier" | "later" | "early" | "late" => return self.prefixed(i),
            "every" | "each" => return self.every(i),
            "the" => return self.the(i),
            // "the Today programme", "USA Today": names
            "today" | "tonight" if i != self.s0 && self.capitalised(i) => return None,
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
                if let Some(Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade) =
                    lexicon::unit(self.w(i + 1))
                {
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

    /// Single words and short phrases: quarters ("Q3 2024"), fiscal years ("fiscal 2024"),
    /// frequencies ("weekly"), seasons ("in the spring"), "once", "current", "recent",
    /// "earlier", "noon", bare plural units ("for years").
    fn other_word(&self, i: usize, w: &str, possessive: bool) -> Option<Found> {
        let orig = self.orig(i);
        let n = self.w(i + 1);
        let p = self.prev(i);
        // "Q3", "Q3 2024"
        if w.len() == 2 && orig.starts_with('Q') && matches!(w.as_bytes()[1], b'1'..=b'4') {
            let q = u32::from(w.as_bytes()[1] - b'0');
            if let Some(y) = self.is_number(i + 1).then(|| parse_year(n)).flatten() {
                return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Quarter(y, q))));
            }
            let value =
                self.anchor().map(|d| Value::Quarter(calendar::quarter_year(d, q, self.tense(i, i + 1, false)), q));
            return Some(Found::new(i + 1, self.span(i, i), value));
        }
        // "FY2024", "FY24"
        if let Some(rest) = w.strip_prefix("fy").filter(|_| orig.starts_with("FY")) {
            let y = match rest.len() {
                4 => parse_year(rest),
                2 => rest.parse::<i32>().ok().filter(|_| rest.bytes().all(|b| b.is_ascii_digit())).map(|y| 2000 + y),
                _ => None,
            }?;
            return Some(Found::new(i + 1, self.span(i, i), Some(Value::Fiscal(y))));
        }
        // "fiscal 2024", "fiscal year 2024"
        if w == "fiscal" || w == "financial" {
            let at = if n == "year" { i + 2 } else { i + 1 };
            if let Some(y) = self.is_number(at).then(|| parse_year(self.base(at).0)).flatten() {
                return Some(Found::new(at + 1, self.span(i, at), Some(Value::Fiscal(y))));
            }
            return None;
        }
        if let Some(v) = lexicon::set_word(w) {
            // "the Daily Mail", "Weekly Standard": names
            if self.capitalised(i) && (i != self.s0 || self.capitalised(i + 1)) {
                return None;
            }
            return Some(Found::new(i + 1, self.span(i, i), Some(Value::Set(v.to_string()))));
        }
        if let Some(code) = lexicon::season(w) {
            return self.season(i, code);
        }
        match w {
            // "was once", "had once": formerly; "once the deal is signed" is a conjunction
            "once"
                if matches!(p, "was" | "were" | "had" | "has" | "have" | "is" | "are")
                    && !matches!(n, "again" | "more" | "and" | "or") =>
            {
                Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("PAST_REF"))))
            }
            "current" | "recent" if !possessive && !self.capitalised(i) => {
                // "the current year", "the current quarter"
                if w == "current" && p == "the" {
                    let value = self.anchor().and_then(|d| match n {
                        "year" => Some(Value::Year(d.year())),
                        "month" => Some(Value::Month(d.year(), d.month())),
                        "week" => Some(Value::Week(d)),
                        "quarter" => {
                            let (y, q) = calendar::add_quarters(d, 0);
                            Some(Value::Quarter(y, q))
                        }
                        _ => None,
                    });
                    if value.is_some() {
                        return Some(Found::new(i + 2, self.span(i - 1, i + 1), value));
                    }
                }
                // an adjective before a noun: "the current crisis", "recent weeks" (handled
                // elsewhere), not "current account" nor "a recent graduate"
                let noun = self.is_word(i + 1)
                    && !self.capitalised(i + 1)
                    && lexicon::unit(n).is_none()
                    && !matches!(
                        n,
                        "account" | "accounts" | "affairs" | "and" | "or" | "to" | "of" | "events" | "graduate"
                    );
                if !noun || !matches!(p, "the" | "its" | "their" | "his" | "her" | "our" | "this" | "a" | "in") {
                    return None;
                }
                let r = if w == "current" { "PRESENT_REF" } else { "PAST_REF" };
                Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref(r))))
            }
            // "earlier today"; "earlier" ending a clause ("as he said earlier")
            "earlier" if !matches!(p, "an" | "the" | "much" | "even" | "no" | "any") => {
                if n == "today" {
                    let value = self.anchor().map(Value::Day);
                    return Some(Found::new(i + 2, self.span(i, i + 1), value));
                }
                let ends = !self.in_sentence(i + 1) || matches!(n, "," | "." | ";" | ")" | "?" | "!");
                if !ends {
                    return None;
                }
                Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("PAST_REF"))))
            }
            "later" if !matches!(p, "a" | "the" | "much" | "even" | "no" | "any") => {
                if n == "today" || n == "tonight" {
                    let value =
                        self.anchor().map(|d| if n == "today" { Value::Day(d) } else { Value::DayPart(d, "NI") });
                    return Some(Found::new(i + 2, self.span(i, i + 1), value));
                }
                let ends = !self.in_sentence(i + 1) || matches!(n, "," | "." | ";" | ")" | "?" | "!");
                if !ends || self.tense(i, i + 1, false) != Some(calendar::Tense::Future) {
                    return None;
                }
                Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("FUTURE_REF"))))
            }
            "christmas" | "halloween" | "new" if self.capitalised(i) => self.holiday(i),
            "noon" | "midnight" if matches!(p, "at" | "by" | "until" | "before" | "after") => {
                let h = if w == "noon" { 12 } else { 24 };
                let value = self.anchor().filter(|_| self.fixed).map(|d| Value::Time(d, h, 0, false));
                Some(Found::new(i + 1, self.span(i, i), value))
            }
            // "for years", "within days", "the worst in decades"
            _ if w.ends_with('s')
                && matches!(p, "for" | "within" | "in")
                && lexicon::unit(w).is_some_and(|u| u != Unit::Quarter && u != Unit::Second) =>
            {
                if matches!(n, "of" | "to") {
                    return None; // "for years of service"
                }
                let unit = lexicon::unit(w)?;
                Some(Found::new(i + 1, self.span(i, i), Some(duration("X", unit))))
            }
            _ => None,
        }
    }

    /// "Christmas", "Christmas Eve", "Christmas Day", "New Year's Day", "New Year's Eve",
    /// "Halloween", alone or with a year.
    fn holiday(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let (m, d, last) = match w {
            "christmas" => match self.w(i + 1) {
                "eve" => (12, 24, i + 1),
                "day" => (12, 25, i + 1),
                _ => (12, 25, i),
            },
            "halloween" => (10, 31, i),
            "new" if matches!(self.w(i + 1), "year's" | "year’s") => match self.w(i + 2) {
                "eve" => (12, 31, i + 2),
                "day" => (1, 1, i + 2),
                _ => return None,
            },
            _ => return None,
        };
        if self.capitalised(i + 1) && last == i {
            return None; // "Christmas Island"
        }
        // a date only after a preposition or as "the Christmas period", not "a Christmas tree"
        let p = self.prev(i);
        let dated = last > i
            || self.is_number(last + 1)
            || matches!(
                p,
                "at" | "over"
                    | "before"
                    | "after"
                    | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "on"
                    | "for"
                    | "during"
                    | "this"
                    | "last"
                    | "next"
                    | "around"
                    | "ahead"
                    | "of"
                    | "from"
                    | "to"
            )
            || (p == "the" && matches!(self.w(last + 1), "period" | "season" | "holiday" | "holidays" | "break"))
            // "Christmas sales", "Christmas trading": the season of the year
            || matches!(self.w(last + 1), "sales" | "shopping" | "trading" | "spending" | "and");
        if !dated {
            return None;
        }
        if let Some(y) = self.is_number(last + 1).then(|| parse_year(self.w(last + 1))).flatten() {
            let value = NaiveDate::from_ymd_opt(y, m, d).map(Value::Day);
            return Some(Found::new(last + 2, self.span(i, last + 1), value));
        }
        let value = self.anchor().and_then(|anchor| {
            let tense = self.tense(i, last + 1, false);
            calendar::month_day(anchor, m, d, tense).map(Value::Day)
        });
        Some(Found::new(last + 1, self.span(i, last), value))
    }

    /// A season named at `i`: "in the spring", "spring 2014", "the autumn of 2008".
    fn season(&self, i: usize, code: &'static str) -> Option<Found> {
        let p = self.prev(i);
        let a = if p == "the" { i - 1 } else { i };
        let y_at = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some(y) = self.is_number(y_at).then(|| parse_year(self.w(y_at))).flatten() {
            return Some(Found::new(y_at + 1, self.span(a, y_at), Some(Value::Season(y, code))));
        }
        let before = if a == i { p } else { self.prev(a) };
        // "in spring", "during the winter"; not "Arab Spring", "spring water"
        if !matches!(before, "in" | "during" | "by" | "until" | "over" | "through") || self.capitalised(i) {
            return None;
        }
        if self.is_word(i + 1) && !matches!(self.w(i + 1), "and" | "or" | "when" | "as") {
            let n = self.w(i + 1);
            if n.chars().all(|c| c.is_ascii_lowercase())
                && !matches!(n, "of" | "to" | "for" | "in" | "on" | "at" | "the")
            {
                return None;
            }
        }
        let value = self.anchor().map(|d| Value::Season(d.year(), code));
        Some(Found::new(i + 1, self.span(a, i), value))
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
            // but "in a Wednesday media event" is that Wednesday
            let n = self.w(i + 1);
            let attributive = self.prev(i) == "a"
                && !possessive
                && self.is_word(i + 1)
                && !self.capitalised(i + 1)
                && lexicon::day_part(n).is_none()
                && !matches!(n, "and" | "or" | "when" | "that" | "which" | "in" | "at" | "of" | "to" | "is" | "was")
                && i >= self.s0 + 2
                && matches!(self.w(i - 2), "in" | "at" | "during" | "after" | "before");
            if !attributive {
                return skip;
            }
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
        let part = if possessive { None } else { lexicon::day_part(self.orig(i + 1)) };
        if part.is_some() {
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
        let value = date.map(|d| match part {
            Some(p) => Value::DayPart(d, p),
            None => Value::Day(d),
        });
        Some(Found::new(last + 1, self.span(a, last), value))
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
        // "since '82"
        if w.len() == 2 && i >= self.s0 + 2 && matches!(self.w(i - 1), "'" | "’") && !self.is_word(i + 1) {
            let p = self.w(i - 2);
            if let (Ok(yy), true) = (w.parse::<i32>(), lexicon::date_preposition(p) || p == "of") {
                let now = self.anchor().map_or(2025, |d| d.year()) % 100;
                let y = if yy > now { 1900 + yy } else { 2000 + yy };
                return Some(Found::new(i + 1, self.span(i - 1, i), Some(Value::Year(y))));
            }
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
            // "the 70s and 80s"
            let listed = matches!(self.prev(i), "and" | "or" | "to")
                && i >= self.s0 + 2
                && self.w(i - 2).ends_with("0s")
                && self.is_number(i - 2);
            let p = if listed { "the" } else { self.prev(i) };
            if let (Ok(d), "the" | "'" | "’" | "early" | "late" | "mid" | "in") = (d.parse::<i32>(), p) {
                if d >= 20 {
                    return Some(Found::new(i + 1, self.span(i, i), Some(Value::Decade(190 + d / 10))));
                }
            }
        }
        if let Some(f) = self.slashed(i) {
            return Some(f);
        }
        let y = parse_year(b)?;
        if !(1900..=2100).contains(&y) {
            return None;
        }
        // "WWDC 2005", "Euro 2024": an event's year, close to the anchor
        let named = i > self.s0
            && self.is_word(i - 1)
            && self.capitalised(i - 1)
            && lexicon::month(self.w(i - 1)).is_none()
            && !matches!(
                self.w(i - 1),
                "no." | "no" | "number" | "article" | "section" | "flight" | "route" | "windows"
            )
            && self.anchor().is_some_and(|d| (d.year() - y).abs() <= 2)
            && !self.is_word(i + 1);
        if possessive || named || self.year_context(i) {
            // "spring 2014"
            if let Some(s) = (i > self.s0).then(|| lexicon::season(self.w(i - 1))).flatten() {
                return Some(Found::new(i + 1, self.span(i - 1, i), Some(Value::Season(y, s))));
            }
            return Some(Found::new(i + 1, self.span(i, i), Some(Value::Year(y))));
        }
        None
    }

    /// "7/8/07", "12/25/2024": month first, unless the first number cannot be a month.
    fn slashed(&self, i: usize) -> Option<Found> {
        if self.w(i + 1) != "/" || self.w(i + 3) != "/" || !self.is_number(i + 2) || !self.is_number(i + 4) {
            return None;
        }
        let (a, b, c) = (self.w(i), self.w(i + 2), self.w(i + 4));
        if a.len() > 2 || b.len() > 2 || !(c.len() == 2 || c.len() == 4) || self.w(i + 5) == "/" {
            return None;
        }
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        let y: i32 = c.parse().ok()?;
        let y = if c.len() == 2 {
            if y > 50 {
                1900 + y
            } else {
                2000 + y
            }
        } else {
            y
        };
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        Some(Found { explicit: true, ..Found::new(i + 5, self.span(i, i + 4), Some(Value::Day(date))) })
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

    /// "3pm", "3 p.m.", "3.30pm", "15:00 GMT", "10:30 a.m.".
    fn clock(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let meridiem_word = |k: usize| match self.w(k) {
            "pm" | "p.m." | "p.m" => Some(true),
            "am" | "a.m." | "a.m" => Some(false),
            _ => None,
        };
        let (digits, mut last, mut meridiem) = if let Some(d) = w.strip_suffix("pm") {
            (d, i, Some(true))
        } else if let Some(d) = w.strip_suffix("am") {
            (d, i, Some(false))
        } else {
            match meridiem_word(i + 1) {
                Some(pm) => (w, i + 1, Some(pm)),
                None => (w, i, None),
            }
        };
        let (h, mut min) = match digits.split_once('.') {
            Some((h, m)) => (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?),
            None => (digits.parse::<u32>().ok()?, 0),
        };
        // "10:30", "10:30 a.m."
        let colon = meridiem.is_none()
            && self.w(i + 1) == ":"
            && self.is_number(i + 2)
            && self.w(i + 2).len() == 2
            && digits.len() <= 2;
        if colon {
            min = self.w(i + 2).parse().ok()?;
            last = i + 2;
            if let Some(pm) = meridiem_word(i + 3) {
                meridiem = Some(pm);
                last = i + 3;
            }
        }
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
            // "15:00": only with the colon
            None if colon && h <= 23 => h,
            None => return None,
        };
        if min > 59 {
            return None;
        }
        let mut utc = false;
        if matches!(self.w(last + 1), "gmt" | "bst" | "utc" | "cet" | "est" | "edt" | "et" | "pst" | "msk") {
            utc = matches!(self.w(last + 1), "gmt" | "utc");
            last += 1;
        }
        // "at 16:15 UTC, June 1st", "at 10am on Tuesday": the date that follows
        let mut k = last + 1;
        while matches!(self.w(k), "," | "on") && k <= last + 2 {
            k += 1;
        }
        let day = {
            let f = if self.is_word(k) && lexicon::month(self.w(k)).is_some() {
                self.month_day(k)
            } else if self.is_word(k) && lexicon::weekday(self.w(k)).is_some() {
                self.weekday(k, k, Rel::Bare)
            } else if self.is_number(k) {
                self.day_month(k)
            } else {
                None
            };
            match f.and_then(|f| f.value) {
                Some(Value::Day(d)) => Some(d),
                _ => None,
            }
        };
        let value = day.or_else(|| self.anchor().filter(|_| self.fixed)).map(|d| Value::Time(d, h, min, utc));
        Some(Found::new(last + 1, self.span(i, last), value))
    }

    // ---- quantities: durations and "ago" ---------------------------------------------------------

    /// A number and a unit at `i` ("three years", "10 days ago", "a few weeks", "two and a half
    /// years", "six straight days", "a day earlier"); the expression starts at `a`.
    fn quantity(&self, a: usize, i: usize) -> Option<Found> {
        let w = self.w(i);
        let (mut count, mut unit_at): (Option<String>, usize) = if self.is_number(i) {
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
        // "two and a half years"
        if count.is_some() && self.w(unit_at) == "and" && self.w(unit_at + 1) == "a" && self.w(unit_at + 2) == "half" {
            count = count.map(|c| format!("{c}.5"));
            unit_at += 3;
        }
        // "60 to 90 days": the first number takes the unit of the second
        if self.is_number(i) && matches!(self.w(i + 1), "to" | "or" | "and" | "-" | "–") && self.is_number(i + 2) {
            if let (Some(n), Some(unit)) = (count.as_deref(), lexicon::unit(self.w(i + 3))) {
                if a == i && parse_count(self.w(i + 2)).is_some() {
                    return Some(Found::new(i + 1, self.span(i, i), Some(duration(n, unit))));
                }
            }
        }
        // "six straight days", "two more years"
        if self.is_word(unit_at)
            && lexicon::unit_adjective(self.w(unit_at))
            && lexicon::unit(self.w(unit_at + 1)).is_some()
        {
            unit_at += 1;
        }
        let u = self.w(unit_at);
        let unit = lexicon::unit(u)?;
        // "three quarters of voters": a fraction
        if unit == Unit::Quarter && self.w(unit_at + 1) == "of" && unit_at == i + 1 {
            return None;
        }
        let ago = self.w(unit_at + 1) == "ago";
        let shifted = matches!(self.w(unit_at + 1), "earlier" | "later");
        // "a year" only as "a year ago" or "for a year"
        let relative_to_event = shifted || matches!(self.w(unit_at + 1), "after" | "before");
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
        // "a year earlier": counted back from the anchor, like "ago"
        let back = ago || (self.w(unit_at + 1) == "earlier" && self.fixed);
        if back {
            let end = unit_at + 1;
            let span = self.span(a, end);
            let n: Option<i64> = count.as_deref().and_then(|c| c.parse().ok());
            let value = match (n, unit) {
                (None, _)
                | (_, Unit::Decade | Unit::Century | Unit::Hour | Unit::Minute | Unit::Second | Unit::Quarter) => {
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
        let end = if shifted { unit_at + 1 } else { unit_at };
        Some(Found::new(end + 1, self.span(a, end), Some(duration(&n, unit))))
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
        // "third-quarter results", "first-half profits"
        if let Some(k) = lexicon::ordinal(head) {
            if tail == "quarter" {
                let value =
                    self.anchor().map(|d| Value::Quarter(calendar::quarter_year(d, k, self.tense(i, i + 1, false)), k));
                return Some(Found::new(i + 1, self.span(i, i), value));
            }
            return None;
        }
        // "the year-earlier period", "the year-ago quarter"
        if matches!(tail, "earlier" | "ago") {
            let value = self.anchor().and_then(|d| match head {
                "year" => Some(Value::Year(d.year() - 1)),
                "month" => {
                    let (y, m) = calendar::add_months(d, -1);
                    Some(Value::Month(y, m))
                }
                "quarter" => {
                    let (y, q) = calendar::add_quarters(d, -1);
                    Some(Value::Quarter(y, q))
                }
                _ => None,
            });
            return value.map(|v| Found::new(i + 1, self.span(i, i), Some(v)));
        }
        // "decades-long", "years-long"
        if matches!(tail, "long" | "old") && head.ends_with('s') {
            let unit = lexicon::unit(head)?;
            if tail == "old" {
                return None;
            }
            return Some(Found::new(i + 1, self.span(i, i), Some(duration("X", unit))));
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
        let mut part = (self.w(i) == "tonight").then_some("NI");
        if days != 0 {
            if let Some(p) = lexicon::day_part(self.w(i + 1)) {
                last = i + 1;
                part = Some(p);
            }
        }
        let value = self.anchor().and_then(|a| calendar::shift(a, days)).map(|d| match part {
            Some(p) => Value::DayPart(d, p),
            None => Value::Day(d),
        });
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
            "quarter" => anchor.map(|d| {
                let (y, q) = calendar::add_quarters(d, delta);
                Value::Quarter(y, q)
            }),
            "morning" | "afternoon" | "evening" if rel == Rel::This => {
                anchor.zip(lexicon::day_part(t)).map(|(d, p)| Value::DayPart(d, p))
            }
            "night" if rel != Rel::Next => {
                anchor.and_then(|d| calendar::shift(d, delta)).map(|d| Value::DayPart(d, "NI"))
            }
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

    /// "the third quarter (of 2009 / of this year / of last year)", "the first half", "the last
    /// quarter", "the previous year", "the year" after "the end of", "over the years".
    fn the_period(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        let p = self.prev(i);
        let anchor = self.anchor();
        // an ordinal quarter or half
        let ordinal = (self.is_word(i + 2) && lexicon::ordinal(n).is_some()) || matches!(n, "last" | "latest");
        let (ord_at, unit_at) = if ordinal { (i + 1, i + 2) } else { (0, 0) };
        if unit_at > 0 {
            let u = self.w(unit_at);
            let half = u == "half";
            if u == "quarter" || half {
                let of_year = |k: usize| -> Option<(Option<i32>, usize)> {
                    // "of 2009", "of this year", "of last year", "of the year"
                    if self.w(k) != "of" {
                        return None;
                    }
                    if let Some(y) = self.is_number(k + 1).then(|| parse_year(self.base(k + 1).0)).flatten() {
                        return Some((Some(y), k + 1));
                    }
                    let delta = match self.w(k + 1) {
                        "this" | "the" => 0,
                        "last" => -1,
                        "next" => 1,
                        _ => return None,
                    };
                    (self.base(k + 2).0 == "year").then(|| (anchor.map(|d| d.year() + delta), k + 2))
                };
                let ord = lexicon::ordinal(self.w(ord_at));
                if let Some((y, end)) = of_year(unit_at + 1) {
                    let k = if n == "last" {
                        if half {
                            2
                        } else {
                            4
                        }
                    } else {
                        ord?
                    };
                    let value = y.and_then(|y| match (half, k) {
                        (true, 1 | 2) => Some(Value::Half(y, k)),
                        (false, _) => Some(Value::Quarter(y, k)),
                        _ => None,
                    });
                    return Some(Found::new(end + 1, self.span(i, end), value));
                }
                if half {
                    // "in the first half": of this year; not "the first half of the match"
                    let value = match ord {
                        Some(k @ 1..=2) if matches!(p, "in" | "during" | "for") && self.w(unit_at + 1) != "of" => {
                            anchor.map(|d| Value::Half(d.year(), k))
                        }
                        _ => return None,
                    };
                    return Some(Found::new(unit_at + 1, self.span(i, unit_at), value));
                }
                let value = match (n, ord) {
                    ("last" | "latest", _) => anchor.map(|d| {
                        let (y, q) = calendar::add_quarters(d, -1);
                        Value::Quarter(y, q)
                    }),
                    (_, Some(q)) => anchor
                        .map(|d| Value::Quarter(calendar::quarter_year(d, q, self.tense(i, unit_at + 1, false)), q)),
                    _ => None,
                };
                return Some(Found::new(unit_at + 1, self.span(i, unit_at), value));
            }
        }
        // "the previous year", "the previous week"
        if n == "previous" || n == "prior" {
            let u = self.base(i + 2).0;
            let value = anchor.and_then(|d| match u {
                "year" => Some(Value::Year(d.year() - 1)),
                "month" => {
                    let (y, m) = calendar::add_months(d, -1);
                    Some(Value::Month(y, m))
                }
                "week" => calendar::shift(d, -7).map(Value::Week),
                "quarter" => {
                    let (y, q) = calendar::add_quarters(d, -1);
                    Some(Value::Quarter(y, q))
                }
                _ => None,
            })?;
            return Some(Found::new(i + 3, self.span(i, i + 2), Some(value)));
        }
        // "the end of the year", "the start of the month"
        if p == "of" && i >= self.s0 + 2 && lexicon::period_word(self.w(i - 2)) && !self.is_word(i + 2) {
            let value = anchor.and_then(|d| match n {
                "year" => Some(Value::Year(d.year())),
                "month" => Some(Value::Month(d.year(), d.month())),
                "week" => Some(Value::Week(d)),
                _ => None,
            })?;
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(value)));
        }
        // "in the near term", "over the long run"
        if matches!(n, "near" | "short" | "long" | "medium") && matches!(self.w(i + 2), "term" | "run") {
            if matches!(p, "in" | "over" | "for") {
                return Some(Found::new(i + 3, self.span(i, i + 2), Some(Value::Ref("FUTURE_REF"))));
            }
            return None;
        }
        if n == "time" && self.w(i + 2) == "being" {
            return Some(Found::new(i + 3, self.span(i, i + 2), Some(Value::Ref("PRESENT_REF"))));
        }
        // market reports: "closed the day", "for the day", "the start of the day"
        if n == "day" && !matches!(self.w(i + 2), "before" | "after" | "of" | "when" | "that") {
            // "at the end of the day" is an idiom
            let idiom = p == "of" && i >= self.s0 + 4 && self.w(i - 2) == "end" && self.w(i - 4) == "at";
            let lead = matches!(p, "for" | "end" | "ended" | "ending" | "finish" | "finished" | "close" | "closed")
                || (p == "of" && i >= self.s0 + 2 && matches!(self.w(i - 2), "start" | "end" | "close") && !idiom);
            if lead && self.fixed {
                return Some(Found::new(i + 2, self.span(i, i + 1), anchor.map(Value::Day)));
            }
        }
        // "over the years", "in the years since"
        if p == "over" && matches!(n, "years" | "decades" | "months") {
            let unit = lexicon::unit(n)?;
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(duration("X", unit))));
        }
        None
    }

    /// Expressions opening with "the": "the weekend", "the coming days", "the past two weeks",
    /// "the future", "the past", "the 1990s".
    fn the(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        let p = self.prev(i);
        if let Some(f) = self.the_period(i) {
            return Some(f);
        }
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
                let alone = !self.is_word(i + 2) || matches!(self.w(i + 2), "and" | "or" | "but");
                if n == "past" && (matches!(p, "in" | "from" | "of" | "to") || alone) {
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
