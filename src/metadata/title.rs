//! Title cleanup: the `<title>` element carries the site name (`Title | Site`, `标题_网易科技`)
//! and sometimes breadcrumbs or keywords; this cuts them the way Readability's
//! `_getArticleTitle` does, with character-based rules for CJK titles and Chinese site suffixes.
//! Then [`headline`] checks the chosen metadata title against what the page shows its readers:
//! the part of it the page shows as its headline, a part naming the site by its address, the
//! `h1` a search title was rewritten from.

use std::collections::HashMap;

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use crate::dom::{self, NodeRefH};
use crate::text::{fold, is_cjk};
use crate::tunables::{
    CJK_TITLE_SEPARATORS, HEADLINE_SIMILARITY, MIN_CJK_TITLE_CHARS, SHORT_BLOCK_MAX_NODES, SITE_NAME_MIN_CHARS,
    SITE_NAME_WORDS, SITE_SEPARATORS, SITE_SUFFIX_MAX_CHARS, TITLE_COLON_PREFIX_WORDS, TITLE_HIERARCHICAL_SEPARATORS,
    TITLE_MAX_CHARS, TITLE_MIN_CHARS, TITLE_MIN_WORDS, TITLE_PARTS_EXAMINED, TITLE_PART_SEPARATORS,
    TITLE_SECTION_MAX_CHARS, TITLE_SEPARATORS, TITLE_SHORT_WORDS,
};

/// The page's headings, as [`clean`] consults them.
#[derive(Debug, Default)]
pub struct Headings {
    /// Text of the first `h1`s, white space collapsed.
    pub h1: Vec<String>,
    /// All `h1`s in the page (Readability uses the `h1` only when there is exactly one).
    pub h1_count: usize,
    /// Text of the first `h2`s.
    pub h2: Vec<String>,
}

/// A cleaned title and, for a Chinese title, the site name its suffix gave.
#[derive(Debug, PartialEq)]
pub struct Cleaned {
    pub title: String,
    pub site: Option<String>,
}

/// Collapse runs of ASCII white space and trim, as `document.title` reads the `<title>`
/// element (an ideographic space inside a Japanese title stays). A no-break space counts as
/// white space too: sites pad separators with it (`overview&nbsp;|&nbsp;Google Cloud`) and glue
/// a title's last words against wrapping, which the reading view's title does on its own.
pub fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Words as the title rules count them: white-space-separated tokens, except that each CJK
/// character is a word (a 5-word rule means nothing for Chinese, where a title is one token).
fn words(s: &str) -> usize {
    s.split_whitespace()
        .map(|token| {
            let cjk = token.chars().filter(|&c| is_cjk(c) && c.is_alphanumeric()).count();
            if cjk == 0 {
                return 1;
            }
            // Latin runs inside a CJK token (`AI模型`) count as words too.
            let mut runs = 0;
            let mut in_run = false;
            for c in token.chars() {
                let latin = c.is_alphanumeric() && !is_cjk(c);
                if latin && !in_run {
                    runs += 1;
                }
                in_run = latin;
            }
            cjk + runs
        })
        .sum()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| is_cjk(c) && c.is_alphanumeric())
}

/// Byte offsets of ` X ` where X is one of `set`: the separator's own offset.
fn spaced_separators(s: &str, set: &[char]) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    (1..chars.len().saturating_sub(1))
        .filter(|&i| set.contains(&chars[i].1) && chars[i - 1].1.is_whitespace() && chars[i + 1].1.is_whitespace())
        .map(|i| chars[i].0)
        .collect()
}

