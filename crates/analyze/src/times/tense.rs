//! The tense of the clause around an expression: the nearest future marker ("will",
//! "scheduled", "is to") or past marker ("said", "met", an "-ed" verb) within the clause.

use chrono::Datelike;
use parallax_doc::TokenKind;

use super::calendar::Tense;
use super::lexicon;
use super::lexicon::Marker;
use super::{ExpressionReader, Stop};

impl<'a> ExpressionReader<'a> {
    /// Whether token `j` ends the clause looked at for tense markers, softly (a comma) or not.
    pub(super) fn stop(&self, j: usize) -> Stop {
        let Some(tok) = self.doc.tokens.get(j) else { return Stop::Hard };
        match tok.kind {
            TokenKind::OpenQuote | TokenKind::CloseQuote => Stop::Hard,
            TokenKind::Punct => match self.w(j) {
                "," => Stop::Comma,
                ";" | ":" | "(" | ")" | "[" | "]" | "–" | "—" | "-" | "?" | "!" | "…" => Stop::Hard,
                _ => Stop::None,
            },
            TokenKind::Word => {
                let w = self.w(j);
                if matches!(w, "before" | "after" | "until") {
                    // a conjunction only before a clause ("before heading", "after he left")
                    let n = self.w(j + 1);
                    let opens = n.ends_with("ing")
                        || matches!(n, "he" | "she" | "they" | "it" | "we" | "i" | "you" | "his" | "their");
                    return if opens { Stop::Hard } else { Stop::None };
                }
                if lexicon::clause_opener(w) {
                    Stop::Hard
                } else {
                    Stop::None
                }
            }
            TokenKind::Number => Stop::None,
        }
    }

    /// The tense marker at token `j`, reading its neighbours for multi-word markers.
    pub(super) fn marker_at(&self, j: usize) -> Option<Marker> {
        if !self.is_word(j) {
            return None;
        }
        let w = self.w(j);
        let next = self.w(j + 1);
        if lexicon::future_before_to(w) && next == "to" {
            return Some(Marker::Future);
        }
        // "is calling for the redemption on Dec. 7": present, the nearest date
        if matches!(w, "is" | "are" | "am") && next.len() > 4 && next.ends_with("ing") {
            return Some(Marker::Present);
        }
        if j != self.s0 && self.capitalised(j) {
            return None; // "United", "Will", "Ahmed": names, not verbs
        }
        let m = lexicon::marker(w)?;
        let prev = self.prev(j);
        // "had been due to expire", "was scheduled to": a plan made in the past
        if m == Marker::Future
            && lexicon::plan_participle(w)
            && next == "to"
            && (matches!(prev, "was" | "were")
                || (prev == "been" && j >= 2 && matches!(self.w(j - 2), "had" | "hadn't")))
        {
            return Some(Marker::Past);
        }
        // "a still unspecified date", "an undisclosed sum", "the revised plan": an adjective
        if m == Marker::Past
            && w.ends_with("ed")
            && ((w.starts_with("un") && !w.starts_with("under"))
                || lexicon::attributive_leader(prev)
                || prev == "still")
            && lexicon::marker_word(w).is_none()
        {
            return None;
        }
        // "three days later": counted from another day, not from now
        if w == "later" && lexicon::unit(prev).is_some() {
            return None;
        }
        // "markets untouched by the crisis", "owned by": a participle, not a past verb
        // ("contracted by 0.9%" is a verb and its margin)
        if m == Marker::Past
            && next == "by"
            && w.ends_with("ed")
            && !matches!(prev, "was" | "were" | "had" | "been")
            && !self.is_number(j + 2)
            && !lexicon::quantity_modifier(self.w(j + 2))
            && !matches!(self.w(j + 2), "half" | "a" | "as" | "more" | "less")
        {
            return None;
        }
        // "has been scheduled for": the participle tells
        if w == "been" && lexicon::marker(next) == Some(Marker::Future) {
            return None;
        }
        if m == Marker::Past && matches!(w.as_bytes().last(), Some(b'd' | b'n' | b't')) {
            // a participle after "be": "to be held" looks ahead, "is held", "will be held" defer
            let p = self.prev(j);
            if matches!(p, "be" | "being" | "is" | "are" | "am" | "get" | "gets") {
                if p == "be" && j >= 2 && self.w(j - 2) == "to" {
                    return Some(Marker::Future);
                }
                return None;
            }
        }
        Some(m)
    }

