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

mod cues;
pub(crate) mod regions;

use std::ops::Range;

use parallax_doc::{Doc, EntityKind, Layer, Mention, Quote, QuoteKind, Span, Stage, TokenKind};

use cues::{lexicon, lower_ascii, CueClass, CueMatch, Lexicon};
use regions::{find_regions, paragraph_tokens, Region};

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
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "it"];
const DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"];
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "overnight",
    "past",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];
/// Words that may stand between a subject and its verb.
const ADVERBS: &[&str] = &[
    "also",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "did",
    "does",
    "do",
    "not",
    "never",
    "later",
    "earlier",
    "previously",
    "then",
    "again",
    "once",
    "just",
    "already",
    "now",
    "last",
    "this",
    "next",
    "separately",
    "subsequently",
    "recently",
    "further",
    "himself",
    "herself",
    "themselves",
    "first",
    "since",
    "even",
    "still",
    "too",
    "is",
    "was",
    "were",
    "are",
    "been",
    "reportedly",
    "publicly",
    "privately",
    "repeatedly",
    "however",
    "often",
    "always",
    "who",
    "ago",
    "shortly",
    "afterwards",
    "together",
    "jointly",
];
/// Words that end a noun phrase walked over from its head.
const NP_STOP: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "from",
    "with",
    "by",
    "after",
    "before",
    "during",
    "about",
    "for",
    "into",
    "over",
    "under",
    "against",
    "between",
    "among",
    "since",
    "until",
    "without",
    "through",
    "across",
    "ahead",
    "and",
    "or",
    "but",
    "as",
    "while",
    "when",
    "where",
    "because",
    "if",
    "though",
    "although",
    "whether",
    "so",
    "than",
    "who",
    "which",
    "that",
    "whom",
    "whose",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "not",
    "also",
    "there",
    "here",
    "what",
    "how",
    "why",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "him",
    "them",
    "us",
    "me",
    "then",
    "now",
    "last",
    "next",
    "said",
    "says",
    "told",
    "meanwhile",
    "however",
    "speaking",
    "reporting",
    "addressing",
    "writing",
    "yet",
    "still",
    "even",
    "just",
    "only",
    "both",
    "all",
    "some",
    "any",
    "no",
    "each",
    "every",
    "many",
    "most",
    "more",
];
/// Auxiliaries and modals that mark a finite clause (for indirect speech without "that").
const FINITE: &[&str] = &[
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "had",
    "has",
    "have",
    "did",
    "does",
    "do",
    "won’t",
    "won't",
    "can’t",
    "can't",
    "cannot",
    "wasn’t",
    "wasn't",
    "isn’t",
    "isn't",
    "didn’t",
    "didn't",
    "hadn’t",
    "hadn't",
    "wouldn’t",
    "wouldn't",
    "shall",
];

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
    !acronym && is_in(word, NP_STOP)
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

impl<'a> Finder<'a> {
    fn new(doc: &'a Doc) -> Finder<'a> {
        let lex = lexicon();
        let n = doc.tokens.len();
        let mut in_quote = vec![false; n];
        let regions = find_regions(doc);
        for r in &regions {
            let end = r.close.map_or(r.end, |c| c + 1).min(n);
            for flag in &mut in_quote[r.open.min(end)..end] {
                *flag = true;
            }
        }
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
                            plural && count
                                || is_in(doc.slice(prev.span), &["a", "an", "the", "of", "his", "her", "their", "its"])
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

    fn tok(&self, i: usize) -> &'a str {
        self.doc.slice(self.doc.tokens[i].span)
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind, TokenKind::Word | TokenKind::Number)
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
        /// Nouns (and noun-like adjectives) in -ly that head a speaker's noun phrase.
        const LY_NOUNS: &[&str] = &[
            "family",
            "ally",
            "rally",
            "assembly",
            "supply",
            "reply",
            "anomaly",
            "monopoly",
            "bully",
            "homily",
            "daily",
            "weekly",
            "monthly",
            "quarterly",
            "elderly",
            "panoply",
            "oligopoly",
        ];
        let t = self.tok(i);
        t.len() > 4 && t.ends_with("ly") && !starts_upper(t) && !is_in(t, LY_NOUNS)
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

    /// A direct quote left without a speaker that opens its paragraph, right after a paragraph
    /// where a named speaker was quoted or reported, continues that speaker: news copy runs a
    /// speaker's words on over paragraphs ("Viguerie said Cruz can win. / “He may be the only
    /// one …”").
    fn continue_speakers(&self, out: &mut [Quote]) {
        let paragraph_of = |q: &Quote| {
            let t = self.doc.token_at_or_after(q.span.start);
            self.doc.sentences[self.sentence_of(t.min(self.doc.tokens.len().saturating_sub(1)))].paragraph
        };
        // (paragraph, speaker span, entity, asked a question) of the last attributed quote
        let mut last: Option<(usize, Span, usize, bool)> = None;
        for q in out.iter_mut() {
            if self.doc.tokens.is_empty() {
                return;
            }
            let par = paragraph_of(q);
            let opens = self.paragraphs.get(par).is_some_and(|p| {
                let first = self.doc.token_at_or_after(q.span.start);
                first <= p.start + 1
            });
            if q.kind == QuoteKind::Direct && q.speaker_span.is_none() {
                if let Some((p, span, entity, question)) = last {
                    // not the answer to an interviewer's question; a quote inside a paragraph
                    // continues a speaker of the same paragraph only
                    if (p + 1 == par && opens || p == par) && !question {
                        q.speaker_span = Some(span);
                        q.speaker_entity = Some(entity);
                    }
                }
            }
            if let (Some(span), Some(entity)) = (q.speaker_span, q.speaker_entity) {
                let question = self.doc.slice(q.span).ends_with('?')
                    || self.doc.text.get(q.span.end..).is_some_and(|rest| rest.starts_with('?'));
                last = Some((par, span, entity, question));
            }
        }
    }

    /// Whether a quoted fragment is a title in title case ("Face the Nation", "All Bets Are Off")
    /// rather than words someone said: two to eight words, each capitalised or a short function
    /// word, in a sentence that is not itself a headline, right after a word that names a work
    /// or a programme. Nicknames and slogans (“called her “Miss Piggy””) stay quotes.
    fn quoted_title(&self, r: &Region) -> bool {
        const SMALL: &[&str] = &[
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as",
            "vs", "vs.", "is", "are", "be",
        ];
        let words: Vec<&str> = (r.first..r.end).filter(|&x| self.is_word(x)).map(|x| self.tok(x)).collect();
        if words.len() < 2 || words.len() > 8 || !starts_upper(words[0]) {
            return false;
        }
        if !words.iter().all(|w| starts_upper(w) || is_in(w, SMALL)) {
            return false;
        }
        if self.title[self.sentence_of(r.open)] || r.open == 0 {
            return false;
        }
        // named as a work or a programme: "appeared on “Face the Nation”", "NBC’s “Meet the
        // Press”", "his book “The Art of the Deal”"
        const WORKS: &[&str] = &[
            "on",
            "program",
            "programme",
            "show",
            "series",
            "film",
            "movie",
            "book",
            "song",
            "album",
            "documentary",
            "column",
            "titled",
            "entitled",
            "headlined",
            "forum",
            "podcast",
            "broadcast",
            "segment",
            "episode",
        ];
        let before = self.tok(r.open - 1);
        // a plural possessive ("Fox News’ “Fox and Friends”") may be split from its apostrophe
        let bare_apostrophe = matches!(before, "’" | "'")
            && r.open >= 2
            && self.doc.tokens[r.open - 2].span.end == self.doc.tokens[r.open - 1].span.start
            && self.tok(r.open - 2).ends_with('s');
        is_in(before, WORKS)
            || before.ends_with("’s")
            || before.ends_with("'s")
            || before.ends_with("s’")
            || before.ends_with("s'")
            || bare_apostrophe
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

    /// The attribution clause right after a quote's closing mark: “…,” Kellogg told reporters;
    /// “…,” warned Mette Frederiksen; “…”, according to X.
    fn own_attribution(&self, r: &Region) -> Option<(CueMatch, Speaker)> {
        let close = r.close?;
        let par_end = self.paragraphs.get(r.paragraph).map_or(0, |p| p.end);
        let mut j = close + 1;
        if j < par_end && matches!(self.tok(j), "," | "–" | "—") {
            j += 1;
        }
        if j >= par_end || self.in_quote[j] {
            return None;
        }
        let s_j = self.sentence_of(j);
        let mut sent = self.sentence_range(s_j);
        // a sentence break inside a label ("Graham (R-S.C.) told"): the sentence goes on
        let open_paren = sent.clone().rev().find(|&x| matches!(self.tok(x), "(" | ")")).filter(|&x| self.tok(x) == "(");
        if open_paren.is_some() && s_j + 1 < self.doc.sentences.len() {
            sent.end = self.sentence_range(s_j + 1).end;
        }
        if s_j != self.sentence_of(close) {
            // “Why?” Trump asked. — only a short attribution sentence
            if sent.len() > 12 || sent.clone().any(|k| self.in_quote[k]) {
                return None;
            }
        }
        let limit = (j + 18).min(sent.end);
        let from = self.cues.partition_point(|c| c.first < j);
        let cue = *self.cues.get(from).filter(|c| c.first < limit)?;
        if (j..cue.first).any(|k| self.in_quote[k]) {
            return None;
        }
        if let Some(speaker) = self.quoted_as_saying(cue, sent.end) {
            return Some((cue, speaker));
        }
        let speaker = match cue.class {
            CueClass::Source if cue.first == j => self.np_after(cue.end, sent.end),
            CueClass::Verb if cue.first == j => self.np_after(cue.end, sent.end),
            // “…,” Smith said / “…” the 21-year-old told …: the subject follows the quote at once
            // (not “…” - at which point the crowd chanted)
            CueClass::Verb => match self.before(cue.first, j) {
                Before::Subject(s)
                    if s_j != self.sentence_of(close)
                        || self.right_after(j, self.doc.token_at_or_after(s.span.start)) =>
                {
                    Some(s)
                }
                _ => None,
            },
            _ => None,
        }?;
        Some((cue, speaker))
    }

    /// A quote signed with a dash and a name that ends its line: “…” ― Adriana Rodarte.
    fn signed(&self, r: &Region) -> Option<Speaker> {
        let close = r.close?;
        let par_end = self.paragraphs.get(r.paragraph).map_or(0, |p| p.end);
        let mut j = close + 1;
        if j < par_end && self.tok(j) == "." {
            j += 1;
        }
        if j + 1 >= par_end || !matches!(self.tok(j), "―" | "—" | "–" | "-" | "--") || !starts_upper(self.tok(j + 1))
        {
            return None;
        }
        let speaker = self.np_after(j + 1, par_end)?;
        if !self.speaker_like(speaker) || !starts_upper(self.doc.slice(speaker.span)) {
            return None;
        }
        // the name ends the line
        let after = self.doc.token_at_or_after(speaker.span.end);
        let line_end = after >= par_end
            || self.doc.text[speaker.span.end..self.doc.tokens[after].span.start].contains('\n')
            || (self.tok(after) == "." && (after + 1 >= par_end || self.line_break_before(after + 1)));
        line_end.then_some(speaker)
    }

    /// A capitalised cue inside a headline ("…, Officials Say").
    fn headline_cue(&self, c: &CueMatch) -> bool {
        let s = self.sentence_of(c.first);
        self.title[s] && c.first > self.sentence_range(s).start && starts_upper(self.tok(c.first))
    }

    /// Whether a line break stands between token `i` and the token before it.
    fn line_break_before(&self, i: usize) -> bool {
        i > 0
            && i < self.doc.tokens.len()
            && self.doc.text[self.doc.tokens[i - 1].span.end..self.doc.tokens[i].span.start].contains('\n')
    }

    /// The cue nearest the quote in its sentence(s) whose speaker can be found.
    fn nearest_attribution(&self, r: &Region, s_first: usize, s_last: usize, prefer_named: bool) -> Attribution {
        let lo = self.sentence_range(s_first).start;
        let hi = self.sentence_range(s_last).end;
        let q_end = r.close.unwrap_or(r.end);
        let from = self.cues.partition_point(|c| c.first < lo);
        let mut cands: Vec<(usize, usize)> = self.cues[from..]
            .iter()
            .enumerate()
            .take_while(|(_, c)| c.end <= hi)
            // a headline's capitalised cue attributes its reported clause, not a quoted fragment in it
            .filter(|(_, c)| !self.headline_cue(c))
            .filter_map(|(k, c)| {
                if c.end <= r.open {
                    Some((r.open - c.end, from + k))
                } else if c.first > q_end {
                    // a cue after the quote is a little less likely to be its own
                    Some((c.first - q_end + 1, from + k))
                } else {
                    None
                }
            })
            .collect();
        cands.sort();
        // a speaker that names someone (or a pronoun) wins over a nearer noun phrase that names
        // no one ("the recent spate of protests demands …", "what analysts described as …")
        let mut fallback = None;
        for &(_, k) in &cands {
            let c = self.cues[k];
            let sent = self.sentence_range(self.sentence_of(c.first));
            if let Some(speaker) = self.subject_of(k, sent, 0) {
                let attribution = Attribution { cue: Some(c.span(self.doc)), speaker: Some(speaker), has_cue: true };
                if !prefer_named || self.names_someone(speaker) {
                    return attribution;
                }
                fallback.get_or_insert(attribution);
            }
        }
        if let Some(a) = fallback {
            return a;
        }
        match cands.first() {
            Some(&(_, k)) => Attribution { cue: Some(self.cues[k].span(self.doc)), speaker: None, has_cue: true },
            None => Attribution { cue: None, speaker: None, has_cue: false },
        }
    }

    /// A quote opening a paragraph after one that ends in a colon introducing it ("He said:",
    /// "The New York Times reports:"): the cue and speaker of that introduction.
    fn introduced(&self, r: &Region) -> Option<(Span, Speaker)> {
        let par = self.paragraphs.get(r.paragraph)?;
        if r.open != par.start || r.paragraph == 0 {
            return None;
        }
        let prev = self.paragraphs.get(r.paragraph - 1)?;
        if prev.is_empty() || prev.end != par.start || self.tok(prev.end - 1) != ":" || self.in_quote[prev.end - 1] {
            return None;
        }
        let s = self.sentence_of(prev.end - 1);
        let sent = self.sentence_range(s);
        let from = self.cues.partition_point(|c| c.first < sent.start);
        let to = self.cues.partition_point(|c| c.first < sent.end);
        let cued = (from..to).rev().find_map(|k| {
            let c = self.cues[k];
            // the last cue of the introduction; what follows it may not quote anything ("As Joel
            // Pollak reported after the raid in San Bernardino:")
            if sent.end - c.end > 25 || (c.end..sent.end).any(|x| self.in_quote[x]) {
                return None;
            }
            self.subject_of(k, sent.clone(), 0).map(|sp| (c.span(self.doc), sp))
        });
        if cued.is_some() {
            return cued;
        }
        // no cue ("He then listed the qualities he looks for:"): the subject who introduces it,
        // when it names someone
        let colon = prev.end - 1;
        let speaker = self.main_subject(colon, sent.start..colon).filter(|&sp| self.names_someone(sp))?;
        Some((self.doc.tokens[colon].span, speaker))
    }

    /// A speaker label opening a quoted paragraph of a transcript (“RAMOS: Secretary Clinton, …”):
    /// the label's last token, when it is one to three upper-case words before a colon.
    fn transcript_label(&self, r: &Region) -> Option<usize> {
        let colon = (r.first..(r.first + 4).min(r.end)).find(|&x| self.tok(x) == ":")?;
        let label_words = (r.first..colon).all(|x| {
            let t = self.tok(x);
            self.is_word(x) && t.chars().any(|c| c.is_alphabetic()) && !t.chars().any(|c| c.is_lowercase())
        });
        (colon > r.first && label_words && colon + 1 < r.end).then_some(colon)
    }

    /// The speaker a transcript label names: the person entity whose name ends with the label's
    /// last word ("CLINTON" → Hillary Clinton), else the label itself.
    fn label_speaker(&self, r: &Region, colon: usize) -> Speaker {
        let span = self.doc.tokens[r.first].span.cover(self.doc.tokens[colon - 1].span);
        let last = self.tok(colon - 1);
        let entity = self.doc.entities.iter().position(|e| {
            e.kind == EntityKind::Person && e.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(last))
        });
        Speaker { span, entity }
    }

    /// A quote after a speech noun and a colon in its own sentence ("Karl Veit made the following
    /// comment: “…”", "ended her campaign message with a promise: “…”"): the noun and the subject
    /// of that clause.
    fn colon_introduced(&self, r: &Region) -> Option<(Span, Speaker)> {
        const SPEECH_NOUNS: &[&str] = &[
            "comment",
            "comments",
            "statement",
            "message",
            "remarks",
            "words",
            "promise",
            "warning",
            "response",
            "reply",
            "answer",
            "appeal",
            "plea",
            "pledge",
            "explanation",
            "declaration",
            "slogan",
        ];
        let colon = r.open.checked_sub(1)?;
        if self.tok(colon) != ":" || self.in_quote[colon] {
            return None;
        }
        let sent = self.sentence_range(self.sentence_of(colon));
        // "Cecile Richards: “I’m sick of …”", "Rep. Trey Gowdy (R-S.C.): “…”": a name alone
        // before the colon
        if colon > sent.start && colon - sent.start <= 8 && !(sent.start..colon).any(|x| self.in_quote[x]) {
            let named = self.np_ending_at(colon - 1, sent.start).filter(|sp| {
                let person =
                    sp.entity.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Person);
                // titles before the name ("Former secretary of state Hillary Rodham Clinton:")
                let first = self.doc.token_at_or_after(sp.span.start);
                person && (sent.start..first).all(|x| self.is_word(x) && !self.finite_at(x))
            });
            if let Some(speaker) = named {
                return Some((self.doc.tokens[colon].span, speaker));
            }
        }
        let lo = colon.saturating_sub(8).max(sent.start);
        let Some(noun) = (lo..colon).rev().find(|&x| is_in(self.tok(x), SPEECH_NOUNS)) else {
            // no speech noun ("He also played up his strength in a general election: “…”"): the
            // subject of the introducing clause, when it names someone
            if (sent.start..colon).any(|x| self.in_quote[x]) {
                return None;
            }
            let speaker = self.main_subject(colon, sent.start..colon).filter(|&sp| self.names_someone(sp))?;
            return Some((self.doc.tokens[colon].span, speaker));
        };
        if (sent.start..colon).any(|x| self.in_quote[x]) {
            return None;
        }
        let speaker = self.main_subject(noun, sent.clone()).or_else(|| self.titled_subject(noun, sent.start..colon))?;
        Some((self.doc.tokens[noun].span, speaker))
    }

