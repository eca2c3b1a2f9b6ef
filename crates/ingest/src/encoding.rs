//! Character encodings: bytes of any charset to text, never failing.
//!
//! The charset is taken from, in order: a byte-order mark (it cannot be wrong), the HTTP
//! `Content-Type` header (WARC), the document's own declaration in its first few KB (`<meta
//! charset>` / `<meta http-equiv=Content-Type>` for HTML, the XML declaration for feeds), valid
//! UTF-8, else detection ([`chardetng`], the detector Firefox uses). A declared single-byte
//! charset is overruled when the bytes are valid UTF-8 with non-ASCII characters in them
//! (a page re-encoded without updating its `<meta>`); an unknown label is ignored. Bytes that
//! are invalid in the chosen encoding become U+FFFD, so decoding never fails.
//!
//! Decoded text that was not plain UTF-8 carries a note for the document ("decoded as
//! windows-1252 (detected)").

use std::io::Read;

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_8};

/// How many leading bytes are searched for a `<meta>` charset or an XML declaration.
const PRESCAN: usize = 4096;

/// How many bytes the detector reads at most (it is sure long before that).
const DETECT: usize = 1 << 20;

/// What kind of document the bytes are: which in-document declarations count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text, JSON: no declaration is looked for.
    Text,
    /// HTML: `<meta charset>` or `<meta http-equiv=Content-Type content="...; charset=...">`.
    Html,
    /// XML (feeds): the XML declaration's `encoding="..."`.
    Xml,
}

/// Where the encoding used came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A byte-order mark.
    Bom,
    /// The HTTP `Content-Type` header.
    Header,
    /// The document's `<meta>` tag.
    Meta,
    /// The XML declaration.
    XmlDeclaration,
    /// The bytes were valid UTF-8 (the default).
    Utf8,
    /// A declaration named a single-byte charset but the bytes are valid UTF-8.
    Utf8OverDeclared,
    /// Guessed from the bytes by the detector.
    Detected,
}

impl Origin {
    /// A few words for notes: "detected", "HTTP header", ...
    fn describe(self) -> &'static str {
        match self {
            Origin::Bom => "byte-order mark",
            Origin::Header => "HTTP header",
            Origin::Meta => "meta charset",
            Origin::XmlDeclaration => "XML declaration",
            Origin::Utf8 => "valid UTF-8",
            Origin::Utf8OverDeclared => "valid UTF-8 despite the declared charset",
            Origin::Detected => "detected",
        }
    }
}

/// Decoded text and how it was decoded.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text (a byte-order mark removed).
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Where the encoding came from.
    pub origin: Origin,
    /// True when some bytes were invalid in that encoding and became U+FFFD.
    pub had_errors: bool,
}

impl Decoded {
    /// A note for the document when decoding was not plain UTF-8 or lost bytes; `None` otherwise.
    pub fn note(&self) -> Option<String> {
        let plain = self.encoding == UTF_8 && matches!(self.origin, Origin::Utf8 | Origin::Header | Origin::Meta);
        match (plain, self.had_errors) {
            (true, false) => None,
            (true, true) => Some("invalid UTF-8 bytes were replaced by U+FFFD".to_string()),
            (false, errors) => Some(format!(
                "decoded as {} ({}){}",
                self.encoding.name().to_ascii_lowercase(),
                self.origin.describe(),
                if errors { "; invalid bytes were replaced by U+FFFD" } else { "" }
            )),
        }
    }
}

/// Decodes `bytes` of a document of `kind`; `header_charset` is the HTTP header's charset label.
///
/// ```
/// use parallax_ingest::encoding::{decode, Kind};
/// let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Caf\xe9</body></html>";
/// let d = decode(page, None, Kind::Html);
/// assert!(d.text.contains("Café"));
/// assert_eq!(d.note().as_deref(), Some("decoded as windows-1252 (meta charset)"));
/// ```
pub fn decode(bytes: &[u8], header_charset: Option<&str>, kind: Kind) -> Decoded {
    let (encoding, origin) = choose(bytes, header_charset, kind);
    let (text, _, had_errors) = encoding.decode(bytes);
    Decoded { text: text.into_owned(), encoding, origin, had_errors }
}

