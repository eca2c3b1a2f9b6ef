//! People: whether a block of plain words is a person (a title, a known first name, a role in
//! apposition, a reporting verb after it, the statistical tagger), their gender, and one entity
//! per person across surname-only and first-name-only mentions.

use parallax_doc::{Entity, EntityKind, Mention, MentionKind, Span};

use super::tagger;
use super::tokens::{is_capitalised, strip_possessive};
use super::vocabulary::{is, WordClass};
use super::{name_word_key, Block, EntityReader};
use crate::lexicon::is_reporting_verb;
use parallax_lexicon::names::organisation_key;

/// Role head words that mean the same office.
pub(super) fn same_head(a: &str, b: &str) -> bool {
    let norm = |w: &str| {
        match w {
            "spokesman" | "spokeswoman" | "spokesperson" => "spokesperson",
            "adviser" | "advisor" => "adviser",
            "vice-president" => "vice-president",
            other => other,
        }
        .to_string()
    };
    norm(a) == norm(b)
}

impl<'d> EntityReader<'d> {
    /// Evidence that a block of capitalised words names a person.
    pub(super) fn is_person(&self, block: &Block) -> bool {
        let n = block.end - block.start;
        if n > 5 {
            return false;
        }
        let first = strip_possessive(self.text(block.start));
        if first.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && first.chars().count() > 3 {
            return false; // an acronym
        }
        // a place or body named after someone: "Rodney Parade", "Wembley Stadium", "Lee College"
        let last = strip_possessive(self.text(block.end - 1));
        if is(WordClass::PlaceSuffix, last) || is(WordClass::OrgSuffix, last) || is(WordClass::MiscSuffix, last) {
            return false;
        }
        if self.not_a_name(block.start, block.end) {
            return false;
        }
        // a title in quotation marks ("Crocodile Dundee" star) or a place by the words around it
        // ("the Maple Grove resident")
        if self.fills_quotes(block.start, block.end) || self.place_by_context(block.start, block.end) {
            return false;
        }
        // the statistical tagger: a person; or an organisation or place, which overrules only
        // the weak evidence below (a reporting verb or an apposition after the name)
        let ner = self.ner_over(self.span_of(block.start, block.end));
        // a bare word is a person only when the tagger says so for most of its occurrences
        // ("Chrysler said" once tagged PER must not make every "Chrysler" a person)
        if ner == Some(tagger::NerType::Per) && (n >= 2 || self.bare_name_is_person(block.start)) {
            return true;
        }
        let ner_says_not_person = matches!(ner, Some(tagger::NerType::Org | tagger::NerType::Loc));
        if block.titled {
            // "President Putin"; a title word before one common word is not enough ("Special Forces"),
            // but an honorific is ("Mr. Ban", "Mrs. May")
            return n >= 2
                || self.honorific_gender(block.start).is_some()
                || !self.gaz.is_common_word(&first.to_lowercase());
        }
        if n >= 2 && self.gaz.is_given_name(first) {
            return true;
        }
        // initials for a first name: "JK Rowling", "J.K. Rowling", "GW Bush" (not "FA Cup")
        let initials = first.chars().filter(|c| *c != '.').count() <= 3
            && first.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            && first.chars().any(|c| c.is_ascii_uppercase());
        let last = strip_possessive(self.text(block.end - 1));
        if n >= 2 && initials && !self.gaz.is_common_word(&last.to_lowercase()) && !is(WordClass::OrgSuffix, last) {
            return true;
        }
        // a role word right before the run: "spokesperson Tammy Bruce", "adviser, Yuri Ushakov"
        if block.start > 0 {
            let mut before = block.start - 1;
            if self.text(before) == "," && before > 0 {
                before -= 1;
            }
            let l = self.lower(before);
            if self.is_word(before) && !is_capitalised(self.text(before)) && self.gaz.is_role_head(&l) {
                return n >= 2 || !self.gaz.is_common_word(&first.to_lowercase());
            }
        }
        if n >= 2 && !ner_says_not_person {
            if self.role_after(block.end).is_some() {
                return true;
            }
            if block.end < self.doc.tokens.len() && is_reporting_verb(self.text(block.end)) {
                return true;
            }
            // "Ava DuVernay is …" and elsewhere "DuVernay said"
            if self.surname_reports(self.surname_token(block.start, block.end), false) {
                return true;
            }
        }
        // … which overrules the tagger when a person's pronoun follows: "DuVernay said she"
        // (an organisation says "it")
        n >= 2 && self.surname_reports(self.surname_token(block.start, block.end), true)
    }

