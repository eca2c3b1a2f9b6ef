//! RSS / Atom reader: any bytes give Docs or one-line errors, never a panic or a hang.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = Box::new(std::io::Cursor::new(data.to_vec()));
    for item in parallax_ingest::read_stream(reader, "fuzz.rss") {
        if let Err(e) = item {
            assert!(!e.to_string().contains('\n'));
        }
    }
});
