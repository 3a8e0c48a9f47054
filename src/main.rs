//! The `lucid` command line: `lucid extract` reads a page and prints its article, `lucid eval`
//! scores corpus folders. Arguments are parsed by hand to keep the binary lean.
//!
//! Exit codes: 0 an article (or a finished evaluation), 1 the page has no article, 2 unreadable
//! input or bad arguments.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use lucid::eval;
use rayon::prelude::*;

const USAGE: &str = "\
lucid: reader mode for the web: finds the article in a page and prints it clean.

Usage:
  lucid extract [FILE|-] [--url URL] [--charset LABEL] [--format json|html|text|markdown] [--trace]
  lucid extract FILE... --out-dir DIR [options as above]
      Read a saved page (FILE, or standard input with - or no FILE), decode it as a browser
      would (byte order mark, --charset, <meta charset>, else the detector, hinted by the
      --url's domain, and UTF-8) and print its article. With --out-dir, read every FILE (on
      all cores) and write each article to DIR/NAME.json (.html, .txt, .md), NAME being the
      file's name without its extension; a page without an article is named on standard error.
        --url URL      the page's address: relative links and images become absolute
        --charset L    the charset the server sent with the page (Content-Type's charset=,
                       e.g. from curl -D): wins over the page's own <meta charset>
        --trace        with json: also list what was removed, by which stage and why
        --format F     json (default): the article with its metadata
                       html: a saved copy, one self-contained reader page (no
                         script, nothing loads from the network; images stay links)
                       text: the title and the plain text
                       markdown: Markdown with YAML front matter
                     The saved formats record the time of saving: SOURCE_DATE_EPOCH
                     (seconds) fixes it for reproducible output.
  lucid eval DIR... [--json] [--timing] [--worst N]
      Score corpus folders (page folders holding source.html or source.html.gz with
      expected.json, or expected.html + expected-metadata.json). A DIR holding no page folders
      but corpora, like tests/fixtures, is read as each of them. Prints one line per page and a
      summary per corpus: mean and aggregate text F1 (4-token shingles, each CJK character a
      token, as shared/tools/score.py), word F1 (bag of words, case folded), title match,
      date found and matched (same day), author matched (a gold name inside the byline),
      readerable agreement; and the same per page type when a corpus mixes types (wcxb).
        --json         machine-readable output
        --timing       time each page's extraction (median of 5 runs, decoding excluded) and
                       report per-corpus median, p95 and total; with peak memory (VmHWM, Linux
                       only). Use a release build: cargo run --release -- eval ...
        --worst N      list only the N worst pages of each corpus
      Pages run on all cores (RAYON_NUM_THREADS=1 for one), with a progress bar when standard
      error is a terminal.
  lucid --help | --version

Exit status: 0 an article, 1 no article on the page (prints null), 2 unreadable input or bad
arguments.";

/// Runs of each page's extraction when timing; the median is kept.
const TIMING_RUNS: usize = 5;

/// A failure that ends the command: exit status and the one-line message for standard error.
struct Failure {
    code: u8,
    message: String,
}

fn usage_error(message: impl Into<String>) -> Failure {
    Failure {
        code: 2,
        message: format!("{}\nRun `lucid --help` for usage.", message.into()),
    }
}

