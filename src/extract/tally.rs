//! What conditional cleaning counts in every subtree (text measures; paragraphs, images, list
//! items, inputs and embeds; the text of headings, lists and data tables), taken in one walk and
//! kept current while containers are removed. Judging each container by walking its subtree
//! made cleaning quadratic in the nesting: 33 000 nested table cells took over 5 s.

use ego_tree::iter::Edge;

use super::hints::is_video_embed;
use crate::dom::{self, Measure, NodeMap, NodeRefH, NodeSet, Subtree};

/// One subtree's counts, the subtree's own root left out of every count.
#[derive(Clone, Copy, Default)]
pub struct Tally {
    text: Subtree,
    pub p: usize,
    pub img: usize,
    pub li: usize,
    pub input: usize,
    /// `object`, `embed`, `iframe` and `video` elements.
    pub embeds: usize,
    /// A video element, or a frame or embed from a video host.
    pub video: bool,
    /// Weighted text of the headings, each heading counted on its own (a nested one twice).
    pub heading_len: usize,
    /// Weighted text of the lists, each list counted on its own.
    pub list_len: usize,
    /// Weighted text of the outermost data tables.
    pub data_table_len: usize,
}

impl Tally {
    pub fn measure(&self) -> Measure {
        self.text.measure()
    }

    /// Join a finished child, the next in document order.
    fn absorb(&mut self, child: NodeRefH<'_>, tally: &Tally, data_tables: &NodeSet) {
        self.text.absorb(&tally.text);
        let tag = dom::tag(&child);
        let is = |names: &[&str]| tag.is_some_and(|t| names.contains(&t));
        let len = tally.text.measure().len;
        self.p += tally.p + usize::from(is(&["p"]));
        self.img += tally.img + usize::from(is(&["img"]));
        self.li += tally.li + usize::from(is(&["li"]));
        self.input += tally.input + usize::from(is(&["input"]));
        self.embeds += tally.embeds + usize::from(is(&["object", "embed", "iframe", "video"]));
        self.video |= tally.video || is(&["video"]) || is_video_embed(&child);
        self.heading_len += tally.heading_len + if is(&["h1", "h2", "h3", "h4", "h5", "h6"]) { len } else { 0 };
        self.list_len += tally.list_len + if is(&["ul", "ol"]) { len } else { 0 };
        self.data_table_len += if data_tables.contains(&child.id()) { len } else { tally.data_table_len };
    }
}

/// The tally of every node below a root, kept current through [`Tallies::removing`].
pub struct Tallies<'d> {
    data_tables: &'d NodeSet,
    /// Elements' tallies (and the root's). A text's is made from it when asked: texts are half
    /// the nodes of a page, and a tally is 140 bytes.
    table: NodeMap<Tally>,
    /// Nodes whose tally is stale: every ancestor of a removed node, so every ancestor of a
    /// stale node is stale too.
    stale: NodeSet,
}

