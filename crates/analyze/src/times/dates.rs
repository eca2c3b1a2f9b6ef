//! Calendar dates: weekdays, month and day in either order, months, years in a date context,
//! numeric dates ("7/8/07") and bare numbers that are years or days.

use chrono::{Datelike, NaiveDate};
use parallax_doc::Span;

use super::calendar::{Rel, Tense, Value};
use super::numbers::{parse_day, parse_year};
use super::tokens::strip_possessive;
use super::{calendar, lexicon};
use super::{ExpressionReader, Found};

impl<'a> ExpressionReader<'a> {
    /// A weekday at `i`; the expression starts at `a` ("last" in "last Friday").
    pub(super) fn weekday(&self, a: usize, i: usize, rel: Rel) -> Option<Found> {
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
        // "Tuesday nights", "on Sunday mornings": that part of every such day
        if !possessive {
            if let Some(part) = self.w(i + 1).strip_suffix('s').and_then(lexicon::day_part) {
                let value = Value::Set(format!("XXXX-WXX-{wd}T{part}"));
                return Some(Found::new(i + 2, self.span(a, i + 1), Some(value)));
            }
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
                return Some(Found {
                    span: Span::new(parallax_doc::TokenView::new(self.doc).span(a).start, f.span.end),
                    ..f
                });
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
            // "closed until Friday", "by Friday": a deadline ahead (unless the clause is past:
            // "had filed their reports by Wednesday")
            Rel::Bare if lexicon::deadline_preposition(self.prev(a)) => self.deadline_tense(a, last + 1, possessive),
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

    /// "Feb. 24", "February 24, 2022", "Feb 24 2022" with the month at `i`.
    pub(super) fn month_day(&self, i: usize) -> Option<Found> {
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

    /// The word before a date at `a`, read past a time of day just before it ("until 5 p.m. EST
    /// Nov. 9": "until").
    fn date_lead(&self, a: usize) -> &'a str {
        if !lexicon::clock_word(self.prev(a)) {
            return self.prev(a);
        }
        let mut j = a;
        while j > self.s0 && (self.is_number(j - 1) || self.w(j - 1) == ":" || lexicon::clock_word(self.w(j - 1))) {
            j -= 1;
        }
        self.prev(j)
    }

    /// "24 February 2022", "24th of February", "24 Feb" with the day at `i`.
    pub(super) fn day_month(&self, i: usize) -> Option<Found> {
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
    pub(super) fn yearless(&self, a: usize, b: usize, m: u32, d: u32) -> Found {
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
            let lead = self.date_lead(a);
            let tense = match self.tense_or_previous(a, b + 1, false) {
                // "extended the offer to Nov. 20", "until 5 p.m. EST Nov. 9", "created an office,
                // effective Feb. 1": a deadline, whatever the verb's tense
                Some(Tense::Past) if matches!(lead, "to" | "until" | "till" | "through" | "effective") => None,
                Some(Tense::Past) if lead == "by" => self.deadline_tense(a, b + 1, false),
                // "set a Jan. 14 deadline", "by setting a Jan. 14 return date": a date fixed
                // ahead, whatever the verb's tense: the nearest
                Some(Tense::Past) if self.deadline_follows(b + 1) => None,
                t => t,
            };
            calendar::month_day(anchor, m, d, tense).map(Value::Day)
        });
        Found::new(b + 1, self.span(a, b), value)
    }

    /// A month name at `i`: with a day, a year, or alone in a date context. `context`: a
    /// preceding word ("early", "late") already makes it a date; the expression starts at `a`.
    pub(super) fn month(&self, a: usize, i: usize, context: bool) -> Option<Found> {
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
            // "takes effect next Jan. 1", "since last Dec. 5": the one ahead, the one gone
            let dir = match self.prev(i) {
                "next" => Some(Tense::Future),
                "last" => Some(Tense::Past),
                _ => None,
            };
            if let Some(tense) = dir.filter(|_| a < i && self.is_number(i + 1) && self.w(i + 2) != ",") {
                if let Some(d) = parse_day(self.w(i + 1)).filter(|_| lexicon::unit(self.w(i + 2)).is_none()) {
                    let value = self.anchor().and_then(|anchor| calendar::month_day(anchor, m, d, Some(tense)));
                    return Some(Found::new(i + 2, self.span(a, i + 1), value.map(Value::Day)));
                }
            }
            // "February 2025", "February of 2025"
            let y_at = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
            if let Some(y) = self.is_number(y_at).then(|| parse_year(self.w(y_at))).flatten() {
                return Some(Found::new(y_at + 1, self.span(a, y_at), Some(Value::Month(y, m))));
            }
            // "January nineteen ninety-seven"
            if self.w(y_at) == "nineteen" {
                if let Some(n) = lexicon::tens_word(self.w(y_at + 1)) {
                    let value = Value::Month(1900 + n as i32, m);
                    return Some(Found::new(y_at + 2, self.span(a, y_at + 1), Some(value)));
                }
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
                    || matches!(p, "for" | "to" | "into")
                    // "a June agreement", "the January meeting"
                    || (lexicon::attributive_leader(p) && !possessive && self.is_word(i + 1) && !self.capitalised(i + 1)
                        && lexicon::unit(self.w(i + 1)).is_none())
                    || (p == "of" && i >= 2 && (lexicon::period_word(self.w(i - 2)) || self.w(i - 2) == "as"))
                    // "between April and June", "from March to May"
                    || (matches!(p, "and" | "to" | "or" | "-" | "–")
                        && i >= self.s0 + 2
                        && lexicon::month(self.w(i - 2)).is_some_and(|(_, s)| s)
                        && self.capitalised(i - 2))
            } else {
                !possessive
                    && matches!(
                        p,
                        "in" | "since" | "until" | "till" | "by" | "through" | "during" | "early" | "late" | "mid"
                    )
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
            let tense = match rel {
                // "until March", "by June": a deadline ahead
                // (before the whole expression: "until mid-November")
                Rel::Bare if lexicon::deadline_preposition(p) || lexicon::deadline_preposition(self.prev(a)) => {
                    self.month_deadline_tense(a, i + 1, possessive)
                }
                Rel::Bare => self.tense_or_previous(a, i + 1, possessive),
                _ => None,
            };
            Value::Month(calendar::month_year(anchor, m, rel, tense), m)
        });
        Some(Found::new(i + 1, self.span(a, i), value))
    }

