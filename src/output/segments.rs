//! Translation hooks: [`split`] cuts an article's sanitized content into translatable segments
//! (the innermost blocks of text, inline markup kept), and [`merge`] puts translations back.
//!
//! A segment is either a whole element (a `p`, `h2`, `li`, `td`… holding only inline content) or
//! a run of inline nodes beside block children (an `li`'s text before its nested list, text
//! loose in a `div` between paragraphs). The template is the content with each segment emptied
//! and marked — `data-lucid-seg="s3"` on the element, or a `<lucid-seg data-lucid-seg="s3">`
//! placeholder where a run was — so merging is a DOM operation on a parsed template.
//!
//! Translations come from a third-party service and are untrusted: each is sanitized, reduced to
//! inline markup, and may only keep URLs (`href`, `src`, `srcset`, `poster`, `cite`) and anchors
//! (`id`, `name`) that the original segment had. A link the service invents loses its element
//! (its text stays); a link the segment had survives wherever the translation moved it.
//!
//! The article's title is not in the content: the shell translates `Article::title` itself.
//!
//! The output carries no segment ids: to show progress the shell merges the translations it has
//! so far and renders the whole content again. On the largest fixture article (540 KB, 748
//! segments) a native release build splits in 11 ms and merges in 30 ms (39 ms bilingual).

use std::collections::{HashMap, HashSet};

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use serde::{Deserialize, Serialize};

use crate::dom::{self, NodeRefH, Walk};
use crate::sanitize;
use crate::serialize;
use crate::tunables::TRANSLATION_CLASS;

/// The attribute that marks a segment's element (or run placeholder) in the template.
const MARKER: &str = "data-lucid-seg";
/// The placeholder element standing for a run of inline nodes in the template.
const RUN_PLACEHOLDER: &str = "lucid-seg";
/// Blocks never translated and not entered (beside them, every [`dom::is_block`] element ends a
/// run of inline content, and an element holding one is not a segment itself): code is not prose, media hold no text to read
/// (a video's fallback text is for browsers without video), raw-text elements hold no markup.
const SKIP_TAGS: &[&str] = &[
    "pre", "audio", "video", "iframe", "picture", "object", "embed", "canvas", "svg", "math",
    "script", "style", "template", "textarea", "noscript", "select",
];
/// Inline code-like elements: their text does not make a segment worth translating.
const CODE_TAGS: &[&str] = &["code", "kbd", "samp", "var"];
/// Elements whose bilingual copy is a sibling of the same tag. For every other segment element
/// (`li`, `td`, `th`, `caption`, `figcaption`, `summary`, …) a sibling would break the parent's
/// structure (an extra cell, item or second caption), so the translation goes inside, after the
/// original, in a `div` (a `span` in `summary`, which takes phrasing content only).
const SIBLING_COPY_TAGS: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "dt", "dd", "address",
    "article", "aside", "section", "header", "footer", "center", "figure",
];
/// Inline elements a translation may keep; others are unwrapped (their text stays), so a
/// translation cannot put blocks into a paragraph or change the article's structure.
const TRANSLATION_INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "i", "img",
    "ins", "kbd", "mark", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub",
    "sup", "time", "u", "var", "wbr",
];
/// Attributes a translation keeps only with a value the original segment had: URLs (a service
/// must not add links or tracking images) and anchors (ids must stay unique and keep pointing at
/// the footnote they named).
const CARRIED_ATTRIBUTES: &[&str] = &["href", "src", "srcset", "poster", "cite", "id", "name"];

/// One translatable piece of the article. Serialized as `{id, html, text}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// `s0`, `s1`, … in document order; the same content always gives the same ids.
    pub id: String,
    /// The segment's inner HTML, inline markup kept (links, emphasis, code): what HTML-aware
    /// providers translate.
    pub html: String,
    /// Plain text (white space collapsed, `<br>` as a line break) for providers without HTML.
    pub text: String,
}

