//! The entities stage (work in progress).

use parallax_doc::{Doc, Layer, Stage};

/// The entities stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct EntityTagger;

impl Stage for EntityTagger {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn run(&self, _doc: &mut Doc) {}
}
