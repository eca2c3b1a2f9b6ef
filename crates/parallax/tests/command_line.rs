//! The command line as users meet it: inputs that yield nothing, files that are not articles,
//! URLs, the command's own output file, closed pipes, standard input at a terminal, `-o` on
//! every command that writes, and the quotes table naming each quote's article.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax")).args(args).current_dir(root()).output().expect("parallax runs")
}

/// A fresh temporary directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// A folder with one article of our own.
fn folder_with_an_article(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    std::fs::write(
        dir.join("article.txt"),
        "The city council voted on Tuesday to close the old bridge. \"It is no longer safe,\" said Mayor Ana Ruiz.\n",
    )
    .expect("write article");
    dir
}

#[test]
fn an_empty_directory_is_an_error_with_a_message() {
    let dir = temp_dir("empty");
    let out = parallax(&["analyze", dir.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("empty directory"), "{}", stderr(&out));
}

#[test]
fn files_that_are_not_articles_are_reported_and_skipped() {
    let dir = folder_with_an_article("not-articles");
    std::fs::write(dir.join("table.csv"), "id,text\n1,hello\n").expect("csv");
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n").expect("pdf");
    // a PDF under another name is told by its content
    std::fs::write(dir.join("download"), b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\n").expect("pdf");
    std::fs::write(dir.join("photo.png"), b"\x89PNG\r\n\x1a\n").expect("png");
    let out = parallax(&["analyze", dir.to_str().expect("utf-8 path")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    for (file, what) in [("table.csv", "CSV"), ("scan.pdf", "PDF"), ("download", "PDF"), ("photo.png", "image")] {
        let line = err.lines().find(|l| l.contains(file)).unwrap_or_else(|| panic!("no line for {file}: {err}"));
        assert!(line.contains(what), "{line}");
    }
    let analysis: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the article is still analysed");
    assert_eq!(analysis["articles"].as_array().map(Vec::len), Some(1));
}

#[test]
fn reading_standard_input_at_a_terminal_says_so() {
    // `script` (util-linux) runs the command on a pseudo-terminal and passes the end of its own
    // empty standard input on as Ctrl-D; where it is missing there is no terminal to test with.
    let Ok(out) = Command::new("script")
        .args(["-qec", &format!("{} analyze", env!("CARGO_BIN_EXE_parallax")), "/dev/null"])
        .stdin(Stdio::null())
        .current_dir(root())
        .output()
    else {
        eprintln!("script(1) not found: skipped");
        return;
    };
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("reading articles from standard input"), "{shown}");
    // without a terminal (a pipe), nothing is said: the input is a file's
    let piped = parallax(&["analyze", "-"]);
    assert!(!stderr(&piped).contains("reading articles from standard input"), "{}", stderr(&piped));
}

#[test]
fn a_url_is_not_fetched_and_says_so() {
    let out = parallax(&["analyze", "https://www.example.com/news/story.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("fetching URLs is not supported"), "{}", stderr(&out));
}

#[test]
fn the_output_file_is_never_read_as_input() {
    let dir = folder_with_an_article("own-output");
    let input = dir.to_str().expect("utf-8 path");
    // -o inside the input folder, run twice: the second run must not read the first's output
    let out_file = dir.join("analysis.json");
    for _ in 0..2 {
        let out = parallax(&["analyze", input, "-o", out_file.to_str().expect("utf-8 path")]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let analysis: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out_file).expect("output")).expect("valid JSON");
    assert_eq!(analysis["articles"].as_array().map(Vec::len), Some(1), "{analysis}");
    std::fs::remove_file(&out_file).expect("remove the analysis");
    // `parallax brief DIR > DIR/brief.md`: standard output redirected into the folder read
    let brief = std::fs::File::create(dir.join("brief.md")).expect("brief file");
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["brief", input])
        .stdout(Stdio::from(brief))
        .output()
        .expect("parallax runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("brief.md"), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.join("brief.md")).expect("brief written");
    assert!(text.contains("Ruiz"), "{text}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = temp_dir("closed-pipe");
    let db = dir.join("news.db");
    let db = db.to_str().expect("utf-8 path");
    let out = parallax(&["ingest", "examples/riyadh", "--db", db]);
    assert!(out.status.success(), "{}", stderr(&out));
    for args in [&["analyze", "--format", "json", "examples/riyadh"][..], &["export", "--format", "jsonl", "--db", db]]
    {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("parallax runs");
        // read a little, then close the pipe as `| head -c 100` does
        let mut head = [0u8; 100];
        child.stdout.take().expect("stdout").read_exact(&mut head).expect("some output");
        let out = child.wait_with_output().expect("parallax ends");
        assert!(out.status.success(), "{args:?}: exit {:?}: {}", out.status.code(), stderr(&out));
        assert!(!stderr(&out).to_lowercase().contains("broken pipe"), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn every_command_that_writes_takes_dash_o() {
    let dir = temp_dir("dash-o");
    for (command, file, expect) in [
        ("brief", "brief.md", "## "),
        ("quotes", "quotes.md", "| speaker |"),
        ("timeline", "timeline.md", "2025-02-18"),
    ] {
        let path = dir.join(file);
        let out = parallax(&[command, "examples/riyadh", "-o", path.to_str().expect("utf-8 path")]);
        assert!(out.status.success(), "{command}: {}", stderr(&out));
        assert!(out.stdout.is_empty(), "{command} wrote to stdout with -o");
        let text = std::fs::read_to_string(&path).expect("written");
        assert!(text.contains(expect), "{command}: {text}");
    }
}

#[test]
fn the_quotes_table_names_each_quotes_article() {
    let out = parallax(&["quotes", "examples/riyadh"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let table = String::from_utf8_lossy(&out.stdout);
    let mut lines = table.lines();
    assert_eq!(lines.next(), Some("| speaker | quote | outlet | date | article |"));
    let rows: Vec<&str> = lines.skip(1).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let article = row.trim_end().trim_end_matches('|').rsplit(" | ").next().unwrap_or("").trim();
        assert!(!article.is_empty() && article != "—", "{row}");
    }
}

#[test]
fn a_worker_reads_its_queue_from_the_environment() {
    let worker = |queue: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_parallax"));
        command.args(["worker", "--until-empty", "--db", temp_dir("worker-env").join("a.db").to_str().unwrap()]);
        command.env_remove("PARALLAX_QUEUE");
        if let Some(queue) = queue {
            command.env("PARALLAX_QUEUE", queue);
        }
        command.current_dir(root()).output().expect("parallax runs")
    };
    // without --queue or $PARALLAX_QUEUE, clap asks for it
    let out = worker(None);
    assert!(!out.status.success() && stderr(&out).contains("--queue"), "{}", stderr(&out));
    // $PARALLAX_QUEUE is the queue: a wrong one is named (and refused at once)
    let out = worker(Some("http://not-nats"));
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not a NATS URL: http://not-nats"), "{}", stderr(&out));
}

/// `serve` takes its address and token file from the environment, and SIGTERM (what `docker
/// stop` sends; a server that is process 1 in a container is not killed by a signal it ignores)
/// stops it cleanly, like Ctrl-C.
#[test]
fn serve_is_configured_by_environment_variables_and_stops_on_sigterm() {
    use std::io::BufRead;
    let dir = folder_with_an_article("serve-env");
    let db = dir.join("news.db");
    let out =
        parallax(&["ingest", dir.join("article.txt").to_str().expect("utf-8"), "--db", db.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let token = dir.join("token");
    std::fs::write(&token, "s3cret\n").expect("token file");
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("serve")
        .env("PARALLAX_DB", &db)
        .env("PARALLAX_LISTEN", format!("127.0.0.1:{port}"))
        .env("PARALLAX_TOKEN_FILE", &token)
        .env_remove("PARALLAX_TOKEN")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("parallax serve starts");
    let mut lines = std::io::BufReader::new(child.stderr.take().expect("stderr")).lines();
    let first = lines.next().expect("a line").expect("utf-8");
    assert!(first.contains(&format!("http://127.0.0.1:{port}/")), "{first}");
    assert!(first.contains("writes need the bearer token"), "{first}");
    // it answers on that address
    let mut conn = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connects");
    std::io::Write::write_all(&mut conn, b"GET /api/v1/stories HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("request");
    let mut reply = String::new();
    conn.read_to_string(&mut reply).expect("reply");
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    let status = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill");
    assert!(status.success());
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break status;
        }
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "serve did not stop on SIGTERM");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    // exit code 0: it stopped itself (a process killed by the signal has no exit code)
    assert_eq!(status.code(), Some(0), "{status}");
}
