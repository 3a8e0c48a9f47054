//! Title cleanup: the `<title>` element carries the site name (`Title | Site`, `标题_网易科技`)
//! and sometimes breadcrumbs or keywords; this cuts them the way Readability's
//! `_getArticleTitle` does, with character-based rules for CJK titles and Chinese site suffixes.

use crate::text::is_cjk;
use crate::tunables::{
    CJK_TITLE_SEPARATORS, MIN_CJK_TITLE_CHARS, SITE_NAME_WORDS, SITE_SUFFIX_MAX_CHARS, TITLE_COLON_PREFIX_WORDS,
    TITLE_HIERARCHICAL_SEPARATORS, TITLE_MAX_CHARS, TITLE_MIN_CHARS, TITLE_MIN_WORDS, TITLE_SECTION_MAX_CHARS,
    TITLE_SEPARATORS, TITLE_SHORT_WORDS,
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
/// element (an ideographic space inside a Japanese title stays).
pub fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_ascii_whitespace()).filter(|w| !w.is_empty()) {
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

/// Separators sites put between an article's title and their own name.
const SITE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » "];

/// Letters and digits, lower-cased: what names are compared by.
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The title without a trailing " | Site" naming the site by its host (`FieldEdge` on
/// fieldedge.com): metadata titles often carry the suffix (`og:title` copied from `<title>`),
/// and Readability keeps it. The host is the one authoritative name; `og:site_name` is not
/// used, as pages fill it with slogans ("Yahoo News - Latest News & Headlines"). A suffix
/// naming anything else stays.
pub fn without_site_suffix(title: &str, host: Option<&str>) -> String {
    let Some((at, sep)) = SITE_SEPARATORS.iter().filter_map(|sep| title.rfind(sep).map(|at| (at, *sep))).max_by_key(|(at, _)| *at)
    else {
        return title.to_string();
    };
    let (head, suffix) = (&title[..at], &title[at + sep.len()..]);
    let suffix = squash(suffix);
    if suffix.chars().count() < 3 || words(head) < 2 {
        return title.to_string();
    }
    let host = host.map(|h| {
        let h = h.trim_start_matches("www.");
        squash(h.rsplit_once('.').map_or(h, |(name, _tld)| name))
    });
    let names_site = host.is_some_and(|h| h.len() >= 3 && (h.contains(&suffix) || suffix.contains(&h)));
    if names_site { head.trim_end().to_string() } else { title.to_string() }
}

#[cfg(test)]
mod site_suffix_tests {
    use super::without_site_suffix;

    #[test]
    fn strips_a_suffix_naming_the_host_only() {
        let t = "51 Must-Have Electrician Tools for 2025 - FieldEdge";
        assert_eq!(without_site_suffix(t, Some("www.fieldedge.com")), "51 Must-Have Electrician Tools for 2025");
        assert_eq!(without_site_suffix(t, Some("example.com")), t);
        assert_eq!(without_site_suffix(t, None), t);
        // A title that is nothing but the site's name stays whole.
        assert_eq!(without_site_suffix("Home | FieldEdge", Some("fieldedge.com")), "Home | FieldEdge");
    }
}
