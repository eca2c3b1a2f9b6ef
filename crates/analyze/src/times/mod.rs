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
//!   ("Christmas", "New Year's Day"; "Thanksgiving", "Labor Day", "Memorial Day" by their US
//!   dates; "last Thanksgiving" the one gone), numeric dates ("7/8/07", month first);
//! * sets ("every Monday", "each year", "weekly", "annual") and the references TempEval counts
//!   ("currently", "the current crisis", "recent", "once" as "formerly", "earlier" ending a
//!   clause, "the past", "in the near term", "for the time being", "the previous year", "a day
//!   earlier", "for the day" in market reports);
//! * year ranges, each year its own expression ("2009-2011", "2009-11"), attributive years ("a
//!   2009 report"), spelled years ("nineteen ninety-seven"), centuries ("the 20th century"),
//!   "this fiscal year", "the next decade"; quarters by reference ("the quarter": the one named
//!   last, not one told of in passing, "after a flat second quarter"; "a year earlier" in a
//!   sentence about a quarter: that quarter a year before; after "the six months ended Aug. 12":
//!   that day a year before); "the past year" (the year before), "the coming year" (the year
//!   after), "two weeks from now", "the year 2000", "next Jan. 1" (the one ahead); "the
//!   following year", "the day before" counted from the last date the text gave; "at the time";
//!   bare plural durations ("can take weeks"), elapsed times ("2:07:35"), frequencies ("twice a
//!   week", "every morning", "each July", "Tuesday nights"); "this past spring", "these days",
//!   "for a while" (`PXX`), "the next couple of years" (two), "an hour and a half",
//!   "several-year"; "by year-end" (the year's last day; last year's after "since"), "earlier
//!   in the year" (the year last told of), "mid afternoon", "the previous Friday" (the one
//!   before the day last told of), "will one day" and "a later date" (`FUTURE_REF`); an unknown
//!   count of decades or centuries in TimeBank's units (`PXE`, `PXC`). Ages ("aged 3 months"),
//!   margins ("one second slower"), fractions ("three-quarters of"), a frequency adjective
//!   before an amount per period ("quarterly dividend", "annual rate"), titles ("ABC's \"This
//!   Week\""), a sentence-opening "Now,", "today's world" (the present age), "soon" in a past
//!   clause ("was soon released") and "minutes apart" are not time expressions. "the week of
//!   March 6" is that day's week, "the day before last Tuesday's hearing" the day before it,
//!   "post-1959" the year; a clock time restated in another zone in brackets ("10:35 a.m. (0735
//!   GMT) Friday") is one expression, dated by the day after the brackets, and "at 4 in the
//!   morning (4 a.m. EDT Thursday)" takes the day named in them. Spans are drawn as TimeML
//!   draws them: "about", "just", "over" outside, determiners and "a mere" inside.
//!
//! Relative expressions are anchored on the publication date; without one, on the last explicit
//! full date seen earlier in the article; without that, they are left out rather than guessed.
//! A weekday or month named without "last"/"next" is resolved by the tense of its clause: a
//! future marker ("will", "scheduled", "is to") points forward, a past marker ("said", "met",
//! an "-ed" verb) back, and with neither the nearest occurrence wins (a weekday three days ahead
//! is taken as the one four days back: news mostly reports days gone; a month goes the way of
//! the date named before it in its sentence). The marker nearest to the
//! expression decides, so in "said he would visit on Wednesday" it is "would" that counts; a
//! reporting verb far back does not date what it reports, nor a past verb the plan it governs
//! ("agreed to purchase ... in February": the nearest), and a deadline ("until Friday", "by
//! March", "until 5 p.m. EST Nov. 9", "effective Feb. 1") looks ahead. Day words quoted from, or reported after, a speech whose day the
//! sentence gives count from that day; a time of day takes the date that follows it, else the
//! one just before it in its sentence.

mod calendar;
mod clock;
mod dates;
mod durations;
mod holidays;
mod lexicon;
mod numbers;
mod periods;
mod relative;
mod sets;
mod speech;
mod tense;
mod tokens;

use chrono::{Datelike, NaiveDate};
use parallax_doc::{Doc, Layer, Span, Stage, TimeExpr};

use calendar::{Rel, Value};
use lexicon::Unit;
use numbers::{duration, parse_year};

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
    // each token's text in lower case, read once: the rules look at every token's
    // neighbours many times over
    let words = doc.tokens.iter().map(|t| lower.get(t.span.start..t.span.end).unwrap_or("")).collect();
    let mut t = ExpressionReader {
        doc,
        lower: &lower,
        words,
        anchor: published,
        fixed: published.is_some(),
        s0: 0,
        s1: 0,
        out: Vec::new(),
        counted_back: Vec::new(),
    };
    for s in &doc.sentences {
        t.s0 = s.tokens.start.min(doc.tokens.len());
        t.s1 = s.tokens.end.min(doc.tokens.len());
        let first = t.out.len();
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
                        let back = matches!(value, Value::QuarterBack(..));
                        let (value, kind) = value.render();
                        let span = t.part_of_period(found.span);
                        if span.start < span.end && doc.text.get(span.start..span.end).is_some() {
                            if back {
                                t.counted_back.push(t.out.len());
                            }
                            t.out.push(TimeExpr { span, value, kind });
                        }
                    }
                    if let Some((span, value)) = found.second {
                        let (value, kind) = value.render();
                        if span.start < span.end && doc.text.get(span.start..span.end).is_some() {
                            t.out.push(TimeExpr { span, value, kind });
                        }
                    }
                    i = found.next;
                }
                _ => i += 1,
            }
        }
        t.reanchor_speech(first);
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
    /// A second expression read with this one ("2009-2011": each year its own expression).
    second: Option<(Span, Value)>,
}

