//! What an element's class, id, role and `itemprop` say about it: content (`article`,
//! `articleBody`), clutter (`sidebar`, `comment`, `share`), or nothing.

use crate::dom::{self, Measure, NodeRefH};
use crate::urls;
use crate::tunables::{
    CLASS_WEIGHT, CODE_TAGS, CODE_TEXT_SHARE, MAYBE_CANDIDATE_HINTS, NEGATIVE_HINTS, NEGATIVE_TOKENS, POSITIVE_HINTS, TEASER_MAX_LEN,
    LISTING_MAX_MEAN_LEN, LISTING_MIN_ITEMS, LISTING_TEXT_SHARE, TEASER_MIN_ITEMS, TEASER_TEXT_SHARE,
    UNLIKELY_HINTS, UNLIKELY_ROLES,
};

/// True when `hints` (a lower-cased class and id) contains one of `words` as a substring.
pub fn matches_any(hints: &str, words: &[&str]) -> bool {
    words.iter().any(|w| hints.contains(w))
}

/// True when one of the class/id tokens (split at non-alphanumerics) is one of `tokens`.
pub fn has_token(hints: &str, tokens: &[&str]) -> bool {
    hints.split(|c: char| !c.is_alphanumeric()).any(|t| tokens.contains(&t))
}

/// +25 for a content-like class or id, -25 for a clutter-like one (Readability's `_getClassWeight`).
pub fn class_weight(node: &NodeRefH<'_>) -> f32 {
    // schema.org's articleBody is the page saying where its article is.
    let mut weight = if is_article_body(node) { CLASS_WEIGHT } else { 0.0 };
    for value in [dom::attr(node, "class"), dom::attr(node, "id")].into_iter().flatten() {
        if value.is_empty() {
            continue;
        }
        let value = value.to_lowercase();
        if matches_any(&value, NEGATIVE_HINTS) || has_token(&value, NEGATIVE_TOKENS) {
            weight -= CLASS_WEIGHT;
        }
        if matches_any(&value, POSITIVE_HINTS) {
            weight += CLASS_WEIGHT;
        }
    }
    weight
}

/// `itemprop="articleBody"`.
fn is_article_body(node: &NodeRefH<'_>) -> bool {
    dom::attr(node, "itemprop").is_some_and(|v| v.split_whitespace().any(|p| p == "articleBody"))
}

/// Looks like clutter by its class/id or role, and nothing rescues it.
pub fn is_unlikely(node: &NodeRefH<'_>) -> bool {
    if is_article_body(node) {
        return false;
    }
    if dom::attr(node, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r)) {
        return true;
    }
    let hints = dom::class_and_id(node);
    matches_any(&hints, UNLIKELY_HINTS)
        && !matches_any(&hints, MAYBE_CANDIDATE_HINTS)
        && !dom::has_ancestor(*node, "table")
        && !dom::has_ancestor(*node, "code")
        // Unlike Readability, the page's own <main> and <article> are never judged by class:
        // `<main class="js-social-anchor">` holds the story.
        && !matches!(dom::tag(node), Some("body" | "a" | "main" | "article"))
        && dom::attr(node, "role") != Some("main")
        && !(has_code(node) && is_code(node, &dom::measure(*node)))
}

/// A code element at or below `node`: a walk without reading text, cheaper than measuring.
fn has_code(node: &NodeRefH<'_>) -> bool {
    node.descendants().any(|d| dom::tag(&d).is_some_and(|t| CODE_TAGS.contains(&t)))
}

/// Code, whatever its wrapper is called (`nextra-code`, `extra-code-block`): a `pre`, `code`,
/// `kbd` or `samp`, or a container whose text (`measured`) is mostly in them. On a documentation
/// page the samples are the content, and an inline `code` word is part of its sentence.
pub fn is_code(node: &NodeRefH<'_>, measured: &Measure) -> bool {
    dom::tag(node).is_some_and(|t| CODE_TAGS.contains(&t))
        || (measured.len > 0 && measured.code as f32 >= CODE_TEXT_SHARE * measured.len as f32)
}

