//! `GET /quotes`.

use axum::extract::State;
use axum::Json;
use parallax_store::QuoteRecord;

use super::params::{article_filter, page, ApiQuery, Page};
use crate::{ApiError, AppState};

/// Query of `GET /quotes`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuotesQuery {
    /// Quotes by this speaker.
    pub speaker: Option<String>,
    /// Quotes of this story.
    pub story: Option<i64>,
    /// Quotes in articles of this outlet.
    pub outlet: Option<String>,
    /// Published on or after this day.
    pub since: Option<String>,
    /// Published on or before this day.
    pub until: Option<String>,
    /// In articles naming this entity.
    pub entity: Option<String>,
    /// Page size.
    pub limit: Option<usize>,
    /// Items to skip.
    pub offset: Option<usize>,
}

/// `GET /quotes`: quotes in article order.
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<QuotesQuery>,
) -> Result<Json<Page<QuoteRecord>>, ApiError> {
    let (limit, offset) = page(q.limit, q.offset)?;
    let filter = article_filter(q.outlet, q.since, q.until, q.speaker, q.entity, (limit, offset))?;
    let story = q.story;
    let items = state.pool.read(move |store| Ok(store.quotes(story, &filter)?)).await?;
    Ok(Json(Page::new(items, limit, offset)))
}
