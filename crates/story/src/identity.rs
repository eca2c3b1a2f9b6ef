//! One identity per person (and organisation, place) across the articles of a story.
//!
//! People merge when their surnames share a spelling-tolerant key (Zelenskyy / Zelensky /
//! Zelenskiy) and their first names do too, or one of them gives no first name and the surname
//! names only one person in the story. Two people with the same surname and different first
//! names (Hillary and Bill Clinton), or the same first name and different surnames (Donald Trump
//! and Donald Tusk), never merge.

use std::collections::{BTreeMap, BTreeSet};

use parallax_doc::{Doc, EntityKind, MentionKind};
use serde::Serialize;

use parallax_lexicon::names::{abbreviates, organisation_key, strip_possessive};

use crate::text::name_word_key;

/// A role of a story entity and the articles that give it.
#[derive(Debug, Clone, Serialize)]
pub struct StoryRole {
    /// The role as written.
    pub role: String,
    /// Indices of the articles (in the corpus) that give it.
    pub articles: Vec<usize>,
}

/// One entity across the articles of a story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryEntity {
    /// Stable id within the story: kind and the name folded to ASCII ("person:volodymyr-zelensky").
    pub id: String,
    /// Its type.
    pub kind: EntityKind,
    /// Canonical name: the full name most articles use.
    pub name: String,
    /// Every name form used for it.
    pub aliases: Vec<String>,
    /// Roles, with the articles that give them.
    pub roles: Vec<StoryRole>,
    /// Its per-article entities: `(article index, entity index)`.
    pub members: Vec<(usize, usize)>,
}

impl StoryEntity {
    /// The articles that name the entity: indices into the corpus, in input order, each once.
    pub fn articles(&self) -> Vec<usize> {
        let mut articles: Vec<usize> = self.members.iter().map(|&(article, _)| article).collect();
        // members come in merge order (longer names first)
        articles.sort_unstable();
        articles.dedup();
        articles
    }
}

/// A name's surname and given name (its last and first words, the first only when there are
/// two or more), each through `form`.
fn name_parts(name: &str, form: impl Fn(&str) -> String) -> (String, Option<String>) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let surname = words.last().map(|w| form(w)).unwrap_or_default();
    let first = (words.len() >= 2).then(|| form(words[0]));
    (surname, first)
}

/// A name's surname and given name as spelling-tolerant keys ([`name_word_key`]).
fn name_keys(name: &str) -> (String, Option<String>) {
    name_parts(name, name_word_key)
}

/// A name's surname and given name as written, in lower-case ASCII (what
/// [`is_spelling_variant`] compares: the keys of [`name_keys`] already join some spellings).
fn name_spellings(name: &str) -> (String, Option<String>) {
    name_parts(name, |w| deunicode::deunicode(w).to_lowercase())
}

