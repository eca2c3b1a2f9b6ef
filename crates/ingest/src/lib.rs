//! Readers, cleaning and metadata: turns input files and streams into [`Doc`]s.
//!
//! [`read_inputs`] reads plain text, JSON Lines (including news-please records), JSON, HTML,
//! RSS/Atom feeds and WARC files, gzipped or not, whole directories and standard input, lazily, one [`Doc`] or one
//! [`IngestError`] per article; one bad input never stops the others.
//!
//! Every document's [`Doc::text`] is the *cleaned* article: metadata lines, photo captions,
//! teasers, sign-up footers and share bars are taken out and listed in [`Doc::removed`] with
//! their reason. Metadata the input does not give is read from the article where it is clear:
//! the publication date from a metadata line or dateline, the outlet from self-references
//! ("Al Jazeera's Natacha Butler, reporting from Paris", "(Reuters) -"), with its
//! `Provenance`. Inputs in any charset are decoded ([`encoding`]); the language is detected
//! when the input does not give it ([`language`]).
//!
//! ```
//! use parallax_doc::{Meta, Provenance};
//! let doc = parallax_ingest::doc_from_text(
//!     "a.txt",
//!     " date 2025-02-16 Talks began, the officials told the BBC's US partner CBS News.",
//!     Meta::default(),
//! );
//! assert_eq!(doc.text, "Talks began, the officials told the BBC's US partner CBS News.");
//! assert_eq!(doc.meta.published.as_deref(), Some("2025-02-16"));
//! assert_eq!(doc.meta.outlet.as_deref(), Some("BBC"));
//! assert_eq!(doc.meta.outlet_from, Provenance::Text);
//! ```

#![deny(missing_docs)]

mod clean;
mod dates;
pub mod encoding;
mod feed;
pub mod html;
mod input;
mod jsonl;
pub mod language;
pub mod outlet;
mod phases;
mod record;
mod respace;
mod warc;

use parallax_doc::{Diagnostic, Doc, Meta, Provenance};
use phases::{timed, Phase};

pub use input::{read_inputs, read_inputs_except, read_records_except, read_stream, read_stream_records, DocIter};
pub use phases::BuildTimes;
pub use record::{Record, Records};

/// One input that could not be read: `location` is `PATH` or `PATH:LINE`, message is one line.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {message}")]
pub struct IngestError {
    /// The file (`PATH`), the record (`PATH:LINE`, `PATH[N]` for a JSON array) or `<stdin>`.
    pub location: String,
    /// What is wrong, on one line.
    pub message: String,
}

