//! The allow-list every article passes through before anyone sees it.
//!
//! The fragment is parsed as a browser parses it (html5ever, through scraper, the parser the
//! rest of the core already uses), walked once without recursion, and serialized: elements not
//! on the list are unwrapped (their text stays) or, for [`SANITIZE_DROP_WITH_CONTENT`] and
//! anything outside the HTML namespace but MathML's listed presentation elements (SVG, HTML
//! inside MathML: where mutation XSS lives), removed whole;
//! attributes not on the list go; URLs are checked scheme by scheme, `srcset` entry by entry;
//! iframes stay only for video hosts, sandboxed. Which URLs pass is [`crate::urls`]' policy.
//!
//! Why not ammonia, the well-kept sanitizer this started with: it parses with its own tree sink,
//! which compiles a second copy of html5ever's parser into the WASM module (about 80 KB of the
//! gzipped module, which went over its 400 KB budget with it) and parses every article a second
//! time (a fifth of extraction time). `tests/sanitize_oracle.rs` keeps ammonia as a test-only
//! oracle: configured with the same lists, it must leave every fixture article unchanged.

use std::borrow::Cow;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use html5ever::{LocalName, QualName, ns};
use scraper::{Html, Node};

use crate::dom::{self, Walk};
use crate::tunables::{
    SANITIZE_DROP_WITH_CONTENT, SANITIZE_GENERIC_ATTRIBUTES, SANITIZE_LINK_REL,
    SANITIZE_MATHML_ATTRIBUTES, SANITIZE_MATHML_TAGS, SANITIZE_RESERVED_CLASS_PREFIX, SANITIZE_SET_ATTRIBUTES,
    SANITIZE_TAG_ATTRIBUTES, SANITIZE_TAGS,
    TRANSLATION_CLASS,
};
use crate::tunables::thread::{POST_CLASS, POST_HEADER_CLASS};
use crate::input::parser;
use crate::serialize;
use crate::urls;

/// Sanitize article HTML (a fragment, as in a `<div>`): only allowed elements and attributes
/// survive, no URL that could run script, no frame except a video player. Relative URLs are
/// kept as they are. Sanitizing sanitized output returns it unchanged. Markup too costly to
/// parse (see [`parser`]) sanitizes to nothing.
pub fn html(fragment: &str) -> String {
    serialize::inner_html(&tree(fragment).root_element())
}

/// [`html`] as the tree it serializes: for a caller that reads the sanitized article, which
/// parsing the serialized HTML again would rebuild (at the cost of a second parse).
pub fn tree(fragment: &str) -> Html {
    let Ok(mut doc) = parser::fragment(fragment, parser::Budget::default()) else { return Html::parse_fragment("") };
    let root = doc.root_element().id();
    clean(&mut doc, root);
    doc
}

/// What becomes of one node.
enum Verdict {
    Keep(Vec<(QualName, scraper::StrTendril)>),
    Unwrap,
    Drop,
}

/// Decide for every node below `root` in one walk (the inside of a dropped node is not visited),
/// then apply: attributes replaced, unwrapped elements replaced by their children, dropped
/// subtrees detached.
fn clean(doc: &mut Html, root: NodeId) {
    let mut verdicts: Vec<(NodeId, Verdict)> = Vec::new();
    let Some(root_ref) = doc.tree.get(root) else { return };
    let mut walk = Walk::new(root_ref);
    while let Some(edge) = walk.next() {
        let Edge::Open(node) = edge else { continue };
        let in_math = node.parent().is_some_and(|p| p.value().as_element().is_some_and(|e| e.name.ns == ns!(mathml)));
        let verdict = match node.value() {
            _ if node.id() == root => continue,
            Node::Text(_) => continue,
            Node::Element(e) if e.name.ns == ns!(mathml) => judge_math(e),
            // HTML inside MathML (an `mtext` holding a table) is where mutation XSS lives.
            Node::Element(_) if in_math => Verdict::Drop,
            Node::Element(e) => judge(e),
            _ => Verdict::Drop, // comments, processing instructions, doctypes
        };
        if matches!(verdict, Verdict::Drop) {
            walk.skip_subtree();
        }
        verdicts.push((node.id(), verdict));
    }
    for (id, verdict) in verdicts {
        match verdict {
            Verdict::Keep(attrs) => {
                if let Some(mut node) = doc.tree.get_mut(id) {
                    if let Node::Element(e) = node.value() {
                        e.attrs = attrs;
                    }
                }
            }
            Verdict::Unwrap => dom::unwrap(doc, id),
            Verdict::Drop => dom::remove(doc, id),
        }
    }
}

