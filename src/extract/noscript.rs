//! Pages that show their text only to readers without script: the whole page sits in a
//! `<noscript>` (Discourse's crawler view, Flarum's), while the body holds an empty shell that
//! the page's script fills. A browser with scripting on never shows that `<noscript>`; html5ever,
//! parsing as such a browser does, keeps its markup as text. When the shell holds almost no
//! prose and a `<noscript>` holds a page's worth, the `<noscript>` is what there is to read: its
//! markup is parsed and put in its place, before preparing removes every other `<noscript>`.
//!
//! In the extension the page has run its script and the shell is full, so this does not fire
//! there; it serves the command line and saved pages.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::dom::{self, Walk};
use crate::text::char_weight;
use crate::tunables::thread::{NOSCRIPT_MIN_PROSE, NOSCRIPT_SHELL_SHARE};

/// Parse and put in place the `<noscript>` elements holding a page the body otherwise lacks,
/// unless that would take the page over `max_elements` (the limit the parsed page was held to).
/// Returns how many were revealed.
pub fn reveal_page(doc: &mut Html, max_elements: usize) -> usize {
    let noscripts: Vec<(NodeId, String)> = doc
        .tree
        .root()
        .descendants()
        .filter(|n| dom::is(n, "noscript") && !dom::has_ancestor(*n, "head"))
        .map(|n| (n.id(), dom::text(n)))
        .filter(|(_, markup)| markup.contains('<'))
        .collect();
    if noscripts.is_empty() {
        return 0;
    }
    let parsed: Vec<(NodeId, Html, usize)> = noscripts
        .into_iter()
        .map(|(id, markup)| {
            let fragment = Html::parse_fragment(&markup);
            let prose = dom::prose_len(fragment.tree.root());
            (id, fragment, prose)
        })
        .filter(|(_, _, prose)| *prose >= NOSCRIPT_MIN_PROSE)
        .collect();
    let hidden: usize = parsed.iter().map(|(_, _, prose)| prose).sum();
    if hidden == 0 || shown_prose(doc) as f32 > hidden as f32 * NOSCRIPT_SHELL_SHARE {
        return 0;
    }
    let elements = |d: &Html| d.tree.nodes().filter(|n| n.value().is_element()).count();
    if elements(doc) + parsed.iter().map(|(_, f, _)| elements(f)).sum::<usize>() > max_elements {
        return 0;
    }
    let revealed = parsed.len();
    for (id, fragment, _) in parsed {
        // The element becomes a `<div>` holding the parsed page: detached, a `<noscript>` would
        // still be in the tree's arena, where walks over every node would meet it.
        let markup: Vec<NodeId> = doc.tree.get(id).map(|n| n.children().map(|c| c.id()).collect()).unwrap_or_default();
        for text in markup {
            dom::remove(doc, text);
        }
        graft(doc, id, &fragment);
        dom::rename(doc, id, "div");
    }
    dom::flatten_deep_nesting(doc);
    revealed
}

/// Weighted length of the text a scripting browser shows outside links, white space aside: no `<noscript>` (its
/// markup is text to the parser), script, style or template text.
fn shown_prose(doc: &Html) -> usize {
    let mut prose = 0;
    let mut in_link: Option<NodeId> = None;
    let mut walk = Walk::new(doc.tree.root());
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if matches!(&*e.name.local, "noscript" | "script" | "style" | "template") => {
                    walk.skip_subtree()
                }
                Node::Element(e) if &*e.name.local == "a" && in_link.is_none() => in_link = Some(node.id()),
                Node::Text(t) if in_link.is_none() => prose += t.chars().filter(|c| !c.is_whitespace()).map(char_weight).sum::<usize>(),
                _ => {}
            },
            Edge::Close(node) if in_link == Some(node.id()) => in_link = None,
            Edge::Close(_) => {}
        }
    }
    prose
}

/// Copy the fragment's content (the children of its `<html>` element) into `doc`, as the
/// children of `at`. Iterative: the fragment may nest as deep as any page.
fn graft(doc: &mut Html, at: NodeId, fragment: &Html) {
    let top = fragment.root_element();
    let mut parents: Vec<Option<NodeId>> = Vec::new();
    for edge in top.traverse() {
        match edge {
            Edge::Open(node) if node.id() == top.id() => parents.push(None),
            Edge::Open(node) => {
                let copy = doc.tree.orphan(node.value().clone()).id();
                let parent = parents.last().copied().flatten().unwrap_or(at);
                if let Some(mut p) = doc.tree.get_mut(parent) {
                    p.append_id(copy);
                }
                // Only elements hold children; other nodes close at once.
                parents.push(matches!(node.value(), Node::Element(_)).then_some(copy));
            }
            Edge::Close(_) => {
                parents.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POST: &str = "<p>The committee met on Tuesday and agreed, after a long debate, to publish the report in full, with every appendix and every dissenting opinion attached.</p>";

    fn body_text(doc: &Html) -> String {
        dom::inner_text(doc.tree.root())
    }

    #[test]
    fn an_empty_shell_shows_its_noscript_page() {
        let page = format!(
            "<html><head><noscript><link rel=stylesheet href=x.css></noscript></head><body><section id=main></section>\
             <noscript><div id=outlet><h1>Topic</h1>{}</div></noscript></body></html>",
            POST.repeat(5)
        );
        let mut doc = Html::parse_document(&page);
        assert_eq!(reveal_page(&mut doc, 300_000), 1);
        assert!(doc.tree.root().descendants().any(|n| dom::attr(&n, "id") == Some("outlet")));
        assert!(!doc.tree.nodes().any(|n| dom::is(&n, "noscript") && dom::has_ancestor(n, "body")));
        assert!(body_text(&doc).contains("The committee met"));
    }

    #[test]
    fn a_full_page_keeps_its_noscript_hidden() {
        let page = format!(
            "<html><body><article>{}</article><noscript><div>{}</div></noscript></body></html>",
            POST.repeat(5),
            POST.repeat(5)
        );
        let mut doc = Html::parse_document(&page);
        assert_eq!(reveal_page(&mut doc, 300_000), 0);
        let short = "<html><body><div id=app></div><noscript><p>Please enable JavaScript to use this site.</p></noscript></body></html>";
        let mut doc = Html::parse_document(short);
        assert_eq!(reveal_page(&mut doc, 300_000), 0);
    }

    #[test]
    fn a_revealed_page_with_images_reads() {
        // Preparing looks for `<noscript>` images in every node of the tree's arena: the revealed
        // element must not stay there as a `<noscript>` holding `<img` markup.
        let page = format!(
            "<html><body><div id=app></div><noscript><article><img src=photo.jpg>{}</article></noscript></body></html>",
            POST.repeat(5)
        );
        let article = crate::extract(&page, &crate::Options::default()).unwrap().expect("an article");
        assert!(article.text_content.contains("The committee met"), "{}", article.text_content);
        assert!(article.content.contains("photo.jpg"), "{}", article.content);
    }

    #[test]
    fn grafting_is_iterative() {
        let page = format!("<html><body><noscript>{}{}</noscript></body></html>", "<div>".repeat(5_000), POST.repeat(5));
        let mut doc = Html::parse_document(&page);
        assert_eq!(reveal_page(&mut doc, 300_000), 1);
        assert!(body_text(&doc).contains("The committee met"));
    }
}
