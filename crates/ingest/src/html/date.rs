//! The page's original publication date, from its sources in order of trust: the URL's date,
//! `<meta>` tags, JSON-LD, dated markup (`<time pubdate>`, `itemprop="datePublished"`,
//! `class="entry-date"`), a date line opening the text right above or below the headline,
//! elements whose class or id speaks of a date or byline, `<time>` elements (and `<abbr>`
//! timestamps), "Published on ..." phrases, a dateline opening a paragraph, and short dated
//! strings in the text. Modification dates only stand in when nothing says when the page was
//! first published, and a page is not dated after the day its text says it was first published
//! ("originally published on March 3, 2021"): an earlier source or that day is taken instead
//! (when the text gives only the month and no source agrees with it, the date stays).
//! A generic meta date (`<meta name="date">`, `DC.date`), when nothing more specific dates the
//! page, gives way to another day shown in the page's date line. Dates inside posts embedded from
//! social networks, comments' timestamps, and the dates of other articles' teasers (in another
//! `<article>` than the headline's, or beside a headline link in a list item) are not the page's.
//!
//! Among the trusted sources (address, meta tags, JSON-LD, dated markup) the first found wins:
//! the address is written when the page is created, and trying "the earliest of them" did worse
//! on the evaluation pages. Among `<time>` elements the earliest wins; among short dated strings,
//! the one beside the headline, else the earliest. Text that the page hides is not a day it shows.
//! The page is walked once; no date later than [`MAX_YEAR`] or earlier than [`MIN_YEAR`] is
//! taken, so the result never depends on today's date.

use std::borrow::Cow;

use parallax_doc::Provenance;
use scraper::{ElementRef, Html, Node};

use super::date_text::{find_dates, first_date, plausible, url_date, ymd_string, Order, Ymd};
use super::ld::LdMeta;
use crate::dates::normalize_published;

#[cfg(doc)]
use super::date_text::{MAX_YEAR, MIN_YEAR};

/// Meta names and properties that give the original publication date (lower-case).
static META_PUBLISHED: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/meta_published.txt")));

/// Meta names of a page's date that do not say which date it is (`date`, `dc.date`): content
/// systems fill them with the day of the last edit as often as with the day of publication.
static GENERIC_META_DATES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/meta_generic.txt")));

/// Meta names and properties that give a modification date (lower-case).
static META_MODIFIED: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/meta_modified.txt")));

/// What one walk over the page collects for dating it.
#[derive(Default)]
struct Scan<'a> {
    /// Publication dates of `<meta>` tags, as written, in page order.
    meta_published: Vec<&'a str>,
    /// For each of `meta_published`, whether its name is a generic one ([`GENERIC_META_DATES`]).
    meta_generic: Vec<bool>,
    /// The first non-zero UTC offset (minutes) written in a timestamp of the page.
    page_offset: Option<i32>,
    /// Earliest modification date of a `<meta>` tag.
    meta_modified: Option<Ymd>,
    /// Latest modification date of a `<meta>` tag.
    meta_modified_latest: Option<Ymd>,
    /// `<link rel=canonical>` or `og:url`.
    canonical: Option<&'a str>,
    /// `og:image`, whose path may carry a date.
    image: Option<&'a str>,
    /// Markup that says it holds the publication date: its value and its visible text.
    marked: Vec<(String, String)>,
    /// Elements whose class or id speaks of dates, bylines or post metadata.
    cue_elements: Vec<ElementRef<'a>>,
    /// `datetime` of the other `<time>` elements, or their text when they have none.
    times: Vec<Cow<'a, str>>,
    /// `<title>` and `<h1>` elements.
    headings: Vec<ElementRef<'a>>,
    /// Visible text nodes.
    texts: Vec<&'a str>,
    /// The number of text nodes before the first `<h1>`: where the article's headline stands.
    headline_at: Option<usize>,
    /// The number of visible text nodes inside that first `<h1>`.
    headline_len: usize,
    /// That first `<h1>`.
    headline: Option<ElementRef<'a>>,
    /// The `<article>` around each entry of `marked`, when there is one.
    marked_in: Vec<Option<ElementRef<'a>>>,
    /// Whether an embedded post has been met so far: only then are ancestors looked at for one.
    embeds: bool,
}

/// Parts of class and id names that mark an element about dates, bylines or post metadata.
static DATE_CLASS_CUES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/date_class_cues.txt")));

/// True when one of the names of a class or id attribute names a date, a byline or post
/// metadata (after htmldate's cues); a name about updates does not count, but does not spoil
/// another name beside it (`class="post-date updated"`, as many themes write it).
fn is_cue_name(v: &str) -> bool {
    v.split_whitespace().any(is_cue_word)
}

/// True when one class or id name speaks of a date, a byline or post metadata.
fn is_cue_word(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    if l.contains("update") || l.contains("modif") {
        return false;
    }
    DATE_CLASS_CUES.iter().any(|c| l.contains(c))
}

/// The first `max` bytes of an element's text, whitespace collapsed.
fn short_text(el: &ElementRef, max: usize) -> String {
    element_text(el, max, false)
}

/// The first `max` bytes of the text of an element that readers see: none of a hidden element
/// (`hidden`, `aria-hidden`, `display: none`, a class such as `hidden` or `sr-only`), whose
/// dates are for search engines.
fn seen_text(el: &ElementRef, max: usize) -> String {
    if is_hidden(el.value()) {
        return String::new();
    }
    element_text(el, max, true)
}

/// True when an element's attributes hide it from readers.
fn is_hidden(e: &scraper::node::Element) -> bool {
    if e.attr("hidden").is_some() || e.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    let style = e.attr("style").is_some_and(|s| {
        let squashed: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        squashed.contains("display:none") || squashed.contains("visibility:hidden")
    });
    style
        || e.attr("class").is_some_and(|c| {
            c.split_whitespace().any(|w| {
                let w = w.to_ascii_lowercase();
                w.contains("hidden") || w == "sr-only" || w.contains("screen-reader") || w == "visually-hidden"
            })
        })
}

/// The first `max` bytes of an element's text, whitespace collapsed; `seen` leaves out the text
/// of hidden elements inside it.
fn element_text(el: &ElementRef, max: usize, seen: bool) -> String {
    let mut out = String::new();
    for node in el.descendants() {
        if let Node::Text(t) = node.value() {
            let skip = node
                .parent()
                .and_then(|p| p.value().as_element())
                .is_some_and(|e| matches!(e.name(), "script" | "style" | "noscript" | "template"));
            let hidden = seen
                && node
                    .ancestors()
                    .take_while(|a| a.id() != el.id())
                    .filter_map(|a| a.value().as_element())
                    .any(is_hidden);
            if skip || hidden {
                continue;
            }
            for w in t.split_whitespace() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(w);
                if out.len() >= max {
                    return out;
                }
            }
        }
    }
    out
}

/// A date written in an attribute: ISO or RFC 3339 kept as written, other forms as `YYYY-MM-DD`,
/// Unix seconds as their UTC day.
fn attr_date(raw: &str, order: Order) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() || raw.len() > 200 {
        return None;
    }
    if raw.len() == 10 && raw.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = raw.parse().ok()?;
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        return plausible(y, m, d).then(|| ymd_string((y, m, d)));
    }
    if let Some(n) = normalize_published(raw) {
        if let Some(ymd) = ymd_of(&n) {
            if plausible(ymd.0, ymd.1, ymd.2) {
                return Some(n);
            }
        }
        return None;
    }
    first_date(raw, order).map(|f| ymd_string(f.ymd))
}