impl<'d> Tallies<'d> {
    pub fn of(root: NodeRefH<'_>, data_tables: &'d NodeSet) -> Tallies<'d> {
        let mut table = NodeMap::default();
        let mut open: Vec<Tally> = Vec::new();
        for edge in root.traverse() {
            match edge {
                Edge::Open(_) => open.push(Tally::default()),
                Edge::Close(node) => {
                    let Some(mut tally) = open.pop() else { break };
                    tally.text = tally.text.finish(node);
                    if let Some(parent) = open.last_mut() {
                        parent.absorb(node, &tally, data_tables);
                    }
                    if !node.value().is_text() || node.id() == root.id() {
                        table.insert(node.id(), tally);
                    }
                }
            }
        }
        Tallies { data_tables, table, stale: NodeSet::default() }
    }

    /// `node` is about to be detached: its ancestors' tallies go stale.
    pub fn removing(&mut self, node: NodeRefH<'_>) {
        for ancestor in node.ancestors() {
            if !self.stale.insert(ancestor.id()) {
                break;
            }
        }
    }

    /// The current tally of `node`, retallied from its children where stale.
    pub fn get(&mut self, node: NodeRefH<'_>) -> Tally {
        let needs = |t: &Tallies<'_>, n: NodeRefH<'_>| !n.value().is_text() && (t.stale.contains(&n.id()) || !t.table.contains_key(&n.id()));
        let mut work = vec![(node, false)];
        while let Some((n, children_done)) = work.pop() {
            if !needs(self, n) {
                continue;
            }
            if children_done {
                let mut tally = Tally::default();
                for child in n.children() {
                    tally.absorb(child, &self.stored(child), self.data_tables);
                }
                tally.text = tally.text.finish(n);
                self.table.insert(n.id(), tally);
                self.stale.remove(&n.id());
            } else {
                work.push((n, true));
                work.extend(n.children().filter(|c| needs(self, *c)).map(|c| (c, false)));
            }
        }
        self.stored(node)
    }

    /// The tally kept for `node`, or made for a text.
    fn stored(&self, node: NodeRefH<'_>) -> Tally {
        match self.table.get(&node.id()) {
            Some(tally) => *tally,
            None if node.value().is_text() => Tally { text: Subtree::default().finish(node), ..Tally::default() },
            None => Tally::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ego_tree::NodeId;
    use scraper::Html;

    /// The tally, counted afresh by walking the subtree.
    fn walked(node: NodeRefH<'_>, data_tables: &NodeSet) -> (usize, usize, usize, usize, usize, usize, usize, usize) {
        let below = || node.descendants().skip(1);
        let named = |names: &'static [&'static str]| below().filter(move |d| dom::tag(d).is_some_and(|t| names.contains(&t)));
        (
            dom::measure(node).len,
            dom::count_named(node, "p"),
            dom::count_named(node, "img"),
            dom::count_named(node, "li"),
            named(&["object", "embed", "iframe", "video"]).count(),
            named(&["h1", "h2", "h3", "h4", "h5", "h6"]).map(|h| dom::measure(h).len).sum(),
            named(&["ul", "ol"]).map(|l| dom::measure(l).len).sum(),
            dom::pick_outermost(node, |n| n.id() != node.id() && data_tables.contains(&n.id())).iter().map(|t| dom::measure(*t).len).sum(),
        )
    }

    fn summary(t: &Tally) -> (usize, usize, usize, usize, usize, usize, usize, usize) {
        (t.measure().len, t.p, t.img, t.li, t.embeds, t.heading_len, t.list_len, t.data_table_len)
    }

    #[test]
    fn tallies_stay_those_of_a_fresh_walk_as_nodes_go() {
        let page = "<div id=a><h2>Title <h3>nested</h3></h2><p>One, two.</p><ul><li>x<li>y <ol><li>z</ol></ul>\
            <div id=b><p>Three <img src=i.png> four</p><table id=t><tr><td>cell<td>cell</table><iframe src=x></iframe>\
            <div id=c><p>gone <input> soon</p><ul><li>q</ul></div> tail</div><video></video></div>";
        let mut doc = Html::parse_fragment(page);
        let ids: Vec<NodeId> = doc.tree.root().descendants().filter(|n| n.value().is_element()).map(|n| n.id()).collect();
        let table = doc.tree.root().descendants().find(|n| dom::attr(n, "id") == Some("t")).unwrap().id();
        let data_tables = NodeSet::from_iter([table]);
        let root = doc.tree.root().id();
        let mut tallies = Tallies::of(doc.tree.root(), &data_tables);
        // Remove every element in turn, innermost last, checking every survivor after each.
        for &gone in ids.iter().skip(3).rev().step_by(2) {
            let node = doc.tree.get(gone).unwrap();
            if node.ancestors().last().map(|a| a.id()) != Some(root) {
                continue;
            }
            tallies.removing(node);
            dom::remove(&mut doc, gone);
            for id in &ids {
                let node = doc.tree.get(*id).unwrap();
                if node.ancestors().last().map(|a| a.id()) == Some(root) {
                    assert_eq!(summary(&tallies.get(node)), walked(node, &data_tables), "{}", dom::describe(&node));
                }
            }
        }
        let video = doc.tree.root().descendants().any(|n| dom::is(&n, "video"));
        assert_eq!(tallies.get(doc.tree.root()).video, video);
    }
}
