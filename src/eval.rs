//! Scoring Lucid against gold sets: text F1 with the same definition as `shared/tools/score.py`
//! (`\w+` tokens, each CJK character a token of its own, 4-token shingles counted as a multiset),
//! plus a bag-of-words F1 (the word metric human-gold benchmarks publish), title, date, author
//! and readerable agreement. Loading corpus folders from disk is native-only;
//! the scoring itself builds everywhere.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

#[cfg(not(target_arch = "wasm32"))]
use rayon::prelude::*;

use serde::Serialize;

use crate::text::fold;


/// The base URL Mozilla Readability's test suite gives its pages; its expected output was made
/// with it, so links resolve the same way.
pub const READABILITY_TEST_URL: &str = "http://fakehost/test/page.html";

/// What a page should give.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gold {
    /// The article's text; only its tokens matter.
    pub text: String,
    pub title: Option<String>,
    /// The publication date or time, as the gold set writes it.
    pub published: Option<String>,
    /// The author names as the gold set writes them (one string, names joined).
    pub byline: Option<String>,
    /// The gold's page type (`article`, `documentation`, `forum`...), when it says.
    pub page_type: Option<String>,
    /// Whether the page should pass the readerable check (readability layout only).
    pub readerable: Option<bool>,
}

/// One page of a corpus: its decoded HTML, address and gold.
#[derive(Clone, Debug)]
pub struct Page {
    /// The page's folder name.
    pub id: String,
    pub html: String,
    pub url: Option<String>,
    pub gold: Gold,
}

impl Gold {
    /// Gold from an `expected.json` (netease, seed and wcxb layouts): `paragraphs` joined by blank
    /// lines, `title`, `publishedTime`. Returns the gold and the page's `url` if it gives one.
    pub fn from_expected_json(json: &[u8]) -> Result<(Gold, Option<String>), String> {
        let value: serde_json::Value = serde_json::from_slice(json).map_err(|e| e.to_string())?;
        let paragraphs = value["paragraphs"]
            .as_array()
            .ok_or("no `paragraphs` array")?;
        let text = paragraphs
            .iter()
            .filter_map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let gold = Gold {
            text,
            title: non_empty(&value["title"]),
            published: non_empty(&value["publishedTime"]),
            byline: non_empty(&value["byline"]),
            page_type: non_empty(&value["pageType"]),
            readerable: None,
        };
        Ok((gold, non_empty(&value["url"])))
    }

    /// Gold from Readability's layout: the text of `expected.html` (a block boundary separates
    /// words, as it does when the page is shown; captions left out, as Lucid's text leaves them)
    /// and `expected-metadata.json`.
    pub fn from_readability(expected_html: &str, metadata_json: &[u8]) -> Result<Gold, String> {
        let meta: serde_json::Value =
            serde_json::from_slice(metadata_json).map_err(|e| e.to_string())?;
        Ok(Gold {
            text: block_text(expected_html),
            title: non_empty(&meta["title"]),
            published: non_empty(&meta["publishedTime"]),
            byline: non_empty(&meta["byline"]),
            page_type: None,
            readerable: meta["readerable"].as_bool(),
        })
    }
}

fn non_empty(value: &serde_json::Value) -> Option<String> {
    value
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The text of an HTML fragment with a blank line at every block boundary and a newline at each
/// `<br>`, so that `<p>a</p><p>b</p>` gives two words, not one. Iterative walk.
fn block_text(html: &str) -> String {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let doc = scraper::Html::parse_fragment(html);
    let mut out = String::new();
    let is_inline = |name: &str| crate::tunables::PHRASING_ELEMS.contains(&name) && name != "br";
    let mut walk = crate::dom::Walk::new(doc.tree.root());
    while let Some(edge) = walk.next() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => out.push_str(text),
                // Lucid's text leaves captions out (see `Article::text_content`); so does the
                // gold it is compared with, whoever wrote it.
                Node::Element(e) if crate::tunables::CAPTION_TAGS.contains(&e.name()) => walk.skip_subtree(),
                Node::Element(e) if e.name() == "br" => out.push('\n'),
                Node::Element(e) if !is_inline(e.name()) => out.push_str("\n\n"),
                _ => {}
            },
            Edge::Close(node) => {
                if node.value().as_element().is_some_and(|e| !is_inline(e.name())) {
                    out.push_str("\n\n");
                }
            }
        }
    }
    out.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n\n")
}

