//! Publication dates: normalising given dates and reading them from metadata lines.

use parallax_lexicon::closed;

/// Month number (1–12) of an English month name or abbreviation ("Feb.", "sept", "March"),
/// with trailing `.` and `,` ignored.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    closed::month(word.trim_end_matches(['.', ',']))
}

/// True for English weekday names and abbreviations, with an optional trailing `,` or `.`.
fn is_weekday(word: &str) -> bool {
    closed::weekday(word.trim_end_matches(['.', ','])).is_some()
}

/// True when `(y, m, d)` is a real calendar day in a plausible publication year.
pub(crate) fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= days
}

/// `YYYY-MM-DD` for a valid day.
pub(crate) fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    valid_ymd(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Whitespace-separated words of `s` as byte ranges.
fn words(s: &str, limit: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, i));
                if out.len() >= limit {
                    return out;
                }
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

/// A day of the month, possibly with an ordinal suffix and trailing comma ("16", "16th,").
pub(crate) fn day_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches([',', '.']);
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

/// A four-digit year, possibly followed by `,` or `.`; returns the year and the digits' length.
fn year_number(word: &str) -> Option<i32> {
    // a bar may glue the time to the year ("July 29, 2011|10: 57 pm")
    let w = word.split('|').next().unwrap_or(word).trim_end_matches([',', '.', ';', ')']);
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok()
}

/// Parses an ISO date (`YYYY-MM-DD` or `YYYY/MM/DD`) at the start of `s`.
fn iso_prefix(s: &str) -> Option<(i32, u32, u32)> {
    let b = s.as_bytes();
    if b.len() < 10 {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(|c| c.is_ascii_digit());
    let sep = b[4];
    if !digits(0..4) || !(sep == b'-' || sep == b'/') || b[7] != sep || !digits(5..7) {
        return None;
    }
    if !digits(8..10) || b.get(10).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    valid_ymd(y, m, d).then_some((y, m, d))
}

/// Parses a date at the start of `s` (after an optional weekday): ISO, "16 February 2025",
/// "February 16, 2025", "Feb. 16 2025". Returns the ISO day and the bytes consumed (up to the
/// end of the year or of the ISO token).
pub(crate) fn parse_date_prefix(s: &str) -> Option<(String, usize)> {
    let ws = words(s, 6);
    let mut i = 0;
    if ws.first().is_some_and(|&(a, b)| is_weekday(&s[a..b])) {
        i = 1;
    }
    let w = |k: usize| ws.get(k).map(|&(a, b)| &s[a..b]);
    let first = w(i)?;
    let first_start = ws[i].0;
    if let Some((y, m, d)) = iso_prefix(first) {
        // Consume a time glued to the date ("2025-02-16T10:00:00Z").
        let end = if first.len() > 10 && first.as_bytes()[10] == b'T' { ws[i].1 } else { first_start + 10 };
        return Some((iso(y, m, d)?, end));
    }
    // 16 February 2025
    if let (Some(d), Some(m), Some(y)) =
        (day_number(first), w(i + 1).and_then(month_number), w(i + 2).and_then(year_number))
    {
        let end = ws[i + 2].0 + 4;
        return Some((iso(y, m, d)?, end));
    }
    // February 16, 2025
    if let (Some(m), Some(d), Some(y)) =
        (month_number(first), w(i + 1).and_then(day_number), w(i + 2).and_then(year_number))
    {
        let end = ws[i + 2].0 + 4;
        return Some((iso(y, m, d)?, end));
    }
    numeric_date(s, &ws[i..])
}

/// A date written in digits, the separators possibly spaced ("05 / 02 / 2013", "2012. 08. 08",
/// "2012 - 04 - 04"): year first (`Y-M-D`, `Y/M/D`, `Y.M.D`); with slashes the American
/// `M/D/Y`, with dots the European `D.M.Y` (a two-digit year is 19xx from 70, else 20xx).
/// Returns the ISO day and the bytes consumed.
fn numeric_date(s: &str, ws: &[(usize, usize)]) -> Option<(String, usize)> {
    let mut compact = String::new();
    let mut end = 0;
    for &(a, b) in ws.iter().take(5) {
        let word = &s[a..b];
        if !word.bytes().all(|c| c.is_ascii_digit() || matches!(c, b'/' | b'.' | b'-')) {
            break;
        }
        compact.push_str(word);
        end = b;
        if compact.bytes().filter(|c| c.is_ascii_digit()).count() >= 8 {
            break;
        }
    }
    let compact = compact.trim_end_matches(['.', '-', '/']);
    let sep = compact.bytes().find(|c| !c.is_ascii_digit())?;
    let parts: Vec<&str> = compact.split(sep as char).collect();
    let [a, b, c] = parts[..] else { return None };
    let num = |x: &str| -> Option<u32> {
        ((1..=4).contains(&x.len()) && x.bytes().all(|c| c.is_ascii_digit())).then(|| x.parse().ok()).flatten()
    };
    let year = |x: &str| -> Option<i32> {
        match x.len() {
            4 => x.parse().ok(),
            2 => x.parse::<i32>().ok().map(|y| if y >= 70 { 1900 + y } else { 2000 + y }),
            _ => None,
        }
    };
    let (y, m, d) = if a.len() == 4 {
        (year(a)?, num(b)?, num(c)?)
    } else if b.len() > 2 || a.len() > 2 {
        return None;
    } else {
        match sep {
            b'/' => (year(c)?, num(a)?, num(b)?),
            b'.' => (year(c)?, num(b)?, num(a)?),
            _ => return None,
        }
    };
    // the other order when this one is no date ("14/09/2013" in New Zealand, "02.29.12")
    let swapped = || if a.len() == 4 { None } else { iso(y, d, m) };
    iso(y, m, d).or_else(swapped).map(|day| (day, end))
}

/// Normalises a date given by an input record: ISO dates and RFC 3339 timestamps are kept
/// (a timestamp without an offset is cut to its day); English dates become `YYYY-MM-DD`;
/// RFC 2822 dates ("Mon, 17 Feb 2025 10:00:00 GMT") are read for their day.
pub(crate) fn normalize_published(raw: &str) -> Option<String> {
    let s = raw.trim();
    if let Some((y, m, d)) = iso_prefix(s) {
        let day = iso(y, m, d)?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Some(day);
        }
        if is_rfc3339_time(rest) {
            return Some(format!("{day}{}", rest.replacen(' ', "T", 1)));
        }
        return Some(day);
    }
    parse_date_prefix(s).map(|(d, _)| d)
}

