//! What the integration tests share: where the fixtures are, the addresses their pages are read
//! at, and one way to load a fixture page (decoded as its server would have declared it).

// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Mozilla Readability's test pages are read at its suite's base URL (see PROVENANCE.md).
pub const READABILITY_URL: &str = lucid::eval::READABILITY_TEST_URL;
/// The owner's sample page, and its address.
pub const SEED: &str = "seed/netease-apple-tpu";
pub const SEED_URL: &str = "https://www.163.com/dy/article/J8F2KQ7R00097U7R.html";

/// `tests/fixtures`, or a path below it.
pub fn fixtures(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(relative)
}

/// The page folders of a corpus, in name order.
pub fn pages(corpus: &str) -> Vec<PathBuf> {
    let dir = fixtures(corpus);
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    assert!(!pages.is_empty(), "no pages in {}", dir.display());
    pages
}

/// A page folder's name.
pub fn name(page: &Path) -> String {
    page.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A fixture page as a test reads it.
pub struct Fixture {
    pub name: String,
    /// The source, decoded with the charset its `expected.json` names (netease's GB18030 pages),
    /// else as a browser would.
    pub html: String,
    /// The address to read it at: Readability's base URL for its pages, else `expected.json`'s.
    pub url: Option<String>,
    /// `expected.json`, or `null` for a page without one.
    pub expected: Value,
}

pub fn load(page: &Path) -> Fixture {
    let bytes = std::fs::read(page.join("source.html")).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    let expected: Value = std::fs::read(page.join("expected.json"))
        .ok()
        .map(|b| serde_json::from_slice(&b).unwrap_or_else(|e| panic!("{}: {e}", page.display())))
        .unwrap_or(Value::Null);
    let html = lucid::decode_with_label(&bytes, expected["encoding"].as_str())
        .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
    let in_readability = page.parent().is_some_and(|c| c.ends_with("readability"));
    let url = if in_readability { Some(READABILITY_URL.to_string()) } else { expected["url"].as_str().map(str::to_string) };
    Fixture { name: name(page), html, url, expected }
}

/// The article Lucid finds on a fixture page, at its address.
pub fn article(fixture: &Fixture) -> Option<lucid::Article> {
    let options = lucid::Options { url: fixture.url.clone(), ..lucid::Options::default() };
    lucid::extract(&fixture.html, &options).unwrap_or_else(|e| panic!("{}: {e}", fixture.name))
}

/// A language agrees with the gold when it is the same tag, or the gold's bare language refined
/// by a script subtag: the owner's seed gold says `zh`, and detected Chinese now also names its
/// script (`zh-Hans`), which the reading view needs for its own words.
pub fn lang_agrees(got: Option<&str>, want: Option<&str>) -> bool {
    match (got, want) {
        (Some(got), Some(want)) if !want.contains('-') => {
            let mut parts = got.split('-');
            parts.next().is_some_and(|l| l.eq_ignore_ascii_case(want))
                && parts.next().is_none_or(|script| script.len() == 4 && script.chars().all(|c| c.is_ascii_alphabetic()))
                && parts.next().is_none()
        }
        (got, want) => got.map(str::to_ascii_lowercase) == want.map(str::to_ascii_lowercase),
    }
}
