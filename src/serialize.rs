//! From the cleaned tree to the `Article`: HTML, block-aware plain text, measures.

use scraper::{Html, Node};

use crate::dom::{self, NodeRefH};
use crate::metadata::{self, Metadata};
use crate::score::Found;
use crate::text::{char_len, is_cjk, normalize_space, word_count};
use crate::tunables::{CJK_CHARS_PER_MINUTE, EXCERPT_MAX_CHARS, WORDS_PER_MINUTE};
use crate::{Article, StageTime, TraceEntry};

/// Decisions and stage times recorded for the explain mode; a no-op unless switched on.
pub struct Trace {
    entries: Option<Vec<TraceEntry>>,
    clock: Option<fn() -> f64>,
    since: f64,
    timings: Vec<StageTime>,
}

impl Trace {
    pub fn new(on: bool, clock: Option<fn() -> f64>) -> Self {
        Trace { entries: on.then(Vec::new), clock, since: clock.map_or(0.0, |now| now()), timings: Vec::new() }
    }

    /// Record the time since the last lap as `stage`'s, when there is a clock.
    pub fn lap(&mut self, stage: &str) {
        if let Some(now) = self.clock {
            let t = now();
            self.timings.push(StageTime { stage: stage.to_string(), ms: t - self.since });
            self.since = t;
        }
    }

    /// Record that `node` is removed at `stage` for `reason`.
    pub fn removed(&mut self, stage: &'static str, node: &NodeRefH<'_>, reason: &str) {
        if let Some(entries) = self.entries.as_mut() {
            entries.push(TraceEntry {
                stage: stage.to_string(),
                element: dom::describe(node),
                reason: reason.to_string(),
                chars: char_len(&dom::text(*node)),
            });
        }
    }

    pub fn append(&mut self, other: Trace) {
        if let (Some(a), Some(b)) = (self.entries.as_mut(), other.entries) {
            a.extend(b);
        }
    }
}

/// The article container's children as HTML.
pub fn inner_html(found: &Found) -> String {
    scraper::ElementRef::wrap(found.root()).map_or_else(String::new, |root| root.inner_html())
}

/// Elements after which plain text starts a new paragraph.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table", "tr", "caption", "hr",
    "details", "summary",
];

/// Block-aware plain text of sanitized article HTML: paragraphs separated by blank lines, white
/// space collapsed outside `<pre>`.
pub fn plain_text(fragment: &Html) -> String {
    use ego_tree::iter::Edge;
    let mut blocks: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut pre_depth = 0usize;
    let flush = |current: &mut String, blocks: &mut Vec<String>, pre: bool| {
        let text = if pre { current.trim_matches('\n').to_string() } else { normalize_space(current) };
        if !text.trim().is_empty() {
            blocks.push(text);
        }
        current.clear();
    };
    for edge in fragment.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => current.push_str(t),
                Node::Element(e) => match &*e.name.local {
                    "br" => current.push(if pre_depth > 0 { '\n' } else { ' ' }),
                    "pre" => {
                        flush(&mut current, &mut blocks, false);
                        pre_depth += 1;
                    }
                    "td" | "th" => current.push(' '),
                    name if BLOCKS.contains(&name) && pre_depth == 0 => flush(&mut current, &mut blocks, false),
                    _ => {}
                },
                _ => {}
            },
            Edge::Close(node) => {
                if let Some(name) = dom::tag(&node) {
                    if name == "pre" {
                        flush(&mut current, &mut blocks, true);
                        pre_depth = pre_depth.saturating_sub(1);
                    } else if BLOCKS.contains(&name) && pre_depth == 0 {
                        flush(&mut current, &mut blocks, false);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut blocks, pre_depth > 0);
    blocks.join("\n\n")
}

/// Minutes to read: words at [`WORDS_PER_MINUTE`], CJK characters at [`CJK_CHARS_PER_MINUTE`].
fn reading_time(text: &str) -> u32 {
    let cjk = text.chars().filter(|&c| is_cjk(c) && c.is_alphanumeric()).count();
    let other_words = word_count(text).saturating_sub(cjk);
    let minutes = other_words as f64 / WORDS_PER_MINUTE as f64 + cjk as f64 / CJK_CHARS_PER_MINUTE as f64;
    minutes.ceil().max(1.0) as u32
}

/// Right-to-left scripts' languages.
fn dir_for_lang(lang: &str) -> &'static str {
    let primary = lang.split(['-', '_']).next().unwrap_or("").to_lowercase();
    if matches!(primary.as_str(), "ar" | "he" | "iw" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv") { "rtl" } else { "ltr" }
}

/// Assemble the `Article`; `None` when the content holds no text outside links: what is left of
/// a sign-in page ("Forgot your password?") or a link list is no article. Short real text stays
/// an article, as in Readability.
pub fn article(content: String, meta: Metadata, byline: Option<String>, mut trace: Trace) -> Option<Article> {
    let fragment = Html::parse_fragment(&content);
    if dom::prose_len(fragment.tree.root()) == 0 {
        return None;
    }
    let text_content = plain_text(&fragment);
    let lang = meta.lang.or_else(|| metadata::detect_lang(&text_content));
    let dir = meta.dir.or_else(|| lang.as_deref().map(|l| dir_for_lang(l).to_string()));
    let excerpt = meta.excerpt.filter(|e| !e.trim().is_empty()).or_else(|| {
        let first = text_content.split("\n\n").next().unwrap_or("");
        let mut e: String = first.chars().take(EXCERPT_MAX_CHARS).collect();
        if first.chars().count() > EXCERPT_MAX_CHARS {
            e.push('…');
        }
        Some(e)
    });
    Some(Article {
        title: meta.title.unwrap_or_default(),
        byline: meta.byline.or(byline).filter(|b| !b.trim().is_empty()),
        site_name: meta.site_name,
        published_time: meta.published_time,
        lang,
        dir,
        excerpt,
        length: text_content.chars().count(),
        word_count: word_count(&text_content),
        reading_time_minutes: reading_time(&text_content),
        lead_image: meta.lead_image,
        content,
        text_content,
        trace: trace.entries.take().unwrap_or_default(),
        timings: {
            trace.lap("serialize");
            trace.timings
        },
    })
}
