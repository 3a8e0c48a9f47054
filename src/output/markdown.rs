//! The article as Markdown (CommonMark with GitHub's tables and strikethrough), for saving a
//! clean copy: YAML front matter, the title, then the body converted from the sanitized HTML.
//!
//! Our own converter rather than the `htmd` crate: htmd parses with html5ever 0.38, which would
//! put a second, older HTML parser into the WASM next to the 0.40 that scraper already brings,
//! for a job that is a few hundred lines of tree walking here. Owning it also lets us keep CJK
//! text clean (no space where a line break sat between two CJK characters, full-width
//! punctuation untouched) and walk iteratively.
//!
//! The walk is iterative: [`Walk`] yields open/close edges and every piece of state
//! lives in explicit stacks, because the WASM stack is small and pages can nest 100k deep.
//! Inline delimiters are opened lazily, just before the first character they wrap, so white
//! space moves outside them (`a<em> b </em>c` → `a *b* c`) and empty ones vanish.

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::save::SaveInfo;
use crate::article::Article;
use crate::dom::{self, Walk};
use crate::metadata::byline;
use crate::text::is_cjk;
use crate::urls;

/// Deepest nesting of block quotes and list items that still indents: every line repeats the
/// prefix of each level, so unbounded depth would make output quadratic in it; deeper levels
/// are written as plain paragraphs. Real articles stay under 6.
const MAX_CONTAINER_DEPTH: usize = 16;
/// Widest `colspan` honoured when laying cells out into a pipe table (HTML allows 1000).
const MAX_COLSPAN: usize = 32;
/// A closing `*` after punctuation and before a letter does not close in CommonMark
/// (`**“引”**文`); such emphasis is left out (its text kept) when its text is at most this many
/// bytes, which bounds the cost of taking the delimiters back out.
const MAX_EMPHASIS_REWRITE: usize = 4096;

/// The saved Markdown file: front matter, `# title`, the body, one final newline.
pub fn to_markdown(article: &Article, info: &SaveInfo) -> String {
    let mut out = String::from("---\n");
    // One thing per field: the byline's names, without the date or source it may print beside
    // them ("张三 2015-07-04 来源：网易财经"); the date has its own field.
    let author = article.byline.as_deref().and_then(byline::names_only);
    let fields = [
        ("title", Some(article.title.as_str())),
        ("source", info.source_url.as_deref()),
        ("author", author.as_deref()),
        ("published", article.published_time.as_deref()),
        ("saved", Some(info.saved_at.as_str())),
        ("language", article.lang.as_deref()),
    ];
    for (key, value) in fields {
        if let Some(value) = value.map(without_tags).filter(|v| !v.trim().is_empty()) {
            out.push_str(key);
            out.push_str(": ");
            out.push_str(&yaml_string(&value));
            out.push('\n');
        }
    }
    out.push_str("---\n\n");
    let body = html_to_markdown(&article.content);
    let title = inline_markdown(&article.title);
    // Skip our heading when the content already opens with the same title.
    let first = body.lines().next().unwrap_or("");
    let repeats = first.starts_with('#') && first.trim_start_matches('#').trim() == title;
    if !title.is_empty() && !repeats {
        out.push_str("# ");
        out.push_str(&title);
        out.push_str("\n\n");
    }
    out.push_str(&body);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Front matter holds plain text: a page title that spells markup (`<img src=x onerror=…>`)
/// would be live HTML in every tool that renders front matter. What looks like a tag goes;
/// a lone `<` ("a < b") stays.
fn without_tags(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let opens_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c));
        match after.find('>').filter(|_| opens_tag) {
            Some(end) => rest = &after[end + 1..],
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A YAML double-quoted scalar: always quoted, so colons, `#`, leading dashes, `yes`/`no` and
/// numbers stay strings; only `"`, `\` and non-printable characters are escaped, so CJK stays
/// readable.
pub fn yaml_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}') => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Plain text as one line of Markdown inline content (escaped, white space collapsed).
pub fn inline_markdown(text: &str) -> String {
    let mut inline = Inline::new(Mode::SingleLine);
    inline.text(text);
    inline.take()
}

/// Convert an HTML fragment (the article's sanitized content) to Markdown blocks, ending with a
/// single newline (empty when there is nothing to say).
pub fn html_to_markdown(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut conv = Converter::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut walk = Walk::new(*doc.root_element());
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => conv.cur().text(t),
                Node::Element(_) => match conv.open(node) {
                    Some(frame) => frames.push(frame),
                    None => walk.skip_subtree(),
                },
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().is_element()
                    && let Some(frame) = frames.pop()
                {
                    conv.close(frame);
                }
            }
        }
    }
    conv.finish()
}

