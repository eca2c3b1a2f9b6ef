//! Where a reported clause ends: the writer's asides (a semicolon, ", although …", ", but
//! declined to …"), a coordinated attribution ("…, while Y said …"), the end of an object,
//! of a subordinate clause, or of the sentence's tail.

use super::*;

impl<'a> Finder<'a> {
    /// The end of the short attribution tail after a cue ("said on Monday.", "told reporters,"):
    /// the index where it stops and whether words follow it after a comma; `None` when the words
    /// after the cue look like a clause.
    pub(in crate::quotes) fn tail_end(&self, from: usize, hi: usize) -> Option<(usize, bool)> {
        let mut x = from;
        while x < hi && self.tok(x) != "," {
            let t = self.tok(x);
            if self.quoted(x) || x - from > 10 || t == "that" || is_in(t, &FINITE) || (x > from && self.cue_at(x)) {
                return None;
            }
            if !self.is_word(x) && !matches!(t, "." | "!" | "?" | "(" | ")" | "-" | "–" | "—" | ":" | ";") {
                return None;
            }
            // "…, said a handful of Democrats who point to …": a relative clause on the speaker
            // closes the tail, however long
            if x > from + 1 && is_in(t, &["who", "whose"]) {
                return Some((x, false));
            }
            // "…, analysts say; in 2012, …": the tail ends with its clause
            if t == ";" {
                return Some((x, false));
            }
            if matches!(t, "–" | "—" | ":" | ";") {
                return None;
            }
            x += 1;
        }
        let more = x < hi && (x + 1..hi).filter(|&y| self.is_word(y)).count() >= 3;
        if more {
            let next = self.tok(x + 1);
            // "…, the group said, and the bottom fifth paid 0.8 percent": the report goes on
            if next == "and" && self.clause_at(x + 2, hi, false) && !(x + 2..(x + 6).min(hi)).any(|y| self.cue_at(y)) {
                return Some((x, true));
            }
            // "…, she said, but also the flow of drugs", "…, many economists say, because there is
            // little precedent", "…, the Times said, including speeches": the report goes on
            // (not after an inverted speaker: "…, said Warren, but AMD would …")
            if is_in(next, &["but", "because", "including"]) && (from..x).all(|y| !starts_upper(self.tok(y))) {
                return Some((x, true));
            }
            if is_in(
                next,
                &[
                    "who",
                    "which",
                    "whose",
                    "where",
                    "and",
                    "but",
                    "because",
                    "according",
                    "as",
                    "while",
                    "when",
                    "after",
                    "although",
                    "though",
                    // the writer goes on: "…, officials said on Monday, in what would be …"
                    "in",
                    "amid",
                    "at",
                    "during",
                    "despite",
                    "with",
                ],
            ) || self.cue_at(x + 1)
                // an apposition: "…, said Matt Latimer, another veteran speechwriter"
                || is_in(next, &DETERMINERS)
                || is_in(next, &SOURCE_MODIFIERS)
                || next.ends_with("ing")
                || self.role_apposition(x + 1, hi)
            {
                return Some((x, false));
            }
        }
        Some((x, more))
    }

    /// A bare role in apposition at token `i`: "executive director of the institute", "chief
    /// economist at …", "president of Mexico" (role words, the last a role's head followed by
    /// "of", "at", "for", "with", "in" or the apposition's end).
    pub(in crate::quotes) fn role_apposition(&self, i: usize, hi: usize) -> bool {
        let gaz = parallax_lexicon::gazetteer::Gazetteer::get();
        let mut buf = [0u8; 32];
        for x in i..hi.min(i + 4) {
            if !self.is_word(x) || self.quoted(x) {
                return false;
            }
            let Some(w) = super::super::cues::lower_ascii(self.tok(x), &mut buf) else { return false };
            let head = gaz.is_role_head(w);
            let next = if x + 1 < hi { self.tok(x + 1) } else { "." };
            if head && is_in(next, &["of", "at", "for", "with", ",", ".", "in"]) {
                return true;
            }
            if !head && !gaz.is_role_modifier(w) {
                return false;
            }
        }
        false
    }