    /// True for capitalised words that cannot be a person's name: initials alone ("U. S.",
    /// "W. Va.", "L. A.") and short all-capital words alone ("AM EDT", "UN", "W D L").
    pub(super) fn not_a_name(&self, start: usize, end: usize) -> bool {
        let words: Vec<&str> =
            (start..end).filter(|&k| self.is_word(k)).map(|k| strip_possessive(self.text(k))).collect();
        let initial = |w: &str| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            w.ends_with('.') && (1..=3).contains(&letters)
        };
        let short_caps = |w: &str| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            (1..=3).contains(&letters) && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        };
        // one capital alone may be an initial of a name the tagger cut ("J" of "J Smith")
        let single_letter = words.len() == 1 && words[0].chars().filter(|c| c.is_alphabetic()).count() == 1;
        !words.is_empty() && !single_letter && (words.iter().all(|w| initial(w)) || words.iter().all(|w| short_caps(w)))
    }

    /// True when the last word of a name at token `t` stands alone elsewhere in the text right
    /// before a reporting verb ("DuVernay said"), not after an article ("the Commission said");
    /// with `pronoun`, only when "he" or "she" follows the verb ("DuVernay said she").
    pub(super) fn surname_reports(&self, t: usize, pronoun: bool) -> bool {
        let word = strip_possessive(self.text(t));
        if word.chars().count() < 3
            || !is_capitalised(word)
            || self.gaz.is_common_word(&word.to_lowercase())
            || is(WordClass::OrgSuffix, word)
            || is(WordClass::PlaceSuffix, word)
        {
            return false;
        }
        self.reporting_words.get(word).is_some_and(|places| places.iter().any(|&(k, p)| k != t && (!pronoun || p)))
    }

    /// The gender an honorific right before token `t` gives: "Mr." a man, "Mrs.", "Ms." a woman.
    pub(super) fn honorific_gender(&self, t: usize) -> Option<char> {
        let prev = t.checked_sub(1)?;
        match self.text(prev) {
            "Mr." | "Mr" | "MR." => Some('m'),
            // "Miss" too: a title of its own ("Miss Universe") names no person to give a gender
            "Mrs." | "Mrs" | "Ms." | "Ms" | "MRS." | "MS." | "Miss" | "MISS" => Some('f'),
            _ => None,
        }
    }

    /// The gender a first name gives, unless women and men alike bear it ("Terry", "Kim").
    pub(super) fn first_name_gender(&self, first: &str) -> Option<char> {
        // unisex names are `u` in the gendered first-name list, and give no gender
        self.gaz.gender(first)
    }

    /// A bare word the tagger calls a person ("Brown", "Mercosur") is taken for one only when
    /// most of its occurrences are tagged so and it reports speech ("Brown said", "Rowling
    /// revealed"): single-word names are rare unless a full name came first.
    pub(super) fn bare_name_is_person(&self, t: usize) -> bool {
        let word = strip_possessive(self.text(t));
        let next = t + 1;
        let reports = next < self.doc.tokens.len()
            && (is_reporting_verb(self.text(next)) || matches!(self.text(next), "revealed" | "explained" | "admitted"));
        reports && self.mostly_person(word)
    }

    /// A bare word the tagger calls a person at token `t`, named by no one before, is one when
    /// the tagger says so for most of its occurrences and there is evidence beyond one guess:
    /// the tagger says so more than once, it reports speech, or it is a known first name
    /// ("Mercosur signed" is no person; "Brown said", "Betty" are).
    pub(super) fn bare_word_is_person(&self, t: usize) -> bool {
        let word = strip_possessive(self.text(t));
        let (person, other) = self.tag_counts(word);
        person > other && (person >= 2 || self.reports_after(t + 1) || self.gaz.is_given_name(word))
    }

    /// True when the tagger calls most occurrences of `word` in the document a person.
    pub(super) fn mostly_person(&self, word: &str) -> bool {
        let (person, other) = self.tag_counts(word);
        person > other
    }

    /// How often the tagger calls `word` a person in the document, and how often something else.
    fn tag_counts(&self, word: &str) -> (usize, usize) {
        let (mut person, mut other) = (0, 0);
        for (span, kind) in &self.ner {
            if strip_possessive(self.doc.slice(*span)) == word {
                if *kind == tagger::NerType::Per {
                    person += 1;
                } else {
                    other += 1;
                }
            }
        }
        (person, other)
    }

    /// The tagger's type for the span it overlaps most, if any.
    pub(super) fn ner_over(&self, span: Span) -> Option<tagger::NerType> {
        self.ner
            .iter()
            .filter(|(s, _)| s.overlaps(span))
            .max_by_key(|(s, _)| s.end.min(span.end) - s.start.max(span.start))
            .map(|&(_, kind)| kind)
    }

    /// The spelling-tolerant key of a name's last word (Zelenskyy, Zelensky, Zelenskiy agree).
    pub(super) fn surname_key(name: &str) -> String {
        let surname = name
            .rsplit(' ')
            .map(|w| w.trim_end_matches(','))
            .find(|w| !w.is_empty() && !is(WordClass::GenerationalSuffix, w))
            .unwrap_or(name);
        name_word_key(surname)
    }

    /// The token of a name's surname in the block `[start, end)`: its last word, or the word
    /// before a generational suffix ("Bozell" in "Brent Bozell III", "King" in "King, Jr.").
    pub(super) fn surname_token(&self, start: usize, end: usize) -> usize {
        let mut t = end - 1;
        while t > start && (is(WordClass::GenerationalSuffix, self.text(t)) || self.text(t) == ",") {
            t -= 1;
        }
        t
    }

    /// Adds the person a block names, joining an earlier person with the same surname or a
    /// fuller name when it is the same one.
    pub(super) fn add_person(&mut self, block: &Block) {
        // an honorific and the surname of a person named before name that person: the
        // honorific is no part of the name, and its gender picks among namesakes ("Miss Jenkin"
        // after John and Katie Jenkin)
        if block.end - block.start == 2 && is(WordClass::Honorific, self.text(block.start)) {
            let surname = Block { start: block.start + 1, ..*block };
            if self.by_surname.contains_key(&Self::surname_key(self.text(surname.start))) && self.add_alias(&surname) {
                return;
            }
        }
        let span = self.span_of(block.start, block.end);
        // a hyphen the text's tokeniser set apart is written as in the name ("Strauss - Kahn")
        let name = self.doc.slice(span).replace(" - ", "-");
        // a pronoun or a lone initial names no one ("I have decided", said in a quote)
        if name.chars().filter(|c| c.is_alphabetic()).count() < 2 || parallax_lexicon::closed::pronoun(&name).is_some()
        {
            return;
        }
        let key = Self::surname_key(&name);
        let n_words = name.split(' ').count();
        let first = name.split(' ').next().unwrap_or_default().to_string();
        // the same person: same surname, and compatible first names
        let existing = self.by_surname.get(&key).and_then(|ids| {
            ids.iter().copied().find(|&id| {
                let other = &self.entities[id].name;
                let other_first = other.split(' ').next().unwrap_or_default();
                n_words == 1 || other.split(' ').count() == 1 || other_first == first
            })
        });
        let id = match existing {
            Some(id) => {
                if n_words > self.entities[id].name.split(' ').count() {
                    self.entities[id].name = name;
                    if self.entities[id].gender.is_none() {
                        self.entities[id].gender = self.first_name_gender(&first);
                    }
                }
                id
            }
            None => {
                let id = self.entities.len();
                let gender = if n_words >= 2 { self.first_name_gender(&first) } else { None };
                self.entities.push(Entity { id, kind: EntityKind::Person, name, roles: Vec::new(), gender });
                self.by_surname.entry(key).or_default().push(id);
                id
            }
        };
        if self.entities[id].gender.is_none() {
            self.entities[id].gender = self.honorific_gender(block.start);
        }
        self.mentions.push(Mention { span, entity: id, kind: MentionKind::Name });
    }

    /// A block that repeats a known person's name ("Rubio" after "Marco Rubio").
    pub(super) fn add_alias(&mut self, block: &Block) -> bool {
        let span = self.span_of(block.start, block.end);
        let text = self.doc.slice(span);
        let key = Self::surname_key(text);
        let Some(ids) = self.by_surname.get(&key) else {
            return self.add_first_name_alias(span, text);
        };
        let first = text.split(' ').next().unwrap_or_default();
        let n_words = text.split(' ').count();
        let candidates: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&id| n_words == 1 || self.entities[id].name.split(' ').next() == Some(first))
            .collect();
        // several people share the surname: one whose gender an honorific gives ("Mrs. Clinton"),
        // else the one named most often so far (the article's Clinton, not the Clinton named in
        // passing), then the one named first (the article's subject: "John Jenkin, 23, charged
        // with the murders of his mother and sister Katie Jenkin" / "Jenkin was due to appear")
        let id = match candidates.as_slice() {
            [] => return false,
            [one] => *one,
            many => {
                let gender = self.honorific_gender(block.start);
                // (of that gender, else not of the other: a given name no list knows gives none)
                let by_gender: Vec<usize> =
                    many.iter().copied().filter(|&id| gender.is_some() && self.entities[id].gender == gender).collect();
                let not_other: Vec<usize> =
                    many.iter().copied().filter(|&id| gender.is_some() && self.entities[id].gender.is_none()).collect();
                let pool = if !by_gender.is_empty() {
                    by_gender
                } else if !not_other.is_empty() {
                    not_other
                } else {
                    many.to_vec()
                };
                // named most often so far, then named first
                let standing = |id: usize| {
                    let before = self.mentions.iter().filter(|m| m.span.start < span.start && m.entity == id);
                    before.fold((0usize, std::cmp::Reverse(usize::MAX)), |(n, f), m| {
                        (n + 1, f.max(std::cmp::Reverse(m.span.start)))
                    })
                };
                pool.iter().copied().max_by_key(|&id| standing(id)).unwrap_or(many[0])
            }
        };
        if self.entities[id].gender.is_none() {
            self.entities[id].gender = self.honorific_gender(block.start);
        }
        self.mentions.push(Mention { span, entity: id, kind: MentionKind::Name });
        true
    }

    /// A bare first name that only one person in the article has ("Hillary" after "Hillary
    /// Clinton"); never when two people share it (Donald Trump and Donald Tusk).
    pub(super) fn add_first_name_alias(&mut self, span: Span, text: &str) -> bool {
        if text.contains(' ') || !self.gaz.is_given_name(text) {
            return false;
        }
        let owners: Vec<usize> = self
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.name.contains(' ') && e.name.split(' ').next() == Some(text))
            .map(|e| e.id)
            .collect();
        let [id] = owners[..] else { return false };
        self.mentions.push(Mention { span, entity: id, kind: MentionKind::Name });
        true
    }

    /// Adds a mention of the organisation or place `canonical`, one entity per name.
    pub(super) fn add_named(&mut self, kind: EntityKind, canonical: String, span: Span) {
        // a place or organisation inside a person's name is not separate ("Jordan Peterson")
        if self.mentions.iter().any(|m| m.span.overlaps(span) && self.entities[m.entity].kind == EntityKind::Person) {
            return;
        }
        // "Chrysler LLC" and "Chrysler" are one company; "ODESA" in a dateline is "Odesa"
        let key = if kind == EntityKind::Organization { organisation_key(&canonical) } else { &canonical };
        let key = key.to_lowercase();
        let id = match self.by_name.get(&(kind, key.clone())) {
            Some(&id) => {
                // a name in capitals gives way to the same name in mixed case
                let name = &mut self.entities[id].name;
                if !name.chars().any(char::is_lowercase) && canonical.chars().any(char::is_lowercase) {
                    *name = canonical;
                }
                id
            }
            None => {
                let id = self.entities.len();
                self.entities.push(Entity { id, kind, name: canonical, roles: Vec::new(), gender: None });
                self.by_name.insert((kind, key), id);
                id
            }
        };
        self.mentions.push(Mention { span, entity: id, kind: MentionKind::Name });
    }
}
