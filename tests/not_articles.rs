//! Pages that are not articles say so: a category listing, search results, a forum's index and a
//! sign-in page give `Ok(None)` (the extension then says it found no article), while every real
//! article in the fixture corpora still reads (tests/corpus.rs pins those).

mod common;

fn verdict(file: &str) -> Option<lucid::Article> {
    let path = common::fixtures("not-articles").join(file);
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    lucid::extract(&html, &lucid::Options::with_url("https://dailyledger.example/page")).expect("reads")
}

#[test]
fn a_category_listing_is_no_article() {
    assert_eq!(verdict("category-listing.html").map(|a| a.title), None);
}

#[test]
fn search_results_are_no_article() {
    assert_eq!(verdict("search-results.html").map(|a| a.title), None);
}

#[test]
fn a_forum_index_is_no_article() {
    assert_eq!(verdict("forum-index.html").map(|a| a.title), None);
}

#[test]
fn a_sign_in_page_is_no_article() {
    assert_eq!(verdict("sign-in.html").map(|a| a.title), None);
}

/// The same teasers inside a long article are its "related" box, not a reason to refuse it.
#[test]
fn an_article_with_a_list_of_teasers_still_reads() {
    let listing = std::fs::read_to_string(common::fixtures("not-articles").join("category-listing.html")).unwrap();
    let prose = "<p>The council met on Tuesday evening and, after a long and often heated debate, agreed to publish \
                 the full report on the harbour bridge, with every appendix and dissenting opinion attached.</p>"
        .repeat(12);
    let page = listing.replace(r#"<main id="main" class="site-main">"#, &format!(r#"<main id="main" class="site-main"><article class="story">{prose}</article>"#));
    let article = lucid::extract(&page, &lucid::Options::default()).unwrap().expect("the story reads");
    assert!(article.text_content.contains("harbour bridge, with every appendix"), "{}", article.text_content);
}

/// A page with a sign-in box but a real article is an article.
#[test]
fn a_sign_in_box_beside_an_article_is_no_reason_to_refuse_it() {
    let page = std::fs::read_to_string(common::fixtures("not-articles").join("sign-in.html")).unwrap().replace(
        "<main class=\"auth\">",
        &format!("<article><h2>Bridge report</h2>{}</article><main class=\"auth\">", "<p>The council agreed, after a long debate, to publish the full report on the harbour bridge, with every appendix attached, so that residents can judge for themselves.</p>".repeat(10)),
    );
    assert!(lucid::extract(&page, &lucid::Options::default()).unwrap().is_some());
}
