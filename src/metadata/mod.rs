//! Page metadata: title, byline, site, date, language, direction, excerpt, lead image.
//!
//! Read from the freshly parsed page (scripts still present: JSON-LD lives in them), in one
//! document-order walk that gathers what the page says about itself, then chosen field by field
//! in the order Readability's `_getJSONLD` and `_getArticleMetadata` trust sources: JSON-LD,
//! then `<meta>` (Dublin Core, OpenGraph, Twitter, parsely, `article:*`), then the `<title>`
//! element. Beyond Readability: dates from `<time>`, `itemprop`, the lines printed around the
//! headline (`dateline.rs`: "By Jane Doe | Published Nov. 20, 2019", "2020-11-26 08:04 来源：…
//! 作者：…"), the date lines and `data-*` attributes Chinese portals use and the address, all
//! normalized to ISO 8601; bylines that name people (`byline.rs`); Chinese title suffixes, and
//! the title held against the page's visible headline; declared languages kept only when they
//! are BCP 47 tags.

pub(crate) mod byline;
pub(crate) mod date;
mod dateline;
mod jsonld;
pub(crate) mod lang;
mod title;

use std::collections::HashMap;

use ego_tree::NodeRef;
use html5ever::ns;
use scraper::{Html, Node};
use url::Url;

use crate::dom;
use crate::tunables::{
    DATE_ATTRIBUTES, DATE_BLOCK_HINTS, DATE_BLOCKS_EXAMINED, DATE_LINE_CANDIDATES, DATE_LINE_MARKERS,
    DATE_LINE_MAX_CHARS, EDITOR_LABELS, JSONLD_MAX_SCRIPTS, META_BYLINE_KEYS, META_DATE_KEYS, META_MODIFIED_KEYS, META_EXCERPT_KEYS, META_IMAGE_KEYS,
    META_SITE_KEYS, META_TITLE_KEYS, SHORT_BLOCK_MAX_NODES, TITLE_HEADINGS_EXAMINED, TITLE_SIMILARITY,
};

