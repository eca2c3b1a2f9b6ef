//! JSON records (one per JSON Lines line, or the items of a JSON array) to [`Doc`]s.
//!
//! Field names: `id`, `url`, `title`, `text` or `html`, `published`, `outlet`, `language`, and
//! the news-please names `maintext`, `date_publish`, `source_domain`, plus a few common
//! variants (`headline`, `body`, `content`, `published_at`, `link`, `site_name`).

use std::io::{BufRead, Read};

use parallax_doc::{Diagnostic, Doc, Meta, Provenance};
use serde_json::{Map, Value};

use crate::clean::Level;
use crate::dates::normalize_published;
use crate::encoding::{self, Kind};
use crate::outlet::gazetteer;
use crate::record::Record;
use crate::{build_doc, html, IngestError};

/// The first field among `keys` holding a non-empty string (or a number).
fn field(map: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match map.get(*k)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

/// The strings of the first of `keys` present: a list of strings, or one string.
fn string_list(map: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    let clean = |s: &str| Some(s.trim().to_string()).filter(|t| !t.is_empty());
    for k in keys {
        match map.get(*k) {
            Some(Value::Array(items)) => {
                let names: Vec<String> = items.iter().filter_map(Value::as_str).filter_map(clean).collect();
                if !names.is_empty() {
                    return names;
                }
            }
            Some(Value::String(s)) => {
                if let Some(n) = clean(s) {
                    return vec![n];
                }
            }
            _ => {}
        }
    }
    Vec::new()
}

/// True when one of `keys` is present with a string value (possibly empty).
fn has_string(map: &Map<String, Value>, keys: &[&str]) -> bool {
    keys.iter().any(|k| matches!(map.get(*k), Some(Value::String(_))))
}

const TEXT_KEYS: &[&str] = &["text", "maintext", "body", "content", "article", "fulltext"];
const HTML_KEYS: &[&str] = &["html", "raw_html", "content_html", "body_html"];

/// Turns one JSON record into a Doc; `fallback` is its `PATH:LINE`, used as the source when
/// the record has neither id nor URL. Errors are one-line messages.
pub(crate) fn record_to_doc(value: Value, fallback: &str) -> Result<Doc, String> {
    let Value::Object(map) = value else {
        return Err("not a JSON object".into());
    };
    let mut meta = Meta {
        id: field(&map, &["id", "_id", "uuid", "guid"]),
        url: field(&map, &["url", "link", "canonical_url"]),
        title: field(&map, &["title", "headline"]),
        authors: string_list(&map, &["authors", "author"]),
        language: field(&map, &["language", "lang"]).map(|l| l.to_ascii_lowercase()),
        ..Meta::default()
    };
    let mut notes = Vec::new();
    let published =
        field(&map, &["published", "date_publish", "published_at", "publish_date", "pubDate", "datePublished", "date"]);
    if let Some(p) = published {
        match normalize_published(&p) {
            Some(d) => {
                meta.published = Some(d);
                meta.published_from = Provenance::Given;
            }
            None => notes.push(format!("the record's published date “{p}” is not understood")),
        }
    }
    let g = gazetteer();
    if let Some(o) = field(&map, &["outlet", "publisher", "site_name", "source_name"]) {
        meta.outlet = Some(g.canonical(&o).map_or(o, str::to_string));
        meta.outlet_from = Provenance::Given;
    } else if let Some(d) = field(&map, &["source_domain", "domain"]) {
        meta.outlet = Some(g.from_domain(&d).map_or(d, str::to_string));
        meta.outlet_from = Provenance::Given;
    } else if let Some(name) = meta.url.as_deref().and_then(|u| g.from_domain(u)) {
        meta.outlet = Some(name.to_string());
        meta.outlet_from = Provenance::Url;
    }
    let source = meta.id.clone().or_else(|| meta.url.clone()).unwrap_or_else(|| fallback.to_string());

    let mut doc = if let Some(text) = field(&map, TEXT_KEYS) {
        build_doc(&source, &text, meta, Level::Full)
    } else if let Some(page) = field(&map, HTML_KEYS) {
        let e = html::extract(&page, meta.url.as_deref());
        if meta.title.is_none() {
            meta.title = e.title;
        }
        if meta.authors.is_empty() {
            meta.authors = e.authors;
        }
        if meta.published.is_none() {
            if let Some((d, p)) = e.published {
                meta.published = Some(d);
                meta.published_from = p;
            }
        }
        if meta.outlet.is_none() {
            if let Some(o) = e.outlet {
                meta.outlet = Some(o);
                meta.outlet_from = Provenance::Given;
            }
        }
        if meta.language.is_none() {
            meta.language = e.language;
        }
        if e.text.trim().is_empty() {
            return Err("no article text found in the record's html".into());
        }
        build_doc(&source, &e.text, meta, Level::Light)
    } else if has_string(&map, TEXT_KEYS) || has_string(&map, HTML_KEYS) {
        return Err("record has an empty text".into());
    } else {
        return Err("record has no text or html field".into());
    };
    if doc.text.trim().is_empty() {
        return Err("record has no text left after cleaning".into());
    }
    doc.diagnostics.extend(notes.into_iter().map(|n| Diagnostic::note("ingest", n)));
    Ok(doc)
}

/// Lines longer than this are skipped (read past without being kept) with an error.
const MAX_LINE: u64 = 16 << 20;

/// Reads past the rest of the current line without keeping it.
fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<()> {
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(());
        }
        match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = chunk.len();
                reader.consume(n);
            }
        }
    }
}

/// Reads JSON Lines from a stream, one record per line, line by line.
pub(crate) struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    path: String,
    line: usize,
    records: usize,
    done: bool,
    buf: Vec<u8>,
}