    /// A bare number at token `i` that is a year in a date context ("in 2014") or a day.
    pub(super) fn number(&self, i: usize) -> Option<Found> {
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
                // "the 1990s", "the late 1970s": TimeML keeps "the" and the modifier inside
                let mut a = i;
                if a > self.s0 && matches!(self.prev(a), "early" | "late" | "mid") {
                    a -= 1;
                }
                if a > self.s0 && self.prev(a) == "the" {
                    a -= 1;
                }
                return Some(Found::new(i + 1, self.span(a, i), Some(Value::Decade(d / 10))));
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
        // "the 1988 quarter", "the 1988 third quarter"
        if !possessive {
            let ord = lexicon::ordinal(self.w(i + 1));
            let q_at = if ord.is_some() { i + 2 } else { i + 1 };
            let leader = i > self.s0 && lexicon::attributive_leader(self.prev(i));
            if self.w(q_at) == "quarter" && (ord.is_some() || leader) {
                let k = ord.or_else(|| self.last_quarter().map(|(_, q)| q));
                let value = k.map(|k| Value::Quarter(y, k)).unwrap_or(Value::Year(y));
                let a = if leader { i - 1 } else { i };
                return Some(Found::new(q_at + 1, self.span(a, q_at), Some(value)));
            }
            // "the 1989 period" in a report on a quarter: that quarter of 1989
            if leader && self.w(i + 1) == "period" && self.quarter_sentence() {
                let value = match self.last_quarter() {
                    // "the 1988 period" after the 1989 quarter: a comparison, counted back, not
                    // what a later "the quarter" refers to
                    Some((last, q)) if y < last => Value::QuarterBack(y, q),
                    Some((_, q)) => Value::Quarter(y, q),
                    None => Value::Year(y),
                };
                return Some(Found::new(i + 2, self.span(i - 1, i + 1), Some(value)));
            }
        }
        if possessive || named || self.year_context(i) || self.attributive_year(i, y) {
            // "spring 2014"
            if let Some(s) = (i > self.s0).then(|| lexicon::season(self.w(i - 1))).flatten() {
                return Some(Found::new(i + 1, self.span(i - 1, i), Some(Value::Season(y, s))));
            }
            return Some(Found::new(i + 1, self.span(i, i), Some(Value::Year(y))));
        }
        None
    }