/// What the page says about itself, read before scripts are removed (JSON-LD lives in them).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// The article title, cleaned of site suffixes.
    pub title: Option<String>,
    /// The person (or people) the page names as its author.
    pub byline: Option<String>,
    /// The byline when nothing names a person: a name printed unlabelled beside the date under
    /// the headline, else the text of the author's link near it, else what fills the page's author slot when it names only the site or the
    /// story's source (`<meta name=author content="新京报">` beside "来源：新京报"), else the
    /// responsible editor, labelled as one ("责任编辑：张申").
    pub fallback_byline: Option<String>,
    pub site_name: Option<String>,
    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` with the page's zone, or with an offset
    /// inferred from the page's language (UTC+8 for Chinese, UTC+9 for Japanese and Korean),
    /// else naive.
    pub published_time: Option<String>,
    /// Declared language (`<html lang>`, `content-language`, `og:locale`), BCP 47.
    pub lang: Option<String>,
    /// Declared direction (`ltr`/`rtl`).
    pub dir: Option<String>,
    pub excerpt: Option<String>,
    /// Absolute URL (relative only when no base is known).
    pub lead_image: Option<String>,
}

/// Read the page's metadata. `base` makes the lead image absolute.
pub fn extract(doc: &Html, base: Option<&Url>) -> Metadata {
    let page = Page::read(doc);
    let ld = jsonld::first_article(page.jsonld.iter().map(String::as_str));
    let ld = ld.as_ref();
    let doc_title = page.title.as_deref().map(|t| title::clean(t, &page.headings));

    let site_name = ld
        .and_then(|a| a.publisher.clone())
        .or_else(|| page.meta_first(META_SITE_KEYS, |_| true))
        .or_else(|| doc_title.as_ref().and_then(|t| t.site.clone()))
        .map(|s| title::collapse_space(&unescape_entities(&s)));
    // An `og:title` that only copies the `<title>` is a search title, which the page's own
    // headline outranks; one the site wrote apart is a headline itself.
    let og_title = page.meta.get("og:title").map(|v| title::collapse_space(&v.content));
    let written = if og_title.is_some() && og_title == page.title.as_deref().map(title::collapse_space) {
        title::MetaTitle::SearchCopy
    } else {
        title::MetaTitle::Written
    };
    let site = title::SiteNames::new(base.and_then(Url::host_str));
    let title =
        choose_title(&page, ld, doc_title.as_ref()).map(|t| title::headline(&t, doc, &page.headings, &site, written));
    let excerpt = ld
        .and_then(|a| a.description.clone())
        .or_else(|| page.meta_first(META_EXCERPT_KEYS, |_| true))
        .map(|e| unescape_entities(e.trim()));

    let lang = page.html_lang.as_deref().and_then(lang::normalize).or_else(|| {
        ["http-equiv:content-language", "dc:language", "og:locale"]
            .iter()
            .find_map(|k| page.meta.get(*k).and_then(|v| lang::normalize(&v.content)))
    });
    let dir = [page.html_dir.as_deref(), page.body_dir.as_deref()]
        .into_iter()
        .flatten()
        .map(|d| d.trim().to_ascii_lowercase())
        .find(|d| d == "ltr" || d == "rtl");

    // A naive time's offset follows the page's language, declared or read from its title.
    let offset_lang = lang.clone().or_else(|| {
        let sample = format!("{} {}", page.title.as_deref().unwrap_or(""), excerpt.as_deref().unwrap_or(""));
        detect_lang(&sample)
    });
    let naive_offset = offset_lang.as_deref().and_then(date::offset_for_lang);
    let printed = dateline::read(doc, title.as_deref(), naive_offset);
    let published_time = published_time(&page, ld, &printed, base, naive_offset);

    // The byline names people: a site or source in the author slot (`<meta name=author
    // content="Cleveland Clinic">`) gives way to a person named elsewhere; alone, it stays (a
    // one-person blog is named after its author).
    let fold = crate::text::fold;
    let outlets: Vec<String> = [site_name.as_deref(), printed.source.as_deref(), base.and_then(|b| b.host_str())]
        .into_iter()
        .flatten()
        // A Chinese site's name ends in 网 ("site"): its channels share the rest ("新浪网",
        // "新浪科技").
        .map(|o| fold(o.strip_suffix('网').filter(|b| b.chars().count() >= 2).unwrap_or(o)))
        .filter(|o| o.chars().count() >= 2)
        .collect();
    let is_outlet = |b: &String| {
        let folded = fold(b);
        outlets.iter().any(|o| o.contains(&folded) || folded.contains(o.as_str()))
    };
    let (site_bylines, bylines): (Vec<String>, Vec<String>) = ld
        .and_then(|a| a.byline.clone())
        .into_iter()
        .chain(page.meta_first(META_BYLINE_KEYS, |v| !looks_like_url(v)))
        .chain(printed.byline.clone())
        .filter_map(|b| byline::names_only(&unescape_entities(&b)))
        .partition(is_outlet);
    let byline = bylines.into_iter().next();
    let fallback_byline = [printed.beside_date.flatten(), printed.author_link.and_then(|l| byline::names_only(&l))]
        .into_iter()
        .flatten()
        .find(|b| !is_outlet(b))
        .or_else(|| site_bylines.into_iter().next())
        .or_else(|| page.editor.clone());

    let lead_image = page
        .meta_first(META_IMAGE_KEYS, |_| true)
        .or_else(|| ld.and_then(|a| a.image.clone()))
        .and_then(|src| absolutize(&src, base));

    Metadata { title, byline, fallback_byline, site_name, published_time, lang, dir, excerpt, lead_image }
}

/// Detect the language of article text from its script (and, for Latin text, common words).
/// Returns a bare language subtag (`zh`, `en`), or `None` when unsure.
pub fn detect_lang(text: &str) -> Option<String> {
    lang::detect(text)
}

struct MetaValue {
    content: String,
    from_property: bool,
}

