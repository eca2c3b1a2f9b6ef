//! Attribution of quoted regions: the quote's own cue (“…,” Smith said), a signature, a
//! colon introduction, a transcript label, the nearest cue in its sentences, or the speaker it
//! continues from the quote or paragraph before; and titles in quotation marks, which are not quotes.

use super::*;

impl<'a> Finder<'a> {
    /// Whether a quoted fragment is a title in title case ("Face the Nation", "All Bets Are Off")
    /// rather than words someone said: two to eight words, each capitalised or a short function
    /// word, in a sentence that is not itself a headline, right after a word that names a work
    /// or a programme. Nicknames and slogans (“called her “Miss Piggy””) stay quotes.
    pub(super) fn quoted_title(&self, r: &Region) -> bool {
        use crate::quotes::vocabulary::TITLE_SMALL_WORDS as SMALL;
        let words: Vec<&str> = (r.first..r.end).filter(|&x| self.is_word(x)).map(|x| self.tok(x)).collect();
        // a name given as a name: "a gang known as '8 Block'"
        let named_as =
            r.open >= 2 && is_in(self.tok(r.open - 1), &["as"]) && is_in(self.tok(r.open - 2), &["known", "named"]);
        let capitalised = |w: &&str| starts_upper(w) || w.starts_with(|c: char| c.is_ascii_digit());
        if named_as && (1..=4).contains(&words.len()) && words.iter().all(|w| capitalised(w) || is_in(w, &SMALL)) {
            return true;
        }
        if words.len() < 2 || words.len() > 8 || !starts_upper(words[0]) {
            return false;
        }
        if !words.iter().all(|w| starts_upper(w) || is_in(w, &SMALL)) {
            return false;
        }
        if self.title[self.sentence_of(r.open)] || r.open == 0 {
            return false;
        }
        // named as a work or a programme: "appeared on “Face the Nation”", "NBC’s “Meet the
        // Press”", "his book “The Art of the Deal”"
        use crate::quotes::vocabulary::WORKS;
        let before = self.tok(r.open - 1);
        // a plural possessive ("Fox News’ “Fox and Friends”") may be split from its apostrophe
        let bare_apostrophe = matches!(before, "’" | "'")
            && r.open >= 2
            && self.span_at(r.open - 2).end == self.span_at(r.open - 1).start
            && self.tok(r.open - 2).ends_with('s');
        // a title that modifies the noun after it: "the “American Pie” star"
        let modifier = r.close.is_some_and(|c| {
            let next = self.tok(c + 1);
            is_in(before, &DETERMINERS)
                && self.is_word(c + 1)
                && !starts_upper(next)
                && !self.cue_at(c + 1)
                && !self.finite_at(c + 1)
                && !is_in(next, &PREPOSITIONS)
                && !is_in(next, &FINITE)
        });
        modifier
            || is_in(before, &WORKS)
            || before.ends_with("’s")
            || before.ends_with("'s")
            || before.ends_with("s’")
            || before.ends_with("s'")
            || bare_apostrophe
    }

    /// Treats short titles and names in quotation marks inside a noun phrase ("the hacker known
    /// as “Guccifer,”", "host of MSNBC’s “Morning Joe,”") as plain words: they are no quotes,
    /// and a speaker's apposition may hold them ("X, host of MSNBC’s “Morning Joe,” said that …").
    /// Their regions are dropped and their tokens leave the quoted layer of this stage.
    pub(super) fn unquote_labels(&mut self) {
        let labels: Vec<bool> = self
            .regions
            .iter()
            .map(|r| {
                let words = (r.first..r.end).filter(|&x| self.is_word(x)).count();
                r.close.is_some() && words <= 5 && self.quoted_title(r)
            })
            .collect();
        if !labels.contains(&true) {
            return;
        }
        for (r, _) in self.regions.iter().zip(&labels).filter(|(_, &label)| label) {
            if let Some(close) = r.close {
                for flag in self.in_quote.get_mut(r.open..=close).into_iter().flatten() {
                    *flag = false;
                }
            }
        }
        let mut label = labels.into_iter();
        self.regions.retain(|_| !label.next().unwrap_or(false));
    }

    /// Whether token `i` is a quotation mark of a label that [`Self::unquote_labels`] took out of
    /// the quoted layer.
    pub(super) fn label_mark(&self, i: usize) -> bool {
        matches!(self.kind_at(i), Some(TokenKind::OpenQuote | TokenKind::CloseQuote)) && !self.quoted(i)
    }

