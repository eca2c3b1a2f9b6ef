//! Reported speech without quotation marks: the pass over sentences and which cues introduce
//! it. Where the reported clause starts (that-clauses, bare clauses, objects, infinitives) is in
//! `start.rs`, where it ends (asides, coordinated attributions, the writer's own predicates) in
//! `end.rs`.

mod end;
mod start;

use super::vocabulary::{
    BE_FORMS, CONVENED, PLAIN_OBJECT_CUES, REFLEXIVE_PRONOUNS, SAY_FORMS, SOURCE_MODIFIERS, TELLING_CUES,
    WITHHOLDING_VERBS,
};
use super::*;

impl<'a> Finder<'a> {
    /// Whether an indirect-speech verb with a subject stands in `sent` before token `before`,
    /// outside quotation marks and not right before a quotation, so that the words up to
    /// `before` are its report ("Kiedis said his band …, wrote …").
    fn attribution_before(&self, before: usize, sent: Range<usize>) -> bool {
        let from = self.cues.partition_point(|m| m.first < sent.start);
        self.cues[from..].iter().take_while(|m| m.first < before).any(|m| {
            m.class == CueClass::Verb
                && m.indirect
                && !m.object
                && m.end < before
                && !self.quoted(m.first)
                && !self.quoted(m.end)
                && !matches!(self.tok(m.end), "," | ":")
                && matches!(self.before(m.first, sent.start), Before::Subject(_))
        })
    }

    /// What "say" reports when its object is an answer or an echo: "75 percent said yes", "the
    /// candidate said no", "43 percent said the same of Sanders" (the object and what it is
    /// about, up to the end of the object).
    fn said_answer(&self, c: CueMatch, hi: usize) -> Option<Range<usize>> {
        use crate::quotes::vocabulary::ANSWER_WORDS;
        if c.end >= hi || !is_in(self.tok(c.first), &SAY_FORMS) || self.quoted(c.end) {
            return None;
        }
        let next = if c.end + 1 < hi { self.tok(c.end + 1) } else { "." };
        // (the answer ends there: not "said no one", "said yes to the deal")
        let alone = c.end + 1 >= hi || !self.is_word(c.end + 1) || is_in(next, &["while", "and", "but"]);
        if is_in(self.tok(c.end), &ANSWER_WORDS) && alone {
            return Some(c.end..c.end + 1);
        }
        if self.tok(c.end) == "the" && next == "same" {
            let comma = (c.end + 2..hi).find(|&x| self.tok(x) == "," && !self.quoted(x)).unwrap_or(hi);
            let end = self.clause_end(c.end, comma);
            return Some(c.end..self.object_end(c.end, end));
        }
        None
    }

    /// Reported speech without quotation marks, one per clause that does not overlap another: "Bruce said the meeting is aimed
    /// at …", "…, the State Department said", "according to X, …", "X accused Y of …". Sentences
    /// holding a direct quote yield only a clause outside it; a sentence with a partial quote may
    /// hold mixed speech.
    pub(super) fn indirect(&self, out: &mut Vec<Quote>, quoted_sentence: &[bool]) {
        for (s_idx, &quoted) in quoted_sentence.iter().enumerate() {
            let sent = self.sentence_range(s_idx);
            let from = self.cues.partition_point(|c| c.first < sent.start);
            let to = self.cues.partition_point(|c| c.end <= sent.end);
            let mut taken: Option<Span> = None;
            // an attribution that ends the sentence ("…, sources said.") reports all before it,
            // including any cue inside ("Protocol called for …")
            let last =
                self.cues.get(from..to).and_then(|cs| cs.last()).filter(|c| c.class == CueClass::Verb && !c.object);
            if let Some(last) = last {
                if let Some(q) = self.reported(*last, sent.clone(), quoted) {
                    let cue = last.span(self.doc);
                    if q.span.end <= cue.start && (from..to - 1).any(|k| q.span.contains(self.cues[k].span(self.doc))) {
                        taken = Some(q.span.cover(cue));
                        out.push(q);
                    }
                }
            }
            for c in self.cues[from..].iter().take_while(|c| c.end <= sent.end) {
                if taken.is_some_and(|t| t.overlaps(c.span(self.doc))) {
                    continue;
                }
                if let Some(q) = self.reported(*c, sent.clone(), quoted) {
                    if taken.is_some_and(|t| t.overlaps(q.span)) {
                        continue;
                    }
                    taken = Some(taken.map_or(q.span, |t| t.cover(q.span)));
                    out.push(q);
                }
            }
        }
    }

