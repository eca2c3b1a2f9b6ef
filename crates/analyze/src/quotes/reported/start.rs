//! Where a reported clause starts: the complement after the cue (a that-clause, a bare clause,
//! an infinitive, the object of an `object` cue), the clause before an attribution that ends
//! the sentence, "according to X, …", a relative clause's antecedent, and a fronted
//! subordinate clause that belongs to the report.

use super::super::vocabulary::{CLAUSE_QUANTIFIERS, COMPLEMENT_SUBORDINATORS, UTTERANCE_NOUNS};
use super::*;

impl<'a> Finder<'a> {
    /// Where the reported clause after an indirect-speech cue starts, if there clearly is one.
    pub(in crate::quotes) fn complement_start(&self, c: CueMatch, hi: usize) -> Option<usize> {
        let cue_word = self.tok(c.first);
        let tell = is_in(cue_word, &TELLING_CUES);
        let say = is_in(cue_word, &["said", "says", "say"]);
        let mut j = c.end;
        // "said on Monday", "said Thursday", "said last week", "also said previously"
        while j < hi && self.is_word(j) {
            let t = self.tok(j);
            // "said this was …" (not "said this week"): the clause's subject
            if is_in(t, &CLAUSE_QUANTIFIERS) && !(j + 1 < hi && is_in(self.tok(j + 1), &TIME_WORDS)) {
                break;
            }
            let time = is_in(t, &TIME_WORDS) && (j > c.end || !starts_upper(t) || t.len() > 3);
            // a date's number ("said Feb. 18"), not a clause's ("said 2015 was …")
            let date_number = self.kind_at(j) == Some(TokenKind::Number)
                && (j > c.end && is_in(self.tok(j - 1), &TIME_WORDS)
                    || j + 1 < hi && (is_in(self.tok(j + 1), &TIME_WORDS) || self.tok(j + 1) == ","));
            if !(time
                || is_in(t, &["on", "last", "late", "early"]) && j + 1 < hi && is_in(self.tok(j + 1), &TIME_WORDS)
                || date_number
                || is_in(t, &ADVERBS) && !is_in(t, &FINITE)
                || self.ly_adverb(j))
            {
                break;
            }
            j += 1;
        }
        // "said this week’s meeting will …": the time word is the subject's, with its determiner
        if j < hi && j > c.end && is_in(self.tok(j - 1), &["this", "last", "next"]) {
            let t = self.tok(j);
            let bare = t.strip_suffix("’s").or_else(|| t.strip_suffix("'s")).unwrap_or("");
            if is_in(bare, &TIME_WORDS) {
                j -= 1;
            }
        }
        // "said, however, the plan …": past an adverb set off by commas
        if say && j + 3 < hi && self.tok(j) == "," && self.tok(j + 2) == "," {
            let adverb = is_in(self.tok(j + 1), &ADVERBS) || self.ly_adverb(j + 1);
            if adverb && self.clause_at(j + 3, hi, say) {
                return Some(j + 3);
            }
        }
        if j >= hi {
            return None;
        }
        if self.tok(j) == "that" {
            return Some(self.after_that(j, hi));
        }
        if (say || c.class == CueClass::Verb && !c.object) && matches!(self.tok(j), "," | "—" | "–") {
            if let Some(start) = self.after_aside(c, j, hi) {
                return Some(start);
            }
        }
        // "said this was …", "said most of the money had …", "said as many as 40 people had …":
        // a demonstrative or a quantifier opening the clause's subject, then its verb
        let quantifier = is_in(self.tok(j), &CLAUSE_QUANTIFIERS)
            || self.tok(j) == "as"
                && j + 2 < hi
                && is_in(self.tok(j + 1), &CLAUSE_QUANTIFIERS)
                && self.tok(j + 2) == "as";
        if say && quantifier {
            let verb = (j + 1..hi.min(j + 10))
                .take_while(|&x| self.is_word(x) && !self.cue_at(x))
                .find(|&x| is_in(self.tok(x), &FINITE) || self.finite_at(x));
            // (not a pronoun object without a verb: "said this on Monday")
            if verb.is_some() {
                return Some(j);
            }
        }
        // "explained why he backs …", "explained how important it is …"
        if is_in(self.tok(j), &["why", "how", "whether"]) && j + 2 < hi && !say && !tell {
            return Some(j);
        }
        // "said in a statement that", "told reporters that"
        let first_word = self.tok(j);
        // "reported at least six planes filled …", "said more than half of …": the verb after
        // the quantity's number ("at least six"), or within a few words of "more than"
        if self.quantity_opener(j, hi) {
            let (from, to) = if first_word == "at" { (j + 3, j + 14) } else { (j + 2, j + 12) };
            if (from..hi.min(to)).any(|x| is_in(self.tok(x), &FINITE) || self.finite_at(x)) {
                return Some(j);
            }
        }
        // "said about 20 people have …"
        let quantity = is_in(first_word, &["about", "nearly", "almost", "around", "roughly", "over", "some", "up"])
            && j + 1 < hi
            && (self.kind_at(j + 1) == Some(TokenKind::Number) || is_in(self.tok(j + 1), &["to", "half"]));
        if quantity && (j + 2..hi.min(j + 12)).any(|x| is_in(self.tok(x), &FINITE) || self.finite_at(x)) {
            return Some(j);
        }
        // "says 34,570 citizens cast votes", "said 2015 was the hottest year"
        if self.kind_at(j) == Some(TokenKind::Number) && !self.quoted(j) && j + 2 < hi && self.is_word(j + 1) {
            let verb = (j + 1..hi.min(j + 10)).any(|x| is_in(self.tok(x), &FINITE) || self.finite_at(x));
            if verb {
                return Some(j);
            }
        }
        // "said if elected president he could work …": a fronted condition, then the clause
        if say && is_in(first_word, &COMPLEMENT_SUBORDINATORS) {
            // the subject may come with its verb contracted: "if elected, she’ll bring …"
            let contracted = |x: usize| {
                let t = self.tok(x);
                t.split_once(['’', '\'']).is_some_and(|(head, _)| is_in(head, &PRONOUNS))
            };
            let subject = (j + 2..hi.min(j + 12))
                .find(|&x| is_in(self.tok(x), &PRONOUNS) && self.clause_at(x, hi, false) || contracted(x));
            if subject.is_some() {
                return Some(j);
            }
            // "said if he were president, DACA and DAPA would be …": the clause after the
            // condition's comma
            let comma = (j + 2..hi.min(j + 16)).take_while(|&x| !self.quoted(x)).find(|&x| self.tok(x) == ",");
            if comma.is_some_and(|x| self.clause_at(x + 1, hi, false) && !self.cue_at(x + 1)) {
                return Some(j);
            }
        }
        if tell || is_in(first_word, &PREPOSITIONS) || self.tok(j) == "," {
            let reach = if self.tok(j) == "," || tell { 16 } else { 10 };
            for x in j + 1..(j + reach).min(hi) {
                // past a short object, which may hold a quoted title ("told NBC's “Meet the Press” that")
                let quote_mark = matches!(self.kind_at(x), Some(TokenKind::OpenQuote | TokenKind::CloseQuote));
                if !self.is_word(x) && self.tok(x) != "," && !quote_mark {
                    break;
                }
                // another clause's "that" ("…, since most of them accept that …")
                if self.cue_at(x) || self.finite_at(x) {
                    break;
                }
                if self.tok(x) == "that" {
                    // after a comma, only an aside closed by a comma: "insist, most recently on ABC, that"
                    if self.tok(j) == "," && x > j + 1 && self.tok(x - 1) != "," {
                        break;
                    }
                    return Some(x + 1);
                }
            }
        }
        // (not an infinitive: "vowed to tackle corruption when he came to office")
        let phrase = if say {
            &PREPOSITIONS[..]
        } else {
            &["in", "on", "at", "under", "during", "after", "before", "with", "over"]
        };
        // (not a topic: "one thing to say about the fire he saw")
        if !tell
            && is_in(first_word, phrase)
            && !is_in(first_word, &["to", "and", "or", "but", "if", "because", "as", "about", "of"])
        {
            // "said after the convention he would not …": past a short phrase, a pronoun subject
            let x = (j + 2..(j + 7).min(hi))
                .take_while(|&x| self.is_word(x) && (starts_upper(self.tok(x - 1)) || !is_in(self.tok(x - 1), &FINITE)))
                .find(|&x| {
                    // (or with its verb contracted: "said for weeks he’s the only …")
                    let t = self.tok(x);
                    is_in(t, &PRONOUNS) || t.split_once(['’', '\'']).is_some_and(|(head, _)| is_in(head, &PRONOUNS))
                });
            if let Some(x) = x.filter(|&x| self.clause_at(x, hi, say)) {
                return Some(x);
            }
            // "said in a statement the company would …", "said after the vote the council
            // would …": past a short phrase ending in a noun, a subject opened by a determiner,
            // then its finite verb
            if say {
                let x = (j + 2..(j + 6).min(hi))
                    .take_while(|&x| self.is_word(x) && !self.quoted(x) && !self.cue_at(x) && !self.finite_at(x))
                    .find(|&x| {
                        let before = self.tok(x - 1);
                        is_in(self.tok(x), &DETERMINERS)
                            && !is_in(before, &DETERMINERS)
                            && !is_in(before, &PREPOSITIONS)
                            && !is_stop(before)
                            && !self.ly_adverb(x - 1)
                    });
                let verb = |x: usize| {
                    (x + 2..hi.min(x + 8))
                        .take_while(|&y| self.is_word(y) && !self.quoted(y) && !self.cue_at(y))
                        .any(|y| is_in(self.tok(y), &FINITE) || self.finite_at(y))
                };
                if let Some(x) = x.filter(|&x| verb(x)) {
                    return Some(x);
                }
            }
        }
        if tell {
            // "told reporters the talks were …": past a short object
            let candidates: Vec<usize> = (j + 1..(j + 6).min(hi))
                .take_while(|&x| self.is_word(x - 1))
                .filter(|&x| {
                    // past a whole object: "warned his side they must …"
                    let t = self.tok(x - 1);
                    // not inside a name ("told BBC News there were …")
                    let in_name = starts_upper(t) && starts_upper(self.tok(x)) && self.tok(x) != "I";
                    t != ","
                        && !in_name
                        && !is_in(t, &DETERMINERS)
                        && !is_in(t, &["his", "her", "their", "its", "our", "my", "your"])
                        && self.clause_at(x, hi, false)
                        && !is_in(self.tok(x), &["to"])
                })
                .collect();
            let opener = |x: &usize| {
                let w = self.tok(*x);
                is_in(w, &DETERMINERS) || is_in(w, &["he", "she", "they", "it", "we", "i", "there"])
            };
            // the rest of a named object ("Today programme", "newspaper Clarin") before a clause
            // that opens with a pronoun or an article
            let first = *candidates.first()?;
            let named = starts_upper(self.tok(first)) || starts_upper(self.tok(first - 1));
            if named && !opener(&first) && candidates.contains(&(first + 1)) && opener(&(first + 1)) {
                return Some(first + 1);
            }
            return Some(first);
        }
        // "Clinton Says Russians Hacked DNC": in a title-case headline every word is capitalised,
        // so the clause after a speech verb is the rest of the line
        if !c.object
            && self.headline_cue(&c)
            && !is_in(first_word, &PREPOSITIONS)
            && (j..hi).filter(|&x| self.is_word(x)).count() >= 2
        {
            return Some(j);
        }
        // "said the meeting is aimed at …", "said Thursday the talks were …"
        self.clause_at(j, hi, say).then_some(j)
    }