/// What one walk over the page gathers.
#[derive(Default)]
struct Page {
    html_lang: Option<String>,
    html_dir: Option<String>,
    body_dir: Option<String>,
    /// `<meta>` contents by key (`name`, each `property` token, `http-equiv:NAME`), lower-cased
    /// with `.` read as `:`; the first of a key wins, a `property` over a `name`.
    meta: HashMap<String, MetaValue>,
    /// Text of the `<title>` element.
    title: Option<String>,
    headings: title::Headings,
    jsonld: Vec<String>,
    /// `itemprop="datePublished"`: its `content`, `datetime` or text.
    itemprop_date: Option<String>,
    /// `itemprop="dateModified"` (or Baidu's `dateUpdate`), read the same way.
    itemprop_modified: Option<String>,
    /// `<time pubdate>`, then the first `<time datetime>`.
    time_pubdate: Option<String>,
    time_first: Option<String>,
    /// The first [`DATE_ATTRIBUTES`] value.
    date_attribute: Option<String>,
    /// Short texts that may be a portal's date line, in page order, with whether they hold a
    /// [`DATE_LINE_MARKERS`] word.
    date_lines: Vec<(String, bool)>,
    /// Blocks with a [`DATE_BLOCK_HINTS`] class read so far.
    date_blocks_examined: usize,
    /// The first responsible editor a short text names ("责任编辑：张申").
    editor: Option<String>,
}

impl Page {
    fn read(doc: &Html) -> Page {
        let mut page = Page::default();
        let root = doc.root_element();
        page.html_lang = root.attr("lang").or_else(|| root.attr("xml:lang")).map(str::to_string);
        page.html_dir = root.attr("dir").map(str::to_string);
        for node in doc.tree.root().descendants() {
            match node.value() {
                Node::Element(e) => page.element(node, e),
                Node::Text(t) => page.text(node, t),
                _ => {}
            }
        }
        page
    }

    fn element(&mut self, node: NodeRef<'_, Node>, e: &scraper::node::Element) {
        match e.name() {
            "meta" => self.meta_element(e),
            "title" if self.title.is_none() && e.name.ns == ns!(html) => {
                self.title = Some(node.children().filter_map(|c| c.value().as_text().map(|t| &**t)).collect());
            }
            "script"
                if self.jsonld.len() < JSONLD_MAX_SCRIPTS
                    && dom::element_attr(e, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                self.jsonld.push(node.children().filter_map(|c| c.value().as_text().map(|t| &**t)).collect());
            }
            "h1" => {
                self.headings.h1_count += 1;
                if self.headings.h1.len() < TITLE_HEADINGS_EXAMINED {
                    self.headings.h1.extend(short_text(node).map(|t| crate::text::normalize_space(&t)));
                }
            }
            "h2" if self.headings.h2.len() < TITLE_HEADINGS_EXAMINED => {
                self.headings.h2.extend(short_text(node).map(|t| crate::text::normalize_space(&t)));
            }
            "body" if self.body_dir.is_none() => self.body_dir = dom::element_attr(e, "dir").map(str::to_string),
            "time" => {
                if self.time_pubdate.is_none() && dom::element_attr(e, "pubdate").is_some() {
                    self.time_pubdate = dom::element_attr(e, "datetime").map(str::to_string).or_else(|| short_text(node));
                }
                if self.time_first.is_none() {
                    self.time_first = dom::element_attr(e, "datetime").map(str::to_string);
                }
            }
            _ => {}
        }
        if let Some(itemprop) = dom::element_attr(e, "itemprop") {
            let says = |names: &[&str]| itemprop.split_whitespace().any(|t| names.iter().any(|n| t.eq_ignore_ascii_case(n)));
            let value = || dom::element_attr(e, "content").or_else(|| dom::element_attr(e, "datetime")).map(str::to_string).or_else(|| short_text(node));
            if self.itemprop_date.is_none() && says(&["datePublished"]) {
                self.itemprop_date = value();
            }
            if self.itemprop_modified.is_none() && says(&["dateModified", "dateUpdate"]) {
                self.itemprop_modified = value();
            }
        }
        if self.date_attribute.is_none() {
            self.date_attribute = DATE_ATTRIBUTES.iter().find_map(|a| dom::element_attr(e, a)).map(str::to_string);
        }
        if self.date_lines.len() < DATE_LINE_CANDIDATES
            && self.date_blocks_examined < DATE_BLOCKS_EXAMINED
            && (dom::element_attr(e, "class").is_some() || dom::element_attr(e, "id").is_some())
        {
            let hints = dom::class_and_id(&node);
            if DATE_BLOCK_HINTS.iter().any(|h| hints.contains(h)) {
                self.date_blocks_examined += 1;
                if let Some(text) = short_text(node).filter(|t| t.chars().any(|c| c.is_ascii_digit())) {
                    let marked = DATE_LINE_MARKERS.iter().any(|m| text.contains(m));
                    self.date_lines.push((text, marked));
                }
            }
        }
    }

