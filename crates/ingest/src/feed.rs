//! RSS 2.0 (and RSS 1.0 / RDF) and Atom feeds, read as a stream: one [`Doc`] per item or entry.
//!
//! `link` → url, `pubDate` / `published` / `updated` / `dc:date` → published, `title`,
//! `content:encoded` / `content` → HTML (text when Atom says `type="text"`), else
//! `description` / `summary` → text; the item's `source` (or Atom `source/title`), else the
//! channel's title → outlet. Items are numbered from 1: errors name `PATH[N]`.

use std::io::BufRead;

use parallax_doc::{Diagnostic, Doc, Meta, Provenance};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::clean::Level;
use crate::dates::normalize_published;
use crate::outlet::gazetteer;
use crate::record::Record;
use crate::{build_doc, html, IngestError};

/// The fields of one item as read.
#[derive(Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    guid: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    content: Option<(String, bool)>,
    summary: Option<String>,
    source: Option<String>,
}

/// The streaming feed reader.
pub(crate) struct FeedReader {
    reader: Reader<Box<dyn BufRead + Send>>,
    buf: Vec<u8>,
    shown: String,
    /// Element names (qualified, lower-cased) from the root.
    stack: Vec<String>,
    /// Depth of the open item in `stack`, with its fields.
    item: Option<(usize, Item)>,
    /// The field being read (name, depth, whether its content is HTML/XHTML) and its text.
    field: Option<(String, usize, bool)>,
    text: String,
    channel_title: Option<String>,
    count: usize,
    done: bool,
}

impl FeedReader {
    pub(crate) fn new(reader: Box<dyn BufRead + Send>, shown: String) -> FeedReader {
        let mut reader = Reader::from_reader(reader);
        reader.config_mut().check_end_names = false;
        reader.config_mut().expand_empty_elements = false;
        FeedReader {
            reader,
            buf: Vec::new(),
            shown,
            stack: Vec::new(),
            item: None,
            field: None,
            text: String::new(),
            channel_title: None,
            count: 0,
            done: false,
        }
    }

    fn location(&self) -> String {
        format!("{}[{}]", self.shown, self.count.max(1))
    }
}

/// The value of attribute `key` of a start tag.
fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes().flatten().find(|a| a.key.as_ref().eq_ignore_ascii_case(key)).map(|a| unescape(&a.value))
}

/// XML text with the XML and common HTML entities resolved; raw when it cannot be.
fn unescape(bytes: &[u8]) -> String {
    let raw = String::from_utf8_lossy(bytes);
    let resolved = quick_xml::escape::unescape_with(&raw, |e| {
        Some(match e {
            "lt" => "<",
            "gt" => ">",
            "amp" => "&",
            "apos" => "'",
            "quot" => "\"",
            "nbsp" => "\u{a0}",
            "mdash" => "—",
            "ndash" => "–",
            "lsquo" => "‘",
            "rsquo" => "’",
            "ldquo" => "“",
            "rdquo" => "”",
            "hellip" => "…",
            _ => return None,
        })
    });
    match resolved {
        Ok(s) => s.into_owned(),
        Err(_) => raw.into_owned(),
    }
}

fn lname(name: &[u8]) -> String {
    String::from_utf8_lossy(name).to_ascii_lowercase()
}

