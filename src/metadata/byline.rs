//! The one byline rule: which element of a page is its byline, and how a byline reads once its
//! "By" is gone. Used for the metadata's byline (JSON-LD, `<meta>`) and the one found in the
//! text by the scorer; the metadata's wins, as in Readability.

use crate::dom::{self, NodeRefH};
use crate::tunables::{
    AUTHOR_PATHS, BESIDE_DATE_MAX_WORDS, BYLINE_END_BLOCKS, EDITOR_LABELS, CJK_BYLINE_LABELS, CJK_DATELINE_BARE_LABELS, SOURCE_LABELS, CJK_CREDIT_ROLES, CJK_REPORTER_LABELS, CREDIT_MAX_OFFSET, DATE_LINE_MAX_CHARS,
    BYLINE_CUT_MARKERS, BYLINE_HINTS, BYLINE_MAX_CHARS, BYLINE_PREFIXES, BYLINE_SEPARATORS, BYLINE_MAX_WORDS, BYLINE_NOT_NAMES, CJK_NAME_MAX_CHARS,
};

/// `rel=author`, `itemprop=author` or a byline-like class (Readability's `_isValidByline`
/// element test).
pub fn is_byline_element(node: &NodeRefH<'_>) -> bool {
    if dom::attr(node, "rel") == Some("author") || dom::attr(node, "itemprop").is_some_and(|v| v.contains("author")) {
        return true;
    }
    let hints = dom::class_and_id(node);
    BYLINE_HINTS.iter().any(|w| hints.contains(w))
}

/// A link to its author's page: `rel=author`, or an address with an `/author/` (or `/authors/`)
/// segment, as WordPress and most blog systems file them.
pub fn is_author_link(node: &NodeRefH<'_>) -> bool {
    dom::attr(node, "rel").is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("author")))
        || dom::attr(node, "href").is_some_and(|h| {
            let h = h.to_ascii_lowercase();
            AUTHOR_PATHS.iter().any(|p| h.contains(p))
        })
}

/// The byline a byline element's text gives: `None` when it is empty or too long to be one.
pub fn from_element_text(text: &str) -> Option<String> {
    (text.chars().count() < BYLINE_MAX_CHARS).then(|| clean(text)).flatten()
}

/// The names a byline holds, without what byline blocks print beside them: dates, and the
/// date's and source's labels or a follower count ([`BYLINE_CUT_MARKERS`]) with what follows
/// them. Of the pieces dates and separators leave, the first with a name. `None` when no name is
/// left: a bare label ("About the Author"), a link, digits, or mojibake.
pub fn names_only(byline: &str) -> Option<String> {
    let cleaned = clean(byline)?;
    let end = BYLINE_CUT_MARKERS.iter().filter_map(|m| find_ignoring_case(&cleaned, m)).min().unwrap_or(cleaned.len());
    let kept = &cleaned[..end];
    let dates = super::date::find_all(kept, None);
    let mut kept = super::date::around(kept, &dates)
        .into_iter()
        .flat_map(|gap| gap.split(BYLINE_SEPARATORS))
        .map(|p| p.trim_matches(|c: char| c.is_whitespace() || "-,:：/（）()【】[]".contains(c)))
        .find(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 2)?;
    kept = without_day_and_month(kept);
    // A count left before a cut marker ("股市行情 12.3万粉丝") is no part of the name.
    while let Some((head, last)) = kept.rsplit_once(' ')
        && last.chars().any(|c| c.is_ascii_digit())
    {
        kept = head.trim_end();
    }
    let kept = clean(kept)?;
    let folded = crate::text::fold(&kept);
    let refused = folded.chars().all(|c| c.is_ascii_digit())
        || kept.contains("http")
        || kept.contains('\u{FFFD}')
        || kept.contains('Ã')
        || kept.contains("â€")
        || BYLINE_NOT_NAMES.contains(&folded.as_str());
    (!refused).then_some(kept)
}

/// `byline` without a day and month that end it with no year, which no date reader takes for a
/// date: "Lucas Nolan22 Dec" (Breitbart glues them), "Jane Doe Dec 22".
fn without_day_and_month(byline: &str) -> &str {
    let is_day = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let is_month = |w: &str| super::date::month_name(&w.trim_end_matches('.').to_lowercase()).is_some();
    let Some((head, last)) = byline.rsplit_once(' ') else { return byline };
    if is_month(last) {
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&digits) {
            return head[..head.len() - digits].trim_end();
        }
    } else if is_day(last)
        && let Some((before, month)) = head.rsplit_once(' ')
        && is_month(month)
    {
        return before.trim_end();
    }
    byline
}

