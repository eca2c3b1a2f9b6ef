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
const FURNITURE_STEMS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "comment",
    "kommentar",
    "related",
    "recommend",
    "byline",
    "breadcrumb",
    "advert",
    "sponsor",
    "subscri",
    "signup",
    "paywall",
    "outbrain",
    "taboola",
    "sidebar",
    "footer",
    "masthead",
    "navbar",
    "navigation",
    "pagination",
    "authorbio",
    "author-bio",
    "author_bio",
    "about-author",
    "author-info",
    "authorinfo",
    "author-box",
    "tagcloud",
    "tag-list",
    "taglist",
    "popup",
    "modal",
    "dateline",
    "timestamp",
    "toolbar",
    "disclaimer",
    "login",
    "dialog",
    "donate",
    "caption",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "skip-link",
    "most-read",
    "mostread",
    "most-popular",
    "mostpopular",
    "readmore",
    "read-more",
    "more-stories",
    "banner",
    "overlay",
    "print-only",
    "pubdate",
    "publish-date",
    "post-date",
    "entry-date",
    "article-date",
    "postmeta",
    "post-meta",
    "entry-meta",
    "article-meta",
    "entry-footer",
    "copyright",
    "rating",
];

/// Whole tokens (between non-alphanumeric characters) that mark furniture.
const FURNITURE_TOKENS: &[&str] = &[
    "nav",
    "menu",
    "ad",
    "ads",
    "meta",
    "tags",
    "tag",
    "date",
    "time",
    "author",
    "credit",
    "credits",
    "tools",
    "bio",
    "follow",
    "vote",
    "keywords",
    "topics",
    "metadata",
    "dates",
    "posted",
    "datum",
    "autor",
    "promo",
    "promos",
    "promotion",
    "masthead",
    "topbar",
    "siteheader",
    "werbung",
    "anzeige",
    "share",
];

/// Tokens a content container's name is made of ("entry-content", "article__body", "main-text").
const CONTENT_CORE: &[&str] =
    &["content", "article", "body", "text", "story", "entry", "post", "main", "articlebody", "artikel", "inhalt"];
const CONTENT_FILLER: &[&str] = &[
    "inner",
    "wrapper",
    "wrap",
    "container",
    "single",
    "news",
    "blog",
    "detail",
    "details",
    "full",
    "rich",
    "richtext",
    "field",
    "item",
    "copy",
    "prose",
    "page",
    "the",
    "area",
    "section",
    "col",
    "block",
    "box",
    "holder",
    "html",
    "main",
    "primary",
    "default",
    "s",
    "c",
    "l",
    "m",
    "md",
    "xs",
    "lg",
    "sm",
    "12",
    "8",
    "9",
];

/// Names (lower case, letters and digits only) of containers that hold an article's body.
const CONTENT_MARKERS: &[&str] = &[
    "articlebody",
    "articletext",
    "articlecontent",
    "entrycontent",
    "postcontent",
    "postbody",
    "posttext",
    "storybody",
    "storycontent",
    "storytext",
    "bodytext",
    "articlebodytext",
    "contentbody",
    "newsbody",
    "newstext",
    "blogpostcontent",
    "entrybody",
    "entrytext",
    "artikeltext",
    "artikelinhalt",
    "textcontent",
    "maintext",
];

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
const LAYOUT_TOKENS: &[&str] = &["layout", "with", "has", "no", "template", "grid", "mix", "enabled", "active", "open"];

/// The furniture stems by first byte, for one pass over a name.
fn stems_by_first_byte() -> &'static [Vec<&'static str>] {
    static TABLE: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![Vec::new(); 256];
        for s in FURNITURE_STEMS {
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
    const NEGATIVE: &[&str] = &[
        "-ad-",
        "banner",
        "combx",
        "comment",
        "com-",
        "contact",
        "foot",
        "footnote",
        "gdpr",
        "masthead",
        "media",
        "meta",
        "outbrain",
        "promo",
        "related",
        "scroll",
        "share",
        "shoutbox",
        "sidebar",
        "skyscraper",
        "sponsor",
        "shopping",
        "tags",
        "tool",
        "teaser",
        "nav",
        "menu",
    ];
    const POSITIVE: &[&str] =
        &["article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story"];
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
const BOILERPLATE_PHRASES: &[&str] = &[
    // English
    "share this",
    "share on",
    "share via",
    "sign up",
    "subscribe",
    "all rights reserved",
    "read more",
    "related articles",
    "related stories",
    "related posts",
    "follow us",
    "cookie",
    "newsletter",
    "advertisement",
    "click here",
    "log in",
    "you may also like",
    "recommended for you",
    "most popular",
    "most read",
    "sponsored",
    "terms of use",
    "privacy policy",
    "leave a comment",
    "comments",
    "posted by",
    "written by",
    "continue reading",
    "skip to",
    "back to top",
    "image copyright",
    "image caption",
    "media caption",
    "getty images",
    "min read",
    "share your thoughts",
    "we want to hear",
    "photo:",
    "credit:",
    "updated:",
    "published:",
    "download the",
    "our app",
    // German
    "teilen",
    "anmelden",
    "abonnieren",
    "alle rechte vorbehalten",
    "weiterlesen",
    "mehr zum thema",
    "lesen sie auch",
    "lesen sie mehr",
    "auch interessant",
    "das könnte sie auch interessieren",
    "datenschutz",
    "impressum",
    "werbung",
    "anzeige",
    "kommentare",
    "zum artikel",
    "mehr lesen",
    "jetzt registrieren",
    "nach oben",
    "zurück zur",
    "veröffentlicht am",
    "aktualisiert am",
    "foto:",
    "fotos:",
    "bildquelle",
    "zuletzt aktualisiert",
    "lesezeit",
    "lesedauer",
    "beitragsbild",
    "bloggern gefällt das",
    "schon gelesen",
    "nächsten artikel",
    "vorheriger artikel",
    "privatsphäre",
    // French
    "partager",
    "lire aussi",
    "lire la suite",
    "à lire aussi",
    "tous droits réservés",
    "abonnez-vous",
    "s'inscrire",
    "inscrivez-vous",
    "publicité",
    "commentaires",
    "publié le",
    // Spanish
    "compartir",
    "leer más",
    "lee también",
    "todos los derechos reservados",
    "suscríbete",
    "publicidad",
    "comentarios",
    "te puede interesar",
    "publicado el",
    "canal de youtube",
    "canal de telegram",
    // Polish, Italian
    "zobacz również",
    "czytaj także",
    "materiał chroniony",
    "leggi anche",
    "riproduzione riservata",
];

/// Openings of "read also" lines: a paragraph starting so is a link to another story.
const READ_ALSO_OPENINGS: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "see also",
    "related:",
    "more:",
    "lesen sie auch",
    "lesen sie mehr",
    "lesen sie hier",
    "mehr dazu",
    "mehr zum thema",
    "auch interessant",
    "siehe auch",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lire également",
    "voir aussi",
    "vea también",
    "ver también",
    "lea también",
    "le puede interesar",
    "le podría interesar",
    "te puede interesar",
    "mira:",
    "mire:",
    "lee también",
    "leer también",
    "zobacz również",
    "czytaj też",
    "czytaj także",
    "leggi anche",
];

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