    /// Whether tokens `from..to` after a quote only lead up to its speaker's name (titles, a
    /// role: “…,” panel Chairman Rep. Jason Chaffetz said), not to another clause (“…” - at
    /// which point the crowd chanted).
    fn right_after(&self, from: usize, to: usize) -> bool {
        (from..to).all(|x| {
            let t = self.tok(x);
            (self.is_word(x) || matches!(t, "(" | ")" | "," | "." | "'" | "’"))
                && !self.finite_at(x)
                && !is_in(t, &["which", "who", "when", "while", "as", "after", "before"])
        })
    }

    /// Whether a naming cue stands in the passive ("being described as", "later deemed", "was
    /// dubbed"): after a form of "be" or right after a noun it modifies.
    fn passive_cue(&self, c: CueMatch, lo: usize) -> bool {
        let naming = ["described", "dubbed", "deemed", "labeled", "labelled", "branded", "called", "termed"];
        if !naming.iter().any(|n| self.tok(c.first).eq_ignore_ascii_case(n)) || c.first <= lo {
            return false;
        }
        let mut p = c.first - 1;
        while p > lo && (self.ly_adverb(p) || is_in(self.tok(p), &["later", "also", "often", "widely", "once"])) {
            p -= 1;
        }
        let before = self.tok(p);
        is_in(before, &["being", "been", "be", "is", "are", "was", "were", "get", "got", "gets"])
            || p + 1 < c.first && !self.in_quote[p] && self.is_word(p) && !starts_upper(before) && {
                // "messages later deemed": a noun, then an adverb, then the participle
                !is_in(before, FINITE) && !is_in(before, PRONOUNS) && !self.finite_at(p)
            }
    }

    /// "Arab News quoted Prince Saud as saying": the person quoted, not the outlet quoting.
    fn quoted_as_saying(&self, c: CueMatch, hi: usize) -> Option<Speaker> {
        if !is_in(self.tok(c.first), &["quoted", "quotes", "quoting", "quote"]) || c.end >= hi {
            return None;
        }
        let as_at = (c.end + 1..(c.end + 10).min(hi)).find(|&x| self.tok(x) == "as")?;
        let saying = as_at + 1 < hi && is_in(self.tok(as_at + 1), &["saying", "telling", "having", "describing"]);
        saying.then(|| self.np_after(c.end, as_at)).flatten()
    }

    /// The speaker a quote with no cue of its own continues.
    fn inherited(
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
        if p_par + 1 != r.paragraph || !opens_paragraph {
            return None;
        }
        // the multi-paragraph convention: the previous paragraph's quote was left open
        if p_open {
            return Some(speaker);
        }
        // a paragraph that is only a quote continues the quote that ends the previous paragraph
        let prev_par = self.paragraphs.get(p_par)?;
        let ends_prev = prev_par.end > 0 && self.sentence_of(prev_par.end - 1) == p_last;
        let quote_only = par.clone().all(|k| self.in_quote[k] || !self.is_word(k));
        (kind == QuoteKind::Direct && ends_prev && quote_only).then_some(speaker)
    }

