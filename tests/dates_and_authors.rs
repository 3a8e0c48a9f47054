//! Dates and authors: one small page per rule, shaped like the real templates the rule was
//! written for (WordPress with Yoast, Elementor, portals' date lines, news wires' credits).

use lucid::{Article, Options};

/// A page with `head` in its `<head>` and `header` between the headline and the body, which is
/// long enough to be an article; `url` as the command line's `--url`.
fn page(head: &str, header: &str, url: Option<&str>) -> Article {
    let body = "<p>The council met on Tuesday evening to hear residents about the new bus routes, which \
        will change how thousands of people reach the town centre every morning and evening.</p>\
        <p>Officials said the plan had been drafted after two years of surveys and would be reviewed \
        again next spring, once the first months of service had been counted and compared.</p>\
        <p>Residents who spoke asked for later buses on weekdays and for a stop near the hospital, \
        and several said the old timetable had served them well for a decade.</p>";
    let html = format!(
        "<html><head><title>Council hears residents on bus routes</title>{head}</head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>\
         <h1>Council hears residents on bus routes</h1>{header}{body}</article>\
         <footer><p>© 2019 Town Gazette</p></footer></body></html>"
    );
    let options = Options { url: url.map(str::to_string), ..Options::default() };
    lucid::extract(&html, &options).unwrap().expect("an article")
}

/// A Chinese portal page: `header` under the headline, `end` closing the body.
fn portal(header: &str, end: &str) -> Article {
    let body = "<p>国庆中秋长假过半，市民出行热情不减，全市各大景区接待游客人数较去年同期明显增长，交通总体平稳有序。</p>\
        <p>记者从市文旅局了解到，假期前四天，全市共接待游客三百余万人次，旅游收入同比增长一成以上。</p>\
        <p>相关部门提醒，假期后半段仍将迎来返程高峰，请市民合理安排出行时间，注意交通安全。</p>";
    let html = format!(
        "<html><head><title>长假过半 全市景区接待游客三百余万人次_新闻中心</title></head><body>\
         <div class=\"nav\"><a href=\"/\">首页</a></div><div class=\"article\">\
         <h1>长假过半 全市景区接待游客三百余万人次</h1>{header}<div class=\"content\">{body}{end}</div></div>\
         </body></html>"
    );
    lucid::extract(&html, &Options::default()).unwrap().expect("an article")
}

fn day(article: &Article) -> Option<&str> {
    article.published_time.as_deref().map(|t| &t[..10])
}

#[test]
fn printed_date_line_under_the_headline() {
    let a = page("", "<p class=\"meta\">Published 10:48, Tue, Nov 19, 2019</p>", None);
    assert_eq!(day(&a), Some("2019-11-19"));
    let a = page("", "<div><span>Nov. 20, 2019 / 1:07 AM</span></div>", None);
    assert_eq!(a.published_time.as_deref(), Some("2019-11-20T01:07:00"), "the printed time, no zone invented");
}

#[test]
fn month_names_of_european_languages() {
    for (line, expected) in [
        ("Veröffentlicht am 5. März 2019", "2019-03-05"),
        ("Publié le 1er février 2019", "2019-02-01"),
        ("Publicado el 5 de marzo de 2019", "2019-03-05"),
        ("Pubblicato il 12 settembre 2019", "2019-09-12"),
        ("Gepubliceerd op 3 mei 2019", "2019-05-03"),
        ("Aktualisiert: 21.05.2019", "2019-05-21"),
    ] {
        let a = page("", &format!("<p>{line}</p>"), None);
        assert_eq!(day(&a), Some(expected), "{line}");
    }
}

#[test]
fn korean_and_japanese_dates() {
    let a = portal("<p class=\"date\">입력 2020년 11월 26일 08:04</p>", "");
    assert_eq!(day(&a), Some("2020-11-26"));
    let a = portal("<p>2020.11.26 08:04</p>", "");
    assert_eq!(day(&a), Some("2020-11-26"));
}