/// What closing an element must undo.
enum Frame {
    /// Nothing (inline element without markup, or the fragment's root).
    Plain,
    /// A block boundary: finish the paragraph.
    Block,
    /// A block whose text is wrapped in an inline delimiter (`dt` in bold, `figcaption` in italics).
    BlockWith,
    Heading(usize),
    Inline,
    Quote,
    List,
    Item,
    Table,
    Row,
    Cell,
}

enum Container {
    Quote,
    /// A list item (or `dd`): the marker goes on its first line, spaces of the same width after.
    Item { marker: String, pending: bool },
}

struct List {
    ordered: bool,
    next: i64,
    step: i64,
    bullet: char,
}

/// A table being collected for a GFM pipe table, or laid out as plain blocks when it nests
/// tables (a layout table).
enum Table {
    Pipe { rows: Vec<Row>, in_head: bool },
    Layout,
}

struct Row {
    head: bool,
    cells: Vec<String>,
}

struct Converter {
    out: String,
    containers: Vec<Container>,
    /// A blank line is owed before the next block.
    blank: bool,
    last_blank: bool,
    /// The list that just ended (container depth, marker char): a list right after it at the
    /// same depth switches marker, or Markdown would merge the two.
    last_list: Option<(usize, char)>,
    /// Inline buffers: the block's, plus one per table cell being filled.
    inlines: Vec<Inline>,
    lists: Vec<List>,
    tables: Vec<Table>,
    /// `colspan` of each open cell.
    spans: Vec<usize>,
}

impl Converter {
    fn new() -> Self {
        Converter {
            out: String::new(),
            containers: Vec::new(),
            blank: false,
            last_blank: false,
            last_list: None,
            inlines: vec![Inline::new(Mode::Block)],
            lists: Vec::new(),
            tables: Vec::new(),
            spans: Vec::new(),
        }
    }

    fn cur(&mut self) -> &mut Inline {
        self.inlines.last_mut().expect("the block inline is never popped")
    }

    /// Blocks, lists and quotes get their Markdown form only in a block context (not in a
    /// heading or a table cell) and above the depth limit.
    fn block_context(&self) -> bool {
        self.inlines.len() == 1 && self.inlines[0].mode == Mode::Block
    }

    fn can_nest(&self) -> bool {
        self.block_context() && self.containers.len() < MAX_CONTAINER_DEPTH
    }

    /// Handle an element's start; `None` means its subtree was consumed (skip it).
    fn open(&mut self, node: NodeRef<'_, Node>) -> Option<Frame> {
        let el = node.value().as_element()?;
        let name = el.name();
        if self.consume(node, name) {
            return None;
        }
        Some(self.open_structure(node, name).or_else(|| self.open_inline(node, name)).unwrap_or(Frame::Plain))
    }

    /// Elements written whole from their subtree (code, images, players) or dropped with it;
    /// `true` when `node` is one of them.
    fn consume(&mut self, node: NodeRef<'_, Node>, name: &str) -> bool {
        let attr = |a: &str| node.value().as_element().and_then(|e| e.attr(a));
        match name {
            "script" | "style" | "template" | "noscript" | "svg" | "math" | "head" | "title"
            | "select" | "textarea" | "button" | "input" | "source" | "track" | "rp" | "colgroup" => {}
            "pre" => self.code_block(node),
            "code" | "kbd" | "samp" | "tt" => {
                let text = collapse(&subtree_text(node));
                self.cur().code_span(&text);
            }
            "img" => self.image(attr("src").or_else(|| first_srcset(attr("srcset"))), attr("alt"), attr("title")),
            "iframe" | "video" | "audio" | "embed" | "object" => self.media(node, name),
            _ => return false,
        }
        true
    }