    /// A role written before a name at token `i`: "political scientist Dossym Satpayev", "film
    /// director Osman Abu Laban" (role words, the last a role's head, then a capitalised word).
    pub(in crate::quotes) fn role_before_name(&self, i: usize, hi: usize) -> bool {
        let gaz = parallax_lexicon::gazetteer::Gazetteer::get();
        let mut buf = [0u8; 32];
        for x in i..hi.min(i + 4) {
            if !self.is_word(x) || self.quoted(x) || starts_upper(self.tok(x)) {
                return false;
            }
            let Some(w) = super::super::cues::lower_ascii(self.tok(x), &mut buf) else { return false };
            let head = gaz.is_role_head(w);
            if head && x + 1 < hi && self.is_word(x + 1) && starts_upper(self.tok(x + 1)) {
                return true;
            }
            if !head && !gaz.is_role_modifier(w) {
                return false;
            }
        }
        false
    }

    /// Where reported speech between `start` and `end` ends when it runs into a quotation that a
    /// colon introduces: before the colon ("asserted that France had lost its identity: “…”"), or
    /// before a relative clause that leads to it ("…, to which O'Malley interjected: “…”"). The
    /// clause keeps at least three words; `None` when no colon opens the first quotation.
    pub(in crate::quotes) fn quote_intro_end(&self, start: usize, end: usize) -> Option<usize> {
        let open = (start..end).find(|&x| self.quoted(x))?;
        let colon = open.checked_sub(1).filter(|&c| c > start && self.tok(c) == ":")?;
        let words = |to: usize| (start..to).filter(|&y| self.is_word(y)).count();
        // ", to which X said:", ", whereupon X added:"
        let relative = (start + 1..colon).find(|&x| {
            self.tok(x) == ","
                && (x + 1..(x + 3).min(colon))
                    .any(|y| is_in(self.tok(y), &crate::quotes::vocabulary::RELATIVE_LEAD_INS))
                && words(x) >= 3
        });
        // the quote's own attribution before the colon ("…, adding:", "with a spokesman stating:"):
        // the report ends before it, at a comma or a joining word
        let introducer = colon > start + 1 && self.cue_at(colon - 1);
        let cut = match (relative, introducer) {
            (Some(r), _) => r,
            (None, true) => (colon.saturating_sub(7).max(start + 1)..colon - 1)
                .rev()
                .find(|&x| self.tok(x) == "," || is_in(self.tok(x), &["with", "and", "but", "while"]))?,
            (None, false) => colon,
        };
        (words(cut) >= 3).then_some(cut)
    }

    /// Where reported speech between `start` and `end` ends when its cue `c` opens a relative
    /// clause ("Veit, who has told aides he sees the votes as one, said …"): before the comma that
    /// leads back to the main verb, a verb cue. `end` when the cue opens no relative clause.
    pub(in crate::quotes) fn relative_report_end(&self, c: CueMatch, start: usize, end: usize) -> usize {
        // back over a few auxiliaries and adverbs ("who has long told")
        let mut p = c.first;
        while p > c.first.saturating_sub(4) && p > 0 && (is_in(self.tok(p - 1), &FINITE) || self.ly_adverb(p - 1)) {
            p -= 1;
        }
        let relative = p >= 2 && is_in(self.tok(p - 1), &["who", "which"]) && self.tok(p - 2) == ",";
        if !relative {
            return end;
        }
        let verb_cue_at = |y: usize| {
            let k = self.cues.partition_point(|m| m.first < y);
            self.cues.get(k).is_some_and(|m| m.first == y && m.class == CueClass::Verb)
        };
        let words = |to: usize| (start..to).filter(|&y| self.is_word(y)).count();
        (start + 1..end)
            .find(|&x| {
                // "Jones, who said he was tired, left early": the main clause's verb after the
                // comma closing the relative clause
                // (a past tense right after the comma: "…, apologized")
                let main_verb = x + 1 < end && {
                    let v = self.tok(x + 1);
                    !starts_upper(v) && (is_in(v, &FINITE) || self.finite_at(x + 1) || past_form(v))
                };
                self.tok(x) == "," && !self.quoted(x) && (verb_cue_at(x + 1) || main_verb) && words(x) >= 3
            })
            .unwrap_or(end)
    }