/// The UTC offset in minutes of a timestamp (`...T10:00:00Z`, `+01:00`, `-0500`).
fn utc_offset(raw: &str) -> Option<i32> {
    let t = raw.trim();
    let time_at = t.get(10..)?.find(['T', ' '])? + 10;
    let tail = &t[time_at..];
    if tail.ends_with('Z') || tail.ends_with('z') {
        return Some(0);
    }
    let sign_at = tail.rfind(['+', '-'])?;
    let sign = if tail.as_bytes()[sign_at] == b'-' { -1 } else { 1 };
    let digits: String = tail[sign_at + 1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 || sign_at < 5 {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// A UTC timestamp (`2024-03-03T23:30:00Z`) at the local offset (minutes) the page writes
/// elsewhere, which may fall on the next or previous day; other strings are returned unchanged.
/// Without such an offset the day stays as written: guesses from the language or the domain
/// do not do better on the evaluation pages.
fn localize(n: &str, local_offset: Option<i32>) -> String {
    let (Some(off), Some(0)) = (local_offset, utc_offset(n)) else { return n.to_string() };
    let number = |r: std::ops::Range<usize>| n.get(r).and_then(|v| v.parse::<i64>().ok());
    let (Some((y, mo, d)), Some(h), Some(mi)) = (ymd_of(n), number(11..13), number(14..16)) else {
        return n.to_string();
    };
    let sec = if n.get(16..17) == Some(":") { number(17..19).unwrap_or(0) } else { 0 };
    if h == 0 && mi == 0 {
        // Midnight UTC is a day written as a timestamp, not a moment.
        return n.to_string();
    }
    let total = days_from_civil(y, mo, d) * 1440 + h * 60 + mi + i64::from(off);
    let (ly, lm, ld) = civil_from_days(total.div_euclid(1440));
    let minute = total.rem_euclid(1440);
    let sign = if off < 0 { '-' } else { '+' };
    format!(
        "{ly:04}-{lm:02}-{ld:02}T{:02}:{:02}:{sec:02}{sign}{:02}:{:02}",
        minute / 60,
        minute % 60,
        off.abs() / 60,
        off.abs() % 60
    )
}

/// Days since 1970-01-01 of a calendar day (Howard Hinnant's algorithm).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day at the start of an ISO string.
fn ymd_of(s: &str) -> Option<Ymd> {
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    Some((y, m, d))
}

/// The calendar day of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> Ymd {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// How the page writes numeric dates, from its language: US English puts the month first.
pub(crate) fn order_for(lang: Option<&str>) -> Order {
    let l = lang.unwrap_or("").to_ascii_lowercase();
    let l = l.trim();
    if l == "en" || l.starts_with("en-us") || l.starts_with("en_us") {
        Order::MonthFirstWithSlashes
    } else {
        Order::DayFirst
    }
}

/// Walks the page once.
fn scan<'a>(doc: &'a Html, order: Order) -> Scan<'a> {
    let mut s = Scan::default();
    for node in doc.root_element().descendants() {
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                match name {
                    "script" | "style" | "noscript" | "template" | "svg" => continue,
                    "meta" => {
                        read_meta(e, order, &mut s);
                        continue;
                    }
                    "link" => {
                        if e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                            s.canonical = s.canonical.or(e.attr("href"));
                        }
                        continue;
                    }
                    _ => {}
                }
                let Some(el) = ElementRef::wrap(node) else { continue };
                let itemprop = e.attr("itemprop").map(str::to_ascii_lowercase);
                let class = e.attr("class").unwrap_or("");
                s.embeds = s.embeds || is_embed_class(class);
                // inside a post quoted into the page (met before its descendants, in page order)
                let embedded = s.embeds && in_embedded_post(&el);
                let published_prop = matches!(itemprop.as_deref(), Some("datepublished" | "datecreated"));
                let published_class = class
                    .split_whitespace()
                    .any(|c| matches!(c, "published" | "entry-date" | "date-published" | "post-date" | "publish-date"));
                if (name == "time" || published_prop || (name == "abbr" && published_class)) && !embedded {
                    let value = e.attr("datetime").or_else(|| e.attr("content")).or_else(|| e.attr("title"));
                    let strong = published_prop
                        || published_class
                        || e.attr("pubdate").is_some()
                        || class.starts_with("entry-date")
                        || class.starts_with("entry-time");
                    if let Some(v) = value {
                        s.page_offset = s.page_offset.or_else(|| utc_offset(v).filter(|o| *o != 0));
                    }
                    let marked_before = s.marked.len();
                    match value {
                        Some(v) if strong => s.marked.push((v.to_string(), short_text(&el, 80))),
                        // a comment's timestamp is not the article's
                        Some(v)
                            if name == "time"
                                && !class.contains("updated")
                                && !class.contains("modified")
                                && !in_named_furniture(&el) =>
                        {
                            s.times.push(Cow::Borrowed(v))
                        }
                        None if strong => s.marked.push((short_text(&el, 80), String::new())),
                        // `<time>29.04.2020, 12:01</time>`: the text is the value
                        None if name == "time" && !class.contains("updated") && !class.contains("modified") => {
                            let t = short_text(&el, 80);
                            if !t.is_empty() {
                                s.times.push(Cow::Owned(t));
                            }
                        }
                        _ => {}
                    }
                    if s.marked.len() > marked_before {
                        s.marked_in.push(article_of(&el));
                    }
                }
                // `<abbr title="3 March 2024, 10:00">3 h</abbr>`, `<abbr data-utime="1709460000">`:
                // a timestamp shown as a short or relative time, its full day in the title or
                // its Unix seconds in `data-utime` (the microformats' "abbr design pattern";
                // htmldate reads both): a `<time>` element by another name.
                if name == "abbr" && !published_class && s.times.len() < 1000 {
                    if let Some(v) = abbr_timestamp(e, order) {
                        s.times.push(Cow::Owned(v));
                    }
                }
                if matches!(name, "title" | "h1") {
                    s.headings.push(el);
                }
                if name == "h1" && s.headline_at.is_none() {
                    s.headline_at = Some(s.texts.len());
                    s.headline_len = el.text().filter(|t| !t.trim().is_empty()).count();
                    s.headline = Some(el);
                }
                let cue = matches!(name, "footer" | "small" | "time")
                    || e.attr("id").is_some_and(is_cue_name)
                    || is_cue_name(class)
                    || itemprop.as_deref().is_some_and(|p| p.contains("date"));
                if cue && s.cue_elements.len() < 1000 && !embedded {
                    // An empty one is an icon (`<i class="fa fa-calendar"></i> 3 March 2024`):
                    // the date stands beside it, in its parent.
                    let icon = matches!(name, "i" | "span") && el.text().all(|t| t.trim().is_empty());
                    let holder = if icon { el.parent().and_then(ElementRef::wrap) } else { Some(el) };
                    if let Some(h) = holder.filter(|h| s.cue_elements.last().is_none_or(|l| l.id() != h.id())) {
                        s.cue_elements.push(h);
                    }
                }
            }
            Node::Text(t) => {
                let parent = node.parent().and_then(|p| p.value().as_element().map(|e| e.name()));
                if matches!(parent, Some("script" | "style" | "noscript" | "template" | "title")) {
                    continue;
                }
                // a post quoted into the page shows the day it was posted
                let dated = s.embeds && t.bytes().any(|b| b.is_ascii_digit());
                if dated && node.parent().and_then(ElementRef::wrap).is_some_and(|p| in_embedded_post(&p)) {
                    continue;
                }
                let t = t.trim();
                if !t.is_empty() && s.texts.len() < 20_000 {
                    s.texts.push(t);
                }
            }
            _ => {}
        }
    }
    drop_teasers(&mut s);
    s
}

/// Drops the dates marked as published inside an `<article>` other than the one holding the
/// headline: the teasers of other articles listed below (or beside) the page's own.
fn drop_teasers(s: &mut Scan) {
    let Some(main) = s.headline.as_ref().and_then(article_of) else { return };
    let mut inside = s.marked_in.iter();
    s.marked.retain(|_| inside.next().is_none_or(|a| a.is_none_or(|a| a == main)));
}

/// The nearest `<article>` around an element.
fn article_of<'a>(el: &ElementRef<'a>) -> Option<ElementRef<'a>> {
    el.ancestors().filter_map(ElementRef::wrap).take(40).find(|a| a.value().name() == "article")
}

/// The day an `<abbr>` element stands for: a date in its `title` (what readers see when they
/// point at it), else its `data-utime` seconds; `None` for an abbreviation.
fn abbr_timestamp(e: &scraper::node::Element, order: Order) -> Option<String> {
    let title = e.attr("title").filter(|t| t.len() <= 80).and_then(|t| first_date(t, order));
    title.map(|f| ymd_string(f.ymd)).or_else(|| e.attr("data-utime").and_then(|v| attr_date(v, order)))
}

/// Reads one `<meta>` tag.
fn read_meta<'a>(e: &'a scraper::node::Element, order: Order, s: &mut Scan<'a>) {
    let Some(content) = e.attr("content").or_else(|| e.attr("datetime")) else { return };
    let key = e
        .attr("property")
        .or_else(|| e.attr("name"))
        .or_else(|| e.attr("itemprop"))
        .or_else(|| e.attr("http-equiv"))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if key == "og:url" {
        s.canonical = s.canonical.or(Some(content));
    } else if key == "og:image" {
        s.image = s.image.or(Some(content));
    } else if META_PUBLISHED.contains(&key.as_str()) {
        s.page_offset = s.page_offset.or_else(|| utc_offset(content).filter(|o| *o != 0));
        if s.meta_published.len() < 20 {
            s.meta_published.push(content);
            s.meta_generic.push(GENERIC_META_DATES.contains(&key.as_str()));
        }
    } else if META_MODIFIED.contains(&key.as_str()) {
        s.page_offset = s.page_offset.or_else(|| utc_offset(content).filter(|o| *o != 0));
        if let Some(ymd) = attr_date(content, order).as_deref().and_then(ymd_of) {
            s.meta_modified = Some(s.meta_modified.map_or(ymd, |m: Ymd| m.min(ymd)));
            s.meta_modified_latest = Some(s.meta_modified_latest.map_or(ymd, |m: Ymd| m.max(ymd)));
        }
    }
}