/// The index of the only item `matches` yields, if it yields exactly one.
fn the_only<T>(mut matches: impl Iterator<Item = (usize, T)>) -> Option<usize> {
    match (matches.next(), matches.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// Shortest name key (in characters) that [`is_spelling_variant`] compares: shorter names
/// differing by a letter are usually other names ("Dan" and "Don").
const MIN_VARIANT_CHARS: usize = 5;

/// True when two name keys of at least [`MIN_VARIANT_CHARS`] characters differ by exactly one
/// letter replaced ("Karolos" / "Carolos", "Wolfe" / "Wolff") or added after the first
/// ("Hickok" / "Hickock"); not "Jerry" / "Jeremy".
fn is_spelling_variant(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().min(b.len()) < MIN_VARIANT_CHARS || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    let prefix = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        // one letter replaced
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        // one letter added: the rest lines up after it
        prefix > 0 && short[prefix..] == long[prefix + 1..]
    }
}

/// Links the entities of the articles `members` (indices into `docs`) into story entities.
pub fn link_entities(docs: &[Doc], members: &[usize]) -> Vec<StoryEntity> {
    let mut out: Vec<StoryEntity> = Vec::new();
    // people with a first name first, so bare surnames find them
    let non_person_keys: std::collections::BTreeSet<&str> = members
        .iter()
        .flat_map(|&d| docs[d].entities.iter())
        .filter(|e| e.kind != EntityKind::Person)
        .map(|e| organisation_key(&e.name))
        .collect();
    let mut persons: Vec<(usize, usize)> = Vec::new();
    // a one-word "person" that other articles name as a company or place, and whose own article
    // never gives a full name, is that company or place ("Chrysler said"); so is a longer name
    // that does not open with a given name ("Northrop Grumman")
    let gaz = parallax_lexicon::gazetteer::Gazetteer::get();
    let no_given_name = |name: &str| name.split_whitespace().next().is_some_and(|first| !gaz.is_given_name(first));
    // how many entities take each name for a person, and for something else: a name of two
    // words or more that most articles take for a person is one ("Zurana Horton", whose given
    // name no list knows, typed a place by a few)
    let mut votes: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for e in members.iter().flat_map(|&d| docs[d].entities.iter()) {
        let vote = votes.entry(organisation_key(&e.name)).or_default();
        if e.kind == EntityKind::Person {
            vote.0 += 1;
        } else if e.kind != EntityKind::Misc {
            vote.1 += 1;
        }
    }
    let mostly_person = |name: &str| {
        name.contains(' ') && votes.get(organisation_key(name)).is_some_and(|&(person, other)| person > other)
    };
    let mut mistyped: Vec<(usize, usize)> = Vec::new();
    for &d in members {
        for e in &docs[d].entities {
            if e.kind == EntityKind::Person {
                let one_word = !e.name.contains(' ');
                // "Chrysler LLC" is Chrysler's: a legal form is no part of the key
                if non_person_keys.contains(organisation_key(&e.name))
                    && (one_word || no_given_name(&e.name))
                    && !mostly_person(&e.name)
                {
                    mistyped.push((d, e.id));
                } else {
                    persons.push((d, e.id));
                }
            } else if e.kind != EntityKind::Misc && mostly_person(&e.name) {
                persons.push((d, e.id));
            }
        }
    }
    // the words of the names of organisations and places ("Douglas" of "McDonnell Douglas"):
    // a lone given name among them may be theirs (gathered the first time a lone name asks)
    let non_person_words: std::cell::OnceCell<BTreeSet<String>> = std::cell::OnceCell::new();
    let non_person_words = || {
        non_person_words.get_or_init(|| {
            members
                .iter()
                .flat_map(|&d| docs[d].entities.iter())
                .filter(|e| e.kind != EntityKind::Person)
                .flat_map(|e| e.name.split_whitespace().map(name_word_key))
                .collect()
        })
    };
    // longer names first, then article and entity order: the merge depends on this order alone
    persons.sort_by_key(|&(d, e)| (std::cmp::Reverse(docs[d].entities[e].name.split_whitespace().count()), d, e));
    let mut person_keys: Vec<(String, Option<String>)> = Vec::new();
    // each person's name as written (its first full name), beside its keys
    let mut person_spellings: Vec<(String, Option<String>)> = Vec::new();
    // and that whole name in lower-case ASCII, and without its spaces and punctuation
    let mut person_names: Vec<String> = Vec::new();
    let mut person_joined: Vec<String> = Vec::new();
    // the people (indices into `person_keys`, in order) by surname key and by given-name key:
    // a name is matched against the people of its keys, not against every person of the story
    let mut by_surname: foldhash::HashMap<String, Vec<usize>> = foldhash::HashMap::default();
    let mut by_first: foldhash::HashMap<String, Vec<usize>> = foldhash::HashMap::default();
    let joined = |name: &str| name.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    // each article's name mentions by entity, gathered in one pass over its mentions
    let mut names: foldhash::HashMap<usize, Vec<Vec<usize>>> = foldhash::HashMap::default();
    for &d in members {
        names.entry(d).or_insert_with(|| {
            let doc = &docs[d];
            let mut by_entity: Vec<Vec<usize>> = vec![Vec::new(); doc.entities.len()];
            for (i, m) in doc.mentions.iter().enumerate() {
                if m.kind == MentionKind::Name {
                    if let Some(list) = by_entity.get_mut(m.entity) {
                        list.push(i);
                    }
                }
            }
            by_entity
        });
    }
    let other_given = other_given_names(docs, &names, &persons);
    for (d, e) in persons {
        let (surname, first) = name_keys(&docs[d].entities[e].name);
        // another given name of the person an article gives ("Kathryn Jenkin, known as Katie")
        // is keyed as the name it stands for
        let first = first.map(|f| other_given.get(&(surname.clone(), f.clone())).cloned().unwrap_or(f));
        let spelt = name_spellings(&docs[d].entities[e].name);
        let candidates: Vec<usize> = by_surname
            .get(&surname)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(|&i| first.is_none() || person_keys[i].1.is_none() || person_keys[i].1 == first)
            .collect();
        // a lone given name that no one bears as a surname ("Craig" beside "Craig Zadan", "Chela"
        // beside "Chela Ortiz", a name no list knows): the one person of the story with that
        // first name, if only one has it
        let by_first_name = || {
            if first.is_some() || non_person_words().contains(&surname) {
                return None;
            }
            // or another given name of one person ("Katie" of Kathryn Jenkin)
            let given = match by_first.get(&surname) {
                Some(people) => people.as_slice(),
                None => {
                    let mut of = other_given.iter().filter(|((_, other), _)| *other == surname);
                    match (of.next(), of.next()) {
                        (Some((_, first)), None) => by_first.get(first).map_or(&[][..], Vec::as_slice),
                        _ => &[],
                    }
                }
            };
            the_only(given.iter().map(|&i| (i, ())))
        };
        // a full name spelt another way by another outlet ("Yiannis" / "Giannis Panagopoulos",
        // "Ilene Wolff" / "Wolfe"): the one person of the story whose name differs by one letter
        // in either the given name or the surname, the other the same
        let by_spelling = || {
            let (surname, first) = (&spelt.0, spelt.1.as_deref()?);
            the_only(person_spellings.iter().enumerate().filter(|(_, (s, f))| {
                f.as_deref().is_some_and(|f| {
                    (s == surname && is_spelling_variant(f, first)) || (f == first && is_spelling_variant(s, surname))
                })
            }))
        };
        // the last words of one longer name ("Van Rompuy" of Herman Van Rompuy, "Boone Isaacs"
        // of Cheryl Boone Isaacs): the surname alone, written with its particle or first part
        let whole = deunicode::deunicode(&docs[d].entities[e].name).to_lowercase();
        let by_tail = || {
            first.as_ref()?;
            let tail = format!(" {whole}");
            the_only(person_names.iter().enumerate().filter(|(_, name)| name.ends_with(&tail)))
        };
        // a surname written as one word or two ("Vincent DelGiudice" / "Vincent Del Giudice"):
        // the one person whose whole name is the same without its spaces
        let by_joining = || {
            first.as_ref()?;
            let key = joined(&whole);
            the_only(person_joined.iter().enumerate().filter(|(_, name)| **name == key))
        };
        let slot = match candidates.as_slice() {
            [one] => Some(*one),
            [] => by_first_name().or_else(by_spelling).or_else(by_tail).or_else(by_joining),
            // a bare surname shared by several people stays apart; a full name joins its own
            many => many.iter().copied().find(|&i| first.is_some() && person_keys[i].1 == first),
        };
        match slot {
            Some(i) => out[i].members.push((d, e)),
            None => {
                let at = person_keys.len();
                by_surname.entry(surname.clone()).or_default().push(at);
                if let Some(first) = &first {
                    by_first.entry(first.clone()).or_default().push(at);
                }
                person_keys.push((surname, first));
                person_spellings.push(spelt);
                person_joined.push(joined(&whole));
                person_names.push(whole);
                out.push(StoryEntity {
                    id: String::new(),
                    kind: EntityKind::Person,
                    name: String::new(),
                    aliases: Vec::new(),
                    roles: Vec::new(),
                    members: vec![(d, e)],
                });
            }
        }
    }
    // organisations and places: by type and canonical name (the gazetteer already joined
    // spellings), legal forms aside ("Chrysler LLC" is "Chrysler")
    // organisation and place stay apart even under one name (Chicago the team and the city)
    let mut others: BTreeMap<(String, EntityKind), Vec<(usize, usize)>> = BTreeMap::new();
    for &d in members {
        for e in &docs[d].entities {
            if e.kind != EntityKind::Person && !(e.kind != EntityKind::Misc && mostly_person(&e.name)) {
                others.entry((organisation_key(&e.name).to_string(), e.kind)).or_default().push((d, e.id));
            }
        }
    }
    for (d, e) in mistyped {
        let name = organisation_key(&docs[d].entities[e].name);
        // the largest group of that name
        let group = others.iter_mut().filter(|((key, _), _)| key == name).max_by_key(|(_, m)| m.len());
        if let Some((_, m)) = group {
            m.push((d, e));
        }
    }
    // a name written in capitals (a dateline, a sign-off: "CUMBRIA POLICE") is the organisation
    // or place of that name written the usual way, when the story has one of its type
    let shouted: Vec<(String, EntityKind)> = others.keys().filter(|(name, _)| is_shouted(name)).cloned().collect();
    for key in shouted {
        let target = others
            .keys()
            .find(|(name, kind)| *kind == key.1 && !is_shouted(name) && name.to_lowercase() == key.0.to_lowercase())
            .cloned();
        if let Some(target) = target {
            let members = others.remove(&key).unwrap_or_default();
            others.entry(target).or_default().extend(members);
        }
    }
    // a company or place named in passing as a product or an event's part ("Boeing" of "Boeing
    // 787" read as another name) is that company or place: other names join the largest
    // organisation or place of their name
    let misc: Vec<(String, EntityKind)> =
        others.keys().filter(|(_, kind)| *kind == EntityKind::Misc).cloned().collect();
    for key in misc {
        let target = others
            .iter()
            .filter(|((name, kind), _)| {
                *name == key.0 && matches!(kind, EntityKind::Organization | EntityKind::Location)
            })
            .max_by_key(|(_, m)| m.len())
            .map(|(k, _)| k.clone());
        if let Some(target) = target {
            let members = others.remove(&key).unwrap_or_default();
            others.entry(target).or_default().extend(members);
        }
    }
    // a "place" of an organisation's name, not written in capitals, that the gazetteer does not
    // know as a place and that the story names as the organisation at least three times as
    // often, is that organisation ("Chrysler" typed a place in some articles), and so is one
    // that is the first words of one organisation's name (or of the one most named, when the
    // name is an organisation in other articles); a known place stays apart (Chicago the
    // city beside Chicago the team), and so do names in capitals
    let known_place = |name: &str| {
        name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            || gaz.lookup(name).is_some_and(|g| g.kind != EntityKind::Organization)
    };
    let name_of = |d: usize, e: usize| docs.get(d).and_then(|doc| doc.entities.get(e)).map(|e| e.name.as_str());
    let places: Vec<(String, EntityKind)> =
        others.keys().filter(|(_, kind)| *kind == EntityKind::Location).cloned().collect();
    for key in places {
        let org = (key.0.clone(), EntityKind::Organization);
        let member_names_known =
            others.get(&key).is_some_and(|m| m.iter().any(|&(d, e)| name_of(d, e).is_some_and(known_place)));
        let (as_place, as_org) = (others.get(&key).map_or(0, Vec::len), others.get(&org).map_or(0, Vec::len));
        if known_place(&key.0) || member_names_known {
            continue;
        }
        // or the first words of one organisation's name ("China Eastern" of "China Eastern
        // Airlines")
        let longer: Vec<(String, EntityKind)> = others
            .keys()
            .filter(|(name, kind)| *kind == EntityKind::Organization && is_short_form(&key.0, name))
            .cloned()
            .collect();
        // of several ("Kraft Foods", "Kraft Plant"), the one named at least twice as often as
        // any other, when articles also name the place as an organisation of its own
        let size = |k: &(String, EntityKind)| others.get(k).map_or(0, Vec::len);
        let mut by_size: Vec<&(String, EntityKind)> = longer.iter().collect();
        by_size.sort_by_key(|k| std::cmp::Reverse(size(k)));
        let target = if as_org >= 3 * as_place {
            Some(org)
        } else if let [one] = longer.as_slice() {
            // (not a place the story names more often than that organisation: "San Angelo"
            // beside one "San Angelo Standard Times")
            (size(one) >= as_place).then(|| one.clone())
        } else if let [first, next, ..] = by_size[..] {
            (as_org > 0 && size(first) >= 2 * size(next)).then(|| first.clone())
        } else {
            None
        };
        if let Some(target) = target {
            let members = others.remove(&key).unwrap_or_default();
            others.entry(target).or_default().extend(members);
        }
    }
    let mut groups: Vec<NameGroup> = others.into_iter().map(|((key, kind), m)| (key, kind, m)).collect();
    join_plural_variants(&mut groups);
    join_short_forms(&mut groups, &defined_abbreviations(docs, members));
    for (_, kind, m) in groups {
        out.push(StoryEntity {
            id: String::new(),
            kind,
            name: String::new(),
            aliases: Vec::new(),
            roles: Vec::new(),
            members: m,
        });
    }
    for entity in &mut out {
        fill(docs, &names, entity);
    }
    // two entities of one name (two people called John Smith) get `-2`, `-3`, ... in order
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for entity in &mut out {
        let n = seen.entry(entity.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            entity.id = format!("{}-{n}", entity.id);
        }
    }
    out
}

/// The other given names the articles give people, by surname key and given-name key, each
/// to the given-name key of the person's own name: a person's name mention that is another
/// given name alone ("Katie" of Kathryn Jenkin, which the entity layer joined to her because
/// the article says "known as Katie") or with the surname ("Katie Jenkin"). The first person of
/// a surname to give a name keeps it. `names` holds each article's name mentions by entity.
fn other_given_names(
    docs: &[Doc],
    names: &foldhash::HashMap<usize, Vec<Vec<usize>>>,
    persons: &[(usize, usize)],
) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    for &(d, e) in persons {
        let doc = &docs[d];
        let (surname, Some(first)) = name_keys(&doc.entities[e].name) else {
            continue;
        };
        let own = names.get(&d).and_then(|by_entity| by_entity.get(e)).map_or(&[][..], Vec::as_slice);
        for m in own.iter().filter_map(|&i| doc.mentions.get(i)) {
            let words: Vec<&str> = doc.slice(m.span).split_whitespace().collect();
            let other = match words.as_slice() {
                [one] => name_word_key(one),
                [given, .., last] if name_word_key(last) == surname => name_word_key(given),
                _ => continue,
            };
            if other != surname && other != first {
                out.entry((surname.clone(), other)).or_insert_with(|| first.clone());
            }
        }
    }
    out
}

