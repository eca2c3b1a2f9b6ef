//! Choosing the article's container: Readability-style scoring of the elements that hold
//! paragraphs (text length, commas, class weight, link density), the best candidate, and the
//! siblings that belong with it.

use super::tree::Tree;

/// Paragraph-like elements whose text is scored.
fn is_scored_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "pre" | "td" | "div" | "section" | "article" | "blockquote" | "dd" | "li" | "main" | "center" | "font"
    )
}

/// Initial score of a candidate container from its tag and class/id weight.
fn initial_score(tree: &Tree, i: usize) -> f64 {
    let node = &tree.nodes[i];
    let tag_score = match node.tag {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let marker = if node.marker { 25.0 } else { 0.0 };
    tag_score + f64::from(node.weight) + marker
}

/// Scores the tree's paragraph blocks into their ancestors and returns the chosen roots (the
/// best container and the siblings that belong with it), in document order.
pub(super) fn choose_roots(tree: &mut Tree) -> Vec<usize> {
    let n = tree.nodes.len();
    let mut candidates: Vec<usize> = Vec::new();
    for i in 0..n {
        let node = &tree.nodes[i];
        if node.in_furniture || !is_scored_block(node.tag) {
            continue;
        }
        // <p>, <pre>: their whole text; other blocks: their own inline text.
        let (len, commas) = if matches!(node.tag, "p" | "pre") {
            (node.text_len, node.commas)
        } else {
            (node.inline_len, node.inline_commas)
        };
        if len < 25 {
            continue;
        }
        // Commas count as clauses; a comma-separated list (names, tags) is not prose: at most
        // one comma per 50 characters and ten per block count.
        let commas = commas.min(len / 50).min(10);
        let content = 1.0 + commas as f64 + (len as f64 / 100.0).min(3.0);
        let ancestors: Vec<usize> = tree.ancestors(i).take(5).collect();
        for (level, a) in ancestors.into_iter().enumerate() {
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            if tree.nodes[a].score.is_none() {
                let init = initial_score(tree, a);
                tree.nodes[a].score = Some(init);
                candidates.push(a);
            }
            if let Some(s) = tree.nodes[a].score.as_mut() {
                *s += content / divider;
            }
        }
    }
    // Link density scales the scores.
    for &c in &candidates {
        let ld = tree.nodes[c].link_density();
        if let Some(s) = tree.nodes[c].score.as_mut() {
            *s *= 1.0 - ld;
        }
    }
    let score = |tree: &Tree, i: usize| tree.nodes[i].score.unwrap_or(0.0);
    candidates.sort_by(|a, b| score(tree, *b).total_cmp(&score(tree, *a)));
    let Some(&best) = candidates.first() else {
        return vec![0];
    };
    let mut top = best;
    let top_score = score(tree, top);

    // Several strong candidates under one ancestor: the article is split; take the ancestor.
    let alternatives: Vec<Vec<usize>> = candidates
        .iter()
        .skip(1)
        .take(4)
        .filter(|&&c| top_score > 0.0 && score(tree, c) / top_score >= 0.75)
        .map(|&c| tree.ancestors(c).collect())
        .collect();
    if alternatives.len() >= 3 {
        for a in tree.ancestors(top).collect::<Vec<_>>() {
            if tree.nodes[a].parent.is_none() {
                break;
            }
            if alternatives.iter().filter(|list| list.contains(&a)).count() >= 3 {
                top = a;
                break;
            }
        }
    }
    // Walk up while the parent scores higher (the article's paragraphs are spread over children).
    let mut last = score(tree, top);
    let threshold = last / 3.0;
    let mut parent = tree.nodes[top].parent;
    while let Some(p) = parent {
        if tree.nodes[p].parent.is_none() {
            break;
        }
        if let Some(ps) = tree.nodes[p].score {
            if ps < threshold {
                break;
            }
            if ps > last {
                top = p;
                break;
            }
            last = ps;
        }
        parent = tree.nodes[p].parent;
    }
    // An only child: take its parent.
    while let Some(p) = tree.nodes[top].parent {
        if tree.nodes[p].parent.is_none() || element_children(tree, p).count() != 1 {
            break;
        }
        top = p;
    }
    // The `<article>` or article-body container around the best candidate is the article
    // (its lead, lists and sub-sections sit beside the paragraphs Readability scored best).
    if let Some(a) = tree.ancestors(top).find(|&a| tree.nodes[a].tag == "article" || tree.nodes[a].marker) {
        if tree.nodes[a].link_density() < 0.5 {
            top = a;
        }
    }
    siblings(tree, top)
}

/// Element children of `i` that are not furniture.
fn element_children<'t>(tree: &'t Tree, i: usize) -> impl Iterator<Item = usize> + 't {
    tree.nodes[i].children.iter().filter_map(|c| match c {
        super::tree::Child::Element(j) if !tree.nodes[*j].furniture => Some(*j),
        _ => None,
    })
}

/// The top candidate and its siblings that score well or are good paragraphs (Readability).
fn siblings(tree: &Tree, top: usize) -> Vec<usize> {
    let Some(parent) = tree.nodes[top].parent else {
        return vec![top];
    };
    let top_score = tree.nodes[top].score.unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = tree.nodes[top].class;
    let mut out = Vec::new();
    for s in element_children(tree, parent) {
        if s == top {
            out.push(s);
            continue;
        }
        let node = &tree.nodes[s];
        let mut bonus = 0.0;
        if !top_class.is_empty() && node.class == top_class {
            bonus += top_score * 0.2;
        }
        let keep = match node.score {
            Some(sc) if sc + bonus >= threshold => true,
            _ if node.tag == "p" => {
                let ld = node.link_density();
                node.text_len > 80 && ld < 0.25 || node.text_len > 0 && ld == 0.0 && ends_sentence(tree, s)
            }
            _ => false,
        };
        if keep {
            out.push(s);
        }
    }
    out
}

/// Readability's test for short paragraphs: a sentence end inside or at the end of the text.
fn ends_sentence(tree: &Tree, i: usize) -> bool {
    let text = tree.text(i);
    let t = text.trim_end();
    t.ends_with('.') || t.contains(". ")
}
