//! Small helpers over scraper's tree (an ego_tree of html5ever nodes), and the one way to walk
//! it ([`Walk`]). Every walk is iterative: the WASM stack is small and pages can nest 100 000
//! elements deep.

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::{LocalName, QualName, ns};
use scraper::{Html, Node, node::Element};

use crate::text::{char_weight, is_clause_mark};
use crate::tunables::{BLOCK_TAGS, CODE_TAGS, HASH_LINK_WEIGHT, MAX_TREE_DEPTH};

pub type NodeRefH<'a> = NodeRef<'a, Node>;

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

/// A length counter that collapses white space runs to one and ignores leading and trailing
/// white space, as [`crate::text::normalize_space`] does.
#[derive(Default)]
struct Collapsed {
    len: usize,
    started: bool,
    pending_space: bool,
}

impl Collapsed {
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.pending_space = self.started;
        } else {
            if self.pending_space {
                self.len += 1;
                self.pending_space = false;
            }
            self.len += char_weight(c);
            self.started = true;
        }
    }
}

pub fn measure(node: NodeRefH<'_>) -> Measure {
    let mut all = Collapsed::default();
    let mut link: Option<(NodeId, Collapsed, f32)> = None;
    let mut code: Option<(NodeId, Collapsed)> = None;
    let mut m = Measure::default();
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    for c in t.chars() {
                        all.push(c);
                        if let Some((_, l, _)) = link.as_mut() {
                            l.push(c);
                        }
                        if let Some((_, k)) = code.as_mut() {
                            k.push(c);
                        }
                        if is_clause_mark(c) {
                            m.clauses += 1;
                        }
                    }
                }
                Node::Element(e) => {
                    let name = &*e.name.local;
                    if link.is_none() && name == "a" {
                        let in_page = element_attr(e, "href").is_some_and(|h| h.starts_with('#') && h.len() > 1);
                        link = Some((n.id(), Collapsed::default(), if in_page { HASH_LINK_WEIGHT } else { 1.0 }));
                    }
                    if code.is_none() && CODE_TAGS.contains(&name) {
                        code = Some((n.id(), Collapsed::default()));
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if code.as_ref().is_some_and(|(id, _)| *id == n.id()) {
                    m.code += code.take().map_or(0, |(_, k)| k.len);
                }
                if let Some((id, l, weight)) = &link {
                    if *id == n.id() {
                        m.linked += l.len as f32 * weight;
                        m.linked_plain += l.len;
                        link = None;
                    }
                }
            }
        }
    }
    m.len = all.len;
    m
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
    fn remove_outermost_takes_whole_subtrees() {
        let mut doc = Html::parse_fragment("<div class=x><p class=x>1</p></div><p>2</p><p class=x>3</p>");
        let root = doc.root_element().id();
        let gone = remove_outermost(&mut doc, root, |n| attr(n, "class") == Some("x"));
        assert_eq!(gone, 2);
        assert_eq!(doc.root_element().inner_html(), "<p>2</p>");
    }
}
