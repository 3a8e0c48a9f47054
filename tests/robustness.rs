//! Bad and pathological input: a clear `Error` or `Ok`, never a panic or a stack overflow, in
//! bounded time. Deep trees are read on a thread with a small stack, as WASM has, so any
//! recursion over the DOM fails here before it fails in a browser.

mod common;

use std::time::{Duration, Instant};

use common::{READABILITY_URL, SEED, SEED_URL};
use lucid::{Article, Error, Options, extract};

/// The stack a deep-tree test runs on. Debug builds have large frames, so this is generous for
/// straight-line code and still far too small for a recursion 100 000 levels deep.
const SMALL_STACK: usize = 256 * 1024;
const DEPTH: usize = 100_000;

fn fixture(path: &str) -> String {
    common::load(&common::fixtures(path)).html
}

fn seed() -> String {
    fixture(SEED)
}

/// Run `f` on a thread with [`SMALL_STACK`]; a stack overflow aborts the test binary, which
/// fails the run as loudly as a panic.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(f)
        .expect("spawn a thread")
        .join()
        .unwrap_or_else(|_| panic!("panicked on a small stack"))
}

/// Extract on a small stack and say how long it took.
fn timed_extract(name: &str, html: String, options: Options) -> Result<Option<Article>, Error> {
    let len = html.len();
    let start = Instant::now();
    let result = on_small_stack(move || extract(&html, &options));
    let outcome = match &result {
        Ok(Some(a)) => format!("article of {} chars", a.length),
        Ok(None) => "no article".to_string(),
        Err(e) => format!("error: {e}"),
    };
    eprintln!("{name}: {len} bytes in {:?}: {outcome}", start.elapsed());
    result
}

/// Paragraphs of prose, enough for any extractor to call it an article.
fn prose(paragraphs: usize) -> String {
    (0..paragraphs)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the report explains, in some detail, how the committee weighed \
                 the costs of the new bridge against the benefits, why the river crossing was \
                 moved two kilometres upstream, and what the residents of both banks said when \
                 they were finally asked for their opinion at the public hearing.</p>"
            )
        })
        .collect()
}

fn article_page(body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>Bridge report</title></head><body><article>{body}</article></body></html>")
}

// ---- Input that is not a page. ----

#[test]
fn empty_input_is_empty() {
    assert_eq!(extract("", &Options::default()), Err(Error::Empty));
}

#[test]
fn white_space_is_empty() {
    assert_eq!(extract(" \n\t\r\n   \u{000C} ", &Options::default()), Err(Error::Empty));
}

#[test]
fn binary_is_binary() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    assert_eq!(extract(&String::from_utf8_lossy(png), &Options::default()), Err(Error::Binary));
    assert_eq!(extract("\0\0\0\0<html>", &Options::default()), Err(Error::Binary));
    let controls: String = (0..200u8).map(|i| char::from(i % 8 + 1)).collect();
    assert_eq!(extract(&controls, &Options::default()), Err(Error::Binary));
}

#[test]
fn text_without_markup_is_not_html() {
    let text = "Just a plain text file.\nIt has lines, but no markup at all.\n".repeat(50);
    assert_eq!(extract(&text, &Options::default()), Err(Error::NotHtml));
}

#[test]
fn relative_page_url_is_invalid() {
    let result = extract(&seed(), &Options::with_url("not a url"));
    assert!(matches!(result, Err(Error::InvalidUrl(_))), "{result:?}");
}

// ---- Broken and odd pages. ----

/// The seed page cut inside a tag, inside an attribute value and inside a comment.
#[test]
fn truncated_pages_do_not_panic() {
    let page = seed();
    let middle = page.len() / 2;
    let after = |needle: &str, skip: usize| {
        let at = middle + page[middle..].find(needle).unwrap_or_else(|| panic!("no {needle:?}"));
        let mut cut = at + skip;
        while !page.is_char_boundary(cut) {
            cut += 1;
        }
        cut
    };
    for (what, cut) in [
        ("inside a tag name", after("<div", 3)),
        ("inside an attribute value", after("class=\"", 9)),
        ("inside a comment", after("<!--", 6)),
        ("inside a script", after("<script", 40)),
        ("after a CJK character", after("苹果", 3)),
    ] {
        let result = timed_extract(what, page[..cut].to_string(), Options::with_url(SEED_URL));
        assert!(result.is_ok(), "{what}: {result:?}");
    }
}

