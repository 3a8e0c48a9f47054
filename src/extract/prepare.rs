//! Preparing the document for scoring, whatever the retry policy: scripts, styles and hidden
//! nodes go; `<noscript>` images replace their lazy placeholders; `<br><br>` chains become
//! paragraphs; `<font>` becomes `<span>`.

use std::cell::OnceCell;

use ego_tree::NodeId;
use html5ever::ns;
use scraper::{Html, Node};

use crate::dom::{self, NodeRefH};
use crate::trace::{Stage, Trace};
use crate::tunables::{
    COLLAPSED_PANEL_HINTS, COLLAPSED_PANEL_MAX_LINK_DENSITY, COLLAPSED_PANEL_MIN_CLAUSES, HIDDEN_PROSE_KEPT, MATH_WRAPPER_LEVELS,
    PHRASING_ELEMS, REMOVED_BEFORE_SCORING, UNCLOSED_WRAPPER_TAGS, UNSTYLED_GUARD_PROSE_SHARE,
};

pub fn document(doc: &mut Html, trace: &mut Trace) {
    unwrap_noscript_images(doc);
    remove_non_content(doc, trace);
    remove_math_renderings(doc, trace);
    replace_br_chains(doc);
}

/// Lazy-loading pages put the real image in `<noscript>` after a placeholder `<img>`; html5ever
/// parses noscript content as text (scripting on), so parse it and move the image out, replacing
/// the placeholder, as Readability's `_unwrapNoscriptImages` does.
fn unwrap_noscript_images(doc: &mut Html) {
    let noscripts: Vec<(NodeId, String)> = doc
        .tree
        .nodes()
        .filter(|n| dom::is(n, "noscript"))
        .map(|n| (n.id(), dom::text(n)))
        .filter(|(_, t)| t.contains("<img"))
        .collect();
    for (id, inner) in noscripts {
        let fragment = Html::parse_fragment(&inner);
        let imgs: Vec<_> = fragment.tree.nodes().filter(|n| dom::is(n, "img")).collect();
        let [img] = imgs.as_slice() else { continue };
        let Some(el) = img.value().as_element() else { continue };
        let new_img = dom::new_element(doc, "img");
        for (name, value) in el.attrs() {
            dom::set_attr(doc, new_img, name, value);
        }
        // The placeholder is the previous element sibling, when it is an image (or wraps one).
        let placeholder = doc.tree.get(id).and_then(|n| {
            n.prev_siblings().find(|s| s.value().is_element() || s.value().as_text().is_some_and(|t| !t.trim().is_empty()))
        });
        let placeholder = placeholder.filter(|p| dom::is(p, "img")).map(|p| p.id());
        if let Some(mut node) = doc.tree.get_mut(id) {
            node.insert_id_before(new_img);
        }
        dom::remove(doc, id);
        if let Some(p) = placeholder {
            dom::remove(doc, p);
        }
    }
}

