//! Attribution of quoted regions: the quote's own cue (“…,” Smith said), a signature, a
//! colon introduction, a transcript label, the nearest cue in its sentences, or the speaker it
//! continues from the quote or paragraph before; and titles in quotation marks, which are not quotes.

use super::*;

impl<'a> Finder<'a> {
    /// A direct quote left without a speaker that opens its paragraph, right after a paragraph
    /// where a named speaker was quoted or reported, continues that speaker: news copy runs a
    /// speaker's words on over paragraphs ("Viguerie said Cruz can win. / “He may be the only
    /// one …”").
    pub(super) fn continue_speakers(&self, out: &mut [Quote]) {
        if self.doc.tokens.is_empty() {
            return;
        }
        let paragraph_of = |q: &Quote| {
            let t = self.doc.token_at_or_after(q.span.start);
            self.doc.sentences[self.sentence_of(t.min(self.doc.tokens.len().saturating_sub(1)))].paragraph
        };
        // (paragraph, speaker span, entity, asked a question) of the last attributed quote
        let mut last: Option<(usize, Span, usize, bool)> = None;
        for q in out.iter_mut() {
            let par = paragraph_of(q);
            let opens = self.paragraphs.get(par).is_some_and(|p| {
                let first = self.doc.token_at_or_after(q.span.start);
                first <= p.start + 1
            });
            if q.kind == QuoteKind::Direct && q.speaker_span.is_none() {
                if let Some((p, span, entity, question)) = last {
                    // not the answer to an interviewer's question; a quote inside a paragraph
                    // continues a speaker of the same paragraph only
                    if (p + 1 == par && opens || p == par) && !question {
                        q.speaker_span = Some(span);
                        q.speaker_entity = Some(entity);
                    }
                }
            }
            if let (Some(span), Some(entity)) = (q.speaker_span, q.speaker_entity) {
                let question = self.doc.slice(q.span).ends_with('?')
                    || self.doc.text.get(q.span.end..).is_some_and(|rest| rest.starts_with('?'));
                last = Some((par, span, entity, question));
            }
        }
    }

