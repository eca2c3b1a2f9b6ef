//! The quotes stage: direct, partial and indirect quotes with their cues and speakers.
//!
//! The stage works over the token layer:
//!
//! 1. **Regions.** Quotation marks are paired paragraph by paragraph (“…”, "…", ‘…’, and '…' when
//!    it closes within the sentence). Marks nested inside a quote, apostrophes ("Europe’s",
//!    "dons’") and stray closing marks are not quotes. A quote left open at a paragraph's end runs
//!    to that end; when the next paragraph opens with a quotation mark, the quote continues there
//!    (the multi-paragraph convention) and keeps its speaker.
//! 2. **Kind.** A quote that begins a sentence (or follows `:` / `,`) with a capital and ends it,
//!    or is followed by its attribution, is [`QuoteKind::Direct`]; any other quoted fragment is
//!    [`QuoteKind::Partial`].
//! 3. **Cue.** The quote's own attribution clause (“…,” Kellogg told reporters; “…,” warned
//!    Mette Frederiksen; “…”, according to X) wins; otherwise the speech cue nearest the quote in
//!    its sentence(s), before or after, from the lexicon in `data/speech_cues.txt`.
//! 4. **Speaker.** The subject of the cue: the noun phrase right before it, past time adverbs,
//!    auxiliaries and an appositive ("Kaja Kallas, the EU’s foreign policy chief, last week
//!    warned"), or after it in inversion ("said Starmer"), after "according to" / "quoting", or
//!    the subject of the main clause for a participle ("…, adding") or a coordinated verb ("and
//!    accused him"), the subject of a progressive ("He’s claiming", "the doctor is calling"), or
//!    the named antecedent of a relative clause ("Lena Ortiz, who argued that …"). The speaker's entity is the entity of the mention heading that phrase, so
//!    "Macron’s spokesperson" keeps its span but gets no entity.
//! 5. **Continuation.** A quote with no cue in its sentence continues the speaker of the quote
//!    before it in the paragraph, or, when the paragraph is nothing but the quote, of the
//!    attributed quote that ends the previous paragraph. A direct quote after a speech noun and a
//!    colon ("made the following comment: “…”") takes the subject of that clause. A quoted
//!    fragment with no cue and no such speaker (a scare quote: charting a “third way”) is not
//!    reported.
//! 6. **Indirect speech.** "Bruce said the meeting is aimed at …": a named or resolved speaker,
//!    a reporting verb and a that-clause or clause-like complement, in a sentence without quotation
//!    marks, give a [`QuoteKind::Indirect`] quote whose span is the reported clause. Cues flagged
//!    `object` report their object ("denied any involvement", "criticized X for …", "called X Y",
//!    "accused Y of …" with Y), up to a relative, contrasting or subordinate clause; a coordinated
//!    verb ("… and said …") takes the main clause's subject; several attributions in one sentence
//!    ("…, while Y said …", "; Y said", "and Y said") split it. Joint speakers ("A and B said")
//!    get a span covering both names and the entity of the first. The writer's asides end the
//!    reported clause (a semicolon, ", although …", ", citing …"); an attribution that ends the
//!    sentence ("…, sources said.") reports all before it; "…, said one diplomat" is an
//!    inversion, but "…, described the plan" (an object) and "Name, role, noted the rule" are not;
//!    a relative clause reports its antecedent ("the formula, which teachers say disadvantages
//!    …"); a fronted subordinate clause ("When she hires, she said …") belongs to the report, and
//!    so does the whole sentence when the attribution is inserted after a fronted phrase ("Too
//!    often, she said, the debate is …");
//!    a headline in title case takes capitalised cues ("…, Health Experts Say").
//!
//! 7. **Resolution** (`resolve.rs`). Words that stand for an entity named before get it: "it" /
//!    "they" for an organisation, "the ministry" / "the company" for the organisation in focus,
//!    "the 26-year-old" for the person whose age was given. `naming.rs` then names each speaker
//!    as a reader would (the entity's name, else the description as written, else none).
//!
//! No speaker is ever invented: when the text names none, `speaker_span` and `speaker_entity`
//! are `None`.

mod attribution;
mod clauses;
mod context;
mod continuation;
mod cues;
mod naming;
mod reported;
mod resolve;
mod speakers;
mod tokens;
mod transcript;
mod vocabulary;

