//! Cleaning the assembled article (Readability's `_prepArticle`, in our own code): what is
//! never article content goes, clutter is removed conditionally, empty paragraphs are dropped.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::Node;

use super::attempt::Attempt;
use super::hints::{class_weight, has_token, is_code, is_teaser_list, is_video_embed};
use super::tally::{Tallies, Tally};
use crate::dom::{self, NodeMap, NodeRefH, NodeSet};
use crate::trace::Stage;
use crate::tunables::{conditional as cc, *};

pub fn article(found: &mut Attempt) {
    remove_always(found);
    remove_share_widgets(found);
    remove_boilerplate_blocks(found);
    remove_boilerplate_sections(found);
    let data_tables = data_tables(found.root());
    let (in_data, in_figure) = inside(found.root(), &data_tables);
    let context = Context {
        data_tables,
        in_data,
        in_figure,
        article_prose: dom::prose_len(found.root()),
        kind_prose: RefCell::new(HashMap::new()),
    };
    if found.rules.clean_conditionally {
        // Tallied once for every pass: each removal marks what it changes for the next.
        let mut tallies = Tallies::of(found.root(), &context.data_tables);
        for tag in ["form", "fieldset", "table", "ul", "ol", "div", "section"] {
            clean_conditionally(found, tag, &context, &mut tallies);
        }
    }
    if found.rules.weight_classes {
        remove_negative_headings(found);
    }
    remove_edge_breaks(found);
    remove_empty_paragraphs(found);
    remove_heading_only_containers(found);
    unwrap_single_cell_tables(found);
}

/// Elements that are never article content inside an article, except video embeds.
fn remove_always(found: &mut Attempt) {
    let Attempt { doc, root, trace, .. } = found;
    dom::remove_outermost(doc, *root, |n| {
        let reason = match dom::tag(n) {
            Some("aside" | "footer" | "nav") => "navigation or aside",
            Some("iframe" | "embed" | "object") if !is_video_embed(n) => "embedded frame that is not a video",
            _ => return false,
        };
        trace.removed(Stage::Clean, n, reason);
        true
    });
}

fn remove_all(found: &mut Attempt, ids: Vec<NodeId>) {
    for id in ids {
        dom::remove(&mut found.doc, id);
    }
}

/// Share bars inside the article (Readability's `shareElements`), when short.
fn remove_share_widgets(found: &mut Attempt) {
    let Attempt { doc, root, trace, .. } = found;
    let Some(root) = doc.tree.get(*root) else { return };
    // Measured once, when a first share hint shows (share bars nest: `div.share > ul.share-list`).
    let measures = OnceCell::new();
    let doomed: Vec<NodeId> = dom::pick_outermost(root, |n| {
        if n.id() == root.id() || !n.value().is_element() {
            return false;
        }
        let hints = dom::class_and_id(n);
        let share = SHARE_HINTS.iter().any(|h| hints.contains(h)) || has_token(&hints, SHARE_TOKENS);
        if share && measures.get_or_init(|| dom::Measures::of(root)).get(*n).len < DEFAULT_CHAR_THRESHOLD {
            trace.removed(Stage::Clean, n, "share buttons");
            return true;
        }
        false
    })
    .iter()
    .map(|n| n.id())
    .collect();
    remove_all(found, doomed);
}

