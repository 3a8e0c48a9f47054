//! Metadata on the fixture corpora: titles and dates measured against each corpus's expectations,
//! with floors pinned here (only ever raised). Every miss is printed with its fixture name.

mod common;

use std::fs;
use std::path::Path;

use lucid::metadata::{Metadata, extract};
use scraper::Html;
use serde_json::Value;
use url::Url;

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Share of `hits` over `total`, printed with the misses.
struct Tally {
    what: &'static str,
    hits: usize,
    total: usize,
    misses: Vec<String>,
}

impl Tally {
    fn new(what: &'static str) -> Self {
        Tally { what, hits: 0, total: 0, misses: Vec::new() }
    }

    fn record(&mut self, ok: bool, miss: impl FnOnce() -> String) {
        self.total += 1;
        if ok {
            self.hits += 1;
        } else {
            self.misses.push(miss());
        }
    }

    fn rate(&self) -> f64 {
        if self.total == 0 { 0.0 } else { self.hits as f64 / self.total as f64 }
    }

    /// Print the rate and misses; fail when under `floor`.
    fn check(&self, floor: f64) {
        println!("{}: {}/{} = {:.3} (floor {floor})", self.what, self.hits, self.total, self.rate());
        for miss in &self.misses {
            println!("  miss {miss}");
        }
        assert!(self.total > 0, "{}: nothing measured", self.what);
        assert!(
            self.rate() >= floor,
            "{}: {:.3} under the floor {floor}; misses:\n{}",
            self.what,
            self.rate(),
            self.misses.join("\n")
        );
    }
}

