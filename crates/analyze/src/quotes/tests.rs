use super::*;
use crate::segment::segment;
use parallax_doc::{Entity, EntityKind, MentionKind};

/// A segmented doc with one person entity per `(name, forms)`; every occurrence of each form
/// becomes a mention.
fn doc(text: &str, people: &[(&str, &[&str])]) -> Doc {
    let mut d = Doc::new("t", text.to_string());
    segment(&mut d);
    for (id, (name, forms)) in people.iter().enumerate() {
        d.entities.push(Entity { id, kind: EntityKind::Person, name: name.to_string(), roles: vec![], gender: None });
        for form in forms.iter() {
            for (at, _) in text.match_indices(form) {
                let span = Span::new(at, at + form.len());
                if !d.mentions.iter().any(|m| m.span.overlaps(span)) {
                    d.mentions.push(Mention { span, entity: id, kind: MentionKind::Name });
                }
            }
        }
    }
    d.mentions.sort_by_key(|m| m.span.start);
    find_quotes(&mut d);
    d
}

fn texts(d: &Doc) -> Vec<(String, QuoteKind, Option<String>)> {
    d.quotes
        .iter()
        .map(|q| (d.slice(q.span).to_string(), q.kind, q.speaker_entity.map(|e| d.entities[e].name.clone())))
        .collect()
}

#[test]
fn direct_quote_with_attribution_after() {
    let d = doc("“We are ready,” Smith said.", &[("John Smith", &["Smith"])]);
    assert_eq!(texts(&d), vec![("We are ready".into(), QuoteKind::Direct, Some("John Smith".into()))]);
    assert_eq!(d.slice(d.quotes[0].cue.unwrap()), "said");
}

#[test]
fn nothing_on_empty_or_markless_text() {
    assert!(doc("", &[]).quotes.is_empty());
    assert!(doc("Nothing was said here.", &[]).quotes.is_empty());
}

#[test]
fn never_panics_on_stray_marks() {
    for text in [
        "“",
        "”",
        "\"",
        "'",
        "‘’",
        "“”",
        "He said “",
        "” he said",
        "a ’ b ‘ c",
        "“a “b” c",
        "\"\"\"",
        "x, said",
        ", said ”",
    ] {
        let _ = doc(text, &[]);
    }
}

#[test]
fn progressive_participle_takes_its_subject() {
    let d = doc(
        "The mayor’s physician is calling Ms Ortiz “remarkably robust.” She’s claiming the budget is “in ruins.”",
        &[],
    );
    let got: Vec<(String, Option<String>)> = d
        .quotes
        .iter()
        .map(|q| (d.slice(q.span).to_string(), q.speaker_span.map(|s| d.slice(s).to_string())))
        .collect();
    assert!(got.contains(&("remarkably robust".into(), Some("The mayor’s physician".into()))), "{got:?}");
    assert!(got.contains(&("in ruins".into(), Some("She".into()))), "{got:?}");
}

#[test]
fn likening_verb_attributes_a_quoted_label() {
    let d = doc("Okafor likened the new tax to “a slow poison” for small shops.", &[("Ada Okafor", &["Okafor"])]);
    assert_eq!(texts(&d), vec![("a slow poison".into(), QuoteKind::Partial, Some("Ada Okafor".into()))]);
}

#[test]
fn attribution_inserted_after_a_fronted_phrase_reports_the_sentence() {
    let d = doc("Too often, Novak said, the debate over the budget is shaped by fear.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(
        texts(&d),
        vec![(
            "Too often, Novak said, the debate over the budget is shaped by fear".into(),
            QuoteKind::Indirect,
            Some("Anna Novak".into())
        )]
    );
}

#[test]
fn relative_clause_on_a_named_antecedent_gives_the_speaker() {
    let d = doc(
        "The plan was backed by Lena Ortiz, who argued that the changes would help small firms.",
        &[("Lena Ortiz", &["Lena Ortiz"])],
    );
    assert_eq!(
        texts(&d),
        vec![("the changes would help small firms".into(), QuoteKind::Indirect, Some("Lena Ortiz".into()))]
    );
}
