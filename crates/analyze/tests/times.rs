//! The temporal tagger on the three seed articles (hand-annotated values) and on hard cases
//! written from other news.
//!
//! Two ignored tests inspect real data when it is present:
//!
//! ```text
//! cargo test -p parallax-analyze --test times -- --ignored --nocapture bbc_sample
//! cargo test -p parallax-analyze --test times -- --ignored --nocapture meantime
//! ```

use parallax_analyze::segment::segment;
use parallax_analyze::times::tag;
use parallax_doc::Doc;

/// Runs segmentation and the tagger; returns (text, value, kind) triples.
fn run(published: Option<&str>, text: &str) -> Vec<(String, String, &'static str)> {
    let mut doc = Doc::new("test", text.to_string());
    doc.meta.published = published.map(str::to_string);
    segment(&mut doc);
    tag(&doc).into_iter().map(|t| (doc.slice(t.span).to_string(), t.value, t.kind)).collect()
}

/// The value of the only expression whose text is `expr`.
fn value_of(published: Option<&str>, text: &str, expr: &str) -> Option<String> {
    let all = run(published, text);
    let hits: Vec<_> = all.iter().filter(|(t, _, _)| t == expr).collect();
    assert!(hits.len() <= 1, "{expr:?} tagged more than once in {text:?}: {all:?}");
    hits.first().map(|(_, v, _)| v.clone())
}

fn fold(s: &str) -> String {
    s.replace('’', "'").to_lowercase()
}

