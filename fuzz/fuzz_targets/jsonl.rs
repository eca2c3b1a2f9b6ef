//! JSON Lines records (any charset per line, text or html fields): Docs or one-line errors naming the line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = Box::new(std::io::Cursor::new(data.to_vec()));
    for item in parallax_ingest::read_stream(reader, "fuzz.jsonl") {
        if let Err(e) = item {
            let line = e.to_string();
            assert!(!line.contains('\n'));
            assert!(line.starts_with("fuzz.jsonl"));
        }
    }
});
