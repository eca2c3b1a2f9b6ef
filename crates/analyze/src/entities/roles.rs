//! Roles: titles before a name, appositions, role phrases before a comma, possessive
//! organisations ("Putin’s foreign affairs adviser"), and the party or nationality a role names.

use parallax_doc::{EntityKind, Mention, MentionKind, Role, Span};

use super::tokens::{is_capitalised, strip_possessive};
use super::vocabulary::{is, WordClass};
use super::EntityReader;

/// The party a role or description names: "Democratic presidential nominee" → `'D'`, "GOP
/// candidate" → `'R'`.
pub(super) fn party_of(text: &str) -> Option<char> {
    text.split(|c: char| !c.is_alphanumeric()).find_map(|w| match w.to_lowercase().as_str() {
        "democratic" | "democrat" => Some('D'),
        "republican" | "gop" => Some('R'),
        _ => None,
    })
}

impl<'d> EntityReader<'d> {
    /// A role phrase ending just before token `end` and starting no earlier than `floor`:
    /// `(first token, true when it contains a head word)`.
    pub(super) fn role_phrase_before(&self, end: usize, floor: usize) -> Option<usize> {
        let mut k = end;
        let mut has_head = false;
        let mut start = end;
        while k > floor {
            let t = k - 1;
            let word = self.text(t);
            let possessive = strip_possessive(word).len() != word.len();
            let lower = self.lower(t);
            if self.is_word(t)
                && (self.gaz.is_role_head(&lower) || self.gaz.is_role_modifier(&lower) || self.gaz.is_title(&lower))
                && !possessive
            {
                has_head |= self.gaz.is_role_head(&lower);
                k -= 1;
                start = k;
                continue;
            }
            // a gazetteer name ending at t ("U.S.", "European Commission", "Russia’s")
            if let Some(len) = (1..=self.gaz.max_tokens.min(t + 1 - floor))
                .rev()
                .find(|&len| self.gaz_exact(t + 1 - len, t + 1).is_some())
            {
                k -= len;
                start = k;
                if possessive {
                    break;
                }
                continue;
            }
            if possessive && is_capitalised(word) {
                // "Trump’s special envoy", "Putin’s foreign affairs adviser"
                k -= 1;
                start = k;
                break;
            }
            // connectors inside a role, before a place or a non-head role word
            // "a spokesman for Texas Attorney General Greg Abbott", "an aide to Senate Majority
            // Leader X": the name is the object of "for" / "to", and its role is only what
            // follows; what comes before is another person's
            if has_head && start < end && matches!(word, "for" | "to") {
                break;
            }
            if is(WordClass::RoleConnector, word) && start < end {
                let next = start;
                let next_lower = self.lower(next);
                let next_ok = self.longest_gaz(next, end).is_some()
                    || (self.gaz.is_role_modifier(&next_lower) && !self.gaz.is_role_head(&next_lower))
                    || (word == "the" && self.longest_gaz(next, end).is_some());
                if next_ok {
                    k -= 1;
                    continue;
                }
            }
            break;
        }
        // a role never starts with a connector
        while start < end && is(WordClass::RoleConnector, self.text(start)) {
            start += 1;
        }
        (has_head && start < end).then_some(start)
    }

    /// A role in apposition after the name ending at token `end`: `(role start, role end)`.
    pub(super) fn role_after(&self, end: usize) -> Option<(usize, usize)> {
        let n = self.doc.tokens.len();
        if end >= n || !matches!(self.text(end), "," | "–" | "—") {
            return None;
        }
        let sentence_end = self.doc.sentences.get(*self.sentence_of.get(end)?)?.tokens.end;
        let mut k = end + 1;
        if k < sentence_end && matches!(self.text(k), "and" | "or" | "but") {
            return None;
        }
        if k < sentence_end && matches!(self.text(k), "the" | "a" | "an") {
            k += 1;
        }
        let start = k;
        let mut has_head = false;
        while k < sentence_end && k < start + 14 {
            let word = self.text(k);
            if matches!(word, "," | "–" | "—" | ")" | "." | ";") {
                break;
            }
            let lower = self.lower(k);
            if self.gaz.is_role_head(&lower) {
                has_head = true;
            }
            let ok = self.is_word(k)
                && (self.gaz.is_role_head(&lower)
                    || self.gaz.is_role_modifier(&lower)
                    || self.gaz.is_title(&lower)
                    || is_capitalised(word)
                    || is(WordClass::RoleConnector, word));
            if !ok {
                return None;
            }
            k += 1;
        }
        let at_delimiter = k == sentence_end || matches!(self.text(k), "," | "–" | "—" | ")" | "." | ";");
        if !has_head || k == start || !at_delimiter {
            return None;
        }
        // a list, not an apposition: the phrase is the title of the next person ("…, national
        // security adviser Mike Waltz and …")
        let phrase_end = k;
        let mut t = start;
        while t < phrase_end {
            if self.is_word(t)
                && is_capitalised(self.text(t))
                && !self.is_role_word(t)
                && self.longest_gaz(t, phrase_end).is_none()
            {
                if let Some(role_start) = self.role_phrase_before(t, start) {
                    if role_start == start {
                        return None;
                    }
                }
                break;
            }
            t += 1;
        }
        Some((start, phrase_end))
    }

