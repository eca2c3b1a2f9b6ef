//! The HTML pages through the router: an archive of the example story (and one hostile
//! article) built in a temporary folder, every page requested with `oneshot`.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use parallax_doc::Doc;
use parallax_server::{AppState, Config};
use parallax_store::{Store, StoryFilter};
use tower::ServiceExt;

/// A hostile article: markup in its title and text, a `javascript:` URL.
fn hostile() -> Doc {
    let text = "Officials in Springfield said on Friday that <script>alert(1)</script> was found in a \
                press release. \"<img src=x onerror=alert(2)>\" the mayor, Jane Quimby, said. \
                The council will meet again next week to discuss it."
        .to_string();
    let mut doc = Doc::new("hostile/001.txt", text);
    doc.meta.title = Some("<script>alert(1)</script> Council news".into());
    doc.meta.url = Some("javascript:alert(1)".into());
    doc.meta.outlet = Some("<b>Evil</b> Gazette".into());
    doc.meta.published = Some("2025-03-01".into());
    doc
}

/// The archive every test reads (built once).
fn archive() -> &'static PathBuf {
    static DB: OnceLock<PathBuf> = OnceLock::new();
    DB.get_or_init(|| common::riyadh_archive("pages", vec![hostile()]))
}

fn state() -> AppState {
    AppState::open(&Config::new(archive().clone())).expect("the server opens the archive")
}

/// GETs `uri`: status and body.
async fn get(uri: &str) -> (StatusCode, String) {
    let app = parallax_server::router(state());
    let response = app.oneshot(Request::get(uri).body(Body::empty()).expect("request")).await.expect("response");
    let status = response.status();
    let bytes = response.into_body().collect().await.expect("body").to_bytes();
    (status, String::from_utf8(bytes.to_vec()).expect("utf-8"))
}

/// The riyadh story's id.
fn riyadh_story() -> i64 {
    let store = Store::open_existing(archive()).expect("open");
    let stories = store.stories(&StoryFilter { limit: 100, ..StoryFilter::default() }).expect("stories");
    stories.iter().find(|s| s.articles == 3).map(|s| s.id).expect("the Riyadh story")
}

/// The part of `html` from the element with `id="{id}"` to the next `</section>`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[start..];
    &rest[..rest.find("</section>").unwrap_or(rest.len())]
}

/// Text of `html` without tags, entities decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The inner HTML of the `<span>` with `id`, nested spans included.
fn span_by_id<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let open = html.find(&format!("<span class=\"sentence\" id=\"{id}\""))?;
    let body_start = open + html[open..].find('>')? + 1;
    let mut depth = 0usize;
    let mut i = body_start;
    while let Some(off) = html[i..].find("<") {
        let at = i + off;
        let rest = &html[at..];
        if rest.starts_with("</span>") {
            if depth == 0 {
                return Some(&html[body_start..at]);
            }
            depth -= 1;
        } else if rest.starts_with("<span") {
            depth += 1;
        }
        i = at + 1;
    }
    None
}

/// Every value of `href="..."` in `html` that starts with `prefix`.
fn hrefs<'a>(html: &'a str, prefix: &str) -> Vec<&'a str> {
    html.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).filter(|h| h.starts_with(prefix)).collect()
}

#[tokio::test]
async fn the_story_page_shows_quotes_timeline_and_conflicts() {
    let (status, html) = get(&format!("/stories/{}", riyadh_story())).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    let quotes = section(&html, "quotes");
    assert!(
        quotes.contains("<div class=\"speaker\"><h3><a href=\"/entities/keith%20kellogg\">Keith Kellogg</a></h3>"),
        "{quotes}"
    );
    let kellogg = &quotes[quotes.find(">Keith Kellogg</a></h3>").expect("Kellogg's quotes")..];
    let kellogg = &kellogg[..kellogg[1..].find("<div class=\"speaker\">").map_or(kellogg.len(), |i| i + 1)];
    assert!(kellogg.contains("chalk on the blackboard"), "{kellogg}");
    assert!(kellogg.contains("<blockquote class=\"quote\">"), "{kellogg}");

    let timeline = section(&html, "timeline");
    assert!(timeline.contains("<li class=\"event\" data-date=\"2025-02-18\">"), "{timeline}");

    let differences = section(&html, "differences");
    let conflict = differences.split("<li class=\"conflict\">").nth(1).expect("a conflict");
    assert!(conflict.contains("Zelenskyy") && conflict.contains("visit"), "{conflict}");
    assert!(conflict.contains("2025-02-17") && conflict.contains("2025-02-18"), "{conflict}");
    assert!(conflict.contains("class=\"cite"), "each claim is cited: {conflict}");

    let people = section(&html, "people");
    assert!(people.contains("href=\"/entities/marco%20rubio\""), "{people}");
    let chart = section(&html, "coverage");
    assert!(chart.contains("<svg class=\"coverage\""), "the coverage chart");
    assert_eq!(chart.matches("<circle class=\"mark\"").count(), 3, "a mark per article: {chart}");
    assert!(chart.contains("<title>BBC · 2025-02-16"), "each mark has a title: {chart}");
    assert!(section(&html, "articles").matches("href=\"/articles/").count() >= 3);
    assert!(!html.contains(" style=") && !html.contains("<style") && !html.contains("<script"), "CSP-clean");
}

