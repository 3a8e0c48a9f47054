//! The saved HTML copy: one self-contained file that looks like the reading view and opens
//! offline anywhere. (The Markdown copy is [`super::markdown`]; what both share, [`super::save`].)
//!
//! The saved page fetches nothing: a `Content-Security-Policy` allows only inline style and
//! `data:` images, images the caller downloaded are embedded as `data:` URLs, and everything
//! else that would load (other images, players, frames) becomes a link to its address.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use ego_tree::{NodeId, NodeRef};
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use serde::{Deserialize, Serialize};
use url::Url;

use super::render::{STYLESHEET, contents_label, escape, reader_html};
use super::save::SaveInfo;
use crate::article::Article;
use crate::dom::{self, Walk};
use crate::metadata::date::iso_day;
use crate::tunables::{CONTENTS_ID_PREFIX, CONTENTS_MIN_HEADINGS};
use crate::urls;

/// The reader's colours, as in the reading view's `data-theme`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    Light,
    Sepia,
    Dark,
    /// Follows the viewer's `prefers-color-scheme` when the file is opened.
    System,
}

/// The reader's typeface family, as in the reading view's `data-font`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Font {
    #[default]
    Serif,
    Sans,
}

/// What became of one image the caller tried to download.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum EmbeddedImage {
    /// The image as a `data:image/…` URL.
    Embedded { data_url: String },
    /// Not embedded (too large, fetch failed, permission refused): the copy links to it and
    /// its footer says why.
    Skipped { reason: String },
}

/// How the saved page looks and which images it embeds. Defaults match the reading view's
/// (`reader.css`): light, serif, 20 px, 38 em column, line height 1.7.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PageOptions {
    /// Default: light.
    pub theme: Theme,
    /// Default: serif.
    pub font: Font,
    /// Base font size in CSS pixels. Default: 20.
    pub font_size_px: u32,
    /// Column width in `em`. Default: 38.
    pub width_em: f32,
    /// Default: 1.7 (CJK text gets at least 1.8 from the stylesheet).
    pub line_height: f32,
    /// Downloaded images, keyed by a URL found in the content ([`image_urls`] lists the ones to
    /// fetch; `srcset` candidates and `<picture>` sources also match). Default: none.
    pub images: HashMap<String, EmbeddedImage>,
    /// Source and time of the save, for the footer. Default: no source, empty time.
    pub info: SaveInfo,
}

impl Default for PageOptions {
    fn default() -> Self {
        PageOptions {
            theme: Theme::Light,
            font: Font::Serif,
            font_size_px: 20,
            width_em: 38.0,
            line_height: 1.7,
            images: HashMap::new(),
            info: SaveInfo::default(),
        }
    }
}

/// The saved page's policy: nothing from the network, no script, no forms, no `<base>`.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; media-src data:; base-uri 'none'; form-action 'none'";

/// What only the saved copy needs on top of the reading view's stylesheet.
const SAVED_CSS: &str = "html, body { margin: 0; min-height: 100%; }
.lucid-saved { box-sizing: border-box; max-width: var(--lucid-width); margin: 0 auto; padding: 0 1.25em 3em;
  font-family: var(--lucid-sans); font-size: 0.75em; line-height: 1.5; color: var(--lucid-muted); }
.lucid-saved ul { padding-inline-start: 1.4em; }
.lucid-saved a { overflow-wrap: anywhere; }
.lucid-content a.lucid-image-link, .lucid-content a.lucid-media-link { font-family: var(--lucid-sans); font-size: 0.85em; }
.lucid-contents { font-family: var(--lucid-sans); font-size: 0.8em; line-height: 1.5; margin: 0 0 2em; padding: 0.8em 1.2em;
  border: 1px solid var(--lucid-rule); border-radius: 0.6em; }
.lucid-contents p { margin: 0 0 0.3em; font-weight: 600; color: var(--lucid-muted); }
.lucid-contents ol { margin: 0; padding-inline-start: 1.2em; }
";

