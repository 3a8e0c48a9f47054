//! One page per rule of issue 10's extraction round, each built from the markup real sites use:
//! captions and credits, boilerplate inside the article, a page builder's blocks, clutter-like
//! names on the article itself, code, data tables, collapsed panels and formulas. Each page
//! failed before its rule.

const PROSE: &[&str] = &[
    "The council met on Tuesday evening and, after a long and often heated debate, agreed to publish the full report on the harbour bridge, with every appendix and dissenting opinion attached.",
    "Engineers told the meeting that the main cables, which have carried traffic for ninety years, show corrosion in places, though none that threatens the bridge in the next decade.",
    "Residents asked why the inspection had taken so long to make public, and the mayor promised that every future report would be posted within a month of its delivery.",
    "The repairs, if approved next spring, would close one lane at a time for about two years, and the council will hold three public hearings before the final vote.",
];

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bridge report published</title></head><body>\
         <header class=\"site-header\"><a href=\"/\">The Ledger</a><nav><a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav></header>\
         {body}<footer><p>Copyright The Ledger</p></footer></body></html>"
    )
}

fn paragraphs() -> String {
    PROSE.iter().map(|p| format!("<p>{p}</p>")).collect()
}

fn read(body: &str) -> lucid::Article {
    lucid::extract(&page(body), &lucid::Options::with_url("https://ledger.example/2025/03/bridge")).unwrap().expect("an article")
}

#[test]
fn captions_stay_under_their_image_but_are_not_text() {
    let article = read(&format!(
        "<article>{}<figure><img src=\"/bridge.jpg\" alt=\"The bridge\"><figcaption>The bridge at dawn. Photo: Jane Roe, AP</figcaption></figure>\
         <p>Photo: Jane Roe, AP</p><p>1 of 4</p><figure><figcaption>Orphan caption of a removed gallery</figcaption></figure>\
         <p>（新华社记者 张三 摄）</p>{}</article>",
        paragraphs(),
        paragraphs()
    ));
    assert!(article.content.contains("<figcaption>The bridge at dawn."), "{}", article.content);
    for gone in ["The bridge at dawn", "Photo: Jane Roe", "1 of 4", "Orphan caption", "摄"] {
        assert!(!article.text_content.contains(gone), "{gone:?} in {}", article.text_content);
    }
    assert!(!article.content.contains("Orphan caption") && !article.content.contains("1 of 4"), "{}", article.content);
}

#[test]
fn boilerplate_boxes_inside_the_article_go() {
    let article = read(&format!(
        "<article>{}<p>Related: Council approves the budget</p>\
         <div class=\"author-box\"><h3>About the author</h3><p>Jane Doe covers the city hall for The Ledger and has done so, with a few breaks, for twelve years.</p></div>\
         <div class=\"toc\"><h2>Table of contents</h2><ul><li><a href=\"#a\">The cables</a></li><li><a href=\"#b\">The hearings</a></li></ul></div>\
         {}<p>Sign up for our newsletter to get the morning briefing.</p><p>责任编辑：李四</p></article>",
        paragraphs(),
        paragraphs()
    ));
    for gone in ["Related:", "About the author", "twelve years", "Table of contents", "Sign up for", "责任编辑"] {
        assert!(!article.text_content.contains(gone), "{gone:?} in {}", article.text_content);
    }
    assert!(article.text_content.contains("three public hearings"));
}

/// A page builder cuts the article into text blocks of one kind, with images between them;
/// the article is all of them, not the longest.
#[test]
fn an_article_cut_into_blocks_of_one_kind_reads_whole() {
    let block = |i: usize, paragraphs: &[&str]| {
        let text: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!("<div class=\"Row_row__{i}\"><div class=\"Column_wrapper__{i}\"><div class=\"TextBlock_text__x1 --left\">{text}</div></div></div>")
    };
    let body = format!(
        "<main><div class=\"page\">{}<div class=\"Row_media\"><img src=\"/a.jpg\"></div>{}<div class=\"Row_media\"><img src=\"/b.jpg\"></div>{}</div></main>",
        block(1, &[PROSE[0], PROSE[1], PROSE[0], PROSE[1]]),
        block(2, &[PROSE[2]]),
        block(3, &[PROSE[3]])
    );
    let article = read(&body);
    for p in PROSE {
        assert!(article.text_content.contains(&p[..60]), "missing {p:?} in {}", article.text_content);
    }
}

/// `ck-widget`, `elementor-widget`: a builder's names for the blocks that hold the article.
#[test]
fn a_clutter_like_name_on_the_article_itself_does_not_remove_it() {
    let body = format!(
        "<main><div class=\"entry-content\">{}<div class=\"ck-widget row\">{}</div><div class=\"ck-widget row\">{}</div></div></main>",
        paragraphs(),
        paragraphs(),
        paragraphs()
    );
    let article = read(&body);
    assert_eq!(article.text_content.matches("harbour bridge").count(), 3, "{}", article.text_content);
}

#[test]
fn code_is_content_whatever_its_wrapper_is_called() {
    let article = read(&format!(
        "<article>{}<p>Call <code class=\"nextra-code\">bridge.inspect()</code> before every load test.</p>\
         <div class=\"nextra-code\"><pre><code>let report = bridge.inspect();\nreport.publish();</code></pre></div>{}</article>",
        paragraphs(),
        paragraphs()
    ));
    assert!(article.text_content.contains("Call bridge.inspect() before every load test."), "{}", article.text_content);
    assert!(article.text_content.contains("report.publish();"), "{}", article.text_content);
}