/// Class and id hints that say "unlikely", without the rescues [`is_unlikely`] applies to a
/// candidate: what the readerable check skips.
pub fn looks_unlikely(hints: &str) -> bool {
    matches_any(hints, UNLIKELY_HINTS) && !matches_any(hints, MAYBE_CANDIDATE_HINTS)
}

/// An iframe, embed or object that shows a video from a well-known host.
pub fn is_video_embed(node: &NodeRefH<'_>) -> bool {
    matches!(dom::tag(node), Some("iframe" | "embed" | "object"))
        && ["src", "data", "data-src"].iter().find_map(|a| dom::attr(node, a)).is_some_and(urls::points_at_video_host)
}

/// A list of teasers: most of the container's text sits in three or more sibling items of one
/// kind (same tag and first class), each a linked title with at most a short excerpt — related
/// posts, "more stories", a category listing. An article's own paragraphs are no such items.
pub fn is_teaser_list(node: &NodeRefH<'_>) -> bool {
    teaser_items(node, TEASER_MIN_ITEMS).is_some_and(|(share, _)| share >= TEASER_TEXT_SHARE)
}

/// A page that lists other pages instead of being an article: search results, a category or tag
/// page, a forum's index. Its whole text is [`LISTING_MIN_ITEMS`] or more teasers of one kind,
/// short on average ([`LISTING_MAX_MEAN_LEN`]): a listicle's items are long.
pub fn is_listing(node: &NodeRefH<'_>) -> bool {
    teaser_items(node, LISTING_MIN_ITEMS).is_some_and(|(share, mean)| share >= LISTING_TEXT_SHARE && mean <= LISTING_MAX_MEAN_LEN)
}

/// Of the groups of at least `min_items` teaser items of one kind below `node`, the one holding
/// the most text: the share of `node`'s text it holds, and its items' mean length (weighted
/// characters).
fn teaser_items(node: &NodeRefH<'_>, min_items: usize) -> Option<(f32, usize)> {
    // Every child of every element below is measured: one pass, not one walk per child (a
    // deep page made that quadratic: 70% of a fuzzed page's time).
    let measures = dom::Measures::of(*node);
    let total = measures.get(*node).len;
    if total == 0 {
        return None;
    }
    let mut best: Option<(usize, usize)> = None;
    for parent in node.descendants().filter(|n| n.value().is_element()) {
        // (tag, first class) → (teaser items, their text).
        let mut groups: Vec<((Option<&str>, Option<&str>), usize, usize)> = Vec::new();
        for child in dom::element_children(parent) {
            let key = (dom::tag(&child), dom::attr(&child, "class").and_then(|c| c.split_whitespace().next()));
            let len = measures.get(child).len;
            if !is_teaser(&child, len) {
                continue;
            }
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) => {
                    g.1 += 1;
                    g.2 += len;
                }
                None => groups.push((key, 1, len)),
            }
        }
        for (_, items, len) in groups.into_iter().filter(|g| g.1 >= min_items) {
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((items, len));
            }
        }
    }
    let (items, len) = best?;
    Some((len as f32 / total as f32, len / items))
}

/// One teaser: a linked title with at most a short excerpt (`len`, weighted, at most
/// [`TEASER_MAX_LEN`]).
pub fn is_teaser(item: &NodeRefH<'_>, len: usize) -> bool {
    len <= TEASER_MAX_LEN && is_linked_title(item)
}

/// An item that carries a title as a link: a heading holding a link, or a link holding a heading
/// (not a paragraph, whose links are part of its sentences, and not a post or an entry of a
/// directory, which open with a link to a person or a place but have no linked title).
fn is_linked_title(item: &NodeRefH<'_>) -> bool {
    const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
    !dom::is(item, "p")
        && item.descendants().any(|d| {
            dom::tag(&d).is_some_and(|t| HEADINGS.contains(&t))
                && (dom::has_ancestor(d, "a") || dom::count_named(d, "a") > 0)
        })
}
