//! Small word lists shared by several stages: now defined once in `parallax-lexicon`
//! (`crates/lexicon/data/`), re-exported here so the stages keep their paths.

pub use parallax_lexicon::words::{is_future_marker, is_reporting_verb, pronoun_gender};