    /// Where the reported clause starts after "said" and the separator at token `sep`: past an
    /// aside set off by commas or dashes ("said — on Twitter, as it happens — that Trump …",
    /// "says, win or lose in Tuesday’s primary, he’s staying"), where a fronted condition or time
    /// ("said, when she was earning $24,000 a year, a boss …") belongs to the report, or right
    /// after a comma ("said, the two standard-bearers … have become …") when the speaker opens
    /// the sentence.
    fn after_aside(&self, c: CueMatch, sep: usize, hi: usize) -> Option<usize> {
        use super::super::vocabulary::INSERTION_SUBORDINATORS;
        let sent = self.sentence_range(self.sentence_of(c.first));
        // an attribution inserted after the words it reports ("Too often, she said, the debate
        // is …") reports the whole sentence, which `content_before` finds
        if (sent.start..c.first).any(|x| self.tok(x) == "," || self.quoted(x)) {
            return None;
        }
        let open = self.tok(sep);
        if !self.is_word(sep + 1) || self.quoted(sep + 1) || self.cue_at(sep + 1) {
            return None;
        }
        // the same separator closes the aside; a comma aside holds no clause of its own unless it
        // opens with a subordinator
        let close = (sep + 2..hi.min(sep + 18))
            .take_while(|&x| !self.quoted(x) && !matches!(self.tok(x), ";" | ":" | "." | "(" | ")"))
            .find(|&x| self.tok(x) == open);
        let subordinate =
            is_in(self.tok(sep + 1), &INSERTION_SUBORDINATORS) || is_in(self.tok(sep + 1), &COMPLEMENT_SUBORDINATORS);
        if let Some(close) = close.filter(|&x| x + 1 < hi && !(sep + 1..x).any(|y| self.cue_at(y))) {
            if self.tok(close + 1) == "that" {
                return Some(close + 2);
            }
            let clause = self.clause_at(close + 1, hi, false) && !self.cue_at(close + 1);
            let plain = open != "," || subordinate || !(sep + 1..close).any(|x| self.finite_at(x));
            if clause && plain {
                return Some(if subordinate { sep + 1 } else { close + 1 });
            }
        }
        // "said, the two standard-bearers … have become …": a clause right after the comma
        let w = self.tok(sep + 1);
        // (or a bare noun phrase, its verb near and no comma before it: "noted, people involved
        // in the case could …")
        let bare_subject = self.is_word(sep + 1)
            && !is_stop(w)
            && !is_in(w, &PREPOSITIONS)
            && !is_in(w, &ADVERBS)
            && !self.ly_adverb(sep + 1)
            && !w.ends_with("ing")
            && (sep + 2..hi.min(sep + 9))
                .take_while(|&x| self.is_word(x) && !self.quoted(x) && !self.cue_at(x))
                .any(|x| is_in(self.tok(x), &FINITE) || self.finite_at(x));
        // ("noted, it is surprising …", "said, there is no plan …": a pronoun subject with its verb)
        let opens = is_in(w, &DETERMINERS) || is_in(w, &PRONOUNS) || w == "there" || bare_subject;
        (open == "," && opens && self.clause_at(sep + 1, hi, false)).then_some(sep + 1)
    }

