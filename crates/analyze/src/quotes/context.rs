//! The shared read-only context of the stage ([`Finder`]) and how it is built: per-token quote
//! flags, every speech cue outside quotes (with the noun and name exclusions), the mentions sorted
//! by start, the paragraphs' token ranges, and which sentences are title-case headlines.

use super::*;

/// Whether the tokens `range` are a headline in title case: at least four words of four letters
/// or more outside quotes, three quarters of them capitalised, in a short sentence.
pub(super) fn title_case(doc: &Doc, range: Range<usize>, in_quote: &[bool]) -> bool {
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

impl<'a> Finder<'a> {
    /// The context for `doc`: finds every speech cue outside quotes once, for all passes.
    pub(super) fn new(doc: &'a Doc) -> Finder<'a> {
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
                    // "After the Paris attacks, …", "the senator's recent claims of …": a cue that
                    // is as often a plural noun, after a determiner and a word, with no object
                    let compound_noun = |c: &CueMatch| {
                        use super::vocabulary::NOUN_LIKE_CUES;
                        c.end == c.first + 1
                            && c.first >= s.tokens.start + 2
                            && c.end < end
                            && is_in(doc.slice(doc.tokens[c.first].span), &NOUN_LIKE_CUES)
                            && doc.tokens[c.first - 1].kind == TokenKind::Word
                            && {
                                let det = doc.slice(doc.tokens[c.first - 2].span);
                                is_in(det, &["the", "a", "his", "her", "their", "its", "our", "these", "those"])
                                    || det.ends_with("’s")
                                    || det.ends_with("'s")
                            }
                            && {
                                let next = &doc.tokens[c.end];
                                next.kind == TokenKind::Punct
                                    || is_in(doc.slice(next.span), &["of", "in", "on", "by", "against"])
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
                    if let Some(c) = found.filter(|c| !noun(c) && !bare_noun(c) && !name(c) && !compound_noun(c)) {
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
}