/// Clean a page's `<title>` (already read as text). Follows Readability's `_getArticleTitle`:
/// cut the last ` | Site` part (or the first, when the rest is too short), handle `Site: Title`,
/// fall back to the only `h1` for titles of odd length, and keep the whole title when cleaning
/// leaves four words or fewer. Differs for CJK titles: words count per character, and an
/// unspaced site suffix (`标题_网易科技`, with keywords or sections before it) is cut too, or
/// the title is replaced by an `h1` it starts with.
pub fn clean(raw: &str, headings: &Headings) -> Cleaned {
    let orig = collapse_space(raw);
    let mut site = None;
    let mut hierarchical = false;
    let spaced = spaced_separators(&orig, TITLE_SEPARATORS);
    let mut cur = if let Some(&last) = spaced.last() {
        hierarchical = !spaced_separators(&orig, TITLE_HIERARCHICAL_SEPARATORS).is_empty();
        let head = orig[..last].to_string();
        if words(&head) < TITLE_MIN_WORDS {
            // Readability drops everything up to the first separator character instead.
            match orig.find(TITLE_SEPARATORS) {
                Some(i) => orig[i + orig[i..].chars().next().map_or(1, char::len_utf8)..].to_string(),
                None => head,
            }
        } else {
            head
        }
    } else if let Some(found) = has_cjk(&orig).then(|| cjk_suffix(&orig, headings)).flatten() {
        site = found.site;
        // The CJK rule has its own length guard; Readability's word rules below do not apply.
        return Cleaned { title: found.title, site };
    } else if orig.contains(": ") {
        let whole = orig.trim();
        if headings.h1.iter().chain(&headings.h2).any(|h| h == whole) {
            orig.clone()
        } else {
            let last = orig.rfind(':').unwrap_or(0);
            let after_last = orig[last + 1..].to_string();
            if words(&after_last) < TITLE_MIN_WORDS {
                let first = orig.find(':').unwrap_or(0);
                orig[first + 1..].to_string()
            } else if words(&orig[..orig.find(':').unwrap_or(0)]) > TITLE_COLON_PREFIX_WORDS {
                orig.clone()
            } else {
                after_last
            }
        }
    } else {
        let len = orig.chars().count();
        match headings.h1.first() {
            Some(h1) if !(TITLE_MIN_CHARS..=TITLE_MAX_CHARS).contains(&len) && headings.h1_count == 1 => h1.clone(),
            _ => orig.clone(),
        }
    };
    cur = collapse_space(&cur);
    let cur_words = words(&cur);
    let orig_words_without_separators = words(&orig.replace(TITLE_SEPARATORS, ""));
    if cur_words <= TITLE_SHORT_WORDS && (!hierarchical || cur_words + 1 != orig_words_without_separators) {
        cur = orig;
    }
    Cleaned { title: cur, site }
}

/// True when `part` names a site: short and holding a site word (`网易科技`, `腾讯网`), or a
/// domain name.
fn names_site(part: &str) -> bool {
    let len = part.chars().count();
    if len == 0 || len > SITE_SUFFIX_MAX_CHARS {
        return false;
    }
    let lower = part.to_lowercase();
    SITE_NAME_WORDS.iter().any(|w| part.contains(w))
        || [".com", ".cn", ".net", ".org", ".tw", ".hk"].iter().any(|tld| lower.contains(tld))
}

/// Byte ranges of the unspaced separators in a CJK title. A hyphen between two Latin letters or
/// digits is part of a word (`COVID-19`, `2019-2020`), not a separator.
fn cjk_separators(s: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !CJK_TITLE_SEPARATORS.contains(&c) {
            continue;
        }
        if c == '-' {
            let word_char = |j: Option<&(usize, char)>| j.is_some_and(|&(_, c)| c.is_ascii_alphanumeric());
            if word_char(i.checked_sub(1).and_then(|p| chars.get(p))) && word_char(chars.get(i + 1)) {
                continue;
            }
        }
        out.push((at, at + c.len_utf8()));
    }
    out
}

/// Cut a Chinese title's site suffix: `标题|苹果|谷歌|TPU_网易科技` → `标题` (site `网易科技`).
/// An `h1` that the title starts with, followed by a separator, wins over cutting: it is the
/// title exactly, even when the title itself holds an underscore.
fn cjk_suffix(orig: &str, headings: &Headings) -> Option<Cleaned> {
    let seps = cjk_separators(orig);
    let &(last_start, last_end) = seps.last()?;
    let site_part = orig[last_end..].trim();
    let site = names_site(site_part).then(|| site_part.to_string());
    for h1 in &headings.h1 {
        if h1.chars().count() >= MIN_CJK_TITLE_CHARS
            && orig.strip_prefix(h1.as_str()).is_some_and(|rest| {
                rest.trim_start().starts_with(|c| CJK_TITLE_SEPARATORS.contains(&c) || TITLE_SEPARATORS.contains(&c))
            })
        {
            return Some(Cleaned { title: h1.clone(), site });
        }
    }
    site.as_ref()?;
    let mut cut = last_start;
    // Sections and keywords between the title and the site: short parts, cut while what is left
    // stays longer than what is cut.
    for &(start, end) in seps.iter().rev().skip(1) {
        let part = orig[end..cut].trim();
        let rest = orig[..start].trim();
        if part.chars().count() > TITLE_SECTION_MAX_CHARS || rest.chars().count() <= part.chars().count() {
            break;
        }
        cut = start;
    }
    let title = orig[..cut].trim();
    (title.chars().count() >= MIN_CJK_TITLE_CHARS).then(|| Cleaned { title: title.to_string(), site })
}

