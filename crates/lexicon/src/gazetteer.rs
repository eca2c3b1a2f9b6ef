//! The entity gazetteer: the lexicons shipped in `crates/lexicon/data/entities/` (see
//! `data/README.md`), loaded once.

use crate::{HashMap, HashSet};
use std::sync::OnceLock;

use parallax_doc::EntityKind;

/// What a gazetteer name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazEntry {
    /// The type of thing named.
    pub kind: EntityKind,
    /// Canonical name ("Turkey" for "Türkiye").
    pub canonical: String,
    /// For places and demonyms: the country they belong to (canonical), when known.
    pub country: Option<String>,
    /// True for demonyms and nationality adjectives ("Russian").
    pub demonym: bool,
}

/// The gender of a first name in `first_names_gendered.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameGender {
    /// Borne by men (`m`).
    Male,
    /// Borne by women (`f`).
    Female,
    /// Borne by women and men alike (`u`): "Terry", "Kim"; it gives no gender.
    Unisex,
}

impl NameGender {
    fn parse(s: &str) -> Option<NameGender> {
        match s {
            "m" => Some(NameGender::Male),
            "f" => Some(NameGender::Female),
            "u" => Some(NameGender::Unisex),
            _ => None,
        }
    }
}

/// All entity lexicons.
#[derive(Debug, Default)]
pub struct Gazetteer {
    /// Names (exact token text joined by single spaces) to entries.
    names: HashMap<String, GazEntry>,
    /// Longest name, in tokens.
    pub max_tokens: usize,
    first_names: HashSet<String>,
    genders: HashMap<String, NameGender>,
    /// First names of the US Census 1990 lists and their genders: known to the rules, not to
    /// the tagger's features (it was trained without them).
    census_names: HashMap<String, NameGender>,
    role_heads: HashSet<String>,
    role_modifiers: HashSet<String>,
    titles: HashSet<String>,
    /// Role heads and titles of the rules-only sections of `roles.txt`: not the tagger's
    /// features (it was trained without them).
    rules_only_roles: HashSet<String>,
    common_words: HashSet<String>,
}

const COUNTRIES: &str = include_str!("../data/entities/countries.tsv");
const PLACES: &str = include_str!("../data/entities/places.tsv");
const ORGANIZATIONS: &str = include_str!("../data/entities/organizations.tsv");
const CONLL_LOCATIONS: &str = include_str!("../data/entities/locations_conll.txt");
const CONLL_ORGANIZATIONS: &str = include_str!("../data/entities/organizations_conll.txt");
const FIRST_NAMES: &str = include_str!("../data/entities/first_names.txt");
const GENDERED_NAMES: &str = include_str!("../data/entities/first_names_gendered.tsv");
const CENSUS_NAMES: &str = include_str!("../data/entities/first_names_census.tsv");
const ROLES: &str = include_str!("../data/entities/roles.txt");
const COMMON_WORDS: &str = include_str!("../data/entities/common_words.txt");

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    crate::data_lines(text).map(|(_, l)| l)
}

/// Strips "the " from the front of a name and normalises curly apostrophes.
fn key(name: &str) -> String {
    let name = name.trim().replace('’', "'");
    name.strip_prefix("the ").unwrap_or(&name).to_string()
}