#[test]
fn page_without_body_tags() {
    let page = format!("<html><head><title>Bridge report</title></head>{}", prose(8));
    let result = extract(&page, &Options::default());
    assert!(matches!(&result, Ok(Some(a)) if a.text_content.contains("Paragraph 7")), "{result:?}");
}

#[test]
fn page_with_only_a_head() {
    let page = "<html><head><title>Nothing here</title><meta name=description content=x></head></html>";
    assert_eq!(extract(page, &Options::default()), Ok(None));
}

#[test]
fn frameset_page() {
    let page = r#"<html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"><noframes><p>Your browser does not support frames.</p></noframes></frameset></html>"#;
    let result = extract(page, &Options::default());
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn malformed_entities() {
    let body = format!(
        "{}<p>Odd references: &#xFFFFFFFF; &#0; &#xD800; &#x110000; &amp &lt;&gt &unknownentity; \
         &#; &#x; &; &notit; &ampamp; &#1114112; and the sentence goes on long enough to count \
         as prose, with commas, clauses, and a full stop.</p>",
        prose(4)
    );
    let result = extract(&article_page(&body), &Options::default());
    let Ok(Some(article)) = result else { panic!("{result:?}") };
    assert!(article.text_content.contains("Odd references"), "{}", article.text_content);
    assert!(article.text_content.contains('\u{FFFD}'), "invalid code points become U+FFFD");
}

#[test]
fn huge_single_text_node() {
    let text = "word ".repeat(2_000_000);
    let result = timed_extract("10 MB text node", article_page(&format!("<p>{text}</p>")), Options::default());
    let Ok(Some(article)) = result else { panic!("{result:?}") };
    assert!(article.word_count >= 2_000_000, "word count {}", article.word_count);
}

#[test]
fn element_with_many_attributes() {
    let attrs: String = (0..100_000).map(|i| format!(" data-a{i}=\"{i}\"")).collect();
    let body = format!("<div{attrs}>{}</div>", prose(6));
    if let Some(article) = assert_bounded("100 000 attributes", article_page(&body)) {
        assert!(!article.content.contains("data-a1"), "attributes must be sanitized away");
    }
}

// ---- Size and element limits. ----

#[test]
fn fifty_megabytes_is_too_large() {
    let page = article_page(&"<p>filler text for a very large page</p>".repeat(50 << 20 >> 5));
    assert!(page.len() > 50 << 20);
    let start = Instant::now();
    let result = extract(&page, &Options::default());
    assert_eq!(result, Err(Error::TooLarge { size: page.len(), limit: 32 << 20 }));
    assert!(start.elapsed() < Duration::from_millis(100), "took {:?}", start.elapsed());
}

/// A 20 MB page of realistic markup (sections of headed, linked prose) under the default limits
/// completes; its time is printed for the report.
#[test]
fn twenty_megabyte_page_completes() {
    let section = |i: usize| {
        format!(
            "<section class=\"post\" id=\"post-{i}\"><h2><a href=\"/p/{i}\">Update {i}</a></h2>\
             <p class=\"meta\">Posted by <a href=\"/u/{i}\">editor</a> at <time>10:{:02}</time></p>{}\
             <ul class=\"tags\"><li><a href=\"/t/a\">transport</a></li><li><a href=\"/t/b\">city</a></li></ul></section>",
            i % 60,
            prose(3)
        )
    };
    let mut body = String::new();
    let mut i = 0;
    while body.len() < 20 << 20 {
        body.push_str(&section(i));
        i += 1;
    }
    let page = article_page(&body);
    let start = Instant::now();
    let result = timed_extract("20 MB page", page, Options::default());
    assert!(result.is_ok(), "{result:?}");
    // Generous for a debug build; a quadratic pass over 20 MB would take hours.
    assert!(start.elapsed() < Duration::from_secs(120), "took {:?}", start.elapsed());
}

#[test]
fn half_a_million_elements_is_too_many() {
    let page = article_page(&"<p>x</p>".repeat(500_000));
    let start = Instant::now();
    let result = timed_extract("500 000 elements", page, Options::default());
    assert_eq!(result, Err(Error::TooManyElements { limit: 300_000 }));
    assert!(start.elapsed() < Duration::from_secs(30), "took {:?}", start.elapsed());
}

#[test]
fn custom_element_limit_is_honoured() {
    let options = Options { max_elements: 100, ..Options::with_url(SEED_URL) };
    assert_eq!(extract(&seed(), &options), Err(Error::TooManyElements { limit: 100 }));
    let options = Options { max_elements: 1_000_000, ..Options::with_url(SEED_URL) };
    assert!(matches!(extract(&seed(), &options), Ok(Some(_))));
}

#[test]
fn custom_byte_limit_is_honoured() {
    let page = seed();
    let options = Options { max_bytes: 1000, ..Options::with_url(SEED_URL) };
    assert_eq!(extract(&page, &options), Err(Error::TooLarge { size: page.len(), limit: 1000 }));
}

// ---- Deep trees on a small stack. ----

/// `open` repeated [`DEPTH`] times around an article, then `close` as often.
fn nested(open: &str, close: &str) -> String {
    article_page(&format!("{}{}{}", open.repeat(DEPTH), prose(6), close.repeat(DEPTH)))
}

/// Pathological input: an article, no article, or a limit error (not a verdict on the input's
/// kind), on a small stack, within a time generous for a debug build.
fn assert_bounded(name: &str, page: String) -> Option<Article> {
    let start = Instant::now();
    let result = timed_extract(name, page, Options::default());
    let input_error = |e: &Error| {
        matches!(e, Error::Empty | Error::Binary | Error::NotHtml | Error::TooLarge { .. } | Error::InvalidUrl(_))
    };
    assert!(!matches!(&result, Err(e) if input_error(e)), "{name}: {result:?}");
    assert!(start.elapsed() < Duration::from_secs(60), "{name} took {:?}", start.elapsed());
    result.ok().flatten()
}

/// The control for the deep tests: an ordinary page also passes on the small stack, so a
/// failure below is depth, not stack frames that are merely large.
#[test]
fn ordinary_page_on_small_stack() {
    let result = timed_extract("seed on small stack", seed(), Options::with_url(SEED_URL));
    assert!(matches!(result, Ok(Some(_))), "{result:?}");
}

#[test]
fn deep_divs() {
    assert_bounded("100 000 nested div", nested("<div>", "</div>"));
}

#[test]
fn deep_divs_unclosed() {
    assert_bounded("100 000 unclosed div", article_page(&format!("{}{}", "<div>".repeat(DEPTH), prose(6))));
}

#[test]
fn deep_bold() {
    assert_bounded("100 000 nested b", nested("<b>", "</b>"));
}

#[test]
fn deep_spans() {
    assert_bounded("100 000 nested span", nested("<span>", "</span>"));
}

#[test]
fn deep_tables() {
    assert_bounded("100 000 nested tables", nested("<table><tr><td>", "</td></tr></table>"));
}

#[test]
fn deep_lists() {
    assert_bounded("100 000 nested lists", nested("<ul><li>", "</li></ul>"));
}

#[test]
fn deep_blockquotes_under_the_element_limit() {
    // 100 000 levels of one element each stay under the default limit, so the whole pipeline runs.
    assert_bounded("100 000 nested blockquote", nested("<blockquote>", "</blockquote>"));
}

// ---- Determinism and idempotence. ----

#[test]
fn extraction_is_deterministic() {
    let page = seed();
    let first = extract(&page, &Options::with_url(SEED_URL));
    let second = extract(&page, &Options::with_url(SEED_URL));
    assert!(matches!(first, Ok(Some(_))), "{first:?}");
    assert_eq!(first, second);
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Extract, wrap Lucid's own output in a minimal page, extract again: the same article.
fn assert_idempotent(name: &str, page: &str, url: &str) -> Result<(), String> {
    let options = Options::with_url(url);
    let first = match extract(page, &options) {
        Ok(Some(article)) => article,
        other => return Err(format!("{name}: first extraction: {other:?}")),
    };
    let again = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{}</title></head><body>{}</body></html>",
        escape_text(&first.title),
        first.content
    );
    let second = match extract(&again, &options) {
        Ok(Some(article)) => article,
        other => return Err(format!("{name}: second extraction: {other:?}")),
    };
    if second.text_content != first.text_content {
        let at = first.text_content.chars().zip(second.text_content.chars()).take_while(|(a, b)| a == b).count();
        let near = |s: &str| s.chars().skip(at.saturating_sub(40)).take(100).collect::<String>();
        return Err(format!(
            "{name}: text differs ({} vs {} chars) at char {at}: {:?} vs {:?}",
            first.text_content.chars().count(),
            second.text_content.chars().count(),
            near(&first.text_content),
            near(&second.text_content)
        ));
    }
    if second.content != first.content {
        let at = first.content.bytes().zip(second.content.bytes()).take_while(|(a, b)| a == b).count();
        let near = |s: &str| s.get(at.saturating_sub(60)..(at + 60).min(s.len())).unwrap_or("").to_string();
        return Err(format!("{name}: content differs at byte {at}: {:?} vs {:?}", near(&first.content), near(&second.content)));
    }
    Ok(())
}

#[test]
fn extracting_lucid_output_returns_the_same_article() {
    let mut pages = vec![("seed".to_string(), seed(), SEED_URL)];
    for name in ["ars-1", "bbc-1", "wikipedia", "nytimes-1", "qq"] {
        pages.push((name.to_string(), fixture(&format!("readability/{name}")), READABILITY_URL));
    }
    let failures: Vec<String> =
        pages.iter().filter_map(|(name, page, url)| assert_idempotent(name, page, url).err()).collect();
    assert!(failures.is_empty(), "{} of {} pages:\n{}", failures.len(), pages.len(), failures.join("\n"));
}


/// Inputs the fuzzer (examples/fuzz.rs) found slow or crashing, kept in tests/fuzz/cases: each
/// ends with an answer on a small stack. Their time is measured by the fuzzer's `--replay`
/// benchmark against the 2 s bound, not here (a debug build on a loaded machine is no clock).
#[test]
fn fuzz_findings_end_with_an_answer() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/cases");
    let mut cases: Vec<_> = std::fs::read_dir(&dir).expect("tests/fuzz/cases").filter_map(|e| e.ok().map(|e| e.path())).collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fuzz cases in {}", dir.display());
    for case in cases {
        let bytes = std::fs::read(&case).expect("read a case");
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("case").to_string();
        match lucid::decode_html(&bytes) {
            Ok(html) => {
                assert_bounded(&name, html);
            }
            Err(error) => eprintln!("{name}: refused by the decoder: {error}"),
        }
    }
}