fn unreadable(message: impl std::fmt::Display) -> Failure {
    Failure {
        code: 2,
        message: message.to_string(),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") => parse_extract(&args[1..]).and_then(|cmd| run_extract(&cmd)),
        Some("eval") => parse_eval(&args[1..]).and_then(|cmd| run_eval(&cmd)),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some("-V" | "--version") => {
            println!("lucid {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some(other) => Err(usage_error(format!("unknown command `{other}`"))),
        None => Err(usage_error("no command given")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("lucid: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Html,
    Text,
    Markdown,
}

struct ExtractCommand {
    /// The pages to read; none (or `-`) reads standard input.
    files: Vec<PathBuf>,
    /// Where each article goes when there are several files.
    out_dir: Option<PathBuf>,
    url: Option<String>,
    /// The transport's charset label, known to the Encoding Standard.
    charset: Option<String>,
    format: Format,
    trace: bool,
}

/// The value of an option given as `--name value` or `--name=value`.
fn option_value<'a>(
    arg: &'a str,
    name: &str,
    rest: &mut impl Iterator<Item = &'a String>,
) -> Result<Option<&'a str>, Failure> {
    if arg == name {
        return rest
            .next()
            .map(|v| Some(v.as_str()))
            .ok_or_else(|| usage_error(format!("{name} needs a value")));
    }
    Ok(arg.strip_prefix(name).and_then(|v| v.strip_prefix('=')))
}

fn parse_extract(args: &[String]) -> Result<ExtractCommand, Failure> {
    let mut command = ExtractCommand {
        files: Vec::new(),
        out_dir: None,
        url: None,
        charset: None,
        format: Format::Json,
        trace: false,
    };
    let mut stdin = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(url) = option_value(arg, "--url", &mut rest)? {
            command.url = Some(url.to_string());
        } else if let Some(label) = option_value(arg, "--charset", &mut rest)? {
            // Browsers ignore a header's unknown label; a label typed by hand is more likely a typo.
            if lucid::charset_for_label(label).is_none() {
                return Err(usage_error(format!(
                    "unknown charset `{label}` (a label of the Encoding Standard, such as utf-8, gbk, big5, shift_jis, euc-kr, windows-1251)"
                )));
            }
            command.charset = Some(label.to_string());
        } else if let Some(dir) = option_value(arg, "--out-dir", &mut rest)? {
            command.out_dir = Some(PathBuf::from(dir));
        } else if arg == "--trace" {
            command.trace = true;
        } else if let Some(format) = option_value(arg, "--format", &mut rest)? {
            command.format = match format {
                "json" => Format::Json,
                "html" => Format::Html,
                "text" => Format::Text,
                "markdown" => Format::Markdown,
                other => {
                    return Err(usage_error(format!(
                        "unknown format `{other}` (json, html, text, markdown)"
                    )));
                }
            };
        } else if arg.starts_with('-') && arg != "-" {
            return Err(usage_error(format!("unknown option `{arg}` for extract")));
        } else if arg == "-" {
            stdin = true;
        } else {
            command.files.push(PathBuf::from(arg));
        }
    }
    if stdin && !command.files.is_empty() {
        return Err(usage_error("extract reads standard input (-) or files, not both"));
    }
    match (&command.out_dir, command.files.len()) {
        (None, n) if n > 1 => Err(usage_error("several files need --out-dir DIR")),
        (Some(_), 0) => Err(usage_error("--out-dir needs the files to read")),
        _ => Ok(command),
    }
}

/// Read at most `limit` bytes; more is [`lucid::Error::TooLarge`], found without reading it all.
fn read_input(file: Option<&Path>, limit: usize) -> Result<Vec<u8>, Failure> {
    let too_large = |size: usize| unreadable(lucid::Error::TooLarge { size, limit });
    let mut bytes = Vec::new();
    match file {
        Some(path) => {
            let cannot =
                |e: std::io::Error| unreadable(format!("cannot read {}: {e}", path.display()));
            let file = std::fs::File::open(path).map_err(cannot)?;
            let size = file.metadata().map_err(cannot)?.len();
            if size > limit as u64 {
                return Err(too_large(usize::try_from(size).unwrap_or(usize::MAX)));
            }
            file.take(limit as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(cannot)?;
        }
        None => {
            std::io::stdin()
                .take(limit as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| unreadable(format!("cannot read standard input: {e}")))?;
        }
    }
    if bytes.len() > limit {
        return Err(too_large(bytes.len()));
    }
    Ok(bytes)
}

fn run_extract(command: &ExtractCommand) -> Result<(), Failure> {
    let Some(dir) = &command.out_dir else {
        let Some(output) = article_output(command.files.first().map(PathBuf::as_path), command)? else {
            println!("null");
            return Err(no_article());
        };
        return print_out(&output);
    };
    let targets = out_paths(command, dir)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| unreadable(format!("cannot create {}: {e}", dir.display())))?;
    // Each page on its own; a page that fails is named and the others go on.
    let failures: Vec<Failure> = targets
        .par_iter()
        .filter_map(|(file, target)| {
            let written = article_output(Some(file), command).and_then(|output| {
                let output = output.ok_or_else(no_article)?;
                std::fs::write(target, output)
                    .map_err(|e| unreadable(format!("cannot write {}: {e}", target.display())))
            });
            written
                .err()
                .map(|f| Failure { message: format!("{}: {}", file.display(), f.message), ..f })
        })
        .collect();
    for failure in &failures {
        eprintln!("lucid: {}", failure.message);
    }
    // Unreadable input outranks a page without an article.
    match failures.iter().map(|f| f.code).max() {
        None => Ok(()),
        Some(code) => Err(Failure {
            code,
            message: format!("{} of {} pages gave no article", failures.len(), targets.len()),
        }),
    }
}

fn no_article() -> Failure {
    Failure {
        code: 1,
        message: "no article found on this page".to_string(),
    }
}

/// Each file with the path its article is written to, in `dir`; two files of one name would
/// overwrite each other, so that is refused before any is read.
fn out_paths(command: &ExtractCommand, dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, Failure> {
    let extension = match command.format {
        Format::Json => "json",
        Format::Html => "html",
        Format::Text => "txt",
        Format::Markdown => "md",
    };
    let mut targets: Vec<(PathBuf, PathBuf)> = Vec::new();
    for file in &command.files {
        let name = file.file_stem().ok_or_else(|| usage_error(format!("`{}` names no file", file.display())))?;
        let target = dir.join(name).with_extension(extension);
        if let Some((other, _)) = targets.iter().find(|(_, t)| *t == target) {
            return Err(usage_error(format!(
                "{} and {} would both be written to {}",
                other.display(),
                file.display(),
                target.display()
            )));
        }
        targets.push((file.clone(), target));
    }
    Ok(targets)
}

/// The article of one page (`None`: standard input) in the command's format, or `None` when the
/// page has none.
fn article_output(file: Option<&Path>, command: &ExtractCommand) -> Result<Option<String>, Failure> {
    let options = lucid::Options {
        url: command.url.clone(),
        trace: command.trace,
        ..lucid::Options::default()
    };
    let bytes = read_input(file, options.max_bytes)?;
    let transport = lucid::Transport { charset: command.charset.as_deref(), url: command.url.as_deref() };
    let html = lucid::decode(&bytes, transport).map_err(unreadable)?;
    let Some(article) = lucid::extract(&html, &options).map_err(unreadable)? else {
        return Ok(None);
    };
    let output = match command.format {
        Format::Json => serde_json::to_string_pretty(&article).map_err(unreadable)?,
        Format::Html => {
            let options = lucid::html_copy::PageOptions {
                info: save_info(command.url.as_deref()),
                ..Default::default()
            };
            lucid::html_copy::standalone_html(&article, &options)
        }
        Format::Markdown => {
            lucid::markdown::to_markdown(&article, &save_info(command.url.as_deref()))
        }
        Format::Text => format!("{}\n\n{}", article.title, article.text_content.trim_end()),
    };
    Ok(Some(output))
}

/// Print `text` and end its line, treating a closed pipe (`lucid extract page.html | head`) as the reader being done.
fn print_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    let newline = if text.ends_with('\n') { "" } else { "\n" };
    match write!(out, "{text}{newline}").and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(unreadable(format!("cannot write: {e}")))
        }
        _ => Ok(()),
    }
}