/// The result of [`split`]: the segments and the template [`merge`] fills. Serialized as
/// `{segments, template}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmented {
    pub segments: Vec<Segment>,
    /// The content with every segment emptied and marked; not for display.
    pub template: String,
}

/// A provider's translation of one segment. Serialized as `{id, html}`. `html` is HTML: a
/// provider that returns plain text must be escaped (`&`, `<`, `>`) before it is passed here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Translation {
    pub id: String,
    pub html: String,
}

/// How translations are shown. Serialized as `"replace"` or `"bilingual"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Each translated segment takes the place of its original.
    #[default]
    Replace,
    /// Each original stays, followed by its translation in an element of class
    /// [`TRANSLATION_CLASS`]: a sibling of the same tag for paragraphs, headings, quotes, `div`,
    /// `dt`/`dd`; inside the element, after the original, for list items, table cells and
    /// captions, and for text runs beside blocks.
    Bilingual,
}

/// How [`merge`] works. Serialized as `{mode, lang}`; both may be left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MergeOptions {
    /// Default: [`Mode::Replace`].
    pub mode: Mode,
    /// The translation's language (BCP 47), set as `lang` on translated elements so that fonts,
    /// hyphenation and screen readers follow it. Default: none (no `lang` is set).
    pub lang: Option<String>,
}

/// Cut sanitized article content into translatable segments: headings, paragraphs, list items,
/// table cells, captions, quotes, `dt`/`dd`, `summary` and `div`s that hold inline content only,
/// and inline text beside blocks. Code blocks, media, and pieces with no letters (only
/// white space, punctuation, numbers or code) are not segments.
pub fn split(content_html: &str) -> Segmented {
    let mut doc = Html::parse_fragment(content_html);
    let root = doc.root_element().id();
    let pieces = find_pieces(&doc, root);

    let mut segments = Vec::with_capacity(pieces.len());
    for (index, piece) in pieces.iter().enumerate() {
        let nodes = piece.nodes(&doc);
        segments.push(Segment { id: format!("s{index}"), html: serialize::nodes_html(&doc, &nodes), text: plain_text(&doc, &nodes) });
    }
    clear_markers(&mut doc);
    for (piece, segment) in pieces.iter().zip(&segments) {
        match piece {
            Piece::Element(id) => {
                for child in piece.nodes(&doc) {
                    dom::remove(&mut doc, child);
                }
                dom::set_attr(&mut doc, *id, MARKER, &segment.id);
            }
            Piece::Run(run) => {
                let placeholder = dom::new_element(&mut doc, RUN_PLACEHOLDER);
                dom::set_attr(&mut doc, placeholder, MARKER, &segment.id);
                if let Some(mut first) = run.first().and_then(|&first| doc.tree.get_mut(first)) {
                    first.insert_id_before(placeholder);
                }
                for &node in run {
                    dom::remove(&mut doc, node);
                }
            }
        }
    }
    Segmented { segments, template: serialize::inner_html(&doc.root_element()) }
}

/// Fill the template of `segmented` with `translations`, shown as `options.mode` says, and
/// return the content HTML. A segment without a translation (or with an empty one) keeps its
/// original, unmarked; translations with unknown ids are ignored; of duplicates the first wins.
/// Translations are sanitized (see the module comment); the template and originals are trusted
/// as [`split`] made them from sanitized content. With every segment's own `html` as its
/// translation, Replace mode returns the content `split` was given (up to serialization).
pub fn merge(segmented: &Segmented, translations: &[Translation], options: &MergeOptions) -> String {
    let mut merger = Merger::new(segmented, options.clone());
    merger.add(translations);
    merger.html()
}