impl Iterator for FeedReader {
    type Item = Record;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            let event = match self.reader.read_event_into(&mut self.buf) {
                Ok(e) => e.into_owned(),
                Err(e) => {
                    self.done = true;
                    let at = self.reader.buffer_position();
                    let what = if self.item.is_some() { "item" } else { "feed" };
                    return Some(Record::failed(IngestError::new(
                        self.location(),
                        format!("XML error in {what} at byte {at} ({e}); the rest of the feed is skipped"),
                    )));
                }
            };
            match event {
                Event::Start(e) => {
                    let name = lname(e.name().as_ref());
                    let depth = self.stack.len();
                    if let Some((_, html)) = self.field.as_ref().map(|(_, d, h)| (*d, *h)) {
                        // markup inside a field (Atom XHTML content): keep it as HTML
                        if html {
                            self.text.push('<');
                            self.text.push_str(&String::from_utf8_lossy(e.as_ref()));
                            self.text.push('>');
                        }
                    } else if self.item.is_none() && (name == "item" || name == "entry") {
                        self.count += 1;
                        self.item = Some((depth, Item::default()));
                    } else if let Some((d, _)) = &self.item {
                        if depth == d + 1 || (depth == d + 2 && self.stack.get(d + 1).is_some_and(|s| s == "source")) {
                            let kind = attr(&e, b"type").unwrap_or_default().to_ascii_lowercase();
                            let html = name == "content:encoded"
                                || (name == "content" && (kind.is_empty() || kind.contains("html")));
                            if name == "link" && depth == d + 1 {
                                self.atom_link(&e);
                            }
                            self.field = Some((name.clone(), depth, html));
                            self.text.clear();
                        }
                    } else if name == "title"
                        && matches!(self.stack.last().map(String::as_str), Some("channel" | "feed"))
                        && self.channel_title.is_none()
                    {
                        self.field = Some((name.clone(), depth, false));
                        self.text.clear();
                    }
                    self.stack.push(name);
                }
                Event::Empty(e) => {
                    let name = lname(e.name().as_ref());
                    if let Some((d, _)) = &self.item {
                        if self.field.is_none() && name == "link" && self.stack.len() == d + 1 {
                            self.atom_link(&e);
                        } else if self.field.as_ref().is_some_and(|f| f.2) {
                            self.text.push('<');
                            self.text.push_str(&String::from_utf8_lossy(e.as_ref()));
                            self.text.push_str("/>");
                        }
                    }
                }
                Event::Text(t) if self.field.is_some() => self.text.push_str(&unescape(t.as_ref())),
                Event::CData(t) if self.field.is_some() => self.text.push_str(&String::from_utf8_lossy(t.as_ref())),
                Event::End(_) => {
                    let name = self.stack.pop().unwrap_or_default();
                    let depth = self.stack.len();
                    if let Some((fname, fdepth, html)) = self.field.clone() {
                        if depth == fdepth {
                            self.field = None;
                            let value = std::mem::take(&mut self.text).trim().to_string();
                            self.store(&fname, value, html);
                        } else if html {
                            self.text.push_str(&format!("</{name}>"));
                        }
                        continue;
                    }
                    if self.item.as_ref().is_some_and(|(d, _)| *d == depth) {
                        let (_, item) = self.item.take().expect("checked");
                        let (location, channel) = (self.location(), self.channel_title.clone());
                        return Some(Record::later(move || finish(item, location, channel)));
                    }
                }
                Event::Eof => {
                    self.done = true;
                    if self.item.is_some() {
                        return Some(Record::failed(IngestError::new(
                            self.location(),
                            "the feed ends inside this item (truncated file); earlier items were kept",
                        )));
                    }
                    if self.count == 0 {
                        return Some(Record::failed(IngestError::new(&self.shown, "no items or entries in the feed")));
                    }
                }
                _ => {}
            }
        }
        None
    }
}

impl FeedReader {
    /// An Atom `<link href=… rel=…>`: the alternate (or unnamed) link is the article's URL.
    fn atom_link(&mut self, e: &BytesStart) {
        let rel = attr(e, b"rel").unwrap_or_default();
        if let (Some(href), Some((_, item))) = (attr(e, b"href"), self.item.as_mut()) {
            if (rel.is_empty() || rel == "alternate") && item.link.is_none() {
                item.link = Some(href.trim().to_string());
            }
        }
    }

