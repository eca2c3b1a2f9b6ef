//! Paragraphs, tokens and sentences.
//!
//! Tokens keep abbreviations ("U.S.", "Gen.", "Feb."), initials ("J."), inner apostrophes and
//! hyphens together; quotation marks become [`TokenKind::OpenQuote`] / [`TokenKind::CloseQuote`]
//! (straight marks are classified by what surrounds them). Sentences end at `.`, `!` or `?`
//! followed by a capitalised word, a quotation mark or the end of the paragraph, never after an
//! abbreviation or an initial; a paragraph always ends a sentence. Closing quotation marks and
//! brackets after the full stop belong to the sentence they close.

mod regions;

pub use regions::{find_regions, paragraph_tokens};

use parallax_doc::{lower_same_len, Doc, Layer, Sentence, Span, Stage, Token, TokenKind};

/// Abbreviations that never end a sentence (titles, months, and the like). Lower case, no period.
static TITLE_ABBREVIATIONS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/segment/title_abbreviations.txt")));

/// US state abbreviations, as written ("D-Calif.", "Ashton, Md."): they keep their period, and
/// like "U.S." end a sentence only before a typical sentence starter.
static STATE_ABBREVIATIONS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/segment/state_abbreviations.txt")));

/// Words that, capitalised after an ambiguous abbreviation such as "U.S.", start a new sentence.
static SENTENCE_STARTERS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/segment/sentence_starters.txt")));

/// The segmentation stage: provides paragraphs, tokens and sentences.
#[derive(Debug, Default, Clone, Copy)]
pub struct Segmenter;

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Paragraphs, Layer::Tokens, Layer::Sentences, Layer::QuoteRegions]
    }
    fn run(&self, doc: &mut Doc) {
        segment(doc);
    }
    fn language_independent(&self) -> bool {
        true
    }
}

/// Fills the paragraph, token, sentence and quotation-region layers of `doc` and its lower-cased
/// view ([`Doc::lower`]); each token learns its sentence and whether it is quoted.
pub fn segment(doc: &mut Doc) {
    doc.lower = lower_same_len(&doc.text);
    doc.paragraphs = paragraphs(&doc.text);
    doc.tokens.clear();
    doc.sentences.clear();
    for (paragraph_idx, &paragraph) in doc.paragraphs.iter().enumerate() {
        let first_token = doc.tokens.len();
        tokenize_into(&doc.text, paragraph, &mut doc.tokens);
        split_sentences(&doc.text, paragraph_idx, first_token, &doc.tokens, &mut doc.sentences);
    }
    for (index, sentence) in doc.sentences.iter().enumerate() {
        for token in doc.tokens.get_mut(sentence.tokens.clone()).unwrap_or_default() {
            token.sentence = index;
        }
    }
    doc.quote_regions = find_regions(doc);
    regions::mark_quoted_tokens(doc);
}