/// Remove what never holds article text (scripts, styles, form controls, comments) and what the
/// page hides, and turn `<font>` into `<span>`.
fn remove_non_content(doc: &mut Html, trace: &mut Trace) {
    let mut fonts = Vec::new();
    // An element with the `hidden` attribute that holds most of the page's prose, or a lot of it,
    // is revealed by the page's own script (streamed server rendering parks the article in
    // `<div hidden id="S:0">`): it stays. Styles that hide (`display: none`) still remove.
    // Measured only when a node asks: most pages have nothing hidden, and the walk over the whole
    // page is a large share of the stage.
    let page_prose = OnceCell::new();
    let page_prose = |node: &NodeRefH<'_>| *page_prose.get_or_init(|| dom::measure(node.tree().root()).prose());
    // So does a wrapper of the whole page styled `visibility: hidden` until the page's script
    // has run (Next.js and A/B-testing snippets hide the page against a flash of unstyled
    // content; the live page is visible).
    let shown_by_script = |node: &NodeRefH<'_>| {
        (dom::attr(node, "hidden").is_some() && {
            let prose = dom::measure(*node).prose();
            prose >= HIDDEN_PROSE_KEPT || prose * 2 > page_prose(node)
        }) || (dom::style_says(node, &["visibility:hidden"])
            && dom::measure(*node).prose() as f32 >= UNSTYLED_GUARD_PROSE_SHARE * page_prose(node) as f32)
            || is_collapsed_panel(node)
    };
    // A `nav` or `aside` that broken markup left open wraps the rest of the page (a banner's
    // `<aside>` never closed: browsers parse the article into it too); one holding most of the
    // page's prose is no sidebar.
    let wraps_the_page = |node: &NodeRefH<'_>, name: &str| {
        UNCLOSED_WRAPPER_TAGS.contains(&name) && {
            let prose = dom::measure(*node).prose();
            prose > 0 && prose * 2 > page_prose(node)
        }
    };
    let root = doc.tree.root().id();
    dom::remove_outermost(doc, root, |node| {
        let reason = match node.value() {
            Node::Comment(_) => return true,
            Node::Element(e)
                if REMOVED_BEFORE_SCORING.contains(&&*e.name.local) && !wraps_the_page(&node, &e.name.local) =>
            {
                "never article content"
            }
            Node::Element(_) if !dom::is_visible(node) && !shown_by_script(node) => "hidden",
            Node::Element(e) => {
                if &*e.name.local == "font" {
                    fonts.push(node.id());
                }
                return false;
            }
            _ => return false,
        };
        trace.removed(Stage::Prepare, node, reason);
        true
    });
    for id in fonts {
        dom::rename(doc, id, "span");
    }
}

/// A collapsed accordion or tab panel holding prose: the reader opens it with a click (the
/// answers of an FAQ, a guide's steps), so it is content, not something the page hides. Known
/// by its role (`region`, `tabpanel`), the heading that labels it (`aria-labelledby`) or a
/// panel's class; a hidden menu or dialog is none of these, or holds links rather than prose.
fn is_collapsed_panel(node: &NodeRefH<'_>) -> bool {
    let role = dom::attr(node, "role").is_some_and(|r| matches!(r.trim(), "region" | "tabpanel"));
    let labelled = dom::attr(node, "aria-labelledby").is_some();
    let hints = dom::class_and_id(node);
    let named = COLLAPSED_PANEL_HINTS.iter().any(|h| hints.contains(h));
    (role || labelled || named) && {
        let m = dom::measure(*node);
        m.clauses >= COLLAPSED_PANEL_MIN_CLAUSES && m.link_density() < COLLAPSED_PANEL_MAX_LINK_DENSITY
    }
}

/// KaTeX and MathJax write each formula twice: as MathML for assistive technology and as
/// styled HTML for the eye (`span.katex` holds `span.katex-mathml` and `span.katex-html`;
/// `mjx-container` holds `mjx-math` and `mjx-assistive-mml`). The reading view shows the MathML
/// (its own stylesheet has no KaTeX CSS to draw the HTML), so the HTML twin goes: the sibling
/// of the formula's wrapper, within [`MATH_WRAPPER_LEVELS`] of it, in a pair with no text of
/// its own.
fn remove_math_renderings(doc: &mut Html, trace: &mut Trace) {
    let is_math = |n: &NodeRefH<'_>| n.value().as_element().is_some_and(|e| e.name.ns == ns!(mathml) && &*e.name.local == "math");
    let mut twins: Vec<NodeId> = Vec::new();
    for math in doc.tree.nodes().filter(|n| is_math(n)) {
        let mut wrapper = math;
        for _ in 0..MATH_WRAPPER_LEVELS {
            let Some(pair) = wrapper.parent() else { break };
            let children: Vec<NodeRefH<'_>> = dom::element_children(pair).collect();
            let own_text = pair.children().any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty()));
            if children.len() == 2 && !own_text {
                let twin = if children[0].id() == wrapper.id() { children[1] } else { children[0] };
                if !twin.descendants().any(|d| is_math(&d)) {
                    trace.removed(Stage::Prepare, &twin, "the formula drawn again in HTML");
                    twins.push(twin.id());
                }
                break;
            }
            wrapper = pair;
        }
    }
    for id in twins {
        dom::remove(doc, id);
    }
}

