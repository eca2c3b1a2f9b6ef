//! `parallax bench --serve FILE`: the load benchmark of `parallax serve` over an existing archive.
//!
//! The server runs in this process, on its own multi-threaded runtime (as many worker threads as
//! `parallax serve` starts: one per core) and listens on `127.0.0.1:0`, loopback only. Clients run
//! on one current-thread runtime of their own, each over one keep-alive HTTP/1.1 connection,
//! spoken by the small client below (request line and headers out; status line, headers and a
//! `Content-Length` or chunked body in).
//!
//! Targets come from the archive itself: story ids evenly spaced over all stories, the stories
//! with the most articles, and one word of each title of a fixed pseudo-random sample of
//! articles (as `bench --archive` does). For each scenario (the story page, the story page of the
//! largest stories, the search page, the story and search API) each target is first
//! requested once (the "cold" row: a warm-up, the archive's pages read from disk); then for 1, 8
//! and 64 clients about [`REQUESTS_PER_CELL`] requests are sent, or fewer if
//! [`CELL_SECONDS`] pass first. A scenario whose route answers 404 is reported as unavailable.
//! Any other non-2xx answer or I/O error is an error: counted, the first one printed, and the
//! run exits with 1.

use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// Requests per cell (scenario × clients), shared among the clients.
const REQUESTS_PER_CELL: usize = 2000;

/// Longest a cell runs: clients stop sending when this has passed.
const CELL_SECONDS: u64 = 10;

/// Story ids and search words taken from the archive.
const TARGETS: usize = 400;

/// Stories of the "story page, largest" scenario: those with the most articles.
const LARGEST: usize = 20;

/// Concurrent clients of each cell.
const CLIENTS: [usize; 3] = [1, 8, 64];

/// Clients of the warm-up pass (each target once).
const WARM_UP_CLIENTS: usize = 8;

/// Longest a response's head (status line and headers) may be.
const MAX_HEAD_BYTES: usize = 64 * 1024;

/// What one scenario requests.
struct Scenario {
    /// Its name in the table.
    name: &'static str,
    /// The paths requested, in turn.
    paths: Arc<Vec<String>>,
}