impl IngestError {
    /// An error at `location`; line breaks in `message` are folded so it stays on one line.
    pub fn new(location: impl Into<String>, message: impl AsRef<str>) -> IngestError {
        IngestError {
            location: location.into(),
            message: message.as_ref().split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }
}

/// Builds a Doc from raw plain text (cleaning + metadata), used by readers and tests.
///
/// `meta` holds what the input gave; fields it leaves empty are filled from the article where
/// the article is clear about them (published date from a metadata line or dated dateline,
/// outlet from self-references), with their provenance.
pub fn doc_from_text(source: &str, raw: &str, meta: Meta) -> Doc {
    build_doc(source, raw, meta, clean::Level::Full)
}

/// Cleans `raw` at `level` and fills the metadata `meta` lacks.
///
/// The language is detected from the cleaned text; a language the input gave (a record field,
/// `<html lang>`, often a template's default) is kept unless detection is reliable and
/// disagrees, which is noted.
pub(crate) fn build_doc(source: &str, raw: &str, mut meta: Meta, level: clean::Level) -> Doc {
    let cleaned = timed(Phase::Clean, || clean::clean(raw, level));
    let mut notes = cleaned.notes;
    if meta.published.is_none() {
        if let Some((day, _)) = cleaned.published {
            meta.published = Some(day);
            meta.published_from = Provenance::Markup;
        }
    }
    if let Some(detected) = timed(Phase::Language, || language::detect(&cleaned.text)) {
        let given = meta.language.as_deref().map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase());
        match given {
            Some(g) if g == detected => {}
            Some(_) => {
                let given = meta.language.as_deref().unwrap_or_default();
                notes.push(format!(
                    "the input gives language “{given}” but the text reads as {detected}; {detected} used"
                ));
                meta.language = Some(detected.to_string());
            }
            None => meta.language = Some(detected.to_string()),
        }
    }
    let metadata_started = std::time::Instant::now();
    let from_text = outlet::from_text(&cleaned.text);
    if meta.outlet.is_none() {
        if let Some(name) = from_text.outlet {
            meta.outlet = Some(name);
            meta.outlet_from = Provenance::Text;
        }
    }
    if meta.published.is_none() {
        if let Some(day) = from_text.dateline_date {
            meta.published = Some(day);
            meta.published_from = Provenance::Text;
        } else if let Some(day) = meta.url.as_deref().and_then(dates::from_url) {
            meta.published = Some(day);
            meta.published_from = Provenance::Url;
        } else if let Some(partial) = from_text.dateline_partial {
            notes.push(format!("the dateline gives the day “{partial}” without a year; published left unknown"));
            meta.published_month_day = from_text.dateline_month_day;
        }
    }
    // the outlet of a page no one named: the one owning its domain, else the domain itself
    if meta.outlet.is_none() {
        if let Some(url) = meta.url.as_deref() {
            let named = outlet::gazetteer().from_domain(url).map(str::to_string);
            if let Some(name) = named.or_else(|| outlet::site_of(url)) {
                meta.outlet = Some(name);
                meta.outlet_from = Provenance::Url;
            }
        }
    }
    phases::add_since(Phase::Metadata, metadata_started);
    let diagnostics = notes.into_iter().map(|n| Diagnostic::note("ingest", n)).collect();
    Doc {
        source: source.to_string(),
        meta,
        text: cleaned.text,
        removed: cleaned.removed,
        diagnostics,
        ..Doc::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_is_one_line() {
        let e = IngestError::new("a.jsonl:3", "invalid JSON (EOF\nwhile parsing)");
        assert_eq!(e.to_string(), "a.jsonl:3: invalid JSON (EOF while parsing)");
    }

    #[test]
    fn given_metadata_wins() {
        let meta = Meta {
            published: Some("2025-02-17".into()),
            published_from: Provenance::Given,
            outlet: Some("Reuters".into()),
            outlet_from: Provenance::Given,
            ..Meta::default()
        };
        let doc = doc_from_text("x", "Date: 2025-02-16\n\nThe Guardian has learned that talks will start.", meta);
        assert_eq!(doc.meta.published.as_deref(), Some("2025-02-17"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Reuters"));
        assert_eq!(doc.text, "The Guardian has learned that talks will start.");
        assert_eq!(doc.removed.len(), 1);
    }

    #[test]
    fn detected_language_fills_in_or_overrules_a_wrong_given_one() {
        let de = "Der Bürgermeister hat am Montag angekündigt, dass die Brücke über den Fluss im Sommer wieder \
                  für den Verkehr geöffnet wird, nachdem die Bauarbeiten abgeschlossen sind.";
        assert_eq!(doc_from_text("x", de, Meta::default()).meta.language.as_deref(), Some("de"));
        let given_en = Meta { language: Some("en-US".into()), ..Meta::default() };
        let doc = doc_from_text("x", de, given_en);
        assert_eq!(doc.meta.language.as_deref(), Some("de"));
        assert!(
            doc.notes().any(|n| n.contains("gives language “en-US” but the text reads as de")),
            "{:?}",
            doc.diagnostics
        );
        let given_de = Meta { language: Some("de-AT".into()), ..Meta::default() };
        let doc = doc_from_text("x", de, given_de);
        assert_eq!((doc.meta.language.as_deref(), doc.diagnostics.len()), (Some("de-AT"), 0));
        let short = Meta { language: Some("fr".into()), ..Meta::default() };
        assert_eq!(
            doc_from_text("x", "Talks began.", short).meta.language.as_deref(),
            Some("fr"),
            "unsure: given kept"
        );
    }

    #[test]
    fn dateline_without_year_is_a_note() {
        let doc = doc_from_text("x", "MOSCOW, Feb 17 (Reuters) - Russia said on Monday it was ready.", Meta::default());
        assert_eq!(doc.meta.outlet.as_deref(), Some("Reuters"));
        assert!(doc.meta.published.is_none());
        assert!(doc.notes().any(|n| n.contains("Feb 17")));
    }

    #[test]
    fn every_word_list_in_data_is_well_formed() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data"));
        let (checked, problems) = parallax_lexicon::dir_problems(dir);
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(checked > 0);
    }
}
