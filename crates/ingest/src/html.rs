//! Baseline main-text extraction from HTML pages with `scraper`.
//!
//! Metadata comes from `<meta>` tags, JSON-LD and `<time datetime>`; the body is the `<p>`
//! paragraphs of the page's `<article>` (the one with most paragraph text), or else of the
//! element holding the most paragraph text, leaving out navigation, headers, footers, asides,
//! figures, forms and elements whose class or id names page furniture.

use parallax_doc::Provenance;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::dates::normalize_published;
use crate::outlet::gazetteer;

/// What was read from a page.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    /// The headline.
    pub title: Option<String>,
    /// Publication date and where it came from.
    pub published: Option<(String, Provenance)>,
    /// The outlet's name.
    pub outlet: Option<String>,
    /// The canonical URL.
    pub url: Option<String>,
    /// Language from `<html lang>`.
    pub language: Option<String>,
    /// Paragraphs joined by blank lines.
    pub text: String,
}

/// Tags whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "figure",
    "figcaption",
    "form",
    "button",
    "iframe",
    "svg",
    "template",
    "select",
    "textarea",
    "label",
    "menu",
];

/// Class or id words that mark page furniture.
const SKIP_CLASS_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "comments",
    "comment",
    "sidebar",
    "caption",
    "breadcrumb",
    "breadcrumbs",
    "subscribe",
    "signup",
    "paywall",
    "footer",
    "byline",
    "disclaimer",
    "recommended",
    "outbrain",
    "taboola",
];

fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// True when an element is furniture by tag, role or class/id words.
fn is_furniture(el: &ElementRef) -> bool {
    let v = el.value();
    if SKIP_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(v.attr("role"), Some("navigation" | "banner" | "contentinfo" | "complementary")) {
        return true;
    }
    // Class and id words: not on the page's big containers, whose classes describe the layout
    // ("right-sidebar", "active-footer-widgets" on <body>), nor on elements that also call
    // themselves content ("entry-content share-enabled").
    if matches!(v.name(), "html" | "body" | "main" | "article") {
        return false;
    }
    let words: Vec<String> = v
        .attr("class")
        .into_iter()
        .chain(v.id())
        .flat_map(|n| n.split(|c: char| !c.is_ascii_alphanumeric()))
        .map(str::to_ascii_lowercase)
        .collect();
    let content = words
        .iter()
        .any(|w| matches!(w.as_str(), "content" | "article" | "entry" | "story" | "main" | "body" | "text" | "post"));
    !content && words.iter().any(|w| SKIP_CLASS_WORDS.contains(&w.as_str()))
}

/// True when `el` or one of its ancestors is furniture.
fn in_furniture(el: &ElementRef) -> bool {
    is_furniture(el) || el.ancestors().filter_map(ElementRef::wrap).any(|a| is_furniture(&a))
}

/// The visible text of an element with whitespace collapsed, skipping scripts and styles.
fn element_text(el: &ElementRef) -> String {
    let mut out = String::new();
    collect_text(el, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect_text(el: &ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if matches!(e.name(), "script" | "style" | "noscript" | "template") {
                    continue;
                }
                if e.name() == "br" {
                    out.push(' ');
                }
                if let Some(c) = ElementRef::wrap(child) {
                    collect_text(&c, out);
                }
            }
            _ => {}
        }
    }
}

/// The first non-empty `content` (or `datetime`) of the elements matching `sel`.
fn first_attr(doc: &Html, sel: &str, attrs: &[&str]) -> Option<String> {
    let s = selector(sel)?;
    doc.select(&s).find_map(|e| {
        attrs.iter().find_map(|a| e.value().attr(a)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
    })
}

/// Walks JSON-LD for `datePublished`, `headline` and the publisher's name.
fn walk_ld(
    v: &Value,
    date: &mut Option<String>,
    headline: &mut Option<String>,
    publisher: &mut Option<String>,
    depth: usize,
) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => {
            for i in items {
                walk_ld(i, date, headline, publisher, depth + 1);
            }
        }
        Value::Object(map) => {
            if date.is_none() {
                if let Some(Value::String(d)) = map.get("datePublished") {
                    *date = Some(d.clone());
                }
            }
            if headline.is_none() {
                if let Some(Value::String(h)) = map.get("headline") {
                    *headline = Some(h.clone());
                }
            }
            if publisher.is_none() {
                match map.get("publisher") {
                    Some(Value::Object(p)) => {
                        if let Some(Value::String(n)) = p.get("name") {
                            *publisher = Some(n.clone());
                        }
                    }
                    Some(Value::Array(ps)) => {
                        if let Some(Value::String(n)) = ps.first().and_then(|p| p.get("name")) {
                            *publisher = Some(n.clone());
                        }
                    }
                    _ => {}
                }
            }
            if let Some(g) = map.get("@graph") {
                walk_ld(g, date, headline, publisher, depth + 1);
            }
        }
        _ => {}
    }
}

