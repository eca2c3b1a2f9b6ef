//! `GET /entities` and `GET /entities/{key}`.

use axum::extract::State;
use axum::Json;
use parallax_store::{EntityListing, EntityProfile};

use super::params::{page, text, ApiPath, ApiQuery, Page};
use crate::{ApiError, AppState, MAX_PAGE};

/// Query of `GET /entities`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitiesQuery {
    /// Only entities whose key (folded name) starts with this.
    pub prefix: Option<String>,
    /// Page size.
    pub limit: Option<usize>,
    /// Items to skip.
    pub offset: Option<usize>,
}

/// `GET /entities`: entities named in most stories first.
pub async fn list(
    State(state): State<AppState>,
    ApiQuery(q): ApiQuery<EntitiesQuery>,
) -> Result<Json<Page<EntityListing>>, ApiError> {
    let (limit, offset) = page(q.limit, q.offset)?;
    let prefix = text(q.prefix);
    let items = state.pool.read(move |store| Ok(store.entities(prefix.as_deref(), limit + 1, offset)?)).await?;
    Ok(Json(Page::new(items, limit, offset)))
}

/// `GET /entities/{key}`: one entity across the archive, with its stories (at most
/// [`MAX_PAGE`], latest first).
pub async fn one(
    State(state): State<AppState>,
    ApiPath(key): ApiPath<String>,
) -> Result<Json<EntityProfile>, ApiError> {
    let profile = state
        .pool
        .read(move |store| {
            store.entity(&key, MAX_PAGE)?.ok_or_else(|| ApiError::not_found(format!("no entity {key:?}")))
        })
        .await?;
    Ok(Json(profile))
}