/// `parallax bench --serve FILE`: starts the server over the archive `db` on loopback and
/// prints, per scenario and number of clients, requests/s, p50 and p99 latency and errors.
pub fn run(db: &Path) -> Result<ExitCode> {
    let (ids, biggest, words) = targets(db)?;
    let scenarios = [
        Scenario { name: "story page", paths: Arc::new(ids.iter().map(|id| format!("/stories/{id}")).collect()) },
        Scenario {
            name: "story page, largest",
            paths: Arc::new(biggest.iter().map(|id| format!("/stories/{id}")).collect()),
        },
        Scenario {
            name: "search page",
            paths: Arc::new(words.iter().map(|w| format!("/search?q={}", url_encode(w))).collect()),
        },
        Scenario { name: "API story", paths: Arc::new(ids.iter().map(|id| format!("/api/v1/stories/{id}")).collect()) },
        Scenario {
            name: "API search",
            paths: Arc::new(words.iter().map(|w| format!("/api/v1/search?q={}", url_encode(w))).collect()),
        },
    ];

    // the server: its own runtime, as many workers as `parallax serve` has (tokio's default)
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .thread_name("parallax-serve")
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    let config = parallax_server::Config::new(db.to_path_buf());
    let state = parallax_server::AppState::open(&config)
        .with_context(|| format!("cannot open the archive {} for serving", db.display()))?;
    let listener =
        server_rt.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).context("cannot listen on 127.0.0.1")?;
    let addr = listener.local_addr().context("cannot read the listening address")?;
    if !addr.ip().is_loopback() {
        bail!("the benchmark listens on loopback only, got {addr}");
    }
    let server = server_rt.spawn(parallax_server::serve_on(listener, state));
    println!(
        "server:          http://{addr}/ in this process: {workers} tokio worker thread(s) (blocking threads for the \
         store's reads, {} pooled read connections); clients on 1 thread of their own",
        config.readers
    );
    println!(
        "load:            per cell ~{REQUESTS_PER_CELL} requests over keep-alive HTTP/1.1 connections, at most \
         {CELL_SECONDS} s; targets: {} stories, {} words (cold = each target once, {WARM_UP_CLIENTS} clients)",
        ids.len(),
        words.len()
    );
    println!(
        "{:<20} {:>7} {:>8} {:>8} {:>8} {:>8} {:>8} {:>9} {:>6}  slowest",
        "scenario", "clients", "requests", "req/s", "p50 ms", "p99 ms", "max ms", "KB/resp", "errors"
    );

    let client_rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the clients' runtime")?;
    let mut errors = 0;
    for scenario in &scenarios {
        if scenario.paths.is_empty() {
            println!("{:<20} unavailable: no targets in the archive", scenario.name);
            continue;
        }
        let probe = client_rt.block_on(probe(addr, &scenario.paths[0]))?;
        if probe.status == 404 {
            println!(
                "{:<20} unavailable: GET {} answered 404 {}",
                scenario.name,
                scenario.paths[0],
                snippet(&probe.body)
            );
            continue;
        }
        let passes = std::iter::once(("cold", WARM_UP_CLIENTS, scenario.paths.len()))
            .chain(CLIENTS.iter().map(|&c| ("", c, REQUESTS_PER_CELL)));
        for (label, clients, total) in passes {
            let cell = client_rt.block_on(run_cell(addr, &scenario.paths, clients, total));
            if server.is_finished() {
                bail!("the server stopped during the benchmark (Ctrl-C?)");
            }
            errors += cell.errors;
            print_cell(scenario.name, label, clients, &cell);
        }
    }
    server.abort();
    server_rt.shutdown_timeout(Duration::from_secs(1));
    if errors > 0 {
        println!("{errors} error(s): not every request was answered with 2xx");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the archive's size and returns the story ids (evenly spaced, and the
/// [`LARGEST`] with the most articles) and search words to request.
fn targets(db: &Path) -> Result<(Vec<i64>, Vec<i64>, Vec<String>)> {
    let store = parallax_store::Store::open_existing(db)
        .with_context(|| format!("cannot open the archive {}", db.display()))?;
    let (articles, stories, _) = store.counts().context("cannot count the archive's rows")?;
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
    println!("archive:         {} — {articles} articles, {stories} stories, {:.1} MB", db.display(), size as f64 / 1e6);
    let all = store.story_ids().context("cannot list the stories")?;
    let step = (all.len() / TARGETS).max(1);
    let ids: Vec<i64> = all.iter().step_by(step).take(TARGETS).copied().collect();
    let every = parallax_store::StoryFilter { limit: all.len().max(1), ..Default::default() };
    let mut listings = store.stories(&every).context("cannot list the stories")?;
    listings.sort_by_key(|s| (std::cmp::Reverse(s.articles), s.id));
    let biggest: Vec<i64> = listings.iter().take(LARGEST).map(|s| s.id).collect();
    if let (Some(first), Some(last)) = (listings.first(), listings.get(biggest.len().saturating_sub(1))) {
        println!(
            "largest stories: {} with {} to {} articles each (\"story page, largest\")",
            biggest.len(),
            last.articles,
            first.articles
        );
    }
    let mut titles = store.sample_titles(TARGETS).context("cannot sample titles")?;
    if titles.is_empty() {
        // articles without titles (plain text files): the stories' headlines instead
        let filter = parallax_store::StoryFilter { limit: TARGETS, ..Default::default() };
        titles = store.stories(&filter).context("cannot list the stories")?.into_iter().map(|s| s.headline).collect();
    }
    Ok((ids, biggest, query_words(&titles)))
}

/// One word (longer than 3 characters) of each title, at a different position each time.
fn query_words(titles: &[String]) -> Vec<String> {
    titles
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let w: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() > 3).collect();
            (!w.is_empty()).then(|| w[i % w.len()].to_string())
        })
        .collect()
}

