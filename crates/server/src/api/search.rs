//! `GET /search?q=`.

use axum::extract::State;
use axum::Json;
use parallax_store::SearchHit;

use super::params::{article_filter, page, text, ApiQuery, Page};
use crate::{ApiError, AppState};

/// Query of `GET /search`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// The words searched for (titles, texts and quotes).
    pub q: Option<String>,
    /// Only articles of this outlet.
    pub outlet: Option<String>,
    /// Published on or after this day.
    pub since: Option<String>,
    /// Published on or before this day.
    pub until: Option<String>,
    /// Only articles quoting this speaker.
    pub speaker: Option<String>,
    /// Only articles naming this entity.
    pub entity: Option<String>,
    /// Page size.
    pub limit: Option<usize>,
    /// Items to skip.
    pub offset: Option<usize>,
}

/// `GET /search`: articles matching `q`, best first, each with a snippet.
pub async fn search(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<SearchQuery>,
) -> Result<Json<Page<SearchHit>>, ApiError> {
    let (limit, offset) = page(q.limit, q.offset)?;
    let Some(words) = text(q.q) else {
        return Err(ApiError::bad_request("the query parameter q (the words to search for) is missing or empty"));
    };
    let filter = article_filter(q.outlet, q.since, q.until, q.speaker, q.entity, (limit, offset))?;
    let items = state.pool.read(move |store| Ok(store.search(&words, &filter)?)).await?;
    Ok(Json(Page::new(items, limit, offset)))
}
