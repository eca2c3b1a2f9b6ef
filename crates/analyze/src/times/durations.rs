//! Durations: a count of units ("two weeks", "more than three years", "two and a half years")
//! and hyphenated ones ("20-minute", "third-quarter").

use chrono::Datelike;

use super::calendar::{Rel, Value};
use super::lexicon::Unit;
use super::numbers::{duration, parse_count, parse_year};
use super::tokens::strip_possessive;
use super::{calendar, lexicon};
use super::{ExpressionReader, Found};

impl<'a> ExpressionReader<'a> {
    /// A number and a unit at `i` ("three years", "10 days ago", "a few weeks", "two and a half
    /// years", "six straight days", "a day earlier"); the expression starts at `a`.
    pub(super) fn quantity(&self, a: usize, i: usize) -> Option<Found> {
        let w = self.w(i);
        let (mut count, mut unit_at): (Option<String>, usize) = if self.is_number(i) {
            (Some(parse_count(w)?), i + 1)
        } else if w == "a" && self.w(i + 1) == "few" {
            (None, i + 2)
        } else if w == "a" && self.w(i + 1) == "couple" && self.w(i + 2) == "of" {
            // "a couple of years": two, as TimeML counts it
            (Some("2".to_string()), i + 3)
        } else if w == "couple" && self.w(i + 1) == "of" {
            // "the next couple of years"
            (Some("2".to_string()), i + 2)
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
        // "2 1/2 years"
        let whole = count.as_deref().is_some_and(|c| c.bytes().all(|b| b.is_ascii_digit()));
        if whole && self.w(unit_at) == "1/2" {
            count = count.map(|c| format!("{c}.5"));
            unit_at += 1;
        } else if whole && self.w(unit_at) == "1" && self.w(unit_at + 1) == "/" && self.w(unit_at + 2) == "2" {
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
        // "an hour and a half", "a minute and a half later": the half after the unit
        let whole = count.as_deref().is_some_and(|c| c.bytes().all(|b| b.is_ascii_digit()));
        let half_after = whole
            && !u.ends_with('s')
            && self.w(unit_at + 1) == "and"
            && matches!(self.w(unit_at + 2), "a" | "one")
            && self.w(unit_at + 3) == "half";
        if half_after {
            count = count.map(|c| format!("{c}.5"));
        }
        // the last token of the count and unit
        let unit_at = if half_after { unit_at + 3 } else { unit_at };
        // "aged 3 months": an age
        if lexicon::age_word(self.prev(a)) {
            return None;
        }
        // TimeML draws the determiner inside: "a mere two weeks", "the first nine months", "the
        // two weeks"
        let two_before = a == i
            && i >= self.s0 + 2
            && ((self.w(i - 1) == "mere" && self.w(i - 2) == "a")
                || (matches!(self.prev(i), "first" | "final") && self.w(i - 2) == "the"));
        let a = if two_before {
            i - 2
        } else if a == i
            && i > self.s0
            && !matches!(w, "a" | "an")
            && !matches!(self.prev(i), "a" | "an")
            && lexicon::attributive_leader(self.prev(i))
        {
            i - 1
        } else {
            a
        };
        // "the 1988 quarter": a year, not 1,988 quarters
        if self.is_number(i) && parse_year(w).is_some() && !u.ends_with('s') {
            return None;
        }
        // "three quarters of voters": a fraction
        if unit == Unit::Quarter && self.w(unit_at + 1) == "of" && unit_at == i + 1 {
            return None;
        }
        let after = self.w(unit_at + 1);
        // "3 months old", "one second slower": an age, a margin
        if after == "old" || lexicon::margin_comparative(after) {
            return None;
        }
        // "two weeks earlier than usual": a stretch of time, not a date
        if matches!(after, "earlier" | "later" | "sooner") && self.w(unit_at + 2) == "than" {
            if count.is_none() && !u.ends_with('s') {
                return None;
            }
            let n = count.clone().unwrap_or_else(|| "X".to_string());
            return Some(Found::new(unit_at + 1, self.span(a, unit_at), Some(duration(&n, unit))));
        }
        // "a week or so ago": an approximate count back
        let or_so = after == "or" && self.w(unit_at + 2) == "so" && self.w(unit_at + 3) == "ago";
        let ago = after == "ago" || or_so;
        // "two weeks from now", "a year from today": counted forward from the anchor
        let hence = after == "from" && matches!(self.w(unit_at + 2), "now" | "today");
        let shifted = matches!(after, "earlier" | "later");
        // "a year" only as "a year ago" or "for a year"
        let relative_to_event = shifted || matches!(self.w(unit_at + 1), "after" | "before");
        // "nearly an hour", "in about a decade": a measure ("about a quarter" is a share)
        let measure = lexicon::quantity_modifier(self.prev(i)) && unit != Unit::Quarter;
        if matches!(w, "a" | "an")
            && count.is_some()
            && !half_after
            && self.w(i + 1) != "couple"
            && !ago
            && !hence
            && !relative_to_event
            && !matches!(self.prev(i), "for" | "within" | "than" | "over")
            && !measure
            && !self.in_since_superlative(i)
        {
            return None;
        }
        // "many years" needs a plural; "a second" is an ordinal ("a second term")
        let ordinal = unit == Unit::Second && !self.is_number(i) && w != "one";
        if !ago && !hence && ((count.is_none() && !u.ends_with('s')) || ordinal) {
            return None;
        }
        // "a year earlier": counted back from the anchor, like "ago"
        let back = ago || (self.w(unit_at + 1) == "earlier" && self.fixed);
        if back || hence {
            let end = if hence {
                unit_at + 2
            } else if or_so {
                unit_at + 3
            } else {
                unit_at + 1
            };
            let span = self.span(a, end);
            let n: Option<i64> = count.as_deref().and_then(|c| c.parse().ok());
            let value = match (n, unit) {
                (None, _) | (_, Unit::Century | Unit::Hour | Unit::Minute | Unit::Second | Unit::Quarter) => {
                    Some(Value::Ref(if hence { "FUTURE_REF" } else { "PAST_REF" }))
                }
                (Some(1), Unit::Year) if !hence => self.year_back(),
                (Some(n), unit) => self.anchor().and_then(|anchor| {
                    let n = if hence { -n } else { n };
                    match unit {
                        Unit::Year => Some(Value::Year(anchor.year() - n as i32)),
                        // "a decade ago": the year ten years back, as "ten years ago"
                        Unit::Decade => Some(Value::Year(anchor.year() - 10 * n as i32)),
                        Unit::Month => {
                            let (y, m) = calendar::add_months(anchor, -n);
                            Some(Value::Month(y, m))
                        }
                        Unit::Week => calendar::shift(anchor, -7 * n).map(Value::Week),
                        Unit::Fortnight => calendar::shift(anchor, -14 * n).map(Value::Week),
                        Unit::Day => calendar::shift(anchor, -n).map(Value::Day),
                        _ => None,
                    }
                }),
            };
            return Some(Found::new(end + 1, span, value));
        }
        let n = count.unwrap_or_else(|| "X".to_string());
        let end = if shifted { unit_at + 1 } else { unit_at };
        Some(Found::new(end + 1, self.span(a, end), Some(duration(&n, unit))))
    }

    /// "nearly three years ago", "more than three years", "at least two weeks".
    pub(super) fn modified_quantity(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let j = match w {
            "more" | "less" | "fewer" if self.w(i + 1) == "than" => i + 2,
            "at" if matches!(self.w(i + 1), "least" | "most") => i + 2,
            "up" if self.w(i + 1) == "to" => i + 2,
            _ if lexicon::quantity_modifier(w) && !matches!(w, "least" | "most" | "up") => i + 1,
            _ => return None,
        };
        let a = if lexicon::approximator_outside(w) { j } else { i };
        let f = self.quantity(a, j)?;
        // keep an unmodified reading of "some": "some years" is vague, "some three years" is not
        Some(f)
    }

    /// "20-minute", "three-year", "mid-2024", "mid-February".
    pub(super) fn hyphenated(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        if w.ends_with("-old") || self.w(i + 1) == "-" {
            return None;
        }
        let (head, tail) = w.split_once('-')?;
        // "2009-2011", "2009-11": each year its own expression
        if let Some(y1) = parse_year(head).filter(|y| (1900..=2100).contains(y)) {
            let y2 = match tail.len() {
                4 => parse_year(tail),
                2 if tail.bytes().all(|b| b.is_ascii_digit()) => tail.parse::<i32>().ok().map(|t| y1 / 100 * 100 + t),
                _ => None,
            }
            .filter(|&y2| y2 > y1 && y2 - y1 <= 100)?;
            let start = parallax_doc::TokenView::new(self.doc).span(i).start;
            let first = parallax_doc::Span::new(start, start + head.len());
            let second = parallax_doc::Span::new(start + head.len() + 1, start + w.len());
            return Some(Found {
                second: Some((second, Value::Year(y2))),
                ..Found::new(i + 1, first, Some(Value::Year(y1)))
            });
        }
        // "by year-end", "since year-end": the year's last day, the one gone after "since"
        if head == "year" && tail == "end" && lexicon::year_end_preposition(self.prev(i)) && !self.is_word(i + 1) {
            let value = self.anchor().filter(|_| self.fixed).and_then(|d| {
                let y = if self.prev(i) == "since" { d.year() - 1 } else { d.year() };
                chrono::NaiveDate::from_ymd_opt(y, 12, 31).map(Value::Day)
            });
            return Some(Found::new(i + 1, self.span(i, i), value));
        }
        // "mid-afternoon", "mid-morning"
        if let Some(part) = lexicon::day_part(tail).filter(|_| head == "mid" && tail != "night") {
            return Some(Found::new(i + 1, self.span(i, i), self.mid_day_part(i, part)));
        }
        // "post-1959 politics", "pre-1990s levels": the year or decade named
        if lexicon::before_after_prefix(head) {
            let (tail, _) = strip_possessive(tail);
            if let Some(y) = parse_year(tail) {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Year(y))));
            }
            if let Some(d) = tail.strip_suffix('s').and_then(parse_year) {
                return Some(Found::new(i + 1, self.span(i, i), Some(Value::Decade(d / 10))));
            }
            return None;
        }
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
                    // "until mid-November": a deadline ahead
                    let tense = if lexicon::deadline_preposition(self.prev(i)) {
                        self.month_deadline_tense(i, i + 1, false)
                    } else {
                        self.tense(i, i + 1, false)
                    };
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
                "year" => self.year_back(),
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
            // "the year-earlier period", "the comparable year-ago quarter"
            let a = match self.prev(i) {
                "the" if i > self.s0 => i - 1,
                "comparable" | "same" if i >= self.s0 + 2 && self.w(i - 2) == "the" => i - 2,
                _ => i,
            };
            if head == "year" {
                // "the year-earlier third quarter": that quarter, a year back
                if let Some(k) = lexicon::ordinal(self.w(i + 1)).filter(|_| self.base(i + 2).0 == "quarter") {
                    let back = match value {
                        Some(Value::QuarterBack(y, _) | Value::Year(y)) => Some(Value::QuarterBack(y, k)),
                        _ => None,
                    };
                    return back.map(|v| Found::new(i + 3, self.span(a, i + 2), Some(v)));
                }
                // "the year-earlier nine months": a stretch of that length
                let n = lexicon::number_word(self.w(i + 1))
                    .filter(|_| !matches!(self.w(i + 1), "a" | "an"))
                    .map(|n| n.to_string())
                    .or_else(|| self.is_number(i + 1).then(|| parse_count(self.w(i + 1))).flatten());
                if let (Some(n), Some(unit)) = (n, lexicon::unit(self.base(i + 2).0)) {
                    return Some(Found::new(i + 3, self.span(a, i + 2), Some(duration(&n, unit))));
                }
            }
            let b = if matches!(self.w(i + 1), "period" | "quarter" | "month" | "year" | "week") { i + 1 } else { i };
            return value.map(|v| Found::new(b + 1, self.span(a, b), Some(v)));
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
        // "three-quarters of its food": a fraction
        if unit == Unit::Quarter && tail.ends_with('s') && self.w(i + 1) == "of" {
            return None;
        }
        let n = if head.bytes().all(|b| b.is_ascii_digit()) && head.len() <= 4 {
            head.to_string()
        } else if matches!(head, "several" | "many" | "multi") {
            // "a several-year slump", "multi-year contracts": an unknown count
            "X".to_string()
        } else {
            lexicon::number_word(head).filter(|_| head != "a" && head != "an")?.to_string()
        };
        Some(Found::new(i + 1, self.span(i, i), Some(duration(&n, unit))))
    }

    /// True when a superlative stands shortly before `i` in the sentence ("the lowest level in a
    /// decade").
    pub(super) fn superlative_before(&self, i: usize) -> bool {
        (i.saturating_sub(6).max(self.s0)..i).any(|k| lexicon::superlative(self.w(k)))
    }

    /// "the lowest level in a decade": "in" before the count at `i`, after a superlative.
    pub(super) fn in_since_superlative(&self, i: usize) -> bool {
        self.prev(i) == "in" && self.superlative_before(i)
    }
}
