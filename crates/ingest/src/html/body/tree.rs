//! A compact copy of the page's `<body>`: one walk over the parsed tree builds an arena of the
//! elements that can hold text, with per-node statistics (text and link length, commas,
//! paragraphs) computed once, bottom-up.

use scraper::{Html, Node};

use std::collections::HashMap;

use super::rules::{
    class_weight, is_block, is_content_marker, is_content_name, is_dropped, is_furniture_name, is_furniture_tag,
};

/// A child of an arena node, in document order.
pub(super) enum Child<'a> {
    /// An element, by arena index.
    Element(usize),
    /// A text node.
    Text(&'a str),
    /// A `<br>`.
    Break,
}

/// One element of the page with its statistics.
#[derive(Default)]
pub(super) struct Element<'a> {
    /// Tag name.
    pub tag: &'a str,
    /// A block-level element (starts and ends a paragraph).
    pub block: bool,
    /// The `class` attribute (for Readability's same-class sibling bonus).
    pub class: &'a str,
    /// Parent, by arena index (`None` for the root).
    pub parent: Option<usize>,
    /// Children in document order.
    pub children: Vec<Child<'a>>,
    /// Furniture: dropped with its subtree.
    pub furniture: bool,
    /// Class or id says comments.
    pub comments: bool,
    /// A link (an `<a>` that does not wrap whole paragraphs of text).
    pub link: bool,
    /// Inside an `<article>` or article-body container.
    pub in_article: bool,
    /// Inside furniture (itself or an ancestor).
    pub in_furniture: bool,
    /// Says by name or `itemprop` that it holds the article body.
    pub marker: bool,
    /// A content marker is this element or one of its descendants.
    pub holds_marker: bool,
    /// Class and id weight (Readability).
    pub weight: i32,
    /// Text length (characters, whitespace runs counted once), furniture excluded.
    pub text_len: usize,
    /// Text length inside links.
    pub link_len: usize,
    /// Commas in the text.
    pub commas: usize,
    /// Length of the element's own inline text (text children and inline elements, not blocks).
    pub inline_len: usize,
    /// Commas in the own inline text.
    pub inline_commas: usize,
    /// Number of `<p>` descendants (furniture excluded).
    pub paragraphs: usize,
    /// Number of `<li>` descendants (furniture excluded).
    pub list_items: usize,
    /// Readability content score, when the element was scored.
    pub score: Option<f64>,
}

impl Element<'_> {
    /// Share of the text inside links.
    pub fn link_density(&self) -> f64 {
        if self.text_len == 0 {
            0.0
        } else {
            self.link_len as f64 / self.text_len as f64
        }
    }
}

/// The arena: element 0 is the `<body>` (or the document root when there is none).
pub(super) struct Tree<'a> {
    /// Elements in document (pre-)order: a parent always comes before its children.
    pub nodes: Vec<Element<'a>>,
}

/// Length of a text with whitespace runs counted as one character, and its commas.
pub(super) fn measure(text: &str) -> (usize, usize) {
    let (mut len, mut commas, mut in_space) = (0, 0, true);
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                len += 1;
                in_space = true;
            }
        } else {
            len += 1;
            in_space = false;
            if matches!(c, ',' | '，' | '、' | '،') {
                commas += 1;
            }
        }
    }
    (len, commas)
}

/// True when an element's `style`, `hidden` or `aria-hidden` hides it.
fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden").is_some_and(|v| v.trim() == "true") {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let squashed: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        squashed.contains("display:none") || squashed.contains("visibility:hidden")
    })
}

/// What a `class` or `id` attribute says, computed once per distinct value on a page.
#[derive(Clone, Copy, Default)]
struct NameVerdict {
    /// Some name marks furniture.
    furniture: bool,
    /// Some name says content ("entry-content").
    content: bool,
    /// Some name is a well-known article-body container.
    marker: bool,
    /// Some name says comments.
    comments: bool,
    /// Readability class weight.
    weight: i32,
}

impl NameVerdict {
    fn of(attr: &str) -> NameVerdict {
        let lower = attr.to_ascii_lowercase();
        let mut v = NameVerdict { weight: class_weight(&lower), ..NameVerdict::default() };
        for name in lower.split_whitespace() {
            v.furniture |= is_furniture_name(name);
            v.content |= is_content_name(name);
            v.marker |= is_content_marker(name);
            v.comments |= name.contains("comment") || name.contains("kommentar");
        }
        v
    }