/// Where and when this copy is made, for the saved formats' front matter and footer.
fn save_info(url: Option<&str>) -> lucid::save::SaveInfo {
    lucid::save::SaveInfo::at_unix_time(url, now_seconds())
}

/// Seconds since the Unix epoch: `SOURCE_DATE_EPOCH` when set (reproducible output, the usual
/// convention of build tools), else the clock.
fn now_seconds() -> i64 {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        })
}

struct EvalCommand {
    dirs: Vec<PathBuf>,
    json: bool,
    timing: bool,
    worst: Option<usize>,
}

fn parse_eval(args: &[String]) -> Result<EvalCommand, Failure> {
    let mut command = EvalCommand {
        dirs: Vec::new(),
        json: false,
        timing: false,
        worst: None,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if let Some(n) = option_value(arg, "--worst", &mut rest)? {
            let n = n
                .parse()
                .map_err(|_| usage_error(format!("--worst needs a number, not `{n}`")))?;
            command.worst = Some(n);
        } else if arg == "--json" {
            command.json = true;
        } else if arg == "--timing" {
            command.timing = true;
        } else if arg.starts_with('-') {
            return Err(usage_error(format!("unknown option `{arg}` for eval")));
        } else {
            command.dirs.push(PathBuf::from(arg));
        }
    }
    if command.dirs.is_empty() {
        return Err(usage_error("eval needs at least one corpus folder"));
    }
    Ok(command)
}

