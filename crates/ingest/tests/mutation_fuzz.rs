//! A short fuzz run of every reader on stable Rust, so CI catches a regression the long
//! cargo-fuzz runs (`fuzz/README.md`, nightly) would: the fixture files, mutated by a small
//! deterministic mutator (bit flips, byte and block insertions of markup and magic numbers,
//! truncation, splicing two files), go through `read_stream` under every name the readers are
//! chosen by, and through `doc_from_text`. Nothing may panic, and every error is one line naming
//! where it is.
//!
//! Each reader runs for `PARALLAX_FUZZ_SECS` seconds (default 3); set it higher for a longer run.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Names that choose each reader (and sniffing, for the name without an extension).
const NAMES: &[&str] = &["a.txt", "a.jsonl", "a.json", "a.html", "a.rss", "a.warc", "a.warc.gz", "noext"];

/// Fragments the readers react to, inserted at random places.
const TOKENS: &[&[u8]] = &[
    b"<html>",
    b"<p>",
    b"</p>",
    b"<script>",
    b"<meta charset=\"shift_jis\">",
    b"<rss><channel><item><description>",
    b"</item>",
    b"<![CDATA[",
    b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\n",
    b"{\"text\": \"",
    b"\"}\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x1f\x8b\x08\x00",
    b"%PDF-",
    b" date 2025-02-16 ",
    b"MOSCOW, Feb 17 (Reuters) - ",
    b"\"",
    b"\xe2\x80\x9c",
    b"\n\n",
    b"\0",
];

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = [root.join("tests/fixtures"), root.join("../../tests/fixtures/ingest")];
    let mut out = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect();
        paths.sort();
        for p in paths {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push(bytes.into_iter().take(64 * 1024).collect());
            }
        }
    }
    assert!(out.len() >= 5, "fixture files to mutate");
    out
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    for _ in 0..=rng.below(8) {
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(data.len() + 1);
                data.insert(i, rng.next() as u8);
            }
            2 => {
                let i = rng.below(data.len() + 1);
                let t = TOKENS[rng.below(TOKENS.len())];
                data.splice(i..i, t.iter().copied());
            }
            3 => {
                let keep = rng.below(data.len() + 1);
                data.truncate(keep);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                let at = rng.below(data.len() + 1);
                data.splice(at..at, other[from..].iter().take(4096).copied());
            }
            _ if data.len() > 2 => {
                let a = rng.below(data.len());
                let b = (a + rng.below(256)).min(data.len());
                data.drain(a..b);
            }
            _ => {}
        }
    }
    data
}

fn budget() -> Duration {
    let secs = std::env::var("PARALLAX_FUZZ_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    Duration::from_secs(secs)
}

#[test]
fn mutated_inputs_never_panic_and_errors_are_one_line() {
    let seeds = seeds();
    for (n, name) in NAMES.iter().enumerate() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ n as u64);
        let started = Instant::now();
        let mut runs = 0;
        while started.elapsed() < budget() {
            let data = mutate(&mut rng, &seeds);
            let result = std::panic::catch_unwind(|| {
                for item in parallax_ingest::read_stream(Box::new(Cursor::new(data.clone())), name) {
                    if let Err(e) = item {
                        let line = e.to_string();
                        assert!(!line.contains('\n'), "a multi-line error: {line:?}");
                        assert!(line.starts_with(name), "an error not naming its input: {line:?}");
                    }
                }
                let text = String::from_utf8_lossy(&data);
                let _ = parallax_ingest::doc_from_text(name, &text, Default::default());
            });
            if result.is_err() {
                let path = std::env::temp_dir().join(format!("parallax-fuzz-{name}-{runs}.bin"));
                let _ = std::fs::write(&path, &data);
                panic!("reader {name} panicked on a mutated input, saved to {}", path.display());
            }
            runs += 1;
        }
        assert!(runs > 0);
    }
}
