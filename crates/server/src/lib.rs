//! `parallax serve`: a web UI people read stories in, and a JSON API, over the archive.
//!
//! This is an edge crate: the engine crates (doc, ingest, analyze, story) know nothing of the
//! web, and the store knows nothing of HTTP. Pages are rendered on the server from the stored
//! stories and articles ([`pages`], templates in `templates/`, every value escaped by the
//! template engine); the API under `/api/v1/` serves the same data as JSON ([`api`]). Every
//! asset is embedded in the binary: nothing is fetched from the internet.
//!
//! Safe by default: [`Config::listen`] is loopback unless told otherwise; writes need a bearer
//! token ([`Config::token`]; without one, writes are refused); request bodies and query
//! parameters are bounded; every response carries a Content-Security-Policy; a bad request gets
//! a 400 with a reason and the server keeps serving.
//!
//! ```no_run
//! # async fn run() -> Result<(), parallax_server::ServerError> {
//! let config = parallax_server::Config::new("parallax.db".into());
//! parallax_server::serve(config).await
//! # }
//! ```

pub mod api;
mod error;
pub mod pages;
mod pool;
pub mod security;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;

pub use error::{ApiError, PageError};
pub use pool::Pool;

/// The address served when `--listen` is not given: loopback only.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// The environment variable that may hold the write token.
pub const TOKEN_ENV: &str = "PARALLAX_TOKEN";

/// Largest request body accepted (a batch of articles for `POST /api/v1/articles`).
pub const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Longest query string accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;

/// Most items one page of a list returns.
pub const MAX_PAGE: usize = 200;

/// How a server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The archive file.
    pub db: PathBuf,
    /// Where to listen.
    pub listen: SocketAddr,
    /// The bearer token writes need; `None` refuses every write.
    pub token: Option<String>,
    /// Read connections kept open.
    pub readers: usize,
}

impl Config {
    /// A config for `db`, on [`DEFAULT_LISTEN`], with no write token.
    pub fn new(db: PathBuf) -> Config {
        Config { db, listen: DEFAULT_LISTEN.parse().expect("the default address parses"), token: None, readers: 8 }
    }
}

/// What can stop the server from starting.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The archive could not be opened.
    #[error(transparent)]
    Store(#[from] parallax_store::StoreError),
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// Serving failed.
    #[error("serving failed: {0}")]
    Serve(std::io::Error),
    /// A template did not compile (a bug in this crate).
    #[error("template {0}")]
    Template(#[from] minijinja::Error),
}

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    /// Read connections to the archive.
    pub pool: Arc<Pool>,
    /// The archive file (writes open their own connection).
    pub db: PathBuf,
    /// The write token, if any.
    pub token: Option<Arc<str>>,
    /// The compiled templates.
    pub templates: Arc<minijinja::Environment<'static>>,
    /// The story clusterer and copy finder the last write kept: the next write catches it up
    /// with what others stored since instead of restoring it from the archive
    /// ([`parallax_store::StreamState`]). Writes take their turn on it (and on the archive's
    /// writer lock) one at a time.
    pub stream: Arc<std::sync::Mutex<Option<parallax_store::StreamState>>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("db", &self.db).finish()
    }
}

impl AppState {
    /// Opens the archive (which must exist) and compiles the templates.
    pub fn open(config: &Config) -> Result<AppState, ServerError> {
        let pool = Pool::open(&config.db, config.readers.max(1))?;
        Ok(AppState {
            pool: Arc::new(pool),
            db: config.db.clone(),
            token: config.token.as_deref().map(Arc::from),
            templates: Arc::new(pages::templates()?),
            stream: Arc::new(std::sync::Mutex::new(None)),
        })
    }
}

/// The whole application: pages, assets and API, behind the security layers.
pub fn router(state: AppState) -> Router {
    let app = Router::new()
        .merge(pages::routes())
        .nest("/api/v1", api::routes())
        // a nested router never sees its own path with a trailing slash
        .route("/api/v1/", axum::routing::any(api::not_found))
        .with_state(state);
    security::layers(app)
}

/// Serves `config` until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> Result<(), ServerError> {
    let state = AppState::open(&config)?;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|source| ServerError::Bind { addr: config.listen, source })?;
    serve_on(listener, state).await
}

/// Serves on a bound listener (tests bind port 0 and read the address back) until SIGINT (Ctrl-C)
/// or SIGTERM (what `docker stop`, systemd and Kubernetes send; in a container the server may be
/// process 1, which the kernel does not kill on a signal it does not handle), then finishes the
/// requests in flight.
pub async fn serve_on(listener: tokio::net::TcpListener, state: AppState) -> Result<(), ServerError> {
    axum::serve(listener, router(state)).with_graceful_shutdown(shutdown_signal()).await.map_err(ServerError::Serve)
}

/// Resolves on the first SIGINT or SIGTERM.
async fn shutdown_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    let Ok(mut term) = signal(SignalKind::terminate()) else {
        let _ = tokio::signal::ctrl_c().await;
        return;
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}