/// The name a byline line prints: after an English [`BYLINE_PREFIXES`] word at the line's start
/// ("By Jane Doe and Li Wei | Nov 20, 2019"; a bare "Written by" takes the `next` line), after
/// "by" following a date ("Published August 7, 2023 by Nicole Burke"), or after a Chinese or
/// Japanese [`CJK_BYLINE_LABELS`] label in it ("来源：新华社 作者：张三"), on a
/// line no longer than a date line; or in the reporter's credit that opens a news story, in
/// brackets after the dateline ("新华社巴黎12月9日电（记者唐霁）…"), on any line.
pub fn printed(line: &str, next: Option<&str>) -> Option<String> {
    if let Some(credit) = opening_credit(line) {
        return Some(credit);
    }
    if line.chars().count() > DATE_LINE_MAX_CHARS {
        return None;
    }
    let prefix = BYLINE_PREFIXES.iter().find(|p| {
        line.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)) || line.eq_ignore_ascii_case(p.trim_end())
    });
    if let Some(prefix) = prefix {
        let rest = line.get(prefix.len()..).unwrap_or("").trim();
        let rest = if rest.is_empty() { next.filter(|n| n.chars().count() < BYLINE_MAX_CHARS)? } else { rest };
        return name_part(rest);
    }
    let dates = super::date::find_all(line, None);
    // "Published August 7, 2023 by Nicole Burke": the name after the date.
    let after_date = dates.last().and_then(|&(_, end, _)| {
        let rest = line[end..].trim_start();
        rest.get(..3).filter(|by| by.eq_ignore_ascii_case("by ")).and_then(|_| name_part(&rest[3..]))
    });
    after_date.or_else(|| after_cjk_label(line)).or_else(|| {
        (!dates.is_empty()).then(|| labelled(line, CJK_DATELINE_BARE_LABELS)).flatten()
    })
}

/// The outlet a date line names after its [`SOURCE_LABELS`] label ("2019-09-26 12:11 来源：证券时报网
/// 作者：李在山" gives "证券时报网"), or the one a story's opening credit follows.
pub fn source(line: &str) -> Option<String> {
    if line.chars().count() > DATE_LINE_MAX_CHARS {
        return None;
    }
    // The outlet opening a story's credit ("新京报快讯（记者 裴剑飞）").
    if opening_credit(line).is_some() {
        let open = line.find(['（', '('])?;
        return Some(line[..open].trim().to_string()).filter(|o| !o.is_empty());
    }
    let at = SOURCE_LABELS.iter().find_map(|l| line.find(l).map(|at| at + l.len()))?;
    let rest = line[at..].trim_start_matches([':', '：', ' ', '\u{3000}']);
    let end = rest
        .find(|c: char| c.is_whitespace() || c.is_ascii_digit() || "|｜/（(".contains(c))
        .unwrap_or(rest.len());
    let end = CJK_BYLINE_LABELS.iter().filter_map(|(l, _)| rest[..end].find(l)).min().unwrap_or(end);
    let outlet = rest[..end].trim();
    (!outlet.is_empty()).then(|| outlet.to_string())
}

/// The name a date line holds beside its dates, when that is all it holds besides labels: two to
/// [`BESIDE_DATE_MAX_WORDS`] words, each capitalized (or Chinese, or an account name), no digits
/// ("原创 GameForce 2019-09-04 22:18:34" gives "GameForce"; "News | Nov 20" gives none, nor
/// does "Home > Blog").
pub fn beside_date(line: &str) -> Option<String> {
    let rest = super::date::around(line, &super::date::find_all(line, None)).join(" ");
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || BYLINE_SEPARATORS.contains(&c) || c == ',')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            let folded = crate::text::fold(w);
            !folded.is_empty() && !BYLINE_NOT_NAMES.contains(&folded.as_str())
        })
        .collect();
    let name_like = |w: &&str| {
        !w.chars().any(|c| c.is_ascii_digit())
            && (w.chars().next().is_some_and(char::is_uppercase) || w.chars().all(crate::text::is_cjk))
            && w.chars().all(|c| c.is_alphabetic() || ".'-".contains(c))
    };
    let cjk_ok = words.iter().all(|w| !w.chars().any(crate::text::is_cjk) || (2..=CJK_NAME_MAX_CHARS + 2).contains(&w.chars().count()));
    // One capitalized English word beside a date is as often a section ("News") as a name; on a
    // Chinese page, a one-word account name ("GameForce") is the platform's author slot.
    let enough = words.len() >= 2 || line.chars().any(crate::text::is_cjk);
    (enough && words.len() <= BESIDE_DATE_MAX_WORDS && cjk_ok && words.iter().all(name_like))
        .then(|| words.join(" "))
        .and_then(|n| names_only(&n))
}

