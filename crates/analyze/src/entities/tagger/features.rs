//! Tags and feature extraction, shared by training and tagging so both see exactly the same features.
//!
//! Every feature is a 64-bit hash of a template id and the values it combines (feature hashing):
//! no feature strings are built. Per-token values (word, lower-cased word, shapes, affixes,
//! gazetteer and lexicon membership) are hashed once per token in `TokInfo`; window features
//! combine those hashes.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use parallax_doc::EntityKind;

use super::clusters::{Clusters, WordClass};
use crate::entities::Gazetteer;

/// Number of BIO tags: `O`, then `B-`/`I-` for PER, ORG, LOC, MISC.
pub const N_TAGS: usize = 9;

/// Bump when the feature templates change: the weights file records it, and a file trained with
/// other templates is refused at load.
pub const FEATURE_VERSION: u32 = 4;

/// The `O` tag.
pub const O: u8 = 0;

/// The named-entity types of CoNLL-2003.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location.
    Loc,
    /// Any other name: nationalities, events, works, products ("German", "World Cup").
    Misc,
}

impl NerType {
    /// All types, in tag order.
    pub const ALL: [NerType; 4] = [NerType::Per, NerType::Org, NerType::Loc, NerType::Misc];

    #[cfg(any(test, feature = "train"))]
    /// The CoNLL label: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Org => "ORG",
            NerType::Loc => "LOC",
            NerType::Misc => "MISC",
        }
    }

    #[cfg(any(test, feature = "train"))]
    /// The type for a CoNLL label.
    pub fn from_label(label: &str) -> Option<NerType> {
        NerType::ALL.into_iter().find(|t| t.as_str() == label)
    }

    /// The document model's entity kind: `None` for MISC, which mixes nationalities (a
    /// [`EntityKind::Group`]) with events, works and products.
    pub fn entity_kind(self) -> Option<EntityKind> {
        match self {
            NerType::Per => Some(EntityKind::Person),
            NerType::Org => Some(EntityKind::Organization),
            NerType::Loc => Some(EntityKind::Location),
            NerType::Misc => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

#[cfg(any(test, feature = "train"))]
/// The `B-` tag of a type.
pub fn begin_tag(t: NerType) -> u8 {
    1 + 2 * t.index() as u8
}

#[cfg(any(test, feature = "train"))]
/// The `I-` tag of a type.
pub fn inside_tag(t: NerType) -> u8 {
    2 + 2 * t.index() as u8
}

/// The type of a tag (`None` for `O` or an out-of-range tag).
pub fn tag_type(tag: u8) -> Option<NerType> {
    if tag == O {
        return None;
    }
    NerType::ALL.get((tag as usize - 1) / 2).copied()
}

/// True for a `B-` tag.
pub fn is_begin(tag: u8) -> bool {
    tag & 1 == 1
}

#[cfg(any(test, feature = "train"))]
/// The label of a tag: `O`, `B-PER`, `I-LOC`...
pub fn tag_label(tag: u8) -> String {
    match tag_type(tag) {
        None => "O".to_string(),
        Some(t) => format!("{}-{}", if is_begin(tag) { "B" } else { "I" }, t.as_str()),
    }
}

#[cfg(any(test, feature = "train"))]
/// The tag for a label (`O`, `B-PER`, ...; IOB1's `I-` at a start is accepted as it stands).
pub fn parse_tag(label: &str) -> Option<u8> {
    if label == "O" {
        return Some(O);
    }
    let (bi, ty) = label.split_once('-')?;
    let t = NerType::from_label(ty)?;
    match bi {
        "B" => Some(begin_tag(t)),
        "I" => Some(inside_tag(t)),
        _ => None,
    }
}

/// BIO constraint: `I-X` only after `B-X` or `I-X`.
pub fn allowed(prev: u8, tag: u8) -> bool {
    tag == O || is_begin(tag) || (prev != O && tag_type(prev) == tag_type(tag))
}

/// Token ranges `(start, end, type)` of the entities in a BIO tag sequence (an `I-` without its
/// `B-` starts an entity, as conlleval reads it).
pub fn spans_of(tags: &[u8]) -> Vec<(usize, usize, NerType)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerType)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let ty = tag_type(tag);
        let continues = !is_begin(tag) && ty.is_some() && open.is_some_and(|(_, t)| Some(t) == ty);
        if continues {
            continue;
        }
        if let Some((s, t)) = open.take() {
            out.push((s, i, t));
        }
        if let Some(t) = ty {
            open = Some((i, t));
        }
    }
    if let Some((s, t)) = open {
        out.push((s, tags.len(), t));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// hashing

/// splitmix64's finaliser.
#[inline]
pub(crate) fn fmix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a over the bytes, finalised.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fmix(h)
}