#[tokio::test]
async fn citations_land_on_the_cited_sentence() {
    let (status, html) = get(&format!("/stories/{}", riyadh_story())).await;
    assert_eq!(status, StatusCode::OK);
    let summary = section(&html, "summary");
    let mut checked = 0;
    for item in summary.split("<li class=\"summary-sentence\">").skip(1) {
        let sentence = text_of(&item[..item.find("<span class=\"cites\">").expect("cites")]).trim().to_string();
        // exact citations: the sentence is the article's own
        for cite in item.split("<a class=\"cite\" href=\"").skip(1) {
            let href = cite.split('"').next().expect("href");
            let (path, fragment) = href.split_once('#').expect("a citation names a sentence");
            let (status, article) = get(path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            let span = span_by_id(&article, fragment).unwrap_or_else(|| panic!("{href} has no #{fragment}"));
            assert_eq!(text_of(span).trim(), sentence, "{href}");
            checked += 1;
        }
    }
    assert!(checked >= 2, "the summary's sentences are cited: {summary}");
    // every citation anywhere on the page names an existing sentence
    for href in hrefs(&html, "/articles/") {
        if let Some((path, fragment)) = href.split_once('#') {
            let (_, article) = get(path).await;
            assert!(article.contains(&format!("<span class=\"sentence\" id=\"{fragment}\">")), "{href}");
        }
    }
}

#[tokio::test]
async fn the_article_page_has_its_layers_and_metadata() {
    let store = Store::open_existing(archive()).expect("open");
    let bbc = store
        .story_articles(riyadh_story())
        .expect("articles")
        .into_iter()
        .find(|a| a.outlet.as_deref() == Some("BBC"))
        .expect("the BBC article");
    let (status, html) = get(&format!("/articles/{}", bbc.id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<span class=\"sentence\" id=\"s0\">"), "{html}");
    assert!(html.contains("class=\"ent ent-person"), "entities");
    assert!(html.contains("title=\"Person: Keith Kellogg\""), "entity names on hover");
    assert!(html.contains("<q class=\"quote quote-direct\" title=\"Keith Kellogg\">"), "quotes with their speaker");
    assert!(html.contains("<time class=\"timex"), "time expressions");
    assert!(section(&html, "metadata").contains("2025-02-16"));
    assert!(html.contains(&format!("href=\"/stories/{}\"", riyadh_story())), "the story link");
    assert!(html.contains("id=\"removed\""));
    assert!(!html.contains(" style=") && !html.contains("<script"));
}

#[tokio::test]
async fn hostile_text_is_escaped_and_never_a_javascript_link() {
    let store = Store::open_existing(archive()).expect("open");
    let hit =
        store.search("Springfield", &parallax_store::SearchFilter { limit: 5, ..Default::default() }).expect("search");
    let id = hit.first().expect("the hostile article is stored").article;
    let story = hit.first().and_then(|h| h.story).expect("its story");
    for uri in [
        format!("/articles/{id}"),
        format!("/stories/{story}"),
        "/".to_string(),
        "/search?q=Springfield".to_string(),
        "/search?q=%3Cscript%3E".to_string(),
        "/outlets".to_string(),
    ] {
        let (status, html) = get(&uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(!html.contains("<script"), "{uri}: {html}");
        assert!(!html.contains("<img"), "{uri}: {html}");
        assert!(!html.contains("<b>Evil"), "{uri}: {html}");
        assert!(!html.to_ascii_lowercase().contains("href=\"javascript:"), "{uri}: {html}");
    }
    let (_, html) = get(&format!("/articles/{id}")).await;
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    assert!(html.contains("javascript:alert(1)"), "the URL is shown as text: {html}");
}

#[tokio::test]
async fn the_lists_search_and_entity_pages_render() {
    let (status, html) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"/stories/{}\"", riyadh_story())));
    let (status, html) = get("/?since=2025-02-01&until=2025-02-28&outlet=BBC").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"/stories/{}\"", riyadh_story())), "{html}");

    let (status, html) = get("/search?q=Kellogg").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<ol class=\"results\" id=\"results\">"), "{html}");
    assert!(html.contains("<li class=\"hit\">") && html.contains("<mark>Kellogg</mark>"), "{html}");
    let (status, html) = get("/search").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!html.contains("class=\"results\""));

    let (status, html) = get("/entities/keith%20kellogg").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("chalk on the blackboard"), "{html}");
    assert!(html.contains("US special envoy") || html.contains("envoy"), "roles: {html}");

    let (status, html) = get("/outlets").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("href=\"/outlets/Al%20Jazeera\""), "{html}");
    let (status, html) = get("/outlets/Al%20Jazeera").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("href=\"/stories/{}\"", riyadh_story())), "{html}");
    assert!(html.contains("id=\"exclusives\""));
}

#[tokio::test]
async fn bad_requests_get_a_reason_and_missing_things_a_404() {
    for uri in
        ["/stories/999999", "/stories/abc", "/articles/999999", "/entities/nobody%20at%20all", "/outlets/Nowhere"]
    {
        let (status, _) = get(uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
    }
    for uri in [
        "/?since=yesterday",
        "/?until=2025-13-01",
        "/search?q=x&since=2025-2-1",
        "/?page=0",
        "/?page=10001",
        "/?page=abc",
    ] {
        let (status, html) = get(uri).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{uri}");
        assert!(html.contains("must be"), "{uri}: {html}");
    }
    let long = "x".repeat(501);
    let (status, _) = get(&format!("/search?q={long}")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
