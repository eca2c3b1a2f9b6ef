//! Resolution: a speaker named by words that stand for an entity named before gets that entity.
//! The entity layer resolves "he" / "she" and role mentions; this pass corrects and resolves
//! what it leaves:
//!
//! - "he" or "she" after a quote whose speaker is the only person of that gender named since
//!   outside quoted words: that speaker, over the entity layer's pick (a person named inside
//!   the quote);
//! - an organisation pronoun ("it said", "they said" of a company or ministry): the nearest
//!   earlier organisation (or country) that opens its sentence, in the sentence or the two before,
//!   skipping people; "they" only for a name of many ("Democrats") and when no person is named
//!   nearer;
//! - a definite description headed by an organisation noun ("the ministry said", "the company
//!   said"): the nearest earlier organisation whose name holds the noun ("Ministry of Defence"),
//!   else, for a company noun, the nearest earlier organisation;
//! - an age as a noun ("the 26-year-old said"): the person whose age was given ("Ana Ruiz, 26,"
//!   or "26-year-old Ana Ruiz").
//! - "he" or "she" with no person behind it: a description of one person of that gender or in
//!   a role ("a 29-year-old Berlin woman"), found as for an organisation pronoun;
//! - an organisation pronoun with no such organisation: the description it stands for, the
//!   speaker of the quote before or the subject of the sentence before ("The city sent a letter.
//!   It says …"), kept as `speaker_antecedent`.
//!
//! The speaker's words stay as written; only its entity (or antecedent) is set.

use super::vocabulary::{
    COMPANY_HEADS, CONTINUING_VERBS, FEMALE_NOUNS, MALE_NOUNS, NON_SPEAKERS, ORG_HEADS, ORG_PRONOUNS, PLURAL_PRONOUNS,
};
use super::*;
use parallax_doc::MentionKind;

/// How many sentences before the speaker's an organisation pronoun looks back.
const PRONOUN_REACH: usize = 2;
/// How many paragraphs before its own "he" or "she" speaking looks back for a person.
const PERSON_PRONOUN_PARAGRAPHS: usize = 2;
/// How many quotes starting before a mention are read to see whether one covers it (quotes
/// nest at most a partial inside a reported one).
const QUOTES_COVERING: usize = 4;
/// How many sentences before the speaker's a description looks back.
const DESCRIPTION_REACH: usize = 12;

impl<'a> Finder<'a> {
    /// Sets the entity of every speaker whose words stand for an entity named before.
    pub(super) fn resolve_speakers(&self, out: &mut [Quote]) {
        for i in 0..out.len() {
            if let Some(person) = self.person_pronoun_antecedent(i, out) {
                out[i].speaker_entity = Some(person);
            } else if let Some(description) = self.described_speaker_before(i, out) {
                out[i].speaker_entity = None;
                out[i].speaker_antecedent = Some(description);
            }
        }
        for i in 0..out.len() {
            let (Some(span), None, None) = (out[i].speaker_span, out[i].speaker_entity, out[i].speaker_antecedent)
            else {
                continue;
            };
            out[i].speaker_entity = self.resolve(span);
            if out[i].speaker_entity.is_none() {
                let before = &out[..i];
                if let Some(antecedent) = self.pronoun_antecedent(span, before) {
                    out[i].speaker_entity = antecedent.entity;
                    out[i].speaker_antecedent = antecedent.entity.is_none().then_some(antecedent.span);
                }
            }
        }
    }

    /// The person "he" or "she" speaking quote `i` stands for when the speaker of the quote
    /// before is the only candidate: that quote's speaker is a person of the pronoun's gender, in
    /// the pronoun's paragraph or the [`PERSON_PRONOUN_PARAGRAPHS`] before, and no other person
    /// of that gender is named outside quoted words between them. The entity layer may pick a
    /// person named inside the quote before (“Trump, Sexton said, has created …” / “…,” he
    /// said); a reader passes over quoted words and keeps the speaker.
    fn person_pronoun_antecedent(&self, i: usize, out: &[Quote]) -> Option<usize> {
        let span = out[i].speaker_span?;
        let gender = pronoun_gender(self.doc.slice(span))?;
        let at = self.doc.token_at_or_after(span.start);
        let paragraph = self.doc.sentences.get(self.sentence_of(at))?.paragraph;
        let first = self.paragraphs.get(paragraph.saturating_sub(PERSON_PRONOUN_PARAGRAPHS))?.start;
        let lo = self.span_at(first).start;
        // (quotes are in text order: only those reaching into the window are read)
        let (said, speaker) = out[..i]
            .iter()
            .rev()
            .take_while(|q| q.span.end >= lo)
            .filter_map(|q| Some((q.speaker_span?, q.speaker_entity)))
            .filter(|(s, _)| s.end <= span.start)
            .max_by_key(|(s, _)| s.end)?;
        let speaker = speaker.filter(|&e| said.start >= lo && self.is_person_of(e, gender))?;
        (!self.rival_person_between(said.end, span.start, gender, Some(speaker), out)).then_some(speaker)
    }

