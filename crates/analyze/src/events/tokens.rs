//! Token accessors of the events stage: a token's text, its mention and entity kind, roles.

use std::ops::Range;

use parallax_doc::{EntityKind, TokenKind, TokenView};

use super::Finder;

/// True when `word` starts with an upper-case letter.
pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl<'d> Finder<'d> {
    /// The text of token `t` ("" past the last token).
    pub(super) fn word(&self, t: usize) -> &'d str {
        TokenView::new(self.doc).text(t)
    }

    /// The text of token `t` in lower case, from the document's lower-cased view ("" past the
    /// last token).
    pub(super) fn lower(&self, t: usize) -> &'d str {
        TokenView::new(self.doc).lower(t)
    }

    /// True when token `t` is quoted (false past the last token).
    pub(super) fn quoted(&self, t: usize) -> bool {
        self.in_quote.get(t).copied().unwrap_or(false)
    }

    /// The kind of token `t`, if it exists.
    pub(super) fn token_kind(&self, t: usize) -> Option<TokenKind> {
        self.doc.tokens.get(t).map(|token| token.kind)
    }

    /// The token range of sentence `s` (empty when there is no such sentence).
    pub(super) fn sentence_tokens(&self, s: usize) -> Range<usize> {
        self.doc.sentences.get(s).map_or(0..0, |sentence| sentence.tokens.clone())
    }

    /// The mention starting at token `t`, if any.
    pub(super) fn mention(&self, t: usize) -> Option<&'d parallax_doc::Mention> {
        self.mention_at_token.get(t).copied().flatten().and_then(|i| self.doc.mentions.get(i))
    }

    /// The entity of the mention whose last token is `last`, starting at most `reach` tokens
    /// before it and not before `lo`.
    pub(super) fn entity_ending_at(&self, last: usize, lo: usize, reach: usize) -> Option<usize> {
        (last.saturating_sub(reach).max(lo)..=last)
            .find_map(|j| self.mention(j).filter(|m| self.doc.token_at_or_after(m.span.end) == last + 1))
            .map(|m| m.entity)
    }

    /// Token `t`, or the first of the words in -ly right before it, not before `lo` ("was later
    /// arrested": "later").
    pub(super) fn past_ly_adverbs(&self, t: usize, lo: usize) -> usize {
        let mut k = t;
        while k > lo && self.lower(k - 1).ends_with("ly") {
            k -= 1;
        }
        k
    }

    /// The kind of the entity whose mention starts at token `t`, unless it is part of a role.
    pub(super) fn entity_kind(&self, t: usize) -> Option<EntityKind> {
        self.mention(t).filter(|m| !self.in_role(m.span)).and_then(|m| self.doc.entities.get(m.entity)).map(|e| e.kind)
    }

    /// True when the mention starting at token `t` is a possessive ("Ruto's").
    pub(super) fn is_possessive_mention(&self, t: usize) -> bool {
        self.mention(t).is_some_and(|m| {
            let end = self.doc.token_at_or_after(m.span.end).saturating_sub(1);
            let last = self.word(end.max(t));
            last.ends_with("'s") || last.ends_with("’s")
        })
    }

    /// True when `span` lies inside a role phrase.
    pub(super) fn in_role(&self, span: parallax_doc::Span) -> bool {
        self.role_spans.iter().any(|r| r.contains(span) && r.len() > span.len())
    }
}
