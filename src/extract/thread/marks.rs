//! What an element of a forum page says about itself: the text it holds (gathered bottom-up
//! once, [`Tally`]), and whether it names a post's author, a time, an avatar or a quote.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::Node;

use crate::dom::{self, NodeRefH};
use crate::extract::hints::has_token;
use crate::metadata::date;
use crate::text::{char_weight, normalize_space};
use crate::tunables::thread::*;

/// Text measures and marks of one element's subtree, gathered bottom-up in one pass.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Tally {
    /// Weighted characters of text, white space aside.
    pub(super) len: usize,
    /// Of which inside links.
    pub(super) linked: usize,
    /// Holds an author mark (see [`is_author_mark`]).
    pub(super) author: bool,
    /// Holds a time mark (see [`is_time_mark`]).
    pub(super) time: bool,
}

impl Tally {
    pub(super) fn prose(&self) -> usize {
        self.len.saturating_sub(self.linked)
    }
}

pub(super) type Tallies = HashMap<NodeId, Tally>;

pub(super) fn tally(root: NodeRefH<'_>) -> Tallies {
    let order: Vec<NodeRefH<'_>> = root.descendants().collect();
    let mut tallies: Tallies = HashMap::with_capacity(order.len());
    for node in order.iter().rev() {
        let mut t = Tally::default();
        match node.value() {
            Node::Text(text) => t.len = text.chars().filter(|c| !c.is_whitespace()).map(char_weight).sum(),
            Node::Element(_) => {
                for child in node.children() {
                    if let Some(c) = tallies.get(&child.id()) {
                        t.len += c.len;
                        t.linked += c.linked;
                        t.author |= c.author;
                        t.time |= c.time;
                    }
                }
                if dom::is(node, "a") {
                    t.linked = t.len;
                }
                t.author = t.author || is_author_mark(node);
                t.time = t.time || is_time_mark(node, t.len);
            }
            _ => {}
        }
        tallies.insert(node.id(), t);
    }
    tallies
}

pub(super) fn has_itemprop(node: &NodeRefH<'_>, props: &[&str]) -> bool {
    dom::attr(node, "itemprop").is_some_and(|v| v.split_whitespace().any(|p| props.contains(&p)))
}

/// `itemprop=author`, `rel=author`, an author-like class or id, a link to a user profile, or
/// the author's avatar.
pub(super) fn is_author_mark(node: &NodeRefH<'_>) -> bool {
    if is_own_header_name(node) {
        return true;
    }
    if has_itemprop(node, &["author", "creator"]) || dom::attr(node, "rel").is_some_and(|r| r.contains("author")) {
        return true;
    }
    let hints = dom::class_and_id(node);
    if AUTHOR_HINTS.iter().any(|h| hints.contains(h)) || has_token(&hints, AUTHOR_TOKENS) || names_avatar(node) {
        return true;
    }
    is_profile_link(node)
}

/// A post header Lucid wrote, or the author's name in one: reading Lucid's own output again (a
/// saved copy) finds the same thread, headers with only a time or only a name included.
pub(super) fn is_own_header_name(node: &NodeRefH<'_>) -> bool {
    is_own_header(node) || (dom::is(node, "strong") && node.parent().is_some_and(|p| is_own_header(&p)))
}

pub(super) fn is_own_header(node: &NodeRefH<'_>) -> bool {
    dom::attr(node, "class").is_some_and(|c| c.split_ascii_whitespace().any(|t| t == POST_HEADER_CLASS))
}

pub(super) fn is_profile_link(node: &NodeRefH<'_>) -> bool {
    dom::is(node, "a")
        && dom::attr(node, "href").is_some_and(|href| {
            // A relative path (`members/cdb.383518/`) starts at a segment too.
            let href = format!("/{}", href.trim_start_matches("./").to_ascii_lowercase());
            PROFILE_PATHS.iter().any(|p| href.contains(p))
        })
}

/// `<time>`, `itemprop=datePublished`, or a short line that reads as a time or is titled with one.
pub(super) fn is_time_mark(node: &NodeRefH<'_>, len: usize) -> bool {
    if dom::is(node, "time") || has_itemprop(node, &["datePublished", "dateCreated"]) || is_own_header(node) {
        return true;
    }
    len <= HEADER_MAX_CHARS
        && ((len > 0 && reads_as_time(&dom::inner_text(*node))) || dom::attr(node, "title").is_some_and(reads_as_time))
}