/// True for `THH:MM[:SS[.fff]](Z|±HH:MM)` (a space may replace the `T`).
fn is_rfc3339_time(rest: &str) -> bool {
    let b = rest.as_bytes();
    if b.len() < 7 || !(b[0] == b'T' || b[0] == b' ') {
        return false;
    }
    let d = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_digit());
    if !(d(1) && d(2) && b[3] == b':' && d(4) && d(5)) {
        return false;
    }
    let mut i = 6;
    if b.get(i) == Some(&b':') {
        if !(d(i + 1) && d(i + 2)) {
            return false;
        }
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            while d(i) {
                i += 1;
            }
        }
    }
    match b.get(i) {
        Some(b'Z') | Some(b'z') => i + 1 == b.len(),
        Some(b'+') | Some(b'-') => b.len() == i + 6 && d(i + 1) && d(i + 2) && b[i + 3] == b':' && d(i + 4) && d(i + 5),
        _ => false,
    }
}

/// A metadata marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// "date", "published", "posted", "first published".
    Published,
    /// "updated", "last updated".
    Updated,
    /// A line that is nothing but a date.
    Bare,
}

/// A date read from a metadata line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MetaDate {
    /// The ISO day.
    pub iso: String,
    /// Which marker introduced it.
    pub marker: Marker,
    /// Byte range of the metadata (marker, date, time) within the line.
    pub start: usize,
    /// End of the metadata; the article text may continue after it.
    pub end: usize,
}

const MARKERS: &[(&str, Marker)] = &[
    ("first published on", Marker::Published),
    ("first published", Marker::Published),
    ("last updated on", Marker::Updated),
    ("last updated", Marker::Updated),
    ("publication date", Marker::Published),
    ("for immediate release", Marker::Published),
    ("story created", Marker::Published),
    ("release", Marker::Published),
    ("date published", Marker::Published),
    ("published date", Marker::Published),
    ("published on", Marker::Published),
    ("published", Marker::Published),
    ("posted on", Marker::Published),
    ("posted", Marker::Published),
    ("updated on", Marker::Updated),
    ("updated", Marker::Updated),
    ("pubdate", Marker::Published),
    ("dated", Marker::Published),
    ("date", Marker::Published),
];