/// Prints one row of the table (and the first error under it).
fn print_cell(name: &str, label: &str, clients: usize, cell: &Cell) {
    let mut times = cell.latencies.clone();
    times.sort_unstable();
    let at = |q: f64| {
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    let n = cell.latencies.len();
    let clients = if label.is_empty() { clients.to_string() } else { format!("{label} {clients}") };
    let slowest =
        cell.slowest.as_ref().map_or(String::new(), |(d, p)| format!("{p} ({:.0} ms)", d.as_secs_f64() * 1e3));
    println!(
        "{name:<20} {clients:>7} {n:>8} {:>8.0} {:>8.1} {:>8.1} {:>8.1} {:>9.1} {:>6}  {slowest}",
        n as f64 / cell.elapsed.as_secs_f64().max(1e-9),
        at(0.5),
        at(0.99),
        at(1.0),
        cell.bytes as f64 / n.max(1) as f64 / 1024.0,
        cell.errors
    );
    if let Some(first) = &cell.first_error {
        println!("{:<20} first error: {first}", "");
    }
}

/// What one cell measured.
#[derive(Debug, Default)]
struct Cell {
    /// Each answered request's latency (errors included).
    latencies: Vec<Duration>,
    /// Non-2xx answers and I/O errors.
    errors: usize,
    /// The first error: status or I/O error, path, the start of the body.
    first_error: Option<String>,
    /// Body bytes received.
    bytes: u64,
    /// Wall time of the cell.
    elapsed: Duration,
    /// The slowest request and its path.
    slowest: Option<(Duration, String)>,
}

impl Cell {
    /// Counts an error described by `what` (kept if it is the first).
    fn error(&mut self, what: impl FnOnce() -> String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(what());
        }
    }

    /// Adds `other`'s figures to these.
    fn merge(&mut self, other: Cell) {
        self.latencies.extend(other.latencies);
        self.errors += other.errors;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
        self.bytes += other.bytes;
        if let Some((d, p)) = other.slowest {
            if self.slowest.as_ref().is_none_or(|(s, _)| d > *s) {
                self.slowest = Some((d, p));
            }
        }
    }
}

/// `clients` clients sending `total` requests in all (split evenly) over `paths`, each client
/// starting at a different target; stops early after [`CELL_SECONDS`].
async fn run_cell(addr: SocketAddr, paths: &Arc<Vec<String>>, clients: usize, total: usize) -> Cell {
    let started = Instant::now();
    let deadline = started + Duration::from_secs(CELL_SECONDS);
    let per_client = total.div_ceil(clients);
    let mut tasks = tokio::task::JoinSet::new();
    for c in 0..clients {
        let paths = paths.clone();
        let first = c * paths.len() / clients;
        let count = per_client.min(total.saturating_sub(c * per_client));
        tasks.spawn(client(addr, paths, first, count, deadline));
    }
    let mut cell = Cell::default();
    while let Some(done) = tasks.join_next().await {
        match done {
            Ok(c) => cell.merge(c),
            Err(e) => cell.error(|| format!("a client task failed: {e}")),
        }
    }
    cell.elapsed = started.elapsed();
    cell
}

/// One client: `count` requests over one keep-alive connection (opened again after an error),
/// the paths in turn from `first`, until `deadline`.
async fn client(addr: SocketAddr, paths: Arc<Vec<String>>, first: usize, count: usize, deadline: Instant) -> Cell {
    let mut cell = Cell::default();
    let mut conn: Option<Connection> = None;
    let mut body = Vec::new();
    for i in 0..count {
        if Instant::now() >= deadline {
            break;
        }
        let path = &paths[(first + i) % paths.len()];
        let mut c = match conn.take() {
            Some(c) => c,
            None => match Connection::open(addr).await {
                Ok(c) => c,
                Err(e) => {
                    // the server is gone: no use trying again until the deadline
                    cell.error(|| format!("cannot connect to {addr}: {e}"));
                    break;
                }
            },
        };
        let started = Instant::now();
        let answer = c.get(path, &mut body).await;
        let took = started.elapsed();
        match answer {
            Ok(head) => {
                cell.latencies.push(took);
                cell.bytes += body.len() as u64;
                if cell.slowest.as_ref().is_none_or(|(s, _)| took > *s) {
                    cell.slowest = Some((took, path.clone()));
                }
                if !(200..300).contains(&head.status) {
                    cell.error(|| format!("{} on GET {path}: {}", head.status, snippet(&body)));
                }
                if !head.close {
                    conn = Some(c);
                }
            }
            // the connection is dropped: the next request opens another
            Err(e) => cell.error(|| format!("I/O error on GET {path}: {e:#}")),
        }
    }
    cell
}

