//! Charset decoding: any bytes, any declared charset, every kind of document; the streaming
//! decoder gives the same text as decoding the whole input at once.
#![no_main]
use std::io::Read;

use libfuzzer_sys::fuzz_target;
use parallax_ingest::encoding::{choose, decode, DecodingReader, Kind};

fuzz_target!(|data: &[u8]| {
    // The first byte picks a header charset label (or none) from the input itself.
    let (label, bytes) = match data.split_first() {
        Some((&n, rest)) if n < 64 => {
            let len = (n as usize % 16).min(rest.len());
            (std::str::from_utf8(&rest[..len]).ok(), &rest[len..])
        }
        _ => (None, data),
    };
    for kind in [Kind::Text, Kind::Html, Kind::Xml] {
        let decoded = decode(bytes, label, kind);
        let _ = decoded.note();
        let (encoding, _) = choose(bytes, label, kind);
        assert_eq!(encoding, decoded.encoding);
        let mut streamed = String::new();
        DecodingReader::new(bytes, encoding).read_to_string(&mut streamed).expect("decoding never fails");
        assert_eq!(streamed, decoded.text);
    }
});