impl JsonlReader {
    /// A reader over `reader`, reporting locations as `path:LINE`.
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, path: String) -> JsonlReader {
        JsonlReader { reader, path, line: 0, records: 0, done: false, buf: Vec::new() }
    }
}

impl Iterator for JsonlReader {
    type Item = Record;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            match (&mut self.reader).take(MAX_LINE + 1).read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.done = true;
                    if self.records == 0 {
                        return Some(Record::failed(IngestError::new(&self.path, "empty file")));
                    }
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Record::failed(IngestError::new(
                        format!("{}:{}", self.path, self.line + 1),
                        format!("read error ({e})"),
                    )));
                }
            }
            self.line += 1;
            let location = format!("{}:{}", self.path, self.line);
            if self.buf.len() as u64 > MAX_LINE && self.buf.last() != Some(&b'\n') {
                self.records += 1;
                let skipped = skip_line(&mut self.reader);
                if let Err(e) = skipped {
                    self.done = true;
                    return Some(Record::failed(IngestError::new(location, format!("read error ({e})"))));
                }
                let message = format!("line longer than {} MB: too large for one record; skipped", MAX_LINE >> 20);
                return Some(Record::failed(IngestError::new(location, message)));
            }
            let mut line = std::mem::take(&mut self.buf);
            if self.line == 1 && line.starts_with(b"\xef\xbb\xbf") {
                line.drain(..3);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                self.buf = line;
                continue;
            }
            self.records += 1;
            return Some(Record::later(move || line_to_doc(&line, location)));
        }
        None
    }
}

/// One JSON Lines record (the bytes of its line) to a Doc; `location` is its `PATH:LINE`.
fn line_to_doc(line: &[u8], location: String) -> Result<Doc, IngestError> {
    // JSON Lines are UTF-8; a line in another charset is decoded by detection, with a note.
    let decoded = encoding::decode(line, None, Kind::Text);
    let value: Value = match serde_json::from_str(decoded.text.trim()) {
        Ok(v) => v,
        Err(e) => return Err(IngestError::new(location, format!("invalid JSON ({e})"))),
    };
    let mut doc = record_to_doc(value, &location).map_err(|m| IngestError::new(location, m))?;
    if let Some(note) = decoded.note() {
        doc.note("ingest", note);
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read(s: &str) -> Vec<Result<Doc, IngestError>> {
        JsonlReader::new(Box::new(Cursor::new(s.as_bytes().to_vec())), "t.jsonl".into()).map(Record::build).collect()
    }

    #[test]
    fn records_and_errors() {
        let out = read(
            "{\"id\":\"a1\",\"text\":\"One.\",\"published\":\"2025-02-16\",\"outlet\":\"BBC News\"}\n\
             {broken\n\
             \n\
             {\"maintext\":\"Two.\",\"authors\":[\"Ann Lee\",\"\"],\"date_publish\":\"2025-02-17 10:00:00\",\"source_domain\":\"www.theguardian.com\",\"url\":\"https://www.theguardian.com/x\"}\n\
             {\"title\":\"no text\"}\n\
             [1,2]\n\
             {\"text\":\"Three.\"}",
        );
        assert_eq!(out.len(), 6);
        let a = out[0].as_ref().unwrap();
        assert_eq!((a.source.as_str(), a.text.as_str()), ("a1", "One."));
        assert_eq!(a.meta.outlet.as_deref(), Some("BBC"));
        assert_eq!(a.meta.published_from, Provenance::Given);
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.location, "t.jsonl:2");
        assert!(e.message.starts_with("invalid JSON ("), "{}", e.message);
        let b = out[2].as_ref().unwrap();
        assert_eq!(b.source, "https://www.theguardian.com/x");
        assert_eq!(b.meta.outlet.as_deref(), Some("The Guardian"));
        assert_eq!(b.meta.published.as_deref(), Some("2025-02-17"));
        assert_eq!(b.meta.authors, vec!["Ann Lee".to_string()]);
        let e = out[3].as_ref().unwrap_err();
        assert_eq!(e.to_string(), "t.jsonl:5: record has no text or html field");
        assert!(out[4].is_err());
        assert_eq!(out[5].as_ref().unwrap().source, "t.jsonl:7");
    }

    #[test]
    fn an_overlong_line_is_skipped_and_the_next_is_read() {
        let mut data = b"{\"text\":\"".to_vec();
        data.resize(MAX_LINE as usize + 100, b'a');
        data.extend_from_slice(b"\"}\n{\"text\":\"Talks began.\"}\n");
        let out: Vec<_> = JsonlReader::new(Box::new(Cursor::new(data)), "t.jsonl".into()).map(Record::build).collect();
        assert_eq!(out.len(), 2);
        assert_eq!(
            out[0].as_ref().unwrap_err().to_string(),
            "t.jsonl:1: line longer than 16 MB: too large for one record; skipped"
        );
        assert_eq!(out[1].as_ref().unwrap().text, "Talks began.");
    }

    #[test]
    fn empty_and_latin1_line() {
        let out = read("\n  \n");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].as_ref().unwrap_err().message, "empty file");
        let line = b"{\"text\":\"The caf\xe9 on the square charged \xa34 for a cr\xe8me br\xfbl\xe9e.\"}\n";
        let r = JsonlReader::new(Box::new(Cursor::new(line.to_vec())), "t.jsonl".into());
        let out: Vec<_> = r.map(Record::build).collect();
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.text, "The café on the square charged £4 for a crème brûlée.");
        assert_eq!(doc.notes().collect::<Vec<_>>(), vec!["decoded as windows-1252 (detected)"]);
    }
}
