//! Recognition: runs of capitalised tokens, parsed into gazetteer names, title words and plain
//! words; blocks of plain words that are people (see [`super::person`]).

use foldhash::HashMap;

use parallax_doc::{EntityKind, Span, TokenKind};

use super::tagger;
use super::tokens::{is_capitalised, strip_possessive};
use super::vocabulary::{is, WordClass};
use super::{Block, EntityReader, GazEntry, GazMatch, Item};
use crate::lexicon::is_reporting_verb;
use parallax_lexicon::closed;
use parallax_lexicon::names::{is_corporate_suffix, organisation_key};

impl<'d> EntityReader<'d> {
    /// Recognition: every person, organisation and place named in the article, as entities and
    /// name mentions.
    pub(super) fn recognize_names(&mut self) {
        let mut blocks = Vec::new();
        let mut headline_blocks = Vec::new();
        let mut gaz_hits = Vec::new();
        // each sentence's words read once for both: whether it is in title case, and in capitals
        let (title_case, capitals): (Vec<bool>, Vec<bool>) = (0..self.doc.sentences.len())
            .map(|i| {
                let counts = self.word_counts(i);
                (self.is_title_case(i, &counts), counts.capitals * 2 > counts.lettered)
            })
            .unzip();
        for (sentence_idx, sentence) in self.doc.sentences.iter().enumerate() {
            let title_case = title_case[sentence_idx];
            let mut t = sentence.tokens.start;
            while t < sentence.tokens.end {
                if !self.starts_run(t, sentence.tokens.end) {
                    t += 1;
                    continue;
                }
                let end = self.run_end(t, sentence.tokens.end);
                // in a line of capitals (a headline, a table row) capitals say nothing of where a
                // name ends: its names are the tagger's ("LOS ANGELES AT MONTREAL" is two teams)
                let mut unread = Vec::new();
                let into = if capitals[sentence_idx] {
                    &mut unread
                } else if title_case {
                    &mut headline_blocks
                } else {
                    &mut blocks
                };
                self.parse_run(t, end, sentence_idx, into, &mut gaz_hits);
                t = end;
            }
        }
        // names whose rule evidence beats the tagger where they overlap it (a person after a
        // title or honorific, "JK" + "Rowling", "Fish and Wildlife Service"), then the tagger's
        // entities, which stand unless a rule has evidence against one; added in text order
        let mut names = self.rule_names(&blocks, &gaz_hits);
        names.extend(self.press_review_papers());
        let taken: Vec<Span> = names.iter().map(|n| self.span_of(n.start, n.end)).collect();
        names.extend(self.tagged_names(&title_case, &taken));
        names.sort_by_key(|n| (n.start, n.end));
        let mut claimed = Vec::with_capacity(names.len());
        for name in names {
            if let Some(span) = self.add_found(name) {
                claimed.push(span);
            }
        }
        let free = |span: Span| !claimed.iter().any(|c: &Span| c.overlaps(span));
        // then what the tagger missed: people with evidence, then blocks that repeat their names
        let mut pending = Vec::new();
        for block in blocks {
            if !free(self.span_of(block.start, block.end)) {
                continue;
            }
            if self.is_person(&block) {
                let block = Block { start: self.after_leading_abbreviations(block.start, block.end), ..block };
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
                let kind = kind_of_suffix(last).or_else(|| {
                    if self.body_of_in_run(block.start, block.end) {
                        Some(EntityKind::Organization)
                    } else if self.fills_quotes(block.start, block.end) {
                        Some(EntityKind::Misc)
                    } else {
                        self.place_by_context(block.start, block.end).then_some(EntityKind::Location)
                    }
                });
                if let Some(kind) = kind {
                    let name = self.doc.slice(span).to_string();
                    self.add_named(kind, name, span);
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
        for (start, end, kind, canonical) in gaz_hits {
            let span = self.span_of(start, end);
            if free(span) {
                self.add_named(kind, canonical, span);
            }
        }
    }

    /// The names of rule blocks whose evidence beats the tagger's reading of the same words
    /// (see [`EntityReader::rule_beats_tagger`]).
    fn rule_names(&self, blocks: &[Block], gaz_hits: &[(usize, usize, EntityKind, String)]) -> Vec<Found> {
        let mut names: Vec<Found> = Vec::new();
        for block in blocks {
            let span = self.span_of(block.start, block.end);
            if !self.ner.iter().any(|(s, _)| s.overlaps(span)) {
                continue; // nothing to beat: the block waits for the rules after the tagger
            }
            let n = block.end - block.start;
            let suffix_kind = (n >= 2).then(|| kind_of_suffix(self.text(block.end - 1))).flatten();
            let person = suffix_kind.is_none() && self.is_person(block);
            if !(person || suffix_kind.is_some()) {
                continue;
            }
            // an organisation's name takes in the tagger's pieces of it ("U.S. Fish" + "and
            // Wildlife Service")
            let (mut start, end) = match suffix_kind {
                Some(_) => self.with_tagged_pieces(block.start, block.end),
                None => (block.start, block.end),
            };
            // common words opening a sentence before the tagger's name are capitalised by their
            // place, not as part of it: "Company Name" + "Homegate Hospitality Inc"
            if suffix_kind.is_some() {
                let first_tagged = self.tagged_over(span).map(|(s, _)| self.token_index(s.start)).min();
                let opens =
                    self.sentence_of.get(start).and_then(|&i| self.doc.sentences.get(i)).map(|s| s.tokens.start);
                if let (Some(first), Some(opens)) = (first_tagged, opens) {
                    if first > start
                        && opens <= start
                        && (opens..first).all(|k| self.gaz.is_common_word(&self.lower(k)))
                    {
                        start = first;
                    }
                }
            }
            let kind = suffix_kind.unwrap_or(EntityKind::Person);
            if self.rule_beats_tagger(self.span_of(start, end), kind, block) {
                names.push(Found { start, end, kind, canonical: None });
            }
        }
        // "Qatar" + "Airways": a place before an organisation word
        for (start, end, kind, canonical) in gaz_hits {
            let span = self.span_of(*start, *end);
            let joined =
                end - start >= 2 && *kind == EntityKind::Organization && kind_of_suffix(self.text(end - 1)).is_some();
            let free = !names.iter().any(|n| self.span_of(n.start, n.end).overlaps(span));
            if joined && free && self.tagged_inside(span) && self.tagged_otherwise(span, EntityKind::Organization) {
                names.push(Found { start: *start, end: *end, kind: *kind, canonical: Some(canonical.clone()) });
            }
        }
        names
    }

    /// The newspapers a press review names on lines of their own, each over its stories
    /// ("JORDAN TIMES", "AL RAI", "THE NATION"), when the article's headline says it reviews the
    /// press ("PRESS DIGEST - Jordan - Aug 29"; words.tsv `press_review`): a line in capitals of
    /// at most four words and no digits that is neither a known place (the country a section
    /// covers) nor a section of a paper ("FRONT PAGE"; words.tsv `press_section`).
    fn press_review_papers(&self) -> Vec<Found> {
        let Some(headline) = self.doc.sentences.first() else { return Vec::new() };
        let headline_words: Vec<_> =
            headline.tokens.clone().filter(|&k| self.is_word(k)).map(|k| self.lower(k)).collect();
        if !headline_words.windows(2).any(|pair| pair[0] == "press" && is(WordClass::PressReview, &pair[1])) {
            return Vec::new();
        }
        let bytes = self.doc.text.as_bytes();
        let capitals =
            |w: &str| w.chars().any(char::is_alphabetic) && !w.chars().any(|c| c.is_lowercase() || c.is_numeric());
        let mut papers = Vec::new();
        for sentence in self.doc.sentences.iter().skip(1) {
            let (start, end) = (sentence.tokens.start, sentence.tokens.end);
            if end <= start || end - start > 4 || !(start..end).all(|k| self.is_word(k) && capitals(self.text(k))) {
                continue;
            }
            let span = self.span_of(start, end);
            let alone = (span.start == 0 || bytes.get(span.start - 1) == Some(&b'\n'))
                && matches!(bytes.get(span.end), None | Some(b'\n'));
            if !alone || (start..end).any(|k| is(WordClass::PressSection, &self.lower(k))) {
                continue;
            }
            let title_cased: Vec<String> = (start..end).map(|k| title_case(self.text(k))).collect();
            if self.gaz.lookup(&title_cased.join(" ")).is_some_and(|g| g.kind == EntityKind::Location) {
                continue;
            }
            papers.push(Found { start, end, kind: EntityKind::Organization, canonical: None });
        }
        papers
    }

    /// Tokens `[start, end)` widened to take in every tagger entity that overlaps them.
    fn with_tagged_pieces(&self, start: usize, end: usize) -> (usize, usize) {
        let span = self.span_of(start, end);
        let (mut lo, mut hi) = (start, end);
        for (s, _) in self.ner.iter().filter(|(s, _)| s.overlaps(span)) {
            lo = lo.min(self.token_index(s.start));
            hi = hi.max(self.token_index(s.end));
        }
        (lo, hi)
    }

    /// True when a rule name of kind `kind` at `span` beats the tagger's entities overlapping
    /// it: they all lie inside it, and it is longer than each (it adds words: "JK" + "Rowling"),
    /// or it gives another type with evidence strong enough to retype the same words: for a
    /// person a title or honorific before them or "said she" after the name elsewhere, for an
    /// organisation or place its kind's last word ("Singapore Airlines").
    fn rule_beats_tagger(&self, span: Span, kind: EntityKind, block: &Block) -> bool {
        if !self.tagged_inside(span) {
            return false;
        }
        if self.tagged_over(span).all(|(s, _)| s.end - s.start < span.end - span.start) {
            return true;
        }
        let strong = match kind {
            EntityKind::Person => {
                self.honorific_gender(block.start).is_some()
                    // a generation after a name: "Brent Bozell III", "Cal Ripken Jr."
                    || (block.end - block.start >= 3 && is(WordClass::GenerationalSuffix, self.text(block.end - 1)))
                    || (block.titled && block.end - block.start >= 2)
                    || (block.end - block.start >= 2
                        && self.surname_reports(self.surname_token(block.start, block.end), true))
            }
            // a place's last word does not make the tagger's body a place: bodies are named
            // after places ("Ross County", "National Hurricane Center", "Western Province")
            // except a landform's ("Maacama Fault", "Napa Valley"), which no body is named
            EntityKind::Location => {
                !self.tagged_over(span).any(|(_, t)| *t == tagger::NerType::Org)
                    || is(WordClass::LandformSuffix, strip_possessive(self.text(block.end - 1)))
            }
            _ => true,
        };
        strong && self.tagged_otherwise(span, kind)
    }

    /// The tagger's entities overlapping `span`.
    fn tagged_over(&self, span: Span) -> impl Iterator<Item = &(Span, tagger::NerType)> + '_ {
        self.ner.iter().filter(move |(s, _)| s.overlaps(span))
    }

    /// True when every tagger entity overlapping `span` lies inside it.
    fn tagged_inside(&self, span: Span) -> bool {
        self.tagged_over(span).all(|(s, _)| s.start >= span.start && s.end <= span.end)
    }

    /// True when a tagger entity overlapping `span` has a type other than `kind`.
    fn tagged_otherwise(&self, span: Span, kind: EntityKind) -> bool {
        self.tagged_over(span).any(|(_, t)| t.entity_kind() != Some(kind))
    }

    /// The statistical tagger's entities outside title-case headlines and away from the
    /// spans `taken`, each checked against evidence that it is not what the tagger says (see
    /// [`EntityReader::refine_tagged`]).
    fn tagged_names(&self, title_case: &[bool], taken: &[Span]) -> Vec<Found> {
        let mut names = Vec::new();
        let agreed = self.agreed_types();
        let firms = self.firm_heads();
        let context_orgs = self.orgs_by_context();
        // the end of a body's name read past the tagger's: later tagger names inside it are its own
        let mut joined_to = 0;
        for &(span, ner_kind) in &self.ner {
            let name = strip_possessive(self.doc.slice(span));
            // a person or not is settled by the document ("Chrysler said" among mentions of the
            // company); organisation or place is the local context's call ("CHICAGO" the
            // dateline, "Chicago" the team)
            let ner_kind = match agreed.get(name) {
                Some(&k) if (k == tagger::NerType::Per) != (ner_kind == tagger::NerType::Per) => k,
                _ => ner_kind,
            };
            // a company's short name, its full name with a legal form known in the article
            // ("Magna" after "Magna International Inc", "Chrysler" after "Chrysler LLC"), is the
            // company, not a person or a product (a place stays one: firms are named after towns)
            let ner_kind = match ner_kind {
                tagger::NerType::Per | tagger::NerType::Misc if firms.contains(name) => tagger::NerType::Org,
                // a side of a result line ("Los Angeles 5 MONTREAL 1") is a team, whatever
                // place or person it is named after
                tagger::NerType::Per | tagger::NerType::Loc
                    if self.side_of_result(span) || self.side_of_fixture(span) =>
                {
                    tagger::NerType::Org
                }
                // a side of a fixture ("Bath v Gloucester") is a team, not a product or event
                tagger::NerType::Misc if self.side_of_fixture(span) => tagger::NerType::Org,
                kind => kind,
            };
            let start = self.token_index(span.start);
            let mut end = self.token_index(span.end).max(start + 1);
            // a name the article names as a body elsewhere by the words around it ("Matahari" after
            // "department store operator Matahari", "Sierra" after "Sierra shares")
            let ner_kind = if context_orgs.contains(name) && self.may_retype_as_org(start, end, ner_kind) {
                tagger::NerType::Org
            } else {
                ner_kind
            };
            let in_headline = self.sentence_of.get(start).and_then(|&i| title_case.get(i)) == Some(&true);
            if in_headline || taken.iter().any(|c| c.overlaps(span)) || start < joined_to {
                continue;
            }
            let mut ner_kind = ner_kind;
            if let Some(of_end) = self.body_of_name_after(start, end, ner_kind) {
                end = of_end;
                ner_kind = tagger::NerType::Org;
                joined_to = of_end;
            }
            for (start, end, kind) in self.refine_tagged(start, end, ner_kind) {
                names.push(Found { start, end, kind, canonical: None });
            }
        }
        names
    }

    /// The names of the tagger's people, products and places that the words around one of
    /// their mentions make a body: a company's noun right after a person or a product ("Specia
    /// unit", "Les Echos newspaper", "SOLIDERE shares"; words.tsv `org_head_after`), one right
    /// before any of them ("packaging manufacturer Super Indah Makmur", "investment bank
    /// Rothschild"; `org_apposition`), or a share price's verb and a price after a person or a
    /// place ("Mosenergo closed at $ 0.958", "Eastern Cables gained 20.37"; `price_verb`). Places
    /// the gazetteer knows and people named with a first name are left alone
    /// ([`Self::may_retype_as_org`]).
    fn orgs_by_context(&self) -> foldhash::HashSet<&'d str> {
        use tagger::NerType;
        let mut names = foldhash::HashSet::default();
        for &(span, kind) in &self.ner {
            let start = self.token_index(span.start);
            let end = self.token_index(span.end).max(start + 1);
            if !self.may_retype_as_org(start, end, kind) {
                continue;
            }
            let same_sentence = |k: usize| self.sentence_of.get(k) == self.sentence_of.get(start);
            let head_after = matches!(kind, NerType::Per | NerType::Misc)
                && self.is_word(end)
                && same_sentence(end)
                && is(WordClass::OrgHeadAfter, self.text(end));
            let apposition = start > 0
                && self.is_word(start - 1)
                && same_sentence(start - 1)
                && is(WordClass::OrgApposition, self.text(start - 1));
            let price = matches!(kind, NerType::Per | NerType::Loc)
                && self.is_word(end)
                && same_sentence(end)
                && is(WordClass::PriceVerb, self.text(end))
                && self.price_after(end + 1, self.text(end) == "was");
            if head_after || apposition || price {
                names.insert(strip_possessive(self.doc.slice(span)));
            }
        }
        names
    }

    /// True when the tagger's name `[start, end)` of type `kind` may be made a body by the words
    /// around it: a product or event the gazetteer does not know (not a nationality), a person
    /// whose first word is no first name, a place the gazetteer does not know as one.
    fn may_retype_as_org(&self, start: usize, end: usize, kind: tagger::NerType) -> bool {
        use tagger::NerType;
        let known = self.gaz_exact(start, end);
        match kind {
            NerType::Per => !self.gaz.is_given_name(strip_possessive(self.text(start))) && known.is_none(),
            NerType::Misc => {
                let word = self.text(start);
                let adjective = end - start == 1
                    && (1..word.len()).any(|i| word.is_char_boundary(i) && is(WordClass::DemonymEnding, &word[i..]))
                    && word.chars().skip(1).all(char::is_lowercase);
                known.is_none() && !adjective
            }
            NerType::Loc => known.is_none_or(|g| g.kind != EntityKind::Location),
            _ => false,
        }
    }

    /// True when the tokens from `k` give a share price or its change after a price's verb: a
    /// currency sign or a price in pence ("$ 0.958", "8p"), "to" or "at" and a price, a number
    /// with decimals ("20.37") or a number and "percent". With `strict` (after "was", said of
    /// people too: "was 23"), only a currency sign or pence.
    fn price_after(&self, k: usize, strict: bool) -> bool {
        let money = |w: &str| {
            matches!(w, "$" | "£" | "€" | "¥")
                || (w.len() >= 2
                    && w.ends_with('p')
                    && w.get(..w.len() - 1).is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit())))
        };
        let decimal = |w: &str| {
            w.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && w.contains('.')
                && w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        };
        let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
        let (first, second) = (self.text(k), self.text(k + 1));
        if money(first) {
            return true;
        }
        if matches!(first, "to" | "at") && (money(second) || (!strict && decimal(second))) {
            return true;
        }
        !strict && (decimal(first) || (number(first) && matches!(second, "percent" | "pct")))
    }

    /// One past the end of a body's name that the tagger cut before "of" (or "for" after an
    /// organisation's word): its name `[start, end)` ends in a body's word and "of" and a place
    /// or a short name follow ("the University" + "of South Wales", "Ministry" + "of Defence",
    /// "Working Group" + "for California Earthquake Probability"). A place the gazetteer knows is taken whole;
    /// other words only up to three capitalised ones with no title and no first name among them,
    /// the name ending there ("Department of Justice Attorney John Smith" stays apart).
    fn body_of_name_after(&self, start: usize, end: usize, ner_kind: tagger::NerType) -> Option<usize> {
        let org_word = kind_of_suffix(self.text(end - 1)) == Some(EntityKind::Organization);
        let body_word = org_word || is(WordClass::BodyBeforeOf, self.text(end - 1));
        // "Working Group" + "for California Earthquake Probability": "for" after an
        // organisation's word, as "of"
        let connector = match self.text(end) {
            "of" => body_word,
            "for" => org_word,
            _ => false,
        };
        if ner_kind == tagger::NerType::Per
            || !connector
            || !(start..end).all(|k| self.is_word(k) && is_capitalised(self.text(k)))
        {
            return None;
        }
        let to = self.name_after_body_of(end)?;
        // "Center" + "for Strategic and International Studies": a name going on past "and" is
        // not read whole here, so the tagger's cut stands
        let goes_on = self.text(to) == "and" && self.is_word(to + 1) && is_capitalised(self.text(to + 1));
        (!goes_on).then_some(to)
    }

    /// True when the run `[start, end)` holds "of" after a body's word: a body's name read on
    /// to the name after "of" ([`Self::run_end`]).
    pub(super) fn body_of_in_run(&self, start: usize, end: usize) -> bool {
        (start + 1..end).any(|k| {
            self.text(k) == "of"
                && (is(WordClass::OrgSuffix, self.text(k - 1)) || is(WordClass::BodyBeforeOf, self.text(k - 1)))
        })
    }

    /// One past the name after the token "of" at `of` that ends a body's name before it (see
    /// [`Self::body_of_name_after`]).
    fn name_after_body_of(&self, of: usize) -> Option<usize> {
        let sentence_end = self.sentence_of.get(of).and_then(|&i| self.doc.sentences.get(i))?.tokens.end;
        let from = of + 1;
        if from >= sentence_end || !self.is_word(from) || !is_capitalised(self.text(from)) {
            return None;
        }
        // the body's own name before its word: a place after "of" is where it is from ("SK
        // Telecom of South Korea", "Galatasaray of Turkey"), unless the words before are common
        // ones ("Royal Bank of Scotland", "Tourism Authority of Thailand")
        let mut body = of - 1;
        while body > 0 && self.is_word(body - 1) && is_capitalised(self.text(body - 1)) {
            body -= 1;
        }
        let own_name = (body..of - 1).any(|k| !self.gaz.is_common_word(&self.lower(k)));
        let mut to = from;
        if let Some((len, entry)) = self.longest_gaz(from, sentence_end) {
            let end = from + len;
            let capitalised_after = end < sentence_end && self.is_word(end) && is_capitalised(self.text(end));
            if entry.kind == EntityKind::Location && !entry.demonym && !capitalised_after {
                if own_name {
                    return None;
                }
                to = end;
            }
        }
        // up to three capitalised words, no title; a given name only when the name goes on
        // with another "of" ("Church of Jesus Christ of Latter Day Saints")
        let words_from = |from: usize| -> Option<(usize, bool)> {
            let mut to = from;
            let mut given = false;
            while to < sentence_end && self.is_word(to) && is_capitalised(self.text(to)) {
                if to - from == 3 || self.is_role_word(to) {
                    return None;
                }
                given |= self.gaz.is_given_name(strip_possessive(self.text(to)));
                to += 1;
            }
            Some((to, given))
        };
        let chained = |to: usize| {
            to + 1 < sentence_end && self.text(to) == "of" && self.is_word(to + 1) && is_capitalised(self.text(to + 1))
        };
        if to == from {
            let (end, given) = words_from(from)?;
            if given && !chained(end) {
                return None;
            }
            to = end;
        }
        // and a second "of" and name after a first ("… of Jesus Christ of Latter Day Saints")
        if chained(to) {
            if let Some((end, false)) = words_from(to + 1) {
                if end > to + 1 {
                    to = end;
                }
            }
        }
        // a name cut before "and" ("College of Further and Higher Education") is not read whole
        if to < sentence_end && matches!(self.text(to), "and" | "&") {
            return None;
        }
        Some(to)
    }

    /// True when `span` is one of the two sides of a line that gives a match's result and nothing
    /// else: a name, its score, a name, its score, and a note in brackets at most ("Los Angeles 5
    /// MONTREAL 1", "San Diego 3 NEW YORK 2 ( 10 innings )").
    fn side_of_result(&self, span: Span) -> bool {
        // a result line is short: look for its ends a little way off only, so that a long line
        // is not searched again for every name on it
        const REACH: usize = 100;
        let text = self.doc.text.as_str();
        let bytes = text.as_bytes();
        let back = span.start.saturating_sub(REACH);
        let from = match bytes.get(back..span.start).and_then(|b| b.iter().rposition(|&c| c == b'\n')) {
            Some(k) => back + k + 1,
            None if back == 0 => 0,
            None => return false,
        };
        let ahead = (span.end + REACH).min(bytes.len());
        let to = match bytes.get(span.end..ahead).and_then(|b| b.iter().position(|&c| c == b'\n')) {
            Some(k) => span.end + k,
            None if ahead == bytes.len() => bytes.len(),
            None => return false,
        };
        let Some(line) = text.get(from..to) else { return false };
        let line = match line.find(" (") {
            Some(k) if line.trim_end().ends_with(')') => &line[..k],
            _ => line,
        };
        let words: Vec<&str> = line.split_whitespace().collect();
        let score = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
        let name_word = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let scores: Vec<usize> = (0..words.len()).filter(|&k| score(words[k])).collect();
        let [first, second] = scores[..] else { return false };
        if second + 1 != words.len() || first == 0 || second == first + 1 {
            return false;
        }
        let names_ok = |a: usize, b: usize| (a..b).all(|k| name_word(words[k]));
        if !names_ok(0, first) || !names_ok(first + 1, second) {
            return false;
        }
        let name = self.doc.slice(span);
        name == words[..first].join(" ") || name == words[first + 1..second].join(" ")
    }

    /// True when `span` is a side of a fixture, a name and "v" before another name ("Partick v
    /// St Mirren", "Lyngby ( Denmark ) v Club Brugge"): a team, unless it is a country, as
    /// national sides are named by their countries.
    fn side_of_fixture(&self, span: Span) -> bool {
        let start = self.token_index(span.start);
        let end = self.token_index(span.end).max(start + 1);
        let name_word = |t: usize| self.is_word(t) && is_capitalised(self.text(t));
        let before_versus = self.text(end) == "v" && name_word(end + 1);
        let after_versus =
            start >= 2 && self.text(start - 1) == "v" && (name_word(start - 2) || self.text(start - 2) == ")");
        if !(before_versus || after_versus) {
            return false;
        }
        let country = self.gaz_exact(start, end).is_some_and(|entry| {
            entry.kind == EntityKind::Location && entry.country.as_deref() == Some(entry.canonical.as_str())
        });
        !country
    }

    /// The tagger's spans mended where its own reading is at odds with itself: a name does not
    /// end at "&", and two names joined by "&" are one firm's ("Douglas" + "& Lomason", "Standard
    /// & Poor"); a body's name is split at "and" where its parts are names of their own: a list
    /// with commas ("Mercantile , Commerce and Roosevelt"), a legal form before "and" ("Johnson
    /// Controls Inc and Lear Corp"), or parts the tagger names alone elsewhere in the article
    /// ("Mercantile and Commerce").
    pub(super) fn mend_tagged(&self, ner: Vec<(Span, tagger::NerType)>) -> Vec<(Span, tagger::NerType)> {
        use tagger::NerType;
        let tokens = &self.doc.tokens;
        let first_token = |span: Span| self.token_index(span.start);
        let end_token = |span: Span| self.token_end(span);
        let same_sentence = |a: usize, b: usize| self.sentence_of.get(a) == self.sentence_of.get(b);
        // "&" joins
        let mut joined: Vec<(Span, NerType)> = Vec::with_capacity(ner.len());
        let mut i = 0;
        while i < ner.len() {
            let (mut span, mut kind) = ner[i];
            i += 1;
            loop {
                let end = end_token(span);
                let ends_with_amp = end > 0 && self.text(end - 1) == "&";
                let amp_next = !ends_with_amp && self.text(end) == "&";
                let next = if ends_with_amp { end } else { end + 1 };
                let joins = (ends_with_amp || amp_next)
                    && self.is_word(next)
                    && is_capitalised(self.text(next))
                    && same_sentence(end.saturating_sub(1), next);
                if !joins {
                    break;
                }
                // the name after "&": the tagger's, else the capitalised words there
                let mut last = next;
                let after_amp = |s: &Span| first_token(*s) == next || (amp_next && first_token(*s) == end);
                if let Some(&(other, other_kind)) = ner.get(i).filter(|(s, _)| after_amp(s)) {
                    last = end_token(other) - 1;
                    if other_kind != kind || kind == NerType::Per {
                        kind = NerType::Org;
                    }
                    i += 1;
                } else {
                    while self.is_word(last + 1) && is_capitalised(self.text(last + 1)) && same_sentence(next, last + 1)
                    {
                        last += 1;
                    }
                    kind = NerType::Org;
                }
                span = Span::new(span.start, tokens[last].span.end);
            }
            joined.push((span, kind));
        }
        // names the tagger gives alone: keys of its spans without "and" or ","
        let alone: foldhash::HashSet<&str> = joined
            .iter()
            .map(|(s, _)| strip_possessive(self.doc.slice(*s)))
            .filter(|n| !n.contains(" and ") && !n.contains(','))
            .map(organisation_key)
            .collect();
        let mut out = Vec::with_capacity(joined.len());
        for (span, kind) in joined {
            let (start, end) = (first_token(span), end_token(span));
            let cuts: Vec<usize> =
                (start + 1..end.saturating_sub(1)).filter(|&k| matches!(self.text(k), "and" | ",")).collect();
            if kind != NerType::Org || !cuts.iter().any(|&k| self.text(k) == "and") {
                out.push((span, kind));
                continue;
            }
            let mut parts = Vec::with_capacity(cuts.len() + 1);
            let mut from = start;
            for &k in cuts.iter().chain(std::iter::once(&end)) {
                let to_end = if k == end { span.end } else { tokens[k - 1].span.end };
                parts.push((from, k, Span::new(tokens[from].span.start, to_end)));
                from = k + 1;
            }
            let list = cuts.iter().any(|&k| self.text(k) == ",");
            let legal_form = cuts.iter().any(|&k| self.text(k) == "and" && is_corporate_suffix(self.text(k - 1)));
            let named_alone =
                parts.iter().all(|&(_, _, s)| alone.contains(organisation_key(strip_possessive(self.doc.slice(s)))));
            // a part of legal forms alone names no one: "Morgan Stanley and Co Inc" is one firm
            let names = parts.iter().all(|&(a, b, _)| {
                b > a
                    && is_capitalised(self.text(a))
                    && is_capitalised(self.text(b - 1))
                    && (a..b).any(|k| !is_corporate_suffix(self.text(k)))
            });
            if names && (list || legal_form || named_alone) {
                out.extend(parts.into_iter().map(|(_, _, s)| (s, NerType::Org)));
            } else {
                out.push((span, kind));
            }
        }
        // a common word in lower case opens or ends no name: "investment bank" + "Rothschild &
        // Cie", "ECOMOG" + "force" (a particle may: "de Gaulle")
        let plain_lower = |k: usize| {
            let w = self.text(k);
            self.is_word(k)
                && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
                && !is(WordClass::NameParticle, w)
                && !matches!(w, "of" | "and" | "for" | "the" | "s")
        };
        let mut out = self.possessive_names(out);
        for (span, kind) in &mut out {
            if *kind == NerType::Misc {
                continue;
            }
            let (mut start, mut end) = (first_token(*span), end_token(*span));
            while end - start >= 2 && plain_lower(end - 1) {
                end -= 1;
            }
            while end - start >= 2 && plain_lower(start) {
                start += 1;
            }
            if (start, end) != (first_token(*span), end_token(*span)) {
                if let (Some(first), Some(last)) = (tokens.get(start), tokens.get(end - 1)) {
                    *span = Span::new(first.span.start, last.span.end);
                }
            }
        }
        out
    }

    /// The tagger's spans with the names that hold a possessive "'s" read whole as bodies:
    /// a name written once with an "'s" that no possessive could have after it ("in favour of
    /// Lloyd 's and", "Moody 's ."; words.tsv `not_after_possessive`) is a shop's or firm's name
    /// with its "'s" wherever the article writes it so, and takes in the capitalised words of a
    /// body after it ("Moody 's Investors Service"); and capitalised words before "'s" ending in a
    /// common word and a body's word after ("Broward County Sheriff 's Office", "Pakistan People
    /// 's Party") are one body.
    fn possessive_names(&self, ner: Vec<(Span, tagger::NerType)>) -> Vec<(Span, tagger::NerType)> {
        use tagger::NerType;
        let tokens = &self.doc.tokens;
        // one past an "'s" at token `k`: a token of its own, or an apostrophe and an "s" with no
        // space between them (as "Lloyd 's" is read)
        let apostrophe_s = |k: usize| -> Option<usize> {
            match self.text(k) {
                "'s" | "\u{2019}s" => Some(k + 1),
                "'" | "\u{2019}"
                    if self.text(k + 1) == "s"
                        && tokens.get(k + 1).map(|t| t.span.start) == tokens.get(k).map(|t| t.span.end) =>
                {
                    Some(k + 2)
                }
                _ => None,
            }
        };
        let capitalised_word = |k: usize| self.is_word(k) && is_capitalised(self.text(k));
        let same_sentence = |a: usize, b: usize| self.sentence_of.get(a) == self.sentence_of.get(b);
        let end_token = |span: Span| self.token_end(span);
        // one past a body's name of capitalised words from token `k` on, after an "'s", ending
        // in a body's word
        let body_after = |k: usize| -> Option<usize> {
            let mut j = k;
            while j < tokens.len() && j < k + 5 && capitalised_word(j) && same_sentence(k, j) {
                if is(WordClass::OrgSuffix, strip_possessive(self.text(j))) {
                    return Some(j + 1);
                }
                j += 1;
            }
            None
        };
        // the words of the tagger's people of two words or more: a possessive of one of them
        // ("Smith 's ." after "John Smith") is that person's
        let person_words: foldhash::HashSet<&str> = ner
            .iter()
            .filter(|(s, k)| *k == NerType::Per && self.doc.slice(*s).contains(' '))
            .flat_map(|(s, _)| self.doc.slice(*s).split(' '))
            .collect();
        let mut named: foldhash::HashSet<&str> = foldhash::HashSet::default();
        for &(span, _) in &ner {
            let end = end_token(span);
            let first = self.token_index(span.start);
            let Some(after) = apostrophe_s(end) else { continue };
            if end > first
                && capitalised_word(end - 1)
                && (after >= tokens.len()
                    || (same_sentence(end, after) && is(WordClass::NotAfterPossessive, self.text(after))))
                && self.gaz_exact(first, end).is_none()
                && !self.doc.slice(span).split(' ').any(|w| person_words.contains(w))
            {
                named.insert(self.doc.slice(span));
            }
        }
        // each with whether it was read by a common word before "'s" (not a name seen alone)
        let mut found: Vec<(usize, usize, bool)> = Vec::new();
        for &(span, _) in &ner {
            let end = end_token(span);
            if let Some(after) = apostrophe_s(end).filter(|_| named.contains(self.doc.slice(span))) {
                let to = body_after(after).unwrap_or(after);
                found.push((self.token_index(span.start), to, false));
            }
        }
        for k in 1..tokens.len().saturating_sub(1) {
            let Some(after) = apostrophe_s(k) else { continue };
            if !capitalised_word(k - 1) || !same_sentence(k - 1, k) {
                continue;
            }
            let before = strip_possessive(self.text(k - 1));
            if !self.gaz.is_common_word(&self.lower(k - 1)) || self.gaz.lookup(before).is_some() {
                continue;
            }
            let Some(to) = body_after(after) else { continue };
            let mut from = k - 1;
            while from > 0
                && capitalised_word(from - 1)
                && same_sentence(from - 1, k)
                && !matches!(self.text(from - 1), "The" | "A" | "An")
            {
                from -= 1;
            }
            found.push((from, to, true));
        }
        if found.is_empty() {
            return ner;
        }
        found.sort_unstable();
        let mut out: Vec<(Span, NerType)> = Vec::with_capacity(ner.len());
        let mut last_end = 0;
        for (from, to, by_common_word) in found {
            if from < last_end {
                continue;
            }
            let span = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
            // the tagger's names around it must lie inside it, and none be a person ("John Major
            // 's Conservative Party" is a person and a party)
            if ner.iter().any(|(s, k)| {
                s.overlaps(span) && (s.start < span.start || s.end > span.end || (by_common_word && *k == NerType::Per))
            }) {
                continue;
            }
            out.push((span, NerType::Org));
            last_end = to;
        }
        let bodies: Vec<Span> = out.iter().map(|(s, _)| *s).collect();
        out.extend(ner.into_iter().filter(|(s, _)| !bodies.iter().any(|b| b.overlaps(*s))));
        out.sort_by_key(|(s, _)| (s.start, s.end));
        out
    }

    /// The short names of the companies the tagger names in full with a legal form ("Magna
    /// International Inc"): the name without its legal form ("Magna International") and its
    /// first word ("Magna") unless that word is a first name ("Edward D. Jones & Co") or a
    /// place the gazetteer knows ("Singapore Airlines Ltd").
    fn firm_heads(&self) -> foldhash::HashSet<&'d str> {
        let mut heads = foldhash::HashSet::default();
        for &(span, kind) in &self.ner {
            let name = strip_possessive(self.doc.slice(span));
            let Some((first, rest)) = name.split_once(' ') else { continue };
            let last = rest.rsplit(' ').next().unwrap_or(rest);
            if kind != tagger::NerType::Org || !is_corporate_suffix(last) {
                continue;
            }
            let key = organisation_key(name);
            if key.len() < name.len() {
                heads.insert(key);
            }
            let place = self.gaz.lookup(first).is_some_and(|g| g.kind != EntityKind::Organization);
            if is_capitalised(first) && !self.gaz.is_given_name(first) && !place && !is_corporate_suffix(first) {
                heads.insert(first);
            }
        }
        heads
    }

    /// One type per name across the document: the tagger's type for most of the name's
    /// mentions (ties to the first), where a company's name followed by a corporate word
    /// ("Chrysler LLC", "Ford Motor Co") counts as an organisation mention of the bare name.
    fn agreed_types(&self) -> HashMap<&'d str, tagger::NerType> {
        let mut votes: HashMap<&'d str, Vec<(tagger::NerType, usize)>> = HashMap::default();
        let mut vote = |name: &'d str, kind: tagger::NerType| {
            let entry = votes.entry(name).or_default();
            match entry.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => entry.push((kind, 1)),
            }
        };
        for &(span, kind) in &self.ner {
            let name = strip_possessive(self.doc.slice(span));
            vote(name, kind);
            let key = organisation_key(name);
            if kind == tagger::NerType::Org && key.len() < name.len() {
                vote(key, kind);
            }
        }
        votes
            .into_iter()
            .filter(|(_, v)| v.len() > 1)
            // the first type to reach the most votes (votes keep their first-seen order)
            .filter_map(|(name, v)| {
                let best = v.iter().map(|&(_, n)| n).max()?;
                v.iter().find(|&&(_, n)| n == best).map(|&(k, _)| (name, k))
            })
            .collect()
    }

    /// A tagger's entity `[start, end)` of type `ner_kind` as the names it stands for, with
    /// the evidence rules may bring: a title opening a person's name is no part of it ("Prince
    /// Mohammed bin Salman"); a particle and a capitalised word after it are ("Ursula" + "von
    /// der Leyen"); a known place or body followed by a first name and a surname is two names
    /// ("the Middle East" + "Steve Witkoff"); the last word of a person's name may make it a body,
    /// a place or an event ("Brown Deer Park Golf Course").
    fn refine_tagged(
        &self,
        mut start: usize,
        mut end: usize,
        ner_kind: tagger::NerType,
    ) -> Vec<(usize, usize, EntityKind)> {
        let kind = ner_kind.entity_kind().unwrap_or(EntityKind::Misc);
        // an honorific and a first name open a person's name whatever the tagger says ("Miss
        // Rachel Bates, court clerk"; the honorific is no part of it), and so do an honorific and
        // a surname no list knows ("Miss Hargreave"). Not a title of its own ("Miss Universe", "Miss
        // America") nor a body's name ("Dr. Martens Ltd"); an honorific alone names no one
        if kind != EntityKind::Person && is(WordClass::Honorific, self.text(start)) {
            if end - start == 1 {
                return Vec::new(); // "Miss" alone names no one
            }
            let next = strip_possessive(self.text(start + 1));
            let plain_surname = self.gaz.lookup(next).is_none()
                && !self.gaz.is_common_word(&next.to_lowercase())
                && (start + 1..end).all(|k| is_capitalised(self.text(k)));
            if kind_of_suffix(self.text(end - 1)).is_none() && !is_corporate_suffix(self.text(end - 1)) {
                if end - start >= 3 && self.gaz.is_given_name(next) {
                    return self.refine_tagged(start + 1, end, tagger::NerType::Per);
                }
                if plain_surname {
                    return self.refine_tagged(start, end, tagger::NerType::Per);
                }
            }
        }
        if kind == EntityKind::Person {
            // a role word that is also a first name opens the name unless a first name follows
            // ("Dean Jones", but "Prince Mohammed bin Salman")
            while end - start >= 2
                && self.is_role_word(start)
                && is_capitalised(self.text(start + 1))
                && (!self.gaz.is_given_name(self.text(start)) || self.gaz.is_given_name(self.text(start + 1)))
            {
                start += 1;
            }
            // a role, a body's word or an opener glued before a first name: "Customs Agent David
            // Wilhelm", "Chief of Police Scott Russell", "So Stefanski" at a sentence's start
            if let Some(k) = (start..end.saturating_sub(2)).rev().find(|&k| {
                (self.is_role_word(k) || is(WordClass::OrgSuffix, self.text(k)))
                    && self.gaz.is_given_name(self.text(k + 1))
            }) {
                start = k + 1;
            }
            let opens = self
                .sentence_of
                .get(start)
                .and_then(|&i| self.doc.sentences.get(i))
                .is_some_and(|s| s.tokens.start == start);
            if opens && end - start >= 2 && is(WordClass::SentenceOpener, self.text(start)) {
                start += 1;
            }
            let sentence_end =
                self.sentence_of.get(start).and_then(|&i| self.doc.sentences.get(i)).map_or(end, |s| s.tokens.end);
            let mut next = end;
            while next < sentence_end && self.is_word(next) && is(WordClass::NameParticle, self.text(next)) {
                next += 1;
            }
            if next > end && next < sentence_end && self.is_word(next) && is_capitalised(self.text(next)) {
                end = next + 1;
            }
            // a double surname that the text's tokeniser split at its hyphen, spaces around it
            // ("Dominique Strauss - Kahn"): one name
            if self.split_hyphen_after(end)
                && ((end - start >= 2 && self.gaz.is_given_name(self.text(start)))
                    || (end - start == 1 && self.double_surname_in_full(start)))
            {
                end += 2;
            }
            // a weekday, a role word or a verb of a title-case headline after a name is no part
            // of it ("Brian Nichols Saturday", "Doris Duke Professor", "Gary Ross Is Set to
            // Direct"; but "Ken Dean", and a role's word right after a lone first name is the
            // surname: "Cpl. Janice Leader, a dispatcher")
            while end - start >= 2 && {
                let last = end - 1;
                let first = self.text(start);
                let surname_after_first_name = end - start == 2
                    && self.gaz.is_given_name(first)
                    && !self.gaz.is_common_word(&first.to_lowercase());
                self.is_calendar_or_sign(last)
                    || (self.is_role_word(last)
                        && !self.gaz.is_given_name(strip_possessive(self.text(last)))
                        && !surname_after_first_name)
                    || is_auxiliary_or_modal(self.text(last))
            } {
                end -= 1;
            }
            // a title in quotation marks, or a place by the words around it
            if self.fills_quotes(start, end) {
                return vec![(start, end, EntityKind::Misc)];
            }
            if self.place_by_context(start, end) {
                return vec![(start, end, EntityKind::Location)];
            }
            let last = self.text(end - 1);
            // one word the gazetteer knows as a place or body, not reporting speech ("Oregon"); a
            // body named with a first name stays the tagger's person ("Chelsea" Clinton)
            if end - start == 1 && !self.reports_after(end) {
                let person_like = |g: &GazEntry| {
                    g.kind == EntityKind::Organization && self.gaz.is_given_name(strip_possessive(self.text(start)))
                };
                if let Some(entry) =
                    self.gaz_exact(start, end).filter(|g| g.kind != EntityKind::Person && !person_like(g))
                {
                    let kind = if entry.demonym { EntityKind::Group } else { entry.kind };
                    return vec![(start, end, kind)];
                }
            }
            return vec![(start, end, kind_of_suffix(last).unwrap_or(kind))];
        }
        // a month or a weekday's short form is a date, no part of a body's name ("( Feb 16 )",
        // "FRI Acme annual meeting", "Forsa June"); alone, it is no name at all. A weekday in
        // full may be a club's name or part of it ("Sheffield Wednesday", "Wednesday equalised")
        if kind == EntityKind::Organization {
            let date_word = |k: usize| {
                let word = title_case(strip_possessive(self.text(k)));
                is(WordClass::CalendarWord, &word) && !word.ends_with("day")
            };
            if end - start == 1 && date_word(start) {
                return Vec::new();
            }
            while end - start >= 2 && date_word(start) {
                start += 1;
            }
            while end - start >= 2 && date_word(end - 1) {
                end -= 1;
            }
        }
        if end - start >= 3 {
            if let Some((len, entry)) = self.longest_gaz(start, end) {
                let rest = start + len;
                if end - rest >= 2 && self.gaz.is_given_name(self.text(rest)) && !entry.demonym {
                    return vec![(start, rest, entry.kind), (rest, end, EntityKind::Person)];
                }
            }
            // a title between a body and a first name: "European Commission President" +
            // "Ursula von der Leyen"; or before the last two or three words when they can be
            // nothing but a person's name ("Freedom Party Deputy Leader Tomas Varga", "the Union
            // of General Ivan Petrov")
            if let Some(title) = (start + 1..end - 1).find(|&k| {
                self.is_role_word(k)
                    && !self.is_role_word(k + 1)
                    && (self.gaz.is_given_name(self.text(k + 1)) || self.only_a_name_after(k + 1, end))
            }) {
                let mut body_end = title;
                while body_end > start && self.is_role_word(body_end - 1) {
                    body_end -= 1;
                }
                if body_end > start + 1 && self.text(body_end - 1) == "of" {
                    body_end -= 1;
                }
                let person = self.refine_tagged(title + 1, end, tagger::NerType::Per);
                return std::iter::once((start, body_end, kind)).filter(|_| body_end > start).chain(person).collect();
            }
        }
        // an event, a prize or a law that the tagger takes for a body or a place, by its last
        // word ("Democratic National Convention", "UEFA Cup", "Notting Hill Carnival")
        if matches!(kind, EntityKind::Organization | EntityKind::Location)
            && end - start >= 2
            && kind_of_suffix(self.text(end - 1)) == Some(EntityKind::Misc)
        {
            return vec![(start, end, EntityKind::Misc)];
        }
        // a body and the country or town it is from: "Galatasaray of Turkey", "Pacific Insurance
        // Co of Ohio" are two names; "Bank of Japan", "Church of England" are one
        if kind == EntityKind::Organization {
            if let Some(of) = self.body_of_place(start, end) {
                return vec![(start, of, kind), (of + 1, end, EntityKind::Location)];
            }
        }
        // a nationality the tagger takes for a body or a place, said of what follows it
        // ("Etruscan towns", "a Jordanian official")
        if matches!(kind, EntityKind::Organization | EntityKind::Location) && self.demonym_before_noun(start, end) {
            return vec![(start, end, EntityKind::Group)];
        }
        // one word the tagger calls a product or event that the gazetteer knows as an organisation
        // by its own name is the organisation ("Airbus" alone; "Airbus A380" stays the tagger's;
        // "Republicans", another name of a party, names its members)
        if kind == EntityKind::Misc && end - start == 1 {
            let word = strip_possessive(self.text(start));
            let known = self
                .gaz_exact(start, end)
                .is_some_and(|g| g.kind == EntityKind::Organization && !g.demonym && g.canonical == word);
            if known {
                return vec![(start, end, EntityKind::Organization)];
            }
        }
        // a street's word ends a body's name the gazetteer does not know: a place ("Byberry
        // Road"); two streets joined by "and" are two ("Elm Road and Byberry Road"). Not a name
        // with a body's word or a lower-case word inside ("University of the Highlands and
        // Islands"), nor "The Streets" (a band)
        let street = |k: usize| is(WordClass::StreetSuffix, strip_possessive(self.text(k)));
        if kind == EntityKind::Organization
            && end - start >= 2
            && self.text(start) != "The"
            && street(end - 1)
            && self.gaz_exact(start, end).is_none()
        {
            let and = (start + 1..end - 1).find(|&k| self.text(k) == "and" && street(k - 1));
            let plain = |from: usize, to: usize| {
                (from..to)
                    .all(|k| is_capitalised(self.text(k)) && kind_of_suffix(self.text(k)).is_none_or(|_| street(k)))
            };
            match and {
                Some(k) if plain(start, k) && plain(k + 1, end) => {
                    return vec![(start, k, EntityKind::Location), (k + 1, end, EntityKind::Location)];
                }
                None if plain(start, end) => return vec![(start, end, EntityKind::Location)],
                _ => {}
            }
        }
        // a first name (or a word no list knows), a middle initial and a surname is a person,
        // whatever the tagger says ("Bryant A. Dalton, 39")
        if kind == EntityKind::Organization
            && end - start == 3
            && (self.gaz.is_given_name(self.text(start))
                || (self.gaz_exact(start, start + 1).is_none()
                    && !self.gaz.is_common_word(&self.text(start).to_lowercase())))
            && is_initial(self.text(start + 1))
            && self.gaz_exact(start, end).is_none()
            && kind_of_suffix(self.text(end - 1)).is_none()
            && is_capitalised(self.text(end - 1))
        {
            return vec![(start, end, EntityKind::Person)];
        }
        // a body's word ends a place's name the gazetteer does not know ("The Tribune", "CUMBRIA
        // POLICE" in capitals), or stands before its "of" ("economist at Royal Bank of Scotland")
        if kind == EntityKind::Location && self.gaz_exact(start, end).is_none() {
            if self.body_of_in_run(start, end) {
                return vec![(start, end, EntityKind::Organization)];
            }
            let last = self.text(end - 1);
            let written: std::borrow::Cow<str> =
                if last.chars().any(char::is_lowercase) { last.into() } else { title_case(last).into() };
            if let Some(EntityKind::Organization) = kind_of_suffix(&written) {
                return vec![(start, end, EntityKind::Organization)];
            }
        }
        vec![(start, end, kind)]
    }

    /// True when tokens `[from, end)` are two or three capitalised words that no list knows as
    /// anything but a name: no title, no body's or place's word, no common word, no known place or
    /// body ("Thabo Mbeki" after "Deputy President").
    fn only_a_name_after(&self, from: usize, end: usize) -> bool {
        (2..=3).contains(&(end - from))
            && (from..end).all(|k| {
                let word = strip_possessive(self.text(k));
                self.is_word(k)
                    && is_capitalised(word)
                    && word.chars().any(char::is_lowercase)
                    && !self.is_role_word(k)
                    && kind_of_suffix(word).is_none()
                    && !is_corporate_suffix(word)
                    && !self.gaz.is_common_word(&word.to_lowercase())
                    && self.gaz.lookup(word).is_none()
            })
    }

    /// The token "of" in the tagger's body `[start, end)` that parts a body's own name from the
    /// known place it is from ("Galatasaray of Turkey", "Pacific Insurance Co of Ohio"): the words
    /// before it hold no connector and end in a legal form or a word no list knows (not a common
    /// word, a title or a body's word: "Bank of Japan", "Church of England", "Governor of Texas").
    fn body_of_place(&self, start: usize, end: usize) -> Option<usize> {
        let of = (start + 1..end.saturating_sub(1)).rev().find(|&k| self.text(k) == "of")?;
        let place = self.gaz_exact(of + 1, end)?;
        if place.kind != EntityKind::Location || place.demonym {
            return None;
        }
        if (start..of).any(|k| !self.is_word(k) || !is_capitalised(self.text(k))) {
            return None;
        }
        let last = self.text(of - 1);
        if is_corporate_suffix(last) {
            return Some(of);
        }
        let plain = kind_of_suffix(last).is_none()
            && !self.is_role_word(of - 1)
            && !self.gaz.is_common_word(&self.lower(of - 1))
            && self.gaz_exact(start, of).is_none_or(|g| g.kind == EntityKind::Organization);
        plain.then_some(of)
    }

    /// True when tokens `[start, end)` are a nationality the gazetteer knows ("Jordanian",
    /// "Puerto Rican") said of the word after it: a noun or a name, not a verb ("American said",
    /// "American rose 2 percent") nor a possessive ("American's fleet"). A plural names people or
    /// a team ("the Indians sent the game into extra innings"), not what follows it.
    fn demonym_before_noun(&self, start: usize, end: usize) -> bool {
        let last = self.text(end - 1);
        if strip_possessive(last).len() != last.len()
            || last.ends_with('s')
            || !self.gaz_exact(start, end).is_some_and(|g| g.demonym)
        {
            return false;
        }
        let next = self.text(end);
        self.is_word(end)
            && self.sentence_of.get(end) == self.sentence_of.get(start)
            && !is_reporting_verb(next)
            && !is_auxiliary_or_modal(next)
            && !next.ends_with("ed")
            && next.chars().next().is_some_and(char::is_alphabetic)
    }

    /// Adds one name the tagger or a rule found, unless it cannot be one or overlaps a name
    /// added before; returns its span.
    fn add_found(&mut self, found: Found) -> Option<Span> {
        let Found { mut start, end, mut kind, canonical } = found;
        // a festival, alone or opening a name, is a time of year ("happy Ramadan", "Christmas
        // Eve"), unless a place's word ends it ("Christmas Island")
        if is(WordClass::Festival, strip_possessive(self.text(start)))
            && (end - start == 1 || kind_of_suffix(self.text(end - 1)).is_none())
        {
            kind = EntityKind::Misc;
        }
        // abbreviations before a person's name are no part of it: "AAA RHP Nick Adenhart"
        if kind == EntityKind::Person {
            start = self.after_leading_abbreviations(start, end);
        }
        let span = self.span_of(start, end);
        if self.mentions.iter().any(|m| m.span.overlaps(span)) {
            return None;
        }
        let text = self.doc.slice(span);
        // a club's name may open with its founding year ("1860 Munich")
        let year_first = kind == EntityKind::Organization
            && end - start >= 2
            && self.text(start).chars().all(|c| c.is_ascii_digit())
            && is_capitalised(self.text(start + 1));
        if text.chars().filter(|c| c.is_alphabetic()).count() < 2 || !(is_capitalised(text) || year_first) {
            return None;
        }
        let gaz = self.gaz_exact(start, end);
        match kind {
            EntityKind::Person => {
                if self.not_a_name(start, end) || (start..end).all(|k| self.is_calendar_or_sign(k)) {
                    return None;
                }
                let block = Block { start, end, titled: false };
                let single = end - start == 1;
                // one common word or sentence opener alone is no name unless it reports speech
                // ("Moreover", "Scrubs")
                if single && !self.reports_after(end) {
                    let word = strip_possessive(text);
                    let opens = self
                        .sentence_of
                        .get(start)
                        .and_then(|&i| self.doc.sentences.get(i))
                        .is_some_and(|s| s.tokens.start == start);
                    if self.gaz.is_common_word(&word.to_lowercase()) || (opens && is(WordClass::SentenceOpener, word)) {
                        return None;
                    }
                }
                if !(single && self.add_alias(&block)) {
                    // a bare word is a person when the tagger says so for most of its
                    // occurrences ("Chrysler said" once tagged PER is no person)
                    if single && !self.bare_word_is_person(start) {
                        return None;
                    }
                    // a first name several people of the article bear names none of them alone
                    // ("Donald" after Donald Trump and Donald Tusk)
                    let first = strip_possessive(text);
                    if single
                        && self.entities.iter().any(|e| {
                            e.kind == EntityKind::Person
                                && e.name.split(' ').next() == Some(first)
                                && e.name.contains(' ')
                        })
                    {
                        return None;
                    }
                    self.add_person(&block);
                }
            }
            EntityKind::Misc | EntityKind::Group => {
                // a nationality or a people: "German", "Kurds"
                match gaz.filter(|g| g.demonym || g.kind == EntityKind::Group) {
                    Some(g) => self.add_named(EntityKind::Group, g.canonical.clone(), span),
                    None => self.add_named(EntityKind::Misc, text.to_string(), span),
                }
            }
            kind => {
                // the surname of a person named before, which no list knows as anything else:
                // the tagger's body or place is that person ("Brent Bozell III" … "Bozell says")
                if end - start == 1 && gaz.is_none() && self.add_alias(&Block { start, end, titled: false }) {
                    return Some(span);
                }
                // a title is no body: "National Security Advisor"
                let last = strip_possessive(self.text(end - 1)).trim_end_matches('.').to_lowercase();
                if gaz.is_none() && self.gaz.is_role_head(&last) && (start..end).all(|k| self.is_role_word(k)) {
                    return None;
                }
                // the gazetteer's name for it when it agrees on the type ("U.S." → "United States")
                let name = match (canonical, gaz.filter(|g| g.kind == kind && !g.demonym)) {
                    (Some(name), _) => name,
                    (None, Some(g)) => g.canonical.clone(),
                    (None, None) => text.to_string(),
                };
                self.add_named(kind, name, span);
            }
        }
        Some(span)
    }

    /// The first token of a person's name in `[start, end)` after the abbreviations written
    /// before it: all-capital words before a given name and a surname ("AAA RHP Nick Adenhart",
    /// "SS Brandon Wood": a league and a position) or of three letters or more before one word
    /// ("ADA Fairman"), and two initials or more before a given name and a surname ("D. A. Lowell
    /// Anger", the district attorney). Initials for a first name stay ("JK Rowling", "J. R. R.
    /// Tolkien", "H. Ross Perot").
    pub(super) fn after_leading_abbreviations(&self, start: usize, end: usize) -> usize {
        let caps = |k: usize| {
            let w = self.text(k);
            w.chars().count() >= 2 && w.chars().all(|c| c.is_ascii_uppercase())
        };
        let mut rest = start;
        while rest < end && self.is_word(rest) && caps(rest) {
            rest += 1;
        }
        if rest > start && rest < end && is_capitalised(self.text(rest)) {
            let before_full_name = end - rest >= 2 && self.gaz.is_given_name(self.text(rest));
            let before_one_word = end - rest == 1 && (start..rest).all(|k| self.text(k).chars().count() >= 3);
            if before_full_name || before_one_word {
                return rest;
            }
        }
        let initial = |k: usize| {
            let w = self.text(k);
            let letters = w.trim_end_matches('.');
            w.ends_with('.') && letters.chars().count() == 1 && letters.chars().all(char::is_uppercase)
        };
        // the initials may begin before `start` (the tagger's name may leave out the first)
        let mut first = start;
        while first > 0 && initial(first - 1) {
            first -= 1;
        }
        let mut rest = start;
        while rest < end && initial(rest) {
            rest += 1;
        }
        if rest > start && rest - first >= 2 && end - rest >= 2 && self.gaz.is_given_name(self.text(rest)) {
            return rest;
        }
        start
    }

    /// True when the words `[start, end)` fill a pair of quotation marks, with one more
    /// capitalised word at most (not a verb: "Marta Lindqvist Is Boss" is a slogan naming her)
    /// and before a full stop or comma at most: the title of a work or a nickname ("Crocodile
    /// Dundee" star, in "Van Helsing.", "The Pajama King", Anthony "Fat Tony" Salerno), not a
    /// person.
    pub(super) fn fills_quotes(&self, start: usize, end: usize) -> bool {
        let tokens = &self.doc.tokens;
        let extra = |k: usize| self.is_word(k) && is_capitalised(self.text(k)) && !is_auxiliary_or_modal(self.text(k));
        let mut before = start;
        let mut after = end;
        if before > 0 && extra(before - 1) {
            before -= 1;
        } else if extra(after) {
            after += 1;
        }
        if after < tokens.len() && matches!(self.text(after), "." | "," | "!" | "?") {
            after += 1;
        }
        before > 0
            && tokens[before - 1].kind == TokenKind::OpenQuote
            && tokens.get(after).is_some_and(|t| t.kind == TokenKind::CloseQuote)
    }

    /// True when the words around `[start, end)` make it a place: a place noun after it ("the
    /// Maple Grove resident"), a known place after it and a comma with a preposition before it
    /// ("died in Palm Springs, California"), or a preposition after a comma before it, itself
    /// after an age or a name ("Smith, 40, of Glen Ellyn", "Jones, of Glen Ellyn, said").
    pub(super) fn place_by_context(&self, start: usize, end: usize) -> bool {
        if self.is_word(end) && is(WordClass::PlaceNoun, self.text(end)) {
            return true;
        }
        if start == 0 || !is(WordClass::PlacePreposition, self.text(start - 1)) {
            return false;
        }
        let known_place = |k: usize| {
            self.is_word(k)
                && self
                    .longest_gaz(k, self.doc.tokens.len())
                    .is_some_and(|(_, g)| g.kind == EntityKind::Location && !g.demonym)
        };
        if self.text(end) == "," && known_place(end + 1) {
            return true;
        }
        // a hometown: after an age ("Smith, 40, of Glen Ellyn") or set off by commas after a
        // name ("Jones, of Glen Ellyn, said"; but "Catching Fire, from Simon Beaufoy, but")
        let p = start - 1;
        if p >= 2 && self.text(p - 1) == "," {
            let before = self.text(p - 2);
            let age = before.chars().all(|c| c.is_ascii_digit());
            return age || (self.text(p) == "of" && is_capitalised(before) && self.text(end) == ",");
        }
        false
    }

    /// True when token `t` is a hyphen with spaces around it followed by one capitalised word in
    /// lower case otherwise that no list knows and no capitalised word follows: the second half
    /// of a double surname in tokenised text ("Strauss - Kahn"), not a dash before a country
    /// ("Lewis - USA"), a source ("Smith - Reuters") or another name.
    fn split_hyphen_after(&self, t: usize) -> bool {
        let tokens = &self.doc.tokens;
        let (Some(before), Some(hyphen), Some(next)) =
            (t.checked_sub(1).and_then(|k| tokens.get(k)), tokens.get(t), tokens.get(t + 1))
        else {
            return false;
        };
        let word = self.text(t + 1);
        self.text(t) == "-"
            && before.span.end < hyphen.span.start
            && hyphen.span.end < next.span.start
            && self.sentence_of.get(t + 1) == self.sentence_of.get(t)
            && self.is_word(t + 1)
            && is_capitalised(word)
            && word.chars().skip(1).any(char::is_lowercase)
            && !self.gaz.is_given_name(word)
            && self.gaz.lookup(strip_possessive(word)).is_none()
            && !(self.is_word(t + 2) && is_capitalised(self.text(t + 2)))
    }

    /// True when the split double surname at token `t` ("Strauss" + "-" + "Kahn") follows a
    /// given name somewhere in the text ("Dominique Strauss - Kahn"), so that alone it is that
    /// person's surname.
    fn double_surname_in_full(&self, t: usize) -> bool {
        let in_full = self.split_surnames.get_or_init(|| {
            (1..self.doc.tokens.len().saturating_sub(2))
                .filter(|&k| self.text(k + 1) == "-" && self.gaz.is_given_name(self.text(k - 1)))
                .map(|k| (self.text(k), self.text(k + 2)))
                .collect()
        });
        in_full.contains(&(self.text(t), self.text(t + 2)))
    }

    /// True when token `t` is a weekday, month or other calendar word, or not a word.
    fn is_calendar_or_sign(&self, t: usize) -> bool {
        !self.is_word(t) || is(WordClass::CalendarWord, strip_possessive(self.text(t)).trim_end_matches('.'))
    }

    /// True when sentence `sentence` is a title-case headline: at least four words, not in
    /// capitals, nearly all capitalised with a capitalised function word after the first ("Tara
    /// Reid Checks Into Rehab"), or all capitalised as the article's first line (numbers and
    /// lower-case function words aside). `counts` are the sentence's ([`EntityReader::word_counts`]).
    pub(super) fn is_title_case(&self, sentence: usize, counts: &WordCounts) -> bool {
        let Some(s) = self.doc.sentences.get(sentence) else { return false };
        // all-capital lines are the tagger's (it learnt them from upper-cased headlines)
        if counts.words < 4 || counts.capitals * 2 >= counts.words {
            return false;
        }
        let mostly_capitalised = counts.capitalised * 10 >= counts.words * 8;
        if sentence != 0 && !mostly_capitalised {
            return false;
        }
        let words: Vec<&str> = s.tokens.clone().filter(|&k| self.is_word(k)).map(|k| self.text(k)).collect();
        // the article's first line alone in its paragraph is its headline: every word capitalised
        // is enough ("Sixers Hire Maurice Cheeks")
        // (numbers and the function words headlines leave in lower case aside: "Esther Williams
        // Dies at 91")
        let headline = sentence == 0
            && self.doc.sentences.get(1).is_none_or(|next| next.paragraph != s.paragraph)
            && words.first().is_some_and(|w| is_capitalised(w))
            && words.iter().all(|w| {
                is_capitalised(w) || w.chars().all(|c| c.is_ascii_digit()) || is(WordClass::HeadlineLowerWord, w)
            });
        headline || mostly_capitalised && words.iter().skip(1).any(|w| is(WordClass::HeadlineWord, w))
    }

    /// What [`EntityReader::is_title_case`] and the test for a line of capitals count of the
    /// words of sentence `sentence`, read once.
    pub(super) fn word_counts(&self, sentence: usize) -> WordCounts {
        let mut counts = WordCounts::default();
        let Some(s) = self.doc.sentences.get(sentence) else { return counts };
        for k in s.tokens.clone().filter(|&k| self.is_word(k)) {
            let word = self.text(k);
            counts.words += 1;
            if is_capitalised(word) {
                counts.capitalised += 1;
            }
            if word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                continue;
            }
            counts.lettered += 1;
            if !word.chars().any(char::is_lowercase) {
                counts.capitals += 1;
            }
        }
        counts
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
            } else if k > t && word == "of" && is(WordClass::OrgSuffix, self.text(k - 1)) {
                // "the University of South Wales", "Ministry of Defence": the name after "of"
                // ends the body's name, or the body's name ends before "of"
                if let Some(to) = self.name_after_body_of(k) {
                    k = to;
                }
                break;
            } else if k > t
                && matches!(word, "and" | "&" | "of" | "for")
                // not two names in coordination ("Tennessee Tech and LaSalle University") nor a
                // person's post ("James Bodiford of Superior Court")
                && !is(WordClass::OrgSuffix, strip_possessive(self.text(k - 1)))
                && !(t..k).any(|j| self.gaz.is_given_name(self.text(j)))
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
        let mut name = String::with_capacity(16 * end.saturating_sub(start));
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
        // the longest candidate's words joined once: each shorter candidate ([`Self::gaz_exact`]
        // of fewer tokens) is a prefix of it up to its last word without a possessive ending
        let mut joined = String::with_capacity(16 * max);
        let mut word_starts = Vec::with_capacity(max);
        for k in start..start + max {
            if k > start {
                joined.push(' ');
            }
            word_starts.push(joined.len());
            joined.push_str(self.text(k));
        }
        (1..=max).rev().find_map(|len| {
            let last = strip_possessive(self.text(start + len - 1));
            let name = joined.get(..word_starts[len - 1] + last.len())?;
            self.gaz.lookup(name).map(|entry| (len, entry))
        })
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
        // a body's name that [`Self::run_end`] read on past "of" ("University of South Wales"):
        // one block, not a body's word beside a known place
        if self.body_of_in_run(start, end) && self.gaz_exact(start, end).is_none() {
            blocks.push(Block { start, end, titled: false });
            return;
        }
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
                || is_participle_compound(self.text(k))
            {
                Item::Skip
            } else if self.is_role_word(k) {
                Item::Title
            } else if at_start
                && (self.gaz.is_common_word(&lower)
                    || is_opener(self.text(k), k + 1 < end && is_capitalised(self.text(k + 1))))
                && !self.gaz.is_given_name(strip_possessive(self.text(k)))
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
            // a headline's verb is not part of the name: "Lindsey Graham Says", "Gary Ross Is
            // Boss" (but "Edward Said")
            let next = j;
            let last = self.text(start + j - 1);
            let verb = is_reporting_verb(last) || is_auxiliary_or_modal(last);
            if j - i >= 2 && verb && !self.gaz.is_given_name(last) {
                j -= 1;
            }
            let mut titled = i > 0 && items[i - 1] == Item::Title;
            let mut first = start + i;
            // a connector joins words inside a name, never ends or starts one
            let mut last = start + j;
            while last > first && !is_capitalised(self.text(last - 1)) {
                last -= 1;
            }
            while first < last && !is_capitalised(self.text(first)) {
                first += 1;
            }
            // an unknown title before a first name: "Treasurer Jim Chalmers", "Chief of Police
            // Scott Russell"
            if last - first >= 3
                && !self.gaz.is_given_name(self.text(first))
                && self.gaz.is_given_name(self.text(first + 1))
            {
                first += 1;
                titled = true;
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

/// A name found by the tagger or a rule, before it is added: tokens `[start, end)`, its kind,
/// and the gazetteer's canonical name when a rule read it there.
struct Found {
    start: usize,
    end: usize,
    kind: EntityKind,
    canonical: Option<String>,
}

/// A word with its first letter in capitals and the rest in lower case ("DECEMBER" ->
/// "December").
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect(),
        None => String::new(),
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

/// A name joined to a participle, which describes the name after it and is no part of it
/// ("Gaza-based", "Singapore-listed", "Beijing-funded" + "Wen Wei Po").
fn is_participle_compound(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty() && tail.len() > 3 && tail.ends_with("ed") && tail.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// True for a form of "be", "have", "do" or a modal: in a title-case headline, the verb after
/// a name ("Gary Ross Is Boss"), never part of it.
fn is_auxiliary_or_modal(word: &str) -> bool {
    closed::is(closed::Class::Auxiliary, word) || closed::is(closed::Class::Modal, word)
}

/// True for a middle initial: one capital letter, with or without its full stop ("A.", "J"); "A"
/// and "I" only with it (without, they are words: "Conjuring A Scene").
fn is_initial(word: &str) -> bool {
    match word.strip_suffix('.') {
        Some(letter) => letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_uppercase()),
        None => word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase()) && !matches!(word, "A" | "I"),
    }
}