/// One self-contained HTML file showing the article as the reading view does, with no script,
/// no event handler and nothing that loads from the network when opened.
pub fn standalone_html(article: &Article, options: &PageOptions) -> String {
    let source = options.info.source_url.as_deref().filter(|u| urls::is_web(u));
    let lang = article.lang.as_deref().unwrap_or("");
    let (body, skipped) = rewrite(&reader_html(article, source), &options.images, lang);

    let mut out = String::with_capacity(body.len() + STYLESHEET.len() + 2048);
    out.push_str("<!DOCTYPE html>\n<html class=\"lucid-reader\"");
    if let Some(lang) = article.lang.as_deref().filter(|l| !l.is_empty()) {
        let _ = write!(out, " lang=\"{}\"", escape(lang));
    }
    if let Some(dir) = article.dir.as_deref().filter(|d| matches!(*d, "ltr" | "rtl")) {
        let _ = write!(out, " dir=\"{dir}\"");
    }
    let theme = match options.theme {
        Theme::Light => "light",
        Theme::Sepia => "sepia",
        Theme::Dark => "dark",
        Theme::System => "system",
    };
    let font = match options.font {
        Font::Serif => "serif",
        Font::Sans => "sans",
    };
    // Clamped so a hostile or corrupt setting cannot make the page unreadable.
    let _ = write!(
        out,
        " data-theme=\"{theme}\" data-font=\"{font}\" style=\"--lucid-font-size: {}px; --lucid-width: {}em; --lucid-line-height: {}\">\n<head>\n",
        options.font_size_px.clamp(8, 64),
        finite_or(options.width_em, 38.0).clamp(15.0, 200.0),
        finite_or(options.line_height, 1.7).clamp(1.0, 3.0),
    );
    out.push_str("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"{CONTENT_SECURITY_POLICY}\">");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(out, "<meta name=\"generator\" content=\"Lucid\">\n<title>{}</title>", escape(&article.title));
    let _ = write!(out, "<style>\n{STYLESHEET}\n{SAVED_CSS}</style>\n</head>\n<body>\n");
    out.push_str(&body);
    out.push('\n');
    footer(&mut out, source, &options.info.saved_at, &skipped);
    out.push_str("</body>\n</html>\n");
    out
}

/// Absolute http(s) URLs of the images the saved copy would embed, one per image (its `src`,
/// else its first `srcset` candidate, else its `<picture>` source; a video's poster), without
/// repeats, in document order. The caller fetches these and passes them in
/// [`PageOptions::images`].
pub fn image_urls(article: &Article) -> Vec<String> {
    let doc = Html::parse_fragment(&article.content);
    let mut urls: Vec<String> = Vec::new();
    for node in doc.root_element().descendants() {
        let Some(el) = node.value().as_element() else { continue };
        let url = match el.name() {
            "img" => primary(&image_candidates(node)).map(str::to_string),
            "video" => el.attr("poster").filter(|p| urls::is_web(p)).map(|p| p.trim().to_string()),
            _ => None,
        };
        if let Some(url) = url.filter(|u| !urls.contains(u)) {
            urls.push(url);
        }
    }
    urls
}

fn finite_or(value: f32, fallback: f32) -> f32 {
    if value.is_finite() { value } else { fallback }
}

/// An image's URLs in order of preference: `src`, its `srcset` candidates, then the `srcset`
/// and `src` of the `<source>`s of its `<picture>`.
fn image_candidates<'a>(img: NodeRef<'a, Node>) -> Vec<&'a str> {
    let mut out = Vec::new();
    let el = img.value().as_element();
    out.extend(el.and_then(|e| e.attr("src")).map(str::trim));
    out.extend(srcset_urls(el.and_then(|e| e.attr("srcset"))));
    let picture = img.parent().filter(|p| p.value().as_element().is_some_and(|e| e.name() == "picture"));
    for source in picture.iter().flat_map(|p| p.children()) {
        if let Some(s) = source.value().as_element().filter(|e| e.name() == "source") {
            out.extend(srcset_urls(s.attr("srcset")));
            out.extend(s.attr("src").map(str::trim));
        }
    }
    out.retain(|u| !u.is_empty());
    out
}

fn srcset_urls(srcset: Option<&str>) -> impl Iterator<Item = &str> {
    srcset.into_iter().flat_map(|s| s.split(',')).filter_map(|c| c.split_whitespace().next())
}

/// The one URL of an image that is fetched and linked to: the first web URL among its candidates.
fn primary<'a>(candidates: &[&'a str]) -> Option<&'a str> {
    candidates.iter().copied().find(|u| urls::is_web(u))
}

