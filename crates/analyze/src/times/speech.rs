//! Centuries ("the 20th century") and expressions in reported speech, anchored to the time of
//! the speech ("On March 3 he said: 'We meet tomorrow'": March 4); the day a time of day or "mid
//! afternoon" falls on.

use chrono::NaiveDate;

use super::calendar::Value;
use super::lexicon;
use super::numbers::parse_year;
use super::{ExpressionReader, Found};

impl<'a> ExpressionReader<'a> {
    /// "the 20th century", "the twentieth century": its first two digits (`19`).
    pub(super) fn century(&self, i: usize) -> Option<Found> {
        let c = lexicon::century_ordinal(self.w(i))?;
        if self.base(i + 1).0 != "century" {
            return None;
        }
        let a = if self.prev(i) == "the" && i > self.s0 { i - 1 } else { i };
        Some(Found::new(i + 2, self.span(a, i + 1), Some(Value::Century(c - 1))))
    }

    /// The day a rendered value names, when it names one ("2025-03-04", "2025-03-04T15:00").
    fn day_of(value: &str) -> Option<NaiveDate> {
        let y = parse_year(value.get(0..4)?)?;
        if value.as_bytes().get(4) != Some(&b'-') || value.as_bytes().get(7) != Some(&b'-') {
            return None;
        }
        let m = value.get(5..7)?.parse().ok()?;
        let d = value.get(8..10)?.parse().ok()?;
        NaiveDate::from_ymd_opt(y, m, d)
    }

    /// The token at byte offset `at`, when one starts there.
    fn token_at(&self, at: usize) -> Option<usize> {
        self.doc.tokens.binary_search_by_key(&at, |t| t.span.start).ok()
    }

    /// The value of "mid afternoon" at token `i`: part `part` of the day named before it in the
    /// sentence, else of the publication date.
    pub(super) fn mid_day_part(&self, i: usize, part: &'static str) -> Option<Value> {
        self.day_before_in_sentence(i).or_else(|| self.anchor().filter(|_| self.fixed)).map(|d| Value::DayPart(d, part))
    }

    /// The date of the expression just before `i` in the current sentence, when it names a day:
    /// a time of day takes it ("on Friday, at 3pm").
    pub(super) fn day_before_in_sentence(&self, i: usize) -> Option<NaiveDate> {
        let start = self.doc.tokens.get(self.s0)?.span.start;
        let here = self.doc.tokens.get(i)?.span.start;
        self.out
            .iter()
            .rev()
            .take_while(|t| t.span.start >= start)
            .filter(|t| t.span.end <= here)
            .find_map(|t| Self::day_of(&t.value))
    }

    /// Day words ("today", "tomorrow", "yesterday", "tonight") quoted from, or reported after,
    /// a past speech whose day the sentence gives ("said on Monday", "On March 3, he said")
    /// count from that day. `first` is the first expression of the current sentence.
    pub(super) fn reanchor_speech(&mut self, first: usize) {
        let Some(found) = self.out.get(first..) else { return };
        let day_words =
            found.iter().any(|t| lexicon::day_word(self.lower.get(t.span.start..t.span.end).unwrap_or("")).is_some());
        if !day_words {
            return;
        }
        let in_quote = |at: usize| self.token_at(at).and_then(|k| self.doc.tokens.get(k)).is_some_and(|t| t.in_quote);
        // the reporting verb outside quotes, past
        let verb = (self.s0..self.s1).find(|&k| {
            self.doc.tokens.get(k).is_some_and(|t| !t.in_quote)
                && self.is_word(k)
                && lexicon::marker(self.w(k)) == Some(lexicon::Marker::Reporting)
        });
        let Some(verb) = verb else { return };
        // the day of the speech: a day outside quotes that is not itself a day word
        let speech = found.iter().find_map(|t| {
            let word = self.lower.get(t.span.start..t.span.end).unwrap_or("");
            if in_quote(t.span.start) || lexicon::day_word(word).is_some() {
                return None;
            }
            // the speech's own adverbial: next to the verb ("said Monday", "on Monday said") or
            // opening the sentence ("On March 3, he said")
            let k = self.token_at(t.span.start)?;
            let near = k + 4 >= verb && k <= verb + 3;
            if !near && k > self.s0 + 1 {
                return None;
            }
            Self::day_of(&t.value)
        });
        let Some(speech) = speech else { return };
        let verb_end = self.doc.tokens.get(verb).map_or(usize::MAX, |t| t.span.end);
        let mut changed = Vec::new();
        for (k, t) in found.iter().enumerate() {
            let word = self.lower.get(t.span.start..t.span.end).unwrap_or("");
            let Some((days, part)) = lexicon::day_word(word) else { continue };
            // quoted, or in the clause the verb reports ("said Monday that talks start tomorrow")
            let reported = in_quote(t.span.start) || (t.span.start > verb_end && self.reported_after(verb));
            if !reported {
                continue;
            }
            let Some(d) = super::calendar::shift(speech, days) else { continue };
            let value = match part {
                Some(p) => Value::DayPart(d, p),
                None => Value::Day(d),
            };
            changed.push((first + k, value.render().0));
        }
        for (k, v) in changed {
            if let Some(t) = self.out.get_mut(k) {
                t.value = v;
            }
        }
    }

    /// True when the reporting verb at `verb` introduces a reported clause ("said ... that").
    fn reported_after(&self, verb: usize) -> bool {
        (verb + 1..self.s1.min(verb + 6)).any(|k| self.w(k) == "that")
    }
}