    fn merge(self, other: NameVerdict) -> NameVerdict {
        NameVerdict {
            furniture: self.furniture || other.furniture,
            content: self.content || other.content,
            marker: self.marker || other.marker,
            comments: self.comments || other.comments,
            weight: self.weight + other.weight,
        }
    }
}

/// Verdicts on the page's class and id values.
type NameCache<'a> = HashMap<&'a str, NameVerdict>;

fn verdict<'a>(cache: &mut NameCache<'a>, attr: Option<&'a str>) -> NameVerdict {
    match attr {
        Some(a) if !a.trim().is_empty() => *cache.entry(a).or_insert_with(|| NameVerdict::of(a)),
        _ => NameVerdict::default(),
    }
}

/// Builds an arena element from a parsed element.
fn element<'a>(
    el: &'a scraper::node::Element,
    parent: Option<usize>,
    in_article: bool,
    cache: &mut NameCache<'a>,
) -> Element<'a> {
    let tag = el.name();
    let class = el.attr("class").unwrap_or("");
    let names = verdict(cache, el.attr("class")).merge(verdict(cache, el.id()));
    let marker = names.marker || el.attr("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articlebody"));
    // A `<header>` inside an article holds its headline and lead, not the site's masthead.
    let mut furniture = (is_furniture_tag(tag) && !(tag == "header" && in_article)) || is_hidden(el);
    if !furniture {
        if let Some(role) = el.attr("role") {
            furniture = matches!(
                role.trim().to_ascii_lowercase().as_str(),
                "navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar" | "dialog" | "alert"
            );
        }
    }
    // Class and id names: not on the page's big containers, whose classes describe the layout,
    // nor on elements that also call themselves content ("entry-content share-enabled").
    if !furniture && !matches!(tag, "html" | "body" | "main" | "article") && !marker {
        furniture = !names.content && names.furniture;
    }
    Element {
        tag,
        block: is_block(tag),
        class,
        parent,
        children: Vec::new(),
        furniture,
        comments: names.comments,
        marker,
        weight: names.weight,
        ..Element::default()
    }
}

impl<'a> Tree<'a> {
    /// Copies the document's `<body>` (the whole document when it has none) into an arena and
    /// computes each element's statistics.
    pub fn build(doc: &'a Html) -> Tree<'a> {
        let root = doc.tree.root();
        let start =
            root.descendants().find(|n| n.value().as_element().is_some_and(|e| e.name() == "body")).unwrap_or(root);
        let mut nodes: Vec<Element<'a>> = Vec::new();
        let mut cache = NameCache::new();
        // Open arena elements, with the parsed node each came from (typed by a first entry).
        let mut open = vec![(0usize, start.id())];
        open.clear();
        let mut cur = start;
        'walk: loop {
            let mut descend = false;
            match cur.value() {
                Node::Element(el) if el.name() == "br" => {
                    if let Some(&(top, _)) = open.last() {
                        nodes[top].children.push(Child::Break);
                    }
                }
                Node::Element(el) if is_dropped(el.name()) => {}
                Node::Element(el) => {
                    let parent = open.last().map(|o| o.0);
                    let idx = nodes.len();
                    let in_article = parent.is_some_and(|p| {
                        let p = &nodes[p];
                        p.in_article || p.tag == "article" || p.marker
                    });
                    let mut e = element(el, parent, in_article, &mut cache);
                    e.in_article = in_article;
                    nodes.push(e);
                    if let Some(p) = parent {
                        nodes[p].children.push(Child::Element(idx));
                    }
                    open.push((idx, cur.id()));
                    descend = true;
                }
                Node::Text(t) => {
                    if let Some(&(top, _)) = open.last() {
                        nodes[top].children.push(Child::Text(t));
                    }
                }
                Node::Document | Node::Fragment => {
                    if nodes.is_empty() {
                        nodes.push(element_root());
                        open.push((0, cur.id()));
                    }
                    descend = true;
                }
                _ => {}
            }
            if descend {
                if let Some(child) = cur.first_child() {
                    cur = child;
                    continue;
                }
            }
            // Close `cur` and the ancestors whose last child it is, then move to the next sibling.
            loop {
                if open.last().is_some_and(|o| o.1 == cur.id()) {
                    open.pop();
                }
                if cur.id() == start.id() {
                    break 'walk;
                }
                if let Some(next) = cur.next_sibling() {
                    cur = next;
                    break;
                }
                match cur.parent() {
                    Some(p) => cur = p,
                    None => break 'walk,
                }
            }
        }
        if nodes.is_empty() {
            nodes.push(element_root());
        }
        let mut tree = Tree { nodes };
        tree.compute_stats();
        tree
    }

