//! Noun phrases that name a speaker: the phrase ending at or starting after a token (past
//! determiners, titles, name particles, appositives and parenthesised labels), its head's
//! entity, and whether a phrase is speaker-like (a name, a personal pronoun, not a verb form).

use super::*;
use crate::quotes::vocabulary::{APPROXIMATORS, COMPARATIVES, NUMBER_WORDS};

impl<'a> Finder<'a> {
    /// The noun phrase ending at token `k` (not reaching before `lo`), as a speaker.
    pub(in crate::quotes) fn np_ending_at(&self, k: usize, lo: usize) -> Option<Speaker> {
        if k < lo || self.quoted(k) {
            return None;
        }
        if let Some(p) = self.before_parenthesis(k, lo) {
            return self.np_ending_at(p, lo);
        }
        // "the 21-year-old told …": an age as a noun
        let age = self.kind_at(k) == Some(TokenKind::Number) && {
            let t = self.tok(k);
            t.ends_with("-old") || t.ends_with("-olds")
        };
        if age {
            let det = if k > lo && is_in(self.tok(k - 1), &DETERMINERS) { k - 1 } else { k };
            return Some(Speaker { span: self.span_at(det).cover(self.span_at(k)), entity: None });
        }
        // a poll's share as the noun: "About 4 in 10 say", "42% say"
        if let Some(first) = self.poll_share_start(k, lo) {
            let first = self.bounded_quantity(first, lo);
            return Some(Speaker { span: self.span_at(first).cover(self.span_at(k)), entity: None });
        }
        if !self.is_word(k) {
            return None;
        }
        let t = self.tok(k);
        if is_in(t, &PRONOUNS) {
            return Some(self.speaker_for(self.span_at(k), k));
        }
        // a time word, unless it is a name ("Theresa May")
        let after_name = k > lo
            && self.is_word(k - 1)
            && starts_upper(t)
            && starts_upper(self.tok(k - 1))
            && !is_in(self.tok(k - 1), &TIME_WORDS)
            && !is_stop(self.tok(k - 1));
        let time = is_in(t, &TIME_WORDS) && self.mention_at(k).is_none_or(|m| m.span.start == self.span_at(k).start);
        if !after_name && (is_stop(t) || is_in(t, &DETERMINERS) || time || is_in(t, &ADVERBS)) {
            return None;
        }
        if (!starts_upper(t) && self.cue_at(k)) || self.ly_adverb(k) || t.ends_with("’s") || t.ends_with("'s") {
            return None;
        }
        let mut j = k;
        while j > lo && k - j < 10 {
            let p = j - 1;
            if self.quoted(p) || !self.is_word(p) {
                break;
            }
            let pt = self.tok(p);
            if is_in(pt, &DETERMINERS) {
                j = p;
                break;
            }
            let joins_names =
                is_in(pt, &NAME_PARTICLES) && starts_upper(self.tok(j)) && p > lo && starts_upper(self.tok(p - 1));
            if joins_names {
                j = p;
                continue;
            }
            if is_stop(pt) || is_in(pt, &TIME_WORDS) || is_in(pt, &ADVERBS) || self.ly_adverb(p) {
                break;
            }
            if !starts_upper(pt) && self.cue_at(p) {
                break;
            }
            // a verb ends the phrase: "[the opposition] placed newspaper ads"
            if !starts_upper(pt) && self.finite_at(p) && !pt.ends_with("ed") {
                break;
            }
            if !starts_upper(pt)
                && pt.len() > 4
                && pt.ends_with("ed")
                && p > lo
                && !is_in(self.tok(p - 1), &DETERMINERS)
                && self.is_word(p - 1)
                && !starts_upper(self.tok(p - 1))
            {
                break;
            }
            j = p;
        }
        // a lone lower-case word after "to", "not" or a modal is a verb ("could not resist"), not a subject
        if j == k
            && j > lo
            && !starts_upper(t)
            && (is_in(self.tok(j - 1), &["to", "not"]) || is_in(self.tok(j - 1), &FINITE))
        {
            return None;
        }
        // "More than half", "fewer than 200 delegates": the bound belongs to the number
        let quantity = self.kind_at(j) == Some(TokenKind::Number) || is_in(self.tok(j), &NUMBER_WORDS);
        if quantity {
            // "4 in 10 voters"
            if let Some(first) = self.poll_share_start(j, lo) {
                j = first;
            }
            j = self.bounded_quantity(j, lo);
        }
        let np = self.span_at(j).cover(self.span_at(k));
        let mut speaker = self.speaker_for(np, k);
        // "Senator John Cornyn of Texas": the person before "of", not the place after it
        let is_place =
            |e: Option<usize>| e.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Location);
        if is_place(speaker.entity) {
            let of = (j + 1..k).rev().find(|&x| is_in(self.tok(x), &["of", "from"]));
            let before_of = of.and_then(|o| self.mention_at(o - 1)).filter(|m| !is_place(Some(m.entity)));
            if let Some(m) = before_of {
                speaker = Speaker { span: np, entity: Some(m.entity) };
            }
        }
        // a place after "in" is where, not who ("Reporters covering the trial in California have
        // asked")
        let place =
            speaker.entity.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Location);
        if place && j > lo && is_in(self.tok(j - 1), &["in", "at", "near", "across", "throughout"]) {
            // but people in a place are who: "Officials in Kyiv said", "The fishermen in Lamu
            // said" (a plural noun right before the preposition, alone or after a determiner)
            let prep = j - 1;
            let plural = |x: usize| {
                let w = self.tok(x);
                w.len() > 3
                    && !w.chars().skip(1).any(char::is_uppercase)
                    && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with("men"))
                    && self.mention_at(x).is_none()
            };
            let head = prep.checked_sub(1).filter(|&h| h >= lo && self.is_word(h) && plural(h));
            if let Some(h) = head {
                let start = if h > lo && is_in(self.tok(h - 1), &DETERMINERS) { h - 1 } else { h };
                let opens = start == lo || !self.is_word(start - 1) || is_in(self.tok(start), &DETERMINERS);
                if opens {
                    return Some(Speaker { span: self.span_at(start).cover(np), entity: None });
                }
            }
            return None;
        }
        // joint speakers, "Prime Minister Ana Ruiz and President Karl Veit said": the span covers
        // both names, the entity is the first's
        if speaker.entity.is_some() && j >= lo + 2 && self.tok(j - 1) == "and" {
            if let Some(first) = self.np_ending_at(j - 2, lo) {
                let f_first = self.doc.token_at_or_after(first.span.start);
                let names = (f_first..j - 1).all(|x| self.is_word(x) && starts_upper(self.tok(x)));
                if names && first.entity.is_some() && first.entity != speaker.entity {
                    // a list: "Ben Carson, Carly Fiorina and Mike Huckabee said"
                    let mut joint = Speaker { span: first.span.cover(np), entity: first.entity };
                    let mut at = f_first;
                    while at >= lo + 2 && self.tok(at - 1) == "," {
                        let Some(name) = self.np_ending_at(at - 2, lo) else { break };
                        let n_first = self.doc.token_at_or_after(name.span.start);
                        let capitalised = (n_first..at - 1).all(|x| self.is_word(x) && starts_upper(self.tok(x)));
                        if !capitalised || name.entity.is_none() || n_first >= at - 1 {
                            break;
                        }
                        joint = Speaker { span: name.span.cover(joint.span), entity: name.entity };
                        at = n_first;
                    }
                    return Some(joint);
                }
            }
        }
        Some(speaker)
    }

    /// The noun phrase starting at token `k` (not reaching `hi`), as a speaker: "said Starmer",
    /// "according to state department spokesperson Tammy Bruce".
    pub(in crate::quotes) fn np_after(&self, k: usize, hi: usize) -> Option<Speaker> {
        if k >= hi || !self.is_word(k) || self.quoted(k) {
            return None;
        }
        let t = self.tok(k);
        if is_in(t, &PRONOUNS) || is_in(t, &OBJECT_PRONOUNS) {
            return Some(self.speaker_for(self.span_at(k), k));
        }
        let first = k;
        let mut i = k;
        // "said the ministry", "say some Democrats"
        if is_in(t, &DETERMINERS) || is_in(t, &crate::quotes::vocabulary::SOURCE_OPENERS) {
            i += 1;
        }
        let mut last = None;
        while i < hi && i - first < 10 {
            if self.quoted(i) || !self.is_word(i) {
                break;
            }
            let w = self.tok(i);
            let joins_names = is_in(w, &NAME_PARTICLES)
                && last.is_some()
                && i + 1 < hi
                && starts_upper(self.tok(i - 1))
                && self.is_word(i + 1)
                && starts_upper(self.tok(i + 1));
            // a name's word that is also a stop word: "said Will Doyle", "said Mark Will"
            let named = starts_upper(w) && self.mention_at(i).is_some();
            if !joins_names
                && !named
                && (is_stop(w)
                    || is_in(w, &TIME_WORDS)
                    || is_in(w, &DETERMINERS)
                    || self.ly_adverb(i)
                    || (!starts_upper(w) && self.cue_at(i)))
            {
                break;
            }
            last = Some(i);
            i += 1;
        }
        let last = last?;
        let np = self.span_at(first).cover(self.span_at(last));
        // the head is the last mention inside the phrase, unless it is a place that only
        // modifies a noun ("A New York judge")
        let head =
            (first..=last).rev().find(|&x| self.mention_at(x).is_some_and(|m| np.contains(m.span))).filter(|&h| {
                let Some(m) = self.mention_at(h) else { return false };
                let modifier = (self.doc.token_at_or_after(m.span.end)..=last).any(|y| {
                    self.is_word(y) && !starts_upper(self.tok(y)) && !is_stop(self.tok(y)) && self.tok(y) != "of"
                });
                !(modifier && self.doc.entities.get(m.entity).is_some_and(|e| e.kind == EntityKind::Location))
            });
        // "Danny Gold of Metropolis", "Sutopo Purwo Nugroho of the agency": the person, not
        // the organisation the person is of
        let person_of = (first..=last).find_map(|x| {
            let m = self.mention_at(x).filter(|m| np.contains(m.span))?;
            let after = self.doc.token_at_or_after(m.span.end);
            let person = self.entity_kind(Some(m.entity)) == Some(EntityKind::Person);
            (person && after <= last && is_in(self.tok(after), &["of", "at", "with", "from"])).then_some(x)
        });
        match person_of.or(head) {
            Some(h) => Some(self.speaker_for(np, h)),
            // "said the bureau's director, James B. Comey": the person the role names
            None => Some(self.person_after_role(last + 1, hi).unwrap_or(Speaker { span: np, entity: None })),
        }
    }

    /// The person named right after the comma at token `comma` (before `hi`), closing the
    /// phrase: "…, James B. Comey," or "…, James B. Comey."
    fn person_after_role(&self, comma: usize, hi: usize) -> Option<Speaker> {
        if comma + 1 >= hi || self.tok(comma) != "," {
            return None;
        }
        let m = self.mention_at(comma + 1).filter(|m| m.span.start == self.span_at(comma + 1).start)?;
        if self.entity_kind(Some(m.entity)) != Some(EntityKind::Person) {
            return None;
        }
        let after = self.doc.token_at_or_after(m.span.end);
        let closes = after >= hi || matches!(self.tok(after), "," | "." | ";" | ")");
        closes.then_some(Speaker { span: m.span, entity: Some(m.entity) })
    }

    /// Where a poll's share that ends at token `k` starts, not before token `lo`: "4 in 10",
    /// "four in 10", "nine out of 10", "42%" (one token or two).
    pub(in crate::quotes) fn poll_share_start(&self, k: usize, lo: usize) -> Option<usize> {
        let number = |x: usize| self.kind_at(x) == Some(TokenKind::Number) && !self.quoted(x);
        let share_of = |x: usize| number(x) || is_in(self.tok(x), &NUMBER_WORDS) && !self.quoted(x);
        if self.tok(k) == "%" && k > lo && number(k - 1) {
            return Some(k - 1);
        }
        // "one in five say": a share in words
        if !number(k) && is_in(self.tok(k), &NUMBER_WORDS) && k >= lo + 2 && self.tok(k - 1) == "in" && share_of(k - 2)
        {
            return Some(k - 2);
        }
        if !number(k) {
            return None;
        }
        if self.tok(k).ends_with('%') {
            return Some(k);
        }
        if k >= lo + 2 && self.tok(k - 1) == "in" && share_of(k - 2) {
            return Some(k - 2);
        }
        (k >= lo + 3 && self.tok(k - 1) == "of" && self.tok(k - 2) == "out" && share_of(k - 3)).then(|| k - 3)
    }

    /// Where a number starting at token `first` starts with the words that bound or
    /// approximate it, not before token `lo`: "about 4 in 10", "more than half", "nearly 40%".
    pub(in crate::quotes) fn bounded_quantity(&self, first: usize, lo: usize) -> usize {
        if first >= lo + 2 && self.tok(first - 1) == "than" && is_in(self.tok(first - 2), &COMPARATIVES) {
            first - 2
        } else if first > lo && is_in(self.tok(first - 1), &APPROXIMATORS) {
            first - 1
        } else {
            first
        }
    }

    /// The speaker named by the words `np` whose head is token `head`: the span, and the entity
    /// of the mention at the head, if any.
    pub(in crate::quotes) fn speaker_for(&self, np: Span, head: usize) -> Speaker {
        match self.mention_at(head) {
            // a headline's name that swallowed its verb ("Lindsey Graham Says"): the entity named
            // by the words before the verb, if the text names it elsewhere
            Some(m) if m.span.end > np.end && self.span_at(head).end == np.end => {
                let name = Span::new(m.span.start.min(np.start), np.end);
                let entity = self.doc.entities.iter().position(|e| e.name == self.doc.slice(name));
                Speaker { span: name, entity }
            }
            Some(m) => Speaker { span: m.span, entity: Some(m.entity) },
            None => Speaker { span: np, entity: None },
        }
    }

    /// The noun a reduced relative clause hangs on ("A letter sent to the board says …"): `np`
    /// follows a preposition after a past participle.
    pub(in crate::quotes) fn head_before_participle(&self, np: Speaker, lo: usize) -> Option<Speaker> {
        let mut first = self.doc.token_at_or_after(np.span.start);
        // (past the article a name's mention leaves out: "to the Daily Ledger")
        if first > lo + 1 && is_in(self.tok(first - 1), &["the"]) {
            first -= 1;
        }
        let prep = first
            .checked_sub(1)
            .filter(|&p| p > lo + 1 && is_in(self.tok(p), &["to", "by", "from", "for", "with", "on", "about"]))?;
        let participle = self.tok(prep - 1);
        // "obtained by", "speaking to", "close to"
        let past = !starts_upper(participle)
            && (participle.len() > 4 && (participle.ends_with("ed") || participle.ends_with("ing"))
                || is_in(participle, &IRREGULAR_PAST)
                || participle == "close" && self.tok(prep) == "to");
        if !past || prep - 1 <= lo {
            return None;
        }
        let head = self.np_ending_at(prep - 2, lo)?;
        if head.entity.is_some() {
            return None;
        }
        // the head opens with an article or a quantifier ("A letter", "the report", "Another
        // source"), or is a bare plural ("Sources close to the mayor")
        let head_first = self.doc.token_at_or_after(head.span.start);
        let opener = self.tok(head_first);
        let bare_plural = head_first == prep - 2
            && (opener.len() > 3 && opener.ends_with('s') && !opener.ends_with("ss")
                || opener.eq_ignore_ascii_case("people"));
        let opens = is_in(opener, &["a", "an", "the", "another", "one", "two", "three", "several"]) || bare_plural;
        // the whole phrase is the description: "Another source speaking to Fox News"
        opens.then(|| Speaker { span: head.span.cover(np.span), entity: None })
    }

    /// The noun phrase ending at token `k` as a subject before an appositive or insert: the
    /// whole phrase a name completes after a preposition ("Friends of Anna Wood, 20, said" →
    /// "Friends of Anna Wood", see [`Self::head_before_preposition`]), else the phrase.
    pub(in crate::quotes) fn subject_ending_at(&self, k: usize, lo: usize) -> Option<Speaker> {
        let np = self.np_ending_at(k, lo)?;
        Some(self.head_before_preposition(np, lo).unwrap_or(np))
    }

    /// The whole subject when `np` only completes it after a preposition ("a spokesperson for
    /// the ministry", "the head of Sony Pictures"): the reader names the subject, not the nearest
    /// noun. The phrase before the preposition opens with a determiner or is a bare plural, and
    /// names no entity; the
    /// subject gets no entity (a spokesperson is not the ministry).
    pub(in crate::quotes) fn head_before_preposition(&self, np: Speaker, lo: usize) -> Option<Speaker> {
        use crate::quotes::vocabulary::{ROLE_PREPOSITIONS, SOURCE_OPENERS};
        let mut first = self.doc.token_at_or_after(np.span.start);
        // (past the article a name's mention leaves out: "at the DNC")
        if first > lo + 1 && self.tok(first - 1) == "the" && np.entity.is_some() {
            first -= 1;
        }
        let prep = first.checked_sub(1).filter(|&p| p > lo && is_in(self.tok(p), &ROLE_PREPOSITIONS))?;
        let head = self.np_ending_at(prep - 1, lo).filter(|h| h.entity.is_none())?;
        // "the statement from the Department of Justice": a statement speaks for its author
        use crate::quotes::vocabulary::SPEECH_NOUNS;
        if np.entity.is_some() && is_in(self.tok(prep - 1), &SPEECH_NOUNS) {
            return None;
        }
        let head_first = self.doc.token_at_or_after(head.span.start);
        // or a bare plural, of up to three words ("Witnesses for the prosecution", "Officials at
        // the ministry", "Staff members at the party"), or a share ("Seventy-three percent of
        // Americans")
        let head_last = self.doc.token_at_or_after(head.span.end).saturating_sub(1);
        let bare_plural = head_last >= head_first && head_last - head_first < 3 && {
            let t = self.tok(head_last);
            t.len() > 3
                && t.ends_with('s')
                && !t.ends_with("ss")
                && !starts_upper(t)
                && (head_first..=head_last).all(|x| self.mention_at(x).is_none())
        } || head_last == head_first && {
            let t = self.tok(head_first);
            t.len() > 3 && t.ends_with('s') && !t.ends_with("ss") && self.mention_at(head_first).is_none()
        };
        let share = is_in(self.tok(head_last), &["percent", "%"]) && self.tok(prep) == "of";
        let opens = is_in(self.tok(head_first), &DETERMINERS)
            || is_in(self.tok(head_first), &SOURCE_OPENERS)
            || bare_plural
            || share;
        let verb_before = head_first > lo && (self.finite_at(head_first - 1) || self.cue_at(head_first - 1));
        (opens && !verb_before && self.speaker_like(head))
            .then(|| Speaker { span: head.span.cover(np.span), entity: None })
    }

    /// The noun phrase that opens the sentence and ends at token `k`, right before its verb, when
    /// the nearest noun alone names no one: a head with prepositional phrases ("Some delegates at
    /// the convention in Philadelphia", "Most of them", "People in Fort Pierce") or a restrictive
    /// relative clause on people ("Growers who have lost their crops"; not "The fact that …").
    /// It opens with a
    /// determiner, a quantifier, a capitalised word or a plural noun, holds no comma, quotation or
    /// speech cue, and no verb outside the relative clause. The whole phrase is the speaker,
    /// named by the entity its head is, if any.
    pub(in crate::quotes) fn opening_subject(&self, k: usize, lo: usize) -> Option<Speaker> {
        use crate::quotes::vocabulary::SOURCE_OPENERS;
        // the clause opens the sentence or follows ", and", ", but" or a semicolon
        let clause_start = (lo + 1..k)
            .rev()
            .find(|&x| {
                !self.quoted(x)
                    && (matches!(self.tok(x), ";" | ":")
                        || is_in(self.tok(x), &["and", "but"]) && self.tok(x - 1) == ",")
            })
            .map_or(lo, |x| x + 1);
        // "Until the announcement, most of them said …", "And when the plant closed, many
        // said …": past a fronted phrase or subordinate clause, to the comma that closes it
        let clause_start = {
            let mut o = clause_start;
            if o + 1 < k && is_in(self.tok(o), &["and", "but"]) {
                o += 1;
            }
            let fronted = o < k
                && (is_in(self.tok(o), &PREPOSITIONS)
                    || is_in(self.tok(o), &crate::quotes::vocabulary::SUBORDINATE_OPENERS));
            let comma = (o + 2..k).rev().find(|&x| self.tok(x) == "," && !self.quoted(x));
            match comma {
                Some(comma) if fronted && !(o..comma).any(|x| self.quoted(x) || self.cue_at(x)) => comma + 1,
                _ => clause_start,
            }
        };
        let start = self.dateline_end(clause_start, k);
        if k < start || k - start > 14 || !self.is_word(k) {
            return None;
        }
        // "Many said …", "most said …": a quantifier alone
        if start == k && is_in(self.tok(k), &SOURCE_OPENERS) {
            return Some(Speaker { span: self.span_at(k), entity: None });
        }
        let first = self.tok(start);
        let plural = first.len() > 3 && first.ends_with('s') && !first.ends_with("ss");
        let opens = is_in(first, &DETERMINERS)
            || is_in(first, &SOURCE_OPENERS)
            || is_in(first, &crate::quotes::vocabulary::CLAUSE_QUANTIFIERS)
            || starts_upper(first) && !is_in(first, &PREPOSITIONS) && !is_stop(first)
            || plural;
        if !opens {
            return None;
        }
        // "that" opening a relative clause on the head, its verb next ("Groups that have endorsed
        // him say")
        let relative_that =
            |x: usize| self.tok(x) == "that" && x < k && (is_in(self.tok(x + 1), &FINITE) || self.finite_at(x + 1));
        // the head runs to the first preposition or "who"
        let head_end = (start + 1..=k).find(|&x| {
            let t = self.tok(x);
            is_in(t, &PREPOSITIONS) && !is_in(t, &["and", "or"]) || is_in(t, &["who", "whose"]) || relative_that(x)
        })?;
        // a name, then a lower-case word, is a clause ("Eyewitness News spoke to one man who
        // says"), not a head noun
        // (a singular noun after a name is the head: "A Republican National Committee member
        // who …"; "spoke", "interviewed", "talks" are verbs)
        let named_then_verb = (start + 1..head_end).any(|x| {
            let w = self.tok(x);
            let verb = self.finite_at(x) || is_in(w, &FINITE) || w.ends_with('s') && !w.ends_with("ss");
            !starts_upper(w) && self.mention_at(x - 1).is_some() && self.mention_at(x).is_none() && verb
        });
        if named_then_verb {
            return None;
        }
        // (or "whose": "The officials whose laws were struck down say")
        let relative = is_in(self.tok(head_end), &["who", "whose"]) || relative_that(head_end);
        let clean = (start..=k).all(|x| {
            let t = self.tok(x);
            // (a head may coordinate: "Current and former officials who …")
            let joins_head = is_in(t, &["and", "or"]) && x < head_end;
            let breaks =
                is_in(t, &["which", "whose", "but", "and", "or"]) && !joins_head && !(relative && x == head_end);
            (self.is_word(x) || matches!(t, "-" | "'s" | "’s"))
                && !self.quoted(x)
                && !self.cue_at(x)
                && !breaks
                && (relative && x > head_end || !(is_in(t, &FINITE) || self.finite_at(x)))
        });
        // a relative clause has its verb; a preposition its object
        let complete = if relative {
            // (the word after "who" is its verb, in any tense: "who know her")
            (head_end + 1..=k).any(|x| is_in(self.tok(x), &FINITE) || self.finite_at(x))
                || head_end + 1 < k && !starts_upper(self.tok(head_end + 1))
        } else {
            head_end < k
        };
        if !clean || !complete || head_end == start && !is_in(first, &SOURCE_OPENERS) {
            return None;
        }
        let np = self.span_at(start).cover(self.span_at(k));
        // the head's last word names the entity, if any (not a name that only modifies it: "A
        // Republican National Committee member")
        let last = head_end - 1;
        let head = (start..head_end).rev().find(|&x| self.mention_at(x).is_some_and(|m| np.contains(m.span)));
        let head =
            head.filter(|&h| h == last || self.mention_at(h).is_some_and(|m| m.span.end >= self.span_at(last).end));
        Some(head.map_or(Speaker { span: np, entity: None }, |h| self.speaker_for(np, h)))
    }

    /// The subject opening the sentence when its relative clause holds `np`, the phrase that
    /// ends at token `k` right before the verb: "Officials who spoke to Reuters said", "Two
    /// executives who met with Mayor Ana Ruiz said" (the name is the clause's object).
    pub(in crate::quotes) fn relative_subject(&self, np: Speaker, k: usize, lo: usize) -> Option<Speaker> {
        let np_first = self.doc.token_at_or_after(np.span.start);
        self.opening_subject(k, lo).filter(|s| {
            let s_first = self.doc.token_at_or_after(s.span.start);
            // (a lower-case "who": not the one in "Doctor Who boss Steven Moffat")
            s_first < np_first && (s_first..np_first).any(|x| self.tok(x) == "who")
        })
    }

    /// A person named at the sentence's start and set off by a comma, when everything up to the
    /// comma at token `k` (right before the cue) is an appositive or a relative clause on them:
    /// "Anne Richards, assistant secretary of state for population, refugees, and migration,
    /// said", "Vice President Joseph R. Biden Jr., who was to travel to Columbus, Ohio, on
    /// Wednesday, said". The appositive opens with a lower-case word or a number (not a list of
    /// names), holds no quotation, speech cue or semicolon, and a verb only after "who" or
    /// "whose".
    pub(in crate::quotes) fn opening_name_appositive(&self, k: usize, lo: usize) -> Option<Speaker> {
        let start = self.dateline_end(lo, k);
        // past a title the mention leaves out ("Vice President Joseph R. Biden Jr.")
        let m = (start..(start + 4).min(k))
            .take_while(|&x| self.is_word(x) && starts_upper(self.tok(x)))
            .find_map(|x| self.mention_at(x).filter(|m| m.span.start == self.span_at(x).start))?;
        if self.entity_kind(Some(m.entity)) != Some(EntityKind::Person) {
            return None;
        }
        let comma = self.doc.token_at_or_after(m.span.end);
        let next = comma + 1;
        if comma >= k || self.tok(comma) != "," || next >= k || !self.is_word(next) {
            return None;
        }
        let t = self.tok(next);
        if starts_upper(t) && self.kind_at(next) != Some(TokenKind::Number) {
            return None;
        }
        let mut relative = is_in(t, &["who", "whose"]);
        for x in next..k {
            let w = self.tok(x);
            if self.quoted(x) || matches!(w, ";" | ":") || self.cue_at(x) {
                return None;
            }
            relative |= is_in(w, &["who", "whose"]);
            // (a past right after a comma is a verb too: "Mr Buckley, originally from Essex,
            // lived in New Zealand, says the agency")
            let past_after_comma = self.tok(x - 1) == "," && !starts_upper(w) && w.len() > 4 && w.ends_with("ed");
            if !relative && (is_in(w, &FINITE) || self.finite_at(x) || past_after_comma) {
                return None;
            }
        }
        Some(Speaker { span: m.span, entity: Some(m.entity) })
    }

    /// The named person before an unclosed role appositive that ends in `np` ("Anais Faraj, an
    /// analyst at Nomura"): `np` (or the title before it) follows "at", "of", "for" or "with",
    /// and a comma and a name come a few words before.
    pub(in crate::quotes) fn name_before_role(&self, np: Speaker, lo: usize) -> Option<Speaker> {
        let mut first = self.doc.token_at_or_after(np.span.start);
        // past the title the entity layer gave the name ("a spokesman for Texas Attorney
        // General Greg Abbott told")
        let title = np.entity.and_then(|e| self.doc.entities.get(e)).and_then(|e| {
            e.roles.iter().find(|r| r.span.end <= np.span.start && self.doc.token_at_or_after(r.span.end) == first)
        });
        if let Some(title) = title {
            first = self.doc.token_at_or_after(title.span.start);
        }
        let prep =
            first.checked_sub(1).filter(|&p| p > lo && is_in(self.tok(p), &["at", "of", "for", "with", "from"]))?;
        let comma = (prep.saturating_sub(6).max(lo)..prep).rev().find(|&x| self.tok(x) == ",")?;
        let role = (comma + 1..prep).all(|x| self.is_word(x) && !self.quoted(x) && !self.finite_at(x));
        if !role || comma <= lo {
            return None;
        }
        self.np_ending_at(comma - 1, lo)
            .filter(|n| n.entity.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Person))
    }

    /// Whether tokens `a..b`, between commas after a name, are an insertion that is not the
    /// speaker: a relative clause ("who lost the primaries"), an age ("59"), a home town ("of
    /// Ashton", "Md.") or a party label ("R-Wis.", "D-Mo.").
    pub(in crate::quotes) fn insert_segment(&self, a: usize, b: usize) -> bool {
        if a >= b {
            return false;
        }
        let first = self.tok(a);
        if is_in(first, &["who", "which", "whose", "whom"])
            || (b - a == 1 && self.kind_at(a) == Some(TokenKind::Number))
        {
            return true;
        }
        if b - a <= 3 && is_in(first, &["of", "from"]) && (a + 1..b).all(|x| starts_upper(self.tok(x))) {
            return true;
        }
        // a participle's phrase: "Sandra Inman, …, attending the Tea Party convention, said"
        if b - a >= 2
            && first.len() > 4
            && first.ends_with("ing")
            && !starts_upper(first)
            && self.is_word(a)
            && first != "including"
        {
            return true;
        }
        // a time set off by commas: "…, who lost her daughter in Aurora, Colorado, in July 2012, said"
        let time = |x: usize| is_in(self.tok(x), &TIME_WORDS) || self.kind_at(x) == Some(TokenKind::Number);
        if b - a <= 4 && b - a >= 2 && is_in(first, &["in", "on", "during", "since"]) && (a + 1..b).all(time) {
            return true;
        }
        // the state or country of a home town: "a delegate from Houston, Texas, said"
        let place_or_unnamed = (a..b).all(|x| {
            self.mention_at(x)
                .and_then(|m| self.doc.entities.get(m.entity))
                .is_none_or(|e| e.kind == EntityKind::Location)
        });
        let place_before = place_or_unnamed && a >= 3 && self.tok(a - 1) == "," && starts_upper(self.tok(a - 2)) && {
            let run = (0..a - 2).rev().take_while(|&x| starts_upper(self.tok(x))).count();
            // the word before the town's name
            a >= run + 3 && is_in(self.tok(a - 3 - run), &["of", "from", "in"])
        };
        if place_before && b - a <= 3 && (a..b).all(|x| starts_upper(self.tok(x))) {
            return true;
        }
        // "Md." / "R-Wis." / "D-N.Y."
        let t = &self.doc.text[self.span_at(a).start..self.span_at(b - 1).end];
        t.len() <= 10
            && starts_upper(t)
            && (t.contains('.') || t.contains('-'))
            && t.chars().all(|c| c.is_ascii_alphabetic() || c == '.' || c == '-')
            && t.chars().filter(|c| c.is_ascii_lowercase()).count() <= 3
    }

    /// Token `k` is a closing parenthesis of a short label after a name ("Graham (R-S.C.)"):
    /// the index of the token before the opening one.
    pub(in crate::quotes) fn before_parenthesis(&self, k: usize, lo: usize) -> Option<usize> {
        if self.tok(k) != ")" {
            return None;
        }
        let open = (k.saturating_sub(8).max(lo)..k).rev().find(|&x| self.tok(x) == "(")?;
        (open > lo && !self.quoted(open - 1) && self.is_word(open - 1)).then(|| open - 1)
    }

    /// A speaker that names someone: an entity's mention or a personal pronoun.
    pub(in crate::quotes) fn names_someone(&self, s: Speaker) -> bool {
        s.entity.is_some() || is_in(self.doc.slice(s.span), &PERSONAL_PRONOUNS)
    }

    /// A subject that can be a speaker: not a verb form or a number.
    pub(in crate::quotes) fn speaker_like(&self, s: Speaker) -> bool {
        if s.entity.is_some() {
            return true;
        }
        let last = self.doc.slice(s.span).rsplit(' ').next().unwrap_or("");
        let first = self.doc.slice(s.span).split(' ').next().unwrap_or("");
        // a lone -ing word ("having", "regarding") is a verb, not a speaker
        let lone_ing = !self.doc.slice(s.span).contains(' ') && last.ends_with("ing") && s.entity.is_none();
        !(last.is_empty()
            || lone_ing
            || !self.speaker_phrase_shape(s)
            || is_in(last, &FINITE)
            || last.ends_with("n't")
            || last.ends_with("n’t")
            || last.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && !self.doc.slice(s.span).contains(" in ")
                && !self.doc.slice(s.span).contains(" out of ")
            || is_in(first, &["what", "which", "who", "that", "this", "it’s", "it's", "to"]))
    }

    /// Whether the words of a speaker without an entity have a noun phrase's shape: not opening
    /// with a verb's particle ("out two chemical weapons", "including one"), not ending with a
    /// preposition or a determiner ("its list of"), and not one lower-case word shaped as a
    /// participle or an adjective ("named", "exclusive", "post-traumatic"), unless it is a noun
    /// that speaks alone ("police", "one").
    fn speaker_phrase_shape(&self, s: Speaker) -> bool {
        use crate::quotes::vocabulary::{BARE_SPEAKERS, NON_SPEAKER_SUFFIXES, NON_SPEAKER_WORDS};
        let text = self.doc.slice(s.span);
        let (Some(first), Some(last)) = (text.split_whitespace().next(), text.split_whitespace().next_back()) else {
            return false;
        };
        let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
        if lower(first) && is_in(first, &NON_SPEAKER_WORDS) {
            return false;
        }
        if first != last && lower(last) && (is_in(last, &PREPOSITIONS) || is_in(last, &DETERMINERS)) {
            return false;
        }
        if first == last && lower(first) && !is_in(first, &BARE_SPEAKERS) {
            let w = first.to_ascii_lowercase();
            return !NON_SPEAKER_SUFFIXES.iter().any(|suffix| w.ends_with(suffix));
        }
        true
    }

    /// The pronoun of a contraction with "be" at token `p` ("He’s", "they're"), as a speaker.
    pub(in crate::quotes) fn pronoun_be(&self, p: usize) -> Option<Speaker> {
        use crate::quotes::vocabulary::BE_CONTRACTIONS as SUFFIXES;
        let t = self.tok(p);
        // the contraction as its own token ("He" "’s") or inside the pronoun's token
        let (head, pronoun) = if SUFFIXES.contains(&t) {
            let q = p.checked_sub(1).filter(|&q| self.is_word(q))?;
            (q, self.tok(q))
        } else {
            let cut = SUFFIXES.iter().find_map(|x| t.strip_suffix(x))?;
            (p, cut)
        };
        if !is_in(pronoun, &["he", "she", "it", "they", "we"]) {
            return None;
        }
        let start = self.span_at(head).start;
        Some(self.speaker_for(Span::new(start, start + pronoun.len()), head))
    }
}
