//! Forum threads and Q&A pages read as threads (issue 10, item 6): the opening post and the
//! replies in order, each under a header with its author and time, without the chrome around
//! posts; comments under a story stay out. One named test per platform fixture in
//! `tests/fixtures/wcxb-forum` (real pages), then rules on small pages built for each.

mod common;

use lucid::{Article, Options, Stage};

/// Text as the gold writes it: straight quotes, one space.
fn plain(text: &str) -> String {
    let text: String = text.chars().map(|c| match c {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        c => c,
    }).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many posts the article holds, and each header's text, in order.
fn headers(article: &Article) -> Vec<String> {
    let doc = scraper::Html::parse_fragment(&article.content);
    let selector = scraper::Selector::parse("article.lucid-post > header.lucid-post-header").unwrap();
    doc.select(&selector).map(|h| plain(&h.text().collect::<String>())).collect()
}

/// A fixture thread: read as posts with headers, its first post by the gold's author, every
/// "with" snippet of its gold in the text and no "without" one.
fn reads_as_thread(name: &str) {
    let fixture = common::load(&common::fixtures("wcxb-forum").join(name));
    let article = common::article(&fixture).unwrap_or_else(|| panic!("{name}: no article"));
    let headers = headers(&article);
    assert!(headers.len() >= 2, "{name}: {} posts", headers.len());
    assert!(headers.iter().all(|h| !h.is_empty()), "{name}: a post without header: {headers:?}");
    let gold_author = fixture.expected["byline"].as_str().unwrap_or_default();
    assert_eq!(article.byline.as_deref(), Some(gold_author), "{name}: the opening post's author");
    assert!(headers[0].starts_with(gold_author), "{name}: first header {:?}", headers[0]);
    let text = plain(&article.text_content);
    for with in fixture.expected["with"].as_array().into_iter().flatten().filter_map(|s| s.as_str()) {
        assert!(text.contains(&plain(with)), "{name}: {with:?} is missing");
    }
    for without in fixture.expected["without"].as_array().into_iter().flatten().filter_map(|s| s.as_str()) {
        assert!(!text.contains(&plain(without)), "{name}: {without:?} is in the text");
    }
}

macro_rules! platform {
    ($($test:ident: $page:literal,)*) => {$(
        #[test]
        fn $test() {
            reads_as_thread($page);
        }
    )*};
}

platform! {
    stack_exchange_question_and_answers: "forum-0172",
    discourse_crawler_view_in_noscript: "forum-0504",
    warrior_forum_opening_post_in_the_replies_box: "forum-0526",
    styled_components_named_by_avatar: "forum-0531",
    vbulletin: "forum-0533",
    xenforo_nested_replies_beside_posts: "forum-0534",
    phpbb: "forum-0535",
    xenforo: "forum-0537",
    invision_two_numbered_posts: "forum-0543",
    nodebb_replies_headed_by_their_parent: "forum-0552",
    fluxbb: "forum-0555",
    smf: "forum-0556",
    mybb: "forum-0558",
    lemmy_nested_comments: "forum-0573",
    drupal_forum_declaring_a_qa_page: "forum-2201",
}

// ---- Rules, on small pages -------------------------------------------------------------------

const WORDS: &str = "and after a long evening of testing, the new board finally booted without any of the errors we saw last week";

/// A forum page of `posts` (author, time, text), in XenForo's shape, with the chrome around
/// each post: avatar, user title, post counter, signature, reactions, buttons.
fn forum_page(posts: &[(&str, &str, &str)], extra_in_body: &str) -> String {
    let mut html = String::from(
        "<html><head><title>Board will not boot</title></head><body><nav><a href=/>Forums</a></nav>\
         <h1>Board will not boot</h1><a class=jump href=#latest>Jump to latest</a><div class=block-body>",
    );
    for (i, (author, time, text)) in posts.iter().enumerate() {
        html.push_str(&format!(
            "<article class='message message--post' id='js-post-{n}'>\
               <div class=message-user><a class=avatar href='/members/{author}.{n}/'><img src=a.png></a>\
                 <h4 class=message-name><a class=username href='/members/{author}.{n}/'>{author}</a></h4>\
                 <h5 class=userTitle>Well-known member</h5><dl class=pairs><dt>Posts</dt><dd>1,234</dd></dl></div>\
               <div class=message-main><header class=message-attribution><time datetime='2024-01-0{d}T10:00:00Z'>{time}</time>\
                 <a href='#post-{n}'>#{i}</a></header>\
                 <div class=bbWrapper><p>{text} {WORDS}.</p>{extra_in_body}</div>\
                 <aside class=message-signature>My rig: 16 cores, 64 GB</aside>\
                 <div class=reactionsBar>3 likes</div><div class=actionBar><a href=#>Reply</a> <a href=#>Quote</a></div></div>\
             </article>",
            n = 100_000 + i,
            d = i + 1,
        ));
    }
    html.push_str("</div><footer>Terms and rules</footer></body></html>");
    html
}

fn read(html: &str) -> Article {
    lucid::extract(html, &Options::with_url("https://forum.example/threads/board.1/")).unwrap().expect("an article")
}

#[test]
fn a_thread_reads_as_its_posts_in_order_without_their_chrome() {
    let page = forum_page(
        &[("alice", "Jan 1, 2024", "Alice asks first"), ("bob", "Jan 2, 2024", "Bob answers"), ("carol", "Jan 3, 2024", "Carol agrees")],
        "",
    );
    let article = read(&page);
    assert_eq!(headers(&article), ["alice Jan 1, 2024", "bob Jan 2, 2024", "carol Jan 3, 2024"]);
    let text = &article.text_content;
    let (a, b, c) = (text.find("Alice asks").unwrap(), text.find("Bob answers").unwrap(), text.find("Carol agrees").unwrap());
    assert!(a < b && b < c, "{text}");
    for chrome in ["Well-known member", "1,234", "My rig", "3 likes", "Reply", "Jump to latest", "#1", "Terms"] {
        assert!(!text.contains(chrome), "{chrome:?} in {text}");
    }
    assert!(article.content.contains(r#"<time datetime="2024-01-02T10:00:00Z">Jan 2, 2024</time>"#), "{}", article.content);
    assert_eq!(article.byline.as_deref(), Some("alice"));
}

#[test]
fn the_trace_says_what_went_around_the_posts() {
    let page = forum_page(&[("alice", "Jan 1, 2024", "One"), ("bob", "Jan 2, 2024", "Two"), ("carol", "Jan 3, 2024", "Three")], "");
    let options = Options { trace: true, ..Options::with_url("https://forum.example/threads/board.1/") };
    let article = lucid::extract(&page, &options).unwrap().expect("an article");
    let around = article.trace.iter().filter(|t| t.stage == Stage::Score && t.reason.starts_with("around a post")).count();
    assert!(around >= 3, "{:#?}", article.trace);
}

#[test]
fn an_attachment_keeps_its_picture_not_its_size() {
    let attachment = "<ul class=attachmentList><li class=attachment><a href=/attachments/1/><img src=board.jpg alt=board></a>\
                      <div class=attachment-name>IMG_2001.jpg</div><div class=attachment-details>45.6 KB · Views: 12</div></li></ul>";
    let page = forum_page(&[("alice", "Jan 1, 2024", "One"), ("bob", "Jan 2, 2024", "Two"), ("carol", "Jan 3, 2024", "Three")], attachment);
    let article = read(&page);
    assert!(article.content.contains("board.jpg"), "{}", article.content);
    assert!(!article.text_content.contains("45.6 KB") && !article.text_content.contains("IMG_2001"), "{}", article.text_content);
}

#[test]
fn a_quote_of_an_earlier_post_goes_a_quote_from_elsewhere_stays() {
    let quote_alice = format!("<blockquote class=bbCodeBlock--quote><div>alice said:</div><p>Alice asks first {WORDS}.</p></blockquote>");
    let page = forum_page(&[("alice", "Jan 1, 2024", "Alice asks first"), ("bob", "Jan 2, 2024", "Bob answers"), ("carol", "Jan 3, 2024", "Carol agrees")], "")
        .replacen("<p>Bob answers", &format!("{quote_alice}<p>Bob answers"), 1)
        .replacen(
            "<p>Carol agrees",
            "<blockquote class=bbCodeBlock--quote><p>The manual says to reset the jumper before the first boot.</p></blockquote><p>Carol agrees",
            1,
        );
    let text = read(&page).text_content;
    assert_eq!(text.matches("Alice asks first").count(), 1, "{text}");
    assert!(text.contains("The manual says to reset the jumper"), "{text}");
}

#[test]
fn comments_under_a_news_article_stay_out() {
    let story = format!("<p>The council voted on Tuesday, {WORDS}, and the bridge will reopen in spring.</p>").repeat(8);
    let mut comments = String::new();
    for (i, who) in ["dan", "erin", "frank", "gina"].iter().enumerate() {
        comments.push_str(&format!(
            "<li class=comment id=comment-{n}><div class=comment-author><a href='/users/{who}/'>{who}</a></div>\
             <time datetime=2024-03-0{d}>March {d}, 2024</time><div class=comment-content><p>Comment by {who}: {WORDS}.</p></div></li>",
            n = 5000 + i,
            d = i + 1
        ));
    }
    let page = format!(
        "<html><head><title>Bridge to reopen</title></head><body><main><article><h1>Bridge to reopen</h1>\
         <p class=byline>By Jane Doe</p>{story}</article><section id=comments><ol class=comment-list>{comments}</ol></section></main></body></html>"
    );
    let article = read(&page);
    assert!(article.text_content.contains("The council voted"), "{}", article.text_content);
    assert!(!article.text_content.contains("Comment by"), "{}", article.text_content);
    assert!(!article.content.contains("lucid-post"), "{}", article.content);
}

#[test]
fn a_list_of_teasers_is_no_thread() {
    let mut teasers = String::new();
    for (i, who) in ["dan", "erin", "frank", "gina"].iter().enumerate() {
        teasers.push_str(&format!(
            "<article class=teaser><h2><a href='/2024/story-{i}/'>Story number {i} about the harbour</a></h2>\
             <span class=author>By {who}</span> <time>March {d}, 2024</time><p>An excerpt of story {i}, {WORDS}…</p></article>",
            d = i + 1
        ));
    }
    let page = format!("<html><head><title>Harbour news</title></head><body><main>{teasers}</main></body></html>");
    let article = lucid::extract(&page, &Options::default()).unwrap();
    assert!(article.is_none_or(|a| !a.content.contains("lucid-post")));
}

#[test]
fn a_question_with_one_answer_is_a_thread() {
    let post = |kind: &str, who: &str, when: &str, text: &str| {
        format!(
            "<div itemscope itemtype='https://schema.org/{kind}'><div itemprop=text class=s-prose><p>{text} {WORDS}.</p></div>\
             <div class=user-info><span class=relativetime title='{when}'>{when}</span>\
             <div itemprop=author itemscope itemtype=https://schema.org/Person><a href='/users/1/{who}'><span itemprop=name>{who}</span></a></div></div>\
             <div class=votes>12</div></div>"
        )
    };
    let page = format!(
        "<html><head><title>How to reset the board?</title></head><body><div itemscope itemtype=https://schema.org/QAPage>{}<div id=answers>{}</div></div></body></html>",
        post("Question", "asker", "Jan 1, 2024 at 10:00", "How do I reset it"),
        post("Answer", "helper", "Jan 2, 2024 at 11:00", "Hold the button")
    );
    let article = read(&page);
    assert_eq!(headers(&article), ["asker Jan 1, 2024 at 10:00", "helper Jan 2, 2024 at 11:00"]);
    assert!(!article.text_content.contains("12"), "{}", article.text_content);
}

#[test]
fn a_page_declaring_a_discussion_reads_its_thread_over_a_summary_above_it() {
    let summary = format!("<div class=ai-summary><h2>Discussion overview</h2>{}</div>", format!("<p>Participants discuss the board, {WORDS}.</p>").repeat(6));
    // Two posts: a thread, as their ids number them.
    let page = forum_page(&[("alice", "Jan 1, 2024", "Alice asks first"), ("bob", "Jan 2, 2024", "Bob answers")], "")
        .replace("<head>", r#"<head><script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Board will not boot"}</script>"#)
        .replace("<div class=block-body>", &format!("{summary}<div class=block-body>"));
    let article = read(&page);
    assert_eq!(headers(&article).len(), 2, "{}", article.content);
    assert!(!article.text_content.contains("Participants discuss"), "{}", article.text_content);
}

#[test]
fn reading_a_thread_again_gives_the_same_text() {
    for name in ["forum-0504", "forum-0537", "forum-0555"] {
        let fixture = common::load(&common::fixtures("wcxb-forum").join(name));
        let first = common::article(&fixture).expect("an article");
        let again = format!("<html><head><title>{}</title></head><body>{}</body></html>", first.title, first.content);
        let options = Options { url: fixture.url.clone(), ..Options::default() };
        let second = lucid::extract(&again, &options).unwrap().expect("an article again");
        assert_eq!(second.text_content, first.text_content, "{name}");
    }
}

#[test]
fn post_classes_survive_sanitizing_other_lucid_classes_do_not() {
    let page = forum_page(&[("alice", "Jan 1, 2024", "One"), ("bob", "Jan 2, 2024", "Two"), ("carol", "Jan 3, 2024", "Three")], "")
        .replacen("<p>One", "<p class='lucid-toolbar lucid-post-header'>One", 1);
    let content = read(&page).content;
    assert!(content.contains(r#"<article class="lucid-post"><header class="lucid-post-header">"#), "{content}");
    assert!(!content.contains("lucid-toolbar"), "{content}");
}