use std::ops::Range;

pub use naming::{is_fragment, named_speaker, NamedSpeaker, SpeakerKind};

use parallax_doc::{Doc, EntityKind, Layer, Mention, Quote, QuoteKind, Span, Stage, TokenKind};

use crate::segment::paragraph_tokens;
use cues::{lexicon, lower_ascii, CueClass, CueMatch, Lexicon};
use parallax_doc::QuoteRegion as Region;
use tokens::{is_in, is_stop, naming_verb, past_form, starts_upper};
use vocabulary::{
    ADVERBS, DETERMINERS, FINITE, IRREGULAR_PAST, NP_STOP, OBJECT_PRONOUNS, PERSONAL_PRONOUNS, PREPOSITIONS, PRONOUNS,
    TIME_WORDS,
};

/// The quotes stage: fills [`Doc::quotes`](parallax_doc::Doc::quotes).
#[derive(Debug, Default, Clone, Copy)]
pub struct QuoteFinder;

impl Stage for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Entities]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }
    fn run(&self, doc: &mut Doc) {
        find_quotes(doc);
    }
}

/// Fills the quote layer of `doc` (replacing any quotes already there).
pub fn find_quotes(doc: &mut Doc) {
    let quotes = if doc.tokens.is_empty() || doc.sentences.is_empty() { Vec::new() } else { Finder::new(doc).run() };
    doc.quotes = quotes;
}

/// The words naming a speaker and the entity they resolve to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Speaker {
    span: Span,
    entity: Option<usize>,
}

/// What stands before a verb cue.
enum Before {
    /// Its subject.
    Subject(Speaker),
    /// A coordinated verb ("… and accused him"): the subject is that of the verb before.
    Coordinated,
    /// Nothing that can be the subject: the subject may follow ("said Starmer").
    Inverted,
    /// Something that is not a speaker.
    Nothing,
}

/// The attribution found for one region.
#[derive(Debug, Clone, Copy)]
struct Attribution {
    cue: Option<Span>,
    speaker: Option<Speaker>,
    /// A cue was found near the quote (even if no speaker was).
    has_cue: bool,
}

/// The shared read-only context of the stage: the doc and what every pass reads of it, built
/// once (`context.rs`).
struct Finder<'a> {
    doc: &'a Doc,
    lex: &'static Lexicon,
    /// Per token: inside a quoted region (marks included).
    in_quote: Vec<bool>,
    /// Every cue outside quotes, in text order.
    cues: Vec<CueMatch>,
    /// Mentions sorted by start.
    mentions: Vec<&'a Mention>,
    /// The quoted regions, in text order.
    regions: Vec<Region>,
    /// Per paragraph index: its token range.
    paragraphs: Vec<Range<usize>>,
    /// Per sentence: a headline in title case, where capitalised cues count ("…, Officials Say").
    title: Vec<bool>,
}

