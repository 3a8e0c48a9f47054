//! The lines under the headline: the date and the byline a page prints beside its title ("By
//! Jane Doe | Published Nov. 20, 2019", "2020-11-26 08:04 来源：新华社 作者：张三"). Read in
//! document order from a few lines above the headline to a bounded stretch below it, so a
//! comment's date, a related teaser's date or the footer's copyright never count.

use std::collections::VecDeque;

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::{byline, date, title};
use crate::dom::{self, NodeRefH, Walk};
use crate::tunables::thread::PROFILE_DATE_LABELS;
use crate::tunables::{
    DATE_LINE_MAX_CHARS, DATE_LINE_MAX_OTHER_CHARS, DATE_MODIFIED_LABELS, DATE_PUBLISHED_LABELS,
    DATELINE_LINES_BEFORE, DATELINE_WINDOW_CHARS, TITLE_SIMILARITY,
};

/// What the lines around the headline say.
#[derive(Debug, Default, PartialEq)]
pub struct Dateline {
    /// The first date not labelled as an update, ISO 8601 as [`date::parse`] writes it.
    pub published: Option<String>,
    /// The first date labelled as an update ("Updated", "Last modified", "更新").
    pub modified: Option<String>,
    /// The name after "By", "作者：", "记者", "文/"…, as printed.
    pub byline: Option<String>,
    /// The outlet after "来源：" (source): a byline naming it names no person.
    pub source: Option<String>,
    /// A name standing alone beside the first date below the headline ("华夏人文 2020-03-09
    /// 18:14:21", "Jane Doe · Nov 20, 2019"): platforms print the author there unlabelled.
    pub beside_date: Option<Option<String>>,
    /// The text of the author's link nearest below the headline (else above it): `rel=author`,
    /// or an address under `/author/` as blog systems file their authors' pages.
    pub author_link: Option<String>,
}

/// Read the lines around the page's headline: the `h1` (or `h2`, `h3`) resembling `title`, else
/// the first `h1`. A page without one has no dateline to read. The lines below the headline are
/// read first, then those above it from the nearest: above it stand the navigation's teasers.
pub fn read(doc: &Html, title: Option<&str>, naive_offset: Option<i32>) -> Dateline {
    let Some(headline) = headline(doc, title) else { return Dateline::default() };
    let (lines, first_below, author_link) = lines_around(doc, headline);
    let mut found = Dateline { author_link, ..Dateline::default() };
    let line = |i: usize| lines.get(i).map(String::as_str);
    for i in (first_below..lines.len()).chain((0..first_below).rev()) {
        let dated = read_dates(&lines[i], i.checked_sub(1).and_then(line), naive_offset, &mut found);
        if dated && i >= first_below && found.beside_date.is_none() {
            found.beside_date = Some(byline::beside_date(&lines[i]));
        }
        if found.byline.is_none() {
            found.byline = byline::printed(&lines[i], line(i + 1));
        }
        if found.source.is_none() {
            found.source = byline::source(&lines[i]);
        }
    }
    found
}

/// The dates of one line, each the published or the modified one by the words before it (or on
/// the `previous` line, for a label standing alone: "Last updated:" / "Dec 12, 2025"); whether
/// it gave one. An
/// unlabelled date counts only on a line that says little else (at most
/// [`DATE_LINE_MAX_OTHER_CHARS`] letters beside its dates): a teaser's headline or a player's
/// controls beside a date make it theirs.
fn read_dates(line: &str, previous: Option<&str>, naive_offset: Option<i32>, found: &mut Dateline) -> bool {
    if line.chars().count() > DATE_LINE_MAX_CHARS {
        return false;
    }
    let previous = previous.filter(|l| !l.chars().any(|c| c.is_ascii_digit()) && l.chars().count() <= DATE_LINE_MAX_OTHER_CHARS);
    let cjk = line.chars().any(crate::text::is_cjk);
    let offset = naive_offset.or_else(|| if cjk { date::offset_for_lang("zh") } else { None });
    let dates = date::find_all(line, offset);
    let other: usize = date::around(line, &dates).iter().map(|gap| gap.chars().filter(|c| c.is_alphanumeric()).count()).sum();
    let mut label_start = 0;
    let mut dated = false;
    for (start, end, stamp) in dates {
        let mut label = line[label_start..start].to_lowercase();
        if label.trim_matches(|c: char| !c.is_alphanumeric()).is_empty() {
            label = previous.unwrap_or("").to_lowercase();
        }
        label_start = end;
        let says = |words: &[&str]| words.iter().any(|w| label.contains(w));
        // The day a user joined, in a forum's author block, is no date of the page.
        if says(PROFILE_DATE_LABELS) {
            continue;
        }
        let slot = if says(DATE_MODIFIED_LABELS) {
            &mut found.modified
        } else if says(DATE_PUBLISHED_LABELS) || other <= DATE_LINE_MAX_OTHER_CHARS {
            &mut found.published
        } else {
            continue;
        };
        slot.get_or_insert(stamp);
        dated = true;
    }
    dated
}

