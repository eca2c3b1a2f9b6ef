//! Finding the speaker of a cue: the subject before it (past appositives, ages, roles and
//! relative clauses), the noun phrase after an inverted cue (“said Starmer”), the subject of the
//! clause a participle hangs on, and the checks that keep verbs, places and passives out. The
//! noun-phrase walking itself is in `phrases.rs`.

mod phrases;

use super::vocabulary::{
    BE_FORMS, CLAUSE_QUANTIFIERS, INFINITIVE_ADJECTIVES, INFINITIVE_HEADS, NAME_PARTICLES, NAMING_PARTICIPLES,
    ROLE_PREPOSITIONS,
};
use super::*;

impl<'a> Finder<'a> {
    /// Whether a naming cue stands in the passive ("being described as", "later deemed", "was
    /// dubbed"): after a form of "be" or right after a noun it modifies.
    pub(super) fn passive_cue(&self, c: CueMatch, lo: usize) -> bool {
        let naming = NAMING_PARTICIPLES;
        if !naming.iter().any(|n| self.tok(c.first).eq_ignore_ascii_case(n)) || c.first <= lo {
            return false;
        }
        let mut p = c.first - 1;
        while p > lo && (self.ly_adverb(p) || is_in(self.tok(p), &["later", "also", "often", "widely", "once"])) {
            p -= 1;
        }
        let before = self.tok(p);
        is_in(before, &["being", "been", "be", "is", "are", "was", "were", "get", "got", "gets"])
            || p + 1 < c.first && !self.quoted(p) && self.is_word(p) && !starts_upper(before) && {
                // "messages later deemed": a noun, then an adverb, then the participle
                !is_in(before, &FINITE) && !is_in(before, &PRONOUNS) && !self.finite_at(p)
            }
    }

    /// "Arab News quoted Prince Saud as saying": the person quoted, not the outlet quoting.
    pub(super) fn quoted_as_saying(&self, c: CueMatch, hi: usize) -> Option<Speaker> {
        if !is_in(self.tok(c.first), &["quoted", "quotes", "quoting", "quote"]) || c.end >= hi {
            return None;
        }
        let as_at = (c.end + 1..(c.end + 10).min(hi)).find(|&x| self.tok(x) == "as")?;
        let saying = as_at + 1 < hi && is_in(self.tok(as_at + 1), &["saying", "telling", "having", "describing"]);
        saying.then(|| self.np_after(c.end, as_at)).flatten()
    }

    /// The speaker of cue `k`, within sentence tokens `sent`.
    pub(super) fn subject_of(&self, k: usize, sent: Range<usize>, depth: usize) -> Option<Speaker> {
        let c = self.cues[k];
        if let Some(speaker) = self.quoted_as_saying(c, sent.end) {
            return Some(speaker);
        }
        match c.class {
            CueClass::Source => self.np_after(c.end, sent.end),
            // "messages later deemed “top secret”", "being dubbed the “presumptive nominee”": a
            // passive names no speaker
            CueClass::Verb if self.passive_cue(c, sent.start) => None,
            CueClass::Verb => match self.before(c.first, sent.start) {
                // "Trump in his announcement speech called …": past the phrase to the subject
                Before::Subject(s) if s.entity.is_none() => {
                    let first = self.doc.token_at_or_after(s.span.start);
                    let pp =
                        first > sent.start + 1 && is_in(self.tok(first - 1), &["in", "at", "on", "during", "with"]);
                    match pp.then(|| self.np_ending_at(first - 2, sent.start)).flatten() {
                        Some(subject) if subject.entity.is_some() => Some(subject),
                        _ => Some(s),
                    }
                }
                Before::Subject(s) => Some(s),
                // "House Republican Thomas Massie used to support Paul, but now said …"
                Before::Coordinated => {
                    self.clause_subject(k, sent.clone(), depth).or_else(|| self.titled_subject(c.first, sent))
                }
                Before::Inverted => self.np_after(c.end, sent.end),
                Before::Nothing => None,
            },
            CueClass::Participle => {
                let p = c.first.checked_sub(1).filter(|&p| p >= sent.start);
                match p {
                    // "despite admitting", "by saying": the subject of the clause
                    Some(p)
                        if self.is_word(p)
                            && (is_in(self.tok(p), &PREPOSITIONS) || is_in(self.tok(p), &["despite", "without"])) =>
                    {
                        // "Ryan, R-Wis., despite admitting …": the subject before the phrase
                        match self.before(p, sent.start) {
                            Before::Subject(s) if p > sent.start && self.tok(p - 1) == "," => Some(s),
                            _ => self.clause_subject(k, sent, depth),
                        }
                    }
                    // "He’s claiming", "the doctor is calling": the subject of the progressive
                    Some(p) if self.pronoun_be(p).is_some() => self.pronoun_be(p),
                    Some(p) if self.progressive(c, sent.start) => match self.before(p, sent.start) {
                        Before::Subject(s) => Some(s),
                        _ => None,
                    },
                    // "X saying"; else ("tweets early Friday saying") the subject of the clause
                    Some(p) if self.is_word(p) && !matches!(self.tok(p), "and" | "but") => {
                        match self.np_ending_at(p, sent.start) {
                            // "she sent an email saying …", "emailed supporters saying …": the
                            // object of a verb is not the speaker, nor that of a preposition
                            // ("responded on Facebook writing …"); the clause's subject is
                            Some(np)
                                if {
                                    let first = self.doc.token_at_or_after(np.span.start);
                                    let before = first.checked_sub(1).filter(|&b| b >= sent.start);
                                    before.is_some_and(|b| {
                                        np.entity.is_none() && (self.finite_at(b) || self.cue_at(b))
                                            || is_in(self.tok(b), &PREPOSITIONS)
                                    })
                                } =>
                            {
                                self.clause_subject(k, sent.clone(), depth)
                                    .or_else(|| self.main_subject(c.first, sent))
                                    .or(Some(np))
                            }
                            Some(np) => Some(np),
                            None => self.clause_subject(k, sent, depth),
                        }
                    }
                    _ => self.clause_subject(k, sent, depth),
                }
            }
        }
    }

