//! WARC files (`.warc`, `.warc.gz`, read as a stream): one [`Doc`] per HTML response record.
//!
//! `response` (and `resource`) records whose HTTP payload is HTML become articles:
//! `WARC-Target-URI` → url, the page's own date else `WARC-Date` (the crawl date, with a note)
//! → published. The charset comes from the HTTP `Content-Type` header when present, else from
//! the page or detection ([`crate::encoding`]); chunked and gzip/deflate-encoded payloads are decoded. `request`, `metadata`,
//! `warcinfo`, `revisit` records and non-HTML or non-2xx responses are skipped. Records are
//! numbered from 1: errors name `PATH[N]`; a truncated file gives one error and keeps the
//! records read before it.

use std::io::{BufRead, Read};

use flate2::read::{DeflateDecoder, GzDecoder};
use parallax_doc::{Diagnostic, Doc, Provenance};

use crate::encoding::{self, Kind};
use crate::input::html_doc;
use crate::record::Record;
use crate::IngestError;

/// Records larger than this are skipped (read past, not kept in memory).
const MAX_RECORD: u64 = 64 << 20;

/// The streaming WARC reader.
pub(crate) struct WarcReader {
    reader: Box<dyn BufRead + Send>,
    shown: String,
    count: usize,
    done: bool,
}

impl WarcReader {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, shown: String) -> WarcReader {
        WarcReader { reader, shown, count: 0, done: false }
    }

    fn err(&self, m: impl AsRef<str>) -> IngestError {
        IngestError::new(format!("{}[{}]", self.shown, self.count), m)
    }

    /// Stops reading the file, with an error for the current record.
    fn fail(&mut self, m: impl AsRef<str>) -> Option<Record> {
        self.done = true;
        Some(Record::failed(self.err(m)))
    }

    /// Reads one line (without CR LF); `None` at end of file.
    fn line(&mut self) -> std::io::Result<Option<String>> {
        let mut buf = Vec::new();
        let n = self.reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(None);
        }
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::UnexpectedEof => format!("the file ends inside this record (truncated: {e})"),
        std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
            format!("corrupt data ({e}), e.g. a truncated or damaged gzip member")
        }
        _ => format!("read error ({e})"),
    }
}

/// A header value by case-insensitive name.
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Splits `Name: value` header lines.
fn parse_headers(lines: &str) -> Vec<(String, String)> {
    lines.lines().filter_map(|l| l.split_once(':').map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))).collect()
}

impl Iterator for WarcReader {
    type Item = Record;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            // version line, skipping blank lines between records
            let version = loop {
                match self.line() {
                    Ok(None) => {
                        self.done = true;
                        if self.count == 0 {
                            return Some(Record::failed(IngestError::new(&self.shown, "empty WARC file")));
                        }
                        return None;
                    }
                    Ok(Some(l)) if l.trim().is_empty() => continue,
                    Ok(Some(l)) => break l,
                    Err(e) => {
                        self.done = true;
                        self.count += 1;
                        return Some(Record::failed(self.err(io_message(&e))));
                    }
                }
            };
            self.count += 1;
            if !version.starts_with("WARC/") {
                // resynchronise on the next version line
                let mut skipped = 0usize;
                loop {
                    match self.line() {
                        Ok(Some(l)) if l.starts_with("WARC/") => break,
                        Ok(Some(_)) => skipped += 1,
                        Ok(None) | Err(_) => {
                            self.done = true;
                            break;
                        }
                    }
                }
                let e = self.err(format!("not a WARC record header (“{}”); skipped {skipped} lines", clip(&version)));
                return Some(Record::failed(e));
            }
            let mut headers = Vec::new();
            loop {
                match self.line() {
                    Ok(Some(l)) if l.is_empty() => break,
                    Ok(Some(l)) => {
                        if let Some((k, v)) = l.split_once(':') {
                            headers.push((k.trim().to_string(), v.trim().to_string()));
                        }
                    }
                    Ok(None) => {
                        return self.fail("the file ends inside the record's headers (truncated)");
                    }
                    Err(e) => {
                        return self.fail(io_message(&e));
                    }
                }
            }
            let Some(len) = header(&headers, "Content-Length").and_then(|v| v.parse::<u64>().ok()) else {
                return self.fail("record has no valid Content-Length; the rest of the file is skipped");
            };
            let kind = header(&headers, "WARC-Type").unwrap_or("").to_ascii_lowercase();
            let wanted = matches!(kind.as_str(), "response" | "resource") && len <= MAX_RECORD;
            if !wanted {
                match std::io::copy(&mut (&mut self.reader).take(len), &mut std::io::sink()) {
                    Ok(n) if n == len => continue,
                    Ok(_) => {
                        return self.fail("the file ends inside this record (truncated)");
                    }
                    Err(e) => {
                        return self.fail(io_message(&e));
                    }
                }
            }
            let mut block = Vec::with_capacity(len as usize);
            match (&mut self.reader).take(len).read_to_end(&mut block) {
                Ok(_) if block.len() as u64 == len => {}
                Ok(_) => {
                    return self.fail("the file ends inside this record (truncated)");
                }
                Err(e) => {
                    return self.fail(io_message(&e));
                }
            }
            match self.record(&kind, &headers, &block) {
                Ok(Some(record)) => return Some(record),
                Ok(None) => continue,
                Err(m) => return Some(Record::failed(self.err(m))),
            }
        }
        None
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}

