//! Forum threads and Q&A pages, read as threads: the opening post and the replies in order, each
//! under a small header with its author and time, without what surrounds a post on the page
//! (avatars, user titles, post counters, signatures, vote and reaction widgets, buttons).
//!
//! Found in the prepared document, before "unlikely" stripping (reply containers are named
//! `replies`, `comments`, `MessageList`), in four steps:
//! 1. **Posts**: sibling elements sharing a tag and a mark (a class token, an `itemprop`, an
//!    `itemtype`, an id pattern like `post_123`), each holding an author (`itemprop=author`, a
//!    `username`-like class, a profile link), a time (`<time>`, `itemprop=datePublished`, a short
//!    line that reads as a date) and prose. Of the groups with [`MIN_POSTS`], the one with the
//!    most prose wins; members that hold another such group (layout rows around the thread) are
//!    no posts.
//! 2. **Replies to replies** (Reddit, Slashdot, Lemmy) are the descendants with the group's mark.
//! 3. **Bodies**: the mark whose elements, leaving the author and time out, hold most of the
//!    posts' prose (`.cooked`, `.bbWrapper`, `.js-post-body`, `itemprop=text`). A Q&A page's
//!    question or a link aggregator's submission, shaped otherwise than the replies, is the
//!    element with that body mark just before them.
//! 4. **Thread or article**: the thread is read when the scorer found nothing, or found one of
//!    its posts; a story above its comments lies outside the thread and stays the article.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::attempt::{Attempt, Rules};
use super::clean;
use super::hints::has_token;
use crate::dom::{self, NodeRefH, Walk};
use crate::metadata::{byline, date};
use crate::options::Options;
use crate::text::{char_weight, normalize_space};
use crate::trace::{Stage, Timer, Trace};
use crate::tunables::{JSONLD_MAX_SCRIPTS, TITLE_HEADING_MIN_CHARS};
use crate::tunables::thread::*;

/// What a page says it is, read before scripts go (JSON-LD lives in them): a discussion when
/// schema.org types it `DiscussionForumPosting` or `QAPage`, in JSON-LD or microdata.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Declared {
    Discussion,
    Nothing,
}

pub fn declared(doc: &Html) -> Declared {
    let says = |t: &str| DISCUSSION_TYPES.contains(&t.rsplit(['/', ':']).next().unwrap_or(t));
    let mut scripts = 0;
    for node in doc.tree.root().descendants() {
        if dom::attr(&node, "itemtype").is_some_and(|t| t.split_whitespace().any(says)) {
            return Declared::Discussion;
        }
        let json_ld = dom::is(&node, "script")
            && dom::attr(&node, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if json_ld && scripts < JSONLD_MAX_SCRIPTS {
            scripts += 1;
            if serde_json::from_str::<serde_json::Value>(&dom::text(node)).is_ok_and(|v| json_types(&v).iter().any(|t| says(t))) {
                return Declared::Discussion;
            }
        }
    }
    Declared::Nothing
}

/// Every `@type` in a JSON-LD value, however nested (`@graph`, `mainEntity`), walked iteratively.
fn json_types(value: &serde_json::Value) -> Vec<&str> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                match map.get("@type") {
                    Some(serde_json::Value::String(t)) => out.push(t.as_str()),
                    Some(serde_json::Value::Array(ts)) => out.extend(ts.iter().filter_map(|t| t.as_str())),
                    _ => {}
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    out
}

/// The page read as a thread when it is one, else the scorer's `article`: the thread wins when
/// the scorer found nothing, or found one of its posts, or the page declares itself a
/// discussion; otherwise a story above its comments lies outside the thread and stays the
/// article. Time is counted as scoring's.
pub fn or_article(
    doc: &Html,
    article: Option<Attempt>,
    declared: Declared,
    options: &Options,
    title: Option<&str>,
    timer: &mut Timer,
) -> Option<Attempt> {
    let chosen = choose(doc, article, declared, options, title);
    timer.lap(Stage::Score);
    chosen
}

fn choose(doc: &Html, article: Option<Attempt>, declared: Declared, options: &Options, title: Option<&str>) -> Option<Attempt> {
    let Some(thread) = find(doc, declared) else { return article };
    // An article the scorer found outside the thread is the page's story, the thread its
    // comments (which stay out), unless the page says it is a discussion.
    let story = article.as_ref().is_some_and(|a| inside_share(doc, &thread, a) < ARTICLE_INSIDE_SHARE);
    if story && declared != Declared::Discussion {
        return article;
    }
    let mut found = build(doc, &thread, options, title);
    clean::article(&mut found);
    Some(found)
}

// ---- What each element holds -------------------------------------------------------------

/// Text measures and marks of one element's subtree, gathered bottom-up in one pass.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    /// Weighted characters of text, white space aside.
    len: usize,
    /// Of which inside links.
    linked: usize,
    /// Holds an author mark (see [`is_author_mark`]).
    author: bool,
    /// Holds a time mark (see [`is_time_mark`]).
    time: bool,
}

impl Tally {
    fn prose(&self) -> usize {
        self.len.saturating_sub(self.linked)
    }
}

type Tallies = HashMap<NodeId, Tally>;

