//! A cheap check for "is this an article page" (Readability's `isProbablyReaderable`, with
//! CJK-weighted lengths): enough visible paragraphs of real length outside clutter.


use super::hints::looks_unlikely;
use crate::dom;
use crate::input;
use crate::options::Options;
use crate::text::weighted_len;
use crate::tunables::{READERABLE_MIN_CONTENT_LEN, READERABLE_MIN_SCORE};

/// Thresholds for [`crate::is_probably_readerable_with`].
#[derive(Clone, Debug)]
pub struct ReaderableOptions {
    /// A paragraph counts when its weighted length is at least this. Default: 140.
    pub min_content_len: usize,
    /// The page is readerable once the paragraphs' `sqrt(len - min)` add up to this. Default: 20.
    pub min_score: f32,
}

impl Default for ReaderableOptions {
    fn default() -> Self {
        ReaderableOptions { min_content_len: READERABLE_MIN_CONTENT_LEN, min_score: READERABLE_MIN_SCORE }
    }
}

pub fn check(html: &str, options: &ReaderableOptions) -> bool {
    let Ok(doc) = input::parse(html, &Options::default()) else { return false };
    let mut score = 0.0f32;
    // Paragraphs, preformatted blocks, articles, and divs that hold text split by <br>.
    let candidates = doc.tree.nodes().filter(|n| match dom::tag(n) {
        Some("p" | "pre" | "article") => true,
        Some("div") => n.children().any(|c| dom::is(&c, "br")),
        _ => false,
    });
    for node in candidates {
        if !dom::is_visible(&node) {
            continue;
        }
        if looks_unlikely(&dom::class_and_id(&node)) {
            continue;
        }
        // A paragraph inside a list item is part of a list of teasers.
        if dom::is(&node, "p") && node.ancestors().any(|a| dom::is(&a, "li")) {
            continue;
        }
        // Raw text, white space included, as Readability measures `textContent`.
        let len = weighted_len(dom::text(node).trim());
        if len < options.min_content_len {
            continue;
        }
        score += ((len - options.min_content_len) as f32).sqrt();
        if score > options.min_score {
            return true;
        }
    }
    false
}