#[test]
fn printed_publication_date_overrides_a_stale_stated_one() {
    // The CMS's creation date in the metadata; the page prints the day it was published.
    let head = r#"<meta property="article:published_time" content="2021-08-12T19:35:44+00:00">"#;
    let a = page(head, "<div class=\"post-info\"><span>February 22, 2025</span></div>", None);
    assert_eq!(day(&a), Some("2025-02-22"));
    // One day apart is one moment in two zones: the stated instant, zone and all, stays.
    let head = r#"<meta property="article:published_time" content="2024-01-14T21:50:50-05:00">"#;
    let a = page(head, "<p>January 15, 2024</p>", None);
    assert_eq!(a.published_time.as_deref(), Some("2024-01-14T21:50:50-05:00"));
}

#[test]
fn a_printed_update_never_overrides_the_publication() {
    let head = r#"<meta property="article:published_time" content="2024-06-03T15:14:59+00:00">"#;
    let a = page(head, "<p>Last updated:</p><p>December 8, 2025</p>", None);
    assert_eq!(day(&a), Some("2024-06-03"));
    // Published and updated on one line: the publication.
    let a = page("", "<p><span>August 16, 2019</span> <span>- Updated July 9, 2025</span></p>", None);
    assert_eq!(day(&a), Some("2019-08-16"));
    // An update alone, with nothing stated, is the only date there is.
    let a = page("", "<p>Updated on April 19, 2025</p>", None);
    assert_eq!(day(&a), Some("2025-04-19"));
}

#[test]
fn teasers_comments_and_copyright_give_no_date() {
    // A ticker of other stories above the headline, a comment far below, the footer's year.
    let html = format!(
        "<html><head><title>Council hears residents on bus routes</title></head><body>\
         <ul><li>[ December 8, 2025 ] Top 10 hotels for viewing the northern lights this winter</li></ul>\
         <h1>Council hears residents on bus routes</h1>{}<div class=\"comments\"><p>Sue says:</p>\
         <p>June 3, 2024 at 4:36 pm</p></div><footer>© 2019</footer></body></html>",
        "<p>The council met on Tuesday evening to hear residents about the new bus routes, which will \
         change how thousands of people reach the town centre every morning and every evening.</p>"
            .repeat(12)
    );
    let a = lucid::extract(&html, &Options::default()).unwrap().unwrap();
    assert_eq!(a.published_time, None);
}

#[test]
fn dates_in_the_address() {
    let a = page("", "", Some("https://blog.example.org/2019/11/20/bus-routes/"));
    assert_eq!(day(&a), Some("2019-11-20"));
    let a = page("", "", Some("https://news.example.org/world/20191120/bus-routes.html"));
    assert_eq!(day(&a), Some("2019-11-20"));
}

#[test]
fn json_ld_webpage_dates_and_referenced_authors() {
    // Yoast: the dates on the WebPage, the author a reference to a Person in the graph.
    let head = r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","@id":"https://x.test/p/#webpage","datePublished":"2021-01-27T06:00:00+00:00"},
        {"@type":"Person","@id":"https://x.test/#/schema/person/1","name":"Krystyna Nowak"},
        {"@type":"Organization","@id":"https://x.test/#org","name":"Town Gazette"}]}</script>"##;
    let a = page(head, "", None);
    assert_eq!(day(&a), Some("2021-01-27"));
    let head = r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
        {"@type":"NewsArticle","headline":"Council hears residents on bus routes",
         "author":[{"@id":"https://x.test/#org"},{"@id":"https://x.test/#/schema/person/1"}]},
        {"@type":"Person","@id":"https://x.test/#/schema/person/1","name":"Krystyna Nowak"},
        {"@type":"Organization","@id":"https://x.test/#org","name":"Town Gazette"}]}</script>"##;
    assert_eq!(page(head, "", None).byline.as_deref(), Some("Krystyna Nowak"), "the person, not the organization");
}

#[test]
fn printed_byline_by_x_and_y() {
    let a = page("", "<p class=\"meta\">By Jane Doe and Li Wei | Nov 20, 2019</p>", None);
    assert_eq!(a.byline.as_deref(), Some("Jane Doe and Li Wei"));
    let a = page("", "<p>Written by</p><p>Nathan Myhrvold</p>", None);
    assert_eq!(a.byline.as_deref(), Some("Nathan Myhrvold"));
}