    /// Whether the relative clause opened by the comma at token `comma` ("…, who …") is closed by
    /// another comma before `hi` and the clause it interrupts goes on with its verb ("…, who
    /// must decide, has revealed …").
    fn relative_inside(&self, comma: usize, hi: usize) -> bool {
        let close = (comma + 2..hi.min(comma + 25))
            .take_while(|&x| !self.quoted(x) && !matches!(self.tok(x), ";" | ":" | "(" | ")"))
            .find(|&x| self.tok(x) == ",");
        close.is_some_and(|c| {
            let v = self.tok(c + 1);
            c + 1 < hi && !starts_upper(v) && (is_in(v, &FINITE) || past_form(v))
        })
    }

    /// Where reported speech starting at `start` ends: at the sentence's end, or before a
    /// coordinated speech verb or participle ("… and warned against …", "…, adding that …").
    pub(in crate::quotes) fn clause_end(&self, start: usize, hi: usize) -> usize {
        let hi = self.aside_start(start, hi);
        self.coordinated_end(start, hi)
    }

    /// Where the writer's own aside after reported speech starting at `start` begins, before `hi`:
    /// a semicolon or a concession (", although …", ", though …"). The reported clause keeps at least
    /// four words.
    pub(in crate::quotes) fn aside_start(&self, start: usize, hi: usize) -> usize {
        let words_before = |x: usize| (start..x).filter(|&y| self.is_word(y)).count() >= 4;
        let mut depth = 0usize;
        for x in start + 1..hi {
            if self.quoted(x) {
                continue;
            }
            // not inside parentheses ("$874m (£458m; 1.2bn euros)")
            match self.tok(x) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth > 0 {
                continue;
            }
            let next = if x + 1 < hi { self.tok(x + 1) } else { "" };
            let aside = match self.tok(x) {
                ";" => true,
                // (a clause: not an inserted "although brief," nor "though mixed with …")
                "," if is_in(next, &["although", "though"]) => self.clause_at(x + 2, hi, false),
                // the writer's comparison: "…, compared with 23 percent who …"
                "," if next == "compared" => true,
                // a new clause of the writer's: "…, but he did not apologize for …"
                "," if next == "but"
                    && x + 2 < hi
                    && (is_in(self.tok(x + 2), &PERSONAL_PRONOUNS) || starts_upper(self.tok(x + 2)))
                    && self.clause_at(x + 2, hi, false) =>
                {
                    true
                }
                // background on a name: "…the cooperation of Bryan Pagliano, who worked on …"
                // (but not a relative clause inside the report's subject: "…Gov. Alejandro García
                // Padilla, who must make the final decision, has revealed almost nothing")
                "," if next == "who" && x > start && starts_upper(self.tok(x - 1)) => !self.relative_inside(x, hi),
                // "…, but did not give a reason", "…, but declined to elaborate": the speaker's own
                // predicate, told by the writer
                // (also "… “will be involved” but did not elaborate", with no comma)
                "," | "but"
                    if {
                        let y = if self.tok(x) == "," { x + 1 } else { x };
                        y + 1 < hi
                            && (y > x || x > start + 1 && self.quoted(x - 1))
                            && is_in(self.tok(y), &["but", "and"])
                            && {
                                let v = self.tok(y + 1);
                                let negated = is_in(v, &["did", "does", "would", "could", "has", "had", "will", "was"])
                                    && y + 2 < hi
                                    && is_in(self.tok(y + 2), &["not", "no"])
                                    || v.ends_with("n't")
                                    || v.ends_with("n’t");
                                negated || is_in(v, &WITHHOLDING_VERBS)
                            }
                    } =>
                {
                    // a short clause is enough before this aside ("she would resign, but did not …")
                    if (start..x).filter(|&y| self.is_word(y)).count() >= 2 {
                        return x;
                    }
                    false
                }
                // "…,” though she noted …": the comma stands inside the quotation marks
                t if is_in(t, &["although", "though"])
                    && x >= start + 2
                    && self.kind_at(x - 1) == Some(TokenKind::CloseQuote)
                    && self.tok(x - 2) == "," =>
                {
                    if words_before(x - 1) {
                        return x - 1;
                    }
                    false
                }
                _ => false,
            };
            if aside && words_before(x) {
                return x;
            }
        }
        hi
    }

