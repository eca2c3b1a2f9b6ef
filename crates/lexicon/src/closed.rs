//! The closed word classes of English, from `data/closed/` (see `data/README.md`).
//!
//! One lookup for membership, [`is`], and typed lookups for the classes whose entries carry
//! attributes: [`pronoun`], [`month`] / [`month_name`], [`weekday`] / [`weekday_name`],
//! [`irregular_verb`]. Every lookup takes any case and folds with [`crate::fold`].

use crate::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::{data_lines, fold, with_folded};

const PRONOUNS: &str = include_str!("../data/closed/pronouns.tsv");
const DETERMINERS: &str = include_str!("../data/closed/determiners.tsv");
const AUXILIARIES: &str = include_str!("../data/closed/auxiliaries.tsv");
const PREPOSITIONS: &str = include_str!("../data/closed/prepositions.txt");
const SUBORDINATORS: &str = include_str!("../data/closed/subordinators.tsv");
const CONJUNCTIONS: &str = include_str!("../data/closed/conjunctions.tsv");
const MONTHS: &str = include_str!("../data/closed/months.tsv");
const WEEKDAYS: &str = include_str!("../data/closed/weekdays.tsv");
const IRREGULAR_VERBS: &str = include_str!("../data/closed/irregular_verbs.tsv");
const MONTHS_OTHER_LANGUAGES: &str = include_str!("../data/closed/months_other_languages.tsv");

/// A closed word class, or a named sub-class of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Personal, possessive and reflexive pronouns ("he", "them", "her", "ours", "itself").
    Pronoun,
    /// Subject pronouns ("I", "we", "you", "he", "she", "it", "they").
    SubjectPronoun,
    /// Object pronouns ("me", "us", "you", "him", "her", "it", "them").
    ObjectPronoun,
    /// Possessive determiners ("my", "your", "his", "her", "its", "our", "their").
    PossessiveDeterminer,
    /// Determiners: articles, demonstratives, quantifiers, interrogatives ("the", "these", "every",
    /// "which"); possessive determiners are [`Class::PossessiveDeterminer`].
    Determiner,
    /// Articles ("a", "an", "the").
    Article,
    /// Forms of the auxiliaries be, have and do, with contractions ("is", "'ve", "didn't").
    Auxiliary,
    /// Modal verbs with contractions ("will", "could", "'ll", "won't").
    Modal,
    /// One-word prepositions ("in", "despite", "via").
    Preposition,
    /// Subordinating conjunctions ("because", "although", "whenever").
    Subordinator,
    /// Subordinators that open a subordinate clause a speaker may stand in (sub-class `opener`).
    SubordinatorOpener,
    /// Subordinators of a sentence-initial clause whose pronoun may look ahead to the main
    /// clause's subject (sub-class `lookahead`).
    SubordinatorLookahead,
    /// Subordinators of a fronted clause before an inserted attribution (sub-class `fronted`).
    SubordinatorFronted,
    /// Subordinators of a fronted clause that ends right before the speaker (sub-class
    /// `before_speaker`).
    SubordinatorBeforeSpeaker,
    /// Subordinators of a clause that ends a reporting verb's object (sub-class `after_object`).
    SubordinatorAfterObject,
    /// Subordinators of a clause after "said" that is not what was said (sub-class `after_say`).
    SubordinatorAfterSay,
    /// Coordinating and correlative conjunctions ("and", "or", "but", "neither").
    Conjunction,
    /// Coordinating conjunctions ("and", "but", "or", "nor", "for", "so", "yet").
    CoordinatingConjunction,
    /// Month names and abbreviations, with or without a full stop ("March", "Sept.").
    Month,
    /// Full month names that are also common English words ("march", "may"): they need a day, a
    /// year or a preposition to be a date.
    MonthAlsoWord,
    /// Weekday names and abbreviations, with or without a full stop ("Monday", "Tues.").
    Weekday,
    /// Any form of an irregular verb ("go", "went", "gone").
    IrregularVerb,
    /// Past tense forms of irregular verbs ("went", "said", "was").
    IrregularPast,
    /// Past participles of irregular verbs ("gone", "said", "been").
    IrregularParticiple,
    /// Past tense forms of the irregular verbs news text reports with most often ("said",
    /// "told", "was", "met", "went"; `common` in `irregular_verbs.tsv`).
    CommonIrregularPast,
}

