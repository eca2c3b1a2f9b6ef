//! The outlet gazetteer and reading an article's own outlet (and dateline date) from its text.
//!
//! Only *self-reference* counts: datelines ("MOSCOW, Feb 17 (Reuters) -"), bylines ("By Jane
//! Roe, Associated Press"), "the BBC understands", "Al Jazeera's Natacha Butler, reporting from
//! Paris", "the BBC's US partner CBS News". An outlet that is merely where someone else spoke or
//! wrote ("Starmer wrote in Monday's Daily Telegraph", "he told the US network CBS", "told CNN's
//! Jake Tapper") is not evidence. Weak evidence ("told the BBC") needs company; when two
//! outlets compete, nothing is chosen.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::dates::{day_number, iso, month_number};

pub use parallax_lexicon::outlets::Outlets as Gazetteer;

/// The gazetteer of news outlets shipped with `parallax-lexicon` (`data/outlets.tsv`).
pub fn gazetteer() -> &'static Gazetteer {
    parallax_lexicon::outlets::outlets()
}

/// The site of a URL as a reader names it when no outlet is known: its host without `www.`
/// or `m.` (`http://www.christianpost.com/news/x` → `christianpost.com`); `None` for a URL
/// without a dotted host name (an IP address or `localhost` is no outlet).
pub fn site_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://").map_or(url.trim(), |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").or_else(|| host.strip_prefix("m.")).unwrap_or(&host).to_string();
    let named = host.contains('.')
        && !host.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    named.then_some(host)
}

/// What the article's wording says about its own outlet and date.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct TextMeta {
    /// The outlet, when the evidence is clear.
    pub outlet: Option<String>,
    /// An ISO day from a dateline that includes a year.
    pub dateline_date: Option<String>,
    /// A dateline day without a year ("Feb 17"), reported as a note.
    pub dateline_partial: Option<String>,
    /// The month and day of that dateline.
    pub dateline_month_day: Option<(u32, u32)>,
}

/// Words before an outlet name that make it the venue of someone else's words.
static VENUE: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/outlet/venue_words.txt")));

/// Staff words after a possessive outlet ("the BBC's political editor").
static ROLES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/outlet/staff_words.txt")));

/// Words after a possessive outlet that name another outlet as its partner ("the BBC's US partner
/// CBS News").
static PARTNERS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/outlet/partner_words.txt")));

/// The marks of a possessive ("the BBC's", "the Times' ").
const POSSESSIVES: [&str; 4] = ["’s ", "'s ", "’ ", "' "];

/// Every occurrence of each of `patterns`, found in one pass over a text
/// (`find_overlapping_iter`: the same as searching for each pattern in turn). A DFA without
/// a prefilter: a few short patterns make a small one, which reads a text byte by byte several
/// times faster than the default automaton and its prefilter, whose rare bytes (apostrophes,
/// spaces) are common in news (the matches are the same whatever the automaton).
fn searcher<'a>(patterns: impl IntoIterator<Item = &'a str>) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .prefilter(false)
        .build(patterns)
        .expect("a few short patterns always build")
}

/// Finds [`POSSESSIVES`].
static POSSESSIVE_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| searcher(POSSESSIVES));

/// Finds [`AFTER_CUES`].
static AFTER_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| searcher(AFTER_CUES.iter().map(|c| c.0)));

/// Finds [`BEFORE_CUES`].
static BEFORE_SEARCH: LazyLock<AhoCorasick> = LazyLock::new(|| searcher(BEFORE_CUES.iter().map(|c| c.0)));

/// Cues after an outlet name and their weights ("the Guardian has learned").
const AFTER_CUES: &[(&str, u32)] = &[
    (" understands", 3),
    (" has learned", 3),
    (" has learnt", 3),
    (" can reveal", 3),
    (" can confirm", 2),
    (" has been told", 3),
    (" was told", 2),
    (" has contacted", 3),
    (" has approached", 3),
    (" contacted", 2),
    (" approached", 2),
    (" has seen", 2),
    (" has verified", 3),
    (" has asked", 2),
    (" has reached out", 3),
    (" reached out to", 2),
    (" has obtained", 2),
];

/// Cues before an outlet name ("told the BBC") and their weights.
const BEFORE_CUES: &[(&str, u32)] = &[
    ("told the ", 1),
    ("told ", 1),
    ("speaking to the ", 1),
    ("Speaking to the ", 1),
    ("seen by the ", 2),
    ("seen by ", 2),
    ("verified by the ", 2),
    ("verified by ", 2),
    ("contacted by the ", 1),
    ("contacted by ", 1),
];

