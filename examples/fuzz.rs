//! A mutation fuzzer that runs on stable Rust: it takes the fixture pages as seeds, mutates them
//! with byte edits and with markup that has made parsers slow or confused before (abruptly
//! closed comments, raw-text elements inside foreign content, deep nesting, entity runs), and
//! feeds each input through everything a page reaches: the decoder, `extract`, the readerable
//! check, the Markdown and saved-HTML writers, and the translation segment merger.
//!
//! A finding is a panic or an input on which one action (reading, saving or translating the
//! page) takes longer than `--slow` seconds; each is written to
//! `tests/fuzz/found/` and the run exits non-zero. The same seed and run count always make the
//! same inputs, so `./build.sh test` runs a short fixed one:
//!
//!   cargo run --release --example fuzz -- --seed 1 --runs 300
//!
//! and anyone can run a long one (any seed, for as long as they like):
//!
//!   cargo run --release --example fuzz -- --seed 7 --seconds 3600
//!
//! Found inputs are kept in `tests/fuzz/cases/`: `tests/robustness.rs` asserts each ends with an
//! answer, and this benchmark times them against the bound (`./build.sh test` runs it too):
//!
//!   cargo run --release --example fuzz -- --replay tests/fuzz/cases

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lucid::html_copy::{PageOptions, standalone_html};
use lucid::markdown::to_markdown;
use lucid::save::SaveInfo;
use lucid::segments::{self, MergeOptions, Mode, Translation};
use lucid::{Options, decode_html, extract, is_probably_readerable};

/// Markup spliced into pages: the shapes that have made HTML parsers quadratic or that
/// browsers and html5ever read differently.
const TOKENS: &[&str] = &[
    "<!-->", "<!--->", "<!--!>", "--!>", "<!--", "-->", "<![CDATA[", "]]>", "<math><style>", "<svg><script>",
    "</svg>", "</math>", "<div>", "</div>", "<a>", "<b>", "<font>", "<table>", "<tr><td>", "</table>", "<p>", "</p>",
    "<br>", "<template>", "<noscript>", "<select>", "<textarea>", "<title>", "<plaintext>", "<xmp>", "&amp;", "x&",
    "&#0;", "&#x110000;", "\u{a0}", "\u{3000}", "\u{feff}", "\0", "\"", "'", "<", ">", "=", "<img src=\"",
    "<a href=\"javascript:alert(1)\">", "<iframe src=\"https://www.youtube.com/embed/x\">", " id=x", " class=\"lucid-toolbar\"",
    "<meta charset=\"gb18030\">", "<meta charset=\"utf-16\">", "<base href=\"javascript:x\">", "<h1>", "<article>",
    "<li>", "<ul>", "<pre>", "<code>", "<sup>", "<sub>", "**", "`", "\n", "\r", "\t",
];

/// A deterministic generator (xorshift64*): the same seed gives the same run on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

/// Largest input built: the core's own byte limit is larger, but the time bound is what is
/// tested here, and it must hold per byte.
const MAX_INPUT: usize = 2 << 20;

fn mutate(page: &[u8], other: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = page.to_vec();
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 => {
                if let Some(b) = out.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            1 => {
                let end = (at + rng.below(4096)).min(out.len());
                out.drain(at..end);
            }
            2 | 3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            4 => {
                // A token repeated: deep nesting, attribute floods, entity runs.
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let times = 1 + rng.below(20_000);
                let run: Vec<u8> = token.iter().copied().cycle().take(token.len() * times).collect();
                out.splice(at..at, run);
            }
            5 => {
                // A piece of another page.
                let from = rng.below(other.len());
                let end = (from + rng.below(8192)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                // A piece of this page again, elsewhere.
                let from = rng.below(out.len());
                let end = (from + rng.below(8192)).min(out.len());
                let piece = out[from..end].to_vec();
                let at = rng.below(out.len() + 1);
                out.splice(at..at, piece);
            }
        }
        out.truncate(MAX_INPUT);
    }
    out
}

/// What a user does with a page, each timed on its own: the 2 s bound is for one action.
const ACTIONS: [&str; 3] = ["read", "save", "translate"];

/// Everything a page reaches, as the extension and the command line use it; how long each of
/// [`ACTIONS`] took: reading it (decoding, the readerable check, extraction), saving it
/// (Markdown and HTML) and translating it (segments, then merging in both modes).
fn exercise(bytes: &[u8]) -> [Duration; 3] {
    let mut times = [Duration::ZERO; 3];
    let start = Instant::now();
    let Ok(html) = decode_html(bytes) else { return times };
    is_probably_readerable(&html);
    let options = Options::with_url("https://fuzz.example/news/a.html");
    let article = extract(&html, &options);
    times[0] = start.elapsed();
    let Ok(Some(article)) = article else { return times };
    let start = Instant::now();
    let info = SaveInfo { source_url: Some("https://fuzz.example/news/a.html".into()), saved_at: "2025-01-31T09:30:00Z".into() };
    to_markdown(&article, &info);
    standalone_html(&article, &PageOptions { info, ..PageOptions::default() });
    times[1] = start.elapsed();
    let start = Instant::now();
    let segmented = segments::split(&article.content);
    // A provider that answers with markup of its own: the segment's text wrapped and reversed.
    let translations: Vec<Translation> = segmented
        .segments
        .iter()
        .map(|s| Translation { id: s.id.clone(), html: format!("<b>{}</b><img src=x onerror=1>", s.text.chars().rev().collect::<String>()) })
        .collect();
    for mode in [Mode::Replace, Mode::Bilingual] {
        segments::merge(&segmented, &translations, &MergeOptions { mode, lang: Some("en".into()) });
    }
    times[2] = start.elapsed();
    times
}