/// [`merge`] one batch at a time, for a translation arriving in batches: the template is parsed
/// once and each batch costs only its own segments plus one serialization, so showing progress
/// does not merge the whole article again for every batch. `add` then `html` gives what `merge`
/// gives for every translation added so far.
pub struct Merger {
    /// The content with every original in place; segments not yet translated keep their marker
    /// (run segments stay wrapped in their placeholder), translated ones have lost it.
    doc: Html,
    /// The marked nodes in document order, with their segment's original HTML and whether they
    /// are translated (a tampered template may mark several nodes with one id: each is filled).
    targets: Vec<Target>,
    options: MergeOptions,
}

struct Target {
    id: String,
    node: NodeId,
    original: String,
    is_run: bool,
    translated: bool,
}

impl Merger {
    pub fn new(segmented: &Segmented, options: MergeOptions) -> Merger {
        let originals: HashMap<&str, &str> =
            segmented.segments.iter().map(|s| (s.id.as_str(), s.html.as_str())).collect();
        let mut doc = Html::parse_fragment(&segmented.template);
        let root = doc.root_element().id();
        let marked: Vec<(NodeId, String)> = doc
            .tree
            .get(root)
            .into_iter()
            .flat_map(|r| r.descendants())
            .filter_map(|n| dom::attr(&n, MARKER).map(|id| (n.id(), id.to_string())))
            .collect();
        let mut targets = Vec::with_capacity(marked.len());
        for (node, id) in marked {
            let original = originals.get(id.as_str()).copied().unwrap_or("").to_string();
            let is_run = doc.tree.get(node).is_some_and(|n| dom::is(&n, RUN_PLACEHOLDER));
            place(&mut doc, node, false, Html::parse_fragment(&original));
            targets.push(Target { id, node, original, is_run, translated: false });
        }
        Merger { doc, targets, options }
    }

    /// True while `node` is still in the content (a tampered template can nest a marked node in
    /// another, which a translation then replaces).
    fn attached(&self, node: NodeId) -> bool {
        let root = self.doc.root_element().id();
        self.doc.tree.get(node).is_some_and(|n| n.ancestors().any(|a| a.id() == root))
    }

    /// Put `translations` in place; ids unknown or translated already, and empty translations,
    /// are ignored.
    pub fn add(&mut self, translations: &[Translation]) {
        let mut seen: HashSet<&str> = HashSet::new();
        for t in translations.iter().filter(|t| !t.html.trim().is_empty()) {
            if !seen.insert(t.id.as_str()) {
                continue;
            }
            for i in 0..self.targets.len() {
                let target = &self.targets[i];
                if target.id != t.id || target.translated {
                    continue;
                }
                let (node, is_run) = (target.node, target.is_run);
                if self.attached(node) {
                    let inside_link = self.doc.tree.get(node).is_some_and(|n| dom::has_ancestor(n, "a"));
                    let translation = clean_translation(&t.html, &target.original, self.options.mode, inside_link);
                    self.put(node, is_run, translation);
                }
                self.targets[i].translated = true;
            }
        }
    }

    /// Show `translation` for the marked `node`, as the mode says.
    fn put(&mut self, node: NodeId, is_run: bool, translation: Html) {
        let doc = &mut self.doc;
        dom::remove_attr(doc, node, MARKER);
        let lang = self.options.lang.as_deref();
        match self.options.mode {
            Mode::Replace => {
                let original: Vec<NodeId> =
                    doc.tree.get(node).map(|n| n.children().map(|c| c.id()).collect()).unwrap_or_default();
                for child in original {
                    dom::remove(doc, child);
                }
                match (is_run, lang) {
                    (true, Some(_)) => {
                        let span = new_holder(doc, "span", None, lang);
                        if let Some(mut n) = doc.tree.get_mut(node) {
                            n.insert_id_before(span);
                        }
                        place(doc, span, false, translation);
                    }
                    _ => {
                        if let (false, Some(lang)) = (is_run, lang) {
                            dom::set_attr(doc, node, "lang", lang);
                        }
                        place(doc, node, is_run, translation);
                    }
                }
            }
            Mode::Bilingual => {
                if is_run {
                    unwrap_children_before(doc, node);
                }
                let holder = bilingual_holder(doc, node, is_run, lang);
                place(doc, holder, false, translation);
            }
        }
        if is_run {
            dom::remove(doc, node);
        }
    }

