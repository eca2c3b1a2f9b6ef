//! The quotes stage (work in progress).

use parallax_doc::{Doc, Layer, Stage};

/// The quotes stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct QuoteFinder;

impl Stage for QuoteFinder {
    fn name(&self) -> &'static str {
        "quotes"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Entities]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Quotes]
    }
    fn run(&self, _doc: &mut Doc) {}
}