/// The headline element: the first `h1`, `h2` or `h3` whose text resembles `title`, else the
/// first element with a `title` class that does (portals set their headline in a `<div
/// class="h-title">`), else the first `h1`.
fn headline<'a>(doc: &'a Html, title: Option<&str>) -> Option<NodeRefH<'a>> {
    let resembles = |node: NodeRefH<'_>| {
        let text = dom::inner_text(node);
        title.is_some_and(|t| {
            !t.is_empty()
                && !text.is_empty()
                && title::similarity(&text, t) > TITLE_SIMILARITY
                && title::similarity(t, &text) > TITLE_SIMILARITY
        })
    };
    let mut first_h1 = None;
    let mut titled = None;
    for node in doc.tree.root().descendants() {
        let Some(tag) = dom::tag(&node) else { continue };
        if matches!(tag, "h1" | "h2" | "h3") {
            if resembles(node) {
                return Some(node);
            }
            if tag == "h1" && first_h1.is_none() && !dom::inner_text(node).is_empty() {
                first_h1 = Some(node);
            }
        } else if titled.is_none() && dom::class_and_id(&node).contains("title") && resembles(node) {
            titled = Some(node);
        }
    }
    titled.or(first_h1)
}

/// The page's text lines (a block or `<br>` ends one), white space collapsed, in document order:
/// the last [`DATELINE_LINES_BEFORE`] before `headline`, then those after it up to
/// [`DATELINE_WINDOW_CHARS`] characters or the first section heading after prose; the index of
/// the first after it; and the author link nearest below the headline, else above it. The headline's
/// own text is not among them.
fn lines_around(doc: &Html, headline: NodeRefH<'_>) -> (Vec<String>, usize, Option<String>) {
    let mut link_above: Option<String> = None;
    let mut link_below: Option<String> = None;
    let mut before: VecDeque<String> = VecDeque::new();
    let mut after: Vec<String> = Vec::new();
    let mut after_chars = 0;
    let mut passed = false;
    let mut current = String::new();
    let mut walk = Walk::new(doc.tree.root());
    let flush = |current: &mut String, passed: bool, before: &mut VecDeque<String>, after: &mut Vec<String>, chars: &mut usize| {
        let line = crate::text::normalize_space(current);
        current.clear();
        if line.is_empty() {
            return;
        }
        if passed {
            *chars += line.chars().count();
            after.push(line);
        } else {
            if before.len() == DATELINE_LINES_BEFORE {
                before.pop_front();
            }
            before.push_back(line);
        }
    };
    let mut prose_below = false;
    while let Some(edge) = walk.next() {
        if after_chars > DATELINE_WINDOW_CHARS {
            break;
        }
        // A heading after the body's prose began opens its sections: the header is behind.
        if let Edge::Open(node) = edge
            && passed
            && dom::tag(&node).is_some_and(|t| matches!(t, "h2" | "h3" | "h4" | "h5" | "h6"))
        {
            prose_below |= after.iter().any(|l| l.chars().count() > DATE_LINE_MAX_CHARS);
            if prose_below {
                break;
            }
        }
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => current.push_str(t),
                Node::Element(e) => {
                    let name = e.name();
                    if node.id() == headline.id() {
                        flush(&mut current, passed, &mut before, &mut after, &mut after_chars);
                        passed = true;
                        walk.skip_subtree();
                    } else if matches!(name, "script" | "style" | "noscript" | "template" | "head" | "select" | "svg")
                        || (name == "table" && dom::descendants_named(node, &["th"]).next().is_some())
                    {
                        // A data table's dates (an infobox's "Responsible government 7 May
                        // 1856") are its data, not the page's date line.
                        walk.skip_subtree();
                    } else if name == "br" || dom::is_block(name) {
                        flush(&mut current, passed, &mut before, &mut after, &mut after_chars);
                    } else if name == "a" && link_below.is_none() && byline::is_author_link(&node) {
                        let text = dom::inner_text(node);
                        if passed { link_below = Some(text) } else { link_above = Some(text) }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if dom::tag(&node).is_some_and(dom::is_block) {
                    flush(&mut current, passed, &mut before, &mut after, &mut after_chars);
                }
            }
        }
    }
    flush(&mut current, passed, &mut before, &mut after, &mut after_chars);
    let first_below = before.len();
    (before.into_iter().chain(after).collect(), first_below, link_below.or(link_above))
}
