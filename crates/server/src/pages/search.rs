//! `/search?q=`: full-text search over titles, texts and quotes, with optional outlet, dates,
//! speaker and entity; each hit's snippet shows the matched words in `<mark>`.

use axum::extract::{Query, State};
use axum::response::Html;
use minijinja::context;
use parallax_store::SearchFilter;
use serde::Serialize;

use super::params::{query_string, Params};
use super::{render, PER_PAGE};
use crate::{AppState, PageError};

/// A piece of a snippet: text, marked or not.
#[derive(Debug, Serialize, PartialEq)]
pub struct Piece {
    /// The text.
    pub text: String,
    /// Whether it matched the query.
    pub mark: bool,
}

/// A snippet with matches between `[` and `]` as pieces (a bracket without its pair stays
/// text).
pub fn snippet_pieces(snippet: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = snippet;
    while let Some(open) = rest.find('[') {
        let after = rest.get(open + 1..).unwrap_or("");
        let Some(close) = after.find(']') else { break };
        let before = rest.get(..open).unwrap_or("");
        if !before.is_empty() {
            out.push(Piece { text: before.to_string(), mark: false });
        }
        out.push(Piece { text: after.get(..close).unwrap_or("").to_string(), mark: true });
        rest = after.get(close + 1..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push(Piece { text: rest.to_string(), mark: false });
    }
    out
}

#[derive(Debug, Serialize)]
struct HitView {
    article: i64,
    story: Option<i64>,
    title: String,
    outlet: Option<String>,
    published: Option<String>,
    pieces: Vec<Piece>,
}

/// The search page: `q`, `outlet`, `since`, `until`, `speaker`, `entity`, `page`.
pub async fn page(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Html<String>, PageError> {
    let params = Params::new(pairs);
    let q = params.text("q")?;
    let outlet = params.text("outlet")?;
    let since = params.date("since")?;
    let until = params.date("until")?;
    let speaker = params.text("speaker")?;
    let entity = params.text("entity")?;
    let page = params.page()?;
    let hits: Vec<HitView> = match q.clone() {
        None => Vec::new(),
        Some(query) => {
            let filter = SearchFilter {
                outlet: outlet.clone(),
                since: since.clone(),
                until: until.clone(),
                speaker: speaker.clone(),
                entity: entity.clone(),
                limit: PER_PAGE + 1,
                offset: (page - 1) * PER_PAGE,
            };
            let hits = state.pool.read(move |store| Ok(store.search(&query, &filter)?)).await?;
            hits.into_iter()
                .map(|h| HitView {
                    article: h.article,
                    story: h.story,
                    title: h.title.unwrap_or(h.source),
                    outlet: h.outlet,
                    published: h.published,
                    pieces: snippet_pieces(&h.snippet),
                })
                .collect()
        }
    };
    let more = hits.len() > PER_PAGE;
    let hits: Vec<HitView> = hits.into_iter().take(PER_PAGE).collect();
    let link = |page: usize| {
        let page = page.to_string();
        let qs = query_string(&[
            ("q", q.as_deref()),
            ("outlet", outlet.as_deref()),
            ("since", since.as_deref()),
            ("until", until.as_deref()),
            ("speaker", speaker.as_deref()),
            ("entity", entity.as_deref()),
            ("page", Some(page.as_str())),
        ]);
        format!("/search{qs}")
    };
    let prev_url = (page > 1 && q.is_some()).then(|| link(page - 1));
    let next_url = more.then(|| link(page + 1));
    render(&state, "search.html", context! { q, outlet, since, until, speaker, entity, page, hits, prev_url, next_url })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_become_marks() {
        let p = snippet_pieces("…talks in [Riyadh] on [Tuesday].");
        assert_eq!(p.len(), 5);
        assert_eq!(p[1], Piece { text: "Riyadh".into(), mark: true });
        assert_eq!(p[4], Piece { text: ".".into(), mark: false });
        let p = snippet_pieces("a [b");
        assert_eq!(p, vec![Piece { text: "a [b".into(), mark: false }]);
    }
}
