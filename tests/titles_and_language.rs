//! One page per title and language rule of issue 11, each built from the markup real sites use:
//! Chinese titles whose additions the page itself shows apart, site names the address spells,
//! search titles beside the visible headline, entities escaped twice, charsets declared as
//! languages, and Chinese in either script. Each page failed before its rule.

use lucid::metadata::{self, Metadata};
use scraper::Html;
use url::Url;

fn meta(html: &str, url: Option<&str>) -> Metadata {
    metadata::extract(&Html::parse_document(html), url.and_then(|u| Url::parse(u).ok()).as_ref())
}

fn title(html: &str, url: Option<&str>) -> String {
    meta(html, url).title.unwrap_or_default()
}

#[test]
fn a_chinese_title_gives_way_to_the_part_the_page_shows() {
    // An unspaced hyphen between Latin letters (`ZoomEye-CSDN.NET`) is a cut when the page shows
    // the part before it as its headline.
    let csdn = "<html><head><title>第三届知道安全论坛鸟巢举办 知道创宇发布新版ZoomEye-CSDN.NET </title></head><body>\
        <div class=\"detail\"><h1 class=\"title\">第三届知道安全论坛鸟巢举办 知道创宇发布新版ZoomEye</h1><p>正文</p></div></body></html>";
    assert_eq!(title(csdn, None), "第三届知道安全论坛鸟巢举办 知道创宇发布新版ZoomEye");
    // A space in a Chinese title separates phrases: the office's name after it goes too.
    let zsnews = "<html><head><title>顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作 东区办事处_中山网</title></head>\
        <body><table><tr><td><span class=\"Title\"><b>顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作</b></span></td></tr></table></body></html>";
    assert_eq!(title(zsnews, None), "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作");
    // A column's name before the headline, and a headline in a plain `div`.
    let prefix = "<html><head><title>明日股市预测--最新出炉联合国贸发报告：2019年全球经济增长率降至2.3%</title></head><body>\
        <div class=\"page_art_title\"><div class=\"title-text\">最新出炉联合国贸发报告：2019年全球经济增长率降至2.3%</div></div></body></html>";
    assert_eq!(title(prefix, None), "最新出炉联合国贸发报告：2019年全球经济增长率降至2.3%");
}

#[test]
fn a_chinese_title_the_page_shows_whole_stays_whole() {
    // The page's headline is the whole title, though a teaser elsewhere shows its first phrase.
    let html = "<html><head><title>三周两市蒸发21万亿 股民：深市“蒸”没了</title></head><body>\
        <h1>三周两市蒸发21万亿 股民：深市“蒸”没了</h1><ul><li><a>三周两市蒸发21万亿</a></li></ul></body></html>";
    assert_eq!(title(html, None), "三周两市蒸发21万亿 股民：深市“蒸”没了");
    // A Japanese title's ideographic space is inside a phrase, not between the title and a site.
    let ja = "<html><head><title>欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞</title></head><body>\
        <div>＜福娘童話集　きょうのイソップ童話＞</div><h1>欲張りなイヌ</h1></body></html>";
    assert_eq!(title(ja, None), "欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞");
}

#[test]
fn a_part_naming_the_host_goes_and_nothing_else_does() {
    let page = |t: &str| format!("<html><head><title>{t}</title><meta property=\"og:title\" content=\"{t}\"></head><body><p>x</p></body></html>");
    let google = page("What is Cloud Computing? | Google Cloud");
    assert_eq!(title(&google, Some("https://cloud.google.com/learn/what-is-cloud-computing")), "What is Cloud Computing?");
    let shopify = page("Klatch Coffee Roasters | Shopify App Store");
    assert_eq!(title(&shopify, Some("https://apps.shopify.com/partners/klatch")), "Klatch Coffee Roasters");
    let prefix = page("Tastify | Top 7 Corporate Catering Trends for 2024");
    assert_eq!(title(&prefix, Some("https://www.tastify.co.uk/blog/trends")), "Top 7 Corporate Catering Trends for 2024");
    // No address, or one that names something else: Readability keeps such titles whole.
    let ehow = page("How to Build a Terrarium | eHow");
    assert_eq!(title(&ehow, None), "How to Build a Terrarium | eHow");
    assert_eq!(title(&ehow, Some("https://example.org/terrarium")), "How to Build a Terrarium | eHow");
}

