//! Main text: the article body of a page, without navigation, headline, bylines, captions,
//! share bars, sign-up boxes, related links, comments and other page furniture.
//!
//! One walk copies the `<body>` into a compact arena with per-element statistics ([`tree`]);
//! furniture is marked by tag, role, hidden state and class/id words, unless it holds a
//! well-known article-body container ([`rules`]). Readability-style scoring picks the article's
//! container and the siblings that belong with it ([`select`]); its blocks are written out in
//! reading order, leaving out link-heavy containers and boilerplate lines ([`emit`]). When that
//! finds little text, the whole body is read the same way and the longer result kept.

mod emit;
mod rules;
mod select;
mod tree;

use scraper::Html;

use emit::{Kind, Paragraph};

/// Below this many characters the chosen container is not trusted and the whole body is tried.
const SHORT_TEXT: usize = 250;

/// The main text of the page: paragraphs (headings, list items, quotes, cells included) joined
/// by blank lines.
pub(crate) fn main_text(doc: &Html) -> String {
    main_paragraphs(doc).join("\n\n")
}

/// The main text of the page as paragraphs in reading order.
pub(crate) fn main_paragraphs(doc: &Html) -> Vec<String> {
    paragraphs_of(doc, true)
}

/// Main text of `doc`; with `nested`, markup held as text in a `<noscript>` (how scripted pages
/// ship their content to readers without scripts) is read when the page itself says little.
fn paragraphs_of(doc: &Html, nested: bool) -> Vec<String> {
    let mut tree = tree::Tree::build(doc);
    let roots = select::choose_roots(&mut tree);
    let mut paragraphs = keep(emit::paragraphs(&tree, &roots));
    let mut len: usize = paragraphs.iter().map(String::len).sum();
    if len < SHORT_TEXT && roots != [0] {
        let whole = keep(emit::paragraphs(&tree, &[0]));
        let whole_len = whole.iter().map(String::len).sum::<usize>();
        if whole_len > 2 * len + 100 {
            paragraphs = whole;
            len = whole_len;
        }
    }
    if len < SHORT_TEXT && nested {
        if let Some(markup) = tree.noscript_markup() {
            let inner = paragraphs_of(&Html::parse_document(&markup), false);
            if inner.iter().map(String::len).sum::<usize>() > len {
                paragraphs = inner;
            }
        }
    }
    paragraphs
}

