//! Pages decoded as a browser decodes them: byte order mark, the transport's charset (`--charset`),
//! `<meta charset>`, then, for pages that declare nothing, Firefox's detector hinted by the
//! address's top-level domain, else UTF-8. The pages in `tests/fixtures/charsets/` hold real text
//! (`build.py` there writes them; provenance in `PROVENANCE.md`): each legacy page's
//! `source.html` declares nothing and must decode to its `utf8.html` exactly.

mod common;

use std::process::{Command, Output};

use encoding_rs::{BIG5, EUC_JP, EUC_KR, Encoding, GBK, SHIFT_JIS, UTF_8, WINDOWS_1251, WINDOWS_1252};
use lucid::{Error, Transport};

fn source(folder: &str) -> Vec<u8> {
    let path = common::fixtures("charsets").join(folder).join("source.html");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn utf8_original(folder: &str) -> String {
    let path = common::fixtures("charsets").join(folder).join("utf8.html");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn at(url: &str) -> Transport<'_> {
    Transport { charset: None, url: Some(url) }
}

fn sniffed(bytes: &[u8], transport: Transport) -> &'static Encoding {
    lucid::sniff_charset(bytes, transport).unwrap().0
}

/// `page` with `<meta charset=label>` as the first thing in its head.
fn declaring(page: &[u8], label: &str) -> Vec<u8> {
    let at = page.windows(7).position(|w| w == b"<head>\n").expect("a <head>") + 7;
    [&page[..at], format!("<meta charset={label}>\n").as_bytes(), &page[at..]].concat()
}

/// A legacy page without a declaration is detected as `expected` from a generic address and from
/// one in its own country's domain, and decodes to its UTF-8 original character for character.
fn check_undeclared(folder: &str, expected: &'static Encoding, tld: &str) {
    let bytes = source(folder);
    assert!(
        !bytes.to_ascii_lowercase().windows(7).any(|w| w == b"charset") && Encoding::for_bom(&bytes).is_none(),
        "{folder}: the fixture must declare nothing"
    );
    assert!(std::str::from_utf8(&bytes).is_err(), "{folder}: the fixture is UTF-8");
    let native = format!("https://www.example.{tld}/news/1.html");
    for transport in [Transport::default(), at("https://www.example.com/"), at(&native)] {
        let found = sniffed(&bytes, transport);
        assert_eq!(found, expected, "{folder} at {:?}: detected {}", transport.url, found.name());
    }
    let text = lucid::decode_html(&bytes).unwrap();
    let original = utf8_original(folder);
    if text != original {
        let line = text.lines().zip(original.lines()).find(|(a, b)| a != b);
        panic!("{folder}: decoded text differs from utf8.html; first differing line: {line:?}");
    }
}

#[test]
fn gbk_page_without_declaration() {
    check_undeclared("gbk-zh-hans", GBK, "cn");
}

#[test]
fn big5_page_without_declaration() {
    check_undeclared("big5-zh-hant", BIG5, "tw");
}

#[test]
fn shift_jis_page_without_declaration() {
    check_undeclared("shift_jis-ja", SHIFT_JIS, "jp");
}

#[test]
fn euc_kr_page_without_declaration() {
    check_undeclared("euc-kr-ko", EUC_KR, "kr");
}

#[test]
fn windows_1251_page_without_declaration() {
    check_undeclared("windows-1251-ru", WINDOWS_1251, "ru");
}

#[test]
fn windows_1252_page_without_declaration() {
    check_undeclared("windows-1252-fr", WINDOWS_1252, "fr");
}

#[test]
fn valid_utf8_stays_utf8_whatever_the_domain() {
    let bytes = source("utf-8-zh-hans");
    let page = std::str::from_utf8(&bytes).expect("the fixture is UTF-8");
    assert!(page.contains("这位加拿大大叔在广西南宁的南湖公园拍了一期视频"));
    // GBK reads most UTF-8 Chinese without an error, so the detector must never be asked.
    for tld in ["cn", "tw", "jp", "kr", "ru", "com"] {
        let url = format!("https://www.example.{tld}/");
        assert_eq!(sniffed(&bytes, at(&url)), UTF_8, "at .{tld}");
    }
    assert_eq!(lucid::decode_html(&bytes).unwrap(), page);
}

#[test]
fn a_declared_charset_wins_over_the_detector() {
    // Each page declaring another encoding than its bytes' is read as declared (mojibake, as in
    // a browser): the detector only speaks for pages that declare nothing.
    for (folder, declared) in [
        ("gbk-zh-hans", BIG5),
        ("big5-zh-hant", GBK),
        ("shift_jis-ja", EUC_JP),
        ("euc-kr-ko", WINDOWS_1252),
        ("windows-1251-ru", WINDOWS_1252),
        ("windows-1252-fr", WINDOWS_1251),
    ] {
        let page = declaring(&source(folder), declared.name());
        assert_eq!(sniffed(&page, Transport::default()), declared, "{folder}: <meta>");
        let transport = Transport { charset: Some(declared.name()), url: None };
        assert_eq!(sniffed(&source(folder), transport), declared, "{folder}: transport");
    }
    // Including the rule for UTF-8 served as gb2312: a declared page whose bytes are UTF-8.
    let page = declaring(&source("utf-8-zh-hans"), "gb2312");
    assert_eq!(sniffed(&page, at("https://news.sina.com.cn/")), UTF_8);
}