    /// The subject of the main clause cue `k` hangs on: that of the nearest other verb cue in the
    /// sentence, before it first.
    pub(super) fn clause_subject(&self, k: usize, sent: Range<usize>, depth: usize) -> Option<Speaker> {
        if depth >= 3 {
            return None;
        }
        let in_sentence = |j: usize| self.cues[j].first >= sent.start && self.cues[j].end <= sent.end;
        // a verb in a relative clause ("an architect who said …") is not the main clause's
        let main = |j: usize| self.cues[j].class == CueClass::Verb && !self.relative(self.cues[j].first, sent.start);
        let before = (0..k).rev().take_while(|&j| in_sentence(j)).find(|&j| main(j));
        let after = (k + 1..self.cues.len()).take_while(|&j| in_sentence(j)).find(|&j| main(j));
        let subject = before.or(after).and_then(|j| self.subject_of(j, sent.clone(), depth + 1));
        // the subject of a subordinate clause before the participle is not the speaker ("filed
        // suit hours after the changes were announced, arguing that …"): the main clause's is
        let subordinate = subject.is_some_and(|s| {
            let first = self.doc.token_at_or_after(s.span.start);
            first > sent.start
                && is_in(self.tok(first - 1), &crate::quotes::vocabulary::SUBORDINATE_OPENERS)
                && before.is_some_and(|j| self.cues[j].first < self.cues[k].first)
        });
        let subject = if subordinate { self.main_subject(self.cues[k].first, sent.clone()) } else { subject };
        match subject {
            Some(s) => Some(s),
            // only for a participle that reports speech: "tweeting, “…”", "admitting that …"
            None if self.speech_follows(self.cues[k].end, sent.end) => self.main_subject(self.cues[k].first, sent),
            None => None,
        }
    }

    /// The subject of a verb cue coordinated with an earlier verb ("Schultz supported Democrats
    /// … and said …", "He laid out the record but then announced that …"): that of the nearest
    /// main-clause verb cue before cue `k`, else the main clause's subject. A cue after it
    /// belongs to what is reported ("… announced that he wouldn't recommend …").
    pub(super) fn coordinated_subject(&self, k: usize, sent: Range<usize>) -> Option<Speaker> {
        let in_sentence = |j: usize| self.cues[j].first >= sent.start && self.cues[j].end <= sent.end;
        let main = |j: usize| self.cues[j].class == CueClass::Verb && !self.relative(self.cues[j].first, sent.start);
        let before = (0..k).rev().take_while(|&j| in_sentence(j)).find(|&j| main(j));
        match before.and_then(|j| self.subject_of(j, sent.clone(), 1)) {
            Some(s) => Some(s),
            None => self.main_subject(self.cues.get(k)?.first, sent),
        }
    }

    /// Whether what follows token `end` is reported: "that", a comma or colon, or a quotation
    /// mark within a few words ("calling the test “a clear violation”").
    pub(super) fn speech_follows(&self, end: usize, hi: usize) -> bool {
        if end >= hi {
            return false;
        }
        if matches!(self.tok(end), "that" | "," | ":") {
            return true;
        }
        // "tweeting at him, “…”": past a short phrase and its comma
        (end..(end + 8).min(hi))
            .take_while(|&x| self.quoted(x) || !matches!(self.tok(x), "." | ";"))
            .any(|x| self.quoted(x))
    }

