//! URLs: the document's base, lazy-loaded images made real, every link and source absolute,
//! `javascript:` links reduced to their text.

use ego_tree::NodeId;
use scraper::Html;
use url::Url;

use super::attempt::Attempt;
use crate::dom;
use crate::error::Error;
use crate::tunables::{LAZY_IMAGE_SRC, LAZY_IMAGE_SRCSET, PLACEHOLDER_DATA_URL_MAX_LEN, PLACEHOLDER_IMAGE_NAMES};
use crate::urls;

/// The base for relative URLs: the page URL, overridden by `<base href>` (resolved against it).
pub fn base_url(doc: &Html, page: Option<&str>) -> Result<Option<Url>, Error> {
    let page = page
        .map(|p| Url::parse(p).map_err(|_| Error::InvalidUrl(p.to_string())))
        .transpose()?;
    let base_href = doc.tree.nodes().find(|n| dom::is(n, "base")).and_then(|n| dom::attr(&n, "href"));
    let from_base = base_href.and_then(|href| match &page {
        Some(p) => p.join(href.trim()).ok(),
        None => Url::parse(href.trim()).ok(),
    });
    // A <base> pointing at a script or data URL must not redirect links.
    Ok(from_base.filter(|u| matches!(u.scheme(), "http" | "https")).or(page))
}

/// Make lazy images real and every URL absolute.
pub fn images_and_links(found: &mut Attempt, base: Option<&Url>) {
    fix_lazy_images(found);
    let ids: Vec<NodeId> = found.root().descendants().filter(|n| n.value().is_element()).map(|n| n.id()).collect();
    let mut unwrap = Vec::new();
    for id in ids {
        let Some(node) = found.doc.tree.get(id) else { continue };
        let tag = dom::tag(&node).unwrap_or("");
        if tag == "a" {
            if let Some(href) = dom::attr(&node, "href") {
                if urls::is_script(href) {
                    unwrap.push(id);
                    continue;
                }
            }
        }
        let mut updates: Vec<(&'static str, String)> = Vec::new();
        for name in ["href", "src", "poster", "cite"] {
            if let Some(v) = dom::attr(&node, name) {
                if !v.trim_start().starts_with('#') {
                    updates.push((name, absolute(v, base)));
                }
            }
        }
        if let Some(v) = dom::attr(&node, "srcset") {
            updates.push(("srcset", absolute_srcset(v, base)));
        }
        for (name, value) in updates {
            dom::set_attr(&mut found.doc, id, name, &value);
        }
    }
    for id in unwrap {
        dom::unwrap(&mut found.doc, id);
    }
}

/// `url` resolved against `base`. Left as it is when it does not resolve, or when it is
/// dangling markup ([`urls::is_dangling`]: joining would percent-encode it into a harmless
/// looking address that still carries the page's text away): the sanitizer then refuses it.
fn absolute(url: &str, base: Option<&Url>) -> String {
    let url = url.trim();
    match base {
        Some(b) if !url.is_empty() && !url.starts_with("data:") && !urls::is_dangling(url) => {
            b.join(url).map(|u| u.to_string()).unwrap_or_else(|_| url.to_string())
        }
        _ => url.to_string(),
    }
}

fn absolute_srcset(srcset: &str, base: Option<&Url>) -> String {
    srcset
        .split(',')
        .filter_map(|candidate| {
            let mut parts = candidate.split_whitespace();
            let url = parts.next()?;
            let descriptor: Vec<&str> = parts.collect();
            let mut out = absolute(url, base);
            for d in descriptor {
                out.push(' ');
                out.push_str(d);
            }
            Some(out)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// True for a placeholder `src`: empty, a tiny inline GIF/SVG, or a known spacer image.
fn is_placeholder(src: Option<&str>) -> bool {
    let Some(src) = src.map(str::trim) else { return true };
    src.is_empty()
        || (src.starts_with("data:") && src.len() < PLACEHOLDER_DATA_URL_MAX_LEN)
        || PLACEHOLDER_IMAGE_NAMES.iter().any(|p| src.contains(p))
}

/// Lazy-loading attributes become real `src`/`srcset`, as Readability's `_fixLazyImages` does.
fn fix_lazy_images(found: &mut Attempt) {
    let ids: Vec<NodeId> = dom::descendants_named(found.root(), &["img", "source", "picture"]).map(|n| n.id()).collect();
    for id in ids {
        let Some(node) = found.doc.tree.get(id) else { continue };
        let mut sets: Vec<(&str, String)> = Vec::new();
        if is_placeholder(dom::attr(&node, "src")) || dom::attr(&node, "src").is_some_and(|s| s.starts_with("data:")) {
            if let Some(real) = LAZY_IMAGE_SRC.iter().filter_map(|a| dom::attr(&node, a)).find(|v| looks_like_image_url(v)) {
                sets.push(("src", real.to_string()));
            }
        }
        if dom::attr(&node, "srcset").is_none_or(|s| s.trim().is_empty()) {
            if let Some(real) = LAZY_IMAGE_SRCSET.iter().filter_map(|a| dom::attr(&node, a)).find(|v| !v.trim().is_empty()) {
                sets.push(("srcset", real.to_string()));
            }
        }
        for (name, value) in sets {
            dom::set_attr(&mut found.doc, id, name, &value);
        }
    }
}

fn looks_like_image_url(v: &str) -> bool {
    let v = v.trim();
    !v.is_empty() && !urls::is_script(v) && !v.starts_with("data:text") && (v.contains('/') || v.contains('.'))
}