/// Checks the scorer's rule: every tagged expression whose text contains a gold text carries the
/// gold value, and there is at least one.
fn check_gold(name: &str, published: &str, text: &str, gold: &[(&str, &str)]) {
    let times = run(Some(published), text);
    let mut failures = Vec::new();
    for &(g, want) in gold {
        let hits: Vec<_> = times.iter().filter(|(t, _, _)| fold(t).contains(&fold(g))).collect();
        if hits.is_empty() || hits.iter().any(|(_, v, _)| v != want) {
            failures.push(format!("{g:?}: want {want}, got {hits:?}"));
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

/// The article without the lines that cleaning removes (captions, teasers).
fn without_lines(text: &str, prefixes: &[&str]) -> String {
    text.lines().filter(|l| !prefixes.iter().any(|p| l.trim_start().starts_with(p))).collect::<Vec<_>>().join("\n")
}

#[test]
fn seed_000() {
    let text = without_lines(
        include_str!("../../../examples/riyadh/000_b4f3670344740dac.txt"),
        &[
            "* Ahead of UN showdown on Ukraine",
            "Ukrainian President Volodymyr Zelenskyy answers media questions",
            "Zelensky willing to step down in exchange",
        ],
    );
    check_gold(
        "000",
        "2025-02-17",
        &text,
        &[
            ("Monday", "2025-02-17"),
            ("Tuesday", "2025-02-18"),
            ("Wednesday", "2025-02-19"),
            ("Sunday", "2025-02-16"),
            ("Feb. 24, 2022", "2022-02-24"),
            ("last week", "2025-W07"),
            ("next week", "2025-W09"),
            ("last year", "2024"),
            ("nearly three years ago", "2022"),
        ],
    );
}

#[test]
fn seed_002() {
    let raw = include_str!("../../../examples/riyadh/002_ba10de50f7d1647a.txt");
    let text = raw.trim_start().strip_prefix("date 2025-02-16").unwrap_or(raw).trim_start();
    check_gold(
        "002",
        "2025-02-16",
        text,
        &[
            ("next week", "2025-W08"),
            ("Saturday", "2025-02-15"),
            ("Wednesday", "2025-02-12"),
            ("Friday", "2025-02-14"),
            ("24 February 2022", "2022-02-24"),
            ("2014", "2014"),
        ],
    );
}

#[test]
fn seed_003() {
    check_gold(
        "003",
        "2025-02-17",
        include_str!("../../../examples/riyadh/003_ceb0f285d05f7daf.txt"),
        &[
            ("this week", "2025-W08"),
            ("Tuesday", "2025-02-18"),
            ("Monday", "2025-02-17"),
            ("Sunday", "2025-02-16"),
            ("Wednesday", "2025-02-19"),
            ("last week", "2025-W07"),
            ("later this month", "2025-02"),
        ],
    );
}

// ---- hard cases, written from other news ------------------------------------------------------

const THU: Option<&str> = Some("2024-03-14"); // a Thursday

#[test]
fn bare_weekdays_follow_the_tense_of_their_clause() {
    // past: the most recent such day
    assert_eq!(
        value_of(THU, "The senator resigned on Monday after weeks of pressure.", "Monday").as_deref(),
        Some("2024-03-11")
    );
    assert_eq!(
        value_of(THU, "Police said on Friday that two men had been arrested.", "Friday").as_deref(),
        Some("2024-03-08")
    );
    // future: the next such day
    assert_eq!(value_of(THU, "The committee will vote on Monday.", "Monday").as_deref(), Some("2024-03-18"));
    assert_eq!(
        value_of(THU, "The summit is scheduled for Wednesday in Geneva.", "Wednesday").as_deref(),
        Some("2024-03-20")
    );
    assert_eq!(value_of(THU, "The minister is to meet unions on Tuesday.", "Tuesday").as_deref(), Some("2024-03-19"));
    assert_eq!(value_of(THU, "Talks are set to resume on Saturday.", "Saturday").as_deref(), Some("2024-03-16"));
    // no marker: the nearest
    assert_eq!(value_of(THU, "Protests in the capital on Saturday.", "Saturday").as_deref(), Some("2024-03-16"));
    assert_eq!(value_of(THU, "Protests in the capital on Monday.", "Monday").as_deref(), Some("2024-03-11"));
    // the publication weekday is the publication day
    assert_eq!(value_of(THU, "The bank cut rates on Thursday.", "Thursday").as_deref(), Some("2024-03-14"));
    assert_eq!(value_of(THU, "The bank will cut rates on Thursday.", "Thursday").as_deref(), Some("2024-03-14"));
}

#[test]
fn reported_speech_takes_the_nearest_marker() {
    let t = "The prime minister said he would travel to Brussels on Tuesday.";
    assert_eq!(value_of(THU, t, "Tuesday").as_deref(), Some("2024-03-19"));
    let t = "Officials said Tuesday’s vote would go ahead despite the storm.";
    assert_eq!(value_of(THU, t, "Tuesday").as_deref(), Some("2024-03-19"));
    let t = "The opposition said Tuesday’s vote was rigged.";
    assert_eq!(value_of(THU, t, "Tuesday").as_deref(), Some("2024-03-12"));
    let t = "On Tuesday, the central bank raised interest rates.";
    assert_eq!(value_of(THU, t, "Tuesday").as_deref(), Some("2024-03-12"));
    let t = "The talks to be held on Monday will be the first since 2019.";
    assert_eq!(value_of(THU, t, "Monday").as_deref(), Some("2024-03-18"));
    let t = "He told reporters on Monday that the deal would be signed soon.";
    assert_eq!(value_of(THU, t, "Monday").as_deref(), Some("2024-03-11"));
}

#[test]
fn qualified_weekdays() {
    assert_eq!(value_of(THU, "The strike began last Friday.", "last Friday").as_deref(), Some("2024-03-08"));
    assert_eq!(value_of(THU, "The strike ends next Monday.", "next Monday").as_deref(), Some("2024-03-18"));
    assert_eq!(value_of(THU, "The report is due this Wednesday.", "this Wednesday").as_deref(), Some("2024-03-20"));
    assert_eq!(value_of(THU, "Shots were fired on Friday night.", "Friday night").as_deref(), Some("2024-03-08TNI"));
    assert_eq!(value_of(THU, "The market opens every Monday.", "every Monday").as_deref(), Some("XXXX-WXX-1"));
    assert_eq!(
        value_of(THU, "Sunday, March 10, 2024, was cold.", "Sunday, March 10, 2024").as_deref(),
        Some("2024-03-10")
    );
}

#[test]
fn weekday_names_that_are_titles_are_skipped() {
    let all = run(THU, "He told the Sunday Times he had watched Saturday Night Live.");
    assert!(all.is_empty(), "{all:?}");
    let all = run(THU, "The Mail on Sunday said prayers were held on a Friday night.");
    assert!(all.is_empty(), "{all:?}");
    let all = run(THU, "The Good Friday Agreement was signed in 1998.");
    assert_eq!(all.iter().map(|(t, _, _)| t.as_str()).collect::<Vec<_>>(), vec!["1998"]);
    // a possessive is a date even before a capitalised word
    assert_eq!(value_of(THU, "He wrote in Monday’s Daily Telegraph.", "Monday").as_deref(), Some("2024-03-11"));
}

#[test]
fn months_and_years_at_the_edges_of_the_year() {
    let jan2 = Some("2025-01-02");
    assert_eq!(value_of(jan2, "Prices rose sharply last December.", "last December").as_deref(), Some("2024-12"));
    assert_eq!(value_of(jan2, "The law was passed in December.", "December").as_deref(), Some("2024-12"));
    assert_eq!(value_of(jan2, "Sales fell last year.", "last year").as_deref(), Some("2024"));
    let dec = Some("2024-12-10");
    assert_eq!(value_of(dec, "The plant will close next month.", "next month").as_deref(), Some("2025-01"));
    assert_eq!(value_of(dec, "Elections are due in January.", "January").as_deref(), Some("2025-01"));
    // 2024-12-30 is a Monday of ISO week 2025-W01
    let dec30 = Some("2024-12-30");
    assert_eq!(value_of(dec30, "Talks resume this week.", "this week").as_deref(), Some("2025-W01"));
    assert_eq!(value_of(dec30, "Talks stalled last week.", "last week").as_deref(), Some("2024-W52"));
    let sun = Some("2025-02-16");
    assert_eq!(value_of(sun, "Leaders meet next week.", "next week").as_deref(), Some("2025-W08"));
}

#[test]
fn relative_expressions() {
    let mon = Some("2025-02-17");
    assert_eq!(
        value_of(mon, "The war began nearly three years ago.", "nearly three years ago").as_deref(),
        Some("2022")
    );
    assert_eq!(value_of(mon, "He left two weeks ago.", "two weeks ago").as_deref(), Some("2025-W06"));
    assert_eq!(value_of(mon, "He arrived yesterday.", "yesterday").as_deref(), Some("2025-02-16"));
    assert_eq!(value_of(mon, "They meet tomorrow.", "tomorrow").as_deref(), Some("2025-02-18"));
    assert_eq!(value_of(mon, "The vote is today.", "today").as_deref(), Some("2025-02-17"));
    assert_eq!(value_of(mon, "Fighting eased earlier this month.", "earlier this month").as_deref(), Some("2025-02"));
    assert_eq!(value_of(mon, "Growth slowed late last year.", "late last year").as_deref(), Some("2024"));
    assert_eq!(
        value_of(mon, "Talks could resume in the coming days.", "the coming days").as_deref(),
        Some("FUTURE_REF")
    );
    assert_eq!(value_of(mon, "Prices have risen recently.", "recently").as_deref(), Some("PAST_REF"));
    assert_eq!(value_of(mon, "Protesters gathered at the weekend.", "the weekend").as_deref(), Some("2025-W07-WE"));
    assert_eq!(
        value_of(Some("2025-02-19"), "Fans will gather this weekend.", "this weekend").as_deref(),
        Some("2025-W08-WE")
    );
}

#[test]
fn explicit_dates_and_years() {
    let mon = Some("2025-02-17");
    assert_eq!(value_of(mon, "The invasion began on Feb. 24, 2022.", "Feb. 24, 2022").as_deref(), Some("2022-02-24"));
    assert_eq!(value_of(mon, "It began on 24 February 2022.", "24 February 2022").as_deref(), Some("2022-02-24"));
    assert_eq!(value_of(mon, "The deadline is March 3.", "March 3").as_deref(), Some("2025-03-03"));
    assert_eq!(value_of(mon, "Elections will be held in February 2026.", "February 2026").as_deref(), Some("2026-02"));
    assert_eq!(value_of(mon, "Inflation peaked in mid-2024.", "mid-2024").as_deref(), Some("2024"));
    assert_eq!(value_of(mon, "Filed on 2025-02-10.", "2025-02-10").as_deref(), Some("2025-02-10"));
    assert_eq!(value_of(mon, "Crimea was annexed in 2014.", "2014").as_deref(), Some("2014"));
    assert_eq!(value_of(mon, "Since 2014, the region has been occupied.", "2014").as_deref(), Some("2014"));
    assert_eq!(value_of(mon, "2014’s annexation changed everything.", "2014").as_deref(), Some("2014"));
    assert_eq!(value_of(mon, "Prices doubled in the 1990s.", "1990s").as_deref(), Some("199"));
    assert_eq!(
        value_of(mon, "Flights fell after the 11 September attacks.", "11 September").as_deref(),
        Some("2001-09-11")
    );
    assert_eq!(
        value_of(mon, "Approvals are at their highest since May last year.", "May last year").as_deref(),
        Some("2024-05")
    );
    // counts are not years
    let all = run(mon, "The 2,225 staff and 1500 troops left, with 2000 officers.");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn may_and_march_as_words() {
    let mon = Some("2025-02-17");
    let all = run(mon, "The decision may be appealed. Thousands march on parliament. Theresa May spoke.");
    assert!(all.is_empty(), "{all:?}");
    assert_eq!(value_of(mon, "The vote will take place in May.", "May").as_deref(), Some("2025-05"));
    assert_eq!(value_of(mon, "She was elected on May 5, 2016.", "May 5, 2016").as_deref(), Some("2016-05-05"));
}

#[test]
fn durations_and_sets() {
    let mon = Some("2025-02-17");
    assert_eq!(value_of(mon, "They talked for two weeks.", "two weeks").as_deref(), Some("P2W"));
    assert_eq!(value_of(mon, "After a 20-minute call.", "20-minute").as_deref(), Some("PT20M"));
    assert_eq!(value_of(mon, "A freeze of more than three years.", "more than three years").as_deref(), Some("P3Y"));
    assert_eq!(value_of(mon, "The deal runs every year.", "every year").as_deref(), Some("P1Y"));
    assert_eq!(value_of(mon, "Sales rose over the next 10 days.", "the next 10 days").as_deref(), Some("P10D"));
    assert_eq!(
        value_of(mon, "Sales will rise in the next few months.", "the next few months").as_deref(),
        Some("FUTURE_REF")
    );
    let all = run(mon, "He won a second term at the last minute.");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn without_a_publication_date_the_dateline_anchors() {
    let t = "KYIV, Feb. 16, 2025 (Reuters) - Officials said on Monday that talks would start next week.";
    assert_eq!(value_of(None, t, "Monday").as_deref(), Some("2025-02-10"));
    assert_eq!(value_of(None, t, "next week").as_deref(), Some("2025-W08"));
    // nothing to anchor on: relative expressions are left out, explicit ones kept
    let all =
        run(None, "KYIV (Reuters) - Officials said on Monday that talks would start next week. The war began in 2022.");
    assert_eq!(all, vec![("2022".to_string(), "2022".to_string(), "date")]);
    // a dateline without a year is no anchor
    let all = run(None, "WASHINGTON, Jan. 5 (Reuters) - Lawmakers met on Monday.");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn clock_times() {
    let mon = Some("2025-02-17");
    assert_eq!(value_of(mon, "Polls close at 10pm.", "10pm").as_deref(), Some("2025-02-17T22:00"));
    assert_eq!(value_of(mon, "The call began at 15:00 GMT.", "15:00 GMT").as_deref(), Some("2025-02-17T15:00Z"));
}

#[test]
fn what_tempeval_counts() {
    let mon = Some("2025-02-17");
    let v = |text: &str, expr: &str| value_of(mon, text, expr);
    assert_eq!(v("Prices rose over the past two years.", "the past two years").as_deref(), Some("P2Y"));
    assert_eq!(v("The minister resigned earlier.", "earlier").as_deref(), Some("PAST_REF"));
    assert_eq!(v("The plant is currently closed.", "currently").as_deref(), Some("PRESENT_REF"));
    assert_eq!(v("He was once the richest man in Asia.", "once").as_deref(), Some("PAST_REF"));
    assert_eq!(v("The dispute has lasted two decades.", "two decades").as_deref(), Some("P20Y"));
    assert_eq!(v("Prices doubled in the 1990s.", "1990s").as_deref(), Some("199"));
    assert_eq!(v("Profits fell in Q3 2024.", "Q3 2024").as_deref(), Some("2024-Q3"));
    assert_eq!(v("Profits fell in Q3.", "Q3").as_deref(), Some("2024-Q3"));
    assert_eq!(v("Revenue grew in fiscal 2024.", "fiscal 2024").as_deref(), Some("FY2024"));
    assert_eq!(
        v("Revenue grew in the third quarter of 2024.", "the third quarter of 2024").as_deref(),
        Some("2024-Q3")
    );
    assert_eq!(
        v("Sales fell in the first quarter of last year.", "the first quarter of last year").as_deref(),
        Some("2024-Q1")
    );
    assert_eq!(v("Growth slowed in the fourth quarter.", "the fourth quarter").as_deref(), Some("2024-Q4"));
    assert_eq!(v("Third-quarter profits rose.", "Third-quarter").as_deref(), Some("2024-Q3"));
    assert_eq!(v("Growth slowed in the last quarter.", "the last quarter").as_deref(), Some("2024-Q4"));
    assert_eq!(v("Sales rose in the latest quarter.", "the latest quarter").as_deref(), Some("2024-Q4"));
    assert_eq!(v("Sales rose in the first half.", "the first half").as_deref(), Some("2025-H1"));
    assert_eq!(v("Profit rose from the year-earlier period.", "year-earlier").as_deref(), Some("2024"));
    assert!(run(mon, "He scored in the first half of the match.").is_empty());
    assert_eq!(v("The talks resumed this morning.", "this morning").as_deref(), Some("2025-02-17TMO"));
    assert_eq!(v("Police were called yesterday evening.", "yesterday evening").as_deref(), Some("2025-02-16TEV"));
    assert_eq!(v("The ship sank a day earlier.", "a day earlier").as_deref(), Some("2025-02-16"));
    assert_eq!(v("Prices have fallen in recent months.", "recent months").as_deref(), Some("PAST_REF"));
    assert_eq!(v("The report is published each year.", "each year").as_deref(), Some("P1Y"));
    assert_eq!(v("The figures are published weekly.", "weekly").as_deref(), Some("P1W"));
    assert_eq!(v("The annual meeting was cancelled.", "annual").as_deref(), Some("P1Y"));
    assert_eq!(v("Polls open at 10:30 a.m.", "10:30 a.m.").as_deref(), Some("2025-02-17T10:30"));
    assert_eq!(v("Polls close at 9:15 pm.", "9:15 pm").as_deref(), Some("2025-02-17T21:15"));
    assert_eq!(v("The market closed at noon.", "noon").as_deref(), Some("2025-02-17T12:00"));
    assert_eq!(v("He has lived there for years.", "years").as_deref(), Some("PXY"));
    assert_eq!(v("Unemployment rose for six straight months.", "six straight months").as_deref(), Some("P6M"));
    assert_eq!(v("The job took almost two and a half years.", "two and a half years").as_deref(), None);
    assert_eq!(v("The job took almost two and a half years.", "almost two and a half years").as_deref(), Some("P2.5Y"));
    assert_eq!(v("It will take between 60 and 90 days.", "60").as_deref(), Some("P60D"));
    assert_eq!(v("Sales were down from the previous year.", "the previous year").as_deref(), Some("2024"));
    assert_eq!(v("Shares rose 2% for the day.", "the day").as_deref(), Some("2025-02-17"));
    assert_eq!(v("Rates will stay high in the near term.", "the near term").as_deref(), Some("FUTURE_REF"));
    assert_eq!(v("Sales peaked over the Christmas period.", "Christmas").as_deref(), Some("2024-12-25"));
    assert_eq!(v("The markets reopen after Christmas.", "Christmas").as_deref(), Some("2024-12-25"));
    assert_eq!(v("The date was set as 7/8/07 by the firm.", "7/8/07").as_deref(), Some("2007-07-08"));
    assert_eq!(v("Prices have not been this low since '82.", "'82").as_deref(), Some("1982"));
    assert_eq!(v("Cars of the 70s and 80s were boxy.", "80s").as_deref(), Some("198"));
    assert_eq!(v("The launch came at 16:15 UTC, February 11.", "16:15 UTC").as_deref(), Some("2025-02-11T16:15Z"));
    assert_eq!(v("In a Wednesday media event, the firm unveiled laptops.", "Wednesday").as_deref(), Some("2025-02-12"));
}

#[test]
fn words_that_are_not_times() {
    let mon = Some("2025-02-17");
    for text in [
        "Three quarters of voters backed the plan.",
        "The Daily Mail and the Weekly Standard disagreed.",
        "Once the deal is signed, troops will leave.",
        "They lit a Christmas tree in the square.",
        "The current account deficit widened.",
        "The Arab Spring changed the region.",
        "He was an earlier winner of the prize.",
        "Black Monday was a crash.",
        "At the end of the day it is a radio show.",
        "The spring water was clean.",
    ] {
        let all = run(mon, text);
        assert!(all.is_empty(), "{text}: {all:?}");
    }
}

// ---- real data (ignored: run by hand) --------------------------------------------------------

/// The string value of a field of a JSON line.
fn json_field(line: &str, field: &str) -> Option<String> {
    let record: serde_json::Value = serde_json::from_str(line).ok()?;
    record.get(field)?.as_str().map(str::to_string)
}

/// Prints a sample of 100 expressions found in BBC news (2004-05), for inspection.
#[test]
#[ignore]
fn bbc_sample() {
    let Ok(data) = std::fs::read_to_string("/work/shared/data/bbc/bbc_fulltext.jsonl") else {
        return;
    };
    let mut found = Vec::new();
    let mut docs = 0;
    let started = std::time::Instant::now();
    for line in data.lines() {
        let Some(text) = json_field(line, "text") else {
            continue;
        };
        docs += 1;
        let mut doc = Doc::new("bbc", text);
        doc.meta.published = Some("2005-03-16".into()); // the corpus gives no dates: a Wednesday
        segment(&mut doc);
        for t in tag(&doc) {
            let s = doc.sentence_at(t.span.start).map(|i| doc.slice(doc.sentences[i].span)).unwrap_or("");
            let around: String = s.chars().take(100).collect();
            found.push(format!("{:26} {:14} {:8} | {}", doc.slice(t.span), t.value, t.kind, around));
        }
    }
    let elapsed = started.elapsed();
    let every = std::env::var_os("TIMES_ALL").is_some();
    let step = if every { 1 } else { (found.len() / 100).max(1) };
    for f in found.iter().step_by(step).take(if every { usize::MAX } else { 100 }) {
        println!("{f}");
    }
    println!(
        "{docs} articles, {} expressions, {:.0} articles/s (segment + times)",
        found.len(),
        docs as f64 / elapsed.as_secs_f64()
    );
}

fn xml_attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn xml_unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// One MEANTIME (CAT XML) document: the text rebuilt one sentence per line, each token's byte
/// span, the creation time, and the gold TIMEX3s (value, kind, token ids), creation time left out.
struct Meantime {
    text: String,
    spans: std::collections::HashMap<u32, (usize, usize)>,
    dct: Option<String>,
    dct_ids: Vec<u32>,
    timexes: Vec<(String, String, Vec<u32>)>,
}

fn read_meantime(xml: &str) -> Meantime {
    let mut text = String::new();
    let mut spans = std::collections::HashMap::new();
    let mut sentence = None;
    let mut rest = xml;
    while let Some(at) = rest.find("<token ") {
        rest = &rest[at..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        let Some(end) = rest.find("</token>") else {
            break;
        };
        let word = xml_unescape(&rest[close + 1..end]);
        rest = &rest[end..];
        let (Some(id), Some(s)) = (xml_attr(tag, "t_id").and_then(|v| v.parse().ok()), xml_attr(tag, "sentence"))
        else {
            continue;
        };
        if sentence != Some(s.to_string()) {
            if sentence.is_some() {
                text.push('\n');
            }
            sentence = Some(s.to_string());
        } else {
            let glue = matches!(word.as_str(), "," | "." | ":" | ";" | "%" | ")" | "'s" | "'" | "n't" | "?" | "!")
                || text.ends_with('(')
                || text.ends_with('$');
            if !glue {
                text.push(' ');
            }
        }
        spans.insert(id, (text.len(), text.len() + word.len()));
        text.push_str(&word);
    }
    let mut dct = None;
    let mut dct_ids = Vec::new();
    let mut timexes = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<TIMEX3 ") {
        rest = &rest[at..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        if tag.ends_with('/') {
            rest = &rest[close..];
            continue;
        }
        let end = rest.find("</TIMEX3>").unwrap_or(rest.len());
        let body = &rest[close..end];
        let ids: Vec<u32> =
            body.split("t_id=\"").skip(1).filter_map(|p| p.split('"').next().and_then(|v| v.parse().ok())).collect();
        let value = xml_attr(tag, "value").unwrap_or("").to_string();
        if xml_attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            dct = Some(value);
            dct_ids = ids;
        } else if !ids.is_empty() {
            timexes.push((value, xml_attr(tag, "type").unwrap_or("").to_lowercase(), ids));
        }
        rest = &rest[end..];
    }
    Meantime { text, spans, dct, dct_ids, timexes }
}

/// TIMEX3 detection and value accuracy on the English MEANTIME corpus (Wikinews), anchored on
/// each document's creation time.
#[test]
#[ignore]
fn meantime() {
    let root = "/work/shared/data/meantime/intra_cross-doc_annotation";
    let Ok(corpora) = std::fs::read_dir(root) else {
        return;
    };
    let (mut gold_n, mut sys_n, mut sys_hit, mut gold_hit, mut value_ok, mut exact_span) = (0, 0, 0, 0, 0, 0);
    // the value scorer of the seed gold: only expressions the tagger can date count

    let verbose = std::env::var_os("TIMES_ALL").is_some();
    let mut files: Vec<_> = corpora
        .flatten()
        .filter_map(|c| std::fs::read_dir(c.path()).ok())
        .flat_map(|d| d.flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    for path in &files {
        let Ok(xml) = std::fs::read_to_string(path) else {
            continue;
        };
        let m = read_meantime(&xml);
        let mut doc = Doc::new(path.display().to_string(), m.text.clone());
        doc.meta.published = m.dct.clone();
        segment(&mut doc);
        let times = tag(&doc);
        // the dateline (creation time) is metadata: neither counted nor penalised
        let gold: Vec<(String, (usize, usize))> = m
            .timexes
            .iter()
            .filter_map(|(v, _, ids)| {
                let s = ids.iter().filter_map(|i| m.spans.get(i)).map(|s| s.0).min()?;
                let e = ids.iter().filter_map(|i| m.spans.get(i)).map(|s| s.1).max()?;
                Some((v.clone(), (s, e)))
            })
            .collect();
        let dct_line = {
            let s = m.dct_ids.iter().filter_map(|i| m.spans.get(i)).map(|s| s.0).min();
            let e = m.dct_ids.iter().filter_map(|i| m.spans.get(i)).map(|s| s.1).max();
            s.zip(e)
        };
        // MEANTIME annotates the title, the dateline and the first four sentences only
        let annotated_end = m.text.match_indices('\n').nth(5).map_or(m.text.len(), |(i, _)| i);
        let times: Vec<_> = times.into_iter().filter(|t| t.span.end <= annotated_end).collect();
        let line = |at: usize| {
            let s = m.text[..at].rfind('\n').map_or(0, |i| i + 1);
            let e = m.text[at..].find('\n').map_or(m.text.len(), |i| at + i);
            &m.text[s..e]
        };
        gold_n += gold.len();
        for t in &times {
            let (s, e) = (t.span.start, t.span.end);
            if dct_line.is_some_and(|(a, b)| s < b && a < e) {
                continue;
            }
            sys_n += 1;
            if gold.iter().any(|(_, (gs, ge))| s < *ge && *gs < e) {
                sys_hit += 1;
            }
        }
        for (v, (gs, ge)) in &gold {
            let hit = times.iter().find(|t| t.span.start < *ge && *gs < t.span.end);
            if let Some(t) = hit {
                gold_hit += 1;
                exact_span += usize::from(t.span.start == *gs && t.span.end == *ge);
                if &t.value == v {
                    value_ok += 1;
                } else if verbose {
                    println!(
                        "VALUE {:30} gold {:12} got {:12} dct {:?} | {}",
                        &m.text[*gs..*ge],
                        v,
                        t.value,
                        m.dct,
                        line(*gs)
                    );
                }
            } else if verbose {
                println!("MISS  {:30} gold {:12} dct {:?} | {}", &m.text[*gs..*ge], v, m.dct, line(*gs));
            }
        }
        if verbose {
            for t in &times {
                if !gold.iter().any(|(_, (gs, ge))| t.span.start < *ge && *gs < t.span.end) {
                    println!("EXTRA {:30} got {:12} | {}", doc.slice(t.span), t.value, line(t.span.start));
                }
            }
        }
    }
    let p = sys_hit as f64 / sys_n.max(1) as f64;
    let r = gold_hit as f64 / gold_n.max(1) as f64;
    println!(
        "MEANTIME en: {} docs, {gold_n} gold TIMEX3 (creation time excluded), {sys_n} found\n\
         detection (overlap): P {:.3} R {:.3} F1 {:.3}; exact spans {:.3} of matched\n\
         value accuracy on matched: {:.3}; value-correct recall: {:.3}",
        files.len(),
        p,
        r,
        2.0 * p * r / (p + r).max(f64::EPSILON),
        exact_span as f64 / gold_hit.max(1) as f64,
        value_ok as f64 / gold_hit.max(1) as f64,
        value_ok as f64 / gold_n.max(1) as f64,
    );
}