    fn meta_element(&mut self, e: &scraper::node::Element) {
        let Some(content) = dom::element_attr(e, "content").map(str::trim).filter(|c| !c.is_empty()) else { return };
        let key = |k: &str| -> String {
            k.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c == '.' { ':' } else { c.to_ascii_lowercase() })
                .collect()
        };
        // A `property` (RDFa, what OpenGraph and Dublin Core specify) outranks a `name` spelling
        // the same key, wherever each stands, as Readability lets property values win.
        for k in dom::element_attr(e, "property").into_iter().flat_map(str::split_whitespace).map(key) {
            match self.meta.get(&k) {
                Some(MetaValue { from_property: true, .. }) => {}
                _ => {
                    self.meta.insert(k, MetaValue { content: content.to_string(), from_property: true });
                }
            }
        }
        let named =
            dom::element_attr(e, "name").map(key).into_iter().chain(dom::element_attr(e, "http-equiv").map(|h| format!("http-equiv:{}", key(h))));
        for k in named {
            self.meta.entry(k).or_insert_with(|| MetaValue { content: content.to_string(), from_property: false });
        }
    }

    /// A short text outside scripts that names itself a date line (`2024-07-30 08:21:47　来源:`)
    /// even where its block has no telling class, or names the story's editor.
    fn text(&mut self, node: NodeRef<'_, Node>, text: &str) {
        // Every marker and label is Chinese, and a date line holds a digit: most text nodes of a
        // page are ruled out without a search for each marker.
        if text.is_ascii() {
            return;
        }
        let wanted_date = self.date_lines.len() < DATE_LINE_CANDIDATES
            && text.bytes().any(|b| b.is_ascii_digit())
            && DATE_LINE_MARKERS.iter().any(|m| text.contains(m));
        let wanted_editor = self.editor.is_none() && EDITOR_LABELS.iter().any(|(l, _)| text.contains(l));
        if !wanted_date && !wanted_editor {
            return;
        }
        let in_code = node.parent().is_some_and(|p| {
            dom::tag(&p)
                .is_some_and(|t| matches!(t, "script" | "style" | "noscript" | "template" | "textarea" | "title"))
        });
        if in_code {
            return;
        }
        if wanted_editor {
            self.editor = byline::editor(text);
        }
        let trimmed = text.trim();
        if wanted_date && trimmed.chars().count() <= DATE_LINE_MAX_CHARS && trimmed.chars().any(|c| c.is_ascii_digit()) {
            self.date_lines.push((trimmed.to_string(), true));
        }
    }

    /// The first non-empty meta value among `keys` (in their order) that `accept` takes.
    fn meta_first(&self, keys: &[&str], accept: impl Fn(&str) -> bool) -> Option<String> {
        keys.iter().filter_map(|k| self.meta.get(*k)).map(|v| &v.content).find(|v| accept(v)).cloned()
    }
}

/// The text of a small element (at most [`SHORT_BLOCK_MAX_NODES`] nodes and
/// [`DATE_LINE_MAX_CHARS`] characters), trimmed; `None` for a bigger one.
fn short_text(node: NodeRef<'_, Node>) -> Option<String> {
    let mut out = String::new();
    for (i, n) in node.descendants().enumerate() {
        if i > SHORT_BLOCK_MAX_NODES {
            return None;
        }
        if let Node::Text(t) = n.value() {
            out.push_str(t);
        }
    }
    let trimmed = out.trim();
    (trimmed.chars().count() <= DATE_LINE_MAX_CHARS * 2).then(|| trimmed.to_string())
}

