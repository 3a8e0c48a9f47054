//! Finding the article: score paragraphs, share their scores with their ancestors, pick the best
//! candidate, join its siblings (Readability's `_grabArticle`, in our own code). Scores live in a
//! side table keyed by node id, never in the DOM.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{Html, Node};

use super::attempt::{Attempt, Policy, Rules};
use super::hints::{class_weight, is_unlikely, is_video_embed};
use crate::dom::{self, Measures, NodeRefH};
use crate::metadata::byline;
use crate::options::Options;
use crate::text::ends_sentence;
use crate::trace::{Stage, Trace};
use crate::tunables::*;

/// Find the article with one policy. `None` when the page has no body text at all.
pub fn grab_article(doc: &Html, policy: Policy, options: &Options, title: Option<&str>) -> Option<Attempt> {
    let rules = policy.rules();
    let mut doc = doc.clone();
    let mut trace = Trace::new(options.trace);
    let body = doc
        .tree
        .nodes()
        .find(|n| dom::is(n, "body"))
        .map(|n| n.id())
        .unwrap_or_else(|| doc.root_element().id());

    let byline = strip_clutter(&mut doc, body, rules, title, &mut trace);
    let to_score = paragraphs_to_score(&mut doc, body);
    // From here to the join the tree stands still: measure each node once.
    let measures = dom::Measures::of(doc.tree.get(body)?);
    let scores = score_paragraphs(&doc, &to_score, rules, &measures);
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
            let candidate = refine_candidate(&doc, &scores, &top, body, &measures);
            join_siblings(&mut doc, &scores, candidate, root, &measures);
        }
    }
    Some(Attempt { doc, root, byline, rules, trace })
}

