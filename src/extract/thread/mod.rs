//! Forum threads and Q&A pages, read as threads: the opening post and the replies in order, each
//! under a small header with its author and time, without what surrounds a post on the page
//! (avatars, user titles, post counters, signatures, vote and reaction widgets, buttons).
//!
//! Found in the prepared document, before "unlikely" stripping (reply containers are named
//! `replies`, `comments`, `MessageList`), in five steps:
//! 1. **Posts** ([`groups`]): sibling elements sharing a tag and a mark (a class token, an
//!    `itemprop`, an `itemtype`, a numbered id like `post_123456`), each holding an author
//!    (`itemprop=author`, a `username`-like class, a profile link, an avatar), a time (`<time>`,
//!    `itemprop=datePublished`, a short line that reads as a date) and prose ([`marks`]); or a
//!    Q&A page's schema.org `Question` and `Answer`s. Of the groups with enough posts, the one
//!    with the most prose wins; layout rows holding a thread, wrappers of replies and lists of
//!    teasers are no posts.
//! 2. **Replies to replies** (Reddit, Slashdot, Lemmy, nested XenForo) are the elements in the
//!    posts' box sharing a mark every post has.
//! 3. **Headers and bodies** ([`post`]): each post's author and time; its body is the mark whose
//!    elements, leaving the header out, hold most of what the authors wrote (the page's
//!    template lines aside): `.cooked`, `.bbWrapper`, `.js-post-body`, `itemprop=text`. An
//!    opening post shaped otherwise than the replies (a question, a submission) is the text
//!    written with that body mark before them.
//! 4. **Thread or article**: the thread is read when the scorer found nothing, or found one of
//!    its posts, or the page declares itself a discussion (schema.org `DiscussionForumPosting`,
//!    `QAPage`); a story above its comments lies outside the thread and stays the article,
//!    comments left out.
//! 5. **The article** ([`build`]): one `article.lucid-post` per post, its header and its body,
//!    less signatures, avatars, counters, buttons, subject lines repeating the title and quotes
//!    of earlier posts.
//!
//! A page written for readers without script (Discourse's crawler view) is first revealed by
//! [`super::noscript`].

mod build;
mod groups;
mod marks;
mod post;

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{Html, Node};

use self::build::build;
use self::groups::{Group, Mark, groups, is_dated_text, marks, qualify, question_and_answers};
use self::marks::{Tallies, tally};
use self::post::{Post, Thread, body_marks, body_of, header, opening_post, template_lines};
use super::attempt::Attempt;
use super::clean;
use crate::dom::{self, NodeRefH};
use crate::options::Options;
use crate::text::char_weight;
use crate::trace::{Stage, Timer};
use crate::tunables::JSONLD_MAX_SCRIPTS;
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
