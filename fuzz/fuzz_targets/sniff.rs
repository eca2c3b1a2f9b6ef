//! Format sniffing and every reader behind it (JSON Lines, JSON, HTML, text, feeds, WARC, gzip).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = Box::new(std::io::Cursor::new(data.to_vec()));
    for item in parallax_ingest::read_stream(reader, "fuzz") {
        if let Err(e) = item {
            assert!(!e.to_string().contains('\n'));
        }
    }
});
