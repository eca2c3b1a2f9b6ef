//! Measures the quotes stage against PolNeAR (dev split): precision and recall of quote spans
//! against PolNeAR content spans that contain quotation marks.
//!
//! ```text
//! cargo run --release -p parallax-analyze --example polnear_quotes [PATH]
//! ```
//!
//! PATH defaults to `../shared/data/polnear/polnear_dev.jsonl` (relative to the workspace). One
//! annotator file per text is used. PolNeAR has no entity layer, so only spans are scored:
//!
//! * **segment** (as the seed scorer): each quoted segment inside a gold content span (the words
//!   between a pair of quotation marks) is found when one system quote (kind != indirect) shares
//!   at least 80% of its words and the segment is >= half of the system quote; precision counts system
//!   quotes that match some gold segment that way.
//! * **content**: a gold content is found when the system quotes overlapping it cover >= 80% of its
//!   quoted words; a system quote is right when >= 80% of its words lie inside quoted segments of
//!   gold contents.
//! * **speaker span**: for matched quotes, how often the system's speaker span overlaps the gold
//!   source span.

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use parallax_analyze::quotes::find_quotes;
use parallax_analyze::segment::segment;
use parallax_doc::{Doc, QuoteKind, Span};

/// A tiny JSON value, enough for the PolNeAR JSONL.
#[derive(Debug, Clone)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(BTreeMap<String, Json>),
}

impl Json {
    fn get(&self, key: &str) -> &Json {
        static NULL: Json = Json::Null;
        match self {
            Json::Obj(m) => m.get(key).unwrap_or(&NULL),
            _ => &NULL,
        }
    }
    fn str(&self) -> &str {
        match self {
            Json::Str(s) => s,
            _ => "",
        }
    }
    fn arr(&self) -> &[Json] {
        match self {
            Json::Arr(a) => a,
            _ => &[],
        }
    }
    fn num(&self) -> usize {
        match self {
            Json::Num(n) => *n as usize,
            _ => 0,
        }
    }
    fn truthy(&self) -> bool {
        matches!(self, Json::Bool(true))
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }
    fn value(&mut self) -> Option<Json> {
        self.ws();
        match *self.s.get(self.i)? {
            b'{' => {
                self.i += 1;
                let mut m = BTreeMap::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&b'}') {
                        self.i += 1;
                        return Some(Json::Obj(m));
                    }
                    let Json::Str(k) = self.value()? else {
                        return None;
                    };
                    self.ws();
                    self.i += 1; // ':'
                    let v = self.value()?;
                    m.insert(k, v);
                    self.ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut a = Vec::new();
                loop {
                    self.ws();
                    if self.s.get(self.i) == Some(&b']') {
                        self.i += 1;
                        return Some(Json::Arr(a));
                    }
                    a.push(self.value()?);
                    self.ws();
                    if self.s.get(self.i) == Some(&b',') {
                        self.i += 1;
                    }
                }
            }
            b'"' => {
                self.i += 1;
                let mut out = String::new();
                loop {
                    let c = *self.s.get(self.i)?;
                    self.i += 1;
                    match c {
                        b'"' => return Some(Json::Str(out)),
                        b'\\' => {
                            let e = *self.s.get(self.i)?;
                            self.i += 1;
                            match e {
                                b'n' => out.push('\n'),
                                b't' => out.push('\t'),
                                b'r' => out.push('\r'),
                                b'b' => out.push('\u{8}'),
                                b'f' => out.push('\u{c}'),
                                b'u' => {
                                    let mut cp = self.hex4()?;
                                    if (0xD800..0xDC00).contains(&cp) && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                                    {
                                        self.i += 2;
                                        let lo = self.hex4()?;
                                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                                    }
                                    out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                                }
                                other => out.push(other as char),
                            }
                        }
                        _ => {
                            // copy one UTF-8 sequence
                            let start = self.i - 1;
                            let mut end = self.i;
                            while end < self.s.len() && (self.s[end] & 0xC0) == 0x80 {
                                end += 1;
                            }
                            out.push_str(std::str::from_utf8(&self.s[start..end]).ok()?);
                            self.i = end;
                        }
                    }
                }
            }
            b't' => {
                self.i += 4;
                Some(Json::Bool(true))
            }
            b'f' => {
                self.i += 5;
                Some(Json::Bool(false))
            }
            b'n' => {
                self.i += 4;
                Some(Json::Null)
            }
            _ => {
                let start = self.i;
                while self.i < self.s.len() && matches!(self.s[self.i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    self.i += 1;
                }
                std::str::from_utf8(&self.s[start..self.i]).ok()?.parse().ok().map(Json::Num)
            }
        }
    }
    fn hex4(&mut self) -> Option<u32> {
        let h = std::str::from_utf8(self.s.get(self.i..self.i + 4)?).ok()?;
        self.i += 4;
        u32::from_str_radix(h, 16).ok()
    }
}