/// Paragraphs of `root` that are not furniture.
fn paragraphs(root: &ElementRef, p_sel: &Selector) -> Vec<String> {
    root.select(p_sel).filter(|p| !in_furniture(p)).map(|p| element_text(&p)).filter(|t| !t.is_empty()).collect()
}

/// Extracts metadata and the main text from an HTML page.
pub(crate) fn extract(page: &str) -> Extracted {
    let doc = Html::parse_document(page);
    let mut out = Extracted::default();

    // JSON-LD.
    let (mut ld_date, mut ld_headline, mut ld_publisher) = (None, None, None);
    if let Some(s) = selector(r#"script[type="application/ld+json"]"#) {
        for script in doc.select(&s) {
            let raw: String = script.text().collect();
            if let Ok(v) = serde_json::from_str::<Value>(raw.trim()) {
                walk_ld(&v, &mut ld_date, &mut ld_headline, &mut ld_publisher, 0);
            }
        }
    }

    out.title = first_attr(&doc, r#"meta[property="og:title"]"#, &["content"])
        .or_else(|| first_attr(&doc, r#"meta[name="twitter:title"]"#, &["content"]))
        .or(ld_headline)
        .or_else(|| {
            let s = selector("title")?;
            let t = doc.select(&s).next().map(|t| element_text(&t))?;
            (!t.is_empty()).then_some(t)
        })
        .or_else(|| {
            let s = selector("h1")?;
            let t = doc.select(&s).next().map(|t| element_text(&t))?;
            (!t.is_empty()).then_some(t)
        });

    let meta_dates = [
        r#"meta[property="article:published_time"]"#,
        r#"meta[name="article:published_time"]"#,
        r#"meta[property="og:published_time"]"#,
        r#"meta[itemprop="datePublished"]"#,
        r#"meta[name="pubdate"]"#,
        r#"meta[name="publishdate"]"#,
        r#"meta[name="publish-date"]"#,
        r#"meta[name="date"]"#,
        r#"meta[name="dc.date"]"#,
        r#"meta[name="DC.date"]"#,
        r#"meta[name="dc.date.issued"]"#,
        r#"meta[name="DC.date.issued"]"#,
        r#"meta[name="parsely-pub-date"]"#,
        r#"meta[name="sailthru.date"]"#,
    ];
    out.published = meta_dates
        .iter()
        .filter_map(|s| first_attr(&doc, s, &["content"]))
        .find_map(|d| normalize_published(&d))
        .or_else(|| ld_date.as_deref().and_then(normalize_published))
        .map(|d| (d, Provenance::Given))
        .or_else(|| {
            let s = selector("[itemprop=datePublished], time[datetime]")?;
            doc.select(&s).find_map(|e| {
                let v = e.value();
                let raw = v.attr("datetime").or_else(|| v.attr("content"))?;
                normalize_published(raw).map(|d| (d, Provenance::Markup))
            })
        });

    let g = gazetteer();
    let site = first_attr(&doc, r#"meta[property="og:site_name"]"#, &["content"])
        .or(ld_publisher)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    out.url = first_attr(&doc, r#"link[rel="canonical"]"#, &["href"])
        .or_else(|| first_attr(&doc, r#"meta[property="og:url"]"#, &["content"]))
        .filter(|u| u.starts_with("http"));
    out.outlet = match site {
        Some(s) => Some(g.canonical(&s).map_or(s, str::to_string)),
        None => out.url.as_deref().and_then(|u| g.from_domain(u)).map(str::to_string),
    };
    out.language = first_attr(&doc, "html", &["lang"])
        .map(|l| l.chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>())
        .filter(|l| l.len() == 2 || l.len() == 3)
        .map(|l| l.to_ascii_lowercase());

    // Body.
    let Some(p_sel) = selector("p") else {
        return out;
    };
    let mut best: Vec<String> = Vec::new();
    let mut best_len = 0;
    if let Some(a_sel) = selector("article, [itemprop=articleBody]") {
        for art in doc.select(&a_sel) {
            if in_furniture(&art) {
                continue;
            }
            let ps = paragraphs(&art, &p_sel);
            let len: usize = ps.iter().map(String::len).sum();
            if len > best_len {
                best_len = len;
                best = ps;
            }
        }
    }
    if best_len < 200 {
        // The element whose own <p> children hold the most text.
        let mut totals = Vec::new();
        for p in doc.select(&p_sel) {
            if in_furniture(&p) {
                continue;
            }
            let Some(parent) = p.parent() else { continue };
            let len = element_text(&p).len();
            match totals.iter_mut().find(|(id, _)| *id == parent.id()) {
                Some(t) => t.1 += len,
                None => totals.push((parent.id(), len)),
            }
        }
        let top = totals.iter().max_by_key(|t| t.1).copied();
        if let Some((id, len)) = top {
            if len > best_len {
                if let Some(root) = doc.tree.get(id).and_then(ElementRef::wrap) {
                    best = paragraphs(&root, &p_sel);
                    best_len = best.iter().map(String::len).sum();
                }
            }
        }
    }
    if best_len < 200 {
        // No paragraph markup: the block whose own inline text (split at <br>) is longest.
        if let Some(b_sel) = selector("div, td, section, blockquote, article, dd, main, body") {
            let mut top: Option<(usize, Vec<String>)> = None;
            for block in doc.select(&b_sel) {
                if in_furniture(&block) {
                    continue;
                }
                let parts = inline_paragraphs(&block);
                let len: usize = parts.iter().map(String::len).sum();
                if len > best_len && top.as_ref().is_none_or(|t| len > t.0) {
                    top = Some((len, parts));
                }
            }
            if let Some((_, parts)) = top {
                best = parts;
            }
        }
    }
    out.text = best.join("\n\n");
    out
}

/// Inline elements whose text belongs to the surrounding block.
const INLINE: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "u", "font", "small", "sup", "sub", "abbr", "cite", "q", "mark", "time",
    "big", "tt", "s", "strike", "ins", "del",
];

/// The block's own text (text children and inline elements), split into paragraphs at `<br>`s
/// (a single `<br>` joins lines with a space; two or more start a new paragraph).
fn inline_paragraphs(block: &ElementRef) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut brs = 0;
    for child in block.children() {
        match child.value() {
            Node::Text(t) => {
                if !t.trim().is_empty() {
                    if brs >= 2 {
                        parts.push(std::mem::take(&mut cur));
                    } else if brs == 1 {
                        cur.push(' ');
                    }
                    brs = 0;
                }
                cur.push_str(t);
            }
            Node::Element(e) if e.name() == "br" => brs += 1,
            Node::Element(e) if INLINE.contains(&e.name()) => {
                if let Some(c) = ElementRef::wrap(child) {
                    if !in_furniture(&c) {
                        if brs >= 2 {
                            parts.push(std::mem::take(&mut cur));
                        }
                        brs = 0;
                        cur.push(' ');
                        collect_text(&c, &mut cur);
                        cur.push(' ');
                    }
                }
            }
            Node::Element(_) => {
                if brs > 0 || !cur.trim().is_empty() {
                    parts.push(std::mem::take(&mut cur));
                }
                brs = 0;
            }
            _ => {}
        }
    }
    parts.push(cur);
    parts.into_iter().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|p| !p.is_empty()).collect()
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
        let e = extract(page);
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
        let e = extract(page);
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
        let e = extract(page);
        assert_eq!(e.text.split("\n\n").count(), 2, "{}", e.text);
        assert!(e.text.ends_with("main text of the page. Same paragraph."), "{}", e.text);
    }

    #[test]
    fn paragraph_container_wins_over_inline_script_text() {
        let page = r#"<html><body>Krux('scrape', { attr: 1 });<div class="story-body">
<p class="intro">President Barack Obama has admitted that his failure to pass gun safety laws is the greatest frustration of his presidency so far.</p>
<p>In an interview with the BBC, Mr Obama said it was distressing not to have made progress on the issue despite extensive efforts.</p>
</div></body></html>"#;
        let out = extract(page);
        assert!(out.text.starts_with("President Barack Obama"), "{}", out.text);
        assert!(!out.text.contains("Krux"));
    }

    #[test]
    fn garbage_does_not_panic() {
        for page in ["", "<", "<<<>>>", "<p>", "\u{0}\u{1}<html><p>x", "<script>{</script>"] {
            let _ = extract(page);
        }
    }
}
