//! Bytes to text, as a browser decodes a page: byte order mark, then the transport's charset
//! (HTTP `Content-Type`), then a prescan for `<meta charset>`; where nothing is declared, Firefox's
//! own detector (`chardetng`, hinted by the address's top-level domain), else UTF-8. Follows the
//! HTML standard's "determining the character encoding" loosely; labels resolve with
//! `encoding_rs` (the WHATWG Encoding standard, so `gb2312` and `gbk` both mean GBK, whose
//! decoder reads GB18030 too).

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

use crate::error::Error;
use crate::tunables::MIN_UTF8_CHARS_PER_MALFORMED;
use crate::urls;

/// The standard prescans this many bytes for a `<meta>` declaration.
const PRESCAN_BYTES: usize = 1024;
/// When the first [`PRESCAN_BYTES`] declare nothing and the bytes are not UTF-8, a browser's
/// parser still honours a `<meta charset>` met later in `<head>` (the standard's "change the
/// encoding" step, which re-reads the page). We emulate that by prescanning this much more.
const LATE_META_BYTES: usize = 64 * 1024;

/// What is known about a page's bytes besides the bytes: what the transport said and where they
/// came from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Transport<'a> {
    /// The `charset` parameter of the HTTP `Content-Type` the page was served with. It wins over
    /// the page's own `<meta>`; an unknown label is ignored, as browsers ignore it. Default: none.
    pub charset: Option<&'a str>,
    /// The page's address. Only its top-level domain is read, as the detector's hint for bytes
    /// that declare nothing (`.jp` expects Shift_JIS, `.ru` windows-1251, `.tw` Big5).
    /// Default: none, which the detector reads as a generic domain (`.com`).
    pub url: Option<&'a str>,
}

/// Decode a page's bytes as a browser would with no HTTP charset and no address. See [`decode`].
pub fn decode_html(bytes: &[u8]) -> Result<String, Error> {
    decode(bytes, Transport::default())
}

/// Decode a page's bytes with the transport's charset `label` and no address. See [`decode`].
pub fn decode_with_label(bytes: &[u8], label: Option<&str>) -> Result<String, Error> {
    decode(bytes, Transport { charset: label, url: None })
}

/// Decode a page's bytes in the encoding [`sniff_charset`] finds. Bytes that do not decode become
/// U+FFFD.
///
/// Errors: [`Error::Empty`] when nothing but white space remains, [`Error::Binary`] when the bytes
/// look like binary data (a UTF-16 page needs its byte order mark to be read),
/// [`Error::RetiredEncoding`] for a page really written in an encoding browsers no longer read.
pub fn decode(bytes: &[u8], transport: Transport) -> Result<String, Error> {
    let (encoding, bom_len) = sniff_charset(bytes, transport)?;
    let text = encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    Ok(text.into_owned())
}

/// The encoding [`decode`] reads `bytes` in, and the length of the byte order mark to skip. Apart
/// so that a caller holding a decoder of its own (a browser's `TextDecoder`) can decode by the
/// same rules without the core's decoders. Never [`REPLACEMENT`]: see [`Error::RetiredEncoding`].
///
/// In order: a byte order mark; the transport's charset; the page's `<meta>`; where neither
/// declares a usable encoding, the bytes themselves ([`undeclared`]).
pub fn sniff_charset(bytes: &[u8], transport: Transport) -> Result<(&'static Encoding, usize), Error> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok((encoding, bom_len));
    }
    if looks_binary(bytes) {
        return Err(Error::Binary);
    }
    let from_transport = transport
        .charset
        .and_then(|label| Some((charset_for_label(label)?, label.trim().to_ascii_lowercase())));
    // A declaration of the "replacement" encoding (iso-2022-kr, iso-2022-cn, hz-gb-2312: retired
    // because their escape sequences can hide markup) would make a browser show one U+FFFD for
    // the whole page. Lucid counts it as no declaration, so that a mislabelled page still reads;
    // a page that really is in such an encoding is refused with its name instead of shown empty.
    let mut retired = None;
    let mut usable = |declared: Option<(&'static Encoding, String)>| match declared {
        Some((encoding, label)) if encoding == REPLACEMENT => {
            retired.get_or_insert(label);
            None
        }
        declared => declared.map(|(encoding, _)| encoding),
    };
    let declared = usable(from_transport).or_else(|| usable(prescan(bytes)));
    let Some(encoding) = declared else {
        if let Some(label) = retired.filter(|_| in_retired_encoding(bytes)) {
            return Err(Error::RetiredEncoding { label });
        }
        let tld = transport.url.and_then(urls::top_level_domain);
        return Ok((undeclared(bytes, tld.as_deref()), 0));
    };
    // Deviation from browsers: a page that declares a legacy charset but is really UTF-8 (seen
    // on 163.com: `gb2312` over UTF-8 bytes) is read as UTF-8. Checking only for replacement
    // characters is not enough: GBK decodes most UTF-8 Chinese without an error, as mojibake.
    // Legacy text that happens to be valid UTF-8 beyond ASCII does not occur in practice (every
    // lead byte would need exactly the right continuation bytes), so we lose nothing.
    let really_utf8 = encoding != UTF_8 && std::str::from_utf8(bytes).is_ok_and(|text| !text.is_ascii());
    Ok((if really_utf8 { UTF_8 } else { encoding }, 0))
}

