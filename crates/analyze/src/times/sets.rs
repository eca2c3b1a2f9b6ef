//! Sets: "every Monday", "each year", "each July".

use super::calendar::Value;
use super::lexicon;
use super::numbers::{duration, parse_count};
use super::{ExpressionReader, Found};

impl<'a> ExpressionReader<'a> {
    /// "every Monday", "every two weeks", "each year", "each July".
    pub(super) fn every(&self, i: usize) -> Option<Found> {
        let n = self.w(i + 1);
        if let Some(wd) = lexicon::weekday(n) {
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Set(format!("XXXX-WXX-{wd}")))));
        }
        // "each July", "every March": that month of every year
        if let Some((m, _)) = lexicon::month(n) {
            if lexicon::full_month_name(n) && self.capitalised(i + 1) {
                return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Set(format!("XXXX-{m:02}")))));
            }
        }
        // "every morning", "each night"
        if let Some(part) = lexicon::day_part(n) {
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Set(format!("XXXX-XX-XXT{part}")))));
        }
        // "every summer"; "each season" (of a sport: once a year)
        if let Some(code) = lexicon::season(n) {
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Set(format!("XXXX-{code}")))));
        }
        if n == "season" {
            return Some(Found::new(i + 2, self.span(i, i + 1), Some(Value::Set("P1Y".to_string()))));
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

    /// "twice a week", "once a year", "three times a day", "twice per month": a set of the unit.
    pub(super) fn frequency(&self, i: usize) -> Option<Found> {
        let w = self.w(i);
        let per_at = if lexicon::frequency_word(w) {
            i + 1
        } else if self.w(i + 1) == "times" && (self.is_number(i) || lexicon::number_word(w).is_some()) {
            i + 2
        } else {
            return None;
        };
        if !matches!(self.w(per_at), "a" | "an" | "per" | "each" | "every") {
            return None;
        }
        let unit = lexicon::unit(self.w(per_at + 1))?;
        let Value::Duration(v) = duration("1", unit) else {
            return None;
        };
        Some(Found::new(per_at + 2, self.span(i, per_at + 1), Some(Value::Set(v))))
    }
}
