//! Pairing quotation marks into quoted regions, paragraph by paragraph: the quotation-region
//! layer ([`Doc::quote_regions`]) and the tokens' `in_quote` flags, computed once per article.

use parallax_doc::{Doc, QuoteRegion as Region, TokenKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    DoubleOpen,
    DoubleClose,
    DoubleStraight,
    SingleOpen,
    SingleClose,
    SingleStraightOpen,
    SingleStraightClose,
}

/// Whether token `i` opens a doubled straight apostrophe ('' as in older NYT copy), which
/// stands for a double quotation mark.
fn doubled(doc: &Doc, i: usize) -> bool {
    let (Some(a), Some(b)) = (doc.tokens.get(i), doc.tokens.get(i + 1)) else {
        return false;
    };
    a.span.end == b.span.start && doc.slice(a.span) == "'" && doc.slice(b.span) == "'"
}

fn mark(doc: &Doc, i: usize) -> Option<Mark> {
    let t = &doc.tokens[i];
    if !matches!(t.kind, TokenKind::OpenQuote | TokenKind::CloseQuote) {
        return None;
    }
    if doubled(doc, i) {
        return Some(Mark::DoubleStraight);
    }
    if i > 0 && doubled(doc, i - 1) {
        // the second half of a doubled mark
        return None;
    }
    Some(match doc.slice(t.span) {
        "“" if t.kind == TokenKind::CloseQuote => Mark::DoubleClose,
        "“" | "„" | "«" => Mark::DoubleOpen,
        "”" | "»" => Mark::DoubleClose,
        "\"" => Mark::DoubleStraight,
        "‘" => Mark::SingleOpen,
        "’" => Mark::SingleClose,
        "'" if t.kind == TokenKind::OpenQuote => Mark::SingleStraightOpen,
        "'" => Mark::SingleStraightClose,
        _ => return None,
    })
}

/// Whether token `i` is a straight double mark tokenized as closing with spaces on both sides
/// (`laws, " Deng`): text tokenized with spaces, where it can only close.
fn spaced_close(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    let before = i.checked_sub(1).and_then(|p| doc.tokens.get(p)).is_some_and(|p| p.span.end < t.span.start);
    let after = doc.tokens.get(i + 1).is_none_or(|n| n.span.start > t.span.end);
    t.kind == TokenKind::CloseQuote && before && after
}

/// Token ranges of the paragraphs, from the sentence layer.
pub fn paragraph_tokens(doc: &Doc) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for s in &doc.sentences {
        match out.last_mut() {
            Some((p, r)) if *p == s.paragraph => r.end = r.end.max(s.tokens.end),
            _ => out.push((s.paragraph, s.tokens.clone())),
        }
    }
    out
}

/// How many paragraphs a double quote left open may run on to reach its closing mark when the
/// source breaks lines inside quotes (one sentence a line).
const RUN_ON_PARAGRAPHS: usize = 3;

/// Finds the quoted regions of `doc`, in text order.
pub fn find_regions(doc: &Doc) -> Vec<Region> {
    let mut out = Vec::new();
    let paragraphs: Vec<_> = paragraph_tokens(doc)
        .into_iter()
        .filter(|(_, range)| range.end <= doc.tokens.len() && range.start < range.end)
        .collect();
    let mut k = 0;
    while k < paragraphs.len() {
        let (paragraph, range) = paragraphs[k].clone();
        let before = out.len();
        scan_paragraph(doc, paragraph, range.start, range.end, &mut out);
        // a quote left open whose closing mark opens a later line before any other mark
        // (“These people … / They should adhere …, " Deng told reporters”): one quote over
        // those lines, not a quote and a stray mark
        let open = out.get(before..).and_then(<[Region]>::last).filter(|r| r.close.is_none());
        if let Some(open) = open.map(|r| r.open) {
            if let Some((close, last)) = run_on_close(doc, &paragraphs[k + 1..]) {
                out.pop();
                push(doc, open, Some(close), close, paragraph, &mut out);
                // the rest of the closing line is scanned as its own paragraph
                let (p, r) = paragraphs[k + 1 + last].clone();
                scan_paragraph(doc, p, close + 1, r.end, &mut out);
                k += last + 2;
                continue;
            }
        }
        k += 1;
    }
    out
}

/// The closing double mark of a quote left open at a paragraph's end, in one of the next
/// paragraphs (at most [`RUN_ON_PARAGRAPHS`]), when it is the first mark there and the
/// paragraphs before it hold no mark: the mark's token and which of `next` holds it.
fn run_on_close(doc: &Doc, next: &[(usize, std::ops::Range<usize>)]) -> Option<(usize, usize)> {
    for (n, (_, range)) in next.iter().take(RUN_ON_PARAGRAPHS).enumerate() {
        let first = (range.start..range.end).find_map(|i| mark(doc, i).map(|m| (i, m)));
        match first {
            Some((i, Mark::DoubleClose)) => return Some((i, n)),
            Some((i, Mark::DoubleStraight)) if doc.tokens[i].kind == TokenKind::CloseQuote => return Some((i, n)),
            Some(_) => return None,
            None => {}
        }
    }
    None
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Outside,
    Double(usize),
    Single(usize, bool),
}

