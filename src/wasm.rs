//! JavaScript bindings (wasm-bindgen). Bindings only: every function here converts arguments,
//! calls the core, and converts the result back; all behaviour lives in the core and is tested
//! natively.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::{Article, Options, render};

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
  /** Present only when `timings` was asked for: milliseconds per pipeline stage. */
  timings?: { stage: string; ms: number }[];
}

/** Options for `extract` and `readerView`; every field is optional. */
export interface ExtractOptions {
  /** Record why elements were removed (Article.trace). Default false. */
  trace?: boolean;
  /** Time each stage with performance.now (Article.timings). Default false. */
  timings?: boolean;
  /** Shorter attempts are retried with relaxed rules (weighted characters). Default 500. */
  charThreshold?: number;
  /** Pages with more elements are refused. Default 300000. */
  maxElements?: number;
}

/** Where and when a copy was saved. */
export interface SaveInfo {
  sourceUrl?: string | null;
  /** ISO 8601, like "2025-01-31T09:30:00Z". */
  savedAt: string;
}

/** How a saved HTML copy looks and which images it embeds; every field is optional. */
export interface SavePageOptions {
  theme?: "light" | "sepia" | "dark" | "system";
  font?: "serif" | "sans";
  fontSizePx?: number;
  widthEm?: number;
  lineHeight?: number;
  /** Keyed by a URL from `saveImageUrls`. */
  images?: Record<string, { kind: "embedded"; dataUrl: string } | { kind: "skipped"; reason: string }>;
  info?: SaveInfo;
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
    /// Report each stage's time (`article.timings`), measured with `performance.now`.
    timings: Option<bool>,
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
        clock: given.timings.unwrap_or(false).then_some(performance_now as fn() -> f64),
        ..defaults
    })
}

/// `performance.now()` of the global scope (window or worker); 0 where there is none.
fn performance_now() -> f64 {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str("performance"))
        .ok()
        .and_then(|perf| {
            let now = js_sys::Reflect::get(&perf, &JsValue::from_str("now")).ok()?;
            js_sys::Function::from(now).call0(&perf).ok()?.as_f64()
        })
        .unwrap_or(0.0)
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

/// Cut article content (`Article.content`) into translatable segments:
/// `{segments: [{id, html, text}], template}` (see the core's `segments::split`).
#[wasm_bindgen(js_name = splitSegments, unchecked_return_type = "{ segments: { id: string; html: string; text: string }[]; template: string }")]
pub fn split_segments(content_html: &str) -> Result<JsValue, JsError> {
    to_js(&crate::segments::split(content_html))
}

fn merge_options(options: JsValue) -> Result<crate::segments::MergeOptions, JsError> {
    Ok(if options.is_undefined() || options.is_null() { Default::default() } else { serde_wasm_bindgen::from_value(options)? })
}

/// Put translations (`[{id, html}]`, untrusted: sanitized by the core) back into what
/// `splitSegments` returned; `options`: `{mode: "replace" | "bilingual", lang}`, both optional.
#[wasm_bindgen(js_name = mergeSegments)]
pub fn merge_segments(
    #[wasm_bindgen(unchecked_param_type = "{ segments: { id: string; html: string; text: string }[]; template: string }")] segmented: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ id: string; html: string }[]")] translations: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ mode?: \"replace\" | \"bilingual\"; lang?: string | null } | undefined")] options: JsValue,
) -> Result<String, JsError> {
    let segmented: crate::segments::Segmented = serde_wasm_bindgen::from_value(segmented)?;
    let translations: Vec<crate::segments::Translation> = serde_wasm_bindgen::from_value(translations)?;
    Ok(crate::segments::merge(&segmented, &translations, &merge_options(options)?))
}

/// `mergeSegments` one batch at a time (see the core's `segments::Merger`): made once from what
/// `splitSegments` returned, then each `add(batch)` puts only that batch in place and returns
/// the content with every translation so far, without handing the article back each time.
#[wasm_bindgen]
pub struct TranslationMerger(crate::segments::Merger);

