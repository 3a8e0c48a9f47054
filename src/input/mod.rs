//! What comes in: a page's bytes decoded as a browser decodes them ([`decode_html`]), then its
//! text held to the input limits, its parse cost estimated, and parsed. Everything that refuses
//! input before extraction starts is here.

mod decode;
mod parse_cost;

use scraper::Html;

use crate::dom;
use crate::error::Error;
use crate::options::Options;
use crate::tunables::MAX_PARSER_WORK;

pub use decode::{Transport, charset_for_label, decode, decode_html, decode_with_label, looks_binary, sniff_charset};
pub use parse_cost::parser_work;

/// Check the page against the limits in `options`, then parse it. Input that cannot be a page
/// is refused before any time is spent parsing it; so is markup whose parse would be
/// pathologically slow; a parsed page with more than `options.max_elements` elements is refused
/// too. Nodes nested deeper than a browser would nest them are moved up.
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
    if !parse_cost_is_bounded(html) {
        return Err(Error::TooComplex);
    }
    let mut doc = Html::parse_document(html);
    let elements = doc.tree.nodes().filter(|n| n.value().is_element()).count();
    if elements > options.max_elements {
        return Err(Error::TooManyElements { limit: options.max_elements });
    }
    dom::flatten_deep_nesting(&mut doc);
    Ok(doc)
}

/// True when parsing `html` costs at most [`MAX_PARSER_WORK`] (see [`parser_work`]).
pub fn parse_cost_is_bounded(html: &str) -> bool {
    parser_work(html) <= MAX_PARSER_WORK
}
