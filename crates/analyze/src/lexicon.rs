//! Word lists of the analysis: those shared with other crates are defined once in
//! `parallax-lexicon` (`crates/lexicon/data/`) and re-exported here; each stage's own word
//! classes are data files (`data/<stage>/words.tsv`) read by [`WordClasses`].

use foldhash::HashMap;

pub use parallax_lexicon::words::{is_future_marker, is_reporting_verb, pronoun_gender};

/// The word classes of one stage, read from a data file of `class<TAB>word` lines (`#` comments
/// and blank lines skipped): which of the stage's classes each word belongs to. Lookups are exact
/// (case-sensitive) and allocate nothing.
#[derive(Debug, Default)]
pub(crate) struct WordClasses {
    /// Per word, one bit per class (bit `i` for `classes[i]` of [`WordClasses::parse`]); a
    /// fast hash, since the stages look words up per token.
    bits: HashMap<&'static str, u32>,
}

impl WordClasses {
    /// Reads `text`; `classes` names the classes in the order of their indices. A line of an
    /// unknown class is an error naming the line, so a typo cannot silently empty a class.
    pub(crate) fn parse(text: &'static str, classes: &[&str]) -> Result<WordClasses, String> {
        let mut bits: HashMap<&'static str, u32> = HashMap::default();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (class, word) = line.split_once('\t').ok_or_else(|| format!("line {}: no tab in {line:?}", n + 1))?;
            let index = classes
                .iter()
                .position(|c| *c == class)
                .filter(|&i| i < 32)
                .ok_or_else(|| format!("line {}: unknown class {class:?}", n + 1))?;
            *bits.entry(word).or_default() |= 1 << index;
        }
        Ok(WordClasses { bits })
    }

    /// True when `word` is in class `class` (an index into the names given to `parse`).
    pub(crate) fn is(&self, class: usize, word: &str) -> bool {
        self.bits.get(word).is_some_and(|bits| class < 32 && bits & (1 << class) != 0)
    }
}
