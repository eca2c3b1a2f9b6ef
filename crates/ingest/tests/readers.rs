//! Reading the fixture files and the seed examples end to end.

use std::io::Write;
use std::path::PathBuf;

use parallax_doc::{Doc, Meta, Provenance};
use parallax_ingest::{doc_from_text, read_inputs, IngestError};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn fixture(name: &str) -> String {
    fixtures().join(name).display().to_string()
}

fn read(paths: &[String]) -> Vec<Result<Doc, IngestError>> {
    read_inputs(paths).collect()
}

fn one(name: &str) -> Doc {
    let mut out = read(&[fixture(name)]);
    assert_eq!(out.len(), 1, "{name}");
    match out.remove(0) {
        Ok(d) => d,
        Err(e) => panic!("{e}"),
    }
}

fn reasons(doc: &Doc) -> Vec<&str> {
    doc.removed.iter().map(|r| r.reason).collect()
}

#[test]
fn directory_reads_everything_in_sorted_order_and_bad_files_do_not_stop_it() {
    let out = read(&[fixtures().display().to_string()]);
    let summary: Vec<String> = out
        .iter()
        .map(|r| match r {
            Ok(d) => format!("ok {}", d.source.rsplit('/').next().unwrap_or("")),
            Err(e) => format!("err {}", e.location.rsplit('/').next().unwrap_or("")),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "ok bbc_style.txt",
            "err binary.dat",
            "ok cnn_style.txt",
            "err empty.txt",
            "ok guardian_style.txt",
            "ok latin1.txt",
            "ok local_paper.txt",
            "ok w-001",
            "err mixed.jsonl:2",
            "err mixed.jsonl:3",
            "ok x",
            "ok mixed.jsonl:6",
            "ok x",
            "ok notes_without_extension",
            "ok reuters_wire.txt",
            "ok small_page.html",
        ]
    );
}

#[test]
fn malformed_inputs_give_one_line_errors_naming_the_file() {
    let errs: Vec<String> = read(&[fixture("empty.txt"), fixture("binary.dat"), fixture("does_not_exist.txt")])
        .into_iter()
        .filter_map(Result::err)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(errs.len(), 3);
    assert!(errs[0].ends_with("empty.txt: empty file"), "{}", errs[0]);
    assert!(errs[1].ends_with("binary.dat: a program, not read"), "{}", errs[1]);
    assert!(errs[2].contains("does_not_exist.txt: cannot open ("), "{}", errs[2]);
    assert!(errs.iter().all(|e| !e.contains('\n')));
}

#[test]
fn latin1_text_is_decoded_by_detection_with_a_note() {
    let doc = one("latin1.txt");
    assert_eq!(doc.text, "Le maire a annoncé la réouverture du pont.");
    assert!(doc.notes().any(|n| n == "decoded as windows-1252 (detected)"), "{:?}", doc.diagnostics);
}

#[test]
fn jsonl_records_errors_and_sources() {
    let out = read(&[fixture("mixed.jsonl")]);
    assert_eq!(out.len(), 5);
    let a = out[0].as_ref().unwrap();
    assert_eq!(a.source, "w-001");
    assert_eq!(a.meta.title.as_deref(), Some("Port reopens"));
    assert_eq!(a.meta.published.as_deref(), Some("2025-02-17T08:00:00Z"));
    assert_eq!(a.meta.published_from, Provenance::Given);
    assert_eq!(a.meta.outlet.as_deref(), Some("Associated Press"));
    assert_eq!(a.meta.outlet_from, Provenance::Given);
    let e = out[1].as_ref().unwrap_err();
    assert!(e.location.ends_with("mixed.jsonl:2"));
    assert!(e.message.starts_with("invalid JSON ("), "{}", e.message);
    assert_eq!(out[2].as_ref().unwrap_err().message, "record has no text or html field");
    let h = out[3].as_ref().unwrap();
    assert_eq!(h.source, "https://www.theguardian.com/world/2025/feb/18/x");
    assert_eq!(h.text, "The ferry service resumed on Tuesday.\n\nPassengers praised the crew.");
    assert_eq!(h.meta.outlet.as_deref(), Some("The Guardian"));
    let p = out[4].as_ref().unwrap();
    assert!(p.source.ends_with("mixed.jsonl:6"), "{}", p.source);
}