    /// The content as it stands: translated segments as the mode shows them, the others as
    /// they were.
    pub fn html(&self) -> String {
        let mut doc = self.doc.clone();
        for target in self.targets.iter().filter(|t| !t.translated && self.attached(t.node)) {
            dom::remove_attr(&mut doc, target.node, MARKER);
            if target.is_run {
                dom::unwrap(&mut doc, target.node);
            }
        }
        serialize::inner_html(&doc.root_element())
    }
}

/// Move a node's children to just before it.
fn unwrap_children_before(doc: &mut Html, id: NodeId) {
    let children: Vec<NodeId> = doc.tree.get(id).map(|n| n.children().map(|c| c.id()).collect()).unwrap_or_default();
    if let Some(mut node) = doc.tree.get_mut(id) {
        for child in children {
            node.insert_id_before(child);
        }
    }
}

/// Where a segment is in the parsed content.
enum Piece {
    /// An element whose children are all inline: the segment is its inner HTML.
    Element(NodeId),
    /// Consecutive inline siblings next to block siblings.
    Run(Vec<NodeId>),
}

impl Piece {
    fn nodes(&self, doc: &Html) -> Vec<NodeId> {
        match self {
            Piece::Element(id) => doc.tree.get(*id).map(|n| n.children().map(|c| c.id()).collect()).unwrap_or_default(),
            Piece::Run(run) => run.clone(),
        }
    }
}

/// The segments below `root`, in document order (an explicit stack of work items, pushed in
/// reverse so they pop in order).
fn find_pieces(doc: &Html, root: NodeId) -> Vec<Piece> {
    enum Work {
        Visit(NodeId),
        Run(Vec<NodeId>),
    }
    let holds_block = elements_holding_blocks(doc);
    let is_blocky = |n: &NodeRefH<'_>| {
        dom::tag(n).is_some_and(|t| dom::is_block(t) || SKIP_TAGS.contains(&t)) || holds_block.contains(&n.id())
    };

    let mut pieces = Vec::new();
    let mut stack = vec![Work::Visit(root)];
    while let Some(work) = stack.pop() {
        let node = match work {
            Work::Run(run) => {
                if has_letters(doc, &run) {
                    pieces.push(Piece::Run(run));
                }
                continue;
            }
            Work::Visit(id) => match doc.tree.get(id) {
                Some(node) => node,
                None => continue,
            },
        };
        if dom::tag(&node).is_some_and(|t| SKIP_TAGS.contains(&t)) {
            continue;
        }
        if node.id() != root && !holds_block.contains(&node.id()) {
            let children: Vec<NodeId> = node.children().map(|c| c.id()).collect();
            if has_letters(doc, &children) {
                pieces.push(Piece::Element(node.id()));
            }
            continue;
        }
        let mut items = Vec::new();
        let mut run = Vec::new();
        for child in node.children() {
            if is_blocky(&child) {
                if !run.is_empty() {
                    items.push(Work::Run(std::mem::take(&mut run)));
                }
                items.push(Work::Visit(child.id()));
            } else {
                run.push(child.id());
            }
        }
        if !run.is_empty() {
            items.push(Work::Run(run));
        }
        stack.extend(items.into_iter().rev());
    }
    pieces
}

/// Elements with a block or skipped element somewhere below them. Each block marks its
/// ancestors up to the first one already marked, so the whole pass is linear.
fn elements_holding_blocks(doc: &Html) -> HashSet<NodeId> {
    let mut holding = HashSet::new();
    for node in doc.tree.nodes() {
        if !dom::tag(&node).is_some_and(|t| dom::is_block(t) || SKIP_TAGS.contains(&t)) {
            continue;
        }
        for ancestor in node.ancestors() {
            if !holding.insert(ancestor.id()) {
                break;
            }
        }
    }
    holding
}

