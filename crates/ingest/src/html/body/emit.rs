//! Writing the chosen containers out as paragraphs: blocks in document order, without
//! furniture, the headline, link-heavy containers and boilerplate lines.

use super::rules::{is_boilerplate, is_conditional_container, is_heading};
use super::tree::{measure, Child, Tree};

/// One step of the walk.
enum Step<'a> {
    Enter(usize),
    Leave(usize),
    Text(&'a str),
    Break,
}

/// What a paragraph came from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
    /// Running text (paragraphs, cells, text in divs).
    Text,
    /// A heading `h2`..`h6`.
    Heading,
    /// A list item.
    ListItem,
}

/// One output paragraph.
pub(super) struct Paragraph {
    /// Text with whitespace collapsed.
    pub text: String,
    /// Where it came from.
    pub kind: Kind,
    /// Share of the text inside links.
    pub link_density: f64,
}

/// Paragraph being collected.
#[derive(Default)]
struct Collector {
    buf: String,
    chars: usize,
    link_chars: usize,
    breaks: usize,
    link_depth: usize,
    heading_depth: usize,
    list_depth: usize,
    out: Vec<Paragraph>,
}

impl Collector {
    fn text(&mut self, t: &str) {
        if t.trim().is_empty() {
            self.buf.push(' ');
            return;
        }
        if self.breaks >= 2 {
            self.flush();
        } else if self.breaks == 1 {
            self.buf.push(' ');
        }
        self.breaks = 0;
        let (len, _) = measure(t);
        self.chars += len;
        if self.link_depth > 0 {
            self.link_chars += len;
        }
        self.buf.push_str(t);
    }

    fn flush(&mut self) {
        self.breaks = 0;
        let text = self.buf.split_whitespace().collect::<Vec<_>>().join(" ");
        self.buf.clear();
        let (chars, link_chars) = (std::mem::take(&mut self.chars), std::mem::take(&mut self.link_chars));
        if text.is_empty() || is_boilerplate(&text) {
            return;
        }
        let kind = if self.heading_depth > 0 {
            Kind::Heading
        } else if self.list_depth > 0 {
            Kind::ListItem
        } else {
            Kind::Text
        };
        let link_density = if chars == 0 { 0.0 } else { link_chars as f64 / chars as f64 };
        self.out.push(Paragraph { text, kind, link_density });
    }
}

/// Readability's "clean conditionally": a container inside the article whose text is mostly
/// links, or that scores negatively, is left out.
fn is_link_furniture(tree: &Tree, i: usize, root: usize) -> bool {
    let node = &tree.nodes[i];
    // Not the containers that hold most of the chosen text.
    if !is_conditional_container(node.tag)
        || node.marker
        || node.holds_marker
        || node.text_len * 2 > tree.nodes[root].text_len
    {
        return false;
    }
    let weight = f64::from(node.weight);
    // (Lists start at -3 by tag; their weight alone decides.)
    let score = if matches!(node.tag, "ul" | "ol" | "dl") { 0.0 } else { node.score.unwrap_or(0.0) };
    if weight + score < 0.0 && node.commas < 10 {
        return true;
    }
    if node.commas >= 10 {
        return false;
    }
    let ld = node.link_density();
    let lists = node.list_items.saturating_sub(100);
    (weight < 25.0 && ld > 0.2)
        || (weight >= 25.0 && ld > 0.5)
        || (lists > node.paragraphs && !matches!(node.tag, "ul" | "ol"))
}

/// The paragraphs of `roots`, in document order.
pub(super) fn paragraphs(tree: &Tree, roots: &[usize]) -> Vec<Paragraph> {
    let mut c = Collector::default();
    for &root in roots {
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Enter(i) => {
                    let node = &tree.nodes[i];
                    if node.furniture || node.tag == "h1" || (i != root && is_link_furniture(tree, i, root)) {
                        continue;
                    }
                    if node.block {
                        c.flush();
                    }
                    match node.tag {
                        "a" if node.link => c.link_depth += 1,
                        "li" | "dd" | "dt" => c.list_depth += 1,
                        t if is_heading(t) => c.heading_depth += 1,
                        _ => {}
                    }
                    stack.push(Step::Leave(i));
                    for child in node.children.iter().rev() {
                        stack.push(match child {
                            Child::Element(j) => Step::Enter(*j),
                            Child::Text(t) => Step::Text(t),
                            Child::Break => Step::Break,
                        });
                    }
                }
                Step::Leave(i) => {
                    let node = &tree.nodes[i];
                    if node.block {
                        c.flush();
                    }
                    match node.tag {
                        "a" if node.link => c.link_depth = c.link_depth.saturating_sub(1),
                        "li" | "dd" | "dt" => c.list_depth = c.list_depth.saturating_sub(1),
                        t if is_heading(t) => c.heading_depth = c.heading_depth.saturating_sub(1),
                        _ => {}
                    }
                }
                Step::Text(t) => c.text(t),
                Step::Break => c.breaks += 1,
            }
        }
        c.flush();
    }
    c.out
}