/// Short blocks whose whole text is a share prompt, an editor credit, a photo credit, a prompt
/// to read or subscribe, a gallery counter or a portal's meta line (`分享至`, `责任编辑：…`,
/// `Photo: …`, `Related: …`, `3 of 12`), and captions whose image is gone.
fn remove_boilerplate_blocks(found: &mut Attempt) {
    let root = found.doc.tree.get(found.root).expect("the article root lives in its document");
    // Measured once for the whole pass: a block's text is built only when it is short enough to
    // be boilerplate (a character weighs at most CJK_CHAR_WEIGHT), not once for every block
    // around a long text.
    let measures = dom::Measures::of(root);
    let article_len = measures.get(root).len;
    let trace = &mut found.trace;
    let doomed: Vec<NodeId> = root
        .descendants()
        .filter(|n| matches!(dom::tag(n), Some("p" | "div" | "span" | "section" | "li" | "figcaption" | "small" | "em")))
        .filter(|n| {
            let reason = if dom::is(n, "figcaption") && !n.parent().is_some_and(|f| holds_media(&f)) {
                Some("caption without its image")
            } else if measures.get(*n).len > BOILERPLATE_MAX_CHARS * CJK_CHAR_WEIGHT {
                None
            } else {
                let text = dom::inner_text(*n);
                if is_code_label(n, &text) { Some("label of the code sample that follows") } else { boilerplate_reason(&text, article_len) }
            };
            if let Some(reason) = reason {
                trace.removed(Stage::Clean, n, reason);
            }
            reason.is_some()
        })
        .map(|n| n.id())
        .collect();
    remove_all(found, doomed);
}

/// Blocks headed "About the author", "Related articles", "Table of contents"…: containers whose
/// first text is such a heading, and such headings standing alone with the list or short block
/// that follows them; only when short next to the article.
fn remove_boilerplate_sections(found: &mut Attempt) {
    const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
    let Attempt { doc, root, trace, .. } = found;
    let root_id = *root;
    let Some(root_ref) = doc.tree.get(root_id) else { return };
    let measures = dom::Measures::of(root_ref);
    let article_len = measures.get(root_ref).len as f32;
    let short = |n: &NodeRefH<'_>| measures.get(*n).len as f32 <= BOILERPLATE_SECTION_MAX_SHARE * article_len;
    let is_boilerplate_heading = |n: &NodeRefH<'_>| {
        dom::tag(n).is_some_and(|t| HEADINGS.contains(&t)) && {
            let text = dom::inner_text(*n).to_lowercase();
            let text = text.trim_end_matches([':', '：']).trim();
            BOILERPLATE_HEADINGS.contains(&text)
        }
    };
    let mut doomed: Vec<NodeId> = Vec::new();
    for node in dom::pick_outermost(root_ref, |n| {
        n.id() != root_id
            && matches!(dom::tag(n), Some("div" | "section" | "aside" | "header" | "footer" | "nav"))
            && short(n)
            // Text to look for (else the walk below would cross every empty block of a nest).
            && measures.get(*n).len > 0
            && first_text_element(n).is_some_and(|first| is_boilerplate_heading(&first))
    }) {
        trace.removed(Stage::Clean, &node, "block headed like a box beside the article");
        doomed.push(node.id());
    }
    for heading in root_ref.descendants().filter(|n| is_boilerplate_heading(n)) {
        if doomed.iter().any(|&d| heading.ancestors().any(|a| a.id() == d)) {
            continue;
        }
        trace.removed(Stage::Clean, &heading, "heading of a box beside the article");
        doomed.push(heading.id());
        if let Some(next) = heading.next_siblings().find(|s| s.value().is_element())
            && !next.descendants().any(|d| is_boilerplate_heading(&d) || dom::tag(&d).is_some_and(|t| HEADINGS.contains(&t)))
            && (matches!(dom::tag(&next), Some("ul" | "ol" | "nav")) || dom::link_density(next) > cc::LIST_LINK_DENSITY)
            && short(&next)
        {
            trace.removed(Stage::Clean, &next, "list under a heading of a box beside the article");
            doomed.push(next.id());
        }
    }
    for id in doomed {
        dom::remove(doc, id);
    }
}

/// The first element below `node` that holds text of its own: a heading, a paragraph, a link.
fn first_text_element<'a>(node: &NodeRefH<'a>) -> Option<NodeRefH<'a>> {
    let text = node.descendants().find(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty()))?;
    text.ancestors().take_while(|a| a.id() != node.id()).filter(|a| a.value().is_element()).last()
}