/// An image left out of the file, and why.
struct Skipped {
    url: String,
    reason: String,
}

/// Elements that never reach the saved file, with everything inside them.
const DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "link", "meta", "base", "frame",
    "frameset", "applet", "canvas", "source", "track", "object", "embed", "input", "select",
    "textarea", "button", "title", "head",
];
/// Elements whose tag is dropped but whose content is kept.
const UNWRAP: &[&str] = &["html", "body", "form"];
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"];
/// Attributes that load something or point at something: handled per element or dropped.
const URL_ATTRIBUTES: &[&str] = &["src", "srcset", "sizes", "poster", "background", "action", "formaction", "ping", "data", "style", "xlink:href", "lowsrc", "dynsrc"];

/// Re-serialize the reading view's markup for the saved file (an iterative walk): images
/// embedded or turned into links, players and frames into links, anything executable or
/// loading dropped, and the [`Contents`] before the content. The content is sanitized already;
/// this is what makes the file offline, and a second line of defence.
fn rewrite(html: &str, images: &HashMap<String, EmbeddedImage>, lang: &str) -> (String, Vec<Skipped>) {
    let doc = Html::parse_fragment(html);
    let contents = Contents::of(*doc.root_element(), lang);
    let mut rewriter = Rewriter { out: String::with_capacity(html.len()), skipped: Vec::new(), links_open: 0, images, contents };
    let mut walk = Walk::new(*doc.root_element());
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(node) => {
                if !rewriter.open(node) {
                    walk.skip_subtree();
                }
            }
            Edge::Close(node) => rewriter.close(node),
        }
    }
    (rewriter.out, rewriter.skipped)
}

/// The saved copy's table of contents: a plain list of links to the content's `h2`–`h4`
/// headings (those with text; at least [`CONTENTS_MIN_HEADINGS`]), nested by level, with the
/// ids the headings need for it.
struct Contents {
    /// The list, written before the content once (taken when written).
    html: Option<String>,
    /// Ids to give headings that have no usable one of their own.
    ids: HashMap<NodeId, String>,
}

impl Contents {
    /// The contents of the reading view's markup under `root`; `lang` names the list.
    fn of(root: NodeRef<'_, Node>, lang: &str) -> Contents {
        let content = root.descendants().find(|n| n.value().as_element().is_some_and(|e| e.name() == "div" && e.classes().any(|c| c == "lucid-content")));
        let Some(content) = content else { return Contents { html: None, ids: HashMap::new() } };
        // Every id and anchor name, with how often it occurs: a heading's own id is linked to
        // only when it is unique, and a new id never repeats one.
        let mut taken: HashMap<&str, usize> = HashMap::new();
        let mut headings = Vec::new();
        for node in root.descendants() {
            let Some(el) = node.value().as_element() else { continue };
            for name in [el.id(), el.attr("name").filter(|_| el.name() == "a")].into_iter().flatten() {
                *taken.entry(name).or_default() += 1;
            }
        }
        for node in content.descendants() {
            let level = match node.value().as_element().map(|e| e.name()) {
                Some("h2") => 2,
                Some("h3") => 3,
                Some("h4") => 4,
                _ => continue,
            };
            let text = dom::inner_text(node);
            if !text.is_empty() {
                headings.push((node, level, text));
            }
        }
        if headings.len() < CONTENTS_MIN_HEADINGS {
            return Contents { html: None, ids: HashMap::new() };
        }
        let mut ids = HashMap::new();
        let mut given: HashSet<String> = HashSet::new();
        let mut next = 1;
        let mut html = format!("<nav class=\"lucid-contents\"><p>{}</p>", escape(contents_label(lang)));
        // Levels of the lists open; a deeper heading opens a list inside the item before it.
        let mut open: Vec<u8> = Vec::new();
        for (node, level, text) in headings {
            let own = node.value().as_element().and_then(|e| e.id()).filter(|id| !id.trim().is_empty() && taken.get(id) == Some(&1));
            let anchor = match own {
                Some(id) => id.to_string(),
                None => loop {
                    let id = format!("{CONTENTS_ID_PREFIX}{next}");
                    next += 1;
                    if !taken.contains_key(id.as_str()) && !given.contains(&id) {
                        given.insert(id.clone());
                        ids.insert(node.id(), id.clone());
                        break id;
                    }
                },
            };
            while open.last().is_some_and(|&l| l > level) {
                open.pop();
                html.push_str("</li></ol>");
            }
            if open.last().is_some_and(|&l| l == level) {
                html.push_str("</li>");
            } else {
                html.push_str("<ol>");
                open.push(level);
            }
            let _ = write!(html, "<li><a href=\"#{}\">{}</a>", escape(&fragment(&anchor)), escape(&text));
        }
        for _ in open {
            html.push_str("</li></ol>");
        }
        html.push_str("</nav>");
        Contents { html: Some(html), ids }
    }
}