fn date_part(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

#[test]
fn readability_corpus() {
    let base = Url::parse(common::READABILITY_URL).unwrap();
    let mut title = Tally::new("readability title");
    let mut byline = Tally::new("readability byline (where we give one)");
    let mut site = Tally::new("readability siteName (where we give one)");
    let mut excerpt = Tally::new("readability excerpt (where we give one)");
    let mut date = Tally::new("readability publishedTime date (where expected)");
    let mut lang = Tally::new("readability lang (where declared in expected)");
    let mut dir = Tally::new("readability dir");
    let mut byline_recall = Tally::new("readability byline recall (metadata only)");
    let mut site_recall = Tally::new("readability siteName recall");
    let mut excerpt_recall = Tally::new("readability excerpt recall (metadata only)");
    for page in common::pages("readability") {
        let fixture = common::name(&page);
        let expected = read_json(&page.join("expected-metadata.json"));
        let got = extract(&Html::parse_document(&common::load(&page).html), Some(&base));
        let want = |k: &str| expected[k].as_str().map(str::to_string);

        let want_title = want("title").unwrap_or_default();
        let got_title = got.title.clone().unwrap_or_default();
        title.record(got_title == want_title, || format!("{fixture}: expected {want_title:?}, got {got_title:?}"));

        // Readability also finds bylines and excerpts in the article body, which the scorer does
        // here; so these compare only what metadata gives.
        let agree = |tally: &mut Tally, got: &Option<String>, want: Option<String>, same: fn(&str, &str) -> bool| {
            if let Some(g) = got {
                let w = want.unwrap_or_default();
                tally.record(same(g, &w), || format!("{fixture}: expected {w:?}, got {g:?}"));
            }
        };
        let trimmed_eq: fn(&str, &str) -> bool = |g, w| g.trim() == w.trim();
        // Readability's byline is the byline element's whole text ("By Nathan Willis March 25,
        // 2015"); Lucid's is the names in it, so they agree when Lucid's is inside Readability's.
        let byline_eq: fn(&str, &str) -> bool = |g, w| {
            let fold = |s: &str| -> String { s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect() };
            !fold(g).is_empty() && fold(w).contains(&fold(g))
        };
        agree(&mut byline, &got.byline, want("byline"), byline_eq);
        agree(&mut site, &got.site_name, want("siteName"), trimmed_eq);
        agree(&mut excerpt, &got.excerpt, want("excerpt"), trimmed_eq);
        // Recall: of the pages where Readability reports a value, how many metadata alone gives.
        let recall = |tally: &mut Tally, got: &Option<String>, want: Option<String>, same: fn(&str, &str) -> bool| {
            if let Some(w) = want.filter(|w| !w.trim().is_empty()) {
                let g = got.clone().unwrap_or_default();
                tally.record(same(&g, &w), || format!("{fixture}: expected {w:?}, got {g:?}"));
            }
        };
        recall(&mut byline_recall, &got.byline, want("byline"), byline_eq);
        recall(&mut site_recall, &got.site_name, want("siteName"), trimmed_eq);
        recall(&mut excerpt_recall, &got.excerpt, want("excerpt"), trimmed_eq);
        match want("publishedTime") {
            Some(w) => {
                let g = got.published_time.clone().unwrap_or_default();
                date.record(date_part(&g) == date_part(&w), || format!("{fixture}: expected {w:?}, got {g:?}"));
            }
            None => {
                if let Some(g) = &got.published_time {
                    println!("  (date where Readability reports none) {fixture}: {g}");
                }
            }
        }
        if let Some(w) = want("lang") {
            let g = got.lang.clone().unwrap_or_default();
            lang.record(g.eq_ignore_ascii_case(&w), || format!("{fixture}: expected {w:?}, got {g:?}"));
        }
        let w = want("dir").unwrap_or_default();
        let g = got.dir.clone().unwrap_or_default();
        dir.record(g == w, || format!("{fixture}: expected {w:?}, got {g:?}"));
    }
    // Floors sit just under the measured rates (title 90/99; the misses are site names
    // Readability keeps and Lucid cuts on purpose, as the human-gold sets do: Chinese suffixes
    // (gmw, qq) and Latin ones beside the page's own `h1` ("How to Build a Terrarium | eHow")).
    title.check(0.90);
    // 0.894: where the two differ, Lucid mostly names someone Readability does not ("Posted by
    // kovarex, TOGos, Ernestas, Albert on 2019-02-15", `article:author`, the credit that closes a
    // story), or leaves out what Readability keeps ("Follow Author").
    byline.check(0.88);
    site.check(0.90);
    excerpt.check(0.97);
    date.check(0.95);
    lang.check(0.95);
    dir.check(0.95);
    byline_recall.check(0.50);
    site_recall.check(0.95);
    excerpt_recall.check(0.60);
}

#[test]
fn netease_corpus() {
    let mut title = Tally::new("netease title");
    let mut found = Tally::new("netease date found");
    let mut same_day = Tally::new("netease date equal (YYYY-MM-DD)");
    for page in common::pages("netease") {
        let page = common::load(&page);
        let (fixture, expected) = (&page.name, &page.expected);
        let got: Metadata = extract(&Html::parse_document(&page.html), None);
        let want_title = expected["title"].as_str().unwrap_or_else(|| panic!("{fixture}: no expected title"));
        let got_title = got.title.clone().unwrap_or_default();
        title.record(got_title == want_title, || format!("{fixture}: expected {want_title:?}, got {got_title:?}"));
        let want_date = expected["publishedTime"].as_str().unwrap_or_else(|| panic!("{fixture}: no expected date"));
        found.record(got.published_time.is_some(), || format!("{fixture}: no date (expected {want_date:?})"));
        let got_date = got.published_time.clone().unwrap_or_default();
        same_day.record(date_part(&got_date) == date_part(want_date), || {
            format!("{fixture}: expected {want_date:?}, got {got_date:?}")
        });
    }
    // Measured 75/75 on each; the brief's floors are 0.95, 0.90 and 0.90.
    title.check(0.97);
    found.check(0.97);
    same_day.check(0.97);
}

#[test]
fn seed_page_is_exact() {
    let seed = common::load(&common::fixtures(common::SEED));
    let expected = &seed.expected;
    let got = extract(&Html::parse_document(&seed.html), Url::parse(common::SEED_URL).ok().as_ref());
    assert_eq!(got.title.as_deref(), expected["title"].as_str(), "seed/netease-apple-tpu: title");
    assert_eq!(got.title.as_deref(), Some("苹果承认:AI模型使用谷歌定制芯片训练"), "seed/netease-apple-tpu: title");
    assert_eq!(
        got.published_time.as_deref(),
        expected["publishedTime"].as_str(),
        "seed/netease-apple-tpu: publishedTime"
    );
    assert_eq!(
        got.published_time.as_deref(),
        Some("2024-07-30T08:21:47+08:00"),
        "seed/netease-apple-tpu: publishedTime"
    );
    // The page declares no language; detection on its title gives Simplified Chinese (the
    // owner's gold says `zh`, which `zh-Hans` refines).
    let lang = got.lang.clone().or_else(|| lucid::metadata::detect_lang(got.title.as_deref().unwrap_or("")));
    assert_eq!(lang.as_deref(), Some("zh-Hans"), "seed/netease-apple-tpu: lang");
    assert!(common::lang_agrees(lang.as_deref(), expected["lang"].as_str()), "seed/netease-apple-tpu: lang");
}

/// The `<title>` alone (og:title and JSON-LD removed) still cleans to the seed's title: the
/// Chinese suffix rule, not the metadata, is what is tested here.
#[test]
fn seed_title_element_alone() {
    let html = "<html><head><title>苹果承认:AI模型使用谷歌定制芯片训练|苹果|谷歌|TPU_网易科技</title></head><body></body></html>";
    let got = extract(&Html::parse_document(html), None);
    assert_eq!(got.title.as_deref(), Some("苹果承认:AI模型使用谷歌定制芯片训练"));
    assert_eq!(got.site_name.as_deref(), Some("网易科技"));
}
