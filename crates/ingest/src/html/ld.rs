//! JSON-LD (`<script type="application/ld+json">`): the article's dates, headline, authors,
//! publisher and URL, following `@graph`, arrays, nested objects and links by `@id`.

use std::collections::HashMap;

use scraper::Html;
use serde_json::{Map, Value};

use super::dom::selector;

/// Most objects read from one page's JSON-LD; more are ignored.
const MAX_OBJECTS: usize = 2000;
/// Deepest nesting followed.
const MAX_DEPTH: usize = 12;

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default, Clone)]
pub(crate) struct LdMeta {
    /// `datePublished` (else `dateCreated`) of the article, as written.
    pub published: Option<String>,
    /// `dateModified` of the article.
    pub modified: Option<String>,
    /// `headline` (else `name`) of the article.
    pub headline: Option<String>,
    /// Author names.
    pub authors: Vec<String>,
    /// The publisher's name.
    pub publisher: Option<String>,
    /// `url` or `mainEntityOfPage` of the article.
    pub url: Option<String>,
    /// `description` of the article.
    pub description: Option<String>,
}

/// How much an object's type says it is the page's article: lower is better.
fn type_rank(obj: &Map<String, Value>) -> u8 {
    let types: Vec<&str> = match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let mut best = 4;
    for t in types {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        let rank = if t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report" || t == "Blog" {
            0
        } else if t.ends_with("Posting") || t == "CreativeWork" || t == "Review" || t == "Recipe" {
            1
        } else if t.ends_with("Page") {
            2
        } else if matches!(t, "ImageObject" | "VideoObject" | "Person" | "Organization" | "Comment" | "Event") {
            5
        } else {
            3
        };
        best = best.min(rank);
    }
    best
}

/// Properties whose values are other works than the page's own article ("itemListElement",
/// "liveBlogUpdate", "relatedLink").
static OTHER_WORKS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/html/ld_other_works.txt")));

/// One object of the page's JSON-LD and whether it stands under a property that holds other
/// works (a list of articles, related links, a live blog's updates).
type Entry<'a> = (&'a Map<String, Value>, bool);

/// Every object in `v`, depth first, in document order; `other` marks objects under a property
/// of [`OTHER_WORKS`].
fn flatten<'a>(v: &'a Value, depth: usize, other: bool, out: &mut Vec<Entry<'a>>) {
    if depth > MAX_DEPTH || out.len() >= MAX_OBJECTS {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten(i, depth + 1, other, out)),
        Value::Object(map) => {
            out.push((map, other));
            for (k, child) in map {
                if k != "@context" {
                    flatten(child, depth + 1, other || OTHER_WORKS.contains(&k.as_str()), out);
                }
            }
        }
        _ => {}
    }
}

/// A trimmed, non-empty string value.
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => {
            let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
            (!t.is_empty()).then_some(t)
        }
        Value::Array(a) => a.iter().find_map(|x| text(Some(x))),
        _ => None,
    }
}

/// Follows `{"@id": ...}` to the object it names, when the page defines it.
fn resolve<'a>(v: &'a Value, ids: &HashMap<&'a str, &'a Map<String, Value>>) -> Option<&'a Map<String, Value>> {
    let obj = v.as_object()?;
    if obj.len() == 1 {
        if let Some(target) = obj.get("@id").and_then(Value::as_str).and_then(|id| ids.get(id)) {
            return Some(target);
        }
    }
    Some(obj)
}

/// The names in an `author` (or `publisher`) value: a string, an object with `name`, a link by
/// `@id`, or an array of those.
fn names<'a>(v: &'a Value, ids: &HashMap<&'a str, &'a Map<String, Value>>, out: &mut Vec<String>, depth: usize) {
    if depth > 3 {
        return;
    }
    match v {
        Value::String(s) => push_name(s, out),
        Value::Array(items) => items.iter().for_each(|i| names(i, ids, out, depth + 1)),
        Value::Object(_) => {
            if let Some(obj) = resolve(v, ids) {
                if let Some(n) = text(obj.get("name")) {
                    push_name(&n, out);
                } else if let (Some(g), Some(f)) = (text(obj.get("givenName")), text(obj.get("familyName"))) {
                    push_name(&format!("{g} {f}"), out);
                }
            }
        }
        _ => {}
    }
}

