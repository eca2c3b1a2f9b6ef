//! Input enumeration, decoding and format detection.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;
use parallax_doc::{Doc, Meta, Provenance};
use serde_json::Value;

use encoding_rs::Encoding;

use crate::clean::Level;
use crate::encoding::{self, Decoded, DecodingReader, Kind};
use crate::feed::FeedReader;
use crate::jsonl::{record_to_doc, JsonlReader};
use crate::record::{Record, Records};
use crate::warc::WarcReader;
use crate::{build_doc, doc_from_text, html, IngestError};

/// Plain-text and HTML files larger than this are not read as one article (JSON files may be larger).
const MAX_ARTICLE_FILE: u64 = 16 << 20;

/// The name used for standard input in locations.
const STDIN: &str = "<stdin>";

/// A boxed stream of documents and errors.
pub type DocIter = Box<dyn Iterator<Item = Result<Doc, IngestError>> + Send>;

/// Formats ingest knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Jsonl,
    Json,
    Html,
    Feed,
    Warc,
    Unknown,
}

enum Pending {
    Stdin,
    /// A path, and whether the user gave it (not found inside a given directory).
    Path(PathBuf, bool),
}

/// The lazy iterator behind [`read_inputs`].
struct Inputs {
    queue: VecDeque<Pending>,
    current: Option<Records>,
    /// Files never read (canonical paths): the command's own output.
    skip: Vec<PathBuf>,
}

/// What a file that is not an article is, by its extension, with what to do instead.
fn not_an_article(path: &Path) -> Option<&'static str> {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    Some(match ext {
        "pdf" => "a PDF file, not read: save the article as text or HTML",
        "csv" | "tsv" => "a table (CSV/TSV), not read: give articles as JSON Lines with a \"text\" field",
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "tif" | "tiff" | "svg" | "ico" | "heic" => {
            "an image, not read"
        }
        "zip" | "tar" | "tgz" | "7z" | "rar" | "bz2" | "xz" | "zst" => {
            "an archive, not read: unpack it and give the folder (gzip files are read)"
        }
        "doc" | "docx" | "odt" | "rtf" | "xls" | "xlsx" | "ods" | "ppt" | "pptx" | "epub" => {
            "an office document, not read: save the article as text or HTML"
        }
        "mp3" | "mp4" | "wav" | "ogg" | "m4a" | "mov" | "avi" | "mkv" | "webm" => "audio or video, not read",
        "exe" | "dll" | "so" | "dylib" | "bin" | "o" | "class" | "jar" | "wasm" => "a program, not read",
        "db" | "sqlite" | "sqlite3" | "db-wal" | "db-shm" | "parquet" => "a database, not read",
        _ => return None,
    })
}

/// What a stream that is not an article is, by its first bytes.
fn not_an_article_by_content(head: &[u8]) -> Option<&'static str> {
    let magic: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF file, not read: save the article as text or HTML"),
        (b"PK\x03\x04", "a zip archive or office document, not read"),
        (b"\x89PNG", "an image, not read"),
        (b"\xff\xd8\xff", "an image, not read"),
        (b"GIF8", "an image, not read"),
        (b"7z\xbc\xaf", "an archive, not read"),
        (b"Rar!", "an archive, not read"),
        (b"\x7fELF", "a program, not read"),
    ];
    magic.iter().find(|(m, _)| head.starts_with(m)).map(|&(_, what)| what)
}

/// True when an input names a web address rather than a file.
fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Reads every input (files, directories recursively in sorted order, or "-" for stdin) lazily, one Doc or error per article.
///
/// Files are read by extension (`.txt`, `.jsonl`/`.ndjson`, `.json`, `.html`/`.htm`,
/// `.rss`/`.atom`, `.warc`, each optionally `.gz`), else by sniffing their content (`.xml`
/// files that hold an RSS or Atom feed are read as feeds). Feeds and WARC files are streamed. Hidden files (`.name`) inside
/// directories are skipped. Errors name the file (`PATH`) or record (`PATH:LINE`).
pub fn read_inputs(inputs: &[String]) -> DocIter {
    read_inputs_except(inputs, &[])
}