/// Byte offset of each char offset (plus one past the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

/// Word spans (runs of alphanumerics and apostrophes) of `text`.
fn word_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric() || c == '\'' || c == '’';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}

/// The quoted segments (between paired double marks, else single curly marks) inside `span`.
fn quoted_segments(text: &str, span: Span) -> Vec<Span> {
    let piece = &text[span.start..span.end];
    let mut out = Vec::new();
    for (open, close) in [(&['“', '"'][..], &['”', '"'][..]), (&['‘'][..], &['’'][..])] {
        let mut at: Option<usize> = None;
        for (i, c) in piece.char_indices() {
            match at {
                None if open.contains(&c) => at = Some(i + c.len_utf8()),
                Some(s)
                    if close.contains(&c)
                        && !(c == '’' && piece[i + c.len_utf8()..].starts_with(char::is_alphanumeric)) =>
                {
                    out.push(Span::new(span.start + s, span.start + i));
                    at = None;
                }
                _ => {}
            }
        }
        if let Some(s) = at {
            out.push(Span::new(span.start + s, span.end));
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

fn words_in(words: &[Span], span: Span) -> Vec<Span> {
    let a = words.partition_point(|w| w.start < span.start);
    words[a..].iter().take_while(|w| w.end <= span.end).copied().collect()
}

fn lower_words(text: &str, ws: &[Span]) -> Vec<String> {
    ws.iter().map(|w| text[w.start..w.end].to_lowercase().replace('’', "'")).collect()
}

fn overlap(a: &[String], b: &[String]) -> usize {
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

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| format!("{}/../../../shared/data/polnear/polnear_dev.jsonl", env!("CARGO_MANIFEST_DIR")));
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let mut seen = HashSet::new();
    let (mut seg_gold, mut seg_found, mut seg_sys, mut seg_sys_ok) = (0, 0, 0, 0);
    let (mut con_gold, mut con_found, mut con_sys_ok) = (0, 0, 0);
    let (mut spk_n, mut spk_ok) = (0, 0);
    let mut docs = 0;
    let mut quote_time = std::time::Duration::ZERO;
    let mut words_total = 0;
    let verbose = std::env::var_os("VERBOSE").is_some();
    for line in data.lines() {
        let Some(rec) = (Parser { s: line.as_bytes(), i: 0 }).value() else {
            continue;
        };
        let name = rec.get("doc").str().to_string();
        if !seen.insert(name.clone()) {
            continue; // one annotator per text
        }
        let text = rec.get("text").str().to_string();
        let c2b = char_to_byte(&text);
        let to_span = |pair: &Json| {
            let a = pair.arr();
            let s = c2b.get(a.first().map_or(0, Json::num)).copied().unwrap_or(text.len());
            let e = c2b.get(a.get(1).map_or(0, Json::num)).copied().unwrap_or(text.len());
            Span::new(s.min(e), e)
        };
        // gold: contents with quotation marks, their quoted segments, their sources
        let mut gold: Vec<(Vec<Span>, Vec<Span>, Vec<Span>)> = Vec::new();
        for a in rec.get("attributions").arr() {
            if !a.get("content_has_quote_marks").truthy() {
                continue;
            }
            let content: Vec<Span> = a.get("content").get("spans").arr().iter().map(to_span).collect();
            let segs: Vec<Span> = content.iter().flat_map(|&c| quoted_segments(&text, c)).collect();
            let source: Vec<Span> = a.get("source").get("spans").arr().iter().map(to_span).collect();
            gold.push((content, segs, source));
        }
        let mut doc = Doc::new(name.clone(), text.clone());
        segment(&mut doc);
        let t0 = Instant::now();
        find_quotes(&mut doc);
        quote_time += t0.elapsed();
        docs += 1;
        words_total += doc.tokens.len();
        let words = word_spans(&text);
        let sys: Vec<_> = doc.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect).collect();
        let sys_words: Vec<Vec<String>> = sys.iter().map(|q| lower_words(&text, &words_in(&words, q.span))).collect();

        // segment level
        let all_segs: Vec<(usize, Span)> =
            gold.iter().enumerate().flat_map(|(g, x)| x.1.iter().map(move |&s| (g, s))).collect();
        let seg_words: Vec<Vec<String>> =
            all_segs.iter().map(|(_, s)| lower_words(&text, &words_in(&words, *s))).collect();
        let matches = |gw: &[String], sw: &[String]| {
            let o = overlap(gw, sw);
            o > 0 && o * 10 >= gw.len() * 8 && o * 2 >= sw.len()
        };
        for (k, gw) in seg_words.iter().enumerate() {
            if gw.is_empty() {
                continue;
            }
            seg_gold += 1;
            let hit = sys_words.iter().position(|sw| matches(gw, sw));
            if let Some(i) = hit {
                seg_found += 1;
                let src = &gold[all_segs[k].0].2;
                if !src.is_empty() {
                    spk_n += 1;
                    if sys[i].speaker_span.is_some_and(|sp| src.iter().any(|s| s.overlaps(sp))) {
                        spk_ok += 1;
                    }
                }
            } else if verbose {
                eprintln!("MISS {name}: {}", &text[all_segs[k].1.start..all_segs[k].1.end]);
            }
        }
        for (i, sw) in sys_words.iter().enumerate() {
            seg_sys += 1;
            if seg_words.iter().any(|gw| !gw.is_empty() && matches(gw, sw)) {
                seg_sys_ok += 1;
            } else if verbose {
                eprintln!("EXTRA {name}: {}", doc.slice(sys[i].span));
            }
        }

        // content level
        for (_, segs, _) in &gold {
            let gw: Vec<Span> = segs.iter().flat_map(|&s| words_in(&words, s)).collect();
            if gw.is_empty() {
                continue;
            }
            con_gold += 1;
            let covered = gw.iter().filter(|w| sys.iter().any(|q| q.span.contains(**w))).count();
            if covered * 10 >= gw.len() * 8 {
                con_found += 1;
            }
        }
        for q in &sys {
            let qw = words_in(&words, q.span);
            let inside = qw.iter().filter(|w| all_segs.iter().any(|(_, s)| s.contains(**w))).count();
            if !qw.is_empty() && inside * 10 >= qw.len() * 8 {
                con_sys_ok += 1;
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!("PolNeAR {path}: {docs} texts (one annotator each), {words_total} tokens");
    println!(
        "segment (seed-scorer match): precision {:.1}% ({seg_sys_ok}/{seg_sys})  recall {:.1}% ({seg_found}/{seg_gold})",
        pct(seg_sys_ok, seg_sys),
        pct(seg_found, seg_gold)
    );
    println!(
        "content (80% word cover):   precision {:.1}% ({con_sys_ok}/{seg_sys})  recall {:.1}% ({con_found}/{con_gold})",
        pct(con_sys_ok, seg_sys),
        pct(con_found, con_gold)
    );
    println!("speaker span overlaps gold source, matched segments: {:.1}% ({spk_ok}/{spk_n})", pct(spk_ok, spk_n));
    println!(
        "quote stage time: {:.2} ms total, {:.1} µs per text",
        quote_time.as_secs_f64() * 1e3,
        quote_time.as_secs_f64() * 1e6 / docs.max(1) as f64
    );
}
