//! HTML pages: charset decoding, main-text extraction, cleaning and language detection on any bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let _ = parallax_ingest::html::extract(&page, Some("https://example.com/news/a"));
    let reader = Box::new(std::io::Cursor::new(data.to_vec()));
    for item in parallax_ingest::read_stream(reader, "fuzz.html") {
        if let Err(e) = item {
            assert!(!e.to_string().contains('\n'));
        }
    }
});