    /// Where reported speech starting at `start` ends before a coordinated speech verb or
    /// participle, or another attribution.
    pub(in crate::quotes) fn coordinated_end(&self, start: usize, hi: usize) -> usize {
        let from = self.cues.partition_point(|c| c.first <= start);
        for c in self.cues[from..].iter().take_while(|c| c.first < hi) {
            let mut p = c.first;
            while p > start && (is_in(self.tok(p - 1), &ADVERBS) || self.ly_adverb(p - 1)) {
                p -= 1;
            }
            if p > start
                && (is_in(self.tok(p - 1), &["and", "but"]) && (c.indirect || c.class == CueClass::Participle)
                    || matches!(c.class, CueClass::Participle | CueClass::Source) && self.tok(p - 1) == ",")
            {
                let mut e = p - 1;
                if e > start && self.tok(e - 1) == "," {
                    e -= 1;
                }
                return e;
            }
            // another attribution: "…, while Macron said …", "…; the ministry said …", "… and
            // Lavrov said …"
            if c.class == CueClass::Verb && c.indirect && p > start + 1 {
                if let Before::Subject(sp) = self.before(c.first, start) {
                    let s_first = self.doc.token_at_or_after(sp.span.start);
                    let separator = if s_first <= start + 1 || s_first >= c.first {
                        None
                    } else if is_in(self.tok(s_first - 1), &[";", "and", "but", "while", "whereas"]) {
                        Some(s_first - 1)
                    } else if self.tok(s_first - 1) == "," {
                        // "…, and when pressed on why, the 34-year-old said …"
                        (start + 4..s_first - 1)
                            .rev()
                            .find(|&x| is_in(self.tok(x), &["and", "but"]) && self.tok(x - 1) == "," && !self.quoted(x))
                    } else {
                        None
                    };
                    if let Some(separator) = separator {
                        let mut e = separator;
                        if e > start && self.tok(e - 1) == "," {
                            e -= 1;
                        }
                        return e;
                    }
                }
            }
        }
        hi
    }

