//! Small helpers over scraper's tree (an ego_tree of html5ever nodes), and the one way to walk
//! it ([`Walk`]). Every walk is iterative: the WASM stack is small and pages can nest 100 000
//! elements deep.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::{LocalName, QualName, ns};
use scraper::{Html, Node, node::Element};

use crate::text::{char_weight, is_clause_mark};
use crate::tunables::{BLOCK_TAGS, CODE_TAGS, HASH_LINK_WEIGHT, MAX_TREE_DEPTH};

pub type NodeRefH<'a> = NodeRef<'a, Node>;

/// A map keyed by node. A node's id is its index in the tree, which the page cannot choose, so
/// one multiply spreads ids over the table; SipHash (made for keys an attacker picks) was a
/// fifth of cleaning's time on a page of 100 000 elements.
pub type NodeMap<V> = HashMap<NodeId, V, BuildHasherDefault<NodeIdHasher>>;
/// A set of nodes (see [`NodeMap`]).
pub type NodeSet = HashSet<NodeId, BuildHasherDefault<NodeIdHasher>>;

/// Hashes a node id (a tree index) by Fibonacci multiplication.
#[derive(Default)]
pub struct NodeIdHasher(u64);

impl Hasher for NodeIdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, id: usize) {
        self.0 = (self.0 ^ id as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Move nodes nested deeper than [`MAX_TREE_DEPTH`] up to their ancestor at that depth, in
/// document order, as Chromium's parser does; this bounds every later walk over ancestors.
pub fn flatten_deep_nesting(doc: &mut Html) {
    let mut depth = 0usize;
    let mut anchors: Vec<NodeId> = Vec::new();
    let mut moves: Vec<(NodeId, NodeId)> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                depth += 1;
                if depth <= MAX_TREE_DEPTH {
                    anchors.push(node.id());
                } else {
                    moves.push((anchors[MAX_TREE_DEPTH - 1], node.id()));
                }
            }
            Edge::Close(_) => {
                if depth <= MAX_TREE_DEPTH {
                    anchors.pop();
                }
                depth -= 1;
            }
        }
    }
    for (anchor, node) in moves {
        if let Some(mut a) = doc.tree.get_mut(anchor) {
            a.append_id(node);
        }
    }
}

/// The element's lower-case tag name, or `None` for other nodes.
pub fn tag<'a>(node: &NodeRefH<'a>) -> Option<&'a str> {
    match node.value() {
        Node::Element(e) => Some(e.name.local.as_ref()),
        _ => None,
    }
}

/// True when `node` is an element named `name`.
pub fn is(node: &NodeRefH<'_>, name: &str) -> bool {
    tag(node) == Some(name)
}

/// An attribute of an element node.
pub fn attr<'a>(node: &NodeRefH<'a>, name: &str) -> Option<&'a str> {
    node.value().as_element().and_then(|e| element_attr(e, name))
}

/// An element's attribute `name` (no namespace), as [`Element::attr`] finds it but without
/// interning `name` into an atom on every call: a page asks thousands of these, and an element
/// has a handful of attributes to scan.
pub fn element_attr<'a>(e: &'a Element, name: &str) -> Option<&'a str> {
    e.attrs
        .iter()
        .find(|(k, _)| k.prefix.is_none() && k.ns == ns!() && &*k.local == name)
        .map(|(_, v)| &**v)
}

/// The element's `class` and `id`, lower-cased and joined: what class/id hints match against.
pub fn class_and_id(node: &NodeRefH<'_>) -> String {
    let class = attr(node, "class").unwrap_or("");
    let id = attr(node, "id").unwrap_or("");
    let mut s = String::with_capacity(class.len() + id.len() + 1);
    s.push_str(class);
    s.push(' ');
    s.push_str(id);
    s.to_lowercase()
}

/// All text below `node`, concatenated.
pub fn text(node: NodeRefH<'_>) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        if let Node::Text(t) = n.value() {
            out.push_str(t);
        }
    }
    out
}

/// Text below `node` with white space collapsed and trimmed.
pub fn inner_text(node: NodeRefH<'_>) -> String {
    crate::text::normalize_space(&text(node))
}