fn tally(root: NodeRefH<'_>) -> Tallies {
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

fn has_itemprop(node: &NodeRefH<'_>, props: &[&str]) -> bool {
    dom::attr(node, "itemprop").is_some_and(|v| v.split_whitespace().any(|p| props.contains(&p)))
}

/// `itemprop=author`, `rel=author`, an author-like class or id, a link to a user profile, or
/// the author's avatar.
fn is_author_mark(node: &NodeRefH<'_>) -> bool {
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
fn is_own_header_name(node: &NodeRefH<'_>) -> bool {
    is_own_header(node) || (dom::is(node, "strong") && node.parent().is_some_and(|p| is_own_header(&p)))
}

fn is_own_header(node: &NodeRefH<'_>) -> bool {
    dom::attr(node, "class").is_some_and(|c| c.split_ascii_whitespace().any(|t| t == POST_HEADER_CLASS))
}

fn is_profile_link(node: &NodeRefH<'_>) -> bool {
    dom::is(node, "a")
        && dom::attr(node, "href").is_some_and(|href| {
            // A relative path (`members/cdb.383518/`) starts at a segment too.
            let href = format!("/{}", href.trim_start_matches("./").to_ascii_lowercase());
            PROFILE_PATHS.iter().any(|p| href.contains(p))
        })
}

/// `<time>`, `itemprop=datePublished`, or a short line that reads as a time or is titled with one.
fn is_time_mark(node: &NodeRefH<'_>, len: usize) -> bool {
    if dom::is(node, "time") || has_itemprop(node, &["datePublished", "dateCreated"]) || is_own_header(node) {
        return true;
    }
    len <= HEADER_MAX_CHARS
        && ((len > 0 && reads_as_time(&dom::inner_text(*node))) || dom::attr(node, "title").is_some_and(reads_as_time))
}

/// A date (`Jan 2, 2024`, `2024-08-03 14:22`, `2nd April 2025`) or a relative time (`3 hours ago`).
fn reads_as_time(text: &str) -> bool {
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
fn has_day_month_year(text: &str) -> bool {
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
fn is_profile_date(text: &str) -> bool {
    let lower = text.to_lowercase();
    PROFILE_DATE_LABELS.iter().any(|l| lower.starts_with(l))
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

// ---- Posts -------------------------------------------------------------------------------

/// What sibling posts share: their tag and one mark.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Mark {
    tag: String,
    /// A class token, `itemprop=…`, `itemtype=…`, `id=…` (a numbered id without its digits:
    /// `post_123456` and `post_123457` share `id=post_`), or empty for an element with none.
    token: String,
}

impl Mark {
    /// schema.org says elements with this mark are posts.
    fn says_post(&self) -> bool {
        self.token.strip_prefix("itemtype=").is_some_and(|t| POST_ITEM_TYPES.contains(&t))
    }

    /// How many siblings with this mark make a thread: [`MIN_MARKED_POSTS`] when schema.org
    /// says they are posts, their ids number them (`elComment_1065461`: records of a database,
    /// not layout) or Lucid wrote them ([`POST_CLASS`]), else [`MIN_POSTS`].
    fn posts_needed(&self) -> usize {
        let marked = self.says_post() || self.token.starts_with("id=") || self.token == POST_CLASS;
        if marked { MIN_MARKED_POSTS } else { MIN_POSTS }
    }
}

fn marks(node: &NodeRefH<'_>) -> Vec<Mark> {
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
struct Group {
    mark: Mark,
    /// The siblings' parent; none for posts that are not siblings (a Q&A page's).
    parent: Option<NodeId>,
    posts: Vec<NodeId>,
    prose: usize,
}

/// An element with an author, a time and prose.
fn looks_like_post(t: &Tally) -> bool {
    t.author && is_dated_text(t)
}

/// An element with a time and prose: a post, when its siblings name their authors.
fn is_dated_text(t: &Tally) -> bool {
    t.time && t.prose() > 0
}

/// Every group of siblings that could be a thread's posts.
fn groups(root: NodeRefH<'_>, tallies: &Tallies) -> Vec<Group> {
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
fn distinct_numbers(parent: NodeRefH<'_>, posts: &[NodeId]) -> bool {
    let mut numbers: HashSet<&str> = HashSet::new();
    dom::element_children(parent)
        .filter(|c| posts.contains(&c.id()))
        .all(|c| dom::attr(&c, "id").and_then(longest_digit_run).is_some_and(|n| numbers.insert(n)))
}

/// A Q&A page's question and answers as schema.org marks them (`itemtype=Question`, `Answer`):
/// not siblings (the answers have a box of their own, or sit inside the question's element),
/// and a thread even with one answer.
fn question_and_answers(body: NodeRefH<'_>, tallies: &Tallies) -> Option<Group> {
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
fn qualify(groups: Vec<Group>, doc: &Html, tallies: &Tallies) -> Vec<Group> {
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
fn is_teaser(node: NodeRefH<'_>) -> bool {
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

/// The longest run of ASCII digits in `s`.
fn longest_digit_run(s: &str) -> Option<&str> {
    s.split(|c: char| !c.is_ascii_digit()).filter(|r| !r.is_empty()).max_by_key(|r| r.len())
}

/// A group whose members mostly each wrap one post of a sibling group: the boxes holding the
/// replies to each post (`div.california-nested-message-children-wrapper` beside each
/// `article.js-post`), whose posts the sibling group's thread collects.
fn wraps_posts(group: &Group, groups: &[Group], doc: &Html, tallies: &Tallies) -> bool {
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

// ---- The thread --------------------------------------------------------------------------

/// One post as the reader shows it.
#[derive(Clone, Debug)]
struct Post {
    node: NodeId,
    author: Option<String>,
    time: Option<When>,
    /// The elements the author and the time were read from.
    header_from: Vec<NodeId>,
    /// The elements holding what the author wrote, in order.
    body: Vec<NodeId>,
}

#[derive(Clone, Debug)]
struct When {
    text: String,
    datetime: Option<String>,
}

#[derive(Clone, Debug)]
struct Thread {
    posts: Vec<Post>,
    /// Lines the page prints around many posts ([`template_lines`]).
    template: HashSet<String>,
}

fn find(doc: &Html, declared: Declared) -> Option<Thread> {
    let body = doc.tree.root().descendants().find(|n| dom::is(n, "body")).unwrap_or(doc.tree.root());
    let tallies = tally(body);
    let mut candidates = groups(body, &tallies);
    candidates.extend(question_and_answers(body, &tallies));
    let groups = qualify(candidates, doc, &tallies);
    // The most prose; the first in document order among equals.
    let best = groups.into_iter().fold(None, |best: Option<Group>, g| match best {
        Some(b) if b.prose >= g.prose => Some(b),
        _ => Some(g),
    })?;
    read(doc, body, &tallies, &best, declared)
}

/// The group's posts with their replies, headers and bodies; the opening post first when it is
/// shaped otherwise.
fn read(doc: &Html, body: NodeRefH<'_>, tallies: &Tallies, group: &Group, declared: Declared) -> Option<Thread> {
    let top: HashSet<NodeId> = group.posts.iter().copied().collect();
    // Replies nested in a post carry a mark every post of the group has (`li.comment.full` and
    // a collapsed `li.comment.oneline` share `comment`).
    let mut shared: Vec<Mark> = group.posts.first().and_then(|&id| doc.tree.get(id)).map(|n| marks(&n)).unwrap_or_default();
    shared.retain(|m| !m.token.is_empty());
    for &id in &group.posts[1..] {
        let Some(n) = doc.tree.get(id) else { continue };
        let own = marks(&n);
        shared.retain(|m| own.contains(m));
    }
    // Replies sit in the posts or beside them, in the posts' parent.
    let region = group.parent.and_then(|p| doc.tree.get(p)).unwrap_or(body);
    let nodes: Vec<NodeId> = region
        .descendants()
        .filter(|n| {
            top.contains(&n.id())
                || (n.value().is_element()
                    && tallies.get(&n.id()).is_some_and(is_dated_text)
                    && marks(n).iter().any(|m| shared.contains(m)))
        })
        .map(|n| n.id())
        .collect();
    let all: HashSet<NodeId> = nodes.iter().copied().collect();
    let mut posts: Vec<Post> = nodes.iter().filter_map(|&id| header(doc, id, &all, tallies)).collect();
    // A page that says it is a discussion has its opening post somewhere: it may carry any
    // mark close to the replies' body mark (a Drupal forum's `field` beside its comments').
    let tie = if declared == Declared::Discussion { DECLARED_MARK_TIE } else { BODY_MARK_TIE };
    let template = template_lines(doc, &posts, &all);
    let body_marks = body_marks(doc, &posts, &all, tie, &template);
    for post in &mut posts {
        post.body = body_of(doc, post, &all, body_marks.first());
    }
    if let Some(first) = opening_post(doc, body, &posts, &all, &body_marks, tallies) {
        posts.insert(0, first);
    }
    posts.retain(|p| !p.body.is_empty());
    (posts.len() >= MIN_MARKED_POSTS).then_some(Thread { posts, template })
}

/// The elements of a post that may hold its header: its own, outside quotes (a quote names the
/// author it quotes) and outside anything schema.org calls a post of its own (a nested reply, a
/// comment on an answer) holding less than half the post's prose (more is the post's own item,
/// as XenForo wraps `div.MessageCard[itemtype=Comment]` in its `article.js-post`).
fn header_nodes<'a>(post: NodeRefH<'a>, posts: &HashSet<NodeId>, tallies: &Tallies) -> Vec<NodeRefH<'a>> {
    let prose = |n: &NodeRefH<'_>| tallies.get(&n.id()).map_or(0, Tally::prose);
    let post_prose = prose(&post);
    let mut out = Vec::new();
    let mut walk = Walk::new(post);
    while let Some(edge) = walk.next() {
        let Edge::Open(n) = edge else { continue };
        if n.id() == post.id() {
            continue;
        }
        let marked_post = marks(&n).iter().any(Mark::says_post) && prose(&n) * 2 < post_prose;
        if posts.contains(&n.id()) || marked_post || dom::is(&n, "blockquote") {
            walk.skip_subtree();
        } else if n.value().is_element() {
            out.push(n);
        }
    }
    out
}

/// The post's author and time.
fn header(doc: &Html, id: NodeId, posts: &HashSet<NodeId>, tallies: &Tallies) -> Option<Post> {
    let node = doc.tree.get(id)?;
    let own = header_nodes(node, posts, tallies);
    // The page's own `itemprop=author` first: Stack Exchange marks the owner's card, not the editor's.
    let author = own
        .iter()
        .filter(|n| has_itemprop(n, &["author", "creator"]))
        .chain(own.iter().filter(|n| is_author_mark(n)))
        .filter(|n| !is_avatar(n))
        .find_map(|n| author_name(*n))
        .or_else(|| name_near_avatar(&own, id));
    let stamped = |n: &&NodeRefH<'_>| dom::is(n, "time") || has_itemprop(n, &["datePublished", "dateCreated"]);
    let shown = |n: &&NodeRefH<'_>| dom::measure(**n).len > 0;
    // What the page shows first: a `<time>`, else the innermost line that reads as a time
    // ("Posted March 19, 2024", not its whole row; not the date the author joined); only then
    // a time kept in a title ("2y" titled "August 14, 2023 - 12:00am", a hidden `timeago`).
    let time = own
        .iter()
        .filter(stamped)
        .filter(shown)
        .find_map(|n| when(*n))
        .or_else(|| {
            own.iter()
                .filter(|n| {
                    let text = dom::inner_text(**n);
                    reads_as_time(&text)
                        && !dom::element_children(**n).any(|c| reads_as_time(&dom::inner_text(c)))
                        && !is_profile_date(&text)
                })
                .find_map(|n| when(*n))
        })
        .or_else(|| {
            // A line of its own beside other text: MyBB's `span.post_date` holds the date and a
            // "(This post was last modified …)" note.
            own.iter().find_map(|n| {
                let text = n.children().filter_map(|c| c.value().as_text().map(|t| normalize_space(t))).find(|t| reads_as_time(t))?;
                let text = text.trim_end_matches(['(', ',', ' ']).to_string();
                Some((When { text, datetime: None }, n.id()))
            })
        })
        .or_else(|| own.iter().filter(stamped).find_map(|n| when(*n)))
        .or_else(|| {
            own.iter().find_map(|n| {
                let title = dom::attr(n, "title").map(normalize_space)?;
                (reads_as_time(&title) && dom::measure(*n).len <= HEADER_MAX_CHARS)
                    .then(|| (When { text: title, datetime: dom::attr(n, "datetime").map(str::to_string) }, n.id()))
            })
        });
    let author = author.or_else(|| time.as_ref().and_then(|(_, at)| name_beside_time(doc, *at)));
    // A byline line gives the time after the name: "by Minoa » Tue Aug 27, 2019 5:58 am".
    let time = time.map(|(mut when, at)| {
        if let Some((name, _)) = &author {
            if let Some(i) = when.text.find(name.as_str()) {
                let rest = when.text[i + name.len()..].trim_start_matches(|c: char| c.is_whitespace() || NAME_SEPARATORS.contains(&c) || c == '»');
                if reads_as_time(rest) {
                    when.text = rest.to_string();
                }
            }
        }
        (when, at)
    });
    let mut header_from: Vec<NodeId> = author.iter().map(|(_, id)| *id).chain(time.iter().map(|(_, id)| *id)).collect();
    // The same time again elsewhere in the post ("Posted October 29, 2025" beside the user pane
    // that also gives it) is header too, not the post's text.
    if let Some((when, _)) = &time {
        let again: Vec<NodeId> = own
            .iter()
            .filter(|n| !header_from.contains(&n.id()))
            .filter(|n| dom::measure(**n).len <= HEADER_MAX_CHARS && dom::inner_text(**n).contains(&when.text))
            .map(|n| n.id())
            .collect();
        header_from.extend(again);
    }
    // "by Alison Plaut" reads as a byline does.
    let author = author.map(|(a, _)| byline::clean(&a).unwrap_or(a));
    Some(Post { node: id, author, time: time.map(|(t, _)| t), header_from, body: Vec::new() })
}

/// Without any other mark, the author's name is the first short line of the pane around their
/// avatar (or, without one, around their "Registered: …" line): the largest block around it
/// made only of short lines (FluxBB's `div.postleft`: the name, the user title, the avatar,
/// "Registered: …"; a page whose class names say nothing, as styled components write them,
/// beside the picture), leaving out times and labelled lines.
fn name_near_avatar(own: &[NodeRefH<'_>], post: NodeId) -> Option<(String, NodeId)> {
    // Without an avatar, the pane is known by its "Registered: …" line.
    let avatar = own.iter().find(|n| names_avatar(n)).or_else(|| {
        own.iter().find(|n| dom::measure(**n).len <= HEADER_MAX_CHARS && is_profile_date(&dom::inner_text(**n)))
    })?;
    let mut pane = *avatar;
    while let Some(parent) = pane.parent() {
        if parent.id() == post || !parent.value().is_element() || longest_line(parent) > HEADER_MAX_CHARS {
            break;
        }
        pane = parent;
    }
    pane.descendants()
        .filter(|n| !n.ancestors().any(|a| a.id() == avatar.id()) && n.id() != avatar.id())
        .find_map(|n| {
            let line = normalize_space(n.value().as_text()?);
            let plain = !line.is_empty()
                && line.chars().count() <= HEADER_MAX_CHARS
                && !reads_as_time(&line)
                && !line.contains(':')
                && line.chars().any(char::is_alphabetic);
            plain.then(|| (line, n.parent().map_or(n.id(), |p| p.id())))
        })
}

/// Without any mark at all, the author's name is the line the time sits in: Mumsnet writes
/// `<div>FolioQuarto · <span>03/03/2026 19:53</span></div>`.
fn name_beside_time(doc: &Html, time: NodeId) -> Option<(String, NodeId)> {
    let line = doc.tree.get(time)?.parent()?;
    let own: String = line.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
    let name = normalize_space(own.trim_matches(|c: char| c.is_whitespace() || NAME_SEPARATORS.contains(&c)));
    let plain = !name.is_empty()
        && name.chars().count() <= HEADER_MAX_CHARS
        && name.chars().any(char::is_alphabetic)
        && !reads_as_time(&name)
        && !NOT_NAMES.iter().any(|l| name.eq_ignore_ascii_case(l));
    plain.then(|| (name, line.id()))
}

/// The author's name an author mark gives: its `itemprop=name`, else its profile link's or
/// name-like element's text, else its own short text.
fn author_name(node: NodeRefH<'_>) -> Option<(String, NodeId)> {
    let short = |n: NodeRefH<'_>| {
        let text = dom::inner_text(n);
        let label = NOT_NAMES.iter().any(|l| text.eq_ignore_ascii_case(l));
        (!text.is_empty() && text.chars().count() <= HEADER_MAX_CHARS && !reads_as_time(&text) && !label)
            .then_some((text, n.id()))
    };
    if is_own_header(&node) {
        return dom::element_children(node).find(|c| dom::is(c, "strong")).and_then(short);
    }
    let named = |n: &NodeRefH<'_>| AUTHOR_HINTS.iter().any(|h| dom::class_and_id(n).contains(h));
    node.descendants()
        .filter(|n| has_itemprop(n, &["name"]) && !is_avatar(n))
        .find_map(short)
        .or_else(|| node.descendants().filter(|n| is_profile_link(n) && !is_avatar(n) && !holds_avatar(n)).find_map(short))
        .or_else(|| {
            // The innermost name-like element: IPS's `cAuthorPane_content` also holds the date.
            node.descendants()
                .filter(|n| n.id() != node.id() && named(n) && !is_avatar(n))
                .filter(|n| !n.descendants().skip(1).any(|d| named(&d)))
                .find_map(short)
        })
        .or_else(|| short(node))
}

/// An avatar or inside one: its text is an initial (XenForo's letter avatars), not a name.
fn is_avatar(node: &NodeRefH<'_>) -> bool {
    std::iter::once(*node).chain(node.ancestors()).take(AVATAR_DEPTH).any(|n| names_avatar(&n))
}

/// The time an element shows: its text, or its title when it shows none. A time written twice
/// inside it (IPS's `time` holds "April 2, 2024" and "1 yr" side by side) reads as the first.
/// A class or id token naming an avatar, not its absence (phpBB's `dt.no-avatar` holds the name).
fn names_avatar(node: &NodeRefH<'_>) -> bool {
    dom::class_and_id(node)
        .split_ascii_whitespace()
        .any(|t| t.contains(AVATAR_HINT) && !NO_AVATAR_PREFIXES.iter().any(|p| t.starts_with(p)))
}

/// A link around an avatar: its text is the initial and a status ("J Offline").
fn holds_avatar(node: &NodeRefH<'_>) -> bool {
    node.descendants().skip(1).any(|d| names_avatar(&d))
}

fn when(node: NodeRefH<'_>) -> Option<(When, NodeId)> {
    let shown = dom::element_children(node).find(|c| reads_as_time(&dom::inner_text(*c)));
    let text = shown.map_or_else(|| dom::inner_text(node), |c| dom::inner_text(c));
    let text = if text.is_empty() { dom::attr(&node, "title").map(normalize_space).unwrap_or_default() } else { text };
    if text.is_empty() || text.chars().count() > HEADER_MAX_CHARS {
        return None;
    }
    let datetime = dom::attr(&node, "datetime").map(str::to_string);
    Some((When { text, datetime }, node.id()))
}

/// The elements the post's header was read from, with their ancestors inside the post: none
/// of them can be the post's body.
fn header_holders(doc: &Html, post: &Post) -> HashSet<NodeId> {
    let mut out: HashSet<NodeId> = HashSet::from([post.node]);
    for n in post.header_from.iter().filter_map(|&id| doc.tree.get(id)) {
        out.insert(n.id());
        out.extend(n.ancestors().take_while(|a| a.id() != post.node).map(|a| a.id()));
    }
    out
}

/// The marks of the posts' bodies: those whose outermost elements, leaving out the header and
/// any nested reply, hold the largest share of what each post's author wrote (its prose less
/// the page's template lines, see [`template_lines`]), on average, in the order first seen (the
/// outer of two wrappers holding the same text first). Empty when none holds
/// [`BODY_MIN_COVERAGE`].
fn body_marks(doc: &Html, posts: &[Post], all: &HashSet<NodeId>, tie: f32, template: &HashSet<String>) -> Vec<Mark> {
    // Marks in the order the walk first meets them, which breaks ties: never a map's order.
    let mut order: Vec<Mark> = Vec::new();
    let mut total: HashMap<Mark, f32> = HashMap::new();
    for post in posts {
        let Some(node) = doc.tree.get(post.node) else { continue };
        let holders = header_holders(doc, post);
        let prose = written_prose(node, all, template);
        // Ancestors of nested replies: a body never holds a reply.
        let mut hold_replies: HashSet<NodeId> = HashSet::new();
        let own_prose = prose.get(&post.node).copied().unwrap_or(0);
        let mut covered: HashMap<Mark, usize> = HashMap::new();
        // Marks of the counted elements open around the walk's position.
        let mut open: HashMap<Mark, usize> = HashMap::new();
        let mut stack: Vec<(NodeId, Vec<Mark>)> = Vec::new();
        for reply in node.descendants().skip(1).filter(|n| all.contains(&n.id())) {
            hold_replies.extend(reply.ancestors().take_while(|a| a.id() != post.node).map(|a| a.id()));
        }
        let mut walk = Walk::new(node);
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(n) if n.id() != post.node && all.contains(&n.id()) => walk.skip_subtree(),
                Edge::Open(n) if n.value().is_element() => {
                    let countable = !holders.contains(&n.id()) && !hold_replies.contains(&n.id());
                    let pushed: Vec<Mark> = if countable {
                        marks(&n).into_iter().filter(|m| !m.token.is_empty()).collect()
                    } else {
                        Vec::new()
                    };
                    for mark in &pushed {
                        let depth = open.entry(mark.clone()).or_default();
                        if *depth == 0 {
                            *covered.entry(mark.clone()).or_default() += prose.get(&n.id()).copied().unwrap_or(0);
                            if !total.contains_key(mark) {
                                total.insert(mark.clone(), 0.0);
                                order.push(mark.clone());
                            }
                        }
                        *depth += 1;
                    }
                    stack.push((n.id(), pushed));
                }
                Edge::Close(n) if stack.last().is_some_and(|(id, _)| *id == n.id()) => {
                    if let Some((_, pushed)) = stack.pop() {
                        for mark in pushed {
                            if let Some(depth) = open.get_mut(&mark) {
                                *depth -= 1;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        if own_prose == 0 {
            continue;
        }
        for (mark, prose) in covered {
            if let Some(t) = total.get_mut(&mark) {
                *t += prose.min(own_prose) as f32 / own_prose as f32;
            }
        }
    }
    let n = posts.len().max(1) as f32;
    let best = order.iter().map(|m| total[m] / n).fold(0.0f32, f32::max);
    if best < BODY_MIN_COVERAGE {
        return Vec::new();
    }
    order.into_iter().filter(|m| total[m] / n >= best - tie).collect()
}

/// Lines the page prints in many posts ("Joined", "Messages", "Reaction score", "Reply",
/// "Quote"): the template around what the authors wrote, found in at least half the posts.
fn template_lines(doc: &Html, posts: &[Post], all: &HashSet<NodeId>) -> HashSet<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for post in posts {
        let Some(node) = doc.tree.get(post.node) else { continue };
        let mut lines: HashSet<String> = HashSet::new();
        let mut walk = Walk::new(node);
        while let Some(edge) = walk.next() {
            match edge {
                // A quote repeats its post's lines: they are not the page's template.
                Edge::Open(n) if n.id() != post.node && (all.contains(&n.id()) || is_quote(&n)) => walk.skip_subtree(),
                Edge::Open(n) => {
                    if let Some(t) = n.value().as_text() {
                        let line = normalize_space(t);
                        if !line.is_empty() {
                            lines.insert(line);
                        }
                    }
                }
                Edge::Close(_) => {}
            }
        }
        for line in lines {
            *seen.entry(line).or_default() += 1;
        }
    }
    let needed = (posts.len() / 2).max(2);
    seen.into_iter().filter(|(_, n)| *n >= needed).map(|(line, _)| line).collect()
}

/// Weighted prose (text outside links, white space aside) below each element of a post, less
/// the template lines and the post's nested replies.
fn written_prose(post: NodeRefH<'_>, all: &HashSet<NodeId>, template: &HashSet<String>) -> HashMap<NodeId, usize> {
    let mut order: Vec<NodeRefH<'_>> = Vec::new();
    let mut walk = Walk::new(post);
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(n) if n.id() != post.id() && all.contains(&n.id()) => walk.skip_subtree(),
            Edge::Open(n) => order.push(n),
            Edge::Close(_) => {}
        }
    }
    let mut prose: HashMap<NodeId, usize> = HashMap::with_capacity(order.len());
    for n in order.iter().rev() {
        let own = match n.value() {
            Node::Text(t) if !template.contains(&normalize_space(t)) => {
                t.chars().filter(|c| !c.is_whitespace()).map(char_weight).sum()
            }
            Node::Element(_) if dom::is(n, "a") => 0,
            Node::Element(_) => n.children().filter_map(|c| prose.get(&c.id())).sum(),
            _ => 0,
        };
        prose.insert(n.id(), own);
    }
    prose
}

/// The post's body: its outermost own elements with the body mark; without one, the post
/// itself less its header's blocks (cut when the thread is built).
fn body_of(doc: &Html, post: &Post, all: &HashSet<NodeId>, mark: Option<&Mark>) -> Vec<NodeId> {
    let Some(node) = doc.tree.get(post.node) else { return Vec::new() };
    if let Some(mark) = mark {
        let holders = header_holders(doc, post);
        let picked: Vec<NodeId> = dom::pick_outermost(node, |n| {
            n.id() != post.node && !holders.contains(&n.id()) && !all.contains(&n.id()) && marks(n).contains(mark)
        })
        .into_iter()
        .filter(|n| !n.ancestors().take_while(|a| a.id() != post.node).any(|a| all.contains(&a.id())))
        .map(|n| n.id())
        .collect();
        if !picked.is_empty() {
            return picked;
        }
    }
    vec![post.node]
}

/// The opening post shaped otherwise than the replies (a Q&A page's question, a link
/// aggregator's submission, a forum's first post in a box of its own): the last element with a
/// body mark before the first reply, outside every post, up to its highest ancestor that does
/// not reach the replies. The same body markup is what tells it from a story above its
/// comments: a forum writes every post's text the same way, a news page its story otherwise.
fn opening_post(
    doc: &Html,
    body: NodeRefH<'_>,
    posts: &[Post],
    all: &HashSet<NodeId>,
    body_marks: &[Mark],
    tallies: &Tallies,
) -> Option<Post> {
    let first = posts.first()?.node;
    let mut candidates: Vec<NodeId> = Vec::new();
    let mut walk = Walk::new(body);
    while let Some(edge) = walk.next() {
        let Edge::Open(n) = edge else { continue };
        if n.id() == first {
            break;
        }
        if marks(&n).iter().any(|m| body_marks.contains(m)) && n.descendants().all(|d| !all.contains(&d.id())) {
            candidates.push(n.id());
            walk.skip_subtree();
        }
    }
    // Of the texts so written before the replies, the one with the most prose that has an
    // author (a tag list or a sidebar in the same markup has none, or less to say).
    candidates
        .into_iter()
        .filter_map(|id| opening_post_at(doc, body, id, all, tallies))
        .fold(None, |best: Option<(usize, Post)>, post| {
            let prose = post.body.iter().filter_map(|&b| tallies.get(&b)).map(Tally::prose).sum();
            match best {
                Some((p, b)) if p >= prose => Some((p, b)),
                _ => Some((prose, post)),
            }
        })
        .map(|(_, post)| post)
}

/// The opening post whose text is `id`: its post element is its highest ancestor that does not
/// reach the replies, its header the author and time found there; `None` without an author.
fn opening_post_at(doc: &Html, body: NodeRefH<'_>, id: NodeId, all: &HashSet<NodeId>, tallies: &Tallies) -> Option<Post> {
    let body_node = doc.tree.get(id)?;
    let reaches = |n: &NodeRefH<'_>| n.descendants().any(|d| all.contains(&d.id()));
    let mut top = body_node;
    while let Some(parent) = top.parent() {
        if !parent.value().is_element() || parent.id() == body.id() || reaches(&parent) {
            break;
        }
        top = parent;
    }
    if top.id() == body_node.id() {
        // The text sits right in the replies' box (Warrior Forum's `div#main-post` beside
        // `section#comments`): its author and time are the nearest ones before it.
        return header_before(body, body_node, all).map(|(author, time, header_from)| Post {
            node: body_node.id(),
            author,
            time,
            header_from,
            body: vec![body_node.id()],
        });
    }
    // A post has its author: a sidebar written in the same markup (Reddit's subreddit rules
    // in `div.side`) has at most a date.
    let mut post = header(doc, top.id(), all, tallies)?;
    if post.author.is_none() {
        return None;
    }
    post.body = vec![body_node.id()];
    Some(post)
}

/// The nearest author and time before `node` in the page, within [`OP_HEADER_LOOKBACK`]
/// elements: both, or nothing.
fn header_before(body: NodeRefH<'_>, node: NodeRefH<'_>, posts: &HashSet<NodeId>) -> Option<(Option<String>, Option<When>, Vec<NodeId>)> {
    let before: Vec<NodeRefH<'_>> =
        body.descendants().take_while(|n| n.id() != node.id()).filter(|n| n.value().is_element() && !posts.contains(&n.id())).collect();
    let window = &before[before.len().saturating_sub(OP_HEADER_LOOKBACK)..];
    // A profile link first: the box around the text names many things "author" (its reply count).
    let author = window
        .iter()
        .rev()
        .filter(|n| is_profile_link(n) && !is_avatar(n) && !holds_avatar(n))
        .chain(window.iter().rev().filter(|n| is_author_mark(n) && !is_avatar(n)))
        .find_map(|n| author_name(*n))?;
    let time = window
        .iter()
        .rev()
        .filter(|n| dom::is(n, "time") || reads_as_time(&dom::inner_text(**n)))
        .filter(|n| !dom::element_children(**n).any(|c| reads_as_time(&dom::inner_text(c))))
        .find_map(|n| when(*n))?;
    let author_name = byline::clean(&author.0).unwrap_or(author.0);
    Some((Some(author_name), Some(time.0), vec![author.1, time.1]))
}

// ---- Thread or article ---------------------------------------------------------------------

/// Share of the article's text that the thread shows too.
fn inside_share(doc: &Html, thread: &Thread, article: &Attempt) -> f32 {
    // What the thread shows: the posts' bodies and header lines, not what else an opening post's
    // element holds (a story whose excerpt matched the replies' body mark).
    let mut in_posts: HashSet<NodeId> = HashSet::new();
    for post in &thread.posts {
        for &id in post.body.iter().chain(&post.header_from) {
            if let Some(n) = doc.tree.get(id) {
                in_posts.extend(n.descendants().map(|d| d.id()));
            }
        }
    }
    let (mut inside, mut all) = (0usize, 0usize);
    for n in article.root().descendants() {
        if let Node::Text(t) = n.value() {
            let len: usize = t.chars().filter(|c| !c.is_whitespace()).map(char_weight).sum();
            all += len;
            if in_posts.contains(&n.id()) {
                inside += len;
            }
        }
    }
    if all == 0 { 1.0 } else { inside as f32 / all as f32 }
}

// ---- Building the article ------------------------------------------------------------------

/// The thread as an article: one `<article class="lucid-post">` per post, in order, each a
/// `<header class="lucid-post-header">` (author in `<strong>`, then `<time>`) and the body.
fn build(doc: &Html, thread: &Thread, options: &Options, title: Option<&str>) -> Attempt {
    let mut doc = doc.clone();
    let mut trace = Trace::new(options.trace);
    let root = dom::new_element(&mut doc, "div");
    let mut built: Vec<NodeId> = Vec::new();
    // Last post first: a reply nested in a post leaves it before the post's own body moves.
    for post in thread.posts.iter().rev() {
        let article = dom::new_element(&mut doc, "article");
        dom::set_attr(&mut doc, article, "class", POST_CLASS);
        let header = post_header(&mut doc, post);
        append(&mut doc, article, header);
        let whole = post.body == [post.node];
        if whole {
            cut_header_blocks(&mut doc, post, &mut trace);
        } else if let Some(node) = doc.tree.get(post.node) {
            let body: HashSet<NodeId> = post.body.iter().copied().collect();
            for n in dom::pick_outermost(node, |n| {
                n.id() != post.node && n.value().is_element() && !body.contains(&n.id()) && !n.descendants().any(|d| body.contains(&d.id()))
            }) {
                if dom::measure(n).len > 0 {
                    trace.removed(Stage::Score, &n, "around a post: author box, counters, signature or buttons");
                }
            }
        }
        for &b in &post.body {
            let target = if whole { children_in_div(&mut doc, b) } else { b };
            append(&mut doc, article, target);
        }
        remove_chrome(&mut doc, article, &mut trace);
        remove_comments_on_post(&mut doc, article, &mut trace);
        if let Some(title) = title {
            remove_subject_lines(&mut doc, article, title, &mut trace);
        }
        dom::remove(&mut doc, post.node);
        built.push(article);
    }
    built.reverse();
    remove_repeated_quotes(&mut doc, &built, &mut trace);
    for &article in &built {
        remove_template_blocks(&mut doc, article, &thread.template, &mut trace);
    }
    for article in built {
        append(&mut doc, root, article);
    }
    let byline = thread.posts.first().and_then(|p| p.author.clone());
    Attempt { doc, root, byline, rules: Rules { strip_unlikely: false, weight_classes: false, clean_conditionally: false }, trace }
}

fn append(doc: &mut Html, parent: NodeId, child: NodeId) {
    if let Some(mut p) = doc.tree.get_mut(parent) {
        p.append_id(child);
    }
}

/// A post kept whole moves in as a `<div>` holding its children: its own tag (`li`, `tr`) may
/// not stand in an article.
fn children_in_div(doc: &mut Html, post: NodeId) -> NodeId {
    let div = dom::new_element(doc, "div");
    let children: Vec<NodeId> = doc.tree.get(post).map(|n| n.children().map(|c| c.id()).collect()).unwrap_or_default();
    for c in children {
        append(doc, div, c);
    }
    div
}

fn post_header(doc: &mut Html, post: &Post) -> NodeId {
    let header = dom::new_element(doc, "header");
    dom::set_attr(doc, header, "class", POST_HEADER_CLASS);
    if let Some(name) = &post.author {
        let strong = dom::new_element(doc, "strong");
        let text = doc.tree.orphan(Node::Text(scraper::node::Text { text: name.as_str().into() })).id();
        append(doc, strong, text);
        append(doc, header, strong);
    }
    if let Some(when) = &post.time {
        if post.author.is_some() {
            let space = doc.tree.orphan(Node::Text(scraper::node::Text { text: " ".into() })).id();
            append(doc, header, space);
        }
        let time = dom::new_element(doc, "time");
        if let Some(dt) = &when.datetime {
            dom::set_attr(doc, time, "datetime", dt);
        }
        let text = doc.tree.orphan(Node::Text(scraper::node::Text { text: when.text.as_str().into() })).id();
        append(doc, time, text);
        append(doc, header, time);
    }
    header
}

/// In a post kept whole, the blocks holding its author and time go: the header shows them.
/// Each is the largest block around the header element made only of short lines (the user pane
/// with its title and counters, the date line), stopping below any block holding a line of
/// prose: the post's text.
fn cut_header_blocks(doc: &mut Html, post: &Post, trace: &mut Trace) {
    let mut cut: Vec<NodeId> = Vec::new();
    for &from in &post.header_from {
        let Some(mut block) = doc.tree.get(from) else { continue };
        while let Some(parent) = block.parent() {
            if parent.id() == post.node || !parent.value().is_element() || longest_line(parent) > HEADER_MAX_CHARS {
                break;
            }
            block = parent;
        }
        if block.id() != post.node && !cut.contains(&block.id()) {
            trace.removed(Stage::Score, &block, "a post's author and time, shown in its header");
            cut.push(block.id());
        }
    }
    for id in cut {
        dom::remove(doc, id);
    }
}

/// The longest text node below `node`, in characters, white space collapsed.
fn longest_line(node: NodeRefH<'_>) -> usize {
    node.descendants()
        .filter_map(|n| n.value().as_text().map(|t| normalize_space(t).chars().count()))
        .max()
        .unwrap_or(0)
}

/// Quotes of an earlier post of the thread, and body blocks repeating one (NodeBB heads a reply
/// with its parent's text): the reader has just read that post, in full, above. Each is known
/// by its lines (of its own, outside quotes, for a block), most of whose text is found again in
/// earlier posts ([`REPEATED_SHARE`]); a quote of a post on another page of the thread stays.
fn remove_repeated_quotes(doc: &mut Html, posts: &[NodeId], trace: &mut Trace) {
    // Lines of earlier posts, each with how many posts wrote it; only a line one post wrote is
    // evidence of quoting ("Reply", "Quote" and an author's signature line are in many).
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for &post in posts {
        let Some(node) = doc.tree.get(post) else { continue };
        let earlier: String = order.iter().filter(|l| seen[*l] == 1).map(|l| format!("{l}\n")).collect();
        let repeats = |n: &NodeRefH<'_>, quotes_too: bool| {
            let (mut all, mut found) = (0usize, 0usize);
            let mut walk = Walk::new(*n);
            while let Some(edge) = walk.next() {
                let Edge::Open(d) = edge else { continue };
                if !quotes_too && d.id() != n.id() && is_quote(&d) {
                    walk.skip_subtree();
                } else if let Some(t) = d.value().as_text() {
                    // Short lines ("X said:", "Reply", "Click to expand...") say nothing either way.
                    let line = normalize_space(t);
                    let len = line.chars().count();
                    if len >= QUOTE_MIN_LINE {
                        all += len;
                        if earlier.contains(&line) {
                            found += len;
                        }
                    }
                }
            }
            all > 0 && found as f32 >= all as f32 * REPEATED_SHARE
        };
        let blocks = dom::element_children(node).filter(|n| !dom::is(n, "header") && repeats(n, false));
        let quotes = dom::pick_outermost(node, |n| is_quote(n)).into_iter().filter(|q| repeats(q, true));
        let doomed: Vec<NodeId> = blocks
            .chain(quotes)
            .map(|q| {
                trace.removed(Stage::Score, &q, "repeats an earlier post of the thread");
                q.id()
            })
            .collect();
        for q in doomed {
            dom::remove(doc, q);
        }
        if let Some(node) = doc.tree.get(post) {
            let lines: HashSet<String> =
                node.descendants().filter_map(|t| t.value().as_text().map(|t| normalize_space(t))).filter(|l| !l.is_empty()).collect();
            for line in lines {
                let count = seen.entry(line.clone()).or_insert(0);
                if *count == 0 {
                    order.push(line);
                }
                *count += 1;
            }
        }
    }
}

/// A quote: `blockquote`, or a class naming one (`bbCodeBlock--quote`, `ipsQuote`, `quotebox`),
/// not a script hook that only mentions quoting (XenForo's `js-selectToQuote` is on the body).
fn is_quote(node: &NodeRefH<'_>) -> bool {
    let named = dom::attr(node, "class").is_some_and(|c| {
        c.split_ascii_whitespace().map(str::to_ascii_lowercase).any(|t| {
            !t.starts_with("js-") && (t.starts_with("quote") || t.ends_with("quote")) && !t.contains("button")
        })
    });
    // A "Quote" button is named so too; a quote holds more than a label.
    dom::is(node, "blockquote") || (named && dom::measure(*node).len > HEADER_MAX_CHARS)
}

/// A post's subject line that repeats the thread's title ("Re: How to …"): the reader's header
/// shows the title once.
fn remove_subject_lines(doc: &mut Html, article: NodeId, title: &str, trace: &mut Trace) {
    let title = normalize_space(title);
    dom::remove_outermost(doc, article, |n| {
        if !matches!(dom::tag(n), Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6")) {
            return false;
        }
        let text = dom::inner_text(*n);
        let subject = REPLY_PREFIXES.iter().find_map(|p| text.strip_prefix(p)).unwrap_or(&text).trim();
        let repeats = !subject.is_empty()
            && (subject == title || (subject.chars().count() > TITLE_HEADING_MIN_CHARS && title.contains(subject)));
        if repeats {
            trace.removed(Stage::Score, n, "repeats the thread's title, shown in the header");
        }
        repeats
    });
}

/// Blocks inside a post's body made only of the page's short template lines ("Reply", "Quote",
/// "Other", "Click to expand..."), with no picture: the buttons and labels printed around every
/// post. A whole body so made (every other post saying "Thanks!") stays, and so do long lines
/// (an opening post quoted by every reply is a template of sorts too).
fn remove_template_blocks(doc: &mut Html, article: NodeId, template: &HashSet<String>, trace: &mut Trace) {
    let Some(node) = doc.tree.get(article) else { return };
    let roots: HashSet<NodeId> = dom::element_children(node).map(|c| c.id()).collect();
    dom::remove_outermost(doc, article, |n| {
        // Blocks only: an inline word (`<code>getrandom</code>`) many posts mention is text.
        let block = dom::tag(n).is_some_and(dom::is_block);
        if n.id() == article || roots.contains(&n.id()) || !block || dom::has_ancestor(*n, "header") {
            return false;
        }
        let mut lines = n.descendants().filter_map(|t| t.value().as_text().map(|t| normalize_space(t))).filter(|l| !l.is_empty()).peekable();
        let chrome = lines.peek().is_some()
            && lines.all(|l| l.chars().count() <= HEADER_MAX_CHARS && template.contains(&l))
            && !n.descendants().any(|d| matches!(dom::tag(&d), Some("img" | "picture" | "video" | "iframe")));
        if chrome {
            trace.removed(Stage::Score, n, "printed around every post: buttons and labels");
        }
        chrome
    });
}

/// What schema.org calls posts of their own inside a post's body, holding less than half its
/// prose: the comments under a Stack Exchange answer (the thread is the question and its
/// answers), as [`header_nodes`] leaves them out of the header.
fn remove_comments_on_post(doc: &mut Html, article: NodeId, trace: &mut Trace) {
    let Some(node) = doc.tree.get(article) else { return };
    let whole = dom::prose_len(node);
    dom::remove_outermost(doc, article, |n| {
        let comment = n.id() != article && marks(n).iter().any(Mark::says_post) && dom::prose_len(*n) * 2 < whole;
        if comment {
            trace.removed(Stage::Score, n, "a comment on a post, not a reply in the thread");
        }
        comment
    });
}

/// Signatures, avatars, vote and reaction widgets, counters, buttons and attachments' names and
/// sizes inside a post.
fn remove_chrome(doc: &mut Html, article: NodeId, trace: &mut Trace) {
    dom::remove_outermost(doc, article, |n| {
        if n.id() == article || !n.value().is_element() {
            return false;
        }
        let hints = dom::class_and_id(n);
        // A signature goes however long (NationStates' run to 750 characters), unless it is a
        // body itself: only the short kinds of chrome could be named like a body.
        let signature = hints.contains(SIGNATURE_HINT) && n.parent().is_some_and(|p| p.id() != article);
        // An attachment's picture is what the author posted; its file name and size are not.
        let picture = hints.contains(ATTACHMENT_HINT) && n.descendants().any(|d| matches!(dom::tag(&d), Some("img" | "picture" | "video")));
        let hinted = CHROME_HINTS.iter().any(|h| hints.contains(h)) || hints.contains(ATTACHMENT_HINT);
        let chrome = signature || (hinted && !picture && dom::prose_len(*n) <= CHROME_MAX_PROSE);
        if chrome {
            trace.removed(Stage::Score, n, "a post's signature, avatar, votes or buttons");
        }
        chrome
    });
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