fn scan_paragraph(doc: &Doc, paragraph: usize, start: usize, end: usize, out: &mut Vec<Region>) {
    let mut state = State::Outside;
    let mut i = start;
    while i < end {
        let Some(m) = mark(doc, i) else {
            i += 1;
            continue;
        };
        match (state, m) {
            // `laws, " Deng told`: a spaced closing mark with no quote open is a stray one
            (State::Outside, Mark::DoubleStraight) if spaced_close(doc, i) => {}
            (State::Outside, Mark::DoubleOpen | Mark::DoubleStraight) => state = State::Double(i),
            // `… Empire. "The problems …`: a straight mark opening a sentence after a full stop
            // re-opens the quote, as a new paragraph of it does (paragraphs joined in the source)
            (State::Double(o), Mark::DoubleStraight)
                if doc.tokens[i].kind == TokenKind::OpenQuote
                    && i > o + 2
                    && matches!(doc.slice(doc.tokens[i - 1].span), "." | "?" | "!")
                    && doc.tokens[i - 1].span.end < doc.tokens[i].span.start =>
            {
                push(doc, o, None, i, paragraph, out);
                state = State::Double(i);
            }
            (State::Double(o), Mark::DoubleClose | Mark::DoubleStraight) => {
                let close = if doubled(doc, i) { i + 1 } else { i };
                push(doc, o, Some(close), i, paragraph, out);
                state = State::Outside;
                i = close;
            }
            // a second opening mark: the first quote lost its closing mark
            (State::Double(o), Mark::DoubleOpen) => {
                push(doc, o, None, i, paragraph, out);
                state = State::Double(i);
            }
            (State::Outside, Mark::SingleOpen) if find_single_close(doc, i + 1, end, false).is_some() => {
                state = State::Single(i, false);
            }
            (State::Outside, Mark::SingleStraightOpen) => {
                // straight single marks quote only within one sentence and around a word
                let sentence_end =
                    doc.sentence_at(doc.tokens[i].span.start).map_or(end, |s| doc.sentences[s].tokens.end.min(end));
                if find_single_close(doc, i + 1, sentence_end, true).is_some() {
                    state = State::Single(i, true);
                }
            }
            (State::Single(o, false), Mark::SingleClose) | (State::Single(o, true), Mark::SingleStraightClose) => {
                push(doc, o, Some(i), i, paragraph, out);
                state = State::Outside;
            }
            // a double mark inside a single quote: the single mark was a stray one
            (State::Single(_, _), Mark::DoubleOpen | Mark::DoubleStraight) => state = State::Double(i),
            // nested marks, apostrophes (“dons’”) and stray closing marks are not quotes
            _ => {}
        }
        i += 1;
    }
    match state {
        State::Double(o) | State::Single(o, _) => push(doc, o, None, end, paragraph, out),
        State::Outside => {}
    }
}

/// The index of the closing single mark matching an opening one, searching `[from, to)`.
fn find_single_close(doc: &Doc, from: usize, to: usize, straight: bool) -> Option<usize> {
    let mut words = 0;
    for i in from..to {
        match mark(doc, i) {
            Some(Mark::SingleClose) if !straight => return (words > 0).then_some(i),
            Some(Mark::SingleStraightClose) if straight => return (words > 0).then_some(i),
            Some(Mark::SingleOpen | Mark::SingleStraightOpen | Mark::DoubleOpen) => return None,
            _ => {}
        }
        if doc.tokens[i].kind == TokenKind::Word {
            words += 1;
        }
    }
    None
}

fn push(doc: &Doc, open: usize, close: Option<usize>, content_end: usize, paragraph: usize, out: &mut Vec<Region>) {
    let first = if doubled(doc, open) { open + 2 } else { open + 1 };
    if first > content_end {
        return;
    }
    let mut end = content_end;
    while end > first && matches!(doc.slice(doc.tokens[end - 1].span), "," | "." | ":" | ";" | "—" | "–" | "-") {
        end -= 1;
    }
    let has_word = doc.tokens[first..end].iter().any(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number));
    if has_word {
        out.push(Region { open, close, first, end, paragraph });
    }
}

/// Sets each token's `in_quote` flag: from a region's opening mark to its closing mark (both
/// included), or to the region's end when it has no closing mark.
pub(crate) fn mark_quoted_tokens(doc: &mut Doc) {
    let n = doc.tokens.len();
    for r in &doc.quote_regions {
        let end = r.close.map_or(r.end, |c| c + 1).min(n);
        for token in doc.tokens.get_mut(r.open.min(end)..end).unwrap_or_default() {
            token.in_quote = true;
        }
    }
}