#[inline]
fn f1(template: u64, a: u64) -> u64 {
    fmix(a ^ fmix(template.wrapping_add(0x9e37_79b9_7f4a_7c15)))
}

#[inline]
fn f2(template: u64, a: u64, b: u64) -> u64 {
    fmix(b.rotate_left(29) ^ f1(template, a))
}

#[inline]
fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    fmix(c.rotate_left(41) ^ f2(template, a, b))
}

/// A hasher for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by hashes.
pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;
type IdSet = HashSet<u64, BuildHasherDefault<IdHasher>>;

// ---------------------------------------------------------------------------------------------
// per-token values

const INIT_CAP: u16 = 1;
const ALL_CAPS: u16 = 1 << 1;
const HAS_DIGIT: u16 = 1 << 2;
const HAS_HYPHEN: u16 = 1 << 3;
const HAS_PERIOD: u16 = 1 << 4;
const HAS_APOS: u16 = 1 << 5;
const HAS_ALPHA: u16 = 1 << 6;
const LOWER_IN_DOC: u16 = 1 << 7;
const FIRST_NAME: u16 = 1 << 8;
const TITLE: u16 = 1 << 9;
const ROLE_HEAD: u16 = 1 << 10;
const COMMON: u16 = 1 << 11;
const N_FLAGS: u32 = 12;

/// Curly quotes and apostrophes as CoNLL writes them (ASCII); other text is borrowed.
pub fn normalize(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        s.push(match c {
            '’' | '‘' | '`' | '´' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            '–' | '—' => '-',
            c => c,
        });
    }
    Cow::Owned(s)
}

/// The values of one token that features combine, each hashed.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokInfo {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    n_affix: u8,
    flags: u16,
    /// Gazetteer matches covering the token: bit `4 * kind + position` (B, I, E, single).
    gaz: u32,
    /// The type this word (lower-cased) was tagged with earlier in the document, as a small
    /// code: 0 none, 1 O only, 2 + type.
    doc_type: u8,
    /// For a word in a run of capitalised words ("Test and County Cricket Board"): the run's
    /// first and last words (lower-cased hashes), its length (up to 4) and the word's position.
    run: Option<(u64, u64, u8, u8)>,
    /// The word's clusters and capitalisation ratio in unlabelled text.
    class: Option<WordClass>,
}

impl TokInfo {
    /// True when the word occurs in lower case elsewhere in the document (set by
    /// [`Sentence::from_words`]).
    pub(crate) fn lower_in_doc(&self) -> bool {
        self.flags & LOWER_IN_DOC != 0
    }

    /// The values of a normalised word that depend on the word alone (not on its sentence nor
    /// its document), its clusters included.
    pub(crate) fn of_word(w: &str, clusters: &Clusters) -> TokInfo {
        let mut info = TokInfo::new(w);
        info.class = clusters.get(info.word).or_else(|| {
            if info.flags & ALL_CAPS != 0 && w.chars().count() > 1 {
                clusters.get(hash_str(&title_case(w))).or_else(|| clusters.get(info.lower))
            } else if info.flags & INIT_CAP != 0 {
                clusters.get(info.lower)
            } else {
                None
            }
        });
        info
    }