impl Class {
    /// Every class, in declaration order.
    pub const ALL: [Class; 25] = [
        Class::Pronoun,
        Class::SubjectPronoun,
        Class::ObjectPronoun,
        Class::PossessiveDeterminer,
        Class::Determiner,
        Class::Article,
        Class::Auxiliary,
        Class::Modal,
        Class::Preposition,
        Class::Subordinator,
        Class::SubordinatorOpener,
        Class::SubordinatorLookahead,
        Class::SubordinatorFronted,
        Class::SubordinatorBeforeSpeaker,
        Class::SubordinatorAfterObject,
        Class::SubordinatorAfterSay,
        Class::Conjunction,
        Class::CoordinatingConjunction,
        Class::Month,
        Class::MonthAlsoWord,
        Class::Weekday,
        Class::IrregularVerb,
        Class::IrregularPast,
        Class::IrregularParticiple,
        Class::CommonIrregularPast,
    ];

    /// The sub-class of `data/closed/subordinators.tsv` named `name`.
    fn subordinator_subclass(name: &str) -> Option<Class> {
        Some(match name {
            "opener" => Class::SubordinatorOpener,
            "lookahead" => Class::SubordinatorLookahead,
            "fronted" => Class::SubordinatorFronted,
            "before_speaker" => Class::SubordinatorBeforeSpeaker,
            "after_object" => Class::SubordinatorAfterObject,
            "after_say" => Class::SubordinatorAfterSay,
            _ => return None,
        })
    }
}

/// Grammatical person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Person {
    /// "I", "we".
    First,
    /// "you".
    Second,
    /// "he", "she", "it", "they".
    Third,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Number {
    /// One: "I", "she", "myself".
    Singular,
    /// More than one: "we", "they", "ourselves".
    Plural,
    /// Either: "you", "your".
    Any,
}

/// Grammatical gender of a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// "he", "him", "his".
    Masculine,
    /// "she", "her", "hers".
    Feminine,
    /// "it", "its".
    Neuter,
}

impl Gender {
    /// The one-letter code used in the analysis layers: `m`, `f`, `n`.
    pub fn code(self) -> char {
        match self {
            Gender::Masculine => 'm',
            Gender::Feminine => 'f',
            Gender::Neuter => 'n',
        }
    }
}

/// A pronoun's case (the role it can fill).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// Subject: "he", "they".
    Subject,
    /// Object: "him", "them".
    Object,
    /// Possessive before a noun: "his book", "their".
    Determiner,
    /// Possessive standing alone: "hers", "theirs".
    Possessive,
    /// Reflexive: "himself".
    Reflexive,
}

impl Case {
    fn bit(self) -> u8 {
        1 << (self as u8)
    }

    fn parse(s: &str) -> Option<Case> {
        Some(match s {
            "subject" => Case::Subject,
            "object" => Case::Object,
            "determiner" => Case::Determiner,
            "possessive" => Case::Possessive,
            "reflexive" => Case::Reflexive,
            _ => return None,
        })
    }
}

/// What a pronoun is: person, number, gender and the cases it can stand in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PronounInfo {
    /// First, second or third person.
    pub person: Person,
    /// Singular, plural or either.
    pub number: Number,
    /// Masculine, feminine or neuter; `None` for pronouns without gender ("they", "I").
    pub gender: Option<Gender>,
    cases: u8,
}

impl PronounInfo {
    /// True when the pronoun can stand in `case` ("her": object and determiner).
    pub fn has_case(&self, case: Case) -> bool {
        self.cases & case.bit() != 0
    }
}

/// Whether a month or weekday entry is the full name or an abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// The full name: "September", "Tuesday".
    Full,
    /// An abbreviation, with or without its full stop: "Sept", "Sept.", "Tue.".
    Abbreviation,
}

