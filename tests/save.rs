//! Saving a clean copy: the Markdown converter on hand-written HTML, the standalone HTML page,
//! file names, and golden files for the seed page and corpus pages (`tests/golden/`).
//!
//! Goldens: a missing golden fails; `BLESS=1 cargo test --test save` rewrites them on purpose.
//! They are meant to be read: a golden is only as right as the person who blessed it.

mod common;

use std::collections::HashMap;
use std::path::Path;

use lucid::markdown::{html_to_markdown, to_markdown, yaml_string};
use lucid::html_copy::{image_urls, standalone_html, EmbeddedImage, PageOptions};
use lucid::save::{file_name, SaveInfo};
use lucid::{Article, Options};
use scraper::{Html, Node};

fn md(html: &str) -> String {
    html_to_markdown(html)
}

fn article(title: &str, content: &str) -> Article {
    Article {
        title: title.into(),
        byline: None,
        site_name: None,
        published_time: None,
        lang: None,
        dir: None,
        excerpt: None,
        content: content.into(),
        text_content: String::new(),
        length: 0,
        word_count: 0,
        reading_time_minutes: 1,
        lead_image: None,
        trace: Vec::new(),
        timings: Vec::new(),
    }
}

fn info() -> SaveInfo {
    SaveInfo { source_url: Some("https://example.org/news/a".into()), saved_at: "2025-01-31T09:30:00Z".into() }
}

// ---------------------------------------------------------------------------------------------
// Markdown: one construct at a time
// ---------------------------------------------------------------------------------------------

#[test]
fn paragraphs_and_headings() {
    assert_eq!(md("<h1>Title</h1><p>One\n  two</p><h3>Sub <em>head</em></h3><p>Three</p>"), "# Title\n\nOne two\n\n### Sub *head*\n\nThree\n");
    assert_eq!(md("<h2>C# and F#</h2><h2>Issue #</h2>"), "## C# and F#\n\n## Issue \\#\n");
    assert_eq!(md("<h2>a<br>b</h2>"), "## a b\n");
    assert_eq!(md(""), "");
    assert_eq!(md("<p> </p><div>\n</div>"), "");
}

#[test]
fn emphasis_code_and_strikethrough() {
    assert_eq!(md("<p>a<em> b </em>c <strong>d</strong> <del>e</del> <code>f</code></p>"), "a *b* c **d** ~~e~~ `f`\n");
    assert_eq!(md("<p><b><i>both</i></b> <i><em>once</em></i></p>"), "***both*** *once*\n");
    assert_eq!(md("<p>x<em></em>y<strong> </strong>z</p>"), "xy z\n");
    assert_eq!(md("<p><code>a `b` c</code> <code>``x</code></p>"), "``a `b` c`` ``` ``x ```\n");
    assert_eq!(md("<p>H<sub>2</sub>O x<sup>2</sup> e<sup>-(n+1)</sup></p>"), "H₂O x² e⁻⁽ⁿ⁺¹⁾\n", "scripts in Unicode letters");
    assert_eq!(md("<p>a<sup>[1]</sup>b</p>"), "a<sup>\\[1\\]</sup>b\n", "tags follow no flanking rule: a note ending in punctuation keeps them");
    assert_eq!(md("<p>note<sup>[a]</sup> CO<sub>x</sub></p>"), "note<sup>\\[a\\]</sup> CO<sub>x</sub>\n", "no Unicode form: the tags GitHub keeps, as `AH` would misread `A<sup>H</sup>`");
}