    fn new(word: &str) -> TokInfo {
        let mut info = TokInfo { word: hash_str(word), ..TokInfo::default() };
        let ascii_lower = word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase());
        let lower: Cow<'_, str> = if ascii_lower { Cow::Borrowed(word) } else { Cow::Owned(word.to_lowercase()) };
        info.lower = if ascii_lower { info.word } else { hash_str(&lower) };
        let mut shape = Fnv::new();
        let mut short = Fnv::new();
        let (mut last, mut run) = ('\0', 0);
        let (mut upper, mut lowers, mut n) = (0, 0, 0);
        for c in word.chars() {
            n += 1;
            let class = if c.is_uppercase() {
                upper += 1;
                info.flags |= HAS_ALPHA;
                'X'
            } else if c.is_lowercase() {
                lowers += 1;
                info.flags |= HAS_ALPHA;
                'x'
            } else if c.is_ascii_digit() {
                info.flags |= HAS_DIGIT;
                'd'
            } else if c.is_alphabetic() {
                info.flags |= HAS_ALPHA;
                'x'
            } else {
                match c {
                    '-' => info.flags |= HAS_HYPHEN,
                    '.' => info.flags |= HAS_PERIOD,
                    '\'' => info.flags |= HAS_APOS,
                    _ => {}
                }
                c
            };
            if class == last {
                run += 1;
            } else {
                run = 1;
                last = class;
                short.push(class);
            }
            if run <= 4 {
                shape.push(class);
            }
        }
        if word.chars().next().is_some_and(char::is_uppercase) {
            info.flags |= INIT_CAP;
        }
        if upper > 0 && lowers == 0 {
            info.flags |= ALL_CAPS;
        }
        info.shape = shape.finish();
        info.short = short.finish();
        let k = n.min(4);
        info.n_affix = k as u8;
        for (j, end) in word.char_indices().map(|(b, _)| b).skip(1).chain([word.len()]).take(k).enumerate() {
            info.prefix[j] = hash_str(&word[..end]);
        }
        for (j, (start, _)) in word.char_indices().rev().take(k).enumerate() {
            info.suffix[j] = hash_str(&word[start..]);
        }
        if info.flags & HAS_ALPHA == 0 {
            return info;
        }
        let gaz = Gazetteer::get();
        if info.flags & INIT_CAP != 0
            && (gaz.is_first_name(word) || info.flags & ALL_CAPS != 0 && gaz.is_first_name(&title_case(word)))
        {
            info.flags |= FIRST_NAME;
        }
        if gaz.is_tagger_title(lower.trim_end_matches('.')) {
            info.flags |= TITLE;
        }
        if gaz.is_tagger_role_head(&lower) {
            info.flags |= ROLE_HEAD;
        }
        if gaz.is_common_word(&lower) {
            info.flags |= COMMON;
        }
        info
    }
}

/// FNV-1a over characters, for shapes built on the fly.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn push(&mut self, c: char) {
        self.0 ^= c as u64;
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fn finish(&self) -> u64 {
        fmix(self.0)
    }
}

/// "BRUSSELS" → "Brussels".
fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

fn gaz_kind(kind: EntityKind, demonym: bool) -> u32 {
    if demonym {
        return 3;
    }
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Location => 2,
        EntityKind::Group | EntityKind::Misc => 3,
    }
}

/// Lower-case words and signs that may stand inside a gazetteer name.
const GAZ_JOINERS: &[&str] = &[
    "of", "and", "for", "the", "de", "del", "du", "la", "le", "in", "on", "al", "el", "bin", "von", "van", "der", "&",
    "-", "'s", "da", "do", "dos", "y", "upon", "at",
];

/// Marks gazetteer n-grams over the tokens: exact forms, and title-cased forms for all-caps words.
fn mark_gazetteer<S: AsRef<str>>(words: &[S], infos: &mut [TokInfo]) {
    let gaz = Gazetteer::get();
    let max_n = gaz.max_tokens.clamp(1, 8);
    let mut buf = String::new();
    for variant in 0..2 {
        for start in 0..words.len() {
            if infos[start].flags & INIT_CAP == 0 {
                continue;
            }
            if variant == 1 && infos[start].flags & ALL_CAPS == 0 {
                continue;
            }
            buf.clear();
            let mut found: Option<(usize, u32)> = None;
            for end in start + 1..=(start + max_n).min(words.len()) {
                let w = words[end - 1].as_ref();
                if end > start + 1 && infos[end - 1].flags & (INIT_CAP | HAS_DIGIT) == 0 && !GAZ_JOINERS.contains(&w) {
                    break;
                }
                if end > start + 1 {
                    buf.push(' ');
                }
                if variant == 1 && infos[end - 1].flags & ALL_CAPS != 0 {
                    buf.push_str(&title_case(w));
                } else {
                    buf.push_str(w);
                }
                if let Some(e) = gaz.lookup(&buf) {
                    found = Some((end, gaz_kind(e.kind, e.demonym)));
                }
            }
            if let Some((end, kind)) = found {
                for (i, info) in infos.iter_mut().enumerate().take(end).skip(start) {
                    let pos = if end - start == 1 {
                        3
                    } else if i == start {
                        0
                    } else if i + 1 == end {
                        2
                    } else {
                        1
                    };
                    info.gaz |= 1 << (4 * kind + pos);
                }
            }
        }
    }
}

