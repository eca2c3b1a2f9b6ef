//! An article's text as HTML with its layers in place: sentences, quotes, entity mentions and
//! time expressions, each a byte-offset span into the text.
//!
//! Layers overlap freely (a quote runs across two sentences, a mention straddles a quote's
//! end), but HTML must nest. The text is cut at every span boundary; for each piece the open
//! elements are the spans covering it, outermost layer first (sentence, quote, mention, time),
//! so an element that cannot stay open across a boundary is closed and opened again after it.
//! Only the first piece of a split span carries its `id`. Every boundary is moved to a char
//! boundary and every text piece and attribute value is escaped.

use parallax_doc::{Doc, MentionKind, QuoteKind};

use super::escape;

/// One span to mark: where, how deep it nests (lower is outer) and its tags.
#[derive(Debug, Clone)]
struct Mark {
    start: usize,
    end: usize,
    layer: u8,
    /// The element's name.
    tag: &'static str,
    /// Its attributes, escaped, each with a space before it.
    attrs: String,
    /// The id, given only to the first piece.
    id: Option<String>,
}

/// The article text of `doc` as HTML: `<span class="sentence" id="s{n}">` per sentence,
/// `<q class="quote quote-KIND" title="SPEAKER">` per quote (KIND: direct, partial, indirect), `<span class="ent ent-KIND" title="Kind:
/// NAME">` per entity mention and `<time class="timex" datetime="VALUE" title="VALUE">` per time
/// expression; the text itself escaped.
pub fn article_html(doc: &Doc) -> String {
    let text = doc.text.as_str();
    let mut marks: Vec<Mark> = Vec::new();
    for (n, s) in doc.sentences.iter().enumerate() {
        marks.push(Mark {
            start: s.span.start,
            end: s.span.end,
            layer: 0,
            tag: "span",
            attrs: " class=\"sentence\"".into(),
            id: Some(format!("s{n}")),
        });
    }
    for q in &doc.quotes {
        let speaker = q
            .speaker_entity
            .and_then(|e| doc.entities.get(e))
            .map(|e| e.name.clone())
            .or_else(|| q.speaker_span.and_then(|s| text.get(s.start..s.end)).map(str::to_string))
            .unwrap_or_else(|| "speaker unknown".into());
        let kind = match q.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        };
        marks.push(Mark {
            start: q.span.start,
            end: q.span.end,
            layer: 1,
            tag: "q",
            attrs: format!(" class=\"quote quote-{kind}\" title=\"{}\"", escape(&speaker)),
            id: None,
        });
    }
    for m in &doc.mentions {
        let Some(entity) = doc.entities.get(m.entity) else { continue };
        let kind = entity.kind.as_str();
        let how = match m.kind {
            MentionKind::Name => "name",
            MentionKind::Pronoun => "pronoun",
            MentionKind::Nominal => "nominal",
        };
        marks.push(Mark {
            start: m.span.start,
            end: m.span.end,
            layer: 2,
            tag: "span",
            attrs: format!(
                " class=\"ent ent-{kind} mention-{how}\" title=\"{}\"",
                escape(&format!("{}: {}", capitalised(kind), entity.name))
            ),
            id: None,
        });
    }
    for t in &doc.times {
        let value = escape(&t.value);
        marks.push(Mark {
            start: t.span.start,
            end: t.span.end,
            layer: 3,
            tag: "time",
            attrs: format!(" class=\"timex timex-{}\" datetime=\"{value}\" title=\"{value}\"", escape(t.kind)),
            id: None,
        });
    }
    layered(text, marks)
}

