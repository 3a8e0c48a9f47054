//! html5ever driven one token at a time under a work budget. The tree builder's slow shapes
//! (blocks nested thousands deep, misnested formatting elements re-opened on every token, tables
//! fostering content) all come down to scans of its stack of open elements and its list of
//! active formatting elements, and it can only look at a node by asking the tree sink. So the
//! sink counts every look, and the parse stops as soon as the count passes the budget: the
//! bound holds whatever the markup is dressed as, where a text estimate before parsing can be
//! talked around (`<!-->`, `<svg><style>`). The tokenizer's one slow shape, a tag with thousands
//! of attributes, is bounded by [`attribute_work`] before the parse starts.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};

use ego_tree::NodeId;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, Tracer, TreeBuilder, TreeSink};
use html5ever::{Attribute, QualName, TokenizerResult, local_name, ns};
use scraper::{Html, HtmlTreeSink};

use crate::error::Error;
use super::attribute_work;
use crate::tunables::{
    DEFAULT_MAX_ELEMENTS, MAX_ATTRIBUTE_WORK, MAX_PARSER_TOKENS, MAX_TREE_BUILDER_WORK, PARSER_CHUNK_BYTES, PARSER_WORK_PER_BYTE,
    PARSER_WORK_PER_FORMATTING_COPY,
};

/// What one parse may spend: tree-builder work (see the module comment) and elements made.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    pub work: u64,
    pub elements: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget { work: MAX_TREE_BUILDER_WORK, elements: DEFAULT_MAX_ELEMENTS }
    }
}

/// Parse a whole page, or refuse it once it costs more than `budget`.
pub fn document(html: &str, budget: Budget) -> Result<Html, Error> {
    let sink = MeteredSink::new(Html::new_document());
    let builder = TreeBuilder::new(sink, Default::default());
    run(builder, TokenizerOpts::default(), html, &[], budget, PARSER_CHUNK_BYTES).map(|(html, _)| html)
}

/// [`document`] handed to the tokenizer `chunk` bytes at a time, without a budget, with what it
/// cost.
#[cfg(test)]
fn document_in_chunks(html: &str, chunk: usize) -> (Html, Spent) {
    let sink = MeteredSink::new(Html::new_document());
    let unlimited = Budget { work: u64::MAX, elements: usize::MAX };
    run(TreeBuilder::new(sink, Default::default()), TokenizerOpts::default(), html, &[], unlimited, chunk).unwrap()
}

/// Parse markup as the content of a `<body>` (as [`Html::parse_fragment`] does), or refuse it
/// once it costs more than `budget`. A comment holding an index into `set_aside` is read as
/// that text instead (`serialize::for_reparse` writes them). Comments are markup only where
/// the tokenizer reads characters as they are, so the tree is the one parsed from `html` with
/// each such marker replaced by its text escaped; a marker anywhere else stays what it is.
pub fn fragment(html: &str, set_aside: &[StrTendril], budget: Budget) -> Result<Html, Error> {
    let sink = MeteredSink::new(Html::new_fragment());
    let body = sink.create_element(QualName::new(None, ns!(html), local_name!("body")), Vec::new(), ElementFlags::default());
    let builder = TreeBuilder::new_for_fragment(sink, body, None, Default::default());
    let tokenizer = TokenizerOpts { initial_state: Some(builder.tokenizer_state_for_context_elem(false)), ..Default::default() };
    run(builder, tokenizer, html, set_aside, budget, PARSER_CHUNK_BYTES).map(|(html, _)| html)
}

/// What a parse cost: tree-builder work and tokens.
#[derive(Clone, Copy, Debug)]
#[cfg_attr(not(test), allow(dead_code, reason = "the unit tests read it, to check what corpus pages cost"))]
struct Spent {
    work: u64,
    tokens: u64,
}