/// True for a name written in capitals that is not an acronym: two words or more, or one of
/// more than five letters ("CUMBRIA POLICE", "REUTERS"; not "NATO").
fn is_shouted(name: &str) -> bool {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
        && letters > 0
        && (name.contains(' ') || letters > 5)
}

/// The articles' organisations or places of one name: its key, its type, and its members
/// `(article, entity)`.
type NameGroup = (String, EntityKind, Vec<(usize, usize)>);

/// Joins organisations whose names differ only by a plural last word ("Ford Motors" and "Ford
/// Motor Company", whose key is "Ford Motor"): the smaller group joins the larger (ties to the
/// earlier), the way readers take them as one company.
fn join_plural_variants(groups: &mut Vec<NameGroup>) {
    let singular = |key: &str| -> String {
        match key.rsplit_once(' ') {
            Some((rest, last)) if last.len() > 3 && !last.ends_with("ss") => match last.strip_suffix('s') {
                Some(stem) => format!("{rest} {stem}"),
                None => key.to_string(),
            },
            _ => key.to_string(),
        }
    };
    let mut by_singular: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (key, kind, _)) in groups.iter().enumerate() {
        if *kind == EntityKind::Organization {
            by_singular.entry(singular(key)).or_default().push(i);
        }
    }
    for (_, mut same) in by_singular {
        if same.len() < 2 {
            continue;
        }
        same.sort_by_key(|&i| (std::cmp::Reverse(groups[i].2.len()), i));
        let Some((&largest, rest)) = same.split_first() else { continue };
        for &i in rest {
            let members = std::mem::take(&mut groups[i].2);
            groups[largest].2.extend(members);
        }
    }
    groups.retain(|(_, _, m)| !m.is_empty());
}

