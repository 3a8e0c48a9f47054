//! Parsing, and small helpers over scraper's tree (an ego_tree of html5ever nodes). Every walk is
//! iterative: the WASM stack is small and pages can nest 100 000 elements deep.

use ego_tree::{NodeId, NodeRef};
use html5ever::{LocalName, QualName, ns};
use scraper::{Html, Node, node::Element};

use crate::text::{char_weight, is_clause_mark};
use crate::tunables::{HASH_LINK_WEIGHT, MAX_TREE_DEPTH};
use crate::{Error, Options};

pub type NodeRefH<'a> = NodeRef<'a, Node>;

/// Parse a document, refusing one with more than `options.max_elements` elements.
pub fn parse(html: &str, options: &Options) -> Result<Html, Error> {
    let mut doc = Html::parse_document(html);
    let elements = doc.tree.nodes().filter(|n| n.value().is_element()).count();
    if elements > options.max_elements {
        return Err(Error::TooManyElements { limit: options.max_elements });
    }
    flatten_deep_nesting(&mut doc);
    Ok(doc)
}

/// Move nodes nested deeper than [`MAX_TREE_DEPTH`] up to their ancestor at that depth, in
/// document order, as Chromium's parser does; this bounds every later walk over ancestors.
fn flatten_deep_nesting(doc: &mut Html) {
    use ego_tree::iter::Edge;
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
    node.value().as_element().and_then(|e| e.attr(name))
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
    use ego_tree::iter::Edge;
    let mut all = Collapsed::default();
    let mut link: Option<(NodeId, Collapsed, f32)> = None;
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
                        if is_clause_mark(c) {
                            m.clauses += 1;
                        }
                    }
                }
                Node::Element(e) if link.is_none() && &*e.name.local == "a" => {
                    let in_page = e.attr("href").is_some_and(|h| h.starts_with('#') && h.len() > 1);
                    link = Some((n.id(), Collapsed::default(), if in_page { HASH_LINK_WEIGHT } else { 1.0 }));
                }
                _ => {}
            },
            Edge::Close(n) => {
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

/// True when an ancestor (within `max_depth` levels, 0 = unlimited) is named `name`.
pub fn has_ancestor(node: NodeRefH<'_>, name: &str, max_depth: usize) -> bool {
    node.ancestors()
        .take(if max_depth == 0 { usize::MAX } else { max_depth })
        .any(|a| is(&a, name))
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
    if e.attr("hidden").is_some() {
        return false;
    }
    // Images with aria-hidden in a fallback wrapper are shown by the page's script (Wikimedia).
    if e.attr("aria-hidden") == Some("true")
        && !e.attr("class").is_some_and(|c| c.contains("fallback-image"))
    {
        return false;
    }
    match e.attr("style") {
        Some(style) => {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
            !(style.contains("display:none") || style.contains("visibility:hidden"))
        }
        None => true,
    }
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

/// Walk `root`'s subtree in document order and return the nodes `pick` chooses, without visiting
/// the inside of a chosen node (it is about to go as a whole).
pub fn pick_outermost<'a>(root: NodeRefH<'a>, mut pick: impl FnMut(&NodeRefH<'a>) -> bool) -> Vec<NodeRefH<'a>> {
    use ego_tree::iter::Edge;
    let mut picked = Vec::new();
    let mut inside: Option<NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) if inside.is_none() => {
                if pick(&node) {
                    picked.push(node);
                    inside = Some(node.id());
                }
            }
            Edge::Close(node) if inside == Some(node.id()) => inside = None,
            _ => {}
        }
    }
    picked
}
