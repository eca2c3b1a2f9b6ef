//! Sets: "every Monday", "each year".

use super::calendar::Value;
use super::lexicon;
use super::numbers::{duration, parse_count};
use super::{ExpressionReader, Found};

impl<'a> ExpressionReader<'a> {
    /// "every Monday", "every two weeks", "each year".
    pub(super) fn every(&self, i: usize) -> Option<Found> {
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
}