/// A response's status and body, from one request on a fresh connection.
struct Probe {
    /// The status code.
    status: u16,
    /// The body.
    body: Vec<u8>,
}

/// Requests `path` once, to see whether the route exists.
async fn probe(addr: SocketAddr, path: &str) -> Result<Probe> {
    let mut conn = Connection::open(addr).await.with_context(|| format!("cannot connect to the server at {addr}"))?;
    let mut body = Vec::new();
    let head = conn.get(path, &mut body).await.with_context(|| format!("GET {path}"))?;
    Ok(Probe { status: head.status, body })
}

/// The start of a body, on one line, for an error message.
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut out: String = text.chars().take(160).map(|c| if c.is_control() { ' ' } else { c }).collect();
    if text.chars().count() > 160 {
        out.push('…');
    }
    out
}

/// Percent-encodes `text` for a query value (every byte but RFC 3986's unreserved characters).
fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// What the client keeps of a response's head.
#[derive(Debug, PartialEq)]
struct Head {
    /// The status code.
    status: u16,
    /// Whether the server closes the connection after this response.
    close: bool,
}

/// How a response's body is delimited.
#[derive(Debug, PartialEq)]
enum Framing {
    /// No body (1xx, 204, 304).
    Empty,
    /// `Content-Length` bytes.
    Length(usize),
    /// `Transfer-Encoding: chunked`.
    Chunked,
    /// Until the server closes the connection.
    UntilClose,
}

/// One keep-alive HTTP/1.1 connection.
struct Connection {
    /// The stream, buffered for reading.
    stream: BufReader<TcpStream>,
    /// The `Host` header's value.
    host: String,
    /// A line being read.
    line: Vec<u8>,
}

impl Connection {
    /// Connects to `addr` (no Nagle delay: every request is one write).
    async fn open(addr: SocketAddr) -> std::io::Result<Connection> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Connection { stream: BufReader::with_capacity(64 * 1024, stream), host: addr.to_string(), line: Vec::new() })
    }

    /// Sends `GET path` and reads the response, its body into `body`.
    async fn get(&mut self, path: &str, body: &mut Vec<u8>) -> Result<Head> {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: keep-alive\r\n\r\n", self.host);
        self.stream.get_mut().write_all(request.as_bytes()).await.context("sending the request")?;
        body.clear();
        let mut head_bytes = 0;
        let status_line = self.read_line(&mut head_bytes).await.context("reading the status line")?;
        let status = parse_status(&status_line)?;
        let mut length = None;
        let mut chunked = false;
        let mut close = false;
        loop {
            let line = self.read_line(&mut head_bytes).await.context("reading the headers")?;
            if line.is_empty() {
                break;
            }
            let Some((name, value)) = line.split_once(':') else { bail!("a header without a colon: {line:?}") };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = Some(value.parse::<usize>().with_context(|| format!("a bad Content-Length {value:?}"))?);
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.rsplit(',').next().is_some_and(|v| v.trim().eq_ignore_ascii_case("chunked"));
            } else if name.eq_ignore_ascii_case("connection") {
                close = value.split(',').any(|v| v.trim().eq_ignore_ascii_case("close"));
            }
        }
        match framing(status, chunked, length) {
            Framing::Empty => {}
            Framing::Length(n) => {
                body.resize(n, 0);
                self.stream.read_exact(body).await.context("reading the body")?;
            }
            Framing::Chunked => self.read_chunked(body).await.context("reading the chunked body")?,
            Framing::UntilClose => {
                self.stream.read_to_end(body).await.context("reading the body")?;
                close = true;
            }
        }
        Ok(Head { status, close })
    }

    /// Reads a chunked body into `body`, then its trailers.
    async fn read_chunked(&mut self, body: &mut Vec<u8>) -> Result<()> {
        let mut head_bytes = 0;
        loop {
            let line = self.read_line(&mut head_bytes).await?;
            let size = line.split(';').next().unwrap_or("").trim();
            let size = usize::from_str_radix(size, 16).with_context(|| format!("a bad chunk size {size:?}"))?;
            if size == 0 {
                break;
            }
            let start = body.len();
            body.resize(start + size, 0);
            self.stream.read_exact(&mut body[start..]).await?;
            let mut crlf = [0u8; 2];
            self.stream.read_exact(&mut crlf).await?;
            if &crlf != b"\r\n" {
                bail!("a chunk not followed by CRLF");
            }
        }
        // trailers, up to the empty line
        while !self.read_line(&mut head_bytes).await?.is_empty() {}
        Ok(())
    }

    /// Reads one line (without its CRLF); `seen` counts the head's bytes, bounded by
    /// [`MAX_HEAD_BYTES`].
    async fn read_line(&mut self, seen: &mut usize) -> Result<String> {
        self.line.clear();
        let n = self.stream.read_until(b'\n', &mut self.line).await?;
        if n == 0 {
            bail!("the server closed the connection");
        }
        *seen += n;
        if *seen > MAX_HEAD_BYTES {
            bail!("a response head longer than {MAX_HEAD_BYTES} bytes");
        }
        let line = self.line.strip_suffix(b"\n").unwrap_or(&self.line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        Ok(String::from_utf8_lossy(line).into_owned())
    }
}

