//! Hostile pages, timed: each case at one, two and four times its size, every run in a child
//! process of its own so its peak memory (VmHWM) is its own. Beside Lucid, html5ever's own driver
//! parses the 1× page (no budget; stopped after `REFERENCE_TIMEOUT`), so the table shows what the
//! budget saves. `cargo run --release --example hostile [-- --out FILE]` prints a Markdown table
//! (and writes it to FILE); `./build.sh bench` writes tests/bench/hostile.md. `--pages DIR` writes
//! the 1× pages to DIR instead, for tests/bench/hostile-wasm.mjs.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const REFERENCE_TIMEOUT: Duration = Duration::from_secs(10);

/// A named page builder: `scale` multiplies its size.
struct Case {
    name: &'static str,
    page: fn(usize) -> String,
}

fn nested(open: &str, depth: usize) -> String {
    open.repeat(depth)
}

fn attributes(count: usize) -> String {
    (0..count).map(|i| format!(" a{i}")).collect()
}

fn article(paragraph: &str) -> String {
    format!("<html><head><title>T</title></head><body><article><h1>T</h1><p>{paragraph}</p></article></body></html>")
}

/// One post of a live blog: heading, byline, three paragraphs of its own (a thread drops lines
/// that every post repeats, as signatures), tags.
fn post(i: usize) -> String {
    let paragraphs: String = (0..3)
        .map(|k| {
            format!(
                "<p>In update {i}, part {k}, the committee weighed the costs of the new bridge against the \
                 benefits, moved the crossing two kilometres upstream, and asked the residents what they thought.</p>"
            )
        })
        .collect();
    format!(
        "<section class=\"post\" id=\"post-{i}\"><h2><a href=\"/p/{i}\">Update {i}</a></h2><p class=\"meta\">Posted by \
         <a href=\"/u/{i}\">editor</a> at <time>10:{:02}</time></p>{paragraphs}<ul class=\"tags\"><li><a href=\"/t/a\">transport</a></li>\
         <li><a href=\"/t/b\">city</a></li></ul></section>",
        i % 60
    )
}

const CASES: &[Case] = &[
    Case { name: "`<!-->` then 100k nested div", page: |s| format!("<!-->{}", nested("<div>", 100_000 * s)) },
    Case { name: "`<!--->` `--!>` then 100k nested div", page: |s| format!("<!---><!-- --!>{}", nested("<div>", 100_000 * s)) },
    Case { name: "`<math><style>` then 100k nested div", page: |s| format!("<math><style>{}", nested("<div>", 100_000 * s)) },
    Case { name: "`<svg><script>` then 100k nested div", page: |s| format!("<svg><script>{}", nested("<div>", 100_000 * s)) },
    Case { name: "100k nested b i a span font", page: |s| nested("<b><i><a><span><font>", 20_000 * s) },
    Case { name: "100k distinct unclosed b then text", page: |s| {
        (0..20_000 * s).map(|i| format!("<b c{i}>x")).collect::<String>() + &"<p>y</p>".repeat(1000)
    } },
    Case { name: "100k nested table cells", page: |s| nested("<table><tr><td>", 33_000 * s) },
    Case { name: "`<!-->` then 50k attributes", page: |s| format!("<!--><div{}>", attributes(50_000 * s)) },
    Case { name: "`<svg><style>` then 50k attributes", page: |s| format!("<svg><style><p{}>", attributes(50_000 * s)) },
    Case { name: "5 MB of `<`", page: |s| "<".repeat(5_000_000 * s) },
    Case { name: "2 MB of `x&` in a paragraph", page: |s| article(&"x&".repeat(1_000_000 * s)) },
    Case { name: "800k `x·` in a paragraph", page: |s| article(&"x·".repeat(800_000 * s)) },
    Case { name: "1M `&amp;` in a paragraph", page: |s| article(&"&amp;".repeat(1_000_000 * s)) },
    Case { name: "fuzz: deep-pre-754k", page: |s| String::from_utf8_lossy(include_bytes!("../tests/fuzz/cases/deep-pre-754k.html")).repeat(s) },
    Case { name: "fuzz: deep-div-589k", page: |s| String::from_utf8_lossy(include_bytes!("../tests/fuzz/cases/deep-div-589k.html")).repeat(s) },
    Case { name: "7 MB of paragraphs (29 MB at 4×, near the 32 MiB limit)", page: |s| article(&"A sentence of a real article, long enough to be prose. ".repeat(130_000 * s)) },
    // Not hostile: a long live blog, the densest real markup, to show where the size limit
    // leaves the time bound (17 MB and about 285 000 elements at 4×).
    Case { name: "live blog of 5k posts (17 MB at 4×)", page: |s| article(&(0..5_100 * s).map(post).collect::<String>()) },
    // Every node is copied by each rung of the retry ladder, and tallied: the most nodes a page
    // within the element limit can have (an element and a text each).
    Case { name: "149k `<div><p>x</p></div>` blocks (just under the element limit)", page: |s| "<div><p>x</p></div> ".repeat(149_000 * s) },
    // Written back out, each no-break space is `&nbsp;`: the article's HTML is twice the page.
    Case { name: "2.7M `x` and no-break space in a paragraph (32 MB at 4×)", page: |s| article(&"x\u{a0}".repeat(2_700_000 * s)) },
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    // The 1× pages as files, for the WASM benchmark (tests/bench/hostile-wasm.mjs).
    if let Some(dir) = value("--pages") {
        std::fs::create_dir_all(&dir).expect("writable --pages folder");
        for (index, case) in CASES.iter().enumerate() {
            std::fs::write(format!("{dir}/{index:02}.html"), (case.page)(1)).expect("write a page");
        }
        let names: Vec<&str> = CASES.iter().map(|c| c.name).collect();
        std::fs::write(format!("{dir}/names.txt"), names.join("\n") + "\n").expect("write names.txt");
        return;
    }
    if let Some(case) = value("--case") {
        let scale = value("--scale").and_then(|s| s.parse().ok()).unwrap_or(1);
        return run_case(&CASES[case.parse::<usize>().expect("case index")], scale, args.iter().any(|a| a == "--reference"));
    }
    let mut table = String::from(
        "| case | input | Lucid 1× | Lucid 2× | Lucid 4× | peak memory, most of 1×–4× | outcome | html5ever alone 1× | ratio 1× |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    for (index, case) in CASES.iter().enumerate() {
        let runs: Vec<Run> = [1, 2, 4].iter().map(|&scale| child(index, scale, false, None)).collect();
        let reference = child(index, 1, true, Some(REFERENCE_TIMEOUT));
        let ratio = match reference.outcome.as_str() {
            "timed out" => format!(">{:.0}×", REFERENCE_TIMEOUT.as_secs_f64() * 1000.0 / runs[0].ms.max(1.0)),
            _ => format!("{:.2}×", reference.ms / runs[0].ms.max(0.001)),
        };
        let reference_time = if reference.outcome == "timed out" { format!(">{} s", REFERENCE_TIMEOUT.as_secs()) } else { ms(reference.ms) };
        table += &format!(
            "| {} | {:.1} MB | {} | {} | {} | {:.0} MB | {} | {} | {} |\n",
            case.name,
            runs[0].bytes as f64 / 1e6,
            ms(runs[0].ms),
            ms(runs[1].ms),
            ms(runs[2].ms),
            runs.iter().map(|r| r.peak_kb).max().unwrap_or(0) as f64 / 1024.0,
            runs[0].outcome,
            reference_time,
            ratio
        );
    }
    print!("{table}");
    if let Some(out) = value("--out") {
        std::fs::write(&out, format!("# Hostile pages, native (`cargo run --release --example hostile`)\n\n{table}")).expect("writable --out");
    }
}

