//! The plain-text case format shared by the stage harnesses (`tests/{times,quotes,events}.rs`):
//! loading `tests/cases/NAME.txt`, matching texts, and reporting every failure with its
//! `file:line`. The format is described in `tests/cases/README.md`.

// Each harness uses a part of this module; `examples/polnear_quotes.rs` includes it for `overlap`.
#![allow(dead_code)]

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// One test case: an article (given inline or read from a file), its publication date, and the
/// expectation lines that follow it.
pub struct Case {
    /// The case file, relative to the crate, for messages.
    pub path: String,
    /// The line of the case's `text:` or `file:` line.
    pub line: usize,
    /// The article text.
    pub text: String,
    /// The publication date (`date:`), if given.
    pub date: Option<String>,
    /// Every other line of the case, in order.
    pub lines: Vec<Line>,
}

/// One `key: value` line of a case.
pub struct Line {
    /// The line number in the case file.
    pub number: usize,
    /// What the line says (`time`, `quote`, `no-quote`, …).
    pub key: String,
    /// Everything after `key:`, trimmed.
    pub value: String,
}

/// A failed expectation: the line it is on and what went wrong.
pub type Failure = (usize, String);

/// A text to compare with: `"x"` equals x, `"x"...` starts with x, `..."x"` ends with x,
/// `..."x"...` contains x ignoring case and the apostrophe's form (’ or ').
#[derive(Clone, Debug)]
pub enum Matcher {
    /// The whole text.
    Is(String),
    /// The start of the text.
    Starts(String),
    /// The end of the text.
    Ends(String),
    /// Somewhere in the text, folded.
    Has(String),
}

/// Lower case, curly apostrophes made straight: how a contains-matcher compares.
fn fold(s: &str) -> String {
    s.replace('’', "'").to_lowercase()
}

impl Matcher {
    /// True when `text` is matched.
    pub fn matches(&self, text: &str) -> bool {
        match self {
            Matcher::Is(x) => text == x,
            Matcher::Starts(x) => text.starts_with(x.as_str()),
            Matcher::Ends(x) => text.ends_with(x.as_str()),
            Matcher::Has(x) => fold(text).contains(&fold(x)),
        }
    }

    /// True for a matcher of the whole text.
    pub fn is_exact(&self) -> bool {
        matches!(self, Matcher::Is(_))
    }

    /// Reads a matcher at the start of `input`; returns it and the rest, trimmed.
    pub fn parse(input: &str) -> Result<(Matcher, &str), String> {
        let input = input.trim_start();
        let (open_start, input) = match input.strip_prefix("...") {
            Some(rest) => (true, rest),
            None => (false, input),
        };
        let (text, rest) = quoted(input)?;
        let (open_end, rest) = match rest.strip_prefix("...") {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let matcher = match (open_start, open_end) {
            (false, false) => Matcher::Is(text),
            (false, true) => Matcher::Starts(text),
            (true, false) => Matcher::Ends(text),
            (true, true) => Matcher::Has(text),
        };
        Ok((matcher, rest.trim_start()))
    }

    /// Reads a list of matchers separated by commas (`"a", "b"...`), the whole of `input`.
    pub fn parse_list(input: &str) -> Result<Vec<Matcher>, String> {
        let mut list = Vec::new();
        let mut rest = input.trim();
        while !rest.is_empty() {
            let (matcher, after) = Matcher::parse(rest)?;
            list.push(matcher);
            rest = match after.strip_prefix(',') {
                Some(after) => after.trim_start(),
                None if after.is_empty() => after,
                None => return Err(format!("expected a comma or the end of the line before {after:?}")),
            };
        }
        Ok(list)
    }
}

impl fmt::Display for Matcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Matcher::Is(x) => write!(f, "{x:?}"),
            Matcher::Starts(x) => write!(f, "{x:?}..."),
            Matcher::Ends(x) => write!(f, "...{x:?}"),
            Matcher::Has(x) => write!(f, "...{x:?}..."),
        }
    }
}

/// Reads a string in ASCII double quotes at the start of `input` (`\"`, `\\` and `\n` escaped);
/// returns it and the rest.
pub fn quoted(input: &str) -> Result<(String, &str), String> {
    let Some(body) = input.strip_prefix('"') else {
        return Err(format!("expected a text in double quotes at {input:?}"));
    };
    let mut text = String::new();
    let mut chars = body.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Ok((text, &body[at + 1..])),
            '\\' => match chars.next() {
                Some((_, 'n')) => text.push('\n'),
                Some((_, c @ ('"' | '\\'))) => text.push(c),
                other => return Err(format!("unknown escape \\{:?} in {input:?}", other.map(|o| o.1))),
            },
            c => text.push(c),
        }
    }
    Err(format!("no closing double quote in {input:?}"))
}

/// `\n` in a `text:` line is a line break, `\\` a backslash.
fn unescape(value: &str) -> String {
    let mut text = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some('n')) => {
                text.push('\n');
                chars.next();
            }
            ('\\', Some('\\')) => {
                text.push('\\');
                chars.next();
            }
            _ => text.push(c),
        }
    }
    text
}