/// How much of `b`'s text is also in `a`, from 0 to 1, over lower-cased word tokens (each CJK
/// character a token), as Readability's `_textSimilarity`.
pub fn similarity(a: &str, b: &str) -> f32 {
    let tokens = |s: &str| -> Vec<String> {
        let mut out = Vec::new();
        let mut word = String::new();
        for c in s.to_lowercase().chars() {
            if is_cjk(c) && c.is_alphanumeric() {
                if !word.is_empty() {
                    out.push(std::mem::take(&mut word));
                }
                out.push(c.to_string());
            } else if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
        out
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&str> = tb.iter().filter(|t| !ta.contains(t)).map(String::as_str).collect();
    let joined_len = |v: &[&str]| v.iter().map(|t| t.chars().count()).sum::<usize>() + v.len().saturating_sub(1);
    let all_b: Vec<&str> = tb.iter().map(String::as_str).collect();
    1.0 - joined_len(&unique_b) as f32 / joined_len(&all_b) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean_plain(title: &str) -> String {
        clean(title, &Headings::default()).title
    }

    #[test]
    fn english_separators() {
        assert_eq!(
            clean_plain("Get your Frontend JavaScript Code Covered | Code"),
            "Get your Frontend JavaScript Code Covered"
        );
        assert_eq!(
            clean_plain("Obama admits US gun laws are his biggest frustration - BBC News"),
            "Obama admits US gun laws are his biggest frustration"
        );
        assert_eq!(clean_plain("Lorem ipsum dolor sit amet – Site"), "Lorem ipsum dolor sit amet");
        assert_eq!(clean_plain("A long article title here — The Daily"), "A long article title here");
        // Too short after the cut: the first part goes instead.
        assert_eq!(clean_plain("Site | A long article title here"), "A long article title here");
        // Four words or fewer: the whole title stays.
        assert_eq!(clean_plain("Short title | Site"), "Short title | Site");
        // Hierarchical separators: a breadcrumb cut by one level is accepted.
        assert_eq!(clean_plain("News » Big Story Today Here"), "Big Story Today Here");
        assert_eq!(clean_plain("Home » News » Big Story Today"), "Home » News » Big Story Today");
        assert_eq!(clean_plain("  Spaced\n  out   title with words  "), "Spaced out title with words");
    }

    #[test]
    fn colons_and_headings() {
        let none = Headings::default();
        assert_eq!(clean("Site name: A long article title here", &none).title, "A long article title here");
        let h = Headings { h2: vec!["This is a long title with a colon: Hello there".into()], ..Headings::default() };
        assert_eq!(
            clean("This is a long title with a colon: Hello there", &h).title,
            "This is a long title with a colon: Hello there"
        );
        let h = Headings { h1: vec!["The real and rather long headline".into()], h1_count: 1, ..Headings::default() };
        assert_eq!(clean("Short", &h).title, "The real and rather long headline");
    }

    #[test]
    fn chinese_site_suffixes() {
        let cases = [
            (
                "苹果承认:AI模型使用谷歌定制芯片训练|苹果|谷歌|TPU_网易科技",
                "苹果承认:AI模型使用谷歌定制芯片训练",
                "网易科技",
            ),
            (
                "八部委如何玩转互联网+：打造万物互联新生态_网易财经",
                "八部委如何玩转互联网+：打造万物互联新生态",
                "网易财经",
            ),
            (
                "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶_科技_腾讯网",
                "DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶",
                "腾讯网",
            ),
            (
                "宇航员在太空中喝酒会怎么样？后果很严重 _探索者 _光明网",
                "宇航员在太空中喝酒会怎么样？后果很严重",
                "光明网",
            ),
            ("特朗普遇刺-新浪", "特朗普遇刺", "新浪"),
            ("央行宣布降准|网易", "央行宣布降准", "网易"),
            ("北京暴雨_新浪网", "北京暴雨", "新浪网"),
            ("新冠疫苗获批 COVID-19 疫情_凤凰网", "新冠疫苗获批 COVID-19 疫情", "凤凰网"),
        ];
        for (title, expected, site) in cases {
            let cleaned = clean_plain_site(title);
            assert_eq!(cleaned.title, expected, "{title}");
            assert_eq!(cleaned.site.as_deref(), Some(site), "{title}");
        }
    }

    fn clean_plain_site(title: &str) -> Cleaned {
        clean(title, &Headings::default())
    }

    #[test]
    fn chinese_titles_kept_when_unsure() {
        // No site word in the suffix: nothing is cut.
        assert_eq!(clean_plain("上海_北京两地联合发布新政策"), "上海_北京两地联合发布新政策");
        // Too little left.
        assert_eq!(clean_plain("体育_网易"), "体育_网易");
        // Japanese full-width brackets and spaces are not separators.
        assert_eq!(
            clean_plain("欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞"),
            "欲張りなイヌ　＜福娘童話集　きょうのイソップ童話＞"
        );
    }

    #[test]
    fn chinese_h1_prefix_wins() {
        let h = Headings { h1: vec!["新竹尖石_美樹營地賞楓".into()], h1_count: 1, ..Headings::default() };
        assert_eq!(clean("新竹尖石_美樹營地賞楓_痞客邦網誌", &h).title, "新竹尖石_美樹營地賞楓");
    }

    #[test]
    fn similarity_counts_shared_tokens() {
        assert!((similarity("West Ham hrozí gigantům", "West Ham hrozí gigantům") - 1.0).abs() < 1e-6);
        assert!(similarity("Aktuálně.cz", "West Ham hrozí gigantům") < 0.1);
        assert!(similarity("苹果承认AI模型", "苹果承认") > 0.99);
        assert_eq!(similarity("", "x"), 0.0);
    }
}


/// The names a page's address gives its site, [`fold`]ed: the host without `www.` and the
/// top-level domain (`blogrustlang`), and its name label (`rustlang`, `bbc` for www.bbc.co.uk).
/// The address is the one name a page cannot fill with a slogan, as `og:site_name` often is
/// ("Yahoo News - Latest News & Headlines").
#[derive(Debug, Default)]
pub struct SiteNames {
    host: Option<String>,
    label: Option<String>,
}

impl SiteNames {
    pub fn new(host: Option<&str>) -> SiteNames {
        let labels: Vec<&str> = host.map_or(Vec::new(), |h| h.trim_start_matches("www.").split('.').collect());
        let mut name = labels.len().saturating_sub(1);
        // `co.uk`, `com.cn`: a short second-level label is part of the suffix, not the name.
        if name >= 2 && labels[name - 1].len() <= 3 {
            name -= 1;
        }
        let keep = |s: String| (s.chars().count() >= SITE_NAME_MIN_CHARS).then_some(s);
        SiteNames {
            host: keep(fold(&labels[..name].join("."))),
            label: name.checked_sub(1).and_then(|i| keep(fold(labels[i]))),
        }
    }

    /// True when `part` names the site: it holds the host's name or is held by it
    /// (`Shopify App Store` on apps.shopify.com, `FieldEdge` on fieldedge.com).
    fn named_by(&self, part: &str) -> bool {
        let part = fold(part);
        part.chars().count() >= SITE_NAME_MIN_CHARS
            && [&self.host, &self.label].into_iter().flatten().any(|name| name.contains(&part) || part.contains(name.as_str()))
    }
}

/// Where a metadata title comes from, for [`headline`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MetaTitle {
    /// `og:title` is the `<title>` verbatim: the page has only a title written for search results.
    SearchCopy,
    /// Any other: a headline the site wrote for its metadata, trusted as Readability trusts it.
    Written,
}

/// The headline a reader sees for a page whose metadata title is `title`, in order of evidence:
/// 1. a part of the title (cut at separators) that the page shows as the whole text of one of
///    its elements and that is most of the title: the rest is what sites add (`-CSDN.NET`,
///    ` 东区办事处_中山网`, `明日股市预测--`). In a Chinese or Japanese title whatever the rest
///    is, as those sites' names are rarely spelled by their address (pinyin, initials); in a
///    Latin-script title when the rest names the site by its address or the part is the page's
///    `h1` (`How to Build a Terrarium | eHow`: Readability keeps the suffix, human gold and
///    readers do not; a part shown only as a logo or menu item is the site's name);
/// 2. else the title without a leading or trailing part that names the site by its address;
/// 3. then, for a search title that is a variant of the page's `h1` (they share words but
///    neither holds the other), the `h1`: a search title ([`MetaTitle::SearchCopy`], or one
///    carrying the site's name for a results page) is rewritten for search engines ("Health And
///    Nutrition Trends For 2026 - Tastewise"), the `h1` is what readers are shown ("Top 10
///    Health and Nutrition Trends to Watch").
pub fn headline(title: &str, doc: &Html, headings: &Headings, site: &SiteNames, source: MetaTitle) -> String {
    if let Some(part) = part_shown_in_page(title, doc)
        && (has_cjk(title)
            || site.named_by(&title.replacen(part, " ", 1))
            || headings.h1.iter().any(|h1| fold(h1) == fold(part)))
    {
        return part.to_string();
    }
    let cut = without_site(title, site);
    if source == MetaTitle::SearchCopy || cut != title {
        return headline_of_variant(&cut, headings).unwrap_or(cut);
    }
    cut
}

fn is_part_separator(c: char) -> bool {
    c.is_whitespace() || TITLE_PART_SEPARATORS.contains(&c)
}

/// Byte ranges of the title's parts: the text between any two of its separators (or its ends),
/// trimmed, over the first [`TITLE_PARTS_EXAMINED`] separators. A separator is a run of
/// [`TITLE_PART_SEPARATORS`] and spaces, or an ASCII space beside a CJK character: Chinese
/// writes no spaces between words, so such a space in a Chinese title separates phrases
/// (`标题 东区办事处`); an ideographic space is inside a Japanese phrase.
fn parts(title: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = title.char_indices().collect();
    // (start, end) of each separator run.
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() && runs.len() < TITLE_PARTS_EXAMINED {
        if !is_part_separator(chars[i].1) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_part_separator(chars[i].1) {
            i += 1;
        }
        let marked = chars[start..i].iter().any(|&(_, c)| !c.is_whitespace());
        let ascii_space = chars[start..i].iter().all(|&(_, c)| c == ' ');
        let beside_cjk = |j: Option<usize>| j.and_then(|j| chars.get(j)).is_some_and(|&(_, c)| is_cjk(c));
        if marked || (ascii_space && (beside_cjk(start.checked_sub(1)) || beside_cjk(Some(i)))) {
            runs.push((chars[start].0, chars.get(i).map_or(title.len(), |&(at, _)| at)));
        }
    }
    let starts = std::iter::once(0).chain(runs.iter().map(|&(_, end)| end));
    let mut out = Vec::new();
    for (n, from) in starts.enumerate() {
        for to in runs[n..].iter().map(|&(start, _)| start).chain([title.len()]) {
            if from < to {
                out.push((from, to));
            }
        }
    }
    out
}

/// The longest part of `title` that holds more than half its letters and is the whole text of
/// an element of the page outside its `<head>` and scripts; `None` when the page shows the
/// whole title so (its headline is all of it) or none of its parts.
fn part_shown_in_page<'t>(title: &'t str, doc: &Html) -> Option<&'t str> {
    let whole = fold(title);
    let mut wanted: HashMap<String, &str> = HashMap::new();
    for (from, to) in parts(title) {
        let part = title[from..to].trim_matches(is_part_separator);
        let key = fold(part);
        if key.chars().count() * 2 > whole.chars().count() && key.len() < whole.len() {
            wanted.insert(key, part);
        }
    }
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    let mut walk = dom::Walk::new(doc.tree.root());
    while let Some(edge) = walk.next() {
        let Edge::Open(node) = edge else { continue };
        let Some(tag) = dom::tag(&node) else { continue };
        if matches!(tag, "head" | "script" | "style" | "noscript" | "template" | "textarea" | "select") {
            walk.skip_subtree();
            continue;
        }
        let Some(text) = squashed_text(node, whole.len()) else { continue };
        if text == whole {
            return None;
        }
        if let Some(&part) = wanted.get(&text)
            && best.is_none_or(|(len, _)| len < text.len())
        {
            best = Some((text.len(), part));
        }
    }
    best.map(|(_, part)| part)
}

