//! The allow-list every article passes through before anyone sees it.
//!
//! ammonia does the work (parsing as a browser would, namespace checks against mutation XSS,
//! iterative walks that survive 100 000-deep nesting); this module configures it once from the
//! lists in [`crate::tunables`] and adds what ammonia cannot express as a list: which `data:`
//! URLs an image may use, `srcset` and `cite` URL checks (ammonia checks only `href`, `src` and
//! `poster`), iframes only from video hosts, and `class` reduced to code-language tokens.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::{Builder, UrlRelative};
use ego_tree::NodeId;
use scraper::Html;
use url::Url;

use crate::tunables::{
    SANITIZE_CODE_CLASS_PREFIXES, SANITIZE_DATA_IMAGE_TYPES, SANITIZE_DROP_WITH_CONTENT,
    SANITIZE_GENERIC_ATTRIBUTES, SANITIZE_LINK_REL, SANITIZE_SET_ATTRIBUTES,
    SANITIZE_TAG_ATTRIBUTES, SANITIZE_TAGS, SANITIZE_URL_SCHEMES, VIDEO_HOSTS,
};

/// Built once: ammonia's builder holds hash sets that are wasteful to rebuild per article.
static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (tag, attrs) in SANITIZE_TAG_ATTRIBUTES {
        tag_attributes.entry(tag).or_default().extend(attrs.iter().copied());
    }
    let mut set_attributes: HashMap<&str, HashMap<&str, &str>> = HashMap::new();
    for (tag, attr, value) in SANITIZE_SET_ATTRIBUTES {
        set_attributes.entry(tag).or_default().insert(attr, value);
    }
    let mut builder = Builder::empty();
    builder
        .tags(SANITIZE_TAGS.iter().copied().collect())
        .clean_content_tags(SANITIZE_DROP_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(SANITIZE_GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(tag_attributes)
        .tag_attribute_values(HashMap::new())
        .set_tag_attribute_values(set_attributes)
        .url_schemes(SANITIZE_URL_SCHEMES.iter().copied().collect())
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some(SANITIZE_LINK_REL))
        .strip_comments(true)
        .id_prefix(None)
        .attribute_filter(filter_attribute);
    builder
});

/// Sanitize article HTML (a fragment, as in a `<div>`): only allowed elements and attributes
/// survive, no URL that could run script, no frame except a video player. Relative URLs are
/// kept as they are. Sanitizing sanitized output returns it unchanged.
pub fn html(fragment: &str) -> String {
    if mentions_iframe(fragment) {
        SANITIZER.clean(&drop_non_video_iframes(fragment)).to_string()
    } else {
        SANITIZER.clean(fragment).to_string()
    }
}

fn mentions_iframe(fragment: &str) -> bool {
    fragment.as_bytes().windows(7).any(|w| w.eq_ignore_ascii_case(b"<iframe"))
}

/// Remove iframes that are not video players before ammonia sees them. ammonia can drop an
/// attribute but not an element by its attributes, and an iframe whose `src` it dropped would
/// stay as an empty box (harmless: sandboxed, `about:blank`, no `srcdoc`, but still a box).
/// Only articles with an iframe pay for this second parse; the attribute filter still checks
/// every `src` that gets through.
fn drop_non_video_iframes(fragment: &str) -> String {
    let mut doc = Html::parse_fragment(fragment);
    let doomed: Vec<NodeId> = doc
        .tree
        .nodes()
        .filter(|node| {
            node.value().as_element().is_some_and(|e| {
                e.name() == "iframe" && !e.attr("src").is_some_and(is_video_embed)
            })
        })
        .map(|node| node.id())
        .collect();
    for id in doomed {
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.detach();
        }
    }
    doc.root_element().inner_html()
}

/// ammonia's per-attribute hook, called after its allow-list and scheme checks: `None` drops
/// the attribute, otherwise its (possibly reduced) value is kept.
fn filter_attribute<'u>(element: &str, attr: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let keep = match (element, attr) {
        ("iframe", "src") => is_video_embed(value),
        ("img", "src") => is_safe_url(value) || is_data_image(value),
        (_, "href" | "src" | "poster" | "cite") => is_safe_url(value),
        (_, "srcset") => is_safe_srcset(value),
        (_, "class") => return code_language_classes(value),
        _ => true,
    };
    keep.then_some(Cow::Borrowed(value))
}

/// A URL with an allowed scheme other than `data`, or a relative one. `Url::parse` follows the
/// WHATWG URL standard, so it strips the leading control characters and inner tabs/newlines a
/// browser strips (`" jav&#x09;ascript:"` is `javascript:`). A relative URL is checked again
/// with all white space and control characters removed, so that no browser quirk (old ones
/// ignored NULs and spaces in schemes) can read `java script:` as a scheme.
fn is_safe_url(value: &str) -> bool {
    let allowed = |url: Url| url.scheme() != "data" && SANITIZE_URL_SCHEMES.contains(&url.scheme());
    match Url::parse(value) {
        Ok(url) => allowed(url),
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            let squeezed: String =
                value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
            match Url::parse(&squeezed) {
                Ok(url) => allowed(url),
                Err(error) => error == url::ParseError::RelativeUrlWithoutBase,
            }
        }
        Err(_) => false,
    }
}

