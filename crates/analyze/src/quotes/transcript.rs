//! Transcripts: a quoted line opening with a speaker label (“CLINTON: I feel …”) is that
//! speaker's direct quote, the label its cue.

use super::*;

impl<'a> Finder<'a> {
    /// A speaker label opening a quoted paragraph of a transcript (“RAMOS: Secretary Clinton, …”):
    /// the label's last token, when it is one to three upper-case words before a colon.
    pub(super) fn transcript_label(&self, r: &Region) -> Option<usize> {
        let colon = (r.first..(r.first + 4).min(r.end)).find(|&x| self.tok(x) == ":")?;
        let label_words = (r.first..colon).all(|x| {
            let t = self.tok(x);
            self.is_word(x) && t.chars().any(|c| c.is_alphabetic()) && !t.chars().any(|c| c.is_lowercase())
        });
        (colon > r.first && label_words && colon + 1 < r.end).then_some(colon)
    }

    /// The speaker a transcript label names: the person entity whose name ends with the label's
    /// last word ("CLINTON" → Hillary Clinton), else the label itself.
    pub(super) fn label_speaker(&self, r: &Region, colon: usize) -> Speaker {
        let span = self.span_at(r.first).cover(self.span_at(colon - 1));
        let last = self.tok(colon - 1);
        let entity = self.doc.entities.iter().position(|e| {
            e.kind == EntityKind::Person && e.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(last))
        });
        Speaker { span, entity }
    }
}
