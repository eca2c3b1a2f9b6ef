//! Recognition: runs of capitalised tokens, parsed into gazetteer names, title words and plain
//! words; blocks of plain words that are people (see [`super::person`]).

use parallax_doc::{EntityKind, Span, TokenKind};

use super::tagger;
use super::tokens::{is_capitalised, strip_possessive};
use super::vocabulary::{is, WordClass};
use super::{Block, EntityReader, GazEntry, GazMatch, Item};
use crate::lexicon::is_reporting_verb;

impl<'d> EntityReader<'d> {
    /// Recognition: every person, organisation and place named in the article, as entities and
    /// name mentions.
    pub(super) fn recognize_names(&mut self) {
        let mut blocks = Vec::new();
        let mut headline_blocks = Vec::new();
        let mut gaz_hits = Vec::new();
        let title_case: Vec<bool> = (0..self.doc.sentences.len()).map(|i| self.is_title_case(i)).collect();
        for (sentence_idx, sentence) in self.doc.sentences.iter().enumerate() {
            let title_case = title_case[sentence_idx];
            let mut t = sentence.tokens.start;
            while t < sentence.tokens.end {
                if !self.starts_run(t, sentence.tokens.end) {
                    t += 1;
                    continue;
                }
                let end = self.run_end(t, sentence.tokens.end);
                let into = if title_case { &mut headline_blocks } else { &mut blocks };
                self.parse_run(t, end, sentence_idx, into, &mut gaz_hits);
                t = end;
            }
        }
        // people with evidence first, then blocks that repeat their names
        let mut pending = Vec::new();
        for block in blocks {
            if self.is_person(&block) {
                // a bare surname joins the namesake mentioned last ("Clinton" after "Bill Clinton")
                if !(block.end - block.start == 1 && self.add_alias(&block)) {
                    self.add_person(&block);
                }
            } else {
                pending.push(block);
            }
        }
        for block in pending {
            if !self.add_alias(&block) && block.end - block.start >= 2 {
                let last = strip_possessive(self.text(block.end - 1));
                let span = self.span_of(block.start, block.end);
                let ner_kind = self.ner_over(span).and_then(|k| k.entity_kind());
                if is(WordClass::MiscSuffix, last) {
                    // a law, an event or a prize: not a person, organisation or place
                } else if is(WordClass::PlaceSuffix, last) || ner_kind == Some(EntityKind::Location) {
                    let name = self.doc.slice(span).to_string();
                    self.add_named(EntityKind::Location, name, span);
                } else if is(WordClass::OrgSuffix, last) || ner_kind == Some(EntityKind::Organization) {
                    let span = self.span_of(block.start, block.end);
                    let name = self.doc.slice(span).to_string();
                    self.add_named(EntityKind::Organization, name, span);
                }
            }
        }
        // in a title-case headline capitals say nothing: a block names a person only as the
        // longest known name it opens with ("Lindsay Lohan Checks Into Betty Ford")
        for block in &headline_blocks {
            for len in (1..=(block.end - block.start).min(4)).rev() {
                if self.add_alias(&Block { start: block.start, end: block.start + len, titled: false }) {
                    break;
                }
            }
        }
        // people only the tagger saw ("Brown said", a sentence-initial surname)
        let unseen: Vec<Span> = self
            .ner
            .iter()
            .filter(|(span, kind)| {
                let text = strip_possessive(self.doc.slice(*span));
                *kind == tagger::NerType::Per
                    && is_capitalised(text)
                    && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && (text.contains(' ') || self.bare_name_is_person(self.token_index(span.start)))
                    && !self.mentions.iter().any(|m| m.span.overlaps(*span))
                    && !gaz_hits.iter().any(|&(s, e, _, _)| self.span_of(s, e).overlaps(*span))
                    && !ends_in_non_person_word(text)
                    && {
                        let start = self.token_index(span.start);
                        let in_headline = self.sentence_of.get(start).and_then(|&i| title_case.get(i)) == Some(&true);
                        !in_headline && !self.not_a_name(start, self.token_index(span.end).max(start + 1))
                    }
            })
            .map(|(span, _)| *span)
            .collect();
        for span in unseen {
            let start = self.token_index(span.start);
            let end = self.token_index(span.end).max(start + 1);
            let block = Block { start, end, titled: false };
            if !self.add_alias(&block) {
                self.add_person(&block);
            }
        }
        for (start, end, kind, canonical) in gaz_hits {
            let span = self.span_of(start, end);
            self.add_named(kind, canonical, span);
        }
    }