    /// Stores a finished field of the item (or the channel title).
    fn store(&mut self, name: &str, value: String, html: bool) {
        if value.is_empty() {
            return;
        }
        let in_source = self.item.as_ref().is_some_and(|(d, _)| self.stack.get(d + 1).is_some_and(|s| s == "source"));
        let Some((_, item)) = self.item.as_mut() else {
            if name == "title" {
                self.channel_title = Some(value);
            }
            return;
        };
        let slot = match name {
            "title" if in_source => &mut item.source,
            _ if in_source => return,
            "title" => &mut item.title,
            "link" => &mut item.link,
            "guid" | "id" => &mut item.guid,
            "pubdate" | "published" | "dc:date" | "issued" => &mut item.published,
            "updated" | "modified" | "dcterms:modified" => &mut item.updated,
            "description" | "summary" => &mut item.summary,
            "source" => &mut item.source,
            "content:encoded" | "content" => {
                if item.content.is_none() || name == "content:encoded" {
                    item.content = Some((value, html));
                }
                return;
            }
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
    }
}

/// Turns a finished item, at `loc` in a feed titled `channel_title`, into a Doc.
fn finish(item: Item, loc: String, channel_title: Option<String>) -> Result<Doc, IngestError> {
    let url = item.link.or_else(|| item.guid.clone().filter(|g| g.starts_with("http")));
    let mut meta = Meta { id: item.guid, url, title: item.title, ..Meta::default() };
    let mut notes = Vec::new();
    if let Some(p) = item.published.or(item.updated) {
        match normalize_published(&p) {
            Some(d) => {
                meta.published = Some(d);
                meta.published_from = Provenance::Given;
            }
            None => notes.push(format!("the item's date “{p}” is not understood")),
        }
    }
    let g = gazetteer();
    if let Some(o) = item.source.or(channel_title) {
        meta.outlet = Some(g.canonical(&o).map_or(o, str::to_string));
        meta.outlet_from = Provenance::Given;
    }
    let source = meta.url.clone().or_else(|| meta.id.clone()).unwrap_or_else(|| loc.clone());
    let (body, is_html) = match (item.content, item.summary) {
        (Some((c, h)), _) => (c, h),
        (None, Some(s)) => {
            let h = s.contains('<') && s.contains('>');
            (s, h)
        }
        (None, None) => return Err(IngestError::new(loc, "item has no content, description or summary")),
    };
    let mut doc = if is_html {
        let e = html::extract(&format!("<html><body>{body}</body></html>"), meta.url.as_deref());
        if e.text.trim().is_empty() {
            return Err(IngestError::new(loc, "no article text found in the item's HTML"));
        }
        build_doc(&source, &e.text, meta, Level::Light)
    } else {
        build_doc(&source, &body, meta, Level::Full)
    };
    if doc.text.trim().is_empty() {
        return Err(IngestError::new(loc, "item has an empty text"));
    }
    doc.diagnostics.extend(notes.into_iter().map(|n| Diagnostic::note("ingest", n)));
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Vec<Result<Doc, IngestError>> {
        FeedReader::new(Box::new(std::io::Cursor::new(s.as_bytes().to_vec())), "f.rss".into())
            .map(Record::build)
            .collect()
    }

    #[test]
    fn rss_items() {
        let docs = read(
            r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Reuters</title><link>https://reuters.com</link>
<item><title>Talks in Riyadh</title><link>https://reuters.com/a</link>
<pubDate>Tue, 18 Feb 2025 10:00:00 GMT</pubDate><description>Short.</description>
<content:encoded><![CDATA[<p>Marco Rubio met Sergey Lavrov in Riyadh on Tuesday.</p><p>Talks lasted hours.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://reuters.com/b</link><description>Officials said the summit &amp; talks would go on.</description><source url="x">AP</source></item>
<item><title>Empty</title></item>
</channel></rss>"#,
        );
        assert_eq!(docs.len(), 3);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.meta.url.as_deref(), Some("https://reuters.com/a"));
        assert_eq!(a.meta.published.as_deref(), Some("2025-02-18"));
        assert_eq!(a.meta.outlet.as_deref(), Some("Reuters"));
        assert_eq!(a.meta.title.as_deref(), Some("Talks in Riyadh"));
        assert!(a.text.contains("Marco Rubio met Sergey Lavrov") && a.text.contains("Talks lasted hours."));
        let b = docs[1].as_ref().unwrap();
        assert_eq!(b.text, "Officials said the summit & talks would go on.");
        assert_eq!(b.meta.outlet.as_deref(), Some("Associated Press"));
        assert_eq!(docs[2].as_ref().unwrap_err().to_string(), "f.rss[3]: item has no content, description or summary");
    }

    #[test]
    fn atom_entries_and_truncation() {
        let docs = read(
            r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Al Jazeera</title>
<entry><title>One</title><link rel="self" href="https://x/self"/><link href="https://aljazeera.com/1"/>
<updated>2025-02-19T08:00:00Z</updated><content type="xhtml"><div><p>The ministers met in Riyadh.</p></div></content></entry>
<entry><title>Two</title><link href="https://aljazeera.com/2"/><summary>Cut short"#,
        );
        assert_eq!(docs.len(), 2);
        let a = docs[0].as_ref().unwrap();
        assert_eq!(a.meta.url.as_deref(), Some("https://aljazeera.com/1"));
        assert_eq!(a.meta.published.as_deref().map(|p| &p[..10]), Some("2025-02-19"));
        assert_eq!(a.meta.outlet.as_deref(), Some("Al Jazeera"));
        assert_eq!(a.text, "The ministers met in Riyadh.");
        assert!(docs[1].as_ref().unwrap_err().to_string().starts_with("f.rss[2]: the feed ends inside this item"));
    }
}