/// True when the nodes hold a letter (in any script) outside code: the test for text worth
/// translating.
fn has_letters(doc: &Html, nodes: &[NodeId]) -> bool {
    nodes.iter().filter_map(|&id| doc.tree.get(id)).any(|top| {
        let mut walk = Walk::new(top);
        while let Some(edge) = walk.next() {
            let Edge::Open(n) = edge else { continue };
            if dom::tag(&n).is_some_and(|t| CODE_TAGS.contains(&t)) {
                walk.skip_subtree();
            } else if n.value().as_text().is_some_and(|t| t.chars().any(char::is_alphabetic)) {
                return true;
            }
        }
        false
    })
}

/// The nodes' text, white space collapsed within each line, `<br>` starting a new line.
fn plain_text(doc: &Html, nodes: &[NodeId]) -> String {
    let mut raw = String::new();
    for n in nodes.iter().filter_map(|&id| doc.tree.get(id)).flat_map(|top| top.descendants()) {
        match n.value() {
            Node::Text(t) => raw.push_str(t),
            Node::Element(e) if e.name() == "br" => raw.push('\n'),
            _ => {}
        }
    }
    let lines: Vec<String> = raw.split('\n').map(crate::text::normalize_space).collect();
    lines.join("\n").trim().to_string()
}

/// Remove markers the content itself carries (only unsanitized input can), so that `merge` sees
/// only the ones `split` set.
fn clear_markers(doc: &mut Html) {
    let marked: Vec<NodeId> = doc.tree.nodes().filter(|n| dom::attr(n, MARKER).is_some()).map(|n| n.id()).collect();
    for id in marked {
        dom::remove_attr(doc, id, MARKER);
    }
}

/// A translation made safe to insert where `original` was: sanitized, inline elements only,
/// URLs and anchors only as `original` had them (anchors not at all in bilingual mode, where the
/// original keeps them), and no links inside a link.
fn clean_translation(html: &str, original: &str, mode: Mode, inside_link: bool) -> Html {
    let mut allowed: HashSet<(String, String)> = HashSet::new();
    let source = Html::parse_fragment(original);
    for e in source.tree.nodes().filter_map(|n| n.value().as_element()) {
        for (name, value) in e.attrs() {
            let anchor = matches!(name, "id" | "name");
            if CARRIED_ATTRIBUTES.contains(&name) && !(anchor && mode == Mode::Bilingual) {
                allowed.insert((name.to_string(), value.to_string()));
            }
        }
    }

    let mut frag = Html::parse_fragment(&sanitize::html(html));
    let elements: Vec<NodeId> = frag.root_element().descendants().skip(1).filter(|n| n.value().is_element()).map(|n| n.id()).collect();
    for id in elements {
        let Some(node) = frag.tree.get(id) else { continue };
        let Some(element) = node.value().as_element() else { continue };
        let name = element.name();
        let dropped: Vec<String> = element
            .attrs()
            .filter(|&(k, v)| CARRIED_ATTRIBUTES.contains(&k) && !allowed.contains(&(k.to_string(), v.to_string())))
            .map(|(k, _)| k.to_string())
            .collect();
        let unwrap = !TRANSLATION_INLINE_TAGS.contains(&name)
            || (name == "a" && (inside_link || dropped.iter().any(|k| k == "href")));
        // An image the original did not show would be a tracking pixel: it goes whole.
        let pixel = name == "img" && dropped.iter().any(|k| k == "src" || k == "srcset");
        if pixel {
            dom::remove(&mut frag, id);
        } else if unwrap {
            dom::unwrap(&mut frag, id);
        } else {
            for attr in dropped {
                dom::remove_attr(&mut frag, id, &attr);
            }
        }
    }
    frag
}

