//! One post read: its header (author, time) and its body, the marks of the posts' bodies, and
//! an opening post shaped otherwise than the replies.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::groups::{Mark, marks};
use super::marks::{
    Tally, Tallies, has_itemprop, holds_avatar, is_author_mark, is_avatar, is_own_header, is_profile_date, is_profile_link, is_quote,
    longest_line, names_avatar, reads_as_time,
};
use crate::dom::{self, NodeRefH, Walk};
use crate::metadata::byline;
use crate::text::{char_weight, normalize_space};
use crate::tunables::thread::*;

/// One post as the reader shows it.
#[derive(Clone, Debug)]
pub(super) struct Post {
    pub(super) node: NodeId,
    pub(super) author: Option<String>,
    pub(super) time: Option<When>,
    /// The elements the author and the time were read from.
    pub(super) header_from: Vec<NodeId>,
    /// The elements holding what the author wrote, in order.
    pub(super) body: Vec<NodeId>,
}

#[derive(Clone, Debug)]
pub(super) struct When {
    pub(super) text: String,
    pub(super) datetime: Option<String>,
}

#[derive(Clone, Debug)]
pub(super) struct Thread {
    pub(super) posts: Vec<Post>,
    /// Lines the page prints around many posts ([`template_lines`]).
    pub(super) template: HashSet<String>,
}

/// The elements of a post that may hold its header: its own, outside quotes (a quote names the
/// author it quotes) and outside anything schema.org calls a post of its own (a nested reply, a
/// comment on an answer) holding less than half the post's prose (more is the post's own item,
/// as XenForo wraps `div.MessageCard[itemtype=Comment]` in its `article.js-post`).
pub(super) fn header_nodes<'a>(post: NodeRefH<'a>, posts: &HashSet<NodeId>, tallies: &Tallies) -> Vec<NodeRefH<'a>> {
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
pub(super) fn header(doc: &Html, id: NodeId, posts: &HashSet<NodeId>, tallies: &Tallies) -> Option<Post> {
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
        if let Some((name, _)) = &author
            && let Some(i) = when.text.find(name.as_str())
        {
            let rest = when.text[i + name.len()..].trim_start_matches(|c: char| c.is_whitespace() || NAME_SEPARATORS.contains(&c) || c == '»');
            if reads_as_time(rest) {
                when.text = rest.to_string();
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
pub(super) fn name_near_avatar(own: &[NodeRefH<'_>], post: NodeId) -> Option<(String, NodeId)> {
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
pub(super) fn name_beside_time(doc: &Html, time: NodeId) -> Option<(String, NodeId)> {
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
pub(super) fn author_name(node: NodeRefH<'_>) -> Option<(String, NodeId)> {
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

pub(super) fn when(node: NodeRefH<'_>) -> Option<(When, NodeId)> {
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
pub(super) fn header_holders(doc: &Html, post: &Post) -> HashSet<NodeId> {
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
pub(super) fn body_marks(doc: &Html, posts: &[Post], all: &HashSet<NodeId>, tie: f32, template: &HashSet<String>) -> Vec<Mark> {
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
pub(super) fn template_lines(doc: &Html, posts: &[Post], all: &HashSet<NodeId>) -> HashSet<String> {
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
pub(super) fn written_prose(post: NodeRefH<'_>, all: &HashSet<NodeId>, template: &HashSet<String>) -> HashMap<NodeId, usize> {
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
pub(super) fn body_of(doc: &Html, post: &Post, all: &HashSet<NodeId>, mark: Option<&Mark>) -> Vec<NodeId> {
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
pub(super) fn opening_post(
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
pub(super) fn opening_post_at(doc: &Html, body: NodeRefH<'_>, id: NodeId, all: &HashSet<NodeId>, tallies: &Tallies) -> Option<Post> {
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
    post.author.as_ref()?;
    post.body = vec![body_node.id()];
    Some(post)
}

/// The nearest author and time before `node` in the page, within [`OP_HEADER_LOOKBACK`]
/// elements: both, or nothing.
pub(super) fn header_before(body: NodeRefH<'_>, node: NodeRefH<'_>, posts: &HashSet<NodeId>) -> Option<(Option<String>, Option<When>, Vec<NodeId>)> {
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