/// Why a block's whole `text` is not article text, if it is not.
fn boilerplate_reason(text: &str, article_len: usize) -> Option<&'static str> {
    if BOILERPLATE_TEXTS.contains(&text) {
        return Some("share prompt");
    }
    let chars = text.chars().count();
    let short = chars <= BOILERPLATE_MAX_CHARS && (chars as f32) <= BOILERPLATE_MAX_SHARE * article_len as f32;
    if !short || text.is_empty() {
        return None;
    }
    let lower = text.to_lowercase();
    if BOILERPLATE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        Some("credit, prompt or statement")
    } else if BOILERPLATE_SUFFIXES.iter().any(|s| text.ends_with(s)) {
        Some("photo credit")
    } else if BOILERPLATE_WORDS.iter().any(|w| text.contains(w)) {
        Some("engagement widget")
    } else if is_gallery_counter(&lower) {
        Some("gallery counter")
    } else {
        None
    }
}

/// A code sample's header naming its language (`js`, `bash`) right before the sample: the
/// reading view shows the code, and the Markdown copy writes the language on its fence.
fn is_code_label(node: &NodeRefH<'_>, text: &str) -> bool {
    let text = text.to_lowercase();
    CODE_LANGUAGE_LABELS.contains(&text.as_str())
        && node.next_siblings().find(|s| s.value().is_element()).is_some_and(|next| {
            dom::is(&next, "pre") || dom::element_children(next).next().is_some_and(|first| dom::is(&first, "pre"))
        })
}

/// `3 of 12`, `3 / 12`, `Image 3 of 12`, `1/5`: a slideshow's position, not text.
fn is_gallery_counter(lower: &str) -> bool {
    let rest = ["image ", "photo ", "slide ", "picture "].iter().find_map(|w| lower.strip_prefix(w)).unwrap_or(lower);
    let mut parts = rest.splitn(2, |c| c == '/' || c == 'o');
    let (Some(first), Some(second)) = (parts.next(), parts.next()) else { return false };
    let second = second.strip_prefix('f').unwrap_or(second);
    let number = |s: &str| !s.trim().is_empty() && s.trim().chars().all(|c| c.is_ascii_digit());
    number(first) && number(second)
}

/// A figure (or other parent) that still shows an image, a player or a frame.
fn holds_media(node: &NodeRefH<'_>) -> bool {
    node.descendants().any(|d| matches!(dom::tag(&d), Some("img" | "picture" | "video" | "iframe" | "svg" | "canvas" | "audio" | "object" | "embed")))
}

/// Tables that hold data rather than layout (Readability's `_markDataTables`). What each table
/// holds below it is gathered in one post-order walk: asking every table of a nest of layout
/// tables about its whole subtree was quadratic.
fn data_tables(root: NodeRefH<'_>) -> NodeSet {
    let mut tables = NodeSet::default();
    // Per open node: (a header-like element below it, a table below it).
    let mut below: Vec<(bool, bool)> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(_) => below.push((false, false)),
            Edge::Close(node) => {
                let Some((header, table)) = below.pop() else { break };
                let tag = dom::tag(&node);
                if tag == Some("table") && is_data_table(&node, header, table) {
                    tables.insert(node.id());
                }
                if let Some(parent) = below.last_mut() {
                    parent.0 |= header || matches!(tag, Some("col" | "colgroup" | "tfoot" | "thead" | "th"));
                    parent.1 |= table || tag == Some("table");
                }
            }
        }
    }
    tables
}