/// One corpus's report as `--json` prints it.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct CorpusReport {
    name: String,
    dir: String,
    /// Peak resident memory while extracting this corpus, in KiB, and how much of it the
    /// extraction added on top of the loaded corpus (Linux only).
    peak_memory_kib: Option<u64>,
    extraction_memory_kib: Option<u64>,
    #[serde(flatten)]
    report: eval::Report,
}

fn run_eval(command: &EvalCommand) -> Result<(), Failure> {
    let mut corpora = Vec::new();
    for dir in &command.dirs {
        corpora.extend(eval::find_corpora(dir).map_err(unreadable)?);
    }
    let options = eval::Options {
        timing_runs: if command.timing { TIMING_RUNS } else { 0 },
        progress: std::io::stderr().is_terminal().then_some(progress_bar as fn(usize, usize)),
        ..eval::Options::default()
    };
    let mut reports = Vec::new();
    for dir in corpora {
        let pages = eval::load_corpus(&dir).map_err(unreadable)?;
        // Reset the peak so it measures this corpus's extraction, not the loading before it.
        let baseline = memory::reset_peak();
        let report = eval::evaluate(&pages, &options);
        let peak = memory::peak_kib();
        let name = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let corpus = CorpusReport {
            name,
            dir: dir.display().to_string(),
            peak_memory_kib: peak,
            extraction_memory_kib: baseline
                .zip(peak)
                .map(|(base, peak)| peak.saturating_sub(base)),
            report,
        };
        if !command.json {
            print_out(&human_report(&corpus, command))?;
        }
        reports.push(corpus);
    }
    if command.json {
        let json = serde_json::json!({ "corpora": reports });
        print_out(&serde_json::to_string_pretty(&json).map_err(unreadable)?)?;
    }
    Ok(())
}

/// A bar on standard error, redrawn in place after each page and wiped when the corpus is done.
fn progress_bar(done: usize, total: usize) {
    const WIDTH: usize = 30;
    let filled = WIDTH * done / total.max(1);
    if done >= total {
        eprint!("\r\x1b[K");
    } else {
        eprint!("\r[{}{}] {done}/{total} pages", "#".repeat(filled), ".".repeat(WIDTH - filled));
    }
}