    /// True when token `i`, after "to", opens an infinitive ("to purchase"), not a noun phrase
    /// ("to the store", "to $5", "to London").
    fn infinitive_at(&self, i: usize) -> bool {
        let w = self.w(i);
        self.is_word(i)
            && !self.capitalised(i)
            && !lexicon::attributive_leader(w)
            && lexicon::marker(w).is_none()
            && !w.ends_with("ing")
            && !w.ends_with('s')
    }

    /// The tense of the clause around tokens `a..b`: the nearest marker decides.
    pub(super) fn tense(&self, a: usize, b: usize, possessive: bool) -> Option<Tense> {
        self.tense_scan(a, b, possessive).0
    }

    /// [`Self::tense`], and whether a past verb before an infinitive left it open ("agreed to
    /// purchase ... in February").
    fn tense_scan(&self, a: usize, b: usize, possessive: bool) -> (Option<Tense>, bool) {
        const REACH: usize = 30;
        const COMMA: usize = 8;
        const REPORTED_REACH: usize = 5;
        let to_tense = |m: Marker| match m {
            Marker::Future => Some(Tense::Future),
            Marker::Past | Marker::Reporting => Some(Tense::Past),
            Marker::Present => None,
        };
        let mut best: Option<(usize, Option<Tense>)> = None;
        let mut dist = 0;
        let mut j = a;
        // an infinitive passed on the way back: "agreed to purchase the line in February"
        let mut infinitive = false;
        let mut open = false;
        while j > self.s0 && dist < REACH {
            j -= 1;
            dist += 1;
            match self.stop(j) {
                Stop::Hard => break,
                Stop::Comma => {
                    dist += COMMA;
                    continue;
                }
                Stop::None => {}
            }
            if self.w(j) == "to" && self.infinitive_at(j + 1) {
                infinitive = true;
            }
            if let Some(m) = self.marker_at(j) {
                // "agreed to purchase ... in February": a plan made in the past, dated by
                // neither tense
                if infinitive && matches!(m, Marker::Past | Marker::Reporting) {
                    open = true;
                    best = Some((dist, None));
                    break;
                }
                // "said Tuesday's talks would...": the reporting verb does not date its object
                if m == Marker::Reporting && possessive {
                    continue;
                }
                // "announced an agreement to acquire the bank in January": deep in what a
                // reporting verb reports, the verb's past does not date it
                if m == Marker::Reporting && dist > REPORTED_REACH {
                    break;
                }
                best = Some((dist, to_tense(m)));
                break;
            }
        }
        let mut dist = 0;
        let mut j = b;
        while j < self.s1 && dist < REACH {
            dist += 1;
            match self.stop(j) {
                Stop::Hard => break,
                Stop::Comma => {
                    dist += COMMA;
                    j += 1;
                    continue;
                }
                Stop::None => {}
            }
            if let Some(m) = self.marker_at(j) {
                if best.is_none_or(|(d, _)| dist < d) {
                    best = Some((dist, to_tense(m)));
                    open = false;
                }
                break;
            }
            j += 1;
        }
        match best {
            Some((_, t)) => (t, open && t.is_none()),
            None => (None, false),
        }
    }

    /// The tense of the clause around tokens `a..b` ([`Self::tense`]); without a marker, the
    /// direction of the date named just before in the sentence ("a high in June from $29 in
    /// March": both gone).
    pub(super) fn tense_or_previous(&self, a: usize, b: usize, possessive: bool) -> Option<Tense> {
        match self.tense_scan(a, b, possessive) {
            (Some(t), _) => return Some(t),
            (None, true) => return None,
            (None, false) => {}
        }
        let anchor = self.anchor()?;
        let start = self.doc.tokens.get(self.s0)?.span.start;
        let before = self.out.last().filter(|e| e.span.start >= start)?;
        // a month or a day as TimeML writes it: "YYYY-MM…"
        let v = before.value.as_bytes();
        if v.len() < 7
            || !v[..4].iter().all(u8::is_ascii_digit)
            || v[4] != b'-'
            || !v[5..7].iter().all(u8::is_ascii_digit)
        {
            return None;
        }
        let month = |s: &[u8]| std::str::from_utf8(s).ok()?.parse::<i32>().ok();
        let at = month(&v[..4])? * 12 + month(&v[5..7])?;
        let now = anchor.year() * 12 + anchor.month() as i32;
        match at.cmp(&now) {
            std::cmp::Ordering::Less => Some(Tense::Past),
            std::cmp::Ordering::Greater => Some(Tense::Future),
            std::cmp::Ordering::Equal => None,
        }
    }
}