    /// Where a reported question after an asking cue starts: "asked if he would endorse Trump",
    /// "asked Obama what he thought of …" (past a short object: a pronoun or a name).
    pub(in crate::quotes) fn question_start(&self, c: CueMatch, hi: usize) -> Option<usize> {
        use crate::quotes::vocabulary::{ASKING_CUES, QUESTION_WORDS};
        if !is_in(self.tok(c.first), &ASKING_CUES) {
            return None;
        }
        let mut j = c.end;
        while j < hi.min(c.end + 4) && self.is_word(j) && !is_in(self.tok(j), &QUESTION_WORDS) {
            let t = self.tok(j);
            if !(is_in(t, &OBJECT_PRONOUNS) || starts_upper(t)) {
                return None;
            }
            j += 1;
        }
        (j + 2 < hi && is_in(self.tok(j), &QUESTION_WORDS)).then_some(j)
    }

    /// Whether the object starting at token `start` names an utterance ("a warning", "his
    /// objections"): an utterance noun among its first words, before any verb or clause break,
    /// or a proposal in a gerund ("proposes doing away with the mandate").
    pub(in crate::quotes) fn utterance_object(&self, start: usize, hi: usize) -> bool {
        let t = self.tok(start);
        if t.len() > 4 && t.ends_with("ing") && !starts_upper(t) {
            return true;
        }
        (start..(start + 5).min(hi))
            .take_while(|&x| self.is_word(x) && !self.quoted(x) && !self.finite_at(x) && self.tok(x) != "to")
            .any(|x| is_in(self.tok(x), &UTTERANCE_NOUNS))
    }

