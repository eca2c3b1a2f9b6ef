//! What the browser tests stand on: a chromedriver process on a free loopback port, an archive
//! built in a temporary directory from the examples and fixtures, the server on 127.0.0.1:0 and
//! a WebDriver session driving headless Chromium. Everything started here is stopped on drop.

use std::fmt::Display;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder};
use parallax_store::{Ingest, Store};

/// How long chromedriver may take to answer after it is started.
const DRIVER_START: Duration = Duration::from_secs(20);

/// The outcome of one check: `Err` says what was wrong.
pub type Check = Result<(), String>;

/// Turns any error into a check failure that says what was being done.
pub trait Context<T> {
    /// `Err(e)` becomes `Err("{what}: {e}")`.
    fn ctx(self, what: impl Display) -> Result<T, String>;
}

impl<T, E: Display> Context<T> for Result<T, E> {
    fn ctx(self, what: impl Display) -> Result<T, String> {
        self.map_err(|e| format!("{what}: {e}"))
    }
}

/// Fails the check with a formatted message unless `cond` holds.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

/// The repository's root (canonical: article sources are shown as given).
pub fn root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// Where screenshots go: `target/browser-artifacts/` (created on demand).
pub fn artifacts_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root().join("target"));
    target.join("browser-artifacts")
}

/// `name` found on `PATH`, if any.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(name)).find(|p| p.is_file())
}

/// A chromedriver process, killed on drop.
pub struct Driver {
    child: Child,
    /// Its WebDriver URL, `http://127.0.0.1:{port}`.
    pub url: String,
}

impl Driver {
    /// Starts `binary` on a free loopback port and waits (bounded) until it accepts connections.
    pub fn start(binary: &Path) -> Result<Driver, String> {
        let port = free_port().ctx("finding a free port for chromedriver")?;
        let child = Command::new(binary)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ctx(format!("starting {}", binary.display()))?;
        let mut driver = Driver { child, url: format!("http://127.0.0.1:{port}") };
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let deadline = Instant::now() + DRIVER_START;
        loop {
            if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
                return Ok(driver);
            }
            if let Ok(Some(status)) = driver.child.try_wait() {
                return Err(format!("chromedriver exited before answering ({status})"));
            }
            if Instant::now() > deadline {
                return Err(format!("chromedriver did not answer on port {port} within {DRIVER_START:?}"));
            }
            // Polling a port: there is no event to wait on.
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> std::io::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A temporary directory, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A fresh directory named after `name` and this process.
    pub fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("parallax-browser-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("creating a temporary directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Builds the archive at `db` from `inputs` (paths relative to the repository's root), the way
/// `parallax ingest` does: read, analyse, store in batches.
pub fn build_archive(db: &Path, inputs: &[&str]) -> Result<(), String> {
    let inputs: Vec<String> = inputs.iter().map(|i| root().join(i).to_string_lossy().into_owned()).collect();
    let mut docs = Vec::new();
    for doc in parallax_ingest::read_inputs(&inputs) {
        docs.push(doc.ctx("reading a fixture")?);
    }
    docs.iter_mut().for_each(parallax_analyze::analyze);
    let mut store = Store::open(db).ctx("opening the archive")?;
    let mut ingest = Ingest::start(&mut store, &inputs, parallax_analyze::analyze).ctx("starting the ingest")?;
    ingest.add_batch(docs).ctx("storing the articles")?;
    ingest.finish().ctx("finishing the ingest")?;
    Ok(())
}

/// Starts the server on `db` on 127.0.0.1:0; returns its base URL (`http://127.0.0.1:{port}`).
pub async fn start_server(db: &Path) -> Result<String, String> {
    let state = parallax_server::AppState::open(&parallax_server::Config::new(db.to_path_buf()))
        .ctx("opening the archive for the server")?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.ctx("binding 127.0.0.1:0")?;
    let addr = listener.local_addr().ctx("reading the bound address")?;
    tokio::spawn(async move {
        if let Err(e) = parallax_server::serve_on(listener, state).await {
            eprintln!("browser test: the server stopped: {e}");
        }
    });
    Ok(format!("http://{addr}"))
}

/// A WebDriver session with headless Chromium.
pub async fn connect(driver: &Driver) -> Result<Client, String> {
    let mut options = serde_json::json!({
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--window-size=1280,2000",
            "--no-first-run",
            "--no-default-browser-check",
        ],
    });
    if let Some(binary) = std::env::var_os("CHROME").map(PathBuf::from).or_else(|| on_path("chromium")) {
        options["binary"] = serde_json::Value::String(binary.to_string_lossy().into_owned());
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "chrome".into());
    caps.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .ctx("starting a headless Chromium session through chromedriver")?;
    client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(10)),
            Some(Duration::from_secs(20)),
            Some(Duration::ZERO),
        ))
        .await
        .ctx("setting the session's time limits")?;
    Ok(client)
}