#[test]
fn links_and_images() {
    assert_eq!(
        md(r#"<p>See <a href="https://e.org/a b(c)" title="The &quot;site&quot;">the site</a>.</p>"#),
        "See [the site](https://e.org/a%20b%28c%29 \"The \\\"site\\\"\").\n"
    );
    assert_eq!(md(r#"<p><img src="https://e.org/i.png" alt="A [cat]"></p>"#), "![A \\[cat\\]](https://e.org/i.png)\n");
    assert_eq!(md(r#"<p><a href="/x"><img src="/i.png" alt=""></a></p>"#), "[![](/i.png)](/x)\n");
    assert_eq!(md(r#"<p><a href="/x"> </a>y</p>"#), "y\n", "an empty link vanishes");
    assert_eq!(md(r#"<img srcset="https://e.org/s.png 1x, https://e.org/l.png 2x" alt="s">"#), "![s](https://e.org/s.png)\n");
    assert_eq!(md(r#"<a href="/x"><p>one</p><p>two</p></a>"#), "[one](/x)\n\n[two](/x)\n", "links split around blocks");
}

#[test]
fn line_breaks() {
    assert_eq!(md("<p>a<br>b<br>\n c<br></p>"), "a\\\nb\\\nc\n");
    assert_eq!(md("<p><br>a</p>"), "a\n");
    assert_eq!(md("<p>a <em>b<br>c</em></p>"), "a *b\\\nc*\n");
}

#[test]
fn nested_lists_three_deep() {
    let html = "<ul><li>one<ul><li>two<ol start=\"3\"><li>three</li><li>four</li></ol></li></ul></li><li>five</li></ul><p>after</p>";
    assert_eq!(md(html), "- one\n  - two\n\n    3. three\n    4. four\n- five\n\nafter\n");
    let html = "<ol><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ol>";
    assert_eq!(md(html), "1. a\n   - b\n     - c\n2. d\n");
    let html = "<ol start=\"9\"><li>nine</li><li>ten<ul><li>sub</li></ul></li></ol>";
    assert_eq!(md(html), "9. nine\n10. ten\n    - sub\n");
}

#[test]
fn list_items_with_paragraphs_and_blocks() {
    let html = "<ul><li><p>first para</p><p>second para</p></li><li><p>next</p><pre><code>code\nmore</code></pre></li></ul>";
    assert_eq!(md(html), "- first para\n\n  second para\n- next\n\n  ```\n  code\n  more\n  ```\n");
    assert_eq!(md("<ol reversed><li>b</li><li>a</li></ol>"), "2. b\n1. a\n");
    assert_eq!(md("<ul><li>x</li></ul><ul><li>y</li></ul>"), "- x\n\n* y\n", "adjacent lists stay apart");
    assert_eq!(md("<ul><li></li><li>y</li></ul>"), "- y\n");
}

#[test]
fn blockquotes_nested_with_lists() {
    let html = "<blockquote><p>quoted</p><blockquote><p>deeper</p></blockquote><ul><li>a</li><li>b</li></ul></blockquote><p>out</p>";
    assert_eq!(md(html), "> quoted\n>\n> > deeper\n>\n> - a\n> - b\n\nout\n");
    assert_eq!(md("<ul><li><blockquote>q</blockquote></li></ul>"), "- > q\n");
}

#[test]
fn code_blocks_with_language_and_backticks() {
    assert_eq!(md("<pre><code class=\"language-rust\">fn main() {\n    x\n}\n</code></pre>"), "```rust\nfn main() {\n    x\n}\n```\n");
    assert_eq!(md("<pre class=\"lang-js\">a\n\n\nb</pre>"), "```js\na\n\n\nb\n```\n", "blank lines inside code are kept");
    assert_eq!(md("<pre>```\ninner\n```</pre>"), "````\n```\ninner\n```\n````\n");
    assert_eq!(md("<pre><span>a  *b*</span><br>c</pre>"), "```\na  *b*\nc\n```\n", "nothing escaped or collapsed in code");
}

#[test]
fn tables() {
    let html = "<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody><tr><td>a|b</td><td><strong>bold</strong> <code>x|y</code></td></tr><tr><td><p>one</p><p>two</p></td><td></td></tr></tbody></table>";
    assert_eq!(
        md(html),
        "| Name | Value |\n| --- | --- |\n| a\\|b | **bold** `x\\|y` |\n| one<br>two |  |\n"
    );
    let html = "<table><tr><td>h1</td><td>h2</td><td>h3</td></tr><tr><td colspan=\"2\">wide</td><td>c</td></tr><tr><td>short</td></tr></table>";
    assert_eq!(md(html), "| h1 | h2 | h3 |\n| --- | --- | --- |\n| wide |  | c |\n| short |  |  |\n");
    let layout = "<table><tr><td><p>left</p><table><tr><td>in</td><td>2</td></tr></table></td><td>right</td></tr></table>";
    assert_eq!(md(layout), "left\n\n| in | 2 |\n| --- | --- |\n\nright\n", "a layout table becomes blocks");
    assert_eq!(md("<table><caption>Cap</caption><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"), "Cap\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n");
    assert_eq!(md("<ul><li>x<table><tr><td>a</td><td>b</td></tr></table></li></ul>"), "- x\n\n  | a | b |\n  | --- | --- |\n");
    let thumbnails = r#"<table><tr><td><a href="/a"><img src="/a.jpg" alt="A"><br>Story A</a></td><td><a href="/b"><img src="/b.jpg" alt="B"><br>Story B</a></td></tr></table>"#;
    assert!(!md(thumbnails).contains('|'), "a grid of thumbnails is layout, not a pipe table: {}", md(thumbnails));
    let pictured = r#"<table><tr><th>Model</th><th>Photo</th></tr><tr><td>A1</td><td><img src="/a.jpg" alt="A1"></td></tr></table>"#;
    assert!(md(pictured).starts_with("| Model | Photo |"), "a headed table keeps its images in cells");
    let word = "<table><tr><td><p>年份</p></td><td><p>产量</p></td></tr><tr><td><p>2015</p></td><td><p>12</p></td></tr><tr><td><p>2016</p></td><td><p>15</p></td></tr></table>";
    assert!(md(word).starts_with("| 年份 | 产量 |"), "a word processor's data table with paragraphs in cells stays a table");
    let captioned = r#"<table><tr><td><img src="/i.png" alt="i"></td></tr><tr><td>Caption</td></tr></table>"#;
    assert_eq!(md(captioned), "![i](/i.png)\n\nCaption\n", "a one-column table is layout");
}

#[test]
fn figures_rules_definitions_media() {
    assert_eq!(md(r#"<figure><img src="/a.jpg" alt="Alt"><figcaption>A <b>cap</b></figcaption></figure>"#), "![Alt](/a.jpg)\n\n*A **cap***\n");
    assert_eq!(md("<p>a</p><hr><p>b</p>"), "a\n\n---\n\nb\n");
    assert_eq!(md("<dl><dt>Term</dt><dd>Meaning</dd></dl>"), "**Term**\n\n: Meaning\n");
    assert_eq!(
        md(r#"<p>x</p><iframe src="https://www.youtube.com/embed/abc"></iframe><video src="https://e.org/v.mp4"></video>"#),
        "x\n\n[Embedded content: www.youtube.com](https://www.youtube.com/embed/abc)\n\n[Video](https://e.org/v.mp4)\n"
    );
}

#[test]
fn markdown_syntax_in_text_is_escaped() {
    assert_eq!(md("<p># not a heading</p>"), "\\# not a heading\n");
    assert_eq!(md("<p>#hashtag</p>"), "#hashtag\n");
    assert_eq!(md("<p>&gt; not a quote</p><p>- not a list</p><p>+ no</p><p>1. not ordered</p><p>2024) year</p>"), "\\> not a quote\n\n\\- not a list\n\n\\+ no\n\n1\\. not ordered\n\n2024\\) year\n");
    assert_eq!(md("<p>a<br>---<br>===</p>"), "a\\\n\\---\\\n\\===\n");
    assert_eq!(md("<p>2 * 3 = 6, a_b _c_ [x] `y` \\ ~z~ &lt;b&gt; &amp;amp; 1.5</p>"), "2 \\* 3 = 6, a_b \\_c_ \\[x\\] \\`y\\` \\\\ \\~z\\~ \\<b> \\&amp; 1.5\n");
    assert_eq!(md("<p>-5 degrees, 1.5 cups, 3 - 2</p>"), "-5 degrees, 1.5 cups, 3 - 2\n");
}

#[test]
fn cjk_stays_clean() {
    assert_eq!(md("<p>苹果公司表示，\n其人工智能系统</p>"), "苹果公司表示，其人工智能系统\n", "no space where a line break joined CJK");
    assert_eq!(md("<p>中文<em>强调</em>中文<strong>加粗</strong>。</p>"), "中文*强调*中文**加粗**。\n");
    assert_eq!(md("<p>他说<strong>“重要”</strong>然后</p>"), "他说“重要”然后\n", "emphasis CommonMark cannot close here is left out, never raw HTML");
    assert_eq!(md("<p>文<em>（注）</em> 后</p>"), "文（注） 后\n", "nor open here");
    assert_eq!(md("<p>\u{3000}\u{3000}首段。<br>\u{3000}\u{3000}次段。</p><p>&nbsp;&nbsp;&nbsp;&nbsp;第三段</p>"), "首段。\\\n次段。\n\n第三段\n", "indentation is dropped: four spaces would be a code block");
    assert_eq!(md("<p><strong>“重要”</strong> 然后</p>"), "**“重要”** 然后\n");
    assert_eq!(md("<p>全角：（括号）【】！？</p>"), "全角：（括号）【】！？\n");
    assert_eq!(md("<p>Apple 与 Google\n合作</p>"), "Apple 与 Google 合作\n");
    assert_eq!(md("<p>日本語\u{3000}全角スペース</p>"), "日本語\u{3000}全角スペース\n");
}

#[test]
fn unsafe_urls_are_dropped() {
    let out = md(r#"<p><a href="javascript:alert(1)">a</a> <a href=" JaVa&#x09;script:x">b</a> <img src="javascript:x" alt="c"> <a href="data:text/html,x">d</a></p>"#);
    assert_eq!(out, "a b d\n");
    assert_eq!(md(r#"<img src="data:image/png;base64,AAAA" alt="p">"#), "![p](data:image/png;base64,AAAA)\n");
}

#[test]
fn output_has_no_blank_runs_and_one_final_newline() {
    let out = md("<div><p>a</p></div><div></div><p></p><section><div><p>b</p></div></section><br><br><p>c</p>");
    assert_eq!(out, "a\n\nb\n\nc\n");
}

/// Deep nesting on a 256 KiB stack: the walks must not recurse. Inline elements nest 100k deep;
/// block containers 3k deep (html5ever itself takes quadratic time on nested blocks: every block
/// start tag looks down the open-element stack for a `<p>`), which is still far beyond what a
/// recursive walk survives on this stack.
#[test]
fn deep_nesting_on_a_small_stack() {
    let cases: [(&str, &str, usize); 7] = [
        ("<span>", "</span>", 100_000),
        ("<em>", "</em>", 100_000),
        ("<a href=\"/x\"><sup>", "</sup></a>", 20_000),
        ("<div>", "</div>", 3_000),
        ("<blockquote><p>q", "</p></blockquote>", 3_000),
        ("<ul><li>i", "</li></ul>", 3_000),
        ("<table><tr><td>c", "</td></tr></table>", 3_000),
    ];
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut sizes = Vec::new();
            for (open, close, depth) in cases {
                let html = format!("{}deep{}", open.repeat(depth), close.repeat(depth));
                let out = html_to_markdown(&html);
                assert!(out.contains("deep"), "{open}: {}", &out[..out.len().min(200)]);
                let saved = standalone_html(&article("Deep", &html), &PageOptions::default());
                assert!(saved.contains("deep"), "{open}");
                sizes.push((out.len(), html.len()));
            }
            sizes
        })
        .expect("thread");
    let sizes = handle.join().expect("no stack overflow");
    assert!(sizes.iter().all(|&(out, input)| out < 2 * input), "output stays linear: {sizes:?}");
}

// ---------------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------------

#[test]
fn front_matter_quotes_everything() {
    let mut a = article("Apple: \"TPU\" # 1 — 苹果承认：AI\\", "<p>Body</p>");
    a.byline = Some("Jane: Doe".into());
    a.published_time = Some("2024-07-30T08:21:47+08:00".into());
    a.lang = Some("zh".into());
    let out = to_markdown(&a, &info());
    let expected = "---\ntitle: \"Apple: \\\"TPU\\\" # 1 — 苹果承认：AI\\\\\"\nsource: \"https://example.org/news/a\"\nauthor: \"Jane: Doe\"\npublished: \"2024-07-30T08:21:47+08:00\"\nsaved: \"2025-01-31T09:30:00Z\"\nlanguage: \"zh\"\n---\n\n# Apple: \"TPU\" # 1 — 苹果承认：AI\\\\\n\nBody\n";
    assert_eq!(out, expected);
    assert_eq!(yaml_string("a\nb\u{7}"), "\"a\\nb\\u0007\"");
    let bare = to_markdown(&article("T", "<h1>T</h1><p>x</p>"), &SaveInfo { source_url: None, saved_at: "2025-01-31".into() });
    assert_eq!(bare, "---\ntitle: \"T\"\nsaved: \"2025-01-31\"\n---\n\n# T\n\nx\n", "absent fields are left out; the title is not repeated");
}

#[test]
fn front_matter_fields_hold_one_thing_each() {
    let author = |byline: &str| {
        let mut a = article("T", "<p>x</p>");
        a.byline = Some(byline.into());
        let out = to_markdown(&a, &info());
        out.lines().find_map(|l| l.strip_prefix("author: ")).map(str::to_string)
    };
    assert_eq!(author("张三 2015-07-04 08:44:22 来源：网易财经").as_deref(), Some("\"张三\""), "the date and source have fields of their own");
    assert_eq!(author("By Nathan Willis March 25, 2015").as_deref(), Some("\"Nathan Willis\""));
    assert_eq!(author("2015-07-04"), None, "a byline that is only a date names no one");
    let hostile = to_markdown(&article("<img src=x onerror=alert(1)>Real <b>title</b> for a < b", "<p>x</p>"), &info());
    assert!(hostile.contains("title: \"Real title for a < b\"\n"), "front matter is plain text: {hostile}");
}

// ---------------------------------------------------------------------------------------------
// Standalone HTML
// ---------------------------------------------------------------------------------------------

fn assert_inert(html: &str, context: &str) {
    let doc = Html::parse_document(html);
    for node in doc.tree.nodes() {
        let Node::Element(el) = node.value() else { continue };
        let name = el.name();
        assert!(!matches!(name, "script" | "iframe" | "object" | "embed" | "base" | "form" | "link"), "{context}: <{name}> in saved HTML");
        for (key, value) in el.attrs() {
            assert!(!key.to_ascii_lowercase().starts_with("on"), "{context}: <{name} {key}>");
            let v = value.trim().to_ascii_lowercase();
            assert!(!v.starts_with("javascript:") && !v.starts_with("vbscript:"), "{context}: <{name} {key}={value}>");
            // Nothing loads from the network: only data: URLs in loading attributes.
            if matches!(key, "src" | "srcset" | "poster" | "data" | "background") {
                assert!(v.starts_with("data:image/"), "{context}: <{name} {key}={value}> would load");
            }
        }
    }
}

#[test]
fn standalone_page_shell_and_settings() {
    let mut a = article("A <b>title</b> & more", "<p>Hello</p>");
    a.lang = Some("en".into());
    a.dir = Some("ltr".into());
    let options = PageOptions { info: info(), ..PageOptions::default() };
    let html = standalone_html(&a, &options);
    assert!(html.starts_with("<!DOCTYPE html>\n<html class=\"lucid-reader\" lang=\"en\" dir=\"ltr\" data-theme=\"light\" data-font=\"serif\" style=\"--lucid-font-size: 20px; --lucid-width: 38em; --lucid-line-height: 1.7\">"), "{}", &html[..300]);
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; media-src data:; base-uri 'none'; form-action 'none'\""));
    assert!(html.contains("<title>A &lt;b&gt;title&lt;/b&gt; &amp; more</title>"));
    assert!(html.contains(lucid::render::STYLESHEET), "the reading view's stylesheet is inlined");
    assert!(html.contains("<p>Hello</p>"));
    assert!(html.contains("Saved with Lucid from <a href=\"https://example.org/news/a\""), "footer");
    assert!(html.contains("on <time datetime=\"2025-01-31T09:30:00Z\">2025-01-31</time>"));
    assert!(html.trim_end().ends_with("</html>"));
    assert_inert(&html, "shell");

    let dark = PageOptions { theme: lucid::html_copy::Theme::Dark, font: lucid::html_copy::Font::Sans, font_size_px: 1000, line_height: f32::NAN, ..PageOptions::default() };
    let html = standalone_html(&a, &dark);
    assert!(html.contains("data-theme=\"dark\" data-font=\"sans\" style=\"--lucid-font-size: 64px; --lucid-width: 38em; --lucid-line-height: 1.7\""), "settings are clamped");
}

#[test]
fn images_are_embedded_or_linked() {
    let content = concat!(
        r#"<p><img src="https://e.org/a.png" srcset="https://e.org/a.png 1x, https://e.org/a2.png 2x" sizes="100vw" alt="A"></p>"#,
        r#"<p><img src="https://e.org/big.jpg" alt="Big"></p>"#,
        r#"<p><img src="https://e.org/unfetched.gif"></p>"#,
        r#"<picture><source srcset="https://e.org/p.webp" type="image/webp"><img src="https://e.org/p.jpg" alt="P"></picture>"#,
        r#"<p><a href="https://e.org/full"><img src="https://e.org/thumb.png" alt="T"></a></p>"#,
        r#"<video src="https://e.org/v.mp4" poster="https://e.org/poster.jpg"></video>"#,
        r#"<iframe src="https://www.youtube.com/embed/x"></iframe>"#,
        r#"<p><img src="https://e.org/a.png" alt="again"></p>"#,
    );
    let a = article("Images", content);
    assert_eq!(
        image_urls(&a),
        [
            "https://e.org/a.png", "https://e.org/big.jpg", "https://e.org/unfetched.gif", "https://e.org/p.jpg",
            "https://e.org/thumb.png", "https://e.org/poster.jpg",
        ]
    );
    let data = |s: &str| EmbeddedImage::Embedded { data_url: format!("data:image/png;base64,{s}") };
    let images: HashMap<String, EmbeddedImage> = [
        ("https://e.org/a.png".to_string(), data("QQ==")),
        ("https://e.org/big.jpg".to_string(), EmbeddedImage::Skipped { reason: "larger than 2 MB".into() }),
        ("https://e.org/p.webp".to_string(), data("UA==")),
        ("https://e.org/poster.jpg".to_string(), data("Vg==")),
    ]
    .into_iter()
    .collect();
    let html = standalone_html(&a, &PageOptions { images, info: info(), ..PageOptions::default() });
    assert_inert(&html, "images");
    assert!(html.contains(r#"<img src="data:image/png;base64,QQ==" alt="A">"#), "embedded, srcset dropped");
    assert!(html.contains(r#"<a class="lucid-image-link" href="https://e.org/big.jpg" rel="noopener noreferrer">[Big]</a>"#));
    assert!(html.contains(r#"href="https://e.org/unfetched.gif" rel="noopener noreferrer">[image]</a>"#), "no alt: 'image'");
    assert!(html.contains(r#"<picture><img src="data:image/png;base64,UA==" alt="P"></picture>"#), "a picture source embeds");
    assert!(html.contains(r#"<a href="https://e.org/full"><span class="lucid-image-link">[T]</span></a>"#), "no nested links");
    assert!(html.contains(r#"<a class="lucid-media-link" href="https://e.org/v.mp4" rel="noopener noreferrer"><img src="data:image/png;base64,Vg==" alt="Video"><br>[Video]</a>"#));
    assert!(html.contains(r#"href="https://www.youtube.com/embed/x" rel="noopener noreferrer">[Embedded video: www.youtube.com]</a>"#));
    let footer = html.split("<footer").nth(1).expect("footer");
    assert!(footer.contains("https://e.org/big.jpg</a>: larger than 2 MB</li>"), "{footer}");
    assert!(footer.contains("https://e.org/unfetched.gif</a>: not downloaded</li>"), "{footer}");
    assert!(footer.contains("https://e.org/thumb.png</a>: not downloaded</li>"), "{footer}");
    assert!(!footer.contains("a.png"), "embedded images are not listed: {footer}");
}

#[test]
fn preformatted_text_survives_the_rewrite() {
    let a = article("Pre", "<pre>\n\nindented\n  two</pre><p>a&amp;b &lt;c&gt; \u{a0}d</p>");
    let html = standalone_html(&a, &PageOptions::default());
    assert!(html.contains("<pre>\n\nindented\n  two</pre>"), "{html}");
    assert!(html.contains("<p>a&amp;b &lt;c&gt; &nbsp;d</p>"));
}

/// The saved copy's table of contents: the `<nav class="lucid-contents">` and what it links to.
fn saved_contents(html: &str) -> (Option<String>, Html) {
    let doc = Html::parse_document(html);
    let nav = doc.select(&scraper::Selector::parse("nav.lucid-contents").unwrap()).next().map(|n| n.html());
    (nav, doc)
}

#[test]
fn contents_list_the_headings_nested_with_safe_ids() {
    let content = concat!(
        r#"<p id="lucid-toc-1">A paragraph that already took Lucid's first id.</p>"#,
        r#"<h2 id="intro">Intro</h2><p>a</p>"#,
        r#"<h3>Detail &amp; more</h3><p>b</p>"#,
        r#"<h4 id="dup">Deeper</h4><p id="dup">c</p>"#,
        r#"<h2>  </h2>"#,
        r#"<h2><a name="lucid-toc-2"></a>Second</h2><p>d</p>"#,
        r#"<h3 id="with space">Spaced</h3>"#,
    );
    let mut a = article("Contents", content);
    a.lang = Some("en".into());
    let html = standalone_html(&a, &PageOptions::default());
    let (nav, doc) = saved_contents(&html);
    let nav = nav.expect("five headings make contents");
    assert_eq!(
        nav,
        concat!(
            r#"<nav class="lucid-contents"><p>Contents</p><ol>"#,
            r##"<li><a href="#intro">Intro</a><ol><li><a href="#lucid-toc-3">Detail &amp; more</a><ol><li><a href="#lucid-toc-4">Deeper</a></li></ol></li></ol></li>"##,
            r##"<li><a href="#lucid-toc-5">Second</a><ol><li><a href="#with%20space">Spaced</a></li></ol></li>"##,
            "</ol></nav>",
        ),
        "nested by level; a unique own id is kept, a duplicate one replaced, taken ids and anchor names skipped, the empty heading left out"
    );
    // Every link has exactly one target, and the article's own ids still point where they did.
    for (fragment, id) in [("intro", "intro"), ("lucid-toc-3", "lucid-toc-3"), ("lucid-toc-4", "lucid-toc-4"), ("lucid-toc-5", "lucid-toc-5"), ("with%20space", "with space")] {
        let targets = doc.tree.nodes().filter(|n| n.value().as_element().is_some_and(|e| e.id() == Some(id))).count();
        assert_eq!(targets, 1, "#{fragment}");
    }
    assert!(html.contains(r#"<p id="lucid-toc-1">"#) && html.contains(r#"<p id="dup">"#), "the article's ids are untouched");
    let nav_at = html.find("<nav class=\"lucid-contents\"").unwrap();
    assert!(html.find("</header>").unwrap() < nav_at && nav_at < html.find("<div class=\"lucid-content\"").unwrap(), "between the header and the content");
    assert_inert(&html, "contents");
}

#[test]
fn contents_need_three_headings_and_speak_the_article_language() {
    let two = article("Two", "<h2>One</h2><p>a</p><h3>Two</h3><p>b</p><h5>Not listed</h5><h1>Nor this</h1>");
    assert!(saved_contents(&standalone_html(&two, &PageOptions::default())).0.is_none(), "two listed headings make no contents");
    let mut zh = article("三", "<h2>第一</h2><p>甲</p><h2>第二</h2><p>乙</p><h2>第三</h2><p>丙</p>");
    zh.lang = Some("zh-CN".into());
    let nav = saved_contents(&standalone_html(&zh, &PageOptions::default())).0.expect("three headings");
    assert!(nav.starts_with(r##"<nav class="lucid-contents"><p>目录</p><ol><li><a href="#lucid-toc-1">第一</a></li>"##), "{nav}");
    // The hostile fixture's markup never reaches the list as markup: heading text is escaped.
    let hostile = article("H", r#"<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2><h2 id="&quot;onmouseover=&quot;x">b</h2><h2>c</h2>"#);
    let html = standalone_html(&hostile, &PageOptions::default());
    let nav = saved_contents(&html).0.unwrap();
    assert!(nav.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && nav.contains(r##"href="#%22onmouseover=%22x""##), "{nav}");
    assert_inert(&html, "hostile contents");
}

// ---------------------------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------------------------

#[test]
fn file_names_are_safe_everywhere() {
    let named = |title: &str, date: Option<&str>| {
        let mut a = article(title, "");
        a.published_time = date.map(str::to_string);
        file_name(&a, "md")
    };
    assert_eq!(named("苹果承认:AI模型使用谷歌定制芯片训练", Some("2024-07-30T08:21:47+08:00")), "2024-07-30 苹果承认：AI模型使用谷歌定制芯片训练.md");
    assert_eq!(named("Why? A/B tests: \"the\" <truth> | more*", None), "Why A-B tests - 'the' truth - more.md");
    assert_eq!(named("  ...hidden. . ", None), "hidden.md");
    assert_eq!(named("CON", None), "CON_.md");
    assert_eq!(named("com1.txt", None), "com1.txt_.md");
    assert_eq!(named("Console", None), "Console.md");
    assert_eq!(named("", None), "article.md");
    assert_eq!(named("???", None), "article.md");
    assert_eq!(named("", Some("2024-07-30")), "2024-07-30.md");
    assert_eq!(named("a\tb\u{7}\nc", Some("not a date")), "a b c.md");

    let long_cjk = named(&"汉".repeat(300), Some("2024-07-30"));
    assert!(long_cjk.len() <= 250 && long_cjk.ends_with("汉.md"), "{} bytes", long_cjk.len());
    let long_latin = named(&"word ".repeat(100), None);
    assert!(long_latin.chars().count() <= 120 && long_latin.ends_with("word.md"), "{long_latin}");
    for name in [long_cjk, long_latin] {
        assert!(!name.chars().any(|c| "<>:\"/\\|?*".contains(c) || c.is_control()), "{name}");
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile article
// ---------------------------------------------------------------------------------------------

const HOSTILE: &str = r#"<!DOCTYPE html><html><head><title>Hostile page</title>
<script>window.pwned = 1</script></head><body onload="pwn()">
<article><h1>Hostile page</h1>
<p>First paragraph of a perfectly ordinary article about gardening, long enough to be the article
that the extractor keeps, with commas, clauses, and a sentence that ends properly.</p>
<p onclick="pwn()">Second paragraph <a href="javascript:pwn()">with a bad link</a> and
<a href=" JAVASCRIPT:pwn()">another</a>, <img src="x" onerror="pwn()" alt="img">, and more text
so that the scorer sees prose here rather than boilerplate, again with commas, and more.</p>
<script>pwn()</script><iframe src="javascript:pwn()"></iframe>
<svg><script>pwn()</script></svg><form action="https://evil.example/"><input value="x"></form>
<p style="background:url(https://evil.example/t.png)">Third paragraph, <a href="https://ok.example/">a fine
link</a>, <math><mtext><table><mglyph><style><img src=x onerror=pwn()></style></mglyph></table></mtext></math>
and the end of the article, which keeps going for a while to be long enough, with commas.</p>
<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y.swf">
</article></body></html>"#;

#[test]
fn hostile_article_saves_nothing_executable() {
    let article = lucid::extract(HOSTILE, &Options::with_url("https://news.example/a.html"))
        .expect("extracts")
        .expect("finds the article");
    let html = standalone_html(&article, &PageOptions { info: info(), ..PageOptions::default() });
    assert_inert(&html, "hostile");
    let lower = html.to_ascii_lowercase();
    for bad in ["<script", "javascript:", "onerror", "onclick", "onload", "evil.example"] {
        assert!(!lower.contains(bad), "saved HTML contains {bad}");
    }
    let markdown = to_markdown(&article, &info());
    let lower = markdown.to_ascii_lowercase();
    for bad in ["javascript:", "<script", "onerror=", "onclick=", "pwn()", "evil.example"] {
        assert!(!lower.contains(bad), "saved Markdown contains {bad}:\n{markdown}");
    }
    // The same payloads straight into the savers (as if the content were not sanitized).
    let raw = article_from_raw(HOSTILE);
    let html = standalone_html(&raw, &PageOptions::default());
    assert_inert(&html, "raw hostile");
    assert!(!html.to_ascii_lowercase().contains("javascript:") && !html.contains("pwn()"), "raw HTML");
    let markdown = html_to_markdown(&raw.content).to_ascii_lowercase();
    assert!(!markdown.contains("javascript:") && !markdown.contains("<script") && !markdown.contains("pwn()"), "{markdown}");
}

fn article_from_raw(html: &str) -> Article {
    let start = html.find("<article>").unwrap_or(0);
    article("raw", &html[start..])
}

// ---------------------------------------------------------------------------------------------
// Golden files: the seed page and corpus pages through the whole pipeline
// ---------------------------------------------------------------------------------------------

/// Extract a fixture page at its address (netease pages, which name none, at 163.com's).
fn extract_fixture(dir: &str) -> (Article, SaveInfo) {
    let mut fixture = common::load(&common::fixtures(dir));
    let url = fixture.url.get_or_insert_with(|| "https://www.163.com/".to_string()).clone();
    let article = common::article(&fixture).unwrap_or_else(|| panic!("{dir}: no article"));
    (article, SaveInfo { source_url: Some(url), saved_at: "2025-01-31T09:30:00Z".into() })
}

/// Compare with `tests/golden/<name>`; `BLESS=1` writes it instead. A missing golden fails.
fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("golden dir")).expect("create tests/golden");
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("golden {name} is missing: read the output, then bless it with BLESS=1"));
    if expected != actual {
        let line = expected.lines().zip(actual.lines()).position(|(e, a)| e != a).unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "golden {name} differs at line {}:\n  expected: {:?}\n  actual:   {:?}\n(BLESS=1 to accept after reading it)",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

fn golden_pair(name: &str, dir: &str) -> (Article, String, String) {
    let (article, info) = extract_fixture(dir);
    let markdown = to_markdown(&article, &info);
    let html = standalone_html(&article, &PageOptions { info, ..PageOptions::default() });
    assert_inert(&html, name);
    golden(&format!("{name}.md"), &markdown);
    golden(&format!("{name}.html"), &html);
    (article, markdown, html)
}

#[test]
fn golden_seed_netease_apple_tpu() {
    let (_, markdown, html) = golden_pair("seed-netease-apple-tpu", "seed/netease-apple-tpu");
    let expected: serde_json::Value =
        serde_json::from_slice(&std::fs::read(common::fixtures(common::SEED).join("expected.json")).expect("expected.json"))
            .expect("json");
    let title = expected["title"].as_str().expect("title");
    assert!(markdown.starts_with(&format!("---\ntitle: {}\n", yaml_string(title))), "{}", &markdown[..200.min(markdown.len())]);
    for key in ["source: ", "published: \"2024-07-30T08:21:47+08:00\"", "saved: \"2025-01-31T09:30:00Z\"", "language: \"zh"] {
        assert!(markdown.contains(&format!("\n{key}")), "front matter lacks {key}");
    }
    let paragraphs = expected["paragraphs"].as_array().expect("paragraphs");
    assert_eq!(paragraphs.len(), 14);
    let body = markdown.split("\n---\n").nth(1).expect("body after front matter");
    let body_paragraphs: Vec<&str> = body.split("\n\n").map(str::trim).collect();
    for (i, p) in paragraphs.iter().enumerate() {
        let p = p.as_str().expect("paragraph");
        assert!(body_paragraphs.contains(&p), "seed paragraph {} is not a paragraph of the Markdown: {p}", i + 1);
        assert!(html.contains(p), "seed paragraph {} missing from the HTML", i + 1);
    }
    for bad in expected["mustNotContain"].as_array().expect("mustNotContain") {
        let bad = bad.as_str().expect("string");
        assert!(!markdown.contains(bad) && !html.contains(bad), "saved copy contains {bad}");
    }
}

#[test]
fn golden_readability_toc_missing_nested_lists_and_code() {
    golden_pair("readability-toc-missing", "readability/toc-missing");
}

#[test]
fn golden_readability_dropbox_blog_table_and_code() {
    golden_pair("readability-dropbox-blog", "readability/dropbox-blog");
}

#[test]
fn golden_readability_wikipedia_3_tables_and_lists() {
    golden_pair("readability-wikipedia-3", "readability/wikipedia-3");
}

#[test]
fn golden_readability_blogger_nested_lists_and_tables() {
    golden_pair("readability-blogger", "readability/blogger");
}

#[test]
fn golden_netease_gb18030() {
    golden_pair("netease-money163-2015-1", "netease/money163-2015-1");
}

/// Older portal pages: a headerless table of app promos (layout, not a pipe table), bold leads.
#[test]
fn golden_netease_2015_layout_table() {
    let (_, markdown, _) = golden_pair("netease-money163-2015-54", "netease/money163-2015-54");
    assert!(!markdown.contains("| --- |"), "the promo grid is not a data table");
}

/// Paragraphs indented with full-width spaces, broken by `<br>`, bold inside them.
#[test]
fn golden_netease_2019_indented() {
    let (_, markdown, _) = golden_pair("netease-news163-2019-9", "netease/news163-2019-9");
    let body = markdown.split("\n---\n").nth(1).expect("front matter closes");
    assert!(!body.lines().any(|l| l.starts_with(['\u{3000}', '\u{a0}', ' '])), "no indented line:\n{body}");
    assert!(!body.contains("<strong>") && !body.contains("<em>"), "no raw emphasis tags");
}


#[test]
fn non_breaking_spaces_stay_outside_delimiters() {
    assert_eq!(md("<p><b>\u{a0}Priority:</b> x <em>y\u{a0}</em>z</p>"), "**Priority:** x *y*\u{a0}z\n", "leading no-break space is indentation: dropped");
    assert_eq!(md("<p>x <b>\u{a0}Priority:</b></p>"), "x \u{a0}**Priority:**\n");
    assert_eq!(md(r#"<img src="/a.png" alt="a <b>c</b>">"#), "![a \\<b>c\\</b>](/a.png)\n");
}
