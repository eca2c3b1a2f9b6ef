//! Word lists and small predicates: which tags are blocks, which class/id names mark page
//! furniture or article content, which short paragraphs are boilerplate.

use std::sync::OnceLock;

/// True for elements whose whole subtree is never text (scripts, styles, the `<head>`).
pub(super) fn is_dropped(tag: &str) -> bool {
    matches!(tag, "head" | "script" | "style" | "template" | "input" | "img" | "source" | "link" | "meta")
}

/// True for elements that are page furniture by their tag. Media, controls and `<noscript>`
/// are here rather than dropped outright: an unclosed `<select>` or `<svg>` can swallow the
/// rest of the page, and furniture that holds most of the page's paragraphs is read after all.
pub(super) fn is_furniture_tag(tag: &str) -> bool {
    matches!(
        tag,
        "nav"
            | "header"
            | "footer"
            | "aside"
            | "figure"
            | "figcaption"
            | "form"
            | "menu"
            | "dialog"
            | "label"
            | "fieldset"
            | "noscript"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "textarea"
            | "button"
            | "option"
            | "map"
            | "picture"
    )
}

/// True for block-level tags: each starts and ends a paragraph.
pub(super) fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "ul"
            | "html"
            | "listing"
            | "xmp"
            | "legend"
            | "frameset"
            | "noframes"
    )
}

/// True for `h2`..`h6` (and `h1`, which the caller treats as the headline).
pub(super) fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Containers that may be removed as a whole when their text is mostly links (Readability's
/// "clean conditionally").
pub(super) fn is_conditional_container(tag: &str) -> bool {
    matches!(tag, "div" | "section" | "ul" | "ol" | "dl" | "table" | "center")
}

/// Stems that mark furniture wherever they occur inside a class or id name.
static FURNITURE_STEMS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/furniture_stems.txt")));

/// Whole tokens (between non-alphanumeric characters) that mark furniture.
static FURNITURE_TOKENS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/furniture_tokens.txt")));

/// Tokens a content container's name is made of ("entry-content", "article__body", "main-text").
static CONTENT_CORE: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/content_core.txt")));

/// Tokens that may stand beside the core ones in a content container's name ("inner", "single",
/// "wrapper", "col"): they neither make nor spoil it.
static CONTENT_FILLER: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/content_filler.txt")));

/// Names (lower case, letters and digits only) of containers that hold an article's body.
static CONTENT_MARKERS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/content_markers.txt")));

/// Tokens of a lower-case name.
fn tokens(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_ascii_alphanumeric()).filter(|t| !t.is_empty())
}

/// True when a lower-case class or id name says "the article's content".
pub(super) fn is_content_name(name: &str) -> bool {
    let mut core = false;
    for t in tokens(name) {
        if CONTENT_CORE.contains(&t) {
            core = true;
        } else if !CONTENT_FILLER.contains(&t) {
            return false;
        }
    }
    core
}

/// True when a lower-case class or id name is one of the well-known article-body names.
pub(super) fn is_content_marker(name: &str) -> bool {
    let squashed: String = name.chars().filter(char::is_ascii_alphanumeric).collect();
    CONTENT_MARKERS.contains(&squashed.as_str())
}

/// Tokens that make a class name describe the layout rather than name a box
/// ("with-sidebar-right", "c-fixed-sidebar-layout", "has-sharing", "no-sidebars").
static LAYOUT_TOKENS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/layout_tokens.txt")));

/// The furniture stems by first byte, for one pass over a name.
fn stems_by_first_byte() -> &'static [Vec<&'static str>] {
    static TABLE: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        for s in FURNITURE_STEMS.iter() {
            if let Some(&b) = s.as_bytes().first() {
                table[usize::from(b)].push(*s);
            }
        }
        table
    })
}

/// True when a furniture stem occurs in `name`.
fn has_furniture_stem(name: &str) -> bool {
    let table = stems_by_first_byte();
    let bytes = name.as_bytes();
    (0..bytes.len()).any(|i| table[usize::from(bytes[i])].iter().any(|s| bytes[i..].starts_with(s.as_bytes())))
}

/// True when a lower-case class or id name marks page furniture.
pub(super) fn is_furniture_name(name: &str) -> bool {
    if tokens(name).any(|t| LAYOUT_TOKENS.contains(&t)) {
        return false;
    }
    matches!(name, "hidden" | "hide" | "is-hidden" | "d-none" | "invisible" | "display-none")
        || has_furniture_stem(name)
        || tokens(name).any(|t| FURNITURE_TOKENS.contains(&t))
}

/// Readability-style class weight of one lower-case class or id string: -25 for names that
/// suggest furniture, +25 for names that suggest content.
pub(super) fn class_weight(name: &str) -> i32 {
    static NEGATIVE: std::sync::LazyLock<Vec<&str>> =
        std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/negative_hints.txt")));
    static POSITIVE: std::sync::LazyLock<Vec<&str>> =
        std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/positive_hints.txt")));
    if name.is_empty() {
        return 0;
    }
    let mut w = 0;
    if NEGATIVE.iter().any(|n| name.contains(n)) {
        w -= 25;
    }
    if POSITIVE.iter().any(|p| name.contains(p)) {
        w += 25;
    }
    w
}

/// Phrases that make a short paragraph boilerplate (lower case; matched at a word start).
static BOILERPLATE_PHRASES: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/boilerplate_phrases.txt")));

/// Openings of "read also" lines: a paragraph starting so is a link to another story.
static READ_ALSO_OPENINGS: std::sync::LazyLock<Vec<&str>> =
    std::sync::LazyLock::new(|| parallax_lexicon::entries(include_str!("../../../data/html/read_also_openings.txt")));

/// True when `text` (one paragraph) is short and contains a boilerplate phrase at a word start,
/// or starts with a copyright sign.
pub(super) fn is_boilerplate(text: &str) -> bool {
    let t = text.trim();
    if t.starts_with('©') || t.starts_with("(c) ") || t.starts_with("Copyright") {
        return t.len() < 200;
    }
    let chars = t.chars().count();
    if chars > 250 {
        return false;
    }
    let lower = t.to_lowercase();
    if READ_ALSO_OPENINGS.iter().any(|o| lower.starts_with(o)) {
        return true;
    }
    if chars > 100 {
        return false;
    }
    BOILERPLATE_PHRASES.iter().any(|p| {
        lower.match_indices(p).any(|(i, _)| lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_and_furniture_names() {
        assert!(is_content_name("entry-content"));
        assert!(is_content_name("article__body"));
        assert!(!is_content_name("comment-body"));
        assert!(is_content_marker("article-body"));
        assert!(is_content_marker("articleBody".to_ascii_lowercase().as_str()));
        assert!(is_furniture_name("share-tools"));
        assert!(is_furniture_name("post-meta"));
        assert!(is_furniture_name("nav"));
        assert!(!is_furniture_name("navigator-story"));
        assert!(!is_furniture_name("article-body"));
    }

    #[test]
    fn boilerplate_phrases_at_word_start() {
        assert!(is_boilerplate("Share this article"));
        assert!(is_boilerplate("Artikel teilen"));
        assert!(!is_boilerplate("Er wollte es mitteilen."));
        assert!(is_boilerplate("© 2025 Anytown Gazette"));
        assert!(!is_boilerplate(
            "A long paragraph that mentions cookies in passing but is clearly part of the story, \
             with enough words to be more than a short boilerplate line."
        ));
    }
}