/// Class names of embedded social-media posts (`<blockquote class="instagram-media">`).
static EMBEDDED_POSTS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/embedded_posts.txt")));

/// True for an embedded social-media post or an element inside one: its dates are the quoted
/// post's.
fn in_embedded_post(el: &ElementRef) -> bool {
    std::iter::once(**el)
        .chain(el.ancestors())
        .filter_map(ElementRef::wrap)
        .take(40)
        .any(|a| a.value().attr("class").is_some_and(is_embed_class))
}

/// True when one of the names of a class attribute is an embedded post's ([`EMBEDDED_POSTS`]).
fn is_embed_class(class: &str) -> bool {
    class.split_whitespace().any(|n| EMBEDDED_POSTS.iter().any(|e| n.eq_ignore_ascii_case(e)))
}

/// Parts of class and id names that mark furniture: comment threads, top bars.
static FURNITURE_NAMES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/furniture_names.txt")));

/// True for an element in a comment thread, a navigation bar, or a page header or `<aside>`
/// outside the article: dates there are comments', today's or other pages' (an aside beside the
/// article lists other articles; one inside it may hold the article's own byline).
fn in_furniture(el: &ElementRef) -> bool {
    let (mut outer, mut article) = (false, false);
    for a in std::iter::once(**el).chain(el.ancestors()).filter_map(ElementRef::wrap).take(40) {
        let v = a.value();
        match v.name() {
            "nav" => return true,
            "header" | "aside" => outer = true,
            "article" | "main" => article = true,
            _ => {}
        }
        if named_furniture(v) {
            return true;
        }
    }
    outer && !article
}

/// True for an element in a list item that links to another article by its headline (a link of
/// [`TEASER_LINK_WORDS`] words or more): the date of a teaser in a list of other articles.
fn in_teaser_item(el: &ElementRef) -> bool {
    let Some(item) = el.ancestors().filter_map(ElementRef::wrap).take(6).find(|a| a.value().name() == "li") else {
        return false;
    };
    // a teaser is small: the first nodes of the item hold its link (bounded work per element)
    item.descendants().take(TEASER_ITEM_NODES).filter_map(ElementRef::wrap).filter(|a| a.value().name() == "a").any(
        |a| {
            let words: usize = a.text().map(|t| t.split_whitespace().count()).sum();
            words >= TEASER_LINK_WORDS
        },
    )
}

/// Only this many nodes of a list item are looked at for a headline link.
const TEASER_ITEM_NODES: usize = 200;

/// A link of this many words or more reads as another article's headline.
const TEASER_LINK_WORDS: usize = 4;

/// True for an element in a comment thread or a top bar, by the names of it or its ancestors.
fn in_named_furniture(el: &ElementRef) -> bool {
    std::iter::once(**el)
        .chain(el.ancestors())
        .filter_map(ElementRef::wrap)
        .take(40)
        .any(|a| named_furniture(a.value()))
}

/// True when an element's class or id names furniture ([`FURNITURE_NAMES`]).
fn named_furniture(v: &scraper::node::Element) -> bool {
    [v.attr("class"), v.attr("id")].into_iter().flatten().any(|c| {
        let c = c.to_ascii_lowercase();
        FURNITURE_NAMES.iter().any(|n| c.contains(n))
    })
}

/// The first date in `text` that no modification cue ("Last edited", "Letzte Änderung")
/// introduces.
fn first_unmodified_date(text: &str, order: Order) -> Option<super::date_text::Found> {
    find_dates(text, order, 64).into_iter().find(|f| {
        let before = window_before(text, f.start, 40).to_lowercase();
        // The nearest cue before the date decides. A publication cue inside a modification
        // cue's word ("date" in "updated", "Änderungsdatum") or in its phrase ("Last updated
        // date:") is part of it: only a date between them ends the modification's phrase.
        match (last_cue(&before, &OTHER_CUES), last_cue(&before, &PUBLISHED_CUES)) {
            (Some(other), Some(published)) => apart(&before, other, published.0, order),
            (Some(_), None) => false,
            _ => true,
        }
    })
}

/// True when a publication cue starting at byte `cue_start` of `lower` stands apart from the
/// modification cue spanning `other`: it begins after it, with a date between the two
/// ("Updated March 6, 2024 · Published ..."), not in the same word or phrase ("updated date").
fn apart(lower: &str, other: (usize, usize), cue_start: usize, order: Order) -> bool {
    cue_start >= other.1 && lower.get(other.1..cue_start).and_then(|between| first_date(between, order)).is_some()
}

/// The up to `max` bytes of `text` before byte `end`, cut at a character boundary.
fn window_before(text: &str, end: usize, max: usize) -> &str {
    let end = end.min(text.len());
    let mut start = end.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..end).unwrap_or("")
}

/// The span (start, end) of the cue of `cues` that ends last in `text`.
fn last_cue(text: &str, cues: &[&str]) -> Option<(usize, usize)> {
    cues.iter().filter_map(|c| text.rfind(c).map(|p| (p, p + c.len()))).max_by_key(|&(start, end)| (end, start))
}

/// Words that introduce the day an article was first published.
static FIRST_PUBLISHED_CUES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/first_published_cues.txt")));

/// A day, or a month, that an article's text states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stated {
    year: i32,
    month: u32,
    /// None when only the month is stated ("in April 2017").
    day: Option<u32>,
}

impl Stated {
    /// True when the stated day (or month) ends before `ymd`.
    fn is_before(&self, ymd: Ymd) -> bool {
        match self.day {
            Some(d) => (self.year, self.month, d) < ymd,
            None => (self.year, self.month) < (ymd.0, ymd.1),
        }
    }
}

/// The day or month the text says the article was first published ("originally published on
/// March 3, 2024", "initialement publié en avril 2017").
fn first_published_stated(texts: &[&str], order: Order) -> Option<Stated> {
    texts.iter().filter(|t| t.len() < 1000).find_map(|t| {
        let lower = t.to_lowercase();
        let at = FIRST_PUBLISHED_CUES.iter().filter_map(|c| lower.find(c).map(|p| p + c.len())).min()?;
        let head: String = lower.get(at..)?.chars().take(50).collect();
        if let Some(f) = first_date(&head, order).filter(|f| f.start <= 20) {
            return Some(Stated { year: f.ymd.0, month: f.ymd.1, day: Some(f.ymd.2) });
        }
        // a month and a year
        let words: Vec<&str> = head.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(6).collect();
        words.windows(2).find_map(|w| {
            let month = parallax_lexicon::closed::month_any_language(w[0])?;
            let year: i32 = w[1].parse().ok().filter(|_| w[1].len() == 4)?;
            plausible(year, month, 1).then_some(Stated { year, month, day: None })
        })
    })
}

/// Text nodes before and after the headline searched for the article's date line.
const NEAR_HEADLINE_BEFORE: usize = 3;
const NEAR_HEADLINE_AFTER: usize = 25;

/// The first date in a short text beside the headline, nearest first: the headline's own text
/// and up to `after` text nodes after it, then the few before it. A date that a modification
/// cue introduces ("Last updated: ...") only stands in when no text there gives another.
fn near_headline_date(s: &Scan<'_>, order: Order, after: usize) -> Option<super::date_text::Found> {
    let h = s.headline_at?;
    let following = (h..h + after).map(|i| (i - h, i));
    let before = (1..=NEAR_HEADLINE_BEFORE.min(h)).map(|k| (k, h - k));
    let mut order_of_search: Vec<(usize, usize)> = following.chain(before).collect();
    order_of_search.sort_by_key(|&(distance, i)| (distance, i < h));
    let near: Vec<&str> = order_of_search
        .into_iter()
        .filter_map(|(_, i)| s.texts.get(i).copied())
        .filter(|t| t.len() > 6 && t.len() < 80)
        .collect();
    near.iter().find_map(|t| first_unmodified_date(t, order)).or_else(|| near.iter().find_map(|t| first_date(t, order)))
}

/// The day of the article's date line: a short text right before or right after the first
/// headline that opens with a date ("03.03.2024, 10:16 Uhr – Politik", "March 3, 2024 | Sport").
/// News pages print the date beside the headline, while teasers of other articles, which
/// date-named elements also hold, stand apart from it.
fn headline_date_line(s: &Scan<'_>, order: Order) -> Option<Ymd> {
    // a site's name in a page header is no headline
    if s.headline.as_ref().is_none_or(in_furniture) {
        return None;
    }
    let h = s.headline_at?;
    let after = h + s.headline_len;
    let before = h.checked_sub(1);
    [before, Some(after)]
        .into_iter()
        .flatten()
        .filter_map(|i| s.texts.get(i))
        .filter(|t| t.len() < 80)
        .find_map(|t| first_unmodified_date(t, order).filter(|f| f.start == 0).map(|f| f.ymd))
}