/// True for words allowed between a marker and its date, or after the date: times, zones,
/// separators ("10:32", "GMT", "|", "at", "on").
fn is_time_filler(word: &str) -> bool {
    let w = word.trim_end_matches([',', ';', ':']);
    let w = if w.len() > 2 && w.ends_with("m.") { &w[..w.len() - 1] } else { w };
    if w.is_empty() || matches!(w, "|" | "-" | "–" | "—" | "/" | "·" | "•" | "@" | ")" | "(") {
        return true;
    }
    // a 24-hour time without a colon ("1052 GMT", "(1852 HKT)")
    let hhmm = w.trim_matches(['(', ')']);
    if hhmm.len() == 4
        && hhmm.bytes().all(|b| b.is_ascii_digit())
        && hhmm.get(0..2).and_then(|h| h.parse::<u32>().ok()).is_some_and(|h| h < 24)
        && hhmm.get(2..4).and_then(|m| m.parse::<u32>().ok()).is_some_and(|m| m < 60)
    {
        return true;
    }
    let lw = w.to_ascii_lowercase();
    if matches!(
        lw.as_str(),
        "on" | "at" | "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m" | "a." | "p." | "m." | "local" | "time" | "hrs"
            // "21 July 2013 Last updated at 11:11 GMT": the day printed first is the publication's
            | "last" | "updated"
    ) {
        return true;
    }
    // the minutes of a time written with spaces ("5: 03pm", "10: 30", "00)"): one or two
    // digits, with an optional am/pm
    let digits = lw.trim_matches(['(', ')']).trim_end_matches("am").trim_end_matches("pm").trim_end_matches(['a', 'p']);
    if (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let t = lw.trim_end_matches("am").trim_end_matches("pm").trim_start_matches('(').trim_end_matches(')');
    if !t.is_empty()
        && t.bytes().any(|b| b == b':' || b == b'.')
        && t.bytes().all(|b| b.is_ascii_digit() || b == b':' || b == b'.')
        && t.as_bytes()[0].is_ascii_digit()
    {
        return true;
    }
    // Time zones: GMT, UTC, BST, EST, CET, ET, or an offset like +0100 / UTC+1.
    let z = w.trim_start_matches('(').trim_end_matches(')');
    (2..=4).contains(&z.len()) && z.bytes().all(|b| b.is_ascii_uppercase())
        || z.starts_with("UTC") && z.len() <= 9
        || z.starts_with("GMT") && z.len() <= 9
        || (z.starts_with('+') || z.starts_with('-'))
            && z.len() >= 3
            && z[1..].bytes().all(|b| b.is_ascii_digit() || b == b':')
}

/// True for what may follow a bare date and a dash on its line as a place tag: at most four
/// all-caps words ("March 14, 2013 - UNITED STATES -").
fn is_place_tag(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().filter(|w| !matches!(*w, "-" | "–" | "—" | "|")).collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_end_matches([',', '.']);
            w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '\'')
        })
}

