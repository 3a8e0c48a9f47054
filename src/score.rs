//! Finding the article: score paragraphs, share their scores with their ancestors, pick the best
//! candidate, join its siblings (Readability's `_grabArticle`, in our own code). Scores live in a
//! side table keyed by node id, never in the DOM.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{Html, Node};

use crate::dom::{self, NodeRefH};
use crate::serialize::Trace;
use crate::text::ends_sentence;
use crate::tunables::*;
use crate::Options;

/// The retry ladder: each rung relaxes one more rule when too little text was found, as
/// Readability's flags do. The best attempt is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    /// Every rule on.
    Strict,
    /// Keep elements whose class/id looks like clutter.
    KeepUnlikely,
    /// Also ignore class/id weights.
    IgnoreClassWeights,
    /// Also keep what conditional cleaning would remove.
    KeepConditional,
}

/// What a policy switches on.
#[derive(Clone, Copy, Debug)]
pub struct Rules {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

impl Policy {
    pub const LADDER: [Policy; 4] =
        [Policy::Strict, Policy::KeepUnlikely, Policy::IgnoreClassWeights, Policy::KeepConditional];

    pub fn rules(self) -> Rules {
        let rung = Policy::LADDER.iter().position(|p| *p == self).unwrap_or(0);
        Rules { strip_unlikely: rung < 1, weight_classes: rung < 2, clean_conditionally: rung < 3 }
    }
}

/// The assembled article: a detached `<div>` in this attempt's own copy of the document.
pub struct Found {
    pub doc: Html,
    pub root: NodeId,
    pub byline: Option<String>,
    pub rules: Rules,
    pub trace: Trace,
}

impl Found {
    pub fn root(&self) -> NodeRefH<'_> {
        self.doc.tree.get(self.root).expect("the article root lives in its document")
    }
}

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
    let hints = dom::class_and_id(node);
    if dom::attr(node, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r)) {
        return true;
    }
    matches_any(&hints, UNLIKELY_HINTS)
        && !matches_any(&hints, MAYBE_CANDIDATE_HINTS)
        && !dom::has_ancestor(*node, "table", 0)
        && !dom::has_ancestor(*node, "code", 0)
        // Unlike Readability, the page's own <main> and <article> are never judged by class:
        // `<main class="js-social-anchor">` holds the story.
        && !matches!(dom::tag(node), Some("body" | "a" | "main" | "article"))
        && dom::attr(node, "role") != Some("main")
}

/// Find the article with one policy. `None` when the page has no body text at all.
pub fn grab_article(doc: &Html, policy: Policy, options: &Options, title: Option<&str>) -> Option<Found> {
    let rules = policy.rules();
    let mut doc = doc.clone();
    let mut trace = Trace::new(options.trace, None);
    let body = doc
        .tree
        .nodes()
        .find(|n| dom::is(n, "body"))
        .map(|n| n.id())
        .unwrap_or_else(|| doc.root_element().id());

    let byline = strip_clutter(&mut doc, body, rules, title, &mut trace);
    let to_score = paragraphs_to_score(&mut doc, body);
    let scores = score_paragraphs(&doc, &to_score, rules);
    let top = top_candidates(&doc, &scores, options.top_candidates);

    let root = dom::new_element(&mut doc, "div");
    let chosen = top.first().map(|&(id, _)| id).filter(|&id| id != body);
    match chosen {
        None => {
            // No candidate: the whole body is the article (Readability does the same).
            let children: Vec<NodeId> = doc.tree.get(body)?.children().map(|c| c.id()).collect();
            let mut r = doc.tree.get_mut(root)?;
            for c in children {
                r.append_id(c);
            }
        }
        Some(_) => {
            let candidate = refine_candidate(&doc, &scores, &top, body);
            join_siblings(&mut doc, &scores, candidate, root);
        }
    }
    Some(Found { doc, root, byline, rules, trace })
}