    /// True when sentence `sentence` is a title-case headline: at least four words, not in
    /// capitals, nearly all capitalised with a capitalised function word after the first ("Tara
    /// Reid Checks Into Rehab"), or all capitalised as the article's first line.
    pub(super) fn is_title_case(&self, sentence: usize) -> bool {
        let Some(s) = self.doc.sentences.get(sentence) else { return false };
        let words: Vec<&str> = s.tokens.clone().filter(|&k| self.is_word(k)).map(|k| self.text(k)).collect();
        // the article's first line alone in its paragraph is its headline: every word capitalised
        // is enough ("Sixers Hire Maurice Cheeks")
        let headline = sentence == 0
            && self.doc.sentences.get(1).is_none_or(|next| next.paragraph != s.paragraph)
            && words.iter().all(|w| is_capitalised(w));
        let capitalised = words.iter().filter(|w| is_capitalised(w)).count();
        // all-capital lines are the tagger's (it learnt them from upper-cased headlines)
        let all_caps = words
            .iter()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase))
            .count();
        words.len() >= 4
            && all_caps * 2 < words.len()
            && (headline
                || capitalised * 10 >= words.len() * 8 && words.iter().skip(1).any(|w| is(WordClass::HeadlineWord, w)))
    }

    /// True when token `t` can start a capitalised run.
    pub(super) fn starts_run(&self, t: usize, _end: usize) -> bool {
        self.is_word(t) && is_capitalised(self.text(t))
    }

    /// One past the last token of the run starting at `t`.
    pub(super) fn run_end(&self, t: usize, end: usize) -> usize {
        let mut k = t;
        while k < end {
            let word = self.text(k);
            let possessive = strip_possessive(word).len() != word.len();
            if self.is_word(k) && is_capitalised(word) {
                k += 1;
                if possessive {
                    break;
                }
            } else if k > t
                && matches!(word, "and" | "&" | "of" | "for")
                // not two names in coordination ("Tennessee Tech and LaSalle University") nor a
                // person's post ("James Bodiford of Superior Court")
                && !is(WordClass::OrgSuffix, strip_possessive(self.text(k - 1)))
                && !(t..k).any(|j| self.gaz.is_first_name(self.text(j)))
                && self.org_continues(k + 1, end)
            {
                // "Fish and Wildlife Service", "Bank of New England Corp", "Centers for Disease
                // Control": a connector inside an organisation's name
                k += 1;
            } else if self.is_word(k) && k > t && is(WordClass::NameParticle, word) {
                // "von der Leyen": particles must lead to a capitalised word
                let mut next = k;
                while next < end && self.is_word(next) && is(WordClass::NameParticle, self.text(next)) {
                    next += 1;
                }
                if next < end && self.is_word(next) && is_capitalised(self.text(next)) {
                    k = next;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        k.max(t + 1)
    }

    /// True when capitalised words from token `k` (at most four, up to `end`) end in an
    /// organisation word, so that a connector before them joins one name.
    fn org_continues(&self, k: usize, end: usize) -> bool {
        let mut j = k;
        while j < end && j < k + 4 && self.is_word(j) && is_capitalised(self.text(j)) {
            if is(WordClass::OrgSuffix, strip_possessive(self.text(j))) {
                return true;
            }
            j += 1;
        }
        false
    }

    /// The gazetteer entry naming exactly tokens `[start, end)` (a possessive on the last token
    /// ignored).
    pub(super) fn gaz_exact(&self, start: usize, end: usize) -> Option<&'static GazEntry> {
        let mut name = String::new();
        for k in start..end {
            if k > start {
                name.push(' ');
            }
            let w = self.text(k);
            name.push_str(if k + 1 == end { strip_possessive(w) } else { w });
        }
        self.gaz.lookup(&name)
    }

    /// The longest gazetteer name starting at token `start` and ending by `end`: its length in
    /// tokens and its entry.
    pub(super) fn longest_gaz(&self, start: usize, end: usize) -> Option<(usize, &'static GazEntry)> {
        let max = self.gaz.max_tokens.min(end - start);
        (1..=max).rev().find_map(|len| self.gaz_exact(start, start + len).map(|entry| (len, entry)))
    }

    /// Parses one capitalised run into gazetteer names, title words and blocks of plain words.
    pub(super) fn parse_run(
        &self,
        start: usize,
        end: usize,
        sentence: usize,
        blocks: &mut Vec<Block>,
        gaz_hits: &mut Vec<(usize, usize, EntityKind, String)>,
    ) {
        let mut items = Vec::with_capacity(end - start);
        let mut matches: Vec<GazMatch> = Vec::new();
        let sentence_start = self.doc.sentences[sentence].tokens.start;
        let mut k = start;
        while k < end {
            let lower = self.lower(k);
            let at_start = k == sentence_start
                || (k > sentence_start && self.doc.tokens[k - 1].kind == TokenKind::OpenQuote)
                || (k > sentence_start && self.text(k - 1) == ":");
            if let Some((len, entry)) = self.longest_gaz(k, end) {
                // a sentence-initial common word is not a name ("Commission" is, "Congress" is)
                if !(at_start && len == 1 && entry.kind != EntityKind::Group && self.gaz.is_common_word(&lower)) {
                    matches.push(GazMatch { start: k, end: k + len, entry });
                    items.extend(std::iter::repeat_n(Item::Gaz(matches.len() - 1), len));
                    k += len;
                    continue;
                }
            }
            let item = if is(WordClass::CalendarWord, strip_possessive(self.text(k)))
                || matches!(self.text(k), "A" | "An" | "The")
            {
                Item::Skip
            } else if self.is_role_word(k) {
                Item::Title
            } else if at_start
                && (self.gaz.is_common_word(&lower)
                    || is_opener(self.text(k), k + 1 < end && is_capitalised(self.text(k + 1))))
                && !self.gaz.is_first_name(strip_possessive(self.text(k)))
            {
                Item::Skip
            } else {
                Item::Word
            };
            items.push(item);
            k += 1;
        }
        // blocks of plain words
        let mut i = 0;
        while i < items.len() {
            if items[i] != Item::Word || is(WordClass::NameParticle, self.text(start + i)) {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < items.len() && items[j] == Item::Word {
                j += 1;
                // a possessive ends a name
                let w = self.text(start + j - 1);
                if strip_possessive(w).len() != w.len() {
                    break;
                }
            }
            // a headline's verb is not part of the name: "Lindsey Graham Says" (but "Edward Said")
            let next = j;
            let last = self.text(start + j - 1);
            if j - i >= 2 && is_reporting_verb(last) && !self.gaz.is_first_name(last) {
                j -= 1;
            }
            let mut titled = i > 0 && items[i - 1] == Item::Title;
            let mut first = start + i;
            // an unknown title before a first name: "Treasurer Jim Chalmers"
            if j - i >= 3 && !self.gaz.is_first_name(self.text(first)) && self.gaz.is_first_name(self.text(first + 1)) {
                first += 1;
                titled = true;
            }
            // a connector joins words inside a name, never ends or starts one
            let mut last = start + j;
            while last > first && !is_capitalised(self.text(last - 1)) {
                last -= 1;
            }
            while first < last && !is_capitalised(self.text(first)) {
                first += 1;
            }
            if first < last {
                blocks.push(Block { start: first, end: last, titled });
            }
            i = next;
        }
        for m in matches {
            if m.entry.demonym {
                continue;
            }
            // a place followed by an organisation word is an organisation: "Singapore Airlines",
            // "Bank of America" is in the gazetteer or tagged; "Qatar Airways"
            let next = m.end;
            if m.entry.kind == EntityKind::Location
                && next < end
                && is(WordClass::OrgSuffix, strip_possessive(self.text(next)))
                && items.get(next - start) == Some(&Item::Word)
            {
                let span = self.span_of(m.start, next + 1);
                blocks.retain(|b| b.start != next);
                gaz_hits.push((m.start, next + 1, EntityKind::Organization, self.doc.slice(span).to_string()));
                continue;
            }
            gaz_hits.push((m.start, m.end, m.entry.kind, m.entry.canonical.clone()));
        }
    }
}

/// A sentence's first word that is no part of a name after it: an opener ("So", "But") or, when
/// a capitalised word follows, an adverb or participle ("Ironically Nichols", "Knowing Billy";
/// not "Rowling revealed").
fn is_opener(word: &str, before_capital: bool) -> bool {
    let letters = word.chars().count();
    let lower_rest = word.chars().skip(1).all(|c| c.is_lowercase());
    is(WordClass::SentenceOpener, word)
        || (before_capital
            && lower_rest
            && ((letters > 4 && word.ends_with("ly")) || (letters > 5 && word.ends_with("ing"))))
}

/// True when a name's last word makes it a place, a body, a law or an event ("Marshal Service",
/// "Audubon Society", "Protection Act"): never a person, whatever the tagger says.
fn ends_in_non_person_word(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name);
    is(WordClass::OrgSuffix, last) || is(WordClass::PlaceSuffix, last) || is(WordClass::MiscSuffix, last)
}
