//! The document model of Parallax.
//!
//! One [`Doc`] per article. It owns the article's cleaned text and its metadata; every analysis
//! stage adds a *layer* to it (paragraphs, sentences, tokens, entities, quotes, times, events).
//! Every annotation is a [`Span`] of byte offsets into [`Doc::text`], so every claim Parallax
//! makes can be cited back to the words that support it, and nothing copies text it can point to.
//!
//! Stages implement [`Stage`], declaring which [`Layer`]s they require and provide; a
//! [`Pipeline`] checks at build time that every requirement is provided by an earlier stage.
//!
//! ```
//! use parallax_doc::{Doc, Span};
//! let doc = Doc::new("example.txt", "Rubio met Lavrov in Riyadh.".to_string());
//! assert_eq!(doc.slice(Span::new(0, 5)), "Rubio");
//! ```

mod diagnostics;
mod layers;
mod pipeline;
mod static_names;
mod view;

pub use diagnostics::{Diagnostic, DiagnosticKind};
pub use layers::*;
pub use pipeline::{capture_panic_locations, guarded, Layer, Pipeline, PipelineError, Stage};
pub use view::{lower_same_len, TokenView};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into [`Doc::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Where a piece of metadata came from, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Given by the input record (a JSONL field, an HTML meta tag, a feed item).
    Given,
    /// Read from a metadata line or markup in the article itself.
    Markup,
    /// Read from the article's wording (a byline, "Al Jazeera's Natacha Butler").
    Text,
    /// Inferred from other articles of the same story; least trusted.
    Inferred,
    /// Not known.
    #[default]
    Unknown,
    /// Read from the article's URL: its domain (an outlet) or a date in its path. Trusted below
    /// `Text` and above `Inferred` (declared last so stored analyses keep their encoding).
    Url,
}

/// Article metadata: what the input said, or what ingest read from the article.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Meta {
    /// The record's own id, when the input gave one.
    pub id: Option<String>,
    /// The article's URL, when known.
    pub url: Option<String>,
    /// The headline, when known.
    pub title: Option<String>,
    /// Author names, when known (the input record's, or read from the page's metadata and byline).
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date (ISO `YYYY-MM-DD`) or RFC 3339 timestamp.
    pub published: Option<String>,
    /// Where `published` came from.
    pub published_from: Provenance,
    /// Month and day of publication when only they are known (a dateline "June 10" without a
    /// year); the cross-article layer completes the year from the article's story.
    pub published_month_day: Option<(u32, u32)>,
    /// The publisher ("BBC", "Al Jazeera").
    pub outlet: Option<String>,
    /// Where `outlet` came from.
    pub outlet_from: Provenance,
    /// ISO 639-1 language code, when detected.
    pub language: Option<String>,
}

impl Meta {
    /// The publication day as `(year, month, day)`, when `published` starts with a valid ISO date.
    pub fn published_ymd(&self) -> Option<(i32, u32, u32)> {
        let p = self.published.as_deref()?;
        let year = p.get(0..4)?.parse().ok()?;
        if p.get(4..5)? != "-" || p.get(7..8)? != "-" {
            return None;
        }
        let month = p.get(5..7)?.parse().ok()?;
        let day = p.get(8..10)?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
    }
}

/// Text that cleaning took out of the article, kept so nothing is silently lost.
#[derive(Debug, Clone, Serialize)]
pub struct Removed {
    /// Why it was removed: `caption`, `teaser`, `footer`, `truncated`, `boilerplate`, `metadata`.
    pub reason: &'static str,
    /// The removed text, as it stood in the input.
    pub text: String,
}

/// One article and all the layers the stages add to it.
///
/// It serialises whole (the archive stores each article's analysis this way) except
/// [`Doc::lower`], which is derived from the text: [`Doc::restore_lower`] fills it again.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Doc {
    /// Where the article came from: record id, else URL, else path (`PATH:LINE` for JSONL).
    pub source: String,
    /// Metadata.
    pub meta: Meta,
    /// The cleaned article text. Every span in every layer indexes this string.
    pub text: String,
    /// What cleaning removed.
    pub removed: Vec<Removed>,
    /// What happened to the article on its way: notes, stages skipped, stages that failed.
    pub diagnostics: Vec<Diagnostic>,
    /// The text lower-cased with identical byte offsets (see [`lower_same_len`]), so a span
    /// indexes both; filled by the segment stage. Not serialised (see [`Doc::restore_lower`]).
    #[serde(skip)]
    pub lower: String,
    /// Paragraphs (text between blank or single line breaks), in order.
    pub paragraphs: Vec<Span>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Quotation regions (quotation marks paired per paragraph), in text order.
    pub quote_regions: Vec<QuoteRegion>,
    /// Entities named in the article (people, organisations, places, ...).
    pub entities: Vec<Entity>,
    /// Every mention of an entity, in text order.
    pub mentions: Vec<Mention>,
    /// Quotes and reported speech.
    pub quotes: Vec<Quote>,
    /// Temporal expressions with normalised values.
    pub times: Vec<TimeExpr>,
    /// Events (meetings, calls, visits, ...).
    pub events: Vec<Event>,
    /// The source of an earlier article this one copies (exactly or nearly), when it is a copy.
    pub duplicate_of: Option<String>,
}

impl Doc {
    /// A new document with no layers yet.
    pub fn new(source: impl Into<String>, text: String) -> Doc {
        Doc { source: source.into(), text, ..Doc::default() }
    }

    /// Fills [`Doc::lower`] from the text again, as the segment stage does: what a document
    /// read back from storage needs before the story layer reads it.
    pub fn restore_lower(&mut self) {
        self.lower = lower_same_len(&self.text);
    }

    /// How many mentions each entity has, by entity index (one pass over the mentions).
    pub fn mention_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.entities.len()];
        for m in &self.mentions {
            if let Some(n) = counts.get_mut(m.entity) {
                *n += 1;
            }
        }
        counts
    }

    /// Adds a note from `stage` ("ingest", "clean", "story", a stage's name).
    pub fn note(&mut self, stage: &'static str, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::note(stage, message));
    }

    /// The diagnostics' messages, in order (the `notes` of the JSON).
    pub fn notes(&self) -> impl Iterator<Item = &str> {
        self.diagnostics.iter().map(|d| d.message.as_str())
    }

    /// True when a stage failed on this article and its analysis is incomplete.
    pub fn is_degraded(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_failure)
    }

    /// Empties one layer (before a stage recomputes it, or after it failed). Input layers
    /// ([`Layer::Published`]) are metadata and are left alone.
    pub fn clear_layer(&mut self, layer: Layer) {
        match layer {
            Layer::Paragraphs => self.paragraphs.clear(),
            Layer::Sentences => self.sentences.clear(),
            Layer::Tokens => {
                self.tokens.clear();
                self.lower.clear();
            }
            Layer::QuoteRegions => self.quote_regions.clear(),
            Layer::Entities => {
                self.entities.clear();
                self.mentions.clear();
            }
            Layer::Quotes => self.quotes.clear(),
            Layer::Times => self.times.clear(),
            Layer::Events => self.events.clear(),
            Layer::Published => {}
        }
    }

    /// The text a span covers. Out-of-range or non-boundary spans give `""` rather than panicking.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    /// Whether quote `q` is mixed speech: reported speech that quotes some of its words (“Bruce
    /// said the meeting was “productive and useful””), an indirect quote holding a partial one.
    pub fn is_mixed(&self, q: &Quote) -> bool {
        q.kind == QuoteKind::Indirect
            && self.quotes.iter().any(|p| p.kind == QuoteKind::Partial && q.span.contains(p.span))
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let idx = self.sentences.partition_point(|s| s.span.end <= offset);
        (idx < self.sentences.len() && self.sentences[idx].span.start <= offset).then_some(idx)
    }

    /// Index of the first token starting at or after byte `offset`.
    pub fn token_at_or_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// The tokens of sentence `idx` (none when `idx` or its range is out of bounds).
    pub fn sentence_tokens(&self, idx: usize) -> &[Token] {
        self.sentences.get(idx).and_then(|s| self.tokens.get(s.tokens.clone())).unwrap_or(&[])
    }

    /// The entity a mention covering `span` belongs to (the longest such mention wins).
    pub fn entity_at(&self, span: Span) -> Option<usize> {
        self.mentions.iter().filter(|m| m.span.overlaps(span)).max_by_key(|m| m.span.len()).map(|m| m.entity)
    }

    /// Number of whitespace-separated words in the text.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}
