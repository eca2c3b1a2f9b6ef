//! The deduper: texts split on NUL bytes; a copy always points at an earlier article.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut d = parallax_story::dedup::Deduper::default();
    for (i, part) in text.split('\0').enumerate() {
        if let Some(j) = d.add(part) {
            assert!(j < i);
        }
    }
});
