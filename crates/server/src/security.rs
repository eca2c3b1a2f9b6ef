//! The layers every response goes through, and the write-token check.
//!
//! - a Content-Security-Policy that allows only this server's own scripts, styles and images
//!   (no inline script, no inline style, nothing from another origin), plus `nosniff`, no
//!   framing and no referrer;
//! - request bodies bounded ([`crate::MAX_BODY_BYTES`]) and query strings bounded
//!   ([`crate::MAX_QUERY_BYTES`]), each refusal a response with a reason;
//! - a time limit per request.

use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

use crate::{ApiError, AppState, MAX_BODY_BYTES, MAX_QUERY_BYTES};

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                       connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Longest a request may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// `app` behind the security layers.
pub fn layers(app: Router) -> Router {
    app.layer(axum::middleware::from_fn(bound_query))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT))
        // outside the two limits, so their refusals pass through it
        .layer(axum::middleware::map_response(json_refusals))
        .layer(SetResponseHeaderLayer::overriding(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP)))
        .layer(SetResponseHeaderLayer::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::overriding(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
}

/// The body-limit and time-limit layers answer in plain text: their refusals become JSON errors
/// with a reason, like every other.
async fn json_refusals(response: Response) -> Response {
    let plain = !response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json") || t.starts_with("text/html"));
    match response.status() {
        StatusCode::PAYLOAD_TOO_LARGE if plain => ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: format!("the request body is larger than {MAX_BODY_BYTES} bytes"),
        }
        .into_response(),
        StatusCode::REQUEST_TIMEOUT if plain => ApiError {
            status: StatusCode::REQUEST_TIMEOUT,
            message: format!("the request took longer than {} s", REQUEST_TIMEOUT.as_secs()),
        }
        .into_response(),
        _ => response,
    }
}

/// Refuses a query string longer than [`MAX_QUERY_BYTES`].
async fn bound_query(request: Request, next: Next) -> Response {
    if request.uri().query().is_some_and(|q| q.len() > MAX_QUERY_BYTES) {
        return ApiError {
            status: StatusCode::URI_TOO_LONG,
            message: format!("the query string is longer than {MAX_QUERY_BYTES} bytes"),
        }
        .into_response();
    }
    next.run(request).await
}

/// Checks the bearer token of a write: 403 when the server has none configured (writes are off),
/// 401 when the request's is missing or wrong.
pub fn require_token(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = state.token.as_deref() else {
        return Err(ApiError {
            status: StatusCode::FORBIDDEN,
            message: "writes are disabled: start the server with --token-file or PARALLAX_TOKEN set".into(),
        });
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(t) if constant_time_eq(t.as_bytes(), expected.as_bytes()) => Ok(()),
        Some(_) => Err(ApiError { status: StatusCode::UNAUTHORIZED, message: "the bearer token is not valid".into() }),
        None => Err(ApiError {
            status: StatusCode::UNAUTHORIZED,
            message: "this endpoint needs an Authorization: Bearer TOKEN header".into(),
        }),
    }
}

/// Compares without stopping at the first difference (the time taken says nothing of the token).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
    }
}
