//! One view of a document's tokens for every stage: text, lower case, kind, sentence, quotation.
//!
//! Rule code asks the same questions of tokens again and again ("what is token 12 in lower
//! case?", "is it capitalised?", "is it quoted?"). [`TokenView`] answers them from the layers the
//! segment stage computed once ([`Doc::tokens`], [`Doc::lower`], [`Doc::quote_regions`]), without
//! allocating, and never panics: an index out of range reads as an empty, non-word token.

use crate::{Doc, Span, Token, TokenKind};

/// Lower-cases `text` keeping every byte offset: each char whose lower-case form is one char of
/// the same UTF-8 length is replaced by it, every other char ("İ", "ẞ") is kept as it is. This is
/// the one lower-casing rule of the analysis: [`Doc::lower`] is `lower_same_len(&doc.text)`.
pub fn lower_same_len(text: &str) -> String {
    if !text.chars().any(char::is_uppercase) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
    }
    out
}

/// A read-only view of a document's tokens (see the module docs).
#[derive(Debug, Clone, Copy)]
pub struct TokenView<'d> {
    doc: &'d Doc,
}

impl<'d> TokenView<'d> {
    /// A view of `doc`'s token layer.
    pub fn new(doc: &'d Doc) -> TokenView<'d> {
        TokenView { doc }
    }

    /// The document viewed.
    pub fn doc(&self) -> &'d Doc {
        self.doc
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// True when the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// Token `t`, if it exists.
    pub fn get(&self, t: usize) -> Option<&'d Token> {
        self.doc.tokens.get(t)
    }

    /// The span of token `t` (empty at the end of the text when out of range).
    pub fn span(&self, t: usize) -> Span {
        self.get(t).map_or(Span::new(self.doc.text.len(), self.doc.text.len()), |tok| tok.span)
    }

    /// The text of token `t` ("" when out of range).
    pub fn text(&self, t: usize) -> &'d str {
        self.get(t).map_or("", |tok| self.doc.text.get(tok.span.start..tok.span.end).unwrap_or(""))
    }

    /// The text of token `t` in lower case, by [`lower_same_len`] ("" when out of range).
    pub fn lower(&self, t: usize) -> &'d str {
        self.get(t).map_or("", |tok| self.doc.lower.get(tok.span.start..tok.span.end).unwrap_or(""))
    }

    /// The kind of token `t`, if it exists.
    pub fn kind(&self, t: usize) -> Option<TokenKind> {
        self.get(t).map(|tok| tok.kind)
    }

    /// True when token `t` is a word.
    pub fn is_word(&self, t: usize) -> bool {
        self.kind(t) == Some(TokenKind::Word)
    }

    /// True when token `t` starts with an upper-case letter.
    pub fn is_capitalised(&self, t: usize) -> bool {
        self.text(t).chars().next().is_some_and(char::is_uppercase)
    }

    /// The sentence token `t` lies in, if it exists.
    pub fn sentence(&self, t: usize) -> Option<usize> {
        self.get(t).map(|tok| tok.sentence)
    }

    /// True when token `t` stands inside quotation marks (marks included).
    pub fn in_quote(&self, t: usize) -> bool {
        self.get(t).is_some_and(|tok| tok.in_quote)
    }

    /// The text from the start of token `first` to the end of token `last` (inclusive), or ""
    /// when either is out of range or they are out of order.
    pub fn text_between(&self, first: usize, last: usize) -> &'d str {
        match (self.get(first), self.get(last)) {
            (Some(a), Some(b)) if a.span.start <= b.span.end => {
                self.doc.text.get(a.span.start..b.span.end).unwrap_or("")
            }
            _ => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_keeps_offsets() {
        for text in ["Rubio MET Lavrov", "ÉMILE Zola", "İstanbul", "STRAẞE", "already lower"] {
            let lower = lower_same_len(text);
            assert_eq!(lower.len(), text.len(), "{text}");
            assert!(text.char_indices().all(|(i, _)| lower.is_char_boundary(i)), "{text}");
        }
        assert_eq!(lower_same_len("ÉMILE Zola"), "émile zola");
        assert_eq!(lower_same_len("İstanbul"), "İstanbul");
    }

    #[test]
    fn out_of_range_tokens_read_as_empty() {
        let mut doc = Doc::new("t", "Rubio met".into());
        doc.lower = lower_same_len(&doc.text);
        doc.tokens = vec![Token::new(Span::new(0, 5), TokenKind::Word), Token::new(Span::new(6, 9), TokenKind::Word)];
        let view = TokenView::new(&doc);
        assert_eq!((view.text(0), view.lower(0), view.is_capitalised(0)), ("Rubio", "rubio", true));
        assert_eq!((view.text(7), view.lower(7), view.is_word(7), view.in_quote(7)), ("", "", false, false));
        assert_eq!(view.text_between(0, 1), "Rubio met");
        assert_eq!(view.text_between(1, 0), "");
    }
}