/// The encoding a charset label names in the Encoding Standard (case and surrounding white space
/// aside), or `None` for a label it does not know.
pub fn charset_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// The encoding of bytes that declare none: UTF-8 when they are UTF-8, valid or nearly so, else
/// what the detector guesses.
fn undeclared(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    if nearly_utf8(bytes) { UTF_8 } else { detect(bytes, tld) }
}

/// Valid UTF-8, or UTF-8 with a few malformed sequences among many well-formed non-ASCII
/// characters (see [`MIN_UTF8_CHARS_PER_MALFORMED`]).
fn nearly_utf8(bytes: &[u8]) -> bool {
    if std::str::from_utf8(bytes).is_ok() {
        return true;
    }
    let (mut chars, mut malformed) = (0, 0);
    for chunk in bytes.utf8_chunks() {
        chars += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        malformed += usize::from(!chunk.invalid().is_empty());
    }
    chars >= malformed * MIN_UTF8_CHARS_PER_MALFORMED
}

/// Firefox's detector for unlabelled pages, as Firefox runs it on a file: fed the whole page, with
/// ISO-2022-JP ruled out (browsers never guess it: it can hide markup) and UTF-8 too (already
/// ruled out by [`undeclared`]). The stream is not marked as ended, so a page saved cut short in
/// the middle of a character does not rule out its own encoding.
#[cfg(not(target_arch = "wasm32"))]
fn detect(bytes: &[u8], tld: Option<&str>) -> &'static Encoding {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, false);
    detector.guess(tld.map(str::as_bytes), Utf8Detection::Deny)
}

/// In WebAssembly there is no detector (it would add about 150 KB gzipped to the module): there the
/// extension reads a page the browser has already decoded, with the browser's own detector, and
/// the www demo's dropped files go to `TextDecoder`, so undeclared bytes read as UTF-8, as the
/// command line read them before it had the detector.
#[cfg(target_arch = "wasm32")]
fn detect(_bytes: &[u8], _tld: Option<&str>) -> &'static Encoding {
    UTF_8
}

/// True when `bytes` could really be in one of the encodings the Encoding Standard retires: they
/// are 7-bit, as those encodings are, and hold their shift sequences (ISO-2022's `ESC $`, HZ's
/// `~{`). Bytes that are not are mislabelled, and read as if undeclared.
fn in_retired_encoding(bytes: &[u8]) -> bool {
    bytes.is_ascii() && (find(bytes, b"\x1b$").is_some() || find(bytes, b"~{").is_some())
}

/// True when the first bytes hold a NUL or are mostly control characters, as images, archives and
/// executables do. Text pages never contain NUL; browsers sniff the same way. ESC, SO and SI are
/// text: ISO-2022 encodings shift with them (nearly a fifth of a Korean page in ISO-2022-KR),
/// and such a page deserves to be told its encoding, not that it is binary.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x0e | 0x0f | 0x1b))
        .count();
    control * 10 > head.len()
}

