//! People, organisations and places, with roles and within-article coreference.
//!
//! The recogniser works over runs of capitalised tokens. A run is parsed into gazetteer names
//! (countries, demonyms, cities, organisations: `data/entities/`), title words ("President",
//! "Secretary", "Gen.") and plain words; a block of plain words is a person when a title stands
//! before it, its first word is a known first name, a role is in apposition to it, or a
//! reporting verb follows it. A headline's capitalised reporting verb after a name ("Lindsey
//! Graham Says") is not part of it. Blocks that repeat a known person's surname join that person.
//!
//! Roles come from titles before the name ("U.S. Secretary of State Marco Rubio"), appositions
//! ("Kaja Kallas, the European Union’s foreign policy chief,") and role phrases before a comma
//! ("Putin’s foreign affairs adviser, Yuri Ushakov"). Role-only mentions that report speech
//! ("the German chancellor said", "said the Republican nominee") or open a sentence as its
//! subject ("The GOP candidate proposes …"), the pronouns *he* / *she* (also in contractions:
//! "He’s") and the relative *who* after a name are resolved to people, and become mentions of
//! them, so later stages find a speaker by looking up a mention. What is quoted is decided by
//! the quotes stage's pairing of quotation marks, so both stages agree; sentences wholly inside a
//! quote do not count towards how far back a pronoun looks for its antecedent.

#[cfg(feature = "train")]
pub mod tagger;
#[cfg(not(feature = "train"))]
pub(crate) mod tagger;

pub use parallax_lexicon::gazetteer::{GazEntry, Gazetteer};

use std::collections::HashMap;

use parallax_doc::{Doc, Entity, EntityKind, Layer, Mention, MentionKind, Role, Span, Stage, TokenKind};

use crate::lexicon::{is_reporting_verb, pronoun_gender};

/// The entity stage: provides entities, mentions, roles.
#[derive(Debug, Default, Clone, Copy)]
pub struct EntityTagger;

impl Stage for EntityTagger {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn run(&self, doc: &mut Doc) {
        tag_entities(doc);
    }
}

/// Name particles that may stand inside a name: "Ursula von der Leyen", "Mohammed bin Salman".
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "dos", "bin", "ibn", "al", "el", "la", "le",
    "ter", "zu", "y",
];

/// Last words that make an unknown capitalised block an organisation.
const ORG_SUFFIXES: &[&str] = &[
    "Department",
    "Ministry",
    "Council",
    "Commission",
    "Committee",
    "Agency",
    "Party",
    "Union",
    "Bank",
    "Fund",
    "Institute",
    "University",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Group",
    "Association",
    "Foundation",
    "Conference",
    "Forum",
    "Network",
    "News",
    "Times",
    "Post",
    "Journal",
    "Airlines",
    "Company",
    "Court",
    "Authority",
    "Office",
    "Service",
    "Organisation",
    "Organization",
    "Federation",
    "Alliance",
    "Movement",
    "Front",
    "Army",
    "Police",
    "Board",
    "Airlines",
    "Airways",
    "Motors",
    "Holdings",
    "Telecom",
    "Railways",
    "Petroleum",
    "Industries",
    "Bancorp",
];

/// Last words that make a capitalised block a place, even after a first name ("Rodney Parade").
const PLACE_SUFFIXES: &[&str] = &[
    "Centre",
    "Center",
    "Stadium",
    "Park",
    "Parade",
    "Road",
    "Street",
    "Square",
    "Hall",
    "Arena",
    "Palace",
    "Hospital",
    "Airport",
    "Station",
    "Bridge",
    "Avenue",
    "Lane",
    "Gardens",
    "Field",
    "Ground",
    "Cathedral",
    "Abbey",
    "Castle",
    "Tower",
    "Island",
    "Islands",
    "River",
    "Lake",
    "Mountain",
    "Valley",
    "County",
    "Province",
];

/// Day and month names: never part of a person's name ("on Saturday Kellogg said").
const CALENDAR_WORDS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// First names that women and men alike bear: they give no gender ("Terry Strada … She said").
const UNISEX_FIRST_NAMES: &[&str] = &[
    "Terry", "Lindsey", "Lindsay", "Robin", "Kim", "Dana", "Kelly", "Jordan", "Jamie", "Jean", "Lee", "Jackie", "Jan",
    "Andrea", "Ariel", "Leslie", "Jesse", "Casey", "Taylor", "Morgan", "Sandy", "Pat", "Tracy", "Carey", "Kerry",
];

