//! Continuation: a quote with no cue of its own takes the speaker of the quote before it in
//! the paragraph or of the attributed quote ending the previous paragraph; a later pass fills
//! speakers left open across consecutive quotes.

use super::vocabulary::NON_SPEAKERS;
use super::*;

/// How many lines with no quotation mark may stand between a quote left open and the quote
/// that continues it.
const MAX_UNMARKED_LINES: usize = 2;

/// The speaker of the last attributed quote, which a following quote may continue.
#[derive(Clone, Copy)]
struct LastSpeaker {
    paragraph: usize,
    span: Span,
    entity: Option<usize>,
    antecedent: Option<Span>,
    /// Whether that quote asked a question (its answer is someone else's).
    question: bool,
}

impl<'a> Finder<'a> {
    /// A direct quote left without a speaker that opens its paragraph, right after a paragraph
    /// where a named speaker was quoted or reported, continues that speaker: news copy runs a
    /// speaker's words on over paragraphs ("Viguerie said Cruz can win. / “He may be the only
    /// one …”").
    pub(super) fn continue_speakers(&self, out: &mut [Quote]) {
        if self.doc.tokens.is_empty() {
            return;
        }
        let paragraph_at = |byte: usize| {
            let t = self.doc.token_at_or_after(byte);
            self.doc.sentences[self.sentence_of(t.min(self.doc.tokens.len().saturating_sub(1)))].paragraph
        };
        let paragraph_of = |q: &Quote| paragraph_at(q.span.start);
        // the last attributed quote; a speaker no entity holds ("it recommended") is continued
        // by its words
        let mut last: Option<LastSpeaker> = None;
        for q in out.iter_mut() {
            let par = paragraph_of(q);
            let opens = self.paragraphs.get(par).is_some_and(|p| {
                let first = self.doc.token_at_or_after(q.span.start);
                first <= p.start + 1
            });
            if q.kind == QuoteKind::Direct && q.speaker_span.is_none() {
                if let Some(LastSpeaker { paragraph: p, span, entity, antecedent, question }) = last {
                    // not the answer to an interviewer's question; a quote inside a paragraph
                    // continues a speaker of the same paragraph only, and a speaker no entity
                    // holds only there
                    // (a name the entity layer left counts: "…,” Arians said. / “…”")
                    let name = self.doc.slice(span).split_whitespace().all(starts_upper)
                        && !is_in(self.doc.slice(span), &NON_SPEAKERS);
                    let reach = p == par || p + 1 == par && opens && (entity.is_some() || name);
                    if reach && !question {
                        q.speaker_span = Some(span);
                        q.speaker_entity = entity;
                        q.speaker_antecedent = antecedent;
                    }
                }
            }
            if q.kind == QuoteKind::Direct && q.speaker_span.is_none() {
                if let Some(speaker) = self.announced_before(q) {
                    q.speaker_span = Some(speaker.span);
                    q.speaker_entity = speaker.entity;
                }
            }
            if let Some(span) = q.speaker_span {
                let question = self.doc.slice(q.span).ends_with('?')
                    || self.doc.text.get(q.span.end..).is_some_and(|rest| rest.starts_with('?'));
                let named = q.speaker_entity.is_some() || super::naming::description(self.doc, span).is_some();
                if named {
                    // (a quote that runs over lines ends in the paragraph of its attribution)
                    last = Some(LastSpeaker {
                        paragraph: paragraph_at(q.span.end.saturating_sub(1)),
                        span,
                        entity: q.speaker_entity,
                        antecedent: q.speaker_antecedent,
                        question,
                    });
                }
            }
        }
    }

    /// The person who speaks in the sentence right before a direct quote that opens its own
    /// sentence in the same paragraph: "Lynch announced the lawsuit on Monday. “We are seeking a
    /// court order …”" (the subject of that sentence's last speech verb, when it is a person).
    fn announced_before(&self, q: &Quote) -> Option<Speaker> {
        let first = self.doc.token_at_or_after(q.span.start);
        let open = first.checked_sub(1).filter(|&o| self.kind_at(o) == Some(TokenKind::OpenQuote)).unwrap_or(first);
        let s = self.sentence_of(open);
        if s == 0 || self.sentence_range(s).start != open {
            return None;
        }
        let prev = self.sentence_range(s - 1);
        let paragraph = |i: usize| self.doc.sentences.get(i).map(|s| s.paragraph);
        if paragraph(s - 1) != paragraph(s) || prev.clone().any(|x| self.quoted(x)) {
            return None;
        }
        let from = self.cues.partition_point(|c| c.first < prev.start);
        let to = self.cues.partition_point(|c| c.first < prev.end);
        let k = (from..to).rev().find(|&k| self.cues[k].class == CueClass::Verb)?;
        let speaker = self.subject_of(k, prev, 0)?;
        (self.entity_kind(speaker.entity) == Some(EntityKind::Person)).then_some(speaker)
    }

    /// The speaker a quote with no cue of its own continues.
    pub(super) fn inherited(
        &self,
        r: &Region,
        kind: QuoteKind,
        s_first: usize,
        prev: Option<(usize, usize, usize, bool, Option<Speaker>)>,
    ) -> Option<Speaker> {
        let (p_par, _, p_last, p_open, p_speaker) = prev?;
        let speaker = p_speaker?;
        let par = self.paragraphs.get(r.paragraph)?;
        let opens_paragraph = r.open == par.start;
        if p_par == r.paragraph {
            let words = (r.first..r.end).filter(|&k| self.is_word(k)).count();
            let close_by = s_first <= p_last + 1;
            return (kind == QuoteKind::Direct || (words >= 4 && close_by)).then_some(speaker);
        }
        if !opens_paragraph || p_par >= r.paragraph {
            return None;
        }
        // the multi-paragraph convention: the previous paragraph's quote was left open; lines
        // with no quotation mark between them are the open quote's too (a source that breaks
        // lines inside a quote: “It changed my attitude. / I had to find a way … / “I think …”)
        let marks =
            |k: usize| self.quoted(k) || matches!(self.kind_at(k), Some(TokenKind::OpenQuote | TokenKind::CloseQuote));
        let unmarked_between = r.paragraph - p_par <= MAX_UNMARKED_LINES + 1
            && (p_par + 1..r.paragraph).all(|p| self.paragraphs.get(p).is_some_and(|range| !range.clone().any(marks)));
        if p_open && unmarked_between {
            return Some(speaker);
        }
        if p_par + 1 != r.paragraph {
            return None;
        }
        // a paragraph that is only a quote continues the quote that ends the previous paragraph
        let prev_par = self.paragraphs.get(p_par)?;
        let ends_prev = prev_par.end > 0 && self.sentence_of(prev_par.end - 1) == p_last;
        let quote_only = par.clone().all(|k| self.quoted(k) || !self.is_word(k));
        (kind == QuoteKind::Direct && ends_prev && quote_only).then_some(speaker)
    }
}
