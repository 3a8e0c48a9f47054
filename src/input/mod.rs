//! What comes in: a page's bytes decoded as a browser decodes them ([`decode_html`]), then its
//! text held to the input limits, and parsed under a work budget. Everything that refuses
//! input before extraction starts is here.

mod decode;
mod attribute_work;
pub mod parser;

use scraper::Html;

use crate::dom;
use crate::error::Error;
use crate::options::Options;

pub use decode::{Transport, charset_for_label, decode, decode_html, decode_with_label, looks_binary, sniff_charset};
pub use attribute_work::attribute_work;

/// Check the page against the limits in `options`, then parse it. Input that cannot be a page
/// is refused before any time is spent parsing it; markup whose parse would be pathologically
/// slow, or make more than `options.max_elements` elements, is refused as soon as that shows. Nodes nested deeper than a browser would nest them are moved up.
pub fn parse(html: &str, options: &Options) -> Result<Html, Error> {
    if html.len() > options.max_bytes {
        return Err(Error::TooLarge { size: html.len(), limit: options.max_bytes });
    }
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    if looks_binary(html.as_bytes()) {
        return Err(Error::Binary);
    }
    if !html.contains('<') {
        return Err(Error::NotHtml);
    }
    let mut doc = parser::document(html, page_budget(options))?;
    dom::flatten_deep_nesting(&mut doc);
    Ok(doc)
}

/// What parsing one page may spend.
pub fn page_budget(options: &Options) -> parser::Budget {
    parser::Budget { elements: options.max_elements, ..Default::default() }
}
