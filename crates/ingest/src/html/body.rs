//! Main text: the article body of a page, without navigation, captions, share bars and other
//! page furniture.

use scraper::{ElementRef, Html, Node, Selector};

use super::dom::{collect_text, element_text, selector};

/// Tags whose content is never article text.
const SKIP_TAGS: &[&str] = &[
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "figure",
    "figcaption",
    "form",
    "button",
    "iframe",
    "svg",
    "template",
    "select",
    "textarea",
    "label",
    "menu",
];

/// Class or id words that mark page furniture.
const SKIP_CLASS_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "cookie",
    "cookies",
    "comments",
    "comment",
    "sidebar",
    "caption",
    "breadcrumb",
    "breadcrumbs",
    "subscribe",
    "signup",
    "paywall",
    "footer",
    "byline",
    "disclaimer",
    "recommended",
    "outbrain",
    "taboola",
];

/// True when an element is furniture by tag, role or class/id words.
fn is_furniture(el: &ElementRef) -> bool {
    let v = el.value();
    if SKIP_TAGS.contains(&v.name()) {
        return true;
    }
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(v.attr("role"), Some("navigation" | "banner" | "contentinfo" | "complementary")) {
        return true;
    }
    // Class and id words: not on the page's big containers, whose classes describe the layout
    // ("right-sidebar", "active-footer-widgets" on <body>), nor on elements that also call
    // themselves content ("entry-content share-enabled").
    if matches!(v.name(), "html" | "body" | "main" | "article") {
        return false;
    }
    let words: Vec<String> = v
        .attr("class")
        .into_iter()
        .chain(v.id())
        .flat_map(|n| n.split(|c: char| !c.is_ascii_alphanumeric()))
        .map(str::to_ascii_lowercase)
        .collect();
    let content = words
        .iter()
        .any(|w| matches!(w.as_str(), "content" | "article" | "entry" | "story" | "main" | "body" | "text" | "post"));
    !content && words.iter().any(|w| SKIP_CLASS_WORDS.contains(&w.as_str()))
}

/// True when `el` or one of its ancestors is furniture.
fn in_furniture(el: &ElementRef) -> bool {
    is_furniture(el) || el.ancestors().filter_map(ElementRef::wrap).any(|a| is_furniture(&a))
}

/// Paragraphs of `root` that are not furniture.
fn paragraphs(root: &ElementRef, p_sel: &Selector) -> Vec<String> {
    root.select(p_sel).filter(|p| !in_furniture(p)).map(|p| element_text(&p)).filter(|t| !t.is_empty()).collect()
}

/// The main text of the page: paragraphs joined by blank lines.
pub(crate) fn main_text(doc: &Html) -> String {
    // Body.
    let Some(p_sel) = selector("p") else {
        return String::new();
    };
    let mut best: Vec<String> = Vec::new();
    let mut best_len = 0;
    if let Some(a_sel) = selector("article, [itemprop=articleBody]") {
        for art in doc.select(&a_sel) {
            if in_furniture(&art) {
                continue;
            }
            let ps = paragraphs(&art, &p_sel);
            let len: usize = ps.iter().map(String::len).sum();
            if len > best_len {
                best_len = len;
                best = ps;
            }
        }
    }
    if best_len < 200 {
        // The element whose own <p> children hold the most text.
        let mut totals = Vec::new();
        for p in doc.select(&p_sel) {
            if in_furniture(&p) {
                continue;
            }
            let Some(parent) = p.parent() else { continue };
            let len = element_text(&p).len();
            match totals.iter_mut().find(|(id, _)| *id == parent.id()) {
                Some(t) => t.1 += len,
                None => totals.push((parent.id(), len)),
            }
        }
        let top = totals.iter().max_by_key(|t| t.1).copied();
        if let Some((id, len)) = top {
            if len > best_len {
                if let Some(root) = doc.tree.get(id).and_then(ElementRef::wrap) {
                    best = paragraphs(&root, &p_sel);
                    best_len = best.iter().map(String::len).sum();
                }
            }
        }
    }
    if best_len < 200 {
        // No paragraph markup: the block whose own inline text (split at <br>) is longest.
        if let Some(b_sel) = selector("div, td, section, blockquote, article, dd, main, body") {
            let mut top: Option<(usize, Vec<String>)> = None;
            for block in doc.select(&b_sel) {
                if in_furniture(&block) {
                    continue;
                }
                let parts = inline_paragraphs(&block);
                let len: usize = parts.iter().map(String::len).sum();
                if len > best_len && top.as_ref().is_none_or(|t| len > t.0) {
                    top = Some((len, parts));
                }
            }
            if let Some((_, parts)) = top {
                best = parts;
            }
        }
    }
    best.join("\n\n")
}

/// Inline elements whose text belongs to the surrounding block.
const INLINE: &[&str] = &[
    "a", "b", "i", "em", "strong", "span", "u", "font", "small", "sup", "sub", "abbr", "cite", "q", "mark", "time",
    "big", "tt", "s", "strike", "ins", "del",
];

/// The block's own text (text children and inline elements), split into paragraphs at `<br>`s
/// (a single `<br>` joins lines with a space; two or more start a new paragraph).
fn inline_paragraphs(block: &ElementRef) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut brs = 0;
    for child in block.children() {
        match child.value() {
            Node::Text(t) => {
                if !t.trim().is_empty() {
                    if brs >= 2 {
                        parts.push(std::mem::take(&mut cur));
                    } else if brs == 1 {
                        cur.push(' ');
                    }
                    brs = 0;
                }
                cur.push_str(t);
            }
            Node::Element(e) if e.name() == "br" => brs += 1,
            Node::Element(e) if INLINE.contains(&e.name()) => {
                if let Some(c) = ElementRef::wrap(child) {
                    if !in_furniture(&c) {
                        if brs >= 2 {
                            parts.push(std::mem::take(&mut cur));
                        }
                        brs = 0;
                        cur.push(' ');
                        collect_text(&c, &mut cur);
                        cur.push(' ');
                    }
                }
            }
            Node::Element(_) => {
                if brs > 0 || !cur.trim().is_empty() {
                    parts.push(std::mem::take(&mut cur));
                }
                brs = 0;
            }
            _ => {}
        }
    }
    parts.push(cur);
    parts.into_iter().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|p| !p.is_empty()).collect()
}