    /// Breaks, headings, quotes, lists, tables and other blocks; `None` for anything else.
    fn open_structure(&mut self, node: NodeRef<'_, Node>, name: &str) -> Option<Frame> {
        let attr = |a: &str| node.value().as_element().and_then(|e| e.attr(a));
        let frame = match name {
            "br" => {
                self.cur().hard_break = true;
                Frame::Plain
            }
            "wbr" => Frame::Plain,
            "hr" => {
                self.boundary();
                if self.block_context() {
                    self.write_block(&["---".to_string()]);
                }
                Frame::Plain
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.boundary();
                if self.block_context() {
                    self.cur().mode = Mode::SingleLine;
                    Frame::Heading(usize::from(name.as_bytes()[1] - b'0'))
                } else {
                    Frame::Block
                }
            }
            "blockquote" if self.can_nest() => {
                self.boundary();
                self.open_container(Container::Quote);
                Frame::Quote
            }
            "ul" | "ol" | "menu" if self.can_nest() => {
                self.boundary();
                self.open_list(node, name == "ol");
                Frame::List
            }
            "li" | "dd" if self.can_nest() => {
                self.boundary();
                let marker = if name == "li" { self.next_marker(attr("value")) } else { ": ".into() };
                self.open_container(Container::Item { marker, pending: true });
                Frame::Item
            }
            "dt" | "figcaption" | "summary" => {
                self.boundary();
                let kind = if name == "figcaption" { Kind::Em } else { Kind::Strong };
                if self.cur().push_frame(kind, String::new()) { Frame::BlockWith } else { Frame::Block }
            }
            "table" if self.block_context() => {
                self.boundary();
                let layout = is_layout_table(node);
                self.tables.push(if layout { Table::Layout } else { Table::Pipe { rows: Vec::new(), in_head: false } });
                Frame::Table
            }
            "thead" | "tbody" | "tfoot" if self.in_pipe_table() => {
                if let Some(Table::Pipe { in_head, .. }) = self.tables.last_mut() {
                    *in_head = name == "thead";
                }
                Frame::Plain
            }
            "tr" if self.in_pipe_table() => {
                if let Some(Table::Pipe { rows, in_head }) = self.tables.last_mut() {
                    rows.push(Row { head: *in_head, cells: Vec::new() });
                }
                Frame::Row
            }
            "td" | "th" if self.in_pipe_table() => {
                let span = attr("colspan").and_then(|s| s.trim().parse::<usize>().ok()).unwrap_or(1);
                self.spans.push(span.clamp(1, MAX_COLSPAN));
                self.inlines.push(Inline::new(Mode::Cell));
                Frame::Cell
            }
            name if dom::is_block(name) => {
                self.boundary();
                Frame::Block
            }
            _ => return None,
        };
        Some(frame)
    }

    /// Emphasis, strike-through, sub- and superscripts, links; `None` for anything else.
    fn open_inline(&mut self, node: NodeRef<'_, Node>, name: &str) -> Option<Frame> {
        let attr = |a: &str| node.value().as_element().and_then(|e| e.attr(a));
        let frame = match name {
            "em" | "i" | "cite" | "dfn" | "var" => self.inline_frame(Kind::Em, String::new()),
            "strong" | "b" => self.inline_frame(Kind::Strong, String::new()),
            "del" | "s" | "strike" => self.inline_frame(Kind::Del, String::new()),
            "sup" if fits_letters(node, SUPERSCRIPTS) => self.inline_frame(Kind::SupLetters, String::new()),
            "sup" => self.inline_frame(Kind::Sup, String::new()),
            "sub" if fits_letters(node, SUBSCRIPTS) => self.inline_frame(Kind::SubLetters, String::new()),
            "sub" => self.inline_frame(Kind::Sub, String::new()),
            "a" => match attr("href").filter(|h| urls::is_safe(h)) {
                Some(href) => {
                    let closer = format!("]({}{})", md_url(href), self.md_title(attr("title")));
                    self.inline_frame(Kind::Link, closer)
                }
                None => Frame::Plain,
            },
            _ => return None,
        };
        Some(frame)
    }

    fn close(&mut self, frame: Frame) {
        match frame {
            Frame::Plain | Frame::Row => {}
            Frame::Block => self.boundary(),
            Frame::BlockWith => {
                self.cur().pop_frame();
                self.boundary();
            }
            Frame::Inline => self.cur().pop_frame(),
            Frame::Heading(level) => self.close_heading(level),
            Frame::Quote => {
                self.boundary();
                self.containers.pop();
                self.blank = true;
            }
            Frame::List => {
                self.boundary();
                if let Some(list) = self.lists.pop() {
                    self.last_list = Some((self.containers.len(), list.bullet));
                }
                self.blank = true;
            }
            Frame::Item => {
                self.boundary();
                self.containers.pop();
                self.blank = false;
            }
            Frame::Table => {
                self.boundary();
                if let Some(Table::Pipe { rows, .. }) = self.tables.pop() {
                    let lines = pipe_table(rows);
                    if !lines.is_empty() {
                        self.write_block(&lines);
                    }
                }
            }
            Frame::Cell => self.close_cell(),
        }
    }

    fn close_heading(&mut self, level: usize) {
        let mut text = self.cur().take();
        self.cur().mode = Mode::Block;
        if !text.is_empty() {
            escape_closing_hashes(&mut text);
            self.write_block(&[format!("{} {text}", "#".repeat(level))]);
        }
    }