impl WarcReader {
    /// One response or resource record: an article to build, `None` when it is not an HTML
    /// page, or an error.
    fn record(&self, kind: &str, headers: &[(String, String)], block: &[u8]) -> Result<Option<Record>, String> {
        let (content_type, body) = if kind == "response" {
            let split = block
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .map(|p| (p, p + 4))
                .or_else(|| block.windows(2).position(|w| w == b"\n\n").map(|p| (p, p + 2)));
            let Some((head_end, body_start)) = split else {
                return Err("response record without an HTTP header".into());
            };
            let head = String::from_utf8_lossy(&block[..head_end]);
            let mut lines = head.splitn(2, '\n');
            let status_line = lines.next().unwrap_or("");
            if !status_line.starts_with("HTTP/") {
                return Err(format!("response record without an HTTP status line (“{}”)", clip(status_line)));
            }
            let status = status_line.split_whitespace().nth(1).and_then(|s| s.parse::<u16>().ok()).unwrap_or(0);
            if !(200..300).contains(&status) {
                return Ok(None);
            }
            let http = parse_headers(lines.next().unwrap_or(""));
            let mut body = block[body_start..].to_vec();
            if header(&http, "Transfer-Encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
                body = dechunk(&body).ok_or("bad chunked transfer encoding")?;
            }
            match header(&http, "Content-Encoding").map(|c| c.to_ascii_lowercase()) {
                Some(c) if c.contains("gzip") => {
                    let mut out = Vec::new();
                    GzDecoder::new(&body[..]).read_to_end(&mut out).map_err(|e| format!("bad gzip payload ({e})"))?;
                    body = out;
                }
                Some(c) if c.contains("deflate") => {
                    let mut out = Vec::new();
                    DeflateDecoder::new(&body[..])
                        .read_to_end(&mut out)
                        .map_err(|e| format!("bad deflate payload ({e})"))?;
                    body = out;
                }
                _ => {}
            }
            (header(&http, "Content-Type").map(str::to_string), body)
        } else {
            (header(headers, "Content-Type").map(str::to_string), block.to_vec())
        };
        let ct = content_type.unwrap_or_default().to_ascii_lowercase();
        let is_html = if ct.is_empty() {
            let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        } else {
            ct.contains("html")
        };
        if !is_html {
            return Ok(None);
        }
        let charset = encoding::charset_param(&ct).map(str::to_string);
        let uri = header(headers, "WARC-Target-URI").map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
        let crawled = header(headers, "WARC-Date").map(str::to_string);
        let location = format!("{}[{}]", self.shown, self.count);
        Ok(Some(Record::later(move || {
            html_record(&body, charset.as_deref(), uri, crawled, &location).map_err(|m| IngestError::new(location, m))
        })))
    }
}

