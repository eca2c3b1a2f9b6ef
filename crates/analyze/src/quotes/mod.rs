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
//!    "accused Y of …" without Y), up to a relative, contrasting or subordinate clause; a coordinated
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
//! No speaker is ever invented: when the text names none, `speaker_span` and `speaker_entity`
//! are `None`.

mod attribution;
mod cues;
mod reported;
mod speakers;
mod vocabulary;

use std::ops::Range;

use parallax_doc::{Doc, EntityKind, Layer, Mention, Quote, QuoteKind, Span, Stage, TokenKind};

use crate::segment::paragraph_tokens;
use cues::{lexicon, lower_ascii, CueClass, CueMatch, Lexicon};
use parallax_doc::QuoteRegion as Region;
use vocabulary::WordClass;

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

/// Whether the tokens `range` are a headline in title case: at least four words of four letters
/// or more outside quotes, three quarters of them capitalised, in a short sentence.
fn title_case(doc: &Doc, range: Range<usize>, in_quote: &[bool]) -> bool {
    if range.len() > 30 {
        return false;
    }
    let (mut long, mut capital) = (0, 0);
    for i in range {
        let t = &doc.tokens[i];
        if t.kind != TokenKind::Word || in_quote[i] {
            continue;
        }
        let w = doc.slice(t.span);
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            capital += usize::from(starts_upper(w));
        }
    }
    long >= 4 && capital * 4 >= long * 3
}

const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];
/// Pronouns that stand for people (not "it").
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "it"];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"];

fn is_in(word: &str, list: &[&str]) -> bool {
    let mut buf = [0u8; 32];
    match lower_ascii(word, &mut buf) {
        Some(w) => list.contains(&w),
        None => list.iter().any(|l| l.eq_ignore_ascii_case(word)),
    }
}

/// True for a stop word, but not for an acronym that spells one ("US", "IT").
fn is_stop(word: &str) -> bool {
    let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    !acronym && vocabulary::is(WordClass::NounPhraseStop, word)
}

