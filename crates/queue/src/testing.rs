//! For tests: a throwaway `nats-server -js` on a free loopback port, its store in a temporary
//! folder, stopped (and the folder removed) when the [`NatsServer`] is dropped.
//!
//! Without `nats-server` on `PATH` (or in `/usr/sbin`) [`nats_server`] prints one skip line and
//! returns `None`, except when `$CI` is set: there it panics, so that CI never passes without
//! the queue's tests.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `nats-server -js`; killed when dropped.
#[derive(Debug)]
pub struct NatsServer {
    program: PathBuf,
    port: u16,
    dir: PathBuf,
    /// More arguments for `nats-server`.
    args: Vec<String>,
    child: Option<Child>,
}

/// Where `nats-server` is: on `PATH`, else `/usr/sbin` (Debian puts it there).
pub fn nats_server_program() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> =
        std::env::var_os("PATH").map(|p| std::env::split_paths(&p).collect()).unwrap_or_default();
    dirs.push(PathBuf::from("/usr/sbin"));
    dirs.into_iter().map(|d| d.join("nats-server")).find(|p| p.is_file())
}

/// A new server for one test, or `None` (with one line on stderr) when `nats-server` is not
/// installed and `$CI` is not set.
///
/// # Panics
/// When `nats-server` is missing and `$CI` is set, or when it does not start.
pub fn nats_server(name: &str) -> Option<NatsServer> {
    nats_server_with(name, &[])
}

/// [`nats_server`] with more arguments for `nats-server` (`--user U --pass P`, ...).
pub fn nats_server_with(name: &str, args: &[&str]) -> Option<NatsServer> {
    let Some(program) = nats_server_program() else {
        if std::env::var_os("CI").is_some() {
            panic!("the queue tests cannot run: nats-server is not installed (CI is set: they must not be skipped)");
        }
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "skipping the NATS tests: nats-server is not installed (apt-get install nats-server)"
        );
        return None;
    };
    let port = TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port");
    let dir = std::env::temp_dir().join(format!("parallax-nats-{}-{name}-{port}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let args = args.iter().map(|a| a.to_string()).collect();
    let mut server = NatsServer { program, port, dir, args, child: None };
    server.start();
    Some(server)
}

impl NatsServer {
    /// `nats://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// Starts the server (again, on the same port and store) and waits until it listens.
    ///
    /// # Panics
    /// When it does not listen within 10 s.
    pub fn start(&mut self) {
        let log = std::fs::File::create(self.dir.join("server.log")).expect("the server's log");
        let child = Command::new(&self.program)
            .args(["-js", "-a", "127.0.0.1", "-p", &self.port.to_string(), "-sd"])
            .arg(self.dir.join("store"))
            .args(&self.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("nats-server starts");
        self.child = Some(child);
        let addr = SocketAddr::from(([127, 0, 0, 1], self.port));
        let started = Instant::now();
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            assert!(started.elapsed() < Duration::from_secs(10), "nats-server did not listen on {addr}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server as an operator would (SIGTERM, then SIGKILL after 10 s); its store
    /// stays: [`NatsServer::start`] brings it back.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(10) {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