    /// Whether entity `e` is a person who may be called by a pronoun of `gender`.
    fn is_person_of(&self, e: usize, gender: char) -> bool {
        self.doc.entities.get(e).is_some_and(|e| e.kind == EntityKind::Person && e.gender.is_none_or(|g| g == gender))
    }

    /// Whether a person of `gender` other than `except` is named (not by a pronoun) outside
    /// quoted words between byte offsets `after` and `before`: a rival antecedent for a
    /// pronoun at `before`.
    fn rival_person_between(
        &self,
        after: usize,
        before: usize,
        gender: char,
        except: Option<usize>,
        out: &[Quote],
    ) -> bool {
        let quoted = |s: Span| {
            let k = out.partition_point(|q| q.span.start <= s.start);
            out[..k].iter().rev().take(QUOTES_COVERING).any(|q| s.end <= q.span.end)
        };
        let from = self.mentions.partition_point(|m| m.span.start < after);
        self.mentions[from..].iter().take_while(|m| m.span.end <= before).any(|m| {
            Some(m.entity) != except
                && m.kind != MentionKind::Pronoun
                && !quoted(m.span)
                && self.is_person_of(m.entity, gender)
        })
    }

    /// The description of one person that "he" or "she" speaking quote `i` goes on quoting: the
    /// pronoun's verb goes on ("added") or the speaker before is a source cited ("according
    /// to"), and the speaker of the latest quote before it, in its sentence or the one before, is
    /// such a description with no entity ("The friend said she was “bubbly”. She added: “…”",
    /// "According to a relative, he had … . “…,” she said"), its head not a noun of the other
    /// gender nor a plural, and no person of the pronoun's gender is named outside quoted words
    /// between them. The entity layer would pick a person named before; a reader keeps the
    /// speaker just quoted.
    fn described_speaker_before(&self, i: usize, out: &[Quote]) -> Option<Span> {
        let span = out[i].speaker_span?;
        let gender = pronoun_gender(self.doc.slice(span))?;
        let at = self.doc.token_at_or_after(span.start);
        let sentence = self.sentence_of(at);
        let lo = self.span_at(self.sentence_range(sentence.saturating_sub(1)).start).start;
        let (own, q) = out[..i]
            .iter()
            .rev()
            .take_while(|q| q.span.end >= lo)
            .filter_map(|q| Some((q.speaker_span?, q)))
            .filter(|(s, _)| s.end <= span.start && s.start >= lo)
            .max_by_key(|(s, _)| s.end)?;
        if q.speaker_entity.is_some() {
            return None;
        }
        // the pronoun goes on with that speaker ("She added"), or that speaker is a source cited
        // ("According to a relative, …")
        let own_first = self.doc.token_at_or_after(own.start);
        let continues =
            is_in(self.tok(at + 1), &CONTINUING_VERBS) || (at > 0 && is_in(self.tok(at - 1), &CONTINUING_VERBS));
        let cited = own_first >= 2
            && self.tok(own_first - 1).eq_ignore_ascii_case("to")
            && self.tok(own_first - 2).eq_ignore_ascii_case("according");
        if !(continues || cited) {
            return None;
        }
        let said = q.speaker_antecedent.unwrap_or(own);
        let text = self.doc.slice(said);
        let head = text.rsplit(' ').next().unwrap_or("").to_lowercase();
        let other_gender = match gender {
            'm' => is_in(&head, &FEMALE_NOUNS),
            _ => is_in(&head, &MALE_NOUNS),
        };
        let plural = head.ends_with('s') && !head.ends_with("ss");
        if !text.contains(' ') || other_gender || plural || !self.speaker_like(Speaker { span: said, entity: None }) {
            return None;
        }
        (!self.rival_person_between(own.end, span.start, gender, None, out)).then_some(said)
    }

