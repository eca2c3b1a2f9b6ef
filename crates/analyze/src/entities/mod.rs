//! People, organisations, places, groups and other names (events, works, laws), with roles
//! and within-article coreference.
//!
//! The statistical tagger ([`tagger`]) is the first source of names; rules change its reading
//! only with evidence (see `recognize.rs`), then add what it missed. The rules work over runs of
//! capitalised tokens. A run is parsed into gazetteer names
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

mod acronyms;
mod coref;
mod fold;
mod given_name_things;
mod other_given_names;
mod person;
mod recognize;
mod roles;
mod tokens;
mod vocabulary;

pub use parallax_lexicon::gazetteer::{GazEntry, Gazetteer};

use foldhash::HashMap;

use parallax_doc::{Doc, Entity, EntityKind, Layer, Mention, Span, Stage};

use crate::lexicon::{is_reporting_verb, pronoun_gender};
use tokens::is_capitalised;

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
struct EntityReader<'d> {
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
    /// Double surnames split at their hyphen and written after a given name ("Dominique
    /// Strauss - Kahn"): their two halves, gathered in one pass on first use.
    split_surnames: std::cell::OnceCell<std::collections::HashSet<(&'d str, &'d str)>>,
}

/// Fills the entity and mention layers of `doc`.
pub fn tag_entities(doc: &mut Doc) {
    let mut tagger = EntityReader::new(doc);
    tagger.run();
    let EntityReader { mut entities, mut mentions, .. } = tagger;
    acronyms::join_defined_abbreviations(doc, &mut entities, &mut mentions);
    given_name_things::fold_given_names_of_things(doc, &mut entities, &mut mentions);
    other_given_names::fold_other_given_names(doc, &mut entities, &mut mentions);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    mentions.dedup_by_key(|m| m.span);
    for (idx, e) in entities.iter_mut().enumerate() {
        e.id = idx;
    }
    doc.entities = entities;
    doc.mentions = mentions;
}

pub use parallax_lexicon::names::name_word_key;

impl<'d> EntityReader<'d> {
    fn new(doc: &'d Doc) -> EntityReader<'d> {
        let mut sentence_of = vec![0; doc.tokens.len()];
        for (idx, s) in doc.sentences.iter().enumerate() {
            for t in s.tokens.clone() {
                sentence_of[t] = idx;
            }
        }
        // the quotes stage's own pairing of quotation marks, so that both stages agree on what is
        // quoted (an apostrophe in "the '80s" or "dons’" opens nothing)
        let in_quote: Vec<bool> = doc.tokens.iter().map(|t| t.in_quote).collect();
        let mut tagger = EntityReader {
            doc,
            gaz: Gazetteer::get(),
            sentence_of,
            in_quote,
            entities: Vec::new(),
            mentions: Vec::new(),
            by_surname: HashMap::default(),
            by_name: HashMap::default(),
            ner: tagger::tag_doc(doc),
            reporting_words: HashMap::default(),
            split_surnames: std::cell::OnceCell::new(),
        };
        tagger.reporting_words = tagger.index_reporting_words();
        let ner = std::mem::take(&mut tagger.ner);
        tagger.ner = tagger.mend_tagged(ner);
        tagger
    }

    /// The passes, in order: names, roles, then references to people by role, pronoun and
    /// relative *who*.
    fn run(&mut self) {
        self.recognize_names();
        self.collect_roles();
        self.resolve_nominals();
        self.resolve_pronouns();
    }

    /// One pass over the text for [`EntityReader::surname_reports`]: each word standing alone before
    /// a reporting verb, not after a capitalised word (unless an honorific: "Mr. Ban said") nor
    /// after an article ("the Commission said").
    fn index_reporting_words(&self) -> HashMap<&'d str, Vec<(usize, bool)>> {
        let mut index: HashMap<&'d str, Vec<(usize, bool)>> = HashMap::default();
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
}

#[cfg(test)]
mod tests;
