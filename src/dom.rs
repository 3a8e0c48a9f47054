//! Parsing, and small iterative helpers over scraper's tree (ego_tree of html5ever nodes).

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::{Error, Options};

/// Parse a document, refusing one with more than `options.max_elements` elements.
pub fn parse(html: &str, options: &Options) -> Result<Html, Error> {
    let doc = Html::parse_document(html);
    let elements = doc.tree.nodes().filter(|n| n.value().is_element()).count();
    if elements > options.max_elements {
        return Err(Error::TooManyElements { limit: options.max_elements });
    }
    Ok(doc)
}

/// The element's lower-case tag name, or `None` for other nodes.
pub fn tag<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    match node.value() {
        Node::Element(e) => Some(e.name.local.as_ref()),
        _ => None,
    }
}

/// An attribute of an element node.
pub fn attr<'a>(node: &NodeRef<'a, Node>, name: &str) -> Option<&'a str> {
    node.value().as_element().and_then(|e| e.attr(name))
}

/// All text below `node`, concatenated (an iterative walk).
pub fn text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        if let Node::Text(t) = n.value() {
            out.push_str(t);
        }
    }
    out
}

/// Node ids of `root` and its descendants, in document order.
pub fn subtree_ids(root: NodeRef<'_, Node>) -> Vec<NodeId> {
    root.descendants().map(|n| n.id()).collect()
}