/// The parsed page and what it cost, handed to the tokenizer `chunk` bytes at a time.
fn run(
    builder: TreeBuilder<NodeId, MeteredSink>,
    opts: TokenizerOpts,
    html: &str,
    set_aside: &[StrTendril],
    budget: Budget,
    chunk: usize,
) -> Result<(Html, Spent), Error> {
    if attribute_work(html) > MAX_ATTRIBUTE_WORK {
        return Err(Error::TooComplex);
    }
    // A big page may spend in proportion to its size, as the costliest real pages do.
    let allowed = budget.work.max((html.len() as u64).saturating_mul(PARSER_WORK_PER_BYTE));
    let guard = Guard {
        builder,
        budget,
        allowed,
        work: Cell::new(0),
        tokens: Cell::new(0),
        refusal: Cell::new(None),
        text: RefCell::new(StrTendril::new()),
        set_aside,
    };
    let tokenizer = Tokenizer::new(guard, opts);
    let input = BufferQueue::default();
    let mut rest = html;
    while !rest.is_empty() {
        let (piece, after) = rest.split_at(piece_end(rest, chunk));
        rest = after;
        input.push_back(StrTendril::from_slice(piece));
        // The tokenizer pauses after a `</script>` (for a browser to run it), at a `<meta
        // charset>` (the page is decoded already) and when the guard stops it; only the guard's
        // pause ends the parse.
        loop {
            let paused = !matches!(tokenizer.feed(&input), TokenizerResult::Done);
            if let Some(refusal) = tokenizer.sink.refusal.get() {
                return Err(refusal.error(budget));
            }
            if !paused {
                break;
            }
        }
    }
    tokenizer.end();
    if let Some(refusal) = tokenizer.sink.refusal.get() {
        return Err(refusal.error(budget));
    }
    let spent = Spent { work: tokenizer.sink.work.get(), tokens: tokenizer.sink.tokens.get() };
    Ok((tokenizer.sink.builder.sink.inner.finish(), spent))
}

/// Where the first piece of `rest` ends: about `chunk` bytes in, at a character's boundary, and
/// not before a U+FEFF (html5ever drops one at the start of every piece it is fed, as if each
/// began the page).
fn piece_end(rest: &str, chunk: usize) -> usize {
    let mut end = chunk.min(rest.len());
    while !rest.is_char_boundary(end) {
        end += 1;
    }
    while rest[end..].starts_with('\u{feff}') {
        end += '\u{feff}'.len_utf8();
    }
    end
}

#[derive(Clone, Copy, Debug)]
enum Refusal {
    TooComplex,
    TooManyElements,
}

impl Refusal {
    fn error(self, budget: Budget) -> Error {
        match self {
            Refusal::TooComplex => Error::TooComplex,
            Refusal::TooManyElements => Error::TooManyElements { limit: budget.elements },
        }
    }
}

/// Stands between the tokenizer and the tree builder, charging each token's work.
struct Guard<'t> {
    builder: TreeBuilder<NodeId, MeteredSink>,
    budget: Budget,
    /// The work this page may spend.
    allowed: u64,
    work: Cell<u64>,
    tokens: Cell<u64>,
    refusal: Cell<Option<Refusal>>,
    /// Characters not yet handed to the builder. The tokenizer emits a character at a time
    /// wherever its fast path stops (every `<` that opens no tag, every character reference),
    /// and the builder's cost is per token, so a run of them reaches it as one token: the
    /// standard defines the tree character by character, so how a run is cut does not matter.
    text: RefCell<StrTendril>,
    /// Texts that marker comments stand for (see [`fragment`]).
    set_aside: &'t [StrTendril],
}

impl Guard<'_> {
    /// The one scan the builder makes without asking the sink: a formatting start tag is
    /// compared with each active formatting element (to keep at most three alike), copying and
    /// sorting both attribute lists when the names match. Bounded by everything the builder
    /// holds times the attributes squared, weighted by what a copy costs.
    fn formatting_element_checks(&self, token: &Token) -> u64 {
        let Token::TagToken(tag) = token else { return 0 };
        if tag.kind != TagKind::StartTag || !FORMATTING_ELEMENTS.contains(&&*tag.name) {
            return 0;
        }
        let held = HandleCount(Cell::new(0));
        self.builder.trace_handles(&held);
        let attributes = tag.attrs.len() as u64 + 1;
        held.0.get().saturating_mul(PARSER_WORK_PER_FORMATTING_COPY.saturating_mul(attributes.saturating_mul(attributes)))
    }

    /// Keep characters back, to go to the builder with those before and after them.
    fn hold(&self, text: StrTendril) {
        // A long run comes as one tendril: kept as it is, not copied.
        let mut held = self.text.borrow_mut();
        if held.is_empty() { *held = text } else { held.push_tendril(&text) }
    }

    /// The text a comment is the marker of.
    fn set_aside_text(&self, comment: &str) -> Option<&StrTendril> {
        comment.parse::<usize>().ok().and_then(|index| self.set_aside.get(index))
    }

    /// Hand the builder the characters held back, as one token.
    fn flush_text(&self, line_number: u64) {
        let text = std::mem::take(&mut *self.text.borrow_mut());
        if !text.is_empty() {
            self.forward(Token::CharacterTokens(text), line_number);
        }
    }

    /// Give the builder one token and charge its work; `None` once the page is refused.
    fn forward(&self, token: Token, line_number: u64) -> Option<TokenSinkResult<NodeId>> {
        if self.refusal.get().is_some() {
            return None;
        }
        let sink = &self.builder.sink;
        let mut cost = self.formatting_element_checks(&token);
        let looks_before = sink.looks.get();
        let result = self.builder.process_token(token, line_number);
        cost = cost.saturating_add(sink.looks.get() - looks_before).saturating_add(sink.moved.take());
        self.work.set(self.work.get().saturating_add(cost));
        if sink.elements.get() > self.budget.elements {
            self.refusal.set(Some(Refusal::TooManyElements));
        } else if self.work.get() > self.allowed {
            self.refusal.set(Some(Refusal::TooComplex));
        } else {
            return Some(result);
        }
        None
    }
}