/// The day of a dateline that opens a paragraph: a place of at most four capitalised words and
/// a comma, then the date, bracketed or not, then the paragraph's text ("Karlsruhe,
/// (12.11.2021). Traditionell ...", "WASHINGTON, March 3, 2024 — The ..."); or the date, a
/// dash and the text ("29.11.2022 – Die Branche ..."). A date standing alone after a word and a
/// comma ("Donnerstag, 16. Februar 2012", a page's clock) is no dateline.
fn paragraph_dateline(text: &str, order: Order) -> Option<Ymd> {
    let head: String = text.chars().take(120).collect();
    // the date first, a dash, the text: "29.11.2022 – Die Branche ..."
    if let Some(f) = first_date(&head, order).filter(|f| f.start == 0) {
        let after = text.get(f.end..).unwrap_or("").trim_start();
        let dashed = after.starts_with(['–', '—', '-']);
        let words = after.chars().filter(|c| c.is_alphabetic()).count() >= 20;
        return (dashed && words).then_some(f.ymd);
    }
    let comma = head.find(',')?;
    let place = &head[..comma];
    let words: Vec<&str> = place.split_whitespace().collect();
    let place_ok = !words.is_empty()
        && words.len() <= 4
        && place.len() <= 40
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
        });
    if !place_ok {
        return None;
    }
    if words.len() == 1 && parallax_lexicon::closed::weekday(words[0]).is_some() {
        return None;
    }
    let rest = &head[comma + 1..];
    let skipped = rest.len() - rest.trim_start_matches([' ', '(', '\u{a0}']).len();
    let f = first_date(rest, order).filter(|f| f.start == skipped)?;
    let after = text.get(comma + 1 + f.end..).unwrap_or("");
    (after.chars().filter(|c| c.is_alphabetic()).count() >= 20).then_some(f.ymd)
}

/// Words before a date that say it is the publication date.
static PUBLISHED_CUES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/published_cues.txt")));

/// Words before a date that say it is not the publication date.
static OTHER_CUES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../data/dates/other_date_cues.txt")));

/// Every place where `cue` ends a word of `lower`, in text order ("Published:",
/// "Veröffentlichungsdatum"), not where it runs on into one ("Datensatz" holds no "date",
/// "Postcode" no "post").
fn cue_word_ends<'a>(lower: &'a str, cue: &'a str) -> impl Iterator<Item = usize> + 'a {
    lower.match_indices(cue).map(|(p, _)| p + cue.len()).filter(|&end| !lower[end..].starts_with(char::is_alphabetic))
}

/// The first date introduced by a publication cue ("Published on 3 March 2024",
/// "Veröffentlicht am 03.03.2024"), looking into the next text node when the cue ends one.
fn cued_text_date(texts: &[&str], order: Order) -> Option<Ymd> {
    for (i, t) in texts.iter().enumerate() {
        if t.len() > 400 {
            continue;
        }
        let lower = t.to_lowercase();
        // Every place a publication cue ends a word, in text order: "Updated March 6 | Posted
        // March 5" gives the second.
        let mut cues: Vec<(usize, usize)> =
            PUBLISHED_CUES.iter().flat_map(|c| cue_word_ends(&lower, c).map(move |end| (end - c.len(), end))).collect();
        cues.sort_unstable();
        let others: Vec<(usize, usize)> =
            OTHER_CUES.iter().flat_map(|c| lower.match_indices(c).map(move |(p, _)| (p, p + c.len()))).collect();
        for (start, pos) in cues {
            // a cue in a modification cue's word or phrase ("date" in "update", "Änderungsdatum",
            // "Last updated date:") is part of it
            let last_other = others.iter().filter(|&&(os, _)| os < pos).max_by_key(|&&(os, oe)| (oe, os));
            if last_other.is_some_and(|&other| !apart(&lower, other, start, order)) {
                continue;
            }
            let Some(rest) = lower.get(pos..) else { continue };
            let head: String = rest.chars().take(60).collect();
            if let Some(f) = first_date(&head, order) {
                // a modification cue between the cue and the date makes it a change's day
                // ("Published, last updated March 6")
                let between = head.get(..f.start).unwrap_or("");
                if f.start <= 30 && !OTHER_CUES.iter().any(|c| between.contains(c)) {
                    return Some(f.ymd);
                }
                continue;
            }
            if rest.trim().len() <= 4 {
                if let Some(next) = texts.get(i + 1) {
                    let head: String = next.chars().take(60).collect();
                    if let Some(f) = first_date(&head, order).filter(|f| f.start <= 12) {
                        return Some(f.ymd);
                    }
                }
            }
        }
    }
    None
}

/// The dates a page gives: when it was first published and when it was last updated.
#[derive(Debug, Default)]
pub(crate) struct PageDates {
    /// The original publication date and where it came from.
    pub published: Option<(String, Provenance)>,
    /// The latest modification date the page's metadata gives (`article:modified_time`,
    /// JSON-LD `dateModified`), `YYYY-MM-DD`, only when it is a later day than `published`.
    pub updated: Option<String>,
}

/// The page's publication and update dates; `page` is the page's source.
pub(crate) fn find(doc: &Html, page: &str, url: Option<&str>, ld: &LdMeta, lang: Option<&str>) -> PageDates {
    let order = order_for(lang);
    let s = scan(doc, order);
    let ld_offset = [&ld.published, &ld.modified].into_iter().flatten().find_map(|d| utc_offset(d).filter(|o| *o != 0));
    let zone = s.page_offset.or(ld_offset);
    let ld_modified = ld.modified.as_deref().and_then(|raw| attr_date(raw, order)).map(|n| localize(&n, zone));
    let ld_modified = ld_modified.as_deref().and_then(ymd_of);
    let mut published = find_published(&s, page, url, ld, order, zone, ld_modified);
    // Never after the day the article's own text says it was first published.
    if let (Some((p, _)), Some(stated)) = (&published, first_published_stated(&s.texts, order)) {
        if ymd_of(p).is_some_and(|p| stated.is_before(p)) {
            let earlier = trusted_sources(&s, url, ld, order, zone)
                .into_iter()
                .filter(|t| !stated.is_before(t.0))
                .max_by_key(|t| t.0)
                .map(|(_, n, from)| (n, from));
            let stated_day = stated.day.map(|d| (ymd_string((stated.year, stated.month, d)), Provenance::Text));
            published = earlier.or(stated_day).or(published);
        }
    }
    let latest = [s.meta_modified_latest, ld_modified].into_iter().flatten().max();
    let first = published.as_ref().and_then(|(d, _)| ymd_of(d));
    let updated = match (latest, first) {
        (Some(u), Some(p)) if u > p => Some(ymd_string(u)),
        (Some(u), None) => Some(ymd_string(u)),
        _ => None,
    };
    PageDates { published, updated }
}

/// Days shown to readers in elements about dates and bylines (outside comments and navigation),
/// in page order.
fn shown_dates(s: &Scan<'_>, order: Order) -> Vec<Ymd> {
    s.cue_elements
        .iter()
        .filter(|el| !in_furniture(el))
        .take(200)
        .filter_map(|el| first_date(&seen_text(el, 64), order).map(|f| f.ymd))
        .collect()
}

/// The trusted sources of the publication day, in order of trust: the address, specific meta
/// tags, JSON-LD, dated markup; each with its day, its value as written and where it came from.
fn trusted_sources(
    s: &Scan<'_>,
    url: Option<&str>,
    ld: &LdMeta,
    order: Order,
    zone: Option<i32>,
) -> Vec<(Ymd, String, Provenance)> {
    let given = |raw: &str| attr_date(raw, order).map(|n| localize(&n, zone));
    let mut trusted: Vec<(Ymd, String, Provenance)> = Vec::new();
    if let Some(ymd) = [url, s.canonical].into_iter().flatten().find_map(address_date) {
        trusted.push((ymd, ymd_string(ymd), Provenance::Url));
    }
    for raw in &s.meta_published {
        if let Some(n) = given(raw) {
            trusted.extend(ymd_of(&n).map(|ymd| (ymd, n, Provenance::Given)));
        }
    }
    if let Some(n) = ld.published.as_deref().and_then(given) {
        trusted.extend(ymd_of(&n).map(|ymd| (ymd, n, Provenance::Given)));
    }
    for (value, visible) in &s.marked {
        // The day readers see wins over a machine timestamp that a zone may have shifted.
        let shown = first_date(visible, order).map(|f| f.ymd);
        let n = given(value).map(|n| match (shown, ymd_of(&n)) {
            (Some(seen), Some(ymd)) if seen != ymd && ymd.0 == seen.0 && ymd.1 == seen.1 => ymd_string(seen),
            _ => n,
        });
        if let Some(n) = n {
            trusted.extend(ymd_of(&n).map(|ymd| (ymd, n, Provenance::Markup)));
        }
    }
    trusted
}

