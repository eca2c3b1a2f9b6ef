//! [`Record`]: an article as read from its input, before the costly part of reading.
//!
//! Splitting a stream into articles is cheap and sequential (a JSON Lines line, a WARC record,
//! a feed item, a file); building each article's [`Doc`] (decoding, JSON parsing, HTML
//! extraction, cleaning, language, outlet, dates) costs far more and depends on that article
//! alone. Readers hand out records; the caller builds them wherever it likes, on the threads
//! that analyse them, and keeps input order by keeping the records' order.

use std::time::Instant;

use parallax_doc::Doc;

use crate::phases::{self, BuildTimes};
use crate::IngestError;

/// One article read from its input and not yet built, or an input that could not be read.
///
/// ```
/// let page = "<rss><channel><title>BBC News</title><item><description>Talks began.</description></item></channel></rss>";
/// let records: Vec<_> = parallax_ingest::read_stream_records(Box::new(std::io::Cursor::new(page)), "news.xml").collect();
/// let doc = records.into_iter().next().unwrap().build().unwrap();
/// assert_eq!(doc.text, "Talks began.");
/// ```
#[must_use = "a record is only read: build it"]
pub struct Record(Box<dyn FnOnce() -> Result<Doc, IngestError> + Send>);

impl Record {
    /// A record built later by `build`.
    pub(crate) fn later(build: impl FnOnce() -> Result<Doc, IngestError> + Send + 'static) -> Record {
        Record(Box::new(build))
    }

    /// An input that could not be read: building it gives its error.
    pub(crate) fn failed(error: IngestError) -> Record {
        Record(Box::new(move || Err(error)))
    }

    /// This record with `then` applied to the document it builds.
    pub(crate) fn map(self, then: impl FnOnce(Doc) -> Doc + Send + 'static) -> Record {
        Record::later(move || self.build().map(then))
    }

    /// Builds the article: its [`Doc`], or one error naming the input and the record.
    pub fn build(self) -> Result<Doc, IngestError> {
        (self.0)()
    }

    /// [`Record::build`], with the time each phase of building took.
    pub fn build_timed(self) -> (Result<Doc, IngestError>, BuildTimes) {
        phases::take();
        let started = Instant::now();
        let built = self.build();
        let total = started.elapsed();
        (built, BuildTimes { total, ..phases::take() })
    }
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Record(..)")
    }
}

/// A boxed stream of records.
pub type Records = Box<dyn Iterator<Item = Record> + Send>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn records_build_in_any_order_and_time_their_phases() {
        let lines = "{\"html\":\"<html><body><p>The council met on Tuesday and voted to rebuild the bridge.</p></body></html>\"}\n\
                     not json\n\
                     {\"text\":\"Talks began in Geneva.\"}\n";
        let records: Vec<Record> =
            crate::read_stream_records(Box::new(std::io::Cursor::new(lines)), "r.jsonl").collect();
        assert_eq!(records.len(), 3);
        // built last to first: each record holds all it needs
        let mut built: Vec<_> = records.into_iter().rev().map(Record::build_timed).collect();
        built.reverse();
        let (first, times) = &built[0];
        assert!(first.as_ref().unwrap().text.starts_with("The council met"));
        assert!(times.html > Duration::ZERO && times.clean > Duration::ZERO);
        assert!(times.total >= times.html + times.clean + times.language + times.metadata);
        assert_eq!(built[1].0.as_ref().unwrap_err().location, "r.jsonl:2");
        assert_eq!(built[2].0.as_ref().unwrap().text, "Talks began in Geneva.");
        assert_eq!(built[2].1.html, Duration::ZERO);
    }
}