/// The HTML standard's formatting elements.
const FORMATTING_ELEMENTS: &[&str] = &["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

impl TokenSink for Guard<'_> {
    type Handle = NodeId;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<NodeId> {
        self.tokens.set(self.tokens.get() + 1);
        if self.tokens.get() > MAX_PARSER_TOKENS && self.refusal.get().is_none() {
            self.refusal.set(Some(Refusal::TooComplex));
        }
        match token {
            Token::CharacterTokens(text) => {
                self.hold(text);
                TokenSinkResult::Continue
            }
            Token::CommentToken(ref comment) if let Some(text) = self.set_aside_text(comment) => {
                // Shared with the tree it came from, not copied.
                self.hold(text.clone());
                TokenSinkResult::Continue
            }
            // A parse error only tells the builder to forget a pending "skip the newline after
            // `<pre>`", which the first character does too; so one after characters can go.
            Token::ParseError(_) if !self.text.borrow().is_empty() => TokenSinkResult::Continue,
            token => {
                let is_tag = matches!(token, Token::TagToken(_));
                self.flush_text(line_number);
                match self.forward(token, line_number) {
                    Some(result) => result,
                    // The tokenizer can only be paused at a tag; until then, tokens after a
                    // refusal are dropped, so the tree builder does no more work.
                    None if is_tag => TokenSinkResult::Script(self.builder.sink.document),
                    None => TokenSinkResult::Continue,
                }
            }
        }
    }

    fn end(&self) {
        self.flush_text(0);
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        // Characters can change the current node (formatting elements reopened for them).
        self.flush_text(0);
        self.builder.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

struct HandleCount(Cell<u64>);

impl Tracer for HandleCount {
    type Handle = NodeId;
    fn trace_handle(&self, _: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// scraper's tree sink, counting elements made; every time the builder looks at a node (its
/// name, or whether it is another) or changes the tree (`looks`); and the nodes or attributes
/// a single change walks over (`moved`). The builder's scans of its stacks all look at nodes
/// through the sink, so `looks` is the builder's work.
struct MeteredSink {
    inner: HtmlTreeSink,
    document: NodeId,
    elements: Cell<usize>,
    looks: Cell<u64>,
    moved: Cell<u64>,
}

impl MeteredSink {
    fn new(html: Html) -> MeteredSink {
        let document = html.tree.root().id();
        MeteredSink {
            inner: HtmlTreeSink::new(html),
            document,
            elements: Cell::new(0),
            looks: Cell::new(0),
            moved: Cell::new(0),
        }
    }

    fn looked(&self) {
        self.looks.set(self.looks.get() + 1);
    }
}

impl TreeSink for MeteredSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    /// Parse errors are not kept: a hostile page can make one per byte.
    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.looked();
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.looked();
        self.elements.set(self.elements.get() + 1);
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.looked();
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.looked();
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.looked();
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        self.looked();
        self.inner.append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(&self, name: StrTendril, public_id: StrTendril, system_id: StrTendril) {
        self.looked();
        self.inner.append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.looked();
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.looked();
        self.inner.append_before_sibling(sibling, new_node);
    }

    /// Each attribute added is inserted into the element's sorted list.
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.looked();
        let existing = self.inner.0.borrow().tree.get(*target).and_then(|n| n.value().as_element().map(|e| e.attrs.len()));
        let added = attrs.len() as u64;
        self.moved.set(self.moved.get().saturating_add(added.saturating_mul(added + existing.unwrap_or(0) as u64)));
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.looked();
        self.inner.remove_from_parent(target);
    }

    /// Moving children walks over each of them.
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.looked();
        let children = self.inner.0.borrow().tree.get(*node).map_or(0, |n| n.children().count());
        self.moved.set(self.moved.get().saturating_add(children as u64));
        self.inner.reparent_children(node, new_parent);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{Budget, Spent, document, document_in_chunks, fragment};
    use crate::tunables::{MAX_PARSER_TOKENS, PARSER_CHUNK_BYTES, PARSER_WORK_PER_BYTE};
    use crate::error::Error;
    use scraper::Html;

    /// Every fixture page with a `source.html`, as text (the sanitizer's tests read them too).
    pub(crate) fn fixture_pages() -> Vec<String> {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut pages = Vec::new();
        for corpus in ["readability", "seed", "wcxb", "wcxb-forum", "netease", "zh-portals"] {
            for entry in std::fs::read_dir(format!("{fixtures}/{corpus}")).unwrap().flatten() {
                if let Ok(page) = std::fs::read(entry.path().join("source.html")) {
                    pages.push(String::from_utf8_lossy(&page).into_owned());
                }
            }
        }
        pages
    }

    #[test]
    fn builds_the_tree_html5evers_own_driver_builds() {
        for page in fixture_pages() {
            assert_eq!(document(&page, Budget::default()).unwrap().html(), Html::parse_document(&page).html());
        }
        // Runs of characters the tokenizer emits one at a time, a parse error between `<pre>`
        // and its newline, characters that reopen formatting elements before a CDATA section.
        for snippet in [
            "<p>a<b>b<table><td>c</b>d<script>x</script><svg><style><i>e",
            "<p><<< a&lt;&amp;b &x& <table>x&lt;<tr> &gt;y<td>z</table>",
            "<pre>\n\na</pre><pre>\0\nb</pre><pre><\nc</pre><textarea>&\nd</textarea><pre></>\ne</pre>",
            "<b><p>x</b><svg><foreignObject><b><i>y</b>z<![CDATA[w]]></foreignObject><![CDATA[v]]></svg>",
        ] {
            assert_eq!(fragment(snippet, &[], Budget::default()).unwrap().html(), Html::parse_fragment(snippet).html(), "{snippet}");
            assert_eq!(document(snippet, Budget::default()).unwrap().html(), Html::parse_document(snippet).html(), "{snippet}");
        }
    }

    #[test]
    fn real_pages_spend_far_less_than_the_budget() {
        let spent: Vec<(usize, Spent)> = fixture_pages().iter().map(|page| (page.len(), document_in_chunks(page, PARSER_CHUNK_BYTES).1)).collect();
        let worst = spent.iter().map(|(_, s)| s.work).max().unwrap();
        assert!(worst < Budget::default().work / 10, "a corpus page costs {worst}");
        let per_byte = spent.iter().map(|(len, s)| s.work as f64 / *len as f64).fold(0.0, f64::max);
        assert!(per_byte < PARSER_WORK_PER_BYTE as f64 / 2.0, "a corpus page costs {per_byte} per byte");
        let tokens = spent.iter().map(|(_, s)| s.tokens).max().unwrap();
        assert!(tokens < MAX_PARSER_TOKENS / 50, "a corpus page takes {tokens} tokens");
    }

    #[test]
    fn a_page_fed_in_pieces_builds_the_tree_it_builds_whole() {
        // Pieces of 7 bytes cut through every tag, reference and CR LF pair of the fixtures;
        // a U+FEFF that is not the page's first character stays.
        let mut pages = fixture_pages();
        pages.push("\u{feff}<p>a\r\nb &amp;c &notit; \u{feff}\u{feff}d</p><p>\u{feff}e</p>".to_string());
        for page in pages {
            let whole = Html::parse_document(&page).html();
            for chunk in [7, 4096] {
                assert_eq!(document_in_chunks(&page, chunk).0.html(), whole, "pieces of {chunk}: {}", &page[..page.len().min(200)]);
            }
        }
    }

    #[test]
    fn a_page_of_stray_characters_is_refused() {
        let page = format!("<p>{}", "<".repeat(MAX_PARSER_TOKENS as usize));
        assert!(matches!(document(&page, Budget::default()), Err(Error::TooComplex)));
        // A quarter as many is an odd page, but one that is read.
        let short = format!("<p>{}", "<".repeat(MAX_PARSER_TOKENS as usize / 4));
        assert!(document(&short, Budget::default()).is_ok());
    }

    #[test]
    fn markup_dressed_to_hide_its_nesting_is_refused() {
        let deep = "<div>".repeat(100_000);
        for hider in ["", "<!-->", "<!--->", "<!-- --!>", "<math><style>", "<svg><script>"] {
            let page = format!("{hider}{deep}");
            assert!(matches!(document(&page, Budget::default()), Err(Error::TooComplex)), "{hider}");
        }
        let misnested = "<b><i><a><span><font>".repeat(20_000);
        assert!(matches!(document(&misnested, Budget::default()), Err(Error::TooComplex)));
        // The same number of elements, closed, is an ordinary page.
        assert!(document(&"<div><b>x</b></div>".repeat(100_000), Budget::default()).is_ok());
    }

    #[test]
    fn stops_at_the_element_limit() {
        let page = "<i></i>".repeat(2_000);
        let budget = Budget { elements: 1_000, ..Budget::default() };
        assert!(matches!(document(&page, budget), Err(Error::TooManyElements { limit: 1_000 })));
        assert!(matches!(fragment(&page, &[], budget), Err(Error::TooManyElements { limit: 1_000 })));
    }
}
