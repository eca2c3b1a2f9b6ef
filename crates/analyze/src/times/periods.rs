//! Expressions opened by "the": quarters and halves ("the third quarter of last year"), "the
//! past", "the previous year", "the 1990s" and the references TempEval counts.

use chrono::Datelike;

use super::calendar::{Rel, Value};
use super::numbers::{duration, parse_year};
use super::{calendar, lexicon};
use super::{ExpressionReader, Found};

/// The year and quarter of a rendered quarter value ("1989-Q3").
fn parse_quarter(value: &str) -> Option<(i32, u32)> {
    let (y, q) = value.split_once("-Q")?;
    let q: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
    Some((parse_year(y)?, q))
}

impl<'a> ExpressionReader<'a> {
    /// The quarter the article named last ("the third quarter ... the quarter").
    pub(super) fn last_quarter(&self) -> Option<(i32, u32)> {
        self.out
            .iter()
            .enumerate()
            .rev()
            .filter(|(k, _)| !self.counted_back.contains(k))
            .find_map(|(_, t)| parse_quarter(&t.value))
    }

    /// True when the current sentence speaks of quarters ("third-quarter profit rose 5% from a
    /// year earlier"), or the last quarter named lies at most four sentences back: "a year
    /// earlier" is then the same quarter a year before.
    pub(super) fn quarter_sentence(&self) -> bool {
        if (self.s0..self.s1).any(|k| self.w(k).contains("quarter")) {
            return true;
        }
        let here = self.doc.tokens.get(self.s0).map_or(0, |t| t.sentence);
        let named = self
            .out
            .iter()
            .enumerate()
            .rev()
            .find(|(k, t)| !self.counted_back.contains(k) && parse_quarter(&t.value).is_some())
            .map(|(_, t)| t);
        named
            .and_then(|t| self.doc.tokens.get(self.doc.tokens.partition_point(|k| k.span.start < t.span.start)))
            .is_some_and(|k| k.sentence + 4 >= here)
    }

    /// The day a period named earlier in the current sentence ended on ("for the six months
    /// ended Aug. 12", "the quarter ending Sept. 30").
    fn period_end_day(&self) -> Option<chrono::NaiveDate> {
        let view = parallax_doc::TokenView::new(self.doc);
        (self.s0..self.s1.saturating_sub(1)).filter(|&k| matches!(self.w(k), "ended" | "ending")).find_map(|k| {
            let start = view.span(k + 1).start;
            let t = self.out.iter().rev().find(|t| t.span.start == start)?;
            chrono::NaiveDate::parse_from_str(t.value.get(..10)?, "%Y-%m-%d").ok().filter(|_| t.value.len() == 10)
        })
    }

    /// "a year earlier" after a period ended on a day the sentence gives ("the six months ended
    /// Aug. 12, compared with ... a year earlier"): that day a year before; in a sentence about a
    /// quarter: that quarter a year before, else the year.
    pub(super) fn year_back(&self) -> Option<Value> {
        if let Some(d) = self.period_end_day() {
            if let Some(back) = d.with_year(d.year() - 1) {
                return Some(Value::Day(back));
            }
        }
        if self.quarter_sentence() {
            if let Some((y, q)) = self.last_quarter() {
                return Some(Value::QuarterBack(y - 1, q));
            }
        }
        self.anchor().map(|d| Value::Year(d.year() - 1))
    }

    /// The quarter "the quarter" or "that quarter" refers to: the one named last, else the last
    /// whole quarter before the publication date.
    pub(super) fn referred_quarter(&self) -> Option<Value> {
        if let Some((y, q)) = self.last_quarter() {
            return Some(Value::Quarter(y, q));
        }
        self.anchor().filter(|_| self.fixed).map(|d| {
            let (y, q) = calendar::add_quarters(d, -1);
            Value::Quarter(y, q)
        })
    }

    /// An ordinal quarter without "the" at `i` ("fourth quarter", "its second quarter", "third
    /// quarter of 1989"); the span takes a determiner before it.
    pub(super) fn bare_quarter(&self, i: usize) -> Option<Found> {
        let k = lexicon::ordinal(self.w(i))?;
        if self.w(i + 1) != "quarter" || self.prev(i) == "the" {
            return None;
        }
        let a = if i > self.s0 && lexicon::attributive_leader(self.prev(i)) { i - 1 } else { i };
        if self.w(i + 2) == "of" {
            if let Some(y) = self.is_number(i + 3).then(|| parse_year(self.base(i + 3).0)).flatten() {
                return Some(Found::new(i + 4, self.span(a, i + 3), Some(Value::Quarter(y, k))));
            }
            if self.w(i + 3) != "the" && self.w(i + 3) != "this" && self.w(i + 3) != "last" {
                return None; // "a second quarter of growth"
            }
        }
        // "after a flat second quarter": a quarter told of in passing, not the one a report is
        // about, so not what "the quarter" or "a year earlier" refer to ("posted a record third
        // quarter" is that one)
        let article = if matches!(self.prev(i), "a" | "an") {
            Some(i - 1)
        } else if i >= self.s0 + 2 && matches!(self.w(i - 2), "a" | "an") && self.is_word(i - 1) {
            Some(i - 2)
        } else {
            None
        };
        let indefinite = article.is_some_and(|at| at > self.s0 && matches!(self.w(at - 1), "after" | "following"));
        let value = self.anchor().map(|d| {
            let y = calendar::quarter_year(d, k, self.tense(i, i + 2, false));
            if indefinite {
                Value::QuarterBack(y, k)
            } else {
                Value::Quarter(y, k)
            }
        });
        Some(Found::new(i + 2, self.span(a, i + 1), value))
    }

