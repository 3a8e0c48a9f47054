//! A tree written back out as HTML, byte for byte as html5ever's serializer writes it (as
//! scraper calls it), in one pass. html5ever's escaper searches the rest of a text for `<`, `>`
//! and `"` again after every `&` or no-break space, so a text of a million `&`s takes minutes.

use std::fmt::Write;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::{local_name, ns};
use scraper::{Html, Node, StrTendril};

/// The HTML of `node`'s children (scraper's `inner_html`).
pub fn inner_html(node: &NodeRef<Node>) -> String {
    let mut out = String::new();
    write(&mut out, *node, false, None);
    out
}

/// The HTML of `node`'s children written for the parser to read again as a `<body>`'s content,
/// and the texts it leaves out for the parser to put back (`parser::fragment`): a text that
/// would be read as plain characters is written as a comment holding its index in `texts`, and
/// the tree's own comments are written empty, so only those markers hold anything. Escaping a
/// long text and decoding it again is most of what a second parse costs.
pub struct ForReparse {
    pub html: String,
    pub texts: Vec<StrTendril>,
}

pub fn for_reparse(node: &NodeRef<Node>) -> ForReparse {
    let mut out = String::new();
    let mut texts = Vec::new();
    write(&mut out, *node, false, Some(&mut texts));
    ForReparse { html: out, texts }
}

/// The HTML of each of `nodes`, itself included, one after another.
pub fn nodes_html(doc: &Html, nodes: &[NodeId]) -> String {
    let mut out = String::new();
    for node in nodes.iter().filter_map(|&id| doc.tree.get(id)) {
        write(&mut out, node, true, None);
    }
    out
}

/// `set_aside`: where texts go that are written as markers (see [`for_reparse`]).
fn write(out: &mut String, top: NodeRef<Node>, include_top: bool, mut set_aside: Option<&mut Vec<StrTendril>>) {
    // A void element's children (only scripts make them) are not written, as a parser would
    // never put them back.
    let mut inside_void: Option<NodeId> = None;
    for edge in top.traverse() {
        match edge {
            Edge::Open(node) if node == top && !include_top => {}
            Edge::Open(_) if inside_void.is_some() => {}
            Edge::Open(node) => match node.value() {
                Node::Doctype(doctype) => {
                    out.push_str("<!DOCTYPE ");
                    out.push_str(doctype.name());
                    out.push('>');
                }
                Node::Comment(comment) => {
                    out.push_str("<!--");
                    if set_aside.is_none() {
                        out.push_str(comment);
                    }
                    out.push_str("-->");
                }
                Node::Text(text) => {
                    let written_parent = node.parent().filter(|p| include_top || *p != top);
                    if written_parent.is_some_and(|p| holds_raw_text(p.value())) {
                        out.push_str(text);
                    } else if let Some(texts) = set_aside.as_mut().filter(|_| reads_as_characters(written_parent, text)) {
                        let _ = write!(out, "<!--{}-->", texts.len());
                        texts.push(text.text.clone());
                    } else {
                        escape(out, text, false);
                    }
                }
                Node::Element(element) => {
                    out.push('<');
                    out.push_str(&element.name.local);
                    for (name, value) in &element.attrs {
                        out.push(' ');
                        match name.ns {
                            ns!() => {}
                            ns!(xml) => out.push_str("xml:"),
                            ns!(xmlns) if name.local != local_name!("xmlns") => out.push_str("xmlns:"),
                            ns!(xmlns) => {}
                            ns!(xlink) => out.push_str("xlink:"),
                            _ => out.push_str("unknown_namespace:"),
                        }
                        out.push_str(&name.local);
                        out.push_str("=\"");
                        escape(out, value, true);
                        out.push('"');
                    }
                    out.push('>');
                    if is_void(element) {
                        inside_void = Some(node.id());
                    }
                }
                _ => {}
            },
            Edge::Close(node) if node == top && !include_top => {}
            Edge::Close(node) if inside_void.is_some() => {
                if inside_void == Some(node.id()) {
                    inside_void = None;
                }
            }
            Edge::Close(node) => {
                if let Some(element) = node.value().as_element() {
                    out.push_str("</");
                    out.push_str(&element.name.local);
                    out.push('>');
                }
            }
        }
    }
}

