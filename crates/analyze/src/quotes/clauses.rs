//! Clause tests: whether a clause (a subject and a finite verb) starts at a token, whether a
//! token is a finite verb form, and whether a participle cue is progressive ("is warning").

use super::*;

impl<'a> Finder<'a> {
    /// Whether a clause (a subject, then a finite verb) starts at token `start`; after "said", a
    /// subject followed by a few words is enough.
    pub(super) fn clause_at(&self, start: usize, hi: usize, said: bool) -> bool {
        if start >= hi
            || !self.is_word(start)
            || self.quoted(start) && self.kind_at(start) != Some(TokenKind::OpenQuote)
        {
            return false;
        }
        let word = self.tok(start);
        // a pronoun with its verb contracted: "he’s", "they’re", "it’ll"
        let contracted = word
            .split_once(['’', '\''])
            .is_some_and(|(head, _)| is_in(head, &["he", "she", "they", "we", "i", "it", "there", "you", "that"]));
        if contracted && start + 1 < hi && self.is_word(start + 1) {
            return true;
        }
        if (is_in(word, &["he", "she", "they", "we", "i", "there"])
            || word == "it" && (said || start + 1 < hi && self.finite_at(start + 1)))
            && start + 1 < hi
            && self.is_word(start + 1)
        {
            return true;
        }
        // "they, too, have had …", "he, however, would …": an adverb set off by commas
        if is_in(word, &["he", "she", "they", "we", "i"])
            && start + 4 < hi
            && self.tok(start + 1) == ","
            && (is_in(self.tok(start + 2), &ADVERBS) || self.ly_adverb(start + 2))
            && self.tok(start + 3) == ","
            && self.is_word(start + 4)
        {
            return true;
        }
        // "at least seven of the delegates have …", "more than half of them were …": a
        // quantity opening the subject, then its verb
        if self.quantity_opener(start, hi) {
            return (start + 2..hi.min(start + 14))
                .take_while(|&x| self.is_word(x) || self.kind_at(x) == Some(TokenKind::Number))
                .any(|x| is_in(self.tok(x), &FINITE) || self.finite_at(x));
        }
        let subjectish = is_in(word, &DETERMINERS)
            || is_in(word, &["you", "all", "some", "many", "most", "both", "no", "any", "each", "every"])
            || (!is_stop(word) && !is_in(word, &PREPOSITIONS) && !is_in(word, &ADVERBS) && !self.ly_adverb(start));
        if !subjectish || self.cue_at(start) || is_in(word, &FINITE) {
            return false;
        }
        if said && (start..hi).filter(|&pos| self.is_word(pos)).count() >= 4 {
            // no comma soon after ("said Monday, …"), unless a verb of the clause comes first
            // ("say taxing consumption encourages savings, investment and …")
            let comma = (start + 1..hi.min(start + 6)).find(|&pos| self.tok(pos) == ",");
            let present = |pos: usize| {
                let w = self.tok(pos);
                w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !starts_upper(w) && pos > start + 1
            };
            // (or a verb after an adverb that stands before verbs: "officers still scrutinize")
            let after_adverb = |pos: usize| {
                pos > start + 1
                    && is_in(self.tok(pos - 1), &crate::quotes::vocabulary::PREVERBAL_ADVERBS)
                    && self.is_word(pos)
                    && !starts_upper(self.tok(pos))
                    && !is_stop(self.tok(pos))
            };
            if comma.is_none_or(|c| (start + 1..c).any(|pos| self.finite_at(pos) || present(pos) || after_adverb(pos)))
            {
                return true;
            }
        }
        (start + 1..hi.min(start + 16)).any(|pos| self.finite_at(pos))
    }

    /// Whether a quantity opens a clause's subject at token `start`: "at least", "at most",
    /// "more than", "fewer than", "less than".
    pub(super) fn quantity_opener(&self, start: usize, hi: usize) -> bool {
        let word = self.tok(start);
        let next = if start + 1 < hi { self.tok(start + 1) } else { "" };
        word == "at" && is_in(next, &["least", "most"]) || is_in(word, &["more", "fewer", "less"]) && next == "than"
    }

    /// A finite verb form: an auxiliary, a negated auxiliary, a past in -ed or a common irregular one.
    pub(super) fn finite_at(&self, pos: usize) -> bool {
        let word = self.tok(pos);
        if is_in(word, &FINITE) || is_in(word, &IRREGULAR_PAST) || word.ends_with("n't") || word.ends_with("n’t") {
            return true;
        }
        // "owed", "used", "died" (not "need", "seed")
        (word.len() > 4 || word.len() == 4 && !word.ends_with("eed"))
            && word.ends_with("ed")
            && !starts_upper(word)
            && pos > 0
            && self.is_word(pos - 1)
            && !is_in(self.tok(pos - 1), &DETERMINERS)
            && !is_in(self.tok(pos - 1), &PREPOSITIONS)
    }

    /// A participle cue after a form of "be": "is warning", "was saying".
    pub(super) fn progressive(&self, cue: CueMatch, lo: usize) -> bool {
        // "is calling", "are now saying"
        let mut pos = cue.first;
        while pos > lo + 1
            && (is_in(self.tok(pos - 1), &["now", "still", "also", "again", "not"]) || self.ly_adverb(pos - 1))
        {
            pos -= 1;
        }
        pos > lo && is_in(self.tok(pos - 1), &["is", "are", "was", "were", "been"])
    }
}