/// True for a text node holding only white space.
fn is_blank_text(node: &NodeRefH<'_>) -> bool {
    node.value().as_text().is_some_and(|t| t.trim().is_empty())
}

/// Two or more `<br>` in a row separate paragraphs, as on many Chinese portals and old blogs:
/// wrap the runs between them in `<p>` (Readability's `_replaceBrs`, applied to every run).
fn replace_br_chains(doc: &mut Html) {
    let parents: Vec<NodeId> = doc
        .tree
        .nodes()
        .filter(|n| dom::is(n, "br"))
        .filter(|br| {
            br.next_siblings().find(|s| !is_blank_text(s)).is_some_and(|s| dom::is(&s, "br"))
        })
        .filter_map(|br| br.parent().map(|p| p.id()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    for parent in parents {
        split_at_br_chains(doc, parent);
    }
}

fn split_at_br_chains(doc: &mut Html, parent: NodeId) {
    let Some(node) = doc.tree.get(parent) else { return };
    let children: Vec<NodeRefH<'_>> = node.children().collect();
    // Runs of phrasing content, split at chains of two or more <br>.
    let mut runs: Vec<Vec<NodeId>> = vec![Vec::new()];
    let mut chain_brs: Vec<NodeId> = Vec::new();
    let mut i = 0;
    while i < children.len() {
        let c = &children[i];
        if dom::is(c, "br") {
            // Look ahead for another <br> past white space.
            let mut j = i + 1;
            while j < children.len() && is_blank_text(&children[j]) {
                j += 1;
            }
            if j < children.len() && dom::is(&children[j], "br") {
                while j < children.len() && (dom::is(&children[j], "br") || is_blank_text(&children[j])) {
                    j += 1;
                }
                chain_brs.extend(children[i..j].iter().map(|n| n.id()));
                runs.push(Vec::new());
                i = j;
                continue;
            }
        }
        let phrasing = match c.value() {
            Node::Element(e) => PHRASING_ELEMS.contains(&&*e.name.local),
            _ => true,
        };
        if phrasing {
            if let Some(run) = runs.last_mut() {
                run.push(c.id());
            }
        } else {
            runs.push(Vec::new());
        }
        i += 1;
    }
    let runs: Vec<Vec<NodeId>> = runs
        .into_iter()
        .filter(|run| run.iter().any(|&id| doc.tree.get(id).is_some_and(|n| !is_blank_text(&n))))
        .collect();
    for run in runs {
        dom::wrap_run(doc, &run, "p");
    }
    for br in chain_brs {
        dom::remove(doc, br);
    }
    // A <p> cannot hold paragraphs.
    if doc.tree.get(parent).is_some_and(|n| dom::is(&n, "p")) {
        dom::rename(doc, parent, "div");
    }
}

#[cfg(test)]
mod tests {
    fn text_of(html: &str) -> String {
        crate::extract(html, &crate::Options::default()).unwrap().map(|a| a.text_content).unwrap_or_default()
    }

    const PROSE: &str = "The committee met on Tuesday and agreed, after a long debate, to publish the report in full, with every appendix and every dissenting opinion attached.";

    #[test]
    fn an_article_parked_in_a_hidden_element_for_script_stays() {
        let page = format!(
            "<html><body><nav><a href=/>Home</a></nav><div hidden id='S:0'><article>{}</article></div>\
             <div hidden><p>Subscribe to our newsletter for more.</p></div></body></html>",
            format!("<p>{PROSE}</p>").repeat(6)
        );
        let text = text_of(&page);
        assert!(text.contains("The committee met"), "{text}");
        assert!(!text.contains("Subscribe"), "{text}");
    }

    #[test]
    fn style_hidden_text_goes_however_long() {
        let page = format!(
            "<html><body><article><p>{PROSE}</p><div style='display:none'>{}</div></article></body></html>",
            format!("<p>Hidden {PROSE}</p>").repeat(6)
        );
        assert!(!text_of(&page).contains("Hidden"));
    }
}