    /// Where the content of an object cue starts: right after it ("urged Congress to leave the
    /// program intact", "criticized Obama for …", "accused the Europeans of trying to …": the
    /// accused is part of what is reported, as PolNeAR draws it).
    pub(in crate::quotes) fn object_start(&self, c: CueMatch, hi: usize) -> usize {
        // "denied that she mishandled …"
        if c.end + 1 < hi && self.tok(c.end) == "that" {
            return self.after_that(c.end, hi);
        }
        c.end
    }

    /// Where a clause opened by the "that" at `j` starts: after the conjunction ("said that the
    /// talks failed"), or at it when it is the clause's subject, a demonstrative right before its
    /// verb ("said that is unlikely", "said that would hurt").
    pub(in crate::quotes) fn after_that(&self, j: usize, hi: usize) -> usize {
        let demonstrative = j + 1 < hi && !self.quoted(j + 1) && is_in(self.tok(j + 1), &FINITE);
        if demonstrative {
            j
        } else {
            j + 1
        }
    }

    /// An infinitive at token `i` ("vowed to bring back …", "promising to lift …"): "to" and a
    /// lower-case verb.
    pub(in crate::quotes) fn infinitive(&self, i: usize, hi: usize) -> bool {
        i + 1 < hi
            && self.tok(i) == "to"
            && self.is_word(i + 1)
            && !starts_upper(self.tok(i + 1))
            && !is_in(self.tok(i + 1), &DETERMINERS)
            && !is_in(self.tok(i + 1), &PREPOSITIONS)
            && self.kind_at(i + 1) == Some(TokenKind::Word)
    }

