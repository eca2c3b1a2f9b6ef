//! Open word lists that several stages share: reporting verbs and future markers
//! (`data/reporting_verbs.txt`, `data/future_markers.txt`), the stopwords of text comparison
//! (`data/stopwords.txt`), and the gender of a subject pronoun.

use crate::HashSet;
use std::sync::OnceLock;

use crate::closed::{pronoun, Case};
use crate::{data_lines, with_folded};

const REPORTING_VERBS: &str = include_str!("../data/reporting_verbs.txt");
const FUTURE_MARKERS: &str = include_str!("../data/future_markers.txt");
const STOPWORDS: &str = include_str!("../data/stopwords.txt");

fn set(text: &'static str) -> HashSet<&'static str> {
    data_lines(text).map(|(_, l)| l).collect()
}

fn reporting_verbs() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| set(REPORTING_VERBS))
}

fn future_markers() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| set(FUTURE_MARKERS))
}

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| set(STOPWORDS))
}

/// True for an English function word (or one of the few news words such as "said", "mr") that
/// the story layer ignores when comparing texts; any case.
pub fn is_stopword(word: &str) -> bool {
    with_folded(word, |w| stopwords().contains(w))
}

/// True when `word` (any case) is a reporting verb that follows a speaker: "said", "told",
/// "warns", "adding".
pub fn is_reporting_verb(word: &str) -> bool {
    with_folded(word, |w| reporting_verbs().contains(w))
}

/// True when `word` (any case) marks a clause as announcing something still to come: "will",
/// "'ll" / "’ll", "scheduled", "upcoming". Used to tell planned events from past ones and to date
/// undated articles by the tense of their weekday mentions.
pub fn is_future_marker(word: &str) -> bool {
    with_folded(word, |w| future_markers().contains(w))
}

/// The gender (`'m'` or `'f'`) of a third-person singular subject pronoun ("he", "She").
pub fn pronoun_gender(word: &str) -> Option<char> {
    let p = pronoun(word).filter(|p| p.has_case(Case::Subject))?;
    p.gender.map(|g| g.code()).filter(|&g| g != 'n')
}

/// Every reporting verb, in no particular order.
pub fn reporting_verb_list() -> impl Iterator<Item = &'static str> {
    reporting_verbs().iter().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fold;

    #[test]
    fn lists_load_and_fold() {
        assert!(is_reporting_verb("said") && is_reporting_verb("Said") && is_reporting_verb("TOLD"));
        assert!(!is_reporting_verb("table"));
        assert!(is_future_marker("will") && is_future_marker("’ll") && is_future_marker("'ll"));
        assert!(!is_future_marker("yesterday"));
        assert_eq!(pronoun_gender("He"), Some('m'));
        assert_eq!(pronoun_gender("SHE"), Some('f'));
        assert_eq!(pronoun_gender("her"), None);
        assert_eq!(pronoun_gender("it"), None);
        assert_eq!(pronoun_gender("they"), None);
        assert!(is_stopword("the") && is_stopword("The") && is_stopword("according") && !is_stopword("summit"));
    }

    #[test]
    fn reporting_verbs_and_future_markers_are_disjoint() {
        let both: Vec<&str> = reporting_verb_list().filter(|w| is_future_marker(w)).collect();
        assert!(both.is_empty(), "{both:?}");
    }

    #[test]
    fn entries_are_folded_single_and_unique() {
        for text in [REPORTING_VERBS, FUTURE_MARKERS, STOPWORDS] {
            let mut seen = HashSet::default();
            for (n, line) in data_lines(text) {
                assert_eq!(fold(line), line, "line {n}");
                assert!(!line.contains('\t'), "line {n}");
                assert!(seen.insert(line), "line {n}: {line} twice");
            }
        }
    }
}
