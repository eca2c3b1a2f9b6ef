//! Token accessors of the temporal tagger: a token's text (lower-cased or as written), kind and
//! capitalisation, the span of a run of tokens, the anchor date.

use chrono::NaiveDate;
use parallax_doc::TokenView;
use parallax_doc::{Span, TokenKind};

use super::ExpressionReader;

/// `w` without a possessive `'s`, and whether it had one.
pub(super) fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["'s", "’s"] {
        if let Some(b) = w.strip_suffix(suffix) {
            if !b.is_empty() {
                return (b, true);
            }
        }
    }
    (w, false)
}

impl<'a> ExpressionReader<'a> {
    /// True when token `i` lies in the current sentence.
    pub(super) fn in_sentence(&self, i: usize) -> bool {
        i >= self.s0 && i < self.s1
    }

    /// The token's text, lower case; "" outside the sentence.
    pub(super) fn w(&self, i: usize) -> &'a str {
        if !self.in_sentence(i) {
            return "";
        }
        self.words.get(i).copied().unwrap_or("")
    }

    /// The token's text as written; "" outside the sentence.
    pub(super) fn orig(&self, i: usize) -> &'a str {
        if !self.in_sentence(i) {
            return "";
        }
        self.doc.tokens.get(i).and_then(|t| self.doc.text.get(t.span.start..t.span.end)).unwrap_or("")
    }

    /// Lower case, without a possessive "'s", and whether there was one.
    pub(super) fn base(&self, i: usize) -> (&'a str, bool) {
        strip_possessive(self.w(i))
    }

    /// The kind of token `i`, when it lies in the current sentence.
    pub(super) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).filter(|_| self.in_sentence(i)).map(|t| t.kind)
    }

    /// True when token `i` is a word of the current sentence.
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    /// True when token `i` is a number of the current sentence.
    pub(super) fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// True when token `i` starts with an upper-case letter.
    pub(super) fn capitalised(&self, i: usize) -> bool {
        let o = self.orig(i);
        match o.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => o.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// The lower-cased token before `i` in the current sentence ("" at its start).
    pub(super) fn prev(&self, i: usize) -> &'a str {
        if i == 0 {
            ""
        } else {
            self.w(i - 1)
        }
    }

    /// The span from the start of token `a` to the end of token `b` (inclusive), leaving out a
    /// possessive "'s" on `b`.
    pub(super) fn span(&self, a: usize, b: usize) -> Span {
        let view = TokenView::new(self.doc);
        let start = view.span(a).start;
        let tb = view.span(b);
        let w = self.w(b);
        let (base, _) = strip_possessive(w);
        Span::new(start, (tb.end - (w.len() - base.len())).max(start))
    }

    /// The date relative expressions are resolved against, when there is one.
    pub(super) fn anchor(&self) -> Option<NaiveDate> {
        self.anchor
    }
}