/// The encoding to decode `bytes` with, and where it came from.
pub fn choose(bytes: &[u8], header_charset: Option<&str>, kind: Kind) -> (&'static Encoding, Origin) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, Origin::Bom);
    }
    let declared = header_charset.and_then(label).map(|e| (e, Origin::Header)).or_else(|| {
        let head = &bytes[..bytes.len().min(PRESCAN)];
        match kind {
            Kind::Text => None,
            Kind::Html => meta_charset(head).map(|e| (e, Origin::Meta)),
            Kind::Xml => xml_declaration(head)
                .map(|e| (e, Origin::XmlDeclaration))
                .or_else(|| meta_charset(head).map(|e| (e, Origin::Meta))),
        }
    });
    let utf8 = std::str::from_utf8(bytes);
    if let Some((enc, origin)) = declared {
        if enc != UTF_8 && enc.is_single_byte() {
            if let Ok(s) = utf8 {
                if !s.is_ascii() {
                    return (UTF_8, Origin::Utf8OverDeclared);
                }
            }
        }
        return (enc, origin);
    }
    match utf8 {
        Ok(_) => (UTF_8, Origin::Utf8),
        // only a character cut at the very end: still UTF-8
        Err(e) if e.error_len().is_none() => (UTF_8, Origin::Utf8),
        Err(_) => (detect(bytes), Origin::Detected),
    }
}

/// The encoding a label names (WHATWG labels: "latin1" is windows-1252); `None` when unknown.
///
/// A UTF-16 label in an ASCII-readable declaration cannot be right and counts as UTF-8, as
/// browsers do; "replacement" and "x-user-defined" are not used for text.
pub fn label(name: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label_no_replacement(name.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes())?;
    Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE || enc == encoding_rs::X_USER_DEFINED {
        if enc == encoding_rs::X_USER_DEFINED {
            encoding_rs::WINDOWS_1252
        } else {
            UTF_8
        }
    } else {
        enc
    })
}

/// The charset a `Content-Type` value names (`text/html; charset=ISO-8859-1` → `ISO-8859-1`).
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(|c| c == '"' || c == '\''))
    })
}

/// Guesses a legacy encoding for bytes that are not UTF-8 (no top-level domain hint).
///
/// With only a few non-ASCII bytes the detector can pick a Central European code page for an
/// English text (windows-1250 reads a lone `£` as `Ł`). English has no letters outside ASCII,
/// so its non-ASCII bytes are symbols (£, €, curly quotes, dashes), which windows-1252 is the
/// usual encoding for: when a Latin-script guess other than windows-1252 is made and the text
/// read as windows-1252 is reliably English, windows-1252 is used.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    let sample = &bytes[..bytes.len().min(DETECT)];
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, false);
    let latin_single_byte = [
        encoding_rs::WINDOWS_1250,
        encoding_rs::WINDOWS_1254,
        encoding_rs::WINDOWS_1257,
        encoding_rs::ISO_8859_2,
        encoding_rs::ISO_8859_4,
        encoding_rs::ISO_8859_13,
        encoding_rs::ISO_8859_15,
        encoding_rs::ISO_8859_16,
    ];
    if latin_single_byte.contains(&guess) {
        let head = &bytes[..bytes.len().min(PRESCAN)];
        let (as_1252, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(head);
        if crate::language::detect(&as_1252) == Some("en") {
            return encoding_rs::WINDOWS_1252;
        }
    }
    guess
}

/// The charset of the first `<meta>` tag that declares one, in `head`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut rest = &lower[..];
    while let Some(i) = find(rest, b"<meta") {
        rest = &rest[i + 5..];
        let end = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(j) = find(tag, b"charset") {
            let after = tag[j + 7..].trim_ascii_start();
            if let Some(value) = after.strip_prefix(b"=") {
                let value = value.trim_ascii_start();
                let value = value.strip_prefix(b"\"").or_else(|| value.strip_prefix(b"'")).unwrap_or(value);
                let len =
                    value.iter().position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/') || b.is_ascii_whitespace());
                let name = &value[..len.unwrap_or(value.len())];
                if let Some(enc) = std::str::from_utf8(name).ok().and_then(label) {
                    return Some(enc);
                }
            }
        }
        rest = &rest[end..];
    }
    None
}