    /// A cell's text joins its row, followed by an empty cell for each column it spans.
    fn close_cell(&mut self) {
        let span = self.spans.pop().unwrap_or(1);
        let text = match self.inlines.pop() {
            Some(mut cell) => cell.take(),
            None => String::new(),
        };
        if let Some(Table::Pipe { rows, in_head }) = self.tables.last_mut() {
            if rows.is_empty() {
                rows.push(Row { head: *in_head, cells: Vec::new() });
            }
            if let Some(row) = rows.last_mut() {
                row.cells.push(text);
                row.cells.extend(std::iter::repeat_n(String::new(), span - 1));
            }
        }
    }

    fn in_pipe_table(&self) -> bool {
        self.inlines.len() == 1 && matches!(self.tables.last(), Some(Table::Pipe { .. }))
    }

    fn inline_frame(&mut self, kind: Kind, closer: String) -> Frame {
        if self.cur().push_frame(kind, closer) { Frame::Inline } else { Frame::Plain }
    }

    fn md_title(&self, title: Option<&str>) -> String {
        let Some(title) = title.map(collapse).filter(|t| !t.is_empty()) else {
            return String::new();
        };
        let mut out = String::from(" \"");
        for c in title.chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                '|' if self.inlines.len() > 1 => out.push_str("\\|"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    /// End the current paragraph: in a block context write it; in a heading it becomes a space,
    /// in a table cell a `<br>`.
    fn boundary(&mut self) {
        if !self.block_context() {
            let inline = self.cur();
            match inline.mode {
                Mode::Cell => inline.hard_break = true,
                _ => inline.space = Some(inline.space.unwrap_or(false)),
            }
            return;
        }
        let text = self.cur().take();
        if !text.is_empty() {
            let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
            self.write_block(&lines);
        }
    }

    fn write_block(&mut self, lines: &[String]) {
        self.begin_block();
        for line in lines {
            self.write_line(line);
        }
        self.blank = true;
    }

    fn begin_block(&mut self) {
        if self.blank && !self.out.is_empty() && !self.last_blank {
            let mut prefix = String::new();
            for c in &self.containers {
                if let Container::Quote = c {
                    prefix.push_str("> ");
                }
            }
            self.out.push_str(prefix.trim_end());
            self.out.push('\n');
            self.last_blank = true;
        }
        self.blank = false;
    }

    fn write_line(&mut self, content: &str) {
        let mut line = String::new();
        for c in &mut self.containers {
            match c {
                Container::Quote => line.push_str("> "),
                Container::Item { marker, pending } => {
                    if *pending {
                        line.push_str(marker);
                        *pending = false;
                    } else {
                        line.extend(std::iter::repeat_n(' ', marker.chars().count()));
                    }
                }
            }
        }
        if content.is_empty() {
            self.out.push_str(line.trim_end());
        } else {
            self.out.push_str(&line);
            self.out.push_str(content);
        }
        self.out.push('\n');
        self.last_blank = false;
        self.last_list = None;
    }

    fn open_container(&mut self, container: Container) {
        self.begin_block();
        self.containers.push(container);
    }

    fn open_list(&mut self, node: NodeRef<'_, Node>, ordered: bool) {
        let el = node.value().as_element();
        let reversed = el.is_some_and(|e| e.attr("reversed").is_some());
        let start = el.and_then(|e| e.attr("start")).and_then(|s| s.trim().parse::<i64>().ok());
        let items = || node.children().filter(|c| c.value().as_element().is_some_and(|e| e.name() == "li")).count() as i64;
        let next = start.unwrap_or_else(|| if ordered && reversed { items() } else { 1 });
        let default = if ordered { '.' } else { '-' };
        let bullet = match self.last_list {
            Some((depth, prev)) if depth == self.containers.len() && prev == default => {
                if ordered { ')' } else { '*' }
            }
            _ => default,
        };
        // A list right under its item's text stays tight, unless it is ordered from a number
        // other than 1, which may not interrupt a paragraph in CommonMark.
        if matches!(self.containers.last(), Some(Container::Item { .. })) && (!ordered || next == 1) {
            self.blank = false;
        }
        self.lists.push(List { ordered, next, step: if reversed { -1 } else { 1 }, bullet });
    }

    fn next_marker(&mut self, value: Option<&str>) -> String {
        let Some(list) = self.lists.last_mut() else {
            return "- ".into();
        };
        if !list.ordered {
            return format!("{} ", list.bullet);
        }
        if let Some(v) = value.and_then(|v| v.trim().parse::<i64>().ok()) {
            list.next = v;
        }
        // CommonMark list numbers have at most nine digits and no sign.
        let n = list.next.clamp(0, 999_999_999);
        list.next = list.next.saturating_add(list.step);
        format!("{n}{} ", list.bullet)
    }

    fn code_block(&mut self, node: NodeRef<'_, Node>) {
        let text = subtree_text(node);
        if !self.block_context() {
            self.cur().code_span(&collapse(&text));
            return;
        }
        self.boundary();
        let text = text.trim_start_matches(['\n', '\r']).trim_end();
        if text.is_empty() {
            return;
        }
        let lang = code_language(node);
        let fence = "`".repeat((longest_run(text, '`') + 1).max(3));
        let mut lines = vec![format!("{fence}{lang}")];
        lines.extend(text.lines().map(str::to_string));
        lines.push(fence);
        self.write_block(&lines);
    }

    fn image(&mut self, src: Option<&str>, alt: Option<&str>, title: Option<&str>) {
        let Some(src) = src.filter(|s| !s.trim().is_empty() && urls::is_safe_image(s)) else {
            return;
        };
        let cell = self.inlines.len() > 1;
        let mut alt_md = String::new();
        for c in collapse(alt.unwrap_or("")).chars() {
            match c {
                '[' | ']' | '\\' | '<' => {
                    alt_md.push('\\');
                    alt_md.push(c);
                }
                '|' if cell => alt_md.push_str("\\|"),
                c => alt_md.push(c),
            }
        }
        let atom = format!("![{alt_md}]({}{})", md_url(src), self.md_title(title));
        self.cur().atom(&atom);
    }

    /// Players and embeds cannot live in Markdown: they become a link on a line of their own.
    fn media(&mut self, node: NodeRef<'_, Node>, name: &str) {
        let el = node.value().as_element();
        let attr = |a: &str| el.and_then(|e| e.attr(a)).filter(|s| !s.trim().is_empty());
        let src = attr("src").or_else(|| attr("data")).or_else(|| {
            node.children().find_map(|c| c.value().as_element().filter(|e| e.name() == "source").and_then(|e| e.attr("src")))
        });
        let Some(src) = src.filter(|s| urls::is_safe(s)) else {
            return;
        };
        let label = match (attr("title"), name) {
            (Some(t), _) => collapse(t),
            (None, "audio") => "Audio".into(),
            (None, "video") => "Video".into(),
            _ => format!("Embedded content: {}", url::Url::parse(src).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default()),
        };
        self.boundary();
        let link = format!("[{}]({})", inline_markdown(&label), md_url(src));
        self.cur().atom(&link);
        self.boundary();
    }

    fn finish(mut self) -> String {
        self.boundary();
        while self.inlines.len() > 1 {
            self.inlines.pop();
        }
        let mut out = self.out;
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }
}

/// How an inline buffer ends its lines.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    /// A paragraph: `<br>` is a hard break, lines may start with block syntax (escaped).
    Block,
    /// A heading or a title: everything on one line.
    SingleLine,
    /// A table cell: one line, `|` escaped, breaks as `<br>`.
    Cell,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Em,
    Strong,
    Del,
    Sup,
    Sub,
    /// A super- or subscript written in Unicode's super- or subscript letters (`x²`, `H₂O`).
    SupLetters,
    SubLetters,
    Link,
}

impl Kind {
    /// Markdown opener and closer. Super- and subscripts have no Markdown syntax: they are
    /// written in Unicode's super- and subscript letters where every character has one, else
    /// as the tags GitHub's Markdown keeps (`A<sup>H</sup>` must not read `AH`).
    fn delimiters(self) -> (&'static str, &'static str) {
        match self {
            Kind::Em => ("*", "*"),
            Kind::Strong => ("**", "**"),
            Kind::Del => ("~~", "~~"),
            Kind::Sup => ("<sup>", "</sup>"),
            Kind::Sub => ("<sub>", "</sub>"),
            Kind::SupLetters | Kind::SubLetters => ("", ""),
            Kind::Link => ("[", ""),
        }
    }

