//! Finding the speaker of a cue: the subject before it (past appositives, ages, roles and
//! relative clauses), the noun phrase after an inverted cue (“said Starmer”), the subject of the
//! clause a participle hangs on, and the checks that keep verbs, places and passives out.

use super::*;

impl<'a> Finder<'a> {
    /// Whether a naming cue stands in the passive ("being described as", "later deemed", "was
    /// dubbed"): after a form of "be" or right after a noun it modifies.
    pub(super) fn passive_cue(&self, c: CueMatch, lo: usize) -> bool {
        let naming = ["described", "dubbed", "deemed", "labeled", "labelled", "branded", "called", "termed"];
        if !naming.iter().any(|n| self.tok(c.first).eq_ignore_ascii_case(n)) || c.first <= lo {
            return false;
        }
        let mut p = c.first - 1;
        while p > lo && (self.ly_adverb(p) || is_in(self.tok(p), &["later", "also", "often", "widely", "once"])) {
            p -= 1;
        }
        let before = self.tok(p);
        is_in(before, &["being", "been", "be", "is", "are", "was", "were", "get", "got", "gets"])
            || p + 1 < c.first && !self.in_quote[p] && self.is_word(p) && !starts_upper(before) && {
                // "messages later deemed": a noun, then an adverb, then the participle
                !vocabulary::is(WordClass::Finite, before) && !is_in(before, PRONOUNS) && !self.finite_at(p)
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
                Before::Coordinated => self.clause_subject(k, sent, depth),
                Before::Inverted => self.np_after(c.end, sent.end),
                Before::Nothing => None,
            },
            CueClass::Participle => {
                let p = c.first.checked_sub(1).filter(|&p| p >= sent.start);
                match p {
                    // "despite admitting", "by saying": the subject of the clause
                    Some(p)
                        if self.is_word(p)
                            && (is_in(self.tok(p), PREPOSITIONS) || is_in(self.tok(p), &["despite", "without"])) =>
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
                            // object of a verb is not the speaker; the verb's subject is
                            Some(np)
                                if np.entity.is_none() && {
                                    let first = self.doc.token_at_or_after(np.span.start);
                                    first > sent.start && (self.finite_at(first - 1) || self.cue_at(first - 1))
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
        match before.or(after).and_then(|j| self.subject_of(j, sent.clone(), depth + 1)) {
            Some(s) => Some(s),
            // only for a participle that reports speech: "tweeting, “…”", "admitting that …"
            None if self.speech_follows(self.cues[k].end, sent.end) => self.main_subject(self.cues[k].first, sent),
            None => None,
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
            .take_while(|&x| self.in_quote[x] || !matches!(self.tok(x), "." | ";"))
            .any(|x| self.in_quote[x])
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
            if !(vocabulary::is(WordClass::Adverb, t) || self.ly_adverb(i - 1)) {
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
        let mut i = sent.start;
        while i < before {
            if self.in_quote[i] {
                return None;
            }
            let opens = i == sent.start || self.tok(i - 1) == ",";
            if opens && self.is_word(i) {
                let t = self.tok(i);
                // past a title the mention leaves out ("President Barack Obama released …")
                let titled = (i + 1..(i + 4).min(before))
                    .take_while(|&x| self.is_word(x) && starts_upper(self.tok(x)) && starts_upper(self.tok(x - 1)))
                    .find_map(|x| self.mention_at(x).filter(|m| m.span.start == self.doc.tokens[x].span.start))
                    .filter(|_| self.mention_at(i).is_none() && !is_stop(t) && !is_in(t, DETERMINERS));
                let m = self.mention_at(i).filter(|m| m.span.start == self.doc.tokens[i].span.start).or(titled);
                let (end, speaker) = match m {
                    Some(m) => {
                        (self.doc.token_at_or_after(m.span.end), Speaker { span: m.span, entity: Some(m.entity) })
                    }
                    None if is_in(t, PERSONAL_PRONOUNS) => {
                        (i + 1, Speaker { span: self.doc.tokens[i].span, entity: None })
                    }
                    // "A New York judge has rejected …", "Central European leaders have embraced …",
                    // "His ex-wife agreed …": a short noun phrase opening the sentence, then its verb
                    None if is_in(t, &["the", "a", "an", "his", "her", "their", "its", "our", "my"])
                        || i == sent.start && starts_upper(t) && !is_stop(t) && !is_in(t, DETERMINERS) =>
                    {
                        let verb = (i + 1..(i + 7).min(before))
                            .take_while(|&x| self.is_word(x) && !self.in_quote[x])
                            .find(|&x| vocabulary::is(WordClass::Finite, self.tok(x)) || self.finite_at(x))?;
                        let noun_phrase = (i + 1..verb).all(|x| {
                            let w = self.tok(x);
                            !is_in(w, PREPOSITIONS) && !is_stop(w) && !self.cue_at(x) && !is_in(w, DETERMINERS)
                        });
                        if !noun_phrase || is_in(self.tok(verb - 1), &["who", "which", "that"]) {
                            return None;
                        }
                        let np = self.doc.tokens[i].span.cover(self.doc.tokens[verb - 1].span);
                        return Some(self.speaker_for(np, verb - 1));
                    }
                    None => {
                        i += 1;
                        continue;
                    }
                };
                // followed by a verb (a lower-case word) or an appositive
                if end < before && (self.tok(end) == "," || (self.is_word(end) && !starts_upper(self.tok(end)))) {
                    if self.tok(end) != "," && is_in(self.tok(end), PREPOSITIONS) {
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

    /// A name after a title that opens the sentence and is followed by its verb ("Mayor Tom Reed
    /// opened …"), before token `before`.
    pub(super) fn titled_subject(&self, before: usize, sent: Range<usize>) -> Option<Speaker> {
        let m = (sent.start..(sent.start + 4).min(before))
            .take_while(|&i| self.is_word(i) && starts_upper(self.tok(i)) && !self.in_quote[i])
            .find_map(|i| self.mention_at(i).filter(|m| m.span.start == self.doc.tokens[i].span.start))?;
        let end = self.doc.token_at_or_after(m.span.end);
        let verb =
            end < before && self.is_word(end) && !starts_upper(self.tok(end)) && !is_in(self.tok(end), PREPOSITIONS);
        verb.then_some(Speaker { span: m.span, entity: Some(m.entity) })
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
            if self.in_quote[k] {
                return Before::Inverted;
            }
            if skipped < 8 {
                let t = self.tok(k);
                // a date's number ("on Feb. 18"), not an age ("the 34-year-old")
                if self.doc.tokens[k].kind == TokenKind::Number && !t.contains('-') {
                    after_time = true;
                    skipped += 1;
                    i -= 1;
                    continue;
                }
                if self.doc.tokens[k].kind == TokenKind::Word {
                    if vocabulary::is(WordClass::TimeWord, t) && (!starts_upper(t) || t.len() > 3) {
                        after_time = true;
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                    // "has long said", "all suggested"
                    if vocabulary::is(WordClass::Adverb, t) || self.ly_adverb(k) || is_in(t, &["all", "both", "long"]) {
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                    // "appeared to suggest", "continues to insist", "went on to say"
                    if t == "to" && k > lo {
                        let v = self.tok(k - 1);
                        if vocabulary::is(WordClass::Raising, v) {
                            skipped += 2;
                            i -= 2;
                            continue;
                        }
                        if v == "on" && k - 1 > lo && is_in(self.tok(k - 2), &["went", "goes", "go", "going"]) {
                            skipped += 3;
                            i -= 3;
                            continue;
                        }
                    }
                    if after_time && is_in(t, &["on", "at", "the", "in", "early", "late", "over", "during"]) {
                        skipped += 1;
                        i -= 1;
                        continue;
                    }
                }
            }
            break k;
        };
        match self.tok(k) {
            "," | "–" | "—" | "-" => {
                if k > lo && self.in_quote[k - 1] {
                    return Before::Inverted;
                }
                // a relative clause on a named antecedent: "backed by Lena Ortiz, who argued that …"
                // (not a place after its noun: "Democrats on Capitol Hill, who …")
                if k + 1 < first && self.tok(k + 1) == "who" && k > lo {
                    let antecedent = self.np_ending_at(k - 1, lo).filter(|s| {
                        let s_first = self.doc.token_at_or_after(s.span.start);
                        let modifier =
                            s_first > lo && is_in(self.tok(s_first - 1), &["on", "in", "at", "of", "from", "for"]);
                        s.entity.is_some() && !modifier
                    });
                    if let Some(s) = antecedent {
                        return Before::Subject(s);
                    }
                }
                // an appositive or inserted clause: "Kallas, the EU’s foreign policy chief, said"
                let Some(mut j) = self.separator_before(k, lo, &[",", "–", "—", "(", "-"]) else {
                    return Before::Inverted;
                };
                if let Some(c) = self.lex.match_at(self.doc, j + 1, k) {
                    if c.class == CueClass::Source {
                        return self.np_after(c.end, k).map_or(Before::Nothing, Before::Subject);
                    }
                }
                let only_adverbs = (j + 1..k).all(|x| {
                    let t = self.tok(x);
                    vocabulary::is(WordClass::Adverb, t) || vocabulary::is(WordClass::TimeWord, t) || self.ly_adverb(x)
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
                            return self.np_ending_at(k.saturating_sub(1), lo).map_or(Before::Nothing, Before::Subject)
                        }
                    }
                }
                // "Kallas, the EU’s foreign policy chief, said" and "Ethiopia's foreign
                // minister, Gedion Timothewos, said": the side that names an entity wins
                let outer = if j > lo { self.np_ending_at(j - 1, lo) } else { None };
                // not the tail of a role phrase ("Ivo Geijsen, an analyst with Bank Oyens, told")
                let inner = self.np_ending_at(k - 1, j + 1).filter(|i| {
                    let i_first = self.doc.token_at_or_after(i.span.start);
                    !(j + 1..i_first).any(|x| is_in(self.tok(x), PREPOSITIONS) || self.tok(x) == "of")
                });
                // "Marley Anderson, 21, a junior from Las Vegas, said": past the age to the name
                let outer =
                    outer.filter(|o| !self.doc.slice(o.span).chars().all(|c| c.is_ascii_digit())).or_else(|| {
                        let b = self.separator_before(j, lo, &[",", "–", "—", "("])?;
                        (b > lo && self.insert_segment(b + 1, j)).then(|| self.np_ending_at(b - 1, lo)).flatten()
                    });
                match (outer, inner) {
                    (Some(o), Some(i)) if o.entity.is_none() && i.entity.is_some() => Before::Subject(i),
                    (Some(o), _) => Before::Subject(o),
                    (None, i) => i.map_or(Before::Nothing, Before::Subject),
                }
            }
            "and" | "but" => Before::Coordinated,
            ")" if self.before_parenthesis(k, lo).is_some() => {
                self.np_ending_at(k, lo).map_or(Before::Nothing, Before::Subject)
            }
            _ if !self.is_word(k) => {
                if matches!(self.doc.tokens[k].kind, TokenKind::OpenQuote | TokenKind::CloseQuote) {
                    Before::Inverted
                } else {
                    Before::Nothing
                }
            }
            _ => match self.np_ending_at(k, lo) {
                // "Anais Faraj, an analyst at Nomura told …" (the appositive's closing comma
                // missing): the name before the role, not the role's organisation
                Some(np) => Before::Subject(
                    self.name_before_role(np, lo).or_else(|| self.head_before_participle(np, lo)).unwrap_or(np),
                ),
                None => Before::Nothing,
            },
        }
    }

    /// The noun a reduced relative clause hangs on ("A letter sent to the board says …"): `np`
    /// follows a preposition after a past participle.
    pub(super) fn head_before_participle(&self, np: Speaker, lo: usize) -> Option<Speaker> {
        let first = self.doc.token_at_or_after(np.span.start);
        let prep =
            first.checked_sub(1).filter(|&p| p > lo + 1 && is_in(self.tok(p), &["to", "by", "from", "for", "with"]))?;
        let participle = self.tok(prep - 1);
        let past = !starts_upper(participle)
            && (participle.len() > 4 && participle.ends_with("ed") || is_in(participle, IRREGULAR_PAST));
        if !past || prep - 1 <= lo {
            return None;
        }
        let head = self.np_ending_at(prep - 2, lo)?;
        // the head opens with an article: "A letter", "the report"
        let head_first = self.doc.token_at_or_after(head.span.start);
        is_in(self.tok(head_first), &["a", "an", "the"]).then_some(head)
    }

    /// The named person before an unclosed role appositive that ends in `np` ("Anais Faraj, an
    /// analyst at Nomura"): `np` follows "at", "of", "for" or "with", and a comma and a name
    /// come a few words before.
    pub(super) fn name_before_role(&self, np: Speaker, lo: usize) -> Option<Speaker> {
        let first = self.doc.token_at_or_after(np.span.start);
        let prep =
            first.checked_sub(1).filter(|&p| p > lo && is_in(self.tok(p), &["at", "of", "for", "with", "from"]))?;
        let comma = (prep.saturating_sub(6).max(lo)..prep).rev().find(|&x| self.tok(x) == ",")?;
        let role = (comma + 1..prep).all(|x| self.is_word(x) && !self.in_quote[x] && !self.finite_at(x));
        if !role || comma <= lo {
            return None;
        }
        self.np_ending_at(comma - 1, lo)
            .filter(|n| n.entity.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Person))
    }

    /// Whether tokens `a..b`, between commas after a name, are an insertion that is not the
    /// speaker: a relative clause ("who lost the primaries"), an age ("59"), a home town ("of
    /// Ashton", "Md.") or a party label ("R-Wis.", "D-Mo.").
    pub(super) fn insert_segment(&self, a: usize, b: usize) -> bool {
        if a >= b {
            return false;
        }
        let first = self.tok(a);
        if is_in(first, &["who", "which", "whose", "whom"])
            || (b - a == 1 && self.doc.tokens[a].kind == TokenKind::Number)
        {
            return true;
        }
        if b - a <= 3 && is_in(first, &["of", "from"]) && (a + 1..b).all(|x| starts_upper(self.tok(x))) {
            return true;
        }
        // "Md." / "R-Wis." / "D-N.Y."
        let t = &self.doc.text[self.doc.tokens[a].span.start..self.doc.tokens[b - 1].span.end];
        t.len() <= 10
            && starts_upper(t)
            && (t.contains('.') || t.contains('-'))
            && t.chars().all(|c| c.is_ascii_alphabetic() || c == '.' || c == '-')
            && t.chars().filter(|c| c.is_ascii_lowercase()).count() <= 3
    }

    /// Token `k` is a closing parenthesis of a short label after a name ("Graham (R-S.C.)"):
    /// the index of the token before the opening one.
    pub(super) fn before_parenthesis(&self, k: usize, lo: usize) -> Option<usize> {
        if self.tok(k) != ")" {
            return None;
        }
        let open = (k.saturating_sub(8).max(lo)..k).rev().find(|&x| self.tok(x) == "(")?;
        (open > lo && !self.in_quote[open - 1] && self.is_word(open - 1)).then(|| open - 1)
    }

    pub(super) fn speaker_for(&self, np: Span, head: usize) -> Speaker {
        match self.mention_at(head) {
            // a headline's name that swallowed its verb ("Lindsey Graham Says"): the entity named
            // by the words before the verb, if the text names it elsewhere
            Some(m) if m.span.end > np.end && self.doc.tokens[head].span.end == np.end => {
                let name = Span::new(m.span.start.min(np.start), np.end);
                let entity = self.doc.entities.iter().position(|e| e.name == self.doc.slice(name));
                Speaker { span: name, entity }
            }
            Some(m) => Speaker { span: m.span, entity: Some(m.entity) },
            None => Speaker { span: np, entity: None },
        }
    }

    /// The noun phrase ending at token `k` (not reaching before `lo`), as a speaker.
    pub(super) fn np_ending_at(&self, k: usize, lo: usize) -> Option<Speaker> {
        if k < lo || self.in_quote[k] {
            return None;
        }
        if let Some(p) = self.before_parenthesis(k, lo) {
            return self.np_ending_at(p, lo);
        }
        // "the 21-year-old told …": an age as a noun
        let age = self.doc.tokens[k].kind == TokenKind::Number && {
            let t = self.tok(k);
            t.ends_with("-old") || t.ends_with("-olds")
        };
        if age {
            let det = if k > lo && is_in(self.tok(k - 1), DETERMINERS) { k - 1 } else { k };
            return Some(Speaker { span: self.doc.tokens[det].span.cover(self.doc.tokens[k].span), entity: None });
        }
        if !self.is_word(k) {
            return None;
        }
        let t = self.tok(k);
        if is_in(t, PRONOUNS) {
            return Some(self.speaker_for(self.doc.tokens[k].span, k));
        }
        // a time word, unless it is a name ("Theresa May")
        let after_name = k > lo
            && self.is_word(k - 1)
            && starts_upper(t)
            && starts_upper(self.tok(k - 1))
            && !vocabulary::is(WordClass::TimeWord, self.tok(k - 1))
            && !is_stop(self.tok(k - 1));
        let time = vocabulary::is(WordClass::TimeWord, t)
            && self.mention_at(k).is_none_or(|m| m.span.start == self.doc.tokens[k].span.start);
        if !after_name && (is_stop(t) || is_in(t, DETERMINERS) || time || vocabulary::is(WordClass::Adverb, t)) {
            return None;
        }
        if (!starts_upper(t) && self.cue_at(k)) || self.ly_adverb(k) || t.ends_with("’s") || t.ends_with("'s") {
            return None;
        }
        let mut j = k;
        while j > lo && k - j < 10 {
            let p = j - 1;
            if self.in_quote[p] || !self.is_word(p) {
                break;
            }
            let pt = self.tok(p);
            if is_in(pt, DETERMINERS) {
                j = p;
                break;
            }
            let joins_names = is_in(pt, &["of", "de", "von", "der", "van", "bin", "al", "la", "le", "du", "da", "di"])
                && starts_upper(self.tok(j))
                && p > lo
                && starts_upper(self.tok(p - 1));
            if joins_names {
                j = p;
                continue;
            }
            if is_stop(pt)
                || vocabulary::is(WordClass::TimeWord, pt)
                || vocabulary::is(WordClass::Adverb, pt)
                || self.ly_adverb(p)
            {
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
                && !is_in(self.tok(p - 1), DETERMINERS)
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
            && (is_in(self.tok(j - 1), &["to", "not"]) || vocabulary::is(WordClass::Finite, self.tok(j - 1)))
        {
            return None;
        }
        let np = self.doc.tokens[j].span.cover(self.doc.tokens[k].span);
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
            return None;
        }
        // joint speakers, "Prime Minister Ana Ruiz and President Karl Veit said": the span covers
        // both names, the entity is the first's
        if speaker.entity.is_some() && j >= lo + 2 && self.tok(j - 1) == "and" {
            if let Some(first) = self.np_ending_at(j - 2, lo) {
                let f_first = self.doc.token_at_or_after(first.span.start);
                let names = (f_first..j - 1).all(|x| self.is_word(x) && starts_upper(self.tok(x)));
                if names && first.entity.is_some() && first.entity != speaker.entity {
                    return Some(Speaker { span: first.span.cover(np), entity: first.entity });
                }
            }
        }
        Some(speaker)
    }

    /// The noun phrase starting at token `k` (not reaching `hi`), as a speaker: "said Starmer",
    /// "according to state department spokesperson Tammy Bruce".
    pub(super) fn np_after(&self, k: usize, hi: usize) -> Option<Speaker> {
        if k >= hi || !self.is_word(k) || self.in_quote[k] {
            return None;
        }
        let t = self.tok(k);
        if is_in(t, PRONOUNS) || is_in(t, OBJECT_PRONOUNS) {
            return Some(self.speaker_for(self.doc.tokens[k].span, k));
        }
        let first = k;
        let mut i = k;
        if is_in(t, DETERMINERS) {
            i += 1;
        }
        let mut last = None;
        while i < hi && i - first < 10 {
            if self.in_quote[i] || !self.is_word(i) {
                break;
            }
            let w = self.tok(i);
            let joins_names = is_in(w, &["of", "de", "von", "der", "van", "bin", "al", "la", "le", "du", "da", "di"])
                && last.is_some()
                && i + 1 < hi
                && starts_upper(self.tok(i - 1))
                && self.is_word(i + 1)
                && starts_upper(self.tok(i + 1));
            if !joins_names
                && (is_stop(w)
                    || vocabulary::is(WordClass::TimeWord, w)
                    || is_in(w, DETERMINERS)
                    || self.ly_adverb(i)
                    || (!starts_upper(w) && self.cue_at(i)))
            {
                break;
            }
            last = Some(i);
            i += 1;
        }
        let last = last?;
        let np = self.doc.tokens[first].span.cover(self.doc.tokens[last].span);
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
        match head {
            Some(h) => Some(self.speaker_for(np, h)),
            None => Some(Speaker { span: np, entity: None }),
        }
    }
}
