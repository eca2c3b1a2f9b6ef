//! Within-article coreference: role-only mentions that report speech or open a sentence as its
//! subject, the pronouns *he* / *she* and the relative *who*, resolved to people and added as
//! their mentions.

use parallax_doc::{Entity, EntityKind, Mention, MentionKind, Role, Span, TokenKind};

use super::person::same_head;
use super::roles::party_of;
use super::tokens::{strip_contraction, strip_possessive};
use super::EntityReader;
use crate::lexicon::{is_reporting_verb, pronoun_gender};
use parallax_lexicon::closed::{self, Class};

/// How many sentences back a subject reference may find its antecedent, counting sentences
/// wholly inside quotation marks (of which only three may be narrative).
pub(super) const MAX_SENTENCES_BACK: usize = 12;

impl<'d> EntityReader<'d> {
    /// Persons mentioned by name in sentence `s` before byte `before`, outside quotes, in order.
    pub(super) fn persons_in_sentence(&self, s: usize, before: usize) -> Vec<usize> {
        let span = self.doc.sentences[s].span;
        let mut found: Vec<(usize, usize)> = self
            .mentions
            .iter()
            .filter(|m| m.span.start >= span.start && m.span.start < before && m.span.end <= span.end)
            .filter(|m| {
                self.entities[m.entity].kind == EntityKind::Person && !self.in_quote[self.token_index(m.span.start)]
            })
            .map(|m| (m.span.start, m.entity))
            .collect();
        found.sort_unstable();
        let mut out: Vec<usize> = Vec::new();
        for (_, entity) in found {
            if !out.contains(&entity) {
                out.push(entity);
            }
        }
        out
    }

    /// True when every word of sentence `s` stands inside quotation marks: a sentence of a quote
    /// names no antecedent outside it and does not push the narrative's subject out of reach.
    pub(super) fn quoted_only(&self, s: usize) -> bool {
        let tokens = self.doc.sentences[s].tokens.clone();
        tokens.filter(|&t| self.is_word(t)).all(|t| self.in_quote[t])
    }

    /// The person a subject reference at byte `at` in sentence `s` most likely means: the first
    /// person named earlier in the sentence, else the subject of the nearest earlier sentence
    /// that names a person, looking back over at most three sentences of narrative (sentences
    /// wholly inside quotation marks do not count, up to [`MAX_SENTENCES_BACK`] in all).
    pub(super) fn salient_person(&self, s: usize, at: usize, accept: impl Fn(&Entity) -> bool) -> Option<usize> {
        if let Some(&p) = self.persons_in_sentence(s, at).iter().find(|&&p| accept(&self.entities[p])) {
            return Some(p);
        }
        let mut narrative = 0;
        for prev in (s.saturating_sub(MAX_SENTENCES_BACK)..s).rev() {
            if self.quoted_only(prev) {
                continue;
            }
            let persons = self.persons_in_sentence(prev, usize::MAX);
            if let Some(&p) = persons.iter().find(|&&p| accept(&self.entities[p])) {
                return Some(p);
            }
            narrative += 1;
            if narrative == 3 {
                break;
            }
        }
        None
    }

