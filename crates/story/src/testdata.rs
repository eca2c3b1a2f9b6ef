//! Analyses of the repository's example stories, built once per test run for the unit tests.

use std::path::Path;
use std::sync::OnceLock;

use parallax_doc::Doc;

use crate::Analysis;

/// The analysed articles of a directory of the repository, in file-name order.
fn analysed(dir: &str) -> Vec<Doc> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(dir);
    parallax_ingest::read_inputs(&[path.to_string_lossy().into_owned()])
        .map(|item| {
            let mut doc = item.unwrap_or_else(|e| panic!("reading {dir}: {e}"));
            parallax_analyze::analyze(&mut doc);
            doc
        })
        .collect()
}

/// The seed story (`examples/riyadh`) and the Nairobi fixtures, clustered into stories.
pub(crate) fn examples() -> &'static Analysis {
    static ANALYSIS: OnceLock<Analysis> = OnceLock::new();
    ANALYSIS.get_or_init(|| {
        let mut docs = analysed("examples/riyadh");
        docs.extend(analysed("tests/fixtures/nairobi"));
        crate::build(docs)
    })
}
