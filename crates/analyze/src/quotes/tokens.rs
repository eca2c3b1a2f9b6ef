//! Token accessors and word tests shared by every pass. The accessors are total: a token
//! index past the end reads as an empty word that is nothing (no punctuation, no cue, no word).

use super::*;

/// A list of lower-case words that [`is_in`] looks a word up in: a vocabulary list (a set for
/// long lists) or words written in the rule.
pub(super) trait WordList {
    /// Whether the list holds `lower`, a word in lower case.
    fn contains_lower(&self, lower: &str) -> bool;
    /// Every word of the list.
    fn words(&self) -> &[&str];
}

impl WordList for [&str] {
    fn contains_lower(&self, lower: &str) -> bool {
        self.contains(&lower)
    }
    fn words(&self) -> &[&str] {
        self
    }
}

impl<const N: usize> WordList for [&str; N] {
    fn contains_lower(&self, lower: &str) -> bool {
        self.contains(&lower)
    }
    fn words(&self) -> &[&str] {
        self
    }
}

impl WordList for super::vocabulary::Words {
    fn contains_lower(&self, lower: &str) -> bool {
        super::vocabulary::Words::contains_lower(self, lower)
    }
    fn words(&self) -> &[&str] {
        self
    }
}

/// Whether `word` is in `list`, ignoring ASCII case; no allocation.
pub(super) fn is_in<L: WordList + ?Sized>(word: &str, list: &L) -> bool {
    let mut buf = [0u8; 32];
    match lower_ascii(word, &mut buf) {
        Some(w) => list.contains_lower(w),
        None => list.words().iter().any(|l| l.eq_ignore_ascii_case(word)),
    }
}

/// True for a stop word, but not for an acronym that spells one ("US", "IT").
pub(super) fn is_stop(word: &str) -> bool {
    let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
    !acronym && is_in(word, &NP_STOP)
}

/// A verb that names what something is ("called", "dubs", "described", "deemed", "hailed"): its
/// quoted object is a label, not a statement.
pub(super) fn naming_verb(word: &str) -> bool {
    use crate::quotes::vocabulary::NAMING_STEMS as STEMS;
    STEMS.iter().any(|stem| word.get(..stem.len()).is_some_and(|w| w.eq_ignore_ascii_case(stem)))
}

/// A past tense or participle by its form: an irregular one ("sent", "held") or a word of five
/// letters or more in -ed ("apologized"; not "need", "bed").
pub(super) fn past_form(word: &str) -> bool {
    use crate::quotes::vocabulary::IRREGULAR_PAST;
    is_in(word, &IRREGULAR_PAST) || word.len() > 4 && word.ends_with("ed")
}

/// Whether `word` starts with a capital letter or a digit.
pub(super) fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

impl<'a> Finder<'a> {
    /// The text of token `i`; empty past the last token, so a rule that looks one token ahead
    /// at the end of an article sees nothing rather than failing.
    pub(super) fn tok(&self, i: usize) -> &'a str {
        self.doc.tokens.get(i).map_or("", |token| self.doc.slice(token.span))
    }

    /// Whether token `i` is inside a quoted region (marks included); false past the last token.
    pub(super) fn quoted(&self, i: usize) -> bool {
        self.in_quote.get(i).copied().unwrap_or(false)
    }

    /// The span of token `i`; past the last token, an empty span at the end of the text.
    pub(super) fn span_at(&self, i: usize) -> Span {
        self.doc.tokens.get(i).map_or(Span::new(self.doc.text.len(), self.doc.text.len()), |token| token.span)
    }

    /// The kind of token `i`; `None` past the last token.
    pub(super) fn kind_at(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|token| token.kind)
    }

    /// The kind of entity `entity`, if there is one.
    pub(super) fn entity_kind(&self, entity: Option<usize>) -> Option<EntityKind> {
        entity.and_then(|e| self.doc.entities.get(e)).map(|e| e.kind)
    }

    /// Whether token `i` is a word or a number; false past the last token.
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|token| matches!(token.kind, TokenKind::Word | TokenKind::Number))
    }

    /// The nearest punctuation token in `separators` before token `from` and after `lo`,
    /// unless a quotation comes first.
    pub(super) fn separator_before(&self, from: usize, lo: usize, separators: &[&str]) -> Option<usize> {
        (lo..from)
            .rev()
            .take_while(|&pos| !self.quoted(pos))
            .find(|&pos| is_in(self.tok(pos), separators) && !self.is_word(pos))
    }

    /// Index of the sentence holding token `i`.
    pub(super) fn sentence_of(&self, i: usize) -> usize {
        let sentence = self.doc.sentences.partition_point(|sentence| sentence.tokens.end <= i);
        sentence.min(self.doc.sentences.len().saturating_sub(1))
    }

    /// The token range of sentence `sentence`, clipped to the tokens; empty past the last sentence.
    pub(super) fn sentence_range(&self, sentence: usize) -> Range<usize> {
        let Some(range) = self.doc.sentences.get(sentence).map(|sentence| &sentence.tokens) else {
            return 0..0;
        };
        range.start.min(self.doc.tokens.len())..range.end.min(self.doc.tokens.len())
    }

    /// The longest mention overlapping token `i`.
    pub(super) fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        let span = self.doc.tokens.get(i)?.span;
        let upto = self.mentions.partition_point(|mention| mention.span.start < span.end);
        self.mentions[..upto]
            .iter()
            .rev()
            .take(16)
            .filter(|mention| mention.span.overlaps(span))
            .max_by_key(|mention| mention.span.len())
            .copied()
    }

    /// Whether a speech cue starts at token `i` (a one-token match).
    pub(super) fn cue_at(&self, i: usize) -> bool {
        self.lex.match_at(self.doc, i, i + 1).is_some()
    }

    /// A lower-case adverb in -ly ("sharply", "bluntly"), not a noun in -ly ("family", "ally").
    pub(super) fn ly_adverb(&self, i: usize) -> bool {
        use crate::quotes::vocabulary::LY_NOUNS;
        let word = self.tok(i);
        word.len() > 4 && word.ends_with("ly") && !starts_upper(word) && !is_in(word, &LY_NOUNS)
    }

    /// Whether a comma or a dash stands right before token `i` (after `lo`), or a closing
    /// quotation mark after a comma ("…,” adding that …", "… on the spot – saying he …").
    pub(super) fn comma_before(&self, i: usize, lo: usize) -> bool {
        if i <= lo {
            return false;
        }
        let close_quote = self.doc.tokens.get(i - 1).is_some_and(|token| token.kind == TokenKind::CloseQuote);
        matches!(self.tok(i - 1), "," | "–" | "—") || (close_quote && i >= lo + 2 && self.tok(i - 2) == ",")
    }
}