fn ms(ms: f64) -> String {
    if ms >= 1000.0 { format!("{:.2} s", ms / 1000.0) } else { format!("{ms:.0} ms") }
}

struct Run {
    bytes: usize,
    ms: f64,
    peak_kb: u64,
    outcome: String,
}

/// Run one case in a child process; `timeout` kills it.
fn child(index: usize, scale: usize, reference: bool, timeout: Option<Duration>) -> Run {
    let mut command = Command::new(std::env::current_exe().expect("own path"));
    command.args(["--case", &index.to_string(), "--scale", &scale.to_string()]).stdout(Stdio::piped());
    if reference {
        command.arg("--reference");
    }
    let mut process = command.spawn().expect("child process");
    let started = Instant::now();
    loop {
        if process.try_wait().expect("child status").is_some() {
            break;
        }
        if timeout.is_some_and(|t| started.elapsed() > t) {
            let _ = process.kill();
            let _ = process.wait();
            return Run { bytes: 0, ms: started.elapsed().as_secs_f64() * 1000.0, peak_kb: 0, outcome: "timed out".into() };
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut out = String::new();
    process.stdout.take().expect("piped").read_to_string(&mut out).expect("child output");
    let fields: Vec<&str> = out.trim().splitn(4, '\t').collect();
    match fields.as_slice() {
        [bytes, ms, peak, outcome] => Run {
            bytes: bytes.parse().unwrap_or(0),
            ms: ms.parse().unwrap_or(0.0),
            peak_kb: peak.parse().unwrap_or(0),
            outcome: outcome.to_string(),
        },
        _ => Run { bytes: 0, ms: 0.0, peak_kb: 0, outcome: "crashed".into() },
    }
}

/// In the child: build the page, extract it (or, for the reference, parse it with html5ever's
/// driver), and print size, milliseconds, peak memory and outcome.
fn run_case(case: &Case, scale: usize, reference: bool) {
    let page = (case.page)(scale);
    let started = Instant::now();
    let outcome = if reference {
        let doc = scraper::Html::parse_document(&page);
        format!("{} nodes", doc.tree.nodes().count())
    } else {
        match lucid::extract(&page, &lucid::Options::default()) {
            Ok(Some(article)) => format!("article, {} characters", article.length),
            Ok(None) => "no article".to_string(),
            Err(error) => format!("refused: {error}"),
        }
    };
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    println!("{}\t{ms:.1}\t{}\t{}", page.len(), peak_kb(), outcome.replace('|', "\\|"));
}

fn peak_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()).unwrap_or(0)
}