#[test]
fn a_latin_title_gives_way_to_the_part_the_page_shows_when_the_rest_names_the_host() {
    let t = "The Beginner's Guide to Gym Equipment - Urge Fitness | Gyms Near Me";
    let html = format!(
        "<html><head><title>{t}</title><meta property=\"og:title\" content=\"{t}\"></head>\
         <body><h1>The Beginner's Guide to Gym Equipment</h1><p>x</p></body></html>"
    );
    assert_eq!(title(&html, Some("https://urgefitness.com/blog/gym-equipment")), "The Beginner's Guide to Gym Equipment");
    // Without the address, a part the page shows only outside its `h1` proves nothing.
    let crumb = html.replace("<h1>The Beginner's Guide to Gym Equipment</h1>", "<div class=\"crumb\">The Beginner's Guide to Gym Equipment</div><h1>Gym guides</h1>");
    assert_eq!(title(&crumb, None), t);
}

#[test]
fn the_h1_outranks_a_search_title() {
    // `og:title` copies the `<title>`: a title written for search results, rewritten from the
    // headline the page shows.
    let page = |meta_title: &str, og: &str, h1: &str| {
        format!(
            "<html><head><title>{meta_title}</title><meta property=\"og:title\" content=\"{og}\"></head>\
             <body><header><h1 class=\"logo\">Tastewise</h1></header><article><h1>{h1}</h1><p>x</p></article></body></html>"
        )
    };
    let seo = "Health And Nutrition Trends For 2026 - Tastewise";
    let html = page(seo, seo, "Top 10 Health and Nutrition Trends to Watch");
    assert_eq!(title(&html, Some("https://tastewise.io/blog/health-trends")), "Top 10 Health and Nutrition Trends to Watch");
    // An `og:title` the site wrote apart from its `<title>` is a headline itself.
    let written = page(
        "Apple Vision Pro hands-on | The Verge",
        "Apple’s Vision Pro hands-on: the Retina display moment for headsets",
        "Apple’s Vision Pro is the Retina display moment for headsets",
    );
    assert_eq!(title(&written, None), "Apple’s Vision Pro hands-on: the Retina display moment for headsets");
    // Unless it carries the site's name, as titles for a results page do.
    let named = page(
        "Social commerce guide",
        "Social Commerce: What Brands Need to Know | Sprout Social",
        "Social commerce in 2026: what every brand needs to know",
    );
    assert_eq!(title(&named, Some("https://sproutsocial.com/insights/social-commerce/")), "Social commerce in 2026: what every brand needs to know");
    // An `h1` that shares little with the title is a site's name; one holding the title and
    // more carries a date line.
    let unrelated = page("Using Machine Learning To Personalize Shopping", "Using Machine Learning To Personalize Shopping", "Our blog");
    assert_eq!(title(&unrelated, None), "Using Machine Learning To Personalize Shopping");
    let dated = page("Preparing a transition in Debusine", "Preparing a transition in Debusine", "Dec 18 2025 Preparing a transition in Debusine");
    assert_eq!(title(&dated, None), "Preparing a transition in Debusine");
}

#[test]
fn named_entities_and_no_break_spaces_are_decoded() {
    let html = "<html><head><meta property=\"og:title\" content=\"Healthy Eating Plate &amp;bull; Recipes&amp;hellip;\"></head></html>";
    assert_eq!(title(html, None), "Healthy Eating Plate • Recipes…");
    // Padding of no-break spaces round a separator still separates the site's name.
    let html = "<html><head><title>BigQuery overview&nbsp;|&nbsp;Google Cloud Documentation</title></head></html>";
    assert_eq!(title(html, Some("https://cloud.google.com/bigquery/docs/introduction")), "BigQuery overview");
}