/// A date (`Jan 2, 2024`, `2024-08-03 14:22`, `2nd April 2025`) or a relative time (`3 hours ago`).
pub(super) fn reads_as_time(text: &str) -> bool {
    if text.is_empty() || text.chars().count() > HEADER_MAX_CHARS {
        return false;
    }
    if date::find(text, None).is_some() {
        return true;
    }
    let lower = text.to_lowercase();
    if RELATIVE_TIME_WORDS.iter().any(|w| contains_word(&lower, w)) {
        return true;
    }
    if has_day_month_year(text) {
        return true;
    }
    // English dates start at a word: "Posted March 19, 2024", "Wed Dec 27, 2023 10:00 am",
    // "2nd April 2025"; "11. Sep 2024" reads without its dot.
    let text = text.replace(". ", " ");
    text.char_indices()
        .filter(|&(i, c)| c.is_alphanumeric() && text[..i].chars().next_back().is_none_or(|p| !p.is_alphanumeric()))
        .any(|(i, _)| date::parse(&text[i..], None).is_some())
}

/// Day, month and a four-digit year last, in either order of day and month: `28/11/2025`,
/// `11-29-2024`, `03.03.2026` (the date reader takes the year first).
pub(super) fn has_day_month_year(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut i = 0;
    while i < bytes.len() {
        let d1 = digits(i);
        if d1 == 0 || (i > 0 && bytes[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let sep = i + d1;
        let ok = (1..=2).contains(&d1)
            && bytes.get(sep).is_some_and(|b| matches!(b, b'/' | b'-' | b'.'))
            && {
                let d2 = digits(sep + 1);
                let sep2 = sep + 1 + d2;
                (1..=2).contains(&d2) && bytes.get(sep2) == bytes.get(sep) && digits(sep2 + 1) == 4
            };
        if ok {
            return true;
        }
        i += d1;
    }
    false
}

/// A date in a user's profile ("Joined: Jun 29, 2016", "Founded: Dec 11, 2021"), not a post's.
pub(super) fn is_profile_date(text: &str) -> bool {
    let lower = text.to_lowercase();
    PROFILE_DATE_LABELS.iter().any(|l| lower.starts_with(l))
}

pub(super) fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// An avatar or inside one: its text is an initial (XenForo's letter avatars), not a name.
pub(super) fn is_avatar(node: &NodeRefH<'_>) -> bool {
    std::iter::once(*node).chain(node.ancestors()).take(AVATAR_DEPTH).any(|n| names_avatar(&n))
}

/// The time an element shows: its text, or its title when it shows none. A time written twice
/// inside it (IPS's `time` holds "April 2, 2024" and "1 yr" side by side) reads as the first.
/// A class or id token naming an avatar, not its absence (phpBB's `dt.no-avatar` holds the name).
pub(super) fn names_avatar(node: &NodeRefH<'_>) -> bool {
    dom::class_and_id(node)
        .split_ascii_whitespace()
        .any(|t| t.contains(AVATAR_HINT) && !NO_AVATAR_PREFIXES.iter().any(|p| t.starts_with(p)))
}

/// A link around an avatar: its text is the initial and a status ("J Offline").
pub(super) fn holds_avatar(node: &NodeRefH<'_>) -> bool {
    node.descendants().skip(1).any(|d| names_avatar(&d))
}

/// A quote: `blockquote`, or a class naming one (`bbCodeBlock--quote`, `ipsQuote`, `quotebox`),
/// not a script hook that only mentions quoting (XenForo's `js-selectToQuote` is on the body).
pub(super) fn is_quote(node: &NodeRefH<'_>) -> bool {
    let named = dom::attr(node, "class").is_some_and(|c| {
        c.split_ascii_whitespace().map(str::to_ascii_lowercase).any(|t| {
            !t.starts_with("js-") && (t.starts_with("quote") || t.ends_with("quote")) && !t.contains("button")
        })
    });
    // A "Quote" button is named so too; a quote holds more than a label.
    dom::is(node, "blockquote") || (named && dom::measure(*node).len > HEADER_MAX_CHARS)
}

/// The longest text node below `node`, in characters, white space collapsed.
pub(super) fn longest_line(node: NodeRefH<'_>) -> usize {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| normalize_space(t).chars().count()))
        .max()
        .unwrap_or(0)
}

/// The longest run of ASCII digits in `s`.
pub(super) fn longest_digit_run(s: &str) -> Option<&str> {
    s.split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty()).max_by_key(|r| r.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_as_forums_write_them() {
        for t in [
            "Jan 2, 2024",
            "February 20, 2026, 4:55pm",
            "2024-08-03 14:22:38",
            "Posted March 19, 2024",
            "Wed Dec 27, 2023 10:00 am",
            "2nd April 2025, 13:59",
            "11-29-2024, 09:03 AM",
            "28/11/2025 at 7:28 pm",
            "9:43pm On Dec 09, 2023",
            "3 hours ago",
            "on Friday January 12, 2024 @12:01PM",
            "11. Sep 2024, 18:36",
            "03/03/2026 19:44",
        ] {
            assert!(reads_as_time(t), "{t}");
        }
        for t in ["Karma: 2,779", "Posts: 3,839", "version 1.85", "Reply", "#2", "1.2.3", "12/345/2024"] {
            assert!(!reads_as_time(t), "{t}");
        }
    }
}