/// [`read_inputs`], never reading the files in `skip` (a command's own output file, so
/// `parallax brief . > brief.md` does not read `brief.md`). Paths are compared canonicalised.
pub fn read_inputs_except(inputs: &[String], skip: &[PathBuf]) -> DocIter {
    Box::new(read_records_except(inputs, skip).map(Record::build))
}

/// [`read_inputs_except`] without building the articles: the records come in input order, and
/// [`Record::build`] turns each into its Doc (or error) on whichever thread the caller likes.
pub fn read_records_except(inputs: &[String], skip: &[PathBuf]) -> Records {
    let queue =
        inputs.iter().map(|i| if i == "-" { Pending::Stdin } else { Pending::Path(PathBuf::from(i), true) }).collect();
    let skip = skip.iter().filter_map(|p| std::fs::canonicalize(p).ok()).collect();
    Box::new(Inputs { queue, current: None, skip })
}

/// Reads one stream lazily, named `name` in locations; its format comes from the name's
/// extension (as for files: `.rss`, `.warc.gz`, ...) or, failing that, from sniffing the content.
///
/// ```
/// let page = "<rss><channel><title>BBC News</title><item><description>Talks began.</description></item></channel></rss>";
/// let docs: Vec<_> = parallax_ingest::read_stream(Box::new(std::io::Cursor::new(page)), "news.xml").collect();
/// assert_eq!(docs[0].as_ref().unwrap().text, "Talks began.");
/// ```
pub fn read_stream(reader: Box<dyn Read + Send>, name: &str) -> DocIter {
    Box::new(read_stream_records(reader, name).map(Record::build))
}

/// [`read_stream`] without building the articles (see [`read_records_except`]).
pub fn read_stream_records(reader: Box<dyn Read + Send>, name: &str) -> Records {
    let (format, gz) = format_of(Path::new(name));
    let reader: Box<dyn Read + Send> = if gz { Box::new(MultiGzDecoder::new(BufReader::new(reader))) } else { reader };
    open_stream(reader, name.to_string(), format)
}

impl Iterator for Inputs {
    type Item = Record;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(item) = cur.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.queue.pop_front()? {
                Pending::Stdin => {
                    let reader: Box<dyn Read + Send> = Box::new(std::io::stdin());
                    self.current = Some(open_stream(reader, STDIN.to_string(), Format::Unknown));
                }
                Pending::Path(path, given) => {
                    let shown = path.display().to_string();
                    if is_url(&shown) && !path.exists() {
                        return Some(Record::failed(IngestError::new(
                            shown,
                            "fetching URLs is not supported: save the page (or the site's RSS/Atom feed) to a file and give its path",
                        )));
                    }
                    if path.is_dir() {
                        match list_dir(&path) {
                            Ok(entries) if entries.is_empty() && given => {
                                return Some(Record::failed(IngestError::new(
                                    shown,
                                    "empty directory: no files to read",
                                )));
                            }
                            Ok(entries) => {
                                for e in entries.into_iter().rev() {
                                    self.queue.push_front(Pending::Path(e, false));
                                }
                            }
                            Err(e) => return Some(Record::failed(e)),
                        }
                        continue;
                    }
                    if !self.skip.is_empty() && std::fs::canonicalize(&path).is_ok_and(|c| self.skip.contains(&c)) {
                        // this command's own output: never an input
                        continue;
                    }
                    if let Some(what) = not_an_article(&path) {
                        return Some(Record::failed(IngestError::new(shown, what)));
                    }
                    match File::open(&path) {
                        Ok(f) => {
                            let (format, gz) = format_of(&path);
                            let reader: Box<dyn Read + Send> =
                                if gz { Box::new(MultiGzDecoder::new(BufReader::new(f))) } else { Box::new(f) };
                            self.current = Some(open_stream(reader, shown, format));
                        }
                        Err(e) => return Some(Record::failed(IngestError::new(shown, format!("cannot open ({e})")))),
                    }
                }
            }
        }
    }
}

