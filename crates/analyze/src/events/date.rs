//! When an event happens: the nearest date expression to its trigger.

use parallax_doc::TokenKind;

use super::vocabulary::{is, WordClass};
use super::Finder;
use crate::lexicon::is_reporting_verb;

impl<'d> Finder<'d> {
    /// The date (a day) nearest to token `from` within the sentence, between `lower_bound` and
    /// `until`, at most ten tokens away, not across a reporting verb and not right after one
    /// ("said Monday … the upcoming talks": Monday is when it was said), nor after "until".
    pub(super) fn nearest_time(&self, s: usize, from: usize, lower_bound: usize, until: usize) -> Option<usize> {
        self.nearest_time_of(s, from, lower_bound, until, false)
    }

    /// As [`Finder::nearest_time`]; `coarse`: a month ("last December") or a year ("in 2022")
    /// will do.
    pub(super) fn nearest_time_of(
        &self,
        s: usize,
        from: usize,
        lower_bound: usize,
        until: usize,
        coarse: bool,
    ) -> Option<usize> {
        let range = self.sentence_tokens(s);
        let lower_bound = lower_bound.max(range.start);
        let until = until.min(range.end);
        self.doc
            .times
            .iter()
            .enumerate()
            // a day ("2025-02-14"), or a part of one ("2025-02-14TNI": "Friday night")
            .filter(|(_, t)| {
                let v = t.value.as_bytes();
                let digits = |r: std::ops::Range<usize>| v.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
                let day = v.len() >= 10 && v[4] == b'-' && v[7] == b'-' && (v.len() == 10 || v[10] == b'T');
                let month = v.len() == 7 && v[4] == b'-' && digits(0..4) && digits(5..7);
                let year = v.len() == 4 && digits(0..4);
                day || (coarse && (month || year))
            })
            .filter_map(|(i, t)| {
                let tok = self.doc.token_at_or_after(t.span.start);
                if tok < lower_bound || tok >= until || self.in_quote.get(tok).copied().unwrap_or(true) {
                    return None;
                }
                // "the company's 2012 and 2013 Opteron roadmaps", "a 2009 report": a year before
                // a word, after no preposition of time, modifies a noun and dates no event
                let written = self.doc.text.get(t.span.start..t.span.end).unwrap_or("");
                if t.value.len() == 4 && written.len() == 4 && written.bytes().all(|b| b.is_ascii_digit()) {
                    let next = self.doc.token_at_or_after(t.span.end);
                    let before_word =
                        next < range.end && self.doc.tokens.get(next).is_some_and(|k| k.kind == TokenKind::Word);
                    let after_preposition = tok > range.start && is(WordClass::YearPreposition, self.lower(tok - 1));
                    if before_word && !after_preposition {
                        return None;
                    }
                }
                // "postponed the testimony until Monday": the end of a wait or a stretch, no
                // event's day
                if tok > range.start && matches!(self.lower(tok - 1), "until" | "till") {
                    return None;
                }
                // "said Monday", "said on Monday": the day of the saying, not of what is said
                // (unless the event is that saying)
                let said_then = (tok.saturating_sub(2)..tok)
                    .any(|k| k != from && k >= lower_bound && is_reporting_verb(self.word(k)))
                    && (tok.saturating_sub(2)..tok).all(|k| k == from || !matches!(self.word(k), "," | "."));
                if said_then && !(tok.saturating_sub(2)..tok).contains(&from) {
                    return None;
                }
                let (a, b) = (tok.min(from), tok.max(from));
                let across =
                    (a + 1..b).any(|k| is_reporting_verb(self.word(k)) || matches!(self.word(k), ";" | "—" | "–"));
                (tok.abs_diff(from) <= 10 && !across).then_some((tok.abs_diff(from), i))
            })
            .min()
            .map(|(_, i)| i)
    }
}