/// Remove unlikely candidates, bylines (kept aside) and the heading that repeats the title; turn
/// divs holding only inline content into paragraphs. Returns the byline found in the text.
fn strip_clutter(doc: &mut Html, body: NodeId, rules: Rules, title: Option<&str>, trace: &mut Trace) -> Option<String> {
    let mut byline: Option<String> = None;
    let mut title_dup_seen = false;
    let doomed: Vec<NodeId> = {
        let body_ref = doc.tree.get(body)?;
        dom::pick_outermost(body_ref, |node| {
            let Some(tag) = dom::tag(node) else { return false };
            if byline.is_none() && is_byline(node) {
                let text = dom::inner_text(*node);
                if !text.is_empty() && text.chars().count() < 100 {
                    byline = Some(text);
                    trace.removed("score", node, "byline, shown in the header");
                    return true;
                }
            }
            if !title_dup_seen && matches!(tag, "h1" | "h2") && title.is_some_and(|t| heading_repeats_title(node, t)) {
                title_dup_seen = true;
                trace.removed("score", node, "repeats the title, shown in the header");
                return true;
            }
            if rules.strip_unlikely && is_unlikely(node) {
                trace.removed("score", node, "class, id or role looks like clutter");
                return true;
            }
            if matches!(tag, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
                && is_without_content(node)
            {
                return true;
            }
            false
        })
        .iter()
        .map(|n| n.id())
        .collect()
    };
    for id in doomed {
        dom::remove(doc, id);
    }
    byline.map(|b| b.trim_start_matches("By ").trim_start_matches("by ").to_string())
}

/// rel=author, itemprop=author or a byline-like class (Readability's `_isValidByline`).
fn is_byline(node: &NodeRefH<'_>) -> bool {
    if dom::attr(node, "rel") == Some("author") || dom::attr(node, "itemprop").is_some_and(|v| v.contains("author")) {
        return true;
    }
    let hints = dom::class_and_id(node);
    ["byline", "author", "dateline", "writtenby", "p-author"].iter().any(|w| hints.contains(w))
}

/// A heading whose text is the article title (it will be shown in the reader's own header).
fn heading_repeats_title(node: &NodeRefH<'_>, title: &str) -> bool {
    let heading = dom::inner_text(*node);
    let title = crate::text::normalize_space(title);
    !heading.is_empty() && (heading == title || (heading.chars().count() > 15 && title.contains(&heading)))
}

/// An element with neither text nor media, only `<br>`/`<hr>` at most.
fn is_without_content(node: &NodeRefH<'_>) -> bool {
    node.descendants().all(|n| match n.value() {
        Node::Text(t) => t.trim().is_empty(),
        Node::Element(e) => {
            n.id() == node.id() || matches!(&*e.name.local, "br" | "hr" | "span" | "b" | "i" | "em" | "strong")
        }
        _ => true,
    })
}

/// The elements whose text is scored; divs that hold only inline content become paragraphs, and
/// loose text in mixed divs is wrapped in paragraphs, as Readability does.
fn paragraphs_to_score(doc: &mut Html, body: NodeId) -> Vec<NodeId> {
    let Some(body_ref) = doc.tree.get(body) else { return Vec::new() };
    let all: Vec<(NodeId, String)> = body_ref
        .descendants()
        .filter_map(|n| dom::tag(&n).map(|t| (n.id(), t.to_string())))
        .collect();
    let mut out = Vec::new();
    for (id, tag) in all {
        if TAGS_TO_SCORE.contains(&tag.as_str()) {
            out.push(id);
        } else if tag == "div" {
            let Some(node) = doc.tree.get(id) else { continue };
            let has_block = node.descendants().skip(1).any(|d| dom::tag(&d).is_some_and(|t| BLOCK_ELEMS.contains(&t)));
            if !has_block {
                dom::rename(doc, id, "p");
                out.push(id);
            } else {
                out.extend(wrap_loose_text(doc, id));
            }
        }
    }
    out
}

/// Wrap runs of text and inline elements inside a mixed div into paragraphs.
fn wrap_loose_text(doc: &mut Html, div: NodeId) -> Vec<NodeId> {
    let Some(node) = doc.tree.get(div) else { return Vec::new() };
    let mut runs: Vec<Vec<NodeId>> = Vec::new();
    let mut current: Vec<NodeId> = Vec::new();
    for child in node.children() {
        let phrasing = match child.value() {
            Node::Text(_) => true,
            Node::Element(e) => PHRASING_ELEMS.contains(&&*e.name.local)
                && !child.descendants().any(|d| dom::tag(&d).is_some_and(|t| BLOCK_ELEMS.contains(&t))),
            _ => false,
        };
        if phrasing {
            current.push(child.id());
        } else if !current.is_empty() {
            runs.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        runs.push(current);
    }
    let mut made = Vec::new();
    for run in runs {
        let has_text = run.iter().any(|&id| doc.tree.get(id).is_some_and(|n| !dom::text(n).trim().is_empty()));
        if !has_text {
            continue;
        }
        made.extend(dom::wrap_run(doc, &run, "p"));
    }
    made
}

/// The starting score of a candidate from its tag (Readability's `_initializeNode`).
fn tag_score(tag: &str) -> f32 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Score each paragraph and share the score with up to five ancestors.
fn score_paragraphs(doc: &Html, to_score: &[NodeId], rules: Rules) -> HashMap<NodeId, f32> {
    let mut scores: HashMap<NodeId, f32> = HashMap::new();
    for &id in to_score {
        let Some(node) = doc.tree.get(id) else { continue };
        if node.parent().is_none_or(|p| !p.value().is_element()) {
            continue;
        }
        let m = dom::measure(node);
        if m.len < MIN_PARAGRAPH_LEN {
            continue;
        }
        let score = 1.0 + m.clauses as f32 + ((m.len / LENGTH_BONUS_STEP) as f32).min(MAX_LENGTH_BONUS);
        for (level, ancestor) in node.ancestors().take(SCORE_ANCESTOR_DEPTH).enumerate() {
            // The <html> element and anything above it are never candidates.
            if ancestor.parent().is_none_or(|p| !p.value().is_element()) {
                break;
            }
            let entry = scores.entry(ancestor.id()).or_insert_with(|| {
                let base = dom::tag(&ancestor).map(tag_score).unwrap_or(0.0);
                base + if rules.weight_classes { class_weight(&ancestor) } else { 0.0 }
            });
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            *entry += score / divider;
        }
    }
    // A candidate full of links is navigation: scale by the share of text outside links.
    let ids: Vec<NodeId> = scores.keys().copied().collect();
    for id in ids {
        if let Some(node) = doc.tree.get(id) {
            let ld = dom::link_density(node);
            if let Some(s) = scores.get_mut(&id) {
                *s *= 1.0 - ld;
            }
        }
    }
    scores
}

/// The best `n` candidates, best first (ties broken by document order for determinism).
fn top_candidates(doc: &Html, scores: &HashMap<NodeId, f32>, n: usize) -> Vec<(NodeId, f32)> {
    let order: HashMap<NodeId, usize> = doc.tree.nodes().enumerate().map(|(i, n)| (n.id(), i)).collect();
    let mut all: Vec<(NodeId, f32)> = scores.iter().map(|(&id, &s)| (id, s)).collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| order[&a.0].cmp(&order[&b.0])));
    all.truncate(n.max(1));
    all
}