impl Found {
    fn new(next: usize, span: Span, value: Option<Value>) -> Found {
        Found { next, span, value, explicit: false, second: None }
    }
}

/// Where a token stops a clause when looking for tense markers.
#[derive(PartialEq)]
enum Stop {
    None,
    Comma,
    Hard,
}

/// Reads the time expressions of one article, sentence by sentence: the document, its anchor
/// date and what it has found so far. Its passes live in the files beside this one.
struct ExpressionReader<'a> {
    doc: &'a Doc,
    /// `doc.text`, ASCII-lowercased (same byte offsets).
    lower: &'a str,
    /// Each token's text in `lower` ("" where the span is not on character boundaries).
    words: Vec<&'a str>,
    anchor: Option<NaiveDate>,
    /// True when the anchor is the publication date (it never moves).
    fixed: bool,
    /// The current sentence's token range.
    s0: usize,
    s1: usize,
    out: Vec<TimeExpr>,
    /// Indices in `out` of quarters counted back from another ("a year earlier"): not what "the
    /// quarter" refers to.
    counted_back: Vec<usize>,
}

impl<'a> ExpressionReader<'a> {
    fn match_at(&self, i: usize) -> Option<Found> {
        if self.is_number(i) {
            let found = match self.w(i + 1) {
                "times" => self.frequency(i),
                "century" => self.century(i),
                _ => None,
            };
            return found.or_else(|| self.quantity(i, i)).or_else(|| self.number(i));
        }
        if !self.is_word(i) {
            return None;
        }
        // most words open no expression: a word-table test ahead of the rules below
        if !self.may_open(i) {
            debug_assert!(self.match_word(i).is_none(), "a word the prefilter passes over opens an expression");
            return None;
        }
        self.match_word(i)
    }

    /// True unless the word at `i` can open no expression whatever its context: it is no word of
    /// the tables the rules of [`Self::match_word`] and [`Self::other_word`] start from, and
    /// the word after it is none of those that make a frequency, a quarter or a century of the
    /// word before ("twice a week", "the third quarter", "the 20th century"). A word a new rule
    /// opens on goes into `lexicon::OPENING_WORDS` (debug builds check).
    fn may_open(&self, i: usize) -> bool {
        let full = self.w(i);
        let (w, _) = tokens::strip_possessive(full);
        lexicon::opens_expression(w)
            || (full.len() != w.len() && lexicon::opens_expression(full))
            || lexicon::opening_follower(self.w(i + 1))
    }

