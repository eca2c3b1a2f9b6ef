//! For tests (of this crate and of those built on it): a fresh PostgreSQL database per test.
//!
//! [`postgres_database`] gives the URL of a new, empty database on
//! - the server named by `$PARALLAX_TEST_POSTGRES` (a URL whose user may create databases; the
//!   `parallax_test_*` databases made there are left for inspection), or
//! - a throwaway cluster this process starts once: `initdb` into a temporary folder (as the
//!   `postgres` user, else `nobody`, when running as root: PostgreSQL refuses root), then
//!   `pg_ctl start` on a free loopback port with its socket in that folder. A watchdog process
//!   stops the cluster and removes its folder once the test process has exited.
//!
//! Without PostgreSQL (no `initdb` on `PATH` nor in `/usr/lib/postgresql/*/bin`) it prints one
//! skip line and returns `None`, except when `$CI` is set: there it panics, so that CI never
//! passes without the PostgreSQL tests.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The environment variable naming a PostgreSQL server for the tests instead of a throwaway one.
pub const TEST_POSTGRES_ENV: &str = "PARALLAX_TEST_POSTGRES";

/// A PostgreSQL server the tests create their databases on.
#[derive(Debug)]
struct Server {
    /// A URL of the server without its database (`postgres://user@host:port`), and its query.
    base: String,
    /// The database to connect to for `CREATE DATABASE`.
    admin_db: String,
    query: String,
    /// How to stop and start it again: a throwaway cluster only.
    restart: Option<Restart>,
}

/// What `pg_ctl` needs to stop and start a throwaway cluster.
#[derive(Debug)]
struct Restart {
    pg_ctl: PathBuf,
    data: PathBuf,
    log: PathBuf,
    user: Option<&'static str>,
    options: String,
}

/// Stops the throwaway cluster (fast shutdown: sessions are cut), waits `down`, and starts it
/// again on the same port. Returns false (and does nothing) when the tests use a server named
/// by `$PARALLAX_TEST_POSTGRES` or none.
///
/// # Panics
/// When `pg_ctl` fails.
pub fn restart_postgres(down: std::time::Duration) -> bool {
    let Some(Restart { pg_ctl, data, log, user, options }) = server().and_then(|s| s.restart.as_ref()) else {
        return false;
    };
    let mut stop = command_as(*user, pg_ctl);
    stop.arg("-D").arg(data).args(["-m", "fast", "-w", "stop"]);
    run(&mut stop, "pg_ctl stop").unwrap_or_else(|e| panic!("{e}"));
    std::thread::sleep(down);
    let mut start = command_as(*user, pg_ctl);
    start.arg("-D").arg(data).arg("-l").arg(log).args(["-o", options, "-w", "-t", "60", "start"]);
    start.stdout(Stdio::null()).stderr(Stdio::null());
    let status = start.stdin(Stdio::null()).status().unwrap_or_else(|e| panic!("pg_ctl: {e}"));
    assert!(status.success(), "pg_ctl start failed ({status})");
    true
}

static SERVER: OnceLock<Result<Server, String>> = OnceLock::new();

/// The URL of a new empty database named after `name` (and this process), or `None` (with one
/// line on stderr saying why) when no PostgreSQL can be had and `$CI` is not set.
///
/// # Panics
/// When PostgreSQL cannot be had and `$CI` is set, or when the server refuses the database.
pub fn postgres_database(name: &str) -> Option<PathBuf> {
    let server = server()?;
    // unique in this process (a counter), readable (the name, cut to fit 63 bytes)
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let db: String = format!("parallax_test_{}_{n}_{name}", std::process::id())
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '_' })
        .take(63)
        .collect();
    let admin = format!("{}/{}{}", server.base, server.admin_db, server.query);
    execute(&admin, &format!("DROP DATABASE IF EXISTS {db}"));
    execute(&admin, &format!("CREATE DATABASE {db}"));
    Some(PathBuf::from(format!("{}/{db}{}", server.base, server.query)))
}

/// Runs `sql` (statements without parameters) on the database at `url`.
///
/// # Panics
/// When it cannot connect or the server refuses a statement.
pub fn execute(url: &str, sql: &str) {
    use crate::pg::Blocking;
    let client = crate::pg::connect_client(url).unwrap_or_else(|e| panic!("{e}"));
    client.batch_execute_b(sql).unwrap_or_else(|e| panic!("{sql}: {}", crate::pg_message(&e)));
}

/// Whether a PostgreSQL server for tests can be had (started once on first call); see
/// [`postgres_database`] for what happens when it cannot.
pub fn postgres_available() -> bool {
    server().is_some()
}

