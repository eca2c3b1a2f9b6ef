//! News outlets and photo agencies (`data/outlets.tsv`): canonical names, the aliases they go by
//! in running text, their web domains, and the names photo credits give them.

use crate::{HashMap, HashSet};
use std::sync::OnceLock;

/// The gazetteer of news outlets and photo agencies (`data/outlets.tsv`).
#[derive(Debug, Default)]
pub struct Outlets {
    names: Vec<String>,
    aliases: HashMap<String, usize>,
    lower: HashMap<String, usize>,
    domains: HashMap<String, usize>,
    credits: HashSet<String>,
}

const MAX_ALIAS_WORDS: usize = 6;

impl Outlets {
    /// Parses the TSV format described in `data/README.md` and the file's header. Malformed
    /// lines are skipped.
    pub fn parse(tsv: &str) -> Outlets {
        let mut g = Outlets::default();
        for line in tsv.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            let (aliases, domains) = (cols.next().unwrap_or(""), cols.next().unwrap_or(""));
            let credits = cols.next().unwrap_or("");
            g.credits.extend(credits.split('|').map(str::trim).filter(|c| !c.is_empty()).map(str::to_string));
            if cols.next().map(str::trim) == Some("photo") {
                continue; // a photo agency or credit word: not an outlet
            }
            let idx = g.names.len();
            g.names.push(name.to_string());
            for alias in std::iter::once(name).chain(aliases.split('|')) {
                let alias = alias.trim();
                if alias.is_empty() {
                    continue;
                }
                g.aliases.entry(alias.to_string()).or_insert(idx);
                g.lower.entry(alias.to_lowercase()).or_insert(idx);
            }
            for d in domains.split('|') {
                let d = d.trim().to_ascii_lowercase();
                if !d.is_empty() {
                    g.domains.entry(d).or_insert(idx);
                }
            }
        }
        g
    }

    /// The outlet index of an alias, as written (case-sensitive): "BBC News" → the BBC's.
    pub fn alias(&self, alias: &str) -> Option<usize> {
        self.aliases.get(alias).copied()
    }

    /// The canonical name of the outlet with index `i` (from [`Outlets::alias`],
    /// [`Outlets::ending_at`], [`Outlets::starting_at`]); empty for an index out of range.
    pub fn name(&self, i: usize) -> &str {
        self.names.get(i).map_or("", String::as_str)
    }

    /// True for the name of a photo agency or library as written after the slash of a photo
    /// credit ("Jane Roe/Reuters", "/Getty Images", "/Handout"): case-sensitive, exact.
    pub fn is_credit(&self, name: &str) -> bool {
        self.credits.contains(name)
    }

    /// Number of outlets.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when the gazetteer has no outlets.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The canonical name of an outlet given by any alias (case-insensitive), e.g.
    /// "BBC News" → "BBC".
    pub fn canonical(&self, name: &str) -> Option<&str> {
        let n = name.trim();
        let n = n.strip_prefix("the ").unwrap_or(n);
        self.aliases.get(n).or_else(|| self.lower.get(&n.to_lowercase())).map(|&i| self.names[i].as_str())
    }

    /// The canonical name of the outlet owning a host name or URL (`https://www.bbc.co.uk/news`).
    pub fn from_domain(&self, host_or_url: &str) -> Option<&str> {
        let s = host_or_url.trim().to_ascii_lowercase();
        let s = s.split_once("://").map_or(s.as_str(), |(_, rest)| rest);
        let host = s.split(['/', '?', '#', ':']).next().unwrap_or("");
        let mut h = host.trim_start_matches("www.");
        loop {
            if let Some(&i) = self.domains.get(h) {
                return Some(&self.names[i]);
            }
            match h.split_once('.') {
                Some((_, rest)) if rest.contains('.') => h = rest,
                _ => return None,
            }
        }
    }

    /// The outlet whose alias ends exactly at byte `pos` of `text`, longest alias first.
    /// Returns the outlet index and where the alias starts.
    pub fn ending_at(&self, text: &str, pos: usize) -> Option<(usize, usize)> {
        let head = text.get(..pos)?;
        let mut starts = Vec::new();
        let mut spaces = 0;
        for (i, c) in head.char_indices().rev() {
            if c.is_whitespace() || "(“\"‘[—–".contains(c) {
                starts.push(i + c.len_utf8());
                if c.is_whitespace() {
                    spaces += 1;
                    if spaces >= MAX_ALIAS_WORDS {
                        break;
                    }
                } else {
                    break;
                }
            }
            if pos - i > 60 {
                break;
            }
        }
        if starts.len() < MAX_ALIAS_WORDS && head.len() <= 60 {
            starts.push(0);
        }
        starts.iter().rev().filter(|&&s| s < pos).find_map(|&s| self.aliases.get(&head[s..]).map(|&i| (i, s)))
    }

    /// The outlet whose alias starts exactly at byte `pos` of `text`, longest alias first.
    /// Returns the outlet index and where the alias ends.
    pub fn starting_at(&self, text: &str, pos: usize) -> Option<(usize, usize)> {
        let tail = text.get(pos..)?;
        let mut ends = Vec::new();
        let mut spaces = 0;
        let mut prev_alnum = false;
        for (i, c) in tail.char_indices() {
            let alnum = c.is_alphanumeric();
            if prev_alnum && !alnum || i > 0 && c == '.' {
                ends.push(i);
            }
            if c.is_whitespace() {
                spaces += 1;
                if spaces >= MAX_ALIAS_WORDS {
                    break;
                }
            }
            if i > 60 {
                break;
            }
            prev_alnum = alnum || c == '.';
        }
        if prev_alnum && tail.len() <= 60 {
            ends.push(tail.len());
        }
        ends.iter().rev().find_map(|&e| {
            let next = tail[e..].chars().next();
            if next.is_some_and(char::is_alphanumeric) {
                return None;
            }
            self.aliases.get(&tail[..e]).map(|&i| (i, pos + e))
        })
    }
}