fn push_name(raw: &str, out: &mut Vec<String>) {
    let n = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if n.is_empty() || n.len() > 100 || n.contains("://") || n.starts_with('@') && n.len() < 3 {
        return;
    }
    if !out.iter().any(|o| o.eq_ignore_ascii_case(&n)) {
        out.push(n);
    }
}

/// Parses one script's JSON, forgiving HTML comments, CDATA markers and raw control characters.
fn parse(raw: &str) -> Option<Value> {
    let t = raw.trim();
    if let Ok(v) = serde_json::from_str::<Value>(t) {
        return Some(v);
    }
    let t = t.trim_start_matches("<!--").trim_end_matches("-->").trim();
    let t = t.trim_start_matches("//<![CDATA[").trim_end_matches("//]]>").trim();
    let cleaned: String = t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let cleaned = cleaned.trim().trim_end_matches(';');
    serde_json::from_str::<Value>(cleaned).ok()
}

/// The string value of `"key": "..."` in JSON that does not parse.
fn scan_value(raw: &str, key: &str) -> Option<String> {
    let needle = format!("\"{key}\"");
    let at = raw.find(&needle)? + needle.len();
    let rest = raw[at..].trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    let end = rest.find('"')?;
    let v = rest[..end].trim();
    (!v.is_empty() && v.len() < 64).then(|| v.to_string())
}