    /// [`Self::match_at`] for a word token.
    fn match_word(&self, i: usize) -> Option<Found> {
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
            // "today's world", "today's youth": the present age, not the day
            "today" if possessive && lexicon::present_age_noun(self.w(i + 1)) => return None,
            "today" | "tonight" | "yesterday" | "tomorrow" => {
                return lexicon::day_word(w).and_then(|(days, _)| self.day_offset(i, days))
            }
            "recently" | "lately" => return Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("PAST_REF")))),
            "currently" | "nowadays" | "presently" => {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("PRESENT_REF"))))
            }
            // "Now, he says ...": opening a sentence before a comma, a discourse marker
            "now" if !possessive && (i != self.s0 || self.w(i + 1) != ",") => {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("PRESENT_REF"))))
            }
            // "Islam will one day be ...": some day, not a day's length
            "one" if self.w(i + 1) == "day" && i > self.s0 && lexicon::modal(self.prev(i)) => {
                return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Ref("FUTURE_REF"))))
            }
            // "soon" ahead; in a past clause ("was soon released", "that soon became") it counts
            // from the event told of, not from now
            "soon"
                if !matches!(self.prev(i), "as" | "too" | "so" | "how")
                    && !matches!(self.w(i + 1), "as" | "after")
                    && self.tense(i, i + 1, false) != Some(calendar::Tense::Past) =>
            {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Ref("FUTURE_REF"))))
            }
            // "in recent weeks", "the boom of recent years"
            "recent" if lexicon::recent_preposition(self.prev(i)) => {
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
        if w.bytes().any(|b| b == b'-') {
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
        // "mid afternoon": that part of the day told of in the sentence, else of the anchor
        if w == "mid" {
            if let Some(part) = lexicon::day_part(n).filter(|_| n != "night") {
                return Some(Found::new(i + 2, self.span(i, i + 1), self.mid_day_part(i, part)));
            }
        }
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
        let found = match n {
            "quarter" => self.bare_quarter(i),
            "times" | "a" | "an" | "per" | "each" | "every" => self.frequency(i),
            "century" => self.century(i),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
        // "by the end of year", "around year end"
        if w == "year" && !possessive {
            let of_period = p == "of" && i >= self.s0 + 2 && lexicon::period_word(self.w(i - 2));
            if of_period || (n == "end" && !self.is_word(i + 2)) {
                let last = if of_period { i } else { i + 1 };
                let value = self.anchor().map(|d| Value::Year(d.year()));
                return Some(Found::new(last + 1, self.span(i, last), value));
            }
        }
        // "that quarter": the one named last
        if w == "that" && n == "quarter" && !matches!(self.w(i + 2), "of" | "-") {
            return Some(Found::new(i + 2, self.span(i, i + 1), self.referred_quarter()));
        }
        if matches!(w, "nineteen" | "two") || w.ends_with("ties") {
            if let Some(f) = self.spelled_year(i) {
                return Some(f);
            }
        }
        if let Some(v) = lexicon::set_word(w) {
            // "the Daily Mail", "Weekly Standard": names
            if self.capitalised(i) && (i != self.s0 || self.capitalised(i + 1)) {
                return None;
            }
            // "its quarterly dividend", "an annual rate of 2.9%", "average daily share turnover":
            // the amount's measure, not a time
            if lexicon::rate_noun(n) || (self.is_word(i + 1) && lexicon::rate_noun(self.w(i + 2))) {
                return None;
            }
            return Some(Found::new(i + 1, self.span(i, i), Some(Value::Set(v.to_string()))));
        }
        if let Some(code) = lexicon::season(w) {
            return self.season(i, code);
        }
        match w {
            // "these days": now ("these days of plenty" names days)
            "days" if p == "these" && !matches!(n, "of" | "and") && i > self.s0 => {
                Some(Found::new(i + 1, self.span(i - 1, i), Some(Value::Ref("PRESENT_REF"))))
            }
            // "for a while", "after a while": a stretch of unknown length
            "while"
                if p == "a"
                    && i >= self.s0 + 2
                    && matches!(self.w(i - 2), "for" | "after" | "in" | "within" | "quite") =>
            {
                Some(Found::new(i + 1, self.span(i - 1, i), Some(Value::Duration("PXX".to_string()))))
            }
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
            // "at a later date": some day ahead; "at an earlier date": some day gone
            "later" | "earlier" if matches!(p, "a" | "an") && n == "date" && i > self.s0 => {
                let r = if w == "later" { "FUTURE_REF" } else { "PAST_REF" };
                Some(Found::new(i + 2, self.span(i - 1, i + 1), Some(Value::Ref(r))))
            }
            // "earlier today"; "earlier" ending a clause ("as he said earlier")
            "earlier" if !matches!(p, "an" | "the" | "much" | "even" | "no" | "any") => {
                if n == "yesterday" || lexicon::weekday(self.base(i + 1).0).is_some() {
                    return None; // "earlier Sunday": read as a prefix
                }
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
            _ if self.capitalised(i) && lexicon::holiday(w, n, self.w(i + 2)).is_some() => self.holiday(i),
            "noon" | "midnight"
                if matches!(p, "at" | "by" | "until" | "before" | "after")
                    || (self.is_word(i + 1) && lexicon::weekday(n).is_some()) =>
            {
                let h = if w == "noon" { 12 } else { 24 };
                Some(self.on_date(i, i, h, 0, false))
            }
            // "for years", "within days", "the worst in decades", "can take weeks", "minutes
            // before the blast"
            _ if w.ends_with('s')
                && lexicon::unit(w).is_some_and(|u| u != Unit::Quarter && u != Unit::Second)
                && (matches!(p, "for" | "within" | "in")
                    || lexicon::duration_verb(p)
                    || (lexicon::bare_duration_follower(n) && (i == self.s0 || !self.is_number(i - 1)))) =>
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

    /// `span` widened to "the end of", "the beginning of", "the middle of" before it, as both
    /// TimeBank and MEANTIME draw it ("the end of the year", "the end of November").
    fn part_of_period(&self, span: Span) -> Span {
        let k = self.doc.tokens.partition_point(|t| t.span.start < span.start);
        if k < self.s0 + 2 || self.w(k - 1) != "of" || !lexicon::part_of_period(self.w(k - 2)) {
            return span;
        }
        let a = if k >= self.s0 + 3 && self.w(k - 3) == "the" { k - 3 } else { k - 2 };
        let start = parallax_doc::TokenView::new(self.doc).span(a).start;
        if self.out.last().is_some_and(|o| o.span.end > start) {
            return span;
        }
        Span::new(start, span.end)
    }

    // ---- tense -------------------------------------------------------------------------------

    // ---- weekdays ----------------------------------------------------------------------------

    // ---- months and explicit dates -------------------------------------------------------------

    // ---- numbers -----------------------------------------------------------------------------

    // ---- quantities: durations and "ago" ---------------------------------------------------------

    // ---- relative expressions ----------------------------------------------------------------
}

#[cfg(test)]
mod tests;