impl Gazetteer {
    /// The shared gazetteer, parsed on first use.
    pub fn get() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(Gazetteer::load)
    }

    fn insert(&mut self, name: &str, entry: GazEntry, overwrite: bool) {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        self.max_tokens = self.max_tokens.max(k.split(' ').count());
        if overwrite {
            self.names.insert(k, entry);
        } else {
            self.names.entry(k).or_insert(entry);
        }
    }

    fn load() -> Gazetteer {
        let mut g = Gazetteer::default();
        let place = |canonical: &str, country: Option<&str>| GazEntry {
            kind: EntityKind::Location,
            canonical: canonical.to_string(),
            country: country.map(str::to_string),
            demonym: false,
        };
        // weaker lists first, so the hand-written ones overwrite them
        for line in data_lines(CONLL_LOCATIONS) {
            g.insert(line, place(line, None), false);
        }
        for line in data_lines(CONLL_ORGANIZATIONS) {
            let e =
                GazEntry { kind: EntityKind::Organization, canonical: line.to_string(), country: None, demonym: false };
            g.insert(line, e, false);
        }
        for line in data_lines(ORGANIZATIONS) {
            let mut names = line.split('|');
            let canonical = names.next().unwrap_or_default();
            let e = GazEntry {
                kind: EntityKind::Organization,
                canonical: canonical.to_string(),
                country: None,
                demonym: false,
            };
            g.insert(canonical, e.clone(), true);
            for alias in names {
                g.insert(alias, e.clone(), true);
            }
        }
        for line in data_lines(PLACES) {
            let mut cols = line.split('\t');
            let names = cols.next().unwrap_or_default();
            let country = cols.next().filter(|c| *c != "-");
            let canonical = names.split('|').next().unwrap_or_default();
            for n in names.split('|') {
                g.insert(n, place(canonical, country), true);
            }
        }
        for line in data_lines(COUNTRIES) {
            let cols: Vec<&str> = line.split('\t').collect();
            let country = cols.first().copied().unwrap_or_default();
            let entry = place(country, Some(country));
            g.insert(country, entry.clone(), true);
            for alias in cols.get(1).unwrap_or(&"").split('|') {
                g.insert(alias, entry.clone(), true);
            }
            for capital in cols.get(3).unwrap_or(&"").split('|').filter(|c| !c.is_empty()) {
                // alternate spellings of one capital are listed together: "Kyiv|Kiev"
                let canonical = if capital == "Kiev" { "Kyiv" } else { capital };
                g.insert(capital, place(canonical, Some(country)), true);
            }
            for demonym in cols.get(2).unwrap_or(&"").split('|') {
                if demonym.is_empty()
                    || g.names.get(&key(demonym)).is_some_and(|e| !e.demonym && e.canonical == country)
                {
                    continue;
                }
                let e = GazEntry {
                    kind: EntityKind::Group,
                    canonical: country.to_string(),
                    country: Some(country.to_string()),
                    demonym: true,
                };
                g.insert(demonym, e, true);
            }
        }
        g.first_names = data_lines(FIRST_NAMES).map(str::to_string).collect();
        for line in data_lines(GENDERED_NAMES) {
            let mut cols = line.split('\t');
            let (Some(name), Some(gender)) = (cols.next(), cols.next()) else { continue };
            g.first_names.insert(name.to_string());
            if let Some(gender) = NameGender::parse(gender) {
                g.genders.insert(name.to_string(), gender);
            }
        }
        for line in data_lines(CENSUS_NAMES) {
            let mut cols = line.split('\t');
            let (Some(name), Some(gender)) = (cols.next(), cols.next().and_then(NameGender::parse)) else { continue };
            g.census_names.insert(name.to_string(), gender);
        }
        let mut section = "";
        for line in data_lines(ROLES) {
            if line.starts_with('[') {
                section = line;
                continue;
            }
            let set = match section {
                "[head]" | "[head, rules only]" => &mut g.role_heads,
                "[modifier]" => &mut g.role_modifiers,
                _ => &mut g.titles,
            };
            set.insert(line.to_string());
            if section.ends_with("rules only]") {
                g.rules_only_roles.insert(line.to_string());
            }
        }
        g.common_words = data_lines(COMMON_WORDS).map(str::to_string).collect();
        g
    }

    /// The entry for a name given as its tokens' texts.
    pub fn lookup(&self, name: &str) -> Option<&GazEntry> {
        if name.contains('’') {
            return self.names.get(&key(name));
        }
        self.names.get(name)
    }

    /// True for a first name of the lists the NER tagger's features were trained with
    /// ("Sergey", "Kaja"); see [`Gazetteer::is_given_name`] for the rules' wider list.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// True for a first name of any shipped list, the US Census 1990 names included ("Brent",
    /// "Dinah"): what the entity rules take for the start of a person's name.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.first_names.contains(word) || self.census_names.contains_key(word)
    }

    /// The gender a first name gives (`'m'` / `'f'`), when a shipped list knows it (the
    /// hand-written list first, then the census names); `None` for a name women and men alike
    /// bear ("Terry", "Kim": `u` in the list) or one not listed.
    pub fn gender(&self, first_name: &str) -> Option<char> {
        match self.name_gender(first_name)? {
            NameGender::Male => Some('m'),
            NameGender::Female => Some('f'),
            NameGender::Unisex => None,
        }
    }

    /// What the shipped lists say of a first name's gender, unisex included (the hand-written
    /// list first, then the census names).
    pub fn name_gender(&self, first_name: &str) -> Option<NameGender> {
        self.genders.get(first_name).or_else(|| self.census_names.get(first_name)).copied()
    }

    /// True for a word (any case) that can head a role: "chancellor", "spokesperson".
    pub fn is_role_head(&self, word_lower: &str) -> bool {
        self.role_heads.contains(word_lower)
    }

    /// As [`Gazetteer::is_role_head`], for the NER tagger's features: only the heads its
    /// weights were trained with.
    pub fn is_tagger_role_head(&self, word_lower: &str) -> bool {
        self.is_role_head(word_lower) && !self.rules_only_roles.contains(word_lower)
    }

    /// As [`Gazetteer::is_title`], for the NER tagger's features: only the titles its weights
    /// were trained with.
    pub fn is_tagger_title(&self, word_lower: &str) -> bool {
        self.is_title(word_lower) && !self.rules_only_roles.contains(word_lower)
    }

    /// True for a word that may stand inside a role: "foreign", "security", "special".
    pub fn is_role_modifier(&self, word_lower: &str) -> bool {
        self.role_modifiers.contains(word_lower)
    }

    /// True for a short title written before names: "mr", "gen", "sir".
    pub fn is_title(&self, word_lower: &str) -> bool {
        self.titles.contains(word_lower)
    }

    /// True for a word commonly written in lower case ("leaders", "shortly").
    pub fn is_common_word(&self, word_lower: &str) -> bool {
        self.common_words.contains(word_lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternate_spellings_share_a_canonical_name() {
        let g = Gazetteer::get();
        assert_eq!(g.lookup("Türkiye").map(|e| e.canonical.as_str()), Some("Turkey"));
        assert_eq!(g.lookup("Turkiye").map(|e| e.canonical.as_str()), Some("Turkey"));
        assert_eq!(g.lookup("Kiev").map(|e| e.canonical.as_str()), Some("Kyiv"));
        assert_eq!(g.lookup("Riyadh").and_then(|e| e.country.as_deref()), Some("Saudi Arabia"));
        assert!(g.lookup("Russian").is_some_and(|e| e.demonym));
        assert_eq!(g.lookup("U.S.").map(|e| e.canonical.as_str()), Some("United States"));
    }

    /// The columns of each line of a gazetteer file, with its line number.
    fn rows(text: &'static str) -> Vec<(usize, Vec<&'static str>)> {
        crate::data_lines(text).map(|(n, l)| (n, l.split('\t').collect())).collect()
    }

    #[test]
    fn every_file_is_well_formed() {
        let mut countries = HashSet::default();
        for (n, cols) in rows(COUNTRIES) {
            assert!((1..=4).contains(&cols.len()) && !cols[0].is_empty(), "countries.tsv:{n}");
            assert!(countries.insert(cols[0]), "countries.tsv:{n}: {} twice", cols[0]);
        }
        for (n, cols) in rows(PLACES) {
            assert_eq!(cols.len(), 2, "places.tsv:{n}");
            assert!(cols[1] == "-" || countries.contains(cols[1]), "places.tsv:{n}: unknown country {}", cols[1]);
        }
        let mut orgs = HashSet::default();
        for (n, cols) in rows(ORGANIZATIONS) {
            assert_eq!(cols.len(), 1, "organizations.tsv:{n}");
            let canonical = cols[0].split('|').next().unwrap_or_default();
            assert!(!canonical.is_empty() && orgs.insert(canonical), "organizations.tsv:{n}");
        }
        let mut names = HashSet::default();
        for (n, cols) in rows(GENDERED_NAMES) {
            assert_eq!(cols.len(), 2, "first_names_gendered.tsv:{n}");
            assert!(NameGender::parse(cols[1]).is_some(), "first_names_gendered.tsv:{n}: gender {:?}", cols[1]);
            assert!(names.insert(cols[0]), "first_names_gendered.tsv:{n}: {} twice", cols[0]);
        }
        let mut section = "";
        let mut seen = HashSet::default();
        for (n, line) in crate::data_lines(ROLES) {
            if line.starts_with('[') {
                let known = ["[head]", "[modifier]", "[title]", "[head, rules only]", "[title, rules only]"];
                assert!(known.contains(&line), "roles.txt:{n}: section {line}");
                section = line;
                continue;
            }
            assert!(!section.is_empty(), "roles.txt:{n}: before any section");
            assert!(seen.insert((section, line)), "roles.txt:{n}: {line} twice in {section}");
        }
        for (file, text) in [
            ("first_names.txt", FIRST_NAMES),
            ("common_words.txt", COMMON_WORDS),
            ("locations_conll.txt", CONLL_LOCATIONS),
            ("organizations_conll.txt", CONLL_ORGANIZATIONS),
        ] {
            let mut seen = HashSet::default();
            for (n, line) in crate::data_lines(text) {
                assert!(!line.contains('\t') && seen.insert(line), "{file}:{n}: {line:?}");
            }
        }
    }

    #[test]
    fn unisex_names_give_no_gender() {
        let g = Gazetteer::get();
        assert_eq!(g.name_gender("Terry"), Some(NameGender::Unisex));
        assert_eq!(g.gender("Terry"), None);
        assert!(g.is_first_name("Terry"), "a unisex name is still a first name");
        assert_eq!(g.gender("Angela"), Some('f'));
    }

    #[test]
    fn rules_only_roles_are_roles_but_not_tagger_features() {
        let g = Gazetteer::get();
        assert!(g.is_role_head("trooper") && !g.is_tagger_role_head("trooper"));
        assert!(g.is_title("cpl") && !g.is_tagger_title("cpl"));
        assert!(g.is_tagger_role_head("chancellor") && g.is_tagger_title("gen"));
    }

    #[test]
    fn census_names_are_given_names_but_not_tagger_features() {
        let g = Gazetteer::get();
        assert!(g.is_given_name("Brent") && !g.is_first_name("Brent"), "the tagger was trained without them");
        assert_eq!(g.gender("Brent"), Some('m'));
        assert!(g.is_given_name("Kaja"), "the hand-written names are given names too");
        // left out: more often a surname, a word, or a word of a place's name
        assert!(!g.is_given_name("Johnson") && !g.is_given_name("Hope") && !g.is_given_name("Carolina"));
    }

    #[test]
    fn role_words_and_names_load() {
        let g = Gazetteer::get();
        assert!(g.is_role_head("chancellor") && g.is_role_head("spokesperson"));
        assert!(g.is_first_name("Kaja") && g.gender("Kaja") == Some('f'));
        assert!(g.is_common_word("leaders"));
    }
}