    /// The speaker of cue `k`, within sentence tokens `sent`.
    fn subject_of(&self, k: usize, sent: Range<usize>, depth: usize) -> Option<Speaker> {
        let c = self.cues[k];
        if let Some(speaker) = self.quoted_as_saying(c, sent.end) {
            return Some(speaker);
        }
        match c.class {
            CueClass::Source => self.np_after(c.end, sent.end),
            // "messages later deemed “top secret”", "being dubbed the “presumptive nominee”": a
            // passive names no speaker
            CueClass::Verb if self.passive_cue(c, sent.start) => None,
            CueClass::Verb => match self.before(c.first, sent.start) {
                // "Trump in his announcement speech called …": past the phrase to the subject
                Before::Subject(s) if s.entity.is_none() => {
                    let first = self.doc.token_at_or_after(s.span.start);
                    let pp =
                        first > sent.start + 1 && is_in(self.tok(first - 1), &["in", "at", "on", "during", "with"]);
                    match pp.then(|| self.np_ending_at(first - 2, sent.start)).flatten() {
                        Some(subject) if subject.entity.is_some() => Some(subject),
                        _ => Some(s),
                    }
                }
                Before::Subject(s) => Some(s),
                Before::Coordinated => self.clause_subject(k, sent, depth),
                Before::Inverted => self.np_after(c.end, sent.end),
                Before::Nothing => None,
            },
            CueClass::Participle => {
                let p = c.first.checked_sub(1).filter(|&p| p >= sent.start);
                match p {
                    // "despite admitting", "by saying": the subject of the clause
                    Some(p)
                        if self.is_word(p)
                            && (is_in(self.tok(p), PREPOSITIONS) || is_in(self.tok(p), &["despite", "without"])) =>
                    {
                        // "Ryan, R-Wis., despite admitting …": the subject before the phrase
                        match self.before(p, sent.start) {
                            Before::Subject(s) if p > sent.start && self.tok(p - 1) == "," => Some(s),
                            _ => self.clause_subject(k, sent, depth),
                        }
                    }
                    // "He’s claiming", "the doctor is calling": the subject of the progressive
                    Some(p) if self.pronoun_be(p).is_some() => self.pronoun_be(p),
                    Some(p) if self.progressive(c, sent.start) => match self.before(p, sent.start) {
                        Before::Subject(s) => Some(s),
                        _ => None,
                    },
                    // "X saying"; else ("tweets early Friday saying") the subject of the clause
                    Some(p) if self.is_word(p) && !matches!(self.tok(p), "and" | "but") => {
                        match self.np_ending_at(p, sent.start) {
                            // "she sent an email saying …", "emailed supporters saying …": the
                            // object of a verb is not the speaker; the verb's subject is
                            Some(np)
                                if np.entity.is_none() && {
                                    let first = self.doc.token_at_or_after(np.span.start);
                                    first > sent.start && (self.finite_at(first - 1) || self.cue_at(first - 1))
                                } =>
                            {
                                self.clause_subject(k, sent.clone(), depth)
                                    .or_else(|| self.main_subject(c.first, sent))
                                    .or(Some(np))
                            }
                            Some(np) => Some(np),
                            None => self.clause_subject(k, sent, depth),
                        }
                    }
                    _ => self.clause_subject(k, sent, depth),
                }
            }
        }
    }

    /// The subject of the main clause cue `k` hangs on: that of the nearest other verb cue in the
    /// sentence, before it first.
    fn clause_subject(&self, k: usize, sent: Range<usize>, depth: usize) -> Option<Speaker> {
        if depth >= 3 {
            return None;
        }
        let in_sentence = |j: usize| self.cues[j].first >= sent.start && self.cues[j].end <= sent.end;
        // a verb in a relative clause ("an architect who said …") is not the main clause's
        let main = |j: usize| self.cues[j].class == CueClass::Verb && !self.relative(self.cues[j].first, sent.start);
        let before = (0..k).rev().take_while(|&j| in_sentence(j)).find(|&j| main(j));
        let after = (k + 1..self.cues.len()).take_while(|&j| in_sentence(j)).find(|&j| main(j));
        match before.or(after).and_then(|j| self.subject_of(j, sent.clone(), depth + 1)) {
            Some(s) => Some(s),
            // only for a participle that reports speech: "tweeting, “…”", "admitting that …"
            None if self.speech_follows(self.cues[k].end, sent.end) => self.main_subject(self.cues[k].first, sent),
            None => None,
        }
    }

    /// Whether what follows token `end` is reported: "that", a comma or colon, or a quotation
    /// mark within a few words ("calling the test “a clear violation”").
    fn speech_follows(&self, end: usize, hi: usize) -> bool {
        if end >= hi {
            return false;
        }
        if matches!(self.tok(end), "that" | "," | ":") {
            return true;
        }
        // "tweeting at him, “…”": past a short phrase and its comma
        (end..(end + 8).min(hi))
            .take_while(|&x| self.in_quote[x] || !matches!(self.tok(x), "." | ";"))
            .any(|x| self.in_quote[x])
    }

    /// Whether the verb at `first` is in a relative clause: "who", "which" or "that" before it,
    /// past adverbs and auxiliaries.
    fn relative(&self, first: usize, lo: usize) -> bool {
        let mut i = first;
        while i > lo {
            let t = self.tok(i - 1);
            if is_in(t, &["who", "which", "that"]) {
                return true;
            }
            if !(is_in(t, ADVERBS) || self.ly_adverb(i - 1)) {
                return false;
            }
            i -= 1;
        }
        false
    }

    /// The subject of the sentence's main clause, for a participle with no verb cue to hang on
    /// ("Dean, a former party chairman, poked at Trump, tweeting, “…”"): the first name or
    /// pronoun that opens the sentence or follows an introductory phrase and its comma, before
    /// token `before`.
    fn main_subject(&self, before: usize, sent: Range<usize>) -> Option<Speaker> {
        let mut i = sent.start;
        while i < before {
            if self.in_quote[i] {
                return None;
            }
            let opens = i == sent.start || self.tok(i - 1) == ",";
            if opens && self.is_word(i) {
                let t = self.tok(i);
                // past a title the mention leaves out ("President Barack Obama released …")
                let titled = (i + 1..(i + 4).min(before))
                    .take_while(|&x| self.is_word(x) && starts_upper(self.tok(x)) && starts_upper(self.tok(x - 1)))
                    .find_map(|x| self.mention_at(x).filter(|m| m.span.start == self.doc.tokens[x].span.start))
                    .filter(|_| self.mention_at(i).is_none() && !is_stop(t) && !is_in(t, DETERMINERS));
                let m = self.mention_at(i).filter(|m| m.span.start == self.doc.tokens[i].span.start).or(titled);
                let (end, speaker) = match m {
                    Some(m) => {
                        (self.doc.token_at_or_after(m.span.end), Speaker { span: m.span, entity: Some(m.entity) })
                    }
                    None if is_in(t, &["he", "she", "they", "we", "i"]) => {
                        (i + 1, Speaker { span: self.doc.tokens[i].span, entity: None })
                    }
                    // "A New York judge has rejected …", "Central European leaders have embraced …",
                    // "His ex-wife agreed …": a short noun phrase opening the sentence, then its verb
                    None if is_in(t, &["the", "a", "an", "his", "her", "their", "its", "our", "my"])
                        || i == sent.start && starts_upper(t) && !is_stop(t) && !is_in(t, DETERMINERS) =>
                    {
                        let verb = (i + 1..(i + 7).min(before))
                            .take_while(|&x| self.is_word(x) && !self.in_quote[x])
                            .find(|&x| is_in(self.tok(x), FINITE) || self.finite_at(x))?;
                        let noun_phrase = (i + 1..verb).all(|x| {
                            let w = self.tok(x);
                            !is_in(w, PREPOSITIONS) && !is_stop(w) && !self.cue_at(x) && !is_in(w, DETERMINERS)
                        });
                        if !noun_phrase || is_in(self.tok(verb - 1), &["who", "which", "that"]) {
                            return None;
                        }
                        let np = self.doc.tokens[i].span.cover(self.doc.tokens[verb - 1].span);
                        return Some(self.speaker_for(np, verb - 1));
                    }
                    None => {
                        i += 1;
                        continue;
                    }
                };
                // followed by a verb (a lower-case word) or an appositive
                if end < before && (self.tok(end) == "," || (self.is_word(end) && !starts_upper(self.tok(end)))) {
                    if self.tok(end) != "," && is_in(self.tok(end), PREPOSITIONS) {
                        return None;
                    }
                    return Some(speaker);
                }
                return None;
            }
            i += 1;
        }
        None
    }

    /// A name after a title that opens the sentence and is followed by its verb ("Mayor Tom Reed
    /// opened …"), before token `before`.
    fn titled_subject(&self, before: usize, sent: Range<usize>) -> Option<Speaker> {
        let m = (sent.start..(sent.start + 4).min(before))
            .take_while(|&i| self.is_word(i) && starts_upper(self.tok(i)) && !self.in_quote[i])
            .find_map(|i| self.mention_at(i).filter(|m| m.span.start == self.doc.tokens[i].span.start))?;
        let end = self.doc.token_at_or_after(m.span.end);
        let verb =
            end < before && self.is_word(end) && !starts_upper(self.tok(end)) && !is_in(self.tok(end), PREPOSITIONS);
        verb.then_some(Speaker { span: m.span, entity: Some(m.entity) })
    }