/// Text measures of a subtree, taken in one walk without building strings: lengths are those
/// of the text with white space collapsed and trimmed (as [`inner_text`] gives it), weighted
/// for CJK. The scorer and the cleaner ask these of thousands of nodes, so they must be cheap.
#[derive(Clone, Copy, Debug, Default)]
pub struct Measure {
    /// Weighted length of all the text.
    pub len: usize,
    /// Weighted length of link text, each link measured on its own; in-page `#` links count
    /// [`HASH_LINK_WEIGHT`], as Readability weighs them.
    pub linked: f32,
    /// Weighted length of link text, every link counting fully.
    pub linked_plain: usize,
    /// Clause marks (commas and their CJK relatives).
    pub clauses: usize,
    /// Weighted length of the text in code ([`CODE_TAGS`]), each outermost code element
    /// measured on its own.
    pub code: usize,
}

impl Measure {
    /// Share of the text inside links.
    pub fn link_density(&self) -> f32 {
        if self.len == 0 { 0.0 } else { self.linked / self.len as f32 }
    }

    /// Weighted length of the text outside links: how much prose the subtree holds.
    pub fn prose(&self) -> usize {
        self.len.saturating_sub(self.linked_plain)
    }
}

/// The collapsed length of a stretch of text (white space runs count one, leading and trailing
/// white space none, as [`crate::text::normalize_space`] gives it), kept with what joining it to
/// its neighbours needs: stretches join in any grouping, so a subtree's length is made from its
/// children's.
#[derive(Clone, Copy, Default)]
struct Run {
    len: usize,
    /// Holds something other than white space.
    started: bool,
    /// White space before the first other character (for an all-white run: any white space).
    lead_space: bool,
    /// White space after the last other character (for an all-white run: any white space).
    trail_space: bool,
}

impl Run {
    fn of_text(text: &str) -> Run {
        let mut run = Run::default();
        let mut pending_space = false;
        // Most text is ASCII: one weight, no CJK check per character.
        let mut step = |c: char, weight: usize| {
            if c.is_whitespace() {
                pending_space = run.started;
            } else {
                if pending_space {
                    run.len += 1;
                    pending_space = false;
                }
                run.len += weight;
                run.started = true;
            }
        };
        if text.is_ascii() {
            text.bytes().for_each(|b| step(char::from(b), 1));
        } else {
            text.chars().for_each(|c| step(c, char_weight(c)));
        }
        run.lead_space = text.chars().next().is_some_and(char::is_whitespace);
        run.trail_space = text.chars().next_back().is_some_and(char::is_whitespace);
        run
    }

    fn then(self, next: Run) -> Run {
        match (self.started, next.started) {
            (false, _) => Run {
                lead_space: self.lead_space || next.lead_space,
                trail_space: if next.started { next.trail_space } else { self.trail_space || next.trail_space },
                ..next
            },
            (true, false) => Run { trail_space: self.trail_space || next.lead_space, ..self },
            (true, true) => Run {
                len: self.len + next.len + usize::from(self.trail_space || next.lead_space),
                started: true,
                lead_space: self.lead_space,
                trail_space: next.trail_space,
            },
        }
    }
}

/// A subtree's measure while its children are being joined: [`Subtree::absorb`] each finished
/// child in order, then [`Subtree::finish`] with the node itself.
#[derive(Clone, Copy, Default)]
pub struct Subtree {
    run: Run,
    measure: Measure,
}

impl Subtree {
    /// Join a finished child, the next in document order.
    pub fn absorb(&mut self, child: &Subtree) {
        self.run = self.run.then(child.run);
        self.measure.linked += child.measure.linked;
        self.measure.linked_plain += child.measure.linked_plain;
        self.measure.clauses += child.measure.clauses;
        self.measure.code += child.measure.code;
    }

    /// The finished measure of `node`, whose children have all been absorbed.
    pub fn finish(mut self, node: NodeRefH<'_>) -> Subtree {
        match node.value() {
            Node::Text(t) => {
                self.run = Run::of_text(t);
                self.measure.clauses = t.chars().filter(|&c| is_clause_mark(c)).count();
            }
            Node::Element(e) => {
                let name = &*e.name.local;
                // A link or code element is measured on its own; those inside it are part of it.
                if name == "a" {
                    let in_page = element_attr(e, "href").is_some_and(|h| h.starts_with('#') && h.len() > 1);
                    self.measure.linked = self.run.len as f32 * if in_page { HASH_LINK_WEIGHT } else { 1.0 };
                    self.measure.linked_plain = self.run.len;
                }
                if CODE_TAGS.contains(&name) {
                    self.measure.code = self.run.len;
                }
            }
            _ => {}
        }
        self.measure.len = self.run.len;
        self
    }

