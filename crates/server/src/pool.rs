//! Read connections to the archive, shared by the request handlers: SQLite connections, or
//! PostgreSQL ones when the archive is a `postgres://` URL (this pool is then the pool of
//! PostgreSQL connections). A connection is not shared between threads: each request borrows
//! one on a blocking thread and gives it back.

use std::path::Path;
use std::sync::Mutex;

use parallax_store::{Store, StoreError};

use crate::ApiError;

/// A fixed set of open read connections.
#[derive(Debug)]
pub struct Pool {
    idle: Mutex<Vec<Store>>,
    path: std::path::PathBuf,
}

impl Pool {
    /// Opens `n` connections to the archive at `path` (which must exist).
    pub fn open(path: &Path, n: usize) -> Result<Pool, StoreError> {
        let mut idle = Vec::with_capacity(n);
        for _ in 0..n {
            idle.push(Store::open_existing(path)?);
        }
        Ok(Pool { idle: Mutex::new(idle), path: path.to_path_buf() })
    }

    /// Runs `f` with a connection on a blocking thread; a new connection is opened when all are
    /// busy (and kept afterwards only while the pool is not over its size).
    pub async fn read<T, F>(self: &std::sync::Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = pool.take()?;
            let result = f(&store);
            pool.give_back(store);
            result
        })
        .await
        .map_err(|e| ApiError::internal(format!("a request handler failed: {e}")))?
    }

    fn take(&self) -> Result<Store, ApiError> {
        let store = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        match store {
            Some(s) => Ok(s),
            None => Store::open_existing(&self.path).map_err(ApiError::from),
        }
    }

    fn give_back(&self, store: Store) {
        if let Ok(mut idle) = self.idle.lock() {
            if idle.len() < 64 {
                idle.push(store);
            }
        }
    }
}