/// Python's `\w` on text, which score.py uses: letters, numbers and the underscore. Rust's
/// `is_alphanumeric` also counts the `Other_Alphabetic` vowel signs of Indic scripts, which
/// Python does not; Latin, CJK and the corpora here tokenize the same.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// score.py's CJK class, range for range (kana, Han extension A, Han, compatibility ideographs,
/// Hangul syllables). Deliberately not [`crate::text::is_cjk`], which covers more.
fn is_scored_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// score.py's tokens: runs of word characters, with every CJK character a token of its own.
pub fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if is_word(c) && !is_scored_cjk(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
        if is_word(c) {
            out.push(&text[i..i + c.len_utf8()]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Shingle overlap of one page: true positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// Shingles are token ids, padded for texts shorter than a shingle (score.py then keeps the one
/// short tuple); `u32::MAX` is never an id.
type Shingle = [u32; SHINGLE];
const SHINGLE: usize = 4;

impl Counts {
    /// score.py's `page`: multisets of 4-token shingles of the gold and the predicted text.
    pub fn of(gold: &str, predicted: &str) -> Counts {
        Counts::overlap(gold, predicted, SHINGLE, |t| t.to_string())
    }

    /// Bag-of-words overlap, case folded: the "word F1" of published extraction benchmarks.
    pub fn of_words(gold: &str, predicted: &str) -> Counts {
        Counts::overlap(gold, predicted, 1, str::to_lowercase)
    }

    fn overlap(gold: &str, predicted: &str, width: usize, fold: fn(&str) -> String) -> Counts {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut shingles = |text| {
            let ids_of: Vec<u32> = tokens(text)
                .into_iter()
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(fold(t)).or_insert(next)
                })
                .collect();
            let mut counts: HashMap<Shingle, usize> = HashMap::new();
            // Fewer tokens than a shingle make one short shingle; none make none.
            let width = width.min(ids_of.len()).max(1);
            for window in ids_of.windows(width) {
                let mut shingle = [u32::MAX; SHINGLE];
                shingle[..window.len()].copy_from_slice(window);
                *counts.entry(shingle).or_default() += 1;
            }
            counts
        };
        let (gold, predicted) = (shingles(gold), shingles(predicted));
        let mut counts = Counts::default();
        for (shingle, &g) in &gold {
            let p = predicted.get(shingle).copied().unwrap_or(0);
            counts.tp += g.min(p);
            counts.fn_ += g.saturating_sub(p);
        }
        for (shingle, &p) in &predicted {
            counts.fp += p.saturating_sub(gold.get(shingle).copied().unwrap_or(0));
        }
        counts
    }

    /// score.py's `prec`: 1 when both texts are empty, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        match *self {
            Counts { fp: 0, fn_: 0, .. } => 1.0,
            Counts { tp: 0, fp: 0, .. } => 0.0,
            Counts { tp, fp, .. } => tp as f64 / (tp + fp) as f64,
        }
    }

    /// score.py's `rec`.
    pub fn recall(&self) -> f64 {
        match *self {
            Counts { fp: 0, fn_: 0, .. } => 1.0,
            Counts { tp: 0, fn_: 0, .. } => 0.0,
            Counts { tp, fn_, .. } => tp as f64 / (tp + fn_) as f64,
        }
    }

    /// The page's F1: the harmonic mean of its precision and recall (score.py's `per_page`).
    pub fn f1(&self) -> f64 {
        harmonic(self.precision(), self.recall())
    }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// score.py's corpus score: precision averaged over pages that predicted something, recall over
/// pages whose gold has text, F1 of the two averages. Returns (precision, recall, F1).
pub fn aggregate(counts: &[Counts]) -> (f64, f64, f64) {
    let mean_of = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let p = mean_of(
        counts
            .iter()
            .filter(|c| c.tp + c.fp > 0)
            .map(Counts::precision)
            .collect(),
    );
    let r = mean_of(
        counts
            .iter()
            .filter(|c| c.tp + c.fn_ > 0)
            .map(Counts::recall)
            .collect(),
    );
    (p, r, harmonic(p, r))
}

/// How [`evaluate`] runs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Extraction options for every page; each page's own URL replaces `url`.
    pub extract: crate::Options,
    /// Time each page's extraction this many times and keep the median (native builds only;
    /// 0 times nothing). Default: 0.
    pub timing_runs: usize,
    /// Called after each page with the count of pages done and the total (pages finish in any
    /// order on several cores). Default: `None`.
    pub progress: Option<fn(usize, usize)>,
}