/// The status code of an `HTTP/1.x NNN reason` line.
fn parse_status(line: &str) -> Result<u16> {
    let mut parts = line.split(' ');
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/1.") {
        bail!("not an HTTP/1 status line: {line:?}");
    }
    let code = parts.next().unwrap_or("");
    code.parse::<u16>().ok().filter(|c| (100..600).contains(c)).with_context(|| format!("a bad status line {line:?}"))
}

/// How the body of a response with `status` is delimited (RFC 9112 §6.3).
fn framing(status: u16, chunked: bool, length: Option<usize>) -> Framing {
    if (100..200).contains(&status) || status == 204 || status == 304 {
        Framing::Empty
    } else if chunked {
        Framing::Chunked
    } else if let Some(n) = length {
        Framing::Length(n)
    } else {
        Framing::UntilClose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_lines_parse() {
        assert_eq!(parse_status("HTTP/1.1 200 OK").ok(), Some(200));
        assert_eq!(parse_status("HTTP/1.0 404 Not Found").ok(), Some(404));
        assert!(parse_status("HTTP/2 200").is_err());
        assert!(parse_status("HTTP/1.1 abc").is_err());
        assert!(parse_status("").is_err());
    }

    #[test]
    fn bodies_are_framed_as_rfc_9112_says() {
        assert_eq!(framing(204, false, Some(10)), Framing::Empty);
        assert_eq!(framing(304, false, None), Framing::Empty);
        assert_eq!(framing(200, true, Some(10)), Framing::Chunked);
        assert_eq!(framing(200, false, Some(10)), Framing::Length(10));
        assert_eq!(framing(500, false, None), Framing::UntilClose);
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(url_encode("Müller & co"), "M%C3%BCller%20%26%20co");
        assert_eq!(url_encode("plain-word_1.~"), "plain-word_1.~");
    }

    /// A server that answers with a chunked body, then a Content-Length one, on one connection.
    #[test]
    fn the_client_reads_chunked_and_sized_bodies_on_one_connection() -> Result<()> {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
        rt.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
            let addr = listener.local_addr()?;
            let server = tokio::spawn(async move {
                let (mut s, _) = listener.accept().await?;
                let mut buf = vec![0u8; 4096];
                let mut seen = Vec::new();
                for answer in [
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n6\r\n world\r\n0\r\nT: v\r\n\r\n",
                    "HTTP/1.1 404 Not Found\r\ncontent-length: 3\r\n\r\nnop",
                ] {
                    // one request: up to its blank line
                    while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                        let n = s.read(&mut buf).await?;
                        seen.extend_from_slice(&buf[..n]);
                    }
                    seen.clear();
                    s.write_all(answer.as_bytes()).await?;
                }
                Ok::<_, std::io::Error>(())
            });
            let mut conn = Connection::open(addr).await?;
            let mut body = Vec::new();
            let head = conn.get("/a", &mut body).await?;
            assert_eq!((head.status, body.as_slice()), (200, &b"hello world"[..]));
            let head = conn.get("/b", &mut body).await?;
            assert_eq!((head.status, body.as_slice(), head.close), (404, &b"nop"[..], false));
            server.await??;
            Ok(())
        })
    }
}
