//! Stages and the pipeline that runs them in order.
//!
//! The pipeline is the only door into per-article analysis, and analysis cannot fail: each stage
//! runs behind [`catch_unwind`]; a stage that panics has its layers cleared and leaves a
//! [`DiagnosticKind::Failed`] diagnostic on the document, and the other stages and documents go
//! on. [`Pipeline::rerun_after`] recomputes exactly the stages that depend, directly or through
//! other stages, on a changed layer or input (a new publication date).

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::panic::{self, catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use crate::{Diagnostic, DiagnosticKind, Doc};

/// A layer of annotation on a [`Doc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// Paragraph spans.
    Paragraphs,
    /// Sentence spans.
    Sentences,
    /// Token spans.
    Tokens,
    /// Entities and their mentions (with roles and coreference).
    Entities,
    /// Quotes with cues and speakers.
    Quotes,
    /// Temporal expressions with values.
    Times,
    /// Events.
    Events,
    /// Quotation regions (quotation marks paired per paragraph).
    QuoteRegions,
    /// An input, not a layer a stage provides: the publication date ([`Meta::published`]), the
    /// anchor of relative dates. Stages that read it declare it, so a new date re-runs them.
    ///
    /// [`Meta::published`]: crate::Meta::published
    Published,
}

impl Layer {
    /// True for inputs a document brings with it (metadata), which no stage provides.
    pub fn is_input(&self) -> bool {
        matches!(self, Layer::Published)
    }
}

/// One step of per-article analysis. A stage reads the layers it requires and adds the layers it
/// provides; it is a pure function of the document, so documents can be analysed in parallel.
pub trait Stage: Send + Sync {
    /// A short name for messages ("quotes").
    fn name(&self) -> &'static str;
    /// Layers that must exist before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage adds.
    fn provides(&self) -> &'static [Layer];
    /// Annotates `doc` in place.
    fn run(&self, doc: &mut Doc);
    /// True when the stage reads any language (segmenting); false for stages whose rules and
    /// lexicons read one language, which the language gate skips for articles in another.
    fn language_independent(&self) -> bool {
        false
    }
}

/// A stage whose requirements no earlier stage provides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineError {
    /// The stage that cannot run.
    pub stage: &'static str,
    /// The layer it lacks.
    pub missing: Layer,
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "stage '{}' requires the {:?} layer, which no earlier stage provides", self.stage, self.missing)
    }
}

impl std::error::Error for PipelineError {}

/// An ordered list of stages whose requirements were checked when it was built.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    /// Builds a pipeline, checking that each stage's requirements are provided by earlier stages.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let mut have: Vec<Layer> = Vec::new();
        for stage in &stages {
            if let Some(&missing) = stage.requires().iter().find(|l| !l.is_input() && !have.contains(l)) {
                return Err(PipelineError { stage: stage.name(), missing });
            }
            have.extend_from_slice(stage.provides());
        }
        Ok(Pipeline { stages })
    }

    /// Runs every stage on `doc`, in order, each behind the guard (see [`Pipeline::run_stage`]).
    pub fn run(&self, doc: &mut Doc) {
        self.run_where(doc, |_| true);
    }

    /// Runs, in order, the stages `run` accepts (the language gate: only language-independent
    /// stages for an article in another language), each behind the guard.
    pub fn run_where(&self, doc: &mut Doc, run: impl Fn(&dyn Stage) -> bool) {
        for stage in self.stages() {
            if run(stage) {
                Pipeline::run_stage(stage, doc);
            }
        }
    }

    /// Recomputes the stages that depend on the `changed` layers or inputs, directly or through
    /// a stage that is itself recomputed, among those `run` accepts: their layers are cleared,
    /// then they run again in order, each behind the guard. Returns the stages re-run.
    pub fn rerun_after(&self, doc: &mut Doc, changed: &[Layer], run: impl Fn(&dyn Stage) -> bool) -> Vec<&'static str> {
        let mut dirty: Vec<Layer> = changed.to_vec();
        let mut rerun = Vec::new();
        for stage in self.stages() {
            if !stage.requires().iter().any(|l| dirty.contains(l)) {
                continue;
            }
            dirty.extend_from_slice(stage.provides());
            if run(stage) {
                rerun.push(stage);
            }
        }
        for stage in &rerun {
            for &layer in stage.provides() {
                doc.clear_layer(layer);
            }
        }
        for &stage in &rerun {
            Pipeline::run_stage(stage, doc);
        }
        rerun.iter().map(|s| s.name()).collect()
    }

    /// Runs one stage on `doc` behind the guard: if it panics, the layers it provides are
    /// cleared, a [`DiagnosticKind::Failed`] diagnostic names the stage and the panic, and
    /// `false` is returned. Later stages still run (on the cleared layers).
    pub fn run_stage(stage: &dyn Stage, doc: &mut Doc) -> bool {
        let Err(panic) = guarded(|| stage.run(doc)) else {
            return true;
        };
        for &layer in stage.provides() {
            doc.clear_layer(layer);
        }
        doc.diagnostics.push(Diagnostic {
            stage: stage.name().into(),
            kind: DiagnosticKind::Failed,
            message: format!("the {} stage failed on this article ({panic}); its layers were cleared", stage.name()),
        });
        false
    }

    /// The stages, in order (to run or time them one by one with [`Pipeline::run_stage`]).
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// The stages' names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }
}