/// The names after the first [`CJK_BYLINE_LABELS`] label of `text` that has some.
fn after_cjk_label(text: &str) -> Option<String> {
    labelled(text, CJK_BYLINE_LABELS)
}

/// The names after the first of `labels` in `text` that has some; a label marked `false` must
/// not follow a letter or digit.
fn labelled(text: &str, labels: &[(&str, bool)]) -> Option<String> {
    labels.iter().find_map(|&(label, anywhere)| {
        let at = text.find(label)?;
        let after_text = text[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        if after_text && !anywhere {
            return None;
        }
        let after = &text[at + label.len()..];
        let rest = after.trim_start_matches([':', '：', '/', '／', '|', '｜', ' ', '\u{3000}']);
        // A bare label runs into the name ("记者唐霁）"), or into prose ("向记者介绍，"): a name
        // ends at a space, a bracket or the end.
        let bare = label.chars().next_back().is_some_and(char::is_alphabetic) && rest.len() == after.len();
        let name_end = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
        if bare && rest[name_end..].chars().next().is_some_and(|c| !(c.is_whitespace() || "）)".contains(c))) {
            return None;
        }
        cjk_names(rest)
    })
}

/// The credit in brackets near a line's start ("新京报快讯（记者 裴剑飞）", "（职工通讯员 李琴雯
/// 刘会）"): the names after its label.
fn opening_credit(line: &str) -> Option<String> {
    let open = line.find(['（', '('])?;
    if line[..open].chars().count() > CREDIT_MAX_OFFSET {
        return None;
    }
    let bracket = line[open..].chars().next()?;
    let inside = &line[open + bracket.len_utf8()..];
    let inside = &inside[..inside.find(['）', ')'])?];
    after_cjk_label(inside).filter(|_| CJK_REPORTER_LABELS.iter().any(|l| inside.contains(l)))
}

/// The credit printed at the end of a Chinese story, in its last [`BYLINE_END_BLOCKS`] blocks,
/// the last first: a labelled credit line ("采写：南都见习记者 林子沛", "（文/图 刘玺东）") when
/// `labelled`, else the reporter's bare name in brackets closing a paragraph ("……将先后在巴西
/// 举行。（张巨峰）"). `text` is the article's plain text, blocks separated by blank lines.
pub fn at_text_end(text: &str, labelled: bool) -> Option<String> {
    text.rsplit("\n\n").take(BYLINE_END_BLOCKS).find_map(|block| {
        let block = block.trim_end();
        let bracketed = block.strip_suffix(['）', ')']).and_then(|rest| {
            let inside = &rest[rest.rfind(['（', '('])?..];
            Some(inside.trim_start_matches(['（', '(']))
        });
        if labelled {
            return bracketed
                .and_then(after_cjk_label)
                .or_else(|| (block.chars().count() <= DATE_LINE_MAX_CHARS).then(|| after_cjk_label(block)).flatten());
        }
        let inside = bracketed?;
        let names = cjk_names(inside).filter(|n| n.chars().any(crate::text::is_cjk))?;
        let letters = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
        (letters(&names) == letters(inside)).then_some(names)
    })
}

/// Where `needle` (lower-case ASCII, or CJK) first stands in `haystack`, ASCII case aside; a byte
/// offset of `haystack` itself, which lower-casing the haystack would not keep (`İ` grows).
fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| haystack.get(i..i + needle.len()).is_some_and(|h| h.eq_ignore_ascii_case(needle)))
}

/// The responsible editor a short text names, with the label as printed ("责任编辑：张申"): an
/// editor is no author, so this stands only where nothing else names a person, and says what
/// it is.
pub fn editor(text: &str) -> Option<String> {
    let text = text.trim();
    if text.chars().count() > DATE_LINE_MAX_CHARS {
        return None;
    }
    let names = labelled(text, EDITOR_LABELS)?;
    Some(format!("{}{names}", EDITOR_LABELS.iter().find(|(l, _)| text.contains(l))?.0))
}