/// HTML elements whose text is written as it is (scraper serializes with scripting off, so
/// `<noscript>` text is escaped).
fn holds_raw_text(parent: &Node) -> bool {
    parent.as_element().is_some_and(|e| {
        e.name.ns == ns!(html)
            && matches!(
                e.name.local,
                local_name!("style")
                    | local_name!("script")
                    | local_name!("xmp")
                    | local_name!("iframe")
                    | local_name!("noembed")
                    | local_name!("noframes")
                    | local_name!("plaintext")
            )
    })
}

/// Whether a parser reading this text escaped (outside raw text, which the caller has ruled out)
/// gets back exactly its characters: not in RCDATA (`title`, `textarea`) or a `noscript` (raw
/// text to a parser with scripting on), and not holding what the tokenizer changes (NUL, CR,
/// a byte order mark if it comes first).
fn reads_as_characters(parent: Option<NodeRef<Node>>, text: &str) -> bool {
    let rcdata = parent.and_then(|p| p.value().as_element()).is_some_and(|e| {
        e.name.ns == ns!(html) && matches!(e.name.local, local_name!("title") | local_name!("textarea") | local_name!("noscript"))
    });
    !rcdata && !text.contains(['\0', '\r']) && !text.starts_with('\u{feff}')
}

/// HTML elements with no end tag.
fn is_void(element: &scraper::node::Element) -> bool {
    element.name.ns == ns!(html)
        && matches!(
            element.name.local,
            local_name!("area")
                | local_name!("base")
                | local_name!("basefont")
                | local_name!("bgsound")
                | local_name!("br")
                | local_name!("col")
                | local_name!("embed")
                | local_name!("frame")
                | local_name!("hr")
                | local_name!("img")
                | local_name!("input")
                | local_name!("keygen")
                | local_name!("link")
                | local_name!("meta")
                | local_name!("param")
                | local_name!("source")
                | local_name!("track")
                | local_name!("wbr")
        )
}

/// Escape `&`, `<`, `>`, no-break spaces, and in an attribute value `"`, in one pass.
pub fn escape(out: &mut String, text: &str, attribute: bool) {
    let bytes = text.as_bytes();
    let mut written = 0;
    let mut at = 0;
    while at < bytes.len() {
        let (replacement, width) = match bytes[at] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' if attribute => ("&quot;", 1),
            0xC2 if bytes.get(at + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => {
                at += 1;
                continue;
            }
        };
        out.push_str(&text[written..at]);
        out.push_str(replacement);
        at += width;
        written = at;
    }
    out.push_str(&text[written..]);
}

#[cfg(test)]
mod tests {
    use super::{inner_html, nodes_html};
    use scraper::Html;

    #[test]
    fn writes_what_html5ever_writes() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut pages = vec![
            "<p title='a \"b\" &amp; <c>'>x &amp; y\u{a0}<br>z &lt; &gt; \"q\"</p><script>a<b&&c</script><noscript>&lt;i&gt;</noscript>\
             <svg xmlns:xlink='http://www.w3.org/1999/xlink'><a xlink:href='#x'><style>a&b</style></a></svg><!-- c --><xmp>a<b</xmp>"
                .to_string(),
        ];
        for corpus in ["readability", "seed", "netease"] {
            for entry in std::fs::read_dir(format!("{fixtures}/{corpus}")).unwrap().flatten() {
                if let Ok(page) = std::fs::read(entry.path().join("source.html")) {
                    pages.push(String::from_utf8_lossy(&page).into_owned());
                }
            }
        }
        for page in pages {
            let doc = Html::parse_document(&page);
            let html = doc.root_element();
            assert_eq!(inner_html(&html), html.inner_html());
            let body = doc.tree.root().descendants().find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"));
            if let Some(body) = body.and_then(scraper::ElementRef::wrap) {
                let children: Vec<_> = body.children().map(|c| c.id()).collect();
                assert_eq!(nodes_html(&doc, &children), body.inner_html());
            }
        }
    }

    #[test]
    fn escapes_a_million_ampersands() {
        // html5ever's escaper takes minutes over this (./build.sh bench shows the times).
        let doc = Html::parse_fragment(&"x&amp;\u{a0}".repeat(1_000_000));
        assert_eq!(inner_html(&doc.root_element()), "x&amp;&nbsp;".repeat(1_000_000));
    }
}