    /// Whether "called" at token `v` names what an indefinite noun phrase in an object or
    /// after a preposition is called ("lead a program called …", "traced it to a website
    /// called …", "a group of disaffected Ethiopians called …"), not what someone called
    /// something: the nearest "a"/"an" before it, past a few words of the noun phrase, follows
    /// a word of the sentence that is not a conjunction (a sentence's own subject, "A
    /// spokesman called the move …", is left alone).
    fn naming_participle(&self, v: usize, lo: usize) -> bool {
        let head = match v.checked_sub(1) {
            Some(h) if h > lo && self.is_word(h) && !self.quoted(h) => h,
            _ => return false,
        };
        let t = self.tok(head);
        if is_in(t, &ADVERBS) || is_in(t, &PRONOUNS) || is_in(t, &FINITE) || self.ly_adverb(head) {
            return false;
        }
        let article = (head.saturating_sub(6).max(lo)..head)
            .rev()
            .take_while(|&x| self.is_word(x) && !self.quoted(x) && !self.finite_at(x))
            .find(|&x| is_in(self.tok(x), &["a", "an"]));
        article.is_some_and(|a| a > lo && self.is_word(a - 1) && !is_in(self.tok(a - 1), &["and", "but", "or"]))
    }

    /// A question put to someone in the passive: "Asked whether he would run, Trump said …",
    /// "When asked if the vote …, she …", "Sanders was asked why …". The question is reported
    /// speech; its speaker is the asker when the text names one ("Asked by a reporter whether
    /// …"), else no one. A topic ("asked about the vote") is no question.
    fn passive_question(&self, c: CueMatch, sent: Range<usize>) -> Option<Quote> {
        use crate::quotes::vocabulary::{QUESTION_WORDS, REDUCED_QUESTION_OPENERS};
        if !self.tok(c.first).eq_ignore_ascii_case("asked") {
            return None;
        }
        let mut p = c.first;
        while p > sent.start && (self.ly_adverb(p - 1) || is_in(self.tok(p - 1), &["also", "later", "then", "again"])) {
            p -= 1;
        }
        // a reduced clause: "when asked whether …", "after being asked if …", which may follow
        // the main clause ("… ,” she said when asked whether …") or open the sentence ("And when
        // asked who …, the majority named …")
        let reduced = p > sent.start && is_in(self.tok(p - 1), &REDUCED_QUESTION_OPENERS);
        let fronted_reduced = reduced
            && !(sent.start..p - 1)
                .any(|x| self.quoted(x) || self.finite_at(x) || self.cue_at(x) || self.tok(x) == ",");
        let opening = p == sent.start
            || p == sent.start + 1 && is_in(self.tok(sent.start), &super::vocabulary::INSERTION_SUBORDINATORS)
            || fronted_reduced;
        let passive = p > sent.start && is_in(self.tok(p - 1), &BE_FORMS);
        if !opening && !passive && !reduced {
            return None;
        }
        let mut j = c.end;
        // "Asked by Stephanopoulos to respond …", "asked during a January debate why …"
        let mut speaker = None;
        if j + 1 < sent.end && self.tok(j) == "by" {
            let asker = self.np_after(j + 1, sent.end)?;
            j = self.doc.token_at_or_after(asker.span.end);
            speaker = Some(asker);
        }
        while j < sent.end && (is_in(self.tok(j), &TIME_WORDS) || self.ly_adverb(j)) {
            j += 1;
        }
        // "asked during a January debate why …", "asked on Monday whether …": past a short
        // phrase of time or place
        if is_in(self.tok(j), &PREPOSITIONS) && !is_in(self.tok(j), &QUESTION_WORDS) {
            if let Some(q) = (j + 1..sent.end.min(j + 7))
                .take_while(|&x| self.is_word(x) && !self.quoted(x) && !self.finite_at(x))
                .find(|&x| is_in(self.tok(x), &QUESTION_WORDS))
            {
                j = q;
            }
        }
        if j + 2 >= sent.end {
            return None;
        }
        // a question ("whether he would run"), not a topic ("asked about the vote")
        if !is_in(self.tok(j), &QUESTION_WORDS) {
            return None;
        }
        let start = j;
        let end = if opening {
            // the question ends at the comma before the main clause
            (start + 2..sent.end)
                // (not a relative clause inside it: "whether his work, which friends described
                // as miserable, contributed to …")
                .find(|&x| {
                    self.tok(x) == ","
                        && !self.quoted(x)
                        && !is_in(self.tok(x + 1), &["which", "who", "whose", "where"])
                        && !{
                            // (the verb of the question's subject: "…, contributed to …")
                            let v = self.tok(x + 1);
                            is_in(v, &FINITE) || !starts_upper(v) && v.len() > 4 && v.ends_with("ed")
                        }
                        && self.clause_at(x + 1, sent.end, false)
                })?
        } else {
            self.clause_end(start, sent.end)
        };
        self.reported_between(c, start, end, 2, speaker)
    }