/// The previous word before byte `pos`, skipping a lowercase "the".
fn previous_word(text: &str, pos: usize) -> &str {
    let head = text.get(..pos).unwrap_or("").trim_end();
    let head = head.strip_suffix(" the").unwrap_or(head);
    let head = head.trim_end();
    let start = head
        .rfind(|c: char| !c.is_alphanumeric() && c != '-')
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    &head[start..]
}

/// The next up-to-`n` words after `pos`, split on whitespace, with their byte starts.
fn next_words(text: &str, pos: usize, n: usize) -> Vec<(usize, &str)> {
    let tail = text.get(pos..).unwrap_or("");
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in tail.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((pos + s, &tail[s..i]));
                if out.len() >= n {
                    return out;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((pos + s, &tail[s..]));
    }
    out
}

/// A personal name word: capitalised, then lowercase letters (hyphens and apostrophes allowed).
fn is_name_word(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'' || c == '’' || c.is_uppercase())
        && w.chars().skip(1).any(char::is_lowercase)
}

/// The text of the sentence before byte `pos` (since the last `.`, `!`, `?` or newline).
fn sentence_prefix(text: &str, pos: usize) -> &str {
    let head = text.get(..pos).unwrap_or("");
    let start = head.rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1).min(head.len());
    head[start..].trim_start_matches(|c: char| c.is_whitespace() || "“\"‘'".contains(c))
}

