//! The web UI: HTML pages rendered on the server, usable without JavaScript.
//!
//! Each page is a handler that reads the archive through the [`crate::Pool`] and renders one
//! template from `templates/` (compiled into the binary). The template engine escapes every
//! value (auto-escape is on for `.html` templates), so article text, titles, URLs and names
//! can never become markup. The one piece of HTML built in Rust, an article's text with its
//! layers ([`markup`]), escapes every text piece and attribute with [`escape`].
//!
//! Pages: `/` ([`index`]), `/stories/{id}` ([`story`]), `/articles/{id}` ([`article`]),
//! `/entities/{key}` ([`entity`]), `/search` ([`search`]), `/outlets` and `/outlets/{name}`
//! ([`outlets`]).

pub mod article;
pub mod entity;
pub mod index;
pub mod markup;
pub mod outlets;
pub mod params;
pub mod search;
pub mod story;

use axum::http::header;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;

use crate::{ApiError, AppState, PageError};

/// The stylesheet, embedded.
const STYLE: &str = include_str!("../../assets/style.css");

/// Every template, by name, embedded.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("story.html", include_str!("../../templates/story.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("entity.html", include_str!("../../templates/entity.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("outlets.html", include_str!("../../templates/outlets.html")),
    ("outlet.html", include_str!("../../templates/outlet.html")),
];

/// Stories (or results) per page of a list.
pub const PER_PAGE: usize = 25;

/// The compiled templates. Auto-escape is on for every `.html` template; strings are escaped
/// with [`escape`] (as minijinja does, but leaving `/` alone, so URLs read as written).
pub fn templates() -> Result<minijinja::Environment<'static>, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), minijinja::AutoEscape::Html) && !value.is_safe() {
            if let Some(s) = value.as_str() {
                return Ok(out.write_str(&escape(s))?);
            }
        }
        minijinja::escape_formatter(out, state, value)
    });
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// The pages and assets.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(index::page))
        .route("/stories/{id}", get(story::page))
        .route("/articles/{id}", get(article::page))
        .route("/entities/{key}", get(entity::page))
        .route("/search", get(search::page))
        .route("/outlets", get(outlets::list))
        .route("/outlets/{name}", get(outlets::page))
        .route("/assets/style.css", get(style))
}

/// HTML-escapes `text` (for the few strings built outside templates).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Percent-encodes `text` for a path segment or a query value (every byte but the unreserved
/// characters of RFC 3986).
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `url` when it may be a link (`http://` or `https://`), else `None`: a `javascript:` or
/// `data:` URL from an article never becomes an `href`.
pub fn safe_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| url.to_string())
}

/// The page of an entity named `name`: `/entities/{name_key(name)}`, URL-encoded.
pub fn entity_href(name: &str) -> String {
    format!("/entities/{}", url_encode(&parallax_store::name_key(name)))
}

/// The page of outlet `name`.
pub fn outlet_href(name: &str) -> String {
    format!("/outlets/{}", url_encode(name))
}

/// Renders template `name` with `ctx`.
pub fn render(state: &AppState, name: &str, ctx: minijinja::Value) -> Result<Html<String>, PageError> {
    Ok(Html(state.templates.get_template(name)?.render(ctx)?))
}

/// A 404 page error saying `what` was not found.
pub fn not_found(what: impl Into<String>) -> PageError {
    PageError(ApiError::not_found(what))
}

/// Parses an id from a path segment; anything else is a 404 naming `what`.
pub fn parse_id(raw: &str, what: &str) -> Result<i64, PageError> {
    raw.parse::<i64>().ok().filter(|id| *id > 0).ok_or_else(|| not_found(format!("no {what} {raw:?}")))
}

async fn style() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")], STYLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(safe_url(Some("https://example.org/a")).as_deref(), Some("https://example.org/a"));
        assert_eq!(safe_url(Some("HTTP://example.org")).as_deref(), Some("HTTP://example.org"));
        assert_eq!(safe_url(Some("javascript:alert(1)")), None);
        assert_eq!(safe_url(Some(" javascript:alert(1)")), None);
        assert_eq!(safe_url(Some("data:text/html,x")), None);
        assert_eq!(safe_url(Some("//evil.example")), None);
        assert_eq!(safe_url(None), None);
    }

    #[test]
    fn urls_are_encoded() {
        assert_eq!(url_encode("keith kellogg"), "keith%20kellogg");
        assert_eq!(url_encode("a/b?c&d"), "a%2Fb%3Fc%26d");
        assert_eq!(url_encode("é"), "%C3%A9");
    }
}