    /// The indirect quote of tokens `[start, end)` (trailing signs dropped) reported by cue `c`
    /// and `speaker`: none when it holds fewer than `min_words` words or quoted words.
    fn reported_between(
        &self,
        c: CueMatch,
        start: usize,
        mut end: usize,
        min_words: usize,
        speaker: Option<Speaker>,
    ) -> Option<Quote> {
        while end > start && !self.is_word(end - 1) {
            end -= 1;
        }
        if (start..end).filter(|&x| self.is_word(x)).count() < min_words || (start..end).any(|x| self.quoted(x)) {
            return None;
        }
        Some(Quote {
            span: self.span_at(start).cover(self.span_at(end - 1)),
            kind: QuoteKind::Indirect,
            cue: Some(c.span(self.doc)),
            speaker_span: speaker.map(|s| s.span),
            speaker_entity: speaker.and_then(|s| s.entity),
            speaker_antecedent: None,
        })
    }

    /// Hearsay in the passive: "Some advisers are said to be urging the governor to …", "he is
    /// reported to have met …". What is reported is the subject and its infinitive, from the
    /// subject to the clause's end; no one is named as its speaker.
    fn passive_hearsay(&self, c: CueMatch, sent: Range<usize>) -> Option<Quote> {
        use crate::quotes::vocabulary::HEARSAY_PARTICIPLES;
        if c.class != CueClass::Verb
            || c.end != c.first + 1
            || !is_in(self.tok(c.first), &HEARSAY_PARTICIPLES)
            || c.first <= sent.start + 1
            || !is_in(self.tok(c.first - 1), &BE_FORMS)
            || !self.infinitive(c.end, sent.end)
        {
            return None;
        }
        let Before::Subject(subject) = self.before(c.first - 1, sent.start) else {
            return None;
        };
        let start = self.doc.token_at_or_after(subject.span.start);
        let mut end = self.clause_end(c.end, sent.end);
        while end > c.end && !self.is_word(end - 1) {
            end -= 1;
        }
        if (c.end..end).filter(|&x| self.is_word(x)).count() < 3 || (start..end).any(|x| self.quoted(x)) {
            return None;
        }
        Some(Quote {
            span: self.span_at(start).cover(self.span_at(end - 1)),
            kind: QuoteKind::Indirect,
            cue: Some(c.span(self.doc)),
            speaker_span: None,
            speaker_entity: None,
            speaker_antecedent: None,
        })
    }