/// A directory's entries, sorted by name, without hidden files or symlinked directories.
fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, IngestError> {
    let err = |e: std::io::Error| IngestError::new(dir.display().to_string(), format!("cannot read directory ({e})"));
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(err)? {
        let entry = entry.map_err(err)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_link = entry.file_type().map(|t| t.is_symlink()).unwrap_or(false);
        if is_link && path.is_dir() {
            continue;
        }
        out.push(path);
    }
    out.sort();
    Ok(out)
}

/// The format an extension names, and whether the file is gzipped.
fn format_of(path: &Path) -> (Format, bool) {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let (name, gz) = match name.strip_suffix(".gz") {
        Some(n) => (n.to_string(), true),
        None => (name, false),
    };
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let format = match ext {
        "txt" | "text" => Format::Text,
        "jsonl" | "ndjson" | "jsonlines" => Format::Jsonl,
        "json" => Format::Json,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "rss" | "atom" => Format::Feed,
        "warc" | "arc" => Format::Warc,
        _ => Format::Unknown,
    };
    (format, gz)
}

/// Reads up to `n` bytes without losing them: returns them and a reader that yields them again.
///
/// When reading fails part-way (a truncated gzip file), the bytes read before the failure are
/// still returned, and the reader yields them and then the error.
fn peek(mut reader: Box<dyn Read + Send>, n: usize) -> (Vec<u8>, std::io::Result<()>, Box<dyn Read + Send>) {
    let mut head = Vec::with_capacity(n);
    let res = (&mut reader).take(n as u64).read_to_end(&mut head).map(|_| ());
    let again: Box<dyn Read + Send> = match &res {
        Ok(()) => Box::new(Cursor::new(head.clone()).chain(reader)),
        Err(e) => Box::new(Cursor::new(head.clone()).chain(Failed(Some(std::io::Error::new(e.kind(), e.to_string()))))),
    };
    (head, res, again)
}

/// A reader that fails once with its error, then reports end of file.
struct Failed(Option<std::io::Error>);

impl Read for Failed {
    fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(0),
        }
    }
}

/// True when bytes look binary: a NUL, or more than 10% control characters.
fn looks_binary(head: &[u8]) -> bool {
    if head.contains(&0) {
        return true;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c) || b == 0x7f).count();
    !head.is_empty() && control * 10 > head.len()
}

