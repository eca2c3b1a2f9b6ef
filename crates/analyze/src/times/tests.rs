//! Unit tests of the calendar arithmetic and the tagger on short texts.

use chrono::NaiveDate;

use super::calendar::{self, Rel, Tense, Value};
use crate::segment::segment;
use parallax_doc::Doc;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn tagged(published: Option<&str>, text: &str) -> Vec<(String, String)> {
    let mut doc = Doc::new("t", text.to_string());
    doc.meta.published = published.map(str::to_string);
    segment(&mut doc);
    super::tag(&doc).into_iter().map(|t| (doc.slice(t.span).to_string(), t.value)).collect()
}

#[test]
fn weekdays_resolve_by_tense_and_qualifier() {
    let mon = date(2025, 2, 17);
    assert_eq!(calendar::weekday(mon, 1, Rel::Bare, None), Some(mon));
    assert_eq!(calendar::weekday(mon, 3, Rel::Bare, None), Some(date(2025, 2, 19)));
    assert_eq!(calendar::weekday(mon, 5, Rel::Bare, None), Some(date(2025, 2, 14)));
    assert_eq!(calendar::weekday(mon, 5, Rel::Bare, Some(Tense::Future)), Some(date(2025, 2, 21)));
    assert_eq!(calendar::weekday(mon, 3, Rel::Bare, Some(Tense::Past)), Some(date(2025, 2, 12)));
    assert_eq!(calendar::weekday(mon, 1, Rel::Last, None), Some(date(2025, 2, 10)));
    assert_eq!(calendar::weekday(mon, 1, Rel::Next, None), Some(date(2025, 2, 24)));
}

#[test]
fn weeks_render_as_iso_weeks_across_year_ends() {
    assert_eq!(Value::Week(date(2024, 12, 30)).render().0, "2025-W01");
    assert_eq!(Value::Week(date(2021, 1, 3)).render().0, "2020-W53");
    assert_eq!(Value::Weekend(date(2025, 2, 15)).render().0, "2025-W07-WE");
}

#[test]
fn months_without_a_year_take_the_nearest_or_the_tense() {
    let jan2 = date(2025, 1, 2);
    assert_eq!(calendar::month_year(jan2, 12, Rel::Last, None), 2024);
    assert_eq!(calendar::month_year(jan2, 12, Rel::Bare, None), 2024);
    assert_eq!(calendar::month_year(jan2, 12, Rel::Bare, Some(Tense::Future)), 2025);
    assert_eq!(calendar::add_months(date(2024, 12, 5), 1), (2025, 1));
    assert_eq!(calendar::month_day(date(2025, 2, 17), 2, 24, Some(Tense::Past)), Some(date(2024, 2, 24)));
    assert_eq!(calendar::month_day(date(2025, 2, 17), 2, 24, None), Some(date(2025, 2, 24)));
}

#[test]
fn quarters_without_a_year_take_the_nearest_or_the_tense() {
    let mar = date(2007, 3, 13);
    assert_eq!(calendar::quarter_year(mar, 4, None), 2006);
    assert_eq!(calendar::quarter_year(mar, 2, None), 2007);
    assert_eq!(calendar::quarter_year(date(2006, 8, 19), 4, None), 2006);
    assert_eq!(calendar::quarter_year(mar, 3, Some(Tense::Past)), 2006);
    assert_eq!(calendar::quarter_year(mar, 1, Some(Tense::Future)), 2007);
    assert_eq!(calendar::add_quarters(date(2025, 2, 17), -1), (2024, 4));
    assert_eq!(Value::Quarter(2024, 3).render().0, "2024-Q3");
    assert_eq!(Value::DayPart(date(2025, 2, 14), "NI").render(), ("2025-02-14TNI".to_string(), "time"));
}

#[test]
fn survives_odd_input() {
    for text in [
        "",
        "Monday",
        "last",
        "the",
        "Feb. 30, 2022",
        "99999-99-99",
        "May",
        "3pm",
        "every",
        "nearly",
        "Q",
        "Q9",
        "FY",
        "FY2",
        "fiscal",
        "the first quarter of",
        "13/45/07",
        "1/2/",
        "' 82",
        "10:",
        "10:30 a.m",
        "Christmas",
        "New Year's",
        "two and a",
        "60 to",
        "at noon",
        "the previous",
        "once",
        "earlier",
        "later",
        "2009-",
        "-2011",
        "2011-2009",
        "2009-2011",
        "2:07:",
        "2:07:99",
        "nineteen",
        "two thousand and",
        "twice a",
        "three times",
        "the day before",
        "the following",
        "The following year",
        "20th",
        "the 99th century",
        "aged",
        "every",
        "the quarter",
        "that quarter",
        "a year earlier",
        "\"tomorrow\"",
        "at noon Friday",
    ] {
        let _ = tagged(Some("2025-02-17"), text);
        let _ = tagged(None, text);
    }
    assert!(tagged(Some("2025-02-17"), "Feb. 30, 2022 and 31 June").is_empty());
}

#[test]
fn spelled_numbers_and_centuries_read_as_written() {
    use super::lexicon::{century_ordinal, decade_word, tens_word};
    let cases: &[(&str, Option<u32>)] =
        &[("ninety", Some(90)), ("ninety-seven", Some(97)), ("ten", None), ("ninety-a", None), ("x-y", None)];
    for &(word, want) in cases {
        assert_eq!(tens_word(word), want, "{word}");
    }
    let cases: &[(&str, Option<i32>)] =
        &[("20th", Some(20)), ("21st", Some(21)), ("twentieth", Some(20)), ("th", None), ("999th", None)];
    for &(word, want) in cases {
        assert_eq!(century_ordinal(word), want, "{word}");
    }
    assert_eq!(decade_word("nineties"), Some(199));
    assert_eq!(Value::Century(19).render(), ("19".to_string(), "date"));
    assert_eq!(Value::Fiscal(1989).render(), ("1989".to_string(), "date"));
}

#[test]
fn year_ranges_split_inside_one_token() {
    let got = tagged(Some("2025-02-17"), "The 2019-2021 drought and the 2024-26 budget.");
    let want: Vec<(String, String)> = [("2019", "2019"), ("2021", "2021"), ("2024", "2024"), ("26", "2026")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
    // not a range: backwards, or too far apart
    assert!(tagged(Some("2025-02-17"), "The 2021-2019 figures.").is_empty());
}
