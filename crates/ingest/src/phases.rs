//! Where building an article's [`Doc`](parallax_doc::Doc) spends its time, for `parallax bench`.
//!
//! Each thread adds up its own times (a thread-local: no locking, no sharing); [`Record::build_timed`]
//! hands them back per record. Timing costs a clock read at each phase's start and end.
//!
//! [`Record::build_timed`]: crate::Record::build_timed

use std::cell::Cell;
use std::time::{Duration, Instant};

/// The phases of building one article; what is left of the build's time is decoding and
/// parsing (charset, JSON, XML).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct BuildTimes {
    /// Main-text and metadata extraction from HTML.
    pub html: Duration,
    /// Cleaning the text (metadata lines, captions, boilerplate).
    pub clean: Duration,
    /// Language detection.
    pub language: Duration,
    /// Outlet and publication date from the text and the URL.
    pub metadata: Duration,
    /// The whole build, these phases included.
    pub total: Duration,
}

impl BuildTimes {
    /// Decoding and parsing: the build's time outside the named phases.
    pub fn parse(&self) -> Duration {
        self.total.saturating_sub(self.html + self.clean + self.language + self.metadata)
    }

    /// Adds `other`'s times to these.
    pub fn add(&mut self, other: &BuildTimes) {
        self.html += other.html;
        self.clean += other.clean;
        self.language += other.language;
        self.metadata += other.metadata;
        self.total += other.total;
    }
}

/// A named phase of [`BuildTimes`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Phase {
    Html,
    Clean,
    Language,
    Metadata,
}

thread_local! {
    static TIMES: Cell<BuildTimes> = Cell::new(BuildTimes::default());
}

/// Runs `f`, adding its time to this thread's `phase`.
pub(crate) fn timed<T>(phase: Phase, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    add_since(phase, started);
    out
}

/// Adds the time since `started` to this thread's `phase`.
pub(crate) fn add_since(phase: Phase, started: Instant) {
    let took = started.elapsed();
    TIMES.with(|t| {
        let mut times = t.get();
        match phase {
            Phase::Html => times.html += took,
            Phase::Clean => times.clean += took,
            Phase::Language => times.language += took,
            Phase::Metadata => times.metadata += took,
        }
        t.set(times);
    });
}

/// This thread's times since the last call, reset.
pub(crate) fn take() -> BuildTimes {
    TIMES.with(|t| t.take())
}
