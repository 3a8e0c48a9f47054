//! Page metadata: title, byline, site, date, language, direction, excerpt, lead image.
//! (Owned by the metadata work; this is the interface the pipeline relies on.)

use scraper::Html;
use url::Url;

/// What the page says about itself, read before scripts are removed (JSON-LD lives in them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// The article title, cleaned of site suffixes.
    pub title: Option<String>,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    /// ISO 8601.
    pub published_time: Option<String>,
    /// Declared language (`<html lang>`, `content-language`, `og:locale`), BCP 47.
    pub lang: Option<String>,
    /// Declared direction (`ltr`/`rtl`).
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    /// Absolute URL.
    pub lead_image: Option<String>,
}

/// Read the page's metadata.
pub fn extract(_doc: &Html, _base: Option<&Url>) -> Metadata {
    Metadata::default()
}

/// Detect the language of article text from its script (and, for Latin text, common words).
pub fn detect_lang(_text: &str) -> Option<String> {
    None
}