    /// What stands before a verb cue starting at token `first`, not looking before token `lo`.
    fn before(&self, first: usize, lo: usize) -> Before {
        let mut i = first;
        let mut skipped = 0;
        let mut after_time = false;
        let k = loop {
            if i <= lo {
                return Before::Inverted;
            }
            let k = i - 1;
            if self.in_quote[k] {
                return Before::Inverted;
            }
            if skipped < 8 {
                let t = self.tok(k);
                // a date's number ("on Feb. 18"), not an age ("the 34-year-old")
                if self.doc.tokens[k].kind == TokenKind::Number && !t.contains('-') {
                    after_time = true;
                    skipped += 1;
                    i -= 1;
                    continue;
                }
                if self.doc.tokens[k].kind == TokenKind::Word {
                    if is_in(t, TIME_WORDS) && (!starts_upper(t) || t.len() > 3) {
                        after_time = true;
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                    // "has long said", "all suggested"
                    if is_in(t, ADVERBS) || self.ly_adverb(k) || is_in(t, &["all", "both", "long"]) {
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                    // "appeared to suggest", "continues to insist", "went on to say"
                    if t == "to" && k > lo {
                        const RAISING: &[&str] = &[
                            "appeared",
                            "appears",
                            "appear",
                            "seemed",
                            "seems",
                            "seem",
                            "continued",
                            "continues",
                            "continue",
                            "tried",
                            "tries",
                            "try",
                            "sought",
                            "seeks",
                            "wanted",
                            "wants",
                            "used",
                            "began",
                            "begins",
                            "hastened",
                            "rushed",
                            "moved",
                        ];
                        let v = self.tok(k - 1);
                        if is_in(v, RAISING) {
                            skipped += 2;
                            i -= 2;
                            continue;
                        }
                        if v == "on" && k - 1 > lo && is_in(self.tok(k - 2), &["went", "goes", "go", "going"]) {
                            skipped += 3;
                            i -= 3;
                            continue;
                        }
                    }
                    if after_time && is_in(t, &["on", "at", "the", "in", "early", "late", "over", "during"]) {
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                }
            }
            break k;
        };
        match self.tok(k) {
            "," | "–" | "—" | "-" => {
                if k > lo && self.in_quote[k - 1] {
                    return Before::Inverted;
                }
                // a relative clause on a named antecedent: "backed by Lena Ortiz, who argued that …"
                // (not a place after its noun: "Democrats on Capitol Hill, who …")
                if k + 1 < first && self.tok(k + 1) == "who" && k > lo {
                    let antecedent = self.np_ending_at(k - 1, lo).filter(|s| {
                        let s_first = self.doc.token_at_or_after(s.span.start);
                        let modifier =
                            s_first > lo && is_in(self.tok(s_first - 1), &["on", "in", "at", "of", "from", "for"]);
                        s.entity.is_some() && !modifier
                    });
                    if let Some(s) = antecedent {
                        return Before::Subject(s);
                    }
                }
                // an appositive or inserted clause: "Kallas, the EU’s foreign policy chief, said"
                let Some(mut j) = self.separator_before(k, lo, &[",", "–", "—", "(", "-"]) else {
                    return Before::Inverted;
                };
                if let Some(c) = self.lex.match_at(self.doc, j + 1, k) {
                    if c.class == CueClass::Source {
                        return self.np_after(c.end, k).map_or(Before::Nothing, Before::Subject);
                    }
                }
                let only_adverbs = (j + 1..k).all(|x| {
                    let t = self.tok(x);
                    is_in(t, ADVERBS) || is_in(t, TIME_WORDS) || self.ly_adverb(x)
                });
                if only_adverbs {
                    return self.before(j, lo);
                }
                // "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said": past a
                // relative clause, an age, a home town or a party label, to the name
                let mut k = k;
                let mut skipped = 0;
                while skipped < 4 && self.insert_segment(j + 1, k) {
                    skipped += 1;
                    k = j;
                    match self.separator_before(j, lo, &[",", "–", "—", "("]) {
                        Some(b) => j = b,
                        None => {
                            return self.np_ending_at(k.saturating_sub(1), lo).map_or(Before::Nothing, Before::Subject)
                        }
                    }
                }
                // "Kallas, the EU’s foreign policy chief, said" and "Ethiopia's foreign
                // minister, Gedion Timothewos, said": the side that names an entity wins
                let outer = if j > lo { self.np_ending_at(j - 1, lo) } else { None };
                // not the tail of a role phrase ("Ivo Geijsen, an analyst with Bank Oyens, told")
                let inner = self.np_ending_at(k - 1, j + 1).filter(|i| {
                    let i_first = self.doc.token_at_or_after(i.span.start);
                    !(j + 1..i_first).any(|x| is_in(self.tok(x), PREPOSITIONS) || self.tok(x) == "of")
                });
                // "Marley Anderson, 21, a junior from Las Vegas, said": past the age to the name
                let outer =
                    outer.filter(|o| !self.doc.slice(o.span).chars().all(|c| c.is_ascii_digit())).or_else(|| {
                        let b = self.separator_before(j, lo, &[",", "–", "—", "("])?;
                        (b > lo && self.insert_segment(b + 1, j)).then(|| self.np_ending_at(b - 1, lo)).flatten()
                    });
                match (outer, inner) {
                    (Some(o), Some(i)) if o.entity.is_none() && i.entity.is_some() => Before::Subject(i),
                    (Some(o), _) => Before::Subject(o),
                    (None, i) => i.map_or(Before::Nothing, Before::Subject),
                }
            }
            "and" | "but" => Before::Coordinated,
            ")" if self.before_parenthesis(k, lo).is_some() => {
                self.np_ending_at(k, lo).map_or(Before::Nothing, Before::Subject)
            }
            _ if !self.is_word(k) => {
                if matches!(self.doc.tokens[k].kind, TokenKind::OpenQuote | TokenKind::CloseQuote) {
                    Before::Inverted
                } else {
                    Before::Nothing
                }
            }
            _ => match self.np_ending_at(k, lo) {
                // "Anais Faraj, an analyst at Nomura told …" (the appositive's closing comma
                // missing): the name before the role, not the role's organisation
                Some(np) => Before::Subject(
                    self.name_before_role(np, lo).or_else(|| self.head_before_participle(np, lo)).unwrap_or(np),
                ),
                None => Before::Nothing,
            },
        }
    }

    /// The noun a reduced relative clause hangs on ("A letter sent to the board says …"): `np`
    /// follows a preposition after a past participle.
    fn head_before_participle(&self, np: Speaker, lo: usize) -> Option<Speaker> {
        let first = self.doc.token_at_or_after(np.span.start);
        let prep =
            first.checked_sub(1).filter(|&p| p > lo + 1 && is_in(self.tok(p), &["to", "by", "from", "for", "with"]))?;
        let participle = self.tok(prep - 1);
        let past = !starts_upper(participle)
            && (participle.len() > 4 && participle.ends_with("ed") || is_in(participle, IRREGULAR_PAST));
        if !past || prep - 1 <= lo {
            return None;
        }
        let head = self.np_ending_at(prep - 2, lo)?;
        // the head opens with an article: "A letter", "the report"
        let head_first = self.doc.token_at_or_after(head.span.start);
        is_in(self.tok(head_first), &["a", "an", "the"]).then_some(head)
    }

    /// The named person before an unclosed role appositive that ends in `np` ("Anais Faraj, an
    /// analyst at Nomura"): `np` follows "at", "of", "for" or "with", and a comma and a name
    /// come a few words before.
    fn name_before_role(&self, np: Speaker, lo: usize) -> Option<Speaker> {
        let first = self.doc.token_at_or_after(np.span.start);
        let prep =
            first.checked_sub(1).filter(|&p| p > lo && is_in(self.tok(p), &["at", "of", "for", "with", "from"]))?;
        let comma = (prep.saturating_sub(6).max(lo)..prep).rev().find(|&x| self.tok(x) == ",")?;
        let role = (comma + 1..prep).all(|x| self.is_word(x) && !self.in_quote[x] && !self.finite_at(x));
        if !role || comma <= lo {
            return None;
        }
        self.np_ending_at(comma - 1, lo)
            .filter(|n| n.entity.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Person))
    }

    /// Whether tokens `a..b`, between commas after a name, are an insertion that is not the
    /// speaker: a relative clause ("who lost the primaries"), an age ("59"), a home town ("of
    /// Ashton", "Md.") or a party label ("R-Wis.", "D-Mo.").
    fn insert_segment(&self, a: usize, b: usize) -> bool {
        if a >= b {
            return false;
        }
        let first = self.tok(a);
        if is_in(first, &["who", "which", "whose", "whom"])
            || (b - a == 1 && self.doc.tokens[a].kind == TokenKind::Number)
        {
            return true;
        }
        if b - a <= 3 && is_in(first, &["of", "from"]) && (a + 1..b).all(|x| starts_upper(self.tok(x))) {
            return true;
        }
        // "Md." / "R-Wis." / "D-N.Y."
        let t = &self.doc.text[self.doc.tokens[a].span.start..self.doc.tokens[b - 1].span.end];
        t.len() <= 10
            && starts_upper(t)
            && (t.contains('.') || t.contains('-'))
            && t.chars().all(|c| c.is_ascii_alphabetic() || c == '.' || c == '-')
            && t.chars().filter(|c| c.is_ascii_lowercase()).count() <= 3
    }

    /// Token `k` is a closing parenthesis of a short label after a name ("Graham (R-S.C.)"):
    /// the index of the token before the opening one.
    fn before_parenthesis(&self, k: usize, lo: usize) -> Option<usize> {
        if self.tok(k) != ")" {
            return None;
        }
        let open = (k.saturating_sub(8).max(lo)..k).rev().find(|&x| self.tok(x) == "(")?;
        (open > lo && !self.in_quote[open - 1] && self.is_word(open - 1)).then(|| open - 1)
    }

    fn speaker_for(&self, np: Span, head: usize) -> Speaker {
        match self.mention_at(head) {
            // a headline's name that swallowed its verb ("Lindsey Graham Says"): the entity named
            // by the words before the verb, if the text names it elsewhere
            Some(m) if m.span.end > np.end && self.doc.tokens[head].span.end == np.end => {
                let name = Span::new(m.span.start.min(np.start), np.end);
                let entity = self.doc.entities.iter().position(|e| e.name == self.doc.slice(name));
                Speaker { span: name, entity }
            }
            Some(m) => Speaker { span: m.span, entity: Some(m.entity) },
            None => Speaker { span: np, entity: None },
        }
    }

    /// The noun phrase ending at token `k` (not reaching before `lo`), as a speaker.
    fn np_ending_at(&self, k: usize, lo: usize) -> Option<Speaker> {
        if k < lo || self.in_quote[k] {
            return None;
        }
        if let Some(p) = self.before_parenthesis(k, lo) {
            return self.np_ending_at(p, lo);
        }
        // "the 21-year-old told …": an age as a noun
        let age = self.doc.tokens[k].kind == TokenKind::Number && {
            let t = self.tok(k);
            t.ends_with("-old") || t.ends_with("-olds")
        };
        if age {
            let det = if k > lo && is_in(self.tok(k - 1), DETERMINERS) { k - 1 } else { k };
            return Some(Speaker { span: self.doc.tokens[det].span.cover(self.doc.tokens[k].span), entity: None });
        }
        if !self.is_word(k) {
            return None;
        }
        let t = self.tok(k);
        if is_in(t, PRONOUNS) {
            return Some(self.speaker_for(self.doc.tokens[k].span, k));
        }
        // a time word, unless it is a name ("Theresa May")
        let after_name = k > lo
            && self.is_word(k - 1)
            && starts_upper(t)
            && starts_upper(self.tok(k - 1))
            && !is_in(self.tok(k - 1), TIME_WORDS)
            && !is_stop(self.tok(k - 1));
        let time =
            is_in(t, TIME_WORDS) && self.mention_at(k).is_none_or(|m| m.span.start == self.doc.tokens[k].span.start);
        if !after_name && (is_stop(t) || is_in(t, DETERMINERS) || time || is_in(t, ADVERBS)) {
            return None;
        }
        if (!starts_upper(t) && self.cue_at(k)) || self.ly_adverb(k) || t.ends_with("’s") || t.ends_with("'s") {
            return None;
        }
        let mut j = k;
        while j > lo && k - j < 10 {
            let p = j - 1;
            if self.in_quote[p] || !self.is_word(p) {
                break;
            }
            let pt = self.tok(p);
            if is_in(pt, DETERMINERS) {
                j = p;
                break;
            }
            let joins_names = is_in(pt, &["of", "de", "von", "der", "van", "bin", "al", "la", "le", "du", "da", "di"])
                && starts_upper(self.tok(j))
                && p > lo
                && starts_upper(self.tok(p - 1));
            if joins_names {
                j = p;
                continue;
            }
            if is_stop(pt) || is_in(pt, TIME_WORDS) || is_in(pt, ADVERBS) || self.ly_adverb(p) {
                break;
            }
            if !starts_upper(pt) && self.cue_at(p) {
                break;
            }
            // a verb ends the phrase: "[the opposition] placed newspaper ads"
            if !starts_upper(pt) && self.finite_at(p) && !pt.ends_with("ed") {
                break;
            }
            if !starts_upper(pt)
                && pt.len() > 4
                && pt.ends_with("ed")
                && p > lo
                && !is_in(self.tok(p - 1), DETERMINERS)
                && self.is_word(p - 1)
                && !starts_upper(self.tok(p - 1))
            {
                break;
            }
            j = p;
        }
        // a lone lower-case word after "to", "not" or a modal is a verb ("could not resist"), not a subject
        if j == k
            && j > lo
            && !starts_upper(t)
            && (is_in(self.tok(j - 1), &["to", "not"]) || is_in(self.tok(j - 1), FINITE))
        {
            return None;
        }
        let np = self.doc.tokens[j].span.cover(self.doc.tokens[k].span);
        let mut speaker = self.speaker_for(np, k);
        // "Senator John Cornyn of Texas": the person before "of", not the place after it
        let is_place =
            |e: Option<usize>| e.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Location);
        if is_place(speaker.entity) {
            let of = (j + 1..k).rev().find(|&x| is_in(self.tok(x), &["of", "from"]));
            let before_of = of.and_then(|o| self.mention_at(o - 1)).filter(|m| !is_place(Some(m.entity)));
            if let Some(m) = before_of {
                speaker = Speaker { span: np, entity: Some(m.entity) };
            }
        }
        // a place after "in" is where, not who ("Reporters covering the trial in California have
        // asked")
        let place =
            speaker.entity.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Location);
        if place && j > lo && is_in(self.tok(j - 1), &["in", "at", "near", "across", "throughout"]) {
            return None;
        }
        // joint speakers, "Prime Minister Ana Ruiz and President Karl Veit said": the span covers
        // both names, the entity is the first's
        if speaker.entity.is_some() && j >= lo + 2 && self.tok(j - 1) == "and" {
            if let Some(first) = self.np_ending_at(j - 2, lo) {
                let f_first = self.doc.token_at_or_after(first.span.start);
                let names = (f_first..j - 1).all(|x| self.is_word(x) && starts_upper(self.tok(x)));
                if names && first.entity.is_some() && first.entity != speaker.entity {
                    return Some(Speaker { span: first.span.cover(np), entity: first.entity });
                }
            }
        }
        Some(speaker)
    }