/// `kind` with its first letter upper-cased ("person" → "Person").
fn capitalised(kind: &str) -> String {
    let mut chars = kind.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The largest char boundary of `text` at or below `i` (and at most its length).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `text` escaped, with `marks` opened and closed well nested around its pieces.
fn layered(text: &str, mut marks: Vec<Mark>) -> String {
    for m in &mut marks {
        m.start = floor_boundary(text, m.start);
        m.end = floor_boundary(text, m.end);
    }
    marks.retain(|m| m.start < m.end);
    // every boundary, in order
    let mut cuts: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).chain([0, text.len()]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    // marks by start, so a sweep adds each once
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end), m.layer));
    let mut out = String::with_capacity(text.len() * 2);
    let mut next_mark = 0;
    let mut active: Vec<usize> = Vec::new(); // marks covering the current piece
    let mut open: Vec<usize> = Vec::new(); // the elements open in the output, outermost first
    let mut opened = vec![false; marks.len()];
    for w in cuts.windows(2) {
        let (from, to) = (w[0], w[1]);
        active.retain(|&i| marks.get(i).is_some_and(|m| m.end > from));
        while let Some(m) = marks.get(next_mark) {
            if m.start > from {
                break;
            }
            if m.end > from {
                active.push(next_mark);
            }
            next_mark += 1;
        }
        // the stack this piece needs: outer layers first, then the longer span first
        let mut wanted = active.clone();
        wanted.sort_by_key(|&i| marks.get(i).map(|m| (m.layer, m.start, std::cmp::Reverse(m.end))));
        let keep = open.iter().zip(&wanted).take_while(|(a, b)| a == b).count();
        while open.len() > keep {
            if let Some(i) = open.pop() {
                push_close(&mut out, marks.get(i));
            }
        }
        for &i in wanted.iter().skip(keep) {
            let Some(m) = marks.get(i) else { continue };
            let first = !opened.get(i).copied().unwrap_or(true);
            let id = match (&m.id, first) {
                (Some(id), true) => format!(" id=\"{}\"", escape(id)),
                _ => String::new(),
            };
            out.push('<');
            out.push_str(m.tag);
            out.push_str(&m.attrs);
            out.push_str(&id);
            out.push('>');
            if let Some(o) = opened.get_mut(i) {
                *o = true;
            }
            open.push(i);
        }
        out.push_str(&escape(text.get(from..to).unwrap_or("")));
    }
    while let Some(i) = open.pop() {
        push_close(&mut out, marks.get(i));
    }
    out
}

fn push_close(out: &mut String, mark: Option<&Mark>) {
    if let Some(m) = mark {
        out.push_str("</");
        out.push_str(m.tag);
        out.push('>');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, layer: u8, tag: &'static str) -> Mark {
        Mark { start, end, layer, tag, attrs: String::new(), id: (layer == 0).then(|| format!("x{start}")) }
    }

    #[test]
    fn overlapping_spans_nest_and_split() {
        // a: 0..5, b: 3..8 (crosses a's end)
        let html = layered("abcdefghij", vec![mark(0, 5, 0, "a"), mark(3, 8, 1, "b")]);
        assert_eq!(html, "<a id=\"x0\">abc<b>de</b></a><b>fgh</b>ij");
    }

    #[test]
    fn text_and_attributes_are_escaped_and_chars_never_cut() {
        let text = "é<script>alert(1)</script>";
        // a boundary inside "é" (byte 1) moves down to 0
        let html = layered(text, vec![mark(1, 3, 2, "c")]);
        assert_eq!(html, "<c>é&lt;</c>script&gt;alert(1)&lt;/script&gt;");
    }

    #[test]
    fn out_of_range_spans_are_clamped_and_empty_ones_dropped() {
        let html = layered("abc", vec![mark(2, 99, 1, "b"), mark(1, 1, 0, "a")]);
        assert_eq!(html, "ab<b>c</b>");
    }

    #[test]
    fn a_split_span_keeps_its_id_once() {
        // a sentence (layer 0) crossed by nothing can't split; give an id to a layer-1 span
        // that is split by a layer-0 boundary
        let mut q = mark(0, 6, 1, "b");
        q.id = Some("q".into());
        let html = layered("abcdef", vec![q, mark(0, 3, 0, "a"), mark(3, 6, 0, "a")]);
        assert_eq!(html.matches("id=\"q\"").count(), 1, "{html}");
        assert_eq!(html, "<a id=\"x0\"><b id=\"q\">abc</b></a><a id=\"x3\"><b>def</b></a>");
    }
}
