//! Date expressions in short strings, in many languages: `2024-03-03`, `03.03.2024`, `3/3/2024`,
//! `3 March 2024`, `March 3rd, 2024`, `3. März 2024`, `3 de marzo de 2024`, `3 марта 2024`,
//! `2024年3月3日`, `20240303` (in URLs).
//!
//! Strings are split into tokens (numbers, words, separators) once; patterns are matched on
//! the tokens, so there is no regular expression and no backtracking.

use crate::dates::valid_ymd;

/// Earliest year taken as a web publication date.
pub(crate) const MIN_YEAR: i32 = 1995;
/// Latest year taken as a publication date: later ones are typos, deadlines or plans.
pub(crate) const MAX_YEAR: i32 = 2030;

/// A calendar day.
pub(crate) type Ymd = (i32, u32, u32);

/// True for a real day within the plausible publication years.
pub(crate) fn plausible(y: i32, m: u32, d: u32) -> bool {
    (MIN_YEAR..=MAX_YEAR).contains(&y) && valid_ymd(y, m, d)
}

/// `YYYY-MM-DD`.
pub(crate) fn ymd_string((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// A piece of a string: digits, a word of letters, or one other character.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    /// Digits with their value (saturating) and count.
    Num(u32, usize),
    /// Letters, lower-cased later when needed.
    Word(&'a str),
    /// One punctuation character.
    Punct(char),
}

/// Splits `s` into tokens with their byte offsets; whitespace separates tokens and is marked
/// on the token that follows it.
fn tokens(s: &str, limit: usize) -> Vec<(Tok<'_>, usize, bool)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    let mut space = false;
    while let Some((i, c)) = it.next() {
        if out.len() >= limit {
            break;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if c.is_ascii_digit() {
            let mut v: u32 = c as u32 - '0' as u32;
            let mut n = 1;
            while let Some(&(_, d)) = it.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                v = v.saturating_mul(10).saturating_add(d as u32 - '0' as u32);
                n += 1;
                it.next();
            }
            out.push((Tok::Num(v, n), i, space));
        } else if c.is_alphabetic() && !is_cjk_date_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if !d.is_alphabetic() || is_cjk_date_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            out.push((Tok::Word(&s[i..end]), i, space));
        } else {
            out.push((Tok::Punct(c), i, space));
        }
        space = false;
    }
    out
}

/// Year, month and day markers of Chinese, Japanese and Korean dates.
fn is_cjk_date_char(c: char) -> bool {
    matches!(c, '年' | '月' | '日' | '년' | '월' | '일')
}

/// How to read an all-numeric date with two small numbers before the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// `03/04/2024` is 3 April (most of the world).
    DayFirst,
    /// `03/04/2024` is March 4 when written with slashes (United States English).
    MonthFirstWithSlashes,
}

/// A date found in a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    /// The day.
    pub ymd: Ymd,
    /// Byte offset where the expression starts.
    pub start: usize,
    /// Byte offset just after it.
    pub end: usize,
    /// True when the month is written as a word or the order is unambiguous (year first).
    pub clear: bool,
}

/// A two-digit year: 90–99 in the 1900s, the rest in the 2000s.
fn two_digit_year(y: u32) -> i32 {
    if y >= 90 {
        1900 + y as i32
    } else {
        2000 + y as i32
    }
}

/// A day of the month (one or two digits, 1–31).
fn day_of(t: Option<&(Tok, usize, bool)>) -> Option<u32> {
    match t {
        Some((Tok::Num(v, n), _, _)) if *n <= 2 && (1..=31).contains(v) => Some(*v),
        _ => None,
    }
}

/// A four-digit number as a year.
fn year_of(t: Option<&(Tok, usize, bool)>) -> Option<i32> {
    match t {
        Some((Tok::Num(v, 4), _, _)) => Some(*v as i32),
        _ => None,
    }
}

/// The month named by a word token.
fn month_word_of(t: Option<&(Tok, usize, bool)>) -> Option<u32> {
    match t {
        Some((Tok::Word(w), _, _)) => {
            if w.len() > 24 {
                return None;
            }
            parallax_lexicon::closed::month_any_language(w)
        }
        _ => None,
    }
}

/// True for a punctuation token in `set`.
fn is_punct(t: Option<&(Tok, usize, bool)>, set: &[char]) -> bool {
    matches!(t, Some((Tok::Punct(c), _, _)) if set.contains(c))
}

/// True for a word token equal (ASCII case-insensitively) to one in `set`.
fn is_word(t: Option<&(Tok, usize, bool)>, set: &[&str]) -> bool {
    matches!(t, Some((Tok::Word(w), _, _)) if set.iter().any(|s| w.eq_ignore_ascii_case(s)))
}

