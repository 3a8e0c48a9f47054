//! Bytes to text, as a browser decodes a page: byte order mark, then the transport's charset
//! (HTTP `Content-Type`), then a prescan for `<meta charset>`, else UTF-8. Follows the HTML
//! standard's "determining the character encoding" loosely; labels resolve with `encoding_rs`
//! (the WHATWG Encoding standard, so `gb2312` and `gbk` both mean GBK, whose decoder reads
//! GB18030 too).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::error::Error;

/// The standard prescans this many bytes for a `<meta>` declaration.
const PRESCAN_BYTES: usize = 1024;
/// When the first [`PRESCAN_BYTES`] declare nothing and the bytes are not UTF-8, a browser's
/// parser still honours a `<meta charset>` met later in `<head>` (the standard's "change the
/// encoding" step, which re-reads the page). We emulate that by prescanning this much more.
const LATE_META_BYTES: usize = 64 * 1024;

/// Decode a page's bytes as a browser would with no HTTP charset. See [`decode_with_label`].
pub fn decode_html(bytes: &[u8]) -> Result<String, Error> {
    decode_with_label(bytes, None)
}

/// Decode a page's bytes. `label` is the charset the transport gave (an HTTP `Content-Type`
/// `charset=` value), which wins over the page's own `<meta>`; an unknown label is ignored.
/// A byte order mark wins over both. Bytes that do not decode become U+FFFD.
///
/// Errors: [`Error::Empty`] when nothing but white space remains, [`Error::Binary`] when the bytes
/// look like binary data (a UTF-16 page needs its byte order mark to be read).
pub fn decode_with_label(bytes: &[u8], label: Option<&str>) -> Result<String, Error> {
    let (encoding, bom_len) = sniff_charset(bytes, label)?;
    let text = encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text.into_owned())
}

/// The encoding [`decode_with_label`] reads `bytes` in, and the length of the byte order mark to
/// skip. Apart so that a caller holding a decoder of its own (a browser's `TextDecoder`) can
/// decode by the same rules without the core's decoders.
pub fn sniff_charset(bytes: &[u8], label: Option<&str>) -> Result<(&'static Encoding, usize), Error> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok((encoding, bom_len));
    }
    if looks_binary(bytes) {
        return Err(Error::Binary);
    }
    let declared = label.and_then(|l| Encoding::for_label(l.trim().as_bytes())).or_else(|| prescan(bytes));
    let encoding = declared.unwrap_or(UTF_8);
    // Deviation from browsers: a page that declares a legacy charset but is really UTF-8 (seen
    // on 163.com: `gb2312` over UTF-8 bytes) is read as UTF-8. Checking only for replacement
    // characters is not enough: GBK decodes most UTF-8 Chinese without an error, as mojibake.
    // Legacy text that happens to be valid UTF-8 beyond ASCII does not occur in practice (every
    // lead byte would need exactly the right continuation bytes), so we lose nothing.
    let really_utf8 = encoding != UTF_8 && std::str::from_utf8(bytes).is_ok_and(|text| !text.is_ascii());
    Ok((if really_utf8 { UTF_8 } else { encoding }, 0))
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

/// The encoding a page declares in a `<meta>` near its start, if any.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    prescan_window(head).or_else(|| {
        let longer = &bytes[..bytes.len().min(LATE_META_BYTES)];
        (longer.len() > head.len() && std::str::from_utf8(bytes).is_err())
            .then(|| prescan_window(longer))
            .flatten()
    })
}

/// The standard's prescan over `bytes`: skip comments and other markup, read each `<meta>`'s
/// attributes (quoted or not, case-insensitive) and take the first declaration that names a
/// known encoding.
fn prescan_window(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while pos < bytes.len() {
        let rest = &bytes[pos..];
        if rest.starts_with(b"<!--") {
            pos += find(&rest[2..], b"-->").map_or(rest.len(), |end| end + 5);
        } else if starts_with_ignore_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            pos += 5;
            if let Some(encoding) = meta_encoding(bytes, &mut pos) {
                return Some(encoding);
            }
        } else if rest.len() > 2
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic() || (rest[1] == b'/' && rest[2].is_ascii_alphabetic()))
        {
            // Any other tag: skip its name, then its attributes, so that a `>` or `<meta` inside
            // a quoted attribute value is not mistaken for markup.
            pos += 2;
            while pos < bytes.len() && !is_space(bytes[pos]) && bytes[pos] != b'>' {
                pos += 1;
            }
            while attribute(bytes, &mut pos).is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            pos += find(rest, b">").map_or(rest.len(), |end| end + 1);
        } else {
            pos += 1;
        }
    }
    None
}

