//! Independent reports: an article together with its copies.
//!
//! A wire story re-run by another site, or a press release reposted, is the same reporting under
//! another name: it corroborates nothing. Dedup marks every later copy with `duplicate_of` (the
//! source of the first article of its group); here each of a story's articles maps to its
//! *report*, the story's article it is a copy of, or itself. Every cross-source count (how many
//! outlets corroborate an event, which quotes align, which articles a summary sentence cites)
//! counts reports, not articles.

use std::collections::HashMap;

use parallax_doc::Doc;

/// The independent reports of one story's articles.
#[derive(Debug, Clone, Default)]
pub struct Reports {
    /// Each member article's report: the member it is a copy of, or itself.
    report_of: HashMap<usize, usize>,
}

impl Reports {
    /// The reports of `members` (indices into `docs`): a member whose `duplicate_of` names another
    /// member is that member's report; every other member is a report of its own.
    pub fn of(docs: &[Doc], members: &[usize]) -> Reports {
        let by_source: HashMap<&str, usize> =
            members.iter().filter_map(|&d| docs.get(d).map(|doc| (doc.source.as_str(), d))).collect();
        let report_of = members
            .iter()
            .map(|&d| {
                let original = docs
                    .get(d)
                    .and_then(|doc| doc.duplicate_of.as_deref())
                    .and_then(|source| by_source.get(source).copied())
                    .filter(|&original| original != d);
                (d, original.unwrap_or(d))
            })
            .collect();
        Reports { report_of }
    }

    /// The report `article` belongs to (itself when it is no copy of another member).
    pub fn report(&self, article: usize) -> usize {
        self.report_of.get(&article).copied().unwrap_or(article)
    }

    /// True when `article` is a copy of another of the story's articles.
    pub fn is_copy(&self, article: usize) -> bool {
        self.report(article) != article
    }

    /// How many distinct reports the `articles` make.
    pub fn count(&self, articles: impl IntoIterator<Item = usize>) -> usize {
        let mut reports: Vec<usize> = articles.into_iter().map(|a| self.report(a)).collect();
        reports.sort_unstable();
        reports.dedup();
        reports.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Doc> {
        let mut docs: Vec<Doc> = ["a", "b", "c", "d"].iter().map(|s| Doc::new(*s, "text".into())).collect();
        docs[1].duplicate_of = Some("a".into());
        docs[3].duplicate_of = Some("not-a-member".into());
        docs
    }

    #[test]
    fn a_copy_is_its_originals_report() {
        let reports = Reports::of(&docs(), &[0, 1, 2, 3]);
        assert_eq!(reports.report(1), 0);
        assert!(reports.is_copy(1) && !reports.is_copy(0));
        assert_eq!(reports.count([0, 1]), 1);
        assert_eq!(reports.count([0, 1, 2]), 2);
    }

    #[test]
    fn a_copy_of_an_article_outside_the_story_is_a_report_of_its_own() {
        let reports = Reports::of(&docs(), &[1, 2, 3]);
        assert!(!reports.is_copy(1) && !reports.is_copy(3));
        assert_eq!(reports.count([1, 2, 3]), 3);
    }
}
