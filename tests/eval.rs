//! `lucid::eval`: the text F1 must give score.py's numbers, and corpus folders of every layout
//! must load. Expected values were computed with `shared/tools/score.py` (`page`, `prec`, `rec`,
//! `score` with the CJK metric) and are pinned here so the tests need no Python.

mod common;


use lucid::eval::{self, Counts, Gold};


fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-6
}

/// (gold, predicted, precision, recall, F1) as score.py gives them.
const PAIRS: &[(&str, &str, f64, f64, f64)] = &[
    ("a b c d e", "a b c d", 1.0, 0.5, 0.666667),
    ("苹果公司表示", "苹果公司表示其", 0.75, 1.0, 0.857143),
    ("GPU训练2024年", "GPU训练2024年 ok", 0.666667, 1.0, 0.8),
    ("hello world", "hello world", 1.0, 1.0, 1.0),
    ("", "", 1.0, 1.0, 1.0),
    ("x y z w", "", 0.0, 0.0, 0.0),
    ("a b c d a b c d", "a b c d", 1.0, 0.2, 0.333333),
    (
        "snake_case, foo-bar; baz qux",
        "snake_case foo bar baz",
        1.0,
        0.5,
        0.666667,
    ),
    ("<p>one</p>", "one", 0.0, 0.0, 0.0),
    (
        "Ｆｕｌｌ\u{3000}ｗｉｄｔｈ ２０２４ ｘ",
        "Ｆｕｌｌ ｗｉｄｔｈ ２０２４ ｘ",
        1.0,
        1.0,
        1.0,
    ),
    (
        "カタカナ・テスト한국어",
        "カタカナテスト한국어",
        1.0,
        1.0,
        1.0,
    ),
];

#[test]
fn page_scores_match_score_py() {
    for &(gold, predicted, p, r, f1) in PAIRS {
        let counts = Counts::of(gold, predicted);
        assert!(
            close(counts.precision(), p),
            "{gold:?} / {predicted:?}: P {}",
            counts.precision()
        );
        assert!(
            close(counts.recall(), r),
            "{gold:?} / {predicted:?}: R {}",
            counts.recall()
        );
        assert!(
            (counts.f1() - f1).abs() < 1e-5,
            "{gold:?} / {predicted:?}: F1 {}",
            counts.f1()
        );
    }
}

#[test]
fn tokens_split_cjk_per_character() {
    assert_eq!(
        eval::tokens("GPU训练2024年"),
        ["GPU", "训", "练", "2024", "年"]
    );
    assert_eq!(eval::tokens("カタカナ・テ"), ["カ", "タ", "カ", "ナ", "テ"]);
    assert_eq!(
        eval::tokens("snake_case, foo-bar"),
        ["snake_case", "foo", "bar"]
    );
    assert!(eval::tokens(" ，。！ ").is_empty());
}

#[test]
fn corpus_aggregate_matches_score_py() {
    // score.py over all PAIRS: F1 0.7076173377789177, P 0.8240740740740741, R 0.62.
    let counts: Vec<Counts> = PAIRS.iter().map(|(g, p, ..)| Counts::of(g, p)).collect();
    let (p, r, f1) = eval::aggregate(&counts);
    assert!(
        close(p, 0.8240740740740741) && close(r, 0.62) && close(f1, 0.7076173377789177),
        "{p} {r} {f1}"
    );
    // A page with no article counts toward recall only: F1 0.6363636, P 0.875, R 0.5.
    let counts: Vec<Counts> = PAIRS[..2]
        .iter()
        .chain(&PAIRS[5..6])
        .map(|(g, p, ..)| Counts::of(g, p))
        .collect();
    let (p, r, f1) = eval::aggregate(&counts);
    assert!(
        close(p, 0.875) && close(r, 0.5) && close(f1, 0.6363636363636364),
        "{p} {r} {f1}"
    );
}

