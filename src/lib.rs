//! Lucid's core: finds the article in a web page and returns it clean and sanitized.
//!
//! The pipeline reads top to bottom in [`extract`]: check the input → parse → metadata (before
//! scripts go, JSON-LD lives in them) → prepare → score candidates and assemble the article (with
//! the retry ladder) → clean → resolve lazy images and URLs → sanitize (always) → serialize.

mod clean;
pub mod decode;
mod dom;
mod error;
pub mod eval;
pub mod markdown;
pub mod metadata;
mod prepare;
mod readerable;
pub mod render;
mod resolve;
pub mod save;
mod sanitize;
mod score;
pub mod segment;
mod serialize;
pub mod text;
pub mod tunables;
#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::{Deserialize, Serialize};

pub use error::Error;
pub use metadata::Metadata;

/// How [`extract`] reads a page. `Options::default()` suits any page; every field says its default.
#[derive(Clone, Debug)]
pub struct Options {
    /// The page's address: the base for relative links (a `<base href>` in the page wins) and a
    /// hint for metadata. Default: none (relative links stay relative).
    pub url: Option<String>,
    /// Largest input accepted, in bytes; bigger input is [`Error::TooLarge`]. Default: 32 MiB.
    pub max_bytes: usize,
    /// Most elements a page may have; more is [`Error::TooManyElements`], which bounds the time
    /// spent on pathological input. Default: 300 000.
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

/// The article Lucid found, ready to show or save. Serialized in camelCase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub title: String,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    /// ISO 8601 when the page gives a parseable date.
    pub published_time: Option<String>,
    /// BCP 47 language: declared by the page, else detected from the text.
    pub lang: Option<String>,
    /// `ltr` or `rtl`.
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    /// Clean, sanitized article HTML.
    pub content: String,
    /// Plain text, paragraphs separated by blank lines.
    pub text_content: String,
    /// Characters (not bytes) of `text_content`.
    pub length: usize,
    /// Words, where each CJK character counts as one.
    pub word_count: usize,
    pub reading_time_minutes: u32,
    /// Absolute URL of the article's main image, if any.
    pub lead_image: Option<String>,
    /// Why elements were removed, when [`Options::trace`] is on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<TraceEntry>,
    /// Milliseconds each stage took, when [`Options::clock`] is set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timings: Vec<StageTime>,
}

/// The time one pipeline stage took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StageTime {
    pub stage: String,
    pub ms: f64,
}

/// One decision the extractor made, for people debugging a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TraceEntry {
    /// Pipeline stage: `prepare`, `score`, `clean`.
    pub stage: String,
    /// A short description of the element, like `div#comments.tie-area`.
    pub element: String,
    pub reason: String,
    /// Characters of text the element held.
    pub chars: usize,
}

/// Extract the article from `html` with default options.
pub fn extract_default(html: &str, url: Option<&str>) -> Result<Option<Article>, Error> {
    let options = Options { url: url.map(str::to_string), ..Options::default() };
    extract(html, &options)
}

/// Find the article in a page. `Ok(None)` means the page has no article.
pub fn extract(html: &str, options: &Options) -> Result<Option<Article>, Error> {
    let mut trace = serialize::Trace::new(options.trace, options.clock);
    error::check_input(html, options)?;
    error::check_parse_cost(html)?;
    let mut doc = dom::parse(html, options)?;
    trace.lap("parse");
    let base = resolve::base_url(&doc, options.url.as_deref())?;
    let meta = metadata::extract(&doc, base.as_ref());
    trace.lap("metadata");
    prepare::document(&mut doc, &mut trace);
    trace.lap("prepare");
    let Some(mut found) = best_attempt(&doc, options, &meta) else {
        return Ok(None);
    };
    trace.lap("score and clean");
    resolve::images_and_links(&mut found, base.as_ref());
    trace.lap("resolve URLs");
    let content = sanitize::html(&serialize::inner_html(&found));
    trace.lap("sanitize");
    trace.append(std::mem::replace(&mut found.trace, serialize::Trace::new(false, None)));
    Ok(serialize::article(content, meta, found.byline, trace))
}

/// The retry ladder: score and clean with each policy in turn until the article is long enough;
/// otherwise keep the attempt with the most prose (Readability keeps the longest text; counting
/// link text too would let a relaxed attempt win by adding a list of related links).
fn best_attempt(doc: &scraper::Html, options: &Options, meta: &Metadata) -> Option<score::Found> {
    // Ranked by prose first, then by all text (for pages whose text is all in links).
    let mut best: Option<((usize, usize), score::Found)> = None;
    for policy in score::Policy::LADDER {
        let Some(mut found) = score::grab_article(doc, policy, options, meta.title.as_deref()) else {
            continue;
        };
        clean::article(&mut found);
        let measured = dom::measure(found.root());
        let len = measured.len;
        if len >= options.char_threshold {
            return Some(found);
        }
        let rank = (measured.prose(), len);
        let better = |(prose, len): (usize, usize)| {
            prose as f32 > prose_so_far(&best) * tunables::LADDER_MIN_GAIN
                || best.as_ref().is_some_and(|((p, l), _)| prose == *p && len > *l)
        };
        if best.is_none() || better(rank) {
            best = Some((rank, found));
        }
    }
    best.filter(|((_, len), _)| *len > 0).map(|(_, found)| found)
}

fn prose_so_far(best: &Option<((usize, usize), score::Found)>) -> f32 {
    best.as_ref().map_or(0.0, |((prose, _), _)| *prose as f32)
}

/// A cheap check: does this page look like it holds an article worth showing in reader mode?
pub fn is_probably_readerable(html: &str) -> bool {
    readerable::check(html, &ReaderableOptions::default())
}

/// [`is_probably_readerable`] with other thresholds.
pub fn is_probably_readerable_with(html: &str, options: &ReaderableOptions) -> bool {
    readerable::check(html, options)
}

pub use readerable::ReaderableOptions;
