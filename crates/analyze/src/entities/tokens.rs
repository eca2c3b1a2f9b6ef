//! Token accessors of the entity stage: a token's text (as written or lower-cased), whether it
//! is a word or a role word, spans, and the small word helpers (possessives, contractions).

use std::borrow::Cow;

use parallax_doc::{Span, TokenKind, TokenView};

use super::EntityReader;

pub(super) use parallax_lexicon::names::strip_possessive;

/// True when `word` starts with an upper-case letter.
pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A word without the ending of a contraction: "He’s" → "He", "she'd" → "she", "he’ll" → "he".
pub(super) fn strip_contraction(word: &str) -> &str {
    const ENDINGS: &[&str] = &["’s", "'s", "’d", "'d", "’ll", "'ll"];
    ENDINGS.iter().find_map(|e| word.strip_suffix(e)).unwrap_or(word)
}

impl<'d> EntityReader<'d> {
    /// The text of token `t` ("" past the last token).
    pub(super) fn text(&self, t: usize) -> &'d str {
        TokenView::new(self.doc).text(t)
    }

    /// Token `t` lower-cased, without a possessive ending or a final period ("Gen." → "gen").
    /// Borrows the text when it is lower-case ASCII already (most words), allocating nothing.
    pub(super) fn lower(&self, t: usize) -> Cow<'d, str> {
        let word = strip_possessive(self.text(t)).trim_end_matches('.');
        if !word.is_ascii() {
            Cow::Owned(word.to_lowercase())
        } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
            // for ASCII text the same as `to_lowercase`: the same bytes of the document's
            // lower-cased view (`word` is the start of the token)
            let start = self.doc.tokens.get(t).map_or(0, |tok| tok.span.start);
            match self.doc.lower.get(start..start + word.len()) {
                Some(lower) if lower.bytes().zip(word.bytes()).all(|(l, w)| l == w.to_ascii_lowercase()) => {
                    Cow::Borrowed(lower)
                }
                _ => Cow::Owned(word.to_ascii_lowercase()),
            }
        } else {
            Cow::Borrowed(word)
        }
    }

    /// True when token `t` is a reporting verb ("said", "told"); false past the last token.
    pub(super) fn reports_after(&self, t: usize) -> bool {
        t < self.doc.tokens.len() && crate::lexicon::is_reporting_verb(self.text(t))
    }

    /// True when token `t` is a word.
    pub(super) fn is_word(&self, t: usize) -> bool {
        self.doc.tokens.get(t).is_some_and(|tok| tok.kind == TokenKind::Word)
    }

    /// True when token `t` is a role head, role modifier or title word ("minister", "foreign",
    /// "President").
    pub(super) fn is_role_word(&self, t: usize) -> bool {
        let l = self.lower(t);
        self.is_word(t) && (self.gaz.is_role_head(&l) || self.gaz.is_role_modifier(&l) || self.gaz.is_title(&l))
    }

    /// The span of tokens `[start, end)`, without a possessive ending on the last one.
    pub(super) fn span_of(&self, start: usize, end: usize) -> Span {
        let view = TokenView::new(self.doc);
        let first = view.span(start);
        let last = view.span(end.saturating_sub(1));
        // the possessive ending of the last token is not part of the name
        let last_text = self.doc.slice(last);
        // (an "s" of its own after an apostrophe is kept: a name that holds it, "Lloyd 's")
        let trimmed = match strip_possessive(last_text).len() {
            0 => last_text.len(),
            n => n,
        };
        Span::new(first.start, last.start + trimmed)
    }

    /// The token at or after byte `offset`.
    pub(super) fn token_index(&self, offset: usize) -> usize {
        self.doc.token_at_or_after(offset)
    }

    /// One past the last token of `span`: the first token from its start that begins at or
    /// after its end.
    pub(super) fn token_end(&self, span: Span) -> usize {
        let tokens = &self.doc.tokens;
        let mut k = self.token_index(span.start);
        while tokens.get(k).is_some_and(|t| t.span.start < span.end) {
            k += 1;
        }
        k
    }
}