#[test]
fn real_page_texts_match_score_py() {
    let paragraphs = |corpus: &str| -> Vec<String> {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(common::fixtures(corpus).join("expected.json")).unwrap())
                .unwrap();
        json["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap().to_string())
            .collect()
    };
    // The seed page without its first paragraph and with an editor's line added.
    let seed = paragraphs("seed/netease-apple-tpu");
    let mut predicted = seed[1..].to_vec();
    predicted.push("责任编辑：王晓 NE0011".to_string());
    let counts = Counts::of(&seed.join("\n\n"), &predicted.join("\n\n"));
    assert_eq!(
        counts,
        Counts {
            tp: 1096,
            fp: 7,
            fn_: 86
        }
    );
    assert!(close(counts.f1(), 0.9592997811816192));
    // An English page cut after 30 paragraphs, with a button label added.
    let english = paragraphs("wcxb/article-0043");
    let mut predicted = english[..30].to_vec();
    predicted.push("Request a Demo".to_string());
    let counts = Counts::of(&english.join("\n\n"), &predicted.join("\n\n"));
    assert_eq!(
        counts,
        Counts {
            tp: 880,
            fp: 3,
            fn_: 1319
        }
    );
    assert!(close(counts.f1(), 0.5710577547047371));
}

#[test]
fn readability_layout_loads() {
    let pages = eval::load_corpus(&common::fixtures("readability")).unwrap();
    assert_eq!(pages.len(), 99);
    let page = pages.iter().find(|p| p.id == "001").unwrap();
    assert_eq!(page.url.as_deref(), Some(eval::READABILITY_TEST_URL));
    assert_eq!(
        page.gold.title.as_deref(),
        Some("Get your Frontend JavaScript Code Covered | Code")
    );
    assert_eq!(page.gold.readerable, Some(true));
    assert_eq!(page.gold.published, None);
    assert!(page.html.contains("<html"));
    assert!(
        pages
            .iter()
            .all(|p| p.gold.readerable.is_some() && !p.gold.text.is_empty()),
        "every page has gold"
    );
}

#[test]
fn readability_gold_text_separates_blocks() {
    let gold = Gold::from_readability(
        "<div><h2>Head</h2><p>one <b>two</b></p><p>three<br>four</p><ul><li>five</li><li>six</li></ul></div>",
        br#"{"title": " T ", "publishedTime": null, "readerable": false}"#,
    )
    .unwrap();
    assert_eq!(gold.text, "Head\n\none two\n\nthree\n\nfour\n\nfive\n\nsix");
    assert_eq!(gold.title.as_deref(), Some("T"));
    assert_eq!(gold.readerable, Some(false));
}

#[test]
fn netease_layout_loads_and_decodes_gb18030() {
    let pages = eval::load_corpus(&common::fixtures("netease")).unwrap();
    assert_eq!(pages.len(), 75);
    let page = pages.iter().find(|p| p.id == "money163-2015-1").unwrap();
    let title = "八部委如何玩转互联网+：打造万物互联新生态";
    assert_eq!(page.gold.title.as_deref(), Some(title));
    assert_eq!(page.gold.published.as_deref(), Some("2015-05-21 05:03:58"));
    assert!(page.html.contains(title), "the GB18030 source decodes");
    assert!(page.gold.text.starts_with("地方政府对于拥抱互联网+的热情"));
    assert!(
        page.gold.text.contains("。\n\n近日，"),
        "paragraphs joined by blank lines"
    );
    assert_eq!(page.url, None);
}

#[test]
fn wcxb_layout_loads_with_url() {
    let pages = eval::load_corpus(&common::fixtures("wcxb")).unwrap();
    assert_eq!(pages.len(), 20);
    let page = pages.iter().find(|p| p.id == "article-0043").unwrap();
    assert_eq!(
        page.url.as_deref(),
        Some("https://www.bluecart.com/blog/what-is-catering")
    );
    assert_eq!(page.gold.published, None);
}

#[test]
fn gzipped_sources_load() {
    let dir = std::env::temp_dir().join(format!("lucid-eval-gz-{}", std::process::id()));
    let page = dir.join("page-1");
    std::fs::create_dir_all(&page).unwrap();
    let html =
        "<html><head><meta charset=gbk><title>t</title></head><body><p>网易</p></body></html>";
    let bytes = encoding_rs::GBK.encode(html).0;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &bytes).unwrap();
    std::fs::write(page.join("source.html.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(
        page.join("expected.json"),
        r#"{"title": "t", "paragraphs": ["网易"], "publishedTime": "2020-01-02"}"#,
    )
    .unwrap();
    let loaded = eval::load_corpus(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let pages = loaded.unwrap();
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].id, "page-1");
    assert!(pages[0].html.contains("<p>网易</p>"));
    assert_eq!(pages[0].gold.published.as_deref(), Some("2020-01-02"));
}