    /// Whether the verb at `first` is in a relative clause: "who", "which" or "that" before it,
    /// past adverbs and auxiliaries.
    pub(super) fn relative(&self, first: usize, lo: usize) -> bool {
        let mut i = first;
        while i > lo {
            let t = self.tok(i - 1);
            if is_in(t, &["who", "which", "that"]) {
                return true;
            }
            if !(is_in(t, &ADVERBS) || self.ly_adverb(i - 1)) {
                return false;
            }
            i -= 1;
        }
        false
    }

    /// The subject of the sentence's main clause, for a participle with no verb cue to hang on
    /// ("Dean, a former party chairman, poked at Trump, tweeting, “…”"): the first name or
    /// pronoun that opens the sentence or follows an introductory phrase and its comma, before
    /// token `before`.
    pub(super) fn main_subject(&self, before: usize, sent: Range<usize>) -> Option<Speaker> {
        // past a wire dateline: "PARIS, Aug 31 (Reuters) - …", "LA CROSSE, Wisc. — …"
        let start = self.dateline_end(sent.start, before);
        let mut i = start;
        while i < before {
            if self.quoted(i) {
                return None;
            }
            let opens = i == start || self.tok(i - 1) == ",";
            if opens && self.is_word(i) {
                let t = self.tok(i);
                // past a title the mention leaves out ("President Barack Obama released …")
                let titled = (i + 1..(i + 4).min(before))
                    .take_while(|&x| self.is_word(x) && starts_upper(self.tok(x)) && starts_upper(self.tok(x - 1)))
                    .find_map(|x| self.mention_at(x).filter(|m| m.span.start == self.span_at(x).start))
                    .filter(|_| self.mention_at(i).is_none() && !is_stop(t) && !is_in(t, &DETERMINERS));
                // (a capitalised preposition the entity stage took for a name is none: "Upon
                // cross-examination, Coleman …")
                let closed_class = is_in(t, &PREPOSITIONS);
                // "the" before a body's name the mention leaves it out of ("Still, the Business
                // Council of British Columbia opposed …")
                let named_after_the = (is_in(t, &["the"]) && i + 1 < before)
                    .then(|| self.mention_at(i + 1).filter(|m| m.span.start == self.span_at(i + 1).start))
                    .flatten()
                    .filter(|m| self.entity_kind(Some(m.entity)).is_some_and(|k| k != EntityKind::Person));
                let m = self
                    .mention_at(i)
                    .filter(|m| m.span.start == self.span_at(i).start && !closed_class)
                    .or(titled)
                    .or(named_after_the);
                // a party or place in a title before the person's name: "Republican presidential
                // nominee Donald Trump issued …"
                let m = m.map(|m| self.person_after_title(m, before).unwrap_or(m));
                // "Salem, New Hampshire, Trump went …": the state of a town named before is no
                // subject
                let state_of_town = m.is_some_and(|m| {
                    i >= start + 2
                        && self.tok(i - 1) == ","
                        && self.entity_kind(self.mention_at(i - 2).map(|m| m.entity)) == Some(EntityKind::Location)
                        && self.entity_kind(Some(m.entity)).is_some_and(|k| k != EntityKind::Person)
                });
                if state_of_town {
                    i += 1;
                    continue;
                }
                // "Speaking at a town hall event in Salem, …, Trump went after …": past a fronted
                // participle's phrase
                if m.is_none() && i == start && t.len() > 4 && t.ends_with("ing") && starts_upper(t) {
                    i += 1;
                    continue;
                }
                let (end, speaker) = match m {
                    // a possessive is not the subject but its modifier: "France’s party leader,
                    // Marine Le Pen, voiced …"
                    Some(m) if self.possessive_end(m.span.end) => {
                        let after = self.doc.token_at_or_after(m.span.end).max(i + 1);
                        // the name set off after it, else the whole phrase ("Clinton’s campaign
                        // said …"): a description
                        let named_after = (after..(after + 8).min(before))
                            .take_while(|&x| self.is_word(x) || self.tok(x) == ",")
                            .any(|x| self.tok(x) == ",");
                        if named_after {
                            i = after;
                            continue;
                        }
                        let verb = (after..(after + 6).min(before))
                            .take_while(|&x| {
                                (self.is_word(x) || self.kind_at(x) == Some(TokenKind::Number)) && !self.quoted(x)
                            })
                            .find(|&x| is_in(self.tok(x), &FINITE) || self.finite_at(x))?;
                        if verb == after {
                            return None;
                        }
                        let np = self.span_at(i).cover(self.span_at(verb - 1));
                        return Some(self.speaker_for(np, verb - 1));
                    }
                    Some(m) => {
                        (self.doc.token_at_or_after(m.span.end), Speaker { span: m.span, entity: Some(m.entity) })
                    }
                    None if is_in(t, &PERSONAL_PRONOUNS) => (i + 1, Speaker { span: self.span_at(i), entity: None }),
                    // "A New York judge has rejected …", "Central European leaders have embraced …",
                    // "His ex-wife agreed …": a short noun phrase opening the sentence, then its verb
                    // ("Both parents stiffened …", "Several senators backed …")
                    None if is_in(t, &["the", "a", "an", "his", "her", "their", "its", "our", "my"])
                        || i == start && is_in(t, &CLAUSE_QUANTIFIERS) && !is_in(t, &DETERMINERS)
                        || i == start
                            && starts_upper(t)
                            && !is_stop(t)
                            && !is_in(t, &DETERMINERS)
                            && !is_in(t, &PREPOSITIONS) =>
                    {
                        // an adverb set off by commas after the phrase: "A Berlin woman,
                        // meanwhile, received …"
                        let aside =
                            (i + 1..(i + 7).min(before)).take_while(|&x| self.is_word(x)).last().and_then(|x| {
                                let (comma, word, close) = (x + 1, x + 2, x + 3);
                                let set_off = close < before
                                    && self.tok(comma) == ","
                                    && self.tok(close) == ","
                                    && (is_in(self.tok(word), &ADVERBS) || self.ly_adverb(word));
                                set_off.then_some((comma, close + 1))
                            });
                        let finite = |x: usize| is_in(self.tok(x), &FINITE) || self.finite_at(x);
                        let verb = match aside {
                            Some((comma, after)) if !(i + 1..comma).any(finite) => {
                                // (a past form after the comma: `finite_at` wants a word before it)
                                let past = |v: usize| finite(v) || self.tok(v).len() > 4 && self.tok(v).ends_with("ed");
                                Some(after).filter(|&v| v < before && self.is_word(v) && !self.quoted(v) && past(v))?;
                                comma
                            }
                            _ => {
                                let verb = (i + 1..(i + 14).min(before))
                                    .take_while(|&x| self.is_word(x) && !self.quoted(x))
                                    .find(|&x| finite(x));
                                match verb {
                                    Some(v) => v,
                                    // "Minutes later, the campaign issued …": a fronted phrase
                                    // ends at its comma; the subject may follow it
                                    None => {
                                        i += 1;
                                        continue;
                                    }
                                }
                            }
                        };
                        // an adverb between the phrase and its verb: "The report also provided …"
                        let mut verb = verb;
                        while verb > i + 1 && is_in(self.tok(verb - 1), &ADVERBS) && self.tok(verb - 1) != "who" {
                            verb -= 1;
                        }
                        let plain = |x: usize| {
                            let w = self.tok(x);
                            !is_in(w, &PREPOSITIONS) && !is_stop(w) && !self.cue_at(x) && !is_in(w, &DETERMINERS)
                        };
                        // "A spokesman for Mayor Frank G. Jackson of Cleveland defended …", "One
                        // employee at a software firm declined …": the head, then its
                        // prepositional phrases; the whole phrase is a description
                        let prep = (i + 2..verb)
                            .find(|&x| is_in(self.tok(x), &ROLE_PREPOSITIONS) || is_in(self.tok(x), &["in", "on"]));
                        if let Some(p) = prep {
                            let head = (i + 1..p).all(plain);
                            let object = (p + 1..verb).all(|x| {
                                !self.cue_at(x) && !is_in(self.tok(x), &["who", "which", "that", "and", "or", "but"])
                            });
                            if !head || !object || p + 1 >= verb {
                                return None;
                            }
                            return Some(Speaker { span: self.span_at(i).cover(self.span_at(verb - 1)), entity: None });
                        }
                        if verb > i + 7 {
                            return None;
                        }
                        let noun_phrase = (i + 1..verb).all(plain);
                        if !noun_phrase || is_in(self.tok(verb - 1), &["who", "which", "that"]) {
                            return None;
                        }
                        let np = self.span_at(i).cover(self.span_at(verb - 1));
                        return Some(self.speaker_for(np, verb - 1));
                    }
                    // "…, Trump went after Bush": a capitalised word the entity stage left, after the
                    // comma that closes a fronted phrase, then a past-tense verb
                    None if i > start
                        && starts_upper(t)
                        && !is_stop(t)
                        && !is_in(t, &DETERMINERS)
                        && !closed_class
                        && i + 1 < before
                        && self.finite_at(i + 1)
                        && !starts_upper(self.tok(i + 1)) =>
                    {
                        return Some(Speaker { span: self.span_at(i), entity: None });
                    }
                    None => {
                        i += 1;
                        continue;
                    }
                };
                // followed by a verb (a lower-case word) or an appositive
                if end < before && (self.tok(end) == "," || (self.is_word(end) && !starts_upper(self.tok(end)))) {
                    // (not a place or object after a preposition, but a time may come between:
                    // "Gov. Mike Pence on Thursday blamed …")
                    let time_next = end + 1 < before && is_in(self.tok(end + 1), &TIME_WORDS);
                    if self.tok(end) != "," && is_in(self.tok(end), &PREPOSITIONS) && !time_next {
                        return None;
                    }
                    return Some(speaker);
                }
                return None;
            }
            i += 1;
        }
        None
    }