/// The page's original publication date and where it came from; `zone` is the page's UTC
/// offset and `ld_modified` its JSON-LD modification day, both read by [`find`].
fn find_published(
    s: &Scan<'_>,
    page: &str,
    url: Option<&str>,
    ld: &LdMeta,
    order: Order,
    zone: Option<i32>,
    ld_modified: Option<Ymd>,
) -> Option<(String, Provenance)> {
    let day = |ymd: Ymd| ymd_string(ymd);
    // 1. The trusted sources, first found wins: the address (written when the page was created),
    // specific meta tags, JSON-LD, dated markup.
    let trusted = trusted_sources(s, url, ld, order, zone);
    if let Some(first) = trusted.first() {
        // When the metadata disagree on the day, the one the page shows its readers wins (an
        // article re-dated on update shows its new day; a stale `dc.date` shows nowhere).
        let modified = [s.meta_modified_latest, s.meta_modified, ld_modified];
        let mut days: Vec<Ymd> = trusted.iter().map(|t| t.0).chain(modified.into_iter().flatten()).collect();
        days.sort_unstable();
        days.dedup();
        let first_time = s.times.first().and_then(|v| attr_date(v, order)).as_deref().and_then(ymd_of);
        // the days shown are read only when something disagrees with the first trusted day
        let shown =
            if days.len() > 1 || first_time.is_some_and(|t| t != first.0) { shown_dates(s, order) } else { Vec::new() };
        if days.len() > 1 && !shown.contains(&first.0) {
            if let Some(ymd) = shown.iter().find(|d| days.contains(d)) {
                let from = trusted.iter().find(|t| t.0 == *ymd).map_or(Provenance::Given, |t| t.2);
                return Some((day(*ymd), from));
            }
        }
        // Only generic meta tags date the page, and its date line shows another day: the day
        // shown is the article's (the tags hold the day of an edit or an import).
        let generic_only = s.meta_generic.iter().all(|g| *g)
            && !s.meta_generic.is_empty()
            && trusted.len() == s.meta_published.len()
            && ld.published.is_none();
        if generic_only {
            let first_shown =
                if shown.is_empty() { shown_dates(s, order).first().copied() } else { shown.first().copied() };
            if let Some(seen) = first_shown.filter(|d| *d != first.0) {
                return Some((day(seen), Provenance::Markup));
            }
        }
        // A `<time>` element and the first day shown in a byline agree against the metadata:
        // the page presents that day (metadata left at a draft's or import's day).
        // The address's day is not overruled so: it is written when the page is created, while
        // a `<time>` element may be an update's or a teaser's.
        if let (Some(t), Some(seen), false) = (first_time, shown.first(), first.2 == Provenance::Url) {
            if t == *seen && t != first.0 && !shown.iter().take(3).any(|d| *d == first.0) {
                return Some((day(t), Provenance::Markup));
            }
        }
        return trusted.into_iter().next().map(|(_, n, p)| (n, p));
    }
    // 2. The date line right above or below the headline ("03.03.2024 10:16 – Politics").
    if let Some(ymd) = headline_date_line(s, order) {
        return Some((day(ymd), Provenance::Markup));
    }
    // 2b. Elements about dates, bylines, post metadata.
    // A date introduced as a modification ("Letzte Änderung", "Stand") only stands in when no
    // element gives another.
    let mut modified_reserve = None;
    for el in s.cue_elements.iter().filter(|el| !in_furniture(el) && !in_teaser_item(el)) {
        let t = seen_text(el, 64);
        if t.len() <= 6 {
            continue;
        }
        if let Some(f) = first_unmodified_date(&t, order) {
            return Some((day(f.ymd), Provenance::Markup));
        }
        if modified_reserve.is_none() {
            modified_reserve = first_date(&t, order);
        }
    }
    if let Some(f) = modified_reserve {
        return Some((day(f.ymd), Provenance::Markup));
    }
    // 3. The title.
    for h in &s.headings {
        if let Some(f) = first_date(&short_text(h, 200), order) {
            return Some((day(f.ymd), Provenance::Markup));
        }
    }
    // 4. Other <time> elements: the earliest.
    if let Some(ymd) = s.times.iter().filter_map(|v| attr_date(v, order).as_deref().and_then(ymd_of)).min() {
        return Some((day(ymd), Provenance::Markup));
    }
    // 5. "Published on ..." in the text.
    if let Some(ymd) = cued_text_date(&s.texts, order) {
        return Some((day(ymd), Provenance::Text));
    }
    // 5b. A dateline opening a paragraph ("Karlsruhe, (12.11.2021). ...", "BERLIN, March 3, 2024 –").
    if let Some(ymd) = s.texts.iter().find_map(|t| paragraph_dateline(t, order)) {
        return Some((day(ymd), Provenance::Text));
    }
    // 6. Modification dates stand in.
    if let Some(ymd) = s.meta_modified.or(ld_modified) {
        return Some((day(ymd), Provenance::Given));
    }
    // 7. Short dated strings in the text: the first beside the headline (the article's own
    // date line), else the earliest (lists of other articles and events are dated after).
    if let Some(f) = near_headline_date(s, order, NEAR_HEADLINE_AFTER) {
        return Some((day(f.ymd), Provenance::Text));
    }
    let earliest = s
        .texts
        .iter()
        .filter(|t| t.len() > 6 && t.len() < 60)
        .filter_map(|t| find_dates(t, order, 40).into_iter().next())
        .map(|f| f.ymd)
        .min();
    if let Some(ymd) = earliest {
        return Some((day(ymd), Provenance::Text));
    }
    // 8. A paragraph that opens with a date ("27.1.2022 - At the memorial ...").
    let opening = s.texts.iter().find_map(|t| {
        let head: String = t.chars().take(30).collect();
        first_date(&head, order).filter(|f| f.start == 0)
    });
    if let Some(f) = opening {
        return Some((day(f.ymd), Provenance::Text));
    }
    // 9. A date in the image's address.
    if let Some(ymd) = s.image.and_then(url_date) {
        return Some((day(ymd), Provenance::Markup));
    }
    // 10. A timestamp anywhere in the source (scripts' data, attributes).
    source_timestamp(page).map(|ymd| (day(ymd), Provenance::Markup))
}

/// The day an address's path gives: `/2024/03/03/`, `/2024/3/3/`, `2024-03-03`, `20240303`,
/// `/2024/mar/03/`.
fn address_date(url: &str) -> Option<Ymd> {
    url_date(url)
        .or_else(|| crate::dates::from_url(url).as_deref().and_then(ymd_of))
        .filter(|d| plausible(d.0, d.1, d.2))
}

/// The first `YYYY-MM-DD[T ]HH:MM` in the page's source, preferring one whose key speaks of
/// publication.
fn source_timestamp(page: &str) -> Option<Ymd> {
    let b = page.as_bytes();
    let mut first = None;
    let mut i = 0;
    while i + 16 <= b.len() {
        let Some(p) = page[i..].find('-').map(|p| p + i) else { break };
        i = p + 1;
        if p < 4 {
            continue;
        }
        let s = p - 4;
        let w = &b[s..(s + 16).min(b.len())];
        let digit = |k: usize| w.get(k).is_some_and(u8::is_ascii_digit);
        let shape = w.len() == 16
            && (0..4).all(digit)
            && w[4] == b'-'
            && digit(5)
            && digit(6)
            && w[7] == b'-'
            && digit(8)
            && digit(9)
            && (w[10] == b'T' || w[10] == b' ')
            && digit(11)
            && digit(12)
            && w[13] == b':'
            && digit(14)
            && digit(15);
        if !shape || (s > 0 && b[s - 1].is_ascii_digit()) {
            continue;
        }
        let Some(ymd) = page.get(s..s + 10).and_then(ymd_of) else { continue };
        if !plausible(ymd.0, ymd.1, ymd.2) {
            continue;
        }
        let before = page.get(s.saturating_sub(40)..s).unwrap_or("").to_ascii_lowercase();
        if before.contains("publish") || before.contains("created") {
            return Some(ymd);
        }
        first = first.or(Some(ymd));
    }
    first.or_else(|| most_frequent_path_date(page))
}

