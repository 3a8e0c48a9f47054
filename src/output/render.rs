//! The reading view's markup, shared by the extension, the www demo and saved copies, so all
//! three show an article the same way. Styled by `reader.css` ([`STYLESHEET`]).
//!
//! Metadata comes from strangers' pages: every piece of it is escaped here. `Article::content`
//! is inserted as it is, because the core has already sanitized it.

use std::fmt::Write;

use url::Url;

use crate::article::Article;
use crate::metadata::byline;
use crate::metadata::date::iso_day;
use crate::metadata::lang::{is_traditional_chinese, primary_subtag};
use crate::urls;

/// The reading view's stylesheet: typography, themes (`data-theme`), fonts (`data-font`) and the
/// `--lucid-*` custom properties the settings change.
pub const STYLESHEET: &str = include_str!("reader.css");

/// The reading view's inner markup: `<article class="lucid-article">` carrying the article's
/// `lang` and `dir`, a `<header>` (site, title, byline, date and reading time in the article's
/// language, a link to `source_url` when it is an http(s) URL), then
/// `<div class="lucid-content">` with the article's content.
pub fn reader_html(article: &Article, source_url: Option<&str>) -> String {
    let lang = article.lang.as_deref().unwrap_or("");
    let words = Words::for_lang(lang);
    let source = source_url.filter(|s| urls::is_web(s)).and_then(|s| Url::parse(s.trim()).ok());

    let mut out = String::with_capacity(article.content.len() + 1024);
    out.push_str(r#"<article class="lucid-article""#);
    if !lang.is_empty() {
        let _ = write!(out, r#" lang="{}""#, escape(lang));
    }
    if let Some(dir) = article.dir.as_deref().filter(|d| matches!(*d, "ltr" | "rtl")) {
        let _ = write!(out, r#" dir="{dir}""#);
    }
    out.push_str(r#"><header class="lucid-header">"#);

    let site = article.site_name.as_deref().filter(|s| !s.trim().is_empty());
    if let Some(site) = site {
        let _ = write!(out, r#"<p class="lucid-site">{}</p>"#, escape(site));
    }
    let _ = write!(out, r#"<h1 class="lucid-title">{}</h1>"#, escape(&article.title));

    out.push_str(r#"<p class="lucid-meta">"#);
    let date = article.published_time.as_deref().and_then(|t| Some((t, human_date(t, lang)?)));
    // Beside the date, the byline's names only: a byline element's text often repeats the
    // date ("By Lucas Nolan22 Dec 2016"), which would then be said twice.
    let byline = article.byline.as_deref().filter(|b| !b.trim().is_empty());
    let byline = if date.is_some() { byline.and_then(byline::names_only) } else { byline.map(str::to_string) };
    if let Some(byline) = byline {
        let _ = write!(out, r#"<span class="lucid-byline">{}</span>"#, escape(&byline));
    }
    if let Some((iso, date)) = date {
        let _ = write!(out, r#"<time class="lucid-date" datetime="{}">{}</time>"#, escape(iso), escape(&date));
    }
    let _ = write!(out, r#"<span class="lucid-reading-time">{}</span>"#, words.reading_time(article.reading_time_minutes.max(1)));
    if let Some(url) = &source {
        // The link names the site the page named, else its host, else says "original".
        let label = match (site, url.host_str()) {
            (Some(site), _) => site.to_string(),
            (None, Some(host)) => host.to_string(),
            _ => words.source.to_string(),
        };
        let _ = write!(
            out,
            r#"<a class="lucid-source" href="{}" rel="noopener noreferrer">{}</a>"#,
            escape(url.as_str()),
            escape(&label)
        );
    }
    out.push_str("</p></header>");

    out.push_str(r#"<div class="lucid-content">"#);
    out.push_str(&article.content);
    out.push_str("</div></article>");
    out
}

/// The words the header needs, in the article's language (English unless Chinese, Japanese or
/// Korean: those readers are the ones the metadata most often fails).
struct Words {
    date: fn(i32, u32, u32) -> String,
    minutes: fn(u32) -> String,
    /// Hours and minutes (0 for none), for an hour's reading or more.
    hours: fn(u32, u32) -> String,
    source: &'static str,
    contents: &'static str,
}

impl Words {
    fn for_lang(lang: &str) -> Words {
        match primary_subtag(lang).as_str() {
            // Traditional Chinese readers (Taiwan, Hong Kong, Macau) read 約 and 分鐘.
            "zh" if is_traditional_chinese(lang) => Words {
                date: |y, m, d| format!("{y}年{m}月{d}日"),
                minutes: |n| format!("約 {n} 分鐘"),
                hours: |h, m| if m == 0 { format!("約 {h} 小時") } else { format!("約 {h} 小時 {m} 分鐘") },
                source: "原文",
                contents: "目錄",
            },
            "zh" => Words {
                date: |y, m, d| format!("{y}年{m}月{d}日"),
                minutes: |n| format!("约 {n} 分钟"),
                hours: |h, m| if m == 0 { format!("约 {h} 小时") } else { format!("约 {h} 小时 {m} 分钟") },
                source: "原文",
                contents: "目录",
            },
            "ja" => Words {
                date: |y, m, d| format!("{y}年{m}月{d}日"),
                minutes: |n| format!("約 {n} 分"),
                hours: |h, m| if m == 0 { format!("約 {h} 時間") } else { format!("約 {h} 時間 {m} 分") },
                source: "元の記事",
                contents: "目次",
            },
            "ko" => Words {
                date: |y, m, d| format!("{y}년 {m}월 {d}일"),
                minutes: |n| format!("약 {n}분"),
                hours: |h, m| if m == 0 { format!("약 {h}시간") } else { format!("약 {h}시간 {m}분") },
                source: "원문",
                contents: "목차",
            },
            _ => Words {
                date: |y, m, d| format!("{} {d}, {y}", MONTHS[(m - 1) as usize]),
                minutes: |n| format!("{n} min read"),
                hours: |h, m| if m == 0 { format!("{h} h read") } else { format!("{h} h {m} min read") },
                source: "Original",
                contents: "Contents",
            },
        }
    }

    /// Minutes under an hour; past it hours, with minutes to the nearest five below ten hours
    /// (beyond, the minutes are noise): "2172 min read" says nothing a reader can picture.
    fn reading_time(&self, minutes: u32) -> String {
        if minutes < 60 {
            return (self.minutes)(minutes);
        }
        let (hours, rest) = (minutes / 60, if minutes >= 600 { 0 } else { (minutes % 60 + 2) / 5 * 5 });
        if rest == 60 { (self.hours)(hours + 1, 0) } else { (self.hours)(hours, rest) }
    }
}

const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
];

/// What a table of contents is called in the article's language `lang`.
pub fn contents_label(lang: &str) -> &'static str {
    Words::for_lang(lang).contents
}

/// The calendar date of an ISO 8601 time, as the page wrote it (in the page's own offset, which
/// is the day its readers saw), formatted for people. `None` when it does not start with a date.
fn human_date(iso: &str, lang: &str) -> Option<String> {
    let mut parts = iso_day(iso)?.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((Words::for_lang(lang).date)(year, month, day))
}

/// Escape text for an HTML text node or a double-quoted attribute value (the only kind Lucid
/// writes): the one escaper of the reading view and the saved copy. A no-break space is written
/// as `&nbsp;`, so it stays visible to whoever reads the file's source.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\u{A0}' => out.push_str("&nbsp;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(lang: Option<&str>) -> Article {
        Article {
            title: "苹果承认:AI模型使用谷歌定制芯片训练".into(),
            byline: Some("网易科技".into()),
            site_name: Some("网易".into()),
            published_time: Some("2024-07-30T08:21:47+08:00".into()),
            lang: lang.map(str::to_string),
            dir: Some("ltr".into()),
            excerpt: None,
            content: "<p>正文</p>".into(),
            text_content: "正文".into(),
            length: 2,
            word_count: 2,
            reading_time_minutes: 3,
            lead_image: None,
            trace: Vec::new(),
            timings: Vec::new(),
        }
    }

    #[test]
    fn chinese_header_speaks_chinese() {
        let html = reader_html(&article(Some("zh-CN")), Some("https://www.163.com/dy/article/x.html"));
        assert!(html.starts_with(r#"<article class="lucid-article" lang="zh-CN" dir="ltr">"#), "{html}");
        assert!(html.contains(r#"<h1 class="lucid-title">苹果承认:AI模型使用谷歌定制芯片训练</h1>"#), "{html}");
        assert!(html.contains(r#"datetime="2024-07-30T08:21:47+08:00">2024年7月30日</time>"#), "{html}");
        assert!(html.contains("约 3 分钟"), "{html}");
        assert!(html.contains(r#"href="https://www.163.com/dy/article/x.html""#), "{html}");
        assert!(html.ends_with(r#"<div class="lucid-content"><p>正文</p></div></article>"#), "{html}");
    }

    #[test]
    fn traditional_chinese_header_reads_traditional() {
        for lang in ["zh-Hant", "zh-TW", "zh-HK", "zh-MO", "zh-Hant-CN"] {
            let html = reader_html(&article(Some(lang)), None);
            assert!(html.contains("約 3 分鐘") && html.contains("2024年7月30日"), "{lang}: {html}");
        }
        for lang in ["zh", "zh-CN", "zh-Hans", "zh-Hans-HK", "zh-SG"] {
            assert!(reader_html(&article(Some(lang)), None).contains("约 3 分钟"), "{lang}");
        }
    }

    #[test]
    fn the_meta_line_says_each_thing_once() {
        let mut a = article(Some("en"));
        a.byline = Some("By Lucas Nolan22 Dec 2016".into());
        a.site_name = Some("The Valley Courier".into());
        let html = reader_html(&a, Some("http://127.0.0.1:8080/a"));
        assert!(html.contains(r#"<span class="lucid-byline">Lucas Nolan</span>"#), "the date is not repeated in the byline: {html}");
        assert!(html.contains(">The Valley Courier</a>"), "the source link names the site, not 127.0.0.1: {html}");
        a.published_time = None;
        assert!(reader_html(&a, None).contains("By Lucas Nolan22 Dec 2016"), "without a date shown, the byline stays whole");
        for (minutes, en, zh_hant) in [(59, "59 min read", "約 59 分鐘"), (60, "1 h read", "約 1 小時"), (134, "2 h 15 min read", "約 2 小時 15 分鐘"), (178, "3 h read", "約 3 小時"), (2172, "36 h read", "約 36 小時")] {
            a.reading_time_minutes = minutes;
            assert!(reader_html(&a, None).contains(en), "{minutes}: {en}");
            a.lang = Some("zh-Hant".into());
            assert!(reader_html(&a, None).contains(zh_hant), "{minutes}: {zh_hant}");
            a.lang = Some("en".into());
        }
    }

    #[test]
    fn other_languages_read_english() {
        let mut a = article(Some("en"));
        a.site_name = None;
        a.reading_time_minutes = 0;
        let html = reader_html(&a, Some("https://example.org/a"));
        assert!(html.contains(">July 30, 2024</time>"), "{html}");
        assert!(html.contains("1 min read"), "{html}");
        assert!(html.contains(">example.org</a>"), "host names the source without a site name: {html}");
        assert!(reader_html(&article(Some("ja")), None).contains("約 3 分"));
        assert!(reader_html(&article(Some("ko")), None).contains("2024년 7월 30일"));
    }

    #[test]
    fn metadata_is_escaped() {
        let mut a = article(Some("en\" onload=\"x"));
        a.title = "<img src=x onerror=alert(1)>".into();
        a.byline = Some("<script>alert(1)</script>".into());
        a.site_name = Some("a & b".into());
        a.published_time = Some("2024-07-30\"><script>".into());
        a.dir = Some("rtl\" onclick=\"x".into());
        let html = reader_html(&a, Some("https://e.example/?q=\"><script>"));
        let header = html.split(r#"<div class="lucid-content">"#).next().unwrap();
        assert!(!header.contains("<script") && !header.contains("<img") && !header.contains("\" on"), "{header}");
        assert!(header.contains("a &amp; b"), "{header}");
    }

    #[test]
    fn only_web_sources_are_linked() {
        for bad in ["javascript:alert(1)", "data:text/html,x", "not a url", "file:///etc/passwd"] {
            assert!(!reader_html(&article(None), Some(bad)).contains("lucid-source"), "{bad}");
        }
    }

    #[test]
    fn unparseable_dates_are_left_out() {
        for bad in ["yesterday", "2024-13-01", "2024", "２０２４-07-30"] {
            let mut a = article(None);
            a.published_time = Some(bad.into());
            assert!(!reader_html(&a, None).contains("<time"), "{bad}");
        }
    }
}