/// The outlet gazetteer shipped with the crate, parsed on first use.
pub fn outlets() -> &'static Outlets {
    static G: OnceLock<Outlets> = OnceLock::new();
    G.get_or_init(|| Outlets::parse(OUTLETS))
}

const OUTLETS: &str = include_str!("../data/outlets.tsv");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_load() {
        let g = outlets();
        assert!(g.len() > 300, "{}", g.len());
        assert_eq!(g.canonical("BBC News"), Some("BBC"));
        assert_eq!(g.canonical("the guardian"), Some("The Guardian"));
        assert_eq!(g.from_domain("https://www.bbc.co.uk/news/x"), Some("BBC"));
        assert_eq!(g.alias("AP").map(|i| g.name(i)), Some("Associated Press"));
        assert_eq!(g.name(usize::MAX), "");
    }

    #[test]
    fn alias_domains_name_their_outlet() {
        let g = outlets();
        for (url, outlet) in [
            ("http://www.huffingtonpost.com/2011/11/10/x.html", "HuffPost"),
            ("https://uk.reuters.com/article/x", "Reuters"),
            ("http://news.trust.org/item/x", "Thomson Reuters Foundation"),
            ("http://sports.espn.go.com/nfl/news/story", "ESPN"),
            ("http://www.christianpost.com/news/x", "The Christian Post"),
            ("http://www.unhcr.org/x.html", "UNHCR"),
        ] {
            assert_eq!(g.from_domain(url), Some(outlet), "{url}");
        }
    }

    #[test]
    fn photo_agencies_are_credits_not_outlets() {
        let g = outlets();
        for credit in ["Reuters", "REUTERS", "AP", "Getty Images", "Getty", "EPA-EFE", "Handout", "Pool", "dpa"] {
            assert!(g.is_credit(credit), "{credit}");
        }
        assert!(!g.is_credit("reuters") && !g.is_credit("BBC"));
        assert_eq!(g.canonical("Getty Images"), None);
        assert_eq!(g.canonical("Shutterstock"), None);
    }

    #[test]
    fn every_line_is_well_formed() {
        let mut names = HashSet::default();
        for (n, line) in crate::data_lines(OUTLETS) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert!((3..=5).contains(&cols.len()), "outlets.tsv:{n}: {} columns", cols.len());
            assert!(!cols[0].trim().is_empty(), "outlets.tsv:{n}: no name");
            assert!(names.insert(cols[0]), "outlets.tsv:{n}: {} twice", cols[0]);
            if let Some(kind) = cols.get(4) {
                assert!(matches!(*kind, "news" | "photo"), "outlets.tsv:{n}: kind {kind:?}");
            }
        }
    }
}