    /// Emphasis delimiters obey CommonMark's flanking rules; a link's brackets do not.
    fn flanks(self) -> bool {
        matches!(self, Kind::Em | Kind::Strong | Kind::Del)
    }
}

struct InlineFrame {
    kind: Kind,
    /// The link's `](url "title")`.
    closer: String,
    /// Where the opener was written, once it is.
    open_at: usize,
    /// Its delimiters are left out: the opener would sit between a letter and punctuation,
    /// where CommonMark does not let it open.
    omitted: bool,
}

/// A closing delimiter written after punctuation: if a letter follows, both delimiters are
/// taken back out.
struct Fragile {
    kind: Kind,
    open_at: usize,
    close_at: usize,
}

struct Inline {
    mode: Mode,
    buf: String,
    frames: Vec<InlineFrame>,
    /// `frames[..opened]` have written their opener.
    opened: usize,
    /// Pending collapsible white space; `true` when it held a line break.
    space: Option<bool>,
    hard_break: bool,
    line_start: bool,
    /// Last character written (delimiters included) and last character of text.
    last_out: Option<char>,
    last_text: Option<char>,
    fragile: Option<Fragile>,
}

impl Inline {
    fn new(mode: Mode) -> Self {
        Inline {
            mode,
            buf: String::new(),
            frames: Vec::new(),
            opened: 0,
            space: None,
            hard_break: false,
            line_start: mode == Mode::Block,
            last_out: None,
            last_text: None,
            fragile: None,
        }
    }

