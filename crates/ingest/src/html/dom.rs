//! DOM helpers shared by the metadata and main-text readers.

use scraper::{ElementRef, Html, Node, Selector};

/// A parsed selector, or `None` for a selector that does not parse.
pub(crate) fn selector(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

/// The visible text of an element with whitespace collapsed, skipping scripts and styles.
pub(crate) fn element_text(el: &ElementRef) -> String {
    let mut out = String::new();
    collect_text(el, &mut out);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn collect_text(el: &ElementRef, out: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if matches!(e.name(), "script" | "style" | "noscript" | "template") {
                    continue;
                }
                if e.name() == "br" {
                    out.push(' ');
                }
                if let Some(c) = ElementRef::wrap(child) {
                    collect_text(&c, out);
                }
            }
            _ => {}
        }
    }
}

/// The first non-empty `content` (or `datetime`) of the elements matching `sel`.
pub(crate) fn first_attr(doc: &Html, sel: &str, attrs: &[&str]) -> Option<String> {
    let s = selector(sel)?;
    doc.select(&s).find_map(|e| {
        attrs.iter().find_map(|a| e.value().attr(a)).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
    })
}