fn human_report(corpus: &CorpusReport, command: &EvalCommand) -> String {
    let mut rows: Vec<&eval::Row> = corpus.report.pages.iter().collect();
    if let Some(n) = command.worst {
        rows.sort_by(|a, b| a.f1.total_cmp(&b.f1));
        rows.truncate(n);
    }
    let mut out: String = rows.into_iter().map(page_line).collect();
    out.push_str(&summary_line(&corpus.name, &corpus.report.summary));
    for (page_type, summary) in &corpus.report.by_type {
        out.push('\n');
        out.push_str(&summary_line(&format!("{}/{page_type}", corpus.name), summary));
    }
    if let Some(timing) = timing_line(corpus) {
        out.push('\n');
        out.push_str(&timing);
    }
    out
}

/// One page: F1, title and date verdicts, what went wrong, its time.
fn page_line(row: &eval::Row) -> String {
    let title = match row.title_match {
        Some(true) => "ok",
        Some(false) => "WRONG",
        None => "-",
    };
    let date = match (row.date_match, row.date_found) {
        (Some(true), _) => "ok",
        (Some(false), true) => "WRONG",
        (Some(false), false) => "missing",
        (None, _) => "-",
    };
    let author = match row.author_match {
        Some(true) => "ok",
        Some(false) => "WRONG",
        None => "-",
    };
    let outcome = match (&row.error, row.no_article) {
        (Some(e), _) => format!("  ERROR: {e}"),
        (None, true) => "  NO ARTICLE".to_string(),
        _ => String::new(),
    };
    let time = row.time_ms.map(|t| format!("  {t:.2} ms")).unwrap_or_default();
    format!(
        "  F1 {:.3}  title {title:<5}  date {date:<7}  author {author:<5}  {}{outcome}{time}\n",
        row.f1, row.id
    )
}

fn summary_line(name: &str, s: &eval::Summary) -> String {
    let pct = |v: Option<f64>| v.map_or_else(|| "n/a".to_string(), |v| format!("{:.1}%", v * 100.0));
    format!(
        "{}: pages {}  mean F1 {:.3}  aggregate F1 {:.3} (P {:.3} R {:.3})  word F1 {:.3}  title {}  \
         date found {}  date match {}  author {}  readerable {}  no article {}  errors {}",
        name,
        s.pages,
        s.mean_f1,
        s.aggregate_f1,
        s.aggregate_precision,
        s.aggregate_recall,
        s.mean_word_f1,
        pct(s.title_match),
        pct(s.date_found),
        pct(s.date_match),
        pct(s.author_match),
        pct(s.readerable_agreement),
        s.no_article,
        s.errors,
    )
}

fn timing_line(corpus: &CorpusReport) -> Option<String> {
    let t = corpus.report.summary.timing.as_ref()?;
    let mut out = format!(
        "{}: timing (median of {TIMING_RUNS} runs per page) median {:.2} ms  p95 {:.2} ms  max {:.2} ms  total {:.0} ms",
        corpus.name, t.median_ms, t.p95_ms, t.max_ms, t.total_ms
    );
    if let (Some(peak), Some(extra)) = (corpus.peak_memory_kib, corpus.extraction_memory_kib) {
        out.push_str(&format!(
            "  peak memory {:.1} MiB ({:.1} MiB above the loaded corpus)",
            peak as f64 / 1024.0,
            extra as f64 / 1024.0
        ));
    }
    Some(out)
}

/// Peak resident memory from `/proc/self/status` (Linux only; elsewhere `None`).
mod memory {
    fn status_kib(field: &str) -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with(field))?;
        line[field.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    }

    /// Reset the kernel's peak (`VmHWM`) to the current resident size, and return that size.
    /// Returns `None` when the kernel does not allow the reset, so no delta is reported.
    pub fn reset_peak() -> Option<u64> {
        std::fs::write("/proc/self/clear_refs", "5").ok()?;
        status_kib("VmRSS:")
    }

    /// Peak resident memory since start or the last reset.
    pub fn peak_kib() -> Option<u64> {
        status_kib("VmHWM:")
    }
}