    /// "7/8/07", "12/25/2024": month first, unless the first number cannot be a month.
    pub(super) fn slashed(&self, i: usize) -> Option<Found> {
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

    /// Whether a four-digit number at `i` is a year naming the time of the noun after it, behind
    /// a determiner or possessive ("a 2009 report", "his unsuccessful 1996 campaign", "the
    /// company's 1989 results"); not a count ("the 2000 troops").
    pub(super) fn attributive_year(&self, i: usize, y: i32) -> bool {
        let leads = |k: usize| {
            let w = self.w(k);
            lexicon::attributive_leader(w) || (self.is_word(k) && (w.ends_with("'s") || w.ends_with("’s")))
        };
        let before = i > self.s0
            && (leads(i - 1) || (i >= self.s0 + 2 && self.is_word(i - 1) && !self.capitalised(i - 1) && leads(i - 2)));
        if !before || !self.is_word(i + 1) {
            return false;
        }
        let n = self.w(i + 1);
        if lexicon::unit(n).is_some() || lexicon::attributive_leader(n) || matches!(n, "and" | "or" | "of" | "to") {
            return false;
        }
        let plural = !self.capitalised(i + 1) && n.ends_with('s') && !n.ends_with("ss") && !n.ends_with("us");
        let near = self.anchor().is_some_and(|d| (d.year() - y).abs() <= 30);
        !plural || (near && y % 100 != 0)
    }

    /// Whether a bare four-digit number at `i` stands in a date context ("in 2014").
    pub(super) fn year_context(&self, i: usize) -> bool {
        let p = self.prev(i);
        let before = |k: usize| i >= k + self.s0 && parse_year(self.w(i - k)).is_some();
        let ctx = lexicon::date_preposition(p)
            || lexicon::season(p).is_some()
            || matches!(p, "of" | "the" | "for" | "into" | "both")
            || (matches!(p, "and" | "to" | "or" | "-" | "–") && before(2))
            // "2009 - 2011", "from 2009 to 2011": the first year of a range
            || (matches!(self.w(i + 1), "-" | "–" | "to")
                && parse_year(self.w(i + 2)).is_some_and(|y2| parse_year(self.w(i)).is_some_and(|y1| y2 > y1)));
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
}

impl<'a> ExpressionReader<'a> {
    /// Years and decades spelled out, as transcripts write them: "nineteen ninety-seven",
    /// "(the year) two thousand", "the nineties".
    pub(super) fn spelled_year(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if let Some(d) = lexicon::decade_word(w) {
            return matches!(self.prev(i), "the" | "early" | "late" | "mid")
                .then(|| Found::new(i + 1, self.span(i, i), Some(Value::Decade(d))));
        }
        if w == "nineteen" {
            let n = lexicon::tens_word(self.w(i + 1))?;
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Year(1900 + n as i32))));
        }
        // "the year two thousand", "in two thousand and one"
        if w == "two"
            && self.w(i + 1) == "thousand"
            && (self.prev(i) == "year" || lexicon::date_preposition(self.prev(i)))
        {
            let (k, last) = match lexicon::number_word(self.w(i + 3)) {
                Some(k) if self.w(i + 2) == "and" && (1..=19).contains(&k) && !matches!(self.w(i + 3), "a" | "an") => {
                    (k, i + 3)
                }
                _ => (0, i + 1),
            };
            if lexicon::unit(self.w(last + 1)).is_some() || self.w(last + 1) == "dollars" {
                return None;
            }
            let a = if self.prev(i) == "year" && i >= self.s0 + 2 && self.w(i - 2) == "the" { i - 2 } else { i };
            return Some(Found::new(last + 1, self.span(a, last), Some(Value::Year(2000 + k as i32))));
        }
        None
    }

    /// True when a deadline noun follows at `k`, at once or after one word ("deadline", "return
    /// date").
    fn deadline_follows(&self, k: usize) -> bool {
        lexicon::deadline_noun(self.w(k))
            || (self.is_word(k) && !self.capitalised(k) && lexicon::deadline_noun(self.w(k + 1)))
    }

    /// The tense of a deadline ("until Friday", "by March", "through August") over tokens
    /// `a..b`: ahead, unless "by" or "through" stands in a past clause ("had filed by
    /// Wednesday", "sales this year through August").
    pub(super) fn deadline_tense(&self, a: usize, b: usize, possessive: bool) -> Option<Tense> {
        if matches!(self.prev(a), "until" | "till" | "til") {
            return Some(Tense::Future);
        }
        match self.tense(a, b, possessive) {
            Some(Tense::Past) => Some(Tense::Past),
            _ => Some(Tense::Future),
        }
    }

    /// The tense of a month as a deadline ("through January", "by March"): ahead, and in a past
    /// clause the nearest such month, on either side ("has extended loans through January"
    /// late in October: the coming January; "sales rose through September": the one just gone).
    pub(super) fn month_deadline_tense(&self, a: usize, b: usize, possessive: bool) -> Option<Tense> {
        match self.deadline_tense(a, b, possessive) {
            Some(Tense::Past) => None,
            t => t,
        }
    }
}