/// Drops link lines (short paragraphs that are mostly a link) and trailing headings.
fn keep(paragraphs: Vec<Paragraph>) -> Vec<String> {
    let mut out: Vec<Paragraph> = paragraphs
        .into_iter()
        .filter(|p| !(p.link_density > 0.75 && p.text.chars().count() < 100 && p.kind != Kind::Heading))
        .collect();
    while out.last().is_some_and(|p| p.kind == Kind::Heading) {
        out.pop();
    }
    out.into_iter().map(|p| p.text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(page: &str) -> String {
        main_text(&Html::parse_document(page))
    }

    const STORY: &str =
        "<p>The council voted on Tuesday to rebuild the old harbour wall, which collapsed in a storm last winter.</p>\
<p>Work will start in spring, the mayor said, and the quay should reopen to boats by the end of the year.</p>\
<p>Fishermen, who have used a temporary pier since March, welcomed the decision but asked for a faster timetable.</p>";

    fn page(inner: &str) -> String {
        format!("<html><head><title>Harbour</title></head><body>{inner}</body></html>")
    }

    #[test]
    fn navigation_and_footer_are_dropped() {
        let t = text(&page(&format!(
            "<nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul></nav>\
             <div id=menu-main><a href=/s>Sport</a> <a href=/w>Weather</a></div>\
             <article>{STORY}</article><footer><p>All rights reserved, Harbour Times 2025.</p></footer>"
        )));
        assert!(t.starts_with("The council voted"), "{t}");
        assert!(t.ends_with("faster timetable."), "{t}");
        assert!(!t.contains("Home") && !t.contains("Sport") && !t.contains("rights"), "{t}");
    }

    #[test]
    fn headline_byline_and_caption_are_dropped() {
        let t = text(&page(&format!(
            "<article><h1>Harbour wall to be rebuilt</h1><div class=byline>By Jane Roe</div>\
             <p class=\"post-meta\"><time>3 March 2025</time></p>\
             <figure><img src=a.jpg><figcaption>The broken wall in January.</figcaption></figure>{STORY}</article>"
        )));
        assert!(t.starts_with("The council voted"), "{t}");
        assert!(!t.contains("Harbour wall to be") && !t.contains("Jane Roe") && !t.contains("March 2025"), "{t}");
        assert!(!t.contains("broken wall"), "{t}");
    }

    #[test]
    fn share_newsletter_cookie_and_ads_are_dropped() {
        let t = text(&page(&format!(
            "<div id=cookie-banner><p>We use cookies to improve your experience. Accept all cookies?</p></div>\
             <div class=article-body>{STORY}<div class=share-bar><a href=#>Facebook</a><a href=#>Twitter</a></div>\
             <div class=newsletter-box><p>Get the morning briefing in your inbox every day.</p></div>\
             <div class=ad-slot>Advertisement</div><p>Jetzt kostenlos anmelden!</p></div>"
        )));
        assert!(t.starts_with("The council voted") && t.ends_with("faster timetable."), "{t}");
        for bad in ["cookies", "Facebook", "briefing", "Advertisement", "anmelden"] {
            assert!(!t.contains(bad), "{bad} in {t}");
        }
    }

    #[test]
    fn related_links_comments_tags_and_bio_are_dropped() {
        let t = text(&page(&format!(
            "<main><div class=story>{STORY}\
             <ul class=tag-list><li><a href=/t/a>harbour</a></li><li><a href=/t/b>council</a></li></ul>\
             <div class=author-bio><p>Jane Roe covers the coast for the paper and has written three books about boats.</p></div>\
             </div><div class=related><h3>More stories</h3><ul><li><a href=/1>Pier to close for winter repairs</a></li>\
             <li><a href=/2>Ferry timetable changes next month</a></li></ul></div>\
             <section id=comments><p>Great news, about time, well done council!</p></section></main>"
        )));
        assert!(t.starts_with("The council voted") && t.ends_with("faster timetable."), "{t}");
        for bad in ["harbour\n", "three books", "Pier to close", "More stories", "about time"] {
            assert!(!t.contains(bad), "{bad} in {t}");
        }
    }

    #[test]
    fn headings_lists_quotes_and_tables_are_kept_in_order() {
        let t = text(&page(&format!(
            "<div class=entry-content>{STORY}<h2>What happens next</h2><ul><li>Surveys start in January, weather permitting.</li>\
             <li>Contracts are signed in February.</li></ul><blockquote>We have waited long enough, said one skipper.</blockquote>\
             <table><tr><td>Cost</td><td>4.2 million euros</td></tr></table>\
             <p>The harbour board meets again next week to approve the plans.</p></div>"
        )));
        let parts: Vec<&str> = t.split("\n\n").collect();
        let pos = |s: &str| parts.iter().position(|p| p.contains(s));
        assert_eq!(pos("What happens next").map(|i| parts[i]), Some("What happens next"), "{t}");
        assert!(pos("What happens next") < pos("Surveys start"), "{t}");
        assert!(pos("Surveys start") < pos("Contracts are signed"), "{t}");
        assert!(pos("Contracts are signed") < pos("waited long enough"), "{t}");
        assert!(pos("4.2 million").is_some() && pos("board meets").is_some(), "{t}");
    }

    #[test]
    fn hidden_and_screen_reader_text_is_dropped() {
        let t = text(&page(&format!(
            "<article><span class=sr-only>Share on Facebook</span><div style=\"display: none\">Popup text here</div>\
             {STORY}<div hidden>Hidden paragraph</div></article>"
        )));
        assert!(!t.contains("Share on") && !t.contains("Popup") && !t.contains("Hidden paragraph"), "{t}");
    }

    #[test]
    fn content_container_with_furniture_words_is_kept() {
        let t = text(&page(&format!(
            "<div class=\"sidebar-layout\"><div class=\"entry-content share-enabled\">{STORY}</div></div>"
        )));
        assert!(t.starts_with("The council voted"), "{t}");
    }

    #[test]
    fn split_article_siblings_are_merged() {
        let t = text(&page(&format!(
            "<div class=wrap><div class=text-part>{STORY}</div><div class=ad>Buy now</div>\
             <div class=text-part>{STORY}</div></div><div class=links><a href=/a>A</a></div>"
        )));
        assert_eq!(t.matches("The council voted").count(), 2, "{t}");
        assert!(!t.contains("Buy now"), "{t}");
    }

    #[test]
    fn lead_in_article_header_is_kept_but_site_header_is_not() {
        let t = text(&page(&format!(
            "<header class=site-header><p>Harbour Times, your local paper since 1901, every day.</p></header>\
             <article><header class=entry-header><h1>Harbour wall</h1>\
             <p class=lead>After months of debate the town has made up its mind about the wall.</p></header>\
             <div class=entry-content>{STORY}</div></article>"
        )));
        assert!(t.starts_with("After months of debate"), "{t}");
        assert!(!t.contains("since 1901") && !t.contains("Harbour wall\n"), "{t}");
    }

    #[test]
    fn markup_in_noscript_is_read_when_the_page_is_empty() {
        let t = text(&page(&format!("<div id=app>Loading</div><noscript>{STORY}{STORY}</noscript>")));
        assert!(t.starts_with("The council voted") && t.contains("faster timetable."), "{t}");
    }

    #[test]
    fn does_not_panic() {
        let deep = "<div>".repeat(20_000) + "text";
        for p in ["", "<", "<<<>>>", "<p>", "\u{0}<html><p>x", "<script>{</script>", "<frameset></frameset>", &deep] {
            let _ = text(p);
        }
    }
}