const SIMPLIFIED: &str = "苹果公司表示，其人工智能系统的核心模型在谷歌设计的处理器上完成预训练。这个消息发布后，市场对两家公司的合作关系有了新的认识，分析人士认为这将改变整个行业的格局。";
const TRADITIONAL: &str = "蘋果公司表示，其人工智慧系統的核心模型在谷歌設計的處理器上完成預訓練。這個消息發布後，市場對兩家公司的合作關係有了新的認識，分析人士認為這將改變整個行業的格局。";

fn chinese_article(html_lang: Option<&str>, text: &str) -> lucid::Article {
    let lang = html_lang.map(|l| format!(" lang=\"{l}\"")).unwrap_or_default();
    let body: String = (0..6).map(|_| format!("<p>{text}</p>")).collect();
    let html = format!("<html{lang}><head><meta charset=\"utf-8\"><title>蘋果承認</title></head><body><article><h1>蘋果承認</h1>{body}</article></body></html>");
    lucid::extract(&html, &lucid::Options::with_url("https://news.example/a/1.html")).unwrap().expect("an article")
}

#[test]
fn a_charset_declared_as_the_language_is_no_language() {
    // `lang="utf-8"`: the text's own language is detected instead.
    assert_eq!(chinese_article(Some("utf-8"), SIMPLIFIED).lang.as_deref(), Some("zh-Hans"));
    for charset in ["gb2312", "euc-kr", "iso-8859-1"] {
        assert_eq!(meta(&format!("<html lang=\"{charset}\"><body></body></html>"), None).lang, None, "{charset}");
    }
    // A valid declaration stays as declared, region and all.
    assert_eq!(chinese_article(Some("zh-CN"), TRADITIONAL).lang.as_deref(), Some("zh-CN"));
    assert_eq!(chinese_article(Some("zh-hk"), SIMPLIFIED).lang.as_deref(), Some("zh-HK"));
}

#[test]
fn detected_chinese_names_its_script_and_the_reading_view_writes_in_it() {
    let traditional = chinese_article(None, TRADITIONAL);
    assert_eq!(traditional.lang.as_deref(), Some("zh-Hant"));
    let view = lucid::render::reader_html(&traditional, None);
    assert!(view.contains("約 2 分鐘") && !view.contains("分钟"), "{view}");
    let simplified = chinese_article(None, SIMPLIFIED);
    assert_eq!(simplified.lang.as_deref(), Some("zh-Hans"));
    assert!(lucid::render::reader_html(&simplified, None).contains("约 2 分钟"));
    // A declared Taiwanese page reads Traditional words too.
    assert!(lucid::render::reader_html(&chinese_article(Some("zh-TW"), TRADITIONAL), None).contains("約 2 分鐘"));
}

#[test]
fn a_latin_title_gives_way_to_the_headline_the_page_shows() {
    // The site's name after the separator is not spelled by the address (ehow.com says "eHow",
    // a blog names its author): the page's own h1 is the headline.
    let ehow = "<html><head><title>How to Build a Terrarium | eHow</title></head><body>\
        <header><a class=\"logo\">eHow</a></header><h1>How to Build a Terrarium</h1><p>Text.</p></body></html>";
    assert_eq!(title(ehow, Some("https://www.example.com/how-to-build-a-terrarium")), "How to Build a Terrarium");
    // A part shown only as a logo or a menu item is no headline: the title stays whole.
    let logo = "<html><head><title>Sudo - ArchWiki</title></head><body><a class=\"logo\">Sudo</a>\
        <h1>sudo(8) on this system</h1><p>Text.</p></body></html>";
    assert_eq!(title(logo, Some("https://wiki.example.org/title/Sudo")), "Sudo - ArchWiki");
}