/// The slowest action of a run: its index in [`ACTIONS`] and its time.
fn slowest(times: [Duration; 3]) -> (usize, Duration) {
    (0..3).map(|i| (i, times[i])).max_by_key(|&(_, t)| t).unwrap_or((0, Duration::ZERO))
}

/// Every fixture page's bytes (any folder holding a `source.html` or `source.html.gz`, gold or
/// not), undecoded, so the decoder is fuzzed too.
fn seeds(root: &Path) -> Vec<Vec<u8>> {
    let mut pages = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        stack.extend(entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()));
        pages.extend(lucid::eval::source_bytes(&dir));
    }
    pages.sort();
    pages
}

/// Time every kept finding (median of three runs); the exit code is 1 when one is over `slow`.
fn replay(dir: &Path, slow: Duration) -> i32 {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir).expect("read the cases folder").filter_map(|e| e.ok().map(|e| e.path())).collect();
    cases.sort();
    let mut over = 0;
    for case in &cases {
        let bytes = std::fs::read(case).expect("read a case");
        // Each action's median of three runs.
        let runs: Vec<[Duration; 3]> = (0..3).map(|_| exercise(&bytes)).collect();
        let medians: [Duration; 3] = std::array::from_fn(|i| {
            let mut times: Vec<Duration> = runs.iter().map(|r| r[i]).collect();
            times.sort();
            times[1]
        });
        let (action, took) = slowest(medians);
        let verdict = if took > slow { over += 1; "OVER THE BOUND" } else { "ok" };
        let each: Vec<String> = (0..3).map(|i| format!("{} {:.3} s", ACTIONS[i], medians[i].as_secs_f64())).collect();
        eprintln!("{}: {} bytes, {}; slowest {}: {verdict}", case.display(), bytes.len(), each.join(", "), ACTIONS[action]);
    }
    eprintln!("fuzz replay: {} case(s), {over} over {:.1} s", cases.len(), slow.as_secs_f64());
    i32::from(over > 0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let seed: u64 = value("--seed").and_then(|v| v.parse().ok()).unwrap_or(1);
    let runs: Option<usize> = value("--runs").and_then(|v| v.parse().ok());
    let seconds: Option<u64> = value("--seconds").and_then(|v| v.parse().ok());
    let slow = Duration::from_secs_f64(value("--slow").and_then(|v| v.parse().ok()).unwrap_or(2.0));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if let Some(dir) = value("--replay") {
        std::process::exit(replay(Path::new(&dir), slow));
    }
    let pages = seeds(&root.join("tests/fixtures"));
    assert!(!pages.is_empty(), "no seed pages under tests/fixtures");
    let found_dir = root.join("tests/fuzz/found");
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let runs = runs.unwrap_or(if deadline.is_some() { usize::MAX } else { 400 });

    // Panics are findings, reported once each below; the default hook would print them twice.
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let (mut findings, mut worst) = (0usize, (Duration::ZERO, 0usize, 0usize));
    let started = Instant::now();
    let mut done = 0;
    while done < runs && deadline.is_none_or(|d| Instant::now() < d) {
        let page = &pages[rng.below(pages.len())];
        let other = &pages[rng.below(pages.len())];
        let input = mutate(page, other, &mut rng);
        let outcome = catch_unwind(AssertUnwindSafe(|| exercise(&input))).map(slowest);
        if let Ok((action, took)) = outcome
            && took > worst.0
        {
            worst = (took, action, done);
        }
        let finding = match outcome {
            Err(panic) => Some(format!(
                "panic: {}",
                panic.downcast_ref::<String>().cloned().or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
            )),
            Ok((action, took)) if took > slow => {
                Some(format!("slow: {} took {:.2} s for {} bytes", ACTIONS[action], took.as_secs_f64(), input.len()))
            }
            Ok(_) => None,
        };
        if let Some(what) = finding {
            findings += 1;
            std::fs::create_dir_all(&found_dir).expect("create tests/fuzz/found");
            let path = found_dir.join(format!("seed{seed}-run{done}.html"));
            std::fs::write(&path, &input).expect("write finding");
            eprintln!("run {done}: {what} → {}", path.display());
        }
        done += 1;
    }
    eprintln!(
        "fuzz: seed {seed}, {done} inputs from {} seed pages in {:.1} s, slowest action {} {:.3} s (run {}), {findings} finding(s)",
        pages.len(),
        started.elapsed().as_secs_f64(),
        ACTIONS[worst.1],
        worst.0.as_secs_f64(),
        worst.2
    );
    if findings > 0 {
        std::process::exit(1);
    }
}
