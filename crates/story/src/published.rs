//! Publication dates inferred for undated articles from the other articles of their story.
//!
//! An undated article in a story whose other articles are dated was, in all likelihood,
//! published within days of them. Its weekday mentions say which day: events it reports in the
//! past tense ("officials said on Monday") happened on or shortly before publication, events it
//! announces ("talks will be held on Tuesday") come after it. Among the seven days around the
//! story's known dates, the one that puts every past-tense weekday closest before it and every
//! future-tense weekday closest after it is chosen. Without weekday evidence nothing is inferred.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use parallax_doc::{Doc, Provenance, TokenKind};
use parallax_lexicon::closed::{self, Class, NameForm};
use parallax_lexicon::words::is_future_marker;

/// The weekday a capitalised full weekday name names ("Monday", not "monday" or "Mon.").
fn weekday_of(word: &str) -> Option<Weekday> {
    const DAYS: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let (n, form) = closed::weekday_name(word)?;
    let day = DAYS.get((n as usize).checked_sub(1)?).copied();
    day.filter(|_| form == NameForm::Full)
}

/// Beyond the shared future markers, words that point forward from a weekday.
const FORWARD_WORDS: &[&str] = &["later", "next", "tomorrow"];

/// The tense of the clause around a weekday mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// Weekday mentions of a document with the tense of their clause (when one can be told).
fn weekday_mentions(doc: &Doc) -> Vec<(Weekday, Tense)> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let toks = doc.tokens.get(sentence.tokens.clone()).unwrap_or_default();
        for (i, t) in toks.iter().enumerate() {
            let word = doc.slice(t.span);
            let base = word.trim_end_matches("’s").trim_end_matches("'s");
            let Some(weekday) = weekday_of(base) else { continue };
            let window = &toks[i.saturating_sub(8)..i];
            let words: Vec<&str> =
                window.iter().filter(|t| t.kind == TokenKind::Word).map(|t| doc.slice(t.span)).collect();
            // the marker nearest the weekday decides
            let tense = words.iter().rev().find_map(|w| {
                let lower = w.to_lowercase();
                if is_future_marker(&lower) || FORWARD_WORDS.contains(&lower.as_str()) {
                    Some(Tense::Future)
                } else if is_past(&lower) {
                    Some(Tense::Past)
                } else {
                    None
                }
            });
            if let Some(tense) = tense {
                out.push((weekday, tense));
            }
        }
    }
    out
}

/// True for a past tense form: a common irregular one ("said", "met", "was"; not every
/// irregular past: that changes which articles are dated) or a regular one of more than four
/// letters ("called"), but not the participles that announce ("scheduled", "planned").
fn is_past(word: &str) -> bool {
    closed::is(Class::CommonIrregularPast, word)
        || (word.len() > 4 && word.ends_with("ed") && !["scheduled", "planned", "expected", "needed"].contains(&word))
}

/// The latest day an article reports as past with its full date written out ("the accord was
/// signed on March 3, 2009"): the article cannot have been published before it. Dates in
/// sentences that announce ("will meet on ...") and dates without a written year are left out.
fn reported_past_floor(doc: &Doc) -> Option<NaiveDate> {
    let mut floor: Option<NaiveDate> = None;
    for time in doc.times.iter().filter(|t| t.kind == "date") {
        let v = time.value.as_str();
        let (Some(y), Some(m), Some(d)) = (
            v.get(0..4).and_then(|x| x.parse().ok()),
            v.get(5..7).and_then(|x| x.parse().ok()),
            v.get(8..10).and_then(|x| x.parse().ok()),
        ) else {
            continue;
        };
        // the year must be written in the expression ("March 6, 2009"), not inferred
        if v.len() != 10 || !v.get(0..4).is_some_and(|year| doc.slice(time.span).contains(year)) {
            continue;
        }
        let at = doc.sentences.partition_point(|s| s.span.end <= time.span.start);
        let within = |s: &&parallax_doc::Sentence| s.span.start <= time.span.start && time.span.end <= s.span.end;
        let Some(sentence) = doc.sentences.get(at).filter(within) else {
            continue;
        };
        let toks = doc.tokens.get(sentence.tokens.clone()).unwrap_or_default();
        let words = || toks.iter().filter(|t| t.kind == TokenKind::Word).map(|t| doc.slice(t.span).to_lowercase());
        let announces = words().any(|w| is_future_marker(&w) || FORWARD_WORDS.contains(&w.as_str()));
        if announces || !words().any(|w| is_past(&w)) {
            continue;
        }
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            floor = Some(floor.map_or(date, |f| f.max(date)));
        }
    }
    floor
}