/// `header_below`: a `col`, `colgroup`, `tfoot`, `thead` or `th` below the table;
/// `table_below`: a table nested in it.
fn is_data_table(table: &NodeRefH<'_>, header_below: bool, table_below: bool) -> bool {
    if dom::attr(table, "role") == Some("presentation") || dom::attr(table, "datatable") == Some("0") {
        return false;
    }
    if dom::attr(table, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if dom::element_children(*table).any(|c| dom::is(&c, "caption") && !dom::inner_text(c).is_empty()) {
        return true;
    }
    if header_below {
        return true;
    }
    if table_below {
        return false;
    }
    // No table is nested: the rows walked here are this table's alone, walked once.
    let rows: Vec<NodeRefH<'_>> = table.descendants().filter(|d| dom::is(d, "tr")).collect();
    let cols = rows
        .iter()
        .map(|r| {
            dom::element_children(*r)
                .map(|c| dom::attr(&c, "colspan").and_then(|v| v.parse::<usize>().ok()).unwrap_or(1))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    rows.len() >= DATA_TABLE_MIN_ROWS || cols > DATA_TABLE_MIN_COLUMNS || rows.len() * cols > DATA_TABLE_MIN_CELLS
}

/// The nodes below `root` inside a data table, code or preformatted text (never judged), and
/// those inside a figure, found in one walk down: a removal never changes a survivor's
/// ancestors, so these hold for every pass.
fn inside(root: NodeRefH<'_>, data_tables: &NodeSet) -> (NodeSet, NodeSet) {
    let (mut in_data, mut in_figure) = (NodeSet::default(), NodeSet::default());
    // Per open node: (it or an ancestor holds data, it or an ancestor is a figure); the root's
    // own ancestors count too.
    let above = (root.ancestors().any(|a| matches!(dom::tag(&a), Some("code" | "pre"))), dom::has_ancestor(root, "figure"));
    let mut open: Vec<(bool, bool)> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                let (data, figure) = open.last().copied().unwrap_or(above);
                if data {
                    in_data.insert(node.id());
                }
                if figure {
                    in_figure.insert(node.id());
                }
                let holds_data = data_tables.contains(&node.id()) || matches!(dom::tag(&node), Some("code" | "pre"));
                open.push((data || holds_data, figure || dom::is(&node, "figure")));
            }
            Edge::Close(_) => {
                open.pop();
            }
        }
    }
    (in_data, in_figure)
}

/// Remove `tag` elements that look like clutter by their content (Readability's
/// `_cleanConditionally`), innermost first.
/// What conditional cleaning knows of the whole article while it judges one container.
struct Context {
    /// Tables that hold data: never removed, nor anything in them.
    data_tables: NodeSet,
    /// Nodes inside a data table, code or preformatted text.
    in_data: NodeSet,
    /// Nodes inside a figure.
    in_figure: NodeSet,
    /// Weighted characters of prose in the article when cleaning starts.
    article_prose: usize,
    /// Prose held by the outermost elements of a kind (tag and first class), measured the first
    /// time a container of that kind is judged.
    kind_prose: RefCell<HashMap<(String, String), usize>>,
}

/// An element's kind as a page builder names its blocks: its tag and first class.
fn kind_of(node: &NodeRefH<'_>) -> Option<(String, String)> {
    let class = dom::attr(node, "class")?.split_whitespace().next()?;
    Some((dom::tag(node)?.to_string(), class.to_string()))
}

impl Context {
    /// The prose the elements of `node`'s kind hold in the whole article (`root`).
    fn prose_of_kind(&self, node: &NodeRefH<'_>, root: NodeRefH<'_>) -> usize {
        let Some(kind) = kind_of(node) else { return 0 };
        *self.kind_prose.borrow_mut().entry(kind.clone()).or_insert_with(|| {
            dom::pick_outermost(root, |n| kind_of(n).as_ref() == Some(&kind)).into_iter().map(|n| dom::prose_len(n)).sum()
        })
    }
}