/// The most frequent `/YYYY/MM/DD/` in the page's links (the earliest among equals).
fn most_frequent_path_date(page: &str) -> Option<Ymd> {
    let mut counts: std::collections::HashMap<Ymd, usize> = std::collections::HashMap::new();
    let b = page.as_bytes();
    let mut from = 0;
    while let Some(p) = page[from..].find('/').map(|p| p + from) {
        from = p + 1;
        let w = match b.get(p..p + 12) {
            Some(w) => w,
            None => break,
        };
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        if digits(1..5) && w[5] == b'/' && digits(6..8) && w[8] == b'/' && digits(9..11) && w[11] == b'/' {
            let Some(ymd) = page.get(p + 1..p + 11).and_then(|s| ymd_of(&s.replace('/', "-"))) else { continue };
            if plausible(ymd.0, ymd.1, ymd.2) && counts.len() < 1000 {
                *counts.entry(ymd).or_default() += 1;
            }
        }
    }
    counts.into_iter().max_by_key(|&(ymd, n)| (n, std::cmp::Reverse(ymd))).map(|(ymd, _)| ymd)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::extract;

    fn published(page: &str, url: Option<&str>) -> Option<String> {
        extract(page, url).published.map(|p| p.0)
    }

    #[test]
    fn updated_is_kept_apart_when_later() {
        let page = r#"<html><head>
<meta property="article:published_time" content="2024-03-03T10:00:00+01:00">
<meta property="article:modified_time" content="2024-03-09T10:00:00+01:00">
</head><body><p>x</p></body></html>"#;
        let e = extract(page, None);
        assert_eq!(e.published.map(|p| p.0).as_deref(), Some("2024-03-03T10:00:00+01:00"));
        assert_eq!(e.updated.as_deref(), Some("2024-03-09"));
        let same_day = page.replace("2024-03-09T10", "2024-03-03T18");
        assert_eq!(extract(&same_day, None).updated, None);
    }

    #[test]
    fn the_day_shown_settles_disagreeing_metadata() {
        // The byline shows the update's day: the page presents itself as of that day.
        let page = r#"<html><head>
<meta property="article:published_time" content="2024-03-03T10:00:00+01:00">
<meta property="article:modified_time" content="2024-05-20T10:00:00+01:00">
</head><body><article><div class="post-meta">Published 20.05.2024</div><p>Text of the article.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-05-20"));
        // A byline that shows neither day changes nothing.
        let other = page.replace("20.05.2024", "01.01.2023");
        assert_eq!(published(&other, None).as_deref(), Some("2024-03-03T10:00:00+01:00"));
        // A `<time>` element and the byline agreeing against a stale meta date win.
        let stale = r#"<html><head><meta name="dc.date" content="2024-03-03"></head><body><article>
<div class="date"><time datetime="2024-03-12">12 March 2024</time></div><p>Text.</p></article></body></html>"#;
        assert_eq!(published(stale, None).as_deref(), Some("2024-03-12"));
    }

    #[test]
    fn published_wins_over_modified() {
        let page = r#"<html><head>
<meta property="article:modified_time" content="2024-03-09T10:00:00+01:00">
<meta property="article:published_time" content="2024-03-03T10:00:00+01:00">
</head><body><p>x</p></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-03T10:00:00+01:00"));
        let only_modified = r#"<html><head><meta property="article:modified_time" content="2024-03-09"></head></html>"#;
        assert_eq!(published(only_modified, None).as_deref(), Some("2024-03-09"));
    }

    #[test]
    fn url_date() {
        let page = "<html><body><p>Text without a date.</p></body></html>";
        assert_eq!(
            published(page, Some("https://ex.org/news/2024/03/03/bridge-reopens")).as_deref(),
            Some("2024-03-03")
        );
    }

    #[test]
    fn text_dates() {
        let page = "<html><body><div><span>Published 3 March 2024</span></div><p>Long text about it.</p></body></html>";
        assert_eq!(published(page, None).as_deref(), Some("2024-03-03"));
        let page = "<html lang=de><body><p>Veröffentlicht am 3. März 2024 von Anna</p><p>Text.</p></body></html>";
        assert_eq!(published(page, None).as_deref(), Some("2024-03-03"));
        let page = r#"<html lang=de><body><div class="meta">3. März 2024</div></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn future_and_ancient_dates_rejected() {
        let page = r#"<html><head><meta property="article:published_time" content="2071-05-05"></head>
<body><div class="date">5 May 2071</div><p>Founded 1 January 1901.</p></body></html>"#;
        assert_eq!(published(page, None), None);
        let page = r#"<html><head><meta property="article:published_time" content="2071-05-05"></head>
<body><time datetime="2024-03-03">3 March</time></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn utc_timestamps_shown_at_the_pages_own_offset() {
        // 23:30 UTC is already the next day where the page's other timestamps say +01:00.
        let page = r#"<html><head><meta property="article:published_time" content="2024-03-03T23:30:15Z">
<script type="application/ld+json">{"@type":"NewsArticle","dateModified":"2024-03-05T10:00:00+01:00"}</script>
</head></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-04T00:30:15+01:00"));
        let page = r#"<html><head><meta property="article:published_time" content="2024-03-04T02:00:00Z"></head>
<body><time datetime="2024-03-03T21:00:00-05:00">March 3</time></body></html>"#;
        assert_eq!(published(page, None).as_deref().map(|d| &d[..10]), Some("2024-03-03"));
        // Without an offset in the page the day stays as written.
        let page = r#"<html lang="de"><head><meta property="article:published_time" content="2024-03-03T23:30:00Z"></head></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-03T23:30:00Z"));
        // Midnight UTC is a bare day.
        let page = r#"<html><head><meta property="article:published_time" content="2024-03-03T00:00:00Z">
<meta property="article:modified_time" content="2024-03-04T09:00:00-05:00"></head></html>"#;
        assert_eq!(published(page, None).as_deref().map(|d| &d[..10]), Some("2024-03-03"));
    }

    #[test]
    fn numeric_order_follows_the_language() {
        let page = r#"<html lang="en-US"><body><span class="date">03/04/2024</span></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-04"));
        let page = r#"<html lang="en-GB"><body><span class="date">03/04/2024</span></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-04-03"));
    }

    #[test]
    fn timestamps_in_scripts_and_unix_seconds() {
        let page =
            r#"<html><body><script>var d = {"published_at":"2019-03-02T06:22:28+01:00"};</script></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2019-03-02"));
        assert_eq!(attr_date("1709424000", Order::DayFirst).as_deref(), Some("2024-03-03"));
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }

    #[test]
    fn address_dates_are_from_the_url_and_hold_against_a_teasers_time() {
        let page = r#"<html><head><meta itemprop="datePublished" content="2023-05-02T10:00:00+0200"></head><body>
<article><h1>A walk by the sea</h1><p>We walked by the sea all day long.</p></article>
<aside><div class="summary-meta"><time datetime="2023-06-20">Jun 20, 2023</time></div></aside></body></html>"#;
        let e = extract(page, Some("https://blog.example/home/2021/4/9/a-walk-by-the-sea"));
        assert_eq!(e.published, Some(("2021-04-09".to_string(), Provenance::Url)));
        // a month's name in the address
        let e = extract("<html><body><p>Text.</p></body></html>", Some("https://news.example/world/2009/apr/28/flu"));
        assert_eq!(e.published, Some(("2009-04-28".to_string(), Provenance::Url)));
    }

    #[test]
    fn time_element_without_datetime_is_read_from_its_text() {
        // The byline's `<time>` shows the day; the `date` meta tag is a day later; a teaser
        // far below shows the meta tag's day.
        let mut page = String::from(
            r#"<html lang="de"><head><meta name="date" content="2023-09-15"></head><body><article>
<h2>Unterzeile</h2><ul class="info"><li class="author">Von Erika Muster</li><li class="date"><time>14.09.2023, 08:30 Uhr</time></li></ul>
<p>Der Text des Artikels.</p></article><div class="more">"#,
        );
        for i in 0..5 {
            page.push_str(&format!(r#"<div class="teaser-date"><time>1{i}.09.2023</time></div>"#));
        }
        page.push_str(r#"<div class="teaser-date"><time>15.09.2023</time></div></div></body></html>"#);
        assert_eq!(published(&page, None).as_deref(), Some("2023-09-14"));
    }

    #[test]
    fn the_date_line_beside_the_headline_wins_over_older_teasers() {
        let page = r#"<html lang="de"><body><div class="top"><p>12. Januar 2023</p><a href="/a">Ältere Meldung</a></div>
<div class="story"><p>3. Februar 2023, Hans Beispiel</p><h1>Ein Turnier im Frühling</h1>
<p>Ein langer Absatz über das Turnier, der mehr als nur ein paar Wörter hat und davon erzählt.</p></div>
<div class="list"><p>20. Januar 2023</p><a href="/b">Noch eine Meldung</a></div></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2023-02-03"));
        // Without a headline the earliest short date stands.
        let no_headline = page.replace("<h1>", "<h2>").replace("</h1>", "</h2>");
        assert_eq!(published(&no_headline, None).as_deref(), Some("2023-01-12"));
    }

    #[test]
    fn a_dateline_opening_a_paragraph() {
        let page = r#"<html lang="de"><body><div class="events"><p>Sa. 18.03.2023</p><p>Konzert im Dom</p></div>
<div class="text"><p><strong>Freiburg, (17.03.2023). Die Gemeinden laden am Sonntag zu einem Konzert ein, das lange vorbereitet wurde.</strong></p></div></body></html>"#;
        assert_eq!(published(page, None), Some("2023-03-17".to_string()));
        assert_eq!(extract(page, None).published.map(|p| p.1), Some(Provenance::Text));
        assert_eq!(
            paragraph_dateline("WASHINGTON, March 3, 2024 — The senators met on Tuesday.", Order::DayFirst),
            Some((2024, 3, 3))
        );
        // a weekday and a date standing alone are a page's clock, not a dateline
        assert_eq!(paragraph_dateline("Donnerstag, 16. Februar 2023", Order::DayFirst), None);
        assert_eq!(
            paragraph_dateline("Thursday, March 3, 2024 — The senators met again today.", Order::DayFirst),
            None
        );
        assert_eq!(
            paragraph_dateline("We said, 3 March 2024 was a day to remember for all of us.", Order::DayFirst),
            None
        );
        assert_eq!(
            paragraph_dateline("17.03.2023 – Die Gemeinden laden am Sonntag zu einem Konzert ein.", Order::DayFirst),
            Some((2023, 3, 17))
        );
        assert_eq!(
            paragraph_dateline("17.03.2023 Konzert im Dom, Eintritt frei für alle Gäste", Order::DayFirst),
            None
        );
    }

    #[test]
    fn never_after_the_day_the_text_says_it_was_first_published() {
        // The page shows its update's day, which a meta tag also gives; the text says when it
        // first appeared, and the publication meta tag agrees.
        let page = r#"<html lang="fr"><head>
<meta property="article:modified_time" content="2023-06-05T10:00:00+02:00">
<meta property="article:published_time" content="2019-09-03T10:00:00+02:00">
<meta itemprop="datePublished" content="2023-06-05">
</head><body><article><div class="info">Par Jeanne Dupont | Le 5 juin 2023</div>
<p>Un long texte sur les légumes de saison et la façon de les cuisiner.</p>
<p><em>Cet article, initialement publié en septembre 2019, a été mis à jour.</em></p></article></body></html>"#;
        assert_eq!(extract(page, None).published.map(|p| p.0[..10].to_string()).as_deref(), Some("2019-09-03"));
        // A stated day with no source agreeing: the stated day, from the text.
        let page = r#"<html><head><meta property="article:published_time" content="2023-06-05T10:00:00Z"></head>
<body><article><p>Long text of an essay about the seasons, in several paragraphs.</p>
<p>This essay was originally published on March 3, 2021.</p></article></body></html>"#;
        assert_eq!(extract(page, None).published, Some(("2021-03-03".to_string(), Provenance::Text)));
        // A stated day before the metadata's changes nothing when it is later.
        let later = page.replace("March 3, 2021", "July 3, 2023");
        assert_eq!(published(&later, None).as_deref(), Some("2023-06-05T10:00:00Z"));
        assert_eq!(
            first_published_stated(&["It first appeared in April 2017 in the print edition."], Order::DayFirst),
            Some(Stated { year: 2017, month: 4, day: None })
        );
    }

    #[test]
    fn embedded_posts_do_not_date_the_page() {
        // An Instagram post quoted into a commentary carries its own `<time>`; the page's day is
        // in its byline below.
        let page = r#"<html><body><article><h1>What the ruling means for influencers</h1>
<blockquote class="instagram-media" data-instgrm-version="12"><div><p><a href="https://www.instagram.com/p/x/">A post shared by a blogger</a> on <time datetime="2018-03-12T19:30:12+00:00">Mar 12, 2018</time></p></div></blockquote>
<p>The court ruled that tagging brands is not advertising in every case, the judges said.</p>
<div class="byline"><span>Tuesday,</span> <span>29 January 2019</span></div></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2019-01-29"));
        // A tweet quoted as a blockquote: its date line is the tweet's.
        let page = r#"<html><body><article><h1>Storm closes the harbour</h1>
<blockquote class="twitter-tweet"><p>The harbour is closed until further notice.</p>&mdash; Port Authority (@port) <a href="https://twitter.com/port/status/1">March 2, 2021</a></blockquote>
<p class="date">Published 5 March 2021</p><p>Boats stayed in port for a third day.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2021-03-05"));
    }

    #[test]
    fn teasers_of_other_articles_do_not_date_the_page() {
        // The page's own article shows its day as plain text; the list of other articles below
        // it marks theirs as published.
        let page = r#"<html><body><article><h1>The council votes on the budget</h1>
<p class="byline">By a reporter, 14 January 2022</p>
<p>The council approved the budget after a long debate, its chair said.</p></article>
<section><article class="teaser"><h2>Another story</h2><time pubdate datetime="2022-01-21T08:00:00Z">21 January</time></article>
<article class="teaser"><h2>A third story</h2><time pubdate datetime="2022-01-20T08:00:00Z">20 January</time></article></section>
</body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2022-01-14"));
        // A page whose headline is outside any article keeps the marked date.
        let page = r#"<html><body><h1>Harbour reopens</h1><article><time pubdate datetime="2022-02-03T08:00:00Z">3 February</time>
<p>The harbour reopened on Thursday, the port said.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref().map(|d| &d[..10]), Some("2022-02-03"));
    }

    #[test]
    fn comment_timestamps_do_not_date_the_page() {
        // The episode page says when it was published in its text; its comments carry `<time>`.
        let page = r#"<html><body><article><h1>Episode 12: fusion in the lab</h1>
<p>Published on 16.08.2019<br>Length: 1 hour</p><p>We talk about the experiment and its results.</p></article>
<ol class="comment-list"><li><div class="comment-metadata"><time datetime="2019-08-24T03:36:11+02:00">24 August 2019</time></div><p>Great episode!</p></li></ol>
</body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2019-08-16"));
    }

    #[test]
    fn teaser_list_items_do_not_date_the_page() {
        // A list of other articles, each a headline link with its date, stands before the
        // article's own byline.
        let page = r#"<html><body><ul class="more"><li><a href="/a">Why tariffs will not matter for the trade balance</a><div class="meta">December 17, 2019</div></li></ul>
<div class="story"><h2>Banks and the slowdown</h2><div class="meta">August 6, 2019</div>
<p>Lending slowed in the second quarter, the figures show.</p></div></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2019-08-06"));
    }

    #[test]
    fn a_generic_meta_date_gives_way_to_the_date_line() {
        // `<meta name="date">` holds the day of the last edit; the news item's date line shows
        // the day it was published.
        let page = r#"<html><head><meta name="date" content="2020-02-12"></head><body>
<div class="news-single-item"><div class="news-single-timedata">05.02.2020 - Editorial team</div>
<h1>Fair supply chains</h1><p>Young people campaigned for fair supply chains this week.</p></div></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2020-02-05"));
        // A specific meta tag keeps its day.
        let page = page.replace(r#"name="date""#, r#"property="article:published_time""#);
        assert_eq!(published(&page, None).as_deref(), Some("2020-02-12"));
    }

    #[test]
    fn hidden_dates_are_not_the_day_shown() {
        // The byline hides the update's timestamp for search engines and shows the publication
        // day; the metadata disagree, and the day shown settles it.
        let page = r#"<html lang="de"><head>
<meta property="article:published_time" content="2023-07-20T11:00:00+00:00">
<meta property="article:modified_time" content="2023-07-02T09:00:00+00:00"></head><body><article>
<div class="post-meta-info"><span class="updated rich-snippet-hidden">2023-07-02T10:00:00+01:00</span><span>20. Juli 2023</span></div>
<p>Ein Text über die Forschung und ihre Geschichte.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref().map(|d| &d[..10]), Some("2023-07-20"));
        // Without metadata, the byline's shown day, not the hidden one.
        let page = r#"<html lang="de"><body><article><h2>Urlaub</h2>
<div class="post-date"><span style="display:none">19.01.2024</span>20.12.2023</div>
<p>Ein Text über den Urlaub.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2023-12-20"));
    }

    #[test]
    fn a_cue_counts_only_where_it_ends_a_word() {
        // "Datensatz" (data set) begins with "date" but introduces no publication date: the
        // short date line below is the article's day.
        let page = r#"<html lang="de"><body><article><p>Eine Karte der Schneehöhen in den Alpen, gemessen aus dem Flugzeug über Davos. Datensatz vom 09.03.2016</p>
<p>Ein langer Text über die Karten der Schneehöhen in den Alpen.</p><div><span>Meldung vom</span> <span>14.01.2022</span></div></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2022-01-14"));
        assert_eq!(cue_word_ends("veröffentlichungsdatum: 3.3.2024", "datum").next(), Some(23));
        assert_eq!(cue_word_ends("datensatz vom 3.3.2024", "date").next(), None);
        assert_eq!(cued_text_date(&["Datensatz vom 09.03.2016"], Order::DayFirst), None);
        assert_eq!(cued_text_date(&["Erscheinungsdatum: 09.03.2016"], Order::DayFirst), Some((2016, 3, 9)));
    }

    #[test]
    fn abbr_timestamps_are_time_elements() {
        // Posts whose times are shown as "2 h" with the full day in the title or in Unix
        // seconds: the earliest post is the page's.
        let page = r#"<html lang="en"><body><div class="feed">
<div class="post"><abbr title="Sunday, 8 October 2017 at 02:12" data-utime="1507421520">8 h</abbr><p>A pinned post.</p></div>
<div class="post"><abbr title="Friday, 6 October 2017 at 04:00" data-utime="1507262400">2 d</abbr><p>An older post.</p></div>
</div></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2017-10-06"));
        let seconds_only = r#"<html><body><p>Text.</p><abbr data-utime="1507262400">2 d</abbr></body></html>"#;
        assert_eq!(published(seconds_only, None).as_deref(), Some("2017-10-06"));
        // An abbreviation is no date.
        let abbr = r#"<html><body><p>The <abbr title="World Health Organization">WHO</abbr> met.</p></body></html>"#;
        assert_eq!(published(abbr, None), None);
    }

    #[test]
    fn the_date_line_at_the_headline_wins_over_dated_teasers() {
        let page = r#"<html lang="de"><body><div id="story"><p>02.02.2022 10:16 Uhr - Bundesliga</p>
<h1>Ein Sieg im <em>letzten</em> Spiel</h1><p>Ein langer Bericht über das Spiel und seine Folgen für die Tabelle.</p></div>
<div class="tabs"><div><p><small>30.01.2022 · Männer</small></p><p><a href="/b">Eine meistgelesene Meldung</a></p></div></div>
</body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2022-02-02"));
        // below the headline, after all of its text
        let below = page.replace(
            "<p>02.02.2022 10:16 Uhr - Bundesliga</p>\n<h1>Ein Sieg im <em>letzten</em> Spiel</h1>",
            "<h1>Ein Sieg im <em>letzten</em> Spiel</h1><p>02.02.2022 | Bundesliga</p>",
        );
        assert_ne!(below, page);
        assert_eq!(published(&below, None).as_deref(), Some("2022-02-02"));
        // a date that does not open the line is no date line; an update's day neither
        let later = page.replace("02.02.2022 10:16 Uhr - Bundesliga", "Aktualisiert 02.02.2022");
        assert_eq!(published(&later, None).as_deref(), Some("2022-01-30"));
        // a site's name in the page header is no headline
        let header = r#"<html lang="de"><body><header><h1>Die Zeitung</h1><p>03.02.2022 Heute</p></header>
<div class="meta">01.02.2022</div><p>Ein langer Bericht über das Spiel und seine Folgen.</p></body></html>"#;
        assert_eq!(published(header, None).as_deref(), Some("2022-02-01"));
    }

    #[test]
    fn htmldate_cues_icons_publication_and_release_dates() {
        // The day beside a calendar icon, not the earlier day of a list of events.
        let page = r#"<html lang="en-GB"><body><div class="events"><p>1 February 2024</p><p>A concert</p></div>
<div class="story"><p><i class="fa fa-calendar"></i> 3 March 2024</p><p>A long text about the concert season.</p></div></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-03"));
        let page = page.replace(
            r#"<p><i class="fa fa-calendar"></i> 3 March 2024</p>"#,
            r#"<p class="publication">Issued 3 March 2024</p>"#,
        );
        assert!(page.contains("publication"));
        assert_eq!(published(&page, None).as_deref(), Some("2024-03-03"));
        let page = r#"<html><head><meta name="release_date" content="2024-03-03"></head><body><p>1 February 2024</p></body></html>"#;
        assert_eq!(extract(page, None).published, Some(("2024-03-03".to_string(), Provenance::Given)));
    }

    #[test]
    fn a_published_date_after_an_update_in_one_byline() {
        // The update comes first in the byline; the day published is the article's date. The
        // "date" of "updated" is no publication cue.
        let body = |byline: &str| {
            format!(
                r#"<html lang="en"><body><article><h1>Council approves budget</h1>{byline}
<p>The council approved the budget after a long debate on Tuesday evening.</p></article></body></html>"#
            )
        };
        for (byline, want) in [
            (
                r#"<div class="meta"><span>Updated March 6, 2024</span> <span>Published March 5, 2024</span></div>"#,
                "2024-03-05",
            ),
            (r#"<div class="article-info">Last updated on 2024-03-06 · Published 2024-03-05</div>"#, "2024-03-05"),
            ("<p>Updated on March 6, 2024 | Posted on March 5, 2024</p>", "2024-03-05"),
            ("<p>Last update: 6 March 2024</p><p>Posted on 5 March 2024</p>", "2024-03-05"),
            ("<p>Posted by Jane Roe, last updated March 6, 2024</p>", "2024-03-06"),
        ] {
            assert_eq!(published(&body(byline), None).as_deref(), Some(want), "{byline}");
        }
    }

    #[test]
    fn a_date_cue_inside_an_update_phrase_is_the_update() {
        for text in ["Last updated date: 06.03.2024", "Änderungsdatum: 06.03.2024", "Update date 06.03.2024"] {
            let lower = text.to_lowercase();
            // as a cued text: no publication day
            assert_eq!(cued_text_date(&[text], Order::DayFirst), None, "{text}");
            // in a dated element: a modification, standing in only when nothing else is there
            assert!(first_unmodified_date(text, Order::DayFirst).is_none(), "{lower}");
        }
        assert_eq!(
            cued_text_date(&["Aktualisiert: 06.03.2024, Veröffentlichungsdatum: 05.03.2024"], Order::DayFirst),
            Some((2024, 3, 5))
        );
    }

    #[test]
    fn originally_posted_is_the_first_day() {
        let page = r#"<html lang="en"><body><article><h1>Council approves budget</h1>
<p class="time">Updated 2:30 PM EST, Wed March 6, 2024</p>
<p>The council approved the budget after a long debate on Tuesday evening.</p>
<p>This story was originally posted Tue March 5, 2024.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn an_aside_beside_the_article_lists_other_articles() {
        let page = r#"<html lang="en"><body>
<aside><ul><li><span class="date">1 March 2024</span> Ferry fares rise</li>
<li><span class="date">2 March 2024</span> Harbour dredging starts</li></ul></aside>
<article><h1>Council approves budget</h1><p>By Jane Roe</p><p>March 5, 2024</p>
<p>The council approved the budget after a long debate on Tuesday evening.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-05"));
        // An aside inside the article may hold its own byline.
        let page = r#"<html lang="en"><body><article><h1>Council approves budget</h1>
<aside class="meta"><span class="date">March 5, 2024</span></aside>
<p>The council approved the budget after a long debate on Tuesday evening.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn a_publication_noun_cues_the_day_and_an_update_near_the_headline_stands_aside() {
        let page = r#"<html lang="de"><body><article><h1>Brücke wieder offen</h1>
<p>Zuletzt aktualisiert: 06.03.2024</p><p>Die Brücke über den Fluss ist seit Montag wieder offen.</p>
<p>Erstveröffentlichung: 05.03.2024</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-05"));
        // no cue: the date beside the headline that is not an update's
        let page = r#"<html lang="en"><body><article><h1>Council approves budget</h1>
<p>Last updated: 6 March 2024</p><p>Jane Roe</p><p>5 March 2024</p>
<p>The council approved the budget after a long debate on Tuesday evening.</p></article></body></html>"#;
        assert_eq!(published(page, None).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn a_date_class_beside_updated_is_a_date_class() {
        assert!(is_cue_name("vw-post-date updated"));
        assert!(!is_cue_name("last-updated"));
        assert!(!is_cue_name("modified-date"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        let big = "<div class=date>".repeat(800) + &"12.12.2012 ".repeat(100);
        for page in [
            "",
            "<meta property=article:published_time content='2024-13-45T99:99Z'>",
            "<meta name=date content='-'>",
            "<script type=application/ld+json>{\"datePublished\": [1, {\"x\": null}]}</script>",
            "<time datetime='９９９９-01-01'>",
            "/2024/02/30/ /9999/99/99/ 2024-02-30T10:00",
            big.as_str(),
        ] {
            let _ = extract(page, Some("http://x/2024/99/99/é"));
        }
    }
}