/// Paragraph spans: non-blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line_start + (line.len() - line.trim_start().len());
        let trimmed_end = line_start + line.trim_end().len();
        if trimmed_end > trimmed_start {
            out.push(Span::new(trimmed_start, trimmed_end));
        }
        line_start += line.len();
    }
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenizes `text[span]`, appending to `out`.
fn tokenize_into(text: &str, span: Span, out: &mut Vec<Token>) {
    let chunk = &text[span.start..span.end];
    let chars: Vec<(usize, char)> = chunk.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let offset = |i: usize| span.start + chars.get(i).map_or(chunk.len(), |&(o, _)| o);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if is_word_char(c) {
            let numeric = c.is_ascii_digit();
            i += 1;
            loop {
                match at(i) {
                    Some(c) if is_word_char(c) => i += 1,
                    // inner apostrophe or hyphen: "don't", "co-operation", "U.S.-Russian"
                    Some(c) if (is_apostrophe(c) || c == '-' || c == '‑') && at(i + 1).is_some_and(is_word_char) => {
                        i += 2
                    }
                    // an ampersand inside a name of capitals: "S&P", "AT&T" (not "Smith & Co", "R&amp")
                    Some('&')
                        if !numeric
                            && i - start <= 3
                            && chars[start..i].iter().all(|&(_, c)| c.is_ascii_uppercase())
                            && at(i + 1).is_some_and(|c| c.is_ascii_uppercase())
                            && at(i + 2).is_none_or(|c| !c.is_lowercase()) =>
                    {
                        i += 2
                    }
                    // digit separators: "2,225", "3.5"
                    Some(',' | '.') if numeric && at(i + 1).is_some_and(|c| c.is_ascii_digit()) => i += 2,
                    // "U.S." style: letter, period, letter
                    Some('.')
                        if !numeric
                            && at(i + 1).is_some_and(char::is_alphabetic)
                            && (i == start + 1 || matches!(at(i - 2), Some('.' | '-'))) =>
                    {
                        i += 2
                    }
                    // "U.S.-Russian": a dotted acronym joined by a hyphen
                    Some('.')
                        if !numeric
                            && i >= start + 3
                            && at(i - 2) == Some('.')
                            && at(i + 1) == Some('-')
                            && at(i + 2).is_some_and(is_word_char) =>
                    {
                        i += 3
                    }
                    _ => break,
                }
            }
            let word = &chunk[chars[start].0..chars.get(i).map_or(chunk.len(), |&(o, _)| o)];
            // a trailing period belongs to abbreviations, initials and dotted acronyms
            if at(i) == Some('.') {
                // the part after a hyphen counts too: "D-Calif." (a party label)
                let part = word.rsplit('-').next().unwrap_or(word);
                let lower = part.to_lowercase();
                let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                // (not a decimal number: "$27.16." ends its sentence)
                let dotted = !numeric && word.contains('.');
                // "No. 2", "Nos. 3 and 4": a number sign before a number
                let number_sign = matches!(part, "No" | "Nos")
                    && at(i + 1).is_some_and(|c| c == ' ' || c.is_ascii_digit())
                    && (at(i + 1).is_some_and(|c| c.is_ascii_digit()) || at(i + 2).is_some_and(|c| c.is_ascii_digit()));
                if is_initial
                    || dotted
                    || number_sign
                    || TITLE_ABBREVIATIONS.contains(&lower.as_str())
                    || STATE_ABBREVIATIONS.contains(&part)
                {
                    i += 1;
                }
            }
            let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
            out.push(Token::new(Span::new(offset(start), offset(i)), kind));
            continue;
        }
        // punctuation
        i += 1;
        let kind = match c {
            // `unusual,“ said`, `„Wort“ sagte`: a left mark right after a word or a clause's
            // punctuation and before a space closes (a typo for ”, or German style)
            '“' if start.checked_sub(1).and_then(&at).is_some_and(|p| !p.is_whitespace() && !"([{—–-/".contains(p))
                && at(i).is_none_or(|n| n.is_whitespace() || ",.;:!?".contains(n)) =>
            {
                TokenKind::CloseQuote
            }
            '“' | '‘' | '«' | '„' => TokenKind::OpenQuote,
            '”' | '»' => TokenKind::CloseQuote,
            '’' => TokenKind::CloseQuote,
            '"' | '\'' => {
                let prev = start.checked_sub(1).and_then(&at);
                // `regulations, " Deng told`: a mark spaced on both sides after a clause's
                // punctuation closes (text tokenized with spaces, as in some corpora)
                let spaced_close = prev.is_some_and(char::is_whitespace)
                    && start.checked_sub(2).and_then(&at).is_some_and(|p| ",.?!;".contains(p))
                    && at(start + 1).is_none_or(char::is_whitespace);
                let opens = !spaced_close && prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
                if opens {
                    TokenKind::OpenQuote
                } else {
                    TokenKind::CloseQuote
                }
            }
            '.' if at(i) == Some('.') && at(i + 1) == Some('.') => {
                i += 2;
                TokenKind::Punct
            }
            _ => TokenKind::Punct,
        };
        out.push(Token::new(Span::new(offset(start), offset(i)), kind));
    }
}

/// Most tokens in one sentence: text without sentence punctuation (a scraped table, a log, a
/// transcript) is cut into pieces no longer than this, so nothing downstream that works per
/// sentence (events quoting their sentence, quote spans) grows with the article's length. Real
/// sentences in news stay far below it.
const MAX_SENTENCE_TOKENS: usize = 250;

