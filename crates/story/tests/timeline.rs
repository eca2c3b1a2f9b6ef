//! The timeline merges reports of one event only when something ties them: shared people, or,
//! when one names no one, the same place or day.

use parallax_doc::Doc;

fn article(source: &str, text: &str) -> Doc {
    let mut doc = Doc::new(source, text.to_string());
    doc.meta.published = Some("2025-02-18".into());
    parallax_analyze::analyze(&mut doc);
    doc
}

#[test]
fn an_unplaced_undated_meeting_between_two_people_is_not_the_talks_in_paris() {
    let docs = vec![
        article("a", "European leaders met in Paris on Monday to discuss Ukraine."),
        article(
            "b",
            "European leaders held emergency talks in Paris on Monday. The talks come as Washington prepares \
             a meeting between Donald Trump and Vladimir Putin.",
        ),
    ];
    let analysis = parallax_story::build_one_story(docs);
    let story = &analysis.stories[0];
    let name = |i: usize| story.entities[i].name.as_str();
    let paris: Vec<_> = story.events.iter().filter(|e| e.place.as_deref() == Some("Paris")).collect();
    assert!(!paris.is_empty(), "the Paris talks are on the timeline: {:?}", story.events);
    for event in paris {
        let people: Vec<&str> = event.participants.iter().map(|&p| name(p)).collect();
        assert!(!people.contains(&"Donald Trump") && !people.contains(&"Vladimir Putin"), "{people:?}");
    }
}