#[test]
fn the_top_level_domain_hints_the_detector() {
    // A page with only a few non-ASCII bytes is ambiguous; the address settles it, as in Firefox.
    // The texts are the start of two fixtures' titles: a surname, a title's first word.
    for (text, encoding, tld) in [("欧阳", GBK, "cn"), ("欲張りな", SHIFT_JIS, "jp")] {
        let page = [b"<title>".as_slice(), &encoding.encode(text).0, b"</title>"].concat();
        let url = format!("https://www.example.{tld}/");
        assert_eq!(sniffed(&page, at(&url)), encoding, "{text} at .{tld}");
        assert_ne!(sniffed(&page, Transport::default()), encoding, "{text} without an address");
    }
    // It weighs even on a whole page: Big5 text is valid GBK, and from a .cn address Firefox
    // reads it as GBK. The command line passes the --url's domain on.
    let big5 = common::fixtures("charsets/big5-zh-hant/source.html");
    let sentence = "一波波接續性低溫寒流報到";
    for (url, reads) in [("https://www.example.tw/", true), ("https://www.example.cn/", false)] {
        let output = lucid(&["extract", big5.to_str().unwrap(), "--url", url, "--format", "text"]);
        assert_eq!(output.status.code(), Some(0), "{url}: {}", stderr(&output));
        assert_eq!(stdout(&output).contains(sentence), reads, "{url}: {}", stdout(&output));
    }
}

#[test]
fn the_charset_flag_wins_over_meta() {
    let gbk = declaring(&source("gbk-zh-hans"), "windows-1252");
    let sentence = "高速公路超前发展有必要，但超前太多就可能导致债务风险。";
    let without = lucid_stdin(&["extract", "--format", "text"], &gbk);
    assert_eq!(without.status.code(), Some(0), "{}", stderr(&without));
    assert!(!stdout(&without).contains(sentence), "the page's <meta> says windows-1252");
    for flag in [["--charset", "gbk"].as_slice(), &["--charset=GB2312"]] {
        let args = [["extract", "--format", "text"].as_slice(), flag].concat();
        let with = lucid_stdin(&args, &gbk);
        assert_eq!(with.status.code(), Some(0), "{flag:?}: {}", stderr(&with));
        assert!(stdout(&with).contains(sentence), "{flag:?}: {}", stdout(&with));
    }
}

#[test]
fn an_unknown_charset_flag_is_a_usage_error() {
    let page = common::fixtures("charsets/gbk-zh-hans/source.html");
    let output = lucid(&["extract", page.to_str().unwrap(), "--charset", "klingon"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(message.contains("unknown charset `klingon`") && message.contains("lucid --help"), "{message}");
    assert_eq!(lucid(&["extract", "--charset"]).status.code(), Some(2));
}

#[test]
fn a_page_in_a_retired_encoding_is_refused_by_name_and_a_mislabelled_one_reads() {
    // Written in ISO-2022-KR and saying so: no browser decodes it (a page would be one U+FFFD).
    let page = source("iso-2022-kr-ko");
    let retired = Error::RetiredEncoding { label: "iso-2022-kr".to_string() };
    assert_eq!(lucid::decode_html(&page), Err(retired.clone()));
    assert_eq!(lucid::sniff_charset(&page, Transport::default()), Err(retired));
    let output = lucid_stdin(&["extract"], &page);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("iso-2022-kr"), "{}", stderr(&output));
    // EUC-KR bytes labelled ISO-2022-KR (by the page or the server) are mislabelled: 8-bit bytes
    // cannot be in a 7-bit encoding. The label counts as no declaration and the detector reads it.
    let mislabelled = declaring(&source("euc-kr-ko"), "iso-2022-kr");
    let expected = String::from_utf8(declaring(utf8_original("euc-kr-ko").as_bytes(), "iso-2022-kr")).unwrap();
    assert_eq!(lucid::decode_html(&mislabelled).unwrap(), expected);
    let transport = Transport { charset: Some("csISO2022KR"), url: None };
    assert_eq!(lucid::decode(&source("euc-kr-ko"), transport).unwrap(), utf8_original("euc-kr-ko"));
    let output = lucid_stdin(&["extract", "--charset", "hz-gb-2312", "--format", "text"], &source("euc-kr-ko"));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("개인 맞춤형 헬스케어 시스템은"), "{}", stdout(&output));
}

fn lucid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lucid")).args(args).output().expect("run lucid")
}

fn lucid_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lucid"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run lucid");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