    /// The attribution clause right after a quote's closing mark: “…,” Kellogg told reporters;
    /// “…,” warned Mette Frederiksen; “…”, according to X.
    pub(super) fn own_attribution(&self, r: &Region) -> Option<(CueMatch, Speaker)> {
        let close = r.close?;
        let par_end = self.paragraphs.get(r.paragraph).map_or(0, |p| p.end);
        let mut j = close + 1;
        if j < par_end && matches!(self.tok(j), "," | "–" | "—") {
            j += 1;
        }
        if j >= par_end || self.quoted(j) {
            return None;
        }
        let s_j = self.sentence_of(j);
        let mut sent = self.sentence_range(s_j);
        // a sentence break inside a label ("Graham (R-S.C.) told"): the sentence goes on
        let open_paren = sent.clone().rev().find(|&x| matches!(self.tok(x), "(" | ")")).filter(|&x| self.tok(x) == "(");
        if open_paren.is_some() && s_j + 1 < self.doc.sentences.len() {
            sent.end = self.sentence_range(s_j + 1).end;
        }
        // “Why?” Trump asked. — only a short attribution sentence, or one whose cue comes at
        // once and then hangs a participle on it (“Why?” Isaacs asked, noting that …)
        let next_sentence = s_j != self.sentence_of(close);
        let long = next_sentence && (sent.len() > 12 || sent.clone().any(|k| self.quoted(k)));
        let limit = (j + 18).min(sent.end);
        let from = self.cues.partition_point(|c| c.first < j);
        let cue = *self.cues.get(from).filter(|c| c.first < limit)?;
        if long && !self.participle_tail(cue, j, sent.end) {
            return None;
        }
        if (j..cue.first).any(|k| self.quoted(k)) {
            return None;
        }
        if let Some(speaker) = self.quoted_as_saying(cue, sent.end) {
            return Some((cue, speaker));
        }
        // an inverted attribution follows a quote closed by punctuation ("“…,” said X"), not a
        // quoted modifier ("the “unacceptable” attacks increase …")
        let punctuated = j > close + 1
            || close > r.first && matches!(self.tok(close - 1), "," | "." | "?" | "!")
            || (r.first..close).filter(|&x| self.is_word(x)).count() > 4
            || is_in(self.tok(cue.first), &crate::quotes::vocabulary::INVERSION_VERBS);
        let speaker = match cue.class {
            CueClass::Source if cue.first == j => self.np_after(cue.end, sent.end),
            CueClass::Verb if cue.first == j && punctuated => self.np_after(cue.end, sent.end),
            // “…,” Smith said / “…” the 21-year-old told …: the subject follows the quote at once
            // (not “…” - at which point the crowd chanted)
            CueClass::Verb => match self.before(cue.first, j) {
                Before::Subject(s)
                    if s_j != self.sentence_of(close)
                        || self.right_after(j, self.doc.token_at_or_after(s.span.start)) =>
                {
                    Some(s)
                }
                _ => None,
            },
            _ => None,
        }?;
        Some((cue, speaker))
    }

    /// The speaker of a quote introduced by a speech verb and a colon in its own sentence
    /// ("NYPD Commissioner Raymond Kelly said: '…,' the Daily News reported"): the verb's
    /// subject, who speaks; an attribution after the quote then names where the words were
    /// reported.
    pub(super) fn verb_colon(&self, r: &Region) -> Option<(CueMatch, Speaker)> {
        let colon = r.open.checked_sub(1)?;
        if self.tok(colon) != ":" || self.quoted(colon) {
            return None;
        }
        let sent = self.sentence_range(self.sentence_of(colon));
        let at = self.cues.partition_point(|c| c.end < colon);
        let cue = *self.cues.get(at).filter(|c| c.end == colon && c.class == CueClass::Verb)?;
        match self.before(cue.first, sent.start) {
            Before::Subject(s) if self.names_someone(s) => Some((cue, s)),
            _ => None,
        }
    }

    /// Whether the verb `cue`, at most four tokens after `j`, ends its clause with a comma and a
    /// participle cue (“…?” Isaacs asked, noting that …): an attribution with a further report
    /// hung on it, not a sentence of its own.
    fn participle_tail(&self, cue: CueMatch, j: usize, hi: usize) -> bool {
        let next = self.cues.partition_point(|c| c.first < cue.end);
        cue.class == CueClass::Verb
            && cue.first <= j + 4
            && !(j..cue.first).any(|k| self.quoted(k))
            && cue.end + 1 < hi
            && self.tok(cue.end) == ","
            && self.cues.get(next).is_some_and(|c| c.first == cue.end + 1 && c.class == CueClass::Participle)
    }

