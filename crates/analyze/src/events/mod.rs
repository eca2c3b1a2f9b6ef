//! The events stage (work in progress).

use parallax_doc::{Doc, Layer, Stage};

/// The events stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct EventFinder;

impl Stage for EventFinder {
    fn name(&self) -> &'static str {
        "events"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Entities, Layer::Times]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn run(&self, _doc: &mut Doc) {}
}
