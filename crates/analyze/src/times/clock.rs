//! Clock times ("3pm", "15:00 GMT", "10:30 a.m.", "noon"), on the date that follows.

use super::calendar::{Rel, Value};
use super::lexicon;
use super::{ExpressionReader, Found};

impl<'a> ExpressionReader<'a> {
    /// "3pm", "3 p.m.", "3.30pm", "15:00 GMT", "10:30 a.m.".
    pub(super) fn clock(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        // "at 4 in the morning", "until 7 in the evening"
        if self.w(i + 1) == "in" && self.w(i + 2) == "the" && lexicon::clock_preposition(self.prev(i)) {
            let part = lexicon::day_part(self.w(i + 3)).filter(|&p| p != "NI");
            if let (Some(part), Ok(h)) = (part, w.parse::<u32>()) {
                if (1..=12).contains(&h) {
                    let h = if part == "MO" { h % 12 } else { h % 12 + 12 };
                    return Some(self.on_date(i, i + 3, h, 0, false));
                }
            }
        }
        let meridiem_word = |k: usize| lexicon::meridiem(self.w(k));
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
            // "2:07:35" in a race result: an elapsed time, not a time of day
            if self.w(i + 3) == ":" && self.is_number(i + 4) && self.w(i + 4).len() == 2 {
                let s: u32 = self.w(i + 4).parse().ok()?;
                if min > 59 || s > 59 {
                    return None;
                }
                let v = format!("PT{h}H{min}M{s}S");
                return Some(Found::new(i + 5, self.span(i, i + 4), Some(Value::Duration(v))));
            }
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
        if lexicon::time_zone(self.w(last + 1)) {
            utc = matches!(self.w(last + 1), "gmt" | "utc");
            last += 1;
        }
        Some(self.on_date(i, last, h, min, utc))
    }

    /// A time of day `h:min` read over tokens `i..=last`, on its date: the date that follows
    /// ("at 16:15 UTC, June 1st", "10am on Tuesday"; joined to the expression when it follows
    /// at once: "15:00 GMT Friday"), else the date of the expression just before it in the
    /// sentence ("on Friday, at 3pm"), else the publication date.
    pub(super) fn on_date(&self, i: usize, last: usize, h: u32, min: u32, utc: bool) -> Found {
        // "10:35 a.m. (0735 GMT) Friday": the same time in another zone, in brackets, goes with
        // it; the date after the brackets is its date
        let restated = self.restated_time(last + 1);
        let after = restated.unwrap_or(last + 1);
        let mut k = after;
        while matches!(self.w(k), "," | "on") && k <= after + 1 {
            k += 1;
        }
        // "4 in the morning (4 a.m. EDT Thursday)": the day named in the brackets after it
        if restated.is_none() && self.w(last + 1) == "(" {
            if let Some(d) = (last + 2..=last + 7)
                .take_while(|&j| self.in_sentence(j) && self.w(j) != ")")
                .find(|&j| self.is_word(j) && lexicon::weekday(self.w(j)).is_some())
            {
                k = d;
            }
        }
        let f = if self.is_word(k) && lexicon::month(self.w(k)).is_some() {
            self.month_day(k)
        } else if self.is_word(k) && lexicon::weekday(self.w(k)).is_some() {
            // read from the clock time: its clause's tense decides ("will resume at 15:00 GMT Friday")
            self.weekday(i, k, Rel::Bare)
        } else if self.is_number(k) {
            self.day_month(k)
        } else {
            None
        };
        let day = match f.as_ref().and_then(|f| f.value.as_ref()) {
            Some(Value::Day(d)) => Some(*d),
            _ => None,
        };
        let joined = day.is_some() && k == last + 1;
        let value = day
            .or_else(|| self.day_before_in_sentence(i))
            .or_else(|| self.anchor().filter(|_| self.fixed))
            .map(|d| Value::Time(d, h, min, utc));
        match f.filter(|_| joined) {
            // "10:35 a.m. Friday (0735 GMT)": the brackets go with it too
            Some(f) => Found::new(
                self.restated_time(f.next).unwrap_or(f.next),
                parallax_doc::Span::new(self.span(i, last).start, f.span.end),
                value,
            ),
            None => Found::new(after, self.span(i, last), value),
        }
    }

    /// When token `k` opens brackets holding only a clock time in a named zone ("(0735 GMT)",
    /// "(3:35 p.m. EDT)"), the token after the brackets. With a day in them too ("(4 a.m. EDT
    /// Thursday)") they hold an expression of their own.
    fn restated_time(&self, k: usize) -> Option<usize> {
        if self.w(k) != "(" || !self.in_sentence(k + 1) {
            return None;
        }
        let close = (k + 2..=k + 6).find(|&j| self.w(j) == ")" || !self.in_sentence(j))?;
        let inner = k + 1..close;
        let clockish = |j: usize| {
            self.is_number(j)
                || self.w(j) == ":"
                || lexicon::meridiem(self.w(j)).is_some()
                || lexicon::time_zone(self.w(j))
        };
        (self.w(close) == ")"
            && self.is_number(k + 1)
            && inner.clone().all(clockish)
            && inner.into_iter().any(|j| lexicon::time_zone(self.w(j))))
        .then_some(close + 1)
    }
}
