//! WARC reader (plain; gzip members are sniffed too): Docs or one-line errors, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = Box::new(std::io::Cursor::new(data.to_vec()));
    for item in parallax_ingest::read_stream(reader, "fuzz.warc") {
        if let Err(e) = item {
            assert!(!e.to_string().contains('\n'));
        }
    }
});