thread_local! {
    /// Set while a stage runs on this thread behind the guard.
    static IN_STAGE: Cell<bool> = const { Cell::new(false) };
    /// Where the last guarded panic on this thread happened (`file:line`).
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once per process) a panic hook that, for a panic inside a guarded stage, records
/// where it happened for the stage's diagnostic instead of printing it; every other panic goes
/// to the hook that was there before. A binary calls this at start; a library never needs to.
pub fn capture_panic_locations() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if IN_STAGE.with(Cell::get) {
                let location = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
                LAST_PANIC.with(|last| *last.borrow_mut() = location);
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, catching a panic: `Err` holds the panic's message and, when
/// [`capture_panic_locations`] was called, where it happened ("index out of bounds: … at
/// crates/…/mod.rs:537"). The guard of every stage, and of the story layer's work on one story.
pub fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let was_guarded = IN_STAGE.with(|flag| flag.replace(true));
    let result = catch_unwind(AssertUnwindSafe(f));
    IN_STAGE.with(|flag| flag.set(was_guarded));
    result.map_err(|payload| {
        let location = LAST_PANIC.with(|last| last.borrow_mut().take());
        let at = location.map(|l| format!(" at {l}")).unwrap_or_default();
        format!("{}{at}", panic_message(payload.as_ref()))
    })
}

/// The message of a panic payload (`panic!("…")` gives a `&str` or a `String`).
fn panic_message(payload: &(dyn Any + Send)) -> String {
    let text = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string());
    text.lines().next().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);
    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn requires(&self) -> &'static [Layer] {
            self.1
        }
        fn provides(&self) -> &'static [Layer] {
            self.2
        }
        fn run(&self, _: &mut Doc) {}
    }

    #[test]
    fn rejects_a_stage_whose_layer_comes_later() {
        let err = Pipeline::new(vec![
            Box::new(Fake("quotes", &[Layer::Sentences], &[Layer::Quotes])),
            Box::new(Fake("segment", &[], &[Layer::Sentences])),
        ])
        .err()
        .expect("must fail");
        assert_eq!(err.stage, "quotes");
        assert_eq!(err.missing, Layer::Sentences);
    }

    struct Panics;
    impl Stage for Panics {
        fn name(&self) -> &'static str {
            "quotes"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Sentences]
        }
        fn provides(&self) -> &'static [Layer] {
            &[Layer::Quotes]
        }
        fn run(&self, doc: &mut Doc) {
            doc.quotes.push(crate::Quote {
                span: crate::Span::new(0, 1),
                kind: crate::QuoteKind::Direct,
                cue: None,
                speaker_span: None,
                speaker_entity: None,
                speaker_antecedent: None,
            });
            let empty: Vec<usize> = Vec::new();
            let _ = empty[doc.quotes.len()];
        }
    }

    #[test]
    fn a_panicking_stage_is_cleared_and_noted_and_the_next_stage_runs() {
        capture_panic_locations();
        struct Times;
        impl Stage for Times {
            fn name(&self) -> &'static str {
                "times"
            }
            fn requires(&self) -> &'static [Layer] {
                &[Layer::Sentences, Layer::Published]
            }
            fn provides(&self) -> &'static [Layer] {
                &[Layer::Times]
            }
            fn run(&self, doc: &mut Doc) {
                doc.times.push(crate::TimeExpr { span: crate::Span::new(0, 1), value: "2025".into(), kind: "date" });
            }
        }
        let p =
            Pipeline::new(vec![Box::new(Fake("segment", &[], &[Layer::Sentences])), Box::new(Panics), Box::new(Times)])
                .expect("valid");
        let mut doc = Doc::new("t", "x".into());
        p.run(&mut doc);
        assert!(doc.quotes.is_empty(), "the failed stage's layer is cleared");
        assert_eq!(doc.times.len(), 1, "later stages still run");
        assert!(doc.is_degraded());
        let d = &doc.diagnostics[0];
        assert_eq!((d.stage.as_ref(), d.kind), ("quotes", DiagnosticKind::Failed));
        assert!(d.message.contains("index out of bounds") && d.message.contains("pipeline.rs"), "{}", d.message);
    }

    #[test]
    fn rerun_after_a_new_date_reruns_its_dependents_only() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static RUNS: [AtomicUsize; 3] = [AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0)];
        struct Counted(usize, &'static str, &'static [Layer], &'static [Layer]);
        impl Stage for Counted {
            fn name(&self) -> &'static str {
                self.1
            }
            fn requires(&self) -> &'static [Layer] {
                self.2
            }
            fn provides(&self) -> &'static [Layer] {
                self.3
            }
            fn run(&self, _: &mut Doc) {
                RUNS[self.0].fetch_add(1, Ordering::SeqCst);
            }
        }
        let p = Pipeline::new(vec![
            Box::new(Counted(0, "segment", &[], &[Layer::Sentences])),
            Box::new(Counted(1, "times", &[Layer::Sentences, Layer::Published], &[Layer::Times])),
            Box::new(Counted(2, "events", &[Layer::Times], &[Layer::Events])),
        ])
        .expect("valid");
        let mut doc = Doc::new("t", "x".into());
        let rerun = p.rerun_after(&mut doc, &[Layer::Published], |_| true);
        assert_eq!(rerun, vec!["times", "events"]);
        let counts: Vec<usize> = RUNS.iter().map(|c| c.load(Ordering::SeqCst)).collect();
        assert_eq!(counts, vec![0, 1, 1]);
        assert!(p.rerun_after(&mut doc, &[Layer::Published], |s| s.name() == "segment").is_empty());
    }

    #[test]
    fn accepts_stages_in_dependency_order() {
        let p = Pipeline::new(vec![
            Box::new(Fake("segment", &[], &[Layer::Sentences])),
            Box::new(Fake("quotes", &[Layer::Sentences], &[Layer::Quotes])),
        ])
        .expect("valid");
        assert_eq!(p.stage_names(), vec!["segment", "quotes"]);
    }
}