#[test]
fn a_data_table_stays_in_its_scrolling_wrapper() {
    let rows: String = (1..=12).map(|i| format!("<tr><td>Cable {i}</td><td>{}%</td><td>Inspected</td></tr>", 90 - i)).collect();
    let article = read(&format!(
        "<article>{}<div class=\"overflow-x-scroll\"><table><thead><tr><th>Cable</th><th>Strength</th><th>State</th></tr></thead><tbody>{rows}</tbody></table></div>{}</article>",
        paragraphs(),
        paragraphs()
    ));
    assert!(article.text_content.contains("Cable 12"), "{}", article.text_content);
}

#[test]
fn collapsed_panels_holding_prose_are_content() {
    let article = read(&format!(
        "<article>{}<div class=\"accordion\"><button>What happens next?</button><div role=\"region\" aria-labelledby=\"q1\" style=\"display:none\">\
         <p>The council will hold three hearings, one in each district, and then vote, probably in May, on the first phase of the repairs.</p></div></div>\
         <div style=\"display:none\"><p>A hidden menu, with items, that nobody reads.</p></div></article>",
        paragraphs()
    ));
    assert!(article.text_content.contains("one in each district"), "{}", article.text_content);
    assert!(!article.text_content.contains("hidden menu"), "{}", article.text_content);
}

/// KaTeX writes each formula as MathML and as HTML: the MathML stays, once.
#[test]
fn formulas_keep_their_mathml_once() {
    let formula = "<span class=\"katex\"><span class=\"katex-mathml\"><math><semantics><mrow><msup><mi>e</mi><mi>x</mi></msup></mrow>\
                   <annotation encoding=\"application/x-tex\">e^x</annotation></semantics></math></span>\
                   <span class=\"katex-html\"><span class=\"mord\">e</span><span class=\"msupsub\">x</span></span></span>";
    let article = read(&format!("<article>{}<p>The load grows as {formula} with the span.</p>{}</article>", paragraphs(), paragraphs()));
    assert!(article.content.contains("<math><mrow><msup><mi>e</mi><mi>x</mi></msup></mrow></math>"), "{}", article.content);
    assert!(!article.content.contains("katex-html") && !article.content.contains("annotation"), "{}", article.content);
    assert!(article.text_content.contains("The load grows as ex with the span."), "{}", article.text_content);
}

#[test]
fn an_unclosed_banner_aside_wrapping_the_page_is_no_sidebar() {
    // The banner's `<a><span>` are closed out of order and its `</aside>` never comes: the
    // browser's tree, like html5ever's, holds the whole page inside the aside.
    let html = page(&format!(
        "<aside class=\"announcement-banner\"><a href=\"/news/merger\"><span>Announcement: The Ledger joins a group</div></a>\
         <main><article><h1>Bridge report published</h1>{}{}</article></main>\
         <div class=\"related\"><h2>Recommended</h2><ul><li><a href=\"/a\">Council approves the budget</a></li><li><a href=\"/b\">Ferry timetable</a></li></ul></div>",
        paragraphs(),
        paragraphs()
    ));
    let article = lucid::extract(&html, &lucid::Options::with_url("https://ledger.example/2025/03/bridge")).unwrap().expect("an article");
    assert!(article.text_content.contains("three public hearings"), "{}", article.text_content);
    assert!(!article.text_content.contains("Ferry timetable"), "{}", article.text_content);
    // A real sidebar beside the article still goes, however long.
    let sidebar = read(&format!("<article>{}{}</article><aside><p>{}</p></aside>", paragraphs(), paragraphs(), PROSE[0]));
    assert_eq!(sidebar.text_content.matches("The council met").count(), 2, "{}", sidebar.text_content);
}

#[test]
fn a_page_hidden_until_its_styles_load_is_read() {
    // Next.js sites hide the whole page until script has styled it; the live page is visible.
    let guarded = page(&format!(
        "<div id=\"__next\"><div style=\"visibility:hidden;min-height:100vh\"><main><article>{}{}</article></main></div></div>",
        paragraphs(),
        paragraphs()
    ));
    let article = lucid::extract(&guarded, &lucid::Options::default()).unwrap().expect("an article");
    assert!(article.text_content.contains("three public hearings"), "{}", article.text_content);
    // A hidden block inside an article is still hidden text, however long.
    let inside = read(&format!(
        "<article>{}<div style=\"visibility: hidden\"><p>{}</p><p>{}</p></div></article>",
        paragraphs(),
        PROSE[0].replace("council", "committee"),
        PROSE[1].replace("Engineers", "Surveyors")
    ));
    assert!(!inside.text_content.contains("Surveyors"), "{}", inside.text_content);
}

#[test]
fn no_blank_lines_from_stray_breaks_or_empty_paragraphs() {
    // Older Chinese portals indent with full-width spaces and pad paragraphs with breaks and
    // empty `&nbsp;` paragraphs; each would show as a blank gap in the reading view.
    let line = "第一段文字讲述了大桥检修报告的全部内容，包括每一个附录和反对意见。".repeat(4);
    let article = read(&format!(
        "<article><p>\u{3000}\u{3000}{line}<br>\u{a0}<br>&nbsp;<br>{line}<br></p><p><br>{line}</p><p>&nbsp;</p><p>\u{3000}</p><div><br><br></div><p>{line}<br> </p>{}</article>",
        paragraphs()
    ));
    let content = article.content.replace(char::is_whitespace, "");
    for blank in ["<br></p>", "<p><br>", "<p></p>", "<div></div>", "<br><br>", "<div><br>"] {
        assert!(!content.contains(blank), "{blank:?} in {}", article.content);
    }
    assert_eq!(article.content.matches(&line).count(), 4, "no text lost: {}", article.content);
}
