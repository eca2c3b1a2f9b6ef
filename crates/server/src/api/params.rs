//! Reading a request's query and path: every rejection is our JSON 400 with the reason, dates
//! must look like `YYYY-MM-DD`, a page is at most [`MAX_PAGE`] items.

use axum::extract::{FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::pages::params::is_date;
use crate::{ApiError, MAX_PAGE};

/// Items a list returns when `limit` is not given.
pub const DEFAULT_PAGE: usize = 20;

/// The query string deserialised into `T`; a malformed query is a JSON 400 naming the problem.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::try_from_uri(&parts.uri)
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e| ApiError::bad_request(format!("bad query parameters: {}", e.body_text())))
    }
}

/// A path parameter deserialised into `T`; a malformed one is a JSON 400 naming the problem.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| ApiPath(v))
            .map_err(|e| ApiError::bad_request(format!("bad path parameter: {}", e.body_text())))
    }
}

/// Checks a page: `limit` 1..=[`MAX_PAGE`] (default [`DEFAULT_PAGE`]; above the maximum is a
/// 400, not clamped) and returns (limit, offset).
pub fn page(limit: Option<usize>, offset: Option<usize>) -> Result<(usize, usize), ApiError> {
    let limit = limit.unwrap_or(DEFAULT_PAGE);
    if limit == 0 || limit > MAX_PAGE {
        return Err(ApiError::bad_request(format!("limit must be between 1 and {MAX_PAGE}, got {limit}")));
    }
    let offset = offset.unwrap_or(0);
    if offset > i64::MAX as usize / 2 {
        return Err(ApiError::bad_request(format!("offset {offset} is too large")));
    }
    Ok((limit, offset))
}

/// Checks an optional date parameter `name`: it must look like `YYYY-MM-DD` (a real month and
/// day).
pub fn date(name: &str, value: Option<String>) -> Result<Option<String>, ApiError> {
    match value {
        None => Ok(None),
        Some(v) if is_date(&v) => Ok(Some(v)),
        Some(v) => Err(ApiError::bad_request(format!("{name} must be a date like 2024-05-31 (YYYY-MM-DD), got {v:?}"))),
    }
}

/// The article filters the list routes share (outlet, dates, speaker, entity), checked, for one
/// page: asks the store for one item more than `limit`, so [`Page::new`] can tell whether a next
/// page exists.
pub fn article_filter(
    outlet: Option<String>,
    since: Option<String>,
    until: Option<String>,
    speaker: Option<String>,
    entity: Option<String>,
    (limit, offset): (usize, usize),
) -> Result<parallax_store::SearchFilter, ApiError> {
    Ok(parallax_store::SearchFilter {
        outlet: text(outlet),
        since: date("since", since)?,
        until: date("until", until)?,
        speaker: text(speaker),
        entity: text(entity),
        limit: limit + 1,
        offset,
    })
}

/// An optional text parameter: blank means not given.
pub fn text(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
}

/// One page of a list: `{"items", "limit", "offset", "next_offset"}` (`next_offset` is null on
/// the last page).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// The page size asked for.
    pub limit: usize,
    /// Items skipped before this page.
    pub offset: usize,
    /// The offset of the next page, if there is one.
    pub next_offset: Option<usize>,
}

impl<T> Page<T> {
    /// A page from `items` read with one more than `limit` (the extra one says a next page exists).
    pub fn new(mut items: Vec<T>, limit: usize, offset: usize) -> Page<T> {
        let more = items.len() > limit;
        items.truncate(limit);
        Page { items, limit, offset, next_offset: more.then_some(offset + limit) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days() {
        assert!(is_date("2024-05-31"));
        assert!(!is_date("2024-13-01"));
        assert!(!is_date("yesterday"));
        assert!(!is_date("2024-5-31"));
        assert!(!is_date("2024-05-3x"));
        assert!(!is_date("२०२४-05-31"));
    }

    #[test]
    fn pages() {
        assert_eq!(page(None, None).ok(), Some((DEFAULT_PAGE, 0)));
        assert!(page(Some(MAX_PAGE + 1), None).is_err());
        assert!(page(Some(0), None).is_err());
        let p = Page::new(vec![1, 2, 3], 2, 4);
        assert_eq!(p.items, vec![1, 2]);
        assert_eq!(p.next_offset, Some(6));
    }
}