/// Read one `<meta>`'s attributes from `pos` and resolve what it declares, as the standard's
/// prescan does: `charset` directly, or `content` when `http-equiv="content-type"`.
fn meta_encoding(bytes: &[u8], pos: &mut usize) -> Option<&'static Encoding> {
    let mut charset = None;
    let mut content_charset = None;
    let mut pragma = false;
    while let Some((name, value)) = attribute(bytes, pos) {
        match name.as_str() {
            "http-equiv" => pragma |= value.eq_ignore_ascii_case(b"content-type"),
            "charset" if charset.is_none() => charset = Some(value),
            "content" if content_charset.is_none() => content_charset = charset_in_content(&value),
            _ => {}
        }
    }
    let label = charset.or(if pragma { content_charset } else { None })?;
    let encoding = Encoding::for_label(trim_space(&label))?;
    // A page cannot declare UTF-16 in ASCII-compatible bytes: the standard reads it as UTF-8.
    Some(match encoding {
        e if e == UTF_16BE || e == UTF_16LE => UTF_8,
        e if e == X_USER_DEFINED => WINDOWS_1252,
        e => e,
    })
}

/// The standard's "get an attribute": from `pos`, the next attribute's lower-cased name and its
/// raw value, or `None` at the end of the tag (leaving `pos` after the `>`).
fn attribute(bytes: &[u8], pos: &mut usize) -> Option<(String, Vec<u8>)> {
    while *pos < bytes.len() && (is_space(bytes[*pos]) || bytes[*pos] == b'/') {
        *pos += 1;
    }
    if *pos >= bytes.len() || bytes[*pos] == b'>' {
        *pos += 1;
        return None;
    }
    let mut name = String::new();
    while *pos < bytes.len() {
        let b = bytes[*pos];
        if (b == b'=' && !name.is_empty()) || is_space(b) || b == b'/' || b == b'>' {
            break;
        }
        name.push(b.to_ascii_lowercase() as char);
        *pos += 1;
    }
    skip_space(bytes, pos);
    if bytes.get(*pos) != Some(&b'=') {
        return Some((name, Vec::new()));
    }
    *pos += 1;
    skip_space(bytes, pos);
    let mut value = Vec::new();
    match bytes.get(*pos) {
        Some(&quote @ (b'"' | b'\'')) => {
            *pos += 1;
            while *pos < bytes.len() && bytes[*pos] != quote {
                value.push(bytes[*pos].to_ascii_lowercase());
                *pos += 1;
            }
            *pos += 1;
        }
        _ => {
            while *pos < bytes.len() && !is_space(bytes[*pos]) && bytes[*pos] != b'>' {
                value.push(bytes[*pos].to_ascii_lowercase());
                *pos += 1;
            }
        }
    }
    Some((name, value))
}

/// The standard's "extract a character encoding from a meta element": the value after
/// `charset=` in a `content` attribute such as `text/html; charset="gb2312"`.
fn charset_in_content(content: &[u8]) -> Option<Vec<u8>> {
    let mut from = 0;
    loop {
        let at = from + find(&content[from..], b"charset")?;
        let mut pos = at + "charset".len();
        skip_space(content, &mut pos);
        if content.get(pos) != Some(&b'=') {
            from = pos;
            continue;
        }
        pos += 1;
        skip_space(content, &mut pos);
        return match content.get(pos) {
            Some(&quote @ (b'"' | b'\'')) => {
                let rest = &content[pos + 1..];
                rest.iter()
                    .position(|&b| b == quote)
                    .map(|end| rest[..end].to_vec())
            }
            Some(_) => {
                let rest = &content[pos..];
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                Some(rest[..end].to_vec())
            }
            None => None,
        };
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0c | b'\r' | b' ')
}

fn skip_space(bytes: &[u8], pos: &mut usize) {
    while *pos < bytes.len() && is_space(bytes[*pos]) {
        *pos += 1;
    }
}

fn trim_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !is_space(b))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| !is_space(b))
        .map_or(start, |e| e + 1);
    &bytes[start..end]
}

