//! The times stage (work in progress).

use parallax_doc::{Doc, Layer, Stage};

/// The times stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct TimeTagger;

impl Stage for TimeTagger {
    fn name(&self) -> &'static str {
        "times"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Times]
    }
    fn run(&self, _doc: &mut Doc) {}
}