    /// "According to X, …" and "…, according to X".
    pub(in crate::quotes) fn according_to(&self, c: CueMatch, sent: Range<usize>) -> Option<(Range<usize>, Speaker)> {
        let speaker = match self.np_after(c.end, sent.end).filter(|&s| self.speaker_like(s)) {
            Some(s) => s,
            None => self.source_phrase(c.end, sent.end)?,
        };
        let lead = (sent.start..c.first).all(|x| !self.is_word(x) || is_in(self.tok(x), &["but", "and", "yet", "so"]));
        if lead {
            // a long source ("According to early results of exit polls conducted for …, Clinton
            // led …") ends at a comma before a clause
            let comma = (c.end..sent.end.min(c.end + 40)).find(|&x| self.tok(x) == ",")?;
            if comma > c.end + 16 && !self.clause_at(comma + 1, sent.end, false) {
                return None;
            }
            return Some((comma + 1..sent.end, speaker));
        }
        let end = if self.tok(c.first - 1) == "," { c.first - 1 } else { c.first };
        // "At the heart of the trouble, according to Dennis Ross, a former envoy, was a decision
        // …": the source inserted between commas or dashes; the report is the whole sentence
        let open = self.tok(c.first - 1);
        if is_in(self.tok(c.first), &["according"]) && matches!(open, "," | "—" | "–") {
            let close = (self.doc.token_at_or_after(speaker.span.end)..sent.end.min(c.end + 24))
                .take_while(|&x| !self.quoted(x) && !matches!(self.tok(x), ";" | ":" | "." | "(" | ")"))
                .find(|&x| self.tok(x) == open || open != "," && self.tok(x) == ",");
            let rest = close.map_or(0, |x| (x + 1..sent.end).filter(|&y| self.is_word(y)).count());
            let fronted = !(sent.start..end).any(|x| self.finite_at(x) || self.quoted(x));
            if let Some(close) = close.filter(|_| fronted && rest >= 3) {
                return Some((sent.start..self.clause_end(close + 1, sent.end), speaker));
            }
        }
        // "…, the Reuters news agency reported, quoting Peskov": the sentence has its own
        // attribution, which the source only backs
        let from = self.cues.partition_point(|x| x.first < sent.start);
        let cue_before = self.cues[from..]
            .iter()
            .take_while(|x| x.end <= end)
            .any(|x| x.class == CueClass::Verb && !self.quoted(x.first));
        if cue_before && !is_in(self.tok(c.first), &["according"]) {
            return None;
        }
        // what comes before is a clause, not the subject ("The Reuters news agency, quoting Peskov,
        // reported that …")
        let clause =
            (sent.start..end).any(|x| self.finite_at(x) || self.quoted(x)) || self.plain_clause(sent.start, end);
        if !clause && !is_in(self.tok(c.first), &["according"]) {
            return None;
        }
        Some((self.source_backs_from(sent.start, end)..end, speaker))
    }

    /// Where the words a trailing source backs ("…, according to the poll") start, in tokens
    /// `lo..end`: after a colon that introduces them ("…: London was the financial capital,
    /// according to one index"), and past a fronted participle phrase that is the writer's
    /// ("Boasting 108,000 residents …, the county's voters seem …"); else at `lo`.
    fn source_backs_from(&self, lo: usize, end: usize) -> usize {
        let words_from = |x: usize| (x..end).filter(|&y| self.is_word(y)).count();
        // the last colon outside quotation marks and parentheses ("The CBS (NYSE: CBS) site"),
        // in one pass
        // (more openings than closings before it: inside)
        let mut depth = 0isize;
        let mut colon = None;
        for x in lo..end {
            match self.tok(x) {
                "(" => depth += 1,
                ")" => depth -= 1,
                ":" if depth <= 0 && !self.quoted(x) => colon = Some(x),
                _ => {}
            }
        }
        if let Some(colon) = colon.filter(|&x| words_from(x + 1) >= 4 && self.clause_at(x + 1, end, false)) {
            return colon + 1;
        }
        let participle = self.tok(lo).len() > 5
            && self.tok(lo).ends_with("ing")
            && starts_upper(self.tok(lo))
            && !is_in(self.tok(lo), &PREPOSITIONS)
            && !is_stop(self.tok(lo))
            // (a participle takes an object: "Boasting 108,000 residents", not "Nothing in …")
            && lo + 1 < end
            && self.is_word(lo + 1)
            && !is_in(self.tok(lo + 1), &PREPOSITIONS)
            && !is_in(self.tok(lo), &["during", "according", "including", "regarding", "following"]);
        if participle {
            let comma = (lo + 1..end).find(|&x| self.tok(x) == "," && !self.quoted(x));
            let plain = |c: usize| !(lo..c).any(|x| self.finite_at(x) || self.cue_at(x) || self.quoted(x));
            if let Some(comma) =
                comma.filter(|&c| plain(c) && words_from(c + 1) >= 4 && self.clause_at(c + 1, end, false))
            {
                return comma + 1;
            }
        }
        lo
    }