    /// A speaker phrase that swallowed the subordinator opening its clause ("A day after the
    /// mayor" in "A day after the mayor said …"): the words after the subordinator.
    fn after_subordinator(&self, speaker: Speaker) -> Speaker {
        use crate::quotes::vocabulary::SUBORDINATE_OPENERS;
        let first = self.doc.token_at_or_after(speaker.span.start);
        let last = self.doc.token_at_or_after(speaker.span.end).saturating_sub(1);
        if speaker.entity.is_some() || last <= first + 1 {
            return speaker;
        }
        let cut = (first + 1..last).rev().find(|&x| {
            let t = self.tok(x);
            !starts_upper(t) && is_in(t, &SUBORDINATE_OPENERS)
        });
        match cut {
            Some(x) => self.speaker_for(self.span_at(x + 1).cover(self.span_at(last)), last),
            None => speaker,
        }
    }

    /// What the subject cites after a comma ("…, the senator said, citing low growth and rising
    /// debt"): the object of "citing", up to its end, reported by the main clause's subject.
    fn cited(&self, c: CueMatch, sent: Range<usize>) -> Option<Quote> {
        if !self.comma_before(c.first, sent.start) || c.end >= sent.end || self.quoted(c.end) {
            return None;
        }
        let k = self.cues.partition_point(|x| x.first < c.first);
        let speaker = self.clause_subject(k, sent.clone(), 0).or_else(|| self.main_subject(c.first, sent.clone()))?;
        if !self.speaker_like(speaker) {
            return None;
        }
        let start = c.end;
        let end = self.object_end(start, self.clause_end(start, sent.end));
        self.reported_between(c, start, end, 3, Some(speaker))
    }

    /// The description that opens the sentence as the subject of its first verb, for a cue
    /// coordinated with that verb ("The company keeps its finances secret but says …"): a
    /// determiner and up to three lower-case words, then a verb (finite, or in -s).
    fn opening_description(&self, before: usize, sent: Range<usize>) -> Option<Speaker> {
        // (past a conjunction opening the sentence: "But the court overruled and said …")
        let start = if is_in(self.tok(sent.start), &["but", "and", "yet", "so"]) { sent.start + 1 } else { sent.start };
        if !is_in(self.tok(start), &DETERMINERS) || self.quoted(start) {
            return None;
        }
        let verb = (start + 2..before.min(start + 12)).find(|&x| {
            let t = self.tok(x);
            self.finite_at(x) || t.len() > 3 && t.ends_with('s') && !t.ends_with("ss") && !starts_upper(t)
        })?;
        // the head noun and its modifiers, which may hold a phrase after a preposition ("the U.S.
        // Court of Appeals for the 6th Circuit", "other officers with no knowledge of the case")
        let words = start + 1..verb;
        let prepositional = |x: usize| {
            let t = self.tok(x);
            x > start + 1 && (is_in(t, &PREPOSITIONS) || is_in(t, &DETERMINERS) || is_in(t, &["of", "no"]))
        };
        let plain = |x: usize| self.is_word(x) && !self.cue_at(x) && !self.quoted(x);
        if words.clone().any(|x| !plain(x) || is_stop(self.tok(x)) && !prepositional(x))
            || verb > start + 4 && !words.clone().any(prepositional)
            || is_stop(self.tok(verb - 1))
        {
            return None;
        }
        let np = self.span_at(start).cover(self.span_at(verb - 1));
        // the head is the noun before the first preposition
        let head = words.clone().find(|&x| prepositional(x)).map_or(verb - 1, |p| p - 1);
        Some(self.speaker_for(np, head))
    }

    /// Whether tokens `from..hi` are a name and the sentence's end: "…, said the company's chief
    /// executive, John J. Ferriola."
    fn name_to_end(&self, from: usize, hi: usize) -> bool {
        let mut words = 0;
        for x in from..hi {
            let t = self.tok(x);
            if self.is_word(x) && starts_upper(t) && !self.quoted(x) {
                words += 1;
            } else if !(t == "." || self.is_word(x) && is_in(t, &crate::quotes::vocabulary::NAME_PARTICLES)) {
                return false;
            }
        }
        (2..=5).contains(&words)
    }