#[wasm_bindgen]
impl TranslationMerger {
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "{ segments: { id: string; html: string; text: string }[]; template: string }")] segmented: JsValue,
        #[wasm_bindgen(unchecked_param_type = "{ mode?: \"replace\" | \"bilingual\"; lang?: string | null } | undefined")] options: JsValue,
    ) -> Result<TranslationMerger, JsError> {
        let segmented: crate::segments::Segmented = serde_wasm_bindgen::from_value(segmented)?;
        Ok(TranslationMerger(crate::segments::Merger::new(&segmented, merge_options(options)?)))
    }

    /// Put a batch of translations (`[{id, html}]`, untrusted) in place; returns the content HTML.
    pub fn add(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "{ id: string; html: string }[]")] translations: JsValue,
    ) -> Result<String, JsError> {
        let translations: Vec<crate::segments::Translation> = serde_wasm_bindgen::from_value(translations)?;
        self.0.add(&translations);
        Ok(self.0.html())
    }
}

/// The encoding a page's bytes are in, by the core's rules (byte order mark, the transport's
/// `charset` when given, `<meta charset>`, a page mis-declared over UTF-8), as a label
/// `TextDecoder` takes: the caller decodes with the browser's own decoder, so the module carries
/// no decoding tables. Undeclared bytes are UTF-8 here: the module has no detector (see
/// `input::decode`). Never "replacement". Throws for binary input and for a page written in a
/// retired encoding (iso-2022-kr and the like).
#[wasm_bindgen(js_name = charsetOf)]
pub fn charset_of(bytes: &[u8], charset: Option<String>) -> Result<String, JsError> {
    let transport = crate::Transport { charset: charset.as_deref(), url: None };
    Ok(crate::sniff_charset(bytes, transport)?.0.name().to_string())
}

fn article_from(js: JsValue) -> Result<Article, JsError> {
    Ok(serde_wasm_bindgen::from_value(js)?)
}

/// A self-contained HTML copy of `article` (see `save::standalone_html`): it loads nothing,
/// embeds the images given in `options.images` as `data:` URLs and links to the rest.
#[wasm_bindgen(js_name = saveHtml)]
pub fn save_html(
    #[wasm_bindgen(unchecked_param_type = "Article")] article: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SavePageOptions")] options: JsValue,
) -> Result<String, JsError> {
    let options: crate::html_copy::PageOptions = serde_wasm_bindgen::from_value(options)?;
    Ok(crate::html_copy::standalone_html(&article_from(article)?, &options))
}

/// A Markdown copy of `article` with YAML front matter.
#[wasm_bindgen(js_name = saveMarkdown)]
pub fn save_markdown(
    #[wasm_bindgen(unchecked_param_type = "Article")] article: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SaveInfo")] info: JsValue,
) -> Result<String, JsError> {
    let info: crate::save::SaveInfo = serde_wasm_bindgen::from_value(info)?;
    Ok(crate::markdown::to_markdown(&article_from(article)?, &info))
}

/// A file name valid on every desktop system: `YYYY-MM-DD Title.ext`.
#[wasm_bindgen(js_name = saveFileName)]
pub fn save_file_name(
    #[wasm_bindgen(unchecked_param_type = "Article")] article: JsValue,
    ext: &str,
) -> Result<String, JsError> {
    Ok(crate::save::file_name(&article_from(article)?, ext))
}

/// The http(s) image URLs `saveHtml` can embed, in document order, without repeats.
#[wasm_bindgen(js_name = saveImageUrls)]
pub fn save_image_urls(#[wasm_bindgen(unchecked_param_type = "Article")] article: JsValue) -> Result<Vec<String>, JsError> {
    Ok(crate::html_copy::image_urls(&article_from(article)?))
}