/// `id` as a URL fragment: the characters a fragment may not hold percent-encoded (browsers
/// decode it again before they look the id up).
fn fragment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// The saved file being written, one walk edge at a time.
struct Rewriter<'a> {
    out: String,
    skipped: Vec<Skipped>,
    /// Links open around the current node: inside one, images and players cannot be links.
    links_open: usize,
    images: &'a HashMap<String, EmbeddedImage>,
    contents: Contents,
}

impl Rewriter<'_> {
    /// Write what `node` opens with; `false` when its inside was consumed or dropped.
    fn open(&mut self, node: NodeRef<'_, Node>) -> bool {
        let el = match node.value() {
            Node::Text(t) => {
                self.out.push_str(&escape(t));
                return true;
            }
            Node::Element(el) => el,
            _ => return true,
        };
        let name = el.name();
        if UNWRAP.contains(&name) {
            return true;
        }
        if DROP_WITH_CONTENT.contains(&name) {
            return false;
        }
        match name {
            "img" => {
                image(&mut self.out, node, self.images, self.links_open > 0, &mut self.skipped);
                false
            }
            "video" | "audio" | "iframe" => {
                media(&mut self.out, node, self.images, self.links_open > 0);
                false
            }
            _ => {
                self.links_open += usize::from(name == "a");
                if name == "div" && el.classes().any(|c| c == "lucid-content") {
                    if let Some(contents) = self.contents.html.take() {
                        self.out.push_str(&contents);
                    }
                }
                start_tag(&mut self.out, name, el.attrs(), self.contents.ids.get(&node.id()).map(String::as_str));
                // The parser eats a newline right after `<pre>`: give it one back.
                let pre = matches!(name, "pre" | "textarea" | "listing");
                if pre && node.first_child().and_then(|c| c.value().as_text()).is_some_and(|t| t.starts_with('\n')) {
                    self.out.push('\n');
                }
                true
            }
        }
    }

    fn close(&mut self, node: NodeRef<'_, Node>) {
        let Some(name) = node.value().as_element().map(|el| el.name()) else { return };
        if !UNWRAP.contains(&name) && !VOID.contains(&name) {
            self.links_open -= usize::from(name == "a" && self.links_open > 0);
            let _ = write!(self.out, "</{name}>");
        }
    }
}

/// An element's start tag, its attributes filtered; `id` replaces the element's own.
fn start_tag<'a>(out: &mut String, name: &str, attrs: impl Iterator<Item = (&'a str, &'a str)>, id: Option<&str>) {
    out.push('<');
    out.push_str(name);
    if let Some(id) = id {
        let _ = write!(out, " id=\"{}\"", escape(id));
    }
    for (key, value) in attrs {
        let key_lower = key.to_ascii_lowercase();
        if key_lower.starts_with("on") || URL_ATTRIBUTES.contains(&key_lower.as_str()) || (id.is_some() && key_lower == "id") {
            continue;
        }
        if matches!(key_lower.as_str(), "href" | "cite" | "xlink:href") && !urls::is_safe(value) {
            continue;
        }
        let _ = write!(out, " {key}=\"{}\"", escape(value));
    }
    out.push('>');
}