    pub fn measure(&self) -> Measure {
        self.measure
    }
}

/// Measure every node of `root`'s subtree in one post-order walk, each from its children's
/// measures, handing each to `found`; returns the root's.
fn measure_each(root: NodeRefH<'_>, mut found: impl FnMut(NodeId, Measure)) -> Measure {
    let mut open: Vec<Subtree> = Vec::new();
    let mut last = Measure::default();
    for edge in root.traverse() {
        match edge {
            Edge::Open(_) => open.push(Subtree::default()),
            Edge::Close(n) => {
                let Some(partial) = open.pop() else { break };
                let done = partial.finish(n);
                found(n.id(), done.measure);
                last = done.measure;
                if let Some(parent) = open.last_mut() {
                    parent.absorb(&done);
                }
            }
        }
    }
    last
}

/// The measures of one subtree (see [`Measure`]).
pub fn measure(node: NodeRefH<'_>) -> Measure {
    measure_each(node, |_, _| {})
}

/// The measure of every node of a tree, taken in one walk: for stages that ask it of many nested
/// nodes of a tree they do not change (the scorer measures each paragraph and each candidate
/// ancestor, which would walk the same text up to six times).
pub struct Measures(NodeMap<Measure>);

impl Measures {
    pub fn of(root: NodeRefH<'_>) -> Measures {
        let mut table = NodeMap::default();
        measure_each(root, |id, m| {
            table.insert(id, m);
        });
        Measures(table)
    }

    /// The measure of `node`, which must be in the measured tree and unchanged since.
    pub fn get(&self, node: NodeRefH<'_>) -> Measure {
        self.0.get(&node.id()).copied().unwrap_or_else(|| measure(node))
    }
}

/// Share of the text that sits inside links, weighted for CJK; in-page `#` links count less,
/// as Readability does.
pub fn link_density(node: NodeRefH<'_>) -> f32 {
    measure(node).link_density()
}

/// Weighted length of the text outside links: how much prose a subtree holds.
pub fn prose_len(node: NodeRefH<'_>) -> usize {
    measure(node).prose()
}

/// Element children of `node`.
pub fn element_children<'a>(node: NodeRefH<'a>) -> impl Iterator<Item = NodeRefH<'a>> {
    node.children().filter(|c| c.value().is_element())
}

/// Descendant elements of `node` (not `node` itself) with one of `names`.
pub fn descendants_named<'a>(node: NodeRefH<'a>, names: &'a [&'a str]) -> impl Iterator<Item = NodeRefH<'a>> {
    node.descendants().skip(1).filter(move |n| tag(n).is_some_and(|t| names.contains(&t)))
}

/// Count of descendant elements named `name`.
pub fn count_named(node: NodeRefH<'_>, name: &str) -> usize {
    node.descendants().skip(1).filter(|n| is(n, name)).count()
}

/// True when an ancestor is named `name`.
pub fn has_ancestor(node: NodeRefH<'_>, name: &str) -> bool {
    node.ancestors().any(|a| is(&a, name))
}

/// True for the elements that start a block of their own ([`BLOCK_TAGS`]).
pub fn is_block(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
}

/// A new, detached element in `doc`'s tree.
pub fn new_element(doc: &mut Html, name: &str) -> NodeId {
    let qual = QualName::new(None, ns!(html), LocalName::from(name));
    doc.tree.orphan(Node::Element(Element::new(qual, Vec::new()))).id()
}

/// Wrap consecutive siblings `run` in a new `tag` element placed where the first one was.
pub fn wrap_run(doc: &mut Html, run: &[NodeId], tag: &str) -> Option<NodeId> {
    let first = *run.first()?;
    let wrapper = new_element(doc, tag);
    doc.tree.get_mut(first)?.insert_id_before(wrapper);
    let mut w = doc.tree.get_mut(wrapper)?;
    for &id in run {
        w.append_id(id);
    }
    Some(wrapper)
}

