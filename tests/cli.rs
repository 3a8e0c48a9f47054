//! The `lucid` binary end to end: exit codes, output formats, decoding of legacy charsets.

mod common;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use common::{SEED, fixtures as fixture};

/// A GB18030-encoded page (declares `gb2312`).
const GB_PAGE: &str = "netease/money163-2015-1";

fn lucid(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lucid"))
        .args(args)
        .output()
        .expect("run lucid")
}

fn lucid_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lucid"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run lucid");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// A file in the system's temporary folder, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("lucid-cli-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn expected_title(page: &str) -> String {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(fixture(page).join("expected.json")).unwrap())
            .unwrap();
    json["title"].as_str().unwrap().to_string()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn article_json(output: &Output) -> serde_json::Value {
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(output));
    serde_json::from_str(&stdout(output)).expect("stdout is JSON")
}

#[test]
fn seed_page_prints_its_article_as_json() {
    let source = fixture(SEED).join("source.html");
    let json = article_json(&lucid(&["extract", source.to_str().unwrap()]));
    assert_eq!(json["title"], expected_title(SEED));
    assert!(json["textContent"].as_str().unwrap().contains("苹果"));
}

#[test]
fn standard_input_reads_the_same_page() {
    let bytes = std::fs::read(fixture(SEED).join("source.html")).unwrap();
    let from_file = lucid(&[
        "extract",
        fixture(SEED).join("source.html").to_str().unwrap(),
    ]);
    assert_eq!(
        lucid_stdin(&["extract", "-"], &bytes).stdout,
        from_file.stdout
    );
    assert_eq!(lucid_stdin(&["extract"], &bytes).stdout, from_file.stdout);
}

#[test]
fn gb18030_page_is_decoded() {
    let source = fixture(GB_PAGE).join("source.html");
    let output = lucid(&["extract", source.to_str().unwrap()]);
    let json = article_json(&output);
    assert!(
        json["textContent"]
            .as_str()
            .unwrap()
            .contains("地方政府对于拥抱互联网+的热情")
    );
    assert_eq!(json["title"], expected_title(GB_PAGE));
    assert!(
        !stdout(&output).contains('\u{FFFD}'),
        "replacement characters in the output"
    );
}

#[test]
fn text_and_html_formats() {
    let source = fixture(SEED).join("source.html");
    let json = article_json(&lucid(&["extract", source.to_str().unwrap()]));
    let title = json["title"].as_str().unwrap();
    let text = lucid(&["extract", source.to_str().unwrap(), "--format", "text"]);
    assert_eq!(text.status.code(), Some(0), "stderr: {}", stderr(&text));
    assert!(stdout(&text).starts_with(&format!("{title}\n\n")));

    let html = lucid(&["extract", "--format=html", source.to_str().unwrap()]);
    assert_eq!(html.status.code(), Some(0), "stderr: {}", stderr(&html));
    let page = stdout(&html);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<meta charset=\"utf-8\">"));
    assert!(page.contains("Content-Security-Policy"));
    assert!(page.contains(&format!("<title>{title}</title>")));
    assert!(!page.to_ascii_lowercase().contains("<script"));
}

