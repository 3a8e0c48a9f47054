//! Posts: sibling elements sharing a tag and a mark, with an author, a time and prose; the
//! groups that are no thread (layout rows, teasers, wrappers of replies) left out.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use scraper::Html;

use super::marks::{Tally, Tallies, is_profile_link, longest_digit_run};
use crate::dom::{self, NodeRefH};
use crate::tunables::thread::*;

/// What sibling posts share: their tag and one mark.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct Mark {
    pub(super) tag: String,
    /// A class token, `itemprop=…`, `itemtype=…`, `id=…` (a numbered id without its digits:
    /// `post_123456` and `post_123457` share `id=post_`), or empty for an element with none.
    pub(super) token: String,
}

impl Mark {
    /// schema.org says elements with this mark are posts.
    pub(super) fn says_post(&self) -> bool {
        self.token.strip_prefix("itemtype=").is_some_and(|t| POST_ITEM_TYPES.contains(&t))
    }

    /// How many siblings with this mark make a thread: [`MIN_MARKED_POSTS`] when schema.org
    /// says they are posts, their ids number them (`elComment_1065461`: records of a database,
    /// not layout) or Lucid wrote them ([`POST_CLASS`]), else [`MIN_POSTS`].
    pub(super) fn posts_needed(&self) -> usize {
        let marked = self.says_post() || self.token.starts_with("id=") || self.token == POST_CLASS;
        if marked { MIN_MARKED_POSTS } else { MIN_POSTS }
    }
}

pub(super) fn marks(node: &NodeRefH<'_>) -> Vec<Mark> {
    let Some(tag) = dom::tag(node) else { return Vec::new() };
    let mark = |token: String| Mark { tag: tag.to_string(), token };
    let mut out: Vec<Mark> = Vec::new();
    if let Some(class) = dom::attr(node, "class") {
        out.extend(class.split_ascii_whitespace().map(|c| mark(c.to_string())));
    }
    if let Some(props) = dom::attr(node, "itemprop") {
        out.extend(props.split_ascii_whitespace().map(|p| mark(format!("itemprop={p}"))));
    }
    if let Some(kind) = dom::attr(node, "itemtype").and_then(|t| t.rsplit('/').next()).filter(|t| !t.is_empty()) {
        out.push(mark(format!("itemtype={kind}")));
    }
    if let Some(id) = dom::attr(node, "id").filter(|id| longest_digit_run(id).is_some_and(|d| d.len() >= POST_NUMBER_DIGITS)) {
        out.push(mark(format!("id={}", id.chars().filter(|c| !c.is_ascii_digit()).collect::<String>())));
    }
    if out.is_empty() {
        out.push(mark(String::new()));
    }
    out
}

/// Sibling elements sharing a mark, and which of them are posts.
#[derive(Clone, Debug)]
pub(super) struct Group {
    pub(super) mark: Mark,
    /// The siblings' parent; none for posts that are not siblings (a Q&A page's).
    pub(super) parent: Option<NodeId>,
    pub(super) posts: Vec<NodeId>,
    pub(super) prose: usize,
}

/// An element with an author, a time and prose.
pub(super) fn looks_like_post(t: &Tally) -> bool {
    t.author && is_dated_text(t)
}

/// An element with a time and prose: a post, when its siblings name their authors.
pub(super) fn is_dated_text(t: &Tally) -> bool {
    t.time && t.prose() > 0
}

/// Every group of siblings that could be a thread's posts.
pub(super) fn groups(root: NodeRefH<'_>, tallies: &Tallies) -> Vec<Group> {
    let mut out = Vec::new();
    for parent in root.descendants().filter(|n| n.value().is_element()) {
        let mut by_mark: Vec<(Mark, Vec<NodeId>)> = Vec::new();
        let mut index: HashMap<Mark, usize> = HashMap::new();
        for child in dom::element_children(parent) {
            if !tallies.get(&child.id()).is_some_and(is_dated_text) {
                continue;
            }
            for mark in marks(&child) {
                let i = *index.entry(mark.clone()).or_insert_with(|| {
                    by_mark.push((mark, Vec::new()));
                    by_mark.len() - 1
                });
                by_mark[i].1.push(child.id());
            }
        }
        let mut seen: Vec<Vec<NodeId>> = Vec::new();
        for (mark, posts) in by_mark {
            let needed = mark.posts_needed();
            // Most carry their author; a guest's or a deleted account's post may name none.
            // Numbered records need no author mark: their ids say they are posts.
            let signed = posts.iter().filter(|id| tallies[*id].author).count();
            let numbered = mark.token.starts_with("id=") && distinct_numbers(parent, &posts);
            let unsigned = signed < needed || (signed as f32) < posts.len() as f32 * SIGNED_SHARE;
            if posts.len() < needed || (unsigned && !numbered) || seen.contains(&posts) {
                continue;
            }
            seen.push(posts.clone());
            let prose = posts.iter().map(|id| tallies[id].prose()).sum();
            out.push(Group { mark, parent: Some(parent.id()), posts, prose });
        }
    }
    out
}

/// Each of the posts has its own number in its id (`150881924`, `150881958`): records, where
/// a page builder's `section-23-120608` and `section-43-120608` share theirs.
pub(super) fn distinct_numbers(parent: NodeRefH<'_>, posts: &[NodeId]) -> bool {
    let mut numbers: HashSet<&str> = HashSet::new();
    dom::element_children(parent)
        .filter(|c| posts.contains(&c.id()))
        .all(|c| dom::attr(&c, "id").and_then(longest_digit_run).is_some_and(|n| numbers.insert(n)))
}

