//! ammonia as a test oracle for Lucid's own sanitizer (src/sanitize.rs, which replaced it for
//! size and speed): configured with the same allow-lists, ammonia must find nothing to remove
//! in any article Lucid produces from the fixture corpora. One named failure per page.

mod common;

use std::collections::{HashMap, HashSet};

use ammonia::{Builder, UrlRelative};
use lucid::tunables::{
    SANITIZE_DROP_WITH_CONTENT, SANITIZE_GENERIC_ATTRIBUTES, SANITIZE_LINK_REL, SANITIZE_SET_ATTRIBUTES,
    SANITIZE_TAG_ATTRIBUTES, SANITIZE_TAGS, SANITIZE_URL_SCHEMES,
};

fn oracle() -> Builder<'static> {
    let mut tag_attributes: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (tag, attrs) in SANITIZE_TAG_ATTRIBUTES {
        tag_attributes.entry(tag).or_default().extend(attrs.iter().copied());
    }
    let mut set_attributes: HashMap<&str, HashMap<&str, &str>> = HashMap::new();
    for (tag, attr, value) in SANITIZE_SET_ATTRIBUTES {
        set_attributes.entry(tag).or_default().insert(attr, value);
    }
    let mut builder = Builder::empty();
    builder
        .tags(SANITIZE_TAGS.iter().copied().collect())
        .clean_content_tags(SANITIZE_DROP_WITH_CONTENT.iter().copied().collect())
        .generic_attributes(SANITIZE_GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(tag_attributes)
        .set_tag_attribute_values(set_attributes)
        .url_schemes(SANITIZE_URL_SCHEMES.iter().copied().collect())
        .url_relative(UrlRelative::PassThrough)
        .link_rel(Some(SANITIZE_LINK_REL))
        .strip_comments(true)
        .id_prefix(None);
    builder
}

/// Re-serialize through scraper, which orders attributes, so that only content is compared.
fn normalize(html: &str) -> String {
    scraper::Html::parse_fragment(html).root_element().inner_html()
}

#[test]
fn ammonia_finds_nothing_to_remove_in_any_fixture_article() {
    let fixtures = common::fixtures("");
    let ammonia = oracle();
    let mut checked = 0;
    let mut failures = Vec::new();
    for corpus in ["readability", "netease", "seed", "wcxb"] {
        for page in lucid::eval::load_corpus(&fixtures.join(corpus)).expect("fixtures load") {
            let options = lucid::Options { url: page.url.clone(), ..lucid::Options::default() };
            let Ok(Some(article)) = lucid::extract(&page.html, &options) else { continue };
            let ours = normalize(&article.content);
            let theirs = normalize(&ammonia.clean(&article.content).to_string());
            checked += 1;
            if ours != theirs {
                let at = ours.bytes().zip(theirs.bytes()).take_while(|(a, b)| a == b).count();
                let near = |s: &str| s.get(at.saturating_sub(80)..(at + 80).min(s.len())).unwrap_or("").to_string();
                failures.push(format!("{corpus}/{}: differs at byte {at}:\n  lucid:   {:?}\n  ammonia: {:?}", page.id, near(&ours), near(&theirs)));
            }
        }
    }
    assert!(checked > 150, "only {checked} articles checked");
    assert!(failures.is_empty(), "{} of {checked} articles:\n{}", failures.len(), failures.join("\n"));
}