impl<'a> Finder<'a> {
    /// Runs the passes in order: quoted regions (transcript, own attribution, signature, nearest
    /// cue, colon, continuation), then reported speech, then speakers continued across quotes.
    fn run(mut self) -> Vec<Quote> {
        self.unquote_labels();
        let regions = std::mem::take(&mut self.regions);
        let mut out = Vec::new();
        // (paragraph, first sentence, last sentence, left open, speaker) of the previous region
        let mut prev: Option<(usize, usize, usize, bool, Option<Speaker>)> = None;
        // sentences holding a direct quote: no reported speech is looked for there
        let mut quoted_sentence = vec![false; self.doc.sentences.len()];
        for r in &regions {
            // “CLINTON: I feel …” in a transcript: the label is the speaker, not quoted words
            if let Some(colon) = self.transcript_label(r) {
                let speaker = self.label_speaker(r, colon);
                let first = colon + 1;
                let sentences = self.sentence_of(r.open)..=self.sentence_of(r.end.saturating_sub(1).max(first));
                for flag in &mut quoted_sentence[sentences] {
                    *flag = true;
                }
                prev = Some((r.paragraph, self.sentence_of(r.open), self.sentence_of(r.end - 1), false, None));
                out.push(Quote {
                    span: self.span_at(first).cover(self.span_at(r.end - 1)),
                    kind: QuoteKind::Direct,
                    cue: Some(self.span_at(colon)),
                    speaker_span: Some(speaker.span),
                    speaker_entity: speaker.entity,
                    speaker_antecedent: None,
                });
                continue;
            }
            let last_tok = r.close.unwrap_or(r.end.saturating_sub(1).max(r.first));
            let s_first = self.sentence_of(r.open);
            let s_last = self.sentence_of(last_tok);
            // (a verb and a colon before the quote name its speaker before an attribution
            // after it: "Kelly said: “…,” the Daily News reported")
            let own = self.own_attribution(r).map(|own| self.verb_colon(r).unwrap_or(own));
            let signed = if own.is_none() { self.signed(r) } else { None };
            let kind = self.kind(r, own.is_some() || signed.is_some());
            if kind == QuoteKind::Direct {
                for flag in &mut quoted_sentence[s_first..=s_last] {
                    *flag = true;
                }
            }
            let mut attr = match own {
                Some((cue, speaker)) => {
                    Attribution { cue: Some(cue.span(self.doc)), speaker: Some(speaker), has_cue: true }
                }
                None => match signed {
                    Some(speaker) => Attribution { cue: None, speaker: Some(speaker), has_cue: true },
                    None => self.nearest_attribution(r, s_first, s_last, kind == QuoteKind::Partial),
                },
            };
            if !attr.has_cue {
                if let Some((cue, speaker)) = self.colon_introduced(r).filter(|_| kind == QuoteKind::Direct) {
                    attr = Attribution { cue: Some(cue), speaker: Some(speaker), has_cue: true };
                } else if let Some(speaker) = self.inherited(r, kind, s_first, prev) {
                    attr.speaker = Some(speaker);
                } else if let Some((cue, speaker)) = self.introduced(r) {
                    attr = Attribution { cue: Some(cue), speaker: Some(speaker), has_cue: true };
                }
            }
            prev = Some((r.paragraph, s_first, s_last, r.close.is_none(), attr.speaker));
            if kind == QuoteKind::Partial && (attr.speaker.is_none() || self.quoted_title(r)) {
                // a scare quote or a title ("appeared on “Face the Nation”"): not reported
                continue;
            }
            let span = self.span_at(r.first).cover(self.span_at(r.end - 1));
            out.push(Quote {
                span,
                kind,
                cue: attr.cue,
                speaker_span: attr.speaker.map(|s| s.span),
                speaker_entity: attr.speaker.and_then(|s| s.entity),
                speaker_antecedent: None,
            });
        }
        self.regions = regions;
        self.indirect(&mut out, &quoted_sentence);
        out.sort_by_key(|q| q.span.start);
        self.continue_speakers(&mut out);
        self.resolve_speakers(&mut out);
        out
    }

    /// Whether region `r` runs over more than one paragraph (a source that breaks lines inside
    /// quotes).
    fn spans_lines(&self, r: &Region) -> bool {
        let last = r.close.unwrap_or(r.end.saturating_sub(1));
        let paragraph = |t: usize| self.doc.sentences.get(self.sentence_of(t)).map(|s| s.paragraph);
        paragraph(r.open) != paragraph(last)
    }

    /// Direct when the quote opens its sentence (or follows `:` or `,`) with a capital and closes
    /// it or is followed by its attribution; partial otherwise.
    fn kind(&self, r: &Region, has_own: bool) -> QuoteKind {
        let s = self.sentence_of(r.open);
        let starts = self.doc.sentences[s].tokens.start == r.open
            || self.line_break_before(r.open)
            || (r.open > 0 && !self.quoted(r.open - 1) && matches!(self.tok(r.open - 1), ":" | ","));
        let first = self.tok(r.first);
        let capital = starts_upper(first) || first.starts_with('…') || first.starts_with("...");
        let ends = match r.close {
            None => true,
            Some(c) => {
                has_own
                    // the quote's own punctuation inside its closing mark ("…, " Deng told)
                    || c > r.first && matches!(self.tok(c - 1), "," | "." | "!" | "?") && self.spans_lines(r)
                    || c + 1 >= self.sentence_range(self.sentence_of(c)).end
                    || matches!(self.tok(c + 1), "," | "." | "!" | "?" | ";" | ":" | "–" | "—" | ")")
            }
        };
        if starts && capital && ends {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        }
    }
}

#[cfg(test)]
mod tests;