/// Remove unlikely candidates, bylines (kept aside) and the heading that repeats the title; turn
/// divs holding only inline content into paragraphs. Returns the byline found in the text.
fn strip_clutter(doc: &mut Html, body: NodeId, rules: Rules, title: Option<&str>, trace: &mut Trace) -> Option<String> {
    let mut byline: Option<String> = None;
    let mut title_dup_seen = false;
    dom::remove_outermost(doc, body, |node| {
        let Some(tag) = dom::tag(node) else { return false };
        if byline.is_none() && byline::is_byline_element(node) {
            if let Some(found) = byline::from_element_text(&dom::inner_text(*node)) {
                byline = Some(found);
                trace.removed(Stage::Score, node, "byline, shown in the header");
                return true;
            }
        }
        if !title_dup_seen && matches!(tag, "h1" | "h2") && title.is_some_and(|t| heading_repeats_title(node, t)) {
            title_dup_seen = true;
            trace.removed(Stage::Score, node, "repeats the title, shown in the header");
            return true;
        }
        if rules.strip_unlikely && is_unlikely(node) {
            trace.removed(Stage::Score, node, "class, id or role looks like clutter");
            return true;
        }
        matches!(tag, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") && is_without_content(node)
    });
    byline
}

/// A heading whose text is the article title (it will be shown in the reader's own header).
fn heading_repeats_title(node: &NodeRefH<'_>, title: &str) -> bool {
    let heading = dom::inner_text(*node);
    let title = crate::text::normalize_space(title);
    !heading.is_empty()
        && (heading == title || (heading.chars().count() > TITLE_HEADING_MIN_CHARS && title.contains(&heading)))
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
            let has_block = node.descendants().skip(1).any(|d| dom::tag(&d).is_some_and(makes_div_more_than_paragraph));
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

/// A div holding one of [`DIV_TO_P_BLOCKS`] is more than a paragraph.
fn makes_div_more_than_paragraph(tag: &str) -> bool {
    DIV_TO_P_BLOCKS.contains(&tag)
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
                && !child.descendants().any(|d| dom::tag(&d).is_some_and(makes_div_more_than_paragraph)),
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
    TAG_SCORES.iter().find(|(tags, _)| tags.contains(&tag)).map_or(0.0, |(_, score)| *score)
}

/// Score each paragraph and share the score with up to five ancestors.
fn score_paragraphs(doc: &Html, to_score: &[NodeId], rules: Rules, measures: &Measures) -> HashMap<NodeId, f32> {
    let mut scores: HashMap<NodeId, f32> = HashMap::new();
    for &id in to_score {
        let Some(node) = doc.tree.get(id) else { continue };
        if node.parent().is_none_or(|p| !p.value().is_element()) {
            continue;
        }
        let m = measures.get(node);
        if m.len < MIN_PARAGRAPH_LEN {
            continue;
        }
        let score =
            PARAGRAPH_BASE_SCORE + m.clauses as f32 + ((m.len / LENGTH_BONUS_STEP) as f32).min(MAX_LENGTH_BONUS);
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
            let ld = measures.get(node).link_density();
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
fn refine_candidate(
    doc: &Html,
    scores: &HashMap<NodeId, f32>,
    top: &[(NodeId, f32)],
    body: NodeId,
    measures: &Measures,
) -> NodeId {
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
    let threshold = last / PARENT_SCORE_DIVISOR;
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

    // Page builders cut one article into many blocks of one kind: take the container of them all.
    // The top candidate or, when it is an unnamed part of such a block (a `dl` in a
    // `div.sectionbody`), one of its nearest ancestors.
    let unnamed = dom::attr(&get(top[0].0), "class").is_none_or(|c| c.trim().is_empty());
    let kin = std::iter::once(get(top[0].0))
        .chain(get(top[0].0).ancestors().take(if unnamed { KIN_ANCESTOR_LEVELS } else { 0 }))
        .take_while(|n| n.id() != body)
        .find_map(|n| container_of_kin(doc, n.id(), body, measures));
    if let Some(kin) = kin.filter(|&k| get(best).ancestors().any(|a| a.id() == k)) {
        best = kin;
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

/// The article cut into blocks of one kind (a page builder's `TextBlock`, `rich-text` or
/// `sqs-block` divs, each holding a part of the text, with images and quotes between): the
/// nearest container of every block of the top candidate's tag and first class that holds prose
/// with few links, when there are at least [`KIN_MIN_BLOCKS`] and they hold most of that
/// container's prose. `None` when the candidate stands alone.
fn container_of_kin(doc: &Html, candidate: NodeId, body: NodeId, measures: &Measures) -> Option<NodeId> {
    let cand = doc.tree.get(candidate)?;
    let tag = dom::tag(&cand)?;
    let class = dom::attr(&cand, "class")?.split_whitespace().next()?;
    let same_kind = |n: &NodeRefH<'_>| {
        dom::tag(n) == Some(tag) && dom::attr(n, "class").and_then(|c| c.split_whitespace().next()) == Some(class)
    };
    let body_ref = doc.tree.get(body)?;
    let kin: Vec<NodeRefH<'_>> = dom::pick_outermost(body_ref, |n| same_kind(n))
        .into_iter()
        .filter(|n| {
            let m = measures.get(*n);
            n.id() == candidate || (m.prose() >= KIN_MIN_PROSE && m.link_density() < KIN_MAX_LINK_DENSITY)
        })
        .collect();
    if kin.len() < KIN_MIN_BLOCKS || !kin.iter().any(|k| k.id() == candidate) {
        return None;
    }
    // The nearest common ancestor: the first ancestor of the candidate holding every block.
    let container = cand.ancestors().find(|a| kin.iter().all(|k| k.ancestors().any(|ka| ka.id() == a.id())))?;
    if container.id() == body || !container.value().is_element() || container.parent().is_none_or(|p| !p.value().is_element()) {
        return None;
    }
    let kin_prose: usize = kin.iter().map(|k| measures.get(*k).prose()).sum();
    let whole = measures.get(container);
    (kin_prose as f32 >= KIN_PROSE_SHARE * whole.prose() as f32 && whole.link_density() < KIN_MAX_LINK_DENSITY)
        .then_some(container.id())
}

/// Move the candidate and the siblings that belong with it into `root`.
fn join_siblings(doc: &mut Html, scores: &HashMap<NodeId, f32>, candidate: NodeId, root: NodeId, measures: &Measures) {
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
            } else if sib.descendants().any(|d| is_video_embed(&d)) {
                // Unlike Readability, a video beside the article is part of it.
                true
            } else if dom::is(&sib, "p") {
                let m = measures.get(sib);
                let ld = m.link_density();
                (m.len > SIBLING_PARAGRAPH_LEN && ld < SIBLING_MAX_LINK_DENSITY)
                    || (m.len < SIBLING_PARAGRAPH_LEN && m.len > 0 && ld == 0.0 && ends_sentence(&dom::inner_text(sib)))
            } else {
                false
            }
        };
        if append {
            let keep_tag = dom::tag(&sib).is_some_and(|t| SIBLING_KEEPS_TAG.contains(&t));
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