    /// The source after "according to" when it is no plain noun phrase: "early results of exit
    /// polls conducted by Edison Research", "the most recent data available from the FBI". The
    /// words up to a comma or a clause, named by the last entity mention among them, if any.
    fn source_phrase(&self, k: usize, hi: usize) -> Option<Speaker> {
        if k >= hi || !self.is_word(k) || self.finite_at(k) || is_in(self.tok(k), &PREPOSITIONS) {
            return None;
        }
        let last = (k..hi.min(k + 16))
            .take_while(|&x| {
                self.is_word(x) && !self.quoted(x) && !is_in(self.tok(x), &["because", "which", "who", "that", "when"])
            })
            .last()?;
        let np = self.span_at(k).cover(self.span_at(last));
        let head = (k..=last).rev().find(|&x| self.mention_at(x).is_some_and(|m| np.contains(m.span)));
        Some(head.map_or(Speaker { span: np, entity: None }, |h| self.speaker_for(np, h)))
    }

    /// Speech reported in a relative clause: "the funding system, which advocates say
    /// disadvantages needy schools" reports the antecedent and the clause after the cue.
    pub(in crate::quotes) fn relative_speech(
        &self,
        c: CueMatch,
        speaker: Speaker,
        sent: Range<usize>,
    ) -> Option<Range<usize>> {
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        let mut rel = s_first.checked_sub(1).filter(|&r| r > sent.start)?;
        // past an adverb before the speaker: "which even critics say was …"
        while rel > sent.start + 1 && is_in(self.tok(rel), &ADVERBS) && !is_in(self.tok(rel), &["which", "who", "that"])
        {
            rel -= 1;
        }
        // "amounting to what the senators said was economic gerrymandering": a free relative
        if self.tok(rel) == "what" && c.end < sent.end && !self.quoted(c.end) && is_in(self.tok(c.end), &FINITE) {
            return Some(rel..self.clause_end(c.end, sent.end));
        }
        if c.end >= sent.end || self.quoted(c.end) {
            return None;
        }
        // a relative clause without its pronoun: "a dynamic Greenberg said could drive …" (a
        // lower-case noun, the speaker, the cue, then an auxiliary or modal)
        let r = self.tok(rel);
        let zero = self.is_word(rel)
            && !self.quoted(rel)
            && !starts_upper(r)
            && is_in(self.tok(c.end), &FINITE)
            && !is_stop(r)
            && !is_in(r, &DETERMINERS)
            && !is_in(r, &PRONOUNS)
            && !is_in(r, &ADVERBS)
            && !self.cue_at(rel)
            && !self.finite_at(rel)
            && !past_form(r)
            && !r.ends_with("ing")
            && !r.ends_with("ly");
        if zero {
            let antecedent = self.np_ending_at(rel, sent.start)?;
            let start = self.doc.token_at_or_after(antecedent.span.start);
            return Some(start..self.clause_end(c.end, sent.end));
        }
        if !is_in(self.tok(rel), &["which", "who", "that"]) {
            return None;
        }
        // after "that", the antecedent is a noun, not a verb ("said that officials say …")
        let mut a = rel - 1;
        if self.tok(a) == "," {
            a = a.checked_sub(1).filter(|&a| a >= sent.start)?;
        } else if self.tok(rel) == "that" && (!self.is_word(a) || self.cue_at(a) || is_in(self.tok(a), &FINITE)) {
            return None;
        }
        // the clause after the cue starts with its verb ("say is", "said could exclude")
        let v = self.tok(c.end);
        let verb = is_in(v, &FINITE)
            || self.finite_at(c.end)
            || (!starts_upper(v) && v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && !is_in(v, &PREPOSITIONS));
        if !verb {
            return None;
        }
        let antecedent = self.np_ending_at(a, sent.start)?;
        let start = self.doc.token_at_or_after(antecedent.span.start);
        Some(start..self.clause_end(c.end, sent.end))
    }

