//! What the evaluation examples share: reading a gzipped page as Parallax reads pages.

use std::io::Read;
use std::path::Path;

use parallax_ingest::encoding::{decode, Kind};

/// The bytes of a gzip file.
pub fn read_gz(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(file).read_to_end(&mut out).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}

/// A gzipped HTML page, decoded as the HTML reader decodes pages (BOM, `<meta charset>`,
/// UTF-8, else detection).
pub fn read_page(path: &Path) -> Result<String, String> {
    Ok(decode_page(&read_gz(path)?))
}

/// HTML bytes decoded as the HTML reader decodes pages.
pub fn decode_page(bytes: &[u8]) -> String {
    decode(bytes, None, Kind::Html).text
}