#[test]
fn a_folder_of_corpora_is_found() {
    let corpora = eval::find_corpora(&common::fixtures("")).unwrap();
    let names: Vec<_> = corpora
        .iter()
        .map(|c| c.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(names, ["netease", "readability", "seed", "wcxb", "wcxb-forum", "zh-portals"]);
    assert_eq!(
        eval::find_corpora(&common::fixtures("seed")).unwrap(),
        [common::fixtures("seed")]
    );
    assert!(eval::find_corpora(&common::fixtures("seed/netease-apple-tpu")).is_err());
}

#[test]
fn evaluate_reports_rows_and_summary() {
    let pages = eval::load_corpus(&common::fixtures("seed")).unwrap();
    let report = eval::evaluate(&pages, &eval::Options::default());
    assert_eq!(report.pages.len(), 1);
    let row = &report.pages[0];
    assert_eq!(row.id, "netease-apple-tpu");
    assert!(row.error.is_none());
    assert!(close(row.f1, row.counts.f1()));
    assert_eq!(
        row.readerable_agrees, None,
        "seed gold says nothing about readerable"
    );
    assert!(
        row.title_match.is_some() && row.date_match.is_some(),
        "the seed gold has a title and a date"
    );
    assert_eq!(
        report.summary.date_found,
        Some(if row.date_found { 1.0 } else { 0.0 })
    );
    assert_eq!(report.summary.pages, 1);
    assert!(close(report.summary.mean_f1, row.f1));
    assert!(report.summary.timing.is_none());
    assert_eq!(report.summary.readerable_agreement, None);

    let timed = eval::evaluate(
        &pages,
        &eval::Options {
            timing_runs: 3,
            ..Default::default()
        },
    );
    let timing = timed.summary.timing.expect("timed");
    assert!(timing.median_ms > 0.0 && timing.total_ms >= timing.median_ms);
    assert!(
        close(timed.pages[0].f1, row.f1),
        "timing does not change the result"
    );
}

#[test]
fn word_f1_is_a_case_folded_bag_of_words() {
    // Order does not matter to a bag of words; shingles see the swap.
    let swapped = Counts::of_words("The cat sat", "sat the CAT");
    assert!(close(swapped.f1(), 1.0), "{swapped:?}");
    assert!(Counts::of("The cat sat", "sat the CAT").f1() < 1.0);
    // Each CJK character is a word; one of four missing.
    let cjk = Counts::of_words("苹果公司", "苹果公");
    assert!(close(cjk.recall(), 0.75) && close(cjk.precision(), 1.0), "{cjk:?}");
}

#[test]
fn an_author_matches_when_any_gold_name_is_in_the_byline() {
    for (gold, byline) in [
        ("Andrew King", "By ANDREW KING, staff writer"),
        ("By Nicolas Perriault", "Nicolas Perriault"),
        ("Jane Doe and John Roe", "John Roe"),
        ("Mary O'Neil, Li Wei", "mary oneil"),
        ("张三 李四", "记者 李四"),
    ] {
        assert!(eval::author_matches(gold, byline), "{gold:?} in {byline:?}");
    }
    for (gold, byline) in [("Andrew King", "Andrew"), ("张三", "李四"), ("Andrew King", "")] {
        assert!(!eval::author_matches(gold, byline), "{gold:?} not in {byline:?}");
    }
}

#[test]
fn mixed_page_types_are_summarized_apart() {
    let page = |id: &str, page_type: &str, text: &str| eval::Page {
        id: id.to_string(),
        html: format!("<html><body><article><p>{text}</p></article></body></html>"),
        url: None,
        gold: Gold { text: text.to_string(), page_type: Some(page_type.to_string()), ..Gold::default() },
    };
    let prose = "A paragraph long enough to be read as the article of this small page, with words.";
    let report = eval::evaluate(
        &[page("a", "article", prose), page("b", "forum", prose), page("c", "forum", "Other words entirely here.")],
        &eval::Options::default(),
    );
    let types: Vec<(&str, usize)> = report.by_type.iter().map(|(t, s)| (t.as_str(), s.pages)).collect();
    assert_eq!(types, [("article", 1), ("forum", 2)]);
    let one_type = eval::evaluate(&[page("a", "article", prose)], &eval::Options::default());
    assert!(one_type.by_type.is_empty());
}
