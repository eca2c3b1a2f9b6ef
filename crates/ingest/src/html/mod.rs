//! Main-text and metadata extraction from HTML pages with `scraper`.
//!
//! [`extract`] parses a page once; `meta` reads its metadata (title, authors, outlet, URL,
//! language) with `ld` (JSON-LD), and `date` (with `date_text`) its publication date; `body`
//! reads its main text (the article's paragraphs without page furniture).

mod body;
mod date;
mod date_text;
mod dom;
mod ld;
mod meta;

use parallax_doc::Provenance;
use scraper::Html;

/// What was read from a page.
#[derive(Debug, Default)]
pub struct Extracted {
    /// The headline.
    pub title: Option<String>,
    /// Publication date and where it came from.
    pub published: Option<(String, Provenance)>,
    /// The day the page says it was last updated (`YYYY-MM-DD`), when later than `published`.
    pub updated: Option<String>,
    /// Author names, most trusted source first (JSON-LD, `<meta>` tags, bylines).
    pub authors: Vec<String>,
    /// The page's summary (`og:description`, `description`, JSON-LD).
    pub description: Option<String>,
    /// The site's own name as the page gives it (`og:site_name`, JSON-LD publisher).
    pub site_name: Option<String>,
    /// The outlet's name.
    pub outlet: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// Language from `<html lang>`.
    pub language: Option<String>,
    /// Paragraphs joined by blank lines.
    pub text: String,
}

/// Extracts metadata and the main text from an HTML page; `url` is where the page came from,
/// when the container (WARC record, JSONL field, feed item) says.
pub fn extract(page: &str, url: Option<&str>) -> Extracted {
    crate::phases::timed(crate::phases::Phase::Html, || {
        let doc = Html::parse_document(page);
        let mut out = Extracted::default();
        meta::read(&doc, page, url, &mut out);
        out.text = body::main_text(&doc);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_article() {
        let page = r#"<!doctype html><html lang="en-GB"><head><title>Bridge reopens | Anytown Gazette</title>
<meta property="og:site_name" content="Anytown Gazette">
<meta property="article:published_time" content="2025-02-16T09:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge reopens"}</script>
</head><body><nav><p>Home News Sport</p></nav>
<article><h1>Bridge reopens</h1>
<figure><img src="x.jpg"><figcaption><p>The bridge on Sunday. Photo: J Roe</p></figcaption></figure>
<p>The old bridge reopened on Sunday after two years of repairs.</p>
<div class="share-tools"><p>Share on Facebook</p></div>
<p>The mayor said <b>traffic</b> would be lighter.<script>var x=1;</script></p>
</article><footer><p>© Gazette</p></footer></body></html>"#;
        let e = extract(page, None);
        assert_eq!(e.title.as_deref(), Some("Bridge reopens"));
        assert_eq!(e.published, Some(("2025-02-16T09:00:00Z".to_string(), Provenance::Given)));
        assert_eq!(e.outlet.as_deref(), Some("Anytown Gazette"));
        assert_eq!(e.language.as_deref(), Some("en"));
        assert_eq!(
            e.text,
            "The old bridge reopened on Sunday after two years of repairs.\n\nThe mayor said traffic would be lighter."
        );
    }

    #[test]
    fn densest_container_and_json_ld() {
        let page = r#"<html><head><script type="application/ld+json">
{"@graph":[{"@type":"NewsArticle","datePublished":"2025-02-17","publisher":{"name":"BBC News"}}]}
</script></head><body><div id="menu"><p>A</p></div><div class="content">
<p>First paragraph of the story, long enough to matter for the density count.</p>
<p>Second paragraph of the story.</p></div><div><p>Short.</p></div></body></html>"#;
        let e = extract(page, None);
        assert_eq!(e.outlet.as_deref(), Some("BBC"));
        assert_eq!(e.published.as_ref().map(|p| p.0.as_str()), Some("2025-02-17"));
        assert!(e.text.starts_with("First paragraph"));
        assert!(e.text.ends_with("Second paragraph of the story."));
    }

    #[test]
    fn br_separated_text() {
        let page = "<html><body><div class=nav><a href=/>Home</a></div><div id=text>\
First part of a long story that is told without any paragraph tags at all, only line breaks.\
<br><br>Second part, with a <a href=x>link</a> inside it, and more words to make it long enough \
to count as the main text of the page.<br>Same paragraph.</div></body></html>";
        let e = extract(page, None);
        assert_eq!(e.text.split("\n\n").count(), 2, "{}", e.text);
        assert!(e.text.ends_with("main text of the page. Same paragraph."), "{}", e.text);
    }

    #[test]
    fn paragraph_container_wins_over_inline_script_text() {
        let page = r#"<html><body>Krux('scrape', { attr: 1 });<div class="story-body">
<p class="intro">President Barack Obama has admitted that his failure to pass gun safety laws is the greatest frustration of his presidency so far.</p>
<p>In an interview with the BBC, Mr Obama said it was distressing not to have made progress on the issue despite extensive efforts.</p>
</div></body></html>"#;
        let out = extract(page, None);
        assert!(out.text.starts_with("President Barack Obama"), "{}", out.text);
        assert!(!out.text.contains("Krux"));
    }

    #[test]
    fn garbage_does_not_panic() {
        for page in ["", "<", "<<<>>>", "<p>", "\u{0}\u{1}<html><p>x", "<script>{</script>"] {
            let _ = extract(page, None);
        }
    }
}
