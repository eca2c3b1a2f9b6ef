//! Stages and the pipeline that runs them in order.

use std::fmt;

use crate::Doc;

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
            if let Some(&missing) = stage.requires().iter().find(|l| !have.contains(l)) {
                return Err(PipelineError { stage: stage.name(), missing });
            }
            have.extend_from_slice(stage.provides());
        }
        Ok(Pipeline { stages })
    }

    /// Runs every stage on `doc`, in order.
    pub fn run(&self, doc: &mut Doc) {
        for stage in &self.stages {
            stage.run(doc);
        }
    }

    /// The stages, in order (to run or time them one by one).
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// The stages' names, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }
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
