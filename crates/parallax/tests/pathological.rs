//! Pathological articles: no sentence punctuation, capitalised words only, quotation marks only,
//! nested brackets, thousands of paragraphs, HTML nested 10,000 deep, a table of 10,000 cells.
//! Each must be analysed in bounded time (a watchdog, generous) with an output linear in its size.
//! The timings themselves live in `tools/pathological.py`, not here.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Bytes of each generated input.
const SIZE: usize = 100_000;

/// The JSON may be this many times the input, at most (events quote their sentence, entities
/// list their mentions: a constant factor, never a power).
const MAX_OUTPUT_FACTOR: usize = 40;

/// Longest a debug build may take on one input before the test calls it a blow-up.
const WATCHDOG: Duration = Duration::from_secs(120);

const WORDS: &[&str] = &["the", "council", "said", "minister", "report", "on", "tuesday", "police", "talks", "vote"];

/// A small deterministic generator (no dependency).
struct Rng(u64);

impl Rng {
    fn word(&mut self) -> &'static str {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        WORDS[(self.0 >> 33) as usize % WORDS.len()]
    }
}

fn inputs() -> Vec<(&'static str, &'static str, String)> {
    let mut rng = Rng(7);
    let words = |rng: &mut Rng, n: usize, cap: bool| -> String {
        (0..n)
            .map(|_| {
                let w = rng.word();
                if cap {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<String>>()
            .join(" ")
    };
    let paragraphs = (0..SIZE / 60).map(|_| format!("{}.", words(&mut rng, 9, false))).collect::<Vec<_>>().join("\n\n");
    let body = format!("{}.", words(&mut rng, 500, false));
    let rows: String = (0..1000)
        .map(|r| format!("<tr>{}</tr>", (0..10).map(|c| format!("<td>cell {r} {c}</td>")).collect::<String>()))
        .collect();
    vec![
        ("no-punctuation", "txt", words(&mut rng, SIZE / 6, false)),
        ("capitalised", "txt", words(&mut rng, SIZE / 7, true)),
        ("quotation-marks", "txt", "\"".repeat(SIZE)),
        ("brackets", "txt", format!("{}word{}", "(".repeat(SIZE / 2), ")".repeat(SIZE / 2))),
        ("paragraphs", "txt", paragraphs),
        (
            "nested-html",
            "html",
            format!("<html><body>{}<p>{body}</p>{}</body></html>", "<div>".repeat(10_000), "</div>".repeat(10_000)),
        ),
        ("table", "html", format!("<html><body><table>{rows}</table></body></html>")),
    ]
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-pathological-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Runs `parallax analyze input -o out`, killing it past the watchdog.
fn analyze(input: &Path, out: &Path) -> Result<(), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("analyze")
        .arg(input)
        .arg("-o")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) if status.success() => return Ok(()),
            Some(status) => return Err(format!("exit {status}")),
            None if started.elapsed() > WATCHDOG => {
                let _ = child.kill();
                return Err(format!("still running after {WATCHDOG:?}"));
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

#[test]
fn pathological_articles_cost_a_bounded_multiple_of_their_size() {
    let dir = temp_dir();
    for (name, ext, text) in inputs() {
        let input = dir.join(format!("{name}.{ext}"));
        std::fs::write(&input, &text).expect("write input");
        let out = dir.join(format!("{name}.json"));
        analyze(&input, &out).unwrap_or_else(|e| panic!("{name}: {e}"));
        let written = std::fs::metadata(&out).map(|m| m.len() as usize).unwrap_or(0);
        assert!(
            written <= MAX_OUTPUT_FACTOR * text.len().max(10_000),
            "{name}: {written} bytes of JSON for {} bytes of input",
            text.len()
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