/// Reads a metadata line ("date 2025-02-16 ...", "Published: 16 February 2025",
/// "Updated 10:32 GMT, Feb. 16, 2025") at the start of `line`. The article text may continue on
/// the same line after the returned `end`.
pub(crate) fn parse_meta_line(line: &str) -> Option<MetaDate> {
    let start = line.len() - line.trim_start().len();
    let s = &line[start..];
    let lower: String = s.chars().take(24).collect::<String>().to_ascii_lowercase();
    let mut after = None;
    for &(m, kind) in MARKERS {
        if let Some(rest) = lower.strip_prefix(m) {
            let next = rest.chars().next();
            if next.is_none_or(|c| c == ':' || c == '-' || c == '|' || c.is_whitespace()) {
                after = Some((m.len(), kind));
                break;
            }
        }
    }
    let (pos, marker) = match after {
        Some((len, kind)) => {
            let rest = s.get(len..)?;
            let skip = rest.len() - rest.trim_start_matches([':', '-', '|', ' ', '\t']).len();
            (len + skip, kind)
        }
        None => (0, Marker::Bare),
    };
    // Skip up to five filler words (times, zones, separators) before the date.
    let mut p = pos;
    for _ in 0..=5 {
        // a date in brackets ("(March 20, 2007)")
        if s[p..].starts_with('(') {
            p += 1;
        }
        let rest = &s[p..];
        if let Some((iso_day, used)) = parse_date_prefix(rest) {
            let mut end = p + used;
            // Swallow a trailing time, zone and separators.
            loop {
                let tail = &s[end..];
                let trimmed = tail.trim_start_matches([',', ' ', '\t', '|']);
                // the update that follows on the same line ("PUBLISHED: 02:31 GMT, 12 March
                // 2013 | UPDATED: 22:19 GMT, 12 March 2013") belongs to the date line
                let update = trimmed.get(..7).is_some_and(|w| w.eq_ignore_ascii_case("updated"))
                    && parse_meta_line(trimmed).is_some_and(|m| trimmed[m.end..].trim().is_empty());
                if update {
                    end = s.len();
                    break;
                }
                let wlen = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
                let word = &trimmed[..wlen];
                if wlen > 0 && is_time_filler(word) {
                    end += tail.len() - trimmed.len() + wlen;
                } else {
                    break;
                }
            }
            let tail = &s[end..];
            end += tail.len() - tail.trim_start_matches([',', '.', ')']).len();
            // A bare date must be the whole line: a sentence may begin with a date. It may be
            // followed by another date line ("…, updated April 30, 2008 at 8:33 AM").
            let rest = &s[end..];
            let tagged = s[..end].trim_end().ends_with(['-', '–', '—', '|']) && is_place_tag(rest);
            if tagged {
                end = s.len();
            } else if marker == Marker::Bare && !rest.trim().is_empty() {
                parse_meta_line(rest).filter(|m| rest[m.end..].trim().is_empty())?;
                end = s.len();
            }
            return Some(MetaDate { iso: iso_day, marker, start, end: start + end });
        }
        let trimmed = rest.trim_start();
        let wlen = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        if wlen == 0 || !is_time_filler(&trimmed[..wlen]) {
            return None;
        }
        // a word of capitals opening a bare line is a dateline's place, not a time zone ("HONG
        // KONG 1996-08-30", "NEW YORK 2025-02-16": see `parse_place_date_line`)
        if marker == Marker::Bare && p == pos && trimmed[..wlen].chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        p += rest.len() - trimmed.len() + wlen;
    }
    None
}

/// Reads a dateline that is a whole line: a place, then a date line ("WASHINGTON, DC, April 28,
/// 2009", "Washington D. C., Jul 13, 2009 / 02:00 pm (CNA)"). The place is at most three
/// comma-separated parts of capitalised words, 40 bytes in all.
///
/// A place in capitals without a comma ("HONG KONG 1996-08-30", "LONDON 12 March 2013") is a
/// dateline too; its metadata then starts at the date, so the place stays in the text.
pub(crate) fn parse_place_date_line(line: &str) -> Option<MetaDate> {
    let lead = line.len() - line.trim_start().len();
    let line = line.trim();
    if let Some(m) = capitals_place_date(line) {
        return Some(MetaDate { start: lead + m.start, end: lead + m.end, ..m });
    }
    let mut from = 0;
    for _ in 0..3 {
        let comma = from + line.get(from..)?.find(',')?;
        if comma > 40 {
            return None;
        }
        let place_ok = line[..comma].split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if !place_ok {
            return None;
        }
        let rest = &line[comma + 1..];
        if let Some(m) = parse_meta_line(rest).filter(|m| m.marker == Marker::Bare && rest[m.end..].trim().is_empty()) {
            return Some(MetaDate { iso: m.iso, marker: Marker::Bare, start: 0, end: line.len() });
        }
        from = comma + 1;
    }
    None
}

/// A place of one to three words in capitals, then a bare date ending the line ("HONG KONG
/// 1996-08-30"); the returned metadata is the date alone.
fn capitals_place_date(line: &str) -> Option<MetaDate> {
    let mut at = 0;
    for words in 1..=3 {
        let rest = &line[at..];
        let wlen = rest.find(char::is_whitespace)?;
        let word = &rest[..wlen];
        let capitals = word.chars().any(char::is_alphabetic)
            && word.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\''));
        if !capitals {
            return None;
        }
        at += wlen;
        at += line[at..].len() - line[at..].trim_start().len();
        let date = &line[at..];
        if let Some(m) = parse_meta_line(date).filter(|m| m.marker == Marker::Bare && date[m.end..].trim().is_empty()) {
            return Some(MetaDate { iso: m.iso, marker: Marker::Bare, start: at + m.start, end: at + m.end });
        }
        if words == 3 {
            break;
        }
    }
    None
}

