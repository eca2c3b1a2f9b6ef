//! The JSON API under `/api/v1/`: the archive's stories, articles, entities, quotes and search,
//! and `POST /articles` to add articles. Errors are `{"error": {"status", "message"}}`.

use axum::extract::{Query, State};
use axum::routing::get;
use axum::{Json, Router};

use crate::{ApiError, AppState, MAX_PAGE};

/// The API's routes (nested under `/api/v1`).
pub fn routes() -> Router<AppState> {
    Router::new().route("/stories", get(stories))
}

/// Query of `GET /stories`.
#[derive(Debug, Default, serde::Deserialize)]
struct StoriesQuery {
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn stories(
    State(state): State<AppState>,
    Query(q): Query<StoriesQuery>,
) -> Result<Json<Vec<parallax_store::StoryListing>>, ApiError> {
    let limit = q.limit.unwrap_or(20).clamp(1, MAX_PAGE);
    let offset = q.offset.unwrap_or(0);
    let stories = state
        .pool
        .read(move |store| Ok(store.stories(&parallax_store::StoryFilter { limit, offset, ..Default::default() })?))
        .await?;
    Ok(Json(stories))
}