/// Reads the page's JSON-LD.
pub(crate) fn read(doc: &Html) -> LdMeta {
    let mut out = LdMeta::default();
    let Some(sel) = selector(r#"script[type="application/ld+json"]"#) else {
        return out;
    };
    let mut values = Vec::new();
    let mut fallback: Option<(Option<String>, Option<String>)> = None;
    for script in doc.select(&sel).take(50) {
        let raw: String = script.text().collect();
        match parse(&raw) {
            Some(v) => values.push(v),
            None if fallback.is_none() => {
                let published = scan_value(&raw, "datePublished").or_else(|| scan_value(&raw, "dateCreated"));
                fallback = Some((published, scan_value(&raw, "dateModified")));
            }
            None => {}
        }
    }
    let mut found = Vec::new();
    for v in &values {
        flatten(v, 0, false, &mut found);
    }
    let objects: Vec<&Map<String, Value>> = found.iter().map(|(o, _)| *o).collect();
    let mut ids: HashMap<&str, &Map<String, Value>> = HashMap::new();
    for o in &objects {
        if let Some(id) = o.get("@id").and_then(Value::as_str) {
            // The fullest definition wins over bare links.
            if o.len() > 1 && ids.get(id).is_none_or(|prev| prev.len() < o.len()) {
                ids.insert(id, o);
            }
        }
    }
    // The article: the best-ranked object, one of the page's own before one listed under
    // another work (a related article, a live blog's update); among equals, the first with a
    // date, else the first.
    let main = found
        .iter()
        .filter(|(o, _)| !(o.len() == 1 && o.contains_key("@id")))
        .map(|(o, other)| (type_rank(o), *other, o))
        .filter(|(r, _, _)| *r < 5)
        .min_by_key(|(r, other, o)| (*other, *r, !(o.contains_key("datePublished") || o.contains_key("dateCreated"))))
        .map(|(_, _, o)| *o);
    if let Some(main) = main {
        out.published = text(main.get("datePublished")).or_else(|| text(main.get("dateCreated")));
        out.modified = text(main.get("dateModified"));
        out.headline = text(main.get("headline")).or_else(|| text(main.get("name")));
        out.description = text(main.get("description"));
        if let Some(a) = main.get("author").or_else(|| main.get("creator")) {
            names(a, &ids, &mut out.authors, 0);
        }
        if let Some(p) = main.get("publisher") {
            let mut ps = Vec::new();
            names(p, &ids, &mut ps, 0);
            out.publisher = ps.into_iter().next();
        }
        out.url = text(main.get("url")).or_else(|| match main.get("mainEntityOfPage") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Object(o)) => text(o.get("@id")).or_else(|| text(o.get("url"))),
            _ => None,
        });
    }
    // Dates from any object when the article has none (a WebPage of a graph, say).
    if out.published.is_none() {
        let mut dated: Vec<_> =
            objects.iter().filter(|o| type_rank(o) < 5 && o.contains_key("datePublished")).collect();
        dated.sort_by_key(|o| type_rank(o));
        if let Some(o) = dated.first() {
            out.published = text(o.get("datePublished"));
            out.modified = out.modified.take().or_else(|| text(o.get("dateModified")));
        }
    }
    if out.published.is_none() {
        if let Some((p, m)) = fallback {
            out.published = p;
            out.modified = out.modified.take().or(m);
        }
    }
    if out.publisher.is_none() {
        out.publisher = objects.iter().find_map(|o| o.get("publisher")).and_then(|p| {
            let mut ps = Vec::new();
            names(p, &ids, &mut ps, 0);
            ps.into_iter().next()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> LdMeta {
        read(&Html::parse_document(&format!(
            "<html><head><script type=\"application/ld+json\">{json}</script></head><body></body></html>"
        )))
    }

    #[test]
    fn graph_with_linked_author_and_publisher() {
        let m = ld(r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://ex.org/#site","name":"Example"},
            {"@type":"Organization","@id":"https://ex.org/#org","name":"Example Daily"},
            {"@type":"Person","@id":"https://ex.org/#jane","name":"Jane Roe"},
            {"@type":"WebPage","@id":"https://ex.org/a#page","datePublished":"2024-03-01T08:00:00+00:00"},
            {"@type":["NewsArticle"],"headline":"Bridge reopens","datePublished":"2024-03-03T09:00:00+01:00",
             "dateModified":"2024-03-05","author":{"@id":"https://ex.org/#jane"},
             "publisher":{"@id":"https://ex.org/#org"},"mainEntityOfPage":{"@id":"https://ex.org/a"}}]}"##);
        assert_eq!(m.published.as_deref(), Some("2024-03-03T09:00:00+01:00"));
        assert_eq!(m.modified.as_deref(), Some("2024-03-05"));
        assert_eq!(m.headline.as_deref(), Some("Bridge reopens"));
        assert_eq!(m.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(m.publisher.as_deref(), Some("Example Daily"));
        assert_eq!(m.url.as_deref(), Some("https://ex.org/a"));
    }

    #[test]
    fn listed_and_related_works_are_not_the_pages_article() {
        // A list of other articles comes first; the page's own article is the one outside it.
        let m = ld(r#"[{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":
            {"@type":"NewsArticle","headline":"Older story","datePublished":"2023-11-02"}}]},
            {"@type":"WebPage","mainEntity":{"@type":"NewsArticle","headline":"Budget passes","datePublished":"2024-03-05"}}]"#);
        assert_eq!(m.published.as_deref(), Some("2024-03-05"));
        assert_eq!(m.headline.as_deref(), Some("Budget passes"));
        // A live blog's updates are not the live blog.
        let m = ld(r#"{"@type":"WebPage","name":"Storm live","liveBlogUpdate":[{"@type":"BlogPosting",
            "headline":"Power back","datePublished":"2024-03-07T10:00:00Z"}],"datePublished":"2024-03-06T07:00:00Z"}"#);
        assert_eq!(m.published.as_deref(), Some("2024-03-06T07:00:00Z"));
        // A page with nothing but a list is dated by a listed article, as before.
        let m = ld(r#"{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","datePublished":"2023-11-02"}]}"#);
        assert_eq!(m.published.as_deref(), Some("2023-11-02"));
    }

    #[test]
    fn author_forms() {
        let m = ld(
            r#"[{"@type":"BlogPosting","author":["Ann Lee",{"@type":"Person","name":"Bo Chan"}],"dateCreated":"2020-01-02"}]"#,
        );
        assert_eq!(m.authors, vec!["Ann Lee".to_string(), "Bo Chan".to_string()]);
        assert_eq!(m.published.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn broken_json_falls_back_to_scanning() {
        let m = ld(r#"{"@type":"NewsArticle","datePublished":"2021-06-07", "headline": "x" ,,}"#);
        assert_eq!(m.published.as_deref(), Some("2021-06-07"));
        let m = ld("{{{{[[[[");
        assert!(m.published.is_none());
    }
}
