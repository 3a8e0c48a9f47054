//! Bad input and exceeded limits. "No article on this page" is not an error: it is `Ok(None)`.

use crate::Options;
use crate::tunables::MAX_PARSER_WORK;

/// Why Lucid could not read a page. Messages are written for the person who asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The input holds nothing but white space.
    #[error("the page is empty")]
    Empty,
    /// The input looks like binary data (NUL bytes or mostly control characters), not a web page.
    #[error("this is not a web page: the input looks like binary data")]
    Binary,
    /// The input has no markup at all.
    #[error("this is not a web page: the input has no HTML markup")]
    NotHtml,
    /// The input is bigger than [`Options::max_bytes`].
    #[error("the page is too large to read: {size} bytes, the limit is {limit}")]
    TooLarge { size: usize, limit: usize },
    /// The page has more elements than [`Options::max_elements`].
    #[error("the page has too many elements to read: more than {limit}")]
    TooManyElements { limit: usize },
    /// The markup would cost more parser work than [`crate::tunables::MAX_PARSER_WORK`]: elements
    /// nested thousands deep or tags with thousands of attributes, which no real page has and
    /// which take html5ever time growing with the square of their size.
    #[error("the page's markup is too deeply nested or too complex to read safely")]
    TooComplex,
    /// `Options::url` is not an absolute URL.
    #[error("the page address is not a valid absolute URL: {0}")]
    InvalidUrl(String),
}

/// Reject input that cannot be a page before spending time parsing it.
pub(crate) fn check_input(html: &str, options: &Options) -> Result<(), Error> {
    if html.len() > options.max_bytes {
        return Err(Error::TooLarge { size: html.len(), limit: options.max_bytes });
    }
    if html.trim().is_empty() {
        return Err(Error::Empty);
    }
    if looks_binary(html.as_bytes()) {
        return Err(Error::Binary);
    }
    if !html.contains('<') {
        return Err(Error::NotHtml);
    }
    Ok(())
}

/// True when the first bytes hold a NUL or are mostly control characters, as images, archives and
/// executables do. Text pages never contain NUL; browsers sniff the same way.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    control * 10 > head.len()
}

/// Refuse markup whose parse would be pathologically slow, before parsing it.
pub(crate) fn check_parse_cost(html: &str) -> Result<(), Error> {
    if parser_work(html) > MAX_PARSER_WORK { Err(Error::TooComplex) } else { Ok(()) }
}

/// How much quadratic work html5ever would do parsing `html` (the pipeline parses twice: the page,
/// then the article in ammonia), estimated by a single pass over the source: html5ever checks
/// each attribute against the tag's earlier ones (a tag with `a` attributes costs `a²/2`), and
/// each block start tag scans the stack of open elements for a `<p>` to close (it costs the
/// current block depth). A real page stays under a million; 100 000 attributes or 100 000 nested
/// `<div>`s cost billions (minutes of parsing). Compared with [`MAX_PARSER_WORK`]
/// before parsing. Raw text (script, style…) and comments are skipped as the parser skips them.
pub fn parser_work(html: &str) -> u64 {
    let bytes = html.as_bytes();
    let mut work: u64 = 0;
    let mut depth: u64 = 0;
    let mut at = 0;
    while let Some(offset) = html.get(at..).and_then(|rest| rest.find('<')) {
        at += offset + 1;
        let rest = &bytes[at..];
        if rest.starts_with(b"!--") {
            at = find_from(html, at + 3, "-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            continue; // `<!doctype`, `<?`, or a `<` in text: the next `<` decides.
        }
        let name = &html[name_start..name_start + name_len];
        let is_block = PARSER_BLOCK_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name));
        let (attributes, end) = scan_attributes(bytes, name_start + name_len);
        at = end;
        if closing {
            depth = depth.saturating_sub(u64::from(is_block));
            continue;
        }
        work = work.saturating_add(attributes * attributes.saturating_sub(1) / 2);
        if is_block {
            work = work.saturating_add(depth);
            depth += 1;
        }
        if let Some(raw) = PARSER_RAW_TEXT_TAGS.iter().find(|t| t.eq_ignore_ascii_case(name)) {
            at = find_raw_text_end(html, at, raw);
        }
    }
    work
}

/// Elements whose start tag makes html5ever look for an open `<p>` in button scope, a walk down
/// the open-element stack; the ones pages close explicitly (`p` and `li` close themselves).
const PARSER_BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav",
    "ol", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "form",
];
/// Elements whose content the tokenizer reads as text up to the matching end tag.
const PARSER_RAW_TEXT_TAGS: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// Count the attributes of a tag whose name ends at `at`; returns the count and the index just
/// after the tag's `>` (or the end of input).
fn scan_attributes(bytes: &[u8], mut at: usize) -> (u64, usize) {
    let mut count = 0;
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        match bytes.get(at) {
            None => return (count, at),
            Some(b'>') => return (count, at + 1),
            Some(_) => {}
        }
        count += 1;
        at += 1; // an attribute name may start with `=`
        while at < bytes.len() && !matches!(bytes[at], b'=' | b'>' | b'/') && !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        if bytes.get(at) != Some(&b'=') {
            continue;
        }
        at += 1;
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                at += 1;
                at = bytes[at..].iter().position(|&b| b == quote).map_or(bytes.len(), |p| at + p + 1);
            }
            _ => {
                while at < bytes.len() && bytes[at] != b'>' && !bytes[at].is_ascii_whitespace() {
                    at += 1;
                }
            }
        }
    }
}

fn find_from(html: &str, at: usize, needle: &str) -> Option<usize> {
    html.get(at..).and_then(|rest| rest.find(needle)).map(|p| at + p)
}

/// Index just past the `</name` that ends a raw-text element starting at `at` (ASCII case-insensitive).
fn find_raw_text_end(html: &str, mut at: usize, name: &str) -> usize {
    while let Some(close) = find_from(html, at, "</") {
        let after = close + 2;
        if html.get(after..after + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return after + name.len();
        }
        at = after;
    }
    html.len()
}


#[cfg(test)]
mod tests {
    use super::parser_work;

    #[test]
    fn parser_work_is_small_for_real_pages_and_huge_for_pathological_ones() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let mut worst = 0;
        for corpus in ["readability", "seed", "wcxb"] {
            for entry in std::fs::read_dir(format!("{fixtures}/{corpus}")).unwrap().flatten() {
                if let Ok(page) = std::fs::read_to_string(entry.path().join("source.html")) {
                    worst = worst.max(parser_work(&page));
                }
            }
        }
        assert!(worst < crate::tunables::MAX_PARSER_WORK / 20, "a corpus page costs {worst}");
        let deep = "<div>".repeat(100_000);
        assert!(parser_work(&deep) > crate::tunables::MAX_PARSER_WORK);
        let attrs: String = (0..100_000).map(|i| format!(" a{i}=\"x>\"")).collect();
        assert!(parser_work(&format!("<p{attrs}>")) > crate::tunables::MAX_PARSER_WORK);
        // Raw text and comments hold no tags.
        let hidden = format!("<script>{deep}</script><!--{deep}--><textarea>{deep}</TEXTAREA>");
        assert_eq!(parser_work(&hidden), 0);
        // Closed blocks do not add depth.
        assert!(parser_work(&"<div></div>".repeat(100_000)) < 1000);
    }
}