#[test]
fn the_site_in_the_author_slot_gives_way_to_a_person() {
    let head = r#"<meta name="author" content="Cleveland Clinic"><meta property="og:site_name" content="Cleveland Clinic">"#;
    let a = page(head, "<p>By Holly Wilgus</p>", None);
    assert_eq!(a.byline.as_deref(), Some("Holly Wilgus"));
    // Alone, it stays: a one-person blog is named after its author.
    let head = r#"<meta name="author" content="Gary Marcus"><meta property="og:site_name" content="Gary Marcus">"#;
    assert_eq!(page(head, "", None).byline.as_deref(), Some("Gary Marcus"));
}

#[test]
fn a_byline_carries_names_only() {
    let head = r#"<meta name="author" content="加拿大必读 发布时间：10-08 12:00 优质原创作者">"#;
    assert_eq!(page(head, "", None).byline.as_deref(), Some("加拿大必读"));
    let head = r#"<meta name="author" content="Dec 17, 2025 · Julian K. Arni">"#;
    assert_eq!(page(head, "", None).byline.as_deref(), Some("Julian K. Arni"));
    let head = r#"<meta name="author" content="About the Author">"#;
    assert_eq!(page(head, "", None).byline, None);
    let head = r#"<meta name="author" content="股市行情 12.3万粉丝 关注">"#;
    assert_eq!(page(head, "", None).byline.as_deref(), Some("股市行情"));
}

#[test]
fn chinese_date_lines_and_labelled_authors() {
    let a = portal("<div class=\"info\">2019-09-26 12:11来源：证券时报网作者：李在山</div>", "");
    assert_eq!(a.published_time.as_deref(), Some("2019-09-26T12:11:00+08:00"));
    assert_eq!(a.byline.as_deref(), Some("李在山"));
    let a = portal("<p>【文/观察者网专栏作者 王文】</p>", "");
    assert_eq!(a.byline.as_deref(), Some("王文"));
    let a = portal("<p>发表于2014-08-24 21:30| 1164次阅读| 来源CSDN| 0 条评论| 作者魏星</p>", "");
    assert_eq!(a.byline.as_deref(), Some("魏星"));
}

#[test]
fn chinese_opening_credit_and_the_source_in_the_author_slot() {
    let html = "<html><head><title>中铁总辟谣称消息不实</title>\
        <meta property=\"article:author\" content=\"新京报\"></head><body><h1>中铁总辟谣称消息不实</h1>\
        <div class=\"article\"><p>新京报快讯（记者 裴剑飞）今日有网友爆料，有60万个账号和410万条联系人数据在暗网出售，\
        中国铁路总公司随后回应称，经核查，网上所传信息不实，并提醒旅客通过官方渠道购票。</p>\
        <p>铁路部门表示，将继续加强用户信息安全保护，对倒卖车票等违法行为依法予以打击。</p></div></body></html>";
    let a = lucid::extract(html, &Options::default()).unwrap().unwrap();
    assert_eq!(a.byline.as_deref(), Some("裴剑飞"));
}

#[test]
fn chinese_credit_at_the_end_of_the_story() {
    assert_eq!(portal("", "<p>（张巨峰）</p>").byline.as_deref(), Some("张巨峰"));
    let a = portal("", "<p>活动将持续到本月底。(文/图 刘玺东 易赛楠)</p>");
    assert_eq!(a.byline.as_deref(), Some("刘玺东 易赛楠"));
    let a = portal("", "<p>采写：南都见习记者 林子沛</p>");
    assert_eq!(a.byline.as_deref(), Some("南都见习记者 林子沛"));
}

#[test]
fn the_editor_is_not_the_author() {
    let a = portal("<p>2020-11-26 08:04 来源：新华社 作者：李在山</p>", "<p>责任编辑：张申</p>");
    assert_eq!(a.byline.as_deref(), Some("李在山"));
    // With nobody else named, the editor stands, labelled as one.
    let a = portal("<p>2020-11-26 08:04 来源：新华社</p>", "<p>责任编辑：张申</p>");
    assert_eq!(a.byline.as_deref(), Some("责任编辑：张申"));
}