    /// Whether a quoted fragment is a title in title case ("Face the Nation", "All Bets Are Off")
    /// rather than words someone said: two to eight words, each capitalised or a short function
    /// word, in a sentence that is not itself a headline, right after a word that names a work
    /// or a programme. Nicknames and slogans (“called her “Miss Piggy””) stay quotes.
    pub(super) fn quoted_title(&self, r: &Region) -> bool {
        let words: Vec<&str> = (r.first..r.end).filter(|&x| self.is_word(x)).map(|x| self.tok(x)).collect();
        if words.len() < 2 || words.len() > 8 || !starts_upper(words[0]) {
            return false;
        }
        if !words.iter().all(|w| starts_upper(w) || vocabulary::is(WordClass::SmallWord, w)) {
            return false;
        }
        if self.title[self.sentence_of(r.open)] || r.open == 0 {
            return false;
        }
        // named as a work or a programme: "appeared on “Face the Nation”", "NBC’s “Meet the
        // Press”", "his book “The Art of the Deal”"
        let before = self.tok(r.open - 1);
        // a plural possessive ("Fox News’ “Fox and Friends”") may be split from its apostrophe
        let bare_apostrophe = matches!(before, "’" | "'")
            && r.open >= 2
            && self.doc.tokens[r.open - 2].span.end == self.doc.tokens[r.open - 1].span.start
            && self.tok(r.open - 2).ends_with('s');
        vocabulary::is(WordClass::Work, before)
            || before.ends_with("’s")
            || before.ends_with("'s")
            || before.ends_with("s’")
            || before.ends_with("s'")
            || bare_apostrophe
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
        if j >= par_end || self.in_quote[j] {
            return None;
        }
        let s_j = self.sentence_of(j);
        let mut sent = self.sentence_range(s_j);
        // a sentence break inside a label ("Graham (R-S.C.) told"): the sentence goes on
        let open_paren = sent.clone().rev().find(|&x| matches!(self.tok(x), "(" | ")")).filter(|&x| self.tok(x) == "(");
        if open_paren.is_some() && s_j + 1 < self.doc.sentences.len() {
            sent.end = self.sentence_range(s_j + 1).end;
        }
        if s_j != self.sentence_of(close) {
            // “Why?” Trump asked. — only a short attribution sentence
            if sent.len() > 12 || sent.clone().any(|k| self.in_quote[k]) {
                return None;
            }
        }
        let limit = (j + 18).min(sent.end);
        let from = self.cues.partition_point(|c| c.first < j);
        let cue = *self.cues.get(from).filter(|c| c.first < limit)?;
        if (j..cue.first).any(|k| self.in_quote[k]) {
            return None;
        }
        if let Some(speaker) = self.quoted_as_saying(cue, sent.end) {
            return Some((cue, speaker));
        }
        let speaker = match cue.class {
            CueClass::Source if cue.first == j => self.np_after(cue.end, sent.end),
            CueClass::Verb if cue.first == j => self.np_after(cue.end, sent.end),
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
            || self.doc.text[speaker.span.end..self.doc.tokens[after].span.start].contains('\n')
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
            && self.doc.text[self.doc.tokens[i - 1].span.end..self.doc.tokens[i].span.start].contains('\n')
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
        if prev.is_empty() || prev.end != par.start || self.tok(prev.end - 1) != ":" || self.in_quote[prev.end - 1] {
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
            if sent.end - c.end > 25 || (c.end..sent.end).any(|x| self.in_quote[x]) {
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
        Some((self.doc.tokens[colon].span, speaker))
    }

    /// A speaker label opening a quoted paragraph of a transcript (“RAMOS: Secretary Clinton, …”):
    /// the label's last token, when it is one to three upper-case words before a colon.
    pub(super) fn transcript_label(&self, r: &Region) -> Option<usize> {
        let colon = (r.first..(r.first + 4).min(r.end)).find(|&x| self.tok(x) == ":")?;
        let label_words = (r.first..colon).all(|x| {
            let t = self.tok(x);
            self.is_word(x) && t.chars().any(|c| c.is_alphabetic()) && !t.chars().any(|c| c.is_lowercase())
        });
        (colon > r.first && label_words && colon + 1 < r.end).then_some(colon)
    }

    /// The speaker a transcript label names: the person entity whose name ends with the label's
    /// last word ("CLINTON" → Hillary Clinton), else the label itself.
    pub(super) fn label_speaker(&self, r: &Region, colon: usize) -> Speaker {
        let span = self.doc.tokens[r.first].span.cover(self.doc.tokens[colon - 1].span);
        let last = self.tok(colon - 1);
        let entity = self.doc.entities.iter().position(|e| {
            e.kind == EntityKind::Person && e.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(last))
        });
        Speaker { span, entity }
    }

    /// A quote after a speech noun and a colon in its own sentence ("Karl Veit made the following
    /// comment: “…”", "ended her campaign message with a promise: “…”"): the noun and the subject
    /// of that clause.
    pub(super) fn colon_introduced(&self, r: &Region) -> Option<(Span, Speaker)> {
        let colon = r.open.checked_sub(1)?;
        if self.tok(colon) != ":" || self.in_quote[colon] {
            return None;
        }
        let sent = self.sentence_range(self.sentence_of(colon));
        // "Cecile Richards: “I’m sick of …”", "Rep. Trey Gowdy (R-S.C.): “…”": a name alone
        // before the colon
        if colon > sent.start && colon - sent.start <= 8 && !(sent.start..colon).any(|x| self.in_quote[x]) {
            let named = self.np_ending_at(colon - 1, sent.start).filter(|sp| {
                let person =
                    sp.entity.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Person);
                // titles before the name ("Former secretary of state Hillary Rodham Clinton:")
                let first = self.doc.token_at_or_after(sp.span.start);
                person && (sent.start..first).all(|x| self.is_word(x) && !self.finite_at(x))
            });
            if let Some(speaker) = named {
                return Some((self.doc.tokens[colon].span, speaker));
            }
        }
        let lo = colon.saturating_sub(8).max(sent.start);
        let Some(noun) = (lo..colon).rev().find(|&x| vocabulary::is(WordClass::SpeechNoun, self.tok(x))) else {
            // no speech noun ("He also played up his strength in a general election: “…”"): the
            // subject of the introducing clause, when it names someone
            if (sent.start..colon).any(|x| self.in_quote[x]) {
                return None;
            }
            let speaker = self.main_subject(colon, sent.start..colon).filter(|&sp| self.names_someone(sp))?;
            return Some((self.doc.tokens[colon].span, speaker));
        };
        if (sent.start..colon).any(|x| self.in_quote[x]) {
            return None;
        }
        let speaker = self.main_subject(noun, sent.clone()).or_else(|| self.titled_subject(noun, sent.start..colon))?;
        Some((self.doc.tokens[noun].span, speaker))
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

    /// The speaker a quote with no cue of its own continues.
    pub(super) fn inherited(
        &self,
        r: &Region,
        kind: QuoteKind,
        s_first: usize,
        prev: Option<(usize, usize, usize, bool, Option<Speaker>)>,
    ) -> Option<Speaker> {
        let (p_par, _, p_last, p_open, p_speaker) = prev?;
        let speaker = p_speaker?;
        let par = self.paragraphs.get(r.paragraph)?;
        let opens_paragraph = r.open == par.start;
        if p_par == r.paragraph {
            let words = (r.first..r.end).filter(|&k| self.is_word(k)).count();
            let close_by = s_first <= p_last + 1;
            return (kind == QuoteKind::Direct || (words >= 4 && close_by)).then_some(speaker);
        }
        if p_par + 1 != r.paragraph || !opens_paragraph {
            return None;
        }
        // the multi-paragraph convention: the previous paragraph's quote was left open
        if p_open {
            return Some(speaker);
        }
        // a paragraph that is only a quote continues the quote that ends the previous paragraph
        let prev_par = self.paragraphs.get(p_par)?;
        let ends_prev = prev_par.end > 0 && self.sentence_of(prev_par.end - 1) == p_last;
        let quote_only = par.clone().all(|k| self.in_quote[k] || !self.is_word(k));
        (kind == QuoteKind::Direct && ends_prev && quote_only).then_some(speaker)
    }
}
