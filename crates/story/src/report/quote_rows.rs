//! The rows of `parallax quotes`: every quote with its story-level speaker, outlet and date.

use crate::Analysis;

/// One row of the quotes table: who said what, where and when.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteRow<'a> {
    /// The speaker as a reader names it: the canonical name across the story, else the
    /// description as written ("police"), else `None` (no speaker, or an unresolved pronoun).
    pub speaker: Option<std::borrow::Cow<'a, str>>,
    /// `person`, `organization`, `description` or `none`.
    pub speaker_kind: &'static str,
    /// The speaker's story-level id.
    pub speaker_entity: Option<&'a str>,
    /// The words that name the speaker in the article ("the ministry", "he"), also when they name
    /// no known entity.
    pub speaker_text: Option<&'a str>,
    /// The quoted words.
    pub quote: &'a str,
    /// Direct, partial or indirect.
    pub kind: parallax_doc::QuoteKind,
    /// Reported speech that quotes some of its words (an indirect quote holding a partial one).
    pub mixed: bool,
    /// The cue ("said", "told").
    pub cue: Option<&'a str>,
    /// A fragment too small to show as someone's words (one word, or only function words).
    pub fragment: bool,
    /// The article's outlet.
    pub outlet: Option<&'a str>,
    /// The article's publication date.
    pub published: Option<&'a str>,
    /// The article's source.
    pub article: &'a str,
    /// Byte offsets of the quote in the article text.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
}

/// Every quote of the analysis, in article order, with story-level speaker names.
pub fn quote_rows(analysis: &Analysis) -> Vec<QuoteRow<'_>> {
    let mut story_of = vec![None; analysis.docs.len()];
    for story in &analysis.stories {
        for &d in &story.articles {
            story_of[d] = Some(story);
        }
    }
    let mut rows = Vec::new();
    for (d, doc) in analysis.docs.iter().enumerate() {
        for q in &doc.quotes {
            let story_entity =
                q.speaker_entity.and_then(|e| story_of[d].and_then(|s| s.entity_of(d, e).map(|i| &s.entities[i])));
            let named = parallax_analyze::quotes::named_speaker(doc, q);
            // one story entity: its story-level name; joint speakers and descriptions as named
            let speaker = match story_entity {
                Some(e) if named.entities.len() <= 1 => Some(std::borrow::Cow::Borrowed(e.name.as_str())),
                _ => named.name,
            };
            rows.push(QuoteRow {
                speaker,
                speaker_kind: named.kind.as_str(),
                fragment: parallax_analyze::quotes::is_fragment(doc, q),
                speaker_entity: story_entity.map(|e| e.id.as_str()),
                speaker_text: q.speaker_span.map(|s| doc.slice(s)),
                quote: doc.slice(q.span),
                kind: q.kind,
                mixed: doc.is_mixed(q),
                cue: q.cue.map(|c| doc.slice(c)),
                outlet: doc.meta.outlet.as_deref(),
                published: doc.meta.published.as_deref(),
                article: &doc.source,
                start: q.span.start,
                end: q.span.end,
            });
        }
    }
    rows
}

/// True when `name` names the speaker of `row`: its canonical name or any alias, ignoring case and
/// accents ("zelensky" finds "Volodymyr Zelenskyy").
pub fn speaker_matches(analysis: &Analysis, row: &QuoteRow<'_>, name: &str) -> bool {
    let wanted = crate::text::fold(name);
    let hit = |candidate: &str| {
        let c = crate::text::fold(candidate);
        c == wanted || c.split_whitespace().any(|w| w == wanted) || c.contains(&wanted)
    };
    if row.speaker.as_deref().is_some_and(hit) {
        return true;
    }
    let Some(id) = row.speaker_entity else { return false };
    analysis.stories.iter().flat_map(|s| &s.entities).filter(|e| e.id == id).any(|e| e.aliases.iter().any(|a| hit(a)))
}