fn judge(element: &scraper::node::Element) -> Verdict {
    let name: &str = &element.name.local;
    if element.name.ns != ns!(html) || SANITIZE_DROP_WITH_CONTENT.contains(&name) {
        return Verdict::Drop;
    }
    if !SANITIZE_TAGS.contains(&name) {
        return Verdict::Unwrap;
    }
    if name == "iframe" && !element.attr("src").is_some_and(urls::is_video_player) {
        return Verdict::Drop;
    }
    let per_tag: &[&str] = SANITIZE_TAG_ATTRIBUTES.iter().find(|(t, _)| *t == name).map_or(&[], |(_, a)| a);
    let mut attrs: Vec<(QualName, scraper::StrTendril)> = Vec::new();
    for (qual, value) in element.attrs.iter() {
        let attr: &str = &qual.local;
        let listed = SANITIZE_GENERIC_ATTRIBUTES.contains(&attr) || per_tag.contains(&attr);
        if qual.ns != ns!() || !listed {
            continue;
        }
        if let Some(kept) = filter_attribute(name, attr, value) {
            attrs.push((qual.clone(), kept.as_ref().into()));
        }
    }
    let mut forced: Vec<(&str, &str)> =
        SANITIZE_SET_ATTRIBUTES.iter().filter(|(t, _, _)| *t == name).map(|(_, a, v)| (*a, *v)).collect();
    if name == "a" {
        forced.push(("rel", SANITIZE_LINK_REL));
    }
    for (attr, value) in forced {
        attrs.retain(|(q, _)| &*q.local != attr);
        attrs.push((QualName::new(None, ns!(), LocalName::from(attr)), value.into()));
    }
    // scraper looks attributes up by binary search.
    attrs.sort_by(|a, b| a.0.cmp(&b.0));
    Verdict::Keep(attrs)
}

/// A MathML element: kept with presentation attributes only when listed, `semantics` unwrapped
/// (its first child is the formula), anything else (`annotation`, `maction`, `mglyph`) dropped.
fn judge_math(element: &scraper::node::Element) -> Verdict {
    let name: &str = &element.name.local;
    if name == "semantics" {
        return Verdict::Unwrap;
    }
    if !SANITIZE_MATHML_TAGS.contains(&name) {
        return Verdict::Drop;
    }
    let mut attrs: Vec<(QualName, scraper::StrTendril)> = element
        .attrs
        .iter()
        .filter(|(q, _)| q.ns == ns!() && SANITIZE_MATHML_ATTRIBUTES.contains(&&*q.local))
        .map(|(q, v)| (q.clone(), v.clone()))
        .collect();
    attrs.sort_by(|a, b| a.0.cmp(&b.0));
    Verdict::Keep(attrs)
}

/// The per-attribute check after the allow-list: `None` drops the attribute, otherwise its
/// (possibly reduced) value is kept.
fn filter_attribute<'u>(element: &str, attr: &str, value: &'u str) -> Option<Cow<'u, str>> {
    let keep = match (element, attr) {
        ("iframe", "src") => urls::is_video_player(value),
        ("img", "src") => urls::is_safe_image(value),
        (_, "href" | "src" | "poster" | "cite") => urls::is_safe(value),
        (_, "srcset") => urls::is_safe_srcset(value),
        (_, "class") => return page_classes(value),
        _ => true,
    };
    keep.then_some(Cow::Borrowed(value))
}