    /// Open an inline delimiter (lazily); `false` when one of its kind is already open, since
    /// `*` inside `*` would make bold.
    fn push_frame(&mut self, kind: Kind, closer: String) -> bool {
        if self.frames.iter().any(|f| f.kind == kind) {
            return false;
        }
        self.frames.push(InlineFrame { kind, closer, open_at: 0, omitted: false });
        true
    }

    fn pop_frame(&mut self) {
        let Some(frame) = self.frames.pop() else { return };
        if self.opened <= self.frames.len() {
            self.opened = self.opened.min(self.frames.len());
            return;
        }
        self.opened = self.frames.len();
        let (_, md_close) = frame.kind.delimiters();
        let close_at = self.buf.len();
        if frame.kind == Kind::Link {
            self.push_raw(&frame.closer);
        } else if !frame.omitted && !md_close.is_empty() {
            let content_end = self.buf.trim_end().len();
            if content_end < self.buf.len() && content_end > frame.open_at {
                self.buf.insert_str(content_end, md_close);
                return;
            }
            self.push_raw(md_close);
            if frame.kind.flanks() && self.last_text.is_some_and(is_punct) {
                self.fragile = Some(Fragile { kind: frame.kind, open_at: frame.open_at, close_at });
            }
        }
    }

    /// Take the finished text: open delimiters are closed (they reopen before any later text).
    fn take(&mut self) -> String {
        for i in (0..self.opened).rev() {
            let frame = &self.frames[i];
            let (_, md_close) = frame.kind.delimiters();
            if frame.kind == Kind::Link {
                self.buf.push_str(&frame.closer);
            } else if !frame.omitted {
                self.buf.push_str(md_close);
            }
        }
        self.opened = 0;
        self.space = None;
        self.hard_break = false;
        self.line_start = self.mode == Mode::Block;
        self.last_out = None;
        self.last_text = None;
        self.fragile = None;
        let text = std::mem::take(&mut self.buf);
        text.trim_end().to_string()
    }

    fn push_raw(&mut self, s: &str) {
        self.buf.push_str(s);
        if let Some(c) = s.chars().last() {
            self.last_out = Some(c);
            self.line_start = false;
        }
    }

    /// Settle what is owed before content starting with `next`: a fragile closer, a line break,
    /// a space, pending openers.
    fn before_content(&mut self, next: char) {
        self.settle(next);
        while self.opened < self.frames.len() {
            let i = self.opened;
            let kind = self.frames[i].kind;
            // An opener before punctuation after a letter is not left-flanking: leave it out.
            let omitted = kind.flanks() && is_punct(next) && self.last_out.is_some_and(char::is_alphanumeric);
            let open_at = self.buf.len();
            if !omitted {
                self.push_raw(kind.delimiters().0);
            }
            let frame = &mut self.frames[i];
            frame.open_at = open_at;
            frame.omitted = omitted;
            self.opened += 1;
        }
    }

    /// Settle a fragile closer, a pending line break and a pending space before `next`.
    fn settle(&mut self, next: char) {
        if let Some(f) = self.fragile.take() {
            let adjacent = self.space.is_none() && !self.hard_break;
            if adjacent && next.is_alphanumeric() && self.buf.len() - f.open_at <= MAX_EMPHASIS_REWRITE {
                let (md_open, md_close) = f.kind.delimiters();
                self.buf.replace_range(f.close_at..f.close_at + md_close.len(), "");
                self.buf.replace_range(f.open_at..f.open_at + md_open.len(), "");
            }
        }
        if std::mem::take(&mut self.hard_break) && !self.buf.is_empty() {
            match self.mode {
                Mode::Block => {
                    self.push_raw("\\\n");
                    self.line_start = true;
                    self.space = None;
                }
                Mode::Cell => {
                    self.push_raw("<br>");
                    self.space = None;
                }
                Mode::SingleLine => self.space = Some(false),
            }
        }
        if let Some(newline) = self.space.take() {
            // CSS Text: a line break between two CJK characters is removed, not turned into a space.
            let cjk_join = newline && self.last_text.is_some_and(is_cjk) && is_cjk(next);
            if !self.buf.is_empty() && !self.line_start && !cjk_join {
                self.push_raw(" ");
            }
        }
    }

