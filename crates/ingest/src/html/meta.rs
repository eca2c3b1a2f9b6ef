//! Page metadata: title, publication date, outlet, canonical URL and language, from JSON-LD,
//! OpenGraph and other `<meta>` tags and `<time>` elements.

use parallax_doc::Provenance;
use scraper::Html;
use serde_json::Value;

use super::dom::{element_text, first_attr, selector};
use super::Extracted;
use crate::dates::normalize_published;
use crate::outlet::gazetteer;

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

/// Reads the page's metadata into `out` (everything but the text).
pub(crate) fn read(doc: &Html, _url: Option<&str>, out: &mut Extracted) {
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

    out.title = first_attr(doc, r#"meta[property="og:title"]"#, &["content"])
        .or_else(|| first_attr(doc, r#"meta[name="twitter:title"]"#, &["content"]))
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
        .filter_map(|s| first_attr(doc, s, &["content"]))
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
    let site = first_attr(doc, r#"meta[property="og:site_name"]"#, &["content"])
        .or(ld_publisher)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    out.url = first_attr(doc, r#"link[rel="canonical"]"#, &["href"])
        .or_else(|| first_attr(doc, r#"meta[property="og:url"]"#, &["content"]))
        .filter(|u| u.starts_with("http"));
    out.outlet = match site {
        Some(s) => Some(g.canonical(&s).map_or(s, str::to_string)),
        None => out.url.as_deref().and_then(|u| g.from_domain(u)).map(str::to_string),
    };
    out.language = first_attr(doc, "html", &["lang"])
        .map(|l| l.chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>())
        .filter(|l| l.len() == 2 || l.len() == 3)
        .map(|l| l.to_ascii_lowercase());
}