/// One page's result.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub id: String,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub counts: Counts,
    /// Bag-of-words F1 (see [`Counts::of_words`]).
    pub word_f1: f64,
    /// The gold's page type, when it says.
    pub page_type: Option<String>,
    /// Title equal to the gold, case, spaces and punctuation aside; `None` when the gold has no
    /// title.
    pub title_match: Option<bool>,
    /// The article has a published time.
    pub date_found: bool,
    /// The article's date (YYYY-MM-DD) equals the gold's; `None` when the gold has no date.
    pub date_match: Option<bool>,
    /// Some gold author name is inside the byline (see [`author_matches`]); `None` when the gold
    /// names nobody.
    pub author_match: Option<bool>,
    /// `is_probably_readerable` agrees with the gold; `None` when the gold does not say.
    pub readerable_agrees: Option<bool>,
    pub no_article: bool,
    /// The extraction error, if the page could not be read.
    pub error: Option<String>,
    /// Median extraction time in milliseconds, when timed.
    pub time_ms: Option<f64>,
}

/// A corpus's summary. Percentages are in 0..=1 and `None` when no page had the gold for them.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub pages: usize,
    /// Mean of the per-page F1s: what the quality floors speak of.
    pub mean_f1: f64,
    /// score.py's figure: F1 of the averaged precision and recall.
    pub aggregate_f1: f64,
    pub aggregate_precision: f64,
    pub aggregate_recall: f64,
    /// Mean of the per-page bag-of-words F1s.
    pub mean_word_f1: f64,
    pub title_match: Option<f64>,
    /// Among pages whose gold has a date.
    pub date_found: Option<f64>,
    pub date_match: Option<f64>,
    /// Among pages whose gold names an author.
    pub author_match: Option<f64>,
    pub readerable_agreement: Option<f64>,
    pub no_article: usize,
    pub errors: usize,
    pub timing: Option<Timing>,
}

/// Per-page extraction times of a corpus, in milliseconds.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timing {
    pub median_ms: f64,
    pub p95_ms: f64,
    pub total_ms: f64,
    pub max_ms: f64,
}

#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub summary: Summary,
    /// One summary per gold page type, when the corpus mixes types (wcxb's articles, documentation
    /// and forums are scored apart).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_type: Vec<(String, Summary)>,
    pub pages: Vec<Row>,
}

/// Extract every page and score it against its gold.
pub fn evaluate(pages: &[Page], options: &Options) -> Report {
    let done = AtomicUsize::new(0);
    let one = |page: &Page| {
        let row = evaluate_page(page, options);
        if let Some(progress) = options.progress {
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, pages.len());
        }
        row
    };
    // Pages are independent: native builds extract them on every core (rows stay in page order).
    #[cfg(not(target_arch = "wasm32"))]
    let rows: Vec<Row> = pages.par_iter().map(one).collect();
    #[cfg(target_arch = "wasm32")]
    let rows: Vec<Row> = pages.iter().map(one).collect();
    let summary = summarize(&rows);
    let mut types: Vec<&str> = rows.iter().filter_map(|r| r.page_type.as_deref()).collect();
    types.sort_unstable();
    types.dedup();
    let by_type = if types.len() > 1 {
        types
            .into_iter()
            .map(|t| {
                let of_type: Vec<Row> = rows.iter().filter(|r| r.page_type.as_deref() == Some(t)).cloned().collect();
                (t.to_string(), summarize(&of_type))
            })
            .collect()
    } else {
        Vec::new()
    };
    Report {
        summary,
        by_type,
        pages: rows,
    }
}