    /// Text from the page: white space collapsed as a browser does, Markdown syntax escaped.
    fn text(&mut self, s: &str) {
        let script = self.frames.iter().rev().find_map(|f| match f.kind {
            Kind::SupLetters => Some(SUPERSCRIPTS),
            Kind::SubLetters => Some(SUBSCRIPTS),
            _ => None,
        });
        let scripted = script.and_then(|table| in_script(s, table));
        let s = scripted.as_deref().unwrap_or(s);
        let mut i = 0;
        while let Some(c) = s[i..].chars().next() {
            if is_html_space(c) {
                self.space = Some(self.space.unwrap_or(false) || c == '\n');
                i += c.len_utf8();
                continue;
            }
            if c.is_whitespace() && (self.line_start || self.hard_break || self.buf.is_empty()) {
                // Indentation (full-width or no-break spaces, as older Chinese portals indent
                // paragraphs) is layout: dropped, as four of them would make a code block.
                i += c.len_utf8();
                continue;
            }
            if c.is_whitespace() {
                // U+00A0 and friends are text, but Markdown's flanking rules count them as
                // white space: keep them outside delimiters.
                self.settle(c);
                self.push_raw(c.encode_utf8(&mut [0; 4]));
                self.last_text = Some(c);
                i += c.len_utf8();
                continue;
            }
            self.before_content(c);
            let consumed = if self.line_start { self.escape_line_start(&s[i..]) } else { 0 };
            if consumed > 0 {
                i += consumed;
                continue;
            }
            let next = s[i + c.len_utf8()..].chars().next();
            self.escape_char(c, next);
            self.last_text = Some(c);
            i += c.len_utf8();
        }
    }