/// An image: embedded when one of its URLs was downloaded, else a link to it (a `data:` image
/// already in the content stays, it loads offline).
fn image(out: &mut String, node: NodeRef<'_, Node>, images: &HashMap<String, EmbeddedImage>, in_link: bool, skipped: &mut Vec<Skipped>) {
    let Some(el) = node.value().as_element() else { return };
    let candidates = image_candidates(node);
    let alt = el.attr("alt").map(str::trim).unwrap_or("");
    let embedded = candidates.iter().find_map(|u| match images.get(*u) {
        Some(EmbeddedImage::Embedded { data_url }) if urls::is_data_image(data_url) => Some(data_url.as_str()),
        _ => None,
    });
    let inline = candidates.iter().copied().find(|u| urls::is_data_image(u));
    if let Some(src) = embedded.or(inline) {
        let _ = write!(out, "<img src=\"{}\" alt=\"{}\"", escape(src), escape(alt));
        for dim in ["width", "height"] {
            if let Some(v) = el.attr(dim).filter(|v| v.trim().chars().all(|c| c.is_ascii_digit()) && !v.trim().is_empty()) {
                let _ = write!(out, " {dim}=\"{}\"", v.trim());
            }
        }
        out.push('>');
        return;
    }
    let Some(url) = primary(&candidates) else { return };
    let reason = candidates
        .iter()
        .find_map(|u| match images.get(*u) {
            Some(EmbeddedImage::Skipped { reason }) => Some(reason.clone()),
            Some(EmbeddedImage::Embedded { .. }) => Some("not an image".to_string()),
            None => None,
        })
        .unwrap_or_else(|| "not downloaded".to_string());
    let label = if alt.is_empty() { "image" } else { alt };
    if in_link {
        // Links do not nest: inside one, the image's text stands in.
        let _ = write!(out, "<span class=\"lucid-image-link\">[{}]</span>", escape(label));
    } else {
        let _ = write!(out, "<a class=\"lucid-image-link\" href=\"{}\" rel=\"noopener noreferrer\">[{}]</a>", escape(url), escape(label));
    }
    if !skipped.iter().any(|s| s.url == url) {
        skipped.push(Skipped { url: url.to_string(), reason });
    }
}

/// A player or a frame: a link to what it plays, with the video's poster when it was embedded.
fn media(out: &mut String, node: NodeRef<'_, Node>, images: &HashMap<String, EmbeddedImage>, in_link: bool) {
    let Some(el) = node.value().as_element() else { return };
    let src = el.attr("src").or_else(|| {
        node.children().find_map(|c| c.value().as_element().filter(|e| e.name() == "source").and_then(|e| e.attr("src")))
    });
    let Some(src) = src.map(str::trim).filter(|s| urls::is_web(s)) else { return };
    let label = match el.name() {
        "video" => "Video".to_string(),
        "audio" => "Audio".to_string(),
        _ => format!("Embedded video: {}", Url::parse(src).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default()),
    };
    let poster = el.attr("poster").and_then(|p| match images.get(p.trim()) {
        Some(EmbeddedImage::Embedded { data_url }) if urls::is_data_image(data_url) => Some(data_url.as_str()),
        _ => None,
    });
    if in_link {
        let _ = write!(out, "<span class=\"lucid-media-link\">[{}]</span>", escape(&label));
        return;
    }
    let _ = write!(out, "<a class=\"lucid-media-link\" href=\"{}\" rel=\"noopener noreferrer\">", escape(src));
    if let Some(poster) = poster {
        let _ = write!(out, "<img src=\"{}\" alt=\"{}\"><br>", escape(poster), escape(&label));
    }
    let _ = write!(out, "[{}]</a>", escape(&label));
}

fn footer(out: &mut String, source: Option<&str>, saved_at: &str, skipped: &[Skipped]) {
    out.push_str("<footer class=\"lucid-saved\"><p>Saved with Lucid");
    if let Some(url) = source {
        let _ = write!(out, " from <a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>", escape(url.trim()));
    }
    if let Some(date) = iso_day(saved_at) {
        let _ = write!(out, " on <time datetime=\"{}\">{date}</time>", escape(saved_at));
    }
    out.push_str(".</p>");
    if !skipped.is_empty() {
        let _ = write!(
            out,
            "<p>{} not saved in this file; {} to the original:</p><ul>",
            if skipped.len() == 1 { "1 image was" } else { "These images were" },
            if skipped.len() == 1 { "it links" } else { "they link" }
        );
        for s in skipped {
            let _ = write!(out, "<li><a href=\"{0}\" rel=\"noopener noreferrer\">{0}</a>: {1}</li>", escape(&s.url), escape(&s.reason));
        }
        out.push_str("</ul>");
    }
    out.push_str("</footer>\n");
}
