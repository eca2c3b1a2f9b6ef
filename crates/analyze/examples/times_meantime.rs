//! TIMEX3 detection and value accuracy of the temporal tagger on the English MEANTIME corpus
//! (Wikinews, CAT XML), each document anchored on its creation time:
//!
//! ```text
//! cargo run --release -p parallax-analyze --example times_meantime [-- MEANTIME_DIR]
//! ```
//!
//! `MEANTIME_DIR` is `../shared/data/meantime/intra_cross-doc_annotation` by default; with
//! `TIMES_ALL=1` every missed, extra and wrongly valued expression is printed with its line.

use parallax_analyze::segment::segment;
use parallax_analyze::times::tag;
use parallax_doc::Doc;

/// The value of attribute `name` in an XML start tag.
fn xml_attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// The text of an XML text node, its five entities decoded.
fn xml_unescape(s: &str) -> String {
    s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// One MEANTIME (CAT XML) document: the text rebuilt one sentence per line, each token's byte
/// span, the creation time, and the gold TIMEX3s (value, kind, token ids), creation time left out.
struct Meantime {
    text: String,
    spans: std::collections::HashMap<u32, (usize, usize)>,
    dct: Option<String>,
    dct_ids: Vec<u32>,
    timexes: Vec<(String, String, Vec<u32>)>,
}

/// Reads one MEANTIME document.
fn read_meantime(xml: &str) -> Meantime {
    let mut text = String::new();
    let mut spans = std::collections::HashMap::new();
    let mut sentence = None;
    let mut rest = xml;
    while let Some(at) = rest.find("<token ") {
        rest = &rest[at..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        let Some(end) = rest.find("</token>") else {
            break;
        };
        let word = xml_unescape(&rest[close + 1..end]);
        rest = &rest[end..];
        let (Some(id), Some(s)) = (xml_attr(tag, "t_id").and_then(|v| v.parse().ok()), xml_attr(tag, "sentence"))
        else {
            continue;
        };
        if sentence != Some(s.to_string()) {
            if sentence.is_some() {
                text.push('\n');
            }
            sentence = Some(s.to_string());
        } else {
            let glue = matches!(word.as_str(), "," | "." | ":" | ";" | "%" | ")" | "'s" | "'" | "n't" | "?" | "!")
                || text.ends_with('(')
                || text.ends_with('$');
            if !glue {
                text.push(' ');
            }
        }
        spans.insert(id, (text.len(), text.len() + word.len()));
        text.push_str(&word);
    }
    let mut dct = None;
    let mut dct_ids = Vec::new();
    let mut timexes = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find("<TIMEX3 ") {
        rest = &rest[at..];
        let Some(close) = rest.find('>') else { break };
        let tag = &rest[..close];
        if tag.ends_with('/') {
            rest = &rest[close..];
            continue;
        }
        let end = rest.find("</TIMEX3>").unwrap_or(rest.len());
        let body = &rest[close..end];
        let ids: Vec<u32> =
            body.split("t_id=\"").skip(1).filter_map(|p| p.split('"').next().and_then(|v| v.parse().ok())).collect();
        let value = xml_attr(tag, "value").unwrap_or("").to_string();
        if xml_attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            dct = Some(value);
            dct_ids = ids;
        } else if !ids.is_empty() {
            timexes.push((value, xml_attr(tag, "type").unwrap_or("").to_lowercase(), ids));
        }
        rest = &rest[end..];
    }
    Meantime { text, spans, dct, dct_ids, timexes }
}

fn main() {
    let root =
        std::env::args().nth(1).unwrap_or_else(|| "../shared/data/meantime/intra_cross-doc_annotation".to_string());
    let corpora = match std::fs::read_dir(&root) {
        Ok(corpora) => corpora,
        Err(e) => {
            eprintln!("{root}: {e}");
            std::process::exit(1);
        }
    };
    let (mut gold_n, mut sys_n, mut sys_hit, mut gold_hit, mut value_ok, mut exact_span) = (0, 0, 0, 0, 0, 0);
    // the value scorer of the seed gold: only expressions the tagger can date count

    let verbose = std::env::var_os("TIMES_ALL").is_some();
    let mut files: Vec<_> = corpora
        .flatten()
        .filter_map(|c| std::fs::read_dir(c.path()).ok())
        .flat_map(|d| d.flatten().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    for path in &files {
        let Ok(xml) = std::fs::read_to_string(path) else {
            continue;
        };
        let m = read_meantime(&xml);
        let mut doc = Doc::new(path.display().to_string(), m.text.clone());
        doc.meta.published = m.dct.clone();
        segment(&mut doc);
        let times = tag(&doc);
        // the dateline (creation time) is metadata: neither counted nor penalised
        let gold: Vec<(String, (usize, usize))> = m
            .timexes
            .iter()
            .filter_map(|(v, _, ids)| {
                let s = ids.iter().filter_map(|i| m.spans.get(i)).map(|s| s.0).min()?;
                let e = ids.iter().filter_map(|i| m.spans.get(i)).map(|s| s.1).max()?;
                Some((v.clone(), (s, e)))
            })
            .collect();
        let dct_line = {
            let s = m.dct_ids.iter().filter_map(|i| m.spans.get(i)).map(|s| s.0).min();
            let e = m.dct_ids.iter().filter_map(|i| m.spans.get(i)).map(|s| s.1).max();
            s.zip(e)
        };
        // MEANTIME annotates the title, the dateline and the first four sentences only
        let annotated_end = m.text.match_indices('\n').nth(5).map_or(m.text.len(), |(i, _)| i);
        let times: Vec<_> = times.into_iter().filter(|t| t.span.end <= annotated_end).collect();
        let line = |at: usize| {
            let s = m.text[..at].rfind('\n').map_or(0, |i| i + 1);
            let e = m.text[at..].find('\n').map_or(m.text.len(), |i| at + i);
            &m.text[s..e]
        };
        gold_n += gold.len();
        for t in &times {
            let (s, e) = (t.span.start, t.span.end);
            if dct_line.is_some_and(|(a, b)| s < b && a < e) {
                continue;
            }
            sys_n += 1;
            if gold.iter().any(|(_, (gs, ge))| s < *ge && *gs < e) {
                sys_hit += 1;
            }
        }
        for (v, (gs, ge)) in &gold {
            let hit = times.iter().find(|t| t.span.start < *ge && *gs < t.span.end);
            if let Some(t) = hit {
                gold_hit += 1;
                exact_span += usize::from(t.span.start == *gs && t.span.end == *ge);
                if &t.value == v {
                    value_ok += 1;
                } else if verbose {
                    println!(
                        "VALUE {:30} gold {:12} got {:12} dct {:?} | {}",
                        &m.text[*gs..*ge],
                        v,
                        t.value,
                        m.dct,
                        line(*gs)
                    );
                }
            } else if verbose {
                println!("MISS  {:30} gold {:12} dct {:?} | {}", &m.text[*gs..*ge], v, m.dct, line(*gs));
            }
        }
        if verbose {
            for t in &times {
                if !gold.iter().any(|(_, (gs, ge))| t.span.start < *ge && *gs < t.span.end) {
                    println!("EXTRA {:30} got {:12} | {}", doc.slice(t.span), t.value, line(t.span.start));
                }
            }
        }
    }
    let p = sys_hit as f64 / sys_n.max(1) as f64;
    let r = gold_hit as f64 / gold_n.max(1) as f64;
    println!(
        "MEANTIME en: {} docs, {gold_n} gold TIMEX3 (creation time excluded), {sys_n} found\n\
         detection (overlap): P {:.3} R {:.3} F1 {:.3}; exact spans {:.3} of matched\n\
         value accuracy on matched: {:.3}; value-correct recall: {:.3}",
        files.len(),
        p,
        r,
        2.0 * p * r / (p + r).max(f64::EPSILON),
        exact_span as f64 / gold_hit.max(1) as f64,
        value_ok as f64 / gold_hit.max(1) as f64,
        value_ok as f64 / gold_n.max(1) as f64,
    );
}
