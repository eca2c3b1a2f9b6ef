//! Background term frequencies: in how many articles of a general news corpus each story term
//! occurs (`data/background_df.tsv`, see `data/README.md`). Term weights come from here, not from
//! the input, so how an article groups does not depend on the unrelated articles beside it.

use foldhash::HashMap;
use std::sync::LazyLock;

/// The shipped table.
static TABLE: LazyLock<Background> = LazyLock::new(|| Background::parse(include_str!("../data/background_df.tsv")));

/// Document frequencies of terms over a background corpus.
#[derive(Debug, Default)]
pub struct Background {
    articles: u32,
    /// Per term, its IDF ([`Background::idf`]), computed once when the table is read.
    idf: HashMap<&'static str, f32>,
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
                table.idf.insert(key, count as f32);
            }
        }
        // the document frequencies become IDFs once `#articles` is known (it may come last)
        let articles = table.articles;
        table.idf.values_mut().for_each(|df| *df = idf_of(articles, *df));
        table
    }

    /// Inverse document frequency of `term`: `ln((N + 1) / (df + 1)) + 1`, highest for a term
    /// the background never saw.
    pub fn idf(&self, term: &str) -> f32 {
        self.idf.get(term).copied().unwrap_or_else(|| idf_of(self.articles, 0.0))
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
    }
}