fn clean_conditionally(found: &mut Attempt, tag: &str, context: &Context, tallies: &mut Tallies<'_>) {
    let ids: Vec<NodeId> = dom::descendants_named(found.root(), &[tag]).map(|n| n.id()).collect();
    // Innermost first (reverse document order), removing as we go, so that a container is
    // judged without the clutter inside it, as Readability does.
    for id in ids.into_iter().rev() {
        let Some(node) = found.doc.tree.get(id) else { continue };
        if let Some(reason) = looks_like_clutter(&node, tallies.get(node), context) {
            found.trace.removed(Stage::Clean, &node, reason);
            tallies.removing(node);
            dom::remove(&mut found.doc, id);
        }
    }
}

fn looks_like_clutter(node: &NodeRefH<'_>, tally: Tally, context: &Context) -> Option<&'static str> {
    if context.data_tables.contains(&node.id()) || context.in_data.contains(&node.id()) {
        return None;
    }
    let measured = tally.measure();
    if is_code(node, &measured) {
        return None;
    }
    let is_list = is_list_like(node, &tally);
    let weight = class_weight(node);
    let link_density = measured.link_density();
    // A clutter-like name (`widget`, `promo`) on a block holding a good part of the article's
    // prose, alone or with the blocks of its kind, names the page builder's block, not clutter:
    // the block is judged by its content.
    let article_prose = context.article_prose as f32;
    let holds_the_article = weight < 0.0
        && link_density < cc::MAX_LINK_DENSITY_LOW_WEIGHT
        && (measured.prose() as f32 >= cc::NEGATIVE_HINT_SPARED_SHARE * article_prose || {
            // The article's root is the top of the attempt's detached tree.
            let root = node.ancestors().last().unwrap_or(*node);
            context.prose_of_kind(node, root) as f32 >= cc::NEGATIVE_HINT_KIND_SHARE * article_prose
        })
        && !is_teaser_list(node);
    // Nor does a name remove the wrapper of a data table (`div.overflow-x-scroll` around it).
    let wraps_data = weight < 0.0 && measured.len > 0 && tally.data_table_len as f32 >= cc::DATA_WRAPPER_SHARE * measured.len as f32;
    if weight < 0.0 && !holds_the_article && !wraps_data {
        return Some("class or id looks like clutter");
    }
    // A list that is mostly links is a list of related articles or navigation.
    if is_list && link_density > cc::LIST_LINK_DENSITY && weight < cc::HIGH_WEIGHT {
        return Some("list of links");
    }
    if measured.clauses >= cc::MIN_CLAUSES_TO_KEEP {
        return None;
    }
    // A container holding a video is kept: a player is content, whatever surrounds it.
    if tally.video {
        return None;
    }
    let reason = Counts::of(node, &tally, context).reason(is_list, weight, link_density, measured.len)?;
    // A plain list of images (a gallery) stays.
    if is_list {
        let simple = dom::element_children(*node).all(|c| dom::element_children(c).count() <= 1);
        if simple && tally.img == tally.li && tally.img > 0 {
            return None;
        }
    }
    Some(reason)
}

/// A list, or a container whose text is mostly in lists.
fn is_list_like(node: &NodeRefH<'_>, tally: &Tally) -> bool {
    if matches!(dom::tag(node), Some("ul" | "ol")) {
        return true;
    }
    let len = tally.measure().len;
    len > 0 && tally.list_len as f32 / len as f32 > cc::LIST_TEXT_SHARE
}

/// What conditional cleaning counts in a container (Readability's `_cleanConditionally`).
struct Counts {
    p: usize,
    img: usize,
    /// List items beyond [`cc::LI_OVER_P`].
    li: usize,
    input: usize,
    heading_density: f32,
    embeds: usize,
    in_figure: bool,
}

impl Counts {
    fn of(node: &NodeRefH<'_>, tally: &Tally, context: &Context) -> Counts {
        let len = tally.measure().len;
        Counts {
            p: tally.p,
            img: tally.img,
            li: tally.li.saturating_sub(cc::LI_OVER_P),
            input: tally.input,
            heading_density: if len > 0 { tally.heading_len as f32 / len as f32 } else { 0.0 },
            embeds: tally.embeds,
            in_figure: context.in_figure.contains(&node.id()),
        }
    }

    /// Why the container is clutter by these counts, if it is.
    fn reason(&self, is_list: bool, weight: f32, link_density: f32, len: usize) -> Option<&'static str> {
        let Counts { p, img, li, input, heading_density, embeds, in_figure } = *self;
        let reason = if img > 1 && (p as f32 / img as f32) < cc::MIN_PARAGRAPHS_PER_IMAGE && !in_figure {
            "more images than paragraphs"
        } else if !is_list && li > p {
            "more list items than paragraphs"
        } else if input > p / cc::INPUT_PARAGRAPH_DIVISOR {
            "form inputs"
        } else if !is_list
            && heading_density < cc::MAX_HEADING_DENSITY
            && len < cc::MIN_CONTENT_LEN
            && (img == 0 || img > 2)
            && !in_figure
        {
            "too little text"
        } else if (!is_list && weight < cc::HIGH_WEIGHT && link_density > cc::MAX_LINK_DENSITY_LOW_WEIGHT)
            || (weight >= cc::HIGH_WEIGHT && link_density > cc::MAX_LINK_DENSITY_HIGH_WEIGHT)
        {
            "mostly links"
        } else if (embeds == cc::MAX_EMBEDS && len < cc::EMBED_MIN_CONTENT_LEN) || embeds > cc::MAX_EMBEDS {
            "embedded objects"
        } else {
            return None;
        };
        Some(reason)
    }
}

