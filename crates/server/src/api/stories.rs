//! `GET /stories` and `GET /stories/{id}`.

use axum::extract::State;
use axum::Json;
use parallax_store::{ArticleListing, StoryFilter, StoryListing};

use super::params::{date, page, text, ApiPath, ApiQuery, Page};
use crate::{ApiError, AppState};

/// Query of `GET /stories`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoriesQuery {
    /// Stories with an article published on or after this day.
    pub since: Option<String>,
    /// Stories with an article published on or before this day.
    pub until: Option<String>,
    /// Stories with an article from this outlet.
    pub outlet: Option<String>,
    /// Stories naming this entity.
    pub entity: Option<String>,
    /// Stories with an article in this language.
    pub language: Option<String>,
    /// Page size.
    pub limit: Option<usize>,
    /// Items to skip.
    pub offset: Option<usize>,
}

/// `GET /stories`: stories, latest first.
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<StoriesQuery>,
) -> Result<Json<Page<StoryListing>>, ApiError> {
    let (limit, offset) = page(q.limit, q.offset)?;
    let filter = StoryFilter {
        since: date("since", q.since)?,
        until: date("until", q.until)?,
        outlet: text(q.outlet),
        entity: text(q.entity),
        language: text(q.language).map(|l| l.to_ascii_lowercase()),
        limit: limit + 1,
        offset,
    };
    let items = state.pool.read(move |store| Ok(store.stories(&filter)?)).await?;
    Ok(Json(Page::new(items, limit, offset)))
}

/// One story: its listing, its analysis (the JSON contract's story object), its timeline and
/// its articles.
#[derive(Debug, serde::Serialize)]
pub struct StoryResponse {
    /// Headline, counts, dates.
    pub listing: StoryListing,
    /// The story object of the analysis contract, as built at its last rebuild.
    pub story: serde_json::Value,
    /// Its timeline as JSON.
    pub timeline: serde_json::Value,
    /// Its articles, earliest first.
    pub articles: Vec<ArticleListing>,
}

/// `GET /stories/{id}`.
pub async fn one(State(state): State<AppState>, ApiPath(id): ApiPath<i64>) -> Result<Json<StoryResponse>, ApiError> {
    let response = state
        .pool
        .read(move |store| {
            let Some(stored) = store.story(id)? else {
                return Err(ApiError::not_found(format!("no story {id}")));
            };
            let articles = store.story_articles(id)?;
            let story = serde_json::from_str(&stored.json)
                .map_err(|e| ApiError::internal(format!("story {id}'s stored JSON does not parse: {e}")))?;
            let timeline = if stored.timeline_json.trim().is_empty() {
                serde_json::Value::Null
            } else {
                serde_json::from_str(&stored.timeline_json).unwrap_or(serde_json::Value::Null)
            };
            Ok(StoryResponse { listing: stored.listing, story, timeline, articles })
        })
        .await?;
    Ok(Json(response))
}