/// The `encoding` of an XML declaration at the start of `head`.
fn xml_declaration(head: &[u8]) -> Option<&'static Encoding> {
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let decl = head[start..].strip_prefix(b"<?xml")?;
    let decl = &decl[..decl.iter().position(|&b| b == b'>')?];
    let i = find(decl, b"encoding")?;
    let value = decl[i + 8..].trim_ascii_start().strip_prefix(b"=")?.trim_ascii_start();
    let quote = *value.first()?;
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let value = &value[1..];
    let name = &value[..value.iter().position(|&b| b == quote)?];
    label(std::str::from_utf8(name).ok()?)
}

/// The first position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A reader that transcodes a stream from `encoding` to UTF-8 as it is read (feeds).
pub struct DecodingReader<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    finished: bool,
    output: Vec<u8>,
    out_start: usize,
    had_errors: bool,
}

impl<R: Read> DecodingReader<R> {
    /// A reader of `inner`'s bytes, in `encoding`, as UTF-8 (a byte-order mark is removed).
    pub fn new(inner: R, encoding: &'static Encoding) -> DecodingReader<R> {
        DecodingReader {
            inner,
            decoder: encoding.new_decoder_with_bom_removal(),
            input: vec![0; 16 << 10],
            start: 0,
            end: 0,
            eof: false,
            finished: false,
            output: Vec::new(),
            out_start: 0,
            had_errors: false,
        }
    }

    /// True when some bytes read so far were invalid and became U+FFFD.
    pub fn had_errors(&self) -> bool {
        self.had_errors
    }