/// JSON-LD's title, else the metadata title, else the cleaned `<title>`. Metadata titles are
/// trusted as written (as Readability does), except one cut short by an unescaped quote in its
/// attribute (`content="标题"暗伤"…"`), which the `<title>` shows whole.
fn choose_title(page: &Page, ld: Option<&jsonld::Article>, doc_title: Option<&title::Cleaned>) -> Option<String> {
    let from_ld = ld.and_then(|a| match (&a.name, &a.headline) {
        (Some(name), Some(headline)) if name != headline => {
            // Some sites put their own name in `name` and the title in `headline` (aktualne.cz):
            // pick the one that resembles the page title, as Readability does.
            let reference = doc_title.map_or("", |t| t.title.as_str());
            let name_matches = title::similarity(name, reference) > TITLE_SIMILARITY;
            let headline_matches = title::similarity(headline, reference) > TITLE_SIMILARITY;
            Some(if headline_matches && !name_matches { headline.clone() } else { name.clone() })
        }
        (Some(name), _) => Some(name.clone()),
        (None, headline) => headline.clone(),
    });
    let meta = from_ld.or_else(|| page.meta_first(META_TITLE_KEYS, |_| true));
    let whole = page.title.as_deref().map(title::collapse_space);
    let chosen = match (meta, doc_title) {
        (Some(m), Some(cleaned))
            if whole
                .as_deref()
                .and_then(|w| w.strip_prefix(m.trim()))
                .is_some_and(|rest| rest.starts_with(['"', '\''])) =>
        {
            cleaned.title.clone()
        }
        (Some(m), _) => m,
        (None, cleaned) => cleaned?.title.clone(),
    };
    let chosen = title::collapse_space(&unescape_entities(&chosen));
    (!chosen.is_empty()).then_some(chosen)
}

/// The publication date. What the page states in its metadata (JSON-LD, `<meta>`, `itemprop`,
/// `<time pubdate>`), unless the publication date printed under the headline is days later:
/// that is the date the reader is shown, and a stated one before it is most often the day a CMS
/// first created a page rewritten since. A printed date before the stated one is more often
/// what the article is about (a birth in an infobox) than its publication; one day apart, the
/// two are most often one moment in two zones (a server printing UTC). In both cases the
/// stated one, zone and all, stays. A
/// printed update ("Updated Nov 20") never overrides a stated publication, and the address's
/// date names the local day of a UTC moment just after it. Then the portals' date
/// lines, a date in the address (`/2019/11/20/`), the first `<time>`; and last the page's
/// update, printed or stated, the only date it gives then.
fn published_time(
    page: &Page,
    ld: Option<&jsonld::Article>,
    printed: &dateline::Dateline,
    base: Option<&Url>,
    naive_offset: Option<i32>,
) -> Option<String> {
    let read = |v: &str| date::parse(v, naive_offset).or_else(|| date::find(v, naive_offset));
    let stated = ld
        .and_then(|a| a.date_published.as_deref())
        .into_iter()
        .chain(META_DATE_KEYS.iter().filter_map(|k| page.meta.get(*k).map(|v| v.content.as_str())))
        .chain(page.itemprop_date.as_deref())
        .chain(page.time_pubdate.as_deref())
        .chain(page.date_attribute.as_deref())
        .find_map(read);
    let stated = match (stated, printed.published.as_ref()) {
        (Some(stated), Some(shown)) if date::days_after(shown, &stated).is_some_and(|d| d.abs() > 1) => Some(shown.clone()),
        (stated, shown) => stated.or_else(|| shown.cloned()),
    };
    // A moment stated in UTC that falls on the day after the address's date is that day where
    // the site is (a blog's `/2025/12/18/` at 02:41 UTC): the reader is shown the local day.
    let in_address = base.and_then(|url| date::in_path(url.path()));
    let stated = match (stated, in_address.as_ref()) {
        (Some(stated), Some(day)) if date::days_after(day, &stated) == Some(-1) => Some(day.clone()),
        (stated, _) => stated,
    };
    stated
        .or_else(|| {
            // A date line that says it is one (`来源:`) before any other short dated block; an
            // unmarked block counts only with a time of day, as a bare date in a classed block is
            // as often a birthday or founding date (Wikipedia's infobox `published` class).
            let marked = page.date_lines.iter().filter(|(_, m)| *m);
            let unmarked = page.date_lines.iter().filter(|(_, m)| !*m);
            marked.chain(unmarked).find_map(|(text, marked)| {
                // The marker words are Chinese: without a declared language, the line's own
                // language sets the offset.
                let offset = naive_offset.or(if *marked { date::offset_for_lang("zh") } else { None });
                date::find(text, offset).filter(|d| *marked || d.contains('T'))
            })
        })
        .or(in_address)
        .or_else(|| page.time_first.as_deref().and_then(read))
        .or_else(|| printed.modified.clone())
        .or_else(|| {
            ld.and_then(|a| a.date_modified.as_deref())
                .into_iter()
                .chain(META_MODIFIED_KEYS.iter().filter_map(|k| page.meta.get(*k).map(|v| v.content.as_str())))
                .chain(page.itemprop_modified.as_deref())
                .find_map(read)
        })
}