fn evaluate_page(page: &Page, options: &Options) -> Row {
    let extract_options = crate::Options {
        url: page.url.clone(),
        ..options.extract.clone()
    };
    let (result, time_ms) = timed_extract(&page.html, &extract_options, options.timing_runs);
    let (article, error) = match result {
        Ok(article) => (article, None),
        Err(e) => (None, Some(e.to_string())),
    };
    let predicted = article.as_ref().map_or("", |a| a.text_content.as_str());
    let counts = Counts::of(&page.gold.text, predicted);
    let words = Counts::of_words(&page.gold.text, predicted);
    let gold = &page.gold;
    let published = article.as_ref().and_then(|a| a.published_time.as_deref());
    let title = article.as_ref().map_or("", |a| a.title.as_str());
    Row {
        id: page.id.clone(),
        f1: counts.f1(),
        precision: counts.precision(),
        recall: counts.recall(),
        counts,
        word_f1: words.f1(),
        page_type: gold.page_type.clone(),
        title_match: gold
            .title
            .as_ref()
            .map(|t| fold(t) == fold(title)),
        date_found: published.is_some(),
        date_match: gold
            .published
            .as_deref()
            .map(|g| day(g).is_some_and(|g| published.and_then(day) == Some(g))),
        author_match: gold
            .byline
            .as_deref()
            .map(|g| author_matches(g, article.as_ref().and_then(|a| a.byline.as_deref()).unwrap_or(""))),
        readerable_agrees: gold
            .readerable
            .map(|r| crate::is_probably_readerable(&page.html) == r),
        no_article: error.is_none() && article.is_none(),
        error,
        time_ms,
    }
}

/// Extract once, or `runs` times (native builds) keeping the first result and the median time.
fn timed_extract(
    html: &str,
    options: &crate::Options,
    runs: usize,
) -> (Result<Option<crate::Article>, crate::Error>, Option<f64>) {
    #[cfg(not(target_arch = "wasm32"))]
    if runs > 0 {
        let mut times = Vec::with_capacity(runs);
        let mut first = None;
        for _ in 0..runs {
            let start = std::time::Instant::now();
            let result = crate::extract(html, options);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            first.get_or_insert(result);
        }
        let result = first.unwrap_or_else(|| crate::extract(html, options));
        return (result, Some(percentile(&mut times, 0.5)));
    }
    #[cfg(target_arch = "wasm32")]
    let _ = runs;
    (crate::extract(html, options), None)
}

/// Nearest-rank percentile (`q` in 0..=1) of a non-empty list.
fn percentile(values: &mut [f64], q: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let rank = ((q * values.len() as f64).ceil() as usize).clamp(1, values.len());
    values[rank - 1]
}

