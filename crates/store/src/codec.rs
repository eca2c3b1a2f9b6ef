//! An article's analysis as stored: the analysed [`Doc`] in postcard's compact binary form,
//! without its text (stored once, in its own column) and without the lower-cased copy (derived).

use parallax_doc::Doc;

use crate::StoreError;

/// The layout of the stored analysis. Raise it whenever [`Doc`] or a layer changes shape: a row
/// written with another format is analysed again from its text instead of being decoded.
pub const ANALYSIS_FORMAT: i64 = 2;

/// The analysis of `doc` as bytes (text and lower-cased copy left out).
pub fn encode(doc: &mut Doc) -> Result<Vec<u8>, StoreError> {
    let text = std::mem::take(&mut doc.text);
    let lower = std::mem::take(&mut doc.lower);
    let bytes = postcard::to_stdvec(&*doc);
    doc.text = text;
    doc.lower = lower;
    bytes.map_err(|e| StoreError::Codec(format!("{}: {e}", doc.source)))
}

/// The document stored as `bytes` with its `text`, ready for the story layer.
pub fn decode(bytes: &[u8], text: String) -> Result<Doc, StoreError> {
    Ok(with_text(decode_layers(bytes)?, text))
}

/// The document stored as `bytes`, still without its text: give it with [`with_text`].
pub fn decode_layers(bytes: &[u8]) -> Result<Doc, StoreError> {
    postcard::from_bytes(bytes).map_err(|e| StoreError::Codec(e.to_string()))
}

/// A document from [`decode_layers`] with its `text` back, ready for the story layer.
pub fn with_text(mut doc: Doc, text: String) -> Doc {
    doc.text = text;
    doc.restore_lower();
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysed_article_reads_back_layer_for_layer() {
        let text = "Secretary of State Marco Rubio met Sergey Lavrov in Riyadh on Tuesday. \
                    \"We agreed to restore embassies,\" Rubio said. Caption: a photo."
            .to_string();
        let mut doc = Doc::new("a.txt", text.clone());
        doc.meta.published = Some("2025-02-19".into());
        parallax_analyze::analyze(&mut doc);
        assert!(!doc.entities.is_empty() && !doc.quotes.is_empty() && !doc.times.is_empty());
        let bytes = encode(&mut doc).unwrap();
        assert_eq!(doc.text, text, "encoding leaves the document whole");
        let back = decode(&bytes, text).unwrap();
        assert_eq!(format!("{back:?}"), format!("{doc:?}"));
    }

    #[test]
    fn a_damaged_blob_is_an_error_not_a_panic() {
        assert!(decode(&[0xff, 0xff, 0xff], String::new()).is_err());
    }
}
