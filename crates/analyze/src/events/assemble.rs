//! One event from a trigger: its participants (the people named outside quotes in its clause,
//! minus a trailing attribution's source; organisations and countries for collective kinds),
//! place, date and status (planned or happened).

use parallax_doc::{EntityKind, Event, EventKind, EventStatus, MentionKind};
use parallax_lexicon::closed::Class::Subordinator;

use super::vocabulary::{is, is_collective, triggers, WordClass};
use super::Finder;
use crate::lexicon::{is_future_marker, is_reporting_verb};

impl<'d> Finder<'d> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn event(
        &self,
        s: usize,
        start: usize,
        end: usize,
        kind: EventKind,
        place: Option<usize>,
        time: Option<usize>,
        window: std::ops::Range<usize>,
    ) -> Event {
        let range = window;
        let mut participants = Vec::new();
        let clause = self.clause_around(start, range.clone());
        // the event noun in a phrase such as "after the summit" attaches to the reporting verb
        let in_adjunct = (start.saturating_sub(3)..start)
            .any(|k| matches!(self.lower(k), "after" | "before" | "at" | "during" | "ahead"));
        // "updates on the talks": the event is the topic of something else, and the people of
        // the clause are not its participants
        let determiner = start > 0 && matches!(self.lower(start - 1), "the" | "these" | "those" | "this" | "that");
        let before = if determiner { start.checked_sub(2) } else { start.checked_sub(1) };
        let topic = before.is_some_and(|k| k >= range.start && is(WordClass::TopicPreposition, self.lower(k)));
        // a reporting verb between a person and the trigger makes the person the source of
        // what is reported ("Peskov has suggested that … talks", "quoting Peskov, reported
        // that the talks"), not a participant; "he" after the verb is ("Trump said he would
        // meet Putin")
        let reported_after = |k: usize| {
            (k + 1..start).any(|j| is_reporting_verb(self.word(j)) || is(WordClass::SourceVerb, self.lower(j)))
        };
        // "the Trump administration", "the Biden campaign": a name as a modifier
        let attributive = |k: usize, m_end: usize| {
            let next = self.doc.token_at_or_after(m_end);
            k > range.start
                && matches!(self.lower(k - 1), "the" | "a" | "an")
                && next < range.end
                && self.word(next).starts_with(|c: char| c.is_lowercase())
        };
        // a person after a later trigger belongs to that one ("the talks … pave the way for a
        // meeting between Trump and Putin")
        let later_trigger = |k: usize| (end..k).any(|j| triggers().contains_key(self.lower(j)));
        for k in range.clone() {
            if topic {
                break;
            }
            if self.quoted(k) {
                continue;
            }
            let Some(m) = self.mention(k) else { continue };
            if self.doc.entities[m.entity].kind != EntityKind::Person || self.in_role(m.span) {
                continue;
            }
            // the source of an attribution is not a participant ("…, Tammy Bruce said",
            // "Bruce said the meeting …"), unless the event is where they spoke ("told
            // reporters after the summit")
            let after = self.doc.token_at_or_after(m.span.end);
            let reports = after < range.end && is_reporting_verb(self.word(after)) && !(start..end).contains(&after);
            let attribution = reports && kind != EventKind::Speech && (k > start || !in_adjunct);
            let according = (k.saturating_sub(6)..k).any(|j| self.lower(j) == "according");
            let outside_clause = clause.as_ref().is_some_and(|c| !c.contains(&k));
            // "gathered at the site where Grigoropoulos was shot": a person in a relative clause
            // after the trigger belongs to another event
            let relative = k > end && (end..k).any(|j| matches!(self.lower(j), "where" | "whose"));
            // "were found dead at their home, with Mr Jenkin arrested shortly afterwards": a
            // person in an absolute clause after the trigger ("with" + name + participle) is the
            // subject of another event
            let absolute = k > end && {
                let next = self.lower(self.doc.token_at_or_after(m.span.end));
                (end..k).any(|j| self.word(j) == "," && self.lower(j + 1) == "with")
                    && next.len() > 3
                    && (next.ends_with("ed") || next.ends_with("en"))
            };
            if self.is_possessive_mention(k) || outside_clause || relative || absolute {
                continue;
            }
            if (attribution || according) && m.kind != MentionKind::Pronoun {
                continue;
            }
            let source = k < start && kind != EventKind::Speech && !in_adjunct && reported_after(k);
            if (source && m.kind != MentionKind::Pronoun) || (k > end && later_trigger(k)) || attributive(k, m.span.end)
            {
                continue;
            }
            if !participants.contains(&m.entity) {
                participants.push(m.entity);
            }
        }
        // "Russia launched an attack on Kharkiv": with no person named, the organisations and
        // countries acting
        if participants.is_empty() && is_collective(kind) && !topic {
            for k in range.clone() {
                if self.quoted(k) {
                    continue;
                }
                let Some(m) = self.mention(k) else { continue };
                let e = &self.doc.entities[m.entity];
                if e.kind == EntityKind::Person || Some(m.entity) == place || self.in_role(m.span) {
                    continue;
                }
                // (also a name modifying the noun that reports: "…, a Reuters witness said")
                let after = self.doc.token_at_or_after(m.span.end);
                let reports = after < range.end
                    && (is_reporting_verb(self.word(after))
                        || attributive(k, m.span.end)
                            && (after + 1..(after + 3).min(range.end)).any(|j| is_reporting_verb(self.word(j))));
                let according = (k.saturating_sub(6)..k).any(|j| self.lower(j) == "according");
                // after a preposition, with or without an article ("opened fire at the
                // University of Alabama", "at a Kraft factory"): a place or an owner, not who acted
                let article = k > range.start && matches!(self.lower(k - 1), "a" | "an" | "the");
                let before_name = if article { k - 1 } else { k };
                let prep = before_name > range.start
                    && matches!(
                        self.lower(before_name - 1),
                        "in" | "at" | "on" | "near" | "from" | "across" | "into" | "of" | "over" | "to" | "against"
                    );
                // a subordinate clause between the name and the trigger: "The EU imposed a ban after
                // troops opened fire" is no attack by the EU
                let subordinate =
                    k < start && (k + 1..start).any(|j| parallax_lexicon::closed::is(Subordinator, self.lower(j)));
                let outside_clause = clause.as_ref().is_some_and(|c| !c.contains(&k));
                // "(Reuters)" in a dateline
                let aside = k > 0 && self.word(k - 1) == "(";
                if reports
                    || according
                    || prep
                    || subordinate
                    || outside_clause
                    || aside
                    || self.is_possessive_mention(k)
                {
                    continue;
                }
                if !participants.contains(&m.entity) {
                    participants.push(m.entity);
                }
            }
        }
        // "the two leaders spoke by phone": the people of the sentence before
        if participants.is_empty() && kind != EventKind::Speech && !is_collective(kind) && s > 0 && !topic {
            let plural = range.clone().any(|k| {
                let w = self.lower(k);
                w == "they" || w == "both" || (w == "two" && k > 0 && self.lower(k - 1) == "the")
            });
            // ("both women": only women, not the man the sentence before names beside them)
            let gender = range.clone().find_map(|k| {
                let w = self.lower(k);
                if is(WordClass::WomenPlural, w) {
                    Some('f')
                } else {
                    is(WordClass::MenPlural, w).then_some('m')
                }
            });
            if plural {
                for k in self.sentence_tokens(s - 1) {
                    let Some(m) = self.mention(k) else { continue };
                    let entity = &self.doc.entities[m.entity];
                    let is_person = entity.kind == EntityKind::Person
                        && gender.is_none_or(|g| entity.gender.is_none_or(|own| own == g));
                    if is_person && !self.quoted(k) && !self.in_role(m.span) && !participants.contains(&m.entity) {
                        participants.push(m.entity);
                    }
                }
            }
        }
        // a death, arrest or appointment happens to someone: not to everyone the clause names
        if matches!(kind, EventKind::Death | EventKind::Arrest | EventKind::Trial | EventKind::Appointment) {
            participants = match self.active_object(start, end, range.clone()) {
                Some(object) => object.into_iter().filter(|e| participants.contains(e)).collect(),
                None => self.patients(start, end, &participants, range.clone()),
            };
        }
        // "the way for a meeting", "calls for a ceasefire": an event sought is still to come
        let sought = start >= 2
            && matches!(self.lower(start - 1), "a" | "an")
            && matches!(self.lower(start - 2), "for" | "toward" | "towards");
        let future = sought || (range.start..end).rev().take(12).any(|k| is_future_marker(self.lower(k)));
        let after_publication = time.and_then(|t| {
            // compared at the value's own precision: "2025-05" is not after "2025-05-16"
            let value = &self.doc.times[t].value;
            let value = value.get(..10).unwrap_or(value);
            let (y, m, d) = self.doc.meta.published_ymd()?;
            let published = format!("{y:04}-{m:02}-{d:02}");
            Some(value > published.get(..value.len()).unwrap_or(&published))
        });
        // "Romania will hold an election": the country is where it is held, not a participant
        let mut place = place;
        if kind == EventKind::Election {
            let is_place = |e: &usize| self.doc.entities[*e].kind == EntityKind::Location;
            if place.is_none() {
                place = participants.iter().copied().find(is_place);
            }
            participants.retain(|e| !is_place(e));
        }
        let status =
            if future || after_publication == Some(true) { EventStatus::Planned } else { EventStatus::Happened };
        Event {
            kind,
            trigger: {
                let view = parallax_doc::TokenView::new(self.doc);
                parallax_doc::Span::new(view.span(start).start, view.span(end.saturating_sub(1)).end)
            },
            sentence: s,
            participants,
            place,
            time,
            status,
        }
    }

    /// For a trigger with the [`TriggerRule::Transitive`] rule in the active voice ("police
    /// arrested X", "the man who killed X", "the jury convicted X"): the person it happens to,
    /// its object, named within a few words after it and before any preposition ("fired three
    /// shots at X" has none), or `Some(None)` when there is none. `None` for another trigger or
    /// the passive ("X was arrested", "X, convicted in 2019"), which [`Finder::patients`]
    /// reads.
    pub(super) fn active_object(
        &self,
        start: usize,
        end: usize,
        range: std::ops::Range<usize>,
    ) -> Option<Option<usize>> {
        use super::vocabulary::TriggerRule;
        let phrase = (start..end).map(|k| self.lower(k)).collect::<Vec<_>>().join(" ");
        if triggers().get(phrase.as_str()).map(|&(_, rule)| rule) != Some(TriggerRule::Transitive) {
            return None;
        }
        // past adverbs ("was later arrested", "had been fatally shot")
        let k = self.past_ly_adverbs(start, range.start);
        let passive = k > range.start && is(WordClass::PassiveAuxiliary, self.lower(k - 1));
        if passive {
            return Some(self.passive_subject(k - 1, range));
        }
        // "X, convicted in 2019, …": a participle after a comma describes the noun before
        if k > range.start && self.word(k - 1) == "," {
            return None;
        }
        let object = (end..(end + 4).min(range.end))
            .take_while(|&j| {
                self.token_kind(j) == Some(parallax_doc::TokenKind::Word) && !is(WordClass::ObjectEnd, self.lower(j))
            })
            .find_map(|j| {
                let m = self.mention(j)?;
                (self.doc.entities.get(m.entity)?.kind == EntityKind::Person).then_some(m.entity)
            });
        Some(object)
    }

    /// The person a passive at auxiliary `aux` is about: named right before it, past an age, a
    /// comma, a relative pronoun, an auxiliary or an adverb ("Nick Griffin was arrested",
    /// "Ortiz, 35, was killed", "Ray Kelly, who was later fired", "Ranieri has been sacked");
    /// none when the subject is no name ("her husband was murdered").
    fn passive_subject(&self, aux: usize, range: std::ops::Range<usize>) -> Option<usize> {
        let mut p = aux;
        while p > range.start {
            let w = self.lower(p - 1);
            let skip = matches!(w, "," | "who" | "that" | "also" | "later" | "then" | "has" | "have" | "had")
                || is(WordClass::PassiveAuxiliary, w)
                || w.ends_with("ly")
                || self.token_kind(p - 1) == Some(parallax_doc::TokenKind::Number);
            if !skip {
                break;
            }
            p -= 1;
        }
        self.entity_ending_at(p.checked_sub(1)?, range.start, 7)
            .filter(|&e| self.doc.entities.get(e).is_some_and(|x| x.kind == EntityKind::Person))
    }

    /// Whom a death, arrest or appointment at tokens `[start, end)` happens to, among `people`:
    /// the person "of" names ("the death of X", "the resignation of X"), else the nearest one
    /// before the trigger ("X died", "X was arrested", "who resigned") with a person joined to
    /// it by "and" ("Kenteris and Thanou had been charged"), else the nearest one after ("police
    /// arrested X", but no one after "charged with", which names the charge); a possessive right
    /// before the trigger names them ("Woodward's resignation"). All of `people` when none is
    /// near.
    fn patients(&self, start: usize, end: usize, people: &[usize], range: std::ops::Range<usize>) -> Vec<usize> {
        let person_at = |k: usize| self.mention(k).map(|m| m.entity).filter(|e| people.contains(e));
        // "Sir Clive Woodward's resignation": the possessive right before the trigger
        let possessor = (start.saturating_sub(4).max(range.start)..start).find_map(|k| {
            let m = self.mention(k)?;
            let ends_here = self.doc.token_at_or_after(m.span.end) + 1 >= start;
            let person = self.doc.entities.get(m.entity).is_some_and(|e| e.kind == EntityKind::Person);
            (person && ends_here && self.is_possessive_mention(k)).then_some(m.entity)
        });
        if let Some(e) = possessor {
            return vec![e];
        }
        // "charged with killing X", "found guilty of stamping on X": after "with" or "guilty"
        // comes the charge, and whom it names is its victim
        let charge = matches!(self.lower(end.saturating_sub(1)), "with" | "guilty");
        let of = !charge && (self.lower(end) == "of" || self.lower(end.saturating_sub(1)) == "of");
        // "murderers who pleaded guilty": a relative clause's event happens to the noun before
        // "who", which must be a person named right there
        let k = self.past_ly_adverbs(start, range.start);
        if k >= range.start + 2 && matches!(self.lower(k - 1), "who" | "that") {
            let at = if self.word(k - 2) == "," { k.saturating_sub(3) } else { k - 2 };
            let named = self.entity_ending_at(at, range.start, 6).filter(|e| people.contains(e));
            return named.into_iter().collect();
        }
        let after = (end..range.end).take(8).find_map(&person_at).filter(|_| !charge);
        let before = (range.start..start).rev().take(8).find_map(|k| person_at(k).map(|e| (k, e)));
        // "the murder of a man": only whom "of" names, even when that is no one named
        if self.lower(end.saturating_sub(1)) == "of" {
            return after.into_iter().collect();
        }
        if of {
            if let Some(e) = after {
                return vec![e];
            }
        }
        if let Some((k, e)) = before {
            let mut out = vec![e];
            // "Kenteris and Thanou": the person right before "and"
            if k >= 2 && self.lower(k - 1) == "and" {
                if let Some(other) =
                    (k.saturating_sub(6).max(range.start)..k - 1).rev().find_map(&person_at).filter(|o| *o != e)
                {
                    out.insert(0, other);
                }
            }
            return out;
        }
        if charge {
            return Vec::new();
        }
        after.map_or_else(|| people.to_vec(), |e| vec![e])
    }

    /// The clause around token `t` when `range` holds relative clauses or dashes: ", where …",
    /// ", which …", "; …", "— …".
    pub(super) fn clause_around(&self, t: usize, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let is_boundary = |k: usize| {
            let w = self.word(k);
            matches!(w, ";" | "—" | "–")
                || (w == ","
                    && k + 1 < range.end
                    && matches!(self.lower(k + 1), "where" | "when" | "which" | "who" | "while" | "but"))
        };
        let start = (range.start..t).rev().find(|&k| is_boundary(k)).map_or(range.start, |k| k + 1);
        let end = (t..range.end).find(|&k| is_boundary(k)).unwrap_or(range.end);
        (start > range.start || end < range.end).then_some(start..end)
    }

    /// True when "with", "to" or "by" and then a person follow token `end` closely ("spoke with
    /// Trump", "phoned Zelenskyy's office" does not count).
    pub(super) fn person_follows(&self, end: usize, sentence_end: usize) -> bool {
        (end..(end + 4).min(sentence_end)).any(|k| {
            matches!(self.lower(k), "with" | "to" | "by")
                && (k + 1..(k + 6).min(sentence_end)).any(|j| self.entity_kind(j) == Some(EntityKind::Person))
        })
    }
}