#[test]
fn news_please_record() {
    let d = one("newsplease.jsonl");
    assert_eq!(d.source, "https://www.reuters.com/world/x");
    assert_eq!(d.meta.title.as_deref(), Some("Rescuers reach flooded village"));
    assert_eq!(d.meta.published.as_deref(), Some("2025-02-17"));
    assert_eq!(d.meta.outlet.as_deref(), Some("Reuters"));
    assert_eq!(d.meta.language.as_deref(), Some("en"));
    assert_eq!(reasons(&d), ["caption"]);
    assert!(d.text.ends_with("three days of heavy rain."));
}

#[test]
fn reuters_wire_story() {
    let d = one("reuters_wire.txt");
    assert_eq!(d.meta.outlet.as_deref(), Some("Reuters"));
    assert_eq!(d.meta.outlet_from, Provenance::Text);
    assert_eq!(d.meta.published, None);
    assert!(d.notes().any(|n| n.contains("Feb 17")));
    assert_eq!(reasons(&d), ["caption", "footer"]);
    assert!(d.text.ends_with("as she left the meeting."));
}

#[test]
fn guardian_style_story() {
    let d = one("guardian_style.txt");
    assert_eq!(d.meta.outlet.as_deref(), Some("The Guardian"));
    assert_eq!(d.meta.published.as_deref(), Some("2025-02-16"));
    assert_eq!(d.meta.published_from, Provenance::Markup);
    assert_eq!(
        reasons(&d),
        ["metadata", "caption", "teaser", "boilerplate", "boilerplate", "boilerplate", "boilerplate", "boilerplate"]
    );
    assert!(d.text.starts_with("Ministers are preparing"));
    assert!(d.text.ends_with("approached for comment."));
}

#[test]
fn cnn_style_story() {
    let d = one("cnn_style.txt");
    assert_eq!(d.meta.outlet.as_deref(), Some("CNN"));
    assert_eq!(d.meta.published.as_deref(), Some("2025-02-17"));
    assert_eq!(reasons(&d), ["metadata", "teaser", "caption", "footer"]);
    assert!(d.text.ends_with("no one had been killed."));
}

#[test]
fn local_paper_keeps_its_list_and_drops_its_teasers() {
    let d = one("local_paper.txt");
    assert_eq!(d.meta.outlet, None, "a paper not in the gazetteer is not guessed");
    assert_eq!(d.meta.published.as_deref(), Some("2025-02-16"));
    assert!(d.text.contains("- Free parking on Sundays"));
    assert_eq!(reasons(&d), ["metadata", "caption", "teaser", "teaser", "teaser", "footer"]);
    assert!(d.text.ends_with("still recovering."));
}

#[test]
fn bbc_style_story() {
    let d = one("bbc_style.txt");
    assert_eq!(d.meta.outlet.as_deref(), Some("BBC"));
    assert_eq!(d.meta.published.as_deref(), Some("2025-02-18"));
    assert!(d.text.starts_with("The government is to set out plans"));
}

#[test]
fn small_html_page() {
    let d = one("small_page.html");
    assert_eq!(d.meta.title.as_deref(), Some("Lake cleanup draws hundreds"));
    assert_eq!(d.meta.outlet.as_deref(), Some("Riverside Herald"));
    assert_eq!(d.meta.outlet_from, Provenance::Given);
    assert_eq!(d.meta.published.as_deref(), Some("2025-02-15T10:00:00+01:00"));
    assert_eq!(d.meta.url.as_deref(), Some("https://riverside-herald.example/news/lake-cleanup"));
    assert_eq!(d.text.split("\n\n").count(), 3, "{}", d.text);
    assert!(!d.text.contains("Share"));
    assert!(!d.text.contains("Most read"));
    // The HTML extractor drops the advertisement line itself, so the cleaner has nothing left to
    // remove (checking that whatever it removed is boilerplate would pass on an empty list).
    assert!(!d.text.contains("Advertisement"));
    assert!(reasons(&d).is_empty(), "{:?}", reasons(&d));
}