fn starts_with_ignore_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(text: &str) -> Vec<u8> {
        encoding_rs::GBK.encode(text).0.into_owned()
    }

    fn page(head: &str, body: &str) -> Vec<u8> {
        let mut bytes = format!("<!doctype html><html><head>{head}</head><body><p>").into_bytes();
        bytes.extend(gbk(body));
        bytes.extend_from_slice(b"</p></body></html>");
        bytes
    }

    #[test]
    fn utf8_without_declaration() {
        assert_eq!(
            decode_html("<p>苹果 café</p>".as_bytes()).unwrap(),
            "<p>苹果 café</p>"
        );
    }

    #[test]
    fn invalid_utf8_without_declaration_is_replaced() {
        assert_eq!(decode_html(b"<p>a\xffb</p>").unwrap(), "<p>a\u{FFFD}b</p>");
    }

    #[test]
    fn boms_win_over_meta() {
        let mut utf8 = vec![0xEF, 0xBB, 0xBF];
        utf8.extend_from_slice("<meta charset=gbk><p>苹果".as_bytes());
        assert_eq!(decode_html(&utf8).unwrap(), "<meta charset=gbk><p>苹果");
        let text = "<p>苹果</p>";
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_html(&le).unwrap(), text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode_html(&be).unwrap(), text);
    }

    #[test]
    fn meta_charset_in_every_spelling() {
        for head in [
            "<meta charset=gb2312>",
            "<meta charset=\"GBK\">",
            "<META CHARSET='gb18030'/>",
            "<meta name=x charset = gbk >",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
            "<meta content='text/html;charset=\"gbk\"' http-equiv='content-type'>",
            "<meta http-equiv=content-type content=text/html;charset=gb2312>",
        ] {
            let text = decode_html(&page(head, "网易科技")).unwrap();
            assert!(text.contains("网易科技"), "{head}: {text}");
        }
    }

    #[test]
    fn content_without_http_equiv_is_ignored() {
        // The standard needs the pragma; without it the page falls back to UTF-8.
        let text = decode_html(&page("<meta content=\"text/html; charset=gbk\">", "网易")).unwrap();
        assert!(!text.contains("网易"));
    }

    #[test]
    fn prescan_skips_comments_and_quoted_markup() {
        let text = decode_html(&page(
            "<!-- <meta charset=utf-8> --><meta charset=gbk>",
            "网易",
        ))
        .unwrap();
        assert!(text.contains("网易"));
        let text = decode_html(&page(
            "<div title='<meta charset=utf-8>'><meta charset=gbk>",
            "网易",
        ))
        .unwrap();
        assert!(text.contains("网易"));
    }

    #[test]
    fn unknown_label_falls_back_to_utf8() {
        assert_eq!(
            decode_html(b"<meta charset=klingon><p>x").unwrap(),
            "<meta charset=klingon><p>x"
        );
    }

    #[test]
    fn declared_utf16_means_utf8() {
        let bytes = "<meta charset=utf-16><p>苹果".as_bytes();
        assert_eq!(decode_html(bytes).unwrap(), "<meta charset=utf-16><p>苹果");
    }

    #[test]
    fn late_meta_is_honoured_for_legacy_bytes() {
        let padding = format!("<script>{}</script>", "x".repeat(2000));
        let text = decode_html(&page(&format!("{padding}<meta charset=gbk>"), "网易")).unwrap();
        assert!(text.contains("网易"));
    }

    #[test]
    fn misdeclared_utf8_page_reads_as_utf8() {
        let bytes = "<meta charset=gb2312><p>八部委如何玩转互联网+</p>".as_bytes();
        assert!(
            decode_html(bytes)
                .unwrap()
                .contains("八部委如何玩转互联网+")
        );
    }

    #[test]
    fn transport_label_wins_over_meta() {
        let bytes = page("<meta charset=utf-8>", "网易");
        assert!(
            decode_with_label(&bytes, Some("gbk"))
                .unwrap()
                .contains("网易")
        );
        assert!(
            decode_with_label(&bytes, Some("nonsense"))
                .unwrap()
                .contains('\u{FFFD}')
        );
    }

    #[test]
    fn empty_and_binary_input() {
        assert_eq!(decode_html(b""), Err(Error::Empty));
        assert_eq!(decode_html(b" \n\t "), Err(Error::Empty));
        assert_eq!(decode_html(&[0xEF, 0xBB, 0xBF]), Err(Error::Empty));
        assert_eq!(
            decode_html(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(Error::Binary)
        );
    }

    #[test]
    fn truncated_declarations_do_not_panic() {
        for bytes in [
            &b"<meta"[..],
            b"<meta ",
            b"<meta charset",
            b"<meta charset=",
            b"<meta charset='gbk",
            b"<meta http-equiv=content-type content='charset=",
            b"<!--",
            b"<a",
            b"</",
            b"<!x",
        ] {
            let _ = decode_html(bytes);
        }
    }

    #[test]
    fn every_netease_fixture_decodes_to_its_title() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/netease");
        let mut checked = 0;
        for entry in std::fs::read_dir(root).unwrap() {
            let dir = entry.unwrap().path();
            let expected: serde_json::Value =
                serde_json::from_slice(&std::fs::read(dir.join("expected.json")).unwrap()).unwrap();
            let title = expected["title"].as_str().unwrap();
            let text = decode_html(&std::fs::read(dir.join("source.html")).unwrap()).unwrap();
            assert!(
                text.contains(title),
                "{}: title {title:?} not in decoded text",
                dir.display()
            );
            assert!(
                !text.contains('\u{FFFD}'),
                "{}: replacement characters",
                dir.display()
            );
            checked += 1;
        }
        assert_eq!(checked, 75);
    }
}
