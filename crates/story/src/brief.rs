//! The Markdown brief of a story: summary, who's who, who said what, timeline, how outlets differ.
//!
//! The brief renders facts the story layer computed ([`Story::headline`], [`Story::comparison`],
//! ...); it computes none of its own, so it says what the JSON report says.

use std::fmt::Write;

use parallax_doc::{EntityKind, EventStatus, Provenance};

use crate::{Analysis, Story};

/// What an empty section of the brief says, so an empty heading is not mistaken for a gap.
const NONE: &str = "_None found._";
/// How many organisations, and how many places, the who's who lists.
const WHOS_WHO_GROUP: usize = 12;

/// The Markdown brief of one story.
pub fn story_brief(analysis: &Analysis, story: &Story) -> String {
    let docs = &analysis.docs;
    // citations: [n] per article, in story order
    let cite = |d: usize| story.articles.iter().position(|&a| a == d).map_or(String::new(), |i| format!("[{}]", i + 1));
    let cites = |ds: &mut dyn Iterator<Item = usize>| {
        let mut v: Vec<usize> = ds.collect();
        v.sort_unstable();
        v.dedup();
        v.into_iter().map(cite).collect::<Vec<_>>().join("")
    };
    let outlet = |d: usize| story.outlet_of(d).unwrap_or("unknown outlet");
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", story.headline);
    let _ = writeln!(out, "_{} article(s)._\n", story.articles.len());

    let _ = writeln!(out, "## Summary\n");
    for s in &story.summary {
        let doc = &docs[s.article];
        let text = doc.sentences.get(s.sentence).map_or("", |x| doc.slice(x.span));
        let _ = writeln!(out, "- {} {}", text, cites(&mut s.sources.iter().copied()));
    }

    let _ = writeln!(out, "\n## Who's who\n");
    for e in story.people.iter().filter_map(|&i| story.entities.get(i)) {
        let roles: Vec<String> =
            e.roles.iter().map(|r| format!("{} {}", r.role, cites(&mut r.articles.iter().copied()))).collect();
        let roles = if roles.is_empty() { String::new() } else { format!(": {}", roles.join("; ")) };
        let _ = writeln!(out, "- **{}**{} — in {}", e.name, roles, cites(&mut e.articles().into_iter()));
    }
    // organisations and places, grouped: the most widely named first
    for (kind, label) in [(EntityKind::Organization, "Organisations"), (EntityKind::Location, "Places")] {
        let mut named: Vec<&crate::identity::StoryEntity> = story.entities.iter().filter(|e| e.kind == kind).collect();
        named.sort_by_key(|e| (std::cmp::Reverse(e.articles().len()), e.name.clone()));
        if named.is_empty() {
            continue;
        }
        let list: Vec<String> = named
            .iter()
            .take(WHOS_WHO_GROUP)
            .map(|e| format!("{} {}", e.name, cites(&mut e.articles().into_iter())))
            .collect();
        let more = named.len().saturating_sub(WHOS_WHO_GROUP);
        let more = if more > 0 { format!("; and {more} more") } else { String::new() };
        let _ = writeln!(out, "- _{label}_: {}{more}", list.join("; "));
    }

    let _ = writeln!(out, "\n## Who said what\n");
    if story.quoted_speakers.is_empty() {
        let _ = writeln!(out, "{NONE}\n");
    }
    for said in &story.quoted_speakers {
        let Some(speaker) = story.entities.get(said.speaker) else { continue };
        let _ = writeln!(out, "**{}**\n", speaker.name);
        for &(d, q) in &said.quotes {
            let Some(quote) = docs[d].quotes.get(q) else { continue };
            let date =
                docs[d].meta.published.as_deref().map(|p| format!(", {}", crate::text::day_of(p))).unwrap_or_default();
            let _ = writeln!(out, "- “{}” ({}{}) {}", docs[d].slice(quote.span), outlet(d), date, cite(d));
        }
        let _ = writeln!(out);
    }

    let _ = writeln!(out, "## Timeline\n");
    if !story.events.iter().any(|e| e.date.is_some()) {
        let _ = writeln!(out, "_No dated events found._");
    }
    for ev in story.events.iter().filter(|e| e.date.is_some()) {
        let who: Vec<&str> = ev.participants.iter().map(|&p| story.entities[p].name.as_str()).collect();
        let place = ev.place.as_deref().map(|p| format!(" in {p}")).unwrap_or_default();
        let planned = if ev.status == EventStatus::Planned { " (planned)" } else { "" };
        let _ = writeln!(
            out,
            "- **{}**: {}{}{}{} {}",
            ev.date.as_deref().unwrap_or("?"),
            ev.kind.as_str(),
            place,
            if who.is_empty() { String::new() } else { format!(": {}", who.join(", ")) },
            planned,
            cites(&mut ev.sources.iter().map(|s| s.0))
        );
    }

    let _ = writeln!(out, "\n## How the outlets differ\n");
    let describe = |ev: &crate::StoryEvent| {
        let who: Vec<&str> = ev.participants.iter().map(|&p| story.entities[p].name.as_str()).collect();
        format!(
            "{}{}{}{} {}",
            ev.kind.as_str(),
            ev.place.as_deref().map(|p| format!(" in {p}")).unwrap_or_default(),
            ev.date.as_deref().map(|d| format!(" on {d}")).unwrap_or_default(),
            if who.is_empty() { String::new() } else { format!(" ({})", who.join(", ")) },
            cites(&mut ev.sources.iter().map(|s| s.0))
        )
    };
    let events_at = |indices: &'_ [usize]| indices.iter().filter_map(|&i| story.events.get(i)).collect::<Vec<_>>();
    let _ = writeln!(out, "**Corroborated by several outlets**\n");
    if story.comparison.corroborated.is_empty() {
        let _ = writeln!(out, "{NONE}");
    }
    for ev in events_at(&story.comparison.corroborated) {
        let _ = writeln!(out, "- {}", describe(ev));
    }
    if story.articles.len() > 1 {
        let _ = writeln!(out, "\n**Reported by one outlet only**\n");
        if story.comparison.single_source.is_empty() {
            let _ = writeln!(out, "{NONE}");
        }
        for ev in events_at(&story.comparison.single_source) {
            let _ = writeln!(out, "- {}", describe(ev));
        }
    }
    let _ = writeln!(out, "\n**Conflicting**\n");
    if story.comparison.conflicting.is_empty() {
        let _ = writeln!(out, "{NONE}");
    }
    for c in story.comparison.conflicting.iter().filter_map(|&i| story.conflicts.get(i)) {
        let claims: Vec<String> =
            c.claims.iter().map(|(v, (d, _))| format!("{} says {} {}", outlet(*d), v, cite(*d))).collect();
        let _ = writeln!(out, "- {}: {}", c.about, claims.join("; "));
    }
    // not conflicts: figures updated by later reports, values given by different sources
    for (heading, items) in [("Updated", &story.updates), ("Attributed to different sources", &story.attributed)] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n**{heading}**\n");
        for c in items {
            let claims: Vec<String> =
                c.claims.iter().map(|(v, (d, _))| format!("{} says {} {}", outlet(*d), v, cite(*d))).collect();
            let _ = writeln!(out, "- {}: {}", c.about, claims.join("; "));
        }
    }
    if !story.aligned_quotes.is_empty() {
        let _ = writeln!(out, "\n**Quoted by several outlets**\n");
    }
    // the words of a quote without case, punctuation and spacing: what tells the same words
    let words = |d: usize, q: usize| -> String {
        let text = docs[d].slice(docs[d].quotes[q].span);
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    for g in &story.aligned_quotes {
        let speaker = &story.entities[g.speaker].name;
        let same = g.quotes.windows(2).all(|w| words(w[0].0, w[0].1) == words(w[1].0, w[1].1));
        match g.quotes.first() {
            Some(&(d, q)) if same => {
                let by: Vec<String> = g.quotes.iter().map(|&(d, _)| format!("{} {}", outlet(d), cite(d))).collect();
                let text = docs[d].slice(docs[d].quotes[q].span);
                let _ = writeln!(out, "- {speaker}: “{text}” — in the same words by {}", by.join(", "));
            }
            _ => {
                let versions: Vec<String> = g
                    .quotes
                    .iter()
                    .map(|&(d, q)| format!("“{}” ({}) {}", docs[d].slice(docs[d].quotes[q].span), outlet(d), cite(d)))
                    .collect();
                let _ = writeln!(out, "- {speaker}, in different words: {}", versions.join(" / "));
            }
        }
    }

    let _ = writeln!(out, "\n## Sources\n");
    for (i, &d) in story.articles.iter().enumerate() {
        let doc = &docs[d];
        let published = match (doc.meta.published.as_deref(), doc.meta.published_from) {
            (Some(date), Provenance::Inferred) => format!("{date}, date inferred from the story"),
            (Some(date), _) => date.to_string(),
            (None, _) => "date unknown".to_string(),
        };
        // a copy is shown as one, under the article it copies: it corroborates nothing
        let copy_of = doc
            .duplicate_of
            .as_deref()
            .and_then(|source| story.articles.iter().copied().find(|&a| docs[a].source == source))
            .map(|original| format!(" — a copy of {}, not counted as another source", cite(original)))
            .unwrap_or_default();
        let _ = writeln!(out, "{}. {} ({}, {}){copy_of}", i + 1, doc.source, outlet(d), published);
    }
    out
}