/// Words that may stand inside a name between capitalised words.
const RUN_JOINERS: &[&str] = &["of", "and", "de", "for", "the", "&", "'s", "du", "la", "van", "von", "del", "der"];

/// Marks runs of capitalised words (with joiners inside), skipping all-caps sentences' noise.
fn mark_runs<S: AsRef<str>>(words: &[S], infos: &mut [TokInfo]) {
    let caps: Vec<bool> = infos.iter().map(|t| t.flags & INIT_CAP != 0 && t.flags & HAS_ALPHA != 0).collect();
    let cap = |i: usize| caps[i];
    let mut i = 0;
    while i < infos.len() {
        if !cap(i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        loop {
            if end < infos.len() && cap(end) {
                end += 1;
            } else if end + 1 < infos.len() && RUN_JOINERS.contains(&words[end].as_ref()) && cap(end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        let (first, last) = (infos[i].lower, infos[end - 1].lower);
        let len = (end - i).min(4) as u8;
        for (k, info) in infos[i..end].iter_mut().enumerate() {
            let pos = if end - i == 1 {
                3
            } else if k == 0 {
                0
            } else if i + k + 1 == end {
                2
            } else {
                1
            };
            info.run = Some((first, last, len, pos));
        }
        i = end;
    }
}

// ---------------------------------------------------------------------------------------------
// document context

/// What tagging has learnt about a document so far, for document-level consistency: which words
/// occur in lower case anywhere in it, and how each capitalised word was tagged in earlier
/// sentences. Make one per document and pass it to every sentence, in order.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    /// Whether a sentence has been observed yet (the first one may name the topic).
    started: bool,
    /// The document's topic, when its first sentence starts like a wire headline
    /// ("SOCCER - JAPAN GET LUCKY WIN"): the hash of the lower-cased first word; else 0.
    topic: u64,
    lower_seen: IdSet,
    /// Lower-cased word → counts of O, PER, ORG, LOC, MISC among its capitalised occurrences.
    types: IdMap<[u16; 5]>,
}

impl DocContext {
    /// An empty context, for a new document.
    pub fn new() -> DocContext {
        DocContext::default()
    }

    /// Records the words of a document (or part of it) before tagging, so a capitalised word
    /// that occurs in lower case elsewhere in the document ("Leaders ... the leaders") is known
    /// as such. Optional: tagging a sentence observes its own words.
    pub fn observe<S: AsRef<str>>(&mut self, words: &[S]) {
        if !self.started && !words.is_empty() {
            self.started = true;
            let word = |i: usize| words.get(i).map_or("", |w| w.as_ref());
            let first = word(0);
            if word(1) == "-" && first.chars().all(char::is_uppercase) && !first.is_empty() {
                self.topic = hash_str(&first.to_lowercase());
            }
        }
        for w in words {
            let w = w.as_ref();
            if w.chars().next().is_some_and(char::is_lowercase) {
                self.lower_seen.insert(hash_str(&normalize(w)));
            }
        }
    }

    /// Records how a sentence's words were tagged.
    pub(crate) fn record(&mut self, infos: &[TokInfo], tags: &[u8]) {
        for (info, &tag) in infos.iter().zip(tags) {
            if info.flags & INIT_CAP == 0 {
                continue;
            }
            let slot = tag_type(tag).map_or(0, |t| 1 + t.index());
            let counts = self.types.entry(info.lower).or_default();
            counts[slot] = counts[slot].saturating_add(1);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// features

/// The prepared tokens of one sentence.
pub(crate) struct Sentence {
    pub infos: Vec<TokInfo>,
    /// Static (tag-independent) features of every token, flattened; `offsets[i]..offsets[i + 1]`.
    pub feats: Vec<u64>,
    pub offsets: Vec<usize>,
}

const BOS: [u64; 2] = [0x1111_2222_3333_4444, 0x5555_6666_7777_8888];
const EOS: [u64; 2] = [0x9999_aaaa_bbbb_cccc, 0xdddd_eeee_ffff_0000];

impl Sentence {
    #[cfg(any(test, feature = "train"))]
    /// Prepares a sentence: token values (with the document context) and static features.
    pub fn new<S: AsRef<str>>(words: &[S], ctx: &DocContext, clusters: &Clusters) -> Sentence {
        let norm: Vec<Cow<'_, str>> = words.iter().map(|w| normalize(w.as_ref())).collect();
        let infos = norm.iter().map(|w| TokInfo::of_word(w, clusters)).collect();
        Sentence::from_words(&norm, infos, ctx, true)
    }

    /// Prepares a sentence from its normalised words and their [`TokInfo::of_word`] values:
    /// adds what depends on the sentence and the document context, and the static features;
    /// all of them, or (`all` false) only those that [`word_features`] and
    /// [`neighbour_features`] do not give.
    pub(crate) fn from_words<S: AsRef<str>>(
        norm: &[S],
        mut infos: Vec<TokInfo>,
        ctx: &DocContext,
        all: bool,
    ) -> Sentence {
        mark_gazetteer(norm, &mut infos);
        for info in &mut infos {
            if info.flags & INIT_CAP != 0 {
                if ctx.lower_seen.contains(&info.lower) {
                    info.flags |= LOWER_IN_DOC;
                }
                if let Some(c) = ctx.types.get(&info.lower) {
                    let best = (1..5).max_by_key(|&k| (c[k], std::cmp::Reverse(k))).unwrap_or(1);
                    info.doc_type = if c[best] > 0 { 1 + best as u8 } else { 1 };
                }
            }
        }
        mark_runs(norm, &mut infos);
        let alpha = infos.iter().filter(|t| t.flags & HAS_ALPHA != 0).count();
        let caps = infos.iter().filter(|t| t.flags & ALL_CAPS != 0).count();
        let headline = alpha >= 2 && caps * 10 >= alpha * 8;
        let topic = ctx.topic;
        let mut feats = Vec::with_capacity(infos.len() * 48);
        let mut offsets = Vec::with_capacity(infos.len() + 1);
        for i in 0..infos.len() {
            offsets.push(feats.len());
            static_features(&infos, i, headline, topic, all, &mut feats);
        }
        offsets.push(feats.len());
        Sentence { infos, feats, offsets }
    }

    #[cfg(any(test, feature = "train"))]
    /// The static features of token `i`.
    pub fn token_feats(&self, i: usize) -> &[u64] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// The offsets of the neighbours whose features [`neighbour_features`] gives: two before, one
/// before, one after, two after.
pub(crate) const NEIGHBOURS: [isize; 4] = [-2, -1, 1, 2];

/// What the static features see of a token or a neighbour: its lower-cased word, its short
/// shape, its fine and coarse clusters.
#[derive(Clone, Copy)]
pub(crate) struct Seen {
    lower: u64,
    short: u64,
    fine: u64,
    coarse: u64,
}

impl Seen {
    /// What is seen of a token.
    pub(crate) fn of(info: &TokInfo) -> Seen {
        let (fine, coarse) = info.class.map_or((u64::MAX - 1, u64::MAX - 1), |c| (c.fine as u64, c.coarse as u64));
        Seen { lower: info.lower, short: info.short, fine, coarse }
    }

    /// What is seen at offset `k` of token `i` of a sentence: the token there, or the sentence's
    /// start or end marks.
    pub(crate) fn at(t: &[TokInfo], i: usize, k: isize) -> Seen {
        let before = (i as isize + k) < 0;
        match edge_mark(i, k, t.len()) {
            Some(mark) => Seen::mark(before, mark),
            None => t.get(i.wrapping_add_signed(k)).map_or_else(|| Seen::mark(before, 0), Seen::of),
        }
    }

    /// What is seen at a sentence's start mark `mark` (`before`) or its end mark `mark`: 0 for
    /// the first mark past the edge, 1 (or more) for the one further (see [`edge_mark`]).
    pub(crate) fn mark(before: bool, mark: usize) -> Seen {
        let mark = if before { BOS[mark.min(1)] } else { EOS[mark.min(1)] };
        Seen { lower: mark, short: mark, fine: u64::MAX, coarse: u64::MAX }
    }
}

/// Which of a sentence's start or end marks (0 or 1: the first past its edge, or one further)
/// is at offset `k` of token `i` of a sentence of `n` tokens; `None` when a token is there.
#[inline]
pub(crate) fn edge_mark(i: usize, k: isize, n: usize) -> Option<usize> {
    let j = i as isize + k;
    if j < 0 {
        Some((-j - 1).min(1) as usize)
    } else if j as usize >= n {
        Some((j as usize - n).min(1))
    } else {
        None
    }
}

/// The static features a token gets from its neighbour at offset `k` (one of [`NEIGHBOURS`]):
/// they depend on what is seen there only.
pub(crate) fn neighbour_features(seen: Seen, k: isize) -> [u64; 3] {
    match k {
        -2 => [f1(15, seen.lower), f1(19, seen.short), f1(50, seen.coarse)],
        -1 => [f1(13, seen.lower), f1(17, seen.short), f1(45, seen.fine)],
        1 => [f1(14, seen.lower), f1(18, seen.short), f1(46, seen.fine)],
        _ => [f1(16, seen.lower), f1(20, seen.short), f1(51, seen.coarse)],
    }
}

/// The features of a token's word itself: bias, word, lower case, shape, short form, affixes.
/// They open both [`word_features`] and [`static_features`], in this order.
fn identity_features(me: &TokInfo, out: &mut Vec<u64>) {
    out.push(f1(0, 0));
    out.push(f1(1, me.word));
    out.push(f1(2, me.lower));
    out.push(f1(3, me.shape));
    out.push(f1(4, me.short));
    for k in 0..me.n_affix as usize {
        out.push(f1(5 + k as u64, me.prefix[k]));
        out.push(f1(9 + k as u64, me.suffix[k]));
    }
}

/// The static features of a token that depend on its word alone ([`TokInfo::of_word`]).
pub(crate) fn word_features(me: &TokInfo, out: &mut Vec<u64>) {
    identity_features(me, out);
    for bit in 0..N_FLAGS {
        if me.flags & !LOWER_IN_DOC & (1 << bit) != 0 {
            out.push(f1(28, bit as u64));
        }
    }
    let seen = Seen::of(me);
    out.push(f1(43, seen.fine));
    out.push(f1(44, seen.coarse));
    out.push(f2(49, seen.fine, me.short));
}

/// From this position in its sentence on, a token's position features are the same
/// ([`late_position_features`]).
pub(crate) const LATE_POSITION: usize = 3;

/// The word's capitalisation ratio in unlabelled text as a feature value (9 when unknown).
fn cap_code(me: &TokInfo) -> u64 {
    me.class.and_then(|c| c.cap).map_or(9, |c| c as u64)
}

/// The static features of a token at [`LATE_POSITION`] or later that combine its position with
/// its word and whether the word occurs in lower case in the document (`lower_in_doc`): the
/// same for every such token of the word, so the tagger sums them once per word (`cache.rs`).
pub(crate) fn late_position_features(me: &TokInfo, lower_in_doc: bool) -> [u64; 3] {
    [
        f2(26, LATE_POSITION as u64, me.short),
        f3(52, cap_code(me), 0, me.short),
        f3(39, lower_in_doc as u64, 0, me.short),
    ]
}

/// The static features of token `i`: all of them, or (`all` false) those that
/// [`word_features`], [`neighbour_features`] and, from [`LATE_POSITION`] on,
/// [`late_position_features`] do not give. Training sees them all, in this order; the tagger
/// sums the others once per word (`cache.rs`).
fn static_features(t: &[TokInfo], i: usize, headline: bool, topic: u64, all: bool, out: &mut Vec<u64>) {
    let me = &t[i];
    // the position features the tagger sums per word
    let late = !all && i >= LATE_POSITION;
    let lower = |k: isize| Seen::at(t, i, k).lower;
    let short = |k: isize| Seen::at(t, i, k).short;
    let flags_at = |k: isize| -> u16 {
        let j = i as isize + k;
        if j < 0 {
            0
        } else {
            t.get(j as usize).map_or(0, |x| x.flags)
        }
    };
    if all {
        identity_features(me, out);
        out.push(f1(13, lower(-1)));
        out.push(f1(14, lower(1)));
        out.push(f1(15, lower(-2)));
        out.push(f1(16, lower(2)));
        out.push(f1(17, short(-1)));
        out.push(f1(18, short(1)));
        out.push(f1(19, short(-2)));
        out.push(f1(20, short(2)));
    }
    out.push(f2(21, lower(-1), me.lower));
    out.push(f2(22, me.lower, lower(1)));
    out.push(f3(23, short(-1), me.short, short(1)));
    out.push(f2(24, lower(-1), me.short));
    out.push(f2(25, me.short, lower(1)));
    if !late {
        out.push(f2(26, (i as u64).min(LATE_POSITION as u64), me.short));
    }
    if i + 1 == t.len() {
        out.push(f1(27, me.short));
    }
    let flags = if all { me.flags } else { me.flags & LOWER_IN_DOC };
    for bit in 0..N_FLAGS {
        if flags & (1 << bit) != 0 {
            out.push(f1(28, bit as u64));
        }
    }
    // flags of the neighbours that matter for names: titles, first names, role heads
    let ctx_mask = FIRST_NAME | TITLE | ROLE_HEAD | INIT_CAP | ALL_CAPS;
    out.push(f2(29, (flags_at(-1) & ctx_mask) as u64, (me.flags & (INIT_CAP | FIRST_NAME | COMMON)) as u64));
    out.push(f2(30, (flags_at(1) & ctx_mask) as u64, (me.flags & (INIT_CAP | FIRST_NAME | COMMON)) as u64));
    if headline {
        out.push(f2(31, me.short, me.lower));
        out.push(f1(32, me.shape));
    }
    let mut g = me.gaz;
    while g != 0 {
        let bit = g.trailing_zeros();
        g &= g - 1;
        out.push(f1(33, bit as u64));
        out.push(f2(34, bit as u64, (me.flags & (INIT_CAP | ALL_CAPS)) as u64));
    }
    if i > 0 && t[i - 1].gaz != 0 {
        out.push(f2(35, t[i - 1].gaz as u64, me.short));
    }
    if i + 1 < t.len() && t[i + 1].gaz != 0 {
        out.push(f2(36, t[i + 1].gaz as u64, me.short));
    }
    if me.doc_type != 0 {
        out.push(f1(37, me.doc_type as u64));
        out.push(f2(38, me.doc_type as u64, me.short));
    }
    if let Some((first, last, len, pos)) = me.run {
        out.push(f2(40, last, pos as u64));
        out.push(f2(41, first, pos as u64));
        out.push(f2(42, len as u64, pos as u64));
    }
    let class = |k: isize| -> (u64, u64) {
        let seen = Seen::at(t, i, k);
        (seen.fine, seen.coarse)
    };
    let (fine, coarse) = class(0);
    let (fine_p, coarse_p) = class(-1);
    let (fine_n, coarse_n) = class(1);
    if all {
        out.push(f1(43, fine));
        out.push(f1(44, coarse));
        out.push(f1(45, fine_p));
        out.push(f1(46, fine_n));
    }
    out.push(f2(47, coarse_p, coarse));
    out.push(f2(48, coarse, coarse_n));
    if all {
        out.push(f2(49, fine, me.short));
        out.push(f1(50, class(-2).1));
        out.push(f1(51, class(2).1));
    }
    if !late {
        out.push(f3(52, cap_code(me), (i == 0) as u64, me.short));
        out.push(f3(39, me.lower_in_doc() as u64, (i == 0) as u64, me.short));
    }
    if topic != 0 && me.flags & INIT_CAP != 0 {
        // a place name in a sports report is often a team: the topic with the gazetteer kind
        let kinds = (0..4).filter(|k| me.gaz & (0xf << (4 * k)) != 0).fold(0u64, |a, k| a | 1 << k);
        out.push(f2(53, topic, kinds));
        out.push(f2(54, topic, me.short));
        out.push(f2(55, topic, coarse));
    }
}

/// Features per token, flattened: token `i`'s are `feats[offsets[i]..offsets[i + 1]]`.
#[derive(Debug, Clone, Default)]
pub(crate) struct TokenFeats {
    pub feats: Vec<u64>,
    pub offsets: Vec<usize>,
}

impl TokenFeats {
    #[cfg(feature = "train")]
    /// The features of token `i`.
    pub fn token(&self, i: usize) -> &[u64] {
        &self.feats[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// The first pass's labels over a whole document, by lower-cased word (capitalised occurrences
/// only): what the second pass sees of how the same word was tagged elsewhere in the document,
/// before and after (non-local features, after Ratinov & Roth 2009).
#[derive(Debug, Default)]
pub(crate) struct DocLabels {
    /// Lower-cased word → counts of each first-pass tag.
    counts: IdMap<[u16; N_TAGS]>,
}

impl DocLabels {
    /// Counts the first pass's tags of a document's sentences.
    pub fn new<'a>(sents: impl IntoIterator<Item = &'a Sentence>, tags: &[Vec<u8>]) -> DocLabels {
        let mut counts: IdMap<[u16; N_TAGS]> = IdMap::default();
        for (sent, tags) in sents.into_iter().zip(tags) {
            for (info, &tag) in sent.infos.iter().zip(tags) {
                if info.flags & INIT_CAP != 0 {
                    let c = counts.entry(info.lower).or_default();
                    c[tag as usize] = c[tag as usize].saturating_add(1);
                }
            }
        }
        DocLabels { counts }
    }

    /// The second pass's extra features of a sentence, given its first-pass tags: each token's
    /// own first-pass tag and its neighbours' ([`tag_context_features`]; left out unless `all`:
    /// the tagger sums them from a table, [`Model::add_tag_context`]), and the first-pass tags
    /// of the same word's other capitalised occurrences in the document.
    ///
    /// [`Model::add_tag_context`]: super::model::Model::add_tag_context
    pub fn features(&self, sent: &Sentence, tags: &[u8], all: bool) -> TokenFeats {
        let n = sent.infos.len();
        let mut out = TokenFeats { feats: Vec::with_capacity(n * 8), offsets: Vec::with_capacity(n + 1) };
        for (i, info) in sent.infos.iter().enumerate() {
            out.offsets.push(out.feats.len());
            let (prev, me, next) = tag_context(tags, i);
            let f = &mut out.feats;
            if all {
                f.extend(tag_context_features(prev, me, next));
            }
            if info.flags & INIT_CAP == 0 {
                continue;
            }
            let Some(mut c) = self.counts.get(&info.lower).copied() else { continue };
            c[me as usize] = c[me as usize].saturating_sub(1);
            let total: u32 = c.iter().map(|&x| x as u32).sum();
            if total == 0 {
                f.push(f1(203, (info.flags & ALL_CAPS != 0) as u64));
                continue;
            }
            // the majority type (O or an entity type, B and I together)
            let mut by_type = [0u32; 5];
            for (tag, &k) in c.iter().enumerate() {
                by_type[tag_type(tag as u8).map_or(0, |t| 1 + t.index())] += k as u32;
            }
            let best = (0..5).max_by_key(|&k| (by_type[k], std::cmp::Reverse(k))).unwrap_or(0) as u64;
            let all = (by_type[best as usize] == total) as u64;
            f.push(f2(204, best, all));
            f.push(f3(205, best, me, (info.flags & ALL_CAPS != 0) as u64));
            f.push(f2(206, best, info.short));
            for (tag, &k) in c.iter().enumerate() {
                if k > 0 {
                    f.push(f2(207, tag as u64, (2 * k as u32 >= total) as u64));
                }
            }
        }
        out.offsets.push(out.feats.len());
        out
    }
}

/// What the second pass sees of the first pass's tags around token `i`: the tag before it
/// ([`NO_TAG`] at the sentence's start), its own, and the tag after it ([`NO_TAG`] at the end).
#[inline]
pub(crate) fn tag_context(tags: &[u8], i: usize) -> (u64, u64, u64) {
    let me = tags.get(i).copied().unwrap_or(O) as u64;
    let prev = if i == 0 { NO_TAG } else { tags.get(i - 1).copied().unwrap_or(O) as u64 };
    let next = tags.get(i + 1).map_or(NO_TAG, |&t| t as u64);
    (prev, me, next)
}

/// The tag [`tag_context`] gives before a sentence's first token and after its last.
pub(crate) const NO_TAG: u64 = 99;

/// The second pass's features of a token's first-pass tag and its neighbours' (from
/// [`tag_context`]).
#[inline]
pub(crate) fn tag_context_features(prev: u64, me: u64, next: u64) -> [u64; 3] {
    [f1(200, me), f2(201, prev, me), f2(202, me, next)]
}

#[cfg(feature = "train")]
/// The tag-dependent features of a token, given the two tags before it:
/// [`transition_features`], then [`word_transition_features`].
#[inline]
pub(crate) fn dynamic_features(info: &TokInfo, prev: u8, prev2: u8) -> [u64; 4] {
    let [a, b] = transition_features(prev, prev2);
    let [c, d] = word_transition_features(info, prev);
    [a, b, c, d]
}

/// The tag-dependent features that depend on the two tags before a token only.
#[inline]
pub(crate) fn transition_features(prev: u8, prev2: u8) -> [u64; 2] {
    let p = prev as u64;
    [f1(100, p), f2(101, prev2 as u64, p)]
}

/// The tag-dependent features that combine the tag before a token with the token.
#[inline]
pub(crate) fn word_transition_features(info: &TokInfo, prev: u8) -> [u64; 2] {
    let p = prev as u64;
    [f2(102, p, info.lower), f2(103, p, info.short)]
}
