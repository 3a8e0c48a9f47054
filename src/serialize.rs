//! Serializing the article.
use crate::{metadata::Metadata, score::Found, Article, TraceEntry};

pub struct Trace {
    pub entries: Option<Vec<TraceEntry>>,
}
impl Trace {
    pub fn new(on: bool) -> Self { Trace { entries: on.then(Vec::new) } }
}

pub fn inner_html(found: &Found) -> String {
    let el = scraper::ElementRef::wrap(found.doc.tree.get(found.root).unwrap()).unwrap();
    el.inner_html()
}

pub fn article(content: String, meta: Metadata, byline: Option<String>, trace: Trace) -> Option<Article> {
    Some(Article {
        title: meta.title.unwrap_or_default(), byline: byline.or(meta.byline), site_name: meta.site_name,
        published_time: meta.published_time, lang: meta.lang, dir: meta.dir, excerpt: meta.excerpt,
        text_content: String::new(), length: 0, word_count: 0, reading_time_minutes: 0, lead_image: meta.lead_image,
        content, trace: trace.entries.unwrap_or_default(),
    })
}
