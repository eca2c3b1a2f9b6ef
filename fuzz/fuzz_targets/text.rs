//! Plain text: decoding by detection, cleaning (metadata lines, captions, footers), outlet and
//! dateline reading, language detection: never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = parallax_ingest::doc_from_text("fuzz.txt", &text, parallax_doc::Meta::default());
    assert!(doc.notes.iter().all(|n| !n.is_empty()));
    let reader = Box::new(std::io::Cursor::new(data.to_vec()));
    for item in parallax_ingest::read_stream(reader, "fuzz.txt") {
        if let Err(e) = item {
            assert!(!e.to_string().contains('\n'));
        }
    }
});
