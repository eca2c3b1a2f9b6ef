//! The JSON API under `/api/v1/`: the archive's stories, articles, entities, quotes and search,
//! and `POST /articles` to add articles. Errors are `{"error": {"status", "message"}}`
//! everywhere: malformed query or path parameters and dates are 400s with the reason, unknown
//! routes 404s, a wrong method 405. [`ROUTES`] lists every route; [`openapi`] documents each.

pub mod articles;
pub mod entities;
pub mod openapi;
pub mod params;
pub mod quotes;
pub mod search;
pub mod stories;

use axum::http::{Method, Uri};
use axum::routing::{any, get};
use axum::Router;

use crate::{ApiError, AppState};

/// Where [`routes`] is nested (handlers see paths without it).
pub const PREFIX: &str = "/api/v1";

/// Every route of the API as (method, path under `/api/v1`): the router and the OpenAPI
/// document are checked against this list.
pub const ROUTES: &[(&str, &str)] = &[
    ("GET", "/stories"),
    ("GET", "/stories/{id}"),
    ("GET", "/articles"),
    ("POST", "/articles"),
    ("GET", "/articles/{id}"),
    ("GET", "/entities"),
    ("GET", "/entities/{key}"),
    ("GET", "/quotes"),
    ("GET", "/search"),
    ("GET", "/openapi.json"),
];

/// The API's routes (nested under `/api/v1`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/stories", get(stories::list))
        .route("/stories/{id}", get(stories::one))
        .route("/articles", get(articles::list).post(articles::post))
        .route("/articles/{id}", get(articles::one))
        .route("/entities", get(entities::list))
        .route("/entities/{key}", get(entities::one))
        .route("/quotes", get(quotes::list))
        .route("/search", get(search::search))
        .route("/openapi.json", get(openapi::serve))
        // `/api/v1` itself reaches the nested router as `/`, which its fallback does not see
        // (`/api/v1/` does not reach it at all: the outer router must route it to [`not_found`])
        .route("/", any(not_found))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

/// The JSON 404 of every path under `/api/v1` that is not a route.
pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("no API route {PREFIX}{}; see {PREFIX}/openapi.json", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError {
        status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
        message: format!("{method} is not allowed on {PREFIX}{}; see {PREFIX}/openapi.json", uri.path()),
    }
}
