//! Unit tests of the quotes stage, on small hand-written articles.

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

/// The quote texts with their speaker spans, for speakers that are not entities.
fn spans(d: &Doc) -> Vec<(String, Option<String>)> {
    d.quotes.iter().map(|q| (d.slice(q.span).to_string(), q.speaker_span.map(|s| d.slice(s).to_string()))).collect()
}

#[test]
fn attribution_inserted_before_its_that_clause_reports_both_parts() {
    let d = doc(
        "The smog had become so bad, Mr. Novak noted, that the city closed its schools.",
        &[("Anna Novak", &["Novak"])],
    );
    assert_eq!(
        texts(&d),
        vec![(
            "The smog had become so bad, Mr. Novak noted, that the city closed its schools".into(),
            QuoteKind::Indirect,
            Some("Anna Novak".into())
        )]
    );
}

#[test]
fn inserted_attribution_before_a_subordinate_clause_keeps_the_sentence() {
    let d = doc(
        "The levy has hurt small farms, Novak said, since most of them sell at a loss.",
        &[("Anna Novak", &["Novak"])],
    );
    assert_eq!(
        texts(&d),
        vec![(
            "The levy has hurt small farms, Novak said, since most of them sell at a loss".into(),
            QuoteKind::Indirect,
            Some("Anna Novak".into())
        )]
    );
}

#[test]
fn raising_verb_before_the_cue_keeps_the_subject() {
    let d = doc("Novak appeared to suggest that the port would close in March.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(
        texts(&d),
        vec![("the port would close in March".into(), QuoteKind::Indirect, Some("Anna Novak".into()))]
    );
}

#[test]
fn said_before_a_quantity_reports_the_clause() {
    let d = doc("Novak has said about 20 people have applied for the post.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(
        texts(&d),
        vec![("about 20 people have applied for the post".into(), QuoteKind::Indirect, Some("Anna Novak".into()))]
    );
}