#[test]
fn a_paper_names_its_first_author() {
    let head = r#"<meta name="citation_author" content="Aditya Mahindru"><meta name="citation_author" content="Pradeep Patil">"#;
    assert_eq!(page(head, "", None).byline.as_deref(), Some("Aditya Mahindru"));
}

#[test]
fn the_author_link_names_the_author() {
    let a = page("", "<p><a href=\"https://blog.example.org/author/mconley/\">Mike Conley</a> · 12 min read</p>", None);
    assert_eq!(a.byline.as_deref(), Some("Mike Conley"));
}

#[test]
fn a_name_beside_the_date_is_the_platform_author() {
    let a = portal("<div class=\"article-sub\"><span>原创</span> <span>GameForce</span> <span>2019-09-04 22:18:34</span></div>", "");
    assert_eq!(a.byline.as_deref(), Some("GameForce"));
    let a = page("", "<p>News | Nov 20, 2019</p>", None);
    assert_eq!(a.byline, None, "a section is no name");
}

#[test]
fn bylines_with_case_changing_letters_are_cut_where_they_should_be() {
    // `İ` lower-cases to two characters: a marker's offset in a lower-cased copy lands late.
    let head = r#"<meta name="author" content="İlker Başbuğ updated daily">"#;
    assert_eq!(page(head, "", None).byline.as_deref(), Some("İlker Başbuğ"));
}

#[test]
fn a_data_table_and_the_sections_hold_no_date_line() {
    // An infobox's dates are its data; a reference's access date sits in a section of the body.
    let head = r#"<meta property="article:published_time" content="2001-10-29T01:59:14Z">"#;
    let a = page(
        head,
        "<table class=\"infobox\"><tr><th>Responsible government</th></tr><tr><td>7 May 1856</td></tr></table>",
        None,
    );
    assert_eq!(day(&a), Some("2001-10-29"));
    let html = "<html><head><title>List of films featuring time loops</title>\
        <meta property=\"article:published_time\" content=\"2014-03-27T19:11:24Z\"></head><body>\
        <h1>List of films featuring time loops</h1><p>A time loop is a plot device in which characters \
        relive a span of time again and again, and films have used it in comedies, thrillers and dramas \
        for many decades now.</p><h2>References</h2><p>. 24 August 2021.</p></body></html>";
    let a = lucid::extract(html, &Options::default()).unwrap().unwrap();
    assert_eq!(day(&a), Some("2014-03-27"));
}

#[test]
fn the_update_is_the_date_only_when_nothing_else_is() {
    let head = r#"<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">"#;
    assert_eq!(day(&page(head, "<p>发布时间：10-08 12:00</p>", None)), Some("2019-10-08"));
    let head = r#"<meta itemprop="dateUpdate" content="2019-10-08 12:00:57">
        <meta property="article:published_time" content="2019-10-01T08:00:00+08:00">"#;
    assert_eq!(day(&page(head, "", None)), Some("2019-10-01"));
}

#[test]
fn slash_dates_are_read_where_one_number_cannot_be_a_month() {
    let posted = |date: &str| page("", &format!("<p class=\"posted\">Posted on the {date} at 19:00</p>"), None);
    assert_eq!(day(&posted("15/12/2025")), Some("2025-12-15"));
    assert_eq!(day(&posted("12/15/2025")), Some("2025-12-15"));
    // May in the United States, June elsewhere: no date rather than a wrong one.
    assert_eq!(day(&posted("05/06/2025")), None);
}

#[test]
fn the_address_names_the_local_day_of_a_utc_moment_after_it() {
    let head = "<meta property=\"article:published_time\" content=\"2025-12-19T02:41:41+00:00\">";
    let dated = page(head, "", Some("https://blog.example/2025/12/18/the-comfort-watches/"));
    assert_eq!(day(&dated), Some("2025-12-18"));
    // Days apart, the address is a folder or an old slug: the stated moment stays.
    let moved = page(head, "", Some("https://blog.example/2025/12/10/the-comfort-watches/"));
    assert_eq!(dated.published_time.as_deref().map(str::len), Some(10));
    assert_eq!(moved.published_time.as_deref(), Some("2025-12-19T02:41:41+00:00"));
}