fn server() -> Option<&'static Server> {
    let server = SERVER.get_or_init(|| match std::env::var(TEST_POSTGRES_ENV) {
        Ok(url) if !url.is_empty() => given_server(&url),
        _ => start_cluster(),
    });
    let server = match server {
        Ok(s) => s,
        Err(why) => {
            if std::env::var_os("CI").is_some() {
                panic!("PostgreSQL tests cannot run: {why} (CI is set: they must not be skipped)");
            }
            static SAID: OnceLock<()> = OnceLock::new();
            // straight to stderr: the test harness captures `eprintln!`, and this must show
            SAID.get_or_init(|| {
                use std::io::Write;
                let _ = writeln!(std::io::stderr(), "skipping the PostgreSQL tests: {why}");
            });
            return None;
        }
    };
    Some(server)
}

/// `$PARALLAX_TEST_POSTGRES` split into server, database and query.
fn given_server(url: &str) -> Result<Server, String> {
    let (scheme, rest) = url.split_once("://").ok_or_else(|| format!("{TEST_POSTGRES_ENV} is not a URL: {url}"))?;
    let (rest, query) = match rest.find('?') {
        Some(i) => (&rest[..i], rest[i..].to_string()),
        None => (rest, String::new()),
    };
    let (authority, db) = rest.split_once('/').unwrap_or((rest, "postgres"));
    let db = if db.is_empty() { "postgres" } else { db };
    Ok(Server { base: format!("{scheme}://{authority}"), admin_db: db.to_string(), query, restart: None })
}

/// Where PostgreSQL's server programs are: `initdb` on `PATH`, else the newest
/// `/usr/lib/postgresql/*/bin` (Debian keeps them there).
pub fn postgres_bin() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
                return Some(dir);
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((v, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

/// A command run as `user` (through `runuser`) when given, else as this process's user.
fn command_as(user: Option<&str>, program: &Path) -> Command {
    match user {
        Some(u) => {
            let mut c = Command::new("runuser");
            c.args(["-u", u, "--"]).arg(program);
            c
        }
        None => Command::new(program),
    }
}

/// Runs a command to its end; its output in the error when it fails.
fn run(c: &mut Command, what: &str) -> Result<(), String> {
    let out = c.stdin(Stdio::null()).output().map_err(|e| format!("{what}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// Starts a throwaway cluster (see the module's documentation).
fn start_cluster() -> Result<Server, String> {
    let bin = postgres_bin().ok_or_else(|| {
        "PostgreSQL is not installed (no initdb on PATH nor in /usr/lib/postgresql/*/bin; \
         install the `postgresql` package, or set PARALLAX_TEST_POSTGRES to a server's URL)"
            .to_string()
    })?;
    let root = std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false);
    // PostgreSQL never runs as root: an unprivileged user owns the cluster
    let user = if !root {
        None
    } else if run(Command::new("id").arg("postgres"), "id postgres").is_ok() {
        Some("postgres")
    } else {
        Some("nobody")
    };
    // the cluster's user must reach its folder: under /tmp when root (TMPDIR may be root's own)
    let tmp = if root { PathBuf::from("/tmp") } else { std::env::temp_dir() };
    let dir = tmp.join(format!("parallax-test-pg-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if let Some(u) = user {
        run(Command::new("chown").arg(u).arg(&dir), "chown")?;
    }
    let data = dir.join("data");
    let mut initdb = command_as(user, &bin.join("initdb"));
    initdb.arg("-D").arg(&data).args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
    run(&mut initdb, "initdb")?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| format!("no free port: {e}"))?
        .port();
    let options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off \
         -c synchronous_commit=off -c full_page_writes=off",
        dir.display()
    );
    let mut start = command_as(user, &bin.join("pg_ctl"));
    start.arg("-D").arg(&data).arg("-l").arg(dir.join("log")).args(["-o", &options, "-w", "-t", "60", "start"]);
    // the server outlives pg_ctl: its output goes to the log, never to the test's pipes
    start.stdout(Stdio::null()).stderr(Stdio::null());
    let status = start.stdin(Stdio::null()).status().map_err(|e| format!("pg_ctl: {e}"))?;
    if !status.success() {
        let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
        return Err(format!("pg_ctl start failed ({status}): {log}"));
    }
    // stop the cluster and remove its folder once this process is gone
    let runas = user.map(|u| format!("runuser -u {u} -- ")).unwrap_or_default();
    let watchdog = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {runas}'{pg_ctl}' -D '{data}' -m immediate stop; rm -rf '{dir}'",
        pid = std::process::id(),
        pg_ctl = bin.join("pg_ctl").display(),
        data = data.display(),
        dir = dir.display()
    );
    Command::new("setsid")
        .args(["sh", "-c", &watchdog])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the cluster's watchdog: {e}"))?;
    Ok(Server {
        base: format!("postgres://postgres@127.0.0.1:{port}"),
        admin_db: "postgres".into(),
        query: String::new(),
        restart: Some(Restart { pg_ctl: bin.join("pg_ctl"), data, log: dir.join("log"), user, options }),
    })
}