/// Tokens where an over-long sentence is best cut (after them).
const CLAUSE_BREAKS: &[&str] = &[";", ":", ",", "—", "–", "|"];

fn ends_sentence(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | "?!" | "!?")
}

fn split_sentences(text: &str, paragraph: usize, first: usize, tokens: &[Token], out: &mut Vec<Sentence>) {
    let last = tokens.len();
    if first == last {
        return;
    }
    let tok = |i: usize| &text[tokens[i].span.start..tokens[i].span.end];
    let mut start = first;
    let mut i = first;
    while i < last {
        let t = tok(i);
        let mut boundary = false;
        if ends_sentence(t) {
            boundary = true;
        } else if t.ends_with('.') && t.len() > 1 && tokens[i].kind == TokenKind::Word {
            // an abbreviation or dotted acronym: ends a sentence only before a typical starter
            let lower = t.trim_end_matches('.').to_lowercase();
            let is_title = TITLE_ABBREVIATIONS.contains(&lower.as_str());
            let is_initial = t.chars().count() == 2;
            boundary = !is_title && !is_initial && i + 1 < last && SENTENCE_STARTERS.contains(&tok(i + 1));
        }
        if boundary {
            // swallow closing quotes and brackets
            let mut end = i + 1;
            while end < last && (tokens[end].kind == TokenKind::CloseQuote || matches!(tok(end), ")" | "]")) {
                end += 1;
            }
            let next_starts = end >= last || {
                let next = tok(end);
                let c = next.chars().next().unwrap_or(' ');
                c.is_uppercase() || c.is_ascii_digit() || tokens[end].kind == TokenKind::OpenQuote
                    // "… contributions. (Obama had …)": a bracketed sentence
                    || matches!(next, "(" | "[")
                        && end + 1 < last
                        && tok(end + 1).chars().next().is_some_and(char::is_uppercase)
            };
            if next_starts {
                push_sentence(tokens, start, end, paragraph, out);
                start = end;
                i = end;
                continue;
            }
        }
        if i + 1 - start >= MAX_SENTENCE_TOKENS {
            // too long to be a sentence: cut after the last clause break in its second half,
            // else here
            let cut = (start + MAX_SENTENCE_TOKENS / 2..=i)
                .rev()
                .find(|&k| CLAUSE_BREAKS.contains(&tok(k)))
                .map_or(i + 1, |k| k + 1);
            push_sentence(tokens, start, cut, paragraph, out);
            start = cut;
            i = cut;
            continue;
        }
        i += 1;
    }
    if start < last {
        push_sentence(tokens, start, last, paragraph, out);
    }
}