/// Opens one stream of a known or unknown format.
fn open_stream(reader: Box<dyn Read + Send>, shown: String, format: Format) -> Records {
    let fail =
        |shown: &str, m: String| -> Records { Box::new(std::iter::once(Record::failed(IngestError::new(shown, m)))) };
    let (head, res, mut reader) = peek(reader, 8192);
    if let Err(e) = res {
        if head.is_empty() {
            return fail(&shown, read_error(&e));
        }
        // keep what was read: the readers report the error where it happens
    }
    // Gzip without a .gz name.
    if head.starts_with(&[0x1f, 0x8b]) {
        let inner: Box<dyn Read + Send> = Box::new(MultiGzDecoder::new(BufReader::new(reader)));
        return open_stream(inner, shown, format);
    }
    // UTF-16 (NUL bytes that are not binary): transcode to UTF-8 and read that.
    if let Some((enc, _)) =
        Encoding::for_bom(&head).filter(|(e, _)| *e == encoding_rs::UTF_16LE || *e == encoding_rs::UTF_16BE)
    {
        let note = format!("decoded as {} (byte-order mark)", enc.name().to_ascii_lowercase());
        let inner: Box<dyn Read + Send> = Box::new(DecodingReader::new(reader, enc));
        return with_note(open_stream(inner, shown, format), Some(note));
    }
    if head.iter().all(u8::is_ascii_whitespace) {
        return fail(&shown, "empty file".into());
    }
    if let Some(what) = not_an_article_by_content(&head) {
        return fail(&shown, what.into());
    }
    if format == Format::Warc || (format == Format::Unknown && head.starts_with(b"WARC/")) {
        return Box::new(WarcReader::new(Box::new(BufReader::new(reader)), shown));
    }
    if looks_binary(&head) {
        return fail(&shown, "binary file, not text".into());
    }
    let start = head
        .strip_prefix(b"\xef\xbb\xbf")
        .unwrap_or(&head)
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&head)[i]);
    let format = match format {
        Format::Unknown => match start {
            Some(b'{') => Format::Jsonl,
            Some(b'[') => Format::Json,
            Some(b'<') if sniff_feed(&head) => Format::Feed,
            Some(b'<') if sniff_html(&head) => Format::Html,
            _ => Format::Text,
        },
        f => f,
    };
    if format == Format::Feed {
        // The XML declaration (or detection) gives the charset; the reader gets UTF-8.
        let (enc, origin) = encoding::choose(&head, None, Kind::Xml);
        if enc == encoding_rs::UTF_8 {
            return Box::new(FeedReader::new(Box::new(BufReader::new(reader)), shown));
        }
        let note = Decoded { text: String::new(), encoding: enc, origin, had_errors: false }.note();
        let utf8 = DecodingReader::new(reader, enc);
        return with_note(Box::new(FeedReader::new(Box::new(BufReader::new(utf8)), shown)), note);
    }
    if format == Format::Jsonl {
        return Box::new(JsonlReader::new(Box::new(BufReader::new(reader)), shown));
    }
    let mut bytes = Vec::new();
    if let Err(e) = (&mut reader).take(MAX_ARTICLE_FILE + 1).read_to_end(&mut bytes) {
        return fail(&shown, read_error(&e));
    }
    if format != Format::Json && bytes.len() as u64 > MAX_ARTICLE_FILE {
        return fail(&shown, format!("larger than {} MB: too large for one article; skipped", MAX_ARTICLE_FILE >> 20));
    }
    if format == Format::Json {
        if let Err(e) = reader.read_to_end(&mut bytes) {
            return fail(&shown, read_error(&e));
        }
    }
    if format == Format::Json {
        // the records of a JSON file are known once the whole file is parsed
        let decoded = encoding::decode(&bytes, None, Kind::Text);
        drop(bytes);
        let note = decoded.note();
        return with_note(json_records(decoded.text, &shown), note);
    }
    // one article: decoded and built with the others, later
    let record = Record::later(move || {
        let kind = if format == Format::Html { Kind::Html } else { Kind::Text };
        let decoded = encoding::decode(&bytes, None, kind);
        drop(bytes);
        let note = decoded.note();
        let doc = match format {
            Format::Html => html_doc(&decoded.text, None, &shown),
            _ => text_doc(decoded.text, &shown),
        };
        doc.map(|mut doc| {
            if let Some(note) = note {
                doc.note("ingest", note);
            }
            doc
        })
    });
    Box::new(std::iter::once(record))
}

/// Adds `note` (how the input was decoded) to every document of `records`.
fn with_note(records: Records, note: Option<String>) -> Records {
    match note {
        None => records,
        Some(note) => Box::new(records.map(move |record| {
            let note = note.clone();
            record.map(move |mut doc| {
                doc.note("ingest", note);
                doc
            })
        })),
    }
}

/// A read error message; gzip corruption and truncation say so.
fn read_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::InvalidInput | std::io::ErrorKind::InvalidData => {
            format!("not valid gzip data ({e})")
        }
        std::io::ErrorKind::UnexpectedEof => format!("the data ends early, e.g. a truncated gzip file ({e})"),
        _ => format!("read error ({e})"),
    }
}

/// True when the first element of a file is an RSS, RDF or Atom feed root.
fn sniff_feed(head: &[u8]) -> bool {
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = lower.as_str();
    while let Some(i) = rest.find('<') {
        rest = &rest[i..];
        if rest.starts_with("<?") || rest.starts_with("<!") {
            let end =
                if rest.starts_with("<!--") { rest.find("-->").map(|e| e + 3) } else { rest.find('>').map(|e| e + 1) };
            match end {
                Some(e) => rest = &rest[e..],
                None => return false,
            }
            continue;
        }
        return ["<rss", "<feed", "<rdf:rdf"].iter().any(|t| rest.starts_with(t));
    }
    false
}