/// From the top candidate, prefer an ancestor that several strong candidates share, then climb
/// while the parent scores well (Readability's alternative-candidate and parent walks).
fn refine_candidate(doc: &Html, scores: &HashMap<NodeId, f32>, top: &[(NodeId, f32)], body: NodeId) -> NodeId {
    let (mut best, best_score) = top[0];
    let get = |id: NodeId| doc.tree.get(id).expect("scored nodes live in the document");

    // Ancestors shared by enough of the other strong candidates.
    let alternatives: Vec<Vec<NodeId>> = top[1..]
        .iter()
        .filter(|(_, s)| *s / best_score >= ALTERNATIVE_SCORE_FRACTION)
        .map(|&(id, _)| get(id).ancestors().map(|a| a.id()).collect())
        .collect();
    if alternatives.len() >= MIN_SHARED_ANCESTORS {
        let mut parent = get(best).parent();
        while let Some(p) = parent {
            if p.id() == body || !p.value().is_element() {
                break;
            }
            let shared = alternatives.iter().filter(|a| a.contains(&p.id())).count();
            if shared >= MIN_SHARED_ANCESTORS {
                best = p.id();
                break;
            }
            parent = p.parent();
        }
    }

    // Climb while the parent's score keeps rising (the article is split across children).
    let mut last = scores.get(&best).copied().unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut parent = get(best).parent();
    while let Some(p) = parent {
        if p.id() == body || !p.value().is_element() {
            break;
        }
        let Some(&ps) = scores.get(&p.id()) else {
            parent = p.parent();
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last {
            best = p.id();
            break;
        }
        last = ps;
        parent = p.parent();
    }

    // A lone child says nothing its parent does not: take the parent.
    let mut node = get(best);
    while let Some(p) = node.parent() {
        if p.id() == body || !p.value().is_element() || dom::element_children(p).count() != 1 {
            break;
        }
        node = p;
    }
    node.id()
}

/// Move the candidate and the siblings that belong with it into `root`.
fn join_siblings(doc: &mut Html, scores: &HashMap<NodeId, f32>, candidate: NodeId, root: NodeId) {
    let cand = doc.tree.get(candidate).expect("candidate lives in the document");
    let cand_score = scores.get(&candidate).copied().unwrap_or(0.0);
    let threshold = MIN_SIBLING_SCORE.max(cand_score * SIBLING_SCORE_FRACTION);
    let cand_class = dom::attr(&cand, "class").unwrap_or("").to_string();
    let siblings: Vec<NodeRefH<'_>> = match cand.parent() {
        Some(p) => p.children().filter(|c| c.value().is_element()).collect(),
        None => vec![cand],
    };
    let mut chosen: Vec<(NodeId, bool)> = Vec::new();
    for sib in siblings {
        let append = if sib.id() == candidate {
            true
        } else {
            let bonus = if !cand_class.is_empty() && dom::attr(&sib, "class") == Some(cand_class.as_str()) {
                cand_score * SIBLING_SCORE_FRACTION
            } else {
                0.0
            };
            let score = scores.get(&sib.id()).copied();
            if score.is_some_and(|s| s + bonus >= threshold) {
                true
            } else if sib.descendants().any(|d| matches!(dom::tag(&d), Some("iframe" | "embed" | "object")) && crate::clean::is_video_embed(&d)) {
                // Unlike Readability, a video beside the article is part of it.
                true
            } else if dom::is(&sib, "p") {
                let m = dom::measure(sib);
                let ld = m.link_density();
                (m.len > SIBLING_PARAGRAPH_LEN && ld < SIBLING_MAX_LINK_DENSITY)
                    || (m.len < SIBLING_PARAGRAPH_LEN && m.len > 0 && ld == 0.0 && ends_sentence(&dom::inner_text(sib)))
            } else {
                false
            }
        };
        if append {
            // Elements that stand on their own keep their tag; others (a stray <li>, <td>, or an
            // inline element) become a div, as Readability does.
            let keep_tag = matches!(
                dom::tag(&sib),
                Some("div" | "article" | "section" | "p" | "ol" | "ul" | "dl" | "table" | "pre" | "blockquote"
                    | "figure" | "h2" | "h3" | "h4" | "h5" | "h6" | "hr" | "img" | "picture" | "video"
                    | "audio" | "iframe" | "embed" | "object")
            );
            chosen.push((sib.id(), keep_tag));
        }
    }
    for (id, keep_tag) in chosen {
        if !keep_tag {
            dom::rename(doc, id, "div");
        }
        if let Some(mut r) = doc.tree.get_mut(root) {
            r.append_id(id);
        }
    }
}