    /// The reported speech cue `c` introduces in sentence `sent`, if it clearly has some.
    pub(super) fn reported(&self, c: CueMatch, sent: Range<usize>, quoted: bool) -> Option<Quote> {
        // the attribution of a direct quote reports nothing more (“…,” Kellogg told reporters in
        // Brussels, where …); a participle after it may ("…, adding that …"), and so may a
        // relative clause on its speaker ("…,” said one staffer, who said he left on good terms)
        // a question put to the speaker ("…,” she said when asked whether …) is reported speech
        // of its own, outside the quotation marks
        if let Some(question) = self.passive_question(c, sent.clone()) {
            return Some(question);
        }
        let relative = c.first > sent.start + 1 && self.tok(c.first - 1) == "who" && self.tok(c.first - 2) == ",";
        if quoted && c.class == CueClass::Verb && !relative {
            let close = (sent.start..c.first).rev().find(|&x| self.kind_at(x) == Some(TokenKind::CloseQuote));
            if close
                .is_some_and(|q| c.first - q <= 8 && !(q..c.first).any(|x| matches!(self.tok(x), ";" | "and" | "but")))
            {
                return None;
            }
        }
        // "France called an emergency meeting": convening, not speaking
        if is_in(self.tok(c.first), &["called", "calls", "call"])
            && (c.end..(c.end + 4).min(sent.end)).any(|x| is_in(self.tok(x), &CONVENED))
        {
            return None;
        }
        // "organizer of a group called Citizens for Trump": naming, not speech
        if self.tok(c.first) == "called" && self.naming_participle(c.first, sent.start) {
            return None;
        }
        // "…, Gov. Brown endorsed her, citing her long experience", "defended it by citing a
        // poll": what is cited backs an act of the subject's, not the words before
        // (what is cited is the subject's own report: "…,” McCain said, citing low growth and
        // growing inequality")
        if c.class == CueClass::Source
            && is_in(self.tok(c.first), &["citing"])
            && c.first > sent.start
            && self.tok(c.first - 1) != "."
        {
            return self.cited(c, sent);
        }
        // "Ty Lawson added 16 points": a score, not speech
        if is_in(self.tok(c.first), &super::vocabulary::SCORING_VERBS)
            && c.end < sent.end
            && self.kind_at(c.end) == Some(TokenKind::Number)
        {
            return None;
        }
        if let Some(hearsay) = self.passive_hearsay(c, sent.clone()) {
            return Some(hearsay);
        }
        let (content, speaker) = match c.class {
            CueClass::Source => self.according_to(c, sent.clone())?,
            // "…, adding that …", "…, saying it shows …": the subject of the clause it hangs on
            CueClass::Participle
                if c.indirect
                    && (self.comma_before(c.first, sent.start)
                        || c.first > sent.start + 2
                            && is_in(self.tok(c.first - 1), &["by", "from", "after", "while", "before"]))
                    && !self.progressive(c, sent.start) =>
            {
                let start = if c.end < sent.end && self.tok(c.end) == "that" {
                    self.after_that(c.end, sent.end)
                } else if is_in(self.tok(c.first), &TELLING_CUES) {
                    // "…, telling reporters the talks were …": past the listener
                    self.complement_start(c, sent.end)?
                } else if c.object {
                    // "…, accusing her of …", "…, calling for his dismissal"
                    if c.end >= sent.end || is_in(self.tok(c.end), &PREPOSITIONS) && !self.infinitive(c.end, sent.end) {
                        return None;
                    }
                    self.object_start(c, sent.end)
                } else if self.clause_at(c.end, sent.end, true) {
                    c.end
                } else {
                    return None;
                };
                let k = self.cues.partition_point(|x| x.first < c.first);
                let speaker =
                    self.clause_subject(k, sent.clone(), 0).or_else(|| self.main_subject(c.first, sent.clone()))?;
                if !self.speaker_like(speaker) {
                    return None;
                }
                let end = self.clause_end(start, sent.end);
                let end = if c.object { self.object_end(start, end) } else { end };
                (start..end, speaker)
            }
            // "Trump was quoted as saying the wall …": the person quoted
            CueClass::Participle
                if c.first > sent.start + 2
                    && self.tok(c.first - 1) == "as"
                    && is_in(self.tok(c.first - 2), &["quoted", "cited"]) =>
            {
                let mut v = c.first - 2;
                while v > sent.start
                    && is_in(
                        self.tok(v - 1),
                        &["was", "were", "is", "are", "been", "has", "have", "had", "also", "later"],
                    )
                {
                    v -= 1;
                }
                let speaker = if v > sent.start { self.np_ending_at(v - 1, sent.start)? } else { return None };
                let start = self.complement_start(c, sent.end)?;
                (start..self.clause_end(start, sent.end), speaker)
            }
            // "issued a statement saying the talks had failed", "sent a letter telling staff
            // the plant would close": a participle right after the noun it describes reports
            // a clause; the speaker is that noun, or the subject when the noun is an object
            CueClass::Participle
                if c.indirect
                    && !c.object
                    && c.first > sent.start
                    && self.is_word(c.first - 1)
                    && !self.quoted(c.first - 1)
                    && !is_in(self.tok(c.first - 1), &DETERMINERS)
                    && !is_in(self.tok(c.first - 1), &["and", "but", "or", "not"])
                    && !self.progressive(c, sent.start) =>
            {
                let start = if c.end < sent.end && self.tok(c.end) == "that" {
                    self.after_that(c.end, sent.end)
                } else if is_in(self.tok(c.first), &TELLING_CUES) {
                    self.complement_start(c, sent.end)?
                } else if self.clause_at(c.end, sent.end, false) && {
                    // (a short subject, then its verb, before any comma: not the object in
                    // "explaining the workings of the bank, which is …")
                    let verb = (c.end + 1..(c.end + 6).min(sent.end))
                        .take_while(|&x| self.is_word(x) && !self.quoted(x))
                        .find(|&x| is_in(self.tok(x), &FINITE) || self.finite_at(x));
                    verb.is_some()
                } {
                    c.end
                } else {
                    return None;
                };
                let k = self.cues.partition_point(|x| x.first < c.first);
                // "with one plaintiff claiming the officer …": the noun after "with" speaks
                let np = self.np_ending_at(c.first - 1, sent.start);
                let absolute = np.filter(|np| {
                    let first = self.doc.token_at_or_after(np.span.start);
                    first > sent.start && self.tok(first - 1) == "with"
                });
                let speaker = match absolute {
                    Some(np) => np,
                    None => self.subject_of(k, sent.clone(), 0)?,
                };
                if !self.speaker_like(speaker) {
                    return None;
                }
                (start..self.clause_end(start, sent.end), speaker)
            }
            // "Trump is warning voters that …"
            CueClass::Participle if !self.progressive(c, sent.start) => return None,
            CueClass::Verb if !c.indirect => return None,
            CueClass::Verb | CueClass::Participle => {
                let comma_before = c.first > sent.start && self.tok(c.first - 1) == ",";
                // not an object ("…, described Trump's approach") nor after a bare noun phrase
                // ("Ivanka Trump, his eldest daughter, noted the rule")
                let inverted = comma_before
                    && c.class == CueClass::Verb
                    && !c.object
                    && !is_in(self.tok(c.first), &["told", "tells", "tell"])
                    && ((sent.start..c.first).any(|x| self.quoted(x) || self.finite_at(x))
                        || self.plain_clause(sent.start, c.first - 1))
                    // not after an attribution of its own with an unquoted clause ("Kiedis said
                    // his band and Brian Burton, AKA Danger Mouse, wrote a host of new songs"):
                    // the verb is that clause's (but "…, said an official" is an inversion still)
                    && (is_in(self.tok(c.first), &SAY_FORMS) || !self.attribution_before(c.first, sent.clone()))
                    && self.tail_end(c.end, sent.end).is_some_and(|(x, more)| {
                        (!more || self.name_to_end(x + 1, sent.end))
                            && x > c.end
                            && x - c.end <= 12
                            && !(c.end..x).any(|y| self.finite_at(y))
                            && {
                                // "…, said Luis Rubio", "…, said the ministry", "…, said one GOP source"
                                let t = self.tok(c.end);
                                starts_upper(t)
                                    || is_in(t, &DETERMINERS)
                                    || is_in(t, &SOURCE_MODIFIERS)
                                    // "…, says political scientist Dossym Satpayev"
                                    || self.role_before_name(c.end, sent.end)
                            }
                    });
                if inverted {
                    // "…, said Luis Rubio, who heads …"
                    let speaker = self.np_after(c.end, sent.end)?;
                    (sent.start..c.first - 1, speaker)
                } else {
                    let speaker = match self.before(c.first, sent.start) {
                        Before::Subject(s) => s,
                        // "Schultz supported Democrats … and said he did not support …"
                        Before::Coordinated => {
                            let k = self.cues.partition_point(|x| x.first < c.first);
                            self.coordinated_subject(k, sent.clone())
                                .or_else(|| self.titled_subject(c.first, sent.clone()))
                                .or_else(|| self.opening_description(c.first, sent.clone()))?
                        }
                        _ => return None,
                    };
                    let speaker = self.after_subordinator(speaker);
                    if !self.speaker_like(speaker) {
                        return None;
                    }
                    let clause = if let Some(content) = self.relative_speech(c, speaker, sent.clone()) {
                        Some(content)
                    } else if let Some(start) = self.question_start(c, sent.end) {
                        Some(start..self.clause_end(start, sent.end))
                    } else if c.clause {
                        match self.complement_start(c, sent.end) {
                            Some(start) => Some(start..self.clause_end(start, sent.end)),
                            None => self.content_before(c, speaker, sent.clone()),
                        }
                    } else {
                        None
                    };
                    let content = if let Some(content) = clause {
                        content
                    } else if let Some(answer) = self.said_answer(c, sent.end) {
                        answer
                    } else if c.object {
                        // not the passive "was accused of"
                        let passive = c.class == CueClass::Verb
                            && c.first > sent.start
                            && is_in(self.tok(c.first - 1), &BE_FORMS);
                        if passive
                            || c.end >= sent.end
                            || is_in(self.tok(c.end), &PREPOSITIONS) && !self.infinitive(c.end, sent.end)
                        {
                            return None;
                        }
                        // "admitted herself to the clinic": no speech (but "described himself
                        // as a Catholic" is)
                        if is_in(self.tok(c.end), &REFLEXIVE_PRONOUNS) && !naming_verb(self.tok(c.first)) {
                            return None;
                        }
                        let start = self.object_start(c, sent.end);
                        // "announced plans to cut jobs", "proposed a budget": a plain object is
                        // no speech unless it names an utterance ("announced his resignation" is
                        // news, "announced a warning" is speech)
                        if is_in(self.tok(c.first), &PLAIN_OBJECT_CUES) && !self.utterance_object(start, sent.end) {
                            return None;
                        }
                        let end = self.clause_end(start, sent.end);
                        start..self.object_end(start, end)
                    } else {
                        match self.complement_start(c, sent.end) {
                            Some(start) => start..self.clause_end(start, sent.end),
                            None => self.content_before(c, speaker, sent.clone())?,
                        }
                    };
                    // "When she hires, she said she ensures …": the fronted clause is reported too
                    let content = match self.fronted_clause(speaker, sent.clone()) {
                        Some(start) if content.start >= c.end && !c.object => start..content.end,
                        _ => content,
                    };
                    let content = self.inserted_before_that(c, speaker, sent.clone(), content);
                    let content = if content.start >= c.end {
                        content.start..self.subordinate_end(speaker, content.clone(), sent.clone())
                    } else {
                        content
                    };
                    (content, speaker)
                }
            }
        };
        let (mut start, mut end) = (content.start, content.end);
        // a wire dateline opening the sentence is no part of what was said
        if start == sent.start {
            start = self.dateline_end(start, end);
        }
        while start < end && !self.is_word(start) {
            start += 1;
        }
        while end > start && !self.is_word(end - 1) {
            end -= 1;
        }
        // (an answer is one word: "said yes")
        // (an echo is two: "26 percent said the same")
        let answer = start == c.end
            && self
                .said_answer(c, sent.end)
                .is_some_and(|r| (r.start..r.end).rev().find(|&x| self.is_word(x)) == Some(end - 1));
        // (an object cue's object may be a name alone: "Trump attacked Jeb Bush")
        let named_object = c.object
            && start >= c.end
            && end > start
            && self.mention_at(start).is_some_and(|m| {
                m.span.start == self.span_at(start).start
                    && m.span.end == self.span_at(end - 1).end
                    && m.kind == parallax_doc::MentionKind::Name
            });
        if (start..end).filter(|&x| self.is_word(x)).count() < 3 && !answer && !named_object {
            return None;
        }
        // mixed speech keeps the marks of the fragment it quotes: `the meeting was “useful”`
        let kind_at = |x: usize| self.doc.tokens[x].kind;
        let opens = (start..end).filter(|&x| kind_at(x) == TokenKind::OpenQuote).count();
        let closes = (start..end).filter(|&x| kind_at(x) == TokenKind::CloseQuote).count();
        if opens > closes && end < self.doc.tokens.len() {
            // `“… of the two presidents.”`: past the full stop inside the marks
            let punct = end + 1 < self.doc.tokens.len() && matches!(self.tok(end), "." | "," | "!" | "?");
            if kind_at(end) == TokenKind::CloseQuote {
                end += 1;
            } else if punct && kind_at(end + 1) == TokenKind::CloseQuote {
                end += 2;
            }
        }
        // `he'll “need a lot of help. So we'll see.”`: mixed speech whose quoted part runs on
        // past the sentence reports all of it, to the closing mark
        if opens > closes {
            let open = (start..end).rev().find(|&x| kind_at(x) == TokenKind::OpenQuote);
            let close = open
                .and_then(|o| self.regions.iter().find(|r| r.open == o))
                .and_then(|r| r.close)
                .filter(|&c| c >= end);
            if let Some(close) = close {
                end = close + 1;
            }
        }
        if closes > opens && start > 0 && kind_at(start - 1) == TokenKind::OpenQuote {
            start -= 1;
        }
        // "called her “Miss Piggy”": a quoted label with a word or two around it, as an object cue's
        // object, is the partial quote alone (but "said it was “weaker”" is mixed speech)
        let outside = (start..end).filter(|&x| self.is_word(x) && !self.quoted(x)).count();
        // a naming verb's quoted label ("calls Santilli a “fascist”", "described it as “a
        // disaster”") is the partial quote; the object around it is the writer's
        if naming_verb(self.tok(c.first)) && c.object && c.end == c.first + 1 && (start..end).any(|x| self.quoted(x)) {
            return None;
        }
        let verb_outside = (start..end).any(|x| !self.quoted(x) && self.is_word(x) && self.finite_at(x));
        if c.object && outside < 3 && !verb_outside && (start..end).any(|x| self.quoted(x)) {
            return None;
        }
        if start >= c.end {
            end = self.relative_report_end(c, start, end);
        }
        // a clause that introduces a direct quote with a colon ends before it ("asserted that X:
        // “…,” he claimed")
        if quoted && start >= c.end && !c.object {
            if let Some(cut) =
                self.quote_intro_end(start, end).filter(|&cut| (start..cut.min(start + 4)).any(|x| self.finite_at(x)))
            {
                end = cut;
            }
        }
        // in a sentence holding a direct quote, only a clause outside it ("…,” she said, adding
        // that …)
        if quoted && (start..end).any(|x| self.quoted(x)) {
            return None;
        }
        Some(Quote {
            span: self.span_at(start).cover(self.span_at(end - 1)),
            kind: QuoteKind::Indirect,
            cue: Some(c.span(self.doc)),
            speaker_span: Some(speaker.span),
            speaker_entity: speaker.entity,
            speaker_antecedent: None,
        })
    }
}
