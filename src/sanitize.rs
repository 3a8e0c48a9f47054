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

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use html5ever::{LocalName, QualName, ns};
use scraper::{Html, Node, StrTendril};

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
    parsed_and_cleaned(fragment, &[])
}

/// [`tree`] of the HTML of `root`'s children (the article found in the page). It is still
/// parsed from HTML, since only what a parser builds from a string can be trusted to stay as
/// it is when serialized and parsed again (mutation XSS lives in the trees it would not
/// build), but its texts are handed to the parser as they are instead of escaped and decoded
/// (see [`parser::fragment`]): text reaches the tree only as text, in less than half the time.
pub fn article(root: &NodeRef<Node>) -> Html {
    let written = serialize::for_reparse(root);
    parsed_and_cleaned(&written.html, &written.texts)
}

fn parsed_and_cleaned(fragment: &str, set_aside: &[StrTendril]) -> Html {
    let Ok(mut doc) = parser::fragment(fragment, set_aside, parser::Budget::default()) else { return Html::parse_fragment("") };
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
    use scraper::Html;

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

    /// Trees a parser built: the fixture pages, the hostile-payload table, texts a tokenizer
    /// would change.
    fn parsed() -> Vec<Html> {
        let mut pages = crate::input::parser::tests::fixture_pages();
        let vectors: Vec<serde_json::Value> = serde_json::from_str(include_str!("../tests/hostile/vectors.json")).unwrap();
        pages.extend(vectors.iter().map(|v| v["html"].as_str().unwrap().to_string()));
        pages.push("<p>c</p><title>a &lt;b&gt;</title><p>c&#13;d &#xfeff;e</p><p>&#xfeff;f<!--0-->g</p><textarea>&lt;b&gt;</textarea>".into());
        pages.push("&#xfeff;h<p>i".into());
        pages.push("<svg><style>&lt;/style&gt;<!--0--></style></svg><noscript>&lt;i&gt;</noscript><pre>\n\ng</pre>".into());
        pages.iter().map(|page| Html::parse_document(page)).collect()
    }

    /// A tree no parser builds, as cleaning can leave one: a paragraph after a `<plaintext>`,
    /// whose text swallows what follows it when parsed again.
    fn after_plaintext() -> Html {
        let mut doc = Html::parse_document("<p>y &amp; z</p><xmp>q</xmp><plaintext>x");
        let find = |doc: &Html, name: &str| doc.tree.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == name)).unwrap().id();
        let (p, plaintext) = (find(&doc, "p"), find(&doc, "plaintext"));
        doc.tree.get_mut(plaintext).unwrap().insert_id_after(p);
        doc
    }

    #[test]
    fn texts_set_aside_build_the_tree_their_escaped_markup_builds() {
        use crate::input::parser;
        use crate::serialize::{self, for_reparse};
        // The `<html>` element's children, `<head>` and `<body>`, as one article: not a
        // parser's tree either, but every text in it is read back.
        let trees = parsed().into_iter().map(|doc| (doc, true));
        for (doc, every_text_read_back) in trees.chain([(after_plaintext(), false)]) {
            let written = for_reparse(&doc.root_element());
            let side = parser::fragment(&written.html, &written.texts, parser::Budget::default()).unwrap();
            // A marker the parser read as a comment became its text; one it read as text
            // (raw text: a `<plaintext>` swallows what follows) is still there.
            let swallowed: std::collections::HashSet<usize> = side.tree.nodes()
                .filter_map(|n| n.value().as_text())
                .flat_map(|t| t.split("<!--").skip(1).filter_map(|after| after.split_once("-->")?.0.parse().ok()))
                .collect();
            assert!(swallowed.is_empty() || !every_text_read_back, "{swallowed:?} in {}", written.html);
            let mut escaped = String::new();
            let mut rest = written.html.as_str();
            while let Some(at) = rest.find("<!--") {
                escaped.push_str(&rest[..at]);
                rest = &rest[at + 4..];
                let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                match rest[..digits].parse::<usize>() {
                    Ok(index) if rest[digits..].starts_with("-->") && !swallowed.contains(&index) => {
                        serialize::escape(&mut escaped, &written.texts[index], false);
                        rest = &rest[digits + 3..];
                    }
                    _ => escaped.push_str("<!--"),
                }
            }
            escaped.push_str(rest);
            let plain = parser::fragment(&escaped, &[], parser::Budget::default()).unwrap();
            assert_eq!(html_of(&side), html_of(&plain), "{}", &written.html[..written.html.len().min(300)]);
        }
    }

    #[test]
    fn texts_set_aside_change_nothing_in_what_a_parser_built() {
        for doc in parsed() {
            let Some(body) = doc.tree.nodes().find(|n| n.value().as_element().is_some_and(|e| e.name() == "body")) else { continue };
            let full = super::tree(&crate::serialize::inner_html(&body));
            assert_eq!(html_of(&super::article(&body)), html_of(&full));
        }
    }

    fn html_of(doc: &Html) -> String {
        crate::serialize::inner_html(&doc.root_element())
    }

    #[test]
    fn idempotent() {
        let input = r#"<p>x<a href="/r" rel="x">y</a><video src="v.mp4"></video><iframe src="https://player.vimeo.com/video/1"></iframe></p>"#;
        let once = html(input);
        assert_eq!(html(&once), once);
    }
}
