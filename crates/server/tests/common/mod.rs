//! What the router tests share: an archive of the example story built in a temporary folder —
//! or, with `PARALLAX_TEST_BACKEND=postgres`, in a fresh PostgreSQL database (see
//! `parallax_store::testing`), so that the same API and page tests check the server on both
//! backends (CI runs them both ways).

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
    let db = if std::env::var("PARALLAX_TEST_BACKEND").is_ok_and(|b| b == "postgres") {
        parallax_store::testing::postgres_database(name)
            .expect("PARALLAX_TEST_BACKEND=postgres, but PostgreSQL cannot be had (see the line above)")
    } else {
        let dir = std::env::temp_dir().join(format!("parallax-server-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        dir.join("archive.db")
    };
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