/// An element's text [`fold`]ed, outside scripts; `None` for an element of more than
/// [`SHORT_BLOCK_MAX_NODES`] nodes or with more than `max_bytes` of it.
fn squashed_text(node: NodeRefH<'_>, max_bytes: usize) -> Option<String> {
    let mut out = String::new();
    for (i, n) in node.descendants().enumerate() {
        if i > SHORT_BLOCK_MAX_NODES || out.len() > max_bytes {
            return None;
        }
        let in_script = || n.parent().and_then(|p| dom::tag(&p)).is_some_and(|t| matches!(t, "script" | "style"));
        if let Node::Text(t) = n.value()
            && !in_script()
        {
            out.extend(crate::text::folded(t));
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The title without a trailing (`What is Cloud Computing? | Google Cloud`) or leading
/// (`Tastify | Top 7 Catering Trends`) part that names the site, cut at the last or first
/// [`SITE_SEPARATORS`]. A part naming anything else stays, and so does a title that is nothing
/// but the site's name and one word (`Home | FieldEdge`).
pub fn without_site(title: &str, site: &SiteNames) -> String {
    let found = |at: Option<(usize, &'static str)>| at.filter(|&(at, sep)| at > 0 && at + sep.len() < title.len());
    let last = found(SITE_SEPARATORS.iter().filter_map(|sep| title.rfind(sep).map(|at| (at, *sep))).max_by_key(|(at, _)| *at));
    let first = found(SITE_SEPARATORS.iter().filter_map(|sep| title.find(sep).map(|at| (at, *sep))).min_by_key(|(at, _)| *at));
    if let Some((at, sep)) = last
        && words(&title[..at]) >= 2
        && site.named_by(&title[at + sep.len()..])
    {
        return title[..at].trim_end().to_string();
    }
    if let Some((at, sep)) = first
        && words(&title[at + sep.len()..]) >= 2
        && site.named_by(&title[..at])
    {
        return title[at + sep.len()..].trim_start().to_string();
    }
    title.to_string()
}

/// The page's `h1` most like `title`, when the title is a variant of it: each shares at least
/// [`HEADLINE_SIMILARITY`] of the other's words (a site name `h1` shares little of a title).
/// An `h1` that holds the whole title and more carries extras (a date, the author, the site);
/// one the title holds is one of its parts (a site's or section's name, judged above): neither
/// replaces it.
fn headline_of_variant(title: &str, headings: &Headings) -> Option<String> {
    let key = fold(title);
    if headings.h1.iter().any(|h| fold(h) == key) {
        return None;
    }
    headings
        .h1
        .iter()
        .filter(|h| {
            let h = fold(h);
            !h.contains(&key) && !key.contains(&h)
        })
        .map(|h| (similarity(h, title).min(similarity(title, h)), h))
        .filter(|(s, _)| *s >= HEADLINE_SIMILARITY)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, h)| h.clone())
}

#[cfg(test)]
mod headline_tests {
    use super::*;

    fn site(host: &str) -> SiteNames {
        SiteNames::new(Some(host))
    }

    #[test]
    fn drops_a_part_naming_the_site_only() {
        let t = "51 Must-Have Electrician Tools for 2025 - FieldEdge";
        assert_eq!(without_site(t, &site("www.fieldedge.com")), "51 Must-Have Electrician Tools for 2025");
        assert_eq!(without_site(t, &site("example.com")), t);
        assert_eq!(without_site(t, &SiteNames::default()), t);
        assert_eq!(without_site("Home | FieldEdge", &site("fieldedge.com")), "Home | FieldEdge");
        assert_eq!(
            without_site("Tastify | Top 7 Corporate Catering Trends", &site("tastify.ai")),
            "Top 7 Corporate Catering Trends"
        );
        assert_eq!(without_site("Klatch Coffee | Shopify App Store", &site("apps.shopify.com")), "Klatch Coffee");
        // The name label of a host under `co.uk` is the one before it.
        assert_eq!(without_site("Big Weather Story | BBC Weather", &site("www.bbc.co.uk")), "Big Weather Story");
    }

    #[test]
    fn parts_between_separators() {
        let t = "标题内容 东区办事处_中山网";
        let got: Vec<&str> = parts(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert!(got.contains(&"标题内容"), "{got:?}");
        assert!(got.contains(&"标题内容 东区办事处"), "{got:?}");
        assert!(got.contains(&"中山网"), "{got:?}");
        // Spaces between Latin words separate nothing.
        assert_eq!(parts("Big story today").len(), 1);
    }
}