    /// The noun phrase starting at token `k` (not reaching `hi`), as a speaker: "said Starmer",
    /// "according to state department spokesperson Tammy Bruce".
    fn np_after(&self, k: usize, hi: usize) -> Option<Speaker> {
        if k >= hi || !self.is_word(k) || self.in_quote[k] {
            return None;
        }
        let t = self.tok(k);
        if is_in(t, PRONOUNS) || is_in(t, OBJECT_PRONOUNS) {
            return Some(self.speaker_for(self.doc.tokens[k].span, k));
        }
        let first = k;
        let mut i = k;
        if is_in(t, DETERMINERS) {
            i += 1;
        }
        let mut last = None;
        while i < hi && i - first < 10 {
            if self.in_quote[i] || !self.is_word(i) {
                break;
            }
            let w = self.tok(i);
            let joins_names = is_in(w, &["of", "de", "von", "der", "van", "bin", "al", "la", "le", "du", "da", "di"])
                && last.is_some()
                && i + 1 < hi
                && starts_upper(self.tok(i - 1))
                && self.is_word(i + 1)
                && starts_upper(self.tok(i + 1));
            if !joins_names
                && (is_stop(w)
                    || is_in(w, TIME_WORDS)
                    || is_in(w, DETERMINERS)
                    || self.ly_adverb(i)
                    || (!starts_upper(w) && self.cue_at(i)))
            {
                break;
            }
            last = Some(i);
            i += 1;
        }
        let last = last?;
        let np = self.doc.tokens[first].span.cover(self.doc.tokens[last].span);
        // the head is the last mention inside the phrase, unless it is a place that only
        // modifies a noun ("A New York judge")
        let head =
            (first..=last).rev().find(|&x| self.mention_at(x).is_some_and(|m| np.contains(m.span))).filter(|&h| {
                let Some(m) = self.mention_at(h) else { return false };
                let modifier = (self.doc.token_at_or_after(m.span.end)..=last).any(|y| {
                    self.is_word(y) && !starts_upper(self.tok(y)) && !is_stop(self.tok(y)) && self.tok(y) != "of"
                });
                !(modifier && self.doc.entities.get(m.entity).is_some_and(|e| e.kind == EntityKind::Location))
            });
        match head {
            Some(h) => Some(self.speaker_for(np, h)),
            None => Some(Speaker { span: np, entity: None }),
        }
    }

    /// Reported speech without quotation marks, one per clause that does not overlap another: "Bruce said the meeting is aimed
    /// at …", "…, the State Department said", "according to X, …", "X accused Y of …". Sentences
    /// holding a direct quote yield only a clause outside it; a sentence with a partial quote may
    /// hold mixed speech.
    fn indirect(&self, out: &mut Vec<Quote>, quoted_sentence: &[bool]) {
        for (s_idx, &quoted) in quoted_sentence.iter().enumerate() {
            let sent = self.sentence_range(s_idx);
            let from = self.cues.partition_point(|c| c.first < sent.start);
            let to = self.cues.partition_point(|c| c.end <= sent.end);
            let mut taken: Option<Span> = None;
            // an attribution that ends the sentence ("…, sources said.") reports all before it,
            // including any cue inside ("Protocol called for …")
            let last =
                self.cues.get(from..to).and_then(|cs| cs.last()).filter(|c| c.class == CueClass::Verb && !c.object);
            if let Some(last) = last {
                if let Some(q) = self.reported(*last, sent.clone(), quoted) {
                    let cue = last.span(self.doc);
                    if q.span.end <= cue.start && (from..to - 1).any(|k| q.span.contains(self.cues[k].span(self.doc))) {
                        taken = Some(q.span.cover(cue));
                        out.push(q);
                    }
                }
            }
            for c in self.cues[from..].iter().take_while(|c| c.end <= sent.end) {
                if taken.is_some_and(|t| t.overlaps(c.span(self.doc))) {
                    continue;
                }
                if let Some(q) = self.reported(*c, sent.clone(), quoted) {
                    if taken.is_some_and(|t| t.overlaps(q.span)) {
                        continue;
                    }
                    taken = Some(taken.map_or(q.span, |t| t.cover(q.span)));
                    out.push(q);
                }
            }
        }
    }