/// The abbreviations the articles use as names of an organisation or place ("SIA" for the
/// Singapore Airlines of an article that wrote "Singapore Airlines (SIA)"): abbreviation → the
/// keys of the names it is used for.
fn defined_abbreviations(docs: &[Doc], members: &[usize]) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for &d in members {
        let Some(doc) = docs.get(d) else { continue };
        for m in doc.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            let Some(entity) = doc.entities.get(m.entity) else { continue };
            if !matches!(entity.kind, EntityKind::Organization | EntityKind::Location) {
                continue;
            }
            let text = strip_possessive(doc.slice(m.span));
            let key = organisation_key(&entity.name);
            if text != key && abbreviates(text, key) {
                out.entry(text.to_string()).or_default().insert(key.to_string());
            }
        }
    }
    out
}

/// Joins an organisation's short forms (named as an organisation or as another name) to its full name when only one organisation of the
/// story has that full name, or one is named at least twice as often as the others: the name's first words ("Northrop" → "Northrop Grumman", "AirTran" →
/// "AirTran Airways") or its initials ("GAO" → "Government Accountability Office", "UAW" →
/// "United Auto Workers"), or an abbreviation an article defined for it (`defined`, from
/// [`defined_abbreviations`]). Groups are `(key, kind, members)`; joined groups are emptied out.
fn join_short_forms(groups: &mut Vec<NameGroup>, defined: &BTreeMap<String, BTreeSet<String>>) {
    let orgs: Vec<usize> = (0..groups.len()).filter(|&i| groups[i].1 == EntityKind::Organization).collect();
    // a short form the tagger read as another name ("the GAO", "AirTran" as a product) joins too
    let shorts: Vec<usize> =
        (0..groups.len()).filter(|&i| matches!(groups[i].1, EntityKind::Organization | EntityKind::Misc)).collect();
    let mut moves: Vec<(usize, usize)> = Vec::new();
    let gaz = parallax_lexicon::gazetteer::Gazetteer::get();
    for &short in &shorts {
        let key = groups[short].0.as_str();
        // another name is a short form when written as a brand ("AirTran") or in initials
        // ("GAO"), not as a word of its own ("European" is no short form of "European Union")
        let brand_or_initials = key.chars().skip(1).any(char::is_uppercase);
        if groups[short].1 == EntityKind::Misc && (gaz.lookup(key).is_some() || !brand_or_initials) {
            continue;
        }
        // or an abbreviation an article defined for it ("Singapore Airlines (SIA)")
        let defined_for = |long: &str| defined.get(key).is_some_and(|longs| longs.contains(long));
        let longer: Vec<usize> = orgs
            .iter()
            .copied()
            .filter(|&long| long != short && (is_short_form(key, &groups[long].0) || defined_for(&groups[long].0)))
            .collect();
        // one full form, or one named at least twice as often as any other ("Apple" is Apple
        // Computer's, not Apple Corps')
        let mut by_size: Vec<usize> = longer;
        by_size.sort_by_key(|&g| std::cmp::Reverse(groups[g].2.len()));
        match by_size[..] {
            [long] => moves.push((short, long)),
            [long, next, ..] if groups[long].2.len() >= 2 * groups[next].2.len() => moves.push((short, long)),
            _ => {}
        }
    }
    for (short, long) in moves {
        // a chain (A → B → C) is not followed: a name joins its own full form only
        if groups[long].2.is_empty() {
            continue;
        }
        let members = std::mem::take(&mut groups[short].2);
        groups[long].2.extend(members);
    }
    groups.retain(|(_, _, m)| !m.is_empty());
}

/// True when `short` is the first words of `long` or the initials of its capitalised words.
/// Allocates nothing: it is asked of every pair of a story's organisation names.
fn is_short_form(short: &str, long: &str) -> bool {
    is_first_words_of(short, long) || is_initials_of(short, long)
}

/// True when the words of `short` are the first words of `long`, and `long` has more.
fn is_first_words_of(short: &str, long: &str) -> bool {
    let mut long_words = long.split_whitespace();
    short.split_whitespace().all(|w| long_words.next() == Some(w)) && long_words.next().is_some()
}

/// True when `short` is one word of at least two capital ASCII letters (dots aside) that are the
/// initials of `long`'s capitalised words, `long` having two words or more; a word written as
/// initials gives all its letters ("USGS" → "U.S. Geological Survey").
fn is_initials_of(short: &str, long: &str) -> bool {
    let letters = || short.chars().filter(|c| *c != '.');
    let initials = long.split_whitespace().flat_map(|w| {
        let dotted = w.len() >= 4 && w.split_terminator('.').all(|part| part.len() == 1);
        w.chars().enumerate().filter(move |&(i, c)| c.is_uppercase() && (i == 0 || dotted)).map(|(_, c)| c)
    });
    short.split_whitespace().count() == 1
        && letters().nth(1).is_some()
        && letters().all(|c| c.is_ascii_uppercase())
        && long.split_whitespace().nth(1).is_some()
        && letters().eq(initials)
}