/// The name part of an English byline's text after its "By": up to the first date or
/// separator, at most [`BYLINE_MAX_WORDS`] words ("Jane Doe and Li Wei | Nov 20, 2019").
pub fn name_part(rest: &str) -> Option<String> {
    let end = rest.find(BYLINE_SEPARATORS).unwrap_or(rest.len());
    let end = rest.find(" - ").map_or(end, |at| at.min(end));
    let name = names_only(&rest[..end])?;
    let name = name.strip_suffix(" on").or_else(|| name.strip_suffix(" On")).unwrap_or(&name).trim().to_string();
    (name.split_whitespace().count() <= BYLINE_MAX_WORDS && name.chars().next().is_some_and(char::is_alphabetic))
        .then_some(name)
}

/// The names after a Chinese or Japanese byline label ("张三 李四 来源：新华社" gives "张三 李四"):
/// names of at most [`CJK_NAME_MAX_CHARS`] characters (a Latin account name too), separated by
/// spaces or `、`, up to the first other text.
pub fn cjk_names(rest: &str) -> Option<String> {
    let mut names: Vec<&str> = Vec::new();
    for token in rest.split([' ', '\u{3000}', '、', '，', ',', '&']) {
        if token.is_empty() {
            continue;
        }
        let end = token
            .find(|c: char| !(c.is_alphabetic() || c == '·' || c == '•'))
            .unwrap_or(token.len());
        let name = &token[..end];
        // A role written onto the name ("路闻卓立编译": compiled by 路闻卓立).
        let name = CJK_CREDIT_ROLES
            .iter()
            .find_map(|r| name.strip_suffix(r).filter(|n| n.chars().count() >= 2))
            .unwrap_or(name);
        let is_name = (name.chars().count() >= 2 || name.is_ascii() && !name.is_empty())
            && name.chars().count() <= CJK_NAME_MAX_CHARS.max(if name.is_ascii() { 24 } else { 0 })
            && BYLINE_CUT_MARKERS.iter().all(|m| !name.contains(m))
            && !CJK_CREDIT_ROLES.contains(&name);
        if is_name {
            names.push(name);
        }
        if !is_name || end < token.len() {
            break;
        }
    }
    (!names.is_empty()).then(|| names.join(" "))
}

/// White space collapsed, a leading [`BYLINE_PREFIXES`] word ("By", "Written by") or "作者："
/// removed; `None` when nothing is left.
pub fn clean(byline: &str) -> Option<String> {
    let collapsed = crate::text::normalize_space(byline);
    let trimmed = collapsed.trim();
    let prefix = BYLINE_PREFIXES
        .iter()
        .find(|p| trimmed.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)))
        .map(|p| p.len());
    let rest = match prefix {
        Some(len) => &trimmed[len..],
        None => trimmed.strip_prefix("作者：").or_else(|| trimmed.strip_prefix("作者:")).unwrap_or(trimmed),
    };
    let rest = rest.trim();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The article's byline: the person the page's metadata names, else the labelled credit ending
/// a Chinese story (`text` is the article's plain text: a reporter named there outranks the
/// platform account a byline element shows), else a byline element's text, else a bare name
/// closing the story, else the metadata's `fallback` (an unlabelled name beside the date, the
/// site, the editor).
pub fn choose(person: Option<String>, fallback: Option<String>, from_text: Option<String>, text: &str) -> Option<String> {
    person
        .or_else(|| at_text_end(text, true))
        .or_else(|| from_text.as_deref().and_then(names_only))
        .or_else(|| at_text_end(text, false))
        .or(fallback)
}

#[cfg(test)]
mod tests {
    use super::{clean, names_only};

    #[test]
    fn a_day_and_month_without_a_year_is_no_name() {
        assert_eq!(names_only("Lucas Nolan22 Dec").as_deref(), Some("Lucas Nolan"));
        assert_eq!(names_only("Jane Doe Dec 22").as_deref(), Some("Jane Doe"));
        assert_eq!(names_only("Jane March").as_deref(), Some("Jane March"), "a surname that is a month, with no day");
    }

    #[test]
    fn bylines_lose_their_prefix() {
        assert_eq!(clean("By  Jane\n Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(clean("BY: Joe Wee").as_deref(), Some("Joe Wee"));
        assert_eq!(clean("作者：张三").as_deref(), Some("张三"));
        assert_eq!(clean("Byron Smith").as_deref(), Some("Byron Smith"));
        assert_eq!(clean("é作者").as_deref(), Some("é作者"));
        assert_eq!(clean("by").as_deref(), Some("by"));
        assert_eq!(clean(" \n "), None);
    }
}