    /// The reported speech cue `c` introduces in sentence `sent`, if it clearly has some.
    fn reported(&self, c: CueMatch, sent: Range<usize>, quoted: bool) -> Option<Quote> {
        let (content, speaker) = match c.class {
            CueClass::Source => self.according_to(c, sent.clone())?,
            // "…, adding that …", "…, saying it shows …": the subject of the clause it hangs on
            CueClass::Participle
                if c.indirect
                    && (self.comma_before(c.first, sent.start)
                        || c.first > sent.start + 2
                            && is_in(self.tok(c.first - 1), &["by", "from", "after", "while", "before"]))
                    && !self.progressive(c, sent.start) =>
            {
                let start = if c.end < sent.end && self.tok(c.end) == "that" {
                    c.end + 1
                } else if c.object {
                    // "…, accusing her of …", "…, calling for his dismissal"
                    if c.end >= sent.end || is_in(self.tok(c.end), PREPOSITIONS) && !self.infinitive(c.end, sent.end) {
                        return None;
                    }
                    self.object_start(c, sent.end)
                } else if self.clause_at(c.end, sent.end, true) {
                    c.end
                } else {
                    return None;
                };
                let k = self.cues.partition_point(|x| x.first < c.first);
                let speaker =
                    self.clause_subject(k, sent.clone(), 0).or_else(|| self.main_subject(c.first, sent.clone()))?;
                if !self.speaker_like(speaker) {
                    return None;
                }
                let end = self.clause_end(start, sent.end);
                let end = if c.object { self.object_end(start, end) } else { end };
                (start..end, speaker)
            }
            // "Trump was quoted as saying the wall …": the person quoted
            CueClass::Participle
                if c.first > sent.start + 2
                    && self.tok(c.first - 1) == "as"
                    && is_in(self.tok(c.first - 2), &["quoted", "cited"]) =>
            {
                let mut v = c.first - 2;
                while v > sent.start
                    && is_in(
                        self.tok(v - 1),
                        &["was", "were", "is", "are", "been", "has", "have", "had", "also", "later"],
                    )
                {
                    v -= 1;
                }
                let speaker = if v > sent.start { self.np_ending_at(v - 1, sent.start)? } else { return None };
                let start = self.complement_start(c, sent.end)?;
                (start..self.clause_end(start, sent.end), speaker)
            }
            // "Trump is warning voters that …"
            CueClass::Participle if !self.progressive(c, sent.start) => return None,
            CueClass::Verb if !c.indirect => return None,
            // a noun, not a verb: "his call to ban …", "0.1 percentage point to 1.8 percent"
            CueClass::Verb
                if c.first > sent.start && {
                    let p = self.tok(c.first - 1);
                    is_in(p, &["a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "percentage"])
                        || p.ends_with("’s")
                        || p.ends_with("'s")
                } =>
            {
                return None
            }
            CueClass::Verb | CueClass::Participle => {
                let comma_before = c.first > sent.start && self.tok(c.first - 1) == ",";
                // not an object ("…, described Trump's approach") nor after a bare noun phrase
                // ("Ivanka Trump, his eldest daughter, noted the rule")
                let inverted = comma_before
                    && c.class == CueClass::Verb
                    && !c.object
                    && !is_in(self.tok(c.first), &["told", "tells", "tell"])
                    && ((sent.start..c.first).any(|x| self.in_quote[x] || self.finite_at(x))
                        || self.plain_clause(sent.start, c.first - 1))
                    && self.tail_end(c.end, sent.end).is_some_and(|(x, more)| {
                        !more && x > c.end && x - c.end <= 8 && !(c.end..x).any(|y| self.finite_at(y)) && {
                            // "…, said Luis Rubio", "…, said the ministry", "…, said one GOP source"
                            let t = self.tok(c.end);
                            starts_upper(t)
                                || is_in(t, DETERMINERS)
                                || is_in(t, &["one", "two", "three", "several", "another", "senior", "top", "former"])
                        }
                    });
                if inverted {
                    // "…, said Luis Rubio, who heads …"
                    let speaker = self.np_after(c.end, sent.end)?;
                    (sent.start..c.first - 1, speaker)
                } else {
                    let speaker = match self.before(c.first, sent.start) {
                        Before::Subject(s) => s,
                        // "Schultz supported Democrats … and said he did not support …"
                        Before::Coordinated => {
                            let k = self.cues.partition_point(|x| x.first < c.first);
                            self.clause_subject(k, sent.clone(), 0)
                                .or_else(|| self.main_subject(c.first, sent.clone()))
                                .or_else(|| self.titled_subject(c.first, sent.clone()))?
                        }
                        _ => return None,
                    };
                    if !self.speaker_like(speaker) {
                        return None;
                    }
                    let clause = if let Some(content) = self.relative_speech(c, speaker, sent.clone()) {
                        Some(content)
                    } else if c.clause {
                        match self.complement_start(c, sent.end) {
                            Some(start) => Some(start..self.clause_end(start, sent.end)),
                            None => self.content_before(c, speaker, sent.clone()),
                        }
                    } else {
                        None
                    };
                    let content = if let Some(content) = clause {
                        content
                    } else if c.object {
                        // not the passive "was accused of"
                        let passive = c.class == CueClass::Verb
                            && c.first > sent.start
                            && is_in(self.tok(c.first - 1), &["was", "were", "is", "are", "be", "been", "being"]);
                        if passive
                            || c.end >= sent.end
                            || is_in(self.tok(c.end), PREPOSITIONS) && !self.infinitive(c.end, sent.end)
                        {
                            return None;
                        }
                        let start = self.object_start(c, sent.end);
                        let end = self.clause_end(start, sent.end);
                        start..self.object_end(start, end)
                    } else {
                        match self.complement_start(c, sent.end) {
                            Some(start) => start..self.clause_end(start, sent.end),
                            None => self.content_before(c, speaker, sent.clone())?,
                        }
                    };
                    // "When she hires, she said she ensures …": the fronted clause is reported too
                    let content = match self.fronted_clause(speaker, sent.clone()) {
                        Some(start) if content.start >= c.end && !c.object => start..content.end,
                        _ => content,
                    };
                    let content = self.inserted_before_that(c, speaker, sent.clone(), content);
                    let content = if content.start >= c.end {
                        content.start..self.subordinate_end(speaker, content.clone(), sent.clone())
                    } else {
                        content
                    };
                    (content, speaker)
                }
            }
        };
        let (mut start, mut end) = (content.start, content.end);
        while start < end && !self.is_word(start) {
            start += 1;
        }
        while end > start && !self.is_word(end - 1) {
            end -= 1;
        }
        if (start..end).filter(|&x| self.is_word(x)).count() < 3 {
            return None;
        }
        // mixed speech keeps the marks of the fragment it quotes: `the meeting was “useful”`
        let kind_at = |x: usize| self.doc.tokens[x].kind;
        let opens = (start..end).filter(|&x| kind_at(x) == TokenKind::OpenQuote).count();
        let closes = (start..end).filter(|&x| kind_at(x) == TokenKind::CloseQuote).count();
        if opens > closes && end < self.doc.tokens.len() {
            // `“… of the two presidents.”`: past the full stop inside the marks
            let punct = end + 1 < self.doc.tokens.len() && matches!(self.tok(end), "." | "," | "!" | "?");
            if kind_at(end) == TokenKind::CloseQuote {
                end += 1;
            } else if punct && kind_at(end + 1) == TokenKind::CloseQuote {
                end += 2;
            }
        }
        if closes > opens && start > 0 && kind_at(start - 1) == TokenKind::OpenQuote {
            start -= 1;
        }
        // "called her “Miss Piggy”": a quoted label with a word or two around it, as an object cue's
        // object, is the partial quote alone (but "said it was “weaker”" is mixed speech)
        let outside = (start..end).filter(|&x| self.is_word(x) && !self.in_quote[x]).count();
        // a naming verb's quoted label ("calls Santilli a “fascist”", "described it as “a
        // disaster”") is the partial quote; the object around it is the writer's
        let naming = ["call", "dub", "label", "brand", "describ", "deem", "hail", "term"]
            .iter()
            .any(|p| self.tok(c.first).to_ascii_lowercase().starts_with(p));
        if naming && c.object && c.end == c.first + 1 && (start..end).any(|x| self.in_quote[x]) {
            return None;
        }
        let verb_outside = (start..end).any(|x| !self.in_quote[x] && self.is_word(x) && self.finite_at(x));
        if c.object && outside < 3 && !verb_outside && (start..end).any(|x| self.in_quote[x]) {
            return None;
        }
        // in a sentence holding a direct quote, only a clause outside it ("…,” she said, adding
        // that …)
        if quoted && (start..end).any(|x| self.in_quote[x]) {
            return None;
        }
        Some(Quote {
            span: self.doc.tokens[start].span.cover(self.doc.tokens[end - 1].span),
            kind: QuoteKind::Indirect,
            cue: Some(c.span(self.doc)),
            speaker_span: Some(speaker.span),
            speaker_entity: speaker.entity,
        })
    }

    /// A speaker that names someone: an entity's mention or a personal pronoun.
    fn names_someone(&self, s: Speaker) -> bool {
        s.entity.is_some() || is_in(self.doc.slice(s.span), &["he", "she", "they", "we", "i"])
    }

    /// A subject that can be a speaker: not a verb form or a number.
    fn speaker_like(&self, s: Speaker) -> bool {
        if s.entity.is_some() {
            return true;
        }
        let last = self.doc.slice(s.span).rsplit(' ').next().unwrap_or("");
        let first = self.doc.slice(s.span).split(' ').next().unwrap_or("");
        // a lone -ing word ("having", "regarding") is a verb, not a speaker
        let lone_ing = !self.doc.slice(s.span).contains(' ') && last.ends_with("ing") && !starts_upper(last);
        !(last.is_empty()
            || lone_ing
            || is_in(last, FINITE)
            || last.ends_with("n't")
            || last.ends_with("n’t")
            || last.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            || is_in(first, &["what", "which", "who", "that", "this", "it’s", "it's", "to"]))
    }

    /// The end of the short attribution tail after a cue ("said on Monday.", "told reporters,"):
    /// the index where it stops and whether words follow it after a comma; `None` when the words
    /// after the cue look like a clause.
    fn tail_end(&self, from: usize, hi: usize) -> Option<(usize, bool)> {
        let mut x = from;
        while x < hi && self.tok(x) != "," {
            let t = self.tok(x);
            if self.in_quote[x] || x - from > 10 || t == "that" || is_in(t, FINITE) || (x > from && self.cue_at(x)) {
                return None;
            }
            if !self.is_word(x) && !matches!(t, "." | "!" | "?" | "(" | ")" | "-" | "–" | "—" | ":" | ";") {
                return None;
            }
            if matches!(t, "–" | "—" | ":" | ";") {
                return None;
            }
            x += 1;
        }
        let more = x < hi && (x + 1..hi).filter(|&y| self.is_word(y)).count() >= 3;
        if more {
            let next = self.tok(x + 1);
            // "…, the group said, and the bottom fifth paid 0.8 percent": the report goes on
            if next == "and" && self.clause_at(x + 2, hi, false) && !(x + 2..(x + 6).min(hi)).any(|y| self.cue_at(y)) {
                return Some((x, true));
            }
            if is_in(
                next,
                &[
                    "who",
                    "which",
                    "whose",
                    "where",
                    "a",
                    "an",
                    "the",
                    "and",
                    "but",
                    "according",
                    "as",
                    "while",
                    "when",
                    "after",
                    "because",
                    "although",
                    "though",
                ],
            ) || self.cue_at(x + 1)
                || next.ends_with("ing")
            {
                return Some((x, false));
            }
        }
        Some((x, more))
    }

    /// Content before the attribution: "…, the senator said." and "The truth, the senator said
    /// then, was that …" (the whole sentence).
    fn content_before(&self, c: CueMatch, speaker: Speaker, sent: Range<usize>) -> Option<Range<usize>> {
        let (tail, more) = self.tail_end(c.end, sent.end)?;
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        // the comma that opens the attribution, a few name-like tokens before the speaker
        let mut p = s_first;
        loop {
            if p <= sent.start || s_first - p > 6 {
                return None;
            }
            p -= 1;
            let t = self.tok(p);
            if t == "," {
                break;
            }
            if self.in_quote[p] || (self.is_word(p) && (is_in(t, FINITE) || t == "that")) {
                return None;
            }
            if !self.is_word(p) && !matches!(t, "(" | ")" | "-" | ".") {
                return None;
            }
        }
        // the words before must be a clause, unless the attribution is inserted in one; a
        // headline's verb is capitalised ("Clinton Hid Health Problems, Doctor Says")
        let headline = self.title[self.sentence_of(c.first)];
        let words_before = (sent.start..p).filter(|&x| self.is_word(x)).count();
        let head_clause = (sent.start..p).any(|x| self.finite_at(x))
            || headline && words_before >= 3
            || self.plain_clause(sent.start, p);
        // "Too often, she said, the debate is …", "Though the move was smooth, he said, replacing
        // him would be …": an attribution inserted after a fronted phrase or subordinate clause
        // reports the whole sentence
        const SUBORDINATORS: &[&str] = &[
            "though", "although", "while", "when", "if", "because", "since", "unless", "once", "as", "after", "before",
        ];
        let fronted = !head_clause || is_in(self.tok(sent.start), SUBORDINATORS);
        let inserted = fronted
            && tail < sent.end
            && self.tok(tail) == ","
            && !(sent.start..p).any(|x| self.in_quote[x] || self.cue_at(x))
            && self.clause_at(tail + 1, sent.end, false);
        if inserted {
            return Some(sent.start..self.clause_end(tail + 1, sent.end));
        }
        // "When Clinton noted that …, Trump boasted about it": a fronted subordinate clause alone,
        // with a speech cue of its own, is not what the subject said
        if !more
            && is_in(self.tok(sent.start), SUBORDINATORS)
            && !(sent.start + 1..p).any(|x| self.tok(x) == "," && !self.in_quote[x])
            && (sent.start + 1..p).any(|x| self.cue_at(x))
        {
            return None;
        }
        if more {
            Some(sent.start..self.aside_start(sent.start, sent.end))
        } else {
            head_clause.then_some(sent.start..p)
        }
    }

    /// "The air had become so bad, Mr. Obama noted, that …": an attribution inserted between a
    /// clause and its that-clause reports both, so the content starts at the sentence's start.
    fn inserted_before_that(
        &self,
        c: CueMatch,
        speaker: Speaker,
        sent: Range<usize>,
        content: Range<usize>,
    ) -> Range<usize> {
        // the comma before the speaker, past a title the mention leaves out ("Mr. Obama")
        let mut s_first = self.doc.token_at_or_after(speaker.span.start);
        while s_first > sent.start + 1 && self.tok(s_first - 1) != "," && starts_upper(self.tok(s_first - 1)) {
            s_first -= 1;
        }
        let inserted = content.start == c.end + 2
            && self.tok(c.end) == ","
            && self.tok(c.end + 1) == "that"
            && s_first > sent.start + 3
            && self.tok(s_first - 1) == ","
            && (sent.start..s_first - 1).any(|x| self.finite_at(x))
            && !(sent.start..s_first).any(|x| self.in_quote[x] || self.cue_at(x));
        if inserted {
            sent.start..content.end
        } else {
            content
        }
    }

    /// Where reported speech ends when its cue stands in a subordinate clause that opens the
    /// sentence ("When Clinton noted that he paid no tax, Trump boasted …"): at the comma that
    /// closes that clause, before the main clause.
    fn subordinate_end(&self, speaker: Speaker, content: Range<usize>, sent: Range<usize>) -> usize {
        const OPENERS: &[&str] = &[
            "when", "after", "before", "while", "since", "because", "as", "although", "though", "once", "until",
            "whenever", "if", "unless",
        ];
        // the speaker is the subordinate clause's subject, right after its conjunction
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        if !is_in(self.tok(sent.start), OPENERS) || s_first > sent.start + 4 || s_first <= sent.start {
            return content.end;
        }
        // the comma before the main clause, not one closing an appositive ("her father, Murray, is")
        (content.start + 3..content.end)
            .find(|&x| {
                self.tok(x) == ","
                    && !self.in_quote[x]
                    && self.clause_at(x + 1, sent.end, false)
                    && !(x + 2..(x + 4).min(content.end)).any(|y| self.tok(y) == ",")
            })
            .unwrap_or(content.end)
    }

    /// Whether tokens `lo..hi` end in a clause whose verb is not recognised as finite (a present
    /// tense: "candidates probably need to capture …"): the last comma-separated stretch has five
    /// words or more and does not open with a preposition, a participle or a conjunction.
    fn plain_clause(&self, lo: usize, hi: usize) -> bool {
        let start = (lo..hi).rev().find(|&x| self.tok(x) == "," && !self.in_quote[x]).map_or(lo, |x| x + 1);
        if start >= hi || !self.is_word(start) {
            return false;
        }
        let first = self.tok(start);
        let opener = is_in(first, PREPOSITIONS)
            || is_in(first, &["despite", "although", "though", "since", "unless", "whether", "after", "before"])
            || first.ends_with("ing")
            || is_in(first, DETERMINERS) && (start..hi).filter(|&x| self.is_word(x)).count() < 7;
        !opener && (start..hi).filter(|&x| self.is_word(x)).count() >= 5
    }

    /// A subordinate clause that opens the sentence and ends, with a comma, right before the
    /// speaker ("When she is hiring, she said …"): its first token.
    fn fronted_clause(&self, speaker: Speaker, sent: Range<usize>) -> Option<usize> {
        const SUBORDINATORS: &[&str] = &["when", "if", "because", "unless", "once", "whenever"];
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        let comma = s_first.checked_sub(1).filter(|&x| x > sent.start + 2)?;
        let fronted = self.tok(comma) == ","
            && is_in(self.tok(sent.start), SUBORDINATORS)
            && (sent.start..comma).all(|x| !self.in_quote[x] && (x == sent.start || self.tok(x) != ","))
            && !(sent.start..comma).any(|x| self.cue_at(x));
        fronted.then_some(sent.start)
    }

    /// Speech reported in a relative clause: "the funding system, which advocates say
    /// disadvantages needy schools" reports the antecedent and the clause after the cue.
    fn relative_speech(&self, c: CueMatch, speaker: Speaker, sent: Range<usize>) -> Option<Range<usize>> {
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        let rel = s_first.checked_sub(1).filter(|&r| r > sent.start)?;
        // "amounting to what the senators said was economic gerrymandering": a free relative
        if self.tok(rel) == "what" && c.end < sent.end && !self.in_quote[c.end] && is_in(self.tok(c.end), FINITE) {
            return Some(rel..self.clause_end(c.end, sent.end));
        }
        if !is_in(self.tok(rel), &["which", "who", "that"]) || c.end >= sent.end || self.in_quote[c.end] {
            return None;
        }
        // after "that", the antecedent is a noun, not a verb ("said that officials say …")
        let mut a = rel - 1;
        if self.tok(a) == "," {
            a = a.checked_sub(1).filter(|&a| a >= sent.start)?;
        } else if self.tok(rel) == "that" && (!self.is_word(a) || self.cue_at(a) || is_in(self.tok(a), FINITE)) {
            return None;
        }
        // the clause after the cue starts with its verb ("say is", "said could exclude")
        let v = self.tok(c.end);
        let verb = is_in(v, FINITE)
            || self.finite_at(c.end)
            || (!starts_upper(v) && v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && !is_in(v, PREPOSITIONS));
        if !verb {
            return None;
        }
        let antecedent = self.np_ending_at(a, sent.start)?;
        let start = self.doc.token_at_or_after(antecedent.span.start);
        Some(start..self.clause_end(c.end, sent.end))
    }

    /// Where reported speech starting at `start` ends: at the sentence's end, or before a
    /// coordinated speech verb or participle ("… and warned against …", "…, adding that …").
    fn clause_end(&self, start: usize, hi: usize) -> usize {
        let hi = self.aside_start(start, hi);
        self.coordinated_end(start, hi)
    }

    /// Where the writer's own aside after reported speech starting at `start` begins, before `hi`:
    /// a semicolon or a concession (", although …", ", though …"). The reported clause keeps at least
    /// four words.
    fn aside_start(&self, start: usize, hi: usize) -> usize {
        let words_before = |x: usize| (start..x).filter(|&y| self.is_word(y)).count() >= 4;
        let mut depth = 0usize;
        for x in start + 1..hi {
            if self.in_quote[x] {
                continue;
            }
            // not inside parentheses ("$874m (£458m; 1.2bn euros)")
            match self.tok(x) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 {
                continue;
            }
            let next = if x + 1 < hi { self.tok(x + 1) } else { "" };
            let aside = match self.tok(x) {
                ";" => true,
                "," if is_in(next, &["although", "though"]) => true,
                // "…, but did not give a reason", "…, but declined to elaborate": the speaker's own
                // predicate, told by the writer
                // (also "… “will be involved” but did not elaborate", with no comma)
                "," | "but"
                    if {
                        let y = if self.tok(x) == "," { x + 1 } else { x };
                        y + 1 < hi
                            && (y > x || x > start + 1 && self.in_quote[x - 1])
                            && is_in(self.tok(y), &["but", "and"])
                            && {
                                let v = self.tok(y + 1);
                                let negated = is_in(v, &["did", "does", "would", "could", "has", "had", "will", "was"])
                                    && y + 2 < hi
                                    && is_in(self.tok(y + 2), &["not", "no"])
                                    || v.ends_with("n't")
                                    || v.ends_with("n’t");
                                negated
                                    || is_in(
                                        v,
                                        &["declined", "declines", "refused", "refuses", "gave", "offered", "provided"],
                                    )
                            }
                    } =>
                {
                    // a short clause is enough before this aside ("she would resign, but did not …")
                    if (start..x).filter(|&y| self.is_word(y)).count() >= 2 {
                        return x;
                    }
                    false
                }
                // "…,” though she noted …": the comma stands inside the quotation marks
                t if is_in(t, &["although", "though"])
                    && x >= start + 2
                    && self.doc.tokens[x - 1].kind == TokenKind::CloseQuote
                    && self.tok(x - 2) == "," =>
                {
                    if words_before(x - 1) {
                        return x - 1;
                    }
                    false
                }
                _ => false,
            };
            if aside && words_before(x) {
                return x;
            }
        }
        hi
    }

    /// Where reported speech starting at `start` ends before a coordinated speech verb or
    /// participle, or another attribution.
    fn coordinated_end(&self, start: usize, hi: usize) -> usize {
        let from = self.cues.partition_point(|c| c.first <= start);
        for c in self.cues[from..].iter().take_while(|c| c.first < hi) {
            let mut p = c.first;
            while p > start && (is_in(self.tok(p - 1), ADVERBS) || self.ly_adverb(p - 1)) {
                p -= 1;
            }
            if p > start
                && (is_in(self.tok(p - 1), &["and", "but"]) && (c.indirect || c.class == CueClass::Participle)
                    || matches!(c.class, CueClass::Participle | CueClass::Source) && self.tok(p - 1) == ",")
            {
                let mut e = p - 1;
                if e > start && self.tok(e - 1) == "," {
                    e -= 1;
                }
                return e;
            }
            // another attribution: "…, while Macron said …", "…; the ministry said …", "… and
            // Lavrov said …"
            if c.class == CueClass::Verb && c.indirect && p > start + 1 {
                if let Before::Subject(sp) = self.before(c.first, start) {
                    let s_first = self.doc.token_at_or_after(sp.span.start);
                    let separator = if s_first <= start + 1 || s_first >= c.first {
                        None
                    } else if is_in(self.tok(s_first - 1), &[";", "and", "but", "while", "whereas"]) {
                        Some(s_first - 1)
                    } else if self.tok(s_first - 1) == "," {
                        // "…, and when pressed on why, the 34-year-old said …"
                        (start + 4..s_first - 1).rev().find(|&x| {
                            is_in(self.tok(x), &["and", "but"]) && self.tok(x - 1) == "," && !self.in_quote[x]
                        })
                    } else {
                        None
                    };
                    if let Some(separator) = separator {
                        let mut e = separator;
                        if e > start && self.tok(e - 1) == "," {
                            e -= 1;
                        }
                        return e;
                    }
                }
            }
        }
        hi
    }

    /// Where the content of an object cue starts: right after it ("urged Congress to leave the
    /// program intact", "criticized Obama for …"), but past the accused ("accused the Europeans of
    /// trying to …" reports "trying to …").
    fn object_start(&self, c: CueMatch, hi: usize) -> usize {
        if is_in(self.tok(c.first), &["accused", "accuses", "accuse", "accusing"]) {
            let of = (c.end + 1..(c.end + 7).min(hi))
                .take_while(|&x| self.is_word(x) && !self.in_quote[x])
                .find(|&x| self.tok(x) == "of");
            if let Some(of) = of.filter(|&of| of + 1 < hi) {
                return of + 1;
            }
        }
        // "denied that she mishandled …"
        if c.end + 1 < hi && self.tok(c.end) == "that" {
            return c.end + 1;
        }
        c.end
    }

    /// Where the object of an object cue starting at `start` ends, before `hi`: before a relative
    /// or contrasting clause (", which …", "but …"), a coordinated verb ("and attempted …"), a
    /// subordinate clause ("when he ran …") or a day ("Clinton as a “disgrace” Wednesday").
    fn object_end(&self, start: usize, hi: usize) -> usize {
        const SUBORDINATE: &[&str] = &["when", "after", "because", "while", "although", "though", "since"];
        const DAYS: &[&str] =
            &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"];
        for x in start + 1..hi {
            if self.in_quote[x] {
                continue;
            }
            let t = self.tok(x);
            let next = if x + 1 < hi { self.tok(x + 1) } else { "" };
            let stop = match t {
                ";" => true,
                "," => {
                    is_in(next, &["which", "who", "but", "and", "yet", "as", "even", "meaning"])
                        || is_in(next, SUBORDINATE)
                        // a new clause: "railed against the provisions …, he's sought to protect …"
                        || x > start + 2
                            && (is_in(next, &["he", "she", "they", "we", "i"]) || self.pronoun_be(x + 1).is_some())
                            && self.clause_at(x + 1, hi, false)
                            // not an inserted attribution: "which, they claim, would …"
                            && !(x + 3 < hi && self.tok(x + 3) == ",")
                }
                // "and attempted to …", "and established a policy", not "unsubstantiated and
                // fabricated by …"
                "and" => {
                    let after = if x + 2 < hi { self.tok(x + 2) } else { "" };
                    x + 1 < hi
                        && !starts_upper(next)
                        && (is_in(next, FINITE)
                            || (next.len() > 4 && next.ends_with("ed") || is_in(next, IRREGULAR_PAST))
                                && (is_in(after, DETERMINERS) || is_in(after, OBJECT_PRONOUNS) || after == "to"))
                }
                // "in a statement", "in an on-air diatribe", "at a campaign rally", "during a stop in …"
                "in" | "on" | "at" | "during" => {
                    const OCCASIONS: &[&str] = &[
                        "statement",
                        "interview",
                        "speech",
                        "letter",
                        "tweet",
                        "email",
                        "post",
                        "diatribe",
                        "op-ed",
                        "column",
                        "address",
                        "appearance",
                        "video",
                        "rally",
                        "memo",
                        "report",
                        "hearing",
                        "briefing",
                        "conference",
                        "call",
                        "event",
                        "meeting",
                        "stop",
                        "debate",
                        "forum",
                        "summit",
                        "session",
                        "broadcast",
                        "town",
                    ];
                    x > start + 1
                        && is_in(next, &["a", "an"])
                        && (x + 2..(x + 5).min(hi)).any(|y| is_in(self.tok(y), OCCASIONS))
                }
                // "mentioned the devil to me while …", "told it to reporters"
                "to" => x > start + 1 && (is_in(next, OBJECT_PRONOUNS) || next == "reporters"),
                // "condemned the launch as Pyongyang fired …" (not "as a “crazy system”")
                "as" => {
                    x > start + 2
                        && self.clause_at(x + 1, hi, false)
                        && !is_in(next, DETERMINERS)
                        && !(x.saturating_sub(4).max(start)..x).any(|y| is_in(self.tok(y), &["such", "so", "as"]))
                }
                _ => is_in(t, &["but", "yet"]) || x > start + 2 && (is_in(t, SUBORDINATE) || is_in(t, DAYS)),
            };
            if stop {
                // not after a dangling "since the" / "on" before a day
                let mut e = x;
                while e > start + 1 && is_in(self.tok(e - 1), &["on", "since", "the", "last", "this", "next", "by"]) {
                    e -= 1;
                }
                return e;
            }
        }
        hi
    }

    /// An infinitive at token `i` ("vowed to bring back …", "promising to lift …"): "to" and a
    /// lower-case verb.
    fn infinitive(&self, i: usize, hi: usize) -> bool {
        i + 1 < hi
            && self.tok(i) == "to"
            && self.is_word(i + 1)
            && !starts_upper(self.tok(i + 1))
            && !is_in(self.tok(i + 1), DETERMINERS)
            && !is_in(self.tok(i + 1), PREPOSITIONS)
            && self.doc.tokens[i + 1].kind == TokenKind::Word
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

    /// "According to X, …" and "…, according to X".
    fn according_to(&self, c: CueMatch, sent: Range<usize>) -> Option<(Range<usize>, Speaker)> {
        let speaker = self.np_after(c.end, sent.end)?;
        if !self.speaker_like(speaker) {
            return None;
        }
        let lead = (sent.start..c.first).all(|x| !self.is_word(x) || is_in(self.tok(x), &["but", "and", "yet", "so"]));
        if lead {
            let comma = (c.end..sent.end.min(c.end + 16)).find(|&x| self.tok(x) == ",")?;
            return Some((comma + 1..sent.end, speaker));
        }
        let end = if self.tok(c.first - 1) == "," { c.first - 1 } else { c.first };
        Some((sent.start..end, speaker))
    }

    /// Where the reported clause after an indirect-speech cue starts, if there clearly is one.
    fn complement_start(&self, c: CueMatch, hi: usize) -> Option<usize> {
        let cue_word = self.tok(c.first);
        let tell = is_in(cue_word, &["told", "tells", "informed", "assured", "reminded", "warned"]);
        let say = is_in(cue_word, &["said", "says", "say"]);
        let mut j = c.end;
        // "said on Monday", "said Thursday", "said last week", "also said previously"
        while j < hi && self.is_word(j) {
            let t = self.tok(j);
            let time = is_in(t, TIME_WORDS) && (j > c.end || !starts_upper(t) || t.len() > 3);
            // a date's number ("said Feb. 18"), not a clause's ("said 2015 was …")
            let date_number = self.doc.tokens[j].kind == TokenKind::Number
                && (j > c.end && is_in(self.tok(j - 1), TIME_WORDS)
                    || j + 1 < hi && (is_in(self.tok(j + 1), TIME_WORDS) || self.tok(j + 1) == ","));
            if !(time
                || is_in(t, &["on", "last", "late", "early"]) && j + 1 < hi && is_in(self.tok(j + 1), TIME_WORDS)
                || date_number
                || is_in(t, ADVERBS) && !is_in(t, FINITE)
                || self.ly_adverb(j))
            {
                break;
            }
            j += 1;
        }
        // "said this week’s meeting will …": the time word is the subject's, with its determiner
        if j < hi && j > c.end && is_in(self.tok(j - 1), &["this", "last", "next"]) {
            let t = self.tok(j);
            let bare = t.strip_suffix("’s").or_else(|| t.strip_suffix("'s")).unwrap_or("");
            if is_in(bare, TIME_WORDS) {
                j -= 1;
            }
        }
        if j >= hi {
            return None;
        }
        if self.tok(j) == "that" {
            return Some(j + 1);
        }
        // "explained why he backs …", "explained how important it is …"
        if is_in(self.tok(j), &["why", "how", "whether"]) && j + 2 < hi && !say && !tell {
            return Some(j);
        }
        // "said in a statement that", "told reporters that"
        let first_word = self.tok(j);
        // "said about 20 people have …", "said more than half of …"
        let quantity = is_in(first_word, &["about", "nearly", "almost", "around", "roughly", "over", "some", "up"])
            && j + 1 < hi
            && (self.doc.tokens[j + 1].kind == TokenKind::Number || is_in(self.tok(j + 1), &["to", "half"]))
            || is_in(first_word, &["more", "fewer", "less"]) && j + 1 < hi && self.tok(j + 1) == "than";
        if quantity && (j + 2..hi.min(j + 12)).any(|x| is_in(self.tok(x), FINITE) || self.finite_at(x)) {
            return Some(j);
        }
        // "says 34,570 citizens cast votes", "said 2015 was the hottest year"
        if self.doc.tokens[j].kind == TokenKind::Number && !self.in_quote[j] && j + 2 < hi && self.is_word(j + 1) {
            let verb = (j + 1..hi.min(j + 10)).any(|x| is_in(self.tok(x), FINITE) || self.finite_at(x));
            if verb {
                return Some(j);
            }
        }
        // "said if elected president he could work …": a fronted condition, then the clause
        if say && is_in(first_word, &["if", "when", "once", "unless", "although", "though", "while", "because"]) {
            let subject = (j + 2..hi.min(j + 12))
                .find(|&x| is_in(self.tok(x), &["he", "she", "they", "we", "i", "it"]) && self.clause_at(x, hi, false));
            if subject.is_some() {
                return Some(j);
            }
        }
        if tell || is_in(first_word, PREPOSITIONS) || self.tok(j) == "," {
            let reach = if self.tok(j) == "," { 16 } else { 10 };
            for x in j + 1..(j + reach).min(hi) {
                // past a short object, which may hold a quoted title ("told NBC's “Meet the Press” that")
                let quote_mark = matches!(self.doc.tokens[x].kind, TokenKind::OpenQuote | TokenKind::CloseQuote);
                if !self.is_word(x) && self.tok(x) != "," && !quote_mark {
                    break;
                }
                // another clause's "that" ("…, since most of them accept that …")
                if self.cue_at(x) || self.finite_at(x) {
                    break;
                }
                if self.tok(x) == "that" {
                    // after a comma, only an aside closed by a comma: "insist, most recently on ABC, that"
                    if self.tok(j) == "," && x > j + 1 && self.tok(x - 1) != "," {
                        break;
                    }
                    return Some(x + 1);
                }
            }
        }
        // (not an infinitive: "vowed to tackle corruption when he came to office")
        let phrase =
            if say { PREPOSITIONS } else { &["in", "on", "at", "under", "during", "after", "before", "with", "over"] };
        if !tell && is_in(first_word, phrase) && !is_in(first_word, &["to", "and", "or", "but", "if", "because", "as"])
        {
            // "said after the convention he would not …": past a short phrase, a pronoun subject
            let x = (j + 2..(j + 7).min(hi))
                .take_while(|&x| self.is_word(x) && (starts_upper(self.tok(x - 1)) || !is_in(self.tok(x - 1), FINITE)))
                .find(|&x| is_in(self.tok(x), &["he", "she", "they", "we", "i", "it"]));
            if let Some(x) = x.filter(|&x| self.clause_at(x, hi, false)) {
                return Some(x);
            }
        }
        if tell {
            // "told reporters the talks were …": past a short object
            let candidates: Vec<usize> = (j + 1..(j + 6).min(hi))
                .take_while(|&x| self.is_word(x - 1))
                .filter(|&x| {
                    // past a whole object: "warned his side they must …"
                    let t = self.tok(x - 1);
                    // not inside a name ("told BBC News there were …")
                    let in_name = starts_upper(t) && starts_upper(self.tok(x)) && self.tok(x) != "I";
                    t != ","
                        && !in_name
                        && !is_in(t, DETERMINERS)
                        && !is_in(t, &["his", "her", "their", "its", "our", "my", "your"])
                        && self.clause_at(x, hi, false)
                        && !is_in(self.tok(x), &["to"])
                })
                .collect();
            let opener = |x: &usize| {
                let w = self.tok(*x);
                is_in(w, DETERMINERS) || is_in(w, &["he", "she", "they", "it", "we", "i", "there"])
            };
            // the rest of a named object ("Today programme", "newspaper Clarin") before a clause
            // that opens with a pronoun or an article
            let first = *candidates.first()?;
            let named = starts_upper(self.tok(first)) || starts_upper(self.tok(first - 1));
            if named && !opener(&first) && candidates.contains(&(first + 1)) && opener(&(first + 1)) {
                return Some(first + 1);
            }
            return Some(first);
        }
        // "said the meeting is aimed at …", "said Thursday the talks were …"
        self.clause_at(j, hi, say).then_some(j)
    }

    /// Whether a clause (a subject, then a finite verb) starts at token `j`; after "said", a subject
    /// followed by a few words is enough.
    fn clause_at(&self, j: usize, hi: usize, said: bool) -> bool {
        if j >= hi || !self.is_word(j) || self.in_quote[j] && self.doc.tokens[j].kind != TokenKind::OpenQuote {
            return false;
        }
        let w = self.tok(j);
        if (is_in(w, &["he", "she", "they", "we", "i", "there"])
            || w == "it" && (said || j + 1 < hi && is_in(self.tok(j + 1), FINITE)))
            && j + 1 < hi
            && self.is_word(j + 1)
        {
            return true;
        }
        let subjectish = is_in(w, DETERMINERS)
            || is_in(w, &["you", "all", "some", "many", "most", "both", "no", "any", "each", "every"])
            || (!is_stop(w) && !is_in(w, PREPOSITIONS) && !is_in(w, ADVERBS) && !self.ly_adverb(j));
        if !subjectish || self.cue_at(j) || is_in(w, FINITE) {
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
        if is_in(t, FINITE) || is_in(t, IRREGULAR_PAST) || t.ends_with("n't") || t.ends_with("n’t") {
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