    /// Records tokens `[start, end)` as a role of `entity`.
    pub(super) fn add_role(&mut self, entity: usize, start: usize, end: usize) {
        let span = Span::new(self.doc.tokens[start].span.start, self.doc.tokens[end - 1].span.end);
        let text = self.doc.slice(span).to_string();
        let role = &mut self.entities[entity].roles;
        if !role.iter().any(|r| r.text.eq_ignore_ascii_case(&text)) {
            role.push(Role { text, span });
        }
    }

    /// An organisation named in the possessive right before token `t`: its name (without the
    /// possessive) and span.
    pub(super) fn possessive_organization_before(&self, t: usize, floor: usize) -> Option<(String, Span)> {
        let prev = t.checked_sub(1).filter(|&p| p >= floor)?;
        let word = self.text(prev);
        if strip_possessive(word).len() == word.len() {
            return None;
        }
        let m = self
            .mentions
            .iter()
            .find(|m| m.span.end > self.doc.tokens[prev].span.start && m.span.end <= self.doc.tokens[prev].span.end)?;
        (self.entities[m.entity].kind == EntityKind::Organization).then(|| (self.doc.slice(m.span).to_string(), m.span))
    }

    /// Finds every person's roles: titles before the name, appositions, role phrases before a comma.
    pub(super) fn collect_roles(&mut self) {
        let names: Vec<Mention> = self
            .mentions
            .iter()
            .copied()
            .filter(|m| m.kind == MentionKind::Name && self.entities[m.entity].kind == EntityKind::Person)
            .collect();
        for m in names {
            let start_tok = self.token_index(m.span.start);
            let end_tok = self.token_index(m.span.end).max(start_tok + 1);

            let sentence = self.sentence_of[start_tok];
            let floor = self.doc.sentences[sentence].tokens.start;
            if let Some(role_start) = self.role_phrase_before(start_tok, floor) {
                self.add_role(m.entity, role_start, start_tok);
            } else if start_tok > floor + 1 && self.text(start_tok - 1) == "," {
                // "Putin’s foreign affairs adviser, Yuri Ushakov"
                if let Some(role_start) = self.role_phrase_before(start_tok - 1, floor) {
                    let opener = role_start.checked_sub(1).map(|t| self.text(t));
                    if role_start == floor || matches!(opener, Some("and" | "," | "with" | "by" | "(")) {
                        self.add_role(m.entity, role_start, start_tok - 1);
                    }
                }
            } else if let Some(org) = self.possessive_organization_before(start_tok, floor) {
                // an affiliation: "Al Jazeera’s Natacha Butler", "Amazon's Robin Terrell"
                let role = &mut self.entities[m.entity].roles;
                if !role.iter().any(|r| r.text == org.0) {
                    role.push(Role { text: org.0, span: org.1 });
                }
            }
            if let Some((role_start, role_end)) = self.role_after(end_tok) {
                self.add_role(m.entity, role_start, role_end);
                let span = Span::new(self.doc.tokens[role_start].span.start, self.doc.tokens[role_end - 1].span.end);
                self.mentions.push(Mention { span, entity: m.entity, kind: MentionKind::Nominal });
            }
        }
    }

    /// The country a role names ("German Chancellor" → Germany), via the gazetteer.
    pub(super) fn nationality_of(&self, role: &str) -> Option<String> {
        role.split(' ').find_map(|w| self.gaz.lookup(strip_possessive(w)).and_then(|e| e.country.clone()))
    }
}
