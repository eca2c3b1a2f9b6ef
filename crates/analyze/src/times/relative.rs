//! Relative expressions anchored on the publication date: "today", "a day earlier", "last
//! week", "later this month", "in the coming days", "recently".

use chrono::Datelike;

use super::calendar::{Rel, Value};
use super::lexicon::Unit;
use super::numbers::{duration, parse_year};
use super::tokens::strip_possessive;
use super::{calendar, lexicon};
use super::{ExpressionReader, Found};

impl<'a> ExpressionReader<'a> {
    /// A day `days` away from the anchor, read at token `i` ("yesterday", "tomorrow").
    pub(super) fn day_offset(&self, i: usize, days: i64) -> Option<Found> {
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
    pub(super) fn relative(&self, a: usize, i: usize) -> Option<Found> {
        let w = self.w(i);
        let after_the = a == i && self.prev(i) == "the";
        // "in coming months", "over past years": stretches around now without "the"
        if a == i && matches!(w, "coming" | "past") && matches!(self.prev(i), "in" | "over" | "for" | "during") {
            let u = self.w(i + 1);
            if u.ends_with('s') && lexicon::unit(u).is_some_and(|u| u != Unit::Second) {
                let r = if w == "coming" { "FUTURE_REF" } else { "PAST_REF" };
                return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Ref(r))));
            }
        }
        // "this coming Sunday", "this past Friday"
        if w == "this" && matches!(self.w(i + 1), "coming" | "past") && lexicon::weekday(self.base(i + 2).0).is_some() {
            let rel = if self.w(i + 1) == "coming" { Rel::Next } else { Rel::Last };
            return self.weekday(a, i + 2, rel);
        }
        // "this past spring": the last such season to have ended
        if w == "this" && self.w(i + 1) == "past" {
            if let Some(code) = lexicon::season(self.w(i + 2)) {
                let value = self.anchor().map(|d| Value::Season(calendar::past_season_year(d, code), code));
                return Some(Found::new(i + 3, self.span(a, i + 2), value));
            }
        }
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
        // "ABC's \"This Week\"": a title inside a sentence, both words capitalised
        if w == "this" && t == "week" && i != self.s0 && self.capitalised(i) && self.capitalised(k) {
            return None;
        }
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
        // "this fiscal year", "next fiscal year"
        if t == "fiscal" && self.base(k + 1).0 == "year" {
            let value = anchor.map(|d| Value::Fiscal(d.year() + delta as i32));
            return Some(Found::new(k + 2, self.span(a, k + 1), value));
        }
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
            "decade" => anchor.map(|d| Value::Decade(d.year() / 10 + delta as i32)),
            "century" => anchor.map(|d| Value::Century(d.year() / 100 + delta as i32)),
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

    /// "the past two weeks", "the last month", "the coming days": stretches of time around now;
    /// "the past year" is the year before the anchor's, "the coming year" the one after.
    pub(super) fn stretch(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let a = if self.prev(i) == "the" { i - 1 } else { i };
        if let Some(f) = self.quantity(a, i + 1) {
            if a == i {
                return None;
            }
            // "the next few months", "the next 10 days": durations, as TimeBank writes them (PXM)
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
        } else if matches!(w, "past" | "last") && unit == Unit::Year {
            // "over the past year": the year before the anchor's, as TimeBank dates it
            return Some(Found::new(i + 2, self.span(a, i + 1), self.anchor().map(|d| Value::Year(d.year() - 1))));
        } else if w == "coming" && matches!(unit, Unit::Week | Unit::Month | Unit::Year) {
            // "in the coming year": the one after the anchor's ("the next year" counts from an
            // event as often as from now)
            let value = self.anchor().and_then(|d| match unit {
                Unit::Week => calendar::shift(d, 7).map(Value::Week),
                Unit::Month => {
                    let (y, m) = calendar::add_months(d, 1);
                    Some(Value::Month(y, m))
                }
                _ => Some(Value::Year(d.year() + 1)),
            });
            return Some(Found::new(i + 2, self.span(a, i + 1), value));
        } else if matches!(w, "past" | "last") {
            duration("1", unit)
        } else {
            return None; // "the next day": relative to an event, not to now
        };
        Some(Found::new(i + 2, self.span(a, i + 1), Some(value)))
    }

    /// "earlier this week", "later this month", "late last year", "early February", "late 2024".
    pub(super) fn prefixed(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        if matches!(n, "this" | "last" | "next") {
            let f = self.relative(i, i + 1)?;
            return Some(f);
        }
        let w = self.w(i);
        // "earlier in the year", "later in the month": the one spoken of
        if matches!(w, "earlier" | "later")
            && n == "in"
            && self.w(i + 2) == "the"
            && lexicon::within_unit(self.w(i + 3))
            && !matches!(self.w(i + 4), "of" | "when" | "that" | "before" | "after" | "-")
            && self.fixed
        {
            // the month or year the article spoke of last ("in 1985 ... later in the year"),
            // else the publication date's
            let last = self.last_date();
            let value = self.anchor().and_then(|d| match self.w(i + 3) {
                "week" => Some(Value::Week(d)),
                "month" => match last {
                    Some((y, Some(m), _)) => Some(Value::Month(y, m)),
                    _ => Some(Value::Month(d.year(), d.month())),
                },
                "year" => Some(Value::Year(last.map_or(d.year(), |(y, _, _)| y))),
                _ => None,
            });
            // TimeML tags "the year" of "later in the year"
            return Some(Found::new(i + 4, self.span(i + 2, i + 3), value));
        }
        // "late yesterday", "early Tuesday", "earlier Sunday": TimeML keeps the word inside
        if lexicon::weekday(strip_possessive(n).0).is_some() {
            return self.weekday(i, i + 1, Rel::Bare);
        }
        if let Some((days, _)) = lexicon::day_word(n).filter(|_| n != "tonight") {
            let f = self.day_offset(i + 1, days)?;
            let start = parallax_doc::TokenView::new(self.doc).span(i).start;
            return Some(Found { span: parallax_doc::Span::new(start, f.span.end), ..f });
        }
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

    /// The last date the article gave before this point, as year, month and day (month and day
    /// when known): what "the following year" or "the day before" count from.
    pub(super) fn last_date(&self) -> Option<(i32, Option<u32>, Option<u32>)> {
        self.out.iter().rev().find_map(|t| {
            let v = t.value.as_str();
            let y = parse_year(v.get(0..4)?)?;
            let rest = &v[4..];
            if rest.is_empty() {
                return Some((y, None, None));
            }
            let m: u32 = rest.strip_prefix('-')?.get(0..2)?.parse().ok().filter(|m| (1..=12).contains(m))?;
            let d: Option<u32> =
                rest.get(4..6).and_then(|d| d.parse().ok()).filter(|_| rest.as_bytes().get(3) == Some(&b'-'));
            Some((y, Some(m), d))
        })
    }

    /// "the following year", "the next day", "the day before", "the following decade": counted
    /// from the last date the article gave, else from the anchor for decades and centuries ("the
    /// next decade"); `i` is "the". Without a date to count from it is recognised and left out.
    pub(super) fn following(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        let (delta, unit_at, end) = match n {
            "following" | "next" | "previous" | "prior" => {
                let d = if matches!(n, "previous" | "prior") { -1 } else { 1 };
                (d, i + 2, i + 2)
            }
            // "the day before", "the day after": only ending a clause
            "day"
                if matches!(self.w(i + 2), "before" | "after")
                    && (!self.is_word(i + 3) || matches!(self.w(i + 3), "and" | "but" | "or")) =>
            {
                (if self.w(i + 2) == "before" { -1 } else { 1 }, i + 1, i + 2)
            }
            // "the day before last Tuesday's hearing", "the day after Christmas": the day next
            // to the date named
            "day" if matches!(self.w(i + 2), "before" | "after") => {
                let f = self.match_at(i + 3)?;
                let Some(Value::Day(d)) = f.value else { return None };
                let value = calendar::shift(d, if self.w(i + 2) == "before" { -1 } else { 1 }).map(Value::Day);
                let span = parallax_doc::Span::new(self.span(i, i).start, f.span.end);
                return Some(Found::new(f.next, span, value));
            }
            _ => return None,
        };
        // "down 4.5% from the previous Friday": the one before the day last told of (before
        // the anchor when none was)
        if delta < 0 && self.capitalised(unit_at) {
            if let Some(wd) = lexicon::weekday(self.base(unit_at).0) {
                let from = match self.last_date() {
                    Some((y, Some(m), Some(d))) => chrono::NaiveDate::from_ymd_opt(y, m, d),
                    _ => self.anchor(),
                };
                let value = from.and_then(|f| {
                    let back = (calendar::iso_weekday(f) as i64 - wd as i64).rem_euclid(7);
                    calendar::shift(f, if back == 0 { -7 } else { -back })
                });
                return Some(Found::new(unit_at + 1, self.span(i, unit_at), value.map(Value::Day)));
            }
        }
        let last = self.last_date();
        // "the next morning", "the following evening": that part of the day after the one last
        // told of
        if let Some(part) = lexicon::day_part(self.w(unit_at)) {
            let value = last.and_then(|(y, m, d)| {
                let date = chrono::NaiveDate::from_ymd_opt(y, m?, d?)?;
                calendar::shift(date, delta as i64).map(|day| Value::DayPart(day, part))
            });
            return Some(Found::new(end + 1, self.span(i, end), value));
        }
        let unit = lexicon::unit(self.w(unit_at))?;
        if self.w(unit_at).ends_with('s') {
            return None;
        }
        let value = match unit {
            Unit::Decade => {
                let y = last.map(|(y, _, _)| y).or_else(|| self.anchor().filter(|_| n == "next").map(|d| d.year()));
                y.map(|y| Value::Decade(y / 10 + delta))
            }
            Unit::Century => self.anchor().filter(|_| n == "next").map(|d| Value::Century(d.year() / 100 + 1)),
            Unit::Year => last.map(|(y, _, _)| Value::Year(y + delta)),
            Unit::Month => last.and_then(|(y, m, _)| {
                let m = m?;
                let k = y * 12 + m as i32 - 1 + delta;
                Some(Value::Month(k.div_euclid(12), k.rem_euclid(12) as u32 + 1))
            }),
            Unit::Day => last.and_then(|(y, m, d)| {
                let date = chrono::NaiveDate::from_ymd_opt(y, m?, d?)?;
                calendar::shift(date, delta as i64).map(Value::Day)
            }),
            // "the following week": the week after the day last told of
            Unit::Week => last.and_then(|(y, m, d)| {
                let date = chrono::NaiveDate::from_ymd_opt(y, m?, d?)?;
                calendar::shift(date, 7 * delta as i64).map(Value::Week)
            }),
            _ => return None,
        };
        // "the previous year" keeps its reading against the anchor when no date came before
        if value.is_none() && matches!(n, "previous" | "prior") {
            return None;
        }
        Some(Found::new(end + 1, self.span(i, end), value))
    }
}
