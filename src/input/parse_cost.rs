//! What parsing a page would cost, estimated before parsing it: html5ever spends time growing with
//! the square of some shapes of markup (tags with thousands of attributes, blocks nested
//! thousands deep), which no real page has and a hostile one can.

use crate::dom;
use crate::tunables::OPTIONAL_END_TAGS;

/// How much quadratic work html5ever would do parsing `html`, estimated by a single pass over
/// the source: html5ever checks
/// each attribute against the tag's earlier ones (a tag with `a` attributes costs `a²/2`), and
/// each block start tag scans the stack of open elements for a `<p>` to close (it costs the
/// current block depth). A real page stays under a million; 100 000 attributes or 100 000 nested
/// `<div>`s cost billions (minutes of parsing). Compared with [`crate::tunables::MAX_PARSER_WORK`]
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
        let is_block = deepens_nesting(name);
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

/// Block elements whose start tag makes html5ever look for an open `<p>` in button scope (a walk
/// down the open-element stack). Not those whose end tag pages leave out (`p`, list items, table
/// parts: counting them would let an ordinary list deepen without end) or that have none (`hr`,
/// `col`).
fn deepens_nesting(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    dom::is_block(&lower) && !OPTIONAL_END_TAGS.contains(&lower.as_str()) && !matches!(lower.as_str(), "hr" | "col")
}
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
    use crate::tunables::MAX_PARSER_WORK;

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
        assert!(worst < MAX_PARSER_WORK / 20, "a corpus page costs {worst}");
        let deep = "<div>".repeat(100_000);
        assert!(parser_work(&deep) > MAX_PARSER_WORK);
        let attrs: String = (0..100_000).map(|i| format!(" a{i}=\"x>\"")).collect();
        assert!(parser_work(&format!("<p{attrs}>")) > MAX_PARSER_WORK);
        // Raw text and comments hold no tags.
        let hidden = format!("<script>{deep}</script><!--{deep}--><textarea>{deep}</TEXTAREA>");
        assert_eq!(parser_work(&hidden), 0);
        // Closed blocks do not add depth.
        assert!(parser_work(&"<div></div>".repeat(100_000)) < 1000);
    }
}