/// Headings whose class says clutter (Readability's `_cleanHeaders`).
fn remove_negative_headings(found: &mut Attempt) {
    let root = found.root();
    let doomed: Vec<NodeId> = dom::descendants_named(root, &["h1", "h2"])
        .filter(|h| class_weight(h) < 0.0)
        .map(|h| h.id())
        .collect();
    remove_all(found, doomed);
}

/// Line breaks that open or close a block (with only white space beside them): each shows as
/// a blank line, which older portals leave at every paragraph's edge.
fn remove_edge_breaks(found: &mut Attempt) {
    let root = found.root();
    let blank = |n: &NodeRefH<'_>| n.value().as_text().is_some_and(|t| t.chars().all(char::is_whitespace));
    let mut doomed: Vec<NodeId> = Vec::new();
    for block in root.descendants().filter(|n| dom::tag(n).is_some_and(dom::is_block)) {
        doomed.extend(block.children().filter(|c| !blank(c)).take_while(|c| dom::is(c, "br")).map(|c| c.id()));
        doomed.extend(block.children().rev().filter(|c| !blank(c)).take_while(|c| dom::is(c, "br")).map(|c| c.id()));
    }
    // A block holding only breaks lists them from both edges.
    doomed.sort_unstable();
    doomed.dedup();
    remove_all(found, doomed);
}

/// Paragraphs with neither text nor media.
fn remove_empty_paragraphs(found: &mut Attempt) {
    let root = found.root();
    let doomed: Vec<NodeId> = dom::descendants_named(root, &["p"])
        .filter(|p| {
            dom::text(*p).trim().is_empty()
                && !p.descendants().any(|d| matches!(dom::tag(&d), Some("img" | "embed" | "object" | "iframe" | "video" | "picture")))
        })
        .map(|p| p.id())
        .collect();
    remove_all(found, doomed);
}