/// A publication day stated by an article's URL: `/2011/11/10/`, `/2009/apr/28/`, `2011-11-10`,
/// `2011_11_10` or eight digits `20110415` standing alone between non-digits. Only the URL's
/// path is read (a host never dates a page), and only years a news page can have.
pub(crate) fn from_url(url: &str) -> Option<String> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    // separated: YYYY sep MM|mon sep DD with one separator (/ - _), the day ending the segment
    let seps = ['/', '-', '_', '.'];
    let mut tokens: Vec<(&str, Option<char>)> = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        let end = rest.find(seps).unwrap_or(rest.len());
        let sep = rest[end..].chars().next();
        tokens.push((&rest[..end], sep));
        rest = rest.get(end + sep.map_or(0, char::len_utf8)..).unwrap_or("");
    }
    for w in tokens.windows(3) {
        let [(y, s1), (m, s2), (d, s3)] = [w[0], w[1], w[2]];
        // one separator throughout, or `YYYY-MM/DD/` (Xinhua's year-month folder)
        let folder = s1 == Some('-') && s2 == Some('/') && matches!(s3, None | Some('/'));
        if (s1 != s2 && !folder) || s1 == Some('.') || !(s3.is_none() || s3 == s1 || s3 == Some('.') || s3 == Some('/'))
        {
            continue;
        }
        let (Some(y), Some(d)) = (url_year(y), url_day(d)) else { continue };
        // one-digit months only between slashes (`/2012/6/11/`)
        let month_digits = if s1 == Some('/') { 1..=2 } else { 2..=2 };
        let m = if month_digits.contains(&m.len()) && m.bytes().all(|b| b.is_ascii_digit()) {
            m.parse().ok()
        } else if m.len() >= 3 && m.bytes().all(|b| b.is_ascii_alphabetic()) {
            month_number(m)
        } else {
            None
        };
        if let Some(day) = m.and_then(|m| iso(y, m, d)) {
            return Some(day);
        }
    }
    // two path segments: `/YYYY/MMDD/` (People's Daily) or `/YYYYMM/DD/` (China Daily)
    for (k, w) in tokens.windows(2).enumerate() {
        let [(a, s1), (b, s2)] = [w[0], w[1]];
        let after_slash = k > 0 && tokens[k - 1].1 == Some('/');
        if !after_slash || s1 != Some('/') || !matches!(s2, None | Some('/')) || !b.bytes().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        let (y, m, d) = match (a.len(), b.len()) {
            (4, 4) => (url_year(a), b[..2].parse().ok(), b[2..].parse().ok()),
            (6, 2) if a.bytes().all(|c| c.is_ascii_digit()) => (url_year(&a[..4]), a[4..].parse().ok(), b.parse().ok()),
            _ => continue,
        };
        if let Some(day) = y.zip(m).zip(d).and_then(|((y, m), d)| iso(y, m, d)) {
            return Some(day);
        }
    }
    // eight digits alone: 20110415
    let b = path.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i - start == 8 {
            let run = &path[start..i];
            let (Some(y), Ok(m), Ok(d)) = (url_year(&run[0..4]), run[4..6].parse::<u32>(), run[6..8].parse::<u32>())
            else {
                continue;
            };
            if let Some(day) = iso(y, m, d) {
                return Some(day);
            }
        }
    }
    None
}