    /// The description an organisation pronoun at `span` stands for when no entity fits ("show
    /// insiders … . They said", "The city sent a letter. It says"): the speaker of the latest
    /// quote in the sentence or the one before, else the subject opening the sentence before;
    /// plural for "they", singular for "it", never a person. For "he" or "she", see
    /// [`Finder::person_description`].
    fn pronoun_antecedent(&self, span: Span, before: &[Quote]) -> Option<Speaker> {
        let word = self.doc.slice(span);
        let plural = is_in(word, &PLURAL_PRONOUNS);
        if !(plural || is_in(word, &ORG_PRONOUNS)) {
            return self.person_description(span, before);
        }
        let fits = |s: &Speaker| {
            let text = self.doc.slice(s.span);
            let head = text.rsplit(' ').next().unwrap_or("");
            let many = head.ends_with('s') && !head.ends_with("ss");
            let person = s.entity.and_then(|e| self.doc.entities.get(e)).is_none_or(|e| e.kind == EntityKind::Person);
            let pronoun = !text.contains(' ') && (is_in(text, &PRONOUNS) || is_in(text, &NON_SPEAKERS));
            // a pronoun that speaks for a body resolved before ("Twitter said … . It added … .
            // It said …") passes it on
            if pronoun {
                return s.entity.is_some() && !person && is_in(text, &PLURAL_PRONOUNS) == plural;
            }
            many == plural && (s.entity.is_none() || !person) && self.speaker_like(*s)
        };
        self.antecedent_by(span, before, fits)
    }

    /// The description "he" or "she" at `span` stands for when the entity layer found no
    /// person (“‘Filth out!’ she wrote” after "A 29-year-old Berlin woman received …"): a
    /// description of one person whose head fits the pronoun's gender ("woman", "spokesman")
    /// or names a role ("official", "judge"), found as for an organisation pronoun.
    fn person_description(&self, span: Span, before: &[Quote]) -> Option<Speaker> {
        let gender = pronoun_gender(self.doc.slice(span))?;
        let fits = |s: &Speaker| {
            let text = self.doc.slice(s.span);
            let head = text.rsplit(' ').next().unwrap_or("").to_lowercase();
            let of_gender = match gender {
                'm' => is_in(&head, &MALE_NOUNS),
                _ => is_in(&head, &FEMALE_NOUNS),
            };
            let other = is_in(&head, &MALE_NOUNS) || is_in(&head, &FEMALE_NOUNS);
            let role = parallax_lexicon::gazetteer::Gazetteer::get().is_role_head(&head);
            s.entity.is_none() && text.contains(' ') && (of_gender || role && !other) && self.speaker_like(*s)
        };
        self.antecedent_by(span, before, fits)
    }

    /// What a pronoun speaker at `span` stands for, among words that `fits`: the speaker of the
    /// latest quote in the sentence or the one before (its antecedent, if it has one); when
    /// there is none and the pronoun opens its sentence, or follows only the quote it attributes
    /// ("“…,” it recommended"), the subject of the sentence before the quote's.
    fn antecedent_by(&self, span: Span, before: &[Quote], fits: impl Fn(&Speaker) -> bool) -> Option<Speaker> {
        let at = self.doc.token_at_or_after(span.start);
        let sentence = self.sentence_of(at);
        let lo = self.span_at(self.sentence_range(sentence.saturating_sub(1)).start).start;
        let quoted = before.iter().rev().take_while(|q| q.span.start >= lo).find_map(|q| {
            // (the window holds the quote's own speaker words; what they stand for may be older)
            let own = q.speaker_span?;
            let s = Speaker { span: q.speaker_antecedent.unwrap_or(own), entity: q.speaker_entity };
            (own.end <= span.start && own.start >= lo).then_some(s)
        });
        match quoted {
            Some(s) => fits(&s).then_some(s),
            None => {
                // back over the quote (which may hold sentences of its own: “Filth out!” she
                // wrote) to the start of the sentence it opens
                let mut first = at;
                while first > 0 && (self.quoted(first - 1) || matches!(self.tok(first - 1), "," | "—" | "–")) {
                    first -= 1;
                }
                let opens = self.sentence_range(self.sentence_of(first)).start == first;
                let previous = self.sentence_of(first).checked_sub(1).filter(|_| opens)?;
                let previous = self.sentence_range(previous);
                self.main_subject(previous.end, previous).filter(|s| fits(s))
            }
        }
    }