/// A table with one cell is layout: keep its content, drop the table.
fn unwrap_single_cell_tables(found: &mut Attempt) {
    // What each open node holds below it, gathered in one post-order walk (asking each table of
    // a nest about its whole subtree was quadratic): cells, rows, tables, and the last cell
    // closed with the number of tables inside it.
    #[derive(Clone, Copy, Default)]
    struct Below {
        cells: usize,
        rows: usize,
        tables: usize,
        cell: Option<(NodeId, usize)>,
    }
    let mut tables: Vec<(NodeId, NodeId)> = Vec::new();
    let mut open: Vec<Below> = Vec::new();
    for edge in found.root().traverse() {
        match edge {
            Edge::Open(_) => open.push(Below::default()),
            Edge::Close(node) => {
                let Some(below) = open.pop() else { break };
                let tag = dom::tag(&node);
                if tag == Some("table")
                    && below.rows == 1
                    && below.cells == 1
                    && let Some((cell, 0)) = below.cell
                {
                    tables.push((node.id(), cell));
                }
                if let Some(parent) = open.last_mut() {
                    let is_cell = matches!(tag, Some("td" | "th"));
                    parent.cells += below.cells + usize::from(is_cell);
                    parent.rows += below.rows + usize::from(tag == Some("tr"));
                    parent.tables += below.tables + usize::from(tag == Some("table"));
                    parent.cell = if is_cell { Some((node.id(), below.tables)) } else { below.cell.or(parent.cell) };
                }
            }
        }
    }
    for (table, cell) in tables {
        let all_inline = found.doc.tree.get(cell).is_some_and(|c| {
            c.children().all(|ch| match ch.value() {
                Node::Element(e) => PHRASING_ELEMS.contains(&&*e.name.local),
                _ => true,
            })
        });
        dom::rename(&mut found.doc, cell, if all_inline { "p" } else { "div" });
        if let Some(mut t) = found.doc.tree.get_mut(table) {
            t.insert_id_before(cell);
        }
        dom::remove(&mut found.doc, table);
    }
}

/// A container at the end of the article left holding nothing but headings ("What's Next",
/// "相关阅读") is what remains of a block of teasers the cleaning removed: the heading introduces
/// nothing. (Mid-article, headings wrapped in their own div are ordinary section titles.)
fn remove_heading_only_containers(found: &mut Attempt) {
    const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];
    // What each node holds, gathered in one post-order walk (asking each of a nest of divs about
    // its whole subtree was quadratic): characters other than white space, those of them in
    // headings (a heading inside a heading counts twice), and whether media or a table is below.
    #[derive(Clone, Copy, Default)]
    struct Below {
        visible: usize,
        in_headings: usize,
        media: bool,
    }
    let mut below: NodeMap<Below> = NodeMap::default();
    let mut open: Vec<Below> = Vec::new();
    for edge in found.root().traverse() {
        match edge {
            Edge::Open(_) => open.push(Below::default()),
            Edge::Close(node) => {
                let Some(mut here) = open.pop() else { break };
                if let Node::Text(t) = node.value() {
                    here.visible = t.chars().filter(|c| !c.is_whitespace()).count();
                }
                let tag = dom::tag(&node);
                if let Some(parent) = open.last_mut() {
                    parent.visible += here.visible;
                    parent.in_headings += here.in_headings + if tag.is_some_and(|t| HEADINGS.contains(&t)) { here.visible } else { 0 };
                    parent.media |= here.media || matches!(tag, Some("img" | "picture" | "video" | "iframe" | "table" | "pre"));
                }
                below.insert(node.id(), here);
            }
        }
    }
    let Attempt { doc, root, trace, .. } = found;
    let root = *root;
    dom::remove_outermost(doc, root, |n| {
        if n.id() == root || !matches!(dom::tag(n), Some("section" | "div" | "header")) {
            return false;
        }
        let Some(here) = below.get(&n.id()) else { return false };
        let heading_only = here.in_headings > 0 && here.in_headings == here.visible && !here.media && nothing_follows(n, root);
        if heading_only {
            trace.removed(Stage::Clean, n, "only a heading left");
        }
        heading_only
    });
}

/// True when no text follows `node` inside the article `root`.
fn nothing_follows(node: &NodeRefH<'_>, root: NodeId) -> bool {
    let mut at = *node;
    loop {
        if at.next_siblings().any(|s| !dom::text(s).trim().is_empty()) {
            return false;
        }
        match at.parent() {
            Some(p) if p.id() != root => at = p,
            _ => return true,
        }
    }
}
