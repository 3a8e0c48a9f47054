//! Translation hooks: split/merge round trips on every fixture page, link survival, bilingual
//! structure, hostile translations, robustness.

use std::path::Path;

use lucid::segments::{merge, split, MergeOptions, Merger, Mode, Segmented, Translation};
use scraper::Html;

mod common;

use common::{load, name, pages as fixtures};

fn content_of(page: &Path) -> Option<String> {
    common::article(&load(page)).map(|a| a.content)
}

/// Parse as a fragment and serialize again. The content is serialized by the sanitizer
/// (ammonia keeps attributes in source order), merge's output by scraper (which keeps them
/// sorted by name). Passing both through the same parse and serialize makes attribute order
/// the same; elements, their nesting, attribute values and text are compared as they are.
fn normalize(html: &str) -> String {
    Html::parse_fragment(html).root_element().inner_html()
}

fn first_difference(a: &str, b: &str) -> String {
    let at = a.bytes().zip(b.bytes()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let around = |s: &str| {
        let start = s.floor_char_boundary(at.saturating_sub(60));
        let end = s.ceil_char_boundary((at + 60).min(s.len()));
        s[start..end].to_string()
    };
    format!("byte {at}: expected …{}… got …{}…", around(a), around(b))
}

fn identity(segmented: &Segmented) -> Vec<Translation> {
    segmented.segments.iter().map(|s| Translation { id: s.id.clone(), html: s.html.clone() }).collect()
}

/// Split and merge every page of a corpus with an identity translation; the merged content must
/// be the extracted content. Every failing page is named with its first difference.
fn round_trip(corpus: &str) {
    let mut failures = Vec::new();
    let (mut pages, mut segments) = (0, 0);
    for page in fixtures(corpus) {
        let Some(content) = content_of(&page) else { continue };
        pages += 1;
        let segmented = split(&content);
        segments += segmented.segments.len();
        for s in &segmented.segments {
            if !s.text.chars().any(char::is_alphabetic) {
                failures.push(format!("{}: segment {} has no letters: {:?}", name(&page), s.id, s.html));
            }
        }
        let merged = merge(&segmented, &identity(&segmented), &MergeOptions::default());
        let (want, got) = (normalize(&content), normalize(&merged));
        if want != got {
            failures.push(format!("{}: {}", name(&page), first_difference(&want, &got)));
        }
        // No translation at all must give the same article too: failure is never data loss.
        let untouched = merge(&segmented, &[], &MergeOptions { mode: Mode::Bilingual, lang: Some("en".into()) });
        if normalize(&untouched) != want {
            failures.push(format!("{} (no translations): {}", name(&page), first_difference(&want, &normalize(&untouched))));
        }
    }
    eprintln!("{corpus}: {pages} articles, {segments} segments");
    assert!(pages > 0 && segments > 0, "{corpus}: nothing was split ({pages} articles)");
    assert!(failures.is_empty(), "{corpus}: {} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn round_trip_readability() {
    round_trip("readability");
}

#[test]
fn round_trip_netease() {
    round_trip("netease");
}

#[test]
fn round_trip_seed() {
    round_trip("seed");
}

#[test]
fn round_trip_wcxb() {
    round_trip("wcxb");
}

fn texts_of(html: &str, selector: &str) -> Vec<String> {
    let selector = scraper::Selector::parse(selector).unwrap();
    Html::parse_fragment(html)
        .select(&selector)
        .map(|e| lucid::text::normalize_space(&e.text().collect::<String>()))
        .collect()
}

#[test]
fn seed_page_paragraphs_are_segments_in_order() {
    let page = fixtures("seed").remove(0);
    let content = content_of(&page).expect("the seed page has an article");
    let segmented = split(&content);
    let paragraphs: Vec<String> = load(&page).expected["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| lucid::text::normalize_space(p.as_str().unwrap()))
        .collect();
    assert_eq!(paragraphs.len(), 14);
    let marked = Html::parse_fragment(&segmented.template);
    let selector = scraper::Selector::parse("p[data-lucid-seg]").unwrap();
    let ids: Vec<&str> = marked.select(&selector).filter_map(|p| p.attr("data-lucid-seg")).collect();
    let texts: Vec<&str> = ids
        .iter()
        .filter_map(|id| segmented.segments.iter().find(|s| s.id == *id))
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(texts, paragraphs);
}

/// A fake provider: upper-cases text, keeps every tag and entity as it is.
fn shout(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut verbatim: Option<char> = None;
    for c in html.chars() {
        match (verbatim, c) {
            (None, '<') => verbatim = Some('>'),
            (None, '&') => verbatim = Some(';'),
            (Some(end), c) if c == end => verbatim = None,
            _ => {}
        }
        out.extend(if verbatim.is_some() || c == '>' || c == ';' { vec![c] } else { c.to_uppercase().collect() });
    }
    out
}

fn shouted(segmented: &Segmented) -> Vec<Translation> {
    segmented.segments.iter().map(|s| Translation { id: s.id.clone(), html: shout(&s.html) }).collect()
}

fn hrefs(html: &str) -> Vec<String> {
    let selector = scraper::Selector::parse("a[href]").unwrap();
    let mut all: Vec<String> =
        Html::parse_fragment(html).select(&selector).filter_map(|a| a.attr("href").map(str::to_string)).collect();
    all.sort();
    all
}

#[test]
fn links_survive_translation_in_both_modes() {
    let mut checked = 0;
    for page in fixtures("readability") {
        let Some(content) = content_of(&page) else { continue };
        let original = hrefs(&content);
        if original.is_empty() {
            continue;
        }
        checked += 1;
        let segmented = split(&content);
        let translations = shouted(&segmented);
        let replaced = merge(&segmented, &translations, &MergeOptions::default());
        assert_eq!(hrefs(&replaced), original, "{}: replace mode changed the links", name(&page));

        let bilingual = merge(&segmented, &translations, &MergeOptions { mode: Mode::Bilingual, lang: Some("en".into()) });
        let mut in_originals = hrefs(&bilingual);
        let copies = texts_of(&bilingual, ".lucid-translation a[href]").len();
        assert_eq!(in_originals.len(), original.len() + copies, "{}", name(&page));
        in_originals.dedup();
        assert!(in_originals.iter().all(|h| original.contains(h)), "{}: a link appeared", name(&page));
        // Every link inside a segment is in its translation too.
        let segment_links: usize = segmented.segments.iter().map(|s| hrefs(&s.html).len()).sum();
        assert_eq!(copies, segment_links, "{}", name(&page));
    }
    assert!(checked > 10, "only {checked} pages with links");
}

fn tagged(segmented: &Segmented) -> Vec<Translation> {
    segmented.segments.iter().map(|s| Translation { id: s.id.clone(), html: format!("[fr] {}", s.html) }).collect()
}

#[test]
fn bilingual_structure() {
    let content = concat!(
        r#"<h2 id="top">Title</h2><p>Para <a href="http://x.example/" rel="noopener noreferrer">link</a></p>"#,
        "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>",
        "<table><tbody><tr><th>Head</th><td>Cell</td></tr></tbody></table>",
        "<div>loose<p>inner</p></div>",
    );
    let segmented = split(content);
    let texts: Vec<&str> = segmented.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["Title", "Para link", "one", "two", "nested", "Head", "Cell", "loose", "inner"]);
    let options = MergeOptions { mode: Mode::Bilingual, lang: Some("fr".into()) };
    let merged = merge(&segmented, &tagged(&segmented), &options);
    let expected = concat!(
        r#"<h2 id="top">Title</h2><h2 class="lucid-translation" lang="fr">[fr] Title</h2>"#,
        r#"<p>Para <a href="http://x.example/" rel="noopener noreferrer">link</a></p>"#,
        r#"<p class="lucid-translation" lang="fr">[fr] Para <a href="http://x.example/" rel="noopener noreferrer">link</a></p>"#,
        r#"<ul><li>one<div class="lucid-translation" lang="fr">[fr] one</div></li>"#,
        r#"<li>two<div class="lucid-translation" lang="fr">[fr] two</div>"#,
        r#"<ul><li>nested<div class="lucid-translation" lang="fr">[fr] nested</div></li></ul></li></ul>"#,
        r#"<table><tbody><tr><th>Head<div class="lucid-translation" lang="fr">[fr] Head</div></th>"#,
        r#"<td>Cell<div class="lucid-translation" lang="fr">[fr] Cell</div></td></tr></tbody></table>"#,
        r#"<div>loose<div class="lucid-translation" lang="fr">[fr] loose</div>"#,
        r#"<p>inner</p><p class="lucid-translation" lang="fr">[fr] inner</p></div>"#,
    );
    assert_eq!(normalize(&merged), normalize(expected));

    let replaced = merge(&segmented, &tagged(&segmented), &MergeOptions { mode: Mode::Replace, lang: Some("fr".into()) });
    let expected = concat!(
        r#"<h2 id="top" lang="fr">[fr] Title</h2>"#,
        r#"<p lang="fr">[fr] Para <a href="http://x.example/" rel="noopener noreferrer">link</a></p>"#,
        r#"<ul><li lang="fr">[fr] one</li><li><span lang="fr">[fr] two</span><ul><li lang="fr">[fr] nested</li></ul></li></ul>"#,
        r#"<table><tbody><tr><th lang="fr">[fr] Head</th><td lang="fr">[fr] Cell</td></tr></tbody></table>"#,
        r#"<div><span lang="fr">[fr] loose</span><p lang="fr">[fr] inner</p></div>"#,
    );
    assert_eq!(normalize(&replaced), normalize(expected));
}

#[test]
fn what_is_not_a_segment() {
    let content = concat!(
        "<pre><code>let x = 1;</code></pre><p><code>x += 1</code></p><p>42, 7.5 %</p><p> \u{3000} </p>",
        "<figure><img src=\"a.png\"><figcaption>图一 说明</figcaption></figure>",
        "<blockquote><p>Quoted one</p><p>Quoted two</p></blockquote><blockquote>Short quote</blockquote>",
        "<dl><dt>Term</dt><dd>Meaning</dd></dl><details><summary>More</summary>Hidden text</details>",
    );
    let texts: Vec<String> = split(content).segments.into_iter().map(|s| s.text).collect();
    assert_eq!(texts, ["图一 说明", "Quoted one", "Quoted two", "Short quote", "Term", "Meaning", "More", "Hidden text"]);
}

#[test]
fn ids_are_stable_and_html_keeps_inline_markup() {
    let content = r#"<p>An <em>emphatic</em> <a href="/x">link</a><sup id="r1">1</sup>, <code>code</code><br>next line</p>"#;
    let a = split(content);
    assert_eq!(a, split(content));
    assert_eq!(a.segments.len(), 1);
    let s = &a.segments[0];
    assert_eq!(s.id, "s0");
    assert_eq!(s.html, r#"An <em>emphatic</em> <a href="/x">link</a><sup id="r1">1</sup>, <code>code</code><br>next line"#);
    assert_eq!(s.text, "An emphatic link1, code\nnext line");
    assert_eq!(a.template, r#"<p data-lucid-seg="s0"></p>"#);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["segments"][0]["id"], "s0");
    assert!(json["template"].is_string());
    let options: MergeOptions = serde_json::from_str(r#"{"mode":"bilingual","lang":"de"}"#).unwrap();
    assert_eq!(options.mode, Mode::Bilingual);
    assert_eq!(serde_json::from_str::<MergeOptions>("{}").unwrap(), MergeOptions::default());
}

#[test]
fn hostile_translations_are_neutralized() {
    let content = r#"<p>Read <a href="https://ok.example/a" rel="noopener noreferrer">this</a> and <sup id="fn1">1</sup></p><li>item</li>"#;
    let segmented = split(content);
    let hostile = [
        r#"<img src=x onerror=alert(1)>Lisez"#,
        "<script>alert(1)</script>Lisez",
        r#"<a href="javascript:alert(1)">ceci</a>"#,
        r#"<a href="https://evil.example/">ceci</a> <img src="https://evil.example/pixel.gif">"#,
        r#"<p onclick="x()">bloc</p><div>bloc</div><iframe src="https://www.youtube.com/embed/x"></iframe>"#,
        r#"<svg onload="alert(1)"><a xlink:href="javascript:alert(1)">x</a></svg><style>*{}</style>"#,
        r#"<a href="https://ok.example/a"><a href="https://ok.example/a">double</a></a><sup id="evil">2</sup>"#,
        r#"<span style="background:url(https://evil.example/)" class="x" data-x="1">s</span>"#,
        r#"</p><p>escape</p><p>"#,
        "<!-- comment --><![CDATA[x]]>",
        r#"<form action="https://evil.example/"><input name="q"></form>"#,
    ];
    for mode in [Mode::Replace, Mode::Bilingual] {
        for payload in hostile {
            let translations: Vec<Translation> =
                segmented.segments.iter().map(|s| Translation { id: s.id.clone(), html: payload.to_string() }).collect();
            let out = merge(&segmented, &translations, &MergeOptions { mode, lang: Some("fr".into()) });
            let lower = out.to_ascii_lowercase();
            for bad in [
                "<script", "onerror", "onload", "onclick", "javascript:", "evil.example", "<img", "<iframe", "<svg",
                "<style", "style=", "data-x", "<!--", "<form", "<input", "id=\"evil\"", "data-lucid-seg", "lucid-seg>",
            ] {
                assert!(!lower.contains(bad), "{mode:?} {payload}: {bad} survived in {out}");
            }
            // Translations add no blocks: the paragraph count is the original's (plus copies).
            let copies = if mode == Mode::Bilingual { 1 } else { 0 };
            assert_eq!(texts_of(&out, "p").len(), 1 + copies, "{mode:?} {payload}: {out}");
        }
    }
}

#[test]
fn links_the_segment_had_are_kept_wherever_the_translation_moves_them() {
    let segmented = split(r#"<p>See <a href="/a">A</a> and <a href="/b">B</a>.</p>"#);
    let translations = [Translation { id: "s0".into(), html: r#"<a href="/b">B</a> et <a href="/a">A</a> voir."#.into() }];
    let out = merge(&segmented, &translations, &MergeOptions::default());
    assert_eq!(normalize(&out), normalize(r#"<p><a href="/b" rel="noopener noreferrer">B</a> et <a href="/a" rel="noopener noreferrer">A</a> voir.</p>"#));
}

#[test]
fn missing_unknown_duplicate_and_empty_translations() {
    let content = "<p>one</p><p>two</p><p>three</p>";
    let segmented = split(content);
    let translations = [
        Translation { id: "s0".into(), html: "un".into() },
        Translation { id: "s0".into(), html: "uno".into() },
        Translation { id: "s1".into(), html: "  ".into() },
        Translation { id: "s99".into(), html: "nope".into() },
        Translation { id: String::new(), html: String::new() },
    ];
    let replaced = merge(&segmented, &translations, &MergeOptions::default());
    assert_eq!(replaced, "<p>un</p><p>two</p><p>three</p>");
    let bilingual = merge(&segmented, &translations, &MergeOptions { mode: Mode::Bilingual, lang: None });
    assert_eq!(bilingual, r#"<p>one</p><p class="lucid-translation">un</p><p>two</p><p>three</p>"#);
}

#[test]
fn degenerate_inputs() {
    for content in ["", "   ", "<p></p>", "plain text only", "<br><hr>", "<table><tr><td>1</td></tr></table>", "<p>a</p", "<<<>>>&&&"] {
        let segmented = split(content);
        let merged = merge(&segmented, &identity(&segmented), &MergeOptions::default());
        assert_eq!(normalize(&merged), normalize(content), "{content:?}");
        let nothing = merge(&segmented, &[], &MergeOptions { mode: Mode::Bilingual, lang: Some("x".into()) });
        assert_eq!(normalize(&nothing), normalize(content), "{content:?}");
    }
    assert_eq!(split("plain text only").segments.len(), 1);
    // A template someone tampered with: unknown marker ids, markers in the content itself.
    let tampered = Segmented { segments: vec![], template: r#"<p data-lucid-seg="s7">x</p><lucid-seg data-lucid-seg="s8"></lucid-seg>"#.into() };
    assert_eq!(merge(&tampered, &[], &MergeOptions::default()), "<p>x</p>");
    let originals = vec![lucid::segments::Segment { id: "s0".into(), html: "<b>x".into(), text: "x".into() }];
    for template in [
        r#"<html data-lucid-seg="s0"><p>a</p>"#,
        r#"<lucid-seg data-lucid-seg="s0"><lucid-seg data-lucid-seg="s0"></lucid-seg></lucid-seg>"#,
        r#"<table data-lucid-seg="s0"><tr data-lucid-seg="s0"><td data-lucid-seg="s0"></td></tr></table>"#,
        r#"<a href="/x"><p data-lucid-seg="s0"></p></a>"#,
    ] {
        let tampered = Segmented { segments: originals.clone(), template: template.into() };
        let translations = [Translation { id: "s0".into(), html: r#"<a href="/y">y</a><p>z"#.into() }];
        for mode in [Mode::Replace, Mode::Bilingual] {
            let out = merge(&tampered, &translations, &MergeOptions { mode, lang: Some("en".into()) });
            assert!(!out.contains("/y") && !out.contains(r#"seg"#), "{template}: {out}");
        }
    }
    let pre_marked = split(r#"<p data-lucid-seg="s5">text</p>"#);
    assert_eq!(pre_marked.template, r#"<p data-lucid-seg="s0"></p>"#);
}

/// 100 000 nested elements on a thread with a 256 KiB stack: every walk is iterative. Spans,
/// because html5ever's parser is quadratic in the depth of nested blocks (each `<div>` start tag
/// scans the open elements for a `<p>`); blocks get a shallower case that still holds a `p`.
#[test]
fn deep_nesting_on_a_small_stack() {
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let deep = |open: &str, close: &str, depth: usize, inner: &str| {
                format!("{}{inner}{}", open.repeat(depth), close.repeat(depth))
            };
            for content in [
                deep("<span>", "</span>", 100_000, "<p>deep text</p>tail"),
                deep("<div>", "</div>", 5_000, "<p>deep text</p>tail"),
                format!("<p>deep text {}</p>", deep("<span>", "</span>", 100_000, "inner")),
            ] {
                let segmented = split(&content);
                assert!(segmented.segments.iter().any(|s| s.text.starts_with("deep text")), "{}", &content[..40]);
                let translations: Vec<Translation> =
                    segmented.segments.iter().map(|s| Translation { id: s.id.clone(), html: format!("<b>{}</b>", s.text) }).collect();
                let merged = merge(&segmented, &translations, &MergeOptions { mode: Mode::Bilingual, lang: Some("en".into()) });
                assert!(merged.contains("<b>deep text"), "{}", &content[..40]);
                let same = merge(&segmented, &identity(&segmented), &MergeOptions::default());
                assert_eq!(same.len(), normalize(&content).len());
            }
            let segmented = split("<p>word</p>");
            let translation = Translation { id: "s0".into(), html: deep("<span>", "</span>", 100_000, "x") };
            let merged = merge(&segmented, &[translation], &MergeOptions::default());
            assert!(merged.contains('x'));
        })
        .unwrap();
    handle.join().expect("no stack overflow");
}

/// Numbers for the report: segments per page, how many round trips are byte-identical without
/// normalizing, and split/merge time on the largest article. Run with
/// `cargo test --profile bench --test segment measure -- --ignored --nocapture` (the bench profile
/// is release with unwinding, which tests need).
#[test]
#[ignore = "measurement; run with --profile bench"]
fn measure() {
    let mut largest = String::new();
    for corpus in ["readability", "netease", "seed", "wcxb"] {
        let (mut counts, mut exact) = (Vec::new(), 0);
        for page in fixtures(corpus) {
            let Some(content) = content_of(&page) else { continue };
            let segmented = split(&content);
            counts.push(segmented.segments.len());
            exact += usize::from(merge(&segmented, &identity(&segmented), &MergeOptions::default()) == content);
            if content.len() > largest.len() {
                largest = content;
            }
        }
        counts.sort();
        let median = counts.get(counts.len() / 2).copied().unwrap_or(0);
        let (min, max) = (counts.first().copied().unwrap_or(0), counts.last().copied().unwrap_or(0));
        eprintln!("{corpus}: {} articles, segments min {min} median {median} max {max}, byte-identical {exact}", counts.len());
    }
    let runs = 20;
    let start = std::time::Instant::now();
    let mut segmented = Segmented::default();
    for _ in 0..runs {
        segmented = split(&largest);
    }
    let split_ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
    let translations = shouted(&segmented);
    let half = &translations[..translations.len() / 2];
    for (label, translations, mode) in [
        ("replace, all", &translations[..], Mode::Replace),
        ("replace, half", half, Mode::Replace),
        ("bilingual, all", &translations[..], Mode::Bilingual),
    ] {
        let start = std::time::Instant::now();
        for _ in 0..runs {
            merge(&segmented, translations, &MergeOptions { mode, lang: Some("en".into()) });
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0 / runs as f64;
        eprintln!("largest article: {} bytes, {} segments; split {split_ms:.2} ms; merge ({label}) {ms:.2} ms", largest.len(), segmented.segments.len());
    }
}

/// Batches merged one at a time show, after each batch, what one merge of everything so far
/// shows: on every seed and wcxb fixture, in both modes, with the batch size the shell uses.
#[test]
fn batches_merged_one_at_a_time_match_one_merge() {
    for corpus in ["seed", "wcxb"] {
        for page in fixtures(corpus) {
            let Some(content) = content_of(&page) else { continue };
            let segmented = split(&content);
            let translations = shouted(&segmented);
            for mode in [Mode::Replace, Mode::Bilingual] {
                let options = MergeOptions { mode, lang: Some("en".into()) };
                let mut merger = Merger::new(&segmented, options.clone());
                for (i, batch) in translations.chunks(6).enumerate() {
                    merger.add(batch);
                    let so_far = &translations[..(i * 6 + batch.len())];
                    assert_eq!(merger.html(), merge(&segmented, so_far, &options), "{} {mode:?} batch {i}", name(&page));
                }
                // A batch again, or an id already shown, changes nothing.
                merger.add(&translations[..translations.len().min(3)]);
                assert_eq!(merger.html(), merge(&segmented, &translations, &options), "{} {mode:?}", name(&page));
            }
        }
    }
}
