//! The analysis stages and the story build: up to four articles, each either raw text or a
//! sequence of tokens drawn from a vocabulary that reaches the rules (reporting verbs, quotation
//! marks, names, roles, dates, event triggers, pronouns). Nothing may panic: libFuzzer's panic hook
//! aborts before the pipeline's guard could catch anything, so every stage panic is a crash here.
#![no_main]
use libfuzzer_sys::fuzz_target;
use parallax_doc::Doc;

/// Tokens the rules look for, and the punctuation between them.
const VOCABULARY: &[&str] = &[
    "said", "says", "told", "added", "accused", "of", "according", "to", "warned", "that", "“", "”", "\"", "'", "‘",
    "’", ",", ".", ":", ";", "?", "!", "—", "-", "(", ")", "\n\n", "\n", "the", "a", "an", "he", "she", "it", "they",
    "his", "her", "their", "who", "which", "Smith", "John", "Mr.", "Mrs.", "Dr.", "Olaf", "Scholz", "Marco", "Rubio",
    "Lavrov", "Trump", "Clinton", "Reuters", "BBC", "U.S.", "Russia", "Russian", "Germany", "German", "Riyadh",
    "Berlin", "New", "York", "chancellor", "minister", "foreign", "secretary", "spokesperson", "president", "police",
    "company", "ministry", "on", "in", "at", "by", "with", "for", "from", "and", "but", "as", "after", "before", "Monday",
    "Tuesday", "Sunday", "last", "next", "week", "year", "month", "day", "ago", "2025", "2009", "Feb.", "February",
    "March", "17", "24", "3", "10", "two", "three", "days", "years", "later", "earlier", "this", "today", "yesterday",
    "tomorrow", "morning", "night", "will", "would", "has", "had", "been", "was", "were", "is", "are", "be", "not",
    "met", "meeting", "talks", "summit", "called", "phoned", "call", "visited", "visit", "trip", "speech", "statement",
    "interview", "election", "elected", "vote", "voted", "attack", "strike", "bombing", "killed", "agreement", "deal",
    "signed", "treaty", "announced", "denied", "insisted", "claimed", "asked", "quoted", "saying", "adding",
    "reportedly", "sources", "officials", "witnesses", "spokesman", "statement", "quoting", "wrote", "tweeted",
    "posted", "Photo:", "AP", "Getty", "Images", "WASHINGTON", "(Reuters)", "-", "|", "@", "#", "http://x.com/2011/11/10",
    "'s", "’s", "n’t", "I", "we", "you", "our", "my", "me", "us", "them", "him", "mid-1990s", "2009-2011", "fiscal",
    "decade", "century", "noon", "p.m.", "a.m.", "EST", "GMT", "%", "$", "5", "million", "billion", "percent", "first",
    "second", "Inc.", "Corp.", "Ltd", "United", "Nations", "Council", "Party", "Democrats", "Republican", "D-Calif.",
    "St.", "Jr.", "Gen.", "Sen.", "Rep.", "Ms.", "Prof.", "Sir", "Lord", "Pope", "King", "Queen", "Prince",
];

/// Up to four articles from the fuzzer's bytes, each with a publication date or none.
fn articles(data: &[u8]) -> Vec<Doc> {
    let mut docs = Vec::new();
    for (n, part) in data.split(|&b| b == 0).take(4).enumerate() {
        let Some((&mode, rest)) = part.split_first() else {
            continue;
        };
        let text = if mode & 1 == 0 {
            String::from_utf8_lossy(rest).into_owned()
        } else {
            let mut text = String::new();
            for &b in rest {
                let word = VOCABULARY[usize::from(b) % VOCABULARY.len()];
                if !text.is_empty() && !matches!(word, "," | "." | ":" | ";" | "?" | "!" | "”" | "'s" | "’s" | "n’t") {
                    text.push(' ');
                }
                text.push_str(word);
            }
            text
        };
        let mut doc = Doc::new(format!("fuzz-{n}"), text);
        doc.meta.published = match mode >> 1 & 3 {
            0 => None,
            1 => Some("2025-02-19".into()),
            2 => Some("2009-03-03T10:00:00Z".into()),
            _ => Some("1999-12-31".into()),
        };
        if mode >> 3 & 1 == 1 {
            doc.meta.language = Some("de".into());
        }
        docs.push(doc);
    }
    docs
}

fuzz_target!(|data: &[u8]| {
    let mut docs = articles(data);
    for doc in &mut docs {
        parallax_analyze::analyze(doc);
        assert!(!doc.is_degraded(), "{:?}", doc.diagnostics);
    }
    let analysis = parallax_story::build(docs);
    for doc in &analysis.docs {
        assert!(!doc.is_degraded(), "{:?}", doc.diagnostics);
    }
    let _ = parallax_story::brief::brief(&analysis);
    let _ = serde_json::to_string(&parallax_story::report::AnalysisJson(&analysis));
});