    /// Decodes the next piece of input into `output`; false at the end.
    fn fill(&mut self) -> std::io::Result<bool> {
        while !self.finished {
            if self.start == self.end && !self.eof {
                let n = self.inner.read(&mut self.input)?;
                self.start = 0;
                self.end = n;
                self.eof = n == 0;
            }
            let src = &self.input[self.start..self.end];
            let room = self.decoder.max_utf8_buffer_length(src.len()).unwrap_or(src.len() * 3 + 16).max(16);
            self.output.clear();
            self.output.resize(room, 0);
            self.out_start = 0;
            let (result, read, written, errors) = self.decoder.decode_to_utf8(src, &mut self.output, self.eof);
            self.had_errors |= errors;
            self.start += read;
            self.output.truncate(written);
            if self.eof && result == CoderResult::InputEmpty {
                self.finished = true;
            }
            if written > 0 {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.out_start == self.output.len() && !self.fill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.output.len() - self.out_start);
        buf[..n].copy_from_slice(&self.output[self.out_start..self.out_start + n]);
        self.out_start += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_the_default_and_needs_no_note() {
        let d = decode("Größe “quoted”".as_bytes(), None, Kind::Text);
        assert_eq!(d.text, "Größe “quoted”");
        assert_eq!(d.note(), None);
    }

    #[test]
    fn latin1_text_is_detected() {
        let d = decode(
            b"The caf\xe9 on the corner charged \xa315 for a cr\xe8me br\xfbl\xe9e and a glass of wine.",
            None,
            Kind::Text,
        );
        assert_eq!(d.text, "The café on the corner charged £15 for a crème brûlée and a glass of wine.");
        assert_eq!(d.origin, Origin::Detected);
        assert_eq!(d.note().as_deref(), Some("decoded as windows-1252 (detected)"));
    }

    #[test]
    fn english_with_a_lone_pound_sign_is_windows_1252() {
        let mut text = "The club said on Tuesday that it would write off the transfer fee for the striker, \
                        who left in the summer after a dispute over his contract and a failed drugs test. "
            .repeat(12)
            .into_bytes();
        text.extend_from_slice(b"The fee was \xa315m.");
        let d = decode(&text, None, Kind::Text);
        assert!(d.text.ends_with("The fee was £15m."), "{}", d.encoding.name());
        let polish = "Burmistrz ogłosił w poniedziałek, że most zostanie ponownie otwarty po zakończeniu prac.";
        let (bytes, _, _) = encoding_rs::WINDOWS_1250.encode(polish);
        assert_eq!(decode(&bytes, None, Kind::Text).text, polish);
    }

    #[test]
    fn header_wins_over_meta_and_bom_wins_over_all() {
        let page = b"<meta charset=utf-8><p>Caf\xe9</p>";
        assert_eq!(decode(page, Some("iso-8859-1"), Kind::Html).text, "<meta charset=utf-8><p>Café</p>");
        let bom = b"\xef\xbb\xbf<p>Caf\xc3\xa9</p>";
        let d = decode(bom, Some("windows-1252"), Kind::Html);
        assert_eq!((d.text.as_str(), d.origin), ("<p>Café</p>", Origin::Bom));
    }

    #[test]
    fn meta_http_equiv_and_xml_declaration() {
        let page = b"<html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1251\"></head>\xcf\xf0\xe8\xe2\xe5\xf2";
        let d = decode(page, None, Kind::Html);
        assert!(d.text.ends_with("Привет"), "{}", d.text);
        assert_eq!(d.origin, Origin::Meta);
        let feed = b"<?xml version='1.0' encoding='ISO-8859-15'?><rss>\xa4 caf\xe9</rss>";
        let d = decode(feed, None, Kind::Xml);
        assert!(d.text.ends_with("€ café</rss>"), "{}", d.text);
        assert_eq!(d.note().as_deref(), Some("decoded as iso-8859-15 (XML declaration)"));
    }

    #[test]
    fn valid_utf8_overrules_a_declared_single_byte_charset() {
        let page = "<meta charset=iso-8859-1><p>Café</p>".as_bytes();
        let d = decode(page, None, Kind::Html);
        assert_eq!((d.text.as_str(), d.origin), ("<meta charset=iso-8859-1><p>Café</p>", Origin::Utf8OverDeclared));
        let ascii = b"<meta charset=iso-8859-1><p>Cafe</p>";
        assert_eq!(decode(ascii, None, Kind::Html).origin, Origin::Meta);
    }

    #[test]
    fn unknown_labels_are_ignored_and_invalid_bytes_never_fail() {
        let d = decode("<meta charset=klingon><p>Café</p>".as_bytes(), Some("x-nonsense"), Kind::Html);
        assert_eq!(d.origin, Origin::Utf8);
        let d = decode(b"ok \xff\xfe\xfd", Some("utf-8"), Kind::Text);
        assert!(d.had_errors && d.text.starts_with("ok "));
        assert!(d.note().is_some_and(|n| n.contains("U+FFFD")));
        assert_eq!(decode(b"", None, Kind::Html).text, "");
        assert_eq!(decode(b"<meta charset=", None, Kind::Html).origin, Origin::Utf8);
        assert_eq!(decode(b"<?xml encoding=", None, Kind::Xml).origin, Origin::Utf8);
    }

    #[test]
    fn a_character_cut_at_the_end_is_still_utf8() {
        let d = decode(b"caf\xc3", None, Kind::Text);
        assert_eq!(d.origin, Origin::Utf8);
        assert_eq!(d.text, "caf\u{fffd}");
    }

    #[test]
    fn content_type_charset() {
        assert_eq!(charset_param("text/html; Charset=\"ISO-8859-1\""), Some("ISO-8859-1"));
        assert_eq!(charset_param("text/html"), None);
        assert_eq!(label("latin1"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(label("utf-16"), Some(UTF_8));
    }

    #[test]
    fn streaming_decoder_matches_whole_decoding() {
        let mut bytes = Vec::new();
        for i in 0..5000 {
            bytes.extend_from_slice(format!("line {i}: caf").as_bytes());
            bytes.extend_from_slice(b"\xe9 \x80\n");
        }
        let mut out = String::new();
        DecodingReader::new(&bytes[..], encoding_rs::WINDOWS_1252).read_to_string(&mut out).unwrap();
        assert_eq!(out, encoding_rs::WINDOWS_1252.decode(&bytes).0);
        let utf16: Vec<u8> =
            b"\xff\xfe".iter().copied().chain("Hé".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let mut out = String::new();
        DecodingReader::new(&utf16[..], encoding_rs::UTF_16LE).read_to_string(&mut out).unwrap();
        assert_eq!(out, "Hé");
    }
}
