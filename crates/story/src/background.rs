//! Background term frequencies: in how many articles of a general news corpus each story term
//! occurs (`data/background_df.tsv`, see `data/README.md`). Term weights come from here, not from
//! the input, so how an article groups does not depend on the unrelated articles beside it.

use foldhash::HashMap;
use std::sync::LazyLock;

/// The shipped table.
static TABLE: LazyLock<Background> = LazyLock::new(|| Background::parse(include_str!("../data/background_df.tsv")));

/// Terms of at most this many bytes are kept in the table itself ([`ShortTerm`]).
const SHORT: usize = 16;

/// A term of at most [`SHORT`] bytes held in place: its length and its bytes, zero-padded.
/// Comparing two reads no other memory, so a lookup does not chase a pointer into the data file
/// (most story terms are short).
pub(crate) type ShortTerm = (u8, [u8; SHORT]);

/// `term` as a [`ShortTerm`], when it is short enough.
pub(crate) fn short_term(term: &str) -> Option<ShortTerm> {
    let bytes = term.as_bytes();
    let mut key = [0u8; SHORT];
    key.get_mut(..bytes.len())?.copy_from_slice(bytes);
    Some((bytes.len() as u8, key))
}

/// Document frequencies of terms over a background corpus.
#[derive(Debug, Default)]
pub struct Background {
    articles: u32,
    /// Per short term, its IDF ([`Background::idf`]), computed once when the table is read.
    short: HashMap<ShortTerm, f32>,
    /// The same for longer terms.
    long: HashMap<&'static str, f32>,
}

impl Background {
    /// The shipped background table.
    pub fn shipped() -> &'static Background {
        &TABLE
    }

    /// Reads `#articles<TAB>N` and `term<TAB>count` lines; `#` comments and malformed lines
    /// are skipped.
    fn parse(text: &'static str) -> Background {
        let mut table = Background::default();
        for line in text.lines() {
            let Some((key, count)) = line.split_once('\t') else { continue };
            let Ok(count) = count.trim().parse::<u32>() else { continue };
            if key == "#articles" {
                table.articles = count;
            } else if !key.starts_with('#') {
                match short_term(key) {
                    Some(short) => table.short.insert(short, count as f32),
                    None => table.long.insert(key, count as f32),
                };
            }
        }
        // the document frequencies become IDFs once `#articles` is known (it may come last)
        let articles = table.articles;
        table.short.values_mut().chain(table.long.values_mut()).for_each(|df| *df = idf_of(articles, *df));
        table
    }

    /// Inverse document frequency of `term`: `ln((N + 1) / (df + 1)) + 1`, highest for a term
    /// the background never saw.
    pub fn idf(&self, term: &str) -> f32 {
        let found = match short_term(term) {
            Some(short) => self.short.get(&short),
            None => self.long.get(term),
        };
        found.copied().unwrap_or_else(|| idf_of(self.articles, 0.0))
    }

    /// How many articles the table was counted over.
    pub fn articles(&self) -> u32 {
        self.articles
    }
}

/// `ln((articles + 1) / (df + 1)) + 1`: the IDF of a term found in `df` of `articles`.
fn idf_of(articles: u32, df: f32) -> f32 {
    ((articles as f32 + 1.0) / (df + 1.0)).ln() + 1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_is_read_and_common_words_weigh_less() {
        let table = Background::shipped();
        assert!(table.articles() > 5000, "{}", table.articles());
        // "year" is in many news articles, "earthquak" (stemmed) in few, a made-up word in none
        assert!(table.idf("year") < table.idf("earthquak"));
        assert!(table.idf("earthquak") < table.idf("zzqxv"));
        // a term longer than a short one is looked up too, and a prefix is not the term
        assert_eq!(table.idf("year\0"), table.idf("zzqxv"));
        let long = table.long.keys().next().copied().unwrap_or("");
        assert!(long.len() > SHORT && table.idf(long) < table.idf("zzqxv"), "{long}");
    }
}
