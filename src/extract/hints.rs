//! What an element's class, id, role and `itemprop` say about it: content (`article`,
//! `articleBody`), clutter (`sidebar`, `comment`, `share`), or nothing.

use crate::dom::{self, NodeRefH};
use crate::urls;
use crate::tunables::{
    CLASS_WEIGHT, MAYBE_CANDIDATE_HINTS, NEGATIVE_HINTS, NEGATIVE_TOKENS, POSITIVE_HINTS, UNLIKELY_HINTS,
    UNLIKELY_ROLES,
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
