//! Undoing a tokeniser's spaces: text that went through a word tokeniser and back (research
//! corpora, some scrapers and feeds) arrives with spaces inside tokens: "a magnitude of 4. 6",
//! "at 2: 09 a. m.", "the U. S. Geological Survey", "Earthquaketrack. com". Left as they are,
//! "4. 6" ends a sentence after "4", a clock time and a decimal lose their value and "U. S."
//! splits a name. Each form joined here is one that edited prose does not write with the space
//! (none occurs in the BBC, NeuS or PolNeAR texts), so the join is safe on any text:
//!
//! * a decimal: one to three digits, ". ", one to three digits ("4. 6", "$2. 6 million"), the
//!   first standing alone (after a space, a bracket or a currency sign, not after "1,000" or a
//!   letter) and the second not going on as a number;
//! * a clock time: one or two digits, ": ", two digits ("2: 09", "06: 37: 46"), after "at" or
//!   before a meridiem or a zone ("6: 13 am", "5: 22 GMT"; not "Part 2: 10 ways");
//! * "a. m." and "p. m." (either case);
//! * two or more single capitals, each with its point ("U. S.", "U. S. A.");
//! * a web address's last part: a word, ". ", then "com", "org", "net", "gov" or "edu";
//! * a possessive or contraction with a space each side of its apostrophe ("AMD ’ s",
//!   "doesn ' t", "We ’ ve").

use std::borrow::Cow;

/// Address endings that are joined to the word before them ("Earthquaketrack. com").
const DOMAIN_ENDINGS: [&str; 5] = ["com", "org", "net", "gov", "edu"];

/// The text with the spaces of split tokens taken out; borrowed when there is none.
pub(crate) fn join_split_tokens(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    // a quick pass: every form has a point, a colon or an apostrophe beside a space
    if !b
        .windows(2)
        .any(|w| (matches!(w[0], b'.' | b':') && w[1] == b' ') || (w[0] == b' ' && matches!(w[1], b'\'' | 0xE2)))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        if matches!(b[i], b'.' | b':') && b[i + 1] == b' ' && joins_at(b, i) {
            // keep the point or colon, drop the space after it
            out.push_str(&text[last..=i]);
            last = i + 2;
            i += 2;
            continue;
        }
        if let Some(len) = (b[i] == b' ').then(|| spaced_contraction(b, i)).flatten() {
            // "AMD ’ s": drop the spaces around the apostrophe
            out.push_str(&text[last..i]);
            out.push_str(&text[i + 1..i + 1 + len]);
            last = i + len + 2;
            i = last;
            continue;
        }
        i += 1;
    }
    if last == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// Endings joined to a word by an apostrophe ("AMD ’ s", "doesn ’ t", "We ’ ve").
const CONTRACTION_ENDINGS: [&str; 7] = ["s", "t", "ve", "re", "ll", "d", "m"];

/// The apostrophe's length in bytes when the space at `i` opens " ’ s" (or " ' s", " ’ t", …)
/// after a letter or digit: a possessive or a contraction written with a space on each side.
fn spaced_contraction(b: &[u8], i: usize) -> Option<usize> {
    if !b[..i].last().is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    let after = &b[i + 1..];
    let len = if after.starts_with("’".as_bytes()) {
        3
    } else if after.starts_with(b"'") {
        1
    } else {
        return None;
    };
    let rest = after.get(len..)?.strip_prefix(b" ")?;
    CONTRACTION_ENDINGS
        .iter()
        .any(|end| rest.starts_with(end.as_bytes()) && rest.get(end.len()).is_none_or(|c| !c.is_ascii_alphanumeric()))
        .then_some(len)
}

/// Whether the space after the point or colon at `i` splits one token.
fn joins_at(b: &[u8], i: usize) -> bool {
    let before = &b[..i];
    let after = &b[i + 2..];
    if b[i] == b':' {
        return clock(before, after);
    }
    decimal(before, after) || meridiem(before, after) || capitals(before, after) || domain(before, after)
}