/// Rename an element, keeping its attributes and children.
pub fn rename(doc: &mut Html, id: NodeId, name: &str) {
    if let Some(mut node) = doc.tree.get_mut(id) {
        if let Node::Element(e) = node.value() {
            e.name = QualName::new(None, ns!(html), LocalName::from(name));
        }
    }
}

/// Set (or replace) an attribute on an element.
pub fn set_attr(doc: &mut Html, id: NodeId, name: &str, value: &str) {
    if let Some(mut node) = doc.tree.get_mut(id) {
        if let Node::Element(e) = node.value() {
            let qual = QualName::new(None, ns!(), LocalName::from(name));
            // scraper keeps attributes sorted and looks them up by binary search.
            match e.attrs.binary_search_by(|(k, _)| k.cmp(&qual)) {
                Ok(i) => e.attrs[i].1 = value.into(),
                Err(i) => e.attrs.insert(i, (qual, value.into())),
            }
        }
    }
}

/// Remove an attribute from an element.
pub fn remove_attr(doc: &mut Html, id: NodeId, name: &str) {
    if let Some(mut node) = doc.tree.get_mut(id) {
        if let Node::Element(e) = node.value() {
            e.attrs.retain(|(k, _)| &*k.local != name);
        }
    }
}

/// Detach a subtree from the document.
pub fn remove(doc: &mut Html, id: NodeId) {
    if let Some(mut node) = doc.tree.get_mut(id) {
        node.detach();
    }
}

/// Replace an element by its children.
pub fn unwrap(doc: &mut Html, id: NodeId) {
    let children: Vec<NodeId> = match doc.tree.get(id) {
        Some(n) => n.children().map(|c| c.id()).collect(),
        None => return,
    };
    if let Some(mut node) = doc.tree.get_mut(id) {
        for child in children {
            node.insert_id_before(child);
        }
        node.detach();
    }
}

/// True when the element is not hidden by `hidden`, `aria-hidden` or an inline style, as
/// Readability's `_isProbablyVisible` judges (a page's stylesheet is not consulted).
pub fn is_visible(node: &NodeRefH<'_>) -> bool {
    let Some(e) = node.value().as_element() else { return true };
    if element_attr(e, "hidden").is_some() {
        return false;
    }
    // Images with aria-hidden in a fallback wrapper are shown by the page's script (Wikimedia).
    if element_attr(e, "aria-hidden") == Some("true")
        && !element_attr(e, "class").is_some_and(|c| c.contains("fallback-image"))
    {
        return false;
    }
    !style_says(node, &["display:none", "visibility:hidden"])
}

/// The element's inline style holds one of `declarations` (written without spaces, lower
/// case), however the page spaced or cased it.
pub fn style_says(node: &NodeRefH<'_>, declarations: &[&str]) -> bool {
    attr(node, "style").is_some_and(|style| {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
        declarations.iter().any(|d| style.contains(d))
    })
}

/// A short description of an element for traces: `div#comments.tie-area`.
pub fn describe(node: &NodeRefH<'_>) -> String {
    let mut s = tag(node).unwrap_or("#text").to_string();
    if let Some(id) = attr(node, "id").filter(|v| !v.is_empty()) {
        s.push('#');
        s.push_str(id);
    }
    if let Some(class) = attr(node, "class") {
        for c in class.split_whitespace().take(3) {
            s.push('.');
            s.push_str(c);
        }
    }
    s
}

/// A walk over `root`'s subtree in document order: an `Open` edge when an element or other node
/// starts, a `Close` edge when it ends (Readability's `_getNextNode`, as an iterator). After an
/// `Open`, [`Walk::skip_subtree`] steps over that node's inside and its `Close`.
pub struct Walk<'a> {
    root: NodeId,
    next: Option<Edge<'a, Node>>,
    opened: Option<NodeRefH<'a>>,
}

impl<'a> Walk<'a> {
    pub fn new(root: NodeRefH<'a>) -> Self {
        Walk { root: root.id(), next: Some(Edge::Open(root)), opened: None }
    }

    /// Do not enter the node whose `Open` edge came last; the walk goes on after it.
    pub fn skip_subtree(&mut self) {
        if let Some(node) = self.opened.take() {
            self.next = self.after(node);
        }
    }

