//! The one byline rule: which element of a page is its byline, and how a byline reads once its
//! "By" is gone. Used for the metadata's byline (JSON-LD, `<meta>`) and the one found in the
//! text by the scorer; the metadata's wins, as in Readability.

use crate::dom::{self, NodeRefH};
use crate::tunables::{BYLINE_HINTS, BYLINE_MAX_CHARS};

/// `rel=author`, `itemprop=author` or a byline-like class (Readability's `_isValidByline`
/// element test).
pub fn is_byline_element(node: &NodeRefH<'_>) -> bool {
    if dom::attr(node, "rel") == Some("author") || dom::attr(node, "itemprop").is_some_and(|v| v.contains("author")) {
        return true;
    }
    let hints = dom::class_and_id(node);
    BYLINE_HINTS.iter().any(|w| hints.contains(w))
}

/// The byline a byline element's text gives: `None` when it is empty or too long to be one.
pub fn from_element_text(text: &str) -> Option<String> {
    (text.chars().count() < BYLINE_MAX_CHARS).then(|| clean(text)).flatten()
}

/// White space collapsed, a leading "By"/"by:"/"作者：" removed; `None` when nothing is left.
pub fn clean(byline: &str) -> Option<String> {
    let collapsed = crate::text::normalize_space(byline);
    let trimmed = collapsed.trim();
    let by = trimmed.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by ") || p.eq_ignore_ascii_case("by:"));
    let rest = match trimmed.get(3..) {
        Some(rest) if by => rest,
        _ => trimmed.strip_prefix("作者：").or_else(|| trimmed.strip_prefix("作者:")).unwrap_or(trimmed),
    };
    let rest = rest.trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The article's byline: what the page's metadata says, else what its text says.
pub fn choose(from_metadata: Option<String>, from_text: Option<String>) -> Option<String> {
    from_metadata.or(from_text).filter(|b| !b.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn bylines_lose_their_prefix() {
        assert_eq!(clean("By  Jane\n Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(clean("BY: Joe Wee").as_deref(), Some("Joe Wee"));
        assert_eq!(clean("作者：张三").as_deref(), Some("张三"));
        assert_eq!(clean("Byron Smith").as_deref(), Some("Byron Smith"));
        assert_eq!(clean("é作者").as_deref(), Some("é作者"));
        assert_eq!(clean("by").as_deref(), Some("by"));
        assert_eq!(clean(" \n "), None);
    }
}