    /// The entity the speaker words at `span` stand for, if the text links them to one.
    fn resolve(&self, span: Span) -> Option<usize> {
        let first = self.doc.token_at_or_after(span.start);
        let last = self.doc.token_at_or_after(span.end).saturating_sub(1).max(first);
        let words = last + 1 - first;
        let head = self.tok(last);
        if words == 1 && (is_in(head, &ORG_PRONOUNS) || is_in(head, &PLURAL_PRONOUNS)) {
            return self.organisation_before(first, PRONOUN_REACH, is_in(head, &PLURAL_PRONOUNS), None, true);
        }
        let definite = is_in(self.tok(first), &["the", "its", "their"]);
        if definite && words <= 3 && is_in(head, &ORG_HEADS) {
            let named = self.organisation_before(first, DESCRIPTION_REACH, false, Some(head), false);
            return named.or_else(|| {
                is_in(head, &COMPANY_HEADS)
                    .then(|| self.organisation_before(first, DESCRIPTION_REACH, false, None, false))?
            });
        }
        if definite && words <= 3 {
            return self.aged_person(first, head);
        }
        None
    }

    /// The nearest organisation (or country) mentioned before token `at`, within `reach`
    /// sentences before its own; with `holding`, only one whose name holds that word; with
    /// `subject`, only one that opens its sentence (what a pronoun stands for). People are passed
    /// over, unless `plural` ("they": a person named nearer means people).
    fn organisation_before(
        &self,
        at: usize,
        reach: usize,
        plural: bool,
        holding: Option<&str>,
        subject: bool,
    ) -> Option<usize> {
        let sentence = self.sentence_of(at);
        let lo = self.sentence_range(sentence.saturating_sub(reach)).start;
        let (lo, hi) = (self.span_at(lo).start, self.span_at(at).start);
        let upto = self.mentions.partition_point(|m| m.span.start < hi);
        for m in self.mentions[..upto].iter().rev().take_while(|m| m.span.start >= lo) {
            let Some(e) = self.doc.entities.get(m.entity) else { continue };
            match e.kind {
                EntityKind::Person if plural && holding.is_none() => return None,
                EntityKind::Organization | EntityKind::Location | EntityKind::Group => {
                    let held = holding.is_none_or(|w| e.name.split_whitespace().any(|x| x.eq_ignore_ascii_case(w)));
                    let first = self.doc.token_at_or_after(m.span.start);
                    // a pronoun stands for a subject: the name opens its sentence ("The ministry
                    // … . It said"), and for "they" names many ("Democrats", not "Wall Street");
                    // a place after "in" is where, not who
                    let opens = first == self.sentence_range(self.sentence_of(first)).start
                        || first >= 1
                            && self.sentence_range(self.sentence_of(first)).start == first - 1
                            && is_in(self.tok(first - 1), &DETERMINERS);
                    let many = e.kind == EntityKind::Group || (e.name.ends_with('s') && !e.name.ends_with("ss"));
                    let fits = !subject || (opens && (!plural || many));
                    let place = e.kind == EntityKind::Location
                        && first > 0
                        && is_in(self.tok(first - 1), &["in", "at", "near", "from", "to"]);
                    if held && fits && !place {
                        return Some(e.id);
                    }
                }
                _ => {}
            }
        }
        None
    }

    /// The person whose age the description "the 26-year-old" (head token `head`) gives: "Ana
    /// Ruiz, 26," or "26-year-old Ana Ruiz" before token `at`.
    fn aged_person(&self, at: usize, head: &str) -> Option<usize> {
        let age = head.strip_suffix("-year-old").or_else(|| head.strip_suffix("-year-olds"))?;
        if age.is_empty() || !age.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let person = |m: &Mention| self.doc.entities.get(m.entity).is_some_and(|e| e.kind == EntityKind::Person);
        (1..at).rev().find_map(|i| {
            let t = self.tok(i);
            if t == age && self.tok(i - 1) == "," {
                // "Ana Ruiz, 26,": the name ends before the comma
                let name_end = self.span_at(i - 1).start;
                return self.mentions.iter().find(|m| m.span.end == name_end && person(m)).map(|m| m.entity);
            }
            if t.eq_ignore_ascii_case(head) {
                // "26-year-old Ana Ruiz": the name starts after the age
                let next = self.span_at(i + 1).start;
                return self.mentions.iter().find(|m| m.span.start == next && person(m)).map(|m| m.entity);
            }
            None
        })
    }
}

/// The gender "he" or "she" gives: `'m'` or `'f'`.
fn pronoun_gender(word: &str) -> Option<char> {
    match word {
        "he" | "He" => Some('m'),
        "she" | "She" => Some('f'),
        _ => None,
    }
}