    /// Where the sentence's own words start after a wire dateline that opens it ("PARIS, Aug 31
    /// (Reuters) - ", "WASHINGTON (AP) — ", "LA CROSSE, Wisc. — "): a place in capitals, then a
    /// dash within a few tokens, with no verb before it. `start` when there is none.
    pub(super) fn dateline_end(&self, start: usize, before: usize) -> usize {
        let first = self.tok(start);
        let capitals = first.len() >= 2 && first.chars().all(|c| c.is_uppercase() || c == '.');
        if !capitals || !self.is_word(start) {
            return start;
        }
        let dash = (start + 1..(start + 12).min(before))
            .take_while(|&x| !self.quoted(x) && !self.finite_at(x))
            .find(|&x| matches!(self.tok(x), "-" | "—" | "–" | "--"));
        dash.map_or(start, |d| d + 1)
    }

    /// True when the word ending at byte `end` is a possessive ("France’s", "Trump's").
    fn possessive_end(&self, end: usize) -> bool {
        let k = self.doc.token_at_or_after(end);
        let text = &self.doc.text;
        text.get(end..).is_some_and(|rest| rest.starts_with("’s") || rest.starts_with("'s"))
            || k > 0 && {
                let t = self.tok(k - 1);
                t.ends_with("’s") || t.ends_with("'s")
            }
    }