    /// Furniture guards, `in_furniture`, then text statistics bottom-up.
    fn compute_stats(&mut self) {
        let n = self.nodes.len();
        // Content markers protect their ancestors from being taken for furniture.
        for i in (0..n).rev() {
            let holds = self.nodes[i].marker
                || self.nodes[i].children.iter().any(|c| matches!(c, Child::Element(j) if self.nodes[*j].holds_marker));
            self.nodes[i].holds_marker = holds;
            if holds && self.nodes[i].furniture && !self.nodes[i].marker {
                self.nodes[i].furniture = false;
            }
        }
        // Furniture that holds most of the page's paragraphs is a layout wrapper ("with-sidebar",
        // a page-wide `<form>`, an unclosed `<header>`): not furniture (comment sections excepted).
        let mut raw: Vec<(usize, usize)> = vec![(0, 0); n];
        for i in (0..n).rev() {
            let (mut len, mut ps) = (0, usize::from(self.nodes[i].tag == "p"));
            for c in &self.nodes[i].children {
                match c {
                    Child::Text(t) => len += measure(t).0,
                    Child::Element(j) => {
                        len += raw[*j].0;
                        ps += raw[*j].1;
                    }
                    Child::Break => {}
                }
            }
            raw[i] = (len, ps);
        }
        let (page_len, page_ps) = raw[0];
        for (node, &(len, ps)) in self.nodes.iter_mut().zip(&raw) {
            if node.furniture && !node.comments && ps >= 3 && (ps * 2 > page_ps || len * 2 > page_len) {
                node.furniture = false;
            }
        }
        for i in 0..n {
            let parent_in = self.nodes[i].parent.is_some_and(|p| self.nodes[p].in_furniture);
            self.nodes[i].in_furniture = self.nodes[i].furniture || parent_in;
        }
        for i in (0..n).rev() {
            let (mut text_len, mut link_len, mut commas, mut inline_len, mut inline_commas) = (0, 0, 0, 0, 0);
            let (mut paragraphs, mut list_items) = (0, 0);
            for c in &self.nodes[i].children {
                match c {
                    Child::Text(t) => {
                        let (l, k) = measure(t);
                        text_len += l;
                        commas += k;
                        inline_len += l;
                        inline_commas += k;
                    }
                    Child::Element(j) => {
                        let child = &self.nodes[*j];
                        if child.furniture {
                            continue;
                        }
                        text_len += child.text_len;
                        link_len += child.link_len;
                        commas += child.commas;
                        paragraphs += child.paragraphs + usize::from(child.tag == "p");
                        list_items += child.list_items + usize::from(child.tag == "li");
                        if !child.block {
                            inline_len += child.inline_len;
                            inline_commas += child.inline_commas;
                        }
                    }
                    Child::Break => {}
                }
            }
            let node = &mut self.nodes[i];
            // A link wrapping a whole article (an unclosed `<a>` before it) is not a link.
            node.link = node.tag == "a" && paragraphs < 3 && text_len < 1000;
            if node.link {
                link_len = text_len;
            }
            node.text_len = text_len;
            node.link_len = link_len.min(text_len);
            node.commas = commas;
            node.inline_len = inline_len;
            node.inline_commas = inline_commas;
            node.paragraphs = paragraphs;
            node.list_items = list_items;
        }
    }

    /// The text of element `i` (furniture included), in document order.
    pub fn text(&self, i: usize) -> String {
        let mut out = String::new();
        let mut stack: Vec<&Child> = self.nodes[i].children.iter().rev().collect();
        while let Some(c) = stack.pop() {
            match c {
                Child::Text(t) => out.push_str(t),
                Child::Break => out.push(' '),
                Child::Element(k) => stack.extend(self.nodes[*k].children.iter().rev()),
            }
        }
        out
    }

    /// The longest markup held as text in a `<noscript>` (at least 500 bytes, with tags).
    pub fn noscript_markup(&self) -> Option<String> {
        self.nodes
            .iter()
            .filter(|n| n.tag == "noscript")
            .map(|n| {
                n.children
                    .iter()
                    .filter_map(|c| match c {
                        Child::Text(t) => Some(*t),
                        _ => None,
                    })
                    .collect::<String>()
            })
            .filter(|t| t.len() >= 500 && t.contains("<p"))
            .max_by_key(String::len)
    }

    /// Ancestors of `i`, nearest first.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.nodes[i].parent, move |&p| self.nodes[p].parent)
    }
}

/// A stand-in root element for documents without `<body>`.
fn element_root<'a>() -> Element<'a> {
    Element { tag: "body", block: true, ..Element::default() }
}
