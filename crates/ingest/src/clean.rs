//! Cleaning scraped article text: metadata lines, photo captions, teasers, sign-up footers,
//! share bars and other page furniture are taken out, and each removal is recorded.
//!
//! Rules look at the *form* of a line (credit notations, link labels, bullet headlines,
//! newsletter wording), never at a particular story's words. Strong rules remove a line
//! wherever it stands; weak rules (bullet headlines, stray short lines) only remove a line that
//! sits next to page furniture already found, so lists inside an article are kept.

use aho_corasick::{AhoCorasick, MatchKind};
use parallax_doc::Removed;

use crate::dates::{parse_meta_line, parse_place_date_line, Marker};

/// How hard to clean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Level {
    /// Scraped plain text: every rule.
    Full,
    /// Text already extracted from HTML paragraphs: strong rules only.
    Light,
}

/// The result of cleaning.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// The cleaned text.
    pub text: String,
    /// What was taken out.
    pub removed: Vec<Removed>,
    /// Notes for the user.
    pub notes: Vec<String>,
    /// A publication day read from a metadata line, with its marker.
    pub published: Option<(String, Marker)>,
}

/// Normalises line breaks and invisible characters.
fn normalize(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\t' => out.push(' '),
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            '\u{200b}' | '\u{feff}' | '\u{ad}' => {}
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Blank,
    Content,
    /// Removed wherever it stands.
    Strong(&'static str),
    /// Removed only next to other removed lines.
    Weak(&'static str),
    /// Removed.
    Gone(&'static str),
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// True when the line ends like a sentence.
fn ends_sentence(s: &str) -> bool {
    s.trim_end().chars().next_back().is_some_and(|c| ".!?\"'”’)»:;…".contains(c))
}

/// Credit notations that mark a photo caption.
static CAPTION_MARKS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/clean/caption_marks.txt")));

/// Finds any of [`CAPTION_MARKS`] in one pass.
static CAPTION_SEARCH: std::sync::LazyLock<AhoCorasick> =
    std::sync::LazyLock::new(|| AhoCorasick::new(CAPTION_MARKS.iter()).expect("a short list of marks"));

/// Line-initial labels of captions ("Photo: Jane Roe/AP").
static CAPTION_LABELS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/clean/caption_labels.txt")));

/// Labels of links to other stories.
static TEASER_LABELS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/clean/teaser_labels.txt")));

/// Wording of sign-up boxes and page footers.
static FOOTER_PHRASES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/clean/footer_phrases.txt")));

/// Finds the leftmost of [`FOOTER_PHRASES`] in one pass.
static FOOTER_SEARCH: std::sync::LazyLock<AhoCorasick> = std::sync::LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(FOOTER_PHRASES.iter())
        .expect("a short list of phrases")
});

/// Line-initial wording of agency footers ("Reporting by Jane Roe; Editing by John Doe").
const FOOTER_PREFIXES: &[&str] = &[
    "reporting by ",
    "additional reporting by ",
    "additional reporting from ",
    "editing by ",
    "writing by ",
    "compiled by ",
    "(reporting by ",
    "(additional reporting by ",
    "(editing by ",
];

/// Words of share bars and page chrome: a line made only of these is furniture.
static CHROME_WORDS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/clean/chrome_words.txt")));

/// True when a (lower-case) line is made only of share-bar and page-chrome words and counts,
/// with at least one word that only chrome uses ("share", "advertisement").
fn is_chrome(lower: &str) -> bool {
    let bare: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || "|·•,/()[]:-–—".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let chrome_count = bare.iter().filter(|w| w.is_empty() || CHROME_WORDS.contains(w) || is_count(w)).count();
    let has_chrome_signal = bare.iter().any(|w| {
        matches!(
            *w,
            "share"
                | "facebook"
                | "twitter"
                | "whatsapp"
                | "linkedin"
                | "advertisement"
                | "reuse"
                | "explore"
                | "print"
                | "bookmark"
                | "comments"
                | "listen"
                | "sponsored"
                | "tweet"
                | "menu"
        )
    });
    !bare.is_empty() && chrome_count == bare.len() && has_chrome_signal
}

/// Classifies one (trimmed, non-empty) line.
fn classify(line: &str, level: Level) -> Kind {
    let words = word_count(line);
    let lower = line.to_lowercase();

    // Share bars, "Advertisement", "Reuse this content", "Explore more on these topics".
    if words <= 12 && is_chrome(&lower) {
        return Kind::Strong("boilerplate");
    }
    if lower.contains("cookie")
        && ["we use", "accept", "consent", "cookie policy", "cookie settings", "cookies policy"]
            .iter()
            .any(|p| lower.contains(p))
        && words <= 60
    {
        return Kind::Strong("boilerplate");
    }

    // Photo captions and credits.
    if words <= 80 && CAPTION_SEARCH.is_match(line) {
        return Kind::Strong("caption");
    }
    if words <= 80 && CAPTION_LABELS.iter().any(|m| line.starts_with(m)) {
        return Kind::Strong("caption");
    }
    if words <= 80 && ends_with_credit(line) {
        return Kind::Strong("caption");
    }

    // Links to other stories.
    let unbulleted = strip_bullet(line).unwrap_or(line);
    let unbulleted_lower = unbulleted.to_lowercase();
    if words <= 40
        && TEASER_LABELS.iter().any(|l| {
            unbulleted_lower.starts_with(l)
                && (l.ends_with(':') || unbulleted_lower[l.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
        })
    {
        return Kind::Strong("teaser");
    }

    // Sign-up boxes and footers.
    if words <= 60 && (FOOTER_SEARCH.is_match(&lower) || FOOTER_PREFIXES.iter().any(|p| lower.starts_with(p))) {
        return Kind::Strong("footer");
    }
    if words <= 60
        && lower.contains("newsletter")
        && ["sign up", "subscribe", "inbox", "get the", "our newsletter", "free newsletter"]
            .iter()
            .any(|p| lower.contains(p))
    {
        return Kind::Strong("footer");
    }

    if level == Level::Full {
        // Bullet headlines: teasers when they stand next to other furniture.
        if let Some(rest) = strip_bullet(line) {
            if !ends_sentence(rest) && word_count(rest) >= 3 {
                return Kind::Weak("teaser");
            }
        }
        // Short lines without punctuation ("Ukraine", "Topics", "Europe news").
        if words <= 5 && !ends_sentence(line) {
            return Kind::Weak("boilerplate");
        }
    }
    Kind::Content
}

/// "12", "1.2k", "3 min" counts in share bars.
fn is_count(w: &str) -> bool {
    !w.is_empty() && w.trim_end_matches(['k', 'm']).bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// The rest of a line after a list bullet, if it has one.
fn strip_bullet(line: &str) -> Option<&str> {
    ["* ", "• ", "- ", "– ", "— ", "· ", "▪ ", "► ", "■ ", "» "]
        .iter()
        .find_map(|b| line.strip_prefix(b))
        .map(str::trim_start)
}

/// True when the line ends with a photo credit ("... Jane Roe/Reuters", "... Getty Images").
fn ends_with_credit(line: &str) -> bool {
    let l = line.trim_end();
    if l.ends_with("Getty Images") {
        return true;
    }
    let Some(slash) = l.rfind('/') else {
        return false;
    };
    let after = l[slash + 1..].trim();
    let before = &l[..slash];
    // The photographer's name before the slash is capitalised and not a URL.
    let name_ok = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !w.contains(':'));
    name_ok && crate::outlet::gazetteer().is_credit(after)
}

/// Splits a footer glued to the end of a real sentence: returns the byte where the footer
/// starts, when the part before it is a complete sentence of some length.
fn footer_cut(line: &str) -> Option<usize> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        // Lowercasing changed byte offsets; don't risk a wrong cut.
        return None;
    }
    let hit = FOOTER_SEARCH.find(&lower).map(|m| m.start()).into_iter().chain(lower.find("newsletter")).min()?;
    let head = line.get(..hit)?;
    // The last sentence end before the footer.
    let cut = head
        .char_indices()
        .filter(|&(i, c)| {
            ".!?”\"".contains(c) && head[i + c.len_utf8()..].chars().next().is_none_or(|n| n == ' ' || n.is_uppercase())
        })
        .map(|(i, c)| i + c.len_utf8())
        .next_back()?;
    (word_count(&line[..cut]) >= 8).then_some(cut)
}

/// True for a last word that cannot end a sentence: a function word ("and", "the") or a
/// fragment of one or two lowercase letters that is not a word ("se").
fn cannot_end_sentence(word: &str) -> bool {
    static FUNCTION: std::sync::LazyLock<Vec<&str>> =
        std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/clean/cannot_end_sentence.txt")));
    static SHORT_WORDS: std::sync::LazyLock<Vec<&str>> =
        std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../data/clean/short_words.txt")));
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    if FUNCTION.contains(&w) {
        return true;
    }
    (1..=2).contains(&w.chars().count()) && w.chars().all(|c| c.is_ascii_lowercase()) && !SHORT_WORDS.contains(&w)
}

/// Cleans raw article text.
pub(crate) fn clean(raw: &str, level: Level) -> Cleaned {
    let norm = normalize(raw);
    let norm = crate::respace::join_split_tokens(&norm);
    let mut out = Cleaned::default();
    let mut lines: Vec<String> = norm.lines().map(|l| l.trim().to_string()).collect();

    // Metadata lines: a date line at the head (the text may go on after it on the same
    // line), or a whole "Published: ..." / "Updated ..." line anywhere.
    let mut seen = 0;
    for line in lines.iter_mut() {
        if line.is_empty() {
            continue;
        }
        seen += 1;
        let head = seen <= 4;
        let Some(m) = parse_meta_line(line).or_else(|| (seen <= 6).then(|| parse_place_date_line(line)).flatten())
        else {
            continue;
        };
        let rest = line.get(m.end..).unwrap_or("").trim();
        let whole = rest.is_empty();
        let continues_sentence = rest.chars().next().is_some_and(char::is_lowercase);
        let allowed = match m.marker {
            // a line that is nothing but a date, under a headline and its standfirst
            Marker::Bare => seen <= 6 && whole,
            _ => whole || head && !continues_sentence,
        };
        if !allowed {
            continue;
        }
        // a dateline with its place ("HONG KONG 1996-08-30") dates the article and stays text:
        // the place is a name of the article, and the date beside it says the line is a dateline
        let dateline = !line.get(..m.start).unwrap_or("").trim().is_empty();
        if !dateline {
            let taken = line.get(m.start..m.end).unwrap_or("").trim().to_string();
            let rest = rest.to_string();
            out.removed.push(Removed { reason: "metadata", text: taken });
            *line = rest;
        }
        let better = matches!(
            (&out.published, m.marker),
            (None, _) | (Some((_, Marker::Updated | Marker::Bare)), Marker::Published)
        );
        if better {
            out.published = Some((m.iso.clone(), m.marker));
        }
    }

    // Footers glued to a complete sentence: keep the sentence, drop the footer.
    // Each line is classified once (a line cut in two: its head again).
    let mut split_lines: Vec<String> = Vec::with_capacity(lines.len());
    let mut glued: Vec<Option<String>> = Vec::with_capacity(lines.len());
    let mut kinds: Vec<Kind> = Vec::with_capacity(lines.len());
    for line in lines {
        let kind = if line.is_empty() { Kind::Blank } else { classify(&line, level) };
        let candidate = word_count(&line) > 8 && matches!(kind, Kind::Strong("footer") | Kind::Content);
        if let Some(cut) = candidate.then(|| footer_cut(&line)).flatten() {
            let tail = line[cut..].trim();
            if classify(tail, level) == Kind::Strong("footer") {
                let head = line[..cut].trim().to_string();
                kinds.push(if head.is_empty() { Kind::Blank } else { classify(&head, level) });
                split_lines.push(head);
                glued.push(Some(tail.to_string()));
                continue;
            }
        }
        kinds.push(kind);
        split_lines.push(line);
        glued.push(None);
    }
    let lines = split_lines;

    // Weak lines go when they touch removed lines (through blank lines); repeat until stable.
    for k in kinds.iter_mut() {
        if let Kind::Strong(r) = *k {
            *k = Kind::Gone(r);
        }
    }
    let last_content = kinds.iter().rposition(|k| *k == Kind::Content);
    loop {
        let mut changed = false;
        for i in 0..kinds.len() {
            let Kind::Weak(reason) = kinds[i] else {
                continue;
            };
            // Short plain lines are only furniture after the last real paragraph.
            if reason == "boilerplate" && last_content.is_some_and(|c| i < c) {
                continue;
            }
            let neighbour_gone = |range: &mut dyn Iterator<Item = usize>| {
                range.map(|j| kinds[j]).find(|k| *k != Kind::Blank).is_some_and(|k| matches!(k, Kind::Gone(_)))
            };
            if neighbour_gone(&mut (0..i).rev()) || neighbour_gone(&mut (i + 1..kinds.len())) {
                kinds[i] = Kind::Gone(reason);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }

    let kept_any = kinds.iter().any(|k| matches!(k, Kind::Content | Kind::Weak(_)));
    let mut text = String::with_capacity(norm.len());
    let mut pending_blank = false;
    for (i, line) in lines.iter().enumerate() {
        match kinds[i] {
            Kind::Gone(reason) if kept_any => {
                out.removed.push(Removed { reason, text: line.clone() });
                continue;
            }
            Kind::Blank => {
                pending_blank = !text.is_empty();
                continue;
            }
            _ => {}
        }
        if !text.is_empty() {
            text.push_str(if pending_blank { "\n\n" } else { "\n" });
        }
        pending_blank = false;
        text.push_str(line);
        if let Some(tail) = &glued[i] {
            out.removed.push(Removed { reason: "footer", text: tail.clone() });
        }
    }
    if !kept_any && kinds.iter().any(|k| matches!(k, Kind::Gone(_))) {
        out.notes.push("cleaning would have removed every line; the text is kept as it was".into());
    }

    // A last paragraph that stops mid-sentence: it ends in a word and either page furniture
    // was cut away right after it, or its last word cannot end a sentence ("and", "se").
    let trailing_removed = kinds
        .iter()
        .rposition(|k| matches!(k, Kind::Content | Kind::Weak(_)))
        .is_some_and(|i| kinds[i + 1..].iter().any(|k| matches!(k, Kind::Gone(_))));
    if let Some(last) = text.lines().next_back() {
        let last = last.trim();
        let ends_in_word = last.chars().next_back().is_some_and(char::is_alphanumeric);
        let last_word = last.rsplit(char::is_whitespace).next().unwrap_or("");
        if ends_in_word && word_count(last) >= 8 && (trailing_removed || cannot_end_sentence(last_word)) {
            let tail: String = {
                let chars: Vec<char> = last.chars().collect();
                let from = chars.len().saturating_sub(24);
                let s: String = chars[from..].iter().collect();
                s.split_once(' ').map_or(s.clone(), |(_, r)| r.to_string())
            };
            out.notes.push(format!("last paragraph is truncated: it ends mid-sentence (“…{tail}”)"));
        }
    }
    out.text = text;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(c: &Cleaned) -> Vec<&str> {
        c.removed.iter().map(|r| r.reason).collect()
    }

    #[test]
    fn captions() {
        for l in [
            "Protesters gather outside parliament in Tbilisi. (AP Photo/Jane Roe)",
            "The minister arrives in Brussels. Photograph: John Doe/Reuters",
            "Firefighters battle the blaze on Sunday. Irakli Doe/Reuters",
            "Image caption, The mayor speaking on Monday",
            "Delegates at the summit. REUTERS/Jane Roe",
            "Supporters wave flags in Lagos. Photo: Ada Obi/AFP via Getty Images",
            "The ruined bridge near Kherson, pictured in March. Getty Images",
        ] {
            assert_eq!(classify(l, Level::Full), Kind::Strong("caption"), "{l}");
        }
        for l in [
            "Getty Images, the photo agency, reported higher profits on Tuesday.",
            "The Simpsons (Twentieth Century Fox, BBC Two/Sky One/Channel 4)",
            "He said the photograph was taken in 1972.",
        ] {
            assert_eq!(classify(l, Level::Full), Kind::Content, "{l}");
        }
    }

    #[test]
    fn footers_and_teasers() {
        for (l, r) in [
            ("Sign up for our morning newsletter here", "footer"),
            ("Get breaking news alerts delivered to your inbox", "footer"),
            ("Read more: Mayor quits after row over budget", "teaser"),
            ("RELATED: Council votes on bridge plan", "teaser"),
            ("Share this article", "boilerplate"),
            ("Share on Facebook Share on Twitter Share via Email", "boilerplate"),
            ("Advertisement", "boilerplate"),
            ("We use cookies to improve your experience. Accept all", "boilerplate"),
        ] {
            assert_eq!(classify(l, Level::Full), Kind::Strong(r), "{l}");
        }
        for l in [
            "LG Card's creditors have given the group until Wednesday to sign up to a rescue.",
            "It hopes to sign up AOL's existing customers for high-speed broadband.",
            "Shares in UK Coal have fallen after the group reported losses.",
            "Kraft plans to cut back on advertising of products like Oreo cookies.",
            "He spread negative publicity via his newsletter.",
        ] {
            assert_eq!(classify(l, Level::Full), Kind::Content, "{l}");
        }
    }

    #[test]
    fn seed_tail() {
        let raw = "Scholz said it was too soon.\n\
            Germany's next Chancellor Friedrich Merz questioned on Sunday whether NATO would remain in its \"current form\" by June in light of the comments by U.S. Preside\n\
            * Ahead of UN showdown on Ukraine, US urges countries to vote no on rival European bid for action UN General Assembly to vote on two draft resolu\n\
            Ukrainian President Volodymyr Zelenskyy answers media questions during his press conference, in Kyiv, Ukraine, Sunday, Feb. 23, 2025. (AP Photo/Evgeniy Maloletk\n\
            Zelensky willing to step down in exchange for Nato membershipFor free real time breaking news alerts sent straight to your inbox sign up to our breaking news em";
        let c = clean(raw, Level::Full);
        assert!(c.text.ends_with("U.S. Preside"), "{}", c.text);
        assert_eq!(reasons(&c), ["teaser", "caption", "footer"]);
        assert_eq!(c.notes.len(), 1);
        assert!(c.notes[0].contains("truncated"));
    }

    #[test]
    fn lists_inside_articles_are_kept() {
        let raw = "The budget's main points:\n\n- Increased spending on health\n- Duty cuts on capital goods\n- Expanded service tax net\n\nThe minister said more would follow.";
        let c = clean(raw, Level::Full);
        assert!(c.removed.is_empty(), "{:?}", c.removed);
        let raw = "Markets were calm.\n- Shares in UK firm Phytopharm closed down 19.84% at 151.5 pence on Monday, after it said a partner was se";
        assert!(clean(raw, Level::Full).removed.is_empty());
    }

    #[test]
    fn metadata_line() {
        let c = clean(" date 2025-02-16 Amid European concern, allies met.\n\nMore text.", Level::Full);
        assert_eq!(c.text, "Amid European concern, allies met.\n\nMore text.");
        assert_eq!(c.published.as_ref().map(|p| p.0.as_str()), Some("2025-02-16"));
        assert_eq!(c.removed[0].reason, "metadata");
        assert_eq!(c.removed[0].text, "date 2025-02-16");
        let c = clean("Storm shuts port\nNEW YORK 2025-02-16\nThe port of Newark closed on Sunday.", Level::Full);
        assert_eq!(c.text, "Storm shuts port\nNEW YORK 2025-02-16\nThe port of Newark closed on Sunday.");
        assert!(c.removed.is_empty());
        assert_eq!(c.published.as_ref().map(|p| p.0.as_str()), Some("2025-02-16"));
        let c = clean("Published on 16 February 2025, the report said rents rose.", Level::Full);
        assert!(c.published.is_none());
        assert!(c.removed.is_empty());
    }

    #[test]
    fn glued_footer_after_sentence() {
        let raw = "The council will vote again in March, officials said.Sign up for our free local newsletter to get the latest news in your inbox";
        let c = clean(raw, Level::Full);
        assert_eq!(c.text, "The council will vote again in March, officials said.");
        assert_eq!(reasons(&c), ["footer"]);
    }

    #[test]
    fn trailing_furniture() {
        let raw = "The talks ended without a deal.\n\nExplore more on these topics\nUkraine\nRussia\nShare\nReuse this content";
        let c = clean(raw, Level::Full);
        assert_eq!(c.text, "The talks ended without a deal.");
        assert_eq!(c.removed.len(), 5, "{:?}", c.removed);
    }

    #[test]
    fn never_empties_a_text() {
        let c = clean("Advertisement", Level::Full);
        assert_eq!(c.text, "Advertisement");
        assert!(c.removed.is_empty());
    }
}