    /// Content before the attribution: "…, the senator said." and "The truth, the senator said
    /// then, was that …" (the whole sentence).
    pub(in crate::quotes) fn content_before(
        &self,
        c: CueMatch,
        speaker: Speaker,
        sent: Range<usize>,
    ) -> Option<Range<usize>> {
        // an infinitive of purpose reports what follows it ("took to Twitter to say thanks")
        if c.first > sent.start && self.purpose_infinitive(c.first - 1, sent.start) {
            return None;
        }
        let (tail, more) = self.tail_end(c.end, sent.end)?;
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        // the comma that opens the attribution, a few name-like tokens before the speaker
        let mut p = s_first;
        loop {
            if p <= sent.start || s_first - p > 6 {
                return None;
            }
            p -= 1;
            let t = self.tok(p);
            if t == "," {
                break;
            }
            // "…, and the county government promised to pay": a clause of its own, coordinated,
            // not an attribution of the words before
            if self.quoted(p) || (self.is_word(p) && (is_in(t, &FINITE) || is_in(t, &["that", "and", "but", "or"]))) {
                return None;
            }
            // "…, a fact he frequently mentions": a noun phrase before a pronoun speaker is what
            // a relative clause describes, not an attribution of the words before
            if is_in(t, &DETERMINERS) && is_in(self.tok(s_first), &PERSONAL_PRONOUNS) {
                return None;
            }
            if !self.is_word(p) && !matches!(t, "(" | ")" | "-" | ".") {
                return None;
            }
        }
        // the words before must be a clause, unless the attribution is inserted in one; a
        // headline's verb is capitalised ("Clinton Hid Health Problems, Doctor Says")
        let headline = self.title[self.sentence_of(c.first)];
        let words_before = (sent.start..p).filter(|&x| self.is_word(x)).count();
        let head_clause = (sent.start..p).any(|x| self.finite_at(x))
            || headline && words_before >= 3
            || self.plain_clause(sent.start, p)
            // (a present tense opening the sentence, before further commas: "Manafort spends
            // his time in Florida, …, and travels …, friends said")
            || words_before >= 5 && self.present_clause(sent.start, p);
        // "Too often, she said, the debate is …", "Though the move was smooth, he said, replacing
        // him would be …": an attribution inserted after a fronted phrase or subordinate clause
        // reports the whole sentence
        use crate::quotes::vocabulary::INSERTION_SUBORDINATORS as SUBORDINATORS;
        let fronted = !head_clause || is_in(self.tok(sent.start), &SUBORDINATORS);
        // the attribution closes at once, a time or an adverb at most after its verb ("…, he said
        // Monday, …"), not "…, the nominee reported holding investments in …, …"
        let closed = (c.end..tail).all(|x| {
            let t = self.tok(x);
            is_in(t, &TIME_WORDS)
                || is_in(t, &ADVERBS)
                || self.ly_adverb(x)
                || self.kind_at(x) == Some(TokenKind::Number)
                || is_in(t, &["on", "last", "this", "in", "a", "an", "the", "statement", "interview"])
        });
        let inserted = fronted
            && closed
            && tail < sent.end
            && self.tok(tail) == ","
            && !(sent.start..p).any(|x| self.quoted(x) || self.cue_at(x))
            && self.clause_at(tail + 1, sent.end, false);
        if inserted {
            // "Of course, as Ana Ruiz observed, the biggest victor was …": an "as" attribution is
            // the writer's aside, and the phrase before it the writer's too
            let from = if self.tok(p + 1) == "as" { tail + 1 } else { sent.start };
            return Some(from..self.clause_end(tail + 1, sent.end));
        }
        // "This campaign, he says, is different": the attribution between a subject and its verb
        let split_subject = !head_clause
            && tail + 1 < sent.end
            && self.tok(tail) == ","
            && is_in(self.tok(tail + 1), &FINITE)
            && (1..=6).contains(&words_before)
            && !(sent.start..p).any(|x| self.quoted(x) || self.cue_at(x) || self.tok(x) == ",");
        if split_subject {
            return Some(sent.start..self.clause_end(tail + 1, sent.end));
        }
        // "When Clinton noted that …, Trump boasted about it": a fronted subordinate clause alone,
        // with a speech cue of its own, is not what the subject said
        if !more
            && is_in(self.tok(sent.start), &SUBORDINATORS)
            && !(sent.start + 1..p).any(|x| self.tok(x) == "," && !self.quoted(x))
            && (sent.start + 1..p).any(|x| self.cue_at(x))
        {
            return None;
        }
        if more {
            closed.then(|| sent.start..self.aside_start(sent.start, sent.end))
        } else {
            // "…, Mr. Trump claimed the nomination on Tuesday", "…, their smiles said a lot":
            // a verb with an object of its own does not report the words before (a listener
            // after "told" is no such object, nor is a time: "…, she said this week")
            let object = c.end < tail
                && is_in(self.tok(c.end), &DETERMINERS)
                && !is_in(self.tok(c.first), &TELLING_CUES)
                && !(c.end..tail).any(|x| is_in(self.tok(x), &TIME_WORDS));
            (head_clause && !object).then_some(sent.start..p)
        }
    }

