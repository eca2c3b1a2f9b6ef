//! The speech-cue lexicon (`data/speech_cues.txt`), parsed once per process.

use foldhash::HashMap;
use std::sync::OnceLock;

use parallax_doc::{Doc, Span, TokenKind};

/// How a cue relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// A verb: the speaker is its subject, or follows it in inversion.
    Verb,
    /// An -ing form: the speaker stands right before it or is the subject of its clause.
    Participle,
    /// The speaker follows the cue ("according to X").
    Source,
}

/// One entry of the lexicon.
#[derive(Debug, Clone)]
struct Entry {
    /// The words after the first, lower case.
    rest: Vec<&'static str>,
    class: CueClass,
    indirect: bool,
    object: bool,
    clause: bool,
}

/// A cue found in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueMatch {
    /// First token of the cue.
    pub first: usize,
    /// One past the last token of the cue.
    pub end: usize,
    /// Its class.
    pub class: CueClass,
    /// Whether it can introduce reported speech without quotation marks.
    pub indirect: bool,
    /// Whether the reported speech is the verb's object ("accused Y of ...", "called for ...").
    pub object: bool,
    /// An object cue that also takes a that-clause or bare clause ("acknowledged that …" /
    /// "acknowledged the mistake"): the clause is tried first.
    pub clause: bool,
}

impl CueMatch {
    /// The cue's bytes.
    pub fn span(&self, doc: &Doc) -> Span {
        doc.tokens[self.first].span.cover(doc.tokens[self.end - 1].span)
    }
}

/// The lexicon: entries keyed by their first word (a fast hash: looked up per token).
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    by_first: HashMap<&'static str, Vec<Entry>>,
}

const DATA: &str = include_str!("../../data/speech_cues.txt");

/// The lexicon, built on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(DATA))
}

impl Lexicon {
    fn parse(data: &'static str) -> Lexicon {
        let mut lex = Lexicon::default();
        for line in data.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(phrase), Some(class)) = (cols.next(), cols.next()) else {
                continue;
            };
            let class = match class {
                "verb" => CueClass::Verb,
                "participle" => CueClass::Participle,
                "source" => CueClass::Source,
                _ => continue,
            };
            let flags: Vec<&str> = cols.next().unwrap_or("-").split(',').collect();
            let object = flags.contains(&"object");
            let clause = object && flags.contains(&"indirect");
            let indirect = object || flags.contains(&"indirect");
            let mut words = phrase.split(' ').filter(|w| !w.is_empty());
            let Some(first) = words.next() else { continue };
            let entry = Entry { rest: words.collect(), class, indirect, object, clause };
            let list = lex.by_first.entry(first).or_default();
            list.push(entry);
            // longest phrases first, so "according to" wins over shorter entries
            list.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        }
        lex
    }

    /// The cue starting at token `i`, if any. Capitalised words match only at the start of a
    /// sentence or clause, so "United States" is not the verb "states".
    pub fn match_at(&self, doc: &Doc, i: usize, limit: usize) -> Option<CueMatch> {
        self.match_with_case(doc, i, limit, false)
    }

    /// The cue starting at token `i`, capitalised or not: for a headline in title case
    /// ("…, Officials Say").
    pub fn match_any_case(&self, doc: &Doc, i: usize, limit: usize) -> Option<CueMatch> {
        self.match_with_case(doc, i, limit, true)
    }

    fn match_with_case(&self, doc: &Doc, i: usize, limit: usize, any_case: bool) -> Option<CueMatch> {
        let tok = doc.tokens.get(i)?;
        if tok.kind != TokenKind::Word {
            return None;
        }
        let word = doc.slice(tok.span);
        let first_char = word.chars().next()?;
        if !any_case && first_char.is_uppercase() && !clause_start(doc, i) {
            return None;
        }
        let mut buf = [0u8; 32];
        let key = lower_ascii(word, &mut buf)?;
        let entries = self.by_first.get(key)?;
        'entries: for e in entries {
            let end = i + 1 + e.rest.len();
            if end > limit {
                continue;
            }
            for (k, w) in e.rest.iter().enumerate() {
                let Some(t) = doc.tokens.get(i + 1 + k) else {
                    continue 'entries;
                };
                if t.kind != TokenKind::Word || !doc.slice(t.span).eq_ignore_ascii_case(w) {
                    continue 'entries;
                }
            }
            return Some(CueMatch {
                first: i,
                end,
                class: e.class,
                indirect: e.indirect,
                object: e.object,
                clause: e.clause,
            });
        }
        None
    }
}

/// True when token `i` starts a sentence or follows a quotation mark or colon.
fn clause_start(doc: &Doc, i: usize) -> bool {
    if i == 0 {
        return true;
    }
    let Some(prev) = doc.tokens.get(i - 1) else {
        return false;
    };
    if matches!(prev.kind, TokenKind::OpenQuote | TokenKind::CloseQuote) || doc.slice(prev.span) == ":" {
        return true;
    }
    let Some(token) = doc.tokens.get(i) else {
        return false;
    };
    doc.sentence_at(token.span.start).is_some_and(|s| doc.sentences[s].tokens.start == i)
}

/// `word` in ASCII lower case, using `buf` when it needs changing; `None` for long or non-ASCII
/// words (no cue is either).
pub(crate) fn lower_ascii<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> Option<&'a str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    // one pass: whether the word is ASCII, and whether it has a capital
    let (mut ascii, mut upper) = (true, false);
    for &b in bytes {
        ascii &= b.is_ascii();
        upper |= b.is_ascii_uppercase();
    }
    if !ascii {
        return None;
    }
    if !upper {
        return Some(word);
    }
    let out = &mut buf[..bytes.len()];
    for (o, &b) in out.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads_with_classes() {
        let lex = lexicon();
        assert!(lex.by_first.len() > 300);
        let said = &lex.by_first["said"];
        assert!(said.iter().any(|e| e.class == CueClass::Verb && e.indirect && e.rest.is_empty()));
        let according = &lex.by_first["according"];
        assert!(according.iter().any(|e| e.class == CueClass::Source && e.rest == ["to"]));
        assert_eq!(lex.by_first["saying"][0].class, CueClass::Participle);
    }
}