/// The workspace root, where `file:` paths start.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The text of a `file:` case: a leading `date YYYY-MM-DD` metadata marker dropped, then every
/// line matched by one of `drop` dropped.
fn read_article(path: &str, drop: &[Matcher]) -> Result<String, String> {
    let raw = std::fs::read_to_string(workspace_root().join(path)).map_err(|e| format!("{path}: {e}"))?;
    let trimmed = raw.trim_start();
    let text = match trimmed.strip_prefix("date ") {
        Some(rest) if rest.get(..10).is_some_and(|d| d.chars().all(|c| c.is_ascii_digit() || c == '-')) => {
            rest[10..].trim_start()
        }
        _ => raw.as_str(),
    };
    Ok(text.lines().filter(|l| !drop.iter().any(|m| m.matches(l))).collect::<Vec<_>>().join("\n"))
}

/// Reads `tests/cases/NAME.txt`. Cases are blocks of lines separated by blank lines; `#` starts
/// a comment line; each block has one `text:` or `file:` line (a block of comments only is
/// skipped). Panics with `file:line` on a malformed line.
pub fn load(name: &str) -> Vec<Case> {
    let path = format!("tests/cases/{name}.txt");
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(&path);
    let data = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()));
    parse(&path, &data)
}

/// Reads the cases of `data`, the text of a case file called `path` (for messages); see [`load`].
pub fn parse(path: &str, data: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut block: Vec<(usize, &str, &str)> = Vec::new();
    let lines = data.lines().enumerate().map(|(i, l)| (i + 1, l)).chain(std::iter::once((0, "")));
    for (number, line) in lines {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !block.is_empty() {
                cases.push(case_of(path, &block));
                block.clear();
            }
            continue;
        }
        if line.trim_start().starts_with('#') {
            continue;
        }
        let (key, value) =
            line.split_once(':').unwrap_or_else(|| panic!("{path}:{number}: expected `key: value`, got {line:?}"));
        block.push((number, key.trim(), value.strip_prefix(' ').unwrap_or(value)));
    }
    cases
}

/// Builds one case from its block of `(line, key, value)`.
fn case_of(path: &str, block: &[(usize, &str, &str)]) -> Case {
    let at = |number: usize, message: String| -> ! { panic!("{path}:{number}: {message}") };
    let sources: Vec<_> = block.iter().filter(|(_, k, _)| *k == "text" || *k == "file").collect();
    let &&(line, key, value) = match sources.as_slice() {
        [one] => one,
        _ => at(block[0].0, "a case needs exactly one `text:` or `file:` line".into()),
    };
    let mut drop = Vec::new();
    let mut date = None;
    let mut lines = Vec::new();
    for &(number, k, v) in block {
        match k {
            "text" | "file" => {}
            "date" => date = Some(v.trim().to_string()),
            "drop" => drop.push(Matcher::parse(v).unwrap_or_else(|e| at(number, e)).0),
            _ => lines.push(Line { number, key: k.to_string(), value: v.trim().to_string() }),
        }
    }
    let text = if key == "text" {
        if !drop.is_empty() {
            at(line, "`drop:` goes with `file:`".into());
        }
        unescape(value)
    } else {
        read_article(value.trim(), &drop).unwrap_or_else(|e| at(line, e))
    };
    Case { path: path.to_string(), line, text, date, lines }
}

/// The lines of an inline case file (`data`) on which `check` reports a failure, in order: what
/// each harness's `wrong_expectations_fail` compares with the lines it wrote to fail.
pub fn failing_lines(data: &str, check: impl Fn(&Case) -> Vec<Failure>) -> Vec<usize> {
    parse("inline", data).iter().flat_map(check).map(|failure| failure.0).collect()
}

/// Runs `check` on every case of `tests/cases/NAME.txt` and panics with every failure, each
/// with its `file:line`, the case's text and `check`'s message. A case without expectations,
/// a panic inside a case, and an empty case file are failures too.
pub fn check_all(name: &str, check: impl Fn(&Case) -> Vec<Failure>) {
    let cases = load(name);
    assert!(!cases.is_empty(), "tests/cases/{name}.txt has no cases");
    let mut report = Vec::new();
    let mut expectations = 0;
    for case in &cases {
        expectations += case.lines.len();
        let failures = if case.lines.is_empty() {
            vec![(case.line, "the case checks nothing".to_string())]
        } else {
            catch_unwind(AssertUnwindSafe(|| check(case)))
                .unwrap_or_else(|_| vec![(case.line, "panicked (message above)".to_string())])
        };
        for (number, message) in failures {
            let text: String = case.text.chars().take(90).collect();
            let more = if text.len() < case.text.len() { "…" } else { "" };
            report.push(format!("{}:{number}: {message}\n    in {text:?}{more}", case.path));
        }
    }
    eprintln!("{name}: {} cases, {expectations} expectation lines, {} failures", cases.len(), report.len());
    assert!(report.is_empty(), "{} failures in tests/cases/{name}.txt:\n{}", report.len(), report.join("\n"));
}

/// How many words of `a` are in `b`, each word of `b` counted once.
pub fn overlap(a: &[String], b: &[String]) -> usize {
    let mut b: Vec<&String> = b.iter().collect();
    let mut n = 0;
    for w in a {
        if let Some(i) = b.iter().position(|x| *x == w) {
            b.swap_remove(i);
            n += 1;
        }
    }
    n
}