    /// The edge after `node` ends.
    fn after(&self, node: NodeRefH<'a>) -> Option<Edge<'a, Node>> {
        if node.id() == self.root {
            return None;
        }
        match node.next_sibling() {
            Some(sibling) => Some(Edge::Open(sibling)),
            None => node.parent().map(Edge::Close),
        }
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Edge<'a, Node>;

    fn next(&mut self) -> Option<Self::Item> {
        let edge = self.next.take()?;
        self.opened = None;
        self.next = match edge {
            Edge::Open(node) => {
                self.opened = Some(node);
                Some(node.first_child().map_or(Edge::Close(node), Edge::Open))
            }
            Edge::Close(node) => self.after(node),
        };
        Some(edge)
    }
}

/// The nodes of `root`'s subtree that `pick` chooses, in document order, without looking inside
/// a chosen one (it is about to go as a whole).
pub fn pick_outermost<'a>(root: NodeRefH<'a>, mut pick: impl FnMut(&NodeRefH<'a>) -> bool) -> Vec<NodeRefH<'a>> {
    let mut picked = Vec::new();
    let mut walk = Walk::new(root);
    while let Some(edge) = walk.next() {
        if let Edge::Open(node) = edge
            && pick(&node)
        {
            picked.push(node);
            walk.skip_subtree();
        }
    }
    picked
}

/// Remove the outermost nodes below `root` that `pick` chooses; returns how many went.
pub fn remove_outermost(doc: &mut Html, root: NodeId, pick: impl FnMut(&NodeRefH<'_>) -> bool) -> usize {
    let Some(root) = doc.tree.get(root) else { return 0 };
    let doomed: Vec<NodeId> = pick_outermost(root, pick).iter().map(|n| n.id()).collect();
    for &id in &doomed {
        remove(doc, id);
    }
    doomed.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(html: &str, skip: &str) -> String {
        let doc = Html::parse_fragment(html);
        let mut out = String::new();
        let mut walk = Walk::new(*doc.root_element());
        while let Some(edge) = walk.next() {
            match edge {
                Edge::Open(n) => {
                    out.push_str(&format!("<{}>", tag(&n).unwrap_or("#")));
                    if tag(&n) == Some(skip) {
                        walk.skip_subtree();
                    }
                }
                Edge::Close(n) => out.push_str(&format!("</{}>", tag(&n).unwrap_or("#"))),
            }
        }
        out
    }

    #[test]
    fn walk_opens_and_closes_in_document_order_and_skips() {
        let html = "<p>a<b>b</b></p><ul><li>c</li></ul><i></i>";
        assert_eq!(edges(html, "-"), "<html><p><#></#><b><#></#></b></p><ul><li><#></#></li></ul><i></i></html>");
        assert_eq!(edges(html, "ul"), "<html><p><#></#><b><#></#></b></p><ul><i></i></html>");
        assert_eq!(edges(html, "html"), "<html>");
    }

    #[test]
    fn walk_is_iterative() {
        let deep = "<div>".repeat(20_000);
        let doc = Html::parse_fragment(&deep);
        assert!(Walk::new(*doc.root_element()).count() > 1000);
    }

    #[test]
    fn measures_join_children_as_the_collapsed_text_measures() {
        let html = "<div> a <b> b</b>  <i> </i>c <p></p><span>\t</span>中文 <a href=#x> x, y </a><a href=/z>z</a><a>w</a><code> k </code></div>";
        let doc = Html::parse_fragment(html);
        let measures = Measures::of(doc.tree.root());
        for node in doc.tree.root().descendants() {
            let expected: usize = inner_text(node).chars().map(char_weight).sum();
            assert_eq!(measures.get(node).len, expected, "{}", describe(&node));
        }
        let div = doc.tree.root().descendants().find(|n| is(n, "div")).unwrap();
        let m = measures.get(div);
        assert_eq!((m.linked_plain, m.clauses, m.code), (4 + 1 + 1, 1, 1));
        assert!((m.linked - (4.0 * HASH_LINK_WEIGHT + 2.0)).abs() < 1e-6);
    }

    #[test]
    fn remove_outermost_takes_whole_subtrees() {
        let mut doc = Html::parse_fragment("<div class=x><p class=x>1</p></div><p>2</p><p class=x>3</p>");
        let root = doc.root_element().id();
        let gone = remove_outermost(&mut doc, root, |n| attr(n, "class") == Some("x"));
        assert_eq!(gone, 2);
        assert_eq!(doc.root_element().inner_html(), "<p>2</p>");
    }
}
