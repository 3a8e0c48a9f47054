//! Lucid's core: finds the article in a web page and returns it clean and sanitized.
//!
//! The pipeline reads top to bottom in [`extract`]; the folders follow it:
//! - `input/`: bytes decoded as a browser decodes them, the input limits, the parse-cost guard;
//! - `metadata/`: title, byline, date, language, read before scripts go;
//! - `extract/`: prepare, the retry ladder (score, clean), threads, resolve URLs, the readerable check;
//! - `sanitize.rs`: the allow-list every article passes through;
//! - `article.rs`: the [`Article`] built from the sanitized content;
//! - `output/`: the reading view, the saved copies (HTML, Markdown), segments for translation;
//! - shared pieces: `dom.rs` (the tree, one walk), `text.rs` (CJK-aware measures), `urls.rs`
//!   (the URL policy), `trace.rs` (stage names, removals, times), `tunables.rs` (every
//!   threshold and list, with its reason).

mod article;
mod dom;
mod error;
pub mod eval;
mod extract;
mod input;
pub mod metadata;
mod options;
mod output;
mod sanitize;
mod serialize;
pub mod text;
mod trace;
pub mod tunables;
mod urls;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use article::Article;
pub use error::Error;
pub use extract::readerable::ReaderableOptions;
pub use input::{Transport, charset_for_label, decode, decode_html, decode_with_label, sniff_charset};
pub use metadata::Metadata;
pub use options::Options;
pub use output::{html_copy, markdown, render, save, segments};
pub use trace::{Stage, StageTime, TraceEntry};

use extract::{ladder, noscript, prepare, resolve, thread};
use trace::{Timer, Trace};

/// Find the article in a page. `Ok(None)` means the page has no article.
pub fn extract(html: &str, options: &Options) -> Result<Option<Article>, Error> {
    let mut timer = Timer::new(options.clock);
    let mut doc = input::parse(html, options)?;
    timer.lap(Stage::Parse);
    let base = resolve::base_url(&doc, options.url.as_deref())?;
    let meta = metadata::extract(&doc, base.as_ref());
    timer.lap(Stage::Metadata);
    let mut trace = Trace::new(options.trace);
    let sign_in_page = ladder::is_sign_in_page(&doc);
    noscript::reveal_page(&mut doc, options.max_elements);
    let declared = thread::declared(&doc);
    prepare::document(&mut doc, &mut trace);
    timer.lap(Stage::Prepare);
    let article = ladder::best_attempt(&doc, options, meta.title.as_deref(), &mut timer);
    let found = thread::or_article(&doc, article, declared, options, meta.title.as_deref(), &mut timer)
        .and_then(|attempt| ladder::article_or_none(attempt, sign_in_page));
    // Trees are let go as soon as they are done with: on a page near the size limit each
    // holds tens of megabytes.
    drop(doc);
    let Some(mut found) = found else {
        return Ok(None);
    };
    resolve::images_and_links(&mut found, base.as_ref());
    timer.lap(Stage::Resolve);
    let sanitized = sanitize::article(&found.root());
    let extract::attempt::Attempt { byline, trace: found_trace, .. } = found;
    let content = serialize::inner_html(&sanitized.root_element());
    timer.lap(Stage::Sanitize);
    let Some(mut article) = article::assemble(content, &sanitized, meta, byline) else {
        return Ok(None);
    };
    timer.lap(Stage::Serialize);
    article.trace = trace.then(found_trace).into_entries();
    article.timings = timer.into_timings();
    Ok(Some(article))
}

/// A cheap check: does this page look like it holds an article worth showing in reader mode?
pub fn is_probably_readerable(html: &str) -> bool {
    extract::readerable::check(html, &ReaderableOptions::default())
}

/// [`is_probably_readerable`] with other thresholds.
pub fn is_probably_readerable_with(html: &str, options: &ReaderableOptions) -> bool {
    extract::readerable::check(html, options)
}