/// `data:image/<raster type>;base64,…`, the only `data:` URL allowed (on `img src`).
fn is_data_image(value: &str) -> bool {
    let Ok(url) = Url::parse(value) else { return false };
    if url.scheme() != "data" {
        return false;
    }
    let Some((media, _payload)) = url.path().split_once(',') else { return false };
    let media = media.to_ascii_lowercase();
    media.strip_suffix(";base64").is_some_and(|kind| SANITIZE_DATA_IMAGE_TYPES.contains(&kind))
}

/// Every URL in a `srcset` is safe. Candidates are split on commas and white space alike, which
/// over-splits (descriptors and URL pieces become tokens of their own) but never hides a URL
/// inside another token, so a `javascript:` entry is seen however the list is punctuated.
fn is_safe_srcset(value: &str) -> bool {
    value
        .split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|token| !token.is_empty())
        .all(is_safe_url)
}

/// An `https` URL on one of [`VIDEO_HOSTS`] (the host itself or a subdomain of it).
fn is_video_embed(value: &str) -> bool {
    let Ok(url) = Url::parse(value) else { return false };
    let Some(host) = url.host_str() else { return false };
    url.scheme() == "https"
        && VIDEO_HOSTS.iter().any(|allowed| {
            host.strip_suffix(allowed).is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
        })
}

/// The language tokens of a `class` (see [`SANITIZE_CODE_CLASS_PREFIXES`]); `None` when there
/// are none, so the attribute goes.
fn code_language_classes(value: &str) -> Option<Cow<'_, str>> {
    let kept: Vec<&str> = value
        .split_ascii_whitespace()
        .filter(|token| SANITIZE_CODE_CLASS_PREFIXES.iter().any(|p| token.starts_with(p)))
        .collect();
    (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::html;

    #[test]
    fn keeps_article_markup() {
        let input = r#"<h2 id="s1">Title</h2><p lang="zh" dir="ltr">文本 <a href="https://a.example/x" title="t">link</a> and <code class="language-rust hl">fn</code></p><table><tr><td colspan="2">1</td></tr></table>"#;
        let out = html(input);
        assert!(out.contains(r#"<h2 id="s1">Title</h2>"#), "{out}");
        assert!(out.contains(r#"<p lang="zh" dir="ltr">"#), "{out}");
        assert!(out.contains(r#"href="https://a.example/x""#), "{out}");
        assert!(out.contains(r#"rel="noopener noreferrer""#), "{out}");
        assert!(out.contains(r#"<code class="language-rust">fn</code>"#), "{out}");
        assert!(out.contains(r#"<td colspan="2">1</td>"#), "{out}");
    }

    #[test]
    fn drops_script_style_and_their_text() {
        let out = html("<p>a<script>alert(1)</script><style>p{}</style>b</p>");
        assert_eq!(out, "<p>ab</p>");
    }

    #[test]
    fn data_urls_only_for_raster_images() {
        let png = "data:image/png;base64,iVBORw0KGgo=";
        assert!(html(&format!(r#"<img src="{png}">"#)).contains(png));
        for bad in [
            r#"<img src="data:image/svg+xml;base64,PHN2Zz4=">"#,
            r#"<img src="data:text/html;base64,PHNjcmlwdD4=">"#,
            r#"<img src="data:image/png,rawbytes">"#,
            r#"<a href="data:image/png;base64,iVBORw0KGgo=">x</a>"#,
            r#"<img srcset="data:image/png;base64,iVBORw0KGgo= 1x">"#,
        ] {
            assert!(!html(bad).contains("data:"), "{bad} -> {}", html(bad));
        }
    }

    #[test]
    fn srcset_with_any_script_url_is_dropped() {
        let out = html(r#"<img src="a.jpg" srcset="b.jpg 1x, javascript:alert(1) 2x">"#);
        assert!(!out.contains("srcset"), "{out}");
        let ok = html(r#"<img srcset="https://c.example/a,b.jpg 1x, /d.jpg 2x">"#);
        assert!(ok.contains("srcset"), "{ok}");
    }

    #[test]
    fn iframes_only_from_video_hosts() {
        let yt = html(r#"<iframe src="https://www.youtube.com/embed/x" srcdoc="<b>" onload="x()"></iframe>"#);
        assert!(yt.contains(r#"src="https://www.youtube.com/embed/x""#), "{yt}");
        assert!(yt.contains("sandbox="), "{yt}");
        assert!(!yt.contains("srcdoc") && !yt.contains("onload"), "{yt}");
        for bad in [
            "https://evil.example/embed",
            "https://youtube.com.evil.example/embed",
            "https://notyoutube.com/embed",
            "http://www.youtube.com/embed/x",
            "//www.youtube.com/embed/x",
            "javascript:alert(1)",
        ] {
            let out = html(&format!(r#"<p>a<iframe src="{bad}"></iframe>b</p><IFRAME></IFRAME>"#));
            assert_eq!(out, "<p>ab</p>", "{bad}");
        }
    }

    #[test]
    fn idempotent() {
        let input = r#"<p>x<a href="/r" rel="x">y</a><video src="v.mp4"></video><iframe src="https://player.vimeo.com/video/1"></iframe></p>"#;
        let once = html(input);
        assert_eq!(html(&once), once);
    }
}
