//! The story layer gives the same output on every run: building the stories of the same articles
//! again, with fresh state, serialises to the same JSON and the same brief.
//!
//! Hash maps and sets are seeded anew for each instance, also within one process, so a story
//! field that followed hash iteration order would differ between two builds here.

use std::path::Path;

use parallax_doc::Doc;
use parallax_story::{brief, report, stream::StoryStream, Analysis};

/// The analysed articles of a fixture directory of the repository, in file-name order.
fn fixture(dir: &str) -> Vec<Doc> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(dir);
    let docs: Vec<Doc> = parallax_ingest::read_inputs(&[path.to_string_lossy().into_owned()])
        .map(|item| {
            let mut doc = item.unwrap_or_else(|e| panic!("reading fixture {dir}: {e}"));
            parallax_analyze::analyze(&mut doc);
            doc
        })
        .collect();
    assert!(docs.len() >= 2, "fixture {dir} has {} articles", docs.len());
    docs
}

/// Everything the story layer writes about an analysis.
fn serialised(analysis: &Analysis) -> String {
    let json = serde_json::to_string(&report::AnalysisJson(analysis)).unwrap_or_else(|e| panic!("serialising: {e}"));
    format!("{json}\n{}", brief::brief(analysis))
}

fn assert_builds_agree(build: fn(Vec<Doc>) -> Analysis, docs: &[Doc]) {
    let first = serialised(&build(docs.to_vec()));
    for run in 1..6 {
        let again = serialised(&build(docs.to_vec()));
        assert!(first == again, "build {run} differs from the first");
    }
}

#[test]
fn stories_serialise_identically_on_every_build() {
    for dir in ["examples/riyadh", "tests/fixtures/nairobi"] {
        let docs = fixture(dir);
        assert_builds_agree(parallax_story::build, &docs);
        assert_builds_agree(parallax_story::build_one_story, &docs);
    }
}

#[test]
fn one_story_of_all_fixtures_serialises_identically_on_every_build() {
    // a larger story: more candidate summary sentences, entities and quotes to order
    let mut docs = fixture("examples/riyadh");
    docs.extend(fixture("tests/fixtures/nairobi"));
    assert_builds_agree(parallax_story::build_one_story, &docs);
}

#[test]
fn streamed_stories_serialise_identically_on_every_run() {
    let docs = fixture("examples/riyadh");
    let run = || {
        let mut stream = StoryStream::new(1000);
        let mut closed = Vec::new();
        for doc in docs.iter().cloned() {
            closed.extend(stream.push(doc));
        }
        closed.extend(stream.finish());
        closed.iter().map(|c| format!("{}:{}", c.id, serialised(&c.analysis))).collect::<Vec<_>>()
    };
    let first = run();
    for _ in 0..5 {
        assert!(first == run(), "a streamed run differs from the first");
    }
}
