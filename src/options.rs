//! How [`crate::extract`] reads a page.

use crate::tunables;

/// How [`crate::extract`] reads a page. `Options::default()` suits any page; every field says its
/// default.
#[derive(Clone, Debug)]
pub struct Options {
    /// The page's address: the base for relative links (a `<base href>` in the page wins) and a
    /// hint for metadata. Default: none (relative links stay relative).
    pub url: Option<String>,
    /// Largest input accepted, in bytes; bigger input is [`crate::Error::TooLarge`]. Default: 32 MiB.
    pub max_bytes: usize,
    /// Most elements a page may have; more is [`crate::Error::TooManyElements`], which bounds the
    /// time spent on pathological input. Default: 300 000.
    pub max_elements: usize,
    /// An attempt whose article is shorter than this (in weighted characters, see
    /// [`tunables::CJK_CHAR_WEIGHT`]) makes the extractor retry with relaxed rules. Default: 500.
    pub char_threshold: usize,
    /// How many top-scoring candidates are compared when choosing the article. Default: 5.
    pub top_candidates: usize,
    /// Record why each element was removed (`Article::trace`), for the demo's explain mode.
    /// Default: false.
    pub trace: bool,
    /// A clock in milliseconds (any origin); when set, `Article::timings` reports the time each
    /// stage took. The core has none of its own: `std::time` is unavailable in WASM, where the
    /// binding passes `performance.now`. Default: none.
    pub clock: Option<fn() -> f64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            max_bytes: tunables::DEFAULT_MAX_BYTES,
            max_elements: tunables::DEFAULT_MAX_ELEMENTS,
            char_threshold: tunables::DEFAULT_CHAR_THRESHOLD,
            top_candidates: tunables::DEFAULT_TOP_CANDIDATES,
            trace: false,
            clock: None,
        }
    }
}

impl Options {
    /// Default options for a page at `url`.
    pub fn with_url(url: &str) -> Self {
        Options { url: Some(url.to_string()), ..Options::default() }
    }
}