/// Reads the outlet (and a dateline date) from the wording of `text`.
pub(crate) fn from_text(text: &str) -> TextMeta {
    let g = gazetteer();
    // Total score, and the score without "told X" (which is as often a venue as a
    // self-reference: "he told Reuters" in a BBC story).
    let mut scores: HashMap<usize, (u32, u32)> = HashMap::new();
    let mut meta = TextMeta::default();
    let mut add = |i: usize, w: u32| {
        let e = scores.entry(i).or_insert((0, 0));
        e.0 += w;
        e.1 += w;
    };
    let mut support = HashMap::<usize, u32>::new();

    for line in text.lines() {
        let trimmed = line.trim();
        // Datelines: "MOSCOW, Feb 17 (Reuters) -", "KYIV, Ukraine (AP) —".
        if let Some(open) = trimmed.get(..trimmed.len().min(90)).and_then(|h| h.find('(')) {
            if let Some(close) = trimmed[open..].find(')').map(|c| open + c) {
                let inside = &trimmed[open + 1..close];
                let after = trimmed[close + 1..].trim_start();
                let dash = ["-", "–", "—"].iter().any(|d| after.starts_with(d));
                let before = trimmed[..open].trim();
                let place_ok = before.is_empty()
                    || before.chars().next().is_some_and(char::is_uppercase) && before.split_whitespace().count() <= 8;
                if dash && place_ok {
                    if let Some(i) = g.alias(inside.trim()) {
                        add(i, 3);
                        dateline_date(before, &mut meta);
                    }
                }
            }
        }
        // Datelines without parentheses: "Kyiv, Ukraine CNN —".
        for dash in [" — ", " – ", " - ", " -- "] {
            let head = trimmed.get(..trimmed.len().min(90)).unwrap_or("");
            let at_end = dash.trim_end();
            let found = head.find(dash).or_else(|| trimmed.ends_with(at_end).then(|| trimmed.len() - at_end.len()));
            let Some(d) = found else {
                continue;
            };
            if let Some((i, start)) = g.ending_at(trimmed, d) {
                let place = trimmed[..start].trim();
                let place_ok = !place.is_empty()
                    && place.chars().next().is_some_and(char::is_uppercase)
                    && place.split_whitespace().count() <= 5
                    && !place.ends_with(['.', '!', '?', '"', '”']);
                if place_ok {
                    add(i, 3);
                }
            }
            break;
        }
        // Bylines: "By Jane Roe, Associated Press", "By Jane Roe and John Doe - BBC News".
        if let Some(rest) = trimmed.strip_prefix("By ") {
            if trimmed.len() < 140 {
                let tail = rest.rsplit([',', '|', '-', '–', '—']).next().unwrap_or("").trim().trim_end_matches('.');
                let tail = tail.strip_prefix("for ").unwrap_or(tail);
                if let Some(i) = g.alias(tail.strip_prefix("the ").unwrap_or(tail)) {
                    add(i, 3);
                }
            }
        }
    }

    // Possessives: "Al Jazeera's Natacha Butler", "the BBC's US partner CBS News".
    for found in POSSESSIVE_SEARCH.find_overlapping_iter(text) {
        let (pat, k) = (POSSESSIVES[found.pattern().as_usize()], found.start());
        if !pat.contains('s') && !text[..k].ends_with('s') {
            continue;
        }
        let Some((i, start)) = g.ending_at(text, k) else {
            continue;
        };
        let venue = VENUE.contains(&previous_word(text, start));
        let next = next_words(text, k + pat.len(), 5);
        let lower: Vec<String> =
            next.iter().map(|(_, w)| w.trim_end_matches([',', '.', ';', ':']).to_lowercase().to_string()).collect();
        if lower.iter().take(3).any(|w| PARTNERS.contains(&w.as_str())) {
            add(i, 3);
            continue;
        }
        let role_at = lower.iter().take(4).position(|w| ROLES.contains(&w.as_str()));
        if role_at.is_some() {
            // "said De Telegraaf's image editor": a source from another outlet, or our own.
            let cited = matches!(previous_word(text, start), "said" | "says" | "told");
            add(
                i,
                if venue {
                    0
                } else if cited {
                    1
                } else {
                    2
                },
            );
            continue;
        }
        // A journalist's name.
        let names = next.iter().take_while(|(_, w)| is_name_word(w)).count();
        if (2..=3).contains(&names) && !next[names - 1].1.ends_with('.') {
            let prefix = sentence_prefix(text, start).to_lowercase();
            let after: Vec<&str> = lower.iter().skip(names).map(String::as_str).collect();
            let reporting_before =
                ["reporting from", "speaking from", "reporting in"].iter().any(|p| prefix.starts_with(p));
            let reporting_after = matches!(after.first().copied(), Some("reporting" | "reports" | "reported"))
                && matches!(after.get(1).copied(), Some("from" | "in"));
            // "the BBC's Sarah Rainsford in Moscow says".
            let located_verb = after.first() == Some(&"in")
                && after.iter().take(4).any(|w| matches!(*w, "says" | "said" | "reports" | "reported"));
            let verb =
                matches!(after.first().copied(), Some("said" | "says" | "reported" | "reports" | "asked" | "added"));
            let says_before = matches!(previous_word(text, start), "says" | "said");
            if reporting_before || reporting_after {
                add(i, 3);
            } else if !venue && located_verb {
                add(i, 2);
            } else if !venue && (verb || says_before) {
                add(i, 1);
            }
        }
    }

    // "the Guardian has learned", "BBC News understands".
    for found in AFTER_SEARCH.find_overlapping_iter(text) {
        let ((cue, w), k) = (AFTER_CUES[found.pattern().as_usize()], found.start());
        let after = text[k + cue.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if let Some((i, _)) = g.ending_at(text, k) {
            add(i, w);
        }
    }

    // "told the BBC", "a letter seen by Reuters".
    for found in BEFORE_SEARCH.find_overlapping_iter(text) {
        let ((cue, w), k) = (BEFORE_CUES[found.pattern().as_usize()], found.start());
        if k > 0 && text[..k].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let pos = k + cue.len();
        let Some((i, end)) = g.starting_at(text, pos) else {
            continue;
        };
        let rest = &text[end..];
        if rest.starts_with("’s") || rest.starts_with("'s") || rest.starts_with('’') {
            continue;
        }
        // "told the BBC Today programme": a programme name follows, so it is a venue.
        let next = next_words(text, end, 1);
        if next.first().is_some_and(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
            && !rest.starts_with(['.', ',', ';', ':', '!', '?', ')'])
        {
            continue;
        }
        // "told the BBC News website": an outlet's website is itself.
        if next.first().is_some_and(|(_, w)| w.trim_end_matches(['.', ',', ';', ':']) == "website") {
            add(i, 3);
            continue;
        }
        *support.entry(i).or_insert(0) += w;
    }
    for (i, w) in support {
        scores.entry(i).or_insert((0, 0)).0 += w;
    }

    let mut ranked: Vec<(usize, u32, u32)> =
        scores.into_iter().filter(|&(_, (s, _))| s > 0).map(|(i, (s, strong))| (i, s, strong)).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if let Some(&(best, score, strong)) = ranked.first() {
        let second = ranked.get(1).map_or(0, |r| r.1);
        if strong >= 2 && score > second && (second < 2 || score >= 2 * second) {
            meta.outlet = Some(g.name(best).to_string());
        }
    }
    meta
}

/// Reads "MOSCOW, Feb 17" or "LONDON, February 17, 2025" before a dateline's outlet.
fn dateline_date(before: &str, meta: &mut TextMeta) {
    if meta.dateline_date.is_some() || meta.dateline_partial.is_some() {
        return;
    }
    let Some((_, rest)) = before.split_once(',') else {
        return;
    };
    let ws: Vec<&str> = rest.split_whitespace().collect();
    let (Some(m), Some(d)) = (ws.first().and_then(|w| month_number(w)), ws.get(1).and_then(|w| day_number(w))) else {
        return;
    };
    let year =
        ws.get(2).map(|w| w.trim_end_matches([',', '.'])).filter(|w| w.len() == 4).and_then(|w| w.parse::<i32>().ok());
    match year {
        Some(y) => meta.dateline_date = iso(y, m, d),
        None => {
            if crate::dates::valid_ymd(2000, m, d) {
                meta.dateline_partial = Some(format!("{} {}", ws[0], ws[1]));
                meta.dateline_month_day = Some((m, d));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outlet(text: &str) -> Option<String> {
        from_text(text).outlet
    }

    #[test]
    fn gazetteer_loads() {
        let g = gazetteer();
        assert!(g.len() > 300, "{}", g.len());
        assert_eq!(g.canonical("BBC News"), Some("BBC"));
        assert_eq!(g.canonical("the guardian"), Some("The Guardian"));
        assert_eq!(g.from_domain("https://www.bbc.co.uk/news/x"), Some("BBC"));
        assert_eq!(g.from_domain("edition.cnn.com"), Some("CNN"));
        assert_eq!(g.from_domain("example.org"), None);
    }

    #[test]
    fn self_references() {
        assert_eq!(outlet("The officials told the BBC’s US partner CBS News.").as_deref(), Some("BBC"));
        assert_eq!(
            outlet("Reporting from Paris, Al Jazeera’s Natacha Butler said it was tense.").as_deref(),
            Some("Al Jazeera")
        );
        assert_eq!(outlet("MOSCOW, Feb 17 (Reuters) - Russia said on Monday.").as_deref(), Some("Reuters"));
        assert_eq!(outlet("By Jane Roe, Associated Press\n\nThe mayor resigned.").as_deref(), Some("Associated Press"));
        assert_eq!(outlet("The Guardian has learned that the minister will resign.").as_deref(), Some("The Guardian"));
        assert_eq!(outlet("BBC News understands the deal is close.").as_deref(), Some("BBC"));
        assert_eq!(
            outlet("CNN's Jake Tapper reported from the border, CNN’s correspondent said.").as_deref(),
            Some("CNN")
        );
    }

    #[test]
    fn venues_are_not_outlets() {
        for t in [
            "“We need it,” Starmer wrote in Monday’s Daily Telegraph.",
            "They left on Monday, according to Russian state TV.",
            "“It is a process,” he told the US television network CBS on Sunday.",
            "He told CNN's Jake Tapper that he would run.",
            "She told the BBC's Today programme it was over.",
            "He told the BBC on Sunday that talks would go on.",
            "The Reuters news agency, quoting Peskov, reported that talks will focus on trade.",
            "He told the BBC it was fine. He also told CNN it was fine.",
        ] {
            assert_eq!(outlet(t), None, "{t}");
        }
        // "told X" alone is as often an interview given to another outlet.
        assert_eq!(outlet("“Buy,” he told Reuters. “Sell,” she told Reuters. It fell."), None);
        assert_eq!(outlet("“This picture was the story”, said De Telegraaf's image editor, Peter Roe."), None);
        assert_eq!(outlet("He told the BBC News website the plan would work.").as_deref(), Some("BBC"));
        assert_eq!(outlet("The BBC's Sarah Roe in Moscow says most people agree.").as_deref(), Some("BBC"));
    }

    #[test]
    fn datelines_without_parentheses() {
        assert_eq!(outlet("Kyiv, Ukraine CNN —\nUkraine said it shot down 40 drones.").as_deref(), Some("CNN"));
        assert_eq!(outlet("The vote - BBC - was close."), None);
    }

    #[test]
    fn dateline_dates() {
        let m = from_text("LONDON, Feb 17 (Reuters) - Shares fell.");
        assert_eq!(m.dateline_partial.as_deref(), Some("Feb 17"));
        let m = from_text("LONDON, February 17, 2025 (Reuters) - Shares fell.");
        assert_eq!(m.dateline_date.as_deref(), Some("2025-02-17"));
    }
}