#[test]
fn cue_in_a_fronted_subordinate_clause_reports_only_that_clause() {
    let d =
        doc("When Novak noted that the mill paid no tax, the owner boasted about it.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(texts(&d), vec![("the mill paid no tax".into(), QuoteKind::Indirect, Some("Anna Novak".into()))]);
}

#[test]
fn a_second_attribution_after_a_comma_and_clause_ends_the_first() {
    let d = doc(
        "Novak said the fund would close, and when pressed on why, the 34-year-old said the money had run out.",
        &[("Anna Novak", &["Novak"])],
    );
    assert_eq!(
        spans(&d),
        vec![
            ("the fund would close".into(), Some("Novak".into())),
            ("the money had run out".into(), Some("the 34-year-old".into())),
        ]
    );
}

#[test]
fn a_writers_negated_predicate_is_not_reported() {
    let d = doc("Novak announced in May she would resign, but did not give a reason.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(texts(&d), vec![("she would resign".into(), QuoteKind::Indirect, Some("Anna Novak".into()))]);
}

#[test]
fn a_family_is_a_speaker_not_an_adverb() {
    // the whole subject, not the nearest noun (issue 16)
    let d = doc("The driver had been speeding, lawyers for the family said.", &[]);
    assert_eq!(spans(&d), vec![("The driver had been speeding".into(), Some("lawyers for the family".into()))]);
}

#[test]
fn straight_mark_reopening_after_a_full_stop_starts_a_new_quote() {
    // paragraphs of one quote joined in the source: `… Empire. "The problems …`
    let d = doc(
        "The memo said: \"We want the old order back. \"The problems can only be solved globally.\" Novak said the memo was old.",
        &[("Anna Novak", &["Novak"])],
    );
    let got = spans(&d);
    assert!(got.iter().any(|(t, _)| t == "We want the old order back"), "{got:?}");
    assert!(got.iter().any(|(t, _)| t == "The problems can only be solved globally"), "{got:?}");
    assert!(got.iter().any(|(t, _)| t == "the memo was old"), "{got:?}");
}

#[test]
fn a_programme_title_in_quotation_marks_is_not_a_quote() {
    let d = doc("Novak told Fox News’ “Fox and Friends” that the port would close.", &[("Anna Novak", &["Novak"])]);
    let got = spans(&d);
    assert!(!got.iter().any(|(t, _)| t == "Fox and Friends"), "{got:?}");
    // a nickname after a speech cue stays a quote
    let d = doc("Novak called her “Miss Piggy” in a speech.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(texts(&d), vec![("Miss Piggy".into(), QuoteKind::Partial, Some("Anna Novak".into()))]);
}

#[test]
fn a_participle_after_a_comma_takes_the_sentence_subject() {
    let d = doc("Central European leaders have embraced the plan, warning that the exit will sap their defences.", &[]);
    assert_eq!(spans(&d), vec![("the exit will sap their defences".into(), Some("Central European leaders".into()))]);
}

#[test]
fn a_participle_after_a_preposition_reports_speech() {
    let d = doc(
        "Novak refused to name a successor, aside from saying she wants a diverse board.",
        &[("Anna Novak", &["Novak"])],
    );
    assert_eq!(texts(&d), vec![("she wants a diverse board".into(), QuoteKind::Indirect, Some("Anna Novak".into()))]);
}

#[test]
fn a_noun_after_a_possessive_is_not_a_cue() {
    let d = doc("Novak repeated his call to ban all imports from the region.", &[("Anna Novak", &["Novak"])]);
    assert!(d.quotes.is_empty(), "{:?}", spans(&d));
}

#[test]
fn transcript_labels_name_the_speaker() {
    let d = doc(
        "Partial transcript as follows:\n\n\"RAMOS: Secretary Clinton, did you mislead them?\n\n\"CLINTON: I certainly did not mislead anyone.\"",
        &[("Hillary Clinton", &["Clinton"])],
    );
    let got = spans(&d);
    assert!(got.contains(&("Secretary Clinton, did you mislead them?".into(), Some("RAMOS".into()))), "{got:?}");
    assert!(got.contains(&("I certainly did not mislead anyone".into(), Some("CLINTON".into()))), "{got:?}");
    assert_eq!(d.quotes.last().and_then(|q| q.speaker_entity), Some(0));
}

#[test]
fn a_quote_paragraph_continues_the_speaker_reported_just_before() {
    let d = doc(
        "Novak said the port would reopen in March.\n\n“We have waited long enough.”\n\nThe council meets on Friday.",
        &[("Anna Novak", &["Novak"])],
    );
    assert_eq!(
        texts(&d),
        vec![
            ("the port would reopen in March".into(), QuoteKind::Indirect, Some("Anna Novak".into())),
            ("We have waited long enough".into(), QuoteKind::Direct, Some("Anna Novak".into())),
        ]
    );
}

#[test]
fn an_answer_does_not_continue_the_interviewers_question() {
    let d =
        doc("“Will you run again?” Novak asked.\n\n“I’m not sure anyone knows yet.”", &[("Anna Novak", &["Novak"])]);
    let answer = d.quotes.iter().find(|q| d.slice(q.span).starts_with("I’m not sure"));
    assert!(answer.is_some_and(|q| q.speaker_entity.is_none()), "{:?}", texts(&d));
}

#[test]
fn a_paragraph_ending_in_a_colon_introduces_the_quote_after_it() {
    let d = doc(
        "As Novak reported after the raid on the warehouse in the harbour district:\n\n“The evidence was never examined.”",
        &[("Anna Novak", &["Novak"])],
    );
    assert_eq!(
        texts(&d),
        vec![("The evidence was never examined".into(), QuoteKind::Direct, Some("Anna Novak".into()))]
    );
}

#[test]
fn a_participle_with_a_short_phrase_before_the_quote_takes_the_sentence_subject() {
    let d = doc(
        "Jeb Bush answered the mogul, tweeting at him, “you are a liar and a whiner.”",
        &[("Jeb Bush", &["Jeb Bush"])],
    );
    assert_eq!(texts(&d), vec![("you are a liar and a whiner".into(), QuoteKind::Partial, Some("Jeb Bush".into()))]);
}

#[test]
fn a_titled_name_opening_the_sentence_is_its_subject() {
    let d = doc(
        "President Barack Obama released a statement condemning “what appears to be a horrific attack.”",
        &[("Barack Obama", &["Barack Obama"])],
    );
    assert_eq!(
        texts(&d),
        vec![("what appears to be a horrific attack".into(), QuoteKind::Partial, Some("Barack Obama".into()))]
    );
}

#[test]
fn calls_names_a_quoted_label_but_is_otherwise_a_noun() {
    let d = doc("Novak calls the plan a “fantasy” for the region.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(texts(&d), vec![("fantasy".into(), QuoteKind::Partial, Some("Anna Novak".into()))]);
    let d = doc("Users can make cheap calls to ordinary phone numbers, the company said.", &[]);
    assert_eq!(
        spans(&d),
        vec![("Users can make cheap calls to ordinary phone numbers".into(), Some("the company".into()))]
    );
}

#[test]
fn plain_reported_speech_patterns() {
    let d = doc("The party says 34,570 citizens living abroad cast votes by mail.", &[]);
    assert_eq!(spans(&d), vec![("34,570 citizens living abroad cast votes by mail".into(), Some("The party".into()))]);
    let d = doc("Novak said if elected she would cut the levy.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(
        texts(&d),
        vec![("if elected she would cut the levy".into(), QuoteKind::Indirect, Some("Anna Novak".into()))]
    );
    let d = doc("To win the seat, candidates probably need about 40 percent of the vote, analysts say.", &[]);
    assert_eq!(
        spans(&d),
        vec![(
            "To win the seat, candidates probably need about 40 percent of the vote".into(),
            Some("analysts".into())
        )]
    );
    // a fronted phrase alone is not reported
    let d = doc("Campaigning against the mayor in 2012, Novak said little.", &[("Anna Novak", &["Novak"])]);
    assert!(d.quotes.is_empty(), "{:?}", spans(&d));
}

#[test]
fn a_name_with_an_age_and_a_role_before_the_cue_is_the_speaker() {
    let d = doc(
        "Marta Lind, 21, a student from Oslo, said she voted for the first time.",
        &[("Marta Lind", &["Marta Lind"])],
    );
    assert_eq!(
        texts(&d),
        vec![("she voted for the first time".into(), QuoteKind::Indirect, Some("Marta Lind".into()))]
    );
}

#[test]
fn mixed_speech_keeps_the_marks_of_its_fragment_and_stops_at_the_writers_but() {
    let d = doc(
        "Novak told reporters this week’s vote “will be close” but did not elaborate.",
        &[("Anna Novak", &["Novak"])],
    );
    let got = spans(&d);
    assert!(got.contains(&("this week’s vote “will be close”".into(), Some("Novak".into()))), "{got:?}");
    let mixed = d.quotes.iter().find(|q| q.kind == QuoteKind::Indirect).expect("indirect");
    assert!(d.is_mixed(mixed));
}

#[test]
fn told_a_named_programme_reports_the_clause_after_it() {
    let d = doc("Novak told BBC Radio 4's Today programme the port would reopen.", &[("Anna Novak", &["Novak"])]);
    assert_eq!(texts(&d), vec![("the port would reopen".into(), QuoteKind::Indirect, Some("Anna Novak".into()))]);
    let d = doc("“We are ready,” the newspaper quoted Anna Novak as saying.", &[("Anna Novak", &["Anna Novak"])]);
    assert_eq!(texts(&d), vec![("We are ready".into(), QuoteKind::Direct, Some("Anna Novak".into()))]);
}

#[test]
fn an_analyst_with_an_unclosed_role_is_the_speaker_not_the_firm() {
    let d = doc(
        "“There is a whiff of a sweetener in there,” Anna Novak, an analyst at Nomura told the BBC.",
        &[("Anna Novak", &["Anna Novak"])],
    );
    assert_eq!(
        texts(&d),
        vec![("There is a whiff of a sweetener in there".into(), QuoteKind::Direct, Some("Anna Novak".into()))]
    );
}

#[test]
fn a_clause_after_the_quote_is_not_its_attribution() {
    let d = doc(
        "Novak said, “We will build the wall” - at which point the crowd chanted loudly.",
        &[("Anna Novak", &["Novak"])],
    );
    let got = spans(&d);
    assert!(got.contains(&("We will build the wall".into(), Some("Novak".into()))), "{got:?}");
}

#[test]
fn a_passive_naming_verb_names_no_speaker() {
    let d = doc("The server handled messages later deemed “top secret” by the agency.", &[]);
    assert!(
        d.quotes.iter().all(|q| q.speaker_span.is_none_or(|s| d.slice(s) != "handled messages")),
        "{:?}",
        spans(&d)
    );
}

#[test]
fn a_name_before_a_colon_introduces_the_quote() {
    let d = doc("Anna Novak: “I am sick of waiting for the council.”", &[("Anna Novak", &["Anna Novak"])]);
    assert_eq!(
        texts(&d),
        vec![("I am sick of waiting for the council".into(), QuoteKind::Direct, Some("Anna Novak".into()))]
    );
}

#[test]
fn a_quote_after_reported_speech_in_its_paragraph_continues_the_speaker() {
    let d = doc(
        "Novak said the council had made progress. “I really believe the mayor deserves support.”",
        &[("Anna Novak", &["Novak"])],
    );
    let direct = d.quotes.iter().find(|q| q.kind == QuoteKind::Direct).expect("direct");
    assert_eq!(direct.speaker_entity, Some(0));
}

#[test]
fn a_capitalised_cue_word_inside_a_name_is_not_a_cue() {
    let d = doc("“It is a sad song,” Mike Read said.", &[("Mike Read", &["Mike Read"])]);
    assert_eq!(texts(&d), vec![("It is a sad song".into(), QuoteKind::Direct, Some("Mike Read".into()))]);
}

#[test]
fn the_subject_of_a_clause_ending_in_a_colon_introduces_the_quote() {
    let d = doc(
        "Novak also played up her strength in a general election: “Who gives us the best chance to win?”",
        &[("Anna Novak", &["Novak"])],
    );
    assert_eq!(
        texts(&d),
        vec![("Who gives us the best chance to win?".into(), QuoteKind::Direct, Some("Anna Novak".into()))]
    );
}

#[test]
fn passive_and_reduced_relative_attributions() {
    let d = doc("Anna Novak was quoted as saying the port would reopen in May.", &[("Anna Novak", &["Anna Novak"])]);
    assert_eq!(
        texts(&d),
        vec![("the port would reopen in May".into(), QuoteKind::Indirect, Some("Anna Novak".into()))]
    );
    let d = doc("A letter sent to the board says the plan would cost 500 jobs.", &[]);
    assert_eq!(spans(&d), vec![("the plan would cost 500 jobs".into(), Some("A letter sent to the board".into()))]);
}

#[test]
fn a_direct_quotes_attribution_reports_nothing_more() {
    let d = doc(
        "“All their concerns will be heard,” Novak told reporters in Brussels, where she met the allies.",
        &[("Anna Novak", &["Novak"])],
    );
    assert_eq!(
        texts(&d),
        vec![("All their concerns will be heard".into(), QuoteKind::Direct, Some("Anna Novak".into()))]
    );
    let d = doc("France called an emergency meeting of European leaders in Paris.", &[]);
    assert!(d.quotes.is_empty(), "{:?}", spans(&d));
    let d =
        doc("The two sides will meet in Riyadh, officials said on Monday, in what would be their first talks.", &[]);
    assert_eq!(spans(&d), vec![("The two sides will meet in Riyadh".into(), Some("officials".into()))]);
}

#[test]
fn a_source_backing_an_attribution_is_not_reported_speech_of_its_own() {
    let d = doc(
        "The news agency, quoting Peskov, reported that the talks will focus on trade.",
        &[("Dmitry Peskov", &["Peskov"])],
    );
    // the words are Peskov's: the agency only passes them on
    assert_eq!(spans(&d), vec![("the talks will focus on trade".into(), Some("Peskov".into()))]);
    let d = doc("Following reports that the mayor could resign, the council met on Friday.", &[]);
    assert!(d.quotes.is_empty(), "{:?}", spans(&d));
}

/// Regression (issue 11): a one-line article whose reported statement runs to the last token
/// made the quotes stage index past the end of the tokens.
#[test]
fn one_line_accusation_ending_in_a_comma() {
    let d = doc("Smith accused the minister of lying about the deal,", &[("John Smith", &["Smith"])]);
    assert!(d.quotes.iter().all(|q| q.span.end <= d.text.len()));
}

/// Random sequences of quotation marks, punctuation, cue words, names and function words (a
/// fixed pseudo-random sequence, so the test is deterministic): the stage never panics.
#[test]
fn never_panics_on_random_token_soup() {
    let pieces = [
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        ",",
        ".",
        ":",
        ";",
        "(",
        ")",
        "—",
        "\n\n",
        "said",
        "Smith",
        "he",
        "told",
        "according",
        "to",
        "that",
        "the",
        "a",
        "of",
        "and",
        "but",
        "calls",
        "called",
        "warned",
        "is",
        "was",
        "adding",
        "which",
        "who",
        "CLINTON:",
        "He’s",
        "claiming",
        "quoted",
        "as",
        "saying",
        "by",
        "on",
        "Monday",
        "in",
        "statement",
        "said.",
        "says",
        "cited",
        "accused",
        "When",
        "she",
        "Too",
        "often",
        "sources",
        "one",
        "diplomat",
        "x",
        "declined",
        "did",
        "not",
        "’s",
        "appeared",
        "suggest",
        "Health",
        "Experts",
        "Say",
        "following",
        "comment",
    ];
    let mut state: u64 = 0x1234_5678;
    let mut next = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut quotes = 0;
    for _ in 0..20_000 {
        let count = 1 + next() % 30;
        let mut text = String::new();
        for _ in 0..count {
            text.push_str(pieces[next() % pieces.len()]);
            if next() % 3 > 0 {
                text.push(' ');
            }
        }
        quotes += doc(&text, &[("John Smith", &["Smith"])]).quotes.len();
    }
    // the soup does hold quotes, so the rules past the regions are exercised too
    assert!(quotes > 1000, "{quotes}");
}

/// The token accessors are total: reads past the last token are empty, not a panic.
#[test]
fn token_accessors_past_the_end_read_as_nothing() {
    let d = doc("“We are ready,” Smith said.", &[("John Smith", &["Smith"])]);
    let finder = Finder::new(&d);
    let past = d.tokens.len() + 3;
    assert_eq!(finder.tok(past), "");
    assert!(!finder.is_word(past));
    assert!(!finder.quoted(past));
    assert_eq!(finder.kind_at(past), None);
    assert!(finder.span_at(past).is_empty());
    assert!(finder.mention_at(past).is_none());
    assert!(!finder.comma_before(past, 0));
    assert!(!finder.cue_at(past));
    assert!(!finder.ly_adverb(past));
    assert_eq!(finder.separator_before(past, d.tokens.len(), &[","]), None);
}

/// Sentence lookups past the end are total too.
#[test]
fn sentence_lookups_past_the_end_are_empty() {
    let d = doc("Smith said it.", &[("John Smith", &["Smith"])]);
    let finder = Finder::new(&d);
    assert_eq!(finder.sentence_of(d.tokens.len() + 5), d.sentences.len() - 1);
    assert_eq!(finder.sentence_range(d.sentences.len() + 1), 0..0);
}
