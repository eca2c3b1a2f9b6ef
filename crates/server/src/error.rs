//! Errors as responses: JSON `{"error": {"status", "message"}}` for the API, a small HTML page
//! for the UI. A handler never panics on input; what it cannot serve is a 4xx with a reason.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

/// An API error: a status and a message for the client.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong, for a person.
    pub message: String,
}

impl ApiError {
    /// 400 with `message`.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::BAD_REQUEST, message: message.into() }
    }

    /// 404 with `message`.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, message: message.into() }
    }

    /// 500 with `message`.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError { status: StatusCode::INTERNAL_SERVER_ERROR, message: message.into() }
    }
}

impl From<parallax_store::StoreError> for ApiError {
    fn from(e: parallax_store::StoreError) -> ApiError {
        match e {
            parallax_store::StoreError::Busy(_) => {
                ApiError { status: StatusCode::SERVICE_UNAVAILABLE, message: e.to_string() }
            }
            _ => ApiError::internal(e.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": { "status": self.status.as_u16(), "message": self.message } });
        (self.status, axum::Json(body)).into_response()
    }
}

/// A page error: the same status and message, as an HTML page.
#[derive(Debug, Clone)]
pub struct PageError(pub ApiError);

impl From<ApiError> for PageError {
    fn from(e: ApiError) -> PageError {
        PageError(e)
    }
}

impl From<parallax_store::StoreError> for PageError {
    fn from(e: parallax_store::StoreError) -> PageError {
        PageError(e.into())
    }
}

impl From<minijinja::Error> for PageError {
    fn from(e: minijinja::Error) -> PageError {
        PageError(ApiError::internal(format!("rendering the page failed: {e}")))
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let status = self.0.status;
        let message = crate::pages::escape(&self.0.message);
        let body = format!(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{code} · Parallax</title>\
             <link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body><main><h1>{code}</h1><p>{message}</p>\
             <p><a href=\"/\">Latest stories</a></p></main></body></html>",
            code = status.as_u16()
        );
        (status, axum::response::Html(body)).into_response()
    }
}
