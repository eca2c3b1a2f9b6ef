//! The entity stage over `tests/cases/entities.txt`: titles, appositions, same-surname people,
//! pronouns, written from other news. Expectations (see `tests/cases/README.md`):
//!
//! - `entity: KIND NAME` / `no-entity: KIND NAME`: there is (is no) entity of that kind (`PER`,
//!   `ORG`, `LOC`, `GRP`) and name (or a name that matches, `..."Warns"`);
//! - `people: NAME, …` or `people: none`: the names of all people, sorted;
//! - `roles: NAME = "ROLE", …`: the roles of the entity NAME, in order; `role: NAME = "ROLE"`: one
//!   of them;
//! - `gender: NAME = m|f|none`;
//! - `refers: "WORDS" -> NAME|none`: the first occurrence of WORDS is a mention of NAME (of no
//!   entity);
//! - `mentions (KIND): "TEXT", …`: the mentions of that kind (`name`, `nominal`, `pronoun`), in
//!   order.
//!
//! Print what the stage finds in a text: `cargo run -p parallax-analyze --example dump -- FILE`.

mod common;

use common::{quoted, Case, Failure, Matcher};
use parallax_doc::{Doc, Entity, EntityKind, MentionKind, Span, Stage};

/// The one place this harness calls the library: segments `text` and tags its entities.
fn tag_entities(text: &str) -> Doc {
    let mut doc = Doc::new("case", text.to_string());
    parallax_analyze::segment::segment(&mut doc);
    parallax_analyze::entities::EntityTagger.run(&mut doc);
    doc
}

/// The short label of a kind, as the case file writes it.
fn label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Organization => "ORG",
        EntityKind::Location => "LOC",
        EntityKind::Group => "GRP",
        EntityKind::Misc => "MISC",
    }
}

/// The sorted names of the people.
fn people(doc: &Doc) -> Vec<&str> {
    let mut names: Vec<&str> =
        doc.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
    names.sort();
    names
}

/// Every entity as `KIND NAME`, for messages.
fn listed(doc: &Doc) -> Vec<String> {
    doc.entities.iter().map(|e| format!("{} {}", label(e.kind), e.name)).collect()
}

/// The entity called `name`.
fn entity<'a>(doc: &'a Doc, name: &str) -> Result<&'a Entity, String> {
    doc.entities.iter().find(|e| e.name == name).ok_or_else(|| format!("no entity {name}; entities: {:?}", listed(doc)))
}

/// Splits `NAME = REST`.
fn name_and_rest(value: &str) -> Result<(&str, &str), String> {
    value.split_once(" = ").map(|(n, r)| (n.trim(), r.trim())).ok_or_else(|| "expected `NAME = …`".to_string())
}

/// True when there is an entity `KIND NAME`.
fn has_entity(doc: &Doc, value: &str) -> Result<bool, String> {
    let (kind, name) = value.split_once(' ').ok_or("expected `KIND NAME`")?;
    if !["PER", "ORG", "LOC", "GRP"].contains(&kind) {
        return Err(format!("unknown kind {kind} (PER, ORG, LOC, GRP)"));
    }
    let name = name.trim();
    let matcher = match name.starts_with('"') || name.starts_with("...") {
        true => Matcher::parse(name)?.0,
        false => Matcher::Is(name.to_string()),
    };
    Ok(doc.entities.iter().any(|e| label(e.kind) == kind && matcher.matches(&e.name)))
}

/// Checks one expectation line.
fn check_line(doc: &Doc, key: &str, value: &str) -> Result<(), String> {
    match key {
        "entity" => match has_entity(doc, value)? {
            true => Ok(()),
            false => Err(format!("no entity {value}; entities: {:?}", listed(doc))),
        },
        "no-entity" => match has_entity(doc, value)? {
            true => Err(format!("want no entity {value}; entities: {:?}", listed(doc))),
            false => Ok(()),
        },
        "people" => {
            let want: Vec<&str> = if value == "none" { vec![] } else { value.split(", ").map(str::trim).collect() };
            match people(doc) == want {
                true => Ok(()),
                false => Err(format!("want people {want:?}, got {:?}", people(doc))),
            }
        }
        "roles" | "role" => {
            let (name, rest) = name_and_rest(value)?;
            let roles: Vec<&str> = entity(doc, name)?.roles.iter().map(|r| r.text.as_str()).collect();
            let want = Matcher::parse_list(rest)?;
            let fits = match key {
                "roles" => want.len() == roles.len() && want.iter().zip(&roles).all(|(m, r)| m.matches(r)),
                _ => want.len() == 1 && roles.iter().any(|r| want[0].matches(r)),
            };
            match fits {
                true => Ok(()),
                false => Err(format!("want {key} {rest} of {name}, got {roles:?}")),
            }
        }
        "gender" => {
            let (name, rest) = name_and_rest(value)?;
            let got = entity(doc, name)?.gender.map_or("none".to_string(), |g| g.to_string());
            match got == rest {
                true => Ok(()),
                false => Err(format!("want gender {rest} for {name}, got {got}")),
            }
        }
        "refers" => {
            let (words, rest) = quoted(value)?;
            let want = rest.trim().strip_prefix("->").ok_or("expected `-> NAME`")?.trim();
            let start = doc.text.find(&words).ok_or_else(|| format!("{words:?} is not in the text"))?;
            let span = Span::new(start, start + words.len());
            let got = doc.entity_at(span).map_or("none", |e| doc.entities[e].name.as_str());
            match got == want {
                true => Ok(()),
                false => Err(format!("{words:?}: want {want}, got {got}")),
            }
        }
        key if key.starts_with("mentions") => {
            let kind = match key.strip_prefix("mentions").map(str::trim) {
                Some("(name)") => MentionKind::Name,
                Some("(nominal)") => MentionKind::Nominal,
                Some("(pronoun)") => MentionKind::Pronoun,
                _ => return Err(format!("expected `mentions (name|nominal|pronoun):`, got `{key}:`")),
            };
            let got: Vec<&str> = doc.mentions.iter().filter(|m| m.kind == kind).map(|m| doc.slice(m.span)).collect();
            let want = if value == "none" { vec![] } else { Matcher::parse_list(value)? };
            match want.len() == got.len() && want.iter().zip(&got).all(|(m, g)| m.matches(g)) {
                true => Ok(()),
                false => Err(format!("want {key}: {value}, got {got:?}")),
            }
        }
        key => Err(format!(
            "unknown expectation `{key}:` (entity, no-entity, people, roles, role, gender, refers, mentions)"
        )),
    }
}

/// Checks every expectation of one case.
fn check(case: &Case) -> Vec<Failure> {
    let doc = tag_entities(&case.text);
    case.lines
        .iter()
        .filter_map(|line| check_line(&doc, &line.key, &line.value).err().map(|message| (line.number, message)))
        .collect()
}

#[test]
fn cases() {
    common::check_all("entities", check);
}

/// Wrong expectations fail, each on its own line: the harness cannot pass on anything.
#[test]
fn wrong_expectations_fail() {
    let lines = common::failing_lines(
        "text: Maria Lopez met John Carter in Madrid. She said the deal was done.\n\
         refers: \"She\" -> John Carter\npeople: Maria Lopez\ngender: Maria Lopez = m\n\
         entity: LOC Maria Lopez\nno-entity: PER John Carter\nroles: Maria Lopez = \"mayor\"\n\
         mentions (pronoun): none\n",
        check,
    );
    assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8]);
}
