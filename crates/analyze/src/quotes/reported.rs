//! Reported speech without quotation marks: which cues introduce it, where the reported clause
//! starts (that-clauses, bare clauses, objects, infinitives) and where it ends (asides,
//! coordinated attributions, the writer's own predicates).

use super::*;

impl<'a> Finder<'a> {
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

    /// The reported speech cue `c` introduces in sentence `sent`, if it clearly has some.
    pub(super) fn reported(&self, c: CueMatch, sent: Range<usize>, quoted: bool) -> Option<Quote> {
        // the attribution of a direct quote reports nothing more (“…,” Kellogg told reporters in
        // Brussels, where …); a participle after it may ("…, adding that …")
        if quoted && c.class == CueClass::Verb {
            let close = (sent.start..c.first).rev().find(|&x| self.doc.tokens[x].kind == TokenKind::CloseQuote);
            if close
                .is_some_and(|q| c.first - q <= 8 && !(q..c.first).any(|x| matches!(self.tok(x), ";" | "and" | "but")))
            {
                return None;
            }
        }
        // "France called an emergency meeting": convening, not speaking
        if is_in(self.tok(c.first), &["called", "calls", "call"])
            && (c.end..(c.end + 4).min(sent.end)).any(|x| {
                is_in(
                    self.tok(x),
                    &[
                        "meeting",
                        "meetings",
                        "summit",
                        "election",
                        "elections",
                        "vote",
                        "referendum",
                        "strike",
                        "halt",
                        "conference",
                        "session",
                        "off",
                    ],
                )
            })
        {
            return None;
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
                    c.end + 1
                } else if c.object {
                    // "…, accusing her of …", "…, calling for his dismissal"
                    if c.end >= sent.end || is_in(self.tok(c.end), PREPOSITIONS) && !self.infinitive(c.end, sent.end) {
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
                    && ((sent.start..c.first).any(|x| self.in_quote[x] || self.finite_at(x))
                        || self.plain_clause(sent.start, c.first - 1))
                    && self.tail_end(c.end, sent.end).is_some_and(|(x, more)| {
                        !more && x > c.end && x - c.end <= 8 && !(c.end..x).any(|y| self.finite_at(y)) && {
                            // "…, said Luis Rubio", "…, said the ministry", "…, said one GOP source"
                            let t = self.tok(c.end);
                            starts_upper(t)
                                || is_in(t, DETERMINERS)
                                || is_in(t, &["one", "two", "three", "several", "another", "senior", "top", "former"])
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
                            self.clause_subject(k, sent.clone(), 0)
                                .or_else(|| self.main_subject(c.first, sent.clone()))
                                .or_else(|| self.titled_subject(c.first, sent.clone()))?
                        }
                        _ => return None,
                    };
                    if !self.speaker_like(speaker) {
                        return None;
                    }
                    let clause = if let Some(content) = self.relative_speech(c, speaker, sent.clone()) {
                        Some(content)
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
                    } else if c.object {
                        // not the passive "was accused of"
                        let passive = c.class == CueClass::Verb
                            && c.first > sent.start
                            && is_in(self.tok(c.first - 1), &["was", "were", "is", "are", "be", "been", "being"]);
                        if passive
                            || c.end >= sent.end
                            || is_in(self.tok(c.end), PREPOSITIONS) && !self.infinitive(c.end, sent.end)
                        {
                            return None;
                        }
                        let start = self.object_start(c, sent.end);
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
        while start < end && !self.is_word(start) {
            start += 1;
        }
        while end > start && !self.is_word(end - 1) {
            end -= 1;
        }
        if (start..end).filter(|&x| self.is_word(x)).count() < 3 {
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
        if closes > opens && start > 0 && kind_at(start - 1) == TokenKind::OpenQuote {
            start -= 1;
        }
        // "called her “Miss Piggy”": a quoted label with a word or two around it, as an object cue's
        // object, is the partial quote alone (but "said it was “weaker”" is mixed speech)
        let outside = (start..end).filter(|&x| self.is_word(x) && !self.in_quote[x]).count();
        // a naming verb's quoted label ("calls Santilli a “fascist”", "described it as “a
        // disaster”") is the partial quote; the object around it is the writer's
        if naming_verb(self.tok(c.first)) && c.object && c.end == c.first + 1 && (start..end).any(|x| self.in_quote[x])
        {
            return None;
        }
        let verb_outside = (start..end).any(|x| !self.in_quote[x] && self.is_word(x) && self.finite_at(x));
        if c.object && outside < 3 && !verb_outside && (start..end).any(|x| self.in_quote[x]) {
            return None;
        }
        // in a sentence holding a direct quote, only a clause outside it ("…,” she said, adding
        // that …)
        if quoted && (start..end).any(|x| self.in_quote[x]) {
            return None;
        }
        Some(Quote {
            span: self.doc.tokens[start].span.cover(self.doc.tokens[end - 1].span),
            kind: QuoteKind::Indirect,
            cue: Some(c.span(self.doc)),
            speaker_span: Some(speaker.span),
            speaker_entity: speaker.entity,
        })
    }

    /// The end of the short attribution tail after a cue ("said on Monday.", "told reporters,"):
    /// the index where it stops and whether words follow it after a comma; `None` when the words
    /// after the cue look like a clause.
    pub(super) fn tail_end(&self, from: usize, hi: usize) -> Option<(usize, bool)> {
        let mut x = from;
        while x < hi && self.tok(x) != "," {
            let t = self.tok(x);
            if self.in_quote[x] || x - from > 10 || t == "that" || is_in(t, FINITE) || (x > from && self.cue_at(x)) {
                return None;
            }
            if !self.is_word(x) && !matches!(t, "." | "!" | "?" | "(" | ")" | "-" | "–" | "—" | ":" | ";") {
                return None;
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
            if is_in(
                next,
                &[
                    "who",
                    "which",
                    "whose",
                    "where",
                    "a",
                    "an",
                    "the",
                    "and",
                    "but",
                    "according",
                    "as",
                    "while",
                    "when",
                    "after",
                    "because",
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
                || next.ends_with("ing")
            {
                return Some((x, false));
            }
        }
        Some((x, more))
    }

    /// Content before the attribution: "…, the senator said." and "The truth, the senator said
    /// then, was that …" (the whole sentence).
    pub(super) fn content_before(&self, c: CueMatch, speaker: Speaker, sent: Range<usize>) -> Option<Range<usize>> {
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
            if self.in_quote[p] || (self.is_word(p) && (is_in(t, FINITE) || t == "that")) {
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
            || self.plain_clause(sent.start, p);
        // "Too often, she said, the debate is …", "Though the move was smooth, he said, replacing
        // him would be …": an attribution inserted after a fronted phrase or subordinate clause
        // reports the whole sentence
        const SUBORDINATORS: &[&str] = &[
            "though", "although", "while", "when", "if", "because", "since", "unless", "once", "as", "after", "before",
        ];
        let fronted = !head_clause || is_in(self.tok(sent.start), SUBORDINATORS);
        let inserted = fronted
            && tail < sent.end
            && self.tok(tail) == ","
            && !(sent.start..p).any(|x| self.in_quote[x] || self.cue_at(x))
            && self.clause_at(tail + 1, sent.end, false);
        if inserted {
            return Some(sent.start..self.clause_end(tail + 1, sent.end));
        }
        // "When Clinton noted that …, Trump boasted about it": a fronted subordinate clause alone,
        // with a speech cue of its own, is not what the subject said
        if !more
            && is_in(self.tok(sent.start), SUBORDINATORS)
            && !(sent.start + 1..p).any(|x| self.tok(x) == "," && !self.in_quote[x])
            && (sent.start + 1..p).any(|x| self.cue_at(x))
        {
            return None;
        }
        if more {
            Some(sent.start..self.aside_start(sent.start, sent.end))
        } else {
            head_clause.then_some(sent.start..p)
        }
    }

    /// "The air had become so bad, Mr. Obama noted, that …": an attribution inserted between a
    /// clause and its that-clause reports both, so the content starts at the sentence's start.
    pub(super) fn inserted_before_that(
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
            && !(sent.start..s_first).any(|x| self.in_quote[x] || self.cue_at(x));
        if inserted {
            sent.start..content.end
        } else {
            content
        }
    }

    /// Where reported speech ends when its cue stands in a subordinate clause that opens the
    /// sentence ("When Clinton noted that he paid no tax, Trump boasted …"): at the comma that
    /// closes that clause, before the main clause.
    pub(super) fn subordinate_end(&self, speaker: Speaker, content: Range<usize>, sent: Range<usize>) -> usize {
        const OPENERS: &[&str] = &[
            "when", "after", "before", "while", "since", "because", "as", "although", "though", "once", "until",
            "whenever", "if", "unless",
        ];
        // the speaker is the subordinate clause's subject, right after its conjunction
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        if !is_in(self.tok(sent.start), OPENERS) || s_first > sent.start + 4 || s_first <= sent.start {
            return content.end;
        }
        // the comma before the main clause, not one closing an appositive ("her father, Murray, is")
        (content.start + 3..content.end)
            .find(|&x| {
                self.tok(x) == ","
                    && !self.in_quote[x]
                    && self.clause_at(x + 1, sent.end, false)
                    && !(x + 2..(x + 4).min(content.end)).any(|y| self.tok(y) == ",")
            })
            .unwrap_or(content.end)
    }

    /// Whether tokens `lo..hi` end in a clause whose verb is not recognised as finite (a present
    /// tense: "candidates probably need to capture …"): the last comma-separated stretch has five
    /// words or more and does not open with a preposition, a participle or a conjunction.
    pub(super) fn plain_clause(&self, lo: usize, hi: usize) -> bool {
        let start = (lo..hi).rev().find(|&x| self.tok(x) == "," && !self.in_quote[x]).map_or(lo, |x| x + 1);
        if start >= hi || !self.is_word(start) {
            return false;
        }
        let first = self.tok(start);
        let opener = is_in(first, PREPOSITIONS)
            || is_in(first, &["despite", "although", "though", "since", "unless", "whether", "after", "before"])
            || first.ends_with("ing")
            || is_in(first, DETERMINERS) && (start..hi).filter(|&x| self.is_word(x)).count() < 7;
        !opener && (start..hi).filter(|&x| self.is_word(x)).count() >= 5
    }

    /// A subordinate clause that opens the sentence and ends, with a comma, right before the
    /// speaker ("When she is hiring, she said …"): its first token.
    pub(super) fn fronted_clause(&self, speaker: Speaker, sent: Range<usize>) -> Option<usize> {
        const SUBORDINATORS: &[&str] = &["when", "if", "because", "unless", "once", "whenever"];
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        let comma = s_first.checked_sub(1).filter(|&x| x > sent.start + 2)?;
        let fronted = self.tok(comma) == ","
            && is_in(self.tok(sent.start), SUBORDINATORS)
            && (sent.start..comma).all(|x| !self.in_quote[x] && (x == sent.start || self.tok(x) != ","))
            && !(sent.start..comma).any(|x| self.cue_at(x));
        fronted.then_some(sent.start)
    }

    /// Speech reported in a relative clause: "the funding system, which advocates say
    /// disadvantages needy schools" reports the antecedent and the clause after the cue.
    pub(super) fn relative_speech(&self, c: CueMatch, speaker: Speaker, sent: Range<usize>) -> Option<Range<usize>> {
        let s_first = self.doc.token_at_or_after(speaker.span.start);
        let rel = s_first.checked_sub(1).filter(|&r| r > sent.start)?;
        // "amounting to what the senators said was economic gerrymandering": a free relative
        if self.tok(rel) == "what" && c.end < sent.end && !self.in_quote[c.end] && is_in(self.tok(c.end), FINITE) {
            return Some(rel..self.clause_end(c.end, sent.end));
        }
        if !is_in(self.tok(rel), &["which", "who", "that"]) || c.end >= sent.end || self.in_quote[c.end] {
            return None;
        }
        // after "that", the antecedent is a noun, not a verb ("said that officials say …")
        let mut a = rel - 1;
        if self.tok(a) == "," {
            a = a.checked_sub(1).filter(|&a| a >= sent.start)?;
        } else if self.tok(rel) == "that" && (!self.is_word(a) || self.cue_at(a) || is_in(self.tok(a), FINITE)) {
            return None;
        }
        // the clause after the cue starts with its verb ("say is", "said could exclude")
        let v = self.tok(c.end);
        let verb = is_in(v, FINITE)
            || self.finite_at(c.end)
            || (!starts_upper(v) && v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && !is_in(v, PREPOSITIONS));
        if !verb {
            return None;
        }
        let antecedent = self.np_ending_at(a, sent.start)?;
        let start = self.doc.token_at_or_after(antecedent.span.start);
        Some(start..self.clause_end(c.end, sent.end))
    }

    /// Where reported speech starting at `start` ends: at the sentence's end, or before a
    /// coordinated speech verb or participle ("… and warned against …", "…, adding that …").
    pub(super) fn clause_end(&self, start: usize, hi: usize) -> usize {
        let hi = self.aside_start(start, hi);
        self.coordinated_end(start, hi)
    }

    /// Where the writer's own aside after reported speech starting at `start` begins, before `hi`:
    /// a semicolon or a concession (", although …", ", though …"). The reported clause keeps at least
    /// four words.
    pub(super) fn aside_start(&self, start: usize, hi: usize) -> usize {
        let words_before = |x: usize| (start..x).filter(|&y| self.is_word(y)).count() >= 4;
        let mut depth = 0usize;
        for x in start + 1..hi {
            if self.in_quote[x] {
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
                "," if is_in(next, &["although", "though"]) => true,
                // "…, but did not give a reason", "…, but declined to elaborate": the speaker's own
                // predicate, told by the writer
                // (also "… “will be involved” but did not elaborate", with no comma)
                "," | "but"
                    if {
                        let y = if self.tok(x) == "," { x + 1 } else { x };
                        y + 1 < hi
                            && (y > x || x > start + 1 && self.in_quote[x - 1])
                            && is_in(self.tok(y), &["but", "and"])
                            && {
                                let v = self.tok(y + 1);
                                let negated = is_in(v, &["did", "does", "would", "could", "has", "had", "will", "was"])
                                    && y + 2 < hi
                                    && is_in(self.tok(y + 2), &["not", "no"])
                                    || v.ends_with("n't")
                                    || v.ends_with("n’t");
                                negated
                                    || is_in(
                                        v,
                                        &["declined", "declines", "refused", "refuses", "gave", "offered", "provided"],
                                    )
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
                    && self.doc.tokens[x - 1].kind == TokenKind::CloseQuote
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
    pub(super) fn coordinated_end(&self, start: usize, hi: usize) -> usize {
        let from = self.cues.partition_point(|c| c.first <= start);
        for c in self.cues[from..].iter().take_while(|c| c.first < hi) {
            let mut p = c.first;
            while p > start && (is_in(self.tok(p - 1), ADVERBS) || self.ly_adverb(p - 1)) {
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
                        (start + 4..s_first - 1).rev().find(|&x| {
                            is_in(self.tok(x), &["and", "but"]) && self.tok(x - 1) == "," && !self.in_quote[x]
                        })
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

    /// Where the content of an object cue starts: right after it ("urged Congress to leave the
    /// program intact", "criticized Obama for …"), but past the accused ("accused the Europeans of
    /// trying to …" reports "trying to …").
    pub(super) fn object_start(&self, c: CueMatch, hi: usize) -> usize {
        if is_in(self.tok(c.first), &["accused", "accuses", "accuse", "accusing"]) {
            let of = (c.end + 1..(c.end + 7).min(hi))
                .take_while(|&x| self.is_word(x) && !self.in_quote[x])
                .find(|&x| self.tok(x) == "of");
            if let Some(of) = of.filter(|&of| of + 1 < hi) {
                return of + 1;
            }
        }
        // "denied that she mishandled …"
        if c.end + 1 < hi && self.tok(c.end) == "that" {
            return c.end + 1;
        }
        c.end
    }

    /// Where the object of an object cue starting at `start` ends, before `hi`: before a relative
    /// or contrasting clause (", which …", "but …"), a coordinated verb ("and attempted …"), a
    /// subordinate clause ("when he ran …") or a day ("Clinton as a “disgrace” Wednesday").
    pub(super) fn object_end(&self, start: usize, hi: usize) -> usize {
        const SUBORDINATE: &[&str] = &["when", "after", "because", "while", "although", "though", "since"];
        const DAYS: &[&str] =
            &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"];
        for x in start + 1..hi {
            if self.in_quote[x] {
                continue;
            }
            let t = self.tok(x);
            let next = if x + 1 < hi { self.tok(x + 1) } else { "" };
            let stop = match t {
                ";" => true,
                "," => {
                    is_in(next, &["which", "who", "but", "and", "yet", "as", "even", "meaning"])
                        || is_in(next, SUBORDINATE)
                        // a new clause: "railed against the provisions …, he's sought to protect …"
                        || x > start + 2
                            && x + 1 < hi
                            && (is_in(next, PERSONAL_PRONOUNS) || self.pronoun_be(x + 1).is_some())
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
                        && (is_in(next, FINITE)
                            || (next.len() > 4 && next.ends_with("ed") || is_in(next, IRREGULAR_PAST))
                                && (is_in(after, DETERMINERS) || is_in(after, OBJECT_PRONOUNS) || after == "to"))
                }
                // "in a statement", "in an on-air diatribe", "at a campaign rally", "during a stop in …"
                "in" | "on" | "at" | "during" => {
                    const OCCASIONS: &[&str] = &[
                        "statement",
                        "interview",
                        "speech",
                        "letter",
                        "tweet",
                        "email",
                        "post",
                        "diatribe",
                        "op-ed",
                        "column",
                        "address",
                        "appearance",
                        "video",
                        "rally",
                        "memo",
                        "report",
                        "hearing",
                        "briefing",
                        "conference",
                        "call",
                        "event",
                        "meeting",
                        "stop",
                        "debate",
                        "forum",
                        "summit",
                        "session",
                        "broadcast",
                        "town",
                    ];
                    x > start + 1
                        && is_in(next, &["a", "an"])
                        && (x + 2..(x + 5).min(hi)).any(|y| is_in(self.tok(y), OCCASIONS))
                }
                // "mentioned the devil to me while …", "told it to reporters"
                "to" => x > start + 1 && (is_in(next, OBJECT_PRONOUNS) || next == "reporters"),
                // "condemned the launch as Pyongyang fired …" (not "as a “crazy system”")
                "as" => {
                    x > start + 2
                        && self.clause_at(x + 1, hi, false)
                        && !is_in(next, DETERMINERS)
                        && !(x.saturating_sub(4).max(start)..x).any(|y| is_in(self.tok(y), &["such", "so", "as"]))
                }
                _ => is_in(t, &["but", "yet"]) || x > start + 2 && (is_in(t, SUBORDINATE) || is_in(t, DAYS)),
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

    /// An infinitive at token `i` ("vowed to bring back …", "promising to lift …"): "to" and a
    /// lower-case verb.
    pub(super) fn infinitive(&self, i: usize, hi: usize) -> bool {
        i + 1 < hi
            && self.tok(i) == "to"
            && self.is_word(i + 1)
            && !starts_upper(self.tok(i + 1))
            && !is_in(self.tok(i + 1), DETERMINERS)
            && !is_in(self.tok(i + 1), PREPOSITIONS)
            && self.doc.tokens[i + 1].kind == TokenKind::Word
    }

    /// "According to X, …" and "…, according to X".
    pub(super) fn according_to(&self, c: CueMatch, sent: Range<usize>) -> Option<(Range<usize>, Speaker)> {
        let speaker = self.np_after(c.end, sent.end)?;
        if !self.speaker_like(speaker) {
            return None;
        }
        let lead = (sent.start..c.first).all(|x| !self.is_word(x) || is_in(self.tok(x), &["but", "and", "yet", "so"]));
        if lead {
            let comma = (c.end..sent.end.min(c.end + 16)).find(|&x| self.tok(x) == ",")?;
            return Some((comma + 1..sent.end, speaker));
        }
        let end = if self.tok(c.first - 1) == "," { c.first - 1 } else { c.first };
        // "…, the Reuters news agency reported, quoting Peskov": the sentence has its own
        // attribution, which the source only backs
        let from = self.cues.partition_point(|x| x.first < sent.start);
        let cue_before = self.cues[from..]
            .iter()
            .take_while(|x| x.end <= end)
            .any(|x| x.class == CueClass::Verb && !self.in_quote[x.first]);
        if cue_before && !is_in(self.tok(c.first), &["according"]) {
            return None;
        }
        // what comes before is a clause, not the subject ("The Reuters news agency, quoting Peskov,
        // reported that …")
        let clause =
            (sent.start..end).any(|x| self.finite_at(x) || self.in_quote[x]) || self.plain_clause(sent.start, end);
        if !clause && !is_in(self.tok(c.first), &["according"]) {
            return None;
        }
        Some((sent.start..end, speaker))
    }

    /// Where the reported clause after an indirect-speech cue starts, if there clearly is one.
    pub(super) fn complement_start(&self, c: CueMatch, hi: usize) -> Option<usize> {
        let cue_word = self.tok(c.first);
        let tell = is_in(cue_word, &["told", "tells", "informed", "assured", "reminded", "warned"]);
        let say = is_in(cue_word, &["said", "says", "say"]);
        let mut j = c.end;
        // "said on Monday", "said Thursday", "said last week", "also said previously"
        while j < hi && self.is_word(j) {
            let t = self.tok(j);
            let time = is_in(t, TIME_WORDS) && (j > c.end || !starts_upper(t) || t.len() > 3);
            // a date's number ("said Feb. 18"), not a clause's ("said 2015 was …")
            let date_number = self.doc.tokens[j].kind == TokenKind::Number
                && (j > c.end && is_in(self.tok(j - 1), TIME_WORDS)
                    || j + 1 < hi && (is_in(self.tok(j + 1), TIME_WORDS) || self.tok(j + 1) == ","));
            if !(time
                || is_in(t, &["on", "last", "late", "early"]) && j + 1 < hi && is_in(self.tok(j + 1), TIME_WORDS)
                || date_number
                || is_in(t, ADVERBS) && !is_in(t, FINITE)
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
            if is_in(bare, TIME_WORDS) {
                j -= 1;
            }
        }
        if j >= hi {
            return None;
        }
        if self.tok(j) == "that" {
            return Some(j + 1);
        }
        // "explained why he backs …", "explained how important it is …"
        if is_in(self.tok(j), &["why", "how", "whether"]) && j + 2 < hi && !say && !tell {
            return Some(j);
        }
        // "said in a statement that", "told reporters that"
        let first_word = self.tok(j);
        // "said about 20 people have …", "said more than half of …"
        let quantity = is_in(first_word, &["about", "nearly", "almost", "around", "roughly", "over", "some", "up"])
            && j + 1 < hi
            && (self.doc.tokens[j + 1].kind == TokenKind::Number || is_in(self.tok(j + 1), &["to", "half"]))
            || is_in(first_word, &["more", "fewer", "less"]) && j + 1 < hi && self.tok(j + 1) == "than";
        if quantity && (j + 2..hi.min(j + 12)).any(|x| is_in(self.tok(x), FINITE) || self.finite_at(x)) {
            return Some(j);
        }
        // "says 34,570 citizens cast votes", "said 2015 was the hottest year"
        if self.doc.tokens[j].kind == TokenKind::Number && !self.in_quote[j] && j + 2 < hi && self.is_word(j + 1) {
            let verb = (j + 1..hi.min(j + 10)).any(|x| is_in(self.tok(x), FINITE) || self.finite_at(x));
            if verb {
                return Some(j);
            }
        }
        // "said if elected president he could work …": a fronted condition, then the clause
        if say && is_in(first_word, &["if", "when", "once", "unless", "although", "though", "while", "because"]) {
            let subject =
                (j + 2..hi.min(j + 12)).find(|&x| is_in(self.tok(x), PRONOUNS) && self.clause_at(x, hi, false));
            if subject.is_some() {
                return Some(j);
            }
        }
        if tell || is_in(first_word, PREPOSITIONS) || self.tok(j) == "," {
            let reach = if self.tok(j) == "," { 16 } else { 10 };
            for x in j + 1..(j + reach).min(hi) {
                // past a short object, which may hold a quoted title ("told NBC's “Meet the Press” that")
                let quote_mark = matches!(self.doc.tokens[x].kind, TokenKind::OpenQuote | TokenKind::CloseQuote);
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
        let phrase =
            if say { PREPOSITIONS } else { &["in", "on", "at", "under", "during", "after", "before", "with", "over"] };
        if !tell && is_in(first_word, phrase) && !is_in(first_word, &["to", "and", "or", "but", "if", "because", "as"])
        {
            // "said after the convention he would not …": past a short phrase, a pronoun subject
            let x = (j + 2..(j + 7).min(hi))
                .take_while(|&x| self.is_word(x) && (starts_upper(self.tok(x - 1)) || !is_in(self.tok(x - 1), FINITE)))
                .find(|&x| is_in(self.tok(x), PRONOUNS));
            if let Some(x) = x.filter(|&x| self.clause_at(x, hi, false)) {
                return Some(x);
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
                        && !is_in(t, DETERMINERS)
                        && !is_in(t, &["his", "her", "their", "its", "our", "my", "your"])
                        && self.clause_at(x, hi, false)
                        && !is_in(self.tok(x), &["to"])
                })
                .collect();
            let opener = |x: &usize| {
                let w = self.tok(*x);
                is_in(w, DETERMINERS) || is_in(w, &["he", "she", "they", "it", "we", "i", "there"])
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
        // "said the meeting is aimed at …", "said Thursday the talks were …"
        self.clause_at(j, hi, say).then_some(j)
    }
}
