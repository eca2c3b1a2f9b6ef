//! Typed diagnostics: what happened to an article on its way through Parallax.
//!
//! Every reader, cleaning step and analysis stage that has something to tell the user about one
//! article (a charset guessed, a date not understood, stages skipped for a language, a stage that
//! failed and was cleared) adds a [`Diagnostic`] to [`Doc::diagnostics`](crate::Doc::diagnostics).
//! The JSON writes them twice: as typed objects (`diagnostics`) and as plain messages (`notes`, the
//! older field of the contract).

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// How serious a diagnostic is, and what it means for the article's layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiagnosticKind {
    /// Something the user may want to know; nothing is missing ("decoded as windows-1252").
    Note,
    /// Some stages did not run on purpose (an article not in English); their layers are empty.
    Skipped,
    /// A stage failed on this article; its layers (and those of the stages that need them) were
    /// cleared and the article is *degraded*. The message says what failed, for a bug report.
    Failed,
}

/// One thing that happened to one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Note, skipped or failed.
    pub kind: DiagnosticKind,
    /// The message, one line, for people.
    pub message: String,
    /// Who says it: `ingest`, `clean`, `language`, a stage name (`quotes`), `story`.
    pub stage: Cow<'static, str>,
}

impl Diagnostic {
    /// A note from `stage`.
    pub fn note(stage: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Diagnostic {
        Diagnostic { stage: stage.into(), kind: DiagnosticKind::Note, message: message.into() }
    }

    /// True when the diagnostic says the article's analysis is incomplete because a stage failed.
    pub fn is_failure(&self) -> bool {
        self.kind == DiagnosticKind::Failed
    }
}
