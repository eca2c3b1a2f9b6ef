//! What the router tests share: an archive of the example story built in a temporary folder.

use std::path::{Path, PathBuf};

use parallax_doc::Doc;
use parallax_store::{Ingest, Store};

/// The project's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Builds `parallax-server-{name}-{pid}/archive.db` in the temporary folder from the three Riyadh
/// articles and `extra`, analysed and ingested as `parallax ingest` does.
pub fn riyadh_archive(name: &str, extra: Vec<Doc>) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let db = dir.join("archive.db");
    let inputs = vec![root().join("examples/riyadh").to_string_lossy().into_owned()];
    let mut docs: Vec<Doc> = parallax_ingest::read_inputs(&inputs).filter_map(Result::ok).collect();
    assert_eq!(docs.len(), 3, "the three Riyadh articles");
    docs.extend(extra);
    docs.iter_mut().for_each(parallax_analyze::analyze);
    let mut store = Store::open(&db).expect("open");
    let mut ingest = Ingest::start(&mut store, &["test".into()], parallax_analyze::analyze).expect("ingest");
    ingest.add_batch(docs).expect("batch");
    ingest.finish().expect("finish");
    db
}