    /// Role-only mentions that report speech: "the German chancellor said".
    pub(super) fn resolve_nominals(&mut self) {
        let n = self.doc.tokens.len();
        for t in 0..n {
            if !self.is_word(t) || !self.gaz.is_role_head(&self.lower(t)) {
                continue;
            }
            // what follows: a reporting verb, possibly after "also" / "has"
            let mut next = t + 1;
            while next < n && matches!(self.text(next), "also" | "has" | "had" | "then" | "later") {
                next += 1;
            }
            let s = self.sentence_of[t];
            let reports_after = next < n && is_reporting_verb(self.text(next)) && self.sentence_of[next] == s;
            let floor = self.doc.sentences[s].tokens.start;
            let Some(start) = self.role_phrase_before(t + 1, floor) else { continue };
            // a definite description: "the …" or "Ukraine’s …"
            let determiner = start > floor && matches!(self.text(start - 1), "the" | "The");
            let possessive = strip_possessive(self.text(start)).len() != self.text(start).len();
            if !determiner && !possessive {
                continue;
            }
            let span_start = if determiner { start - 1 } else { start };
            if !reports_after && !self.reporting_inverted(span_start, t) && !self.sentence_subject(span_start, t) {
                continue;
            }
            let span = Span::new(self.doc.tokens[span_start].span.start, self.doc.tokens[t].span.end);
            let person_overlap = self
                .mentions
                .iter()
                .any(|m| m.span.overlaps(span) && self.entities[m.entity].kind == EntityKind::Person);
            if person_overlap && !possessive {
                continue;
            }
            let head = self.lower(t);
            let nationality = (start..t).find_map(|k| self.longest_gaz(k, t).and_then(|(_, e)| e.country.clone()));
            let party = party_of(self.doc.slice(span));
            // (same office, same country and party as the description)
            let role_fits = |r: &Role| {
                let role = r.text.to_lowercase();
                let head_ok = role.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| same_head(w, &head));
                let nat_ok = nationality.as_ref().is_none_or(|nat| {
                    let role_nat = self.nationality_of(&r.text);
                    role_nat.as_ref().is_none_or(|rn| rn == nat)
                });
                let party_ok = party.is_none_or(|p| party_of(&r.text).is_none_or(|rp| rp == p));
                (head_ok, nat_ok && party_ok)
            };
            let matches_role =
                |e: &Entity| e.kind == EntityKind::Person && e.roles.iter().any(|r| role_fits(r) == (true, true));
            // the same office in another country or party: "the Democratic nominee" is not the
            // Republican nominee
            let other_office = |e: &Entity| e.roles.iter().any(|r| role_fits(r) == (true, false));
            // a person whose role matches, mentioned most recently; else the salient subject
            let by_role = self
                .mentions
                .iter()
                .filter(|m| m.span.start < span.start && matches_role(&self.entities[m.entity]))
                .max_by_key(|m| m.span.start)
                .map(|m| m.entity);
            let person = by_role
                .or_else(|| self.salient_person(s, span.start, |e| e.kind == EntityKind::Person && !other_office(e)));
            if let Some(p) = person {
                self.mentions.push(Mention { span, entity: p, kind: MentionKind::Nominal });
            }
        }
    }

    /// True when a description `[start, head]` follows a reporting verb and ends its clause:
    /// "…,” said the Republican nominee."
    pub(super) fn reporting_inverted(&self, start: usize, head: usize) -> bool {
        let before = start.checked_sub(1).filter(|&b| self.sentence_of[b] == self.sentence_of[head]);
        let ends_clause = self.doc.tokens.get(head + 1).is_none_or(|tok| tok.kind != TokenKind::Word)
            || matches!(self.text(head + 1), "on" | "in" | "at" | "during" | "after" | "before" | "when" | "while");
        before.is_some_and(|b| is_reporting_verb(self.text(b))) && ends_clause
    }

    /// True when a description `[start, head]` opens its sentence as the subject of a verb: "The
    /// Republican nominee also outlined …", "The GOP candidate proposes …" (not "The president of
    /// the club …", "The president’s roots …").
    pub(super) fn sentence_subject(&self, start: usize, head: usize) -> bool {
        /// Words after a noun that do not start its verb phrase.
        const NOT_VERBS: &[&str] = &[
            "of", "and", "or", "but", "who", "whose", "which", "that", "in", "on", "at", "for", "to", "with", "from",
            "by", "as", "than", "a", "an", "the", "this", "these",
        ];
        let floor = self.doc.sentences[self.sentence_of[head]].tokens.start;
        let head_text = self.text(head);
        if start != floor || strip_possessive(head_text).len() != head_text.len() || self.in_quote[head] {
            return false;
        }
        let next = head + 1;
        next < self.doc.tokens.len()
            && self.sentence_of[next] == self.sentence_of[head]
            && self.is_word(next)
            && self.text(next).chars().next().is_some_and(char::is_lowercase)
            && !NOT_VERBS.contains(&self.text(next))
    }

    /// Resolves *he* / *she* (also in contractions) to the salient person of their gender.
    pub(super) fn resolve_pronouns(&mut self) {
        for t in 0..self.doc.tokens.len() {
            // "he" and the pronoun of a contraction ("He’s", "she'd"): the mention is the pronoun
            let pronoun = strip_contraction(self.text(t));
            let Some(gender) = pronoun_gender(pronoun) else { continue };
            if self.in_quote[t] {
                continue;
            }
            let s = self.sentence_of[t];
            let at = self.doc.tokens[t].span.start;
            let span = Span::new(at, at + pronoun.len());
            let accept = |e: &Entity| e.kind == EntityKind::Person && e.gender.is_none_or(|g| g == gender);
            // "…, said Officer Ray Scheidnes. He said …": a pronoun that reports speech right after
            // an attribution continues its speaker, not the sentence's first name
            let speaking = t + 1 < self.doc.tokens.len() && is_reporting_verb(self.text(t + 1));
            let continued = if speaking { self.inverted_speaker_before(s, at, accept) } else { None };
            // "The refugees are furious with President Omar al-Bashir, he says.": the speaker of a
            // sentence-final attribution is not someone the reported words name
            let sentence_end = self.doc.sentences[s].tokens.end.min(self.doc.tokens.len());
            let final_attribution = speaking
                && t > 0
                && self.text(t - 1) == ","
                && (t + 2 >= sentence_end || matches!(self.text(t + 2), "." | "!" | "?"));
            let at = if final_attribution { self.doc.sentences[s].span.start } else { at };
            // with no antecedent, the subject of the main clause after a fronted clause ("When he
            // wrote the book, Mr. Smith said …")
            let person =
                continued.or_else(|| self.salient_person(s, at, accept)).or_else(|| self.cataphora_subject(t, accept));
            if let Some(p) = person {
                if self.entities[p].gender.is_none() {
                    self.entities[p].gender = Some(gender);
                }
                self.mentions.push(Mention { span, entity: p, kind: MentionKind::Pronoun });
            }
        }
        self.resolve_relative_who();
    }

    /// The speaker of an inverted attribution ending the sentence before `s` ("Jackson failed the
    /// tests, said Officer Ray Scheidnes."), when sentence `s` names no one before byte `at`.
    pub(super) fn inverted_speaker_before(
        &self,
        s: usize,
        at: usize,
        accept: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        if s == 0 || !self.persons_in_sentence(s, at).is_empty() {
            return None;
        }
        let prev = &self.doc.sentences[s - 1];
        let (lo, hi) = (prev.tokens.start, prev.tokens.end.min(self.doc.tokens.len()));
        // the last reporting verb after a comma or a closing quotation mark, its speaker a few
        // words after it
        let verb = (lo + 1..hi).rev().find(|&v| {
            let after_comma = self.text(v - 1) == "," || self.doc.tokens[v - 1].kind == TokenKind::CloseQuote;
            after_comma && !self.in_quote[v] && is_reporting_verb(self.text(v))
        })?;
        let window =
            self.doc.tokens[(verb + 1).min(hi - 1)].span.start..self.doc.tokens[(verb + 7).min(hi - 1)].span.end;
        self.mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name && window.contains(&m.span.start))
            .filter(|m| self.entities[m.entity].kind == EntityKind::Person)
            .filter(|m| !self.in_quote[self.token_index(m.span.start)])
            .min_by_key(|m| m.span.start)
            .filter(|m| {
                // only titles between the verb and the name ("said Officer Ray Scheidnes"), and
                // the attribution ends there (not ", warned that …", ", said Trump could …")
                let first = self.token_index(m.span.start);
                let next = self.doc.token_at_or_after(m.span.end);
                let titles = (verb + 1..first).all(|x| {
                    self.is_word(x) && self.text(x).starts_with(char::is_uppercase)
                        || matches!(self.text(x), "the" | ".")
                });
                titles && (next >= hi || matches!(self.text(next), "," | "." | ";" | "(" | "!" | "?"))
            })
            .map(|m| m.entity)
            .filter(|&p| accept(&self.entities[p]))
    }

    /// The person a pronoun at token `t` inside a fronted subordinate clause looks ahead to: the
    /// person named right after the comma that closes the clause ("Back when he wrote his book,
    /// Mr. McKinley said …").
    pub(super) fn cataphora_subject(&self, t: usize, accept: impl Fn(&Entity) -> bool) -> Option<usize> {
        let sentence = &self.doc.sentences[self.sentence_of[t]];
        let (floor, end) = (sentence.tokens.start, sentence.tokens.end.min(self.doc.tokens.len()));
        let clause = (floor..t).rev().take_while(|&k| !matches!(self.text(k), "," | ";" | ":"));
        let fronted = clause.clone().last() == Some(floor);
        if !fronted || !clause.into_iter().any(|k| closed::is(Class::SubordinatorLookahead, &self.lower(k))) {
            return None;
        }
        let comma = (t + 1..end).find(|&k| self.text(k) == ",")?;
        // the name may follow an honorific or a title: ", Mr. Smith", ", Sen. Jones"
        let window = self.doc.tokens.get(comma + 1)?.span.start..self.doc.tokens[(comma + 3).min(end - 1)].span.end;
        self.mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Name && window.contains(&m.span.start))
            .filter(|m| !self.in_quote[self.token_index(m.span.start)])
            .min_by_key(|m| m.span.start)
            .map(|m| m.entity)
            .filter(|&p| accept(&self.entities[p]))
    }

    /// The relative pronoun "who" after a person's name or apposition: "McConnell, now the
    /// majority leader, who said …" is a mention of McConnell.
    pub(super) fn resolve_relative_who(&mut self) {
        let mut found = Vec::new();
        for t in 1..self.doc.tokens.len() {
            if self.text(t) != "who" || self.text(t - 1) != "," || self.in_quote[t] {
                continue;
            }
            let floor = self.doc.sentences[self.sentence_of[t]].tokens.start;
            // the mention ending right before the comma, else the name before an apposition
            let before = |end_tok: usize| {
                let end_byte = self.doc.tokens[end_tok].span.end;
                self.mentions.iter().find(|m| {
                    m.span.end <= end_byte
                        && m.span.end > self.doc.tokens[end_tok].span.start
                        && m.span.start >= self.doc.tokens[floor].span.start
                        && self.entities[m.entity].kind == EntityKind::Person
                })
            };
            let mut person = t.checked_sub(2).filter(|&k| k >= floor).and_then(before).map(|m| m.entity);
            if person.is_none() {
                // "Name, now the majority leader, who": a short apposition with a role word
                let apposition_comma = (floor..t - 1).rev().find(|&k| self.text(k) == ",");
                if let Some(c) = apposition_comma.filter(|&c| c > floor && t - 1 - c <= 8) {
                    let apposition_is_role =
                        (c + 1..t - 1).any(|k| self.is_word(k) && self.gaz.is_role_head(&self.lower(k)));
                    if apposition_is_role {
                        person = before(c - 1).map(|m| m.entity);
                    }
                }
            }
            if let Some(p) = person {
                found.push(Mention { span: self.doc.tokens[t].span, entity: p, kind: MentionKind::Pronoun });
            }
        }
        self.mentions.extend(found);
    }
}