/// A year in a URL: four digits from 1990 to 2099.
fn url_year(s: &str) -> Option<i32> {
    let y: i32 = (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()?;
    (1990..=2099).contains(&y).then_some(y)
}

/// A day of the month in a URL: two digits (or one).
fn url_day(s: &str) -> Option<u32> {
    ((1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_forms() {
        for s in [
            "2025-02-16",
            "16 February 2025",
            "16th Feb. 2025",
            "Feb. 16, 2025",
            "February 16 2025",
            "Sunday, 16 February 2025",
            "Sun 16 Feb 2025",
            "2025/02/16",
        ] {
            assert_eq!(parse_date_prefix(s).map(|d| d.0).as_deref(), Some("2025-02-16"), "{s}");
        }
        assert!(parse_date_prefix("31 February 2025").is_none());
        assert!(parse_date_prefix("May 2025 was warm").is_none());
    }

    #[test]
    fn normalize() {
        assert_eq!(normalize_published("2025-02-16T08:30:00Z").as_deref(), Some("2025-02-16T08:30:00Z"));
        assert_eq!(normalize_published("2025-02-16 08:30:00").as_deref(), Some("2025-02-16"));
        assert_eq!(normalize_published("Mon, 17 Feb 2025 10:00:00 GMT").as_deref(), Some("2025-02-17"));
        assert_eq!(normalize_published("yesterday"), None);
        assert_eq!(normalize_published("2025-13-01"), None);
    }

    #[test]
    fn meta_lines() {
        let line = " date 2025-02-16 Amid European concern";
        let m = parse_meta_line(line).unwrap();
        assert_eq!(m.iso, "2025-02-16");
        assert_eq!(line[m.end..].trim_start(), "Amid European concern");
        assert_eq!(&line[m.start..m.end], "date 2025-02-16");
        let m = parse_meta_line("Published: 16 February 2025").unwrap();
        assert_eq!(m.marker, Marker::Published);
        let line = "Updated 10:32 GMT, Feb. 16, 2025 | 11:00 GMT";
        let m = parse_meta_line(line).unwrap();
        assert_eq!((m.marker, m.end), (Marker::Updated, line.len()));
        assert!(parse_meta_line("Date:2025-02-16").is_some());
        assert!(parse_meta_line("Monday 17 February 2025").is_some());
        assert!(parse_meta_line("16 February 2025 was a cold day.").is_none());
        assert!(parse_meta_line("Updated figures show growth in 2025.").is_none());
        assert!(parse_meta_line("Dates were set for 16 February 2025").is_none());
        assert!(parse_meta_line("Published in 16 February 2025").is_none());
    }

    #[test]
    fn date_lines_as_news_sites_write_them() {
        // (line, day): a line that is nothing but a publication date, as pages print it
        let mut wrong = Vec::new();
        for (line, day) in include_str!("../tests/cases/date_lines.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split_once('\t'))
        {
            let got = parse_meta_line(line).map(|m| m.iso);
            let want = (day != "-").then_some(day);
            if got.as_deref() != want {
                wrong.push(format!("{line:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn datelines_with_a_place() {
        for (line, day) in [
            ("WASHINGTON, DC, April 28, 2009", Some("2009-04-28")),
            ("Washington D. C., Jul 13, 2009 / 02: 00 pm (CNA)", Some("2009-07-13")),
            ("LONDON, 12 March 2013", Some("2013-03-12")),
            ("In Washington, April 28, 2009 was a warm day", None),
            ("Washington, DC, is where he lived", None),
            ("KUALA LUMPUR 2025-02-16", Some("2025-02-16")),
            ("OSLO 16 February 2025", Some("2025-02-16")),
            ("Oslo is 2025-02-16", None),
        ] {
            assert_eq!(parse_place_date_line(line).map(|m| m.iso).as_deref(), day, "{line}");
        }
        // the place in capitals stays out of the metadata
        let m = parse_place_date_line("NEW YORK 2025-02-16");
        assert_eq!(m.map(|m| (m.start, m.end)), Some((9, 19)));
    }

    #[test]
    fn dates_in_urls() {
        for (url, day) in [
            ("http://nypost.com/2013/05/02/lindsay-lohan-is-mia/", Some("2013-05-02")),
            ("http://www.theguardian.com/film/2013/aug/02/ellen-degeneres-host-oscars-2014", Some("2013-08-02")),
            ("http://www.utsandiego.com/news/2009/dec/07/texas-prisoner/all/?print", Some("2009-12-07")),
            ("https://example.com/news/2011-11-10-storm-hits", Some("2011-11-10")),
            ("http://www.kpopstarz.com/articles/30409/20130606/esther-williams-dies.htm", Some("2013-06-06")),
            ("http://www.reuters.com/article/2013/08/02/us-oscars-idUSBRE9710UQ20130802", Some("2013-08-02")),
            ("http://www.itv.com/news/wales/story/2013-06-10/aberdare-woman-found-dead/", Some("2013-06-10")),
            ("http://articles.example.com/2011-11-12/india/30391127_1_somali-pirate", Some("2011-11-12")),
            ("http://www.theverge.com/2012/6/11/3078122/new-macbook-air", Some("2012-06-11")),
            ("http://example.com/2012-6-11-story", None),
            ("http://www.people.com/people/article/0,,20697025,00.html", None),
            ("http://www.vulture.com/2013/08/5-thoughts-on-ellen.html", None),
            ("http://20130606.example.com/story", None),
            ("http://example.com/a?date=2013-06-06", None),
            ("http://ex.cn/n1/2013/0606/c1002-21757000.html", Some("2013-06-06")),
            ("https://ex.cn/a/201306/06/WS5a00.html", Some("2013-06-06")),
            ("http://ex.cn/world/2013-06/06/c_132435000.htm", Some("2013-06-06")),
            ("http://example.com/photos/2013/1234/", None),
            ("http://example.com/id/201306/123/", None),
        ] {
            assert_eq!(from_url(url).as_deref(), day, "{url}");
        }
    }
}