/// The article in an HTML payload `body` (in `charset` when the HTTP header names one) fetched
/// from `uri` at the time `crawled` (the `WARC-Date`); `location` is the record's `PATH[N]`.
fn html_record(
    body: &[u8],
    charset: Option<&str>,
    uri: Option<String>,
    crawled: Option<String>,
    location: &str,
) -> Result<Doc, String> {
    let mut notes = Vec::new();
    let decoded = encoding::decode(body, charset, Kind::Html);
    if let Some(label) = charset.filter(|l| encoding::label(l).is_none()) {
        notes.push(format!("unknown charset “{}” in the HTTP header; ignored", clip(label)));
    }
    notes.extend(decoded.note());
    let page = decoded.text;
    let shown = uri.clone().unwrap_or_else(|| location.to_string());
    let mut doc = html_doc(&page, uri.as_deref(), &shown).map_err(|e| e.message)?;
    doc.diagnostics.extend(notes.into_iter().map(|n| Diagnostic::note("ingest", n)));
    if uri.is_some() {
        doc.meta.url = uri;
    }
    if doc.meta.published.is_none() {
        if let Some(d) = crawled.as_deref().and_then(crate::dates::normalize_published) {
            doc.note("ingest", format!("published is the crawl date (WARC-Date {d}); the page gives none"));
            doc.meta.published = Some(d);
            doc.meta.published_from = Provenance::Given;
        }
    }
    Ok(doc)
}

/// Decodes an HTTP chunked body; `None` when malformed. A missing final chunk is tolerated.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = body.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&body[..nl]).ok()?.trim();
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        body = &body[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        if body.len() < size {
            out.extend_from_slice(body);
            return Some(out);
        }
        out.extend_from_slice(&body[..size]);
        body = &body[size..];
        body = body.strip_prefix(b"\r\n").or_else(|| body.strip_prefix(b"\n")).unwrap_or(body);
        if body.is_empty() {
            return Some(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-02-18T12:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn read(bytes: Vec<u8>) -> Vec<Result<Doc, IngestError>> {
        WarcReader::new(Box::new(std::io::Cursor::new(bytes)), "c.warc".into()).map(Record::build).collect()
    }

    #[test]
    fn responses_become_docs() {
        let mut w = record("warcinfo", "", b"software: test\r\n");
        w.extend(record("request", "https://a/1", b"GET /1 HTTP/1.1\r\n\r\n"));
        w.extend(record(
            "response",
            "https://a/1",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n<html><body><p>Caf\xe9 talks began in Riyadh on Tuesday.</p></body></html>",
        ));
        w.extend(record("response", "https://a/img", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"));
        w.extend(record("response", "https://a/2", b"no http header here"));
        w.extend(record(
            "response",
            "https://a/3",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n<p>Hello world. \r\n9\r\nBye now.<\r\n3\r\n/p>\r\n0\r\n\r\n",
        ));
        let docs = read(w);
        assert_eq!(docs.len(), 3, "{docs:?}");
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.text, "Café talks began in Riyadh on Tuesday.");
        assert_eq!(a.meta.url.as_deref(), Some("https://a/1"));
        assert_eq!(a.meta.published.as_deref().map(|p| &p[..10]), Some("2025-02-18"));
        assert!(docs[1].as_ref().unwrap_err().to_string().starts_with("c.warc[5]: response record without"));
        assert_eq!(docs[2].as_ref().unwrap().text, "Hello world. Bye now.");
    }

    #[test]
    fn truncated_keeps_earlier_records() {
        let mut w = record(
            "response",
            "https://a/1",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>First article text.</p>",
        );
        let second =
            record("response", "https://a/2", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Second one.</p>");
        w.extend_from_slice(&second[..second.len() - 20]);
        let docs = read(w);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].as_ref().unwrap().text, "First article text.");
        assert_eq!(
            docs[1].as_ref().unwrap_err().to_string(),
            "c.warc[2]: the file ends inside this record (truncated)"
        );
    }
}