#[test]
fn markdown_format_has_front_matter_and_the_text() {
    let source = fixture(SEED).join("source.html");
    let json = article_json(&lucid(&["extract", source.to_str().unwrap()]));
    let output = Command::new(env!("CARGO_BIN_EXE_lucid"))
        .args([
            "extract",
            source.to_str().unwrap(),
            "--format",
            "markdown",
            "--url",
            "https://www.163.com/a.html",
        ])
        .env("SOURCE_DATE_EPOCH", "1722298907")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let markdown = stdout(&output);
    assert!(markdown.starts_with("---\ntitle: "), "{markdown}");
    assert!(
        markdown.contains("source: \"https://www.163.com/a.html\"\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("saved: \"2024-07-30T00:21:47Z\"\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains(&format!("# {}\n", json["title"].as_str().unwrap())),
        "{markdown}"
    );
    assert!(markdown.contains("7月30日消息"), "{markdown}");
    assert!(
        markdown.ends_with("\n") && !markdown.ends_with("\n\n"),
        "one final newline"
    );
}

#[test]
fn url_option_is_checked() {
    let source = fixture(SEED).join("source.html");
    let output = lucid(&["extract", source.to_str().unwrap(), "--url", "not a url"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("lucid: "));
}

#[test]
fn page_without_article_prints_null_and_exits_1() {
    let page = TempFile::new(
        "login.html",
        b"<!doctype html><html><head><title>Sign in</title></head><body><form>\
          <input name=user><button>Sign in</button></form></body></html>",
    );
    let output = lucid(&["extract", page.path()]);
    assert_eq!(output.status.code(), Some(1), "stdout: {}", stdout(&output));
    assert_eq!(stdout(&output), "null\n");
    let message = stderr(&output);
    assert!(
        message.starts_with("lucid: ") && message.trim().lines().count() == 1,
        "{message}"
    );
}

#[test]
fn unreadable_input_exits_2_with_a_message() {
    let empty = TempFile::new("empty.html", b"");
    let blank = TempFile::new("blank.html", b"  \n\t\n");
    let binary = TempFile::new("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    let missing = std::env::temp_dir().join("lucid-cli-no-such-file.html");
    for (path, says) in [
        (empty.path(), "empty"),
        (blank.path(), "empty"),
        (binary.path(), "binary"),
        (missing.to_str().unwrap(), "cannot read"),
    ] {
        let output = lucid(&["extract", path]);
        assert_eq!(output.status.code(), Some(2), "{path}");
        assert!(output.stdout.is_empty(), "{path}");
        let message = stderr(&output);
        assert!(
            message.starts_with("lucid: ") && message.contains(says),
            "{path}: {message}"
        );
    }
    let output = lucid_stdin(&["extract"], b"");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["extract", "--bogus"][..],
        &["extract", "a.html", "b.html"],
        &["extract", "--format", "pdf", "a.html"],
        &["extract", "--url"],
        &["frobnicate"],
        &[],
        &["eval"],
        &["eval", "--worst", "many", "tests/fixtures"],
    ] {
        let output = lucid(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).starts_with("lucid: "),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn help_and_version() {
    let help = lucid(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("lucid extract [FILE|-]"));
    assert!(stdout(&help).contains("lucid eval DIR..."));
    let version = lucid(&["--version"]);
    assert_eq!(
        stdout(&version),
        format!("lucid {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn eval_scores_a_corpus_in_json() {
    let output = lucid(&[
        "eval",
        fixture("seed").to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let corpus = &json["corpora"][0];
    assert_eq!(corpus["name"], "seed");
    assert_eq!(corpus["summary"]["pages"], 1);
    assert_eq!(corpus["pages"][0]["id"], "netease-apple-tpu");
    let f1 = corpus["pages"][0]["f1"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&f1));
}

#[test]
fn eval_reads_a_folder_of_corpora() {
    // Two one-page corpora under one folder, like tests/fixtures holding readability/, netease/...
    let root = std::env::temp_dir().join(format!("lucid-cli-corpora-{}", std::process::id()));
    for corpus in ["first", "second"] {
        let page = root.join(corpus).join("netease-apple-tpu");
        std::fs::create_dir_all(&page).unwrap();
        for file in ["source.html", "expected.json"] {
            std::fs::copy(fixture(SEED).join(file), page.join(file)).unwrap();
        }
    }
    let output = lucid(&["eval", root.to_str().unwrap()]);
    let listed = lucid(&["eval", root.to_str().unwrap(), "--worst", "0"]);
    std::fs::remove_dir_all(&root).unwrap();
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        4,
        "a page line and a summary line per corpus:\n{text}"
    );
    assert!(
        lines[0].contains("netease-apple-tpu") && lines[0].contains("F1 "),
        "{text}"
    );
    assert!(lines[1].starts_with("first: pages 1  mean F1 "), "{text}");
    assert!(lines[3].starts_with("second: pages 1  mean F1 "), "{text}");
    assert_eq!(
        stdout(&listed).lines().count(),
        2,
        "--worst 0 lists no pages"
    );
}