/// Whether any of the gold's author names is inside the byline, case, spaces and punctuation
/// aside. Gold bylines join names with commas, "and", "&", "、" or (Chinese) spaces, and
/// Readability's keep a leading "By".
pub fn author_matches(gold: &str, byline: &str) -> bool {
    let byline = fold(byline);
    let mut gold = gold.trim();
    if let Some(rest) = gold.strip_prefix("By ").or_else(|| gold.strip_prefix("by ")) {
        gold = rest;
    }
    let cjk = gold.chars().any(crate::text::is_cjk);
    gold.split([',', ';', '&', '、', '，', '/', '|'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(if cjk { ' ' } else { '\u{0}' }))
        .map(fold)
        .any(|name| !name.is_empty() && byline.contains(&name))
}

/// The `YYYY-MM-DD` a date or date-time starts with.
fn day(date: &str) -> Option<&str> {
    let day = date.trim().get(..10)?;
    let b = day.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(day)
}

fn summarize(rows: &[Row]) -> Summary {
    let rate = |flags: Vec<bool>| {
        (!flags.is_empty())
            .then(|| flags.iter().filter(|&&f| f).count() as f64 / flags.len() as f64)
    };
    let mean = |of: fn(&Row) -> f64| {
        if rows.is_empty() {
            0.0
        } else {
            rows.iter().map(of).sum::<f64>() / rows.len() as f64
        }
    };
    let counts: Vec<Counts> = rows.iter().map(|r| r.counts).collect();
    let (precision, recall, f1) = aggregate(&counts);
    let mut times: Vec<f64> = rows.iter().filter_map(|r| r.time_ms).collect();
    let timing = (!times.is_empty()).then(|| Timing {
        total_ms: times.iter().sum(),
        median_ms: percentile(&mut times, 0.5),
        p95_ms: percentile(&mut times, 0.95),
        max_ms: percentile(&mut times, 1.0),
    });
    Summary {
        pages: rows.len(),
        mean_f1: mean(|r| r.f1),
        aggregate_f1: f1,
        aggregate_precision: precision,
        aggregate_recall: recall,
        mean_word_f1: mean(|r| r.word_f1),
        title_match: rate(rows.iter().filter_map(|r| r.title_match).collect()),
        date_found: rate(
            rows.iter()
                .filter(|r| r.date_match.is_some())
                .map(|r| r.date_found)
                .collect(),
        ),
        date_match: rate(rows.iter().filter_map(|r| r.date_match).collect()),
        author_match: rate(rows.iter().filter_map(|r| r.author_match).collect()),
        readerable_agreement: rate(rows.iter().filter_map(|r| r.readerable_agrees).collect()),
        no_article: rows.iter().filter(|r| r.no_article).count(),
        errors: rows.iter().filter(|r| r.error.is_some()).count(),
        timing,
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use files::{LoadError, find_corpora, is_page_dir, load_corpus, source_bytes};

/// Reading corpus folders from disk (native only: the WASM build has no file system).
#[cfg(not(target_arch = "wasm32"))]
mod files {
    use std::io::Read;
    use std::path::{Path, PathBuf};

    use super::{Gold, Page, READABILITY_TEST_URL};
    use crate::input::decode_html;

    /// A corpus folder or page that could not be read.
    #[derive(Debug, thiserror::Error)]
    #[error("{}: {reason}", path.display())]
    pub struct LoadError {
        pub path: PathBuf,
        pub reason: String,
    }

    fn fail(path: &Path, reason: impl ToString) -> LoadError {
        LoadError {
            path: path.to_path_buf(),
            reason: reason.to_string(),
        }
    }

    fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
        std::fs::read(path).map_err(|e| fail(path, e))
    }

    /// A page folder holds `source.html` or `source.html.gz` and an `expected.json` or
    /// `expected.html`.
    pub fn is_page_dir(dir: &Path) -> bool {
        (dir.join("source.html").is_file() || dir.join("source.html.gz").is_file())
            && (dir.join("expected.json").is_file() || dir.join("expected.html").is_file())
    }

    fn subdirs(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
        let mut dirs = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| fail(dir, e))? {
            let path = entry.map_err(|e| fail(dir, e))?.path();
            if path.is_dir() {
                dirs.push(path);
            }
        }
        dirs.sort();
        Ok(dirs)
    }

    /// The corpora under `dir`: `dir` itself when it holds page folders, else each subfolder that
    /// does (so `tests/fixtures` gives readability, netease, seed, wcxb).
    pub fn find_corpora(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
        let children = subdirs(dir)?;
        if children.iter().any(|c| is_page_dir(c)) {
            return Ok(vec![dir.to_path_buf()]);
        }
        let mut corpora = Vec::new();
        for child in children {
            if subdirs(&child)?.iter().any(|c| is_page_dir(c)) {
                corpora.push(child);
            }
        }
        if corpora.is_empty() {
            return Err(fail(
                dir,
                "no page folders (source.html + expected.json or expected.html) here",
            ));
        }
        Ok(corpora)
    }

    /// Every page folder of a corpus, in name order, decoded as a browser would.
    pub fn load_corpus(dir: &Path) -> Result<Vec<Page>, LoadError> {
        subdirs(dir)?
            .into_iter()
            .filter(|d| is_page_dir(d))
            .map(|d| load_page(&d))
            .collect()
    }

    /// A page folder's `source.html`, or its `source.html.gz` unpacked: the page's bytes, not
    /// yet decoded.
    pub fn source_bytes(dir: &Path) -> Result<Vec<u8>, LoadError> {
        let plain = dir.join("source.html");
        if plain.is_file() {
            return read(&plain);
        }
        let gz = dir.join("source.html.gz");
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(read(&gz)?.as_slice())
            .read_to_end(&mut bytes)
            .map_err(|e| fail(&gz, e))?;
        Ok(bytes)
    }

    fn load_page(dir: &Path) -> Result<Page, LoadError> {
        let id = dir
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let html = decode_html(&source_bytes(dir)?).map_err(|e| fail(dir, e))?;
        let json = dir.join("expected.json");
        let (gold, url) = if json.is_file() {
            Gold::from_expected_json(&read(&json)?).map_err(|e| fail(&json, e))?
        } else {
            let expected = dir.join("expected.html");
            let expected_html = String::from_utf8_lossy(&read(&expected)?).into_owned();
            let meta = dir.join("expected-metadata.json");
            let gold = Gold::from_readability(&expected_html, &read(&meta)?)
                .map_err(|e| fail(&meta, e))?;
            (gold, Some(READABILITY_TEST_URL.to_string()))
        };
        Ok(Page {
            id,
            html,
            url,
            gold,
        })
    }
}