/// Gives a story entity its name, aliases and roles from its members; `names` holds each
/// member article's name mentions (indices into its mentions) by entity.
fn fill(docs: &[Doc], names: &foldhash::HashMap<usize, Vec<Vec<usize>>>, entity: &mut StoryEntity) {
    // canonical: the full name used by most articles, ties to the longest; a name written in
    // capitals only when the story writes it no other way; a body's short name when the story
    // uses it far more
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for &(d, e) in &entity.members {
        *counts.entry(docs[d].entities[e].name.as_str()).or_default() += 1;
    }
    let full = counts.iter().max_by_key(|(n, c)| (n.split_whitespace().count().min(2), !is_shouted(n), **c, n.len()));
    // a body's one-word name that the story uses more than twice as often as its longest
    // names is what it is called ("AMD" beside a few "AMD Opteron", its product, which joined
    // it as a longer form); a person keeps the full name ("Clinton" is "Bill Clinton")
    let most_used = counts.iter().max_by_key(|(n, c)| (**c, !is_shouted(n), n.len()));
    let name = match (full, most_used) {
        (Some((_, &full_count)), Some((short, &short_count)))
            if entity.kind != EntityKind::Person && !is_shouted(short) && short_count > 2 * full_count =>
        {
            short.to_string()
        }
        (Some((n, _)), _) => n.to_string(),
        (None, _) => String::new(),
    };
    let mut aliases: Vec<String> = Vec::new();
    let mut alias_set: foldhash::HashSet<&str> = foldhash::HashSet::default();
    let mut roles: Vec<StoryRole> = Vec::new();
    // "U.S. President" and "US President" are one role: each role's key, beside it
    let key = |t: &str| t.replace('.', "").to_lowercase();
    let mut role_keys: Vec<String> = Vec::new();
    for &(d, e) in &entity.members {
        let doc = &docs[d];
        let ent = &doc.entities[e];
        let own = names.get(&d).and_then(|by_entity| by_entity.get(e)).map_or(&[][..], Vec::as_slice);
        let mentioned = own.iter().filter_map(|&i| doc.mentions.get(i)).map(|m| doc.slice(m.span));
        for form in std::iter::once(ent.name.as_str()).chain(mentioned) {
            if alias_set.insert(form) {
                aliases.push(form.to_string());
            }
        }
        for r in &ent.roles {
            let wanted = key(&r.text);
            match role_keys.iter().position(|k| *k == wanted).and_then(|at| roles.get_mut(at)) {
                Some(x) if !x.articles.contains(&d) => x.articles.push(d),
                Some(_) => {}
                None => {
                    roles.push(StoryRole { role: r.text.clone(), articles: vec![d] });
                    role_keys.push(wanted);
                }
            }
        }
    }
    entity.id = format!("{}:{}", entity.kind.as_str(), readable_key(&name));
    entity.name = name;
    entity.aliases = aliases;
    entity.roles = roles;
}