fn looks_like_url(s: &str) -> bool {
    let lower = s.trim().to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("//")
        || lower.starts_with("www.")
}

/// A URL made absolute against `base`; only `http(s)` results are kept. Without a base a
/// relative URL is returned as written.
fn absolutize(src: &str, base: Option<&Url>) -> Option<String> {
    let src = src.trim();
    if src.is_empty() {
        return None;
    }
    let parsed = match base {
        Some(base) => base.join(src),
        None => Url::parse(src),
    };
    match parsed {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Some(url.to_string()),
        Err(url::ParseError::RelativeUrlWithoutBase) => Some(src.to_string()),
        _ => None,
    }
}

/// Decode the entities left in metadata a site escaped twice (`&amp;#x1F62D;`), as Readability's
/// `_unescapeHtmlEntities`: the five XML entities and numeric references; a reference to no
/// valid character becomes U+FFFD.
fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match entity(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character an entity at the start of `s` stands for, and the entity's length: any of
/// HTML's named entities (`&nbsp;`, `&bull;`: sites escape those twice too, where Readability
/// decodes only the XML five) or a numeric reference.
fn entity(s: &str) -> Option<(char, usize)> {
    // The longest entity name, `CounterClockwiseContourIntegral;`, is 32 bytes.
    let end = s.bytes().take(34).position(|b| b == b';')?;
    let body = &s[1..end];
    let c = match html5ever::data::NAMED_ENTITIES.get(&s[1..=end]) {
        // Two-character entities (`&NotEqualTilde;`) never name a title's punctuation.
        Some(&(c, 0)) => char::from_u32(c)?,
        Some(_) => return None,
        None => {
            let number = body.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u64::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u64>().ok()?,
            };
            u32::try_from(code).ok().filter(|&c| c != 0).and_then(char::from_u32).unwrap_or('\u{FFFD}')
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        extract(&Html::parse_document(html), Url::parse("http://fakehost/test/page.html").ok().as_ref())
    }

    #[test]
    fn json_ld_wins_and_reads_graph() {
        let m = meta(
            r#"<html lang="en_us"><head><title>Ignored | Site</title>
            <meta property="og:title" content="OG title"><meta property="og:image" content="/img/a.jpg">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Page"},
              {"@type":"NewsArticle","headline":"The headline","author":[{"name":"Ann"},{"name":"Bob"}],
               "publisher":{"name":"Daily"},"datePublished":"2018-04-05T06:00","description":"What happened."}]}</script>
            </head><body><p>x</p></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The headline"));
        assert_eq!(m.byline.as_deref(), Some("Ann, Bob"));
        assert_eq!(m.site_name.as_deref(), Some("Daily"));
        assert_eq!(m.published_time.as_deref(), Some("2018-04-05T06:00:00"));
        assert_eq!(m.excerpt.as_deref(), Some("What happened."));
        assert_eq!(m.lang.as_deref(), Some("en-US"));
        assert_eq!(m.lead_image.as_deref(), Some("http://fakehost/img/a.jpg"));
    }

    #[test]
    fn meta_tags_in_readability_order() {
        let m = meta(
            r#"<head><title>Title Element</title>
            <meta name="twitter:title" content="Twitter"><meta property="x:title dc:title" content="Preferred">
            <meta name="author" content="By Jane Doe"><meta property="article:author" content="https://x.test/jane">
            <meta name="description" content="Desc &amp;amp; more"><meta property="og:site_name" content="Site">
            <meta property="article:published_time" content="Thu, 05 Apr 2018 06:00:00 GMT">
            <meta http-equiv="content-language" content="de-de"></head><body dir="RTL"></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Preferred"));
        assert_eq!(m.byline.as_deref(), Some("Jane Doe"));
        assert_eq!(m.excerpt.as_deref(), Some("Desc & more"));
        assert_eq!(m.site_name.as_deref(), Some("Site"));
        assert_eq!(m.published_time.as_deref(), Some("2018-04-05T06:00:00Z"));
        assert_eq!(m.lang.as_deref(), Some("de-DE"));
        assert_eq!(m.dir.as_deref(), Some("rtl"));
    }

    #[test]
    fn chinese_portal_page() {
        let m = meta(
            "<html><head><title>央行宣布降准0.5个百分点|央行|降准_网易财经</title></head><body>\
            <div class=\"top-time\">今天是星期二</div><h1>央行宣布降准0.5个百分点</h1>\
            <div class=\"post_info\">2015年05月21日 05:03　来源: <a>21世纪经济报道</a></div></body></html>",
        );
        assert_eq!(m.title.as_deref(), Some("央行宣布降准0.5个百分点"));
        assert_eq!(m.site_name.as_deref(), Some("网易财经"));
        assert_eq!(m.published_time.as_deref(), Some("2015-05-21T05:03:00+08:00"));
        assert_eq!(m.lang, None);
    }

    #[test]
    fn quote_truncated_meta_title_gives_way() {
        let m = meta(
            r#"<title>多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？_网易财经</title>
            <meta property="og:title" content="多地项目连环爆雷 狂奔的龙湖集团" 暗伤"曝露？"="">"#,
        );
        assert_eq!(m.title.as_deref(), Some(r#"多地项目连环爆雷 狂奔的龙湖集团"暗伤"曝露？"#));
    }

    #[test]
    fn dates_from_attributes_and_time_elements() {
        let m = meta(r#"<html lang="zh-CN" data-publishtime="2020-07-04 01:55:04"><body></body></html>"#);
        assert_eq!(m.published_time.as_deref(), Some("2020-07-04T01:55:04+08:00"));
        let m = meta(r#"<body><time datetime="2019-10-18">Oct 18</time></body>"#);
        assert_eq!(m.published_time.as_deref(), Some("2019-10-18"));
        let m = meta(r#"<body><span itemprop="datePublished">April 5, 2018</span></body>"#);
        assert_eq!(m.published_time.as_deref(), Some("2018-04-05"));
    }

    #[test]
    fn entities_as_readability_unescapes_them() {
        assert_eq!(unescape_entities("&#xg; &#x1F62D; &#128557; &#xFFFFFFFF; &#x0;"), "&#xg; 😭 😭 \u{FFFD} \u{FFFD}");
        assert_eq!(
            unescape_entities("a &lt;b&gt; &quot;c&quot; &apos;d&apos; &amp; &nope; &"),
            "a <b> \"c\" 'd' & &nope; &"
        );
        assert_eq!(
            unescape_entities("Plate&nbsp;&bull; Source&hellip; &NotEqualTilde;"),
            "Plate\u{a0}• Source… &NotEqualTilde;"
        );
    }

    #[test]
    fn lead_image_urls() {
        let base = Url::parse("https://news.test/a/b.html").unwrap();
        assert_eq!(absolutize("../img.png", Some(&base)).as_deref(), Some("https://news.test/img.png"));
        assert_eq!(absolutize("//cdn.test/x.jpg", Some(&base)).as_deref(), Some("https://cdn.test/x.jpg"));
        assert_eq!(absolutize("javascript:alert(1)", Some(&base)), None);
        assert_eq!(absolutize("data:image/png;base64,xx", None), None);
        assert_eq!(absolutize("/rel.jpg", None).as_deref(), Some("/rel.jpg"));
    }

    #[test]
    fn date_line_markers_and_editor_labels_are_not_ascii() {
        // Page::text skips ASCII text before looking for them.
        assert!(DATE_LINE_MARKERS.iter().chain(EDITOR_LABELS.iter().map(|(l, _)| l)).all(|m| !m.is_ascii()));
    }

    #[test]
    fn hostile_input_does_not_panic() {
        // Deep enough to catch recursion; html5ever's own parse time grows fast with depth.
        let deep = format!("<title>t</title>{}x", "<div class=\"time\"><h1>".repeat(3_000));
        let _ = meta(&deep);
        for html in ["", "<meta content>", "<script type=application/ld+json>{{{{</script>", "<time pubdate>", "\u{0}"]
        {
            let _ = meta(html);
        }
    }
}