/// A verb that names what something is ("called", "dubs", "described", "deemed", "hailed"): its
/// quoted object is a label, not a statement.
fn naming_verb(word: &str) -> bool {
    const STEMS: &[&str] = &["call", "dub", "label", "brand", "describ", "deem", "hail", "term"];
    STEMS.iter().any(|stem| word.get(..stem.len()).is_some_and(|w| w.eq_ignore_ascii_case(stem)))
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

impl<'a> Finder<'a> {
    fn new(doc: &'a Doc) -> Finder<'a> {
        let lex = lexicon();
        let n = doc.tokens.len();
        let in_quote: Vec<bool> = doc.tokens.iter().map(|t| t.in_quote).collect();
        let regions = doc.quote_regions.clone();
        let mut cues = Vec::new();
        let mut title = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let end = s.tokens.end.min(n);
            let headline = title_case(doc, s.tokens.start..end, &in_quote);
            title.push(headline);
            let mut i = s.tokens.start;
            while i < end {
                if !in_quote[i] {
                    let found = if headline { lex.match_any_case(doc, i, end) } else { lex.match_at(doc, i, end) };
                    // a verb cue after an article, "of" or a number is a noun ("a series of tweets",
                    // "three points to widen the gap")
                    let noun = |c: &CueMatch| {
                        c.class == CueClass::Verb && c.first > s.tokens.start && {
                            let prev = &doc.tokens[c.first - 1];
                            let plural = doc.slice(doc.tokens[c.first].span).ends_with('s');
                            let count = prev.kind == TokenKind::Number
                                || is_in(
                                    doc.slice(prev.span),
                                    &["two", "three", "four", "five", "several", "many", "few"],
                                );
                            // "three points to widen …"; "Following reports that …", "amid claims of …"
                            let after_preposition = is_in(
                                doc.slice(prev.span),
                                &["following", "amid", "despite", "after", "over", "about"],
                            );
                            // "a call", "his call to ban …", "Trump's call", "0.1 percentage point"
                            let p = doc.slice(prev.span);
                            plural && (count || after_preposition)
                                || is_in(
                                    p,
                                    &[
                                        "a",
                                        "an",
                                        "the",
                                        "of",
                                        "his",
                                        "her",
                                        "their",
                                        "its",
                                        "our",
                                        "my",
                                        "your",
                                        "percentage",
                                    ],
                                )
                                || p.ends_with("’s")
                                || p.ends_with("'s")
                        }
                    };
                    // "calls" is mostly a noun ("low-cost calls"); as a verb it names a quoted label
                    // ("calls Santilli a “fascist”")
                    let bare_noun = |c: &CueMatch| {
                        c.end == c.first + 1
                            && doc.slice(doc.tokens[c.first].span).eq_ignore_ascii_case("calls")
                            && !(c.end..(c.end + 8).min(end)).any(|x| in_quote[x])
                    };
                    // a capitalised word inside a sentence is a name ("Mike Read said"), not a cue
                    let name = |c: &CueMatch| {
                        !headline
                            && c.first > s.tokens.start
                            && !matches!(doc.tokens[c.first - 1].kind, TokenKind::OpenQuote)
                            && !matches!(doc.slice(doc.tokens[c.first - 1].span), ":" | "(" | "-" | "—" | "–")
                            && starts_upper(doc.slice(doc.tokens[c.first].span))
                    };
                    if let Some(c) = found.filter(|c| !noun(c) && !bare_noun(c) && !name(c)) {
                        if !in_quote[c.first..c.end].iter().any(|&q| q) {
                            cues.push(c);
                            i = c.end;
                            continue;
                        }
                    }
                }
                i += 1;
            }
        }
        let mut mentions: Vec<&Mention> = doc.mentions.iter().collect();
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut paragraphs: Vec<Range<usize>> = Vec::new();
        for (p, range) in paragraph_tokens(doc) {
            if paragraphs.len() <= p {
                paragraphs.resize(p + 1, 0..0);
            }
            paragraphs[p] = range;
        }
        Finder { doc, lex, in_quote, cues, mentions, regions, paragraphs, title }
    }

    /// The text of token `i`; empty past the last token, so a rule that looks one token ahead
    /// at the end of an article sees nothing rather than failing.
    fn tok(&self, i: usize) -> &'a str {
        self.doc.tokens.get(i).map_or("", |t| self.doc.slice(t.span))
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    /// The nearest punctuation token in `separators` before token `from` and after `lo`,
    /// unless a quotation comes first.
    fn separator_before(&self, from: usize, lo: usize, separators: &[&str]) -> Option<usize> {
        (lo..from)
            .rev()
            .take_while(|&j| !self.in_quote[j])
            .find(|&j| is_in(self.tok(j), separators) && !self.is_word(j))
    }

    /// Index of the sentence holding token `i`.
    fn sentence_of(&self, i: usize) -> usize {
        let s = self.doc.sentences.partition_point(|s| s.tokens.end <= i);
        s.min(self.doc.sentences.len() - 1)
    }

    fn sentence_range(&self, s: usize) -> Range<usize> {
        let r = &self.doc.sentences[s].tokens;
        r.start..r.end.min(self.doc.tokens.len())
    }

    /// The longest mention overlapping token `i`.
    fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        let span = self.doc.tokens[i].span;
        let upto = self.mentions.partition_point(|m| m.span.start < span.end);
        self.mentions[..upto]
            .iter()
            .rev()
            .take(16)
            .filter(|m| m.span.overlaps(span))
            .max_by_key(|m| m.span.len())
            .copied()
    }

    fn cue_at(&self, i: usize) -> bool {
        self.lex.match_at(self.doc, i, i + 1).is_some()
    }

    /// A lower-case adverb in -ly ("sharply", "bluntly"), not a noun in -ly ("family", "ally").
    fn ly_adverb(&self, i: usize) -> bool {
        let t = self.tok(i);
        t.len() > 4 && t.ends_with("ly") && !starts_upper(t) && !vocabulary::is(WordClass::LyNoun, t)
    }

    fn run(mut self) -> Vec<Quote> {
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
                    span: self.doc.tokens[first].span.cover(self.doc.tokens[r.end - 1].span),
                    kind: QuoteKind::Direct,
                    cue: Some(self.doc.tokens[colon].span),
                    speaker_span: Some(speaker.span),
                    speaker_entity: speaker.entity,
                });
                continue;
            }
            let last_tok = r.close.unwrap_or(r.end.saturating_sub(1).max(r.first));
            let s_first = self.sentence_of(r.open);
            let s_last = self.sentence_of(last_tok);
            let own = self.own_attribution(r);
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
            let span = self.doc.tokens[r.first].span.cover(self.doc.tokens[r.end - 1].span);
            out.push(Quote {
                span,
                kind,
                cue: attr.cue,
                speaker_span: attr.speaker.map(|s| s.span),
                speaker_entity: attr.speaker.and_then(|s| s.entity),
            });
        }
        self.indirect(&mut out, &quoted_sentence);
        out.sort_by_key(|q| q.span.start);
        self.continue_speakers(&mut out);
        out
    }

    /// Direct when the quote opens its sentence (or follows `:` or `,`) with a capital and closes
    /// it or is followed by its attribution; partial otherwise.
    fn kind(&self, r: &Region, has_own: bool) -> QuoteKind {
        let s = self.sentence_of(r.open);
        let starts = self.doc.sentences[s].tokens.start == r.open
            || self.line_break_before(r.open)
            || (r.open > 0 && !self.in_quote[r.open - 1] && matches!(self.tok(r.open - 1), ":" | ","));
        let first = self.tok(r.first);
        let capital = starts_upper(first) || first.starts_with('…') || first.starts_with("...");
        let ends = match r.close {
            None => true,
            Some(c) => {
                has_own
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

    /// A speaker that names someone: an entity's mention or a personal pronoun.
    fn names_someone(&self, s: Speaker) -> bool {
        s.entity.is_some() || is_in(self.doc.slice(s.span), PERSONAL_PRONOUNS)
    }

    /// A subject that can be a speaker: not a verb form or a number.
    fn speaker_like(&self, s: Speaker) -> bool {
        if s.entity.is_some() {
            return true;
        }
        let last = self.doc.slice(s.span).rsplit(' ').next().unwrap_or("");
        let first = self.doc.slice(s.span).split(' ').next().unwrap_or("");
        // a lone -ing word ("having", "regarding") is a verb, not a speaker
        let lone_ing = !self.doc.slice(s.span).contains(' ') && last.ends_with("ing") && s.entity.is_none();
        !(last.is_empty()
            || lone_ing
            || vocabulary::is(WordClass::Finite, last)
            || last.ends_with("n't")
            || last.ends_with("n’t")
            || last.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            || is_in(first, &["what", "which", "who", "that", "this", "it’s", "it's", "to"]))
    }

    /// Whether a comma stands right before token `i` (after `lo`), or a closing quotation mark
    /// after one ("…,” adding that …").
    fn comma_before(&self, i: usize, lo: usize) -> bool {
        if i <= lo {
            return false;
        }
        let t = &self.doc.tokens[i - 1];
        self.tok(i - 1) == "," || (t.kind == TokenKind::CloseQuote && i >= lo + 2 && self.tok(i - 2) == ",")
    }

    /// The pronoun of a contraction with "be" at token `p` ("He’s", "they're"), as a speaker.
    fn pronoun_be(&self, p: usize) -> Option<Speaker> {
        const SUFFIXES: &[&str] = &["’s", "'s", "’re", "'re"];
        let t = self.tok(p);
        // the contraction as its own token ("He" "’s") or inside the pronoun's token
        let (head, pronoun) = if SUFFIXES.contains(&t) {
            let q = p.checked_sub(1).filter(|&q| self.is_word(q))?;
            (q, self.tok(q))
        } else {
            let cut = SUFFIXES.iter().find_map(|x| t.strip_suffix(x))?;
            (p, cut)
        };
        if !is_in(pronoun, &["he", "she", "it", "they", "we"]) {
            return None;
        }
        let start = self.doc.tokens[head].span.start;
        Some(self.speaker_for(Span::new(start, start + pronoun.len()), head))
    }

    /// A participle cue after a form of "be": "is warning", "was saying".
    fn progressive(&self, c: CueMatch, lo: usize) -> bool {
        // "is calling", "are now saying"
        let mut p = c.first;
        while p > lo + 1 && (is_in(self.tok(p - 1), &["now", "still", "also", "again", "not"]) || self.ly_adverb(p - 1))
        {
            p -= 1;
        }
        p > lo && is_in(self.tok(p - 1), &["is", "are", "was", "were", "been"])
    }

    /// Whether a clause (a subject, then a finite verb) starts at token `j`; after "said", a subject
    /// followed by a few words is enough.
    fn clause_at(&self, j: usize, hi: usize, said: bool) -> bool {
        if j >= hi || !self.is_word(j) || self.in_quote[j] && self.doc.tokens[j].kind != TokenKind::OpenQuote {
            return false;
        }
        let w = self.tok(j);
        if (is_in(w, &["he", "she", "they", "we", "i", "there"])
            || w == "it" && (said || j + 1 < hi && vocabulary::is(WordClass::Finite, self.tok(j + 1))))
            && j + 1 < hi
            && self.is_word(j + 1)
        {
            return true;
        }
        let subjectish = is_in(w, DETERMINERS)
            || is_in(w, &["you", "all", "some", "many", "most", "both", "no", "any", "each", "every"])
            || (!is_stop(w) && !is_in(w, PREPOSITIONS) && !vocabulary::is(WordClass::Adverb, w) && !self.ly_adverb(j));
        if !subjectish || self.cue_at(j) || vocabulary::is(WordClass::Finite, w) {
            return false;
        }
        if said && (j..hi).filter(|&x| self.is_word(x)).count() >= 5 && (j + 1..hi).all(|x| self.tok(x) != ",") {
            return true;
        }
        (j + 1..hi.min(j + 16)).any(|x| self.finite_at(x))
    }

    /// A finite verb form: an auxiliary, a negated auxiliary, a past in -ed or a common irregular one.
    fn finite_at(&self, x: usize) -> bool {
        let t = self.tok(x);
        if vocabulary::is(WordClass::Finite, t) || is_in(t, IRREGULAR_PAST) || t.ends_with("n't") || t.ends_with("n’t")
        {
            return true;
        }
        t.len() > 4
            && t.ends_with("ed")
            && !starts_upper(t)
            && x > 0
            && self.is_word(x - 1)
            && !is_in(self.tok(x - 1), DETERMINERS)
            && !is_in(self.tok(x - 1), PREPOSITIONS)
    }
}

/// Prepositions that do not open a clause.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "from", "with", "by", "for", "of", "about", "into", "over", "under", "against", "after",
    "before", "during", "as", "while", "when", "if", "because", "and", "or", "but", "than", "via", "per",
];

/// Common irregular past forms (a finite verb without an auxiliary).
const IRREGULAR_PAST: &[&str] = &[
    "began",
    "made",
    "went",
    "took",
    "came",
    "saw",
    "knew",
    "thought",
    "got",
    "gave",
    "left",
    "found",
    "felt",
    "kept",
    "lost",
    "met",
    "paid",
    "put",
    "ran",
    "sent",
    "spent",
    "stood",
    "won",
    "wrote",
    "became",
    "brought",
    "bought",
    "built",
    "chose",
    "fell",
    "held",
    "led",
    "meant",
    "rose",
    "sold",
    "told",
    "said",
    "understood",
];

#[cfg(test)]
mod tests;