    /// Where the object of an object cue starting at `start` ends, before `hi`: before a relative
    /// or contrasting clause (", which …", "but …"), a coordinated verb ("and attempted …"), a
    /// subordinate clause ("when he ran …") or a day ("Clinton as a “disgrace” Wednesday").
    pub(in crate::quotes) fn object_end(&self, start: usize, hi: usize) -> usize {
        use crate::quotes::vocabulary::DAY_WORDS as DAYS;
        use crate::quotes::vocabulary::OBJECT_SUBORDINATORS as SUBORDINATE;
        for x in start + 1..hi {
            if self.quoted(x) {
                continue;
            }
            let t = self.tok(x);
            let next = if x + 1 < hi { self.tok(x + 1) } else { "" };
            let stop = match t {
                ";" => true,
                "," => {
                    is_in(next, &["which", "who", "but", "and", "yet", "as", "even", "meaning"])
                        || is_in(next, &SUBORDINATE)
                        // a new clause: "railed against the provisions …, he's sought to protect …"
                        || x > start + 2
                            && x + 1 < hi
                            && (is_in(next, &PERSONAL_PRONOUNS) || self.pronoun_be(x + 1).is_some())
                            && self.clause_at(x + 1, hi, false)
                            // not an inserted attribution: "which, they claim, would …"
                            && !(x + 3 < hi && self.tok(x + 3) == ",")
                }
                // "and attempted to …", "and established a policy", not "unsubstantiated and
                // fabricated by …"
                "and" => {
                    let after = if x + 2 < hi { self.tok(x + 2) } else { "" };
                    x + 1 < hi
                        && !starts_upper(next)
                        && (is_in(next, &FINITE)
                            || past_form(next)
                                && (is_in(after, &DETERMINERS) || is_in(after, &OBJECT_PRONOUNS) || after == "to"))
                }
                // "in a statement", "in an on-air diatribe", "at a campaign rally", "during a stop in …"
                "in" | "on" | "at" | "during" => {
                    use crate::quotes::vocabulary::OCCASIONS;
                    x > start + 1
                        && is_in(next, &["a", "an"])
                        && (x + 2..(x + 5).min(hi)).any(|y| is_in(self.tok(y), &OCCASIONS))
                }
                // "mentioned the devil to me while …", "told it to reporters"
                "to" => x > start + 1 && (is_in(next, &OBJECT_PRONOUNS) || next == "reporters"),
                // "condemned the launch as Pyongyang fired …" (not "as a “crazy system”")
                "as" => {
                    x > start + 2
                        && self.clause_at(x + 1, hi, false)
                        && !is_in(next, &DETERMINERS)
                        && !(x.saturating_sub(4).max(start)..x).any(|y| is_in(self.tok(y), &["such", "so", "as"]))
                }
                _ => is_in(t, &["but", "yet"]) || x > start + 2 && (is_in(t, &SUBORDINATE) || is_in(t, &DAYS)),
            };
            if stop {
                // not after a dangling "since the" / "on" before a day
                let mut e = x;
                while e > start + 1 && is_in(self.tok(e - 1), &["on", "since", "the", "last", "this", "next", "by"]) {
                    e -= 1;
                }
                return e;
            }
        }
        hi
    }

    /// Where reported speech ends when its cue stands in a subordinate clause that opens the
    /// sentence ("When Clinton noted that he paid no tax, Trump boasted …"): at the comma that
    /// closes that clause, before the main clause.
    pub(in crate::quotes) fn subordinate_end(
        &self,
        speaker: Speaker,
        content: Range<usize>,
        sent: Range<usize>,
    ) -> usize {
        use crate::quotes::vocabulary::SUBORDINATE_OPENERS as OPENERS;
        // the speaker is the subordinate clause's subject, after its conjunction (which may
        // follow a conjunction opening the sentence: "But while the mayor said …, …") and no
        // comma
        // or come right before the speaker, with no verb before it ("A few weeks after Obama
        // announced that …, U.S. forces …")
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        let opener =
            if is_in(self.tok(sent.start), &["and", "but", "so", "yet"]) { sent.start + 1 } else { sent.start };
        let opener = match s_first.checked_sub(1) {
            Some(b)
                if b > opener
                    && is_in(self.tok(b), &OPENERS)
                    && !(sent.start..b).any(|x| self.finite_at(x) || self.cue_at(x)) =>
            {
                b
            }
            _ => opener,
        };
        if opener >= sent.end
            || !is_in(self.tok(opener), &OPENERS)
            || s_first > opener + 10
            || s_first <= opener
            || (opener..s_first).any(|x| self.tok(x) == "," || self.quoted(x))
            // (the report inside the subordinate clause, not the main clause after it: "as
            // Menendez pointed out, SCOTUS rulings have …")
            || (s_first..content.start).any(|x| self.tok(x) == ",")
        {
            return content.end;
        }
        // the comma before the main clause, not one closing an appositive ("her father, Murray, is")
        (content.start + 3..content.end)
            .find(|&x| {
                self.tok(x) == ","
                    && !self.quoted(x)
                    && self.clause_at(x + 1, sent.end, false)
                    && !(x + 2..(x + 4).min(content.end)).any(|y| self.tok(y) == ",")
            })
            .unwrap_or(content.end)
    }
}