/// Move the top-level nodes of `fragment` into `doc`: as the last children of `target`, or, when
/// `before` is set, as siblings just before it.
fn place(doc: &mut Html, target: NodeId, before: bool, fragment: Html) {
    let moved = doc.tree.extend_tree(fragment.tree).id();
    let Some(frag_root) = doc.tree.get(moved).and_then(|r| r.children().find(|c| c.value().is_element())).map(|c| c.id()) else {
        return;
    };
    let Some(mut target) = doc.tree.get_mut(target) else { return };
    if before {
        let children: Vec<NodeId> =
            target.tree().get(frag_root).map(|r| r.children().map(|c| c.id()).collect()).unwrap_or_default();
        for child in children {
            target.insert_id_before(child);
        }
    } else {
        target.reparent_from_id_append(frag_root);
    }
}

/// A new element for a translation, with `class` and `lang` when given.
fn new_holder(doc: &mut Html, tag: &str, class: Option<&str>, lang: Option<&str>) -> NodeId {
    let id = dom::new_element(doc, tag);
    if let Some(class) = class {
        dom::set_attr(doc, id, "class", class);
    }
    if let Some(lang) = lang {
        dom::set_attr(doc, id, "lang", lang);
    }
    id
}

/// Where a bilingual translation of the segment at `target` goes (see [`Mode::Bilingual`]):
/// a new element, already in the tree, after the original.
fn bilingual_holder(doc: &mut Html, target: NodeId, is_run: bool, lang: Option<&str>) -> NodeId {
    let tag = doc.tree.get(target).and_then(|n| dom::tag(&n)).unwrap_or("div").to_string();
    let sibling = !is_run && SIBLING_COPY_TAGS.contains(&tag.as_str());
    let holder_tag = match (sibling, tag.as_str()) {
        (true, _) => tag.as_str(),
        (false, "summary") => "span",
        (false, _) => "div",
    };
    let holder = new_holder(doc, holder_tag, Some(TRANSLATION_CLASS), lang);
    if let Some(mut node) = doc.tree.get_mut(target) {
        match (is_run, sibling) {
            (true, _) => node.insert_id_before(holder),
            (false, true) => node.insert_id_after(holder),
            (false, false) => node.append_id(holder),
        };
    }
    holder
}

#[cfg(test)]
mod tests {
    use super::{merge, split, MergeOptions, Mode, Translation, TRANSLATION_CLASS};
    use crate::sanitize;

    /// What merge returns is what the sanitizer would return for it: the reading view may show
    /// it as it shows sanitized content.
    #[test]
    fn merge_output_passes_the_sanitizer_unchanged() {
        let content = sanitize::html(concat!(
            r#"<h2 id="a">Title</h2><p lang="zh">文本 <a href="https://a.example/x">link</a><img src="i.png" alt="i"></p>"#,
            r#"<ul><li>one<ul><li>two</li></ul></li></ul><table><caption>Cap</caption><tr><th>H</th><td>C</td></tr></table>"#,
            r#"<figure><img src="f.png"><figcaption>Fig</figcaption></figure><details><summary>Sum</summary>more</details>"#,
            r#"<dl><dt>T</dt><dd>D</dd></dl><blockquote>Quote</blockquote><div>loose<p>inner</p></div><pre>code</pre>"#,
        ));
        let segmented = split(&content);
        let translations: Vec<Translation> = segmented
            .segments
            .iter()
            .map(|s| Translation { id: s.id.clone(), html: format!("<em>fr</em> {}<script>x</script>", s.html) })
            .collect();
        let options = |mode| MergeOptions { mode, lang: Some("fr".into()) };
        let replaced = merge(&segmented, &translations, &options(Mode::Replace));
        assert_eq!(sanitize::html(&replaced), replaced);
        // The translation marker is the one `lucid-` class the sanitizer keeps.
        let bilingual = merge(&segmented, &translations, &options(Mode::Bilingual));
        let marker = format!(r#" class="{TRANSLATION_CLASS}""#);
        assert_eq!(bilingual.matches(&marker).count(), segmented.segments.len());
        assert_eq!(sanitize::html(&bilingual), bilingual);
    }
}