    /// A name after a title that opens the sentence and is followed by its verb ("Mayor Tom Reed
    /// opened …"), before token `before`.
    pub(super) fn titled_subject(&self, before: usize, sent: Range<usize>) -> Option<Speaker> {
        // the name right before the verb, past a title the entity stage took for a name of its
        // own ("House Republican Thomas Massie used to …")
        let m = (sent.start..(sent.start + 6).min(before))
            .take_while(|&i| self.is_word(i) && starts_upper(self.tok(i)) && !self.quoted(i))
            .filter_map(|i| self.mention_at(i).filter(|m| m.span.start == self.span_at(i).start))
            .find(|m| {
                let end = self.doc.token_at_or_after(m.span.end);
                end < before
                    && self.is_word(end)
                    && !starts_upper(self.tok(end))
                    && !is_in(self.tok(end), &PREPOSITIONS)
            })?;
        Some(Speaker { span: m.span, entity: Some(m.entity) })
    }

    /// The person named after a title that mention `m` (a party, a place, a body) opens:
    /// "Republican presidential nominee Donald Trump", "Ohio Gov. John Kasich". Lower-case words
    /// or title words only, at most five, then a person mention before token `before`.
    fn person_after_title(&self, m: &'a Mention, before: usize) -> Option<&'a Mention> {
        if self.entity_kind(Some(m.entity)) == Some(EntityKind::Person) {
            return None;
        }
        let from = self.doc.token_at_or_after(m.span.end);
        (from..(from + 6).min(before))
            .take_while(|&x| self.is_word(x) && !self.quoted(x) && !self.finite_at(x) && !self.cue_at(x))
            .find_map(|x| {
                self.mention_at(x).filter(|p| {
                    p.span.start == self.span_at(x).start
                        && self.entity_kind(Some(p.entity)) == Some(EntityKind::Person)
                })
            })
            .filter(|p| {
                // (a title between, not a clause: every word before the name is lower-case or a title)
                // or a body's name, then a role right before the name ("U.S. District Judge
                // James Cacheris")
                let role =
                    |x: usize| parallax_lexicon::gazetteer::Gazetteer::get().is_role_head(&self.tok(x).to_lowercase());
                let first = self.doc.token_at_or_after(p.span.start);
                first > from
                    && (role(first - 1)
                        || (from..first).all(|x| {
                            let t = self.tok(x);
                            !starts_upper(t) || role(x) || t.ends_with('.')
                        }))
            })
    }

    /// Whether "to" at token `k` opens an infinitive of purpose after a clause with its own verb
    /// ("stood at a rally here to say", "went out of his way to say", "took to Twitter to say"):
    /// a phrase ends before it (not a verb, as in "declined to say", nor a person asked, as in
    /// "urged him to say"), and a finite verb stands before the phrase.
    pub(in crate::quotes) fn purpose_infinitive(&self, k: usize, lo: usize) -> bool {
        let Some(prev) = k.checked_sub(1).filter(|&p| p > lo && self.is_word(p) && !self.quoted(p)) else {
            return false;
        };
        if self.tok(k) != "to" || k + 1 >= self.doc.tokens.len() {
            return false;
        }
        // (a verb's base form follows: not "responded to reports that …")
        let base = self.tok(k + 1);
        let inflected = base.ends_with('s') && !base.ends_with("ss") || base.ends_with("ed") || base.ends_with("ing");
        let t = self.tok(prev);
        let verb_like = self.finite_at(prev) || t.ends_with("ed") || is_in(t, &FINITE) || self.cue_at(prev);
        let person =
            self.mention_at(prev).is_some_and(|m| self.entity_kind(Some(m.entity)) == Some(EntityKind::Person));
        // (nor after an adverb, which leaves the verb next: "moved quickly to explain"; nor an
        // infinitive on a noun: "one thing to say")
        let adverb = is_in(t, &ADVERBS) || self.ly_adverb(prev);
        if inflected
            || verb_like
            || person
            || adverb
            || is_in(t, &OBJECT_PRONOUNS)
            || is_in(t, &INFINITIVE_ADJECTIVES)
            || is_in(t, &INFINITIVE_HEADS)
        {
            return false;
        }
        (lo..prev).rev().take(12).take_while(|&x| !self.quoted(x) && self.tok(x) != ",").any(|x| self.finite_at(x))
    }

    /// The token index of "be" before a control adjective at token `adj` ("are slightly more
    /// likely", "was not willing"), past degree words, negation and adverbs; `None` when `adj` is
    /// no such adjective or no form of "be" governs it.
    fn control_adjective_be(&self, adj: usize, lo: usize) -> Option<usize> {
        use crate::quotes::vocabulary::{COMPARATIVES, CONTROL_ADJECTIVES};
        if !is_in(self.tok(adj), &CONTROL_ADJECTIVES) {
            return None;
        }
        let mut b = adj;
        while b > lo + 1
            && adj - b < 4
            && !is_in(self.tok(b - 1), &BE_FORMS)
            && (is_in(self.tok(b - 1), &COMPARATIVES)
                || is_in(self.tok(b - 1), &ADVERBS)
                || is_in(self.tok(b - 1), &["most", "least", "not", "very", "so", "as", "far", "much", "even"])
                || self.ly_adverb(b - 1))
        {
            b -= 1;
        }
        (b > lo + 1 && is_in(self.tok(b - 1), &BE_FORMS)).then_some(b - 1)
    }

    /// What stands before a verb cue starting at token `first`, not looking before token `lo`.
    pub(super) fn before(&self, first: usize, lo: usize) -> Before {
        let mut i = first;
        let mut skipped = 0;
        let mut after_time = false;
        let k = loop {
            if i <= lo {
                return Before::Inverted;
            }
            let k = i - 1;
            if self.quoted(k) {
                return Before::Inverted;
            }
            // a label's marks ("the hacker known as “Guccifer,” said")
            if self.label_mark(k) {
                i -= 1;
                continue;
            }
            if skipped < 8 {
                let t = self.tok(k);
                // a poll's share ("About 4 in 10 say", "42% say"), not a date's number
                if skipped == 0 && self.poll_share_start(k, lo).is_some() {
                    if let Some(s) = self.np_ending_at(k, lo) {
                        return Before::Subject(s);
                    }
                }
                // a date's number ("on Feb. 18"), not an age ("the 34-year-old")
                if self.kind_at(k) == Some(TokenKind::Number) && !t.contains('-') {
                    after_time = true;
                    skipped += 1;
                    i -= 1;
                    continue;
                }
                if self.kind_at(k) == Some(TokenKind::Word) {
                    if is_in(t, &TIME_WORDS) && (!starts_upper(t) || t.len() > 3) {
                        after_time = true;
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                    // "who in turn said", "in fact said": a fixed adverbial phrase
                    if k > lo && self.tok(k - 1) == "in" && is_in(t, &crate::quotes::vocabulary::IN_PHRASE_NOUNS) {
                        skipped += 2;
                        i -= 2;
                        continue;
                    }
                    // "has long said", "all suggested"
                    // (and a negated auxiliary: "he wouldn't recommend")
                    let negated = t.len() > 3 && (t.ends_with("n't") || t.ends_with("n’t"));
                    if is_in(t, &ADVERBS) || self.ly_adverb(k) || is_in(t, &["all", "both", "long"]) || negated {
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                    // "Volunteers here said", "Officials there say": a place after a noun
                    let place = crate::quotes::vocabulary::PLACE_ADVERBS;
                    if skipped == 0 && is_in(t, &place) && k > lo && self.is_word(k - 1) && !is_stop(self.tok(k - 1)) {
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                    // "appeared to suggest", "continues to insist", "went on to say"
                    if t == "to" && k > lo {
                        use crate::quotes::vocabulary::RAISING;
                        let v = self.tok(k - 1);
                        if is_in(v, &RAISING) {
                            skipped += 2;
                            i -= 2;
                            // "was prompted to say", "felt compelled to add"
                            if k > lo + 1
                                && v.ends_with("ed")
                                && is_in(self.tok(k - 2), &["was", "were", "is", "are", "felt", "feels", "been"])
                            {
                                skipped += 1;
                                i -= 1;
                            }
                            continue;
                        }
                        // "were slightly more likely to say", "is not willing to say": back
                        // over the adjective, its degree words and "be" to the subject
                        if let Some(be) = self.control_adjective_be(k - 1, lo) {
                            skipped += k - be;
                            i = be;
                            continue;
                        }
                        if v == "on" && k - 1 > lo && is_in(self.tok(k - 2), &["went", "goes", "go", "going"]) {
                            skipped += 3;
                            i -= 3;
                            continue;
                        }
                        // "stood at a rally to say", "took to Twitter to say": the infinitive of
                        // purpose has the main clause's subject
                        if self.purpose_infinitive(k, lo) {
                            return Before::Coordinated;
                        }
                    }
                    if after_time && is_in(t, &["on", "at", "the", "in", "early", "late", "over", "during"]) {
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                    // a participle dated after a noun: "a statement released on Friday said"
                    if after_time && past_form(t) && k > lo && self.is_word(k - 1) {
                        let p = self.tok(k - 1);
                        let nounish = !is_in(p, &BE_FORMS)
                            && !is_in(p, &PRONOUNS)
                            && !is_in(p, &["has", "have", "had", "and", "or", "who", "which", "that"])
                            && !p.ends_with("ly");
                        if nounish {
                            skipped += 1;
                            i -= 1;
                            continue;
                        }
                    }
                }
            }
            break k;
        };
        match self.tok(k) {
            "," | "–" | "—" | "-" => {
                // a dash typed as two hyphens ("The justice -- who … -- said")
                let double_dash = |x: usize| x > lo && self.tok(x) == "-" && self.tok(x - 1) == "-";
                let k = if double_dash(k) { k - 1 } else { k };
                if k > lo && self.quoted(k - 1) {
                    return Before::Inverted;
                }
                // "Kasich offered the man a job, then says he’ll …": a second verb of the clause
                if k + 1 < first && self.tok(k + 1) == "then" && (lo..k).any(|x| self.finite_at(x)) {
                    return Before::Coordinated;
                }
                // a relative clause on a named antecedent: "backed by Lena Ortiz, who argued that …"
                // (not a place after its noun: "Democrats on Capitol Hill, who …"), or on a
                // description that opens the sentence ("Many voters, who said …")
                if k + 1 < first && self.tok(k + 1) == "who" && k > lo {
                    let antecedent = self.np_ending_at(k - 1, lo).filter(|s| {
                        let s_first = self.doc.token_at_or_after(s.span.start);
                        let modifier =
                            s_first > lo && is_in(self.tok(s_first - 1), &["on", "in", "at", "of", "from", "for"]);
                        (s.entity.is_some() || self.speaker_like(*s)) && !modifier
                    });
                    if let Some(s) = antecedent {
                        return Before::Subject(s);
                    }
                }
                // "Anne Richards, assistant secretary of state for population, refugees, and
                // migration, said": a person who opens the sentence, then a long appositive
                if let Some(s) = self.opening_name_appositive(k, lo) {
                    return Before::Subject(s);
                }
                // an appositive or inserted clause: "Kallas, the EU’s foreign policy chief, said"
                let Some(mut j) = self.separator_before(k, lo, &[",", "–", "—", "(", "-"]) else {
                    return Before::Inverted;
                };
                if double_dash(j) {
                    j -= 1;
                }
                if let Some(c) = self.lex.match_at(self.doc, j + 1, k) {
                    if c.class == CueClass::Source {
                        return self.np_after(c.end, k).map_or(Before::Nothing, Before::Subject);
                    }
                }
                let only_adverbs = (j + 1..k).all(|x| {
                    let t = self.tok(x);
                    is_in(t, &ADVERBS) || is_in(t, &TIME_WORDS) || self.ly_adverb(x)
                });
                if only_adverbs {
                    return self.before(j, lo);
                }
                // "Donna Rawlings, 59, of Ashton, Md., who watched the ceremony, said": past a
                // relative clause, an age, a home town or a party label, to the name
                let mut k = k;
                let mut skipped = 0;
                while skipped < 4 && self.insert_segment(j + 1, k) {
                    skipped += 1;
                    k = j;
                    match self.separator_before(j, lo, &[",", "–", "—", "("]) {
                        Some(b) => j = b,
                        None => {
                            return self
                                .subject_ending_at(k.saturating_sub(1), lo)
                                .map_or(Before::Nothing, Before::Subject)
                        }
                    }
                }
                // "Kallas, the EU’s foreign policy chief, said" and "Ethiopia's foreign
                // minister, Gedion Timothewos, said": the side that names an entity wins
                // ("Friends of Anna Wood, known as Annie, said": the whole subject, not the name)
                let outer = if j > lo { self.subject_ending_at(j - 1, lo) } else { None };
                // not the tail of a role phrase ("Ivo Geijsen, an analyst with Bank Oyens, told")
                let inner = self.np_ending_at(k - 1, j + 1).filter(|i| {
                    let i_first = self.doc.token_at_or_after(i.span.start);
                    !(j + 1..i_first).any(|x| is_in(self.tok(x), &PREPOSITIONS) || self.tok(x) == "of")
                });
                // "Marley Anderson, 21, a junior from Las Vegas, said": past the age to the name
                let outer =
                    outer.filter(|o| !self.doc.slice(o.span).chars().all(|c| c.is_ascii_digit())).or_else(|| {
                        let b = self.separator_before(j, lo, &[",", "–", "—", "("])?;
                        (b > lo && self.insert_segment(b + 1, j)).then(|| self.subject_ending_at(b - 1, lo)).flatten()
                    });
                // (a person named after a place's role wins too: "The governor of Unity State,
                // Taban Deng, said")
                let kind_of = |s: &Speaker| s.entity.and_then(|e| self.doc.entities.get(e)).map(|e| e.kind);
                let place_then_person = |o: &Speaker, i: &Speaker| {
                    o.entity.is_some()
                        && kind_of(o) != Some(EntityKind::Person)
                        && kind_of(i) == Some(EntityKind::Person)
                };
                match (outer, inner) {
                    (Some(o), Some(i)) if o.entity.is_none() && i.entity.is_some() || place_then_person(&o, &i) => {
                        Before::Subject(i)
                    }
                    (Some(o), _) => Before::Subject(o),
                    (None, i) => i.map_or(Before::Nothing, Before::Subject),
                }
            }
            "and" | "but" => Before::Coordinated,
            // "…, the State Department, which said …": the antecedent of the relative pronoun
            "which" | "who" if k >= lo + 2 && self.tok(k - 1) == "," => {
                match self.np_ending_at(k - 2, lo).filter(|s| s.entity.is_some() || self.names_someone(*s)) {
                    Some(s) => Before::Subject(s),
                    None => Before::Nothing,
                }
            }
            ")" if self.before_parenthesis(k, lo).is_some() => {
                self.np_ending_at(k, lo).map_or(Before::Nothing, Before::Subject)
            }
            _ if !self.is_word(k) => {
                if matches!(self.kind_at(k), Some(TokenKind::OpenQuote | TokenKind::CloseQuote)) {
                    Before::Inverted
                } else {
                    Before::Nothing
                }
            }
            _ => match self.np_ending_at(k, lo) {
                // "Anais Faraj, an analyst at Nomura told …" (the appositive's closing comma
                // missing): the name before the role, not the role's organisation
                Some(np) => Before::Subject(
                    // "Officials who spoke to Reuters said": a name inside a relative clause on
                    // the subject is that clause's object
                    self.relative_subject(np, k, lo)
                        .or_else(|| self.name_before_role(np, lo))
                        .or_else(|| self.head_before_participle(np, lo))
                        .or_else(|| self.head_before_preposition(np, lo))
                        // "Growers who have lost their crops say": the object of a relative
                        // clause is not the subject
                        .or_else(|| np.entity.is_none().then(|| self.opening_subject(k, lo)).flatten())
                        .unwrap_or(np),
                ),
                // "Some delegates at the convention in Philadelphia said", "Most of them said"
                None => self
                    .opening_subject(k, lo)
                    // "a source close to him said", "aides for them say": an object pronoun
                    // ends the phrase after its preposition
                    .or_else(|| {
                        let pronoun = Speaker { span: self.span_at(k), entity: None };
                        is_in(self.tok(k), &OBJECT_PRONOUNS)
                            .then(|| {
                                self.head_before_participle(pronoun, lo)
                                    .or_else(|| self.head_before_preposition(pronoun, lo))
                            })
                            .flatten()
                    })
                    .map_or(Before::Nothing, Before::Subject),
            },
        }
    }
}