/// The encoding a page declares in a `<meta>` near its start, if any, and the label it is declared
/// with.
fn prescan(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
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
fn prescan_window(bytes: &[u8]) -> Option<(&'static Encoding, String)> {
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
fn meta_encoding(bytes: &[u8], pos: &mut usize) -> Option<(&'static Encoding, String)> {
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
    let label = trim_space(&label);
    let encoding = Encoding::for_label(label)?;
    // A page cannot declare UTF-16 in ASCII-compatible bytes: the standard reads it as UTF-8.
    let encoding = match encoding {
        e if e == UTF_16BE || e == UTF_16LE => UTF_8,
        e if e == X_USER_DEFINED => WINDOWS_1252,
        e => e,
    };
    Some((encoding, String::from_utf8_lossy(label).into_owned()))
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
    fn utf8_with_a_stray_byte_stays_utf8() {
        let mut bytes = "<p>交通运输部6月30日发布的《2014年全国收费公路统计公报》显示".as_bytes().to_vec();
        bytes.push(0xE9);
        bytes.extend_from_slice("，去年全国收费公路亏损1571亿元。</p>".as_bytes());
        let text = decode_html(&bytes).unwrap();
        assert!(text.contains("统计公报》显示\u{FFFD}，去年"), "{text}");
        // Cut short in the middle of its last character.
        let text = decode_html(&bytes[..bytes.len() - 6]).unwrap();
        assert!(text.starts_with("<p>交通运输部") && text.ends_with('\u{FFFD}'), "{text}");
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        // One Latin-1 byte in English: windows-1252, not a replacement character.
        assert_eq!(decode_html(b"<p>Un caf\xe9 au lait</p>").unwrap(), "<p>Un café au lait</p>");
        let body = "收费公路亏损扩大的直接原因是还本付息支出高速增长。通行费收入增速慢于高速公路里程。";
        let text = decode_html(&page("", body)).unwrap();
        assert!(text.contains(body), "{text}");
        // A legacy page cut short in the middle of a character keeps its encoding.
        let bytes = page("", body);
        let cut = bytes.len() - "</p></body></html>".len() - 1;
        assert_eq!(sniff_charset(&bytes[..cut], Transport::default()).unwrap().0, encoding_rs::GBK);
    }

    #[test]
    fn retired_encodings_are_refused_only_for_pages_written_in_them() {
        // ISO-2022-KR (RFC 1557): a header escape, then Hangul between SO and SI.
        let iso_2022_kr = b"\x1b$)C<html><head><meta charset=iso-2022-kr></head><body><p>\x0e\x30\x21\x0f</p>";
        assert_eq!(
            decode_html(iso_2022_kr),
            Err(Error::RetiredEncoding { label: "iso-2022-kr".to_string() })
        );
        let hz = b"<p>~{<:Ky2;G@~}</p>";
        assert_eq!(
            decode_with_label(hz, Some(" HZ-GB-2312 ")),
            Err(Error::RetiredEncoding { label: "hz-gb-2312".to_string() })
        );
        assert!(Error::RetiredEncoding { label: "hz-gb-2312".into() }.to_string().contains("hz-gb-2312"));
        // Mislabelled: 8-bit bytes cannot be in a 7-bit encoding; they read as undeclared.
        let body = "收费公路亏损扩大的直接原因是还本付息支出高速增长。通行费收入增速慢于高速公路里程。";
        for head in ["<meta charset=iso-2022-kr>", "<meta charset=replacement>", "<meta charset=iso-2022-cn>"] {
            let text = decode_html(&page(head, body)).unwrap();
            assert!(text.contains(body), "{head}: {text}");
        }
        let utf8 = "<meta charset=iso-2022-kr><p>연구 자료</p>".as_bytes();
        assert_eq!(decode_html(utf8).unwrap(), "<meta charset=iso-2022-kr><p>연구 자료</p>");
        // ASCII without shift sequences loses nothing either way.
        assert_eq!(decode_html(b"<meta charset=hz-gb-2312><p>plain</p>").unwrap(), "<meta charset=hz-gb-2312><p>plain</p>");
        // A retired transport label gives way to the page's own declaration.
        let text = decode(&page("<meta charset=gbk>", "网易"), Transport { charset: Some("iso-2022-kr"), url: None }).unwrap();
        assert!(text.contains("网易"), "{text}");
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
        // The standard needs the pragma; without it the page declares nothing.
        let bytes = page("<meta content=\"text/html; charset=koi8-r\">", "收费公路亏损扩大的直接原因是还本付息支出高速增长。");
        assert_ne!(sniff_charset(&bytes, Transport::default()).unwrap().0, encoding_rs::KOI8_R);
        let bytes = page("<meta http-equiv=content-type content=\"text/html; charset=koi8-r\">", "收费公路");
        assert_eq!(sniff_charset(&bytes, Transport::default()).unwrap().0, encoding_rs::KOI8_R);
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