#[test]
fn unknown_extension_is_sniffed() {
    let d = one("notes_without_extension");
    assert!(d.text.starts_with("The harbour festival"));
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-ingest-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn gzip_files_by_name_and_by_magic() {
    let dir = temp_dir("gz");
    let body = std::fs::read(fixtures().join("mixed.jsonl")).unwrap();
    for name in ["a.jsonl.gz", "b.data"] {
        let f = std::fs::File::create(dir.join(name)).unwrap();
        let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::default());
        gz.write_all(&body).unwrap();
        gz.finish().unwrap();
    }
    std::fs::write(dir.join("c.txt.gz"), b"not gzip at all").unwrap();
    let out = read(&[dir.display().to_string()]);
    let oks = out.iter().filter(|r| r.is_ok()).count();
    assert_eq!(oks, 6, "{out:?}");
    let last = out.last().unwrap().as_ref().unwrap_err();
    assert!(last.location.ends_with("c.txt.gz"));
    assert!(last.message.contains("gzip"), "{}", last.message);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn no_panics_on_arbitrary_bytes() {
    let dir = temp_dir("fuzz");
    // A simple deterministic generator: no external crates needed.
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let pieces: [&[u8]; 12] = [
        b"{\"text\":\"",
        b"\"}\n",
        b"<p>",
        b"</p>",
        b"date 2025-02-16 ",
        b"(Reuters) - ",
        b"\xe2\x80\x99s ",
        b"\xff\xfe",
        b"* ",
        b"\n",
        b"Published: Feb. 30, 2025",
        b"told the BBC",
    ];
    let mut paths = Vec::new();
    for i in 0..60 {
        let mut bytes = Vec::new();
        for _ in 0..(next() % 40) {
            match next() % 3 {
                0 => bytes.extend_from_slice(pieces[(next() % 12) as usize]),
                1 => bytes.push((next() % 256) as u8),
                _ => bytes.extend_from_slice(b"word "),
            }
        }
        let ext = ["txt", "jsonl", "html", "json", "bin"][i % 5];
        let p = dir.join(format!("{i:02}.{ext}"));
        std::fs::write(&p, &bytes).unwrap();
        paths.push(p.display().to_string());
        let text = String::from_utf8_lossy(&bytes);
        let _ = doc_from_text("x", &text, Meta::default());
    }
    let n = read(&paths).len();
    assert!(n >= 60);
    let _ = std::fs::remove_dir_all(&dir);
}

fn seed(name: &str) -> Doc {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/riyadh").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    doc_from_text(name, &text, Meta::default())
}

#[test]
fn seed_000_loses_its_trailing_noise_but_keeps_merz() {
    let d = seed("000_b4f3670344740dac.txt");
    assert_eq!(reasons(&d), ["teaser", "caption", "footer"]);
    assert!(d.text.ends_with("in light of the comments by U.S. Preside"));
    assert!(d.text.contains("Friedrich Merz"));
    assert!(d.notes().any(|n| n.contains("truncated")));
    assert_eq!(d.meta.outlet, None);
    assert_eq!(d.meta.published, None);
}

#[test]
fn seed_002_metadata_line_and_bbc() {
    let d = seed("002_ba10de50f7d1647a.txt");
    assert!(d.text.starts_with("Amid European concern"));
    assert_eq!(d.meta.published.as_deref(), Some("2025-02-16"));
    assert_eq!(d.meta.published_from, Provenance::Markup);
    assert_eq!(d.meta.outlet.as_deref(), Some("BBC"));
    assert_eq!(d.meta.outlet_from, Provenance::Text);
    assert_eq!(reasons(&d), ["metadata"]);
    assert_eq!(d.removed[0].text, "date 2025-02-16");
}

#[test]
fn seed_003_al_jazeera_without_date() {
    let d = seed("003_ceb0f285d05f7daf.txt");
    assert_eq!(d.meta.outlet.as_deref(), Some("Al Jazeera"));
    assert_eq!(d.meta.published, None);
    assert!(d.removed.is_empty(), "{:?}", d.removed);
    assert!(d.text.starts_with("The United States and Russia"));
}