/// Infers `published` for the undated articles among `members` from the dated ones.
/// Returns the indices of the articles whose date was inferred. An inferred date is never before
/// an event the article reports as past with its full date.
pub fn infer_published(docs: &mut [Doc], members: &[usize]) -> Vec<usize> {
    let mut known: Vec<NaiveDate> = members
        .iter()
        .filter_map(|&d| docs[d].meta.published_ymd())
        .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .collect();
    if known.is_empty() {
        return Vec::new();
    }
    known.sort();
    let anchor = known[known.len() / 2];
    let mut inferred = Vec::new();
    for &d in members {
        if docs[d].meta.published.is_some() {
            continue;
        }
        // a dateline's month and day, with the year of the story's nearest date
        if let Some((month, day)) = docs[d].meta.published_month_day {
            let nearest = [anchor.year() - 1, anchor.year(), anchor.year() + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .min_by_key(|date| (*date - anchor).num_days().abs());
            if let Some(date) = nearest.filter(|date| reported_past_floor(&docs[d]).is_none_or(|f| *date >= f)) {
                docs[d].meta.published = Some(date.format("%Y-%m-%d").to_string());
                docs[d].meta.published_from = Provenance::Inferred;
                inferred.push(d);
                continue;
            }
        }
        let mentions = weekday_mentions(&docs[d]);
        if mentions.is_empty() {
            continue;
        }
        let floor = reported_past_floor(&docs[d]);
        let candidates = (-3..=3).map(|offset| anchor + Duration::days(offset));
        let best = candidates.filter(|day| floor.is_none_or(|f| *day >= f)).min_by_key(|&day| {
            let cost: i64 = mentions
                .iter()
                .map(|&(weekday, tense)| {
                    let diff = (day.weekday().num_days_from_monday() as i64 - weekday.num_days_from_monday() as i64)
                        .rem_euclid(7);
                    match tense {
                        // days since the most recent such weekday (0 = today)
                        Tense::Past => diff,
                        // days until the next such weekday, strictly after today
                        Tense::Future => {
                            if diff == 0 {
                                7
                            } else {
                                7 - diff
                            }
                        }
                    }
                })
                .sum();
            (cost, (day - anchor).num_days().abs())
        });
        if let Some(day) = best {
            docs[d].meta.published = Some(day.format("%Y-%m-%d").to_string());
            docs[d].meta.published_from = Provenance::Inferred;
            inferred.push(d);
        }
    }
    inferred
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analysed(text: &str, published: Option<&str>) -> Doc {
        let mut doc = Doc::new("a.txt", text.to_string());
        doc.meta.published = published.map(str::to_string);
        parallax_analyze::analyze(&mut doc);
        doc
    }

    #[test]
    fn an_inferred_date_is_never_before_a_reported_past_event() {
        let dated = analysed("Ministers met in Geneva on Monday. The talks ended on Tuesday.", Some("2009-03-03"));
        // Past-tense weekday evidence alone would put it on the story's days; the text reports a
        // signing on March 6, 2009 as done, so it was published on that day or after.
        let undated =
            analysed("The ministers met on Monday. The accord was signed on March 6, 2009, officials said.", None);
        assert_eq!(reported_past_floor(&undated), NaiveDate::from_ymd_opt(2009, 3, 6));
        let mut docs = vec![dated, undated];
        assert_eq!(infer_published(&mut docs, &[0, 1]), vec![1]);
        let got = docs[1].meta.published_ymd().and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
        assert!(got >= NaiveDate::from_ymd_opt(2009, 3, 6), "inferred {got:?}");
    }

    #[test]
    fn an_announced_date_sets_no_floor() {
        let doc = analysed("The accord will be signed on March 6, 2009, officials said.", None);
        assert_eq!(reported_past_floor(&doc), None);
    }
}