    /// "the third quarter (of 2009 / of this year / of last year)", "the first half", "the last
    /// quarter", "the previous year", "the year" after "the end of", "over the years".
    pub(super) fn the_period(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        let p = self.prev(i);
        let anchor = self.anchor();
        // "the quarter": the one named last
        if n == "quarter" && !matches!(self.w(i + 2), "of" | "-" | "century") && self.is_word(i + 1) {
            return Some(Found::new(i + 2, self.span(i, i + 1), self.referred_quarter()));
        }
        // "by the year 2000": that year
        if n == "year" && self.is_number(i + 2) {
            if let Some(y) = parse_year(self.base(i + 2).0) {
                return Some(Found::new(i + 3, self.span(i, i + 2), Some(Value::Year(y))));
            }
        }
        // "the year ended March 31", "the fiscal year ending June 30": the twelve months to
        // that day, a duration as TimeML writes it
        let year_at = if n == "fiscal" { i + 2 } else { i + 1 };
        if self.w(year_at) == "year" && matches!(self.w(year_at + 1), "ended" | "ending") {
            return Some(Found::new(year_at + 1, self.span(i, year_at), Some(Value::Duration("P1Y".to_string()))));
        }
        // "the fiscal first quarter", "the fiscal year", "the current fiscal year"
        let fiscal_at = if n == "current" && self.w(i + 2) == "fiscal" { i + 2 } else { i + 1 };
        if self.w(fiscal_at) == "fiscal" {
            if let Some(k) = lexicon::ordinal(self.w(fiscal_at + 1)).filter(|_| self.w(fiscal_at + 2) == "quarter") {
                let value = anchor
                    .map(|d| Value::Quarter(calendar::quarter_year(d, k, self.tense(i, fiscal_at + 3, false)), k));
                return Some(Found::new(fiscal_at + 3, self.span(i, fiscal_at + 2), value));
            }
            if self.w(fiscal_at + 1) == "year" && !self.is_number(fiscal_at + 2) {
                let value = anchor.map(|d| Value::Fiscal(d.year()));
                return Some(Found::new(fiscal_at + 2, self.span(i, fiscal_at + 1), value));
            }
        }
        // an ordinal quarter or half
        let ordinal = (self.is_word(i + 2) && lexicon::ordinal(n).is_some()) || matches!(n, "last" | "latest");
        let (ord_at, unit_at) = if ordinal { (i + 1, i + 2) } else { (0, 0) };
        if unit_at > 0 {
            // "the latest quarter's results"
            let u = self.base(unit_at).0;
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
        // "profit for the year", "during the week": the current one
        if matches!(p, "for" | "during" | "in" | "over" | "throughout")
            && matches!(n, "year" | "week" | "month")
            && !self.is_word(i + 2)
            && self.fixed
        {
            let value = anchor.map(|d| match n {
                "year" => Value::Year(d.year()),
                "month" => Value::Month(d.year(), d.month()),
                _ => Value::Week(d),
            });
            return Some(Found::new(i + 2, self.span(i, i + 1), value));
        }
        // "in the near term", "over the long run"
        if n == "near" && self.w(i + 2) == "future" {
            return Some(Found::new(i + 3, self.span(i, i + 2), Some(Value::Ref("FUTURE_REF"))));
        }
        if matches!(n, "near" | "short" | "long" | "medium") && matches!(self.w(i + 2), "term" | "run") {
            if matches!(p, "in" | "over" | "for") {
                return Some(Found::new(i + 3, self.span(i, i + 2), Some(Value::Ref("FUTURE_REF"))));
            }
            return None;
        }
        // "the weeks ahead", "the months to come"
        if n.ends_with('s')
            && lexicon::unit(n).is_some()
            && (self.w(i + 2) == "ahead" || (self.w(i + 2) == "to" && self.w(i + 3) == "come"))
        {
            let unit = lexicon::unit(n)?;
            let end = if self.w(i + 2) == "ahead" { i + 2 } else { i + 3 };
            return Some(Found::new(end + 1, self.span(i, end), Some(duration("X", unit))));
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
    pub(super) fn the(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        let p = self.prev(i);
        if let Some(f) = self.following(i) {
            return Some(f);
        }
        if let Some(f) = self.the_period(i) {
            return Some(f);
        }
        // "at the time": then, in the past
        if p == "at" && n == "time" && !matches!(self.w(i + 2), "of" | "when" | "that" | "being" | "for" | "to") {
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Ref("PAST_REF"))));
        }
        // "the week of March 6": the week that holds the day named
        if n == "week" && self.w(i + 2) == "of" && self.is_word(i + 3) && lexicon::month(self.w(i + 3)).is_some() {
            if let Some(f) = self.month(i + 3, i + 3, false) {
                if let Some(Value::Day(d)) = f.value {
                    let span = parallax_doc::Span::new(self.span(i, i).start, f.span.end);
                    return Some(Found::new(f.next, span, Some(Value::Week(d))));
                }
            }
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
            // "the future", "well into the future if …", "worried about the future and …"; not
            // "the future of the plant" nor "the future looks bright"
            "future" if p != "of" && (!self.is_word(i + 2) || lexicon::clause_link(self.w(i + 2))) => {
                Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Ref("FUTURE_REF"))))
            }
            _ => None,
        }
    }
}