/// The brief of every story, separated by rules.
pub fn brief(analysis: &Analysis) -> String {
    analysis.stories.iter().map(|s| story_brief(analysis, s)).collect::<Vec<_>>().join("\n---\n\n")
}

/// The timeline of one story as Markdown: dated events in order, each with its sources.
pub fn timeline_markdown(analysis: &Analysis, story: &Story) -> String {
    let docs = &analysis.docs;
    let mut out = String::new();
    let _ = writeln!(out, "# Timeline: {}\n", story.headline);
    let mut last_date = None;
    for ev in story.events.iter().filter(|e| e.date.is_some()) {
        if last_date != ev.date.as_deref() {
            if last_date.is_some() {
                let _ = writeln!(out);
            }
            let _ = writeln!(out, "## {}\n", ev.date.as_deref().unwrap_or("?"));
            last_date = ev.date.as_deref();
        }
        let who: Vec<&str> = ev.participants.iter().map(|&p| story.entities[p].name.as_str()).collect();
        let place = ev.place.as_deref().map(|p| format!(" in {p}")).unwrap_or_default();
        let planned = if ev.status == EventStatus::Planned { " (planned)" } else { "" };
        let who = if who.is_empty() { String::new() } else { format!(": {}", who.join(", ")) };
        let _ = writeln!(out, "- **{}{}**{}{}", ev.kind.as_str(), place, who, planned);
        for &(d, s) in &ev.sources {
            let outlet = docs[d].meta.outlet.as_deref().unwrap_or("unknown outlet");
            let sentence = docs[d].sentences.get(s).map_or("", |x| docs[d].slice(x.span));
            let _ = writeln!(out, "  - {} ({}): {}", outlet, docs[d].source, sentence);
        }
    }
    out
}