/// True when the head of a file looks like an HTML document.
fn sniff_html(head: &[u8]) -> bool {
    let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<p ", "<div", "<meta", "<title"]
        .iter()
        .any(|t| lower.contains(t))
}

/// One plain-text article.
fn text_doc(text: String, shown: &str) -> Result<Doc, IngestError> {
    let doc = doc_from_text(shown, &text, Meta::default());
    if doc.text.trim().is_empty() {
        return Err(IngestError::new(shown, "no article text (only metadata)"));
    }
    Ok(doc)
}

/// One HTML page; `url` is its address when its container gives it.
pub(crate) fn html_doc(page: &str, url: Option<&str>, shown: &str) -> Result<Doc, IngestError> {
    let e = html::extract(page, url);
    if e.text.trim().is_empty() {
        return Err(IngestError::new(shown, "no article text found in the HTML"));
    }
    let mut meta = Meta { url: e.url, title: e.title, authors: e.authors, language: e.language, ..Meta::default() };
    if let Some((d, p)) = e.published {
        meta.published = Some(d);
        meta.published_from = p;
    }
    if let Some(o) = e.outlet {
        meta.outlet = Some(o);
        meta.outlet_from = Provenance::Given;
    }
    Ok(build_doc(shown, &e.text, meta, Level::Light))
}

