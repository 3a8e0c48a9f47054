//! The thread as an article: one `<article class="lucid-post">` per post, each a header and
//! the post's body, less what surrounds posts on the page.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::groups::{Mark, marks};
use super::marks::{is_quote, longest_line};
use super::post::{Post, Thread};
use crate::dom::{self, NodeRefH, Walk};
use crate::extract::attempt::{Attempt, Rules};
use crate::options::Options;
use crate::text::normalize_space;
use crate::trace::{Stage, Trace};
use crate::tunables::TITLE_HEADING_MIN_CHARS;
use crate::tunables::thread::*;

/// The thread as an article: one `<article class="lucid-post">` per post, in order, each a
/// `<header class="lucid-post-header">` (author in `<strong>`, then `<time>`) and the body.
pub(super) fn build(doc: &Html, thread: &Thread, options: &Options, title: Option<&str>) -> Attempt {
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

pub(super) fn append(doc: &mut Html, parent: NodeId, child: NodeId) {
    if let Some(mut p) = doc.tree.get_mut(parent) {
        p.append_id(child);
    }
}

/// A post kept whole moves in as a `<div>` holding its children: its own tag (`li`, `tr`) may
/// not stand in an article.
pub(super) fn children_in_div(doc: &mut Html, post: NodeId) -> NodeId {
    let div = dom::new_element(doc, "div");
    let children: Vec<NodeId> = doc.tree.get(post).map(|n| n.children().map(|c| c.id()).collect()).unwrap_or_default();
    for c in children {
        append(doc, div, c);
    }
    div
}

pub(super) fn post_header(doc: &mut Html, post: &Post) -> NodeId {
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
pub(super) fn cut_header_blocks(doc: &mut Html, post: &Post, trace: &mut Trace) {
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

/// Quotes of an earlier post of the thread, and body blocks repeating one (NodeBB heads a reply
/// with its parent's text): the reader has just read that post, in full, above. Each is known
/// by its lines (of its own, outside quotes, for a block), most of whose text is found again in
/// earlier posts ([`REPEATED_SHARE`]); a quote of a post on another page of the thread stays.
pub(super) fn remove_repeated_quotes(doc: &mut Html, posts: &[NodeId], trace: &mut Trace) {
    // Lines of earlier posts, each with how many posts wrote it; only a line one post wrote is
    // evidence of quoting ("Reply", "Quote" and an author's signature line are in many).
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let searched = std::cell::Cell::new(0usize);
    for &post in posts {
        let Some(node) = doc.tree.get(post) else { continue };
        let earlier: String = if searched.get() < QUOTE_SEARCH_BYTES {
            order.iter().filter(|l| seen[*l] == 1).map(|l| format!("{l}\n")).collect()
        } else {
            String::new()
        };
        searched.set(searched.get() + earlier.len());
        let found_earlier = |line: &str| {
            if searched.get() < QUOTE_SEARCH_BYTES {
                searched.set(searched.get() + earlier.len());
                earlier.contains(line)
            } else {
                seen.get(line) == Some(&1)
            }
        };
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
                        if found_earlier(&line) {
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

/// A post's subject line that repeats the thread's title ("Re: How to …"): the reader's header
/// shows the title once.
pub(super) fn remove_subject_lines(doc: &mut Html, article: NodeId, title: &str, trace: &mut Trace) {
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
pub(super) fn remove_template_blocks(doc: &mut Html, article: NodeId, template: &HashSet<String>, trace: &mut Trace) {
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
pub(super) fn remove_comments_on_post(doc: &mut Html, article: NodeId, trace: &mut Trace) {
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
pub(super) fn remove_chrome(doc: &mut Html, article: NodeId, trace: &mut Trace) {
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