/// Words that open a subordinate clause: a pronoun in such a clause at the start of a sentence
/// may look ahead to the main clause's subject.
const SUBORDINATORS: &[&str] =
    &["when", "after", "before", "while", "as", "although", "though", "because", "since", "once", "until", "if"];

/// How many sentences back a subject reference may find its antecedent, counting sentences
/// wholly inside quotation marks (of which only three may be narrative).
const MAX_SENTENCES_BACK: usize = 12;

/// Words that join the parts of a role: "Secretary of State", "envoy to the Middle East".
const ROLE_CONNECTORS: &[&str] = &["of", "for", "to", "the", "and", "on"];

/// What one token of a capitalised run is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Item {
    /// A sentence-initial common word ("Leaders", "Shortly").
    Skip,
    /// Part of a gazetteer name: index into the run's gazetteer matches.
    Gaz(usize),
    /// A title or role word ("President", "Gen.", "Foreign").
    Title,
    /// Anything else: possibly part of a person's name.
    Word,
}

/// A gazetteer match: tokens `[start, end)`.
struct GazMatch<'g> {
    start: usize,
    end: usize,
    entry: &'g GazEntry,
}

/// A block of plain words that may be a name: tokens `[start, end)`.
#[derive(Debug, Clone)]
struct Block {
    start: usize,
    end: usize,
    /// A title word stands right before it in the same run.
    titled: bool,
}

/// The analysis of one document in progress.
struct Tagger<'d> {
    doc: &'d Doc,
    gaz: &'static Gazetteer,
    /// Token index to sentence index.
    sentence_of: Vec<usize>,
    /// True for tokens inside quotation marks.
    in_quote: Vec<bool>,
    entities: Vec<Entity>,
    mentions: Vec<Mention>,
    /// Person entity by surname (lower case): several people may share one.
    by_surname: HashMap<String, Vec<usize>>,
    /// Non-person entities by canonical name.
    by_name: HashMap<(EntityKind, String), usize>,
    /// The statistical tagger's spans, in text order.
    ner: Vec<(Span, tagger::NerType)>,
    /// Words that stand alone right before a reporting verb ("DuVernay said"), with the token
    /// of each such place and whether "he" or "she" follows the verb.
    reporting_words: HashMap<&'d str, Vec<(usize, bool)>>,
}

/// Fills the entity and mention layers of `doc`.
pub fn tag_entities(doc: &mut Doc) {
    let mut tagger = Tagger::new(doc);
    tagger.run();
    let Tagger { mut entities, mut mentions, .. } = tagger;
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions.dedup_by_key(|m| m.span);
    for (idx, e) in entities.iter_mut().enumerate() {
        e.id = idx;
    }
    doc.entities = entities;
    doc.mentions = mentions;
}

pub use parallax_lexicon::names::name_word_key;

fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).or_else(|| word.strip_suffix('’')).unwrap_or(word)
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl<'d> Tagger<'d> {
    fn new(doc: &'d Doc) -> Tagger<'d> {
        let mut sentence_of = vec![0; doc.tokens.len()];
        for (idx, s) in doc.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                sentence_of[t] = idx;
            }
        }
        // the quotes stage's own pairing of quotation marks, so that both stages agree on what is
        // quoted (an apostrophe in "the '80s" or "dons’" opens nothing)
        let in_quote: Vec<bool> = doc.tokens.iter().map(|t| t.in_quote).collect();
        let mut tagger = Tagger {
            doc,
            gaz: Gazetteer::get(),
            sentence_of,
            in_quote,
            entities: Vec::new(),
            mentions: Vec::new(),
            by_surname: HashMap::new(),
            by_name: HashMap::new(),
            ner: tagger::tag_doc(doc),
            reporting_words: HashMap::new(),
        };
        tagger.reporting_words = tagger.index_reporting_words();
        tagger
    }

    /// One pass over the text for [`Tagger::surname_reports`]: each word standing alone before
    /// a reporting verb, not after a capitalised word (unless an honorific: "Mr. Ban said") nor
    /// after an article ("the Commission said").
    fn index_reporting_words(&self) -> HashMap<&'d str, Vec<(usize, bool)>> {
        let mut index: HashMap<&'d str, Vec<(usize, bool)>> = HashMap::new();
        for k in 0..self.doc.tokens.len().saturating_sub(1) {
            if !self.is_word(k) || !is_reporting_verb(self.text(k + 1)) {
                continue;
            }
            if k > 0 {
                let prev = self.text(k - 1);
                let after_name = self.is_word(k - 1) && is_capitalised(prev) && self.honorific_gender(k).is_none();
                if after_name || matches!(prev, "the" | "The") {
                    continue;
                }
            }
            let pronoun =
                self.doc.tokens.get(k + 2).is_some_and(|tok| pronoun_gender(self.doc.slice(tok.span)).is_some());
            index.entry(self.text(k)).or_default().push((k, pronoun));
        }
        index
    }

    fn text(&self, t: usize) -> &'d str {
        self.doc.slice(self.doc.tokens[t].span)
    }

    fn lower(&self, t: usize) -> String {
        strip_possessive(self.text(t)).trim_end_matches('.').to_lowercase()
    }

    fn is_word(&self, t: usize) -> bool {
        self.doc.tokens.get(t).is_some_and(|tok| tok.kind == TokenKind::Word)
    }

    fn is_role_word(&self, t: usize) -> bool {
        let l = self.lower(t);
        self.is_word(t) && (self.gaz.is_role_head(&l) || self.gaz.is_role_modifier(&l) || self.gaz.is_title(&l))
    }

    fn span_of(&self, start: usize, end: usize) -> Span {
        let first = self.doc.tokens[start].span;
        let last = self.doc.tokens[end - 1].span;
        // the possessive ending of the last token is not part of the name
        let last_text = self.doc.slice(last);
        let trimmed = strip_possessive(last_text).len();
        Span::new(first.start, last.start + trimmed)
    }

    fn run(&mut self) {
        let mut blocks = Vec::new();
        let mut gaz_hits = Vec::new();
        for (sentence_idx, sentence) in self.doc.sentences.iter().enumerate() {
            let mut t = sentence.tokens.start;
            while t < sentence.tokens.end {
                if !self.starts_run(t, sentence.tokens.end) {
                    t += 1;
                    continue;
                }
                let end = self.run_end(t, sentence.tokens.end);
                self.parse_run(t, end, sentence_idx, &mut blocks, &mut gaz_hits);
                t = end;
            }
        }
        // people with evidence first, then blocks that repeat their names
        let mut pending = Vec::new();
        for block in blocks {
            if self.is_person(&block) {
                // a bare surname joins the namesake mentioned last ("Clinton" after "Bill Clinton")
                if !(block.end - block.start == 1 && self.add_alias(&block)) {
                    self.add_person(&block);
                }
            } else {
                pending.push(block);
            }
        }
        for block in pending {
            if !self.add_alias(&block) && block.end - block.start >= 2 {
                let last = strip_possessive(self.text(block.end - 1));
                let span = self.span_of(block.start, block.end);
                let ner_kind = self.ner_over(span).and_then(|k| k.entity_kind());
                if PLACE_SUFFIXES.contains(&last) || ner_kind == Some(EntityKind::Location) {
                    let name = self.doc.slice(span).to_string();
                    self.add_named(EntityKind::Location, name, span);
                } else if ORG_SUFFIXES.contains(&last) || ner_kind == Some(EntityKind::Organization) {
                    let span = self.span_of(block.start, block.end);
                    let name = self.doc.slice(span).to_string();
                    self.add_named(EntityKind::Organization, name, span);
                }
            }
        }
        // people only the tagger saw ("Brown said", a sentence-initial surname)
        let unseen: Vec<Span> = self
            .ner
            .iter()
            .filter(|(span, kind)| {
                let text = strip_possessive(self.doc.slice(*span));
                *kind == tagger::NerType::Per
                    && is_capitalised(text)
                    && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && (text.contains(' ') || self.bare_name_is_person(self.token_index(span.start)))
                    && !self.mentions.iter().any(|m| m.span.overlaps(*span))
                    && !gaz_hits.iter().any(|&(s, e, _, _)| self.span_of(s, e).overlaps(*span))
            })
            .map(|(span, _)| *span)
            .collect();
        for span in unseen {
            let start = self.token_index(span.start);
            let end = self.token_index(span.end).max(start + 1);
            let block = Block { start, end, titled: false };
            if !self.add_alias(&block) {
                self.add_person(&block);
            }
        }
        for (start, end, kind, canonical) in gaz_hits {
            let span = self.span_of(start, end);
            self.add_named(kind, canonical, span);
        }
        self.collect_roles();
        self.resolve_nominals();
        self.resolve_pronouns();
    }

    /// True when token `t` can start a capitalised run.
    fn starts_run(&self, t: usize, _end: usize) -> bool {
        self.is_word(t) && is_capitalised(self.text(t))
    }

    /// One past the last token of the run starting at `t`.
    fn run_end(&self, t: usize, end: usize) -> usize {
        let mut k = t;
        while k < end {
            let word = self.text(k);
            let possessive = strip_possessive(word).len() != word.len();
            if self.is_word(k) && is_capitalised(word) {
                k += 1;
                if possessive {
                    break;
                }
            } else if self.is_word(k) && k > t && NAME_PARTICLES.contains(&word) {
                // "von der Leyen": particles must lead to a capitalised word
                let mut next = k;
                while next < end && self.is_word(next) && NAME_PARTICLES.contains(&self.text(next)) {
                    next += 1;
                }
                if next < end && self.is_word(next) && is_capitalised(self.text(next)) {
                    k = next;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        k.max(t + 1)
    }

    /// The gazetteer entry naming exactly tokens `[start, end)` (a possessive on the last token
    /// ignored).
    fn gaz_exact(&self, start: usize, end: usize) -> Option<&'static GazEntry> {
        let mut name = String::new();
        for k in start..end {
            if k > start {
                name.push(' ');
            }
            let w = self.text(k);
            name.push_str(if k + 1 == end { strip_possessive(w) } else { w });
        }
        self.gaz.lookup(&name)
    }

    /// The longest gazetteer name starting at token `start` and ending by `end`: its length in
    /// tokens and its entry.
    fn longest_gaz(&self, start: usize, end: usize) -> Option<(usize, &'static GazEntry)> {
        let max = self.gaz.max_tokens.min(end - start);
        (1..=max).rev().find_map(|len| self.gaz_exact(start, start + len).map(|entry| (len, entry)))
    }

    fn parse_run(
        &self,
        start: usize,
        end: usize,
        sentence: usize,
        blocks: &mut Vec<Block>,
        gaz_hits: &mut Vec<(usize, usize, EntityKind, String)>,
    ) {
        let mut items = Vec::with_capacity(end - start);
        let mut matches: Vec<GazMatch> = Vec::new();
        let sentence_start = self.doc.sentences[sentence].tokens.start;
        let mut k = start;
        while k < end {
            let lower = self.lower(k);
            let at_start = k == sentence_start
                || (k > sentence_start && self.doc.tokens[k - 1].kind == TokenKind::OpenQuote)
                || (k > sentence_start && self.text(k - 1) == ":");
            if let Some((len, entry)) = self.longest_gaz(k, end) {
                // a sentence-initial common word is not a name ("Commission" is, "Congress" is)
                if !(at_start && len == 1 && entry.kind != EntityKind::Group && self.gaz.is_common_word(&lower)) {
                    matches.push(GazMatch { start: k, end: k + len, entry });
                    items.extend(std::iter::repeat_n(Item::Gaz(matches.len() - 1), len));
                    k += len;
                    continue;
                }
            }
            let item = if CALENDAR_WORDS.contains(&strip_possessive(self.text(k)))
                || matches!(self.text(k), "A" | "An" | "The")
            {
                Item::Skip
            } else if self.is_role_word(k) {
                Item::Title
            } else if at_start
                && self.gaz.is_common_word(&lower)
                && !self.gaz.is_first_name(strip_possessive(self.text(k)))
            {
                Item::Skip
            } else {
                Item::Word
            };
            items.push(item);
            k += 1;
        }
        // blocks of plain words
        let mut i = 0;
        while i < items.len() {
            if items[i] != Item::Word || NAME_PARTICLES.contains(&self.text(start + i)) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < items.len() && items[j] == Item::Word {
                j += 1;
                // a possessive ends a name
                let w = self.text(start + j - 1);
                if strip_possessive(w).len() != w.len() {
                    break;
                }
            }
            // a headline's verb is not part of the name: "Lindsey Graham Says" (but "Edward Said")
            let next = j;
            let last = self.text(start + j - 1);
            if j - i >= 2 && is_reporting_verb(last) && !self.gaz.is_first_name(last) {
                j -= 1;
            }
            let mut titled = i > 0 && items[i - 1] == Item::Title;
            let mut first = start + i;
            // an unknown title before a first name: "Treasurer Jim Chalmers"
            if j - i >= 3 && !self.gaz.is_first_name(self.text(first)) && self.gaz.is_first_name(self.text(first + 1)) {
                first += 1;
                titled = true;
            }
            blocks.push(Block { start: first, end: start + j, titled });
            i = next;
        }
        for m in matches {
            if m.entry.demonym {
                continue;
            }
            // a place followed by an organisation word is an organisation: "Singapore Airlines",
            // "Bank of America" is in the gazetteer or tagged; "Qatar Airways"
            let next = m.end;
            if m.entry.kind == EntityKind::Location
                && next < end
                && ORG_SUFFIXES.contains(&strip_possessive(self.text(next)))
                && items.get(next - start) == Some(&Item::Word)
            {
                let span = self.span_of(m.start, next + 1);
                blocks.retain(|b| b.start != next);
                gaz_hits.push((m.start, next + 1, EntityKind::Organization, self.doc.slice(span).to_string()));
                continue;
            }
            gaz_hits.push((m.start, m.end, m.entry.kind, m.entry.canonical.clone()));
        }
    }

    /// Evidence that a block of capitalised words names a person.
    fn is_person(&self, block: &Block) -> bool {
        let n = block.end - block.start;
        if n > 5 {
            return false;
        }
        let first = strip_possessive(self.text(block.start));
        if first.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) && first.chars().count() > 3 {
            return false; // an acronym
        }
        // a place named after someone: "Rodney Parade", "Trafford Centre", "Wembley Stadium"
        if PLACE_SUFFIXES.contains(&strip_possessive(self.text(block.end - 1))) {
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
        if n >= 2 && self.gaz.is_first_name(first) {
            return true;
        }
        // initials for a first name: "JK Rowling", "J.K. Rowling", "GW Bush" (not "FA Cup")
        let initials = first.chars().filter(|c| *c != '.').count() <= 3
            && first.chars().all(|c| c.is_ascii_uppercase() || c == '.')
            && first.chars().any(|c| c.is_ascii_uppercase());
        let last = strip_possessive(self.text(block.end - 1));
        if n >= 2 && initials && !self.gaz.is_common_word(&last.to_lowercase()) && !ORG_SUFFIXES.contains(&last) {
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
            if self.surname_reports(block.end - 1, false) {
                return true;
            }
        }
        // … which overrules the tagger when a person's pronoun follows: "DuVernay said she"
        // (an organisation says "it")
        n >= 2 && self.surname_reports(block.end - 1, true)
    }

    /// True when the last word of a name at token `t` stands alone elsewhere in the text right
    /// before a reporting verb ("DuVernay said"), not after an article ("the Commission said");
    /// with `pronoun`, only when "he" or "she" follows the verb ("DuVernay said she").
    fn surname_reports(&self, t: usize, pronoun: bool) -> bool {
        let word = strip_possessive(self.text(t));
        if word.chars().count() < 3
            || !is_capitalised(word)
            || self.gaz.is_common_word(&word.to_lowercase())
            || ORG_SUFFIXES.contains(&word)
            || PLACE_SUFFIXES.contains(&word)
        {
            return false;
        }
        self.reporting_words.get(word).is_some_and(|places| places.iter().any(|&(k, p)| k != t && (!pronoun || p)))
    }

    /// The gender an honorific right before token `t` gives: "Mr." a man, "Mrs.", "Ms." a woman.
    fn honorific_gender(&self, t: usize) -> Option<char> {
        let prev = t.checked_sub(1)?;
        match self.text(prev) {
            "Mr." | "Mr" | "MR." => Some('m'),
            // not "Miss": "Miss Universe" is a title of its own
            "Mrs." | "Mrs" | "Ms." | "Ms" | "MRS." | "MS." => Some('f'),
            _ => None,
        }
    }

    /// The gender a first name gives, unless women and men alike bear it ("Terry", "Kim").
    fn first_name_gender(&self, first: &str) -> Option<char> {
        if UNISEX_FIRST_NAMES.contains(&first) {
            return None;
        }
        self.gaz.gender(first)
    }

    /// A bare word the tagger calls a person ("Brown", "Mercosur") is taken for one only when
    /// most of its occurrences are tagged so and it reports speech ("Brown said", "Rowling
    /// revealed"): single-word names are rare unless a full name came first.
    fn bare_name_is_person(&self, t: usize) -> bool {
        let word = strip_possessive(self.text(t));
        let next = t + 1;
        let reports = next < self.doc.tokens.len()
            && (is_reporting_verb(self.text(next)) || matches!(self.text(next), "revealed" | "explained" | "admitted"));
        reports && self.mostly_person(word)
    }

    /// True when the tagger calls most occurrences of `word` in the document a person.
    fn mostly_person(&self, word: &str) -> bool {
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
        person > other
    }

    /// The tagger's type for the span it overlaps most, if any.
    fn ner_over(&self, span: Span) -> Option<tagger::NerType> {
        self.ner
            .iter()
            .filter(|(s, _)| s.overlaps(span))
            .max_by_key(|(s, _)| s.end.min(span.end) - s.start.max(span.start))
            .map(|&(_, kind)| kind)
    }

    /// The spelling-tolerant key of a name's last word (Zelenskyy, Zelensky, Zelenskiy agree).
    fn surname_key(name: &str) -> String {
        name_word_key(name.rsplit(' ').next().unwrap_or(name))
    }

    fn add_person(&mut self, block: &Block) {
        let span = self.span_of(block.start, block.end);
        let name = self.doc.slice(span).to_string();
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
    fn add_alias(&mut self, block: &Block) -> bool {
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
        // passing), then the one named last
        let id = match candidates.as_slice() {
            [] => return false,
            [one] => *one,
            many => {
                let gender = self.honorific_gender(block.start);
                let by_gender: Vec<usize> =
                    many.iter().copied().filter(|&id| gender.is_some() && self.entities[id].gender == gender).collect();
                let pool = if by_gender.is_empty() { many.to_vec() } else { by_gender };
                // named most often so far, then named last
                let standing = |id: usize| {
                    let before = self.mentions.iter().filter(|m| m.span.start < span.start && m.entity == id);
                    before.fold((0usize, 0usize), |(n, l), m| (n + 1, l.max(m.span.start)))
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
    fn add_first_name_alias(&mut self, span: Span, text: &str) -> bool {
        if text.contains(' ') || !self.gaz.is_first_name(text) {
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

    fn add_named(&mut self, kind: EntityKind, canonical: String, span: Span) {
        // a place or organisation inside a person's name is not separate ("Jordan Peterson")
        if self.mentions.iter().any(|m| m.span.overlaps(span) && self.entities[m.entity].kind == EntityKind::Person) {
            return;
        }
        let id = *self.by_name.entry((kind, canonical.clone())).or_insert_with(|| {
            let id = self.entities.len();
            self.entities.push(Entity { id, kind, name: canonical, roles: Vec::new(), gender: None });
            id
        });
        self.mentions.push(Mention { span, entity: id, kind: MentionKind::Name });
    }

    /// A role phrase ending just before token `end` and starting no earlier than `floor`:
    /// `(first token, true when it contains a head word)`.
    fn role_phrase_before(&self, end: usize, floor: usize) -> Option<usize> {
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
            if ROLE_CONNECTORS.contains(&word) && start < end {
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
        while start < end && ROLE_CONNECTORS.contains(&self.text(start)) {
            start += 1;
        }
        (has_head && start < end).then_some(start)
    }

    /// A role in apposition after the name ending at token `end`: `(role start, role end)`.
    fn role_after(&self, end: usize) -> Option<(usize, usize)> {
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
                    || ROLE_CONNECTORS.contains(&word));
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

    fn add_role(&mut self, entity: usize, start: usize, end: usize) {
        let span = Span::new(self.doc.tokens[start].span.start, self.doc.tokens[end - 1].span.end);
        let text = self.doc.slice(span).to_string();
        let role = &mut self.entities[entity].roles;
        if !role.iter().any(|r| r.text.eq_ignore_ascii_case(&text)) {
            role.push(Role { text, span });
        }
    }

    fn token_index(&self, offset: usize) -> usize {
        self.doc.token_at_or_after(offset)
    }

    /// An organisation named in the possessive right before token `t`: its name (without the
    /// possessive) and span.
    fn possessive_organization_before(&self, t: usize, floor: usize) -> Option<(String, Span)> {
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

    fn collect_roles(&mut self) {
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

    /// Persons mentioned by name in sentence `s` before byte `before`, outside quotes, in order.
    fn persons_in_sentence(&self, s: usize, before: usize) -> Vec<usize> {
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
    fn quoted_only(&self, s: usize) -> bool {
        let tokens = self.doc.sentences[s].tokens.clone();
        tokens.filter(|&t| self.is_word(t)).all(|t| self.in_quote[t])
    }

    /// The person a subject reference at byte `at` in sentence `s` most likely means: the first
    /// person named earlier in the sentence, else the subject of the nearest earlier sentence
    /// that names a person, looking back over at most three sentences of narrative (sentences
    /// wholly inside quotation marks do not count, up to [`MAX_SENTENCES_BACK`] in all).
    fn salient_person(&self, s: usize, at: usize, accept: impl Fn(&Entity) -> bool) -> Option<usize> {
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
    fn resolve_nominals(&mut self) {
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
    fn reporting_inverted(&self, start: usize, head: usize) -> bool {
        let before = start.checked_sub(1).filter(|&b| self.sentence_of[b] == self.sentence_of[head]);
        let ends_clause = self.doc.tokens.get(head + 1).is_none_or(|tok| tok.kind != TokenKind::Word)
            || matches!(self.text(head + 1), "on" | "in" | "at" | "during" | "after" | "before" | "when" | "while");
        before.is_some_and(|b| is_reporting_verb(self.text(b))) && ends_clause
    }

    /// True when a description `[start, head]` opens its sentence as the subject of a verb: "The
    /// Republican nominee also outlined …", "The GOP candidate proposes …" (not "The president of
    /// the club …", "The president’s roots …").
    fn sentence_subject(&self, start: usize, head: usize) -> bool {
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

    /// The country a role names ("German Chancellor" → Germany), via the gazetteer.
    fn nationality_of(&self, role: &str) -> Option<String> {
        role.split(' ').find_map(|w| self.gaz.lookup(strip_possessive(w)).and_then(|e| e.country.clone()))
    }

    fn resolve_pronouns(&mut self) {
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
            // with no antecedent, the subject of the main clause after a fronted clause ("When he
            // wrote the book, Mr. Smith said …")
            let person = self.salient_person(s, at, accept).or_else(|| self.cataphora_subject(t, accept));
            if let Some(p) = person {
                if self.entities[p].gender.is_none() {
                    self.entities[p].gender = Some(gender);
                }
                self.mentions.push(Mention { span, entity: p, kind: MentionKind::Pronoun });
            }
        }
        self.resolve_relative_who();
    }

    /// The person a pronoun at token `t` inside a fronted subordinate clause looks ahead to: the
    /// person named right after the comma that closes the clause ("Back when he wrote his book,
    /// Mr. McKinley said …").
    fn cataphora_subject(&self, t: usize, accept: impl Fn(&Entity) -> bool) -> Option<usize> {
        let sentence = &self.doc.sentences[self.sentence_of[t]];
        let (floor, end) = (sentence.tokens.start, sentence.tokens.end.min(self.doc.tokens.len()));
        let clause = (floor..t).rev().take_while(|&k| !matches!(self.text(k), "," | ";" | ":"));
        let fronted = clause.clone().last() == Some(floor);
        if !fronted || !clause.into_iter().any(|k| SUBORDINATORS.contains(&self.lower(k).as_str())) {
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
    fn resolve_relative_who(&mut self) {
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

/// The party a role or description names: "Democratic presidential nominee" → `'D'`, "GOP
/// candidate" → `'R'`.
fn party_of(text: &str) -> Option<char> {
    text.split(|c: char| !c.is_alphanumeric()).find_map(|w| match w.to_lowercase().as_str() {
        "democratic" | "democrat" => Some('D'),
        "republican" | "gop" => Some('R'),
        _ => None,
    })
}

/// A word without the ending of a contraction: "He’s" → "He", "she'd" → "she", "he’ll" → "he".
fn strip_contraction(word: &str) -> &str {
    const ENDINGS: &[&str] = &["’s", "'s", "’d", "'d", "’ll", "'ll"];
    ENDINGS.iter().find_map(|e| word.strip_suffix(e)).unwrap_or(word)
}

/// Role head words that mean the same office.
fn same_head(a: &str, b: &str) -> bool {
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

#[cfg(test)]
mod tests;
