//! The web UI: HTML pages rendered on the server, usable without JavaScript.
//!
//! Each page is a handler that reads the archive through the [`crate::Pool`] and renders one
//! template from `templates/` (compiled into the binary). The template engine escapes every
//! value (auto-escape is on for `.html` templates), so article text, titles, URLs and names
//! can never become markup.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{Html, IntoResponse};
use axum::routing::get;
use axum::Router;
use minijinja::context;

use crate::{AppState, PageError};

/// The stylesheet, embedded.
const STYLE: &str = include_str!("../../assets/style.css");

/// Every template, by name, embedded.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
];

/// The compiled templates.
pub fn templates() -> Result<minijinja::Environment<'static>, minijinja::Error> {
    let mut env = minijinja::Environment::new();
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// The pages and assets.
pub fn routes() -> Router<AppState> {
    Router::new().route("/", get(index)).route("/assets/style.css", get(style))
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

/// Renders template `name` with `ctx`.
pub fn render(state: &AppState, name: &str, ctx: minijinja::Value) -> Result<Html<String>, PageError> {
    Ok(Html(state.templates.get_template(name)?.render(ctx)?))
}

async fn style() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "max-age=3600")], STYLE)
}

/// Query of the front page.
#[derive(Debug, Default, serde::Deserialize)]
struct IndexQuery {
    page: Option<usize>,
}

async fn index(State(state): State<AppState>, Query(q): Query<IndexQuery>) -> Result<Html<String>, PageError> {
    let page = q.page.unwrap_or(1).max(1);
    let per_page = 25;
    let stories = state
        .pool
        .read(move |store| {
            let filter =
                parallax_store::StoryFilter { limit: per_page, offset: (page - 1) * per_page, ..Default::default() };
            Ok(store.stories(&filter)?)
        })
        .await?;
    render(&state, "index.html", context! { stories, page })
}
