//! JavaScript bindings (wasm-bindgen). Bindings only: every function here converts arguments,
//! calls the core, and converts the result back; all behaviour lives in the core and is tested
//! natively.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{render, Article, Options};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** The article Lucid found: metadata, sanitized HTML content and measures. */
export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 when the page gives a parseable date. */
  publishedTime: string | null;
  /** BCP 47 language tag. */
  lang: string | null;
  dir: "ltr" | "rtl" | null;
  excerpt: string | null;
  /** Clean, sanitized article HTML. */
  content: string;
  textContent: string;
  /** Characters (not bytes) of textContent. */
  length: number;
  /** Words; each CJK character counts as one. */
  wordCount: number;
  readingTimeMinutes: number;
  leadImage: string | null;
  /** Present only when `trace` was asked for. */
  trace?: { stage: string; element: string; reason: string; chars: number }[];
}

/** Options for `extract` and `readerView`; every field is optional. */
export interface ExtractOptions {
  /** Record why elements were removed (Article.trace). Default false. */
  trace?: boolean;
  /** Shorter attempts are retried with relaxed rules (weighted characters). Default 500. */
  charThreshold?: number;
  /** Pages with more elements are refused. Default 300000. */
  maxElements?: number;
}

/** An article and its reading-view markup (see `readerStylesheet`). */
export interface ReaderView {
  article: Article;
  html: string;
}
"#;

/// The options JavaScript may set; the rest keep their defaults.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
struct JsOptions {
    trace: Option<bool>,
    char_threshold: Option<usize>,
    max_elements: Option<usize>,
}

fn options(url: Option<String>, js: JsValue) -> Result<Options, JsError> {
    let given: JsOptions =
        if js.is_undefined() || js.is_null() { JsOptions::default() } else { serde_wasm_bindgen::from_value(js)? };
    let defaults = Options::default();
    Ok(Options {
        url,
        trace: given.trace.unwrap_or(defaults.trace),
        char_threshold: given.char_threshold.unwrap_or(defaults.char_threshold),
        max_elements: given.max_elements.unwrap_or(defaults.max_elements),
        ..defaults
    })
}

/// Plain JS objects: `None` becomes `null` and maps become objects, as JSON would have them.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Find the article in a page's HTML. `null` when the page has no article; throws an `Error`
/// with the core's message for input it cannot read.
#[wasm_bindgen(unchecked_return_type = "Article | null")]
pub fn extract(
    html: &str,
    url: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "ExtractOptions | undefined")] options_js: JsValue,
) -> Result<JsValue, JsError> {
    match crate::extract(html, &options(url, options_js)?)? {
        Some(article) => to_js(&article),
        None => Ok(JsValue::NULL),
    }
}

#[derive(Serialize)]
struct ReaderView<'a> {
    article: &'a Article,
    html: String,
}

/// [`extract`] and render the reading view's markup in one call (the extension needs both, and
/// this saves handing the article back to WASM). `null` when the page has no article.
#[wasm_bindgen(js_name = readerView, unchecked_return_type = "ReaderView | null")]
pub fn reader_view(
    html: &str,
    url: Option<String>,
    #[wasm_bindgen(unchecked_param_type = "ExtractOptions | undefined")] options_js: JsValue,
) -> Result<JsValue, JsError> {
    let options = options(url, options_js)?;
    match crate::extract(html, &options)? {
        Some(article) => {
            let html = render::reader_html(&article, options.url.as_deref());
            to_js(&ReaderView { article: &article, html })
        }
        None => Ok(JsValue::NULL),
    }
}

/// Does the page look like it holds an article worth showing in reader mode?
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: &str) -> bool {
    crate::is_probably_readerable(html)
}

/// The reading view's stylesheet (the same `reader.css` saved copies embed).
#[wasm_bindgen(js_name = readerStylesheet)]
pub fn reader_stylesheet() -> String {
    render::STYLESHEET.to_string()
}