/// A name as an id a reader can read back: folded to lower-case ASCII, words joined by `-`,
/// apostrophes and full stops dropped ("Matthew O'Connor" → `matthew-oconnor`, "P.J. Carlesimo"
/// → `pj-carlesimo`, "Volodymyr Zelensky" → `volodymyr-zelensky`).
pub fn readable_key(name: &str) -> String {
    let folded = deunicode::deunicode(name).to_lowercase();
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if matches!(c, '\'' | '.' | '`') {
            continue;
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The people among a story's `entities` (indices into them), the most mentioned first: by their
/// mentions (names, role nouns, pronouns) over all the story's articles; people mentioned as
/// often stay in entity order.
pub fn people_by_mentions(docs: &[Doc], entities: &[StoryEntity]) -> Vec<usize> {
    // each article's mentions counted by entity once, not once per entity
    let mut counts: foldhash::HashMap<usize, Vec<usize>> = foldhash::HashMap::default();
    let mut mentions = |entity: &StoryEntity| -> usize {
        entity
            .members
            .iter()
            .map(|&(d, e)| {
                let of_doc = counts.entry(d).or_insert_with(|| docs[d].mention_counts());
                of_doc.get(e).copied().unwrap_or(0)
            })
            .sum()
    };
    let mut people: Vec<(usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
        .map(|(i, e)| (i, mentions(e)))
        .collect();
    // a stable sort: equal counts keep entity order
    people.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    people.into_iter().map(|(i, _)| i).collect()
}

/// For each article of the story, a map from its entity index to the story entity index.
pub fn member_index(entities: &[StoryEntity]) -> BTreeMap<(usize, usize), usize> {
    let mut map = BTreeMap::new();
    for (i, e) in entities.iter().enumerate() {
        for &m in &e.members {
            map.insert(m, i);
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_are_first_words_or_initials() {
        for (short, long, yes) in [
            ("Northrop", "Northrop Grumman", true),
            ("GAO", "Government Accountability Office", true),
            ("UAW", "United Auto Workers", true),
            ("G.A.O.", "Government Accountability Office", true),
            ("USGS", "U.S. Geological Survey", true),
            ("UGS", "U.S. Geological Survey", false),
            ("Grumman", "Northrop Grumman", false),
            ("GM", "General", false),
            ("Ford", "Ford", false),
        ] {
            assert_eq!(is_short_form(short, long), yes, "{short} / {long}");
        }
    }

    #[test]
    fn one_organisation_across_legal_forms_and_short_forms() {
        let docs = vec![
            with(
                "a",
                &[
                    (EntityKind::Organization, "Northrop Grumman Corporation"),
                    (EntityKind::Organization, "Government Accountability Office"),
                ],
            ),
            with(
                "b",
                &[
                    (EntityKind::Person, "Northrop"),
                    (EntityKind::Organization, "GAO"),
                    (EntityKind::Organization, "Northrop"),
                ],
            ),
        ];
        let entities = link_entities(&docs, &[0, 1]);
        let orgs: Vec<&StoryEntity> = entities.iter().filter(|e| e.kind == EntityKind::Organization).collect();
        assert_eq!(orgs.len(), 2, "{orgs:?}");
        // the one-word "person" Northrop is the company too
        assert!(entities.iter().all(|e| e.kind != EntityKind::Person), "{entities:?}");
        let grumman = orgs.iter().find(|e| e.name.starts_with("Northrop")).expect("Northrop Grumman");
        assert_eq!(grumman.members.len(), 3);
        assert_eq!(grumman.articles(), vec![0, 1]);
    }

    #[test]
    fn a_body_is_called_by_the_name_the_story_uses_far_more() {
        use EntityKind::Organization as Org;
        let docs = vec![
            with("a", &[(Org, "Orvane"), (Org, "Orvane Lumex")]),
            with("b", &[(Org, "Orvane")]),
            with("c", &[(Org, "Orvane")]),
            with("d", &[(Org, "Orvane")]),
            with("e", &[(Org, "Pellucid"), (Org, "Pellucid Systems")]),
            with("f", &[(Org, "Pellucid Systems")]),
        ];
        let entities = link_entities(&docs, &[0, 1, 2, 3, 4, 5]);
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        // four "Orvane" to one "Orvane Lumex": Orvane; two "Pellucid Systems" to one "Pellucid"
        assert!(names.contains(&"Orvane") && !names.contains(&"Orvane Lumex"), "{entities:?}");
        assert!(names.contains(&"Pellucid Systems") && !names.contains(&"Pellucid"), "{entities:?}");
    }

    #[test]
    fn a_name_in_capitals_is_the_same_name_written_the_usual_way() {
        use EntityKind::{Location as Loc, Organization as Org};
        let docs = vec![
            with("a", &[(Org, "Tarnby Police"), (Org, "NATO")]),
            with("b", &[(Org, "TARNBY POLICE"), (Org, "Nato"), (Loc, "TARNBY")]),
            with("c", &[(Org, "TARNBY POLICE")]),
        ];
        let entities = link_entities(&docs, &[0, 1, 2]);
        let police: Vec<&StoryEntity> = entities.iter().filter(|e| e.name.to_lowercase() == "tarnby police").collect();
        assert_eq!(police.len(), 1, "{entities:?}");
        assert_eq!(police[0].name, "Tarnby Police");
        assert_eq!(police[0].articles(), vec![0, 1, 2]);
        // an acronym keeps its spelling apart, and a place in capitals with no other spelling stays
        assert_eq!(entities.iter().filter(|e| e.name.to_lowercase() == "nato").count(), 2, "{entities:?}");
        assert!(entities.iter().any(|e| e.name == "TARNBY" && e.kind == Loc), "{entities:?}");
    }

    #[test]
    fn a_place_named_more_often_than_the_one_organisation_it_opens_stays_a_place() {
        use EntityKind::{Location as Loc, Organization as Org};
        let docs = vec![
            with("a", &[(Loc, "Tarnby Vale"), (Org, "Tarnby Vale Courier")]),
            with("b", &[(Loc, "Tarnby Vale")]),
            with("c", &[(Loc, "Tarnby Vale")]),
            with("d", &[(Loc, "Quill Eastern"), (Org, "Quill Eastern Airlines")]),
            with("e", &[(Org, "Quill Eastern Airlines")]),
        ];
        let entities = link_entities(&docs, &[0, 1, 2, 3, 4]);
        let kind_of = |name: &str| entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind_of("Tarnby Vale"), Some(Loc), "{entities:?}");
        assert_eq!(kind_of("Quill Eastern"), None, "{entities:?}");
    }

    #[test]
    fn a_place_of_a_company_name_joins_the_company_but_a_known_place_stays() {
        use EntityKind::{Location as Loc, Organization as Org};
        let docs = vec![
            with("a", &[(Org, "Quillmark"), (Org, "Chicago")]),
            with("b", &[(Org, "Quillmark"), (Loc, "Chicago")]),
            with("c", &[(Org, "Quillmark"), (Org, "Chicago")]),
            with("d", &[(Loc, "Quillmark"), (Org, "Chicago"), (Loc, "BRENTWOOD"), (Org, "Brentwood")]),
        ];
        let entities = link_entities(&docs, &[0, 1, 2, 3]);
        let kinds = |name: &str| entities.iter().filter(|e| e.name == name).map(|e| e.kind).collect::<Vec<_>>();
        assert_eq!(kinds("Quillmark"), vec![Org], "{entities:?}");
        assert_eq!(kinds("Chicago").len(), 2, "{entities:?}");
    }

    #[test]
    fn a_place_of_a_company_name_joins_the_company_most_named_of_several() {
        use EntityKind::{Location as Loc, Organization as Org};
        // "Quillmark" is a place in most articles, a company in one; the story names "Quillmark
        // Foods" in four articles and "Quillmark Plant" in one
        let docs = vec![
            with("a", &[(Loc, "Quillmark"), (Org, "Quillmark Foods")]),
            with("b", &[(Loc, "Quillmark"), (Org, "Quillmark Foods")]),
            with("c", &[(Loc, "Quillmark"), (Org, "Quillmark Foods"), (Org, "Quillmark Plant")]),
            with("d", &[(Org, "Quillmark"), (Org, "Quillmark Foods")]),
        ];
        let entities = link_entities(&docs, &[0, 1, 2, 3]);
        assert!(entities.iter().all(|e| e.kind != Loc), "{entities:?}");
        let foods = entities.iter().find(|e| e.name == "Quillmark Foods").expect("Quillmark Foods");
        assert_eq!(foods.members.len(), 8, "{entities:?}");
        // never named as a company on its own: a place beside two companies of its name stays
        let docs = vec![
            with("a", &[(Loc, "Quillmark"), (Org, "Quillmark Foods")]),
            with("b", &[(Loc, "Quillmark"), (Org, "Quillmark Foods"), (Org, "Quillmark Plant")]),
        ];
        let entities = link_entities(&docs, &[0, 1]);
        assert!(entities.iter().any(|e| e.kind == Loc), "{entities:?}");
    }

    #[test]
    fn a_company_read_as_a_person_a_place_or_another_name_joins_the_company() {
        use EntityKind::{Location as Loc, Misc, Organization as Org, Person};
        let docs = vec![
            with(
                "a",
                &[
                    (Org, "Quillmark Dynamics"),
                    (Org, "Audit Review Board"),
                    (Org, "AirTran Airways"),
                    (Org, "Zarbo Eastern Airlines"),
                ],
            ),
            with("b", &[(Person, "Quillmark Dynamics"), (Misc, "ARB"), (Misc, "AirTran"), (Person, "Maria Quillmark")]),
            // a name opening with a given name stays a person; a word of its own is no short form
            with("c", &[(Org, "Maria Quillmark"), (Org, "European Union"), (Misc, "European"), (Loc, "Zarbo Eastern")]),
        ];
        let entities = link_entities(&docs, &[0, 1, 2]);
        let kinds = |name: &str| entities.iter().filter(|e| e.name == name).map(|e| e.kind).collect::<Vec<_>>();
        assert_eq!(kinds("Quillmark Dynamics"), vec![Org], "{entities:?}");
        let members = |name: &str| entities.iter().find(|e| e.name == name).map_or(0, |e| e.members.len());
        assert_eq!(members("Audit Review Board"), 2, "{entities:?}");
        assert_eq!(members("AirTran Airways"), 2, "{entities:?}");
        assert_eq!(members("European Union"), 1, "{entities:?}");
        // a "place" of an organisation's first words
        assert_eq!(members("Zarbo Eastern Airlines"), 2, "{entities:?}");
        assert!(kinds("Maria Quillmark").contains(&Person), "{entities:?}");
    }

    #[test]
    fn a_plural_last_word_or_a_legal_form_does_not_split_a_company() {
        use EntityKind::{Organization as Org, Person};
        let docs = vec![
            with("a", &[(Org, "Quillmark Motor Company"), (Org, "Zarbo Brothers")]),
            with("b", &[(Org, "Quillmark Motors"), (Person, "Zarbo Brothers LLC")]),
        ];
        let entities = link_entities(&docs, &[0, 1]);
        let articles = |name: &str| entities.iter().find(|e| e.name.starts_with(name)).map(StoryEntity::articles);
        assert_eq!(articles("Quillmark Motor Company"), Some(vec![0, 1]), "{entities:?}");
        assert_eq!(articles("Zarbo Brothers"), Some(vec![0, 1]), "{entities:?}");
        assert!(entities.iter().all(|e| e.kind == Org), "{entities:?}");
    }

    #[test]
    fn an_abbreviation_one_article_defines_joins_its_organisation_in_the_others() {
        let docs = vec![
            doc("a", "The museum thanked Singapore Airlines (SIA) for the loan of the plane on Monday."),
            doc("b", "SIA said the delays of the new plane were disappointing. SIA wants compensation."),
        ];
        let entities = link_entities(&docs, &[0, 1]);
        let articles = |name: &str| entities.iter().find(|e| e.name == name).map(StoryEntity::articles);
        assert_eq!(articles("Singapore Airlines"), Some(vec![0, 1]), "{entities:?}");
        assert!(articles("SIA").is_none(), "{entities:?}");
        // without the definition, "SIA" (not the initials of "Singapore Airlines") stays apart
        let docs = vec![
            doc("a", "The museum thanked Singapore Airlines for the loan of the plane on Monday."),
            docs[1].clone(),
        ];
        let entities = link_entities(&docs, &[0, 1]);
        let articles = |name: &str| entities.iter().find(|e| e.name == name).map(StoryEntity::articles);
        assert_eq!(articles("SIA"), Some(vec![1]), "{entities:?}");
    }

    /// An article with no text and these entities.
    #[test]
    fn a_name_most_articles_take_for_a_person_is_one_in_all() {
        use EntityKind::{Location as Loc, Person as Per};
        let docs = vec![
            with("a", &[(Per, "Zorna Halvey")]),
            with("b", &[(Loc, "Zorna Halvey")]),
            with("c", &[(Per, "Zorna Halvey")]),
        ];
        let entities = link_entities(&docs, &[0, 1, 2]);
        let halvey: Vec<&StoryEntity> = entities.iter().filter(|e| e.name == "Zorna Halvey").collect();
        assert_eq!(halvey.len(), 1, "{entities:?}");
        assert_eq!(halvey[0].kind, Per);
        assert_eq!(halvey[0].members.len(), 3);
    }

    #[test]
    fn a_surname_written_as_one_word_or_two_is_one_person() {
        let docs = vec![
            with("a", &[(EntityKind::Person, "Vinca Del Gardo")]),
            with("b", &[(EntityKind::Person, "Vinca DelGardo")]),
        ];
        let entities = link_entities(&docs, &[0, 1]);
        assert_eq!(entities.len(), 1, "{entities:?}");
    }

    fn with(source: &str, names: &[(EntityKind, &str)]) -> Doc {
        let mut d = Doc::new(source, String::new());
        for (id, &(kind, name)) in names.iter().enumerate() {
            d.entities.push(parallax_doc::Entity { id, kind, name: name.into(), roles: Vec::new(), gender: None });
        }
        d
    }

    fn doc(source: &str, text: &str) -> Doc {
        let mut d = Doc::new(source, text.to_string());
        parallax_analyze::analyze(&mut d);
        d
    }

    fn people(entities: &[StoryEntity]) -> Vec<(String, Vec<String>)> {
        let mut p: Vec<(String, Vec<String>)> = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| (e.name.clone(), e.aliases.clone()))
            .collect();
        p.sort();
        p
    }

    #[test]
    fn spelling_variants_differ_by_one_letter() {
        for (a, b) in [("giannis", "yiannis"), ("karolos", "carolos"), ("hickok", "hickock"), ("wolff", "wolfe")] {
            assert!(is_spelling_variant(a, b) && is_spelling_variant(b, a), "{a} / {b}");
        }
        for (a, b) in [("jerry", "jeremy"), ("dan", "don"), ("smith", "smith"), ("brown", "crowe"), ("oscar", "voscar")]
        {
            assert!(!is_spelling_variant(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn a_name_spelt_another_way_joins_the_one_person_it_differs_from_by_a_letter() {
        let docs = vec![
            doc("a", "Giannis Panagopoulos, head of GSEE, spoke. Ilene Wolfe said it was over."),
            doc("b", "Yiannis Panagopoulos called a strike. Ilene Wolff, a spokeswoman, agreed."),
        ];
        let names: Vec<String> = people(&link_entities(&docs, &[0, 1])).into_iter().map(|(name, _)| name).collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn the_last_words_of_one_longer_name_join_it() {
        let docs = vec![
            doc("a", "European Union President Herman Van Rompuy spoke in Brussels on Monday."),
            doc("b", "Van Rompuy insisted the crisis was contained, and Cheryl Boone Isaacs agreed."),
            doc("c", "Boone Isaacs, the academy's president, said the show would go on."),
        ];
        let names: Vec<String> = people(&link_entities(&docs, &[0, 1, 2])).into_iter().map(|(name, _)| name).collect();
        assert_eq!(names, ["Cheryl Boone Isaacs", "Herman Van Rompuy"]);
    }

    #[test]
    fn another_given_name_an_article_gives_joins_the_person_in_the_others() {
        let docs = vec![
            doc("a", "Katie Brennan, 20, was found dead in Tarnby. Her brother Paul Brennan was arrested."),
            doc(
                "b",
                "Police named the woman as Kathryn Brennan, known as Katie, a student. Paul Brennan, 23, \
                 was arrested. Her cousin Sian Brennan was not at home.",
            ),
            doc("c", "Kathryn Brennan had moved to Tarnby in May. Sian Brennan said she was kind."),
        ];
        let entities = link_entities(&docs, &[0, 1, 2]);
        let kathryn = people(&entities).into_iter().find(|(n, _)| n == "Kathryn Brennan").expect("Kathryn Brennan");
        assert!(kathryn.1.iter().any(|a| a == "Katie Brennan"), "{entities:?}");
        // and "Katie" alone too
        let lone = link_entities(&[docs[1].clone(), with("d", &[(EntityKind::Person, "Katie")])], &[0, 1]);
        assert!(people(&lone).iter().all(|(n, _)| n != "Katie"), "{lone:?}");
        // another person of the surname, with a given name of her own, stays apart
        let names: Vec<String> = people(&entities).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names.len(), 3, "{names:?}");
    }

    #[test]
    fn a_lone_given_name_joins_the_one_person_who_bears_it() {
        let docs = vec![
            with("a", &[(EntityKind::Person, "Craig Zadan"), (EntityKind::Person, "Neil Meron")]),
            with("b", &[(EntityKind::Person, "Craig"), (EntityKind::Person, "Neil")]),
            with("c", &[(EntityKind::Person, "Kate Winslet"), (EntityKind::Person, "Kate Hudson")]),
            with("d", &[(EntityKind::Person, "Kate")]),
            with("e", &[(EntityKind::Person, "Douglas Hurd"), (EntityKind::Organization, "McDonnell Douglas")]),
            with("f", &[(EntityKind::Person, "Douglas")]),
            // a given name no list knows
            with("g", &[(EntityKind::Person, "Chela Ortiz")]),
            with("h", &[(EntityKind::Person, "Chela")]),
        ];
        let entities = link_entities(&docs, &[0, 1, 2, 3, 4, 5, 6, 7]);
        let names: Vec<String> = people(&entities).into_iter().map(|(n, _)| n).collect();
        // two Kates: the lone "Kate" stays apart; so does a "Douglas" a company is named after
        assert_eq!(
            names,
            vec![
                "Chela Ortiz",
                "Craig Zadan",
                "Douglas",
                "Douglas Hurd",
                "Kate",
                "Kate Hudson",
                "Kate Winslet",
                "Neil Meron"
            ]
        );
    }

    #[test]
    fn spellings_join_and_namesakes_stay_apart_across_articles() {
        let docs = vec![
            doc("a", "Ukrainian President Volodymyr Zelenskyy met Hillary Clinton. Russian Foreign Minister Sergey Lavrov said no."),
            doc("b", "Volodymyr Zelensky thanked Bill Clinton. Sergei Lavrov disagreed, and Zelenskiy left."),
            doc("c", "Donald Trump phoned Polish Prime Minister Donald Tusk. Clinton said nothing."),
        ];
        let entities = link_entities(&docs, &[0, 1, 2]);
        let names: Vec<String> = people(&entities).into_iter().map(|(n, _)| n).collect();
        assert_eq!(
            names,
            vec![
                "Bill Clinton",
                "Clinton",
                "Donald Trump",
                "Donald Tusk",
                "Hillary Clinton",
                "Sergey Lavrov",
                "Volodymyr Zelenskyy"
            ]
        );
        let zelensky = people(&entities).into_iter().find(|(n, _)| n == "Volodymyr Zelenskyy").expect("Zelenskyy");
        assert!(zelensky.1.contains(&"Zelensky".to_string()) || zelensky.1.contains(&"Volodymyr Zelensky".to_string()));
        assert!(zelensky.1.contains(&"Zelenskiy".to_string()));
    }

    #[test]
    fn people_come_most_mentioned_first_and_the_brief_lists_them_so() {
        let analysis = crate::testdata::examples();
        for story in &analysis.stories {
            let mentions = |i: usize| -> usize {
                story.entities[i]
                    .members
                    .iter()
                    .map(|&(d, e)| analysis.docs[d].mentions.iter().filter(|m| m.entity == e).count())
                    .sum()
            };
            let persons = story.entities.iter().filter(|e| e.kind == EntityKind::Person).count();
            assert_eq!(story.people.len(), persons);
            for pair in story.people.windows(2) {
                let (a, b) = (mentions(pair[0]), mentions(pair[1]));
                assert!(a > b || a == b && pair[0] < pair[1], "{pair:?}: {a} then {b} mentions");
            }
            let brief = crate::brief::story_brief(analysis, story);
            let whos_who: Vec<&str> = brief
                .split("## Who's who")
                .nth(1)
                .unwrap_or_default()
                .lines()
                .skip(1)
                .take_while(|l| !l.starts_with("## "))
                .filter_map(|l| l.strip_prefix("- **").and_then(|l| l.split("**").next()))
                .collect();
            let names: Vec<&str> = story.people.iter().map(|&i| story.entities[i].name.as_str()).collect();
            assert_eq!(whos_who, names);
        }
    }
}

#[cfg(test)]
mod readable_key_tests {
    use super::readable_key;

    #[test]
    fn ids_read_as_the_name() {
        for (name, key) in [
            ("Jack Ketsoyan", "jack-ketsoyan"),
            ("Matthew O'Connor", "matthew-oconnor"),
            ("P.J. Carlesimo", "pj-carlesimo"),
            ("Volodymyr Zelensky", "volodymyr-zelensky"),
            ("Élysée Palace", "elysee-palace"),
            ("Abdullah Al-Amin", "abdullah-al-amin"),
            ("  ", ""),
        ] {
            assert_eq!(readable_key(name), key, "{name}");
        }
    }
}