/// The page's class tokens, less any in Lucid's own `lucid-` namespace (an article must not be
/// able to dress itself as the reader's toolbar) except the translation marker [`crate::output::segments`] adds
/// and the post and post-header classes of a thread, exactly as Lucid writes them. The prefix is
/// compared ignoring ASCII case: in a quirks-mode page class selectors do, so `LUCID-toolbar`
/// would take the toolbar's styles;
/// `None` when nothing is left, so the attribute goes. Classes are kept so that reading Lucid's
/// output again sees the same hints the first reading saw (idempotence), and for code languages.
fn page_classes(value: &str) -> Option<Cow<'_, str>> {
    let foreign = |t: &&str| {
        t.get(..SANITIZE_RESERVED_CLASS_PREFIX.len()).is_some_and(|p| p.eq_ignore_ascii_case(SANITIZE_RESERVED_CLASS_PREFIX))
            && ![TRANSLATION_CLASS, POST_CLASS, POST_HEADER_CLASS].contains(t)
    };
    if !value.split_ascii_whitespace().any(|t| foreign(&t)) {
        return (!value.trim().is_empty()).then_some(Cow::Borrowed(value));
    }
    let kept: Vec<&str> = value.split_ascii_whitespace().filter(|t| !foreign(t)).collect();
    (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::html;

    #[test]
    fn keeps_article_markup() {
        let input = r#"<h2 id="s1">Title</h2><p lang="zh" dir="ltr">文本 <a href="https://a.example/x" title="t">link</a> and <code class="language-rust hl">fn</code></p><table><tr><td colspan="2">1</td></tr></table>"#;
        let out = html(input);
        assert!(out.contains(r#"<h2 id="s1">Title</h2>"#), "{out}");
        assert!(out.contains(r#"<p dir="ltr" lang="zh">"#), "{out}");
        assert!(out.contains(r#"href="https://a.example/x""#), "{out}");
        assert!(out.contains(r#"rel="noopener noreferrer""#), "{out}");
        assert!(out.contains(r#"<code class="language-rust hl">fn</code>"#), "{out}");
        assert!(out.contains(r#"<td colspan="2">1</td>"#), "{out}");
    }

    #[test]
    fn drops_script_style_and_their_text() {
        let out = html("<p>a<script>alert(1)</script><style>p{}</style>b</p>");
        assert_eq!(out, "<p>ab</p>");
    }

    #[test]
    fn data_urls_only_for_raster_images() {
        let png = "data:image/png;base64,iVBORw0KGgo=";
        assert!(html(&format!(r#"<img src="{png}">"#)).contains(png));
        for bad in [
            r#"<img src="data:image/svg+xml;base64,PHN2Zz4=">"#,
            r#"<img src="data:text/html;base64,PHNjcmlwdD4=">"#,
            r#"<img src="data:image/png,rawbytes">"#,
            r#"<a href="data:image/png;base64,iVBORw0KGgo=">x</a>"#,
            r#"<img srcset="data:image/png;base64,iVBORw0KGgo= 1x">"#,
        ] {
            assert!(!html(bad).contains("data:"), "{bad} -> {}", html(bad));
        }
    }

    #[test]
    fn srcset_with_any_script_url_is_dropped() {
        let out = html(r#"<img src="a.jpg" srcset="b.jpg 1x, javascript:alert(1) 2x">"#);
        assert!(!out.contains("srcset"), "{out}");
        let ok = html(r#"<img srcset="https://c.example/a,b.jpg 1x, /d.jpg 2x">"#);
        assert!(ok.contains("srcset"), "{ok}");
    }

    #[test]
    fn iframes_only_from_video_hosts() {
        let yt = html(r#"<iframe src="https://www.youtube.com/embed/x" srcdoc="<b>" onload="x()"></iframe>"#);
        assert!(yt.contains(r#"src="https://www.youtube.com/embed/x""#), "{yt}");
        assert!(yt.contains("sandbox="), "{yt}");
        assert!(!yt.contains("srcdoc") && !yt.contains("onload"), "{yt}");
        for bad in [
            "https://evil.example/embed",
            "https://youtube.com.evil.example/embed",
            "https://notyoutube.com/embed",
            "http://www.youtube.com/embed/x",
            "//www.youtube.com/embed/x",
            "javascript:alert(1)",
        ] {
            let out = html(&format!(r#"<p>a<iframe src="{bad}"></iframe>b</p><IFRAME></IFRAME>"#));
            assert_eq!(out, "<p>ab</p>", "{bad}");
        }
    }

    #[test]
    fn classes_stay_but_not_lucids_own() {
        assert_eq!(html(r#"<p class="story lucid-toolbar">x</p>"#), r#"<p class="story">x</p>"#);
        assert_eq!(html(r#"<p class="lucid-panel">x</p>"#), "<p>x</p>");
        assert_eq!(html(r#"<p class="lucid-translation">x</p>"#), r#"<p class="lucid-translation">x</p>"#);
        // Quirks-mode class selectors ignore case: no spelling of the prefix gets through.
        assert_eq!(html(r#"<p class="LUCID-toolbar Lucid-Panel story">x</p>"#), r#"<p class="story">x</p>"#);
        assert_eq!(html(r#"<p class="LUCID-TRANSLATION">x</p>"#), "<p>x</p>");
        assert_eq!(html(r#"<p class="lucidity">x</p>"#), r#"<p class="lucidity">x</p>"#);
    }

    #[test]
    fn idempotent() {
        let input = r#"<p>x<a href="/r" rel="x">y</a><video src="v.mp4"></video><iframe src="https://player.vimeo.com/video/1"></iframe></p>"#;
        let once = html(input);
        assert_eq!(html(&once), once);
    }
}
