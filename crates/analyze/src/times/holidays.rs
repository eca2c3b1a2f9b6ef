//! Holidays ("Christmas", "New Year's Day") and seasons ("in the spring").

use chrono::{Datelike, NaiveDate};

use super::calendar;
use super::calendar::{Tense, Value};
use super::lexicon;
use super::lexicon::HolidayDate;
use super::numbers::parse_year;
use super::{ExpressionReader, Found};

impl<'a> ExpressionReader<'a> {
    /// "Christmas", "Christmas Eve", "Christmas Day", "New Year's Day", "New Year's Eve",
    /// "Halloween", "Thanksgiving", "Labor Day", "Memorial Day", alone or with a year; "last
    /// Thanksgiving", "next Christmas" with the direction they give.
    pub(super) fn holiday(&self, i: usize) -> Option<Found> {
        let (date, extra) = lexicon::holiday(self.w(i), self.w(i + 1), self.w(i + 2))?;
        let last = i + extra;
        let in_year = |y: i32| match date {
            HolidayDate::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
            HolidayDate::Nth(m, wd, n) => calendar::nth_weekday(y, m, wd, n),
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
            let value = in_year(y).map(Value::Day);
            return Some(Found::new(last + 2, self.span(i, last + 1), value));
        }
        // "last Thanksgiving", "next Christmas": the one gone, the one ahead
        let (start, tense) = match p {
            "last" if i > self.s0 => (i - 1, Some(Tense::Past)),
            "next" if i > self.s0 => (i - 1, Some(Tense::Future)),
            _ => (i, self.tense(i, last + 1, false)),
        };
        let value = self.anchor().and_then(|anchor| calendar::yearly(anchor, tense, in_year).map(Value::Day));
        Some(Found::new(last + 1, self.span(start, last), value))
    }

    /// A season named at `i`: "in the spring", "spring 2014", "the autumn of 2008".
    pub(super) fn season(&self, i: usize, code: &'static str) -> Option<Found> {
        let p = self.prev(i);
        let a = if p == "the" { i - 1 } else { i };
        let y_at = if self.w(i + 1) == "of" { i + 2 } else { i + 1 };
        if let Some(y) = self.is_number(y_at).then(|| parse_year(self.w(y_at))).flatten() {
            return Some(Found::new(y_at + 1, self.span(a, y_at), Some(Value::Season(y, code))));
        }
        // "the winter of nineteen ninety-four"
        if self.w(y_at) == "nineteen" {
            if let Some(n) = super::lexicon::tens_word(self.w(y_at + 1)) {
                let value = Value::Season(1900 + n as i32, code);
                return Some(Found::new(y_at + 2, self.span(a, y_at + 1), Some(value)));
            }
        }
        let before = if a == i { p } else { self.prev(a) };
        // "in spring", "during the winter", "well into the summer"; not "Arab Spring", "spring
        // water"
        if !matches!(before, "in" | "during" | "by" | "until" | "over" | "through" | "into") || self.capitalised(i) {
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
}
