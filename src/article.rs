//! The article Lucid found, and how it is built from the cleaned, sanitized content: HTML,
//! block-aware plain text, measures, excerpt, direction.

use ego_tree::iter::Edge;
use scraper::{Html, Node};
use serde::{Deserialize, Serialize};

use crate::dom::{self, Walk};
use crate::metadata::lang::primary_subtag;
use crate::metadata::{self, Metadata, byline};
use crate::text::{is_cjk, normalize_space, word_count};
use crate::trace::{StageTime, TraceEntry};
use crate::tunables::{CAPTION_TAGS, CJK_CHARS_PER_MINUTE, EXCERPT_MAX_CHARS, RTL_LANGUAGES, WORDS_PER_MINUTE};

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
    /// The article's prose as plain text, paragraphs separated by blank lines: what is read
    /// aloud, counted for the reading time and compared with references. Captions are not in
    /// it: in [`Article::content`] a caption stays under its image (`<figcaption>`), but it
    /// describes the image rather than continuing the text. A forum thread or Q&A page is
    /// its posts in order, each a header line (author, then time: "sorairolake February 20,
    /// 2026, 4:55pm") and the post's paragraphs; quotes of earlier posts of the thread are not
    /// in it (nor in `content`), as the post they quote is.
    pub text_content: String,
    /// Characters (not bytes) of `text_content`.
    pub length: usize,
    /// Words, where each CJK character counts as one.
    pub word_count: usize,
    pub reading_time_minutes: u32,
    /// Absolute URL of the article's main image, if any.
    pub lead_image: Option<String>,
    /// Why elements were removed, when [`crate::Options::trace`] is on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<TraceEntry>,
    /// Milliseconds each stage took, when [`crate::Options::clock`] is set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timings: Vec<StageTime>,
}

/// Block-aware plain text of sanitized article HTML: paragraphs separated by blank lines, white
/// space collapsed outside `<pre>`.
fn plain_text(fragment: &Html) -> String {
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
    let mut walk = Walk::new(fragment.tree.root());
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => current.push_str(t),
                Node::Element(e) => match &*e.name.local {
                    // Captions belong to their image, not to the prose read or counted.
                    name if CAPTION_TAGS.contains(&name) => walk.skip_subtree(),
                    "br" => current.push(if pre_depth > 0 { '\n' } else { ' ' }),
                    "pre" => {
                        flush(&mut current, &mut blocks, false);
                        pre_depth += 1;
                    }
                    // Cells of a row read on one line.
                    "td" | "th" => current.push(' '),
                    name if dom::is_block(name) && pre_depth == 0 => flush(&mut current, &mut blocks, false),
                    _ => {}
                },
                _ => {}
            },
            Edge::Close(node) => {
                if let Some(name) = dom::tag(&node) {
                    if name == "pre" {
                        flush(&mut current, &mut blocks, true);
                        pre_depth = pre_depth.saturating_sub(1);
                    } else if dom::is_block(name) && !matches!(name, "td" | "th") && pre_depth == 0 {
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
    if RTL_LANGUAGES.contains(&primary_subtag(lang).as_str()) { "rtl" } else { "ltr" }
}

/// Assemble the `Article` from sanitized `content` and `fragment`, the tree it was written from;
/// `None` when the content holds no text outside links: what is left of a sign-in page ("Forgot
/// your password?") or a link list is no article. Short real text stays an article, as in
/// Readability. The trace and timings are the caller's to fill in.
pub fn assemble(content: String, fragment: &Html, meta: Metadata, byline_in_text: Option<String>) -> Option<Article> {
    if dom::prose_len(fragment.tree.root()) == 0 {
        return None;
    }
    let text_content = plain_text(fragment);
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
        byline: byline::choose(meta.byline, meta.fallback_byline, byline_in_text, &text_content),
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
        trace: Vec::new(),
        timings: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::plain_text;
    use crate::{Options, extract, sanitize};

    /// `extract` reads the article's text from the sanitized tree, not from its serialized
    /// content parsed again: the text must be the one a reader of `content` gets.
    #[test]
    fn the_text_is_that_of_the_content_parsed_again() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut checked = 0;
        for corpus in ["readability", "netease", "wcxb", "wcxb-forum", "zh-portals"] {
            for entry in std::fs::read_dir(format!("{fixtures}/{corpus}")).unwrap().flatten() {
                let Ok(page) = std::fs::read_to_string(entry.path().join("source.html")) else { continue };
                let Ok(Some(article)) = extract(&page, &Options::default()) else { continue };
                assert_eq!(article.text_content, plain_text(&Html::parse_fragment(&article.content)), "{}", entry.path().display());
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} fixture pages extracted");
        // Markup the parser rearranges (foster parenting, nested links and forms, misnested
        // formatting, foreign content) reads the same from the tree as from its HTML.
        for markup in [
            "<p>a<table><tr><td>b</td></tr>c</table>d",
            "<a href=x>1<a href=y>2</a>3</a>",
            "<b><p>x</b>y</p><i>z",
            "<form><form><p>q</p></form></form>",
            "<svg><p>y</p></svg><math><mi>z<p>w</math>",
            "<ul><li>a<li>b<dd>c</ul><pre>\n\nkept</pre>",
        ] {
            let tree = sanitize::tree(markup);
            let html = sanitize::html(markup);
            assert_eq!(plain_text(&tree), plain_text(&Html::parse_fragment(&html)), "{markup}");
        }
    }
}
