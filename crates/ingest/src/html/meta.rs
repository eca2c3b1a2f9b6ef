//! Page metadata: title, authors, description, publication date, outlet, canonical URL and
//! language, from JSON-LD, OpenGraph and other `<meta>` tags, bylines and `<time>` elements.

use scraper::{ElementRef, Html};

use super::dom::{element_text, first_attr, selector};
use super::Extracted;
use super::{date, ld};
use crate::outlet::gazetteer;

/// Reads the page's metadata into `out` (everything but the text); `page` is its source.
pub(crate) fn read(doc: &Html, page: &str, url: Option<&str>, out: &mut Extracted) {
    let ld = ld::read(doc);
    let ld_headline = ld.headline.clone();
    let ld_publisher = ld.publisher.clone();

    let site_name = first_attr(doc, r#"meta[property="og:site_name"]"#, &["content"]).or_else(|| ld_publisher.clone());
    out.title = title(doc, ld_headline, site_name.as_deref(), url);
    out.authors = authors(doc, &ld.authors);
    out.description = first_attr(doc, r#"meta[property="og:description"]"#, &["content"])
        .or_else(|| first_attr(doc, r#"meta[name="description"]"#, &["content"]))
        .or_else(|| ld.description.clone());
    let g = gazetteer();
    out.site_name = site_name;
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
    let lang = first_attr(doc, "html", &["lang"]);
    let dates = date::find(doc, page, url, &ld, lang.as_deref());
    out.published = dates.published;
    out.updated = dates.updated;
    out.language = lang
        .map(|l| l.chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>())
        .filter(|l| l.len() == 2 || l.len() == 3)
        .map(|l| l.to_ascii_lowercase());
}

/// Separators between a headline and the site's name in `<title>` and `og:title`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " » ", " › ", " « ", " :: ", " // ", " · ", " : "];

/// Letters and digits only, lower-cased.
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The headline: an `<h1>` that the page's title or `og:title` contains, else that title without
/// the parts naming the site ("Headline | Site", "Site » Headline").
fn title(doc: &Html, ld_headline: Option<String>, site: Option<&str>, url: Option<&str>) -> Option<String> {
    let meta_title = first_attr(doc, r#"meta[property="og:title"]"#, &["content"])
        .or_else(|| first_attr(doc, r#"meta[name="twitter:title"]"#, &["content"]))
        .or_else(|| first_attr(doc, r#"meta[name="dc.title" i]"#, &["content"]));
    let page_title = selector("title").and_then(|s| doc.select(&s).next().map(|t| element_text(&t)));
    let headings: Vec<String> = selector("h1, h2")
        .map(|s| doc.select(&s).take(12).map(|h| element_text(&h)).filter(|t| !t.is_empty() && t.len() < 300).collect())
        .unwrap_or_default();
    let candidates: Vec<String> = [meta_title, ld_headline, page_title]
        .into_iter()
        .flatten()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty())
        .collect();
    // The longest heading that one of the titles contains is the headline without decoration.
    let names_site = site_matcher(site, url);
    for c in &candidates {
        let sc = squash(c);
        let best = headings
            .iter()
            .filter(|h| {
                let sh = squash(h);
                sh.len() >= 6 && sc.contains(&sh) && !names_site(h)
            })
            .max_by_key(|h| squash(h).len());
        if let Some(h) = best {
            return Some(h.clone());
        }
    }
    let h1 = selector("h1").and_then(|s| doc.select(&s).map(|h| element_text(&h)).find(|t| !t.is_empty()));
    let first = candidates.into_iter().next().or(h1)?;
    Some(strip_site(&first, &names_site))
}

/// A test for text that names the site: its name, or the main word of its host.
fn site_matcher(site: Option<&str>, url: Option<&str>) -> impl Fn(&str) -> bool {
    let host = url
        .and_then(|u| u.split_once("://").map(|(_, r)| r))
        .and_then(|r| r.split('/').next())
        .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
        .unwrap_or_default();
    let host_word = squash(host.split('.').next().unwrap_or(""));
    let site = site.map(squash).unwrap_or_default();
    move |p: &str| {
        let sp = squash(p);
        !sp.is_empty()
            && ((!site.is_empty() && (sp == site || site.contains(&sp) || sp.contains(&site)))
                || (host_word.len() >= 3 && sp.contains(&host_word)))
    }
}

/// Drops the parts of a title that name the site ("Headline | Site", "Site » Headline").
fn strip_site(title: &str, names_site: &dyn Fn(&str) -> bool) -> String {
    let Some(sep) = TITLE_SEPARATORS.iter().find(|s| title.contains(*s)) else { return title.to_string() };
    let parts: Vec<&str> = title.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 2 {
        return title.to_string();
    }
    let kept: Vec<&str> = parts.iter().copied().filter(|p| !names_site(p)).collect();
    if !kept.is_empty() && kept.len() < parts.len() {
        return kept.join(sep);
    }
    title.to_string()
}

/// Meta tags that name the author (lower-case `name` or `property`).
static AUTHOR_META: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/html/author_meta.txt")));

/// Cleans one author string: drops a "By"/"Von" prefix, a trailing date or "|" part, and
/// rejects URLs and long strings.
fn clean_author(raw: &str) -> Option<String> {
    let mut t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for prefix in
        ["By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Di ", "Door ", "Autor: ", "Author: "]
    {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.to_string();
        }
    }
    let t = t.split(['|', '\n']).next().unwrap_or("").trim().trim_end_matches([',', '.', ':']).trim();
    let words = t.split_whitespace().count();
    if t.is_empty() || t.contains("://") || t.contains('@') || t.len() > 80 || words > 8 {
        return None;
    }
    if !t.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    Some(t.to_string())
}

/// Splits "Ann Lee and Bo Chan", "Ann Lee, Bo Chan" into names.
fn split_names(s: &str) -> Vec<String> {
    s.split(" and ").flat_map(|p| p.split(" und ")).flat_map(|p| p.split(", ")).filter_map(clean_author).collect()
}

/// The page's authors: JSON-LD first, then `<meta>` tags, then bylines (`rel=author`,
/// `itemprop=author`, classes naming a byline or author).
fn authors(doc: &Html, from_ld: &[String]) -> Vec<String> {
    let mut out: Vec<String> = from_ld.iter().filter_map(|a| clean_author(a)).collect();
    if out.is_empty() {
        for key in AUTHOR_META.iter() {
            let sel = format!(r#"meta[name="{key}" i], meta[property="{key}" i]"#);
            if let Some(v) = first_attr(doc, &sel, &["content"]) {
                out = split_names(&v);
                if !out.is_empty() {
                    break;
                }
            }
        }
    }
    if out.is_empty() {
        let sels = [
            r#"[itemprop="author"] [itemprop="name"]"#,
            r#"[itemprop="author"]"#,
            r#"a[rel="author"]"#,
            r#"[class*="byline"] [class*="author"]"#,
            r#"[class*="author-name"], [class*="authorname"], [class*="author_name"]"#,
            r#"[class*="byline"]"#,
            r#"[class~="author"], [class~="autor"]"#,
        ];
        for sel in sels {
            let Some(s) = selector(sel) else { continue };
            let found: Vec<String> = doc
                .select(&s)
                .filter(|e| !matches!(e.value().name(), "meta" | "link" | "script") && !in_comments(e))
                .take(5)
                .map(|e: ElementRef| element_text(&e))
                .filter(|t| t.len() <= 120)
                .flat_map(|t| split_names(&t))
                .collect();
            if !found.is_empty() {
                for f in found {
                    if !out.contains(&f) {
                        out.push(f);
                    }
                }
                break;
            }
        }
    }
    if out.is_empty() {
        out = byline_text(doc);
    }
    out.truncate(10);
    out
}

/// True for an element inside a comment thread.
fn in_comments(e: &ElementRef) -> bool {
    e.ancestors().filter_map(ElementRef::wrap).take(12).any(|a| {
        let v = a.value();
        [v.attr("class"), v.attr("id")].into_iter().flatten().any(|c| c.to_ascii_lowercase().contains("comment"))
    })
}

/// Openings of a byline in the text.
const BYLINE_CUES: &[&str] = &[
    "posted by ",
    "written by ",
    "geschrieben von ",
    "verfasst von ",
    "erstellt von ",
    "autor: ",
    "autorin: ",
    "author: ",
    "by ",
    "von ",
    "par ",
    "por ",
];

/// A name after a byline cue in a short text ("Posted by Konstantin @ 12:00", "By Tim Anderson").
fn byline_text(doc: &Html) -> Vec<String> {
    let Some(body) = selector("body").and_then(|s| doc.select(&s).next()) else { return Vec::new() };
    let mut seen = 0;
    for node in body.descendants() {
        let Some(t) = node.value().as_text() else { continue };
        let in_code = node
            .parent()
            .and_then(|p| p.value().as_element())
            .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "template" | "textarea" | "option"));
        let t = t.trim();
        if in_code || t.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 5000 {
            break;
        }
        if t.len() > 80 {
            continue;
        }
        let lower = t.to_lowercase();
        let Some(cue) = BYLINE_CUES.iter().find(|c| lower.starts_with(*c) || lower == c.trim_end()) else { continue };
        // The name is the rest of this text, or the next text ("By <a>Name</a>").
        let rest = t.get(cue.len()..).unwrap_or("").trim();
        let name_text = if rest.is_empty() {
            node.next_siblings()
                .find_map(|n| {
                    ElementRef::wrap(n)
                        .map(|e| element_text(&e))
                        .or_else(|| n.value().as_text().map(|x| x.trim().to_string()))
                        .filter(|x| !x.is_empty())
                })
                .unwrap_or_default()
        } else {
            rest.to_string()
        };
        // Keep the capitalised words before a date, time or separator.
        let name: Vec<&str> = name_text
            .split_whitespace()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains(['@', '|', ':']))
            .take(4)
            .collect();
        if !name.is_empty() {
            let names = split_names(&name.join(" "));
            if !names.is_empty() {
                return names;
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    #[test]
    fn authors_from_meta_and_byline() {
        let e = extract(
            r#"<html><head><meta name="author" content="Ann Lee and Bo Chan"></head><body></body></html>"#,
            None,
        );
        assert_eq!(e.authors, vec!["Ann Lee".to_string(), "Bo Chan".to_string()]);
        let e = extract(r#"<html><body><p class="byline">By Jane Roe</p><p>Text.</p></body></html>"#, None);
        assert_eq!(e.authors, vec!["Jane Roe".to_string()]);
        let e = extract(r#"<html><body><a rel="author" href="/u/1">Carl Ek</a></body></html>"#, None);
        assert_eq!(e.authors, vec!["Carl Ek".to_string()]);
    }

    #[test]
    fn graph_with_linked_author() {
        let page = r##"<html><head><script type="application/ld+json">{"@graph":[
{"@type":"Person","@id":"#p","name":"Jane Roe"},
{"@type":"NewsArticle","headline":"Bridge","author":{"@id":"#p"},"datePublished":"2024-03-03"}]}</script>
</head><body><p class="byline">By Someone Else</p></body></html>"##;
        let e = extract(page, None);
        assert_eq!(e.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(e.published.map(|p| p.0).as_deref(), Some("2024-03-03"));
    }
}