    /// Escape what would start a block at the beginning of a line (`#`, `>`, list markers,
    /// setext underlines); returns the bytes consumed, 0 when nothing needed escaping.
    fn escape_line_start(&mut self, rest: &str) -> usize {
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { return 0 };
        let next = chars.next();
        let ends_marker = |n: Option<char>| n.is_none_or(char::is_whitespace);
        let escaped = match c {
            '#' => {
                let run = rest.chars().take_while(|&c| c == '#').count();
                ends_marker(rest[run..].chars().next()).then(|| format!("\\{}", &rest[..run]))
            }
            '>' => Some("\\>".to_string()),
            '-' | '+' | '=' if ends_marker(next) || next == Some(c) => Some(format!("\\{c}")),
            '0'..='9' => {
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                let after = &rest[digits..];
                let mut tail = after.chars();
                match tail.next() {
                    Some(p @ ('.' | ')')) if digits <= 9 && ends_marker(tail.next()) => {
                        Some(format!("{}\\{p}", &rest[..digits]))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        match escaped {
            Some(text) => {
                let consumed = text.len() - 1;
                self.last_text = text.chars().last();
                self.push_raw(&text);
                consumed
            }
            None => 0,
        }
    }

    fn escape_char(&mut self, c: char, next: Option<char>) {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '~' => true,
            '_' => !self.last_out.is_some_and(char::is_alphanumeric),
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '|' => self.mode == Mode::Cell,
            _ => false,
        };
        if escape {
            self.buf.push('\\');
        }
        self.buf.push(c);
        self.last_out = Some(c);
        self.line_start = false;
    }

    /// Content written as it is (an image, a link, a code span).
    fn atom(&mut self, s: &str) {
        let Some(first) = s.chars().next() else { return };
        self.before_content(first);
        self.push_raw(s);
        self.last_text = s.chars().last();
    }

    /// Inline code, fenced with more backticks than it holds in a row.
    fn code_span(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let text = if self.mode == Mode::Cell { text.replace('|', "\\|") } else { text.to_string() };
        let fence = "`".repeat(longest_run(&text, '`') + 1);
        let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
        self.atom(&format!("{fence}{pad}{text}{pad}{fence}"));
    }
}

/// The whole table as GFM pipe rows: the header is the first `thead` row, else the first row.
fn pipe_table(mut rows: Vec<Row>) -> Vec<String> {
    rows.retain(|r| !r.cells.is_empty());
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if width == 0 || rows.iter().all(|r| r.cells.iter().all(String::is_empty)) {
        return Vec::new();
    }
    let head = rows.iter().position(|r| r.head).unwrap_or(0);
    let header = rows.remove(head);
    let line = |cells: &[String]| {
        let mut out = String::from("|");
        for i in 0..width {
            out.push(' ');
            out.push_str(cells.get(i).map_or("", String::as_str));
            out.push_str(" |");
        }
        out
    };
    let mut lines = vec![line(&header.cells), format!("|{}", " --- |".repeat(width))];
    lines.extend(rows.iter().map(|r| line(&r.cells)));
    lines
}

/// A table that lays out the page rather than holding data: it nests a table; it has one
/// column (an image above its caption, a boxed note); or, with no header cells or caption to
/// say it holds data, its cells hold images, lists or headings (a grid of thumbnails, boxed teasers),
/// which a pipe table cannot show anyway. Its cells become plain blocks.
fn is_layout_table(table: NodeRef<'_, Node>) -> bool {
    let is_cell = |n: &NodeRef<'_, Node>| n.value().as_element().is_some_and(|e| matches!(e.name(), "td" | "th"));
    let mut single_column = true;
    let mut headed = false;
    let mut shows_layout = false;
    for node in table.descendants().skip(1) {
        match node.value().as_element().map(|e| e.name()) {
            Some("table") => return true,
            Some("tr") if node.children().filter(is_cell).count() > 1 => single_column = false,
            Some("th" | "thead" | "caption") => headed = true,
            Some("img" | "picture" | "video" | "figure") => shows_layout = true,
            // Not `p` or `div`: word processors wrap every data cell in one.
            Some("ul" | "ol" | "dl" | "blockquote" | "pre" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6") => shows_layout = true,
            _ => {}
        }
    }
    single_column || (shows_layout && !headed)
}

/// Characters with a superscript and a subscript form in Unicode, and those forms.
const SUPERSCRIPTS: (&str, &str) = ("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ");
const SUBSCRIPTS: (&str, &str) = ("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎");

/// Every character below a super- or subscript has a form in `letters`.
fn fits_letters(node: NodeRef<'_, Node>, letters: (&str, &str)) -> bool {
    short_text(node).is_some_and(|t| in_script(&t, letters).is_some())
}

/// The text below a super- or subscript, or `None` past a few characters: a longer one is
/// never all digits and signs, and stopping early keeps nested ones linear.
fn short_text(node: NodeRef<'_, Node>) -> Option<String> {
    let mut out = String::new();
    for n in node.descendants() {
        if let Node::Text(t) = n.value() {
            out.push_str(t);
            if out.len() > 32 {
                return None;
            }
        }
    }
    Some(out)
}

/// `text` in super- or subscript letters when every character it shows has one (`x²`, `H₂O`).
fn in_script(text: &str, (plain, script): (&str, &str)) -> Option<String> {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if is_html_space(c) {
            out.push(c);
            continue;
        }
        let at = plain.chars().position(|p| p == c)?;
        out.push(script.chars().nth(at)?);
    }
    Some(out)
}

/// `class="language-rust"` or `lang-rust` on the `pre` or its `code`.
fn code_language(pre: NodeRef<'_, Node>) -> String {
    let code = pre.children().find(|c| c.value().as_element().is_some_and(|e| e.name() == "code"));
    for node in std::iter::once(pre).chain(code) {
        let Some(class) = node.value().as_element().and_then(|e| e.attr("class")) else { continue };
        for token in class.split_whitespace() {
            let lang = token.strip_prefix("language-").or_else(|| token.strip_prefix("lang-"));
            if let Some(lang) = lang.filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || "+-#._".contains(c))) {
                return lang.to_string();
            }
        }
    }
    String::new()
}

/// Text below `node`, `<br>` as a line break (an iterative walk).
fn subtree_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        match n.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// HTML's white space (not U+00A0 or U+3000, which are text).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0C}')
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Collapse HTML white space to single spaces and trim.
fn collapse(text: &str) -> String {
    text.split(is_html_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn longest_run(text: &str, ch: char) -> usize {
    let (mut best, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == ch { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

fn first_srcset(srcset: Option<&str>) -> Option<&str> {
    srcset?.split(',').next()?.split_whitespace().next()
}

/// A heading ending in ` #` would lose the `#` as a closing sequence.
fn escape_closing_hashes(text: &mut String) {
    let body = text.trim_end_matches('#');
    if body.len() < text.len() && (body.is_empty() || body.ends_with(' ')) {
        text.insert(body.len(), '\\');
    }
}

/// A URL usable in a Markdown link destination: characters that end or confuse it are
/// percent-encoded (`|` too, for tables).
fn md_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '|' => out.push_str("%7C"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