// ---- Markup dressed to hide its cost from a text scan. ----

/// Comments a text scan misreads and raw-text elements that foreign content turns back into
/// markup: what follows them is still parsed as markup, so its cost still counts.
const HIDERS: &[&str] = &["<!-->", "<!--->", "<!-- --!>", "<math><style>", "<svg><script>", "<svg><style>"];

#[test]
fn hidden_deep_nesting_is_too_complex() {
    for hider in HIDERS {
        let page = article_page(&format!("{hider}{}{}", "<div>".repeat(DEPTH), prose(6)));
        let result = timed_extract(hider, page, Options::default());
        assert!(matches!(result, Err(Error::TooComplex)), "{hider}: {result:?}");
    }
}

#[test]
fn hidden_attributes_are_too_complex() {
    let attrs: String = (0..50_000).map(|i| format!(" a{i}")).collect();
    for hider in HIDERS {
        let page = article_page(&format!("{hider}<p{attrs}>{}", prose(6)));
        let result = timed_extract(hider, page, Options::default());
        assert!(matches!(result, Err(Error::TooComplex)), "{hider}: {result:?}");
    }
}

#[test]
fn misnested_formatting_reopened_on_every_tag_is_too_complex() {
    let page = article_page(&format!("{}{}", "<b><i><a><span><font>".repeat(20_000), prose(6)));
    let result = timed_extract("20 000 misnested b i a span font", page, Options::default());
    assert!(matches!(result, Err(Error::TooComplex)), "{result:?}");
}

#[test]
fn a_paragraph_of_ampersands_is_kept_whole() {
    let page = article_page(&format!("{}<p>{}</p>", prose(6), "x&amp;\u{a0}".repeat(200_000)));
    let article = timed_extract("200 000 ampersands", page, Options::default()).unwrap().expect("an article");
    assert_eq!(article.text_content.matches('&').count(), 200_000);
    assert_eq!(article.content.matches("&amp;").count(), 200_000);
}

#[test]
fn a_page_of_angle_brackets_has_an_answer() {
    assert_bounded("a megabyte of <", "<".repeat(1 << 20));
    assert_bounded("a megabyte of </", "</".repeat(1 << 19));
}