    /// A quote signed with a dash and a name that ends its line: “…” ― Adriana Rodarte.
    pub(super) fn signed(&self, r: &Region) -> Option<Speaker> {
        let close = r.close?;
        let par_end = self.paragraphs.get(r.paragraph).map_or(0, |p| p.end);
        let mut j = close + 1;
        if j < par_end && self.tok(j) == "." {
            j += 1;
        }
        if j + 1 >= par_end || !matches!(self.tok(j), "―" | "—" | "–" | "-" | "--") || !starts_upper(self.tok(j + 1))
        {
            return None;
        }
        let speaker = self.np_after(j + 1, par_end)?;
        if !self.speaker_like(speaker) || !starts_upper(self.doc.slice(speaker.span)) {
            return None;
        }
        // the name ends the line
        let after = self.doc.token_at_or_after(speaker.span.end);
        let line_end = after >= par_end
            || self.doc.text[speaker.span.end..self.span_at(after).start].contains('\n')
            || (self.tok(after) == "." && (after + 1 >= par_end || self.line_break_before(after + 1)));
        line_end.then_some(speaker)
    }

    /// A capitalised cue inside a headline ("…, Officials Say").
    pub(super) fn headline_cue(&self, c: &CueMatch) -> bool {
        let s = self.sentence_of(c.first);
        self.title[s] && c.first > self.sentence_range(s).start && starts_upper(self.tok(c.first))
    }

    /// Whether a line break stands between token `i` and the token before it.
    pub(super) fn line_break_before(&self, i: usize) -> bool {
        i > 0
            && i < self.doc.tokens.len()
            && self.doc.text[self.span_at(i - 1).end..self.span_at(i).start].contains('\n')
    }

    /// The cue nearest the quote in its sentence(s) whose speaker can be found.
    pub(super) fn nearest_attribution(
        &self,
        r: &Region,
        s_first: usize,
        s_last: usize,
        prefer_named: bool,
    ) -> Attribution {
        let lo = self.sentence_range(s_first).start;
        let hi = self.sentence_range(s_last).end;
        let q_end = r.close.unwrap_or(r.end);
        let from = self.cues.partition_point(|c| c.first < lo);
        let mut cands: Vec<(usize, usize)> = self.cues[from..]
            .iter()
            .enumerate()
            .take_while(|(_, c)| c.end <= hi)
            // a headline's capitalised cue attributes its reported clause, not a quoted fragment in it
            .filter(|(_, c)| !self.headline_cue(c))
            .filter_map(|(k, c)| {
                if c.end <= r.open {
                    Some((r.open - c.end, from + k))
                } else if c.first > q_end {
                    // a cue after the quote is a little less likely to be its own
                    Some((c.first - q_end + 1, from + k))
                } else {
                    None
                }
            })
            .collect();
        cands.sort();
        // a speaker that names someone (or a pronoun) wins over a nearer noun phrase that names
        // no one ("the recent spate of protests demands …", "what analysts described as …")
        let mut fallback = None;
        for &(_, k) in &cands {
            let c = self.cues[k];
            let sent = self.sentence_range(self.sentence_of(c.first));
            if let Some(speaker) = self.subject_of(k, sent, 0) {
                let attribution = Attribution { cue: Some(c.span(self.doc)), speaker: Some(speaker), has_cue: true };
                if !prefer_named || self.names_someone(speaker) {
                    return attribution;
                }
                fallback.get_or_insert(attribution);
            }
        }
        if let Some(a) = fallback {
            return a;
        }
        match cands.first() {
            Some(&(_, k)) => Attribution { cue: Some(self.cues[k].span(self.doc)), speaker: None, has_cue: true },
            None => Attribution { cue: None, speaker: None, has_cue: false },
        }
    }

    /// A quote opening a paragraph after one that ends in a colon introducing it ("He said:",
    /// "The New York Times reports:"): the cue and speaker of that introduction.
    pub(super) fn introduced(&self, r: &Region) -> Option<(Span, Speaker)> {
        let par = self.paragraphs.get(r.paragraph)?;
        if r.open != par.start || r.paragraph == 0 {
            return None;
        }
        let prev = self.paragraphs.get(r.paragraph - 1)?;
        if prev.is_empty() || prev.end != par.start || self.tok(prev.end - 1) != ":" || self.quoted(prev.end - 1) {
            return None;
        }
        let s = self.sentence_of(prev.end - 1);
        let sent = self.sentence_range(s);
        let from = self.cues.partition_point(|c| c.first < sent.start);
        let to = self.cues.partition_point(|c| c.first < sent.end);
        let cued = (from..to).rev().find_map(|k| {
            let c = self.cues[k];
            // the last cue of the introduction; what follows it may not quote anything ("As Joel
            // Pollak reported after the raid in San Bernardino:")
            if sent.end - c.end > 25 || (c.end..sent.end).any(|x| self.quoted(x)) {
                return None;
            }
            self.subject_of(k, sent.clone(), 0).map(|sp| (c.span(self.doc), sp))
        });
        if cued.is_some() {
            return cued;
        }
        // no cue ("He then listed the qualities he looks for:"): the subject who introduces it,
        // when it names someone
        let colon = prev.end - 1;
        let speaker = self.main_subject(colon, sent.start..colon).filter(|&sp| self.names_someone(sp))?;
        Some((self.span_at(colon), speaker))
    }