/// The length of the run of ASCII digits ending `before`.
fn digits_before(before: &[u8]) -> usize {
    before.iter().rev().take_while(|c| c.is_ascii_digit()).count()
}

/// The length of the run of ASCII digits opening `after`.
fn digits_after(after: &[u8]) -> usize {
    after.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// True when the byte before a number leaves it standing alone: the start, a space, a bracket
/// or a currency sign (the last byte of "£", "€" or "¥" in UTF-8 included).
fn opens_number(before: &[u8], run: usize) -> bool {
    match before.len().checked_sub(run + 1).map(|k| before[k]) {
        None => true,
        Some(c) => matches!(c, b' ' | b'\n' | b'(' | b'[' | b'$') || !c.is_ascii(),
    }
}

/// True when nothing after a number makes it go on: not a digit, letter, or a point or comma
/// followed by a digit, with or without a space ("1. 2. 3." is a list, not a decimal).
fn number_ends(rest: &[u8]) -> bool {
    match rest.first() {
        None => true,
        Some(c) if c.is_ascii_alphanumeric() => false,
        Some(b'.' | b',' | b':') => {
            let next = if rest.get(1) == Some(&b' ') { rest.get(2) } else { rest.get(1) };
            !next.is_some_and(u8::is_ascii_digit)
        }
        Some(_) => true,
    }
}

/// "4. 6": a decimal written with a space after its point.
fn decimal(before: &[u8], after: &[u8]) -> bool {
    let left = digits_before(before);
    let right = digits_after(after);
    // "1. 2. 3.": a number after a numbered point is the next point
    let head = &before[..before.len() - left];
    let listed = head.strip_suffix(b". ").is_some_and(|h| h.last().is_some_and(u8::is_ascii_digit));
    (1..=3).contains(&left)
        && (1..=3).contains(&right)
        && !listed
        && opens_number(before, left)
        && number_ends(&after[right..])
}

/// "2: 09", "06: 37: 46": a clock time written with a space after its colon.
fn clock(before: &[u8], after: &[u8]) -> bool {
    let left = digits_before(before);
    let right = digits_after(after);
    let standalone = match before.len().checked_sub(left + 1).map(|k| before[k]) {
        None => true,
        Some(c) => !c.is_ascii_alphanumeric(),
    };
    (1..=2).contains(&left)
        && right == 2
        && standalone
        && after.get(right).is_none_or(|c| !c.is_ascii_alphanumeric())
        && clock_context(before, left, &after[right..])
}

/// True when the words around "H: MM" make it a time of day: "at" before it, or after it (past
/// seconds) a meridiem ("am", "p. m.") or a zone written in capitals ("PST", "GMT"), so that
/// "Part 2: 10 ways" stays apart.
fn clock_context(before: &[u8], left: usize, rest: &[u8]) -> bool {
    let head = &before[..before.len() - left];
    if head.ends_with(b"at ") || head.ends_with(b"At ") {
        return true;
    }
    // seconds: ": 46" or ":46"
    let mut rest = rest;
    for sep in [&b": "[..], &b":"[..]] {
        if let Some(r) = rest.strip_prefix(sep) {
            if digits_after(r) == 2 {
                rest = &r[2..];
                break;
            }
        }
    }
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let word: Vec<u8> =
        rest.iter().take_while(|c| c.is_ascii_alphabetic() || **c == b'.' || **c == b' ').copied().take(5).collect();
    let lower = word.to_ascii_lowercase();
    let meridiem = [&b"am"[..], b"pm", b"a.m", b"p.m", b"a. m", b"p. m"]
        .iter()
        .any(|m| lower.starts_with(m) && lower.get(m.len()).is_none_or(|c| !c.is_ascii_alphabetic()));
    let zone_len = rest.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let zone = (2..=4).contains(&zone_len) && rest.get(zone_len).is_none_or(|c| !c.is_ascii_alphanumeric());
    meridiem || zone
}

/// "a. m.", "p. m.": the point after the "a" or "p".
fn meridiem(before: &[u8], after: &[u8]) -> bool {
    let Some((&letter, head)) = before.split_last() else { return false };
    matches!(letter.to_ascii_lowercase(), b'a' | b'p')
        && head.last().is_none_or(|c| !c.is_ascii_alphanumeric())
        && after.len() >= 2
        && after[0].eq_ignore_ascii_case(&b'm')
        && after[1] == b'.'
        && after.get(2).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// "U. S.": a single capital with its point, then another.
fn capitals(before: &[u8], after: &[u8]) -> bool {
    let Some((&letter, head)) = before.split_last() else { return false };
    letter.is_ascii_uppercase()
        && head.last().is_none_or(|c| !c.is_ascii_alphanumeric())
        && after.len() >= 2
        && after[0].is_ascii_uppercase()
        && after[1] == b'.'
        && after.get(2).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// "Earthquaketrack. com": an address's ending after a space.
fn domain(before: &[u8], after: &[u8]) -> bool {
    before.last().is_some_and(u8::is_ascii_alphanumeric)
        && DOMAIN_ENDINGS.iter().any(|end| {
            after.starts_with(end.as_bytes()) && after.get(end.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::join_split_tokens;

    /// (input, expected) pairs; expected equal to input means nothing is joined.
    const CASES: &[(&str, &str)] = &[
        ("a preliminary magnitude of 4. 6 was recorded", "a preliminary magnitude of 4.6 was recorded"),
        ("a $2. 6 - million booty", "a $2.6 - million booty"),
        ("(93. 6 billion pounds)", "(93.6 billion pounds)"),
        ("at 2: 09 a. m. Thursday", "at 2:09 a.m. Thursday"),
        ("Posted: 03 / 14 / 2013 06: 37: 46 AM PDT", "Posted: 03 / 14 / 2013 06:37:46 AM PDT"),
        ("the U. S. Geological Survey", "the U.S. Geological Survey"),
        ("born in the U. S. A. in 1950", "born in the U.S.A. in 1950"),
        ("According to Earthquaketrack. com, it is", "According to Earthquaketrack.com, it is"),
        (
            "AMD ’ s transformation; it doesn ' t change; We ’ ve seen",
            "AMD’s transformation; it doesn't change; We’ve seen",
        ),
        ("rock ' n ' roll and a ’ quoted ’ word", "rock ' n ' roll and a ’ quoted ’ word"),
        // prose: a sentence ending in a year or a big number, a list, a heading, a name
        ("It opened in 2012. 5 people came.", "It opened in 2012. 5 people came."),
        ("It cost 1,000. 5 of them", "It cost 1,000. 5 of them"),
        ("cases of COVID-19. 20 more", "cases of COVID-19. 20 more"),
        ("Steps 1. 2. 3.", "Steps 1. 2. 3."),
        ("Part 2: 10 ways to save", "Part 2: 10 ways to save"),
        (
            "at 12: 41 PM, and 6: 13 am; 5: 22 GMT; at 7: 30 the doors",
            "at 12:41 PM, and 6:13 am; 5:22 GMT; at 7:30 the doors",
        ),
        ("Chapter 2: Ten ways", "Chapter 2: Ten ways"),
        ("He met Jones. Smith said no.", "He met Jones. Smith said no."),
        ("Vitamin A. Most people", "Vitamin A. Most people"),
        ("I said: 10 is enough", "I said: 10 is enough"),
    ];

    #[test]
    fn split_tokens_are_joined_and_prose_is_kept() {
        for (input, expected) in CASES {
            assert_eq!(join_split_tokens(input), *expected, "input {input:?}");
        }
    }
}