/// A Q&A page's question and answers as schema.org marks them (`itemtype=Question`, `Answer`):
/// not siblings (the answers have a box of their own, or sit inside the question's element),
/// and a thread even with one answer.
pub(super) fn question_and_answers(body: NodeRefH<'_>, tallies: &Tallies) -> Option<Group> {
    let kind = |n: &NodeRefH<'_>| {
        dom::attr(n, "itemtype").and_then(|t| t.rsplit('/').next()).filter(|t| QA_ITEM_TYPES.contains(t)).map(str::to_string)
    };
    // Stack Exchange's question element wraps the answers too: they are its nested posts.
    let items: Vec<NodeRefH<'_>> = body.descendants().filter(|n| kind(n).is_some()).collect();
    let kinds: HashSet<String> = items.iter().filter_map(kind).collect();
    if kinds.len() < QA_ITEM_TYPES.len() {
        return None;
    }
    let posts: Vec<NodeId> = items.iter().filter(|n| tallies.get(&n.id()).is_some_and(looks_like_post)).map(|n| n.id()).collect();
    let prose = posts.iter().map(|id| tallies[id].prose()).sum();
    Some(Group { mark: Mark { tag: String::new(), token: format!("itemtype={}", QA_ITEM_TYPES[1]) }, parent: None, posts, prose })
}

/// Drop the posts that hold another group holding most of their prose (a layout row around the
/// thread, not a post), then the groups left too small or too full of links.
pub(super) fn qualify(groups: Vec<Group>, doc: &Html, tallies: &Tallies) -> Vec<Group> {
    let mut owner: HashMap<NodeId, Vec<usize>> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        for &p in &g.posts {
            owner.entry(p).or_default().push(i);
        }
    }
    let mut not_posts: HashSet<(usize, NodeId)> = HashSet::new();
    for inner in &groups {
        let Some(first) = inner.posts.first().and_then(|&id| doc.tree.get(id)) else { continue };
        for ancestor in first.ancestors() {
            for &g in owner.get(&ancestor.id()).into_iter().flatten() {
                // Posts schema.org names are posts, whatever they hold (an answer's comments).
                if groups[g].mark.says_post() {
                    continue;
                }
                if groups[g].mark != inner.mark && inner.prose * 2 >= tallies[&ancestor.id()].prose() {
                    not_posts.insert((g, ancestor.id()));
                }
            }
        }
    }
    let wrappers: HashSet<usize> = (0..groups.len()).filter(|&i| wraps_posts(&groups[i], &groups, doc, tallies)).collect();
    groups
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !wrappers.contains(i))
        .filter_map(|(i, mut g)| {
            g.posts.retain(|p| !not_posts.contains(&(i, *p)));
            g.prose = g.posts.iter().map(|id| tallies[id].prose()).sum();
            let (len, linked) = g.posts.iter().fold((0, 0), |(l, k), id| (l + tallies[id].len, k + tallies[id].linked));
            let needed = g.mark.posts_needed();
            let teasers = g.posts.iter().filter_map(|&id| doc.tree.get(id)).filter(|n| is_teaser(*n)).count();
            let ok = g.posts.len() >= needed
                && g.prose >= MIN_THREAD_PROSE
                && (linked as f32) <= len as f32 * MAX_LINK_DENSITY
                && teasers * 2 < g.posts.len();
            ok.then_some(g)
        })
        .collect()
}

/// A teaser for another page (a related article, a search result, an app in a list): a heading
/// whose text is mostly a link away from this page. A post's headings are its own, or link to
/// its author's profile (XenForo's `h4.message-name`) or to the post itself: to an anchor
/// (phpBB's `h3 > a[href="#p123"]`) or to a permalink naming the post's number (Slashdot's
/// subject lines link `comments.pl?cid=64153161` from `li#tree_64153161`).
pub(super) fn is_teaser(node: NodeRefH<'_>) -> bool {
    let number = dom::attr(&node, "id").and_then(longest_digit_run).filter(|d| d.len() >= POST_NUMBER_DIGITS);
    let away = |a: &NodeRefH<'_>| {
        let Some(href) = dom::attr(a, "href") else { return false };
        let itself = href.starts_with('#') || number.is_some_and(|n| href.contains(n));
        !itself && !is_profile_link(a)
    };
    dom::descendants_named(node, &["h1", "h2", "h3", "h4", "h5", "h6"]).any(|h| {
        let heading = dom::measure(h).len;
        // A link in the heading, or the heading in a link (`a > h2`, as card layouts write it).
        let wrapped = h.ancestors().take_while(|a| a.id() != node.id()).any(|a| dom::is(&a, "a") && away(&a));
        wrapped || dom::descendants_named(h, &["a"]).any(|a| away(&a) && heading > 0 && dom::measure(a).len * 2 >= heading)
    })
}

/// A group whose members mostly each wrap one post of a sibling group: the boxes holding the
/// replies to each post (`div.california-nested-message-children-wrapper` beside each
/// `article.js-post`), whose posts the sibling group's thread collects.
pub(super) fn wraps_posts(group: &Group, groups: &[Group], doc: &Html, tallies: &Tallies) -> bool {
    let prose = |id: NodeId| tallies.get(&id).map_or(0, Tally::prose);
    groups.iter().filter(|h| h.parent.is_some() && h.parent == group.parent && h.mark != group.mark).any(|h| {
        let wrapping = group
            .posts
            .iter()
            .filter_map(|&id| doc.tree.get(id))
            .filter(|m| m.descendants().skip(1).any(|d| marks(&d).contains(&h.mark) && prose(d.id()) * 2 >= prose(m.id())))
            .count();
        wrapping * 2 > group.posts.len()
    })
}