    /// A quote after a speech noun and a colon in its own sentence ("Karl Veit made the following
    /// comment: “…”", "ended her campaign message with a promise: “…”"): the noun and the subject
    /// of that clause.
    pub(super) fn colon_introduced(&self, r: &Region) -> Option<(Span, Speaker)> {
        use crate::quotes::vocabulary::SPEECH_NOUNS;
        let colon = r.open.checked_sub(1)?;
        if self.tok(colon) != ":" || self.quoted(colon) {
            return None;
        }
        let sent = self.sentence_range(self.sentence_of(colon));
        // "Cecile Richards: “I’m sick of …”", "Rep. Trey Gowdy (R-S.C.): “…”": a name alone
        // before the colon
        // (after a headline's dash: "POLLS NOT WRONG, JUST EARLY - Mark Blumenthal and Jon Cohen:")
        let start = (sent.start..colon)
            .rev()
            .find(|&x| matches!(self.tok(x), "-" | "—" | "–" | "--") && !self.quoted(x))
            .map_or(sent.start, |d| d + 1);
        if colon > start && colon - start <= 8 && !(start..colon).any(|x| self.quoted(x)) {
            let named = self.np_ending_at(colon - 1, start).filter(|sp| {
                let kind = self.entity_kind(sp.entity);
                // a name the entity stage missed or typed otherwise in a headline: capitalised
                // words, joined by "and" for two people
                let words: Vec<&str> = self.doc.slice(sp.span).split_whitespace().collect();
                let name_like = (2..=7).contains(&words.len())
                    && words.iter().all(|w| starts_upper(w) || *w == "and")
                    && kind != Some(EntityKind::Location);
                // titles before the name ("Former secretary of state Hillary Rodham Clinton:")
                let first = self.doc.token_at_or_after(sp.span.start);
                (matches!(kind, Some(EntityKind::Person | EntityKind::Organization)) || name_like)
                    && (start..first).all(|x| self.is_word(x) && !self.finite_at(x))
            });
            if let Some(speaker) = named {
                return Some((self.span_at(colon), speaker));
            }
        }
        let lo = colon.saturating_sub(8).max(sent.start);
        let Some(noun) = (lo..colon).rev().find(|&x| is_in(self.tok(x), &SPEECH_NOUNS)) else {
            // no speech noun ("He also played up his strength in a general election: “…”"): the
            // subject of the introducing clause, when it names someone
            if (sent.start..colon).any(|x| self.quoted(x)) {
                return None;
            }
            // else the person named right before the colon ("The surge doesn’t surprise
            // Republican pollster Daron Shaw: “…”")
            let person_before = || {
                self.np_ending_at(colon - 1, sent.start).filter(|sp| {
                    self.entity_kind(sp.entity) == Some(EntityKind::Person)
                        && sp.span.end == self.span_at(colon - 1).end
                })
            };
            let speaker = self
                .main_subject(colon, sent.start..colon)
                .filter(|&sp| self.names_someone(sp))
                .or_else(|| (colon > sent.start).then(person_before).flatten())?;
            return Some((self.span_at(colon), speaker));
        };
        if (sent.start..colon).any(|x| self.quoted(x)) {
            return None;
        }
        let speaker = self.main_subject(noun, sent.clone()).or_else(|| self.titled_subject(noun, sent.start..colon))?;
        Some((self.span_at(noun), speaker))
    }

    /// Whether tokens `from..to` after a quote only lead up to its speaker's name (titles, a
    /// role: “…,” panel Chairman Rep. Jason Chaffetz said), not to another clause (“…” - at
    /// which point the crowd chanted).
    pub(super) fn right_after(&self, from: usize, to: usize) -> bool {
        (from..to).all(|x| {
            let t = self.tok(x);
            (self.is_word(x) || matches!(t, "(" | ")" | "," | "." | "'" | "’"))
                && !self.finite_at(x)
                && !is_in(t, &["which", "who", "when", "while", "as", "after", "before"])
        })
    }
}