/// The forms of an irregular verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForms {
    /// The base form: "go".
    pub base: &'static str,
    /// The past tense forms: "went" ("burnt", "burned").
    pub past: Vec<&'static str>,
    /// The past participles: "gone".
    pub participle: Vec<&'static str>,
    /// True for the verbs news text reports with most often ("say", "meet", "go").
    pub common: bool,
}

/// All closed classes, parsed.
struct Closed {
    sets: HashMap<Class, HashSet<&'static str>>,
    pronouns: HashMap<&'static str, PronounInfo>,
    months: HashMap<&'static str, (u32, NameForm)>,
    months_other: HashMap<&'static str, u32>,
    weekdays: HashMap<&'static str, (u32, NameForm)>,
    verbs: Vec<VerbForms>,
    verb_of: HashMap<&'static str, usize>,
}

fn closed() -> &'static Closed {
    static CLOSED: OnceLock<Closed> = OnceLock::new();
    CLOSED.get_or_init(Closed::load)
}

/// One parsed line of a closed-class file.
#[derive(Debug)]
enum Entry {
    Pronoun(&'static str, PronounInfo),
    Word(&'static str, Vec<Class>),
    Dated(&'static str, u32, NameForm, Vec<Class>),
    OtherMonth(&'static str, u32),
    Verb(VerbForms),
}

fn name_form(s: &str) -> Result<NameForm, String> {
    match s {
        "full" => Ok(NameForm::Full),
        "abbr" => Ok(NameForm::Abbreviation),
        _ => Err(format!("kind {s:?} is neither full nor abbr")),
    }
}

fn word(s: &'static str) -> Result<&'static str, String> {
    if s.is_empty() || s.contains(char::is_whitespace) {
        return Err(format!("bad word {s:?}"));
    }
    if fold(s) != s {
        return Err(format!("{s:?} is not folded"));
    }
    Ok(s)
}

/// The files of the closed classes, with the parser of their lines.
type Parser = fn(&'static str) -> Result<Entry, String>;

const FILES: [(&str, &str, Parser); 10] = [
    ("pronouns.tsv", PRONOUNS, parse_pronoun),
    ("determiners.tsv", DETERMINERS, parse_determiner),
    ("auxiliaries.tsv", AUXILIARIES, parse_auxiliary),
    ("prepositions.txt", PREPOSITIONS, parse_preposition),
    ("subordinators.tsv", SUBORDINATORS, parse_subordinator),
    ("conjunctions.tsv", CONJUNCTIONS, parse_conjunction),
    ("months.tsv", MONTHS, parse_month),
    ("weekdays.tsv", WEEKDAYS, parse_weekday),
    ("irregular_verbs.tsv", IRREGULAR_VERBS, parse_verb),
    ("months_other_languages.tsv", MONTHS_OTHER_LANGUAGES, parse_other_month),
];

fn columns<const N: usize>(line: &'static str) -> Result<[&'static str; N], String> {
    let cols: Vec<&'static str> = line.split('\t').collect();
    <[&str; N]>::try_from(cols).map_err(|c| format!("{} columns, expected {N}", c.len()))
}

fn parse_pronoun(line: &'static str) -> Result<Entry, String> {
    let [w, person, number, gender, case] = columns::<5>(line)?;
    let person = match person {
        "1" => Person::First,
        "2" => Person::Second,
        "3" => Person::Third,
        _ => return Err(format!("person {person:?}")),
    };
    let number = match number {
        "sg" => Number::Singular,
        "pl" => Number::Plural,
        "any" => Number::Any,
        _ => return Err(format!("number {number:?}")),
    };
    let gender = match gender {
        "m" => Some(Gender::Masculine),
        "f" => Some(Gender::Feminine),
        "n" => Some(Gender::Neuter),
        "-" => None,
        _ => return Err(format!("gender {gender:?}")),
    };
    let case = Case::parse(case).ok_or_else(|| format!("case {case:?}"))?;
    Ok(Entry::Pronoun(word(w)?, PronounInfo { person, number, gender, cases: case.bit() }))
}

fn parse_determiner(line: &'static str) -> Result<Entry, String> {
    let [w, kind] = columns::<2>(line)?;
    let mut classes = vec![Class::Determiner];
    match kind {
        "article" => classes.push(Class::Article),
        "demonstrative" | "quantifier" | "interrogative" => {}
        _ => return Err(format!("kind {kind:?}")),
    }
    Ok(Entry::Word(word(w)?, classes))
}

fn parse_auxiliary(line: &'static str) -> Result<Entry, String> {
    let [w, class, lemma] = columns::<3>(line)?;
    word(lemma)?;
    let class = match class {
        "auxiliary" => Class::Auxiliary,
        "modal" => Class::Modal,
        _ => return Err(format!("class {class:?}")),
    };
    Ok(Entry::Word(word(w)?, vec![class]))
}

fn parse_preposition(line: &'static str) -> Result<Entry, String> {
    Ok(Entry::Word(word(line)?, vec![Class::Preposition]))
}

fn parse_subordinator(line: &'static str) -> Result<Entry, String> {
    let [w, subs] = columns::<2>(line)?;
    let mut classes = vec![Class::Subordinator];
    if subs != "-" {
        for s in subs.split(',') {
            classes.push(Class::subordinator_subclass(s).ok_or_else(|| format!("sub-class {s:?}"))?);
        }
    }
    Ok(Entry::Word(word(w)?, classes))
}

fn parse_conjunction(line: &'static str) -> Result<Entry, String> {
    let [w, kind] = columns::<2>(line)?;
    let mut classes = vec![Class::Conjunction];
    match kind {
        "coordinating" => classes.push(Class::CoordinatingConjunction),
        "correlative" => {}
        _ => return Err(format!("kind {kind:?}")),
    }
    Ok(Entry::Word(word(w)?, classes))
}

fn parse_dated(w: &'static str, n: &str, kind: &str, classes: Vec<Class>, max: u32) -> Result<Entry, String> {
    let n: u32 = n.parse().map_err(|_| format!("number {n:?}"))?;
    if !(1..=max).contains(&n) {
        return Err(format!("number {n} out of 1..={max}"));
    }
    Ok(Entry::Dated(word(w)?, n, name_form(kind)?, classes))
}

fn parse_month(line: &'static str) -> Result<Entry, String> {
    let [w, n, kind, also] = columns::<4>(line)?;
    let classes = match also {
        "word" => vec![Class::Month, Class::MonthAlsoWord],
        "-" => vec![Class::Month],
        _ => return Err(format!("{also:?} is neither word nor -")),
    };
    parse_dated(w, n, kind, classes, 12)
}

fn parse_other_month(line: &'static str) -> Result<Entry, String> {
    let [w, n] = columns::<2>(line)?;
    let n: u32 = n.parse().map_err(|_| format!("number {n:?}"))?;
    if !(1..=12).contains(&n) {
        return Err(format!("month {n} out of 1..=12"));
    }
    if !w.chars().all(char::is_alphabetic) {
        return Err(format!("{w:?} is not letters only"));
    }
    Ok(Entry::OtherMonth(word(w)?, n))
}

fn parse_weekday(line: &'static str) -> Result<Entry, String> {
    let [w, n, kind] = columns::<3>(line)?;
    parse_dated(w, n, kind, vec![Class::Weekday], 7)
}

fn parse_verb(line: &'static str) -> Result<Entry, String> {
    let [base, past, participle, common] = columns::<4>(line)?;
    let forms = |s: &'static str| s.split('|').map(word).collect::<Result<Vec<_>, _>>();
    let common = match common {
        "common" => true,
        "-" => false,
        _ => return Err(format!("{common:?} is neither common nor -")),
    };
    Ok(Entry::Verb(VerbForms { base: word(base)?, past: forms(past)?, participle: forms(participle)?, common }))
}

/// Every entry of every closed-class file, with the file and line it is on; a malformed line
/// gives its error instead.
fn entries() -> impl Iterator<Item = (&'static str, usize, Result<Entry, String>)> {
    FILES.iter().flat_map(|&(file, text, parse)| data_lines(text).map(move |(n, line)| (file, n, parse(line))))
}

impl Closed {
    fn load() -> Closed {
        let mut c = Closed {
            sets: HashMap::default(),
            pronouns: HashMap::default(),
            months: HashMap::default(),
            months_other: HashMap::default(),
            weekdays: HashMap::default(),
            verbs: Vec::new(),
            verb_of: HashMap::default(),
        };
        // malformed lines are skipped here; the tests refuse them
        for (_, _, entry) in entries() {
            match entry {
                Ok(Entry::Pronoun(w, info)) => {
                    c.pronouns.entry(w).and_modify(|p| p.cases |= info.cases).or_insert(info);
                    let mut classes = vec![Class::Pronoun];
                    classes.extend(match info.cases {
                        b if b == Case::Subject.bit() => Some(Class::SubjectPronoun),
                        b if b == Case::Object.bit() => Some(Class::ObjectPronoun),
                        b if b == Case::Determiner.bit() => Some(Class::PossessiveDeterminer),
                        _ => None,
                    });
                    c.add(w, &classes);
                }
                Ok(Entry::Word(w, classes)) => c.add(w, &classes),
                Ok(Entry::Dated(w, n, form, classes)) => {
                    let map = if classes.contains(&Class::Month) { &mut c.months } else { &mut c.weekdays };
                    map.insert(w, (n, form));
                    c.add(w, &classes);
                }
                Ok(Entry::OtherMonth(w, n)) => {
                    c.months_other.insert(w, n);
                }
                Ok(Entry::Verb(forms)) => {
                    let idx = c.verbs.len();
                    c.add(forms.base, &[Class::IrregularVerb]);
                    for &p in &forms.past {
                        c.add(p, &[Class::IrregularVerb, Class::IrregularPast]);
                        if forms.common {
                            c.add(p, &[Class::CommonIrregularPast]);
                        }
                    }
                    for &p in &forms.participle {
                        c.add(p, &[Class::IrregularVerb, Class::IrregularParticiple]);
                    }
                    for &w in std::iter::once(&forms.base).chain(&forms.past).chain(&forms.participle) {
                        c.verb_of.entry(w).or_insert(idx);
                    }
                    c.verbs.push(forms);
                }
                Err(_) => {}
            }
        }
        c
    }

    fn add(&mut self, word: &'static str, classes: &[Class]) {
        for &class in classes {
            self.sets.entry(class).or_default().insert(word);
        }
    }

    fn contains(&self, class: Class, word: &str) -> bool {
        self.sets.get(&class).is_some_and(|s| s.contains(word))
    }
}

/// The entry of a folded month or weekday name; an abbreviation may be written with its full
/// stop ("sept.", "tues.").
fn dated(map: &HashMap<&'static str, (u32, NameForm)>, folded: &str) -> Option<(u32, NameForm)> {
    if let Some(&e) = map.get(folded) {
        return Some(e);
    }
    let bare = folded.strip_suffix('.')?;
    map.get(bare).copied().filter(|&(_, form)| form == NameForm::Abbreviation)
}

/// True when `word` (any case) belongs to `class`. Months and weekdays also match an
/// abbreviation written with its full stop ("Sept.", "Tue.").
pub fn is(class: Class, word: &str) -> bool {
    match class {
        Class::Month => month(word).is_some(),
        Class::Weekday => weekday(word).is_some(),
        _ => with_folded(word, |w| closed().contains(class, w)),
    }
}

/// Every entry of `class`, in no particular order (a month or weekday abbreviation without its
/// full stop).
pub fn words(class: Class) -> impl Iterator<Item = &'static str> {
    closed().sets.get(&class).into_iter().flat_map(|s| s.iter().copied())
}

/// The month number (1–12) of an English month name or abbreviation in any case, with or
/// without the abbreviation's full stop: "March", "sept", "Feb." → 3, 9, 2.
pub fn month(word: &str) -> Option<u32> {
    month_name(word).map(|(n, _)| n)
}

/// The month number and whether `word` is the full name or an abbreviation.
pub fn month_name(word: &str) -> Option<(u32, NameForm)> {
    dated(&closed().months, &fold(word))
}

/// The month number of a month name or abbreviation in English or in one of the other languages
/// web pages use most (German, French, Spanish, Italian, Portuguese, Dutch, Scandinavian,
/// Finnish, Polish, Czech, Hungarian, Turkish, Indonesian, Russian, Ukrainian), in any case:
/// "März", "marzo", "марта" → 3. Used to read dates of web pages, not running English text.
pub fn month_any_language(word: &str) -> Option<u32> {
    let folded = fold(word);
    dated(&closed().months, &folded).map(|(n, _)| n).or_else(|| closed().months_other.get(folded.as_ref()).copied())
}

/// The ISO day number (Monday 1 … Sunday 7) of an English weekday name or abbreviation in any
/// case, with or without the abbreviation's full stop: "Monday", "tues", "Fri." → 1, 2, 5.
pub fn weekday(word: &str) -> Option<u32> {
    weekday_name(word).map(|(n, _)| n)
}

/// The weekday number and whether `word` is the full name or an abbreviation.
pub fn weekday_name(word: &str) -> Option<(u32, NameForm)> {
    dated(&closed().weekdays, &fold(word))
}

/// Person, number, gender and cases of a pronoun in any case: "She" → third person singular
/// feminine subject.
pub fn pronoun(word: &str) -> Option<PronounInfo> {
    with_folded(word, |w| closed().pronouns.get(w).copied())
}

/// The forms of the irregular verb `word` (any of its forms, any case) belongs to: "went" → go,
/// went, gone. A form shared by two verbs ("lay": lie's past and lay's base) gives the first
/// verb in the file.
pub fn irregular_verb(word: &str) -> Option<&'static VerbForms> {
    let c = closed();
    with_folded(word, |w| c.verb_of.get(w).map(|&i| &c.verbs[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses() {
        let bad: Vec<String> =
            entries().filter_map(|(file, n, e)| e.err().map(|e| format!("{file}:{n}: {e}"))).collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn every_class_loads() {
        for class in Class::ALL {
            assert!(words(class).next().is_some(), "{class:?} is empty");
        }
    }

    #[test]
    fn other_languages_do_not_repeat_english() {
        for (n, line) in data_lines(MONTHS_OTHER_LANGUAGES) {
            let w = line.split('\t').next().unwrap_or_default();
            assert!(month(w).is_none(), "months_other_languages.tsv:{n}: {w} is English");
        }
    }

    #[test]
    fn no_entry_twice_in_a_file() {
        for &(file, text, _) in &FILES {
            let mut seen = HashSet::default();
            for (n, line) in data_lines(text) {
                // pronouns list a word once per case; the pair is what must be unique
                assert!(seen.insert(line), "{file}:{n}: {line:?} repeated");
            }
        }
        let mut seen = HashSet::default();
        for (n, line) in data_lines(IRREGULAR_VERBS) {
            let base = line.split('\t').next().unwrap_or_default();
            assert!(seen.insert(base), "irregular_verbs.tsv:{n}: {base} twice");
        }
    }

    #[test]
    fn disjoint_classes_share_no_word() {
        let disjoint = [
            (Class::Pronoun, Class::Determiner),
            (Class::Auxiliary, Class::Modal),
            (Class::Subordinator, Class::Conjunction),
            (Class::Subordinator, Class::Determiner),
            (Class::Month, Class::Weekday),
            (Class::Pronoun, Class::Preposition),
        ];
        for (a, b) in disjoint {
            let both: Vec<&str> = words(a).filter(|w| is(b, w)).collect();
            assert!(both.is_empty(), "{a:?} and {b:?} share {both:?}");
        }
        for w in words(Class::SubjectPronoun) {
            assert!(!is(Class::PossessiveDeterminer, w), "{w}");
        }
    }

    #[test]
    fn subclasses_lie_inside_their_class() {
        let subordinators = Class::ALL.into_iter().filter(|c| format!("{c:?}").starts_with("Subordinator"));
        for sub in subordinators {
            assert!(words(sub).all(|w| is(Class::Subordinator, w)), "{sub:?}");
        }
        assert!(words(Class::Article).all(|w| is(Class::Determiner, w)));
        assert!(words(Class::CoordinatingConjunction).all(|w| is(Class::Conjunction, w)));
        assert!(words(Class::IrregularPast).all(|w| is(Class::IrregularVerb, w)));
        assert!(words(Class::CommonIrregularPast).all(|w| is(Class::IrregularPast, w)));
    }

    #[test]
    fn lookups_fold_case() {
        assert!(is(Class::Subordinator, "Although") && is(Class::Subordinator, "ALTHOUGH"));
        assert!(is(Class::Modal, "’ll") && is(Class::Modal, "'ll") && is(Class::Modal, "Won't"));
        assert!(is(Class::Preposition, "Despite"));
        assert!(!is(Class::Preposition, "table"));
        assert!(is(Class::Article, "The"));
    }

    #[test]
    fn months_and_weekdays_have_their_numbers() {
        assert_eq!(month("January"), Some(1));
        assert_eq!(month("SEPT."), Some(9));
        assert_eq!(month("sep"), Some(9));
        assert_eq!(month("May"), Some(5));
        assert_eq!(month("May."), None, "a full name takes no full stop");
        assert_eq!(month_name("Dec."), Some((12, NameForm::Abbreviation)));
        assert_eq!(month_name("december"), Some((12, NameForm::Full)));
        assert_eq!(month("Maybe"), None);
        let numbers: HashSet<u32> = words(Class::Month).filter_map(month).collect();
        assert_eq!(numbers.len(), 12);
        assert_eq!(weekday("Monday"), Some(1));
        assert_eq!(weekday("Tues."), Some(2));
        assert_eq!(weekday("SUNDAY"), Some(7));
        assert_eq!(weekday_name("thurs"), Some((4, NameForm::Abbreviation)));
        assert!(is(Class::Weekday, "Fri.") && is(Class::Month, "Aug."));
        assert!(is(Class::MonthAlsoWord, "May") && is(Class::MonthAlsoWord, "march"));
        assert!(!is(Class::MonthAlsoWord, "June") && !is(Class::MonthAlsoWord, "mar"));
        assert_eq!(month_any_language("März"), Some(3));
        assert_eq!(month_any_language("МАРТА"), Some(3));
        assert_eq!(month_any_language("Sept."), Some(9));
        assert_eq!(month_any_language("grudnia"), Some(12));
        assert_eq!(month_any_language("أكتوبر"), Some(10));
        assert_eq!(month_any_language("حزيران"), Some(6));
        assert_eq!(month_any_language("Monday"), None);
        assert!(!is(Class::Month, "März"), "the English class holds English names only");
    }

    #[test]
    fn pronouns_carry_person_number_gender_and_case() {
        let she = pronoun("She").expect("she");
        assert_eq!((she.person, she.number, she.gender), (Person::Third, Number::Singular, Some(Gender::Feminine)));
        assert!(she.has_case(Case::Subject) && !she.has_case(Case::Object));
        let her = pronoun("her").expect("her");
        assert!(her.has_case(Case::Object) && her.has_case(Case::Determiner));
        assert_eq!(pronoun("HE").and_then(|p| p.gender).map(Gender::code), Some('m'));
        assert_eq!(pronoun("they").map(|p| p.number), Some(Number::Plural));
        assert!(pronoun("the").is_none());
        assert!(is(Class::SubjectPronoun, "We") && is(Class::ObjectPronoun, "us"));
        assert!(!is(Class::SubjectPronoun, "her") && is(Class::ObjectPronoun, "her"));
        assert!(is(Class::PossessiveDeterminer, "Her") && !is(Class::PossessiveDeterminer, "hers"));
    }

    #[test]
    fn irregular_verbs_know_their_forms() {
        let go = irregular_verb("Went").expect("go");
        assert_eq!((go.base, go.past.as_slice(), go.participle.as_slice()), ("go", &["went"][..], &["gone"][..]));
        assert!(go.common && is(Class::CommonIrregularPast, "went") && !is(Class::CommonIrregularPast, "burnt"));
        assert!(is(Class::IrregularPast, "said") && is(Class::IrregularParticiple, "been"));
        assert!(is(Class::IrregularPast, "burned") && !is(Class::IrregularPast, "walked"));
    }
}