/// End offset of token `k` in `s`.
fn tok_end(s: &str, toks: &[(Tok, usize, bool)], k: usize) -> usize {
    toks.get(k + 1).map_or(s.len(), |t| t.1).min(match toks[k].0 {
        Tok::Num(_, n) => toks[k].1 + n,
        Tok::Word(w) => toks[k].1 + w.len(),
        Tok::Punct(c) => toks[k].1 + c.len_utf8(),
    })
}

/// Every date expression in `s`, in order (at most `limit` tokens are read).
pub(crate) fn find_dates(s: &str, order: Order, limit: usize) -> Vec<Found> {
    let toks = tokens(s, limit);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((ymd, used, clear)) = match_at(&toks, i, order) {
            // A number glued before or after (part of a longer number, a version or a phone) spoils it.
            let glued_before = i > 0 && !toks[i].2 && matches!(toks[i - 1].0, Tok::Num(..));
            let next = toks.get(i + used);
            let glued_after = next.is_some_and(|t| !t.2 && matches!(t.0, Tok::Num(..)))
                || next.is_some_and(|t| !t.2 && matches!(t.0, Tok::Punct('.' | '/' | '-')))
                    && toks.get(i + used + 1).is_some_and(|t| !t.2 && matches!(t.0, Tok::Num(..)));
            if !glued_before && !glued_after && plausible(ymd.0, ymd.1, ymd.2) {
                out.push(Found { ymd, start: toks[i].1, end: tok_end(s, &toks, i + used - 1), clear });
                i += used;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The first date in `s`.
pub(crate) fn first_date(s: &str, order: Order) -> Option<Found> {
    find_dates(s, order, 64).into_iter().next()
}

/// A date starting at token `i`: the day, the number of tokens used, and whether it is clear.
fn match_at(t: &[(Tok, usize, bool)], i: usize, order: Order) -> Option<(Ymd, usize, bool)> {
    let tok = |k: usize| t.get(k);
    match t[i].0 {
        Tok::Num(v, 4) => {
            let y = v as i32;
            // 2024-03-05, 2024/3/5, 2024.03.05, 2024. 3. 5.
            if let Some(sep @ ('-' | '/' | '.')) = punct(tok(i + 1)) {
                if let (Some(m), true, Some(d)) = (day_of(tok(i + 2)), is_punct(tok(i + 3), &[sep]), day_of(tok(i + 4)))
                {
                    return Some(((y, m, d), 5, true));
                }
            }
            // 2024年3月5日, 2024년 3월 5일
            if matches!(tok(i + 1), Some((Tok::Punct('年' | '년'), _, _))) {
                if let (Some(m), Some((Tok::Punct('月' | '월'), _, _)), Some(d)) =
                    (day_of(tok(i + 2)), tok(i + 3), day_of(tok(i + 4)))
                {
                    return Some(((y, m, d), 5, true));
                }
            }
            // 2024. március 5., 2024 March 5
            let k = if is_punct(tok(i + 1), &['.', ',']) { i + 2 } else { i + 1 };
            if let (Some(m), Some(d)) = (month_word_of(tok(k)), day_of(tok(k + 1))) {
                return Some(((y, m, d), k + 2 - i, true));
            }
            None
        }
        Tok::Num(v, 8) => {
            // 20240305: only where nothing else is around (URLs, file names).
            let (y, m, d) = ((v / 10000) as i32, (v / 100) % 100, v % 100);
            Some(((y, m, d), 1, true))
        }
        Tok::Num(first, n) if n <= 2 => {
            // 05.03.2024, 05/03/2024, 5-3-2024, 05.03.24
            if let Some(sep @ ('-' | '/' | '.')) = punct(tok(i + 1)) {
                if let (Some(second), true) = (day_of(tok(i + 2)), is_punct(tok(i + 3), &[sep])) {
                    let year = match tok(i + 4) {
                        Some((Tok::Num(y, 4), _, _)) => Some(*y as i32),
                        Some((Tok::Num(y, 2), _, _)) if sep == '.' => Some(two_digit_year(*y)),
                        _ => None,
                    };
                    if let Some(y) = year {
                        let (d, m, clear) = if first > 12 {
                            (first, second, true)
                        } else if second > 12 {
                            (second, first, true)
                        } else if sep == '/' && order == Order::MonthFirstWithSlashes {
                            (second, first, first == second)
                        } else {
                            (first, second, first == second)
                        };
                        return Some(((y, m, d), 5, clear));
                    }
                }
            }
            // 5 March 2024, 5. März 2024, 5th of March, 2024, 5 de marzo de 2024, 5 марта 2024 г.,
            // 05-Mar-2024, 05-Mar-24
            let d = day_of(Some(&t[i]))?;
            let mut k = i + 1;
            let dash = punct(tok(k)).filter(|c| matches!(c, '-' | '/')).filter(|_| month_word_of(tok(k + 1)).is_some());
            if is_word(tok(k), &["st", "nd", "rd", "th", "er"]) || is_punct(tok(k), &['.']) || dash.is_some() {
                k += 1;
            }
            if is_word(tok(k), &["of", "de", "di", "del"]) {
                k += 1;
            }
            let m = month_word_of(tok(k))?;
            k += 1;
            if let Some(sep) = dash {
                // the same separator after the month, then the year glued to it
                if punct(tok(k)) != Some(sep) {
                    return None;
                }
                let y = match tok(k + 1) {
                    Some((Tok::Num(y, 4), _, false)) => *y as i32,
                    Some((Tok::Num(y, 2), _, false)) => two_digit_year(*y),
                    _ => return None,
                };
                return Some(((y, m, d), k + 2 - i, true));
            }
            if is_punct(tok(k), &['.', ',']) {
                k += 1;
            }
            if is_word(tok(k), &["de", "del"]) {
                k += 1;
            }
            let y = year_of(tok(k))?;
            Some(((y, m, d), k + 1 - i, true))
        }
        Tok::Word(_) => {
            // March 5, 2024; March 5th 2024; Mar. 5, 2024
            let m = month_word_of(Some(&t[i]))?;
            let mut k = i + 1;
            if is_punct(tok(k), &['.']) {
                k += 1;
            }
            let d = day_of(tok(k))?;
            k += 1;
            if is_word(tok(k), &["st", "nd", "rd", "th"]) {
                k += 1;
            }
            if is_punct(tok(k), &[',']) {
                k += 1;
            }
            let y = year_of(tok(k))?;
            Some(((y, m, d), k + 1 - i, true))
        }
        _ => None,
    }
}

/// A separator glued to what precedes it (a spaced `.` counts: `2024. 3. 5.`).
fn punct(t: Option<&(Tok, usize, bool)>) -> Option<char> {
    match t {
        Some((Tok::Punct(c), _, false)) => Some(*c),
        Some((Tok::Punct(c @ '.'), _, true)) => Some(*c),
        _ => None,
    }
}

/// The date in a URL's path: `/2024/03/05/`, `/2024-03-05-`, `_20240305`, or `/2024/03/` plus a
/// day only when written out (a month alone is not a day).
pub(crate) fn url_date(url: &str) -> Option<Ymd> {
    // Skip the scheme and host: host names may carry digits.
    let path = url.split_once("://").map_or(url, |(_, rest)| rest.find('/').map_or("", |p| &rest[p..]));
    let path = path.get(..path.len().min(400))?;
    let toks = tokens(path, 200);
    for i in 0..toks.len() {
        match toks[i].0 {
            Tok::Num(y, 4) if (MIN_YEAR as u32..=MAX_YEAR as u32).contains(&y) => {
                let sep = punct(toks.get(i + 1));
                if !matches!(sep, Some('/' | '-' | '_')) {
                    continue;
                }
                if i > 0 && !matches!(toks[i - 1].0, Tok::Punct(_)) {
                    continue;
                }
                // `/2024/0305/`: month and day as one path segment (People's Daily and others).
                if let Some((Tok::Num(md, 4), _, _)) = toks.get(i + 2) {
                    let (m, d) = (md / 100, md % 100);
                    if sep == Some('/') && ends_segment(toks.get(i + 3)) && plausible(y as i32, m, d) {
                        return Some((y as i32, m, d));
                    }
                    continue;
                }
                let (Some(m), Some(d)) = (num2(toks.get(i + 2)), num2(toks.get(i + 4))) else {
                    continue;
                };
                // The second separator may differ from the first: `/2024-03/05/` (Xinhua).
                if !is_punct(toks.get(i + 3), &['/', '-', '_']) {
                    continue;
                }
                if toks.get(i + 5).is_some_and(|t| matches!(t.0, Tok::Num(..) | Tok::Word(_)) && !t.2) {
                    continue;
                }
                if plausible(y as i32, m, d) {
                    return Some((y as i32, m, d));
                }
            }
            Tok::Num(d, 2) if i > 0 && is_punct(toks.get(i - 1), &['/']) => {
                // A path segment 29-10-2021.
                let (Some(m), Some(y)) = (num2(toks.get(i + 2)), toks.get(i + 4)) else { continue };
                let Tok::Num(y, 4) = y.0 else { continue };
                let bounded = toks.get(i + 5).is_none_or(|t| matches!(t.0, Tok::Punct('/' | '.' | '?' | '#')));
                if is_punct(toks.get(i + 1), &['-'])
                    && is_punct(toks.get(i + 3), &['-'])
                    && bounded
                    && plausible(y as i32, m, d)
                {
                    return Some((y as i32, m, d));
                }
            }
            // `/202403/05/`: year and month as one path segment (China Daily and others).
            Tok::Num(v, 6) if i > 0 && is_punct(toks.get(i - 1), &['/']) && is_punct(toks.get(i + 1), &['/']) => {
                let (y, m) = ((v / 100) as i32, v % 100);
                if let Some(d) = num2(toks.get(i + 2)).filter(|_| ends_segment(toks.get(i + 3))) {
                    if plausible(y, m, d) {
                        return Some((y, m, d));
                    }
                }
            }
            Tok::Num(v, 8) => {
                let (y, m, d) = ((v / 10000) as i32, (v / 100) % 100, v % 100);
                let bounded = |t: Option<&(Tok, usize, bool)>| t.is_none_or(|t| matches!(t.0, Tok::Punct(_)));
                if (i == 0 || bounded(toks.get(i - 1))) && bounded(toks.get(i + 1)) && plausible(y, m, d) {
                    return Some((y, m, d));
                }
            }
            _ => {}
        }
    }
    None
}

/// True when a path segment ends before `t`: at a slash or the end of the path.
fn ends_segment(t: Option<&(Tok, usize, bool)>) -> bool {
    t.is_none_or(|t| matches!(t.0, Tok::Punct('/')))
}

/// A one- or two-digit number.
fn num2(t: Option<&(Tok, usize, bool)>) -> Option<u32> {
    match t {
        Some((Tok::Num(v, 1 | 2), _, _)) => Some(*v),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Option<String> {
        first_date(s, Order::DayFirst).map(|f| ymd_string(f.ymd))
    }

    #[test]
    fn forms() {
        for s in [
            "2024-03-05",
            "2024-03-05T10:00:00+01:00",
            "05.03.2024",
            "5.3.2024, 10:00 Uhr",
            "05/03/2024",
            "5 March 2024",
            "5th of March, 2024",
            "March 5, 2024",
            "Mar. 5th 2024",
            "5. März 2024",
            "5 mars 2024",
            "5 de marzo de 2024",
            "5 марта 2024 г.",
            "5 березня 2024",
            "2024年3月5日",
            "2024. március 5.",
            "Published on Tuesday, 5 March 2024 at 10:00",
            "الثلاثاء، 05 مارس 2024 - 10:00 ص",
            "5 آذار 2024",
            "5 martie 2024",
            "5 Μαρτίου 2024",
            "5 ΜΑΡΤΙΟΥ 2024",
            "05-Mar-2024",
            "5-Mar-24 10:00",
            "05/Mar/2024:10:00:00",
        ] {
            assert_eq!(one(s).as_deref(), Some("2024-03-05"), "{s}");
        }
        assert_eq!(first_date("03/05/2024", Order::MonthFirstWithSlashes).map(|f| f.ymd), Some((2024, 3, 5)));
        assert_eq!(first_date("13/05/2024", Order::MonthFirstWithSlashes).map(|f| f.ymd), Some((2024, 5, 13)));
    }

    #[test]
    fn not_dates() {
        for s in [
            "version 1.2.2024.5",
            "call 12.34.5678",
            "2024",
            "May 2024",
            "31.02.2024",
            "5 March 2045",
            "1.1.1980",
            "5-Mar-1024",
        ] {
            assert_eq!(one(s), None, "{s}");
        }
    }

    #[test]
    fn urls() {
        assert_eq!(url_date("https://ex.com/news/2024/03/05/story"), Some((2024, 3, 5)));
        assert_eq!(url_date("https://ex.com/2024-03-05-story.html"), Some((2024, 3, 5)));
        assert_eq!(url_date("https://ex.com/story_20240305.html"), Some((2024, 3, 5)));
        assert_eq!(url_date("https://ex.com/2024/03/story"), None);
        assert_eq!(url_date("https://ex.com/news/05-03-2024"), Some((2024, 3, 5)));
        assert_eq!(url_date("https://ex.com/id/12345678"), None);
        assert_eq!(url_date("https://2024.ex.com/2024/13/05/x"), None);
        // month and day, or year and month, as one segment; mixed separators
        assert_eq!(url_date("http://ex.cn/n1/2024/0305/c1001-4001.html"), Some((2024, 3, 5)));
        assert_eq!(url_date("https://ex.cn/a/202403/05/WS01.html"), Some((2024, 3, 5)));
        assert_eq!(url_date("http://ex.cn/world/2024-03/05/c_1130.htm"), Some((2024, 3, 5)));
        assert_eq!(url_date("https://ex.com/2024/1345/x"), None);
        assert_eq!(url_date("https://ex.com/2024/0305x/y"), None);
        assert_eq!(url_date("https://ex.com/photos/202403/123456/"), None);
    }
}