/// The kind of thing a name's last word makes it, if any: a body ("Marshal Service", "Audubon
/// Society"), a place ("Wembley Stadium") or a law, event or prize ("Protection Act"); never a
/// person, whatever the tagger says.
fn kind_of_suffix(last: &str) -> Option<EntityKind> {
    let last = strip_possessive(last);
    // an abbreviation's full stop ("Corp.", "Ave."): the word without it
    suffix_class(last).or_else(|| suffix_class(last.strip_suffix('.')?))
}

/// The kind a name's last word, as written, makes it (see [`kind_of_suffix`]).
fn suffix_class(last: &str) -> Option<EntityKind> {
    if is(WordClass::MiscSuffix, last) {
        Some(EntityKind::Misc)
    } else if is(WordClass::PlaceSuffix, last) {
        Some(EntityKind::Location)
    } else if is(WordClass::OrgSuffix, last) {
        Some(EntityKind::Organization)
    } else {
        None
    }
}

/// Counts of a sentence's words ([`EntityReader::word_counts`]).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct WordCounts {
    /// The words.
    pub words: usize,
    /// The words that start with a capital.
    pub capitalised: usize,
    /// The words of two letters or more.
    pub lettered: usize,
    /// The words of two letters or more with no lower-case letter. When most of them are, the
    /// sentence is a line of capitals: a headline or a table row ("LOS ANGELES AT MONTREAL",
    /// "MON Distillers YR EPS"), not a sentence with an acronym ("IBM said").
    pub capitals: usize,
}