fn push_sentence(tokens: &[Token], start: usize, end: usize, paragraph: usize, out: &mut Vec<Sentence>) {
    out.push(Sentence {
        span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
        tokens: start..end,
        paragraph,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        let mut d = Doc::new("t", text.to_string());
        segment(&mut d);
        d
    }

    fn sentences(text: &str) -> Vec<String> {
        let d = doc(text);
        d.sentences.iter().map(|s| d.slice(s.span).to_string()).collect()
    }

    fn tokens(text: &str) -> Vec<String> {
        let d = doc(text);
        d.tokens.iter().map(|t| d.slice(t.span).to_string()).collect()
    }

    #[test]
    fn a_decimal_number_and_a_bracketed_sentence_end_and_start_sentences() {
        let s = sentences("The average was $27.16. Sanders spent more. He won. (Obama had 2.2 million.) It rose.");
        assert_eq!(
            s,
            ["The average was $27.16.", "Sanders spent more.", "He won.", "(Obama had 2.2 million.)", "It rose."]
        );
        // a bracket after a full stop that opens with a lower-case word is not a new sentence
        assert_eq!(
            sentences("Shares fell 3 p.m. (local time) on Friday."),
            ["Shares fell 3 p.m. (local time) on Friday."]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_in_one_sentence() {
        let s = sentences("Gen. Keith Kellogg met Dr. J. R. Smith in the U.S. capital on Feb. 24. He left.");
        assert_eq!(s, vec!["Gen. Keith Kellogg met Dr. J. R. Smith in the U.S. capital on Feb. 24.", "He left."]);
    }

    #[test]
    fn a_number_sign_does_not_end_a_sentence() {
        let s = sentences("Cornyn, the No. 2 Republican, spoke. He left.");
        assert_eq!(s, vec!["Cornyn, the No. 2 Republican, spoke.", "He left."]);
        assert_eq!(sentences("The answer was no. 2 people left.").len(), 2);
    }

    #[test]
    fn party_labels_stay_in_their_sentence() {
        let s = sentences("Sen. Lindsey Graham (R-S.C.) told reporters. Rep. Maxine Waters (D-Calif.) disagreed.");
        assert_eq!(s, vec!["Sen. Lindsey Graham (R-S.C.) told reporters.", "Rep. Maxine Waters (D-Calif.) disagreed."]);
        assert!(tokens("(R-S.C.)").contains(&"R-S.C.".to_string()));
        // a lower-case word that happens to spell a state abbreviation still ends its sentence
        assert_eq!(sentences("He was ill. The doctor came.").len(), 2);
    }

    #[test]
    fn ends_after_a_dotted_acronym_before_a_sentence_starter() {
        let s = sentences("Support came from the U.S. The Europeans were not asked.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let s = sentences("“We are ready.” She left. He said: \"No.\" Then nothing.");
        assert_eq!(s, vec!["“We are ready.”", "She left.", "He said: \"No.\"", "Then nothing."]);
    }

    #[test]
    fn text_without_punctuation_is_cut_into_bounded_sentences() {
        let text = (0..2000).map(|i| if i % 37 == 0 { "word," } else { "word" }).collect::<Vec<_>>().join(" ");
        let d = doc(&text);
        assert!(d.sentences.len() >= 2000 / MAX_SENTENCE_TOKENS);
        for s in &d.sentences {
            assert!(s.tokens.len() <= MAX_SENTENCE_TOKENS, "{}", s.tokens.len());
        }
        // every token is in one sentence, in order
        assert_eq!(d.sentences.iter().map(|s| s.tokens.len()).sum::<usize>(), d.tokens.len());
        // cut after a comma where there is one
        assert!(d.slice(d.sentences[0].span).ends_with(','));
    }

    #[test]
    fn paragraph_breaks_end_sentences() {
        let d = doc("No full stop here\nNext paragraph.");
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.sentences[1].paragraph, 1);
    }

    #[test]
    fn tokens_keep_words_whole() {
        assert_eq!(
            tokens("U.S.-Russian co-operation, don’t 2,225 … ‘highly’"),
            vec!["U.S.-Russian", "co-operation", ",", "don’t", "2,225", "…", "‘", "highly", "’"]
        );
        // an ampersand joins capitals into one name, not words
        assert_eq!(
            tokens("S&P and AT&T, Smith & Co, A&Bank"),
            vec!["S&P", "and", "AT&T", ",", "Smith", "&", "Co", ",", "A", "&", "Bank"]
        );
    }

    #[test]
    fn straight_quotes_are_classified_by_context() {
        let d = doc("in its \"current form\" by June");
        let kinds: Vec<_> = d.tokens.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[2], TokenKind::OpenQuote);
        assert_eq!(kinds[5], TokenKind::CloseQuote);
    }

    #[test]
    fn a_left_mark_after_a_word_closes() {
        let d = doc("“It is unusual,“ said Ms. Noble. „Das ist gut“ sagte er. Look at “this”.");
        let kinds: Vec<TokenKind> =
            d.tokens.iter().filter(|t| matches!(d.slice(t.span), "“" | "”" | "„")).map(|t| t.kind).collect();
        use TokenKind::{CloseQuote as C, OpenQuote as O};
        assert_eq!(kinds, vec![O, C, O, C, O, C]);
    }

    #[test]
    fn ellipsis_inside_a_quote_does_not_split() {
        let s = sentences("Talks “have not taken place and … Ukraine has not said yes.”");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn every_word_list_in_data_is_well_formed() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/segment"));
        let (checked, problems) = parallax_lexicon::dir_problems(dir);
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(checked > 0);
    }
}