    /// "The air had become so bad, Mr. Obama noted, that …": an attribution inserted between a
    /// clause and its that-clause reports both, so the content starts at the sentence's start.
    pub(in crate::quotes) fn inserted_before_that(
        &self,
        c: CueMatch,
        speaker: Speaker,
        sent: Range<usize>,
        content: Range<usize>,
    ) -> Range<usize> {
        // the comma before the speaker, past a title the mention leaves out ("Mr. Obama")
        let mut s_first = self.doc.token_at_or_after(speaker.span.start);
        while s_first > sent.start + 1 && self.tok(s_first - 1) != "," && starts_upper(self.tok(s_first - 1)) {
            s_first -= 1;
        }
        let inserted = content.start == c.end + 2
            && self.tok(c.end) == ","
            && self.tok(c.end + 1) == "that"
            && s_first > sent.start + 3
            && self.tok(s_first - 1) == ","
            && (sent.start..s_first - 1).any(|x| self.finite_at(x))
            && !(sent.start..s_first).any(|x| self.quoted(x) || self.cue_at(x));
        if inserted {
            sent.start..content.end
        } else {
            content
        }
    }

    /// A subordinate clause that opens the sentence and ends, with a comma, right before the
    /// speaker ("When she is hiring, she said …"): its first token.
    pub(in crate::quotes) fn fronted_clause(&self, speaker: Speaker, sent: Range<usize>) -> Option<usize> {
        use crate::quotes::vocabulary::FRONTED_SUBORDINATORS as SUBORDINATORS;
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        let comma = s_first.checked_sub(1).filter(|&x| x > sent.start + 2)?;
        let fronted = self.tok(comma) == ","
            && is_in(self.tok(sent.start), &SUBORDINATORS)
            && (sent.start..comma).all(|x| !self.quoted(x) && (x == sent.start || self.tok(x) != ","))
            && !(sent.start..comma).any(|x| self.cue_at(x));
        fronted.then_some(sent.start)
    }

    /// Whether tokens `lo..hi` end in a clause whose verb is not recognised as finite (a present
    /// tense: "candidates probably need to capture …"): the last comma-separated stretch, past a
    /// conjunction that opens it ("But he operates …"), has five words or more and does not open
    /// with a preposition, a participle or a conjunction; or it opens with a personal pronoun
    /// and a word ("she likes the plan"), or a noun and a verb in -s ("the plan works").
    pub(in crate::quotes) fn plain_clause(&self, lo: usize, hi: usize) -> bool {
        let mut start = (lo..hi).rev().find(|&x| self.tok(x) == "," && !self.quoted(x)).map_or(lo, |x| x + 1);
        if start + 1 < hi && is_in(self.tok(start), &["but", "and", "so", "yet"]) {
            start += 1;
        }
        if start >= hi || !self.is_word(start) {
            return false;
        }
        let first = self.tok(start);
        let words = (start..hi).filter(|&x| self.is_word(x)).count();
        if words >= 3 && self.present_clause(start, hi) {
            return true;
        }
        let opener = is_in(first, &PREPOSITIONS)
            || is_in(first, &["despite", "although", "though", "since", "unless", "whether", "after", "before"])
            || first.ends_with("ing")
            || is_in(first, &DETERMINERS) && words < 7;
        !opener && words >= 5
    }

    /// Whether a clause in the present tense opens at token `start` (before `hi`): a personal
    /// pronoun and a lower-case word ("she likes", "they want"), a name and a verb in -s
    /// ("Manafort spends"), or a determiner, a noun and a verb in -s ("the plan works", "this
    /// campaign needs").
    fn present_clause(&self, start: usize, hi: usize) -> bool {
        let word = |x: usize| x < hi && self.is_word(x) && !self.quoted(x);
        let lower = |x: usize| word(x) && !starts_upper(self.tok(x)) && !is_stop(self.tok(x));
        if is_in(self.tok(start), &["he", "she", "they", "we", "i"]) {
            return lower(start + 1) && !self.ly_adverb(start + 1);
        }
        let verb_s = |x: usize| {
            let t = self.tok(x);
            lower(x)
                && t.len() > 3
                && t.ends_with('s')
                && !t.ends_with("ss")
                && !t.ends_with("us")
                && !t.ends_with("is")
                && !t.contains(['’', '\''])
        };
        // a name and its verb: "Manafort spends", "Paul Manafort spends"
        let name = |x: usize| word(x) && starts_upper(self.tok(x)) && !is_stop(self.tok(x));
        if name(start) && !is_in(self.tok(start), &DETERMINERS) {
            let end = (start..(start + 4).min(hi)).find(|&x| !name(x)).unwrap_or(hi);
            return verb_s(end);
        }
        is_in(self.tok(start), &DETERMINERS) && word(start + 1) && !verb_s(start + 1) && verb_s(start + 2)
    }
}