/// A `.json` file: one record, an array of records, or JSON Lines after all.
fn json_records(text: String, shown: &str) -> Records {
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(items)) => {
            if items.is_empty() {
                return Box::new(std::iter::once(Record::failed(IngestError::new(shown, "empty JSON array"))));
            }
            let shown = shown.to_string();
            Box::new(items.into_iter().enumerate().map(move |(i, v)| {
                let loc = format!("{shown}[{}]", i + 1);
                Record::later(move || record_to_doc(v, &loc).map_err(|m| IngestError::new(loc, m)))
            }))
        }
        Ok(v) => {
            let shown = shown.to_string();
            Box::new(std::iter::once(Record::later(move || {
                record_to_doc(v, &shown).map_err(|m| IngestError::new(shown, m))
            })))
        }
        Err(_) => Box::new(JsonlReader::new(
            Box::new(Cursor::new(text.into_bytes())) as Box<dyn BufRead + Send>,
            shown.to_string(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(format_of(Path::new("a/b.TXT")), (Format::Text, false));
        assert_eq!(format_of(Path::new("b.jsonl.gz")), (Format::Jsonl, true));
        assert_eq!(format_of(Path::new("b.html.gz")), (Format::Html, true));
        assert_eq!(format_of(Path::new("noext")), (Format::Unknown, false));
    }

    #[test]
    fn feed_and_warc_sniffing() {
        assert_eq!(format_of(Path::new("a.rss")), (Format::Feed, false));
        assert_eq!(format_of(Path::new("a.warc.gz")), (Format::Warc, true));
        assert!(sniff_feed(b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\"><channel>"));
        assert!(sniff_feed(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
        assert!(!sniff_feed(b"<!doctype html><html><body><p>rss feed</p>"));
        let r: Box<dyn Read + Send> = Box::new(Cursor::new(
            b"<?xml version=\"1.0\"?><rss><channel><title>BBC News</title><item><description>Talks began.</description></item></channel></rss>".to_vec(),
        ));
        let docs: Vec<_> = open_stream(r, "f.xml".into(), Format::Unknown).map(Record::build).collect();
        assert_eq!(docs[0].as_ref().unwrap().meta.outlet.as_deref(), Some("BBC"));
        let w = b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 19\r\n\r\n<p>Hello there.</p>\r\n\r\n";
        let r: Box<dyn Read + Send> = Box::new(Cursor::new(w.to_vec()));
        let docs: Vec<_> = open_stream(r, "x".into(), Format::Unknown).map(Record::build).collect();
        assert_eq!(docs[0].as_ref().unwrap().text, "Hello there.");
    }

    #[test]
    fn binary() {
        assert!(looks_binary(b"abc\0def"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, b'a']));
        assert!(!looks_binary(b"Plain text.\n\tIndented.\r\n"));
    }

    fn open(bytes: &[u8], name: &str) -> Vec<Result<Doc, IngestError>> {
        let (format, _) = format_of(Path::new(name));
        open_stream(Box::new(Cursor::new(bytes.to_vec())), name.into(), format).map(Record::build).collect()
    }

    #[test]
    fn latin1_html_and_text() {
        let page =
            b"<html><head><meta charset=iso-8859-1></head><body><p>Caf\xe9 \x93open\x94 until late.</p></body></html>";
        let doc = open(page, "a.html").remove(0).unwrap();
        assert_eq!(doc.text, "Café “open” until late.");
        assert!(doc.notes().any(|n| n == "decoded as windows-1252 (meta charset)"), "{:?}", doc.diagnostics);
        let text = b"The club wrote off a \xa315m fee for the striker, the caf\xe9 owner said on Tuesday.";
        let doc = open(text, "a.txt").remove(0).unwrap();
        assert_eq!(doc.text, "The club wrote off a £15m fee for the striker, the café owner said on Tuesday.");
        assert!(doc.notes().any(|n| n == "decoded as windows-1252 (detected)"), "{:?}", doc.diagnostics);
    }

    #[test]
    fn utf16_text_and_latin1_feed() {
        let utf16: Vec<u8> = b"\xff\xfe"
            .iter()
            .copied()
            .chain("Talks began in Zürich.".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let doc = open(&utf16, "a.txt").remove(0).unwrap();
        assert_eq!(doc.text, "Talks began in Zürich.");
        assert_eq!(doc.notes().collect::<Vec<_>>(), vec!["decoded as utf-16le (byte-order mark)"]);
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><description>Caf\xe9 talks went on.</description></item></channel></rss>";
        let doc = open(feed, "f.rss").remove(0).unwrap();
        assert_eq!(doc.text, "Café talks went on.");
        assert!(doc.notes().any(|n| n == "decoded as windows-1252 (XML declaration)"), "{:?}", doc.diagnostics);
    }

    #[test]
    fn a_truncated_gzip_file_says_so() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all("The council met on Monday. ".repeat(2000).as_bytes()).unwrap();
        let gz = gz.finish().unwrap();
        let r: Box<dyn Read + Send> = Box::new(MultiGzDecoder::new(Cursor::new(gz[..gz.len() / 2].to_vec())));
        let out: Vec<_> = open_stream(r, "t.txt.gz".into(), Format::Text).map(Record::build).collect();
        assert_eq!(out.len(), 1);
        let e = out[0].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("t.txt.gz: the data ends early, e.g. a truncated gzip file ("), "{e}");
    }

    #[test]
    fn binary_and_oversized_files_are_one_error() {
        let out = open(b"\x00\x01\x02binary\x00", "b.txt");
        assert_eq!(out[0].as_ref().unwrap_err().to_string(), "b.txt: binary file, not text");
        let big = vec![b'a'; (MAX_ARTICLE_FILE + 10) as usize];
        let out = open(&big, "big.txt");
        assert_eq!(out.len(), 1);
        assert!(out[0].as_ref().unwrap_err().message.contains("too large for one article"));
    }

    #[test]
    fn stream_sniffing() {
        let r: Box<dyn Read + Send> = Box::new(Cursor::new(b"{\"text\":\"Hi there.\"}\n".to_vec()));
        let docs: Vec<_> = open_stream(r, "s".into(), Format::Unknown).map(Record::build).collect();
        assert_eq!(docs[0].as_ref().unwrap().source, "s:1");
        let r: Box<dyn Read + Send> = Box::new(Cursor::new(b"<html><body><p>Hello world.</p></body></html>".to_vec()));
        let docs: Vec<_> = open_stream(r, "s".into(), Format::Unknown).map(Record::build).collect();
        assert_eq!(docs[0].as_ref().unwrap().text, "Hello world.");
    }
}
